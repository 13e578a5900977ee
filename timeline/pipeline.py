""":mod:`timeline.pipeline`: the only module that joins nlp, events, temporal and frame.

``Article`` -> ``nlp.pipe`` -> ``Doc`` -> ``find_timexes`` + ``candidates`` ->
``resolve_date`` -> :class:`~timeline.types.Event` -> ``to_frame``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from .dedup import assign_cluster_ids
from .errors import InputError
from .events import candidates, headline, resolve_date
from .events.confidence import confidence
from .frame import to_frame
from .geo import locate
from .ingest import parse_published
from .nlp import doc_text, forget_cache, load_nlp
from .temporal import find_timexes
from .types import Article, Candidate, Event, ResolvedDate

BATCH_SIZE = 32


def extract(
    articles_or_texts: Iterable[Article | str],
    *,
    published: date | str | None = None,
    nlp: Language | None = None,
    model: str | None = None,
) -> pd.DataFrame:
    """Extract the events of articles (or plain texts) into the event table.

    Args:
        articles_or_texts: :class:`Article` records, or strings (which then need
            ``published``).
        published: the publication date of plain strings, and of articles that
            carry none.
        nlp: a loaded pipeline from :func:`timeline.nlp.load_nlp`; loaded when omitted.
        model: the pipeline to load when ``nlp`` is omitted.

    Returns:
        One row per event mention, columns per SCHEMA.md.

    Raises:
        InputError: a text or article has no publication date.

    Example:
        >>> df = extract(["Russia fired a missile at Dnipro on Thursday."], published="2024-11-22")
        ... # doctest: +SKIP
    """
    articles = as_articles(articles_or_texts, published=published)
    pipeline = nlp if nlp is not None else load_nlp(model)
    events: list[Event] = []
    for _, found in iter_article_events(articles, nlp=pipeline):
        events.extend(found)
    df = to_frame(events)
    df["cluster_id"] = assign_cluster_ids(df)
    return df


def as_articles(items: Iterable[Article | str], *, published: date | str | None) -> list[Article]:
    """Turn strings into articles (ids ``text-1``, ``text-2``...) and fill missing dates."""
    fallback = parse_published(published, origin="published") if published else None
    articles: list[Article] = []
    for number, item in enumerate(items, start=1):
        article = item if isinstance(item, Article) else Article(f"text-{number}", item, None, origin="<text>")
        if article.published is None:
            if fallback is None:
                raise InputError(f"{article.doc_id}: no publication date; pass published='YYYY-MM-DD'")
            article = Article(**{**article.__dict__, "published": fallback})
        articles.append(article)
    return articles


def iter_article_events(
    articles: Sequence[Article] | Iterable[Article], *, nlp: Language, batch_size: int = BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[tuple[Article, list[Event]]]:
    """Yield each article with its events, in input order, as the pipeline finishes it."""
    stream = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield article, doc_events(doc, article)


def doc_events(doc: Doc, article: Article) -> list[Event]:
    """The events of one parsed article (clusters not yet assigned)."""
    assert article.published is not None
    timexes = find_timexes(doc_text(doc), published=article.published, doc=doc)
    events = []
    for candidate in candidates(doc):
        when = resolve_date(doc, candidate, timexes, published=article.published)
        events.append(_event(article, candidate, when))
    forget_cache(doc)
    return events


def _event(article: Article, candidate: Candidate, when: ResolvedDate) -> Event:
    point = locate(candidate.location) if candidate.location else None
    return Event(
        event_id=event_id(article.doc_id, candidate),
        article=article,
        candidate=candidate,
        when=when,
        headline=headline(candidate),
        confidence=confidence(candidate, when),
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
    )


def event_id(doc_id: str, candidate: Candidate) -> str:
    """A stable id: a short hash of the document, the trigger's offsets and the type."""
    key = f"{doc_id}|{candidate.sent_start}|{candidate.trigger_start}|{candidate.event_type}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
