"""The local runner encodes the statements' sentence vectors in a worker when its pool runs."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from storyline.runners import local
from storyline.runners.workers import Workers
from storyline.settings import Settings


def test_without_a_running_pool_the_build_encodes_itself(settings: Settings) -> None:
    assert local._encode(None) is None
    with Workers(dataclasses.replace(settings, workers=2)) as workers:
        assert not workers.running and local._encode(workers) is None


@pytest.mark.slow
def test_a_worker_encodes_the_same_bits_as_this_process(settings: Settings) -> None:
    texts = ["the harbour stays open through the winter",
             "ferry fees rise for the larger boats next year, the minister said on Monday"]
    with Workers(dataclasses.replace(settings, workers=2)) as workers:
        workers._started()
        encode = local._encode(workers)
        assert encode is not None
        assert np.array_equal(encode(texts)(), local.encode_texts(texts))
