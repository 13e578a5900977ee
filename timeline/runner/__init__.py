""":mod:`timeline.runner`: extraction runs over files, with the report, the resume journal and the engines."""

from __future__ import annotations

from .engines import extract_batch
from .run import DEFAULT_FORMATS, ENGINES, REPORT_NAME, RunResult, run_extraction, stderr_progress

__all__ = ["DEFAULT_FORMATS", "ENGINES", "REPORT_NAME", "RunResult", "extract_batch", "run_extraction",
           "stderr_progress"]
