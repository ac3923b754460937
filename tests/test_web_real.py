"""Issue 5's acceptance on the seeds: the app on a store the real pipeline built.

The store is built once per module with the CLI from ``../shared/seeds`` (skipped when
``../shared`` is absent); every check goes through the JSON API and the HTML, as a reader
or a client would see it.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from storyline.cli import main

with warnings.catch_warnings():
    # starlette asks for httpx2, which this environment does not pin; httpx works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from storyline.web.app import create_app

pytestmark = pytest.mark.slow

# The story's speakers by surname: entity names may carry either spelling of Zelenskyy.
SPEAKERS = {"Rutte": "Rutte", "Zelenskyy": "Zelensk", "Trump": "Trump", "Lavrov": "Lavrov",
            "Macron": "Macron"}


@pytest.fixture(scope="module")
def seeds_db(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = shared / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present")
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    out = CliRunner().invoke(main, ["run", str(seeds), "--db", str(db), "--no-progress"])
    assert out.exit_code == 0, out.output
    return db


@pytest.fixture(scope="module")
def client(seeds_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seeds_db)) as c:
        yield c


@pytest.fixture(scope="module")
def story(client: TestClient) -> dict[str, Any]:
    stories = client.get("/api/stories").json()["stories"]
    # The seeds are one story; take the biggest should a stray page form its own.
    best = max(stories, key=lambda s: s["articles"])
    data: dict[str, Any] = client.get(f"/api/stories/{best['id']}").json()
    return data


def _speaker(side: dict[str, Any] | None) -> str:
    return str(side["speaker"]["name"]) if side else ""


def test_timeline_runs_august_to_december_with_the_speakers(story: dict[str, Any]) -> None:
    days = [d["day"] for d in story["days"]]
    assert days[0].startswith("2025-08") and days[-1].startswith("2025-12")
    names = [s["name"] for s in story["speakers"]]
    for who, part in SPEAKERS.items():
        assert any(part in n for n in names), (who, names)
    # speakers are names, never entity ids or article-local keys
    assert all(not re.fullmatch(r"[0-9a-f]{16}", n) for n in names)


def test_putin_meeting_contradiction(story: dict[str, Any]) -> None:
    claimants = set()
    for c in story["contradictions"]:
        sides = [c["a"], c["b"]]
        lavrov = [s for s in sides if "Lavrov" in _speaker(s)]
        if lavrov and "no meeting is planned" in lavrov[0]["text"].casefold():
            other = next(s for s in sides if s is not lavrov[0])
            assert "meet" in other["text"].casefold()
            claimants.add(_speaker(other).split()[-1])
    assert {"Rutte", "Trump"} <= claimants


def test_menafn_and_unn_are_one_wire_story(story: dict[str, Any]) -> None:
    wires = [g for g in story["sources"] if g["wire"]]
    assert [g["outlets"] for g in wires] == [["MENAFN", "UNN"]]
    kinds = {a["outlet"]: a["copy_kind"] for a in wires[0]["articles"]}
    assert kinds == {"MENAFN": "translation", "UNN": None}
    # the story counts the pair once: five articles, three independent sources named and one
    # page that names no outlet (it may be one of them: "at least 3")
    assert story["story"]["articles"] == 5 and story["story"]["independent_sources"] == 3
    assert story["story"]["sources_unnamed"] == 1


def test_every_timeline_row_links_its_articles(story: dict[str, Any]) -> None:
    items = [i for d in story["days"] for i in d["entries"]] + story["undated"]
    for i in items:
        assert i["sources"], i["title"]
        assert {s["source"] for s in i["sources"]} == set(i["outlets"]), i["title"]
        assert all(s["id"] for s in i["sources"])
    assert all(i["link"] for i in items if i["kind"] == "quote")


def test_story_page_html(client: TestClient, story: dict[str, Any]) -> None:
    html = client.get(f"/stories/{story['story']['id']}").text
    chips = re.findall(r'<button type="button" class="chip" data-filter="([^"]+)"', html)
    for part in SPEAKERS.values():
        assert any(part in c for c in chips), (part, chips)
    assert "no meeting is planned" in html.casefold()
    assert html.count('class="pair"') == len(story["contradictions"])
    group = html.split('class="wire-story"')[1].split("</ul>")[0]
    assert ">UNN</a>" in group and ">MENAFN</a>" in group and ">(translation)</span>" in group
    assert "(translation of UNN)" in html  # on the timeline rows MENAFN carries


def test_outlet_pages_show_the_pair_as_one_wire_story(client: TestClient) -> None:
    for outlet in ("MENAFN", "UNN"):
        data = client.get(f"/api/outlets/{outlet}").json()
        assert [g["outlets"] for g in data["wire_stories"]] == [["MENAFN", "UNN"]]
        html = client.get(f"/outlets/{outlet}").text
        assert "Wire stories" in html and html.count('class="wire-story"') == 1
    assert "Credits wire: Anadolu" in client.get("/outlets/UNN").text


def test_quote_link_highlights_the_sentence(client: TestClient, story: dict[str, Any]) -> None:
    # (Lavrov's article has no date of its own: his row may be among the undated ones)
    lavrov = next(i for i in [*(i for d in story["days"] for i in d["entries"]),
                              *story["undated"]]
                  if i["quote"] and "no meeting is planned" in i["quote"].casefold())
    html = client.get(lavrov["link"]).text
    quoted = re.search(r'<mark class="sentence quote">(.*?)</mark>', html, re.S)
    assert quoted and "no meeting is planned" in quoted.group(1).casefold()
