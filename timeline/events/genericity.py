""":mod:`timeline.events.genericity`: whether a trigger tells a habit, a long state or a tally (layer 1).

Issue 13's class 5: "the militia has long fought government troops", "rebels regularly ambush
convoys", "since 2009, hundreds of people have been killed", "thousands remain displaced" are the
background of the news, not events. :func:`habitual_frame` and :func:`standing_state` read it from
the clause that frames the trigger (:func:`framing_verb`): its adverbs, durations, recurring times,
aspect and subjects. A concrete past event told as background ("the insurgency began in 2012") is
not generic and stays an event.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Token

from ..nlp import FINITE_TAGS, NOUN_POS, VERB_POS, token_strings
from .rules import ACTOR_LABELS, TIME_LABELS, rules, word_set


def habitual_frame(token: Token) -> bool:
    """Whether a trigger tells a habit or a long state rather than one happening: an event noun
    done habitually ("the group frequently conducts bombings"), a verb lasting for years ("has
    been targeted for years", "has long fought", "for several years"), a recurrence ("in the middle
    of each year"), a tally over years ("Since 2009, hundreds of people have been killed"), an undated
    perfect progressive ("has been fighting the army"), or an event noun a present-tense relative
    clause does ("Central Command, which oversees military operations"), the background of the news."""
    verb = framing_verb(token)
    if verb.pos_ not in VERB_POS:
        return False
    children = list(verb.children)
    habitual = word_set("habitual_adverbs")
    if verb is not token and any(c.dep_ == "advmod" and c.lower_ in habitual for c in children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ == "long" for c in children):
        return True
    if _recurring_time(verb):
        return True  # "bans fishing ... in the middle of each year": done every year, a custom
    if _tally_over_years(verb):
        return True  # "Since 2009, hundreds of people have been killed in suicide attacks": a tally of years
    if _perfect_over_uncounted_years(verb):
        return True  # "Central Mali has in the past few years been overrun by jihadists": years of background
    spans = [c for c in children if c.dep_ in ("prep", "npadvmod", "advmod")]
    durations = word_set("habitual_durations")
    vague = word_set("vague_quantities")
    if _reaches_any(verb, durations) and any(t.lower_ in durations and t.head.lower_ == "for" and not any(
            n.dep_ in ("nummod", "amod", "det") and n.lower_ not in vague for n in t.children)
            for c in spans for t in c.subtree):
        return True  # "for years", "for several years", not the length of a sentence or ban ("for six years")
    if any(_indefinite_past(c) for c in spans):
        return True  # "in past bilateral tensions, Ankara has threatened", "in the past": background
    auxes = [c.lower_ for c in children if c.dep_ == "aux"]
    progressive = verb.tag_ == "VBG" and "been" in auxes and any(a in ("has", "have") for a in auxes)
    dated = any(t.ent_type_ in TIME_LABELS for c in spans for t in c.subtree)
    if verb is not token and verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not dated:
        return True  # "Central Command, which oversees U.S. military operations": a standing role
    return progressive and not dated


def tally_of_events(noun: Token) -> bool:
    """Whether an event noun counts many happenings with no time of their own: a plural with a word of
    frequency or vague number ("has experienced several coups since August 2020", "has claimed
    responsibility for several deadly attacks", "have seen frequent clashes since the coup", "has mediated
    in several kidnappings"): a tally, the background of the news, not one happening. A day, month or
    year in its clause, other than the start of a "since" span, makes them news ("several airstrikes hit
    the town on Monday", "a series of raids in December")."""
    if noun.pos_ not in NOUN_POS or noun.tag_ != "NNS":
        return False
    tally = word_set("tally_quantifiers")
    if not any(c.dep_ in ("amod", "det", "nummod") and c.lower_ in tally for c in noun.children):
        return False
    verb = framing_verb(noun)
    scope = verb if verb.pos_ in VERB_POS else noun
    for word in scope.subtree:
        if word.ent_type_ in TIME_LABELS and not _since_start(word):
            return False
    return True


def compared_tally(noun: Token) -> bool:
    """Whether a plural event noun is a quantity set against another ("the city has suffered more attacks
    than any other", "carried out fewer raids this year than last year", "launched more attacks than ever"):
    a comparison of tallies, a statistic of the news' background, not one happening."""
    if noun.pos_ not in NOUN_POS or noun.tag_ != "NNS":
        return False
    words = word_set("comparative_quantities")
    more = [c for c in noun.children if c.dep_ == "amod" and c.lower_ in words]
    if not more:
        return False
    verb = framing_verb(noun)
    holders = [noun, *more] + ([verb] if verb is not noun else [])
    return any(c.dep_ == "prep" and c.lower_ == "than" for h in holders for c in h.children)


def _since_start(word: Token) -> bool:
    """Whether a time word lies in a "since" phrase (the start of a span a tally covers)."""
    while word.head.i != word.i:
        if word.dep_ in ("pobj", "pcomp") and word.head.lower_ == "since":
            return True
        if word.lower_ == "since" or word.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in word.children):
            return True
        word = word.head
    return False


def framing_verb(token: Token) -> Token:
    """The verb whose clause frames a trigger: the trigger itself when a verb, else the verb a noun
    trigger (or the first noun of its list, "fishing rights and territorial control") is the subject or
    object of, through a preposition ("have been disputing ... control of the South China Sea")."""
    noun = token
    while noun.pos_ in NOUN_POS and noun.dep_ == "conj" and noun.head.pos_ in NOUN_POS:
        noun = noun.head
    if noun.pos_ not in NOUN_POS or noun.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass"):
        return token
    verb = noun.head
    return verb.head if verb.dep_ == "prep" and noun.dep_ == "pobj" else verb


def _recurring_time(verb: Token) -> bool:
    """Whether the verb's own clause holds a time recurring by "each"/"every" ("in the middle of each
    year", "every summer"): a custom, not one happening. A nested finite clause keeps its own times."""
    recurring = word_set("recurrence_determiners")
    if not _reaches_any(verb, recurring):
        return False
    for word in verb.subtree:
        if word.dep_ == "det" and word.lower_ in recurring and word.head.ent_type_ in TIME_LABELS \
                and _in_own_clause(word, verb):
            return True
    return False


def _reaches_any(verb: Token, words: frozenset[str]) -> bool:
    """Whether one of ``words`` (lower case) lies between the edges of the verb's subtree: read from the
    Doc's lower-case column, a cheap test before a walk of the subtree looks for such a word."""
    return not words.isdisjoint(token_strings(verb.doc, LOWER)[verb.left_edge.i : verb.right_edge.i + 1])


def _tally_over_years(verb: Token) -> bool:
    """Whether a present perfect sums years of events done to or by an unspecified many ("Since 2009,
    hundreds of people have been killed", "over the years thousands have fled"): a tally, not a report.
    A day or month ("since Saturday, 50 people have been killed") or a named subject stays news."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ != "VBN" or not auxes & {"has", "have"}:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not all(_unspecified_many(s) for s in subjects):
        return False
    return any(_span_of_years(c) for c in verb.children if c.dep_ == "prep")


def _perfect_over_uncounted_years(verb: Token) -> bool:
    """Whether a present perfect spreads over years it does not count, whoever its subject ("the region
    has in the past few years been overrun by armed groups", "the militia has carried out attacks in
    recent years", "over the years the group has kidnapped students"): the background of the news, not
    one happening. A counted span ("in the past two years") and days or months ("in the past few days")
    stay news."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ != "VBN" or not auxes & {"has", "have"}:
        return False
    return any(_uncounted_years(c) for c in verb.children if c.dep_ == "prep")


def _uncounted_years(prep: Token) -> bool:
    """Whether a time phrase is "in"/"over" years or decades with no number ("in the past few years",
    "over the years", "in recent decades"; not "in the past two years")."""
    if prep.lower_ not in ("in", "over"):
        return False
    durations = word_set("habitual_durations")
    return any(g.dep_ == "pobj" and g.lower_ in durations
               and not any(c.dep_ == "nummod" or c.like_num for c in g.children) for g in prep.children)


def _unspecified_many(noun: Token) -> bool:
    """Whether a subject is a bare plural or a round count ("journalists", "hundreds of people")."""
    if any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return False
    return noun.tag_ == "NNS" and noun.ent_type_ not in ACTOR_LABELS


def _span_of_years(prep: Token) -> bool:
    """Whether a time phrase stretches over years: "since 2009" (a year alone), "over the years", "in
    the past two years", "in recent years"."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if prep.lower_ == "since":
        return any(g.like_num and len(g.text) == 4 and not list(g.children) for g in objects)
    return prep.lower_ in ("over", "in") and any(g.lower_ in word_set("habitual_durations") for g in objects)


def _in_own_clause(word: Token, verb: Token) -> bool:
    """Whether a word of the verb's subtree is reached from the verb without crossing a finite verb."""
    word = word.head
    while word.i != verb.i:
        if word.tag_ in FINITE_TAGS or word.head.i == word.i:
            return False
        word = word.head
    return True


def standing_state(participle: Token) -> bool:
    """Whether a past participle is the complement of a verb of remaining, alone or in a list
    ("thousands remain displaced", "civilians remain unprotected, bombed, besieged"): a state, not a
    happening."""
    remaining = rules()["remaining_verbs"]
    if any(c.dep_ in ("aux", "auxpass") and c.lemma_ in remaining for c in participle.children):
        return True  # the parser may hang "remain" on the participle as its auxiliary
    word = participle
    for _ in range(4):
        head = word.head
        if head.lemma_ in remaining and word.dep_ in ("acomp", "oprd", "xcomp", "conj") \
                and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in word.children):
            return True
        if head is word or word.dep_ not in ("conj", "amod") or head.tag_ not in ("VBN", "VBD", "JJ"):
            return False
        word = head
    return False


def _indefinite_past(prep: Token) -> bool:
    """Whether a prepositional phrase names no particular time of the past: "in the past", "in past
    bilateral tensions", "in previous years", not a counted stretch ("in the past three months")."""
    if prep.lower_ != "in":
        return False
    words = word_set("indefinite_past_words")
    for obj in (g for g in prep.children if g.dep_ == "pobj"):
        if any(c.dep_ == "nummod" or c.like_num for c in obj.subtree):
            continue
        if obj.lower_ in words and all(c.dep_ == "det" for c in obj.children):
            return True  # "in the past"
        if obj.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in words for c in obj.children) \
                and not any(c.dep_ == "det" for c in obj.children):
            return True  # "in past bilateral tensions", "in previous years"
    return False
