"""Shared fixtures: an in-memory store, the spaCy pipeline, a Spark session, and ../shared
when present."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.settings import Settings
from storyline.store import Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def settings() -> Settings:
    return Settings(progress=False)


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store.open(":memory:")
    yield s
    s.close()


@pytest.fixture(scope="session")
def nlp() -> Any:
    from storyline.analyze import model as language

    return language.load(Settings().model)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session for every Spark test; skipped without a Java runtime."""
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: run `make system-deps`")
    from storyline.runners.spark import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared/eval is not present")
    return SHARED
