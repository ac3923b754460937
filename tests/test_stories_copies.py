"""corpus.stories: a copy group is one report, whose copies' participants count for it."""

from __future__ import annotations

from storyline.corpus import stories
from storyline.corpus.reader import MemoryCorpus
from storyline.corpus.stories import assign_stories
from storyline.records import Analysis, Article, DuplicateLink, Mention
from storyline.settings import Settings


def page(key: str, text: str, day: str = "2025-10-07") -> Article:
    return Article(id=key, source_id=key, source=key, text=text, published=day, language="en")


def named(key: str, text: str, found: list[tuple[str, str]]) -> Analysis:
    return Analysis(article=key, mentions=tuple(
        Mention(article=key, start=text.index(n), end=text.index(n) + len(n), text=n,
                label=label, key=n) for n, label in found))


WIRE = ("Fisheries minister Erik Lund said on Monday that five coastal states agreed in "
        "Tromsvik on a joint cod quota framework; quotas could start after scientists "
        "publish the stock assessment for 2026. Lund called the talks constructive.")
# The reprint adds a paragraph that names one more participant, and its own dateline town.
REPRINT = WIRE + ("\n\nAmong those at the talks in Tromsvik was Faroese fisheries minister "
                  "Johan Dahl, the Harbour Herald reports from Nordby.")
REACTION = ("Faroese minister Johan Dahl said on Friday in Torshavn that the Faroe Islands "
            "will sign the framework. \"We came sceptical and left convinced,\" Dahl told a "
            "radio station.")
PAGES = {
    "wire": (WIRE, [("Erik Lund", "PERSON"), ("Tromsvik", "GPE"), ("Lund", "PERSON")]),
    "reprint": (REPRINT, [("Erik Lund", "PERSON"), ("Tromsvik", "GPE"), ("Lund", "PERSON"),
                          ("Johan Dahl", "PERSON"), ("Harbour Herald", "ORG"),
                          ("Nordby", "GPE")]),
    "reaction": (REACTION, [("Johan Dahl", "PERSON"), ("Faroe Islands", "GPE"),
                            ("Torshavn", "GPE"), ("Dahl", "PERSON")]),
    "ferry": ("Ferry operators on the Nordby route warned that ticket prices will rise this "
              "winter, association chairman Lars Nyman said.",
              [("Nordby", "GPE"), ("Lars Nyman", "PERSON")]),
    "bread1": ("A Lindeby bakery won the regional bread prize for its rye loaf with a sour "
               "crust.", []),
    "bread2": ("Judges of the Lindeby bread prize praised the bakery rye loaf and its crust.", []),
}
LINKS = [DuplicateLink(article="reprint", canonical="wire", kind="near", score=0.8)]


def _corpus() -> MemoryCorpus:
    return MemoryCorpus([page(k, t, "2025-10-10" if k == "reaction" else "2025-10-07")
                         for k, (t, _) in PAGES.items()],
                        {k: named(k, t, found) for k, (t, found) in PAGES.items() if found})


def _heads() -> tuple[MemoryCorpus, list[str]]:
    corpus = _corpus()
    return corpus, sorted(a.id for a in corpus.infos() if a.id != "reprint")


def test_a_reprints_added_participant_joins_his_own_report_to_the_story(
        settings: Settings) -> None:
    found = {frozenset(s.articles) for s in assign_stories(_corpus(), LINKS, [], settings)}
    assert frozenset({"wire", "reprint", "reaction"}) in found
    assert frozenset({"ferry"}) in found


def test_the_canonical_holds_its_copies_participants(settings: Settings) -> None:
    corpus, heads = _heads()
    infos = {a.id: a for a in corpus.infos()}
    k = {h: n for n, h in enumerate(heads)}
    alone = stories.features([infos[h] for h in heads], corpus, stories.CHANNEL_WEIGHTS)
    group = stories.features([infos[h] for h in heads], corpus, stories.CHANNEL_WEIGHTS,
                             copies={"wire": ["reprint"]})
    before = stories.similarity(alone, 0, alone.size, settings)[k["wire"], k["reaction"]]
    after = stories.similarity(group, 0, group.size, settings)[k["wire"], k["reaction"]]
    # Alone the wire names nobody the reaction names but a place, and the two are damped.
    assert before < settings.story_threshold <= after
    # Persons only: the reprint's dateline town (a place) and its own credit line ("Harbour
    # Herald", an organisation) are not the wire's (code review REV5 #1).
    assert alone.named is not None and group.named is not None
    assert group.named[k["wire"]] == alone.named[k["wire"]] + 1  # Johan Dahl
    assert group.named[k["ferry"]] == alone.named[k["ferry"]]


def test_one_outlets_credit_line_on_two_reprints_joins_no_two_reports(
        settings: Settings) -> None:
    # two unrelated reports, each reprinted by one outlet that adds its credit line: the
    # reprinter's name is no participant the two reports share (code review REV5 #1)
    quota = ("Fisheries minister Erik Lund said on Monday that coastal states agreed on a "
             "joint cod quota framework; quotas could start after scientists publish the "
             "stock assessment. Lund called the talks constructive.")
    ferry = ("Harbour master Ola Berg said on Monday that the port will open a new ferry "
             "terminal next year after the council approved the budget. Berg called the plan "
             "overdue.")
    credit = "\n\nThe Harbour Herald reports from Nordby."
    pages = {"a": (quota, [("Erik Lund", "PERSON"), ("Lund", "PERSON")]),
             "ra": (quota + credit, [("Erik Lund", "PERSON"), ("Lund", "PERSON"),
                                     ("Harbour Herald", "ORG"), ("Nordby", "GPE")]),
             "b": (ferry, [("Ola Berg", "PERSON"), ("Berg", "PERSON")]),
             "rb": (ferry + credit, [("Ola Berg", "PERSON"), ("Berg", "PERSON"),
                                     ("Harbour Herald", "ORG"), ("Nordby", "GPE")])}
    corpus = MemoryCorpus([page(k, t) for k, (t, _) in pages.items()],
                          {k: named(k, t, f) for k, (t, f) in pages.items()})
    links = [DuplicateLink(article="ra", canonical="a", kind="near", score=0.8),
             DuplicateLink(article="rb", canonical="b", kind="near", score=0.8)]
    found = {frozenset(s.articles) for s in assign_stories(corpus, links, [], settings)}
    assert found == {frozenset({"a", "ra"}), frozenset({"b", "rb"})}
