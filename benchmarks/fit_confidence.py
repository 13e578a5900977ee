"""Fit the confidence model (timeline/resources/en/confidence_model.json) on gold news stories.

Usage::

    python benchmarks/fit_confidence.py [--shared DIR] [--train A|B|all]
        [--extra STORIES GOLD [A|B|all]]... [--evaluate STORIES GOLD [A|B|all]]...
        [--l2 WEIGHT] [--f1-tie DIFFERENCE] [--write]

Every candidate the extractor makes on the training stories is one example: the gold VOA
stories of the ``--train`` split (issue 13: gold story ids sorted, even positions are A, odd B),
the gold stories of each ``--extra`` set (its split the same way, ``all`` by default) and the
written dev articles (tests/data). Its label is whether its sentence holds the anchor of a gold
event of its article (any status). The model is an L2-regularised logistic regression over
:func:`timeline.events.confidence.features`. The threshold (``min_confidence``) is the highest
one whose event F1, scored per cluster over all the training stories, is within ``--f1-tie`` of
the best with out-of-fold probabilities (each half of every set's stories scored by a model
fitted on the other halves and the dev articles), so that it is not chosen on fitted rows.

The script prints the per-cluster figures (as ``../shared/tools/eval_events.py --clusters``)
with the fitted model at its threshold and with the shipped one at its own (fitted on whatever its
note says, so possibly in-sample), on the VOA split left out (B when training on A, A on B; all,
in-sample, on ``all``) with the occurred clusters of the VOA stories without gold, and on each
``--evaluate`` set (its split as for ``--extra``; a set that shares stories with the training is
marked in-sample). The candidates are scored as a run at that threshold would report them: the
probability rounded as the pipeline rounds it, and a headline's event told by the body dropped
among the kept events only, so the shipped model's figures are those of ``timeline extract``.
``--write`` stores the weights and the threshold in the package.

Ship a model fitted on every gold set except the ones kept for evaluation only after its cross fits
(train on one half of a set, evaluate on the other) help on every set, and after the ACLED figures
(``benchmarks/acled_errors.py``) hold: the shared ACLED scorer takes each note's highest-confidence
event, so new weights re-rank the events of a note.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from timeline import resources
from timeline.evaluation import read_gold
from timeline.evaluation.clusters import fold_snippet, score_clusters
from timeline.events.confidence import MODEL_FILE, features, model
from timeline.frame import event_row
from timeline.ingest import read_articles
from timeline.nlp import load_nlp
from timeline.pipeline import BATCH_SIZE, doc_events, event_table
from timeline.title_lines import body_events
from timeline.types import Article, Event

REPO = Path(__file__).resolve().parent.parent
DEV_GOLD = REPO / "tests" / "data" / "dev_gold.jsonl"
DEV_ARTICLES = REPO / "tests" / "data" / "dev_articles"
THRESHOLDS = [round(0.05 * step, 2) for step in range(0, 14)]
SPLITS = ("A", "B", "all")
#: Out-of-fold F1 differences smaller than this are noise (one or two stories' clusters).
F1_TIE = 0.005
L2 = 1.0
#: ``--extra`` and ``--evaluate``: a stories file (or folder), its gold and the split used.
SetOption = tuple[Path, Path, str]
#: Weights by feature name and the threshold.
Model = tuple[dict[str, float], float]


@dataclass
class Example:
    """One candidate: its event, features, gold label and its article's parse (for :func:`body_events`)."""

    event: Event
    features: dict[str, float]
    label: bool
    doc: Doc


@dataclass(frozen=True)
class StorySet:
    """The candidates of some stories and the gold of the scored ones (stories without gold only
    count their occurred clusters)."""

    name: str
    examples: list[Example]
    gold: dict[str, Any]

    def doc_ids(self) -> set[str]:
        """The ids of the stories whose candidates the set holds."""
        return {ex.event.article.doc_id for ex in self.examples} | set(self.gold)


def split_ids(gold: dict[str, Any], split: str) -> set[str]:
    """The story ids of a split (issue 13 protocol: ids sorted, even positions A, odd B)."""
    ids = sorted(gold)
    return set(ids if split == "all" else ids[0::2] if split == "A" else ids[1::2])


def examples(articles: Sequence[Article], gold: dict[str, Any], nlp: Any) -> list[Example]:
    """Every candidate of the articles, labelled by the gold anchors of its article."""
    found = []
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=BATCH_SIZE):
        anchors = [fold_snippet(e.get("anchor")) for e in gold.get(article.doc_id, {}).get("events", [])]
        for event in doc_events(doc, article, min_confidence=0.0):
            sentence = fold_snippet(event.candidate.sentence)
            label = any(anchor and anchor in sentence for anchor in anchors)
            found.append(Example(event, features(article, event.candidate, event.when), label, doc))
    return found


def story_set(name: str, exs: Sequence[Example], gold: dict[str, Any], split: str, *,
              with_ungolded: bool = False) -> StorySet:
    """The examples and gold of one split of a set; ``with_ungolded`` adds the stories without gold."""
    ids = split_ids(gold, split)
    kept = [ex for ex in exs if ex.event.article.doc_id in ids
            or (with_ungolded and ex.event.article.doc_id not in gold)]
    return StorySet(f"{name} {split}", kept, {k: v for k, v in gold.items() if k in ids})


def load_set(stories: Path, gold_path: Path, nlp: Any) -> tuple[list[Example], dict[str, Any]]:
    """The labelled candidates of a stories file (or folder) and its gold."""
    gold = read_gold(gold_path)
    return examples(read_articles([stories]), gold, nlp), gold


def fit(train: Sequence[Example], l2: float = L2) -> dict[str, float]:
    """L2-regularised logistic regression (Newton's method) -> weight by feature name."""
    names = sorted({name for ex in train for name in ex.features})
    x = np.array([[ex.features.get(name, 0.0) for name in names] for ex in train])
    y = np.array([float(ex.label) for ex in train])
    w = np.zeros(len(names))
    penalty = np.full(len(names), l2)
    penalty[names.index("bias")] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {name: round(float(weight), 3) for name, weight in zip(names, w, strict=True)}


def probabilities(weights: dict[str, float], exs: Sequence[Example]) -> list[float]:
    """The model's probability for each example."""
    z = [sum(weights.get(name, 0.0) * value for name, value in ex.features.items()) for ex in exs]
    return [float(p) for p in 1.0 / (1.0 + np.exp(-np.array(z)))]


def merged(sets: Sequence[StorySet], name: str) -> StorySet:
    """The sets as one (their story ids must not clash)."""
    ids = [doc_id for s in sets for doc_id in s.doc_ids()]
    if len(ids) != len(set(ids)):
        raise SystemExit(f"{name}: story ids shared between sets")
    gold = {k: v for s in sets for k, v in s.gold.items()}
    return StorySet(name, [ex for s in sets for ex in s.examples], gold)


def halves(sets: Sequence[StorySet]) -> tuple[set[str], set[str]]:
    """Two halves of the gold stories of the sets, each set's sorted ids alternating."""
    first: set[str] = set()
    second: set[str] = set()
    for s in sets:
        first |= split_ids(s.gold, "A")
        second |= split_ids(s.gold, "B")
    return first, second


def out_of_fold(sets: Sequence[StorySet], extra: Sequence[Example], l2: float = L2) -> list[float]:
    """Each example of the merged sets' probability from a model fitted on the other half of every set's
    stories (plus ``extra``)."""
    exs = merged(sets, "training").examples
    found = [0.0] * len(exs)
    parts = halves(sets)
    for held, other in (parts, parts[::-1]):
        weights = fit([ex for ex in exs if ex.event.article.doc_id in other] + list(extra), l2)
        index = [i for i, ex in enumerate(exs) if ex.event.article.doc_id in held]
        for i, p in zip(index, probabilities(weights, [exs[i] for i in index]), strict=True):
            found[i] = p
    return found


def figures(exs: Sequence[Example], probs: Sequence[float], gold: dict[str, Any], threshold: float) -> dict:
    """Per-cluster figures on the gold articles of the examples kept at ``threshold``, and the occurred
    clusters of the other articles (the probability rounded to three places first, as the pipeline does)."""
    rated = [(ex, round(p, 3)) for ex, p in zip(exs, probs, strict=True) if round(p, 3) >= threshold]
    kept = kept_events_by_article(ex for ex, _ in rated)
    rows = [event_row(replace(ex.event, confidence=p)) for ex, p in rated
            if any(ex.event is event for event in kept[ex.event.article.doc_id])]
    df = event_table(rows)
    scored = score_clusters(gold, df[df["doc_id"].isin(gold)])
    others = df[~df["doc_id"].isin(gold) & (df["status"] == "occurred")]
    clusters = others["cluster_id"].fillna(others["event_id"])
    scored["clusters_without_gold"] = len(set(zip(others["doc_id"], clusters, strict=True)))
    return scored


def kept_events_by_article(kept: Iterable[Example]) -> dict[str, list[Event]]:
    """The events kept at a threshold by article id, less the title lines' events the body tells, as the
    pipeline leaves them out among these (:func:`body_events` in :func:`doc_events`), not among every candidate."""
    found: dict[str, list[Example]] = defaultdict(list)
    for ex in kept:
        found[ex.event.article.doc_id].append(ex)
    return {doc_id: body_events(exs[0].doc, [ex.event for ex in exs]) for doc_id, exs in found.items()}


def best_threshold(exs: Sequence[Example], probs: Sequence[float], gold: dict[str, Any],
                   f1_tie: float = F1_TIE) -> float:
    """The highest threshold whose per-cluster F1 is within ``f1_tie`` of the best: out-of-fold F1 is
    flat over a range of thresholds, and among near-ties the higher one buys precision."""
    f1 = {t: figures(exs, probs, gold, t)["f1"] for t in THRESHOLDS}
    return max(t for t in THRESHOLDS if f1[t] >= max(f1.values()) - f1_tie)


def summary(name: str, result: dict) -> str:
    """One line of figures."""
    return (f"{name}: F1 {result['f1']:.3f} (P {result['precision']:.3f} R {result['recall']:.3f}), "
            f"type {result['type_accuracy']:.3f}, "
            f"date off pub-day {result['date_accuracy_off_pub_day']:.3f}, "
            f"clusters without gold {result.get('clusters_without_gold', '-')}")


def report(evaluation: StorySet, fitted: Model, training: StorySet) -> list[str]:
    """The lines of figures on one evaluation set: the fitted model and the shipped one, each at its own
    threshold."""
    shipped = model()
    models = {"fitted": fitted, "shipped": (shipped["weights"], float(shipped["min_confidence"]))}
    in_sample = " (in-sample)" if evaluation.doc_ids() & set(training.gold) else ""
    lines = []
    for label, (weights, threshold) in models.items():
        probs = probabilities(weights, evaluation.examples)
        result = figures(evaluation.examples, probs, evaluation.gold, threshold)
        lines.append(summary(f"{evaluation.name}{in_sample}, {label} model at {threshold}", result))
    return lines


def set_option(values: Sequence[str]) -> SetOption:
    """``STORIES GOLD [SPLIT]`` of ``--extra`` and ``--evaluate`` -> paths and split (``all`` by default)."""
    if len(values) not in (2, 3) or (len(values) == 3 and values[2] not in SPLITS):
        raise SystemExit(f"expected STORIES GOLD [A|B|all], got {' '.join(values)}")
    return Path(values[0]), Path(values[1]), values[2] if len(values) == 3 else "all"


def arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--train", choices=SPLITS, default="A", help="the VOA split trained on")
    parser.add_argument("--extra", nargs="+", action="append", default=[], metavar="STORIES GOLD [SPLIT]",
                        help="another story set with gold to train on (repeatable)")
    parser.add_argument("--evaluate", nargs="+", action="append", default=[], metavar="STORIES GOLD [SPLIT]",
                        help="a story set with gold to report figures on (repeatable)")
    parser.add_argument("--l2", type=float, default=L2, help="the L2 penalty of every weight but the bias")
    parser.add_argument("--f1-tie", type=float, default=F1_TIE, help="out-of-fold F1 differences that tie")
    parser.add_argument("--write", action="store_true", help="store the fitted model in the package")
    args = parser.parse_args()
    args.extra = [set_option(values) for values in args.extra]
    args.evaluate = [set_option(values) for values in args.evaluate]
    return args


class Loader:
    """Parses each stories file once."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.cache: dict[tuple[Path, Path], tuple[list[Example], dict[str, Any]]] = {}

    def split(self, stories: Path, gold: Path, split: str, *, with_ungolded: bool = False) -> StorySet:
        """One split of a stories file with its gold, named after the file."""
        key = (stories.resolve(), gold.resolve())
        if key not in self.cache:
            self.cache[key] = load_set(stories, gold, self.nlp)
        exs, golds = self.cache[key]
        return story_set(_set_name(stories), exs, golds, split, with_ungolded=with_ungolded)


def _set_name(stories: Path) -> str:
    return f"{stories.parent.name}/{stories.stem}" if stories.is_file() else stories.name


def recipe(args: argparse.Namespace) -> str:
    """The training recipe in words, for the output and the model's note."""
    extras = "".join(f" --extra {_short(stories)} {_short(gold)} {split}"
                     for stories, gold, split in args.extra)
    return f"--train {args.train}{extras} --l2 {args.l2} --f1-tie {args.f1_tie}"


def _short(path: Path) -> str:
    """A path as its folder and name (the model's note names no machine's folders)."""
    return f"{path.parent.name}/{path.name}" if path.parent.name else str(path)


def write_model(weights: dict[str, float], threshold: float, args: argparse.Namespace) -> None:
    """Store the fitted weights and threshold in the package."""
    note = (f"Fitted by benchmarks/fit_confidence.py {recipe(args)} on the gold stories of those sets "
            "and the dev articles: the chance that a candidate's sentence holds a gold event.")
    fitted = {"note": note, "min_confidence": threshold, "weights": weights}
    resources.path(MODEL_FILE, lang="en").write_text(json.dumps(fitted, indent=1) + "\n", "utf-8")


def fitted_model(parts: Sequence[StorySet], dev: StorySet, args: argparse.Namespace) -> Model:
    """The weights fitted on the parts and the dev articles, and the threshold chosen out of fold."""
    training = merged(parts, "training")
    weights = fit(training.examples + dev.examples, args.l2)
    probs = out_of_fold(parts, dev.examples, args.l2)
    threshold = best_threshold(training.examples, probs, training.gold, args.f1_tie)
    print(f"fitted ({recipe(args)}) on {', '.join(p.name for p in parts)} and dev: "
          f"{len(training.examples) + len(dev.examples)} candidates; threshold {threshold} "
          f"(the highest within {args.f1_tie} of the best out-of-fold F1 on the training stories)")
    return weights, threshold


def main() -> int:
    """Fit, report and (with ``--write``) store the model."""
    args = arguments()
    loader = Loader(load_nlp())
    voa = args.shared / "data" / "voa"
    voa_paths = (voa / "voa_stories.jsonl", voa / "voa_gold.jsonl")
    dev = replace(loader.split(DEV_ARTICLES, DEV_GOLD, "all"), name="dev (trained on)")
    parts = [loader.split(*voa_paths, args.train)] + [loader.split(*option) for option in args.extra]
    weights, threshold = fitted_model(parts, dev, args)
    training = merged(parts, "training")
    left_out = {"A": "B", "B": "A", "all": "all"}[args.train]
    evaluations = [loader.split(*voa_paths, left_out, with_ungolded=True)]
    evaluations += [loader.split(*option) for option in args.evaluate]
    for evaluation in [*evaluations, dev]:
        print("\n".join(report(evaluation, (weights, threshold), training)))
    print(json.dumps(dict(sorted(weights.items(), key=lambda kv: -abs(kv[1]))), indent=0)[:1500])
    if args.write:
        write_model(weights, threshold, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
