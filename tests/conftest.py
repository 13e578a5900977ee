"""Shared fixtures: one blank pipeline (fast tests) and one statistical pipeline per session (slow tests)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

DATA = Path(__file__).parent / "data"
BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load_benchmark(name: str) -> ModuleType:
    """A benchmark script (``benchmarks/NAME.py``) imported by path, with its own folder on the path while it
    loads (it may import a sibling script) and registered in ``sys.modules`` (its dataclasses look their
    module up)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


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
