""":mod:`timeline.nlp`: the spaCy pipeline, our components, and the helpers that read a parsed Doc.

- :mod:`.load`: choosing and loading the pipeline once (:func:`load_nlp`, :func:`choose_model`).
- :mod:`.components`: our components, registered with ``@Language.factory`` / ``@Language.component``
  (trigger ruler, line-break sentences, boilerplate filter, datelines, token edges).
- :mod:`.attribute_rules`: the model's ``attribute_ruler`` with its matches found by lookup.
- :mod:`.lemmas`: the model's rule lemmatizer, keeping every answer.
- :mod:`.cache`: what spaCy rebuilds on each access (text, entities, sentences), kept once per Doc.
- :mod:`.syntax`: token columns, clauses and governing verbs, with the tag and dependency sets named.

Importing this package registers the components, so ``spacy.load`` can rebuild a saved pipeline.

Example:
    >>> nlp = load_nlp("blank")
    >>> "tl_trigger_ruler" in nlp.pipe_names
    True
"""

from __future__ import annotations

from .attribute_rules import IndexedAttributeRuler, indexed_attribute_ruler
from .cache import (
    doc_ents,
    doc_sents,
    doc_text,
    ent_at,
    ents_in,
    forget_cache,
    has_annotation,
    per_doc,
    per_doc_part,
    sent_of,
    sentences_after,
    sentences_before,
    span_text,
)
from .components import (
    TRIGGERS_KEY,
    TriggerRuler,
    boilerplate_filter,
    dateline_spans,
    first_token_values,
    line_sentences,
    longest_match,
    make_trigger_ruler,
    token_edges,
)
from .lemmas import KeptLemmatizer, kept_lemmatizer
from .load import (
    BLANK,
    DEFAULT_MODELS,
    INSTALL_HINT,
    MODEL_ENV,
    add_rulers,
    choose_model,
    load_nlp,
    model_description,
    read_patterns,
)
from .syntax import (
    CLAUSAL_DEPS,
    FINITE_TAGS,
    FINITE_VERB_TAGS,
    NOUN_POS,
    PRESENT_TAGS,
    SUBJECT_DEPS,
    VERB_POS,
    children_ids,
    clause_ids,
    clause_tokens,
    governing_verb,
    has_has_or_have,
    has_infinitive_to,
    has_modal,
    has_perfect_have,
    head_ids,
    head_path,
    is_counted,
    passive_agents,
    token_column,
    token_strings,
)

__all__ = [
    "BLANK", "CLAUSAL_DEPS", "DEFAULT_MODELS", "FINITE_TAGS", "FINITE_VERB_TAGS", "INSTALL_HINT",
    "IndexedAttributeRuler", "MODEL_ENV", "NOUN_POS", "PRESENT_TAGS", "SUBJECT_DEPS", "TRIGGERS_KEY",
    "KeptLemmatizer", "TriggerRuler", "VERB_POS",
    "add_rulers", "boilerplate_filter", "children_ids", "choose_model", "clause_ids", "clause_tokens",
    "dateline_spans", "doc_ents", "doc_sents", "doc_text", "ent_at", "ents_in", "first_token_values",
    "indexed_attribute_ruler", "kept_lemmatizer",
    "forget_cache", "governing_verb", "has_annotation", "has_has_or_have", "has_infinitive_to", "has_modal",
    "has_perfect_have", "head_ids", "head_path", "is_counted",
    "line_sentences", "passive_agents",
    "load_nlp", "longest_match", "make_trigger_ruler", "model_description", "per_doc", "per_doc_part",
    "read_patterns", "sent_of", "sentences_after", "sentences_before", "span_text", "token_column",
    "token_edges", "token_strings",
]
