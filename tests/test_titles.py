"""Story titles (corpus.titles): a headline-like line, never site furniture, never cut at
an abbreviation's or a fragment's full stop."""

from __future__ import annotations

import pytest

from storyline.corpus.titles import headline, is_furniture, lead_line, shorten, story_title
from storyline.records import Article


def _page(key: str, text: str, title: str | None = None) -> Article:
    return Article(id=key, source_id=key, source=key, text=text, title=title)


LEAD = ("Harbour master Ingrid Solheim said on Monday that the Tromsvik quay stays shut "
        "for storm repairs until spring. Ferries will use the north pier.")


@pytest.mark.parametrize("line", [
    "Why you can trust Northway News",
    "Here is why you can trust us",
    "This shop has been compensated by Acme Ads. All opinions are mine alone.",
    "Disclosure: Northway News may earn a commission from the fares on this page.",
    "Our editorial standards: how Northway News checks its stories",
    "The quay at dawn, where ferries wait for repairsCredit: Tromsvik Post",
    "Media captionWho is Ingrid Solheim?",
    "Mayor Ola Brandt, left, and harbour master Ingrid Solheim inspect the quay",
    "FILE - In this June 20, 2030, file photo, the ferry leaves Tromsvik",
    "Tested by: Ola Brandt RRP: £23.99 More info: www.example.org",
    "This page was last edited on 7 April 2030, at 05:33.",
    "Do Tromsvik Post, em Bergen",  # a credit in another language (RDR2 A7)
    "From Nordfjord Radio, in Oslo",
    "Alte ştiri de Tromsvik.no",  # a menu's link to its site
    "Ferries wait in the harbourReuters Archive",  # a seam before an agency's credit
    "The quay at dawn, where ferries wait for repairsPhoto Tromsvik Post",
    "Sponsored by Acme Ferries: click here for fares",  # two weak signs
    "Tromsvik.noVaše zprávyFerries wait at the quay",  # a glued seam and a domain
    "Photos: the Tromsvik quay after the storm",  # boilerplate's picture words, any of them
    "Фото: причал Тромсвика после шторма",
])
def test_site_furniture_is_never_a_title(line: str) -> None:
    assert is_furniture(line)
    assert headline(line) is None


@pytest.mark.parametrize("line", [
    "Tromsvik quay stays shut for storm repairs",
    "Storm: Tromsvik quay shut until spring",  # one label of its own is a headline's
    "IPL 2030 Live, TRM vs OSL: Tromsvik opt to bat : TOSS: Tromsvik win toss",
    "YouTube and PlayStation stream the Tromsvik regatta",  # brand names are no seam
    "Solheim, in Oslo, says the quay stays shut",  # a verb past the frame
    "Amazon.com beats estimates",
    # a brand glued like a seam, one weak phrase: each is a headline's own (review 10)
    "LinkedIn cuts 700 jobs in Tromsvik",
    "MasterCard raises fees for Tromsvik ferry tickets",
    "HarperCollins buys Tromsvik Press",
    "DaimlerChrysler recalls Tromsvik's ferry vans",
    "Tromsvik regatta sponsored by Acme Ferries for a tenth year",
    "Why Acme changed its privacy policy after the Tromsvik leak",
    "Click here: Tromsvik's ferry app fails on launch day",
    # the page naming itself or an edit stamp alone is an editorial's or news (one weak sign)
    "This page has argued that the Tromsvik harbour fees are too high",
    "Tromsvik ferry timetable was last updated in May, the council says",
    "Tromsvik.no chief resigns after the ferry app fails",
    # editorial standards and trust are news too (review R3); a site's own note says "our"
    # or names the site ("Why you can trust Northway News")
    "Journalists strike over threat to editorial independence",
    "BBC tightens editorial guidelines",
    "Why you can trust the new vaccine data",
])
def test_headlines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_a_headline_loses_a_glued_section_label_and_a_trailing_site_name() -> None:
    assert headline("Business|Tromsvik ferry fares rise again") == \
        "Tromsvik ferry fares rise again"
    assert headline("Tromsvik ferry fares rise again | Harbour Post") == \
        "Tromsvik ferry fares rise again"
    # a bar inside a long headline is its own ("Design Week | a light installation")
    assert headline("Design Week 2030 | Ola Brandt's light installation for the quay") == \
        "Design Week 2030 | Ola Brandt's light installation for the quay"


def test_a_headline_is_never_cut_at_its_first_full_stop() -> None:
    page = _page("a", LEAD, "Curfew. More than 40 ferries held in Tromsvik storm")
    assert story_title([page]) == "Curfew. More than 40 ferries held in Tromsvik storm"


def test_a_furniture_headline_gives_way_to_the_lead() -> None:
    page = _page("a", "Why you can trust Northway News\n\n" + LEAD,
                 "Why you can trust Northway News")
    title = story_title([page])
    assert title is not None and title.startswith("Harbour master Ingrid Solheim said")


def test_a_furniture_headline_gives_way_to_another_articles_headline() -> None:
    arts = [_page("a", LEAD, "Why you can trust Northway News"),
            _page("b", LEAD, "Tromsvik quay shut for storm repairs")]
    assert story_title(arts) == "Tromsvik quay shut for storm repairs"


def test_a_lead_skips_captions_disclosures_and_datelines() -> None:
    caption = "Mayor Ola Brandt inspects the quay on Monday"
    text = "\n\n".join([
        "This shop has been compensated by Acme Ads. All opinions are mine alone.",
        caption, "(Image: © Tromsvik Post)",  # a caption: a credit line follows it
        "TROMSVIK, Norway (AP) — " + LEAD])
    assert lead_line(_page("a", text).paragraphs) == LEAD
    # a caption printed twice (under the photo and in the gallery) is no lead either
    twice = "\n\n".join([caption, caption, LEAD])
    assert lead_line(_page("b", twice).paragraphs) == LEAD


def test_a_lead_is_not_the_rest_of_a_cut_sentence() -> None:
    text = "\n\n".join(['"as is" basis and for information purposes only.', LEAD])
    assert lead_line(_page("a", text).paragraphs) == LEAD


def test_a_lead_is_cut_at_a_sentence_not_at_a_fragment_or_an_ordinal_day() -> None:
    assert shorten("Am 12. und 13. September tagt der Hafenrat in Tromsvik wieder.") == \
        "Am 12. und 13. September tagt der Hafenrat in Tromsvik wieder."
    assert shorten("Solidarity. The Tromsvik hospital asks for blood donors. More text.") == \
        "Solidarity. The Tromsvik hospital asks for blood donors."
    assert shorten("A fire broke out in a room at 17 h 10. Nobody was hurt.") == \
        "A fire broke out in a room at 17 h 10."


def test_no_headline_and_no_lead_is_no_title() -> None:
    assert story_title([_page("a", "All rights reserved. This page was last edited on "
                                    "7 April 2030.")]) is None
    assert story_title([]) is None


@pytest.mark.parametrize("filed", [
    "TROMSVIK, Norway (Harbour Wire) — ", "BERGEN — ", "Tromsvik, May 3 (Fjord News) – "])
def test_a_lead_starts_after_the_dateline_clean_reads(filed: str) -> None:
    assert lead_line(_page("a", filed + LEAD).paragraphs) == LEAD


def test_a_name_before_a_dash_stays_in_the_lead() -> None:
    text = "Ingrid Solheim — the harbour master — said the quay stays shut until spring."
    assert lead_line(_page("a", text).paragraphs) == text
