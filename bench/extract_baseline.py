"""Main-text and date extraction measured alone, outside the pipeline.

    .venv/bin/python bench/extract_baseline.py [text|dates] [--limit N]

``text``: body_f1 on ../shared/eval/extraction-scrapinghub for trafilatura.extract alone
and for storyline's ``extract_html``, scored with the bundle's own scorer (score.py).
``dates``: published_accuracy on ../shared/eval/dates-mediacloud for htmldate alone and for
``extract_html``. The baselines are the acceptance floors of the extraction stage.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _docs(bundle: str, limit: int | None) -> Iterator[dict[str, Any]]:
    with open(EVAL / bundle / "docs.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


def _gold(bundle: str) -> dict[str, Any]:
    return json.loads((EVAL / bundle / "gold.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def score_articles(bundle: str, articles: list[dict[str, Any]]) -> dict[str, Any]:
    """The scorer's document metrics for ``articles`` in the export's shape."""
    score = _scorer()
    gold = _gold(bundle)
    ids = {a["source_id"] for a in articles}
    gold["documents"] = {k: v for k, v in gold["documents"].items() if k in ids}
    return score.score_documents(gold, score.Export({"articles": articles}), [])  # type: ignore[no-any-return]


def run(bundle: str, name: str, fn: Callable[[dict[str, Any]], dict[str, Any]],
        limit: int | None) -> None:
    articles = [{"source_id": d["id"], **fn(d)} for d in _docs(bundle, limit)]
    result = score_articles(bundle, articles)
    metric = {k: round(v, 4) for k, v in result.items() if isinstance(v, float)}
    print(f"{name:28s} {metric}")


def trafilatura_alone(doc: dict[str, Any]) -> dict[str, Any]:
    import trafilatura

    return {"text": trafilatura.extract(doc["html"], url=doc.get("url")) or ""}


def htmldate_alone(doc: dict[str, Any]) -> dict[str, Any]:
    from htmldate import find_date

    return {"published": find_date(doc["html"], url=doc.get("url")) or None, "text": ""}


def storyline_extract(doc: dict[str, Any]) -> dict[str, Any]:
    from storyline.clean.html import extract_html

    ex = extract_html(doc["html"], url=doc.get("url"))
    return {"text": ex.text, "published": ex.published}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["text", "dates"], nargs="?", default="text")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--only-baseline", action="store_true")
    args = parser.parse_args(argv)
    if args.what == "text":
        bundle, baseline = "extraction-scrapinghub", trafilatura_alone
    else:
        bundle, baseline = "dates-mediacloud", htmldate_alone
    run(bundle, f"{baseline.__name__}", baseline, args.limit)
    if not args.only_baseline:
        run(bundle, "storyline extract_html", storyline_extract, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
