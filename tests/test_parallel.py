"""The worker pool and the streaming runner: same results with 1 and 2 workers, bounded."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES
from storyline import pipeline
from storyline.records import Article, Failure, RawPage
from storyline.runners import workers as parallel
from storyline.runners.local import analyse_pending, run
from storyline.settings import Settings
from storyline.store import Store

SUBJECTS = ("The harbour board", "A fisheries minister", "The coast guard", "Union leaders")
VERBS = ("met", "called", "visited", "criticised")


def write_corpus(folder: Path, n: int) -> Path:
    """``n`` small invented articles in one JSONL file (a few exact copies included)."""
    lines = write_corpus_lines(n)
    lines.append("{not json")
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_corpus_lines(n: int) -> list[str]:
    lines = []
    for i in range(n):
        s, v = SUBJECTS[i % 4], VERBS[(i // 4) % 4]
        text = (f"{s} {v} officials in Tromsø on Monday, report number {i % (n - 3)}.\n"
                f"\"We will not accept quota cuts,\" said Anna Berg, speaking for the group.")
        lines.append(json.dumps({"id": f"a{i}", "text": text, "published": "2024-03-0"
                                 f"{1 + i % 9}", "title": f"Report {i}"}))
    return lines


def double(items: list[int], settings: Settings) -> list[int]:
    return [2 * i for i in items]


def test_inline_map_keeps_order(settings: Settings) -> None:
    with parallel.Workers(settings.replace(workers=1)) as w:
        assert list(w.map(double, range(10), chunk=3)) == [2 * i for i in range(10)]


def test_window_never_reads_far_ahead(settings: Settings) -> None:
    pulled: list[int] = []

    def source() -> Iterator[int]:
        for i in range(1000):
            pulled.append(i)
            yield i

    with parallel.Workers(settings.replace(workers=1)) as w:
        out = w.map(double, source(), chunk=4)
        next(out)
        assert len(pulled) <= 8  # one chunk, plus the read-ahead of the chunker


def test_failure_stub_drops_page_body() -> None:
    page = RawPage(source="s", source_id="i", kind="text", text="x" * 1000)
    stub = pipeline._stub(page)
    assert isinstance(stub, RawPage) and stub.text is None and stub.source == "s"


@pytest.mark.slow
def test_pool_map_keeps_order(settings: Settings) -> None:
    with parallel.Workers(settings.replace(workers=2)) as w:
        assert list(w.map(double, range(50), chunk=3)) == [2 * i for i in range(50)]


@pytest.mark.slow
def test_submit_runs_here_until_the_pool_is_running(settings: Settings) -> None:
    with parallel.Workers(settings.replace(workers=2)) as w:
        assert w.submit(os.getpid)() == os.getpid()  # no pool started for one task
        assert list(w.map(double, range(9), chunk=3)) == [2 * i for i in range(9)]
        assert w.submit(os.getpid)() != os.getpid()


def _dump(store: Store) -> dict[str, Any]:
    return {"articles": sorted(a.to_dict().items().__repr__() for a in store.articles()),
            "failures": sorted(f.reason for f in store.failures()),
            "analyses": {k: v.to_dict() for k, v in store.analyses().items()},
            "duplicates": [d.to_dict() for d in store.duplicates()]}


@pytest.mark.slow
def test_two_workers_give_the_same_store(tmp_path: Path, settings: Settings) -> None:
    corpus = write_corpus(tmp_path, 40)
    dumps = []
    for workers in (1, 2):
        with Store.open(tmp_path / f"w{workers}.db") as store:
            summary = run([str(corpus)], store, settings.replace(workers=workers))
            assert summary.failures == 1 and summary.pages == 40
            dumps.append(_dump(store))
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["analyses"]) == 40


@pytest.mark.slow
def test_analyse_pending_streams_in_id_pages(store: Store, settings: Settings) -> None:
    with store.transaction():
        for i in range(7):
            store.upsert_article(Article(id=f"id{i}", source_id=str(i), source=f"s{i}",
                                         text=f"Article {i} says little."))
    assert analyse_pending(store, settings.replace(batch_size=3)) == 7
    assert store.unanalyzed_ids() == []
    assert analyse_pending(store, settings) == 0


@pytest.mark.slow
def test_analysis_error_becomes_failure(store: Store, settings: Settings,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: Any, article: Article) -> Any:
        raise RuntimeError("stage bug")

    monkeypatch.setattr(pipeline.analyze, "analyze_doc", broken)
    with store.transaction():
        store.upsert_article(Article(id="x", source_id="x", source="x.txt",
                                     text="The minister said hello to the press."))
    assert analyse_pending(store, settings) == 0
    assert [f.reason for f in store.failures()] == ["analyse-error"]
    assert isinstance(store.failures()[0], Failure)


@pytest.mark.slow
def test_an_article_parsed_alone_gets_the_analysis_it_gets_in_a_batch(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [json.loads(row)["text"] for row in write_corpus_lines(8)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("text/*.txt"))]
    articles = [Article(id=f"id{i}", source_id=str(i), source=f"s{i}", text=text)
                for i, text in enumerate(texts)]
    batched = pipeline.analyse_chunk(articles, settings)
    monkeypatch.setattr(pipeline, "SOLO_CHARS", 0)  # every article on its own
    assert pipeline.analyse_chunk(articles, settings) == batched


@pytest.mark.slow
def test_the_warm_up_page_goes_through_every_stage(settings: Settings) -> None:
    # A worker's start-up takes this page through cleaning and analysis: it must reach the
    # date finders, the language identifier and the quote and time stages, or their
    # first-use costs land in the worker's first task instead.
    article = pipeline.process_page(pipeline.WARM_UP_PAGE, settings)
    assert isinstance(article, Article)
    assert article.language == "en" and article.published == "2024-03-05"
    (analysis,) = pipeline.analyse_chunk([article], settings)
    assert not isinstance(analysis, Failure)
    assert analysis.quotes and analysis.timexes and analysis.mentions


@pytest.mark.slow
def test_runs_share_a_pool_they_are_given(tmp_path: Path, settings: Settings) -> None:
    corpus = write_corpus(tmp_path, 40)
    two = settings.replace(workers=2)
    with parallel.Workers(two) as shared:
        with Store.open(tmp_path / "first.db") as store:
            run([str(corpus)], store, two, shared)
        pool = shared._pool
        assert pool is not None  # started by the first run, and left running by it
        with Store.open(tmp_path / "second.db") as store:
            run([str(corpus)], store, two, shared)
            second = _dump(store)
        assert shared._pool is pool
    with Store.open(tmp_path / "own.db") as store:
        run([str(corpus)], store, two)
        assert _dump(store) == second
