"""Readers: every format, every kind of broken file, through ``read_inputs`` and the CLI."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from storyline.cli import main
from storyline.ingest import read_file, read_inputs, source_id_for
from storyline.ingest.sniff import detect_format
from storyline.records import Failure, RawPage
from storyline.settings import Settings

INPUTS = FIXTURES / "inputs"
SETTINGS = Settings(progress=False)
PAGE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        "<p>{body}</p><p>The harbour authority said the decision was final and that "
        "the quays would close at the start of April.</p></article></body></html>")


def _split(items: list[RawPage | Failure]) -> tuple[list[RawPage], list[Failure]]:
    return ([p for p in items if isinstance(p, RawPage)],
            [f for f in items if isinstance(f, Failure)])


def _read(path: Path, settings: Settings = SETTINGS) -> tuple[list[RawPage], list[Failure]]:
    return _split(list(read_file(str(path), settings)))


# ------------------------------------------------------------------ the fixture folder

def test_fixture_folder_keeps_every_good_page_and_names_every_bad_file() -> None:
    pages, failures = _split(list(read_inputs([str(INPUTS)], SETTINGS)))
    assert sorted(p.source_id for p in pages) == sorted([
        "dump-quota", "harbour-closure", "nch-0412", "np-77",
        "https://fisheriesdaily.example/?p=4411", "https://fisheriesdaily.example/2024/03/11/auction"])
    reasons = {Path(f.source.split("#")[0]).name + f.source.partition("#")[2]: f.reason
               for f in failures}
    assert reasons == {"empty.txt": "empty", "photo.png": "binary",
                       "truncated-dump.txt.gz": "truncated-gzip",
                       "records.jsonlL3": "bad-json", "records.jsonlL4": "no-content"}


def test_text_dump_header_and_source_id() -> None:
    (page,), _ = _read(INPUTS / "dump-quota.txt")
    assert page.kind == "text" and page.published == "2024-03-14"
    assert page.text is not None and page.text.startswith("Fisheries minister defends")


def test_jsonl_format_fields_and_news_please_names() -> None:
    pages, failures = _read(INPUTS / "records.jsonl")
    by_id = {p.source_id: p for p in pages}
    assert by_id["nch-0412"].outlet == "Nordic Coast Herald"
    assert by_id["nch-0412"].published == "2024-03-10"
    news_please = by_id["np-77"]
    assert news_please.outlet == "fjordpost.example"
    assert news_please.published == "2024-03-09"
    assert news_please.text is not None and "Lyngen fjord" in news_please.text
    assert [f.reason for f in failures] == ["bad-json", "no-content"]


def test_jsonl_without_ids_uses_the_file_name_and_reads_arrays(tmp_path: Path) -> None:
    rec = {"text": "Ferries ran late on Friday.", "date": "Fri, 15 Mar 2024 09:00:00 +0100"}
    (tmp_path / "batch.jsonl").write_text("junk first line\n" + json.dumps(rec) + "\n")
    pages, failures = _read(tmp_path / "batch.jsonl")
    assert [p.source_id for p in pages] == ["batch#2"]
    assert pages[0].published == "2024-03-15"
    assert [f.reason for f in failures] == ["bad-json"]
    (tmp_path / "export.json").write_text(json.dumps([rec, rec | {"id": 7}], indent=2))
    pages, _ = _read(tmp_path / "export.json")
    assert [p.source_id for p in pages] == ["export#1", "7"]


def test_feed_entries_with_content_become_pages() -> None:
    pages, failures = _read(INPUTS / "coast-news.rss")
    assert not failures
    first, second = pages
    assert first.outlet == "Northern Fisheries Daily" and first.published == "2024-03-13"
    assert first.text is not None and "<p>" not in first.text
    assert first.text.count("\n") == 1  # two paragraphs, one per line
    assert second.text is not None and "52 kroner" in second.text


def test_broken_feed_is_one_failure(tmp_path: Path) -> None:
    (tmp_path / "cut.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><ti')
    pages, failures = _read(tmp_path / "cut.rss")
    assert not pages and [f.reason for f in failures] == ["bad-feed"]


# ------------------------------------------------------------------ WARC

def _warc(records: list[tuple[str, str, bytes, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, status, body, ctype in records:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http))
    writer.write_record(writer.create_warc_record(
        "https://n.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return out.getvalue()


def _page_html(n: int) -> bytes:
    return PAGE.format(title=f"Quay story {n}", body=f"Story number {n} about the quays.").encode()


CRAWL = [("https://n.example/1", "200 OK", _page_html(1), "text/html; charset=utf-8"),
         ("https://n.example/logo.png", "200 OK", b"\x89PNG....", "image/png"),
         ("https://n.example/gone", "404 Not Found", b"<html>gone</html>", "text/html"),
         ("https://n.example/moved", "301 Moved", b"", "text/html"),
         ("https://n.example/2", "200 OK", _page_html(2), "text/html")]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_reads_html_responses_only(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(_warc(CRAWL, gz))
    pages, failures = _read(path)
    assert [p.url for p in pages] == ["https://n.example/1", "https://n.example/2"]
    assert pages[0].html is not None and "Story number 1" in pages[0].html
    assert pages[0].fetched_at and pages[0].kind == "warc"
    assert [(f.reason, f.source_id) for f in failures] == [("http-error", "https://n.example/gone")]


def _three_pages(gz: bool) -> tuple[bytes, list[int]]:
    """A WARC of three pages and the offsets where each record starts."""
    parts = [_warc([(f"https://n.example/{n}", "200 OK", _page_html(n), "text/html")], gz)
             for n in (1, 2, 3)]
    # Each part ends with a request record; keep them, they are skipped like in a crawl.
    starts = [sum(len(p) for p in parts[:i]) for i in range(3)]
    return b"".join(parts), starts


def test_broken_warc_record_fails_alone(tmp_path: Path) -> None:
    data, starts = _three_pages(gz=False)
    broken = bytearray(data)
    broken[starts[1]:starts[1] + 8] = b"WARX/9.9"  # the second record's version line
    (tmp_path / "bad.warc").write_bytes(bytes(broken))
    pages, failures = _read(tmp_path / "bad.warc")
    assert [p.url for p in pages] == ["https://n.example/1", "https://n.example/3"]
    assert [f.reason for f in failures] == ["bad-warc-record"]


def test_corrupt_gzip_member_in_warc_gz_fails_alone(tmp_path: Path) -> None:
    data, starts = _three_pages(gz=True)
    broken = bytearray(data)
    middle = starts[1] + 40
    broken[middle:middle + 30] = b"\xff" * 30
    (tmp_path / "bad.warc.gz").write_bytes(bytes(broken))
    pages, failures = _read(tmp_path / "bad.warc.gz")
    assert [p.url for p in pages] == ["https://n.example/1", "https://n.example/3"]
    assert [f.reason for f in failures] == ["bad-warc-record"]


def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    data, starts = _three_pages(gz=True)
    (tmp_path / "cut.warc.gz").write_bytes(data[:starts[2] + 100])
    pages, failures = _read(tmp_path / "cut.warc.gz")
    assert [p.url for p in pages] == ["https://n.example/1", "https://n.example/2"]
    assert [f.reason for f in failures] == ["bad-warc-record"]


# ------------------------------------------------------------------ bytes on disk

def test_a_50_mb_page_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: the reader must not need to read it
    _, failures = _read(big)
    assert [f.reason for f in failures] == ["too-large"]


def test_gzip_page_past_the_page_limit_and_nested_gzip(tmp_path: Path) -> None:
    small = Settings(progress=False, max_page_bytes=10_000)
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(b"The ferry ran late. " * 2000))
    assert [f.reason for f in _read(tmp_path / "big.txt.gz", small)[1]] == ["too-large"]
    text = b" date 2024-03-01\nThe ferry ran late again on Friday morning."
    (tmp_path / "twice.txt.gz").write_bytes(gzip.compress(gzip.compress(text)))
    (page,), _ = _read(tmp_path / "twice.txt.gz")
    assert page.published == "2024-03-01" and page.source_id == "twice"


def test_gzip_nested_too_deep_or_exploding_is_a_bomb(tmp_path: Path) -> None:
    deep = b"The ferry ran late."
    for _ in range(5):
        deep = gzip.compress(deep)
    (tmp_path / "deep.gz").write_bytes(deep)
    assert [f.reason for f in _read(tmp_path / "deep.gz")[1]] == ["gzip-bomb"]
    tight = Settings(progress=False, max_decompressed_bytes=1_000_000)
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(b"{}" * 2_000_000))
    assert [f.reason for f in _read(tmp_path / "bomb.jsonl.gz", tight)[1]] == ["gzip-bomb"]


def test_white_space_only_file_is_empty(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_bytes(b"\n \n\t\n")
    assert [f.reason for f in _read(tmp_path / "blank.txt")[1]] == ["empty"]


@pytest.mark.parametrize(("data", "what"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "ZIP"),
    (bytes(range(256)) * 4, "binary data"),
])
def test_binary_junk_is_named(tmp_path: Path, data: bytes, what: str) -> None:
    (tmp_path / "thing.txt").write_bytes(data)
    (failure,) = _read(tmp_path / "thing.txt")[1]
    assert failure.reason == "binary" and what in failure.detail


def test_utf16_and_declared_charsets_are_decoded(tmp_path: Path) -> None:
    text = " date 2024-03-02\nSkjervøy and Tromsø agreed to share the night shift.\n"
    (tmp_path / "wide.txt").write_bytes(text.encode("utf-16"))
    (page,), _ = _read(tmp_path / "wide.txt")
    assert page.text is not None and "Skjervøy" in page.text
    html = ('<html><head><meta charset="windows-1252"></head><body><p>Tromsø – «quays» '
            'closed</p></body></html>')
    (tmp_path / "old.html").write_bytes(html.encode("cp1252"))
    (page,), _ = _read(tmp_path / "old.html")
    assert page.html is not None and "Tromsø – «quays»" in page.html


def test_mixed_encodings_never_crash(tmp_path: Path) -> None:
    data = "Tromsø harbour ".encode() * 30 + "Tromsø".encode("latin-1") + b" closes."
    (tmp_path / "mixed.txt").write_bytes(data)
    (page,), _ = _read(tmp_path / "mixed.txt")
    assert page.text is not None and page.text.count("Tromsø") >= 30
    bad_line = b'{"id": "x1", "text": "Troms\xf8 harbour closes."}\n'
    (tmp_path / "mixed.jsonl").write_bytes(bad_line + b'{"id": "x2", "text": "ok"}\n')
    pages, failures = _read(tmp_path / "mixed.jsonl")
    assert [p.source_id for p in pages] == ["x1", "x2"] and not failures
    assert pages[0].text is not None and pages[0].text.startswith("Troms")


def test_stray_bytes_in_utf8_are_read_not_replaced(tmp_path: Path) -> None:
    # a UTF-8 file with a few Windows-1252 bytes: a no-break space, curly quotes, letters
    data = ("Tromsø harbour ".encode() * 30 + b"Rep. Ann Golden\xa0of Maine said \x93no\x94; "
            b"Pedro S\xe1nchez agreed.")
    (tmp_path / "mixed.txt").write_bytes(data)
    (page,), _ = _read(tmp_path / "mixed.txt")
    assert page.text is not None and "\ufffd" not in page.text
    assert "Golden\xa0of Maine said “no”; Pedro Sánchez" in page.text
    line = '{"id": "x1", "text": "Tromsø, Bodø, Vardø, Måløy, Ålesund: '.encode() + \
        b'Troms\xf8 harbour \x93closes\x94."}\n'
    (tmp_path / "mixed.jsonl").write_bytes(line)
    (rec,), _ = _read(tmp_path / "mixed.jsonl")
    assert rec.text == "Tromsø, Bodø, Vardø, Måløy, Ålesund: Tromsø harbour “closes”."


def test_a_stray_byte_among_other_scripts_letters_stays_a_replacement(tmp_path: Path) -> None:
    # a cp1251 name inside UTF-8 Russian text: cp1252 would make it "Ñåðãåé", a name
    data = ("Вчера в Москве ".encode() * 30 + "Сергей".encode("cp1251") +
            " сказал, что всё в порядке.".encode())
    (tmp_path / "ru.txt").write_bytes(data)
    (page,), _ = _read(tmp_path / "ru.txt")
    assert page.text is not None and "Ñåðãåé" not in page.text
    assert "\ufffd" * 6 + " сказал" in page.text


@pytest.mark.parametrize(("name", "data", "fmt"), [
    ("a.jsonl", b"not json\n{\"text\": \"x\"}\n", "jsonl"),
    ("a.jsonl", b"plain prose in a file with the wrong name", "text"),
    ("a.warc", b"garbage\r\n\r\nWARC/1.0\r\n", "warc"),
    ("page", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("feed.xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    ("x.gz", gzip.compress(b"not a warc"), None),
])
def test_sniffing(name: str, data: bytes, fmt: str | None) -> None:
    assert detect_format(name, data) == fmt


@pytest.mark.parametrize(("path", "sid"), [
    ("/d/0420.story.html", "0420.story"), ("/d/page.html.gz", "page"),
    ("/d/2024.03.12", "2024.03.12"), ("/d/README", "README"), ("/d/crawl.warc.gz", "crawl")])
def test_source_id_is_the_file_name_without_extension(path: str, sid: str) -> None:
    assert source_id_for(path) == sid


# ------------------------------------------------------------------ end to end

@pytest.mark.slow
def test_cli_run_keeps_good_pages_and_prints_one_line_per_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(INPUTS, folder)
    (folder / "crawl.warc.gz").write_bytes(_warc(CRAWL[:1], gz=True))
    with open(folder / "huge.html", "wb") as f:
        f.truncate(50 * 1024 * 1024)
    db = str(tmp_path / "story.db")
    result = CliRunner().invoke(main, ["run", str(folder), "--db", db, "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = [x.split() for x in result.output.splitlines() if x.strip().startswith("failure ")]
    got = {(Path(x[2]).name, x[1]) for x in lines}
    assert got == {("empty.txt", "empty"), ("photo.png", "binary"),
                   ("huge.html", "too-large"), ("truncated-dump.txt.gz", "truncated-gzip"),
                   ("records.jsonl#L3", "bad-json"), ("records.jsonl#L4", "no-content")}
    out = tmp_path / "export.json"
    assert CliRunner().invoke(main, ["export", "--db", db, "-o", str(out)]).exit_code == 0
    ids = {a["source_id"] for a in json.loads(out.read_text())["articles"]}
    assert {"dump-quota", "harbour-closure", "nch-0412", "np-77",
            "https://n.example/1"} <= ids
    assert len(ids) == 7


def test_only_a_link_file_named_as_a_folder_is_followed(tmp_path: Path) -> None:
    from storyline.ingest.files import link_folder

    pages = tmp_path / "pages"
    pages.mkdir()
    link = tmp_path / "docs"
    link.write_text("pages\n", encoding="utf-8")  # a symlink checked out as a plain file
    assert link_folder(link) == pages.resolve()
    to_file = tmp_path / "to-file"
    to_file.write_text("docs\n", encoding="utf-8")
    assert link_folder(to_file) == to_file  # a link file is only ever followed to a folder
    (pages / "a.txt").write_text("Ferry talks resumed in Bergen on Monday.")
    found = [p.source_id for p in read_inputs([str(link) + "/"], SETTINGS)]
    assert found == ["a"]
    # named without the slash, it is a file like any other: its content is its page
    (page,) = read_inputs([str(link)], SETTINGS)
    assert isinstance(page, RawPage) and page.text == "pages\n"
