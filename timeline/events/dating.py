""":mod:`timeline.events.dating`: give each event candidate the date its text supports.

Order of evidence:

1. an offset: the trigger sits in "<duration> after/before X" (the event is X, dated
   from the main clause: "two weeks after an election" in a sentence dated Tuesday)
   or its clause says "<duration> after <date>";
2. the temporal expression of the trigger's own phrase ("last Friday's earthquake",
   "the takeover in October 2021"), then one its clause governs ("passed the bill
   late on Tuesday"), then the nearest in the sentence. A dateline's date never
   dates an event, and a date that is the object of "before"/"after" only bounds it.
   A range ("between A and B", "from A to B") gives A, with B as ``date_end``. A
   statement is never dated after publication by what it announces ("said he would
   travel next week").
   "the following week" counts from the sentence's earlier date; a clock time that
   names no day ("at around 9 p.m.") falls on the day the discourse before it is
   about; a milestone is not dated by the start of its count ("one year since X"); a date
   inside a "who"/"whose" clause that does not hold the trigger tells of a participant, not
   of the event, and a date outside a simple-present "which"/"who" clause does not date a
   trigger inside it ("Central Command, which oversees military operations, said ... Thursday");
   a day a verb designates ("declared Tuesday as a national day of mourning") dates neither the
   declaration nor the sentences after it; a "since" date starts a span and gives way to another date
   of the sentence ("was held Thursday, the fifth round since May 25"); a span counted back from now
   in what a dated saying reports counts back from the saying's day ("said on Monday that the army
   killed 23 people during the past 24 hours"), and a toll over a span up to now ("have been killed
   in the past six months") is a count as of its report, not of the span's first day;
   with no date of its own, a sentence that opens "<duration> later," or
   "<duration> earlier," counts from the last dated sentence before it; with none either, the
   onset of a span that an "N-year" ("N-month") count measures up to now ("starting the three-year
   conflict") lies N years (months) before publication;
3. under a chronology's header line (a past date alone on the line before the paragraph: "1970" /
   "Hafez al-Assad seizes power in a coup"), the header's date, whatever the tense (:func:`_date_header`);
   else the running reference time of the discourse: the last past date of an earlier
   sentence of the paragraph, else of the nearest earlier paragraph that has one
   (``inferred``, at day precision at most; of "X happened on Tuesday, officials
   said on Wednesday" it is Tuesday, though a statement that came "later" does not go on
   from the day of what the report before it tells), but never before a date its own
   sentence's "after" clause gives ("fled after the army ordered an evacuation late
   on Tuesday" is not dated by the Monday before); a simple or progressive present report
   ("Ankara is warning ...") or a statement in the present perfect ("rights groups have condemned
   the arrest and urged ...": the publication day) takes no earlier sentence's date, nor does a clause that says
   "now" ("Italy has now tightened restrictions") or a toll counted up to now ("has registered
   121,177 deaths since the outbreak last year"); a year-only date carries one sentence at most;
   a statement takes no earlier sentence's month or year (it was made on a day) unless it reacts to the
   event told there ("Russia annexed Crimea in 2014. Western governments condemned the annexation");
4. the publication date (``publication``): the publication day for present-tense
   reports, for every report of a text with a dateline or a source that "told Reuters" (wire copy
   reports the day's news, :func:`_wire_copy`) and for a past event told as what someone says now ("Security forces
   say they killed six attackers"), only its month for past-tense reports with no time of their own
   (the text does not say which day), and no date at all for planned,
   hypothetical or negated events. Before that month, a past report with no time of its own takes the
   article's news day (``inferred``, :func:`_story_day`) when the article tells one day: every date of
   its last week that names a day names that one, on or the day before publication ("Police opened fire
   on marchers on Friday", published Saturday: "Officers also raided a newspaper's offices", paragraphs
   later, is Friday's news too; so is a past report of wire copy, which otherwise takes the publication
   day, and a happening told in the present perfect: "A suicide bomber has killed 12 people", the lead of
   a story whose blast "struck on Friday morning", :func:`_perfect_happening`); else a past statement
   takes the publication day ("The minister reiterated the government's stance": said by publication,
   and a month is never a statement's day).
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from spacy import parts_of_speech
from spacy.attrs import DEP, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..nlp import (
    FINITE_TAGS,
    NOUN_POS,
    PRESENT_TAGS,
    TRIGGERS_KEY,
    VERB_POS,
    children_ids,
    clause_ids,
    dateline_spans,
    doc_sents,
    doc_text,
    has_annotation,
    has_infinitive_to,
    has_modal,
    head_ids,
    head_path,
    per_doc,
    per_doc_part,
    sent_of,
    token_column,
    token_strings,
)
from ..temporal.layout import line_above, line_bounds, opens_line, stands_alone
from ..temporal.lexicon import expand_slots
from ..types import Candidate, ResolvedDate, Timex
from .anchoring import event_anchor, offset_anchor, reaction_object
from .date_values import (
    DAY_OR_FINER,
    END_OF_DAY,
    day_of,
    decade_span,
    duration_of,
    from_reference,
    is_signal_object,
    moved,
    narrated_shift,
    period_start,
    period_value,
    shifted_date,
    undated,
    week_as_days,
    with_range,
    year_back,
)
from .dated_lists import candidate_item_date
from .rules import rules, types_flagged, word_set
from .spans import trigger_span

_NEGATED = re.compile(r"\b(?:not|never)\s+(?:on\s+|in\s+)?$", re.IGNORECASE)
_SIGNAL = re.compile(r"\s+(after|before|later|earlier)\b", re.IGNORECASE)


def resolve_date(doc: Doc, candidate: Candidate, timexes: list[Timex], *, published: date) -> ResolvedDate:
    """Date one candidate.

    Args:
        doc: the parsed article.
        candidate: the event candidate.
        timexes: the article's temporal expressions (:func:`timeline.temporal.find_timexes`).
        published: the article's publication date.

    Returns:
        The resolved date, never finer than the evidence, and never after publication for an
        event reported as having happened (:func:`_not_after_publication`).
    """
    resolved = _resolve_date(doc, candidate, timexes, published=published)
    resolved = _not_after_publication(doc, candidate, resolved, timexes, published=published)
    resolved = _weeks_ago_day(resolved, published=published)
    return week_as_days(resolved, published) if candidate.status == "occurred" and resolved.basis != "inferred" else resolved


def _weeks_ago_day(resolved: ResolvedDate, *, published: date) -> ResolvedDate:
    """The day ``7 * N`` days before publication for a date of "N weeks ago" ("launched an offensive two weeks
    ago", "six weeks ago"), not the Monday of that week: "ago" counts from the day of writing, and a count of
    weeks back from a day lands on a day (data README, "N days/weeks ago"). "Last week" and a week of the
    discourse keep the week."""
    found = _WEEKS_AGO.fullmatch(resolved.text.strip()) if resolved.precision == "week" else None
    if found is None or resolved.date_start is None or resolved.date_end is None:
        return resolved
    count = found["n"].lower()
    weeks = int(count) if count.isdigit() else (rules()["number_words"] | {"a": 1}).get(count)
    if not isinstance(weeks, int):
        return resolved
    day = published - timedelta(weeks=weeks)
    if not resolved.date_start.date() <= day <= resolved.date_end.date() + timedelta(days=6):
        return resolved  # counted from another day than publication
    return period_value(day, "day", resolved.basis, resolved.text)


_WEEKS_AGO = re.compile(r"(?:about\s+|some\s+|nearly\s+|almost\s+)?(?P<n>[\w-]+)\s+weeks?\s+ago",
                        re.IGNORECASE)


def _resolve_date(doc: Doc, candidate: Candidate, timexes: list[Timex], *, published: date) -> ResolvedDate:
    dated = _usable_for_doc(doc, timexes, published=published)
    own = [t for t in dated if candidate.sent_start <= t.start < candidate.sent_end]
    if candidate.status == "occurred" and candidate.event_type in types_flagged("dated_by_publication"):
        # "Zelenskiy said he would travel next week": a statement is made by publication, not when
        # what it announces is to come
        own = [t for t in own if t.date_start is None or t.date_start.date() <= published]
    trigger = trigger_span(doc, candidate)
    offsets = _offset_phrases(doc, candidate, timexes) if trigger is not None else []
    for phrase, sign, amount, duration in sorted(offsets, key=lambda o: len(o[0])):  # innermost first
        if trigger is not None and trigger.root.i in phrase:
            inside = [t for t in own if _timex_token(doc, t) in phrase]
            chosen = _governing(doc, candidate, trigger, inside) if inside else None
            if chosen is not None and (chosen.precision in DAY_OR_FINER
                                       or _timex_token(doc, chosen) in _phrase_tokens(trigger)):
                return with_range(doc_text(doc), chosen, inside)
            anchor = offset_anchor(doc, phrase, dated) if chosen is None and not _dated_outside(
                doc, own, phrase) else None
            if anchor is not None:
                return day_of(anchor, basis="inferred")
            # "a day after Ukraine struck a refinery, the second such strike this month": the
            # offset from the main clause's day says more than a month found elsewhere in the phrase
            main = _main_date(doc, candidate, dated, phrase, published=published)
            if main is not None:
                return shifted_date(main, sign, amount, duration)
            return with_range(doc_text(doc), chosen, inside) if chosen is not None else undated()
    walled = set().union(*(phrase for phrase, *_ in offsets)) if offsets else set()
    free = [t for t in own if _timex_token(doc, t) not in walled]
    chosen = _governing(doc, candidate, trigger, free) if free else None
    shifted = from_reference(chosen, own) if chosen is not None else None
    if shifted is not None:
        return shifted
    if chosen is not None and _bare_clock(chosen) and not any(
            t.precision == "day" and not _bare_clock(t) for t in free):
        placed = _clock_on_reference_day(doc, candidate, chosen, dated, published=published)
        free = [placed if t is chosen else t for t in free]
        chosen = placed
    if chosen is not None and trigger is not None:
        counted = _counted_to_saying(doc, trigger, chosen, free, published=published)
        free = [counted if t is chosen else t for t in free]
        chosen = counted
    if chosen is not None and _said_today(doc, candidate, chosen, published=published):
        story = _story_day(doc, dated, published=published)
        if story is not None and story.date_start is not None and story.date_start.date() < published:
            return day_of(story, basis="inferred")
    if chosen is not None:
        return _episode(doc, candidate, timexes, with_range(doc_text(doc), chosen, free))
    narrated = _narrated_shift(doc, candidate, timexes, dated)
    if narrated is not None:
        return narrated
    for phrase, sign, amount, duration in offsets:
        inside = [t for t in own if _timex_token(doc, t) in phrase and t.date_start is not None]
        if inside and inside[0].date_start is not None:
            return shifted_date((inside[0].date_start.date(), inside[0].text), -sign, amount, duration)
        anchor = offset_anchor(doc, phrase, dated) if not inside else None
        if anchor is not None and anchor.date_start is not None:
            # "Three days after President Lai took office, China conducted drills": from the inauguration's day
            return shifted_date((anchor.date_start.date(), anchor.text), -sign, amount, duration)
    onset = _span_onset(doc, candidate, trigger, timexes, published=published)
    if onset is not None:
        return onset
    # a bare clock time ("at about 11:30 a.m.") names no day: the earlier mention's day is its discourse's
    days = [t for t in dated if not _bare_clock(t)]
    anchored = event_anchor(doc, candidate, trigger, days) if trigger is not None else None
    if anchored is not None:
        return day_of(anchored, basis="inferred")
    if _running_tally(doc, candidate, trigger):
        return publication_date(doc, candidate, published=published)
    header = _date_header(doc, candidate, dated, published=published)
    if header is not None:
        return day_of(header, basis="inferred")
    earlier = _discourse_reference(doc, candidate, dated) if not _told_as_now(doc, trigger, timexes) else None
    if earlier is not None and earlier.precision not in (*DAY_OR_FINER, "week") \
            and candidate.event_type in types_flagged("dated_by_publication") \
            and not (trigger is not None and _reacts_to_event(trigger)):
        # "She and the envoy both urged the council ..." after a sentence of "this year" (of "in September"):
        # a statement is made on a day, and the month or year of the report before it is not that day; a
        # reaction to the event told before ("Russia annexed Crimea in 2014. Western governments condemned
        # the annexation") goes with it
        earlier = None
    if earlier is not None:
        bound = _after_bound(doc, trigger, own) if trigger is not None else None
        if bound is not None and earlier.date_start is not None and earlier.date_start < bound.date_start:
            earlier = bound  # "fled after the army ordered an evacuation late on Tuesday": not before Tuesday
        return day_of(earlier, basis="inferred")
    return _undated_fallback(doc, candidate, dated, published=published)


def _undated_fallback(doc: Doc, candidate: Candidate, dated: list[Timex], *, published: date) -> ResolvedDate:
    """The date of an event nothing in its text dates: :func:`publication_date`, but the article's news day
    (:func:`_story_day`) for a past report it would give only a month, and the publication day for a past
    statement when the article tells no one news day.

    A statement with no date of its own ("She and the envoy both urged the council to press the warring
    parties", "The minister reiterated the government's stance") is told as news: it was made by the time of
    publication, in the days the article reports, not some time in its month; a month could never be its day.
    """
    fallback = publication_date(doc, candidate, published=published)
    if fallback.precision != "month" and not _wire_past_report(doc, candidate) \
            and not _perfect_happening(doc, candidate):
        return fallback
    story = _story_day(doc, dated, published=published)
    if story is None and fallback.precision == "month" and _told_in_past(doc, candidate) \
            and candidate.event_type in types_flagged("dated_by_publication"):
        # a statement is made on a day: the lead's, not publication; a happening keeps the month
        story = _lead_day(doc, dated, published=published)
    if story is not None:
        return day_of(story, basis="inferred")
    if fallback.precision == "month" and candidate.event_type in types_flagged("dated_by_publication"):
        return period_value(published, "day", "publication", "")
    return fallback


def _told_in_past(doc: Doc, candidate: Candidate) -> bool:
    """Whether an occurred event is told in the simple past, as part of the story's news ("A U.N.
    spokesman accused the Serbs of deliberately attacking U.N. facilities"), not as what goes on now."""
    return candidate.status == "occurred" and _is_past_report(doc, candidate) \
        and not _is_perfect_statement(doc, candidate) and not _reported_in_present(doc, candidate)


def _lead_day(doc: Doc, dated: list[Timex], *, published: date) -> Timex | None:
    """The day the story's lead names, when it is the day before publication: the first day-precise date
    of the text past the page's date lines ("Sarajevo's streets were largely deserted Saturday as shells
    slammed into the city", published Sunday). A statement told in the past with no time of its own
    further down ("A U.N. spokesman accused the Serbs ...") was made in that day's news, though later
    paragraphs tell other days' background ("On Thursday, two mortar shells hit ..."); an undated
    happening of such an article keeps the month (:func:`_story_day`)."""
    def compute() -> Timex | None:
        text, window = doc_text(doc), timedelta(days=rules()["story_day_window"])
        for t in dated:
            if t.date_start is None or not _names_news_day(doc, t) \
                    or _page_date_line(text, t, published=published):
                continue
            day = t.date_start.date()
            return t if published - window <= day < published else None
        return None
    return per_doc(doc, "lead_day", compute)


def _perfect_happening(doc: Doc, candidate: Candidate) -> bool:
    """Whether a happening (no statement) is told in the present perfect ("An air strike has killed dozens of
    fighters", "Gunmen have abducted 30 pupils"): the lead's news, which happened on the article's news day
    when it tells one (:func:`_story_day`), not on publication.

    Class: a news lead in the present perfect whose day the article names further down ("A suicide bomber
    has killed 12 people at a market" / "The blast struck on Friday morning", published Saturday). A
    statement ("the government has condemned ...") is said by publication (:func:`_is_perfect_statement`),
    and a perfect progressive ("has been raging for weeks") tells a state that runs up to now.
    """
    span = trigger_span(doc, candidate)
    if span is None or candidate.status != "occurred" or candidate.event_type in types_flagged("speech") \
            or not has_annotation(doc, "TAG"):
        return False
    verb = _tensed_verb(span, conjuncts_share=False)
    # "fighting has been raging for weeks": a state that runs up to now, not the lead's news
    return verb is not None and _has_present_have(verb) and not has_modal(verb) and verb.tag_ != "VBG"


def _wire_past_report(doc: Doc, candidate: Candidate) -> bool:
    """Whether a past report gets the publication day only because its text is wire copy (a dateline).

    Wire copy reports the day's news; when the article tells one news day before publication ("Gunmen
    killed five villagers on Friday", filed Saturday), "The attackers also burned a clinic" is that
    day's news.
    """
    return _wire_copy(doc) and _is_past_report(doc, candidate) \
        and not _is_perfect_statement(doc, candidate) and not _reported_in_present(doc, candidate)


def _story_day(doc: Doc, dated: list[Timex], *, published: date) -> Timex | None:
    """The day the article's news happened, when it tells one day: every date naming a day in the
    ``story_day_span`` days up to publication names the same day, and that day is at most
    ``story_day_window`` days (1: a daily paper reports the day before) before publication ("Police opened
    fire on marchers in the capital on Friday", published Saturday); else None.

    A past report with no time of its own and no earlier date in reach ("Officers also raided the offices
    of a newspaper", paragraphs after the lead) is told as part of that day's news, not of the publication's
    month. An article that tells its week day by day ("on Tuesday ... on Wednesday ... on Thursday
    morning") has no one news day: its undated reports keep the month. A clock time with no day, a date
    after "before"/"after"/"since", a designated day and a future date name no news day.
    """
    return per_doc(doc, "story_day", lambda: _only_news_day(doc, dated, published=published))


def _only_news_day(doc: Doc, dated: list[Timex], *, published: date) -> Timex | None:
    """The one day the recent day-dated mentions of a Doc name (:func:`_story_day`), else None."""
    text, window = doc_text(doc), timedelta(days=rules()["story_day_window"])
    span = timedelta(days=rules()["story_day_span"])
    days: list[tuple[date, Timex]] = [(t.date_start.date(), t) for t in dated
                                      if t.date_start is not None and _names_news_day(doc, t)]
    days = [(day, t) for day, t in days if published - span <= day <= published]
    news = [(day, t) for day, t in days if not _page_date_line(text, t, published=published)]
    days = news or days
    happened = [(day, t) for day, t in days if not _day_of_saying(doc, t)]
    days = happened or days
    if not days or len({day for day, _ in days}) > 1:
        return None  # a week told day by day has no one news day
    first, timex = days[0]
    return timex if published - window <= first else None


def _names_news_day(doc: Doc, timex: Timex) -> bool:
    """Whether a date can name the day the news happened (:func:`_story_day`, :func:`_lead_day`): a past day
    or a finer time, neither a clock time with no day, nor the object of "before"/"after"/"since", nor a
    designated day."""
    text = doc_text(doc)
    return timex.date_start is not None and timex.type in ("DATE", "TIME") and not timex.future \
        and timex.precision in DAY_OR_FINER and not _bare_clock(timex) and not is_signal_object(text, timex) \
        and not _after_word(text, timex, "since") and not _designated_day(doc, timex)


def _said_today(doc: Doc, candidate: Candidate, chosen: Timex, *, published: date) -> bool:
    """Whether the only date of a happening's sentence is the publication day on which a source told of it
    ("Air strikes hit a hospital in Aleppo, killing 20 people, the monitor said on Thursday", published
    Thursday): the report's day, not the strike's. The article's one news day before publication
    (:func:`_story_day`, "the attack late Wednesday" further down) dates the happening instead.
    """
    return candidate.status == "occurred" and candidate.event_type not in types_flagged("speech") \
        and chosen.date_start is not None and chosen.date_start.date() == published \
        and chosen.precision in DAY_OR_FINER and _day_of_saying(doc, chosen)


def _day_of_saying(doc: Doc, timex: Timex) -> bool:
    """Whether a date tells when a source spoke, not when the news happened: it modifies a reporting verb
    directly or through its preposition ("Thirteen marines have been killed, a spokesman said Saturday",
    "..., the monitor said on Thursday").

    Class: a lead whose happening has no time of its own, attributed to a source "said <publication
    day>", over a body that names the day of the happening ("the battle erupted on Friday"). The
    saying's day gives way to the happening's in :func:`_only_news_day`; it still names the news day
    when the article names no other.
    """
    token = _timex_token(doc, timex)
    if token < 0 or not has_annotation(doc, "DEP"):
        return False
    head = doc[token].head
    if head.pos_ == "ADP" and doc[token].dep_ == "pobj":
        head = head.head
    return head.i != token and head.pos_ in VERB_POS and head.lemma_ in rules()["reporting_verbs"]


def _page_date_line(text: str, timex: Timex, *, published: date) -> bool:
    """Whether a date is the page's own date line: a line that holds nothing but the publication day and
    the words of a stamp (``page_stamp_words``: "February 23, 2004" / "Rebels captured the city on Sunday
    ...", "13 Mar, 2007 00:11", "Updated January 16, 2019", "Tuesday 02 December 2014 08:00 GMT" above
    the headline). It stamps the page; a day the news names ("on Sunday") is the story's day, and the
    stamp gives way to it (:func:`_only_news_day`).

    A stamp that writes a calendar date or a clock (a digit) may also carry the page's byline, agency or
    site and the clock's parts ("March 09, 2024|Newswire", "Sat Mar 9, 2024 07:15:02", "By Newswire Time
    of article published Mar 9, 2024", "Example.com/ March 9, 2024/"): names (capitalised words, at most
    ``page_stamp_max_names``) and numbers, never a lower-case word of a sentence.
    """
    if timex.date_start is None or timex.date_start.date() != published:
        return False
    line_start, line_end = line_bounds(text, timex.start)
    rest = re.findall(r"\w[\w.'&-]*\w|\w", text[line_start : timex.start] + " " + text[timex.end : line_end])
    rest = [word for word in rest if word.lower() not in rules()["page_stamp_words"]]
    if not rest:
        return True
    return any(char.isdigit() for char in text[timex.start : timex.end]) and _stamp_furniture(rest)


def _stamp_furniture(words: list[str]) -> bool:
    """Whether the words beside a stamp's calendar date are a byline's, an agency's or a site's names and a
    clock's numbers: no lower-case word, at most ``page_stamp_max_names`` names (:func:`_page_date_line`)."""
    names = [word for word in words if not re.fullmatch(r"[\d.:/-]+", word)]  # "22:59:46", "20.53", "06/03"
    return all(word[0].isupper() for word in names) and len(names) <= rules()["page_stamp_max_names"]


@lru_cache(maxsize=1)
def _calendar_names() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Patterns for a written-out year, a weekday and a month name (the temporal word tables' slots)."""
    return (re.compile(expand_slots("{YEAR}")), re.compile(expand_slots(r"\b{WD}")),
            re.compile(expand_slots(r"\b{MONTH}")))


def _not_after_publication(doc: Doc, candidate: Candidate, resolved: ResolvedDate, timexes: list[Timex], *,
                           published: date) -> ResolvedDate:
    """An event reported as having happened is never dated after its article's publication day.

    When the date's expression is governed by a past-tense verb ("held a summit in September",
    a caption's "chanted as they march in Khartoum Thursday") it is the latest such weekday or
    month (day) on or before publication; a fronted month-day of a present-tense clause (the
    historical present of a dated list: "On June 5, a blast rips through the market") the
    latest such month-day. A past report dated after publication in any other way falls back
    to :func:`publication_date`. A year the text writes out is left as it is.
    """
    year, weekday, month = _calendar_names()
    if candidate.status != "occurred" or resolved.date_start is None \
            or resolved.date_start.date() <= published or year.search(resolved.text):
        return resolved
    source = [t for t in timexes if t.text == resolved.text and t.start < candidate.sent_end]
    tense = _timex_tense(doc, source[-1]) if source and has_annotation(doc, "TAG") else None
    if tense == "past" and resolved.precision in DAY_OR_FINER and weekday.search(resolved.text):
        weeks = -(-(resolved.date_start.date() - published).days // 7)
        return moved(resolved, timedelta(weeks=-weeks))
    if tense == "past" and month.search(resolved.text) or tense == "present" \
            and resolved.precision in DAY_OR_FINER and _fronted(doc_text(doc), source[-1]):
        return year_back(resolved)
    return publication_date(doc, candidate, published=published) \
        if _is_past_report(doc, candidate) else resolved


def _timex_tense(doc: Doc, timex: Timex) -> str | None:
    """"past" or "present" for the clause that governs a timex, None when modal or unclear.

    Climbs from the timex through participles and prepositions to the first finite verb; a
    present-tense clause subordinate to a past one ("chanted as they march ... Thursday")
    is past.
    """
    index = _timex_token(doc, timex)
    if index < 0:
        return None
    present, ahead = False, False
    for token in (doc[i] for i in head_path(doc[index], 10)):
        ahead = ahead or token.dep_ == "prep" and token.lower_ in _AHEAD_PREPS
        if token.tag_.startswith("VB") and token.dep_ not in ("aux", "auxpass"):
            auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
            if token.tag_ == "VBN" and token.dep_ == "acl" and not auxes and not ahead and not present:
                # "Dhar, kidnapped in Srinagar on Thursday, would be killed": a participle on a noun tells
                # what was done to it, though the clause it stands in looks ahead ("set for Friday" does not)
                return "past"
            if any(c.tag_ == "MD" or c.lower_ == "to" for c in auxes):
                return None
            tags = [c.tag_ for c in auxes] + [token.tag_]
            if "VBD" in tags or any(c.lemma_ == "have" for c in auxes):
                return "past"
            if any(tag in PRESENT_TAGS for tag in tags):
                if token.dep_ not in ("advcl", "conj"):
                    return "present"
                present = True
            elif token.tag_ == "VB":
                return None
    return "present" if present else None


_AHEAD_PREPS = ("for", "until", "till", "by", "before")


def _fronted(text: str, timex: Timex) -> bool:
    """Whether a timex opens its sentence or line ("On June 5, ...", "June 5: ...")."""
    stop = text.rfind(". ", 0, timex.start)
    line_start = max(text.rfind("\n", 0, timex.start) + 1, stop + 2 if stop >= 0 else 0)
    return re.fullmatch(r"\s*(?:on\s+)?", text[line_start : timex.start], re.IGNORECASE) is not None


def _told_as_now(doc: Doc, trigger: Span | None, timexes: list[Timex]) -> bool:
    """Whether the trigger's clause says "now" or "currently" ("Italy has now tightened restrictions"):
    it reports the state at publication, not a day of the discourse before it."""
    if trigger is None or not has_annotation(doc, "DEP"):
        return False
    clause = set(_event_clause(trigger))
    return any(t.value == "PRESENT_REF" and _timex_token(doc, t) in clause for t in timexes)


def _since_phrases(trigger: Span) -> set[int]:
    """The tokens of the "since" phrases under the trigger's verb ("since the pandemic's outbreak last
    year", "since it began in 2022"): where a count starts, not when the counted event happened."""
    root = trigger.root
    verb = root.head if root.pos_ in NOUN_POS and root.head.pos_ in VERB_POS else root
    words = [t for t in verb.subtree if t.lower_ == "since" and t.dep_ in ("prep", "mark")]
    return set().union(*(_signal_phrase(word) for word in words)) if words else set()


def _reacts_to_event(trigger: Span) -> bool:
    """Whether a statement's verb takes a definite event noun as its object ("condemned the annexation"):
    a reaction to an event told before (:func:`timeline.events.anchoring.reaction_object`)."""
    root = trigger.root
    return any(reaction_object(c, root) for c in root.children if c.dep_ == "dobj")


def _counted_to_saying(doc: Doc, trigger: Span, chosen: Timex, own: list[Timex], *, published: date) -> Timex:
    """A span counted back from now ("during the past 24 hours") in what a dated saying reports counts back
    from the saying's day, not from publication.

    Class: a ministry's daily toll told a day late ("Also on Monday, the Gaza health authorities said that
    the army killed 23 Palestinians during the past 24 hours", published Tuesday: Monday's count). The
    span must end on the publication day, the trigger lie in what the sentence's reporting verb reports,
    and a day before publication must date that verb outside the report ("said on Monday").
    """
    if chosen.type != "DURATION" or chosen.precision not in DAY_OR_FINER or chosen.date_start is None \
            or chosen.date_end is None or chosen.date_end.date() != published \
            or not has_annotation(doc, "DEP"):
        return chosen
    root = sent_of(trigger).root
    if root.lemma_ not in rules()["reporting_verbs"] or root.pos_ not in VERB_POS:
        return chosen
    content = {t.i for c in root.children if c.dep_ == "ccomp" for t in c.subtree}
    if trigger.root.i not in content:
        return chosen
    days = [t for t in own if t.type in ("DATE", "TIME") and t.precision == "day" and not t.future
            and t.date_start is not None and t.date_start.date() < published
            and _timex_token(doc, t) >= 0 and _timex_token(doc, t) not in content]
    if not days or days[0].date_start is None:
        return chosen
    shift = days[0].date_start.date() - published
    start = chosen.date_start + shift
    return replace(chosen, date=start.strftime("%Y-%m-%d") + chosen.date[10:], date_start=start,
                   date_end=chosen.date_end + shift, basis="relative")


_SINCE_AFTER = re.compile(r"\s+since\b", re.IGNORECASE)


def _span_to_now(text: str, timex: Timex) -> bool:
    """Whether a timex is a span that runs up to the report ("in the past six months", "over the last
    week", "in the decade since the Maoists began"): a toll counted over it is a count as of its report,
    not an event of the span's first day (README "casualty tallies")."""
    return timex.type == "DURATION" or _SINCE_AFTER.match(text, timex.end) is not None


def _in_since_phrase(doc: Doc, timex: Timex, trigger: Span) -> bool:
    """Whether the trigger lies in the phrase of the "since" before a date, or after it ("one year since the
    7th of October, the day gunmen burst through the fence, taking 251 hostages": the date is the
    hostage-taking's, whatever the parser hangs "the day" on)."""
    token = _timex_token(doc, timex)
    if token < 0:
        return False
    since = next((doc[i] for i in head_path(doc[token], 3) if doc[i].lower_ == "since"), None)
    return since is not None and since.left_edge.i <= trigger.root.i


def _running_tally(doc: Doc, candidate: Candidate, trigger: Span | None) -> bool:
    """A toll counted up to now ("has registered 121,177 deaths since the outbreak last year",
    "more than 500 people have been killed since the fighting erupted"): its date is publication."""
    return trigger is not None and has_annotation(doc, "DEP") \
        and candidate.event_type in types_flagged("undated_by_since") \
        and not _is_past_report(doc, candidate) and bool(_since_phrases(trigger))


def _usable_for_doc(doc: Doc, timexes: list[Timex], *, published: date) -> list[Timex]:
    """:func:`usable_timexes` of the Doc's text, computed once per Doc for the same timexes and date.

    Cached in ``doc.user_data`` (``tl_usable_timexes``); every candidate of a Doc asks for the same list.
    """
    cached = doc.user_data.get("tl_usable_timexes")
    # list == compares the elements by identity first, so a hit costs a pointer walk
    if cached is not None and cached[1] == published and cached[0] == timexes:
        return cached[2]  # type: ignore[no-any-return]
    dated = usable_timexes(doc_text(doc), timexes, published=published)
    doc.user_data["tl_usable_timexes"] = (list(timexes), published, dated)
    return dated


_EPISODE_OPEN = re.compile(r"\b(?:ending|ended|ends|capping|closing|concluding)\s+$", re.IGNORECASE)


def _episode(doc: Doc, candidate: Candidate, timexes: list[Timex], resolved: ResolvedDate) -> ResolvedDate:
    """An episode that a dated event ends ("ending four days of exchanges, the worst fighting")
    runs from N - 1 days before that date to it (README "multi-day episodes").

    Applies to a noun trigger that follows the day count with no finite verb in between.
    """
    if resolved.precision not in DAY_OR_FINER or resolved.date_start is None:
        return resolved
    text = doc_text(doc)
    for timex in timexes:
        days = duration_of(timex) if timex.type == "DURATION" else None
        if days is None or days[1] != "D" or days[0] < 2:
            continue
        if not (candidate.sent_start <= timex.start and timex.end <= candidate.trigger_start):
            continue
        if not _EPISODE_OPEN.search(text[max(0, timex.start - 12) : timex.start]) \
                or not text[timex.end :].startswith(" of "):
            continue
        between = doc.char_span(timex.end, candidate.trigger_start, alignment_mode="expand")
        if between is None or any(t.tag_ in FINITE_TAGS for t in between):
            continue
        trigger = trigger_span(doc, candidate)
        if trigger is None or trigger.root.pos_ not in NOUN_POS:
            continue
        last = resolved.date_start.date()
        start = period_value(last - timedelta(days=days[0] - 1), "day", "relative", "")
        return ResolvedDate(start.date, start.date_start, datetime.combine(last, END_OF_DAY), "day",
                            "relative", text[timex.start : timex.end])
    return resolved


def usable_timexes(text: str, timexes: list[Timex], *, published: date | None = None) -> list[Timex]:
    """The timexes that can date an event: calendar-dated ones outside the dateline.

    A dateline ("ADEN, March 7 (Newswire) -") states when the report was filed, never
    when its events happened.

    Example:
        >>> from timeline.types import Timex
        >>> line = Timex(6, 13, "March 7", "DATE", "2024-03-07", date="2024-03-07",
        ...              date_start=datetime(2024, 3, 7), date_end=datetime(2024, 3, 7, 23, 59))
        >>> usable_timexes("ADEN, March 7 (Newswire) - A missile struck a ship.", [line])
        []
    """
    zones = dateline_spans(text)
    if published is not None:
        timexes = [decade_span(period_start(text, t, published)) for t in timexes]
    return [
        t for t in timexes
        if t.date and t.date_start is not None and t.date_end is not None
        and not any(start <= t.start < end for start, end in zones)
        and not _NEGATED.search(text[max(0, t.start - 8) : t.start])
    ]


# --- the sentence's own timex ------------------------------------------------------------

def _governing(doc: Doc, candidate: Candidate, trigger: Span | None, own: list[Timex]) -> Timex | None:
    """The timex of the trigger's phrase, else of its clause, else the nearest in the sentence.

    A timex that only bounds the event ("until April 22", "by 1 January") is used
    when nothing else dates it; one that is the object of "before"/"after" never is.
    """
    free = [t for t in own if not is_signal_object(doc_text(doc), t)]
    if candidate.event_type in types_flagged("count_end"):
        free = [t for t in free if not _count_origin(doc_text(doc), t)]  # the milestone ends the count
    if trigger is not None and has_annotation(doc, "DEP"):
        other_clauses = _other_signal_clauses(doc, trigger) if free else []
        free = [t for t in free if not _in_any(_timex_token(doc, t), other_clauses)]
        if candidate.event_type in types_flagged("undated_by_since") and not _is_past_report(doc, candidate):
            since = _since_phrases(trigger)
            free = [t for t in free if not _after_word(doc_text(doc), t, "since")
                    and _timex_token(doc, t) not in since and not _span_to_now(doc_text(doc), t)]
        free = [t for t in free if not _in_participant_clause(doc, t, trigger) and not _designated_day(doc, t)
                and not _in_purpose_infinitive(doc, t, trigger)]
        if candidate.event_type in types_flagged("speech"):
            free = [t for t in free if not _in_reported_content(doc, t, trigger)]
        if _is_present_report(doc, candidate):
            # "has been independent since 1901 but still recognizes the monarch": where a state began
            free = [t for t in free if not _after_word(doc_text(doc), t, "since")]
        standing = _present_relative_clause(trigger)
        if standing is not None:
            free = [t for t in free if standing.left_edge.i <= _timex_token(doc, t) <= standing.right_edge.i]
    if not free:
        return None
    # "The drill was held Thursday, the fifth round since May 25", "announced on Wednesday that they had
    # overthrown President Bazoum, in power since 2021": a "since" date starts a span that runs on; with
    # another date in the sentence, that one tells when the event happened
    spans = [t for t in free if _after_word(doc_text(doc), t, "since")
             and not (trigger is not None and _in_since_phrase(doc, t, trigger))]
    if spans and any(t.type in ("DATE", "TIME") and t not in spans for t in free):
        free = [t for t in free if t not in spans]
    free = _outside_brackets(doc_text(doc), candidate, free)
    clause: set[int] = set()
    if trigger is not None and has_annotation(doc, "DEP"):
        clause = set(_event_clause(trigger))
        outside = [t for t in free if not _in_noun_modifier(doc, t, trigger)]
        if any(_timex_token(doc, t) in clause for t in outside):
            free = outside  # the clause's own date, not the one of a clause describing a noun
    bounded = [t for t in free if not _is_end_bound(doc, t)] or free
    if trigger is not None and has_annotation(doc, "DEP"):
        phrase = _phrase_tokens(trigger)
        in_phrase = [t for t in bounded if _timex_token(doc, t) in phrase]
        if in_phrase:
            return min(in_phrase, key=lambda t: _distance(candidate, t))
        attached = [t for t in bounded if _timex_token(doc, t) in clause]
        if attached:
            return min(attached, key=lambda t: (not _via_temporal_prep(doc, t), _distance(candidate, t)))
    nearest = min(bounded, key=lambda t: _distance(candidate, t))
    if trigger is not None and has_annotation(doc, "DEP") and _in_other_noun_modifier(doc, nearest, trigger):
        # "announced on Tuesday that the sentences of three men involved in last year's unrest had been
        # upheld, sparking protests": last year is the unrest's, told in a clause describing a noun; the
        # protests go with a date of a clause that governs them
        governing = [t for t in bounded if _dates_governing_clause(doc, t, trigger)]
        if governing:
            return min(governing, key=lambda t: _distance(candidate, t))
    return nearest


def _in_other_noun_modifier(doc: Doc, timex: Timex, trigger: Span) -> bool:
    """Whether a date sits in a clause ("relcl", "acl") that describes a noun other than the trigger and
    does not hold it ("the men involved in last year's unrest"); a clause on the trigger itself ("elections
    scheduled for May") dates it."""
    root = trigger.root.i
    # a clause on the trigger's own argument tells of it ("fired the shots that killed him last October")
    return any(word.dep_ in ("relcl", "acl") and word.pos_ in VERB_POS and word.head.i != root
               and word.head.head.i != root and root not in {t.i for t in word.subtree}
               for word in _path_to_trigger(doc, timex, trigger, 8))


def _dates_governing_clause(doc: Doc, timex: Timex, trigger: Span) -> bool:
    """Whether a date hangs on a verb that governs the trigger: the first word up its head path outside the
    date and its preposition is one of the trigger's heads (its clause's verb or one that verb depends on);
    a date of a noun ("since its founding in 1949") is the noun's."""
    token = _timex_token(doc, timex)
    if token < 0:
        return False
    inside = range(timex.start, timex.end)
    verb = next((i for i in head_path(doc[token], 6)[1:]
                 if doc[i].idx not in inside and doc[i].pos_ != "ADP"), None)
    return verb is not None and doc[verb].pos_ in VERB_POS and verb in _governing_heads(trigger)


def _governing_heads(trigger: Span) -> list[int]:
    """The heads up the trigger's path whose date is its own: up to a clause a subordinator opens ("made
    last week, before Slepian died": the time of the main clause only bounds the death)."""
    doc, heads = trigger.doc, []
    for index in head_path(trigger.root, 12):
        if index != trigger.root.i:
            heads.append(index)
        if doc[index].dep_ == "advcl" and any(c.dep_ == "mark" for c in doc[index].children):
            break
    return heads


def _outside_brackets(text: str, candidate: Candidate, timexes: list[Timex]) -> list[Timex]:
    """The timexes outside brackets when some are, for an event told outside them: a bracketed date is an
    aside that qualifies the one told ("Around 8 May (from 24 April to 8 May), police arrested ...")."""
    if _in_brackets(text, candidate.trigger_start):
        return timexes
    outside = [t for t in timexes if not _in_brackets(text, t.start)]
    return outside or timexes


def _in_brackets(text: str, offset: int) -> bool:
    return text.rfind("(", 0, offset) > text.rfind(")", 0, offset)


def _in_noun_modifier(doc: Doc, timex: Timex, trigger: Span) -> bool:
    """Whether a date sits in a clause that describes a noun and does not hold the trigger.

    In "The tanker, which was struck on Monday, caught fire on Wednesday" (or "a
    carrier hit on Feb. 18, sank on Saturday") Monday dates the strike the relative
    clause tells; the fire is dated by its own clause.
    """
    root = trigger.root.i
    return any(word.dep_ in ("relcl", "acl") and word.pos_ in VERB_POS
               and root not in {t.i for t in word.subtree} for word in _path_to_trigger(doc, timex, trigger, 8))


def _in_participant_clause(doc: Doc, timex: Timex, trigger: Span) -> bool:
    """Whether a date sits in a "who"/"whose" clause that does not hold the trigger: it tells of a person
    taking part, not of the event.

    In "The recent arrest of Mahmoud Khalil, who played a prominent role in last year's protests, ..."
    last year dates Khalil's role, not the arrest (the parser may hang the clause on "arrest"); a
    "which" clause on the event noun can date it ("the arrest, which came on Monday").
    """
    root = trigger.root.i
    clause = next((word for word in _path_to_trigger(doc, timex, trigger, 10)
                   if word.dep_ == "relcl" and word.pos_ in VERB_POS), None)
    # "who"/"whose" tells of a person, wherever the parser hangs the clause
    if clause is not None and doc[clause.left_edge.i].lower_ in _WHO_WORDS \
            and (root < clause.left_edge.i or _closed_before(doc, clause.right_edge.i, root)):
        return True
    return _in_set_off_who_clause(doc, _timex_token(doc, timex), root)


_WHO_WORDS = ("who", "whose", "whom")


def _in_reported_content(doc: Doc, timex: Timex, trigger: Span) -> bool:
    """Whether a date lies in what a reporting verb trigger reports: it dates the reported event, not the
    saying.

    In "The car was found last month at the airport, the FBI said" (or "police said the store was robbed
    at 10 p.m. Wednesday") the date is the finding's (the robbery's); the statement has no date of its own
    in the sentence. The reported clause is the verb's complement ("ccomp"), or, when the parser hangs a
    closing "police said" on the reported clause ("parataxis"), that clause less the attribution. A date
    of the saying itself ("said on Tuesday that ...") is not in the report, nor is one right after the verb,
    where news copy puts the saying's day though the parser may hang it on the report ("said Wednesday the
    talks had failed").
    """
    verb = trigger.root
    token = _timex_token(doc, timex)
    if token < 0 or verb.lemma_ not in rules()["reporting_verbs"] or verb.pos_ not in VERB_POS:
        return False
    first = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    between = doc[verb.i + 1 : first.start] if first is not None and first.start > verb.i else None
    if between is not None and all(t.lower_ == "on" for t in between):
        return False  # "said Wednesday ...", "said on Wednesday ..."
    if any(c.dep_ == "ccomp" and c.left_edge.i <= token <= c.right_edge.i for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "parataxis" and head.left_edge.i <= token <= head.right_edge.i \
        and not verb.left_edge.i <= token <= verb.right_edge.i


def _in_purpose_infinitive(doc: Doc, timex: Timex, trigger: Span) -> bool:
    """Whether a date sits in a "to" infinitive that hangs on a noun or a preposition other than the trigger
    and does not hold it: the infinitive tells what a noun is for ("During an emergency summit to discuss the
    coup last week, leaders called for ...": last week is the coup's, the call is the summit's), so its date
    is that of its own object, not of the trigger's clause."""
    root = trigger.root.i
    for word in _path_to_trigger(doc, timex, trigger, 8):
        if word.tag_ == "VB" and has_infinitive_to(word):
            head = word.head
            return head.i != root and head.pos_ in (*NOUN_POS, "ADP") \
                and root not in {t.i for t in word.subtree}
    return False


def _in_set_off_who_clause(doc: Doc, token: int, trigger: int) -> bool:
    """Whether a token lies in a "who"/"whose"/"whom" clause that a comma opens and the next punctuation
    closes, the trigger (token index) outside it: the commas bound the clause where the parser hangs its
    date on the main verb ("Kabila accuses Rwanda and Uganda, who helped him topple Mobutu in 1997 after a
    bush war, of invading ...": 1997 is the help's year, not the accusation's)."""
    if token < 0:
        return False
    sent = sent_of(doc[token : token + 1])
    opening = next((i for i in range(token - 1, sent.start - 1, -1) if doc[i].is_punct), None)
    if opening is None or doc[opening].text != "," or opening + 1 >= token \
            or doc[opening + 1].lower_ not in _WHO_WORDS:
        return False
    closing = next((i for i in range(token + 1, sent.end) if doc[i].is_punct), sent.end)
    return not opening < trigger < closing


def _path_to_trigger(doc: Doc, timex: Timex, trigger: Span, steps: int) -> Iterator[Token]:
    """The words on the parse path up from a date's token, at most ``steps``, stopping before the trigger
    or the sentence's root."""
    token = _timex_token(doc, timex)
    if token < 0:
        return
    root = trigger.root.i
    for index in head_path(doc[token], steps):
        word = doc[index]
        if index == root or word.head.i == index:
            return
        yield word


def _designated_day(doc: Doc, timex: Timex) -> bool:
    """Whether a date is the day a verb designates ("declared Tuesday as a national day of mourning",
    "declared Friday a public holiday"): what is declared, not when.

    The date hangs on a ``designating_verbs`` verb that also has what it makes of it: an "as" phrase
    or a second noun; "declared Tuesday that the war was over" keeps Tuesday.
    """
    token = _timex_token(doc, timex)
    if token < 0 or not has_annotation(doc, "DEP"):
        return False
    word = doc[token]
    verb = word.head
    if word.dep_ not in _DESIGNATED_DEPS or verb.pos_ not in VERB_POS or verb.lemma_ not in rules()["designating_verbs"]:
        return False
    return any(c.i != word.i and (c.dep_ == "prep" and c.lower_ == "as" or c.dep_ in _DESIGNATED_DEPS
                                  and c.pos_ in NOUN_POS and not c.ent_type_)
               for c in verb.children)


_DESIGNATED_DEPS = ("npadvmod", "dobj", "oprd")


def _closed_before(doc: Doc, end: int, trigger: int) -> bool:
    """Whether punctuation closes a clause that ends at token ``end`` before the trigger at ``trigger``;
    with none ("who played a role in last year's Columbia University protests"), the parser cut the
    trigger's own noun phrase off the clause."""
    return end < trigger and any(doc[i].is_punct for i in range(end + 1, trigger))


def _present_relative_clause(trigger: Span) -> Token | None:
    """The simple-present relative clause the trigger belongs to ("Central Command, which oversees U.S.
    military operations, said he was killed Thursday"), else None: it tells a standing state, which a
    past date outside it does not date."""
    for index in head_path(trigger.root, 6):
        word = trigger.doc[index]
        if word.pos_ in VERB_POS and word.dep_ != "relcl" and word.tag_ in FINITE_TAGS:
            return None  # the trigger's own finite clause comes first
        if word.dep_ == "relcl" and word.pos_ in VERB_POS:
            if word.doc[word.left_edge.i].tag_ not in ("WDT", "WP", "WP$"):
                return None  # "in January, when troops retook the city": the clause describes its date
            auxes = [c for c in word.children if c.dep_ in ("aux", "auxpass")]
            tags = [c.tag_ for c in auxes] + [word.tag_]
            present = all(tag in PRESENT_TAGS for tag in tags) and not any(c.lemma_ == "have" for c in auxes)
            return word if present else None
    return None


def dated_before_in_own_name(doc: Doc, candidate: Candidate, timexes: list[Timex], *,
                             published: date) -> bool:
    """Whether a noun trigger names its own past time before it ("a tattered 2002 truce", "the 1995 Dayton
    Accords", "last year's protests", "September's delivery"): a date that modifies the noun and ends
    before publication refers to an event that took place, whatever the clause around it ("prospects of
    saving a 2002 truce would fade if talks fail" does not make the truce a hypothesis)."""
    trigger = trigger_span(doc, candidate)
    if trigger is None or not has_annotation(doc, "DEP") or trigger.root.pos_ not in NOUN_POS:
        return False
    root = trigger.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in word_set("occurrence_verbs"):
        return False  # "last year's talks could resume": the verb tells whether a next round takes place
    named = {t.i for child in root.children if child.i < root.i
             and child.dep_ in _NAMING_DEPS for t in child.subtree}
    return any(t.date_end is not None and t.date_end.date() < published and _timex_token(doc, t) in named
               and t.type in ("DATE", "TIME")
               for t in timexes if candidate.sent_start <= t.start < candidate.sent_end)


_NAMING_DEPS = ("poss", "compound", "amod", "nummod", "npadvmod", "nmod")


def _phrase_tokens(trigger: Span) -> set[int]:
    """A noun trigger's own phrase, as token ids ("last Friday's earthquake", "takeover in October 2021")."""
    root = trigger.root
    if root.pos_ not in NOUN_POS:
        return set()
    found: set[int] = set()
    for child in root.children:
        if child.dep_ in ("poss", "compound", "nmod", "amod", "npadvmod"):
            found.update(t.i for t in child.subtree)
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "of", "at", "during"):
            found.update(t.i for t in child.subtree)
    return found


def _event_clause(trigger: Span) -> list[int]:
    """The trigger's clause as token indices; for a noun that is the object or subject of a verb, that
    verb's clause too."""
    tokens = clause_ids(trigger)
    root = trigger.root
    if root.pos_ in NOUN_POS and root.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd"):
        verb = root.head
        if verb.pos_ in VERB_POS:
            seen = set(tokens)
            tokens += [i for i in clause_ids(verb.doc[verb.i : verb.i + 1]) if i not in seen]
    return tokens


def _via_temporal_prep(doc: Doc, timex: Timex) -> bool:
    before = doc_text(doc)[max(0, timex.start - 10) : timex.start].lower().split()
    return bool(before) and before[-1] in ("on", "in", "at", "during", "since", "from", "of")


def _other_signal_clauses(doc: Doc, trigger: Span) -> list[set[int]]:
    """The "after"/"before" clauses of the trigger's sentence that the trigger is not part of.

    A date in one of them does not date the trigger: in "halted operations after three
    staff were killed on Saturday" Saturday dates the killing; the halt is only bounded by it.
    """
    return _signal_clauses(doc, trigger, ("after", "before"))


def _signal_clauses(doc: Doc, trigger: Span, signals: tuple[str, ...]) -> list[set[int]]:
    """The clauses ``signals`` ("after", "before") mark in the trigger's sentence, but the trigger's own."""
    sent = sent_of(trigger)
    lowered = doc_text(doc)[sent.start_char : sent.end_char].lower()
    if not any(signal in lowered for signal in signals):
        return []  # no signal word: skip the token scan
    root = trigger.root.i
    lowers = token_strings(doc, LOWER)  # a Token only for the signal words
    phrases = (_signal_phrase(doc[i]) for i in range(sent.start, sent.end)
               if lowers[i] in signals and doc[i].dep_ == "mark")
    return [phrase for phrase in phrases if root not in phrase]


def _after_bound(doc: Doc, trigger: Span, own: list[Timex]) -> Timex | None:
    """The latest day-precise date of an "after" clause of the trigger's sentence that the trigger is
    not part of: the event happened on or after it."""
    clauses = _signal_clauses(doc, trigger, ("after",))
    found = [t for t in own if t.precision in DAY_OR_FINER and t.date_start is not None and not t.future
             and _in_any(_timex_token(doc, t), clauses)]
    return max(found, key=lambda t: t.date_start) if found else None  # type: ignore[arg-type,return-value]


def _in_any(token: int, clauses: list[set[int]]) -> bool:
    """Whether a token index (-1: no token) lies in one of the clauses."""
    return token >= 0 and any(token in clause for clause in clauses)


_COUNT_SINCE = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+since\s+(?:the\s+)?$", re.IGNORECASE)


def _count_origin(text: str, timex: Timex) -> bool:
    """Whether the timex is where a count starts ("one year since the 7th of October"): the count,
    and the event that marks it, end later."""
    return _COUNT_SINCE.search(text[max(0, timex.start - 30) : timex.start]) is not None


def _after_word(text: str, timex: Timex, word: str) -> bool:
    """Whether the timex follows a word ("since Saturday": the start of a span, not a tally's date)."""
    before = text[max(0, timex.start - 12) : timex.start]
    return _ending_in(word).search(before) is not None


@lru_cache(maxsize=8)
def _ending_in(word: str) -> re.Pattern[str]:
    """A pattern for a text that ends in ``word`` and spaces, compiled once per word."""
    return re.compile(rf"\b{word}\s+$", re.IGNORECASE)


def _is_end_bound(doc: Doc, timex: Timex) -> bool:
    before = doc_text(doc)[max(0, timex.start - 12) : timex.start].lower().split()
    return bool(before) and before[-1] in rules()["end_bound_words"]


def _timex_token(doc: Doc, timex: Timex) -> int:
    """The index of the timex's root token (-1 when it aligns with no token), cached per Doc."""
    return per_doc_part(doc, "timex_tokens", (timex.start, timex.end), lambda: _root_index(doc, timex))


def _root_index(doc: Doc, timex: Timex) -> int:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.root.i if span is not None else -1


def _distance(candidate: Candidate, timex: Timex) -> int:
    if timex.end <= candidate.trigger_start:
        return candidate.trigger_start - timex.end
    return max(0, timex.start - candidate.trigger_end)


# --- offsets -------------------------------------------------------------------------------

Offset = tuple[set[int], int, tuple[int, str], Timex]


def _offset_phrases(doc: Doc, candidate: Candidate, timexes: list[Timex]) -> list[Offset]:
    """The "<duration> after/before X" phrases of the candidate's sentence (README "Offsets").

    Each is (the token ids of X, -1 for "after" or +1 for "before", the duration, its timex):
    an event inside X lies the duration before (after) the main clause's date; the main
    clause lies the duration after (before) a date inside X.
    """
    found: list[Offset] = []
    if not has_annotation(doc, "DEP"):
        return found
    for timex in timexes:
        if timex.type != "DURATION" or not candidate.sent_start <= timex.start < candidate.sent_end:
            continue
        signal = _SIGNAL.match(doc_text(doc), timex.end)
        if signal is None or signal.group(1).lower() not in ("after", "before"):
            continue
        amount = duration_of(timex)
        word = doc.char_span(signal.start(1), signal.end(1))
        if amount is None or word is None:
            continue
        sign = -1 if signal.group(1).lower() == "after" else 1
        # "Two years after fighting erupted": the parser may hang the duration inside X; it is not X's
        own = {t.i for t in doc.char_span(timex.start, timex.end, alignment_mode="expand") or ()}
        found.append((_signal_phrase(word[0]) - own, sign, amount, timex))
    return found


_LATER_EARLIER = re.compile(r"\s*(later|earlier)\s*,", re.IGNORECASE)


def _narrated_shift(doc: Doc, candidate: Candidate, timexes: list[Timex], dated: list[Timex]) -> ResolvedDate | None:
    """A sentence that opens "<duration> later," or "<duration> earlier," goes on from the last dated
    sentence before it ("docked at the port on March 8. Two days later, the Jairan departed": March 10;
    "signed the legislation late Tuesday. One day earlier, parliament voted": Monday). A year-only
    date counts here, however far back ("in 1950 ... And what happened? Several months later, North
    Korea invaded": 1950), since the opening says which date it counts from. In wire copy an hours
    count ("Hours later, ...") stays on the day's news, as a bare clock time does."""
    if candidate.status != "occurred":
        return None
    text = doc_text(doc)
    for timex in timexes:
        if timex.type != "DURATION" or not candidate.sent_start <= timex.start < candidate.sent_end \
                or text[candidate.sent_start : timex.start].strip():
            continue
        signal = _LATER_EARLIER.match(text, timex.end)
        if signal is None:
            continue
        if "H" in timex.value and _doc_has_dateline(doc):
            return None  # wire copy: "Hours later, the council cut ties" is the day's news
        before = [t for t in dated if t.type in ("DATE", "TIME") and not t.future and t.start < candidate.sent_start]
        if not before:
            return None
        reference = day_of(_sentence_reference(doc, before), basis="relative")
        return narrated_shift(reference, 1 if signal.group(1).lower() == "later" else -1, timex)
    return None


def _span_onset(doc: Doc, candidate: Candidate, trigger: Span | None, timexes: list[Timex], *,
                published: date) -> ResolvedDate | None:
    """The start of a span its length measures up to now ("who was responsible for starting the three-year
    conflict", "the outbreak of the two-year war", published 2025: 2022 and 2023).

    The trigger is an onset (``span_onset_verbs`` with the span noun as object, or a ``span_onset_nouns``
    noun "of" it) and the noun carries a years or months count of its own; the onset lies that long before
    publication, at year (month) precision. Used only when the sentence gives no date of its own.
    """
    if trigger is None or candidate.status != "occurred" or not has_annotation(doc, "DEP"):
        return None
    noun = _onset_object(trigger.root)
    if noun is None:
        return None
    for timex in timexes:
        amount = duration_of(timex) if timex.type == "DURATION" else None
        if amount is None or amount[1] not in ("M", "Y") or not amount[0] \
                or not candidate.sent_start <= timex.start < candidate.sent_end:
            continue
        token = _timex_token(doc, timex)
        if token < 0 or doc[token].head.i != noun.i or doc[token].dep_ not in ("compound", "amod", "nmod", "nummod"):
            continue
        start = shifted_date((published, timex.text), -1, amount, timex)
        if start.date_start is None:
            return None
        precision = "year" if amount[1] == "Y" else "month"
        return period_value(start.date_start.date(), precision, "relative", f"{timex.text} before publication")
    return None


def _onset_object(root: Token) -> Token | None:
    """The noun whose start the trigger tells: the object of an onset verb ("starting the conflict"), the
    trigger noun as that object, or the noun "of" an onset noun ("the outbreak of the war"); else None."""
    verbs, nouns = rules()["span_onset_verbs"], rules()["span_onset_nouns"]
    if root.pos_ in VERB_POS and root.lemma_ in verbs:
        objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in NOUN_POS]
        return objects[0] if objects else None
    if root.pos_ in NOUN_POS and root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_ in verbs:
        return root
    if root.pos_ in NOUN_POS and root.lemma_ in nouns:
        objects = [g for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj" and g.pos_ in NOUN_POS]
        return objects[0] if objects else None
    return None


def _dated_outside(doc: Doc, own: list[Timex], phrase: set[int]) -> bool:
    """Whether the sentence has a date of its own outside an offset phrase."""
    return any(_timex_token(doc, t) not in phrase for t in own)


def _signal_phrase(word: Token) -> set[int]:
    """The tokens of the phrase an "after"/"before" introduces (its object, or the clause it marks)."""
    if word.dep_ == "mark":
        return {t.i for t in word.head.subtree} - {word.i}
    return {t.i for t in word.subtree} - {word.i}


def _main_date(
    doc: Doc, candidate: Candidate, dated: list[Timex], phrase: set[int], *, published: date,
) -> tuple[date, str] | None:
    """The date of the sentence outside the offset phrase: its timex, the discourse's, or publication."""
    outside = [t for t in dated if candidate.sent_start <= t.start < candidate.sent_end
               and _timex_token(doc, t) not in phrase and not is_signal_object(doc_text(doc), t)]
    past = [t for t in outside if t.precision in DAY_OR_FINER]
    if past and past[0].date_start is not None:
        return past[0].date_start.date(), past[0].text
    if outside:
        return None
    earlier = _discourse_reference(doc, candidate, dated)
    if earlier is not None and earlier.date_start is not None:
        return earlier.date_start.date(), earlier.text
    return published, ""


# --- discourse -----------------------------------------------------------------------------

def _discourse_reference(doc: Doc, candidate: Candidate, dated: list[Timex]) -> Timex | None:
    """The running reference time: the date of the last earlier dated sentence of the paragraph.

    When the paragraph gives none, the day-precise date of the last dated sentence of
    the nearest earlier paragraph that has one carries over ("It was hit on Wednesday." /
    "The crew was rescued."), for a past-tense report: from the paragraph before, or from up to
    ``carry_paragraphs`` back for a happening in a text with no dateline (:func:`_carries_far`).
    Of a sentence's dates, the one its main clause governs is its reference time.
    """
    if candidate.status != "occurred":
        return None
    text = doc_text(doc)
    paragraph_start = text.rfind("\n", 0, candidate.sent_start) + 1
    past = [t for t in dated if t.type in ("DATE", "TIME") and not t.future]
    before = [t for t in past
              if paragraph_start <= t.start < candidate.sent_start and not _after_word(text, t, "since")
              and not _designated_day(doc, t)]
    before = _without_stale_years(doc, candidate, before)
    if _later_statement(doc, candidate):
        before = [t for t in before if not _reported_content(doc, t)]
    head = [t for t in dated if paragraph_start <= t.start < candidate.sent_start and t.type == "DATE"][:1]
    if not before and head and _dated_item(text, head[0]):
        before = head  # "May 3: the two delegations meet ...": the item's date, though told in the present
    if before and (_is_present_report(doc, candidate) or _is_perfect_statement(doc, candidate)) \
            and not _dated_item(text, before[0]):
        return None  # "Ankara is warning ...": what goes on now is not dated by an earlier sentence's past day
    if before:
        return _clock_on_reference_day(doc, candidate, _sentence_reference(doc, before), dated)
    if not _is_past_report(doc, candidate) or _is_perfect_statement(doc, candidate):
        return None
    start = paragraph_start
    for back in range(rules()["carry_paragraphs"]):
        if start <= 1 or back and not _carries_far(doc, candidate):
            return None
        previous = text.rfind("\n", 0, max(0, start - 1))
        while previous > 0 and not text[previous + 1 : start].strip():
            previous = text.rfind("\n", 0, previous)  # skip blank lines
        previous += 1
        inside = [t for t in past if previous <= t.start < start]
        if inside:
            reference = _sentence_reference(doc, inside)
            if _after_word(text, reference, "since"):
                return None  # "killed since Saturday" opens a span; it sets no reference time
            reference = _clock_on_reference_day(doc, candidate, reference, dated)
            return reference if reference.precision in DAY_OR_FINER else None
        start = previous
    return None


def _date_header(doc: Doc, candidate: Candidate, dated: list[Timex], *, published: date) -> Timex | None:
    """The date of a chronology's header line: the paragraph before the candidate's is a past date alone
    ("1970" / "Hafez al-Assad seizes power in a coup.", "March 2011" / "Protests begin in Daraa ..."), or
    the date heading the candidate's list item (:func:`candidate_item_date`), and the candidate's paragraph
    names no date before its sentence: the header dates the item under it, told in the past or in the
    historical present. A line with the publication day (a page's date line)
    is no header.
    """
    if candidate.status != "occurred":
        return None
    text = doc_text(doc)
    paragraph_start = text.rfind("\n", 0, candidate.sent_start) + 1
    if any(paragraph_start <= t.start < candidate.sent_start for t in dated):
        return None
    start, end = line_above(text, paragraph_start)  # the last line before, past blank lines
    item_date = candidate_item_date(doc, candidate)
    listed = item_date.start() if item_date is not None else -1
    for timex in dated:
        if timex.type == "DATE" and timex.date_end is not None and timex.date_end.date() < published \
                and (start <= timex.start < end and stands_alone(text, timex.start, timex.end)
                     or timex.start == listed):
            return timex
    return None


def _carries_far(doc: Doc, candidate: Candidate) -> bool:
    """Whether a past report takes the date of a dated paragraph further back than the one before its own
    (up to ``carry_paragraphs``): a happening, in a text with no dateline ("Militants fired on government
    buildings early yesterday." / "Militants also attacked the airport." / "By midafternoon, the insurgents
    had overrun a police station"). A statement is made by publication, what was said would happen is
    told as of the saying (:func:`_under_modal`), and wire copy reports the day's news.
    """
    return candidate.event_type not in types_flagged("dated_by_publication") and not _doc_has_dateline(doc) \
        and not _under_modal(doc, candidate)


def _under_modal(doc: Doc, candidate: Candidate) -> bool:
    """Whether a verb on the trigger's head path has a modal ("Biden announced he would send mines"):
    what was said would happen is told as of the saying, not as a happening of an earlier paragraph."""
    span = trigger_span(doc, candidate)
    if span is None or not has_annotation(doc, "TAG"):
        return False
    return any(has_modal(doc[i]) for i in head_path(span.root, 6))


def _later_statement(doc: Doc, candidate: Candidate) -> bool:
    """Whether a statement says it came "later" ("Trump later confirmed the killing in a post"): after the
    reports before it, so not on the day of what they report."""
    if candidate.event_type not in types_flagged("speech") or not has_annotation(doc, "DEP"):
        return False
    trigger = trigger_span(doc, candidate)
    if trigger is None:
        return False
    verbs = [doc[i] for i in head_path(trigger.root, 4) if doc[i].pos_ in VERB_POS][:1]
    return any(c.dep_ == "advmod" and c.lower_ == "later" for verb in verbs for c in verb.children)


def _reported_content(doc: Doc, timex: Timex) -> bool:
    """Whether a date lies in what a reporting verb reports ("special forces said he was killed
    Thursday"): it dates the reported event, not the report."""
    token = _timex_token(doc, timex)
    if token < 0:
        return False
    root = sent_of(doc[token : token + 1]).root
    if root.lemma_ not in rules()["reporting_verbs"]:
        return False
    return any(c.dep_ == "ccomp" and c.left_edge.i <= token <= c.right_edge.i for c in root.children)


def _without_stale_years(doc: Doc, candidate: Candidate, before: list[Timex]) -> list[Timex]:
    """Drop the year-only dates of sentences before the previous one from the running reference.

    A year ("in 2014", "this year", "last year") is background to the story's days: it dates its
    own sentence and the next, not the rest of a long paragraph (a VOA story is one paragraph:
    "... in 2021. [six sentences] Rubio led more than eight hours of peace talks").
    """
    starts = [sent.start_char for sent in doc_sents(doc) if sent.start_char < candidate.sent_start]
    previous = starts[-1] if starts else 0
    return [t for t in before if t.precision != "year" or t.start >= previous]


_DAY_WORDS = re.compile(
    r"day|night|morning|evening|afternoon|dawn|dusk|tonight"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s|$)"
    r"|\d{1,2}[/.]\d{1,2}|\b(?:19|20)\d\d-", re.IGNORECASE)


def _bare_clock(timex: Timex) -> bool:
    """A clock time that names no day ("at around 9 p.m.", "1130 GMT", an unanchored "the evening"):
    its day is the discourse's."""
    if _UNANCHORED_PART_OF_DAY.search(timex.value) and timex.basis == "publication":
        return True  # "during the evening rush hour": the temporal layer found no day near it
    return timex.precision in ("hour", "minute") and not _DAY_WORDS.search(timex.text)


_UNANCHORED_PART_OF_DAY = re.compile(r"T(?:MO|MI|AF|EV|NI)$")


def _clock_on_reference_day(doc: Doc, candidate: Candidate, clock: Timex, dated: list[Timex], *,
                            published: date | None = None) -> Timex:
    """Put a bare clock time on the day the discourse before it is about.

    "Residents reported blasts at around 9 p.m." after a paragraph dated Saturday is
    Saturday 21:00, not 21:00 of the publication day. Without an earlier day in reach, a clock of the
    trigger's own sentence (``published`` given) falls on the article's one news day (:func:`_story_day`):
    in a story whose lead says "Gunmen attacked the village yesterday", "people fled in the afternoon",
    paragraphs later, is that day's afternoon. Else the clock keeps the day it was resolved to.
    """
    if not _bare_clock(clock) or clock.date_start is None or clock.date_end is None:
        return clock
    if _UNANCHORED_PART_OF_DAY.search(clock.value) and _doc_has_dateline(doc):
        return clock  # wire copy: "resumed later in the morning" is the morning of the day's news
    span = doc.char_span(clock.start, clock.end, alignment_mode="expand")
    if span is None:
        return clock
    sent_start = sent_of(span).start_char
    days = [t for t in dated if not _bare_clock(t) and t.start < sent_start]
    reference = _discourse_reference(doc, replace(candidate, sent_start=sent_start), days)
    if reference is None and published is not None:
        reference = _story_day(doc, dated, published=published)
    if reference is None or reference.date_start is None \
            or reference.precision not in DAY_OR_FINER:
        return clock
    shift = reference.date_start.date() - clock.date_start.date()
    if not shift:
        return clock
    start, end = clock.date_start + shift, clock.date_end + shift
    day = start.strftime("%Y-%m-%d")
    value = clock.date.replace(clock.date[:10], day, 1) if clock.date else start.strftime("%Y-%m-%dT%H:%M")
    return replace(clock, date=value, date_start=start, date_end=end, basis="inferred")


def _sentence_reference(doc: Doc, earlier: list[Timex]) -> Timex:
    """Of the dates before a point, the one governed by the main clause of the last dated sentence."""
    last = earlier[-1]
    span = doc.char_span(last.start, last.end, alignment_mode="expand")
    if span is None or not has_annotation(doc, "DEP"):
        return last
    sent = sent_of(span)
    in_sentence = [t for t in earlier if sent.start_char <= t.start < sent.end_char]
    root = sent.root
    main = set(clause_ids(doc[root.i : root.i + 1]))
    usable = [t for t in in_sentence if not is_signal_object(doc_text(doc), t)]
    governed = [t for t in usable if _timex_token(doc, t) in main]
    if root.lemma_ in rules()["reporting_verbs"]:
        # "Police fired at protesters on Tuesday, rights groups said on Wednesday": the story goes on
        # from what was reported, not from the day of the report
        content = {t.i for c in root.children if c.dep_ == "ccomp" for t in c.subtree}
        reported = [t for t in usable if _timex_token(doc, t) in content and t.precision in DAY_OR_FINER]
        if reported:
            return reported[0]
    return governed[0] if governed else last


def publication_date(doc: Doc, candidate: Candidate, *, published: date) -> ResolvedDate:
    """The fallback date from the publication date alone (see the module docstring)."""
    if candidate.status != "occurred":
        return ResolvedDate("", None, None, "none", "publication")
    if _is_past_report(doc, candidate) and not _wire_copy(doc) and not _is_perfect_statement(doc, candidate) \
            and not _reported_in_present(doc, candidate):
        last = monthrange(published.year, published.month)[1]
        return ResolvedDate(
            published.strftime("%Y-%m"),
            datetime(published.year, published.month, 1),
            datetime.combine(date(published.year, published.month, last), END_OF_DAY),
            "month",
            "publication",
        )
    return ResolvedDate(
        published.isoformat(),
        datetime.combine(published, time()),
        datetime.combine(published, END_OF_DAY),
        "day",
        "publication",
    )


def _reported_in_present(doc: Doc, candidate: Candidate) -> bool:
    """Whether a past event is told as what someone says now ("Security forces in Somalia say they killed
    all six attackers"): a present report of the day's news, as wire copy is."""
    span = trigger_span(doc, candidate)
    if span is None or not has_annotation(doc, "DEP"):
        return False
    path = head_path(span.root, 8)
    for below, index in zip(path, path[1:]):
        verb = doc[index]
        if verb.pos_ in VERB_POS and verb.lemma_ in rules()["reporting_verbs"]:
            auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            # what it reports (its "ccomp"), not a "who" clause on its speaker
            return doc[below].dep_ == "ccomp" and verb.tag_ in PRESENT_TAGS and not auxes
    return False


def has_dateline(text: str) -> bool:
    """Whether the text opens with a wire dateline or a live-blog date header.

    Such a text reports the day's news, so a past event with no time of its own
    is dated to the publication day (the patterns are ``dateline_patterns`` in
    resources/en/datelines.json).

    Example:
        >>> has_dateline("KYIV, Nov 21 (Newswire) - Russia struck Dnipro.")
        True
    """
    head = text[: rules()["dateline_window"]]
    return any(re.search(pattern, head, flags=re.MULTILINE) for pattern in rules()["dateline_patterns"])


def _doc_has_dateline(doc: Doc) -> bool:
    """:func:`has_dateline` of the Doc's text, once per Doc."""
    return per_doc(doc, "has_dateline", lambda: has_dateline(doc_text(doc)))


def _wire_copy(doc: Doc) -> bool:
    """Whether the text is wire copy: it opens with a dateline, or a source in it spoke to a news agency
    ("a police officer told Reuters", ``wire_agencies``) though the page dropped the dateline.

    Class: agency copy reposted by another outlet without its dateline (a regional site running a Reuters
    story whose lead says "Militants killed 12 soldiers, officials said" and whose fourth paragraph says
    "the group's spokesman told Reuters"). It reports the day's news, as a dateline's text does.
    """
    return _doc_has_dateline(doc) or per_doc(doc, "wire_credit", lambda: _wire_credit(doc_text(doc)))


def _wire_credit(text: str) -> bool:
    """Whether someone in the text "told" a news agency (``wire_agencies``)."""
    agencies = "|".join(map(re.escape, sorted(rules()["wire_agencies"], key=len, reverse=True)))
    return re.search(rf"\btold\s+(?:{agencies})\b", text) is not None


def _is_past_report(doc: Doc, candidate: Candidate) -> bool:
    """True when the first finite verb governing the trigger is in the simple past.

    Climbs from the trigger through its heads ("announced he would send aid" is
    governed by "announced"); a present or perfect auxiliary makes it a present report.
    Read once per Doc and trigger (dating may ask several times).
    """
    trigger = (candidate.trigger_start, candidate.trigger_end)
    return per_doc_part(doc, "past_reports", trigger, lambda: _governed_by_past(doc, candidate))


def _governed_by_past(doc: Doc, candidate: Candidate) -> bool:
    span = trigger_span(doc, candidate)
    if span is None or not has_annotation(doc, "TAG"):
        return False
    # token indices and tag/dependency ids: the climb builds no Token
    children, deps, all_tags = children_ids(doc), token_column(doc, DEP), token_column(doc, TAG)
    aux, modal, past, present = _AUX_IDS, get_string_id("MD"), get_string_id("VBD"), _PRESENT_IDS
    for token in head_path(span.root, 6):
        aux_tags = (all_tags[c] for c in children[token] if deps[c] in aux)
        tags = [tag for tag in aux_tags if tag != modal] + [all_tags[token]]
        if any(tag in present for tag in tags):
            return False
        if past in tags:
            return True
    return False


def _dated_item(text: str, first: Timex) -> bool:
    """Whether a paragraph is a dated list item: it opens with its first date ("May 3: the two
    delegations meet ...", "March 2022 - ...", "On June 5, ..."), whose historical present
    sentences all tell that day."""
    if "\n" not in text:
        return False  # a text of one paragraph is no list ("On Feb. 24, ..." opens a whole story)
    return opens_line(text, first.start)


def _is_present_report(doc: Doc, candidate: Candidate) -> bool:
    """True when the first finite verb governing the trigger is a simple or progressive present
    ("Ankara is warning", "the group condemns"), not a perfect ("has registered")."""
    span = trigger_span(doc, candidate)
    if span is None or not has_annotation(doc, "TAG"):
        return False
    for token in (doc[i] for i in head_path(span.root, 6)):
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "MD"]
        if has_modal(token):
            return False  # "could turn": a possibility, not a report
        tags = [c.tag_ for c in auxes] + [token.tag_]
        if "VBD" in tags or any(c.lemma_ == "have" for c in auxes):
            return False
        if any(tag in PRESENT_TAGS for tag in tags):
            return True
    return False


def _is_perfect_statement(doc: Doc, candidate: Candidate) -> bool:
    """True for a statement told in the present perfect ("rights groups have condemned the arrest and
    urged ...", "the Working Group has also determined"): said by now, not on an earlier sentence's day."""
    if candidate.event_type not in types_flagged("speech"):
        return False
    span = trigger_span(doc, candidate)
    if span is None or not has_annotation(doc, "TAG"):
        return False
    verb = _tensed_verb(span, conjuncts_share=True)
    return verb is not None and _has_present_have(verb)


def _tensed_verb(span: Span, *, conjuncts_share: bool) -> Token | None:
    """The first verb on the trigger's head path that carries a tense: one with an auxiliary, or a finite
    verb; with ``conjuncts_share``, not a finite conjunct, whose tense the first verb's auxiliary tells
    ("have condemned ... and urged")."""
    for token in (span.doc[i] for i in head_path(span.root, 6)):
        auxes = any(c.dep_ in ("aux", "auxpass") for c in token.children)
        if auxes or token.tag_ in FINITE_TAGS and not (conjuncts_share and token.dep_ == "conj"):
            return token
    return None


def _has_present_have(verb: Token) -> bool:
    """Whether a verb has the present "have" of a present perfect ("has killed", "have condemned")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in PRESENT_TAGS
               for c in verb.children)


_AUX_IDS = frozenset(get_string_id(dep) for dep in ("aux", "auxpass"))
_PRESENT_IDS = frozenset(get_string_id(tag) for tag in PRESENT_TAGS)
