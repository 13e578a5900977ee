""":mod:`timeline.pipeline`: the only module that joins nlp, events, temporal and frame.

``Article`` -> ``nlp.pipe`` -> ``Doc`` -> ``find_timexes`` + ``candidates`` ->
``resolve_date`` -> :class:`~timeline.types.Event` -> row (:func:`timeline.frame.event_row`)
-> :func:`event_table`.

This is the one run path: :func:`extract` (the API) and the runner (the CLI, each
engine) both make the rows with :func:`iter_article_rows` and the table with
:func:`event_table`; the runner only journals the rows in between, so that a run
can resume.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from .dedup import assign_cluster_ids
from .errors import InputError
from .events import candidates, headline, resolve_date
from .events.acled import acled_coding
from .events.confidence import chosen_min_confidence, confidence
from .events.dating import dated_before_in_own_name
from .events.locations import place_in
from .events.status import lies_ahead
from .frame import event_row, from_rows
from .nlp import doc_text, forget_cache, load_nlp
from .pubdate import parse_published
from .temporal import find_timexes
from .title_lines import body_events
from .types import Article, Candidate, Event, ResolvedDate

if TYPE_CHECKING:
    import pandas as pd

#: Articles per batch: one ``nlp.pipe`` call, and in a run one task for a worker and one journal write.
BATCH_SIZE = 32


def extract(
    articles_or_texts: Iterable[Article | str],
    *,
    published: date | str | None = None,
    nlp: Language | None = None,
    model: str | None = None,
    day_first: bool | None = None,
    min_confidence: float | None = None,
) -> pd.DataFrame:
    """Extract the events of articles (or plain texts) into the event table.

    Args:
        articles_or_texts: :class:`Article` records, or strings (which then need
            ``published``).
        published: the publication date of plain strings, and of articles that
            carry none: a ``date`` or a string (``2024-11-22``, ``22 November 2024``...).
        nlp: a loaded pipeline from :func:`timeline.nlp.load_nlp`; loaded when omitted.
        model: the pipeline to load when ``nlp`` is omitted.
        day_first: how to read an all-number ``published`` such as ``04/06/2025``.
        min_confidence: leave out events the confidence model rates lower (0 keeps every
            candidate); the model's own threshold when omitted.

    Returns:
        One row per event mention, columns per SCHEMA.md.

    Raises:
        InputError: a text or article has no publication date, or ``published`` is not a date.

    Example:
        >>> df = extract(["Russia fired a missile at Dnipro on Thursday."], published="2024-11-22")
        ... # doctest: +SKIP
    """
    articles = as_articles(articles_or_texts, published=published, day_first=day_first)
    pipeline = nlp if nlp is not None else load_nlp(model)
    rows = iter_article_rows(articles, nlp=pipeline, min_confidence=min_confidence)
    return event_table(row for _, article_rows in rows for row in article_rows)


def event_table(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The event table of event rows (:func:`iter_article_rows`), clusters assigned over the whole table.

    Args:
        rows: the rows of every article, in input order, as made or as read back from a run's journal.

    Returns:
        One row per event mention, columns per SCHEMA.md.
    """
    df = from_rows(rows)
    df["cluster_id"] = assign_cluster_ids(df)
    return df


def as_articles(items: Iterable[Article | str], *, published: date | str | None,
                day_first: bool | None = None) -> list[Article]:
    """Turn strings into articles (ids ``text-1``, ``text-2``...) and fill missing dates."""
    fallback = parse_published(published, origin="published", day_first=day_first) if published else None
    articles: list[Article] = []
    for number, item in enumerate(items, start=1):
        article = item if isinstance(item, Article) else Article(f"text-{number}", item, None, origin="<text>")
        if article.published is None:
            if fallback is None:
                raise InputError(f"{article.doc_id}: no publication date; pass published='YYYY-MM-DD'")
            article = replace(article, published=fallback)
        articles.append(article)
    return articles


def iter_article_rows(
    articles: Iterable[Article], *, nlp: Language, batch_size: int = BATCH_SIZE,
    min_confidence: float | None = None,
) -> Iterator[tuple[Article, list[dict[str, Any]]]]:
    """Yield each article with its event rows (:func:`timeline.frame.event_row`), in input order."""
    events_by_article = iter_article_events(articles, nlp=nlp, batch_size=batch_size, min_confidence=min_confidence)
    for article, events in events_by_article:
        yield article, [event_row(event) for event in events]


def iter_article_events(
    articles: Sequence[Article] | Iterable[Article], *, nlp: Language, batch_size: int = BATCH_SIZE,
    min_confidence: float | None = None,
) -> Iterator[tuple[Article, list[Event]]]:
    """Yield each article with its events, in input order, as the pipeline finishes it."""
    threshold = chosen_min_confidence(min_confidence)
    stream = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield article, doc_events(doc, article, min_confidence=threshold)


def doc_events(doc: Doc, article: Article, *, min_confidence: float = 0.0) -> list[Event]:
    """The events of one parsed article rated at least ``min_confidence`` (clusters not yet assigned)."""
    assert article.published is not None
    timexes = find_timexes(doc_text(doc), published=article.published, doc=doc)
    events = []
    for candidate in candidates(doc):
        when = resolve_date(doc, candidate, timexes, published=article.published)
        if lies_ahead(candidate.status, when, published=article.published):
            candidate = replace(candidate, status="planned")  # "in next year's presidential election"
        elif candidate.status in ("hypothetical", "planned") \
                and dated_before_in_own_name(doc, candidate, timexes, published=article.published):
            candidate = replace(candidate, status="occurred")  # "saving what is left of a 2002 truce"
        rating = confidence(article, candidate, when)
        if rating >= min_confidence:
            events.append(_event(doc, article, candidate, when, rating))
    events = body_events(doc, events)
    forget_cache(doc)
    return events


def _event(doc: Doc, article: Article, candidate: Candidate, when: ResolvedDate, rating: float) -> Event:
    sent = doc.char_span(candidate.sent_start, candidate.sent_end, alignment_mode="expand")
    place = place_in(sent, candidate.location)
    return Event(
        event_id=event_id(article.doc_id, candidate),
        article=article,
        candidate=candidate,
        when=when,
        headline=headline(candidate),
        confidence=rating,
        place=place,
        acled=acled_coding(sent, candidate, place),
    )


def event_id(doc_id: str, candidate: Candidate) -> str:
    """A stable id: a short hash of the document, the trigger's offsets and the type."""
    key = f"{doc_id}|{candidate.sent_start}|{candidate.trigger_start}|{candidate.event_type}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
