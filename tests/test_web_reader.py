"""What a reader sees of a statement, a story's dates and its sources, as the views word them.

Each case is a shape found on real pages (the seeds, ECB+): a quote that starts in lower case
after the sentence's own words, reported speech whose first word was capitalised only as a
sentence's start, stories whose articles all lack a date, articles without an outlet.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.web import views
from webdata import STORY, web_db  # noqa: F401

with warnings.catch_warnings():
    # starlette asks for httpx2, which this environment does not pin; httpx works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from storyline.web.app import create_app


@pytest.fixture
def client(web_db: Path) -> Iterator[TestClient]:  # noqa: F811
    with TestClient(create_app(web_db)) as c:
        yield c


def _direct(sentence: str, quoted: str) -> dict[str, object]:
    start = sentence.index(quoted)
    return {"kind": "direct", "text": quoted, "cue": "said", "sent_start": 0,
            "start": start, "end": start + len(quoted)}


def test_a_lower_case_quote_led_into_by_its_sentence_is_shown_inside_it() -> None:
    sentence = ("If not by joining the alliance, it is necessary to ensure that the country "
                "\u201cis protected by itself, but also with the help of others,\u201d to deter "
                "an attack, the minister said.")
    s = views.said(_direct(sentence, "is protected by itself, but also with the help of others"),
                   sentence)
    assert s["label"] == "quoted fragment"
    assert s["before"].endswith("ensure that the country \u201c")
    assert s["text"] == "is protected by itself, but also with the help of others"
    assert s["after"].startswith(",\u201d to deter")


def test_a_lower_case_quote_after_a_comma_is_shown_in_its_sentence_too() -> None:
    sentence = ("She said talks were ongoing but stated, \u201cit\u2019s too early to say what "
                "the result will be.\u201d")
    s = views.said(_direct(sentence, "it\u2019s too early to say what the result will be."),
                   sentence)
    assert s["before"] is not None and s["before"].startswith("She said talks")


def test_a_whole_quote_stays_a_direct_quote() -> None:
    sentence = "\u201cWe will not cut the quota this year,\u201d the minister said."
    s = views.said(_direct(sentence, "We will not cut the quota this year,"), sentence)
    assert s["label"] == "direct quote" and s["before"] is None
    # a long quote introduced by a colon stays whole even in lower case only when it opens
    sentence = "The minister said: \u201cWe will meet again next month and decide then.\u201d"
    s = views.said(_direct(sentence, "We will meet again next month and decide then."),
                   sentence)
    assert s["before"] is None


def test_reported_speech_reads_as_a_clause_after_said_that() -> None:
    def reported(text: str) -> str:
        s = views.said({"kind": "indirect", "text": text, "cue": "said"})
        return f"{s['verb']} {s['text']}"

    assert reported("A man has been charged in a fatal crash") == \
        "said that a man has been charged in a fatal crash"
    assert reported("The talks failed") == "said that the talks failed"
    # names, "I" and acronyms keep their capitals
    assert reported("Anna Berg would resign") == "said that Anna Berg would resign"
    assert reported("I will stay") == "said that I will stay"
    assert reported("NATO was ready") == "said that NATO was ready"
    assert reported("to lease 100 tankers") == "said to lease 100 tankers"


def test_day_span_says_each_day_once_and_never_undated_twice() -> None:
    assert views.day_span("2025-08-19", "2025-12-02") == "published 19 Aug 2025 – 2 Dec 2025"
    assert views.day_span("2013-08-02", "2013-08-02") == "published 2 Aug 2013"
    assert views.day_span(None, None) == "no publication date"
    assert views.day_span(None, "2013-08-02") == "published 2 Aug 2013"


def test_articles_without_an_outlet_are_told_apart() -> None:
    assert views.outlet_label(None, "36_1ecb") == "outlet not named (36_1ecb)"
    assert views.outlet_label("", None) == "outlet not named"
    assert views.outlet_label("UNN", "x") == "UNN"
    brief = views.brief_view({"id": "a", "source_id": "36_1ecb", "outlet": None, "url": None,
                              "wire": None, "title": "T", "published": None,
                              "duplicate_of": "b"}, {"a": "near"})
    assert brief["outlet"] == "outlet not named (36_1ecb)"
    assert brief["copy_label"] == "near copy"


def test_copy_kinds_read_as_words(client: TestClient) -> None:
    html = client.get(f"/stories/{STORY}").text
    assert "(wire copy of Nordic Wire)" in html and "(wire of" not in html
    page = client.get("/articles/a3").text
    assert "Wire copy of" in page and "A wire copy" not in page


def test_story_lines_say_when_their_articles_came_out(client: TestClient) -> None:
    home = client.get("/").text
    assert "published 12 Aug 2025 – " in home and "undated – undated" not in home
    story = client.get(f"/stories/{STORY}").text
    assert "published 12 Aug 2025 – " in story


def test_person_page_counts_undated_mentions_with_their_articles(client: TestClient) -> None:
    view = client.get("/api/people/e-holm").json()
    m = view["mentions_over_time"]
    assert m["undated"] >= 1 and m["undated_articles"] >= 1
    html = client.get("/people/e-holm").text
    assert "undated pages" not in html
    n = m["undated"]
    assert f"{n} mention{'s' if n != 1 else ''} in {m['undated_articles']} undated article" \
        in html


def test_markdown_names_copies_and_a_missing_outlet(web_db: Path) -> None:  # noqa: F811
    from storyline.outputs.report import render_markdown
    from storyline.store import Store

    with Store.open(web_db, readonly=True) as s:
        md = render_markdown(s, STORY)
    assert "(wire copy of Nordic Wire)" in md
    assert "published 12 Aug 2025 – " in md


def test_a_long_record_name_is_cut_in_a_source_line() -> None:
    label = views.outlet_label(None, "39d5c43beb60605c3eec760c99500e62e7bd71ebbe4ae05edf38")
    assert label == "outlet not named (39d5c43beb60605c…)"
    assert views.outlet_label(None, "003_bcd59f9d0c8db90d") == \
        "outlet not named (003_bcd59f9d0c8db90d)"


def test_a_page_that_names_no_outlet_says_so_with_its_record_in_small_type() -> None:
    # Issue 17 s5 (RDR2 A10): an input record's name is no outlet: "outlet not named", the
    # record after it in small type, so that articles stay apart.
    from storyline.web.templating import outlet_html

    label = views.outlet_label(None, "003_bcd5")
    assert label == "outlet not named (003_bcd5)"
    assert (label.outlet, label.record) == ("outlet not named", "003_bcd5")
    label = views.outlet_label("Harbour Post", "003_bcd5")
    assert (label.outlet, label.record) == ("Harbour Post", None)
    html = str(outlet_html(views.outlet_label(None, "003_bcd59f9d0c8db90d")))
    assert html.startswith("outlet not named <small class=\"record\"")
    assert "(003_bcd59f9d0c8db90d)</small>" in html
    assert str(outlet_html("A & B")) == "A &amp; B"
    from storyline.web.templating import environment

    s = {"id": "a", "label": "Talks", "outlet": views.outlet_label(None, "003_bcd5"),
         "copy_of": None, "other_story": None, "url": None}
    line = environment().from_string(
        '{% from "macros.html" import source_line %}{{ source_line(s) }}').render(s=s)
    assert '>outlet not named <small class="record"' in line and "(003_bcd5)</small>" in line


def _reported_in(sentence: str, content: str, cue: str) -> str:
    start = sentence.index(content)
    s = views.said({"kind": "indirect", "text": content, "cue": cue, "sent_start": 0,
                    "start": start, "end": start + len(content)}, sentence)
    return f"{s['verb']} {s['text']}"


def test_reported_speech_keeps_the_articles_verb_phrase() -> None:
    # a hope is not a plain statement: the words between cue and content stay
    sentence = ("The secretary general expressed hope that after the meeting in Paris there "
                "will be a clear picture.")
    assert _reported_in(sentence, "after the meeting in Paris there will be a clear picture",
                        "expressed") == \
        "expressed hope that after the meeting in Paris there will be a clear picture"
    sentence = "The minister told reporters on Friday that the quota would stay."
    assert _reported_in(sentence, "the quota would stay", "told") == \
        "told reporters on Friday that the quota would stay"
    # a cue after its content, or a lead that is a clause of its own: the verb alone
    sentence = "The quota would stay, the minister told reporters."
    assert _reported_in(sentence, "The quota would stay", "told") == \
        "said that the quota would stay"


def test_a_cue_verb_reads_in_the_past_tense() -> None:
    cases = {"says": "said", "saying": "said", "stating": "stated", "hopes": "hoped",
             "warns": "warned", "thinks": "thought", "denies": "denied", "plans": "planned",
             "urging": "urged", "stress": "stressed", "points out": "pointed out",
             "according to": "said", "as per": "said", None: "said", "noted": "noted"}
    assert {c: views.past_tense(c) for c in cases} == cases


def test_a_cue_of_another_language_is_shown_as_the_article_has_it() -> None:
    # French cues: no English ending ("déclaréed", "dited") and no English "that"
    assert {c: views.past_tense(c) for c in ("déclaré", "dit", "affirme", "estime")} == \
        {"déclaré": "déclaré", "dit": "dit", "affirme": "affirme", "estime": "estime"}
    assert views.past_tense("selon") == views.past_tense("according to") == "said"
    assert _reported_in("L'autorité dit qu'elle doit s'adapter aux changements.",
                        "elle doit s'adapter aux changements", "dit") == \
        "dit qu'elle doit s'adapter aux changements"
    assert _reported_in("La France sera prête, a déclaré le ministre.",
                        "La France sera prête", "déclaré") == "déclaré La France sera prête"


def test_an_object_or_infinitive_takes_no_that() -> None:
    s = views.said({"kind": "indirect", "text": "him to return to court", "cue": "wanted"})
    assert f"{s['verb']} {s['text']}" == "wanted him to return to court"
    s = views.said({"kind": "indirect", "text": "to lease 100 tankers", "cue": "agreed"})
    assert f"{s['verb']} {s['text']}" == "agreed to lease 100 tankers"
    # the quote finder's directive and descriptive cues take their object
    assert _reported_in("He urged Russia to stop the strikes.", "Russia to stop the strikes",
                        "urged") == "urged Russia to stop the strikes"
    assert _reported_in("She described the talks as useful.", "the talks as useful",
                        "described") == "described the talks as useful"
    assert _reported_in("He warned that the economy would shrink.",
                        "the economy would shrink", "warned") == \
        "warned that the economy would shrink"


def test_undated_rows_are_grouped_by_their_reason_said_once(client: TestClient) -> None:
    view = client.get(f"/api/stories/{STORY}").json()
    groups = view["undated_groups"]
    assert sum(len(g["items"]) for g in groups) == len(view["undated"]) >= 1
    assert len({g["why"] for g in groups}) == len(groups)
    html = client.get(f"/stories/{STORY}").text
    undated = html.split('<section class="undated">')[1].split("</section>")[0]
    assert undated.count("Why undated:") == len(groups)
    assert '<div class="undated-why">' not in undated  # no row repeats its group's reason


def test_search_lists_a_statement_once_with_its_other_renderings(client: TestClient) -> None:
    quotes = client.get("/api/search", params={"q": "consulted"}).json()["quotes"]
    assert len(quotes) == 1 and len(quotes[0]["also"]) == 1
    html = client.get("/search", params={"q": "consulted"}).text
    assert html.count('class="quote-line"') == 1 and "also in" in html


def test_person_page_counts_names_as_the_people_list_does(client: TestClient) -> None:
    people = {p["id"]: p for p in client.get("/api/people").json()["people"]}
    for pid in ("e-berg", "e-olsen"):
        page = client.get(f"/people/{pid}").text
        n = people[pid]["mentions"]
        assert f"named {n} time{'s' if n != 1 else ''}" in page


def test_a_statement_reported_in_another_story_names_that_source(web_db: Path) -> None:  # noqa: F811
    import sqlite3

    from storyline.outputs.report import render_markdown
    from storyline.store import Store

    conn = sqlite3.connect(web_db)
    with conn:  # the wire copy now belongs to another story; its statement still spans both
        conn.execute("UPDATE articles SET story = 'story-other' WHERE id = 'a3'")
    conn.close()
    with Store.open(web_db, readonly=True) as s:
        view = views.story_view(s, STORY)
        md = render_markdown(s, STORY)
    assert view is not None
    row = next(i for d in view["days"] for i in d["entries"] if i["statement"] == "st-fleet")
    assert [(a["outlet"], a["other_story"]) for a in row["sources"]] == \
        [("Nordic Wire", None), ("Coast Daily", "story-other")]
    assert "Coast Daily (wire copy of Nordic Wire) (in another story)" in md
    with TestClient(create_app(web_db)) as client:
        html = client.get(f"/stories/{STORY}").text
    assert '(in <a href="/stories/story-other">another story</a>)' in html


def test_every_template_names_an_outletless_article_with_the_label_helper() -> None:
    from storyline.web.templating import environment

    q = {"when": "3 Mar 2025", "cue": "said", "link": "/articles/a#hl",
         "speaker": {"id": None, "name": "Anna Berg"},
         "said": {"kind": "direct", "label": "direct quote", "text": "We agreed.",
                  "verb": None, "before": None, "after": None},
         "article": {"outlet": None, "source_id": "003-bcd5", "label": "Harbour talks"}}
    env = environment()
    line = env.from_string('{% from "macros.html" import quote_line %}{{ quote_line(q) }}') \
        .render(q=q)
    pairs = env.get_template("pairs.html").render(
        contradictions=[{"why": "", "kind": "opposite claims", "story": "s1", "story_title": None,
                         "a": q, "b": None}], links=True)
    for html in (line, pairs):
        assert "outlet not named <small" in html and "(003-bcd5)</small>" in html
        assert "unknown outlet" not in html
    assert "opposite claims</p>" in pairs  # an empty reason leaves no colon behind


def test_words_nobody_is_named_for_read_unattributed_without_a_verb() -> None:
    from storyline.web.templating import environment

    q = {"when": "3 Mar 2025", "cue": "said", "link": "/articles/a#hl",
         "speaker": {"id": None, "name": None}, "reported_by": "Harbour Wire",
         "said": {"kind": "indirect", "label": "reported", "text": "the strike ended",
                  "verb": "said that", "before": None, "after": None},
         "article": {"outlet": "Harbour Post", "source_id": "a", "label": "Harbour talks"}}
    line = environment().from_string(
        '{% from "macros.html" import quote_line %}{{ quote_line(q) }}').render(q=q)
    text = " ".join(re.sub(r"<[^>]+>", "", line).split())
    assert "Unattributed (reported by Harbour Wire): the strike ended" in text
    assert "said that" not in text


def test_a_speaker_the_article_only_describes_reads_as_that_source_not_named() -> None:
    # Issue 17 s5 (RDR2 B4): "police" is a source the article names, never "unattributed".
    from storyline.web.templating import environment

    row = {"id": "q1", "text": "the road stays closed", "kind": "indirect", "cue": "said",
           "statement": None, "speaker": None, "speaker_name": None, "entity_name": None,
           "speaker_from": None, "speaker_mention": "police", "reported_by": None,
           "said_on": None, "said_on_from": None, "article": "a", "article_title": "Road",
           "outlet": "Harbour Post", "article_lead": None, "article_source_id": "a",
           "published": None, "url": None, "story": None, "sent_start": 0, "sent_end": 20,
           "start": 0, "end": 20}
    q = views.quote_row(row)
    assert q["speaker"]["name"] == "Police" and q["speaker"]["by"] == "not named"
    line = environment().from_string(
        '{% from "macros.html" import quote_line %}{{ quote_line(q) }}').render(q=q)
    text = " ".join(re.sub(r"<[^>]+>", "", line).split())
    assert "Police (not named) said that the road stays closed" in text
    assert "nattributed" not in text
    # Described sources are no speaker chips of the story page: they name no one.
    assert views.story._speakers([{"speaker": q["speaker"]}]) == []


def test_a_person_never_quoted_is_told_so_plainly(client: TestClient) -> None:
    people = client.get("/api/people").json()["people"]
    quiet = next(p for p in people if p["statements"] == 0)
    html = client.get(f"/people/{quiet['id']}").text
    assert f"These articles neither quote {quiet['name']} nor report what" in html
    assert "oldest first" not in html.split("What others said")[0]


def test_several_outlets_out_on_the_first_day_are_never_all_called_first() -> None:
    def whens(*published: str | None) -> list[str]:
        rows = [{"story": "s", "title": "t", "outlet": f"o{i}", "first_published": p,
                 "articles": 1, "copies": 0} for i, p in enumerate(published)]
        return [o["when"] for o in views.coverage(rows, "o0")[0]["outlets"]]

    assert whens("2025-08-19", "2025-08-20", None) == ["first", "1 day later", "undated"]
    # two on the first day and no times to tell them apart
    assert whens("2025-08-19", "2025-08-19", "2025-08-21") == \
        ["among the first (same day)", "among the first (same day)", "2 days later"]
    # times tell them apart
    assert whens("2025-08-19T09:00:00+00:00", "2025-08-19T12:30:00+00:00") == \
        ["first", "same day, 4 h later"]
    # a copy out the same day came after its original: the original is first
    rows = [{"story": "s", "title": "t", "outlet": o, "first_published": "2025-08-19",
             "articles": 1, "copies": c} for o, c in (("MENAFN", 1), ("UNN", 0))]
    assert [(o["outlet"], o["when"]) for o in views.coverage(rows, "UNN")[0]["outlets"]] == \
        [("UNN", "first"), ("MENAFN", "same day, a copy")]  # the original listed first
    # one without a time: neither is first for certain
    assert whens("2025-08-19T09:00:00+00:00", "2025-08-19") == \
        ["among the first (same day)"] * 2


def test_a_row_shows_its_inferred_date_as_a_short_mark(web_db: Path) -> None:  # noqa: F811
    from dataclasses import replace

    from storyline.corpus.timeline import SHARED_EVENT_NOTE
    from storyline.store import Store

    with Store.open(web_db) as store, store.transaction():
        rows = store.timeline(STORY)
        store.replace_timeline([replace(r, date_notes=(SHARED_EVENT_NOTE,))
                                if r.ref == "ev1" else r for r in rows])
    with TestClient(create_app(web_db)) as c:
        html = c.get(f"/stories/{STORY}").text
        [row] = [i for d in c.get(f"/api/stories/{STORY}").json()["days"]
                 for i in d["entries"] if i["ref"] == "ev1"]
    # the note is the row's field: its title stays the title, the page shows a short mark
    assert row["title"] == "Quota meeting in Tromsø"
    assert row["date_notes"] == [SHARED_EVENT_NOTE]
    assert f'<span class="date-note" title="{SHARED_EVENT_NOTE}">date inferred</span>' in html


def test_an_event_that_did_not_happen_is_marked_apart_in_every_view(web_db: Path) -> None:  # noqa: F811
    from dataclasses import replace

    from storyline.outputs.report import render_html, render_markdown
    from storyline.store import Store

    with Store.open(web_db) as store, store.transaction():
        rows = store.timeline(STORY)
        store.replace_timeline([replace(r, status="planned") if r.ref == "ev1"
                                else replace(r, status="happened") if r.kind == "event"
                                else r for r in rows])
    with TestClient(create_app(web_db)) as c:
        html = c.get(f"/stories/{STORY}").text
        [row] = [i for d in c.get(f"/api/stories/{STORY}").json()["days"]
                 for i in d["entries"] if i["ref"] == "ev1"]
    # the status is the row's field: the title stays the title, the page marks the row
    # beside its kind, with a tooltip saying what the mark means
    assert row["title"] == "Quota meeting in Tromsø" and row["status"] == "planned"
    meaning = views.STATUS_MEANINGS["planned"]
    mark = f'<span class="status-mark" title="{meaning}">planned</span>'
    assert mark in html and 'class="item event unrealised planned"' in html
    with Store.open(web_db, readonly=True) as s:
        report, md = render_html(s, STORY), render_markdown(s, STORY)
    assert mark in report
    [line] = [x for x in md.splitlines() if "Quota meeting in Tromsø" in x and x[:2] == "- "]
    assert line.startswith("- Quota meeting in Tromsø _(planned)_ ")
    # what happened carries no mark
    assert html.count('class="status-mark"') == 1 and md.count("_(planned)_") == 1


def test_a_statement_that_is_an_event_stays_one_row_marked_as_an_event(web_db: Path) -> None:  # noqa: F811
    from storyline.corpus.statement_events import _event
    from storyline.store import Store
    from webdata import STATEMENTS

    fleet = next(s for s in STATEMENTS if s.id == "st-fleet")
    with Store.open(web_db) as store, store.transaction():
        events = list(store.events_by_ids(["ev1"]).values())
        store.replace_events([*events, _event(fleet, [])])
    with TestClient(create_app(web_db)) as c:
        view = c.get(f"/api/stories/{STORY}").json()
        html = c.get(f"/stories/{STORY}").text
    rows = [i for d in view["days"] for i in d["entries"]]
    assert [i["news"] for i in rows if i["statement"] == "st-fleet"] == [True]
    assert not any(i["news"] for i in rows if i["statement"] != "st-fleet")
    assert html.count("also an event</span>") == 1


def test_reported_words_open_in_lower_case_when_the_story_writes_them_so() -> None:
    from storyline.corpus.timeline import common_words

    common = common_words(["The fire caused damage to the church.", "Damage was light."])
    s = views.said({"kind": "indirect", "text": "Damage to the church was estimated",
                    "cue": "said"}, None, common)
    assert f"{s['verb']} {s['text']}" == "said that damage to the church was estimated"
    # without the story's words a capitalised noun may be a name, and stays as it is
    s = views.said({"kind": "indirect", "text": "Damage to the church was estimated",
                    "cue": "said"})
    assert s["text"] == "Damage to the church was estimated"


def test_an_untitled_article_is_named_by_whole_words_of_its_lead() -> None:
    lead = ("An arsonist has badly damaged the church attended by the Governor of Alaska, "
            "Sarah Palin, officials said on Saturday")
    label = views.article_label(None, lead, "13_1ecb")
    assert label == \
        "An arsonist has badly damaged the church attended by the Governor of Alaska, Sarah Palin…"
    assert len(label) <= views.LABEL_CHARS
    assert views.article_label(None, "Short lead.", "x") == "Short lead."


def test_a_story_header_says_how_many_of_its_articles_are_undated(web_db: Path) -> None:  # noqa: F811
    from storyline.outputs.report import render_html, render_markdown
    from storyline.store import Store

    # a6 has no publication day: the span is only the dated articles'
    with TestClient(create_app(web_db)) as c:
        html = c.get(f"/stories/{STORY}").text
    assert "6 articles, 1 of them undated · <strong>4 independent sources" in html
    with Store.open(web_db, readonly=True) as s:
        assert "6 articles, 1 of them undated · <strong>" in render_html(s, STORY)
        assert "6 articles, 1 of them undated · 4 independent sources" in \
            render_markdown(s, STORY)


def test_a_person_page_names_the_shortest_description_in_lower_case(web_db: Path) -> None:  # noqa: F811
    import sqlite3

    conn = sqlite3.connect(web_db)
    conn.execute("UPDATE entities SET aliases = ? WHERE id = 'e-holm'",
                 ('["the only minister tough enough to act", "The minister", "Holm"]',))
    conn.commit()
    conn.close()
    with TestClient(create_app(web_db)) as c:
        html = c.get("/people/e-holm").text
        entity = c.get("/api/people/e-holm").json()["entity"]
    assert entity["description"] == "the minister"
    assert "by a description (“the minister”)" in html


def test_why_a_quote_has_no_speaker_is_told_in_a_readers_words() -> None:
    described = {"speaker_mention": "The 56-year-old", "reported_by": None}
    assert views.unattributed_why(described) == \
        "the article calls the speaker “The 56-year-old” and no name could be tied to it"
    # "he" is left unnamed when no one before it fits and when two people do ("Mark Okafor
    # ... sued Tom Reyes ..., after he testified"): the reason claims neither.
    he = views.unattributed_why({"speaker_mention": "he"})
    assert he == "its sentence says only “he”, and the article does not make clear whom it means"
    assert "fits" not in he and "no one" not in he
    assert views.unattributed_why({"speaker_mention": None}) == views.UNNAMED_NOBODY
    assert views.unattributed_why({"reported_by": "Harbour Wire"}).startswith("Harbour Wire")


def test_an_undated_quote_reads_undated_everywhere_never_its_articles_day() -> None:
    # The story's timeline lists it as undated: the article page must not date it.
    assert views.when_said(None) == "undated"
    assert views.when_said("2031-03-10") == views.day_label("2031-03-10")


def test_an_unattributed_timeline_row_says_why_it_has_no_speaker() -> None:
    from storyline.web.templating import environment

    i = {"kind": "quote", "ref": "q1", "title": "Unattributed: “We will sail”", "date": None,
         "day": None, "date_notes": [], "status": None, "status_label": None,
         "quote": "We will sail", "reported_by": None, "statement": "st1", "news": False,
         "renderings": [], "rendering_outlets": 0, "speaker": None,
         "speaker_why": views.UNNAMED_NOBODY, "outlets": ["Harbour Post"], "sources": [],
         "independent_sources": 1, "link": "/articles/a#hl", "url_link": None,
         "sentence": None, "note": None, "undated_why": "its sentence names no day",
         "said": {"kind": "direct", "label": "direct quote", "text": "We will sail",
                  "verb": None, "before": None, "after": None}}
    html = environment().get_template("item.html").render(i=i, links=True)
    text = " ".join(re.sub(r"<[^>]+>", "", html).split())
    # One short word on the row, its reason in the tooltip (RDR2 B4: a long label on every
    # row read like an error log).
    assert "Unattributed: “We will sail”" in text and views.UNNAMED_NOBODY not in text
    assert f'title="No speaker named: {views.UNNAMED_NOBODY}"' in html
    assert "Why undated: its sentence names no day" in text
