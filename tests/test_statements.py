"""Statements: the quotes that render one utterance, grouped across copies and rewrites."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.corpus import statements
from storyline.corpus.statements import group_statements
from storyline.records import Article, DuplicateLink, Quote, Story
from wordvectors import WordsEncoder

ARTICLES = [Article(id=a, source_id=a, source=a, text="", outlet=o)
            for a, o in (("a1", "Ledger"), ("a2", "Ledger Abroad"), ("a3", "Courier"),
                         ("a4", "Gazette"))]
STORY = Story(id="s1", title="Harbour talks", articles=("a1", "a2", "a3", "a4"))
# a2 is a translation of a1.
LINKS = [DuplicateLink(article="a2", canonical="a1", kind="translation")]


# Each speaker entity and the name its quotes give.
NAMES = {"E-lind": "Anna Lindqvist", "E-brandt": "Oskar Brandt", "E-reid": "Mara Reid",
         "E-spokesman": "Tomas Vik"}


def _quote(qid: str, article: str, text: str, *, speaker: str | None = "E-lind",
           said_on: str | None = "2031-03-10", how: str | None = "own sentence",
           start: int = 0, kind: str = "indirect", name: str | None = None,
           mention: str | None = None) -> Quote:
    return Quote(id=qid, article=article, text=text, kind=kind, start=start,
                 end=start + len(text), sent_start=start, sent_end=start + len(text),
                 speaker=speaker, speaker_name=name or (NAMES.get(speaker) if speaker else None),
                 speaker_mention=mention, said_on=said_on, said_on_from=how if said_on else None)


def _groups(quotes: list[Quote], encoder: WordsEncoder | None = None) -> set[frozenset[str]]:
    found = group_statements(quotes, ARTICLES, LINKS, [STORY], encoder or WordsEncoder())
    return {frozenset(s.quotes) for s in found}


def test_reprints_and_a_rewrite_elsewhere_are_one_statement() -> None:
    quotes = [_quote("q1", "a1", "The harbour will stay open through the winter season"),
              _quote("q3", "a3", "the harbour will stay open through the whole winter season"),
              _quote("q4", "a4", "Fishing quotas will be cut by a tenth next year")]
    assert _groups(quotes) == {frozenset({"q1", "q3"}), frozenset({"q4"})}


def test_copies_pair_each_quote_with_its_closest_counterpart_once() -> None:
    # A translation words things differently; each quote finds one partner in the copy.
    quotes = [_quote("q1", "a1", "ships will keep sailing to the northern islands", start=0),
              _quote("q2", "a1", "winter fees are to rise for the larger ferries", start=100),
              _quote("q5", "a2", "the larger ferries face higher winter fees", start=0),
              _quote("q6", "a2", "sailing to the northern islands will continue", start=100)]
    assert _groups(quotes) == {frozenset({"q1", "q6"}), frozenset({"q2", "q5"})}


def test_a_direct_quote_inside_the_reported_speech_around_it_is_one_utterance() -> None:
    quotes = [_quote("q1", "a1", "no meeting is planned", start=10, kind="direct"),
              _quote("q2", "a1", "no meeting is planned between the two presidents", start=10)]
    [statement] = group_statements(quotes, ARTICLES, LINKS, [STORY], WordsEncoder())
    assert set(statement.quotes) == {"q1", "q2"}
    # The reported sentence says more than a four-word fragment.
    assert statement.best_quote == "q2" and statement.kind == "indirect"


def test_the_same_words_on_stated_days_months_apart_are_two_statements() -> None:
    quotes = [_quote("q1", "a3", "the path to membership is irreversible",
                     said_on="2031-08-19"),
              _quote("q2", "a4", "the path to membership is irreversible",
                     said_on="2031-12-03")]
    assert _groups(quotes) == {frozenset({"q1"}), frozenset({"q2"})}


def test_different_speakers_stay_apart_and_an_unresolved_speaker_agrees() -> None:
    text = "the harbour will stay open through winter"
    quotes = [_quote("q1", "a3", text, speaker="E-lind"),
              _quote("q2", "a4", text, speaker="E-brandt"),
              _quote("q3", "a1", text, speaker=None)]
    groups = _groups(quotes)
    assert frozenset({"q1"}) in groups or frozenset({"q2"}) in groups
    assert not any({"q1", "q2"} <= g for g in groups)
    assert any("q3" in g and len(g) == 2 for g in groups)


def test_one_speaker_named_with_and_without_a_title_or_first_name_agrees() -> None:
    # The entity step kept "Lindqvist" (another article) apart from "Anna Lindqvist"; the
    # names can be one person's, so the same report joins.
    text = "the harbour will stay open through the winter"
    quotes = [_quote("q1", "a3", text, speaker="E-lind", name="Anna Lindqvist"),
              _quote("q2", "a4", text, speaker="E-lq", name="Harbour Chief Lindqvist"),
              _quote("q3", "a1", text, speaker="E-al", name="Ann M. Lindqvist")]
    assert _groups(quotes) == {frozenset({"q1", "q2", "q3"})}


def test_names_of_two_people_never_agree_even_with_one_first_name() -> None:
    text = "the harbour will stay open through the winter"
    quotes = [_quote("q1", "a3", text, speaker="E-lind", name="Anna Lindqvist"),
              _quote("q2", "a4", text, speaker="E-ab", name="Anna Brandt")]
    assert _groups(quotes) == {frozenset({"q1"}), frozenset({"q2"})}


def test_two_companies_whose_names_end_in_one_legal_form_are_two_speakers() -> None:
    # "Co." is no surname: Halvard Shipping Co. and Brekke Co. are two companies.
    text = "quarterly profit rose on higher freight rates"
    quotes = [_quote("q1", "a3", text, speaker="E-halvard", name="Halvard Shipping Co."),
              _quote("q2", "a4", text, speaker="E-brekke", name="Brekke Co.")]
    assert _groups(quotes) == {frozenset({"q1"}), frozenset({"q2"})}
    # The name without its legal form is still the same company's.
    quotes[1] = _quote("q2", "a4", text, speaker="E-hs", name="Halvard Shipping")
    assert _groups(quotes) == {frozenset({"q1", "q2"})}


def test_a_group_keeps_names_that_all_agree_with_each_other() -> None:
    # "Anna" agrees with both, but the two full names are two people: the quote that gives
    # the first name alone joins one of them only.
    text = "the harbour will stay open through the winter"
    quotes = [_quote("q1", "a3", text, speaker="E-lind", name="Anna Lindqvist"),
              _quote("q2", "a4", text, speaker="E-ab", name="Anna Brandt"),
              _quote("q3", "a1", text, speaker="E-anna", name="Anna")]
    groups = _groups(quotes)
    assert not any({"q1", "q2"} <= g for g in groups)
    assert any("q3" in g and len(g) == 2 for g in groups)


def test_a_long_verbatim_quote_joins_across_a_misattribution() -> None:
    text = "we ask everyone to respect the family's privacy at this difficult time"
    quotes = [_quote("q1", "a3", text, speaker="E-reid"),
              _quote("q2", "a4", text, speaker="E-spokesman")]
    assert _groups(quotes) == {frozenset({"q1", "q2"})}


@pytest.mark.parametrize("denial", [
    "we don't want to be the party for ferry owners in the northern islands",
    "we never want to be the party for ferry owners in the northern islands",
    "we dont want to be the party for ferry owners in the northern islands",
])
def test_a_rebuttal_that_echoes_the_words_it_denies_is_not_a_misattribution(
        denial: str) -> None:
    # One person's words and another's answer that negates them share most words: the
    # same wording joins across two speakers only with the same polarity.
    quotes = [_quote("q1", "a3", "we still want to be the party for ferry owners in the "
                                 "northern islands", speaker="E-reid"),
              _quote("q2", "a4", denial, speaker="E-brandt"),
              _quote("q3", "a1", "we still want to be the party for ferry owners in the "
                                 "northern islands", speaker=None)]
    groups = _groups(quotes)
    assert frozenset({"q2"}) in groups and frozenset({"q1", "q3"}) in groups


def test_a_spokesperson_agrees_with_whom_the_title_names() -> None:
    # One article says the port authority said it, another names its spokesman; a person
    # the title does not name is still someone else.
    text = "ferries resume on the northern route soon"  # under VERBATIM_WORDS
    quotes = [_quote("q1", "a3", text, speaker="E-port", name="Nordhavn Port Authority",
                     mention="the Nordhavn Port Authority"),
              _quote("q2", "a4", text, speaker="E-vik", name="Tomas Vik",
                     mention="Nordhavn Port Authority spokesman Tomas Vik"),
              _quote("q3", "a1", text, speaker="E-brandt", mention="Oskar Brandt")]
    assert _groups(quotes) == {frozenset({"q1", "q2"}), frozenset({"q3"})}


def test_a_rewrite_that_changes_plurals_is_still_the_same_words() -> None:
    # Without folding plurals the two share 3 of 9 content words (Jaccard 0.33).
    quotes = [_quote("q1", "a3", "the ferry operators will raise winter fares for cars"),
              _quote("q2", "a4", "each ferry operator will raise the winter fare for a car")]
    assert _groups(quotes) == {frozenset({"q1", "q2"})}


def test_two_claims_do_not_chain_through_a_report_that_words_a_bit_of_each() -> None:
    # q2 shares words with q1 (Jaccard 0.44) and with q3 (0.57); q1 and q3 share one word
    # of nine: joined pair by pair all three would be one statement.
    quotes = [_quote("q1", "a1", "ferry fares rise next winter for island residents"),
              _quote("q2", "a3", "ferry fares rise next winter and the harbour closes early"),
              _quote("q3", "a4", "the harbour closes early this winter")]
    assert _groups(quotes) == {frozenset({"q1"}), frozenset({"q2", "q3"})}


def test_a_copy_counts_with_its_original_when_reports_must_share_words() -> None:
    # a2 is a copy of a1 that trims the quote: q2 and q3 share 3 of 9 content words, under
    # ELSEWHERE_WORDS, but q1, in the copy's original, shares 4 of 9 with q3.
    quotes = [_quote("q1", "a1", "ferry fares rise next winter for island residents"),
              _quote("q2", "a2", "ferry fares rise for island residents"),
              _quote("q3", "a3", "the harbour will close early this winter as ferry fares rise")]
    assert _groups(quotes) == {frozenset({"q1", "q2", "q3"})}


def test_inferred_days_a_few_apart_agree() -> None:
    quotes = [_quote("q1", "a3", "the harbour will stay open through winter",
                     said_on="2031-03-10", how="article date: present-tense cue"),
              _quote("q2", "a4", "the harbour will stay open through the winter",
                     said_on="2031-03-11", how="article date: present-tense cue")]
    assert _groups(quotes) == {frozenset({"q1", "q2"})}


def test_a_statement_counts_its_sources_with_copies_folded() -> None:
    quotes = [_quote("q1", "a1", "the harbour will stay open through winter"),
              _quote("q2", "a2", "the harbour will stay open through winter"),
              _quote("q3", "a3", "the harbour will stay open through winter")]
    [statement] = group_statements(quotes, ARTICLES, LINKS, [STORY], WordsEncoder())
    assert statement.sources == ("Courier", "Ledger", "Ledger Abroad")
    assert statement.independent_sources == 2
    assert statement.story == "s1" and statement.said_on == "2031-03-10"


def test_only_undecided_pairs_are_encoded() -> None:
    encoder = WordsEncoder()
    quotes = [_quote("q1", "a3", "the harbour will stay open through winter"),
              _quote("q2", "a4", "the harbour will stay open through winter"),
              _quote("q3", "a4", "fishing quotas are cut", start=200)]
    _groups(quotes, encoder)
    assert encoder.encoded == []


@pytest.mark.slow
def test_the_sentence_model_puts_a_paraphrase_closer_than_another_statement() -> None:
    from storyline.corpus.encoder import load_encoder

    vectors = load_encoder().encode([
        "Ukraine's membership of the alliance is not on the table right now",
        "joining the alliance is not currently part of the talks for Ukraine",
        "the ferry company expects record passenger numbers this summer"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > 0.6 > vectors[0] @ vectors[2]


def test_contradictions_are_between_statements_not_renderings() -> None:
    from storyline.corpus.statements import one_per_statement_pair
    from storyline.records import Contradiction, Statement

    def statement(sid: str, *quotes: str) -> Statement:
        return Statement(id=sid, story="s1", speaker=None, speaker_name=None, said_on=None,
                         text="", kind="direct", quotes=quotes)

    found = [Contradiction(a="q1", b="q3", why="first translation"),
             Contradiction(a="q2", b="q4", why="second translation"),
             Contradiction(a="q1", b="q2", why="one statement against itself")]
    kept = one_per_statement_pair(found, [statement("A", "q1", "q2"),
                                          statement("B", "q3", "q4")])
    assert [c.why for c in kept] == ["first translation"]


def test_a_short_quote_in_the_same_words_joins_though_it_has_one_content_word() -> None:
    # Stop words take all of "please, keep doing your homework" but "homework".
    quotes = [_quote("q1", "a3", "Please, keep doing your homework", kind="direct"),
              _quote("q2", "a4", "please keep doing your homework", kind="direct"),
              _quote("q3", "a1", "Please keep your homework", kind="direct")]
    assert _groups(quotes) == {frozenset({"q1", "q2"}), frozenset({"q3"})}


def test_quotes_of_two_stories_join_only_in_the_same_words() -> None:
    # Two threads (a harbour story, a bridge story), unresolved speakers and no days: only
    # the words decide, and shared topic words do not make two reports one statement.
    stories = [Story(id="s1", title="Harbour", articles=("a1", "a3")),
               Story(id="s2", title="Bridge", articles=("a2", "a4"))]
    quotes = [_quote("q1", "a3", "a lorry struck a cyclist on the coast road at night",
                     speaker=None, said_on=None),
              _quote("q2", "a4", "the cyclist was struck by a lorry near the bridge at night",
                     speaker=None, said_on=None),
              _quote("q3", "a3", "the council will repaint every crossing", speaker=None,
                     said_on=None, start=100),
              _quote("q4", "a4", "The council will repaint every crossing.", speaker=None,
                     said_on=None, start=100)]
    found = group_statements(quotes, ARTICLES, [], stories, WordsEncoder())
    assert {frozenset(s.quotes) for s in found} == {
        frozenset({"q1"}), frozenset({"q2"}), frozenset({"q3", "q4"})}
    # In one story the same pair is one statement.
    assert frozenset({"q1", "q2"}) in _groups(quotes[:2])


def test_pairs_sharing_uncommon_words_are_those_counted_pair_by_pair() -> None:
    from collections import Counter
    from itertools import combinations

    rng = np.random.default_rng(7)
    vocab = [f"word{k}" for k in range(40)]
    quotes = [Quote(id=f"q{i}", article=f"a{i % 9}", text=" ".join(
        rng.choice(vocab, size=int(rng.integers(1, 12)))), kind="direct", start=i, end=i + 1,
                    sent_start=i, sent_end=i + 1)
              for i in range(300)]
    reads = [statements._Read.of(q) for q in quotes]
    postings: dict[str, list[int]] = {}
    for i, r in enumerate(reads):
        for w in r.content:
            postings.setdefault(w, []).append(i)
    most = max(statements.COMMON_WORD_FLOOR, int(statements.MAX_WORD_SHARE * len(reads)))
    counted = Counter(p for members in postings.values() if 2 <= len(members) <= most
                      for p in combinations(members, 2))
    expected = {p for p, n in counted.items() if n >= statements.MIN_SHARED_WORDS}
    assert expected and statements._sharing_words(reads) == expected


def test_a_join_by_shared_words_scores_each_pair_of_quotes_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Two groups of ten reports each; the last of the second shares nothing with the first,
    # so every join tried across them fails. A failed check of the same two groups is not
    # redone and no pair of quotes is scored twice (it was 100 scores per tried join).
    n = 10
    words = [f"wa{i}" for i in range(10)]
    texts = [" ".join([*words, f"aa{k}"]) for k in range(n)]
    texts += [" ".join([f"va{i}" for i in range(10)] + (words[:6] if k < n - 1 else [])
                       + [f"bb{k}"]) for k in range(n)]
    reads = [statements._Read.of(_quote(f"q{k}", f"r{k}", t, speaker=None, said_on=None))
             for k, t in enumerate(texts)]
    groups = statements._Groups(reads, [r.quote.article for r in reads])
    scored: list[tuple[str, str]] = []
    score = statements._elsewhere_score

    def counted(a: statements._Read, b: statements._Read) -> float:
        scored.append((a.quote.id, b.quote.id))
        return score(a, b)

    monkeypatch.setattr(statements, "_elsewhere_score", counted)
    for i in range(n):
        for j in range(i + 1, n):
            groups.join(i, j, True)
            groups.join(n + i, n + j, True)
    for i in range(n):
        for j in range(n, 2 * n):
            groups.join(i, j, True)
    assert len(scored) == len(set(scored))
    assert {frozenset(r.quote.id for r in g) for g in groups.members()} == {
        frozenset(f"q{k}" for k in range(n)), frozenset(f"q{k}" for k in range(n, 2 * n))}


class _Cosines:
    """An encoder whose vectors give the cosines asked for: the first text is [1, 0], each
    other the unit vector at the given cosine to it; it keeps the texts it encoded."""

    def __init__(self, cosines: dict[str, float]) -> None:
        self.cosines = cosines
        self.encoded: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.encoded.extend(texts)
        c = np.array([self.cosines.get(t, 1.0) for t in texts], dtype=np.float32)
        return np.stack([c, np.sqrt(1.0 - c * c)], axis=1)


# Two renderings of one utterance in other words: 4 of 12 content words shared (Jaccard
# 0.33, in the band under ELSEWHERE_WORDS where the sentence vectors decide).
FIRMS = "firms are not yet confident enough to buy new computers this winter"
COMPANIES = "companies do not feel sure enough to buy new computers"


@pytest.mark.parametrize(("cosine", "one"), [(0.9, True), (0.6, False)])
def test_a_paraphrase_under_the_word_bar_joins_when_its_meaning_is_close(
        cosine: float, one: bool) -> None:
    encoder = _Cosines({FIRMS: 1.0, COMPANIES: cosine})
    quotes = [_quote("q1", "a3", FIRMS), _quote("q2", "a4", COMPANIES)]
    groups = _groups(quotes, encoder)  # type: ignore[arg-type]
    assert (frozenset({"q1", "q2"}) in groups) is one
    assert sorted(encoder.encoded) == sorted([FIRMS, COMPANIES])


def test_a_band_pair_the_reports_rule_would_refuse_is_not_encoded() -> None:
    # q1 and q4 join by words (Jaccard 0.375); q2 is close to q1 in meaning but shares no
    # word with q4's report, so joining it to their group could never hold: not encoded.
    encoder = _Cosines({FIRMS: 1.0, COMPANIES: 1.0})
    quotes = [_quote("q1", "a3", FIRMS), _quote("q2", "a1", COMPANIES),
              _quote("q4", "a4", "firms are not confident this winter, a survey found")]
    assert _groups(quotes, encoder) == {  # type: ignore[arg-type]
        frozenset({"q1", "q4"}), frozenset({"q2"})}
    assert encoder.encoded == []


def test_a_paraphrase_does_not_join_two_named_speakers() -> None:
    encoder = _Cosines({FIRMS: 1.0, COMPANIES: 1.0})
    quotes = [_quote("q1", "a3", FIRMS, speaker="E-lind"),
              _quote("q2", "a4", COMPANIES, speaker="E-brandt")]
    assert _groups(quotes, encoder) == {frozenset({"q1"}), frozenset({"q2"})}  # type: ignore[arg-type]
    assert encoder.encoded == []


# The same paraphrase with figures: two quotes that give figures and share none are two
# claims (two offers, two tolls) however close the sentence vectors put them.
FIRMS_40 = "firms are not yet confident enough to buy 40 new computers this winter"
COMPANIES_65 = "companies do not feel sure enough to buy sixty-five new computers"
COMPANIES_40 = "companies do not feel sure enough to buy 40 new computers"


@pytest.mark.parametrize(("other", "one"), [(COMPANIES_65, False), (COMPANIES_40, True),
                                            (COMPANIES, True)])
def test_a_paraphrase_giving_other_figures_is_another_statement(other: str, one: bool) -> None:
    encoder = _Cosines({FIRMS_40: 1.0, other: 0.95})
    quotes = [_quote("q1", "a3", FIRMS_40), _quote("q2", "a4", other)]
    assert (frozenset({"q1", "q2"}) in _groups(quotes, encoder)) is one  # type: ignore[arg-type]
    # the figures decide before the model: a pair they part is not encoded
    assert (encoder.encoded == []) is not one


# One speaker's point worded twice on one day, with few words in common (Jaccard 0.2).
FREE_CASE = "every buyer of the new handset may claim a free protective case"
OFFER = "the company will offer a free case to anyone who bought the handset"


@pytest.mark.parametrize(("speaker_b", "day_b", "kind", "one"), [
    ("E-lind", "2031-03-10", "indirect", True),    # one speaker's day: the model decides
    ("E-lind", "2031-03-11", "indirect", False),   # another day: the usual bar
    (None, "2031-03-10", "indirect", False),       # an unresolved speaker: the usual bar
    ("E-lind", "2031-03-10", "direct", False)])    # two direct quotes: two things said
def test_one_speakers_rewording_on_one_day_needs_fewer_shared_words(
        speaker_b: str | None, day_b: str, kind: str, one: bool) -> None:
    encoder = _Cosines({FREE_CASE: 1.0, OFFER: 0.72})
    quotes = [_quote("q1", "a3", FREE_CASE, kind=kind),
              _quote("q2", "a4", OFFER, speaker=speaker_b, said_on=day_b, kind=kind)]
    assert (frozenset({"q1", "q2"}) in _groups(quotes, encoder)) is one  # type: ignore[arg-type]
