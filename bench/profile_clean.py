"""The cleaning stage alone over the bench corpus: a profile, or a timing of two variants.

    .venv/bin/python bench/profile_clean.py profile [--n 1000] [--top 30]
    .venv/bin/python bench/profile_clean.py time [--n 1000] [--repeat 2]
    .venv/bin/python bench/profile_clean.py ab [--n 1000] [--rev HEAD] [--inputs PATH ...]
                                               [--same boilerplate.py ...]

The corpus is the one ``make bench`` cleans (``bench.corpus``: the eval bundles' articles,
cycled and perturbed, HTML pages included), read into RawPages once, then cleaned in this
one process with ``pipeline.process_page``, as a one-worker run does. Times are this
process's CPU seconds (``time.process_time``): on a shared machine, wall time counts the
other processes too.

``profile``: cProfile (CPU time) over one pass, the top entries by cumulative and own time.
``time``: seconds per 1k pages, the first pass (with the one-time loads: locale data,
the language model) and the warm passes after it, HTML pages and text pages apart;
with ``--rev`` (also for ``profile``), of that revision's stage instead.
``ab``: the cleaning stage of git revision ``--rev`` (its ``clean/`` package, copied aside)
against the working tree's, page by page in one process, each variant twice a page, once
before and once after the other (library caches are shared; one-time loads are paid before
timing starts): seconds per 1k pages of each, and every page whose Article differs.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import base_records, write_corpus  # noqa: E402


def pages(n: int, inputs: list[str] | None = None) -> list[object]:
    """The bench corpus's first ``n`` pages, or the pages of ``inputs`` (files, folders)."""
    from storyline.ingest import read_inputs
    from storyline.records import RawPage
    from storyline.settings import Settings

    if inputs:
        return [p for p in read_inputs(inputs, Settings(progress=False))
                if isinstance(p, RawPage)]
    records, _ = base_records(with_html=True)
    with tempfile.TemporaryDirectory(prefix="storyline-profile-") as tmp:
        paths = write_corpus(records, n, Path(tmp))
        return [p for p in read_inputs(paths, Settings(progress=False))
                if isinstance(p, RawPage)]


def clean_all(items: list[object], module: object = None) -> dict[str, float]:
    """CPU seconds cleaning ``items``, HTML and text pages apart: ``process_page``, or
    ``module``'s clean and language detection (an older revision's, ``old_clean``)."""
    from storyline.pipeline import process_page
    from storyline.settings import Settings

    settings = Settings(progress=False)
    spent = {"html": 0.0, "text": 0.0}
    for page in items:
        t = time.process_time()
        if module is None:
            process_page(page, settings)  # type: ignore[arg-type]
        else:
            result = _run(module.clean, page, settings)  # type: ignore[attr-defined]
            if not isinstance(result, str):
                module.language.with_language(result)  # type: ignore[attr-defined]
        spent["html" if getattr(page, "html", None) else "text"] += time.process_time() - t
    return spent


def old_clean(rev: str, folder: Path, same: tuple[str, ...] = ()) -> object:
    """The ``clean`` function of ``rev``'s clean/ package, importable beside the current one;
    the modules named in ``same`` (file names) as the working tree has them."""
    import importlib
    import subprocess

    package = folder / "clean_at_rev"
    package.mkdir()
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{rev}:src/storyline/clean/"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in names:
        if not name.endswith(".py"):
            continue
        text = (ROOT / "src/storyline/clean" / name).read_text(encoding="utf-8") \
            if name in same else subprocess.run(
                ["git", "show", f"{rev}:src/storyline/clean/{name}"], cwd=ROOT,
                capture_output=True, text=True, check=True).stdout
        text = text.replace("from ..", "from storyline.").replace(
            '"storyline.clean.published"', '"clean_at_rev.published"')
        (package / name).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(folder))
    module = importlib.import_module("clean_at_rev")
    importlib.import_module("clean_at_rev.language")
    return module


def ab(items: list[object], rev: str, same: tuple[str, ...] = ()) -> None:
    import dataclasses

    from storyline.clean import clean, language
    from storyline.settings import Settings

    settings = Settings(progress=False)
    with tempfile.TemporaryDirectory(prefix="storyline-ab-") as tmp:
        old = old_clean(rev, Path(tmp), same)
        variants = {"old": old.clean, "new": clean}  # type: ignore[attr-defined]
        warm = items[:: max(1, len(items) // 40)]
        pristine = _library_state()
        state = {}
        for name, fn in variants.items():  # one-time loads (locale data, models) before timing
            _restore(pristine)
            for page in warm:
                _run(fn, page, settings)
            state[name] = _library_state()
        spent = {name: {"html": 0.0, "text": 0.0} for name in variants}
        differ = 0
        for k, page in enumerate(items):
            kind = "html" if getattr(page, "html", None) else "text"
            out = {}
            for name in (("old", "new", "new", "old") if k % 2 else ("new", "old", "old", "new")):
                _restore(state[name])
                t = time.process_time()
                result = _run(variants[name], page, settings)
                if not isinstance(result, str):  # language detection, as process_page
                    lang = old.language if name == "old" else language  # type: ignore[attr-defined]
                    result = lang.with_language(result)
                spent[name][kind] += time.process_time() - t
                out[name] = result if isinstance(result, str) else dataclasses.asdict(result)
            if out["old"] != out["new"]:
                differ += 1
                o, n = out["old"], out["new"]
                keys = [x for x in o if o[x] != n.get(x)] if isinstance(o, dict) else "all"
                print(f"differs: {getattr(page, 'source_id', '?')} {keys}")
    per_k = 1000 / len(items) / 2  # each variant cleans each page twice, once first
    for name, s in spent.items():
        print(f"{name} ({rev if name == 'old' else 'working tree'}): "
              f"{sum(s.values()) * per_k:6.2f} s/1k   html {s['html'] * per_k:6.2f}   "
              f"text {s['text'] * per_k:6.2f}")
    print(f"{differ} of {len(items)} pages differ")


def _library_state() -> tuple[dict[str, object], dict[str, list[object]]]:
    """What the cleaning stage changes in its libraries, once per process: htmldate's two
    free-text steps (``clean.html._only_date_lines``) and trafilatura's expression lists
    (``clean.html._plain_string_prunes``). ``ab`` gives each variant its own, as in a
    process of its own: otherwise each call re-wraps the other's htmldate step (a chain
    that grows with every page) and both run the other's expressions."""
    from htmldate import core
    from trafilatura import xpaths

    steps = {n: getattr(core, n) for n in ("compare_reference", "search_page")
             if hasattr(core, n)}
    lists = {n: list(v) for n, v in vars(xpaths).items() if isinstance(v, list)}
    return steps, lists


def _restore(state: tuple[dict[str, object], dict[str, list[object]]]) -> None:
    from htmldate import core
    from trafilatura import xpaths

    steps, lists = state
    for name, value in steps.items():
        setattr(core, name, value)
    for name, values in lists.items():
        getattr(xpaths, name)[:] = values


def _run(fn: object, page: object, settings: object) -> object:
    try:
        return fn(page, settings)  # type: ignore[operator]
    except Exception as e:  # noqa: BLE001 - a failure is an outcome to compare too
        return f"{type(e).__name__}: {e}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=("profile", "time", "ab"))
    parser.add_argument("--rev", default=None, help="ab: the revision to compare with "
                        "(default HEAD); time: clean with this revision's stage instead")
    parser.add_argument("--inputs", nargs="*", help="pages to clean instead of the bench corpus")
    parser.add_argument("--same", nargs="*", help="ab: clean/ modules (file names) the old "
                        "variant takes from the working tree (another's work in progress)")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    items = pages(args.n, args.inputs)
    n_html = sum(1 for p in items if getattr(p, "html", None))
    print(f"{len(items)} pages ({n_html} HTML)")
    if args.mode == "ab":
        ab(items, args.rev or "HEAD", tuple(args.same or ()))
        return
    folder = tempfile.TemporaryDirectory(prefix="storyline-rev-")
    module = old_clean(args.rev, Path(folder.name)) if args.rev else None
    if args.mode == "profile":
        prof = cProfile.Profile(time.process_time)
        prof.enable()
        spent = clean_all(items, module)
        prof.disable()
        print(f"clean: {sum(spent.values()):.2f} s ({spent})")
        for key in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats(key).print_stats(args.top)
            print(out.getvalue())
        return
    for run in range(args.repeat + 1):
        spent = clean_all(items, module)
        label = "first (with loads)" if run == 0 else f"warm {run}"
        per_k = 1000 / len(items)
        print(f"{label:20s} total {sum(spent.values()) * per_k:6.2f} s/1k   "
              f"html {spent['html'] * per_k:6.2f}   text {spent['text'] * per_k:6.2f}")


if __name__ == "__main__":
    main()
