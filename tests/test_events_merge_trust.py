"""Cross-article event merging must not invent a happening: mentions join only on who took
part (not on the countries a whole story names), and an event's sources are the articles
that give its day."""

from __future__ import annotations

from storyline.analyze.events.kinds import DateFrom
from storyline.corpus import events as corpus_events
from storyline.corpus.reader import MemoryCorpus
from storyline.records import (
    Analysis,
    Article,
    DuplicateLink,
    Event,
    EventMention,
    Mention,
    Story,
)


def _article(aid: str, outlet: str = "Ledger", published: str = "2031-05-03") -> Article:
    return Article(id=aid, source_id=aid, source=aid, text="x", outlet=outlet,
                   published=published)


def _name(aid: str, text: str, label: str, start: int = 100) -> Mention:
    """A name keyed by its last word; at 100 it is outside the event's sentence (0-10)."""
    return Mention(aid, start, start + len(text), text, label, text.split()[-1].lower())


def _em(aid: str, kind: str, date: str | None, participants: tuple[str, ...],
        lead: bool = False, place: str | None = None) -> EventMention:
    return EventMention(id=f"{aid}-{kind}", article=aid, trigger=kind, kind=kind, start=0,
                        end=10, date=date, date_from="clause", participants=participants,
                        lead=lead, place=place, phrase=f"{kind} the harbour office")


def _an(aid: str, names: tuple[Mention, ...], found: tuple[EventMention, ...]) -> Analysis:
    return Analysis(article=aid, mentions=names, event_mentions=found)


def _merge(aids: tuple[str, ...], analyses: dict[str, Analysis],
           links: tuple[DuplicateLink, ...] = (),
           outlets: dict[str, str] | None = None,
           published: dict[str, str] | None = None) -> list[Event]:
    articles = [_article(a, (outlets or {}).get(a, "Ledger"),
                         (published or {}).get(a, "2031-05-03")) for a in aids]
    story = Story(id="s1", title="t", articles=aids)
    return corpus_events.merge_events(articles, MemoryCorpus([], analyses), [story],
                                      list(links), {})


def _ceremonies() -> dict[str, Analysis]:
    """A dated ceremony and an undated one that share only the two countries named."""
    countries = ("norway", "sweden")
    return {
        "a1": _an("a1", (_name("a1", "Norway", "GPE"), _name("a1", "Sweden", "GPE"),
                              _name("a1", "Tromso", "GPE", 40)),
                       (_em("a1", "ceremony", "2031-05-02", countries, place="tromso"),)),
        "a2": _an("a2", (_name("a2", "Norway", "GPE"), _name("a2", "Sweden", "GPE")),
                       (_em("a2", "ceremony", None, countries),)),
    }


def test_countries_named_only_as_where_do_not_join_an_undated_mention_to_a_dated_one() -> None:
    # "Norway and Sweden" in both: a ceremony in Tromso on 2 May and an undated ceremony
    # elsewhere are not one happening on that strength, and the first never takes the
    # second's place or sources.
    events = _merge(("a1", "a2"), _ceremonies())
    assert sorted(len(e.mentions) for e in events) == [1, 1]
    dated = next(e for e in events if e.date)
    assert dated.articles == ("a1",) and dated.place == "Tromso"


def test_a_copy_shares_its_original_s_countries() -> None:
    # The same text copied: its "between Norway and Sweden" is the original's.
    link = DuplicateLink(article="a2", canonical="a1", kind="near")
    events = _merge(("a1", "a2"), _ceremonies(), (link,))
    assert [len(e.mentions) for e in events] == [2]


def test_a_lead_tied_only_through_a_country_is_not_absorbed_into_another_s_arrest() -> None:
    # a1: Ivar Sand arrested on 2 May. a2 (undated): a warrant issued for Per Holm, its
    # sentence naming Norway. a3 (undated): "a man was arrested", naming only Norway. a3 is
    # the arrest of a1, but it must not tie Per Holm's warrant into Ivar Sand's arrest.
    analyses = {
        "a1": _an("a1", (_name("a1", "Ivar Sand", "PERSON"),),
                       (_em("a1", "arrest", "2031-05-02", ("sand",), lead=True),)),
        "a2": _an("a2", (_name("a2", "Per Holm", "PERSON", 0),
                              _name("a2", "Norway", "GPE", 5)),
                       (_em("a2", "issue", None, ("holm",), lead=True),)),
        "a3": _an("a3", (_name("a3", "Norway", "GPE", 5),),
                       (_em("a3", "arrest", None, (), lead=True),)),
    }
    events = _merge(("a1", "a2", "a3"), analyses)
    arrest = next(e for e in events if e.kind == "arrest")
    assert set(arrest.articles) == {"a1", "a3"}
    assert not any({"a1", "a2"} <= set(e.articles) for e in events)


def test_sources_are_the_articles_that_give_the_event_s_day() -> None:
    # The Courier tells the meeting without a day: it joins the Ledger's dated meeting,
    # but the day rests on the Ledger alone.
    people = ("lindqvist", "brandt")
    analyses = {aid: _an(aid, (_name(aid, "Anna Lindqvist", "PERSON"),
                                    _name(aid, "Otto Brandt", "PERSON")),
                              (_em(aid, "meeting", day, people),))
                for aid, day in (("a1", "2031-05-02"), ("a2", None))}
    [event] = _merge(("a1", "a2"), analyses, outlets={"a1": "Ledger", "a2": "Courier"})
    assert event.date == "2031-05-02"
    assert set(event.articles) == {"a1", "a2"}
    assert event.sources == ("Ledger",) and event.independent_sources == 1


def test_an_answer_to_a_happening_is_not_the_happening() -> None:
    # "Veloria condemned the blast" and "a blast tore through the harbour office" lead two
    # reports of one story on one day, both naming Lars Eide: the condemnation is its own
    # happening, not the blast.
    analyses = {
        "a1": _an("a1", (_name("a1", "Lars Eide", "PERSON", 0),),
                  (_em("a1", "condemn", "2031-05-02", ("eide",), lead=True),)),
        "a2": _an("a2", (_name("a2", "Lars Eide", "PERSON", 0),),
                  (_em("a2", "explode", "2031-05-02", ("eide",), lead=True),)),
    }
    events = _merge(("a1", "a2"), analyses)
    assert sorted(e.kind for e in events) == ["condemn", "explode"]


def test_two_answers_of_one_kind_by_different_people_are_two() -> None:
    # "Lars Eide condemned the blast" and "the Harbour Council condemned the blast" on one
    # day: two condemnations, not one told by two sources.
    analyses = {
        "a1": _an("a1", (_name("a1", "Lars Eide", "PERSON", 0),),
                  (_em("a1", "condemn", "2031-05-02", ("eide",), lead=True),)),
        "a2": _an("a2", (_name("a2", "Harbour Council", "ORG", 0),),
                  (_em("a2", "condemn", "2031-05-02", ("council",), lead=True),)),
    }
    events = _merge(("a1", "a2"), analyses)
    assert sorted(len(e.mentions) for e in events) == [1, 1]


def _tribute_and_attacks(eide_in_a2: bool = False) -> dict[str, Analysis]:
    """a1: "Lars Eide of the Harbour Council paid tribute Tuesday to bombing victims" (the
    tribute dated, the bombing in its object undated). a2, the next day's lead: "attacks on
    sites in Norland", undated, its sentence sharing only "Veloria" with a1's (or also
    naming Lars Eide, ``eide_in_a2``)."""
    who = ("eide", "council")
    a1_names = (_name("a1", "Lars Eide", "PERSON", 0), _name("a1", "Harbour Council", "ORG", 2),
                _name("a1", "Veloria", "GPE", 5))
    tribute = _em("a1", "pay", "2031-05-02", who, lead=True)
    bombing = EventMention(id="a1-bombing", article="a1", trigger="bombing", kind="attack",
                           start=0, end=10, date=None,
                           date_from=DateFrom.OTHER_HAPPENING.value, participants=who,
                           phrase="bombing victims")
    a2_names = (_name("a2", "Veloria", "GPE", 5), _name("a2", "Norland", "GPE", 7)) + \
        ((_name("a2", "Lars Eide", "PERSON", 3),) if eide_in_a2 else ())
    attacks = _em("a2", "attack", None, ("veloria",), lead=True, place="norland")
    return {"a1": _an("a1", a1_names, (tribute, bombing)), "a2": _an("a2", a2_names, (attacks,))}


def test_one_sentence_s_two_kinds_are_two_happenings() -> None:
    # The bombing in the tribute's object is not the tribute: it never joins the tribute's
    # event, so it never takes the tribute's Tuesday.
    events = _merge(("a1", "a2"), _tribute_and_attacks())
    holding = next(e for e in events if "a1-bombing" in e.mentions)
    assert "a1-pay" not in holding.mentions and holding.date is None


def test_an_event_s_day_is_told_by_mentions_of_its_own_kind() -> None:
    # Whatever joined the tribute undated (here the attacks' lead, whose sentence names Lars
    # Eide too), the event on the tribute's day is the tribute, at no place the attacks'
    # report named: never "Attack — Norland" on 2 May.
    events = _merge(("a1", "a2"), _tribute_and_attacks(eide_in_a2=True))
    assert any({"a1-pay", "a2-attack"} <= set(e.mentions) for e in events)
    dated = [e for e in events if e.date == "2031-05-02"]
    assert [e.kind for e in dated] == ["pay"] and dated[0].place is None
    assert dated[0].title == "Pay the harbour office"  # not "Attack the harbour office"


def test_an_undated_lead_met_only_by_a_country_is_not_a_person_s_dated_happening() -> None:
    # "Attacks on sites in Norland", reported two days after Lars Eide's tribute, shares
    # only "Veloria" with it: it is not the tribute's happening.
    events = _merge(("a1", "a2"), _tribute_and_attacks(), published={"a2": "2031-05-04"})
    assert not any({"a1-pay", "a2-attack"} <= set(e.mentions) for e in events)
