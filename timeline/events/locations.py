""":mod:`timeline.events.locations`: where an event happened, and the gazetteer's reading of it (layer 2).

:func:`location_of` picks the most specific place a sentence names for its event (every place name
competes, scored by its phrasing; cue words in ``resources/geo/location_cues.json``); :func:`place_in`
reads the chosen name in the offline gazetteer with the text's other places as context. Which words name
places, the parentheticals after them and the spelling of a chosen name are :mod:`.place_names`'.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from ..gazetteer import key_of
from ..geo import is_country_name, is_region_name, place_of
from ..nlp import (
    dateline_spans,
    doc_ents,
    doc_text,
    ents_in,
    governing_verb,
    head_ids,
    head_path,
    per_doc,
    per_doc_part,
    sent_of,
    sentences_after,
    sentences_before,
    span_text,
    token_strings,
)
from ..types import Place
from .place_names import (
    NOT_NAME_LABELS,
    alias_after,
    has_parenthetical_after,
    has_regions_listed_after,
    hyphenated_word,
    is_bracketed_alias,
    is_coded_name,
    is_local_name,
    is_name_link,
    is_name_word,
    is_town_name,
    location_cues,
    mention_text,
    name_root,
    name_spans,
    names_a_region,
    names_residents,
    opens_regions_parenthetical,
    parenthetical_names,
    per_name,
    place_noun_after,
    place_noun_kind,
    place_noun_length,
)
from .rules import PLACE_LABELS, types_flagged


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
    mentions = [m for m in _place_mentions(sent_of(span), actors) if not _addressee(m[1], span)]
    if not mentions:
        return _earlier_place(span, actors) or _authority_seat(sent_of(span))
    best = max(mentions, key=lambda m: (m[0] + TRIGGER_WEIGHT * _of_the_trigger(m[1], span), -m[1].start))
    best = _town_within_a_region(best, mentions, span)
    tied = _tied_place(best[1], [name for _, name in mentions])
    return alias_after(best[1]) or (mention_text(tied) if tied else _with_open_site_noun(best[1]))


def _addressee(name: Span, trigger: Span) -> bool:
    """The place name is whom a statement is addressed to, the object of its verb ("Ankara is warning
    Washington of severe consequences", "the ministers urged Russia to accept", "accuses Rwanda of"): a
    government named by its country or capital, not where the words were said."""
    if trigger.label_ not in types_flagged("statement"):
        return False
    root = name_root(name)
    return root.dep_ in ("dobj", "dative") and root.head.i == trigger.root.i


def _with_open_site_noun(name: Span) -> str:
    """The name as the text gives it, with the qualified noun of the open-country site it names when a
    region follows ("Koniko gas field" in "near Koniko gas field in Deir-ez-Zor"): a gas or oil field is
    no place of that name, and ACLED names the site with its noun. A site noun right after the name keeps
    the name alone ("the Rumeilan base in Al-Hasakeh": the base bears the place's name)."""
    text = mention_text(name)
    doc = name.doc
    noun = _named_site_noun(name)
    qualified = noun and name.end + 1 < len(doc) and doc[name.end + 1].lower_ == noun
    if not qualified or noun not in location_cues()["open_site_nouns"] or not _open_site_in_a_division(name):
        return text
    return " ".join([text, doc[name.end].text, doc[name.end + 1].text])


#: The least score a town needs to take the event from a region the sentence also names.
TOWN_IN_REGION_SCORE = 3


def _town_within_a_region(best: tuple[int, Span], mentions: list[tuple[int, Span]],
                          trigger: Span) -> tuple[int, Span]:
    """A town or an area the event's clause (or a clause joined to it: "deployed ... and inspected ...")
    names in place of the first-level region (or country) that won: "deployed forces along the highway in
    Idleb and inspected the buildings in the Ariha area". ACLED codes the smaller place the text names; a
    region is coded when the sentence names nothing smaller ("shelled groups in Al Jawf and Taizz
    governorates"), and a town of another event's clause stays that event's ("talks in Geneva, days after
    talks in Jeddah collapsed")."""
    if _known_kind(best[1]) == "country":
        return _place_within_a_country(best, mentions, trigger)
    if not _names_a_region_or_country(best[1]) or _name_kind(best[1]) == "settlement":  # "Hudaydah city"
        return best
    towns = [m for m in mentions if m[0] >= TOWN_IN_REGION_SCORE and not _names_a_region_or_country(m[1])
             and _name_kind(m[1]) != "division" and _same_clause(name_root(m[1]), trigger.root)
             and (_name_kind(m[1]) in ("settlement", "vicinity")
                  or (_known_kind(m[1]) == "place" and name_root(m[1]).ent_type_ in PLACE_LABELS))]
    return max(towns, key=lambda m: (m[0], -m[1].start)) if towns else best


#: The least score a place needs to take the event from a country the sentence also names (above an
#: origin's, "from X", and a parenthetical's regions).
PLACE_IN_COUNTRY_SCORE = -2


def _place_within_a_country(best: tuple[int, Span], mentions: list[tuple[int, Span]],
                            trigger: Span) -> tuple[int, Span]:
    """The place named right before a country that only says where it lies, in place of the country that
    won: "fired shells south of Durayhimi district in western Yemen" (``country_part_words``). ACLED codes
    a country when the sentence names nothing smaller ("protesters in Lebanon")."""
    places = [m for m in mentions if m[0] >= PLACE_IN_COUNTRY_SCORE and _known_kind(m[1]) != "country"
              and _same_clause(name_root(m[1]), trigger.root) and _lies_in(m[1], best[1])
              and (_known_kind(m[1]) or name_root(m[1]).ent_type_ in PLACE_LABELS)]
    return max(places, key=lambda m: (m[0], -m[1].start)) if places else best


def _lies_in(place: Span, country: Span) -> bool:
    """The country right after the place says where it lies: "X [district] in [western] Country"."""
    words = [t.lower_ for t in place.doc[place.end:country.start]]
    if words and place_noun_kind(words[0]):
        words = words[1:]
    if words and words[-1] in location_cues()["country_part_words"]:
        words = words[:-1]
    return words == ["in"]


def _same_clause(word: Token, trigger: Token) -> bool:
    """Two words are in one clause, or in two clauses joined by "and" that share their subject."""
    one, other = governing_verb(word), governing_verb(trigger)
    return (one == other or (one.dep_ == "conj" and one.head == other)
            or (other.dep_ == "conj" and other.head == one))


def _names_a_region_or_country(name: Span) -> bool:
    """The name is a country's, a first-level region's or a region's namesake ("Idleb", "Aden")."""
    return _known_kind(name) in ("region", "country") or names_a_region(span_text(name))


def _coded_place(doc: Doc) -> str:
    """The place an ACLED-style note says it is coded at: "(presumed to be at the state capital of Wad
    Medani)", "(assumed to be Abadam LGA, Borno)", "in the area of X, coded as Y (District, Province)": the
    annotator names the place the event is put at. The name must be a place: the gazetteer's town, or
    followed by a division noun or a regions' parenthetical ("coded as Southern Resistance", "coded as 10",
    "assumed to be rioters" name none). "Presumed" and "assumed" only open a parenthetical comment.
    "(approximate coordinates from X, used)" is left: X may be a namesake abroad the text gives no country
    to read it by. Read once per text."""
    return per_doc(doc, "coded_place", lambda: next(
        (place for token in _coding_words(doc)
         if (token.lower_ == "coded" or _opens_comment(token)) and (place := _coded_name_after(token))), ""))


def _coding_words(doc: Doc) -> list[Token]:
    """The coding words of a text ("coded", "presumed", "assumed"), read off its lower-case column."""
    words = location_cues()["coding_words"]
    return [doc[i] for i, lower in enumerate(token_strings(doc, LOWER)) if lower in words]


def _opens_comment(word: Token) -> bool:
    """The word is among the first of a parenthetical: an annotator's comment ("(presumed to be at X)"), not
    a sentence of the story ("the pilot was presumed to be in Kabul")."""
    return "(" in token_strings(word.doc, ORTH)[max(word.i - 3, 0) : word.i]


def _coded_name_after(word: Token) -> str:
    """The place name after a coding word and its links ("coded as", "presumed to be at the capital of")."""
    doc = word.doc
    i = word.i + 1
    while i < len(doc) and i - word.i <= CODING_GAP and doc[i].lower_ in location_cues()["coding_links"]:
        i += 1
    j = i
    while j < len(doc) and (is_name_word(doc[j]) or (j > i and is_name_link(doc, j, len(doc)))):
        j += 1
    if j == i or i == word.i + 1:
        return ""
    text = span_text(doc[i:j])
    after = hyphenated_word(doc[j]) if j < len(doc) else ""
    regions = opens_regions_parenthetical(doc, j)
    if _known_kind_of(text) == "place" or place_noun_kind(after) == "division" or regions:
        return text
    return ""


#: How many link words may come between a coding word and the place ("presumed to be at the capital of").
CODING_GAP = 8


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
            return mention_text(_tied_place(best[1], [name for _, name in mentions]) or best[1])
    return ""


def _authority_seat(sent: Span) -> str:
    """The seat of a local authority the sentence names, for an event of a sentence (and of the sentence
    before) that names no place: "X Governorship announced a mandatory use of face masks", "X Governor's
    Office extended the ban", "X Municipality closed the market": the authority acts at its seat, which the
    gazetteer must know as a place or a region (not "the Central Bank Governor")."""
    doc, lowers, seats = sent.doc, token_strings(sent.doc, LOWER), location_cues()["seat_nouns"]
    for i in range(sent.start + 1, sent.end):  # a Token only for a seat noun
        if lowers[i] not in seats:
            continue
        token = doc[i]
        start = token.i
        while start > sent.start and is_name_word(doc[start - 1]) and not doc[start - 1].is_sent_start:
            start -= 1
        if start < token.i and _known_kind_of(span_text(doc[start : token.i])) in ("place", "region"):
            return span_text(doc[start : token.i])
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
    cues = location_cues()
    noun = place_noun_after(name) or _governing_noun(name)
    if noun not in cues["tied_nouns"]:
        return None
    i = name.end + place_noun_length(place_noun_after(name))
    starts = {n.start: n for n in names if n.start > i}
    for j in range(i, min(i + 6, len(name.doc))):
        word = name.doc[j]
        if j in starts and j > i:
            between = {t.lower_ for t in name.doc[i:j]}
            town = starts[j]
            if _tied_by(between, noun, town, bool(place_noun_after(name))):
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
    cues = location_cues()
    if between & set(cues["tie_words"]):
        return not names_a_region(span_text(town))
    if between == {"in"} and place_noun_after(town) in cues["coded_unit_nouns"]:
        return True  # "X village in Y payam": ACLED codes the unit
    after = town.doc[town.end].lower_ if town.end < len(town.doc) else ""
    alone = between in ({"of"}, {"in"}, {"of", "the"}, {"in", "the"})
    return (after_name and noun in cues["quarter_nouns"] and alone
            and place_noun_kind(after) != "division" and is_town_name(span_text(town))
            and ("of" in between or not names_a_region(span_text(town))))


#: What hanging on the event's own word adds to a place name's score.
TRIGGER_WEIGHT = 2


def _of_the_trigger(name: Span, trigger: Span) -> int:
    """1 when the name hangs on the trigger (a few dependency steps up): in a sentence of several events,
    each takes its own place ("talks in Quebec follow talks in Jeddah")."""
    return int(any(trigger.start <= i < trigger.end for i in head_path(name_root(name), 4)))


def place_in(sent: Span, location: str) -> Place:
    """The gazetteer's reading of a chosen location, with the sentence's other place names as its context
    (the parenthetical "(District, Province)", a country named) and "near X" as ACLED precision 2."""
    if not location:
        return Place()
    mentions = [name for _, name in _scored_mentions(sent)]
    context = [span_text(n) for n in mentions if span_text(n) != location]
    context += parenthetical_names(sent) + _document_places(sent.doc)
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
        region = names_a_region(span_text(name)) and not is_country_name(span_text(name))
        if after and region and _contains_place(name):
            place = place_of(span_text(name), context=[c for c in context if c != span_text(name)])
            if place.country:
                return replace(place, geo_precision=max(place.geo_precision or 2, 2))
    return None


def _document_places(doc: Doc) -> list[str]:
    """The places the whole text names (a country, the regions in actors' names: "Luhansk People's Militia"),
    not a dateline's city ("WASHINGTON, Jan 8 (Wire) -": where the report was filed, not where it happened)."""
    return per_doc(doc, "document_places", lambda: list(dict.fromkeys(
        span_text(e) for e in doc_ents(doc)
        if e.label_ in ("GPE", "LOC") and not _names_a_currency(e) and not _in_dateline(e)))[:DOCUMENT_PLACES])


def _in_dateline(name: Span) -> bool:
    """The name lies in the text's dateline (:func:`timeline.nlp.dateline_spans`, read once per Doc)."""
    doc = name.doc
    datelines = per_doc(doc, "datelines", lambda: dateline_spans(doc_text(doc)))
    return any(start <= name.start_char < end for start, end in datelines)


def _names_a_currency(name: Span) -> bool:
    """The name only says whose money is meant, a currency noun right after it ("the high US dollar
    exchange rate", ``currency_nouns``): the text need not happen in that country (a Lebanese protest
    over the dollar)."""
    doc = name.doc
    return name.end < len(doc) and doc[name.end].lower_ in location_cues()["currency_nouns"]


#: How many of a text's first place names help read an ambiguous one.
DOCUMENT_PLACES = 30


def _place_mentions(sent: Span, actors: tuple[str, ...]) -> list[tuple[int, Span]]:
    """The sentence's place names with their scores, less those inside an actor's name ("residents of X",
    "a Reni town councillor") unless a strong locative preposition governs them ("in X")."""
    if not actors:
        return _scored_mentions(sent)
    strong = location_cues()["strong_locative_preps"]
    return [(score, name) for score, name in _scored_mentions(sent)
            if not (any(span_text(name) in actor for actor in actors) and _governing_prep(name) not in strong
                    and not (names_residents(name) and has_parenthetical_after(name)))]


def _scored_mentions(sent: Span) -> list[tuple[int, Span]]:
    """The sentence's place names that qualify no actor, with their scores (read once per sentence)."""
    return per_doc_part(sent.doc, "place_mentions", sent.start, lambda: [
        (score, name) for name in name_spans(sent)
        if not _qualifies_actor(name) and (score := _place_score(name)) is not None])


def _place_score(name: Span) -> int | None:
    """How surely a name is the event's place, or ``None`` when it is no place at all."""
    cues = location_cues()
    lowers = token_strings(name.doc, LOWER)  # the name's words and those around it, no Token built
    words, before = lowers[name.start : name.end], lowers[name.start - 1] if name.start > 0 else ""
    prep = _governing_prep(name) or ("of" if _governing_noun(name) else "")
    kind = _name_kind(name)
    governing = _governing_noun(name)
    known = _known_kind(name)
    is_entity = name_root(name).ent_type_ in PLACE_LABELS and name_root(name).ent_iob_ != "O"
    personal = name_root(name).ent_type_ == "PERSON" and governing in cues["personal_site_nouns"]  # "the house of MP X"
    # "the International Court of Justice" (but "Al Watiyah airbase", "the Tulkarm refugee camp" are places)
    open_site = (len(name) > 1 and words[-1] in cues["open_site_nouns"]  # "over X Plain": no person
                 and prep in cues["locative_preps"])
    organisation = name_root(name).ent_type_ in ("ORG", "PERSON") and not _named_site_noun(name) and not open_site
    place_kinds = ("settlement", "vicinity", "division") if organisation else ("settlement", "vicinity", "division", "site")
    quarter = governing in cues["quarter_nouns"]  # "the neighborhood of X", even if X is tagged a person
    of_place = place_noun_kind(governing) in place_kinds[:2 if organisation else 4] or quarter
    if all(w in cues["actor_heads"] for w in words) or words[0] in cues["titles"]:
        return None  # "the Mayor", "Forces", "President Donald Trump": a title or an actor's noun, capitalised
    if organisation and not kind and any(w in cues["actor_heads"] for w in words):
        return None  # "the regime's Air Force Intelligence", "Popular Mobilisation Forces": an organisation's name
    if len(name) == 1 and place_noun_kind(words[0]):
        return None  # "the City entrance", "at K60 Settlement": a place noun, capitalised, names no place by itself
    coded = is_coded_name(name.doc, name.start)  # "K50 settlement": a name, though in capitals
    if len(name) == 1 and name.text.isupper() and known != "country" and not coded:
        return None  # an acronym ("OPS", "IED", "HQ") names an organisation or a thing
    # phrased as a place; read only for a name the model does not call one, and only once no check above
    # has ruled the name out
    strong = is_entity or (
        kind in place_kinds or (of_place and not personal)
        or governing in cues["open_site_nouns"] or _route_end(name) == "from"
        or (prep in cues["strong_locative_preps"] and name.start > 0 and before == prep
            and _bare_name(name) and not (organisation and kind == "site"))
        or prep in cues["near_words"] or _close_to(name) or _object_name(name)
        or has_parenthetical_after(name)
        or is_bracketed_alias(name)
        or has_regions_listed_after(name)
        or (_followed_by_container(name) and name_root(name).ent_type_ != "PERSON"
            and prep in ("", *cues["locative_preps"])))
    if not is_entity and not strong and not (known and prep in cues["locative_preps"] and _in_text_country(name)):
        return None  # a capitalised name the model does not call a place needs the phrasing of one, or the
        # gazetteer's word that it is a place in the country the text is about
    if (name_root(name).ent_type_ == "NORP" and name.start > 0 and name.doc[name.start - 1].pos_ in ("DET", "ADJ")
            and not _named_site_noun(name)):
        return None  # "the northern Iraqi city": a description (but "the Halba highway" is Halba's)
    if before in ("a", "an"):
        return None  # "a Kenyan city": a description, not a name
    if _inside_parentheses(name):
        if _town_of_a_named_building(name):
            return SITE_TOWN_SCORE
        return CITY_OF_A_QUARTER_SCORE if _city_of_a_quarter(name) else -5
    if is_local_name(name):
        return LOCAL_NAME_SCORE
    score = {"place": 1, "region": -1, "country": -2}.get(known, 0)
    if name_root(name).dep_ == "conj" or (name_root(name).dep_ == "appos" and known in ("region", "country")):
        score -= 1  # the second of a list, or the region of a place ("near X, Donetsk")
    route = _route_end(name)
    if route == "from":
        score += 4  # "travelled from A to B", "a patrol starting from A to B": ACLED codes where the route starts
    elif prep in cues["origin_preps"] and not _is_near(name):
        score -= 4
    elif prep == "of":
        score += 2 if place_noun_kind(governing) in ("settlement", "vicinity", "site") else 0
    elif prep in cues["locative_preps"] or _named_noun(name).dep_ == "dobj":
        score += 2
    if route == "to":
        score -= 3  # the end of a route
    score += {"settlement": 2, "vicinity": 1, "division": -1, "site": -2}.get(kind, 0)
    if is_bracketed_alias(name):
        score += 3 + (3 if has_parenthetical_after(name) else 0)  # "near X camp [Jabal Y] (District, Province)"
    if has_parenthetical_after(name) and known != "country" and kind != "site":
        score += 3
    located = _near_region_seat(name) or _near_a_coded_unit(name) or _located_by_distance(name)
    if _bearing_point(name) or located:
        score -= BEARING_LOSS
    elif _town_near_a_named_place(name):
        score += NEAR_TOWN_GAIN
    if _contains_place(name) and place_noun_after(name) in cues["coded_unit_nouns"]:
        score += 2  # "X village in Y sub-county": ACLED codes the unit, its gazetteer lacks the village
    elif _contains_place(name) and not (has_parenthetical_after(name) and not kind):
        # "Qatma in Afrin", "Wuji village in Lainya county": the container is less specific, unless it is
        # ACLED's own "Y (Region)"
        score -= 2
        score -= REGION_CONTAINER_LOSS if names_a_region(span_text(name)) else 0
    if place_noun_after(name) in cues["coded_unit_nouns"] and not _contains_place(name):
        score += CODED_UNIT_GAIN  # "X boma near Y": ACLED's gazetteer holds the unit
    if _unit_of_a_village(name):
        score += CODED_UNIT_GAIN
    if _unit_of_an_unknown_village(name):
        score += UNKNOWN_VILLAGE_UNIT_GAIN
    if _open_site_in_a_division(name):
        score += OPEN_SITE_GAIN
    if _in_a_coded_place(name):
        score -= CODED_CONTAINER_LOSS
    if kind in ("vicinity", "site") and _in_a_city(name):
        score -= 3  # "X area in Y city", "Habima Square in Tel Aviv": ACLED codes the city
    if _part_of_a_town_before(name):
        score -= 3
    after_the = before == "the"
    if after_the and (not kind or _facility_name(name, kind)):
        # "the Seray in Nabatiyeh", "the Mall", "at the Palma bridge": a named building, facility or
        # institution, not a town
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
    if i >= 2 and doc[i].lower_ == "of" and doc[i - 1].lower_ in location_cues()["city_nouns"]:
        i -= 2 + (doc[i - 2].lower_ == "the")  # "north of the city of Y"
    i -= doc[i].lower_ == "the"
    if i < 2 or doc[i].lower_ != "of":
        return False
    i -= 1
    while i > 0 and (doc[i].lower_ in location_cues()["compass_words"] or doc[i].text == "-"):
        i -= 1
    if i == name.start - 2 or doc[i + 1].lower_ not in location_cues()["compass_words"]:
        return False
    while i > 0 and doc[i].lower_ in ("the", "to", "in", "located", "situated", "lying"):
        i -= 1
    noun = doc[i].lower_
    military_site = noun in location_cues()["named_site_nouns"] and (
        noun in location_cues()["open_site_nouns"]
        or place_noun_kind(noun) == "settlement")  # "X military camp", "X base"
    named_area = noun in location_cues()["vicinity_nouns"] or noun in location_cues()["division_nouns"] or military_site
    return named_area and i > 0 and (is_name_word(doc[i - 1]) or is_name_word(doc[i - 2]))


def _located_by_distance(name: Span) -> bool:
    """The name is followed by a comma and its distance from another place ("attacked X, 10 km from Y
    (District, Province)", "the village of X, about ten kilometres north of Y"): the text places the small
    place by the town, and ACLED codes the town, near it (``distance_units``)."""
    doc = name.doc
    i = name.end + place_noun_length(place_noun_after(name))
    if i + 3 >= len(doc) or doc[i].text != ",":
        return False
    i += 1 + (doc[i + 1].lower_ in location_cues()["approximation_words"])
    if i + 2 >= len(doc) or not doc[i].like_num or doc[i + 1].lower_ not in location_cues()["distance_units"]:
        return False
    i += 2 + (doc[i + 2].lower_ in location_cues()["compass_words"])
    return i + 1 < len(doc) and doc[i].lower_ in ("from", "of") and is_name_word(doc[i + 1])


def _near_region_seat(name: Span) -> bool:
    """The name follows "X, near" and is a first-level region's seat or namesake ("an army post in X, near
    Diffa (Diffa)", "X village, near Idleb"): the seat only says in which part of its region X lies, and
    ACLED codes X. Not a town that names no region ("the villages of X, near Bule (Djugu, Ituri)": ACLED
    codes the town)."""
    doc = name.doc
    i = name.start
    if i < 3 or doc[i - 1].lower_ != "near" or doc[i - 2].text != "," or not is_name_word(doc[i - 3]):
        return False
    text = span_text(name)
    return names_a_region(text) and not is_country_name(text)


#: What a unit ACLED's gazetteer holds gains when the text names it ("Jungu boma", "Aweng payam").
CODED_UNIT_GAIN = 2


def _unit_of_a_village(name: Span) -> bool:
    """The name is the unit ACLED's gazetteer holds that a village named just before lies in: "X village
    situated in the commune of Y", "the village of X, in the commune of Y" (``coded_unit_nouns``): ACLED codes
    the unit, its gazetteer lacking the village."""
    doc = name.doc
    if _governing_noun(name) not in location_cues()["coded_unit_nouns"] or name.start < 4:
        return False
    i = name.start - 3 - (doc[name.start - 3].lower_ == "the")
    while i > 0 and doc[i].lower_ in ("in", "situated", "located", "lying", ","):
        i -= 1
    village = doc[i].lower_ in location_cues()["settlement_nouns"] or _governing_noun(
        doc[i : i + 1]) in location_cues()["settlement_nouns"]
    return i < name.start - 4 and village and doc[i].tag_ != "NNS"


#: What a unit named after its seat gains over a village the gazetteer lacks, said to lie in it.
UNKNOWN_VILLAGE_UNIT_GAIN = 3


def _unit_of_an_unknown_village(name: Span) -> bool:
    """The name is a subdivision's, named after its seat town, right after a village the gazetteer does not
    know ("in Zokoguhe village, Duekoue subdivision (Guemon, Montagnes)"; ``seat_unit_nouns``): ACLED's
    gazetteer lacks such a village too, and codes the seat. Not when the gazetteer has the village ("Bafut
    town, Bamenda subdivision"), nor when the seat is no town it knows."""
    doc = name.doc
    if place_noun_after(name) not in location_cues()["seat_unit_nouns"] or not is_town_name(span_text(name)):
        return False
    i = name.start - 1
    if i < 2 or doc[i].text != "," or doc[i - 1].lower_ not in location_cues()["village_nouns"]:
        return False
    j = i - 1
    while j > 0 and is_name_word(doc[j - 1]):
        j -= 1
    return j < i - 1 and not is_town_name(span_text(doc[j : i - 1]))


#: What a named open-country site gains over the division it is said to lie in (more than the division's
#: regions' parenthetical gives it).
OPEN_SITE_GAIN = 4


def _open_site_in_a_division(name: Span) -> bool:
    """The name is an open-country site's, its noun part of the name ("Sambisa Forest", "Mandara Mountains";
    ``open_site_nouns``), followed by "in" (or ", in") a division ("around Sambisa Forest, in Bama LGA
    (Borno)"): the division only says where the site lies, and ACLED's gazetteer holds such sites. So too a
    site whose noun follows its name in lower case ("near Koniko gas field in Deir-ez-Zor";
    ``named_site_nouns`` that are open-country sites) in a first-level region or a division."""
    doc = name.doc
    cues = location_cues()
    named_site = len(name) > 1 and name[-1].lower_ in cues["open_site_nouns"] and name[-1].text[0].isupper()
    noun = _named_site_noun(name)
    if not named_site and noun not in cues["open_site_nouns"]:
        return False
    i = name.end if named_site else next(k for k in range(name.end, len(doc)) if doc[k].lower_ == noun) + 1
    i += i < len(doc) and doc[i].text == ","
    if i + 2 >= len(doc) or doc[i].lower_ != "in" or not is_name_word(doc[i + 1]):
        return False
    j = i + 1
    while j < len(doc) and is_name_word(doc[j]):
        j += 1
    if not named_site:
        objects = [t for t in doc[i].children if t.dep_ == "pobj"]
        if objects and names_a_region(span_text(doc[objects[0].left_edge.i : objects[0].i + 1])):
            return True  # "near Koniko gas field in Deir-ez-Zor"
    return any(place_noun_kind(hyphenated_word(t)) == "division" for t in doc[i + 1 : min(j + 1, len(doc))])


def _near_a_coded_unit(name: Span) -> bool:
    """The name follows "X <unit> near" with a unit ACLED's gazetteer holds (``coded_unit_nouns``:
    "fighting in X boma near Yei (Central Equatoria state)"): the town only says where the unit lies, and
    ACLED codes the unit (a village near a town is coded as the town: "X village near Y")."""
    doc = name.doc
    i = name.start
    return (i >= 3 and doc[i - 1].lower_ == "near" and doc[i - 2].lower_ in location_cues()["coded_unit_nouns"]
            and is_name_word(doc[i - 3]))


#: What a town gains when the text places a named place just before it by it ("in X near Y").
NEAR_TOWN_GAIN = 3


def _town_near_a_named_place(name: Span) -> bool:
    """The name directly follows "X near" or "X <site noun> close to", X a bare name or a site's name ("shot a
    man in X near Y in the countryside", "attacked X military base close to Y"): the text places the small
    place by the town, and ACLED codes the town. Not after a unit ACLED's gazetteer holds ("X boma near Y")
    nor after a comma ("X village, near Idleb": the seat only tells the region), see the callers' checks."""
    doc = name.doc
    i = name.start - 1
    if i >= 1 and doc[i].lower_ == "to" and doc[i - 1].lower_ == "close":
        i -= 1
    elif i < 0 or doc[i].lower_ != "near":
        return False
    i -= 1
    cues = location_cues()
    nouns = (*cues["named_site_nouns"], *cues["settlement_nouns"])
    if i > 0 and doc[i].lower_ in nouns and not is_name_word(doc[i]):
        i -= 1 + (i > 1 and doc[i - 1].pos_ == "ADJ" and not is_name_word(doc[i - 1]))  # "X military base"
    return i >= 0 and is_name_word(doc[i])


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
    i = name.end + place_noun_length(place_noun_after(name))
    if i + 2 >= len(doc) or doc[i].lower_ != "in" or not is_name_word(doc[i + 1]):
        return False
    j = i + 1
    while j < len(doc) and (is_name_word(doc[j]) or is_name_link(doc, j, len(doc))):
        j += 1
    nouns = [hyphenated_word(t) for t in doc[i + 1 : min(j + 1, len(doc))]]
    if any(place_noun_kind(noun) == "division" for noun in nouns):
        return False
    return opens_regions_parenthetical(doc, j)


def _bare_name(name: Span) -> bool:
    """A proper name standing alone, as a town's is ("in Shewa Robit"): no article, no possessive, not an
    organisation the model knows ("at the Cato Institute", "in Parliament", "in Lai's trial")."""
    doc = name.doc
    after = doc[name.end].text if name.end < len(doc) else ""
    kinds = ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW") + (() if _has_article(name) else ("NORP",))
    return (name_root(name).ent_type_ not in kinds
            and doc[name.start - 1].lower_ not in ("the", "a", "an") and after not in ("'s", "’s")
            and all(t.pos_ == "PROPN" or t.text == "-" or t.lower_ in location_cues()["name_particles"]
                    for t in name))


def _has_article(name: Span) -> bool:
    """The name begins with the Arabic article ("al-Busayrah", "As Sabaa"): a place's or a family's name, no
    nationality, though the small model may tag it as one."""
    return len(name) > 1 and name[0].lower_ in location_cues()["articles"]


def _in_text_country(name: Span) -> bool:
    """The gazetteer's place of that name is in a country the text names (any, if it names none)."""
    countries = per_doc(name.doc, "document_countries", lambda: {
        place_of(n).country for n in _document_places(name.doc) if is_country_name(n)} - {""})
    return not countries or place_of(span_text(name), context=sorted(countries)).country in countries


def _route_end(name: Span) -> str:
    """"from" or "to" when the name begins or ends the route of a verb of going ("travelled from A to B",
    "a patrol starting from A to the outskirts of B"), else ""."""
    token = _named_noun(name)
    while token.dep_ in ("appos", "conj") and token.head.i < token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("from", "to"):
        return ""
    if name.start > 0 and name.doc[name.start - 1].lower_ == "the" and not place_noun_after(name):
        return ""  # "marched from the Saray to the square": a building of the town, not a route between places
    verb = prep.head.head if prep.head.lower_ == "from" else prep.head  # "from A to B": "to" may hang on "from"
    if verb.lemma_ not in location_cues()["route_verbs"]:
        return ""  # "divert water from A to B": no one went from A
    other = "to" if prep.lower_ == "from" else "from"
    nearby = [*verb.children, *prep.children, *token.children, prep.head]  # "from A to B", "from A town to B"
    return prep.lower_ if any(t.lower_ == other and t.dep_ == "prep" and t.i != prep.i for t in nearby) else ""


def _followed_by_container(name: Span) -> bool:
    """The name is followed by "in" and another name: "Qatma in Afrin", "Wuji village in Lainya county"."""
    doc = name.doc
    i = name.end + place_noun_length(place_noun_after(name))
    return i + 1 < len(doc) and doc[i].lower_ == "in" and is_name_word(doc[i + 1])


def _object_name(name: Span) -> bool:
    """A proper name that is the object of a verb that takes places ("shelled Kansafra"; not "told Parliament")."""
    root = name_root(name)
    return (root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.pos_ == "PROPN" and root.ent_type_ != "NORP"
            and root.head.lemma_ in location_cues()["place_object_verbs"])


def _facility_name(name: Span, kind: str) -> bool:
    """A site's own name, not a place's: a site noun follows the name and is none of those that bear the
    name of the place they are at ("the Palma bridge", "the Spears street"; not "the Beddawi highway",
    ``named_site_nouns``), nor a route between two places ("the Damascus-Daraa road")."""
    return (kind == "site" and bool(place_noun_after(name)) and not _named_site_noun(name)
            and "-" not in span_text(name))


@per_name
def _named_site_noun(name: Span) -> str:
    """The noun of a site that bears the name of the place it is at, right after the name or after one
    lower-case word that qualifies it ("Al Watiyah airbase", "the Beddawi highway", "the Tulkarm refugee
    camp", "Kafr Lusin border crossing", "Koniko gas field"): ACLED codes the place of that name. The small
    model often tags such a name as an organisation or a person."""
    doc = name.doc
    texts, lowers = token_strings(doc, ORTH), token_strings(doc, LOWER)  # no Token built for each word
    for k in (name.end, name.end + 1):
        if k >= len(texts) or not texts[k].islower():
            return ""
        if lowers[k] in location_cues()["named_site_nouns"] and (k == name.end or head_ids(doc)[k - 1] == k):
            return lowers[k]
    return ""


@per_name
def _name_kind(name: Span) -> str:
    """What kind of place the noun after a name, or its own last word, says it is ("Miiracad village",
    "Habima Square", "Mogadishu-Hodan district": a city's district is a settlement for ACLED)."""
    noun = place_noun_after(name)
    kind = place_noun_kind(noun) or (place_noun_kind(name[-1].lower_) if len(name) > 1 else "") or (
        "site" if _named_site_noun(name) else "")  # "the Tulkarm refugee camp": a site, a town after it wins
    if not kind and len(name) > 1 and name[0].lower_ in location_cues()["site_words_before"]:
        kind = "site"  # "Lake Victoria", "Mount Elgon"
    if not kind and _site_noun_after_an_alias(name):
        kind = "site"  # "the X (Y) Square in Z": the square's name, its other name in parentheses
    if kind == "division" and "-" in span_text(name):
        city = span_text(name).split("-")[0].strip()
        if city.lower() not in location_cues()["articles"] and place_of(city).geo_precision == 1:
            return "settlement"
    return kind


def _site_noun_after_an_alias(name: Span) -> bool:
    """A capitalised site noun follows the name's other name in parentheses ("at the Gamal (Al Tall) Square
    in Tripoli", "the King Faisal (Old) Hospital"): the name is the site's, its noun cut off by the alias."""
    doc = name.doc
    if name.end >= len(doc) or doc[name.end].text != "(":
        return False
    close = next((t.i for t in doc[name.end : name.end + 6] if t.text == ")"), None)
    return (close is not None and close + 1 < len(doc) and doc[close + 1].text[:1].isupper()
            and place_noun_kind(doc[close + 1].lower_) == "site")


def _in_a_city(name: Span) -> bool:
    """An area or site followed by "in"/"of" and a name with "city" or "town" ("Al-Jami'ya neighborhood in Idleb city")."""
    doc = name.doc
    i = name.end + place_noun_length(place_noun_after(name))
    if i + 2 >= len(doc) or doc[i].lower_ not in ("in", "of"):
        return False
    j = i + 1 + (doc[i + 1].lower_ == "the")
    while j < len(doc) and (is_name_word(doc[j]) or doc[j].text == "-"):
        j += 1
    return j < len(doc) and j > i + 1 and doc[j].lower_ in location_cues()["city_nouns"]


def _part_of_a_town_before(name: Span) -> bool:
    """The name is a town's part, the town's name in the possessive before it: "Goma's Himbi neighbourhood",
    "Kisangani's Makiso district (Kisangani, Tshopo)" (a quarter noun, or a division noun after a town that
    names no region: "Kaduna's Chikun LGA" is the state's): ACLED codes the town, its gazetteer lacking the
    quarter, even when its regions' parenthetical follows."""
    doc = name.doc
    i = name.start - 1
    if i < 1 or doc[i].text not in ("'s", "’s") or not is_name_word(doc[i - 1]):
        return False
    j = i - 1
    while j > 0 and is_name_word(doc[j - 1]):
        j -= 1
    town = span_text(doc[j:i])
    noun = place_noun_after(name)
    quarter = noun in location_cues()["quarter_nouns"] or (
        place_noun_kind(noun) == "division" and not names_a_region(town))
    return quarter and is_town_name(town) and not is_country_name(town)


@per_name
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
    if place_noun_kind(doc[k].lower_) == "settlement":
        k -= 1
    if place_noun_kind(doc[k].lower_) == "site" and doc[k].lower_ not in location_cues()["open_site_nouns"]:
        return False  # "Tahrir Square in Baghdad": ACLED codes the town (but "X desert in Anbar province": the site)
    named_noun = place_noun_kind(doc[k].lower_) in ("site", "vicinity", "division")
    if named_noun:
        k -= 1  # "Abu Rasin area in al-Hasakeh", "the Qasruk base in Al-Hasakeh", "Amuda countryside in X"
    first = k
    while first > 0 and is_name_word(doc[first - 1]):
        first -= 1
    if any(t.lower_ in location_cues()["actor_heads"] for t in doc[first : k + 1]):
        return False  # "the regime's Air Force Intelligence in Da'el": an organisation, not a place
    if doc[first - 1].lower_ == "the" and not named_noun:
        return False  # "the Seray in Nabatiyeh": a named building
    return is_name_word(doc[k]) and doc[k].ent_type_ not in NOT_NAME_LABELS and not doc[k].is_sent_start


def _district_of_a_named_area(name: Span) -> bool:
    """A district that an area or a village named just before is "of": "X area of Y district (Region)",
    "X village of Y county": the district only says where the named area lies, and ACLED codes the area.
    Not a city's district, which ACLED codes itself ("X neighbourhood of Mogadishu-Hodan district"), nor
    after a site ("X valley of Y district"), a plural ("the villages of Y district") or before a local
    "region" ("X area of Y region": ACLED codes Y); the district nouns are ``area_district_nouns``."""
    doc = name.doc
    k = name.start - 2
    district = place_noun_after(name) in location_cues()["area_district_nouns"] and _name_kind(name) == "division"
    if k < 1 or doc[name.start - 1].lower_ != "of" or not district:
        return False
    if place_noun_kind(doc[k].lower_) not in ("vicinity", "settlement") or doc[k].tag_ == "NNS":
        return False
    named = doc[k - 1]
    return is_name_word(named) and named.ent_type_ not in NOT_NAME_LABELS and not named.is_sent_start


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


@per_name
def _named_noun(name: Span) -> Token:
    """The noun a name qualifies ("district" in "Hays district"), else the name's own head."""
    token = name_root(name)
    if token.dep_ in ("compound", "amod", "nmod", "poss") and token.head.i >= name.end:
        return token.head
    return token


@per_name
def _governing_prep(name: Span) -> str:
    """The preposition a name (or the noun it names: "Hays district", "Bosaso town") is the object of."""
    token = _named_noun(name)
    while token.dep_ in ("appos", "conj") and token.head.i < token.i:
        token = token.head
    head = token.head
    return head.lower_ if token.dep_ == "pobj" and head.dep_ in ("prep", "agent", "dative") or head.pos_ == "ADP" else ""


@per_name
def _governing_noun(name: Span) -> str:
    """The noun whose "of" governs a name: "village" in "the village of X", "outskirts" in "the outskirts of X"."""
    root = name_root(name)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return root.head.head.lower_
    doc = name.doc
    if name.start >= 2 and doc[name.start - 1].lower_ == "of" and doc[name.start - 2].pos_ == "NOUN":
        return doc[name.start - 2].lower_  # the parse may hang the name elsewhere ("the village of Qazali west of ...")
    return ""


def _close_to(name: Span) -> bool:
    """The name follows "close to" or "next to" ("a base close to X"): a place, as after "near"."""
    doc = name.doc
    i = name.start
    return i >= 2 and doc[i - 1].lower_ == "to" and doc[i - 2].lower_ in ("close", "next")


def _is_near(name: Span) -> bool:
    """The text puts the event near the place, not in it ("near X", "the outskirts of X", "10 km from X")."""
    near_words = location_cues()["near_words"]
    prep = _governing_prep(name)
    noun = _named_noun(name)
    if prep == "of" and noun.head.head.pos_ == "NOUN" and noun.head.head.head.lower_ in near_words:
        return True  # "near the town of X"
    before = token_strings(name.doc, LOWER)[max(name.start - 4, 0) : name.start]
    return (prep in near_words or _close_to(name) or _governing_noun(name) in near_words
            or (prep == "from" and any(w in near_words for w in before)))


def _qualifies_actor(name: Span) -> bool:
    """A place name that only says whose an actor is ("Luhansk People's Militia", "Kerman Coal Mine Company"),
    or what a thing is ("Iskander missiles"): a name compounded with a common noun that is no place noun."""
    heads = location_cues()["actor_heads"]
    root = name_root(name)
    if _named_site_noun(name):
        return False  # "the Zahle roundabout and Military forces": the parse may hang the name on an actor
    if names_residents(name) and has_parenthetical_after(name):
        return False  # "Kibera residents (Langata, Nairobi)": ACLED's regions mark where the residents live
    head = root.head
    if (root.dep_ == "compound" and head.i >= name.end and head.pos_ == "NOUN" and head.text.islower()
            and not place_noun_kind(hyphenated_word(head)) and head.lower_ not in location_cues()["event_nouns"]
            and not _bearing_head(root)):
        return True  # ... but "the Kabul attack" happened in Kabul
    if any(_qualified_actor_noun(c) for c in root.children if c.dep_ == "conj"):
        return True  # "between Bani Ali and Al Badi tribesmen": both names qualify the tribesmen
    nxt = token_strings(name.doc, LOWER)[name.end : name.end + 2]
    if nxt in (["people", "'s"], ["people", "’s"]):
        return True
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i >= name.end:
        return root.head.lower_ in heads
    return False


def _qualified_actor_noun(token: Token) -> bool:
    """An actor's noun that another name qualifies ("Al Badi tribesmen", "Ichen militias"; actor_heads):
    coordinated with it ("between A and B tribesmen"), a name is the first of the names the actor shares
    ("ties with Egypt and Gulf nations": no actor)."""
    return (token.pos_ == "NOUN" and token.lower_ in location_cues()["actor_heads"]
            and any(c.dep_ == "compound" and is_name_word(c) for c in token.children))


def _bearing_head(root: Token) -> bool:
    """A district or an area the parse hangs on the compass word after it ("on X district west of Y", read as
    "(X district) west"): a place, not a qualifier of the word."""
    place_noun = place_noun_kind(root.lower_) in ("division", "vicinity")
    return place_noun and root.head.lower_ in location_cues()["compass_words"]


#: The score of a city ACLED's regions give for a quarter its gazetteer lacks: above a named village's.
CITY_OF_A_QUARTER_SCORE = 8


def _city_of_a_quarter(name: Span) -> bool:
    """The name is a town's, the first of two or more regions in the parenthetical after a town's quarter or
    municipality that the gazetteer does not know ("the police station of Vulamba municipality (Butembo,
    Nord-Kivu)"; ``urban_unit_nouns``): the unit is a part of the town, and ACLED codes the town. Not a
    rural unit ("X commune (Cercle, Region)"), a province alone ("X municipality (Province)"), a unit named
    after the town, nor one the gazetteer has. The unit's noun may come before its name ("fired towards the
    neighborhood X (Town, Province)")."""
    doc = name.doc
    i = name.start - 1
    if i < 3 or doc[i].text != "(" or name.end >= len(doc) or doc[name.end].text != ",":
        return False
    unit = _urban_unit_before(doc, i)
    town = span_text(name)
    return bool(unit) and key_of(unit) != key_of(town) and not is_town_name(unit) and is_town_name(town)


def _urban_unit_before(doc: Doc, opening: int) -> str:
    """The name of the town's quarter or municipality that ends right before a parenthesis, its noun after
    it ("Vulamba municipality (") or before it ("the neighborhood Al Ahrash ("; ``urban_unit_nouns``), else
    ""."""
    units = location_cues()["urban_unit_nouns"]
    end = opening - 1 if doc[opening - 1].lower_ in units else opening
    start = end
    while start > 0 and is_name_word(doc[start - 1]):
        start -= 1
    if start == end or (end == opening and (start == 0 or doc[start - 1].lower_ not in units)):
        return ""
    return span_text(doc[start:end])


#: The score of a name the text gives as local or unsure: below any place that says where it lies.
LOCAL_NAME_SCORE = -3


#: The score of the town a named building stands in, alone in parentheses after it: above the building's.
SITE_TOWN_SCORE = 4


def _town_of_a_named_building(name: Span) -> bool:
    """The name stands alone in parentheses right after a named building ("demonstrated at X Prison (Y)",
    "shelled X Hospital (Y)"; ``building_nouns``): the parenthetical names the town the building stands in,
    and ACLED codes the town. Not after an airport, a road or a base ("X Airport (Tripoli)": ACLED's
    gazetteer holds it), a parenthetical of several regions ("X village (District, Province)") nor one after
    a town's name."""
    doc = name.doc
    i = name.start - 1
    if i < 2 or doc[i].text != "(" or name.end >= len(doc) or doc[name.end].text != ")":
        return False
    building = doc[i - 1].lower_ in location_cues()["building_nouns"]
    return building and is_name_word(doc[i - 1]) and is_name_word(doc[i - 2])


def _inside_parentheses(name: Span) -> bool:
    """The name is inside a parenthetical that follows another name (the regions of a place)."""
    texts = token_strings(name.doc, ORTH)
    for i in range(name.start - 1, max(name.start - 8, -1), -1):
        if texts[i] == ")":
            return False
        if texts[i] == "(":
            return i > 0
    return False
