"""extract_html: main text, metadata and the publication date of HTML pages we wrote."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import FIXTURES
from storyline.clean.html import (
    Extracted,
    date_from_url,
    extract_html,
    find_published,
    plausible,
)
from storyline.clean.published import DateSource
from storyline.settings import Settings

HARBOUR = (FIXTURES / "inputs" / "harbour-closure.html").read_text(encoding="utf-8")
NO_META = (FIXTURES / "html" / "no-metadata.html").read_text(encoding="utf-8")


def test_article_text_without_menus_comments_or_footer() -> None:
    ex = extract_html(HARBOUR, url="https://www.nordiccoastherald.example/b/quays")
    assert "will close two of its five fishing quays" in ex.text
    assert "Skjervøy" in ex.text
    assert "meeting on March 21" in ex.text
    for furniture in ("Subscribe", "Most read", "Ferry timetable", "Nobody listened",
                      "All rights reserved", "Cookie settings"):
        assert furniture not in ex.text
    assert all(line.strip() == line and line for line in ex.text.split("\n"))


def test_metadata_from_the_page() -> None:
    ex = extract_html(HARBOUR)
    assert ex.title == "Tromsø harbour closes two quays as cod landings collapse"
    assert ex.outlet == "Nordic Coast Herald"
    assert ex.url == "https://www.nordiccoastherald.example/business/tromso-harbour-quays-close"
    # The first publication, not the later modification stamp.
    assert (ex.published, ex.published_from) == ("2024-03-12", "html-meta")


def test_page_without_metadata_keeps_its_text_and_has_no_date() -> None:
    ex = extract_html(NO_META, url="https://www.islandnews.example/council-ferry")
    assert "twenty-three to eight" in ex.text
    assert "Contact the newsroom" not in ex.text
    assert ex.published is None and ex.published_from is None
    assert ex.outlet == "islandnews.example"  # the host stands in for a missing site name
    assert ex.url == "https://www.islandnews.example/council-ferry"


def test_date_from_the_url_when_the_page_has_none() -> None:
    ex = extract_html(NO_META, url="https://www.islandnews.example/2023/11/30/council-ferry")
    assert ex.published == "2023-11-30"


def test_text_date_when_the_markup_has_none() -> None:
    text = "By Ingrid Solberg\n12 March 2024, 14:05\nThe harbour authority said on Tuesday ..."
    day, how = find_published("<html><body><p>no date here</p></body></html>", text, None)
    assert (day, how) == ("2024-03-12", "text-stamp")


NO_DATE_HTML = "<html><body><p>no date here</p></body></html>"


@pytest.mark.parametrize(("text", "expected"), [
    ("By Ingrid Solberg\nMarch 3, 2024\nThe council met.", "2024-03-03"),
    ("Published 03.09.2025 11:57\nBody", "2025-09-03"),
    ("Updated 2024-02-29T10:00\nBody", "2024-02-29"),
    ("3rd Sept. 2021 | News\nBody", "2021-09-03"),
    ("31.02.2024 is not a day", None),
    ("Posted Augu\u017ft 3, 2024\nBody", None),  # "ſ" matches "s" only ignoring case
])
def test_date_line_opening_the_text(text: str, expected: str | None) -> None:
    assert find_published(NO_DATE_HTML, text, None)[0] == expected


@pytest.mark.parametrize("text", [
    # a dateline opening a sentence: the cleaner reads it as a dateline, not this fallback
    "Tromsø, 12 March 2024 – The harbour authority said on Tuesday that the quays close.",
    # dates the first lines mention are the story's, a related link's, a quotation's
    "The ferry service, suspended on March 3, 2024, resumes today after repairs to the hull.",
    "Concert on 14 June 2024 draws record crowd\nThe hall was full by eight.",
    "Line one\nLine two\nOn 5 May 2020 a ferry sank.\nNobody was hurt.",
    "Storm damage\nRead also: Harbour fees rise sharply (12 January 2024)\nThe quay shut.",
    "\u201cWe will never forget 11 March 2011,\u201d the mayor told the crowd.\nBody",
])
def test_a_date_the_text_mentions_is_not_the_page_date(text: str) -> None:
    assert find_published(NO_DATE_HTML, text, None) == (None, None)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://a.example/2024/03/12/story", "2024-03-12"),
    ("https://a.example/news/2024-03-12-story.html", "2024-03-12"),
    ("https://a.example/a/20240312_story", "2024-03-12"),
    ("https://a.example/a/2024/13/40/story", None),
    ("https://a.example/a/id/120200622120908", None),
    ("https://a.example/2999/01/01/future", None),
    ("", None),
])
def test_date_from_url(url: str, expected: str | None) -> None:
    hit = date_from_url(url)
    assert (hit[0] if hit else None) == expected


def test_future_and_ancient_dates_are_implausible() -> None:
    latest = dt.date(2024, 3, 14)
    assert plausible("2024-03-14", latest)
    assert not plausible("2024-03-15", latest)
    assert not plausible("1990-06-01", latest)
    assert not plausible("2024-02-30", latest)


DATED = ('<html><head><meta property="article:published_time" content="2031-03-14">'
         '<title>Night ferry stays</title></head><body><article><h1>Night ferry stays</h1>'
         + "<p>The night ferry to the outer islands will keep sailing through the winter, "
         "the harbour board said on Friday after a long meeting.</p>" * 4
         + "</article></body></html>")


def test_an_html_pages_date_is_bounded_by_the_day_it_was_fetched_or_read() -> None:
    # fetched the day before: the page could not yet carry that date
    assert extract_html(DATED, latest=dt.date(2031, 3, 13)).published is None
    assert extract_html(DATED, latest=dt.date(2031, 3, 15)).published == "2031-03-14"
    # no fetch day: the day this run reads it bounds it (the run's day passed in)
    assert extract_html(DATED, latest=dt.date(2026, 12, 7)).published is None


@pytest.mark.parametrize("html", ["", "   ", "<<<>>>", "<html><body></body></html>",
                                  "\x00\x01binary\x02", "<div>" * 5000])
def test_broken_markup_gives_an_empty_result_not_an_error(html: str) -> None:
    ex = extract_html(html)
    assert isinstance(ex, Extracted)
    assert ex.text == "" or isinstance(ex.text, str)


@pytest.mark.parametrize(("page", "url"), [(HARBOUR, None), (NO_META, None),
                                           (NO_META, "https://www.islandnews.example/a")])
def test_metadata_is_what_trafilatura_finds(page: str, url: str | None) -> None:
    # _metadata reads only the fields the cleaner uses, as trafilatura's extract_metadata
    # finds them; a trafilatura upgrade that changes its steps shows here.
    import trafilatura

    from storyline.clean.html import _metadata, _parse

    ours, theirs = _metadata(_parse(page), url), trafilatura.extract_metadata(page, url)
    for field in ("title", "url", "sitename", "hostname"):
        assert getattr(ours, field) == getattr(theirs, field), field


def test_htmldate_runs_once_per_page(monkeypatch: pytest.MonkeyPatch) -> None:
    import htmldate
    import trafilatura.metadata

    calls: list[str] = []

    def counted(fn):  # type: ignore[no-untyped-def]
        return lambda *a, **kw: calls.append("find_date") or fn(*a, **kw)

    monkeypatch.setattr(htmldate, "find_date", counted(htmldate.find_date))
    monkeypatch.setattr(trafilatura.metadata, "find_date", counted(trafilatura.metadata.find_date))
    ex = extract_html(HARBOUR, url="https://www.nordiccoastherald.example/b/quays")
    assert ex.published == "2024-03-12"
    assert calls == ["find_date"]


def _texts(monkeypatch: pytest.MonkeyPatch, precise: str, balanced: str) -> list[object]:
    """extract_html with the two trafilatura passes replaced: their options, in call order."""
    from types import SimpleNamespace

    from storyline.clean import html

    passes: list[object] = []

    def bare(tree: object, url: str | None, options: dict[str, object]) -> object:
        passes.append(options)
        return SimpleNamespace(text=precise if options is html.TEXT_OPTIONS else balanced)

    monkeypatch.setattr(html, "_bare", bare)
    passes.append(extract_html(NO_META).text)
    return passes


def test_recall_pass_runs_only_when_the_precise_text_is_short(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.clean.html import RECALL_OPTIONS, SHORT_TEXT_CHARS, TEXT_OPTIONS

    long_text = "word " * (SHORT_TEXT_CHARS // 5 + 1)
    assert _texts(monkeypatch, long_text, "x" * 10 * SHORT_TEXT_CHARS) == [
        TEXT_OPTIONS, long_text.strip()]
    short = "A caption."
    # short, but more than MIN_PRECISION_SHARE of the balanced text: precision kept
    assert _texts(monkeypatch, short, "y" * 40) == [TEXT_OPTIONS, RECALL_OPTIONS, short]
    # precision collapsed to a caption of a long page: the balanced text wins
    assert _texts(monkeypatch, short, "z" * 500) == [TEXT_OPTIONS, RECALL_OPTIONS, "z" * 500]


def test_the_pinned_htmldate_has_the_steps_cleaning_restricts() -> None:
    """clean.html narrows two of htmldate's module-level steps; a new htmldate that renames
    them would silently read dates from anywhere in the page again."""
    from htmldate import core

    assert callable(core.compare_reference)
    assert callable(core.search_page)


_MARKUP = [
    HARBOUR, NO_META,
    "<!DOCTYPE html><html><head><title>T</title><!-- note --></head><body><?pi x?>"
    "<form id='f'><label>L</label><input name='q'><select><option>o</option></select>"
    "<textarea>t</textarea></form><p>a<!-- c -->b</p></body></html>",
    "<html/>\n<body><p>self-closing html</p></body>",
    "no markup at all", "<p>one fragment</p>", "<html><body>\x0bbad\x00chars</body></html>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>declared</p></body></html>',
]


@pytest.mark.parametrize("page", _MARKUP)
def test_the_parse_is_trafilaturas(page: str) -> None:
    # _parse repeats trafilatura's load_html with a parser that picks element classes in C:
    # the same tree, node for node, each node of the same class.
    from lxml import etree
    from trafilatura.utils import load_html

    from storyline.clean.html import _parse

    ours, theirs = _parse(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is None:
        return
    assert etree.tostring(ours) == etree.tostring(theirs)
    assert [type(x) for x in ours.iter()] == [type(x) for x in theirs.iter()]
    # copies (each extraction pass works on one) keep the parser's lookup
    from copy import copy

    assert [type(x) for x in copy(ours).iter()] == [type(x) for x in theirs.iter()]


def test_pruning_expressions_select_what_trafilaturas_own_select() -> None:
    """The expressions compiled again without smart strings are trafilatura's own, select
    the same elements, and every list the cleaner recompiles exists in trafilatura."""
    from lxml.etree import XPath
    from trafilatura import xpaths

    from storyline.clean.html import PRUNE_XPATHS, _parse, _plain_string_prunes

    _plain_string_prunes()
    page = (
        "<html><body><div id='comments'>c</div><div class='share-tools'>s</div>"
        "<section class='post-comments'>p</section><span class='byline x'>b</span>"
        "<div style='display:none'>h</div><div class='caption'>i</div><header>h</header>"
        "<div id='respond'>r</div><ul id='comment-list'><li>l</li></ul>"
        "<div class='mvp-post-add-box'><h1>x</h1></div><p id='main'>text</p></body></html>")
    tree = _parse(page)
    for name in PRUNE_XPATHS:
        for expression in getattr(xpaths, name):
            smart = XPath(expression.path, namespaces={"re": xpaths.REGEXP_NS})
            assert expression(tree) == smart(tree), name
    assert any(getattr(xpaths, name)[0](tree) for name in PRUNE_XPATHS)


def test_an_lxml_without_its_private_class_table_parses_with_trafilaturas_parser(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # _parser reads lxml's private HtmlElementClassLookup._default_element_classes: where a
    # version lacks it, pages parse with load_html itself and clean to the same result.
    from lxml import etree
    from lxml.html import HtmlElementClassLookup
    from trafilatura.utils import load_html

    from storyline.clean import html as module

    expected = extract_html(HARBOUR, "https://example.org/news/harbour")
    module._parser.cache_clear()
    monkeypatch.delattr(HtmlElementClassLookup, "_default_element_classes")
    try:
        assert module._parser() is None
        for page in _MARKUP:
            ours, theirs = module._parse(page), load_html(page)
            assert (ours is None) == (theirs is None)
            if ours is not None:
                assert etree.tostring(ours) == etree.tostring(theirs)
        assert extract_html(HARBOUR, "https://example.org/news/harbour") == expected
    finally:
        monkeypatch.undo()
        module._parser.cache_clear()
    assert module._parser() is not None


def test_pruning_lists_not_as_expected_are_left_as_they_are(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from trafilatura import xpaths

    from storyline.clean import html as module

    odd = ["not an expression"]
    monkeypatch.setattr(xpaths, module.PRUNE_XPATHS[0], odd)
    module._plain_string_prunes.__wrapped__()
    assert getattr(xpaths, module.PRUNE_XPATHS[0]) == ["not an expression"]
    monkeypatch.delattr(xpaths, "REGEXP_NS")
    module._plain_string_prunes.__wrapped__()  # no namespace: nothing changed, no error


# Date strings in several languages' words and one no locale reads (UNREAD_DATE's kind).
_DATE_STRINGS = ["5 de marzo de 2021", "3 марта 2020", "12 Ekim 2019", "2 février 2022",
                 "March 4, 2021", "4 Qxzw 2021", "Di, 07.05.2019"]
_COLD_DATES = (
    "import sys\n"
    "from htmldate.extractors import get_external_parser\n"
    "print([str(get_external_parser().get_date_data(s)['date_obj']) for s in sys.argv[1:]])\n")


def test_warming_the_date_parser_changes_no_date() -> None:
    # dateparser compiles every locale's tables on the first string no locale reads;
    # warm_date_parser does that up front. The dates of a fresh process that never warmed
    # (the tables outlive a call) are the dates here after warming.
    import subprocess
    import sys

    from htmldate.extractors import get_external_parser

    from storyline.clean.html import warm_date_parser

    cold = subprocess.run([sys.executable, "-c", _COLD_DATES, *_DATE_STRINGS],
                          capture_output=True, text=True, check=True).stdout
    assert "2021-03-05" in cold and "2019-10-12" in cold
    warm_date_parser()
    parser = get_external_parser()
    assert cold == str([str(parser.get_date_data(s)["date_obj"]) for s in _DATE_STRINGS]) + "\n"


def test_the_date_parser_is_warmed_before_the_first_html_page_only(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline import pipeline
    from storyline.clean import html as module
    from storyline.records import RawPage

    calls: list[int] = []
    monkeypatch.setattr(pipeline, "_WARMED", {"cleaning"})
    monkeypatch.setattr(module, "warm_date_parser", lambda: calls.append(1))
    text = RawPage(source="a.txt", source_id="a", kind="text",
                   text="The harbour board met union leaders in Bergen on Monday.")
    pipeline.process_page(text, settings)
    assert calls == []  # a text-only run never loads htmldate's parser tables
    page = RawPage(source="b.html", source_id="b", kind="html", html=HARBOUR)
    pipeline.process_page(page, settings)
    pipeline.process_page(page, settings)
    assert calls == [1]


_PROSE = [f"Paragraph {n} of the report on the harbour, with enough words in it to read as "
          f"prose: the council met the fishers on Tuesday and talked for hours ({n})."
          for n in range(1, 9)]


def _chunk(paragraphs: list[str], kind: str = "grid--item body article__body") -> str:
    return (f"<div class='grid'><div class='{kind}'>"
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "</div><div class='grid-aside'></div></div>")


def _page(middle: str) -> str:
    return ("<html><head><title>Harbour report</title></head><body><nav><a href='/'>Home</a>"
            "</nav><article class='article'><h1>Harbour report</h1><div class='chunks'>"
            + middle + "</div></article><footer>All rights reserved</footer></body></html>")


def test_an_article_split_around_an_ad_is_kept_whole() -> None:
    # issue 17, trust: a site printing its body in several containers of one class around a
    # full-width ad row (WIRED) lost every part but the first.
    ad = "<div class='row full-bleed-ad'><div class='ad'><span>Advertisement</span></div></div>"
    page = _page(_chunk(_PROSE[:3]) + ad + _chunk(_PROSE[3:6]) + ad + _chunk(_PROSE[6:]))
    text = extract_html(page, url="https://news.example/story/harbour").text
    assert [p for p in _PROSE if p in text] == _PROSE
    assert [text.index(p) for p in _PROSE] == sorted(text.index(p) for p in _PROSE)
    assert "Advertisement" not in text


@pytest.mark.parametrize("middle", [
    # a listing: a title above each post's body
    "".join(f"<div class='grid'><h2>Post {n}</h2><div class='article__body'><p>{p}</p></div>"
            f"</div>" for n, p in enumerate(_PROSE[:3])),
    # teaser cards: each body a link
    "".join(f"<div class='card'><a href='/{n}'><div class='article__body'><p>{p}</p></div></a>"
            f"</div>" for n, p in enumerate(_PROSE[:3])),
    # prose between the parts, and parts of another class
    _chunk(_PROSE[:2]) + f"<div class='note'><p>{_PROSE[2]}</p></div>" + _chunk(_PROSE[3:5]),
    _chunk(_PROSE[:2]) + _chunk(_PROSE[2:4], kind="article__body aside"),
    # parts at different depths
    _chunk(_PROSE[:2]) + f"<div class='x'>{_chunk(_PROSE[2:4])}</div>",
])
def test_containers_that_are_not_one_articles_parts_are_left_as_they_are(middle: str) -> None:
    from lxml import etree

    from storyline.clean.html import _parse, join_split_body

    tree = _parse(_page(middle))
    before = etree.tostring(tree)
    join_split_body(tree)
    assert etree.tostring(tree) == before


# ------------------------------------------------ whose day: declared, URL, UTC, header
# Pages of our own, each with one way a page's day goes wrong (issue 17, trust).

def _page(head: str = "", body: str = "", lang: str = "en") -> str:
    return (f"<html lang='{lang}'><head><title>Quay fees rise for the winter season | "
            f"Harbour Post</title>{head}</head><body>{body}"
            "<p>The harbour board raised the fees for every quay on the island, and the "
            "fishermen's union said it would appeal against the decision.</p>"
            "<p>The board's chair said the new fees would pay for the breakwater.</p>"
            "</body></html>")


def _declared(value: str) -> str:
    return ('<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"datePublished": "{value}"}}</script>')


def test_a_declared_date_comes_before_the_day_in_the_url() -> None:
    # The CMS wrote the day the story was created into its path; it went out the next day.
    page = _page(_declared("2021-05-13T10:04:00Z"))
    day = find_published(page, "", "https://post.example/politics/2021/05/12/quay-fees/")
    assert day == ("2021-05-13", "html-meta")


def test_a_utc_time_near_midnight_gives_way_to_the_outlets_day_in_the_url() -> None:
    # 02:10 UTC is the evening before in the Americas; the URL gives the outlet's own day.
    page = _page(_declared("2021-05-13T02:10:00Z"))
    day = find_published(page, "", "https://post.example/2021/05/12/quay-fees/")
    assert day == ("2021-05-12", "url")


def test_a_utc_time_before_midnight_gives_way_to_the_next_day_the_page_shows() -> None:
    # 23:20 UTC is already the next day in Rome; the page's own stamp says so.
    page = _page(_declared("2021-05-12T23:20:00Z"), lang="it")
    text = "13 maggio 2021\nIl porto alza le tariffe per l'inverno ..."
    assert find_published(page, text, None) == ("2021-05-13", "text-stamp")


def test_a_utc_time_in_the_americas_evening_and_no_day_of_the_page_gives_no_date() -> None:
    page = _page(_declared("2021-05-13T01:40:00Z"))
    assert find_published(page, "", None) == (None, DateSource.NONE_UTC.value)
    # a day the page shows as its own that is UTC's keeps it
    text = "May 13, 2021\nThe harbour board raised ..."
    assert find_published(page, text, None) == ("2021-05-13", "html-meta")


def test_the_cleaned_article_keeps_the_reason_a_utc_time_was_set_aside() -> None:
    from storyline.clean import clean
    from storyline.records import RawPage

    raw = RawPage(source="q.html", source_id="q", kind="html",
                  html=_page(_declared("2021-05-13T01:40:00Z")))
    article = clean(raw, Settings())
    assert article.published is None
    assert article.published_from == DateSource.NONE_UTC.value


def test_a_utc_time_near_midnight_on_a_page_in_a_language_of_elsewhere_keeps_its_day() -> None:
    page = _page(_declared("2021-05-13T01:40:00Z"), lang="ja")
    assert find_published(page, "", None) == ("2021-05-13", "html-meta")


@pytest.mark.parametrize("value", ["2021-05-13T00:16:00+03:00", "2021-05-13T00:16:00"])
def test_a_time_with_its_own_offset_or_none_gives_the_day_as_written(value: str) -> None:
    page = _page(_declared(value))
    assert find_published(page, "", None) == ("2021-05-13", "html-meta")


def test_a_js_date_in_utc_reads_as_one() -> None:
    page = _page('<meta property="article:published_time" '
                 'content="Thu May 13 2021 03:05:46 GMT+0000">')
    day = find_published(page, "", "https://post.example/sites/a/2021/05/12/quay-fees/")
    assert day == ("2021-05-12", "url")


def test_a_day_htmldate_read_in_the_url_is_labelled_url() -> None:
    page = _page(_declared("Thu May 13 2021 03:05:46 GMT+0000"))
    day = find_published(page, "", "https://post.example/sites/a/2021/05/12/quay-fees/")
    assert day == ("2021-05-12", "url")


def test_the_site_headers_today_gives_way_to_the_date_under_the_headline() -> None:
    body = ("<header><h1><a href='/'>Post</a></h1><ul class='top-bar'><li>Baku</li>"
            "<li class='date'>Tuesday, (08 Dec 2021)</li></ul></header>"
            "<main><h1 class='article-title'>Quay fees rise for the winter season</h1>"
            "<ul class='meta'><li><a href='/time/2021-10-13'>13 Oct 2021 18:29</a></li>"
            "<li>1479 views</li></ul>")
    ex = extract_html(_page(body=body), url="https://post.example/news/quay-fees")
    assert (ex.published, ex.published_from) == ("2021-10-13", "text-stamp")


def test_a_claims_date_above_the_headline_gives_way_to_the_byline_and_the_url() -> None:
    # A fact check: the date of the claim it checks sits above its headline; its own day is
    # in its byline, its "Published:" box and its URL (review RDR3 F6).
    body = ("<div class='statement'><div class='statement__quote'>Fees rose tenfold.</div>"
            "<p class='statement__meta'>— <a href='/p/'>A Councillor</a> on Sunday, "
            "October 13th, 2021 in an interview with a local paper</p></div>"
            "<h1 class='article__title'>Quay fees rise for the winter season</h1>"
            "<div class='byline'>By <a href='/s/a'>Kari Holm</a>, <a href='/s/b'>Ola Dahl</a>"
            " on Monday, November 18th, 2021 at 11:08 a.m.</div>")
    aside = ("<aside><h3>About this statement:</h3><p>Published: Monday, November 18th, 2021"
             " at 11:08 a.m.</p></aside>")
    url = "https://check.example/statements/2021/nov/18/a-councillor/quay-fees/"
    ex = extract_html(_page(body=body + aside), url=url)
    assert (ex.published, ex.published_from) == ("2021-11-18", "text-stamp")
    # the byline alone, or the "Published:" box alone, or the URL alone, says the same
    page = _page(body=body.split("<div class='byline'>")[0] + aside)
    assert find_published(page, "", None, title="Quay fees rise for the winter season")[0] \
        == "2021-11-18"
    page = _page(body=body.split("<div class='byline'>")[0])
    assert find_published(page, "", url)[0] == "2021-11-18"


def test_a_date_read_in_an_element_is_labelled_so_not_as_metadata() -> None:
    body = ("<h1>Quay fees rise for the winter season</h1>"
            "<span class='date'>March 3, 2021</span>")
    assert find_published(_page(body=body), "", None) == ("2021-03-03", "html-element")


@pytest.mark.parametrize(("url", "expected"), [
    ("https://check.example/statements/2019/nov/18/someone/claim/", "2019-11-18"),
    ("https://paper.example/world/2020/sep/3/story", "2020-09-03"),
    ("https://paper.example/world/2020/Sept/30/story", "2020-09-30"),
    ("https://paper.example/world/2020/nov/31/story", None),
    ("https://paper.example/world/2020/novel/18/story", None),
])
def test_a_month_named_in_the_url(url: str, expected: str | None) -> None:
    hit = date_from_url(url)
    assert (hit[0] if hit else None) == expected


def test_a_date_right_after_the_headline_in_the_same_container_is_its_stamp() -> None:
    body = ("<div class='top'><span class='date'>Tuesday, (08 Dec 2021)</span></div>"
            "<div class='head'><h1>Quay fees <em>rise</em> for the winter season</h1>"
            " 13 Oct 2021 18:29 </div>")
    page = _page(body=body)
    day = find_published(page, "", None, title="Quay fees rise for the winter season")
    assert day == ("2021-10-13", "text-stamp")
