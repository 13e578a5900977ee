""":mod:`timeline.runner.journal`: what a run has finished, kept on disk one line per document.

A run appends one JSON line per finished input document to
``OUT/.timeline/journal.jsonl``: its position in the input order (``seq``), its
outcome and its event rows (:func:`timeline.frame.event_row`). Lines are
flushed and fsync'd as documents finish, so a run that is killed loses at most
the documents in flight, and ``--resume`` skips every document already in the
journal. The final outputs are built from the journal, in input order.

The first line records the run's settings (inputs, model, dates, limits); a
resume with other settings is refused rather than mixing two runs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..outputs import JOURNAL_DIR
from ..types import DocumentOutcome

JOURNAL_NAME = "journal.jsonl"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Entry:
    """One finished input document: its place in the input order, outcome and event rows."""

    seq: int
    outcome: DocumentOutcome
    rows: list[dict[str, Any]] = field(default_factory=list)


class Journal:
    """The finished documents of one run, appended to a file (or kept in memory when no folder is given).

    Example:
        >>> journal = Journal.open(None, settings={}, resume=False)
        >>> journal.append([Entry(0, DocumentOutcome("a", "a.txt", "skipped", "empty text"))])
        >>> sorted(journal.done)
        [0]
    """

    def __init__(self, path: Path | None, handle: IO[str] | None, entries: list[Entry]) -> None:
        self.path = path
        self._handle = handle
        self._entries = entries if path is None else []  # on disk, entries are read back only at the end
        self._earlier = list(entries)
        self.done: dict[int, str] = {e.seq: e.outcome.origin for e in entries}

    @classmethod
    def open(cls, out_dir: str | Path | None, *, settings: Mapping[str, Any], resume: bool) -> Journal:
        """Open the journal of ``out_dir``: continued when ``resume``, else started afresh.

        Args:
            out_dir: the run's output folder; ``None`` keeps the journal in memory.
            settings: what must be equal for a resume to be allowed (JSON-ready).
            resume: keep the documents already finished by an earlier run.

        Raises:
            InputError: when the folder cannot be written, or the journal was written
                with other settings.
        """
        if out_dir is None:
            return cls(None, None, [])
        path = Path(out_dir) / JOURNAL_DIR / JOURNAL_NAME
        header = {"journal": FORMAT_VERSION, "settings": dict(settings)}
        entries = _read(path, header) if resume and path.exists() else None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = path.open("a" if entries is not None else "w", encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{out_dir}: output folder cannot be written ({exc.strerror or exc})") from None
        journal = cls(path, handle, entries or [])
        if entries is None:
            journal._write([header])
        return journal

    def append(self, entries: Iterable[Entry]) -> None:
        """Record finished documents; they are on disk when this returns."""
        batch = list(entries)
        if self.path is None:
            self._entries.extend(batch)
        self.done.update((e.seq, e.outcome.origin) for e in batch)
        self._write([{"seq": e.seq, "outcome": asdict(e.outcome), "rows": e.rows} for e in batch])

    def take_earlier(self) -> list[Entry]:
        """The entries an earlier run had finished, read when the journal was opened to resume; handed over
        once, so that the journal does not hold them while the run goes on."""
        earlier, self._earlier = self._earlier, []
        return earlier

    def entries(self) -> list[Entry]:
        """Every finished document, in input order (read back from the file when there is one)."""
        if self.path is None:
            return sorted(self._entries, key=lambda e: e.seq)
        with self.path.open("rb") as handle:
            next(handle, b"")  # the header
            return sorted(_entries(handle), key=lambda e: e.seq)

    def close(self) -> None:
        """Close the file (the entries stay readable)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def _write(self, records: list[dict[str, Any]]) -> None:
        if self._handle is None:
            return
        try:
            self._handle.write("".join(json.dumps(r, ensure_ascii=False, default=_json_default) + "\n"
                                       for r in records))
            self._handle.flush()
            os.fsync(self._handle.fileno())
        except OSError as exc:
            raise InputError(f"{self.path}: journal cannot be written ({exc.strerror or exc})") from None


def _read(path: Path, header: dict[str, Any]) -> list[Entry]:
    """Read a journal to continue it; a torn last line (the run was killed mid-write) is cut off."""
    with path.open("rb") as handle:
        if _parse(handle.readline()) != json.loads(json.dumps(header, default=_json_default)):
            raise InputError(f"{path.parent.parent}: the journal there was written by a run with other "
                             "inputs or options; run without --resume to start again")
        entries = list(_entries(handle))
    os.truncate(path, _end_of_good_lines(path, len(entries)))
    return entries


def _entries(handle: IO[bytes]) -> Iterator[Entry]:
    """The complete entry lines from ``handle``'s position, up to the first torn one."""
    for line in handle:
        record = _parse(line)
        if record is None or not line.endswith(b"\n"):
            return
        yield _entry(record)


def _end_of_good_lines(path: Path, entries: int) -> int:
    """The byte offset just after the header and the first ``entries`` entry lines."""
    with path.open("rb") as handle:
        for _ in range(entries + 1):
            handle.readline()
        return handle.tell()


def _parse(line: bytes) -> Any:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


def _entry(record: dict[str, Any]) -> Entry:
    return Entry(int(record["seq"]), DocumentOutcome(**record["outcome"]), list(record["rows"]))


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)

