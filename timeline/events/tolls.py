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

The regexes are data (``resources/en/toll_patterns.jsonl``: one a line, with slots and examples); the words
they list come from ``lexicon/numbers.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Span

from .. import resources
from ..nlp import doc_text, ents_in, per_doc, sentences_after, span_text
from ..temporal.lexicon import expand_slots, has_odd_case_folds
from .rules import rules

#: The toll regexes, one a line with their slots and examples (``resources/en/toll_patterns.jsonl``).
PATTERN_FILE = "toll_patterns.jsonl"
_SLOT = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")

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
    text = pattern("cause").sub(" ", pattern("subset").sub(" ", pattern("calendar_day").sub(" ", sentence)))
    toll = Toll()
    taken: list[tuple[int, int]] = []
    for reading, reader in ((pattern("range"), _range_toll), (pattern("passive"), _subject_toll),
                            (pattern("active"), _object_toll), (pattern("noun"), _noun_toll)):
        for match in reading.finditer(text):
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
    if pattern("none_told").search(own):
        return toll.figure()  # "no passengers were killed during the operation": the next deaths are others'
    for later in _told_after(sent) if told_next else ():
        toll += sentence_toll(span_text(later))
    return toll.figure()


def coded_fatalities(text: str) -> int | None:
    """The figure a coder's note states ("Fatalities coded as 10", "(fatalities: 5)"), shared when it is
    split between events ("... coded as 10 and split between 3 locations": 3), or the note's counted
    deaths split ("4 people were killed. Fatalities split between 2 events.": 2); None without such a note.

    Example:
        >>> coded_fatalities("Clashes left several dead. Unknown fatalities coded as 10, split between 2 events.")
        5
    """
    stated = search("coded", text)
    split = search("split", text)
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
    return pattern("day_named").search(span_text(sent)) is not None or any(
        e.label_ == "DATE" and any(t.like_num for t in e) for e in ents_in(sent))


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
    return pattern("earlier").search(clause) is not None


def _running_tally(sentence: str) -> bool:
    """A death toll summed over a war or a period ("have been killed since April", "has recorded 1,000
    deaths this year", "a war that killed 100,000 people")."""
    if pattern("war_toll").search(sentence):
        return True
    return _running_tally_words().search(sentence) is not None and pattern("tally_verb").search(sentence) is not None


@lru_cache(maxsize=1)
def _running_tally_words() -> re.Pattern[str]:
    """The words of a period a toll is summed over ("since", "this year"), as one whole-word pattern."""
    words = "|".join(re.escape(w) for w in sorted(rules()["running_tally_words"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def _subject_toll(match: re.Match[str], text: str) -> Toll:
    """The deaths of "one soldier and two fighters were killed", "Two civilians died", "23 rebels dead"."""
    return _phrase_toll(match.group("subject"), pronouns=True)


def _object_toll(match: re.Match[str], text: str) -> Toll:
    """The deaths of "killed 4 civilians", "killing the father and a son", "killing and injuring several"."""
    rest = text[match.end():]
    if re.match(r"\s+and\s+(?:injur|wound)\w*", rest, re.IGNORECASE):
        return Toll(vague=True)  # "killing and injuring 12": how many died is not told
    rest = re.sub(r"^\s+of\b", "", rest)  # "the killing of a person"
    end = pattern("object_end").search(rest)
    phrase = rest[: end.start()] if end else rest
    return _phrase_toll(phrase, pronouns=True)


def _noun_toll(match: re.Match[str], text: str) -> Toll:
    """The deaths of "resulting in the death of a man", "3 fatalities", "the body of a woman"."""
    if match.group("count"):
        stated = _phrase_toll(match.group("count"), pronouns=False)
        return Toll(total=stated.count, vague=stated.vague)
    rest = text[match.end():]
    end = pattern("object_end").search(rest)
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
    words = re.sub(rf"^{fragment('QUALIFIER')}", "", part.lower().strip(" \"'")).strip()
    if not words:
        return Toll()
    number = pattern("number_prefix").match(words)
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
def _death_words() -> re.Pattern[str]:
    return re.compile(_alternation(rules()["death_word_stems"]), re.IGNORECASE)


def _alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=1)
def _records() -> dict[str, dict[str, Any]]:
    """The records of :data:`PATTERN_FILE` by name (read once by :func:`timeline.resources.load`)."""
    return {r["name"]: r for r in resources.load(PATTERN_FILE, lang="en") if "name" in r}


@cache
def fragment(name: str) -> str:
    """The regex source of a record of :data:`PATTERN_FILE` with its ``{SLOT}``s filled: other fragments,
    the word slots built from the lexicon (:func:`_word_slots`), then the temporal slots (``{MONTH}``).

    Raises:
        KeyError: ``name`` or a slot it uses is not defined.
    """
    words, records = _word_slots(), _records()

    def fill(slot: re.Match[str]) -> str:
        return fragment(slot[1]) if slot[1] in records else words.get(slot[1], slot[0])

    return expand_slots(_SLOT.sub(fill, records[name]["pattern"]))


@cache
def pattern(name: str) -> re.Pattern[str]:
    """The compiled regex ``name`` of :data:`PATTERN_FILE` (case-insensitive unless it says otherwise)."""
    flags = re.IGNORECASE if _records()[name].get("ignorecase", True) else 0
    return re.compile(fragment(name), flags)


def search(name: str, text: str) -> re.Match[str] | None:
    """``pattern(name).search(text)``, or ``None`` at once when the text holds none of the record's ``needs``
    (the lower-case words one of which every match holds): a case-insensitive regex that opens with ``\\b``
    tries every offset of a whole text, a substring test does not."""
    needs = _records()[name].get("needs")
    if needs and not _may_hold(text, needs):
        return None
    return pattern(name).search(text)


def _may_hold(text: str, words: list[str]) -> bool:
    """Whether a case-insensitive search may find one of the lower-case ``words`` in the text."""
    lower = text.lower()
    if any(word in lower for word in words):
        return True
    return has_odd_case_folds(text)  # a needed word may be there that ``str.lower`` does not show


@lru_cache(maxsize=1)
def _word_slots() -> dict[str, str]:
    """The slots of the toll patterns that list words of ``lexicon/numbers.json``."""
    return {"NUMBER": _number_alternation(), "DYING": _alternation(rules()["dying_words"]),
            "DEATH_NOUNS": _alternation(rules()["death_nouns"]),
            "KILLING_VERBS": _alternation(rules()["killing_verbs"])}
