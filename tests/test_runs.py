"""Run states: a run with no finished_at is "in progress" while its process lives and
"interrupted" once that process is gone, however it ended (kill -9 included)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from storyline.cli import main
from storyline.records import RunSummary
from storyline.store import Store

# A process that starts a run on the store, says so, and waits to be killed.
_HOLDER = """
import sys, time
from storyline.store import Store
store = Store.open(sys.argv[1])
print(store.start_run("run holder"), flush=True)
time.sleep(120)
"""


def _states(db: Path) -> dict[int, str]:
    with Store.open(db, readonly=True) as s:
        return {r["id"]: r["state"] for r in s.run_states()}


def test_finished_live_and_killed_runs_are_told_apart(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as s:
        s.finish_run(s.start_run("run done"), RunSummary())
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None
        live = int(holder.stdout.readline())
        assert _states(db) == {1: "finished", live: "in progress"}
        out = CliRunner().invoke(main, ["stats", "--db", str(db)]).output
        assert f"run {live:<5} in progress" in out and "runs            2" in out
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    assert _states(db) == {1: "finished", live: "interrupted"}
    out = CliRunner().invoke(main, ["stats", "--db", str(db)]).output
    assert f"run {live:<5} interrupted" in out and "run holder" in out


def test_a_run_left_open_in_this_process_is_live_until_its_store_closes(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    writer = Store.open(db)
    run = writer.start_run("run here")
    assert _states(db) == {run: "in progress"}  # checked and released on another handle
    assert _states(db) == {run: "in progress"}
    writer.close()  # the process went on without finishing the run
    assert _states(db) == {run: "interrupted"}


def test_runs_in_a_memory_store_are_finished_or_unfinished() -> None:
    with Store.open(":memory:") as s:
        s.finish_run(s.start_run("a"), RunSummary())
        s.start_run("b")
        assert [r["state"] for r in s.run_states()] == ["finished", "unfinished"]
