""":mod:`timeline.events.clauses`: label and dependency sets and the trigger's own clause (layer 0)."""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import DEP
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from ..nlp import children_ids, has_annotation, per_doc_part, sent_of, token_column

ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON")
PLACE_LABELS = ("GPE", "LOC", "FAC")
TIME_LABELS = ("DATE", "TIME")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
LOCATIVE_PREPS = ("in", "near", "at", "outside", "across", "inside", "into", "around", "over")
TARGET_PREPS = ("on", "against", "at", "targeting")
CLAUSAL_DEPS = ("ccomp", "advcl", "conj", "relcl", "parataxis", "acl", "xcomp", "csubj")


def clause_tokens(span: Span) -> list[Token]:
    """The tokens of the trigger's own clause: its subtree without embedded clauses, plus its subject.

    Without a parse, the whole sentence.
    """
    if not has_annotation(span.doc, "DEP"):
        return list(sent_of(span))
    doc = span.doc
    return [doc[i] for i in clause_ids(span)]


def clause_ids(span: Span) -> list[int]:
    """The token indices of :func:`clause_tokens`, in the same order (no Token is built)."""
    if not has_annotation(span.doc, "DEP"):
        sent = sent_of(span)
        return list(range(sent.start, sent.end))
    root = span.root
    # the same trigger's clause is asked for by typing, scoring and dating: built once per Doc
    return list(per_doc_part(span.doc, "clauses", root.i, lambda: tuple(_clause_of(root))))


def _clause_of(root: Token) -> list[int]:
    """:func:`clause_ids` of a trigger whose root is ``root``, on a parsed Doc."""
    doc = root.doc
    # token indices and dependency hashes: the walk builds a Token only for the tokens it keeps
    children, deps, clausal = children_ids(doc), token_column(doc, DEP), _clausal_dep_ids()
    kept: list[int] = []
    stack = [root.i]
    while stack:
        index = stack.pop()
        kept.append(index)
        stack.extend(c for c in children[index] if deps[c] not in clausal)
    head = root if root.pos_ in ("VERB", "AUX") else root.head
    seen = set(kept)
    for child in head.children:
        if child.dep_ in SUBJECT_DEPS:
            for token in child.subtree:
                if token.i not in seen:
                    seen.add(token.i)
                    kept.append(token.i)
    return kept


@lru_cache(maxsize=1)
def _clausal_dep_ids() -> frozenset[int]:
    """The StringStore ids of :data:`CLAUSAL_DEPS` (as :func:`timeline.nlp.token_column` gives ``DEP``)."""
    return frozenset(get_string_id(dep) for dep in CLAUSAL_DEPS)
