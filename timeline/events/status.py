""":mod:`timeline.events.status`: whether an event occurred, is planned, negated or hypothetical (layer 2)."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from spacy.attrs import DEP, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from ..nlp import (
    FINITE_VERB_TAGS,
    NOUN_POS,
    SUBJECT_DEPS,
    TRIGGERS_KEY,
    VERB_POS,
    children_ids,
    has_annotation,
    has_infinitive_to,
    head_path,
    per_doc_part,
    sent_of,
    token_column,
    token_strings,
)
from ..types import ResolvedDate, Status
from .rules import rules, types_flagged, word_set
from .speech import present, timed


def status_of(span: Span, *, event_type: str | None = None) -> Status:
    """Tell whether the event occurred, is planned, negated or hypothetical (:func:`_own_status`); the
    purpose of an act not done is not done either (:func:`_purpose_of`): "called on people to stage
    demonstrations on Friday to protest the death penalty" (planned), "refused to send troops to
    reinforce the town" (negated). A type whose announcement is the news keeps its own reading ("told council
    members to draft regulations to ban the sale of dog meat": the order is the policy act)."""
    status = _own_status(span, event_type=event_type)
    if status == "occurred" and event_type not in types_flagged("news_when_announced"):
        served = _purpose_of(span.root)
        if served is not None:
            return _own_status(span.doc[served.i : served.i + 1])
    return status


def _purpose_of(verb: Token) -> Token | None:
    """The verb whose purpose the trigger's to-infinitive tells ("stage demonstrations to protest"), if
    any: an adverbial clause of "to" or "in order to" after the verb it hangs from (a fronted "To turn our
    backs on them would give terrorism a victory" is a topic, not a purpose)."""
    if verb.dep_ != "advcl" or verb.i < verb.head.i or verb.pos_ not in VERB_POS \
            or not has_infinitive_to(verb) or verb.head.pos_ not in VERB_POS:
        return None
    return verb.head


def _own_status(span: Span, *, event_type: str | None = None) -> Status:
    """Tell whether the event occurred, is planned, negated or hypothetical.

    Looks at the trigger's auxiliaries and negation, its governing verbs, and the
    few words before it in the same sentence. An announcement of a future act makes
    the act's announcement an event only for types whose announcement is the news
    (aid, sanctions, a truce: the ``news_when_announced`` flag); "said further tests would follow"
    stays a plan.
    """
    cues: dict[str, list[str]] = rules()["status_cues"]
    if span.text.lower() in rules()["denial_triggers"] and not _denies_thing(span):
        return "negated"  # a denial reports that the denied event did not happen
    if _intended(span) or _ready_for(span):
        return "hypothetical"  # "appears ready to stop fighting": a disposition, not a report
    if _permitted_act(span.root):
        return "hypothetical"  # "a law that authorizes firing on foreign vessels": what a rule allows
    if _refused(span.root) or _noun_purpose(span, word_set("failure_nouns")):
        return "negated"  # "failed to agree on a ceasefire", "refused to travel to meet", "inability to oust"
    if _noun_purpose(span, word_set("capacity_nouns")):
        return "hypothetical"  # "underscoring the insurgents' ability to launch attacks": a power, not a deed
    if _prospect_of(span.root):
        return "hypothetical"  # "given the ongoing threat of al-Shabab attacks": what may come, not a deed
    if _yet_to(span.root):
        return "negated"  # "has yet to be declared", "is yet to sign": not done so far
    if _without(span):
        return "negated"  # "struck the city without reporting casualties"
    if _directed(span) or _arranged(span) or _called_for(span) or _prepared_for(span) or _urged_that(span):
        return "planned"  # "ordered troops to take control", "talks are to begin": not yet done
    if _once_then(span.root):
        return "hypothetical"  # "once both sides agreed to a truce, they would negotiate": a condition
    if _in_temporal_clause(span):
        return "occurred"  # "since war broke out": a time clause presupposes its event
    words = _status_context(span)
    if _not_only(span):
        words.discard("not")  # "not only angry with X, but also (with) an offensive": no negation
    announced_ok = event_type is None or event_type in types_flagged("news_when_announced")
    unsure = set(cues["negated"]) | set(cues["hypothetical"]) - {"would"}
    if announced_ok and _announced(span) and not words & unsure:
        return "occurred"  # "announced he would send aid": the announcement happened; not "said X should"
    if _awaiting(span):
        return "planned"  # "new sanctions are currently in Congress awaiting ratification": not yet in force
    if _noun_purpose(span):
        return "planned"  # "efforts to impose sanctions", "a bid to seize the town": aimed at, not done
    if _complement_of(span, word_set("future_frame_words"), frame=True):
        return "planned"  # "the militia is going to attack", "talks, set to reopen", "is poised to strike"
    if _complement_of(span, word_set("commitment_verbs")):
        return "planned"  # "the rebels agreed to withdraw", "expects to hold talks": committed to, not done
    if _wanted(span.root):
        return "hypothetical"  # "Ukraine wants a ceasefire", "the country needs aid": wished, not had
    if _complement_of(span, word_set("wish_verbs")):
        return "hypothetical"  # "wants to negotiate", "tried to retake the town": not told as done
    if _prospective(span):
        return "planned"  # "in future talks over the terms of development aid": not held yet
    if _sought_now(span):
        return "planned"  # "North Korea is seeking military assistance", "the EU is considering sanctions"
    for status in ("negated", "hypothetical", "planned"):
        found = [cue for cue in cues[status] if cue in words]
        if found == ["would"] and _reported(span):
            return "planned"  # "said talks would resume": the future of reported speech, not a condition
        if found:
            return status  # type: ignore[return-value]
    return "occurred"


def lies_ahead(status: Status, when: ResolvedDate, *, published: date) -> bool:
    """Whether an event read as occurred is dated wholly after its article's publication day ("is
    considering challenging Macron in next year's presidential election", "concerns over U.S. foreign
    policy after the presidential election in November" in an October story): it has not happened yet,
    so it is planned. Past-tense dates were already moved back on or before publication by the dating."""
    return status == "occurred" and when.date_start is not None and when.date_start.date() > published


def _reported(span: Span) -> bool:
    """Whether the trigger's "would" is the future of reported speech ("Prigozhin said Wagner would
    begin handing"): it hangs under a verb of saying, no condition stands in the sentence ("if the
    talks went well"), and "would" is not a judgement ("said an offensive would be costly")."""
    if any(tok.lower_ in ("if", "unless") for tok in sent_of(span)):
        return False
    verbs = word_set("reporting_verbs") | word_set("future_reporting_verbs")
    doc = span.doc
    for below, above in pairwise(head_path(span.root, 6)):
        head = doc[below]
        if head.lemma_ == "be" and any(c.lower_ == "would" for c in head.children) \
                and any(c.dep_ in ("acomp", "attr") for c in head.children):
            return False
        if doc[above].lemma_ in verbs:
            return True
    return False


def _permitted_act(gerund: Token) -> bool:
    """Whether a gerund with no subject of its own is what a verb of permitting or requiring lets or makes
    someone do (``permission_verbs``: "a law that authorizes firing on foreign vessels", "requires the
    country declaring a national emergency"): the content of a rule or a need, not a happening."""
    return gerund.tag_ == "VBG" and gerund.dep_ in ("xcomp", "dobj") \
        and gerund.head.lemma_ in word_set("permission_verbs") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in gerund.children)


def _refused(token: Token) -> bool:
    """Whether the trigger is the infinitive a verb of failing or refusing governs, directly or through
    the infinitive of a verb of going between ("refused to sign", "refused to travel to meet the mediators",
    "failed to show up to sign the deal"): not done."""
    for _ in range(2):
        if token.dep_ != "xcomp" and not (token.dep_ == "advcl" and has_infinitive_to(token)):
            return False
        token = token.head
        if token.lemma_ in rules()["negating_verbs"]:
            return True
    return False


def _denies_thing(span: Span) -> bool:
    """Whether a verb of denial rejects a thing said or held against someone, not an event ("denies the
    charges against him", "denied any direct involvement", "a charge she and her ministers deny"): the
    denial is then a statement that was made. A clause ("denied that troops had shelled"), a gerund
    ("denied shelling"), an event noun ("denied the attack") or a noun with a content clause of its own
    ("denied reports that troops fled") is the denied event, and the denial tells it did not happen."""
    verb = span.root
    if verb.pos_ not in VERB_POS or any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "relcl" and verb.head.pos_ in NOUN_POS and not objects:
        objects = [verb.head]  # "a charge she denies"
    if len(objects) != 1 or objects[0].pos_ not in NOUN_POS or objects[0].tag_ == "VBG":
        return False
    thing = objects[0]
    clauses = [c for c in thing.children if c.dep_ in ("acl", "ccomp", "relcl") and c is not verb]
    if any(c.pos_ in VERB_POS for c in clauses):
        return False
    named = [thing] + [g for c in thing.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    events = [s for s in span.doc.spans.get(TRIGGERS_KEY, []) if s.label_ not in types_flagged("statement")]
    return not any(s.start <= tok.i < s.end for s in events for tok in named)  # "involvement in the bombing"


def _yet_to(token: Token) -> bool:
    """Whether the trigger is the infinitive of "have/be yet to" ("which has yet to be declared")."""
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_ in ("have", "be") and has_infinitive_to(token) \
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)


def _not_only(span: Span) -> bool:
    """Whether every "not" of the sentence opens the correlative "not only ... but also"."""
    sent = sent_of(span)
    return per_doc_part(span.doc, "not_only", sent.start, lambda: _every_not_only(sent))


def _every_not_only(sent: Span) -> bool:
    lowers = token_strings(sent.doc, LOWER)  # the Doc's lower-case column: no Token built per word
    nots = [i for i in range(sent.start, sent.end) if lowers[i] == "not"]
    return bool(nots) and all(i + 1 < len(lowers) and lowers[i + 1] == "only" for i in nots)


def _without(span: Span) -> bool:
    """Whether the trigger hangs under the preposition "without" ("without reporting casualties",
    "took the town without a fight"): what it names did not happen."""
    doc = span.doc
    return any(doc[i].lower_ == "without" and doc[i].dep_ == "prep" for i in head_path(span.root, 4)[1:])


def _prepared_for(span: Span) -> bool:
    """Whether the trigger is the purpose of a preparation ("making bombs to carry out attacks",
    "recruited fighters to attack the base", "looking to Trump to veto the legislation"): intended, not done."""
    doc = span.doc
    for below, above in pairwise(head_path(span.root, 4, through=("dobj", "pobj", "prep", "advcl", "xcomp"))):
        token = doc[below]
        if token.dep_ in ("advcl", "xcomp") and token.pos_ in VERB_POS and has_infinitive_to(token) \
                and doc[above].lemma_ in rules()["preparation_verbs"]:
            return True
    return False


def _directed(span: Span) -> bool:
    """Whether the trigger is the infinitive a directive verb governs ("ordered troops to take", "encouraging
    people to protest on Friday", "calling for the prime minister to resign"), or the event noun that
    infinitive stages ("called on people to stage demonstrations")."""
    token = _staging_verb(span.root)  # "ordered troops to launch an offensive": the offensive too
    if token.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "for"
                                                 for c in token.children):
        # "calling for X to resign": a subject and an infinitive after a demand
        return token.head.lemma_ in rules()["demand_verbs"] and has_infinitive_to(token)
    return token.dep_ == "xcomp" and token.head.lemma_ in rules()["directive_verbs"] \
        and has_infinitive_to(token)


def _called_for(span: Span) -> bool:
    """Whether the trigger is what someone calls for ("called for a national strike", "urged talks")."""
    token = span.root
    if token.dep_ == "pobj" and token.head.lower_ == "for":
        return token.head.head.lemma_ in rules()["demand_verbs"]
    demanded = token.dep_ == "dobj" and token.head.lemma_ in rules()["demand_verbs"]
    return demanded and token.head.lemma_ != "call"  # "called talks" convenes them


def _arranged(span: Span) -> bool:
    """Whether the trigger is the subject of "be to <verb>" (an arrangement: "talks are to begin"),
    however far the parser hung it from the copula, the infinitive itself, or a word below it ("the two
    leaders are to hold talks", "veterans were to mark the anniversary of the battle")."""
    path = head_path(span.root, 3)
    for index in path:
        head = span.doc[index]
        planned = [c for c in head.children if c.dep_ == "xcomp" and has_infinitive_to(c)] \
            if head.lemma_ == "be" else []
        if planned:
            return head.i > span.root.i or any(c.i in path for c in planned)
    return False


def _in_temporal_clause(span: Span) -> bool:
    """Whether the trigger opens a clause of time ("since war ... broke out", "after Russia struck"),
    whatever modal governs the main clause, with no negation of its own."""
    if not has_annotation(span.doc, "DEP"):
        return False
    root = span.root
    if root.pos_ not in VERB_POS:
        return False
    children = [(c, c.dep_) for c in root.children]
    if any(dep == "neg" for _, dep in children):
        return False
    left = min([span.start] + [c.left_edge.i for c, dep in children if dep in SUBJECT_DEPS])
    if left <= sent_of(span).start:
        return False
    return span.doc[left - 1].lower_ in rules()["temporal_subordinators"]


def _once_then(verb: Token) -> bool:
    """Whether a verb opens a "once" clause whose main verb has a modal ("once both sides agreed to halt
    hostilities, they would negotiate a truce", "once the truce takes effect, troops will withdraw"):
    the clause is the condition of what may follow, not a deed told; "once the troops entered, they
    opened fire" keeps its past."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "once" for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in word_set("modal_auxes") for c in verb.head.children)


def _intended(span: Span) -> bool:
    """Whether the trigger hangs under an infinitive governed by an adjective of readiness or intent."""
    doc = span.doc
    for below, above in pairwise(head_path(span.root, 4, through=("xcomp",))):
        token, head = doc[below], doc[above]
        if has_infinitive_to(token) and head.pos_ == "ADJ" \
                and head.lemma_.lower() in rules()["intent_adjectives"]:
            return True
    return False


def _awaiting(span: Span) -> bool:
    """Whether the trigger, or the subject noun it is, waits for a step still to come ("sanctions are
    in Congress awaiting ratification", "the deal, pending approval"): not yet done."""
    root = span.root
    verb = root.head if root.pos_ in NOUN_POS and root.dep_ in ("nsubj", "nsubjpass") else root
    holders = [verb, root] if verb is not root else [root]
    return any(c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_ in rules()["pending_verbs"]
               for h in holders for c in h.children)


def _ready_for(span: Span) -> bool:
    """Whether an event noun is what an adjective of readiness or intent is "for" ("Ukraine was
    ready for an air and sea ceasefire", "prepared for talks"): a disposition, not a report."""
    root = span.root
    prep = root.head
    return root.pos_ in NOUN_POS and root.dep_ == "pobj" and prep.lower_ == "for" \
        and prep.head.pos_ == "ADJ" and prep.head.lemma_.lower() in rules()["intent_adjectives"]


def _prospective(span: Span) -> bool:
    """Whether an event noun is said to lie ahead by its own modifier ("future talks", "the upcoming
    summit"); a name holding the word ("Future TV employees demonstrated") is no modifier of the event."""
    root = span.root
    return root.pos_ in NOUN_POS and any(
        c.dep_ == "amod" and c.lower_ in word_set("prospective_modifiers") for c in root.children)


def _sought_now(span: Span) -> bool:
    """Whether an event noun is what a present-tense verb of seeking or weighing has as its object, with
    no time of its own ("North Korea is seeking trade and military assistance from Russia", "the European
    Union is also considering sanctions", "Turkey is eyeing a Mediterranean agreement"): an aim still
    pursued, not a deed; so is a gerund such a verb governs ("the government is considering sending
    troops"); a dated clause ("sought aid on Monday") is a past request and stays."""
    root = span.root
    verb = root.head
    weighed = root.pos_ in NOUN_POS and root.dep_ == "dobj" or root.tag_ == "VBG" and root.dep_ == "xcomp"
    if not weighed or verb.lemma_ not in word_set("pursuit_verbs"):
        return False
    return present(verb) and not timed(verb)


def _noun_purpose(span: Span, nouns: frozenset[str] | None = None) -> bool:
    """Whether the trigger is, or is the object of, an infinitive that completes a noun of ``nouns``
    (by default ``aim_nouns``: "efforts to impose sanctions", "a plan to attack the base", "a bid to seize the
    town", "the decision to deploy troops"): an aim, not a deed; "told them to draft regulations to ban the
    sale" keeps its ban for the directive rules. With ``capacity_nouns`` ("the insurgents' ability to launch
    attacks", "its capacity to mobilize supporters") it is a power, with ``failure_nouns`` ("his inability
    to oust the president", "the failure to agree on a truce") what was not done."""
    doc = span.doc
    nouns = word_set("aim_nouns") if nouns is None else nouns
    for index in head_path(span.root, 3, through=("dobj", "pobj", "prep")):
        token = doc[index]
        if token.dep_ == "acl" and token.pos_ in VERB_POS and has_infinitive_to(token) \
                and token.head.lemma_.lower() in nouns:
            return True
    return False


def _prospect_of(noun: Token) -> bool:
    """Whether an event noun is what a noun of danger or prospect is "of" (``prospect_nouns``: "the ongoing
    threat of terrorist attacks", "the risk of renewed clashes", "the prospect of talks"): what may come,
    not a deed told. The first noun of a list stands for the rest ("the threat of kidnappings and
    attacks")."""
    while noun.dep_ == "conj" and noun.head.pos_ in NOUN_POS:
        noun = noun.head
    return noun.pos_ in NOUN_POS and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
        and noun.head.head.pos_ in NOUN_POS and noun.head.head.lemma_.lower() in word_set("prospect_nouns")


def _complement_of(span: Span, verbs: frozenset[str], *, frame: bool = False) -> bool:
    """Whether the trigger is, or is the object of, the to-infinitive a verb of ``verbs`` governs
    ("agreed to withdraw from the town", "wants to hold talks", "agreed to withdraw and release the
    prisoners", "expect the militia to widen its offensive"): what the verb's subject commits to, wishes
    or tries, not what was done; an event noun only as the object of a verb that stages it ("hold talks",
    :func:`_staging_verb`), not one the aim acts on ("trying to influence the talks"). With ``frame``, the
    list holds the surface words of a future frame, which is no finite verb of its own ("are going to
    attack", "negotiations, set to reopen", "is about to attack"; not "set up a fund to cover")."""
    doc = span.doc
    for index in head_path(_staging_verb(span.root), 3, through=("conj",)):
        token = doc[index]
        if token.dep_ not in ("xcomp", "ccomp") or token.pos_ not in VERB_POS or not has_infinitive_to(token):
            continue
        head = token.head
        if frame:
            return head.lower_ in verbs and head.tag_ not in FINITE_VERB_TAGS
        return head.lemma_ in verbs
    return False


def _wanted(noun: Token) -> bool:
    """Whether an event noun is the object of a verb of desire or need ("Ukraine wants a ceasefire",
    "the region needs aid", ``desire_verbs``): what is wished for, not what happened."""
    return noun.pos_ in NOUN_POS and noun.dep_ == "dobj" and noun.head.lemma_ in word_set("desire_verbs")


def _staging_verb(token: Token) -> Token:
    """The verb that stages an event noun, when the noun is its object ("hold talks", "launch an
    offensive", ``staging_verbs``), else the token itself."""
    head = token.head
    staged = token.pos_ in NOUN_POS and token.dep_ == "dobj" and head.lemma_ in word_set("staging_verbs")
    return head if staged else token


def _urged_that(span: Span) -> bool:
    """Whether the trigger's clause is a base-form (subjunctive) complement of a demand verb ("urge
    that all parts of the Doha agreement be implemented"): what is asked for, not what was done."""
    doc = span.doc
    for index in head_path(span.root, 4, through=("nsubj", "nsubjpass", "dobj", "pobj", "prep")):
        verb = doc[index]
        if verb.dep_ == "ccomp" and verb.head.lemma_ in rules()["demand_verbs"]:
            auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            bare = verb.tag_ == "VB" and not auxes
            return bare or verb.tag_ == "VBN" and [a.lower_ for a in auxes] == ["be"]
    return False


def _announced(span: Span) -> bool:
    """Whether the trigger hangs under a past-tense announcement verb ("announced he would send")."""
    announce = word_set("announcement_verbs")
    doc = span.doc
    return any(doc[i].lower_ in announce and doc[i].tag_ == "VBD" for i in head_path(span.root, 4))


def _status_context(span: Span) -> set[str]:
    root = span.root
    words: set[str] = set()
    chain: list[Token] = [root]
    head = root
    if root.pos_ in NOUN_POS and root.dep_ in ("nsubj", "nsubjpass", "attr") and root.head.pos_ in VERB_POS:
        head = root.head  # "further tests would follow", "there will be an arrest": the verb tells its status
        if _presupposed_subject(root):
            return set()  # "the strike did not cause casualties": the strike is taken as given
        chain.append(head)
    doc = span.doc
    chain.extend(doc[i] for i in head_path(head, len(doc), through=_GOVERNED_DEPS)[1:])
    chain = _up_to_own_clause(chain)
    if chain[-1].dep_ == "conj":  # "if you're China and you release him": the clauses share the "if"
        words.update(c.lower_ for c in chain[-1].head.children if c.dep_ == "mark")
    children, deps = children_ids(doc), token_column(doc, DEP)  # a Token only for the children kept
    # "threatening retaliation if hit": the threat was made, whatever its condition
    spoken = span.label_ in types_flagged("statement")
    for tok in chain:
        words.add(tok.lower_)
        if not (spoken and tok is root):
            words.update(_conditions(tok))
        words.update(doc[c].lower_ for c in children[tok.i]
                     if deps[c] in _MODALITY_DEP_IDS and not _hedges_own_clause(c, children, deps))
        if tok.lemma_ in rules()["perception_verbs"] and any(deps[c] == _AUXPASS_ID for c in children[tok.i]):
            words -= {"could", "can"}  # "gunfire could still be heard": it was audible, not possible
    start = max(sent_of(span).start, span.start - 3)
    words.update(span.doc[i].lower_ for i in range(start, span.start) if not _month_name(span.doc[i]))
    words.discard(span.text.lower())
    if "next" in words and _next_only_of_place(sent_of(span)):
        words.discard("next")  # "was evacuated next to the stadium": a place, no time to come
    words -= {tok.lower_ for tok in span}  # "fears of new attacks": the trigger is not its own modality cue
    if not has_annotation(span.doc, "DEP"):
        words.update(tok.lower_ for tok in span.doc[max(sent_of(span).start, span.start - 5) : span.start]
                     if not _month_name(tok))
    return words


def _next_only_of_place(sent: Span) -> bool:
    """Whether every "next" of a sentence is the adverb of "next to", a place beside another ("a bomb
    exploded next to a police station", "the town hall, next to the stadium, was evacuated"),
    not a time to come ("next week", "the next round of talks")."""
    doc = sent.doc
    return all(tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to" for tok in sent if tok.lower_ == "next")


def _presupposed_subject(noun: Token) -> bool:
    """Whether an event noun is the subject of a negated verb that says what the event did or was, not
    whether it took place ("the strike did not cause casualties", "the shelling will not break our
    resolve", "the raid was no answer to the protests"): the negation denies the predicate, the event is
    taken as given. A verb of occurring, staging or reporting keeps it ("the attack did not happen", "the
    talks were not held", "fatalities were not reported"), and so does a modal of possibility ("a strike
    could not succeed")."""
    verb = noun.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return noun.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "neg" for c in verb.children) \
        and verb.lemma_ not in word_set("occurrence_verbs") | word_set("staging_verbs") \
        and not auxes & word_set("possibility_modals")


def _up_to_own_clause(chain: list[Token]) -> list[Token]:
    """The chain of governing words cut after the first word that heads a clause of its own: the
    negation, modal or plan of the words above it does not reach below (:func:`_own_clause`)."""
    for position, tok in enumerate(chain):
        if _own_clause(tok):
            return chain[: position + 1]
    return chain


def _own_clause(tok: Token) -> bool:
    """Whether a word heads a clause told on its own, whatever governs the word it hangs from: a relative
    clause ("will visit families who fled the fighting", "the town, where gunmen killed 12 villagers"), a
    participle describing a noun ("will not lift the siege imposed on the city"), a coordinated clause with
    its own subject ("talks may resume, and rebels seized the bridge") or its own tense ("did not give a
    toll but reported shelling on the port"). A coordinated bare verb shares its head's auxiliaries ("did
    not attack the base or kill soldiers"), a to-infinitive its head's aim ("a plan to attack")."""
    dep = tok.dep_
    if dep == "relcl":
        return _past(tok)
    if dep == "acl":  # a bare participle, or a content clause told in the past ("reports troops had fled")
        bare = tok.tag_ in ("VBN", "VBG") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        return bare or _past(tok)
    if dep != "conj" or tok.pos_ not in VERB_POS:
        return False
    return tok.tag_ in FINITE_VERB_TAGS or any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def _past(verb: Token) -> bool:
    """Whether a verb is told in a past tense ("killed", "has killed", "had been killed", "was shelled")."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" and not auxes or any(a in _PAST_AUXES for a in auxes)


def _hedges_own_clause(index: int, children: list[list[int]], deps: list[int]) -> bool:
    """Whether a modifier governs a clause of its own ("fired rounds in the air likely to disperse the
    crowd"): it hedges that clause (the purpose), not the verb it hangs from."""
    return deps[index] == _ADVMOD_ID and any(deps[c] in _CLAUSE_DEP_IDS for c in children[index])


def _month_name(tok: Token) -> bool:
    """Whether a capitalised "May" inside a sentence is the month ("On 1 May 2020, clashes ..."), not the modal."""
    return tok.text == "May" and not tok.is_sent_start


def _conditions(verb: Token) -> set[str]:
    """The conditional marks ("if", "unless") of adverbial clauses on a verb ("will impose tariffs if
    Europe follows through"): the verb's event waits on the condition."""
    doc = verb.doc
    return {mark.lower_ for clause in verb.children if clause.dep_ == "advcl"
            for mark in clause.children if mark.dep_ == "mark" and mark.lower_ in ("if", "unless")
            and (mark.i == 0 or doc[mark.i - 1].lower_ not in ("as", "even"))}  # "as if": no condition


#: The dependencies through which a word takes the modality of the word it hangs from.
_GOVERNED_DEPS = ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "acl", "relcl", "amod", "compound")
_MODALITY_DEP_IDS = frozenset(get_string_id(dep) for dep in ("aux", "auxpass", "neg", "mark", "advmod"))
_AUXPASS_ID = get_string_id("auxpass")
_PAST_AUXES = frozenset(("has", "have", "had", "was", "were", "did"))
_ADVMOD_ID = get_string_id("advmod")
_CLAUSE_DEP_IDS = frozenset(get_string_id(dep) for dep in ("xcomp", "ccomp"))
