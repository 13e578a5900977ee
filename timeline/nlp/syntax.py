""":mod:`timeline.nlp.syntax`: reading the parse: token columns, clauses, governing verbs.

The event and dating layers ask the same questions of a parsed Doc again and again:
which tokens make a trigger's own clause, which verb governs a word, what its head
and children are. The answers are read from the Doc's arrays (``head_ids``,
``children_ids``, ``token_column``: indices and StringStore ids, once per Doc) so a
walk builds a ``Token`` only for what it keeps. The part-of-speech, tag and
dependency sets these walks test are named here once.

Example:
    >>> nlp = load_nlp()  # doctest: +SKIP
    >>> doc = nlp("Rebels attacked the town after troops withdrew.")  # doctest: +SKIP
    >>> [doc[i].text for i in clause_ids(doc[1:2])]  # doctest: +SKIP
    ['attacked', 'town', 'the', 'Rebels']
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.attrs import DEP, HEAD
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .cache import has_annotation, per_doc, per_doc_part, sent_of

#: The parts of speech that head a clause.
VERB_POS = ("VERB", "AUX")
#: The parts of speech of a noun phrase's head.
NOUN_POS = ("NOUN", "PROPN")
#: The dependencies of a clause's subject.
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
#: The dependencies that open an embedded clause (a clause walk does not enter them).
CLAUSAL_DEPS = ("ccomp", "advcl", "conj", "relcl", "parataxis", "acl", "xcomp", "csubj")
#: The Penn tags of a present-tense finite verb.
PRESENT_TAGS = ("VBZ", "VBP")
#: The Penn tags of a finite verb (past or present).
FINITE_VERB_TAGS = ("VBD", *PRESENT_TAGS)
#: The Penn tags that end a noun's phrase at the next clause: a finite verb or a modal.
FINITE_TAGS = (*FINITE_VERB_TAGS, "MD")


def token_column(doc: Doc, attr: int) -> list[int]:
    """One attribute of every token (``doc.to_array(attr)``: ``DEP`` and ``TAG`` as StringStore ids,
    ``POS`` as the part-of-speech id), read once per Doc.

    Reading a column avoids building a Token (and looking up its string) for each token a loop visits.
    """
    data, key = doc.user_data, f"tl_column_{attr}"
    if key not in data:
        data[key] = doc.to_array(attr).tolist() if len(doc) else []
    return data[key]  # type: ignore[no-any-return]


def token_strings(doc: Doc, attr: int) -> list[str]:
    """One string attribute of every token (``LOWER``, ``LEMMA``, ``ENT_TYPE``: ``doc[i].lower_`` ...),
    read once per Doc from :func:`token_column`: a loop over a sentence tests its words without
    building a Token for each."""
    return per_doc(doc, f"strings_{attr}", lambda: _strings_of(doc, attr))


#: StringStore ids and their strings, shared by every Doc: an id is the hash of its string, the same
#: in every vocab, so a word met in one Doc is looked up in a dict, not decoded again, in the next.
_STRINGS: dict[int, str] = {}
#: How many strings :data:`_STRINGS` keeps before it starts again (a long run meets ever new words).
STRINGS_KEPT = 200_000


def _strings_of(doc: Doc, attr: int) -> list[str]:
    column = token_column(doc, attr)
    try:
        return [_STRINGS[key] for key in column]
    except KeyError:
        _remember_strings(doc, column)
        return [_STRINGS[key] for key in column]


def _remember_strings(doc: Doc, column: list[int]) -> None:
    """Put the strings of a column's ids in :data:`_STRINGS` (emptied first when it holds too many)."""
    if len(_STRINGS) > STRINGS_KEPT:
        _STRINGS.clear()
    strings = doc.vocab.strings
    for key in column:
        if key not in _STRINGS:
            _STRINGS[key] = strings[key]


def head_ids(doc: Doc) -> list[int]:
    """Each token's head as a token index (``token.head.i``; a root is its own head), once per Doc."""
    data = doc.user_data
    if "tl_heads" not in data:
        data["tl_heads"] = _head_ids(doc)
    return data["tl_heads"]  # type: ignore[no-any-return]


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


def head_path(token: Token, limit: int, *, through: Iterable[str] | None = None) -> list[int]:
    """Token indices from a token up its heads: itself, its head, its head's head, ...

    At most ``limit`` indices; the walk ends at the sentence root, and with ``through`` it
    climbs only from a token whose dependency is one of them ("xcomp" chains, complement clauses).

    Example:
        >>> doc = load_nlp()("He said talks would resume.")  # doctest: +SKIP
        >>> [doc[i].text for i in head_path(doc[2], 4)]  # doctest: +SKIP
        ['talks', 'resume', 'said']
    """
    doc = token.doc
    heads = head_ids(doc)
    deps = token_column(doc, DEP) if through is not None else None
    allowed = _dep_ids(tuple(through)) if through is not None else frozenset()
    path = [token.i]
    index = token.i
    while len(path) < limit and heads[index] != index and (deps is None or deps[index] in allowed):
        index = heads[index]
        path.append(index)
    return path


def governing_verb(token: Token) -> Token:
    """The nearest verb at or above a token (the sentence root if none)."""
    while token.pos_ not in VERB_POS and token.head.i != token.i:
        token = token.head
    return token


def passive_agents(verb: Token) -> list[Token]:
    """The agents of a passive verb: the objects of its "by" ("was struck by Chido")."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def has_infinitive_to(token: Token) -> bool:
    """Whether a verb is a to-infinitive: it has the auxiliary "to" ("ordered troops *to take*")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def is_counted(noun: Token) -> bool:
    """Whether a noun is a count or counted ("12", "12 people", "dozens of civilians" has its count on
    "dozens"): a number, or a number modifying it."""
    return noun.like_num or any(c.dep_ == "nummod" for c in noun.children)


def has_modal(verb: Token) -> bool:
    """Whether a verb has a modal auxiliary ("would send", "could turn")."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def has_perfect_have(verb: Token) -> bool:
    """Whether a verb has the auxiliary "have" of a perfect ("have been killed", "has died", "had fled")."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def has_has_or_have(verb: Token) -> bool:
    """Whether a verb's auxiliary is the word "has" or "have" ("has killed", "have demanded", "could have
    fled"), a perfect told as of now: not the past perfect's "had" (:func:`has_perfect_have` takes all
    three)."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)


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
    head = root if root.pos_ in VERB_POS else root.head
    seen = set(kept)
    for child in head.children:
        if child.dep_ in SUBJECT_DEPS:
            for token in child.subtree:
                if token.i not in seen:
                    seen.add(token.i)
                    kept.append(token.i)
    return kept


@lru_cache(maxsize=64)
def _dep_ids(deps: tuple[str, ...]) -> frozenset[int]:
    """The StringStore ids of dependency labels (as :func:`token_column` gives ``DEP``), once per set."""
    return frozenset(get_string_id(dep) for dep in deps)


@lru_cache(maxsize=1)
def _clausal_dep_ids() -> frozenset[int]:
    """The StringStore ids of :data:`CLAUSAL_DEPS` (as :func:`timeline.nlp.token_column` gives ``DEP``)."""
    return frozenset(get_string_id(dep) for dep in CLAUSAL_DEPS)
