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
    records, _ = _labelled(with_html)
    bundles = TEXT_BUNDLES + (HTML_BUNDLES if with_html else ())
    if records:
        return records, f"{len(records)} articles from ../shared/eval ({', '.join(bundles)})"
    examples = sorted((ROOT / "examples").glob("*.txt"))
    return ([{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in examples],
            f"{len(examples)} articles from examples/ (../shared/eval absent)")


def _labelled(with_html: bool) -> tuple[list[dict[str, Any]], list[str]]:
    """The bundle records, shuffled (so any prefix mixes every bundle), and each one's bundle."""
    bundles = TEXT_BUNDLES + (HTML_BUNDLES if with_html else ())
    pairs = [(json.loads(line), b) for b in bundles if (EVAL / b / "docs.jsonl").exists()
             for line in (EVAL / b / "docs.jsonl").read_text(encoding="utf-8").split("\n")
             if line.strip()]
    random.Random(1).shuffle(pairs)
    return [r for r, _ in pairs], [b for _, b in pairs]


def sample_like(records: list[dict[str, Any]], bundles: list[str], n: int, full: int,
                sizes: list[int]) -> list[int]:
    """Which pages of the ``full``-page corpus (``full_pages``) make a corpus shaped like it
    at about ``n / full`` of its size: their indices, in the full corpus's order.

    The ``full`` corpus is every record once, then copies of the first ``full - len(records)``
    records. The sample keeps, per bundle, the same share of records and of copied
    records, and takes a copied record's copies with it: the same pages, copies and order
    as the full run, a quarter of them. Within each of those groups the pick is systematic
    in two lengths (``_spread``): one record from each of equal bins along ``sizes`` (each
    record's cleaned text length: what spaCy and our stages read), and within a bin the
    record whose raw length (what cleaning parses) keeps the running totals of both lengths
    closest to the bins' own. Ranking by raw length alone does not do: an HTML page of 2k
    to 900k characters holds 20 to 10k tokens (the logs correlate at 0.18), and it gave
    --quick 19% fewer tokens per HTML page than the full corpus; ranking by cleaned length
    alone left the sample's raw characters at 0.885 of a quarter of the full corpus's
    (bench/NOTES.md). Deterministic: the same records give the same pages.
    """
    if n >= full or not bundles:
        return list(range(full))
    scale = n / full
    copied = set(range(max(full - len(records), 0)))
    raws = [len(r.get("html") or r.get("text") or "") for r in records]
    chosen: list[int] = []
    for bundle in sorted(set(bundles)):
        members = [i for i, b in enumerate(bundles) if b == bundle]
        with_copy = [i for i in members if i in copied]
        without = [i for i in members if i not in copied]
        picked = _spread(sizes, raws, with_copy, round(scale * len(with_copy)))
        chosen += picked + [i + len(records) for i in picked]
        chosen += _spread(sizes, raws, without, round(scale * len(members)) -
                          round(scale * len(with_copy)))
    return sorted(chosen)


def _spread(sizes: list[int], raws: list[int], members: list[int], k: int) -> list[int]:
    """``k`` of ``members``: one from each of ``k`` equal bins along their ``sizes``, and in
    a bin the member that brings the running totals of ``sizes`` and ``raws`` closest to
    the sums of the bins' means so far (each total's gap in units of its overall mean, the
    two gaps added; ties to the lower index)."""
    if k <= 0 or not members:
        return []
    ranked = sorted(members, key=lambda i: (sizes[i], i))
    k = min(k, len(ranked))
    unit_size = max(sum(sizes[i] for i in ranked) / len(ranked), 1.0)
    unit_raw = max(sum(raws[i] for i in ranked) / len(ranked), 1.0)
    picked: list[int] = []
    got_size = got_raw = 0
    want_size = want_raw = 0.0
    for j in range(k):
        in_bin = ranked[j * len(ranked) // k:(j + 1) * len(ranked) // k]
        want_size += sum(sizes[i] for i in in_bin) / len(in_bin)
        want_raw += sum(raws[i] for i in in_bin) / len(in_bin)
        best = min(in_bin, key=lambda i: (abs(got_size + sizes[i] - want_size) / unit_size
                                          + abs(got_raw + raws[i] - want_raw) / unit_raw, i))
        picked.append(best)
        got_size += sizes[best]
        got_raw += raws[best]
    return picked


def cleaned_sizes(records: list[dict[str, Any]]) -> list[int]:
    """Each record's text length after cleaning: a text record's own length (its cleaning
    trims little), an HTML page's article as storyline's cleaner finds it (0 when it fails;
    about 7 s of CPU for the bundles' pages, imports included), as no cheap measure of a
    page predicts it (its raw length least of all: the logs correlate at 0.18)."""
    from storyline.ingest.jsonl import to_page
    from storyline.pipeline import process_page
    from storyline.records import Article
    from storyline.settings import Settings

    settings = Settings(progress=False)
    sizes = []
    for n, rec in enumerate(records):
        if rec.get("text") or not rec.get("html"):
            sizes.append(len(rec.get("text") or ""))
            continue
        page = to_page(rec, f"bench#L{n}", f"bench#{n}")
        cleaned = process_page(page, settings) if page is not None else None
        sizes.append(len(cleaned.text) if isinstance(cleaned, Article) else 0)
    return sizes


def full_pages(records: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """The ``n`` records of the full corpus as ``write_corpus`` writes them."""
    return list(_cycled(records, n))


def write_warmup(records: list[dict[str, Any]], n: int, folder: Path) -> list[str]:
    """``n`` records from the end of ``records``, every one heavily perturbed: the warm-up
    corpus, of the same kinds as the measured one but not the same texts."""
    rng = random.Random(2)
    vocab = [w for r in records[:50] for w in (r.get("text") or "").split()[:200]] or ["news"]
    warm: list[dict[str, Any]] = []
    for rec in records[-n:]:
        rec = dict(rec)
        rec["id"] = f"{rec.get('id', len(warm))}~warm-up"
        key = "text" if rec.get("text") else "html"
        rec[key] = _perturb(rec[key], 1, rng, vocab)
        warm.append(rec)
    return write_corpus(warm, len(warm), folder)


def write_corpus(records: list[dict[str, Any]], n: int, folder: Path) -> list[str]:
    """``n`` records cycled from ``records``, perturbed, written as JSONL; the file paths."""
    return write_pages(full_pages(records, n), folder)


def write_pages(pages: list[dict[str, Any]], folder: Path) -> list[str]:
    """``pages`` as they are, written as JSONL; the file paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[str] = []
    lines: list[str] = []
    for i, rec in enumerate(pages):
        lines.append(json.dumps(rec, ensure_ascii=False))
        if len(lines) == RECORDS_PER_FILE or i == len(pages) - 1:
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
