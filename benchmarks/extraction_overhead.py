"""Time spaCy's own pipeline against the full extraction on the dev articles.

Usage::

    python benchmarks/extraction_overhead.py [--repeat N] [--runs R] [--articles DIR]

Prints the seconds of ``nlp.pipe`` alone (the pipeline :func:`timeline.nlp.load_nlp` loads: the model
with our rulers and its faster attribute ruler and lemmatizer), of :func:`timeline.extract` on the same
texts, and the overhead ratio ``extract / pipe - 1`` (the target is at most 0.25); then the model as
spaCy loads it (``spacy.load``, no rules of ours) on the same texts, and ``extract / stock pipe - 1``:
what the whole extraction costs over running the stock model alone.
The machine may be shared: the two are timed ``--runs`` times, alternately, and the
medians are compared. Each text of each run ends with its own tag, and the caches kept
per sentence or name are emptied before each run, so no text is found in the caches an
earlier one filled (real articles do not repeat); the tables loaded once stay loaded.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

import spacy

import timeline
from timeline.nlp import load_nlp
from timeline.nlp.load import choose_model
from timeline.pipeline import BATCH_SIZE

DEFAULT_ARTICLES = Path(__file__).resolve().parents[1] / "tests" / "data" / "dev_articles"


def main() -> None:
    """Run the benchmark and print the timings and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="how many times the corpus is repeated")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each side; medians are compared")
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    args = parser.parse_args()
    nlp = load_nlp()
    articles = timeline.read_articles([args.articles]) * args.repeat
    timeline.extract(articles, nlp=nlp)  # warm every lazy table (rules, gazetteer) outside the timing
    stock = spacy.load(choose_model())
    pipe_runs, extract_runs, stock_runs = [], [], []
    for run in range(1, args.runs + 1):
        texts = [dataclasses.replace(a, text=f"{a.text}\n\n{_tag(run, i)}") for i, a in enumerate(articles)]
        pipe_runs.append(_pipe_seconds(nlp, [a.text for a in texts]))
        clear_text_caches()
        start = time.perf_counter()
        timeline.extract(texts, nlp=nlp)
        extract_runs.append(time.perf_counter() - start)
        stock_runs.append(_pipe_seconds(stock, [a.text for a in texts]))
    pipe_seconds, extract_seconds = statistics.median(pipe_runs), statistics.median(extract_runs)
    stock_seconds = statistics.median(stock_runs)
    print(f"articles: {len(articles)} ({args.repeat} x {len(articles) // args.repeat}); "
          f"median of {args.runs} alternating runs")
    print(f"nlp.pipe alone: {pipe_seconds:.2f} s (runs {', '.join(f'{r:.2f}' for r in pipe_runs)})")
    print(f"full extract:   {extract_seconds:.2f} s (runs {', '.join(f'{r:.2f}' for r in extract_runs)})")
    print(f"overhead: {extract_seconds / pipe_seconds - 1:+.1%} (target <= +25%)")
    print(f"stock model alone (spacy.load): {stock_seconds:.2f} s (runs {', '.join(f'{r:.2f}' for r in stock_runs)})")
    print(f"full extract over the stock model: {extract_seconds / stock_seconds - 1:+.1%}")


def _pipe_seconds(nlp: spacy.language.Language, texts: list[str]) -> float:
    """Seconds ``nlp.pipe`` takes over the texts."""
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - start


def clear_text_caches() -> None:
    """Empty the package's caches kept per text (sentences, names: an ``lru_cache`` of more than one
    entry), so a run pays for every sentence; the tables loaded once (``maxsize=1`` or unbounded) stay."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("timeline"):
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and (info().maxsize or 0) > 1:
                value.cache_clear()


def _tag(run: int, number: int) -> str:
    """A word of letters unique to a run and a text (digits could read as a date)."""
    return "".join(chr(ord("a") + int(d)) for d in f"{run}{number:04d}")


if __name__ == "__main__":
    main()
