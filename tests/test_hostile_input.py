"""Hostile input files (issue 19): one bad record is that record's failure, never the batch's
or the file's; readers stream; file content is never taken for a path to open."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest

from storyline.ingest import read_file, read_inputs
from storyline.pipeline import Cleaned, page_hash
from storyline.records import Article, Failure, RawPage
from storyline.runners.local import _store_batch
from storyline.settings import Settings
from storyline.store import Store

SETTINGS = Settings(progress=False)
BODY = "The harbour board met on Monday and agreed to close the north quay in April."


def _split(items: list[RawPage | Failure]) -> tuple[list[RawPage], list[Failure]]:
    return ([p for p in items if isinstance(p, RawPage)],
            [f for f in items if isinstance(f, Failure)])


def _read(path: Path, settings: Settings = SETTINGS) -> tuple[list[RawPage], list[Failure]]:
    return _split(list(read_file(str(path), settings)))


def _line(**fields: object) -> str:
    return json.dumps({"text": BODY} | fields)


# ------------------------------------------------------------------ 2. bad text in a record

def test_lone_surrogates_and_wrong_types_are_each_one_records_failure(tmp_path: Path) -> None:
    lines = [_line(id="good1"),
             _line(id="sur-text", text=BODY + " \\ud800 end"),
             _line(id="sur-title", title="Quay \\udfff closes"),
             _line(id="sur-outlet", outlet="\\ud83d Post"),
             _line(id="sur-url", url="https://x.example/\\udc80"),
             _line(id=["not", "an", "id"]),
             _line(id=10 ** 40, title=["wrong", "type"], outlet={"name": 3}, published=7),
             _line(id="nul", text=BODY + " \\u0000 after a NUL"),
             _line(id="far", date="Fri, 15 Mar 99999999999 09:00:00 +99999999999999999999"),
             _line(id="good2")]
    # json.dumps escapes the backslashes; undo that so the file holds real JSON escapes.
    (tmp_path / "bad.jsonl").write_text("\n".join(x.replace("\\\\u", "\\u") for x in lines))
    pages, failures = _read(tmp_path / "bad.jsonl")
    assert [(f.source.rpartition("#")[2], f.reason) for f in failures] == [
        ("L2", "bad-text"), ("L3", "bad-text"), ("L4", "bad-text"), ("L5", "bad-text")]
    assert all("\\u" in f.detail for f in failures)  # the detail names the code point
    by_id = {p.source_id: p for p in pages}
    assert sorted(by_id) == ["10" + "0" * 39, "bad#6", "far", "good1", "good2", "nul"]
    assert by_id["far"].published is None
    assert by_id["10" + "0" * 39].title is None and by_id["10" + "0" * 39].outlet is None
    assert by_id["nul"].text is not None and "\0" not in by_id["nul"].text
    for page in pages:  # every string a reader gives can be stored as UTF-8
        for value in (page.source, page.source_id, page.text, page.title, page.outlet, page.url):
            (value or "").encode("utf-8")


def _article(i: str, text: str = BODY) -> Article:
    return Article(id=i, source_id=i, source=f"in/{i}.txt", text=text, title=f"Title {i}")


def _cleaned(article: Article) -> Cleaned:
    page = RawPage(source=article.source, source_id=article.source_id, kind="text")
    return page, page_hash(page), article


def test_an_article_the_store_cannot_take_fails_alone(tmp_path: Path) -> None:
    """The store's last line: a record that cannot be written is rolled back alone."""
    batch = [_cleaned(_article("a1")), _cleaned(_article("bad", BODY + "\ud800")),
             _cleaned(_article("a3"))]
    tally: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    with Store.open(tmp_path / "s.db") as store:
        run_id = store.start_run("test")
        _store_batch(store, batch, run_id, tally, reasons)
        assert sorted(a.id for a in store.articles()) == ["a1", "a3"]
        assert [(f.source, f.reason) for f in store.failures()] == [("in/bad.txt", "bad-text")]
        assert reasons == Counter({"bad-text": 1}) and tally["new"] == 2
        # a rerun skips it as handled, and stores nothing twice
        assert store.source_done("in/bad.txt", batch[1][1])


def test_undecodable_file_names_are_storable(tmp_path: Path) -> None:
    name = b"caf\xe9.txt".decode("utf-8", "surrogateescape")  # how Python names such a file
    (tmp_path / name).write_text(BODY)
    (page,) = [p for p in read_inputs([str(tmp_path)], SETTINGS) if isinstance(p, RawPage)]
    page.source.encode("utf-8")
    assert page.source.endswith("caf\\xe9.txt") and page.source_id == "caf\\xe9"


# ------------------------------------------------------------------ 3. deep nesting

def test_a_deeply_nested_line_is_one_lines_failure(tmp_path: Path) -> None:
    deep = "[" * 100_000
    (tmp_path / "deep.jsonl").write_text("\n".join([_line(id="a"), deep, _line(id="b"),
                                                    '{"x": ' * 50_000, _line(id="c")]))
    pages, failures = _read(tmp_path / "deep.jsonl")
    assert [p.source_id for p in pages] == ["a", "b", "c"]
    assert [(f.source.rpartition("#")[2], f.reason) for f in failures] == [
        ("L2", "bad-json"), ("L4", "bad-json")]


def test_a_deeply_nested_first_line_does_not_end_the_file(tmp_path: Path) -> None:
    (tmp_path / "deep.jsonl").write_text("\n".join(["[" * 100_000, _line(id="b"), _line(id="c")]))
    pages, failures = _read(tmp_path / "deep.jsonl")
    assert [p.source_id for p in pages] == ["b", "c"]
    assert [(f.source.rpartition("#")[2], f.reason) for f in failures] == [("L1", "bad-json")]
    # the same in a file bigger than one record, which is read as a stream
    pages, failures = _read(tmp_path / "deep.jsonl", Settings(progress=False,
                                                              max_page_bytes=2_000))
    assert [p.source_id for p in pages] == ["b", "c"]
    assert [(f.source.rpartition("#")[2], f.reason) for f in failures] == [("L1", "too-large")]


# ------------------------------------------------------------------ 4. WARC lengths

def _warc_records(n: int) -> list[bytes]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = []
    for i in range(1, n + 1):
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=False)
        body = f"<html><body><article><p>Story {i}. {BODY}</p></article></body></html>".encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://n.example/{i}", "response", payload=io.BytesIO(body), http_headers=http))
        out.append(buf.getvalue())
    return out


def _with_length(record: bytes, delta: int) -> bytes:
    head, sep, rest = record.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    for k, line in enumerate(lines):
        if line.lower().startswith(b"content-length:"):
            lines[k] = b"Content-Length: %d" % (int(line.split(b":")[1]) + delta)
    return b"\r\n".join(lines) + sep + rest


@pytest.mark.parametrize("gz", [False, True])
def test_warc_record_with_an_inflated_length_fails_and_the_next_is_kept(
        tmp_path: Path, gz: bool) -> None:
    import gzip

    one, two, three = _warc_records(3)
    inflated = _with_length(two, len(three) // 2)  # ends inside the third record
    parts = [one, inflated, three]
    name = "long.warc.gz" if gz else "long.warc"
    (tmp_path / name).write_bytes(b"".join(gzip.compress(p) if gz else p for p in parts))
    pages, failures = _read(tmp_path / name)
    assert [p.url for p in pages] == ["https://n.example/1", "https://n.example/3"]
    assert [f.reason for f in failures] == ["bad-warc-record"]
    assert "Content-Length" in failures[0].detail


def test_warc_record_with_a_short_length_fails(tmp_path: Path) -> None:
    one, two, three = _warc_records(3)
    (tmp_path / "short.warc").write_bytes(one + _with_length(two, -30) + three)
    pages, failures = _read(tmp_path / "short.warc")
    assert [p.url for p in pages] == ["https://n.example/1", "https://n.example/3"]
    assert [f.reason for f in failures] == ["bad-warc-record"]


# ------------------------------------------------------------------ 6. streaming

def _peak_bytes_to_first(path: Path) -> int:
    tracemalloc.start()
    try:
        items = read_file(str(path), SETTINGS)
        first = next(items)
        assert isinstance(first, RawPage)
        peak = tracemalloc.get_traced_memory()[1]
        items.close()
    finally:
        tracemalloc.stop()
    return peak


def test_jsonl_is_read_lazily(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = (_line(id="x") + "\n").encode()
    path.write_bytes(line * (30_000_000 // len(line)))
    assert _peak_bytes_to_first(path) < 5_000_000  # the file is 30 MB


def test_gzipped_jsonl_is_read_lazily(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "big.jsonl.gz"
    line = (_line(id="x") + "\n").encode()
    with gzip.open(path, "wb", compresslevel=1) as f:
        for _ in range(30_000_000 // len(line)):
            f.write(line)
    assert _peak_bytes_to_first(path) < 5_000_000


def test_warc_is_read_lazily(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    records = _warc_records(3)
    with open(path, "wb") as f:
        for _ in range(30_000_000 // len(records[0]) // 3):
            f.write(b"".join(records))
    assert _peak_bytes_to_first(path) < 5_000_000


# ------------------------------------------------------------------ 9. content is not a path

def test_a_file_holding_a_path_is_read_as_its_own_content(tmp_path: Path) -> None:
    private = tmp_path / "private.txt"
    private.write_text("SECRET-TOKEN " + BODY)
    inputs = tmp_path / "d"
    inputs.mkdir()
    (inputs / "p1.txt").write_text(f"{private}\n")
    (inputs / "p2.txt").write_text("../private.txt\n")
    for args in ([str(inputs / "*")], [str(inputs)], [str(inputs / "p1.txt")]):
        items = list(read_inputs(args, SETTINGS))
        assert not any("private" in Path(i.source.split("#")[0]).name for i in items), args
        assert not any(isinstance(p, RawPage) and "SECRET" in (p.text or "") for p in items)


def test_a_folder_named_with_a_slash_may_be_a_link_file(tmp_path: Path) -> None:
    """A symlink checked out as a plain file, named as the folder it stands for."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(BODY)
    (tmp_path / "docs").write_text("pages\n")
    found, _ = _split(list(read_inputs([str(tmp_path / "docs") + "/"], SETTINGS)))
    assert [p.source_id for p in found] == ["a"]
    (tmp_path / "secret").write_text("pages/a.txt\n")  # a link to a file is never followed
    found, _ = _split(list(read_inputs([str(tmp_path / "secret") + "/"], SETTINGS)))
    assert [p.text for p in found] == ["pages/a.txt\n"]


def test_a_json_array_bigger_than_a_record_is_read_element_by_element(tmp_path: Path) -> None:
    small = Settings(progress=False, max_page_bytes=2_000)
    records = [{"id": f"r{n}", "text": f"Story {n}. {BODY}"} for n in range(40)]
    (tmp_path / "big.json").write_text(json.dumps(records, indent=2))  # ~5 KB > 2 KB
    pages, failures = _read(tmp_path / "big.json", small)
    assert [p.source_id for p in pages] == [f"r{n}" for n in range(40)] and not failures
    records[3] = {"id": "huge", "text": "x" * 5_000}  # one element over the record limit
    (tmp_path / "big.json").write_text(json.dumps(records))
    pages, failures = _read(tmp_path / "big.json", small)
    assert [p.source_id for p in pages] == [f"r{n}" for n in range(40) if n != 3]
    assert [(f.source.rpartition("#")[2], f.reason) for f in failures] == [("L4", "too-large")]
    never_ends = json.dumps(records[:2])[:-1] + ', {"id": "open", "text": "' + "z" * 5_000
    (tmp_path / "cut.json").write_text(never_ends)
    pages, failures = _read(tmp_path / "cut.json", small)
    assert [p.source_id for p in pages] == ["r0", "r1"]
    assert [(f.source.rpartition("#")[2], f.reason) for f in failures] == [("L3", "too-large")]


def test_a_line_over_the_record_limit_is_skipped_without_holding_it(tmp_path: Path) -> None:
    small = Settings(progress=False, max_page_bytes=2_000)
    lines = [_line(id="a"), _line(id="long", text="y" * 50_000), _line(id="b")]
    (tmp_path / "long.jsonl").write_text("\n".join(lines) + "\n")
    pages, failures = _read(tmp_path / "long.jsonl", small)
    assert [p.source_id for p in pages] == ["a", "b"]
    assert [(f.source.rpartition("#")[2], f.reason) for f in failures] == [("L2", "too-large")]


def test_a_cut_jsonl_gz_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    import gzip

    data = gzip.compress("".join(_line(id=f"r{n}") + "\n" for n in range(2000)).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    pages, failures = _read(tmp_path / "cut.jsonl.gz")
    assert 100 < len(pages) < 2000
    assert [f.reason for f in failures] == ["truncated-gzip"]


def test_utf16_jsonl_is_streamed_as_utf8(tmp_path: Path) -> None:
    (tmp_path / "wide.jsonl").write_bytes(("\n".join([_line(id="a", title="Tromsø"),
                                                       _line(id="b")]) + "\n").encode("utf-16"))
    pages, failures = _read(tmp_path / "wide.jsonl")
    assert [(p.source_id, p.title) for p in pages] == [("a", "Tromsø"), ("b", None)]
    assert not failures


@pytest.mark.slow
def test_run_stores_every_other_record_and_a_rerun_does_not_crash(tmp_path: Path) -> None:
    """The issue's case end to end: a bad record in one input, good articles in another."""
    from click.testing import CliRunner

    from storyline.cli import main

    inputs = tmp_path / "in"
    inputs.mkdir()
    bad = _line(id="bad", text=BODY + " \\ud800").replace("\\\\u", "\\u")
    (inputs / "a.jsonl").write_text("\n".join([_line(id="a1"), bad]) + "\n")
    (inputs / "b.jsonl").write_text("\n".join(
        _line(id=f"b{n}", text=f"Story {n}: the ferry to Skjervøy ran late on day {n}. {BODY}")
        for n in range(5)) + "\n")
    db = str(tmp_path / "s.db")
    for _ in range(2):  # the rerun finds the same store and stores nothing twice
        result = CliRunner().invoke(main, ["run", str(inputs), "--db", db, "--no-progress"])
        assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        assert sorted(a.source_id for a in store.articles()) == ["a1", "b0", "b1", "b2", "b3",
                                                                 "b4"]
        assert [(f.source_id, f.reason) for f in store.failures()] == [("bad", "bad-text")]


def test_an_analysis_the_store_cannot_take_fails_alone(tmp_path: Path) -> None:
    from storyline.records import Analysis, Quote
    from storyline.runners.local import save_analyses

    good, bad = (Article(id=i, source_id=i, source=f"{i}.txt", text="Ministers met.")
                 for i in ("a1", "a2"))
    broken = Quote(id="q1", article="a2", text="bad \ud800 text", kind="direct", start=0,
                   end=5, sent_start=0, sent_end=14)
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            for article in (good, bad):
                store.upsert_article(article, None)
        reasons: Counter[str] = Counter()
        saved = save_analyses(store, [Analysis(article="a1"),
                                      Analysis(article="a2", quotes=(broken,))], reasons)
        assert saved == 1 and reasons == Counter({"bad-text": 1})
        assert store.unanalyzed_ids() == ["a2"]
        assert [f.source for f in store.failures()] == ["a2.txt"]
