"""The self-contained report (HTML and Markdown) on a hand-built store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.errors import ConfigError
from storyline.outputs.report import md_text, md_url, render_html, render_markdown
from storyline.store import Store
from webdata import STORY, UNDATED_WHY, web_db  # noqa: F401


@pytest.fixture
def html(web_db: Path) -> str:  # noqa: F811
    with Store.open(web_db, readonly=True) as s:
        return render_html(s, STORY)


def test_report_has_timeline_quotes_contradictions_and_sources(html: str) -> None:
    assert "Arctic cod quota talks" in html
    assert re.findall(r'<li class="day" id="d-([\d-]+)"', html) == [
        "2025-08-12", "2025-09-20", "2025-10-02"]
    assert "Nobody asked the fishermen" in html.split('class="undated"')[1]
    assert "will not cut vs will be cut" in html
    assert 'href="https://herald.example/cod"' in html


def test_report_is_self_contained_and_runs_nothing(html: str) -> None:
    assert "<script" not in html.replace("&lt;script", "")
    assert '<link rel="stylesheet"' not in html and "<style>" in html
    assert not re.search(r'(src|href)="(?!#|https://)', html)  # nothing loads; links are http(s)
    assert "default-src &#39;none&#39;" in html  # the CSP meta, attribute-escaped
    assert 'href="javascript:' not in html and "<img src=x" not in html


def test_report_css_is_inlined_verbatim(html: str) -> None:
    # an escaped stylesheet has &#34; where CSS wants quotes: its font rule would be dropped
    style = html.split("<style>")[1].split("</style>")[0]
    assert '"Segoe UI"' in style and "&#34;" not in style and "&quot;" not in style


def test_report_shows_the_wire_story_once(html: str) -> None:
    group = html.split('class="wire-story"')[1].split("</ul>")[0]
    assert "Nordic Wire" in group and "Coast Daily" in group and "wire copy" in group
    assert html.count('class="wire-story"') == 1


def test_report_links_nowhere_inside_the_app(html: str) -> None:
    assert 'href="/articles/' not in html and 'href="/people/' not in html


def test_markdown_escapes_everything_a_renderer_would_act_on(web_db: Path) -> None:  # noqa: F811
    with Store.open(web_db, readonly=True) as s:
        md = render_markdown(s)
    assert "<script>" not in md and "<b>" not in md and "javascript:" not in md
    assert r"\<script\>" in md
    assert "### 12 Aug 2025" in md and "### Undated" in md
    assert "## Contradictions" in md and "<https://herald.example/cod>" in md


def test_md_helpers() -> None:
    # Escaped brackets are no link, so the parenthesis needs nothing; "#" only starts a
    # heading at the start of a line, and the text is one line.
    assert md_text("[x](javascript:y)\n# h") == r"\[x\](javascript:y) # h"
    assert md_text("# h #") == r"\# h \#" and md_text("1. x") == r"1\. x"
    assert md_text("Interfax-Ukraine and the U.S. (AP)") == "Interfax-Ukraine and the U.S. (AP)"
    assert md_text("*a* _b_ `c` ~d~ <e> &amp; AT&T") == r"\*a\* \_b\_ \`c\` \~d\~ \<e\> \&amp; AT&T"
    assert md_url("javascript:alert(1)") == ""
    assert md_url("https://a.example/p q>(") == "<https://a.example/p%20q%3E%28>"


def test_unknown_story_is_a_clear_error(web_db: Path) -> None:  # noqa: F811
    with Store.open(web_db, readonly=True) as s, pytest.raises(ConfigError, match="no story"):
        render_html(s, "nope")


def test_report_command_writes_html_and_md(web_db: Path, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["report", "--db", str(web_db), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert f"report: {out}" in r.output and out.read_text().startswith("<!doctype html>")
    r = CliRunner().invoke(main, ["report", "--db", str(web_db), "--story", STORY,
                                  "--format", "md", "-o", "-"])
    assert r.exit_code == 0 and r.output.startswith("# Arctic cod quota talks")
    r = CliRunner().invoke(main, ["report", "--db", str(web_db), "--story", "nope", "-o", "-"])
    assert r.exit_code == 1 and "no story" in r.output


def test_report_links_every_item_to_its_sentence_on_the_outlets_page(html: str) -> None:
    # a text fragment on the article's own URL: the report is self-contained, the outlet's
    # page opens at the sentence
    assert ('href="https://herald.example/cod#:~:text=%22We%20will%20not%20cut,said%20after'
            '%20the%20meeting."') in html
    timeline = html.split('<ol class="timeline">')[1].split("</ol>")[0]
    rows = timeline.split('<li class="item ')[1:]
    # every dated row with an http(s) source links; the hostile javascript: one stays text
    linked = [r for r in rows if 'class="item-quote" href="https://' in r
              or 'class="item-title" href="https://' in r]
    assert len(linked) == len(rows) - 1
    assert "reported" in html and "said that" in html


def test_markdown_prints_each_item_once_and_never_an_empty_outlet(web_db: Path) -> None:  # noqa: F811
    with Store.open(web_db, readonly=True) as s:
        md = render_markdown(s, STORY)
    assert md.count("We will not cut the quota this year") == 2  # the item, the contradiction
    assert "**Berg" not in md and ", :" not in md and ", ," not in md
    line = next(x for x in md.splitlines() if "would be consulted" in x)
    assert line.startswith("- Anna Berg said that the fleet's spokesman Per Olsen would be "
                           "consulted _(reported)_ _(1 independent source: Nordic Wire, "
                           "Coast Daily (wire copy of Nordic Wire))_")
    assert "  - also in Coast Daily: Anna Berg said that the fleet" in md
    assert "_(direct quote)_: “We will not cut the quota this year,”" in md
    assert "_(quoted fragment)_: Berg called the old quota \"**simply unsustainable**\" in " \
        "parliament." in md
    assert f"Why undated: {UNDATED_WHY}" in md  # the row's own reason, once for its group


def test_markdown_says_how_an_inferred_day_was_found(web_db: Path) -> None:  # noqa: F811
    from dataclasses import replace

    from storyline.corpus.timeline import INFERRED_NOTE

    with Store.open(web_db) as s, s.transaction():
        s.replace_timeline([replace(r, date_notes=(INFERRED_NOTE,)) if r.ref == "ev1" else r
                            for r in s.timeline(STORY)])
    with Store.open(web_db, readonly=True) as s:
        md = render_markdown(s, STORY)
    [line] = [x for x in md.splitlines() if "Quota meeting in Tromsø" in x and x[:2] == "- "]
    assert line.endswith(f" — {INFERRED_NOTE}")


def test_report_gives_the_sentence_where_there_is_no_url_to_link(tmp_path: Path) -> None:
    from webdata import build_file_without_urls

    db = build_file_without_urls(tmp_path / "nourl.db")
    with Store.open(db, readonly=True) as s:
        html, md = render_html(s, STORY), render_markdown(s, STORY)
    # the event's trigger sits in a sentence the row's title does not say
    assert "Source sentence (Harbour Herald), no URL to link:</span> Fisheries ministers" in html
    assert "— source sentence (Harbour Herald): Fisheries ministers met in Tromsø on Tuesday " \
        "to discuss the cod quota." in md
    # a quote that is its whole sentence is not printed twice
    assert md.count("We will not cut the quota this year") == 2


def test_report_links_a_statement_without_url_to_its_sentence_in_the_report(
        tmp_path: Path) -> None:
    from webdata import build_file_without_urls

    db = build_file_without_urls(tmp_path / "nourl.db")
    with Store.open(db, readonly=True) as s:
        html = render_html(s, STORY)
    timeline = html.split('<ol class="timeline">')[1].split("</ol>")[0]
    anchors = re.findall(r'class="item-quote" href="#(src-[^"]+)"', timeline)
    assert anchors, "statement rows link to their sentences inside the report"
    for anchor in anchors:  # every link has its target, once
        assert html.count(f'id="{anchor}"') == 1
    note = html.split('id="src-q1"')[1].split("</li>")[0]
    assert "Harbour Herald" in note
    assert '<mark class="quote">We will not cut the quota this year,</mark>&#34; Minister ' \
        "Anna Berg said after the meeting." in note
    # renderings of a statement link to theirs as well
    assert re.search(r'<li class="rendering">.*?href="#src-', html, re.S)


def test_a_report_of_several_stories_opens_with_their_contents(
        web_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from storyline.outputs import report

    with Store.open(web_db, readonly=True) as s:
        one = render_html(s, STORY)
        assert 'class="contents"' not in one  # one story needs no contents
        real = report.report_views
        monkeypatch.setattr(report, "report_views", lambda store, story=None: [
            *real(store, STORY),
            *({**v, "story": {**v["story"], "id": "story-two", "title": "Second story"}}
              for v in real(store, STORY))])
        html = render_html(s)
    contents = html.split('<nav class="contents"')[1].split("</nav>")[0]
    assert f'href="#story-{STORY}"' in contents and 'href="#story-story-two"' in contents
    assert "Second story" in contents and "published 12 Aug 2025" in contents
    assert html.count('<section class="story-report" id="story-') == 2


def test_markdown_leaves_empty_fields_out_cleanly() -> None:
    from storyline.outputs import report

    side = {"when": "3 Mar 2025", "article": {"outlet": None, "source_id": "003-bcd5"},
            "speaker": {"name": ""},
            "said": {"verb": None, "before": None, "text": "We agreed", "after": None}}
    line = report._md_pair({"why": "", "a": side, "b": None})
    assert line.startswith("- Unattributed (3 Mar 2025, outlet not named (003-bcd5))")
    assert "- :" not in line and "**vs** (statement not in store)" in line
    assert report._md_pair({"why": "yes and no", "a": side, "b": side}).startswith(
        "- yes and no: Unattributed")
    assert report._after(" (", "", ")") == "" and report._after(" (", "AP", ")") == " (AP)"


def test_markdown_lists_background_dates_apart_from_the_timeline(
        web_db: Path) -> None:  # noqa: F811
    from dataclasses import replace

    with Store.open(web_db) as s, s.transaction():
        s.replace_timeline([replace(r, date="1956-12-02") if r.ref == "q2" else r
                            for r in s.timeline(STORY)])
    with Store.open(web_db, readonly=True) as s:
        md = render_markdown(s, STORY)
        html = render_html(s, STORY)
    timeline, rest = md.split("### Background: earlier dates mentioned")
    assert "1956" not in timeline.split("## Timeline")[1]
    background = rest.split("### Undated")[0]
    assert "#### 2 Dec 1956" in background and "HYPERLINK" in background
    assert "Later dates mentioned" not in md
    # the HTML report lists it apart as the app does, and gives no "days later" across it
    assert html.count('<section class="outside-span earlier">') == 1
    assert re.findall(r"(\d+) days later", html) == ["51"]
