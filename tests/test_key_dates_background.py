"""Key dates and background history (review RDR5 F8): a day long before the story's own
reporting, told by one source as context, stays on the timeline but is not a key date."""

from __future__ import annotations

from storyline.corpus.key_dates import BACKGROUND_DAYS, find_key_dates
from storyline.corpus.sources import SourceIndex
from storyline.records import Article, Story, TimelineItem

ARTICLES = [Article(id=a, source_id=a, source=a, text="", outlet=o)
            for a, o in (("a1", "Harbour Ledger"), ("a2", "Fjord Courier"),
                         ("a3", "Nordvik Radio"))]
INDEX = SourceIndex.build(ARTICLES, [])
# A 2031 story on the Tromsvik alliance's enlargement; its first report is of 3 March.
STORY = Story(id="s1", title="Tromsvik alliance admits two members", articles=("a1", "a2", "a3"),
              first="2031-03-03", last="2031-03-12")


def _event(ref: str, date: str, score: float, *, articles: tuple[str, ...] = ("a1",),
           title: str = "") -> TimelineItem:
    return TimelineItem(story="s1", kind="event", ref=ref, date=date, title=title or ref,
                        score=score, articles=articles)


def _days(rows: list[TimelineItem], story: Story = STORY) -> list[str]:
    return [k.date for k in find_key_dates([story], rows, INDEX)]


def test_a_founding_told_as_context_by_one_article_is_no_key_date() -> None:
    rows = [_event("treaty", "1979-05-14", 3.0, title="Agreement: Tromsvik treaty signed"),
            _event("year", "1979", 3.0), _event("month", "1979-05", 3.0),
            _event("join", "2031-03-12", 2.0, articles=("a1", "a2")),
            _event("vote", "2031-03-03", 1.5)]
    # The old treaty scores highest, yet the story's key days are its own news; and with
    # the background gone the best day of the story sets the bar (the vote stays key).
    assert _days(rows) == ["2031-03-03", "2031-03-12"]


def test_an_old_day_several_independent_sources_report_is_the_storys_news() -> None:
    rows = [_event("blast", "2031-01-20", 2.0, articles=("a1", "a2", "a3")),
            _event("probe", "2031-03-05", 2.0)]
    assert _days(rows) == ["2031-01-20", "2031-03-05"]


def test_the_days_just_before_the_first_report_are_the_storys_own() -> None:
    # The last week's days are told by weekday names and reported as news: a summit on
    # the Monday before a Tuesday report, or a week before the first report, stays key.
    rows = [_event("summit", "2031-03-02", 2.0), _event("talks", "2031-02-24", 2.0),
            _event("older", "2031-02-23", 2.0)]
    assert BACKGROUND_DAYS == 7
    assert _days(rows) == ["2031-02-24", "2031-03-02"]


def test_a_story_with_no_dated_article_keeps_every_day() -> None:
    undated = Story(id="s1", title="Tromsvik alliance", articles=("a1",))
    rows = [_event("treaty", "1979-05-14", 3.0), _event("join", "2031-03-12", 2.0)]
    assert _days(rows, undated) == ["1979-05-14", "2031-03-12"]
