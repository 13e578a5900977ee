"""Property tests for ingest: arbitrary bytes as .txt/.jsonl/.csv/.html never raise and lose nothing.

The number of examples per property is ``TIMELINE_FUZZ_EXAMPLES`` (default 100);
``python benchmarks/fuzz_ingest.py`` runs them with 10,000 each.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.ingest import MAX_CHARS, iter_inputs
from timeline.types import Article, DocumentOutcome

EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
SUFFIXES = (".txt", ".jsonl", ".csv", ".html")
LIMIT = 2_000  # a small --max-chars, so that size limits are reached too


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _items(path: Path) -> list[Article | DocumentOutcome]:
    return list(iter_inputs([path], published="2024-11-22", max_chars=LIMIT))


def _assert_well_formed(items: list[Article | DocumentOutcome]) -> None:
    assert items, "every file yields at least one item"
    for item in items:
        if isinstance(item, DocumentOutcome):
            assert item.status == "skipped" and item.reason and "\n" not in item.reason
        else:
            assert isinstance(item, Article)
            assert item.text.strip() and len(item.text) <= LIMIT and item.published is not None


# the bytes a hostile file may hold: random bytes, and text in the encodings we decode
hostile_bytes = st.one_of(
    st.binary(max_size=4096),
    st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=1000).map(lambda t: t.encode("utf-16", "surrogatepass")),
    st.text(alphabet=st.characters(max_codepoint=255), max_size=2000).map(lambda t: t.encode("latin-1")),
)


@FUZZ
@given(raw=hostile_bytes, suffix=st.sampled_from(SUFFIXES), sidecar=st.none() | st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(folder, raw, suffix, sidecar):
    path = folder / f"doc{suffix}"
    path.write_bytes(raw)
    meta = path.with_suffix(".json")
    meta.unlink(missing_ok=True)
    if sidecar is not None:
        meta.write_bytes(sidecar)
    _assert_well_formed(_items(path))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
rows = st.dictionaries(st.sampled_from(["id", "text", "published", "title", "url", "source", "x"]),
                       json_values | st.text(max_size=300), max_size=6)


@FUZZ
@given(lines=st.lists(st.one_of(rows.map(json.dumps), st.text(max_size=80).filter(lambda s: "\n" not in s)),
                      min_size=1, max_size=12))
def test_jsonl_yields_one_item_per_non_blank_line(folder, lines):
    path = folder / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8", newline="\n")
    items = _items(path)
    _assert_well_formed(items)
    if "\x00" not in "".join(lines):  # zero bytes make the whole file binary: one skip
        assert len(items) == max(sum(1 for line in lines if line.strip()), 1)  # no rows: one skip


@FUZZ
@given(cells=st.lists(st.lists(st.text(max_size=40).filter(lambda s: "\x00" not in s),
                               min_size=3, max_size=3), max_size=10))
def test_csv_yields_one_item_per_record(folder, cells):
    import csv

    path = folder / "table.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "published", "text"])
        writer.writerows(cells)
    items = _items(path)
    _assert_well_formed(items)
    assert len(items) == max(len(cells), 1)  # no rows: one skip


def test_max_chars_default_is_spacys_max_length():
    import spacy

    assert spacy.blank("en").max_length == MAX_CHARS
