"""The local runner encodes the statements' sentence vectors in a worker when its pool runs,
and merges names in another while the first searches for copies."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from storyline.corpus.encoder import Elsewhere, Precomputed, load_encoder
from storyline.corpus.entities import merge_entities
from storyline.records import Analysis, Article, Mention
from storyline.runners import local
from storyline.runners.workers import Workers
from storyline.settings import Settings
from storyline.store import Store


def test_without_a_running_pool_the_build_encodes_itself(settings: Settings) -> None:
    assert local._encode(None) is None
    with Workers(dataclasses.replace(settings, workers=2)) as workers:
        assert not workers.running and local._encode(workers) is None


def test_names_are_merged_here_without_a_running_pool(settings: Settings) -> None:
    assert local._names(Store.open(":memory:"), None) is None
    with Workers(dataclasses.replace(settings, workers=2)) as workers:
        assert not workers.running and local._names(Store.open(":memory:"), workers) is None


@pytest.mark.slow
def test_a_worker_merges_the_names_this_process_would(tmp_path: Path,
                                                       settings: Settings) -> None:
    mentions = [Mention("a1", 0, 14, "Ingrid Solheim", "PERSON", "solheim"),
                Mention("a2", 0, 7, "Solheim", "PERSON", "solheim")]
    path = str(tmp_path / "s.db")
    with Store.open(path) as store:
        with store.transaction():
            for m in mentions:
                store.upsert_article(Article(id=m.article, source_id=m.article,
                                             source=f"{m.article}.txt", text=m.text))
                store.save_analysis(Analysis(article=m.article, mentions=(m,)))
        with Workers(dataclasses.replace(settings, workers=2)) as workers:
            workers._started()
            names = local._names(store, workers)
            assert names is not None
            assert names() == merge_entities(mentions)


@pytest.mark.slow
def test_a_worker_encodes_the_same_bits_as_this_process(settings: Settings) -> None:
    texts = ["the harbour stays open through the winter",
             "ferry fees rise for the larger boats next year, the minister said on Monday"]
    with Workers(dataclasses.replace(settings, workers=2)) as workers:
        workers._started()
        encode = local._encode(workers)
        assert encode is not None
        assert np.array_equal(encode(texts)(), local.encode_texts(texts))


@pytest.mark.slow
def test_texts_the_worker_was_not_given_ahead_are_encoded_there_too(
        settings: Settings) -> None:
    ahead = ["the harbour stays open through the winter"]
    later = ["ferry fees rise for the larger boats next year"]
    with Workers(dataclasses.replace(settings, workers=2)) as workers:
        workers._started()
        encode = local._encode(workers)
        assert encode is not None
        encoder = Precomputed(ahead, encode(ahead), Elsewhere(encode))
        calls = load_encoder.cache_info()
        vectors = encoder.encode(later + ahead)
        assert load_encoder.cache_info() == calls  # this process never asked for the model
        assert np.array_equal(vectors, local.encode_texts(later + ahead))
