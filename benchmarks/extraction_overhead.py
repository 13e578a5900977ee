"""Time spaCy's own pipeline against the full extraction on the dev articles.

Usage::

    python benchmarks/extraction_overhead.py [--repeat N] [--articles DIR]

Prints the seconds of ``nlp.pipe`` alone, of :func:`timeline.extract` on the same
texts, and the overhead ratio ``extract / pipe - 1`` (the target is at most 0.25).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import timeline
from timeline.nlp import load_nlp
from timeline.pipeline import BATCH_SIZE

DEFAULT_ARTICLES = Path(__file__).resolve().parents[1] / "tests" / "data" / "dev_articles"


def main() -> None:
    """Run the benchmark and print the timings and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="how many times the corpus is repeated")
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    args = parser.parse_args()
    nlp = load_nlp()
    articles = timeline.read_articles([args.articles]) * args.repeat
    timeline.extract(articles[:2], nlp=nlp)  # warm caches (rules, patterns) outside the timing
    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE):
        pass
    pipe_seconds = time.perf_counter() - start
    start = time.perf_counter()
    timeline.extract(articles, nlp=nlp)
    extract_seconds = time.perf_counter() - start
    print(f"articles: {len(articles)} ({args.repeat} x {len(articles) // args.repeat})")
    print(f"nlp.pipe alone: {pipe_seconds:.2f} s")
    print(f"full extract:   {extract_seconds:.2f} s")
    print(f"overhead: {extract_seconds / pipe_seconds - 1:+.1%} (target <= +25%)")


if __name__ == "__main__":
    main()
