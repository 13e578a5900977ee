"""Table-driven tests of :func:`timeline.temporal.find_timexes` on news-style sentences."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
import srsly

from timeline.temporal import find_timexes
from timeline.evaluation.timeml import score

DATA = Path(__file__).parent / "data"
THU = date(2024, 11, 21)  # a Thursday
FRI = date(2024, 4, 19)  # a Friday

CASES = Path(__file__).parent / "cases"


def _cases(name: str) -> list[dict[str, str]]:
    """Rows of ``tests/cases/<name>.jsonl`` (a ``note`` says why a row is there)."""
    return list(srsly.read_jsonl(CASES / f"{name}.jsonl"))


_EXPECTED = ("text", "type", "value", "date", "precision")
#: (sentence, published, expected text, type, value, date, precision)
ROWS = [
    (r["sentence"], date.fromisoformat(r["published"]), *(r[k] for k in _EXPECTED))
    for r in _cases("temporal_rows")
]
#: Strings that must give no timex at all.
MUST_FAIL = [r["sentence"] for r in _cases("temporal_must_fail")]


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

    @pytest.mark.parametrize("published", ["2024-11-21", "2024-11-21T09:30:00"])
    def test_iso_string_published_is_accepted(self, published):
        """The README's own call (issue 15, defect 3): a publication date written as an ISO string."""
        assert find_timexes("It happened on Tuesday.", published=published)[0].value == "2024-11-19"

    def test_unreadable_published_string_is_refused(self):
        with pytest.raises(ValueError, match="find_timexes: .*'Tuesday'"):
            find_timexes("It happened on Tuesday.", published="Tuesday")


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
        assert tenses["Monday"] == "future" and tenses["meet"] == "future"  # "will meet"
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
# starts (Rule.first_words, derived from its pattern). It must find exactly what trying every offset
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
    from timeline.temporal.rules import rules as _rules

    return {
        (m.start(), m.end(), i, m.groups())
        for i, rule in enumerate(_rules())
        for m in rule.regex.finditer(text)
        if m.end() > m.start()
    }


class TestScan:
    """:func:`timeline.temporal.engine._candidates` against a scan of every offset by every rule."""

    @pytest.mark.parametrize("sentence,expected", SCAN_ROWS, ids=[r[1] for r in SCAN_ROWS])
    def test_row(self, sentence, expected):
        from timeline.temporal.engine import _candidates

        found = {(s, e, i, m.groups()) for s, e, i, m in _candidates(sentence)}
        assert found == _scan_reference(sentence)
        assert expected in {sentence[s:e] for s, e, _i, _g in found}

    def test_table_sentences_and_dev_articles(self):
        from timeline.temporal.engine import _candidates

        texts = [row[0] for row in ROWS] + list(MUST_FAIL)
        texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / "dev_articles").glob("*.txt"))]
        for text in texts:
            found = {(s, e, i, m.groups()) for s, e, i, m in _candidates(text)}
            assert found == _scan_reference(text), text[:80]

    def test_odd_folds_are_all_listed(self):
        """Every non-ASCII character IGNORECASE matches to an ASCII letter is one lower() leaves unmapped."""
        import re

        from timeline.temporal.lexicon import _ODD_FOLDS

        letter = re.compile(r"[a-z]", re.I)
        for code in range(0x80, 0x110000):
            char = chr(code)
            lowered = char.lower()
            if letter.fullmatch(char) and not (len(lowered) == 1 and "a" <= lowered <= "z"):
                assert _ODD_FOLDS.fullmatch(char), hex(code)
