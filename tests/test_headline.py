"""clean.find_headline: the headline a text dump printed for its own article, not a list's."""

from __future__ import annotations

from storyline.clean import boilerplate, find_headline

BODY = ("The port authority cut harbour fees for the winter fleet on Monday, its director "
        "said, after a month of talks with skippers and the regional council.")
OTHERS = ["Council opens a new cycle lane along the river",
          "Local bakery wins a regional bread award",
          "School choir travels to the national final",
          "Storm damages roofs in the northern villages",
          "Library extends its opening hours in summer",
          "Museum shows old maps of the coast"]


def headline(lines: list[str]) -> str | None:
    return find_headline(lines, [len(lines) - 1], boilerplate.stoplist_for(BODY))


def test_most_read_title_above_the_body_gives_way_to_the_pages_headline() -> None:
    # the page's headline, its byline, then a "most read" list whose last item sits on the
    # body: that item shares no word with the article
    lines = ["Skippers win a winter cut in harbour fees", "By Lena Marsh", "Most Popular",
             *OTHERS, BODY]
    assert headline(lines) == "Skippers win a winter cut in harbour fees"


def test_title_sharing_no_word_with_the_body_and_no_other_candidate_is_none() -> None:
    assert headline(["Menu", "Library extends its opening hours in summer", BODY]) is None


def test_title_printed_twice_in_a_playlist_is_not_the_headline() -> None:
    # "just watched" shows a video's title, the playlist below prints it again among others
    lines = ["Just watched", "Skippers and the council agree on harbour fees", "Replay",
             "Skippers and the council agree on harbour fees", *OTHERS, BODY]
    assert headline(lines) is None


def test_headline_printed_in_a_latest_box_and_above_the_body_is_kept() -> None:
    lines = ["Latest", "Harbour fees cut for the winter fleet", *OTHERS[:5], "Posted by Lena Marsh",
             "Harbour fees cut for the winter fleet", BODY]
    assert headline(lines) == "Harbour fees cut for the winter fleet"


def test_stamp_lines_are_never_the_headline() -> None:
    for stamp in ("21:17 18.11.2019 Get short URL", "05/10/2018 - Posted by: Lena Marsh - Harbour"):
        assert headline(["Menu", stamp, BODY]) is None
