"""The temporal rule table as data: every rule compiles, names what exists, and gives its examples' values."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from timeline import resources
from timeline.temporal import find_timexes
from timeline.temporal.lexicon import cue, slots
from timeline.temporal.rules import Rule, RuleError, _compile, first_words, handler_table, rules

RULES = rules()
EXAMPLES = [(rule, ex) for rule in RULES for ex in rule.examples]


def test_every_rule_has_an_example():
    assert [r.name for r in RULES if not r.examples] == []


@pytest.mark.parametrize("rule,example", EXAMPLES, ids=[f"{r.name}:{e['timex']}" for r, e in EXAMPLES])
def test_example_gives_its_value(rule: Rule, example: dict[str, str]):
    text = example["text"]
    assert rule.regex.search(text), f"{rule.name} does not match its own example"
    found = {t.text: t.value for t in find_timexes(text, published=date.fromisoformat(example["published"]))}
    assert found.get(example["timex"]) == example["value"], found


def test_every_slot_expands_and_compiles():
    for regex in slots().values():
        re.compile(regex, re.I)


def test_handlers_named_by_rules_exist_and_none_is_unused():
    named = {row["handler"] for row in resources.load("temporal/rules.jsonl", lang="en") if "name" in row}
    assert named <= handler_table().keys()
    assert handler_table().keys() - named == set()


GOOD = {"name": "probe", "handler": "year", "pattern": r"\bin\s+(?P<y>{YEAR})", "triggers": ["in"]}


@pytest.mark.parametrize(
    "change,message",
    [
        ({"handler": "no_such"}, "no handler 'no_such'"),
        ({"pattern": r"\b{NO_SLOT}"}, "no slot {NO_SLOT}"),
        ({"pattern": r"\b(?P<y>\d"}, "does not compile"),
        ({"pattern": r"\d*"}, "matches the empty string"),
        ({"flags": ["anchord"]}, "unknown flags"),
        ({"trigger": ["in"]}, "unknown keys"),
        ({"triggers": ["@no_table"]}, "names no word table"),
    ],
    ids=["handler", "slot", "regex", "empty", "flag", "key", "trigger"],
)
def test_a_bad_rule_raises_naming_it(change: dict[str, object], message: str):
    with pytest.raises(RuleError, match=re.escape(message)) as raised:
        _compile({**GOOD, **change}, handler_table(), "en")
    assert "'probe'" in str(raised.value)


def test_a_good_rule_compiles():
    rule = _compile(GOOD, handler_table(), "en")
    assert rule.first_words == frozenset({"in"})
    assert rule.regex.search("It was built in 1990.")


def test_triggers_default_to_the_first_words():
    row = {k: v for k, v in GOOD.items() if k != "triggers"}
    assert _compile(row, handler_table(), "en").triggers == frozenset({"in"})
    with pytest.raises(RuleError, match="give its triggers"):
        _compile({**row, "pattern": r"(?:mid\s+)?(?P<y>{YEAR})"}, handler_table(), "en")


@pytest.mark.parametrize(
    "pattern,words",
    [
        (r"\b(?:the\s+)?week\b", {"the", "week"}),
        (r"(?<![\d:])\d\d:\d\d", {"#digit"}),
        (r"\b(?:a|the)\s+day\b", {"a", "the"}),
        (r"\bweek", None),  # a letter may follow: "weekend" starts with no word "week"
        (r"(?:early|late)\s+\d{4}", None),  # no \b: "early" may end "yearly"
        (r"'\d0s\b", None),  # starts with punctuation
        (r"\d+\s+days", None),  # a digit may precede: the run may start earlier
    ],
)
def test_first_words_are_derived_from_the_pattern(pattern: str, words: set[str] | None):
    found = first_words(re.compile(pattern, re.I))
    assert found == (frozenset(words) if words is not None else None)


def test_every_cue_pattern_is_used_and_compiles():
    package = Path(__file__).parents[1] / "timeline" / "temporal"
    source = "".join(p.read_text("utf-8") for p in package.glob("*.py"))
    names = [k for k in resources.load("temporal/cues.json", lang="en") if not k.startswith("_")]
    assert [n for n in names if f'cue("{n}")' not in source] == []
    assert all(cue(n).pattern for n in names)
