""":mod:`timeline.nlp.components`: our pipeline components, registered with spaCy.

``tl_token_edges`` makes an unparsed Doc's trees safe to walk; ``tl_line_sentences``
starts a sentence at every line break and keeps a wire dateline in one piece;
``tl_trigger_ruler`` puts event triggers in ``doc.spans["tl_triggers"]``;
``tl_boilerplate_filter`` drops the triggers on lines that are not article content.

``tl_trigger_ruler`` gives exactly the spans of spaCy's ``span_ruler`` with the same
patterns, faster: spaCy's ``Matcher`` tries every token pattern at every token, so a
token pattern whose first token must be one of a few words is tried only where such
a word is, on a window as long as the pattern can match (:class:`TriggerRuler`).

Example:
    >>> nlp = spacy.blank("en")  # doctest: +SKIP
    >>> ruler = nlp.add_pipe("tl_trigger_ruler")  # doctest: +SKIP
    >>> ruler.add_patterns([{"label": "ATTACK", "pattern": "shelling"}])  # doctest: +SKIP
    >>> [s.text for s in nlp("Shelling hit the port.").spans["tl_triggers"]]  # doctest: +SKIP
    ['Shelling']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.attrs import DEP, HEAD, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.training import Example

from .. import resources
from .cache import doc_text

TRIGGERS_KEY = "tl_triggers"
#: The file a saved :class:`TriggerRuler` keeps its patterns in.
PATTERNS_FILE = "patterns.jsonl"


@Language.component("tl_token_edges")
def token_edges(doc: Doc) -> Doc:
    """Make every token its own left and right edge, first in a pipeline without a parser.

    spaCy's tokenizer copies special-case tokens (a closing quote after "rebels")
    with their edges at 0, and ``Token.rights``, ``.children`` and ``.subtree``
    then read outside the Doc (the process crashes) until a parser sets them.
    Labelled heads make spaCy recompute every edge; the labels and the sentence
    starts this sets are then cleared, so the Doc is left unparsed and unsplit.
    """
    if len(doc):
        heads = numpy.zeros((len(doc), 2), dtype="uint64")
        heads[:, 1] = doc.vocab.strings.add("dep")
        doc.from_array([HEAD, DEP], heads)
        doc.from_array([DEP, SENT_START], numpy.zeros((len(doc), 2), dtype="uint64"))
    return doc


@Language.component("tl_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, datelines and boilerplate stand alone.

    A wire dateline at the head of a line ("GAZA, March 19 (Newswire) -") is one piece,
    and the report's first sentence starts after it: left to itself the parser cuts
    the all-caps place name off and glues the rest of the dateline to the sentence.
    """
    text = doc_text(doc)
    for match in re.finditer(r"\n\s*", text):
        token = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        after = token.end if token is not None else len(doc)
        if 0 < after < len(doc):
            doc[after].is_sent_start = True
    for start, end in subhead_spans(text):
        for edge in (start, end):
            token = doc.char_span(edge, edge + 1, alignment_mode="expand")
            if token is not None and token.start > 0:
                doc[token.start].is_sent_start = True
    datelines = dateline_spans(text)
    if datelines:
        inside = doc.char_span(*datelines[0], alignment_mode="expand")
        for token in inside[1:] if inside is not None else ():
            token.is_sent_start = False
        if inside is not None and inside.end < len(doc):
            doc[inside.end].is_sent_start = True
    return doc


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of wire datelines at the start of a line in the text's head (en/datelines.json)."""
    datelines = resources.load("datelines.json", lang="en")
    head = text[: datelines["dateline_window"]]
    pattern = datelines["dateline_patterns"][0]
    return [(m.start(), m.end()) for m in re.finditer(pattern, head, flags=re.MULTILINE)]


def subhead_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of section headings glued between sentences (en/boilerplate.json ``subhead_note``).

    Example:
        >>> text = "It killed 25 people. Airstrikes kill 50 militants Hours after the siege, troops advanced."
        >>> [text[start:end] for start, end in subhead_spans(text)]
        ['Airstrikes kill 50 militants']
    """
    dangling = frozenset(resources.load("boilerplate.json", lang="en")["dangling_words"])
    return [m.span("head") for m in _subhead_pattern().finditer(text)
            if m.group("head").rsplit(None, 1)[-1].lower() not in dangling]


@lru_cache(maxsize=1)
def _subhead_pattern() -> re.Pattern[str]:
    data = resources.load("boilerplate.json", lang="en")
    openers = "|".join(map(re.escape, data["sentence_openers"]))
    more_words = data["subhead_max_words"] - 1
    word = r"[^\s.!?:;,\"“”]"
    return re.compile(rf"(?<=[.!?])[\"”’]?[ \t]+(?P<head>[A-Z]{word}*(?:[ \t]+{word}+){{0,{more_words}}})"
                      rf"[ \t]+(?:{openers})[ \t]+(?=[a-z0-9])")


@lru_cache(maxsize=1)
def _boilerplate_lines() -> re.Pattern[str]:
    patterns = resources.load("boilerplate.json", lang="en")["line_patterns"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)


@Language.component("tl_boilerplate_filter")
def boilerplate_filter(doc: Doc) -> Doc:
    """Drop event triggers on lines that are not article content (teasers, tags, share buttons)."""
    text = doc_text(doc)
    lines = [(m.start(), m.end()) for m in _boilerplate_lines().finditer(text)] + subhead_spans(text)
    if lines and TRIGGERS_KEY in doc.spans:
        doc.spans[TRIGGERS_KEY] = [
            span for span in doc.spans[TRIGGERS_KEY]
            if not any(start <= span.start_char < end for start, end in lines)
        ]
    return doc


#: First-token attributes a pattern can be anchored on, with the Doc array column they read.
ANCHOR_ATTRS = {"LOWER": LOWER, "TEXT": ORTH, "ORTH": ORTH}
#: Repetition operators with no upper bound: such patterns are tried at every token.
UNBOUNDED_OPS = ("*", "+")


class TriggerRuler:
    """spaCy's ``span_ruler`` (phrase and token patterns, spans in ``doc.spans[spans_key]``), anchored.

    The spans are those ``span_ruler`` gives with the same patterns: every match of
    every pattern, deduplicated, sorted, labelled with the pattern's ``label`` and ``id``.
    A token pattern whose first token is a plain ``LOWER``/``TEXT`` value or ``IN`` list
    (no operator) and whose length is bounded is run, alone, only on the tokens ``i`` that
    carry one of those values, over ``doc[i : i + longest]``, keeping the matches that
    start at ``i``; the other token patterns run on the whole Doc, as in ``span_ruler``.
    Phrase patterns are tokenized only (``nlp.make_doc``), so ``phrase_matcher_attr`` is a
    tokenizer attribute such as ``LOWER`` or ``ORTH``.
    An anchored pattern with a counted gap (``{"OP": "{0,16}"}``) is matched without spaCy's
    ``Matcher`` walking it: spaCy unrolls the gap into optional tokens and follows every way of
    skipping them (10 ms a window for ``{0,16}``); here one ``Matcher`` of the pattern's tokens,
    each alone and without its operator, tells which tokens of the window pass each token's tests,
    and the ends the pattern reaches from the window's first token are counted through them
    (:func:`counted_ends`): the same matches.
    """

    def __init__(self, nlp: Language, *, spans_key: str, phrase_matcher_attr: str) -> None:
        self.nlp, self.key, self.phrase_matcher_attr = nlp, spans_key, phrase_matcher_attr
        self.clear()

    def clear(self) -> None:
        """Remove every pattern."""
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr=self.phrase_matcher_attr, validate=True)
        self.anywhere = Matcher(self.nlp.vocab, validate=True)
        #: One matcher per other token pattern that needs words (``LOWER``/``TEXT`` values or ``IN``
        #: lists): ``(matcher, [(attribute, the words)])``, run only on a Doc that has one of each.
        self.guarded: list[tuple[Matcher, list[tuple[int, frozenset[int]]]]] = []
        #: One matcher per anchored pattern, with the most tokens the pattern can match.
        self.anchored: list[tuple[Matcher, int]] = []
        #: attribute -> first-token value (hash) -> the anchored patterns that can start there.
        self.anchors: dict[int, dict[int, list[int]]] = {}
        #: anchored pattern -> its key, a matcher of its tokens one by one, and each token's bounds
        #: (patterns with a counted gap, matched by :func:`counted_ends`).
        self.counted: dict[int, tuple[int, Matcher, list[tuple[int, int]]]] = {}
        self.patterns: list[dict[str, Any]] = []
        self._labels: dict[int, tuple[str, str]] = {}

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add ``{"label", "pattern", "id"}`` patterns: a string (phrase) or a list of token dicts."""
        for entry in patterns:
            label, pattern_id = str(entry["label"]), str(entry.get("id", ""))
            key = repr((label, pattern_id))
            self._labels[self.nlp.vocab.strings.add(key)] = (label, pattern_id)
            pattern = entry["pattern"]
            if isinstance(pattern, str):
                self.phrase_matcher.add(key, [self.nlp.make_doc(pattern)])
            elif isinstance(pattern, list):
                self._add_token_pattern(key, pattern)
            else:
                raise ValueError(
                    f"`pattern` value = {pattern!r} is invalid; value must be a string or a list"
                )
            self.patterns.append(entry)

    def _add_token_pattern(self, key: str, pattern: list[dict[str, Any]]) -> None:
        anchor, length = first_token_values(pattern), longest_match(pattern)
        if anchor is None or length is None:
            needed = needed_words(pattern)
            if not needed:
                self.anywhere.add(key, [pattern])
                return
            matcher = Matcher(self.nlp.vocab, validate=True)
            matcher.add(key, [pattern])
            strings = self.nlp.vocab.strings
            self.guarded.append((matcher, [(attr, frozenset(strings.add(v) for v in values))
                                           for attr, values in needed]))
            return
        matcher = Matcher(self.nlp.vocab, validate=True)
        matcher.add(key, [pattern])
        self.anchored.append((matcher, length))
        bounds = counted_bounds(pattern)
        if bounds is not None:
            tokens = Matcher(self.nlp.vocab, validate=True)
            for number, token in enumerate(pattern):
                tokens.add(str(number), [[{name: value for name, value in token.items() if name != "OP"}]])
            self.counted[len(self.anchored) - 1] = (self.nlp.vocab.strings.add(key), tokens, bounds)
        attr, values = anchor
        for value in values:
            self.anchors.setdefault(attr, {}).setdefault(self.nlp.vocab.strings.add(value), []).append(
                len(self.anchored) - 1
            )

    def __len__(self) -> int:
        return len(self.patterns)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Iterable[dict[str, Any]] | None = None,
    ) -> None:
        """spaCy's ``nlp.initialize()`` hook: replace the patterns with ``patterns`` when given
        (``[initialize.components.tl_trigger_ruler.patterns]`` in a training config)."""
        if patterns is not None:
            self.clear()
            self.add_patterns(patterns)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The patterns, as ``nlp.to_bytes()`` stores them."""
        return srsly.msgpack_dumps({PATTERNS_FILE: self.patterns})  # type: ignore[no-any-return]

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> TriggerRuler:
        """Replace the patterns with those of :meth:`to_bytes`."""
        self.clear()
        self.add_patterns(srsly.msgpack_loads(data)[PATTERNS_FILE])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the patterns to ``path/patterns.jsonl`` when ``nlp.to_disk()`` saves the pipeline."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(folder / PATTERNS_FILE, self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TriggerRuler:
        """Replace the patterns with those of :meth:`to_disk` (``spacy.load`` calls it)."""
        self.clear()
        self.add_patterns(srsly.read_jsonl(Path(path) / PATTERNS_FILE))
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Put the sorted, deduplicated matches in ``doc.spans[spans_key]``."""
        matchers: list[Matcher | PhraseMatcher] = [self.phrase_matcher, self.anywhere]
        matchers.extend(self._guarded_matchers(doc))
        matches = [match for matcher in matchers if len(matcher) for match in matcher(doc)]
        for start, pattern in self._anchored_starts(doc):
            matcher, length = self.anchored[pattern]
            window = doc[start : start + length]
            if pattern in self.counted:
                key, tokens, bounds = self.counted[pattern]
                passing: list[set[int]] = [set() for _ in bounds]
                for number, begin, _ in tokens(window):
                    passing[int(self.nlp.vocab.strings[number])].add(begin)
                ends = counted_ends(passing, bounds, len(window))
                matches.extend((key, start, start + end) for end in ends)
                continue
            matches.extend((key, start, start + end) for key, begin, end in matcher(window) if begin == 0)
        spans = {
            Span(doc, start, end, label=self._labels[key][0], span_id=self._labels[key][1])
            for key, start, end in matches
            if start != end
        }
        doc.spans[self.key] = sorted(spans)
        return doc

    def _guarded_matchers(self, doc: Doc) -> list[Matcher]:
        """The matchers of :attr:`guarded` whose needed words the Doc has, one of each set (the others
        cannot match)."""
        if not self.guarded or not len(doc):
            return []
        attrs: list[int | str] = sorted({attr for _, needed in self.guarded for attr, _ in needed})
        columns = doc.to_array(attrs).reshape(len(doc), len(attrs))
        present = {attr: set(columns[:, column].tolist()) for column, attr in enumerate(attrs)}
        return [matcher for matcher, needed in self.guarded
                if all(not values.isdisjoint(present[attr]) for attr, values in needed)]

    def _anchored_starts(self, doc: Doc) -> Iterable[tuple[int, int]]:
        """``(token index, anchored pattern)`` for each token that an anchored pattern can start on."""
        if not self.anchors or not len(doc):
            return
        attrs = list(self.anchors)
        columns = doc.to_array(attrs).reshape(len(doc), len(attrs))
        for column, attr in enumerate(attrs):
            by_value = self.anchors[attr]
            for start, value in enumerate(columns[:, column].tolist()):
                for pattern in by_value.get(value, ()):
                    yield start, pattern


def first_token_values(pattern: list[dict[str, Any]]) -> tuple[int, list[str]] | None:
    """The attribute and the values a token pattern's first token must have, if it is that simple.

    ``[{"LOWER": {"IN": ["war", "fighting"]}}, ...]`` gives ``(LOWER, ["war", "fighting"])``;
    a first token with an operator, another attribute or a second key gives ``None``.
    """
    if not pattern or len(pattern[0]) != 1:
        return None
    (name, value), = pattern[0].items()
    attr = ANCHOR_ATTRS.get(name.upper())
    if attr is None:
        return None
    if isinstance(value, str):
        return attr, [value]
    if isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
        return attr, list(value["IN"])
    return None


def needed_words(pattern: list[dict[str, Any]]) -> list[tuple[int, list[str]]]:
    """The words a text must have for a token pattern to match: for each token that must be there (no
    operator, or ``+``) and names a plain ``LOWER``/``TEXT`` value or an ``IN`` list, its attribute and
    values ("reiterated|reaffirmed ..." and "stance|position ..." in "reiterated ... stance"); none when
    no token does."""
    needed = []
    for token in pattern:
        if str(token.get("OP", "1")) not in ("1", "+"):
            continue
        for name, value in token.items():
            attr = ANCHOR_ATTRS.get(name.upper())
            if attr is not None and isinstance(value, str):
                needed.append((attr, [value]))
            elif attr is not None and isinstance(value, dict) and list(value) == ["IN"]:
                needed.append((attr, list(value["IN"])))
    return needed


#: A counted gap of fewer optional tokens than this is left to spaCy's ``Matcher`` (fast enough there).
COUNTED_GAP = 3


def counted_bounds(pattern: list[dict[str, Any]]) -> list[tuple[int, int]] | None:
    """Each token's least and most repetitions (``?`` 0-1, ``{m,n}``, none 1-1) when the pattern has a counted
    gap of :data:`COUNTED_GAP` or more optional tokens and no other operator; else ``None``."""
    bounds: list[tuple[int, int]] = []
    for token in pattern:
        op = str(token.get("OP", "1"))
        if op == "1":
            bounds.append((1, 1))
        elif op == "?":
            bounds.append((0, 1))
        elif re.fullmatch(r"\{\d+,\d+\}", op):
            least, most = (int(n) for n in op.strip("{}").split(","))
            bounds.append((least, most))
        else:
            return None
    return bounds if any(most - least >= COUNTED_GAP for least, most in bounds) else None


def counted_ends(passing: list[set[int]], bounds: list[tuple[int, int]], size: int) -> set[int]:
    """The ends of the matches from token 0 of a window of ``size`` tokens, of a pattern whose token ``k``
    passes its tests at the positions ``passing[k]`` and repeats ``bounds[k]`` times (empty matches left
    out)."""
    reached = {0}
    for positions, (least, most) in zip(passing, bounds, strict=True):
        after: set[int] = set()
        for start in reached:
            if least == 0:
                after.add(start)
            count = 0
            while count < most and start + count < size and start + count in positions:
                count += 1
                if count >= least:
                    after.add(start + count)
        reached = after
        if not reached:
            break
    reached.discard(0)
    return reached


def longest_match(pattern: list[dict[str, Any]]) -> int | None:
    """The most tokens a token pattern can match, or ``None`` when unbounded (``*``, ``+``, ``{n,}``)."""
    total = 0
    for token in pattern:
        op = str(token.get("OP", "1"))
        if op in UNBOUNDED_OPS or op.endswith(",}"):
            return None
        if op == "!":
            continue
        if op.startswith("{"):
            total += int(op.strip("{}").split(",")[-1])
        else:
            total += 1
    return total


@Language.factory(
    "tl_trigger_ruler",
    assigns=["doc.spans"],
    default_config={"spans_key": TRIGGERS_KEY, "phrase_matcher_attr": "LOWER"},
)
def make_trigger_ruler(nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str) -> TriggerRuler:
    """The ``tl_trigger_ruler`` factory: an empty :class:`TriggerRuler` (see its ``add_patterns``)."""
    return TriggerRuler(nlp, spans_key=spans_key, phrase_matcher_attr=phrase_matcher_attr)


