"""Hostile input: every case ends in pages or recorded failures, never a crash or a hang."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from storyline.ingest import read_file
from storyline.pipeline import process_page
from storyline.records import Failure, RawPage
from storyline.settings import Settings

SETTINGS = Settings(progress=False, max_decompressed_bytes=2_000_000)
FUZZ = hsettings(max_examples=60, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
WARC_HEAD = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/a\r\n"
             b"Content-Type: application/http; msgtype=response\r\nContent-Length: ")


def _read(tmp: Path, name: str, data: bytes) -> list[RawPage | Failure]:
    path = tmp / name
    path.write_bytes(data)
    out = list(read_file(str(path), SETTINGS))
    assert all(isinstance(p, RawPage | Failure) for p in out)
    return out


def _clean_all(pages: list[RawPage | Failure]) -> None:
    for p in pages:
        if isinstance(p, RawPage):
            assert process_page(p, SETTINGS) is not None


@FUZZ
@given(data=st.binary(max_size=4000), name=st.sampled_from(
    ["a.txt", "a.html", "a.jsonl", "a.warc", "a.rss", "a.gz", "a.warc.gz", "noext"]))
def test_any_bytes_any_name(tmp_path: Path, data: bytes, name: str) -> None:
    _clean_all(_read(tmp_path, name, data))


@FUZZ
@given(text=st.text(max_size=3000))
def test_any_text_survives_cleaning(tmp_path: Path, text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    _clean_all(_read(tmp_path, "page.txt", data))


@FUZZ
@given(body=st.text(alphabet="<>/\"'=&;abcdivp \n“”„«»‘’", max_size=2000))
def test_markup_soup_and_unbalanced_quotes(tmp_path: Path, body: str) -> None:
    _clean_all(_read(tmp_path, "soup.html", f"<html><body>{body}".encode()))


@FUZZ
@given(length=st.integers(0, 500), payload=st.binary(max_size=300))
def test_malformed_warc_headers(tmp_path: Path, length: int, payload: bytes) -> None:
    out = _read(tmp_path, "bad.warc", WARC_HEAD + str(length).encode() + b"\r\n\r\n" + payload)
    assert out  # a page or a failure, never silence


def test_truncated_and_nested_gzip(tmp_path: Path) -> None:
    page = b"Ministers met in Oslo on Monday. " * 50
    inner = gzip.compress(page)
    assert _read(tmp_path, "nested.txt.gz", gzip.compress(inner))
    truncated = _read(tmp_path, "cut.txt.gz", inner[: len(inner) // 2])
    assert [f.reason for f in truncated if isinstance(f, Failure)] == ["truncated-gzip"]


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb") as f:
        for _ in range(40):
            f.write(b"\0" * 100_000)
    out = _read(tmp_path, "bomb.txt.gz", buf.getvalue())
    assert [f.reason for f in out if isinstance(f, Failure)] == ["gzip-bomb"]


@pytest.mark.slow
def test_pathological_html(tmp_path: Path) -> None:
    deep = "<div>" * 20_000 + "Deep text." + "</div>" * 20_000
    links = "".join(f'<a href="/l{i}">link {i}</a>' for i in range(100_000))
    for name, html in (("deep.html", deep), ("links.html", links)):
        _clean_all(_read(tmp_path, name, f"<html><body>{html}</body></html>".encode()))


def test_nul_bytes_huge_lines_and_mixed_encodings(tmp_path: Path) -> None:
    mixed = "Ministers met in Zürich. ".encode() + "Ministers met in Zürich.".encode("latin-1")
    _clean_all(_read(tmp_path, "mixed.txt", mixed * 20))
    _clean_all(_read(tmp_path, "huge.txt", b"word " * 400_000))
    _clean_all(_read(tmp_path, "nul.txt", b"Some text\x00 with a NUL " * 10))


def test_a_page_that_takes_too_long_is_a_timeout_failure(monkeypatch: object) -> None:
    import storyline.pipeline as pipeline_module

    def slow_clean(page: RawPage, settings: Settings) -> None:
        import time

        time.sleep(5)

    monkeypatch.setattr(pipeline_module, "clean", slow_clean)  # type: ignore[attr-defined]
    page = RawPage(source="slow.txt", source_id="slow", kind="text", text="x")
    result = process_page(page, Settings(progress=False, page_timeout_s=0.2))
    assert isinstance(result, Failure) and result.reason == "timeout"
