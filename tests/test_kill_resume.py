"""Crash safety: SIGKILL `storyline run` at random moments, re-run, get the same store."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT

# Kills per test: enough to land in reading, cleaning, analysis and the corpus build.
KILLS = 8
EXAMPLES = ROOT / "examples"
TOWNS = ["Tromsø", "Bodø", "Hammerfest", "Vardø", "Alta", "Narvik", "Harstad", "Kirkenes"]


def _corpus(folder: Path, n: int = 40) -> Path:
    """The shipped examples plus generated local-news pages, enough for runs to take time."""
    shutil.copytree(EXAMPLES, folder)
    rng = random.Random(7)
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        first, last = rng.choice(["Anne", "Ola", "Kari", "Per"]), rng.choice(["Berg", "Lie"])
        mayor = f"{first} {last}"
        text = (f" date 2025-10-{1 + i % 28:02d}\n"
                f"{town} council approves harbour budget number {i}\n"
                f"The council in {town} approved a harbour budget of {10 + i} million kroner on "
                f"Monday, mayor {mayor} said.\n"
                f"“This money keeps the quay open for the winter fleet,” {mayor} told reporters "
                f"after the vote in {town}.\n"
                f"Opposition members said the plan ignored the ferry terminal, which needs "
                f"repairs costing {i + 3} million kroner.\n")
        (folder / f"gen_{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "storyline", *args]


def _export(db: Path) -> dict[str, Any]:
    out = subprocess.run(_cli("export", "--db", str(db), "--format", "json"), check=True,
                         capture_output=True, text=True)
    data: dict[str, Any] = json.loads(out.stdout)
    data.pop("failures", None)  # holds run numbers, which differ by design
    return data


@pytest.mark.slow
def test_killed_runs_resume_to_the_same_store(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    reference = tmp_path / "reference.db"
    subprocess.run(_cli("run", str(corpus), "--db", str(reference), "--no-progress"),
                   check=True, env=env, capture_output=True)
    killed = tmp_path / "killed.db"
    rng = random.Random(1)
    for _ in range(KILLS):
        proc = subprocess.Popen(_cli("run", str(corpus), "--db", str(killed), "--no-progress"),
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 6.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    subprocess.run(_cli("run", str(corpus), "--db", str(killed), "--no-progress"),
                   check=True, env=env, capture_output=True)
    assert _export(killed) == _export(reference)
    # And a further re-run changes nothing at all.
    subprocess.run(_cli("run", str(corpus), "--db", str(killed), "--no-progress"),
                   check=True, env=env, capture_output=True)
    assert _export(killed) == _export(reference)
