"""The command line: help, version, exit codes, the demo and the report."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from timeline.cli import app

runner = CliRunner()


def test_help_lists_commands_and_examples():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    for word in ("extract", "demo", "plot", "evaluate-timex", "Examples"):
        assert word in result.output


def test_module_entry_point_help():
    done = subprocess.run([sys.executable, "-m", "timeline", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "extract" in done.stdout


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("timeline ")


@pytest.mark.parametrize("args", [
    ["extract", "x.txt", "--format", "xls"],
    ["extract", "x.txt", "--published", "2024-02-30"],
    ["extract"],
    ["frobnicate"],
])
def test_usage_errors_exit_2(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output


def test_nothing_processable_exits_1_with_report(tmp_path):
    (tmp_path / "empty.txt").write_text("", "utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"),
                                 "--out", str(out), "--model", "blank"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    report = json.loads((out / "report.json").read_text("utf-8"))
    counts = {k: report["counts"][k] for k in ("documents", "processed", "skipped", "events")}
    assert counts == {"documents": 2, "processed": 0, "skipped": 2, "events": 0}
    reasons = sorted(d["reason"] for d in report["documents"])
    assert reasons == ["empty text", "no such file or folder"]


def test_extract_reads_stdin_with_published(tmp_path):
    text = "KYIV, Nov 21 - Russia launched a missile at Dnipro on Thursday, officials said."
    result = runner.invoke(app, ["extract", "-", "--published", "2024-11-21", "--out", str(tmp_path),
                                 "--model", "blank", "--format", "csv,jsonl"], input=text)
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert report["counts"]["processed"] == 1
    assert (tmp_path / "events.csv").exists() and (tmp_path / "events.jsonl").exists()


def test_min_confidence_zero_keeps_every_candidate_and_is_reported(tmp_path):
    from timeline.events.confidence import default_min_confidence

    text = ("Russia launched a missile at Dnipro on Thursday, officials said. "
            "\u201cI call it crazy,\u201d a pilot lamented.")
    counts = {}
    for value in ("0", None):
        out = tmp_path / str(value)
        option = ["--min-confidence", value] if value else []
        result = runner.invoke(app, ["extract", "-", "--published", "2024-11-22", "--out", str(out),
                                     "--model", "blank", "--format", "csv", *option], input=text)
        assert result.exit_code == 0, result.output
        report = json.loads((out / "report.json").read_text("utf-8"))
        assert report["min_confidence"] == (0.0 if value else default_min_confidence())
        counts[value] = report["counts"]["events"]
    assert counts["0"] > counts[None] >= 1


def test_min_confidence_out_of_range_is_a_usage_error():
    result = runner.invoke(app, ["extract", "x.txt", "--min-confidence", "1.5"])
    assert result.exit_code == 2, result.output


@pytest.mark.slow
def test_demo_writes_every_output(tmp_path, model_nlp):
    result = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in ("events.csv", "events.jsonl", "timeline.html", "report.json"):
        assert (tmp_path / name).stat().st_size > 0, name
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert report["counts"]["skipped"] == 0
    assert report["counts"]["processed"] == report["counts"]["documents"] >= 5
    assert report["counts"]["events"] > 10


def test_plot_command_from_csv(tmp_path):
    from timeline.export import write_csv
    from timeline.frame import conform
    import pandas as pd

    df = conform(pd.DataFrame([{
        "event_id": "e1", "doc_id": "d", "published": "2024-11-22", "date": "2024-11-21",
        "date_start": "2024-11-21", "date_end": "2024-11-21 23:59:59", "date_precision": "day",
        "date_basis": "relative", "event_type": "missile_strike", "status": "occurred",
        "headline": "Missile strike", "sentence": "Moscow launched a missile.",
    }]))
    write_csv(df, tmp_path / "events.csv")
    result = runner.invoke(app, ["plot", str(tmp_path / "events.csv"), "--out", str(tmp_path / "t.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t.html").read_text("utf-8").count("<html") == 1


def test_plot_missing_file_is_one_line_error(tmp_path):
    result = runner.invoke(app, ["plot", str(tmp_path / "none.csv")])
    assert result.exit_code == 1
    assert "no such file" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("flag", "heading"), [
    ([], "anchor-in-sentence matching"),
    (["--clusters"], "one prediction per cluster"),
])
def test_evaluate_scores_rows_or_clusters(flag, heading):
    from tests.conftest import DATA

    result = runner.invoke(app, ["evaluate", str(DATA / "dev_gold.jsonl"), str(DATA / "dev_articles" / "01.txt"),
                                 "--model", "blank", *flag])
    assert result.exit_code == 1 and "no article for gold id(s) 02" in result.output
    folder = DATA / "dev_articles"
    result = runner.invoke(app, ["evaluate", str(DATA / "dev_gold.jsonl"), str(folder), "--model", "blank", *flag])
    assert result.exit_code == 0, result.output
    assert heading in result.output and "F1" in result.output


def test_evaluate_help_shows_the_cluster_mode_with_an_example():
    result = runner.invoke(app, ["evaluate", "--help"])
    assert result.exit_code == 0 and "--clusters" in result.output and "voa_stories.jsonl --clusters" in result.output


def _commands() -> list[str]:
    from typer.main import get_command

    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", _commands())
def test_every_command_help_has_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    examples = result.output.split("Examples:", 1)
    assert len(examples) == 2, f"`timeline {command} --help` has no examples"
    assert f"timeline {command} " in examples[1]


NOT_EVENT_TABLES = [
    ("report.json", '{"counts": {"documents": 2}, "documents": []}\n', "expected one JSON object per event"),
    ("articles.csv", "title,published\nKyiv under fire,2024-11-22\n",
     "missing columns event_id, date_start, date_end, date_precision, event_type, status, headline"),
    ("events.csv", "", "it has no columns"),
    ("events.jsonl", '{"title": "Kyiv", "published": "2024-11-22"}\n', "missing columns event_id"),
]


@pytest.mark.parametrize(("name", "text", "message"), NOT_EVENT_TABLES, ids=[r[0] for r in NOT_EVENT_TABLES])
def test_plot_refuses_what_is_not_an_event_table(tmp_path, name, text, message):
    (tmp_path / name).write_text(text, "utf-8")
    page = tmp_path / "t.html"
    result = runner.invoke(app, ["plot", str(tmp_path / name), "--out", str(page)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.output.count("\n") == 1
    assert "not an event table" in result.output and message in result.output
    assert not page.exists()


def test_plot_lane_option(tmp_path):
    from tests.test_export import make_events
    from timeline.export import write_csv

    write_csv(make_events(), tmp_path / "events.csv")
    result = runner.invoke(app, ["plot", str(tmp_path / "events.csv"), "--out", str(tmp_path / "t.html"),
                                 "--lane", "source"])
    assert result.exit_code == 0, result.output
    assert '"ticktext":["Example News","+44 Wire"]' in (tmp_path / "t.html").read_text("utf-8")
    bad = runner.invoke(app, ["plot", str(tmp_path / "events.csv"), "--lane", "weather"])
    assert bad.exit_code == 2 and "`lane` value = 'weather' is invalid" in bad.output
