"""The app in Debian's Chromium through Playwright: story -> item -> highlighted sentence.

Two stores: the demo store, built in the test from ``examples/`` with the CLI as
``make demo`` builds it (the pipeline on real-looking input), and the hand-made store whose
text is hostile. Screenshots go to ``STORYLINE_SCREENSHOTS`` when set (to look at them),
else a tmp dir.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from webdata import STORY, add_key_dates, web_db  # noqa: F401

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium, headless, with nothing that reaches the network on its own.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@contextmanager
def _serve(db: Path) -> Iterator[str]:
    """The app on ``db`` under uvicorn in a thread, on a free loopback port."""
    import uvicorn

    from storyline.web.app import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture
def server(web_db: Path) -> Iterator[str]:  # noqa: F811
    with _serve(web_db) as url:
        yield url


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from storyline.cli import main

    # The example pages, as `make demo` runs them (the folder's README is not a page).
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    pages = [str(p) for p in sorted(EXAMPLES.glob("0*"))]
    out = CliRunner().invoke(main, ["run", *pages, "--db", str(db), "--no-progress"])
    assert out.exit_code == 0, out.output
    with _serve(db) as url:
        yield url


@pytest.fixture
def page() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make system-deps)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="install storyline[browser]")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1200, "height": 900})
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("dialog", lambda d: errors.append(f"dialog: {d.message}"))
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.errors = errors
        yield pg
        browser.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    out = Path(os.environ.get("STORYLINE_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    return out


def test_demo_story_item_opens_the_highlighted_sentence(page: Any, demo_server: str,
                                                        shots: Path) -> None:
    page.goto(demo_server + "/")
    # The cod-quota story (newest first, with the Faroe minister's reaction) and the
    # ferry-prices brief on its own. The reaction names Johan Dahl, whom only the Harbour
    # Herald reprint of the wire names (a paragraph it adds): a copy's participants count
    # for its canonical, which stands for the copy group in the story step, so the two
    # share a participant and the reaction joins its story.
    assert page.locator("ul.stories > li").count() == 2
    assert "Cod Quota" in page.locator("a.story-title").first.inner_text()
    page.screenshot(path=str(shots / "demo-stories.png"), full_page=True)
    page.click("a.story-title")
    page.wait_for_selector("svg.axis")
    assert page.locator("li.day").count() >= 5
    assert "Sigrún Pálsdóttir" in page.locator("p.speakers").inner_text()
    page.screenshot(path=str(shots / "demo-story.png"), full_page=True)
    page.click("a.item-quote:has-text('We will not sign anything')")
    page.locator("#hl").wait_for()
    assert "We will not sign anything we have not read line by line" in \
        page.locator("mark.quote").inner_text()
    assert "she told parliament" in "".join(page.locator("mark.sentence").all_inner_texts())
    assert page.locator("#hl").is_visible()
    page.screenshot(path=str(shots / "demo-article.png"))
    assert page.errors == []


def test_demo_wire_copy_and_sources_link_articles(page: Any, demo_server: str,
                                                  shots: Path) -> None:
    page.goto(demo_server + "/")
    page.click("a.story-title")
    group = page.locator("li.wire-story")
    assert group.count() == 1
    assert "Nordic Wire" in group.inner_text() and "Harbour Herald" in group.inner_text()
    # The feed's links are on arctic-desk.example, which the outlet table does not name:
    # the outlet is the registered domain itself.
    page.click("li.item .sources a:has-text('arctic-desk.example')")
    assert page.locator("h1").inner_text() == "Oslo cod meeting goes ahead without Iceland"
    assert page.errors == []


def test_demo_search_a_speaker(page: Any, demo_server: str, shots: Path) -> None:
    page.goto(demo_server + "/search")
    page.fill("input[name=speaker]", "Lund")
    page.click("form.search-form button")
    page.wait_for_selector("li.quote-line")
    speakers = page.locator("li.quote-line .speaker").all_inner_texts()
    assert "Erik Lund" in speakers and all("Lund" in s for s in speakers)
    page.screenshot(path=str(shots / "demo-search.png"), full_page=True)
    page.click("li.quote-line .src a >> nth=0")
    page.locator("mark.quote").wait_for()
    assert page.errors == []


def test_story_item_opens_the_highlighted_sentence(page: Any, server: str, shots: Path) -> None:
    page.goto(server + "/")
    page.screenshot(path=str(shots / "stories.png"), full_page=True)
    page.click("text=Arctic cod quota talks")
    page.wait_for_selector("svg.axis")
    assert page.locator("li.day").count() == 3
    page.screenshot(path=str(shots / "story.png"), full_page=True)
    page.click("a.item-quote:has-text('We will not cut the quota')")
    page.locator("#hl").wait_for()
    sentence = "".join(page.locator("mark.sentence").all_inner_texts())
    assert sentence == '"We will not cut the quota this year," Minister Anna Berg said after ' \
                       "the meeting."
    assert page.locator("mark.quote").inner_text() == "We will not cut the quota this year,"
    assert page.locator("#hl").is_visible()
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    assert page.errors == []


def test_search_a_speaker(page: Any, server: str, shots: Path) -> None:
    page.goto(server + "/search")
    page.fill("input[name=speaker]", "Holm")
    page.click("form.search-form button")
    page.wait_for_selector("li.quote-line")
    assert page.locator("li.quote-line").count() == 2
    assert "Nobody asked the fishermen" in page.content()
    page.screenshot(path=str(shots / "search.png"), full_page=True)
    assert page.errors == []


def test_speaker_filter_hides_other_items(page: Any, server: str) -> None:
    page.goto(f"{server}/stories/{STORY}")
    page.click("button.chip[data-filter='Lars Holm']")
    visible = page.locator("li.item:visible")
    assert visible.count() == 2
    page.click("button.chip.all")
    assert page.locator("li.item:visible").count() == 7


def test_hostile_page_runs_nothing(page: Any, server: str) -> None:
    page.goto(server + "/articles/a4")
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    page.goto(f"{server}/stories/{STORY}")
    assert page.errors == []  # no alert dialog, no script error, no CSP violation


def test_key_dates_come_first_and_jump_to_their_day(page: Any, web_db: Path,  # noqa: F811
                                                    shots: Path) -> None:
    with _serve(add_key_dates(web_db)) as url:
        page.goto(f"{url}/stories/{STORY}")
        keys = page.locator("li.key-date")
        assert keys.count() == 2
        assert "Quota meeting in Tromsø" in keys.nth(0).inner_text()
        box_keys = page.locator("section.key-dates").bounding_box()
        box_timeline = page.locator("ol.timeline").bounding_box()
        assert box_keys["y"] < box_timeline["y"]
        page.screenshot(path=str(shots / "key-dates.png"), full_page=True)
        page.click("a.key-day:has-text('2 Oct 2025')")
        assert page.evaluate("location.hash") == "#d-2025-10-02"
        assert page.errors == []


def test_statement_with_several_renderings(page: Any, server: str, shots: Path) -> None:
    page.goto(f"{server}/stories/{STORY}")
    row = page.locator("li.item[data-statement='st-fleet']")
    assert "Anna Berg said that the fleet's spokesman Per Olsen would be consulted" in \
        " ".join(row.locator("p.said").inner_text().split())
    assert "“" not in row.locator("p.said").inner_text()
    assert row.locator("li.rendering").first.is_visible() is False  # folded until asked
    row.locator("details.renderings summary").click()
    renderings = row.locator("li.rendering")
    assert renderings.count() == 2
    assert {renderings.nth(i).locator(".outlet").inner_text() for i in range(2)} == \
        {"Nordic Wire", "Coast Daily"}
    page.screenshot(path=str(shots / "renderings.png"), full_page=True)
    renderings.filter(has_text="Coast Daily").locator("a").click()
    page.locator("#hl").wait_for()
    assert page.locator("h1").inner_text() == "Ministers meet on cod"
    assert page.locator("mark.quote").inner_text() == \
        "the fleet's spokesman Per Olsen would be consulted"
    assert page.errors == []


def test_people_pages_paginate_and_sort(page: Any, server: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.web import views

    monkeypatch.setattr(views.lists, "PAGE_SIZE", 1)  # the server runs in this process
    page.goto(f"{server}/people")
    assert page.locator("ul.people > li").all_inner_texts()[0].startswith("Anna Berg")
    page.click("nav.pager >> nth=0 >> a.next")
    assert "page 2 of 3" in page.locator("nav.pager").first.inner_text()
    assert page.locator("ul.people > li a").inner_text() == "Lars Holm"
    page.click("nav.pager >> nth=0 >> a.sort:has-text('mentions')")
    assert "sort=mentions" in page.url and "page=1" in page.url
    assert page.locator("ul.people > li a").inner_text() == "Anna Berg"
    page.click("nav.pager >> nth=0 >> a.prev") if page.locator("a.prev").count() else None
    assert page.errors == []


def test_person_named_but_never_quoted_has_a_page(page: Any, server: str, shots: Path) -> None:
    page.goto(f"{server}/people")
    page.click("a:has-text('Per Olsen')")
    assert page.locator("h1").inner_text() == "Per Olsen"
    assert page.locator("ul.bars li").count() == 2  # named on 12 and 13 Aug
    about = page.locator("ul.about li.quote-line")
    assert about.count() == 1 and "Anna Berg" in about.first.inner_text()
    assert "also in Coast Daily" in about.first.inner_text()
    assert "said that" in about.first.inner_text()
    assert page.locator("ul.articles li").count() == 2
    page.screenshot(path=str(shots / "person-never-quoted.png"), full_page=True)
    page.click("ul.stories a")
    assert page.locator("h1").inner_text() == "Arctic cod quota talks"
    assert page.errors == []


def test_report_without_urls_opens_each_statements_sentence(page: Any, tmp_path: Path,
                                                            shots: Path) -> None:
    from storyline.outputs.report import render_html
    from storyline.store import Store
    from webdata import build_file_without_urls

    db = build_file_without_urls(tmp_path / "nourl.db")
    with Store.open(db, readonly=True) as s:
        (tmp_path / "report.html").write_text(render_html(s, STORY), encoding="utf-8")
    page.goto((tmp_path / "report.html").as_uri())
    page.click("a.item-quote:has-text('We will not cut the quota')")
    note = page.locator("li.source-note:target")
    assert note.count() == 1 and note.is_visible()
    assert note.locator("mark.quote").inner_text() == "We will not cut the quota this year,"
    assert "Minister Anna Berg said after the meeting." in note.inner_text()
    assert "Harbour Herald" in note.locator(".src").inner_text()
    page.screenshot(path=str(shots / "report-source-sentence.png"), full_page=True)
    assert page.errors == []


def test_story_header_and_copies_read_as_words(page: Any, server: str) -> None:
    page.goto(server + "/")
    assert page.locator("ul.stories .span").first.inner_text().startswith("published 12 Aug 2025")
    page.goto(f"{server}/stories/{STORY}")
    assert "published 12 Aug 2025 – " in page.locator("p.meta").first.inner_text()
    row = page.locator("li.item[data-statement='st-fleet']")
    assert "(wire copy of Nordic Wire)" in row.locator(".sources").inner_text()
    assert page.errors == []


def test_a_planned_event_is_marked_apart_from_what_happened(page: Any, web_db: Path,  # noqa: F811
                                                            shots: Path) -> None:
    from dataclasses import replace

    from storyline.store import Store
    from storyline.web.views import STATUS_MEANINGS

    with Store.open(web_db) as store, store.transaction():
        store.replace_timeline([replace(r, status="planned") if r.ref == "ev1" else r
                                for r in store.timeline(STORY)])
    with _serve(web_db) as url:
        page.goto(f"{url}/stories/{STORY}")
        row = page.locator("li.item.unrealised")
        assert row.count() == 1
        mark = row.locator(".status-mark")
        assert mark.inner_text().casefold() == "planned"
        assert mark.get_attribute("title") == STATUS_MEANINGS["planned"]
        # the row is set apart: a dashed border, unlike a plain event's
        assert row.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
        assert row.locator(".item-title").inner_text() == "Quota meeting in Tromsø"
        row.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "planned-event.png"))
        assert page.errors == []


def test_described_and_unattributed_speakers_and_an_unnamed_outlet_read_plainly(
        page: Any, web_db: Path, shots: Path) -> None:  # noqa: F811
    # Issue 17 s5 (RDR2 B4, A10): "police" is the source, marked "(not named)"; words with no
    # speaker words read "Unattributed", the reason in a tooltip only; a page naming no
    # outlet reads "outlet not named", its input record in small type.
    import sqlite3

    conn = sqlite3.connect(web_db)
    with conn:
        conn.execute("UPDATE quotes SET speaker = NULL, speaker_name = NULL, speaker_key = NULL,"
                     " speaker_mention = 'harbour officials' WHERE id = 'q4'")
        conn.execute("UPDATE quotes SET speaker = NULL, speaker_name = NULL, speaker_key = NULL,"
                     " speaker_mention = NULL WHERE id = 'q3'")
        conn.execute("UPDATE statements SET speaker = NULL, speaker_name = NULL"
                     " WHERE id IN ('st-q4', 'st-q3')")
        conn.execute("UPDATE timeline SET speaker = NULL WHERE ref IN ('q4', 'q3')")
        conn.execute("UPDATE articles SET outlet = NULL WHERE id = 'a6'")
    conn.close()
    with _serve(web_db) as url:
        page.goto(f"{url}/stories/{STORY}")
        described = page.locator("li.item[data-statement='st-q4'] p.said")
        assert described.inner_text().startswith("Harbour officials (not named):")
        assert "nattributed" not in described.inner_text()
        nobody = page.locator("li.item[data-statement='st-q3'] p.said")
        assert nobody.inner_text().startswith("Unattributed:")
        assert "no speaker named" not in nobody.inner_text().casefold()
        assert nobody.locator(".speaker.unknown").get_attribute("title").startswith(
            "No speaker named: ")
        sources = page.locator("li.item[data-statement='st-q4'] .sources")
        assert "outlet not named" in sources.inner_text()
        assert sources.locator("small.record").inner_text() == "(src-a6)"
        assert "unknown outlet" not in page.content()
        page.screenshot(path=str(shots / "unnamed-speakers-and-outlet.png"), full_page=True)
        assert page.errors == []


def test_background_dates_are_listed_apart_and_leave_the_axis_to_the_story(
        page: Any, web_db: Path, shots: Path) -> None:  # noqa: F811
    # timex-tbaq's Elian story: one 1956 landing drew the axis from 1957 to 2000 and
    # squeezed five months into its last tick. A row dated far before the articles (and
    # one far after them) is listed apart and sets no axis.
    import sqlite3

    conn = sqlite3.connect(web_db)
    with conn:
        conn.execute("UPDATE timeline SET date = '1956-12-02' WHERE ref = 'q2'")
        conn.execute("UPDATE timeline SET date = '2031-05-01' WHERE ref = 'q7'")
    conn.close()
    with _serve(web_db) as url:
        page.goto(f"{url}/stories/{STORY}")
        ticks = " ".join(page.locator("svg.axis text").all_text_contents())
        assert "Aug" in ticks and all(y not in ticks for y in ("1956", "1957", "2031"))
        assert page.locator("svg.axis .axis-point").count() == 2
        # the story's own days spread over the axis: 12 Aug near the left, 2 Oct the right
        xs = [float(c.get_attribute("cx") or 0)
              for c in page.locator("svg.axis circle").all()]
        assert xs[0] < 100 and xs[1] > 900
        earlier = page.locator("section.outside-span.earlier")
        assert earlier.locator("h3").inner_text() == "Background: earlier dates mentioned (1 item)"
        assert "2 Dec 1956" in earlier.inner_text()
        assert earlier.locator("li.item").count() == 1
        later = page.locator("section.outside-span.later")
        assert later.locator("h3").inner_text() == "Later dates mentioned (1 item)"
        assert "1 May 2031" in later.inner_text()
        # below the story's own timeline, above the undated rows
        boxes = [page.locator(s).bounding_box()["y"] for s in
                 ("ol.timeline", "section.outside-span.earlier", "section.outside-span.later",
                  "section.undated")]
        assert boxes == sorted(boxes)
        assert not any(int(g.split()[0]) > 365
                       for g in page.locator(".gap").all_inner_texts())
        # the speaker filter reaches the rows listed apart too
        page.click("button.chip[data-filter='Lars Holm']")
        assert earlier.locator("li.item:visible").count() == 1
        assert later.locator("li.item:visible").count() == 0
        page.click("button.chip.all")
        page.screenshot(path=str(shots / "background-dates.png"), full_page=True)
        assert page.errors == []


def test_demo_person_page_lists_events_that_open_their_sentence(page: Any, demo_server: str,
                                                                shots: Path) -> None:
    # Erik Lund takes part in the cod-quota talks and agreement: his page lists those events
    # by day, each under its story, as the story page draws them.
    page.goto(demo_server + "/people")
    page.click("a:has-text('Erik Lund')")
    events = page.locator("section#events")
    assert events.is_visible()
    assert "Events Erik Lund takes part in" in events.locator("h2").inner_text()
    assert events.locator("li.item.event").count() >= 2
    assert events.locator(".event-story a[href^='/stories/']").count() >= 2
    page.screenshot(path=str(shots / "demo-person-events.png"), full_page=True)
    events.locator("a.item-title").first.click()
    page.locator("#hl").wait_for()
    assert page.locator("#hl").is_visible() and page.locator("mark.sentence").count() >= 1
    # the article page lists the events its sentences give, each linked back to its sentence
    article_events = page.locator("section#events li.item.event")
    assert article_events.count() >= 1
    page.screenshot(path=str(shots / "demo-article-events.png"), full_page=True)
    assert page.errors == []
