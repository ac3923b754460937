"""The whole pipeline on the synthetic multilingual corpus (tests/stress_corpus.py).

Many scripts, names that differ only by diacritics, case or script, one name for a person
and a company, empty and very long pages, HTML, text dumps and JSONL: `storyline run`
must end with exit status 0 and build stories, entities and a timeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.store import Store
from stress_corpus import write_corpus


@pytest.mark.slow
def test_multilingual_stress_corpus_runs_to_the_end(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus")
    db = tmp_path / "store.db"
    args = ["run", str(tmp_path / "corpus"), "--db", str(db), "--workers", "1",
            "--no-progress"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output + repr(result.exception)
    with Store.open(db, readonly=True) as store:
        stats = store.stats()
        entities = store.entities()
        timeline_rows = store.query("SELECT count(*) FROM timeline")[0][0]
    assert stats["articles"] > 80 and stats["stories"] > 0 and timeline_rows > 0
    assert len({e.id for e in entities}) == len(entities) > 0
    # The empty and markup-only pages are failures with reasons, not errors.
    assert {"empty", "no-text"} & {reason for reason, _ in stats["failure_reasons"]}
    # A second run over the same input changes nothing and still succeeds.
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.output
    assert "new 0" in again.output
