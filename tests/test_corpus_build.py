"""corpus.build on an in-memory corpus: pure, entity links passed in memory, saved by the runner."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import pytest
from numpy.typing import NDArray

from storyline import corpus
from storyline.corpus.reader import MemoryCorpus
from storyline.records import Analysis, Article, DuplicateLink, Mention, Quote, Sentence
from storyline.runners.local import build_corpus
from storyline.settings import Settings
from storyline.store import Store

SAID = "Officials will meet the striking dockers on Monday to end the harbour strike"
TEXT = f"Harbour strike talks. Ingrid Solheim said: “{SAID}.” Solheim leads the harbour board."


def _article(i: str, day: str) -> Article:
    return Article(id=i, source_id=f"s-{i}", source=f"{i}.txt", outlet=f"Outlet {i}",
                   title="Harbour strike talks set for Monday", text=TEXT, published=day)


def _analysis(i: str) -> Analysis:
    start = TEXT.index(SAID)
    name = TEXT.index("Ingrid Solheim")
    surname = TEXT.rindex("Solheim")
    mentions = (Mention(i, name, name + 14, "Ingrid Solheim", "PERSON", "solheim"),
                Mention(i, surname, surname + 7, "Solheim", "PERSON", "solheim"))
    quote = Quote(id=f"q-{i}", article=i, text=SAID, kind="direct", start=start,
                  end=start + len(SAID), sent_start=name, sent_end=start + len(SAID) + 2,
                  speaker_name="Ingrid Solheim", speaker_key="solheim", said_on="2031-03-10")
    return Analysis(article=i, sentences=(Sentence(i, 0, len(TEXT)),), mentions=mentions,
                    quotes=(quote,), language="en")


ARTICLES = [_article("a1", "2031-03-10"), _article("a2", "2031-03-11")]
ANALYSES = {a.id: _analysis(a.id) for a in ARTICLES}


def test_build_links_entities_in_memory(settings: Settings) -> None:
    found = corpus.build(MemoryCorpus(ARTICLES, ANALYSES), settings)
    [solheim] = [e for e in found.entities if e.name == "Ingrid Solheim"]
    assert found.entity_links == {("a1", "solheim"): solheim.id, ("a2", "solheim"): solheim.id}
    # The quotes were never linked where they are kept; the build's statements still know
    # their speaker, and the timeline counts her mentions in the story.
    assert all(q.speaker is None for a in ANALYSES.values() for q in a.quotes)
    [statement] = found.statements
    assert statement.speaker == solheim.id
    assert {r.speaker for r in found.timeline if r.kind == "quote"} == {solheim.id}
    [story] = found.stories
    assert story.articles == ("a1", "a2") and found.key_dates


def test_the_runner_saves_what_the_build_returns(store: Store, settings: Settings) -> None:
    with store.transaction():
        for a in ARTICLES:
            store.upsert_article(a)
            store.save_analysis(ANALYSES[a.id])
    assert build_corpus(store, settings)
    found = corpus.build(MemoryCorpus(ARTICLES, ANALYSES), settings)
    assert store.entities() == sorted(found.entities, key=lambda e: (-e.mentions, e.id))
    assert {q.speaker for q in store.quotes()} == {found.entity_links[("a1", "solheim")]}
    assert store.statements() == list(found.statements)
    assert [s.articles for s in store.stories()] == [s.articles for s in found.stories]
    assert set(store.timeline()) == set(found.timeline)
    assert store.key_dates() == list(found.key_dates)


def test_a_store_build_with_copies_found_elsewhere_reads_ahead_and_finds_the_same(
        store: Store, settings: Settings) -> None:
    from storyline.corpus import dedup
    from storyline.store.reader import StoredCorpus

    with store.transaction():
        for a in ARTICLES:
            store.upsert_article(a)
            store.save_analysis(ANALYSES[a.id])
    here = corpus.build(StoredCorpus(store), settings)
    reader = StoredCorpus(store)
    calls = []

    def elsewhere() -> list[DuplicateLink]:
        calls.append(1)
        return dedup.find_duplicates(reader, settings)

    assert corpus.build(reader, settings, copies=elsewhere) == here and calls == [1]
    linked = reader.linked(here.entity_links)
    linked.read_ahead()  # the analyses are kept: asking again reads none from the store
    store.conn.execute("DELETE FROM mentions")
    assert dict(linked.analyses(["a1", "a2"])) == {
        i: Analysis(article=i, mentions=tuple(dataclasses.replace(
            m, entity=here.entity_links[(i, m.key)]) for m in a.mentions),
            quotes=tuple(dataclasses.replace(q, speaker=here.entity_links[(i, "solheim")])
                         for q in a.quotes)) for i, a in ANALYSES.items()}


def test_names_merged_elsewhere_give_the_same_build(store: Store, settings: Settings) -> None:
    from storyline.corpus import entities
    from storyline.store.reader import StoredCorpus

    with store.transaction():
        for a in ARTICLES:
            store.upsert_article(a)
            store.save_analysis(ANALYSES[a.id])
    here = corpus.build(StoredCorpus(store), settings)
    calls = []

    def elsewhere() -> corpus.Merged:
        calls.append(1)
        return entities.merge_entities(StoredCorpus(store).mentions())

    assert corpus.build(StoredCorpus(store), settings, names=elsewhere) == here
    assert calls == [1]


def test_a_rebuild_keeps_the_stories_earlier_builds_made(settings: Settings) -> None:
    first = corpus.build(MemoryCorpus(ARTICLES[:1], ANALYSES), settings)
    again = corpus.build(MemoryCorpus(ARTICLES, ANALYSES), settings, first.stories)
    assert [s.id for s in again.stories] == [s.id for s in first.stories]


# A translation words the quote differently: its vectors, not its words, judge the pair.
SAID_A1 = "we will keep the harbour open in the winter"
SAID_A2 = "in the winter we will keep it open for the ferry boats and the fishing fleet"


def _translated() -> dict[str, Analysis]:
    said = {"a1": SAID_A1, "a2": SAID_A2}
    return {i: dataclasses.replace(a, quotes=tuple(dataclasses.replace(q, text=said[i])
                                                   for q in a.quotes))
            for i, a in ANALYSES.items()}


def test_statement_vectors_encoded_elsewhere_are_asked_for_once(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from wordvectors import WordsEncoder

    monkeypatch.setattr(corpus, "ENCODE_ELSEWHERE_TEXTS", 2)

    analyses = _translated()
    asked: list[list[str]] = []
    answered: list[int] = []

    def encode(texts: list[str]) -> Callable[[], NDArray[np.float32]]:
        asked.append(list(texts))

        def vectors() -> NDArray[np.float32]:
            answered.append(1)
            return WordsEncoder().encode(texts)
        return vectors

    link = DuplicateLink(article="a2", canonical="a1", kind="translation")
    found = corpus.build(MemoryCorpus(ARTICLES, analyses), settings, copies=lambda: [link],
                         encode=encode)
    assert asked == [[SAID_A1, SAID_A2]] and answered == [1]
    [statement] = found.statements
    assert statement.quotes == ("q-a1", "q-a2")


def test_nothing_is_sent_to_encode_when_no_quote_needs_a_vector(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "ENCODE_ELSEWHERE_TEXTS", 1)
    asked: list[list[str]] = []

    def encode(texts: list[str]) -> Callable[[], NDArray[np.float32]]:
        asked.append(texts)
        raise AssertionError("not to be called")

    link = DuplicateLink(article="a2", canonical="a1", kind="near")
    found = corpus.build(MemoryCorpus(ARTICLES, ANALYSES), settings, copies=lambda: [link],
                         encode=encode)
    assert asked == [] and len(found.statements) == 1


def test_a_few_statement_texts_go_to_the_worker_when_asked_never_loading_the_model_here(
        settings: Settings) -> None:
    from wordvectors import WordsEncoder

    analyses = _translated()
    asked: list[list[str]] = []

    def encode(texts: list[str]) -> Callable[[], NDArray[np.float32]]:
        asked.append(list(texts))
        return lambda: WordsEncoder().encode(texts)

    def load_here() -> None:
        raise AssertionError("a run with a pool never loads the model in this process")

    link = DuplicateLink(article="a2", canonical="a1", kind="translation")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(corpus.statements, "load_encoder", load_here)
        found = corpus.build(MemoryCorpus(ARTICLES, analyses), settings,
                             copies=lambda: [link], encode=encode)
    assert asked == [[SAID_A1, SAID_A2]]  # two texts: not sent ahead, sent when asked
    [statement] = found.statements
    assert statement.quotes == ("q-a1", "q-a2")
