""":mod:`timeline.nlp.lemmas`: the model's English rule lemmatizer, with every answer kept.

spaCy's ``EnglishLemmatizer`` in ``rule`` mode keeps the lemmas it works out by its rules per
word, part of speech and morphology, but not the answer for a word already in its base form
("attack" as a singular noun, "said" is not): that one is worked out again for every token,
reading the token's morphology into a dict each time (about two thirds of the tokens of a news
text). :class:`KeptLemmatizer` is the same component (same tables, mode, saving and loading)
that keeps that answer too, under the same key; the lemmas are the same. A word not yet kept is
worked out by spaCy's rules, with one change of speed: the model's index of known base forms is a
list per part of speech (57,528 nouns), which spaCy scans for each form a rule makes; it is read
here as a set (the same answers), which made the lemmatizer some 2 s of 45 on the VOA stories.

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
            kept = self._worked_out(token)
            if token.pos:  # a token with no part of speech warns each time (W108), as spaCy's does
                self.cache[key] = kept
        return kept

    def _worked_out(self, token: Token) -> list[str]:
        """spaCy's ``EnglishLemmatizer.rule_lemmatize`` (3.8), step for step, with the index of base forms
        looked up in a set; the cases it answers before reading the tables are left to spaCy."""
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space") or self.is_base_form(token):
            return super().rule_lemmatize(token)
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return super().rule_lemmatize(token)
        index = self._index_set(index_table.get(univ_pos, {}))
        exceptions = exc_table.get(univ_pos, {})
        rules = rules_table.get(univ_pos, {})
        orig = token.text
        string = orig.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms

    def _index_set(self, index: Any) -> frozenset[str] | Any:
        """The index of base forms as a set, made once per table list (new tables, as loaded, get theirs)."""
        sets: dict[int, tuple[Any, frozenset[str]]] = self.__dict__.setdefault("_index_sets", {})
        held = sets.get(id(index))
        if held is None or held[0] is not index:
            held = sets[id(index)] = (index, frozenset(index))
        return held[1]


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
