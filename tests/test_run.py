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

    def flaky(doc, article, **options):
        if article.doc_id == "bad":
            raise RuntimeError("boom\nsecond line")
        return real(doc, article, **options)

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


def _dated_event(doc_id: str, when: tuple[str, str, str, str]):
    """An Event dated ``when`` = (date, first instant, last instant, precision)."""
    from datetime import date, datetime

    from timeline.types import Article, Candidate, Event, ResolvedDate

    sentence = "The fortress was first mentioned in 1052."
    candidate = Candidate("milestone_or_anniversary", "mentioned", 21, 30, 0, len(sentence), sentence)
    resolved = ResolvedDate(when[0], datetime.fromisoformat(when[1]), datetime.fromisoformat(when[2]),
                            when[3], "explicit", when[0])  # type: ignore[arg-type]
    article = Article(doc_id, sentence, date(2024, 11, 22), origin=f"{doc_id}.txt")
    return Event(f"e-{doc_id}", article, candidate, resolved, "headline", 0.5)


#: (date, first instant, last instant, precision): years outside pandas' nanosecond range included
FAR_DATES = [
    ("1052", "1052-01-01T00:00:00", "1052-12-31T23:59:59", "year"),
    ("2999-06", "2999-06-01T00:00:00", "2999-06-30T23:59:59", "month"),
    ("0800-12-25", "0800-12-25T00:00:00", "0800-12-25T23:59:59", "day"),
    ("2024-11-21", "2024-11-21T00:00:00", "2024-11-21T23:59:59", "day"),
]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_years_outside_the_nanosecond_range_are_kept_through_every_format(tmp_path, fmt):
    from timeline.export import write_outputs
    from timeline.frame import check_rules, event_row, read_events
    from timeline.pipeline import event_table

    df = event_table([event_row(_dated_event(f"d{n}", when)) for n, when in enumerate(FAR_DATES)])
    assert str(df["date_start"].dtype) == "datetime64[s]" and check_rules(df) == []
    assert [t.isoformat() for t in df["date_start"]] == [w[1] for w in FAR_DATES]
    assert [t.isoformat() for t in df["date_end"]] == [w[2] for w in FAR_DATES]
    path = write_outputs(df, tmp_path, [fmt, "html", "geojson", "timelinejs"])[fmt]
    pd.testing.assert_frame_equal(read_events(path), df)


def test_a_document_whose_rows_fail_is_skipped_and_the_others_are_written(corpus, tmp_path, monkeypatch):
    import timeline.pipeline as pipeline

    real = pipeline.event_row

    def bad_for_doc_3(event):
        row = real(event)
        return {**row, "actors": 3} if event.article.doc_id == "doc-3" else row  # not a list: fails the table

    monkeypatch.setattr(pipeline, "event_row", bad_for_doc_3)
    warnings: list[str] = []
    result = run_extraction([corpus], out_dir=tmp_path / "out", model="blank", formats=["csv"],
                            warn=warnings.append)
    bad = [o for o in result.outcomes if o.doc_id == "doc-3"]
    assert bad[0].status == "skipped" and bad[0].reason.startswith("its events could not join the table (")
    assert any(w.startswith(f"skipped {corpus}:4: its events could not join the table") for w in warnings)
    assert result.processed == 69 and "doc-3" not in set(result.events["doc_id"])
    assert (tmp_path / "out" / "events.csv").exists()


def test_a_run_with_its_output_inside_its_input_ends_and_reads_nothing_of_its_own(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from timeline.cli import app

    write_corpus(tmp_path, 12)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("Russia launched a missile at Dnipro on Thursday.")
    monkeypatch.chdir(tmp_path)
    args = ["extract", ".", "--out", "out", "--model", "blank", "-f", "csv,jsonl,html,geojson,timelinejs"]
    for _ in range(2):  # the second run finds the first one's outputs in its input folder
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
        assert [d["origin"] for d in report["documents"]] == [f"corpus.jsonl:{n}" for n in range(1, 13)]
        assert {(i["path"], i["reason"]) for i in report["left_out"]} == {
            (".git", "hidden folder"), ("out", "the run's output folder")}
        assert "left out out: the run's output folder" in result.output


def test_exports_keep_their_ids_unique_when_an_article_is_given_twice(tmp_path):
    from timeline.examples import examples_dir
    from timeline.frame import check_rules

    copy = tmp_path / "copy"
    copy.mkdir()
    for path in examples_dir().glob("seed.*"):
        (copy / path.name).write_bytes(path.read_bytes())
    result = run_extraction([examples_dir(), copy], out_dir=tmp_path / "out", model="blank",
                            formats=["geojson", "timelinejs"])
    duplicate = [o for o in result.outcomes if o.origin == str(copy / "seed.txt")]
    assert duplicate[0].status == "skipped" and duplicate[0].reason.startswith("duplicate of ")
    features = json.loads((tmp_path / "out" / "events.geojson").read_text("utf-8"))["features"]
    slides = json.loads((tmp_path / "out" / "timeline.json").read_text("utf-8"))["events"]
    geo_ids = [f.get("id", f["properties"].get("event_id")) for f in features]
    slide_ids = [s["unique_id"] for s in slides]
    assert slides and len(set(slide_ids)) == len(slide_ids)
    assert len(set(geo_ids)) == len(geo_ids)
    assert check_rules(result.events) == []


def test_the_same_text_under_two_ids_is_read_twice_and_clustered_once(tmp_path):
    from timeline.examples import examples_dir

    copy = tmp_path / "copy"
    copy.mkdir()
    sidecar = json.loads((examples_dir() / "seed.json").read_text("utf-8"))
    (copy / "reprint.json").write_text(json.dumps({**sidecar, "id": "seed-reprint"}), "utf-8")
    (copy / "reprint.txt").write_bytes((examples_dir() / "seed.txt").read_bytes())
    result = run_extraction([examples_dir() / "seed.txt", copy], out_dir=tmp_path / "out", model="blank")
    outcomes = {o.doc_id: o for o in result.outcomes}
    assert outcomes["seed-reprint"].status == "processed"
    assert outcomes["seed-reprint"].reason.startswith("the same text as ")
    by_doc = result.events.groupby("doc_id")["cluster_id"].agg(set)
    assert result.events["date_start"].isna().any() and by_doc["seed"] == by_doc["seed-reprint"]


NO_PANDAS_RUN = """
import os, sys
from pathlib import Path
import timeline.runner.run as run

seen = {}
build_table = run._table


def table(*args, **kwargs):
    seen.update(pandas="pandas" in sys.modules, threads=len(os.listdir("/proc/self/task")))
    return build_table(*args, **kwargs)


run._table = table
result = run.run_extraction([Path(sys.argv[1])], out_dir=sys.argv[2], model="blank", formats=["csv"])
print(seen["pandas"], seen["threads"], len(result.events))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_a_run_extracts_without_pandas_in_one_thread(corpus, tmp_path):
    """Extraction makes rows without loading pandas (and pyarrow, which starts a thread): with numpy's
    BLAS kept to one thread, as the command line does, nothing starts a second thread before the table."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, "-c", NO_PANDAS_RUN, str(corpus), str(tmp_path / "out")],
                          capture_output=True, text=True, env=env, check=True)
    loaded, threads, events = done.stdout.split()
    assert (loaded, threads) == ("False", "1")
    assert int(events) > 0
