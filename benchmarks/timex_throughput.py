"""Normalisation throughput of :func:`find_timexes` (expressions per second).

Usage: python benchmarks/timex_throughput.py [--rounds N] [--dates N] [--repeat N]

Each expression is a short phrase with a publication date. The engine is
warmed up first on an unrelated text (rule compilation and data loading are a
one-off cost per process, reported separately as "setup"). Then:

* cold: every (phrase, date) pair is new, so each goes through the full rule
  engine (no result cache hit). With --repeat N the cold pass is run N times on
  fresh dates and the best run is reported (the machine may be shared).
* warm: the same pairs again, served from the result cache.
"""

from __future__ import annotations

import argparse
import time
from datetime import date, timedelta

from timeline.temporal import find_timexes

PHRASES = [
    "on Tuesday",
    "early on Thursday",
    "last Friday",
    "next Saturday",
    "21 November 2024",
    "Nov. 21",
    "the 7th of October",
    "27/01/2025",
    "yesterday",
    "last week",
    "earlier this month",
    "three months ago",
    "5 a.m.",
    "1130 GMT",
    "Thursday morning",
    "overnight into Sunday",
    "1,000 days since the start of the Russian invasion",
    "day 471 of the war",
    "P3M three months",
    "almost three hours",
    "600 trucks a day",
    "nightly",
    "19-20 September",
    "late last year",
    "last summer",
    "the third quarter",
    "in the 1990s",
    "in 2014",
    "now",
    "a few days",
]


def expressions(n_dates: int) -> list[tuple[str, date]]:
    """Phrase x publication-date pairs."""
    start = date(2022, 1, 1)
    return [(p, start + timedelta(days=7 * k)) for k in range(n_dates) for p in PHRASES]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--dates", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    t0 = time.perf_counter()
    find_timexes("Warm-up: on Tuesday, 5 May 2020, at 5 a.m.", published=date(1999, 1, 1))
    setup = time.perf_counter() - t0
    best_cold, items = 0.0, []
    for r in range(args.repeat):
        items = [(p, d + timedelta(days=r)) for p, d in expressions(args.dates)]
        t0 = time.perf_counter()
        for text, published in items:
            find_timexes(text, published=published)
        best_cold = max(best_cold, len(items) / (time.perf_counter() - t0))
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for text, published in items:
            find_timexes(text, published=published)
    warm = time.perf_counter() - t0
    n = len(items)
    print(
        f"{n} expressions; setup {setup * 1000:.0f} ms; cold (uncached, best of {args.repeat}) "
        f"{best_cold:,.0f}/s; warm (cached) {n * args.rounds / warm:,.0f}/s"
    )


if __name__ == "__main__":
    main()
