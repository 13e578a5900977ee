""":mod:`timeline.events.speech`: what a verb of saying reports (layer 1, below :mod:`.triggers`).

A party's statement (a threat, warning, demand, claim or denial, accusation, declaration) is an
event; a commentator's view, a verdict on a thing, the speaker's own feeling, a position held in the
present, a restated view and a danger ("poses a threat") are not; a plain saying that only relays a
past happening leaves the news to that happening. :mod:`.triggers` asks these questions of its
statement triggers, :mod:`.mentions` and :mod:`.happenings` of the dated statements and relayed
happenings they add.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp import NOUN_POS, TRIGGERS_KEY, VERB_POS, has_has_or_have, passive_agents, sent_of
from .rules import TIME_LABELS, rules, types_flagged, word_set


def reports_past_happening(verb: Token) -> bool:
    """Whether a plain verb of saying or declaring only relays a past happening ("the group said it had
    killed ten people", "he said he observed her", "the army declared that 40 fighters had been
    killed in the ambush"): the happening is the news, the saying is its source.

    The reported clause is a finite verb in the past (simple, perfect or passive) that is not
    negated (a denial, "said it did not carry out the attack", stays a statement) and tells no
    stance ("said it supported the soldiers" declares a position in the past of reported speech).
    """
    if verb.lemma_ not in rules()["narrating_verbs"]:
        return False
    stances = word_set("stance_verbs")
    modals = word_set("consequence_modals")
    for clause in reported_clauses(verb):
        if clause.lemma_ in stances or any(c.dep_ == "neg" for c in clause.children):
            continue
        auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if auxes & modals:
            continue
        if finite_past(clause):
            return True
    return False


def claims_own_deed(verb: Token) -> bool:
    """Whether a verb of claiming tells a past deed of the claimant's own side ("claimed on Wednesday to
    have targeted a US destroyer", "claimed that his militia had ambushed a military convoy", "claimed
    they had captured two towns"): a claim of responsibility told as a clause, whose deed is the news
    (the gold takes the ambush, not the claim). The deed is a perfect infinitive, or an active finite
    past, not negated, whose subject is a pronoun or a noun owned by one ("his militia", "its
    forces"), and its verb is a trigger of a happening ("ambushed", "captured"). A claim about others
    ("claimed that 300 soldiers had crossed the border"), about what was done to someone ("claim that he
    was killed") or with a verb that only carries out a deed ("claimed that it carried out the attack",
    a claim of responsibility) stays a statement."""
    if verb.lemma_ not in word_set("deed_claiming_verbs"):
        return False
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        if any(c.dep_ == "neg" for c in clause.children) or any(c.dep_ == "auxpass" for c in clause.children):
            continue
        if not _tells_a_happening(clause):
            continue  # "claimed that it carried out the attack": the claim of responsibility is the news
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if clause.dep_ == "xcomp":
            if clause.tag_ == "VBN" and "have" in auxes:
                return True
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        own = any(s.tag_ == "PRP" or any(p.dep_ == "poss" and p.tag_ == "PRP$" for p in s.children)
                  for s in subjects)
        if own and finite_past(clause):
            return True
    return False


def _tells_a_happening(verb: Token) -> bool:
    """Whether a verb lies inside a trigger span that is no statement's ("ambushed", "captured")."""
    return any(s.start <= verb.i < s.end and s.label_ not in types_flagged("statement")
               for s in verb.doc.spans.get(TRIGGERS_KEY, []))


def unattributed(verb: Token) -> bool:
    """Whether a verb of blaming, claiming or naming is a passive with no agent ("That attack was also
    blamed on the FARC", "the rebel group which is blamed for two decades of violence", "because it is
    called 'permanent residency'"): no party makes a statement; nor does an undated present passive
    with its party ("Kashmir is claimed by both in full"), a claim held. A past passive with its party
    ("was claimed by the Islamic State") stays one. A passive accusation ("operatives were accused of
    planning to kidnap her") is a charge, whose deed the story tells, and is left to the other rules."""
    if verb.lemma_ not in word_set("unattributed_passive_verbs") or verb.tag_ != "VBN":
        return False
    passives = [c for c in verb.children if c.dep_ == "auxpass"]
    if not passives:
        return False
    held = all(c.tag_ in ("VBZ", "VBP") for c in passives) and not timed(verb)
    return not passive_agents(verb) or held  # "Kashmir is claimed by both in full": a claim held


def reports_a_figure(verb: Token) -> bool:
    """Whether a verb of saying or estimating only gives a statistic: a clause it reports has a figure
    for its subject, an amount of money or a percentage ("told Parliament that millions of dollars were
    generated", "has claimed that 55 percent of Indonesians who complete school are functionally
    illiterate"), or a counted subject that only is or lives somehow ("estimated in 2021 that 24 million
    adults in sub-Saharan Africa were living with the condition"). A count that did or suffered
    something ("said 12 people were killed") is a happening's toll, told by its own trigger."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(t.ent_type_ in ("MONEY", "PERCENT") for s in subjects for t in s.subtree):
            return True
        counted = any(s.ent_type_ == "CARDINAL" or any(c.dep_ == "nummod" for c in s.children)
                      for s in subjects)
        if counted and clause.lemma_ in word_set("figure_state_verbs"):
            return True
    return False


def reported_clauses(verb: Token) -> list[Token]:
    """The clauses a verb of saying reports: its complements, and a that-clause the parser hung on
    the medium ("said in a statement that the plane went down")."""
    media = word_set("speech_media_nouns")
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    for medium in (g for c in verb.children if c.dep_ == "prep" for g in c.children
                   if g.dep_ == "pobj" and g.lemma_ in media):
        clauses.extend(a for a in medium.children if a.dep_ in ("acl", "relcl")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children))
    return clauses


def commentary(verb: Token) -> bool:
    """Whether a verb of saying gives a commentator's view, not a party's statement (no trigger, no
    dated statement).

    The speaker is a commentator ("Analysts claim ...", "warned Asli Aydintasbas, a senior fellow
    at ...", "A Journal editorial said ..."), or the verb, in the simple present outside a quote,
    reports a forecast ("Ochieng warns that countries ... could become future targets") or only
    describes a present state ("officials warn it is simply too big to put out").
    """
    return _commentator_speaks(verb) or _present_forecast(verb) or _present_description(verb)


def _commentator_speaks(verb: Token) -> bool:
    """Whether the subject of a verb of saying, or its apposition, is a commentator noun, or names a
    think tank or university the speaker belongs to ("The Sasakawa Peace Foundation's Schoff said",
    "Richard Weitz, director of the Hudson Institute's Center ..., told VOA"). A participle with no
    subject of its own speaks for the subject of the clause it details ("Other experts question the
    findings, warning that ...")."""
    clause = subject_clause(verb)
    commentators = word_set("commentator_nouns")
    institutions = word_set("commentator_institution_words")
    for speaker in (c for c in clause.children if c.dep_ in ("nsubj", "attr")):
        words = [speaker, *(c for c in speaker.children if c.dep_ == "appos")]
        if any(w.lower_ in commentators or w.lemma_.lower() in commentators for w in words):
            return True
        if any(t.lemma_.lower() in institutions for w in words for t in w.subtree
               if t.dep_ not in ("relcl", "acl")):
            return True
    return False


def subject_clause(verb: Token, *, participles: bool = True) -> Token:
    """The clause whose subject does a verb: the verb's own, or, for a second conjunct (or, with
    ``participles``, a participle) with no subject of its own, the clause it joins or details."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return verb
    if verb.dep_ == "conj" or participles and verb.tag_ == "VBG" and verb.dep_ == "advcl" \
            and verb.head.pos_ in VERB_POS:
        return verb.head
    return verb


def restates_a_view(span: Span) -> bool:
    """Whether a restatement ("reiterated", "reaffirmed" + a stance noun) only repeats a view held
    before ("reaffirmed their serious concerns over the situations", "reiterated the assertion"):
    the view noun is no demand, warning or pledge, the verb has no time of its own and no
    that-clause tells a content ("reiterated Ankara's stance that the S-400 poses no threat" stays
    a statement)."""
    verb, noun = span[0], span[-1]
    if noun.lemma_.lower() not in word_set("restated_view_nouns") or timed(verb):
        return False  # "On Thursday, the spokesperson repeated Islamabad's stance": that day's statement
    return not reported_clauses(verb) and not any(c.dep_ in ("acl", "ccomp") for c in noun.children)


def unnamed_few_hold(verb: Token) -> bool:
    """Whether a verb of saying in the present, with no time of its own, has an unnamed part of a
    group as its subject ("some prominent human rights activists are calling for ...", "many
    residents demand ..."): a stance some people hold, no party's statement that day."""
    if not present(verb) or timed(verb):
        return False
    determiners = word_set("indefinite_group_determiners")
    return any(c.dep_ == "nsubj" and not c.ent_type_ and any(
        d.dep_ in ("det", "amod") and d.lower_ in determiners for d in c.children) for c in verb.children)


def standing_stance(verb: Token) -> bool:
    """Whether a main verb of claiming, rejecting or demanding in the simple present, with no time of
    its own and outside a quote, tells a position a party holds ("China claims about 90% of the sea",
    "He rejects the charges", "China's leadership insists it is committed to peace"): no statement
    made that day. A dated present ("Kenya rejects the ruling on Monday"), a named person speaking
    ("Somalia's ambassador, Mohamud Ahmed Nur, accuses Kenya of ...": the story's interview), a
    stance inside reported speech ("asserting that China ... rejects ...") and a claim of a past
    happening ("reports claim that he was killed") stay statements."""
    if verb.lemma_ not in word_set("standing_stance_verbs") or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if verb.dep_ != "ROOT" and not (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children) or timed(verb):
        return False
    if any(finite_past(c) for c in reported_clauses(verb)):
        return False  # "Other reports claim that he was killed": a past happening relayed
    return not in_quote(verb) and not _named_person_speaks(verb)


def held_rebuttal(verb: Token) -> bool:
    """Whether a verb of rejecting in the present perfect, with no time of its own and outside a quote,
    has a claim, charge or ruling as its object ("Hong Kong authorities have rejected accusations that
    Lai's trial is unfair", "Zamora's legal team has rejected all the accusations", "DHS has dismissed
    the allegations in the lawsuits"): the party's standing position on others' claims, told as
    background. A dated rejection ("rejected the allegations during a press conference Thursday") and
    a simple past one stay statements."""
    if verb.lemma_ not in word_set("rebuttal_verbs") or verb.tag_ != "VBN":
        return False
    if not has_has_or_have(verb):
        return False
    if _time_in_clause(verb) or in_quote(verb):
        return False
    claims = word_set("rebutted_claim_nouns")
    return any(c.dep_ == "dobj" and c.lemma_.lower() in claims for c in verb.children)


def _time_in_clause(verb: Token) -> bool:
    """Whether a time expression stands anywhere in a verb's own clause, however the parser hung it
    ("has rejected the allegations in a statement on Monday"), leaving out the clauses below it ("accusations
    that the trial held in 2023 was unfair")."""
    clausal = ("acl", "relcl", "ccomp", "advcl", "xcomp", "conj")
    stack = list(verb.children)
    while stack:
        word = stack.pop()
        if word.dep_ in clausal:
            continue
        if word.ent_type_ in TIME_LABELS:
            return True
        stack.extend(word.children)
    return False


def advises_the_public(verb: Token) -> bool:
    """Whether a verb of urging gives the public advice, not a party a demand: its addressee is an
    unnamed member of the public ("people", "owners of food stalls") and the advice holds on a
    condition of the addressee's own ("urged people to seek medical attention if they experience
    symptoms", "urged owners of food stalls ... to substitute other meats if they want to remain in the
    food business"). A demand on a party ("urged the council to press the warring parties") or a call
    with no such condition stays a statement."""
    if verb.lemma_ not in word_set("urging_verbs"):
        return False
    public = word_set("public_addressee_nouns")
    addressees = [c for c in verb.children if c.dep_ == "dobj"]
    addressees += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                   for g in c.children if g.dep_ == "pobj"]
    if not any(a.lemma_.lower() in public and not a.ent_type_ for a in addressees):
        return False
    advice = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(_own_condition(c) for a in advice for c in a.children if c.dep_ == "advcl")


def _own_condition(clause: Token) -> bool:
    """Whether an adverbial clause is an if-clause about its pronoun subject ("if they want to remain")."""
    return any(m.dep_ == "mark" and m.lower_ == "if" for m in clause.children) and any(
        c.dep_ == "nsubj" and c.tag_ == "PRP" for c in clause.children)


def _named_person_speaks(verb: Token) -> bool:
    """Whether the subject of a verb, or its apposition, is a person's name ("Mohamud Ahmed Nur")."""
    for speaker in (c for c in subject_clause(verb, participles=False).children if c.dep_ == "nsubj"):
        words = [speaker, *(c for c in speaker.children if c.dep_ == "appos")]
        if any(w.ent_type_ == "PERSON" for w in words):
            return True
    return False


def tells_own_feeling(verb: Token) -> bool:
    """Whether a verb of saying tells only the speaker's own feeling ("Alinejad said ... she was
    'overwhelmed with mixed emotions'", "he said he was relieved"): every reported clause has a
    personal pronoun as subject and a feeling word as predicate; no claim, demand or denial."""
    if verb.lemma_ not in rules()["narrating_verbs"]:
        return False
    clauses = reported_clauses(verb)
    return bool(clauses) and all(_feeling_clause(c) for c in clauses)


def _feeling_clause(clause: Token) -> bool:
    """Whether a clause says how its pronoun subject feels ("she was overwhelmed", "I am grateful")."""
    feelings = word_set("feeling_words")
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "PRP" for c in clause.children):
        return False
    if clause.lower_ in feelings:
        return True
    return clause.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in feelings for c in clause.children)


def _present_description(verb: Token) -> bool:
    """Whether a verb of saying in the simple present, undated and outside a quote, only describes a
    present state: every reported clause is a present copula with a predicate adjective ("officials
    warn it is simply too big to put out")."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
            or timed(verb) or in_quote(verb):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") and any(
        a.dep_ == "acomp" and a.pos_ == "ADJ" for a in c.children) for c in clauses)


def _present_forecast(verb: Token) -> bool:
    """Whether a verb of saying in the simple present, outside a quote, reports what could happen
    ("Yesilada warns that such measures could well be interpreted as a weakness")."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
            or in_quote(verb):
        return False
    modals, adverbs = word_set("forecast_modals"), word_set("forecast_adverbs")
    futures = word_set("consequence_modals")
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        hedged = any(c.dep_ == "advmod" and c.lower_ in adverbs for c in clause.children)
        if auxes & modals or hedged and auxes & futures:
            return True
    return False


def in_quote(token: Token) -> bool:
    """Whether the token stands inside quotation marks opened earlier in its sentence."""
    return inside_quotation(token.doc[sent_of(token).start : token.i].text)


def inside_quotation(before: str) -> bool:
    """Whether the end of ``before`` (a sentence up to some word) stands inside a quotation opened in it:
    more opening than closing curly quotes, or an odd number of straight ones (a stray closing
    curly quote, left by a scraped paragraph break, opens nothing)."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def danger_sense(noun: Token) -> bool:
    """Whether a threat noun names a danger rather than a threat someone made: the object of a
    verb of facing, posing or judging ("poses a threat", "facing threats", "deemed a threat"), the
    predicate of 'be' ("he is a threat to national security"), the topic "about" which one worries or
    knows ("concerned about threats"), a modifier of a noun ("high threat illegal aliens") or graded
    as a danger is ("a growing threat", "the persistent threat of militant groups")."""
    if noun.lemma_.lower() not in rules()["danger_nouns"]:
        return False
    if noun.dep_ in ("dobj", "oprd") and noun.head.lemma_ in rules()["danger_frame_verbs"]:
        return True
    first = noun.head if noun.dep_ == "conj" and noun.head.pos_ in NOUN_POS else noun
    if first.dep_ == "pobj" and first.head.lower_ == "about":
        return True  # "concerned about aggression and threats", "know about the China threat": a topic
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return True  # "he is a threat to national security": what someone is, no threat made
    if noun.dep_ in ("nmod", "compound") and noun.head.pos_ in NOUN_POS:
        return True  # "high threat illegal aliens": a grade of danger describing a noun
    return any(c.dep_ == "amod" and c.lower_ in rules()["danger_modifiers"] for c in noun.children)


def since_then(verb: Token) -> bool:
    """Whether a verb in the present perfect spans a stretch since some point ("Since then,
    protesters have demanded ...", "have demanded his release since March"): a lasting stance."""
    if not has_has_or_have(verb):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children)


def endangers(verb: Token) -> bool:
    """Whether a verb of threatening puts something at risk rather than makes a threat: its object
    is what can be harmed ("threatening the territorial integrity"), with no act threatened ("to
    close the base", "with tariffs")."""
    if verb.lemma_ not in rules()["endangering_verbs"]:
        return False
    if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return False
    if _threatened_by_a_thing(verb):
        return True
    harmed = word_set("endangered_nouns")
    return any(c.dep_ == "dobj" and c.lemma_.lower() in harmed for c in verb.children)


def _threatened_by_a_thing(verb: Token) -> bool:
    """Whether a passive verb of threatening names a thing, no party, as its agent ("is threatened
    by the high consumption of dog meat"): a danger, since only a party makes a threat."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    parties = word_set("party_nouns")
    agents = passive_agents(verb)
    return bool(agents) and not any(
        a.ent_type_ or a.pos_ in ("PRON", "PROPN") or a.lemma_.lower() in parties for a in agents)


def says_something(verb: Token) -> bool:
    """Whether a naming verb says something: calls for or on someone ("called for talks", "called on
    China to engage", "called for the charge to be dropped") or calls something a name ("called the
    allegations baseless", "calling it exclusionary")."""
    for child in verb.children:
        if child.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr"):
            return True
        if child.dep_ in ("prep", "prt") and child.lower_ in ("for", "on", "upon"):
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children):
            return True
    return False


def evaluates(verb: Token) -> bool:
    """Whether a naming verb only judges a thing ("called Chinese subsidies 'unbearable'", "called
    Canada 'one of the highest tariffing nations'", "called the center 'the perfect place'"): a
    thing named by a noun, a predicate adjective or noun and no call for or on anyone, no reported
    clause. Calling a claim, ruling or move something ("called Pakistan's assertions 'baseless'",
    "called the decision illegal") is a party's rebuttal, and a pronoun may stand for an event ("called
    them 'a punishment for separatist acts'"): both stay statements."""
    children = list(verb.children)
    if any(c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon") and c.i > verb.i
           or c.dep_ == "ccomp" for c in children):
        return False  # "called on China to engage", "called for talks"; not "On Wednesday, ... called"
    named = [c for c in children if c.dep_ in ("dobj", "oprd", "xcomp", "acomp", "attr")]
    if len(named) < 2 or any(c.pos_ in VERB_POS for c in named):
        return False
    thing = named[0]  # "called [Chinese subsidies] 'unbearable'"; a pronoun may stand for an event or claim
    return thing.pos_ in ("NOUN", "PROPN") and thing.lemma_.lower() not in word_set("rebutted_claim_nouns")


def names_something(verb: Token) -> bool:
    """Whether a naming verb only names: a wh-object and a predicate noun ("what it called X"), a
    participle graded as a name is ("a so-called COVID hotel") or a predicate noun with no subject or
    object of its own ("near the de facto border, called the Line of Control")."""
    deps = {c.dep_: c for c in verb.children}
    if verb.tag_ == "VBN" and "advmod" in deps and deps["advmod"].lower_ in rules()["naming_adverbs"]:
        return True
    if "oprd" in deps and not any(d in deps for d in ("dobj", "nsubj", "nsubjpass")) and not any(
            c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in verb.children):
        return True  # "the border with Pakistan, called the Line of Control": a reduced naming participle
    return "oprd" in deps and "dobj" in deps and deps["dobj"].tag_ in ("WDT", "WP")


def credited_noun(noun: Token) -> Token | None:
    """The noun of "responsibility"/"credit" (``claimed_credit_nouns``) whose "for" ``noun`` is the object of
    ("responsibility for the attack", "took credit for Tuesday's bombing"), else None."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    holder = noun.head.head
    credited = holder.pos_ in ("NOUN", "PROPN") and holder.lemma_.lower() in word_set("claimed_credit_nouns")
    return holder if credited else None


PAST_AUXES = frozenset({"has", "have", "had", "was", "were"})


def finite_past(verb: Token) -> bool:
    """Whether a verb is a finite past: simple ("struck"), perfect ("has struck") or passive ("was struck")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and bool(auxes & PAST_AUXES)


def timed(verb: Token) -> bool:
    """Whether a verb has a time phrase of its own ("arrested on Monday", "detained last week")."""
    return any(t.ent_type_ in TIME_LABELS for c in verb.children if c.dep_ in ("prep", "npadvmod")
               for t in c.subtree)


def present(verb: Token) -> bool:
    """Whether a verb is in the present: simple ("enjoy") or progressive ("is facing")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in verb.children)


def hearsay(verb: Token) -> bool:
    """Whether a verb of saying has for its subject unowned reports or rumours (``hearsay_nouns``) marked
    as unverified or as the media's (``hearsay_modifiers``: "multiple media reports claimed dozens were
    injured", "unconfirmed reports have claimed ..."): hearsay the writer relays, no party's statement.
    A report someone owns ("the UN's report said", "a report by the monitor") speaks for that party, and
    plain "other reports claim he was killed" relays a claim, and both stay."""
    nouns, marks = word_set("hearsay_nouns"), word_set("hearsay_modifiers")
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.tag_ == "NNS" and subject.lemma_.lower() in nouns and not any(
                c.dep_ in ("poss", "prep") for c in subject.children) and any(
                c.dep_ in ("amod", "compound") and c.lower_ in marks for c in subject.children):
            return True
    return False
