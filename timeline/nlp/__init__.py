""":mod:`timeline.nlp`: the spaCy pipeline and our components."""

from .components import *  # noqa: F403
from .components import (  # noqa: F401
    _boilerplate_lines,
    _children_ids,
    _ent_starts,
    _head_ids,
)
