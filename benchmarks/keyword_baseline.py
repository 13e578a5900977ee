"""A keyword-per-sentence baseline for the real-news sets: what the extractor must beat.

Every sentence holding a keyword of ``benchmarks/data/baseline_keywords.json`` is one event, typed by its
earliest keyword and dated by the first date dateparser finds in the sentence (relative to the
publication day, preferring the past), or else the publication day. Each sentence is its own cluster.
It writes an events table with the columns the scorers read (doc_id, cluster_id, event_type, date,
status, sentence), so it is scored exactly like the tool:

    python benchmarks/keyword_baseline.py STORIES.jsonl -o OUT/events.csv
    python benchmarks/voa_errors.py --shared ../shared --stories STORIES.jsonl --gold GOLD.jsonl \
        --split all --events OUT/events.csv --table-only

STORIES.jsonl holds one story a line with ``id``, ``published`` (YYYY-MM-DD...) and ``text`` (the VOA
file and the local news sets have that shape).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import warnings
from datetime import date, datetime
from pathlib import Path

KEYWORDS = Path(__file__).parent / "data" / "baseline_keywords.json"
COLUMNS = ("doc_id", "cluster_id", "event_type", "date", "status", "sentence")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n+")


def keyword_pattern(path: Path = KEYWORDS) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every keyword (longest first, each a word start, case as written: "march" is not
    "March 1") and the type of each keyword."""
    table = json.loads(path.read_text(encoding="utf-8"))
    types = {word: event_type for event_type, words in table.items() if not event_type.startswith("_")
             for word in words}
    alternatives = "|".join(re.escape(word) for word in sorted(types, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})"), types


def sentences(text: str) -> list[str]:
    """The text's sentences: split after end punctuation before a capital, and at line breaks."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def sentence_date(sentence: str, published: date) -> str:
    """The first date dateparser finds in the sentence, else the publication day (ISO)."""
    from dateparser.search import search_dates

    base = datetime(published.year, published.month, published.day, 12)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(sentence, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return found[0][1].date().isoformat() if found else published.isoformat()


def story_events(story: dict[str, str], pattern: re.Pattern[str],
                 types: dict[str, str]) -> list[dict[str, str]]:
    """The baseline's events of one story: one per sentence with a keyword."""
    published = date.fromisoformat(story["published"][:10])
    rows = []
    for number, sentence in enumerate(sentences(story["text"])):
        match = pattern.search(sentence[:1].lower() + sentence[1:])  # "Protesters marched": a keyword
        if match is None:
            continue
        rows.append({"doc_id": story["id"], "cluster_id": f"{story['id']}-s{number}",
                     "event_type": types[match[0]], "date": sentence_date(sentence, published),
                     "status": "occurred", "sentence": sentence})
    return rows


def main() -> None:
    """Write the baseline's events table for a stories file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", type=Path, help="JSONL stories (id, published, text)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="events CSV to write")
    args = parser.parse_args()
    pattern, types = keyword_pattern()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.stories.open(encoding="utf-8") as lines, \
            args.output.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for line in lines:
            if line.strip():
                writer.writerows(story_events(json.loads(line), pattern, types))


if __name__ == "__main__":
    main()
