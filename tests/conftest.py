"""Shared fixtures: one blank pipeline (fast tests) and one statistical pipeline per session (slow tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def blank_nlp():
    """Rules only: tokenizer, sentencizer, our entity and trigger rulers."""
    from timeline.nlp import load_nlp

    return load_nlp("blank")


@pytest.fixture(scope="session")
def model_nlp():
    """The statistical pipeline the tool uses by default, loaded once."""
    from timeline.nlp import DEFAULT_MODELS, load_nlp

    if not any(_installed(name) for name in DEFAULT_MODELS):
        pytest.skip("no English spaCy pipeline installed")
    return load_nlp()


def _installed(name: str) -> bool:
    import spacy

    return bool(spacy.util.is_package(name))


@pytest.fixture(scope="session")
def examples_frame(model_nlp):
    """The event table of the bundled example articles, extracted once."""
    import timeline

    return timeline.extract(timeline.read_articles([timeline.examples_dir()]), nlp=model_nlp)
