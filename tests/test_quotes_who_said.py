"""Quotes and mentions: who said it, and whether it was said (FXQ, issue 17 trust, RDR3 F2,
F3, F8). A plural description is no one person; a name inside the speaker phrase's
prepositional phrase says whose the speaker is; a refused or negated cue states nothing; a
fronted cue ("Replied X, '...'") names its speaker; a headline line is no statement; a
royal title's word is a given name; a role goes to the main subject only where the article
gives it some office; a company's name the model read as a surname is the company; a
name the model cut at an ampersand is one name. Made-up sentences only."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import mentions as mentions_stage
from storyline.analyze import quotes
from storyline.records import Article, Mention, Quote


def _article(text: str) -> Article:
    return Article(id="w", source_id="w", source="w", text=text, published="2031-03-04")


def _mentions(nlp: Any, text: str) -> tuple[Any, list[Mention]]:
    doc = nlp(text)
    return doc, list(mentions_stage.find_mentions(doc, _article(text)))


def _quotes(nlp: Any, text: str) -> list[Quote]:
    doc, found = _mentions(nlp, text)
    return quotes.find_quotes(doc, _article(text), found, [])


def _find(found: list[Quote], words: str) -> Quote | None:
    return next((q for q in found if words in q.text), None)


@pytest.mark.slow
def test_a_plural_description_is_no_one_named_person(nlp: Any) -> None:
    text = ("Of the seven directors, Tormod Vestby alone voted for the ferry company's sale. "
            "The directors said the offer was too low. The directors added that they "
            "would keep looking for other bidders.")
    found = _quotes(nlp, text)
    for words in ("offer was too low", "other bidders"):
        q = _find(found, words)
        assert q is not None and q.speaker_name is None


@pytest.mark.slow
def test_a_name_in_the_speaker_phrases_of_phrase_is_not_the_speaker(nlp: Any) -> None:
    text = ("Halvard Moen was arrested in March. A cousin of Halvard Moen said on Friday "
            "that the family had not heard from him for a year.")
    q = _find(_quotes(nlp, text), "had not heard")
    assert q is not None and q.speaker_name is None


@pytest.mark.slow
def test_a_refused_or_denied_cue_states_nothing(nlp: Any) -> None:
    text = ("Fisheries minister Anders Kvale met the trawler owners in Bodø on Monday. "
            "Kvale declined to predict when the new quotas would be set. "
            "He refused to say whether the northern zone would be closed.")
    found = _quotes(nlp, text)
    assert _find(found, "quotas would be set") is None
    assert _find(found, "northern zone") is None


@pytest.mark.slow
def test_a_fronted_cue_names_the_speaker_after_it(nlp: Any) -> None:
    text = ("The harbour board said the pier would stay shut until May.\n\n"
            "Replied port spokeswoman Ingrid Solheim, \"We have not seen the report yet "
            "and will not comment on it before we have.\"")
    q = _find(_quotes(nlp, text), "We have not seen the report")
    assert q is not None and q.speaker_name == "Ingrid Solheim"
    assert q.cue == "Replied"


@pytest.mark.slow
def test_a_headline_line_is_no_statement(nlp: Any) -> None:
    text = ("Oslo Port Says Ferry Routes Close Early For Winter Repairs\n"
            "Port director Erlend Haug said on Monday that two ferry routes would close "
            "early this year.")
    found = _quotes(nlp, text)
    assert _find(found, "Routes Close Early") is None
    q = _find(found, "two ferry routes would close")
    assert q is not None and q.speaker_name == "Erlend Haug"


@pytest.mark.slow
def test_after_a_royal_title_a_word_is_a_given_name(nlp: Any) -> None:
    text = ("Omar Hassan met envoys in Cairo. Omar Hassan said the border would reopen. "
            "King Hassan of Jordan said on Friday that his ports would stay open.")
    _, found = _mentions(nlp, text)
    king = next(m for m in found if m.text == "Hassan" and m.start > text.index("King"))
    assert king.key != "PERSON:omar hassan"


@pytest.mark.slow
def test_a_role_goes_to_the_main_subject_only_where_it_holds_an_office(nlp: Any) -> None:
    # the article is about a child it names three times; "the Kelvarian leader" is not him
    text = ("Tomas Berg, a seven-year-old boy, was found in a boat off the coast. Tomas "
            "Berg was taken to a hospital. Relatives said Tomas Berg was well. The "
            "Kelvarian leader said the boy should go home.")
    _, found = _mentions(nlp, text)
    roles = [m for m in found if m.label == "ROLE" and "leader" in m.text]
    assert roles and all(m.key != "PERSON:tomas berg" for m in roles)


@pytest.mark.slow
def test_a_hyphenated_surname_joins_its_full_name(nlp: Any) -> None:
    text = ("Margit Lund-Haugen, 31, was charged on Monday. Lund-Haugen said she had "
            "done nothing wrong. She said she would appeal.")
    _, found = _mentions(nlp, text)
    short = [m for m in found if m.text == "Lund-Haugen"]
    assert short and all(m.key == "PERSON:margit lund haugen" for m in short)


@pytest.mark.slow
def test_a_companys_short_name_is_the_company_not_he(nlp: Any) -> None:
    # the model reads a company's short name as a surname now and then: set so here
    from spacy.tokens import Span

    from storyline.analyze.model import entities_changed

    text = ("Kessler Instruments Corp. posted a loss for the quarter. Kessler said sales "
            "fell as customers delayed orders. Its chairman, Olav Tveit, spoke to analysts. "
            "\"We will grow again,\" he said.")
    doc = nlp(text)
    short = next(t.i for t in doc if t.text == "Kessler" and t.idx > 0)
    doc.ents = [Span(doc, e.start, e.end, label=e.label_) for e in doc.ents
                if not e.start <= short < e.end] + [Span(doc, short, short + 1, label="PERSON")]
    entities_changed(doc)
    found = list(mentions_stage.find_mentions(doc, _article(text)))
    assert [m.key for m in found if m.text == "Kessler"] == ["ORG:kessler"]
    q = _find(quotes.find_quotes(doc, _article(text), found, []), "We will grow again")
    assert q is not None and q.speaker_name == "Olav Tveit"


@pytest.mark.slow
def test_a_name_cut_at_an_ampersand_stays_whole(nlp: Any) -> None:
    # "&amp;" that lost its "&" on the way: the model cuts the name there (set so here)
    from spacy.tokens import Span

    from storyline.analyze.model import entities_changed

    text = ("Harbour Savings amp Loan Association, hit by new accounting rules, announced "
            "a loss for the third quarter of $12 million.")
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 3, 5, label="ORG")]
    entities_changed(doc)
    found = list(mentions_stage.find_mentions(doc, _article(text)))
    q = _find(quotes.find_quotes(doc, _article(text), found, []), "a loss for the third")
    assert q is not None and q.speaker_name == "Harbour Savings amp Loan Association"


@pytest.mark.slow
def test_a_pronoun_after_an_unnamed_spokeswoman_is_hers_not_a_man_named_before(
        nlp: Any) -> None:
    text = ("Analyst Harald Moe said the chip flaw was minor.\n\n"
            "Nordtek began shipping the card in May. A Nordtek spokeswoman said the "
            "company had told customers on Monday. \"We do not see this as a big problem "
            "for us,\" she said.")
    q = _find(_quotes(nlp, text), "big problem")
    assert q is not None and q.speaker_name is None


@pytest.mark.slow
def test_a_name_closing_a_description_between_commas_is_the_speaker(nlp: Any) -> None:
    text = ("The head of the police inquiry in Santa Cruz, Kari Nordby, said the unit had "
            "questioned forty people. \"Our evidence is thin,\" she said.")
    found = _quotes(nlp, text)
    q = _find(found, "questioned forty people")
    assert q is not None and q.speaker_name == "Kari Nordby"
