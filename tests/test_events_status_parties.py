"""An event's status and its participants as the text tells them (reader review RDR6, F6):
a status marker must govern the trigger, not a neighbouring clause; what is only compared
with, or named in a relative clause about another noun, took no part; a country that says
where a firm or a place is takes no part; one product is named once. Made-up sentences,
parsed by the pipeline's model."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.records import EventMention
from test_events import _run


def _trigger(found: list[EventMention], word: str) -> EventMention:
    return next(e for e in found if e.trigger == word)


@pytest.mark.slow
def test_a_to_clause_of_a_neighbouring_verb_does_not_plan_a_happening_before_it(
        nlp: Any) -> None:
    text = ("The ferry's Automatic Identification System was able to send its position "
            "to the coastguard prior to the crash.")
    assert _trigger(_run(nlp, text, []), "crash").status == "happened"


@pytest.mark.slow
def test_would_under_a_past_report_is_a_plan_not_a_possibility(nlp: Any) -> None:
    text = "Nordvik Motors announced that the Fjord X2 would be released in 2032."
    assert _trigger(_run(nlp, text, []), "released").status == "planned"
    text = "Nordvik Motors said the Fjord X2 would be released in 2032 if sales allow."
    assert _trigger(_run(nlp, text, []), "released").status == "hypothetical"
    # "would" governs "become", not the invasion further down: still a possibility
    text = 'Kavan said Slovakia would no longer become "the powerless victim of an invasion."'
    assert _trigger(_run(nlp, text, []), "invasion").status == "hypothetical"
    # the speaker's own quoted "would" is the speaker's mood, not a reported future
    text = ('"Every court in Norway would award custody to a surviving parent," said '
            'Ola Brekke, a professor.')
    assert _trigger(_run(nlp, text, []), "award").status == "hypothetical"


@pytest.mark.slow
def test_counted_new_orders_are_real(nlp: Any) -> None:
    text = ("On Saturday, Halden Aircraft announced 24 new orders from Baltic Skyways and "
            "Nordic Lease Partners of Norway.")
    order = _trigger(_run(nlp, text, [("Saturday", "2031-03-08")]), "orders")
    assert order.status == "happened"
    assert "GPE:norway" not in order.participants  # the lessor's seat, not a buyer


@pytest.mark.slow
def test_a_contracts_to_clause_tells_what_was_agreed_not_a_plan(nlp: Any) -> None:
    text = ("Skagen Shipyards has signed a contract with the Danish Navy to build four "
            "patrol boats.")
    assert _trigger(_run(nlp, text, []), "contract").status == "happened"


@pytest.mark.slow
def test_a_critic_or_a_speech_against_a_deal_is_no_party_to_it(nlp: Any) -> None:
    text = "Senator Maria Lund has been the deal's most vocal critic."
    assert not any("lund" in p for e in _run(nlp, text, []) if e.kind == "agreement"
                   for p in e.participants)
    text = ("Senator Maria Lund attacked the plan in a speech against the deal with Halden "
            "Aircraft to lease 40 tankers.")
    deals = [e for e in _run(nlp, text, []) if e.trigger == "deal"]
    assert all(not any("lund" in p for p in e.participants) for e in deals)


@pytest.mark.slow
def test_what_is_only_compared_with_takes_no_part(nlp: Any) -> None:
    text = "Halden Aircraft received more orders than Skyline Jets in 2030."
    order = _trigger(_run(nlp, text, []), "orders")
    assert not any("skyline" in p for p in order.participants)
    text = ("Baltic Skyways, which chose the Skyline S9 over the Halden H7, will also "
            "purchase 12 Halden H5 planes.")
    purchase = _trigger(_run(nlp, text, []), "purchase")
    assert not any("S9" in p or "H7" in p for p in purchase.participants)


@pytest.mark.slow
def test_a_relative_clause_on_the_occasion_keeps_who_took_part(nlp: Any) -> None:
    """'a summit that included X': X took part in the summit the trigger is told at."""
    text = ("The two ministers had convened on Monday in Oslo at a summit that included "
            "Chancellor Otto Brandt.")
    meeting = _trigger(_run(nlp, text, [("Monday", "2031-03-10")]), "convened")
    assert any("brandt" in p for p in meeting.participants)


@pytest.mark.slow
def test_a_country_after_a_place_is_the_place_not_a_participant(nlp: Any) -> None:
    text = "The prototype was flown to Bergen, Norway for a ceremony on Monday."
    flight = _trigger(_run(nlp, text, [("Monday", "2031-03-10")]), "flown")
    assert "GPE:norway" not in flight.participants


@pytest.mark.slow
def test_one_product_is_named_once(nlp: Any) -> None:
    """The maker's name and the model's, each a mention, are no third 'thing'; a count is
    not part of a product's name."""
    text = "Officials from Norway have agreed to purchase 60 Halden H7 Skyliner aircraft."
    purchase = _trigger(_run(nlp, text, []), "purchase")
    things = [p for p in purchase.participants if p.startswith("thing:")]
    assert things and not any(p.startswith("thing:60") for p in things)


@pytest.mark.slow
def test_examples_and_an_occasion_keep_their_participants(nlp: Any) -> None:
    """'groups like X' names examples, not a comparison; 'on a visit' is the visit's own
    occasion, not a stand taken on it."""
    text = "Older groups like the Nordic Resistance League are also opening new chapters."
    opening = _trigger(_run(nlp, text, []), "opening")
    assert any("league" in p for p in opening.participants)
    text = ("Chancellor Otto Brandt paid tribute on Tuesday to flood victims on a short "
            "visit to Tromso.")
    visit = _trigger(_run(nlp, text, [("Tuesday", "2031-03-11")]), "visit")
    assert any("brandt" in p for p in visit.participants)
