""":mod:`timeline.events.lexicon`: English word lists stored as lemmas, inflected at load (layer 0).

A lexicon file (``resources/en/lexicon/*.json``) lists words; an entry ``{"noun": "missile"}``
stands for the singular and the plural ("missile", "missiles"), ``{"verb": "launch"}`` for the
forms of the verb ("launch", "launches", "launched", "launching"). A plain string is one word,
kept as written. Regular forms follow the spelling rules of :func:`plural`, :func:`third_person`,
:func:`past` and :func:`gerund`; the rest come from ``resources/en/lexicon/irregular.json``.

Example::

    >>> expand(["icbm", {"noun": "missile"}, {"verb": "take"}])
    ['icbm', 'missile', 'missiles', 'take', 'takes', 'took', 'taken', 'taking']
"""

from __future__ import annotations

import re
from typing import Any

from .. import resources

_SIBILANT = re.compile(r"(?:s|sh|ch|x|z|o)$")
_CONSONANT_Y = re.compile(r"[^aeiou]y$")


def _irregular(kind: str) -> dict[str, Any]:
    table: dict[str, Any] = resources.load("lexicon/irregular.json", lang="en")[kind]
    return table


def plural(noun: str) -> str:
    """The plural of an English noun ("missile" -> "missiles", "casualty" -> "casualties")."""
    irregular = _irregular("nouns")
    if noun in irregular:
        return str(irregular[noun])
    if _CONSONANT_Y.search(noun):
        return noun[:-1] + "ies"
    return noun + "es" if _SIBILANT.search(noun) and not noun.endswith("o") else noun + "s"


def third_person(verb: str) -> str:
    """The third person singular present ("launch" -> "launches", "deny" -> "denies")."""
    if _CONSONANT_Y.search(verb):
        return verb[:-1] + "ies"
    return verb + "es" if _SIBILANT.search(verb) else verb + "s"


def past(verb: str) -> tuple[str, str]:
    """The past tense and the past participle ("seize" -> ("seized", "seized"), "take" -> ("took", "taken")).
    """
    irregular = _irregular("verbs").get(verb)
    if irregular is not None:
        return irregular["past"], irregular.get("participle", irregular["past"])
    if _CONSONANT_Y.search(verb):
        regular = verb[:-1] + "ied"
    else:
        regular = verb + "d" if verb.endswith("e") else verb + "ed"
    return regular, regular


def gerund(verb: str) -> str:
    """The -ing form ("take" -> "taking", "deny" -> "denying", "see" -> "seeing")."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    return verb + "ing"


def verb_forms(verb: str) -> list[str]:
    """The distinct forms of a verb: base, third person, past, participle, -ing."""
    forms = [verb, third_person(verb), *past(verb), gerund(verb)]
    return list(dict.fromkeys(forms))


def expand(entries: list[str | dict[str, str]]) -> list[str]:
    """The words a lexicon list stands for, in order (see the module docstring)."""
    words: list[str] = []
    for entry in entries:
        if isinstance(entry, str):
            words.append(entry)
        elif "noun" in entry:
            words.extend((entry["noun"], plural(entry["noun"])))
        elif "verb" in entry:
            words.extend(verb_forms(entry["verb"]))
        else:
            raise ValueError(f"lexicon entry = {entry!r} is invalid; "
                             "must be a word, {'noun': ...} or {'verb': ...}")
    return words
