"""Stories: articles about one thread of news, clustered across runs.

    1. fold copies      a duplicate goes where its canonical goes, so reprints never split
    2. features         TF-IDF of the text, TF-IDF of the named entities, the day
    3. similarity       text and entity cosines blended, damped across long silences
    4. cluster          average-link agglomeration; earlier runs' stories are fixed seeds
                        that new articles may join but that never merge with each other
    5. records          a stable id (earlier runs' ids kept), a short title, first and last day

Articles a ``previous`` story holds keep it, so re-runs and new batches never reshuffle
what a reader has already seen.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from numpy.typing import NDArray

from ..records import Analysis, Article, DuplicateLink, Story, content_id
from ..settings import Settings
from .sources import syndication_roots
from .textsim import fold_text, tfidf_matrix, tokens

__all__ = ["assign_stories", "average_link", "story_similarity"]

# Share of the blended similarity given to shared entities (the rest is text). Tuned on
# stories-ecbplus-dev (bench/stories_baseline.py): 0.3-0.5 all beat text alone; names
# separate sibling stories that share vocabulary ("enters rehab") but not people.
ENTITY_WEIGHT = 0.3
# Share given to the dates an article speaks about (its timexes, else the years it names,
# plus its publication day): sibling stories a few years apart share words and even names.
TIME_WEIGHT = 0.1
# Beyond ``Settings.story_gap_days`` of silence between two dated articles, their
# similarity is multiplied by this: a thread may resume, but it must look very alike.
LONG_GAP_DAMPING = 0.5
# Mention labels that name a thread's participants; roles and numbers do not.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                           "WORK_OF_ART", "LAW"})
# Words in a title candidate: a headline longer than this is cut at a word boundary.
TITLE_WORDS = 12
_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|van|von|al))*")


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A time key's prefixes: a timex "2008-12-15" also supports "2008-12" and "2008".
_TIME_PREFIXES = (4, 7, 10)


@dataclass(frozen=True, slots=True)
class _Features:
    text: NDArray[np.float32]
    names: NDArray[np.float32]
    times: NDArray[np.float32]
    days: NDArray[np.float64]  # ordinal day, NaN when undated


def assign_stories(articles: Sequence[Article], analyses: Mapping[str, Analysis],
                   links: Sequence[DuplicateLink], previous: Sequence[Story],
                   settings: Settings) -> list[Story]:
    """Every article in exactly one story; earlier assignments kept, new articles placed."""
    if not articles:
        return []
    by_id = {a.id: a for a in articles}
    roots = {a: r for a, r in syndication_roots(links).items() if a in by_id and r in by_id}
    heads = sorted({roots.get(a.id, a.id) for a in articles})
    reps = [by_id[h] for h in heads]
    seeds = _seed_clusters(heads, previous, roots)
    sim = story_similarity(_features(reps, analyses), settings)
    clusters = average_link(sim, settings.story_threshold, seeds)
    members = _expand(clusters, heads, roots, by_id)
    old_ids = {a: s.id for s in previous for a in s.articles}
    return _records(members, by_id, analyses, old_ids)


def story_similarity(feats: _Features, settings: Settings) -> NDArray[np.float32]:
    """Blended text/entity/time cosine, damped between articles further apart than the gap.

    A channel only counts for a pair when both articles have something in it; the weights
    of the channels that count are renormalised, so an undated article is not penalised.
    """
    total = np.zeros((feats.text.shape[0],) * 2, dtype=np.float64)
    weight = np.zeros_like(total)
    for mat, w in ((feats.text, 1 - ENTITY_WEIGHT - TIME_WEIGHT),
                   (feats.names, ENTITY_WEIGHT), (feats.times, TIME_WEIGHT)):
        present = np.linalg.norm(mat, axis=1) > 0
        both = np.outer(present, present)
        total += np.where(both, w * (mat @ mat.T), 0.0)
        weight += np.where(both, w, 0.0)
    sim = total / np.where(weight > 0, weight, 1.0)
    gap = np.abs(feats.days[:, None] - feats.days[None, :])
    far = np.nan_to_num(gap, nan=0.0) > settings.story_gap_days
    return np.where(far, sim * LONG_GAP_DAMPING, sim).astype(np.float32)


def average_link(sim: NDArray[np.float32], threshold: float,
                 seeds: Sequence[Sequence[int]] = ()) -> list[list[int]]:
    """Average-link agglomerative clusters of rows whose mean similarity stays >= threshold.

    ``seeds`` are fixed groups (earlier stories): they start merged, may absorb others,
    but two seeds never merge. Ties break on the lowest index, so the result is stable.
    """
    n = sim.shape[0]
    groups, locked = _initial_groups(n, seeds)
    size = np.array([len(g) for g in groups], dtype=np.float64)
    s = _group_similarity(sim.astype(np.float64), groups)
    np.fill_diagonal(s, -np.inf)
    lock = np.array(locked)
    s[np.outer(lock, lock)] = -np.inf
    alive = np.ones(len(groups), dtype=bool)
    while True:
        i, j = np.unravel_index(int(np.argmax(s)), s.shape)
        if s[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        merged = (size[i] * s[i] + size[j] * s[j]) / (size[i] + size[j])
        s[i, :], s[:, i] = merged, merged
        s[j, :], s[:, j] = -np.inf, -np.inf
        s[i, i] = -np.inf
        groups[i] += groups[j]
        size[i] += size[j]
        alive[j] = False
        lock[i] = lock[i] or lock[j]
        if lock[i]:
            s[i, lock], s[lock, i] = -np.inf, -np.inf
    return [sorted(groups[k]) for k in range(len(groups)) if alive[k]]


def _initial_groups(n: int, seeds: Sequence[Sequence[int]]) -> tuple[list[list[int]], list[bool]]:
    seen: set[int] = set()
    groups: list[list[int]] = []
    for seed in seeds:
        g = sorted(set(seed) - seen)
        if g:
            groups.append(g)
            seen.update(g)
    locked = [True] * len(groups)
    for k in range(n):
        if k not in seen:
            groups.append([k])
            locked.append(False)
    return groups, locked


def _group_similarity(sim: NDArray[np.float64], groups: list[list[int]]) -> NDArray[np.float64]:
    """Mean pairwise similarity between groups (plain rows when every group is a singleton)."""
    if all(len(g) == 1 for g in groups):
        order = [g[0] for g in groups]
        return sim[np.ix_(order, order)].copy()
    assign = np.zeros((len(groups), sim.shape[0]))
    for k, g in enumerate(groups):
        assign[k, g] = 1.0 / len(g)
    return assign @ sim @ assign.T


def _seed_clusters(heads: list[str], previous: Sequence[Story],
                   roots: Mapping[str, str]) -> list[list[int]]:
    index = {h: k for k, h in enumerate(heads)}
    seeds = []
    for story in sorted(previous, key=lambda s: s.id):
        rows = sorted({index[r] for a in story.articles
                       if (r := roots.get(a, a)) in index})
        if rows:
            seeds.append(rows)
    return seeds


def _features(articles: Sequence[Article], analyses: Mapping[str, Analysis]) -> _Features:
    text = tfidf_matrix([tokens(_full_text(a)) for a in articles])
    names = tfidf_matrix([_entity_keys(a, analyses.get(a.id)) for a in articles])
    times = tfidf_matrix([_time_keys(a, analyses.get(a.id)) for a in articles], min_df=2)
    days = np.array([_day(a) for a in articles], dtype=np.float64)
    return _Features(text=text, names=names, times=times, days=days)


def _time_keys(article: Article, analysis: Analysis | None) -> list[str]:
    """Year, month and day keys of the article's date and the absolute dates it mentions."""
    values = [t.value for t in (analysis.timexes if analysis else ()) if t.type == "DATE"]
    if not values:
        values = _YEAR.findall(_full_text(article))
    if article.published:
        values.append(article.published[:10])
    return [v[:n] for v in values for n in _TIME_PREFIXES
            if len(v) >= n and v[:4].isdigit() and (n == 4 or v[n - 1].isdigit())]


def _full_text(article: Article) -> str:
    return f"{article.title or ''}\n\n{article.text}"


def _entity_keys(article: Article, analysis: Analysis | None) -> list[str]:
    """The article's named participants: corpus entity ids (or folded names) per mention.

    Without an analysis that found names, capitalised word runs stand in for them.
    """
    mentions = [m for m in (analysis.mentions if analysis else ()) if m.label in ENTITY_LABELS]
    if mentions:
        return [m.entity or fold_text(m.text) for m in mentions]
    return [fold_text(n) for n in _capitalised_names(_full_text(article))]


def _capitalised_names(text: str) -> list[str]:
    """Runs of capitalised words, skipping a sentence's first word when it is a common word."""
    from spacy.lang.en.stop_words import STOP_WORDS

    out = []
    for m in _NAME.finditer(text):
        parts = m.group(0).split()
        while parts and parts[0].casefold() in STOP_WORDS:
            parts = parts[1:]
        if parts and len(parts[-1]) > 1:
            out.append(" ".join(parts))
    return out


def _day(article: Article) -> float:
    try:
        return float(date.fromisoformat((article.published or "")[:10]).toordinal())
    except ValueError:
        return float("nan")


def _expand(clusters: list[list[int]], heads: list[str], roots: Mapping[str, str],
            by_id: Mapping[str, Article]) -> list[list[str]]:
    """Put every copy back next to its canonical."""
    followers: dict[str, list[str]] = {}
    for a in by_id:
        followers.setdefault(roots.get(a, a), []).append(a)
    return [[a for k in c for a in followers.get(heads[k], [heads[k]])] for c in clusters]


def _records(members: list[list[str]], by_id: Mapping[str, Article],
             analyses: Mapping[str, Analysis], old_ids: Mapping[str, str]) -> list[Story]:
    out = []
    for ids in members:
        arts = sorted((by_id[a] for a in ids), key=lambda a: (a.published or "9999", a.id))
        old = sorted({old_ids[a.id] for a in arts if a.id in old_ids})
        sid = old[0] if old else content_id("story", arts[0].id)
        dates = sorted(a.published[:10] for a in arts if a.published)
        out.append(Story(id=sid, title=_title(arts, analyses),
                         articles=tuple(a.id for a in arts),
                         first=dates[0] if dates else None, last=dates[-1] if dates else None))
    return sorted(out, key=lambda s: (s.first or "9999", s.id))


def _title(arts: Sequence[Article], analyses: Mapping[str, Analysis]) -> str:
    """The headline sharing most words with the story's other headlines, else its top names."""
    heads = [a.title or a.paragraphs[0] if a.paragraphs else a.title or "" for a in arts]
    heads = [h for h in heads if h.strip()]
    if heads:
        counts = Counter(w for h in heads for w in set(tokens(h)))
        best = max(heads, key=lambda h: (sum(counts[w] for w in set(tokens(h))), -len(h)))
        return _shorten(best)
    names = Counter(n for a in arts for n in _entity_keys(a, analyses.get(a.id)))
    return ", ".join(n for n, _ in names.most_common(3)) or "Untitled story"


def _shorten(text: str) -> str:
    ws = " ".join(text.split()).split(" ")
    return " ".join(ws[:TITLE_WORDS]) + ("…" if len(ws) > TITLE_WORDS else "")
