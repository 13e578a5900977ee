"""Pattern files and the rules of the event layer, on a blank pipeline (fast)."""

from __future__ import annotations

import re

import pytest
import spacy

from tests import cases
from timeline import resources
from timeline.events import candidates, countries_of, fatalities_in, tolls
from timeline.nlp import read_patterns
from timeline.nlp.components import subhead_spans
from timeline.taxonomy import EVENT_TYPES


@pytest.mark.parametrize("name,factory", [("entities", "entity_ruler"), ("triggers", "span_ruler")])
def test_pattern_files_validate(name, factory):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(factory, config={"validate": True})
    patterns = read_patterns(name)
    ruler.add_patterns(patterns)
    keys = [(p["label"], p["id"], str(p["pattern"]).lower()) for p in patterns]
    assert len(keys) == len(set(keys)), "a pattern is listed twice"
    assert all(p.get("id") for p in patterns), "every pattern has an id"


def test_trigger_labels_are_event_types():
    labels = {p["label"] for p in read_patterns("triggers")}
    assert labels - set(EVENT_TYPES) == {"ATTACK"}


def test_taxonomy_has_the_23_types():
    assert len(EVENT_TYPES) == 23
    assert EVENT_TYPES["missile_strike"]["acled_sub_event_type"] == "Shelling/artillery/missile attack"
    assert EVENT_TYPES["protest"]["plover_event_type"] == "PROTEST"


ENTITIES = [
    ("Kiev battles to hold on to its eastern territories.", "Kiev", "GPE"),
    ("Ukraine fired long-range Atacms missiles.", "Atacms", "WEAPON"),
    ("Hundreds of Iskander and Kinzhal missiles were stockpiled.", "Kinzhal", "WEAPON"),
    ("Zelensky was clear in a recent interview.", "Zelensky", "PERSON"),
    ("Moscow targeted the Dnipro region.", "Dnipro region", "LOC"),
]


@pytest.mark.parametrize("sentence,text,label", ENTITIES, ids=[e[1] for e in ENTITIES])
def test_entity_ruler_fixes(blank_nlp, sentence, text, label):
    doc = blank_nlp(sentence)
    assert (text, label) in [(e.text, e.label_) for e in doc.ents]


TYPES = [
    ("Moscow launched an intercontinental ballistic missile at the Dnipro region.", "missile_strike"),
    ("Russian drones attacked the city overnight.", "air_or_drone_strike"),
    ("The army shelled the village for hours.", "shelling_artillery"),
    ("A car bomb exploded near the market.", "explosion_or_bombing"),
    ("Biden announced nearly $300 million in new military aid for Ukraine.", "military_aid"),
    ("The European Union imposed sanctions on six companies.", "sanctions"),
    ("Israel and Hamas agreed to a ceasefire.", "agreement_or_ceasefire"),
    ("Rebels captured the town of Lashio.", "territorial_change"),
    ("Thousands of protesters rallied outside parliament.", "protest"),
    ("Police detained 107 people.", "arrest_or_detention"),
    ("On Tuesday, Ukraine marked 1,000 days since the start of the Russian invasion.", "milestone_or_anniversary"),
    ("The soldiers were sworn in as the new junta took power.", "election_or_transition"),
    ("Gunmen took 12 hostages at the hotel.", "arrest_or_detention"),
    ("Sudan broke off diplomatic relations with the UAE.", "diplomacy_talks"),
    ("The lower house passed the bill.", "policy_or_law_change"),
    ("The standoff erupted into open warfare.", "armed_clash"),
    ("Both militias paused offensive operations.", "agreement_or_ceasefire"),
    ("Hezbollah launched a retaliatory operation.", "armed_clash"),
    ("Thousands joined a march through the capital.", "protest"),
]


@pytest.mark.parametrize("sentence,event_type", TYPES, ids=[t[1] for t in TYPES])
def test_trigger_types_on_blank_pipeline(blank_nlp, sentence, event_type):
    types = [c.event_type for c in candidates(blank_nlp(sentence))]
    assert event_type in types


NO_EVENTS = [
    "The weather was mild and the markets were calm.",
    "The report was published in March.",
    "Analysts say the economy grew by two percent.",
    "",
]


@pytest.mark.parametrize("sentence", NO_EVENTS)
def test_sentences_without_events(blank_nlp, sentence):
    assert candidates(blank_nlp(sentence)) == []


TOLL_RECORDS = [r for r in resources.load(tolls.PATTERN_FILE, lang="en") if "name" in r]


@pytest.mark.parametrize("record", TOLL_RECORDS, ids=[r["name"] for r in TOLL_RECORDS])
def test_toll_patterns_compile_and_match_their_examples(record):
    """Every toll regex compiles with its slots filled, finds its examples (a fragment reads them whole) and
    nothing in an empty text."""
    assert record["examples"], "every toll pattern has an example"
    if record.get("fragment"):
        whole = re.compile(rf"(?:{tolls.fragment(record['name'])})\Z")
        assert all(whole.match(example) for example in record["examples"]), "a fragment reads its examples"
    else:
        compiled = tolls.pattern(record["name"])
        for example in record["examples"]:
            assert compiled.search(example), f"{record['name']} does not read {example!r}"
        assert tolls.pattern(record["name"]).search("") is None
    assert all(any(word in example.lower() for word in record.get("needs") or [""])
               for example in record["examples"]), "every example holds one of the words the pattern needs"


# A note's figure, a split toll, texts without the words those patterns need, and odd case folds
# (a dotless i, a long s) that a case-insensitive regex reads as an ASCII letter.
NEEDS_TEXTS = ["Clashes left several dead. Fatalities coded as 10, split between 2 events.",
               "Two soldiers were killed in the attack.", "(FATAL\u0130T\u0130ES: 4)", "(fatalıties: 4)",
               "the toll was ſplit between 3 locations", "(fatalities: 5)", ""]


@pytest.mark.parametrize("name", ["coded", "split"])
@pytest.mark.parametrize("text", NEEDS_TEXTS)
def test_toll_search_skips_only_texts_the_pattern_cannot_match(name, text):
    """tolls.search finds what the pattern's own search finds: the words a record needs only skip texts."""
    found, expected = tolls.search(name, text), tolls.pattern(name).search(text)
    assert (found and found.span()) == (expected and expected.span())


# Hand-written sentences in news and ACLED style; a null toll expects None.
FATALITIES = cases.rows("fatalities", "sentence", "fatalities")


@pytest.mark.parametrize("sentence,expected", FATALITIES, ids=[f"toll-{i}" for i in range(len(FATALITIES))])
def test_fatalities(sentence, expected):
    assert fatalities_in(sentence) == expected


# The toll of an event told in a report's first sentence: the deaths its paragraph tells next, up to a
# sentence dated on its own; a figure the writer codes for the event wins.
EVENT_TOLLS = [
    ("On 3 June 2021, gunmen attacked Kalo village. Two civilians were killed and 3 injured.", 2),
    ("On 3 June 2021, gunmen attacked a checkpoint, killing a soldier. A second soldier died later from "
     "his injuries.", 2),
    ("On 3 June 2021, gunmen shot and killed a trader. The victim was returning home when they killed him.", 1),
    ("On 3 June 2021, rebels attacked an army post. On 5 June, four soldiers were killed in Toba.", None),
    ("Rebels shelled the town on Monday. The war has killed 10,000 people since 2014.", None),
    ("On 3 June 2021, militants attacked two villages. 6 people were killed. Fatalities split between 2 events.", 3),
    ("On 3 June 2021, the air force struck a rebel camp, killing several fighters. Unknown fatalities coded "
     "as 10.", 10),
    ("On 3 June 2021, clashes broke out in Toba. No fatalities were reported.", None),
    ("The spokesman said no passengers were killed in the rescue. Militants killed 21 hostages.", None),
    ("Rebels shelled the town. Officials said 3 people died. The army said it killed 40 rebels. "
     "Later 5 bodies were found.", 43),
]


@pytest.mark.parametrize("text,expected", EVENT_TOLLS, ids=[f"event-toll-{i}" for i in range(len(EVENT_TOLLS))])
def test_event_toll(blank_nlp, text, expected):
    from timeline.events.tolls import event_toll

    first = next(iter(blank_nlp(text).sents))
    assert event_toll(first) == expected


COUNTRIES = [
    (["Moscow"], ["RUS"]),
    (["Russian forces"], ["RUS"]),
    (["Biden", "Kyiv"], ["USA", "UKR"]),
    (["the Houthis"], ["YEM"]),
    (["Rapid Support Forces"], ["SDN"]),
    (["Jade McGlynn"], []),
    (["Kenyan police"], ["KEN"]),  # a demonym of the actor types ("Kenyan", "Afghan", "Nigerian")
    (["Afghan security forces", "Nigerian army"], ["AFG", "NGA"]),
    (["Italian authorities", "Bosnian court"], ["ITA", "BIH"]),
    (["police", "security forces"], []),
]


@pytest.mark.parametrize("names,codes", COUNTRIES)
def test_actor_countries(names, codes):
    assert countries_of(names) == codes


BOILERPLATE = [
    ("Read more: Sudan army retakes presidential palace in Khartoum\nThe army shelled the town.", ["shelled"]),
    ("Tags: Sudan | airstrikes | RSF\nDrones struck the port.", ["struck"]),
    ("Advertisement\nRebels captured the town.", ["captured"]),
    ("Your email address will not be published. Required fields are marked *\nGunmen attacked the village.",
     ["attacked"]),
    (" date 2024-09-24 This live blog is now closed.\nThe army shelled the town.", ["shelled"]),
    ("This live page has ended.\nDrones struck the port.", ["struck"]),
    # must not drop: a sentence of the report that starts like furniture
    ("The rebels captured the town before the live blog closed.", ["captured", "closed"]),
]


@pytest.mark.parametrize("text,triggers", BOILERPLATE,
                         ids=["teaser", "tags", "advert", "comment-form", "live-closed", "live-ended",
                              "report"])
def test_triggers_on_boilerplate_lines_are_dropped(blank_nlp, text, triggers):
    doc = blank_nlp(text)
    assert sorted({span.text for span in doc.spans["tl_triggers"]}) == triggers


# Scraped VOA pages (voanews.com, public domain) glue section headings between sentences.
SUBHEADS = [
    ("Its biggest attack killed 25 people. Airstrikes kill 50 militants Hours after ending the hotel siege, "
     "troops advanced.", ["Airstrikes kill 50 militants"]),
    ("The group made demands. BLA surges Since last August, BLA has claimed several attacks.",
     ["BLA surges"]),
    ("It was a model, Towson said. Government involvement In 2017, China released a program.",
     ["Government involvement"]),
    # must not fire: a name after the opener, a comma, a dangling word, a long clause
    ("Shares fell. Trump also attacked The Wall Street Journal newspaper on Friday.", []),
    ("The case was heard. The head of Doctors Without Borders said it was grim.", []),
    ("Talks stalled. Despite previous momentum, A Qiang thinks the plan will fail.", []),
    ("Talks stalled. In a letter last week to The Washington Post, he wrote again.", []),
    ("Talks stalled. Officials from the two governments met again in the capital on Monday after talks.", []),
]


@pytest.mark.parametrize("text,heads", SUBHEADS)
def test_glued_subheads_stand_alone_without_events(blank_nlp, text, heads):
    doc = blank_nlp(text)
    assert [text[start:end] for start, end in subhead_spans(text)] == heads
    sentences = [s.text.strip() for s in doc.sents]
    assert all(head in sentences for head in heads)
    assert not any(span.start_char < end and start < span.end_char
                   for start, end in subhead_spans(text) for span in doc.spans["tl_triggers"])


def test_line_breaks_end_sentences(blank_nlp):
    doc = blank_nlp("Russia's biggest airstrike\nThe week began with a barrage.")
    assert [s.text.strip() for s in doc.sents] == ["Russia's biggest airstrike", "The week began with a barrage."]
