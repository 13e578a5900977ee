""":mod:`timeline.events.mentions`: event candidates from a parsed Doc, one per event mention (layer 4).

``candidates(doc)`` reads the trigger spans that the span ruler put in
``doc.spans["tl_triggers"]``, keeps the usable ones (:mod:`.triggers`), types them
(:mod:`.classification`), keeps the strongest trigger per sentence and type, reads its
arguments (:mod:`.arguments`) and status (:mod:`.status`), adds dated statements and
quoted warnings, and drops a later mention that only retells an event already told.
No date resolution, no pandas.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from ..nlp import (
    NOUN_POS,
    TRIGGERS_KEY,
    VERB_POS,
    clause_ids,
    doc_sents,
    ents_in,
    governing_verb,
    has_annotation,
    has_has_or_have,
    head_path,
    sent_of,
    span_text,
    token_strings,
)
from ..types import Candidate, Status
from .arguments import (
    actors_of,
    amount_of,
    can_kill,
    countries_of,
    noun_phrase,
    sentence_fatalities,
    sentence_weapon,
    targets_of,
)
from .classification import clause_happening_type, event_type_of, happening_type
from .dated_lists import candidate_item_date, list_item_date
from .happenings import chronology_happenings, clause_happenings, dated_happenings, reported_happenings
from .locations import location_of
from .rules import (
    ACTOR_LABELS,
    LOCATIVE_PREPS,
    PLACE_LABELS,
    TIME_LABELS,
    rule_type,
    rules,
    types_flagged,
    word_set,
)
from .spans import sentence_span, trigger_span
from .speech import (
    commentary,
    finite_past,
    inside_quotation,
    reports_past_happening,
    tells_own_feeling,
    timed,
)
from .status import status_of
from .triggers import (
    linked_windows_only,
    longest_triggers,
    trigger_score,
    triggers_at,
    usable_trigger,
)

MAX_EVENTS_PER_SENTENCE = 3
# The verb dependents that name what it acts on (npadvmod: a bare place read as an adverb, "recaptured Buta").
OBJECT_DEPS = ("dobj", "nsubjpass", "npadvmod")


def candidates(doc: Doc) -> list[Candidate]:
    """Find the event candidates of a Doc.

    Args:
        doc: a Doc from :func:`timeline.nlp.load_nlp` (sentences and ``tl_triggers`` set); the
            window matches whose ends the parse does not link are dropped from its ``tl_triggers``.

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
    doc.spans[TRIGGERS_KEY] = linked_windows_only(doc.spans.get(TRIGGERS_KEY, []))
    spans = [s for s in longest_triggers(doc.spans[TRIGGERS_KEY])
             if sent_of(s).start not in truncated and usable_trigger(s)]
    typed = {span: event_type_of(span) for span in spans}
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
        stated = {start for start, found in by_sentence.items()
                  if any(c.event_type in types_flagged("statement") for c in found)}
        told = {start for start, found in by_sentence.items()
                if any(c.status != "hypothetical" for c in found)}
        for span in _dated_statements(doc, told, sentences, stated):
            candidate = _candidate(span, rule_type("dated_statement"), rules()["dated_statement_score"])
            by_sentence.setdefault(candidate.sent_start, []).append(candidate)
        for happenings in (dated_happenings, chronology_happenings, reported_happenings):
            for span in happenings(doc, set(by_sentence), sentences):
                candidate = _candidate(span, happening_type(span.root), rules()["dated_statement_score"])
                by_sentence.setdefault(candidate.sent_start, []).append(candidate)
        for span in _quoted_warnings(doc, set(by_sentence), sentences):
            candidate = _candidate(span, rule_type("quoted_warning"), rules()["dated_statement_score"])
            # the speaking happened, whatever the quote's own modality
            by_sentence.setdefault(candidate.sent_start, []).append(replace(candidate, status="occurred"))
    kept = {start: _best_per_sentence(by_sentence[start], trigger_spans) for start in by_sentence}
    if has_annotation(doc, "DEP"):
        for span in clause_happenings(doc, _held_roots(doc, by_sentence), sentences):
            clause_type = clause_happening_type(span.root)
            if clause_type is None:
                continue
            candidate = _candidate(span, clause_type, rules()["dated_statement_score"])
            others = kept[candidate.sent_start]
            if len(others) < MAX_EVENTS_PER_SENTENCE \
                    and all(c.event_type != candidate.event_type for c in others):
                kept[candidate.sent_start] = sorted([*others, candidate], key=lambda c: c.trigger_start)
    found: list[Candidate] = [c for start in sorted(kept) for c in kept[start]]
    return drop_repeated_mentions(doc, found) if has_annotation(doc, "DEP") else found


def _held_roots(doc: Doc, by_sentence: dict[int, list[Candidate]]) -> dict[int, list[Token]]:
    """Per sentence start, the root tokens of the triggers of the candidates found there."""
    held: dict[int, list[Token]] = {}
    for start, found in by_sentence.items():
        spans = (trigger_span(doc, c) for c in found)
        held[start] = [s.root for s in spans if s is not None]
    return held


def _repetitions(span: Span) -> list[Span]:
    """Another occurrence told by ellipsis: "seized power in 2020 and again in 2021".

    A repetition adverb on a dated phrase of the trigger verb (or of the verb whose object the
    trigger noun is: "imposed sanctions in 2023 and again in January") names the same kind of
    event at another time; the adverb stands in as its trigger.
    """
    verb = span.root
    if verb.pos_ in NOUN_POS and verb.dep_ in ("dobj", "nsubjpass"):
        verb = verb.head
    if verb.pos_ != "VERB" or not has_annotation(span.doc, "DEP"):
        return []
    adverbs = word_set("repetition_adverbs")
    found = []
    for prep in _verb_preps(verb):
        dated = any(g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in prep.children)
        for adverb in prep.children:
            if dated and adverb.dep_ == "advmod" and adverb.lower_ in adverbs and adverb.i < prep.i:
                found.append(span.doc[adverb.i : adverb.i + 1])
    return found


def _verb_preps(verb: Token) -> list[Token]:
    """The verb's prepositional phrases, with those coordinated to one ("in 2023 and again in January":
    the parser hangs the second "in" on the first)."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    for prep in preps:
        preps.extend(c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP" and c not in preps)
    return preps


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
    launched."). Statements are never merged: each says something new; a mention of the
    catch-all type retells only one with the same head word ("She left Iran in 2009" is not
    retold by "after pleading guilty").

    Example:
        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp("blank")("Russia struck Dnipro. Missiles were launched.")
        >>> len(drop_repeated_mentions(doc, candidates(doc)))  # no parse: nothing is merged
        2
    """
    if not has_annotation(doc, "DEP"):
        return found
    keep_types = types_flagged("never_merged")
    family = types_flagged("attack")
    catch_all = rule_type("dated_happening")
    kept: list[Candidate] = []
    for cand in found:
        generic = cand.event_type in family and _generic_attack(doc, cand)
        earlier = [k for k in kept if k.status == "occurred" and k.sent_start != cand.sent_start and (
            k.event_type == cand.event_type or generic and k.event_type in family)
            and (k.event_type != catch_all or _same_head(doc, k, cand))]
        if cand.status == "occurred" and cand.event_type not in keep_types and earlier \
                and not _commemorated(doc, cand) and not _another_occurrence(doc, cand) \
                and not _next_act(doc, cand, earlier) and any(_repeats(doc, cand, k) for k in earlier):
            continue
        kept.append(cand)
    return kept


def _next_act(doc: Doc, later: Candidate, earlier: list[Candidate]) -> bool:
    """Whether a sentence's main verb tells the next act of the story with another verb than every earlier
    mention of its type.

    Class: a story told in sequence names each act of one kind with its own verb in the past ("the military
    ousted the president" ... "the generals then installed a caretaker cabinet"; "police arrested the
    organisers" ... "two of the organisers were charged"). A retelling repeats the word or names the event
    as a noun ("the blast took place", "the attack"): a main verb in the past, with a subject that is no
    event word (:func:`_event_word`) or pronoun and a head word no earlier mention of the type has, is
    another act. A present perfect with no time of its own tells a standing state ("has banned the supply"),
    no next act.
    """
    span = trigger_span(doc, later)
    if span is None or len(span) != 1:
        return False
    verb = span.root
    if verb.pos_ != "VERB" or verb.dep_ != "ROOT" or not finite_past(verb):
        return False
    if has_has_or_have(verb) and not timed(verb):
        return False  # "the U.S. has banned the supply of chips": a standing state, told with no time
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(_event_word(s) or s.pos_ == "PRON" for s in subjects):
        return False
    return not any(_same_head(doc, first, later) for first in earlier)


def _event_word(noun: Token) -> bool:
    """Whether a noun is an event word: a trigger, but not a noun only a verb list matches ("radio
    stations": the verb 'station' troops)."""
    return any(not (span.id_.endswith("-verbs") and noun.pos_ not in VERB_POS) for span in triggers_at(noun))


def _same_head(doc: Doc, first: Candidate, later: Candidate) -> bool:
    """Whether two triggers have one head lemma. The catch-all type holds unrelated happenings
    ("She left Iran in 2009" and "after pleading guilty"): only the same word tells one again."""
    heads = []
    for cand in (first, later):
        span = trigger_span(doc, cand)
        heads.append(span.root.lemma_.lower() if span is not None else cand.trigger.lower())
    return heads[0] == heads[1]


def _commemorated(doc: Doc, cand: Candidate) -> bool:
    """Whether the mention is the event an anniversary is of ("the 20th anniversary of the terrorist
    strikes against the U.S."): a past event of its own, not a retelling of today's news."""
    span = trigger_span(doc, cand)
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" \
        and root.head.head.lemma_.lower() in rules()["commemoration_nouns"]


def _another_occurrence(doc: Doc, cand: Candidate) -> bool:
    """Whether the mention says it is one more of its kind ("led to the arrest of another five people",
    "another strike", "arrested further suspects"): a new event, never a retelling."""
    span = trigger_span(doc, cand)
    if span is None:
        return False
    root = span.root
    objects = ("dobj", "nsubjpass") if root.pos_ in VERB_POS else ("prep",)
    nominals = [root] if root.pos_ in NOUN_POS else []
    for child in (c for c in root.children if c.dep_ in objects):
        if child.dep_ == "prep":
            nominals.extend(g for g in child.children if g.dep_ == "pobj")
        else:
            nominals.append(child)
    words = word_set("repetition_determiners")
    subjects = [c for c in root.children if c.dep_ == "nsubj"] if root.pos_ in VERB_POS else []
    return any(c.dep_ in ("det", "amod") and c.lower_ in words for n in nominals for c in n.children) \
        or any(_counted_more(n) for n in nominals + subjects)  # "two more bombs exploded"


def _counted_more(nominal: Token) -> bool:
    """Whether a noun counts more of its kind ("two more blasts were heard", "three more bombs exploded"):
    a count with "more", on the noun or on its number, adds to what was told, never a retelling of it."""
    counts = [c for c in nominal.children if c.dep_ == "nummod"]
    more = [c for t in [nominal, *counts] for c in t.children
            if c.dep_ in ("amod", "advmod") and c.lower_ == "more"]
    return bool(counts and more)


def _repeats(doc: Doc, later: Candidate, first: Candidate) -> bool:
    """Whether ``later`` adds no date, actor, toll or place to ``first`` (same type, earlier sentence)."""
    sent = sentence_span(doc, later)
    if sent is None or any(_new_time(e, later, first) for e in ents_in(sent)):
        return False
    if _another_item(doc, sent, first):
        return False  # "1996" / "The army shells the town again": another item of a chronology
    if _new_object(doc, later, first):
        return False  # "forces recaptured Buta" after "have retaken two towns": another object
    time_words = word_set("time_words")
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
    places.extend(_named_place_nouns(sent))
    return all(p in told for p in places)  # no place the first mention did not name


def _named_place_nouns(sent: Span) -> list[str]:
    """The proper names a place noun gives to a place ("in the remote district of Kalanga", "outside Tamsa
    air base", "in the town of Buta"), lower case. Class: a name the tagger does not read as a place (it
    often tags an unknown town an organisation) is a place when a place noun (district, town, base...) names
    it through "of", a compound or a possessive, in a phrase of place ("in", "near", "outside" ...)."""
    nouns = word_set("place_nouns")
    found: list[str] = []
    for token in sent:
        if token.pos_ != "PROPN" or token.ent_type_ in TIME_LABELS \
                or token.dep_ not in ("pobj", "compound", "poss"):
            continue
        head = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token.head
        if token.dep_ == "pobj" and token.head.lower_ != "of" or head.lemma_.lower() not in nouns:
            continue
        while head.dep_ == "appos":
            head = head.head  # "in Upper Kalanga, Rimu District"
        if not (head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS):
            continue  # "Communist Party control": a place noun out of a phrase of place names no place
        found.append(" ".join(t.text for t in token.subtree if t.pos_ == "PROPN").lower())
    return found


def _another_item(doc: Doc, sent: Span, first: Candidate) -> bool:
    """Whether a mention's sentence is an item of a chronology under another date than the earlier
    mention's ("2004" / "The president imposes sanctions on the country." ... "2010" / "The president
    renews sanctions ..."): each item tells its own happening."""
    head = list_item_date(sent)
    if head is None:
        return False
    other = candidate_item_date(doc, first)
    return other is None or other.start() != head.start()


def _new_object(doc: Doc, later: Candidate, first: Candidate) -> bool:
    """Whether a verb trigger acts on an object the earlier sentence did not name.

    Class: a later sentence tells the same act done to another thing: a proper name as the verb's object
    ("loyalist forces recaptured Buta" after "forces have retaken two towns") or a direct object with a count
    of its own ("Serbs fired four rounds" after "the Serbs fired six shells"). Another object is another
    happening, not a retelling. A common noun with no count ("shelled the town again") may point back; a
    passive subject's count ("279 girls were released") is most often the victims or captives already told,
    and a count of the dead is a toll, which the toll check weighs ("five fighters were killed").
    """
    span = trigger_span(doc, later)
    if span is None or span.root.pos_ not in VERB_POS:
        return False
    told = first.sentence.lower()
    for child in (c for c in span.root.children if c.dep_ in OBJECT_DEPS):
        if child.pos_ == "PROPN" and child.ent_type_ and child.text.lower() not in told:
            return True
        counts = [c.text.lower() for c in child.children if c.dep_ == "nummod" and c.like_num]
        new_count = counts and not any(c in told for c in counts)
        if child.dep_ == "dobj" and new_count and later.fatalities is None:
            return True
    return False


def _speaker(sent: Span, cand: Candidate) -> bool:
    """Whether the mention's actor is only the one who reports it ("..., Ukrainian officials said")."""
    reporting = word_set("reporting_verbs") | word_set("witness_verbs")
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
    """A bare attack word ("an industrial plant was hit") or a fighters' toll ("five fighters were killed")
    with no agent may retell any attack."""
    combatants = rule_type("killing_of_combatants")
    toll = cand.event_type == combatants and cand.pattern_id in rules()["victim_trigger_ids"]
    return (toll or cand.trigger.lower() in rules()["generic_attack_words"]) and not _own_agent(doc, cand)


def _own_agent(doc: Doc, cand: Candidate) -> str:
    """Who the trigger's own clause says did it: its subject or agent, or a noun's possessor or
    actor modifier; not the speaker of a reporting verb above it, nor a weapon ("a missile hit")."""
    span = trigger_span(doc, cand)
    if span is None:
        return ""
    root = span.root
    heads = word_set("weapon_heads")
    found: list[Token] = []
    for child in root.children:
        if root.pos_ in VERB_POS and child.dep_ == "nsubj":
            found.append(child)
        elif child.dep_ == "agent":
            found.extend(g for g in child.children if g.dep_ == "pobj")
        elif root.pos_ in NOUN_POS and (child.dep_ == "poss" or child.dep_ in ("compound", "amod")
                                                 and child.ent_type_ in ACTOR_LABELS):
            found.append(child)
    witness = word_set("reporting_verbs") | word_set("witness_verbs")
    verb = root
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in root.children)
    for _ in range(3):  # "escalated tensions by relaxing the terms": the gerund's doer is the subject
        if found or passive or verb.pos_ not in VERB_POS \
                or verb.dep_ not in ("pcomp", "advcl", "xcomp", "conj"):
            break
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
        if verb.lemma_ in witness:
            break
        found.extend(c for c in verb.children if c.dep_ == "nsubj")
    if root.pos_ in NOUN_POS and root.dep_ == "dobj" and root.head.lemma_ not in witness:
        found.extend(c for c in root.head.children if c.dep_ == "nsubj")  # "Pakistan announced an operation"
    for token in found:
        if token.ent_type_ in TIME_LABELS or token.lower_ in heads or token.lemma_.lower() in heads:
            continue
        if cand.event_type in types_flagged("intransitive") and token.dep_ == "nsubj" and root.pos_ == "VERB":
            continue  # "it blew up", "a truck blew up": the thing that exploded, not an agent
        return token.text if token.pos_ == "PRON" else noun_phrase(token)
    return ""


def _same_name(name: str, other: str) -> bool:
    name, other = name.lower(), other.lower()
    return name in other or other in name


def _dated_statements(doc: Doc, taken: set[int], sentences: list[Span] | None = None,
                      stated: set[int] | None = None) -> list[Span]:
    """Statements that are news in themselves: a named speaker's dated declaration.

    A sentence with no other event whose main verb is a reporting verb with a named
    subject (a person, organisation or country, not a pronoun), its own time ("said
    on Sunday that", "said later on Thursday") and a complement clause reports what
    that speaker declared that day; so does such a saying that is a chronology's item, dated by the date
    heading it ("2006" / "Rebel commander Amos Lado says that his men will return to the bush."). A
    saying that closes a quotation opened in or right after a sentence with a statement (``stated``)
    retells that statement.
    """
    found: list[Span] = []
    verbs = word_set("reporting_verbs")
    stated = set() if stated is None else stated
    told: list[bool] = []  # per sentence so far: whether it holds a statement
    opened_after_told = False  # whether the open quotation began in or right after a statement
    for sent in doc_sents(doc) if sentences is None else sentences:
        text = span_text(sent)
        lead = len(text) - len(text.lstrip())
        start = sent.start_char + lead
        closes = _closes_earlier_quote(sent)
        if not closes and inside_quotation(text):  # the sentence leaves a quotation open
            opened_after_told = start in stated or bool(told and told[-1])
        told.append(start in stated)
        if start in taken:
            continue
        if closes and opened_after_told:
            continue  # 'Akar reiterated ... "[...] It will operate independently," Akar said Monday.': told before
        root = sent.root
        if root.lemma_ not in verbs or root.pos_ != "VERB":
            continue
        children = list(root.children)
        subjects = [c for c in children if c.dep_ == "nsubj"][-1:]  # the one next to the verb, not a dateline
        if not subjects or subjects[0].pos_ == "PRON" or not subjects[0].ent_type_ and not any(
                t.ent_type_ in ACTOR_LABELS for t in subjects[0].subtree) and not countries_of(
                [" ".join(t.text for t in subjects[0].subtree)]):
            continue  # a named speaker: an entity, or a known actor ("Niger's army command")
        if not any(c.dep_ == "ccomp" for c in children) or commentary(root):
            continue
        timed = any(t.ent_type_ in TIME_LABELS for c in children if c.dep_ in ("prep", "npadvmod", "advmod")
                    for t in c.subtree)
        timed = timed or list_item_date(sent) is not None  # a chronology item: dated by its header
        if (timed or _time_follows(root)) and not reports_past_happening(root) \
                and not tells_own_feeling(root):
            found.append(doc[root.i : root.i + 1])
    return found


def _closes_earlier_quote(sent: Span) -> bool:
    """Whether a sentence ends a quotation opened in an earlier sentence (its first quotation mark,
    before its main verb, closes): the speaker's statement began there."""
    root = sent.root.i  # found once: Span.root walks the sentence on each access
    doc, texts = sent.doc, token_strings(sent.doc, ORTH)  # a Token only for the quotation marks
    marks = [doc[i] for i in range(sent.start, root) if texts[i] in ('"', "“", "”", "''")]
    if not marks:
        return False
    first = marks[0]
    if first.text == "”" or first.text == "''":
        return True
    return first.text == '"' and first.i > sent.start and len(marks) % 2 == 1


def _quoted_warnings(doc: Doc, taken: set[int], sentences: list[Span] | None = None) -> list[Span]:
    """Quoted conditional warnings: a named speaker quoted saying what will follow if something
    happens ("Zelensky was clear: “If aid is cut, we will probably lose.”").

    The quote's if-clause and its future or modal consequence make it a warning; the
    event is the speaking, so the trigger is the speaker's predicate, outside the quote.
    Only for sentences with no other event.
    """
    found: list[Span] = []
    marks, modals = word_set("condition_marks"), word_set("consequence_modals")
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
                if not commentary(verb):  # a commentator's "if they keep it up, it will ...": a forecast
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
    lead = word_set("time_lead_words")
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
    scored = {span: (event_type, trigger_score(span, event_type)) for span, event_type in typed.items()}
    by_root = {span.root.i: span for span in typed}
    for span, event_type in typed.items():
        carrier = _carrier(span, by_root)
        if carrier is None or carrier not in scored or event_type == typed[carrier]:
            continue
        if carrier.root.lemma_ in word_set("condemning_verbs"):
            continue  # "the coup has been strongly condemned by neighbours": a reaction, a statement
        if typed[carrier] in types_flagged("carrier"):
            scored[span] = (event_type, max(scored[span][1], scored.pop(carrier)[1]))
    return scored


def _carrier(span: Span, by_root: dict[int, Span]) -> Span | None:
    """The trigger verb whose object (directly or through a complement clause) is this noun trigger."""
    token = span.root
    if token.dep_ == "pobj" and token.head.head.dep_ in ("dobj", "nsubjpass"):
        token = token.head.head  # "$500 million in military aid", "a package of weapons"
    if span.root.pos_ not in NOUN_POS or token.dep_ not in ("dobj", "nsubjpass", "attr"):
        return None
    for index in head_path(token.head, 3, through=("ccomp", "xcomp")):
        if index in by_root and index != token.i:
            return by_root[index]
    return None


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
    verbs = [governing_verb(trigger_spans[c.trigger_start].root) for c in same]
    return len({v.i for v in verbs}) == len(verbs)


def _mention_key(cand: Candidate, found: list[Candidate], trigger_spans: dict[int, Span],
                 own_times: dict[int, str] | None = None) -> tuple[str, str]:
    """One event per type and sentence, unless two of a type differ in status or in named actors
    ("The Senate passed the bill on Tuesday, after the House approved it on Saturday")
    or two have times of their own, each in its own clause ("sanctioned X in January, and
    sanctioned Y the following week", "signed a trade agreement in 2019 that went into effect in 2021"):
    different times, different events; a mention with no time of its own goes with the leading timed one."""
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
    if len(set(times) - {""}) < 2:
        return cand.event_type, ""
    own = times[same.index(cand)]
    if not own:  # the untimed mention ("a trade agreement") joins the leading timed one of its type
        leader = max((c for c, t in zip(same, times, strict=True) if t), key=lambda c: c.score)
        own = own_times[leader.trigger_start]
    return cand.event_type, "@" + own


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


def bare_candidate(span: Span, event_type: str, *, status: Status = "occurred") -> Candidate:
    """A candidate for a trigger span with its sentence and no arguments read: what dating needs.

    For scoring one layer on triggers given from outside (``benchmarks/event_dating_timebank.py`` dates
    the events a corpus marks); :func:`candidates` reads the arguments too.
    """
    sent_start, sent_end, sentence = _sentence_bounds(sent_of(span))
    return Candidate(event_type=event_type, trigger=span_text(span), trigger_start=span.start_char,
                     trigger_end=span.end_char, sent_start=sent_start, sent_end=sent_end, sentence=sentence,
                     status=status, pattern_id=span.id_)


def _sentence_bounds(sent: Span) -> tuple[int, int, str]:
    """A sentence's text without its surrounding whitespace, and where that text starts and ends."""
    text = span_text(sent)
    lead = len(text) - len(text.lstrip())
    sentence = text.strip()
    return sent.start_char + lead, sent.start_char + lead + len(sentence), sentence


def _candidate(span: Span, event_type: str, score: float) -> Candidate:
    sent = sent_of(span)
    sent_start, sent_end, sentence = _sentence_bounds(sent)
    actors = tuple(actors_of(span, event_type))
    targets = tuple(targets_of(span))
    return Candidate(
        event_type=event_type,
        trigger=span_text(span),
        trigger_start=span.start_char,
        trigger_end=span.end_char,
        sent_start=sent_start,
        sent_end=sent_end,
        sentence=sentence,
        status=status_of(span, event_type=event_type),
        actors=actors,
        actor_countries=tuple(countries_of(actors)),
        targets=targets,
        location=location_of(span, actors),
        weapon=sentence_weapon(sent) if event_type in types_flagged("has_weapon") else "",
        amount=amount_of(span),
        fatalities=sentence_fatalities(sent, event_type) if can_kill(event_type) else None,
        pattern_id=span.id_,
        score=round(min(0.95, score + (0.05 if actors else 0.0)), 3),
    )
