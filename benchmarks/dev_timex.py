"""Value accuracy and span P/R of :func:`find_timexes` on the dev corpus gold.

Usage: python benchmarks/dev_timex.py /work/shared/data [--errors]
(or tests/data, which holds a copy of the dev articles and gold timexes).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from timeline.temporal import find_timexes
from timeline.evaluation.timeml import match_spans, score


def load(data_dir: Path) -> list[tuple[str, str, date, list[dict]]]:
    """(id, text, published, gold timexes) per dev article."""
    gold_file = data_dir / "dev_gold.jsonl"
    if not gold_file.exists():
        gold_file = data_dir / "dev_timexes.jsonl"
    out = []
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = (data_dir / "dev_articles" / f"{row['id']}.txt").read_text(encoding="utf-8")
        out.append((row["id"], text, date.fromisoformat(row["published"]), row["timexes"]))
    return out


def evaluate(data_dir: Path, show_errors: bool = False) -> dict:
    """Metrics over the dev articles (value accuracy over overlapping matches)."""
    pairs = []
    for doc_id, text, published, gold in load(data_dir):
        system = [
            {"start": t.start, "end": t.end, "type": t.type, "value": t.value, "text": t.text}
            for t in find_timexes(text, published=published)
        ]
        pairs.append((gold, system))
        if show_errors:
            matched = match_spans(gold, system)
            for gi, si in matched:
                g, s = gold[gi], system[si]
                if (
                    g["value"] != s["value"]
                    or g["type"] != s["type"]
                    or (g["start"], g["end"]) != (s["start"], s["end"])
                ):
                    gold_s = f"{g['text']!r} {g['type']} {g['value']}"
                    print(f"{doc_id} WRONG gold {gold_s} | sys {s['text']!r} {s['type']} {s['value']}")
            for gi, g in enumerate(gold):
                if gi not in {a for a, _ in matched}:
                    print(f"{doc_id} MISSED {g['text']!r} {g['type']} {g['value']}")
            for si, s in enumerate(system):
                if si not in {b for _, b in matched}:
                    print(f"{doc_id} SPURIOUS {s['text']!r} {s['type']} {s['value']}")
    return score(pairs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    m = evaluate(args.data_dir, args.errors)
    print(f"gold {m['n_gold']}  system {m['n_sys']}  matched {m['relaxed_match']}")
    print(f"value accuracy over matched spans: {m['value_accuracy']:.3f}")
    print(f"relaxed span P {m['relaxed_p']:.3f} R {m['relaxed_r']:.3f} F1 {m['relaxed_f1']:.3f}")
    print(f"strict span  P {m['strict_p']:.3f} R {m['strict_r']:.3f} F1 {m['strict_f1']:.3f}")
    print(f"type accuracy {m['type_accuracy']:.3f}  value F1 {m['value_f1']:.3f}")


if __name__ == "__main__":
    main()
