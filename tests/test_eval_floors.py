"""Accuracy gate: each evaluation bundle in ../shared/eval must stay at or above its floor.

Floors are what the pipeline measured when they were set, rounded down; they only go up.
The bundles are real, labelled public data kept outside the repository; the test skips
when ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from storyline.cli import main

FLOORS: dict[str, dict[str, float]] = {
    # Seed 003 names no year anywhere, so it has no publication date of its own (a date is
    # never taken from the clock), which caps published_accuracy at 0.8 (issue 16.2). Its
    # Kyiv visit and its "on Friday" statements take their day from the event it shares with
    # dated articles; a dated interview given to a named outlet is also an event.
    "seeds": {
        "published_accuracy": 0.8, "headline_accuracy": 1.0, "keep_recall": 1.0,
        "paragraphs_once": 1.0, "quote_recall": 0.95, "quote_precision": 0.85,
        "speaker_accuracy": 0.95, "said_on_accuracy": 0.95, "alias_pair_f1": 0.95,
        "story_bcubed_f1": 1.0, "event_recall": 1.0, "contradiction_recall": 1.0,
        "statement_pair_f1": 0.95, "key_date_f1": 0.95, "timeline_items_ok": 1.0,
    },
    # Main text from text dumps (menus and all); the raw dump scores 0.66.
    "dumps-scrapinghub": {"body_f1": 0.925},
    # Main text from HTML; trafilatura alone scores 0.947 with this scorer.
    "extraction-scrapinghub": {"body_f1": 0.965},
    # Publication dates; htmldate alone scores 0.897.
    "dates-mediacloud": {"published_accuracy": 0.915},
    # The visible text of pages in many languages; htmldate's extensive search reaches 0.59
    # with 0.354 wrong, without it 0.05 with 0.02 wrong.
    "dates-mediacloud-dumps": {"published_accuracy": 0.705},
    # Gold covers only each article's first sentences, which caps timex and quote precision.
    # Its attributions include what issue 17 does not count as said: a deed or a plan
    # ("has chosen to step down", "they intend to launch") and a clause someone did not say
    # ("did not say whether he decided ..."), so quote recall reads 0.641 (bench/NOTES.md).
    "meantime": {"timex_value_f1": 0.90, "timex_recall": 0.90, "quote_recall": 0.63,
                 "quote_precision": 0.235,
                 "speaker_accuracy": 0.95, "said_on_accuracy": 0.95, "alias_pair_f1": 0.86},
    # TimeBank and AQUAINT, every expression annotated; HeidelTime scores 0.662.
    "timex-tbaq": {"timex_value_f1": 0.725},
    "stories-ecbplus-dev": {"story_bcubed_f1": 0.96, "story_bcubed_precision": 0.97,
                            "alias_pair_f1": 0.645,
                            "statement_pair_f1": 0.975, "main_event_coverage": 0.74},
    # Word overlap alone (Jaccard >= 0.4 over the quote's words) scores 0.84.
    "statements-msrp-dev": {"statement_pair_f1": 0.845},
    "timeline-semeval15-dev": {"timeline_date_f1": 0.535},
}
CEILINGS: dict[str, dict[str, float]] = {
    "seeds": {"drop_leak": 0.0, "published_wrong_rate": 0.0},
    # A date that is not the page's own is worse than none.
    "dates-mediacloud-dumps": {"published_wrong_rate": 0.03},
    "dates-mediacloud": {"published_wrong_rate": 0.03},
}


def _score(shared: Path, bundle: str, tmp: Path) -> dict[str, Any]:
    folder = shared / "eval" / bundle
    docs = folder / "docs.jsonl"
    source = str(docs) if docs.exists() else str(folder / "docs") + "/"
    db, export = str(tmp / "store.db"), str(tmp / "export.json")
    runner = CliRunner()
    result = runner.invoke(main, ["run", source, "--db", db, "--no-progress"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["export", "--db", db, "--format", "json", "-o", export])
    assert result.exit_code == 0, result.output
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    summary, _ = scorer.score(json.loads(Path(export).read_text(encoding="utf-8")), gold)
    return dict(summary)


@pytest.mark.slow
@pytest.mark.parametrize("bundle", sorted(FLOORS))
def test_bundle_floors(bundle: str, shared: Path, tmp_path: Path) -> None:
    summary = _score(shared, bundle, tmp_path)
    low = {k: (summary.get(k), v) for k, v in FLOORS[bundle].items()
           if summary.get(k) is None or summary[k] < v}
    high = {k: (summary.get(k), v) for k, v in CEILINGS.get(bundle, {}).items()
            if summary.get(k) is None or summary[k] > v}
    assert not low and not high, f"{bundle}: below floor {low}, above ceiling {high}"
