"""Outlets from URLs: registered domains, the outlet table, offline, and where they are used."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from storyline.clean import clean, outlets
from storyline.corpus.sources import outlet_name
from storyline.ingest import read_inputs
from storyline.records import Article, RawPage
from storyline.settings import Settings

TEXT = "The harbour strike ended on Monday after nine days, the union said.\n\nTalks resume."


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://www.washingtonpost.com/politics/2016/10/01/story.html", "The Washington Post"),
    ("http://edition.cnn.com/2013/01/01/world/x/index.html", "CNN"),
    ("https://news.bbc.co.uk/2/hi/europe/1.stm", "BBC"),
    ("http://abcnews.go.com/US/story?id=1", "ABC News"),  # a host row beats its domain
    ("http://espn.go.com/nba/story", "ESPN"),
    ("https://WWW.SPIEGEL.DE./politik/a-1.html", "Der Spiegel"),
    ("www.kyivindependent.com/news/x", "The Kyiv Independent"),
    ("https://www.apnews.com/article/x", "AP"),
    ("https://regional-paper.example.co.uk/news/1", "example.co.uk"),  # unknown: the domain
    # blogs on a shared host are outlets of their own, whether the suffix list names the
    # host (blogspot.com) or the table does (blogspot.nl)
    ("http://joyofsox.blogspot.nl/2008/12/x.html", "joyofsox.blogspot.nl"),
    ("http://a.nbasource.blogspot.nl/x.html", "nbasource.blogspot.nl"),
    ("http://someone.blogspot.com/x.html", "someone.blogspot.com"),
    ("http://alarmeringen.nl/zuid-holland/1.html", "alarmeringen.nl"),
    ("http://127.0.0.1:8000/page", "127.0.0.1"),
    ("mailto:desk@example.com", None),
    ("file:///tmp/page.html", None),
    ("", None),
    ("http://[::1", None),
])
def test_outlet_for_url(url: str, outlet: str | None) -> None:
    assert outlets.outlet_for_url(url) == outlet


def test_registered_domain() -> None:
    assert outlets.registered_domain("https://a.b.news.bbc.co.uk/x") == "bbc.co.uk"
    assert outlets.registered_domain("http://localhost:8000/x") == "localhost"
    assert outlets.registered_domain(None) is None


def test_table_rows_are_lower_case_domains_with_names() -> None:
    table = outlets.known_outlets()
    assert len(table) >= 300
    assert all(d == d.lower() and "." in d and " " not in d and n for d, n in table.items())


def test_no_network_is_touched(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("outlets must work offline")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    outlets._extractor.cache_clear()
    outlets.known_outlets.cache_clear()
    assert outlets.outlet_for_url("https://www.theguardian.com/world/x") == "The Guardian"
    assert outlets.outlet_for_url("https://blog.small-site.de/x") == "small-site.de"


def test_clean_takes_the_outlet_from_the_url(settings: Settings) -> None:
    page = RawPage(source="a.json#1", source_id="a", kind="jsonl", text=TEXT,
                   url="https://www.reuters.com/world/x", outlet="Some Aggregator")
    assert clean(page, settings).outlet == "Reuters"
    unknown = RawPage(source="b.json#1", source_id="b", kind="jsonl", text=TEXT,
                      url="https://www.harbour-gazette.example.org/x")
    assert clean(unknown, settings).outlet == "example.org"


def test_without_a_url_the_page_names_its_outlet_or_none_does(settings: Settings) -> None:
    named = RawPage(source="c.json#1", source_id="c", kind="jsonl", text=TEXT,
                    outlet="Harbour Gazette")
    assert clean(named, settings).outlet == "Harbour Gazette"
    bare = RawPage(source="d.json#1", source_id="d", kind="jsonl", text=TEXT)
    article = clean(bare, settings)
    assert article.outlet is None
    assert outlet_name(article).startswith("unknown (")


def test_sources_use_the_url_outlet_for_articles_stored_without_one() -> None:
    article = Article(id="x", source_id="x", source="x", text=TEXT,
                      url="https://www.nytimes.com/2012/01/01/x.html")
    assert outlet_name(article) == "The New York Times"


@pytest.mark.slow
def test_every_ecbplus_article_with_a_url_has_an_outlet(shared: Path) -> None:
    docs = shared / "eval" / "stories-ecbplus-dev" / "docs.jsonl"
    if not docs.exists():
        pytest.skip("stories-ecbplus-dev is not present")
    settings = Settings(progress=False)
    with_url = [p for p in read_inputs([str(docs)], settings)
                if isinstance(p, RawPage) and p.url]
    assert len(with_url) > 200
    for page in with_url:
        article = clean(page, settings)
        assert article.outlet and not article.outlet.startswith("unknown"), page.url


def test_the_table_says_which_outlets_are_news_agencies() -> None:
    rows = [line.split("\t") for line in (Path(outlets.__file__).parent.parent / outlets.TABLE)
            .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert all(len(r) in (2, 3, 4) and (len(r) == 2 or r[2] in outlets.KINDS) for r in rows)
    for name in ("Reuters", "Associated Press", "AFP", "Agence France-Presse", "dpa", "ANSA",
                 "EFE", "Xinhua", "TASS", "Interfax", "Anadolu", "PTI", "Kyodo", "Yonhap",
                 "Lusa", "ČTK", "Press Trust of India"):
        assert outlets.is_wire_agency(name), name
    assert outlets.is_wire_agency(" agence  france-presse ")
    for name in ("Le Monde", "The Guardian", "BBC", "MENAFN", "Harbour Herald", ""):
        assert not outlets.is_wire_agency(name), name


@pytest.mark.parametrize(("lead", "wire", "outlet"), [
    ("LISBON, March 3 (Lusa) - The strike ended.", "Lusa", None),  # an agency: the wire
    ("TOKYO, May 1 (Kyodo) - The strike ended.", "Kyodo", None),
    ("PARIS, May 1 (Le Monde) - The strike ended.", None, "Le Monde"),  # else the outlet
])
def test_a_dateline_credit_is_the_wire_when_the_table_says_agency(
        lead: str, wire: str | None, outlet: str | None) -> None:
    from storyline.clean import read_lead

    got = read_lead([lead])
    assert (got.wire, got.outlet) == (wire, outlet)


def test_outlet_words_are_the_tables_one_word_names() -> None:
    from storyline.analyze.quotes.cues import OUTLET_WORDS

    words = outlets.outlet_words()
    assert {"reuters", "afp", "bbc", "xinhua", "spiegel", "ctk"} <= words
    assert all(w and " " not in w and w == w.lower() for w in words)
    # names that are common words are not in the table's names: no speaker is lost to them
    assert not words & {"time", "people", "today", "science", "nature", "metro", "index"}
    assert words <= OUTLET_WORDS and "herald" in OUTLET_WORDS


def test_a_press_release_services_credit_names_no_outlet() -> None:
    from storyline.clean import read_lead

    # "(ots)" is news aktuell's code for a press release it sent out, not the page's outlet
    for lead in ("Lindau (ots) - Am Hafen ist ein Boot gesunken.",
                 "(ots) Am Hafen ist ein Boot gesunken."):
        got = read_lead([lead])
        assert (got.outlet, got.wire) == (None, None), lead
    assert outlets.is_release_service("ots") and outlets.is_release_service("PR Newswire")
    assert not outlets.is_release_service("Reuters")
    assert not outlets.is_wire_agency("ots")
    # the service's own site is still its pages' outlet
    assert outlets.outlet_for_url("https://www.prnewswire.com/news-releases/x.html") == \
        "PR Newswire"


@pytest.mark.parametrize(("first", "site"), [
    # the page's title: its headline, a dash or bar, the site's name
    ("Harbour strike ends after nine days - Harbour Gazette", "Harbour Gazette"),
    ("Harbour strike ends after nine days | Channel 7 Lake-County", "Channel 7 Lake-County"),
    ("Harbour strike ends after nine days – The Guardian", "The Guardian"),
    ("Harbour Gazette | Harbour strike ends after nine days", "Harbour Gazette"),  # site first
    ("Strike ends after nine days - Harbour Gazette", "Harbour Gazette"),  # "Harbour" dropped
    ("Harbour strike ends after nine days | News | Harbour Gazette", None),  # a list of labels
    ("Other story entirely - Harbour Gazette", None),  # not this page's headline
    ("Harbour strike ends after nine days - and talks resume.", None),  # a sentence
    ("Harbour Gazette", None),  # a name alone at the top: a menu or a sister site's
    ("Home | News", None),  # two menu labels the page prints again further down
])
def test_a_dumps_title_line_names_its_site(first: str, site: str | None) -> None:
    lines = [first, "Home", "News", "Harbour strike ends after nine days", "The strike ...",
             "© 2031 Harbour Gazette. All rights reserved.", "Copyright Channel 7 Lake-County"]
    assert outlets.title_line_outlet(lines, None) == site


@pytest.mark.parametrize("first", [
    # a title's other part is as often no site: a section, the author, a live page, a page
    # number, a reading time, photos
    "Harbour strike ends after nine days - Opinion",
    "Harbour strike ends after nine days | Ingrid Solvang",
    "Live updates - Harbour strike ends after nine days",
    "Harbour strike ends after nine days - Page 2",
    "Harbour strike ends after nine days | 2 min read",
    "Harbour strike ends after nine days - Photos",
    "Harbour strike ends after nine days – Harbour Gazette",  # a site the page never owns
])
def test_a_title_lines_other_part_is_no_outlet_unless_known_or_printed_as_owner(
        first: str) -> None:
    # the author and the section are printed again, but never as the page's owner
    lines = [first, "Opinion", "Harbour strike ends after nine days", "By Ingrid Solvang",
             "The strike ...", "Harbour Gazette is read in four towns.",
             "© 2031 Lakeside Media Group"]
    assert outlets.title_line_outlet(lines, None) is None
    # the same title naming a site the table knows keeps it without a copyright line
    known = first.replace("Opinion", "The Guardian")
    if known != first:
        assert outlets.title_line_outlet([known, *lines[1:]], None) == "The Guardian"


def test_a_dump_names_its_outlet_only_in_a_title_line(settings: Settings) -> None:
    body = ("The harbour strike ended on Monday after nine days, the union said, and the "
            "ferries ran again on Tuesday morning for the first time since the walkout.\n\n"
            "Talks on pay resume next week, the port authority said in a statement on its "
            "website, and both sides said they expected an agreement before the summer.")
    titled = RawPage(source="t.txt", source_id="t", kind="text", text=(
        "Harbour strike ends after nine days - Harbour Gazette\nHome\nNews\n"
        "Harbour strike ends after nine days\n" + body +
        "\n\n© 2031 Harbour Gazette. All rights reserved."))
    assert clean(titled, settings).outlet == "Harbour Gazette"
    bare = RawPage(source="u.txt", source_id="u", kind="text",
                   text="Home\nNews\nHarbour strike ends after nine days\n" + body)
    assert clean(bare, settings).outlet is None


def test_a_datasets_dateline_line_is_no_outlet(settings: Settings) -> None:
    page = RawPage(source="d.json#1", source_id="d", kind="jsonl", published="2000-01-06",
                   text="HAVANA (AP) --\n\nThe harbour strike ended on Monday, the union said.")
    article = clean(page, settings)
    assert article.outlet is None
    assert article.wire == "AP"


@pytest.mark.parametrize(("text", "names"), [
    ("Alte stiri de Tromsvik.md", ["Tromsvik.md"]),
    ("More from news.tromsvik.co.uk today", ["news.tromsvik.co.uk"]),
    ("Tromsvik.noVaše zprávy", ["Tromsvik.no"]),  # a lost line break glued a capital on
    ("U.S. ferries leave at 5 p.m. from the quay", []),  # abbreviations end on no suffix
    ("the quay reopened.The council said", []),
    ("see report.pdf and version 2.0.1", []),
])
def test_domain_names_are_host_like_tokens_ending_on_a_public_suffix(
        text: str, names: list[str]) -> None:
    assert outlets.domain_names(text) == names


PROXIED = """<html><head><title>Ferry strike ends after nine days</title>
<link rel="canonical" href="{canonical}">
<meta property="og:site_name" content="{site}"></head>
<body><article><h1>Ferry strike ends after nine days</h1>
<p>The harbour strike ended on Monday after nine days of talks between the union and the
port authority, the union's chair told reporters at the quay in the morning.</p>
<p>Ferries to the islands sail again from Tuesday, with extra crossings all week long to
carry the passengers who waited, the operator said in a statement on its website.</p>
</article></body></html>"""


@pytest.mark.parametrize(("fetched", "canonical", "site", "outlet"), [
    # a feed proxy or redirector serves another site's page: its canonical names the outlet
    ("http://feedproxy.example.com/~r/GazetteRSS/~3/abc/ferry", "https://www.harbour-gazette.nl/f",
     "Harbour Gazette", "harbour-gazette.nl"),
    ("https://news.example.com/rss/rd/articles/CBMi", "https://www.gazette.nl/f", "GAZETTE",
     "gazette.nl"),
    # a sister paper's canonical: the page's site name is the fetched site's, kept
    ("https://www.eastharbourtimes.com/2020/f", "https://www.westharbournews.com/f",
     "East Harbour Times", "eastharbourtimes.com"),
    # one site's editions under two suffixes; an IP address as canonical names no site
    ("https://www.harbourinsider.com/f", "https://www.harbourinsider.de/f", "Insider DE",
     "harbourinsider.com"),
    ("https://www.harbour-gazette.nl/f", "https://52.16.95.170/f", "Gazette",
     "harbour-gazette.nl"),
])
def test_outlet_from_the_pages_own_address(settings: Settings, fetched: str, canonical: str,
                                            site: str, outlet: str) -> None:
    html = PROXIED.format(canonical=canonical, site=site)
    page = RawPage(source="p.jsonl#1", source_id="p", kind="html", html=html, url=fetched)
    article = clean(page, settings)
    assert article.outlet == outlet
    assert article.url == fetched  # where it was fetched stays the article's address


def test_own_url_short_domain_names_only_as_a_whole_name() -> None:
    # "t" of t.co stands in "Harbour Gazette" by chance: not the fetched site's name
    assert outlets.own_url("https://t.co/abc", "https://gazette.nl/f", "Harbour Gazette") == \
        "https://gazette.nl/f"
    assert outlets.own_url("https://gazette.nl/f", None, "x") == "https://gazette.nl/f"
    assert outlets.own_url(None, "https://gazette.nl/f", None) == "https://gazette.nl/f"


def test_own_url_an_outlet_the_table_knows_proxies_nothing() -> None:
    # a news site republishing another's article (its canonical) is the page's outlet
    assert outlets.own_url("https://news.yahoo.com/group-123.html",
                           "https://www.nytimes.com/2024/03/05/business/group.html",
                           None) == "https://news.yahoo.com/group-123.html"
    assert outlets.outlet_for_url("https://news.yahoo.com/group-123.html") == "Yahoo News"
    assert outlets.outlet_for_url("https://feedproxy.example.com/x") == "example.com"
    assert outlets.outlet_for_url("mailto:desk@example.com") is None
