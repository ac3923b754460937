"""Per-page limits hold in every stage: a page over them is a failure, never a hang."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline import pipeline
from storyline.analyze import model as language
from storyline.clean.html import MAX_TAGS
from storyline.errors import PageError
from storyline.limits import resident_mb, time_limit
from storyline.pipeline import process_page
from storyline.records import Analysis, Article, Failure, RawPage
from storyline.runners import workers as parallel
from storyline.runners.local import run
from storyline.settings import Settings
from storyline.store import Store

# A timer tick that lands inside a gc callback (hypothesis, imported by other test modules,
# installs one in this process) or a finaliser is swallowed by Python and reported as an
# "unraisable" exception; the limit's next tick raises again, which is what these tests
# check (limits.py). pytest would turn the report into a failure.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_library_catching_exception_cannot_swallow_the_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(PageError) as e, time_limit(0.3, "cleaning"):
        for _ in range(100):
            try:
                _spin(0.1)
            except Exception:  # noqa: BLE001 - what trafilatura and htmldate do
                continue
    assert e.value.reason == "timeout"
    assert time.monotonic() - started < 2


def test_a_timeout_lost_once_is_raised_again() -> None:
    swallowed = 0
    with pytest.raises(PageError), time_limit(0.3):
        for _ in range(100):
            try:
                _spin(0.1)
            except BaseException:  # as a __del__ or a C callback would lose it
                swallowed += 1
                if swallowed > 1:
                    raise
    assert swallowed == 2


def test_growing_memory_is_a_too_large_failure() -> None:
    if resident_mb() is None:
        pytest.skip("resident memory is not readable here")
    hoard = []
    with pytest.raises(PageError) as e, time_limit(20, "cleaning", memory_mb=100):
        for _ in range(2000):
            hoard.append(bytearray(1_000_000))
            time.sleep(0.001)
    assert e.value.reason == "too-large" and len(hoard) < 1000


def test_an_enclosing_limit_outlives_an_inner_one() -> None:
    with pytest.raises(PageError) as e, time_limit(0.5, "outer"):
        with time_limit(5, "inner"):
            _spin(0.1)
        _spin(3)
    assert "outer" in str(e.value)


def test_a_page_within_its_limits_is_untouched() -> None:
    with time_limit(1, memory_mb=500):
        value = sum(range(1000))
    time.sleep(0.7)  # no late tick fires once the block has ended
    assert value == 499500


def tiny_paragraphs(n: int) -> str:
    """A legal page of ``n`` one-letter paragraphs (8 bytes each): under the size limit,
    but slow and memory-hungry for trafilatura."""
    return "<html><head><title>Many</title></head><body>" + "<p>x</p>" * n + "</body></html>"


def test_a_page_with_more_tags_than_lxml_may_build_is_too_large(settings: Settings) -> None:
    page = RawPage(source="many.html", source_id="many", kind="html",
                   html=tiny_paragraphs(MAX_TAGS // 2 + 1))
    pipeline._warm_cleaning(settings)  # the process's one-time loads, before any first page
    started = time.monotonic()
    result = process_page(page, settings)
    assert isinstance(result, Failure) and result.reason == "too-large"
    assert time.monotonic() - started < 1


@pytest.mark.slow
def test_a_page_past_its_time_limit_fails_and_the_rest_is_stored(
        tmp_path: Path, store: Store, settings: Settings) -> None:
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(
        {"id": f"a{i}", "text": text, "published": "2024-03-04"}) for i, text in enumerate((
            "The harbour board met union leaders in Bergen on Monday.",
            "The coast guard visited Tromsø on Tuesday, officials said."))) + "\n")
    (tmp_path / "b.html").write_text(tiny_paragraphs(200_000))
    started = time.monotonic()
    summary = run([str(tmp_path)], store, settings.replace(workers=1, page_timeout_s=2))
    assert time.monotonic() - started < 15
    assert [(f.source, f.reason) for f in store.failures()] == [(str(tmp_path / "b.html"),
                                                                 "timeout")]
    assert summary.articles == 2 and len(store.analyses()) == 2


SLOW = "storyline_test_slow"


def _slow_component(doc: Any) -> Any:
    if "Slowpoke" in doc.text:
        time.sleep(10)
    return doc


@pytest.fixture
def slow_nlp(settings: Settings) -> Iterator[None]:
    """The shared pipeline with a component that stalls on one article."""
    from spacy.language import Language

    nlp = language.load(settings.model)
    if not Language.has_factory(SLOW):
        Language.component(SLOW, func=_slow_component)
    nlp.add_pipe(SLOW, first=True)
    try:
        yield
    finally:
        nlp.remove_pipe(SLOW)


def _article(i: int, text: str) -> Article:
    return Article(id=f"id{i}", source_id=str(i), source=f"s{i}.txt", text=text)


@pytest.mark.slow
def test_an_article_past_its_analysis_limit_fails_alone(slow_nlp: None,
                                                        settings: Settings) -> None:
    chunk = [_article(0, "The minister met union leaders in Oslo on Monday."),
             _article(1, "Slowpoke stalls the pipeline."),
             _article(2, "The coast guard visited Tromsø on Tuesday.")]
    started = time.monotonic()
    results = pipeline.analyse_chunk(chunk, settings.replace(page_timeout_s=1))
    assert time.monotonic() - started < 6
    assert [type(r) for r in results] == [Analysis, Failure, Analysis]
    failure = results[1]
    assert isinstance(failure, Failure) and failure.reason == "timeout"
    assert failure.source == "s1.txt"


@pytest.mark.slow
def test_an_article_longer_than_the_pipeline_takes_is_too_large(settings: Settings) -> None:
    nlp = language.load(settings.model)
    chunk = [_article(0, "The minister met union leaders in Oslo on Monday."),
             _article(1, "The word is out. " * (nlp.max_length // 17 + 1))]
    results = pipeline.analyse_chunk(chunk, settings)
    assert isinstance(results[0], Analysis)
    assert isinstance(results[1], Failure) and results[1].reason == "too-large"


def _text_page(i: int, text: str) -> RawPage:
    return RawPage(source=f"p{i}.txt", source_id=f"p{i}", kind="text", text=text,
                   published="2024-03-04")


@pytest.mark.slow
def test_a_worker_process_holds_the_limit_too(settings: Settings) -> None:
    pages = [_text_page(0, "The harbour board met union leaders in Bergen on Monday."),
             RawPage(source="b.html", source_id="b", kind="html",
                     html=tiny_paragraphs(200_000)),
             _text_page(2, "The coast guard visited Tromsø on Tuesday, officials said.")]
    tasks = [(page, str(i), True) for i, page in enumerate(pages)]
    with parallel.Workers(settings.replace(workers=2, page_timeout_s=2)) as workers:
        results = [r for _, _, r in workers.map(pipeline.clean_chunk, tasks, chunk=1)]
    assert [type(r) for r in results] == [Article, Failure, Article]
    assert isinstance(results[1], Failure) and results[1].reason == "timeout"


class _Accumulator:
    def __init__(self) -> None:
        self.value = 0

    def add(self, n: int) -> None:
        self.value += n


@pytest.mark.slow
def test_a_spark_partition_records_the_timeout_and_keeps_the_rest(
        tmp_path: Path, settings: Settings) -> None:
    from storyline.runners import spark

    good = "\n".join(json.dumps({"id": f"a{i}", "text": text, "published": "2024-03-04"})
                     for i, text in enumerate(("The harbour board met union leaders in Bergen.",
                                               "The coast guard visited Tromsø on Tuesday.")))
    files = [(f"file:{tmp_path}/b.html", tiny_paragraphs(200_000).encode()),
             (f"file:{tmp_path}/a.jsonl", good.encode())]
    counters = {k: _Accumulator() for k in ("pages", "analysed", "failures")}
    rows = list(spark.process_files(files, settings.replace(page_timeout_s=2), counters))
    failures = [json.loads(row) for kind, row in rows if kind == "failure"]
    assert [f["reason"] for f in failures] == ["timeout"]
    assert counters["analysed"].value == 2


def test_a_first_page_does_not_pay_the_process_one_time_loads(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    # The first page of a process used to load justext's stop lists, trafilatura and
    # dateparser inside its own time limit, and timed out on a busy machine. The loads
    # now come before its limit starts: a page limit far below their cost still passes.
    monkeypatch.setattr(pipeline, "_WARMED", set())
    page = RawPage(source="a.txt", source_id="a", kind="text", published="2024-03-04",
                   text="The harbour board met union leaders in Bergen on Monday.")
    result = process_page(page, settings.replace(page_timeout_s=0.5))
    assert isinstance(result, Article)
    assert "cleaning" in pipeline._WARMED
