"""Connection handling: open, migrate, transactions, JSON columns, live-run locks."""

from __future__ import annotations

import json
import os
import sqlite3
import struct
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..records import Article
from .migrations import migrate, pending

# How long a statement waits for another connection's lock before failing; long enough
# that a web request never sees "database is locked" while a run commits a batch.
BUSY_TIMEOUT_MS = 30_000
# How often (in SQLite VM instructions) a time-limited connection checks its deadline: about
# a millisecond of work, so an interrupt lands quickly and the check itself costs nothing.
PROGRESS_STEPS = 10_000
# Beside the store (as SQLite keeps "-wal" and "-shm"): byte N of this file is locked while
# run N's process lives. The kernel drops the lock when the process ends however it ends
# (kill -9, power loss aside), so a run with no finished_at and no lock was interrupted.
RUN_LOCK_SUFFIX = "-runs.lock"
# struct flock for fcntl(F_OFD_SETLK/GETLK): type, whence, start, length, pid; "0q" pads it.
_FLOCK = "@hhqqi0q"

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: run states read "unfinished"
    fcntl = None  # type: ignore[assignment]


def shown_outlet(outlet: str | None, final_url: str | None, url: str | None,
                 wire: str | None) -> str | None:
    """The outlet an article is shown and counted under (``corpus.sources.outlet_name``), or
    None when its page names none: one naming for the outlets list, source lines and counts."""
    if outlet and outlet.strip():
        return outlet.strip()
    # the corpus stage's rule; imported here, since importing the stage loads its models
    from ..corpus.sources import outlet_name
    name = outlet_name(Article(id="", source_id="", source="", text="", url=url,
                               final_url=final_url, wire=wire))
    return None if name.startswith("unknown (") else name


class StoreCore:
    def __init__(self, conn: sqlite3.Connection, path: str, readonly: bool) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self._run_locks: dict[int, int] = {}
        # The outlet every page shows an article under (``corpus.sources.outlet_name``: its
        # outlet, else its site's, else its wire credit), as SQL can group and filter by it.
        conn.create_function("shown_outlet", 4, shown_outlet, deterministic=True)

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

    @classmethod
    def upgrade(cls, path: str | Path) -> list[str]:
        """Bring the store at ``path``, written by an earlier version, up to date: apply
        its pending migrations (a read-write open does) and return their names; nothing
        when none are pending or there is no store there (a read-only open says so).

        Readers (the web app, export, report) open read-only, which never migrates, and
        would fail on a column a later migration added; they call this first. A store that
        cannot be written (its file or folder read-only) raises a StoreError that names
        it and the command to run where it can be."""
        path = str(path)
        if path == ":memory:" or not Path(path).is_file():
            return []
        try:
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
            try:
                todo = pending(conn)
            finally:
                conn.close()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open store {path}: {e}") from e
        if not todo:
            return []
        folder = Path(path).resolve().parent
        why = (f"store {path} was written by an earlier version of storyline and needs "
               f"{len(todo)} schema update(s) ({', '.join(todo)}), but it cannot be written "
               "here")
        fix = f"run `storyline migrate --db {path}` as a user who can write it (and its folder)"
        # A read-write open in WAL mode writes the file and creates files beside it.
        if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
            raise StoreError(f"{why}; {fix}")
        try:
            cls.open(path).close()
        except StoreError as e:
            raise StoreError(f"{why} ({e}); {fix}") from e
        return todo

    def close(self) -> None:
        for run in list(self._run_locks):
            self.release_run(run)
        self.conn.close()

    # -- live runs -------------------------------------------------------------------------

    def _run_lock_file(self) -> str | None:
        if self.path == ":memory:" or fcntl is None:
            return None
        return str(Path(self.path).resolve()) + RUN_LOCK_SUFFIX

    def hold_run(self, run: int) -> None:
        """Lock byte ``run`` of the run-lock file for as long as this run's process lives."""
        lock_file = self._run_lock_file()
        if lock_file is None:
            return
        try:
            fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return  # cannot create the file here: the run goes on; stats shows it interrupted
        try:
            _lock(fd, fcntl.F_WRLCK, run)
        except OSError:
            # A file system without these locks: the run must not fail for a status line
            # (stats then shows it interrupted while it runs).
            os.close(fd)
            return
        self._run_locks[run] = fd

    def release_run(self, run: int) -> None:
        fd = self._run_locks.pop(run, None)
        if fd is not None:
            os.close(fd)  # closing the descriptor drops its lock

    def run_states(self) -> list[dict[str, Any]]:
        """Every run with its state: finished, in progress, or interrupted (no finished_at
        and no live process holding its lock); "unfinished" where locks cannot be read."""
        runs = [dict(r) for r in self.conn.execute(
            "SELECT id, started_at, finished_at, command FROM runs ORDER BY id")]
        lock_file = self._run_lock_file()
        fd = _open_readable(lock_file) if lock_file else None
        try:
            for r in runs:
                if r["finished_at"]:
                    r["state"] = "finished"
                elif lock_file is None:
                    r["state"] = "unfinished"
                else:
                    r["state"] = "in progress" if fd is not None and _held(fd, r["id"]) \
                        else "interrupted"
        finally:
            if fd is not None:
                os.close(fd)
        return runs

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


def _open_readable(path: str) -> int | None:
    try:
        return os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None  # no run ever held a lock here


def _lock(fd: int, kind: int, byte: int) -> None:
    # Open-file-description locks where the OS has them (Linux): they belong to this
    # descriptor, so another handle on the file in the same process neither sees them as its
    # own nor drops them on close. Elsewhere POSIX record locks (per process).
    if hasattr(fcntl, "F_OFD_SETLK"):
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, struct.pack(_FLOCK, kind, os.SEEK_SET, byte, 1, 0))
    else:  # pragma: no cover - macOS, BSD
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, byte, os.SEEK_SET)


def _held(fd: int, byte: int) -> bool:
    """True when some live process holds a lock on ``byte`` of the file."""
    if hasattr(fcntl, "F_OFD_GETLK"):
        probe = struct.pack(_FLOCK, fcntl.F_RDLCK, os.SEEK_SET, byte, 1, 0)
        kind: int = struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_OFD_GETLK, probe))[0]
        return kind != fcntl.F_UNLCK
    try:  # pragma: no cover - macOS, BSD
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, 1, byte, os.SEEK_SET)
    except OSError:
        return True
    fcntl.lockf(fd, fcntl.LOCK_UN, 1, byte, os.SEEK_SET)  # pragma: no cover
    return False  # pragma: no cover


# One encoder for every JSON column: ``json.dumps`` with an option builds a new one per
# call, a third of the cost of writing a short list (the save writes tens of thousands).
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def dumps(value: Any) -> str:
    return _ENCODER.encode(list(value) if isinstance(value, tuple) else value)


def loads(text: str | None) -> Any:
    return json.loads(text) if text else []
