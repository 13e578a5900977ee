""":mod:`timeline.ingest`: reading articles from files, folders and standard input.

Formats: ``.txt`` (with an optional sidecar ``.json`` holding ``published``,
``title``, ``url``, ``source``, ``id``), ``.html``/``.htm`` pages saved from news
sites (text, title and date extracted with trafilatura), ``.jsonl`` and ``.csv``
(columns ``text`` and ``published``, optional ``id``, ``title``, ``url``,
``source``), folders (recursively) and ``-`` for standard input.

Nothing is lost silently: every input document becomes either an
:class:`~timeline.types.Article` or a skipped
:class:`~timeline.types.DocumentOutcome` with a one-line reason. No spaCy.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .types import Article, DocumentOutcome

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".csv")
STDIN = "-"
#: spaCy's default ``max_length``: longer texts are skipped with a reason, not cut.
MAX_CHARS = 1_000_000
MIN_CHARS_FOR_LANGUAGE = 200
META_FIELDS = ("title", "url", "source")

Item = Article | DocumentOutcome


def read_articles(
    paths: Iterable[str | Path],
    *,
    published: date | str | None = None,
    skipped: list[DocumentOutcome] | None = None,
    max_chars: int = MAX_CHARS,
) -> list[Article]:
    """Read every article under ``paths``.

    Args:
        paths: files, folders (read recursively) or ``"-"`` for standard input.
        published: publication date for inputs that carry none (``YYYY-MM-DD``).
        skipped: when given, each input that could not be used is appended to it
            with its reason.
        max_chars: longer articles are skipped.

    Returns:
        The usable articles, each with a publication date.

    Raises:
        InputError: when ``published`` is not a valid ``YYYY-MM-DD`` date.

    Example:
        >>> arts = read_articles(["tests/data/dev_articles/15.txt"])  # doctest: +SKIP
    """
    articles: list[Article] = []
    for item in iter_inputs(paths, published=published, max_chars=max_chars):
        if isinstance(item, Article):
            articles.append(item)
        elif skipped is not None:
            skipped.append(item)
    return articles


def iter_inputs(
    paths: Iterable[str | Path], *, published: date | str | None = None, max_chars: int = MAX_CHARS
) -> Iterator[Item]:
    """Yield an :class:`Article` or a skipped :class:`DocumentOutcome` per input document, in order."""
    fallback = parse_published(published, origin="--published") if published else None
    for path in paths:
        for item in _read_path(Path(str(path)) if str(path) != STDIN else None, str(path)):
            yield _checked(item, fallback, max_chars) if isinstance(item, Article) else item


def parse_published(value: Any, *, origin: str) -> date:
    """Parse a publication date (``YYYY-MM-DD``, or an ISO timestamp beginning with one).

    Raises:
        InputError: naming ``origin`` and the bad value.
    """
    if isinstance(value, date):
        return value
    text = str(value).strip()
    match = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?$", text)
    try:
        if match is None:
            raise ValueError
        return date.fromisoformat(match.group(1))
    except ValueError:
        raise InputError(
            f"{origin}: publication date {text!r} is not a valid date (expected YYYY-MM-DD)"
        ) from None


def _skip(origin: str, reason: str, doc_id: str = "") -> DocumentOutcome:
    return DocumentOutcome(doc_id=doc_id or Path(origin.split(":")[0]).stem, origin=origin,
                           status="skipped", reason=reason)


def _read_path(path: Path | None, shown: str) -> Iterator[Item]:
    if path is None:
        yield from _read_text_stream(sys.stdin.buffer.read(), origin="<stdin>", doc_id="stdin")
        return
    if not path.exists():
        yield _skip(shown, "no such file or folder")
    elif path.is_dir():
        yield from _read_folder(path)
    else:
        yield from _read_file(path)


def _read_folder(folder: Path) -> Iterator[Item]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    documents = {p.with_suffix("") for p in files if p.suffix.lower() != ".json"}
    for path in files:
        if path.suffix.lower() == ".json" and path.with_suffix("") in documents:
            continue  # a sidecar, read with its document
        yield from _read_file(path)


def _read_file(path: Path) -> Iterator[Item]:
    suffix = path.suffix.lower()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield _skip(str(path), f"cannot be read ({exc.strerror or exc})")
        return
    if suffix in TEXT_SUFFIXES:
        yield from _read_text_stream(raw, origin=str(path), doc_id=path.stem, sidecar=_sidecar(path))
    elif suffix in HTML_SUFFIXES:
        yield _read_html(raw, path)
    elif suffix == ".jsonl":
        yield from _read_jsonl(raw, path)
    elif suffix == ".csv":
        yield from _read_csv(raw, path)
    else:
        yield _skip(str(path), f"unsupported file type {suffix or '(none)'!r}; "
                    "expected .txt, .html, .jsonl or .csv")


def _sidecar(path: Path) -> dict[str, Any]:
    meta_path = path.with_suffix(".json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{meta_path}: sidecar is not valid JSON ({exc})") from None
    return meta if isinstance(meta, dict) else {}


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8, UTF-16 (with a BOM) or Latin-1; return the text and a note.

    Raises:
        InputError: for binary data (NUL bytes or many control characters).
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "decoded as UTF-16"
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw[:65536]:
        raise InputError("binary data, not text")
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
        controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\r\n\t\f")
        if controls > len(text[:65536]) * 0.01:
            raise InputError("binary data, not text") from None
        return text, "not UTF-8; decoded as Latin-1"


def clean_text(text: str) -> str:
    """Undo what scraping leaves in plain text: HTML entities, ``<br>`` tags, CRLF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text or "<" in text:
        text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
        text = html.unescape(text).replace("\xa0", " ")
    return text


def _read_text_stream(raw: bytes, *, origin: str, doc_id: str,
                      sidecar: dict[str, Any] | None = None) -> Iterator[Item]:
    try:
        text, note = decode(raw)
        meta = sidecar or {}
    except InputError as exc:
        yield _skip(origin, str(exc), doc_id)
        return
    yield _article(text, meta, origin=origin, doc_id=str(meta.get("id") or doc_id), note=note)


def _article(text: str, meta: dict[str, Any], *, origin: str, doc_id: str, note: str = "") -> Article:
    published = meta.get("published") or meta.get("date") or None
    return Article(
        doc_id=doc_id,
        text=clean_text(text),
        published=published,  # type: ignore[arg-type]  # checked in _checked
        title=str(meta.get("title") or ""),
        url=str(meta.get("url") or ""),
        source=str(meta.get("source") or ""),
        origin=origin if not note else f"{origin} ({note})",
    )


def _read_html(raw: bytes, path: Path) -> Item:
    import trafilatura  # imported here: slow to import, and only HTML needs it

    try:
        page, _ = decode(raw)
    except InputError as exc:
        return _skip(str(path), str(exc))
    extracted = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    text = (data or {}).get("text") or ""
    if not text.strip():
        return _skip(str(path), "no article text found in the HTML page")
    meta = {k: data.get(k) for k in ("title", "url", "date")}
    meta["source"] = data.get("sitename") or data.get("hostname") or ""
    meta["published"] = meta.pop("date")
    return _article(text, meta, origin=str(path), doc_id=path.stem)


def _read_jsonl(raw: bytes, path: Path) -> Iterator[Item]:
    try:
        content, note = decode(raw)
    except InputError as exc:
        yield _skip(str(path), str(exc))
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _skip(origin, f"line {number} is not valid JSON ({exc.msg})", f"{path.stem}-{number}")
            continue
        yield _row_article(row, origin=origin, default_id=f"{path.stem}-{number}", note=note)


def _read_csv(raw: bytes, path: Path) -> Iterator[Item]:
    try:
        content, note = decode(raw)
    except InputError as exc:
        yield _skip(str(path), str(exc))
        return
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(content, newline=""))
    if "text" not in (reader.fieldnames or []):
        yield _skip(str(path), f"CSV has no `text` column (columns: {', '.join(reader.fieldnames or []) or 'none'})")
        return
    try:
        for number, row in enumerate(reader, start=2):
            yield _row_article(row, origin=f"{path}:{number}", default_id=f"{path.stem}-{number}", note=note)
    except csv.Error as exc:
        yield _skip(f"{path}:{reader.line_num}", f"broken CSV row ({exc})")


def _row_article(row: Any, *, origin: str, default_id: str, note: str) -> Item:
    if not isinstance(row, dict):
        return _skip(origin, "row is not an object with a `text` field", default_id)
    text = row.get("text")
    if not isinstance(text, str):
        return _skip(origin, "row has no `text` string", str(row.get("id") or default_id))
    doc_id = str(row.get("id") or default_id)
    return _article(text, row, origin=origin, doc_id=doc_id, note=note)


def _checked(article: Article, fallback: date | None, max_chars: int) -> Item:
    """Validate an article read from any format: text, size, language, date."""
    origin, doc_id = article.origin, article.doc_id
    if not article.text.strip():
        return _skip(origin, "empty text", doc_id)
    if len(article.text) > max_chars:
        return _skip(origin, f"too large: {len(article.text):,} characters (limit {max_chars:,})", doc_id)
    language = detect_language(article.text)
    if language not in ("en", ""):
        return _skip(origin, f"not English (detected language: {language})", doc_id)
    if article.published in (None, ""):
        if fallback is None:
            return _skip(origin, "no publication date (pass --published YYYY-MM-DD)", doc_id)
        return replace(article, published=fallback)
    try:
        return replace(article, published=parse_published(article.published, origin=origin))
    except InputError as exc:
        return _skip(origin, str(exc).split(": ", 1)[1], doc_id)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, offline (py3langid); ``""`` when too short to tell."""
    sample = text[:5000]
    if len(sample.strip()) < MIN_CHARS_FOR_LANGUAGE:
        return ""
    import py3langid  # imported here: loads its model on first use

    return str(py3langid.classify(sample)[0])
