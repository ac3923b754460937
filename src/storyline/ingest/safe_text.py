"""The strings a reader hands on are storable text: checked once, where records are made.

JSON escapes can spell lone surrogates (``"\\ud800"``), which are not Unicode text and which
SQLite cannot store as UTF-8: a page holding one is that page's failure (``bad-text``),
never its batch's or its file's. NUL characters carry nothing in news text and end strings
early in the C libraries downstream, so they are dropped.
"""

from __future__ import annotations

import dataclasses
import re

from ..records import Failure, RawPage

_SURROGATE = re.compile("[\ud800-\udfff]")
# Every string field of a RawPage, the ones a reader takes from the input first.
PAGE_STRINGS = ("text", "html", "title", "outlet", "url", "published", "fetched_at",
                "final_url", "source_id", "source")


def checked(item: RawPage | Failure) -> RawPage | Failure:
    """``item`` with storable strings; a page whose fields are not Unicode text fails."""
    if isinstance(item, Failure):
        return dataclasses.replace(item, source=escaped(item.source),
                                   detail=escaped(item.detail),
                                   source_id=_maybe(item.source_id))
    values = {name: getattr(item, name) for name in PAGE_STRINGS}
    for name, value in values.items():
        if value is not None and (m := _SURROGATE.search(value)):
            return Failure(source=escaped(item.source), reason="bad-text",
                           source_id=_maybe(item.source_id),
                           detail=f"the {name} holds {m.group()!a} at character "
                                  f"{m.start()}: a lone surrogate is not Unicode text")
    nul = {name: v.replace("\0", "") for name, v in values.items() if v and "\0" in v}
    return dataclasses.replace(item, **nul) if nul else item


def escaped(text: str) -> str:
    """``text`` with each lone surrogate written as its ``\\uXXXX`` escape."""
    return _SURROGATE.sub(lambda m: ascii(m.group())[1:-1], text)


def _maybe(text: str | None) -> str | None:
    return None if text is None else escaped(text)
