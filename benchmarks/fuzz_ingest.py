"""Fuzz ingest and the temporal parser: the property tests of tests/test_ingest_properties.py
and tests/test_temporal_properties.py with 10,000 examples each.

Not run by CI (the test suite runs the same properties with 100 examples).

Usage:
    python benchmarks/fuzz_ingest.py [EXAMPLES]
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(examples: int = 10_000) -> int:
    """Run the ingest and temporal properties with ``examples`` examples each; return pytest's exit code."""
    env = {**os.environ, "TIMELINE_FUZZ_EXAMPLES": str(examples)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:warnings", "--hypothesis-show-statistics",
               str(ROOT / "tests" / "test_ingest_properties.py"), str(ROOT / "tests" / "test_temporal_properties.py")]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
