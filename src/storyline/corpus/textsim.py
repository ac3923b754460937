"""Text similarity helpers shared by the corpus stages: shingles, TF-IDF vectors.

Tokens and the folds they are made of are in ``storyline.text``.

Plain numpy, no fitted state kept between runs: every call sees the whole corpus it is
given, so the same articles always give the same vectors.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..text import words

__all__ = ["shingles", "tfidf_matrix", "tfidf_rows"]

# Vocabulary cap for TF-IDF: the most frequent terms (by document frequency) are kept.
# 2**15 columns keep a 5k-article float32 matrix near 650 MB at worst and far less in
# practice, since terms seen in one document only are dropped first (they cannot link two).
MAX_FEATURES = 2**15
# Rows weighted at a time by ``tfidf_rows``: its float64 scratch is a few of these rows'
# entries, not the whole matrix's.
ROW_CHUNK = 2048


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

    ``docs`` is read once, one document at a time, into flat buffers: a 4-byte term id and
    count per distinct term of a document, never a document's token strings or an object
    per document. The matrix is then written over those same buffers (ids become columns,
    counts become float32 weights), so the entries are held once, not twice. ``term_weight``
    scales a term's column (an entity's type, say; missing terms weigh 1); it is read after
    ``docs`` is used up, so the generator of ``docs`` may fill it in.
    """
    from scipy import sparse  # arrives with datasketch; untyped, hence ``Any``

    terms: dict[str, int] = {}
    ids, counts, indptr = array("i"), array("i"), array("q", [0])
    for d in docs:  # a row's entries in any order: ``_weighted_rows`` sorts them by column
        for t, c in Counter(d).items():
            ids.append(terms.setdefault(t, len(terms)))
            counts.append(c)
        indptr.append(len(ids))
    n = len(indptr) - 1
    df = np.bincount(np.frombuffer(ids, dtype=np.int32), minlength=len(terms))
    kept = sorted((-int(df[i]), t, i) for t, i in terms.items() if df[i] >= min_df
                  )[:max_features]  # most frequent first, then alphabetical
    del terms  # the vocabulary: the largest object here on a real corpus
    column = np.full(len(df), -1, dtype=np.int32)
    column[[i for _, _, i in kept]] = np.arange(len(kept), dtype=np.int32)
    weights = term_weight or {}
    col_weight = np.array([(np.log((1 + n) / (1 + df[i])) + 1.0) * weights.get(t, 1.0)
                           for _, t, i in kept], dtype=np.float64)
    kept_indptr = _weigh_in_place(ids, counts, np.frombuffer(indptr, dtype=np.int64), column,
                                  col_weight)
    del ids[int(kept_indptr[-1]):], counts[int(kept_indptr[-1]):]  # shrinks in place
    return sparse.csr_matrix((np.frombuffer(counts, dtype=np.float32),
                              np.frombuffer(ids, dtype=np.int32), kept_indptr),
                             shape=(n, len(kept)))


def _weigh_in_place(ids: array[int], counts: array[int], starts: NDArray[np.int64],
                    column: NDArray[np.int32], col_weight: NDArray[np.float64],
                    ) -> NDArray[np.int64]:
    """Turn (term id, count) entries into (column, weight) entries of kept terms, written
    from the front of the same buffers; the rows' new bounds.

    A chunk of rows is read whole before it is written, and its kept entries start no
    later than its own entries did, so nothing is overwritten before it is read.
    """
    term_ids = np.frombuffer(ids, dtype=np.int32)
    raw_counts = np.frombuffer(counts, dtype=np.int32)
    weights = np.frombuffer(counts, dtype=np.float32)  # the counts' bytes, reused
    n = len(starts) - 1
    bounds = np.zeros(n + 1, dtype=np.int64)
    written = 0
    for first in range(0, n, ROW_CHUNK):  # float64 scratch for a few rows at a time
        last = min(n, first + ROW_CHUNK)
        span = slice(int(starts[first]), int(starts[last]))
        cols, vals, sizes = _weighted_rows(column[term_ids[span]], raw_counts[span].copy(),
                                           starts[first:last + 1] - starts[first], col_weight)
        term_ids[written:written + len(cols)] = cols
        weights[written:written + len(vals)] = vals
        bounds[first + 1:last + 1] = written + np.cumsum(sizes)
        written += len(cols)
    return bounds


def _weighted_rows(cols: NDArray[np.int32], counts: NDArray[np.int32],
                   indptr: NDArray[np.int64], col_weight: NDArray[np.float64],
                   ) -> tuple[NDArray[np.int32], NDArray[np.float32], NDArray[np.int64]]:
    """Some rows' kept columns (in column order, as CSR keeps them), their L2-normalised
    sublinear TF-IDF weights, and how many each row keeps; ``cols`` is -1 for a term that
    was not kept."""
    rows = len(indptr) - 1
    row_of = np.repeat(np.arange(rows, dtype=np.int32), indptr[1:] - indptr[:-1])
    keep = np.flatnonzero(cols >= 0)
    keep = keep[np.lexsort((cols[keep], row_of[keep]))]
    kept_cols, row_of = cols[keep], row_of[keep]
    vals = (1.0 + np.log(counts[keep])) * col_weight[kept_cols]
    norms = np.sqrt(np.bincount(row_of, weights=vals * vals, minlength=rows))
    vals *= (1.0 / np.where(norms > 0, norms, 1.0))[row_of]
    return kept_cols, vals.astype(np.float32), np.bincount(row_of, minlength=rows)
