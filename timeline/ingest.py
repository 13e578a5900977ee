""":mod:`timeline.ingest`: reading articles from files, folders and standard input.

Formats: ``.txt`` (with an optional sidecar ``.json`` holding ``published``,
``title``, ``url``, ``source``, ``id``), ``.html``/``.htm`` pages saved from news
sites (text, title and date extracted with trafilatura), ``.jsonl`` and ``.csv``
(columns ``text`` and ``published``, optional ``id``, ``title``, ``url``,
``source``), folders (recursively) and ``-`` for standard input.

Nothing is lost silently: every input document becomes either an
:class:`~timeline.types.Article` (its ``published`` already a ``date``) or a
skipped :class:`~timeline.types.DocumentOutcome` with a one-line reason; the
same article given twice (same id) is read once and the second copy skipped as a
duplicate; the same text under another id is read, and noted.
A folder walk leaves out hidden folders, the run's
own output folder and the files the tool writes (``events.csv``,
``report.json``...), each named in ``left_out``. Text and HTML files are sized
with ``stat`` before they are read, and JSON Lines and CSV files are streamed,
so memory does not grow with the input. No spaCy.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import html
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .outputs import TOOL_FILES
from .pubdate import parse_published
from .types import Article, DocumentOutcome
from .unwrap import relist, unwrap

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".csv")
STDIN = "-"
#: spaCy's default ``max_length``: longer texts are skipped with a reason, not cut.
MAX_CHARS = 1_000_000
#: Fewer words than this cannot be told apart by language.
MIN_WORDS_FOR_LANGUAGE = 3
#: A text is in another language when py3langid gives that language at least this probability
#: (short non-English sentences score 0.75-1.0, short English headlines it misreads 0.1-0.3)...
LANGUAGE_CONFIDENCE = 0.5
#: English function words that are not words of other languages the inputs are likely in
#: (so not "was", "had", "in", "to", "a", which are Dutch, German, Italian, Spanish...).
ENGLISH_MARKERS = frozenset(
    "the and of with that which from this were been their they would said have has".split()
)
#: A text this share of whose words (of at least MIN_WORDS_FOR_MARKERS) are English markers is
#: English without asking the language model: English news runs at 12-20%, other languages near 0.
#: ...and, at any length, a text with this share of markers is never called another language.
ENGLISH_MARKER_SHARE = 0.10
MIN_WORDS_FOR_MARKERS = 30
_WORD = re.compile(r"[^\W\d_]+")
META_FIELDS = ("title", "url", "source")
#: The report's note on a document whose hard-wrapped lines were joined (:mod:`timeline.unwrap`).
UNWRAPPED_NOTE = "joined the lines of hard-wrapped text"
#: A character takes at most 4 bytes in UTF-8 and UTF-16: a bigger text file is too large unread.
TEXT_BYTES_PER_CHAR = 4
#: An HTML page may be mostly markup and scripts; a page this many bytes per character is not read.
HTML_BYTES_PER_CHAR = 20
#: How much of a file is looked at to tell text from binary and to pick the encoding.
HEAD_BYTES = 65_536
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
LATIN1_NOTE = "not UTF-8; decoded as Latin-1"
#: Decoding error handler for streamed tables: a byte that is not valid UTF-8 is read as Latin-1.
LATIN1_FALLBACK = "timeline-latin1"

Item = Article | DocumentOutcome


@dataclass(frozen=True)
class LeftOut:
    """A path a folder walk did not read, and why (the run's output, a hidden folder, a tool's file)."""

    path: str
    reason: str


@dataclass(frozen=True)
class _Draft:
    """A document as read, before it is checked: ``published`` is still as written."""

    doc_id: str
    text: str
    meta: dict[str, Any]
    origin: str
    notes: tuple[str, ...] = ()


@dataclass
class _Seen:
    """The articles accepted so far, by id and by text: a second copy of one is skipped, a copy
    under another id is read and noted."""

    ids: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    texts: dict[bytes, tuple[str, str]] = field(default_factory=dict)

    def check(self, article: Article) -> Article | DocumentOutcome:
        """``article``, noted when its text came before under another id, or skipped when its id did.

        The same id twice is one document given twice (skipped). The same text under two ids is
        two documents (a wire story two outlets ran, an ACLED note shared by two records): both
        are read, and their events join one cluster per event across articles.
        """
        key = hashlib.sha1(" ".join(article.text.split()).encode("utf-8")).digest()
        if article.doc_id in self.ids:
            first, first_key = self.ids[article.doc_id]
            reason = (f"duplicate of {first} (id {article.doc_id!r}): the same text" if first_key == key else
                      f"duplicate id {article.doc_id!r}, already used by {first} for another text; "
                      "give each article its own id")
            return _skip(article.origin, reason, article.doc_id)
        self.ids[article.doc_id] = (article.origin, key)
        if earlier := self.texts.get(key):
            note = f"the same text as {earlier[0]} (id {earlier[1]!r})"
            return replace(article, notes=(*article.notes, note))
        self.texts[key] = (article.origin, article.doc_id)
        return article


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(LATIN1_FALLBACK, _latin1_fallback)


def read_articles(
    paths: Iterable[str | Path],
    *,
    published: date | str | None = None,
    skipped: list[DocumentOutcome] | None = None,
    max_chars: int = MAX_CHARS,
    day_first: bool | None = None,
) -> list[Article]:
    """Read every article under ``paths``.

    Args:
        paths: files, folders (read recursively) or ``"-"`` for standard input.
        published: publication date for inputs that carry none (a ``date``, or a
            string such as ``2024-11-22`` or ``22 November 2024``).
        skipped: when given, each input that could not be used is appended to it
            with its reason.
        max_chars: longer articles are skipped.
        day_first: how to read all-number dates such as ``04/06/2025`` (``True`` day
            first, ``False`` month first); ``None`` skips the ones that could be read both ways.

    Returns:
        The usable articles, each with a publication date.

    Raises:
        InputError: when ``published`` is not a valid date.

    Example:
        >>> arts = read_articles(["tests/data/dev_articles/15.txt"])  # doctest: +SKIP
    """
    articles: list[Article] = []
    for item in iter_inputs(paths, published=published, max_chars=max_chars, day_first=day_first):
        if isinstance(item, Article):
            articles.append(item)
        elif skipped is not None:
            skipped.append(item)
    return articles


def iter_inputs(
    paths: Iterable[str | Path],
    *,
    published: date | str | None = None,
    max_chars: int = MAX_CHARS,
    day_first: bool | None = None,
    exclude: Iterable[str | Path] = (),
    left_out: list[LeftOut] | None = None,
) -> Iterator[Item]:
    """Yield an :class:`Article` or a skipped :class:`DocumentOutcome` per input document, in order.

    The order is deterministic (folders are read sorted), so the n-th item is the
    same document on every run over the same inputs. A second copy of an article
    (same id) is yielded as skipped, naming the first; the same text under another id
    is yielded with a note naming the first.

    Args:
        paths: files, folders (read recursively) or ``"-"`` for standard input.
        published: the date of inputs that carry none.
        max_chars: longer articles are skipped.
        day_first: how to read all-number dates (see :func:`read_articles`).
        exclude: folders a folder walk must not enter (the run's output folder).
        left_out: when given, each folder or file a folder walk did not read is appended to it.

    Raises:
        InputError: only for a bad ``published``; a bad input is yielded as skipped.
    """
    fallback = parse_published(published, origin="--published", day_first=day_first) if published else None
    walk = _Walk(frozenset(Path(p).resolve() for p in exclude), left_out if left_out is not None else [])
    seen = _Seen()
    for path in paths:
        for item in _read_path(Path(str(path)) if str(path) != STDIN else None, str(path), max_chars, walk):
            if isinstance(item, _Draft):
                item = _checked(item, fallback, max_chars, day_first)
            if isinstance(item, Article):
                item = seen.check(item)
            yield item


def _skip(origin: str, reason: str, doc_id: str = "") -> DocumentOutcome:
    return DocumentOutcome(doc_id=doc_id or Path(origin.split(":")[0]).stem, origin=origin,
                           status="skipped", reason=reason)


def _read_path(path: Path | None, shown: str, max_chars: int, walk: _Walk) -> Iterator[Item | _Draft]:
    if path is None:
        yield from _read_text_stream(sys.stdin.buffer.read(), origin="<stdin>", doc_id="stdin")
        return
    try:
        if not path.exists():
            yield _skip(shown, "no such file or folder")
        elif path.is_dir():
            yield from _read_folder(path, max_chars, walk)
        else:
            yield from _read_file(path, max_chars)
    except OSError as exc:  # a folder that vanished or cannot be listed mid-way
        yield _skip(shown, f"cannot be read ({exc.strerror or exc})")


@dataclass(frozen=True)
class _Walk:
    """What a folder walk leaves out, and where it says so."""

    exclude: frozenset[Path]
    left_out: list[LeftOut]

    def files(self, folder: Path) -> list[Path]:
        """The files under ``folder``, sorted, without the folders and files it must leave out."""
        files = []
        for top, folders, names in os.walk(folder):
            folders[:] = [name for name in folders if self._enters(Path(top, name))]
            files.extend(Path(top, name) for name in names if self._reads(Path(top, name)))
        return sorted(files)

    def _enters(self, path: Path) -> bool:
        if path.name.startswith("."):
            return self._leave(path, "hidden folder")
        if path.resolve() in self.exclude:
            return self._leave(path, "the run's output folder")
        if path.name in TOOL_FILES:
            return self._leave(path, "written by timeline (an output, not an input)")
        return True

    def _reads(self, path: Path) -> bool:
        if path.name in TOOL_FILES:
            return self._leave(path, "written by timeline (an output, not an input)")
        return not path.name.startswith(".") and path.is_file()

    def _leave(self, path: Path, reason: str) -> bool:
        self.left_out.append(LeftOut(str(path), reason))
        return False


def _read_folder(folder: Path, max_chars: int, walk: _Walk) -> Iterator[Item | _Draft]:
    files = walk.files(folder)
    documents = {p.with_suffix("") for p in files if p.suffix.lower() != ".json"}
    for path in files:
        if path.suffix.lower() == ".json" and path.with_suffix("") in documents:
            continue  # a sidecar, read with its document
        yield from _read_file(path, max_chars)


def _read_file(path: Path, max_chars: int) -> Iterator[Item | _Draft]:
    suffix = path.suffix.lower()
    if not path.is_file():
        yield _skip(str(path), "not a regular file")
    elif suffix in TEXT_SUFFIXES:
        yield from _read_text_file(path, max_chars)
    elif suffix in HTML_SUFFIXES:
        yield _read_html(path, max_chars)
    elif suffix in TABLE_SUFFIXES:
        yield from _read_table(path, max_chars)
    else:
        yield _skip(str(path), f"unsupported file type {suffix or '(none)'!r}; "
                    "expected .txt, .html, .jsonl or .csv")


def _too_big(path: Path, max_bytes: int, max_chars: int) -> str:
    """The skip reason when the file is larger than ``max_bytes`` (checked with stat, not read)."""
    size = path.stat().st_size
    if size <= max_bytes:
        return ""
    return f"too large: {size:,} bytes, more than {max_chars:,} characters (--max-chars) can take"


def _read_bytes(path: Path, bytes_per_char: int, max_chars: int) -> bytes | DocumentOutcome:
    """The file's bytes, or a skip when it is too large or unreadable."""
    try:
        reason = _too_big(path, bytes_per_char * max_chars + HEAD_BYTES, max_chars)
        return _skip(str(path), reason) if reason else path.read_bytes()
    except OSError as exc:
        return _skip(str(path), f"cannot be read ({exc.strerror or exc})")


def _read_text_file(path: Path, max_chars: int) -> Iterator[Item | _Draft]:
    raw = _read_bytes(path, TEXT_BYTES_PER_CHAR, max_chars)
    if isinstance(raw, DocumentOutcome):
        yield raw
        return
    try:
        meta = _sidecar(path)
    except InputError as exc:
        yield _skip(str(path), str(exc))
        return
    yield from _read_text_stream(raw, origin=str(path), doc_id=path.stem, sidecar=meta)


def _sidecar(path: Path) -> dict[str, Any]:
    meta_path = path.with_suffix(".json")
    if not meta_path.is_file():
        return {}
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"sidecar {meta_path.name} is not valid JSON ({_one_line(exc)})") from None
    if not isinstance(meta, dict):
        raise InputError(f"sidecar {meta_path.name} is not a JSON object")
    return meta


def _one_line(exc: BaseException) -> str:
    return " ".join(str(getattr(exc, "msg", None) or exc).split())[:200]


def sniff_encoding(head: bytes) -> tuple[str, str]:
    """Pick the codec of a text from its first bytes; return it and a note for the report.

    UTF-16 is recognised by its byte-order mark, or without one by its pattern of
    zero bytes; UTF-8 (with or without a BOM) is the default, Latin-1 the fallback.

    Raises:
        InputError: for binary data (zero bytes, or many control characters).

    Example:
        >>> sniff_encoding("Kyiv".encode("utf-16"))
        ('utf-16', 'decoded as UTF-16')
    """
    if head.startswith(UTF16_BOMS):
        return "utf-16", "decoded as UTF-16"
    if b"\x00" in head:
        return _utf16_without_bom(head)
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
        return "utf-8-sig", ""
    except UnicodeDecodeError:
        _reject_controls(head.decode("latin-1"))
        return "latin-1", LATIN1_NOTE


def _utf16_without_bom(head: bytes) -> tuple[str, str]:
    half = max(len(head) // 2, 1)
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le", "decoded as UTF-16 (little-endian, no BOM)"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be", "decoded as UTF-16 (big-endian, no BOM)"
    raise InputError("binary data, not text")


def _reject_controls(text: str) -> None:
    sample = text[:HEAD_BYTES]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > len(sample) * 0.01:
        raise InputError("binary data, not text")


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8, UTF-16 or Latin-1; return the text and a note.

    Raises:
        InputError: for binary data (NUL bytes or many control characters).
    """
    encoding, note = sniff_encoding(raw[:HEAD_BYTES])
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8-sig":
            raise InputError("binary data, not text") from None
        text, note = raw.decode("latin-1"), LATIN1_NOTE
    _reject_controls(text)
    return text, note


def clean_text(text: str) -> str:
    """Undo what scraping leaves in plain text: HTML entities, ``<br>`` tags, CRLF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text or "<" in text:
        text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
        text = html.unescape(text).replace("\xa0", " ")
    return text


def _read_text_stream(raw: bytes, *, origin: str, doc_id: str,
                      sidecar: dict[str, Any] | None = None) -> Iterator[Item | _Draft]:
    try:
        text, note = decode(raw)
    except InputError as exc:
        yield _skip(origin, str(exc), doc_id)
        return
    meta = sidecar or {}
    yield _draft(text, meta, origin=origin, doc_id=str(meta.get("id") or doc_id), note=note)


def _draft(text: str, meta: dict[str, Any], *, origin: str, doc_id: str, note: str = "") -> _Draft:
    cleaned = clean_text(text)
    unwrapped = unwrap(cleaned)
    notes = (note,) if note else ()
    if unwrapped != cleaned:
        notes = (*notes, UNWRAPPED_NOTE)
    return _Draft(doc_id, relist(unwrapped), meta, origin, notes)


def _read_html(path: Path, max_chars: int) -> Item | _Draft:
    raw = _read_bytes(path, HTML_BYTES_PER_CHAR, max_chars)
    if isinstance(raw, DocumentOutcome):
        return raw
    try:
        page, _ = decode(raw)
        data = _html_data(page)
    except InputError as exc:
        return _skip(str(path), str(exc))
    text = data.get("text") or ""
    if not text.strip():
        return _skip(str(path), "no article text found in the HTML page")
    meta = {k: data.get(k) for k in ("title", "url", "date")}
    meta["source"] = data.get("sitename") or data.get("hostname") or ""
    meta["published"] = meta.pop("date")
    return _draft(text, meta, origin=str(path), doc_id=path.stem)


def _html_data(page: str) -> dict[str, Any]:
    """The article text and metadata of an HTML page (scripts, styles and navigation dropped)."""
    import trafilatura  # imported here: slow to import, and only HTML needs it

    try:
        extracted = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - a parser failure on a hostile page is a skip, not a crash
        raise InputError(f"HTML page could not be parsed ({type(exc).__name__})") from None
    if extracted is None:
        return {}
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    return data if isinstance(data, dict) else {}


def _read_table(path: Path, max_chars: int) -> Iterator[Item | _Draft]:
    """Stream the rows of a JSON Lines or CSV file, one article or skip per row."""
    try:
        with path.open("rb") as handle:
            encoding, note = sniff_encoding(handle.read(HEAD_BYTES))
            handle.seek(0)
            newline = "" if path.suffix.lower() == ".csv" else "\n"
            stream = io.TextIOWrapper(handle, encoding=encoding, errors=LATIN1_FALLBACK, newline=newline)
            reader = _jsonl_rows if path.suffix.lower() == ".jsonl" else _csv_rows
            rows = 0
            for rows, item in enumerate(reader(stream, path, note, max_chars), start=1):  # noqa: B007
                yield item
            if rows == 0:
                yield _skip(str(path), "no rows (the file is empty or holds only blank lines or a header)")
    except InputError as exc:
        yield _skip(str(path), str(exc))
    except OSError as exc:
        yield _skip(str(path), f"cannot be read ({exc.strerror or exc})")


def _jsonl_rows(stream: IO[str], path: Path, note: str, max_chars: int) -> Iterator[Item | _Draft]:
    for number, line in enumerate(_bounded_lines(stream, max_chars), start=1):
        if line is None:
            yield _skip(f"{path}:{number}", f"line {number} too large (over {max_chars:,} characters)",
                        f"{path.stem}-{number}")
        elif line.strip():
            yield _jsonl_row(line, path, number, note)


def _bounded_lines(stream: IO[str], max_chars: int) -> Iterator[str | None]:
    """Yield each line, or ``None`` for a line longer than ``max_chars`` (skipped without keeping it)."""
    limit = 2 * max_chars + 2  # JSON escapes can double the text's length
    while line := stream.readline(limit):
        if len(line) < limit or line.endswith("\n"):
            yield line
            continue
        while (rest := stream.readline(limit)) and not rest.endswith("\n"):
            pass
        yield None


def _jsonl_row(line: str, path: Path, number: int, note: str) -> Item | _Draft:
    origin, default_id = f"{path}:{number}", f"{path.stem}-{number}"
    try:
        row = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return _skip(origin, f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})", default_id)
    except RecursionError:
        return _skip(origin, f"line {number} is not valid JSON (nested too deeply)", default_id)
    return _row_article(row, origin=origin, default_id=default_id, note=note)


def _csv_rows(stream: IO[str], path: Path, note: str, max_chars: int) -> Iterator[Item | _Draft]:
    """One article per data row: ids and origins by row number (1 = the first row under the header)."""
    csv.field_size_limit(2 * max_chars + 2)
    reader = csv.DictReader(stream)
    try:
        if "text" not in (reader.fieldnames or []):
            columns = ", ".join(reader.fieldnames or [])[:200] or "none"
            yield _skip(str(path), f"CSV has no `text` column (columns: {columns})")
            return
        for number, row in enumerate(reader, start=1):
            yield _row_article(row, origin=f"{path}:{number}", default_id=f"{path.stem}-{number}", note=note)
    except csv.Error as exc:
        number = reader.line_num + 1
        yield _skip(f"{path}:{number}", f"CSV unreadable from line {number} on ({_one_line(exc)}); "
                    "the rows before were read", f"{path.stem}-{number}")


def _row_article(row: Any, *, origin: str, default_id: str, note: str) -> Item | _Draft:
    if not isinstance(row, dict):
        return _skip(origin, "row is not an object with a `text` field", default_id)
    doc_id = str(row.get("id") or default_id)
    text = row.get("text")
    if not isinstance(text, str):
        return _skip(origin, "row has no `text` string", doc_id)
    return _draft(text, row, origin=origin, doc_id=doc_id, note=note)


def _checked(draft: _Draft, fallback: date | None, max_chars: int, day_first: bool | None) -> Item:
    """Validate a document read from any format (text, size, language, date) and make it an article."""
    origin, doc_id, text = draft.origin, draft.doc_id, draft.text
    if not text.strip():
        return _skip(origin, "empty text", doc_id)
    if len(text) > max_chars:
        return _skip(origin, f"too large: {len(text):,} characters (limit {max_chars:,})", doc_id)
    language = detect_language(text)
    if language not in ("en", ""):
        return _skip(origin, f"not English (detected language: {language})", doc_id)
    written = draft.meta.get("published") or draft.meta.get("date") or None
    if written is None and fallback is None:
        return _skip(origin, "no publication date (pass --published YYYY-MM-DD)", doc_id)
    try:
        published = parse_published(written, origin=origin, day_first=day_first) if written else fallback
    except InputError as exc:
        return _skip(origin, str(exc).removeprefix(f"{origin}: "), doc_id)
    meta = {key: str(draft.meta.get(key) or "") for key in META_FIELDS}
    return Article(doc_id, text, published, origin=origin, notes=draft.notes, **meta)


def english_marker_share(text: str) -> tuple[float, int]:
    """The share of the text's words that are :data:`ENGLISH_MARKERS`, and the number of words."""
    words = _WORD.findall(text.lower())
    return (sum(word in ENGLISH_MARKERS for word in words) / len(words) if words else 0.0), len(words)


def clearly_english(text: str) -> bool:
    """Whether enough of the text's words are English function words (:data:`ENGLISH_MARKERS`).

    A cheap first test (a tenth of the language model's time): the texts it leaves go to
    the model, so a False only costs time.
    """
    return _marked_english(*english_marker_share(text))


def _marked_english(share: float, words: int) -> bool:
    return words >= MIN_WORDS_FOR_MARKERS and share >= ENGLISH_MARKER_SHARE


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, offline (py3langid); ``""`` when it cannot be told.

    The rule holds from one sentence up: a text is in another language when py3langid
    gives that language a probability of at least :data:`LANGUAGE_CONFIDENCE` and fewer
    than :data:`ENGLISH_MARKER_SHARE` of its words are English function words. Short English
    headlines ("Israel strikes Gaza"), which the model cannot place, get ``""`` and pass.

    Example:
        >>> detect_language("Les forces russes ont frappé Kharkiv lundi.")
        'fr'
        >>> detect_language("Israel strikes Gaza")
        ''
    """
    sample = text[:5000]
    share, words = english_marker_share(sample)
    if words < MIN_WORDS_FOR_LANGUAGE:
        return ""
    if _marked_english(share, words):
        return "en"
    language, probability = _identifier().classify(sample)
    if language != "en" and (probability < LANGUAGE_CONFIDENCE or share >= ENGLISH_MARKER_SHARE):
        return ""
    return str(language)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model with probabilities normalised to 0..1 (loaded on first use)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
