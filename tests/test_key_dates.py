"""Key dates: the few days of a story a reader should see first, from ranked timeline rows."""

from __future__ import annotations

from storyline.corpus.key_dates import MAX_KEY_DATES, SUMMARY_ITEM_CHARS, find_key_dates
from storyline.corpus.sources import SourceIndex
from storyline.outputs.export import export_data
from storyline.records import (
    Article,
    DuplicateLink,
    KeyDate,
    Story,
    TimelineItem,
)
from storyline.store import Store

ARTICLES = [Article(id=a, source_id=a, source=a, text="", outlet=o)
            for a, o in (("a1", "Ledger"), ("a2", "Ledger Reprints"), ("a3", "Courier"))]
LINKS = [DuplicateLink(article="a2", canonical="a1", kind="wire")]
STORY = Story(id="s1", title="Harbour talks", articles=("a1", "a2", "a3"))
INDEX = SourceIndex.build(ARTICLES, LINKS)


def _row(ref: str, date: str | None, score: float, *, kind: str = "quote",
         articles: tuple[str, ...] = ("a1",), title: str = "",
         speaker: str | None = "E-lindqvist") -> TimelineItem:
    return TimelineItem(story="s1", kind=kind, ref=ref, date=date,
                        title=title or f"Lindqvist: “{ref}”", score=score, articles=articles,
                        speaker=speaker if kind == "quote" else None)


def test_statements_nobody_is_named_for_neither_make_nor_sum_up_a_key_date() -> None:
    rows = [_row("q1", "2031-03-10", 1.0),
            _row("anon", "2031-03-10", 0.9, speaker=None, title="Unattributed: “anon”"),
            _row("anon2", "2031-03-12", 5.0, speaker=None, title="Unattributed: “anon2”")]
    [day] = find_key_dates([STORY], rows, INDEX)
    assert (day.date, day.summary, day.score) == ("2031-03-10", "Lindqvist: “q1”", 1.0)
    assert find_key_dates([STORY], rows[1:], INDEX) == []


def test_the_days_with_the_most_that_matters_are_key_in_date_order() -> None:
    rows = [_row("meet", "2031-03-10", 1.5, kind="event", title="Meeting: Lindqvist — Oslo"),
            _row("q1", "2031-03-10", 1.0, articles=("a1", "a2", "a3")),
            _row("q2", "2031-03-11", 0.6),  # one minor remark: not key
            _row("q3", "2031-03-14", 1.0), _row("q4", "2031-03-14", 0.9),
            _row("q5", None, 9.0)]  # undated rows are never key dates
    days = find_key_dates([STORY], rows, INDEX)
    assert [(k.date, k.rank) for k in days] == [("2031-03-10", 1), ("2031-03-14", 2)]
    first = days[0]
    assert first.summary == "Meeting: Lindqvist — Oslo; Lindqvist: “q1”"
    assert first.independent_sources == 2  # the Ledger and its wire reprint are one origin
    assert first.score == 2.5


def test_a_busy_day_of_minor_remarks_does_not_outweigh_a_happening() -> None:
    rows = [_row("meet", "2031-03-10", 1.5, kind="event"), _row("q0", "2031-03-10", 1.0)]
    rows += [_row(f"q{n}", "2031-03-11", 0.3) for n in range(1, 40)]
    assert [k.date for k in find_key_dates([STORY], rows, INDEX)] == ["2031-03-10"]


def test_a_few_days_at_most_and_summaries_on_one_short_line() -> None:
    long_title = "Lindqvist: “" + "very long words " * 30 + "”"
    rows = [_row(f"q{d}", f"2031-03-{d:02d}", 1.0, title=long_title) for d in range(1, 20)]
    days = find_key_dates([STORY], rows, INDEX)
    assert len(days) == MAX_KEY_DATES
    assert all("\n" not in k.summary and len(k.summary) <= SUMMARY_ITEM_CHARS for k in days)
    assert find_key_dates([STORY], [], INDEX) == []


def test_key_dates_and_ranks_are_stored_and_exported(store: Store) -> None:
    store.save_stories([STORY])
    store.replace_timeline([
        TimelineItem(story="s1", kind="quote", ref="q2", date="2031-03-10", title="t",
                     score=0.5, rank=2, articles=("a1",)),
        TimelineItem(story="s1", kind="quote", ref="q1", date="2031-03-10", title="t",
                     score=1.0, rank=1, articles=("a1", "a3"))])
    key = KeyDate(story="s1", date="2031-03-10", summary="Meeting: Lindqvist — Oslo",
                  independent_sources=2, rank=1, score=2.5)
    store.replace_key_dates([key])
    assert [(t.ref, t.rank, t.articles) for t in store.timeline("s1")] == [
        ("q1", 1, ("a1", "a3")), ("q2", 2, ("a1",))]
    [story] = store.stories()
    assert story.key_dates == (key,)
    assert Story.from_dict(story.to_dict()) == story
    exported = export_data(store)["stories"][0]["key_dates"]
    assert exported == [{"story": "s1", "date": "2031-03-10",
                         "summary": "Meeting: Lindqvist — Oslo", "independent_sources": 2,
                         "sources_unnamed": 0, "rank": 1, "score": 2.5}]


def test_a_summary_marks_an_event_that_did_not_happen_after_its_clipped_title() -> None:
    from dataclasses import replace

    long = "Meeting: " + "Lindqvist, Brandt, " * 10 + "— Oslo"
    rows = [replace(_row("plan", "2031-03-10", 1.5, kind="event", title=long),
                    status="planned"),
            replace(_row("met", "2031-03-10", 1.0, kind="event", title="Visit: Brandt — Oslo"),
                    status="happened")]
    [day] = find_key_dates([STORY], rows, INDEX)
    first, second = day.summary.split("; ")
    assert first.endswith("… (planned)") and len(first) <= SUMMARY_ITEM_CHARS + len(" (planned)")
    assert second == "Visit: Brandt — Oslo"  # what happened carries no mark
