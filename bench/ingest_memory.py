"""Peak memory of reading big JSONL, JSONL.gz and WARC files: it must not grow with the file.

    python -m bench.ingest_memory [--mb 300] [--formats jsonl,jsonl.gz,json,warc]

For each format (``json`` is one JSON array of records) it writes a small file (a sixth
of ``--mb``) and a big one (``--mb``) in a temporary folder, then reads each in a process
of its own (``read_file``, every record taken and dropped, as the runner does) and prints
one JSON line per file: records read, seconds, the process's resident memory before
reading and its peak (VmHWM) after. A streaming reader's peak is the same for both sizes:
the interpreter and one record (one read buffer of up to max_page_bytes for a JSON array).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.measure import peak_rss_mb

PARAGRAPH = ("The harbour board met on Monday and agreed to close the north quay in April, "
             "the port authority said in a statement. ")


def _jsonl_lines() -> Iterator[bytes]:
    n = 0
    while True:
        n += 1
        yield (json.dumps({"id": f"r{n}", "title": f"Quay story {n}",
                           "published": "2024-03-01", "outlet": "Bench Post",
                           "text": f"Story {n}. " + PARAGRAPH * 20}) + "\n").encode()


def _warc_records() -> Iterator[bytes]:
    n = 0
    while True:
        n += 1
        html = (f"<html><body><article><h1>Quay story {n}</h1><p>"
                + PARAGRAPH * 20 + "</p></article></body></html>").encode()
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bench.example/{n}"
                f"\r\nWARC-Date: 2024-03-01T00:00:00Z\r\n"
                f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
                f"Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(block)}\r\n\r\n").encode()
        yield head + block + b"\r\n\r\n"


def write(path: Path, fmt: str, size: int) -> None:
    """A ``fmt`` file of about ``size`` bytes (uncompressed) at ``path``."""
    records = _warc_records() if fmt == "warc" else _jsonl_lines()
    opener = gzip.open if fmt.endswith(".gz") else open
    array = fmt.startswith("json") and not fmt.startswith("jsonl")  # one JSON array
    written = 0
    with opener(path, "wb") as f:
        f.write(b"[\n" if array else b"")
        while written < size:
            record = next(records)
            f.write(b",\n" if array and written else b"")
            f.write(record.rstrip(b"\n") if array else record)
            written += len(record)
        f.write(b"]\n" if array else b"")


def measure(path: str) -> dict[str, object]:
    """Read every record of ``path`` in this process; the counts and memory."""
    from storyline.ingest import read_file
    from storyline.records import Failure
    from storyline.settings import Settings

    # The gzip bomb limit (200 MB decompressed) would stop the big .gz file: lifted here.
    settings = Settings(progress=False, max_decompressed_bytes=1 << 40)
    before = peak_rss_mb()
    started = time.perf_counter()
    pages = failures = 0
    for item in read_file(path, settings):
        if isinstance(item, Failure):
            failures += 1
        else:
            pages += 1
    return {"file": Path(path).name, "file_mb": round(Path(path).stat().st_size / 2**20, 1),
            "pages": pages, "failures": failures,
            "seconds": round(time.perf_counter() - started, 1),
            "rss_before_mb": round(before, 1), "peak_rss_mb": round(peak_rss_mb(), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=300, help="size of the big file, in MB")
    parser.add_argument("--formats", default="jsonl,jsonl.gz,json,warc")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            for mb in (max(1, args.mb // 6), args.mb):
                path = Path(tmp) / f"bench-{mb}mb.{fmt}"
                write(path, fmt, mb * 2**20)
                out = subprocess.run([sys.executable, "-m", "bench.ingest_memory",
                                      "--measure", str(path)],
                                     capture_output=True, text=True, check=True)
                print(json.dumps({"format": fmt, "mb": mb} | json.loads(out.stdout)),
                      flush=True)
                path.unlink()


if __name__ == "__main__":
    main()
