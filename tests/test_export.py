"""CSV and Markdown exports: one spreadsheet-safe sheet of articles and statements."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.outputs.export import CSV_COLUMNS, FORMATS, csv_cell, formula_like
from storyline.store import Store
from webdata import FORMULA, QUOTES, TEXTS, web_db  # noqa: F401


def sheet(db: Path) -> list[dict[str, str]]:
    out = io.StringIO()
    with Store.open(db, readonly=True) as s:
        FORMATS["csv"](s, out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


@pytest.mark.parametrize("value", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", FORMULA])
def test_formula_like_cells_are_prefixed(value: str) -> None:
    assert csv_cell(value) == "'" + value


# Spaces, line breaks and invisible characters before the sign, and the full-width, small and
# superscript forms East Asian Excel reads as = + - @.
@pytest.mark.parametrize("value", [
    " =1+2", "  " + FORMULA, "\n=1", "\u00a0=1", "\u3000=1", "\u200b=1", "\ufeff=1",
    " \t -1", "\uff1dHYPERLINK(\"http://evil.example\")", "\uff0b1", "\uff0d1",
    "\uff20SUM(A1)", "\ufe66 1", "\ufe62 1", "\ufe63 1", "\ufe6bx", " \uff1d1",
    "\u22121", "\u207b1", "\u207c1"])
def test_disguised_formulas_are_prefixed(value: str) -> None:
    assert csv_cell(value) == "'" + value


def test_plain_cells_pass_unchanged() -> None:
    assert csv_cell("Anna Berg") == "Anna Berg" and csv_cell(None) == "" and csv_cell(3) == "3"
    for text in ("a=b", "1-2", " x", "e-mail", "\u3000Tokyo", "100%", "'quoted"):
        assert csv_cell(text) == text


def test_csv_lists_every_statement_and_every_article(web_db: Path) -> None:  # noqa: F811
    rows = sheet(web_db)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert {r["quote_id"] for r in rows if r["quote_id"]} == {q.id for q in QUOTES}
    assert {r["article_id"] for r in rows} == set(TEXTS)
    q1 = next(r for r in rows if r["quote_id"] == "q1")
    assert q1["speaker_name"] == "Anna Berg" and q1["outlet"] == "Harbour Herald"


def test_csv_never_starts_a_cell_with_a_formula(web_db: Path) -> None:  # noqa: F811
    rows = sheet(web_db)
    cells = [v for r in rows for v in r.values()]
    assert not [c for c in cells if c and c[0] in "=+-@\t\r"]
    assert not [c for c in cells if c and formula_like(c)]
    assert "'" + FORMULA + " is what the spreadsheet said," in cells


def test_export_command_writes_csv_and_md(web_db: Path) -> None:  # noqa: F811
    r = CliRunner().invoke(main, ["export", "--db", str(web_db), "--format", "csv"])
    assert r.exit_code == 0 and r.output.startswith(",".join(CSV_COLUMNS))
    r = CliRunner().invoke(main, ["export", "--db", str(web_db), "--format", "md"])
    assert r.exit_code == 0 and "# Arctic cod quota talks" in r.output


def test_json_export_still_works(web_db: Path) -> None:  # noqa: F811
    r = CliRunner().invoke(main, ["export", "--db", str(web_db), "--format", "json"])
    assert r.exit_code == 0 and '"quotes"' in r.output
