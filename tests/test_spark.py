"""The Spark runner on local[2]: the same articles, duplicates and quotes as the local runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.runners.local import run
from storyline.settings import Settings
from storyline.store import Store

pytestmark = [pytest.mark.spark, pytest.mark.slow]

STORY = ("Fisheries ministers from Norway and Iceland met in Tromsø on Monday to discuss the "
         "cod quota for next year. \"We will not accept cuts of this size,\" said Anna Berg, "
         "the Norwegian minister, after the talks. The Icelandic delegation said it would "
         "publish its own figures on Friday, according to a statement from the ministry.")
OTHER = ("The harbour board in Bergen approved a new ferry terminal on Tuesday. Board chair "
         "Lars Moe told reporters that construction would begin in the spring and that the "
         "city had secured funding from the regional government for the first phase.")
UNRELATED = ("Snow closed the mountain pass between Ålesund and Oslo for the third time this "
             "winter. Road authority engineer Kari Nes said crews expected to reopen one lane "
             "by the evening, but warned drivers that avalanche risk remained high all week.")


def write_inputs(folder: Path) -> list[str]:
    """Two JSONL files and a text file: a copy, an edited reprint, a bad line, an empty file."""
    folder.mkdir()
    recs = [{"id": "n1", "text": STORY, "published": "2024-03-04", "outlet": "Nordic Wire"},
            {"id": "n2", "text": STORY.replace("Monday", "Monday morning"),
             "published": "2024-03-04", "outlet": "Harbour Herald"},
            {"id": "b1", "text": OTHER, "published": "2024-03-05", "outlet": "Bergen Daily"},
            {"id": "b2", "text": UNRELATED,
             "published": "2024-03-05", "outlet": "Sunnmøre Post"}]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in recs[:2]) + "\n{bad\n")
    (folder / "b.jsonl").write_text("\n".join(json.dumps(r) for r in recs[2:]) + "\n")
    (folder / "c.txt").write_text("date 2024-03-06\n" + STORY + "\n")
    (folder / "empty.txt").write_text("")
    return [str(p) for p in sorted(folder.iterdir())]


def snapshot(store: Store) -> dict[str, Any]:
    return {
        "articles": sorted((a.id, a.source, a.text) for a in store.articles()),
        "duplicates": sorted((d.article, d.canonical, d.kind) for d in store.duplicates()),
        "quotes": sorted((q.id, q.text, q.speaker_name, q.said_on) for q in store.quotes()),
        "failures": sorted(f.reason for f in store.failures()),
    }


def test_spark_then_load_equals_local_run(tmp_path: Path, spark: Any) -> None:
    from storyline.runners.spark import run_spark
    from storyline.runners.spark_load import load

    settings = Settings(progress=False, workers=1)
    inputs = write_inputs(tmp_path / "in")
    with Store.open(tmp_path / "local.db") as store:
        run(inputs, store, settings)
        local = snapshot(store)
    counts = run_spark(inputs, str(tmp_path / "out"), settings, spark)
    assert counts["pages"] == 5 and counts["analysed"] == 5
    for table in ("articles", "analyses", "quotes", "mentions", "failures", "near_pairs"):
        assert (tmp_path / "out" / table).is_dir(), table
    with Store.open(tmp_path / "spark.db") as store:
        load(tmp_path / "out", store, settings)
        assert snapshot(store) == local
    assert local["articles"] and local["duplicates"]


def test_band_join_finds_the_reprint(tmp_path: Path, spark: Any) -> None:
    import pyarrow.parquet as pq

    from storyline.runners.spark import run_spark

    run_spark(write_inputs(tmp_path / "in"), str(tmp_path / "out"), Settings(), spark)
    pairs = pq.read_table(str(tmp_path / "out" / "near_pairs")).to_pylist()
    articles = {r["id"]: r["source_id"]
                for r in pq.read_table(str(tmp_path / "out" / "articles")).to_pylist()}
    found = {frozenset((articles[p["a"]], articles[p["b"]])) for p in pairs}
    assert frozenset(("n1", "n2")) in found
    assert not any("b1" in pair for pair in found)


def test_load_refuses_a_folder_without_articles(tmp_path: Path) -> None:
    from storyline.errors import ConfigError
    from storyline.runners.spark_load import load

    with Store.open(":memory:") as store, pytest.raises(ConfigError, match="storyline spark"):
        load(tmp_path, store, Settings())
