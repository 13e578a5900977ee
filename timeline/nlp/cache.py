""":mod:`timeline.nlp.cache`: what spaCy rebuilds on each access, kept once per Doc.

The event layer reads a Doc many times over; what spaCy rebuilds on each access (the
text, entities, sentences) is kept once per Doc (:func:`per_doc`, :func:`per_doc_part`)
in ``doc.user_data`` under ``tl_`` keys, which :func:`forget_cache` drops before a Doc
leaves the pipeline (the cached Spans do not serialise).

Example:
    >>> doc = load_nlp("blank")("Shelling hit Kharkiv. Two died.")  # doctest: +SKIP
    >>> [sent.start for sent in doc_sents(doc)]  # doctest: +SKIP
    [0, 4]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")


def per_doc(doc: Doc, name: str, compute: Callable[[], T]) -> T:
    """``compute()``, once per Doc: kept in ``doc.user_data["tl_" + name]``, which :func:`forget_cache` drops."""
    data = doc.user_data
    key = "tl_" + name
    try:
        return data[key]  # type: ignore[no-any-return]
    except KeyError:
        value = data[key] = compute()
        return value


def per_doc_part(doc: Doc, name: str, part: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per Doc and ``part`` (a sentence's start, a trigger's offsets), as :func:`per_doc`."""
    data, key = doc.user_data, "tl_" + name
    cache: dict[Hashable, T] | None = data.get(key)
    if cache is None:
        cache = data[key] = {}
    if part not in cache:
        cache[part] = compute()
    return cache[part]


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy joins every token on each access).

    Read some 25,000 times for 72 articles: the kept text is looked up without building a closure.
    """
    data = doc.user_data
    if "tl_text" not in data:
        data["tl_text"] = doc.text
    return data["tl_text"]  # type: ignore[no-any-return]


def span_text(span: Span) -> str:
    """``span.text``, sliced from :func:`doc_text` (``Span.text`` builds every Token)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def has_annotation(doc: Doc, attr: str) -> bool:
    """``doc.has_annotation(attr)``, computed once per Doc and attribute (spaCy scans every token).

    Asked some 16,000 times for 72 articles: the answer is looked up without building a closure.
    """
    data, key = doc.user_data, "tl_has_" + attr
    if key not in data:
        data[key] = doc.has_annotation(attr)
    return data[key]  # type: ignore[no-any-return]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc (spaCy makes new Span objects on each access)."""
    data = doc.user_data
    if "tl_ents" not in data:
        data["tl_ents"] = tuple(doc.ents)
    return data["tl_ents"]  # type: ignore[no-any-return]


def _ent_starts(doc: Doc) -> list[int]:
    """The start tokens of :func:`doc_ents`, in order (``doc.ents`` come in text order, never overlapping)."""
    data = doc.user_data
    if "tl_ent_starts" not in data:
        data["tl_ent_starts"] = [ent.start for ent in doc_ents(doc)]
    return data["tl_ent_starts"]  # type: ignore[no-any-return]


def ents_in(span: Span) -> list[Span]:
    """The entities that start inside ``span`` (a sentence), from :func:`doc_ents`."""
    starts = _ent_starts(span.doc)
    return list(doc_ents(span.doc)[bisect_left(starts, span.start) : bisect_left(starts, span.end)])


def ent_at(token: Token) -> Span | None:
    """The entity of :func:`doc_ents` that holds ``token``, if any."""
    index = bisect_right(_ent_starts(token.doc), token.i) - 1
    if index < 0:
        return None
    ent = doc_ents(token.doc)[index]
    return ent if token.i < ent.end else None


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """``doc.sents``, built once per Doc (looked up without a closure: each :func:`sent_of` asks)."""
    data = doc.user_data
    if "tl_sents" not in data:
        data["tl_sents"] = tuple(doc.sents)
    return data["tl_sents"]  # type: ignore[no-any-return]


def sent_of(item: Span | Token) -> Span:
    """``item.sent``: the sentence holding a token, or a span's first token, from :func:`doc_sents`.

    spaCy walks the token array both ways and builds a new Span on each ``.sent``.
    """
    index = item.i if isinstance(item, Token) else item.start
    return doc_sents(item.doc)[bisect_right(_sent_starts(item.doc), index) - 1]


def _sent_starts(doc: Doc) -> list[int]:
    """The first token of each sentence of :func:`doc_sents`, once per Doc."""
    data = doc.user_data
    if "tl_sent_starts" not in data:
        data["tl_sent_starts"] = [sent.start for sent in doc_sents(doc)]
    return data["tl_sent_starts"]  # type: ignore[no-any-return]


def sentences_after(sent: Span, limit: int) -> list[Span]:
    """The sentences that follow ``sent`` in its paragraph (up to a line break), at most ``limit``.

    A report names its act first and tells what followed next ("Gunmen attacked the village. Two
    civilians were killed."); a line break ends a paragraph, as in :mod:`timeline.events.dating`.
    """
    doc = sent.doc
    text = doc_text(doc)
    sents = doc_sents(doc)
    index = bisect_right(_sent_starts(doc), sent.start)
    following: list[Span] = []
    end = len(text[: sent.end_char].rstrip())
    for later in sents[index : index + limit]:
        words = span_text(later)
        start = later.start_char + len(words) - len(words.lstrip())
        if "\n" in text[end:start]:
            break
        following.append(later)
        end = later.start_char + len(words.rstrip())
    return following


def sentences_before(sent: Span, limit: int) -> list[Span]:
    """The sentences before ``sent`` in its paragraph (up to a line break), nearest first, at most ``limit``.

    A report names where it happened first and tells the rest in the next sentences ("Fighting broke
    out in X. The two sides exchanged fire."); a line break ends a paragraph, as in :func:`sentences_after`.
    """
    doc = sent.doc
    text = doc_text(doc)
    sents = doc_sents(doc)
    index = bisect_right(_sent_starts(doc), sent.start) - 1
    earlier: list[Span] = []
    start = sent.start_char + len(span_text(sent)) - len(span_text(sent).lstrip())
    for before in reversed(sents[max(index - limit, 0) : index]):
        end = before.start_char + len(span_text(before).rstrip())
        if "\n" in text[end:start]:
            break
        earlier.append(before)
        words = span_text(before)
        start = before.start_char + len(words) - len(words.lstrip())
    return earlier


def forget_cache(doc: Doc) -> None:
    """Drop the per-Doc caches of this module (they hold Spans, which do not serialise)."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("tl_")]:
        del doc.user_data[key]
