""":mod:`timeline.events`: event candidates from a parsed Doc.

``candidates(doc)`` reads the trigger spans that the span ruler put in
``doc.spans["tl_triggers"]``, gives each a type, keeps the strongest trigger per
sentence and type, and reads its arguments (actors, targets, place, weapon,
amount, fatalities) and status from the dependency parse and the entities.
Rules that are facts about language or the world live in ``data/event_rules.json``
and ``data/actors.json``. No date resolution, no pandas.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from .nlp import TRIGGERS_KEY
from .types import Candidate, Status

ATTACK = "ATTACK"
ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON")
PLACE_LABELS = ("GPE", "LOC", "FAC")
TIME_LABELS = ("DATE", "TIME")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
LOCATIVE_PREPS = ("in", "near", "at", "outside", "across", "inside", "into", "around", "over")
TARGET_PREPS = ("on", "against", "at", "targeting")
MAX_EVENTS_PER_SENTENCE = 2


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The event rules (data/event_rules.json), loaded once."""
    text = resources.files("timeline").joinpath("data/event_rules.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def actor_countries_table() -> dict[str, str]:
    """Lower-cased actor name -> ISO alpha-3 (data/actors.json), loaded once."""
    text = resources.files("timeline").joinpath("data/actors.json").read_text("utf-8")
    return json.loads(text)["actors"]


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
    by_sentence: dict[int, list[Candidate]] = {}
    for span in doc.spans.get(TRIGGERS_KEY, []):
        if not _usable_trigger(span):
            continue
        candidate = _candidate(span)
        by_sentence.setdefault(candidate.sent_start, []).append(candidate)
    found: list[Candidate] = []
    for sent_start in sorted(by_sentence):
        found.extend(_best_per_sentence(by_sentence[sent_start]))
    return found


def _usable_trigger(span: Span) -> bool:
    """Verb-list triggers must be verbs (or nouns) when the pipeline tags parts of speech."""
    token = span.root
    if not token.doc.has_annotation("POS") or len(span) > 1:
        return True
    if span.id_.endswith("-verbs"):
        return token.pos_ in ("VERB", "NOUN") or (token.pos_ == "ADJ" and token.tag_ == "VBN")
    return token.pos_ not in ("ADP", "DET")


def _best_per_sentence(found: list[Candidate]) -> list[Candidate]:
    best: dict[str, Candidate] = {}
    for cand in found:
        if cand.event_type not in best or cand.score > best[cand.event_type].score:
            best[cand.event_type] = cand
    ranked = sorted(best.values(), key=lambda c: -c.score)
    kept = ranked[:1] + [c for c in ranked[1:MAX_EVENTS_PER_SENTENCE] if c.score >= 0.6]
    return sorted(kept, key=lambda c: c.trigger_start)


def _candidate(span: Span) -> Candidate:
    sent = span.sent
    event_type = _event_type(span)
    actors = tuple(_actors(span))
    targets = tuple(_targets(span))
    return Candidate(
        event_type=event_type,
        trigger=span.text,
        trigger_start=span.start_char,
        trigger_end=span.end_char,
        sent_start=sent.start_char,
        sent_end=sent.end_char,
        sentence=sent.text,
        status=status_of(span),
        actors=actors,
        actor_countries=tuple(countries_of(actors)),
        targets=targets,
        location=_location(span, targets),
        weapon=_weapon(sent),
        amount=_amount(span),
        fatalities=fatalities_in(sent.text),
        pattern_id=span.id_,
        score=_score(span, event_type, actors),
    )


def _event_type(span: Span) -> str:
    if span.label_ != ATTACK:
        return span.label_
    table: dict[str, str] = rules()["attack_weapon_types"]
    for phrase in _noun_phrases_by_distance(span):
        for word, event_type in table.items():
            if re.search(rf"\b{re.escape(word)}\b", phrase):
                return event_type
    if any(ent.label_ == "WEAPON" for ent in span.sent.ents):
        return "missile_strike"
    return rules()["attack_default_type"]


def _noun_phrases_by_distance(span: Span) -> list[str]:
    """The trigger itself, then the sentence's words outward from it, lower-cased."""
    sent = span.sent
    window = sorted(sent, key=lambda tok: abs(tok.i - span.root.i))
    return [span.text.lower()] + [tok.text.lower() if tok.i + 1 >= sent.end else
                                  f"{tok.text} {tok.nbor().text}".lower() for tok in window]


def _score(span: Span, event_type: str, actors: tuple[str, ...]) -> float:
    priority: list[str] = rules()["type_priority"]
    score = 0.75 - 0.2 * priority.index(event_type) / len(priority)
    if span.text.lower() in rules()["weak_triggers"]:
        score -= 0.2
    root = span.root
    if root.dep_ in ("ROOT", "conj", "advcl", "ccomp", "xcomp") and root.pos_ == "VERB":
        score += 0.1
    if len(span) > 1:
        score += 0.1
    if actors:
        score += 0.05
    return round(min(max(score, 0.05), 0.95), 3)


def status_of(span: Span) -> Status:
    """Tell whether the event occurred, is planned, negated or hypothetical.

    Looks at the trigger's auxiliaries and negation, its governing verbs, and the
    few words before it in the same sentence.
    """
    cues: dict[str, list[str]] = rules()["status_cues"]
    words = _status_context(span)
    if _announced(span) and not words & set(cues["negated"]):
        return "occurred"  # "announced he would send aid": the announcement happened
    for status in ("negated", "hypothetical", "planned"):
        if any(cue in words for cue in cues[status]):
            return status  # type: ignore[return-value]
    return "occurred"


def _announced(span: Span) -> bool:
    """Whether the trigger hangs under a past-tense announcement verb ("announced he would send")."""
    announce = set(rules()["announcement_verbs"])
    head = span.root
    for _ in range(4):
        if head.lower_ in announce and head.tag_ == "VBD":
            return True
        if head.head is head:
            return False
        head = head.head
    return False


def _status_context(span: Span) -> set[str]:
    root = span.root
    words: set[str] = set()
    chain: list[Token] = [root]
    head = root
    while head.head is not head and head.dep_ in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "acl", "relcl", "amod", "compound"):
        head = head.head
        chain.append(head)
    for tok in chain:
        words.add(tok.lower_)
        words.update(child.lower_ for child in tok.children if child.dep_ in ("aux", "auxpass", "neg", "mark", "advmod"))
    start = max(span.sent.start, span.start - 3)
    words.update(tok.lower_ for tok in span.doc[start : span.start])
    words.discard(span.text.lower())
    if not span.doc.has_annotation("DEP"):
        words.update(tok.lower_ for tok in span.doc[max(span.sent.start, span.start - 5) : span.start])
    return words


def _actors(span: Span) -> list[str]:
    root = span.root
    verb = root if root.pos_ in ("VERB", "AUX") else root.head
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for token in agents + [s for s in subjects if s.dep_ != "nsubjpass"]:
            phrase = _phrase(token)
            if phrase and token.pos_ != "PRON":
                return [phrase]
        if verb.head is verb:
            break
        verb = verb.head
    for child in root.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return [_phrase(child)]
    before = [e for e in span.sent.ents if e.label_ in ACTOR_LABELS and e.end <= span.start]
    return [before[-1].text] if before else []


def _targets(span: Span) -> list[str]:
    root = span.root
    found: list[str] = []
    for child in root.children:
        if child.ent_type_ in TIME_LABELS or child.pos_ == "PRON":
            continue
        if child.dep_ in ("dobj", "nsubjpass") and not _is_weapon(child):
            found.append(_phrase(child))
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            found.extend(_phrase(p) for p in child.children if p.dep_ == "pobj" and p.ent_type_ not in TIME_LABELS)
        if child.dep_ in ("advcl", "xcomp") and child.lemma_ == "target":
            found.extend(_phrase(o) for o in child.children if o.dep_ == "dobj")
    for tok in span.sent:
        if tok.lower_ == "targeting" and tok.head.i == root.i:
            found.extend(_phrase(o) for o in tok.children if o.dep_ == "dobj")
    return _unique([t for t in found if t])


def _location(span: Span, targets: tuple[str, ...]) -> str:
    sent = span.sent
    places = [e for e in sent.ents if e.label_ in PLACE_LABELS]
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
        return f"{ent.text} {nxt.text}"
    return ent.text


def _weapon(sent: Span) -> str:
    for ent in sent.ents:
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
    return token.lower_ in set(rules()["weapon_heads"]) or token.ent_type_ == "WEAPON"


def _amount(span: Span) -> str:
    money = [e for e in span.sent.ents if e.label_ == "MONEY"]
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
    victims = "|".join(rules()["victim_words"])
    patterns = (
        rf"\b(?:killing|killed|kills|kill)\s+(?:at least |more than |over |some |about |nearly )?{_NUMBER}\b",
        rf"\b{_NUMBER}\s+(?:(?:{victims})\s+)?(?:were |have been |had been |was )?(?:killed|dead|died)\b",
    )
    for pattern in patterns:
        match = re.search(pattern, sentence, flags=re.IGNORECASE)
        if match:
            number = _to_int(match.group(1))
            if number is not None:
                return number
    return None


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


def _country_of(name: str, table: dict[str, str]) -> str:
    name = re.sub(r"^the\s+", "", name).replace("’s", "").replace("'s", "")
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
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return _strip_det(_place_text(ent))
    keep = [t for t in token.subtree if t.i <= token.i or t.dep_ in ("compound", "amod")]
    left = [t for t in token.lefts if t.dep_ in ("compound", "amod", "nummod", "poss", "nmod", "det")]
    start = min([t.i for t in left] + [token.i])
    end = token.i + 1
    if keep and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("region", "oblast"):
        end += 1
    return _strip_det(token.doc[start:end].text)


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|a|an|its|their|his|her)\s+", "", text.strip(), flags=re.IGNORECASE)


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
