"""Every ```python block of README.md runs as written (in a folder holding the files it names)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", README.read_text("utf-8"), flags=re.MULTILINE | re.DOTALL)
#: A quoted relative path in a block: a folder ("articles/") or an output file ("output/events.csv").
NAMED_PATH = re.compile(r"""["']((?:[\w.-]+/)+(?:[\w-]+\.(?:csv|jsonl|parquet))?)["']""")


def test_the_readme_has_python_blocks():
    assert BLOCKS


def _provide(names: list[str], folder: Path, table) -> None:
    """Create each path a block names from the bundled examples: folders of articles, event tables."""
    from timeline.examples import examples_dir
    from timeline.export import write_outputs

    for name in names:
        path = folder / name
        if path.exists():
            continue
        if name.endswith("/"):
            shutil.copytree(examples_dir(), path)
        else:
            written = write_outputs(table, path.parent, [path.suffix.lstrip(".")])
            written[path.suffix.lstrip(".")].rename(path)


@pytest.mark.slow
@pytest.mark.parametrize("block", BLOCKS, ids=[f"block-{n}" for n in range(1, len(BLOCKS) + 1)])
def test_every_python_block_runs(block, tmp_path, monkeypatch, examples_frame, capsys):
    _provide(NAMED_PATH.findall(block), tmp_path, examples_frame)
    monkeypatch.chdir(tmp_path)
    exec(compile(block, str(README), "exec"), {"__name__": "readme"})  # noqa: S102 - the README's own code
    capsys.readouterr()
