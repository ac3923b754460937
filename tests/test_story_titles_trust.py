"""A story's title comes from a news report's headline, not from an opinion piece's, and an
untitled story's lead is a report's first line, not a quote or a transcript's middle
(review RDR5 F10)."""

from __future__ import annotations

import pytest

from storyline.corpus.titles import is_opinion, story_title
from storyline.records import Article


def _page(key: str, text: str, title: str | None = None) -> Article:
    return Article(id=key, source_id=key, source=key, text=text, title=title)


BODY = ("The Tromsvik harbour board voted on Monday to close the north quay to ferries. "
        "Harbour master Ingrid Solheim said the quay would reopen in spring.")


@pytest.mark.parametrize("title", [
    "EDITORIAL: A DECISION ON THE TROMSVIK QUAY", "Opinion | Why the quay must reopen",
    "Opinion|Why the quay must reopen", "COMMENTARY: The board got it right",
    "Letters to the editor: Ferries and the quay", "News analysis - A quay too far",
    "Op-Ed: Keep the ferries running", "Column: My ferry, my town",
])
def test_an_opinion_pages_label_opens_an_opinion_headline(title: str) -> None:
    assert is_opinion(title)


@pytest.mark.parametrize("title", [
    "Tromsvik board closes north quay", "Analysts see ferry fares rising",
    "Editorial independence at stake as Tromsvik Post is sold",
    "Opinion poll shows Tromsvik split on quay", "Letter bomb found at harbour office",
])
def test_a_news_headline_is_no_opinion(title: str) -> None:
    assert not is_opinion(title)


def test_a_story_is_titled_by_a_news_report_not_by_an_editorial() -> None:
    arts = [_page("e1", BODY, "EDITORIAL: A DECISION ON THE TROMSVIK QUAY"),
            _page("n1", BODY, "Tromsvik board votes to close north quay to ferries"),
            _page("n2", BODY, "Ferries leave Tromsvik quay as board closes it"),
            _page("c1", BODY, "COMMENTARY: Tromsvik quay decision upholds the law")]
    assert story_title(arts) in {"Tromsvik board votes to close north quay to ferries",
                                 "Ferries leave Tromsvik quay as board closes it"}


def test_a_story_of_opinion_pieces_alone_keeps_their_headline() -> None:
    arts = [_page("e1", BODY, "EDITORIAL: A DECISION ON THE TROMSVIK QUAY")]
    assert story_title(arts) == "EDITORIAL: A DECISION ON THE TROMSVIK QUAY"


@pytest.mark.parametrize("aside", [
    "\"So far, the repairs are going well,\" said a cheerful Ingrid Solheim on Monday.",
    "For his part, Mayor Ola Brandt is the ultimate political survivor.",
    "Good evening from the north quay in downtown Tromsvik.",
    "Meanwhile, ferries queued outside the harbour for a second day.",
])
def test_an_untitled_story_is_titled_by_a_reports_lead_not_an_aside(aside: str) -> None:
    arts = [_page("t1", aside + " The Tromsvik quay stays shut for repairs."),
            _page("t2", "The Tromsvik harbour board closed the north quay to ferries on "
                        "Monday. Repairs will last until spring.")]
    assert story_title(arts) == ("The Tromsvik harbour board closed the north quay to "
                                 "ferries on Monday.")
    # With no other lead, the aside still titles the story rather than nothing.
    assert story_title(arts[:1]) is not None
