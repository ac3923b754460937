"""A corpus step that raises is recorded, not fatal: articles stay, the next run retries."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import CORPUS_FAILED_EXIT, main
from storyline.corpus import stories
from storyline.records import Article
from storyline.runners.local import build_corpus
from storyline.settings import Settings
from storyline.store import Store


def _article(i: str, text: str) -> Article:
    return Article(id=i, source_id=f"s-{i}", source=f"{i}.txt", text=text,
                   published="2025-03-0" + i[-1])


def _broken_stories(*args: object, **kwargs: object) -> list[object]:
    raise ValueError("two stories with one id")


def test_a_failing_step_is_recorded_and_cleared_by_the_next_good_build(
        store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    with store.transaction():
        store.upsert_article(_article("a1", "The harbour strike ended on Monday."))
        store.upsert_article(_article("a2", "The harbour strike ended on Monday, dockers said."))
    assert build_corpus(store, settings)
    before = store.stories()
    monkeypatch.setattr(stories, "assign_stories", _broken_stories)
    assert not build_corpus(store, settings)
    [failure] = store.corpus_failures()
    assert (failure.source, failure.reason) == ("stories", "ValueError")
    assert "two stories with one id" in failure.detail
    # Nothing of the failed build is half written: the last good corpus stays.
    assert len(store.article_ids()) == 2 and store.stories() == before
    monkeypatch.undo()
    assert build_corpus(store, settings)
    assert store.corpus_failures() == []


def test_a_failing_save_is_recorded_and_writes_nothing(
        store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    with store.transaction():
        store.upsert_article(_article("a1", "The harbour strike ended on Monday."))
    assert build_corpus(store, settings)
    before = store.stories()

    def broken_save(found: object) -> None:
        store.save_stories([])  # half written, then the save fails
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "save_corpus", broken_save)
    with store.transaction():
        store.upsert_article(_article("a2", "The harbour strike ended on Monday, dockers said."))
    assert not build_corpus(store, settings)
    [failure] = store.corpus_failures()
    assert (failure.source, failure.reason, failure.detail) == ("save", "RuntimeError",
                                                                "disk full")
    assert store.stories() == before


@pytest.mark.slow
def test_run_with_a_failing_step_exits_2_and_stats_shows_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour strike ends\n\nThe mayor said on Monday that the "
                                  "harbour strike had ended after nine days.\n")
    db = str(tmp_path / "s.db")
    args = ["run", str(folder), "--db", db, "--workers", "1", "--no-progress"]
    monkeypatch.setattr(stories, "assign_stories", _broken_stories)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == CORPUS_FAILED_EXIT
    assert "corpus step 'stories' failed: ValueError" in result.output
    assert "articles are stored, re-run to retry" in result.output
    stats = CliRunner().invoke(main, ["stats", "--db", db])
    assert "articles        1" in stats.output and "stories" in stats.output
    assert "two stories with one id" in stats.output
    monkeypatch.undo()
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.output
    assert "two stories with one id" not in CliRunner().invoke(
        main, ["stats", "--db", db]).output
    with Store.open(db, readonly=True) as store:
        assert store.stats()["stories"] == 1
