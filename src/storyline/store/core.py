"""Connection handling: open, migrate, transactions, JSON columns."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .migrations import migrate

# How long a statement waits for another connection's lock before failing; long enough
# that a web request never sees "database is locked" while a run commits a batch.
BUSY_TIMEOUT_MS = 30_000
# How often (in SQLite VM instructions) a time-limited connection checks its deadline: about
# a millisecond of work, so an interrupt lands quickly and the check itself costs nothing.
PROGRESS_STEPS = 10_000


class StoreCore:
    def __init__(self, conn: sqlite3.Connection, path: str, readonly: bool) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> Any:
        """Open (creating and migrating unless ``readonly``) the store at ``path``."""
        path = str(path)
        try:
            if readonly:
                if path != ":memory:" and not Path(path).exists():
                    raise StoreError(f"no store at {path}; create one with `storyline run`")
                uri = f"file:{Path(path).resolve()}?mode=ro" if path != ":memory:" else path
                conn = sqlite3.connect(uri, uri=path != ":memory:", isolation_level=None,
                                       check_same_thread=False)
            else:
                if path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                migrate(conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open store {path}: {e}") from e
        return cls(conn, path, readonly)

    def close(self) -> None:
        self.conn.close()

    def limit_time(self, seconds: float, stop: Callable[[], bool] = lambda: False) -> None:
        """Interrupt whatever statement runs ``seconds`` from now, or once ``stop()`` is true.

        The statement then raises ``sqlite3.OperationalError("interrupted")``; the web app
        answers 503. SQLite checks between VM steps, so one step of a virtual table (an FTS5
        match) is not cut short: search input limits bound those.
        """
        deadline = time.monotonic() + seconds

        def over() -> int:
            return int(time.monotonic() > deadline or stop())

        self.conn.set_progress_handler(over, PROGRESS_STEPS)

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All writes inside commit together or not at all (crash safety per batch)."""
        self._begin()
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _begin(self) -> None:
        # BEGIN IMMEDIATE takes the write lock up front; retry briefly on a busy reader
        # checkpoint rather than surfacing "database is locked".
        for attempt in range(50):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) and "busy" not in str(e):
                    raise StoreError(str(e)) from e
                time.sleep(min(0.05 * (attempt + 1), 1.0))
        raise StoreError(f"store {self.path} stayed locked; is another run writing to it?")

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def migrations(self) -> list[str]:
        return [r[0] for r in self.query("SELECT name FROM schema_migrations ORDER BY name")]


def dumps(value: Any) -> str:
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def loads(text: str | None) -> Any:
    return json.loads(text) if text else []
