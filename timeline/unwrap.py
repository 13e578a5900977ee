""":mod:`timeline.unwrap`: plain text hard-wrapped at a fixed width, read as the paragraphs it holds.

Wire copy, e-mailed reports and text saved from terminals are often wrapped at 60-80 characters, a
line break inside nearly every sentence. The pipeline starts a sentence at every line break (that is
how headlines and datelines stand alone), so wrapped text would be cut into pieces of sentences. When
a document reads as wrapped, each line that was broken because it reached the width is joined to the
next with a space: one character for one, so every offset into the text stays where it was. Short
lines (a headline, a dateline, a paragraph's last line), blank lines and list items keep their breaks.
The other way round, a list of dated items run together in one paragraph (:func:`relist`) gets its
line breaks back, one for the space before each item: each item then stands on its own line.
"""

from __future__ import annotations

import re

from .temporal.layout import flattened_item_starts

#: Fewer lines than this are too few to tell a wrap width from chance.
MIN_LINES = 6
#: A wrap width is at most this wide (wider lines are paragraphs written one a line) and at least ...
MAX_WIDTH = 100
MIN_WIDTH = 40
#: A line at least this share of the width was broken because it was full.
FULL_SHARE = 0.75
#: Wrapped prose goes on in lower case after most of its full lines; a list of items does not.
LOWER_CONTINUATION_SHARE = 0.4
MIN_FULL_LINES = 3

_LIST_ITEM = re.compile(r"\s*(?:[-*\u2022\u2013\u2014]\s|\d{1,3}[.)]\s)")


def unwrap(text: str) -> str:
    """The text with its wrapped lines joined, or the text itself when it does not read as wrapped.

    Example:
        >>> wrapped = ("Rebels attacked an army post near the town\\n"
        ...            "of Kidal on Tuesday, killing four soldiers,\\n"
        ...            "officials said. The army sent troops to the\\n"
        ...            "area and said it had retaken the post by the\\n"
        ...            "evening. Residents said the fighting had\\n"
        ...            "lasted several hours.\\n")
        >>> unwrap(wrapped).count("\\n"), len(unwrap(wrapped)) == len(wrapped)
        (1, True)
        >>> unwrap("Rebels seize Kidal\\nThe army said ...\\n") == "Rebels seize Kidal\\nThe army said ...\\n"
        True
    """
    lines = text.split("\n")
    breaks = _wrapped_breaks(lines)
    if not breaks:
        return text
    chars = list(text)
    offset = 0
    for index, line in enumerate(lines[:-1]):
        offset += len(line)
        if index in breaks:
            chars[offset] = " "
        offset += 1
    return "".join(chars)


def relist(text: str) -> str:
    """The text with each item of a dated list run together on one line put on a line of its own: the
    space before the item becomes a line break, so every offset stays where it was
    (:func:`timeline.temporal.layout.flattened_item_starts`).

    Example:
        >>> relist("Key events: May 3: Rebels shell the port - Four die May 9: The army retakes it")
        'Key events:\\nMay 3: Rebels shell the port\\n- Four die\\nMay 9: The army retakes it'
    """
    starts = flattened_item_starts(text)
    if not starts:
        return text
    chars = list(text)
    for offset in starts:
        chars[offset] = "\n"
    return "".join(chars)


def _wrapped_breaks(lines: list[str]) -> set[int]:
    """The indexes of the lines whose break is a wrap, or none when the text does not read as wrapped."""
    widths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(widths) < MIN_LINES:
        return set()
    width = widths[int(0.9 * (len(widths) - 1))]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return set()
    full = [i for i in range(len(lines) - 1)
            if len(lines[i].rstrip()) >= FULL_SHARE * width and _continues(lines[i + 1])]
    if len(full) < MIN_FULL_LINES:
        return set()
    lower = sum(1 for i in full if lines[i + 1].lstrip()[:1].islower())
    return set(full) if lower >= LOWER_CONTINUATION_SHARE * len(full) else set()


def _continues(line: str) -> bool:
    """Whether a line can carry on the line above: it holds text and is no list item."""
    return bool(line.strip()) and _LIST_ITEM.match(line) is None
