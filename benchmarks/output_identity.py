"""Check that a change leaves the tool's output identical: event tables and evaluation figures.

Usage::

    python benchmarks/output_identity.py save BASELINE_DIR [--shared ../shared]
    python benchmarks/output_identity.py compare BASELINE_DIR [--shared ../shared] [--skip-timex]

``save`` runs the command line on the dev articles, the VOA stories and the bundled examples, and keeps the
event tables (Parquet) with the printed figures of ``timeline evaluate`` and ``timeline evaluate-timex``.
``compare`` does the same again and compares: tables with ``pandas.testing.assert_frame_equal``, figures as
text. Run it from the checkout being checked (``python -m timeline`` imports the package from the current
folder).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd


def _inputs(shared: Path) -> dict[str, list[str]]:
    examples = str(Path("timeline") / "examples")
    return {
        "dev": [str(shared / "data" / "dev_articles")],
        "voa": [str(shared / "data" / "voa" / "voa_stories.jsonl")],
        "examples": [examples],
    }


def _timeline(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "timeline", *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"timeline {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def _tables(shared: Path) -> dict[str, pd.DataFrame]:
    tables = {}
    for name, paths in _inputs(shared).items():
        with tempfile.TemporaryDirectory() as out:
            _timeline("extract", *paths, "--out", out, "--format", "parquet", "--quiet")
            tables[name] = pd.read_parquet(Path(out) / "events.parquet")
    return tables


def _figures(shared: Path, skip_timex: bool) -> dict[str, str]:
    data = shared / "data"
    figures = {"evaluate_dev": _timeline("evaluate", str(data / "dev_gold.jsonl"), str(data / "dev_articles"))}
    if not skip_timex:
        figures["evaluate_timex"] = _timeline("evaluate-timex", str(data / "tempeval3" / "train"))
    return figures


def _same_resolution(table: pd.DataFrame) -> pd.DataFrame:
    """The table with its datetime columns at one resolution (nanoseconds).

    The date columns became second-resolution (``datetime64[s]``) so that years outside pandas'
    nanosecond range fit; a baseline saved before that compares by value, not by storage unit.
    """
    return table.astype({c: "datetime64[ns]" for c in table.columns if str(table[c].dtype).startswith("datetime64")})


def save(baseline: Path, shared: Path, skip_timex: bool) -> None:
    """Write the current tables and figures to ``baseline``."""
    baseline.mkdir(parents=True, exist_ok=True)
    for name, table in _tables(shared).items():
        table.to_parquet(baseline / f"{name}.parquet")
        print(f"{name}: {len(table)} events")
    for name, text in _figures(shared, skip_timex).items():
        (baseline / f"{name}.txt").write_text(text)
        print(f"{name}:\n{text}")


def compare(baseline: Path, shared: Path, skip_timex: bool) -> int:
    """Compare the current output with ``baseline``; return the number of differences."""
    differences = 0
    for name, table in _tables(shared).items():
        expected = pd.read_parquet(baseline / f"{name}.parquet")
        try:
            pd.testing.assert_frame_equal(_same_resolution(table), _same_resolution(expected))
            print(f"{name}: identical ({len(table)} events)")
        except AssertionError as error:
            differences += 1
            print(f"{name}: DIFFERENT\n{error}")
    for name, text in _figures(shared, skip_timex).items():
        expected_text = (baseline / f"{name}.txt").read_text()
        same = text == expected_text
        differences += not same
        print(f"{name}: {'identical' if same else 'DIFFERENT'}")
        if not same:
            print(f"expected:\n{expected_text}\ngot:\n{text}")
    return differences


def main() -> None:
    """Parse the command line and save or compare."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("baseline", type=Path)
    parser.add_argument("--shared", type=Path, default=Path("..") / "shared")
    parser.add_argument("--skip-timex", action="store_true", help="leave out evaluate-timex (slow)")
    args = parser.parse_args()
    if args.action == "save":
        save(args.baseline, args.shared, args.skip_timex)
    else:
        sys.exit(1 if compare(args.baseline, args.shared, args.skip_timex) else 0)


if __name__ == "__main__":
    main()
