"""corpus.stories on hand-written articles: clustering, incremental runs, stable ids."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.corpus import stories, titles
from storyline.corpus.reader import MemoryCorpus
from storyline.corpus.stories import assign_stories, average_link, cluster_pairs
from storyline.records import Analysis, Article, DuplicateLink, Mention, Story
from storyline.settings import Settings

QUAY = [
    "The Tromsvik harbour authority closed the northern quay for storm repairs.",
    "Harbour master Ingrid Solheim said repairs to the Tromsvik quay will take three weeks.",
    "Fishing boats diverted from the damaged Tromsvik quay land cod at the southern basin.",
    "Ingrid Solheim reopened the Tromsvik northern quay after the storm repairs ended.",
]
BREAD = [
    "A Lindeby bakery won the regional bread prize for its rye loaf with a sour crust.",
    "Judges of the Lindeby bread prize praised the bakery rye loaf and its crust.",
    "The Lindeby bakery that won the bread prize doubled rye loaf production.",
]


def art(key: str, text: str, day: str) -> Article:
    return Article(id=key, source_id=key, source=key, text=text, published=day)


def corpus() -> list[Article]:
    days = ["2025-01-07", "2025-01-08", "2025-01-09", "2025-03-20"]
    return ([art(f"q{i}", t, days[i]) for i, t in enumerate(QUAY)]
            + [art(f"b{i}", t, "2025-01-08") for i, t in enumerate(BREAD)])


def groups(stories: list[Story]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


def _features(arts: list[Article]) -> stories.Features:
    corpus = MemoryCorpus(arts)
    return stories.features(corpus.infos(), corpus, stories.CHANNEL_WEIGHTS)


def _title(arts: list[Article]) -> str:
    """The title of the one story ``arts`` make (they are put in one story to be titled)."""
    one = [Story("s", "", tuple(a.id for a in arts))]
    [story] = assign_stories(MemoryCorpus(arts), [], one, Settings(progress=False))
    return story.title


def test_two_threads_two_stories_even_after_a_silence(settings: Settings) -> None:
    found = assign_stories(MemoryCorpus(corpus()), [], [], settings)
    assert groups(found) == {frozenset(f"q{i}" for i in range(4)),
                             frozenset(f"b{i}" for i in range(3))}
    quay = next(s for s in found if "q0" in s.articles)
    assert (quay.first, quay.last) == ("2025-01-07", "2025-03-20")
    assert "Tromsvik" in quay.title


def test_rerun_keeps_ids_and_new_articles_join(settings: Settings) -> None:
    arts = corpus()
    first = assign_stories(MemoryCorpus(arts[:2] + arts[4:6]), [], [], settings)
    again = assign_stories(MemoryCorpus(arts), [], first, settings)
    assert groups(again) == groups(assign_stories(MemoryCorpus(arts), [], [], settings))
    old = {s.id for s in first}
    assert {s.id for s in again} == old


def test_a_copy_follows_its_canonical(settings: Settings) -> None:
    arts = [*corpus(), art("copy", "Unrelated words entirely, a reprint page.", "2025-01-08")]
    links = [DuplicateLink("copy", "b0", "wire")]
    found = assign_stories(MemoryCorpus(arts), links, [], settings)
    assert any({"copy", "b0"} <= set(s.articles) for s in found)


def test_previous_stories_never_merge() -> None:
    sim = np.array([[1, .9, .9], [.9, 1, .9], [.9, .9, 1]], dtype=np.float32)
    assert average_link(sim, 0.5, seeds=[[0], [1]]) == [[0, 2], [1]]
    assert average_link(sim, 0.5) == [[0, 1, 2]]


def test_empty_input(settings: Settings) -> None:
    assert assign_stories(MemoryCorpus([]), [], [], settings) == []


def test_one_article_is_one_story(settings: Settings) -> None:
    found = assign_stories(MemoryCorpus(corpus()[:1]), [], [], settings)
    assert [s.articles for s in found] == [("q0",)]


def dense_average_link(sim: np.ndarray, threshold: float,
                       seeds: list[list[int]] | None = None) -> list[list[int]]:
    """Textbook average link on a full matrix, the reference for the sparse one; ``seeds``
    start merged and never merge with each other."""
    seeds = seeds or []
    held = {k for s in seeds for k in s}
    groups = [*seeds, *([k] for k in range(sim.shape[0]) if k not in held)]
    locked = [True] * len(seeds) + [False] * (len(groups) - len(seeds))
    while len(groups) > 1:
        best, pair = -1.0, (0, 0)
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                if locked[a] and locked[b]:
                    continue
                mean = float(sim[np.ix_(groups[a], groups[b])].mean())
                if mean > best:
                    best, pair = mean, (a, b)
        if best < threshold:
            break
        a, b = pair
        groups[a] = sorted(groups[a] + groups.pop(b))
        locked[a] = locked[a] or locked.pop(b)
    return sorted(groups)


@pytest.mark.parametrize("seed", range(5))
def test_sparse_average_link_matches_the_dense_definition(seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.random((14, 6)) ** 3
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    sim = (x @ x.T).astype(np.float32)
    for threshold in (0.3, 0.5, 0.7):
        assert sorted(average_link(sim, threshold)) == dense_average_link(sim, threshold)


@pytest.mark.parametrize("seed", range(5))
def test_sparse_average_link_with_seeds_matches_the_dense_definition(seed: int) -> None:
    # Seeded groups are linked by several pairs each: their link sums several similarities.
    rng = np.random.default_rng(seed)
    x = rng.random((14, 6)) ** 3
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    sim = (x @ x.T).astype(np.float32)
    seeds = [[0, 5, 9], [2, 3], [11]]
    for threshold in (0.3, 0.5, 0.7):
        assert (sorted(average_link(sim, threshold, seeds))
                == dense_average_link(sim, threshold, seeds))


def test_missing_pairs_count_as_zero() -> None:
    pairs = (np.array([0, 1]), np.array([1, 2]), np.array([0.9, 0.9]))
    # 0-1 and 1-2 are alike but 0-2 is unknown: the mean over {0,1} x {2} is 0.45.
    assert cluster_pairs(3, pairs, 0.5) == [[0, 1], [2]]
    assert cluster_pairs(3, pairs, 0.4) == [[0, 1, 2]]


def test_an_undated_article_is_no_time_evidence() -> None:
    sure = Article(id="a", source_id="a", source="a", text="x", published="2008-12-13",
                   published_from="text-stamp")
    # a guess is only ever an estimate, never ``published``
    undated = Article(id="b", source_id="b", source="b", text="x",
                      published_from="none: no date of its own", published_estimate="2025-12-13",
                      published_estimate_from="latest full date the text mentions")
    assert "2008" in stories.time_keys(sure, None)
    assert stories.time_keys(undated, None) == []
    feats = _features([sure, undated])
    assert not np.isnan(feats.days[0]) and np.isnan(feats.days[1])


# Two quakes on one invented island: a dated one and an undated one with other figures.
QUAKE_DATED = [
    "A 6.1 magnitude earthquake struck Varsholm island, killing 12 people in the port of "
    "Eskerby. Rescue workers dug through collapsed schools.",
    "The Varsholm earthquake killed 12 people; rescue workers in Eskerby pulled survivors "
    "from collapsed schools after the 6.1 tremor.",
    "Eskerby mourned 12 dead after the 6.1 earthquake on Varsholm island as rescue workers "
    "searched collapsed schools.",
]
QUAKE_UNDATED = [
    "A 5.4 magnitude earthquake shook Varsholm island, cracking walls of farmhouses near "
    "Lundvik. Three farmers were treated for light injuries.",
    "Farmhouses near Lundvik on Varsholm island had cracked walls after a 5.4 earthquake; "
    "three farmers were treated.",
    "The 5.4 earthquake on Varsholm island cracked farmhouse walls around Lundvik, and three "
    "farmers needed treatment.",
]


def quakes() -> list[Article]:
    dated = [art(f"d{i}", t, f"2011-03-0{6 + i % 2}") for i, t in enumerate(QUAKE_DATED)]
    undated = [Article(id=f"u{i}", source_id=f"u{i}", source=f"u{i}", text=t)
               for i, t in enumerate(QUAKE_UNDATED)]
    return dated + undated


def test_an_undated_report_of_another_incident_does_not_join_a_dated_story(
        settings: Settings) -> None:
    two = {frozenset({"d0", "d1", "d2"}), frozenset({"u0", "u1", "u2"})}
    assert groups(assign_stories(MemoryCorpus(quakes()), [], [], settings)) == two
    # Words and names alone, without figures and time anchors, make them one story.
    alike = assign_stories(MemoryCorpus(quakes()), [], [], settings, {"text": 0.6, "entities": 0.3},
                           time_anchors=False)
    assert len(alike) == 1


def test_an_undated_article_still_joins_its_own_story_across_runs(settings: Settings) -> None:
    arts = quakes()
    first = assign_stories(MemoryCorpus(arts[:3]), [], [], settings)
    copy = Article(id="u9", source_id="u9", source="u9", text=QUAKE_DATED[0])
    again = assign_stories(MemoryCorpus([*arts[:3], copy]), [], first, settings)
    assert groups(again) == {frozenset({"d0", "d1", "d2", "u9"})}
    assert {s.id for s in again} == {s.id for s in first}


def test_time_anchors_scale_a_pair(settings: Settings) -> None:
    arts = [art("a", "x", "2011-03-06"), art("b", "x", "2011-03-06"),
            Article(id="c", source_id="c", source="c", text="x"),
            Article(id="d", source_id="d", source="d", text="x")]
    feats = _features(arts)
    factor = stories.time_factor(feats.time, 0, len(arts))
    one_sided = stories.ONE_SIDED_TIME_FACTOR
    assert factor[2, 3] == 1.0  # no anchor on either side: nothing to disagree on
    assert factor[0, 2] == factor[1, 3] == one_sided
    assert factor[0, 1] == pytest.approx(one_sided * (1 + stories.TIME_AGREEMENT_BONUS))


def test_a_shared_figure_alone_makes_no_two_articles_alike(settings: Settings) -> None:
    arts = [art("q", "The Tromsvik harbour closed the northern quay for 2 weeks.", "2025-01-08"),
            art("b", "A Lindeby bakery won 2 prizes for its rye loaf.", "2025-01-08")]
    feats = _features(arts)
    assert stories.similarity(feats, 0, 2, settings)[0, 1] == 0.0
    assert len(assign_stories(MemoryCorpus(arts), [], [], settings)) == 2


def test_figures_are_numbers_other_than_years() -> None:
    a = Article(id="a", source_id="a", source="a", title="Quake of 5.6 hits in 2008",
                text="It injured 5 people; 2,000 tents and 1,250.5 tonnes of aid came.")
    assert stories.figure_keys(a) == ["5.6", "5", "2000", "1250.5"]


def mention(article: str, text: str, label: str) -> Mention:
    return Mention(article=article, start=0, end=len(text), text=text, label=label, key=text)


def test_a_shared_person_links_more_than_a_shared_country() -> None:
    # Every name in two articles, so only the type tells the pairs apart.
    names = {"a1": ["Ada Quill", "Norland"], "a2": ["Ada Quill", "Estmark"],
             "a3": ["Bo Reyes", "Norland"], "a4": ["Bo Reyes", "Estmark"]}
    arts = [art(k, "text", "2025-01-01") for k in names]
    analyses = {k: Analysis(article=k, mentions=tuple(
        mention(k, n, "GPE" if n.endswith("land") or n.endswith("mark") else "PERSON")
        for n in ns)) for k, ns in names.items()}
    corpus = MemoryCorpus(arts, analyses)
    [(mat, _)] = stories.features(corpus.infos(), corpus, {"entities": 1.0}).channels
    sim = (mat @ mat.T).toarray()
    assert sim[0, 1] > sim[0, 2] > 0


def test_each_article_keeps_its_nearest_partners_only(settings: Settings) -> None:
    arts = [art(f"q{i}", " ".join(QUAY), "2025-01-07") for i in range(6)]
    left, right, _ = stories.similar_pairs(_features(arts), settings, neighbours=2)
    assert len(left) <= 2 * len(arts) and bool(np.all(left < right))


def kept_by_either_row(sim: np.ndarray, cap: int) -> set[tuple[int, int]]:
    """The rule itself: row i keeps its ``cap`` most similar partners at the floor, ties to
    the lower column; a pair stays when either of its rows keeps it."""
    kept = set()
    for i, row in enumerate(sim):
        row = row.copy()
        row[i] = 0.0
        candidates = np.flatnonzero(row >= stories.PAIR_FLOOR)
        best = candidates[np.argsort(-row[candidates], kind="stable")[:cap]]
        kept |= {(min(i, int(j)), max(i, int(j))) for j in best}
    return kept


@pytest.mark.parametrize("cap", [1, 2, 3, 100])
def test_pairs_are_those_either_row_keeps_each_once(settings: Settings, cap: int) -> None:
    # Repeated texts tie; the rest share some words with some of the others.
    texts = [QUAY[0], QUAY[0], QUAY[1], QUAY[0] + " " + BREAD[0], BREAD[0], BREAD[1],
             QUAY[0], QUAY[3], BREAD[2]]
    arts = [art(f"a{i}", t, "2025-01-07") for i, t in enumerate(texts)]
    feats = _features(arts)
    dense = stories.similarity(feats, 0, len(arts), settings)
    # Blocks of 9 cells: several blocks, a row's pairs in two.
    left, right, sims = stories.similar_pairs(feats, settings, neighbours=cap, block_cells=9)
    found = list(zip(left.tolist(), right.tolist(), strict=True))
    assert found == sorted(kept_by_either_row(dense, cap))
    assert sims.tolist() == [dense[i, j] for i, j in found]


LEAD = ("Harbour master Ingrid Solheim confirmed today, Tuesday, that the northern quay of the "
        "Tromsvik harbour will stay closed for storm repairs until the end of the month. "
        "Boats land at the southern basin.")


def titled(key: str, text: str, title: str | None) -> Article:
    return Article(id=key, source_id=key, source=key, text=text, title=title,
                   published="2025-01-07")


def test_story_title_is_a_headline_not_a_long_lead() -> None:
    arts = [titled("t1", LEAD, None), titled("t2", LEAD, "Tromsvik quay stays shut for repairs"),
            titled("t3", LEAD, "Storm repairs close Tromsvik quay"),
            titled("t4", LEAD, "Bakery prize goes to rye loaf")]
    title = _title(arts)
    assert title in {"Tromsvik quay stays shut for repairs", "Storm repairs close Tromsvik quay"}


def test_story_title_falls_back_to_a_shortened_lead() -> None:
    lead = [titled("t1", LEAD, None)]
    title = _title(lead)
    assert title.startswith("Harbour master Ingrid Solheim confirmed")
    assert title.endswith("…")
    assert len(title) <= titles.TITLE_CHARS + 1
    assert len(title.split()) <= titles.TITLE_WORDS


def test_sparse_tfidf_rows_match_the_dense_matrix() -> None:
    from storyline.corpus.textsim import tfidf_matrix, tfidf_rows
    from storyline.text import tokens

    docs = [tokens(t) for t in QUAY + BREAD + ["", "Tromsvik", QUAY[0] + " " + BREAD[0]]]
    sparse = tfidf_rows(iter(docs))
    assert sparse.shape[0] == len(docs) and sparse.has_sorted_indices
    assert np.allclose(sparse.toarray(), tfidf_matrix(docs), atol=1e-6)
    assert np.allclose(tfidf_rows(iter(docs), max_features=3).toarray(),
                       tfidf_matrix(docs, max_features=3), atol=1e-6)


def test_a_story_is_not_titled_by_the_date_stamp_that_opens_its_text() -> None:
    article = Article(id="a1", source_id="a1", source="a1.txt",
                      text="Saturday, March 8, 2031\n\nHarbour pilots strike over night shifts.\n\n"
                           "The strike began at dawn.")
    assert _title([article]) == "Harbour pilots strike over night shifts."


def test_a_day_most_of_the_corpus_shares_earns_no_agreement_bonus() -> None:
    # A crawl of one day: every dated pair agrees on it, so agreeing says nothing (issue
    # 17: a deals page and a tech digest of one day were one story through the day alone).
    days = np.array([737000.0] * 6 + [737400.0, np.nan])
    spec = stories.day_specificity(days)
    assert spec[0] == 0.0  # 6 of 8 on one day: no bonus left
    assert spec[6] == pytest.approx(1 - stories.CROWD_DAMPING / 8)  # alone on its day
    assert spec[7] == 1.0  # undated: nothing to discount
    assert stories.day_specificity(np.array([], dtype=np.float64)).shape == (0,)


def test_the_same_pair_gains_from_a_rare_day_but_not_from_a_crowded_one() -> None:
    pair = ["Police in Orvano fired tear gas at students marching against a fuel tax.",
            "Velmaria's parliament voted on a fuel tax as unions marched in the capital."]
    others = [*QUAY, *BREAD, "A new tram line links the Brova station with the market."]
    settings = Settings(progress=False)

    def likeness(days: list[str]) -> float:
        arts = [art("a", pair[0], "2019-11-19"), art("b", pair[1], "2019-11-19"),
                *(art(f"o{k}", t, days[k]) for k, t in enumerate(others))]
        feats = _features(arts)
        return float(stories.similarity(feats, 0, 1, settings)[0, 1])

    crowded = likeness(["2019-11-19"] * len(others))
    spread = likeness([f"2019-{k + 1:02d}-10" for k in range(len(others))])
    # Spread out, the pair's day still holds 2 of the corpus's articles: most of the bonus.
    share = 2 / (2 + len(others))
    assert spread / crowded == pytest.approx(
        1 + stories.TIME_AGREEMENT_BONUS * (1 - stories.CROWD_DAMPING * share))


def lang_art(key: str, text: str, language: str, day: str = "2020-05-04") -> Article:
    return Article(id=key, source_id=key, source=key, text=text, published=day,
                   language=language)


def test_a_capitalised_stop_word_of_the_pages_language_is_no_name() -> None:
    text = "El presidente habló. Los vecinos de Tromsvik esperan."
    assert stories._capitalised_names(text, "es") == ["Tromsvik"]
    assert stories._capitalised_names(text) == ["El", "Los", "Tromsvik"]


# Two pages alone in their language among pages of others: besides three common words
# ("sonra dedi bugun") every word of each is its own; neither names anyone.
_OWN_WORDS = " ".join(f"kelime{k}a" for k in range(60))
_OTHER_WORDS = " ".join(f"kelime{k}b" for k in range(60))


def test_a_few_common_words_do_not_make_two_pages_of_a_rare_language_alike(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    common = "sonra dedi bugun"
    arts = [lang_art("t1", f"{_OWN_WORDS} {common}.", "tr"),
            lang_art("t2", f"{_OTHER_WORDS} {common}.", "tr"),
            *(lang_art(f"e{i}", t, "en") for i, t in enumerate(BREAD))]
    assert not any({"t1", "t2"} <= set(s.articles)
                   for s in assign_stories(MemoryCorpus(arts), [], [], settings))
    feats = _features(arts)
    t1, t2 = (k for k, a in enumerate(MemoryCorpus(arts).infos()) if a.id in ("t1", "t2"))
    text = feats.channels[1][0]  # (entities, text) in name order
    assert (text[t1] @ text[t2].T).toarray()[0, 0] < 0.15
    # Rows of their shared words alone, as before: the three words made them one story
    # (no pipeline reads Turkish: the pair is damped as unread pages too, so that is off).
    monkeypatch.setattr(stories, "SHARED_WEIGHT", 1e-9)
    monkeypatch.setattr(stories, "UNREAD_DAMPING", 1.0)
    assert any({"t1", "t2"} <= set(s.articles)
               for s in assign_stories(MemoryCorpus(arts), [], [], settings))


def test_reports_of_one_story_in_a_rare_language_still_join(settings: Settings) -> None:
    one = ("Derelik Yalinkoy ilcesinde sobadan zehirlenen iki cocuk hastaneye kaldirildi; "
           "Yalinkoy itfaiyesi evde karbonmonoksit olctu.")
    two = ("Yalinkoy ilcesinde sobadan zehirlenen iki cocuk Derelik hastanesine kaldirildi, "
           "itfaiye karbonmonoksit buldu.")
    arts = [lang_art("t1", one, "tr"), lang_art("t2", two, "tr"),
            lang_art("t3", f"{_OWN_WORDS} sonra dedi bugun.", "tr"),
            *(lang_art(f"e{i}", t, "en") for i, t in enumerate(BREAD))]
    found = groups(assign_stories(MemoryCorpus(arts), [], [], settings))
    assert frozenset({"t1", "t2"}) in found and frozenset({"t3"}) in found
