""":mod:`timeline.nlp.lemmas`: the model's English rule lemmatizer, with every answer kept.

spaCy's ``EnglishLemmatizer`` in ``rule`` mode keeps the lemmas it works out by its rules per
word, part of speech and morphology, but not the answer for a word already in its base form
("attack" as a singular noun, "said" is not): that one is worked out again for every token,
reading the token's morphology into a dict each time (about two thirds of the tokens of a news
text). :class:`KeptLemmatizer` is the same component (same tables, mode, saving and loading)
that keeps that answer too, under the same key; the lemmas are the same.

Example:
    >>> nlp = load_nlp()  # doctest: +SKIP
    >>> type(nlp.get_pipe("lemmatizer")).__name__  # doctest: +SKIP
    'KeptLemmatizer'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.lang.en import English
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Token
from thinc.api import Model


class KeptLemmatizer(EnglishLemmatizer):
    """spaCy's ``EnglishLemmatizer`` that also keeps the lemma of a word in its base form (see the module)."""

    def rule_lemmatize(self, token: Token) -> list[str]:
        """The lemmas of spaCy's ``rule_lemmatize``, kept per word, part of speech and morphology."""
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        kept: list[str] | None = self.cache.get(key)
        if kept is None:
            kept = super().rule_lemmatize(token)
            if token.pos:  # a token with no part of speech warns each time (W108), as spaCy's does
                self.cache[key] = kept
        return kept


@English.factory(
    "tl_lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "rule", "overwrite": False,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
    default_score_weights={"lemma_acc": 1.0},
)
def make_kept_lemmatizer(nlp: Language, model: Model[Any, Any] | None, name: str, mode: str, overwrite: bool,
                         scorer: Callable[..., Any] | None) -> KeptLemmatizer:
    """The ``tl_lemmatizer`` factory: a :class:`KeptLemmatizer` with no tables yet (they come from the
    saved pipeline, or from the model's ``lemmatizer`` through :func:`kept_lemmatizer`)."""
    return KeptLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def kept_lemmatizer(nlp: Language) -> None:
    """Put a :class:`KeptLemmatizer` with the same tables in place of the model's rule ``lemmatizer``
    (a pipeline without one, or with another kind or mode, is left as it is)."""
    name = "lemmatizer"
    if name not in nlp.pipe_names:
        return
    old = nlp.get_pipe(name)
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return
    new = nlp.replace_pipe(name, "tl_lemmatizer", config={"mode": old.mode, "overwrite": old.overwrite})
    new.lookups = old.lookups  # type: ignore[attr-defined]
