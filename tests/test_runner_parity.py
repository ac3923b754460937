"""Both runners read files through the same ingest code: a Spark run loaded into SQLite
gives the same store as a local run on a folder of awkward files (UTF-16 text, a PNG, an
empty file, gzip-compressed HTML, a WARC holding an HTML page and an image)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import Any

import pytest

from storyline.runners.local import run
from storyline.settings import Settings
from storyline.store import Store

pytestmark = [pytest.mark.spark, pytest.mark.slow]

STORY = ("Date: 2024-05-14\n\nThe river authority in Lyon closed two quays on Tuesday after "
         "the Rhône rose above its spring mark. \"We expect the water to fall by Thursday,\" "
         "said Hélène Marchand, who heads the authority, adding that barges would wait "
         "downstream until then.\n")
PAGE = """<!doctype html><html><head><title>{title}</title>
<meta property="article:published_time" content="2024-05-15T08:00:00Z"></head>
<body><article><h1>{title}</h1><p>{body}</p><p>Harbour master Jonas Field said the
new crane would be tested next week, and that the port expected traffic to double by
the end of the year once the second berth opened to container ships.</p></article>
</body></html>"""


def _page(title: str, body: str) -> bytes:
    return PAGE.format(title=title, body=body).encode()


def _warc(pages: list[tuple[str, bytes, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, body, ctype in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http))
    return out.getvalue()


def write_inputs(folder: Path) -> list[str]:
    folder.mkdir()
    (folder / "utf16.txt").write_bytes(STORY.encode("utf-16"))
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.html").write_bytes(b"")
    (folder / "port.html.gz").write_bytes(gzip.compress(_page(
        "Port of Ghent opens second berth", "The second berth opened on Monday.")))
    (folder / "crawl.warc.gz").write_bytes(_warc([
        ("https://port.example/crane", _page(
            "New crane arrives in Ghent", "A new crane arrived at the port on Tuesday."),
         "text/html; charset=utf-8"),
        ("https://port.example/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png")]))
    return [str(p) for p in sorted(folder.iterdir())]


def snapshot(store: Store) -> dict[str, Any]:
    return {
        "articles": sorted((a.id, a.source, a.title, a.text, a.published)
                           for a in store.articles()),
        "failures": sorted((f.source.rsplit("/", 1)[-1], f.reason) for f in store.failures()),
        "quotes": sorted((q.id, q.text, q.speaker_name, q.said_on) for q in store.quotes()),
    }


def test_spark_and_local_runs_give_the_same_store(tmp_path: Path, spark: Any) -> None:
    from storyline.runners.spark import run_spark
    from storyline.runners.spark_load import load

    settings = Settings(progress=False, workers=1)
    inputs = write_inputs(tmp_path / "in")
    with Store.open(tmp_path / "local.db") as store:
        run(inputs, store, settings)
        local = snapshot(store)
    run_spark(inputs, str(tmp_path / "out"), settings, spark)
    with Store.open(tmp_path / "spark.db") as store:
        load(tmp_path / "out", store, settings)
        assert snapshot(store) == local
    # the UTF-16 text, the gzip page and the WARC's HTML page are articles ...
    assert len(local["articles"]) == 3
    # ... the PNG and the empty file are failures that say why
    reasons = dict(local["failures"])
    assert reasons["logo.png"] == "binary" and reasons["empty.html"] == "empty"
