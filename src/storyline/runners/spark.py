"""The Spark runner: the local runner's stage functions, distributed with Apache Spark.

    1. read     binaryFiles(INPUT...)  (path, bytes) -> ingest readers -> RawPage | Failure
    2. clean    pipeline.process_page               } one mapPartitions pass; the model is
    3. analyse  pipeline.analyse_chunk              } loaded once per executor process
    4. copies   banded MinHash join over word shingles -> candidate near-duplicate pairs
    5. write    Parquet under OUT: articles, analyses, quotes, mentions, failures, near_pairs

The job only does I/O and partitioning (as in cc-pyspark): every per-record step is a plain
function shared with the local runner (``pipeline.py``); skip reasons are counted in
accumulators. ``storyline load OUT`` (``spark_load.load``) brings the Parquet into SQLite
and runs the corpus build, the same ``corpus.build`` the local runner calls.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ConfigError
from ..records import Analysis, Article, Failure, RawPage
from ..settings import Settings

# Small defaults that run on a laptop; a cluster's spark-submit settings override them.
LOCAL_CONF = {
    "spark.driver.memory": "1g",
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.python.worker.reuse": "true",  # keeps each executor's loaded model across tasks
}


def spark_session(master: str | None = None) -> Any:
    """A SparkSession (lazily importing pyspark, with a one-line fix when it is missing)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        raise ConfigError("pyspark is not installed: install storyline[spark]") from e
    builder = SparkSession.builder.appName("storyline")
    if master:
        builder = builder.master(master)
    if (master or "local").startswith("local"):
        # local workers must run this interpreter (the venv with storyline and the model);
        # on a cluster, spark-submit's spark.pyspark.python names the shipped environment
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    for key, value in LOCAL_CONF.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


# ------------------------------------------------------------------ per-record functions

def pages_from_bytes(path: str, data: bytes, settings: Settings) -> Iterator[RawPage | Failure]:
    """The pages in one file's bytes, whatever its format (``ingest.read_file`` on bytes)."""
    from ..ingest import input_stream, read_stream
    from ..ingest.files import bytes_stream, printable

    name = printable(path)
    try:
        if not data:
            yield Failure(source=name, reason="empty", detail="the file is empty")
            return
        stream = input_stream(path, bytes_stream(data), len(data), settings)
        yield from read_stream(name, stream, settings)
    except Exception as e:  # noqa: BLE001 - a bad file is this file's failure
        yield Failure(source=name, reason=getattr(e, "reason", "unreadable"),
                      detail=f"{type(e).__name__}: {e}")


def process_files(files: Iterable[tuple[str, bytes]], settings: Settings,
                  counters: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """One partition: files -> ("article" | "analysis" | "failure", JSON) rows."""
    from ..pipeline import CHUNK_ARTICLES, analyse_chunk, process_page
    from ..text import batched

    def cleaned() -> Iterator[Article]:
        for path, data in files:
            for page in pages_from_bytes(_local_name(path), data, settings):
                result = page if isinstance(page, Failure) else process_page(page, settings)
                counters["pages"].add(not isinstance(page, Failure))
                if isinstance(result, Failure):
                    counters["failures"].add(1)
                    failures.append(result)
                else:
                    yield result

    failures: list[Failure] = []
    for chunk in batched(cleaned(), CHUNK_ARTICLES):
        for article in chunk:
            yield "article", json.dumps(article.to_dict())
        for result in analyse_chunk(chunk, settings):
            if isinstance(result, Analysis):  # kept unread for want of a pipeline: not counted
                counters["analysed"].add(int(result.not_analysed is None))
            else:
                counters["failures"].add(1)
            kind = "analysis" if isinstance(result, Analysis) else "failure"
            yield kind, json.dumps(result.to_dict())
        yield from (("failure", json.dumps(f.to_dict())) for f in failures)
        failures.clear()
    yield from (("failure", json.dumps(f.to_dict())) for f in failures)


def _local_name(path: str) -> str:
    # binaryFiles names local files file:/...; keep sources as the local runner writes them.
    return path.removeprefix("file:") if path.startswith("file:/") else path


def band_keys(article_id: str, text: str, settings: Settings) -> list[tuple[str, str]]:
    """(band key, article id) rows: articles sharing a key are near-duplicate candidates,
    with the bands the local runner's dedup joins on (dedup.article_band_keys)."""
    from ..corpus import dedup

    return [(f"{band}:{key}", article_id)
            for band, key in enumerate(dedup.article_band_keys(text, settings))]


# --------------------------------------------------------------------------- the job

def run_spark(inputs: list[str], out: str, settings: Settings, spark: Any = None) -> dict[str, int]:
    """Read ``inputs``, run the per-article stages, write Parquet under ``out``; the counts."""
    if not inputs:
        raise ConfigError("give at least one input path or URI")
    spark = spark or spark_session()
    sc = spark.sparkContext
    counters = {k: sc.accumulator(0) for k in ("pages", "analysed", "failures")}
    files = sc.binaryFiles(",".join(inputs))
    rows = files.mapPartitions(lambda part: process_files(part, settings, counters)).cache()
    _write_tables(spark, rows, out)
    articles = rows.filter(lambda r: r[0] == "article").map(lambda r: json.loads(r[1]))
    _write_near_pairs(spark, articles, settings, out)
    rows.unpersist()
    return {k: int(v.value) for k, v in counters.items()}


def _write_tables(spark: Any, rows: Any, out: str) -> None:
    from .spark_load import SCHEMAS, flatten

    for table, schema in SCHEMAS.items():
        records = rows.flatMap(lambda r, t=table: flatten(t, r[0], r[1]))
        spark.createDataFrame(records, schema).write.mode("overwrite").parquet(f"{out}/{table}")


def _write_near_pairs(spark: Any, articles: Any, settings: Settings, out: str) -> None:
    # The band join: articles meet only when a band of their MinHash signatures agrees.
    keys = articles.flatMap(lambda a: band_keys(a["id"], a["text"], settings))
    pairs = (keys.groupByKey()
             .flatMap(lambda kv: _pairs(sorted(set(kv[1]))))
             .distinct())
    spark.createDataFrame(pairs, "a string, b string").write.mode("overwrite").parquet(
        f"{out}/near_pairs")


def _pairs(ids: list[str]) -> Iterator[tuple[str, str]]:
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            yield a, b
