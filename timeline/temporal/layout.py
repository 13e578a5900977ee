""":mod:`timeline.temporal.layout`: where a date stands on its line, the one reading of a dated list item.

A list of dated items writes each item's date at the head of its line, after a bullet or "On", ended by a
colon or a dash before the item's words ("- March 22: Soldiers announce a coup ...", "May 3 - the two
delegations meet ..."), or as a line of its own above the item's words ("1994" / "The rebel leader dies.").
A paragraph may also open with its date ("On June 5, the rebels ..."). This module reads that layout from
the text and offsets alone: what may lead a date on its line and what ends it are the cues ``ITEM_LEAD``
and ``ITEM_DATE_END`` of ``resources/<lang>/temporal/cues.json``. What a caller makes of a dated line (the
years of a chronology, the date of the sentences under a header) is the caller's.

Example:
    >>> text = "- March 22: Soldiers announce a coup.\\n1994\\nThe rebel leader dies."
    >>> heads_item(text, 2, 10), stands_alone(text, 38, 42), heads_item(text, 43, 52)
    (True, True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import cue, slots

#: The fewest dated items that make a list a chronology (one dated line may be a page's date line).
MIN_CHRONOLOGY_ITEMS = 2

#: What may stand before an item's date on its line (a bullet, "On"), and what ends the date before the
#: item's words on the same line (a colon or a dash).
_ITEM_LEAD = cue("ITEM_LEAD")
_ITEM_DATE_END = cue("ITEM_DATE_END")
#: A bullet opening a line (not a section label framed by dashes, "- The siege begins -").
_ITEM_BULLET = cue("ITEM_BULLET")
#: What may follow a date that is its line's only words ("1994", "March 22:", "2011 -").
_ALONE_AFTER = re.compile(r"[\s:\-\u2013\u2014]*")
#: The words on a line (after a separator): at least one visible character.
_WORDS = re.compile(r"[ \t]*\S")
#: What opens an item's words: a capital letter, a digit or an opening quotation mark.
_ITEM_OPENING = r"[A-Z0-9\"\u201c']"


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """The start and the end (before its line break) of the line holding ``offset``.

    Example:
        >>> line_bounds("1994\\nThe rebels sign a truce.", 10)
        (5, 29)
    """
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, len(text) if end < 0 else end


def line_above(text: str, line_start: int) -> tuple[int, int]:
    """The last line with words before the line starting at ``line_start``, blank lines skipped: its start
    and the end of its words.

    Example:
        >>> line_above("1994\\n\\nThe rebels sign a truce.", 6)
        (0, 4)
    """
    end = len(text[:line_start].rstrip())
    return text.rfind("\n", 0, end) + 1, end


def opens_line(text: str, start: int) -> bool:
    """Whether the date at ``start`` opens its line: nothing but an item's lead (a bullet, "On", "In")
    stands before it ("- March 22: ...", "On June 5, the rebels ...", "1994").

    Example:
        >>> opens_line("On June 5, the rebels seized the town.", 3), opens_line("Rebels left on June 5.", 15)
        (True, False)
    """
    return _ITEM_LEAD.fullmatch(text, text.rfind("\n", 0, start) + 1, start) is not None


def opens_bullet(text: str, line_start: int) -> bool:
    """Whether the line starting at ``line_start`` opens with a bullet ("- Two marines are killed ..."),
    not a section label framed by dashes ("- The siege begins -").

    Example:
        >>> opens_bullet("- Two marines are killed.", 0), opens_bullet("- The siege begins -", 0)
        (True, False)
    """
    return _ITEM_BULLET.match(text, line_start) is not None


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the date between ``start`` and ``end`` is its line's only words, after an item's lead and
    before a separator at most ("1994", "- March 22:", "2011 -"): it heads the item told on the lines below.

    Example:
        >>> stands_alone("March 2011\\nProtests begin in Daraa.", 0, 10)
        True
        >>> stands_alone("March 2011 ended.", 0, 10)
        False
    """
    line_end = line_bounds(text, start)[1]
    after = end >= line_end or _ALONE_AFTER.fullmatch(text, end, line_end) is not None
    return after and opens_line(text, start)


def heads_item(text: str, start: int, end: int) -> bool:
    """Whether the date between ``start`` and ``end`` heads a list item: it opens its line and a colon or a
    dash ends it before the item's words ("- March 22: Soldiers announce ...", "May 3 - the delegations
    meet ..."), or it stands alone on its line (:func:`stands_alone`). A date that goes on into its sentence
    ("On June 5, the rebels ...", "March 22 was calm") heads no item.

    Example:
        >>> heads_item("May 3 - the delegations meet.", 0, 5), heads_item("On June 5, rebels attacked.", 3, 9)
        (True, False)
    """
    if not opens_line(text, start):
        return False
    separator = _ITEM_DATE_END.match(text, end, line_bounds(text, start)[1])
    words = separator is not None and _WORDS.match(text, separator.end()) is not None
    return words or stands_alone(text, start, end)


def item_words(text: str, end: int) -> tuple[int, int]:
    """The words of the item whose date ends at ``end``: the rest of its line, or, for a date alone on its
    line (a separator at most after it, "March 22:"), the next line with words.

    Example:
        >>> text = "March 22\\n\\nSoldiers seize the palace.\\nMarch 23: They free the ministers."
        >>> [text[slice(*item_words(text, end))].strip() for end in (8, 45)]
        ['Soldiers seize the palace.', ': They free the ministers.']
    """
    line_end = line_bounds(text, end)[1]
    if end < line_end and _ALONE_AFTER.fullmatch(text, end, line_end) is None:
        return end, line_end
    below = len(text) - len(text[line_end:].lstrip())
    return below, line_bounds(text, below)[1] if below < len(text) else below


def line_head_date(text: str, start: int, end: int) -> re.Match[str] | None:
    """The calendar date heading the line between ``start`` and ``end`` as a list item's date (after an
    item's lead, ended by a separator or the line's end), found by its shape for a reader with no dates
    found: a month and day, a span of days, a month, a year ("- March 4: ...", "June 9-11 - ...", "1994").

    Example:
        >>> text = "- March 4: Opposition leaders form a new party."
        >>> line_head_date(text, 0, len(text))[0], line_head_date("March 4 was calm.", 0, 17)
        ('March 4', None)
    """
    lead = _ITEM_LEAD.match(text, start, end)
    date = _item_date_pattern().match(text, lead.end(), end) if lead is not None else None
    return date if date is not None and heads_item(text, date.start(), date.end()) else None


def flattened_item_starts(text: str) -> list[int]:
    """The offsets of the spaces that end the items of a dated list run together on one line.

    A list of dated items flattened into one paragraph ("... the crisis began: Nov 23: The North fires
    shells ... - Two marines are killed ... Nov 24: The allies announce drills ... - The UN calls for
    talks") still shows its items: a month-day ended by a colon before a capitalised word heads an item
    inside the line, and a dash between spaces before a capitalised word, after the line's first such
    head, opens a bullet under it. A line with fewer than :data:`MIN_CHRONOLOGY_ITEMS` such heads is
    prose ("the 1950-1953 war - Two ...", "Nov 24: The talks ..." once) and gives nothing.

    Example:
        >>> text = "Key events: May 3: Rebels shell the port - Four die May 9: The army retakes it"
        >>> [text[k + 1 : k + 8] for k in flattened_item_starts(text)]
        ['May 3: ', '- Four ', 'May 9: ']
    """
    starts: list[int] = []
    line_start = 0
    for line in text.split("\n"):
        heads = [m.start() for m in _inline_head_pattern().finditer(line)]
        if len(heads) >= MIN_CHRONOLOGY_ITEMS:
            bullets = [m.start() for m in _INLINE_BULLET.finditer(line, heads[0])]
            starts += sorted(line_start + k - 1 for k in {*heads, *bullets} if k > 0)
        line_start += len(line) + 1
    return starts


#: A bullet inside a flattened list: a dash between spaces before a capitalised word.
_INLINE_BULLET = re.compile(rf"(?<=\S )[-\u2013](?= {_ITEM_OPENING})")


@lru_cache(maxsize=1)
def _inline_head_pattern() -> re.Pattern[str]:
    """A month-day heading an item inside a line: after a space, ended by a colon before a capitalised
    word ("... began: Nov 23: Nuclear-armed North Korea fires ...")."""
    month, day, year = (slots()[name] for name in ("MONTH", "DAY", "YEAR"))
    month_day = rf"{month}[ \t]+{day}(?:,?[ \t]+{year})?|{day}[ \t]+{month}(?:[ \t]+{year})?"
    return re.compile(rf"(?<=\S )(?:{month_day})[ \t]*:[ \t]+(?={_ITEM_OPENING})")


@lru_cache(maxsize=1)
def _item_date_pattern() -> re.Pattern[str]:
    """A calendar date as a list item's head: a month and day, a span of days, a month, a year, with or
    without the year ("March 4", "May 30-June 2", "June 9-11", "July 2019", "1994")."""
    month, day, year = (slots()[name] for name in ("MONTH", "DAY", "YEAR"))
    days = rf"{day}(?:[ \t]*[-\u2013][ \t]*(?:{month}[ \t]+)?{day})?"
    return re.compile(rf"(?:{month}[ \t]+{days}(?:,?[ \t]+{year})?|{days}[ \t]+{month}(?:[ \t]+{year})?"
                      rf"|{month}[ \t]+{year}|{year})")
