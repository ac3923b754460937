"""Event titles that say who did what and participants that are someone (reader review
RDR5, F11 and F8): a subject that names no one as the page described it, a base form as
a headline's "to", no office word or time zone as a participant, no event of the
programme's own furniture. Made-up sentences (invented names and places), parsed by the
pipeline's model."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.events import find_event_mentions
from storyline.analyze.events.kinds import DESCRIBED_ACTOR, actor_keys, described_actor
from storyline.records import EventMention, Mention
from test_events import _analysis, _article, _m, _merge, _run, _timex

MONDAY = [("Monday", "2031-03-10")]


def _trigger(found: list[EventMention], start: str) -> EventMention:
    return next(e for e in found if e.trigger.startswith(start))


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "subject"), [
    ("Nearly 800 striking dock workers marched through central Bergen on Monday.",
     "marched", "Nearly 800 striking dock workers"),
    ("On Monday about forty angry trawler owners marched to the town hall in Bergen.",
     "marched", "about forty angry trawler owners"),
    ("Lindqvist Dairy sales soared 12% on Monday.", "soared", "Lindqvist Dairy sales"),
    # a relative clause on the subject is cut: the words up to its head noun
    ("An elderly Bergen fisherman who had gone out to check his nets was killed on Monday.",
     "killed", "An elderly Bergen fisherman"),
])
def test_a_subject_that_names_no_one_is_kept_as_the_page_described_it(
        nlp: Any, text: str, trigger: str, subject: str) -> None:
    mention = _trigger(_run(nlp, text, MONDAY), trigger)
    assert described_actor(mention.actor) == subject
    assert actor_keys(mention.actor) == ()  # no participant key


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "They marched through central Bergen on Monday.",  # who "they" are is not told here
    "Otto Brandt marched through central Bergen on Monday.",  # named: the actor key
])
def test_a_pronoun_or_a_name_is_no_described_subject(nlp: Any, text: str) -> None:
    assert described_actor(_trigger(_run(nlp, text, MONDAY), "marched").actor) is None


@pytest.mark.slow
def test_a_base_form_after_to_or_a_modal_is_a_headlines_future(nlp: Any) -> None:
    later = [("Monday", "2031-03-17")]  # after the article's day: still to come
    text = "Two rescue crews from Nordvik hoped to leave Tarn harbour on Monday."
    assert _trigger(_run(nlp, text, later), "leave").phrase == \
        "to leave Tarn harbour on Monday"
    text = "The council will vote on Monday on the harbour plan in Bergen."
    assert (_trigger(_run(nlp, text, later), "vote").phrase or "").startswith("to vote")


@pytest.mark.slow
def test_a_sentence_about_the_broadcast_itself_is_no_event(nlp: Any) -> None:
    for text in ("Before we close our programme tonight, a last trip around Nordvik and "
                 "its new quay.",
                 "Still ahead on the show this morning: a trip around Bergen and its fish market."):
        assert not [e for e in _run(nlp, text, []) if e.kind == "visit"], text
    text = "Otto Brandt made a trip around Bergen on Monday."
    assert [e for e in _run(nlp, text, MONDAY) if e.kind == "visit"]


@pytest.mark.slow
def test_gathering_evidence_is_no_meeting(nlp: Any) -> None:
    text = "By Monday, detectives in Tarn had gathered sufficient proof against Ola Vell."
    assert not [e for e in _run(nlp, text, MONDAY) if e.kind == "meeting"]
    text = "Hundreds of fishermen gathered in Bergen on Monday."
    assert [e for e in _run(nlp, text, MONDAY) if e.kind == "meeting"]


@pytest.mark.slow
def test_an_office_word_or_a_time_zone_is_no_participant(nlp: Any) -> None:
    text = ("Trade Minister Ola Vell met Anna Lindqvist in Bergen on Monday at 10:35 a.m. "
            "(0935 GMT), and Acme Chairman Per Holm met her too.")

    def at(phrase: str, label: str, key: str) -> Mention:
        start = text.index(phrase)
        return Mention("a1", start, start + len(phrase), phrase, label, key)

    mentions = [at("Trade Minister Ola Vell", "TITLED", "PERSON:ola vell"),
                at("Trade", "ORG", "ORG:trade"), at("Ola Vell", "PERSON", "PERSON:ola vell"),
                at("Anna Lindqvist", "PERSON", "PERSON:anna lindqvist"),
                at("Bergen", "GPE", "GPE:bergen"), at("GMT", "ORG", "ORG:gmt"),
                at("Acme Chairman Per Holm", "TITLED", "PERSON:per holm"),
                at("Acme", "ORG", "ORG:acme"), at("Per Holm", "PERSON", "PERSON:per holm")]
    found = find_event_mentions(nlp(text), _article(text), mentions,
                                [_timex(text, "Monday", "2031-03-10")])
    keys = {k for e in found for k in e.participants}
    assert "PERSON:ola vell" in keys
    assert not keys & {"ORG:trade", "ORG:gmt"}
    assert "ORG:acme" in keys  # a company named in a title is an organisation


def _title(actors: list[str | None], phrases: list[str], kinds: list[str] | None = None,
           ) -> str | None:
    kinds = kinds or ["march"] * len(phrases)
    mentions = [EventMention(id=f"v{i}", article="a1", trigger="marched", kind=k, start=i,
                             end=i + 1, date="2031-03-10", date_from="trigger",
                             participants=("weiss",), phrase=p, actor=a)
                for i, (a, p, k) in enumerate(zip(actors, phrases, kinds, strict=True))]
    analyses = {"a1": _analysis("a1", [_m("a1", "Karl Weiss")], mentions)}
    events = _merge([_article("a1")], analyses, [], [], {})
    return events[0].title if events else None


def test_a_verb_title_says_who_did_it_as_described_when_no_one_is_named() -> None:
    described = DESCRIBED_ACTOR + "nearly 800 dock workers"
    assert _title([described], ["marched through Bergen"]) == \
        "Nearly 800 dock workers marched through Bergen"
    # a named subject wins over a description
    assert _title(["weiss", described], ["marched through Bergen"] * 2) == \
        "Karl Weiss marched through Bergen"
    # no subject at all: the phrase alone
    assert _title([None], ["marched through Bergen"]) == "Marched through Bergen"
    # a "to" phrase is still a bare verb without its object
    assert _title([described], ["to march"]) is None


def test_a_verbs_kind_wins_a_tie_with_its_nouns() -> None:
    title = _title(["weiss", None], ["killed in his kitchen", "killing"], ["kill", "killing"])
    assert title == "Karl Weiss killed in his kitchen"
    title = _title([None, "weiss"], ["killing", "killed in his kitchen"], ["killing", "kill"])
    assert title == "Karl Weiss killed in his kitchen"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Fourteen skiers, including 3 Icelanders, were killed on Monday in an avalanche near Bergen.",
    "On Monday the two towns agreed a K380 million deal for the new quay.",
])
def test_a_count_of_people_or_an_amount_is_no_product(nlp: Any, text: str) -> None:
    things = {k for e in _run(nlp, text, MONDAY) for k in e.participants
              if k.startswith("thing:")}
    assert not things


@pytest.mark.slow
def test_a_model_number_is_still_a_product(nlp: Any) -> None:
    text = "Nordvik Air took delivery of its first Aurora A380 in Bergen on Monday."
    things = {k for e in _run(nlp, text, MONDAY) for k in e.participants
              if k.startswith("thing:")}
    assert things


@pytest.mark.slow
def test_a_verb_whose_object_is_denied_did_not_happen(nlp: Any) -> None:
    # "announced no new products": nothing was announced
    text = "Nordvik Mining announced no new jobs at its plant in Bergen on Monday."
    assert all(e.status == "negated" for e in _run(nlp, text, MONDAY)
               if e.kind == "announcement")
    text = "Nordvik Mining announced 300 new jobs at its plant in Bergen on Monday."
    assert any(e.status == "happened" for e in _run(nlp, text, MONDAY)
               if e.kind == "announcement")


@pytest.mark.slow
def test_it_in_what_a_company_said_of_itself_is_the_company(nlp: Any) -> None:
    text = "Nordvik Mining Corp. said it completed its purchase of Volvo Aero on Monday."
    mention = _trigger(_run(nlp, text, MONDAY), "completed")
    assert described_actor(mention.actor) == "Nordvik Mining Corp."
    assert actor_keys(mention.actor) == ()  # for the title only: no participant
    # another's words about something else: "it" is not the speaker
    text = "Otto Brandt said it completed its purchase of Volvo Aero on Monday."
    assert described_actor(_trigger(_run(nlp, text, MONDAY), "completed").actor) is None



def test_only_its_own_nouns_kind_loses_a_tie_to_a_verbs() -> None:
    from storyline.corpus.events import _most_told_kind
    assert _most_told_kind(["killing", "kill"]) == "kill"
    assert _most_told_kind(["shooting", "return"]) == "shooting"  # another family
    assert _most_told_kind(["killing", "killing", "kill"]) == "killing"  # told more often


@pytest.mark.slow
def test_a_denied_object_above_an_event_noun_denies_only_the_object(nlp: Any) -> None:
    # the police gave no details; the negotiations took place
    text = ("On Monday the coast guard offered no information on its talks with the "
            "hijackers who seized a Nordvik trawler.")
    assert all(e.status != "negated" for e in _run(nlp, text, MONDAY) if e.kind == "talks")


@pytest.mark.slow
@pytest.mark.parametrize(("text", "kind"), [
    ("Nordvik Air bought 12 Aurora jets in Bergen on Monday.", "purchase"),
    ("On Monday Tarn Airways purchased 7 wide-body Aurora airliners.", "purchase"),
    ("Tarn Airways agreed on Monday to purchase a dozen Aurora jets.", "purchase"),
    ("Tarn Airways bought four of the older turboprops on Monday.", "purchase"),
    ("Acme Corp. bought 5 million shares of Nordvik Mining on Monday.", "acquisition"),
    ("Acme Corp. acquired Nordvik Mining on Monday.", "acquisition"),
    ("Acme Corp. will buy 41.5% of Nordvik Mining on Monday.", "acquisition"),
    ("On Monday Acme Corp. purchased 60% of a Nordvik Mining subsidiary.", "acquisition"),
    ("Acme Corp. acquired the 22% it does not own of Nordvik Mining on Monday.", "acquisition"),
])
def test_buying_goods_is_a_purchase_not_an_acquisition(nlp: Any, text: str, kind: str) -> None:
    found = _run(nlp, text, MONDAY)
    assert kind in {e.kind for e in found}
    assert not {"purchase", "acquisition"} - {kind} & {e.kind for e in found}
