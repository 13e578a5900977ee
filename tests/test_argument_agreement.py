"""The argument-agreement benchmark's name and place matching (benchmarks/argument_agreement.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """The benchmark script, imported by path (it imports voa_errors from its own folder)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        path = BENCHMARKS / "argument_agreement.py"
        spec = importlib.util.spec_from_file_location("argument_agreement", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


@pytest.mark.parametrize(("a", "b", "agree"), [
    ("Hamas", "Hamas fighters", True),
    ("Vladimir Putin", "Putin", True),
    ("Russia", "Russian forces", True),  # a country named whole, read from the other's demonym
    ("the Kremlin", "Russia", True),
    ("Moscow", "Russian Defense Ministry", True),
    ("U.S.", "United States", True),
    ("Russia's", "Russia", True),
    ("Boko Haram’s", "Boko Haram", True),
    ("Russian forces", "Russian Defense Ministry", False),  # neither names the country whole
    ("Israel", "Hamas", False),
    ("Turkey", "Russia", False),
])
def test_names_agree(bench: ModuleType, a: str, b: str, agree: bool) -> None:
    assert bench.names_agree(a, b) is agree


@pytest.mark.parametrize(("location", "below", "countries"), [
    ("Ankara, Turkey", ["Ankara"], {"TUR"}),
    ("Turkey", ["Turkey"], {"TUR"}),
    ("Iran / Turkey", ["Iran", "Turkey"], {"IRN", "TUR"}),
    ("", [], set()),
])
def test_gold_places(bench: ModuleType, location: str, below: list[str], countries: set[str]) -> None:
    assert bench.gold_places(location) == (below, countries)
