"""Speaker names as a reader sees them: a person's or organisation's name, or none at all.

Rules for ``is_name`` on hand-written strings, then the same rule over the export of a small
sample of every evaluation bundle (skipped when ``../shared/eval`` is absent).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.analyze.quotes.speakers import is_name
from storyline.cli import main

# Documents of each bundle run end to end: enough to reach quotes in each kind of page, few
# enough that every bundle together stays under a minute on two cores.
SAMPLE_DOCS = 4
PRONOUNS = frozenset({"he", "she", "it", "they", "them", "him", "her", "we", "us", "i", "you",
                      "who", "one", "someone"})
ROLE_WORDS = frozenset({"the", "a", "an", "minister", "president", "spokesman", "spokeswoman",
                        "official", "leader", "senator", "governor", "mayor", "chief",
                        "secretary", "general", "director"})
PAIRS = (("(", ")"), ("[", "]"), ("“", "”"), ("«", "»"))


def bad_name(name: str) -> str | None:
    """Why ``name`` is no speaker's name, or None when it is one."""
    words = re.findall(r"\w+", name.lower())
    if not words or " ".join(words) in {"none", "null", "unknown"}:
        return "placeholder"
    if " ".join(words) in PRONOUNS:
        return "pronoun"
    if all(w in ROLE_WORDS for w in words):
        return "role word alone"
    if name.count('"') % 2 or any(name.count(a) != name.count(b) for a, b in PAIRS):
        return "unbalanced marks"
    return None


@pytest.mark.parametrize("text", [
    "None", "none", "he", "She", "they", "the minister", "Minister", "the spokesman",
    "Harbour (Lindqvist", 'Brandt called Okafor a "', "Brandt “", "",
])
def test_fragments_pronouns_and_roles_are_no_names(text: str) -> None:
    assert not is_name(text)


@pytest.mark.parametrize("text", [
    "Ingrid Hansen", "Hansen", "Minister Ingrid Hansen", "NATO", "Harbour Council",
    'Dwayne "The Rock" Brandt', "Okafor (Brandt's aide)", "O'Brien", "WHO", "US",
])
def test_names_are_names(text: str) -> None:
    assert is_name(text)


def _sample(bundle: Path, into: Path) -> Path:
    if (bundle / "docs.jsonl").is_file():
        lines = (bundle / "docs.jsonl").read_text(encoding="utf-8").splitlines()
        path = into / f"{bundle.name}.jsonl"
        path.write_text("\n".join(lines[:SAMPLE_DOCS]) + "\n", encoding="utf-8")
        return path
    folder = into / bundle.name
    folder.mkdir()
    for doc in sorted((bundle / "docs").iterdir())[:SAMPLE_DOCS]:
        (folder / doc.name).write_bytes(doc.read_bytes())
    return folder


@pytest.mark.slow
def test_no_bundle_exports_a_bad_speaker_name(shared: Path, tmp_path: Path) -> None:
    bundles = sorted(b for b in (shared / "eval").iterdir()
                     if (b / "docs.jsonl").is_file() or (b / "docs").is_dir())
    inputs = [str(_sample(b, tmp_path)) for b in bundles]
    db, out = str(tmp_path / "s.db"), tmp_path / "export.json"
    runner = CliRunner()
    run = runner.invoke(main, ["run", *inputs, "--db", db, "--no-progress", "--workers", "1"])
    assert run.exit_code == 0, run.output
    assert runner.invoke(main, ["export", "--db", db, "-o", str(out)]).exit_code == 0
    quotes = json.loads(out.read_text(encoding="utf-8"))["quotes"]
    assert quotes  # the sample reaches statements
    bad = [(q["speaker_name"], why) for q in quotes
           if q.get("speaker_name") is not None and (why := bad_name(q["speaker_name"]))]
    assert bad == []
