""":mod:`timeline.events.mentions`: event candidates from a parsed Doc.

``candidates(doc)`` reads the trigger spans that the span ruler put in
``doc.spans["tl_triggers"]``, gives each a type, keeps the strongest trigger per
sentence and type, and reads its arguments (actors, targets, place, weapon,
amount, fatalities) and status from the dependency parse and the entities.
Rules that are facts about language or the world live in ``data/event_rules.json``
and ``data/actors.json``. No date resolution, no pandas.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.attrs import DEP
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..nlp import (
    TRIGGERS_KEY,
    children_ids,
    doc_sents,
    ent_at,
    ents_in,
    has_annotation,
    per_doc_part,
    sent_of,
    span_text,
    token_column,
)
from ..nlp import event_rules as rules
from ..types import Candidate, Status

ATTACK = "ATTACK"
ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON")
PLACE_LABELS = ("GPE", "LOC", "FAC")
TIME_LABELS = ("DATE", "TIME")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
LOCATIVE_PREPS = ("in", "near", "at", "outside", "across", "inside", "into", "around", "over")
TARGET_PREPS = ("on", "against", "at", "targeting")
CLAUSAL_DEPS = ("ccomp", "advcl", "conj", "relcl", "parataxis", "acl", "xcomp", "csubj")
MAX_EVENTS_PER_SENTENCE = 3


@lru_cache(maxsize=1)
def actor_countries_table() -> dict[str, str]:
    """Lower-cased actor name -> ISO alpha-3 (resources/en/actors.json), loaded once."""
    table: dict[str, str] = resources.load("actors.json", lang="en")["actors"]
    return table


def candidates(doc: Doc) -> list[Candidate]:
    """Find the event candidates of a Doc.

    Args:
        doc: a Doc from :func:`timeline.nlp.load_nlp` (sentences and ``tl_triggers`` set).

    Returns:
        Candidates in text order, at most :data:`MAX_EVENTS_PER_SENTENCE` a sentence,
        each of a distinct type.

    Example:
        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp("blank")("Russia launched a missile at Dnipro on Thursday.")
        >>> [c.event_type for c in candidates(doc)]
        ['missile_strike']
    """
    sentences = list(doc_sents(doc))
    truncated = _truncated_sentences(sentences)
    spans = [s for s in _longest(doc.spans.get(TRIGGERS_KEY, []))
             if sent_of(s).start not in truncated and _usable_trigger(s)]
    typed = {span: _event_type(span) for span in spans}
    typed = _one_type_per_word(_fold_carrier_verbs({s: t for s, t in typed.items() if t}))
    by_sentence: dict[int, list[Candidate]] = {}
    trigger_spans: dict[int, Span] = {}
    for span, (event_type, score) in typed.items():
        candidate = _candidate(span, event_type, score)
        by_sentence.setdefault(candidate.sent_start, []).append(candidate)
        trigger_spans[candidate.trigger_start] = span
        for again in _repetitions(span):
            repeated = _candidate(again, event_type, score)
            by_sentence[candidate.sent_start].append(replace(repeated, sent_start=candidate.sent_start))
    if has_annotation(doc, "DEP"):
        for span in _dated_statements(doc, set(by_sentence), sentences):
            candidate = _candidate(span, "statement_or_warning", rules()["dated_statement_score"])
            by_sentence.setdefault(candidate.sent_start, []).append(candidate)
        for span in _quoted_warnings(doc, set(by_sentence), sentences):
            candidate = _candidate(span, "statement_or_warning", rules()["dated_statement_score"])
            # the speaking happened, whatever the quote's own modality
            by_sentence.setdefault(candidate.sent_start, []).append(replace(candidate, status="occurred"))
    found: list[Candidate] = []
    for sent_start in sorted(by_sentence):
        found.extend(_best_per_sentence(by_sentence[sent_start], trigger_spans))
    return drop_repeated_mentions(doc, found) if has_annotation(doc, "DEP") else found


def _repetitions(span: Span) -> list[Span]:
    """Another occurrence told by ellipsis: "seized power in 2020 and again in 2021".

    A repetition adverb on a dated phrase of the trigger verb names the same kind of
    event at another time; the adverb stands in as its trigger.
    """
    verb = span.root
    if verb.pos_ != "VERB" or not has_annotation(span.doc, "DEP"):
        return []
    adverbs = set(rules()["repetition_adverbs"])
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        dated = any(g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in prep.children)
        for adverb in prep.children:
            if dated and adverb.dep_ == "advmod" and adverb.lower_ in adverbs and adverb.i < prep.i:
                found.append(span.doc[adverb.i : adverb.i + 1])
    return found


def _truncated_sentences(sentences: list[Span]) -> set[int]:
    """Starts of sentences that are only a cut-off copy of another sentence of the text
    (scraped pages repeat a sentence and break it off: "The army blamed the RSF for the")."""
    sents = [(sent.start, span_text(sent).strip()) for sent in sentences]
    ordered = sorted({text for _, text in sents})
    minimum = rules()["truncated_min_chars"]
    return {start for start, text in sents if len(text) >= minimum and _prefix_of_another(text, ordered)}


def _prefix_of_another(text: str, ordered: list[str]) -> bool:
    """Whether another of the sorted, distinct ``ordered`` texts starts with ``text``.

    The texts that start with ``text`` come right after it in sorted order, so the next one tells.
    """
    after = bisect_right(ordered, text)
    return after < len(ordered) and ordered[after].startswith(text)


def drop_repeated_mentions(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Drop a later mention that only tells again an event already told (README: one event per article).

    A mention of an occurred event repeats an earlier one of the same type in an
    earlier sentence when it adds nothing: no time expression of its own, no other
    named actor, no other death toll and no place the earlier sentence did not
    name ("Russia struck Dnipro on Thursday. ... Seven cruise missiles were also
    launched."). Statements are never merged: each says something new.

    Example:
        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp("blank")("Russia struck Dnipro. Missiles were launched.")
        >>> len(drop_repeated_mentions(doc, candidates(doc)))  # no parse: nothing is merged
        2
    """
    if not has_annotation(doc, "DEP"):
        return found
    keep_types = set(rules()["never_merged_types"])
    family = set(rules()["attack_family"])
    kept: list[Candidate] = []
    for cand in found:
        generic = cand.event_type in family and _generic_attack(doc, cand)
        earlier = [k for k in kept if k.status == "occurred" and k.sent_start != cand.sent_start and (
            k.event_type == cand.event_type or generic and k.event_type in family)]
        if cand.status == "occurred" and cand.event_type not in keep_types and earlier \
                and any(_repeats(doc, cand, k) for k in earlier):
            continue
        kept.append(cand)
    return kept


def _repeats(doc: Doc, later: Candidate, first: Candidate) -> bool:
    """Whether ``later`` adds no date, actor, toll or place to ``first`` (same type, earlier sentence)."""
    sent = doc.char_span(later.sent_start, later.sent_end, alignment_mode="expand")
    if sent is None or any(_new_time(e, later, first) for e in ents_in(sent)):
        return False
    time_words = set(rules()["time_words"])
    if any(t.lower_ in time_words for t in sent):
        return False  # "before dawn", "overnight": a time of its own
    agent = _own_agent(doc, later)
    if agent and not any(_same_name(agent, b) for b in first.actors + (_own_agent(doc, first),) if b):
        return False
    if later.actor_countries and first.actor_countries and not _speaker(sent, later) \
            and not set(later.actor_countries) & set(first.actor_countries):
        return False  # another country's act ("Ukraine fired Atacms" after "Russia fired an ICBM")
    if later.fatalities is not None and first.fatalities is not None and later.fatalities != first.fatalities:
        return False  # another toll, another attack; a first toll given only later adds detail
    told = first.sentence.lower()
    named = {e.text.lower() for e in ents_in(sent) if e.label_ in ACTOR_LABELS + PLACE_LABELS}
    if any(t.lower() not in told and any(n in t.lower() for n in named) for t in later.targets):
        return False  # a named target the first mention did not have ("air strikes on RSF bases")
    places = [e.text.lower() for e in ents_in(sent) if e.label_ in PLACE_LABELS
              and e.root.dep_ == "pobj" and e.root.head.lower_ in LOCATIVE_PREPS]
    return all(p in told for p in places)  # no place the first mention did not name


def _speaker(sent: Span, cand: Candidate) -> bool:
    """Whether the mention's actor is only the one who reports it ("..., Ukrainian officials said")."""
    reporting = set(rules()["reporting_verbs"]) | set(rules()["witness_verbs"])
    return bool(cand.actors) and any(
        tok.lemma_ in reporting and any(c.dep_ == "nsubj" and cand.actors[0] in " ".join(
            t.text for t in c.subtree) for c in tok.children) for tok in sent)


def _new_time(ent: Span, later: Candidate, first: Candidate) -> bool:
    """Whether a time expression gives a mention a date of its own.

    A clock time ("at 6:07 a.m.") only refines the day already told, and a
    possessive date the earlier sentence names ("Tuesday's explosions") points back.
    """
    if ent.label_ == "TIME" and re.search(r"\d", ent.text) and not re.search(
            r"day\b|night|\b(?:19|20)\d\d\b", ent.text, re.IGNORECASE):
        return False
    if ent.label_ == "DATE" and ent.root.dep_ == "poss":
        bare = re.sub(r"[’']s$", "", ent.text).lower()
        return bare not in first.sentence.lower()
    return ent.label_ in TIME_LABELS


def _generic_attack(doc: Doc, cand: Candidate) -> bool:
    """A bare attack word with no agent ("an industrial plant was hit") may retell any attack."""
    return cand.trigger.lower() in rules()["generic_attack_words"] and not _own_agent(doc, cand)


def _own_agent(doc: Doc, cand: Candidate) -> str:
    """Who the trigger's own clause says did it: its subject or agent, or a noun's possessor or
    actor modifier; not the speaker of a reporting verb above it, nor a weapon ("a missile hit")."""
    span = doc.char_span(cand.trigger_start, cand.trigger_end, alignment_mode="expand")
    if span is None:
        return ""
    root = span.root
    heads = set(rules()["weapon_heads"])
    found: list[Token] = []
    for child in root.children:
        if root.pos_ in ("VERB", "AUX") and child.dep_ == "nsubj":
            found.append(child)
        elif child.dep_ == "agent":
            found.extend(g for g in child.children if g.dep_ == "pobj")
        elif root.pos_ in ("NOUN", "PROPN") and (child.dep_ == "poss" or child.dep_ in ("compound", "amod")
                                                 and child.ent_type_ in ACTOR_LABELS):
            found.append(child)
    witness = set(rules()["reporting_verbs"]) | set(rules()["witness_verbs"])
    verb = root
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in root.children)
    for _ in range(3):  # "escalated tensions by relaxing the terms": the gerund's doer is the subject
        if found or passive or verb.pos_ not in ("VERB", "AUX") \
                or verb.dep_ not in ("pcomp", "advcl", "xcomp", "conj"):
            break
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
        if verb.lemma_ in witness:
            break
        found.extend(c for c in verb.children if c.dep_ == "nsubj")
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ == "dobj" and root.head.lemma_ not in witness:
        found.extend(c for c in root.head.children if c.dep_ == "nsubj")  # "Pakistan announced an operation"
    for token in found:
        if token.ent_type_ in TIME_LABELS or token.lower_ in heads or token.lemma_.lower() in heads:
            continue
        if cand.event_type in rules()["intransitive_types"] and token.dep_ == "nsubj" and root.pos_ == "VERB":
            continue  # "it blew up", "a truck blew up": the thing that exploded, not an agent
        return token.text if token.pos_ == "PRON" else _phrase(token)
    return ""


def _same_name(name: str, other: str) -> bool:
    name, other = name.lower(), other.lower()
    return name in other or other in name


def _dated_statements(doc: Doc, taken: set[int], sentences: list[Span] | None = None) -> list[Span]:
    """Statements that are news in themselves: a named speaker's dated declaration.

    A sentence with no other event whose main verb is a reporting verb with a named
    subject (a person, organisation or country, not a pronoun), its own time ("said
    on Sunday that", "said later on Thursday") and a complement clause reports what
    that speaker declared that day.
    """
    found: list[Span] = []
    verbs = set(rules()["reporting_verbs"])
    for sent in doc_sents(doc) if sentences is None else sentences:
        text = span_text(sent)
        lead = len(text) - len(text.lstrip())
        if sent.start_char + lead in taken:
            continue
        root = sent.root
        if root.lemma_ not in verbs or root.pos_ != "VERB":
            continue
        children = list(root.children)
        subjects = [c for c in children if c.dep_ == "nsubj"][-1:]  # the one next to the verb, not a dateline
        if not subjects or subjects[0].pos_ == "PRON" or not subjects[0].ent_type_ and not any(
                t.ent_type_ in ACTOR_LABELS for t in subjects[0].subtree) and not countries_of(
                [" ".join(t.text for t in subjects[0].subtree)]):
            continue  # a named speaker: an entity, or a known actor ("Niger's army command")
        if not any(c.dep_ == "ccomp" for c in children):
            continue
        timed = any(t.ent_type_ in TIME_LABELS for c in children if c.dep_ in ("prep", "npadvmod", "advmod")
                    for t in c.subtree)
        if timed or _time_follows(root):
            found.append(doc[root.i : root.i + 1])
    return found


def _quoted_warnings(doc: Doc, taken: set[int], sentences: list[Span] | None = None) -> list[Span]:
    """Quoted conditional warnings: a named speaker quoted saying what will follow if something
    happens ("Zelensky was clear: “If aid is cut, we will probably lose.”").

    The quote's if-clause and its future or modal consequence make it a warning; the
    event is the speaking, so the trigger is the speaker's predicate, outside the quote.
    Only for sentences with no other event.
    """
    found: list[Span] = []
    marks, modals = set(rules()["condition_marks"]), set(rules()["consequence_modals"])
    for sent in doc_sents(doc) if sentences is None else sentences:
        text = span_text(sent)
        lead = len(text) - len(text.lstrip())
        if sent.start_char + lead in taken or ("“" not in text and '"' not in text):
            continue
        opening = next((t for t in sent if t.text in ("“", '"')), None)
        if opening is None:
            continue
        speakers = [e.root for e in ents_in(sent) if e.label_ in ACTOR_LABELS and e.end <= opening.i
                    and e.root.dep_ == "nsubj" and e.root.head.i < opening.i]
        if not speakers:
            continue  # a named speaker whose predicate comes before the quote
        for token in sent:
            if token.i > opening.i and token.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in marks for c in token.children) and any(
                    c.dep_ == "aux" and c.lower_ in modals for c in token.head.children):
                verb = speakers[0].head
                found.append(doc[verb.i : verb.i + 1])
                break
    return found


def _one_type_per_word(scored: dict[Span, tuple[str, float]]) -> dict[Span, tuple[str, float]]:
    """A word listed under two types ("overran": fighting and capture) reports one event:
    the better-ranked type is kept."""
    best: dict[tuple[int, int], Span] = {}
    for span, (_, score) in scored.items():
        key = (span.start, span.end)
        if key not in best or score > scored[best[key]][1]:
            best[key] = span
    return {span: scored[span] for span in scored if best[(span.start, span.end)] is span}


def _time_follows(verb: Token) -> bool:
    """Whether the verb is directly followed by its time ("said on Thursday it", "said late on Sunday"),
    however the parser attached it."""
    lead = set(rules()["time_lead_words"])
    for token in verb.doc[verb.i + 1 : min(verb.i + 4, sent_of(verb).end)]:
        if token.ent_type_ in TIME_LABELS:
            return True
        if token.lower_ not in lead:
            return False
    return False


def _fold_carrier_verbs(typed: dict[Span, str]) -> dict[Span, tuple[str, float]]:
    """Let an event noun take over the statement verb that carries it.

    In "declared a truce" or "announced it would observe a ceasefire" the event is
    the noun's; the verb is dropped and the noun keeps the verb's (higher) rank.
    """
    scored = {span: (event_type, _score(span, event_type)) for span, event_type in typed.items()}
    by_root = {span.root.i: span for span in typed}
    for span, event_type in typed.items():
        carrier = _carrier(span, by_root)
        if carrier is None or carrier not in scored or event_type == typed[carrier]:
            continue
        if typed[carrier] in rules()["carrier_types"]:
            scored[span] = (event_type, max(scored[span][1], scored.pop(carrier)[1]))
    return scored


def _carrier(span: Span, by_root: dict[int, Span]) -> Span | None:
    """The trigger verb whose object (directly or through a complement clause) is this noun trigger."""
    token = span.root
    if token.dep_ == "pobj" and token.head.head.dep_ in ("dobj", "nsubjpass"):
        token = token.head.head  # "$500 million in military aid", "a package of weapons"
    if span.root.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("dobj", "nsubjpass", "attr"):
        return None
    head = token.head
    for _ in range(3):
        if head.i in by_root and head.i != token.i:
            return by_root[head.i]
        if head.dep_ not in ("ccomp", "xcomp") or head.head.i == head.i:
            return None
        head = head.head
    return None


def _longest(spans: Iterable[Span]) -> list[Span]:
    """Drop a trigger that lies inside a longer one ("took" inside "took effect")."""
    spans = list(spans)
    bounds = [(o.start, o.end) for o in spans]  # ints: Span attributes are slow to read in a double loop
    return [s for s, (start, end) in zip(spans, bounds, strict=True) if not any(
        o_start <= start and end <= o_end and o_end - o_start > end - start for o_start, o_end in bounds)]


def _usable_trigger(span: Span) -> bool:
    """Verb-list triggers must be verbs (or nouns) when the pipeline tags parts of speech;
    a definite noun ("the attack") refers back to an event already told."""
    token = span.root
    if not has_annotation(token.doc, "POS"):
        return True
    # each attribute read builds a string: read the few the checks share once
    tag, dep, pos, label, pattern_id = token.tag_, token.dep_, token.pos_, span.label_, span.id_
    if _is_heading(sent_of(span)):
        return False
    if len(span) == 1 and tag == "VBG" and dep == "acl":
        return False  # a participle describing a noun ("forces fighting in Ukraine") reports no event
    if label == "statement_or_warning" and tag == "VBG" and dep in ("advcl", "acl") \
            and pattern_id not in rules()["warning_of_ids"] and token.head.pos_ == "VERB" \
            and _in_trigger(token.head):
        return False  # "signed a decree, ordering ...", "attacked embassies, accusing ...": the act's content
    if label == ATTACK and tag == "VBG" and dep == "advcl" \
            and _attack_trigger(token.head):
        return False  # "drones struck Port Sudan, hitting the port": the same attack, told in detail
    if pos in ("NOUN", "PROPN") and _anaphoric(token) and not _anchored_noun(token):
        return False
    if pos in ("NOUN", "PROPN") and dep == "pobj" and token.head.lower_ == "since":
        return False  # "1,000 days since the invasion": the reference point of a count, not a report
    if pos in ("NOUN", "PROPN") and _part_of_another(token, span):
        return False
    if pos in ("NOUN", "PROPN") and dep == "pobj" and token.head.lower_ in ("for", "to") \
            and token.head.head.lemma_.lower() in rules()["retaliation_nouns"] and not _dated_phrase(token):
        return False  # "retaliation for Ukrainian strikes": an undated cause, told elsewhere
    if span.text.lower() in rules()["agent_noun_triggers"] and (
            not dep.startswith("nsubj") or _head_is_trigger(token)):
        return False  # "protesters attacked embassies": the verb tells the event
    if label == "statement_or_warning" and pos == "VERB" and dep in ("relcl", "acl") \
            and not any(t.ent_type_ in TIME_LABELS for c in token.children if c.dep_ in ("prep", "npadvmod")
                        for t in c.subtree):
        return False  # "the UAE, which it accused of arming the RSF": an undated description, not the news
    if token.lemma_ in rules()["naming_verbs"] and _names_something(token):
        return False  # "Stepanakert, which Azerbaijan calls Khankendi": a name, not a statement
    if pattern_id in rules()["warning_of_ids"] and not any(
            _in_trigger(g) for c in token.children if c.dep_ == "prep"
            for g in c.children if g.dep_ == "pobj"):
        return False  # "fears of new attacks" warns of an event; "fears of a slowdown" does not
    habitual = set(rules()["habitual_adverbs"])
    if any(c.dep_ == "advmod" and c.lower_ in habitual for c in token.children):
        return False
    if pattern_id in rules()["verb_led_ids"] and (token.i != span.start or pos != "VERB"):
        return False  # "British-supplied missiles": the verb only modifies the noun
    if len(span) > 1:
        return True
    if pattern_id.endswith("-verbs"):
        return pos == "VERB" or (pos == "ADJ" and tag == "VBN")
    return pos not in ("ADP", "DET")


def _attack_trigger(token: Token) -> bool:
    spans = token.doc.spans.get(TRIGGERS_KEY, [])
    return any(s.start <= token.i < s.end and s.label_ == ATTACK for s in spans)


def _part_of_another(token: Token, span: Span) -> bool:
    """Whether an event noun only details another trigger's event: a second conjunct
    ("gunfire and explosions") or the means of a trigger verb ("fought ... with air strikes")."""
    head = token.head
    if token.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and _in_trigger(head) and head.i < span.start:
        return True
    return token.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB" \
        and _in_trigger(head.head)


def _dated_phrase(token: Token) -> bool:
    """Whether a time expression follows the noun before the next finite verb ("an air strike on
    its consulate on April 1", however the parser attached the date)."""
    for word in token.doc[token.i + 1 : sent_of(token).end]:
        if word.ent_type_ in TIME_LABELS:
            return True
        if word.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return False
    return False


def _head_is_trigger(token: Token) -> bool:
    """Whether the token's head verb is itself an event trigger."""
    head = token.head
    return head.pos_ == "VERB" and any(
        s.start <= head.i < s.end for s in token.doc.spans.get(TRIGGERS_KEY, []))


def _names_something(verb: Token) -> bool:
    """Whether a naming verb only names: a wh-object and a predicate noun ("what it called X")."""
    deps = {c.dep_: c for c in verb.children}
    return "oprd" in deps and "dobj" in deps and deps["dobj"].tag_ in ("WDT", "WP")


def _is_heading(sent: Span) -> bool:
    """A short line without a finite verb or final stop is a heading ("Ceasefire"), not a report."""
    if span_text(sent).rstrip().endswith((".", "!", "?", '"', "”")):
        return False
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) > rules()["heading_max_words"]:
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in words)


def _anchored_noun(token: Token) -> bool:
    """Whether an event noun carries its own time or agent ("Azerbaijan's offensive of 19-20 September")."""
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return True
        if child.dep_ in ("compound", "amod", "nmod", "nummod") and child.ent_type_ in ACTOR_LABELS + TIME_LABELS:
            return True
        if child.dep_ == "prep" and any(g.ent_type_ in TIME_LABELS + ACTOR_LABELS for g in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "of" and any(
                t.ent_type_ in ("NORP", "ORG", "PERSON") for t in child.subtree):
            return True  # "the arrival of thousands of North Korean fighters": a new agent
    return token.dep_ in ("dobj", "nsubjpass") and _calendar_dated(token.head)


_CALENDAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _calendar_dated(verb: Token) -> bool:
    """Whether a verb carries a date with a year ("led the takeover in October 2021"): a
    background event told with its own date, not a back-reference to today's news."""
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and obj.ent_type_ == "DATE" and _CALENDAR.search(
                    " ".join(t.text for t in obj.subtree)):
                return True
    return False


def _anaphoric(token: Token) -> bool:
    determiners = set(rules()["anaphoric_determiners"])
    for child in token.children:
        if child.dep_ == "det" and child.lower_ in determiners:
            return True
    return False


def _best_per_sentence(
    found: list[Candidate], trigger_spans: dict[int, Span] | None = None
) -> list[Candidate]:
    best: dict[tuple[str, str], Candidate] = {}
    own_times: dict[int, str] = {}  # each candidate's own time, read once for the whole sentence
    for cand in found:
        key = _mention_key(cand, found, trigger_spans or {}, own_times)
        if key not in best or cand.score > best[key].score:
            best[key] = cand
    ranked = sorted(best.values(), key=lambda c: -c.score)
    floor = rules()["second_event_min_score"]
    kept = ranked[:1] + [c for c in ranked[1:MAX_EVENTS_PER_SENTENCE] if c.score >= floor]
    return sorted(kept, key=lambda c: c.trigger_start)


def _apart(same: list[Candidate], trigger_spans: dict[int, Span]) -> bool:
    """Whether the triggers stand in different clauses: "take control" and "send mines as part of new
    aid" are one event each; "had been tested and further tests would follow" are two."""
    if any(c.trigger_start not in trigger_spans for c in same):
        return False
    verbs = [_clause_verb(trigger_spans[c.trigger_start].root) for c in same]
    return len({v.i for v in verbs}) == len(verbs)


def _clause_verb(token: Token) -> Token:
    """The nearest verb at or above a token (the sentence root if none)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _mention_key(cand: Candidate, found: list[Candidate], trigger_spans: dict[int, Span],
                 own_times: dict[int, str] | None = None) -> tuple[str, str]:
    """One event per type and sentence, unless two of a type differ in status or in named actors
    ("The Senate passed the bill on Tuesday, after the House approved it on Saturday")
    or each has a time of its own in its own clause ("sanctioned X in January, and
    sanctioned Y the following week"): different times, different events."""
    if cand.trigger.lower() in rules()["repetition_adverbs"]:
        return cand.event_type, f"again@{cand.trigger_start}"  # another occurrence, never merged
    same = [c for c in found if c.event_type == cand.event_type]
    if len({c.status for c in same}) > 1 and _apart(same, trigger_spans):
        return cand.event_type, cand.status  # "had been tested and further tests would follow": two events
    actors = {c.actors[0] for c in same if c.actors}
    if len(actors) > 1 and cand.actors and all(c.actors for c in same):
        return cand.event_type, cand.actors[0]
    if len(same) < 2 or any(c.trigger_start not in trigger_spans for c in same):
        return cand.event_type, ""
    own_times = {} if own_times is None else own_times
    for c in same:
        if c.trigger_start not in own_times:
            own_times[c.trigger_start] = _own_time(trigger_spans[c.trigger_start])
    times = [own_times[c.trigger_start] for c in same]
    if all(times) and len(set(times)) == len(times):
        return cand.event_type, "@" + times[same.index(cand)]
    return cand.event_type, ""


def _own_time(span: Span) -> str:
    """The first time expression inside the trigger's own clause (empty without a parse or a time)."""
    if not has_annotation(span.doc, "DEP"):
        return ""
    times = [ent for ent in ents_in(sent_of(span)) if ent.label_ in TIME_LABELS]
    if not times:
        return ""  # no time in the sentence: no need for the clause
    clause = set(clause_ids(span))
    for ent in times:
        if ent.root.i in clause:
            return ent.text
    return ""


def _candidate(span: Span, event_type: str, score: float) -> Candidate:
    sent = sent_of(span)
    text = span_text(sent)
    lead = len(text) - len(text.lstrip())
    sentence = text.strip()
    actors = tuple(_actors(span, event_type))
    targets = tuple(_targets(span))
    return Candidate(
        event_type=event_type,
        trigger=span_text(span),
        trigger_start=span.start_char,
        trigger_end=span.end_char,
        sent_start=sent.start_char + lead,
        sent_end=sent.start_char + lead + len(sentence),
        sentence=sentence,
        status=status_of(span, event_type=event_type),
        actors=actors,
        actor_countries=tuple(countries_of(actors)),
        targets=targets,
        location=_location(span, targets, actors),
        weapon=_weapon(sent) if event_type in rules()["weapon_types"] else "",
        amount=_amount(span),
        fatalities=_fatalities(sent, text) if _can_kill(event_type) else None,
        pattern_id=span.id_,
        score=round(min(0.95, score + (0.05 if actors else 0.0)), 3),
    )


def _event_type(span: Span) -> str:
    """The type of a trigger; a generic attack takes it from the weapon named in its clause.

    "captured"/"took" with a place as object is a territorial change; "took" without one
    ("took place", "take part") is no event at all (the empty type).
    """
    word = span.text.lower()
    if word in rules()["place_object_triggers"] and has_annotation(span.doc, "DEP"):
        if _object_is_place(span.root):
            return rules()["place_object_triggers"][word]
        if word in rules()["needs_place_object"]:
            return ""
    if span.id_ in rules()["victim_trigger_ids"]:
        return _by_victims(span.root) if has_annotation(span.doc, "DEP") else ""
    if span.label_ in rules()["subject_sensitive_types"] and has_annotation(span.doc, "DEP"):
        retyped = _by_subject_or_object(span)
        if retyped is not None:
            return retyped
    if span.label_ != ATTACK:
        return span.label_
    if has_annotation(span.doc, "DEP"):
        if _labour_strike(span.root) or _fired_on_crowd(span.root):
            return "protest"
        if _fired_into_the_sea(span.root):
            return "weapons_test_or_launch"
        by_agent = _attack_by_agent(span.root)
        if by_agent is not None:
            return by_agent
    any_weapon = _weapon_word_pattern()
    for phrase in _words_by_distance(span):
        if any_weapon.search(phrase) is None:
            continue  # no table word in this phrase: skip the ordered look-up
        for word, event_type in _weapon_word_types():
            if word.search(phrase):
                return event_type
    if any(ent.label_ == "WEAPON" for ent in ents_in(sent_of(span))):
        return "missile_strike"
    by_trigger: dict[str, str] = rules()["attack_default_by_trigger"]
    return by_trigger.get(span.root.lower_, rules()["attack_default_type"])


def _by_victims(verb: Token) -> str:
    """Type a passive killing from its victims ("26 people were killed near Pahalgam").

    Counted or civilian victims with no attack named as the cause are an attack on
    civilians; a perfect ("had been killed in the 12 months") is a running tally.
    Combatant victims, an active verb ("killing 12") or a cause that is itself a
    trigger ("killed in fighting", "in the blast") give no event of their own (the empty type).
    """
    if any(c.dep_ == "prt" for c in verb.children):
        return ""  # a phrasal verb ("shot down") is no killing
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return _active_killing(verb)
    victims = rules()["victim_kinds"]
    for subject in (c for c in verb.children if c.dep_ == "nsubjpass"):
        words = {subject.lemma_.lower(), subject.lower_}
        words |= {g.lemma_.lower() for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"}  # "dozens of civilians"
        counted = subject.like_num or any(c.dep_ == "nummod" for c in subject.children)
        if words & set(victims["combatant"]) or words & set(rules()["crowd_nouns"]) \
                or not (words & set(victims["civilian"]) or counted):
            continue  # soldiers killed in battle; protesters shot at a protest are the protest's story
        if any(c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
                _in_trigger(g) for g in c.children if g.dep_ == "pobj") for c in verb.children):
            return ""  # the cause is its own event ("killed in the blast")
        if any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children):
            return "casualty_report"
        return "attack_on_civilians"
    return ""


def _active_killing(verb: Token) -> str:
    """Type an active killing: "RSF fighters killed more than 400 people" is an attack on civilians
    when a perpetrator that is no event itself ("the blast killed") kills counted or civilian victims;
    "..., killing 12" belongs to the event it follows (the empty type)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not (
            verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)):
        return ""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(_in_trigger(s) or _is_means(s) or s.lemma_.lower() in rules()["disaster_nouns"]
                           for s in subjects):
        return ""
    victims = rules()["victim_kinds"]
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        words = {obj.lemma_.lower(), obj.lower_}
        words |= {g.lemma_.lower() for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"}
        counted = obj.like_num or any(c.dep_ == "nummod" for c in obj.children)
        if words & set(victims["civilian"]) or (counted and not words & set(victims["combatant"])):
            return "attack_on_civilians"
    return ""


def _in_trigger(token: Token) -> bool:
    return any(s.start <= token.i < s.end for s in token.doc.spans.get(TRIGGERS_KEY, []))


@lru_cache(maxsize=1)
def _weapon_word_types() -> tuple[tuple[re.Pattern[str], str], ...]:
    """``attack_weapon_types`` in table order, each word as a whole-word pattern, compiled once."""
    table: dict[str, str] = rules()["attack_weapon_types"]
    return tuple((re.compile(rf"\b{re.escape(word)}\b"), event_type) for word, event_type in table.items())


@lru_cache(maxsize=1)
def _weapon_word_pattern() -> re.Pattern[str]:
    """One pattern matching any word of ``attack_weapon_types`` (a prefilter for the ordered look-up)."""
    words = sorted(rules()["attack_weapon_types"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _labour_strike(token: Token) -> bool:
    """Whether "strike" is a stoppage of work ("a national strike", "went on strike"), not an attack."""
    if token.lower_ not in ("strike", "strikes") or token.pos_ != "NOUN":
        return False
    modifiers = set(rules()["labour_strike_modifiers"])
    if any(c.dep_ in ("amod", "compound") and c.lower_ in modifiers for c in token.children):
        return True
    on_strike = token.dep_ == "pobj" and token.head.lower_ == "on"
    return on_strike and token.head.head.lemma_ in ("go", "be", "stay")  # "went on strike"


def _fired_into_the_sea(verb: Token) -> bool:
    """Whether a launch hit no target: "fired a ballistic missile into the sea", "off its east coast"."""
    if verb.pos_ != "VERB":
        return False
    # "fires missile into sea": the verb or its object may hold the place
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep"]
    aimed = any(p.lower_ in ("at", "on", "against", "toward", "towards") and any(
        g.dep_ == "pobj" and g.ent_type_ not in TIME_LABELS for g in p.children) for p in preps)
    water = set(rules()["open_water_nouns"])
    landed = any(p.lower_ in ("into", "off", "over", "in") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in water for g in p.children) for p in preps)
    return landed and not aimed


@lru_cache(maxsize=1)
def _crowd_control_pattern() -> re.Pattern[str]:
    """Any ``crowd_control_munitions`` phrase as whole words, compiled once."""
    return re.compile(r"\b(?:" + "|".join(re.escape(m) for m in rules()["crowd_control_munitions"]) + r")\b")


def _fired_on_crowd(verb: Token) -> bool:
    """Whether forces fired crowd-control munitions, or fired at a crowd ("police fired tear gas at
    protesters"): the protest's story, not a strike."""
    if verb.pos_ != "VERB":
        return False
    objects = " ".join(t.lower_ for c in verb.children if c.dep_ == "dobj" for t in c.subtree)
    if _crowd_control_pattern().search(objects):
        return True
    targets = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "into")
               for g in c.children if g.dep_ == "pobj"]
    return any(t.lower_ in rules()["crowd_nouns"] for t in targets)


def _attack_by_agent(verb: Token) -> str | None:
    """Retype an attack verb from who did it or what was launched.

    Protesters attacking embassies riot; "launched an offensive" is fighting; a verb
    like "launched" whose object is neither a weapon nor an attack ("the transition
    launched after the coup") is no attack at all (the empty type).
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj",)]
    if any(s.lower_ in rules()["crowd_nouns"] for s in subjects):
        return "riot"
    if any(s.lemma_.lower() in rules()["disaster_nouns"] for s in subjects):
        return ""  # "an earthquake struck the province": no attack
    if any(s.lemma_.lower() in rules()["defence_nouns"] for s in subjects):
        return ""  # "air defences fired at drones": an interception, not an attack
    if verb.lower_ not in rules()["launch_verbs"]:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        objects.append(verb.head)
    nouns = [o for o in objects if o.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    if any(o.lower_ in rules()["clash_nouns"] for o in nouns):
        return "armed_clash"
    weapons = set(rules()["weapon_heads"]) | set(rules()["attack_weapon_types"])
    weapons |= set(rules()["attack_nouns"])
    if any(o.lower_ in weapons or o.ent_type_ == "WEAPON" for o in nouns):
        return None
    return ""


def _by_subject_or_object(span: Span) -> str | None:
    """Retype a movement or hosting verb from what moves or is hosted.

    "600 trucks of aid entered Gaza" is an aid delivery, not a troop movement;
    "Niger, hosting 1,500 French troops" is a standing presence, not diplomacy.
    """
    verb = span.root
    if verb.pos_ != "VERB":
        return None
    table: dict[str, dict[str, str]] = rules()["subject_sensitive_types"][span.label_]
    subjects = [verb.head] if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") else []
    for child in [*verb.children, *subjects]:  # "people crossed" misparsed as a noun's modifier too
        if (child.dep_ in ("nsubj", "nsubjpass") or child in subjects) and "subject" in table:
            words = {child.lemma_.lower(), child.lower_}  # "hundreds of aid trucks": the counted noun too
            words |= {t.lemma_.lower() for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                      for t in c.subtree}
            for word, event_type in table["subject"].items():
                if word in words:
                    return event_type
        if child.dep_ == "dobj" and "object" in table:
            for word, event_type in table["object"].items():
                if word in (child.lemma_.lower(), child.lower_):
                    return event_type
    return None


def _object_is_place(verb: Token) -> bool:
    place_nouns = set(rules()["place_nouns"])
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(o.ent_type_ in PLACE_LABELS or o.lower_ in place_nouns for o in objects)


def _words_by_distance(span: Span) -> Iterator[str]:
    """The trigger itself, then the words of its clause outward from it (bigrams too), lower-cased.

    Yielded one by one: the caller stops at the first phrase naming a weapon.
    """
    root = span.root.i
    window = sorted(clause_tokens(span), key=lambda tok: abs(tok.i - root))
    doc, sent_end = span.doc, sent_of(span).end
    yield span.text.lower()
    for tok in window:
        yield f"{tok.text} {doc[tok.i + 1].text}".lower() if tok.i + 1 < sent_end else tok.lower_


def clause_tokens(span: Span) -> list[Token]:
    """The tokens of the trigger's own clause: its subtree without embedded clauses, plus its subject.

    Without a parse, the whole sentence.
    """
    if not has_annotation(span.doc, "DEP"):
        return list(sent_of(span))
    doc = span.doc
    return [doc[i] for i in clause_ids(span)]


def clause_ids(span: Span) -> list[int]:
    """The token indices of :func:`clause_tokens`, in the same order (no Token is built)."""
    if not has_annotation(span.doc, "DEP"):
        sent = sent_of(span)
        return list(range(sent.start, sent.end))
    root = span.root
    # the same trigger's clause is asked for by typing, scoring and dating: built once per Doc
    return list(per_doc_part(span.doc, "clauses", root.i, lambda: tuple(_clause_of(root))))


def _clause_of(root: Token) -> list[int]:
    """:func:`clause_ids` of a trigger whose root is ``root``, on a parsed Doc."""
    doc = root.doc
    # token indices and dependency hashes: the walk builds a Token only for the tokens it keeps
    children, deps, clausal = children_ids(doc), token_column(doc, DEP), _clausal_dep_ids()
    kept: list[int] = []
    stack = [root.i]
    while stack:
        index = stack.pop()
        kept.append(index)
        stack.extend(c for c in children[index] if deps[c] not in clausal)
    head = root if root.pos_ in ("VERB", "AUX") else root.head
    seen = set(kept)
    for child in head.children:
        if child.dep_ in SUBJECT_DEPS:
            for token in child.subtree:
                if token.i not in seen:
                    seen.add(token.i)
                    kept.append(token.i)
    return kept


@lru_cache(maxsize=1)
def _clausal_dep_ids() -> frozenset[int]:
    """The StringStore ids of :data:`CLAUSAL_DEPS` (as :func:`timeline.nlp.token_column` gives ``DEP``)."""
    return frozenset(get_string_id(dep) for dep in CLAUSAL_DEPS)


def _score(span: Span, event_type: str) -> float:
    """Prefer the clause's predicate over nouns in modifiers; type priority breaks ties."""
    priority: list[str] = rules()["type_priority"]
    root = span.root
    if span.label_ == "statement_or_warning" and root.pos_ == "NOUN" and root.dep_ == "pobj" \
            and root.head.head.lemma_ in rules()["reporting_verbs"]:
        root = root.head.head  # "said in a televised address": the address is the saying
    role = "ROOT" if root.dep_ == "ROOT" and root.pos_ in ("VERB", "AUX") else root.dep_
    roles: dict[str, float] = rules()["role_scores"]
    score = roles.get(role, rules()["default_role_score"]) if has_annotation(span.doc, "DEP") else 0.6
    score -= 0.1 * priority.index(event_type) / len(priority)
    if span.text.lower() in rules()["weak_triggers"] and not _dated_object(root):
        score -= 0.2
    if len(span) > 1:
        score += 0.05
    if root.pos_ in ("NOUN", "PROPN") and _anchored_noun(root):
        score += rules()["anchored_noun_bonus"]
    if span.id_ in rules()["warning_of_ids"]:
        score += rules()["warning_of_bonus"]  # the warning carries the event it warns of, often a modifier

    return round(min(max(score, 0.05), 0.95), 3)


def _dated_object(verb: Token) -> bool:
    """Whether a verb's object is a stretch of time ("to mark one year"): the ambiguous verb is then
    used in its event sense."""
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" and c.ent_type_ == "DATE" for c in verb.children)


def status_of(span: Span, *, event_type: str | None = None) -> Status:
    """Tell whether the event occurred, is planned, negated or hypothetical.

    Looks at the trigger's auxiliaries and negation, its governing verbs, and the
    few words before it in the same sentence. An announcement of a future act makes
    the act's announcement an event only for types whose announcement is the news
    (aid, sanctions, a truce: ``announced_types``); "said further tests would follow"
    stays a plan.
    """
    cues: dict[str, list[str]] = rules()["status_cues"]
    if span.text.lower() in rules()["denial_triggers"]:
        return "negated"  # a denial reports that the denied event did not happen
    if _intended(span):
        return "hypothetical"  # "appears ready to stop fighting": a disposition, not a report
    if span.root.dep_ == "xcomp" and span.root.head.lemma_ in rules()["negating_verbs"]:
        return "negated"  # "failed to agree on a ceasefire", "refused to sign"
    if _directed(span) or _arranged(span) or _called_for(span):
        return "planned"  # "ordered troops to take control", "talks are to begin": not yet done
    if _in_temporal_clause(span):
        return "occurred"  # "since war broke out": a time clause presupposes its event
    words = _status_context(span)
    announced_ok = event_type is None or event_type in rules()["announced_types"]
    if announced_ok and _announced(span) and not words & set(cues["negated"]):
        return "occurred"  # "announced he would send aid": the announcement happened
    for status in ("negated", "hypothetical", "planned"):
        found = [cue for cue in cues[status] if cue in words]
        if found == ["would"] and _reported(span):
            return "planned"  # "said talks would resume": the future of reported speech, not a condition
        if found:
            return status  # type: ignore[return-value]
    return "occurred"


def _reported(span: Span) -> bool:
    """Whether the trigger's "would" is the future of reported speech ("Prigozhin said Wagner would
    begin handing"): it hangs under a verb of saying, no condition stands in the sentence ("if the
    talks went well"), and "would" is not a judgement ("said an offensive would be costly")."""
    if any(tok.lower_ in ("if", "unless") for tok in sent_of(span)):
        return False
    verbs = set(rules()["reporting_verbs"]) | set(rules()["future_reporting_verbs"])
    head = span.root
    for _ in range(5):
        if head.lemma_ == "be" and any(c.lower_ == "would" for c in head.children) \
                and any(c.dep_ in ("acomp", "attr") for c in head.children):
            return False
        if head.head.i == head.i:
            return False
        head = head.head
        if head.lemma_ in verbs:
            return True
    return False


def _directed(span: Span) -> bool:
    """Whether the trigger is the infinitive a directive verb governs ("ordered troops to take")."""
    token = span.root
    return token.dep_ == "xcomp" and token.head.lemma_ in rules()["directive_verbs"] and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _called_for(span: Span) -> bool:
    """Whether the trigger is what someone calls for ("called for a national strike", "urged talks")."""
    token = span.root
    if token.dep_ == "pobj" and token.head.lower_ == "for":
        return token.head.head.lemma_ in rules()["demand_verbs"]
    demanded = token.dep_ == "dobj" and token.head.lemma_ in rules()["demand_verbs"]
    return demanded and token.head.lemma_ != "call"  # "called talks" convenes them


def _arranged(span: Span) -> bool:
    """Whether the trigger is the subject of "be to <verb>" (an arrangement: "talks are to begin"),
    however far the parser hung it from the copula."""
    head = span.root
    for _ in range(3):
        planned = [c for c in head.children if c.dep_ == "xcomp" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)] if head.lemma_ == "be" else []
        if planned:
            return head.i > span.root.i or any(c.i == span.root.i for c in planned)
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _in_temporal_clause(span: Span) -> bool:
    """Whether the trigger opens a clause of time ("since war ... broke out", "after Russia struck"),
    whatever modal governs the main clause, with no negation of its own."""
    if not has_annotation(span.doc, "DEP"):
        return False
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    children = [(c, c.dep_) for c in root.children]
    if any(dep == "neg" for _, dep in children):
        return False
    left = min([span.start] + [c.left_edge.i for c, dep in children if dep in SUBJECT_DEPS])
    if left <= sent_of(span).start:
        return False
    return span.doc[left - 1].lower_ in rules()["temporal_subordinators"]


def _intended(span: Span) -> bool:
    """Whether the trigger hangs under an infinitive governed by an adjective of readiness or intent."""
    token = span.root
    for _ in range(3):
        if token.dep_ != "xcomp":
            return False
        head = token.head
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and head.pos_ == "ADJ" \
                and head.lemma_.lower() in rules()["intent_adjectives"]:
            return True
        token = head
    return False


def _announced(span: Span) -> bool:
    """Whether the trigger hangs under a past-tense announcement verb ("announced he would send")."""
    announce = set(rules()["announcement_verbs"])
    head = span.root
    for _ in range(4):
        if head.lower_ in announce and head.tag_ == "VBD":
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _status_context(span: Span) -> set[str]:
    root = span.root
    words: set[str] = set()
    chain: list[Token] = [root]
    head = root
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ in ("nsubj", "nsubjpass") \
            and root.head.pos_ in ("VERB", "AUX"):
        head = root.head  # "further tests would follow": the predicate tells the subject's status
        chain.append(head)
    while head.head is not head and head.dep_ in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "acl", "relcl", "amod", "compound"):
        head = head.head
        chain.append(head)
    doc = span.doc
    children, deps = children_ids(doc), token_column(doc, DEP)  # a Token only for the children kept
    for tok in chain:
        words.add(tok.lower_)
        words.update(doc[c].lower_ for c in children[tok.i] if deps[c] in _MODALITY_DEP_IDS)
        if tok.lemma_ in rules()["perception_verbs"] and any(deps[c] == _AUXPASS_ID for c in children[tok.i]):
            words.discard("could")  # "gunfire could still be heard": it was audible, not possible
    start = max(sent_of(span).start, span.start - 3)
    words.update(span.doc[i].lower_ for i in range(start, span.start))
    words.discard(span.text.lower())
    words -= {tok.lower_ for tok in span}  # "fears of new attacks": the trigger is not its own modality cue
    if not has_annotation(span.doc, "DEP"):
        words.update(tok.lower_ for tok in span.doc[max(sent_of(span).start, span.start - 5) : span.start])
    return words


_MODALITY_DEP_IDS = frozenset(get_string_id(dep) for dep in ("aux", "auxpass", "neg", "mark", "advmod"))
_AUXPASS_ID = get_string_id("auxpass")


def _actors(span: Span, event_type: str) -> list[str]:
    root = span.root
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ in SUBJECT_DEPS:
        # "Peace talks collapsed", "Israeli air strikes killed 40": the event is the subject; only
        # its owner, if named, took part
        owner = _owner(root)
        return [owner] if owner else []
    verb = root if root.pos_ in ("VERB", "AUX") else root.head
    for _ in range(3):
        children = list(verb.children)
        subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
        agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for token in agents + [s for s in subjects if s.dep_ != "nsubjpass"]:
            if span.start <= token.i < span.end:
                owner = _owner(token)  # "fighting erupted": the subject is part of the event
                return [owner] if owner else []
            owner = _owner(token) if _is_means(token) else ""
            if owner:
                return [owner]  # "Israeli air strikes killed": Israeli did it, the strikes are the means
            phrase = _phrase(token)
            if phrase and token.pos_ != "PRON" and token.ent_type_ not in TIME_LABELS:
                return [phrase]
        head = verb.head
        if head.i == verb.i:
            break  # the sentence root: climbing again would look at the same verb
        if head.lemma_ in rules()["reporting_verbs"] and verb.dep_ == "ccomp" \
                and any(c.dep_ == "nsubjpass" for c in children) and event_type in rules()["attack_family"]:
            break  # "The missile was launched ..., the Joint Chiefs said": who said it did not fire it
        verb = head
    for child in root.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return [_phrase(child)]
    before = [e for e in ents_in(sent_of(span)) if e.label_ in ACTOR_LABELS and e.end <= span.start
              and not (e.root.dep_ == "pobj" and e.root.head.lower_ in LOCATIVE_PREPS + ("of", "from", "to"))]
    return [before[-1].text] if before else []


def _is_means(token: Token) -> bool:
    """Whether a subject is the attack or the weapon rather than who acted ("strikes", "drones")."""
    word = token.lower_
    weapon_type = rules()["attack_weapon_types"].get(word)
    return word in rules()["weapon_heads"] or word in rules()["attack_nouns"] or token.ent_type_ == "WEAPON" \
        or (weapon_type is not None and weapon_type != "attack_on_civilians")  # not "civilians", "ships"


def _owner(token: Token) -> str:
    """The country, people or group a weapon or attack noun belongs to ("Israeli", "Russia's", "RSF")."""
    for child in token.children:
        if child.dep_ == "poss" and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return _phrase(child)  # "Russia's military intervention"
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "ORG"):
            # "Russian and Syrian warplanes"; a place ("the Alaska summit") is where, not who
            return token.doc[child.left_edge.i : child.right_edge.i + 1].text
    return ""


def _targets(span: Span) -> list[str]:
    root = span.root
    found: list[str] = []
    preps = set(TARGET_PREPS)
    if span.label_ in rules()["recipient_types"]:
        preps.update(rules()["recipient_preps"])
    heads = [root] + ([root.head] if root.dep_ in ("dobj", "nsubjpass") and root.pos_ in ("NOUN", "PROPN") else [])
    for child in (c for head in heads for c in head.children):
        if child.ent_type_ in TIME_LABELS or child.pos_ == "PRON":
            continue
        dep = child.dep_
        if dep in ("dobj", "nsubjpass") and child.head.i == root.i and not _is_weapon(child):
            found.append(_phrase(child))
        if dep == "prep" and child.lower_ in preps:
            found.extend(_phrase(p) for p in child.children if p.dep_ == "pobj" and p.ent_type_ not in TIME_LABELS)
        if dep in ("advcl", "xcomp") and child.lemma_ == "target":
            found.extend(_phrase(o) for o in child.children if o.dep_ == "dobj")
    governed = sorted([*root.children, *([root] if root.head.i == root.i else [])], key=lambda t: t.i)
    for tok in governed:  # the words whose head is the trigger, in text order
        if tok.lower_ == "targeting":
            found.extend(_phrase(o) for o in tok.children if o.dep_ == "dobj")
    return _unique([t for t in found if t])


def _location(span: Span, targets: tuple[str, ...], actors: tuple[str, ...] = ()) -> str:
    sent = sent_of(span)
    places = [e for e in ents_in(sent) if e.label_ in PLACE_LABELS and e.text not in actors]
    for ent in places:
        prep = ent.root.head
        if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
            return _place_text(ent)
    for target in targets:
        if any(ent.text in target for ent in places):
            return _strip_det(target)
    non_origin = [e for e in places if e.root.head.lower_ != "from"]
    return _place_text(non_origin[0]) if non_origin else ""


def _place_text(ent: Span) -> str:
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is not None and nxt.lower_ in ("region", "oblast", "province", "governorate", "state"):
        return f"{span_text(ent)} {nxt.text}"
    return span_text(ent)


def _weapon(sent: Span) -> str:
    """The weapon a sentence names, read once per Doc and sentence (its candidates share it)."""
    return per_doc_part(sent.doc, "weapons", sent.start, lambda: _weapon_named(sent))


def _weapon_named(sent: Span) -> str:
    for ent in ents_in(sent):
        if ent.label_ == "WEAPON":
            return ent.text
    heads = set(rules()["weapon_heads"])
    for tok in sent:
        if tok.lower_ in heads and tok.pos_ in ("NOUN", "PROPN", ""):
            left = [t for t in tok.lefts if t.dep_ in ("amod", "compound") or t.pos_ in ("ADJ", "PROPN")]
            start = min([t.i for t in left] + [tok.i])
            return _strip_det(sent.doc[start : tok.i + 1].text)
    return ""


def _is_weapon(token: Token) -> bool:
    return token.lower_ in _weapon_heads() or token.ent_type_ == "WEAPON"


@lru_cache(maxsize=1)
def _weapon_heads() -> frozenset[str]:
    """``weapon_heads`` of the event rules, as a set."""
    return frozenset(rules()["weapon_heads"])


def _amount(span: Span) -> str:
    money = [e for e in ents_in(sent_of(span)) if e.label_ == "MONEY"]
    if money:
        return min(money, key=lambda e: abs(e.start - span.start)).text
    return ""


_NUMBER = r"(\d[\d,]*|[a-z]+(?:-[a-z]+)?)"


def fatalities_in(sentence: str) -> int | None:
    """Read a death count stated in a sentence ("killing 12", "at least 15 people were killed").

    Returns the number (a lower bound stays as given), or None when no number is stated.

    Example:
        >>> fatalities_in("The strike killed at least 15 people, officials said.")
        15
    """
    if _FATALITY_WORDS.search(sentence) is None:
        return None  # most sentences name no death: skip the two slower patterns
    for pattern in _fatality_patterns():
        match = pattern.search(sentence)
        if match:
            number = _to_int(match.group(1))
            if number is not None:
                return number
    return None


#: Words one of :func:`_fatality_patterns` needs ("kill..." or "killed|dead|died").
_FATALITY_WORDS = re.compile(r"kill|dead|died", re.IGNORECASE)


def _can_kill(event_type: str) -> bool:
    """Whether a death toll in the sentence can be this event's ("the ceasefire collapsed" kills no one)."""
    return event_type in rules()["attack_family"] or event_type in rules()["fatality_types"]


def _fatalities(sent: Span, text: str) -> int | None:
    """:func:`fatalities_in` of a sentence's ``text``, once per Doc and sentence (its candidates share it)."""
    return per_doc_part(sent.doc, "fatalities", sent.start, lambda: fatalities_in(text))


@lru_cache(maxsize=1)
def _fatality_patterns() -> tuple[re.Pattern[str], ...]:
    victims = "|".join(rules()["victim_words"])
    return (
        re.compile(rf"\b(?:killing|killed|kills|kill)\s+"
                   rf"(?:at least |more than |over |some |about |nearly )?{_NUMBER}\b", re.IGNORECASE),
        re.compile(rf"\b{_NUMBER}\s+(?:(?:{victims})\s+)?"
                   rf"(?:were |have been |had been |was )?(?:killed|dead|died)\b", re.IGNORECASE),
    )


def _to_int(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    return rules()["number_words"].get(word)


def countries_of(names: Iterable[str]) -> list[str]:
    """Map actor names to ISO alpha-3 codes through the gazetteer (longest known part wins)."""
    table = actor_countries_table()
    codes: list[str] = []
    for name in names:
        code = _country_of(name.lower(), table)
        if code:
            codes.append(code)
    return _unique(codes)


_LEADING_THE = re.compile(r"^the\s+")


def _country_of(name: str, table: dict[str, str]) -> str:
    name = _LEADING_THE.sub("", name).replace("’s", "").replace("'s", "")
    if name in table:
        return table[name]
    words = name.split()
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i : i + size])
            if part in table:
                return table[part]
    return ""


def _phrase(token: Token) -> str:
    """The entity a token belongs to, else its compact noun phrase (no relative clauses)."""
    if token.ent_type_ and token.ent_iob_ != "O":
        ent = ent_at(token)
        if ent is not None:
            return _strip_det(_place_text(ent))
    left = [t for t in token.lefts if t.dep_ in ("compound", "amod", "nummod", "poss", "nmod", "det")]
    start = min([t.i for t in left] + [token.i])
    end = token.i + 1
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("region", "oblast"):
        end += 1
    return _strip_det(span_text(token.doc[start:end]))


_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)


def _strip_det(text: str) -> str:
    return _DETERMINER.sub("", text.strip())


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
