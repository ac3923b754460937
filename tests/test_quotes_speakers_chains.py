"""Speakers: a pronoun follows its chain of sentences back to an unlabelled surname; a name
the parse split off its clause after an abbreviated title is its clause's subject; a name
set beside "newspaper" is an outlet; a bank's short name is no person (SPK, RDR5 F4).
Made-up sentences (invented names and places)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from storyline.analyze import mentions as mentions_stage
from storyline.analyze import quotes
from storyline.analyze.quotes import speakers
from storyline.records import Article, Mention, Quote


def _article(text: str) -> Article:
    return Article(id="s", source_id="s", source="s", text=text, published="2024-05-02")


def _quotes(nlp: Any, text: str, drop: str = "") -> tuple[list[Quote], list[Mention]]:
    """``drop``: a mention text left out, as if the model had labelled nothing there."""
    article = _article(text)
    doc = nlp(text)
    found = [m for m in mentions_stage.find_mentions(doc, article)
             if not drop or m.text != drop]
    return quotes.find_quotes(doc, article, found, []), found


def _find(found: list[Quote], words: str) -> Quote:
    hits = [q for q in found if words in q.text]
    assert hits, f"no quote with {words!r} in {[q.text for q in found]}"
    return hits[0]


@pytest.mark.slow
def test_a_pronoun_chain_leads_back_to_an_unlabelled_surname(nlp: Any) -> None:
    text = ("Tomas Berg and his sister Liv agreed to an interview. “We were close,” Liv "
            "added.\n\nIt took a week to get Rachel Lindgren on the line. "
            "Lindgren was reluctant to discuss the flood. She had kept the lighthouse on "
            "Tarn for thirty years. The lighthouse was the only home she knew. A quarrel "
            "over her pension in 2019 left her “tired of it all,” she said.")
    found, _ = _quotes(nlp, text, drop="Lindgren")
    assert _find(found, "tired of it all").speaker_name == "Rachel Lindgren"


@pytest.mark.slow
def test_a_name_split_off_after_an_abbreviated_title_is_the_next_shes(nlp: Any) -> None:
    text = ("Governor Kim Lund, who was abroad at a summit, made plans to fly home.\n\n"
            "A driver who saw the crash called the Harbourton police station to report "
            "it, said police Sgt. Maren Kvist.\n\n"
            "“Our units responded and found two people hurt,” she said.")
    found, _ = _quotes(nlp, text)
    assert _find(found, "Our units responded").speaker_name == "Maren Kvist"


@pytest.mark.slow
def test_a_name_beside_newspaper_is_a_source_not_a_speaker(nlp: Any) -> None:
    text = ("The island ferry will sail twice a week from May, said Kystbladet, or Coast "
            "Post, a newspaper that the fishermen's union prints in Tarn.\n\n")
    found, _ = _quotes(nlp, text)
    assert not [q for q in found if q.speaker_name == "Kystbladet"]


@pytest.mark.slow
def test_a_banks_short_name_is_the_bank_not_a_person(nlp: Any) -> None:
    text = ("Harbourton Savings Bank said its plan to sell its branches fell through.\n\n"
            "Harbourton still hopes to find a buyer. Harbourton warned on Friday that "
            "the year would end in a loss.")
    _, found = _quotes(nlp, text)
    short = [m for m in found if m.text == "Harbourton"]
    assert short and all(m.label == "ORG" for m in short)


@pytest.mark.slow
def test_a_pronoun_inside_a_quotation_names_no_one_the_article_quotes(nlp: Any) -> None:
    text = ("The letters came out in the inquiry.\n\n: Harbour Secretary Karl Dahl: “Stop "
            "there, please.\n\nShe concedes that the divers had no licence!\n\nKarl.”\n\n")
    found, _ = _quotes(nlp, text)
    admitted = _find(found, "divers had no licence")
    assert admitted.speaker_key is None and admitted.speaker_name is None


@pytest.mark.slow
def test_they_after_another_organisation_is_no_earlier_speakers(nlp: Any) -> None:
    text = ("Vell Motors said the engine had been repaired. Vell Motors said the tests "
            "were over.\n\n"
            "Tarn is still the opening stop of the tour, where Nordvik Air will exhibit the "
            "plane they intend to put into service in June.")
    found, _ = _quotes(nlp, text)
    # an intention is no statement at all now (tests/test_quotes_denied.py); if one is
    # found, it is never the earlier speaker's
    assert all(q.speaker_name != "Vell Motors" for q in found if "service in June" in q.text)


@pytest.mark.slow
def test_a_curly_quotation_closed_by_a_straight_mark_is_closed(nlp: Any) -> None:
    text = ("Karl Dahl was arrested in April over a phone call to the harbour office.\n\n"
            "On the phone, he said, “the place should be set alight,\" the office said.\n\n"
            "A clerk on duty that day remembered that he said, \"I will set it on fire,\" "
            "the office said.")
    found, _ = _quotes(nlp, text)
    assert _find(found, "I will set it on fire").speaker_name == "Karl Dahl"


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_a_name_the_parse_made_its_sentences_head_is_its_subject() -> None:
    # "Jo Lee, who works at a bakery, described how looters came.": the parse lost
    # the main verb and hung the sentence on the name
    words = ["Jo", "Lee", ",", "who", "works", "at", "a", "bakery", ",", "described",
             "how", "looters", "came", "."]
    heads = [1, 1, 1, 4, 1, 4, 7, 5, 1, 4, 12, 12, 9, 1]
    deps = ["compound", "ROOT", "punct", "nsubj", "relcl", "prep", "det", "pobj", "punct",
            "conj", "advmod", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "PRON", "VERB", "ADP", "DET", "NOUN", "PUNCT", "VERB",
           "SCONJ", "NOUN", "VERB", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    assert speakers._is_subject(doc[1], frozenset())
    # a byline: the name alone, no verb to head
    byline = _parsed(["Jo", "Lee"], [1, 1], ["compound", "ROOT"], ["PROPN", "PROPN"])
    assert not speakers._is_subject(byline[1], frozenset())
