"""Every event error on the VOA gold, with its class, scored per cluster as the shared scorer does.

Usage::

    python benchmarks/voa_errors.py [--shared DIR] [--split A|B|all] [--events CSV] [--table-only] [--out DIR]
                                    [--stories JSONL --gold JSONL]

``--stories`` and ``--gold`` score another set of stories in the same formats (for instance reporting from
other outlets kept outside the repo) with the same scorer and error classes.

Without ``--events`` the script runs ``python -m timeline extract`` on the stories (the VOA ones by
default) into ``--out`` (default: a temporary folder) and scores that table. The figures come from the
shared scorer (``SHARED/tools/eval_events.py``, imported by path; ``SHARED`` is ``--shared``, default ``../shared``;
``score`` is run on gold and events filtered to the split), so they are the figures of ``eval_events.py --clusters``. The errors are listed from the
same matching (one prediction per ``cluster_id``, same-type pairs first, through the scorer's ``fold``,
``type_ok``, ``date_ok`` and ``units_of``).

Splits (issue 13 protocol): the gold stories (31 for VOA) sorted by id; positions 0, 2, 4, ... are split A (read its
errors, write rules from them), positions 1, 3, 5, ... are split B (only scored). The stories without gold
count only as the number of predicted occurred clusters (fewer is better: a precision proxy).

Error classes (the issue's numbering; a heuristic decides, "unclassified" where none does):

* ``fp:6 statement``: a spurious ``statement_or_warning`` (reported speech);
* ``fp:3 furniture``: a spurious event on a caption, credit, byline or headline line;
* ``fp:5 generic``: a spurious event in a sentence with a habitual, generic or background marker;
* ``fp:7 duplicate``: the cluster's sentences hold the anchor of a gold event another cluster matched;
* ``fp:8 status``: the cluster's sentences hold the anchor of a planned, negated or hypothetical gold event;
* ``fp:4 sense``: no gold anchor in the cluster's sentences and the trigger is a word used in many senses;
* ``miss:8 status``: a prediction holds the anchor but is not ``occurred``;
* ``miss:7 shared sentence``: an occurred prediction holds the anchor, but its cluster matched another gold event
  of the same sentence (one sentence with two events and one prediction: the second event's candidate is missing);
* ``miss:7 merged``: an occurred prediction holds the anchor, but its cluster matched a gold event of another
  sentence (two events merged into one cluster);
* ``miss:no trigger``: no prediction holds the anchor;
* ``type:GOLD->PRED``: a matched pair of the wrong type;
* ``date:1 after publication``, ``date:2 publication fallback``, ``date:none``, ``date:other``.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from timeline.types import repeats_title


@dataclass(frozen=True)
class Shared:
    """The shared folder's files this script reads (the repo does not hold them)."""

    root: Path
    stories_file: Path | None = None
    gold_file: Path | None = None

    @property
    def stories(self) -> Path:
        """The stories (the VOA ones unless another set is given)."""
        return self.stories_file or self.root / "data" / "voa" / "voa_stories.jsonl"

    @property
    def gold(self) -> Path:
        """The gold events (the VOA ones unless another set is given)."""
        return self.gold_file or self.root / "data" / "voa" / "voa_gold.jsonl"

    @property
    def scorer(self) -> Path:
        """The shared event scorer."""
        return self.root / "tools" / "eval_events.py"


FURNITURE = re.compile(
    r"^\s*(FILE|PHOTO|Photo|Read more|Watch|Related|Credit)\b|\b(AP|AFP|Reuters|REUTERS|Getty Images)\s*(Photo|/|$)"
    r"|/\s*[A-Z][A-Za-z]+\s*$|^\s*-\s.+\s-\s*$"
)
GENERIC = re.compile(
    r"\b(has|have) long\b|\bregularly\b|\boften\b|\busually\b|\brepeatedly\b|\bfor (years|decades)\b"
    r"|\bover the (years|decades|past)\b|\bsince \d{4}\b|\bongoing\b|\bcontinue[sd]? to\b|\bwaging\b"
    r"|\bhave been\b|\bhas been\b|\bhistorically\b|\bfrequently\b|\bsometimes\b|\btypically\b",
    re.I,
)
MANY_SENSES = {
    "hit", "hits", "attack", "attacked", "attacks", "shot", "shoot", "host", "hosts", "hosted", "demonstrate",
    "demonstrated", "release", "released", "wave", "threat", "threats", "strike", "strikes", "fire", "fired",
    "fight", "fighting", "battle", "clash", "clashes", "target", "targeted", "launch", "launched", "blast",
    "blasted", "meeting", "meet", "met", "visit", "visited", "talks", "deal", "support", "agreed", "agree",
}


@dataclass(frozen=True)
class Error:
    """One error: its class, the story, what was predicted and what gold says."""

    cls: str
    doc: str
    sentence: str
    predicted: str
    gold: str


def load_scorer(shared: Shared) -> ModuleType:
    """The shared scorer, imported by path (it is no package)."""
    spec = importlib.util.spec_from_file_location("eval_events", shared.scorer)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split_ids(gold: list[dict[str, Any]], split: str) -> set[str]:
    """The story ids of a split: A = even positions of the sorted gold ids, B = odd, all = both."""
    ids = sorted(str(a["id"]) for a in gold)
    if split == "A":
        return set(ids[0::2])
    if split == "B":
        return set(ids[1::2])
    return set(ids)


def run_extract(shared: Shared, out: Path) -> Path:
    """Run the extractor on the stories (VOA unless another set is given) into ``out`` and return the CSV path."""
    cmd = [sys.executable, "-m", "timeline", "extract", str(shared.stories), "--out", str(out), "--quiet",
           "--format", "csv"]
    subprocess.run(cmd, check=True)
    return out / "events.csv"


def read_rows(path: Path) -> list[dict[str, str]]:
    """All rows of an event table, whatever their status."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def filtered_score(ev: ModuleType, gold: list[dict[str, Any]], rows: list[dict[str, str]], ids: set[str]) -> dict:
    """The shared scorer's figures on the stories ``ids`` (gold and events written to temporary files)."""
    with tempfile.TemporaryDirectory() as tmp:
        gpath, ppath = Path(tmp) / "gold.jsonl", Path(tmp) / "events.csv"
        gpath.write_text("".join(json.dumps(a) + "\n" for a in gold if str(a["id"]) in ids), encoding="utf-8")
        with ppath.open("w", encoding="utf-8", newline="") as f:
            fields = list(rows[0]) if rows else ["doc_id"]
            w = csv.DictWriter(f, fieldnames=fields)
            w.writeheader()
            w.writerows(r for r in rows if r.get("doc_id", "").strip() in ids)
        res, _ = ev.score(str(gpath), str(ppath), False, True)
    return res


def _label(row: dict[str, str]) -> str:
    return f"{row.get('event_type')} {row.get('date')} [{row.get('trigger')}]"


def _gold_label(g: dict[str, Any]) -> str:
    return f"{g.get('type')} {g.get('date')} {g.get('status') or 'occurred'} [{g.get('anchor')}]"


def match_article(ev: ModuleType, golds: list[dict], units: list[list[dict]]
                   ) -> tuple[dict[int, tuple[int, dict]], set[int]]:
    """The scorer's one-to-one matching: gold index -> (unit index, the unit's row it matched), and the used
    unit indexes."""
    pairs: dict[int, tuple[int, dict]] = {}
    used: set[int] = set()
    for same_type_pass in (True, False):
        for gi, g in enumerate(golds):
            anchor = ev.fold(g.get("anchor"))
            if gi in pairs or not anchor:
                continue
            for pi, unit in enumerate(units):
                found = [r for r in unit if anchor in ev.fold(r.get("sentence"))]
                if pi in used or not found:
                    continue
                p = next((r for r in found if ev.type_ok(g, r.get("event_type"))), found[0])
                if same_type_pass and not ev.type_ok(g, p.get("event_type")):
                    continue
                pairs[gi] = (pi, p)
                used.add(pi)
                break
    return pairs, used


def _fp_class(ev: ModuleType, unit: list[dict], golds_all: list[dict], matched_anchors: set[str]) -> str:
    sentences = [ev.fold(r.get("sentence")) for r in unit]
    anchors = [(ev.fold(g.get("anchor")), g) for g in golds_all if g.get("anchor")]
    held = [g for a, g in anchors if any(a in s for s in sentences)]
    if any(ev.fold(g.get("anchor")) in matched_anchors for g in held):
        return "fp:7 duplicate"
    if any((g.get("status") or "occurred") != "occurred" for g in held):
        return "fp:8 status"
    if any(FURNITURE.search(r.get("sentence") or "") or _is_headline(r) for r in unit):
        return "fp:3 furniture"
    if any(r.get("event_type") == "statement_or_warning" for r in unit):
        return "fp:6 statement"
    if any(GENERIC.search(r.get("sentence") or "") for r in unit):
        return "fp:5 generic"
    if not held and any((r.get("trigger") or "").lower() in MANY_SENSES for r in unit):
        return "fp:4 sense"
    return "fp:unclassified"


def _is_headline(row: dict[str, str]) -> bool:
    return repeats_title(row.get("sentence") or "", row.get("title") or "")


def _date_class(row: dict, published: str) -> str:
    pred = (row.get("date") or "").strip()
    if not pred:
        return "date:none"
    if pred[:10] > published[:10]:
        return "date:1 after publication"
    if pred[:10] == published[:10]:
        return "date:2 publication fallback"
    return "date:other"


def _miss_class(ev: ModuleType, g: dict, all_rows: list[dict], units: list[list[dict]],
                matched: dict[int, str]) -> str:
    """The class of a missed gold event; ``matched`` holds the folded anchor of the gold event each used unit
    matched."""
    anchor = ev.fold(g.get("anchor"))
    holders = [i for i in matched if any(anchor in ev.fold(r.get("sentence")) for r in units[i])]
    if any(anchor in ev.fold(r.get("sentence")) and matched[i] in ev.fold(r.get("sentence"))
           for i in holders for r in units[i]):
        return "miss:7 shared sentence"
    if holders:
        return "miss:7 merged"
    if any(anchor in ev.fold(r.get("sentence")) for r in all_rows):
        return "miss:8 status"
    return "miss:no trigger"


def occurred_golds_and_units(ev: ModuleType, art: dict, all_rows: list[dict]
                             ) -> tuple[list[dict], list[list[dict]]]:
    """A gold story's occurred events and the scorer's units (one per cluster) of its occurred rows: what
    :func:`match_article` pairs."""
    golds = [e for e in art.get("events", []) if (e.get("status") or "occurred") == "occurred"]
    occurred = [r for r in all_rows if ((r.get("status") or "occurred").strip() or "occurred") == "occurred"]
    return golds, ev.units_of(occurred, True)


def article_errors(ev: ModuleType, art: dict, all_rows: list[dict]) -> list[Error]:
    """The errors of one gold story."""
    doc, published = str(art["id"]), art.get("published", "")
    golds_all = art.get("events", [])
    golds, units = occurred_golds_and_units(ev, art, all_rows)
    pairs, used = match_article(ev, golds, units)
    matched_anchors = {ev.fold(golds[gi].get("anchor")) for gi in pairs}
    matched_by_unit = {pi: ev.fold(golds[gi].get("anchor")) for gi, (pi, _) in pairs.items()}
    errors: list[Error] = []
    for gi, g in enumerate(golds):
        if gi not in pairs:
            cls = _miss_class(ev, g, all_rows, units, matched_by_unit)
            errors.append(Error(cls, doc, "", "-", _gold_label(g)))
            continue
        row = pairs[gi][1]
        if not ev.type_ok(g, row.get("event_type")):
            cls = f"type:{g.get('type')}->{row.get('event_type')}"
            errors.append(Error(cls, doc, row.get("sentence", ""), _label(row), _gold_label(g)))
        if g.get("date") and not ev.date_ok(g.get("date"), row.get("date"), g.get("date_window")):
            errors.append(Error(_date_class(row, published), doc, row.get("sentence", ""), _label(row), _gold_label(g)))
    for pi, unit in enumerate(units):
        if pi not in used:
            cls = _fp_class(ev, unit, golds_all, matched_anchors)
            errors.append(Error(cls, doc, " || ".join(r.get("sentence", "") for r in unit), _label(unit[0]), "-"))
    return errors


def _group(cls: str) -> str:
    return "type: wrong type (by pair below)" if cls.startswith("type:") else cls


def report(ev: ModuleType, shared: Shared, gold: list[dict], rows: list[dict], split: str, listing: bool) -> None:
    """Print the figures, the errors (with ``listing``) and the table of error classes."""
    ids = split_ids(gold, split)
    res = filtered_score(ev, gold, rows, ids)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_doc[r.get("doc_id", "").strip()].append(r)
    errors = [e for a in gold if str(a["id"]) in ids for e in article_errors(ev, a, by_doc[str(a["id"])])]
    if listing:
        for e in sorted(errors, key=lambda e: (e.cls, e.doc)):
            print(f"{e.cls}\t{e.doc}\tpred: {e.predicted}\tgold: {e.gold}\t{e.sentence[:300]}")
    counts = Counter(_group(e.cls) for e in errors)
    print(f"\nerror classes, split {split} ({len(ids)} stories, {len(errors)} errors)")
    for cls, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:4d}  {cls}")
    pairs = Counter(e.cls[5:] for e in errors if e.cls.startswith("type:"))
    print("  wrong type by pair: " + ", ".join(f"{k} {v}" for k, v in pairs.most_common()))
    gold_ids = {str(a["id"]) for a in gold}
    spare = {(r["doc_id"], r.get("cluster_id") or r["event_id"]) for r in rows
             if r.get("doc_id") not in gold_ids and (r.get("status") or "occurred") == "occurred"}
    print(f"  occurred clusters on the {len(_all_docs(shared) - gold_ids)} stories without gold: {len(spare)}")
    print(json.dumps(res))
    print(f"split {split}: event F1 {res['f1']:.3f} (P {res['precision']:.3f} R {res['recall']:.3f}), "
          f"type acc {res['type_acc']:.3f}, date acc {res['date_acc']:.3f} "
          f"(off pub-day {res['date_acc_off_pubday']:.3f} of {res['off_pubday_matched']}), date F1 {res['date_f1']:.3f}")


def _all_docs(shared: Shared) -> set[str]:
    with shared.stories.open(encoding="utf-8") as f:
        return {str(json.loads(line)["id"]) for line in f if line.strip()}


def set_options(description: str) -> argparse.ArgumentParser:
    """The options of the scripts that score a set of stories in the VOA formats: the shared folder, the
    split, a ready event table or an output folder, and another set's stories and gold."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"),
                    help="the shared folder (data/voa/ and tools/eval_events.py; default ../shared)")
    ap.add_argument("--split", choices=("A", "B", "all"), default="A")
    ap.add_argument("--events", type=Path, help="score this event table instead of running the extractor")
    ap.add_argument("--out", type=Path, help="folder for the extractor's output (default: temporary)")
    ap.add_argument("--stories", type=Path, help="another set of stories in the VOA format (default: the VOA stories)")
    ap.add_argument("--gold", type=Path, help="that set's gold events in the VOA gold format (default: the VOA gold)")
    return ap


def chosen_set(ap: argparse.ArgumentParser, a: argparse.Namespace) -> tuple[Shared, ModuleType, list[dict[str, Any]]]:
    """The set the options name (VOA unless ``--stories``/``--gold``), the shared scorer and the set's gold."""
    if (a.stories is None) != (a.gold is None):
        ap.error("--stories and --gold go together: a set's stories and its own gold")
    shared = Shared(a.shared, a.stories, a.gold)
    with shared.gold.open(encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    return shared, load_scorer(shared), gold


def main() -> int:
    """Command line: score a split and print its errors and error classes."""
    ap = set_options(__doc__ or "")
    ap.add_argument("--table-only", action="store_true", help="print the figures and the class table only")
    a = ap.parse_args()
    shared, ev, gold = chosen_set(ap, a)
    if a.events:
        report(ev, shared, gold, read_rows(a.events), a.split, not a.table_only)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = run_extract(shared, a.out or Path(tmp))
        report(ev, shared, gold, read_rows(path), a.split, not a.table_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
