"""The argument-agreement benchmark's name and place matching (benchmarks/argument_agreement.py)."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.conftest import load_benchmark


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("argument_agreement")


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
