"""--resume: a run killed part-way and started again ends with the same table as an uninterrupted run."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from tests.test_run import write_corpus
from timeline.cli import app
from timeline.frame import read_events
from timeline.runner.journal import JOURNAL_DIR, JOURNAL_NAME

DOCUMENTS = 160


def _extract(corpus: Path, out: Path, *extra: str) -> list[str]:
    return ["extract", str(corpus), "--out", str(out), "--model", "blank", "--format", "csv,jsonl", "--quiet",
            *extra]


def _journaled(out: Path) -> int:
    path = out / JOURNAL_DIR / JOURNAL_NAME
    return max(path.read_bytes().count(b"\n") - 1, 0) if path.exists() else 0


def _kill_part_way(corpus: Path, out: Path) -> int:
    """Start a run in a subprocess, kill it once a first batch is journaled; return the documents done."""
    run = subprocess.Popen([sys.executable, "-m", "timeline", *_extract(corpus, out)])
    deadline = time.monotonic() + 120
    while _journaled(out) < 20 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    return _journaled(out)


def test_killed_run_resumes_to_the_same_table(tmp_path):
    corpus = write_corpus(tmp_path, DOCUMENTS)
    killed = tmp_path / "killed"
    done = _kill_part_way(corpus, killed)
    assert 0 < done < DOCUMENTS and not (killed / "report.json").exists()
    with (killed / JOURNAL_DIR / JOURNAL_NAME).open("ab") as journal:
        journal.write(b'{"seq": 150, "outcome": {"doc_')  # a line torn by the kill

    resumed = CliRunner().invoke(app, _extract(corpus, killed, "--resume"))
    whole = CliRunner().invoke(app, _extract(corpus, tmp_path / "whole"))

    assert resumed.exit_code == 0 and whole.exit_code == 0, resumed.output + whole.output
    report = json.loads((killed / "report.json").read_text("utf-8"))
    assert report["resumed"] == done
    assert report["counts"]["documents"] == report["counts"]["processed"] == DOCUMENTS
    assert report == {**json.loads((tmp_path / "whole" / "report.json").read_text("utf-8")),
                      "resumed": done, "seconds": report["seconds"],
                      "outputs": report["outputs"]}
    for name in ("events.jsonl", "events.csv"):
        pd.testing.assert_frame_equal(read_events(killed / name), read_events(tmp_path / "whole" / name))


def test_resume_of_a_finished_run_rebuilds_the_outputs(tmp_path):
    corpus = write_corpus(tmp_path, 10)
    out = tmp_path / "out"
    assert CliRunner().invoke(app, _extract(corpus, out)).exit_code == 0
    first = read_events(out / "events.jsonl")
    (out / "events.jsonl").unlink()
    again = CliRunner().invoke(app, _extract(corpus, out, "--resume"))
    assert again.exit_code == 0, again.output
    assert json.loads((out / "report.json").read_text("utf-8"))["resumed"] == 10
    pd.testing.assert_frame_equal(read_events(out / "events.jsonl"), first)


def test_resume_with_other_inputs_is_refused(tmp_path):
    corpus = write_corpus(tmp_path, 5)
    out = tmp_path / "out"
    assert CliRunner().invoke(app, _extract(corpus, out)).exit_code == 0
    other = CliRunner().invoke(app, _extract(corpus, out, "--resume", "--published", "2024-01-01"))
    assert other.exit_code == 1
    assert "other inputs or options" in other.output and "Traceback" not in other.output


def test_without_resume_the_journal_starts_afresh(tmp_path):
    corpus = write_corpus(tmp_path, 5)
    out = tmp_path / "out"
    for _ in range(2):
        assert CliRunner().invoke(app, _extract(corpus, out)).exit_code == 0
    assert _journaled(out) == 5


def test_a_finished_resume_reports_its_own_rate_and_the_earlier_count_in_words(tmp_path):
    corpus = write_corpus(tmp_path, 30)
    out = tmp_path / "out"
    whole = CliRunner().invoke(app, _extract(corpus, out))
    journal = out / JOURNAL_DIR / JOURNAL_NAME
    kept = journal.read_text("utf-8").splitlines(keepends=True)[:11]  # the header and 10 documents
    journal.write_text("".join(kept), "utf-8")
    result = CliRunner().invoke(app, [a for a in _extract(corpus, out, "--resume") if a != "--quiet"])
    assert whole.exit_code == 0 and result.exit_code == 0, result.output
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith("30 processed, 0 skipped, ")
    assert "; this run: 20 documents in " in summary
    assert "; the interrupted run had finished 10 -> " in summary
    assert float(summary.split("(")[1].split(" documents/s")[0]) > 0


def test_resume_with_another_format_removes_the_outputs_of_the_formats_not_asked_for(tmp_path):
    corpus = write_corpus(tmp_path, 5)
    out = tmp_path / "out"
    mine = out / "notes.csv"
    assert CliRunner().invoke(app, _extract(corpus, out)).exit_code == 0  # csv, jsonl
    mine.write_text("not the tool's")
    args = ["extract", str(corpus), "--out", str(out), "--model", "blank", "-f", "jsonl,html", "--resume"]
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in out.iterdir()) == [".timeline", "events.jsonl", "notes.csv", "report.json",
                                                     "timeline.html"]
    assert set(json.loads((out / "report.json").read_text("utf-8"))["outputs"]) == {"jsonl", "html"}
