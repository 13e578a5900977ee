"""Whether the status layer tells an event as occurred, planned, negated or hypothetical, scored on the
events of the TempEval-3 training corpus.

Usage::

    python benchmarks/event_status_timebank.py --tempeval DIR [--split A|B|all] [--errors] [--no-cache]

``DIR`` is the TempEval-3 training folder (``TimeBank/`` and ``AQUAINT/`` ``.tml`` files: 1990s newswire
in TimeML). The corpus is read from there at run time; none of its text or values is kept in the repo.

Gold. Every event instance (``MAKEINSTANCE``) of the classes ``OCCURRENCE``, ``I_ACTION``, ``ASPECTUAL``
and ``REPORTING`` is kept (``STATE``, ``I_STATE`` and ``PERCEPTION`` are left out: no happening to
report). Its status, the first that applies:

1. ``negated``: polarity ``NEG``, or the subordinate event of a ``COUNTER_FACTIVE`` ("failed to X",
   "prevented X") or ``NEG_EVIDENTIAL`` ("denied X") ``SLINK``;
2. the instance's modality: ``will``/``shall`` -> ``planned``; ``would`` or ``'d`` when the event is the
   subordinate of an ``EVIDENTIAL`` ``SLINK`` (reported speech: "said talks would resume") is the
   future of the past or a condition, TimeML does not tell which: left out; ``would``, ``could``,
   ``may``, ``might``, ``should``, ``can``, ``must``, ``have to`` (and combinations) -> ``hypothetical``;
   any other value (a handful of annotation slips) is left out;
3. the subordinate event of a ``CONDITIONAL`` ``SLINK`` -> ``hypothetical``;
4. tense ``FUTURE`` -> ``planned``;
5. the subordinate event of a ``MODAL`` ``SLINK``: left out when the governing event is itself negated
   ("did not plan to X": not done, but neither planned nor denied); else by the governing word's lemma
   (of our parse): a word of intention or scheduling (:data:`PLANNED_GOVERNORS`: "plans to X", "agreed to
   X", "threatened to X", "is expected to X") -> ``planned``; a word of wish, attempt, request,
   permission or ability (:data:`HYPOTHETICAL_GOVERNORS`: "wants to X", "tried to X", "urged X", "allowed
   to X") -> ``hypothetical``; any other governor ("helped X", "used to X", "believed to X") is left out;
6. an infinitive (tense ``INFINITIVE``) under no ``SLINK`` that tells its status (a purpose clause: "sent
   troops to X") is left out: TimeML says nothing of whether it happened;
7. ``occurred`` otherwise (``FACTIVE``/``EVIDENTIAL`` ``SLINK`` subordinates among them: "managed to X",
   "said X happened").

Files whose polarity values are swapped (``NEG`` on most instances, told events such as "refused" among
them, and ``POS`` on most of the negated ones, with exceptions) cannot be read for negation: their events
are left out.

System: the text is parsed with the default pipeline (:func:`timeline.nlp.load_nlp`; Docs cached as in
``benchmarks/event_dating_timebank.py``) and :func:`timeline.events.status_of` is called on each event's
token, with the event type ``statement_or_warning`` for ``REPORTING``, else ``other``, as
:func:`timeline.events.mentions.bare_candidate` does. The pipeline's later move of an occurred event dated
after publication to planned (:func:`timeline.events.status.lies_ahead`) is not scored.

Scores: 4-way accuracy (the four statuses) and 2-way accuracy (occurred against the other three), the
confusion matrix (gold rows, ours columns), and per cue (the gold rule that decided the status: "polarity
NEG", "modality could", "future tense", "modal slink: plan", "none" for occurred, ...) the events and
errors. Splits: the files sorted by name; even positions are split A (read its errors, write rules from
them), odd positions split B (only scored). The figures table shows all, A and B; the confusion matrix,
cue table and ``--errors`` rows (with sentences: for reading, never for pasting into commits or tests) are
of ``--split``.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_dating_timebank import (  # noqa: E402
    benchmark_args,
    polarity_swapped,
    read_tml,
    scored_corpus,
    tagged_events,
    trimmed,
)

from timeline.events.status import status_of  # noqa: E402
from timeline.nlp import forget_cache, sent_of  # noqa: E402

STATUSES = ("occurred", "planned", "negated", "hypothetical")
KEPT_CLASSES = {"OCCURRENCE", "I_ACTION", "ASPECTUAL", "REPORTING"}
NEGATING_SLINKS = {"COUNTER_FACTIVE": "counter-factive slink", "NEG_EVIDENTIAL": "neg-evidential slink"}
FUTURE_MODALS = {"will", "shall", "'ll"}
REPORTED_FUTURE_MODALS = {"would", "'d"}
HYPOTHETICAL_MODALS = {"would", "'d", "could", "may", "might", "should", "can", "must", "have to", "have_to",
                       "should have to", "would have to", "ought to"}
#: Lemmas of a MODAL SLINK's governing event that set its subordinate event for later: intention,
#: scheduling, commitment, expectation, command.
PLANNED_GOVERNORS = frozenset("""plan intend intention schedule prepare preparation agree agreement decide
decision promise vow pledge threaten threat expect expectation set order propose proposal commit
arrange resolve determine""".split())
#: Lemmas of a MODAL SLINK's governing event whose subordinate event is wished, tried, asked for,
#: allowed or possible, not set to happen.
HYPOTHETICAL_GOVERNORS = frozenset("""want wish hope try attempt effort seek call urge ask request demand
need require like willing able allow permit enable consider invite encourage push press pressure lobby
strive struggle suggest recommend aim desire eager ready""".split())


@dataclass(frozen=True)
class GoldEvent:
    """One event instance with its gold status and the cue that decided it."""

    eiid: str
    event_class: str
    start: int
    end: int
    status: str
    cue: str
    governor: tuple[int, int] | None  # the MODAL SLINK's governing event, whose lemma is read from our parse


@dataclass(frozen=True)
class GoldDocument:
    """One TimeML document: its plain text and its events with a gold status."""

    name: str
    text: str
    events: tuple[GoldEvent, ...]
    skipped: Counter[str]


@dataclass(frozen=True)
class Scored:
    """One gold event with the status we give it."""

    doc: str
    split: str
    eiid: str
    gold: str
    ours: str
    cue: str
    trigger: str
    sentence: str


# --- gold --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Links:
    """The SLINKs of one document, by subordinate event instance."""

    relations: dict[str, set[str]]
    modal_governors: dict[str, str]  # subordinate eiid -> governing eiid


def _slinks(root: ET.Element) -> _Links:
    relations: dict[str, set[str]] = {}
    governors: dict[str, str] = {}
    for link in root.iter("SLINK"):
        sub, rel = link.get("subordinatedEventInstance", ""), link.get("relType", "")
        relations.setdefault(sub, set()).add(rel)
        if rel == "MODAL":
            governors[sub] = link.get("eventInstanceID", "")
    return _Links(relations, governors)


def read_gold(path: Path) -> GoldDocument:
    """The kept events of one ``.tml`` file with their gold status (see the module docstring)."""
    root, text, tagged = read_tml(path)
    events = tagged_events(tagged)
    instances = {inst.get("eiid", ""): inst for inst in root.iter("MAKEINSTANCE")}
    links = _slinks(root)
    skipped: Counter[str] = Counter()
    swapped = polarity_swapped(root)
    kept = []
    for eiid, inst in instances.items():
        found = events.get(inst.get("eventID", ""))
        if found is None or found[2].get("class") not in KEPT_CLASSES:
            skipped["class left out" if found is not None else "no event"] += 1
            continue
        if swapped:
            skipped["polarity unreadable (file)"] += 1
            continue
        status, cue = gold_status(inst, links.relations.get(eiid, set()))
        governor = _governor_span(links.modal_governors.get(eiid), instances, events)
        if status == "modal" and _negated(links.modal_governors.get(eiid), instances, links):
            status, cue = "", "modal slink under a negated governor"
        if not status:
            skipped[cue] += 1
            continue
        start, end = trimmed(text, found[0], found[1])
        kept.append(GoldEvent(eiid, found[2].get("class", ""), start, end, status, cue, governor))
    return GoldDocument(path.name, text, tuple(kept), skipped)


def gold_status(inst: ET.Element, relations: set[str]) -> tuple[str, str]:
    """The gold status of one instance and its cue; status "modal" when the governing word of its MODAL
    SLINK decides (:func:`modal_status`), "" when left out (the cue then says why)."""
    modality = (inst.get("modality") or "").strip().lower()
    if inst.get("polarity") == "NEG":
        return "negated", "polarity NEG"
    if negating := relations & NEGATING_SLINKS.keys():
        return "negated", NEGATING_SLINKS[min(negating)]
    if modality in FUTURE_MODALS:
        return "planned", f"modality {modality}"
    if modality in REPORTED_FUTURE_MODALS and "EVIDENTIAL" in relations:
        return "", "reported 'would' (future of the past or condition)"
    if modality in HYPOTHETICAL_MODALS:
        return "hypothetical", f"modality {modality}"
    if modality not in ("", "none"):
        return "", "unknown modality value"
    if "CONDITIONAL" in relations:
        return "hypothetical", "conditional slink"
    if inst.get("tense") == "FUTURE":
        return "planned", "future tense"
    if "MODAL" in relations:
        return "modal", "modal slink"
    if inst.get("tense") == "INFINITIVE" and not relations & {"FACTIVE", "EVIDENTIAL"}:
        return "", "infinitive under no slink"
    return "occurred", "none"


def modal_status(lemma: str) -> tuple[str, str]:
    """The status a MODAL SLINK's governing word gives its subordinate event ("" when it tells none)."""
    if lemma in PLANNED_GOVERNORS:
        return "planned", f"modal slink: {lemma}"
    if lemma in HYPOTHETICAL_GOVERNORS:
        return "hypothetical", f"modal slink: {lemma}"
    return "", "modal slink, other governor"


def _governor_span(eiid: str | None, instances: dict[str, ET.Element],
                   events: dict[str, tuple[int, int, ET.Element]]) -> tuple[int, int] | None:
    inst = instances.get(eiid or "")
    found = events.get(inst.get("eventID", "")) if inst is not None else None
    return (found[0], found[1]) if found is not None else None


def _negated(eiid: str | None, instances: dict[str, ET.Element], links: _Links) -> bool:
    inst = instances.get(eiid or "")
    return inst is not None and (inst.get("polarity") == "NEG"
                                 or bool(links.relations.get(eiid or "", set()) & NEGATING_SLINKS.keys()))


# --- scoring --------------------------------------------------------------------------------------

def status_events(doc: Doc, gold: GoldDocument, split: str, skipped: Counter[str]) -> Iterator[Scored]:
    """Give every gold event of one parsed document our status (MODAL SLINK golds are settled here, from
    the governing word's lemma in our parse)."""
    for event in gold.events:
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
        if span is None:
            skipped["no token"] += 1
            continue
        status, cue = event.status, event.cue
        if status == "modal":
            governor = doc.char_span(*event.governor, alignment_mode="expand") if event.governor else None
            status, cue = modal_status(_lemma(governor.root) if governor is not None else "")
            if not status:
                skipped[cue] += 1
                continue
        event_type = "statement_or_warning" if event.event_class == "REPORTING" else "other"
        ours = status_of(span, event_type=event_type)
        yield Scored(gold.name, split, event.eiid, status, ours, cue, span.text, sent_of(span).text.strip())
    forget_cache(doc)


def _lemma(token: Token) -> str:
    """The token's lemma, lower-cased; its text where the pipeline gives no lemma."""
    return (token.lemma_ or token.text).lower()


def score_corpus(folder: Path, *, use_cache: bool = True) -> tuple[list[Scored], Counter[str]]:
    """Our status for every kept gold event of the corpus; also the count of left-out instances by reason."""
    return scored_corpus(folder, read_gold, status_events, use_cache=use_cache)


def occurred_or_not(status: str) -> str:
    """The 2-way reading of a status: occurred, or not."""
    return "occurred" if status == "occurred" else "not"


def figures(rows: Iterable[Scored]) -> str:
    """One line: events, 4-way accuracy, 2-way accuracy, and the F1 of "not occurred" (2-way)."""
    rows = list(rows)
    if not rows:
        return "    0   -     -     -"
    four = sum(r.gold == r.ours for r in rows) / len(rows)
    two = sum(occurred_or_not(r.gold) == occurred_or_not(r.ours) for r in rows) / len(rows)
    hits = sum(r.gold != "occurred" and r.ours != "occurred" for r in rows)
    said, gold = sum(r.ours != "occurred" for r in rows), sum(r.gold != "occurred" for r in rows)
    f1 = 2 * hits / (said + gold) if said + gold else 0.0
    return f"{len(rows):5d} {four:.3f} {two:.3f} {f1:.3f}"


def confusion(rows: list[Scored]) -> list[str]:
    """The confusion matrix, gold statuses as rows and ours as columns."""
    counts = Counter((r.gold, r.ours) for r in rows)
    lines = ["gold \\ ours   " + " ".join(f"{s[:8]:>8}" for s in STATUSES)]
    lines += [f"{g:<13} " + " ".join(f"{counts[g, o]:8d}" for o in STATUSES) for g in STATUSES]
    return lines


def cue_table(rows: list[Scored]) -> list[str]:
    """Per gold cue: events, errors, and what the errors were read as."""
    by_cue: dict[str, list[Scored]] = {}
    for r in rows:
        by_cue.setdefault(r.cue, []).append(r)
    lines = [f"  {'cue':<34} {'gold':<12} events errors  read as"]
    for cue, part in sorted(by_cue.items(), key=lambda item: -sum(r.gold != r.ours for r in item[1])):
        wrong = Counter(r.ours for r in part if r.gold != r.ours)
        if wrong:
            lines.append(f"  {cue:<34} {part[0].gold:<12} {len(part):6d} {sum(wrong.values()):6d}  "
                         + ", ".join(f"{k} {v}" for k, v in wrong.most_common()))
    return lines


def report(rows: list[Scored], skipped: Counter[str], *, split: str, show_errors: bool) -> str:
    """The figures table (all, A, B), the confusion matrix and cue table of ``split``, if asked its errors."""
    lines = ["split  events 4-way 2-way notF1"]
    for name in ("all", "A", "B"):
        lines.append(f"{name:<5} {figures(r for r in rows if name == 'all' or r.split == name)}")
    lines.append("gold: " + ", ".join(f"{s} {n}" for s, n in Counter(r.gold for r in rows).most_common()))
    lines.append("left out: " + ", ".join(f"{k} {v}" for k, v in skipped.most_common()))
    chosen = [r for r in rows if split == "all" or r.split == split]
    lines += ["", f"confusion (split {split})", *confusion(chosen), "", f"errors by cue (split {split})",
              *cue_table(chosen)]
    if show_errors:
        lines.append("")
        lines += [f"[{r.cue}] gold {r.gold} ours {r.ours} {r.doc} {r.eiid} '{r.trigger}'\n    {r.sentence}"
                  for r in chosen if r.gold != r.ours]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its report."""
    args = benchmark_args(argv, __doc__.split("\n")[0], "print each wrong status with its sentence")
    rows, skipped = score_corpus(args.tempeval, use_cache=not args.no_cache)
    print(report(rows, skipped, split=args.split, show_errors=args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
