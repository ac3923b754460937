"""The Spark run's Parquet tables: their schemas, and loading them into the SQLite store.

Tables under a Spark run's output folder (one Parquet folder each)::

    articles    one row per Article (its fields)
    analyses    article id + the whole Analysis as JSON (what ``load`` restores)
    quotes      one row per Quote, mentions one row per Mention (for queries on the cluster)
    failures    one row per Failure
    near_pairs  candidate near-duplicate pairs from the banded MinHash join

Loading needs only pyarrow, not Spark, and streams record batches, so it runs where the
web app runs.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..records import Analysis, Article, Failure, Mention, Quote, Record, RunSummary
from ..settings import Settings
from ..store import Store

# Which row kind of the job feeds each table, and the record type of its rows.
TABLES: dict[str, tuple[str, type[Record]]] = {
    "articles": ("article", Article),
    "quotes": ("analysis", Quote),
    "mentions": ("analysis", Mention),
    "failures": ("failure", Failure),
}
# Rows per load transaction: the local runner's batch size, for the same crash safety.
LOAD_BATCH = 64


def _spark_type(hint: Any) -> str:
    names = {str: "string", int: "bigint", float: "double", bool: "boolean"}
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    base = args[0] if args else hint
    if typing.get_origin(base) is tuple:
        return "array<string>"
    return names.get(base, "string")


def schema_for(cls: type[Record]) -> str:
    """A Spark DDL schema from a record's fields and type hints."""
    hints = typing.get_type_hints(cls)
    return ", ".join(f"`{name}` {_spark_type(hints[name])}"
                     for name in cls.__dataclass_fields__)  # type: ignore[attr-defined]


def _schemas() -> dict[str, str]:
    out = {t: schema_for(cls) for t, (_, cls) in TABLES.items()}
    out["analyses"] = "article string, json string"
    return out


SCHEMAS = _schemas()


def flatten(table: str, kind: str, payload: str) -> list[dict[str, Any]]:
    """The rows ``table`` gets from one job row (``kind``, JSON payload)."""
    if table == "analyses":
        return [{"article": json.loads(payload)["article"], "json": payload}] \
            if kind == "analysis" else []
    wanted, _ = TABLES[table]
    if kind != wanted:
        return []
    data = json.loads(payload)
    if table in ("quotes", "mentions"):
        return list(data[table])
    return [data]


# ------------------------------------------------------------------------------ load

def load(folder: str | Path, store: Store, settings: Settings) -> RunSummary:
    """Bring a Spark run's Parquet into ``store`` and run the corpus build (a step that
    raises is recorded, as in a local run: ``store.corpus_failures()``)."""
    from .local import build_corpus

    folder = Path(folder)
    if not (folder / "articles").is_dir():
        raise ConfigError(f"{folder} is not a Spark run's output (no articles/ folder); "
                          "write one with `storyline spark INPUT... --out DIR`")
    run_id = store.start_run(f"load {folder}")
    new = unchanged = 0
    for batch in _rows(folder / "articles"):
        with store.transaction():
            for row in batch:
                article = Article.from_dict(row)
                added = store.upsert_article(article, run_id)
                new, unchanged = new + added, unchanged + (not added)
                store.record_source(article.source, article.id, "ok", article.id)
    _load_analyses(folder, store)
    failures = _load_failures(folder, store, run_id)
    build_corpus(store, settings, run_id=run_id)
    summary = RunSummary(pages=new + unchanged + len(failures), articles=new + unchanged,
                         new_articles=new, unchanged=unchanged,
                         duplicates=store.stats()["duplicates"], failures=len(failures),
                         failure_reasons=_reasons(failures))
    store.finish_run(run_id, summary)
    return summary


def _load_analyses(folder: Path, store: Store) -> None:
    for batch in _rows(folder / "analyses"):
        with store.transaction():
            for row in batch:
                store.save_analysis(Analysis.from_dict(json.loads(row["json"])))


def _load_failures(folder: Path, store: Store, run_id: int) -> list[Failure]:
    out: list[Failure] = []
    for batch in _rows(folder / "failures"):
        with store.transaction():
            for row in batch:
                failure = Failure.from_dict(row)
                store.record_failure(failure, run_id)
                out.append(failure)
    return out


def _reasons(failures: list[Failure]) -> tuple[tuple[str, int], ...]:
    from collections import Counter

    counts = Counter(f.reason for f in failures)
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _rows(table: Path) -> Iterator[list[dict[str, Any]]]:
    import pyarrow.dataset as ds

    if not table.is_dir():
        return
    for batch in ds.dataset(str(table), format="parquet").to_batches(batch_size=LOAD_BATCH):
        yield batch.to_pylist()
