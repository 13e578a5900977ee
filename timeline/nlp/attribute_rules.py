""":mod:`timeline.nlp.attribute_rules`: the model's ``attribute_ruler``, with its matches found by lookup.

spaCy's ``attribute_ruler`` (the tag map and morph rules of ``en_core_web_sm``: some 180 patterns
of one or two tokens) runs a ``Matcher`` that tries every pattern at every token, about a seventh
of the pipeline's time. :class:`IndexedAttributeRuler` is the same component (same patterns, same
annotation step, same saving and loading) whose ``match`` finds exactly the matches of that
``Matcher`` by looking each token's values up: every pattern is indexed on one of its tokens'
required values (a ``TAG``, a ``LOWER`` word, a set of ``DEP`` labels), and only the patterns
indexed on a token's value are checked there. Patterns it cannot index (operators, other
attributes) make it fall back to spaCy's ``Matcher``.

Example:
    >>> nlp = load_nlp()  # doctest: +SKIP
    >>> type(nlp.get_pipe("attribute_ruler")).__name__  # doctest: +SKIP
    'IndexedAttributeRuler'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

#: The Doc array columns the tests read: a pattern may test these token attributes to be indexed.
COLUMNS = (TAG, LOWER, ORTH, DEP, IS_SPACE)
#: A pattern's attribute name -> its column in :data:`COLUMNS`.
COLUMN_OF = {"TAG": 0, "LOWER": 1, "ORTH": 2, "TEXT": 2, "DEP": 3, "IS_SPACE": 4}
#: A token test: (column, test of the value the Doc array holds there).
Test = tuple[int, Callable[[int], bool]]
#: A pattern ready to check: (rule number, matcher key, tokens, each a list of tests).
Pattern = tuple[int, int, list[list[Test]]]
#: A match as spaCy's ``AttributeRuler.match`` gives it: (rule number, matcher key, start, end).
Match = tuple[int, int, int, int]


@dataclass
class Index:
    """The patterns of an :class:`IndexedAttributeRuler`, ready to look up."""

    #: Per column of :data:`COLUMNS`: value -> ``[(position of the token that must have it, pattern)]``;
    #: a one-token pattern whose only test is that value is kept with no tokens (nothing else to check).
    by_value: list[dict[int, list[tuple[int, Pattern]]]] = field(
        default_factory=lambda: [{} for _ in COLUMNS]
    )
    #: The patterns with no plain required value (a ``REGEX`` only), tried where their first token passes.
    anywhere: list[Pattern] = field(default_factory=list)


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler`` whose matches are found by indexed lookup (see the module)."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._index: Index | None = None
        self._indexed_rules = -1

    def clear(self) -> None:
        """Remove every pattern (and the index built on them)."""
        super().clear()
        self._indexed_rules = -1

    def match(self, doc: Doc) -> list[Match]:
        """The matches of spaCy's ``AttributeRuler.match``, sorted the same way (later rules win)."""
        index = self._pattern_index()
        if index is None:
            return super().match(doc)  # type: ignore[no-any-return]
        return sorted(_indexed_matches(doc, index))

    def set_annotations(self, doc: Doc, matches: list[Match]) -> None:
        """Set each match's attributes on its token, as spaCy's ``set_annotations`` does, without building
        a Span per match (a rule's token index outside its match is left to spaCy, which raises)."""
        for number, _, start, end in matches:
            index = self.indices[number]
            position = (start if index >= 0 else end) + index
            if not start <= position < end:  # spaCy sets the matches before this one again, then raises
                super().set_annotations(doc, matches)  # type: ignore[no-untyped-call]
                return
            set_token_attrs(doc[position], self.attrs[number])

    def _pattern_index(self) -> Index | None:
        """The patterns indexed on one required value each, rebuilt when patterns were added; ``None``
        when some pattern cannot be indexed."""
        if self._indexed_rules != len(self.attrs):
            self._index = _build_index(self.vocab, (
                (number, self.vocab.strings[str(number)], pattern)
                for number in range(len(self.attrs)) for pattern in self.matcher.get(str(number))[1]
            ))
            self._indexed_rules = len(self.attrs)
        return self._index


def _build_index(vocab: Vocab, patterns: Iterable[tuple[int, int, list[dict[str, Any]]]]) -> Index | None:
    """The patterns indexed on a required value each (those with none go to ``anywhere``), or
    ``None`` if a pattern has a token test this module does not read (then spaCy's ``Matcher`` is used)."""
    index = Index()
    for number, key, tokens in patterns:
        parsed = [_token_tests(vocab, token) for token in tokens]
        tests = [t for t in parsed if t is not None]
        if not tokens or len(tests) != len(tokens):
            return None
        anchor = _anchor(tokens)
        if anchor is None:
            index.anywhere.append((number, key, tests))
            continue
        position, column, values = anchor
        only_test = len(tests) == 1 and len(tests[0]) == 1  # the anchor: nothing left to check
        for value in values:
            pattern = (number, key, [] if only_test else tests)
            index.by_value[column].setdefault(value, []).append((position, pattern))
    return index


def _token_tests(vocab: Vocab, token: dict[str, Any]) -> list[Test] | None:
    """The tests of one token pattern (``{"TAG": "NN", "DEP": {"IN": [...]}}``), as the ``Matcher``
    reads them, or ``None`` for an operator or an attribute this module does not read."""
    tests: list[Test] = []
    for name, value in token.items():
        column = COLUMN_OF.get(name.upper())
        test = None if column is None else _value_test(vocab, value)
        if test is None or column is None:
            return None
        tests.append((column, test))
    return tests


def _value_test(vocab: Vocab, value: Any) -> Callable[[int], bool] | None:
    """A test of a value read from the Doc array, as the ``Matcher`` compares: a string by its id,
    ``True``/``False`` as 1/0, ``IN``/``NOT_IN`` by string ids, ``REGEX`` on the string."""
    if isinstance(value, bool):
        return int(value).__eq__
    if isinstance(value, str):
        return vocab.strings.add(value).__eq__
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (predicate, argument), = value.items()
    if predicate == "IN":
        return frozenset(get_string_id(v) for v in argument).__contains__
    if predicate == "NOT_IN":
        excluded = frozenset(get_string_id(v) for v in argument)
        return lambda found: found not in excluded
    if predicate == "REGEX":
        pattern = re.compile(argument)
        return lambda found: bool(pattern.search(vocab.strings[found]))
    return None


def _anchor(tokens: list[dict[str, Any]]) -> tuple[int, int, list[int]] | None:
    """A required value to index a pattern on: ``(token position, column, values)`` from the first
    plain value or ``IN`` list of the pattern's tokens (``LOWER`` words first, the rarest)."""
    tests = [(position, name.upper(), value)
             for position, token in enumerate(tokens) for name, value in token.items()]
    ranked = sorted(tests, key=lambda item: item[1] != "LOWER")
    for position, name, value in ranked:
        if isinstance(value, (str, bool)):
            return position, COLUMN_OF[name], [_id(value)]
        if isinstance(value, dict) and list(value) == ["IN"]:
            return position, COLUMN_OF[name], [get_string_id(v) for v in value["IN"]]
    return None


def _id(value: str | bool) -> int:
    """The id the Doc array holds for a plain pattern value (a string's id; 1 or 0 for a flag)."""
    return int(value) if isinstance(value, bool) else get_string_id(value)


def _indexed_matches(doc: Doc, index: Index) -> set[Match]:
    """``(rule number, key, start, end)`` of every pattern that matches, read off the Doc's columns."""
    if not len(doc):
        return set()
    rows = doc.to_array(list(COLUMNS)).tolist()
    tables = [(column, table) for column, table in enumerate(index.by_value) if table]
    found: set[Match] = set()
    for i, row in enumerate(rows):
        for column, table in tables:
            for position, (number, key, tokens) in table.get(row[column], ()):
                if not tokens:
                    found.add((number, key, i, i + 1))
                elif _matches_at(rows, i - position, tokens):
                    found.add((number, key, i - position, i - position + len(tokens)))
    for number, key, tokens in index.anywhere:
        found.update((number, key, i, i + len(tokens))
                     for i in _first_token_passes(rows, tokens[0]) if _matches_at(rows, i, tokens))
    return found


def _first_token_passes(rows: list[list[int]], tests: list[Test]) -> list[int]:
    """The tokens that pass a pattern's first-token tests, each test run once per value the Doc has
    (a ``REGEX`` reads the string of every distinct word once, not of every token)."""
    passing = [(column, {value for value in {row[column] for row in rows} if test(value)})
               for column, test in tests]
    return [i for i, row in enumerate(rows) if all(row[column] in values for column, values in passing)]


def _matches_at(rows: list[list[int]], start: int, tokens: list[list[Test]]) -> bool:
    """Whether the tokens from ``start`` pass a pattern's token tests."""
    if start < 0 or start + len(tokens) > len(rows):
        return False
    for row, tests in zip(rows[start : start + len(tokens)], tokens, strict=True):
        for column, test in tests:
            if not test(row[column]):
                return False
    return True


@Language.factory(
    "tl_attribute_ruler",
    default_config={"validate": False},
)
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    """The ``tl_attribute_ruler`` factory: an empty :class:`IndexedAttributeRuler` (its patterns come from
    the saved pipeline, or from the model's ``attribute_ruler`` through :func:`indexed_attribute_ruler`)."""
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def indexed_attribute_ruler(nlp: Language) -> None:
    """Put an :class:`IndexedAttributeRuler` with the same patterns in place of the model's
    ``attribute_ruler`` (a pipeline without one, or with another kind, is left as it is)."""
    name = "attribute_ruler"
    if name not in nlp.pipe_names or type(nlp.get_pipe(name)) is not AttributeRuler:
        return
    patterns = nlp.get_pipe(name).patterns  # type: ignore[attr-defined]
    ruler = nlp.replace_pipe(name, "tl_attribute_ruler")
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
