""":mod:`timeline.events.classification`: the event type of a trigger (layer 3).

A trigger's label is its type, except where the parse says otherwise: a capture verb
needs a place as object, a movement is typed from what moves, a word used in another
sense gives no event. Attack words and killings are typed in :mod:`.attack_types`
(from the weapon, the agent and the victims).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp import (
    NOUN_POS,
    has_annotation,
    has_perfect_have,
)
from .actor_types import actor_type, armed, body_words, victim_words
from .arguments import noun_phrase, out_of_places, subjects_of, undergoers
from .attack_types import (
    attack_type,
    combatants_killed,
    deliberate_killing_type,
    explosive_thrown,
    harm_type,
    killed_by_explosive,
    killing_type,
    opens_fire,
    projectile_type,
)
from .rules import (
    ACTOR_LABELS,
    ATTACK,
    PLACE_LABELS,
    rule_type,
    rules,
    types_flagged,
    word_set,
)
from .speech import credited_noun
from .triggers import definite, in_trigger, triggers_at


def event_type_of(span: Span) -> str:
    """The type of a trigger; a generic attack takes it from the weapon named in its clause.

    "captured"/"took" with a place as object is a territorial change; "took" without one
    ("took place", "take part") is no event at all (the empty type).
    """
    word = span.text.lower()
    if has_annotation(span.doc, "DEP") and _characterisation(span.root):
        return rule_type("characterisation")
    if span.label_ in rules()["stance_object_types"] and has_annotation(span.doc, "DEP") \
            and _stance_on_event(span.root):
        return rule_type("stance_on_event")
    if has_annotation(span.doc, "DEP") and _claimed_as_done(span.root):
        return ""  # "claimed responsibility for the hotel attack": the claim is the news
    if has_annotation(span.doc, "DEP") and span.root.pos_ == "VERB" \
            and (_met_with_reception(span.root) or _interview(span.root) or _agreed_with_view(span.root)):
        return ""  # "the offensive met with success", "VOA spoke with Armitage", "agreed with his remark"
    if has_annotation(span.doc, "DEP") and span.root.pos_ == "VERB" \
            and span.label_ not in types_flagged("statement") and _reports_a_quote(span.root):
        return ""  # '"the danger is not passed yet," agreed Polat Sayim': a speaker, no agreement
    if word in rules()["place_object_triggers"] and has_annotation(span.doc, "DEP"):
        if _object_is_place(span.root):
            return rules()["place_object_triggers"][word]
        if word in word_set("captive_taking_verbs") and _takes_captives(span.root):
            return rule_type("seizure_of_captives")  # "the rebels captured 16 soldiers": captives, no ground
        if word in rules()["needs_place_object"]:
            return ""
    if span.label_ in set(rules()["place_object_triggers"].values()) and has_annotation(span.doc, "DEP") \
            and _controls_no_place(span):
        return ""  # "regained control over his health", "yielded control of educational policy"
    if span.id_ in rules()["out_of_place_ids"] and has_annotation(span.doc, "DEP"):
        return span.label_ if _driven_out_of_place(span.root) else ""
    if span.id_ in rules()["ruler_fall_ids"] and has_annotation(span.doc, "DEP") and _ruler_falls(span):
        return str(rules()["ruler_fall_type"])  # "the fall of Assad's government": no place lost
    if span.id_ in rules()["marking_ids"] and span.root.pos_ == "VERB" \
            and (_event_marks(span.root) or _marks_no_time(span.root)):
        return ""  # "the attack marked an escalation"; "This marks Rubio's second visit": no milestone
    if span.root.lower_ in rules()["relaxing_verbs"] and span.root.pos_ == "VERB" \
            and _intransitive(span.root):
        return ""  # "the avian influenza outbreak has since eased", "tensions eased": no rule relaxed
    if span.root.pos_ == "VERB" and _animals_done_to(span.root):
        return ""  # "those who capture the dogs", "13,700 dogs are slaughtered every month"
    if span.id_ in rules()["victim_trigger_ids"]:
        if not has_annotation(span.doc, "DEP"):
            return ""
        if killed_by_explosive(span.root):
            return rule_type("explosive_attack")  # "two soldiers killed by a makeshift bomb": a bombing
        if combatants_killed(span.root) and not has_perfect_have(span.root):  # a perfect is a tally
            return rule_type("killing_of_combatants")  # "two gunmen were killed": a fight told by its toll
        if span.id_ in rules()["deliberate_killing_ids"]:
            return deliberate_killing_type(span.root)
        return killing_type(span.root)
    if span.label_ in rules()["subject_sensitive_types"] and has_annotation(span.doc, "DEP"):
        retyped = _by_subject_or_object(span)
        if retyped is not None:
            return retyped
    if span.id_ in rules()["deployment_send_ids"] and has_annotation(span.doc, "DEP") \
            and _sent_to_own_ground(span.root):
        return rule_type("weapons_deployed")  # "sent fighter jets to the island": a deployment, no aid
    if span.root.lower_ in word_set("release_verbs") and span.root.pos_ == "VERB" \
            and has_annotation(span.doc, "DEP") and _releases_no_person(span.root):
        return ""  # "China released an AI development program", "the report, released Thursday"
    if span.id_ in rules()["armed_move_ids"]:
        return span.label_ if has_annotation(span.doc, "DEP") and _armed_move_to_place(span) else ""
    if span.root.lower_ in word_set("armed_mover_verbs") and has_annotation(span.doc, "DEP") \
            and _unarmed_advance(span.root):
        return ""  # "the frontier is always advancing", "some recent advances"
    if span.root.lower_ in word_set("intransitive_event_verbs") and span.root.pos_ == "VERB" \
            and has_annotation(span.doc, "DEP") and _has_object(span.root):
        return ""  # "to demonstrate the Quad's naval strength": shown, no protest
    if has_annotation(span.doc, "DEP"):
        sense = _other_sense(span)
        if sense is not None:
            return sense
    if span.root.lemma_.lower() in word_set("ruler_leaving_verbs") and span.root.pos_ == "VERB" \
            and has_annotation(span.doc, "DEP"):
        if _ruler_leaves(span.root):
            return str(rules()["ruler_fall_type"])  # "President Haddad has fled the country"
        if span.id_ in rules()["ruler_only_ids"]:
            return ""  # "the rebels quit the talks": no ruler leaves
    if span.root.lemma_.lower() in word_set("flight_verbs") and has_annotation(span.doc, "DEP") \
            and _combatants_flee(span.root):
        return rule_type("combatants_flee")  # "the rebels have fled": a withdrawal, no displacement
    if span.id_ in rules()["crowd_violence_verb_ids"] and has_annotation(span.doc, "DEP") \
            and _done_by_armed_men(span.root):
        return attack_type(span)  # "gunmen torched homes": an attack typed by whom it hits; a mob's is a riot
    if has_annotation(span.doc, "DEP") and opens_fire(span.root):
        return attack_type(span)  # "gunmen opened fire on a bus", "police opened fire on protesters"
    if span.label_ in types_flagged("statement") and has_annotation(span.doc, "DEP"):
        ordered = _order_type(span.root)
        if ordered:
            return ordered  # "Putin ordered authorities to seal off the city": a measure, no statement
    if span.label_ in rules()["exploding_types"] and has_annotation(span.doc, "DEP"):
        projectile = projectile_type(span.root)
        if projectile:
            return projectile  # "a mortar round that exploded inside the compound": a shelling
    if span.root.lemma_.lower() in word_set("crowd_clash_words") and has_annotation(span.doc, "DEP") \
            and _crowd_side(span.root):
        return rule_type("crowd_attack")  # "protesters clashed with police": a riot
    if span.label_ != ATTACK:
        return span.label_
    return attack_type(span)


def _order_type(verb: Token) -> str:
    """The type of an order to do something (a verb of ``order_verbs`` with an infinitive), or "".

    An order is no statement but the act it sets going: a court's or a judge's ("the High Court
    ordered the school to readmit the pupils") is a ruling; any other authority's, to people who are
    no armed side ("the president ordered authorities to seal off the city", "several TV stations were
    ordered to stop broadcasting"), is a measure. Orders to forces ("ordered his troops to attack"),
    orders of a thing ("ordered an inquiry") and the noun ("a court order") are left as they are."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in word_set("order_verbs") \
            or not any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return ""
    ordered = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(_fighters(o) for o in ordered):
        return ""
    doers = subjects_of(verb) + [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    if any(d.lemma_.lower() in word_set("court_nouns") for d in doers):
        return rule_type("court_order")
    return rule_type("order_of_authority")


def _fighters(noun: Token) -> bool:
    """Whether a noun names fighters ("troops", "his fighters", "the forces", "the rebels"), not an
    authority of a state ("the government", "authorities"), though the actor types count both as armed."""
    combatants = set(rules()["victim_kinds"]["combatant"]) | body_words()
    if noun.lemma_.lower() in combatants or noun.lower_ in combatants:
        return True
    kind = actor_type(noun_phrase(noun))
    return kind in rules()["combatant_actor_types"] and kind != "state_forces"


def happening_type(verb: Token) -> str:
    """The type of a dated happening no trigger names (:mod:`.happenings`): a happening of an event ("the
    protests surged in 2019", "the protests grew in 2019") is told of that event and takes its type (an
    event noun as subject); a harm to people is typed like a killing ("gunmen wounded three villagers on
    Sunday": :func:`.attack_types.harm_type`); any other happening is ``other``.

    Example:
        >>> from timeline.nlp import load_nlp
        >>> happening_type(load_nlp("blank")("The ship departed.")[2])
        'other'
    """
    for subject in (c for c in _own_subjects(verb) if c.pos_ in NOUN_POS):
        # the noun itself is the trigger ("protests"), not a phrase it heads ("a ship loaded with tanks")
        for span in (s for s in triggers_at(subject) if len(s) == 1):
            event_type = event_type_of(span)
            if event_type:
                return event_type
    if verb.lemma_.lower() in word_set("war_onset_verbs") and any(
            s.lemma_.lower() in word_set("war_nouns") for s in _own_subjects(verb)):
        return rule_type("war_onset")  # "1983: Civil war begins", "fighting between ... erupted last October"
    if explosive_thrown(verb):
        return rule_type("explosive_attack")  # "militants hurled a grenade at the police on Saturday"
    victim_verb = any(s.id_ in rules()["victim_trigger_ids"] for s in triggers_at(verb))
    if victim_verb and killed_by_explosive(verb):
        return rule_type("explosive_attack")  # "five soldiers were killed ..., also by a makeshift bomb"
    if victim_verb and combatants_killed(verb):
        return rule_type("killing_of_combatants")  # "five soldiers were killed on Monday": a fight
    return harm_type(verb) or rule_type("dated_happening")


def clause_happening_type(verb: Token) -> str | None:
    """The type of a dated happening told in a clause of a sentence that already holds an event
    (:func:`.happenings.clause_happenings`), or None when the clause tells no act of the conflict and
    politics the events are made of.

    Such a clause is most often background about a person or a thing ("the magazine profiled him in May
    2020", "who held the position in 2010-2011", "the ship departed two days later"); it counts when: its
    verb and object or phrase name a change of power or the founding of a group (``clause_happening_acts``:
    "the king, who seized absolute power in March", "since the general came to power in 2021", "which was
    founded in 1998"), typed by that act; it is told of an event or harms people (:func:`happening_type`:
    "the protests that began in March", "the clashes claimed 30 lives on Monday"); or its doer is an armed
    side named by a common noun ("in April, the military removed Bashir", "gunmen stormed a hotel on
    Tuesday"; not a country's name, "Nigeria went on high alert Friday", nor an office holder ACLED counts a
    civilian when harmed, "a former State Department official who held the position in 2010-2011").

    Example:
        >>> from timeline.nlp import load_nlp
        >>> clause_happening_type(load_nlp("blank")("The ship departed.")[2]) is None
        True
    """
    acts = rules()["clause_happening_acts"]
    for frame in _act_frames(verb):
        if frame in acts:
            return str(acts[frame])
    event_type = happening_type(verb)
    if event_type != rule_type("dated_happening"):
        return event_type
    subjects = _own_subjects(verb) if verb.dep_ != "conj" else subjects_of(verb)
    civilians = victim_words("civilians")  # civilians when harmed: "an official", "a party member"
    if any(s.pos_ == "NOUN" and not s.ent_type_ and armed(s, by_name=False)
           and s.lemma_.lower() not in civilians for s in subjects):
        return event_type
    return None


def _own_subjects(verb: Token) -> list[Token]:
    """A verb's active subjects, a relative pronoun read as the noun it stands for ("the protests that
    began last month": "protests")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl":
        subjects = [verb.head if s.tag_ in ("WDT", "WP") else s for s in subjects]
    return subjects


def _act_frames(verb: Token) -> list[str]:
    """A verb's lemma alone and with its object or a phrase's noun ("seize power", "come to power")."""
    lemma = verb.lemma_.lower()
    frames = [lemma]
    for child in verb.children:
        if child.dep_ in ("dobj", "attr"):
            frames.append(f"{lemma} {child.lemma_.lower()}")
        elif child.dep_ == "prep":
            objects = (p for p in child.children if p.dep_ == "pobj")
            frames.extend(f"{lemma} {child.lower_} {p.lemma_.lower()}" for p in objects)
    return frames


def _combatants_flee(verb: Token) -> bool:
    """Whether who flees is an armed side's fighters, not people driven from home: the verb's subject
    ("the rebels have fled", "the militants fled north of the town"), the noun a participle qualifies
    ("seized the town from fleeing government forces") or what a verb sent fleeing ("sent the army
    fleeing"). A fighter noun or an armed actor type decides, never a nation's name: "thousands of
    Syrians fled", "residents fled their homes" stay displacement."""
    return any(not f.ent_type_ and armed(f, by_name=False) for f in _who_flees(verb))


def _who_flees(verb: Token) -> list[Token]:
    """The nouns told as fleeing by the flight verb ``verb`` (see :func:`_combatants_flee`)."""
    if verb.dep_ in ("amod", "acl") and verb.head.pos_ in NOUN_POS:
        return [verb.head]
    if verb.dep_ == "pcomp":  # "from fleeing government forces", parsed as the participle's object
        return [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "dobj":  # "sent the army fleeing", parsed as a compound of the participle
        return [c for c in verb.children if c.dep_ == "compound"]
    if verb.dep_ in ("xcomp", "oprd", "ccomp", "advcl") and verb.head.pos_ == "VERB" \
            and not any(c.dep_ == "nsubj" for c in verb.children):
        return [c for c in verb.head.children if c.dep_ == "dobj"]
    return [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in NOUN_POS]


def _ruler_falls(span: Span) -> bool:
    """Whether what falls is a government or its head ("the fall of former President Bashar al-Assad's
    government", "the fall of the regime"), not a place ("the fall of Kabul")."""
    nouns = word_set("ruler_nouns")
    objects = [t for t in span if t.dep_ == "pobj"] + [t for t in span[-1].children if t.dep_ == "pobj"]
    return any(o.lemma_.lower() in nouns or any(c.dep_ == "compound" and c.lemma_.lower() in nouns
                                                 for c in o.children) for o in objects)


def _ruler_leaves(verb: Token) -> bool:
    """Whether who leaves (the subject of a verb of ``ruler_leaving_verbs``, or the noun a relative
    clause tells of) is a head of state or government by title ("President Haddad has fled the
    country", "the prime minister quit", "the dictator, who fled in 1986"), not people or fighters."""
    return any(_ruler_title(s) for s in _own_subjects(verb))


def _ruler_title(noun: Token) -> bool:
    """Whether a noun, or a title before it, is one of ``head_of_state_titles`` ("the president",
    "President Omar Haddad", "Prime Minister Lee", "the country's dictator")."""
    titles = word_set("head_of_state_titles")
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "amod") or t == noun]
    lemmas = [w.lemma_.lower() for w in words]
    return any(w in titles for w in lemmas) or " ".join(lemmas) in titles \
        or any(f"{a} {b}" in titles for a, b in zip(lemmas, lemmas[1:], strict=False))


def _event_marks(verb: Token) -> bool:
    """Whether the subject of a marking verb is itself an event ("Tuesday's attack marked a dramatic
    escalation"): the verb weighs that event, no milestone is observed."""
    return any(c.dep_ == "nsubj" and in_trigger(c) for c in verb.children)


def _marks_no_time(verb: Token) -> bool:
    """Whether a marking verb's object is a common noun of no time or remembrance (``milestone_objects``:
    "This marks Rubio's second visit to the kingdom", "It marked another test of his capacity to
    mobilize supporters"): the sentence counts or weighs an occurrence, no milestone is observed.
    "marked the first anniversary", "marks two years since", "marked Independence Day" stay."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.pos_ == "NOUN" and o.lemma_.lower() not in rules()["milestone_objects"]
                                 for o in objects)


def _intransitive(verb: Token) -> bool:
    """Whether a verb has neither an object nor a passive subject ("tensions eased", but not "eased
    restrictions" or "restrictions were eased")."""
    return not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children)


def _animals_done_to(verb: Token) -> bool:
    """Whether what a trigger verb is done to is animals (its object or passive subject)."""
    animals = word_set("animal_nouns")
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in animals for c in verb.children)


def _stance_on_event(token: Token) -> bool:
    """Whether a truce or talks noun is what a speaker takes a stance on, not a happening.

    "urged Russia to accept a ceasefire", "threatened to break their cease-fire", "said Russia
    supports the ceasefire proposal", "alleged the American side violated the signed agreement",
    "'A ceasefire is the first step,' Zelenskyy wrote": the news is the statement. A verb that
    enacts the event ("signed a truce", "said the talks began") leaves it the event's.
    """
    noun = token.head if token.dep_ in ("amod", "compound") and token.head.pos_ in NOUN_POS else token
    if noun.pos_ not in NOUN_POS:
        return False
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and any(
            c.dep_ in ("attr", "acomp") for c in noun.head.children):
        return _under_speech(noun.head)  # "... ceasefire is the first step," he wrote
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB":
        return False
    if verb.lemma_ in rules()["event_stance_verbs"] or _phrasal_lemma(verb) in rules()["event_stance_verbs"]:
        return True  # "supports the ceasefire", "inclined to go along with the deal"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in rules()["speech_frame_verbs"]:
        return True  # "urged Russia to accept a ceasefire", "threatened to break the truce"
    return verb.lemma_ in rules()["breach_verbs"] and _under_speech(verb)


def _phrasal_lemma(verb: Token) -> str:
    """A verb's lemma with its particle ("go along" in "go along with the deal"), or the bare lemma."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"
                     or c.dep_ == "advmod" and c.pos_ == "ADP"), "")
    return f"{verb.lemma_} {particle}" if particle else verb.lemma_


def _claimed_as_done(token: Token) -> bool:
    """Whether an event noun is the one act someone claims or takes responsibility for ("claimed
    responsibility for the hotel attack", "took credit for Tuesday's bombing"): the claim is the
    event, the act it points back to (a definite singular) is told where it happens. "Claimed
    responsibility for several attacks" tells the attacks."""
    if token.pos_ not in NOUN_POS or credited_noun(token) is None:
        return False
    return definite(token) and token.tag_ == "NN"


def _met_with_reception(verb: Token) -> bool:
    """Whether "met with" tells how something was received ("the offensive has met with surprising
    success", "the plan met with resistance"), not a meeting: its subject is an event, or what it
    met with is a reception noun."""
    if verb.lemma_ not in word_set("reception_verbs"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and in_trigger(c) for c in verb.children):
        return True
    return any(g.dep_ == "pobj" and g.lemma_.lower() in word_set("reception_nouns")
               for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children)


def _agreed_with_view(verb: Token) -> bool:
    """Whether "agree with" shares a view ("agreed with President Biden's recent remark", "agree with
    the removal of Gachagua"), not an agreement between parties: what it agrees with is no party (a
    named actor, a party noun or a pronoun)."""
    if verb.lemma_ not in word_set("view_sharing_verbs"):
        return False
    withs = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
             if g.dep_ == "pobj"]
    parties = word_set("party_nouns")
    return bool(withs) and not any(
        w.pos_ == "PRON" or w.ent_type_ in ACTOR_LABELS or w.lemma_.lower() in parties for w in withs)


def _reports_a_quote(verb: Token) -> bool:
    """Whether a verb follows the clause it reports, its subject after it ('"the danger is not passed
    yet," agreed Polat Sayim', '"..., agrees a professor at the institute'): the inverted order of a
    verb of saying, whatever the verb."""
    return any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) \
        and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)


def _interview(verb: Token) -> bool:
    """Whether a talks verb's subject, or whom it speaks with, is a reporter or news outlet ("VOA
    spoke with Armitage", "the leaders spoke with reporters"): an interview, not diplomacy."""
    interviewers = word_set("interviewer_nouns") | word_set("news_outlet_names")
    people = [c for c in verb.children if c.dep_ == "nsubj"]
    people += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
               for g in c.children if g.dep_ == "pobj"]
    return any(p.lower_ in interviewers or p.lemma_.lower() in interviewers for p in people)


def _characterisation(token: Token) -> bool:
    """Whether an event noun is what a speaker calls something ("denounced the moves as an attack on
    the constitutional order", "called the ruling an attack on democracy"): a statement, no event."""
    if token.pos_ not in NOUN_POS:
        return False
    if token.dep_ == "oprd":
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "as":
        verb = token.head.head
    else:
        return False
    if verb.pos_ != "VERB" or verb.lemma_ not in rules()["characterising_verbs"]:
        return False
    # what is characterised is named ("the moves", "it"); "for what he called a wonderful meeting" names the event
    return any(c.dep_ == "dobj" and c.lower_ not in ("what", "which") for c in verb.children)


def _under_speech(verb: Token) -> bool:
    """Whether a clause is what a verb of saying reports ("..., Akhundzada alleged")."""
    return verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in rules()["speech_frame_verbs"]


def _releases_no_person(verb: Token) -> bool:
    """Whether what a release verb lets go is named and is no person ("released an AI development
    program", "a preliminary assessment ... released Thursday"): a publication, not freed captives.

    A participle takes the noun it modifies ("the PISA report, released this month") or, opening the
    sentence, the main clause's subject ("Released in 2009, the album ..."). With nothing named
    ("after being freed from prison") the release stands.
    """
    released = undergoers(verb)
    return bool(released) and not any(_names_people(t) for r in released for t in (r, *_conjuncts(r)))


def _conjuncts(token: Token) -> list[Token]:
    """The nouns coordinated with a noun ("released Mech Dara and two colleagues")."""
    return [c for c in token.children if c.dep_ == "conj"]


def _names_people(token: Token) -> bool:
    """Whether a noun names people: a personal pronoun other than "it", a person or a nationality,
    a bare number ("released 200"), an actor of the actor types ("three hostages", "Hamas members"),
    a victim noun ("prisoners", "detainees"), or people counted ("dozens of Palestinians")."""
    if token.pos_ == "PRON":
        return "Prs" in token.morph.get("PronType") and "Neut" not in token.morph.get("Gender")
    if token.ent_type_ in ("PERSON", "NORP") or token.pos_ == "NUM":
        return True
    lemma = token.lemma_.lower()
    if lemma in victim_words("civilians") or lemma in word_set("party_nouns") or actor_type(noun_phrase(token)):
        return True
    return any(_names_people(g) for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj")


def _unarmed_advance(token: Token) -> bool:
    """Whether an advance (or a retreat) is made by no armed side: a verb whose mover is named and unarmed ("the
    frontier is always advancing"), or a noun with neither an armed owner ("Russian advances", "the
    rebels' advance") nor a place it heads for ("the advance on Kyiv"): "some recent advances".
    A pronoun mover stands ("they advanced")."""
    if token.pos_ == "VERB":
        movers = subjects_of(token)
        if token.dep_ == "relcl" and any(m.lower_ == "who" for m in movers):
            return not armed(token.head, by_name=False)  # "Berisha, who has retreated": a person
        movers = [token.head if m.tag_ in ("WP", "WDT") and token.dep_ == "relcl" else m for m in movers]
        if not movers and token.dep_ in ("acl", "relcl") and token.head.pos_ in NOUN_POS:
            movers = [token.head]
        return bool(movers) and not any(m.pos_ == "PRON" or armed(m) for m in movers)
    if token.pos_ not in NOUN_POS:
        return False
    owners = [c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    owners += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
               for g in c.children if g.dep_ == "pobj"]
    aims = [g for c in token.children if c.dep_ == "prep" and c.lower_ not in ("of", "by")
            for g in c.children if g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS]
    return not aims and not any(armed(o) for o in owners)


def _armed_move_to_place(span: Span) -> bool:
    """Whether a verb of going tells an armed side's move: its mover is named and armed (fighters, troops,
    an army, a country by name: "militants had begun moving toward Aleppo", "junta troops left the
    township"; a pronoun or a person does not tell it) and where it goes to or leaves is a place ("toward
    Aleppo", "into the town"), not a goal ("moving toward a deal", "he moved to Houston", "left 5 dead")."""
    verb = span.root
    if verb.pos_ != "VERB":
        return False
    movers = subjects_of(verb)
    if not movers and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ == "VERB":
        movers = subjects_of(verb.head)  # "had begun moving toward Aleppo"
    movers = [t for m in movers for t in (m, *_conjuncts(m))]
    if not any(m.pos_ != "PRON" and m.ent_type_ != "PERSON" and armed(m) for m in movers):
        return False  # "Assad has left the capital": a ruler's flight, told by other rules
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) \
            and verb.head.lemma_.lower() not in word_set("phase_verbs"):
        return False  # "a cease-fire to allow rebels to leave the district": allowed, not done
    preps = [t for t in span if t.dep_ == "prep" and t.head.i == verb.i]
    goals = [g for p in preps for g in p.children if g.dep_ == "pobj"] if preps \
        else [c for c in verb.children if c.dep_ == "dobj"]
    place_nouns = word_set("place_nouns")
    return any(g.ent_type_ in PLACE_LABELS or g.lower_ in place_nouns or g.lemma_.lower() in place_nouns
               for g in goals)


def _has_object(verb: Token) -> bool:
    """Whether a verb takes an object or a that-clause ("demonstrate resolve", "demonstrates that ..."),
    the transitive sense of a verb whose event is intransitive ("protesters demonstrated in the capital")."""
    return any(c.dep_ in ("dobj", "ccomp") or c.dep_ == "nsubjpass" for c in verb.children)


def _other_sense(span: Span) -> str | None:
    """The type of a trigger word used in another sense than its event's, read from its frame, or None.

    A test of people or for an illness is a medical test ("23 passengers tested positive", "checkups that
    test for tumors"); a clash between named persons is a quarrel ("the Oval Office clash between Trump and
    Zelenskyy"); a statement verb whose object is lives tells deaths ("claiming more than 500 lives"); a
    law noun that is a sum of money is a bill to pay ("a bill of $1,200")."""
    root, label = span.root, span.label_
    if label == "weapons_test_or_launch" and _medical_test(root):
        return rule_type("medical_test")
    if root.lemma_.lower() in word_set("quarrel_nouns") and _persons_at_odds(root):
        return rule_type("quarrel")
    if label in types_flagged("statement") and root.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in word_set("toll_object_nouns") for c in root.children):
        return ""
    if label == "policy_or_law_change" and root.pos_ in NOUN_POS and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ == "MONEY" for g in c.children)
            for c in root.children):
        return ""
    return None


def _medical_test(verb: Token) -> bool:
    """Whether a test verb tests a body: it has a result ("tested positive") or tests for an illness
    ("test for tumors, blood sugar"), not a weapon ("tested a new missile")."""
    results = word_set("test_result_words")
    if any(c.lower_ in results for c in verb.children):
        return True
    illnesses = word_set("illness_nouns")
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in illnesses for g in c.children) for c in verb.children)


def _persons_at_odds(token: Token) -> bool:
    """Whether the sides of a clash are all named persons ("the clash between Trump and Zelenskyy",
    "Trump clashed with Zelenskyy"): a quarrel, not a fight of armed sides."""
    sides = _sides(token)
    return len(sides) >= 2 and all(s.ent_type_ == "PERSON" for s in sides)


def _crowd_side(token: Token) -> bool:
    """Whether a side of a fight is a crowd (``crowd_nouns``: "protesters clashed with police", "clashes
    between police and demonstrators", "hundreds of demonstrators clashed with riot police"): a riot, not a
    fight of two armed sides. Armed sides on both hands ("rebels clashed with troops") stay a clash."""
    crowds = word_set("crowd_nouns")
    return any(t.lower_ in crowds or t.lemma_.lower() in crowds
               for s in _sides(token) for t in (s, *_counted_by(s)))


def _counted_by(noun: Token) -> list[Token]:
    """What a quantity noun counts ("hundreds of demonstrators", "a crowd of protesters")."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            if g.dep_ == "pobj"]


def _sides(token: Token) -> list[Token]:
    """The sides of a clash: a verb's subjects, the objects of its or a noun's "with" and "between", and
    their conjuncts."""
    sides = [c for c in token.children if c.dep_ == "nsubj"] if token.pos_ == "VERB" else []
    sides += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("between", "with")
              for g in c.children if g.dep_ == "pobj"]
    return sides + [c for s in sides for c in _conjuncts(s)]


def _by_subject_or_object(span: Span) -> str | None:
    """Retype a movement or hosting verb from what moves or is hosted.

    "600 trucks of aid entered Gaza" is an aid delivery, not a troop movement;
    "Niger, hosting 1,500 French troops" is a standing presence, not diplomacy.
    """
    verb = span.root
    if verb.pos_ != "VERB":
        return None
    table: dict[str, dict[str, str]] = rules()["subject_sensitive_types"][span.label_]
    subjects = [verb.head] if verb.dep_ == "acl" and verb.head.pos_ in NOUN_POS else []
    for child in [*verb.children, *subjects]:  # "people crossed" misparsed as a noun's modifier too
        if (child.dep_ in ("nsubj", "nsubjpass") or child in subjects) and "subject" in table:
            role = "subject"
        elif child.dep_ == "dobj" and "object" in table \
                and verb.lemma_.lower() not in word_set("party_object_verbs"):  # "blamed Haftar's forces"
            role = "object"
        else:
            continue
        words = _noun_and_counted(child)
        for word, event_type in table[role].items():
            if word in words:
                return event_type
    return None


def _noun_and_counted(noun: Token) -> set[str]:
    """A noun's words and those of what it counts ("hundreds of aid trucks", "85% of the world's
    refugees"); a counted nationality is people ("another wave of Somalis")."""
    words = {noun.lemma_.lower(), noun.lower_}
    counted = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    words |= {t.lemma_.lower() for t in counted}
    if any(t.dep_ == "pobj" and t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS") for t in counted):
        words.add("people")
    return words


def _object_is_place(verb: Token) -> bool:
    """Whether a capture verb's object is a place, or counts places ("seized a number of army posts"), by
    its word or its lemma ("seized several northern towns")."""
    place_nouns = word_set("place_nouns")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for head in (verb, *objects) for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children]
    return any(o.ent_type_ in PLACE_LABELS or o.lower_ in place_nouns or o.lemma_.lower() in place_nouns
               for o in objects)


def _takes_captives(verb: Token) -> bool:
    """Whether a capture verb takes people or a ship, not ground: its object or passive subject is a fighter
    or a civilian named by a noun ("the rebels captured 16 Zimbabwean troops", "two farmers were captured")
    or a ship ("pirates captured a cargo ship"). The class: a seizure of captives (an arrest, an abduction
    or fighters taken prisoner), told with a verb of taking ground. Fighters captured at a front ("captured
    two rebels on the eastern front") are the fight's outcome: left as they were."""
    if verb.pos_ != "VERB" or _at_battle_line(verb):
        return False
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    captives = word_set("captive_nouns") | word_set("captive_craft_nouns") | victim_words("civilians")
    named = [t for o in taken for t in (o, *_conjuncts(o))]
    return any(t.lemma_.lower() in captives or t.lower_ in captives for t in named)


def _at_battle_line(verb: Token) -> bool:
    """Whether a verb's clause names a front line as a place ("on the eastern front", "at the frontline"),
    however the parser attached it (to the verb or to its object): a battle's place."""
    lines = word_set("battle_line_nouns")
    return any(t.dep_ == "pobj" and (t.lemma_.lower() in lines or t.lower_ in lines) for t in verb.subtree)


def _done_by_armed_men(verb: Token) -> bool:
    """Whether a verb of crowd violence (burning, looting) is done by armed men ("gunmen torched homes",
    "militants looted the market", "shops were ransacked by rebels"): an attack, whose victims type it.
    Rioters, a mob, protesters or people of no armed kind ("angry youths torched cars") riot; what a state's
    forces burn ("soldiers torched houses") is left as it was."""
    if verb.pos_ != "VERB":
        return False
    doers = subjects_of(verb) + [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    states = ("state_forces", "external_forces")
    return bool(doers) and all(
        armed(d, by_name=False) and actor_type(noun_phrase(d)) not in states for d in doers)


def _controls_no_place(span: Span) -> bool:
    """Whether the control a territorial trigger tells is control over no place ("regained control over
    his health", "yielded control of educational policy"); "seized control of Afghanistan", "control
    of the town" and an unknown name ("control of Sudzha") stand."""
    controls = [t for t in span if t.lower_ == "control"]
    controls += [c for c in span.root.children if c.dep_ == "dobj" and c.lower_ == "control"]
    controlled = [g for t in controls for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "over")
                  for g in c.children if g.dep_ == "pobj"]
    place_nouns = word_set("place_nouns")
    return bool(controlled) and not any(
        g.ent_type_ in PLACE_LABELS or g.lower_ in place_nouns or g.lemma_.lower() in place_nouns
        or g.pos_ == "PROPN" for g in controlled)


def _driven_out_of_place(verb: Token) -> bool:
    """Whether a verb drives someone out of a place ("pushing IS-Somalia out of some of its key
    strongholds", "drove the militants out of the town"); out of homes is displacement, no control."""
    return verb.pos_ == "VERB" and bool(out_of_places(verb))


def _sent_to_own_ground(verb: Token) -> bool:
    """Whether weapons are sent to a place, not to a party: the "to" of the verb or of what it sends is a
    place noun (``deployment_place_nouns``: "sent fighter jets to the island", "to the border") or a
    named place that is no country or party ("to the Red Sea"). Sent to a country or a group ("sent
    jets to Ukraine", "to the rebels") it stays military aid."""
    if verb.pos_ != "VERB":
        return False
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    places = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
              for g in c.children if g.dep_ == "pobj"]
    if not places or any(g.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or g.pos_ == "PRON" for g in places):
        return False
    nouns = word_set("deployment_place_nouns")
    return all(g.ent_type_ in ("LOC", "FAC") or g.lemma_.lower() in nouns or g.lower_ in nouns
               for g in places)
