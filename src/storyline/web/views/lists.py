"""The list pages (stories, people, outlets): one page of rows in the chosen order and
the links to the other pages and orders (``paging``).
"""

from __future__ import annotations

from urllib.parse import urlencode

from ...store import Store
from ...store.web import OUTLET_SORTS, PAGE_SIZE, PEOPLE_SORTS, STORY_SORTS, check_search
from .labels import View

# The orders the list pages offer, in a reader's words (the SQL is in ``store.web``).
STORY_SORT_LABELS = {"updated": "last update", "size": "size"}
PEOPLE_SORT_LABELS = {"statements": "statements", "mentions": "mentions"}
OUTLET_SORT_LABELS = {"articles": "articles", "name": "name"}


def stories_view(store: Store, lang: str = "", sort: str = "updated", page: int = 1) -> View:
    """A page of stories (last updated first, or largest first with ``sort="size"``), all
    of them or only those with an article in language ``lang``."""
    check_search(lang, "language")
    sort = sort if sort in STORY_SORTS else "updated"
    pager = paging("/", page, store.story_count(lang or None), sort, STORY_SORT_LABELS,
                   {"lang": lang})
    return {"stories": store.story_rows(language=lang or None, sort=sort, limit=PAGE_SIZE,
                                        offset=pager["offset"]),
            "lang": lang, "languages": store.language_rows(), "pager": pager}


def paging(path: str, page: int, total: int, sort: str, labels: dict[str, str],
           keep: dict[str, str] | None = None, size: int | None = None,
           param: str = "page") -> View:
    """Where a list page stands: its rows' offset, links to the pages before and after
    and to each order (``labels``; none: a list in one order), keeping the other query
    parameters (``keep``). ``param`` names the page number in the links (a page with two
    lists pages each by its own) and ``size`` the rows a page holds (PAGE_SIZE)."""
    size = size or PAGE_SIZE
    pages = max(1, -(-total // size))
    page = min(max(page, 1), pages)
    kept = {k: v for k, v in (keep or {}).items() if v}

    def href(p: int, order: str) -> str:
        return f"{path}?{urlencode({**kept, **({'sort': order} if labels else {}), param: p})}"

    return {"page": page, "pages": pages, "total": total, "offset": (page - 1) * size,
            "size": size,
            "prev": href(page - 1, sort) if page > 1 else None,
            "next": href(page + 1, sort) if page < pages else None,
            "sorts": [{"key": k, "label": v, "href": href(1, k), "active": k == sort}
                      for k, v in labels.items()]}


def people_view(store: Store, sort: str = "statements", page: int = 1) -> View:
    """A page of everyone named: most statements first, or most mentions first."""
    sort = sort if sort in PEOPLE_SORTS else "statements"
    pager = paging("/people", page, store.people_count(), sort, PEOPLE_SORT_LABELS)
    return {"people": store.people_rows(sort, PAGE_SIZE, pager["offset"]), "pager": pager}


def outlets_view(store: Store, sort: str = "articles", page: int = 1) -> View:
    """A page of outlets: most articles first, or by name."""
    sort = sort if sort in OUTLET_SORTS else "articles"
    pager = paging("/outlets", page, store.outlet_count(), sort, OUTLET_SORT_LABELS)
    return {"outlets": store.outlet_rows(sort, PAGE_SIZE, pager["offset"]), "pager": pager,
            # the articles no outlet stands for: the list is not all of the store
            "unnamed": store.unnamed_outlet_articles()}
