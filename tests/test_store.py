from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from storyline.records import Analysis, Article, Failure, Mention, Quote, Sentence
from storyline.store import Store
from storyline.store.migrations import MIGRATIONS
from storyline.store.reader import StoredCorpus


def _article(i: str = "a1") -> Article:
    return Article(id=i, source_id="s1", source="x.txt", text="Hello there.\n\nSecond.")


def test_migrations_apply_once(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(path).close()
    with Store.open(path) as again:
        assert again.migrations() == [name for name, _ in MIGRATIONS]


def test_upsert_is_idempotent(store: Store) -> None:
    with store.transaction():
        assert store.upsert_article(_article())
        assert not store.upsert_article(_article())
    assert [a.id for a in store.articles()] == ["a1"]


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    try:
        with store.transaction():
            store.upsert_article(_article())
            raise RuntimeError("killed")
    except RuntimeError:
        pass
    assert store.articles() == []


def test_analysis_round_trip(store: Store) -> None:
    q = Quote(id="q1", article="a1", text="Hello there", kind="direct", start=0, end=11,
              sent_start=0, sent_end=12, speaker_name="Ann")
    analysis = Analysis(article="a1", sentences=(Sentence("a1", 0, 12),), quotes=(q,))
    with store.transaction():
        store.upsert_article(_article())
        store.save_analysis(analysis)
        store.save_analysis(analysis)
    assert store.analyses()["a1"] == analysis
    assert store.articles(unanalyzed=True) == []


def test_a_linked_corpus_reads_the_build_s_entities_without_writing_them(store: Store) -> None:
    m = Mention("a1", 0, 5, "Hello", "PERSON", "hello")
    q = Quote(id="q1", article="a1", text="Hello there", kind="direct", start=0, end=11,
              sent_start=0, sent_end=12, speaker_name="Ann", speaker_key="hello")
    with store.transaction():
        store.upsert_article(_article())
        store.save_analysis(Analysis(article="a1", mentions=(m,), quotes=(q,)))
    linked = StoredCorpus(store).linked({("a1", "hello"): "E-hello"})
    assert [x.entity for x in linked.mentions()] == ["E-hello"]
    assert [x.speaker for x in linked.quotes()] == ["E-hello"]
    [found] = linked.analyses(["a1"]).values()
    assert (found.mentions[0].entity, found.quotes[0].speaker) == ("E-hello", "E-hello")
    assert linked.mention_key_counts() == [("a1", "hello", 1)]
    # What is stored is unchanged until the runner saves the build.
    assert store.mentions()[0].entity is None and store.quotes()[0].speaker is None


def test_a_stored_corpus_reads_each_analysis_as_the_store_does_kept_or_not(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.records import EventMention, Timex
    from storyline.store import reader

    monkeypatch.setattr(reader, "KEPT_ANALYSES", 2)  # a1, a2 kept; a3 read every time
    with store.transaction():
        for i in ("a1", "a2", "a3"):
            store.upsert_article(_article(i))
            store.save_analysis(Analysis(
                article=i, sentences=(Sentence(i, 0, 12), Sentence(i, 14, 21)),
                mentions=(Mention(i, 0, 5, "Hello", "PERSON", "hello"),),
                quotes=(Quote(id=f"q-{i}", article=i, text="Hello there", kind="direct",
                              start=0, end=11, sent_start=0, sent_end=12, speaker_key="hello"),),
                timexes=(Timex(i, 14, 20, "Second", "2024-01-02"),),
                event_mentions=(EventMention(id=f"e-{i}", article=i, trigger="met",
                                             kind="meeting", start=0, end=3,
                                             participants=("E-x", "E-y"), lead=True),)))
    links = {("a2", "hello"): "E-hello"}
    corpus = StoredCorpus(store).linked(links)
    want = store.analyses(entities=links)
    bare = {i: dataclasses.replace(a, sentences=()) for i, a in want.items()}
    for _ in range(2):  # read, then served from what was kept
        assert dict(corpus.analyses(["a3", "a1", "a2", "nope"])) == {
            "a3": bare["a3"], "a1": bare["a1"], "a2": bare["a2"],
            "nope": Analysis(article="nope")}
        assert list(corpus.analyses(["a2", "a1"])) == ["a2", "a1"]
        assert dict(corpus.analyses(["a1", "a2"], sentences=True)) == {
            "a1": want["a1"], "a2": want["a2"]}
        assert dict(corpus.analyses(["a3", "a1"], sentences=True)) == {
            "a3": want["a3"], "a1": want["a1"]}
    assert want["a2"].quotes[0].speaker == "E-hello" and want["a1"].quotes[0].speaker is None
    assert store.sentences_of(["a2", "nope"]) == {"a2": want["a2"].sentences, "nope": ()}


def test_failures_are_recorded(store: Store) -> None:
    with store.transaction():
        store.record_failure(Failure(source="bad.gz", reason="truncated-gzip"))
    assert store.stats()["failure_reasons"] == [("truncated-gzip", 1)]


def test_store_from_an_earlier_version_upgrades_in_place(tmp_path: Path) -> None:
    import sqlite3

    from storyline.store import migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    first = MIGRATIONS[:1]
    original = migrations.MIGRATIONS
    migrations.MIGRATIONS = first  # what the first release shipped
    try:
        migrations.migrate(conn)
    finally:
        migrations.MIGRATIONS = original
    conn.execute("INSERT INTO articles (id, source_id, source, text) "
                 "VALUES ('old1', 's', 'f.txt', 'Kept across the upgrade.')")
    conn.close()
    with Store.open(path) as upgraded:
        assert upgraded.migrations() == sorted(name for name, _ in MIGRATIONS)
        assert [a.text for a in upgraded.articles()] == ["Kept across the upgrade."]
