"""The web app on a hand-built store: pages, the JSON API, search, and hostile text."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.store import Store
from storyline.store.web import fts_query
from storyline.web import views
from webdata import (  # noqa: F401
    FORMULA,
    HOSTILE_TITLE,
    HOSTILE_URL,
    STORY,
    TEXTS,
    UNDATED_WHY,
    web_db,
)

with warnings.catch_warnings():
    # starlette asks for httpx2, which this environment does not pin; httpx works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from storyline.web.app import create_app
from storyline.web.routes import StoreDep


@pytest.fixture
def client(web_db: Path) -> Iterator[TestClient]:  # noqa: F811
    with TestClient(create_app(web_db)) as c:
        yield c


@pytest.fixture
def ro(web_db: Path) -> Iterator[Store]:  # noqa: F811
    with Store.open(web_db, readonly=True) as s:
        yield s


def body(client: TestClient, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    return str(r.text)


def test_stories_list_shows_counts_and_span(client: TestClient) -> None:
    html = body(client, "/")
    assert "Arctic cod quota talks" in html
    assert "12 Aug 2025 – 2 Oct 2025" in html
    # six articles; a3 copies a2, so five outlets minus the copy's outlet counting twice
    assert "6 articles · 4 independent sources" in html
    assert 'action="/search"' in html


def test_story_page_groups_days_on_an_axis_and_keeps_undated_apart(client: TestClient) -> None:
    html = body(client, f"/stories/{STORY}")
    days = re.findall(r'<li class="day" id="d-([\d-]+)"', html)
    assert days == ["2025-08-12", "2025-09-20", "2025-10-02"]
    assert html.count('class="axis-point"') == 3
    undated = html.split('class="undated"')[1]
    assert "Nobody asked the fishermen" in undated
    assert "2 independent" in html
    # the wire copy is marked among the event's sources, and the pair is one wire story
    assert "(wire copy of Nordic Wire)" in html
    sources = html.split("<h2>Sources</h2>")[1]
    assert sources.count('class="wire-story"') == 1 and "Coast Daily" in sources


def test_axis_positions_follow_real_dates(ro: Store) -> None:
    view = views.story_view(ro, STORY)
    assert view is not None
    xs = [p["x"] for p in view["axis"]["points"]]
    # 12 Aug -> 20 Sep is 39 days, 20 Sep -> 2 Oct is 12: the gaps keep that proportion
    assert xs[0] < xs[1] < xs[2]
    assert (xs[1] - xs[0]) / (xs[2] - xs[1]) == pytest.approx(39 / 12, rel=0.05)
    # seven weeks: a tick a week (months would leave two ticks on the whole axis)
    assert [t["label"] for t in view["axis"]["ticks"]] == [
        "12 Aug", "19 Aug", "26 Aug", "2 Sep", "9 Sep", "16 Sep", "23 Sep", "30 Sep"]


def test_axis_ticks_by_day_month_and_year() -> None:
    def labels(first: str, last: str) -> list[str]:
        days = [{"day": d, "label": d, "entries": [{}]} for d in (first, last)]
        return [t["label"] for t in views.story._axis(days)["ticks"]]

    assert labels("2025-10-06", "2025-10-09") == ["6 Oct", "7 Oct", "8 Oct", "9 Oct"]
    assert labels("2025-08-18", "2025-12-03") == ["Sep 2025", "Oct 2025", "Nov 2025",
                                                  "Dec 2025"]
    assert labels("2021-05-01", "2025-02-01") == ["2022", "2023", "2024", "2025"]


def test_item_link_opens_the_exact_sentence_highlighted(client: TestClient, ro: Store) -> None:
    view = views.story_view(ro, STORY)
    assert view is not None
    item = next(i for d in view["days"] for i in d["entries"] if i["ref"] == "q1")
    html = body(client, item["link"])
    marked = re.search(r'<mark class="sentence" id="hl">(.*?)</mark>', html, re.S)
    quoted = re.search(r'<mark class="sentence quote">(.*?)</mark>', html, re.S)
    assert marked and quoted
    assert quoted.group(1) == "We will not cut the quota this year,"
    assert "Minister Anna Berg said" in html


def test_event_item_links_to_its_sentence(ro: Store) -> None:
    view = views.story_view(ro, STORY)
    assert view is not None
    event = view["days"][0]["entries"][0]
    assert event["kind"] == "event"
    sentence_end = TEXTS["a1"].index("\n\n")
    assert event["link"] == f"/articles/a1?s=0&e={sentence_end}&qs=20&qe=23#hl"


def test_bad_offsets_in_the_url_are_clamped_not_errors(client: TestClient) -> None:
    assert "<mark" in body(client, "/articles/a1?s=5&e=99999")
    assert "<mark" not in body(client, "/articles/a1?s=50&e=10")
    assert client.get("/articles/a1?s=-1&e=3").status_code == 422


def test_person_page_lists_statements_in_date_order_with_variants(client: TestClient) -> None:
    html = body(client, "/people/e-berg")
    assert html.index("We will not cut") < html.index("will be cut by 20 percent")
    assert "Minister Anna Berg" in html and "also written as" in html


def test_outlet_page_shows_its_wire_stories(client: TestClient) -> None:
    for outlet in ("Coast Daily", "Nordic Wire"):
        html = body(client, f"/outlets/{outlet}")
        group = html.split('class="wire-story"')[1].split("</ul>")[0]
        assert "Nordic Wire</a> <span class=\"orig\">(the original)" in group
        assert "Coast Daily</a> <span class=\"copy\">(wire copy)" in group
    data = client.get("/api/outlets/Coast Daily").json()
    assert data["took"][0]["orig_outlet"] == "Nordic Wire"
    assert [a["id"] for a in data["wire_stories"][0]["articles"]] == ["a2", "a3"]


def test_contradictions_side_by_side(client: TestClient) -> None:
    html = body(client, "/contradictions")
    assert html.count('class="side"') == 2
    assert "will not cut vs will be cut" in html
    assert "12 Aug 2025" in html and "2 Oct 2025" in html


def test_search_finds_quotes_articles_and_people(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "quota"}).json()
    assert {q["id"] for q in data["quotes"]} == {"q1", "q3"}
    assert {a["id"] for a in data["articles"]} >= {"a1", "a2", "a5"}
    assert body(client, "/search?q=Berg").count('href="/people/e-berg"') >= 1


def test_search_filters_by_speaker_outlet_and_dates(client: TestClient) -> None:
    def ids(**params: str) -> set[str]:
        return {q["id"] for q in client.get("/api/search", params=params).json()["quotes"]}

    assert ids(speaker="Holm") == {"q2", "q4"}
    assert ids(speaker="Berg", **{"from": "2025-09-01"}) == {"q3", "q7"}
    assert ids(q="quota", to="2025-08-31") == {"q1"}
    assert ids(q="quota", outlet="harbour herald") == {"q1", "q3"}


@pytest.mark.parametrize("q", ['"', "AND", "quota OR", "*", "NEAR(", "'; DROP TABLE quotes;--"])
def test_search_syntax_in_user_input_is_never_an_error(client: TestClient, q: str) -> None:
    assert client.get("/search", params={"q": q}).status_code == 200


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('cod "AND" quo') == '"cod" "AND" "quo"*'
    assert fts_query("  ;; ") is None


def test_hostile_text_is_inert_everywhere(client: TestClient) -> None:
    pages = [f"/stories/{STORY}", "/articles/a4", "/people/e-holm", "/search?q=spreadsheet",
             "/outlets", "/outlets/<b>Evil</b> Outlet"]
    for url in pages:
        html = body(client, url)
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>Evil" not in html
        assert 'href="javascript:' not in html.lower()
        # the only scripts are the app's own, from /static
        assert re.findall(r"<script[^>]*>", html) in ([], ['<script src="/static/app.js" defer>'])
    article = body(client, "/articles/a4")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in article
    assert '<span class="inert">javascript:alert(document.cookie)</span>' in article


def test_api_returns_hostile_text_verbatim_as_data(client: TestClient) -> None:
    data = client.get("/api/articles/a4").json()
    assert data["article"]["title"] == HOSTILE_TITLE
    assert data["article"]["url"] is None and data["article"]["raw_url"] == HOSTILE_URL
    assert data["quotes"][0]["text"].startswith(FORMULA)


def test_every_response_carries_a_strict_csp(client: TestClient) -> None:
    for url in ["/", "/api/stories", "/static/style.css", "/nope"]:
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_json_api_mirrors_the_pages(client: TestClient) -> None:
    story: dict[str, Any] = client.get(f"/api/stories/{STORY}").json()
    assert [d["day"] for d in story["days"]] == ["2025-08-12", "2025-09-20", "2025-10-02"]
    assert story["contradictions"][0]["a"]["id"] == "q1"
    paths = client.get("/openapi.json").json()["paths"]
    for p in ["/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
              "/api/people/{entity_id}", "/api/outlets/{outlet}", "/api/contradictions",
              "/api/search"]:
        assert p in paths


def test_missing_things_are_404s(client: TestClient) -> None:
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/api/people/nope").json() == {"detail": "no such person"}


def test_app_never_writes_the_store(web_db: Path) -> None:  # noqa: F811
    before = web_db.read_bytes()
    with TestClient(create_app(web_db)) as c:
        c.get("/")
        c.get(f"/stories/{STORY}")
    assert web_db.read_bytes() == before


def test_app_refuses_a_missing_store(tmp_path: Path) -> None:
    from storyline.errors import ConfigError

    with pytest.raises(ConfigError, match="storyline run"):
        create_app(tmp_path / "none.db")


def test_search_works_on_a_store_without_the_fts_migration(web_db: Path) -> None:  # noqa: F811
    import sqlite3

    conn = sqlite3.connect(web_db)
    for t in ("quotes_fts", "articles_fts", "entities_fts"):
        conn.execute(f"DROP TABLE {t}")
    conn.commit()
    conn.close()
    with Store.open(web_db, readonly=True) as s:
        assert not s.has_search_index()
        assert {r["id"] for r in s.search_quotes("quota")} == {"q1", "q3"}


def test_serve_command_has_help() -> None:
    from click.testing import CliRunner

    from storyline.cli import main

    out = CliRunner().invoke(main, ["serve", "--help"])
    assert out.exit_code == 0 and "--port" in out.output


# -- limits: search input, time budget, shutdown, HEAD --------------------------------------

# A statement that runs for minutes: the stand-in for any costly request.
_ENDLESS_SQL = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                "WHERE i < 1000000000) SELECT count(*) FROM n")


def _slow(store: StoreDep) -> dict[str, int]:
    return {"n": store.query(_ENDLESS_SQL)[0][0]}


def _with_slow_route(app: Any) -> Any:
    app.add_api_route("/api/slow", _slow)
    return app


@pytest.mark.parametrize("url", ["/search", "/api/search"])
def test_search_over_the_word_or_length_limit_is_a_400(client: TestClient, url: str) -> None:
    from storyline.store.web import MAX_QUERY_CHARS, MAX_QUERY_TERMS

    r = client.get(url, params={"q": " ".join(["the"] * 400)})
    assert r.status_code == 400 and f"at most {MAX_QUERY_CHARS} " in r.text
    r = client.get(url, params={"q": " ".join(["the"] * (MAX_QUERY_TERMS + 1))})
    assert r.status_code == 400 and f"at most {MAX_QUERY_TERMS} " in r.text
    r = client.get(url, params={"q": "quota " + "x" * MAX_QUERY_CHARS})
    assert r.status_code == 400 and f"at most {MAX_QUERY_CHARS} " in r.text
    r = client.get(url, params={"speaker": "Holm " * (MAX_QUERY_TERMS + 1)})
    assert r.status_code == 400 and "speaker" in r.text
    assert client.get(url, params={"q": " ".join(["the"] * MAX_QUERY_TERMS)}).status_code == 200


def test_a_repeated_word_is_searched_once() -> None:
    # every word must match, so "the the the" is "the": one FTS phrase, not one per copy
    assert fts_query("the the THE") == '"the"'
    assert fts_query("cod the cod qu") == '"cod" "the" "qu"*'


def test_snippet_holds_the_most_search_words_and_marks_them() -> None:
    from storyline.store.web import MARK_CLOSE, MARK_OPEN, text_snippet

    text = ("Cod cod cod cod in the harbour. " * 20 + "Later the quota for cod was cut, "
            "the minister said. " + "Weather \x02notes\x03 follow. " * 20)
    snip = text_snippet(text, ["cod"], "quot", size=8)
    assert snip.startswith("… ") and snip.endswith(" …")
    assert f"{MARK_OPEN}quota{MARK_CLOSE}" in snip and f"{MARK_OPEN}cod{MARK_CLOSE}" in snip
    assert snip.count(MARK_OPEN) == snip.count(MARK_CLOSE) >= 2
    assert text_snippet("no match here", ["cod"], None) == "no match here"
    # case and diacritics folded as the FTS tokenizer folds them
    assert text_snippet("In TROMSØ, Łódź", ["tromso"], "lod") == \
        f"In {MARK_OPEN}TROMSØ{MARK_CLOSE}, {MARK_OPEN}Łódź{MARK_CLOSE}"


def test_a_request_past_its_time_budget_is_a_503(web_db: Path) -> None:  # noqa: F811
    with TestClient(_with_slow_route(create_app(web_db, budget_s=0.2))) as c:
        r = c.get("/api/slow")
    assert r.status_code == 503 and "0.2 s budget" in r.json()["detail"]


def test_stopping_serve_interrupts_a_running_query(web_db: Path) -> None:  # noqa: F811
    import socket
    import threading
    import urllib.error
    import urllib.request

    from storyline.web.app import make_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = make_server(_with_slow_route(create_app(web_db, budget_s=600)), port=port)
    serving = threading.Thread(target=server.run, daemon=True)
    serving.start()
    while not server.started:
        serving.join(0.05)
    answers: list[int] = []

    def ask() -> None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/slow", timeout=60)
        except urllib.error.HTTPError as e:
            answers.append(e.code)

    asking = threading.Thread(target=ask, daemon=True)
    asking.start()
    asking.join(1.0)
    running = asking.is_alive()
    server.handle_exit(2, None)  # what SIGINT does
    serving.join(10)
    asking.join(10)
    server.force_exit = True  # a failed test must not leave the server holding pytest open
    assert running and not serving.is_alive() and answers == [503]


@pytest.mark.parametrize("url", ["/", f"/stories/{STORY}", "/api/stories", "/search?q=cod",
                                 "/static/style.css", "/nope"])
def test_head_answers_like_get_without_a_body(client: TestClient, url: str) -> None:
    get, head = client.get(url), client.head(url)
    assert head.status_code == get.status_code and head.content == b""
    for h in ("content-type", "content-length", "content-security-policy"):
        assert head.headers.get(h) == get.headers.get(h), h


# -- what the reader sees (issue 17.5) -------------------------------------------------------

def item(html: str, text: str) -> str:
    """The timeline row of the story page that holds ``text``."""
    rows = [re.split(r"</ul>\s*</li>|</ol>|<section|<h2>", r)[0]
            for r in html.split('<li class="item ')[1:]]
    rows = [r for r in rows if text in r]
    assert len(rows) == 1, (text, len(rows))
    return rows[0]


def test_reported_speech_reads_said_that_without_quotation_marks(client: TestClient) -> None:
    html = body(client, f"/stories/{STORY}")
    row = item(html, "would be consulted")
    said = row.split('class="said"')[1].split("</p>")[0]
    assert '<span class="cue">said that</span> <span class="reported">the fleet' in said
    assert "“" not in said and "<q" not in said
    assert 'class="qkind indirect">reported</span>' in row
    # a direct quote keeps its marks and says so
    direct = item(html, "We will not cut the quota")
    assert '<span class="direct">“We will not cut' in direct and ">direct quote<" in direct


def test_a_quoted_fragment_is_shown_inside_its_sentence(client: TestClient) -> None:
    row = item(body(client, f"/stories/{STORY}"), "simply unsustainable")
    assert ">quoted fragment<" in row
    assert ('<span class="in-sentence">Berg called the old quota &#34;<mark class="fragment">'
            'simply unsustainable</mark>&#34; in parliament.</span>') in row


def test_quote_kind_is_labelled_on_person_search_and_article_pages(client: TestClient) -> None:
    for url in ("/people/e-berg", "/search?speaker=Berg", "/articles/a2"):
        html = body(client, url)
        assert ">reported<" in html and "said that" in html, url
        assert "“the fleet" not in html, url
        if url != "/articles/a2":  # Berg's fragment, inside its sentence, wherever she is listed
            assert 'quota &#34;<mark class="fragment">simply unsustainable</mark>&#34; in' in html


def test_a_statement_shows_all_its_renderings(client: TestClient) -> None:
    row = item(body(client, f"/stories/{STORY}"), "would be consulted")
    assert "2 renderings of this statement in 2 outlets" in row
    renderings = re.findall(r'<li class="rendering"><span class="outlet">([^<]+)</span>', row)
    assert sorted(renderings) == ["Coast Daily", "Nordic Wire"]
    # each rendering links to its own sentence, highlighted in its article
    links = re.findall(r'href="(/articles/a[23]\?s=\d+&amp;e=\d+&amp;qs=\d+&amp;qe=\d+#hl)"',
                       row.split('class="renderings"')[1])
    assert sorted(x.split("?")[0] for x in links) == ["/articles/a2", "/articles/a3"]
    assert "1 independent source" in row


def test_key_dates_come_first_and_link_to_their_day(web_db: Path) -> None:  # noqa: F811
    from webdata import add_key_dates

    add_key_dates(web_db)
    with TestClient(create_app(web_db)) as c:
        html = body(c, f"/stories/{STORY}")
        api = c.get(f"/api/stories/{STORY}").json()
    assert html.index('class="key-dates"') < html.index('class="timeline"')
    keys = re.findall(r'<a class="key-day" href="#d-([\d-]+)">', html)
    assert keys == ["2025-08-12", "2025-10-02"]
    assert "Quota meeting in Tromsø; Berg: no cut this year" in html
    assert [k["date"] for k in api["key_dates"]] == ["2025-08-12", "2025-10-02"]


def test_a_story_without_key_dates_shows_none(client: TestClient) -> None:
    assert 'class="key-dates"' not in body(client, f"/stories/{STORY}")


def test_undated_items_say_why_and_are_not_folded(client: TestClient) -> None:
    html = body(client, f"/stories/{STORY}")
    undated = html.split('<section class="undated">')[1]
    assert "<details" not in undated.split("</section>")[0].split("renderings")[0]
    assert f"Why undated: {UNDATED_WHY}" in undated  # the row's own reason


def test_lists_paginate_and_sort(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views.lists, "PAGE_SIZE", 1)
    people = [client.get("/api/people", params={"page": p}).json() for p in (1, 2, 3)]
    assert [p["people"][0]["name"] for p in people] == ["Anna Berg", "Lars Holm", "Per Olsen"]
    assert people[0]["pager"]["pages"] == 3 and people[0]["pager"]["prev"] is None
    assert people[0]["pager"]["next"] == "/people?sort=statements&page=2"
    first = client.get("/api/people", params={"sort": "mentions"}).json()["people"][0]
    assert (first["name"], first["mentions"], first["statements"]) == ("Anna Berg", 4, 4)
    html = body(client, "/people?page=2")
    assert 'href="/people?sort=statements&amp;page=1"' in html and "page 2 of 3" in html
    assert 'href="/people?sort=mentions&amp;page=1"' in html
    outlets = client.get("/api/outlets", params={"sort": "name", "page": 2}).json()
    assert [o["outlet"] for o in outlets["outlets"]] == ["Coast Daily"]
    by_articles = client.get("/api/outlets").json()["outlets"]
    assert by_articles[0]["outlet"] in ("Coast Daily", "Harbour Herald")
    assert by_articles[0]["articles"] == 2
    stories = client.get("/api/stories", params={"sort": "size"}).json()
    assert stories["stories"][0]["id"] == STORY and stories["pager"]["total"] == 1
    # past the last page: the last page, not an error; a bad sort falls back to the default
    assert client.get("/api/people", params={"page": 99}).json()["pager"]["page"] == 3
    assert client.get("/people", params={"sort": "nope"}).status_code == 200
    assert client.get("/people", params={"page": 0}).status_code == 422


def test_entity_page_serves_a_person_named_but_never_quoted(client: TestClient) -> None:
    view = client.get("/api/people/e-olsen").json()
    assert view["quotes"] == [] and view["statements"] == 0
    assert [(b["period"], b["mentions"]) for b in view["mentions_over_time"]["bars"]] == [
        ("2025-08-12", 1), ("2025-08-13", 1)]
    assert {a["id"] for a in view["articles"]} == {"a2", "a3"}
    assert [s["id"] for s in view["stories"]] == [STORY]
    # one statement in two renderings: listed once, the copy named beside it
    [about] = view["about"]
    assert about["id"] == "q5" and [a["outlet"] for a in about["also"]] == ["Coast Daily"]
    html = body(client, "/people/e-olsen")
    assert "What others said about Per Olsen" in html and "Anna Berg" in html
    assert "Mentions per day" in html and "<meter" in html
    # the people list shows him too
    assert 'href="/people/e-olsen"' in body(client, "/people")


def test_outlet_page_shows_coverage_per_story(client: TestClient) -> None:
    view = client.get("/api/outlets/Coast Daily").json()
    [story] = view["coverage"]
    assert story["id"] == STORY
    when = {o["outlet"]: o["when"] for o in story["outlets"]}
    # both out on the first day, with no times to tell them apart: neither is "first"
    assert when["Harbour Herald"] == when["Nordic Wire"] == "among the first (same day)"
    assert when["Coast Daily"] == "1 day later"
    html = body(client, "/outlets/Coast%20Daily")
    assert "Coverage per story" in html and \
        '<td class="late first">among the first (same day)</td>' in html


def test_outlet_page_pages_its_articles_and_its_coverage_apart(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views.lists, "PAGE_SIZE", 1)
    first, second = (client.get("/api/outlets/Coast Daily", params={"articles": n}).json()
                     for n in (1, 2))
    pager = first["article_pager"]
    assert pager["pages"] == pager["total"] >= 2 and len(first["articles"]) == 1
    assert pager["next"] == "/outlets/Coast%20Daily?page=1&articles=2"
    assert first["articles"] != second["articles"]
    # the stories' coverage keeps its own page while the articles page on
    assert first["coverage"] == second["coverage"] and first["story_pager"]["page"] == 1
    assert "Sort by" not in body(client, "/outlets/Coast%20Daily?articles=2")


def test_timeline_titles_of_reported_speech_have_no_quotation_marks() -> None:
    from storyline.corpus.timeline import quote_title

    assert quote_title("Lavrov", "No meeting is planned", "direct") == \
        "Lavrov: “No meeting is planned”"
    assert quote_title("Rutte", "that the issue was not discussed", "indirect") == \
        "Rutte said that the issue was not discussed"


def test_contradiction_shows_its_kind_then_its_why(client: TestClient) -> None:
    [c] = client.get("/api/contradictions").json()["contradictions"]
    assert c["kind"] == "opposite claims" and c["why"] == "will not cut vs will be cut"
    page = body(client, "/contradictions")
    assert "opposite claims: will not cut vs will be cut" in page
    # the list of every story's contradictions names the story each is in; a story's page not
    assert c["story_title"] and f'In the story <a href="/stories/{c["story"]}">' in page
    assert "In the story" not in body(client, f"/stories/{c['story']}")


def test_story_page_reads_statements_and_sentences_once(web_db: Path,  # noqa: F811
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    for name in ("statements", "quote_rows"):
        real = getattr(Store, name)
        monkeypatch.setattr(Store, name, lambda self, *a, _r=real, _n=name, **k:
                            calls.append(_n) or _r(self, *a, **k))
    with Store.open(web_db, readonly=True) as s:
        view = views.story_view(s, STORY)
    assert view is not None and view["contradictions"]
    assert calls.count("statements") == 1 and "quote_rows" in calls  # sentences come with it


def test_person_page_counts_every_article_not_the_listed_page(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Store.entity_articles
    monkeypatch.setattr(Store, "entity_articles", lambda self, e, limit=1: real(self, e, limit))
    view = client.get("/api/people/e-olsen").json()
    assert view["entity"]["articles"] == 2 and len(view["articles"]) == 1
    html = body(client, "/people/e-olsen")
    assert "in 2 articles" in html and "(the newest 1)" in html


def test_routes_and_app_do_not_import_each_other() -> None:
    import ast

    web = Path(views.__file__).parents[1]
    for module in web.glob("**/*.py"):
        if module.name == "app.py":
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert "app" not in imported and "storyline.web.app" not in imported, module.name


def _redate(path: Path, dates: dict[str, str | None]) -> None:
    """Move timeline rows (by ref) to other days, as the timeline step could have dated them."""
    from dataclasses import replace

    with Store.open(path) as s, s.transaction():
        s.replace_timeline([replace(r, date=dates[r.ref]) if r.ref in dates else r
                            for r in s.timeline(STORY)])


def test_dates_far_outside_the_articles_span_are_listed_apart_off_the_axis(
        web_db: Path) -> None:  # noqa: F811
    # The story's articles run 12 Aug - 2 Oct 2025. A row a year and a day before the first
    # article is background, a row a year and a day after the last a date named ahead; a
    # row exactly a year before is still the story's own lead-up.
    _redate(web_db, {"q2": "2024-08-10", "q7": "2026-10-03", "q3": "2024-08-12"})
    with Store.open(web_db, readonly=True) as s:
        view = views.story_view(s, STORY)
    assert view is not None
    assert [d["day"] for d in view["earlier"]] == ["2024-08-10"]
    assert [d["day"] for d in view["later"]] == ["2026-10-03"]
    assert [i["ref"] for d in view["earlier"] + view["later"] for i in d["entries"]] == \
        ["q2", "q7"]
    assert [d["day"] for d in view["days"]] == ["2024-08-12", "2025-08-12"]
    assert [p["day"] for p in view["axis"]["points"]] == ["2024-08-12", "2025-08-12"]
    assert all(d["gap"] is None for d in view["earlier"] + view["later"])
    assert view["outside_span_days"] == views.story.OUTSIDE_SPAN_DAYS == 365


def test_a_background_date_leaves_the_story_axis_to_the_story(web_db: Path) -> None:  # noqa: F811
    # timex-tbaq's Elian story: one 1956 landing among months of 2000 drew the axis from
    # 1957 and put "15739 days later" before the story's first day.
    _redate(web_db, {"q2": "1956-12-02"})
    with TestClient(create_app(web_db)) as c:
        html = body(c, f"/stories/{STORY}")
    story, background = html.split('<section class="outside-span earlier">')
    assert re.findall(r'<li class="day" id="d-([\d-]+)"', story) == ["2025-08-12",
                                                                     "2025-10-02"]
    assert "1956" not in story.split('<ol class="timeline">')[0]  # the axis and its ticks
    assert "Background: earlier dates mentioned (1 item)" in background
    assert 'id="d-1956-12-02"' in background and "2 Dec 1956" in background
    assert re.findall(r"(\d+) days later", html) == ["51"]


def test_a_story_without_dated_articles_keeps_every_row_on_its_axis(
        web_db: Path) -> None:  # noqa: F811
    import sqlite3

    _redate(web_db, {"q2": "1956-12-02"})
    conn = sqlite3.connect(web_db)
    with conn:
        conn.execute("UPDATE stories SET first = NULL, last = NULL")
    conn.close()
    with Store.open(web_db, readonly=True) as s:
        view = views.story_view(s, STORY)
    assert view is not None and view["earlier"] == [] and view["later"] == []
    assert view["days"][0]["day"] == "1956-12-02"


def test_story_speakers_are_grouped_by_what_they_are(web_db: Path) -> None:  # noqa: F811
    # timex-tbaq's Elian story listed "Cuba" and "Communist Party" among its speakers as if
    # they were people: a place or an organisation is shown as one, a name no entity stands
    # behind with the groups and others.
    import sqlite3

    conn = sqlite3.connect(web_db)
    with conn:
        conn.execute("UPDATE entities SET type = 'GPE' WHERE id = 'e-holm'")
    conn.close()
    with TestClient(create_app(web_db)) as c:
        view = c.get(f"/api/stories/{STORY}").json()
        html = body(c, f"/stories/{STORY}")
    assert [(g["label"], [s["name"] for s in g["speakers"]])
            for g in view["speaker_groups"]] == [("People", ["Anna Berg"]),
                                                 ("Places", ["Lars Holm"])]
    assert [s["name"] for s in view["speakers"]] == ["Anna Berg", "Lars Holm"]
    line = html.split('<p class="speakers">')[1].split("</p>")[0]
    assert line.index("People:") < line.index("Anna Berg") < line.index("Places:") \
        < line.index("Lars Holm") < line.index('data-filter="">all')
    unnamed = views.story._speaker_groups([{"id": None, "name": "Americans"}], {})
    assert unnamed == [{"label": "Groups and others",
                        "speakers": [{"id": None, "name": "Americans"}]}]
