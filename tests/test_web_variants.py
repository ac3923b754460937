"""The person page's name variants: one per spelling, chosen by the spelling, not by the
order a set happens to iterate in (which changes with the hash seed)."""

from __future__ import annotations

from typing import Any

from storyline.records import Entity
from storyline.web.views import person_view


class _Store:
    def entities_by_ids(self, ids: object) -> dict[str, Entity]:
        aliases = ("The NATO chief", "the NATO chief", "Rutte", "Mark Rutte")
        return {"e": Entity(id="e", name="Mark Rutte", type="PERSON", aliases=aliases,
                            mentions=4)}

    def __getattr__(self, name: str) -> Any:
        return lambda *args: []  # quotes, mentions by day, articles, stories: none


def test_variants_written_alike_show_the_running_text_form() -> None:
    view = person_view(_Store(), "e")  # type: ignore[arg-type]
    assert view is not None
    assert view["variants"] == ["Rutte", "the NATO chief"]
    assert view["entity"]["description"] == "the NATO chief"
