"""Conflicting statements within a story, from hand-built quotes and mentions."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.corpus.contradictions import find_contradictions
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
           ) -> tuple[list[Quote], list[Article], list[Story], dict[str, Analysis]]:
    quotes = [_quote("q1", "a1", a_text, "Lindqvist", "2031-03-11"),
              _quote("q2", "a2", b_text, b_speaker, b_date)]
    articles = [Article(id=a, source_id=a, source=a, text="") for a in ("a1", "a2")]
    analyses = {
        "a1": Analysis("a1", sentences=(Sentence("a1", 0, len(a_text)),),
                       mentions=tuple(_names("a1", a_text, a_names))),
        "a2": Analysis("a2", sentences=(Sentence("a2", 0, len(b_text)),),
                       mentions=tuple(_names("a2", b_text, b_names))),
    }
    return quotes, articles, [Story("s1", "t", ("a1", "a2"))], analyses


def test_agreed_meeting_against_no_meeting_planned() -> None:
    setup = _setup("Brandt agreed to a meeting between Brandt and Okafor next month",
                   "No meeting between Brandt and Okafor is planned", ["Brandt", "Okafor"],
                   ["Brandt", "Okafor"])
    [pair] = find_contradictions(*setup)
    assert (pair.a, pair.b, pair.kind, pair.story) == ("q1", "q2", "polarity", "s1")
    assert "Lindqvist (2031-03-11)" in pair.why and "Weiss (2031-03-20)" in pair.why
    # Analyses read a batch of articles at a time give the same pair.
    quotes, articles, stories, analyses = setup
    asked: list[list[str]] = []

    def read(ids: Sequence[str]) -> dict[str, Analysis]:
        asked.append(list(ids))
        return {i: analyses[i] for i in ids if i in analyses}

    assert find_contradictions(quotes, articles, stories, read) == [pair]
    assert sorted(i for batch in asked for i in batch) == ["a1", "a2"]


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


def test_different_figures_for_the_same_count_conflict() -> None:
    setup = _setup("A coalition of 10 countries backs the fisheries pact",
                   "The fisheries pact coalition has 26 nations", [], [])
    [pair] = find_contradictions(*setup)
    assert pair.kind == "figure"


def test_subset_figures_are_not_compared() -> None:
    setup = _setup("A coalition of 30 countries backs the fisheries pact",
                   "The fisheries pact coalition adds 10 other nations", [], [])
    assert find_contradictions(*setup) == []


def test_statements_in_different_stories_never_pair() -> None:
    quotes, articles, _, analyses = _setup(
        "Brandt agreed to a meeting between Brandt and Okafor",
        "No meeting between Brandt and Okafor is planned", ["Brandt", "Okafor"],
        ["Brandt", "Okafor"])
    stories = [Story("s1", "t", ("a1",)), Story("s2", "u", ("a2",))]
    assert find_contradictions(quotes, articles, stories, analyses) == []
