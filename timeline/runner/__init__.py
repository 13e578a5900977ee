""":mod:`timeline.runner`: extraction runs over files, with the report, the resume journal and the engines.

- :mod:`.run`: :func:`run_extraction`, what the CLI calls: inputs -> batches -> an engine -> the journal ->
  the table (:func:`timeline.pipeline.event_table`, as the API builds it) -> outputs and ``report.json``;
- :mod:`.journal`: each finished document on disk, so that ``--resume`` continues a killed run;
- :mod:`.engines`: the engine interface, the batch task and the local engines (this process, a process pool);
- :mod:`.dask_engine`: the same interface on a dask.distributed cluster (dask imported only when it runs).

Imports go one way: run -> engines, dask_engine -> engines -> journal.

Example:
    >>> result = run_extraction(["articles/"], out_dir="out", jobs=2)  # doctest: +SKIP
    >>> result.report()["counts"]  # doctest: +SKIP
"""

from __future__ import annotations

from .engines import extract_batch
from .run import DEFAULT_FORMATS, ENGINES, RunResult, run_extraction, stderr_progress

__all__ = ["DEFAULT_FORMATS", "ENGINES", "RunResult", "extract_batch", "run_extraction", "stderr_progress"]
