"""Statements never join two parties: a described speaker that names another party is not
an unknown one (RDR5 F3)."""

from __future__ import annotations

from dataclasses import replace

from storyline.corpus.statements import _group_party, group_statements
from storyline.records import Article, Quote, Story
from wordvectors import WordsEncoder

ARTICLES = [Article(id=a, source_id=a, source=a, text="", outlet=o)
            for a, o in (("a1", "Ledger"), ("a2", "Courier"), ("a3", "Gazette"))]
STORY = Story(id="s1", title="Ferry dispute", articles=("a1", "a2", "a3"))


def _quote(qid: str, article: str, text: str, *, speaker: str | None = None,
           name: str | None = None, mention: str | None = None) -> Quote:
    return Quote(id=qid, article=article, text=text, kind="indirect", start=0,
                 end=len(text), sent_start=0, sent_end=len(text), speaker=speaker,
                 speaker_name=name, speaker_mention=mention or name)


def _groups(quotes: list[Quote]) -> set[frozenset[str]]:
    found = group_statements(quotes, ARTICLES, [], [STORY], WordsEncoder())
    return {frozenset(s.quotes) for s in found}


def test_the_party_of_a_group_is_its_capitalised_words_after_the_first() -> None:
    assert _group_party("6 of 10 Norwegians") == ("norwegians",)
    assert _group_party("officials of the Harbour Pilots Association") == (
        "harbour", "pilots", "association")
    assert _group_party("FHA officials") == ("fha",)
    assert _group_party("the boy's Oslo relatives") == ("oslo",)
    assert _group_party("Lawyers for the family") == ()
    assert _group_party("the head of a Bergen group that speaks for Pilots") == ()
    assert _group_party("Government officials") == ()
    # One person, or one body, described: it could be anyone's.
    assert _group_party("The Norwegian minister") == ()
    assert _group_party("the Danish government") == ()
    assert _group_party("he") == ()


def test_a_named_speaker_and_a_description_of_another_party_stay_apart() -> None:
    text = "the ferry line will keep the winter timetable for the northern islands"
    quotes = [_quote("q1", "a1", text, speaker="E-vik", name="Tomas Vik",
                     mention="ferry spokesman Tomas Vik"),
              _quote("q2", "a2", "the ferry line will keep its winter timetable for northern "
                     "routes", mention="the Danish ministers")]
    assert _groups(quotes) == {frozenset({"q1"}), frozenset({"q2"})}


def test_a_description_of_the_named_speakers_own_party_joins() -> None:
    quotes = [_quote("q1", "a1", "the pilots will strike on Monday unless fees are cut",
                     speaker="E-ali", name="Sara Ali",
                     mention="Sara Ali of the Harbour Pilots Association"),
              _quote("q2", "a2", "pilots will strike Monday unless the fees are cut",
                     mention="officials of the Harbour Pilots Association"),
              _quote("q3", "a3", "the pilots will strike on Monday unless harbour fees are cut",
                     mention="HPA officials")]
    assert _groups(quotes) == {frozenset({"q1", "q2", "q3"})}


def test_a_description_without_a_party_still_agrees_with_anyone() -> None:
    quotes = [_quote("q1", "a1", "the pilots will strike on Monday unless fees are cut",
                     speaker="E-ali", name="Sara Ali"),
              _quote("q2", "a2", "pilots will strike Monday unless the fees are cut",
                     mention="the union")]
    assert _groups(quotes) == {frozenset({"q1", "q2"})}


def test_two_descriptions_may_be_one_group() -> None:
    quotes = [_quote("q1", "a1", "they could give the boy a better life on the mainland",
                     mention="the boy's Oslo relatives"),
              _quote("q2", "a2", "they can give the boy a better life on the mainland",
                     mention="The Bergen family")]
    assert _groups(quotes) == {frozenset({"q1", "q2"})}


def test_an_unknown_speaker_does_not_chain_a_name_to_another_party() -> None:
    # q2 agrees with each of the others; q1 and q3 name different parties.
    quotes = [_quote("q1", "a1", "the ferry line keeps its winter timetable", speaker="E-vik",
                     name="Tomas Vik"),
              _quote("q2", "a2", "the ferry line will keep the winter timetable, he said"),
              _quote("q3", "a3", "ferry line to keep winter timetable",
                     mention="the Danish ministers")]
    groups = _groups(quotes)
    assert frozenset({"q1", "q2", "q3"}) not in groups


def test_a_statement_is_never_dated_after_an_article_that_reports_it() -> None:
    # The later article's present-tense cue dates its rendering on its own day; the
    # earlier one printed the words a month before.
    articles = [Article(id="a1", source_id="a1", source="a1", text="", outlet="Ledger",
                        published="2031-03-02"),
                Article(id="a2", source_id="a2", source="a2", text="", outlet="Courier",
                        published="2031-04-05")]
    quotes = [_quote("q1", "a1", "the pilots will strike on Monday unless fees are cut",
                     speaker="E-ali", name="Sara Ali"),
              replace(_quote("q2", "a2", "pilots will strike Monday unless the fees are cut",
                             speaker="E-ali", name="Sara Ali"),
                      said_on="2031-04-05", said_on_from="article date: present-tense cue")]
    [statement] = group_statements(quotes, articles, [], [STORY], WordsEncoder())
    assert statement.said_on is None
    alone = group_statements(quotes[1:], articles, [], [STORY], WordsEncoder())
    assert [s.said_on for s in alone] == ["2031-04-05"]


def test_two_sums_of_money_worded_alike_are_two_statements() -> None:
    quotes = [_quote("q1", "a1", "the storm will result in a fourth-quarter charge of less "
                     "than $10 million", mention="she"),
              _quote("q2", "a2", "the sale will result in an after-tax charge of less than "
                     "$4 million over three quarters", mention="Harbour Lines")]
    assert _groups(quotes) == {frozenset({"q1"}), frozenset({"q2"})}


def test_a_rounded_sum_is_the_same_sum() -> None:
    quotes = [_quote("q1", "a1", "the campaign raised a record $49.5 million in the quarter "
                     "from small donors"),
              _quote("q2", "a2", "the campaign raised a record of nearly $50 million from "
                     "small donors in the quarter")]
    assert _groups(quotes) == {frozenset({"q1", "q2"})}


def test_a_sum_written_with_a_hyphen_is_the_same_sum() -> None:
    quotes = [_quote("q1", "a1", "one initiative is a US$70 million program to clean up the "
                     "harbour districts", mention="he"),
              _quote("q2", "a2", "he would launch a $70-million program to clean up harbour "
                     "districts", mention="he")]
    assert _groups(quotes) == {frozenset({"q1", "q2"})}


def test_a_sum_converted_in_brackets_is_the_same_sum() -> None:
    quotes = [_quote("q1", "a1", "damage to the harbour church was estimated at $US1 million "
                     "($1.52 million)", mention="authorities"),
              _quote("q2", "a2", "damage to the harbour church was estimated at $1 million",
                     mention="authorities")]
    assert _groups(quotes) == {frozenset({"q1", "q2"})}
