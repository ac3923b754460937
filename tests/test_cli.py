"""The command line, through click's runner: help everywhere, clear errors, a round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from storyline.cli import main

EXAMPLES = ROOT / "examples"


def test_every_command_has_help() -> None:
    runner = CliRunner()
    names = sorted(main.commands)
    assert {"run", "export", "stats", "serve", "report", "watch", "spark", "load"} <= set(names)
    for name in names:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert (main.commands[name].help or "").strip(), f"{name} has no description"


def test_a_missing_store_is_one_clear_line_and_status_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error:") and "storyline run" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_setting_in_a_config_file_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "s.toml"
    config.write_text("[storyline]\nshingle_size = 4\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(config), "stats"])
    assert result.exit_code != 0 and "shingle_words" in result.output


@pytest.mark.slow
def test_run_rerun_export_round_trip(tmp_path: Path) -> None:
    runner = CliRunner()
    db, out = str(tmp_path / "s.db"), tmp_path / "out.json"
    first = runner.invoke(main, ["run", str(EXAMPLES / "01_nordic_wire_fisheries.txt"),
                                 str(EXAMPLES / "06_feed_and_api.jsonl"), "--db", db,
                                 "--no-progress", "--workers", "1"])
    assert first.exit_code == 0, first.output
    assert "failure  bad-json" in first.output  # the broken line, named with its reason
    again = runner.invoke(main, ["run", str(EXAMPLES / "01_nordic_wire_fisheries.txt"),
                                 str(EXAMPLES / "06_feed_and_api.jsonl"), "--db", db,
                                 "--no-progress", "--workers", "1"])
    assert "(new 0, unchanged 3)" in again.output
    assert runner.invoke(main, ["export", "--db", db, "-o", str(out)]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["articles"]) == 3 and data["quotes"]
