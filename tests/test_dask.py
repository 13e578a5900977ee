"""The dask engine: a two-worker local cluster gives the local engine's rows and counts every document."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tests.test_run import write_corpus
from timeline.frame import read_events
from timeline.runner import run_extraction

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("dask")
    corpus = write_corpus(folder, 80)
    inputs = [corpus, folder / "missing.txt"]
    local = run_extraction(inputs, out_dir=folder / "local", model="blank", formats=["csv", "parquet"])
    dask = run_extraction(inputs, out_dir=folder / "dask", model="blank", formats=["csv", "html"],
                          engine="dask", jobs=2)
    return folder, local, dask


def test_dask_rows_equal_local_rows(runs):
    _, local, dask = runs
    assert len(local.events) > 0
    assert list(dask.events["event_id"]) == list(local.events["event_id"])
    pd.testing.assert_frame_equal(dask.events, local.events)


def test_dask_report_counts_every_document(runs):
    folder, _, _ = runs
    report = json.loads((folder / "dask" / "report.json").read_text("utf-8"))
    assert report["engine"] == "dask"
    assert report["counts"]["documents"] == 81 and report["counts"]["skipped"] == 1


def test_dask_writes_partitioned_parquet_and_csv(runs):
    folder, local, _ = runs
    parts = sorted((folder / "dask" / "events.parquet").glob("part-*.parquet"))
    assert parts
    pd.testing.assert_frame_equal(read_events(folder / "dask" / "events.parquet"),
                                  read_events(folder / "local" / "events.parquet"))
    assert (folder / "dask" / "events.csv").exists() and (folder / "dask" / "timeline.html").exists()


def test_partitions_follow_input_documents(runs, tmp_path):
    from timeline.runner.dask_engine import write_partitioned

    folder, local, _ = runs
    entries = _entries(folder / "local")
    target = write_partitioned(local.events, entries, tmp_path, part_docs=20)
    assert len(list(target.glob("part-*.parquet"))) == 4
    pd.testing.assert_frame_equal(read_events(target), local.events)


def _entries(out):
    from timeline.runner.journal import JOURNAL_DIR, JOURNAL_NAME, Entry
    from timeline.types import DocumentOutcome

    lines = (out / JOURNAL_DIR / JOURNAL_NAME).read_text("utf-8").splitlines()[1:]
    records = sorted((json.loads(line) for line in lines), key=lambda r: r["seq"])
    return [Entry(r["seq"], DocumentOutcome(**r["outcome"]), r["rows"]) for r in records]
