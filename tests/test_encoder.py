"""The sentence encoder's own arithmetic (corpus/encoder.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import erf

from storyline.corpus.encoder import _gelu


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

    texts = [f"the council will vote on the harbour plan number {i} next week" for i in
             range(BATCH * 2 + 3)]
    encoder = load_encoder()
    together = encoder.encode(texts)
    alone = encoder.encode(texts[5:6])
    assert np.allclose(together[5], alone[0], atol=1e-6)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
