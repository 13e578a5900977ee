""":mod:`timeline.events.tolls`: how many people an event killed, as ACLED counts them (layer 2).

A sentence's toll is the sum of the deaths it tells ("killed 4 civilians and beheaded a man": 5;
"one soldier and two fighters were killed": 3), never its injuries, an attempt ("tried to kill"), a
running tally or a war's toll ("1,200 people have been killed since April"), nor a death that caused
the event or came earlier ("protested after police killed a driver", "who killed a resident earlier
that day"). The ACLED codebook's conventions: a range or two
figures give the lowest ("between 2 and 4": 2), "tens" is 10, "dozens" 12, "hundreds" 100; a death
told without a number ("killing several fighters") gives no figure. "No fatalities were reported"
gives none either (the event table leaves the cell empty, ACLED writes 0).

An event's toll (:func:`event_toll`) adds the deaths told in the next sentences of its paragraph
(``toll_sentences_after`` of them), up to a sentence with a date of its own or about another incident:
a report names the act first and its dead next ("Gunmen attacked the village. Two civilians were
killed."). A sentence that says no one died takes no later deaths. A figure the writer states for the event ("Unknown
fatalities coded as 10", "78 killed ... fatalities split between 2 events") wins over the counting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from ..nlp import doc_text, ents_in, per_doc, sentences_after, span_text
from ..temporal.lexicon import expand_slots
from .rules import rules

#: Qualifiers before a count that keep the count as given ("at least 15": 15).
_QUALIFIER = (r"(?:(?:at least|more than|over|some|about|nearly|almost|around|approximately|up to|an estimated|"
              r"a total of|as many as|another|a further|an additional|reportedly|allegedly|all)\s+)*")
#: Words a subject noun phrase before "were killed" cannot contain (a verb or another clause).
_NOT_IN_SUBJECT = (r"(?:were|was|is|are|have|has|had|been|be|and|or|injured|wounded|injuring|wounding|killed|"
                   r"killing|died|dead|arrested|abducted|captured|said|says|reported|on|in|at|by|from|after|while|who|which|that|"
                   r"for|during|with|to|into|against|over|about)")
#: "including two children", "among them a child", "(at least 1 of them ...)": a part of a toll told.
_SUBSET = re.compile(r"\((?:[^()]*)\)|\[(?:[^\[\]]*)\]|\b(?:including|among them|among whom|among the dead|"
                     r"among those killed|of whom|of them)\b[^,.;]*", re.IGNORECASE)
#: "after a gendarme shot and killed a driver", "over the death of a resident": a death that
#: caused the event (a protest, a riot, a reprisal), told up to the next comma, is not its toll.
_CAUSE = re.compile(r"\b(?:after|following|(?:over|against) the (?:death|deaths|killing|killings|murder|"
                    r"assassination|lynching|execution)|because of|in response to|in reaction to|in retaliation for|to protest|"
                    r"to denounce|to condemn|in protest (?:at|against|over)|demanding justice for|who had)\b"
                    r"(?:(?!\b(?:killing|leaving)\b)[^,;.])*", re.IGNORECASE)


@dataclass(frozen=True)
class Toll:
    """The deaths one stretch of text tells: ``count`` counted, ``floor`` at least one ("killed him"),
    ``vague`` a death told without a number ("killing several"), ``total`` a sum stated ("3 fatalities")."""

    count: int = 0
    floor: bool = False
    vague: bool = False
    total: int = 0

    def __add__(self, other: Toll) -> Toll:
        return Toll(self.count + other.count, self.floor or other.floor, self.vague or other.vague,
                    max(self.total, other.total))

    @property
    def told(self) -> bool:
        """Whether any death is told."""
        return self.count > 0 or self.floor or self.vague or self.total > 0

    def figure(self) -> int | None:
        """The number to record: the deaths counted or the largest total stated ("Six fatalities
        reported" after "killed six civilians" restates them), 1 for a death told of someone already
        named, else None."""
        if self.count or self.total:
            return max(self.count, self.total)
        return 1 if self.floor else None


def fatalities_in(sentence: str) -> int | None:
    """The deaths a sentence tells, summed over its clauses (see the module docstring), or None.

    Example:
        >>> fatalities_in("Gunmen shot dead 2 civilians and beheaded a man; 3 others were injured.")
        3
    """
    return sentence_toll(sentence).figure()


@lru_cache(maxsize=4096)
def sentence_toll(sentence: str) -> Toll:
    """The :class:`Toll` of one sentence (kept per sentence: an event's toll reads its paragraph's next ones)."""
    if _death_words().search(sentence) is None or _running_tally(sentence):
        return Toll()
    text = _CAUSE.sub(" ", _SUBSET.sub(" ", sentence))
    toll = Toll()
    taken: list[tuple[int, int]] = []
    for pattern, reader in ((_range_pattern(), _range_toll), (_passive_pattern(), _subject_toll),
                            (_active_pattern(), _object_toll), (_noun_pattern(), _noun_toll)):
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            found = reader(match, text)
            if found.told and not _told_earlier(text, match.end()):
                taken.append(match.span())
                toll += found
    return toll


def event_toll(sent: Span, *, told_next: bool = True) -> int | None:
    """The toll of an event told in ``sent``: the figure the writer codes for it, else the deaths its
    sentence tells and, with ``told_next``, those the next few sentences of its paragraph tell (up to
    a sentence dated on its own).
    """
    coded = per_doc(sent.doc, "coded_toll", lambda: coded_fatalities(doc_text(sent.doc)))
    if coded is not None:
        return coded
    own = span_text(sent)
    toll = sentence_toll(own)
    if _NONE_TOLD.search(own):
        return toll.figure()  # "no passengers were killed during the operation": the next deaths are others'
    for later in _told_after(sent) if told_next else ():
        toll += sentence_toll(span_text(later))
    return toll.figure()


#: A sentence telling that no one died: "No fatalities were reported", "no passengers were killed".
_NONE_TOLD = re.compile(r"\b(?:no|nobody|none|neither|without)\b[^.;]{0,40}?\b(?:killed|dead|died|fatalit\w*|"
                        r"deaths|casualt\w*)", re.IGNORECASE)


def coded_fatalities(text: str) -> int | None:
    """The figure a coder's note states ("Fatalities coded as 10", "(fatalities: 5)"), shared when it is
    split between events ("... coded as 10 and split between 3 locations": 3), or the note's counted
    deaths split ("4 people were killed. Fatalities split between 2 events.": 2); None without such a note.

    Example:
        >>> coded_fatalities("Clashes left several dead. Unknown fatalities coded as 10, split between 2 events.")
        5
    """
    stated = _coded_pattern().search(text)
    split = _split_pattern().search(text)
    if stated is None and split is None:
        return None
    if stated is not None:
        total = _to_int(next(g for g in stated.groups() if g))
    else:
        total = sum((sentence_toll(s) for s in re.split(r"(?<=[.!?])\s+", text)), Toll()).figure()
    if total is None:
        return None
    parts = _to_int(split.group("k")) if split is not None else 1
    return round(total / parts) if parts else total


def _told_after(sent: Span) -> list[Span]:
    """The sentences after ``sent`` in its paragraph (:func:`timeline.nlp.sentences_after`), up to one that
    carries a date of its own or tells of another incident."""
    after: list[Span] = []
    for later in sentences_after(sent, rules()["toll_sentences_after"]):
        if _own_date(later) or _another_incident(later):
            break
        after.append(later)
    return after


def _own_date(sent: Span) -> bool:
    """Whether a sentence names a day or a year of its own ("On 4 May, ...", "on Monday", "in 2009")."""
    return _day_named().search(span_text(sent)) is not None or any(
        e.label_ == "DATE" and any(t.like_num for t in e) for e in ents_in(sent))


@lru_cache(maxsize=1)
def _day_named() -> re.Pattern[str]:
    return re.compile(expand_slots(r"\b(?:\d{1,2}\s+{MONTH}|{MONTH}\s+\d{1,2}\b|{WD}|(?:1[89]|20)\d\d\b)"),
                      re.IGNORECASE)


def _another_incident(sent: Span) -> bool:
    """Whether a sentence tells of another incident ("In a separate attack, ...", "Meanwhile, ...")."""
    return _another_incident_words().search(span_text(sent)) is not None


@lru_cache(maxsize=1)
def _another_incident_words() -> re.Pattern[str]:
    words = _alternation(rules()["another_incident_words"])
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def _told_earlier(text: str, end: int) -> bool:
    """Whether the clause of a death tells an earlier time of its own ("cultists who killed a resident earlier
    that day", "the killing of a citizen in mid-April"): another event, the cause of this one."""
    clause = re.split(r"[,.;]", text[end:], maxsplit=1)[0]
    return _EARLIER.search(clause) is not None


#: The marks of a time before another told: "earlier that day", "the day before", "in mid-April" (not "last
#: week" or "two days ago", which may date the event itself from the publication).
_EARLIER = re.compile(r"\b(?:earlier (?:that|in the) (?:day|night|week|month)|the (?:day|night|week) before|"
                      r"the previous (?:day|night|week|month)|(?:hours?|days?|weeks?|months?) (?:before|earlier)|"
                      r"in mid-[A-Z]\w+)\b")


def _running_tally(sentence: str) -> bool:
    """A death toll summed over a war or a period ("have been killed since April", "has recorded 1,000
    deaths this year", "a war that killed 100,000 people")."""
    if _WAR_TOLL.search(sentence):
        return True
    return _running_tally_words().search(sentence) is not None and _TALLY_VERB.search(sentence) is not None


@lru_cache(maxsize=1)
def _running_tally_words() -> re.Pattern[str]:
    """The words of a period a toll is summed over ("since", "this year"), as one whole-word pattern."""
    words = "|".join(re.escape(w) for w in sorted(rules()["running_tally_words"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


#: A war's or an epidemic's toll: "the war has killed", "a conflict that killed 100,000 people".
_WAR_TOLL = re.compile(r"\b(?:war|wars|conflict|insurgency|pandemic|epidemic)\b(?:\s+[\w,'-]+){0,8}?\s+"
                       r"(?:has\s+|have\s+|had\s+)?(?:killed|claimed)\b", re.IGNORECASE)
#: The verbs of a sum over time: "have been killed", "has died", "has recorded 1,000 deaths", "death toll".
_TALLY_VERB = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?(?:killed|died)\b|\bdeath toll\b|"
                         r"\b(?:has|have|had)\s+(?:registered|recorded|reported|confirmed|counted)\b", re.IGNORECASE)


def _subject_toll(match: re.Match[str], text: str) -> Toll:
    """The deaths of "one soldier and two fighters were killed", "Two civilians died", "23 rebels dead"."""
    return _phrase_toll(match.group("subject"), pronouns=True)


def _object_toll(match: re.Match[str], text: str) -> Toll:
    """The deaths of "killed 4 civilians", "killing the father and a son", "killing and injuring several"."""
    rest = text[match.end():]
    if re.match(r"\s+and\s+(?:injur|wound)\w*", rest, re.IGNORECASE):
        return Toll(vague=True)  # "killing and injuring 12": how many died is not told
    rest = re.sub(r"^\s+of\b", "", rest)  # "the killing of a person"
    end = _object_end().search(rest)
    phrase = rest[: end.start()] if end else rest
    return _phrase_toll(phrase, pronouns=True)


def _noun_toll(match: re.Match[str], text: str) -> Toll:
    """The deaths of "resulting in the death of a man", "3 fatalities", "the body of a woman"."""
    if match.group("count"):
        stated = _phrase_toll(match.group("count"), pronouns=False)
        return Toll(total=stated.count, vague=stated.vague)
    rest = text[match.end():]
    end = _object_end().search(rest)
    return _phrase_toll(rest[: end.start()] if end else rest, pronouns=True)


def _range_toll(match: re.Match[str], text: str) -> Toll:
    """The lowest figure of "reports on fatalities range from 2 to 4", "killed between 5 and 10 people"."""
    told = (match.group("range") or match.group("before")).lower()
    value = _lowest(told, re.match(_number_alternation(), told))
    return Toll(count=value) if value else Toll()


def _phrase_toll(phrase: str, *, pronouns: bool) -> Toll:
    """The sum of the counts leading a noun phrase's conjuncts ("a man and two children": 3)."""
    toll = Toll()
    parts = re.split(r"\s*(?<!\d),\s*|,(?!\d{3}\b)\s*|\s+and\s+|\s+as well as\s+", phrase.strip())
    for part in parts:
        found = _conjunct_toll(part.strip(), pronouns=pronouns)
        if found.floor and len(parts) > 1:
            found = Toll(count=1)  # "the father and a son": a list names different people
        toll += found
    return toll


def _conjunct_toll(part: str, *, pronouns: bool) -> Toll:
    words = re.sub(rf"^{_QUALIFIER}", "", part.lower().strip(" \"'")).strip()
    if not words:
        return Toll()
    number = _number_prefix().match(words)
    if number is not None:
        value = _lowest(words, number)
        return Toll(count=value) if value is not None else Toll()
    if re.match(r"(?:a|an)\s+(?!number\b|total\b|unknown\b|unspecified\b|few\b)\w", words):
        return Toll(count=1)
    if any(words.startswith(w) for w in rules()["unquantified_counts"]):
        return Toll(vague=True)
    if re.match(r"(?:the|his|her|their|its)\s+\w+", words):
        head = words.split()[1]
        return Toll(floor=True) if not head.endswith("s") or head.endswith("ss") else Toll(vague=True)
    if pronouns and re.match(r"(?:him|her|he|she)\b", words):
        return Toll(floor=True)
    return Toll()


def _lowest(words: str, number: re.Match[str]) -> int | None:
    """The lowest figure of "2 to 4", "between 2 and 4", "2 or 3", "2-4" (the ACLED codebook's rule)."""
    first = _to_int(number.group(0))
    other = re.match(rf"\s*(?:to|or|and|-|–)\s*({_number_alternation()})\b", words[number.end():])
    if other is not None and first is not None:
        second = _to_int(other.group(1))
        return min(first, second) if second is not None else first
    return first


def _to_int(word: str) -> int | None:
    """The value of a digit string, a number word ("twenty-one" too) or a vague count ("dozens": 12)."""
    word = word.lower().strip().replace(",", "")
    if word.isdigit():
        return int(word)
    table = rules()["number_words"] | {"a": 1, "an": 1}
    if word in table:
        return int(table[word])
    vague = rules()["vague_counts"]
    if word in vague:
        return int(vague[word])
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in table and unit in table:
            return int(table[tens]) + int(table[unit])
    return None


@lru_cache(maxsize=1)
def _number_alternation() -> str:
    words = sorted(list(rules()["number_words"]) + list(rules()["vague_counts"]), key=len, reverse=True)
    named = "|".join(re.escape(w) for w in words)
    return rf"\d[\d,]*|(?:{named})(?:-(?:{named}))?"


@lru_cache(maxsize=1)
def _object_end() -> re.Pattern[str]:
    """Where a noun phrase read after a killing verb ends: a punctuation mark, a preposition, a relative
    pronoun or another verb ("killed 4 civilians in Ngoupou", "killing a man and injuring 3")."""
    number = _number_alternation()
    return re.compile(
        r"(?<!\d),|,(?!\d{3}\b)|[.;:()\[\]]|\s(?:in|at(?!\s+least)|near|on|from|during|while|when|after|before|who|whom|which|as|by|"
        rf"with|inside|outside|along|across|including|among|between(?!\s+(?:{number})\b)|"
        r"and\s+(?!a\b|an\b|one\b|the\b|\d)\w+(?:ed|ing))\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _range_pattern() -> re.Pattern[str]:
    """A death toll given as a range ("fatalities range from 2 to 4", "killed between 5 and 10")."""
    n = _number_alternation()
    return re.compile(rf"\b(?:fatalit\w*|deaths|death toll|killed|killing|dead)\b[^.;]*?\b(?:ranges?\s+from|"
                      rf"between|from)\s+(?P<range>(?:{n})\s+(?:and|to|or)\s+(?:{n}))\b|"
                      rf"\b(?:between|from)\s+(?P<before>(?:{n})\s+(?:and|to)\s+(?:{n}))\b(?=[^.;]*\b(?:killed|dead|died)\b)",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _number_prefix() -> re.Pattern[str]:
    return re.compile(rf"(?:{_number_alternation()})\b(?!\s*(?:%|percent|km|kilomet|metres|meters|miles|"
                      rf"years?|hours?|days?|o'clock|am\b|pm\b|a\.m|p\.m|vehicles|houses|homes|villages))",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _death_words() -> re.Pattern[str]:
    return re.compile(_alternation(rules()["death_word_stems"]), re.IGNORECASE)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _active_pattern() -> re.Pattern[str]:
    """A killing verb with its object after it ("shot dead a member", "killing 3")."""
    verbs = [w for w in rules()["killing_verbs"] if not w.endswith("ed") or " " in w or w in (
        "killed", "executed", "beheaded", "assassinated", "murdered", "lynched", "massacred", "slaughtered")]
    return re.compile(rf"(?<!\bto\s)\b(?:{_alternation(verbs)})\b(?!\s+(?:by|in|on|at(?!\s+least)|during|when|after|while|as)\b)"
                      r"(?:\s+(?:reportedly|allegedly|also))?", re.IGNORECASE)


@lru_cache(maxsize=1)
def _passive_pattern() -> re.Pattern[str]:
    """A counted subject before a dying word ("Two civilians were reportedly killed", "23 rebels dead")."""
    lead = rf"(?:{_QUALIFIER}(?:{_number_alternation()}|an?|one)|he|she)\b"
    filler = rf"(?:\s+(?!{_NOT_IN_SUBJECT}\b)[\w'/-]+){{0,5}}"
    subject = rf"{lead}{filler}(?:\s*,?\s+and\s+{lead}{filler})*"
    aux = r"(?:\s+(?:were|was|have\s+been|had\s+been|has\s+been|are|is|got|being))?"
    adverb = r"(?:\s+(?:reportedly|allegedly|also|later|subsequently|all|both|instantly|immediately|confirmed))*"
    dying = _alternation(rules()["dying_words"])
    # "3 militants were killed, injured or captured": how many died is not told
    return re.compile(rf"(?<![\w-])(?<!no\s)(?P<subject>{subject}){aux}{adverb}\s+(?:{dying})\b"
                      r"(?!\s*(?:,|and|or)\s*(?:injured|wounded|arrested|captured)\s*(?:,|and|or))", re.IGNORECASE)


@lru_cache(maxsize=1)
def _noun_pattern() -> re.Pattern[str]:
    """A count of deaths told by a noun ("3 fatalities", "the death of a man", "the bodies of 2 men")."""
    lead = rf"{_QUALIFIER}(?:{_number_alternation()})"
    nouns = _alternation(rules()["death_nouns"])
    counted = rf"{lead}(?:\s+[\w-]+)?(?:\s+and\s+{lead}(?:\s+[\w-]+)?)*"
    return re.compile(rf"(?<![\w-])(?P<count>{counted})\s+(?:{nouns})\b(?!\s+(?:and\s+injuries\s+)?"
                      rf"(?:were\s+)?(?:coded|split|spread))|\bdeaths?\s+of\b(?P<none>)|"
                      rf"\b(?:bod(?:y|ies)|corpses?)\s+of\b(?=[^.;]*\b(?:was|were)\s+(?:later\s+)?"
                      rf"(?:found|discovered|recovered|retrieved)\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _coded_pattern() -> re.Pattern[str]:
    n = rf"(?P<n>{_number_alternation()})"
    return re.compile(rf"\bfatalit\w*(?:\s+and\s+injuries)?\s+(?:were\s+|was\s+|are\s+)?coded\s+as\s+{n}\b|"
                      rf"\bcoded\s+as\s+{n.replace('<n>', '<n2>')}\s+fatalit|\(fatalities:\s*{n.replace('<n>', '<n3>')}",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _split_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:split|spread|divided|coded)(?:\s+up)?\s+(?:between|across|among|over)\s+"
                      rf"(?P<k>{_number_alternation()})\s+(?:\w+\s+)?(?:events|locations|days|incidents|areas|"
                      rf"fronts|frontlines|villages)\b", re.IGNORECASE)
