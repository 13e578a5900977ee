""":mod:`timeline.events.anchoring`: dates given by an earlier event ("since the fighting began").

"in the hours before the truce began", "on the day of the quake", "claimed the attack": the trigger's
sentence dates it by another event, and the first earlier mention of that event with a day-precise date
gives the date. Used by :mod:`timeline.events.dating`.
"""

from __future__ import annotations

from spacy import parts_of_speech
from spacy.attrs import DEP, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..nlp import TRIGGERS_KEY, doc_text, has_annotation, head_ids, per_doc_part, sent_of, token_column
from ..types import Candidate, Timex
from .date_values import DAY_OR_FINER, is_signal_object
from .rules import ATTACK, rules, types_flagged, word_set
from .speech import credited_noun


def event_anchor(doc: Doc, candidate: Candidate, trigger: Span, dated: list[Timex]) -> Timex | None:
    """The date of an earlier event that the trigger's sentence dates it by (README "Event-anchored").

    "in the hours before the truce began", "since the fighting began", "on the day of
    the quake": the first earlier mention of that event (a trigger of the same type, or
    the same noun) that has a day-precise date gives the date.
    """
    if not has_annotation(doc, "DEP") or candidate.status != "occurred":
        return None
    root = trigger.root
    deps, heads = token_column(doc, DEP), head_ids(doc)
    for index, anchoring in _sentence_nouns(sent_of(trigger)):
        if index == root.i:
            continue
        # only a direct object of the trigger (or the object of its "responsibility for") can be its reaction
        # object: test that on the columns first
        if not (anchoring or (deps[index] == _DOBJ_ID and heads[index] == root.i or deps[index] == _POBJ_ID)
                and reaction_object(doc[index], root)):
            continue
        # a claim points back to the last act told before it; a time reference to the event's first report
        found = _earlier_mention_date(doc, doc[index], dated, nearest=not anchoring)
        if found is not None:
            return found
    return None


def _sentence_nouns(sent: Span) -> list[tuple[int, bool]]:
    """The nouns of a sentence in order (token indices), each with whether it is :func:`_anchoring_noun`.

    Every candidate of the sentence looks at the same nouns: read once per Doc and sentence.
    Only a subject or a prepositional object can anchor, so no Token is built for the others.
    """
    doc = sent.doc
    pos, deps = token_column(doc, POS), token_column(doc, DEP)
    return per_doc_part(doc, "sentence_nouns", sent.start, lambda: [
        (i, deps[i] in _ANCHOR_DEP_IDS and _anchoring_noun(doc[i]))
        for i in range(sent.start, sent.end) if pos[i] in _NOUN_IDS
    ])


_NOUN_IDS = (parts_of_speech.NOUN, parts_of_speech.PROPN)
_ANCHOR_DEP_IDS = (get_string_id("nsubj"), get_string_id("pobj"))  # the roles _anchoring_noun accepts
_DOBJ_ID = get_string_id("dobj")
_POBJ_ID = get_string_id("pobj")


def _anchoring_noun(noun: Token) -> bool:
    """A definite event noun used as a time reference: "before the truce began", "the day of the quake"."""
    dep, head = noun.dep_, noun.head  # the role first: most nouns are neither, whatever their determiner
    if dep == "nsubj" and head.lemma_ in rules()["anchor_onset_verbs"]:
        signals = ("before", "after", "since", "until")
        return _definite(noun) and any(c.dep_ == "mark" and c.lower_ in signals for c in head.children)
    if dep == "pobj" and head.lower_ == "of" and head.head.lower_ in rules()["anchor_day_nouns"]:
        return _definite(noun) and _definite(head.head)
    return False


def _definite(noun: Token) -> bool:
    """Whether a noun has the determiner "the"."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def reaction_object(noun: Token, trigger: Token) -> bool:
    """A definite event noun that is the object of the trigger verb (``trigger``, the trigger's root:
    "claimed the attack") or of the "for" of its object ``claimed_credit_nouns`` ("claimed responsibility
    for the attack", "took credit for the bombing")."""
    held = credited_noun(noun) or noun
    if held.dep_ != "dobj" or held.head.i != trigger.i or trigger.pos_ != "VERB":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in noun.children):
        return False
    return any(s.start <= noun.i < s.end and s.label_ not in types_flagged("speech")
               for s in noun.doc.spans.get(TRIGGERS_KEY, []))  # "echoed the claim" is a new statement


def offset_anchor(doc: Doc, phrase: set[int], dated: list[Timex]) -> Timex | None:
    """The date of the event an offset counts from ("three days after President Lai took office",
    README "Offsets"): the first earlier mention of the type of a trigger in the phrase (token ids)
    that has a day-precise date."""
    for span in doc.spans.get(TRIGGERS_KEY, []):
        if span.root.i in phrase and not _another_occurrence(span.root):
            found = _earlier_mention_date(doc, span.root, dated, same_type_only=True)
            if found is not None:
                return found
    return None


def _another_occurrence(noun: Token) -> bool:
    """Whether a noun names another event of its kind ("10 days after a similar attack", "a week after
    another raid", "a month after a previous strike"): not the one mentioned before, so no earlier mention
    dates it (``other_occurrence_words``, as its modifier or determiner)."""
    words = word_set("other_occurrence_words")
    if any(c.dep_ in ("amod", "det") and c.lower_ in words for c in noun.children):
        return True
    # "a day after a Houthi-fired missile struck a vessel": a verb whose subject (or the noun a verb
    # modifies, "Houthi-fired") is introduced here, indefinite or "another", tells an event of its own
    if noun.pos_ != "VERB":
        return False
    nouns = [c for c in noun.children if c.dep_ in ("nsubj", "nsubjpass")]
    if noun.dep_ in ("amod", "compound") and noun.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(noun.head)
    return any(d.dep_ in ("amod", "det") and (d.lower_ in words or d.lower_ in ("a", "an"))
               for subject in nouns for d in subject.children)


def _earlier_mention_date(doc: Doc, noun: Token, dated: list[Timex], *, same_type_only: bool = False,
                          nearest: bool = False) -> Timex | None:
    """The day-precise date of the sentence of the first earlier mention of the noun's event (the last one
    before the noun's sentence with ``nearest``, where a generic attack word also points back to an act of any
    attack type) that has one."""
    labels = {s.label_ for s in doc.spans.get(TRIGGERS_KEY, []) if s.start <= noun.i < s.end}
    if nearest and ATTACK in labels:
        # "claimed responsibility for the attack" after "was killed in a blast"
        labels |= set(types_flagged("attack"))
    sent_start = sent_of(noun).start
    text = doc_text(doc)
    spans = doc.spans.get(TRIGGERS_KEY, [])
    earlier = sorted((s for s in spans if s.end <= sent_start), key=lambda s: s.start)
    for span in reversed(earlier) if nearest else earlier:
        word = span.root
        same_word = not same_type_only and (word.lemma_ == noun.lemma_ or word.lower_.endswith(noun.lower_))
        if not (span.label_ in labels or same_word):
            continue
        sent = sent_of(span)
        days = [t for t in dated if sent.start_char <= t.start < sent.end_char
                and t.precision in DAY_OR_FINER and not is_signal_object(text, t)]
        if days:
            return min(days, key=lambda t: abs(t.start - span.start_char))
    return None
