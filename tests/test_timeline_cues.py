"""A reported statement's title says what its speaker did: its own cue verb before an
object or an infinitive, "said that" before a clause (``corpus.timeline.quote_title``)."""

from __future__ import annotations

from storyline.corpus.statement_events import _event
from storyline.corpus.timeline import cue_verb, is_clause, quote_title
from storyline.records import Quote, Statement
from test_timeline import _timeline


def _title(cue: str | None, text: str) -> str:
    return quote_title("Brandt", text, "indirect", cue=cue)


def test_an_object_follows_its_own_cue_in_the_past_tense() -> None:
    assert _title("rejected", "a merger offer from the harbour board") == \
        "Brandt rejected a merger offer from the harbour board"
    assert _title("announces", "a loss of 3 million crowns for the year") == \
        "Brandt announced a loss of 3 million crowns for the year"
    assert _title("denying", "the charges as baseless") == "Brandt denied the charges as baseless"
    assert _title("urged", "the council to close the pier") == \
        "Brandt urged the council to close the pier"


def test_an_infinitive_follows_its_own_cue_not_said() -> None:
    assert _title("expects", "to post a charge of 4 million") == \
        "Brandt expected to post a charge of 4 million"
    assert _title("planning", "to reopen the ferry line") == \
        "Brandt planned to reopen the ferry line"
    assert _title("vowed", "to rebuild the quay") == "Brandt vowed to rebuild the quay"


def test_a_clause_follows_its_own_cue_and_that() -> None:
    # "said that" would turn a denial into a claim (reader review RDR6 F2)
    assert _title("denied", "the harbour was closed") == \
        "Brandt denied that the harbour was closed"
    assert _title("announced", "she resigns") == "Brandt announced that she resigns"
    assert _title("warns", "the ferries will sail late") == \
        "Brandt warned that the ferries will sail late"
    assert _title("announced", "it's over") == "Brandt announced that it's over"
    # a cue whose content is an object keeps "said that" before a clause
    assert _title("urged", "the council should close the pier") == \
        "Brandt said that the council should close the pier"


def test_an_attribution_or_say_keeps_said_that() -> None:
    assert _title("according to", "a new pier") == "Brandt said that a new pier"
    # "say" and "tell" never take an object here ("told a loss" is not English).
    assert _title("says", "a new pier") == "Brandt said that a new pier"
    assert _title("told", "a new pier") == "Brandt said that a new pier"
    # No cue, or another language's cue: as before.
    assert _title(None, "to lease two tugs") == "Brandt said to lease two tugs"
    assert _title("déclaré", "une nouvelle jetée") == "Brandt said that une nouvelle jetée"


def test_a_phrasal_cue_takes_its_preposition_only_before_a_plain_object() -> None:
    assert _title("called", "an inquiry into the collapse") == \
        "Brandt called for an inquiry into the collapse"
    assert _title("asked", "up to $5 million") == "Brandt asked for up to $5 million"
    assert _title("asked", "the mayor to resign") == "Brandt asked the mayor to resign"
    assert cue_verb("asked", "a song to a crowd") == "asked for"
    # "called on the board to act" lost its addressee: no "called to act".
    assert cue_verb("called", "to act now") is None


def test_a_finite_verb_makes_a_clause_an_adjective_does_not() -> None:
    assert is_clause("the tugs will sail")
    assert is_clause("the pier collapsed on Monday")
    assert is_clause("they don't know")
    assert not is_clause("the proposed merger of the two ports")
    assert not is_clause("to sail at dawn")
    assert not is_clause("a loss for the quarter")
    # A capitalised word in "-ed" is a name or a participle, not the clause's verb.
    assert not is_clause("Consolidated Harbours to post a profit")
    assert _title("expected", "Consolidated Harbours to post a profit") == \
        "Brandt expected Consolidated Harbours to post a profit"
    assert is_clause("Faced with the choice, the board decided to wait")


def test_a_timeline_row_and_a_statement_event_use_the_best_renderings_cue() -> None:
    text = "a new offer from the harbour board"
    q = Quote(id="q1", article="a1", text=text, kind="indirect", start=0, end=len(text),
              sent_start=0, sent_end=len(text), speaker_name="Anna Lindqvist",
              speaker="E-lindqvist", said_on="2031-03-10", cue="rejected")
    [row] = _timeline([], [q])
    assert row.title == "Anna Lindqvist rejected a new offer from the harbour board"
    s = Statement(id="s1", story="st1", speaker="E-lindqvist", speaker_name="Anna Lindqvist",
                  said_on="2031-03-10", text=text, kind="indirect", quotes=("q1",),
                  articles=("a1",), best_quote="q1")
    assert _event(s, [q]).title == row.title
