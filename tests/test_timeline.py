"""Per-story timelines from hand-built events and quotes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from storyline.analyze.events import LEAD_DATE_FROM
from storyline.analyze.events.kinds import DateFrom
from storyline.corpus.statements import group_statements
from storyline.corpus.timeline import (
    INFERRED_NOTE,
    TITLE_CHARS,
    build_timeline,
    described_speaker,
    quote_title,
    speaker_label,
)
from storyline.records import (
    Article,
    DuplicateLink,
    Event,
    Quote,
    Statement,
    Story,
    TimelineItem,
)
from wordvectors import WordsEncoder


def _article(aid: str, outlet: str) -> Article:
    return Article(id=aid, source_id=aid, source=aid, text="", outlet=outlet)


def _quote(qid: str, aid: str, text: str, said_on: str | None) -> Quote:
    return Quote(id=qid, article=aid, text=text, kind="direct", start=0, end=len(text),
                 sent_start=0, sent_end=len(text), speaker_name="Anna Lindqvist",
                 speaker="E-lindqvist", said_on=said_on)


ARTICLES = [_article("a1", "Ledger"), _article("a2", "Ledger Reprints"),
            _article("a3", "Courier")]
STORY = Story(id="s1", title="Harbour talks", articles=("a1", "a2", "a3"))
LINKS = [DuplicateLink(article="a2", canonical="a1", kind="wire")]


def _timeline(events: list[Event], quotes: list[Quote]) -> list[TimelineItem]:
    statements = group_statements(quotes, ARTICLES, LINKS, [STORY], WordsEncoder())
    return build_timeline([STORY], events, statements, {q.id: q for q in quotes})


def test_rows_in_date_order_with_undated_rows_last() -> None:
    events = [
        Event(id="e2", title="Visit: Lindqvist — Oslo", kind="visit", date="2031-03-12",
              place="Oslo", story="s1", articles=("a3",), sources=("Courier",),
              independent_sources=1),
        Event(id="e0", title="Meeting: Lindqvist, Brandt", kind="meeting", date=None,
              story="s1", participants=("E-lindqvist", "E-brandt"), articles=("a1", "a3"),
              sources=("Courier", "Ledger"), independent_sources=2),
    ]
    quotes = [_quote("q1", "a1", "The harbour stays open.", "2031-03-10")]
    rows = _timeline(events, quotes)
    assert [(r.kind, r.date) for r in rows] == [
        ("quote", "2031-03-10"), ("event", "2031-03-12"), ("event", None)]
    assert rows[0].speaker == "E-lindqvist"
    assert rows[0].title.startswith("Anna Lindqvist: “The harbour")


def test_syndicated_copies_of_a_statement_are_one_row_counted_once() -> None:
    quotes = [_quote("q1", "a1", "The harbour stays open.", "2031-03-10"),
              _quote("q2", "a2", "The harbour stays open.", "2031-03-10"),
              _quote("q3", "a3", "The harbour stays open!", "2031-03-10")]
    [row] = _timeline([], quotes)
    assert row.sources == ("Courier", "Ledger", "Ledger Reprints")
    assert row.independent_sources == 2


def test_a_statement_nobody_is_named_for_is_a_row_titled_unattributed() -> None:
    # Issue 17: every statement is an item with its sources, a null speaker shown as such.
    q = Quote(id="q9", article="a1", text="Rumours abound in the harbour.", kind="direct",
              start=0, end=30, sent_start=0, sent_end=30, said_on="2031-03-10", cue="said")
    [row] = _timeline([], [q])
    assert row.speaker is None
    assert row.title == "Unattributed: “Rumours abound in the harbour.”"
    assert row.date == "2031-03-10" and row.sources == ("Ledger",)


def _nobody(qid: str, text: str, cue: str | None = "said", mention: str | None = None,
            ) -> Quote:
    return Quote(id=qid, article="a1", text=text, kind="direct", start=0, end=len(text),
                 sent_start=0, sent_end=len(text), said_on="2031-03-10", cue=cue,
                 speaker_mention=mention)


def test_a_speaker_the_article_describes_is_the_rows_source_marked_not_named() -> None:
    # Issue 17 s5 (RDR2 B4): "police" is a source the article names, not "unattributed".
    [row] = _timeline([], [_nobody("q1", "The road stays closed tonight.", mention="police")])
    assert row.speaker is None
    assert row.title == "Police (not named): “The road stays closed tonight.”"
    assert quote_title("The company (not named)", "that prices rise", "indirect") == \
        "The company (not named) said that prices rise"


def test_pronouns_function_words_and_clauses_describe_no_speaker() -> None:
    assert described_speaker(["they"]) is None
    assert described_speaker(["I", "those", "’s"]) is None
    assert described_speaker(["for an emergency meeting of the body"]) is None
    assert described_speaker(["The general setup of visiting the remnants of a city"]) is None
    assert described_speaker([None, "a spokeswoman"]) == "a spokeswoman"
    assert described_speaker(["WHO"]) == "WHO"


def test_a_name_no_entity_was_tied_to_is_not_identified_never_not_named() -> None:
    # "Hamill said" names someone: "(not named)" would be false; a capital that only opens
    # the sentence ("Police said", where the texts write "police") is no name.
    assert speaker_label("Hamill") == "Hamill (not identified)"
    assert speaker_label("Big Machine") == "Big Machine (not identified)"
    assert speaker_label("police") == "Police (not named)"
    assert speaker_label("Police", frozenset({"police"})) == "Police (not named)"
    assert speaker_label("The 56-year-old") == "The 56-year-old (not named)"
    assert speaker_label("Two Turkish security sources") == \
        "Two Turkish security sources (not named)"


def test_an_unattributed_fragment_or_cueless_statement_is_no_row() -> None:
    # The editor's cut: no speaker words, and no cue or SHORT_WORDS words or fewer.
    quotes = [_nobody("q1", "Is streaming the future of gaming?", cue=None),
              _nobody("q2", "three cups of sugar"),
              _nobody("q3", "Ferries will run every hour this spring.")]
    assert [r.ref for r in _timeline([], quotes)] == ["q3"]
    # A described speaker's short statement stays a row.
    [row] = _timeline([], [_nobody("q4", "always fatal", mention="the doctors")])
    assert row.title == "The doctors (not named): “always fatal”"


def test_reported_words_nobody_is_named_for_read_without_a_verb() -> None:
    assert quote_title(None, "that the harbour stays open", "indirect") == \
        "Unattributed: the harbour stays open"


def test_an_unattributed_statement_weighs_less_than_the_same_words_of_a_speaker() -> None:
    named = _quote("q1", "a1", "The harbour stays open all winter.", "2031-03-10")
    nobody = replace(_quote("q2", "a3", "Ferries will run every hour this spring.",
                            "2031-03-10"), speaker=None, speaker_name=None, cue="said")
    rows = {r.ref: r for r in _timeline([], [named, nobody])}
    assert rows["q2"].score < rows["q1"].score
    assert (rows["q1"].rank, rows["q2"].rank) == (1, 2)


def test_event_dated_only_by_the_lead_says_so_and_a_stated_date_does_not() -> None:
    events = [Event(id="e1", title="Launch: Orion 7", kind="launch", date="2031-03-14",
                    date_from=LEAD_DATE_FROM, story="s1", participants=("E-orion7",),
                    articles=("a1",), mentions=("m1", "m2")),
              Event(id="e2", title="Launch: Orion 6", kind="launch", date="2031-03-14",
                    date_from="trigger", story="s1", participants=("E-orion6",),
                    articles=("a1",), mentions=("m1", "m3"))]
    rows = _timeline(events, [])
    # the note is a field of the row, never words in its title
    assert {r.ref: r.title for r in rows} == {"e1": "Launch: Orion 7", "e2": "Launch: Orion 6"}
    assert {r.ref: r.date_notes for r in rows} == {"e1": (INFERRED_NOTE,), "e2": ()}
    assert {r.ref: r.date_from for r in rows} == {"e1": LEAD_DATE_FROM, "e2": "trigger"}
    assert all(r.undated_why is None for r in rows)


# ---------------------------------------------------------------- the editor's cut and ranks

def _event(eid: str, kind: str, date: str | None, *,
           participants: tuple[str, ...] = ("E-lindqvist",), place: str | None = None,
           independent: int = 1, title: str = "") -> Event:
    return Event(id=eid, title=title or f"{kind.title()}: Lindqvist", kind=kind, date=date,
                 place=place, story="s1", participants=participants, articles=("a1",),
                 sources=("Ledger",), independent_sources=independent)


def _statement(sid: str, text: str, said_on: str | None, speaker: str = "E-lindqvist",
               independent: int = 1) -> Statement:
    return Statement(id=sid, story="s1", speaker=speaker, speaker_name=speaker[2:].title(),
                     said_on=said_on, text=text, kind="direct", quotes=(f"q-{sid}",),
                     articles=("a1",), sources=("Ledger",), independent_sources=independent,
                     best_quote=f"q-{sid}")


def _rows(events: list[Event], statements: list[Statement]) -> list[TimelineItem]:
    quotes = {s.best_quote or "": _quote(s.best_quote or "", "a1", s.text, s.said_on)
              for s in statements}
    return build_timeline([STORY], events, statements, quotes)


def test_events_that_say_nothing_are_not_rows() -> None:
    events = [_event("e1", "meeting", "2031-03-12", participants=("E-brandt",)),
              _event("e2", "characterize", "2031-03-12", title="Lindqvist characterized"),
              _event("e3", "talks", "2031-03-12", participants=(), title="Talks"),
              _event("e4", "talks", "2031-03-12", participants=(), place="Oslo",
                     title="Talks — Oslo"),
              _event("e5", "visit", None),  # undated, one source: background or a plan
              _event("e6", "summit", None, independent=2),
              # a verb the lexicons do not know is news when outlets agree on it
              _event("e7", "check", "2031-03-12", independent=2, title="Lindqvist checked")]
    assert {r.ref for r in _rows(events, [])} == {"e1", "e4", "e6", "e7"}


def test_a_verbs_event_one_report_dates_in_its_own_words_is_a_row() -> None:
    stated = replace(_event("e8", "select", "2031-02-28", title="The ministry selected Norvik"),
                     date_from=DateFrom.TRIGGER.value)
    inferred = replace(_event("e9", "select", "2031-03-12", title="The ministry selected Tarn"),
                       date_from=DateFrom.LEAD.value)
    assert {r.ref for r in _rows([stated, inferred], [])} == {"e8"}


def test_one_reports_undated_event_is_no_row_even_in_a_one_article_story() -> None:
    # a label of names with no day ("Visit: Lindqvist") is mostly background or a plan;
    # it stays in the export and on its participants' pages
    story = Story(id="s1", title="Harbour talks", articles=("a1",))
    assert build_timeline([story], [_event("e5", "visit", None)], [], {}) == []


def test_a_statement_event_beside_its_speakers_statements_is_not_a_second_row() -> None:
    events = [_event("e1", "statement", "2031-03-10"), _event("e2", "statement", "2031-03-11")]
    statements = [_statement("s1", "The harbour stays open for every ship this winter.",
                             "2031-03-10")]
    assert {r.ref for r in _rows(events, statements)} == {"e2", "q-s1"}


def test_contentless_fragments_and_same_day_repeats_of_one_point_are_cut() -> None:
    statements = [
        _statement("s1", "The harbour stays open for every ship this winter.", "2031-03-10",
                   independent=2),
        _statement("s2", "the harbour stays open for every ship", "2031-03-10"),
        _statement("s3", "It is.", "2031-03-10"),
        # the same words on another day, or by another speaker, are rows of their own
        _statement("s4", "The harbour stays open for every ship this winter.", "2031-03-11"),
        _statement("s5", "The harbour stays open for every ship this winter.", "2031-03-10",
                   speaker="E-brandt")]
    assert {r.ref for r in _rows([], statements)} == {"q-s1", "q-s4", "q-s5"}


def test_rows_are_ranked_within_their_day_happenings_and_support_first() -> None:
    events = [_event("e1", "meeting", "2031-03-10", participants=("E-lindqvist", "E-brandt"),
                     place="Oslo")]
    statements = [
        _statement("s1", "The harbour stays open for every ship this winter.", "2031-03-10"),
        _statement("s2", "Fishing quotas will be cut by a third next spring, ministers said.",
                   "2031-03-10", independent=3),
        _statement("s3", "Nobody asked the ferry crews about the new timetable.", None)]
    rows = _rows(events, statements)
    assert [(r.date, r.rank, r.ref) for r in rows] == [
        ("2031-03-10", 1, "e1"), ("2031-03-10", 2, "q-s2"), ("2031-03-10", 3, "q-s1"),
        (None, 1, "q-s3")]
    assert rows[0].score > rows[1].score > rows[2].score > 0
    assert rows[0].articles == ("a1",)


def test_a_prominent_speaker_and_a_new_point_rank_higher() -> None:
    said = "The harbour stays open for every ship this winter."
    statements = [
        _statement("s1", said, "2031-03-10"),
        _statement("s2", "Ferries will run every hour from the first of April onwards.",
                   "2031-03-10"),
        _statement("s3", said, "2031-03-12"),  # Lindqvist says it again two days later
        _statement("s4", "New cranes arrive at the northern pier in the second week.",
                   "2031-03-12"),
        _statement("s5", "Dock workers will vote on the new shift plan before summer.",
                   "2031-03-12", speaker="E-brandt")]
    score = {r.ref: r.score for r in _rows([], statements)}
    assert score["q-s4"] > score["q-s3"]  # novelty: a repeat counts less
    assert score["q-s4"] > score["q-s5"]  # prominence: Lindqvist speaks four times


def test_a_person_the_story_names_often_is_prominent_without_speaking_much() -> None:
    statements = [
        _statement("s1", "Ferries will run every hour from the first of April onwards.",
                   "2031-03-10"),
        _statement("s2", "New cranes arrive at the northern pier in the second week.",
                   "2031-03-10"),
        _statement("s3", "Dock workers will vote on the new shift plan before summer.",
                   "2031-03-10", speaker="E-brandt")]
    quotes = {s.best_quote or "": _quote(s.best_quote or "", "a1", s.text, s.said_on)
              for s in statements}
    quiet = {r.ref: r.score for r in build_timeline([STORY], [], statements, quotes)}
    named = {r.ref: r.score for r in build_timeline(
        [STORY], [], statements, quotes, {("s1", "E-brandt"): 30, ("s1", "E-lindqvist"): 5})}
    assert quiet["q-s3"] < quiet["q-s1"]
    assert named["q-s3"] > named["q-s1"]


def test_a_planned_or_denied_event_ranks_below_what_happened() -> None:
    people = ("E-lindqvist", "E-brandt")
    events = [_event("e1", "meeting", "2031-03-10", participants=people, place="Oslo"),
              Event(id="e2", title="Meeting: Lindqvist, Brandt — Bergen", kind="meeting",
                    date="2031-03-10", place="Bergen", story="s1", participants=people,
                    articles=("a1",), sources=("Ledger",), independent_sources=1,
                    status="planned")]
    rows = _rows(events, [])
    assert [(r.ref, r.rank) for r in rows] == [("e1", 1), ("e2", 2)]
    assert rows[1].score == rows[0].score / 2
    # the status is a field of the row, never words in its title
    assert [(r.status, r.title) for r in rows] == [
        ("happened", events[0].title), ("planned", "Meeting: Lindqvist, Brandt — Bergen")]


def test_an_unrealised_event_keeps_its_status_and_a_clean_title() -> None:
    from storyline.corpus.timeline import STATUS_LABELS, _event_candidate

    for status in ("planned", "hypothetical", "negated"):
        event = Event(id="e1", kind="meeting", title="Meeting: Anna Berg — Oslo",
                      date="2024-03-08", participants=("E-berg",), articles=("a1",),
                      sources=("Wire",), independent_sources=1, status=status)  # type: ignore[arg-type]
        row = _event_candidate("s1", event).row
        assert row.status == status and row.title == "Meeting: Anna Berg — Oslo"
        assert STATUS_LABELS[status] not in row.title
    quote = _quote("q1", "a1", "The harbour stays open.", "2024-03-08")
    [row] = _timeline([], [quote])
    assert row.status is None  # a statement row has no event status


def test_reported_infinitive_reads_without_that() -> None:
    from storyline.corpus.timeline import reported

    assert reported("agreed", "to lease 100 tankers") == ("agreed", "to lease 100 tankers")
    assert reported("said", "that the port stays open") == ("said that", "the port stays open")


def test_an_event_dated_from_a_shared_event_says_its_date_is_inferred() -> None:
    from storyline.analyze.events.kinds import DateFrom
    from storyline.corpus.timeline import SHARED_EVENT_NOTE, _event_candidate
    from storyline.records import Event

    event = Event(id="e1", kind="visit", title="Visit: Anna Berg — Oslo", date="2024-03-08",
                  date_from=DateFrom.SHARED_EVENT.value, participants=(), place=None,
                  articles=("a1",), sources=("Wire",), independent_sources=1)
    row = _event_candidate("s1", event).row
    assert row.date_notes == (SHARED_EVENT_NOTE,) and row.title == "Visit: Anna Berg — Oslo"


def test_an_undated_row_carries_why_it_has_no_day() -> None:
    from storyline.analyze.quotes.dates import SaidOnFrom
    from storyline.corpus.timeline import UNDATED_EVENT

    why = SaidOnFrom.NOT_STATED_UNDATED
    q = replace(_quote("q1", "a1", "The harbour stays open.", None), said_on_from=why.value)
    [row] = _timeline([], [q])
    assert row.date is None and row.undated_why == why.value and row.date_from == why.value
    assert row.date_notes == ()
    events = [Event(id="e1", title="Launch: Orion 7", kind="launch", story="s1",
                    participants=("E-orion7",), articles=("a1",), sources=("Ledger",),
                    independent_sources=2)]
    [row] = _timeline(events, [])
    assert row.undated_why == UNDATED_EVENT


def test_a_long_quote_title_is_cut_at_a_word_boundary() -> None:
    text = ("We expect that next week or the week after that we will hear more about the "
            "harbour fees, the winter timetable and the ferries that serve the islands")
    [row] = _timeline([], [_quote("q1", "a1", text, "2031-03-10")])
    quoted = row.title.split("“", 1)[1].rstrip("”")
    assert quoted.endswith("…") and len(quoted) <= TITLE_CHARS
    # The cut leaves whole words only: what precedes the ellipsis is a word of the quote.
    kept = quoted[:-1].split()
    assert kept == text.split()[:len(kept)] and len(kept) >= 10


def test_reported_content_reads_in_lower_case_after_said_that_unless_a_name() -> None:
    from storyline.corpus.timeline import common_words, quote_title

    # "police" is written in lower case inside the corpus's sentences, "Trump" capitalised
    common = common_words(["They said police came.", "Then police left and Trump spoke.",
                           "He met Trump."])
    assert "police" in common and "trump" not in common

    def title(text: str) -> str:
        return quote_title("Rutte", text, "indirect", common)

    assert title("A Schenectady man was charged") == \
        "Rutte said that a Schenectady man was charged"
    assert title("The talks failed") == "Rutte said that the talks failed"
    assert title("Police arrested him") == "Rutte said that police arrested him"
    assert title("NATO was ready") == "Rutte said that NATO was ready"
    assert title("Trump would go") == "Rutte said that Trump would go"
    assert title("I will stay") == "Rutte said that I will stay"
    assert title("We're on the third floor") == "Rutte said that we're on the third floor"
    assert title("I'm staying") == "Rutte said that I'm staying"
    assert title("May would resign") == "Rutte said that May would resign"  # a name, not a verb
    # a direct quote keeps its own words
    assert quote_title("Rutte", "The talks failed", "direct") == "Rutte: “The talks failed”"


def test_a_title_is_never_cut_right_after_an_abbreviation() -> None:
    from storyline.text import clip

    text = "Police said that the man attacked Gov. Andrew Cuomo on Friday"
    assert clip(text, 40) == "Police said that the man attacked…"
    assert clip("Talks with Mr. J. Smith went on late into the night", 20) == "Talks with…"
    assert clip("Gov. Andrew Cuomo", 8) == "Gov.…"  # one word: nothing better to keep
    assert clip("No meeting is planned, despite U.S. initiatives", 40) == \
        "No meeting is planned, despite…"
    assert clip("They met in Oslo, Bergen and Tromsø", 20) == "They met in Oslo…"  # no ",…"


def test_a_story_title_is_its_first_sentence_not_cut_at_an_abbreviation() -> None:
    from storyline.corpus.titles import shorten

    lead = ("Wasilla Bible Church, the home church of Alaska Gov. Sarah Palin, was damaged by "
            "fire on Friday night, officials said. Nobody was hurt.")
    assert shorten(lead) == \
        "Wasilla Bible Church, the home church of Alaska Gov. Sarah Palin, was…"
    # a whole first sentence is the title as it is, no "…" after its full stop
    assert shorten("Palin appointee under federal indictment. More text.") == \
        "Palin appointee under federal indictment."


def test_a_rows_status_is_stored_and_exported(tmp_path: Path) -> None:
    from storyline.outputs.export import export_data
    from storyline.store import Store

    rows = [TimelineItem(story="s1", kind="event", ref="e1", date="2031-03-10",
                         title="Meeting: Lindqvist — Oslo", status="planned"),
            TimelineItem(story="s1", kind="quote", ref="q1", date="2031-03-10",
                         title="Lindqvist: “The port stays open”")]
    with Store.open(tmp_path / "s.db") as store, store.transaction():
        store.replace_timeline(rows)
    with Store.open(tmp_path / "s.db", readonly=True) as store:
        assert {t.ref: t.status for t in store.timeline("s1")} == {"e1": "planned", "q1": None}
        exported = {t["ref"]: t for t in export_data(store)["timeline"]}
    # an extra field of the row (FORMAT.md: "story", "kind", "date", ...); the title is clean
    assert exported["e1"]["status"] == "planned"
    assert exported["e1"]["title"] == "Meeting: Lindqvist — Oslo"
    assert exported["q1"]["status"] is None
