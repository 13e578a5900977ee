""":mod:`timeline.events.locations`: where an event happened, and the gazetteer's reading of it (layer 2).

:func:`location_of` picks the most specific place a sentence names for its event (every place name
competes, scored by its phrasing; cue words in ``resources/geo/location_cues.json``); :func:`place_in`
reads the chosen name in the offline gazetteer with the text's other places as context.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.tokens import Span, Token

from .. import resources
from ..gazetteer import POPULATED_PLACE, entries, key_of
from ..geo import capital_of, is_country_name, is_region_name, place_of
from ..nlp import (
    doc_ents,
    ent_at,
    ents_in,
    per_doc,
    per_doc_part,
    sent_of,
    sentences_after,
    sentences_before,
    span_text,
)
from ..types import Place
from .arguments import place_text, strip_determiner
from .rules import PLACE_LABELS, actor_countries_table


def location_of(span: Span, actors: tuple[str, ...] = ()) -> str:
    """Where: the most specific place the sentence names for its event.

    Every place name of the sentence competes: its named-entity span, or a run of capitalised words
    the gazetteer knows or the phrasing marks as a place ("X village", "the village of X",
    "X (District, Province)", the object of "shelled X", any name after "in", "at" or "near"). A name gains
    for a locative preposition ("in", "near", "the outskirts of"), a settlement noun after it, a parenthetical
    of the regions it lies in, for being the start of a route ("travelled from A to B"), ACLED's name in
    square brackets ("the area of X [Y]"), and for being a populated place rather than a region or a country;
    it loses when it is an origin ("from X"), a dateline, inside the parenthetical of another place, the
    region around an area or an open-country site ("X area in Y", "X desert in Y province"), or when it only
    qualifies an actor ("Luhansk People's Militia", "Ukraine forces"). Ties go to the first named.
    A target that is a place competes as a name.
    """
    coded = _coded_place(span.doc)
    if coded:
        return coded
    mentions = _place_mentions(sent_of(span), actors)
    if not mentions:
        return _earlier_place(span, actors) or _authority_seat(sent_of(span)) or _national_seat(sent_of(span))
    best = max(mentions, key=lambda m: (m[0] + TRIGGER_WEIGHT * _of_the_trigger(m[1], span), -m[1].start))
    tied = _tied_place(best[1], [name for _, name in mentions])
    return _alias_after(best[1]) or _mention_text(tied or best[1])


def _coded_place(doc: object) -> str:
    """The place an ACLED-style note says it is coded at: "(presumed to be at the state capital of Wad
    Medani)", "(assumed to be Abadam LGA, Borno)", "in the area of X, coded as Y (District, Province)": the
    annotator names the place the event is put at. The name must be a place: the gazetteer's town, or
    followed by a division noun or a regions' parenthetical ("coded as Southern Resistance", "coded as 10",
    "assumed to be rioters" name none). "Presumed" and "assumed" only open a parenthetical comment.
    "(approximate coordinates from X, used)" is left: X may be a namesake abroad the text gives no country
    to read it by. Read once per text."""
    return per_doc(doc, "coded_place", lambda: next(  # type: ignore[arg-type]
        (place for token in doc if token.lower_ in _cues()["coding_words"]  # type: ignore[attr-defined]
         and (token.lower_ == "coded" or _opens_comment(token)) and (place := _coded_name_after(token))), ""))


def _opens_comment(word: Token) -> bool:
    """The word is among the first of a parenthetical: an annotator's comment ("(presumed to be at X)"), not
    a sentence of the story ("the pilot was presumed to be in Kabul")."""
    doc = word.doc
    return any(doc[k].text == "(" for k in range(max(word.i - 3, 0), word.i))


def _coded_name_after(word: Token) -> str:
    """The place name after a coding word and its links ("coded as", "presumed to be at the capital of")."""
    doc = word.doc
    i = word.i + 1
    while i < len(doc) and i - word.i <= CODING_GAP and doc[i].lower_ in _cues()["coding_links"]:
        i += 1
    j = i
    while j < len(doc) and (_name_word(doc[j]) or (j > i and _name_link(doc, j, len(doc)))):
        j += 1
    if j == i or i == word.i + 1:
        return ""
    text = span_text(doc[i:j])
    after = _hyphenated_word(doc[j]) if j < len(doc) else ""
    regions = j + 1 < len(doc) and doc[j].text == "(" and _regions_inside(doc, j)
    if _known_kind_of(text) == "place" or _noun_kind(after) == "division" or regions:
        return text
    return ""


#: How many link words may come between a coding word and the place ("presumed to be at the capital of").
CODING_GAP = 8


def _alias_after(name: Span) -> str:
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
    if opening < name.start and not _name_word(doc[opening - 1]):
        return ""
    close = next((k for k in range(opening + 1, min(opening + 8, len(doc))) if doc[k].text == "]"), None)
    inside = doc[opening + 1 : close] if close else None
    if inside is None or not len(inside) or not _capitalised(inside[0]):
        return ""
    linked = all(_capitalised(t) or t.text == "-" or t.lower_ in _cues()["name_particles"] for t in inside)
    return span_text(inside) if linked and _capitalised(inside[-1]) else ""


def _capitalised(token: Token) -> bool:
    """A capitalised word of letters, whatever the parse makes of it ("In" of "In-Azawa" is a name's part)."""
    return token.text[:1].isupper() and _NAME_WORD.match(token.text) is not None


def _earlier_place(span: Span, actors: tuple[str, ...]) -> str:
    """The place of the paragraph's sentence before (or of the rest of a cut sentence), for an event
    whose own sentence names none.

    A report names the place with its first act and goes on without it ("an armed fight ensued between
    two families in Braytal. The two sides exchanged fire."; "... shot and killed two persons smuggling
    Khat in X town", cut in two by the parser): the event is where the sentence before it placed the
    first. A sentence the parser cut before its end (no full stop) goes on in the next one, which is read
    first. Not when the sentence has a date of its own (another story: "he surrendered last February").
    Only a place that scores well (:data:`EARLIER_SCORE`)."""
    sent = sent_of(span)
    cut = sentences_after(sent, 1) if not span_text(sent).rstrip().endswith((".", "!", "?", '"', "”")) else []
    dated = any(ent.label_ == "DATE" for ent in ents_in(sent))  # "he surrendered last February"
    for earlier in [*cut, *([] if dated else sentences_before(sent, EARLIER_SENTENCES))]:
        mentions = [m for m in _place_mentions(earlier, actors) if m[0] >= EARLIER_SCORE]
        if mentions:
            best = max(mentions, key=lambda m: (m[0], -m[1].start))
            return _mention_text(_tied_place(best[1], [name for _, name in mentions]) or best[1])
    return ""


def _authority_seat(sent: Span) -> str:
    """The seat of a local authority the sentence names, for an event of a sentence (and of the sentence
    before) that names no place: "X Governorship announced a mandatory use of face masks", "X Governor's
    Office extended the ban", "X Municipality closed the market": the authority acts at its seat, which the
    gazetteer must know as a place or a region (not "the Central Bank Governor")."""
    doc = sent.doc
    for token in sent:
        if token.lower_ not in _cues()["seat_nouns"] or token.i == sent.start:
            continue
        start = token.i
        while start > sent.start and _name_word(doc[start - 1]) and not doc[start - 1].is_sent_start:
            start -= 1
        if start < token.i and _known_kind_of(span_text(doc[start : token.i])) in ("place", "region"):
            return span_text(doc[start : token.i])
    return ""


def _national_seat(sent: Span) -> str:
    """The capital of the country whose national government the sentence names by its nationality, for an
    event of a sentence (and of the sentence before) that names no place: "the Turkish Government began
    enforcing a curfew in 31 provinces": a national decision is coded at the capital (the nouns are
    ``national_government_nouns``; not "the local government", "the Nairobi government", a city's name,
    nor "Ukrainian government forces", armed men the noun only qualifies)."""
    demonyms = actor_countries_table()
    for token in sent:
        if token.lower_ not in _cues()["national_government_nouns"] or token.dep_ == "compound":
            continue
        words = [t for t in sent.doc[max(token.i - 2, sent.start) : token.i] if t.text[:1].isupper()]
        nationalities = [w for w in words if w.lower_ in demonyms and not _known_kind_of(w.text)]
        country = demonyms[nationalities[0].lower_] if nationalities else ""
        if country and capital_of(country):
            return capital_of(country)
    return ""


#: How many sentences back an event without a place of its own looks for one.
EARLIER_SENTENCES = 1

#: The score a place of another sentence needs: a name after a locative preposition, or one the gazetteer
#: knows ("to the Khawarij", "Oaitse Nawa of the Society" score less).
EARLIER_SCORE = 2


def _tied_place(name: Span, names: list[Span]) -> Span | None:
    """The town a small place is tied to, which ACLED codes in its stead, or ``None``.

    A village or an area named by its noun ("X village", "the village of X", "X area") and then placed
    on the outskirts, in the countryside or near a town ("Al-X village on the outskirts of Tarhuna",
    "the village of X in the western countryside of Tell Abiad", "X area near Samarra"): ACLED's gazetteer
    rarely has such a village and codes the town (geo-precision 2). An area, a neighbourhood or a community
    "of"/"in" a town the gazetteer knows ("the Soba area of Khartoum", "the X community of Accra") is coded
    as the town. Not so when the tie is a first-level region ("X in the countryside of Aleppo": ACLED finds
    the village), a district ("X area of Tuban district"), or a country."""
    cues = _cues()
    noun = _noun_after(name) or _governing_noun(name)
    if noun not in cues["tied_nouns"]:
        return None
    i = name.end + _noun_length(_noun_after(name))
    starts = {n.start: n for n in names if n.start > i}
    for j in range(i, min(i + 6, len(name.doc))):
        word = name.doc[j]
        if j in starts and j > i:
            between = {t.lower_ for t in name.doc[i:j]}
            town = starts[j]
            if _tied_by(between, noun, town, bool(_noun_after(name))):
                return town
            return None
        if not word.text.islower():
            return None
    return None


def _tied_by(between: set[str], noun: str, town: Span, after_name: bool) -> bool:
    """The words between a small place and a town tie the one to the other: "on the outskirts of",
    "in the eastern countryside of", "in rural", "near" a town that is no first-level region's namesake
    ("the countryside of Idleb" is the governorate's); or "of"/"in" alone after the area noun that follows
    its name ("X area of Y"; not "the market area of X in Y") when the gazetteer has a town of that name, no
    division noun follows it ("X area of Tuban district") and, after "in", it is no region's namesake
    ("X area in al-Hasakeh" may be the governorate; "the Soba area of Khartoum" is the town's)."""
    cues = _cues()
    if between & set(cues["tie_words"]):
        return not _names_a_region(span_text(town))
    if between == {"in"} and _noun_after(town) in cues["coded_unit_nouns"]:
        return True  # "X village in Y payam": ACLED codes the unit
    after = town.doc[town.end].lower_ if town.end < len(town.doc) else ""
    alone = between in ({"of"}, {"in"}, {"of", "the"}, {"in", "the"})
    return (after_name and noun in cues["quarter_nouns"] and alone
            and _noun_kind(after) != "division" and _is_town_name(span_text(town))
            and ("of" in between or not _names_a_region(span_text(town))))


@lru_cache(maxsize=4096)
def _names_a_region(text: str) -> bool:
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
    return "".join(words[1:] if len(words) > 1 and words[0] in _cues()["articles"] else words)


@lru_cache(maxsize=4096)
def _is_town_name(text: str) -> bool:
    """The gazetteer has a populated place of that name."""
    return any(e.kind == POPULATED_PLACE for e in entries(key_of(text)))


#: What hanging on the event's own word adds to a place name's score.
TRIGGER_WEIGHT = 2


def _of_the_trigger(name: Span, trigger: Span) -> int:
    """1 when the name hangs on the trigger (a few dependency steps up): in a sentence of several events,
    each takes its own place ("talks in Quebec follow talks in Jeddah")."""
    token = _root(name)
    for _ in range(4):
        if trigger.start <= token.i < trigger.end:
            return 1
        if token.head is token:
            break
        token = token.head
    return 0


def place_in(sent: Span, location: str) -> Place:
    """The gazetteer's reading of a chosen location, with the sentence's other place names as its context
    (the parenthetical "(District, Province)", a country named) and "near X" as ACLED precision 2."""
    if not location:
        return Place()
    mentions = [name for _, name in _scored_mentions(sent)]
    context = [span_text(n) for n in mentions if span_text(n) != location]
    context += _parenthetical_names(sent) + _document_places(sent.doc)
    near = any(span_text(n) == location and _is_near(n) for n in mentions)
    place = place_of(location, context=context, near=near)
    return place if place.country else _container_place(mentions, location, context) or place


#: How many words may come between a place and the place it is "in" ("X military base in Y": 3).
CONTAINER_GAP = 4


def _container_place(mentions: list[Span], location: str, context: list[str]) -> Place | None:
    """For a place the gazetteer does not know, the first-level region (or its namesake) the sentence puts it
    in right after its name ("the Rumeilan base in Al-Hasakeh", "al-Busayrah in Deir-ez-Zor"; not a country,
    nor the container of another place: "from X to Minna town in Niger state"; not a town whose region the
    gazetteer names otherwise, which may be a namesake abroad): its country and region, at precision 2 at
    best (a small part of the region), or ``None``."""
    ends = [n.end for n in mentions if span_text(n) == location]
    for name in mentions:
        after = any(0 < name.start - end <= CONTAINER_GAP for end in ends)
        region = _names_a_region(span_text(name)) and not is_country_name(span_text(name))
        if after and region and _contains_place(name):
            place = place_of(span_text(name), context=[c for c in context if c != span_text(name)])
            if place.country:
                return replace(place, geo_precision=max(place.geo_precision or 2, 2))
    return None


def _document_places(doc: object) -> list[str]:
    """The places the whole text names (a country, the regions in actors' names: "Luhansk People's Militia")."""
    return per_doc(doc, "document_places", lambda: list(dict.fromkeys(  # type: ignore[arg-type]
        span_text(e) for e in doc_ents(doc) if e.label_ in ("GPE", "LOC")))[:DOCUMENT_PLACES])  # type: ignore[arg-type]


#: How many of a text's first place names help read an ambiguous one.
DOCUMENT_PLACES = 30


def _place_mentions(sent: Span, actors: tuple[str, ...]) -> list[tuple[int, Span]]:
    """The sentence's place names with their scores, less those inside an actor's name ("residents of X",
    "a Reni town councillor") unless a strong locative preposition governs them ("in X")."""
    if not actors:
        return _scored_mentions(sent)
    strong = _cues()["strong_locative_preps"]
    return [(score, name) for score, name in _scored_mentions(sent)
            if not (any(span_text(name) in actor for actor in actors) and _governing_prep(name) not in strong)]


def _scored_mentions(sent: Span) -> list[tuple[int, Span]]:
    """The sentence's place names that qualify no actor, with their scores (read once per sentence)."""
    return per_doc_part(sent.doc, "place_mentions", sent.start, lambda: [
        (score, name) for name in _name_spans(sent)
        if not _qualifies_actor(name) and (score := _place_score(name)) is not None])


def _name_spans(sent: Span) -> list[Span]:
    """Place entities, then the runs of capitalised words outside dates, numbers and nationalities (the small
    model often tags a village as a person, an organisation or a nationality: the phrasing and the gazetteer decide)."""
    doc = sent.doc
    spans = [part for e in ents_in(sent) if e.label_ in PLACE_LABELS for part in _entity_parts(e)]
    demonyms = actor_countries_table()
    taken = {i for e in ents_in(sent) if (e.label_ in _NOT_NAME_LABELS and not _no_date(e)) or (
        e.label_ == "NORP" and span_text(e).lower() in demonyms) for i in range(e.start, e.end)}
    i = sent.start
    while i < sent.end:
        if i in taken or not (_name_word(doc[i]) or _coded_name(doc, i)) or doc[i].is_sent_start:
            i += 1
            continue
        j = i + 1
        while j < sent.end and j not in taken and (_name_word(doc[j]) or _name_link(doc, j, sent.end)):
            j += 1
        while j > i + 1 and not _name_word(doc[j - 1]):
            j -= 1
        j = _with_number(doc, j, sent.end)
        if not (j == i + 1 and doc[i].lower_ in _cues()["name_particles"]):
            spans.append(doc[i:j])
        i = j
    places = [span for span in spans if span.label_ in PLACE_LABELS]
    runs = [span for span in spans if span.label_ not in PLACE_LABELS and len(span) > 1 and (
        _noun_kind(span[-1].lower_) or any(not _name_word(t) for t in span))]
    cut = [span for span in spans if span.label_ not in PLACE_LABELS and len(span) > 1]
    spans = [span for span in spans if not any(  # a name inside (or cut from) a longer one is not another place
        r.start <= span.start and span.end <= r.end and len(r) > len(span) for r in runs + places) and not any(
        r.start < span.start < r.end < span.end for r in cut)]
    return _unique_spans([_with_article(span) for span in spans])


def _coded_name(doc: object, i: int) -> bool:
    """A letter and a number that name a settlement by its distance along a road ("K50 settlement", "in the
    vicinity of K50 (Marka, Lower Shabelle)"): a name when a settlement noun or the regions it lies in
    follow it (not "the M23 (March 23 Movement)", "the G20")."""
    token = doc[i]  # type: ignore[index]
    if not _CODED_NAME.match(token.text) or i + 1 >= len(doc):  # type: ignore[arg-type]
        return False
    after = doc[i + 1]  # type: ignore[index]
    regions = after.text == "(" and _regions_listed_after(doc[i : i + 1])  # type: ignore[index]
    return _noun_kind(after.lower_) == "settlement" or regions


_CODED_NAME = re.compile(r"^[A-Z]\d{1,3}$")


def _no_date(ent: Span) -> bool:
    """A date or time entity that is only capitalised names, with no digit, month, weekday, holiday or other
    time word ("near Luhanske." at a note's end, which the small model may tag as a date): a name, not a
    date."""
    if ent.label_ not in ("DATE", "TIME"):
        return False
    words = [t for t in ent if t.lower_ not in ("the", "-")]
    return bool(words) and all(_name_word(t) and t.lower_ not in _time_words() for t in words)


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """The lower-case words that make a capitalised entity a date ("May", "Monday", "Ramadan")."""
    words = resources.load("temporal/words.json", lang=resources.DEFAULT_LANG)
    tables = ("months", "month_abbreviations", "weekdays", "units", "unit_plurals", "parts_of_day", "seasons",
              "number_words", "ordinals", "clock_words")
    names = [w for table in tables for w in words[table]] + [w for h in words["holidays"] for w in h.split()]
    return frozenset(w.lower() for w in names + _cues()["calendar_names"])


def _entity_parts(ent: Span) -> list[Span]:
    """A place entity cut where the small model ran two names together: at a parenthesis or "in"
    ("Coast of X (Y", "the Serail in Sidon")."""
    cuts = [t.i for t in ent if t.text in ("(", ")") or (t.lower_ == "in" and t.i > ent.start)]
    if not cuts:
        return [ent]
    bounds = [ent.start, *cuts, ent.end]
    parts = [(a if a == ent.start else a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False)]
    return [Span(ent.doc, a, b, label=ent.label_) for a, b in parts
            if b > a and any(_name_word(t) for t in ent.doc[a:b])]


def _with_article(span: Span) -> Span:
    """The name with the Arabic article before it ("al Tabqa", "in As Sabaa"): ACLED keeps it."""
    doc = span.doc
    start = span.start
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _cues()["articles"]:
        return doc[start - 2 : span.end]  # "al-Hasakeh" split by the tokenizer
    before = doc[start - 1] if start >= 2 else None
    if before is not None and (before.text in _cues()["lowercase_articles"] or (
            before.lower_ in _cues()["articles"] and before.text[:1].isupper() and not before.is_sent_start)):
        return doc[start - 1 : span.end]
    return span


_NOT_NAME_LABELS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")


def _with_number(doc: object, j: int, end: int) -> int:
    """The end of a name with the number that ends it ("Mine 6/7", "Zolote-1"), before a comma or the sentence end."""
    k = j + 1 if j < end and doc[j].text == "-" else j  # type: ignore[index]
    if k < end and _NAME_NUMBER.match(doc[k].text) and (k + 1 >= end or doc[k + 1].is_punct):  # type: ignore[index]
        return k + 1
    return j


_NAME_NUMBER = re.compile(r"^\d{1,3}(?:/\d{1,3})?$")


def _unique_spans(spans: list[Span]) -> list[Span]:
    seen: dict[tuple[int, int], Span] = {}
    for span in spans:
        seen.setdefault((span.start, span.end), span)
    return list(seen.values())


def _name_word(token: Token) -> bool:
    return token.text[:1].isupper() and _NAME_WORD.match(token.text) is not None and token.pos_ in (
        "PROPN", "NOUN", "ADJ", "VERB", "X")


_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’][^\W\d_])*(?:-\d{1,2})?$")


def _name_link(doc: object, j: int, end: int) -> bool:
    """A hyphen or an Arabic article inside a name ("Tall ad Dhahab", "Deir-ez-Zor")."""
    token = doc[j]  # type: ignore[index]
    if token.lower_ in _cues()["name_particles"] and j + 2 < end and doc[j + 1].text == "-":  # type: ignore[index]
        return _name_word(doc[j + 2])  # type: ignore[index]  # "Jabal al-Zawiya"
    if token.lower_ == "of" and doc[j - 1].lower_ in _cues()["names_with_of"] and j + 1 < end:  # type: ignore[index]
        return _name_word(doc[j + 1])  # type: ignore[index]  # "Coast of Zwara", "Gulf of Aden"
    particle = token.text == "-" or (token.lower_ in _cues()["name_particles"] and j + 1 < end
                                     and _article_fits(token.lower_, doc[j + 1].lower_))  # type: ignore[index]
    return particle and j + 1 < end and _name_word(doc[j + 1])  # type: ignore[index]


def _article_fits(particle: str, word: str) -> bool:
    """An Arabic article that takes the sound of the next word's first consonant ("at Tuhayta", "as Sabaa",
    "Deir ez Zor") begins with it only before that consonant: "the PMF at Mukeshefah", "the Army as X" are
    English words between two names. Other particles ("al", "abu", "bin") fit any name."""
    if particle not in _cues()["assimilated_articles"]:
        return True
    return word.startswith(particle[1:])


def _root(name: Span) -> Token:
    """The name's head word, past an Arabic article the parse takes for a determiner ("An Nubayjah")."""
    if len(name) > 1 and name[0].lower_ in _cues()["articles"]:
        start = 2 if len(name) > 2 and name[1].text == "-" else 1
        return name[start:].root
    return name.root


def _place_score(name: Span) -> int | None:
    """How surely a name is the event's place, or ``None`` when it is no place at all."""
    cues = _cues()
    prep = _governing_prep(name) or ("of" if _governing_noun(name) else "")
    kind = _name_kind(name)
    governing = _governing_noun(name)
    known = _known_kind(name)
    is_entity = _root(name).ent_type_ in PLACE_LABELS and _root(name).ent_iob_ != "O"
    personal = _root(name).ent_type_ == "PERSON" and governing in cues["personal_site_nouns"]  # "the house of MP X"
    # "the International Court of Justice" (but "Al Watiyah airbase", "the Tulkarm refugee camp" are places)
    open_site = (len(name) > 1 and name[-1].lower_ in cues["open_site_nouns"]  # "over X Plain": no person
                 and prep in cues["locative_preps"])
    organisation = _root(name).ent_type_ in ("ORG", "PERSON") and not _named_site_noun(name) and not open_site
    place_kinds = ("settlement", "vicinity", "division") if organisation else ("settlement", "vicinity", "division", "site")
    quarter = governing in cues["quarter_nouns"]  # "the neighborhood of X", even if X is tagged a person
    of_place = _noun_kind(governing) in place_kinds[:2 if organisation else 4] or quarter
    strong = (kind in place_kinds or (of_place and not personal)
              or governing in cues["open_site_nouns"] or _route_end(name) == "from"
              or (prep in cues["strong_locative_preps"] and name.start > 0 and name.doc[name.start - 1].lower_ == prep
                  and _bare_name(name) and not (organisation and kind == "site"))
              or prep in cues["near_words"] or _object_name(name) or _parenthetical_after(name)
              or _bracketed_alias(name)
              or _regions_listed_after(name) or (_followed_by_container(name) and _root(name).ent_type_ != "PERSON"
                                                 and prep in ("", *cues["locative_preps"])))
    if all(t.lower_ in cues["actor_heads"] for t in name) or name[0].lower_ in cues["titles"]:
        return None  # "the Mayor", "Forces", "President Donald Trump": a title or an actor's noun, capitalised
    if organisation and not kind and any(t.lower_ in cues["actor_heads"] for t in name):
        return None  # "the regime's Air Force Intelligence", "Popular Mobilisation Forces": an organisation's name
    if len(name) == 1 and _noun_kind(name[0].lower_):
        return None  # "the City entrance", "at K60 Settlement": a place noun, capitalised, names no place by itself
    coded = _coded_name(name.doc, name.start)  # "K50 settlement": a name, though in capitals
    if len(name) == 1 and name.text.isupper() and known != "country" and not coded:
        return None  # an acronym ("OPS", "IED", "HQ") names an organisation or a thing
    if not is_entity and not strong and not (known and prep in cues["locative_preps"] and _in_text_country(name)):
        return None  # a capitalised name the model does not call a place needs the phrasing of one, or the
        # gazetteer's word that it is a place in the country the text is about
    if (_root(name).ent_type_ == "NORP" and name.start > 0 and name.doc[name.start - 1].pos_ in ("DET", "ADJ")
            and not _named_site_noun(name)):
        return None  # "the northern Iraqi city": a description (but "the Halba highway" is Halba's)
    if name.start > 0 and name.doc[name.start - 1].lower_ in ("a", "an"):
        return None  # "a Kenyan city": a description, not a name
    if _inside_parentheses(name):
        return -5
    if _local_name(name):
        return LOCAL_NAME_SCORE
    score = {"place": 1, "region": -1, "country": -2}.get(known, 0)
    if _root(name).dep_ == "conj" or (_root(name).dep_ == "appos" and known in ("region", "country")):
        score -= 1  # the second of a list, or the region of a place ("near X, Donetsk")
    route = _route_end(name)
    if route == "from":
        score += 4  # "travelled from A to B", "a patrol starting from A to B": ACLED codes where the route starts
    elif prep in cues["origin_preps"] and not _is_near(name):
        score -= 4
    elif prep == "of":
        score += 2 if _noun_kind(governing) in ("settlement", "vicinity", "site") else 0
    elif prep in cues["locative_preps"] or _named_noun(name).dep_ == "dobj":
        score += 2
    if route == "to":
        score -= 3  # the end of a route
    score += {"settlement": 2, "vicinity": 1, "division": -1, "site": -2}.get(kind, 0)
    if _bracketed_alias(name):
        score += 3 + (3 if _parenthetical_after(name) else 0)  # "near X camp [Jabal Y] (District, Province)"
    if _parenthetical_after(name) and known != "country" and kind != "site":
        score += 3
    located = _near_region_seat(name) or _near_a_coded_unit(name) or _located_by_distance(name)
    if _bearing_point(name) or located:
        score -= BEARING_LOSS
    if _contains_place(name) and _noun_after(name) in cues["coded_unit_nouns"]:
        score += 2  # "X village in Y sub-county": ACLED codes the unit, its gazetteer lacks the village
    elif _contains_place(name) and not (_parenthetical_after(name) and not kind):
        # "Qatma in Afrin", "Wuji village in Lainya county": the container is less specific, unless it is
        # ACLED's own "Y (Region)"
        score -= 2
        score -= REGION_CONTAINER_LOSS if _names_a_region(span_text(name)) else 0
    if _noun_after(name) in cues["coded_unit_nouns"] and not _contains_place(name):
        score += CODED_UNIT_GAIN  # "X boma near Y": ACLED's gazetteer holds the unit
    if _unit_of_a_village(name):
        score += CODED_UNIT_GAIN
    if _in_a_coded_place(name):
        score -= CODED_CONTAINER_LOSS
    if kind in ("vicinity", "site") and _in_a_city(name):
        score -= 3  # "X area in Y city", "Habima Square in Tel Aviv": ACLED codes the city
    if name.start > 0 and name.doc[name.start - 1].lower_ == "the" and not kind:
        # "the Seray in Nabatiyeh", "the Mall": a named building or institution, not a town
        score -= 3 if _followed_by_container(name) else 1
    if name.start < 6 and span_text(name).isupper():
        score -= 3  # a dateline ("KYIV, Ukraine (AP) —")
    return score


#: What the point of a bearing loses: as much as an origin ("X area west of Y city": Y only tells where X is).
BEARING_LOSS = 4


def _bearing_point(name: Span) -> bool:
    """The name is the point a compass bearing is taken from, and a named area, district or camp comes before
    the bearing ("Al Hamra area located to the west of Y city", "X district north-west of Y", "X military
    camp north of the city of Y"): the text places the named area by Y, and ACLED codes the area. Not after
    a village or a bridge ("X village west of Y": ACLED's gazetteer has the town, not the village), nor a
    bearing with a distance ("5 km west of Y": near Y)."""
    doc = name.doc
    i = name.start - 1
    if i >= 2 and doc[i].lower_ == "of" and doc[i - 1].lower_ in _cues()["city_nouns"]:
        i -= 2 + (doc[i - 2].lower_ == "the")  # "north of the city of Y"
    i -= doc[i].lower_ == "the"
    if i < 2 or doc[i].lower_ != "of":
        return False
    i -= 1
    while i > 0 and (doc[i].lower_ in _cues()["compass_words"] or doc[i].text == "-"):
        i -= 1
    if i == name.start - 2 or doc[i + 1].lower_ not in _cues()["compass_words"]:
        return False
    while i > 0 and doc[i].lower_ in ("the", "to", "in", "located", "situated", "lying"):
        i -= 1
    noun = doc[i].lower_
    military_site = noun in _cues()["named_site_nouns"] and (
        noun in _cues()["open_site_nouns"] or _noun_kind(noun) == "settlement")  # "X military camp", "X base"
    named_area = noun in _cues()["vicinity_nouns"] or noun in _cues()["division_nouns"] or military_site
    return named_area and i > 0 and (_name_word(doc[i - 1]) or _name_word(doc[i - 2]))


def _located_by_distance(name: Span) -> bool:
    """The name is followed by a comma and its distance from another place ("attacked X, 10 km from Y
    (District, Province)", "the village of X, about ten kilometres north of Y"): the text places the small
    place by the town, and ACLED codes the town, near it (``distance_units``)."""
    doc = name.doc
    i = name.end + _noun_length(_noun_after(name))
    if i + 3 >= len(doc) or doc[i].text != ",":
        return False
    i += 1 + (doc[i + 1].lower_ in _cues()["approximation_words"])
    if i + 2 >= len(doc) or not doc[i].like_num or doc[i + 1].lower_ not in _cues()["distance_units"]:
        return False
    i += 2 + (doc[i + 2].lower_ in _cues()["compass_words"])
    return i + 1 < len(doc) and doc[i].lower_ in ("from", "of") and _name_word(doc[i + 1])


def _near_region_seat(name: Span) -> bool:
    """The name follows "X, near" and is a first-level region's seat or namesake ("an army post in X, near
    Diffa (Diffa)", "X village, near Idleb"): the seat only says in which part of its region X lies, and
    ACLED codes X. Not a town that names no region ("the villages of X, near Bule (Djugu, Ituri)": ACLED
    codes the town)."""
    doc = name.doc
    i = name.start
    if i < 3 or doc[i - 1].lower_ != "near" or doc[i - 2].text != "," or not _name_word(doc[i - 3]):
        return False
    text = span_text(name)
    return _names_a_region(text) and not is_country_name(text)


#: What a unit ACLED's gazetteer holds gains when the text names it ("Jungu boma", "Aweng payam").
CODED_UNIT_GAIN = 2


def _unit_of_a_village(name: Span) -> bool:
    """The name is the unit ACLED's gazetteer holds that a village named just before lies in: "X village
    situated in the commune of Y", "the village of X, in the commune of Y" (``coded_unit_nouns``): ACLED codes
    the unit, its gazetteer lacking the village."""
    doc = name.doc
    if _governing_noun(name) not in _cues()["coded_unit_nouns"] or name.start < 4:
        return False
    i = name.start - 3 - (doc[name.start - 3].lower_ == "the")
    while i > 0 and doc[i].lower_ in ("in", "situated", "located", "lying", ","):
        i -= 1
    village = doc[i].lower_ in _cues()["settlement_nouns"] or _governing_noun(doc[i : i + 1]) in _cues()[
        "settlement_nouns"]
    return i < name.start - 4 and village and doc[i].tag_ != "NNS"


def _near_a_coded_unit(name: Span) -> bool:
    """The name follows "X <unit> near" with a unit ACLED's gazetteer holds (``coded_unit_nouns``:
    "fighting in X boma near Yei (Central Equatoria state)"): the town only says where the unit lies, and
    ACLED codes the unit (a village near a town is coded as the town: "X village near Y")."""
    doc = name.doc
    i = name.start
    return (i >= 3 and doc[i - 1].lower_ == "near" and doc[i - 2].lower_ in _cues()["coded_unit_nouns"]
            and _name_word(doc[i - 3]))


#: What a container loses more when it is a first-level region or its namesake ("the Rumeilan base in
#: Al-Hasakeh", "al-Busayrah in Deir-ez-Zor", "a patrol in Amuda countryside in al-Hasakeh"): it names only
#: the province, and ACLED codes the place the text names inside it, even a site or a town's countryside.
REGION_CONTAINER_LOSS = 2


#: What a place loses when it lies in a place that ACLED's regions' parenthetical follows.
CODED_CONTAINER_LOSS = 2


def _in_a_coded_place(name: Span) -> bool:
    """The name is followed by "in Y (District, Province)", Y no district ("Hamza Camp in Mashru al-Hadba
    (Tripoli)", "the Jabulani Mall in Soweto (City of Johannesburg, Gauteng)"): the text gives Y's regions, in
    ACLED's style for the place it codes, and X is a site or a part of Y. Not after a division noun ("Danhono
    in Chikun LGA (Kaduna)": the LGA only says where the village lies)."""
    doc = name.doc
    i = name.end + _noun_length(_noun_after(name))
    if i + 2 >= len(doc) or doc[i].lower_ != "in" or not _name_word(doc[i + 1]):
        return False
    j = i + 1
    while j < len(doc) and (_name_word(doc[j]) or _name_link(doc, j, len(doc))):
        j += 1
    nouns = [_hyphenated_word(t) for t in doc[i + 1 : min(j + 1, len(doc))]]
    if any(_noun_kind(noun) == "division" for noun in nouns):
        return False
    return j + 1 < len(doc) and doc[j].text == "(" and _regions_inside(doc, j)


def _bare_name(name: Span) -> bool:
    """A proper name standing alone, as a town's is ("in Shewa Robit"): no article, no possessive, not an
    organisation the model knows ("at the Cato Institute", "in Parliament", "in Lai's trial")."""
    doc = name.doc
    after = doc[name.end].text if name.end < len(doc) else ""
    kinds = ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW") + (() if _has_article(name) else ("NORP",))
    return (_root(name).ent_type_ not in kinds
            and doc[name.start - 1].lower_ not in ("the", "a", "an") and after not in ("'s", "’s")
            and all(t.pos_ == "PROPN" or t.text == "-" or t.lower_ in _cues()["name_particles"]
                    for t in name))


def _has_article(name: Span) -> bool:
    """The name begins with the Arabic article ("al-Busayrah", "As Sabaa"): a place's or a family's name, no
    nationality, though the small model may tag it as one."""
    return len(name) > 1 and name[0].lower_ in _cues()["articles"]


def _in_text_country(name: Span) -> bool:
    """The gazetteer's place of that name is in a country the text names (any, if it names none)."""
    countries = per_doc(name.doc, "document_countries", lambda: {  # type: ignore[arg-type]
        place_of(n).country for n in _document_places(name.doc) if is_country_name(n)} - {""})
    return not countries or place_of(span_text(name), context=sorted(countries)).country in countries


def _regions_listed_after(name: Span) -> bool:
    """A parenthetical listing regions follows the name: "(District, Province)"."""
    doc = name.doc
    i = name.end + _noun_length(_noun_after(name))
    if i + 1 >= len(doc) or doc[i].text != "(":
        return False
    close = next((k for k in range(i + 1, min(i + 12, len(doc))) if doc[k].text == ")"), None)
    return close is not None and any(t.text == "," for t in doc[i + 1 : close]) and _region_initial(doc[i + 1].text)


def _route_end(name: Span) -> str:
    """"from" or "to" when the name begins or ends the route of a verb of going ("travelled from A to B",
    "a patrol starting from A to the outskirts of B"), else ""."""
    token = _named_noun(name)
    while token.dep_ in ("appos", "conj") and token.head.i < token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("from", "to"):
        return ""
    if name.start > 0 and name.doc[name.start - 1].lower_ == "the" and not _noun_after(name):
        return ""  # "marched from the Saray to the square": a building of the town, not a route between places
    verb = prep.head.head if prep.head.lower_ == "from" else prep.head  # "from A to B": "to" may hang on "from"
    if verb.lemma_ not in _cues()["route_verbs"]:
        return ""  # "divert water from A to B": no one went from A
    other = "to" if prep.lower_ == "from" else "from"
    nearby = [*verb.children, *prep.children, *token.children, prep.head]  # "from A to B", "from A town to B"
    return prep.lower_ if any(t.lower_ == other and t.dep_ == "prep" and t.i != prep.i for t in nearby) else ""


def _bracketed_alias(name: Span) -> bool:
    """The name is in square brackets after a place's name or noun: the text gives ACLED's name for the place
    ("the area of Inalabag [Tin Elebag]", "near X military camp [Jabal Y]")."""
    doc = name.doc
    if name.start < 2 or name.end >= len(doc) or doc[name.start - 1].text != "[" or doc[name.end].text != "]":
        return False
    before = doc[name.start - 2]
    return _name_word(before) or bool(_noun_kind(before.lower_))


def _followed_by_container(name: Span) -> bool:
    """The name is followed by "in" and another name: "Qatma in Afrin", "Wuji village in Lainya county"."""
    doc = name.doc
    i = name.end + _noun_length(_noun_after(name))
    return i + 1 < len(doc) and doc[i].lower_ == "in" and _name_word(doc[i + 1])


def _object_name(name: Span) -> bool:
    """A proper name that is the object of a verb that takes places ("shelled Kansafra"; not "told Parliament")."""
    root = _root(name)
    return (root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.pos_ == "PROPN" and root.ent_type_ != "NORP"
            and root.head.lemma_ in _cues()["place_object_verbs"])


def _named_site_noun(name: Span) -> str:
    """The noun of a site that bears the name of the place it is at, right after the name or after one
    lower-case word that qualifies it ("Al Watiyah airbase", "the Beddawi highway", "the Tulkarm refugee
    camp", "Kafr Lusin border crossing", "Koniko gas field"): ACLED codes the place of that name. The small
    model often tags such a name as an organisation or a person."""
    doc = name.doc
    for k in (name.end, name.end + 1):
        if k >= len(doc) or not doc[k].text.islower():
            return ""
        if doc[k].lower_ in _cues()["named_site_nouns"] and (k == name.end or doc[k - 1].head.i == k):
            return doc[k].lower_
    return ""


def _name_kind(name: Span) -> str:
    """What kind of place the noun after a name, or its own last word, says it is ("Miiracad village",
    "Habima Square", "Mogadishu-Hodan district": a city's district is a settlement for ACLED)."""
    noun = _noun_after(name)
    kind = _noun_kind(noun) or (_noun_kind(name[-1].lower_) if len(name) > 1 else "") or (
        "site" if _named_site_noun(name) else "")  # "the Tulkarm refugee camp": a site, a town after it wins
    if not kind and len(name) > 1 and name[0].lower_ in _cues()["site_words_before"]:
        kind = "site"  # "Lake Victoria", "Mount Elgon"
    if kind == "division" and "-" in span_text(name):
        city = span_text(name).split("-")[0].strip()
        if city.lower() not in _cues()["articles"] and place_of(city).geo_precision == 1:
            return "settlement"
    return kind


def _in_a_city(name: Span) -> bool:
    """An area or site followed by "in"/"of" and a name with "city" or "town" ("Al-Jami'ya neighborhood in Idleb city")."""
    doc = name.doc
    i = name.end + _noun_length(_noun_after(name))
    if i + 2 >= len(doc) or doc[i].lower_ not in ("in", "of"):
        return False
    j = i + 1 + (doc[i + 1].lower_ == "the")
    while j < len(doc) and (_name_word(doc[j]) or doc[j].text == "-"):
        j += 1
    return j < len(doc) and j > i + 1 and doc[j].lower_ in _cues()["city_nouns"]


def _noun_after(name: Span) -> str:
    """The common noun right after a name ("village" in "Miiracad village"), lower case, or ""."""
    doc = name.doc
    if name.end >= len(doc):
        return ""
    after = doc[name.end]
    if after.tag_ == "NNS" and after.lower_ in _cues()["settlement_nouns"]:
        return ""  # "Arab cities", "the Ichen villages of X": the name qualifies the places, it is none of them
    if after.text.islower() or after.lower_ == "lga":
        noun = _hyphenated_word(after)
        return noun if _noun_kind(noun) else ""
    return ""


def _noun_length(noun: str) -> int:
    """How many tokens a place noun after a name takes ("sub-county": three), none for no noun."""
    return 0 if not noun else 1 + 2 * noun.count("-")


def _hyphenated_word(token: Token) -> str:
    """The lower-case word a token begins, with the hyphen and the word the tokenizer cut off it ("sub-county"
    from "sub", "-", "county"), else the token's own lower-case text."""
    doc = token.doc
    i = token.i
    cut_off = doc[i + 2].text if i + 2 < len(doc) and doc[i + 1].text == "-" else ""
    if cut_off.isalpha() and cut_off.islower():
        return f"{token.lower_}-{cut_off}"
    return token.lower_


def _noun_kind(noun: str) -> str:
    cues = _cues()
    for kind in ("settlement", "vicinity", "division", "site"):
        if noun and noun in cues[f"{kind}_nouns"]:
            return kind
    return ""


def _contains_place(name: Span) -> bool:
    """The name only says where the place named just before lies: "X in Y", "X village in Y" ("Qatma in Afrin",
    "Wuji village in Lainya county") or "X area of Y district"; not so after a site or an area ("al Nour square in
    Tripoli": ACLED codes the town), nor for a city or town ("X area in Y city")."""
    doc = name.doc
    k = name.start - 2
    if _district_of_a_named_area(name):
        return True
    if k < 1 or doc[name.start - 1].lower_ != "in" or _name_kind(name) == "settlement":
        return False
    if doc[k].text == ",":
        k -= 1  # "the village of Amchide, in Kolofata subdivision"
    if _noun_kind(doc[k].lower_) == "settlement":
        k -= 1
    if _noun_kind(doc[k].lower_) == "site" and doc[k].lower_ not in _cues()["open_site_nouns"]:
        return False  # "Tahrir Square in Baghdad": ACLED codes the town (but "X desert in Anbar province": the site)
    named_noun = _noun_kind(doc[k].lower_) in ("site", "vicinity", "division")
    if named_noun:
        k -= 1  # "Abu Rasin area in al-Hasakeh", "the Qasruk base in Al-Hasakeh", "Amuda countryside in X"
    first = k
    while first > 0 and _name_word(doc[first - 1]):
        first -= 1
    if any(t.lower_ in _cues()["actor_heads"] for t in doc[first : k + 1]):
        return False  # "the regime's Air Force Intelligence in Da'el": an organisation, not a place
    if doc[first - 1].lower_ == "the" and not named_noun:
        return False  # "the Seray in Nabatiyeh": a named building
    return _name_word(doc[k]) and doc[k].ent_type_ not in _NOT_NAME_LABELS and not doc[k].is_sent_start


def _district_of_a_named_area(name: Span) -> bool:
    """A district that an area or a village named just before is "of": "X area of Y district (Region)",
    "X village of Y county": the district only says where the named area lies, and ACLED codes the area.
    Not a city's district, which ACLED codes itself ("X neighbourhood of Mogadishu-Hodan district"), nor
    after a site ("X valley of Y district"), a plural ("the villages of Y district") or before a local
    "region" ("X area of Y region": ACLED codes Y); the district nouns are ``area_district_nouns``."""
    doc = name.doc
    k = name.start - 2
    district = _noun_after(name) in _cues()["area_district_nouns"] and _name_kind(name) == "division"
    if k < 1 or doc[name.start - 1].lower_ != "of" or not district:
        return False
    if _noun_kind(doc[k].lower_) not in ("vicinity", "settlement") or doc[k].tag_ == "NNS":
        return False
    named = doc[k - 1]
    return _name_word(named) and named.ent_type_ not in _NOT_NAME_LABELS and not named.is_sent_start


def _known_kind(name: Span) -> str:
    """What the gazetteer knows a name as: "country", "region" (a first-level region, even if a town shares
    its name), "place" (only populated places) or ""."""
    return _known_kind_of(span_text(name))


@lru_cache(maxsize=8192)
def _known_kind_of(text: str) -> str:
    """:func:`_known_kind` of a name's text, kept per text (names recur across sentences and texts)."""
    place = place_of(text)
    if place.geo_precision is None:
        return ""
    if is_country_name(text):
        return "country"
    if place.geo_precision == 3 and not place.admin1:
        return "region"
    return "region" if place.geo_precision == 3 or is_region_name(text) else "place"


def _named_noun(name: Span) -> Token:
    """The noun a name qualifies ("district" in "Hays district"), else the name's own head."""
    token = _root(name)
    if token.dep_ in ("compound", "amod", "nmod", "poss") and token.head.i >= name.end:
        return token.head
    return token


def _governing_prep(name: Span) -> str:
    """The preposition a name (or the noun it names: "Hays district", "Bosaso town") is the object of."""
    token = _named_noun(name)
    while token.dep_ in ("appos", "conj") and token.head.i < token.i:
        token = token.head
    head = token.head
    return head.lower_ if token.dep_ == "pobj" and head.dep_ in ("prep", "agent", "dative") or head.pos_ == "ADP" else ""


def _governing_noun(name: Span) -> str:
    """The noun whose "of" governs a name: "village" in "the village of X", "outskirts" in "the outskirts of X"."""
    root = _root(name)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return root.head.head.lower_
    doc = name.doc
    if name.start >= 2 and doc[name.start - 1].lower_ == "of" and doc[name.start - 2].pos_ == "NOUN":
        return doc[name.start - 2].lower_  # the parse may hang the name elsewhere ("the village of Qazali west of ...")
    return ""


def _is_near(name: Span) -> bool:
    """The text puts the event near the place, not in it ("near X", "the outskirts of X", "10 km from X")."""
    near_words = _cues()["near_words"]
    prep = _governing_prep(name)
    noun = _named_noun(name)
    if prep == "of" and noun.head.head.pos_ == "NOUN" and noun.head.head.head.lower_ in near_words:
        return True  # "near the town of X"
    before = [t.lower_ for t in name.doc[max(name.start - 4, 0) : name.start]]
    return prep in near_words or _governing_noun(name) in near_words or (prep == "from" and any(
        w in near_words for w in before))


def _qualifies_actor(name: Span) -> bool:
    """A place name that only says whose an actor is ("Luhansk People's Militia", "Kerman Coal Mine Company"),
    or what a thing is ("Iskander missiles"): a name compounded with a common noun that is no place noun."""
    heads = _cues()["actor_heads"]
    root = _root(name)
    if _named_site_noun(name):
        return False  # "the Zahle roundabout and Military forces": the parse may hang the name on an actor
    head = root.head
    if (root.dep_ == "compound" and head.i >= name.end and head.pos_ == "NOUN" and head.text.islower()
            and not _noun_kind(_hyphenated_word(head)) and head.lower_ not in _cues()["event_nouns"]
            and not _bearing_head(root)):
        return True  # ... but "the Kabul attack" happened in Kabul
    if any(_qualified_actor_noun(c) for c in root.children if c.dep_ == "conj"):
        return True  # "between Bani Ali and Al Badi tribesmen": both names qualify the tribesmen
    nxt = [t.lower_ for t in name.doc[name.end : min(name.end + 4, len(name.doc))]]
    if nxt[:2] in (["people", "'s"], ["people", "’s"]):
        return True
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i >= name.end:
        return root.head.lower_ in heads
    return False


def _qualified_actor_noun(token: Token) -> bool:
    """An actor's noun that another name qualifies ("Al Badi tribesmen", "Ichen militias"; actor_heads):
    coordinated with it ("between A and B tribesmen"), a name is the first of the names the actor shares
    ("ties with Egypt and Gulf nations": no actor)."""
    return (token.pos_ == "NOUN" and token.lower_ in _cues()["actor_heads"]
            and any(c.dep_ == "compound" and _name_word(c) for c in token.children))


def _bearing_head(root: Token) -> bool:
    """A district or an area the parse hangs on the compass word after it ("on X district west of Y", read as
    "(X district) west"): a place, not a qualifier of the word."""
    place_noun = _noun_kind(root.lower_) in ("division", "vicinity")
    return place_noun and root.head.lower_ in _cues()["compass_words"]


def _parenthetical_after(name: Span) -> bool:
    """A parenthetical of capitalised region names follows the name, its place noun or the last name of its list
    ("Nacate (Meluco, Cabo Delgado)", "Bosaso town (Bari)", "between X and Y (District, Province)")."""
    doc = name.doc
    last = _root(name)
    while any(c.dep_ == "conj" for c in last.children):
        last = [c for c in last.children if c.dep_ == "conj"][-1]
    ends = {name.end, last.i + 1, _list_end(name)}
    if name.end < len(doc) and doc[name.end].text == "]":
        ends.add(name.end + 1)
    for end in list(ends):
        noun = _hyphenated_word(doc[end]) if end < len(doc) else ""
        if _noun_kind(noun) in ("settlement", "vicinity", "division"):
            ends.add(end + _noun_length(noun))
    if name.start > 0 and doc[name.start - 1].lower_ == "the":
        return False  # "the Hadash (Jebah)": a party and its other name
    return any(e + 1 < len(doc) and doc[e].text == "(" and _regions_inside(doc, e) for e in ends)


#: The score of a name the text gives as local or unsure: below any place that says where it lies.
LOCAL_NAME_SCORE = -3


def _local_name(name: Span) -> bool:
    """The name, or the list it begins, is followed (after its place noun) by a parenthetical saying it is
    a local or unsure name ("Gire Spi hill (Kurdish name) in Cukurca district", "in X area (unknown
    location) in the central district of Y"): ACLED's gazetteer lacks it and codes the place it lies in."""
    doc = name.doc
    words = set(_cues()["local_name_words"])
    for end in {name.end, _list_end(name), _chain_end(name)}:
        noun = _hyphenated_word(doc[end]) if end < len(doc) else ""
        end += _noun_length(noun) if _noun_kind(noun) else 0
        if end + 1 < len(doc) and doc[end].text == "(":
            inside = [t.lower_ for t in doc[end + 1 : min(end + 6, len(doc))]]
            if ")" in inside and words & set(inside[: inside.index(")")]):
                return True
    return False


def _chain_end(name: Span) -> int:
    """Where the chain of places a name is said to lie in ends, read from the words ("X hill in Y area
    (Kurdish names)": after "Y"): a local-name comment after the chain speaks of every name in it."""
    doc = name.doc
    i = name.end + _noun_length(_noun_after(name))
    end = name.end
    while i + 1 < len(doc) and doc[i].lower_ == "in" and _name_word(doc[i + 1]):
        i += 1
        while i < len(doc) and (_name_word(doc[i]) or _name_link(doc, i, len(doc))):
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
        if i == end or i >= len(doc) or not _name_word(doc[i]) or doc[i].ent_type_ in _NOT_NAME_LABELS:
            break
        while i < len(doc) and (_name_word(doc[i]) or _name_link(doc, i, len(doc))):
            i += 1
        end = i
    return end


def _regions_inside(doc: object, opening: int) -> bool:
    """A parenthetical that lists where a place lies: "(District, Province)" or one name ("Garabulli (Almargeb)");
    not an acronym ("Court of Justice (ICJ)")."""
    close = next((i for i in range(opening + 1, min(opening + 12, len(doc))) if doc[i].text == ")"), None)  # type: ignore[arg-type,index]
    if close is None or close == opening + 1 or not _region_initial(doc[opening + 1].text):  # type: ignore[index]
        return False
    inside = doc[opening + 1 : close]  # type: ignore[index]
    if any(_comment_word(t) for t in inside):
        return False  # "Gire Spi hill (Kurdish name)": a word on the name, not its regions
    if any(t.text == "," for t in inside):
        return True
    return not span_text(inside).isupper() and len(inside) <= 5


def _region_initial(text: str) -> bool:
    """A region's name begins with a capital, or with a lower-case prefix before it, as South Africa's
    municipalities do ("eThekwini", "iLembe", "uMgungundlovu"; not "the", "near")."""
    return text[:1].isupper() or (len(text) > 2 and text[0].islower() and text[1].isupper())


def _comment_word(token: Token) -> bool:
    """A lower-case word that is no place noun, name particle or function word: a parenthetical holding it
    comments on the name ("(Kurdish names)") rather than listing the regions it lies in ("(Kolofata
    subdivision, Far North)", "(City of Tshwane, Gauteng)")."""
    text = token.text
    return (text.isalpha() and text.islower() and not token.is_stop and not _noun_kind(text)
            and text not in _cues()["name_particles"] and text not in _cues()["lowercase_articles"])


def _inside_parentheses(name: Span) -> bool:
    """The name is inside a parenthetical that follows another name (the regions of a place)."""
    doc = name.doc
    for i in range(name.start - 1, max(name.start - 8, -1), -1):
        if doc[i].text == ")":
            return False
        if doc[i].text == "(":
            return i > 0
    return False


def _parenthetical_names(sent: Span) -> list[str]:
    """The names inside the sentence's parentheses, comma-separated ("(Rafi LGA, Niger)")."""
    text = span_text(sent)
    return [part.strip() for inside in re.findall(r"\(([^()]{2,80})\)", text) for part in inside.split(",")
            if part.strip()[:1].isupper()]


def _mention_text(name: Span) -> str:
    """The place as the text names it, without a settlement or area noun that ends it ("Mosul city" -> "Mosul")."""
    ent = ent_at(_root(name)) if _root(name).ent_iob_ != "O" else None
    if ent is not None and ent.start == name.start and ent.end == name.end:
        text = place_text(ent)
    else:
        text = span_text(name)
    if not (len(name) > 1 and name[0].lower_ in _cues()["articles"] and name[0].text[:1].isupper()):
        text = strip_determiner(text)  # ... but "An Nubayjah" keeps its Arabic article
    words = text.split()
    while len(words) > 1 and words[0].islower() and words[0] not in _cues()["lowercase_articles"]:
        words = words[1:]  # an entity that took in the preposition ("at Mututumba")
    text = " ".join(words)
    if len(words) > 1 and words[-1].islower() and _noun_kind(words[-1]) in ("settlement", "vicinity"):
        text = " ".join(words[:-1])
    if _noun_kind(_noun_after(name)) == "division" or _noun_after(name) in _cues()["front_nouns"]:
        return _district_seat(text)  # "Baqim district", "the Sirwah frontline": a district, coded at its seat
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
    opening = name.end + _noun_length(_noun_after(name))
    if opening + 2 >= len(doc) or doc[opening].text != "(" or entries(key_of(text)):
        return ""
    close = next((k for k in range(opening + 1, min(opening + 12, len(doc))) if doc[k].text == ")"), None)
    members = span_text(doc[opening + 1 : close]).split(",") if close else []
    for member in (m.strip() for m in members):
        alike = SequenceMatcher(None, _bare_key(text), _bare_key(member)).ratio() >= SAME_NAME_LIKENESS
        if alike and _is_town_name(member):
            return member
    return ""


@lru_cache(maxsize=4096)
def _district_seat(text: str) -> str:
    """The seat of a district the text names by its district noun ("Baqim district", "Sirwah district") or
    as a frontline ("the Sirwah frontline"; front_nouns), when the gazetteer knows the name only as another
    name of one town (the district's seat: "Baqim as Suq", "Suq Sirwah"): ACLED codes a district at its seat,
    under the seat's own name. Else the name as written (with its article, :func:`_with_known_article`)."""
    found = entries(key_of(text))
    towns = {e.name for e in found if e.kind == POPULATED_PLACE}
    if len(towns) != 1 or any(e.primary for e in found) or not _another_name(text, next(iter(towns))):
        return _with_known_article(text)
    return _ascii(towns.pop())


def _another_name(district: str, seat: str) -> bool:
    """The seat's name is another name than the district's, not a respelling of it: it holds the district's
    name and more words ("Suq Sirwah" for Sirwah), or is unlike it ("An Nazir" for Razih); "Mexmur" for
    Makhmur, "Svetlodarsk" for Svitlodarsk are the same name spelt otherwise: ACLED keeps the text's."""
    words, seat_words = key_of(district).split(), key_of(seat).split()
    if set(words) < set(seat_words):
        return True
    return SequenceMatcher(None, key_of(district), key_of(seat)).ratio() < RESPELLING_LIKENESS


#: How alike two spellings of one name are at least ("Makhmur", "Mexmur": 0.62; "Razih", "An Nazir": 0.46).
RESPELLING_LIKENESS = 0.6


def _ascii(text: str) -> str:
    """A name without its diacritics, as ACLED writes names ("Baqim as Sūq" -> "Baqim as Suq")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _with_known_article(text: str) -> str:
    """An Arabic place name the text writes without its article, which the gazetteer knows only with it
    ("the village of Sawiyah" is As Sawiyah, "Durayhimi district" Ad Durayhimi): ACLED's gazetteer names it
    with the article, as the gazetteer does. A name the gazetteer knows as written ("Rutba", "Aden"), or
    with no article, is kept."""
    key = key_of(text)
    if not key or entries(key) or key.split()[0] in _cues()["articles"]:
        return text
    for article in _cues()["articles"]:
        if any(e.kind == POPULATED_PLACE and e.primary for e in entries(f"{article} {key}")):
            return f"{article.capitalize()} {text}"
    return text


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[str]]:
    cues: dict[str, list[str]] = resources.load("geo/location_cues.json")
    return cues
