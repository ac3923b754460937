"""Which language an article is written in, so it only meets a pipeline for that language.

The detector is py3langid (langid.py's naive Bayes over byte n-grams, 97 languages): its
model ships inside the PyPI package, it needs nothing at run time, and it reads an article
in about 1 ms (its model loads once per process, about 1 s). Its scores are normalised
into probabilities, so a weak call can be told from a sure one. lingua 2.1.1 (all
languages preloaded) made the same call on 200 of the 203 dates-mediacloud and seeds
articles (the other three: pages with no prose) at 3.8 ms an article and 16 s to load.

How a text is decided (``detect``):

1. The title and the first ``SAMPLE_CHARS`` characters of the text are read; the rest of a
   news article does not change the call and only costs time.
2. A sample without letters (figures, symbols) has no language: undetermined.
3. The detector's best language is taken when its probability is at least
   ``MIN_CONFIDENCE`` and the sample has at least ``MIN_LETTERS`` letters (a shorter
   one, a caption or a one-line note, is too short for the call to be trusted).
4. Otherwise the text is English (the default language) only when it is written in ASCII
   letters and either reads as English running text (enough English function words,
   ``looks_english``) or the detector's own best guess is English (a headline-only page,
   "Esther Williams, swimming star, dies at 91", scores 0.45). Anything else stays
   undetermined ("und") and is not analysed: an unsure call never sends a text through
   another language's model.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..records import Article

# What ``Article.language`` holds when no language could be told.
UNDETERMINED = "und"
# Characters of text read for the call: a news article's first paragraphs. On the 203
# articles of dates-mediacloud and the seeds the call on 1,000 characters equals the call
# on the whole text for every article (500 changed 2); it costs 1.1 s per 1,000 articles
# against 4.2 s for whole texts, on the shared 2-core VM.
SAMPLE_CHARS = 1000
# Fewer letters than this is too little text for the detector's call (a caption, a
# one-line note): only the English fallback of step 4 can name its language.
MIN_LETTERS = 20
# The detector's normalised probability at or above which its call is taken as it is. Its
# scores are softmaxed at temperature sqrt(bytes), so paragraphs of prose score near 1.0.
# Read by hand on the 198 dates-mediacloud pages: every call at or above 0.5 was right
# (the lowest, 0.54, Bosnian); the three under it were a bot-block page (0.20) and lists
# of links or programme titles (0.27, 0.28), no prose for a pipeline to read.
MIN_CONFIDENCE = 0.5
# ``looks_english``: share of letters that must be ASCII, and share of words that must be
# English function words. English news prose runs 35-50% function words ("the", "of",
# "said", ...); French or German written in ASCII stays under 10% on this list, since
# the list leaves out words the languages share ("a", "in", "so").
MIN_ASCII_LETTERS = 0.97
MIN_FUNCTION_WORDS = 0.2

_ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "of", "and", "to", "is", "was", "were", "are", "be", "been", "being", "that",
    "this", "these", "those", "with", "for", "from", "by", "at", "it", "its", "he",
    "she", "his", "her", "they", "their", "them", "we", "our", "you", "your", "i", "my",
    "him", "who", "whom", "which", "what", "when", "where", "why", "how", "not", "no", "but",
    "or", "if", "than", "then", "there", "here", "have", "has", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "said", "says",
    "say", "about", "after", "before", "over", "under", "into", "out", "up", "down", "more",
    "most", "some", "any", "all", "each", "other", "such", "only", "also", "just", "very",
    "an", "one", "two",
})
_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str, title: str | None = None) -> str:
    """The ISO 639-1 code of the language ``text`` is written in, or ``UNDETERMINED``."""
    sample = f"{title}\n\n{text[:SAMPLE_CHARS]}" if title else text[:SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))  # as a count over a generator, ~3x faster
    if not letters:
        return UNDETERMINED
    lang, confidence = _identifier().classify(sample)
    if confidence >= MIN_CONFIDENCE and letters >= MIN_LETTERS:
        return str(lang)
    if looks_english(sample) or (lang == "en" and _ascii_letters(sample)):
        return "en"
    return UNDETERMINED


def looks_english(text: str) -> bool:
    """True when ``text`` is written in ASCII letters and reads as English function words."""
    if not _ascii_letters(text):
        return False
    words = _WORD.findall(text.lower())
    hits = sum(w in _ENGLISH_FUNCTION_WORDS for w in words)
    return hits >= MIN_FUNCTION_WORDS * len(words)


def _ascii_letters(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and \
        sum(ch.isascii() for ch in letters) >= MIN_ASCII_LETTERS * len(letters)


def with_language(article: Article) -> Article:
    """``article`` with its language detected (kept when it already has one)."""
    if article.language is not None:
        return article
    import dataclasses

    return dataclasses.replace(article, language=detect(article.text, article.title))


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    """The detector, loaded once per process (its model is read from the package, ~40 ms)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
