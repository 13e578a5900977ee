"""One batch of hostile inputs through the CLI: a clear reason for each, the rest processed, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

NEWS = (
    "KYIV, Nov 21 (Newswire) - Russia launched a missile at the Ukrainian city of Dnipro early on "
    "Thursday, officials said, in an attack that damaged an industrial plant and injured two people. "
    "The governor said air defences were active for several hours."
)
FRENCH = (
    "La Russie a frappé la ville ukrainienne de Dnipro jeudi matin avec un nouveau missile, "
    "a déclaré le président, qui a ajouté que d'autres essais suivraient dans les prochains jours "
    "et que la guerre entrait dans une nouvelle phase selon les responsables."
)
PAGE = f"""<!DOCTYPE html><html><head><title>Strike on Dnipro</title>
<meta property="article:published_time" content="2024-11-21T08:00:00Z">
<script>var tracker = "SCRIPT-TEXT"; document.write(tracker);</script>
<style>body {{ content: "STYLE-TEXT"; }}</style></head>
<body><nav>Home | World</nav><article><h1>Strike on Dnipro</h1><p>{NEWS}</p>
<p>{NEWS.replace("Dnipro", "Kharkiv")}</p></article><script>alert("SCRIPT-TEXT")</script></body></html>"""
DATED = {"published": "2024-11-21"}

#: file name -> (content, sidecar or None, expected status, expected words in the reason)
BATCH: dict[str, tuple[bytes, dict[str, str] | None, str, str]] = {
    "good.txt": (NEWS.encode(), DATED, "processed", ""),
    "empty.txt": (b"", DATED, "skipped", "empty text"),
    "blank.txt": (b"  \n\t\r\n   ", DATED, "skipped", "empty text"),
    "binary.txt": (bytes(range(256)) * 64, DATED, "skipped", "binary data"),
    "latin1.txt": (NEWS.replace("Dnipro", "Dnipró").encode("latin-1"), DATED, "processed", "Latin-1"),
    "utf16.txt": ((NEWS + " Kyiv said so.").encode("utf-16"), DATED, "processed", "decoded as UTF-16"),
    "huge.txt": (((NEWS + "\n") * 190_000).encode(), DATED, "skipped", "too large"),
    "one_line.txt": (b"war " * 1_250_000, DATED, "skipped", "too large"),
    "page.html": (PAGE.encode(), None, "processed", ""),
    "french.txt": (FRENCH.encode(), DATED, "skipped", "not English (detected language: fr)"),
    "undated.txt": (NEWS.encode(), None, "skipped", "no publication date"),
    "feb30.txt": (NEWS.encode(), {"published": "2024-02-30"}, "skipped", "'2024-02-30' is not a valid date"),
    "tomorrow.txt": (NEWS.encode(), {"published": "tomorrow"}, "skipped", "'tomorrow' is not a valid date"),
    "notext.csv": (b"id,body,published\n1,hello,2024-11-21\n", None, "skipped", "no `text` column"),
}
FEED = [
    json.dumps({"id": "feed-good", "published": "2024-11-22", "text": NEWS.replace("Dnipro", "Odesa")}),
    '{"id": "feed-broken", "published": "2024-11-22", "text": "Russia',
]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    folder = tmp_path_factory.mktemp("hostile")
    for name, (content, sidecar, _, _) in BATCH.items():
        (folder / name).write_bytes(content)
        if sidecar is not None:
            (folder / name).with_suffix(".json").write_text(json.dumps(sidecar), "utf-8")
    (folder / "feed.jsonl").write_text("\n".join(FEED) + "\n", "utf-8")
    paths = [str(folder / name) for name in BATCH] + [str(folder / "feed.jsonl"), str(folder / "missing.txt")]
    return paths, folder


@pytest.fixture(scope="module")
def run(batch: tuple[list[str], Path]) -> tuple[object, dict]:
    paths, folder = batch
    result = CliRunner().invoke(app, ["extract", *paths, "--out", str(folder / "out"), "--model", "blank",
                                      "--format", "csv,jsonl,parquet,html"])
    report = json.loads((folder / "out" / "report.json").read_text("utf-8"))
    return result, report


def _by_origin(report: dict) -> dict[str, dict]:
    return {Path(d["origin"]).name: d for d in report["documents"]}


def test_batch_finishes_with_exit_0_and_no_traceback(run):
    result, _ = run
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", list(BATCH))
def test_every_file_is_reported_with_its_reason(run, name):
    _, report = run
    _, _, status, reason = BATCH[name]
    document = _by_origin(report)[name]
    assert document["status"] == status, document
    assert reason in document["reason"], document
    assert "\n" not in document["reason"]


def test_broken_jsonl_line_is_reported_and_the_good_line_kept(run):
    _, report = run
    documents = _by_origin(report)
    assert documents["feed.jsonl:1"]["status"] == "processed"
    assert documents["feed.jsonl:2"]["status"] == "skipped"
    assert "line 2 is not valid JSON" in documents["feed.jsonl:2"]["reason"]


def test_missing_path_is_reported(run):
    _, report = run
    assert _by_origin(report)["missing.txt"]["reason"] == "no such file or folder"


def test_counts_cover_every_input(run, batch):
    _, report = run
    paths, _ = batch
    assert report["counts"]["documents"] == len(BATCH) + len(FEED) + 1
    assert report["counts"]["processed"] == 5  # good, latin1, utf16, page, feed line 1
    assert report["counts"]["events"] > 0


def test_each_skip_is_one_line_on_stderr(run):
    result, report = run
    for document in report["documents"]:
        if document["status"] == "skipped":
            assert f"{document['origin']}: {document['reason']}" in result.output


def test_good_documents_reach_the_table_and_html_text_is_extracted(batch, run):
    from timeline.frame import read_events

    _, folder = batch
    df = read_events(folder / "out" / "events.jsonl")
    assert {"good", "latin1", "utf16", "page", "feed-good"} <= set(df["doc_id"])
    assert not df["sentence"].str.contains("SCRIPT-TEXT|STYLE-TEXT").any()
    assert len(read_events(folder / "out" / "events.parquet")) == len(df)


def test_unwritable_output_folder_exits_1_with_one_line(batch, tmp_path):
    paths, _ = batch
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    result = CliRunner().invoke(app, ["extract", paths[0], "--out", str(blocker / "out"), "--model", "blank"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("timeline: error:")]
    assert len(errors) == 1 and "a-file" in errors[0], result.output
