"""Statements' days in undated articles from their corpus anchor (``corpus.said_on``), and
statements that are events of the story (``corpus.statement_events``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from storyline.analyze.events.kinds import DateFrom
from storyline.analyze.quotes.dates import SaidOnFrom
from storyline.corpus.events import merge_anchored
from storyline.corpus.reader import MemoryCorpus
from storyline.corpus.said_on import Anchor, date_quotes, day_expressions
from storyline.corpus.statement_events import (
    KIND,
    NewsStatements,
    candidates,
    outlet_name,
    statement_events,
)
from storyline.corpus.timeline import SHARED_EVENT_NOTE, build_timeline
from storyline.records import (
    Analysis,
    Article,
    Event,
    EventMention,
    Mention,
    Quote,
    Statement,
    Story,
)

SHARED = SaidOnFrom.SHARED_EVENT.value
# Anchored on Monday 10 March 2031, published between Friday 14 and Sunday 16 March.
ANCHOR = Anchor((date(2031, 3, 10),), date(2031, 3, 14), date(2031, 3, 16))


def _article(text: str, aid: str = "a2", published: str | None = None) -> Article:
    return Article(id=aid, source_id=aid, source=aid, text=text, outlet="Daily Ledger",
                   published=published)


def _quote(text: str, content: str, aid: str = "a2", speaker: str = "Otto Brandt",
           qid: str = "q1", said_on: str | None = None, how: str | None = None,
           sentence: tuple[int, int] | None = None) -> Quote:
    start = text.index(content)
    sent = sentence or (0, len(text))
    return Quote(id=qid, article=aid, text=content, kind="indirect", start=start,
                 end=start + len(content), sent_start=sent[0], sent_end=sent[1],
                 speaker_name=speaker, speaker_key="PERSON:" + speaker.lower(),
                 speaker="E-" + speaker.split()[-1].lower(), cue="said", said_on=said_on,
                 said_on_from=how)


@pytest.mark.parametrize(("value", "day"), [
    ("XXXX-WXX-5", date(2031, 3, 14)),   # the last Friday on or before 14-16 March
    ("XXXX-WXX-3", date(2031, 3, 12)),   # Wednesday: the 12th whichever day it appeared
    ("XXXX-WXX-6", None),                # Saturday: the 8th if it appeared on the 14th,
                                         # the 15th if later: two readings
    ("XXXX-03-11", date(2031, 3, 11)),   # the anchor's year
    ("XXXX-12-02", None),                # months from the anchor: which year is not plain
    ("yesterday", None),                 # the publication day is known only to three days
])
def test_an_anchor_reads_a_day_only_where_it_has_one_reading(value: str,
                                                              day: date | None) -> None:
    assert ANCHOR.day(value) == day


def test_today_and_yesterday_need_the_publication_day_itself() -> None:
    known = Anchor((date(2031, 3, 10),), date(2031, 3, 14), date(2031, 3, 14))
    assert known.day("yesterday") == date(2031, 3, 13)
    assert Anchor((date(2031, 3, 10),)).day("XXXX-WXX-5") is None  # no bound at all


def test_day_expressions_outside_what_was_said() -> None:
    text = "Brandt said on Friday that the talks of March 11 failed."
    content = text.index("the talks")
    assert day_expressions(text, (content, len(text))) == ["XXXX-WXX-5"]
    assert day_expressions("Brandt said last Friday that it failed.") == ["other week"]
    assert day_expressions("Brandt said on March 11, 2031 that it failed.") is None


def test_an_undated_articles_statement_takes_its_day_from_the_articles_anchor() -> None:
    text = "Otto Brandt indicated on Friday that no meeting is planned."
    q = _quote(text, "no meeting is planned")
    [dated] = date_quotes([q], {"a2": ANCHOR}, [_article(text)])
    assert (dated.said_on, dated.said_on_from) == ("2031-03-14", SHARED)
    # No anchor: nothing is invented; the quote stays as the quotes stage left it.
    assert date_quotes([q], {}, [_article(text)]) == [q]


@pytest.mark.parametrize("text", [
    "Otto Brandt said that no meeting is planned.",                         # no day at all
    "Otto Brandt said on Friday, not Monday, that no meeting is planned.",  # two days
    "Otto Brandt said last Friday that no meeting is planned.",             # another week
])
def test_a_statement_without_one_plain_day_stays_undated(text: str) -> None:
    q = _quote(text, "no meeting is planned")
    assert date_quotes([q], {"a2": ANCHOR}, [_article(text)])[0].said_on is None


def test_a_day_an_earlier_build_gave_is_taken_back_when_its_anchor_is_gone() -> None:
    text = "Otto Brandt indicated on Friday that no meeting is planned."
    q = _quote(text, "no meeting is planned", said_on="2031-03-14", how=SHARED)
    [again] = date_quotes([q], {}, [_article(text)])
    # undated again, and why: its "on Friday" needs a date the article does not have
    assert (again.said_on, again.said_on_from) == (None, SaidOnFrom.NO_ANCHOR)


@pytest.mark.parametrize(("text", "why"), [
    ("Otto Brandt said that no meeting is planned.", SaidOnFrom.NOT_STATED_UNDATED),
    ("Otto Brandt said on Friday, not Monday, that no meeting is planned.",
     SaidOnFrom.AMBIGUOUS),
    ("Otto Brandt said last Friday that no meeting is planned.", SaidOnFrom.AMBIGUOUS),
])
def test_an_undated_statement_keeps_or_gets_its_reason(text: str, why: SaidOnFrom) -> None:
    q = _quote(text, "no meeting is planned", how=SaidOnFrom.NOT_STATED_UNDATED.value)
    [out] = date_quotes([q], {"a2": ANCHOR}, [_article(text)])
    assert (out.said_on, out.said_on_from) == (None, why)


def test_the_events_step_gives_the_anchor_its_shared_events_fix() -> None:
    def em(aid: str, kind: str, day: str, start: int = 0, lead: bool = False) -> EventMention:
        return EventMention(id=f"{aid}-{kind}", article=aid, trigger=kind, kind=kind,
                            start=start, end=start + 10, date=day, date_from="clause",
                            participants=("lindqvist", "brandt"), lead=lead)
    people = [Mention(a, 0, len(n), n, "PERSON", n.split()[-1].lower())
              for a in ("a1", "a2") for n in ("Anna Lindqvist", "Otto Brandt")]
    analyses = {"a1": Analysis("a1", mentions=tuple(people[:2]),
                               event_mentions=(em("a1", "meeting", "2031-03-10"),)),
                "a2": Analysis("a2", mentions=tuple(people[2:]),
                               event_mentions=(em("a2", "visit", "XXXX-WXX-5", lead=True),
                                               em("a2", "meeting", "XXXX-WXX-1", 20)))}
    links = {(a, k): f"E-{k}" for a in ("a1", "a2") for k in ("lindqvist", "brandt")}
    story = Story(id="s1", title="t", articles=("a1", "a2"))
    _, anchors = merge_anchored([_article("x", "a1", "2031-03-11"), _article("x")],
                                MemoryCorpus([], analyses), [story], [], links)
    assert set(anchors) == {"a2"} and anchors["a2"].days == (date(2031, 3, 10),)
    assert anchors["a2"].day("XXXX-WXX-5") == date(2031, 3, 14)


def _statement(q: Quote, sid: str = "s-1") -> Statement:
    return Statement(id=sid, story="st", speaker=q.speaker, speaker_name=q.speaker_name,
                     said_on=q.said_on, text=q.text, kind=q.kind, quotes=(q.id,),
                     articles=(q.article,), sources=("Daily Ledger",), independent_sources=1,
                     best_quote=q.id)


def _news(q: Quote, text: str, events: list[Event] | None = None) -> NewsStatements:
    """The statement of ``q`` as an event, if it is one: picked as a candidate first, as
    the corpus build does."""
    maybe = candidates([_statement(q)], {q.id: q})
    return statement_events(maybe, {q.id: q}, [_article(text)], events or [])


@pytest.mark.parametrize(("text", "news"), [
    ("Otto Brandt told Fox News on Friday that no meeting is planned.", True),
    ("Otto Brandt remarked on Friday to Fox News that no meeting is planned.", True),
    ("Otto Brandt said on Friday at a press conference that no meeting is planned.", True),
    ("Otto Brandt said on Friday that no meeting is planned.", False),  # plain reporting
    ("Otto Brandt said on Friday that no meeting is planned, according to Kyiv Independent.",
     False),  # the article's source, not the statement's setting
    ("Otto Brandt said on Friday in an interview that no meeting is planned.", False),
    # a name with a masthead word that is no outlet, a place that is none
    ("Otto Brandt said on Friday on his way to Post Office Square that no meeting is planned.",
     False),
    ("Otto Brandt said on Friday on his way to the Hospital that no meeting is planned.",
     False),
    ("Otto Brandt said on Friday in an interview with the Kyiv Independent that no meeting "
     "is planned.", True),  # a masthead's shape
])
def test_a_statement_is_an_event_when_its_dated_saying_has_a_named_setting(
        text: str, news: bool) -> None:
    q = _quote(text, "no meeting is planned", said_on="2031-03-14", how=SHARED)
    found = _news(q, text)
    assert bool(found.events) is news
    if news:
        [e] = found.events
        assert (e.kind, e.date, e.participants) == (KIND, "2031-03-14", ("E-brandt",))
        assert DateFrom.of(e.date_from) is DateFrom.SHARED_EVENT
        assert "no meeting is planned" in e.title and found.statements == {"s-1"}


def test_the_setting_may_be_where_the_article_gives_the_same_words_again() -> None:
    first = "Otto Brandt indicated on Friday that no meeting is planned."
    text = first + " “No meeting is planned,” Brandt declared in an interview for an NBC show."
    q = _quote(text, "no meeting is planned", said_on="2031-03-14", how=SHARED,
               sentence=(0, len(first)))
    assert _news(q, text).events


def test_a_day_dated_only_by_the_article_date_is_no_event() -> None:
    text = "Otto Brandt told Fox News that no meeting is planned."
    q = _quote(text, "no meeting is planned", said_on="2031-03-14",
               how=SaidOnFrom.PRESENT_TENSE.value)
    assert not _news(q, text).events


def test_statements_that_are_no_candidates_make_no_event_when_handed_in_anyway() -> None:
    text = "Otto Brandt told Fox News on Friday that no meeting is planned."
    q = _quote(text, "no meeting is planned", said_on="2031-03-14", how=SHARED)
    articles = [_article(text)]
    assert statement_events([_statement(q)], {q.id: q}, articles, []).events
    for unfit in (replace(_statement(q), speaker=None), replace(_statement(q), said_on=None)):
        assert not statement_events([unfit], {q.id: q}, articles, []).events
    undated = replace(q, said_on_from=SaidOnFrom.PRESENT_TENSE.value)  # the article's day
    assert not statement_events([_statement(q)], {q.id: undated}, articles, []).events


def test_a_press_conference_already_found_is_not_told_again() -> None:
    text = "Otto Brandt said on Friday at a press conference that no meeting is planned."
    q = _quote(text, "no meeting is planned", said_on="2031-03-14", how=SHARED)
    conference = Event(id="e1", title="Press conference: Otto Brandt", kind="press-conference",
                       date="2031-03-14", story="st", participants=("E-brandt",))
    assert not _news(q, text, [conference]).events


def test_a_statement_that_is_an_event_stays_one_row_and_ranks_as_the_event() -> None:
    text = "Otto Brandt told Fox News on Friday that no meeting is planned."
    q = _quote(text, "no meeting is planned", said_on="2031-03-14", how=SHARED)
    story = Story(id="st", title="t", articles=("a2",))
    s = _statement(q)
    plain = build_timeline([story], [], [s], {q.id: q})
    news = build_timeline([story], [], [s], {q.id: q}, news={s.id})
    assert len(plain) == len(news) == 1 and news[0].score > plain[0].score
    assert news[0].date_notes == (SHARED_EVENT_NOTE,)  # the week is the corpus's, and says so


def test_an_outlet_is_a_known_name_or_a_masthead_shape() -> None:
    assert outlet_name("Fox News") and outlet_name("NBC") and outlet_name("Washington Post")
    assert outlet_name("Coast Courier", {"coast courier"})  # an outlet of the corpus
    assert outlet_name("Daily News Tuesday")  # the day the name runs into is not part of it
    assert not outlet_name("Post Office") and not outlet_name("Press Secretary Leavitt")
    assert not outlet_name("Hospital") and not outlet_name("Coast Courier")
