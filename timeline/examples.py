""":mod:`timeline.examples`: the bundled example articles (the reference article and a few written for the project)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def examples_dir() -> Path:
    """Return the folder of the bundled example articles (``.txt`` + sidecar ``.json``, and one ``.jsonl``)."""
    return Path(str(resources.files("timeline").joinpath("examples")))
