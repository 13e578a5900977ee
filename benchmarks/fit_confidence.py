"""Fit the confidence model (timeline/resources/en/confidence_model.json) on the shared gold.

Usage::

    python benchmarks/fit_confidence.py [--shared DIR] [--train A|B|all] [--write]

Every candidate the extractor makes on the gold VOA stories of the training split
(issue 13: gold story ids sorted, even positions are A, odd B) and on the written dev
articles (tests/data) is one example; its label is whether its sentence holds the anchor
of a gold event of its article (any status). The model is an L2-regularised logistic
regression over :func:`timeline.events.confidence.features`. The threshold
(``min_confidence``) is the highest one whose event F1, scored per cluster, on the training
stories with out-of-fold probabilities is within ``F1_TIE`` of the best (each half of the
stories scored by a model fitted on the other half and the dev articles), so that it is not
chosen on fitted rows.

The script prints, for the held-out split (B when training on A, A when training on B), the
per-cluster figures with the fitted model's threshold and with none, and the number of
occurred clusters on the stories without gold. ``--write`` stores the weights and the
threshold in the package. Ship a model fitted on ``all`` only after both cross fits help.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from timeline import resources
from timeline.evaluation import read_gold
from timeline.evaluation.clusters import fold_snippet, score_clusters
from timeline.events.confidence import MODEL_FILE, features
from timeline.frame import event_row
from timeline.ingest import read_articles
from timeline.nlp import load_nlp
from timeline.pipeline import event_table, iter_article_events
from timeline.types import Article, Event

REPO = Path(__file__).resolve().parent.parent
DEV_GOLD = REPO / "tests" / "data" / "dev_gold.jsonl"
DEV_ARTICLES = REPO / "tests" / "data" / "dev_articles"
THRESHOLDS = [round(0.05 * step, 2) for step in range(0, 14)]
#: Out-of-fold F1 differences smaller than this are noise (one or two stories' clusters).
F1_TIE = 0.005
L2 = 1.0


@dataclass
class Example:
    """One candidate: its event, features and gold label."""

    event: Event
    features: dict[str, float]
    label: bool


def split_ids(gold: dict[str, Any], split: str) -> set[str]:
    """The VOA story ids of a split (issue 13 protocol)."""
    ids = sorted(gold)
    return set(ids if split == "all" else ids[0::2] if split == "A" else ids[1::2])


def examples(articles: Sequence[Article], gold: dict[str, Any], nlp: Any) -> list[Example]:
    """Every candidate of the articles, labelled by the gold anchors of its article."""
    found = []
    for article, events in iter_article_events(articles, nlp=nlp, min_confidence=0.0):
        anchors = [fold_snippet(e.get("anchor")) for e in gold.get(article.doc_id, {}).get("events", [])]
        for event in events:
            sentence = fold_snippet(event.candidate.sentence)
            label = any(anchor and anchor in sentence for anchor in anchors)
            found.append(Example(event, features(article, event.candidate, event.when), label))
    return found


def fit(train: Sequence[Example]) -> dict[str, float]:
    """L2-regularised logistic regression (Newton's method) -> weight by feature name."""
    names = sorted({name for ex in train for name in ex.features})
    x = np.array([[ex.features.get(name, 0.0) for name in names] for ex in train])
    y = np.array([float(ex.label) for ex in train])
    w = np.zeros(len(names))
    penalty = np.full(len(names), L2)
    penalty[names.index("bias")] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {name: round(float(weight), 3) for name, weight in zip(names, w)}


def probabilities(weights: dict[str, float], exs: Sequence[Example]) -> list[float]:
    """The model's probability for each example."""
    z = [sum(weights.get(name, 0.0) * value for name, value in ex.features.items()) for ex in exs]
    return [float(p) for p in 1.0 / (1.0 + np.exp(-np.array(z)))]


def out_of_fold(exs: Sequence[Example], gold_ids: Sequence[str], extra: Sequence[Example]) -> list[float]:
    """Each example's probability from a model fitted on the other half of the stories (plus ``extra``)."""
    ordered = sorted(gold_ids)
    halves = (set(ordered[0::2]), set(ordered[1::2]))
    found = [0.0] * len(exs)
    for held, other in (halves, halves[::-1]):
        weights = fit([ex for ex in exs if ex.event.article.doc_id in other] + list(extra))
        index = [i for i, ex in enumerate(exs) if ex.event.article.doc_id in held]
        for i, p in zip(index, probabilities(weights, [exs[i] for i in index])):
            found[i] = p
    return found


def figures(exs: Sequence[Example], probs: Sequence[float], gold: dict[str, Any], threshold: float) -> dict:
    """Per-cluster figures on the gold articles of the examples kept at ``threshold``, and the occurred
    clusters of the other articles."""
    rows = [event_row(replace(ex.event, confidence=round(p, 3))) for ex, p in zip(exs, probs) if p >= threshold]
    df = event_table(rows)
    scored = score_clusters(gold, df[df["doc_id"].isin(gold)])
    others = df[~df["doc_id"].isin(gold) & (df["status"] == "occurred")]
    scored["clusters_without_gold"] = int(others["cluster_id"].nunique())
    return scored


def best_threshold(exs: Sequence[Example], probs: Sequence[float], gold: dict[str, Any]) -> float:
    """The highest threshold whose per-cluster F1 is within :data:`F1_TIE` of the best: out-of-fold F1 is
    flat over a range of thresholds, and among near-ties the higher one buys precision."""
    f1 = {t: figures(exs, probs, gold, t)["f1"] for t in THRESHOLDS}
    return max(t for t in THRESHOLDS if f1[t] >= max(f1.values()) - F1_TIE)


def summary(name: str, result: dict) -> str:
    """One line of figures."""
    return (f"{name}: F1 {result['f1']:.3f} (P {result['precision']:.3f} R {result['recall']:.3f}), "
            f"type {result['type_accuracy']:.3f}, date off pub-day {result['date_accuracy_off_pub_day']:.3f}, "
            f"clusters without gold {result.get('clusters_without_gold', '-')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--train", choices=("A", "B", "all"), default="A")
    parser.add_argument("--write", action="store_true", help="store the fitted model in the package")
    args = parser.parse_args()

    voa_gold = read_gold(args.shared / "data" / "voa" / "voa_gold.jsonl")
    dev_gold = read_gold(DEV_GOLD)
    nlp = load_nlp()
    voa = read_articles([args.shared / "data" / "voa" / "voa_stories.jsonl"])
    voa_examples = examples(voa, voa_gold, nlp)
    dev_examples = examples(read_articles([DEV_ARTICLES]), dev_gold, nlp)

    train_ids = split_ids(voa_gold, args.train)
    held_ids = split_ids(voa_gold, {"A": "B", "B": "A", "all": "all"}[args.train])
    training = [ex for ex in voa_examples if ex.event.article.doc_id in train_ids]
    weights = fit(training + dev_examples)
    train_gold = {k: v for k, v in voa_gold.items() if k in train_ids}
    threshold = best_threshold(training, out_of_fold(training, sorted(train_ids), dev_examples), train_gold)
    print(f"fitted on VOA {args.train} + dev: {len(training) + len(dev_examples)} candidates; "
          f"threshold {threshold} (the highest within {F1_TIE} of the best out-of-fold F1 "
          "on the training stories)")
    held_gold = {k: v for k, v in voa_gold.items() if k in held_ids}
    held = [ex for ex in voa_examples if ex.event.article.doc_id in held_ids or ex.event.article.doc_id not in voa_gold]
    if args.train == "all":
        print("held-out figures need --train A or B (a model fitted on all has no held-out stories)")
    else:
        held_probs = probabilities(weights, held)
        for label, t in (("held-out, no threshold", 0.0), ("held-out, threshold", threshold)):
            print(summary(label, figures(held, held_probs, held_gold, t)))
    dev_probs = probabilities(weights, dev_examples)
    for label, t in (("dev (trained on), no threshold", 0.0), ("dev (trained on), threshold", threshold)):
        print(summary(label, figures(dev_examples, dev_probs, dev_gold, t)))
    print(json.dumps(dict(sorted(weights.items(), key=lambda kv: -abs(kv[1]))), indent=0)[:1500])
    if args.write:
        note = (f"Fitted by benchmarks/fit_confidence.py --train {args.train} on the VOA gold stories of that split "
                "and the dev articles: the chance that a candidate's sentence holds a gold event.")
        model = {"note": note, "min_confidence": threshold, "weights": weights}
        resources.path(MODEL_FILE, lang="en").write_text(json.dumps(model, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
