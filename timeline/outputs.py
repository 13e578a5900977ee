""":mod:`timeline.outputs`: the names of what a run writes into its output folder.

The exports (one file per format), the report and the resume journal. Kept apart from the writers so
that ingest can leave the tool's own files out of a folder walk, and the command line check its formats,
without loading pandas or plotly.
"""

from __future__ import annotations

#: Output format -> file name inside the output folder.
FILE_NAMES: dict[str, str] = {
    "csv": "events.csv",
    "jsonl": "events.jsonl",
    "parquet": "events.parquet",
    "html": "timeline.html",
    "geojson": "events.geojson",
    "timelinejs": "timeline.json",
    "acled": "events_acled.csv",
}
#: The output formats, in the order of :data:`FILE_NAMES`.
FORMATS: tuple[str, ...] = tuple(FILE_NAMES)
#: The run's report, written beside the outputs (see :mod:`timeline.runner.run`).
REPORT_NAME = "report.json"
#: The folder of the resume journal inside the output folder.
JOURNAL_DIR = ".timeline"
#: The names of the files and folders timeline writes into an output folder.
TOOL_FILES: frozenset[str] = frozenset(FILE_NAMES.values()) | {REPORT_NAME, JOURNAL_DIR}
