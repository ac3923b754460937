"""The cleaning stage on text dumps we wrote: boilerplate out, paragraphs once, metadata in."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import boilerplate, bylines, clean, dateline, find_headline, read_lead
from storyline.errors import ExtractError
from storyline.ingest import text as text_reader
from storyline.records import Article, RawPage
from storyline.settings import Settings

TEXT = Path(__file__).resolve().parent / "fixtures" / "text"
FETCHED = "2026-11-23T00:00:00Z"  # a fetch day: year-less dates never take its year


def dump(name: str, settings: Settings) -> Article:
    path = TEXT / name
    with path.open("rb") as stream:
        page = next(text_reader.read(str(path), stream, settings))
    return clean(RawPage(**{**page.to_dict(), "fetched_at": FETCHED}), settings)


def test_error_banner_disclaimer_and_lists_dropped(settings: Settings) -> None:
    a = dump("error_banner_repeats.txt", settings)
    for junk in ("Oops", "could not be found", "Legal Disclaimer", "warranty",
                 "Most popular", "Fish Feed Market", "CommentsNo comment"):
        assert junk not in a.text
    assert "approved a review of this season's cod quotas" in a.text


def test_repeated_paragraphs_kept_once(settings: Settings) -> None:
    a = dump("error_banner_repeats.txt", settings)
    assert a.text.count("eleven vessels remain in dry dock") == 1
    assert a.text.count("we are asking for more time") == 1


def test_headline_outlet_and_header_date(settings: Settings) -> None:
    a = dump("error_banner_repeats.txt", settings)
    assert a.title == "Harbour Authority Approves Cod Quota Review After Storm Losses"
    assert a.outlet == "Coastline Wire"
    assert (a.published, a.published_from) == ("2024-03-12", "header")


def test_text_is_verbatim_paragraphs(settings: Settings) -> None:
    a = dump("error_banner_repeats.txt", settings)
    source = (TEXT / "error_banner_repeats.txt").read_text(encoding="utf-8")
    assert all(p in source for p in a.paragraphs)
    assert a.text == "\n\n".join(a.paragraphs)


def test_headline_printed_twice_kept_once_and_metadata_lines_dropped(settings: Settings) -> None:
    a = dump("outlet_line_related.txt", settings)
    assert a.title == "Ministers promise compensation fund for storm-hit fishing towns"
    assert a.text.count("Ministers promise compensation fund") == 1
    assert a.outlet == "Nordic Fisheries Desk"
    for junk in ("2 min read", "Tags:", "RELATED", "Insurers count the cost", "TOP STORIES",
                 "Ferry timetable", "09:14", "Nordic Fisheries Desk", "Economy"):
        assert junk not in a.text
    assert "open to applications until the end of June" in a.text


def test_dateline_line_gives_outlet_date_and_leaves_text(settings: Settings) -> None:
    a = dump("dateline_weekday.txt", settings)
    assert a.dateline == "Oslo, March 5 (Nordic Press) –"
    assert a.outlet == "Nordic Press"
    assert a.title is None
    assert "Archive" not in a.text and not a.text.startswith("Oslo")
    # "today, Wednesday" and the page's latest year (2023): March 5 is a Wednesday in 2025
    # alone of the years after it (never the clock's year)
    assert (a.published, a.published_from) == ("2025-03-05", "dateline + weekday")


def test_no_date_of_its_own_is_none_not_a_guess(settings: Settings) -> None:
    a = dump("no_header_inferred.txt", settings)
    assert a.title is None
    assert (a.published, a.published_from) == (None, "none: no date of its own")
    assert a.published_estimate is None  # "March 3" has no year: not even an estimate
    assert a.text.count("\n\n") == 3


def test_wire_credit_in_first_sentence(settings: Settings) -> None:
    a = dump("wire_credit.txt", settings)
    assert (a.outlet, a.wire) == ("Baltic Daily", "Reuters")
    assert a.text.startswith("The head of the fishermen's association")


@pytest.mark.parametrize("lead, expect", [
    ("LONDON (AP) — Ministers met on Friday.", ("AP", None)),
    ("Kyiv, September 3 (Harbour Post) - Talks resumed.", (None, "Harbour Post")),
])
def test_bracketed_credit_is_wire_for_agencies_else_outlet(
        lead: str, expect: tuple[str | None, str | None]) -> None:
    got = read_lead([lead])
    assert (got.wire, got.outlet) == expect


def test_headline_not_taken_from_a_label_or_sentence() -> None:
    lines = ["Home", "News", "– Energy – Archive", "The body starts here and is long enough."]
    assert find_headline(lines, [3]) is None
    lines = ["An earlier teaser sentence that ends with a full stop and stands above.", "Body."]
    assert find_headline(lines, [1]) is None


def test_empty_page_raises_extract_error(settings: Settings) -> None:
    page = RawPage(source="x", source_id="x", kind="text", text="Home\nAbout\n© 2024")
    with pytest.raises(ExtractError):
        clean(page, settings)


def test_menu_run_is_bad_and_prose_is_good() -> None:
    sl = boilerplate.stoplist_for("the of and to in that it is was")
    lines = ["Home", "World", "Business", "Sport",
             "The storm damaged eleven boats in the harbour, and the crews say that it will "
             "take weeks before they can go back to sea."]
    assert boilerplate.select(lines, sl) == [4]


def test_a_dateline_in_extracted_text_stays_in_the_article() -> None:
    from storyline.clean import clean
    from storyline.records import RawPage
    from storyline.settings import Settings

    text = ("Harbour fees cut for winter fleet\nMarch 03, 2024\n"
            "The port authority cut harbour fees for the winter fleet on Monday, its director "
            "said, after a month of talks with skippers and the regional council.")
    page = RawPage(source="r.jsonl#1", source_id="r1", kind="jsonl", text=text,
                   title="Harbour fees cut for winter fleet")
    article = clean(page, Settings(progress=False))
    assert "March 03, 2024" in article.text.split("\n\n")


@pytest.mark.parametrize("text", [
    "the of and to in that it is was", "Le conseil a voté pour la nouvelle jetée du port.",
    "Der Rat hat am Dienstag über den neuen Anleger abgestimmt, und die Fischer sind froh.",
    "Home World Sport 2024", "", "de la the und of der", "Ferry ferry ferry"])
def test_stoplist_for_picks_the_stoplist_covering_most_words(text: str) -> None:
    # stoplist_for looks each word up once (stopword -> stoplists); the pick is the one
    # that scoring every stoplist against every word gives, English first on a tie.
    from collections import Counter

    words = Counter(w.lower() for w in boilerplate.WORD.findall(text))
    lists = boilerplate._stoplists()
    expected = max(lists.items(), key=lambda kv: (
        sum(n for w, n in words.items() if w in kv[1]), kv[0] == "English"))[1] \
        if words else frozenset()
    assert boilerplate.stoplist_for(text) == expected


def test_photo_credit_contact_and_date_lines_are_never_the_title(settings: Settings) -> None:
    # the credit is printed twice (caption and gallery), the caption is long and title-like,
    # a contact line and a date-only line sit between it and the body
    a = dump("photo_credit_byline.txt", settings)
    assert a.title == "Lighthouse keepers' cottages to reopen as a maritime museum next spring"
    assert a.text.startswith(a.title + "\n\nThe town council voted on Monday")
    for junk in ("Photo:", "Ingrid Solberg", "tbrekke@", "010-0199", "09:40 am PT",
                 "Kari Dahl | Getty Images", "The restored keepers' cottages"):
        assert junk not in a.text
    assert "the whole street has helped" in a.text  # prose after an in-body credit stays
    assert (a.published, a.published_from) == ("2024-03-12", "text-stamp")


def test_byline_and_last_modified_line_are_not_the_title(settings: Settings) -> None:
    a = dump("byline_date_only.txt", settings)
    assert a.title == "Bakers in the old quarter agree on a shared Sunday rota"
    for junk in ("By Lena Marsh", "Last modified", "Photo by Ruth Anker"):
        assert junk not in a.text
    assert "a list of the open shops will hang in each window" in a.text
    assert a.published == "2024-03-10"


@pytest.mark.parametrize("line, kind", [
    ("Photo: Ingrid Solberg, AP", "credit"),
    ("Foto: Ingrid Solberg / dpa", "credit"),
    ("Текст: Ольга Белова·12 марта 2024", "credit"),
    ("Kari Dahl | Getty Images", "credit"),
    ("Tomas Brekke, AP Science Writer", "credit"),
    ("Ruth Anker, Harbourgazette.net", "credit"),
    ("Ruth Anker, MS, RDN", "credit"),
    ("Ruth Anker / Agencia Puerto", "credit"),
    ("Lena Marsh, Oskar Veldt and Ruth Anker | Valley Courier", "credit"),
    ("Ferry Strike, Port Closed | Live Updates From the Harbour Office", None),
    ("A skipper mends a net on the quay on Monday. (AP)", "credit"),
    ("The pier at dusk, seen from the ferry (Photo: Kari Dahl)", "credit"),
    ("In this Monday, March 11, 2024, file photo, a ferry leaves the harbour", "credit"),
    ("By Lena Marsh and Oskar Veldt", "byline"),
    ("BY LENA MARSH", "byline"),
    ("Posted on 12 März 2024 by admin", "byline"),
    ("March 12, 2024 | by Lena Marsh", "byline"),
    ("Publicado por: Lena Marsh", "byline"),
    ("Harbour Wire March 12, 2024 11:03 PM", None),
    ("Reuters March 12, 2024 11:03 PM", "byline"),
    ("Tomas Brekke tbrekke@harbourgazette.example (555) 010-0199", "contact"),
    ("Tuesday, March 12, 2024, 09:40 am PT (12:40 pm ET)", "date"),
    ("Last modified on Sun 10 Mar 2024 18.56 GMT", "date"),
    ("publiziert am 12. März 2024", "date"),
    ("Published Tue, Mar 12 20249:40 AM ESTUpdated an hour ago", "date"),
    # headlines and prose that look a little like them
    ("By the numbers: how the harbour paid for its new pier", None),
    ("Photo: Skippers Battle Winter Storms", None),
    ("Video: skippers battle the winter storm off the north pier", None),
    ("Nordic Ferry, Harbour Pilot Agree on Winter Timetable", None),
    ("June 26 – Harbour Hall, Bergen, PA", None),
    ("This article was first published by Harbour Gazette.", None),
    ("Ferry fares rise 3.5% from March 12, 2024", None),
    ("$119.00", None),
    ("Call the harbour office on (555) 010-0199 to book a berth before the season starts.",
     None),
])
def test_credit_byline_contact_and_date_lines(line: str, kind: str | None) -> None:
    got = bylines.kind_of(line)
    assert (got.value if got else None) == kind


def test_standfirst_under_the_headline_is_not_the_title() -> None:
    lines = ["Menu", "Skippers win a winter fee cut",
             "The port authority said the cut would last until spring, after a month of talks "
             "with the skippers and the council",
             "By Lena Marsh",
             "The port authority cut harbour fees for the winter fleet on Monday, its director "
             "said, after a month of talks with skippers and the regional council."]
    assert find_headline(lines, [4]) == "Skippers win a winter fee cut"


def test_breadcrumbs_and_reading_widgets_are_not_the_title() -> None:
    body = ("The port authority cut harbour fees for the winter fleet on Monday, its director "
            "said, after a month of talks with skippers and the regional council.")
    for above in ("News > Harbour > Winter Fleet", "Home » Harbour news »",
                  "Continue reading the main story", "Close extra sharing options"):
        assert find_headline(["Skippers win a winter fee cut", above, body], [2]) == \
            "Skippers win a winter fee cut"
    assert find_headline(["Send this page to someone via email", body], [1]) is None


@pytest.mark.parametrize("kind", ["text", "jsonl"])
def test_a_bot_wall_or_error_screen_is_not_an_article(kind: str, settings: Settings) -> None:
    wall = "Request unsuccessful. Incapsula incident ID: 7030001601-19139"
    page = RawPage(source="x", source_id="x", kind=kind, text=wall)
    with pytest.raises(ExtractError) as caught:
        clean(page, settings)
    assert caught.value.reason == "not-an-article"
    # An article that reports on such a screen is long and stays an article.
    story = " ".join(["The site showed visitors an access denied page for two days, and "
                      "the company said on Monday that the outage was caused by a fault."] * 3)
    assert clean(RawPage(source="y", source_id="y", kind=kind, text=story), settings).text
    brief = ("Taxpayers trying to file their returns on Monday were met with a page not found "
             "error on the agency's website for most of the morning, officials said.")
    assert clean(RawPage(source="z", source_id="z", kind=kind, text=brief), settings).text


def test_a_hover_card_glued_after_a_name_leaves_the_articles_text(settings: Settings) -> None:
    # RDR2 A6/B3: a person's hover card glued after the name's link became a statement and
    # a speaker; clean() keeps the name and cuts the card up to its "MORE" marker
    carded = ("Councillor Marit Haugen said on Monday that Sen. Tor LindTor Erik LindFerry "
              "fares to rise in May | Harbour fees frozen for a year MORE (Lab.) had asked "
              "the ministry to pay for the repairs to the northern quay before the summer.")
    lines = ["Quay repairs to be paid by the ministry",
             "The harbour authority of Tromsvik said on Tuesday that the northern quay will "
             "close for three weeks of repairs after storm damage cracked the concrete.",
             carded,
             "Fishing boats that usually land their catch at the quay will be sent to the "
             "southern basin, where temporary cranes are being installed this week."]
    a = clean(RawPage(source="x", source_id="x", kind="text", text="\n\n".join(lines)), settings)
    assert ("Sen. Tor Lind (Lab.) had asked the ministry to pay for the repairs to the "
            "northern quay before the summer.") in a.text
    assert "Harbour fees frozen" not in a.text and "MORE" not in a.text


def test_one_dateline_rule_reads_a_place_with_its_region_and_an_agency() -> None:
    # a place in capitals, its region after a comma, the agency: the wire and the dateline
    lead = read_lead(["TROMSVIK, Norway (Harbour Wire) — The quay stays shut, the port said."])
    assert (lead.dateline, lead.wire or lead.outlet) == (
        "TROMSVIK, Norway (Harbour Wire) —", "Harbour Wire")
    assert dateline("BERGEN — The ferry ran late on Monday.") is not None  # capitals alone
    # capitalised words before a dash open a sentence as often: no date, agency or capitals
    assert dateline("Ingrid Solheim — the harbour master — said the quay stays shut.") is None
    m = dateline("Tromsvik, May 3 (Fjord News) – The quay stays shut.")
    assert m is not None and (m["place"], m["date"], m["credit"]) == (
        "Tromsvik", "May 3", "Fjord News")
    # ASCII wire copy types an underscore for the dash
    lead = read_lead(["TROMSVIK, Norway (HW)_ The quay stays shut, the port said."])
    assert (lead.dateline, lead.wire or lead.outlet) == ("TROMSVIK, Norway (HW)_", "HW")
    assert dateline("BERGEN _ The ferry ran late on Monday.") is not None
    assert dateline("Ingrid_Solheim said the quay stays shut.") is None


def test_a_caption_with_a_source_or_foreign_credit_is_about_the_article() -> None:
    # boilerplate owns what a picture credit is; bylines reads the same rule
    for line in ("This picture shows the moon rising over the harbour on Monday night. "
                 "(Source: Fjord Agency)",
                 "Skippers unload the catch at dawn (Foto: Jane Roe)",
                 "Foto: Jane Roe | Tromsvik Post"):
        assert bylines.about_article(line), line
    # a sentence of prose citing its source is no caption (review R3)
    assert not bylines.about_article("Ferry fares rose 5.2 percent in March, the most in a "
                                     "decade. (Source: Fjord Statistics)")
    # a paragraph far longer than a caption keeps its bracketed credit as text
    long = " ".join(["The council said the quay repairs will take until spring."] * 9)
    assert not bylines.about_article(long + " (Photo: Jane Roe)")


PLACEHOLDER = ("Quia sint rerum et voluptatem. Officia iure non est eos ipsam, sed natus quo "
               "dolores sapiente tenetur. Eaque omnis quod dicta ut magnam.")


def test_a_paywalls_placeholder_latin_is_not_an_articles_text(settings: Settings) -> None:
    html = (f"<html><head><title>Parish fair draws a crowd</title></head><body><article>"
            f"<p>{PLACEHOLDER}</p><p>{PLACEHOLDER}</p></article></body></html>")
    page = RawPage(source="x", source_id="x", kind="html", html=html,
                   url="https://www.gazette.example.de/f")
    # the page is kept by its own words, its title; the dummy body is dropped
    assert clean(page, settings).text == "Parish fair draws a crowd"
    # without a title nothing of the page's own is left: a failure, with its reason
    text = RawPage(source="y", source_id="y", kind="jsonl", text=f"{PLACEHOLDER}\n\n{PLACEHOLDER}")
    with pytest.raises(ExtractError) as caught:
        clean(text, settings)
    assert caught.value.reason == "placeholder-text"
    # the page's own teaser above the placeholder is kept, the dummy text dropped
    teaser = ("The parish fair on Sunday drew more than four hundred visitors, the organisers "
              "said, twice as many as last year.")
    kept = clean(RawPage(source="y", source_id="y", kind="jsonl",
                         text=f"{teaser}\n\n{PLACEHOLDER}"), settings)
    assert kept.text == teaser


def test_widget_labels_in_an_html_pages_text_are_dropped(settings: Settings) -> None:
    story = ("<p>The harbour strike ended on Monday after nine days of talks between the "
             "union and the port authority, the union's chair said.</p>")
    html = (f"<html><head><title>Harbour strike ends</title></head><body><article>{story}"
            "<p>Advertisement</p><p>READ MORE: Ferry fares to rise in spring</p>"
            "<p>Sign up for our emails</p>"
            "<p>Ferries sail again from Tuesday. Sign up for a season ticket before May 1 and "
            "save a fifth of the fare.</p></article></body></html>")
    text = clean(RawPage(source="x", source_id="x", kind="html", html=html), settings).text
    assert "Advertisement" not in text and "READ MORE" not in text
    assert "Sign up for our emails" not in text
    assert "Sign up for a season ticket" in text  # a sentence naming furniture stays


def test_widget_label_keeps_list_items_and_sentences() -> None:
    assert boilerplate.widget_label("Related: Seven ferry routes in pictures")
    assert not boilerplate.widget_label("- Limited Liability Company")
    assert not boilerplate.widget_label("Comments are closed.")


@pytest.mark.parametrize("subheading", [
    "Advertising revenue falls", "Comments from the minister", "Register of voters",
    "Trending upward"])
def test_a_subheading_naming_furniture_is_no_widget_label(subheading: str) -> None:
    assert not boilerplate.widget_label(subheading)


@pytest.mark.parametrize("label", [
    "Advertisement", "Comments", "Most read in world news", "Sign up for our emails",
    "Your Thoughts and Comments"])
def test_a_label_of_furniture_words_is_a_widget_label(label: str) -> None:
    assert boilerplate.widget_label(label)
