"""corpus.furniture on hand-written articles: a site's recurring paragraphs, which of them
are furniture, pages without prose, and the words a page is compared by."""

from __future__ import annotations

from functools import partial

import pytest

from storyline.corpus import furniture, stories
from storyline.corpus.reader import MemoryCorpus
from storyline.corpus.stories import assign_stories
from storyline.records import Analysis, Article, Mention, Story
from storyline.settings import Settings
from storyline.text import tokens
from test_stories import BREAD, QUAY, art


def lang_art(key: str, text: str, language: str, day: str = "2020-05-04") -> Article:
    return Article(id=key, source_id=key, source=key, text=text, published=day,
                   language=language)


def groups(found: list[Story]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in found}


def mention(article: str, text: str, label: str) -> Mention:
    return Mention(article=article, start=0, end=len(text), text=text, label=label, key=text)


def _features(arts: list[Article]) -> stories.Features:
    corpus = MemoryCorpus(arts)
    return stories.features(corpus.infos(), corpus, stories.CHANNEL_WEIGHTS)


def test_the_text_channel_drops_the_stop_words_of_the_pages_own_language() -> None:
    es = lang_art("es", "La casa de la playa que vendieron los vecinos.", "es")
    assert furniture.text_keys(es) == ["casa", "playa", "vendieron", "vecinos"]
    en = lang_art("en", "The house by the beach that the neighbours sold.", "en")
    assert furniture.text_keys(en) == tokens(furniture.full_text(en))
    assert furniture.stop_words("und") == furniture.stop_words(None) == frozenset()
    assert "que" in furniture.stop_words("es") and "في" in furniture.stop_words("ar")


# A site's furniture: two long paragraphs printed under every page of one site.
SLOGAN = ("Tromsvik Daily is where the news of the northern coast is told first, the essential "
          "source of stories and ideas that make sense of a fast changing region every day.")
NEWSLETTER = ("Want more of the coast? Subscribe to our weekly newsletter for the latest news "
              "from the harbour, the fjords and the fishing fleet, delivered free to your inbox.")


def furnished(key: str, body: str, day: str = "2025-01-08") -> Article:
    return art(key, f"{body}\n\n{SLOGAN}\n\n{NEWSLETTER}", day)


def test_a_sites_furniture_does_not_join_unrelated_pages(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    arts = [furnished("q", f"{QUAY[0]} {QUAY[1]}"), furnished("b", f"{BREAD[0]} {BREAD[1]}"),
            art("x", QUAY[2], "2025-01-09"), art("y", BREAD[2], "2025-01-09")]
    assert not any({"q", "b"} <= set(s.articles)
                   for s in assign_stories(MemoryCorpus(arts), [], [], settings))
    recurring, _ = furniture.recurring_paragraphs(arts)
    assert sorted(recurring.values()) == [[0, 1], [0, 1]]
    # Read as content, the two paragraphs made the pages one story.
    monkeypatch.setattr(furniture, "FURNITURE_ALIKE", 0.0)
    assert any({"q", "b"} <= set(s.articles)
               for s in assign_stories(MemoryCorpus(arts), [], [], settings))


def test_a_paragraph_reports_of_one_story_share_stays_what_they_compare() -> None:
    quote = ("“We will reopen the northern quay for the fishing fleet as soon as the storm "
             "repairs are finished and the divers have checked the piles,” Solheim said.")
    arts = [art(f"q{i}", f"{QUAY[i]} {QUAY[i + 2]}\n\n{quote}", "2025-01-08") for i in range(2)]
    arts += [art(f"b{i}", t, "2025-01-08") for i, t in enumerate(BREAD)]
    corpus = MemoryCorpus(arts)
    ids = [a.id for a in corpus.infos()]
    recurring, pages = furniture.recurring_paragraphs(corpus.articles(ids))
    assert len(recurring) == 1 and not pages.alone.any()
    skip = furniture.furniture(recurring, lambda s: stories.text_rows(
        corpus, ids, s, furniture.holders(recurring, s), prose=True))
    assert skip == frozenset()
    plain = stories._shared_rows(stories.tfidf_rows(
        (furniture.text_keys(a) for a in corpus.articles(ids)), min_df=1))
    text = _features(arts).channels[1][0]
    assert (text != plain).nnz == 0


def test_a_page_without_prose_joins_nothing(settings: Settings) -> None:
    walls = [lang_art(f"w{i}", f"Request blocked. Incident ID: 70300{i}", "und")
             for i in range(2)]
    feats = _features(walls)
    assert feats.alone is not None and feats.alone.all()
    assert not stories.similarity(feats, 0, 2, settings).any()
    found = groups(assign_stories(MemoryCorpus(walls), [], [], settings))
    assert found == {frozenset({"w0"}), frozenset({"w1"})}
    # A short page whose language is known is prose, however few its words.
    short = [lang_art(f"s{i}", "The harbour vote is over in Tromsvik.", "en")
             for i in range(2)]
    assert _features(short).alone is None


def test_only_a_shared_paragraph_that_opens_or_closes_pages_with_text_of_their_own_counts(
        ) -> None:
    own = [f"{QUAY[i]} {QUAY[(i + 1) % 4]}" for i in range(4)]
    arts = [art("top", f"{SLOGAN}\n\n{own[0]}", "2025-01-08"),
            art("end", f"{own[1]}\n\n{NEWSLETTER}\n\n{SLOGAN}", "2025-01-08"),
            # the newsletter amid a page's own paragraphs: content, not furniture
            art("mid", f"{own[2]}\n\n{NEWSLETTER}\n\n{own[3]}", "2025-01-08"),
            # a page of others' paragraphs only (a digest, a copy) is no evidence either way
            art("all", f"{SLOGAN}\n\n{NEWSLETTER}", "2025-01-08")]
    recurring, _ = furniture.recurring_paragraphs(arts)
    assert list(recurring.values()) == [[0, 1]]  # the slogan, top and bottom


def test_names_in_a_sites_furniture_are_not_read() -> None:
    body = f"{QUAY[0]} {QUAY[1]}"
    page = furnished("q", body)
    start = page.text.index("Tromsvik Daily")
    found = Analysis(article="q", mentions=(
        mention("q", "Ingrid Solheim", "PERSON"),
        Mention(article="q", start=start, end=start + 14, text="Tromsvik Daily", label="ORG",
                key="tromsvik daily")))
    [slogan] = furniture.digests([SLOGAN])
    assert slogan is not None
    keys = stories._entity_keys(page, found, frozenset({slogan}))
    assert [k for k, _ in keys] == ["ingrid solheim"]
    assert len(stories._entity_keys(page, found)) == 2


def test_paragraphs_a_copy_alone_shares_are_no_furniture() -> None:
    # Many pages with paragraphs of their own and one copy of a page: the copy's paragraphs
    # recur, but in a copy only, which is evidence neither way (its memory per paragraph is
    # measured in bench/, not here).
    n, per = 200, 10
    arts = [art(f"p{k}", "\n\n".join(" ".join(f"word{k}x{i}y{w}" for w in range(14))
                                     for i in range(per)), "2025-01-08") for k in range(n)]
    arts.append(art("c", arts[0].text, "2025-01-08"))
    recurring, _ = furniture.recurring_paragraphs(arts)
    assert recurring == {}


# A site's template around its furniture: short lines (a menu, a date line, a keyword list,
# "Advertisements") that share words but are no prose.
def templated(key: str, body: str, day: str, section: str, keywords: str) -> Article:
    lines = [f"{day} 10:18 PM English | Norsk", body, f"Keyword: {keywords}",
             f"Home | {section} | News", "Advertisements", SLOGAN, NEWSLETTER]
    return art(key, "\n\n".join(lines), day)


def test_a_sites_short_template_lines_do_not_keep_its_furniture_in(settings: Settings) -> None:
    arts = [templated("q", f"{QUAY[0]} {QUAY[1]}", "2025-01-08", "Harbour", "quay, storm"),
            templated("b", f"{BREAD[0]} {BREAD[1]}", "2025-01-09", "Food", "bakery, prize"),
            art("x", QUAY[2], "2025-01-09"), art("y", BREAD[2], "2025-01-09")]
    corpus = MemoryCorpus(arts)
    ids = [a.id for a in corpus.infos()]
    recurring, _, skip = furniture.site_furniture(
        corpus, ids, partial(stories.text_rows, corpus, ids, prose=True))
    assert skip == frozenset(recurring) and len(skip) == 2
    assert not any({"q", "b"} <= set(s.articles)
                   for s in assign_stories(corpus, [], [], settings))
    # With the template's lines read, the pages stayed alike without the furniture, which
    # was then read as content.
    every = frozenset(recurring)
    rows = stories.text_rows(corpus, ids, every, furniture.holders(recurring, every))
    q, b = ids.index("q"), ids.index("b")
    assert float(rows[q].multiply(rows[b]).sum()) >= furniture.FURNITURE_ALIKE


def test_prose_is_long_paragraphs_and_short_lines_that_end_a_sentence() -> None:
    page = art("p", "\n\n".join(["Home | News", "He was 54.", "Advertisements",
                                  "“We will rebuild,” she said.", "Ниже нуля?", SLOGAN]),
               "2025-01-08")
    assert furniture.prose_text(page).split("\n\n")[1:] == [
        "He was 54.", "“We will rebuild,” she said.", "Ниже нуля?", SLOGAN]
    [slogan] = furniture.digests([SLOGAN])
    assert slogan is not None
    assert SLOGAN not in furniture.prose_text(page, frozenset({slogan}))


# Two unrelated broadcast reports of one day, each closed by its reporter's sign-off.
RIOT = ("Riot police in Lagos clashed with students who marched against the fuel price rise; "
        "witnesses said tear gas was fired near the university gates. "
        "Ada Obi, Coastwave News, Lagos.")
GLACIER = ("Scientists measuring the Svartisen glacier found it lost eleven metres of ice last "
           "summer, the fastest retreat in their records. Tom Berg for Coastwave News, Oslo.")


def test_a_broadcasters_sign_off_is_furniture(settings: Settings) -> None:
    start, marks = furniture.closing_line(RIOT) or (0, frozenset())
    assert RIOT[start:] == "Ada Obi, Coastwave News, Lagos." and "coastwave" in marks
    assert furniture.closing_line("One sentence only, Coastwave News.") is None
    arts = [lang_art("riot", RIOT, "en"), lang_art("ice", GLACIER, "en"),
            *(lang_art(f"b{i}", t, "en") for i, t in enumerate(BREAD))]
    closing = furniture.closing_lines(arts)
    assert set(closing) == {"riot", "ice"} and closing["ice"][1] == {"coastwave", "news"}
    ids = [a.id for a in arts]
    cut = furniture.SignedOff(MemoryCorpus(arts), {a: s for a, (s, _) in closing.items()})
    rows = stories.text_rows(cut, ids, furniture.NO_SKIP, set(), prose=True)
    assert furniture.sign_offs(closing, ids, rows) == {a: s for a, (s, _) in closing.items()}
    assert next(cut.articles(["ice"])).text.endswith("in their records.")
    found = groups(assign_stories(MemoryCorpus(arts), [], [], settings))
    assert frozenset({"riot"}) in found and frozenset({"ice"}) in found


def test_reports_of_one_event_that_close_alike_keep_their_closing_line() -> None:
    close = " The woman was taken to Harborview Hospital."
    arts = [lang_art("a", f"{QUAY[0]}{close}", "en"), lang_art("b", f"{QUAY[1]}{close}", "en"),
            lang_art("c", BREAD[0], "en")]
    closing = furniture.closing_lines(arts)
    assert set(closing) == {"a", "b"}
    ids = [a.id for a in arts]
    cut = furniture.SignedOff(MemoryCorpus(arts), {a: s for a, (s, _) in closing.items()})
    rows = stories.text_rows(cut, ids, furniture.NO_SKIP, set(), prose=True)
    assert furniture.sign_offs(closing, ids, rows) == {}
