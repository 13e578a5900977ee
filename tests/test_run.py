"""The run: engines give the same table, a failing document is skipped, the report covers every input."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pandas as pd
import pytest

from timeline import pipeline
from timeline.ingest import read_articles
from timeline.runner import extract_batch, run_extraction, stderr_progress


def write_corpus(folder: Path, documents: int, *, seed: int = 7) -> Path:
    """A JSON Lines feed of news-like articles: the examples' sentences recombined, varied dates."""
    from timeline.examples import examples_dir

    sentences = [s for a in read_articles([examples_dir()])
                 for s in re.split(r"(?<=[.!?])\s+", a.text) if len(s) > 40]
    rng = random.Random(seed)
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number in range(documents):
            published = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            row = {"id": f"doc-{number}", "published": published, "text": " ".join(rng.sample(sentences, 6))}
            handle.write(json.dumps(row) + "\n")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), 70)


def test_two_processes_give_the_same_table_as_one(corpus):
    one = run_extraction([corpus], out_dir=None, model="blank", jobs=1)
    two = run_extraction([corpus], out_dir=None, model="blank", jobs=2)
    assert len(one.events) > 0
    pd.testing.assert_frame_equal(one.events, two.events)
    assert one.outcomes == two.outcomes


@pytest.mark.slow
def test_two_processes_with_the_model_give_the_same_table(tmp_path, model_nlp):
    from timeline.examples import examples_dir

    one = run_extraction([examples_dir()], out_dir=None, jobs=1)
    two = run_extraction([examples_dir()], out_dir=None, jobs=2)
    pd.testing.assert_frame_equal(one.events, two.events)


@pytest.mark.parametrize("journal", ["memory", "disk"])
def test_run_matches_the_python_api(corpus, tmp_path, journal):
    from timeline.pipeline import extract

    run = run_extraction([corpus], out_dir=tmp_path if journal == "disk" else None, model="blank",
                         formats=["csv"])
    api = extract(read_articles([corpus]), model="blank")
    pd.testing.assert_frame_equal(run.events, api)


def test_a_failing_document_is_skipped_and_the_batch_goes_on(monkeypatch):
    from timeline.types import Article

    real = pipeline.doc_events

    def flaky(doc, article):
        if article.doc_id == "bad":
            raise RuntimeError("boom\nsecond line")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "doc_events", flaky)
    text = "Russia launched a missile at Dnipro on Thursday, officials said."
    batch = [(n, Article(name, text, pd.Timestamp("2024-11-22").date(), origin=f"{name}.txt"))
             for n, name in enumerate(["a", "bad", "c"])]
    entries = extract_batch(batch, "blank")
    assert [e.outcome.status for e in entries] == ["processed", "skipped", "processed"]
    assert entries[1].outcome.reason == "extraction failed (RuntimeError: boom second line)"
    assert entries[0].rows and entries[2].rows


def test_report_lists_every_input_and_progress_is_called(corpus, tmp_path):
    calls: list[tuple[int, int, int]] = []
    result = run_extraction([corpus, tmp_path / "missing.txt"], out_dir=tmp_path / "out", model="blank",
                            formats=["csv"], progress=lambda d, e, s, _: calls.append((d, e, s)))
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert report["counts"]["documents"] == 71 and report["counts"]["skipped"] == 1
    assert calls[-1] == (71, len(result.events), 1)
    assert (tmp_path / "out" / "events.csv").exists()


def test_no_output_folder_writes_nothing(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run_extraction([corpus], out_dir=None, model="blank")
    assert list(tmp_path.iterdir()) == []


def test_progress_is_silent_off_a_terminal(capsys):
    stderr_progress(every=0)(10, 5, 1, 2.0)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("args", [
    ["--jobs", "0"],
    ["--engine", "spark"],
    ["--scheduler", "tcp://127.0.0.1:8786"],
], ids=["jobs-0", "unknown-engine", "scheduler-without-dask"])
def test_scaling_option_errors_exit_2(args):
    from typer.testing import CliRunner

    from timeline.cli import app

    result = CliRunner().invoke(app, ["extract", "x.txt", *args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
