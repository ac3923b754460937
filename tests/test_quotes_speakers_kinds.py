"""Quotes: who can be a speaker (SPK, issue 17 trust). A place speaks only through a verb
of saying; a topic that is a clause's subject beside "him" is no antecedent of "he"; a
one-word name after "the" is a thing's; an outlet's column is a source; a possessive after
a name says that person's gender. Made-up sentences only."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import mentions as mentions_stage
from storyline.analyze import quotes
from storyline.records import Article, Mention, Quote


def _quotes(nlp: Any, text: str, extra: tuple[tuple[str, str, str], ...] = ()) -> list[Quote]:
    """The stage's mentions, plus ``extra`` (text, label, key) where the model may miss."""
    article = Article(id="k", source_id="k", source="k", text=text, published="2024-05-02")
    doc = nlp(text)
    found: list[Mention] = list(mentions_stage.find_mentions(doc, article))
    for words, label, key in extra:
        start = text.index(words)
        found = [m for m in found if not (m.start < start + len(words) and m.end > start)]
        found.append(Mention(article.id, start, start + len(words), words, label, key))
    return quotes.find_quotes(doc, article, sorted(found, key=lambda m: m.start), [])


def _find(found: list[Quote], words: str) -> Quote:
    hits = [q for q in found if words in q.text]
    assert hits, f"no quote with {words!r} in {[q.text for q in found]}"
    return hits[0]


@pytest.mark.slow
def test_a_place_that_expects_or_aims_is_no_speaker(nlp: Any) -> None:
    text = ("Oslo expects ferry operators to cut their emissions by half before 2030.\n\n"
            "Bergen said it would open two new charging piers next spring.")
    found = _quotes(nlp, text, (("Oslo", "GPE", "GPE:oslo"), ("Bergen", "GPE", "GPE:bergen")))
    assert _find(found, "ferry operators").speaker_name is None
    assert _find(found, "charging piers").speaker_name == "Bergen"


@pytest.mark.slow
def test_a_subject_beside_him_is_not_who_he_is(nlp: Any) -> None:
    # a clause whose object is "him" does not have "he" as its subject
    from storyline.analyze.quotes import speakers

    for text, pronoun, expected in (
            ("Two years ago Skattlov came as a heavy blow to him, he says.", "he", False),
            ("Two years ago Skattlov came as a heavy blow to her, he says.", "he", True),
            ("Two years ago Skattlov came as a heavy blow to her, she says.", "she", False)):
        doc = nlp(text)
        subject = next(t for t in doc if t.dep_ == "nsubj")
        assert subject.text == "Skattlov"
        assert speakers._can_be_antecedent(doc[subject.i:subject.i + 1], pronoun) is expected


@pytest.mark.slow
def test_a_one_word_name_after_the_is_no_persons_antecedent(nlp: Any) -> None:
    text = ("The singer Mira Sands played a benefit concert last year.\n\n"
            "Tourism director Anna Lind runs the visitor office.\n\n"
            "The Sands closed its beaches to visitors on March 2.\n\n"
            "“We have some reserves, but not for a whole season,” she said.")
    found = _quotes(nlp, text, (("Sands", "PERSON", "PERSON:mira sands"),))
    assert "Sands" not in (_find(found, "some reserves").speaker_name or "")


@pytest.mark.slow
def test_an_outlets_column_is_a_source_not_a_speaker(nlp: Any) -> None:
    text = ("The mayor made more than 300 false claims last year, according to The Daily "
            "Ledger's Fact Finder.")
    found = _quotes(nlp, text, (("Fact Finder", "PERSON", "PERSON:fact finder"),))
    assert all(q.speaker_name != "Fact Finder" for q in found)


@pytest.mark.slow
def test_a_possessive_after_a_name_marks_that_persons_gender(nlp: Any) -> None:
    # the text says Tor Berg is a man ("his death"); "she" is never him
    text = ("Tor Berg wrote “I will finish it,” in a letter to the press.\n\n"
            "When the deal was signed, I thought of Eli Moen. Lacking the rights to Tor "
            "Berg's books, still grieving over his death, how would she feel?\n\n"
            "“It is such good news,” she replied in an email.")
    found = _quotes(nlp, text)
    assert _find(found, "such good news").speaker_name != "Tor Berg"


def test_a_place_speaks_only_through_a_verb_of_saying() -> None:
    from storyline.analyze.quotes import PLACE_LABELS, SOURCE_WORDS

    assert "GPE" in PLACE_LABELS and "according" in SOURCE_WORDS


def test_a_relative_clause_after_a_determiner_and_a_noun_reports_nothing() -> None:
    # "..., the claim Okafor rejected": the parser may read "the claim" as part of the
    # subject's name; any determiner and a common noun before the name make it a relative
    # clause's noun; a noun for a person there is a title ("the spokesman Jo Lee said")
    from storyline.analyze.quotes import parse
    from test_quotes import _parsed

    for det, noun, relative in (("the", "claim", True), ("this", "rumour", True),
                                ("a", "prospect", True), ("the", "spokesman", False)):
        doc = _parsed([
            ("Brandt", "PROPN", "NNP", "nsubj", 1, "Brandt"),
            ("repeated", "VERB", "VBD", "ccomp", 7, "repeat"),
            ("concerns", "NOUN", "NNS", "dobj", 1, "concern"), (",", "PUNCT", ",", "punct", 7, ","),
            (det, "DET", "DT", "det", 6, det), (noun, "NOUN", "NN", "compound", 6, noun),
            ("Okafor", "PROPN", "NNP", "nsubj", 7, "Okafor"),
            ("denied", "VERB", "VBD", "ROOT", 7, "deny"), (".", "PUNCT", ".", "punct", 7, ".")])
        assert parse._object_of_relative(doc[6]) is relative, (det, noun)
    # a lower-case head the tagger calls a proper noun is no name: "the meteorology
    # department said" reports the clause before
    doc = _parsed([
        ("Rain", "NOUN", "NN", "nsubj", 1, "rain"), ("fell", "VERB", "VBD", "ccomp", 6, "fall"),
        (",", "PUNCT", ",", "punct", 6, ","), ("the", "DET", "DT", "det", 5, "the"),
        ("weather", "NOUN", "NN", "compound", 5, "weather"),
        ("department", "PROPN", "NNP", "nsubj", 6, "department"),
        ("said", "VERB", "VBD", "ROOT", 6, "say"), (".", "PUNCT", ".", "punct", 6, ".")])
    assert not parse._object_of_relative(doc[5])


@pytest.mark.slow
def test_a_quotations_own_attribution_naming_the_cues_person_keeps_the_cue(
        nlp: Any) -> None:
    # the paragraph before's "he said" is Lund's; the quotation's own words after it name
    # Lund again (the parse did not read them as a cue): one speaker, not a lost one
    text = ("Const. Siv Lund leads the inquiry.\n\n"
            "Police were called at once, he said.\n\n"
            "“We found nobody else in the building,” Const. Lund said.")
    found = _quotes(nlp, text)
    assert _find(found, "nobody else").speaker_name in ("Siv Lund", "Lund")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["Siddharth Kumar", "Ngozi Okafor", "Jane Roe"])
def test_a_named_reporter_of_an_outlet_stays_a_person(nlp: Any, name: str) -> None:
    # a column is a name of common words only; no given-name list decides who is a person
    text = ("The harbour board missed its own targets twice last year, according to The "
            f"Coastal Ledger's {name}.")
    found = _quotes(nlp, text, ((name, "PERSON", "PERSON:" + name.lower()),))
    assert _find(found, "missed its own targets").speaker_name == name


@pytest.mark.slow
def test_a_title_before_a_name_that_says_something_is_no_relative_clause(nlp: Any) -> None:
    # "a prospect Vindman denied" lacks its object; "said" here has its own clause
    text = "The singer Marek Holm said he would tour the northern ports next summer."
    found = _quotes(nlp, text, (("Marek Holm", "PERSON", "PERSON:marek holm"),))
    assert _find(found, "tour the northern ports").speaker_name == "Marek Holm"
