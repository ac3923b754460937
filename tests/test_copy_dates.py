"""A later copy's relative days are its original's (``corpus.copy_dates``)."""

from __future__ import annotations

from storyline import corpus
from storyline.analyze.events.kinds import DateFrom
from storyline.analyze.quotes.dates import SaidOnFrom
from storyline.corpus.copy_dates import COPY_NO_COUNTERPART, reanchor
from storyline.corpus.reader import MemoryCorpus
from storyline.records import (
    Analysis,
    Article,
    DuplicateLink,
    EventMention,
    Mention,
    Quote,
    Sentence,
    Timex,
)
from storyline.settings import Settings

DAY = SaidOnFrom.OWN_SENTENCE_DAY.value
# Written on Friday 14 March 2031 ("Wednesday" is the 12th), reprinted a week later.
FIRST = ("Dock strike goes on. The port authority announced the new rota on Wednesday. "
         "Harbour master Ingrid Solheim said on Wednesday that the cranes would stay idle.")
# The reprint adds a sentence of its own, with its own "Thursday".
ADDED = " Solheim said on Thursday that talks would resume on March 30, 2031."


def _sentences(aid: str, text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for end in [i + 1 for i, c in enumerate(text) if c == "."]:
        out.append(Sentence(aid, start, end))
        start = end + 1
    return tuple(out)


def _analysis(aid: str, text: str, wednesday: str, thursday: str | None = None,
              published: str | None = None) -> Analysis:
    """What the analyze stage gives the text counted from its own publication day."""
    said = "the cranes would stay idle"
    s2 = text.index("The port")
    s3 = text.index("Harbour master")
    quotes = [Quote(id=f"{aid}-q1", article=aid, text=said, kind="indirect",
                    start=text.index(said), end=text.index(said) + len(said), sent_start=s3,
                    sent_end=text.index("idle.") + 5, speaker_name="Ingrid Solheim",
                    speaker_key="solheim", cue="said", said_on=wednesday, said_on_from=DAY)]
    wed = text.index("Wednesday")
    timexes = [Timex(aid, wed, wed + 9, "Wednesday", wednesday),
               Timex(aid, text.rindex("Wednesday"), text.rindex("Wednesday") + 9, "Wednesday",
                     wednesday)]
    mentions = [EventMention(id=f"{aid}-e1", article=aid, trigger="announced",
                             kind="announcement", start=s2, end=s3 - 1, date=wednesday,
                             date_from=DateFrom.TRIGGER.value, participants=("port",))]
    if thursday is not None:
        s4 = text.index("Solheim said on Thursday")
        talks = "talks would resume on March 30, 2031"
        quotes.append(Quote(id=f"{aid}-q2", article=aid, text=talks, kind="indirect",
                            start=text.index(talks), end=text.index(talks) + len(talks),
                            sent_start=s4, sent_end=len(text), speaker_name="Ingrid Solheim",
                            speaker_key="solheim", cue="said", said_on=thursday,
                            said_on_from=DAY))
        thu = text.index("Thursday")
        march = text.index("March 30, 2031")
        timexes += [Timex(aid, thu, thu + 8, "Thursday", thursday),
                    Timex(aid, march, march + 14, "March 30, 2031", "2031-03-30")]
        mentions += [EventMention(id=f"{aid}-e2", article=aid, trigger="resume", kind="talks",
                                  start=s4, end=len(text), date="2031-03-30",
                                  date_from=DateFrom.TRIGGER.value, participants=("port",)),
                     EventMention(id=f"{aid}-e3", article=aid, trigger="said", kind="statement",
                                  start=s4, end=len(text), date=published,
                                  date_from=DateFrom.LEAD.value)]
    name = text.index("Ingrid Solheim")
    return Analysis(article=aid, sentences=_sentences(aid, text),
                    mentions=(Mention(aid, name, name + 14, "Ingrid Solheim", "PERSON",
                                      "solheim"),),
                    quotes=tuple(quotes), timexes=tuple(timexes),
                    event_mentions=tuple(mentions), language="en")


def _article(aid: str, text: str, published: str | None) -> Article:
    return Article(id=aid, source_id=aid, source=f"{aid}.txt", text=text,
                   title="Dock strike goes on", outlet=f"Outlet {aid}", published=published)


def _corpus(copy_text: str, copy_published: str | None, thursday: str | None = None,
            copy_wednesday: str | None = None) -> MemoryCorpus:
    articles = [_article("a1", FIRST, "2031-03-14"),
                _article("a2", copy_text, copy_published)]
    copy_wednesday = copy_wednesday or \
        ("2031-03-19" if copy_published == "2031-03-21" else "2031-03-12")
    analyses = {"a1": _analysis("a1", FIRST, "2031-03-12"),
                "a2": _analysis("a2", copy_text, copy_wednesday, thursday, copy_published)}
    return MemoryCorpus(articles, analyses)


def test_an_exact_copy_published_a_week_later_takes_the_originals_days() -> None:
    memory = _corpus(FIRST, "2031-03-21")
    found = reanchor(memory, [DuplicateLink("a2", "a1", "exact")])
    copy = found.analyses(["a2"])["a2"]
    assert [q.said_on for q in copy.quotes] == ["2031-03-12"]
    assert [t.value for t in copy.timexes] == ["2031-03-12", "2031-03-12"]
    assert [(m.date, m.date_from) for m in copy.event_mentions] == \
        [("2031-03-12", DateFrom.TRIGGER.value)]
    assert [q.said_on for q in found.quotes() if q.article == "a2"] == ["2031-03-12"]
    # The original is read as it is; the quote as stored is still there to compare with.
    assert found.analyses(["a1"])["a1"] == memory.analyses(["a1"])["a1"]
    [q] = [q for q in found.quotes() if q.article == "a2"]
    assert found.as_stored(q) == ("2031-03-19", DAY)


def test_a_near_copys_own_sentence_keeps_only_days_it_states_in_full() -> None:
    memory = _corpus(FIRST + ADDED, "2031-03-21", thursday="2031-03-20")
    found = reanchor(memory, [DuplicateLink("a2", "a1", "near", 0.9)])
    copy = found.analyses(["a2"])["a2"]
    by_id = {q.id: q for q in copy.quotes}
    assert by_id["a2-q1"].said_on == "2031-03-12"
    # "said on Thursday" is not in the original: no day rather than one counted from the
    # reprint's date.
    assert (by_id["a2-q2"].said_on, by_id["a2-q2"].said_on_from) == (None, COPY_NO_COUNTERPART)
    # The relative "Thursday" is left out; "March 30, 2031" states its year and stays.
    assert [(t.text, t.value) for t in copy.timexes] == [
        ("Wednesday", "2031-03-12"), ("Wednesday", "2031-03-12"),
        ("March 30, 2031", "2031-03-30")]
    dates = {m.id: (m.date, m.date_from) for m in copy.event_mentions}
    assert dates == {"a2-e1": ("2031-03-12", DateFrom.TRIGGER.value),
                     "a2-e2": ("2031-03-30", DateFrom.TRIGGER.value),
                     "a2-e3": (None, COPY_NO_COUNTERPART)}


def test_copies_of_the_same_day_undated_or_of_other_kinds_are_left_alone() -> None:
    same_day = _corpus(FIRST, "2031-03-14")
    assert reanchor(same_day, [DuplicateLink("a2", "a1", "exact")]).moves == {}
    undated = _corpus(FIRST, None)
    assert reanchor(undated, [DuplicateLink("a2", "a1", "exact")]).moves == {}
    later = _corpus(FIRST, "2031-03-21")
    for kind in ("wire", "translation"):
        assert reanchor(later, [DuplicateLink("a2", "a1", kind)]).moves == {}


def test_a_canonical_published_after_its_copy_takes_the_copys_days() -> None:
    memory = _corpus(FIRST, "2031-03-21")
    found = reanchor(memory, [DuplicateLink("a1", "a2", "exact")])  # a2 kept as canonical
    assert set(found.moves) == {"a2"}
    assert [q.said_on for q in found.analyses(["a2"])["a2"].quotes] == ["2031-03-12"]


def test_the_build_tells_the_reprinted_statement_once_on_its_day(settings: Settings) -> None:
    found = corpus.build(_corpus(FIRST, "2031-03-21"), settings,
                         copies=lambda: [DuplicateLink("a2", "a1", "exact")])
    assert {s.said_on for s in found.statements} == {"2031-03-12"}
    assert len(found.statements) == 1 and set(found.statements[0].articles) == {"a1", "a2"}
    assert not any(e.date == "2031-03-19" for e in found.events)
    assert not any(r.date == "2031-03-19" for r in found.timeline)
    # The reprint's quote is saved with its original's day.
    assert [(q.id, q.said_on, q.said_on_from) for q in found.dated_quotes] == \
        [("a2-q1", "2031-03-12", DAY)]


def test_a_weekday_of_the_copys_own_not_after_the_originals_day_is_the_same_either_way(
) -> None:
    # Reprinted on Monday the 17th: its own "Thursday" is the 13th counted from either day.
    memory = _corpus(FIRST + ADDED, "2031-03-17", thursday="2031-03-13",
                     copy_wednesday="2031-03-12")
    found = reanchor(memory, [DuplicateLink("a2", "a1", "near", 0.9)])
    copy = found.analyses(["a2"])["a2"]
    own = memory.analyses(["a2"])["a2"]
    assert (copy.quotes, copy.timexes) == (own.quotes, own.timexes)
    # The article's own date is no such day: a lead told as the day's news is taken away.
    assert found.moves["a2"].mentions == {"a2-e3": (None, COPY_NO_COUNTERPART)}
