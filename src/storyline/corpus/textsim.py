"""Text similarity helpers shared by the corpus stages: tokens, shingles, TF-IDF vectors.

Plain numpy, no fitted state kept between runs: every call sees the whole corpus it is
given, so the same articles always give the same vectors.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from spacy.lang.en.stop_words import STOP_WORDS

__all__ = ["fold_text", "shingles", "tfidf_matrix", "tfidf_rows", "tokens", "words"]

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# Tokens shorter than this carry little topical signal ("a", "of", stray initials).
MIN_TOKEN_CHARS = 2
# Vocabulary cap for TF-IDF: the most frequent terms (by document frequency) are kept.
# 2**15 columns keep a 5k-article float32 matrix near 650 MB at worst and far less in
# practice, since terms seen in one document only are dropped first (they cannot link two).
MAX_FEATURES = 2**15


def fold_text(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare texts for identity."""
    norm = unicodedata.normalize("NFKD", text.casefold())
    if not norm.isascii():  # combining marks are never ASCII: most texts skip this scan
        norm = "".join(c for c in norm if not unicodedata.combining(c))
    return " ".join(_WORD.findall(norm))


def words(text: str) -> list[str]:
    """All word tokens, folded; the unit of shingles."""
    return fold_text(text).split()


def tokens(text: str) -> list[str]:
    """Content tokens for TF-IDF: folded words without stop words, numbers or 1-letter bits."""
    return [w for w in words(text)
            if len(w) >= MIN_TOKEN_CHARS and w not in STOP_WORDS and not w.isdigit()]


def shingles(text: str, size: int) -> set[str]:
    """Word ``size``-grams of the folded text; a short text gives its whole self as one."""
    ws = words(text)
    if len(ws) <= size:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + size]) for i in range(len(ws) - size + 1)}


def tfidf_matrix(docs: Sequence[Sequence[str]], min_df: int = 2,
                 max_features: int = MAX_FEATURES) -> NDArray[np.float32]:
    """Rows: L2-normalised TF-IDF (sublinear tf, smoothed idf) of each token list.

    A document with no kept term gets a zero row, so its cosine with anything is 0.
    """
    df, vocab = _vocabulary(docs, min_df, max_features)
    n = len(docs)
    idf = np.array([np.log((1 + n) / (1 + df[t])) + 1.0 for t in vocab], dtype=np.float32)
    mat = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, d in enumerate(docs):
        for t, c in Counter(d).items():
            col = vocab.get(t)
            if col is not None:
                mat[row, col] = (1.0 + np.log(c)) * idf[col]
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    return (mat / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def _vocabulary(docs: Sequence[Sequence[str]], min_df: int,
                max_features: int) -> tuple[Counter[str], dict[str, int]]:
    """Document frequencies, and the column of each kept term (most frequent first)."""
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    kept = sorted((t for t, n in df.items() if n >= min_df), key=lambda t: (-df[t], t))
    return df, {t: i for i, t in enumerate(kept[:max_features])}


def tfidf_rows(docs: Iterable[Sequence[str]], min_df: int = 2,
               term_weight: Mapping[str, float] | None = None, max_features: int = MAX_FEATURES,
               ) -> Any:
    """Like ``tfidf_matrix`` but sparse (a scipy CSR matrix), for corpora of any size.

    ``docs`` is read once, one document at a time: each is kept as term ids and counts,
    never as its list of token strings. ``term_weight`` scales a term's column (an entity's
    type, say; missing terms weigh 1); it is read after ``docs`` is used up, so the
    generator of ``docs`` may fill it in.
    """
    from scipy import sparse  # arrives with datasketch; untyped, hence ``Any``

    terms: dict[str, int] = {}
    counted = [_term_counts(d, terms) for d in docs]
    n = len(counted)
    df = np.bincount(np.concatenate([ids for ids, _ in counted] or [np.zeros(0, np.int64)]),
                     minlength=len(terms))
    kept = sorted((t for t, i in terms.items() if df[i] >= min_df),
                  key=lambda t: (-df[terms[t]], t))[:max_features]
    column = np.full(len(terms), -1, dtype=np.int64)
    column[[terms[t] for t in kept]] = np.arange(len(kept))
    weights = term_weight or {}
    col_weight = np.array([(np.log((1 + n) / (1 + df[terms[t]])) + 1.0) * weights.get(t, 1.0)
                           for t in kept], dtype=np.float64)
    rows, cols, vals = [], [], []
    for row, (ids, counts) in enumerate(counted):
        cs = column[ids]
        keep = cs >= 0
        rows.append(np.full(int(keep.sum()), row, dtype=np.int64))
        cols.append(cs[keep])
        vals.append((1.0 + np.log(counts[keep])) * col_weight[cs[keep]])
    mat = sparse.csr_matrix((np.concatenate(vals or [np.zeros(0)]),
                             (np.concatenate(rows or [np.zeros(0, np.int64)]),
                              np.concatenate(cols or [np.zeros(0, np.int64)]))),
                            shape=(n, len(kept)))
    norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1)).ravel())
    scale = sparse.diags(1.0 / np.where(norms > 0, norms, 1.0))
    return (scale @ mat).tocsr().astype(np.float32)


def _term_counts(doc: Sequence[str], terms: dict[str, int]
                 ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """A document's distinct terms as ids (new terms numbered as they come) and counts,
    in term order, as the rows were always laid out."""
    counts = sorted(Counter(doc).items())
    ids = np.fromiter((terms.setdefault(t, len(terms)) for t, _ in counts), dtype=np.int64,
                      count=len(counts))
    return ids, np.fromiter((c for _, c in counts), dtype=np.float64, count=len(counts))
