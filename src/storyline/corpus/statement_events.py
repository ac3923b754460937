"""Statements that are events of the story: the act of saying as a dated happening.

Reports and interviews are how we know things, not events of the story, "unless the
interview itself is the news" (issue 17). A statement is such news when the text presents
the saying as a happening of its own: a day from the statement's own sentence ("Lavrov
indicated on Friday", "Trump remarked on August 19", not the publication-day fallback of a
present-tense "says") and a named setting in one of its renderings (``SETTING``): an
interview with, to or for a named outlet, a press or news conference, a briefing, a
televised address, or "told <outlet>" / "to <outlet>". An outlet is a name the corpus or the
outlet table knows, or a masthead's shape ("Kyiv Independent", "Washington Post"): "to Post
Office" or "to Press Secretary Leavitt" names none. Plain "X said" stays a statement only: it
is everywhere, and an event of it would drown the story's happenings.

A rendering here is each quote of the statement and, in its article, the same words given
again in a sentence that names the speaker ("“No meeting is planned,” Lavrov declared in an
interview for an NBC show": the quotes stage keeps one quote of words given twice).

Such an event has kind "statement", the speaker as its participant, the statement's day,
its content as title, and the statement's articles and sources. It is not a second timeline
row: the statement's row is the item; the timeline ranks that row as the event it is (see
``ranking``). A day where an event of the speaker's press conference, interview or
statement is already found keeps that one: the happening is told once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass

from ..analyze.events.kinds import DateFrom
from ..analyze.quotes.cues import MASTHEAD_WORDS, OUTLET_WORDS
from ..analyze.quotes.dates import STATED, SaidOnFrom
from ..records import Article, Event, Quote, Statement, content_id
from ..text import MONTH_NAMES, WEEKDAY_NAMES, fold
from .ranking import MEDIA_KINDS, SPEECH_KINDS
from .timeline import quote_title

__all__ = ["KIND", "NewsStatements", "candidates", "event_id", "outlet_name", "statement_events"]

KIND = "statement"
# How a statement's day came from its own sentence: a time expression on its cue, in a
# dated article or (its year or week fixed by the corpus) an undated one.
OWN_DAY = frozenset({m.value for m in STATED} | {SaidOnFrom.SHARED_EVENT.value})
# Settings that are happenings in their own right, whoever broadcasts them.
SETTING = re.compile(r"\b(?:press|news) conference\b|\b(?:press |news )?briefing\b"
                     r"|\btelevised (?:address|speech)\b|\baddress to the nation\b",
                     re.IGNORECASE)
# An interview is a setting when it names the outlet it was given to.
INTERVIEW = re.compile(r"\binterview(?:ed)?\b", re.IGNORECASE)
# "told Fox News", "remarked ... to Fox News"; never "according to Kyiv Independent", the
# article's source rather than the statement's setting.
TOLD = re.compile(r"(?<!according )\b(?:told|to)\s+(?:the\s+)?(?P<name>" +
                  r"[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*)*)")
NAME = re.compile(r"[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*)*")
# The one-word names of outlets in the outlet table ("reuters", "nbc", "fox"): a name holding
# one is an outlet's ("Fox News", "an NBC show"). A masthead word ("post", "press") is not
# enough anywhere in a name: only as its last word ("Washington Post", not "Post Office").
OUTLET_NAMES = OUTLET_WORDS - MASTHEAD_WORDS
# Capitalised words a name runs into that are no part of it: the day or month after it
# ("told the Daily News Tuesday").
NOT_NAME_WORDS = frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES) | {"today", "tonight"}
# Words a statement's text needs before its repetition elsewhere in the article is read as
# the same words given again: four ("no meeting is planned"); a word or two ("irreversible")
# recurs by chance.
REPEAT_MIN_WORDS = 4
WORD = re.compile(r"\w+")
# A sentence end: a stop (after a closing quotation mark, if any) and a space, or a line end.
SENTENCE_END = re.compile(r"[.!?][\"”’»]?(?=\s)|\n")


@dataclass(frozen=True, slots=True)
class NewsStatements:
    """The events found (``events``) and the statements they are (``statements``: ids)."""

    events: tuple[Event, ...]
    statements: frozenset[str]


def statement_events(statements: Sequence[Statement], quotes: Mapping[str, Quote],
                     articles: Iterable[Article], events: Sequence[Event]) -> NewsStatements:
    """The statements that are events (see the module's docstring), as events.

    ``statements`` are the ``candidates`` (the caller picks them once, to read only their
    articles); ``articles`` need hold only their articles; ``events`` are the other events
    found. The outlets known to be outlets are those of the statements and the articles.
    Statements that are no candidates are passed over here too (the test reads no text),
    so a caller that hands all statements gets the same events.
    """
    statements = [s for s in statements if _candidate(s, quotes)]
    articles = list(articles)
    texts = {a.id: a.text for a in articles}
    known = {fold(o) for s in statements for o in s.sources} | \
        {fold(a.outlet) for a in articles if a.outlet}
    told = {(e.story, e.date, p) for e in events if e.date and e.status == "happened"
            and (e.kind in MEDIA_KINDS or e.kind in SPEECH_KINDS) for p in e.participants}
    out, ids = [], set()
    for s in statements:
        if (s.story, s.said_on, s.speaker) in told:
            continue
        renderings = [q for q in map(quotes.get, s.quotes) if q is not None]
        if any(_names_setting(q, texts.get(q.article), known) for q in renderings):
            out.append(_event(s, renderings))
            ids.add(s.id)
    return NewsStatements(tuple(out), frozenset(ids))


def candidates(statements: Sequence[Statement], quotes: Mapping[str, Quote]) -> list[Statement]:
    """Statements that may be events: a speaker, a day, and a rendering dated from its own
    sentence (the rest need no text read)."""
    return [s for s in statements if _candidate(s, quotes)]


def _candidate(s: Statement, quotes: Mapping[str, Quote]) -> bool:
    """Whether ``s`` is one of the ``candidates``."""
    if not (s.speaker and s.said_on and s.story):
        return False
    return any(q is not None and q.said_on and q.said_on[:10] == s.said_on
               and q.said_on_from in OWN_DAY for q in map(quotes.get, s.quotes))


def _names_setting(q: Quote, text: str | None, known: Set[str] = frozenset()) -> bool:
    """Whether the quote's sentence, or a sentence of its article that gives its words
    again with the speaker's name, names a setting outside what was said."""
    if text is None:
        return False
    spans = [((q.sent_start, q.sent_end), (q.start, q.end))]
    words = WORD.findall(q.text)
    last = (q.speaker_name or "").split()[-1:]
    if len(words) >= REPEAT_MIN_WORDS and last:
        # The same words whatever the marks and spaces between them, in the text's offsets.
        again = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
        for m in again.finditer(text):
            if q.start <= m.start() < q.end:
                continue
            sentence = _sentence(text, m.start(), m.end())
            if fold(last[0]) in fold(text[sentence[0]:sentence[1]]):
                spans.append((sentence, m.span()))
    return any(_setting(_framing(text, sent, content), known) for sent, content in spans)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start``..``end``, by stops and line ends (no parse here)."""
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.end() if after else len(text))


def _framing(text: str, sentence: tuple[int, int], content: tuple[int, int]) -> str:
    """The sentence without what was said: who said it, how, when and where."""
    lo, hi = max(sentence[0], min(content[0], sentence[1])), min(content[1], sentence[1])
    return text[sentence[0]:lo] + " … " + text[max(hi, lo):sentence[1]]


def _setting(framing: str, known: Set[str] = frozenset()) -> bool:
    if SETTING.search(framing):
        return True
    interview = INTERVIEW.search(framing)
    if interview and any(outlet_name(m.group(0), known)
                         for m in NAME.finditer(framing, interview.end())):
        return True
    return any(outlet_name(m.group("name"), known) for m in TOLD.finditer(framing))


def outlet_name(name: str, known: Set[str] = frozenset()) -> bool:
    """Whether ``name`` names an outlet: one of ``known`` (folded outlet names), one holding
    an outlet table's one-word name ("Fox News", "NBC"), or one whose last word is a
    masthead's ("Kyiv Independent", "Washington Post"); never a name that holds such a word
    elsewhere ("Post Office", "Press Secretary Leavitt") or none ("the Hospital")."""
    words = fold(name).replace(".", " ").split()
    while words and words[-1] in NOT_NAME_WORDS:
        words.pop()
    if not words:
        return False
    return " ".join(words) in known or fold(name) in known or bool(set(words) & OUTLET_NAMES) \
        or words[-1] in MASTHEAD_WORDS


def event_id(s: Statement) -> str:
    """The id of the event a statement is too (the web marks its row by it)."""
    return content_id("event", s.story, KIND, s.said_on, s.id)


def _event(s: Statement, renderings: Sequence[Quote]) -> Event:
    dated = [q for q in renderings if q.said_on and q.said_on[:10] == s.said_on
             and q.said_on_from in OWN_DAY]
    shared = all(q.said_on_from == SaidOnFrom.SHARED_EVENT.value for q in dated)
    how = DateFrom.SHARED_EVENT if shared else DateFrom.TRIGGER
    # The title says what the speaker did by the best rendering's cue ("rejected an offer").
    best = next((q for q in renderings if q.id == s.best_quote), None) or \
        next(iter(renderings), None)
    cue = best.cue if best else None
    return Event(id=event_id(s), title=quote_title(s.speaker_name, s.text, s.kind, cue=cue),
                 kind=KIND, date=s.said_on, date_from=how.value,
                 story=s.story, participants=(s.speaker,) if s.speaker else (),
                 articles=s.articles, sources=s.sources,
                 independent_sources=s.independent_sources)
