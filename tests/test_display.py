"""Display controls (NUL, C0/C1, bidi overrides) never reach a web page, the HTML report or
the Markdown export; the JSON API keeps the stored text as data."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from storyline.outputs.report import render_html, render_markdown
from storyline.records import Article, Story
from storyline.store import Store
from storyline.web.display import display_text
from webdata import STORY, TEXTS, _timeline, web_db  # noqa: F401

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from storyline.web.app import create_app

# A right-to-left override makes "cod.exe" read as "exe.doc"; NUL, ESC, DEL, a C1 control
# and an isolate ride along. Tab, newline, the zero-width joiner and RLM must survive.
TITLE = "Quota \u202ecod.exe\x00 \x1b[31mred\x7f \x85\u2066iso\u2069"
TEXT = "Para\u202eone\u200d.\tTabbed.\n\nCod quota \u202bembedded\u202c text, \u200fmarked."
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def db(web_db: Path) -> Path:  # noqa: F811
    with Store.open(web_db) as s, s.transaction():
        s.upsert_article(Article(id="a7", source_id="src-a7", source="a7.txt", text=TEXT,
                                 title=TITLE, outlet="Cod\u202e Times", url=None,
                                 published="2025-08-12", published_from="header"))
        s.save_stories([Story(STORY, f"Arctic cod {TITLE}", (*TEXTS, "a7"), "2025-08-12",
                              "2025-10-02")])
        rows = _timeline()
        s.replace_timeline([rows[0].__class__(**{**rows[0].to_dict(), "title": TITLE,
                                                 "sources": ("Cod\u202e Times",)}), *rows[1:]])
    return web_db


def test_display_text_drops_controls_and_keeps_layout_and_joiners() -> None:
    assert display_text(TITLE) == "Quota cod.exe [31mred iso"
    assert display_text("a\tb\nc\u200dd\u200fe\u200ef") == "a\tb\nc\u200dd\u200fe\u200ef"
    assert display_text("\r\n") == "\n"


def test_no_web_page_shows_a_display_control(db: Path) -> None:
    with TestClient(create_app(db)) as c:
        for url in ["/", f"/stories/{STORY}", "/articles/a7", "/outlets",
                    "/search?q=quota", "/people"]:
            r = c.get(url)
            assert r.status_code == 200, url
            assert not CONTROLS.findall(r.text), url
        assert "Quota cod.exe" in c.get("/articles/a7").text
        # the API is data: it keeps what the store holds
        assert c.get("/api/articles/a7").json()["article"]["title"] == TITLE


def test_html_report_and_markdown_show_no_display_control(db: Path) -> None:
    with Store.open(db, readonly=True) as s:
        html, md = render_html(s, STORY), render_markdown(s)
    for out in (html, md):
        assert not CONTROLS.findall(out)
        assert "Quota cod.exe" in out.replace("\\", "")
