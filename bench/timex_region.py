"""Time expressions scored on the part of each article a gold set annotates.

    python -m bench.timex_region EXPORT.json GOLD.json [--lines 6]

MEANTIME's TIMEX3 annotation covers the headline, the dateline and the first sentences of
each article (its documents are one sentence a line; no gold expression lies past line 6),
while the whole article is given as input. Every correct expression found further down
counts against precision in ../shared/eval/score.py. This script keeps the predictions
that lie in the first ``--lines`` source lines (paragraphs of the stored text) and scores
them with the same scorer, so the two numbers together separate the method's accuracy
from the gold's coverage. It is a measurement aid only: storyline itself never cuts its
output to the start of an article.
"""

from __future__ import annotations

import argparse
import json
import runpy
from pathlib import Path
from typing import Any

SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"


def in_region(export: dict[str, Any], lines: int) -> dict[str, Any]:
    """The export with only the timexes that start within the first ``lines`` paragraphs."""
    texts = {a["id"]: a["text"] for a in export["articles"]}
    kept = [t for t in export["timexes"]
            if texts[t["article"]][:t["start"]].count("\n\n") < lines]
    return {**export, "timexes": kept}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.timex_region", description=__doc__)
    parser.add_argument("export", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--lines", type=int, default=6)
    args = parser.parse_args()
    export = json.loads(args.export.read_text(encoding="utf-8"))
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    scorer = runpy.run_path(str(SCORER))
    for name, data in (("whole articles", export), (f"first {args.lines} lines", in_region(
            export, args.lines))):
        scores = scorer["score_timexes"](gold, scorer["Export"](data), [])
        print(f"{name} ({len(data['timexes'])} predicted):")
        for key in ("timex_recall", "timex_precision", "timex_value_accuracy",
                    "timex_value_f1"):
            print(f"  {key:22s} {scores.get(key, 0.0):.3f}")


if __name__ == "__main__":
    main()
