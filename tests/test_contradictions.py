"""Conflicting statements within a story, from hand-built quotes and mentions."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import pytest

from storyline.corpus.contradictions import find_contradictions
from storyline.corpus.reader import MemoryCorpus
from storyline.records import Analysis, Article, Mention, Quote, Sentence, Story


def _quote(qid: str, aid: str, text: str, speaker: str, said_on: str | None,
           offset: int = 0) -> Quote:
    return Quote(id=qid, article=aid, text=text, kind="direct", start=offset,
                 end=offset + len(text), sent_start=offset, sent_end=offset + len(text),
                 speaker_name=speaker, speaker_key=speaker.lower(), speaker=f"E-{speaker}",
                 said_on=said_on)


def _names(aid: str, text: str, names: list[str], offset: int = 0) -> list[Mention]:
    return [Mention(aid, offset + text.index(n), offset + text.index(n) + len(n), n, "PERSON",
                    n.lower(), f"E-{n}") for n in names]


def _setup(a_text: str, b_text: str, a_names: list[str], b_names: list[str],
           b_speaker: str = "Weiss", b_date: str | None = "2031-03-20",
           ) -> tuple[list[Quote], list[Article], list[Story], MemoryCorpus]:
    quotes = [_quote("q1", "a1", a_text, "Lindqvist", "2031-03-11"),
              _quote("q2", "a2", b_text, b_speaker, b_date)]
    articles = [Article(id=a, source_id=a, source=a, text="") for a in ("a1", "a2")]
    analyses = {
        "a1": Analysis("a1", sentences=(Sentence("a1", 0, len(a_text)),),
                       mentions=tuple(_names("a1", a_text, a_names))),
        "a2": Analysis("a2", sentences=(Sentence("a2", 0, len(b_text)),),
                       mentions=tuple(_names("a2", b_text, b_names))),
    }
    return quotes, articles, [Story("s1", "t", ("a1", "a2"))], MemoryCorpus(articles, analyses)


class _CountingCorpus(MemoryCorpus):
    """A corpus that notes which articles' analyses a step asked for, and whether with
    sentences."""

    def __init__(self, corpus: MemoryCorpus) -> None:
        super().__init__(list(corpus.by_id.values()), corpus.found)
        self.asked: list[tuple[list[str], bool]] = []

    def analyses(self, ids: Sequence[str], sentences: bool = False) -> Mapping[str, Analysis]:
        self.asked.append((list(ids), sentences))
        return super().analyses(ids, sentences)


def test_agreed_meeting_against_no_meeting_planned() -> None:
    setup = _setup("Brandt agreed to a meeting between Brandt and Okafor next month",
                   "No meeting between Brandt and Okafor is planned", ["Brandt", "Okafor"],
                   ["Brandt", "Okafor"])
    [pair] = find_contradictions(*setup)
    assert (pair.a, pair.b, pair.kind, pair.story) == ("q1", "q2", "polarity", "s1")
    assert pair.why == ("Lindqvist: Brandt agreed to a meeting between Brandt and Okafor next "
                        "month; Weiss: No meeting between Brandt and Okafor is planned")
    # Each article's analysis is read once, with its sentences.
    quotes, articles, stories, corpus = setup
    counting = _CountingCorpus(corpus)
    assert find_contradictions(quotes, articles, stories, counting) == [pair]
    assert sorted(i for batch, _ in counting.asked for i in batch) == ["a1", "a2"]
    assert all(sentences for _, sentences in counting.asked)


def test_meeting_about_other_people_is_no_contradiction() -> None:
    setup = _setup("There will be a meeting of the Nordic Council in Oslo",
                   "No meeting between Brandt and Okafor is planned", [], ["Brandt", "Okafor"])
    assert find_contradictions(*setup) == []


def test_conditional_meeting_asserts_nothing() -> None:
    setup = _setup("If a meeting between Brandt and Okafor happens, it will help",
                   "No meeting between Brandt and Okafor is planned", ["Brandt", "Okafor"],
                   ["Brandt", "Okafor"])
    assert find_contradictions(*setup) == []


def test_same_speaker_same_day_repeating_is_no_contradiction() -> None:
    setup = _setup("Brandt agreed to a meeting between Brandt and Okafor",
                   "No meeting between Brandt and Okafor is planned", ["Brandt", "Okafor"],
                   ["Brandt", "Okafor"], b_speaker="Lindqvist", b_date="2031-03-11")
    assert find_contradictions(*setup) == []


def test_hedged_figures_that_overlap_agree() -> None:
    setup = _setup("A coalition of 30 countries backs the fisheries pact",
                   "The fisheries pact coalition has over 30 nations", [], [])
    assert find_contradictions(*setup) == []


def test_counts_in_words_of_any_case_are_figures_and_texts_without_numbers_have_none() -> None:
    from storyline.corpus.figures import figures

    assert [(f.low, f.frame) for f in figures("FIVE people were killed in the blast")] == [
        (5.0, "outcome:killed")]
    assert [f.low for f in figures("Police said Twelve people were injured and 26 arrested")
            ] == [12.0, 26.0]
    assert figures("Nobody was hurt, officials said") == ()


def test_different_figures_for_the_same_count_conflict() -> None:
    setup = _setup("A coalition of 10 countries backs the fisheries pact",
                   "The fisheries pact coalition has 26 nations", [], [], b_date="2031-03-11")
    [pair] = find_contradictions(*setup)
    assert pair.kind == "figure"
    assert pair.why == ("Lindqvist: A coalition of 10 countries backs the fisheries pact; "
                        "Weiss: The fisheries pact coalition has 26 nations")


def test_casualty_counts_that_differ_on_one_day_conflict() -> None:
    setup = _setup("Four people were injured in the harbour fire, the pilot said",
                   "At least nine people were injured in the harbour fire", [], [],
                   b_date="2031-03-11")
    [pair] = find_contradictions(*setup)
    assert pair.why == "Lindqvist: Four people were injured in the harbour fire; " \
        "Weiss: At least nine people were injured in the harbour fire"


def test_a_count_revised_days_later_is_an_update() -> None:
    setup = _setup("Four people were injured in the harbour fire",
                   "Nine people were injured in the harbour fire", [], [])
    assert find_contradictions(*setup) == []


@pytest.mark.parametrize(("a_text", "b_text"), [
    ("The alarm came in at 3:30 a.m. from the harbour fire",
     "The alarm came in at 3:34 a.m. from the harbour fire"),
    ("Crews met on the corner of 112th Street and 9th Avenue near the harbour fire",
     "Crews met on the corner of 40th Street near the harbour fire"),
    ("The harbour fire in a town of 20,000 people burned for hours",
     "The harbour fire burned for hours and two people were injured"),
    ("Two people were injured in the harbour fire in 2019",
     "Two people were injured in the harbour fire in 2021"),
    ("About 30 people were evacuated from the harbour fire",
     "31 people were evacuated from the harbour fire"),
    ("Up to 50 people could have been injured in the harbour fire",
     "Four people were injured in the harbour fire"),
    ("Six of the 20 injured in the harbour fire are still in hospital",
     "20 people were injured in the harbour fire"),
])
def test_numbers_that_are_not_one_count_never_conflict(a_text: str, b_text: str) -> None:
    assert find_contradictions(*_setup(a_text, b_text, [], [], b_date="2031-03-11")) == []


def test_one_speaker_never_contradicts_themself() -> None:
    setup = _setup("Four people were injured in the harbour fire",
                   "Nine people were injured in the harbour fire", [], [],
                   b_speaker="Lindqvist", b_date="2031-03-11")
    assert find_contradictions(*setup) == []


def test_a_question_asserts_nothing() -> None:
    setup = _setup("Brandt agreed to a meeting between Brandt and Okafor",
                   "Is a meeting between Brandt and Okafor not planned?", ["Brandt", "Okafor"],
                   ["Brandt", "Okafor"])
    assert find_contradictions(*setup) == []


def test_subset_figures_are_not_compared() -> None:
    setup = _setup("A coalition of 30 countries backs the fisheries pact",
                   "The fisheries pact coalition adds 10 other nations", [], [])
    assert find_contradictions(*setup) == []


def test_statements_in_different_stories_never_pair() -> None:
    quotes, articles, _, corpus = _setup(
        "Brandt agreed to a meeting between Brandt and Okafor",
        "No meeting between Brandt and Okafor is planned", ["Brandt", "Okafor"],
        ["Brandt", "Okafor"])
    stories = [Story("s1", "t", ("a1",)), Story("s2", "u", ("a2",))]
    assert find_contradictions(quotes, articles, stories, corpus) == []


def test_two_speakers_figures_about_themselves_never_conflict() -> None:
    # each man reports what he himself paid: two payments, not one told two ways
    quotes, articles, stories, corpus = _setup(
        "he has paid 400 euros for the berth in the harbour this summer",
        "he paid 450 euros for the berth in the harbour this summer", [], [],
        b_date="2031-03-11")
    reported = [dataclasses.replace(q, kind="indirect") for q in quotes]
    assert find_contradictions(reported, articles, stories, corpus) == []
    # the same figures told of one named subject by two speakers do conflict
    setup = _setup("Brandt has paid 400 euros for the berth in the harbour this summer",
                   "Brandt paid 450 euros for the berth in the harbour this summer",
                   ["Brandt"], ["Brandt"], b_date="2031-03-11")
    [pair] = find_contradictions(*setup)
    assert pair.kind == "figure"


def test_figures_of_different_named_subjects_never_conflict() -> None:
    # each names whose coalition it counts; the same subject in both would conflict
    a_text = "Brandt backs the fisheries pact with a coalition of 10 countries"
    b_text = "Okafor backs the fisheries pact with a coalition of 26 nations"
    assert find_contradictions(*_setup(a_text, b_text, ["Brandt"], ["Okafor"],
                                       b_date="2031-03-11")) == []
    same = b_text.replace("Okafor", "Brandt")
    [pair] = find_contradictions(*_setup(a_text, same, ["Brandt"], ["Brandt"],
                                         b_date="2031-03-11"))
    assert pair.kind == "figure"


def test_a_speakers_own_figure_is_not_the_storys_count() -> None:
    # "we" is the speaker; an impersonal count of another thing is not about them
    setup = _setup("We have 4 boats in the harbour fleet this year",
                   "The harbour fleet has 9 boats this year", [], [],
                   b_date="2031-03-11")
    assert find_contradictions(*setup) == []


def test_outcome_counts_are_the_storys_whoever_the_statement_opens_with() -> None:
    # a toll is one quantity of the story's event: "we" opening the count changes nothing
    setup = _setup("We have confirmed 30 people killed in the harbour fire",
                   "50 people were killed in the harbour fire", [], [],
                   b_date="2031-03-11")
    [pair] = find_contradictions(*setup)
    assert (pair.kind, pair.a, pair.b) == ("figure", "q1", "q2")
    assert pair.why == ("Lindqvist: We have confirmed 30 people killed in the harbour fire; "
                        "Weiss: 50 people were killed in the harbour fire")
    # told of one's own named subject, or in reported speech of oneself, the same
    quotes, articles, stories, corpus = setup
    reported = [dataclasses.replace(q, kind="indirect", text=t) for q, t in zip(
        quotes, ("he counted 30 people killed in the harbour fire",
                 "she counted 50 people killed in the harbour fire"), strict=True)]
    reported = [dataclasses.replace(q, end=q.start + len(q.text), sent_end=q.start +
                                    len(q.text)) for q in reported]
    assert len(find_contradictions(reported, articles, stories, corpus)) == 1
    # days apart, the toll was revised: no conflict
    assert find_contradictions(*_setup("We have confirmed 30 people killed in the harbour fire",
                                       "50 people were killed in the harbour fire", [],
                                       [])) == []
