""":mod:`timeline`: turn news about wars and political crises into a dated, sourced timeline of events.

The API::

    import timeline
    articles = timeline.read_articles(["articles/"], published=None)
    df = timeline.extract(articles)            # the event table (SCHEMA.md)
    fig = timeline.timeline_figure(df)         # a plotly Figure
    timeline.find_timexes("on Thursday morning", published="2024-11-22")
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("timeline")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"

#: Public name -> the module that defines it; imported on first use so that
#: ``import timeline`` and ``timeline --help`` stay fast.
_EXPORTS: dict[str, str] = {
    "COLUMNS": "frame",
    "Article": "types",
    "Event": "types",
    "InputError": "errors",
    "ModelNotFoundError": "errors",
    "Timex": "types",
    "TimelineError": "errors",
    "cluster": "dedup",
    "examples_dir": "examples",
    "extract": "pipeline",
    "find_timexes": "temporal",
    "load_nlp": "nlp",
    "read_articles": "ingest",
    "read_events": "frame",
    "timeline_figure": "plot",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")


__all__ = [
    "COLUMNS",
    "Article",
    "Event",
    "InputError",
    "ModelNotFoundError",
    "Timex",
    "TimelineError",
    "__version__",
    "cluster",
    "examples_dir",
    "extract",
    "find_timexes",
    "load_nlp",
    "read_articles",
    "read_events",
    "timeline_figure",
]
