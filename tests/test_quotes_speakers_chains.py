"""Speakers: a pronoun follows its chain of sentences back to an unlabelled surname; a name
the parse split off its clause after an abbreviated title is its clause's subject; a name
set beside "newspaper" is an outlet; a bank's short name is no person (SPK, RDR5 F4).
Made-up sentences only."""

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
            "added.\n\nAfter a few tries, I eventually reached Rachel Lindgren by phone. "
            "Lindgren still found it difficult to talk about the fire. She had run the "
            "shelter since 1988. The shelter was the first job she ever held. But in the "
            "2000s, a lawsuit unrelated to her work left her “worn out,” she said.")
    found, _ = _quotes(nlp, text, drop="Lindgren")
    assert _find(found, "worn out").speaker_name == "Rachel Lindgren"


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
    text = ("Officials moved the prisoner to the airport, said Sauti, or Voice, a Swahili "
            "newspaper owned by the ruling party.\n\n")
    found, _ = _quotes(nlp, text)
    assert not [q for q in found if q.speaker_name == "Sauti"]


@pytest.mark.slow
def test_a_banks_short_name_is_the_bank_not_a_person(nlp: Any) -> None:
    text = ("Harbourton Savings Bank said its plan to sell its branches fell through.\n\n"
            "Harbourton said it is continuing to try to sell itself. Harbourton also "
            "expects to post a loss.")
    _, found = _quotes(nlp, text)
    short = [m for m in found if m.text == "Harbourton"]
    assert short and all(m.label == "ORG" for m in short)


@pytest.mark.slow
def test_a_pronoun_inside_a_quotation_names_no_one_the_article_quotes(nlp: Any) -> None:
    text = ("The emails were released on Monday.\n\n: Harbour Secretary Karl Dahl: “No, sir, "
            "save it.\n\nHe admits that they were not qualified!\n\nKarl.”\n\n")
    found, _ = _quotes(nlp, text)
    admitted = _find(found, "they were not qualified")
    assert admitted.speaker_key is None and admitted.speaker_name is None


@pytest.mark.slow
def test_they_after_another_organisation_is_no_earlier_speakers(nlp: Any) -> None:
    text = ("Siemens said the tour would go on. Siemens said the engine was fixed.\n\n"
            "Harbourton will remain the first stop, where Harbourton Airlines will display "
            "the jet they intend to fly in November.")
    found, _ = _quotes(nlp, text)
    # an intention is no statement at all now (tests/test_quotes_denied.py); if one is
    # found, it is never the earlier speaker's
    assert all(q.speaker_name != "Siemens" for q in found if "to fly in November" in q.text)


@pytest.mark.slow
def test_a_curly_quotation_closed_by_a_straight_mark_is_closed(nlp: Any) -> None:
    text = ("Karl Dahl was arrested in April for a call to the harbour office.\n\n"
            "During the call, he said, “somebody ought to burn it down,\" the office said.\n\n"
            "The clerk who took the call recalled that he said, \"I will burn it down,\" "
            "the office said.")
    found, _ = _quotes(nlp, text)
    assert _find(found, "I will burn it down").speaker_name == "Karl Dahl"


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
