""":mod:`timeline.resources`: the package's data files and their one loader.

Layout::

    resources/taxonomy.json            one record per event type (language-neutral)
    resources/geo/                     the world outline and our own places
    resources/<lang>/                  what is written in a language: rule tables, lexicons,
    resources/<lang>/patterns/*.jsonl  spaCy patterns (entities, triggers)

A new language is a new ``<lang>/`` folder; the code that reads it stays the same.

Example::

    >>> from timeline import resources
    >>> parameters = resources.load("parameters.json", lang="en")
    >>> "role_scores" in parameters
    True
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import srsly

#: The language of the shipped rules.
DEFAULT_LANG = "en"

_ROOT = Path(__file__).parent


def path(name: str, lang: str | None = None) -> Path:
    """Return the path of a data file: ``name`` under ``lang``'s folder, or at the top when ``lang`` is None.

    Args:
        name: the file's path inside the folder, e.g. ``"patterns/triggers.jsonl"``.
        lang: a language code such as ``"en"``, or None for language-neutral files.

    Raises:
        FileNotFoundError: no such file is shipped.
    """
    found = _ROOT / lang / name if lang else _ROOT / name
    if not found.is_file():
        raise FileNotFoundError(f"no resource {name!r} for language {lang!r} (looked for {found})")
    return found


@lru_cache(maxsize=None)
def load(name: str, lang: str | None = None) -> Any:
    """Read a data file once: JSON (``.json``, ``.geojson``) or JSON Lines (``.jsonl``, a list of records).

    The result is shared between callers (cached); treat it as read-only.
    """
    file = path(name, lang)
    if file.suffix == ".jsonl":
        return list(srsly.read_jsonl(file))
    return json.loads(file.read_text("utf-8"))
