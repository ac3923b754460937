"""Publication dates: the page's own date (stamps, date lines, datelines, labels) or none."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from storyline.clean import clean, published
from storyline.clean.published import DateSource
from storyline.records import RawPage
from storyline.settings import Settings

PROSE = ("The harbour council voted to extend the night ferry service for another season, "
         "after a winter in which the crossings carried more passengers than planned.")
PROSE2 = ("Skippers had asked for the change since the spring, and the council said the cost "
          "would be shared with the two towns on either side of the fjord.")


def page(text: str, **kw: str) -> RawPage:
    return RawPage(source="p.txt", source_id="p", kind="text", text=text, **kw)


@pytest.mark.parametrize("line, day", [
    ("11:57 03.09.2025", date(2025, 9, 3)),
    ("March 01, 2008", date(2008, 3, 1)),
    ("2024-02-29", date(2024, 2, 29)),
    ("Von Anna Berg | 12. März 2021, 14:35 Uhr", date(2021, 3, 12)),
    ("Publicado el martes 17 de marzo de 2020", date(2020, 3, 17)),
    ("13 января 2020, 10:05", date(2020, 1, 13)),
    ("Publié le jeudi 24 décembre 2020 à 07h47", date(2020, 12, 24)),
    ("2020年7月15日 11時00分", date(2020, 7, 15)),
    ("2020. 06. 04. 11:27", date(2020, 6, 4)),
    ("28 luglio 202010:43", date(2020, 7, 28)),
])
def test_date_lines_in_many_languages(line: str, day: date) -> None:
    assert published.line_date(line) == day


def test_a_line_that_is_not_a_date_line() -> None:
    assert published.line_date("December 2") is None  # no year
    assert published.line_date(  # prose that mentions a date
        "The council first met on March 3, 2019, and has since met every month in the "
        "town hall to hear what the skippers and the ferry company had to say.") is None
    assert published.line_date("— A. Reader (@areader) January 1, 2020") is None  # a post
    assert published.line_date("Race results 2020/7/11-12") is None  # a range of days


def test_slashed_dates_read_month_first_only_on_english_pages() -> None:
    assert published.line_date("06/01/2020", month_first=True) == date(2020, 6, 1)
    assert published.line_date("06/01/2020") == date(2020, 1, 6)
    assert published.line_date("12/25/2020") == date(2020, 12, 25)


def test_undated_page_has_no_date_and_says_why(settings: Settings) -> None:
    a = clean(page(f"Night ferry stays\n{PROSE}\n{PROSE2}"), settings)
    assert a.published is None
    assert a.published_from == DateSource.NONE == "none: no date of its own"
    assert a.published_estimate is None


def test_year_less_date_does_not_take_the_clocks_year(settings: Settings) -> None:
    text = (f"Night ferry stays\n{PROSE} The vote came on March 3, the chair said on "
            f"Tuesday.\n{PROSE2}")
    a = clean(page(text, fetched_at="2026-11-23T00:00:00Z"), settings)
    assert a.published is None and a.published_estimate is None


def test_year_less_dateline_takes_a_year_only_from_the_page() -> None:
    text = "Oslo, March 5 (Nordic Press) – Ministers met today, Wednesday, after the 2024 vote."
    # a Wednesday from 2024 on: 2025 alone within WEEKDAY_YEARS
    assert published.from_dateline("March 5", text) == date(2025, 3, 5)
    # a Wednesday in 2024 and again in 2030: the page does not say which
    assert published.from_dateline("March 6", text) is None
    # no year on the page: no date, whatever the clock says
    assert published.from_dateline("March 5", "Ministers met today, Wednesday.") is None
    assert published.from_dateline("March 4, 2023", "") == date(2023, 3, 4)
    # "ſ" (long s) matches "s" ignoring case; the weekday table does not know the name
    text = "Oslo, March 5 – Ministers met today, \u017funday, after the 2024 vote."
    assert published.from_dateline("March 5", text) is None


def test_obituary_is_not_dated_with_the_birth_date(settings: Settings) -> None:
    text = ("Home\nNews\nObituaries\nHarbour pilot who guided ships for fifty years\n"
            "Edda Lund was born on March 3, 1923, in a fishing village north of the town, "
            "and went to sea at fourteen on her father's boat.\n"
            "She died on Tuesday at home, her family said, surrounded by the charts she had "
            "drawn over a lifetime of guiding ships into the harbour.")
    a = clean(page(text), settings)
    assert a.published is None
    assert a.published_from == DateSource.NONE
    # the latest date the text names may be kept, as an estimate and labelled as one
    assert a.published_estimate == "1923-03-03"
    assert a.published_estimate_from == "latest full date the text mentions"


def test_dump_with_a_date_line_under_the_headline_gets_it(settings: Settings) -> None:
    text = ("Startseite\nPolitik\nWirtschaft\nSport\nMontag, 15. März 2021\n"
            "Fährverbindung bleibt im Winter\nVon Anna Berg | 12. März 2021, 14:35 Uhr\n"
            "Der Hafenrat hat beschlossen, die Nachtfähre auch im nächsten Winter fahren zu "
            "lassen, nachdem in diesem Jahr mehr Fahrgäste als erwartet mitfuhren.\n"
            "Die Kosten teilen sich die beiden Gemeinden, sagte die Vorsitzende am Abend, und "
            "die Fischer hatten sich das seit dem Frühjahr gewünscht.\n"
            "Mehr zum Thema\nNeue Kaimauer fertig\n10.03.2021\nHafenfest abgesagt\n"
            "02.03.2021\nFischpreise steigen\n25.02.2021\n© 2021 Hafenblatt")
    a = clean(page(text), settings)
    assert (a.published, a.published_from) == ("2021-03-12", DateSource.STAMP)
    assert a.published_estimate is None


def test_related_stories_list_is_not_the_pages_date() -> None:
    lines = ["Ferry news", "Dock opens", "10.03.2021", "Fees cut", "02.03.2021",
             "Pier closes", "25.02.2021", PROSE, PROSE2]
    assert published.own_date(lines, 7) is None


def test_labelled_publication_date_far_from_the_article() -> None:
    lines = ["Menu", "Posted March 2, 2020 5:04 pm", *["Link"] * 30, PROSE, PROSE2]
    assert published.own_date(lines, 32) is None
    assert published.labelled_date(lines) == date(2020, 3, 2)
    lines.append("Posted March 9, 2020 by a reader")  # two labels disagree: neither is it
    assert published.labelled_date(lines) is None


def test_url_date_is_the_pages_own(settings: Settings) -> None:
    a = clean(page(f"Night ferry stays\n{PROSE}\n{PROSE2}",
                   url="https://news.example/2019/05/14/night-ferry-stays"), settings)
    assert (a.published, a.published_from) == ("2019-05-14", DateSource.URL)


def test_extracted_text_date_comes_only_from_its_top() -> None:
    assert published.date_from_text("Posted 08:05 10.03.2024\nThe ferry left.") == \
        ("2024-03-10", "text-stamp")
    assert published.date_from_text("No dates here at all.") is None
    assert published.date_from_text(f"{PROSE}\n{PROSE2}\n" * 4 + "May 2, 2019") is None


def test_relative_dates_in_an_undated_article_stay_unresolved() -> None:
    from storyline.analyze.quotes.dates import fallback_timexes
    from storyline.analyze.timexes import normalise
    from storyline.records import Article

    undated = Article(id="a", source_id="a", source="a",
                      text="The council voted yesterday, on Tuesday, and met again on March 3.")
    assert fallback_timexes(undated) == []
    assert all(normalise(t, None) is None for t in ("yesterday", "Tuesday", "March 3"))


def test_a_sentence_with_a_date_near_the_top_is_not_a_stamp(settings: Settings) -> None:
    text = ("Harbour pilot dies at 96\nEdda Lund was born in a fishing village on April 22, "
            "1923.\nShe guided ships into the harbour for fifty years, her family said.")
    a = clean(RawPage(source="r.jsonl#1", source_id="r1", kind="jsonl", text=text), settings)
    assert a.published is None
    assert published.line_date("Reid checked in on Tuesday, December 9, 2008") is None
    assert published.line_date("Posted on Tuesday, December 9, 2008") == date(2008, 12, 9)
    assert published.line_date("22 de diciembre 2020, actualizado a las 12:27 a. m.") == \
        date(2020, 12, 22)


@pytest.mark.parametrize("line", [
    "Concert on 14 June 2024 draws record crowd",  # a headline: the date runs into a sentence
    "On 5 May 2020 a ferry sank off the point.",
    "Read also: Harbour fees rise sharply (12 January 2024)",  # a related story's date
    "Posted Augu\u017ft 3, 2024",  # "ſ" matches "s" only ignoring case: no month
])
def test_a_date_inside_a_headline_or_a_link_is_not_a_date_line(line: str) -> None:
    assert published.line_date(line) is None


def test_stamps_with_times_and_labels_after_the_date_stay_date_lines() -> None:
    assert published.line_date("May 16, 2020 at 10:12 AM") == date(2020, 5, 16)
    assert published.line_date("El 5 de mayo de 2020 a las 10:30") == date(2020, 5, 5)
    assert published.line_date("March 3, 2024 updated at 11:00") == date(2024, 3, 3)
    assert published.line_date("By Kari Dahl | Nov 20, 2020 | Harbour News") == \
        date(2020, 11, 20)


def test_html_page_without_a_date_of_its_own_gets_an_estimate_only(settings: Settings) -> None:
    body = ("<p>Concert on 14 June 2024 draws record crowd</p>"
            f"<p>{PROSE} The hall was full by eight, and the mayor thanked the choir.</p>"
            f"<p>{PROSE2} Tickets for the autumn concerts go on sale next week.</p>")
    html = f"<html><head><title>Concert</title></head><body><article>{body}</article></body></html>"
    a = clean(RawPage(source="c.html", source_id="c", kind="html", html=html), settings)
    assert a.published is None and a.published_from == DateSource.NONE
    assert a.published_estimate == "2024-06-14" and a.published_estimate_from


def test_html_page_with_a_dateline_takes_its_date(settings: Settings) -> None:
    body = (f"<p>Tromsø, 12 March 2024 – The harbour authority said on Tuesday that two "
            f"quays will close. {PROSE}</p><p>{PROSE2}</p>")
    html = f"<html><body><article>{body}</article></body></html>"
    a = clean(RawPage(source="d.html", source_id="d", kind="html", html=html), settings)
    assert (a.published, a.published_from) == ("2024-03-12", DateSource.DATELINE)


def test_the_estimate_is_stored_and_exported_apart(tmp_path: Path) -> None:
    from storyline.outputs.export import export_data
    from storyline.records import Article
    from storyline.store import Store

    a = Article(id="a1", source_id="a1", source="a.txt", text=PROSE,
                published_from=DateSource.NONE.value, published_estimate="2019-05-14",
                published_estimate_from="latest full date the text mentions")
    with Store.open(str(tmp_path / "s.db")) as store:
        store.upsert_article(a)
        assert store.article("a1") == a
        row = export_data(store)["articles"][0]
    assert (row["published"], row["published_from"]) == (None, "none: no date of its own")
    assert row["published_estimate"] == "2019-05-14"


@pytest.mark.parametrize("line", [
    "March 12, 2021", "Sept. 8, 2020 | Updated", "Oct 29 2020", "Martes, Septiembre 22, 2020",
    "MARCH 3RD, 2019", "on 12 2019", "13 января 2020", "2020. augusztus 18.", "2020-10-04",
    "03.09.2025 11:57", "12/25/2020", "24 نيسان / أبريل 2020", "Posted 202010:43", "no year",
    "in 1999 and 2001, May", "May 2020", "the 2020 race, 3 May", "12\u00a02020", "May 2, 1920"])
def test_full_dates_quick_checks_skip_no_date(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The year and day-before-year checks only spare the patterns lines they cannot
    # match: with checks that pass everything, every line gives the same dates.
    found = published.full_dates(line)
    anything = re.compile("")
    monkeypatch.setattr(published, "_ANY_YEAR", anything)
    monkeypatch.setattr(published, "_DAY_YEAR", anything)
    assert published.full_dates(line) == found


@pytest.mark.parametrize("url, revision", [
    ("https://wiki.example/index.php?title=Night_ferry&diff=591343&oldid=588001", True),
    ("https://wiki.example/index.php?title=Night_ferry&oldid=588001", True),
    ("https://wiki.example/index.php?title=Night_ferry&action=history", True),
    ("https://news.example/2020/04/07/night-ferry?utm_source=diffusion", False),
    ("https://news.example/story.php?id=7&different=1", False),
    (None, False),
])
def test_a_wiki_revision_or_diff_page_has_no_publication_date(url: str | None,
                                                              revision: bool) -> None:
    from storyline.clean.html import find_published

    assert published.revision_page(url) is revision
    html = ('<html><head><script type="application/ld+json">{"datePublished": '
            '"2005-07-26T16:22:26-07:00", "dateModified": "2020-04-07T12:33:32-07:00"}'
            "</script></head><body><p>Difference between revisions</p></body></html>")
    found = find_published(html, "Difference between revisions", url)
    assert (found == (None, None)) is revision
    text = "Night ferry\nPosted 08:05 07.04.2020\n" + PROSE
    assert (published.page_date(text.splitlines(), 2, url=url) is None) is revision


def test_the_stamp_by_the_headline_overrules_an_undeclared_htmldate_day() -> None:
    from storyline.clean.html import find_published

    header = '<div class="date">Tue, 14 Jan 2020</div>'  # the site header's "today"
    body = f"<article><h1>Fires under control</h1><p>{PROSE}</p><p>{PROSE2}</p></article>"
    text = f"13 Jan 2020, 22:11 GMT+10\n{PROSE}\n{PROSE2}"
    url = "https://news.example/news/263700449/fires-under-control"
    html = f"<html><head><title>Fires</title></head><body>{header}{body}</body></html>"
    # htmldate's day, read in an element (not metadata: labelled so)
    assert find_published(html, "", url) == ("2020-01-14", "html-element")
    assert find_published(html, text, url) == ("2020-01-13", "text-stamp")
    # a day the page declares as its publication's (or has in its URL) stays (at a UTC
    # time far from midnight: one near it gives way to the page's own day, test_extract)
    declared = html.replace("<head>", '<head><meta property="article:published_time" '
                                      'content="2020-01-14T12:00:00Z">')
    assert find_published(declared, text, url) == ("2020-01-14", "html-meta")
    dated_url = "https://news.example/2020/01/14/fires-under-control"
    assert find_published(html, text, dated_url)[0] == "2020-01-14"


def test_declared_publication_days_are_read_by_name_only() -> None:
    html = ('<meta content="2020-07-09T10:04:04Z" itemprop="datePublished">'
            '<meta property="article:modified_time" content="2020-07-10T00:39:24Z">'
            '<time itemprop="datePublished" datetime="2020-07-08">July 8</time>'
            '{"dateModified": "2020-07-11", "datePublished": "2020-07-09T10:04:04Z"}')
    assert list(published.declared_days(html)) == ["2020-07-09", "2020-07-08", "2020-07-09"]


# ---------------------------------------------------------------- other calendars and scripts

@pytest.mark.parametrize("line, day", [
    ("۱۲ مهر ۱۴۰۲ - ۰۹:۱۵", date(2023, 10, 4)),  # Solar Hijri, Persian digits
    ("پنجشنبه ۱۲ مهر ماه ۱۴۰۲", date(2023, 10, 4)),  # a weekday, "month of"
    ("12 ميزان 1402 - 9:15", date(2023, 10, 4)),  # the Dari name, Arabic yeh, ASCII digits
    ("۱۴۰۲/۰۷/۱۲ - ۰۹:۱۵", date(2023, 10, 4)),  # numeric, on a line in Arabic script
    ("٠٩:٣٠ الخميس ٥ / ١٠ / ٢٠٢٣", date(2023, 10, 5)),  # Arabic-Indic digits
    ("الخميس 5 تشرين الأول 2023", date(2023, 10, 5)),  # a Levantine month name
    ("3 أيار / مايو 2021 10:00", date(2021, 5, 3)),  # Levantine and Egyptian names together
    ("２０２３年１０月５日 ９時３０分", date(2023, 10, 5)),  # full-width digits
])
def test_date_lines_in_other_calendars_and_digits(line: str, day: date) -> None:
    assert published.line_date(line) == day


def test_solar_hijri_days_follow_the_calendars_leap_years() -> None:
    assert published.nowruz(1399) == date(2020, 3, 20)
    assert published.nowruz(1404) == date(2025, 3, 21)
    assert published.jalali_day(1403, 12, 30) == date(2025, 3, 20)  # 1403 is a leap year
    assert published.jalali_day(1402, 12, 30) is None  # 1402 is not
    assert published.jalali_day(1402, 7, 31) is None  # months 7-12 have 30 days
    assert published.full_dates("1402/07/12") == []  # a 13xx year in Latin text: no date


def test_a_lunar_hijri_date_is_no_solar_hijri_one() -> None:
    # review R3: an Arabic page's Lunar Hijri date (years 14xx too) read as 2066-06-01
    assert published.full_dates("الأحد 1445/03/12 هـ الموافق 2023/09/27") == \
        [(28, 38, date(2023, 9, 27))]  # the Gregorian day beside it, only
    assert published.full_dates("تاريخ النشر: 1445/03/12 هـ") == []  # its mark
    assert published.full_dates("۱۴۴۵/۰۳/۱۲ ه.ق") == []  # the Persian mark
    assert published.full_dates("۱۴۰۲/۰۷/۱۲ ه.ش") == [(0, 10, date(2023, 10, 4))]  # solar
    assert published.page_date(["عنوان", "الأحد 1445/03/12 هـ", PROSE, PROSE2], 2) is None


def test_a_published_day_is_never_after_the_day_the_page_was_fetched() -> None:
    lines = ["Ferry news", "نشر في 1445-03-12", PROSE, PROSE2]  # unmarked: read as 2066
    assert published.page_date(lines, 2) is None
    later = ["Ferry news", "12 March 2021", PROSE, PROSE2]
    # two days after the fetch day is no local day anywhere; the next day is (east of UTC)
    assert published.page_date(later, 2, not_after=date(2021, 3, 10)) is None
    assert published.page_date(later, 2, not_after=date(2021, 3, 11)) == \
        published.OwnDate(date(2021, 3, 12), DateSource.STAMP)
    # the next source is asked: the URL's day
    found = published.page_date(later, 2, url="https://example.org/2021/03/09/ferry",
                                not_after=date(2021, 3, 10))
    assert found == published.OwnDate(date(2021, 3, 9), DateSource.URL)


def test_persian_publication_label_anywhere_on_the_page() -> None:
    lines = ["Menu", "تاریخ انتشار: ۱۲ مهر ۱۴۰۲ - ۰۹:۱۵", *["Link"] * 30, PROSE, PROSE2]
    assert published.own_date(lines, 32) is None
    assert published.labelled_date(lines) == date(2023, 10, 4)


# ---------------------------------------------------------------- lists of one day

def test_a_calendar_of_the_days_events_is_not_the_pages_date() -> None:
    # date, title, date, title: a list's items, even when they share one day
    lines = ["Harbour news", "2021.04.09 10:00 Quay", "Boat parade", "2021.04.09 14:00 Pier",
             "Fish market opens", "2021.04.09 18:00 Dock", "Lantern walk", "Ferry fares",
             PROSE, PROSE2]
    assert published.own_date(lines, 8) is None


def test_a_stamp_and_its_repeats_standing_together_are_the_pages_date() -> None:
    lines = ["Harbour news", "Ferry fares rise", "09.04.2021 10:15 |", "Last updated:",
             "09.04.2021 10:15", "09.04.2021 10:15", "Follow", PROSE, PROSE2]
    assert published.own_date(lines, 7) == date(2021, 4, 9)


# ---------------------------------------------------------------- two-digit years

@pytest.mark.parametrize("line, day", [
    ("Publié le 3 Fév 21 à 8h10", date(2021, 2, 3)),
    ("Posted 02/03/21", date(2021, 2, 3)),  # month first on an English page
    ("Posted March 2, '21", date(2021, 3, 2)),
    ("Published: 30.12.98", date(1998, 12, 30)),
])
def test_a_labelled_date_with_a_two_digit_year(line: str, day: date) -> None:
    lines = ["Ferry fares rise", line, PROSE, PROSE2]
    assert published.labelled_date(lines, month_first=True, short_year=True) == day
    assert published.page_date(lines, 2) == published.OwnDate(day, DateSource.STAMP)


def test_a_two_digit_year_needs_its_label_and_yields_to_a_full_date() -> None:
    assert published.labelled_date(["Posted on 3 Feb 20:15", PROSE], short_year=True) is None
    assert published.labelled_date(["3 Feb 21 at 8:10", PROSE], short_year=True) is None
    assert published.labelled_date(["Posted March 2, 21 comments", PROSE], short_year=True) \
        is None  # a count, not a year
    lines = ["Ferry fares rise", "Posted 02/03/21", PROSE, PROSE2]
    found = published.page_date(lines, 2, url="https://news.example/2021/02/04/fares")
    assert found == published.OwnDate(date(2021, 2, 4), DateSource.URL)


# ------------------------------------------------ declared values: days and times

@pytest.mark.parametrize(("value", "day"), [
    ("الأربعاء، 07 أكتوبر 2020 - 12:09 م", "2020-10-07"),
    ("Tue Nov 19 2019 03:05:46 GMT+0000", "2019-11-19"),
    ("11-19-2019 05:50", "2019-11-19"),
    ("11-08-2019 05:50", None),  # 11 August or November 8
])
def test_a_declared_value_not_in_iso_form_is_read_when_it_reads_one_way(
        value: str, day: str | None) -> None:
    page = f'<meta property="article:published_time" content="{value}">'
    assert list(published.declared_days(page)) == ([day] if day else [])


@pytest.mark.parametrize(("page", "expected"), [
    ('<meta property="article:published_time" content="2021-05-12T23:15:0Z">', [(23, 0)]),
    ('{"datePublished":"2021-05-12T00:16:15+03:00"}', [(0, 180)]),
    ('{"datePublished":"2021-05-12T09:30:00-04:00"}', [(9, -240)]),
    ('{"datePublished":"Wed May 12 2021 03:05:46 GMT+0000"}', [(3, 0)]),
    ('<meta property="article:published_time" content="2021-05-12T01:50:59.403">',
     [(1, None)]),
    ('<meta property="article:modified_time" content="2021-05-12T01:50:59Z">', []),
    ('{"datePublished":"2021-05-11T22:00:00Z"}', []),  # another day
    ('<meta name="pubdate" content="May 12, 2021 07:47 PM GMT">', [(19, 0)]),
    ('<meta name="pubdate" content="05-13-2021 01:50 GMT">', []),  # another day
    ('<meta name="pubdate" content="05-12-2021 01:50 GMT">', []),  # 12 May or 5 December
])
def test_declared_times_and_their_offsets(page: str, expected: list[object]) -> None:
    assert list(published.declared_times(page, "2021-05-12")) == expected


def test_a_stamp_later_than_the_day_the_page_was_fetched_is_not_its_date(
        settings: Settings) -> None:
    # a date the page could not yet have had when it was fetched is some other day's
    text = f"Night ferry stays\nPublished: 14 March 2031\n{PROSE}\n{PROSE2}"
    a = clean(page(text, fetched_at="2026-11-23T08:00:00Z"), settings)
    assert a.published is None
    b = clean(page(text, fetched_at="2031-03-15T08:00:00Z"), settings)
    assert b.published == "2031-03-14"


def test_a_page_east_of_utc_may_carry_the_day_after_its_fetch_day(settings: Settings) -> None:
    # fetched 2025-03-01T23:30Z: it is already March 2 in Kyiv and Tokyo
    text = f"Night ferry stays\nPublished: 2 March 2025\n{PROSE}\n{PROSE2}"
    a = clean(page(text, fetched_at="2025-03-01T23:30:00Z"), settings)
    assert (a.published, a.published_from) == ("2025-03-02", DateSource.STAMP)


def test_a_date_days_after_the_fetch_is_refused_with_its_reason(settings: Settings) -> None:
    lines = ["Night ferry stays", "Published: 5 March 2025", PROSE, PROSE2]
    assert published.page_date_or_why(lines, 2, not_after=date(2025, 3, 1)) == \
        DateSource.NONE_AFTER_FETCH == "none: its date is after the day the page was fetched"
    assert published.page_date(lines, 2, not_after=date(2025, 3, 1)) is None
    a = clean(page("\n".join(lines), fetched_at="2025-03-01T23:30:00Z"), settings)
    assert (a.published, a.published_from) == (None, DateSource.NONE_AFTER_FETCH)
    # a page that gives no date at all says so, not that its date came too late
    assert published.page_date_or_why(lines[:1] + lines[2:], 1, not_after=date(2025, 3, 1)) \
        == DateSource.NONE


@pytest.mark.parametrize("today", [date(2025, 3, 1), date(2026, 12, 6), date(2040, 6, 1)])
def test_the_published_day_depends_on_the_fetch_not_the_clock(
        settings: Settings, monkeypatch: pytest.MonkeyPatch, today: date) -> None:
    class Clock(date):
        @classmethod
        def today(cls) -> Clock:
            return cls(today.year, today.month, today.day)

    monkeypatch.setattr(published, "date", Clock)
    lines = ["Night ferry stays", "Published: 2 March 2025", PROSE, PROSE2]
    assert published.page_date(lines, 2, not_after=date(2025, 3, 1)) == \
        published.OwnDate(date(2025, 3, 2), DateSource.STAMP)
    assert published.page_date(["Night ferry stays", "Published: 5 March 2025", PROSE, PROSE2],
                               2, not_after=date(2025, 3, 1)) is None
    # no fetch time: the page was read by this run, and no page is published after it is
    # read: a later date is refused with its reason (code review REV5 #3: a fixed horizon
    # took "Trial: March 3, 2029" for a publication day)
    later = ["Night ferry stays", "Published: 14 March 2031", PROSE, PROSE2]
    expected = published.OwnDate(date(2031, 3, 14), DateSource.STAMP) \
        if today >= date(2031, 3, 13) else DateSource.NONE_AFTER_READ
    assert published.page_date_or_why(later, 2) == expected
