"""Where a date stands on its line (:mod:`timeline.temporal.layout`): tables of lines that are and are not a
dated list item's head, a date alone on its line, a paragraph's opening date."""

from __future__ import annotations

import pytest

from timeline.temporal.layout import (
    flattened_item_starts,
    heads_item,
    item_words,
    line_above,
    line_bounds,
    line_head_date,
    opens_bullet,
    opens_line,
    stands_alone,
)

# (text with the date in [brackets], opens its line, heads an item, stands alone on its line)
LINES = [
    ("[March 22]: Soldiers announce they have seized power.", True, True, False),
    ("- [January 17]: Rebels launch an offensive on the northern towns.", True, True, False),
    ("* [May 3] - the two delegations meet in Geneva.", True, True, False),
    ("\u2022 [June 9-11] \u2013 Talks resume in Doha.", True, True, False),
    ("[1994]", True, True, True),
    ("  [March 2011]  ", True, True, True),
    ("[2011] -", True, True, True),
    ("- [March 22]:", True, True, True),
    ("On [June 5]: the council votes.", True, True, False),
    ("In [March 2022] - Russian forces withdraw from the capital.", True, True, False),
    ("\u2014 [1991]: A suicide bomber kills the former prime minister.", True, True, False),
    ("\u2013 [February 2002]: The two sides sign a ceasefire.", True, True, False),
    # opens its line, but goes on into its sentence: no item head
    ("On [June 5], the rebels seized the town.", True, False, False),
    ("In [2014], rebels took the airport.", True, False, False),
    ("[March 22] was the calmest day of the month.", True, False, False),
    ("[May 3]-based groups met.", True, False, False),
    # a date inside its sentence: neither
    ("The rebels seized the town on [June 5]: a turning point.", False, False, False),
    ("Talks - held on [May 3] - failed.", False, False, False),
    ("Since [1994] the rebels have held the hills.", False, False, False),
]


def _marked(row: str) -> tuple[str, int, int]:
    start = row.index("[")
    end = row.index("]") - 1
    return row.replace("[", "").replace("]", ""), start, end


@pytest.mark.parametrize(("row", "opens", "heads", "alone"), LINES, ids=[row[0][:40] for row in LINES])
def test_where_a_date_stands(row: str, opens: bool, heads: bool, alone: bool) -> None:
    text, start, end = _marked(row)
    assert (opens_line(text, start), heads_item(text, start, end), stands_alone(text, start, end)) \
        == (opens, heads, alone)


@pytest.mark.parametrize(("row", "opens", "heads", "alone"), LINES, ids=[row[0][:40] for row in LINES])
def test_a_line_below_reads_the_same(row: str, opens: bool, heads: bool, alone: bool) -> None:
    """The line's place in a text does not change its reading: a line above and a line below it."""
    text, start, end = _marked(row)
    above = "Kabul, March 30 (VOA) -\n\n"
    text = f"{above}{text}\nThe rebel leader dies."
    start, end = start + len(above), end + len(above)
    assert (opens_line(text, start), heads_item(text, start, end), stands_alone(text, start, end)) \
        == (opens, heads, alone)


# (line, the date its shape heads it with, or None)
HEAD_DATES = [
    ("- March 4: Opposition leaders form a new party.", "March 4"),
    ("June 9-11 - Talks resume in Doha.", "June 9-11"),
    ("May 30-June 2: Fighting spreads to the suburbs.", "May 30-June 2"),
    ("1994", "1994"),
    ("On 5 May 2019: the truce is signed.", "5 May 2019"),
    ("\u2014 December 2005: Rebels launch their first attack since the truce.", "December 2005"),
    ("March 4 was calm.", None),
    ("Rebels met on March 4: talks failed.", None),
    ("The 1994 truce held.", None),
]


@pytest.mark.parametrize(("line", "expected"), HEAD_DATES, ids=[row[0][:40] for row in HEAD_DATES])
def test_line_head_date(line: str, expected: str | None) -> None:
    date = line_head_date(line, 0, len(line))
    assert (date[0] if date is not None else None) == expected


def test_lines_and_item_words() -> None:
    text = ("1994\n\n  The rebels sign a truce.\n- March 22: Soldiers announce a coup.\n"
            "March 23\n\nThey free him.")
    truce = text.index("The")
    assert line_bounds(text, truce) == (6, text.index("\n- "))
    assert line_above(text, 6) == (0, 4)
    assert line_above(text, 0) == (0, 0)
    coup = text.index("March 22") + len("March 22")
    assert text[slice(*item_words(text, coup))] == ": Soldiers announce a coup."
    header = text.index("March 23") + len("March 23")
    assert text[slice(*item_words(text, header))] == "They free him."
    assert item_words("1994", 4) == (4, 4)
    below = "- March 22:\n  The two delegations will meet."
    assert below[slice(*item_words(below, 10))] == "The two delegations will meet."


# (line, opens with a bullet): a line framed by dashes is a section label, no item
BULLETS = [
    ("- Two marines are killed in the shelling", True),
    ("\u2022 Rebels seize the airport.", True),
    ("  * The army retakes the town", True),
    ("- The battle begins -", False),
    ("--2012--", False),
    ("Nov 23: The North fires shells", False),
    ("The 1950-1953 war - Two marines died", False),
]


@pytest.mark.parametrize(("line", "expected"), BULLETS, ids=[b[0] for b in BULLETS])
def test_opens_bullet(line: str, expected: bool) -> None:
    assert opens_bullet(line + "\nMore text -", 0) is expected


# (one line, the words that open its items once it is read as a flattened list; [] for prose)
FLATTENED = [
    ("Key events since the crisis began: Nov 23: The North shells an island in the first strike since the"
     " 1950-1953 war - Two marines are killed - The allies condemn the attack Nov 24: The allies announce"
     " drills - China cancels a trip",
     ["Nov 23: The", "- Two marin", "- The allie", "Nov 24: The", "- China can"]),
    # one heading only: prose with a colon
    ("The spokesman said on Nov 24: The army will not retreat - None of the units has orders to.", []),
    # prose dashes, no headings
    ("The attack was the first since the 1950-1953 war - two marines died - and it shook markets.", []),
    ("KYIV, Nov 21 (Newswire) - Russia fired a missile on Nov 20: The strike hit a plant.", []),
    # a dash before a lower-case word is no bullet, even in a list
    ("Events: May 3: Rebels shell the port -- a new tactic - after talks fail May 9: The army retakes it",
     ["May 3: Rebel", "May 9: The a"]),
]


@pytest.mark.parametrize(("line", "items"), FLATTENED, ids=[str(k) for k in range(len(FLATTENED))])
def test_flattened_item_starts(line: str, items: list[str]) -> None:
    starts = flattened_item_starts("Headline\n" + line + "\n\nNext paragraph.")
    text = "Headline\n" + line
    assert [text[k + 1 : k + 1 + len(item)] for k, item in zip(starts, items, strict=False)] == items
    assert len(starts) == len(items)
    assert all(text[k] == " " for k in starts)
