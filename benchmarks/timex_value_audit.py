"""Where the wrong TIMEX3 values on the TempEval-3 training corpus come from.

Usage::

    python benchmarks/timex_value_audit.py ../shared/data/tempeval3/train [--audit CSV] [--list]

``benchmarks/data/tempeval3_train_value_audit.csv`` labels, by document and gold
offset, the 236 relaxed matches whose value was wrong at commit f58a4bd or went wrong since
(no corpus text is stored, only offsets and a reason):

* ``dct``: the gold values assume another creation time than the document's DCT;
* ``gold_text``: the gold value contradicts the text (typo, wrong year, a dated
  expression typed as a duration);
* ``gold_vague``: the gold leaves unknown (``WXX``, ``QX``) what the text and the
  DCT fix;
* ``notation``: the same meaning in another notation (``W6``/``W06``,
  ``1949-XX``/``1949``, ``196X``/``196``);
* ``world``: the gold uses knowledge the text does not give;
* ``anchored``: dated from an event the text names, not from a date;
* ``convention``: the corpus annotates the same construction both ways;
* ``ours``: our value is wrong.

The script scores the current :func:`timeline.temporal.find_timexes` (rules only, as
``timeline evaluate-timex``), counts today's wrong values per label (``unaudited``:
wrong now but not in the file), and scores again with the gold of the first three
labels, then of the first four, replaced by our value: what value F1 would be on a
corrected gold. Last, it counts every ``ours`` and ``anchored`` value as right on the
gold as it is: the most that fixing our own errors can reach. The labels are one
reader's judgement; ``--list`` prints each wrong value with its label so that anyone
can check them.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from timeline.evaluation.timeml import TmlDocument, load_gold, match_spans, predict, score

DEFAULT_AUDIT = Path(__file__).resolve().parent / "data" / "tempeval3_train_value_audit.csv"
GOLD_ERRORS = ("dct", "gold_text", "gold_vague")


def load_audit(path: Path) -> dict[tuple[str, int], tuple[str, str]]:
    """(document, gold start) -> (label, reason)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f)
        return {(r["document"], int(r["gold_start"])): (r["category"], r["reason"]) for r in rows}


def wrong_values(docs: list[TmlDocument]) -> list[tuple[TmlDocument, list, list, int, int]]:
    """Per relaxed match with a wrong value: (document, gold, system, gold index, system index)."""
    out = []
    for doc in docs:
        system = predict(doc)
        for gi, si in match_spans(doc.timexes, system):
            if doc.timexes[gi]["value"] != system[si]["value"]:
                out.append((doc, doc.timexes, system, gi, si))
    return out


def corrected_score(docs: list[TmlDocument], wrong, audit, labels: tuple[str, ...]) -> dict:
    """Metrics with the gold value of each wrong match labelled ``labels`` set to ours."""
    fixes = {
        (doc.name, gi): system[si]["value"]
        for doc, _gold, system, gi, si in wrong
        if audit.get((doc.name, doc.timexes[gi]["start"]), ("",))[0] in labels
    }
    pairs = []
    for doc in docs:
        gold = [dict(g, value=fixes.get((doc.name, i), g["value"])) for i, g in enumerate(doc.timexes)]
        pairs.append((gold, predict(doc)))
    return score(pairs)


def main() -> None:
    """Score, count the wrong values per audit label, and re-score on corrected gold."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir", type=Path, help="TempEval-3 training corpus (.tml files)")
    ap.add_argument("--audit", type=Path, default=DEFAULT_AUDIT, help="the labels (CSV)")
    ap.add_argument("--list", action="store_true", help="print every wrong value with its label")
    args = ap.parse_args()

    docs = load_gold(args.gold_dir)
    audit = load_audit(args.audit)
    wrong = wrong_values(docs)
    official = score((doc.timexes, predict(doc)) for doc in docs)
    labels = Counter()
    for doc, gold, system, gi, si in wrong:
        label, reason = audit.get((doc.name, gold[gi]["start"]), ("unaudited", ""))
        labels[label] += 1
        if args.list:
            print(f"{label:<11} {doc.name} {gold[gi]['text']!r} gold={gold[gi]['value']} "
                  f"ours={system[si]['value']}  {reason}")
    still = {(doc.name, gold[gi]["start"]) for doc, gold, _s, gi, _si in wrong}
    print(f"value F1 {official['value_f1']:.4f}  (relaxed F1 {official['relaxed_f1']:.4f}, "
          f"{official['value_correct']} right of {official['relaxed_match']} relaxed matches)")
    print(f"wrong values now: {len(wrong)}")
    for label in ("dct", "gold_text", "gold_vague", "notation", "world", "anchored", "convention", "ours",
                  "unaudited"):
        print(f"  {label:<11} {labels[label]:4}")
    print(f"audited values now right: {sum(1 for key in audit if key not in still)} of {len(audit)}")
    for chosen in (GOLD_ERRORS, GOLD_ERRORS + ("notation",)):
        m = corrected_score(docs, wrong, audit, chosen)
        print(f"value F1 with {' + '.join(chosen)} corrected: {m['value_f1']:.4f}")
    # the ceiling on this gold: every value that is ours to get right, right
    m = corrected_score(docs, wrong, audit, ("ours", "anchored"))
    print(f"value F1 if every ours + anchored value were right (gold as it is): {m['value_f1']:.4f}")


if __name__ == "__main__":
    main()
