"""corpus.dedup and corpus.sources on hand-written articles."""

from __future__ import annotations

import dataclasses

import pytest

from storyline.corpus.dedup import find_duplicates, reused_paragraphs
from storyline.corpus.reader import MemoryCorpus
from storyline.corpus.sources import SourceIndex, independent_sources
from storyline.errors import ConfigError
from storyline.records import Article, DuplicateLink
from storyline.settings import Settings

HARBOUR = [
    "The harbour authority of Tromsvik said on Tuesday that the northern quay will close for "
    "three weeks of repairs after storm damage cracked the concrete along forty metres.",
    "Fishing boats that usually land their catch at the quay will be sent to the southern "
    "basin, where temporary cranes and a cold store are being installed this week.",
    "Harbour master Ingrid Solheim told reporters the repairs would cost about 12 million "
    "crowns and that the insurer had already agreed to cover most of the bill.",
    "Local fish buyers worry that the detour will add hours to each landing during the busy "
    "winter cod season, which peaks in late February and early March.",
]
BAKERY = [
    "A bakery in the old town of Lindeby won the regional bread prize for a rye loaf that "
    "its owners say follows a recipe handed down through four generations of the family.",
    "The judges praised the crust and the sour taste, and said the loaf kept fresh for "
    "almost a week, longer than any other entry in this year's competition.",
]


def art(key: str, paras: list[str], **kw: str) -> Article:
    return Article(id=key, source_id=key, source=key, text="\n\n".join(paras), **kw)


def copies(arts: list[Article], settings: Settings) -> list[DuplicateLink]:
    return find_duplicates(MemoryCorpus(arts), settings)


def test_exact_and_near_copies_link_to_the_earliest(settings: Settings) -> None:
    original = art("a", HARBOUR, published="2025-01-07", outlet="Nordpost")
    same = art("b", HARBOUR, published="2025-01-08", outlet="Kystavisa")
    cut = art("c", [*HARBOUR[:3], "Subscribe to our newsletter for more local news every day."],
              published="2025-01-08", outlet="Fjordblad")
    other = art("d", BAKERY, published="2025-01-07", outlet="Nordpost")
    links = {d.article: d for d in copies([cut, other, same, original], settings)}
    assert set(links) == {"b", "c"}
    assert links["b"].canonical == "a" and links["b"].kind == "exact"
    assert links["c"].canonical == "a" and links["c"].kind == "near"


def test_most_complete_copy_wins_a_tie_on_date(settings: Settings) -> None:
    full = art("z-full", HARBOUR, published="2025-01-07")
    short = art("a-short", HARBOUR[:3], published="2025-01-07")
    links = copies([short, full], settings)
    assert [(d.article, d.canonical) for d in links] == [("a-short", "z-full")]


def test_deterministic_whatever_the_input_order(settings: Settings) -> None:
    arts = [art(k, HARBOUR[i:] + HARBOUR[:i]) for i, k in enumerate("pqrs")]
    assert copies(arts, settings) == copies(arts[::-1], settings)


def test_credited_wire_rewrite_is_syndication(settings: Settings) -> None:
    wire = art("w", HARBOUR, published="2025-01-07", outlet="Nordic Wire")
    rewrite = art("r", [
        "Tromsvik's northern quay is to shut for three weeks for storm repairs, the harbour "
        "authority said, according to Nordic Wire.",
        "Boats will land their catch in the southern basin, where cranes and a cold store are "
        "going in. Harbour master Ingrid Solheim put the cost at 12 million crowns.",
    ], published="2025-01-08", outlet="Kystavisa", wire="Nordic Wire")
    links = copies([wire, rewrite, art("d", BAKERY, published="2025-01-07")], settings)
    assert [(d.article, d.canonical, d.kind) for d in links] == [("r", "w", "wire")]


def test_unrelated_same_day_articles_stay_apart(settings: Settings) -> None:
    arts = [art("a", HARBOUR, published="2025-01-07"), art("b", BAKERY, published="2025-01-07")]
    assert copies(arts, settings) == []


def test_reused_paragraph_is_reported(settings: Settings) -> None:
    a = art("a", HARBOUR, published="2025-01-07")
    b = art("b", [*BAKERY, HARBOUR[2]], published="2025-01-09")
    assert reused_paragraphs([a, b]) == {("b", 2): "a"}
    assert copies([a, b], settings) == []  # one shared paragraph is not a copy


def test_bad_threshold_raises(settings: Settings) -> None:
    with pytest.raises(ConfigError, match="near_duplicate_threshold"):
        copies([], settings.replace(near_duplicate_threshold=0.0))


def test_reprints_of_one_wire_count_once() -> None:
    arts = [art("w", HARBOUR, outlet="Nordic Wire"),
            art("x", HARBOUR, outlet="Kystavisa", wire="Nordic Wire"),
            art("y", HARBOUR, outlet="Fjordblad"),
            art("z", BAKERY, outlet="Lindeby Tidende")]
    links = [DuplicateLink("y", "w", "exact"), DuplicateLink("x", "w", "exact")]
    sources, count = independent_sources(["w", "x", "y", "z"], links, arts)
    assert sources == ["Fjordblad", "Kystavisa", "Lindeby Tidende", "Nordic Wire"]
    assert count == 2
    index = SourceIndex.build({a.id: a for a in arts}, links)
    assert index.count(["x", "y"]) == 1 and index.count(["unknown"]) == 0


def test_a_wire_credited_with_and_without_accents_is_one_origin() -> None:
    arts = [art("a", HARBOUR, outlet="Kystavisa", wire="Agência Nórdica"),
            art("b", BAKERY, outlet="Fjordblad", wire="AGENCIA-NORDICA"),
            art("c", BAKERY, outlet="Lindeby Tidende")]
    index = SourceIndex.build(arts, [])
    assert index.origins["a"] == index.origins["b"] == "agencia nordica"
    assert index.count(["a", "b", "c"]) == 2


def test_short_articles_without_long_paragraphs(settings: Settings) -> None:
    arts = [Article(id=k, source_id=k, source=k, text="A short brief.", published="2025-01-07")
            for k in "ab"]
    assert reused_paragraphs(arts) == {}
    assert [(d.article, d.kind) for d in copies(arts, settings)] == [("b", "exact")]


def test_a_shared_wire_credit_alone_is_no_copy(settings: Settings) -> None:
    # Same day, same credit, but nothing of the text in common: two stories off one wire.
    wire = art("w", HARBOUR, published="2025-01-07", outlet="Nordic Wire")
    other = art("o", BAKERY, published="2025-01-07", outlet="Kystavisa", wire="Nordic Wire")
    assert copies([wire, other], settings) == []


def test_fingerprints_read_a_text_s_words_and_shingles_as_the_text_helpers_do() -> None:
    import hashlib

    from storyline.corpus import dedup
    from storyline.corpus.textsim import shingles
    from storyline.text import fold_words, tokens

    text = ("Die Schäfer-Gümbel Koalition: 12 of the ÉLUS met in Zürich.\n\n  \n\n"
            "O'Brien’s   team\tsaid it would 2024 meet the mayor's office ﬁnally.\n\n"
            "Ｆｕｌｌ-width words and ½ figures.")
    article = Article(id="a", source_id="s", source="a.txt", text=text)
    folded = " ".join(f for f in (fold_words(p) for p in article.paragraphs) if f)
    assert dedup._content_words(folded) == tokens(text)
    assert dedup._content_words("") == tokens("") == []
    hashes = dedup._shingle_hashes(folded, 3)
    want = sorted({int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(),
                                  "little") & 0xFFFFFFFF for s in shingles(folded, 3)})
    assert hashes.dtype.name == "uint32" and hashes.tolist() == want
    assert dedup._shingle_hashes("", 3).tolist() == []


def test_an_outlet_whose_release_was_copied_first_elsewhere_counts_once() -> None:
    # The outlet's release was reprinted by a newswire page that the copy links point to
    # (its canonical), and the outlet has a second release: one outlet, one source.
    arts = [art("wire", HARBOUR, outlet="Newswire Pages"),
            art("own1", HARBOUR, outlet="Harbour Union"),
            art("own2", BAKERY, outlet="Harbour Union"),
            art("other", BAKERY, outlet="Lindeby Tidende")]
    links = [DuplicateLink("own1", "wire", "near")]
    index = SourceIndex.build(arts, links)
    assert index.sources(["own1", "own2"]) == ["Harbour Union"]
    assert index.count(["own1", "own2"]) == 1
    assert index.count(["own1", "own2", "wire"]) == 2
    assert index.count(["own1", "own2", "other"]) == 2


SIDEBAR = [
    "Marta Oksvik and Tore Brandal argue that the Nordheim council keeps failing the "
    "families of Vestby while Halvor Lunde looks the other way.",
    "Senator Ruth Ekland writes that the Karlsen plan for Sorvik would cost Bremnes "
    "taxpayers far more than the Aasen committee admits.",
    "Why the Tollefsen report on the Grimstad ferry was wrong about Lindqvist, Haugen "
    "and the Marholm shipyard, by Petra Solbakken.",
    "Ivar Dahle says the Ostby trial of Kjell Moen shows that the Fjellberg courts "
    "still answer to Rolf Stene and the Vangsnes party.",
]
HONG = [
    "The governor of Kestria is likely to send soldiers into the streets of Port Alban "
    "after another week of protests that the police could not stop.",
    "Officials in the capital fear that a crackdown would anger their trading partners, "
    "yet they also fear that disorder would spread to other provinces.",
    "A ban on masks was struck down by the court on Monday, and talks with the student "
    "leaders broke off before they began, said one adviser to the governor.",
    "Most observers now expect force within weeks rather than months, and few think the "
    "army would hold back once it had been sent in.",
]
PRINCE = [
    "The duke spent most of the television interview explaining why he could not have "
    "been at the party, and why he still did not regret the friendship.",
    "Viewers were struck less by his denials than by how little he seemed to remember of "
    "the years in which the two men often met at each other's houses.",
    "His advisers had urged him not to take part, and one of them resigned a week before "
    "the programme was recorded, according to people close to the palace.",
    "Critics said the broadcast would do more harm than good, and the palace declined to "
    "say whether he would step back from public duties this winter.",
]


def test_a_shared_sidebar_makes_no_translation(settings: Settings) -> None:
    # Two opinion pages of one site, the same day, different pieces, each followed by the
    # site's list of teasers: the teasers' names and words alone made them a translation.
    hong = art("hong", [*HONG, *SIDEBAR], published="2025-11-18", outlet="Examiner")
    prince = art("prince", [*PRINCE, *SIDEBAR], published="2025-11-18", outlet="Examiner")
    assert copies([hong, prince, art("d", BAKERY, published="2025-11-18")], settings) == []


# A site's closing paragraphs, printed under every page (legal notice, disclaimer).
FOOTER = [
    "The information provided on this website was originally intended for readers in one "
    "country, and the rules that apply where you live may be different from those.",
    "Consult a qualified professional before acting on anything you read here; the content "
    "is for general information only and is not advice of any kind for your situation.",
    "All names and logos shown on these pages belong to their owners, who have not reviewed "
    "or endorsed the articles, and no part may be reprinted without written permission.",
]


def test_a_shared_site_footer_is_no_copy(settings: Settings) -> None:
    # one page's extract came out as its site's footer only: no copy of an article that
    # ends with the same footer
    article = art("a", [*HARBOUR, *FOOTER], published="2025-01-07",
                  url="https://www.harbour-news.example/quays")
    footer_only = art("b", ["Why the quay matters to the town", *FOOTER],
                      published="2025-01-08", url="https://harbour-news.example/why")
    other = art("c", [*BAKERY, *FOOTER], published="2025-01-08",
                url="https://harbour-news.example/bakery")
    assert copies([article, footer_only, other], settings) == []


def test_a_release_reprinted_at_the_end_of_another_outlets_report_stays_a_copy(
        settings: Settings) -> None:
    # a short release (title + its paragraphs) printed whole at the end of a longer report
    # of another site: the report is not independent of it, the link stays
    release = art("a", ["Why the quay matters to the town", *FOOTER], published="2025-01-08",
                  url="https://press.example/release")
    report = art("b", [*HARBOUR, *FOOTER], published="2025-01-07",
                 url="https://www.daily.example/quays")
    assert [(d.article, d.canonical) for d in copies([release, report], settings)] == [
        ("a", "b")]
    # the same two pages of one site: the release is the site's footer under a title
    same_site = dataclasses.replace(release, url="https://daily.example/footer")
    assert copies([same_site, report], settings) == []


def test_copies_under_a_shared_footer_still_link(settings: Settings) -> None:
    original = art("a", [*HARBOUR, *FOOTER], published="2025-01-07")
    retitled = art("b", ["A new headline over the same story", *HARBOUR, *FOOTER],
                   published="2025-01-08")
    cut = art("c", [*HARBOUR[:3], *FOOTER], published="2025-01-08")
    links = {d.article: d.canonical for d in copies([original, retitled, cut], settings)}
    assert links == {"b": "a", "c": "a"}
