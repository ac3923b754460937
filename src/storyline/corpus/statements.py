"""One utterance, one statement: the quotes that render the same words of one speaker.

An utterance is reported many ways: reprints of a wire story, two translations of it, a
rewrite that shortens the quote, or one article giving the words twice (as reported speech
and again as a direct quote). ``group_statements`` proposes pairs of quotes in three ways
and judges each:

1. one passage: two quotes of one speaker whose spans overlap are one utterance (a direct
   quote inside the reported speech around it);
2. copies: articles linked as copies (exact, near, wire, translation) report the same
   utterances, so each quote is paired with its closest counterpart in the other article,
   judged by meaning (sentence vectors, ``corpus.encoder``), since a translation may share
   no word with its original;
3. elsewhere: quotes of any articles that share rare content words, judged by how many
   (within one article, only the same words again; across two stories too), and where
   the words fall a little short, by meaning: a paraphrase says the same thing in other
   words; such a join holds only when every two reports across it share words (or
   meaning), so that two claims do not chain through a third report.

A pair joins only when speaker and day agree: the same speaker entity or names that can be
one person's (an unresolved "he said" agrees with anyone, but a group described with the
party it belongs to, "6 of 10 Norlanders", "officials of the NRA", agrees only with a named
speaker of that party) and the same said-on day (an undated quote agrees with any day).
Groups never join across a conflict, so a statement has one speaker and one day at most,
and its day is never later than the first publication of an article that reports it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ..analyze.mentions import COMPANY_DESIGNATORS
from ..analyze.quotes.dates import STATED
from ..records import (
    ArticleMeta,
    Contradiction,
    DuplicateLink,
    Quote,
    Statement,
    Story,
    content_id,
)
from .encoder import Encoder, Vectors, load_encoder
from .figures import NUMBER_WORDS
from .sources import SourceIndex, syndication_roots

__all__ = ["copy_texts", "group_statements", "one_per_statement_pair"]

# Cosine between the sentence vectors of two quotes from copies of one story (a translation,
# a reprint) above which they render one utterance. Speakers already agree and each quote
# takes its best counterpart first, so the bar only has to turn away a quote that has none:
# the seeds' translated pairs score 0.79-1.0, their best wrong pairs up to 0.66 (bench/NOTES.md).
COPY_SIMILARITY = 0.6
# Where the words decide between copies: a content-word Jaccard at or above this is the same
# wording (a reprint, a trimmed quote), so only a copy's reworded quotes (a translation) are
# encoded.
SAME_WORDS = 0.5
# Outside copies, the content-word Jaccard at or above which two quotes render one
# utterance. Sentence vectors did no better here than shared words on the dev sets (msrp
# halves 0.839 / 0.835 against 0.831 / 0.836, ECB+ dev 0.972 against 0.967) at three times
# the quotes encoded, so the model judges copies only (bench/NOTES.md). 0.35 is the best of
# 0.3-0.5 on the first half of statements-msrp-dev; checked on the second and on ECB+ dev.
ELSEWHERE_WORDS = 0.35
# ... and below it, down to BAND_WORDS, the sentence vectors decide: a pair whose cosine
# reaches BAND_COSINE is one utterance in other words for the same nouns and verbs ("firms
# are not yet confident enough to buy new PCs" / "companies do not feel sure enough to
# replace old PCs"). Only the quotes of such pairs are encoded (bench/NOTES.md: tuned on one
# half of statements-msrp-dev, checked on the other, ECB+ dev and the seeds).
BAND_WORDS = 0.30
BAND_COSINE = 0.75
# ... and for two quotes of one named speaker on one day, from DAY_BAND_WORDS: a speaker
# words one point twice on the day he makes it ("every buyer may claim a free charger" / "we
# will give a charger to anyone who has bought one"), with fewer words in
# common than two reports of unknown speakers or days need (bench/NOTES.md).
DAY_BAND_WORDS = 0.15
DAY_BAND_COSINE = 0.70
# ... except two quotes that both give figures and share none: the sentence vectors hardly
# tell figures apart, so two offers or tolls of different amounts read alike ("offered
# $40 a share" / "offered $52 a share"; ECB+ dev: two offers of different figures at cosine
# 0.81). A figure is a number in digits (its separators dropped) or a number word from two
# up (figures.NUMBER_WORDS) or a scale word: "one" is as often no figure ("one of them",
# "no one", "one count of murder"). Measured on the band's pairs only (bench/NOTES.md),
# taken for the wrong joins it prevents.
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
# ... and, for any pair outside copies, two sums of money that differ by more than this
# share of the larger are two sums (see ``_other_amounts``).
AMOUNT_TOLERANCE = 0.1
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MONEY = re.compile(
    r"(?:[$€£¥](?:US|A|C|NZ|HK)?|\b(?:US|A|C|NZ|HK)\$)\s?(?P<number>\d[\d,]*(?:\.\d+)?)"
    r"(?:[\s-]+(?P<scale>thousand|million|billion|trillion)\b)?"
    r"|\b(?P<number2>\d[\d,]*(?:\.\d+)?)(?:[\s-]+(?P<scale2>thousand|million|billion|trillion))?"
    r"\s+(?:dollars|euros|pounds|yen)\b", re.IGNORECASE)
SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion"})
FIGURE_WORDS = frozenset(w for w, n in NUMBER_WORDS.items() if n >= 2) | SCALE_WORDS
# Content words two quotes must share to be compared at all outside copies, and the share of
# quotes a word may appear in and still count as content (a story's own name is in all).
MIN_SHARED_WORDS = 2
MAX_WORD_SHARE = 0.05
# ... though a word in fewer quotes than this always counts (a small corpus has no common
# words to speak of, and pairs from a list this short are cheap).
COMMON_WORD_FLOOR = 50
# A short quote may hold fewer than MIN_SHARED_WORDS content words ("Please, keep doing your
# homework": spaCy's stop words take all but one), so quotes of exactly the same words, this
# many at least, are compared too.
SAME_WORDING_WORDS = 4
# A content word longer than this that ends in s (not ss) is read as a plural: "news" and
# "says" keep their s.
PLURAL_MIN_LETTERS = 4
# Words a direct quote needs to be chosen as a statement's text over a paraphrase ("very
# successful" is a fragment; the reported sentence around it says more).
MIN_DIRECT_WORDS = 5

# A said-on day found in the quote's own sentence ("on Friday", "on March 4": dates.STATED)
# is stated; any other is inferred (the article's date, a neighbouring statement's) and may be
# off by the days a report lags.
INFERRED_DAY_SLACK = 3
# Days a statement's day may fall after the earliest publication date of an article that
# reports it: none, what an article printed was said by its date. (With a day's slack for
# time zones, ECB+ dev kept 9 statements dated the day after a report of them, each the
# later article's own date inferred for a lead statement: bench/NOTES.md.)
PUBLISHED_SLACK = 0
# The same long wording: this many words each and this Jaccard over all their words. Two
# people do not independently say the same ten words, so such a pair is one utterance even
# when the articles name different speakers or infer different days.
VERBATIM_WORDS = 8
VERBATIM_OVERLAP = 0.8
# ... unless one of the two negates and the other does not: a rebuttal echoes the words it
# denies ("we will not close the harbour this winter" answering "we will close the harbour
# this winter"), so the same wording is not the same utterance when the polarity differs.
# These are whole words of the casefolded text: "t" is what \w+ leaves of "n't" ("don't" ->
# "don", "t"), and the contractions stand without their apostrophe as some pages print them.
# Measured on statements-msrp-dev (two speakers' denial and the words it denies): bench/NOTES.md.
NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "nobody", "nowhere",
                       "neither", "nor", "cannot", "t", "dont", "doesnt", "didnt", "cant",
                       "couldnt", "wont", "wouldnt", "isnt", "arent", "wasnt", "werent",
                       "hasnt", "havent", "hadnt", "shouldnt", "aint"})

_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s?$")
_GROUP_PREPOSITIONS = frozenset({"of", "for", "at", "from", "in", "with", "on", "to"})
# Words of quantity that head a group's description before "of" ("most of the Pilots").
_QUANTIFIERS = frozenset({"some", "many", "most", "all", "several", "both", "each", "none",
                          "few", "half", "majority", "dozens", "hundreds", "thousands"}) | \
    frozenset(NUMBER_WORDS)
_ACRONYM_SKIPS = frozenset({"and", "of", "the", "for", "&"})
_TOKEN_EDGES = "\"'“”‘’«»()[]{},;:!?"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_Scored = tuple[float, tuple[int, int]]


def group_statements(quotes: Sequence[Quote], articles: Sequence[ArticleMeta],
                     links: Sequence[DuplicateLink], stories: Sequence[Story],
                     encoder: Encoder | None = None) -> list[Statement]:
    """Every quote's statement; each quote is in exactly one, in a stable order."""
    ordered = _ordered_reads(quotes)
    if not ordered:
        return []
    story_of = {a: s.id for s in stories for a in s.articles}
    pairs = _candidate_pairs(ordered, links, story_of)
    similarity = _similarity(ordered, pairs, encoder)
    groups = _join(ordered, pairs, similarity, syndication_roots(links), encoder)
    index = SourceIndex.build(articles, links)
    published = {a.id: a.published[:10] for a in articles
                 if a.published and _ISO_DAY.match(a.published)}
    return sorted((_statement(members, index, story_of, published) for members in groups),
                  key=lambda s: (s.story or "", s.said_on or "", s.id))


def _ordered_reads(quotes: Sequence[Quote]) -> list[_Read]:
    return [_Read.of(q) for q in sorted(quotes, key=lambda q: (q.article, q.start, q.id))]


@dataclass(frozen=True, slots=True)
class _Speaker:
    """Who a quote names: the corpus entity, the words of the name the article gives, and
    the words of the whole mention ("port authority spokesman Tomas Vik"). A group the
    article only describes has neither entity nor name words, and ``party`` holds the
    capitalised words of its description ("6 of 10 Norlanders": norlanders; "officials of the
    Immigration and Naturalization Service": immigration, naturalization, service;
    ``_group_party``): the party it speaks for. Any other description ("the company",
    "a banner", "the Norlander leader", "he") is no _Speaker at all: it could be anyone's (a
    one-person role is how another article often describes a named speaker: "a Halvard
    spokesman", "Mark Herr")."""

    entity: str | None
    words: tuple[str, ...]
    mention: frozenset[str] = frozenset()
    party: tuple[str, ...] = ()
    initials: str = ""  # of the mention's capitalised words ("HPA" of "Harbour Pilots Association")

    @property
    def described(self) -> bool:
        return self.entity is None and not self.words


@dataclass(frozen=True, slots=True)
class _Read:
    """A quote with what the pair tests read of it, worked out once per quote."""

    quote: Quote
    words: frozenset[str]
    content: frozenset[str]
    speaker: _Speaker | None
    day: str | None
    stated_day: str | None
    negated: bool

    @classmethod
    def of(cls, q: Quote) -> _Read:
        words = _words(q.text)
        name = _name_words(q.speaker_name) if q.speaker_name else ()
        mention = _words(q.speaker_mention) if q.speaker_mention else frozenset()
        party = _group_party(q.speaker_mention) if q.speaker_mention else ()
        day = q.said_on[:10] if q.said_on and _ISO_DAY.match(q.said_on) else None
        speaker = _Speaker(q.speaker, name, mention, (),
                           _capital_initials(q.speaker_mention or q.speaker_name or "")) \
            if q.speaker or name else _Speaker(None, (), mention, party) if party else None
        return cls(q, words, _content_words(words), speaker, day,
                   day if q.said_on_from in STATED else None, not words.isdisjoint(NEGATIONS))


# ---------------------------------------------------------------- candidate pairs

@dataclass(slots=True)
class _Pairs:
    """Candidate pairs by kind: (i, j) indexes into the ordered quotes, i < j."""

    passage: set[tuple[int, int]] = field(default_factory=set)
    copies: set[tuple[int, int]] = field(default_factory=set)
    elsewhere: set[tuple[int, int]] = field(default_factory=set)

    def all(self) -> set[tuple[int, int]]:
        return self.passage | self.copies | self.elsewhere


def _candidate_pairs(quotes: Sequence[_Read], links: Sequence[DuplicateLink],
                     story_of: Mapping[str, str]) -> _Pairs:
    """The pairs of each kind. Pairs outside copies that score under BAND_WORDS are left
    out here: ``_join`` would never accept them, and the score is cheaper to ask than
    whether speakers and days agree (2,967 of the 42k pairs sharing words on the bench's
    6,356 quotes reach ELSEWHERE_WORDS)."""
    by_article = _by_article(quotes)
    pairs = _Pairs(copies=_copy_pairs(quotes, links, by_article))
    for members in by_article.values():
        pairs.passage.update((i, j) for i, j in combinations(members, 2)
                              if _overlap(quotes[i].quote, quotes[j].quote)
                              and _agree(quotes[i], quotes[j]))
    found = _sharing_words(quotes) | _same_wording(quotes)
    pairs.elsewhere = {p for p in found if p not in pairs.copies
                       and _elsewhere_score(quotes[p[0]], quotes[p[1]]) >= _band_floor(
                           quotes[p[0]], quotes[p[1]])
                       and _agree(quotes[p[0]], quotes[p[1]]) and _may_repeat(quotes, p)
                       and _may_cross(quotes[p[0]], quotes[p[1]], story_of)
                       and not _other_amounts(quotes[p[0]], quotes[p[1]])}
    return pairs


def _band_floor(a: _Read, b: _Read) -> float:
    """The least share of content words a pair needs for its meaning to be asked: lower
    for one speaker's day (``_speakers_day``)."""
    return DAY_BAND_WORDS if _speakers_day(a, b) else BAND_WORDS


def _band_cosine(a: _Read, b: _Read) -> float:
    """The cosine a band pair needs: lower for one speaker's day (``_speakers_day``)."""
    return DAY_BAND_COSINE if _speakers_day(a, b) else BAND_COSINE


def _speakers_day(a: _Read, b: _Read) -> bool:
    """One named speaker's two quotes of one day, one of them at least in reported speech:
    two direct quotes in other words are two things said (a quote gives the words)."""
    reported = a.quote.kind != "direct" or b.quote.kind != "direct"
    return reported and a.day is not None and a.day == b.day and _same_speaker(a, b)


def _by_article(quotes: Sequence[_Read]) -> dict[str, list[int]]:
    """Each article's quotes, as indexes in order."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(quotes):
        by_article[r.quote.article].append(i)
    return by_article


def _copy_pairs(quotes: Sequence[_Read], links: Sequence[DuplicateLink],
                by_article: Mapping[str, list[int]] | None = None) -> set[tuple[int, int]]:
    """Quotes of two articles linked as copies whose speakers and days agree."""
    if by_article is None:
        by_article = _by_article(quotes)
    groups: dict[str, list[str]] = defaultdict(list)
    for article, root in syndication_roots(links).items():
        if article in by_article:
            groups[root].append(article)
    pairs: set[tuple[int, int]] = set()
    for copies in groups.values():
        for a, b in combinations(sorted(copies), 2):
            pairs.update(_ordered(i, j) for i in by_article[a] for j in by_article[b]
                         if _agree(quotes[i], quotes[j]))
    return pairs


def _may_cross(a: _Read, b: _Read, story_of: Mapping[str, str]) -> bool:
    """Two quotes of different stories are one utterance only in the same words: stories
    are different threads, and the topic words two reports of two crashes share ("hit-and-run
    driver", "woman", "night") are no evidence that they quote one statement. Copies are
    paired apart from this (a duplicate link ties them whatever their stories)."""
    x, y = story_of.get(a.quote.article), story_of.get(b.quote.article)
    if x is None or y is None or x == y:
        return True
    return (a.words == b.words and len(a.words) >= SAME_WORDING_WORDS) or _verbatim(a, b)


def _may_repeat(quotes: Sequence[_Read], pair: tuple[int, int]) -> bool:
    """Two quotes of one article are one utterance only in the same words (a lead that
    repeats a quote): an article that words two quotes differently reports two things."""
    a, b = quotes[pair[0]], quotes[pair[1]]
    return a.quote.article != b.quote.article or _jaccard(a.content, b.content) >= SAME_WORDS


def _sharing_words(quotes: Sequence[_Read]) -> set[tuple[int, int]]:
    """Pairs of quotes that share at least MIN_SHARED_WORDS uncommon content words.

    The shared counts are one sparse product, quotes x uncommon words times its transpose,
    not counted pair by pair in Python (the bench's numbers: bench/NOTES.md).
    """
    from scipy import sparse  # arrives with datasketch; untyped

    postings: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(quotes):
        for word in r.content:
            postings[word].append(i)
    most = max(COMMON_WORD_FLOOR, int(MAX_WORD_SHARE * len(quotes)))
    kept = [members for members in postings.values() if 2 <= len(members) <= most]
    if not kept:
        return set()
    rows = np.fromiter((i for members in kept for i in members), dtype=np.int32)
    cols = np.repeat(np.arange(len(kept), dtype=np.int32), [len(m) for m in kept])
    has = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)),
                            shape=(len(quotes), len(kept)))
    shared = sparse.triu(has @ has.T, k=1).tocoo()
    many = shared.data >= MIN_SHARED_WORDS
    return set(zip(shared.row[many].tolist(), shared.col[many].tolist(), strict=True))


def _same_wording(quotes: Sequence[_Read]) -> set[tuple[int, int]]:
    """Pairs of quotes made of the same words (SAME_WORDING_WORDS at least)."""
    by_words: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, r in enumerate(quotes):
        if len(r.words) >= SAME_WORDING_WORDS:
            by_words[r.words].append(i)
    return {p for members in by_words.values() for p in combinations(members, 2)}


def _name_words(name: str) -> tuple[str, ...]:
    """A speaker's name as casefolded words, a company's legal form dropped from its end:
    "Norton Co." and "Chandler Insurance Co." end in the same word and are two companies."""
    words = _WORD.findall(name.casefold())
    while len(words) > 1 and words[-1] in COMPANY_DESIGNATORS:
        words.pop()
    return tuple(words)


def _group_party(mention: str) -> tuple[str, ...]:
    """The party a group's description names: the casefolded words of its capitalised
    tokens, in order ("6 of 10 Norlanders": norlanders; "NRA officials": nra); nothing for a
    description of one ("the Norlander government", "a Halvard spokesman") or of no party
    ("Lawyers for the family"). A group is a plural noun (-s, not -ss) before the
    description's first preposition ("officials of the ..."), or at its end when there is
    none or a quantity comes before it ("6 of 10 Norlanders", "some of the ..."). The first token
    counts only in capitals or with a capital inside ("NRA", "U.S.", "PeopleSoft"):
    "Investigators said" and "Government officials said" are capitalised because they open
    the sentence."""
    tokens = [_POSSESSIVE.sub("", t.strip(_TOKEN_EDGES)) for t in mention.split()]
    tokens = [t for t in tokens if t]
    cut = next((n for n, t in enumerate(tokens) if n and t in _GROUP_PREPOSITIONS),
               len(tokens))
    if not tokens:
        return ()
    head = tokens[cut - 1]
    if head.casefold() in _QUANTIFIERS or head.isdigit():  # "6 of 10 Norlanders"
        head = tokens[-1]
    if not _plural(head):
        return ()
    party: list[str] = []
    for n, token in enumerate(tokens):
        letters = [c for c in token if c.isalpha()]
        if not letters or not token[0].isupper():
            continue
        if n == 0 and not (len(letters) >= 2 and any(c.isupper() for c in letters[1:])):
            continue
        party += _WORD.findall(token.casefold())
    return tuple(party)


def _capital_initials(mention: str) -> str:
    """The first letters of a mention's capitalised tokens, casefolded, "and", "of", "the"
    and "for" between them skipped ("Sara Ali of the Harbour Pilots Association": "sahpa"):
    an acronym the mention's organisation goes by is a run of them."""
    initials = []
    for token in mention.split():
        token = token.strip(_TOKEN_EDGES)
        if token[:1].isupper():
            initials.append(token[0].casefold())
        elif token.casefold() not in _ACRONYM_SKIPS:
            initials.append(" ")
    return "".join(initials)


def _plural(token: str) -> bool:
    return len(token) > PLURAL_MIN_LETTERS and token.isalpha() and \
        token.endswith("s") and not token.endswith("ss")


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


def _content_words(words: frozenset[str]) -> frozenset[str]:
    """The words that carry content, a plural folded to its singular ("companies" and
    "company" still differ; "workers" and "worker" do not): a rewrite changes number as often
    as it changes words (statements-msrp-dev 0.838 -> 0.841, ECB+ dev and seeds unchanged)."""
    return frozenset(_singular(w) for w in words if w not in STOP_WORDS and len(w) > 2)


def _singular(word: str) -> str:
    """A plural's final s dropped; short words and -ss words ("class") kept as they are."""
    return word[:-1] if len(word) > PLURAL_MIN_LETTERS and word.endswith("s") and \
        not word.endswith("ss") else word


def _overlap(a: Quote, b: Quote) -> bool:
    return a.start < b.end and b.start < a.end


def _agree(a: _Read, b: _Read) -> bool:
    """Could these be one speaker's words on one day? Unknowns agree with anything, and
    the same long wording agrees across a speaker (one side misattributed it) or a date
    that neither quote's own sentence states."""
    same_words = _verbatim(a, b)
    return (same_words or _speakers_agree(a.speaker, b.speaker)) and \
        _days_agree(a, b, same_words)


def _speakers_agree(a: _Speaker | None, b: _Speaker | None) -> bool:
    """The same entity, or names that can be one person's: one name's words within the
    other's ("Lansdowne", "Chief William Lansdowne"; "Thaksin", "Thaksin Shinawatra") or
    the same last word ("Ronald L. Kuby", "Ron Kuby"), or one name within the rest of the
    other's mention: a spokesperson speaks for whom the title names ("the port authority
    said", "port authority spokesman Tomas Vik said"). Articles name a speaker with and
    without a title or first name, and the entity step keeps a bare surname apart from a
    full name in another article when it cannot tell whose it is; the content match that
    a pair also needs backs the guess (two people of one surname saying the same thing is
    rarer than one person named two ways: requiring matching first names lost pairs on
    statements-msrp-dev, 0.835 -> 0.832; the spokesperson's title joined 1 pair there, 0.836 ->
    0.838, ECB+ dev unchanged)."""
    if a is None or b is None or (a.entity is not None and a.entity == b.entity):
        return True
    if a.described or b.described:
        return _party_agrees(a, b) if b.described else _party_agrees(b, a)
    if not a.words or not b.words:
        return False
    words_a, words_b = set(a.words), set(b.words)
    return words_a <= words_b or words_b <= words_a or a.words[-1] == b.words[-1] or \
        words_a <= b.mention - words_b or words_b <= a.mention - words_a


def _party_agrees(named: _Speaker, described: _Speaker) -> bool:
    """A described group agrees with another description (two ways of putting one group:
    "the boy's Oslo relatives", "the Oslo relatives") and with a named speaker whose name
    or mention holds every word of the party it names, or its initials ("HPA spokeswoman
    Sara Ali", "officials of the Harbour Pilots Association"): the party is someone else's
    otherwise ("6 of 10 Norlanders" is not a foundation's spokeswoman; "the Tarnwick relatives"
    are not the boy's father). Measured on timex-tbaq, statements-msrp-dev and ECB+ dev
    (bench/NOTES.md)."""
    if named.described:
        return True
    known = set(named.words) | named.mention
    party = described.party
    if set(party) <= known or _initials(party) in known:
        return True
    # An acronym the group goes by, spelled out in the named speaker's mention.
    return len(party) == 1 and len(party[0]) >= 2 and party[0] in named.initials


def _initials(words: Iterable[str]) -> str | None:
    """The acronym of two words or more ("national rail authority": "nra")."""
    letters = [w[0] for w in words if w]
    return "".join(letters) if len(letters) >= 2 else None


def _same_speaker(a: _Read, b: _Read) -> bool:
    """Both name a speaker, and it is the same entity (or, unresolved, the same name)."""
    x, y = a.speaker, b.speaker
    if x is None or y is None or x.described or y.described:
        return False
    return x.entity == y.entity if x.entity or y.entity else x.words == y.words


def _days_agree(a: _Read, b: _Read, same_words: bool) -> bool:
    if a.day is None or b.day is None or a.day == b.day:
        return True
    if a.stated_day and b.stated_day:
        return False
    return same_words or abs((date.fromisoformat(a.day) - date.fromisoformat(b.day)).days) \
        <= INFERRED_DAY_SLACK


def _verbatim(a: _Read, b: _Read) -> bool:
    """The same long wording, with the same polarity (see NEGATIONS)."""
    return min(len(a.words), len(b.words)) >= VERBATIM_WORDS and a.negated == b.negated and \
        _jaccard(a.words, b.words) >= VERBATIM_OVERLAP


def _ordered(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


# ---------------------------------------------------------------- judging pairs

def _elsewhere_score(a: _Read, b: _Read) -> float:
    """Outside copies: 1.0 for the same words, else the share of content words in common."""
    return 1.0 if a.words == b.words else _jaccard(a.content, b.content)


def _similarity(quotes: Sequence[_Read], pairs: _Pairs,
                encoder: Encoder | None) -> Mapping[tuple[int, int], float]:
    """A score for each candidate pair. Outside copies it is the share of content words the
    two quotes have in common (``_join`` encodes a pair under ELSEWHERE_WORDS only if it
    could still join two groups); between copies it is 1.0 for the same wording, else the
    cosine of the two quotes' sentence vectors (only those quotes are encoded)."""
    scores = {p: _elsewhere_score(quotes[p[0]], quotes[p[1]]) for p in pairs.elsewhere}
    same = {p for p in pairs.copies
            if _jaccard(quotes[p[0]].content, quotes[p[1]].content) >= SAME_WORDS}
    scores.update(dict.fromkeys(same, 1.0))
    # A quote whose copy holds its very words is matched already (copy matching takes the
    # best pair first); a differently worded pair is worth encoding only when both name the
    # same speaker: unattributed, a reworded sentence could be anyone's.
    def article(i: int) -> str:
        return quotes[i].quote.article

    worded = {(i, article(j)) for i, j in same} | {(j, article(i)) for i, j in same}
    undecided = []
    for i, j in pairs.copies - same:
        if (i, article(j)) in worded or (j, article(i)) in worded or \
                not _same_speaker(quotes[i], quotes[j]):
            scores[(i, j)] = 0.0
        else:
            undecided.append((i, j))
    scores.update(_cosines(quotes, undecided, encoder))
    return scores


def _cosines(quotes: Sequence[_Read], pairs: Sequence[tuple[int, int]],
             encoder: Encoder | None) -> dict[tuple[int, int], float]:
    """The cosine of each pair's sentence vectors; each quote is encoded once."""
    needed = sorted({i for pair in pairs for i in pair})
    if not needed:
        return {}
    # Each distinct text once (a copy may quote the same words as a third article): its
    # vector is the same bits whatever it is encoded with (encoder.PAD_TO).
    texts = list(dict.fromkeys(quotes[i].quote.text for i in needed))
    vectors = (encoder or load_encoder()).encode(texts)
    text_row = {t: r for r, t in enumerate(texts)}
    row = {q: text_row[quotes[q].quote.text] for q in needed}
    return {(i, j): float(np.dot(vectors[row[i]], vectors[row[j]])) for i, j in pairs}


def copy_texts(quotes: Sequence[Quote], links: Sequence[DuplicateLink]) -> list[str]:
    """The texts ``group_statements`` encodes for these quotes and links, to encode them
    before it runs (a worker can while this process does other steps). A quote whose day
    a later step changes may change them: the statements step encodes what is missing."""
    ordered = _ordered_reads(quotes)
    asked = _Asked()
    _similarity(ordered, _Pairs(copies=_copy_pairs(ordered, links)), asked)
    return asked.texts


class _Asked:
    """An encoder that keeps the texts it is asked for and answers zeros."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.texts.extend(texts)
        return np.zeros((len(texts), 1), dtype=np.float32)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)  # the union's size without building it: the same integer
    return shared / (len(a) + len(b) - shared)


def _join(quotes: Sequence[_Read], pairs: _Pairs,
          similarity: Mapping[tuple[int, int], float],
          roots: Mapping[str, str], encoder: Encoder | None = None) -> list[list[_Read]]:
    """Accepted pairs joined best first, never across a speaker or day conflict, and
    by shared words only where every two reports across the join share them. Last, the
    pairs in the band under ELSEWHERE_WORDS that still join two groups are encoded, and
    those whose cosine reaches BAND_COSINE joined, best first."""
    accepted = [(1.0, p, False) for p in sorted(pairs.passage)]
    accepted += [(score, p, False) for score, p in _copy_matches(quotes, pairs.copies,
                                                                  similarity)]
    accepted += [(similarity[p], p, True) for p in sorted(pairs.elsewhere)
                 if similarity[p] >= ELSEWHERE_WORDS]
    groups = _Groups(quotes, [roots.get(r.quote.article, r.quote.article) for r in quotes])
    for _, (i, j), by_words in sorted(accepted, key=lambda sp: (-sp[0], sp[1])):
        groups.join(i, j, by_words)
    band = groups.could_join([p for p in sorted(pairs.elsewhere)
                              if similarity[p] < ELSEWHERE_WORDS
                              and not _other_figures(quotes[p[0]], quotes[p[1]])])
    cosines = _cosines(quotes, band, encoder)
    reworded = sorted((p for p in band if cosines[p] >= _band_cosine(quotes[p[0]], quotes[p[1]])),
                      key=lambda p: (-cosines[p], p))
    groups.reworded(reworded)
    for i, j in reworded:
        groups.join(i, j, True)
    return groups.members()


def _amounts(text: str) -> list[float]:
    """The sums of money a text gives, in its currency's units ("$4 million": 4e6)."""
    found = []
    for m in _MONEY.finditer(text):
        digits = (m.group("number") or m.group("number2")).replace(",", "")
        scale = (m.group("scale") or m.group("scale2") or "").casefold()
        try:
            found.append(float(digits) * _SCALES.get(scale, 1.0))
        except ValueError:
            continue
    return found


def _other_amounts(a: _Read, b: _Read) -> bool:
    """Whether both quotes give sums of money and none of one is within AMOUNT_TOLERANCE of
    one of the other's: a rewrite rounds a sum ("$49.5 million", "nearly $50 million") but
    does not change it, and two charges or offers worded alike are two ("a charge of less
    than $4 million", "a charge of less than $10 million"). Unlike figures at large, a sum
    keeps its unit across a rewrite (miles become kilometres; dollars stay dollars)."""
    x, y = _amounts(a.quote.text), _amounts(b.quote.text)
    return bool(x and y) and not any(abs(u - v) <= AMOUNT_TOLERANCE * max(u, v)
                                     for u in x for v in y)


def _figures(r: _Read) -> frozenset[str]:
    """The figures a quote gives: its numbers in digits and its number words."""
    return frozenset(n.replace(",", "") for n in _FIGURE.findall(r.quote.text)) | \
        (r.words & FIGURE_WORDS)


def _other_figures(a: _Read, b: _Read) -> bool:
    """Whether both quotes give figures and share none (a band pair's veto)."""
    x, y = _figures(a), _figures(b)
    return bool(x and y and x.isdisjoint(y))


def _copy_matches(quotes: Sequence[_Read], copies: Iterable[tuple[int, int]],
                  similarity: Mapping[tuple[int, int], float]) -> list[_Scored]:
    """Between two copies, each quote is matched to at most one quote of the other article:
    a copy renders an utterance once; greedy on similarity, best first."""
    taken: set[tuple[int, str]] = set()
    matches = []
    for pair in sorted(copies, key=lambda p: (-similarity[p], p)):
        score = similarity[pair]
        if score < COPY_SIMILARITY:
            break
        i, j = pair
        article_i, article_j = quotes[i].quote.article, quotes[j].quote.article
        if (i, article_j) in taken or (j, article_i) in taken:
            continue
        taken.update({(i, article_j), (j, article_i)})
        matches.append((score, pair))
    return matches


def _one_speaker(speakers: set[_Speaker]) -> bool:
    return all(_speakers_agree(a, b) for a, b in combinations(speakers, 2))


class _Groups:
    """Union-find over quotes whose groups keep one stated day and one speaker at most (a
    verbatim pair may join speakers: see VERBATIM_WORDS).

    A join by shared words (an elsewhere pair) also needs every two reports across it to
    share words: each article of one group (its copies counted with it, ``reports``) and
    each of the other hold a pair of quotes at ELSEWHERE_WORDS (or one BAND_COSINE
    accepted, ``reworded``). Joined one pair at a time,
    A like B and B like C would make A and C one statement when they share nothing: two
    claims of one topic chained through a third report that words a bit of each (measured
    on statements-msrp-dev and stories-ecbplus-dev: bench/NOTES.md).

    A group only grows, and a root stays one until it is joined into another, so a root and
    its size name one set of members: a check that failed for two roots of those sizes fails
    again until either group grows, and is not redone (``_unlike``); each pair of quotes is
    scored once (``_alike``)."""

    def __init__(self, quotes: Sequence[_Read], reports: Sequence[str]) -> None:
        self._quotes = quotes
        self._reports = reports
        self._members = [[i] for i in range(len(quotes))]
        self._parent = list(range(len(quotes)))
        self._speakers = [{r.speaker} if r.speaker else set() for r in quotes]
        self._days = [{r.stated_day} if r.stated_day else set() for r in quotes]
        self._unlike: set[tuple[int, int, int, int]] = set()
        self._alike: dict[tuple[int, int], bool] = {}

    def find(self, i: int) -> int:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def _joinable(self, a: int, b: int, i: int, j: int) -> bool:
        speakers, days = self._speakers[a] | self._speakers[b], self._days[a] | self._days[b]
        return len(days) <= 1 and (_one_speaker(speakers)
                                   or _verbatim(self._quotes[i], self._quotes[j]))

    def _reports_alike(self, a: int, b: int) -> bool:
        """Every report of group a and every one of group b (not together in either group
        already) hold a pair of quotes, one in each group, that reach ELSEWHERE_WORDS."""
        a, b = min(a, b), max(a, b)
        check = (a, b, len(self._members[a]), len(self._members[b]))
        if check in self._unlike:
            return False
        in_a: dict[str, list[int]] = defaultdict(list)
        in_b: dict[str, list[int]] = defaultdict(list)
        for members, found in ((self._members[a], in_a), (self._members[b], in_b)):
            for m in members:
                found[self._reports[m]].append(m)
        for x, xs in in_a.items():
            for y, ys in in_b.items():
                if x in in_b or y in in_a:  # together in one group already
                    continue
                if not any(self._pair_alike(p, q) for p in xs for q in ys):
                    self._unlike.add(check)
                    return False
        return True

    def _pair_alike(self, p: int, q: int) -> bool:
        key = _ordered(p, q)
        alike = self._alike.get(key)
        if alike is None:
            alike = _elsewhere_score(self._quotes[p], self._quotes[q]) >= ELSEWHERE_WORDS
            self._alike[key] = alike
        return alike

    def could_join(self, pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """The pairs that would join two groups as a join by words if every one of them
        were alike: apart, no speaker or day conflict, every two reports across alike."""
        a_part = [(i, j) for i, j in pairs if (a := self.find(i)) != (b := self.find(j))
                  and self._joinable(a, b, i, j)]
        known = dict(self._alike)
        self._alike.update(dict.fromkeys(a_part, True))
        self._unlike.clear()
        kept = [(i, j) for i, j in a_part if self._reports_alike(self.find(i), self.find(j))]
        self._alike = known
        self._unlike.clear()
        return kept

    def reworded(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Pairs the sentence vectors accepted (BAND_COSINE) are alike, as a pair at
        ELSEWHERE_WORDS is, for the joins after this."""
        self._alike.update(dict.fromkeys(pairs, True))
        self._unlike.clear()

    def join(self, i: int, j: int, by_words: bool = False) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or not self._joinable(a, b, i, j) or \
                (by_words and not self._reports_alike(a, b)):
            return
        a, b = min(a, b), max(a, b)
        self._parent[b] = a
        self._members[a] += self._members[b]
        self._members[b] = []
        self._speakers[a] |= self._speakers[b]
        self._days[a] |= self._days[b]

    def members(self) -> list[list[_Read]]:
        out: dict[int, list[_Read]] = defaultdict(list)
        for i, r in enumerate(self._quotes):
            out[self.find(i)].append(r)
        return list(out.values())


# ---------------------------------------------------------------- the statement

def _statement(read: Sequence[_Read], index: SourceIndex, story_of: Mapping[str, str],
               published: Mapping[str, str] | None = None) -> Statement:
    members = [r.quote for r in read]
    best = _best_rendering(members)
    speakers = Counter(q.speaker for q in members if q.speaker)
    names = Counter(q.speaker_name for q in members if q.speaker_name)
    articles = sorted({q.article for q in members})
    # A day a rendering's own sentence states wins over inferred ones; else the commonest.
    # None that is later than a report of it: what an article printed was said by then (a
    # copy that resolves its "Wednesday" against its own later date, or a rendering of one
    # article's day joined to another's earlier words).
    first = min((published[a] for a in articles if a in published), default=None) \
        if published else None
    latest = (date.fromisoformat(first) + timedelta(days=PUBLISHED_SLACK)).isoformat() \
        if first else None

    def possible(day: str | None) -> bool:
        return day is not None and (latest is None or day <= latest)

    days = Counter(r.stated_day for r in read if possible(r.stated_day)) or \
        Counter(r.day for r in read if possible(r.day))
    sources, independent = index.independent(articles)
    stories = Counter(story_of[a] for a in articles if a in story_of)
    return Statement(
        id=content_id("statement", min(q.id for q in members)),
        story=min(stories, key=lambda s: (-stories[s], s)) if stories else None,
        speaker=min(speakers, key=lambda s: (-speakers[s], s)) if speakers else None,
        speaker_name=min(names, key=lambda n: (-names[n], n)) if names else None,
        said_on=min(days, key=lambda d: (-days[d], d)) if days else None,
        text=best.text, kind=best.kind,
        quotes=tuple(sorted(q.id for q in members)), articles=tuple(articles),
        sources=tuple(sources), independent_sources=independent, best_quote=best.id)


def _best_rendering(members: Sequence[Quote]) -> Quote:
    """The speaker's own words when a full direct quote exists, else the fullest report."""
    def words(q: Quote) -> int:
        return len(_WORD.findall(q.text))

    direct = [q for q in members if q.kind == "direct" and words(q) >= MIN_DIRECT_WORDS]
    pool = direct or list(members)
    return max(pool, key=lambda q: (words(q), q.said_on is not None, q.id))


def one_per_statement_pair(found: Iterable[Contradiction],
                           statements: Sequence[Statement]) -> list[Contradiction]:
    """Contradictions between statements, not renderings: two translations of the same two
    statements are one contradiction, and renderings of one statement never contradict."""
    statement_of = {q: s.id for s in statements for q in s.quotes}
    kept: dict[frozenset[str], Contradiction] = {}
    for c in sorted(found, key=lambda c: (c.story or "", c.a, c.b)):
        pair = frozenset((statement_of.get(c.a, c.a), statement_of.get(c.b, c.b)))
        if len(pair) == 2:
            kept.setdefault(pair, c)
    return list(kept.values())
