"""bench --quick's sample of the full bench corpus (bench/corpus.py)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import _spread, sample_like


def test_spread_takes_one_per_cleaned_length_bin_and_keeps_the_raw_total_on_track() -> None:
    rng = random.Random(3)
    sizes = [rng.randrange(100, 5000) for _ in range(400)]
    raws = [s * rng.choice((2, 5, 40, 300)) for s in sizes]  # raw length says little
    picked = _spread(sizes, raws, list(range(400)), 100)
    ranked = sorted(range(400), key=lambda i: (sizes[i], i))
    assert [ranked.index(i) // 4 for i in picked] == list(range(100))  # one per bin
    for lengths in (sizes, raws):
        share = sum(lengths[i] for i in picked) / (sum(lengths) / 4)
        assert abs(share - 1.0) < 0.03
    assert picked == _spread(sizes, raws, list(range(400)), 100)  # deterministic


def test_sample_keeps_each_bundles_share_and_takes_copies_with_their_record() -> None:
    records = [{"id": str(i), "text": "word " * (10 + i % 37)} if i % 3 else
               {"id": str(i), "html": "<p>" + "x" * (50 + 17 * i) + "</p>"} for i in range(120)]
    bundles = ["text" if i % 3 else "html" for i in range(120)]
    sizes = [len(r.get("text") or "") or 40 + i % 11 for i, r in enumerate(records)]
    chosen = sample_like(records, bundles, 40, 160, sizes)
    assert chosen == sorted(set(chosen)) and len(chosen) == 40
    copies = [i for i in chosen if i >= 120]
    assert all(i - 120 in chosen for i in copies) and len(copies) == 10
    originals = [i for i in chosen if i < 120]
    assert sum(bundles[i] == "html" for i in originals) == 10  # a third, as in the corpus
    assert sample_like(records, bundles, 160, 160, sizes) == list(range(160))
