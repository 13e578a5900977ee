""":mod:`timeline.events.happenings`: past happenings that no trigger word names.

Real reporting tells many events with everyday verbs ("The Jairan departed China on Monday",
"Geza was expelled from the party on Friday", "She left Iran in 2009"). A sentence with no
other event whose main verb is a finite past happening with a subject and a time of its own in
the parse is one of them; its type is ``other`` (``rule_types``: ``dated_happening``) and the
confidence model decides whether it is reported. What is a state, a habit or a statistic is not
a happening: a stative verb, a perfect lasting "since" a time, a habitual frame ("for years"),
a figure moving "from 88 in 2023 to 388 in 2024". A plain saying that only relays such a
happening ("Canada also requested ... consultations, the trade body said Thursday") gives the
relayed clause as the event (:func:`reported_happenings`). A sentence that already holds an event may
tell a second one in a clause of its own with its own date ("..., which was founded in 1995", "removed
Bashir in April and jailed him"): that clause is a happening too (:func:`clause_happenings`). A chronology's
items ("1994" / "The rebel leader dies.") are happenings dated by their headers, told in the past or the
historical present (:func:`chronology_happenings`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..nlp import clause_ids, doc_sents, has_infinitive_to, has_modal, span_text
from .dated_lists import list_item_date
from .genericity import compared_tally, habitual_frame
from .rules import TIME_LABELS, word_set
from .speech import evaluates, finite_past, reported_clauses, reports_a_figure, reports_past_happening
from .triggers import compared_count, in_trigger, news_outlet_acts

#: Entity labels of figures: a change "from" one "to" another is a statistic.
FIGURE_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE")
#: Entity labels of an object that is itself a figure (a date is a time; a quantity may be a
#: weapon's caliber, "fired 14.5mm machine guns").
OBJECT_FIGURE_LABELS = ("MONEY", "PERCENT")
PERFECT_AUXES = frozenset({"has", "have", "had"})


def dated_happenings(doc: Doc, taken: set[int], sentences: list[Span] | None = None) -> list[Span]:
    """The main verbs of sentences without another event that tell a dated past happening.

    Args:
        doc: a parsed Doc.
        taken: the start offsets of sentences that already hold an event.
        sentences: the Doc's sentences, when the caller has them.

    Example:
        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp("blank")("The ship departed China on Monday.")
        >>> dated_happenings(doc, set())  # a blank pipeline has no parse
        []
    """
    found: list[Span] = []
    for sent in _open_sentences(doc, taken, sentences):
        if sent.root.dep_ == "ROOT" and past_happening(sent.root):
            found.append(doc[sent.root.i : sent.root.i + 1])
    return found


def clause_happenings(doc: Doc, held: dict[int, list[Token]],
                      sentences: list[Span] | None = None) -> list[Span]:
    """Dated past happenings told in another clause of a sentence that already holds an event.

    Class: a sentence reports two events, the second in a clause of its own with its own time and a verb
    no trigger names ("The Jairan remained at Liuheng Island until March 3, when it headed south ...",
    "called for protests against the outcome, which returned Magufuli to office on Oct. 28", "Although
    Bali banned the trade in 2017, authorities in April and May 2019 found many stalls serving dog meat").
    The clause's verb is a past happening (:func:`past_happening`: finite past, a subject, a time phrase
    of its own, no state, habit or statistic), and it tells none of the events already held: no held
    trigger stands in its clause ("the attack took place on Monday"), it is no relative clause of a held
    event noun ("the raid, which happened on Monday"), and it does not carry a held trigger as its
    complement ("tried to kill").

    Args:
        doc: a parsed Doc.
        held: per sentence start (past leading blanks), the root tokens of the triggers it holds.
        sentences: the Doc's sentences, when the caller has them.
    """
    found: list[Span] = []
    for sent in doc_sents(doc) if sentences is None else sentences:
        text = span_text(sent)
        roots = held.get(sent.start_char + len(text) - len(text.lstrip()))
        if not roots:
            continue
        indexes = {r.i for r in roots}
        for verb in sent:
            if verb.pos_ != "VERB" or verb.i in indexes or verb.dep_ not in word_set("happening_clause_deps"):
                continue
            if past_happening(verb) and _dated_once(verb) and not _tells_held(verb, roots):
                found.append(doc[verb.i : verb.i + 1])
    return found


def _tells_held(verb: Token, roots: list[Token]) -> bool:
    """Whether a clause's verb tells an event whose trigger is one of ``roots``.

    It does when a held trigger stands in its clause ("the attack took place on Monday"), when it is a
    relative clause of a held event noun or of a noun in its phrase ("Azerbaijan's offensive of 19-20
    September, which lasted about 24 hours"), and when a held trigger below it only details its act:
    through its objects, phrases or complements ("flew low Monday in an exercise to test the radar",
    "announced last week that it would cease military aid"), a clause of the same moment ("the hostilities
    began shortly after 1 a.m., when India struck") or a saying that gives its content ("responded to the
    reports in a Jan. 23 briefing, asserting that ..."). A trigger reached through a coordinated clause or
    another adverbial clause is another act ("removed Bashir and jailed him", "stormed a hotel on Tuesday,
    ... triggering an ongoing siege").
    """
    clause = set(clause_ids(verb.doc[verb.i : verb.i + 1]))
    acts = word_set("separate_act_deps")
    held = {root.i for root in roots}
    if verb.dep_ in ("relcl", "acl") and any(t.i in held for t in _phrase_heads(verb.head)):
        return True
    for root in roots:
        if root.i in clause:
            return True
        path = [root]
        while path[-1].head.i != path[-1].i and path[-1].head.i != verb.i:
            path.append(path[-1].head)
        top = path[-1]  # the held trigger's phrase or clause that hangs on the verb
        if top.head.i == verb.i and top.i != verb.i and not (top.dep_ in acts and not _same_act(top, path)):
            return True
    return False


def _dated_once(verb: Token) -> bool:
    """Whether a clause's verb is told once at a time of its own: no present perfect (a standing result,
    "the restrictions, which have pushed all but 25 sellers out of business"), and a time phrase that places
    it on the calendar ("last February", "on Oct. 28"), not a length ("for months"), a bare offset from
    another event ("only hours after the ground stopped shaking") or a clock time alone ("from 10 p.m.")."""
    if any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
        return False
    units, anchors = word_set("length_units"), word_set("time_anchor_words")
    for phrase in _point_times(verb):
        times = [t for t in phrase.subtree if t.ent_type_ in TIME_LABELS]
        length = any(t.lemma_.lower() in units for t in times) and all(
            t.like_num or t.lemma_.lower() in units or t.pos_ in ("ADV", "DET") and t.lower_ not in anchors
            for t in times)
        if times and not length and any(t.ent_type_ == "DATE" for t in times):
            return True  # a day, month or year; a clock time alone only refines a day told elsewhere
    return False


def _same_act(clause: Token, path: list[Token]) -> bool:
    """Whether a clause hung on a verb tells the verb's own act: its purpose ("to test the radar"), its
    moment ("when India struck") or a participle whose reported clause (on ``path``, down to the held
    trigger) gives its content ("responded to the reports, asserting that China abides by ... and rejects
    ...")."""
    if has_infinitive_to(clause):
        return True
    if any(c.dep_ == "mark" and c.lower_ in word_set("same_moment_marks") for c in clause.children):
        return True
    return clause.tag_ == "VBG" and any(t.dep_ == "ccomp" and t.head.i == clause.i and t.pos_ != "ADJ"
                                        for t in path)


def _phrase_heads(noun: Token) -> list[Token]:
    """A noun and the nouns whose phrase it completes ("September" in "offensive of 19-20 September")."""
    heads = [noun]
    while noun.dep_ in ("pobj", "compound", "appos", "nmod", "npadvmod") and noun.head.i != noun.i:
        noun = noun.head if noun.dep_ != "pobj" else noun.head.head
        heads.append(noun)
    return heads


def reported_happenings(doc: Doc, taken: set[int], sentences: list[Span] | None = None) -> list[Span]:
    """The reported past happenings of sentences without another event, dated by the saying.

    A plain verb of saying that only relays a past happening ("Canada also requested World Trade
    Organization dispute consultations ..., the trade body said Thursday") is no statement
    (``reports_past_happening``); the relayed clause is the news. Its verb is a dated happening when
    it tells one past happening (:func:`relayed_happening`) and the saying or the clause has a
    time of its own.

    Example:
        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp("blank")("The ship left port, officials said Monday.")
        >>> reported_happenings(doc, set())  # a blank pipeline has no parse
        []
    """
    found: list[Span] = []
    for sent in _open_sentences(doc, taken, sentences):
        root = sent.root
        if root.dep_ != "ROOT" or not reports_past_happening(root):
            continue
        dated = bool(_point_times(root))
        for clause in reported_clauses(root):
            if relayed_happening(clause) and (dated or _point_times(clause)):
                found.append(doc[clause.i : clause.i + 1])
                break
    return found


def chronology_happenings(doc: Doc, taken: set[int], sentences: list[Span] | None = None) -> list[Span]:
    """The main verbs of a chronology's items that tell a happening, often in the historical present.

    A chronology ("1994" / "The rebels sign a truce with the army.", "- March 4: Opposition leaders
    form a new party in the capital.") dates each item by the date that heads it, on the line before
    the item's paragraph or at the start of the item's own line, and tells it in the present ("The
    rebel leader dies.", "The party opens offices in three provinces.") or the past, with no time
    phrase of its own: each item is a past happening. Only sentences without another event, in a text with
    two dated items or more (one dated line may be a page's date line), and verbs that tell a happening
    (:func:`item_happening`), not a state, a saying, a habit or a statistic; an item that lies ahead
    (an agenda) is planned once dated.

    Example:
        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp("blank")("1994\\n\\nThe rebels sign a truce.\\n\\n1996\\n\\nTheir leader dies.")
        >>> chronology_happenings(doc, set())  # a blank pipeline has no parse
        []
    """
    found: list[Span] = []
    for sent in _open_sentences(doc, taken, sentences):
        root = sent.root
        if root.dep_ == "ROOT" and list_item_date(sent) is not None and item_happening(root):
            found.append(doc[root.i : root.i + 1])
    return found


def item_happening(verb: Token) -> bool:
    """Whether a chronology item's verb tells a happening: a present ("dies", "create", "is succeeded
    by") or a finite past, a subject, no modal or negation, and none of a state, a saying, a habit or a
    statistic."""
    if verb.pos_ != "VERB" or verb.lemma_ in word_set("reporting_verbs") | word_set("stative_verbs") \
            | word_set("stance_verbs") | word_set("standing_stance_verbs"):
        return False  # "The group demands a separate state": a position held, no item
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children) or has_modal(verb):
        return False
    passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in children)
    if verb.tag_ not in ("VBZ", "VBP", "VB") and not passive and not finite_past(verb):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        return False
    return not _habit_or_statistic(verb)


def _open_sentences(doc: Doc, taken: set[int], sentences: list[Span] | None) -> Iterator[Span]:
    """The sentences whose start (past leading blanks) holds no event yet."""
    for sent in doc_sents(doc) if sentences is None else sentences:
        text = span_text(sent)
        if sent.start_char + len(text) - len(text.lstrip()) not in taken:
            yield sent


def relayed_happening(verb: Token) -> bool:
    """Whether a reported clause's verb tells one past happening, a time aside: finite past, a
    subject, no negation, and none of a state or trend ("Kansala had a fairly spectacular end",
    "foreigners grew to stardom"), a saying, a habit ("has repeatedly tried") or a statistic.
    A present perfect with no time of its own tells no time ("the Kabul authorities have
    failed to address the threat")."""
    if verb.pos_ != "VERB" or verb.lemma_ in word_set("reporting_verbs") | word_set("stative_verbs") \
            | word_set("stance_verbs") | word_set("relayed_state_verbs") or _event_ends(verb):
        return False  # "said the clash ended on Tuesday morning": the end of an event told, no new one
    children = list(verb.children)
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if not finite_past(verb) or any(c.dep_ == "neg" for c in children) \
            or not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in children):
        return False
    if auxes & {"has", "have"} and not _point_times(verb):
        return False
    habitual = word_set("habitual_adverbs")
    if any(c.dep_ == "advmod" and c.lower_ in habitual for c in children) \
            or any(c.lower_ == "since" for c in _time_phrases(verb)):
        return False
    return not _habit_or_statistic(verb) and not _rate_phrase(verb)


def _event_ends(verb: Token) -> bool:
    """Whether a verb of ending has an event word as its subject and no object ("the clash ended on
    Tuesday morning", "the fighting had stopped"): the end of an event told, no happening of its own;
    "it stopped implementing its commitments" is a deed."""
    return verb.lemma_ in word_set("ending_verbs") and not any(c.dep_ == "dobj" for c in verb.children) \
        and any(c.dep_ == "nsubj" and in_trigger(c) for c in verb.children)


def _point_times(verb: Token) -> list[Token]:
    """The verb's own time phrases that place it once in time, not a length ("for four days",
    "during the last decade", "through the night" tell how long, not when; "during opening
    statements on Tuesday" is dated by its own "on Tuesday") nor a recurrence ("each Monday")."""
    lengths, recurring = word_set("duration_preps"), word_set("recurrence_determiners")
    return [c for c in _time_phrases(verb) if not (c.lower_ in lengths and any(
        g.dep_ == "pobj" and g.ent_type_ in TIME_LABELS for g in c.children)) and not any(
        d.dep_ == "det" and d.lower_ in recurring for t in c.subtree for d in t.children)]


def _rate_phrase(verb: Token) -> bool:
    """Whether a phrase of the verb holds a percentage or an amount of money: the verb tells a
    statistic ("revenue grew at a 10% compound annual growth rate")."""
    return any(c.dep_ == "prep" and any(t.ent_type_ in OBJECT_FIGURE_LABELS for t in c.subtree)
               for c in verb.children)


def _time_phrases(verb: Token) -> list[Token]:
    """The verb's own phrases that hold a time expression ("on Monday", "Thursday", "last year")."""
    return [c for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod")
            and any(t.ent_type_ in TIME_LABELS and _own_phrase(t, c) for t in c.subtree)]


def past_happening(verb: Token) -> bool:
    """Whether a clause's verb tells one past happening: finite past (simple, perfect or passive),
    a subject, a time phrase of its own, and none of a state, a habit, a statistic or a verdict."""
    if verb.pos_ != "VERB" or verb.lemma_ in word_set("reporting_verbs") | word_set("stative_verbs"):
        return False
    children = list(verb.children)
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if not finite_past(verb) or not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        return False
    times = _time_phrases(verb)
    if not times or (auxes & PERFECT_AUXES and any(c.lower_ == "since" for c in times)):
        return False  # "has been held since late 2020": a state lasting since then
    if _event_ends(verb):
        return False  # "the clash ended on Tuesday morning": the end of an event told, no new happening
    if verb.lemma_ in word_set("expectation_verbs") and auxes & {"was", "were"}:
        return False  # "the results were expected on Thursday": what lay ahead, no happening
    if reports_a_figure(verb):
        return False  # "The International Diabetes Federation estimated in 2021 that 24 million adults ..."
    if news_outlet_acts(verb):
        return False  # "Reuters reported Wednesday that the measure already has enough votes": a source
    if verb.lemma_ in word_set("naming_verbs") and evaluates(verb):
        return False  # "On Wednesday, Macron called Chinese subsidies 'unbearable'": a verdict, no happening
    return not _habit_or_statistic(verb)


def _habit_or_statistic(verb: Token) -> bool:
    """Whether a past verb tells a habit or long state (:func:`habitual_frame`) or a statistic: a
    figure that changes or is reached, a measure as subject ("the number of users reached 196 million"),
    or a tally of events set against another as object ("launched 504 attacks in 2024, compared with 116
    in 2023", "carried out fewer raids this year than last year")."""
    return habitual_frame(verb) or _figure_change(verb) or _figure_object(verb) or _measured_subject(verb) \
        or any(c.dep_ == "dobj" and (compared_count(c) or compared_tally(c)) for c in verb.children)


def _measured_subject(verb: Token) -> bool:
    """Whether the verb's subject is a measure, not an actor (``measured_subject_nouns``: "the number of
    internet users under 18 reached 196 million", "stock indexes have plunged for days", "the markets lost
    more ground in trading on Tuesday"): the verb moves a statistic, no one did anything. A name holding
    the word ("the Global Terrorism Index named the Sahel ...") is a publisher, and acts; "a number of"
    ("a large number of residents burned tires") only counts the actors."""
    measures = word_set("measured_subject_nouns")
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and not c.ent_type_
               and c.lemma_.lower() in measures and not _indefinite(c) for c in verb.children)


def _indefinite(noun: Token) -> bool:
    """Whether a noun has the indefinite article ("a number of residents", "an unknown number of men")."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _figure_change(verb: Token) -> bool:
    """Whether the verb moves a figure "from" one value "to" another ("surged from 88 in 2023 to 388");
    the "to" phrase may hang from the "from" phrase ("leaped from 46 percent to 85 percent")."""
    preps = [prep for prep in verb.children if prep.dep_ == "prep"]
    preps += [inner for prep in preps for inner in prep.children if inner.dep_ == "prep"]
    ends = {prep.lower_ for prep in preps if any(
        obj.dep_ == "pobj" and (obj.like_num or obj.ent_type_ in FIGURE_LABELS) for obj in prep.children)}
    return {"from", "to"} <= ends


def _figure_object(verb: Token) -> bool:
    """Whether the verb's object is itself a figure: an amount of money, a percentage, a
    share ("Botswana earned $2.7 million", "China contributed 7% of the total", "farms provided
    nearly one-fifth of Spain's electricity", "quotas generated the sum of 42,863,423 pulas"): a
    statistic of a year, not a happening. A counted thing ("deported 177 detainees") is no figure."""
    shares = word_set("figure_nouns")
    return any(c.dep_ == "dobj" and (c.ent_type_ in OBJECT_FIGURE_LABELS or c.lemma_.lower() in shares)
               for c in verb.children)


def _own_phrase(word: Token, phrase: Token) -> bool:
    """Whether a word of a phrase belongs to the phrase itself, not to a clause nested in it
    ("led to a selloff, with stock indexes plunging in recent days": the days date the plunge)."""
    while word.i != phrase.i:
        if word.pos_ in ("VERB", "AUX") and word.dep_ not in ("amod", "compound") or word.head.i == word.i:
            return False
        word = word.head
    return True
