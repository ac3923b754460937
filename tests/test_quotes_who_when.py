"""Quotes: who said it, and when (QSP2, issue 17 trust, RDR4 F1, F11). A time on the
occasion a cue's preposition names dates the speech; a sentence that names a day is never
said to have none; "he" is never a place the model once took for a person; the names in a
quoted paragraph, a relative clause's subject and a name qualifying another noun are no
antecedent or speaker; a "to"-clause under an object is the object's act; a copula's
complement is no one's statement. Made-up sentences only."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import mentions as mentions_stage
from storyline.analyze import quotes
from storyline.analyze.quotes.dates import STATED, SaidOnFrom
from storyline.analyze.quotes.speakers import SpeakerIndex, quoted_paragraphs
from storyline.records import Article, Mention, Quote

# A lead of six sentences: a statement after it is not dated by the lead's rule.
LEAD = ("The harbour ferry has been idle since January. The crew went home. The owners "
        "sold two boats. The town council met twice. Fishermen waited. Tourists stayed "
        "away. ")


def _article(text: str) -> Article:
    return Article(id="w", source_id="w", source="w", text=text, published="2031-03-06")


def _quotes(nlp: Any, text: str) -> list[Quote]:
    doc = nlp(text)
    found = list(mentions_stage.find_mentions(doc, _article(text)))
    timexes = quotes.dates.fallback_timexes(_article(text))
    return quotes.find_quotes(doc, _article(text), found, timexes)


def _find(found: list[Quote], words: str) -> Quote | None:
    return next((q for q in found if words in q.text), None)


@pytest.mark.slow
def test_a_day_on_the_occasion_of_the_cue_dates_the_statement(nlp: Any) -> None:
    text = ("The harbour ferry has been idle since January. Harbour director Liv Andersen "
            "said in a statement Tuesday that the ferry would sail again in May.")
    q = _find(_quotes(nlp, text), "would sail again")
    assert q is not None and q.said_on == "2031-03-04" and q.said_on_from in STATED


@pytest.mark.slow
def test_a_day_inside_what_was_said_is_not_its_day_and_the_reason_says_so(nlp: Any) -> None:
    text = (LEAD + "Harbour director Liv Andersen said that the vote on Monday had been "
            "void.")
    q = _find(_quotes(nlp, text), "had been void")
    assert q is not None and q.said_on is None
    assert q.said_on_from == SaidOnFrom.NOT_ITS_DAY


def test_he_is_never_a_country_the_model_once_took_for_a_person() -> None:
    text = "Gabon protested. Gabon said it. Tromsgard met Gabon. He said no. Lohan left."
    article = _article(text)
    found = [Mention("w", 0, 5, "Gabon", "GPE", "GPE:gabon"),
             Mention("w", 17, 22, "Gabon", "PERSON", "PERSON:gabon"),
             Mention("w", 32, 41, "Tromsgard", "PERSON", "PERSON:tromsgard"),
             Mention("w", 46, 51, "Gabon", "GPE", "GPE:gabon"),
             Mention("w", 65, 70, "Lohan", "GPE", "GPE:lohan")]
    index = SpeakerIndex(found, article)
    assert not index.fits("PERSON:gabon", "he")
    assert index.fits("PERSON:gabon", "they") and index.fits("PERSON:tromsgard", "he")
    # a surname the model labelled a place is no country: still someone
    index = SpeakerIndex([*found[2:], Mention("w", 65, 70, "Lohan", "PERSON", "PERSON:lohan")],
                         article)
    assert index.fits("PERSON:lohan", "she")


def test_a_paragraph_opening_on_a_quotation_mark_is_quoted_to_its_close() -> None:
    text = ("He replied: 'Have we?'\n\n'We've got enough points. Rich, are you sure?' "
            "Lund said.\n\n“It goes on\n\nNo mark here.")
    spans = [text[a:b] for a, b in quoted_paragraphs(text)]
    assert spans == ["We've got enough points. Rich, are you sure?", "It goes on"]


@pytest.mark.slow
def test_a_relative_clauses_subject_is_no_antecedent(nlp: Any) -> None:
    text = ("Rep. Jonas Lindqvist of Maine, a Democrat whose district Bertil Haugen won "
            "in 2016, voiced frustration over the delay. He said that the voters would be "
            "astounded by the delay.")
    q = _find(_quotes(nlp, text), "astounded")
    assert q is not None and q.speaker_name == "Jonas Lindqvist"


@pytest.mark.slow
def test_a_name_that_qualifies_another_noun_is_not_the_speaker(nlp: Any) -> None:
    text = ("President Bertil Haugen flew to Oslo on Monday. Other Haugen administration "
            "officials said that the talks would resume in April.")
    q = _find(_quotes(nlp, text), "talks would resume")
    assert q is not None and q.speaker_name is None


@pytest.mark.slow
def test_a_to_clause_under_an_object_is_the_objects_act(nlp: Any) -> None:
    text = ("Union leaders kept up their pressure on Speaker Liv Andersen all week. The "
            "crisis prompted Andersen to announce that the chamber would stay in session.")
    q = _find(_quotes(nlp, text), "stay in session")
    assert q is not None and q.speaker_name == "Liv Andersen"


@pytest.mark.slow
def test_a_copulas_complement_is_no_statement(nlp: Any) -> None:
    text = ("The quota talks ended on Monday. It is important to note that the cod quota "
            "will fall by a fifth next year.")
    assert _find(_quotes(nlp, text), "quota will fall") is None


def test_guillemets_turned_round_pair_the_way_the_paragraph_sets_them() -> None:
    text = ("Le juge a tranché. »Nous verrons la vidéo demain«, a-t-il dit. En revanche, "
            "le procureur a parlé. »Elle est importante«, a-t-il ajouté.\n"
            "Il a dit « nous partons » hier.")
    spans = [text[s.start:s.end] for s in quotes.marks.find_spans(text)]
    assert spans == ["Nous verrons la vidéo demain", "Elle est importante", "nous partons"]


@pytest.mark.slow
def test_a_subjects_own_clause_and_its_predicate_are_one_reported_clause(nlp: Any) -> None:
    # the parse hangs "calls dropped on the Nordfone 4" and "was slightly greater ..." on
    # the cue as two clauses: the claim is both, never the subject alone
    text = (LEAD + "However, Lindqvist admitted that the percentage of calls dropped on the "
            "Nordfone 4 was slightly greater than the percentage of calls dropped on the "
            "Nordfone 3.")
    q = _find(_quotes(nlp, text), "percentage of calls")
    assert q is not None and "was slightly greater" in q.text


@pytest.mark.slow
def test_a_bare_surname_is_the_full_name_closing_a_longer_title(nlp: Any) -> None:
    # the model read the title and the name as one organisation's name: "Day said" later
    # is that person, and "he" after it too
    text = ("Harbour County Executive Ed Day closed the ferry pier on Monday. Day said the "
            "pier would stay closed for a week. He said the repairs would cost a million.")
    doc = nlp(text)
    end = text.index(" closed")
    found = [Mention("w", 0, end, text[:end], "ORG", "ORG:harbour county executive ed day")]
    said = quotes.find_quotes(doc, _article(text), found, [])
    for words in ("stay closed", "would cost"):
        q = _find(said, words)
        assert q is not None and q.speaker_name == "Ed Day"
