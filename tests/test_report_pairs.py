"""The Markdown report's contradiction lines: each side names its speaker, or says nobody
could be named (issue 17.2)."""

from __future__ import annotations

from typing import Any

from storyline.outputs import report


def _side(name: str | None) -> dict[str, Any]:
    return {"when": "18 Aug 2025", "article": {"outlet": "Harbour Post"},
            "speaker": {"id": None, "name": name},
            "said": {"kind": "indirect", "verb": "said that", "text": "the basin is closed",
                     "label": "reported", "before": None, "after": None}}


def test_an_unattributed_side_says_so() -> None:
    for name in (None, "", "  "):
        line = report._md_pair({"why": "open or closed", "a": _side("Liv Dahl"),
                                "b": _side(name)})
        assert "**vs** Unattributed (18 Aug 2025, Harbour Post)" in line, line
        assert line.startswith("- open or closed: Liv Dahl (18 Aug 2025, Harbour Post)")
    nobody = {**_side(None), "speaker": None}
    assert "**vs** Unattributed (" in report._md_pair({"why": "x", "a": _side("Liv Dahl"),
                                                      "b": nobody})


def test_words_nobody_is_named_for_take_no_verb() -> None:
    said = {"verb": "said that", "text": "the strike ended", "before": None, "after": None}
    assert report._md_who_said("Unattributed", said, "Harbour Wire", named=False) == \
        "Unattributed (reported by Harbour Wire) _(reported)_: the strike ended"
    assert report._md_who_said("Liv Dahl", said) == \
        "Liv Dahl said that the strike ended _(reported)_"
