"""statements-msrp-dev's gold against issue 17's definition of one statement, for one run.

    .venv/bin/python bench/msrp_gold.py EXPORT.json [EXPORT.json ...] [--eval DIR]

For each export (a ``../shared/eval/run.sh ../shared/eval/statements-msrp-dev OUT`` run's
OUT/export.json) prints ``statement_pair_f1`` (P / R; and on the halves h0 / h1, a half by
the crc32 of its MSRP pair's doc ids, as bench/NOTES.md's measurements split it):

(a) against the gold as it is; (a+) the same, but for the pairs of gold groups of
    different MSRP pairs that report the same or contained words (4 words at least) left
    unscored, as (b+) below;
(b) with every MSRP pair judged "different" whose reported content (``contains``) is the
    same words, or one side's words all within the other's, counted as one statement:
    issue 17 calls a shortened quote the same statement; and (b+) with, besides, the pairs
    of gold groups of different MSRP pairs that report the same or contained words (4 words
    at least: one speaker's sentence quoted in two MSRP pairs of one story, which MSRP
    judged pair by pair) left unscored (``statement_loose``, which score.py reads);
(c) the ceiling of merging inside MSRP pairs: each pair's two found renderings one
    statement, nothing joined across pairs (recall 1; precision the share of the found
    pairs the gold calls the same), against (a)'s gold and (b)'s.

Words are casefolded ``\\w+`` sets. The gold and the scorer (``score.py``) are read from the
eval folder at run time (``--eval``, by default ../shared/eval beside the repository); when
it is absent the script says so and exits 0. Nothing of them is kept in the repository.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import zlib
from itertools import combinations
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = "statements-msrp-dev"
# Words a rendering needs for a same-or-contained pair across MSRP pairs to count (b+):
# shorter contents ("it is", "we will") are contained in many unrelated sentences.
CROSS_MIN_WORDS = 4

_WORD = re.compile(r"\w+")
Group = list[dict[str, str]]


def words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold().replace("\u2019", "'")))


def msrp_pairs(groups: list[Group]) -> list[tuple[bool, list[int]]]:
    """The gold's MSRP pairs in file order: (judged the same, indexes of its gold groups).
    A "same" pair is one group of two renderings, a "different" one two singletons in a
    row."""
    pairs, i = [], 0
    while i < len(groups):
        if len(groups[i]) == 2:
            pairs.append((True, [i]))
            i += 1
        else:
            pairs.append((False, [i, i + 1]))
            i += 2
    return pairs


def corrected(gold: dict[str, Any], loose: bool, shortened: bool = True,
              ) -> tuple[dict[str, Any], int, int, int]:
    """(b)'s gold (and with ``loose``, (b+)'s; without ``shortened``, (a+)'s: the gold as
    it is but for the cross-pair pairs left unscored); the counts of different pairs with
    the same words, with contained words, and of cross-pair group pairs left unscored."""
    groups: list[Group] = gold["statements"]
    pairs = msrp_pairs(groups)
    merged: list[tuple[int, int]] = []
    same = contained = 0
    for is_same, idx in pairs:
        if is_same or not shortened:
            continue
        a, b = (words(groups[g][0]["contains"]) for g in idx)
        if a == b:
            same += 1
        elif not (a <= b or b <= a):
            continue
        else:
            contained += 1
        merged.append((idx[0], idx[1]))
    into = {second: first for first, second in merged}
    new_groups: list[Group] = []
    number: dict[int, int] = {}
    for g, members in enumerate(groups):
        if g in into:
            continue
        number[g] = len(new_groups)
        new_groups.append(list(members) + [r for second, first in into.items() if first == g
                                           for r in groups[second]])
    for second, first in into.items():
        number[second] = number[first]
    out: dict[str, Any] = {"corpus": gold.get("corpus"), "statements": new_groups}
    unscored: set[tuple[int, int]] = set()
    if loose:
        pair_of = {g: p for p, (_, idx) in enumerate(pairs) for g in idx}
        refs = [(g, words(r["contains"])) for g, members in enumerate(groups) for r in members]
        for (ga, wa), (gb, wb) in combinations(refs, 2):
            if pair_of[ga] == pair_of[gb] or min(len(wa), len(wb)) < CROSS_MIN_WORDS:
                continue
            if (wa <= wb or wb <= wa) and number[ga] != number[gb]:
                unscored.add((min(number[ga], number[gb]), max(number[ga], number[gb])))
        out["statement_loose"] = sorted(unscored)
    return out, same, contained, len(unscored)


def doc_halves(gold: dict[str, Any]) -> dict[str, int]:
    """Each doc's half: the crc32 of its MSRP pair's doc ids, modulo 2."""
    groups: list[Group] = gold["statements"]
    half: dict[str, int] = {}
    for _, idx in msrp_pairs(groups):
        docs = sorted(r["doc"] for g in idx for r in groups[g])
        half.update(dict.fromkeys(docs, zlib.crc32(",".join(docs).encode()) % 2))
    return half


def halves(gold: dict[str, Any], half_of: dict[str, int]) -> list[dict[str, Any]]:
    """The gold in two halves (a group goes with its first rendering's doc); a half keeps
    the unscored pairs of its own groups."""
    out: list[list[Group]] = [[], []]
    where: dict[int, tuple[int, int]] = {}
    for g, members in enumerate(gold["statements"]):
        half = half_of[members[0]["doc"]]
        where[g] = (half, len(out[half]))
        out[half].append(members)
    loose: list[list[tuple[int, int]]] = [[], []]
    for a, b in gold.get("statement_loose", []):
        (ha, ia), (hb, ib) = where[a], where[b]
        if ha == hb:
            loose[ha].append((ia, ib))
    return [{"statements": h, "statement_loose": lo} for h, lo in zip(out, loose, strict=True)]


def ceiling(export: dict[str, Any], gold: dict[str, Any], score: ModuleType) -> dict[str, Any]:
    """The export with each MSRP pair's found renderings one statement and every other
    quote its own (c)."""
    groups: list[Group] = gold["statements"]
    refs = [dict(r, group=g) for g, members in enumerate(groups) for r in members]
    pair_of = {g: p for p, (_, idx) in enumerate(msrp_pairs(groups)) for g in idx}
    match, _ = score.match_quotes(refs, score.Export(export))
    statement = {q["id"]: f"msrp-pair-{pair_of[refs[r]['group']]}" for r, q in match.items()}
    quotes = [dict(q, statement=statement.get(q["id"], f"alone-{q['id']}"))
              for q in export.get("quotes", [])]
    return dict(export, quotes=quotes)


def scored(export: dict[str, Any], gold: dict[str, Any], half_of: dict[str, int],
           score: ModuleType) -> str:
    ex = score.Export(export)
    whole = score.score_statements(gold, ex, [])
    parts = [score.score_statements(h, ex, [])["statement_pair_f1"]
             for h in halves(gold, half_of)]
    return (f"{whole['statement_pair_f1']:.3f} (P {whole['statement_pair_precision']:.3f}, "
            f"R {whole['statement_pair_recall']:.3f}; h0 {parts[0]:.3f}, h1 {parts[1]:.3f})")


def load_scorer(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_score", folder / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {folder / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("exports", nargs="+", type=Path)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args(argv)
    bundle = args.eval / BUNDLE
    if not (bundle / "gold.json").is_file() or not (args.eval / "score.py").is_file():
        print(f"skipped: no {bundle / 'gold.json'} or {args.eval / 'score.py'}")
        return 0
    score = load_scorer(args.eval)
    gold = json.loads((bundle / "gold.json").read_text())
    fixed, same, contained, _ = corrected(gold, loose=False)
    fixed_loose, _, _, unscored = corrected(gold, loose=True)
    gold_loose, _, _, unscored_a = corrected(gold, loose=True, shortened=False)
    pairs = msrp_pairs(gold["statements"])
    half_of = doc_halves(gold)
    print(f"gold: {sum(s for s, _ in pairs)} MSRP pairs judged the same, "
          f"{sum(not s for s, _ in pairs)} different; of the different, {same} report the "
          f"same words and {contained} one side's words within the other's (b); "
          f"{unscored} pairs of (b)'s groups across MSRP pairs report the same or contained "
          f"words (b+; {unscored_a} pairs of the gold's own groups: a+)")
    for path in args.exports:
        export = json.loads(path.read_text())
        top = ceiling(export, gold, score)
        print(path)
        print(f"  (a) gold as is              {scored(export, gold, half_of, score)}")
        print(f"  (a+) cross-pair unscored    {scored(export, gold_loose, half_of, score)}")
        print(f"  (b) shortened quotes same   {scored(export, fixed, half_of, score)}")
        print(f"  (b+) and cross-pair unscored {scored(export, fixed_loose, half_of, score)}")
        print(f"  (c) merge in pairs, gold a  {scored(top, gold, half_of, score)}")
        print(f"  (c) merge in pairs, gold b  {scored(top, fixed, half_of, score)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
