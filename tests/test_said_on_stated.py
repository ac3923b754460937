"""A day the text states beats the article's date (RDR6 F3): the lead's stated day dates the
lead's statements that have no time of their own; a "today" in a page whose lead places its
news on an earlier day is no evidence of the page's day; a statement whose sentence names an
earlier day, or whose cue says it was said before ("had said", "previously said"), takes
neither the article's day nor a neighbour's; a present tense inside a quotation, or of a
piece of correspondence, is not the article's day. Made-up articles (invented names and places)."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import mentions as mentions_stage
from storyline.analyze import quotes, timexes
from storyline.analyze.quotes.dates import STATED, SaidOnFrom
from storyline.records import Article, Quote

# A Saturday: "Wednesday" before it is 2031-03-05, "Thursday" 2031-03-06.
PUBLISHED = "2031-03-08"


def _article(text: str) -> Article:
    return Article(id="d", source_id="d", source="d", text=text, published=PUBLISHED)


def _quotes(nlp: Any, text: str) -> list[Quote]:
    doc = nlp(text)
    article = _article(text)
    found = list(mentions_stage.find_mentions(doc, article))
    out: list[Quote] = quotes.find_quotes(doc, article, found,
                                          timexes.find_timexes(doc, article))
    return out


def _find(found: list[Quote], words: str) -> Quote:
    q = next((q for q in found if words in q.text), None)
    assert q is not None, [q.text for q in found]
    return q


# A page dated Saturday whose lead places its news on Wednesday.
KEYNOTE = (
    "Vell Systems shows three tablets\n\nMarch 8, 2031\n\n"
    "Vell Systems put three tablets on show for reporters in Bergen on Wednesday.\n\n"
    "Guests were also given a first look at a new version of its software.\n\n"
    "Ada Rinn, the chief executive, passed the tablets round the hall, saying her engineers "
    "had borrowed a lot from the phones.\n\n"
    "The tablets go on sale in nine countries.\n\n"
    "Rinn announced today that the software update will reach owners in October.\n\n"
    "She said that app makers could send in their programs from next month.\n\n"
    "During her talk on Wednesday, Rinn announced a lighter tablet for classrooms.\n\n"
    "Tomas Berg, who follows the firm for Nordvik Bank, says the prices look low.\n")


@pytest.mark.slow
def test_the_leads_stated_day_dates_a_lead_statement_with_no_time_of_its_own(nlp: Any) -> None:
    q = _find(_quotes(nlp, KEYNOTE), "borrowed a lot from")
    assert (q.said_on, q.said_on_from) == ("2031-03-05", SaidOnFrom.LEAD_STATED)


@pytest.mark.slow
def test_today_in_a_page_whose_lead_places_its_news_earlier_is_not_the_pages_day(
        nlp: Any) -> None:
    found = _quotes(nlp, KEYNOTE)
    today = _find(found, "reach owners in October")
    assert today.said_on is None and today.said_on_from == SaidOnFrom.TODAY_LATER
    # its neighbours take the keynote's stated day, not the page's
    assert _find(found, "send in their programs").said_on == "2031-03-05"
    assert _find(found, "lighter tablet").said_on == "2031-03-05"
    # a present-tense analyst is still the page's day
    assert _find(found, "prices look low").said_on == PUBLISHED


@pytest.mark.slow
def test_today_the_lead_names_first_stays_the_pages_day(nlp: Any) -> None:
    text = ("Ministry to review harbour tolls\n\nMarch 8, 2031\n\n"
            "The transport ministry said today it will review the harbour tolls.\n\n"
            "A local newspaper first reported the plan on Wednesday.\n")
    q = _find(_quotes(nlp, text), "review the harbour tolls")
    assert q.said_on == PUBLISHED and q.said_on_from in STATED


@pytest.mark.slow
def test_figures_released_on_a_day_date_the_statement_that_cites_them(nlp: Any) -> None:
    text = ("Fewer cars cross to the islands\n\nMarch 8, 2031\n\n"
            "Ferry traffic to the islands fell by a third over the winter, according to "
            "figures released March 3 by Tarn Analytics, a transport consultancy.\n\n"
            "The consultancy said fewer than nine thousand cars had crossed in January.\n")
    found = _quotes(nlp, text)
    cited = _find(found, "Ferry traffic to the islands")
    assert cited.said_on == "2031-03-03" and cited.said_on_from in STATED
    firm = _find(found, "nine thousand cars")
    assert (firm.said_on, firm.said_on_from) == ("2031-03-03", SaidOnFrom.LEAD_STATED)


@pytest.mark.slow
def test_a_lead_statement_whose_sentence_names_an_earlier_day_is_not_the_articles(
        nlp: Any) -> None:
    text = ("Audit office backs the losing bidder\n\nMarch 8, 2031\n\n"
            "Osterhout Yards, which lost the ferry contract to Norland on January 12, has "
            "appealed, arguing that the scoring had favoured its rival.\n")
    q = _find(_quotes(nlp, text), "scoring had favoured")
    assert q.said_on is None and q.said_on_from == SaidOnFrom.NOT_ITS_DAY


@pytest.mark.slow
def test_a_statement_said_before_takes_no_day_from_the_lead_or_the_article(nlp: Any) -> None:
    text = ("Osterhout Yards extends its bid\n\nMarch 8, 2031\n\n"
            "Osterhout Yards extended its offer for the Norland shipyard.\n\n"
            "The company had said it would keep the yard open.\n\n"
            "Norland previously said it would reject any offer below its book value.\n")
    found = _quotes(nlp, text)
    for words in ("keep the yard open", "reject any offer"):
        q = _find(found, words)
        assert q.said_on is None, (words, q.said_on_from)


@pytest.mark.slow
def test_a_present_tense_inside_a_quotation_or_of_a_letter_is_not_the_articles_day(
        nlp: Any) -> None:
    text = ("Old letters surface in the harbour inquiry\n\nMarch 8, 2031\n\n"
            "The inquiry published letters the harbour board exchanged years ago.\n\n"
            "The port engineers were overruled. The town council met twice. Fishermen "
            "waited. Tourists stayed away.\n\n"
            "Board chairman Per Lund wrote: \u201cNobody asked the pilots. Dahl admits the "
            "soundings were hurried.\u201d\n\n"
            "A letter from the harbour master advises the board to delay the dredging.\n")
    found = _quotes(nlp, text)
    for words in ("soundings were hurried", "delay the dredging"):
        q = next((q for q in found if words in q.text), None)
        assert q is None or q.said_on != PUBLISHED, (words, q.said_on_from)


@pytest.mark.slow
def test_a_cue_coordinated_with_a_dated_verb_shares_its_day_but_not_another_subjects(
        nlp: Any) -> None:
    text = ("Mayor condemns harbour fire\n\nMarch 8, 2031\n\n"
            "Mayor Ana Vik Thursday condemned the harbour fire and vowed to rebuild the "
            "pier.\n\n"
            "The firefighters arrived on Thursday, and the port authority said the pier "
            "would stay closed.\n")
    found = _quotes(nlp, text)
    vowed = _find(found, "rebuild the pier")
    assert vowed.said_on == "2031-03-06" and vowed.said_on_from in STATED
    other = _find(found, "would stay closed")
    assert other.said_on_from not in STATED


@pytest.mark.slow
def test_the_present_tense_rule_skips_a_quoted_writers_present_and_a_letters(nlp: Any) -> None:
    text = ("Board chairman Per Lund wrote: \u201cNobody asked the pilots. Dahl admits the "
            "soundings were hurried.\u201d\n\n"
            "A letter from the harbour master advises the board to wait.\n\n"
            "The pilots say the soundings were hurried.\n\n"
            ": Harbour master Ole Dahl: \u201cNo, keep the letter.\n\n"
            "He concedes that the dredging was late.\n\n"
            "Ole.\u201d\n")
    doc = nlp(text)
    article = _article(text)
    cues = {t.text: t for t in doc if t.text in ("admits", "advises", "say", "concedes")}
    assert quotes.dates.same_day(cues["admits"], article) is None
    assert quotes.dates.same_day(cues["advises"], article) is None
    assert quotes.dates.same_day(cues["say"], article) == PUBLISHED
    # a quoted letter run on over paragraphs without the marks that reopen it
    assert quotes.dates.same_day(cues["concedes"], article) is None
