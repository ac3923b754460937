"""Event mentions from parsed sentences, and their merging across articles."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.events import THING_PREFIX, find_event_mentions
from storyline.analyze.events.kinds import DateFrom
from storyline.corpus import events as corpus_events
from storyline.corpus.reader import MemoryCorpus
from storyline.records import (
    Analysis,
    Article,
    DuplicateLink,
    Event,
    EventMention,
    Mention,
    Story,
    Timex,
)

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT"}


def _article(text: str, aid: str = "a1", outlet: str = "Daily Ledger",
             title: str | None = None) -> Article:
    return Article(id=aid, source_id=aid, source=aid, text=text, outlet=outlet,
                   published="2031-03-14", title=title)


def _mentions(doc: Any, aid: str) -> list[Mention]:
    """Names as a mention finder would give them, keyed by their last word."""
    return [Mention(aid, e.start_char, e.end_char, e.text, e.label_, e.text.split()[-1].lower())
            for e in doc.ents if e.label_ in NAME_LABELS]


def _timex(text: str, phrase: str, value: str, aid: str = "a1") -> Timex:
    start = text.index(phrase)
    return Timex(aid, start, start + len(phrase), phrase, value)


def _run(nlp: Any, text: str, timexes: list[tuple[str, str]],
         title: str | None = None) -> list[EventMention]:
    doc = nlp(text)
    article = _article(text, title=title)
    return find_event_mentions(doc, article, _mentions(doc, "a1"),
                               [_timex(text, p, v) for p, v in timexes])


@pytest.mark.slow
def test_meeting_takes_date_place_and_people_from_its_clause(nlp: Any) -> None:
    text = "Prime Minister Anna Lindqvist met Chancellor Otto Brandt in Berlin on Tuesday."
    found = _run(nlp, text, [("Tuesday", "2031-03-11")])
    meeting = next(e for e in found if e.kind == "meeting")
    assert meeting.date == "2031-03-11"
    assert meeting.date_from == "trigger"
    assert meeting.place == "berlin"
    assert {"lindqvist", "brandt"} <= set(meeting.participants)


@pytest.mark.slow
def test_undated_event_keeps_no_date_rather_than_the_publication_date(nlp: Any) -> None:
    text = ("Harbour dues rose sharply this year.\n\nShipowners protested.\n\n"
            "Chancellor Otto Brandt visited the port of Hamburg to inspect the new cranes.")
    found = _run(nlp, text, [])
    visit = next(e for e in found if e.kind == "visit")
    assert visit.date is None
    assert visit.date_from


@pytest.mark.slow
def test_negated_meeting_is_kept_marked_negated(nlp: Any) -> None:
    text = "No meeting between Anna Lindqvist and Otto Brandt is planned."
    meetings = [e for e in _run(nlp, text, []) if e.kind == "meeting"]
    assert meetings and all(e.status == "negated" for e in meetings)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "status"), [
    ("Anna Lindqvist agreed to meet Otto Brandt in Berlin.", "planned"),
    ("Anna Lindqvist will visit Berlin with Otto Brandt.", "planned"),
    ("The planned summit of Anna Lindqvist and Otto Brandt drew crowds to Oslo.", "planned"),
    ("Otto Brandt signed a pact with Anna Lindqvist to deter an attack on Norway.",
     "hypothetical"),
    ("If Anna Lindqvist meets Otto Brandt in Berlin, prices may fall.", "hypothetical"),
    ("Anna Lindqvist did not meet Otto Brandt in Berlin.", "negated"),
    ("Anna Lindqvist met Otto Brandt in Berlin.", "happened"),
    ("Anna Lindqvist managed to meet Otto Brandt in Berlin.", "happened"),
])
def test_planned_hypothetical_and_negated_happenings_are_marked(nlp: Any, text: str,
                                                               status: str) -> None:
    kinds = {"meeting", "visit", "summit", "attack"}
    found = [e for e in _run(nlp, text, []) if e.kind in kinds]
    assert found and found[0].status == status


@pytest.mark.slow
def test_an_event_dated_after_the_article_is_planned(nlp: Any) -> None:
    text = "Anna Lindqvist meets Otto Brandt in Berlin on Friday."
    [meeting] = [e for e in _run(nlp, text, [("Friday", "2031-03-21")]) if e.kind == "meeting"]
    assert meeting.date == "2031-03-21" and meeting.status == "planned"


@pytest.mark.slow
def test_talks_named_as_a_time_reference_do_not_take_the_lead_day(nlp: Any) -> None:
    text = ("In an interview after talks at the Royal Palace with Otto Brandt, Anna Lindqvist "
            "called the talks a success.\n\nShe thanked the hosts.")
    found = _run(nlp, text, [])
    talks = [e for e in found if e.kind == "talks"]
    # One mention: "the talks" is the talks told of just before, not another happening.
    assert len(talks) == 1
    assert talks[0].date is None and talks[0].status == "happened"
    assert not talks[0].lead


@pytest.mark.slow
def test_the_talks_on_a_day_date_the_talks_told_of_before(nlp: Any) -> None:
    text = ("Anna Lindqvist held talks with Otto Brandt at the Royal Palace.\n\n"
            "Among the ministers who joined the talks on Monday was Karl Weiss.")
    found = _run(nlp, text, [("Monday", "2031-03-10")])
    [talks] = [e for e in found if e.kind == "talks"]
    assert talks.date == "2031-03-10"
    assert {"lindqvist", "brandt"} <= set(talks.participants)


@pytest.mark.slow
def test_the_lead_is_one_mention_of_the_first_sentence(nlp: Any) -> None:
    found = _run(nlp, LEAD_TEXT, [], title=HEADLINE)
    leads = [e for e in found if e.lead]
    assert len(leads) == 1 and leads[0].start < LEAD_TEXT.index("Nordic Ferries has")
    assert leads[0].phrase and leads[0].phrase.startswith("unveils")


@pytest.mark.slow
def test_a_page_stamp_is_no_lead_sentence_and_the_lead_has_someone_in_it(nlp: Any) -> None:
    text = ("First Published: March 14, 2031\n\nShipowners gathered early.\n\n"
            "A fire destroyed the warehouse of Nordic Ferries in Oslo.")
    found = _run(nlp, text, [])
    leads = [e for e in found if e.lead]
    assert len(leads) == 1 and leads[0].start == text.index("A fire")
    assert leads[0].participants or leads[0].place


@pytest.mark.slow
def test_an_interview_is_the_lead_only_where_the_headline_makes_it_the_news(nlp: Any) -> None:
    text = ("In an interview with the Harbour Gazette after talks with Otto Brandt in Berlin, "
            "Anna Lindqvist called the talks a success.")
    found = _run(nlp, text, [])
    assert not [e for e in found if e.kind == "interview"]
    assert not [e for e in found if e.lead and e.kind == "call"]


@pytest.mark.slow
def test_an_undated_verb_outside_the_lexicons_is_an_event_only_as_the_lead(nlp: Any) -> None:
    text = ("Anna Lindqvist opened the Oslo ferry terminal.\n\nShipowners cheered.\n\n"
            "Otto Brandt praised the new cranes of Nordic Ferries.\n\n"
            "Otto Brandt repainted the old cranes of Nordic Ferries.")
    found = _run(nlp, text, [])
    assert [e.trigger for e in found if e.kind not in ("opening",)] == []
    [lead] = [e for e in found if e.lead]
    assert lead.trigger == "opened" and lead.phrase == "opened the Oslo ferry terminal"


@pytest.mark.slow
def test_gunfire_is_no_fire(nlp: Any) -> None:
    text = "Soldiers opened fire on protesters in Oslo on Monday."
    found = _run(nlp, text, [("Monday", "2031-03-10")])
    assert not [e for e in found if e.kind == "blaze"]


@pytest.mark.slow
def test_reports_are_no_events_of_the_story(nlp: Any) -> None:
    text = ("Otto Brandt met Anna Lindqvist in Berlin on Monday.\n\n"
            "The Harbour Gazette published the minutes on Tuesday, Karl Weiss said.")
    found = _run(nlp, text, [("Monday", "2031-03-10"), ("Tuesday", "2031-03-11")])
    assert [e.kind for e in found] == ["meeting"]


@pytest.mark.slow
def test_date_of_reporting_verb_is_not_the_date_of_the_reported_event(nlp: Any) -> None:
    text = ("Minister Karl Weiss said on Friday that Anna Lindqvist will visit Oslo "
            "to sign a fisheries deal.")
    found = _run(nlp, text, [("Friday", "2031-03-14")])
    # A statement is how we know, not an event of the story: the quotes stage has it.
    assert not [e for e in found if e.kind == "statement"]
    visit = next(e for e in found if e.kind == "visit")
    assert visit.date is None and visit.status == "planned"


@pytest.mark.slow
def test_statement_without_its_own_date_is_dropped(nlp: Any) -> None:
    text = "Minister Karl Weiss said the harbour would reopen soon."
    assert not [e for e in _run(nlp, text, []) if e.kind == "statement"]


HEADLINE = "Nordic Ferries unveils new Orion 7 ferry"
LEAD_TEXT = (HEADLINE + "\n\nNordic Ferries has unveiled the Orion 7, its largest ferry, at the "
             "Tromsø yard.\n\nThe company said the ship carries 900 passengers.\n\n"
             "Nordic Ferries launched the Orion 6 at the same yard.")


@pytest.mark.slow
def test_headline_and_lead_events_take_the_publication_date_marked_as_inferred(nlp: Any) -> None:
    found = _run(nlp, LEAD_TEXT, [], title=HEADLINE)
    lead = [e for e in found if e.start < LEAD_TEXT.index("The company")]
    assert lead and all(e.date == "2031-03-14" for e in lead)
    assert all(e.date_from == DateFrom.LEAD for e in lead)


@pytest.mark.slow
def test_undated_event_after_the_lead_stays_undated(nlp: Any) -> None:
    found = _run(nlp, LEAD_TEXT, [], title=HEADLINE)
    later = [e for e in found if e.start >= LEAD_TEXT.index("Nordic Ferries launched")]
    assert later and all(e.date is None for e in later)


@pytest.mark.slow
def test_lead_event_dated_in_the_body_takes_that_day(nlp: Any) -> None:
    headline = "Harbour master Otto Brandt dies aged 80"
    text = headline + "\n\nOtto Brandt died on Tuesday in Hamburg after a short illness."
    found = _run(nlp, text, [("Tuesday", "2031-03-11")], title=headline)
    deaths = [e for e in found if e.kind == "death"]
    # dated by the body's report of it, the lead is that report: one mention, the lead's
    assert [(e.date, e.lead, e.place) for e in deaths] == [("2031-03-11", True, "hamburg")]


@pytest.mark.slow
def test_planned_lead_event_is_not_dated(nlp: Any) -> None:
    headline = "Nordic Ferries to buy two Orion 7 ferries"
    text = headline + "\n\nNordic Ferries will buy two ferries from the Tromsø yard."
    found = _run(nlp, text, [], title=headline)
    assert found and all(e.date is None for e in found)


@pytest.mark.slow
def test_lead_event_with_a_coarse_time_of_its_own_is_not_dated(nlp: Any) -> None:
    headline = "Nordic Ferries bought the Orion 7 in 2029"
    found = _run(nlp, headline, [("2029", "2029")], title=headline)
    assert all(e.date is None for e in found)


@pytest.mark.slow
def test_products_the_names_stage_missed_are_participants(nlp: Any) -> None:
    found = _run(nlp, LEAD_TEXT, [], title=HEADLINE)
    unveiling = next(e for e in found if e.trigger == "unveiled")
    assert THING_PREFIX + "Orion 7" in unveiling.participants
    assert not [k for e in found for k in e.participants if k.endswith("Tromsø")]


def _em(aid: str, kind: str, date: str | None, participants: tuple[str, ...],
        place: str | None = None, start: int = 0) -> EventMention:
    return EventMention(id=f"{aid}-{kind}-{start}", article=aid, trigger=kind, kind=kind,
                        start=start, end=start + 10, date=date, date_from="clause",
                        place=place, participants=participants)


def _analysis(aid: str, mentions: list[Mention], events: list[EventMention]) -> Analysis:
    return Analysis(article=aid, mentions=tuple(mentions), event_mentions=tuple(events))


def _merge(articles: list[Article], analyses: dict[str, Analysis], stories: list[Story],
           links: list[DuplicateLink], key_to_entity: dict[tuple[str, str], str]) -> list[Event]:
    """``merge_events`` over these analyses, served by a corpus as the build's are."""
    return corpus_events.merge_events(articles, MemoryCorpus([], analyses), stories, links,
                                      key_to_entity)


def _m(aid: str, text: str, label: str = "PERSON") -> Mention:
    return Mention(aid, 0, len(text), text, label, text.split()[-1].lower())


def test_same_meeting_in_three_articles_is_one_event_with_syndication_folded() -> None:
    articles = [_article("x", "a1", "Ledger"), _article("x", "a2", "Courier"),
                _article("x", "a3", "Ledger Reprints")]
    analyses = {}
    for aid in ("a1", "a2", "a3"):
        mentions = [_m(aid, "Anna Lindqvist"), _m(aid, "Otto Brandt"), _m(aid, "Berlin", "GPE")]
        kind = "talks" if aid == "a2" else "meeting"
        analyses[aid] = _analysis(aid, mentions, [
            _em(aid, kind, "2031-03-11", ("lindqvist", "brandt"), "berlin")])
    key_to_entity = {(a, k): f"E-{k}" for a in ("a1", "a2", "a3") for k in ("lindqvist", "brandt")}
    links = [DuplicateLink(article="a3", canonical="a1", kind="wire")]
    story = Story(id="s1", title="t", articles=("a1", "a2", "a3"))
    events = _merge(articles, analyses, [story], links, key_to_entity)
    # Read from a corpus a batch at a time, the analyses give the same events.
    corpus = MemoryCorpus(articles, analyses)
    assert corpus_events.merge_events(articles, corpus, [story], links, key_to_entity) == events
    assert len(events) == 1
    event = events[0]
    assert event.date == "2031-03-11"
    assert set(event.participants) == {"E-lindqvist", "E-brandt"}
    assert event.sources == ("Courier", "Ledger", "Ledger Reprints")
    assert event.independent_sources == 2
    assert event.title.startswith("Meeting: ") and "Lindqvist" in event.title
    assert event.title.endswith("— Berlin")
    assert event.story == "s1"


def test_different_days_stay_different_events_and_undated_joins_only_a_clear_match() -> None:
    mentions = [_m("a1", "Anna Lindqvist"), _m("a1", "Otto Brandt")]
    analyses = {"a1": _analysis("a1", mentions, [
        _em("a1", "meeting", "2031-03-11", ("lindqvist", "brandt"), start=0),
        _em("a1", "meeting", "2031-03-12", ("lindqvist",), start=20),
        _em("a1", "meeting", None, ("lindqvist", "brandt"), start=40),
    ])}
    events = _merge([_article("x")], analyses, [], [], {})
    assert [e.date for e in events] == ["2031-03-11", "2031-03-12"]
    assert len(events[0].mentions) == 2


def test_product_participant_is_the_entity_of_the_same_name_and_in_the_title() -> None:
    orion = Mention("a2", 0, 7, "Orion 7", "PRODUCT", "orion-7", entity="E-orion")
    analyses = {
        "a1": _analysis("a1", [_m("a1", "Nordic Ferries", "ORG")], [
            _em("a1", "launch", "2031-03-14", ("ferries", THING_PREFIX + "Orion 7"))]),
        "a2": _analysis("a2", [orion], []),
    }
    [event] = _merge([_article("x"), _article("x", "a2")], analyses, [], [],
                     {("a1", "ferries"): "E-nf"})
    assert set(event.participants) == {"E-nf", "E-orion"}
    assert "Orion 7" in event.title


def test_a_stated_date_wins_over_a_lead_inference_in_the_merged_event() -> None:
    from storyline.corpus.events import _Cluster, _date_from, _Resolved

    def member(date_from: str) -> _Resolved:
        em = EventMention(id=date_from, article="a1", trigger="met", kind="meeting", start=0,
                          end=3, date="2031-05-02", date_from=date_from)
        return _Resolved(mention=em, story="s1", ids=frozenset(), names={}, place=None)

    assert _date_from(_Cluster([member(DateFrom.LEAD), member("timex: on Friday")])) == \
        "timex: on Friday"
    assert _date_from(_Cluster([member(DateFrom.LEAD)])) == DateFrom.LEAD


def test_verb_named_event_is_titled_by_who_and_the_verb_phrase_and_a_bare_verb_is_none() -> None:
    lead = EventMention(id="v1", article="a1", trigger="opens", kind="open", start=0, end=9,
                        date="2031-03-14", date_from=DateFrom.LEAD, participants=("lindqvist",),
                        phrase="opens the Oslo ferry terminal", actor="lindqvist")
    bare = EventMention(id="v2", article="a1", trigger="dealt", kind="deal", start=20, end=29,
                        date="2031-03-15", date_from="trigger", participants=("lindqvist",),
                        phrase="dealt")
    analyses = {"a1": _analysis("a1", [_m("a1", "Anna Lindqvist")], [lead, bare])}
    events = _merge([_article("x")], analyses, [], [], {("a1", "lindqvist"): "E-al"})
    assert [e.title for e in events] == ["Anna Lindqvist opens the Oslo ferry terminal"]
    assert not any("inferred" in e.title for e in events)


def test_a_kind_without_anyone_or_anywhere_is_no_event() -> None:
    analyses = {"a1": _analysis("a1", [], [_em("a1", "talks", "2031-03-11", ())])}
    assert _merge([_article("x")], analyses, [], [], {}) == []


def _lead(aid: str, kind: str, date: str | None, participants: tuple[str, ...],
          status: str = "happened") -> EventMention:
    return EventMention(id=f"{aid}-lead", article=aid, trigger=kind, kind=kind, start=0,
                        end=10, date=date, date_from="clause", participants=participants,
                        status=status, lead=True, phrase=f"{kind} the Malibu clinic")  # type: ignore[arg-type]


def test_leads_of_one_story_meet_in_one_event_whatever_their_verb() -> None:
    aids = ("a1", "a2", "a3")
    analyses = {aid: _analysis(aid, [_m(aid, "Tara Holm")], [
        _lead(aid, kind, None, ("holm",))]) for aid, kind in zip(
            aids, ("enter", "check", "admit"), strict=True)}
    key_to_entity = {(a, "holm"): "E-holm" for a in aids}
    story = Story(id="s1", title="t", articles=aids)
    events = _merge([_article("x", a) for a in aids], analyses, [story], [], key_to_entity)
    assert len(events) == 1 and set(events[0].articles) == set(aids)


def test_leads_on_different_days_stay_apart() -> None:
    aids = ("a1", "a2")
    analyses = {"a1": _analysis("a1", [_m("a1", "Tara Holm")], [
                    _lead("a1", "enter", "2031-03-11", ("holm",))]),
                "a2": _analysis("a2", [_m("a2", "Tara Holm")], [
                    _lead("a2", "leave", "2031-04-02", ("holm",))])}
    key_to_entity = {(a, "holm"): "E-holm" for a in aids}
    story = Story(id="s1", title="t", articles=aids)
    events = _merge([_article("x", a) for a in aids], analyses, [story], [], key_to_entity)
    assert len(events) == 2


def test_a_planned_meeting_is_kept_apart_from_the_meeting_that_took_place() -> None:
    mentions = [_m("a1", "Anna Lindqvist"), _m("a1", "Otto Brandt")]
    held = _em("a1", "meeting", "2031-03-11", ("lindqvist", "brandt"), start=0)
    planned = EventMention(id="p", article="a1", trigger="meeting", kind="meeting", start=30,
                           end=40, date="2031-03-11", participants=("lindqvist", "brandt"),
                           status="planned")
    analyses = {"a1": _analysis("a1", mentions, [held, planned])}
    events = _merge([_article("x")], analyses, [], [], {})
    assert sorted(e.status for e in events) == ["happened", "planned"]


def test_verb_lemma_repairs_a_stem_cut_before_es() -> None:
    from types import SimpleNamespace

    from storyline.analyze.events.kinds import verb_lemma

    def tok(text: str, lemma: str, tag: str = "VBZ") -> Any:
        return SimpleNamespace(lower_=text, lemma_=lemma, lemma=1, tag_=tag)

    assert verb_lemma(tok("hopes", "hop")) == "hope"
    assert verb_lemma(tok("pushes", "push")) == "push"
    assert verb_lemma(tok("goes", "go")) == "go"
    assert verb_lemma(tok("hopped", "hop", "VBD")) == "hop"


@pytest.mark.slow
def test_the_reporting_outlet_is_not_a_participant(nlp: Any) -> None:
    text = ("(Harbour Wire) Norway and Iceland signed a fisheries agreement in Oslo on Monday, "
            "the two governments said.")
    article = Article(id="a1", source_id="s", source="s.txt", text=text,
                      published="2031-05-06", outlet="Harbour Wire")
    doc = nlp(text)
    mentions = [Mention(article="a1", start=e.start_char, end=e.end_char, text=e.text,
                        label=e.label_, key=f"{e.label_}:{e.text}") for e in doc.ents]
    # As the names stage marks it: the outlet opening the body is an organisation.
    mentions.append(Mention(article="a1", start=1, end=13, text="Harbour Wire", label="ORG",
                            key="ORG:harbour wire"))
    found = find_event_mentions(doc, article, mentions, [])
    assert found
    assert not any("harbour wire" in key for e in found for key in e.participants)


def test_status_lead_and_phrase_survive_the_store_and_status_the_export(store: Any) -> None:
    from storyline.outputs.export import export_data

    em = EventMention(id="em1", article="a1", trigger="meeting", kind="meeting", start=0,
                      end=10, participants=("lindqvist",), status="planned", lead=True,
                      phrase="meeting in Oslo", actor="lindqvist")
    with store.transaction():
        store.upsert_article(_article("Anna Lindqvist plans a meeting in Oslo."))
        store.save_analysis(_analysis("a1", [_m("a1", "Anna Lindqvist")], [em]))
    assert store.event_mentions() == [em]
    events = _merge([_article("x")], {"a1": _analysis("a1", [_m("a1", "Anna Lindqvist")],
                                                             [em])}, [], [], {})
    with store.transaction():
        store.replace_events(events)
    assert [e["status"] for e in export_data(store)["events"]] == ["planned"]


def test_a_later_report_of_the_lead_happening_joins_it_by_kind_and_one_name() -> None:
    aids = ("a1", "a2")
    body = EventMention(id="a2-body", article="a2", trigger="checked", kind="check", start=50,
                        end=60, participants=("holm",), phrase="checked into the clinic")
    analyses = {"a1": _analysis("a1", [_m("a1", "Tara Holm")], [
                    _lead("a1", "check", None, ("holm",))]),
                "a2": _analysis("a2", [_m("a2", "Tara Holm")], [body])}
    key_to_entity = {(a, "holm"): "E-holm" for a in aids}
    story = Story(id="s1", title="t", articles=aids)
    events = _merge([_article("x", a) for a in aids], analyses, [story], [], key_to_entity)
    assert len(events) == 1 and set(events[0].articles) == set(aids)


def test_a_lead_dated_only_by_its_publication_day_stays_off_another_months_event() -> None:
    aids = ("a1", "a2")
    stated = _lead("a1", "press-conference", "2031-03-11", ("holm", "brandt"))
    inferred = EventMention(id="a2-lead", article="a2", trigger="conference",
                            kind="press-conference", start=0, end=10, date="2031-06-02",
                            date_from=DateFrom.LEAD, participants=("holm", "brandt"),
                            lead=True)
    analyses = {"a1": _analysis("a1", [_m("a1", "Tara Holm"), _m("a1", "Otto Brandt")],
                                [stated]),
                "a2": _analysis("a2", [_m("a2", "Tara Holm"), _m("a2", "Otto Brandt")],
                                [inferred])}
    key_to_entity = {(a, k): f"E-{k}" for a in aids for k in ("holm", "brandt")}
    story = Story(id="s1", title="t", articles=aids)
    events = _merge([_article("x", a) for a in aids], analyses, [story], [], key_to_entity)
    assert sorted(e.date or "" for e in events) == ["2031-03-11", "2031-06-02"]


def test_an_undated_lead_joins_a_dated_lead_of_its_kind_on_one_name_not_another_kind() -> None:
    aids = ("a1", "a2", "a3")
    analyses = {"a1": _analysis("a1", [_m("a1", "Tara Holm")], [
                    _lead("a1", "check", "2031-03-11", ("holm",))]),
                "a2": _analysis("a2", [_m("a2", "Tara Holm")], [
                    _lead("a2", "check", None, ("holm",))]),
                "a3": _analysis("a3", [_m("a3", "Tara Holm")], [
                    _lead("a3", "visit", None, ("holm",))])}
    key_to_entity = {(a, "holm"): "E-holm" for a in aids}
    story = Story(id="s1", title="t", articles=aids)
    events = _merge([_article("x", a) for a in aids], analyses, [story], [], key_to_entity)
    assert sorted(len(e.articles) for e in events) == [1, 2]
    assert next(e for e in events if len(e.articles) == 2).date == "2031-03-11"


def test_leads_meet_on_a_surname_but_it_counts_as_one_name() -> None:
    aids = ("a1", "a2", "a3")
    analyses = {"a1": _analysis("a1", [_m("a1", "Tara Holm")], [
                    _lead("a1", "check", None, ("holm",))]),
                "a2": _analysis("a2", [_m("a2", "Holm", "GPE")], [
                    _lead("a2", "enter", None, ("holm",))]),
                # Undated, a mention of another kind with the full name and the surname is
                # one name: not enough to join a dated event.
                "a3": _analysis("a3", [_m("a3", "Tara Holm")], [
                    _em("a3", "meeting", "2031-03-11", ("holm",), start=0)])}
    story = Story(id="s1", title="t", articles=aids)
    events = _merge([_article("x", a) for a in aids], analyses, [story], [], {})
    lead = next(e for e in events if "a1" in e.articles)
    assert set(lead.articles) == {"a1", "a2"}


def test_a_verb_event_naming_nobody_is_titled_by_its_phrase_not_a_report_label() -> None:
    held = EventMention(id="h", article="a1", trigger="held", kind="hold", start=0, end=9,
                        date="2031-03-04", date_from="trigger", place="geneva",
                        phrase="held in Geneva a week ago")
    analyses = {"a1": _analysis("a1", [_m("a1", "Geneva", "GPE")], [held])}
    [event] = _merge([_article("x")], analyses, [], [], {})
    assert event.title == "Held in Geneva a week ago — Geneva"


def _dated_article(aid: str, published: str | None) -> Article:
    return Article(id=aid, source_id=aid, source=aid, text="x", outlet="Daily Ledger",
                   published=published)


def test_leads_of_one_kind_on_agreeing_days_meet_whoever_each_outlet_names() -> None:
    # "Harbour Rovers fire their coach" and "Ivo Sand fired": the same dismissal, told by
    # two outlets naming different sides of it.
    aids = ("a1", "a2")
    analyses = {"a1": _analysis("a1", [_m("a1", "Harbour Rovers", "ORG")], [
                    _lead("a1", "fire", "2031-03-11", ("rovers",))]),
                "a2": _analysis("a2", [_m("a2", "Ivo Sand")], [
                    _lead("a2", "fire", None, ("sand",))])}
    story = Story(id="s1", title="t", articles=aids)
    events = _merge([_dated_article(a, None) for a in aids], analyses, [story], [], {})
    assert len(events) == 1 and set(events[0].articles) == set(aids)


def test_leads_of_one_kind_on_different_days_stay_apart() -> None:
    aids = ("a1", "a2")
    analyses = {"a1": _analysis("a1", [_m("a1", "Harbour Rovers", "ORG")], [
                    _lead("a1", "fire", "2031-03-11", ("rovers",))]),
                "a2": _analysis("a2", [_m("a2", "Ivo Sand")], [
                    _lead("a2", "fire", "2031-05-02", ("sand",))])}
    story = Story(id="s1", title="t", articles=aids)
    events = _merge([_dated_article(a, None) for a in aids], analyses, [story], [], {})
    assert len(events) == 2


@pytest.mark.parametrize(("published", "joins"), [
    ("2031-03-12", True),   # the next day's paper: its lead is that day's news
    ("2031-03-11", True),   # the same day
    ("2031-03-30", False),  # weeks later: a lead of its own, not this day's news
    ("2031-03-10", False),  # before the happening: it cannot report it
    (None, False),          # no day of its own: nothing anchors its lead
])
def test_an_undated_lead_joins_a_dated_one_by_one_name_when_its_article_is_of_that_day(
        published: str | None, joins: bool) -> None:
    aids = ("a1", "a2")
    analyses = {"a1": _analysis("a1", [_m("a1", "Tara Holm")], [
                    _lead("a1", "check", "2031-03-11", ("holm",))]),
                "a2": _analysis("a2", [_m("a2", "Tara Holm")], [
                    _lead("a2", "visit", None, ("holm",))])}
    key_to_entity = {(a, "holm"): "E-holm" for a in aids}
    story = Story(id="s1", title="t", articles=aids)
    articles = [_dated_article("a1", "2031-03-11"), _dated_article("a2", published)]
    events = _merge(articles, analyses, [story], [], key_to_entity)
    assert (len(events) == 1) is joins


def test_a_dates_provenance_is_a_member_whose_value_is_the_word_exports_show() -> None:
    assert DateFrom.LEAD == "inferred: lead event reported as the day's news"
    assert DateFrom.INHERITED == "article: the same event dated in another sentence"
    # Read back from a store, the plain value is the member again; anything else is none.
    assert DateFrom.of(str(DateFrom.LEAD)) is DateFrom.LEAD and DateFrom.LEAD.inferred
    assert not DateFrom.CLAUSE.inferred and not DateFrom.INHERITED.inferred
    assert DateFrom.of("timex: on Friday") is None and DateFrom.of(None) is None


def test_an_inferred_lead_day_read_back_as_plain_text_is_still_known_as_inferred() -> None:
    aids = ("a1", "a2")
    stated = _lead("a1", "check", "2031-03-11", ("holm",))
    # From the store, date_from is a plain string, not the member the stage wrote.
    inferred = EventMention(id="a2-lead", article="a2", trigger="check", kind="check",
                            start=0, end=10, date="2031-03-12",
                            date_from=str(DateFrom.LEAD.value), participants=("holm",),
                            lead=True)
    analyses = {"a1": _analysis("a1", [_m("a1", "Tara Holm")], [stated]),
                "a2": _analysis("a2", [_m("a2", "Tara Holm")], [inferred])}
    key_to_entity = {(a, "holm"): "E-holm" for a in aids}
    story = Story(id="s1", title="t", articles=aids)
    [event] = _merge([_article("x", a) for a in aids], analyses, [story], [],
                           key_to_entity)
    # The publication day a day later tells the stated day's happening; the stated day wins.
    assert event.date == "2031-03-11" and event.date_from == "clause"


def test_a_verb_and_its_noun_are_one_kind_of_happening() -> None:
    from storyline.analyze.events.kinds import family

    assert family("shoot") == family("shooting")
    assert family("burn") == family("blaze")
    assert family("murder") == family("kill") == family("killing")
    assert family("shoot") != family("burn")



@pytest.mark.parametrize(("shared", "meet"), [
    ("Nordby Dairy", True),   # both leads' sentences name the building
    ("Daily Ledger", False),  # the outlet that reports both is no name of the happening
])
def test_leads_meet_on_a_name_both_their_sentences_hold_though_no_participant(
        shared: str, meet: bool) -> None:
    aids = ("a1", "a2")
    analyses = {
        "a1": _analysis("a1", [_m("a1", "Arson Squad", "ORG"), _m("a1", shared, "ORG")], [
            _lead("a1", "destroy", None, ("squad",))]),
        "a2": _analysis("a2", [_m("a2", "Lena Kade"), _m("a2", shared, "ORG")], [
            _lead("a2", "gut", None, ("kade",))])}
    story = Story(id="s1", title="t", articles=aids)
    articles = [Article(id=a, source_id=a, source=a, text="x", outlet="Daily Ledger")
                for a in aids]
    events = _merge(articles, analyses, [story], [], {})
    assert (len(events) == 1) is meet


def test_a_name_outside_the_leads_sentence_does_not_tie_leads() -> None:
    aids = ("a1", "a2")
    far = Mention("a2", 50, 62, "Nordby Dairy", "ORG", "dairy")
    analyses = {
        "a1": _analysis("a1", [_m("a1", "Arson Squad", "ORG"), _m("a1", "Nordby Dairy", "ORG")],
                        [_lead("a1", "destroy", None, ("squad",))]),
        "a2": _analysis("a2", [_m("a2", "Lena Kade"), far], [
            _lead("a2", "gut", None, ("kade",))])}
    story = Story(id="s1", title="t", articles=aids)
    events = _merge([_dated_article(a, None) for a in aids], analyses, [story], [], {})
    assert len(events) == 2


@pytest.mark.parametrize(("phrase", "titled"), [
    ("announced today", False),
    ("starts Monday", False),
    ("announced the merger today", True),
])
def test_a_verb_with_only_when_it_happened_is_still_a_bare_verb(phrase: str,
                                                                titled: bool) -> None:
    em = EventMention(id="v", article="a1", trigger=phrase.split()[0], kind="start", start=0,
                      end=9, date="2031-03-14", date_from="trigger",
                      participants=("lindqvist",), phrase=phrase)
    analyses = {"a1": _analysis("a1", [_m("a1", "Anna Lindqvist")], [em])}
    events = _merge([_article("x")], analyses, [], [], {})
    assert bool(events) is titled


@pytest.mark.parametrize(("dated_place", "undated_place", "joins"), [
    (("Harbour Hall", "FAC"), ("Tromsø", "GPE"), True),   # the hall is in the city
    (("Bergen", "GPE"), ("Tromsø", "GPE"), False),        # two cities: two meetings
])
def test_an_undated_mention_joins_a_dated_one_whose_place_it_names_less_finely(
        dated_place: tuple[str, str], undated_place: tuple[str, str], joins: bool) -> None:
    def analysis(aid: str, date: str | None, place: tuple[str, str]) -> Analysis:
        where = Mention(aid, 30, 30 + len(place[0]), place[0], place[1], "where")
        return _analysis(aid, [_m(aid, "Anna Lindqvist"), _m(aid, "Otto Brandt"), where], [
            _em(aid, "meeting", date, ("lindqvist", "brandt"), "where")])
    analyses = {"a1": analysis("a1", "2031-03-11", dated_place),
                "a2": analysis("a2", None, undated_place)}
    key_to_entity = {(a, k): f"E-{k}" for a in ("a1", "a2") for k in ("lindqvist", "brandt")}
    story = Story(id="s1", title="t", articles=("a1", "a2"))
    events = _merge([_article("x", "a1"), _article("x", "a2")], analyses, [story], [],
                          key_to_entity)
    assert (len(events) == 1) is joins


def _undated_story(anchor: str = "XXXX-WXX-1", call: str = "XXXX-03-11",
                   dated: str | None = "2031-03-11") -> list[Any]:
    """a1 (dated) states a Monday 10 March meeting; undated a2 tells the same meeting on
    'Monday', its lead a visit on 'Friday', a call on 'March 11' and talks on 'Friday'."""
    def em(kind: str, date: str | None, who: tuple[str, ...], start: int,
           lead: bool = False, place: str | None = None) -> EventMention:
        return EventMention(id=f"a2-{kind}", article="a2", trigger=kind, kind=kind,
                            start=start, end=start + 10, date=date, date_from="clause",
                            place=place, participants=who, lead=lead)
    people = [_m(a, n) for a in ("a1", "a2") for n in ("Anna Lindqvist", "Otto Brandt")]
    analyses = {
        "a1": _analysis("a1", people[:2], [
            _em("a1", "meeting", "2031-03-10", ("lindqvist", "brandt"))]),
        "a2": _analysis("a2", people[2:], [
            em("visit", "XXXX-WXX-5", ("lindqvist",), 0, lead=True),
            em("meeting", anchor, ("lindqvist", "brandt"), 20),
            em("call", call, ("brandt",), 40),
            em("talks", "XXXX-WXX-5", ("brandt",), 60)])}
    key_to_entity = {(a, k): f"E-{k}" for a in ("a1", "a2") for k in ("lindqvist", "brandt")}
    story = Story(id="s1", title="t", articles=("a1", "a2"))
    articles = [_dated_article("a1", dated), _dated_article("a2", None)]
    return _merge(articles, analyses, [story], [], key_to_entity)


def test_an_undated_articles_partial_days_take_year_and_week_from_an_event_shared_with_a_dated_one(
        ) -> None:
    events = _undated_story()
    by_kind = {e.kind: e for e in events}
    # Monday 10 March is the shared meeting; it dates the article: 'March 11' is 2031, and
    # its lead's 'Friday' is the 14th, on or after the latest day it tells (the 11th).
    assert by_kind["meeting"].date == "2031-03-10" and len(by_kind["meeting"].articles) == 2
    assert by_kind["call"].date == "2031-03-11"
    assert by_kind["visit"].date == "2031-03-14"
    for e in (by_kind["call"], by_kind["visit"]):
        assert DateFrom.of(e.date_from) is DateFrom.SHARED_EVENT
        assert not DateFrom.SHARED_EVENT.inferred  # not "the day it was reported"
    # Another 'Friday' of the article, after the lead's: the article was written within
    # two days of its lead's Friday, so the last Friday before it is that one.
    assert by_kind["talks"].date == "2031-03-14"


@pytest.mark.parametrize(("anchor", "call", "dated"), [
    ("XXXX-WXX-2", "XXXX-03-11", "2031-03-11"),  # the shared meeting is no Tuesday: no anchor
    ("XXXX-WXX-1", "XXXX-03-11", None),           # no dated article: nothing to anchor on
])
def test_partial_days_stay_undated_without_a_consistent_anchor(
        anchor: str, call: str, dated: str | None) -> None:
    events = _undated_story(anchor, call, dated)
    assert not any(e.date and e.date.startswith("X") for e in events)
    assert {e.kind: e.date for e in events}.get("visit") is None
    assert {e.kind: e.date for e in events}.get("call") is None


def test_a_partial_day_far_from_the_anchor_keeps_no_year_and_a_weekday_needs_a_bound() -> None:
    # 'December 2' is months from the March anchor: which year is not plain.
    events = _undated_story(call="XXXX-12-02")
    assert {e.kind: e.date for e in events}.get("call") is None
    # Without an anchored weekday nothing bounds the article's day from above: 'Friday'
    # could be any Friday after the 11th.
    events = _undated_story(anchor="XXXX-03-10")
    by_kind = {e.kind: e.date for e in events}
    assert by_kind["call"] == "2031-03-11" and by_kind.get("visit") is None


@pytest.mark.slow
def test_an_undated_articles_event_keeps_its_partial_day_for_the_corpus_step(nlp: Any) -> None:
    text = "Anna Lindqvist reached Oslo on Friday. She had met Otto Brandt on Monday in Berlin."
    doc = nlp(text)
    undated = Article(id="a1", source_id="a1", source="a1", text=text, published=None)
    found = find_event_mentions(doc, undated, _mentions(doc, "a1"), [])
    days = {e.kind: (e.date, e.date_from) for e in found}
    # The day the text gives, no calendar date; date_from still says why there is none.
    assert days["visit"][0] == "XXXX-WXX-5" and days["meeting"][0] == "XXXX-WXX-1"
    assert DateFrom.of(days["visit"][1]) is DateFrom.NO_DAY
    dated = Article(id="a1", source_id="a1", source="a1", text=text, published="2031-03-16")
    assert not [e for e in find_event_mentions(doc, dated, _mentions(doc, "a1"), [])
                if e.date and e.date.startswith("X")]


def test_an_undated_articles_event_fixed_by_a_shared_one_joins_the_dated_event_it_fits(
        ) -> None:
    # a2 (undated) tells the Berlin meeting 'on Monday' with its people, then 'a summit on
    # Monday in Berlin' naming no one: once the meeting fixes the week, that is its day.
    def where(aid: str) -> Mention:
        return Mention(aid, 30, 36, "Berlin", "GPE", "where")
    people = [_m(a, n) for a in ("a1", "a2") for n in ("Anna Lindqvist", "Otto Brandt")]
    analyses = {
        "a1": _analysis("a1", [*people[:2], where("a1")], [
            _em("a1", "meeting", "2031-03-10", ("lindqvist", "brandt"), "where")]),
        "a2": _analysis("a2", [*people[2:], where("a2")], [
            _em("a2", "meeting", "XXXX-WXX-1", ("lindqvist", "brandt"), start=0),
            _em("a2", "summit", "XXXX-WXX-1", (), "where", start=20)])}
    key_to_entity = {(a, k): f"E-{k}" for a in ("a1", "a2") for k in ("lindqvist", "brandt")}
    story = Story(id="s1", title="t", articles=("a1", "a2"))
    articles = [_dated_article("a1", "2031-03-11"), _dated_article("a2", None)]
    [event] = _merge(articles, analyses, [story], [], key_to_entity)
    assert event.date == "2031-03-10" and set(event.mentions) == {
        "a1-meeting-0", "a2-meeting-0", "a2-summit-20"}


@pytest.mark.slow
def test_opened_fire_is_a_shooting_not_an_opening(nlp: Any) -> None:
    text = "A former clerk opened fire at the Tromsvik ferry office on Friday."
    found = _run(nlp, text, [("Friday", "2031-03-07")])
    assert [e.kind for e in found] == ["shooting"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Karl Weiss opened up about his years at sea on Friday.",
    "The Orion was flying a Norwegian flag when it sank on Friday.",
    "Anna Lindqvist released a statement on Friday.",
    "Karl Weiss was released from hospital on Friday.",
    "Karl Weiss was hit by a van on Friday and sent flying into the air.",
])
def test_a_lexicon_verb_in_another_sense_is_not_its_kind(nlp: Any, text: str) -> None:
    found = _run(nlp, text, [("Friday", "2031-03-07")])
    assert not [e for e in found if e.kind in ("opening", "flight", "launch")]


@pytest.mark.slow
def test_a_verb_whose_object_is_a_happening_leaves_the_event_to_the_noun(nlp: Any) -> None:
    text = "Otto Brandt launched an attack on Oslo on Friday."
    found = _run(nlp, text, [("Friday", "2031-03-07")])
    assert [e.kind for e in found] == ["attack"]
    assert found[0].date == "2031-03-07"


@pytest.mark.slow
def test_a_press_release_and_a_release_date_are_no_launch(nlp: Any) -> None:
    text = ("Nordic Ferries said in a press release on Friday that Orion 7 has no release "
            "date yet.")
    found = _run(nlp, text, [("Friday", "2031-03-07")])
    assert not [e for e in found if e.kind == "launch"]


@pytest.mark.slow
def test_a_phrase_cut_before_its_noun_drops_the_dangling_word(nlp: Any) -> None:
    text = ("Karl Weiss was walking along parked cars on Harbour Street near the old ferry "
            "terminal on Friday.")
    found = _run(nlp, text, [("Friday", "2031-03-07")])
    phrases = [e.phrase for e in found if e.phrase]
    assert phrases and all(p.split()[-1] not in ("near", "the", "on", "along")
                           for p in phrases)


@pytest.mark.slow
def test_a_name_glued_to_page_chrome_is_no_participant(nlp: Any) -> None:
    text = "Anna Lindqvist met Otto Brandt in Berlin on Friday."
    doc = nlp(text)
    chrome = Mention("a1", 0, 0, "Daily Ledger)A", "ORG", "ledger)a")
    start = text.index("Otto Brandt")
    glued = Mention("a1", start, start + 11, "Otto Brandt)A", "PERSON", "brandt")
    found = find_event_mentions(doc, _article(text), [*_mentions(doc, "a1")[:1], glued, chrome],
                                [_timex(text, "Friday", "2031-03-07")])
    [meeting] = [e for e in found if e.kind == "meeting"]
    assert "brandt" not in meeting.participants


def test_a_title_names_a_product_only_where_the_happening_is_about_one() -> None:
    mentions = [_m("a1", "Karl Weiss"), _m("a1", "Volvo", "ORG"),
                Mention("a1", 0, 5, "Nova", "PRODUCT", "nova")]
    analyses = {"a1": _analysis("a1", mentions, [
        _em("a1", "death", "2031-03-07", ("weiss", "nova")),
        _em("a1", "launch", "2031-03-08", ("volvo", "nova"), start=20)])}
    events = _merge([_article("x")], analyses, [], [], {})
    titles = {e.kind: e.title for e in events}
    assert titles["death"] == "Death: Karl Weiss"
    assert "Nova" in titles["launch"]


@pytest.mark.slow
def test_an_event_word_inside_a_name_is_no_event(nlp: Any) -> None:
    text = "Summit Entertainment hired Chris Weitz in Los Angeles on Friday."
    found = _run(nlp, text, [("Friday", "2031-03-07")])
    assert not [e for e in found if e.kind == "summit"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "According to a Tromsvik Police release, Karl Weiss was hurt on Friday.",
    "A Defence Ministry release said on Friday that Karl Weiss was hurt.",
    "In a statement released on Friday by Nordic Ferries, Karl Weiss thanked the crew.",
])
def test_a_release_that_tells_the_news_is_no_launch(nlp: Any, text: str) -> None:
    found = _run(nlp, text, [("Friday", "2031-03-07")])
    assert not [e for e in found if e.kind == "launch"]


@pytest.mark.slow
def test_the_parse_read_as_integers_is_the_token_objects_parse(nlp: Any) -> None:
    # events._tree stands in for Token walks (heads, reported-content edges, name-like
    # tokens): it must read exactly what the Token objects say, products and entities too.
    from storyline.analyze.events import CONTENT_DEPS, _name_like, _tree

    doc = nlp("Apple unveiled the iPhone 4 in Cupertino on Monday, the company said, and "
              "Boeing's 787 Dreamliner flew for the first time after 11bn dollars of work.")
    tree = _tree(doc)
    assert tree.heads == [t.head.i for t in doc]
    assert tree.content == [t.dep_ in CONTENT_DEPS for t in doc]
    assert [tree.name_like(t.i) for t in doc] == [_name_like(t) for t in doc]
    assert any(tree.name_like(t.i) for t in doc) and not all(tree.name_like(t.i) for t in doc)


@pytest.mark.slow
def test_trigger_candidates_hold_every_trigger(nlp: Any) -> None:
    # kinds.trigger_candidates skips the nouns and verbs no lexicon names, by their lemma:
    # what trigger_kind finds over every token it must find over the candidates alone.
    from storyline.analyze.events.kinds import trigger_candidates, trigger_kind

    doc = nlp("Leaders met in Brussels for talks on Monday, opened fire, signed an agreement "
              "and said the summit will be held after a visit; the press release was late.")
    every = [(t.i, kind) for t in doc if (kind := trigger_kind(t)) is not None]
    candidates = [(t.i, kind) for t in trigger_candidates(doc)
                  if (kind := trigger_kind(t)) is not None]
    assert every and every == candidates


@pytest.mark.slow
def test_a_lower_case_phrase_is_no_named_participant_or_place(nlp: Any) -> None:
    # issue 17 section 3: a lower-cased page's names, or a common noun the model labelled,
    # are no named participant or place; the same mention capitalised is one.
    text = "Pupils of varnby grammar school flew from tromso airport to Oslo on Tuesday."
    doc = nlp(text)
    article = _article(text)

    def mention(words: str, label: str) -> Mention:
        start = text.index(words)
        return Mention("a1", start, start + len(words), words, label, words)

    lower = [mention("varnby grammar school", "ORG"), mention("tromso airport", "FAC")]
    found = find_event_mentions(doc, article, lower, [_timex(text, "Tuesday", "2031-03-11")])
    assert not any(e.participants or e.place for e in found)
    named = text.replace("varnby grammar school", "Varnby Grammar School")
    doc = nlp(named)
    start = named.index("Varnby")
    school = Mention("a1", start, start + 21, "Varnby Grammar School", "ORG", "school")
    found = find_event_mentions(doc, _article(named), [school],
                                [_timex(named, "Tuesday", "2031-03-11")])
    assert any("school" in e.participants for e in found)


@pytest.mark.slow
def test_a_dateline_names_no_participant_or_place(nlp: Any) -> None:
    text = ("KARLSTAD, Sweden (Fjord Wire) \u2014 Governor Ellen Varg signed the harbour treaty "
            "on Monday.")
    found = _run(nlp, text, [("Monday", "2031-03-10")])
    [treaty] = [e for e in found if e.kind == "agreement"]
    assert treaty.participants == ("varg",) and treaty.place is None


@pytest.mark.slow
@pytest.mark.parametrize(("text", "kind"), [
    ("Governor Ellen Varg's executive order banning gatherings was upheld on Monday.", "order"),
    ("The Nordvik Falcons need a stronger middle-order, Coach Arno Vell said on Monday.",
     "order"),
    ("Senator Ola Brekke met with Ellen Varg in Karlstad in order to end the dispute on Monday.",
     "order"),
    ("Senator Ola Brekke said on Monday that Karlstad must close that gap.", "closure"),
    ("Shares of Nordvik Shipping closed flat at $4.10 on Monday.", "closure"),
    # a named index or currency: its close gives a level or a move, not a word list
    ("The Karlstad Nordex closed 120 points higher on Monday.", "closure"),
    ("The Karlstad krona closed at 10.52 against the euro on Monday.", "closure"),
    ("Nordvik Shipping's plan was met with outrage in Karlstad on Monday.", "meeting"),
    ("Nordvik Shipping does not meet the requirements of Karlstad, Ellen Varg said on Monday.",
     "meeting"),
    ("Governor Ellen Varg delivered a speech in Karlstad on Monday.", "delivery"),
    ("The Nordvik Falcons introduced Arno Vell as their coach in Karlstad on Monday.", "launch"),
    ("Ellen Varg signed on to the letter in Karlstad on Monday.", "agreement"),
])
def test_a_trigger_used_in_another_sense_is_no_event_of_its_kind(nlp: Any, text: str,
                                                                 kind: str) -> None:
    found = _run(nlp, text, [("Monday", "2031-03-10")])
    assert not [e for e in found if e.kind == kind]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "kind"), [
    ("Skyline Air placed an order for 30 Aurora jets in Karlstad on Monday.", "order"),
    ("Nordvik Space awarded task orders to Skyline Labs in Karlstad on Monday.", "order"),
    ("Skyline Air cut its prior order of delayed 797x jets on Monday.", "order"),
    ("Karlstad closed its harbour to ferries on Monday.", "closure"),
    ("Governor Ellen Varg met Arno Vell in Karlstad on Monday.", "meeting"),
    ("Nordvik Shipping delivered two tankers to Karlstad on Monday.", "delivery"),
])
def test_a_trigger_in_its_own_sense_is_still_an_event(nlp: Any, text: str, kind: str) -> None:
    found = _run(nlp, text, [("Monday", "2031-03-10")])
    assert [e for e in found if e.kind == kind]


@pytest.mark.slow
def test_a_phrase_keeps_a_hyphenated_word_whole(nlp: Any) -> None:
    text = "General Arno Vell captured parts of a strategic rebel-held town on Monday."
    [found] = _run(nlp, text, [("Monday", "2031-03-10")])
    assert found.phrase == "captured parts of a strategic rebel-held town"


@pytest.mark.slow
def test_a_prefixed_verb_the_parser_reads_as_an_adjective_is_still_the_verb(nlp: Any) -> None:
    text = "Last winter the Nordvik Falcons re-signed Mike Lowell to a three-year contract."
    found = _run(nlp, text, [])
    assert [e for e in found if e.kind == "agreement"]
