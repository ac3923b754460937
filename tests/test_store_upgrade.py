"""A store an earlier version wrote: the web app, export and report bring it up to date once
(a read-only connection never migrates, and pages would fail on a column a later migration
added), or stop at start-up naming the store and the command to run."""

from __future__ import annotations

import os
import sqlite3
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.errors import StoreError
from storyline.store import Store
from storyline.store.migrations import MIGRATIONS, pending
from webdata import STORY, build_file

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette asks for httpx2; httpx works the same
    from fastapi.testclient import TestClient

from storyline.web.app import create_app

# The migration whose effect the old store lacks: a column the quote queries read.
OLD_MISSING = "0015_quote_speaker_from"


def _old_store(path: Path) -> Path:
    """The web test store as the version before OLD_MISSING wrote it: no such column, and
    the migration not recorded."""
    build_file(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("ALTER TABLE quotes DROP COLUMN speaker_from")
    conn.execute("DELETE FROM schema_migrations WHERE name = ?", (OLD_MISSING,))
    conn.close()
    return path


def _columns(path: Path, table: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


def test_pending_names_what_an_old_store_lacks(tmp_path: Path) -> None:
    path = _old_store(tmp_path / "old.db")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert pending(conn) == [OLD_MISSING]
    finally:
        conn.close()
    empty = sqlite3.connect(":memory:")
    assert pending(empty) == [name for name, _ in MIGRATIONS]  # no migrations table at all


def test_the_app_upgrades_an_old_store_once_and_serves_its_pages(tmp_path: Path) -> None:
    path = _old_store(tmp_path / "old.db")
    # read-only, as every request opens it, the old store fails on the missing column
    with Store.open(path, readonly=True) as ro, pytest.raises(sqlite3.OperationalError):
        ro.query("SELECT q.speaker_from FROM quotes q")
    with TestClient(create_app(path)) as c:
        for url in ("/", f"/stories/{STORY}", "/people", "/search?q=quota"):
            r = c.get(url)
            assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert "speaker_from" in _columns(path, "quotes")
    with Store.open(path, readonly=True) as ro:
        assert ro.migrations() == sorted(name for name, _ in MIGRATIONS)
    assert Store.upgrade(path) == []  # up to date: nothing more to do, nothing written


def test_an_up_to_date_store_is_never_written(tmp_path: Path) -> None:
    path = build_file(tmp_path / "new.db")
    before = path.read_bytes()
    assert Store.upgrade(path) == []
    create_app(path)
    assert path.read_bytes() == before


def test_an_old_store_that_cannot_be_written_stops_the_app_with_the_command_to_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _old_store(tmp_path / "old.db")
    # root writes a read-only file anyway: the check is what a read-only file would answer
    real = os.access
    monkeypatch.setattr("storyline.store.core.os.access",
                        lambda p, mode: False if mode == os.W_OK else real(p, mode))
    with pytest.raises(StoreError) as e:
        create_app(path)
    assert str(path) in str(e.value) and f"storyline migrate --db {path}" in str(e.value)
    assert OLD_MISSING in str(e.value)
    out = CliRunner().invoke(main, ["export", "--db", str(path)])
    assert out.exit_code == 1 and "storyline migrate" in out.output
    assert "speaker_from" not in _columns(path, "quotes")  # left as it was


def test_export_and_the_migrate_command_bring_an_old_store_up_to_date(tmp_path: Path) -> None:
    path = _old_store(tmp_path / "old.db")
    out = CliRunner().invoke(main, ["export", "--db", str(path), "-o", str(tmp_path / "e.json")])
    assert out.exit_code == 0, out.output
    assert "speaker_from" in _columns(path, "quotes")
    other = _old_store(tmp_path / "other.db")
    out = CliRunner().invoke(main, ["migrate", "--db", str(other)])
    assert out.exit_code == 0 and OLD_MISSING in out.output
    out = CliRunner().invoke(main, ["migrate", "--db", str(other)])
    assert out.exit_code == 0 and "is up to date" in out.output
