"""Publication dates as feeds, pages and sidecars write them; every API that takes one accepts str or date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.errors import InputError
from timeline.pubdate import parse_published

JUNE_4 = date(2025, 6, 4)

#: (written, day_first, expected)
ACCEPTED = [
    ("2025-06-04", None, JUNE_4),
    ("Wed, 04 Jun 2025 08:15:00 GMT", None, JUNE_4),  # RSS (RFC 822)
    ("June 4, 2025", None, JUNE_4),
    ("4 June 2025", None, JUNE_4),
    ("Wednesday, June 4, 2025 11:00 PM EDT", None, JUNE_4),
    ("2025-06-04T08:15:00+02:00", None, JUNE_4),
    # the date as written in its own zone: 23:30 in New York is already 5 June in UTC
    ("2025-06-04T23:30:00-05:00", None, JUNE_4),
    ("Wed, 04 Jun 2025 23:30:00 -0500", None, JUNE_4),
    ("2025-06-04T00:30:00+09:00", None, JUNE_4),  # still 3 June in UTC
    ("2025/06/04", None, JUNE_4),
    ("  2025-06-04  ", None, JUNE_4),
    ("04/06/2025", True, JUNE_4),
    ("06/04/2025", False, JUNE_4),
    ("04.06.2025", True, JUNE_4),
    ("13/06/2025", None, date(2025, 6, 13)),  # only one reading
    ("06/13/2025", None, date(2025, 6, 13)),
    ("04/04/2025", None, date(2025, 4, 4)),  # both readings agree
    ("2024-02-29", None, date(2024, 2, 29)),
    (datetime(2025, 6, 4, 23, 30), None, JUNE_4),
    (JUNE_4, None, JUNE_4),
]

#: (written, day_first, words of the message)
REFUSED = [
    ("04/06/2025", None, "ambiguous (day or month first?); pass --day-first or --month-first"),
    ("04/06/25", True, "two-digit year"),
    ("June 2025", None, "is not a valid date"),  # no day: never filled in from the clock
    ("yesterday", None, "is not a valid date"),
    ("2025-13-04", None, "is not a valid date"),
    ("2025-02-30", None, "is not a valid date"),
    ("13/06/2025", False, "is not a valid date"),  # month-first says 13 is a month
    ("soon", None, "is not a valid date"),
]


@pytest.mark.parametrize("written,day_first,expected", ACCEPTED, ids=[str(r[0]) for r in ACCEPTED])
def test_feed_dates_are_read(written, day_first, expected):
    assert parse_published(written, origin="feed.xml", day_first=day_first) == expected


@pytest.mark.parametrize("written,day_first,words", REFUSED, ids=[f"{r[0]}-{r[1]}" for r in REFUSED])
def test_unreadable_or_ambiguous_dates_are_refused_in_one_line(written, day_first, words):
    with pytest.raises(InputError) as error:
        parse_published(written, origin="feed.xml", day_first=day_first)
    message = str(error.value)
    assert message.startswith("feed.xml: publication date") and words in message and "\n" not in message


def test_ambiguous_sidecar_dates_are_skipped_unless_the_order_is_given(tmp_path):
    from timeline.ingest import iter_inputs
    from timeline.types import Article, DocumentOutcome

    (tmp_path / "a.txt").write_text("Russia struck the city of Dnipro early on Thursday, officials said.")
    (tmp_path / "a.json").write_text('{"published": "04/06/2025"}')
    (skipped,) = iter_inputs([tmp_path / "a.txt"])
    assert isinstance(skipped, DocumentOutcome) and "--day-first or --month-first" in skipped.reason
    (article,) = iter_inputs([tmp_path / "a.txt"], day_first=False)
    assert isinstance(article, Article) and article.published == date(2025, 4, 6)


def test_cli_day_first_and_month_first(tmp_path):
    from typer.testing import CliRunner

    from timeline.cli import app

    (tmp_path / "a.txt").write_text("Russia launched a missile at Dnipro on Thursday, officials said.")
    (tmp_path / "a.json").write_text('{"published": "04/06/2025"}')
    args = ["extract", str(tmp_path / "a.txt"), "--model", "blank", "-f", "csv"]
    refused = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "o1")])
    assert refused.exit_code == 1 and "--day-first or --month-first" in refused.output
    for flag, day in (("--day-first", "2025-06-04"), ("--month-first", "2025-04-06")):
        out = tmp_path / flag.strip("-")
        result = CliRunner().invoke(app, [*args, "--out", str(out), flag])
        assert result.exit_code == 0, result.output
        assert f",{day}," in (out / "events.csv").read_text("utf-8")


@pytest.mark.parametrize("published", ["2024-11-22", date(2024, 11, 22), "22 November 2024",
                                       "Fri, 22 Nov 2024 10:00:00 GMT"])
def test_every_api_takes_a_string_or_a_date(published):
    import timeline
    from timeline.types import Article

    text = "Russia launched a missile at Dnipro on Thursday."
    assert timeline.find_timexes("on Thursday", published=published)[0].date == "2024-11-21"
    assert list(timeline.extract([text], published=published, model="blank")["published"]) == ["2024-11-22"]
    assert Article("a", text, parse_published(published, origin="x")).published == date(2024, 11, 22)


@pytest.mark.parametrize("entry", ["find_timexes", "extract", "read_articles"])
def test_a_bad_published_string_is_a_clear_error(entry, tmp_path):
    import timeline

    calls = {
        "find_timexes": lambda: timeline.find_timexes("on Thursday", published="22/13/2024"),
        "extract": lambda: timeline.extract(["x"], published="someday", model="blank"),
        "read_articles": lambda: timeline.read_articles([tmp_path], published="04/06/2025"),
    }
    with pytest.raises(InputError, match="publication date"):
        calls[entry]()


def test_article_holds_a_date_never_a_raw_string():
    from timeline.types import Article

    assert Article("a", "text", "2024-11-22").published == date(2024, 11, 22)
    assert Article("a", "text", datetime(2024, 11, 22, 9, 30)).published == date(2024, 11, 22)
    with pytest.raises(ValueError, match="not YYYY-MM-DD"):
        Article("a", "text", "22 November")
    with pytest.raises(TypeError, match="must be a date"):
        Article("a", "text", 20241122)  # type: ignore[arg-type]
