""":mod:`timeline.events.place_names`: which words of a sentence name places, and how to read them (layer 2).

:func:`name_spans` finds the place names of a sentence: its place entities and the runs of capitalised
words outside dates and nationalities, with their Arabic articles, hyphens, links and numbers ("Tall ad
Dhahab", "Mine 6/7", "K50 settlement"). :func:`has_parenthetical_after` and its kin read what ACLED writes
after a name: the regions it lies in ("X (District, Province)"), a comment that it is a local or unsure name
("(Kurdish name)"), ACLED's own name in square brackets (:func:`alias_after`). :func:`mention_text` reads a
chosen name as ACLED's gazetteer spells it (a district coded at its seat, a respelling given in the regions'
parenthetical, a known Arabic article). The place nouns after a name ("X village", "Y sub-county") and the cue
words (``resources/geo/location_cues.json``, :func:`location_cues`) serve :mod:`.locations` too, which
chooses the event's place among the names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache, wraps
from typing import TypeVar

from spacy.attrs import LOWER, ORTH, POS
from spacy.symbols import ADJ, NOUN, PROPN, VERB, X
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..gazetteer import POPULATED_PLACE, entries, key_of
from ..geo import is_country_name, is_region_name, place_of
from ..nlp import ent_at, ents_in, per_doc, per_doc_part, span_text, token_column, token_strings
from .arguments import place_text, strip_determiner
from .rules import PLACE_LABELS, actor_countries_table

T = TypeVar("T")


def per_name(compute: Callable[[Span], T]) -> Callable[[Span], T]:
    """``compute(name)``, once per Doc and token range: a name's reading (its head, the noun after it) depends
    on its bounds only, and the place scoring asks for it many times per name (:func:`timeline.nlp.per_doc_part`,
    which :func:`timeline.nlp.forget_cache` empties)."""
    key = "name_" + compute.__name__

    @wraps(compute)
    def cached(name: Span) -> T:
        return per_doc_part(name.doc, key, (name.start, name.end), lambda: compute(name))

    return cached


@lru_cache(maxsize=1)
def location_cues() -> dict[str, list[str]]:
    """The cue words of places (``resources/geo/location_cues.json``): place nouns, prepositions, name particles,
    articles and the other word lists, under the file's keys (loaded once)."""
    cues: dict[str, list[str]] = resources.load("geo/location_cues.json")
    return cues


def name_spans(sent: Span) -> list[Span]:
    """Place entities, then the runs of capitalised words outside dates, numbers and nationalities (the small
    model often tags a village as a person, an organisation or a nationality: the phrasing and the gazetteer decide)."""
    doc = sent.doc
    spans = [part for e in ents_in(sent) if e.label_ in PLACE_LABELS for part in _entity_parts(e)]
    demonyms = actor_countries_table()
    taken = {i for e in ents_in(sent) if (e.label_ in NOT_NAME_LABELS and not _no_date(e)) or (
        e.label_ == "NORP" and span_text(e).lower() in demonyms) for i in range(e.start, e.end)}
    words, texts, lowers = name_words(doc), token_strings(doc, ORTH), token_strings(doc, LOWER)
    i = sent.start
    while i < sent.end:
        if i in taken or not (words[i] or (_CODED_NAME.match(texts[i]) and is_coded_name(doc, i))) \
                or doc[i].is_sent_start:
            i += 1
            continue
        j = i + 1
        while j < sent.end and j not in taken and (words[j] or is_name_link(doc, j, sent.end)):
            j += 1
        while j > i + 1 and not words[j - 1]:
            j -= 1
        j = _with_number(doc, j, sent.end)
        if not (j == i + 1 and lowers[i] in location_cues()["name_particles"]):
            spans.append(doc[i:j])
        i = j
    places = [span for span in spans if span.label_ in PLACE_LABELS]
    runs = [span for span in spans if span.label_ not in PLACE_LABELS and len(span) > 1 and (
        place_noun_kind(lowers[span.end - 1]) or not all(words[span.start : span.end]))]
    cut = [span for span in spans if span.label_ not in PLACE_LABELS and len(span) > 1]
    spans = [span for span in spans if not any(  # a name inside (or cut from) a longer one is not another place
        r.start <= span.start and span.end <= r.end and len(r) > len(span) for r in runs + places) and not any(
        r.start < span.start < r.end < span.end for r in cut)]
    return _unique_spans([_with_article(span) for span in spans])


#: The entity labels of dates and numbers, whose words are no place name ("Monday", "Five").
NOT_NAME_LABELS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")


def is_coded_name(doc: Doc, i: int) -> bool:
    """A letter and a number that name a settlement by its distance along a road ("K50 settlement", "in the
    vicinity of K50 (Marka, Lower Shabelle)"): a name when a settlement noun or the regions it lies in
    follow it (not "the M23 (March 23 Movement)", "the G20")."""
    token = doc[i]
    if not _CODED_NAME.match(token.text) or i + 1 >= len(doc):
        return False
    after = doc[i + 1]
    regions = after.text == "(" and has_regions_listed_after(doc[i : i + 1])
    return place_noun_kind(after.lower_) == "settlement" or regions


_CODED_NAME = re.compile(r"^[A-Z]\d{1,3}$")


def _no_date(ent: Span) -> bool:
    """A date or time entity that is only capitalised names, with no digit, month, weekday, holiday or other
    time word ("near Luhanske." at a note's end, which the small model may tag as a date): a name, not a
    date."""
    if ent.label_ not in ("DATE", "TIME"):
        return False
    words = [t for t in ent if t.lower_ not in ("the", "-")]
    return bool(words) and all(is_name_word(t) and t.lower_ not in _time_words() for t in words)


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """The lower-case words that make a capitalised entity a date ("May", "Monday", "Ramadan")."""
    words = resources.load("temporal/words.json", lang=resources.DEFAULT_LANG)
    tables = ("months", "month_abbreviations", "weekdays", "units", "unit_plurals", "parts_of_day", "seasons",
              "number_words", "ordinals", "clock_words")
    names = [w for table in tables for w in words[table]] + [w for h in words["holidays"] for w in h.split()]
    return frozenset(w.lower() for w in names + location_cues()["calendar_names"])


def _entity_parts(ent: Span) -> list[Span]:
    """A place entity cut where the small model ran two names together: at a parenthesis or "in"
    ("Coast of X (Y", "the Serail in Sidon")."""
    doc = ent.doc
    texts, lowers = token_strings(doc, ORTH), token_strings(doc, LOWER)  # no Token built for each word
    cuts = [i for i in range(ent.start, ent.end)
            if texts[i] in ("(", ")") or (lowers[i] == "in" and i > ent.start)]
    if not cuts:
        return [ent]
    bounds = [ent.start, *cuts, ent.end]
    parts = [(a if a == ent.start else a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False)]
    words = name_words(doc)
    return [Span(doc, a, b, label=ent.label_) for a, b in parts if b > a and any(words[a:b])]


def _with_article(span: Span) -> Span:
    """The name with the Arabic article before it ("al Tabqa", "in As Sabaa"): ACLED keeps it."""
    doc = span.doc
    start = span.start
    if start < 2:
        return span
    texts, lowers = token_strings(doc, ORTH), token_strings(doc, LOWER)  # a Token only for an article
    if texts[start - 1] == "-" and lowers[start - 2] in location_cues()["articles"]:
        return doc[start - 2 : span.end]  # "al-Hasakeh" split by the tokenizer
    before = texts[start - 1]
    if before in location_cues()["lowercase_articles"] or (
            lowers[start - 1] in location_cues()["articles"] and before[:1].isupper()
            and not doc[start - 1].is_sent_start):
        return doc[start - 1 : span.end]
    return span


def _with_number(doc: Doc, j: int, end: int) -> int:
    """The end of a name with the number that ends it ("Mine 6/7", "Zolote-1"), before a comma or the sentence end."""
    k = j + 1 if j < end and doc[j].text == "-" else j
    if k < end and _NAME_NUMBER.match(doc[k].text) and (k + 1 >= end or doc[k + 1].is_punct):
        return k + 1
    return j


_NAME_NUMBER = re.compile(r"^\d{1,3}(?:/\d{1,3})?$")


def _unique_spans(spans: list[Span]) -> list[Span]:
    seen: dict[tuple[int, int], Span] = {}
    for span in spans:
        seen.setdefault((span.start, span.end), span)
    return list(seen.values())


def is_name_word(token: Token) -> bool:
    """A capitalised word of letters (with an apostrophe or a hyphened number: "Dar'a", "Zolote-1") that the
    parse takes for a name, a noun, an adjective or a verb: a word a place name may be made of."""
    return token.text[:1].isupper() and _NAME_WORD.match(token.text) is not None and token.pos_ in (
        "PROPN", "NOUN", "ADJ", "VERB", "X")


_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’][^\W\d_])*(?:-\d{1,2})?$")
#: The parts of speech of :func:`is_name_word`, as the ids of the Doc's ``POS`` column.
_NAME_WORD_POS = frozenset({PROPN, NOUN, ADJ, VERB, X})


def name_words(doc: Doc) -> list[bool]:
    """:func:`is_name_word` of every token of a Doc, read once per Doc from its text and part-of-speech
    columns (no Token built)."""
    return per_doc(doc, "name_words", lambda: [
        text[:1].isupper() and _NAME_WORD.match(text) is not None and pos in _NAME_WORD_POS
        for text, pos in zip(token_strings(doc, ORTH), token_column(doc, POS), strict=True)])


def _capitalised(token: Token) -> bool:
    """A capitalised word of letters, whatever the parse makes of it ("In" of "In-Azawa" is a name's part)."""
    return token.text[:1].isupper() and _NAME_WORD.match(token.text) is not None


def is_name_link(doc: Doc, j: int, end: int) -> bool:
    """A hyphen or an Arabic article inside a name ("Tall ad Dhahab", "Deir-ez-Zor")."""
    token = doc[j]
    if token.lower_ in location_cues()["name_particles"] and j + 2 < end and doc[j + 1].text == "-":
        return is_name_word(doc[j + 2])  # "Jabal al-Zawiya"
    if token.lower_ == "of" and doc[j - 1].lower_ in location_cues()["names_with_of"] and j + 1 < end:
        return is_name_word(doc[j + 1])  # "Coast of Zwara", "Gulf of Aden"
    particle = token.text == "-" or (token.lower_ in location_cues()["name_particles"] and j + 1 < end
                                     and _article_fits(token.lower_, doc[j + 1].lower_))
    return particle and j + 1 < end and is_name_word(doc[j + 1])


def _article_fits(particle: str, word: str) -> bool:
    """An Arabic article that takes the sound of the next word's first consonant ("at Tuhayta", "as Sabaa",
    "Deir ez Zor") begins with it only before that consonant: "the PMF at Mukeshefah", "the Army as X" are
    English words between two names. Other particles ("al", "abu", "bin") fit any name."""
    if particle not in location_cues()["assimilated_articles"]:
        return True
    return word.startswith(particle[1:])


@per_name
def name_root(name: Span) -> Token:
    """The name's head word, past an Arabic article the parse takes for a determiner ("An Nubayjah")."""
    if len(name) > 1 and name[0].lower_ in location_cues()["articles"]:
        start = 2 if len(name) > 2 and name[1].text == "-" else 1
        return name[start:].root
    return name.root


@per_name
def place_noun_after(name: Span) -> str:
    """The common noun right after a name ("village" in "Miiracad village"), lower case, or ""."""
    doc = name.doc
    if name.end >= len(doc):
        return ""
    after = doc[name.end]
    if after.tag_ == "NNS" and after.lower_ in location_cues()["settlement_nouns"]:
        return ""  # "Arab cities", "the Ichen villages of X": the name qualifies the places, it is none of them
    if after.text.islower() or after.lower_ == "lga":
        noun = hyphenated_word(after)
        return noun if place_noun_kind(noun) else ""
    return ""


def place_noun_length(noun: str) -> int:
    """How many tokens a place noun after a name takes ("sub-county": three), none for no noun."""
    return 0 if not noun else 1 + 2 * noun.count("-")


def hyphenated_word(token: Token) -> str:
    """The lower-case word a token begins, with the hyphen and the word the tokenizer cut off it ("sub-county"
    from "sub", "-", "county"), else the token's own lower-case text."""
    doc = token.doc
    i = token.i
    cut_off = doc[i + 2].text if i + 2 < len(doc) and doc[i + 1].text == "-" else ""
    if cut_off.isalpha() and cut_off.islower():
        return f"{token.lower_}-{cut_off}"
    return token.lower_


def place_noun_kind(noun: str) -> str:
    """What kind of place a lower-case noun says: "settlement" ("village"), "vicinity" ("area"), "division"
    ("district") or "site" ("airbase"), after the cue lists ``<kind>_nouns``; "" for any other word."""
    return _place_noun_kinds().get(noun, "") if noun else ""


#: The kinds of place nouns, the first listed winning for a noun in two lists.
PLACE_NOUN_KINDS = ("settlement", "vicinity", "division", "site")


@lru_cache(maxsize=1)
def _place_noun_kinds() -> dict[str, str]:
    """Each place noun of the cue lists ``<kind>_nouns`` with its kind (one look-up, not four list scans)."""
    cues = location_cues()
    kinds: dict[str, str] = {}
    for kind in PLACE_NOUN_KINDS:
        for noun in cues[f"{kind}_nouns"]:
            kinds.setdefault(noun, kind)
    return kinds


@per_name
def has_parenthetical_after(name: Span) -> bool:
    """A parenthetical of capitalised region names follows the name, its place noun or the last name of its list
    ("Nacate (Meluco, Cabo Delgado)", "Bosaso town (Bari)", "between X and Y (District, Province)")."""
    doc = name.doc
    last = name_root(name)
    while any(c.dep_ == "conj" for c in last.children):
        last = [c for c in last.children if c.dep_ == "conj"][-1]
    if _last_opening(doc) < min(name.end, last.i + 1):
        return False  # no "(" where the ends below could be: most names, after a dateline's "(AP)"
    ends = {name.end, last.i + 1, _list_end(name)}
    if name.end < len(doc) and doc[name.end].text == "]":
        ends.add(name.end + 1)
    if names_residents(name):
        ends.add(name.end + 1)  # "Kibera residents (Langata, Nairobi)"
    for end in list(ends):
        noun = hyphenated_word(doc[end]) if end < len(doc) else ""
        if place_noun_kind(noun) in ("settlement", "vicinity", "division"):
            ends.add(end + place_noun_length(noun))
    if name.start > 0 and doc[name.start - 1].lower_ == "the":
        return False  # "the Hadash (Jebah)": a party and its other name
    return any(opens_regions_parenthetical(doc, e) for e in ends)


def _last_opening(doc: Doc) -> int:
    """The index of the Doc's last "(" token (-1 when it has none), read once per Doc: a parenthetical after a
    name needs one at or after the name's end, and most of a text's names come after its last one."""
    return per_doc(doc, "last_opening", lambda: max(
        (i for i, text in enumerate(token_strings(doc, ORTH)) if text == "("), default=-1))


def names_residents(name: Span) -> bool:
    """The name is followed by a noun of the people who live there ("Kibera residents", "Gidan Zaki villagers";
    ``resident_nouns``): the name says where they live, not whose group they are."""
    doc = name.doc
    return name.end < len(doc) and doc[name.end].lower_ in location_cues()["resident_nouns"]


def is_local_name(name: Span) -> bool:
    """The name, or the list it begins, is followed (after its place noun) by a parenthetical saying it is
    a local or unsure name ("Gire Spi hill (Kurdish name) in Cukurca district", "in X area (unknown
    location) in the central district of Y"): ACLED's gazetteer lacks it and codes the place it lies in."""
    doc = name.doc
    if _last_opening(doc) < name.end:
        return False  # no "(" after the name: no parenthetical can follow it
    words = set(location_cues()["local_name_words"])
    for end in {name.end, _list_end(name), _chain_end(name)}:
        noun = hyphenated_word(doc[end]) if end < len(doc) else ""
        end += place_noun_length(noun) if place_noun_kind(noun) else 0
        if end + 1 < len(doc) and doc[end].text == "(":
            inside = [t.lower_ for t in doc[end + 1 : min(end + 6, len(doc))]]
            if ")" in inside and words & set(inside[: inside.index(")")]):
                return True
    return False


def _chain_end(name: Span) -> int:
    """Where the chain of places a name is said to lie in ends, read from the words ("X hill in Y area
    (Kurdish names)": after "Y"): a local-name comment after the chain speaks of every name in it."""
    doc = name.doc
    i = name.end + place_noun_length(place_noun_after(name))
    end = name.end
    while i + 1 < len(doc) and doc[i].lower_ == "in" and is_name_word(doc[i + 1]):
        i += 1
        while i < len(doc) and (is_name_word(doc[i]) or is_name_link(doc, i, len(doc))):
            i += 1
        end = i
    return end


def _list_end(name: Span) -> int:
    """Where the list of names a name begins ends, read from the words when the parse missed the list
    ("between Pissila and Barsalogho (Barsalogho, Sanmatenga)", "in Kuna Masi, Sarok and Bezan areas"): the
    end of its last name, or the name's own end."""
    doc = name.doc
    end = i = name.end
    while i < len(doc):
        while i < len(doc) and doc[i].lower_ in (",", "and", "or"):
            i += 1
        if i == end or i >= len(doc) or not is_name_word(doc[i]) or doc[i].ent_type_ in NOT_NAME_LABELS:
            break
        while i < len(doc) and (is_name_word(doc[i]) or is_name_link(doc, i, len(doc))):
            i += 1
        end = i
    return end


def opens_regions_parenthetical(doc: Doc, opening: int) -> bool:
    """The token at ``opening`` is a "(" that opens a parenthetical of regions (:func:`is_regions_parenthetical`)."""
    return opening + 1 < len(doc) and doc[opening].text == "(" and is_regions_parenthetical(doc, opening)


def is_regions_parenthetical(doc: Doc, opening: int) -> bool:
    """A parenthetical that lists where a place lies: "(District, Province)" or one name ("Garabulli (Almargeb)");
    not an acronym ("Court of Justice (ICJ)")."""
    close = _closing_parenthesis(doc, opening)
    if close is None or close == opening + 1 or not _region_initial(doc[opening + 1].text):
        return False
    inside = doc[opening + 1 : close]
    if any(_comment_word(t) for t in inside):
        return False  # "Gire Spi hill (Kurdish name)": a word on the name, not its regions
    if any(t.text == "," for t in inside):
        return True
    return not span_text(inside).isupper() and len(inside) <= 5


#: How many tokens after its "(" a parenthetical of regions closes at the most.
PARENTHETICAL_SPAN = 12


def _closing_parenthesis(doc: Doc, opening: int) -> int | None:
    """The index of the ")" that closes the parenthetical opened at ``opening``, within
    :data:`PARENTHETICAL_SPAN` tokens; else None."""
    return next((k for k in range(opening + 1, min(opening + PARENTHETICAL_SPAN, len(doc)))
                 if doc[k].text == ")"), None)


def _region_initial(text: str) -> bool:
    """A region's name begins with a capital, or with a lower-case prefix before it, as South Africa's
    municipalities do ("eThekwini", "iLembe", "uMgungundlovu"; not "the", "near")."""
    return text[:1].isupper() or (len(text) > 2 and text[0].islower() and text[1].isupper())


def _comment_word(token: Token) -> bool:
    """A lower-case word that is no place noun, name particle or function word: a parenthetical holding it
    comments on the name ("(Kurdish names)") rather than listing the regions it lies in ("(Kolofata
    subdivision, Far North)", "(City of Tshwane, Gauteng)")."""
    text = token.text
    return (text.isalpha() and text.islower() and not token.is_stop and not place_noun_kind(text)
            and text not in location_cues()["name_particles"] and text not in location_cues()["lowercase_articles"])


def has_regions_listed_after(name: Span) -> bool:
    """A parenthetical listing regions follows the name: "(District, Province)"."""
    doc = name.doc
    i = name.end + place_noun_length(place_noun_after(name))
    if i + 1 >= len(doc) or doc[i].text != "(":
        return False
    close = _closing_parenthesis(doc, i)
    return close is not None and any(t.text == "," for t in doc[i + 1 : close]) and _region_initial(doc[i + 1].text)


def parenthetical_names(sent: Span) -> list[str]:
    """The names inside the sentence's parentheses, comma-separated ("(Rafi LGA, Niger)")."""
    text = span_text(sent)
    return [part.strip() for inside in re.findall(r"\(([^()]{2,80})\)", text) for part in inside.split(",")
            if part.strip()[:1].isupper()]


def alias_after(name: Span) -> str:
    """ACLED's name for a place, in square brackets right after the name the text uses ("shelled houses
    in Karim [Wadi Hanash] and Dhula villages", "the hills of Tinazawa [In-Azawa] (District, Region)"),
    whether the chosen name is the one before the brackets or a part of the alias ("Azawa"): ACLED codes
    the whole bracketed name. The parser often cuts the sentence at the bracket, so the alias is read from
    the document's words: a run of capitalised names, hyphens and name particles, else "" ("Karim [sic]",
    "[size=no report]")."""
    doc = name.doc
    before = range(name.start - 1, max(name.start - 4, 0), -1)
    opening = next((k for k in before if doc[k].text in "[]"), name.end)
    opening = opening if opening < name.start and doc[opening].text == "[" else name.end  # "[Y] Z": outside
    if opening + 2 >= len(doc) or doc[opening].text != "[":
        return ""
    if opening < name.start and not is_name_word(doc[opening - 1]):
        return ""
    close = next((k for k in range(opening + 1, min(opening + 8, len(doc))) if doc[k].text == "]"), None)
    inside = doc[opening + 1 : close] if close else None
    if inside is None or not len(inside) or not _capitalised(inside[0]):
        return ""
    linked = all(_capitalised(t) or t.text == "-" or t.lower_ in location_cues()["name_particles"] for t in inside)
    return span_text(inside) if linked and _capitalised(inside[-1]) else ""


def is_bracketed_alias(name: Span) -> bool:
    """The name is in square brackets after a place's name or noun: the text gives ACLED's name for the place
    ("the area of Inalabag [Tin Elebag]", "near X military camp [Jabal Y]")."""
    doc = name.doc
    if name.start < 2 or name.end >= len(doc) or doc[name.start - 1].text != "[" or doc[name.end].text != "]":
        return False
    before = doc[name.start - 2]
    return is_name_word(before) or bool(place_noun_kind(before.lower_))


def mention_text(name: Span) -> str:
    """The place as the text names it, without a settlement or area noun that ends it ("Mosul city" -> "Mosul")."""
    ent = ent_at(name_root(name)) if name_root(name).ent_iob_ != "O" else None
    if ent is not None and ent.start == name.start and ent.end == name.end:
        text = place_text(ent)
    else:
        text = span_text(name)
    if not (len(name) > 1 and name[0].lower_ in location_cues()["articles"] and name[0].text[:1].isupper()):
        text = strip_determiner(text)  # ... but "An Nubayjah" keeps its Arabic article
    words = text.split()
    while len(words) > 1 and words[0].islower() and words[0] not in location_cues()["lowercase_articles"]:
        words = words[1:]  # an entity that took in the preposition ("at Mututumba")
    text = " ".join(words)
    if len(words) > 1 and words[-1].islower() and place_noun_kind(words[-1]) in ("settlement", "vicinity"):
        text = " ".join(words[:-1])
    return _respelt_in_regions(name, text) or _with_known_article(text)


#: How alike two spellings of one name of a place and its district are at least, without their articles
#: ("Mulange", "Mulanje": 0.86; but "Al Hudayb (Bajil, Al Hudaydah)" is a village: 0.71).
SAME_NAME_LIKENESS = 0.8


def _respelt_in_regions(name: Span, text: str) -> str:
    """The gazetteer's spelling of a place the text spells otherwise, given in the parenthetical of the
    regions right after it ("Mulange (Mulanje, Southern)", "Qoryoley (Qoryooley, Lower Shabelle)": the
    district is named after its seat): ACLED codes the seat as its gazetteer spells it. Only when the
    gazetteer does not know the text's spelling and knows the other as a town, their names alike without
    their articles (:data:`SAME_NAME_LIKENESS`); else ""."""
    doc = name.doc
    opening = name.end + place_noun_length(place_noun_after(name))
    if opening + 2 >= len(doc) or doc[opening].text != "(" or entries(key_of(text)):
        return ""
    close = _closing_parenthesis(doc, opening)
    members = span_text(doc[opening + 1 : close]).split(",") if close else []
    for member in (m.strip() for m in members):
        alike = SequenceMatcher(None, _bare_key(text), _bare_key(member)).ratio() >= SAME_NAME_LIKENESS
        if alike and is_town_name(member):
            return member
    return ""


@lru_cache(maxsize=4096)
def _with_known_article(text: str) -> str:
    """An Arabic place name the text writes without its article, which the gazetteer knows only with it
    ("the village of Sawiyah" is As Sawiyah, "Durayhimi district" Ad Durayhimi): ACLED's gazetteer names it
    with the article, as the gazetteer does. A name the gazetteer knows as written ("Rutba", "Aden"), or
    with no article, is kept."""
    key = key_of(text)
    if not key or entries(key) or key.split()[0] in location_cues()["articles"]:
        return text
    for article in location_cues()["articles"]:
        if any(e.kind == POPULATED_PLACE and e.primary for e in entries(f"{article} {key}")):
            return f"{article.capitalize()} {text}"
    return text


@lru_cache(maxsize=4096)
def names_a_region(text: str) -> bool:
    """A first-level region's name, or a town's that shares it with its region ("Idleb", "Dar'a")."""
    if is_region_name(text) or is_country_name(text):
        return True
    region = place_of(text).admin1
    likeness = SequenceMatcher(None, _bare_key(text), _bare_key(region)).ratio() if region else 0.0
    return likeness >= REGION_LIKENESS


#: How alike a town's and its region's names are when the town is the region's namesake ("Dar'a", "Daraa").
REGION_LIKENESS = 0.7


def _bare_key(text: str) -> str:
    words = key_of(text).split()
    return "".join(words[1:] if len(words) > 1 and words[0] in location_cues()["articles"] else words)


@lru_cache(maxsize=4096)
def is_town_name(text: str) -> bool:
    """The gazetteer has a populated place of that name."""
    return any(e.kind == POPULATED_PLACE for e in entries(key_of(text)))
