"""Test cases as data: one JSON object a line in ``tests/cases/<name>.jsonl``.

A row may carry a ``note`` (why the case is there, or that it must fail); the tests ignore it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CASES = Path(__file__).parent


def rows(name: str, *fields: str) -> list[tuple[Any, ...]]:
    """The cases of ``<name>.jsonl`` as tuples of ``fields``, in file order.

    Raises:
        KeyError: a row lacks one of ``fields``.
    """
    with (CASES / f"{name}.jsonl").open(encoding="utf-8") as lines:
        return [tuple(record[field] for field in fields) for record in map(json.loads, lines) if record]
