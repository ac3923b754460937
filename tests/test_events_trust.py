"""Events a reader can trust (issue 17): who a verb's title names, what a negation denies,
and which happening a day belongs to. Made-up sentences, parsed by the pipeline's model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from storyline.analyze import timexes
from storyline.analyze.events.kinds import DateFrom, actor_keys
from storyline.records import Article, EventMention, Mention
from test_events import _analysis, _article, _m, _merge, _run


def _titles(actor: str | None) -> list[str]:
    plea = EventMention(id="p1", article="a1", trigger="pleaded", kind="plead", start=0,
                        end=80, date="2031-03-10", date_from="trigger",
                        participants=("brandt", "lindqvist", "lindqvist2"),
                        phrase="pleaded guilty to threatening a senator", actor=actor)
    mentions = [_m("a1", "Otto Brandt"), _m("a1", "Anna Lindqvist"), _m("a1", "Lindqvist")]
    mentions[2] = Mention("a1", 20, 29, "Lindqvist", "PERSON", "lindqvist2")
    analyses = {"a1": _analysis("a1", mentions, [plea])}
    return [e.title for e in _merge([_article("a1")], analyses, [], [],
                                    {("a1", "lindqvist"): "E-l", ("a1", "lindqvist2"): "E-l"})]


def test_a_verbs_title_names_its_subject_and_nobody_when_the_subject_is_no_name() -> None:
    # "A Tromso man pleaded guilty to threatening Senator Lindqvist": the most named
    # participant is the threatened senator, never the one who pleaded.
    assert _titles(None) == ["Pleaded guilty to threatening a senator"]
    assert _titles("brandt") == ["Otto Brandt pleaded guilty to threatening a senator"]
    # a subject key that is no participant of the event is never named
    assert _titles("vell") == ["Pleaded guilty to threatening a senator"]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "actor"), [
    ("A Tromso man pleaded guilty on Monday to threatening to kill Senator Anna Lindqvist.", None),
    ("Senator Anna Lindqvist met Chancellor Otto Brandt in Berlin on Monday.", "lindqvist"),
    ("Her lawyer, Ola Brekke, visited the prison in Bergen on Monday.", "brekke"),
    ("Otto Brandt was arrested by police in Bergen on Monday.", "brandt"),
])
def test_the_actor_is_the_trigger_verbs_subject(nlp: Any, text: str, actor: str | None) -> None:
    verb = next(e for e in _run(nlp, text, [("Monday", "2031-03-10")]) if e.phrase)
    # the participant keys; a subject that names no one is kept only as described words
    # ("A Tromso man", ``kinds.described_actor``), never as a participant
    assert actor_keys(verb.actor) == ((actor,) if actor else ())


@pytest.mark.slow
def test_what_a_verb_was_done_for_brings_neither_its_people_nor_its_day(nlp: Any) -> None:
    text = "He was arrested in April for the March 21 call to the offices of Anna Lindqvist."
    found = _run(nlp, text, [("March 21", "2031-03-21")])
    assert not [e for e in found if e.kind == "arrest" and
                (e.date == "2031-03-21" or "lindqvist" in e.participants)]
    text = "Otto Brandt was arrested in Bergen on Monday for the killing of Ola Brekke."
    arrest = next(e for e in _run(nlp, text, [("Monday", "2031-03-10")]) if e.kind == "arrest")
    assert (arrest.date, arrest.participants) == ("2031-03-10", ("brandt",))


@pytest.mark.slow
def test_a_day_the_verb_took_place_in_is_still_its_day(nlp: Any) -> None:
    text = "Otto Brandt resigned at a March 11 hearing in Oslo."
    found = _run(nlp, text, [("March 11", "2031-03-11")])
    assert next(e for e in found if e.kind == "resignation").date == "2031-03-11"


@pytest.mark.slow
@pytest.mark.parametrize(("text", "status"), [
    ("I was not on the March 3 phone call between Otto Brandt and Anna Lindqvist.", "happened"),
    ("The March 3 phone call between Otto Brandt and Anna Lindqvist was not in line with "
     "Nordic interests.", "happened"),
    ("Otto Brandt did not attend the summit in Oslo on March 3.", "happened"),
    ("There was no shortage of voters in the elections in Norway on March 3.", "happened"),
    ("Deliveries of the Aurora jet to Skyline Air are not due until October.", "planned"),
    ("Talks between Otto Brandt and Anna Lindqvist were not held in Oslo on March 3.",
     "negated"),
    ("The summit in Oslo did not take place on March 3.", "negated"),
    ("Otto Brandt and Anna Lindqvist did not meet in Oslo on March 3.", "negated"),
])
def test_a_negation_denies_the_happening_only_where_it_bears_on_it(nlp: Any, text: str,
                                                                    status: str) -> None:
    found = _run(nlp, text, [("March 3", "2031-03-03")] if "March 3" in text else [])
    assert found and {e.status for e in found} == {status}


@pytest.mark.slow
def test_a_postponement_denied_is_no_denied_election(nlp: Any) -> None:
    found = _run(nlp, "The November election in Norway should not be postponed.", [])
    assert found and all(e.status != "negated" for e in found)


def _values(nlp: Any, text: str, published: str) -> list[str]:
    article = Article(id="a", source_id="a", source="a", text=text, published=published)
    return [t.value for t in timexes.find_timexes(nlp(text), article)]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "published", "value"), [
    # a past verb's weekday is the last one, a preposition of place no sign of the future
    ("Ola Brekke testified before the harbour committee Tuesday about the tender.",
     "2031-03-12", "2031-03-11"),
    # a day before the noun it dates is that happening's, not moved by the verb above it
    ("The envoy is likely to face questions about the minister's July 25 call.", "2031-11-19",
     "2031-07-25"),
    ("Ministers will meet before the summit on Friday.", "2031-03-12", "2031-03-14"),
    ("The envoy will face questions on July 25.", "2031-11-19", "2032-07-25"),
])
def test_a_day_without_year_or_week_takes_the_tense_of_its_own_happening(
        nlp: Any, text: str, published: str, value: str) -> None:
    assert dt.date.fromisoformat(published).weekday() == 2  # a Wednesday
    assert _values(nlp, text, published) == [value]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "launch"), [
    ("Ola Brekke and Otto Brandt pleaded not guilty in Oslo on Monday and were released on "
     "the condition that each post $100,000 bond.", False),
    ("Two hostages held by the Nordvik Front were released in Bergen on Monday.", False),
    ("Norway's release of a detained citizen on Monday surprised analysts.", False),
    ("Skyline Air released the Aurora 7 in Oslo on Monday.", True),
    ("Nordvik's release of the Aurora 7 in Oslo on Monday surprised analysts.", True),
])
def test_people_released_are_set_free_not_launched(nlp: Any, text: str, launch: bool) -> None:
    found = _run(nlp, text, [("Monday", "2031-03-10")])
    assert any(e.kind == "launch" for e in found) is launch


def test_a_verbs_title_takes_its_subject_only_from_reports_of_that_verb() -> None:
    # "A Tromso man pleaded guilty to threatening a senator" twice, and once "Senator
    # Lindqvist urged the court ...": her subject is another verb's, not the plea's.
    def plea(i: str, phrase: str, actor: str | None) -> EventMention:
        return EventMention(id=i, article="a1", trigger="pleaded", kind="plead", start=0,
                            end=80, date="2031-03-10", date_from="trigger",
                            participants=("brandt", "lindqvist"), phrase=phrase, actor=actor)
    pleas = [plea("p1", "pleaded guilty to threatening a senator", None),
             plea("p2", "pleaded guilty to threatening a senator", None),
             plea("p3", "urged the court to keep the hearing calm", "lindqvist")]
    mentions = [_m("a1", "Otto Brandt"), _m("a1", "Anna Lindqvist")]
    analyses = {"a1": _analysis("a1", mentions, pleas)}
    titles = [e.title for e in _merge([_article("a1")], analyses, [], [], {})]
    assert "Anna Lindqvist pleaded guilty to threatening a senator" not in titles
    assert "Pleaded guilty to threatening a senator" in titles


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger"), [
    ("Otto Brandt was arrested in Bergen on Monday for the killing of Ola Brekke.", "killing"),
    ("Ola Brekke was convicted on Monday of the murder of Otto Brandt.", "murder"),
    ("The campaign for the election in Tromso will be announced on Monday.", "election"),
])
def test_a_noun_another_verb_names_does_not_take_that_verbs_day(nlp: Any, text: str,
                                                                trigger: str) -> None:
    # the arrest, the conviction, the announcement are on Monday; the killing, the murder
    # and the election are other happenings the clause only names
    noun = next(e for e in _run(nlp, text, [("Monday", "2031-03-10")]) if e.trigger == trigger)
    assert (noun.date, noun.date_from) == (None, DateFrom.OTHER_HAPPENING.value)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger"), [
    ("A fire destroyed the Nordavia warehouse in Bergen on Tuesday.", "fire"),
    ("The Nordavia warehouse in Bergen was destroyed by a fire on Tuesday.", "fire"),
    ("Otto Brandt and Anna Lindqvist held talks in Oslo on Tuesday.", "talks"),
    ("Skyline Air defeated Nordavia for a fuel contract in Oslo on Tuesday.", "contract"),
])
def test_a_noun_the_verb_does_or_undergoes_keeps_the_verbs_day(nlp: Any, text: str,
                                                               trigger: str) -> None:
    noun = next(e for e in _run(nlp, text, [("Tuesday", "2031-03-11")]) if e.trigger == trigger)
    assert noun.date == "2031-03-11"


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "why"), [
    ("Nordavia has twice sued Skyline Air over the name.", "sued", DateFrom.REPEATED),
    ("Otto Brandt met Anna Lindqvist three times in Oslo.", "met", DateFrom.REPEATED),
    ("Several attacks on the port of Bergen were carried out by rebels.", "attacks",
     DateFrom.REPEATED),
    ("Nordavia has sued Skyline Air before.", "sued", DateFrom.EARLIER),
])
def test_a_repeated_or_earlier_happening_is_not_the_days_news(nlp: Any, text: str, trigger: str,
                                                              why: DateFrom) -> None:
    # each sentence is the article's lead: told as done, it would take the article's day
    found = next(e for e in _run(nlp, text, []) if e.trigger == trigger)
    assert (found.date, found.date_from) == (None, why.value)
    once = next(e for e in _run(nlp, "Nordavia sued Skyline Air in Oslo.", []))
    assert once.date == "2031-03-14"


def test_a_verbs_title_names_each_of_its_coordinated_subjects() -> None:
    # "Otto Brandt and Anna Lindqvist pleaded guilty ...": both did it, both are named
    assert _titles("brandt\tlindqvist") == [
        "Otto Brandt and Anna Lindqvist pleaded guilty to threatening a senator"]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "actor"), [
    ("Otto Brandt and Anna Lindqvist met in Oslo on Monday.", "brandt\tlindqvist"),
    ("Otto Brandt, Anna Lindqvist and Ola Brekke flew to Oslo on Monday.",
     "brandt\tlindqvist\tbrekke"),
    # an unnamed conjunct is nobody to name; the named one still did it
    ("Otto Brandt and a Tromso man were arrested in Bergen on Monday.", "brandt"),
    # an object is never the actor, coordinated or not
    ("Otto Brandt met Anna Lindqvist and Ola Brekke in Oslo on Monday.", "brandt"),
])
def test_coordinated_subjects_are_all_the_actor(nlp: Any, text: str, actor: str) -> None:
    verb = next(e for e in _run(nlp, text, [("Monday", "2031-03-10")]) if e.phrase)
    assert verb.actor == actor


@pytest.mark.slow
def test_a_happening_with_a_year_of_its_own_takes_no_other_mentions_day(nlp: Any) -> None:
    text = ("Nordavia launched the Aurora jet in Oslo on Monday. "
            "The first Aurora jet was launched by Nordavia in 2019.")
    first, second = _run(nlp, text, [("Monday", "2031-03-10"), ("2019", "2019")])
    assert first.date == "2031-03-10"
    assert (second.date, second.date_from) == (None, DateFrom.COARSE.value)
