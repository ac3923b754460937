"""The benchmark corpus: real articles from ../shared/eval bundles, cycled and perturbed.

Copies are perturbed so each gets its own content id, as a real feed would: every third
copy is a light edit (a reprint, which near-duplicate detection should catch), the others
swap one word in five for a word from another article (a different text of the same kind).
Without the bundles, the examples/ articles are cycled instead.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
TEXT_BUNDLES = ("meantime", "stories-ecbplus-dev", "timeline-semeval15-dev")
HTML_BUNDLES = ("extraction-scrapinghub",)
# One file per this many records: a JSONL file is read whole, so this bounds read-ahead.
RECORDS_PER_FILE = 500
# Share of words swapped in a heavy perturbation: enough that copies stop being
# near-duplicates of each other (5-word shingles), few enough to keep the text's shape.
SWAP_EVERY = 5


def base_records(with_html: bool) -> tuple[list[dict[str, Any]], str]:
    """The bundle records (text only unless ``with_html``) and a line saying where from."""
    bundles = TEXT_BUNDLES + (HTML_BUNDLES if with_html else ())
    records = [json.loads(line) for b in bundles if (EVAL / b / "docs.jsonl").exists()
               for line in (EVAL / b / "docs.jsonl").read_text(encoding="utf-8").split("\n")
               if line.strip()]
    if records:
        random.Random(1).shuffle(records)  # so any prefix mixes every bundle
        return records, f"{len(records)} articles from ../shared/eval ({', '.join(bundles)})"
    examples = sorted((ROOT / "examples").glob("*.txt"))
    return ([{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in examples],
            f"{len(examples)} articles from examples/ (../shared/eval absent)")


def write_corpus(records: list[dict[str, Any]], n: int, folder: Path) -> list[str]:
    """``n`` records cycled from ``records``, perturbed, written as JSONL; the file paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[str] = []
    lines: list[str] = []
    for i, rec in enumerate(_cycled(records, n)):
        lines.append(json.dumps(rec, ensure_ascii=False))
        if len(lines) == RECORDS_PER_FILE or i == n - 1:
            path = folder / f"part-{len(paths):05d}.jsonl"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            paths.append(str(path))
            lines = []
    return paths


def _cycled(records: list[dict[str, Any]], n: int) -> Iterator[dict[str, Any]]:
    rng = random.Random(1)
    vocab = [w for r in records[:50] for w in (r.get("text") or "").split()[:200]] or ["news"]
    for i in range(n):
        rec = dict(records[i % len(records)])
        copy = i // len(records)
        if copy:
            rec["id"] = f"{rec.get('id', i)}~{copy}"
            key = "text" if rec.get("text") else "html"
            rec[key] = _perturb(rec[key], copy, rng, vocab)
        yield rec


def _perturb(text: str, copy: int, rng: random.Random, vocab: list[str]) -> str:
    if copy % 3 == 0:
        return f"{text}\n(Updated, copy {copy}.)"
    words = text.split(" ")
    for j in range(rng.randrange(SWAP_EVERY), len(words), SWAP_EVERY):
        if "<" not in words[j] and ">" not in words[j]:
            words[j] = rng.choice(vocab)
    return " ".join(words)
