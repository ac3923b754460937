"""Copies: the same text, near-copies, reprints of one wire story, and translations.

    1. exact        the same folded text
    2. near         MinHash LSH over word shingles finds candidates; the exact shingle sets
                    confirm them (Jaccard, or containment for a cut or padded copy)
    3. paragraphs   an article assembled mostly from another's paragraphs
    4. syndication  same day (±1), and the same wire credit with related text, or the same
                    names, figures and quotes in other words (a translation or rewrite);
                    never two datelines' places, a wire copy keeps its lead
    5. groups       copies folded into groups; each member links to the group's canonical:
                    the earliest copy, then the most complete, then the smallest id

Deterministic: hashes are content hashes and MinHash uses ``Settings.seed``.

Texts are read from the corpus in passes (one for fingerprints, then only the articles a
step needs, a batch at a time); what stays for every article is a digest, its band keys,
its paragraphs' digests and a few counts.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import numpy as np
from datasketch import MinHash, MinHashLSH
from numpy.typing import NDArray
from spacy.lang.en.stop_words import STOP_WORDS

from ..clean import dateline
from ..errors import ConfigError
from ..records import Article, ArticleInfo, ArticleMeta, DuplicateLink
from ..settings import Settings
from ..text import MIN_TOKEN_CHARS, WEEKDAY_NAMES, fold_words, tokens, words
from .reader import Corpus
from .textsim import shingles

__all__ = ["find_duplicates", "reused_paragraphs"]

# Candidate pairs come from LSH at this fraction of the near-duplicate threshold, so a
# copy whose Jaccard is low only because it was cut or padded still becomes a candidate
# and can pass on containment.
LSH_THRESHOLD_FACTOR = 0.6
# Share of the smaller article's shingles found in the larger: a copy with paragraphs cut
# or boilerplate added keeps nearly all of its own shingles (bench/dedup_bench.py: copies
# score >= 0.9, unrelated same-story articles <= 0.2).
CONTAINMENT_THRESHOLD = 0.8
# Articles shorter than this many shingles are only ever exact duplicates: a two-line
# brief shares a large share of a longer article by chance.
MIN_SHINGLES = 10
# A paragraph must have this many words to count as reused (datelines and bylines repeat).
MIN_PARAGRAPH_WORDS = 12
# An article is a paragraph-level copy when this share of its words sits in paragraphs
# found verbatim (folded) in one earlier article.
PARAGRAPH_SHARE = 0.6
# Syndication without a textual copy: publication days at most this far apart ...
SYNDICATION_DAYS = 1
# ... and, with a shared wire credit, this TF-IDF cosine of content words ...
WIRE_MIN_COSINE = 0.3
# ... or, without one, this overlap of names and figures (IDF-weighted Jaccard) together
# with this cosine and similar lengths: the seeds' two translations of one interview score
# 0.28 / 0.46 against <= 0.13 / 0.23 for the other same-story pairs; on
# stories-ecbplus-dev 8% of same-event pairs pass both (most of them edited wire copies).
TRANSLATION_MIN_NAMES = 0.25
TRANSLATION_MIN_COSINE = 0.4
TRANSLATION_MIN_LENGTH_RATIO = 0.6
# A translation keeps the names in the original's order: the longest common subsequence
# of the two name sequences over the shorter one (seeds' pair 0.51; separate reports of one
# event in the dedup bench 0.31-0.40), counted only with enough names to be telling.
TRANSLATION_MIN_NAME_ORDER = 0.45
TRANSLATION_MIN_NAMES_COUNT = 20
# A translation is the same story in other words: paragraphs the two pages share verbatim
# (a site's sidebar of teasers, a shared newsletter block) are no evidence of one, so a
# translation pair is checked again on what is left of both texts without them
# (dumps-scrapinghub: two opinion pages of one site passed only on their common sidebar).
# Candidate pairs for syndication share at least this many names or figures, each carried
# by at most MAX_NAME_DF articles (blocking that keeps the pair count near-linear).
MIN_SHARED_NAMES = 3
MAX_NAME_DF = 50
# What a copy of one report keeps and two reports do not share, whatever their wire:
# - its dateline: a reprint or a translation is filed from where the original was, so two
#   texts whose datelines name different places are two reports (timex-tbaq: four Xinhua
#   reports from four capitals on one day's bombings scored 0.33-0.38 as wire copies; an
#   AP story from New York and one from Cape Town 0.53 as a translation);
# - its agency: a wire writes a story once per language, so two texts in one language that
#   credit the same agency are no translation of each other (they are a wire copy, which
#   the wire test decides, or two of its stories).
# - its lead: an edited reprint keeps the original's opening sentence nearly word for word,
#   while one desk's two stories of a day share the wire's names and vocabulary but not
#   their leads. A wire link needs this share of the shorter lead's content words in the
#   other lead (tests/test_dedup.py's rewritten lead keeps 0.62, timex-tbaq's two wire
#   reprints 1.0; its two AP Havana stories of 6 and 7 January share 0.27), unless the
#   texts' cosine reaches WIRE_SURE_COSINE, the words of a reprint with a new lead written
#   over it (the near pass's containment bar).
WIRE_MIN_LEAD_SHARE = 0.5
WIRE_SURE_COSINE = 0.8
# The lead is the first sentence of the first of the opening paragraphs with this many
# words after its dateline: fewer is a dateline, a byline or a label ("By Jan Berg, Nordic
# Wire Writer" has 7).
LEAD_MIN_WORDS = 8
# A site prints the same closing paragraphs (legal notice, disclaimer, "about us") under
# every page. A near copy of two pages of one site (same host, or same outlet where a page
# has no address) whose text, less the closing paragraphs both texts end with, is only a
# few short lines (a title) is no copy of the other when the other's own text above them is
# at least this share of what they share (an editor's note above a reprint is a small
# fraction of the story it shares: that stays a copy). Two texts with text of their own
# above a shared close stay as the passes found them, and so do pages of two sites: a
# short release printed whole at the end of another outlet's report is a real copy.
# 0.5 sits well below the one case seen (own text three times the footer's).
FOOTER_OWN_SHARE = 0.5
# Kinds in order of strength: a member's link reports the strongest evidence it has.
KIND_ORDER = ("exact", "near", "wire", "translation")

_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*|\b\d[\d.,]*\b")
_HASH_MASK_32 = 0xFFFFFFFF
# Articles sketched at a time: MinHash.bulk shares its set-up across a batch; the batch's
# sketches are all that is alive at once.
SKETCH_BATCH = 1000
# Candidate pairs confirmed at a time: the shingle sets of one batch's articles are all
# that is alive at once.
CONFIRM_BATCH = 500
# Folds a band's rows into one key: row k is multiplied by the k-th odd multiple of the
# golden-ratio constant (a polynomial hash over the row values).
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


@dataclass(slots=True)
class _Found:
    """The pairs the passes find, in flat buffers until the passes are over.

    A pass makes many short-lived small objects; a result object made among them would
    keep the allocator's block it sits in from being returned after the pass, so results
    wait in buffers (bench/NOTES.md has the measurement).
    """

    a: array[int] = field(default_factory=lambda: array("q"))
    b: array[int] = field(default_factory=lambda: array("q"))
    kind: array[int] = field(default_factory=lambda: array("b"))  # index in KIND_ORDER
    score: array[float] = field(default_factory=lambda: array("d"))

    def add(self, a: int, b: int, kind: str, score: float) -> None:
        self.a.append(a)
        self.b.append(b)
        self.kind.append(KIND_ORDER.index(kind))
        self.score.append(score)

    def arrays(self) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int8],
                              NDArray[np.float64]]:
        """(a, b, kind index, score) as arrays over the buffers."""
        return (np.frombuffer(self.a, dtype=np.int64), np.frombuffer(self.b, dtype=np.int64),
                np.frombuffer(self.kind, dtype=np.int8),
                np.frombuffer(self.score, dtype=np.float64))


def find_duplicates(corpus: Corpus, settings: Settings) -> list[DuplicateLink]:
    """Every copy linked to its group's canonical; canonicals themselves get no link."""
    _check(settings)
    infos = sorted(corpus.infos(), key=_canonical_key)
    prints = _fingerprints(corpus, infos, settings)
    found = _Found()
    _exact_pairs(prints.digests, found)
    _near_pairs(prints, corpus, infos, settings, found)
    _paragraph_pairs(prints, found)
    found = _without_footer_pairs(found, corpus, infos, settings)
    _syndication_pairs(infos, corpus, prints, found)
    del prints
    return _links(infos, found)


def _check(settings: Settings) -> None:
    if not 0.0 < settings.near_duplicate_threshold <= 1.0:
        raise ConfigError("near_duplicate_threshold must be in (0, 1]; 0.5 is the default")
    if settings.shingle_words < 1 or settings.minhash_perm < 16:
        raise ConfigError("shingle_words must be >= 1 and minhash_perm >= 16 (try 5 and 128)")


def _canonical_key(article: ArticleMeta) -> tuple[str, int, str]:
    """Earliest first, then the most complete (longest), then the smallest id."""
    chars = article.chars if isinstance(article, ArticleInfo) else len(article.text)
    return (article.published or "9999", -chars, article.id)


# 1. fingerprints and exact copies -----------------------------------------------------

@dataclass(slots=True)
class _Prints:
    """What one pass over the texts keeps per article (by canonical index), in flat buffers:
    an object per article would outlive the pass scattered among its short-lived ones.

    ``digests`` holds 16 bytes per article (zeros for an empty text); ``band_keys`` a row
    per sketched article, ``sketched`` which article each row is. ``paragraphs`` rows are
    (digest, article, paragraph index, words) of every paragraph long enough to count as
    reused. The document frequencies cover dated articles only, the ones syndication
    compares.
    """

    band_keys: NDArray[np.uint64]
    digests: bytearray = field(default_factory=bytearray)
    words: array[int] = field(default_factory=lambda: array("q"))
    sketched: array[int] = field(default_factory=lambda: array("q"))
    paragraphs: tuple[array[int], ...] = field(
        default_factory=lambda: _paragraph_rows())
    text_df: Counter[str] = field(default_factory=Counter)
    name_df: Counter[str] = field(default_factory=Counter)
    dated: int = 0


_NO_DIGEST = bytes(16)


def _fingerprints(source: Corpus, infos: Sequence[ArticleInfo], settings: Settings) -> _Prints:
    """Digests, band keys, paragraph digests and syndication's document frequencies.

    A 128-bit digest of each folded text tells identical texts apart as well as the text
    itself, without a second copy of the corpus in memory. Shingle sets live only until
    their batch is sketched.
    """
    prints = _Prints(band_keys=np.empty((len(infos), lsh_shape(settings)[0]), dtype=np.uint64))
    batch: dict[int, NDArray[np.uint32]] = {}
    for k, art in enumerate(source.articles([a.id for a in infos])):
        paragraphs = art.paragraphs
        # Words never span paragraphs, so the text folds to its folded paragraphs joined.
        folded_paragraphs = [fold_words(p) for p in paragraphs]
        folded = " ".join(f for f in folded_paragraphs if f)
        prints.digests += (hashlib.blake2b(folded.encode(), digest_size=16).digest()
                           if folded else _NO_DIGEST)
        prints.words.append(len(art.text.split()))
        hashes = _shingle_hashes(folded, settings.shingle_words)
        if len(hashes) >= MIN_SHINGLES:
            batch[k] = hashes
        if len(batch) == SKETCH_BATCH:
            _sketch(batch, prints, settings)
        _add_paragraphs(prints.paragraphs, k, paragraphs, folded_paragraphs)
        if _day(art) is not None:
            prints.dated += 1
            prints.text_df.update(set(_content_words(folded)))
            prints.name_df.update(set(_names(art.text)))
    _sketch(batch, prints, settings)
    prints.band_keys = prints.band_keys[:len(prints.sketched)]
    return prints


def _content_words(folded: str) -> list[str]:
    """``text.tokens`` of a text whose folded words, one space apart, are ``folded``: the
    same words (folding the paragraphs folds the text), without a second pass over it."""
    return [w for w in folded.split(" ")
            if len(w) >= MIN_TOKEN_CHARS and w not in STOP_WORDS and not w.isdigit()
            ] if folded else []


def _sketch(batch: dict[int, NDArray[np.uint32]], prints: _Prints, settings: Settings) -> None:
    """MinHash a batch of shingle sets into band keys (MinHash.bulk shares its set-up)."""
    bands, rows = lsh_shape(settings)
    sketches = MinHash.bulk((s.tolist() for s in batch.values()),
                            num_perm=settings.minhash_perm, seed=settings.seed,
                            hashfunc=_identity)
    for k, m in zip(batch, sketches, strict=True):
        prints.band_keys[len(prints.sketched)] = band_keys(m.hashvalues, bands, rows)
        prints.sketched.append(k)
    batch.clear()


def _exact_pairs(digests: bytearray, found: _Found) -> None:
    """Each article whose folded text an earlier one has, paired with the first such."""
    first: dict[bytes, int] = {}
    for k in range(len(digests) // 16):
        digest = bytes(digests[16 * k:16 * (k + 1)])
        if digest == _NO_DIGEST:
            continue
        owner = first.setdefault(digest, k)
        if owner != k:
            found.add(owner, k, "exact", 1.0)


# 2. near ------------------------------------------------------------------------------

def _shingle_hashes(folded: str, size: int) -> NDArray[np.uint32]:
    """Sorted unique 32-bit hashes of the word shingles: the values MinHash reads, and half
    the memory of 64-bit ones for the exact-set checks (a collision among a few hundred
    shingles is a one-in-ten-million event per article)."""
    digests = b"".join([hashlib.blake2b(s.encode(), digest_size=8).digest()
                        for s in shingles(folded, size)])
    low = np.frombuffer(digests, dtype="<u8") & _HASH_MASK_32  # each digest read little-endian
    return np.unique(low.astype(np.uint32))


def _near_pairs(prints: _Prints, source: Corpus, infos: Sequence[ArticleInfo],
                settings: Settings, found: _Found) -> None:
    """Pairs whose MinHash sketches agree on a whole band and whose shingle sets confirm it.

    datasketch sketches the sets and picks the band shape (``MinHashLSH``'s bands and rows
    for the threshold); the join itself is a sort of one 64-bit key per band and article,
    as the Spark runner does at scale. datasketch's in-memory index keeps every band as a
    Python bytes key (about 10 KB an article); these keys take 300 bytes. The shingle sets
    are made again, a batch of candidates at a time, from the texts.
    """
    if not len(prints.band_keys):
        return
    # Candidates stay two arrays (a tuple per pair, made before the pairs found, would
    # keep their memory from being returned); a batch at a time becomes Python pairs.
    rows, cols = _band_join(prints.band_keys)
    sketched = np.frombuffer(prints.sketched, dtype=np.int64)
    left, right = sketched[rows], sketched[cols]
    for start in range(0, len(left), CONFIRM_BATCH):
        chunk = list(zip(left[start:start + CONFIRM_BATCH].tolist(),
                         right[start:start + CONFIRM_BATCH].tolist(), strict=True))
        sets = _shingle_sets(source, infos, sorted({k for pair in chunk for k in pair}),
                             settings)
        for a, b in chunk:
            score = _confirm(sets[a], sets[b], settings)
            if score is not None:
                found.add(a, b, "near", score)


def _shingle_sets(source: Corpus, infos: Sequence[ArticleInfo], wanted: Sequence[int],
                  settings: Settings) -> dict[int, NDArray[np.uint32]]:
    index = {infos[k].id: k for k in wanted}
    return {index[a.id]: _shingle_hashes(fold_words(a.text), settings.shingle_words)
            for a in source.articles([infos[k].id for k in wanted])}


def article_band_keys(text: str, settings: Settings) -> list[int]:
    """One article's band keys, as ``_near_pairs`` computes them for a whole batch (the
    Spark runner's join uses these); none for a text too short to sketch."""
    hashes = _shingle_hashes(fold_words(text), settings.shingle_words)
    if len(hashes) < MIN_SHINGLES:
        return []  # too short to be anything but an exact copy
    m = MinHash(num_perm=settings.minhash_perm, seed=settings.seed, hashfunc=_identity)
    m.update_batch(hashes.tolist())
    return [int(k) for k in band_keys(m.hashvalues, *lsh_shape(settings))]


def lsh_shape(settings: Settings) -> tuple[int, int]:
    """(bands, rows per band) datasketch chooses for the candidate threshold."""
    return _lsh_shape(settings.near_duplicate_threshold * LSH_THRESHOLD_FACTOR,
                      settings.minhash_perm)


@functools.lru_cache(maxsize=8)
def _lsh_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    # datasketch integrates false positive and negative rates over every shape: cached,
    # since the Spark runner asks once per article.
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(hashvalues: NDArray[np.uint64], bands: int, rows: int) -> NDArray[np.uint64]:
    """One 64-bit key per band: equal bands give equal keys; a rare equal key for unequal
    bands only adds a candidate that the shingle sets then reject."""
    grid = hashvalues[:bands * rows].astype(np.uint64).reshape(bands, rows)
    with np.errstate(over="ignore"):
        mix = np.arange(1, 2 * rows, 2, dtype=np.uint64) * _GOLDEN
        keys: NDArray[np.uint64] = (grid * mix).sum(axis=1, dtype=np.uint64)
    return keys


def _band_join(keys: NDArray[np.uint64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Index pairs (i < j) of rows that share a key in some column, each pair once, in
    (i, j) order, as the arrays of their i and their j."""
    n = len(keys)
    found = np.empty(0, dtype=np.int64)
    for column in keys.T:
        order = np.argsort(column, kind="stable")
        ordered = column[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        ends = np.r_[starts[1:], n]
        codes = [_pair_codes(np.sort(order[s:e]), n) for s, e in zip(starts, ends, strict=True)
                 if e - s > 1]
        if codes:
            found = np.union1d(found, np.concatenate(codes))
    return found // n, found % n


def _pair_codes(members: NDArray[np.int64], n: int) -> NDArray[np.int64]:
    i, j = np.triu_indices(len(members), k=1)
    return members[i] * n + members[j]


def _identity(value: int) -> int:
    return value


def _confirm(sa: NDArray[np.uint32], sb: NDArray[np.uint32], settings: Settings,
             ) -> float | None:
    """The pair's near-duplicate score, when its shingle sets make it one."""
    inter = len(np.intersect1d(sa, sb, assume_unique=True))
    jaccard = inter / (len(sa) + len(sb) - inter)
    containment = inter / min(len(sa), len(sb))
    if jaccard >= settings.near_duplicate_threshold or containment >= CONTAINMENT_THRESHOLD:
        return round(max(jaccard, containment), 4)
    return None


# 3. paragraphs ------------------------------------------------------------------------

def reused_paragraphs(articles: Sequence[Article]) -> dict[tuple[str, int], str]:
    """(article id, paragraph index) -> the earliest other article with that paragraph.

    Only paragraphs of at least ``MIN_PARAGRAPH_WORDS`` words count; "earliest" follows
    the canonical order (date, completeness, id).
    """
    arts = sorted(articles, key=_canonical_key)
    rows = _paragraph_rows()
    for k, art in enumerate(arts):
        paragraphs = art.paragraphs
        _add_paragraphs(rows, k, paragraphs, [fold_words(p) for p in paragraphs])
    return {(arts[k].id, i): arts[owner].id for k, i, owner, _ in _reused(rows)}


def _paragraph_rows() -> tuple[array[int], ...]:
    """Empty (digest, article, paragraph index, words) columns: 20 bytes a paragraph (every
    long paragraph of the corpus has a row until the passes are over)."""
    return array("Q"), array("i"), array("i"), array("i")


def _add_paragraphs(rows: tuple[array[int], ...], k: int, paragraphs: Sequence[str],
                    folded_paragraphs: Sequence[str]) -> None:
    """Append (digest, article, index, words) for each paragraph long enough to count."""
    for i, (para, folded) in enumerate(zip(paragraphs, folded_paragraphs, strict=True)):
        digest = _paragraph_digest(folded)
        if digest is None:
            continue
        for column, value in zip(rows, (digest, k, i, len(para.split())), strict=True):
            column.append(value)


def _paragraph_digest(folded: str) -> int | None:
    """A folded paragraph's 64-bit digest; None when it is too short to count as reused."""
    if len(folded.split()) < MIN_PARAGRAPH_WORDS:
        return None
    return int.from_bytes(hashlib.blake2b(folded.encode(), digest_size=8).digest(), "little")


def _reused(rows: tuple[array[int], ...]) -> Iterator[tuple[int, int, int, int]]:
    """(article, paragraph index, owner, words) for each paragraph an earlier article has.

    The owner is the first article, in canonical order, with that paragraph: rows sorted
    by (digest, article, index) put it at the head of its digest's run.
    """
    digest, article, index, words_ = (np.frombuffer(c, dtype=np.uint64 if n == 0 else np.int32)
                                      for n, c in enumerate(rows))
    order = np.lexsort((index, article, digest))
    digest, article = digest[order], article[order]
    starts_run = np.ones(len(digest), dtype=bool)
    starts_run[1:] = digest[1:] != digest[:-1]
    owner = article[np.flatnonzero(starts_run)][np.cumsum(starts_run) - 1]
    reused = np.flatnonzero(owner != article)
    for r in reused.tolist():
        yield (int(article[r]), int(index[order[r]]), int(owner[r]),
               int(words_[order[r]]))


def _paragraph_pairs(prints: _Prints, found: _Found) -> None:
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for k, _, owner, n in _reused(prints.paragraphs):
        shared[(owner, k)] += n
    for (src, dst), n in sorted(shared.items()):
        share = n / max(1, prints.words[dst])
        if share >= PARAGRAPH_SHARE:
            found.add(min(src, dst), max(src, dst), "near", round(share, 4))


# site footers -----------------------------------------------------------------------------

def _without_footer_pairs(found: _Found, source: Corpus, infos: Sequence[ArticleInfo],
                          settings: Settings) -> _Found:
    """The pairs found, less the near pairs that share only their closing paragraphs (see
    FOOTER_OWN_SHARE); the texts of near pairs are read again, a batch at a time."""
    near = KIND_ORDER.index("near")
    picked = [r for r in range(len(found.a)) if found.kind[r] == near]
    if not picked:
        return found
    dropped: set[int] = set()
    for start in range(0, len(picked), CONFIRM_BATCH):
        rows = picked[start:start + CONFIRM_BATCH]
        wanted = sorted({k for r in rows for k in (found.a[r], found.b[r])})
        index = {infos[k].id: k for k in wanted}
        texts = {index[a.id]: a.text for a in source.articles([infos[k].id for k in wanted])}
        dropped.update(r for r in rows
                       if _same_site(infos[found.a[r]], infos[found.b[r]])
                       and _footer_only(texts[found.a[r]], texts[found.b[r]], settings))
    if not dropped:
        return found
    kept = _Found()
    for r in range(len(found.a)):
        if r not in dropped:
            kept.add(found.a[r], found.b[r], KIND_ORDER[found.kind[r]], found.score[r])
    return kept


def _site(info: ArticleInfo) -> str | None:
    """The page's host without 'www.' (its final address first), else its outlet folded."""
    for url in (info.final_url, info.url):
        host = urlsplit(url).hostname if url else None
        if host:
            return host.removeprefix("www.")
    return f"outlet:{fold_words(info.outlet)}" if info.outlet else None


def _same_site(a: ArticleInfo, b: ArticleInfo) -> bool:
    """Whether two pages come from one site (see FOOTER_OWN_SHARE); unknown is not."""
    site = _site(a)
    return site is not None and site == _site(b)


def _footer_only(text_a: str, text_b: str, settings: Settings) -> bool:
    """Whether two texts are a copy only through the closing paragraphs both end with."""
    (pa, da), (pb, db) = _paragraph_digests(text_a), _paragraph_digests(text_b)
    # the shared closing run: long paragraphs equal from the end (short lines skipped)
    ia, ib = len(pa), len(pb)
    shared = 0
    while True:
        ia = next((i for i in range(ia - 1, -1, -1) if da[i] is not None), -1)
        ib = next((i for i in range(ib - 1, -1, -1) if db[i] is not None), -1)
        if ia < 0 or ib < 0 or da[ia] != db[ib]:
            break
        shared += len(pa[ia].split())
    if not shared:
        return False
    rest_a = fold_words("\n\n".join(pa[:ia + 1])) if ia >= 0 else ""
    rest_b = fold_words("\n\n".join(pb[:ib + 1])) if ib >= 0 else ""
    (n_short, _), (n_own, own) = sorted(
        (len(_shingle_hashes(r, settings.shingle_words)), r) for r in (rest_a, rest_b))
    # one text is the shared close and a few short lines (a title), the other an article
    # of its own above the same close; two texts with text of their own above a shared
    # close stay as the passes found them (a release quoted whole at a report's end)
    return n_short < MIN_SHINGLES <= n_own and len(own.split()) >= FOOTER_OWN_SHARE * shared


# 4. syndication -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Wired:
    """What syndication compares of one article while it is inside the date window."""

    names: list[str]
    distinctive: frozenset[str]
    text: _Vector
    name_weights: dict[str, float]


@dataclass(frozen=True, slots=True)
class _Vector:
    """A sparse L2-normalised vector as two flat arrays: each term's hash and its weight, in
    the order the terms first occur.

    Syndication keeps one per article of its date window; as a dict it held a string and a
    float object per term, which stayed scattered over allocator arenas after the window
    moved on.
    """

    keys: NDArray[np.int64]
    weights: NDArray[np.float64]

    @classmethod
    def of(cls, weights: Mapping[str, float]) -> _Vector:
        return cls(np.fromiter((hash(t) for t in weights), dtype=np.int64, count=len(weights)),
                   np.fromiter(weights.values(), dtype=np.float64, count=len(weights)))

    def __len__(self) -> int:
        return len(self.keys)


def _syndication_pairs(infos: Sequence[ArticleInfo], source: Corpus, prints: _Prints,
                       found: _Found) -> None:
    """Candidate pairs (see ``_candidates``) checked for a wire credit or a translation.

    Pairs are at most a day apart: walked in date order, only the articles of the last
    ``SYNDICATION_DAYS`` days and today are alive, not one per article of the corpus.
    """
    day = {k: d for k, a in enumerate(infos) if (d := _day(a)) is not None}
    if len(day) < 2:
        return
    order = sorted(day, key=lambda k: (day[k], k))
    index = {infos[k].id: k for k in order}
    window: dict[int, _Wired] = {}
    texts: dict[int, str] = {}  # the window's texts (a day or two), for a translation's recheck
    heads: dict[int, _Head] = {}
    posting: dict[str, set[int]] = defaultdict(set)
    pairs: list[tuple[int, int, str, float]] = []  # few: each a wire copy or translation
    for art in source.articles([infos[k].id for k in order]):
        x = index[art.id]
        for k in [k for k in window if day[k] < day[x] - SYNDICATION_DAYS]:
            del texts[k]
            del heads[k]
            for n in window.pop(k).distinctive:
                posting[n].discard(k)
                if not posting[n]:
                    del posting[n]  # else every name ever seen keeps an empty set
        wired = _wired(art.text, prints)
        head = _Head.of(art)
        for y in _candidates(wired, posting):
            a, b = min(x, y), max(x, y)
            wa, wb = (wired, window[y]) if a == x else (window[y], wired)
            syndicated = _syndicated(infos[a], infos[b], _cosine(wa.text, wb.text),
                                     _weighted_jaccard(wa.name_weights, wb.name_weights),
                                     wa.names, wb.names)
            ha, hb = (head, heads[y]) if a == x else (heads[y], head)
            if syndicated and not _one_report(ha, hb, infos[a], infos[b], *syndicated):
                syndicated = None
            if syndicated and syndicated[0] == "translation":
                ta, tb = (art.text, texts[y]) if a == x else (texts[y], art.text)
                syndicated = _translated_without_shared(infos[a], infos[b], ta, tb, prints,
                                                        syndicated)
            if syndicated:
                pairs.append((a, b, *syndicated))
        window[x] = wired
        texts[x] = art.text
        heads[x] = head
        for n in wired.distinctive:
            posting[n].add(x)
    for a, b, kind, score in sorted(pairs, key=lambda p: (p[0], p[1])):
        found.add(a, b, kind, score)


@dataclass(frozen=True, slots=True)
class _Head:
    """What opens an article: its dateline's place and credit (folded) and its language, and
    its lead sentence's content words (see WIRE_MIN_LEAD_SHARE)."""

    place: str | None
    credit: str | None
    language: str | None
    lead: frozenset[str]

    @classmethod
    def of(cls, article: Article) -> _Head:
        place = credit = None
        lead = ""
        for p in article.paragraphs[:3]:
            m = dateline(p.strip())
            if m and not place and (m.group("date") or m.group("credit")):
                place = fold_words(m.group("place")) or None
                credit = fold_words(m.group("credit") or "") or None
                p = p.strip()[m.end():]
            if len(p.split()) >= LEAD_MIN_WORDS:
                lead = _FIRST_SENTENCE.split(p.strip(), maxsplit=1)[0]
                break
        language = article.language if article.language not in (None, "und") else None
        return cls(place=place, credit=credit, language=language, lead=frozenset(tokens(lead)))


# A sentence ends at a full stop, question or exclamation mark before a capital or a quote
# (an abbreviation's stop ends a lead early: its first words still tell two leads apart).
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'`‘“A-Z])")


def _one_report(ha: _Head, hb: _Head, a: ArticleInfo, b: ArticleInfo, kind: str,
                score: float) -> bool:
    """Whether a syndication pair is one report, as its openings tell (see the notes at
    WIRE_MIN_LEAD_SHARE): no two places in their datelines (in one language: a translation
    writes the place in its own, "NEW YORK (AP) —" / "NUEVA YORK (AP) —"), a lead kept for
    a wire copy, no one agency's two texts in one language for a translation."""
    two_languages = ha.language is not None and hb.language is not None and \
        ha.language != hb.language
    if ha.place and hb.place and ha.place != hb.place and not two_languages:
        return False
    if kind == "wire":
        shorter = min(len(ha.lead), len(hb.lead))
        share = len(ha.lead & hb.lead) / shorter if shorter else 0.0
        return share >= WIRE_MIN_LEAD_SHARE or score >= WIRE_SURE_COSINE
    agencies_a = {w for w in (ha.credit, fold_words(a.wire or "")) if w}
    agencies_b = {w for w in (hb.credit, fold_words(b.wire or "")) if w}
    one_language = ha.language is not None and ha.language == hb.language
    return not (one_language and agencies_a & agencies_b)


def _wired(text: str, prints: _Prints) -> _Wired:
    names = _names(text)
    return _Wired(names=names,
                  distinctive=frozenset(n for n in names if prints.name_df[n] <= MAX_NAME_DF),
                  text=_Vector.of(_tfidf(tokens(text), prints.text_df, prints.dated)),
                  name_weights=_tfidf(names, prints.name_df, prints.dated))


def _candidates(wired: _Wired, posting: Mapping[str, set[int]]) -> list[int]:
    """Articles in the window sharing ``MIN_SHARED_NAMES`` distinctive names with this one.

    Names carried by more than ``MAX_NAME_DF`` articles ("US", "Monday") are no evidence
    and would make the candidate lists quadratic; the window holds only articles at most
    ``SYNDICATION_DAYS`` earlier (or the same day).
    """
    shared = Counter(y for n in wired.distinctive for y in posting.get(n, ()))
    return sorted(y for y, count in shared.items() if count >= MIN_SHARED_NAMES)


def _tfidf(doc: list[str], df: Counter[str], n: int) -> dict[str, float]:
    """L2-normalised sparse TF-IDF (sublinear tf, smoothed idf over ``n`` documents whose
    document frequencies are ``df``) as a term -> weight dict."""
    vec = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1)
           for t, c in Counter(doc).items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _cosine(a: _Vector, b: _Vector) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    _, in_small, in_large = np.intersect1d(small.keys, large.keys, assume_unique=True,
                                           return_indices=True)
    order = np.argsort(in_small)
    # Summed one by one in the smaller vector's term order: the same float as a walk over
    # its terms (a term the other lacks adds 0.0, which changes nothing).
    products = small.weights[in_small[order]] * large.weights[in_large[order]]
    return float(sum(products.tolist()))


def _syndicated(a: ArticleInfo, b: ArticleInfo, cosine: float, names: float,
                names_a: Sequence[str], names_b: Sequence[str]) -> tuple[str, float] | None:
    if _same_wire(a, b) and cosine >= WIRE_MIN_COSINE:
        return "wire", round(cosine, 4)
    ratio = min(a.chars, b.chars) / max(a.chars, b.chars, 1)
    if (names >= TRANSLATION_MIN_NAMES and cosine >= TRANSLATION_MIN_COSINE
            and ratio >= TRANSLATION_MIN_LENGTH_RATIO and _same_name_order(names_a, names_b)):
        return "translation", round((names + cosine) / 2, 4)
    return None


def _translated_without_shared(a: ArticleInfo, b: ArticleInfo, text_a: str, text_b: str,
                               prints: _Prints, found: tuple[str, float],
                               ) -> tuple[str, float] | None:
    """The translation test again on both texts less the paragraphs they share verbatim
    (see the note on translations above); unchanged when they share none."""
    kept_a, kept_b = _without_shared_paragraphs(text_a, text_b)
    if kept_a == text_a and kept_b == text_b:
        return found
    wa, wb = _wired(kept_a, prints), _wired(kept_b, prints)
    again = _syndicated(_with_chars(a, len(kept_a)), _with_chars(b, len(kept_b)),
                        _cosine(wa.text, wb.text),
                        _weighted_jaccard(wa.name_weights, wb.name_weights), wa.names, wb.names)
    return again if again and again[0] == "translation" else None


def _without_shared_paragraphs(text_a: str, text_b: str) -> tuple[str, str]:
    """Both texts without the long paragraphs that occur (folded) in both."""
    (pa, da), (pb, db) = _paragraph_digests(text_a), _paragraph_digests(text_b)
    shared = ({d for d in da if d is not None} & {d for d in db if d is not None})
    if not shared:
        return text_a, text_b

    def keep(paragraphs: list[str], ds: list[int | None]) -> str:
        return "\n\n".join(p for p, d in zip(paragraphs, ds, strict=True) if d not in shared)

    return keep(pa, da), keep(pb, db)


def _paragraph_digests(text: str) -> tuple[list[str], list[int | None]]:
    """The text's paragraphs and each one's ``_paragraph_digest`` (None when too short)."""
    paragraphs = text.split("\n\n")
    return paragraphs, [_paragraph_digest(fold_words(p)) for p in paragraphs]


def _with_chars(info: ArticleInfo, chars: int) -> ArticleInfo:
    return dataclasses.replace(info, chars=chars)


def _same_name_order(na: Sequence[str], nb: Sequence[str]) -> bool:
    """Whether the names appear in much the same order (LCS over the shorter sequence)."""
    shortest = min(len(na), len(nb))
    if shortest < TRANSLATION_MIN_NAMES_COUNT:
        return False
    # The common subsequence is at most the shared multiset: a cheap bound that settles
    # most pairs before the quadratic loop.
    if sum((Counter(na) & Counter(nb)).values()) / shortest < TRANSLATION_MIN_NAME_ORDER:
        return False
    return _lcs_length(na, nb) / shortest >= TRANSLATION_MIN_NAME_ORDER


def _lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence, bit-parallel (Hyyrö 2004).

    One big-integer step per element of ``a``, not a Python loop over every cell of the
    quadratic table, which would dominate the corpus step on wire-heavy corpora.
    """
    matches: dict[str, int] = {}
    for j, y in enumerate(b):
        matches[y] = matches.get(y, 0) | (1 << j)
    full = (1 << len(b)) - 1
    row = full
    for x in a:
        u = row & matches.get(x, 0)
        row = ((row + u) | (row - u)) & full
    return len(b) - row.bit_count()


def _same_wire(a: ArticleInfo, b: ArticleInfo) -> bool:
    """Both credit one wire, or one is the wire's own page the other credits."""
    wa = {fold_words(x) for x in (a.wire,) if x}
    wb = {fold_words(x) for x in (b.wire,) if x}
    if wa and wa == wb:
        return True
    return bool(wa & {fold_words(b.outlet or "")} or wb & {fold_words(a.outlet or "")})


def _names(text: str) -> list[str]:
    """Capitalised name runs and figures: what a translation or rewrite keeps."""
    out = []
    for m in _NAME.finditer(text):
        key = fold_words(m.group(0))
        if key and key not in _COMMON:
            out.append(sys.intern(key))  # one string per distinct name, not per mention
    return out


def _weighted_jaccard(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    hi = sum(max(a.get(t, 0.0), b.get(t, 0.0)) for t in a.keys() | b.keys())
    return sum(min(v, b.get(t, 0.0)) for t, v in a.items()) / hi if hi > 0 else 0.0


def _day(article: ArticleMeta) -> int | None:
    try:
        return date.fromisoformat((article.published or "")[:10]).toordinal()
    except ValueError:
        return None


# 5. groups ----------------------------------------------------------------------------

def _links(arts: Sequence[ArticleInfo], found: _Found) -> list[DuplicateLink]:
    """Each copy linked to its group's canonical: the group's first article in canonical
    order (its smallest index), by the evidence that ties it to the canonical (see
    ``_widest_paths``), not by its strongest pair with any member: a verbatim twin of a
    wire rewrite is no exact copy of the wire's story.

    Worked on the pairs' buffers, not an object per pair: objects made just before the
    links would leave the links scattered over allocator arenas that then stay in use
    (bench/NOTES.md).
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    a, b, kind, score = found.arrays()
    if not len(a):
        return []
    n = len(arts)
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, group = connected_components(graph, directed=False)
    first = np.full(int(group.max()) + 1, n, dtype=np.int64)
    np.minimum.at(first, group, np.arange(n))
    canonical = first[group].tolist()
    best = _widest_paths(a, b, kind, score, canonical)
    return [DuplicateLink(article=arts[k].id, canonical=arts[canonical[k]].id,
                          kind=best[k][0], score=best[k][1])
            for k in sorted(best, key=lambda k: arts[k].id) if canonical[k] != k]


def _widest_paths(a: NDArray[np.int64], b: NDArray[np.int64], kind: NDArray[np.int8],
                  score: NDArray[np.float64], canonical: Sequence[int],
                  ) -> dict[int, tuple[str, float]]:
    """Each member's (kind, score) to its canonical: the weakest pair on the strongest chain
    of pairs between them (a maximum spanning tree's path; a direct pair is such a chain).

    Pairs are few beside articles (each is a copy found), so this walks them in Python.
    """
    # strongest first: the strongest kind, then the highest score, then (a, b) order
    order = np.lexsort((b, a, -score, kind)).tolist()
    rank = {r: i for i, r in enumerate(order)}  # lower is stronger
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    tree: dict[int, list[tuple[int, int]]] = defaultdict(list)
    ends = list(zip(a.tolist(), b.tolist(), strict=True))
    for r in order:
        x, y = ends[r]
        rx, ry = root(x), root(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
            tree[x].append((y, r))
            tree[y].append((x, r))
    weakest: dict[int, int] = {}
    for start in sorted({canonical[k] for k in tree}):
        stack = [(start, -1)]
        seen = {start}
        while stack:
            node, weak = stack.pop()
            for other, r in tree[node]:
                if other not in seen:
                    seen.add(other)
                    w = r if weak < 0 or rank[r] > rank[weak] else weak
                    weakest[other] = w
                    stack.append((other, w))
    kinds, scores = kind.tolist(), score.tolist()
    return {k: (KIND_ORDER[kinds[r]], scores[r]) for k, r in weakest.items()}


_COMMON: frozenset[str] = frozenset(words(
    "The A An In On At For But And Or If It He She They We I You This That These Those "
    "His Her Their Our Its As By From With To Of After Before When While According "
    + " ".join(WEEKDAY_NAMES)))
