""":mod:`timeline.events.triggers`: which trigger spans report an event, and their rank (layer 1).

:func:`usable_trigger` drops spans that only describe, name, refer back to or detail
another event, or tell a habit or state (:mod:`.genericity`); :func:`trigger_score` ranks
the rest (clause predicate over noun modifier, then type priority).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..nlp import (
    FINITE_TAGS,
    NOUN_POS,
    TRIGGERS_KEY,
    VERB_POS,
    has_annotation,
    has_has_or_have,
    is_counted,
    sent_of,
    span_text,
)
from .dated_lists import list_item_date
from .genericity import compared_tally, framing_verb, habitual_frame, standing_state, tally_of_events
from .rules import (
    ACTOR_LABELS,
    ATTACK,
    NAME_LABELS,
    TIME_LABELS,
    priority_rank,
    rules,
    types_flagged,
    word_set,
)
from .speech import (
    advises_the_public,
    claims_own_deed,
    commentary,
    danger_sense,
    endangers,
    evaluates,
    hearsay,
    held_rebuttal,
    names_something,
    present,
    reports_a_figure,
    reports_past_happening,
    restates_a_view,
    says_something,
    since_then,
    standing_stance,
    subject_clause,
    tells_own_feeling,
    timed,
    unattributed,
    unnamed_few_hold,
)


def longest_triggers(spans: Iterable[Span]) -> list[Span]:
    """Drop a trigger that lies inside a longer one ("took" inside "took effect")."""
    spans = list(spans)
    bounds = [(o.start, o.end) for o in spans]  # ints: Span attributes are slow to read in a double loop
    return [s for s, (start, end) in zip(spans, bounds, strict=True) if not any(
        o_start <= start and end <= o_end and o_end - o_start > end - start for o_start, o_end in bounds)]


def usable_trigger(span: Span) -> bool:
    """Verb-list triggers must be verbs (or nouns) when the pipeline tags parts of speech;
    a definite noun ("the attack") refers back to an event already told."""
    token = span.root
    if not has_annotation(token.doc, "POS"):
        return True
    # each attribute read builds a string: read the few the checks share once
    tag, dep, pos, label, pattern_id = token.tag_, token.dep_, token.pos_, span.label_, span.id_
    if _is_heading(sent_of(span)):
        return False
    if _photo_caption(sent_of(span)):
        return False  # "Smoke rises after an Israeli missile strike in Gaza City on Tuesday, July 15, 2014."
    if _social_post(sent_of(span)):
        return False  # "#BREAKING #Somalia: Terrorist attack in Somalia's capital": an embedded post
    if _asked(sent_of(span)):
        return False  # "Does Trump see China as a threat?", "Mineral deal?": a question reports nothing
    if pos == "PROPN" and _inside_name(token):
        return False  # "the Baloch Liberation Army", "the Rapid Support Forces": a name, not an event
    if tag == "VBG" and dep == "relcl" and any(
            c.dep_ == "aux" and c.lower_ in ("was", "were") for c in token.children):
        return False  # "a hotel where elders and officials were meeting": the scene of another event
    if len(span) == 1 and tag == "VBG" and dep == "acl" and not timed(token):
        return False  # a participle describing a noun ("forces fighting in Ukraine") reports no event;
        # one with its own time tells one ("including 25 rockets striking Israel on Sunday")
    if label in types_flagged("statement") and tag == "VBG" and dep in ("advcl", "acl") \
            and pattern_id not in rules()["warning_of_ids"] and token.head.pos_ == "VERB" \
            and in_trigger(token.head):
        return False  # "signed a decree, ordering ...", "attacked embassies, accusing ...": the act's content
    if label == ATTACK and tag == "VBG" and dep == "advcl" \
            and _attack_trigger(token.head):
        return False  # "drones struck Port Sudan, hitting the port": the same attack, told in detail
    if pattern_id in rules()["crowd_violence_verb_ids"] and tag == "VBG" and _detail_of_attack(token):
        return False  # "shelled the island, killing two marines and setting on fire scores of houses"
    if len(span) == 1 and pos == "NOUN" and dep == "compound" and not in_trigger(token.head):
        return False  # "law enforcement", "attack helicopters", "protest leaders": a kind of thing
    if pos in NOUN_POS and _anaphoric(token) and not _anchored_noun(token) \
            and not (label in rules()["enacted_types"] and _enacted(token)):
        return False
    if pos in NOUN_POS and dep == "nsubj" and _set_against(token.head):
        return False  # "The G7 joint statement comes as the Kremlin said ...": told before
    if pos in NOUN_POS and dep == "nsubj" and definite(token) and _weighs(token.head):
        return False  # "Tuesday's attack marked a dramatic escalation", "the arrest sent a chilling message"
    if pos in NOUN_POS and _meaning_of_event(token):
        return False  # "his client's arrest served as a warning to others": what the arrest means
    if pos in NOUN_POS and dep == "pobj" and token.head.lower_ == "to" \
            and token.head.head.lower_ in rules()["exposure_adjectives"]:
        return False  # "people are subject to attacks, abductions, abuse": a danger, no happening
    if pos in NOUN_POS and dep == "pobj" and token.head.lower_ == "of" \
            and token.head.head.lemma_.lower() in rules()["kind_nouns"]:
        return False  # "victims of other forms of sexual assault": a kind of act, no happening
    if pos in NOUN_POS and dep == "pobj" and token.head.lower_ == "since" and not _year_in_phrase(token):
        return False  # "1,000 days since the invasion": the reference point of a count, not a report
    if pattern_id in rules()["counted_subject_ids"] and not _counted_subject(span.root):
        return False  # "the former leader has died at 89": one death, no toll
    if pattern_id in rules()["year_dated_ids"] and not _year_in_phrase(token):
        return False  # "ceded territory to the insurgency", "the assassination demonstrated ...": background
    if pos in NOUN_POS and dep == "pobj" and token.head.lower_ in rules()["concessive_preps"] \
            and not _anchored_noun(token):
        return False  # "testing the system, despite threats of Washington sanctions": known background
    if pos in NOUN_POS and dep == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "pobj" \
            and token.head.head.head.lower_ in rules()["concessive_preps"]:
        return False  # "despite threats of Washington sanctions": the sanctions are background too
    if pos in NOUN_POS and dep == "pobj" and token.head.lower_ == "as" and token.head.head.tag_ == "VBN" \
            and token.head.head.lemma_ in rules()["alias_verbs"]:
        return False  # "stalled peace talks, known as intra-Afghan negotiations": a name for the talks
    if pos in NOUN_POS and dep == "nsubj" and token.head.lemma_ in rules()["judged_state_verbs"] \
            and present(token.head) and not any(t.ent_type_ in TIME_LABELS for t in token.subtree):
        return False  # "Sanctions against Turkey enjoy bipartisan support": what is thought of a measure
    if label == ATTACK and pos == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in rules()["trade_goods_nouns"] for c in token.children):
        return False  # "its tariffs are targeting products from Republican states": trade, no attack
    if label == ATTACK and pos == "VERB" and any(
            c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
            for c in token.children):
        return False  # "Trump attacked the Journal for refusing to support his plans": criticism, no attack
    if pos == "VERB" and token.lemma_.lower() in word_set("physical_particle_verbs") \
            and any(c.dep_ == "prt" for c in token.children):
        return False  # "the body being lifted out by a bulldozer": a thing moved, no measure lifted
    if pos == "VERB" and token.lemma_ == "meet" and any(c.dep_ == "auxpass" for c in token.children):
        return False  # "the officers were met with gunfire", "was met by protests": a reception, no meeting
    if pos == "VERB" and token.lemma_ == "meet" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in rules()["met_standard_nouns"] for c in token.children):
        return False  # "to meet its defense requirements": a need is met, nobody meets
    if tag == "VBN" and token.lemma_.lower() in word_set("condition_participles") \
            and _present_passive(token) and not timed(token):
        return False  # "the Golbon and the Jairan are sanctioned by the U.S. Treasury": a status
    if tag == "VBN" and _present_progressive_passive(token) and not timed(token):
        return False  # "women and girls are being brutally targeted": what goes on, no happening told
    if tag == "VBG" and dep == "relcl" and present(token) and not timed(token):
        return False  # "Ukrainians who are fighting for their freedom": who they are, not a report
    if pos in NOUN_POS and token.lemma_.lower() in rules()["condition_nouns"] and any(
            c.dep_ == "amod" and c.lower_ in rules()["trend_modifiers"] for c in token.children):
        return False  # "fueling a spiraling humanitarian crisis": a condition that grows, not a happening
    if pos in NOUN_POS and dep == "dobj" and token.head.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in token.head.children) and not timed(token.head) \
            and not _anchored_noun(token):
        return False  # "We prioritize negotiations", "the group conducts bombings": a stance or habit
    if pos in NOUN_POS and dep == "dobj" and token.head.lemma_ in rules()["flight_verbs"] \
            and not timed(token.head) and not _anchored_noun(token):
        return False  # "refugees who fled fighting in Congo": the cause of a flight, told as background
    if pos in NOUN_POS and dep == "nsubj" and label in types_flagged("attack") \
            and token.head.lemma_ in word_set("ending_verbs") and not any(
            c.dep_ == "dobj" for c in token.head.children):
        return False  # "the clash ended on Tuesday morning", "the fighting had stopped": its end, no new one
    if _kind_of_events(token):
        return False  # "Such attacks have killed around 2,000 people and forced 1.4 million to flee": a kind
    if pos in NOUN_POS and tag == "NNS" and dep == "nsubj" and _rising(token.head):
        return False  # "Attacks by militants are on the rise", "kidnappings are increasing": a trend
    if _detail_of_trend(token):
        return False  # "have intensified attacks since the withdrawal, capturing new territory": a trend
    if pos in NOUN_POS and dep == "pobj" and token.head.lower_ == "in" \
            and token.head.head.lemma_ in word_set("continuation_verbs"):
        return False  # "the New York resident remains in detention": a state that goes on, no arrest
    if pos in NOUN_POS and _framework_in_force(token):
        return False  # "remain under terrorism sanctions", "violate U.S. law": a rule in force, not made
    if pos in NOUN_POS and compared_count(token) or pos == "VERB" and any(
            c.dep_ == "dobj" and compared_count(c) for c in token.children):
        return False  # "launched 504 attacks in 2024, compared with 116 in 2023": a statistic
    if pos in NOUN_POS and _part_of_another(token, span):
        return False
    if pos in NOUN_POS and _detail_of_a_thing(token):
        return False  # "fraud allegations in Pakistan's February elections": what the allegations are about
    if pos in NOUN_POS and _time_frame_of_another(token):
        return False  # "he warned at the start of Brexit negotiations", "during Brexit negotiations he ..."
    if pos in NOUN_POS and dep == "pobj" and token.head.lower_ in ("for", "to") \
            and token.head.head.lemma_.lower() in rules()["retaliation_nouns"] and not _dated_phrase(token):
        return False  # "retaliation for Ukrainian strikes": an undated cause, told elsewhere
    if span.text.lower() in rules()["agent_noun_triggers"] and (
            not dep.startswith("nsubj") or _head_is_trigger(token)) and not _dispersed_gathering(token):
        return False  # "protesters attacked embassies": the verb tells the event
    if label in types_flagged("statement") and pos == "VERB" and dep in ("relcl", "acl") \
            and not timed(token):
        return False  # "the UAE, which it accused of arming the RSF": an undated description, not the news
    if label in rules()["seizure_types"] and tag == "VBN" and dep == "acl" and _describes_captive(token):
        return False  # "the case of a journalist arrested over his interviews", "schoolgirls kidnapped ... were freed"
    if _medium_of_no_statement(token):
        return False  # "said in a statement that the plane went down": the saying is no statement
    if label in types_flagged("statement") and pos == "VERB" and _saying_not_news(token):
        return False  # "Analysts claim ...", "He rejects the charges": a view, a position held, no news
    if label in types_flagged("statement") and dep == "dobj" and _rebutted_claim(token):
        return False  # "reject claims that ...": the rejection, told by its verb, is the statement
    if label in types_flagged("statement") and pos == "NOUN" and danger_sense(token):
        return False  # "the system poses a threat", "growing threats": a danger, not a threat made
    if tag == "VBG" and dep == "pcomp" and _alternative_to(token):
        return False  # "said instead of calling for an Asian NATO, Japan will ...": not done
    if tag == "VBG" and dep == "pcomp" and token.head.lower_ == "from" \
            and token.head.head.lemma_ in rules()["prevention_verbs"]:
        return False  # "they are barred from visiting parks", "prevented from leaving": what may not be done
    if pattern_id in rules()["restatement_ids"] and restates_a_view(span):
        return False  # "The foreign ministers also reaffirmed their serious concerns over ...": said before
    if token.lemma_ in rules()["naming_verbs"] and pos == "VERB" and not says_something(token):
        return False  # "Congress called 'anti-Turkish' Monday's testing": no demand, no verdict
    if token.lemma_ in rules()["naming_verbs"] and pos == "VERB" and evaluates(token):
        return False  # "Macron called Chinese subsidies 'unbearable'": a verdict on a thing, a view
    if token.lemma_ in rules()["naming_verbs"] and names_something(token):
        return False  # "Stepanakert, which Azerbaijan calls Khankendi", "so-called": a name, not a statement
    if pattern_id in rules()["warning_of_ids"] and not any(
            in_trigger(g) for c in token.children if c.dep_ == "prep"
            for g in c.children if g.dep_ == "pobj"):
        return False  # "fears of new attacks" warns of an event; "fears of a slowdown" does not
    habitual = word_set("habitual_adverbs")
    if any(c.dep_ == "advmod" and c.lower_ in habitual for c in token.children):
        return False
    if habitual_frame(token):
        return False
    if tally_of_events(token):
        return False  # "several coups since August 2020", "frequent clashes": a tally, not one happening
    if compared_tally(token) or pos == "VERB" and any(
            c.dep_ == "dobj" and compared_tally(c) for c in token.children):
        return False  # "has suffered more attacks than any other city": a comparison of tallies
    if tag in ("VBN", "VBD") and standing_state(token):
        return False  # "thousands remain displaced", "civilians remain bombed, besieged": a state
    if len(span) == 1 and dep == "amod" and tag in ("JJ", "VBN", "VBG") and token.head.pos_ in NOUN_POS \
            and token.i < token.head.i:
        return False  # "behind closed doors", "the signed deal", "fleeing civilians": words describing a noun
    if pos in NOUN_POS and dep == "attr" and token.head.lemma_ == "be" and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return False  # "that's a big deal for the markets", "it was an attack on democracy": a judgement
    if _narrator(token) or news_outlet_acts(framing_verb(token)):
        return False  # "we struck on the idea", "VOA spoke with experts": the writer's own story, no news
    if pattern_id in rules()["noun_only_ids"] and pos not in NOUN_POS:
        return False  # "it talks about continuing to work": the verb 'talk', no talks held
    if pattern_id in rules()["verb_led_ids"] and (token.i != span.start or pos != "VERB"):
        return False  # "British-supplied missiles": the verb only modifies the noun
    if label in types_flagged("statement") and pos == "VERB" and _mutual_blame(token):
        return False  # "both countries have blamed each other for targeting cities": a standing feud
    if len(span) > 1:
        return True
    if pattern_id.endswith("-verbs"):
        return pos == "VERB" or (pos == "ADJ" and tag == "VBN")
    return pos not in ("ADP", "DET")


def _saying_not_news(verb: Token) -> bool:
    """Whether a verb of saying tells no newsworthy statement (the checks of :mod:`.speech`): a danger
    ("threatening the territorial integrity"), a stance held since ("Since then, protesters have
    demanded"), a statistic ("has claimed that 55 percent ... are illiterate"), a commentator's view
    ("Analysts claim"), a stance some unnamed few hold, a position held ("China claims about 90% of
    the sea", "have rejected those claims"), advice to the public ("urged people to seek medical
    attention if ..."), the content of another saying ("denied involvement, saying it condemns any
    violence"), a declaration that only relays a past happening ("the army declared that 40 fighters
    had been killed in the ambush": the killing is the news), a passive with no party making it ("was
    blamed on the FARC") or a claim of the claimant's own past deed ("claimed to have targeted a
    destroyer": the attack is the news) or hearsay ("media reports claimed ...")."""
    checks = (endangers, since_then, reports_a_figure, commentary, unnamed_few_hold, standing_stance,
              advises_the_public, held_rebuttal, _stance_inside_saying, reports_past_happening, unattributed,
              claims_own_deed, hearsay)
    return any(check(verb) for check in checks)


def _rebutted_claim(token: Token) -> bool:
    """Whether a claim noun is the object of a verb of rejecting ("reject claims that ...")."""
    claims = word_set("rebutted_claim_nouns")
    return token.head.lemma_ in word_set("rebuttal_verbs") and token.lemma_.lower() in claims


def _medium_of_no_statement(token: Token) -> bool:
    """Whether a noun is the medium ("in a statement", "in a post") or the subject ("the army's statement
    said") of a saying that makes no statement, or the source of a report ("according to a statement"):
    one that relays a past happening ("said in a statement that the plane went down"), gives a verdict
    ("In a post, Trump called Canada 'one of the highest tariffing nations'") or a feeling ("In a post
    on X, Alinejad said ... she was 'overwhelmed'")."""
    if token.lemma_ not in rules()["speech_media_nouns"]:
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return True  # "59 militants died, according to a statement issued by ...": a report's source
    verb = token.head if token.dep_ == "nsubj" else token.head.head  # "the statement said": its saying
    if token.dep_ not in ("pobj", "nsubj") or verb.pos_ != "VERB":
        return False
    return reports_past_happening(verb) or tells_own_feeling(verb) or (
        verb.lemma_ in rules()["naming_verbs"] and evaluates(verb))


def news_outlet_acts(verb: Token) -> bool:
    """Whether the subject of a verb, or of the clause a subjectless conjunct joins, is a news outlet
    (``news_outlet_names``: "VOA examined the facts and spoke with experts", "Reuters reported
    Wednesday that the measure already has enough votes"): the reporters' own work, no news event."""
    if verb.pos_ not in VERB_POS:
        return False
    outlets = word_set("news_outlet_names")
    return any(c.dep_ == "nsubj" and " ".join(t.lower_ for t in c.subtree) in outlets
               for c in subject_clause(verb, participles=False).children)


def _narrator(token: Token) -> bool:
    """Whether the trigger's clause has a first-person subject outside quotes and outside reported
    speech ("we struck on the idea", "I flew out from JFK"): the writer's own story."""
    verb = token.head if token.pos_ in NOUN_POS and token.dep_ in ("dobj", "pobj") else token
    if verb.dep_ == "prep":
        verb = verb.head
    if verb.pos_ not in VERB_POS or not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in verb.children):
        return False
    if any(q in span_text(sent_of(verb)) for q in ('"', "“", "”")):
        return False  # a quotation in the sentence: maybe the speaker's words, not the writer's
    return verb.dep_ not in ("ccomp", "xcomp") and not any(
        a.lemma_ in word_set("reporting_verbs") for a in verb.ancestors)


def _framework_in_force(noun: Token) -> bool:
    """Whether a noun of a binding framework (``framework_nouns``: law, sanctions, deal, treaty) only names
    one in force: the object of "under" ("remain under international terrorism sanctions", "accused of
    sedition under a Beijing-imposed national security law", "its commitments under the 2015 nuclear
    deal"), of a verb of breaching it ("alleging the moves violate U.S. law"), or the principle "the rule
    of law" ("maintain that the rule of law is intact"). Its making, told by a verb of its own ("passed a
    law", "imposed sanctions"), is the event."""
    if noun.lemma_.lower() not in rules()["framework_nouns"]:
        return False
    prep = noun.head
    principle = prep.lower_ == "of" and prep.head.lemma_ in rules()["principle_heads"]
    if noun.dep_ == "pobj" and (prep.lower_ == "under" or principle):
        return True
    return noun.dep_ == "dobj" and noun.head.lemma_ in rules()["breach_verbs"]


def _detail_of_trend(token: Token) -> bool:
    """Whether a trigger is (the object of) a participle detailing a present perfect that lasts since a
    point ("have intensified attacks since the withdrawal started, inflicting heavy casualties and
    capturing new territory"): part of a trend, not one happening."""
    verb = token.head if token.pos_ in NOUN_POS and token.dep_ == "dobj" else token
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "conj" and verb.head.tag_ == "VBG":
        verb = verb.head
    return verb.dep_ == "advcl" and _lasting_since(verb.head)


def _kind_of_events(token: Token) -> bool:
    """Whether a trigger is, or is told of, a plural event noun with "such" ("Such attacks, normally blamed
    on jihadi groups, have killed around 2,000 people and forced more than 1.4 million to flee"): a kind of
    happening and its sum, no one happening. A time of the clause's own ("such attacks killed five people
    on Monday") makes it news."""
    def such(noun: Token) -> bool:
        return noun.tag_ == "NNS" and any(c.lower_ == "such" and c.dep_ in ("amod", "predet", "det")
                                          for c in noun.children) and in_trigger(noun)
    if token.pos_ in NOUN_POS:
        verb = token.head if token.dep_ == "nsubj" else None
        return such(token) and (verb is None or not timed(verb))
    verb = token
    while verb.dep_ in ("xcomp", "conj") and not any(c.dep_.startswith("nsubj") for c in verb.children):
        verb = verb.head
    if timed(verb):
        return False
    return any(c.dep_ == "nsubj" and such(c) for c in verb.children)


def _rising(verb: Token) -> bool:
    """Whether a present-tense verb with no time of its own tells that its plural subject grows in number:
    a verb of rising ("attacks are increasing", "kidnappings surge") or "be" with "on the rise" ("attacks by
    militants are on the rise in the Sahel"): a trend of many happenings, not one."""
    if verb.pos_ not in VERB_POS and verb.pos_ != "AUX" or not present(verb) or timed(verb):
        return False
    if verb.lemma_ in word_set("rising_trend_verbs"):
        return True
    return verb.lemma_ == "be" and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in word_set("rising_trend_nouns") for g in c.children)
        for c in verb.children)


def _lasting_since(verb: Token) -> bool:
    """Whether a verb is a present perfect lasting since a point ("have intensified attacks since the
    withdrawal started"): a trend, whose participles detail it, not one happening."""
    if verb.pos_ not in VERB_POS or not has_has_or_have(verb):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "since" or c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "since" for m in c.children) for c in verb.children)


def _describes_captive(participle: Token) -> bool:
    """Whether an undated seizure participle only says who a noun is, because the sentence's news is
    another trigger: the main verb ("adjourned the case of a journalist arrested over his interviews")
    or the verb the noun is subject or object of ("270 schoolgirls kidnapped in Zamfara were freed")."""
    noun = participle.head
    if noun.pos_ not in NOUN_POS or timed(participle):
        return False
    root = sent_of(participle).root
    if root is not participle and in_trigger(root):
        return True
    return noun.dep_ in ("nsubj", "nsubjpass", "dobj") and in_trigger(noun.head)


def linked_windows_only(spans: Iterable[Span]) -> list[Span]:
    """Drop the window matches (``linked_ends_ids``) whose two ends are not one frame; they are no
    trigger at all, so the words inside them ("has killed" in "the war has killed 500 people since
    it began") stay triggers of their own and are not read as part of another trigger."""
    ids = word_set("linked_ends_ids")
    return [s for s in spans if s.id_ not in ids or _linked_war_frame(s)]


def _linked_war_frame(span: Span) -> bool:
    """Whether a war noun and the verb at the other end of the span are one frame: the war is what
    began, lasted or ended ("the war that began in 2022", "the conflict started", "the hotel siege
    ended early Wednesday"), or what was started
    ("starting the three-year conflict"); a trade or price war is no fighting, "since the war began"
    only counts from it, "the war started to weigh on" tells no start and "the hostilities began
    when India struck" is told by the strike. A court and its ruling verb ("Kenya's High Court ruled
    in early 2017") are linked the same way."""
    first, last = span[0], span[-1]
    noun, verb = (first, last) if first.pos_ in NOUN_POS else (last, first)
    if verb.pos_ not in VERB_POS or noun.pos_ not in NOUN_POS:
        return False
    if any(c.dep_ == "xcomp" or c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return False
    if any(t.lower_ == "when" and t.head is not verb and in_trigger(t.head) for t in verb.subtree):
        return False
    if any(c.dep_ in ("compound", "amod") and c.lower_ in rules()["nonarmed_war_modifiers"]
           for c in noun.children):
        return False
    if noun.head == verb:
        return noun.dep_ in ("nsubj", "dobj", "nsubjpass")
    return verb.dep_ == "relcl" and verb.head == noun


def _stance_inside_saying(verb: Token) -> bool:
    """Whether a statement verb in the simple present is what a participle of saying reports, the
    participle detailing another trigger ("denied involvement, saying it condemns any violence"):
    the stance is that statement's content, not a statement of its own."""
    saying = verb.head
    if verb.dep_ != "ccomp" or verb.tag_ not in ("VBZ", "VBP") or saying.tag_ != "VBG":
        return False
    return saying.lemma_ in word_set("narrating_verbs") and saying.dep_ in ("advcl", "conj") \
        and in_trigger(saying.head)


def _alternative_to(gerund: Token) -> bool:
    """Whether a gerund is what is not done: the object of "without", "instead of" or "rather than"
    ("instead of calling for an Asian NATO", "without firing a shot")."""
    prep = gerund.head
    alternatives = word_set("alternative_preps")
    if prep.lower_ in alternatives:
        return True
    return any(c.dep_ in ("advmod", "amod") and c.lower_ in alternatives for c in prep.children) \
        or prep.lower_ in ("of", "than") and prep.head.lower_ in alternatives


def _set_against(verb: Token) -> bool:
    """Whether a verb only sets its subject against another happening ("comes as the Kremlin said",
    "came amid protests"): the subject is an event the story has already told."""
    if verb.lemma_ not in rules()["sequel_verbs"]:
        return False
    marks = word_set("sequel_marks")
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               or c.dep_ == "prep" and c.lower_ in marks for c in verb.children)


def _weighs(verb: Token) -> bool:
    """Whether a verb tells what its subject means ("marked a dramatic escalation", "sent a chilling
    message", "served as a warning to others"): the subject is an event the story has told, weighed."""
    if verb.lemma_ in word_set("significance_verbs"):
        return True
    nouns = word_set("significance_nouns")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in nouns for o in objects)


def _meaning_of_event(noun: Token) -> bool:
    """Whether a significance noun says what an event subject means ("the arrest served as a warning",
    "the attack sent a message"): no warning or message was given."""
    if noun.lemma_.lower() not in word_set("significance_nouns"):
        return False
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head
    if noun.dep_ not in ("dobj", "attr", "pobj") or verb.pos_ not in VERB_POS:
        return False
    return any(c.dep_ == "nsubj" and c.pos_ in NOUN_POS and in_trigger(c) for c in verb.children)


def definite(noun: Token) -> bool:
    """Whether a noun is definite: a possessor ("Tuesday's attack", "his arrest") or a definite article."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that")
               for c in noun.children)


def _detail_of_attack(participle: Token) -> bool:
    """Whether a participle (or the last of a row of them) follows an attack trigger as its adverbial
    ("shelled the island, killing two marines and setting on fire scores of houses"): the same attack's
    harm told in detail, no event of its own."""
    while participle.dep_ == "conj" and participle.head.tag_ == "VBG":
        participle = participle.head
    return participle.dep_ == "advcl" and _attack_trigger(participle.head)


def _attack_trigger(token: Token) -> bool:
    spans = token.doc.spans.get(TRIGGERS_KEY, [])
    return any(s.start <= token.i < s.end and s.label_ == ATTACK for s in spans)


def compared_count(token: Token) -> bool:
    """Whether a counted event noun is set against another count ("launched 504 attacks in 2024,
    compared with 116 in 2023", "carried out 12 attacks last year, up from five"): a statistic."""
    if not any(c.dep_ == "nummod" for c in token.children):
        return False
    words = word_set("count_comparison_words")
    return any(c.lower_ in words and any(g.dep_ == "pobj" and g.like_num for p in c.children
                                         if p.dep_ == "prep" for g in p.children)
               for c in token.head.children)


def _present_passive(participle: Token) -> bool:
    """Whether a past participle is a simple present passive ("are sanctioned", "many of whom are
    internally displaced"). Of a verb whose act leaves its object in a lasting condition
    (``condition_participles``) it is a status that holds now, not a happening (which the news tells in
    the past, "were sanctioned", or the perfect, "have been displaced"); of other verbs it may be the
    present of a running account ("One person is killed."). In a clause of condition or
    time the present tells what may come ("if Turkey is sanctioned"): its status decides."""
    children = list(participle.children)
    return any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "am") for c in children) \
        and not any(c.dep_ in ("aux", "mark", "neg") for c in children)


def _present_progressive_passive(participle: Token) -> bool:
    """Whether a past participle is a present progressive passive ("are being targeted", "is being
    starved"): an ongoing condition of those it is done to, told with no time of its own."""
    children = list(participle.children)
    return any(c.dep_ == "auxpass" and c.lower_ == "being" for c in children) \
        and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'re", "'s") for c in children)


def _part_of_another(token: Token, span: Span) -> bool:
    """Whether an event noun only details another trigger's event: a second conjunct
    ("gunfire and explosions"), the means of a trigger verb ("fought ... with air strikes") or
    the act a seizure was done in ("kidnapped last Friday during an overnight raid")."""
    head = token.head
    if token.dep_ == "conj" and head.pos_ in NOUN_POS and in_trigger(head) and head.i < span.start:
        return True
    if token.dep_ != "pobj" or head.head.pos_ != "VERB":
        return False
    if head.lower_ == "during":
        return any(s.label_ in rules()["seizure_types"] for s in triggers_at(head.head))
    return head.lower_ == "with" and in_trigger(head.head)


def _time_frame_of_another(noun: Token) -> bool:
    """Whether an event noun only sets the time of another clause's happening: the object of a
    time preposition ("during Brexit negotiations he emphasized"), or of a phase of it ("warned at the
    start of Brexit negotiations in 2016"), hung on a verb of saying or a copula, or the event a role held is
    placed in ("Gachagua was Ruto's running mate in the 2022 election"); the event is told elsewhere
    or is background. A noun with its own agent, possessor or date ("during a two-day visit by
    Modi", "during the visit on Feb. 27") is a happening of its own; "after" and "before" often date
    a told event ("three months after the fall of Assad's government", "after a 2013 agreement") and
    "ahead of" an event the story covers ("Wood spoke ahead of a meeting of the Security Council"),
    so they are left alone."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ == "in" and _copula_predicate(prep.head):
        return True  # "Gachagua was Ruto's running mate in the 2022 election": a role held, background
    if _own_agent_or_date(noun):
        return False  # "during a two-day visit by Modi", "the visit on Feb. 27": a happening of its own
    phase = prep.head
    if prep.lower_ == "of" and phase.lemma_.lower() in word_set("phase_nouns") and phase.dep_ == "pobj":
        prep = phase.head
        return prep.lower_ in ("at", "in", "during") and _saying_or_state(prep.head)
    return prep.lower_ in word_set("background_time_preps") and _saying_or_state(prep.head)


def _saying_or_state(verb: Token) -> bool:
    """Whether a clause's verb is a copula or an active verb of saying (a reporting verb or a
    statement trigger): what an event noun then dates is a statement or a state, not a happening
    the noun would type ("killed 6 civilians during a raid", "fatalities were reported during
    the clashes")."""
    if verb.pos_ not in VERB_POS or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    if verb.lemma_ == "be" or verb.lemma_ in word_set("reporting_verbs"):
        return True
    return any(s.label_ in types_flagged("statement") for s in triggers_at(verb))


def _detail_of_a_thing(noun: Token) -> bool:
    """Whether an event noun only says what another, non-event noun is about: the object of "in",
    "over" or "about" hung on a noun of opinion or talk that is no trigger ("fraud allegations in
    Pakistan's February elections"); "the death toll in Saturday's attack" keeps the attack, and
    "concerns after the presidential election" dates the concerns by a told event."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "over", "about"):
        return False
    owner = noun.head.head
    if owner.pos_ not in NOUN_POS or in_trigger(owner):
        return False
    return owner.lemma_.lower() in word_set("view_nouns")


def _copula_predicate(word: Token) -> bool:
    """Whether a word is a copula with a predicate ("was ... mate") or that predicate itself."""
    if word.dep_ in ("attr", "acomp"):
        word = word.head
    return word.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in word.children)


def _own_agent_or_date(noun: Token) -> bool:
    """Whether an event noun names who did it or when: a possessor ("Japan's own election"), a "by"
    agent ("a visit by Modi"), a time modifier ("a 2013 agreement") or a time phrase ("the visit on
    Feb. 27"). A name used as a modifier ("Brexit negotiations") is neither."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON" or child.dep_ == "prep" and child.lower_ == "by":
            return True
        if child.dep_ in ("compound", "amod", "nmod", "nummod") and child.ent_type_ in TIME_LABELS:
            return True
        if child.dep_ == "prep" and any(g.ent_type_ in TIME_LABELS for g in child.children):
            return True
    return False


def triggers_at(token: Token) -> list[Span]:
    """The trigger spans of the Doc that hold the token (none on a Doc without trigger spans)."""
    return [s for s in token.doc.spans.get(TRIGGERS_KEY, []) if s.start <= token.i < s.end]


def _dated_phrase(token: Token) -> bool:
    """Whether a time expression follows the noun before the next finite verb ("an air strike on
    its consulate on April 1", however the parser attached the date)."""
    for word in token.doc[token.i + 1 : sent_of(token).end]:
        if word.ent_type_ in TIME_LABELS:
            return True
        if word.tag_ in FINITE_TAGS:
            return False
    return False


def _dispersed_gathering(noun: Token) -> bool:
    """Whether a crowd noun names the people of a gathering that forces dispersed ("troops dispersed
    demonstrators", "the protesters were dispersed with tear gas"): the gathering took place, and the
    dispersal verb (no trigger of its own) leaves it to the noun to tell."""
    verb = noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" \
        and verb.lemma_.lower() in word_set("dispersal_verbs")


def _head_is_trigger(token: Token) -> bool:
    """Whether the token's head verb is itself an event trigger."""
    head = token.head
    return head.pos_ == "VERB" and any(
        s.start <= head.i < s.end for s in token.doc.spans.get(TRIGGERS_KEY, []))


def _inside_name(token: Token) -> bool:
    """Whether a proper-noun word is a modifier inside a named entity whose head is another word
    ("Liberation" in "Baloch Liberation Army"): a word of the name, not a report."""
    if token.ent_iob_ == "O" or token.ent_type_ not in NAME_LABELS:
        return False
    head = token.head
    if head is token or head.ent_type_ != token.ent_type_:
        return False
    first, last = sorted((token.i, head.i))
    return all(t.ent_iob_ == "I" for t in token.doc[first + 1 : last + 1])


_YEAR = re.compile(r"\b(19|20)\d\d\b")


def _photo_caption(sent: Span) -> bool:
    """Whether a sentence is a photo caption: its main verb in the simple present, with a subject, and a
    date of its own that names the year ("Smoke rises after an Israeli missile strike in Gaza City on
    Tuesday, July 15, 2014", "Civil defence members search for survivors after an airstrike ... April
    27, 2016"): page furniture showing the news, no report of its own. A quote, a chronology's item
    ("1994: The rebels sign a truce"), a saying ("Russia says it struck the base on Monday, March 3,
    2025"), a main verb that is itself an event word ("Ruto blames Ethiopia ... for the clashes": a
    caption shows a scene, smoke rising or people searching) or a present with an auxiliary is no caption."""
    root = sent.root
    if root.tag_ not in ("VBZ", "VBP") or root.pos_ != "VERB" \
            or not any(c.dep_ == "nsubj" for c in root.children):
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg", "ccomp") for c in root.children) \
            or root.lemma_ in word_set("reporting_verbs") or in_trigger(root):
        return False  # "Russia says it struck the base on Monday, March 3, 2025", "Ruto blames ...": a report
    text = span_text(sent)
    if any(q in text for q in ('"', "“", "”")):
        return False
    dated = [e for e in sent.ents if e.label_ == "DATE" and _YEAR.search(e.text) and e.start > root.i
             and _in_main_clause(e.root, root)]
    return bool(dated) and text.rstrip().endswith(tuple("0123456789.")) and list_item_date(sent) is None


def _in_main_clause(word: Token, root: Token) -> bool:
    """Whether a word hangs from the root through phrases only, no clause of its own ("the family of a
    journalist who was killed in 2017": the year is the relative clause's)."""
    while word.i != root.i and word.head.i != word.i:
        if word.dep_ in ("relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "pcomp"):
            return False
        word = word.head
    return word.i == root.i


def _social_post(sent: Span) -> bool:
    """Whether a sentence is an embedded social media post, told in hashtags ("#BREAKING #Somalia:
    Terrorist attack in Somalia's capital, #Mogadishu"): page furniture quoting the news, no report of
    its own. Two hashtags or more (a '#' joined to the word after it) make one."""
    doc = sent.doc
    tags = sum(1 for t in sent
               if t.text == "#" and not t.whitespace_ and t.i + 1 < sent.end and doc[t.i + 1].is_alpha)
    return tags >= 2


def _asked(sent: Span) -> bool:
    """Whether a sentence is the writer's question: it ends with a question mark and opens no quote
    (a quoted question, "“Why did they strike?” he asked", is a speaker's); an apostrophe
    ("Does Trump's deal end the war?") opens none."""
    text = span_text(sent).strip()
    return text.endswith("?") and not any(q in text for q in ('"', "“", "”", "‘"))


def _is_heading(sent: Span) -> bool:
    """A short line without a finite verb or final stop is a heading ("Ceasefire"), not a report."""
    if span_text(sent).rstrip().endswith((".", "!", "?", '"', "”")):
        return False
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) > rules()["heading_max_words"]:
        return False
    return not any(t.pos_ in VERB_POS and t.tag_ not in ("VBG", "VBN") for t in words)


def _anchored_noun(token: Token) -> bool:
    """Whether an event noun carries its own time or agent ("Azerbaijan's offensive of 19-20 September")."""
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return True
        if child.dep_ in ("compound", "amod", "nmod", "nummod") and child.ent_type_ in ACTOR_LABELS + TIME_LABELS:
            return True
        if child.dep_ == "npadvmod" and child.ent_type_ in TIME_LABELS:
            return True  # "after a meeting earlier this month", "protests last week": its own time
        if child.dep_ == "prep" and any(g.ent_type_ in TIME_LABELS + ACTOR_LABELS for g in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "of" and any(
                t.ent_type_ in ("NORP", "ORG", "PERSON") for t in child.subtree):
            return True  # "the arrival of thousands of North Korean fighters": a new agent
        if child.dep_ == "relcl" and _calendar_dated(child):
            return True  # "the war that began in 2011": a background event told with its own year
        if child.dep_ == "relcl" and _tells_a_toll(child):
            return True  # "clashes which left one man dead", "an attack that killed 12": its own toll
    if _toll_moved(token):
        return True  # "the death toll has climbed to 220": a new count, told now
    return token.dep_ in ("dobj", "nsubjpass") and _calendar_dated(token.head)


def _set_off(noun: Token) -> bool:
    """Whether an event noun with no article pointing back is what an act set off: the object of a causing
    verb ("sparking a surge of online protests", "led to massive protests", "triggering an ongoing siege",
    "prompting a wave of arrests").

    Class: a sentence tells an act and, as its outcome, a second happening named by a noun; the noun is
    told as having happened, an event of its own and not a modifier of the first.
    """
    if definite(noun) or _anaphoric(noun):
        return False
    token = noun
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in NOUN_POS \
            and not definite(token.head.head):
        # "a surge of protests", "a new wave of refugees": the inner noun is the outcome
        token = token.head.head
    verb = token.head
    if token.dep_ == "dobj" and verb.pos_ == "VERB":
        if verb.lemma_.lower() in word_set("causing_verbs"):
            return True
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        return any(f"{verb.lemma_.lower()} {p}" in word_set("causing_phrasal_verbs") for p in particles)
    if token.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.pos_ == "VERB":
        return f"{verb.head.lemma_.lower()} {verb.lower_}" in word_set("causing_phrasal_verbs")
    return False


def _led_up_to(noun: Token) -> bool:
    """Whether an event noun with no article pointing back is what came before the clause's act ("ousted
    after mass protests", "85 protesters died following a protest outside the police station", "after a
    meeting with representatives"): an earlier happening of its own, told as such, not the act itself."""
    return noun.dep_ == "pobj" and noun.head.lower_ in word_set("antecedent_preps") \
        and noun.head.head.pos_ in VERB_POS and not definite(noun) and not _anaphoric(noun)


def _tells_a_toll(verb: Token) -> bool:
    """Whether a relative clause gives its noun a toll of its own: a verb of taking victims or of leaving
    people dead with a counted object ("clashes which left one man dead", "an attack that killed 12
    people"): the noun is an event of its own, told with its dead, not a passing mention."""
    if verb.lemma_ not in word_set("victim_taking_verbs") | word_set("toll_leaving_verbs"):
        return False
    return any(c.dep_ == "dobj" and is_counted(c) for c in verb.children)


def _toll_moved(noun: Token) -> bool:
    """Whether a toll noun is moved to a figure by its verb: the subject of a verb of rising ("the death
    toll has climbed to 220", "the toll reached 33") or the object of a verb of raising ("raised the death
    toll ... to 558", "put the death toll at 17") with a count as its object or after "to"/"at": a new
    count told now, not a back-reference (a bare figure after "to" further on counts too: the parse may hang
    it on a word between). A habit ("the toll sometimes topped 3,000") moves nothing."""
    if noun.lemma_.lower() not in word_set("toll_nouns"):
        return False
    verbs = word_set("toll_rising_verbs") if noun.dep_ == "nsubj" else word_set("toll_raising_verbs")
    verb = noun.head
    if noun.dep_ not in ("nsubj", "dobj") or verb.lemma_.lower() not in verbs or any(
            c.dep_ == "advmod" and c.lower_ in word_set("habitual_adverbs") for c in verb.children):
        return False
    if any(c.dep_ == "dobj" and c.i != noun.i and is_counted(c) for c in verb.children):
        return True  # "the toll reached 33"
    return any(p.dep_ == "prep" and p.lower_ in ("to", "at") and (p.head.i == verb.i or p.i > noun.i) and any(
        g.dep_ == "pobj" and (g.like_num if p.head.i != verb.i else is_counted(g)) for g in p.children)
        for p in verb.subtree)  # a bare figure hung lower: "raised the toll from two days of strikes to 558"


_CALENDAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _counted_subject(verb: Token) -> bool:
    """Whether a verb's subject is a count of people ("Hundreds have died", "Two college students and a
    13-year-old have also died"): a number, a plural or a counted noun, the toll of a running conflict."""
    return any(c.dep_ == "nsubj" and (is_counted(c) or c.tag_ in ("NNS", "NNPS")) for c in verb.children)


def _year_in_phrase(noun: Token) -> bool:
    """Whether an event noun's own phrase gives it a year ("the 2021 assassination of the president",
    "Rwanda's 1994 genocide", "the rebellion from 2004 to 2009", "the ouster of the dictator in 1986",
    "an insurgency that has spread since 2017"): a past event the story recalls with its date, an event
    of its own even where it only sets a reference point ("vacant since the 2021 assassination of ...")."""
    return any(t.ent_type_ == "DATE" and _CALENDAR.search(t.text) for t in noun.subtree)


def _calendar_dated(verb: Token) -> bool:
    """Whether a verb carries a date with a year ("led the takeover in October 2021"): a
    background event told with its own date, not a back-reference to today's news."""
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and obj.ent_type_ == "DATE" and _CALENDAR.search(
                    " ".join(t.text for t in obj.subtree)):
                return True
    return False


def _enacted(noun: Token) -> bool:
    """Whether a measure noun is what a verb of ``enacting_verbs`` makes now ("they announced the
    suspension of the constitution, a curfew and the closure of the borders", "decreed the closure of
    the airspace"): the object (or an item listed with it) of that verb is the act itself, no
    back-reference."""
    while noun.dep_ in ("conj", "appos") and noun.head.pos_ in NOUN_POS:
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in word_set("enacting_verbs")


def _anaphoric(token: Token) -> bool:
    """Whether an event noun points back: a definite determiner ("the attack") or a possessive
    pronoun ("his heightened tariff threats")."""
    determiners = word_set("anaphoric_determiners")
    for child in token.children:
        if child.dep_ == "det" and child.lower_ in determiners:
            return True
        if child.dep_ == "poss" and child.tag_ == "PRP$":
            return True
    return False


def in_trigger(token: Token) -> bool:
    """Whether the token lies inside any trigger span of its Doc."""
    return bool(triggers_at(token))


def trigger_score(span: Span, event_type: str) -> float:
    """Prefer the clause's predicate over nouns in modifiers; type priority breaks ties."""
    rank = priority_rank()
    root = span.root
    if span.label_ in types_flagged("statement") and root.pos_ == "NOUN" and root.dep_ == "pobj" \
            and root.head.head.lemma_ in rules()["reporting_verbs"]:
        root = root.head.head  # "said in a televised address": the address is the saying
    elif root.pos_ in NOUN_POS and _cause_of_killing(root):
        root = root.head.head  # "Koufa had been killed in a raid": the raid is the killing's event, its rank
    role = "ROOT" if root.dep_ == "ROOT" and root.pos_ in VERB_POS else root.dep_
    roles: dict[str, float] = rules()["role_scores"]
    score = roles.get(role, rules()["default_role_score"]) if has_annotation(span.doc, "DEP") else 0.6
    score -= 0.1 * rank[event_type] / len(rank)
    if span.text.lower() in rules()["weak_triggers"] and not _dated_object(root):
        score -= 0.2
    if len(span) > 1:
        score += 0.05
    if root.pos_ in NOUN_POS and (_anchored_noun(root) or _set_off(root) or _led_up_to(root)):
        score += rules()["anchored_noun_bonus"]
    if span.id_ in rules()["warning_of_ids"]:
        score += rules()["warning_of_bonus"]  # the warning carries the event it warns of, often a modifier

    return round(min(max(score, 0.05), 0.95), 3)


def _cause_of_killing(noun: Token) -> bool:
    """Whether an event noun is what a killing verb's victims died in ("militants killed three men in an
    ambush", "Koufa had been killed in a raid by French forces", "were killed during clashes"): the
    killing (:func:`.attack_types.killing_type`) leaves its event to the noun, which tells it at the
    killing clause's rank."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in word_set("killing_cause_preps") \
        and prep.head.pos_ == "VERB" and prep.head.lemma_ in word_set("victim_taking_verbs")


def _dated_object(verb: Token) -> bool:
    """Whether a verb's object is a stretch of time ("to mark one year"): the ambiguous verb is then
    used in its event sense."""
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" and c.ent_type_ == "DATE" for c in verb.children)


def _mutual_blame(verb: Token) -> bool:
    """Whether a verb of saying in the present or present perfect has a reciprocal object ("each other",
    "one another", "each side has accused the other") and no time of its own ("Each side has accused
    the other of targeting civilian areas", "both countries have blamed each other for the shelling"):
    two sides' standing feud, the background of the fighting, no one statement. "The two sides accused
    each other on Monday of breaking the truce" keeps its event."""
    standing = present(verb) or has_has_or_have(verb)
    return standing and not timed(verb) and any(c.dep_ == "dobj" and _reciprocal(c) for c in verb.children)


def _reciprocal(noun: Token) -> bool:
    """Whether an object is "each other", "one another" or "the other" after a subject of "each side"."""
    dets = {c.lower_ for c in noun.children if c.dep_ == "det"}
    if noun.lower_ == "other" and "each" in dets or noun.lower_ == "one" and "another" in dets:
        return True
    return noun.lower_ == "other" and "the" in dets and any(
        s.dep_ == "nsubj" and any(d.lower_ == "each" for d in s.children) for s in noun.head.children)
