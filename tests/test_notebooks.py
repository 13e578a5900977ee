"""The notebooks read the events file their parameters cell names, which TIMELINE_EVENTS overrides.

`python -m pytest --nbmake notebooks` runs them on the default (../output/events.csv or the bundled
examples); here each runs on a user's own file, named only by the environment variable.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_export import make_events
from timeline.export import write_jsonl

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_parameters_cell_names_the_events_file(notebook: Path) -> None:
    cells = json.loads(notebook.read_text("utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    parameters = [c for c in cells if "parameters" in c["metadata"].get("tags", [])]
    assert len(parameters) == 1
    assert 'os.environ.get("TIMELINE_EVENTS", "../output/events.csv")' in "".join(parameters[0]["source"])
    assert not any("output/events.csv" in source or "EVENTS_CSV" in source
                   for source in code if "TIMELINE_EVENTS" not in source)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_runs_on_the_file_named_by_timeline_events(notebook: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    mine = make_events()
    mine["doc_id"] = "mine-" + mine["doc_id"]  # not the bundled articles' ids
    events = write_jsonl(mine, tmp_path / "my events.jsonl")
    monkeypatch.setenv("TIMELINE_EVENTS", str(events))
    book = nbformat.read(str(notebook), as_version=4)
    folder = {"metadata": {"path": str(notebook.parent)}}
    client = nbclient.NotebookClient(book, timeout=300, resources=folder)
    client.execute()
    printed = "".join(o.get("text", "") for c in book.cells if c.cell_type == "code" for o in c.outputs)
    assert f"read 5 events from {events}" in printed
