"""The keyword baseline the real-news figures are compared with (benchmarks/keyword_baseline.py)."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.conftest import load_benchmark


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("keyword_baseline")


STORY = {"id": "s1", "published": "2024-03-08T10:00:00Z",
         "text": "Rebels attacked an army post on Tuesday. The weather was mild.\n"
                 "Protesters marched in the capital. Officials held talks in Geneva on March 1."}


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels attacked a post. Police arrested 12.", ["Rebels attacked a post.", "Police arrested 12."]),
    ("Title line\nFirst sentence. Second one.", ["Title line", "First sentence.", "Second one."]),
    ("He spoke. then he left.", ["He spoke. then he left."]),  # no capital after the stop: one sentence
])
def test_sentences(bench: ModuleType, text: str, expected: list[str]) -> None:
    assert bench.sentences(text) == expected


def test_story_events_type_date_and_cluster(bench: ModuleType) -> None:
    pattern, types = bench.keyword_pattern()
    rows = bench.story_events(STORY, pattern, types)
    assert [(r["event_type"], r["date"]) for r in rows] == [
        ("armed_clash", "2024-03-05"),  # "on Tuesday" before a Friday publication
        ("protest", "2024-03-08"),  # no date: the publication day; a capital at the sentence start
        ("diplomacy_talks", "2024-03-01"),  # "March 1" is no march
    ]
    assert len({r["cluster_id"] for r in rows}) == 3
    assert "weather" not in " ".join(r["sentence"] for r in rows)  # no keyword, no event
