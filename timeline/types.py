""":mod:`timeline.types`: the typed records that flow through the pipeline.

text -> :class:`Article` -> spaCy ``Doc`` -> :class:`Timex` + :class:`Candidate`
-> :class:`Event` -> DataFrame (built only in :mod:`timeline.frame`).

This module imports nothing from the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

Precision = Literal["minute", "hour", "day", "week", "month", "year", "none"]
DateBasis = Literal["explicit", "relative", "inferred", "publication"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Status = Literal["occurred", "planned", "negated", "hypothetical"]

PRECISIONS: tuple[str, ...] = ("minute", "hour", "day", "week", "month", "year", "none")
DATE_BASES: tuple[str, ...] = ("explicit", "relative", "inferred", "publication")
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
STATUSES: tuple[str, ...] = ("occurred", "planned", "negated", "hypothetical")
#: ACLED's actor types in inter-code order (``ACTOR_TYPES.index(t) + 1`` is the inter code);
#: the values of the ``actor_types``/``target_types`` columns besides ``""`` (unknown).
ACTOR_TYPES: tuple[str, ...] = (
    "state_forces", "rebel_group", "political_militia", "identity_militia",
    "rioters", "protesters", "civilians", "external_forces",
)


def repeats_title(sentence: str, title: str) -> bool:
    """Whether a sentence is its article's own title kept as a line of the text (a headline of at
    least three words, "Rebels seize a town in the east", found in the sentence, case, spacing and
    apostrophes aside): news the body tells again, not of its own.

    Example:
        >>> repeats_title("Rebels Seize a Town in the East", "Rebels seize a town in the east")
        True
        >>> repeats_title("Rebels seized the town on Monday.", "Rebels seize a town in the east")
        False
    """
    folded_title = _folded(title)
    return len(folded_title.split()) >= 3 and folded_title in _folded(sentence)


def _folded(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split())


@dataclass(frozen=True)
class Article:
    """One input document with its metadata.

    ``published`` is the reference point for every relative date in ``text``; a
    ``YYYY-MM-DD`` string is accepted and turned into a ``date`` here (other forms:
    :func:`timeline.pubdate.parse_published`). ``None`` means "not given": ``extract``
    then uses its ``published`` argument. ``notes`` are what the report says about
    how the document was read (e.g. ``"decoded as UTF-16"``).
    """

    doc_id: str
    text: str
    published: date | None
    title: str = ""
    url: str = ""
    source: str = ""
    origin: str = ""  # where it was read from: a path, "path:row", or "<stdin>"
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        published = self.published
        if isinstance(published, datetime):
            object.__setattr__(self, "published", published.date())
        elif isinstance(published, str):
            try:
                object.__setattr__(self, "published", date.fromisoformat(published.strip()))
            except ValueError:
                raise ValueError(f"{self.doc_id}: publication date {published[:40]!r} is not YYYY-MM-DD "
                                 "(timeline.pubdate.parse_published reads other forms)") from None
        elif published is not None and not isinstance(published, date):
            raise TypeError(f"{self.doc_id}: `published` must be a date, a YYYY-MM-DD string or None, "
                            f"not {type(published).__name__}")


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in a text, normalised against a publication date.

    ``start``/``end`` are character offsets (``text == source[start:end]``);
    ``value`` is the TIMEX3 value as TimeML writes it (``2024-11-21``,
    ``2024-W47``, ``P3M``, ``PAST_REF``...). The remaining fields are what the
    event layer needs: the calendar interval the expression covers, written as
    ``date`` at ``precision`` (SCHEMA.md formats), and how it was obtained.
    Durations and sets that do not name a point in time have ``date == ""``,
    ``date_start is None`` and ``precision == "none"``.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    value_end: str | None = None
    date: str = ""
    date_start: datetime | None = None
    date_end: datetime | None = None
    precision: Precision = "none"
    basis: DateBasis = "explicit"
    future: bool = False  # resolved towards the future (tense or wording said so)


@dataclass(frozen=True)
class Candidate:
    """An event trigger found in a Doc, with the arguments read around it.

    Offsets are character offsets in the article text. No date resolution
    happens at this stage; ``timex`` is the temporal expression that governs
    the trigger, if any.
    """

    event_type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sent_start: int
    sent_end: int
    sentence: str
    status: Status = "occurred"
    actors: tuple[str, ...] = ()
    actor_countries: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    location: str = ""
    weapon: str = ""
    amount: str = ""
    fatalities: int | None = None
    pattern_id: str = ""
    score: float = 0.5


@dataclass(frozen=True)
class ResolvedDate:
    """The date an event is given, at the precision the text supports."""

    date: str
    date_start: datetime | None
    date_end: datetime | None
    precision: Precision
    basis: DateBasis
    text: str = ""


@dataclass(frozen=True)
class Place:
    """Where an event happened, as the offline gazetteer knows its location.

    ``country`` is an ISO 3166 alpha-3 code, ``admin1`` the first-level administrative
    region's name, ``geo_precision`` ACLED's code (1 the place itself, 2 near it or part of a
    region, 3 a province-level area or larger); empty or ``None`` where unknown.
    """

    latitude: float | None = None
    longitude: float | None = None
    country: str = ""
    admin1: str = ""
    geo_precision: int | None = None


@dataclass(frozen=True)
class AcledCoding:
    """An event as ACLED's codebook codes it; every field empty for an event ACLED does not code.

    ``actor_types``/``target_types`` are aligned with the candidate's ``actors``/``targets``
    (``"state_forces"``... or ``""`` where unknown); ``interaction`` is ACLED's two-digit code.
    """

    event_type: str = ""
    sub_event_type: str = ""
    actor_types: tuple[str, ...] = ()
    target_types: tuple[str, ...] = ()
    interaction: int | None = None


@dataclass(frozen=True)
class Event:
    """One event mentioned in one article: a candidate plus its resolved date, place and ACLED coding."""

    event_id: str
    article: Article
    candidate: Candidate
    when: ResolvedDate
    headline: str
    confidence: float
    place: Place = Place()
    acled: AcledCoding = AcledCoding()
    cluster_id: str = ""


@dataclass(frozen=True)
class DocumentOutcome:
    """What happened to one input document in a run (one line of the report)."""

    doc_id: str
    origin: str
    status: Literal["processed", "skipped"]
    reason: str = ""
    events: int = 0
