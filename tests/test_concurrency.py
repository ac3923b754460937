"""`serve` reads while `run` writes: no "database is locked" ever reaches a user.

A bounded load test on loopback only: a fixed number of requests in a fixed time.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from test_kill_resume import _corpus

MAX_REQUESTS = 400
MAX_SECONDS = 90.0
PATHS = ["/", "/api/stories", "/search?q=harbour", "/api/search?q=council", "/people",
         "/outlets", "/contradictions"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_app_serves_while_a_run_writes(tmp_path: Path) -> None:
    import uvicorn

    from storyline.web.app import create_app

    corpus = _corpus(tmp_path / "corpus", n=80)
    db = tmp_path / "live.db"
    cli = [sys.executable, "-m", "storyline", "run", "--db", str(db), "--no-progress"]
    subprocess.run([*cli, str(corpus / "01_nordic_wire_fisheries.txt")], check=True,
                   capture_output=True)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    writer = subprocess.Popen([*cli, str(corpus)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        statuses = _hammer(f"http://127.0.0.1:{port}", writer)
        _, err = writer.communicate(timeout=300)
    finally:
        writer.kill()
        server.should_exit = True
        thread.join(timeout=10)
    assert writer.returncode == 0, err
    assert "locked" not in err
    assert statuses and set(statuses) == {200}, statuses


def _hammer(base: str, writer: subprocess.Popen[str]) -> list[int]:
    statuses: list[int] = []
    deadline = time.monotonic() + MAX_SECONDS
    with httpx.Client(base_url=base, timeout=30) as client:
        _wait_until_up(client)
        while len(statuses) < MAX_REQUESTS and time.monotonic() < deadline:
            resp = client.get(PATHS[len(statuses) % len(PATHS)])
            assert "database is locked" not in resp.text
            statuses.append(resp.status_code)
            if writer.poll() is not None and len(statuses) >= len(PATHS) * 3:
                break
    return statuses


def _wait_until_up(client: httpx.Client) -> None:
    for _ in range(100):
        try:
            client.get("/api/stories")
            return
        except httpx.TransportError:
            time.sleep(0.1)
