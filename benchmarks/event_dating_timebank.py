"""Which date the dating layer gives an event, scored on the events of the TempEval-3 training corpus.

Usage::

    python benchmarks/event_dating_timebank.py --tempeval DIR [--split A|B|all] [--errors] [--no-cache]

``DIR`` is the TempEval-3 training folder (``TimeBank/`` and ``AQUAINT/`` ``.tml`` files: 1990s
newswire in TimeML). The corpus is read from there at run time; none of its text or values is kept in
the repo.

Gold: an event instance (``MAKEINSTANCE``) is dated by a ``TLINK`` that puts it inside a calendar date:
the event ``IS_INCLUDED`` in, ``DURING`` or ``SIMULTANEOUS`` with a ``DATE``/``TIME`` timex, or the
timex ``INCLUDES`` (or is ``SIMULTANEOUS`` with) the event; the document creation time (DCT) counts (its
day). Values of the forms ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD[Thh..]``, ``YYYY-Www`` and ``YYYY-Qn`` are
kept; several values of one instance must nest (the finest is kept) or the instance is left out. Only
events told as having happened are kept: not negated (read off the text in the files that mark most of
their instances negated, an annotation slip), no modality, not future or infinitive, not a
state (``STATE``, ``I_STATE``), not the subordinate event of a modal, conditional, counter-factive or
negative-evidential ``SLINK``, not dated after the DCT (a noun such as "next week's election" names an event
still to come).

System: the text is parsed with the default pipeline (:func:`timeline.nlp.load_nlp`), its timexes found
with the DCT as publication date as the pipeline does, and each gold event becomes a candidate on its
own token (:func:`timeline.events.mentions.bare_candidate`; ``statement_or_warning`` for TimeML class
``REPORTING``, else ``other``; status ``occurred``) dated by :func:`timeline.events.resolve_date`.

Scores, overall and for the events whose gold is not the publication day ("off-DCT"):

* ``exact``: our date is the gold period (a time of day counts as its day);
* ``compatible``: our date (or range) lies inside the gold period.

Error classes (first that applies): ``undated``; ``coarser`` (the gold period lies inside ours;
``coarser: publication month`` when ours is the publication month); ``finer`` (compatible, not exact);
``wrong year`` (same month and day, another year); ``publication day`` (fell back to the publication day);
``gold timex, other value`` (we took the timex the gold links to, and read it otherwise); ``other timex of
the sentence``; ``timex of an earlier sentence``; ``timex of a later sentence``; ``other``.

Splits: the files sorted by name; even positions are split A (read its errors, write rules from them), odd
positions split B (only scored). The figures table always shows all, A and B; the error classes and
``--errors`` rows (with sentences: for reading, never for pasting into commits or tests) are of ``--split``.

Parsed Docs are cached as a DocBin under ``$TMPDIR/timeline-dating-cache``, keyed by the texts, the spaCy
pipeline and the files that may shape the parse (the nlp package and the resources folder), so a run after
a change to the dating code only re-dates.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from timeline.evaluation.timeml import tagged_text
from timeline.events import resolve_date
from timeline.events.mentions import bare_candidate
from timeline.events.triggers import linked_windows_only
from timeline.nlp import TRIGGERS_KEY, doc_text, forget_cache, load_nlp, sent_of
from timeline.nlp.load import choose_model
from timeline.temporal import find_timexes
from timeline.types import ResolvedDate, Timex
from timeline.unwrap import unwrap

REPO = Path(__file__).resolve().parent.parent
#: Files whose change may change the parse (the pipeline's components and every resource they could read),
#: and so the cache key.
PARSE_SOURCES = ("timeline/nlp", "timeline/resources")
#: TLINK relations (read from the event's side) that put the event inside the time.
INSIDE_FROM_EVENT = {"IS_INCLUDED", "DURING", "SIMULTANEOUS"}
INSIDE_FROM_TIME = {"INCLUDES", "SIMULTANEOUS"}
#: SLINK relations whose subordinate event is not told as having happened.
UNREAL_SLINKS = {"MODAL", "CONDITIONAL", "COUNTER_FACTIVE", "NEG_EVIDENTIAL"}
SKIPPED_TENSES = {"FUTURE", "INFINITIVE"}
SKIPPED_CLASSES = {"STATE", "I_STATE"}

Period = tuple[date, date]


@dataclass(frozen=True)
class GoldEvent:
    """One event instance with its gold period."""

    eiid: str
    event_class: str
    start: int
    end: int
    period: Period
    value: str
    timex_span: tuple[int, int] | None  # the linked timex in the text; None for the DCT


@dataclass(frozen=True)
class GoldDocument:
    """One TimeML document: its plain text, creation day and dated events."""

    name: str
    text: str
    dct: date
    events: tuple[GoldEvent, ...]
    skipped: Counter[str]


@dataclass(frozen=True)
class Scored:
    """One gold event dated by us."""

    doc: str
    split: str
    gold: GoldEvent
    ours: ResolvedDate
    exact: bool
    compatible: bool
    off_dct: bool
    error: str
    trigger: str
    sentence: str


# --- gold --------------------------------------------------------------------------------------

def gold_period(value: str) -> Period | None:
    """The days a TIMEX3 calendar value covers (``1998``, ``1998-08``, ``1998-08-07``, ``1998-W32``,
    ``1998-Q3``; a time of day is its day), else None."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value):
        day = _date(int(m[1]), int(m[2]), int(m[3]))
        return (day, day) if day else None
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        return _months(int(m[1]), int(m[2]), 1)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return _months(int(m[1]), 3 * int(m[2]) - 2, 3)
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        return monday, monday + timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})", value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _months(year: int, month: int, count: int) -> Period | None:
    if not 1 <= month <= 12:
        return None
    first = date(year, month, 1)
    after = date(year + (month + count - 1) // 12, (month + count - 1) % 12 + 1, 1)
    return first, after - timedelta(days=1)


def read_gold(path: Path) -> GoldDocument:
    """The dated events of one ``.tml`` file (see the module docstring for what is kept)."""
    root, text, tagged = read_tml(path)
    dct_el = next(el for el in root.iter("TIMEX3") if el.get("functionInDocument") == "CREATION_TIME")
    dct = date.fromisoformat(dct_el.get("value", "")[:10])
    timexes = {el.get("tid", ""): (start, end, el) for start, end, el in tagged if el.tag == "TIMEX3"}
    events = tagged_events(tagged)
    dct_id = dct_el.get("tid", "")
    skipped: Counter[str] = Counter()
    periods = _linked_periods(root, timexes, dct_id, dct)
    unreal = {el.get("subordinatedEventInstance") for el in root.iter("SLINK")
              if el.get("relType") in UNREAL_SLINKS}
    kept = []
    polarity_read = not polarity_swapped(root)
    for inst in root.iter("MAKEINSTANCE"):
        eiid, found = inst.get("eiid", ""), events.get(inst.get("eventID", ""))
        linked = periods.get(eiid, [])
        if found is None or not linked:
            continue
        negated = inst.get("polarity") == "NEG" if polarity_read else _negated_in_text(text, found[0])
        reason = _skip_reason(inst, found[2], negated, eiid in unreal, linked, dct)
        if reason:
            skipped[reason] += 1
            continue
        period, value, span = min(linked, key=lambda item: item[0][1] - item[0][0])
        start, end = trimmed(text, found[0], found[1])
        kept.append(GoldEvent(eiid, found[2].get("class", ""), start, end, period, value, span))
    return GoldDocument(path.name, text, dct, tuple(kept), skipped)


Tagged = tuple[int, int, ET.Element]


def read_tml(path: Path) -> tuple[ET.Element, str, list[Tagged]]:
    """A TimeML file's root element, its TEXT as plain text, and every tag of the TEXT with its offsets."""
    root = ET.parse(path).getroot()
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise ValueError(f"`path` value = {path} is invalid; value must be a TimeML file with <TEXT>")
    text, tagged = tagged_text(text_el)
    return root, text, tagged


def tagged_events(tagged: list[Tagged]) -> dict[str, Tagged]:
    """The EVENT tags of a TimeML text by their ``eid``, with their offsets."""
    return {el.get("eid", ""): (start, end, el) for start, end, el in tagged if el.tag == "EVENT"}


LinkedPeriod = tuple[Period, str, "tuple[int, int] | None"]


def _linked_periods(root: ET.Element, timexes: dict[str, tuple[int, int, ET.Element]], dct_id: str,
                    dct: date) -> dict[str, list[LinkedPeriod]]:
    """Event instance id -> the calendar periods TLINKs put it inside."""
    out: dict[str, list[LinkedPeriod]] = {}
    for link in root.iter("TLINK"):
        rel, eiid = link.get("relType", ""), link.get("eventInstanceID") or link.get("relatedToEventInstance")
        tid = link.get("relatedToTime") if link.get("eventInstanceID") else link.get("timeID")
        from_event = link.get("eventInstanceID") is not None
        if not eiid or not tid or rel not in (INSIDE_FROM_EVENT if from_event else INSIDE_FROM_TIME):
            continue
        if tid == dct_id:
            out.setdefault(eiid, []).append(((dct, dct), dct.isoformat(), None))
            continue
        found = timexes.get(tid)
        if found is None or found[2].get("type") not in ("DATE", "TIME"):
            continue
        period = gold_period(found[2].get("value", ""))
        if period is not None:
            out.setdefault(eiid, []).append((period, found[2].get("value", ""), (found[0], found[1])))
    return out


def polarity_swapped(root: ET.Element) -> bool:
    """Whether a file marks most of its instances ``NEG`` (told events such as "refused" among them, which no
    news text is): its polarity values cannot be read."""
    polarities = Counter(inst.get("polarity") for inst in root.iter("MAKEINSTANCE"))
    return polarities["NEG"] > polarities["POS"]


_NEGATION_BEFORE = re.compile(r"\b(?:not|n't|never|no)\s+(?:\S+\s+){0,2}$", re.IGNORECASE)


def _negated_in_text(text: str, start: int) -> bool:
    """Negation read off the text where the file's polarity cannot be: "not"/"never" up to two words
    before."""
    return _NEGATION_BEFORE.search(text[max(0, start - 40) : start]) is not None


def _skip_reason(inst: ET.Element, event: ET.Element, negated: bool, unreal: bool,
                 linked: list[LinkedPeriod], dct: date) -> str:
    """Why an event instance is left out ("" when kept)."""
    modality = (inst.get("modality") or "").lower()
    checks = (
        (negated, "negated"),
        (modality not in ("", "none"), "modal"),
        (inst.get("tense") in SKIPPED_TENSES, "future or infinitive"),
        (event.get("class") in SKIPPED_CLASSES, "state"),
        (unreal, "modal or conditional slink"),
        (not _nested([period for period, _, _ in linked]), "conflicting gold"),
        (min(period[0] for period, _, _ in linked) > dct, "after publication"),
    )
    return next((reason for failed, reason in checks if failed), "")


def _nested(periods: list[Period]) -> bool:
    """Whether every period lies inside every wider one (one chain of containment)."""
    ordered = sorted(periods, key=lambda p: p[1] - p[0])
    pairs = zip(ordered, ordered[1:], strict=False)
    return all(wide[0] <= narrow[0] and narrow[1] <= wide[1] for narrow, wide in pairs)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A tag's offsets without the whitespace at its edges."""
    surface = text[start:end]
    return start + len(surface) - len(surface.lstrip()), end - (len(surface) - len(surface.rstrip()))


def corpus_files(folder: Path) -> list[Path]:
    """The ``.tml`` files under ``folder``, sorted by name (the order that splits them)."""
    paths = sorted(folder.rglob("*.tml"), key=lambda p: p.name)
    if not paths:
        raise ValueError(f"`--tempeval` value = {folder} is invalid; value must contain .tml files")
    return paths


def split_of(position: int) -> str:
    """Split A for even positions of the sorted file list, B for odd ones."""
    return "A" if position % 2 == 0 else "B"


# --- parsing, cached ----------------------------------------------------------------------------

def parsed_docs(nlp: Language, texts: list[str], *, use_cache: bool = True) -> list[Doc]:
    """The parsed Docs of ``texts``, from the DocBin cache when the texts and parse sources are unchanged."""
    path = Path(tempfile.gettempdir()) / "timeline-dating-cache" / f"{_cache_key(nlp, texts)}.spacy"
    if use_cache and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    if use_cache:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=True).to_disk(path)
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))  # the same Docs a cached run reads
    return docs


def _cache_key(nlp: Language, texts: list[str]) -> str:
    digest = hashlib.sha1(f"{spacy.about.__version__}|{nlp.meta.get('name')}|{nlp.meta.get('version')}".encode())
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    for source in PARSE_SOURCES:
        root = REPO / source
        for file in sorted(root.rglob("*") if root.is_dir() else [root]):
            if file.is_file() and file.suffix != ".pyc":
                digest.update(file.name.encode() + file.read_bytes())
    return digest.hexdigest()[:20]


# --- dating and scoring ---------------------------------------------------------------------------

def date_events(doc: Doc, gold: GoldDocument, split: str) -> Iterator[Scored]:
    """Date every gold event of one parsed document and score it."""
    doc.spans[TRIGGERS_KEY] = linked_windows_only(doc.spans.get(TRIGGERS_KEY, []))  # as candidates() does
    timexes = find_timexes(doc_text(doc), published=gold.dct, doc=doc)
    for event in gold.events:
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
        if span is None:
            continue
        event_type = "statement_or_warning" if event.event_class == "REPORTING" else "other"
        candidate = bare_candidate(span, event_type)
        ours = resolve_date(doc, candidate, timexes, published=gold.dct)
        yield _scored(doc, gold, split, event, ours, timexes, candidate.sentence)
    forget_cache(doc)


def our_period(ours: ResolvedDate) -> Period | None:
    """The days our date covers (a time of day is its day), None when undated."""
    if ours.date_start is None:
        return None
    end = ours.date_end or ours.date_start
    return ours.date_start.date(), end.date()


def _scored(doc: Doc, gold: GoldDocument, split: str, event: GoldEvent, ours: ResolvedDate,
            timexes: list[Timex], sentence: str) -> Scored:
    period = our_period(ours)
    exact = period == event.period
    compatible = period is not None and event.period[0] <= period[0] and period[1] <= event.period[1]
    error = "" if exact else error_class(doc, event, ours, period, timexes, gold.dct, compatible=compatible)
    off_dct = event.period != (gold.dct, gold.dct)
    return Scored(gold.name, split, event, ours, exact, compatible, off_dct, error,
                  doc_text(doc)[event.start : event.end], sentence)


def error_class(doc: Doc, event: GoldEvent, ours: ResolvedDate, period: Period | None, timexes: list[Timex],
                dct: date, *, compatible: bool) -> str:
    """The class of a wrong date (see the module docstring)."""
    if period is None:
        return "undated"
    if period[0] <= event.period[0] and event.period[1] <= period[1]:
        month = _months(dct.year, dct.month, 1)
        return "coarser: publication month" if ours.basis == "publication" and period == month else "coarser"
    if compatible:
        return "finer"
    if (period[0].month, period[0].day, period[1] - period[0]) == (
            event.period[0].month, event.period[0].day, event.period[1] - event.period[0]):
        return "wrong year"
    if ours.basis == "publication":
        return "publication day"
    source = _source_timex(doc, event, ours, timexes)
    if source is None:
        return "other"
    gold_span = event.timex_span
    if gold_span is not None and source.start < gold_span[1] and gold_span[0] < source.end:
        return "gold timex, other value"
    sent = sent_of(doc.char_span(event.start, event.end, alignment_mode="expand") or doc[0:1])
    if sent.start_char <= source.start < sent.end_char:
        return "other timex of the sentence"
    return "timex of an earlier sentence" if source.start < sent.start_char else "timex of a later sentence"


def _source_timex(doc: Doc, event: GoldEvent, ours: ResolvedDate, timexes: list[Timex]) -> Timex | None:
    """The timex our date was read from: of those with its text, one in the event's sentence, else the nearest
    before the event, else the first after."""
    same = [t for t in timexes if t.text == ours.text] if ours.text else []
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    sent = sent_of(span) if span is not None else None
    inside = [t for t in same if sent is not None and sent.start_char <= t.start < sent.end_char]
    before = [t for t in same if t.start <= event.start]
    found = inside or before[-1:] or same[:1]
    return found[0] if found else None


# --- report ---------------------------------------------------------------------------------------

def score_corpus(folder: Path, *, use_cache: bool = True) -> tuple[list[Scored], Counter[str]]:
    """Date and score every kept gold event of the corpus; also the count of left-out instances by reason."""
    return scored_corpus(folder, read_gold, lambda doc, gold, split, _: date_events(doc, gold, split),
                         use_cache=use_cache)


class GoldText(Protocol):
    """What :func:`scored_corpus` reads of a gold document: its text and the instances it left out."""

    @property
    def text(self) -> str: ...

    @property
    def skipped(self) -> Counter[str]: ...


G = TypeVar("G", bound=GoldText)
R = TypeVar("R")


def scored_corpus(folder: Path, read: Callable[[Path], G], score: Callable[[Doc, G, str, Counter[str]], Iterable[R]],
                  *, use_cache: bool = True) -> tuple[list[R], Counter[str]]:
    """Every ``.tml`` file of ``folder`` read by ``read`` (a gold document with ``text`` and ``skipped``),
    parsed (cached) and scored by ``score`` (which may count more left-out events); the rows, and the count of
    left-out instances by reason."""
    golds = [read(path) for path in corpus_files(folder)]
    nlp = load_nlp(choose_model())
    docs = parsed_docs(nlp, [unwrap(g.text) for g in golds], use_cache=use_cache)
    rows: list[R] = []
    skipped: Counter[str] = Counter()
    for position, (gold, doc) in enumerate(zip(golds, docs, strict=True)):
        skipped.update(gold.skipped)
        rows.extend(score(doc, gold, split_of(position), skipped))
    return rows, skipped


def figures(rows: Iterable[Scored]) -> str:
    """One line: events, exact and compatible shares, overall and off-DCT."""
    rows = list(rows)
    off = [r for r in rows if r.off_dct]

    def share(part: list[Scored], key: str) -> str:
        return f"{sum(getattr(r, key) for r in part) / len(part):.3f}" if part else "  -  "

    return (f"{len(rows):5d} {share(rows, 'exact')} {share(rows, 'compatible')}   "
            f"{len(off):5d} {share(off, 'exact')} {share(off, 'compatible')}")


def report(rows: list[Scored], skipped: Counter[str], *, split: str, show_errors: bool) -> str:
    """The figures table (all, A, B), the error classes of ``split`` and, if asked, its error rows."""
    lines = ["split  events exact compat   offDCT exact compat"]
    for name in ("all", "A", "B"):
        lines.append(f"{name:<5} {figures(r for r in rows if name == 'all' or r.split == name)}")
    lines.append("left out: " + ", ".join(f"{k} {v}" for k, v in skipped.most_common()))
    chosen = [r for r in rows if split == "all" or r.split == split]
    lines += ["", f"error classes (split {split}): all / off-DCT"]
    every = Counter(r.error for r in chosen if r.error)
    off = Counter(r.error for r in chosen if r.error and r.off_dct)
    lines += [f"  {name:<32} {count:5d} {off[name]:5d}" for name, count in every.most_common()]
    if show_errors:
        lines.append("")
        for r in chosen:
            if r.error:
                where = " off-DCT" if r.off_dct else ""
                lines.append(f"[{r.error}]{where} {r.doc} {r.gold.eiid} '{r.trigger}' gold {r.gold.value} "
                             f"ours "
                             f"{r.ours.date or '-'} ({r.ours.precision}, {r.ours.basis}, '{r.ours.text}')"
                             f"\n    {r.sentence}")
    return "\n".join(lines)


def benchmark_args(argv: list[str] | None, description: str, errors_help: str) -> argparse.Namespace:
    """The options the TimeBank benchmarks share: the corpus folder, the split reported, errors, no cache."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--tempeval", type=Path, required=True, help="the TempEval-3 training folder")
    parser.add_argument("--split", choices=("A", "B", "all"), default="A")
    parser.add_argument("--errors", action="store_true", help=errors_help)
    parser.add_argument("--no-cache", action="store_true", help="parse again, no cache")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its report."""
    args = benchmark_args(argv, __doc__.split("\n")[0], "print each wrong date with its sentence")
    rows, skipped = score_corpus(args.tempeval, use_cache=not args.no_cache)
    print(report(rows, skipped, split=args.split, show_errors=args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
