"""How a statement's speaker and day were found, as the web and the CSV sheet show them:
a speaker found by a pronoun is marked so, an undated statement says why it has no day."""

from __future__ import annotations

import csv
import html
import io
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.analyze.quotes.dates import SaidOnFrom
from storyline.outputs.export import FORMATS
from storyline.store import Store
from webdata import QUOTES, STORY, TEXTS, _analysis, web_db  # noqa: F401

with warnings.catch_warnings():
    # starlette asks for httpx2, which this environment does not pin; httpx works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from storyline.web.app import create_app

# q1 ("We will not cut the quota this year") found by "she said"; q4 (Holm, in the undated
# note a6) with the quotes stage's reason for having no day.
WHY = SaidOnFrom.NOT_STATED_UNDATED


@pytest.fixture
def provenance_db(web_db: Path) -> Path:  # noqa: F811
    with Store.open(web_db) as store, store.transaction():
        a1 = _analysis("a1", TEXTS["a1"])
        store.save_analysis(replace(a1, quotes=tuple(
            replace(q, speaker_from="pronoun") for q in a1.quotes)))
        q4 = next(q for q in QUOTES if q.id == "q4")
        store.redate_quotes([replace(q4, said_on_from=WHY.value)])
    return web_db


@pytest.fixture
def client(provenance_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(provenance_db)) as c:
        yield c


def page(client: TestClient, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    return html.unescape(str(r.text))


def test_a_speaker_found_by_pronoun_is_marked(client: TestClient) -> None:
    text = page(client, f"/stories/{STORY}")
    row = text.split("We will not cut the quota this year")[0].rsplit('class="said"', 1)[1]
    # in a reader's words, with a tooltip saying what it means
    assert "Anna Berg</a> <span class=\"how\" title=\"The sentence does not name the " \
        "speaker, only “he”, “she” or “they”" in row
    assert "(identified from a pronoun)</span>" in row
    # a named speaker carries no mark
    later = text.split("The quota will be cut by 20 percent")[0].rsplit('class="said"', 1)[1]
    assert "(identified" not in later


def test_an_undated_statement_says_why_it_has_no_day(client: TestClient) -> None:
    undated = page(client, f"/stories/{STORY}").split('class="undated"')[1]
    assert "Nobody asked the fishermen" in undated
    assert f"Why undated: {WHY.value}" in undated


def test_the_sheet_says_how_speakers_and_days_were_found(provenance_db: Path) -> None:
    out = io.StringIO()
    with Store.open(provenance_db, readonly=True) as s:
        FORMATS["csv"](s, out)
    rows = {r["quote_id"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert (rows["q1"]["speaker_from"], rows["q1"]["said_on_from"]) == ("pronoun", "article date")
    assert (rows["q4"]["said_on"], rows["q4"]["said_on_from"]) == ("", WHY.value)
    assert rows["q3"]["speaker_from"] == ""
