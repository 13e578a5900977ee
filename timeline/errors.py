""":mod:`timeline.errors`: the package's exceptions and its one table of messages."""

from __future__ import annotations


class TimelineError(Exception):
    """Base class: a problem the CLI reports in one line and maps to an exit code."""


class InputError(TimelineError, ValueError):
    """An input (file, row, option value) cannot be used; the message names it and why."""


class ModelNotFoundError(TimelineError):
    """No usable spaCy pipeline is installed."""


def invalid_value(name: str, value: object, valid: object) -> str:
    """Format the package's one error template for a bad value.

    Example:
        >>> invalid_value("format", "xls", ["csv", "jsonl"])
        "`format` value = 'xls' is invalid; value must be one of ['csv', 'jsonl']"
    """
    return f"`{name}` value = {value!r} is invalid; value must be one of {valid}"
