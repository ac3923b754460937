"""The outlet page: its articles, the wire stories it shares with other outlets, and per
story who published first and how much later the others came.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import quote

from ...corpus.sources import syndication_roots
from ...store import Store
from .labels import View, brief_view, parse_day
from .lists import paging

# Stories a page of an outlet's coverage shows: each lists every outlet that covered it,
# so a page of 20 big stories is already a long table.
STORIES_PER_PAGE = 20


def outlet_view(store: Store, outlet: str, page: int = 1, articles_page: int = 1) -> View | None:
    """An outlet's page: coverage of the stories it covered (``STORIES_PER_PAGE`` of them,
    the latest updated first: ``page``) and its articles (a list page's size, the latest first:
    ``articles_page``) with the wire stories those articles share; each list pages alone."""
    total = store.outlet_article_count(outlet)
    if not total:
        return None
    path = f"/outlets/{quote(outlet, safe='')}"
    stories = store.outlet_stories(outlet)
    story_pager = paging(path, page, len(stories), "", {}, {"articles": str(articles_page)},
                         size=STORIES_PER_PAGE)
    article_pager = paging(path, articles_page, total, "", {}, {"page": str(page)},
                           param="articles")
    shown = stories[story_pager["offset"]:story_pager["offset"] + STORIES_PER_PAGE]
    articles = store.outlet_articles(outlet, article_pager["size"], article_pager["offset"])
    wire = wire_groups(store, [a["id"] for a in articles])
    kinds = {a["id"]: a["copy_kind"] for g in wire for a in g["articles"] if a["copy_kind"]}
    return {"outlet": outlet,
            # the wires its articles credit, other than itself (a wire agency's own pages
            # are shown under its name: ``core.shown_outlet``)
            "wires": sorted(store.outlet_wires(outlet) - {outlet}),
            "articles": [brief_view(a, kinds) for a in articles],
            "article_pager": article_pager,
            "wire_stories": wire,
            "coverage": coverage(store.story_coverage(shown), outlet),
            "story_pager": story_pager,
            **store.syndication(outlet)}


def coverage(rows: list[View], outlet: str) -> list[View]:
    """Per story, every outlet that covered it and when: the first to publish, and how many
    days later each other one came ("late"); undated coverage says so."""
    stories: dict[str, View] = {}
    for r in rows:
        s = stories.setdefault(r["story"], {"id": r["story"], "title": r["title"],
                                            "outlets": []})
        s["outlets"].append(r)
    out = []
    for s in stories.values():
        days = [d for r in s["outlets"] if (d := parse_day(r["first_published"]))]
        first = min(days) if days else None
        # An outlet whose every article is a copy of another's came after its original.
        on_first = [r["first_published"] for r in s["outlets"] if not _only_copies(r)
                    and first is not None and parse_day(r["first_published"]) == first]
        s["outlets"] = [{"outlet": r["outlet"], "first": r["first_published"],
                         "articles": r["articles"], "copies": r["copies"],
                         "self": r["outlet"] == outlet,
                         "when": _lateness(r["first_published"], first, on_first)
                         if not _only_copies(r) or parse_day(r["first_published"]) != first
                         else "same day, a copy"}
                        for r in sorted(s["outlets"], key=_coverage_order)]
        out.append(s)
    return out


def _coverage_order(r: View) -> tuple[bool, str, bool, str]:
    """Earliest first, an original before its same-day copy, undated last."""
    return (r["first_published"] is None, r["first_published"] or "", _only_copies(r),
            r["outlet"] or "")


def _only_copies(r: View) -> bool:
    return bool(r["articles"]) and r["copies"] == r["articles"]


def _lateness(published: str | None, first: date | None, on_first: list[str]) -> str:
    """"first" only when it is certain: the one outlet out on the first day, or the earliest
    there by the times all of that day's outlets give; "among the first" when several
    published that day and some give no time; otherwise how many days (or hours) later."""
    day = parse_day(published)
    if day is None or first is None or published is None:
        return "undated"
    late = (day - first).days
    if late:
        return f"{late} day{'s' if late != 1 else ''} later"
    if len(on_first) <= 1:
        return "first"
    times = [_moment(p) for p in on_first]
    if any(t is None for t in times) or len({t is not None and t.tzinfo is None
                                             for t in times}) > 1:
        return "among the first (same day)"
    mine, earliest = _moment(published), min(t for t in times if t is not None)
    assert mine is not None
    if mine == earliest:
        return "first" if times.count(earliest) == 1 else "among the first (same time)"
    hours = (mine - earliest).total_seconds() / 3600
    return f"same day, {hours:.0f} h later" if hours >= 1 else "same day, under an hour later"


def _moment(published: str) -> datetime | None:
    """A publication time when ``published`` gives one (not a bare day)."""
    if len(published) <= 10:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None


def wire_groups(store: Store, ids: list[str]) -> list[View]:
    """The syndication groups these articles belong to, each with all of its members.

    Two steps reach every member: the links of these articles give their originals, and the
    originals' links give the sibling copies (links point from a copy to its original).
    """
    links = store.duplicates_touching(ids)
    links += store.duplicates_touching({d.canonical for d in links} - set(ids))
    roots = syndication_roots(links)
    kinds = {d.article: d.kind for d in links}
    briefs = store.article_briefs(roots)
    groups: dict[str, list[View]] = {}
    for aid in sorted(briefs, key=lambda i: (roots[i] != i, briefs[i]["published"] or "", i)):
        groups.setdefault(roots[aid], []).append(brief_view(briefs[aid], kinds))
    return [{"articles": g, "outlets": sorted({a["outlet"] for a in g})}
            for _, g in sorted(groups.items())]
