"""ACLED agreement on the ACLED development notes, per split, with a sub-event confusion table and errors.

Usage::

    python benchmarks/acled_errors.py [--shared DIR] [--split A|B|all] [--events CSV] [--out DIR]
        [--show type|sub|date|location|fatalities] [--limit N] [--seed S]

Without ``--events`` the script writes each note as a document (the shared scorer's ``docs``) and runs
``python -m timeline extract`` on them into ``--out`` (default: a temporary folder). The figures are the
shared scorer's (``SHARED/tools/eval_acled.py``: the highest-confidence occurred event of each note is
compared with ACLED's coding), computed on the split's notes only.

Splits (the issue 13 protocol, applied to the notes): the notes in file order; positions 0, 2, 4, ... are
split A (read its errors, write rules from them), positions 1, 3, 5, ... split B (only scored). A rule is
kept when B does not get worse. The notes are ACLED's: they are read from ``--shared`` and never copied.
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

FIELDS = ("type", "sub", "date", "location", "fatalities")


def main(argv: list[str] | None = None) -> int:
    """Score one split of the ACLED notes and print the figures, the confusion table and sample errors."""
    args = _parser().parse_args(argv)
    notes_csv = Path(args.shared) / "data" / "acled_dev" / "acled_notes.csv"
    notes = _split(list(csv.DictReader(notes_csv.open(encoding="utf-8"))), args.split)
    events = Path(args.events) if args.events else _extract(Path(args.shared), notes_csv, args.out)
    chosen = _chosen_events(events, {n["event_id_cnty"] for n in notes})
    results = [(note, chosen.get(note["event_id_cnty"], {})) for note in notes]
    _print_figures(results, args.split)
    _print_confusion(results)
    if args.show:
        _print_errors(results, args.show, args.limit, args.seed)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default="../shared", help="the shared material folder")
    parser.add_argument("--split", default="all", choices=("A", "B", "all"))
    parser.add_argument("--events", help="an events.csv already extracted from the notes")
    parser.add_argument("--out", help="where to write the notes' documents and events (default: a temp folder)")
    parser.add_argument("--show", choices=FIELDS, help="list notes whose FIELD is wrong")
    parser.add_argument("--limit", type=int, default=15, help="how many errors to list")
    parser.add_argument("--seed", type=int, default=0, help="which random sample of errors to list")
    return parser


def _split(notes: list[dict[str, str]], split: str) -> list[dict[str, str]]:
    if split == "all":
        return notes
    return notes[0::2] if split == "A" else notes[1::2]


def _extract(shared: Path, notes_csv: Path, out: str | None) -> Path:
    folder = Path(out) if out else Path(tempfile.mkdtemp(prefix="acled_"))
    docs = folder / "docs"
    scorer = shared / "tools" / "eval_acled.py"
    subprocess.run([sys.executable, str(scorer), "docs", str(notes_csv), str(docs)], check=True)
    subprocess.run([sys.executable, "-m", "timeline", "extract", str(docs), "-o", str(folder / "out"),
                    "--format", "csv", "--quiet"], check=True)
    return folder / "out" / "events.csv"


def _chosen_events(events: Path, ids: set[str]) -> dict[str, dict[str, str]]:
    """The scorer's choice per note: the highest-confidence occurred event (ties: the first)."""
    by_note: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in csv.DictReader(events.open(encoding="utf-8")):
        if (row.get("status") or "occurred") == "occurred" and row.get("doc_id") in ids:
            by_note[row["doc_id"]].append(row)
    return {k: max(rows, key=lambda r: float(r.get("confidence") or 0)) for k, rows in by_note.items()}


def fold(text: str | None) -> str:
    """The scorer's folding of place names."""
    return " ".join((text or "").lower().replace("-", " ").split())


def agrees(note: dict[str, str], event: dict[str, str], field: str) -> bool:
    """Whether the chosen event agrees with ACLED on one field, as the shared scorer decides (a note
    without an event agrees on nothing)."""
    if not event:
        return False
    if field == "type":
        return event.get("acled_event_type") == note["event_type"]
    if field == "sub":
        return event.get("acled_sub_event_type") == note["sub_event_type"]
    if field == "date":
        return (event.get("date") or "")[:10] == note["event_date"]
    if field == "location":
        return bool(fold(note["location"])) and fold(note["location"]) in fold(event.get("location"))
    try:
        return int(float(event.get("fatalities") or 0)) == int(note["fatalities"])
    except ValueError:
        return False


def _print_figures(results: list[tuple[dict[str, str], dict[str, str]]], split: str) -> None:
    n = len(results)
    covered = sum(bool(event) for _, event in results)
    figures = {field: sum(agrees(note, event, field) for note, event in results) / n for field in FIELDS}
    print(f"split {split}: {n} notes; coverage {covered / n:.3f}, "
          + ", ".join(f"{field} {value:.3f}" for field, value in figures.items()))


def _print_confusion(results: list[tuple[dict[str, str], dict[str, str]]]) -> None:
    pairs = Counter((note["sub_event_type"], event.get("acled_sub_event_type") or "-") for note, event in results)
    totals = Counter(note["sub_event_type"] for note, _ in results)
    print(f"\n{'ACLED sub-event type':42s} {'n':>4s} {'right':>5s}  most frequent predictions")
    for gold, n in totals.most_common():
        predicted = sorted(((m, p) for (g, p), m in pairs.items() if g == gold), reverse=True)[:4]
        print(f"{gold:42s} {n:4d} {pairs[(gold, gold)]:5d}  " + "; ".join(f"{p}: {m}" for m, p in predicted))


def _print_errors(results: list[tuple[dict[str, str], dict[str, str]]], field: str, limit: int, seed: int) -> None:
    wrong = [(note, event) for note, event in results if not agrees(note, event, field)]
    print(f"\n{len(wrong)} notes with a wrong {field}; a sample:")
    for note, event in random.Random(seed).sample(wrong, min(limit, len(wrong))):
        print(f"--- {note['event_id_cnty']} ACLED: {note['event_type']} / {note['sub_event_type']} | "
              f"{note['location']} ({note['admin1']}) | {note['event_date']} | fatalities {note['fatalities']}")
        print(f"    ours: {event.get('event_type')} -> {event.get('acled_event_type')} / "
              f"{event.get('acled_sub_event_type')} | {event.get('location')} | {event.get('date')} | "
              f"fatalities {event.get('fatalities')} | trigger {event.get('trigger')!r}")
        print(f"    {note['notes'][:500]}")


if __name__ == "__main__":
    raise SystemExit(main())
