"""The event layer's data files: English inflection, and the cross-references between files and code."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

import pytest

from timeline import resources
from timeline.events import lexicon
from timeline.events.rules import FLAGS, RULE_FILES, WORD_TYPE_TABLES, rules, types_flagged
from timeline.nlp import read_patterns
from timeline.taxonomy import EVENT_TYPES

EVENTS = Path(__file__).parents[1] / "timeline" / "events"
EVENTS_CODE = "\n".join(path.read_text("utf-8") for path in EVENTS.glob("*.py"))
#: Flags are read by the event layer and by the layers after it (dedup).
PACKAGE_CODE = "\n".join(path.read_text("utf-8") for path in EVENTS.parent.rglob("*.py"))

# (lemma, kind, forms): the English inflection of the lexicons; irregular rows come from irregular.json
INFLECTIONS = [
    ("missile", "noun", ["missile", "missiles"]),
    ("mortar", "noun", ["mortar", "mortars"]),
    ("checkpoint", "noun", ["checkpoint", "checkpoints"]),
    ("casualty", "noun", ["casualty", "casualties"]),
    ("defence", "noun", ["defence", "defences"]),
    ("child", "noun", ["child", "children"]),
    ("woman", "noun", ["woman", "women"]),
    ("water cannon", "noun", ["water cannon", "water cannons"]),
    ("launch", "verb", ["launch", "launches", "launched", "launching"]),
    ("seize", "verb", ["seize", "seizes", "seized", "seizing"]),
    ("deny", "verb", ["deny", "denies", "denied", "denying"]),
    ("call", "verb", ["call", "calls", "called", "calling"]),
    ("take", "verb", ["take", "takes", "took", "taken", "taking"]),
    ("strike", "verb", ["strike", "strikes", "struck", "striking"]),
    ("see", "verb", ["see", "sees", "saw", "seen", "seeing"]),
]


@pytest.mark.parametrize("lemma,kind,forms", INFLECTIONS, ids=[f"{k}-{w}" for w, k, _ in INFLECTIONS])
def test_inflection(lemma, kind, forms):
    assert lexicon.expand([{kind: lemma}]) == forms


@pytest.mark.parametrize("entry", [{"adjective": "red"}, {}], ids=["unknown-kind", "empty"])
def test_bad_lexicon_entry_is_named(entry):
    with pytest.raises(ValueError, match="lexicon entry"):
        lexicon.expand([entry])


def test_plain_words_stay_as_written():
    assert lexicon.expand(["icbm", "town's", "blew up"]) == ["icbm", "town's", "blew up"]


def _types_named_in_rule_files() -> set[str]:
    named = {rules()["attack_default_type"], *rules()["rule_types"].values()}
    for table in WORD_TYPE_TABLES:
        named |= set(rules()[table].values())
    for label, table in rules()["subject_sensitive_types"].items():
        named.add(label)
        named |= {t for words in table.values() for t in words.values() if t}  # "" is "no event"
    return named


def test_every_type_named_anywhere_is_in_the_taxonomy():
    trigger_labels = {p["label"] for p in read_patterns("triggers")} - {"ATTACK"}
    assert trigger_labels - set(EVENT_TYPES) == set()
    assert _types_named_in_rule_files() - set(EVENT_TYPES) == set()


def test_every_type_can_be_found():
    """A type is a trigger label, or a rule table gives it (an attack word typed by its weapon)."""
    labels = {p["label"] for p in read_patterns("triggers")}
    assert set(EVENT_TYPES) - labels - _types_named_in_rule_files() == set()


def test_taxonomy_flags_and_priorities():
    for event_type, record in EVENT_TYPES.items():
        assert set(record["flags"]) <= set(FLAGS), event_type
    priorities = [record["priority"] for record in EVENT_TYPES.values()]
    assert len(set(priorities)) == len(priorities), "two types share a priority"


def test_every_flag_is_used_by_the_code_and_a_type():
    used = set(re.findall(r'types_flagged\("(\w+)"\)', PACKAGE_CODE))
    assert used == set(FLAGS)
    assert all(types_flagged(flag) for flag in FLAGS)


def test_unknown_flag_is_named():
    with pytest.raises(ValueError, match="'nonsense'"):
        types_flagged("nonsense")


def test_headline_templates_fill_known_slots():
    slots = {"actor", "weapon_actor", "target", "place", "weapon", "amount"}
    for event_type, record in EVENT_TYPES.items():
        for template in record["headlines"]:
            assert {name for _, name, _, _ in Formatter().parse(template) if name} <= slots, event_type


def test_every_rule_key_is_read_and_every_read_key_exists():
    read = set(re.findall(r'(?:rules\(\)\[|word_set\()"(\w+)"', PACKAGE_CODE))
    assert read - set(rules()) == set(), "the code reads a key no file defines"
    assert set(rules()) - read == set(), "a file defines a key the code never reads"


def test_every_rule_type_is_used_by_the_code():
    used = set(re.findall(r'rule_type\("(\w+)"\)', EVENTS_CODE))
    assert used == set(rules()["rule_types"])


def test_pattern_ids_named_by_the_rules_exist():
    ids = {p["id"] for p in read_patterns("triggers")}
    for key in ("warning_of_ids", "victim_trigger_ids", "verb_led_ids", "marking_ids"):
        assert set(rules()[key]) <= ids, key


def test_rule_files_define_each_key_once():
    keys = [k for name in RULE_FILES for k in resources.load(name, lang="en") if k != "note"]
    assert len(keys) == len(set(keys))


def test_status_cues_are_single_words():
    """status_of compares the cues with single words of the trigger's clause: a cue of two words never
    matches (the future frames 'set to', 'going to' are read from the parse: future_frame_words)."""
    for status, cues in rules()["status_cues"].items():
        assert all(len(cue.split()) == 1 for cue in cues), status
