"""Table-driven tests of :func:`timeline.temporal.find_timexes` on news-style sentences."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from timeline.temporal import find_timexes
from timeline.evaluation.timeml import score

DATA = Path(__file__).parent / "data"
THU = date(2024, 11, 21)  # a Thursday
FRI = date(2024, 4, 19)  # a Friday

# (sentence, published, expected text, type, value, date, precision)
ROWS = [
    ("Russia struck Dnipro on Tuesday.", THU, "Tuesday", "DATE", "2024-11-19", "2024-11-19", "day"),
    (
        "Russia struck Dnipro early on Thursday.",
        THU,
        "early on Thursday",
        "DATE",
        "2024-11-21",
        "2024-11-21",
        "day",
    ),
    (
        "The ministry said on Thursday that six drones were shot down.",
        THU,
        "Thursday",
        "DATE",
        "2024-11-21",
        "2024-11-21",
        "day",
    ),
    ("The envoys will meet in Geneva on Friday.", THU, "Friday", "DATE", "2024-11-22", "2024-11-22", "day"),
    (
        "On Thursday the talks will resume in Doha.",
        THU,
        "Thursday",
        "DATE",
        "2024-11-21",
        "2024-11-21",
        "day",
    ),
    (
        "The minister is due to visit Kyiv on Monday.",
        THU,
        "Monday",
        "DATE",
        "2024-11-25",
        "2024-11-25",
        "day",
    ),
    (
        "Militants attacked a checkpoint last Friday.",
        FRI,
        "last Friday",
        "DATE",
        "2024-04-12",
        "2024-04-12",
        "day",
    ),
    (
        "A second round of talks is planned for next Saturday.",
        date(2025, 1, 20),
        "next Saturday",
        "DATE",
        "2025-01-25",
        "2025-01-25",
        "day",
    ),
    (
        "Shelling resumed on Thursday last week.",
        date(2023, 10, 2),
        "Thursday last week",
        "DATE",
        "2023-09-28",
        "2023-09-28",
        "day",
    ),
    ("The strike hit a power plant yesterday.", THU, "yesterday", "DATE", "2024-11-20", "2024-11-20", "day"),
    ("Sirens sounded across the capital today.", THU, "today", "DATE", "2024-11-21", "2024-11-21", "day"),
    ("The blockade began in December.", date(2025, 1, 10), "December", "DATE", "2024-12", "2024-12", "month"),
    (
        "Parliament will vote on the bill in March.",
        date(2025, 1, 10),
        "March",
        "DATE",
        "2025-03",
        "2025-03",
        "month",
    ),
    (
        "The deal was signed on 29 February 2024 in Cairo.",
        date(2024, 3, 5),
        "29 February 2024",
        "DATE",
        "2024-02-29",
        "2024-02-29",
        "day",
    ),
    (
        "Monitors reported the clash on Feb. 29.",
        date(2024, 3, 5),
        "Feb. 29",
        "DATE",
        "2024-02-29",
        "2024-02-29",
        "day",
    ),
    (
        "Troops crossed the border on 21 November 2024.",
        THU,
        "21 November 2024",
        "DATE",
        "2024-11-21",
        "2024-11-21",
        "day",
    ),
    ("The convoy left on Nov. 18.", THU, "Nov. 18", "DATE", "2024-11-18", "2024-11-18", "day"),
    (
        "Israelis mourned the victims of the 7th of October.",
        date(2023, 12, 1),
        "the 7th of October",
        "DATE",
        "2023-10-07",
        "2023-10-07",
        "day",
    ),
    (
        "The decree is dated 27/01/2025.",
        date(2025, 1, 28),
        "27/01/2025",
        "DATE",
        "2025-01-27",
        "2025-01-27",
        "day",
    ),
    (
        "The decree is dated 03/04/2024.",
        date(2024, 5, 1),
        "03/04/2024",
        "DATE",
        "2024-04-03",
        "2024-04-03",
        "day",
    ),
    ("Russia annexed Crimea in 2014.", THU, "2014", "DATE", "2014", "2014", "year"),
    ("Rebels seized the town in late 2012.", THU, "late 2012", "DATE", "2012", "2012", "year"),
    ("The junta took power in February 2021.", THU, "February 2021", "DATE", "2021-02", "2021-02", "month"),
    (
        "The front barely moved last summer.",
        date(2025, 3, 27),
        "last summer",
        "DATE",
        "2024-SU",
        "2024",
        "year",
    ),
    (
        "Prices rose in the third quarter of 2023.",
        THU,
        "the third quarter of 2023",
        "DATE",
        "2023-Q3",
        "2023",
        "year",
    ),
    ("Guerrilla movements spread in the 1960s.", THU, "the 1960s", "DATE", "196", "", "none"),
    ("Guerrilla movements spread in 1960s Africa.", THU, "1960s", "DATE", "196X", "", "none"),
    (
        "The sirens sounded at 5 a.m. across the city.",
        THU,
        "5 a.m.",
        "TIME",
        "2024-11-21T05:00",
        "2024-11-21T05:00",
        "minute",
    ),
    (
        "The truce took effect at 1130 GMT.",
        date(2025, 5, 10),
        "1130 GMT",
        "TIME",
        "2025-05-10T11:30Z",
        "2025-05-10T11:30",
        "minute",
    ),
    (
        "Putin spoke in a televised address in the evening.",
        THU,
        "the evening",
        "TIME",
        "2024-11-21TEV",
        "2024-11-21",
        "day",
    ),
    (
        "Explosions were heard on Thursday morning.",
        THU,
        "Thursday morning",
        "TIME",
        "2024-11-21TMO",
        "2024-11-21",
        "day",
    ),
    (
        "The ceasefire largely held overnight into Sunday.",
        date(2025, 5, 11),
        "overnight into Sunday",
        "TIME",
        "2025-05-10TNI",
        "2025-05-11",
        "day",
    ),
    (
        "Drones struck Kyiv overnight, officials said.",
        THU,
        "overnight",
        "TIME",
        "2024-11-20TNI",
        "2024-11-21",
        "day",
    ),
    ("Militias patrol the camps nightly.", THU, "nightly", "SET", "XXXX-XX-XXTNI", "", "none"),
    (
        "U.S. papers write 9/11 for Sept. 11, not the 9th of November.",
        THU,
        "the 9th of November",
        "DATE",
        "XXXX-11-09",
        "",
        "none",
    ),
    (
        "The vote was held on 3 March.\n\nShelling resumed in the evening, residents said.",
        date(2024, 3, 10),
        "the evening",
        "TIME",
        "2024-03-10TEV",
        "2024-03-10",
        "day",
    ),
    (
        "The vote was held on 3 March. Shelling resumed in the evening, residents said.",
        date(2024, 3, 10),
        "the evening",
        "TIME",
        "2024-03-03TEV",
        "2024-03-03",
        "day",
    ),
    ("The deal allows 600 trucks a day into Gaza.", THU, "a day", "SET", "P1D", "", "none"),
    ("The siege lasted three months.", THU, "three months", "DURATION", "P3M", "", "none"),
    ("The blackout lasted 24 hours.", THU, "24 hours", "DURATION", "PT24H", "", "none"),
    ("The attack came two days after the vote.", THU, "two days", "DURATION", "P2D", "", "none"),
    ("Families waited for days at the crossing.", THU, "days", "DURATION", "PXD", "", "none"),
    ("Kyiv faces daily Russian attacks.", THU, "daily", "SET", "P1D", "", "none"),
    ("It made a profit after several quarters of losses.", THU, "several quarters", "DURATION", "PXQ", "", "none"),
    ("It lost money in the past two quarters.", THU, "the past two quarters", "DURATION", "P6M", "", "none"),
    (
        "Ukraine marked 1,000 days since the start of the Russian invasion.",
        date(2024, 11, 22),
        "1,000 days",
        "DURATION",
        "P1000D",
        "2024-11-19",
        "day",
    ),
    (
        "Ukraine marked 1,000 days since the start of the Russian invasion.",
        date(2024, 11, 19),
        "1,000 days",
        "DURATION",
        "P1000D",
        "2024-11-19",
        "day",
    ),
    (
        "Here are the key developments on day 471 of the war between Israel and Hamas.",
        date(2025, 1, 20),
        "day 471",
        "DATE",
        "2025-01-19",
        "2025-01-19",
        "day",
    ),
    (
        "Kyiv was quiet on day 96 of the war in Ukraine.",
        date(2022, 6, 1),
        "day 96",
        "DATE",
        "2022-05-30",
        "2022-05-30",
        "day",
    ),
    (
        "Sanctions followed a year after the annexation of Crimea.",
        THU,
        "a year",
        "DURATION",
        "P1Y",
        "2015-03-18",
        "day",
    ),
    (
        "The ministry said last week that the depot was destroyed.",
        THU,
        "last week",
        "DATE",
        "2024-W46",
        "2024-W46",
        "week",
    ),
    (
        "Talks stalled earlier this month.",
        date(2024, 10, 7),
        "earlier this month",
        "DATE",
        "2024-10",
        "2024-10",
        "month",
    ),
    (
        "Fighting intensified late last year.",
        date(2025, 3, 27),
        "late last year",
        "DATE",
        "2024",
        "2024",
        "year",
    ),
    (
        "The envoy will return next month.",
        date(2025, 3, 27),
        "next month",
        "DATE",
        "2025-04",
        "2025-04",
        "month",
    ),
    (
        "Strikes on Iran followed last weekend.",
        FRI,
        "last weekend",
        "DATE",
        "2024-W15-WE",
        "2024-04-13",
        "day",
    ),
    ("Aid deliveries are now suspended.", THU, "now", "DATE", "PRESENT_REF", "", "none"),
    (
        "Both sides exchanged fire between 19-20 September.",
        date(2023, 10, 2),
        "19-20 September",
        "DATE",
        "2023-09-19",
        "2023-09-19",
        "day",
    ),
    (
        "The militia launched Operation 1027 in Shan State.",
        date(2023, 10, 28),
        "1027",
        "DATE",
        "2023-10-27",
        "2023-10-27",
        "day",
    ),
    ("The report covers January.", date(2024, 1, 3), "January", "DATE", "2024-01", "2024-01", "month"),
    (
        "A missile hit the port in the early hours of Monday.",
        date(2025, 1, 20),
        "the early hours of Monday",
        "DATE",
        "2025-01-20",
        "2025-01-20",
        "day",
    ),
    (
        "The minister spoke at about 3:30 p.m. on Tuesday.",
        date(2024, 9, 18),
        "about 3:30 p.m. on Tuesday",
        "TIME",
        "2024-09-17T15:30",
        "2024-09-17T15:30",
        "minute",
    ),
    ("The shelling lasted almost three hours.", THU, "almost three hours", "DURATION", "PT3H", "", "none"),
    # year of "that year": the latest year named in the same or previous sentence
    (
        "Her election in 2021 was the first handover since independence in 1960. "
        "Two days before her inauguration in April of that year, a plot was foiled.",
        date(2023, 7, 27),
        "April of that year",
        "DATE",
        "2021-04",
        "2021-04",
        "month",
    ),
    # anniversary: a day-month on the publication day, with "one year since", is last year's
    (
        "Crowds gathered on Monday to mark one year since the 7th of October, the day of the raid.",
        date(2024, 10, 7),
        "the 7th of October",
        "DATE",
        "2023-10-07",
        "2023-10-07",
        "day",
    ),
    (
        "GAZA, Oct. 7 (Newswire) - Crowds marked one year since the attack.",
        date(2024, 10, 7),
        "Oct. 7",
        "DATE",
        "2024-10-07",
        "2024-10-07",
        "day",
    ),
    (
        "The first rockets hit on October 7th last year. Many now write the date as Oct. 7.",
        date(2024, 10, 7),
        "Oct. 7",
        "DATE",
        "2023-10-07",
        "2023-10-07",
        "day",
    ),
    (
        "Before dawn on Saturday, the army hit air bases after drone waves on the previous two nights.",
        date(2025, 5, 11),
        "the previous two nights",
        "TIME",
        "2025-05-08TNI",
        "2025-05-08",
        "day",
    ),
    (
        "Rebels held the town through the weekend.",
        date(2025, 5, 6),
        "the weekend",
        "DATE",
        "2025-W18-WE",
        "2025-05-03",
        "day",
    ),
    # broadcast transcripts spell years out
    (
        "The camp was set up in nineteen ninety-six.",
        THU,
        "nineteen ninety-six",
        "DATE",
        "1996",
        "1996",
        "year",
    ),
    (
        "The ceasefire has held since January nineteen ninety-seven.",
        THU,
        "January nineteen ninety-seven",
        "DATE",
        "1997-01",
        "1997-01",
        "month",
    ),
    (
        "The pledge to end the siege by the year two thousand was dropped.",
        date(1998, 2, 5),
        "the year two thousand",
        "DATE",
        "2000",
        "2000",
        "year",
    ),
    # reporting periods are durations in TimeML
    (
        "The arms maker lost $5 million in the year ended March 31.",
        date(1989, 11, 1),
        "the year",
        "DURATION",
        "P1Y",
        "",
        "none",
    ),
    (
        "Defence spending rose in the current fiscal year.",
        date(1989, 11, 1),
        "the current fiscal year",
        "DATE",
        "1989",
        "1989",
        "year",
    ),
    # future wording: "as soon as", "as early as"
    (
        "The envoy could arrive as soon as Tuesday.",
        date(2000, 4, 3),
        "Tuesday",
        "DATE",
        "2000-04-04",
        "2000-04-04",
        "day",
    ),
    # --- TempEval-driven rules (sentences written for these tests) ---
    ("Refugees lived in the camps for 2 1/2 years.", THU, "2 1/2 years", "DURATION", "P2Y6M", "", "none"),
    (
        "A minute and a half later, the pilot called.",
        THU,
        "A minute and a half",
        "DURATION",
        "PT1M30S",
        "",
        "none",
    ),
    (
        "Markets fell in the last twenty four hours.",
        THU,
        "the last twenty four hours",
        "DURATION",
        "PT24H",
        "",
        "none",
    ),
    (
        "The fleet may stay for at least 20 more years.",
        THU,
        "at least 20 more years",
        "DURATION",
        "P20Y",
        "",
        "none",
    ),
    ("Eight trading days later, shares recovered.", THU, "Eight trading days", "DURATION", "P8D", "", "none"),
    (
        "Unemployment is the lowest in almost two decades.",
        THU,
        "almost two decades",
        "DURATION",
        "P20Y",
        "",
        "none",
    ),
    ("Support has grown since several years ago.", THU, "several years ago", "DATE", "PAST_REF", "", "none"),
    (
        "The boy was rescued on Thanksgiving Day.",
        date(2000, 1, 7),
        "Thanksgiving Day",
        "DATE",
        "1999-11-25",
        "1999-11-25",
        "day",
    ),
    ("The ceasefire will hold until Christmas.", THU, "Christmas", "DATE", "2024-12-25", "2024-12-25", "day"),
    (
        "Clinic violence will be a theme from now to Election Day.",
        date(1998, 10, 26),
        "Election Day",
        "DATE",
        "1998-11-03",
        "1998-11-03",
        "day",
    ),
    (
        "He fled in June 2019 and returned later that year.",
        THU,
        "later that year",
        "DATE",
        "2019",
        "2019",
        "year",
    ),
    (
        "The general was promoted on 22 May 2015, and the following year he became attache.",
        THU,
        "the following year",
        "DATE",
        "2016",
        "2016",
        "year",
    ),
    (
        "The convoy will leave at 4 a.m. EDT Thursday.",
        date(2000, 4, 5),
        "4 a.m. EDT Thursday",
        "TIME",
        "2000-04-06T04:00",
        "2000-04-06T04:00",
        "minute",
    ),
    (
        "The offer expires at 5 p.m. EST, Nov. 6.",
        date(1989, 10, 30),
        "5 p.m. EST, Nov. 6",
        "TIME",
        "1989-11-06T17:00",
        "1989-11-06T17:00",
        "minute",
    ),
    (
        "The father will fly out at 4 in the morning.",
        date(2000, 4, 5),
        "4 in the morning",
        "TIME",
        "2000-04-05T04:00",
        "2000-04-05T04:00",
        "minute",
    ),
    (
        "Profit rose in the third quarter. In the 1988 quarter, it earned $3 million.",
        date(1989, 10, 30),
        "the 1988 quarter",
        "DATE",
        "1988-Q3",
        "1988",
        "year",
    ),
    (
        "The 1988 second quarter included a large charge.",
        date(1989, 10, 30),
        "The 1988 second quarter",
        "DATE",
        "1988-Q2",
        "1988",
        "year",
    ),
    (
        "Sales fell in the third quarter. Sales for last year's quarter were flat.",
        date(1989, 10, 30),
        "last year's quarter",
        "DATE",
        "1988-Q3",
        "1988",
        "year",
    ),
    (
        "The destroyer has been on patrol since March and was scheduled to return.",
        date(1990, 8, 13),
        "March",
        "DATE",
        "1990-03",
        "1990-03",
        "month",
    ),
    # "next to" is a place; nouns "plans"/"planned trip" are not a plan for that day
    (
        "A bomb ripped through a building next to the embassy in Nairobi Friday morning.",
        date(1998, 8, 8),
        "Friday morning",
        "TIME",
        "1998-08-07TMO",
        "1998-08-07",
        "day",
    ),
    (
        "On Friday, when she set aside vacation plans for the hastily planned trip, the ban was lifted.",
        date(1998, 8, 17),
        "Friday",
        "DATE",
        "1998-08-14",
        "1998-08-14",
        "day",
    ),
    (
        "On Friday, the ministry plans to lift the ban.",
        date(1998, 8, 17),
        "Friday",
        "DATE",
        "1998-08-21",
        "1998-08-21",
        "day",
    ),
    # a cue at the head of a long clause, or after a long fronted subject
    (
        "Collins will be named commander of the Space Shuttle Columbia for a mission in December.",
        date(1998, 3, 4),
        "December",
        "DATE",
        "1998-12",
        "1998-12",
        "month",
    ),
    (
        "Protesters were planning to drive around Miami International Airport on Monday.",
        date(2000, 1, 7),
        "Monday",
        "DATE",
        "2000-01-10",
        "2000-01-10",
        "day",
    ),
    (
        "On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a news conference.",
        date(1998, 10, 26),
        "Tuesday",
        "DATE",
        "1998-10-27",
        "1998-10-27",
        "day",
    ),
    (
        "Rebels, who will face trial, attacked the garrison at the northern border crossing on Monday.",
        date(2000, 1, 7),
        "Monday",
        "DATE",
        "2000-01-03",
        "2000-01-03",
        "day",
    ),
    (
        "The family refused to sign, and the agency extended its deadline until 9 a.m. EST Tuesday.",
        date(2000, 4, 3),
        "9 a.m. EST Tuesday",
        "TIME",
        "2000-04-04T09:00",
        "2000-04-04T09:00",
        "minute",
    ),
    (
        "They can take part in planning for the NATO summit in April.",
        date(1998, 12, 5),
        "April",
        "DATE",
        "1999-04",
        "1999-04",
        "month",
    ),
    # a future cue in a relative clause is that clause's own
    (
        "It paid 1,800 francs each for shares issued July 1, which will receive only partial dividends.",
        date(1989, 10, 27),
        "July 1",
        "DATE",
        "1989-07-01",
        "1989-07-01",
        "day",
    ),
    (
        "The case may be resolved in a court hearing the week of March 6, a relative said.",
        date(2000, 2, 24),
        "the week of March 6",
        "DATE",
        "2000-W10",
        "2000-W10",
        "week",
    ),
    ("Talks are set for the week of 6 March.", date(2000, 2, 24), "the week of 6 March", "DATE", "2000-W10", "2000-W10", "week"),
    ("Holders may buy shares at half the then current market price.", date(1989, 10, 26), "then current", "DATE", "PAST_REF", "", "none"),
    # a quarter ended on a day, with no quarter named before: where most of it lies
    (
        "In the quarter ended July 31, the firm had 5.6 million shares outstanding.",
        date(1989, 10, 30),
        "the quarter",
        "DATE",
        "1989-Q2",
        "1989",
        "year",
    ),
    (
        "Delta's earnings soared in the fiscal first quarter. For the quarter ended Sept. 30, it earned $1.",
        date(1989, 10, 26),
        "the quarter",
        "DATE",
        "1989-Q1",
        "1989",
        "year",
    ),
    # "effective <date>" is the day a change takes effect, not placed by the past verb
    (
        "The bank also created a four-member office of the chairman, effective Feb. 1.",
        date(1989, 10, 26),
        "Feb. 1",
        "DATE",
        "1990-02-01",
        "1990-02-01",
        "day",
    ),
    (
        "Costs rose under the new labor pact effective June 1.",
        date(1989, 10, 26),
        "June 1",
        "DATE",
        "1989-06-01",
        "1989-06-01",
        "day",
    ),
    (
        "The bank also created a four-member office of the chairman in February.",
        date(1989, 10, 26),
        "February",
        "DATE",
        "1989-02",
        "1989-02",
        "month",
    ),
    (
        "In September, the firm announced plans to buy a fruit business.",
        date(1989, 10, 30),
        "September",
        "DATE",
        "1989-09",
        "1989-09",
        "month",
    ),
    (
        "A colonel will command a shuttle mission in December.",
        date(1998, 3, 4),
        "December",
        "DATE",
        "1998-12",
        "1998-12",
        "month",
    ),
    (
        "The offer had been due to expire Friday evening.",
        date(1989, 10, 30),
        "Friday evening",
        "TIME",
        "1989-10-27TEV",
        "1989-10-27",
        "day",
    ),
    (
        "Officials postponed until Tuesday morning any decision on the visa.",
        date(2000, 3, 30),
        "Tuesday morning",
        "TIME",
        "2000-04-04TMO",
        "2000-04-04",
        "day",
    ),
    (
        "The two sides met in July 1997, and the accession will take effect on March 12.",
        date(1999, 2, 27),
        "March 12",
        "DATE",
        "1999-03-12",
        "1999-03-12",
        "day",
    ),
    (
        "Rebels took the city in late 2012, holding it from 20 November until December.",
        THU,
        "20 November",
        "DATE",
        "2012-11-20",
        "2012-11-20",
        "day",
    ),  # "a year ago" later in the sentence is a comparison, not this date's year
    (
        "Sales rose to $747 million in the quarter ended Sept. 30 from $623 million a year ago.",
        date(1989, 10, 26),
        "Sept. 30",
        "DATE",
        "1989-09-30",
        "1989-09-30",
        "day",
    ),
    # "last <month>" for the month just gone is a year back; two months back is this year
    (
        "Two helicopters crashed last February.",
        date(1998, 3, 1),
        "last February",
        "DATE",
        "1997-02",
        "1997-02",
        "month",
    ),
    (
        "The talks collapsed last January.",
        date(2025, 3, 27),
        "last January",
        "DATE",
        "2025-01",
        "2025-01",
        "month",
    ),
    # "the following month" counts from the month the narrative is in
    (
        "In March, the firm received a buyout offer. Its board met twice. "
        "The following month, it put itself up for sale.",
        date(1989, 10, 27),
        "The following month",
        "DATE",
        "1989-04",
        "1989-04",
        "month",
    ),
    (
        "Elections will follow the following month.",
        THU,
        "the following month",
        "DATE",
        "2024-12",
        "2024-12",
        "month",
    ),
    # a past-tense verb in the clause keeps a bare month or day-month in the past
    (
        "In January, the chain brought in a new chief executive.",
        date(1989, 10, 27),
        "January",
        "DATE",
        "1989-01",
        "1989-01",
        "month",
    ),
    (
        "In the fiscal year ended Jan. 31, the retailer reported sales of $59 million.",
        date(1989, 10, 31),
        "Jan. 31",
        "DATE",
        "1989-01-31",
        "1989-01-31",
        "day",
    ),
    # a deadline ("by", "until") lies ahead unless a past verb says otherwise
    (
        "The sale is part of a program to cut the bridge loan by February.",
        date(1989, 10, 30),
        "February",
        "DATE",
        "1990-02",
        "1990-02",
        "month",
    ),
    (
        "By February the rebels had taken the town.",
        date(1989, 10, 30),
        "February",
        "DATE",
        "1989-02",
        "1989-02",
        "month",
    ),
    # without a past verb a month a few weeks ahead is still the nearest
    ("The bonds mature on Dec. 15.", date(1989, 11, 1), "Dec. 15", "DATE", "1989-12-15", "1989-12-15", "day"),
    # the reported quarter is one that has ended: not "this quarter", not a forecast
    (
        "Net rose in the third quarter. This quarter's sales look weak. "
        "Sales for last year's quarter were flat.",
        date(1989, 11, 1),
        "last year's quarter",
        "DATE",
        "1988-Q3",
        "1988",
        "year",
    ),
    (
        "Profit fell in the third quarter and may fall in the third quarter of 1990. "
        "In the year-ago period, the mill earned $101 million.",
        date(1989, 10, 26),
        "the year-ago period",
        "DATE",
        "1988-Q3",
        "1988",
        "year",
    ),
    (
        "The thrift lost money in the third quarter. For the quarter a year ago, it earned $16 million.",
        date(1989, 10, 26),
        "the quarter a year ago",
        "DATE",
        "1988-Q3",
        "1988",
        "year",
    ),
    (
        "Net fell in the third quarter, compared with $2 million for the corresponding period last year.",
        date(1989, 11, 1),
        "the corresponding period last year",
        "DATE",
        "1988-Q3",
        "1988",
        "year",
    ),
    # a nine-month comparison "a year earlier" is last year, not last year's quarter
    (
        "Third-quarter net rose. For the nine months, the airline earned $19 million, "
        "against a loss a year earlier.",
        date(1989, 10, 26),
        "a year earlier",
        "DATE",
        "1988",
        "1988",
        "year",
    ),
    (
        "Third-quarter net rose 5% from $2 million a year earlier.",
        date(1989, 10, 26),
        "a year earlier",
        "DATE",
        "1988-Q3",
        "1988",
        "year",
    ),
    # a fiscal quarter that ends now counts when the clause reports it
    (
        "The company reported a decline in fourth-quarter earnings. A year earlier, it earned $85 million.",
        date(1989, 11, 2),
        "A year earlier",
        "DATE",
        "1988-Q4",
        "1988",
        "year",
    ),
    (
        "The company reported lower fourth-quarter earnings. Sales in the latest period rose 13%.",
        date(1989, 11, 2),
        "the latest period",
        "DATE",
        "1989-Q4",
        "1989",
        "year",
    ),
    # "the previous/following <weekday>" counts from the last day named
    (
        "Shares fell on Friday and closed 4.5% below the previous Friday.",
        date(1989, 10, 30),
        "the previous Friday",
        "DATE",
        "1989-10-20",
        "1989-10-20",
        "day",
    ),
    (
        "The talks opened on Monday, Oct. 2, and ended the following Thursday.",
        date(1989, 10, 30),
        "the following Thursday",
        "DATE",
        "1989-10-05",
        "1989-10-05",
        "day",
    ),
    (
        "Before the firm scrapped the unit this past spring, costs were high.",
        date(1989, 10, 30),
        "this past spring",
        "DATE",
        "1989-SP",
        "1989",
        "year",
    ),
    (
        "Supply problems lasted well into the summer.",
        date(1989, 10, 30),
        "the summer",
        "DATE",
        "1989-SU",
        "1989",
        "year",
    ),
    ("He probably died within weeks or months.", THU, "weeks or months", "DURATION", "PXW", "", "none"),
    # after a modal or a subject, "one day" is some day in the future
    ("The town will one day be rebuilt.", THU, "one day", "DATE", "FUTURE_REF", "", "none"),
    ("The ceasefire lasted one day.", THU, "one day", "DURATION", "P1D", "", "none"),
    # a number after the weekday is a count, not a day of the month
    (
        "In a poll completed on Saturday, 69 percent said no.",
        date(1998, 10, 26),
        "Saturday",
        "DATE",
        "1998-10-24",
        "1998-10-24",
        "day",
    ),
    ("The bank hopes to close the sale by year-end.", THU, "year-end", "DATE", "2024", "2024", "year"),
    ("The index has gained 12% since year-end.", THU, "year-end", "DATE", "2023", "2023", "year"),
    (
        "Shelling went on; today is the eighth day of the siege.",
        THU,
        "the eighth day",
        "DATE",
        "2024-11-21",
        "2024-11-21",
        "day",
    ),
    (
        "It's the second day of the offensive.",
        THU,
        "the second day",
        "DATE",
        "2024-11-21",
        "2024-11-21",
        "day",
    ),
    ("Membership fell through the nineties.", THU, "the nineties", "DATE", "199", "", "none"),
    ("Investors hurt market makers more these days.", THU, "these days", "DATE", "PRESENT_REF", "", "none"),
    ("The ministry may soon open a second crossing.", THU, "soon", "DATE", "FUTURE_REF", "", "none"),
    (
        "They asked for a ceasefire as soon as possible.",
        THU,
        "as soon as possible",
        "DATE",
        "FUTURE_REF",
        "",
        "none",
    ),
    ("Prices may stay high in the near term.", THU, "the near term", "DATE", "FUTURE_REF", "", "none"),
    (
        "Aid will grow over the next couple of years.",
        THU,
        "the next couple of years",
        "DURATION",
        "P2Y",
        "",
        "none",
    ),
    # a weekday after "until"/"by" is a deadline ahead, unless a past verb in the clause says otherwise
    (
        "The agency has given the relatives until 9 a.m. Tuesday to sign the paper.",
        date(2000, 4, 3),
        "9 a.m. Tuesday",
        "TIME",
        "2000-04-04T09:00",
        "2000-04-04T09:00",
        "minute",
    ),
    (
        "The rebels must leave the city by Saturday.",
        THU,
        "Saturday",
        "DATE",
        "2024-11-23",
        "2024-11-23",
        "day",
    ),
    ("The rebels had left the city by Saturday.", THU, "Saturday", "DATE", "2024-11-16", "2024-11-16", "day"),
    (
        "By Wednesday, the army had landed at the airport.",
        THU,
        "Wednesday",
        "DATE",
        "2024-11-20",
        "2024-11-20",
        "day",
    ),
    (
        "Up until Thursday, they had described him only as a witness.",
        date(1999, 5, 7),
        "Thursday",
        "DATE",
        "1999-05-06",
        "1999-05-06",
        "day",
    ),
    # a fronted weekday before a past-tense plan verb is the day of the planning;
    # inside the plan's complement it still looks ahead
    (
        "On Friday, the government planned to pay the families.",
        date(1998, 9, 30),
        "Friday",
        "DATE",
        "1998-09-25",
        "1998-09-25",
        "day",
    ),
    (
        "The government planned to pay the families on Friday.",
        date(1998, 9, 30),
        "Friday",
        "DATE",
        "1998-10-02",
        "1998-10-02",
        "day",
    ),
    # "the day before/after <date>" is one day counted from that date
    (
        "The day before last Tuesday's hearing, lawyers met.",
        THU,
        "The day before last Tuesday",
        "DATE",
        "2024-11-18",
        "2024-11-18",
        "day",
    ),
    (
        "The talks resumed the day after Christmas.",
        THU,
        "the day after Christmas",
        "DATE",
        "2023-12-26",
        "2023-12-26",
        "day",
    ),
    # in apposition to a date it renames that date; alone it counts from the date before
    (
        "He was last seen Nov. 3, the day before the warrant was issued.",
        THU,
        "the day before",
        "DATE",
        "2024-11-03",
        "2024-11-03",
        "day",
    ),
    (
        "It rained on Monday. The day before, it snowed.",
        THU,
        "The day before",
        "DATE",
        "2024-11-17",
        "2024-11-17",
        "day",
    ),
    # a bare day coordinated with a day-month shares its month and year
    (
        "The summit will be held on April 24 and 25.",
        date(1999, 2, 10),
        "25",
        "DATE",
        "1999-04-25",
        "1999-04-25",
        "day",
    ),
    (
        "Talks are set for 24th and 25th April.",
        date(1999, 2, 10),
        "24th",
        "DATE",
        "1999-04-24",
        "1999-04-24",
        "day",
    ),
    ("Polls open on 3 and 4 May 2020, officials said.", THU, "3", "DATE", "2020-05-03", "2020-05-03", "day"),
    # "or so" hedges a count without changing it
    (
        "Then, a week or so ago, the general moved his forces.",
        THU,
        "a week or so ago",
        "DATE",
        "2024-W46",
        "2024-W46",
        "week",
    ),
    ("The plant had closed two years or so earlier.", THU, "two years or so earlier", "DATE", "2022", "2022", "year"),
    # a fronted "In <month>," takes its tense from the main verb after the subject ("vs." ends no sentence)
    (
        "In January, a week after the anniversary of Roe vs. Wade, a bombing in Birmingham killed a guard.",
        date(1998, 10, 25),
        "January",
        "DATE",
        "1998-01",
        "1998-01",
        "month",
    ),
    (
        "In January, the new rules take effect across the whole of the country.",
        date(1998, 10, 25),
        "January",
        "DATE",
        "1999-01",
        "1999-01",
        "month",
    ),
    # a denied deictic day is still a known day (only a denied calendar date loses its year)
    ("But it is not tonight we are worried about.", THU, "tonight", "TIME", "2024-11-21TNI", "2024-11-21", "day"),
    ("The strike came not yesterday but a week ago.", THU, "yesterday", "DATE", "2024-11-20", "2024-11-20", "day"),
    ("Those quarrels belong to the past.", THU, "the past", "DATE", "PAST_REF", "", "none"),
    # "the last/latter half of <year>" is the second half; "First half" keeps its number
    ("Sales fell in the last half of 1989.", THU, "the last half of 1989", "DATE", "1989-H2", "1989", "year"),
    ("First half profit rose 4%.", THU, "First half", "DATE", "2024-H1", "2024", "year"),
    (
        "Demand will stay weak through at least the first two quarters of 1990.",
        THU,
        "at least the first two quarters of 1990",
        "DATE",
        "1990-H1",
        "1990",
        "year",
    ),
    ("Losses narrowed in the first two quarters.", THU, "the first two quarters", "DURATION", "P6M", "", "none"),
    # recurring weekdays and months are SETs
    ("Ferries leave on Tuesday nights.", THU, "Tuesday nights", "SET", "XXXX-WXX-2TNI", "", "none"),
    ("A third flight departs each Thursday.", THU, "each Thursday", "SET", "XXXX-WXX-4", "", "none"),
    ("The market is shut on Sundays.", THU, "Sundays", "SET", "XXXX-WXX-7", "", "none"),
    ("Marchers parade through the town each July.", THU, "each July", "SET", "XXXX-07", "", "none"),
]

# Strings that must give no timex at all.
MUST_FAIL = [
    "The package is worth $48 million.",
    "We will not give up, we said.",
    "Protesters may march on parliament.",
    "Thousands march through the capital.",
    "More than 2,000 people fled the town.",
    "The brigade has 1500 soldiers.",
    "Officials said the vote was free.",
    "A 12-year-old boy was among the wounded.",
    "Two thousand people marched through the city.",
    "Nineteen soldiers were wounded.",
    "The envoy, 52 years old, was replaced.",
    "Funds hold more than a quarter of the market.",
    "Shares hit a quarter-century low.",
    "Good evening from the capital.",
    "For the people of the region, high noon has come.",
    "Average daily volume was 133 million shares.",
    # "daily" naming a newspaper
    "The Israeli daily Haaretz reported the deal.",
    "The Communist Party daily Granma compared the boy with heroes.",
    "Revenue should grow 20% annually.",
    'The minister said so on the programme "60 Minutes" to viewers.',
    'The minister spoke on ABC\'s "This Week" to viewers.',
    "Agents seized him in a pre-dawn raid.",
    "The Happy Mondays played in Manchester.",
    "Each may vote as it wishes.",
    # "soon" tied to another time, or told in the past
    "Aid will flow as soon as the road reopens.",
    "He died soon after his capture.",
    "A trickle of cash soon became a flood.",
    # idioms and gaps, not periods
    "A deal is a matter of days away.",
    "The two blasts went off minutes apart.",
    # the present or future era, not a day
    "The case is for today's youth what the blockade was for their parents.",
    "He would have chosen the people of tomorrow.",
    # "last half" of anything but a year is not a calendar half
    "He scored twice in the last half hour.",
    # "the past" determining a counted noun is not the past itself
    "He has fished there the past three summers.",
    "Over the past 10 games he scored twice.",
    # an adjective, not a date
    "Year-end results were flat.",
    "The quarter-to-quarter comparison was flat.",
    "She wrote the story for USA Today.",
    "",
]


def _find(sentence: str, published: date, text: str):
    found = [t for t in find_timexes(sentence, published=published) if t.text == text]
    assert found, f"{text!r} not found in {[t.text for t in find_timexes(sentence, published=published)]}"
    return found[0]


class TestFindTimexes:
    @pytest.mark.parametrize(
        ("sentence", "published", "text", "type_", "value", "date_", "precision"),
        ROWS,
        ids=[f"{r[2]}@{r[1]}" for r in ROWS],
    )
    def test_row(self, sentence, published, text, type_, value, date_, precision):
        t = _find(sentence, published, text)
        assert (t.type, t.value, t.date, t.precision) == (type_, value, date_, precision)
        assert sentence[t.start : t.end] == t.text

    @pytest.mark.parametrize("sentence", MUST_FAIL)
    def test_must_fail(self, sentence):
        assert find_timexes(sentence, published=THU) == []

    def test_leading_preposition_is_not_part(self):
        t = _find("The embassy shut its doors on Wednesday.", THU, "Wednesday")
        assert t.basis == "relative" and not t.future

    def test_future_flag(self):
        assert _find("The envoys will meet in Geneva on Friday.", THU, "Friday").future

    def test_month_interval(self):
        t = _find("Fighting raged through November 2024.", date(2025, 1, 1), "November 2024")
        assert (t.date_start, t.date_end) == (datetime(2024, 11, 1), datetime(2024, 11, 30, 23, 59, 59))

    def test_weekend_is_a_saturday_to_sunday_range(self):
        t = _find("Strikes on Iran followed last weekend.", FRI, "last weekend")
        assert (t.date, t.precision) == ("2024-04-13", "day")
        assert (t.date_start, t.date_end) == (datetime(2024, 4, 13), datetime(2024, 4, 14, 23, 59, 59))

    def test_previous_nights_range(self):
        text = "Before dawn on Saturday, the army hit air bases after drone waves on the previous two nights."
        assert _find(text, date(2025, 5, 11), "the previous two nights").value_end == "2025-05-09TNI"

    def test_week_interval_is_monday_to_sunday(self):
        t = _find("Ministers met last week.", THU, "last week")
        assert (t.date_start, t.date_end) == (datetime(2024, 11, 11), datetime(2024, 11, 17, 23, 59, 59))

    def test_range_interval(self):
        t = _find("Shelling was reported on 19-20 September.", date(2023, 10, 2), "19-20 September")
        assert t.value_end == "2023-09-20"
        assert (t.date_start, t.date_end) == (datetime(2023, 9, 19), datetime(2023, 9, 20, 23, 59, 59))

    def test_range_takes_year_of_second_end(self):
        text = "The war lasted from 27 September to 10 November 2020."
        assert _find(text, THU, "27 September").value == "2020-09-27"

    def test_clock_time_anchored_to_preceding_date(self):
        text = "Pagers exploded on Tuesday. The first blasts came at about 3:30 p.m."
        assert _find(text, date(2024, 9, 18), "about 3:30 p.m.").value == "2024-09-17T15:30"

    def test_day_first_setting(self):
        t = _find("The decree is dated 03/04/2024.", date(2024, 5, 1), "03/04/2024")
        us = find_timexes("The decree is dated 03/04/2024.", published=date(2024, 5, 1), day_first=False)
        assert t.value == "2024-04-03" and us[0].value == "2024-03-04"

    def test_datetime_published_is_accepted(self):
        assert (
            find_timexes("It happened on Tuesday.", published=datetime(2024, 11, 21, 9))[0].value
            == "2024-11-19"
        )


def _dev_docs():
    for line in (DATA / "dev_timexes.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = (DATA / "dev_articles" / f"{row['id']}.txt").read_text(encoding="utf-8")
        yield text, date.fromisoformat(row["published"]), row["timexes"]


def test_dev_value_accuracy_over_matched_spans():
    pairs = []
    for text, published, gold in _dev_docs():
        system = [
            {"start": t.start, "end": t.end, "type": t.type, "value": t.value}
            for t in find_timexes(text, published=published)
        ]
        pairs.append((gold, system))
    m = score(pairs)
    assert m["value_accuracy"] >= 0.90
    assert m["relaxed_r"] >= 0.90 and m["relaxed_p"] >= 0.90


def _parsed(words, tags, deps, heads, lemmas):
    """A hand-parsed spaCy Doc (no model needed): heads are absolute token indices."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    spaces = [not (i + 1 < len(words) and words[i + 1] in {",", "."}) for i in range(len(words))]
    spaces[-1] = False
    return Doc(
        spacy.blank("en").vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads, lemmas=lemmas
    )


class TestParsedTense:
    """With a parsed ``doc``, the governing verb's tense sets the weekday direction."""

    def test_past_verb_outweighs_plan_word(self):
        doc = _parsed(
            ["On", "Friday", ",", "the", "government", "scheduled", "talks", "with", "the", "families", "."],
            ["IN", "NNP", ",", "DT", "NN", "VBD", "NNS", "IN", "DT", "NNS", "."],
            ["prep", "pobj", "punct", "det", "nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
            [5, 0, 5, 4, 5, 5, 5, 6, 9, 7, 5],
            ["on", "Friday", ",", "the", "government", "schedule", "talk", "with", "the", "family", "."],
        )
        wed = date(1998, 9, 30)
        assert _find(doc.text, wed, "Friday").value == "1998-10-02"  # rules alone: "scheduled" looks ahead
        parsed = [t for t in find_timexes(doc.text, published=wed, doc=doc) if t.text == "Friday"]
        assert parsed[0].value == "1998-09-25"

    def test_present_tense_verb_looks_ahead(self):
        doc = _parsed(
            ["They", "meet", "separately", "Monday", "with", "the", "envoy", "."],
            ["PRP", "VBP", "RB", "NNP", "IN", "DT", "NN", "."],
            ["nsubj", "ROOT", "advmod", "npadvmod", "prep", "det", "pobj", "punct"],
            [1, 1, 1, 1, 1, 6, 4, 1],
            ["they", "meet", "separately", "Monday", "with", "the", "envoy", "."],
        )
        fri = date(1998, 5, 1)
        assert [t.value for t in find_timexes(doc.text, published=fri, doc=doc)] == ["1998-05-04"]

    def test_cue_before_span_outweighs_past_verb(self):
        doc = _parsed(
            ["Traders", "squared", "positions", "ahead", "of", "Friday", "."],
            ["NNS", "VBD", "NNS", "RB", "IN", "NNP", "."],
            ["nsubj", "ROOT", "dobj", "advmod", "prep", "pobj", "punct"],
            [1, 1, 1, 1, 3, 4, 1],
            ["trader", "square", "position", "ahead", "of", "Friday", "."],
        )
        assert [t.value for t in find_timexes(doc.text, published=THU, doc=doc)] == ["2024-11-22"]

    def test_unparsed_doc_changes_nothing(self):
        spacy = pytest.importorskip("spacy")
        text = "On Friday, the government planned to pay the families."
        doc = spacy.blank("en")(text)
        wed = date(1998, 9, 30)
        assert find_timexes(text, published=wed, doc=doc) == find_timexes(text, published=wed)


class TestCoordinatedDays:
    """Only a day number that ends the phrase joins the month; a counted noun does not."""

    @pytest.mark.parametrize(
        "sentence",
        [
            "It fell on April 24 and 25 people died.",
            "He was born on April 24, and 25 people came.",
            "Rates rose 3 and 4 May prices fell.",
            "The bank lent on Feb. 30 and 31.",
        ],
    )
    def test_no_bare_day(self, sentence):
        found = find_timexes(sentence, published=THU)
        assert all(not t.text.isdigit() for t in found), [t.text for t in found]


class TestDocTenses:
    """:func:`doc_tenses` reads the parse through arrays; these pin its per-token output."""

    def test_future_clause_and_reduced_relative(self):
        from timeline.temporal import doc_tenses

        words = "A service planned for Saturday was cancelled ; they will meet Monday .".split()
        tags = "DT NN VBN IN NNP VBD VBN : PRP MD VB NNP .".split()
        deps = "det nsubjpass acl prep pobj auxpass ROOT punct nsubj aux conj npadvmod punct".split()
        heads = [1, 6, 1, 2, 3, 6, 6, 6, 10, 10, 6, 10, 6]
        lemmas = "a service plan for Saturday be cancel ; they will meet Monday .".split()
        doc = _parsed(words, tags, deps, heads, lemmas)
        tenses = {doc.text[s:e]: t for s, e, t in doc_tenses(doc)}
        # "planned for Saturday" hands over to "was cancelled"; the subject is an argument of a past verb
        assert tenses["Saturday"] == "past" and tenses["service"] == "past"
        assert tenses["Monday"] == "future" and tenses["meet"] == "future"
        assert tenses["will"] == "future"

    def test_possessive_and_unparsed_docs_are_left_out(self):
        spacy = pytest.importorskip("spacy")
        from timeline.temporal import doc_tenses

        doc = _parsed(
            ["Tuesday", "'s", "ruling", "stood", "."],
            ["NNP", "POS", "NN", "VBD", "."],
            ["poss", "case", "nsubj", "ROOT", "punct"],
            [2, 0, 3, 3, 3],
            ["Tuesday", "'s", "ruling", "stand", "."],
        )
        starts = {doc.text[s:e] for s, e, _t in doc_tenses(doc)}
        assert "Tuesday" not in starts and "ruling" in starts
        assert doc_tenses(spacy.blank("en")("They will meet on Friday.")) == ()


# spaCy DATE/TIME entities no rule read: (sentence, entity text, label, expected extra (text, value) or None)
DOC_ENTITY_ROWS = [
    ("The ceasefire was signed on 2024.11.05 in Doha.", "2024.11.05", "DATE", ("2024.11.05", "2024-11-05")),
    ("Talks resumed on Nov 5th 2024, officials said.", "Nov 5th 2024", "DATE", None),  # a rule reads it
    ("Prices rose 2024.11.05 percent, analysts said.", "2024.11.05", "MONEY", None),  # not a DATE/TIME
    ("The vote was held in spring, officials said.", "spring", "DATE", None),  # no day for dateparser
]


class TestDocEntities:
    """Entities come from the per-Doc cache of :mod:`timeline.nlp` (shared with the event rules)."""

    @staticmethod
    def _doc(blank_nlp, sentence, ent_text, label):
        doc = blank_nlp.make_doc(sentence)
        start = sentence.index(ent_text)
        doc.ents = [doc.char_span(start, start + len(ent_text), label=label)]
        return doc

    @pytest.mark.parametrize("cached", [False, True])
    @pytest.mark.parametrize("sentence,ent_text,label,expected", DOC_ENTITY_ROWS)
    def test_row(self, blank_nlp, sentence, ent_text, label, expected, cached):
        from timeline.nlp import doc_ents, forget_cache

        doc = self._doc(blank_nlp, sentence, ent_text, label)
        if cached:
            doc_ents(doc)  # as the event rules leave it
        with_doc = find_timexes(sentence, published=THU, doc=doc)
        without = find_timexes(sentence, published=THU)
        extra = [(t.text, t.value) for t in with_doc if t not in without]
        assert extra == ([expected] if expected else [])
        forget_cache(doc)


# The regex scan tries a rule only at the offsets where one of its first words
# starts (temporal._first_words). It must find exactly what trying every offset
# of the text finds; a text with a character that IGNORECASE folds to an ASCII
# letter but str.lower() does not ("ſeveral") is scanned at every offset.
SCAN_ROWS = [
    ("The envoys will meet in Geneva on Friday.", "Friday"),
    ("In the early hours of Saturday, drones hit the port.", "the early hours of Saturday"),
    ("The ceasefire took effect at 5 p.m. GMT on 3 March 2024.", "3 March 2024"),
    ("Output grew in mid-2023 and again in the year-earlier quarter.", "mid-2023"),
    ("Sales fell in the 1990s and in the '80s.", "the 1990s"),
    ("A pyramid 1990 stands in the square.", "mid 1990"),  # "year" has no \b before its modifier
    ("It lasted ſeveral days.", "ſeveral days"),  # long s: lower() keeps it, IGNORECASE reads "s"
    ("Thanksgiving Day and New Year’s Eve fall on a Thursday and a Tuesday.", "New Year’s Eve"),
]


def _scan_reference(text: str) -> set[tuple[int, int, int, tuple[str | None, ...]]]:
    """Every non-empty match of every rule, trying every offset (no trigger filter)."""
    from timeline.temporal import _rules

    return {
        (m.start(), m.end(), i, m.groups())
        for i, rule in enumerate(_rules())
        for m in rule.regex.finditer(text)
        if m.end() > m.start()
    }


class TestScan:
    """:func:`timeline.temporal._candidates` against a scan of every offset by every rule."""

    @pytest.mark.parametrize("sentence,expected", SCAN_ROWS, ids=[r[1] for r in SCAN_ROWS])
    def test_row(self, sentence, expected):
        from timeline.temporal import _candidates

        found = {(s, e, i, m.groups()) for s, e, i, m in _candidates(sentence)}
        assert found == _scan_reference(sentence)
        assert expected in {sentence[s:e] for s, e, _i, _g in found}

    def test_table_sentences_and_dev_articles(self):
        from timeline.temporal import _candidates

        texts = [row[0] for row in ROWS] + list(MUST_FAIL)
        texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / "dev_articles").glob("*.txt"))]
        for text in texts:
            found = {(s, e, i, m.groups()) for s, e, i, m in _candidates(text)}
            assert found == _scan_reference(text), text[:80]

    def test_odd_folds_are_all_listed(self):
        """Every non-ASCII character IGNORECASE matches to an ASCII letter is one lower() leaves unmapped."""
        import re

        from timeline.temporal import _ODD_FOLDS

        letter = re.compile(r"[a-z]", re.I)
        for code in range(0x80, 0x110000):
            char = chr(code)
            lowered = char.lower()
            if letter.fullmatch(char) and not (len(lowered) == 1 and "a" <= lowered <= "z"):
                assert _ODD_FOLDS.fullmatch(char), hex(code)
