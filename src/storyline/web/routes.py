"""The pages and the JSON API: each page's route and its API twin render the same view."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException

from ..store import Store
from . import views
from .deps import open_store, render

pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
api = APIRouter(prefix="/api", tags=["api"])

StoreDep = Annotated[Store, Depends(open_store)]
Offset = Annotated[int | None, Query(ge=0)]
# A list page's number (1 = the first) and order (``views.*_SORT_LABELS`` name them).
Page = Annotated[int, Query(ge=1, le=1_000_000)]


class SearchParams:
    """The search form: words plus optional speaker, outlet and date range (YYYY-MM-DD)."""

    def __init__(self, q: str = "", speaker: str = "", outlet: str = "",
                 date_from: Annotated[str, Query(alias="from")] = "",
                 date_to: Annotated[str, Query(alias="to")] = "", lang: str = "") -> None:
        self.args = {"q": q.strip(), "speaker": speaker.strip(), "outlet": outlet.strip(),
                     "date_from": date_from.strip(), "date_to": date_to.strip(),
                     "lang": lang.strip()}


def found(view: views.View | None, what: str) -> views.View:
    if view is None:
        raise HTTPException(404, f"no such {what}")
    return view


def _pair(a: int | None, b: int | None) -> tuple[int, int] | None:
    return (a, b) if a is not None and b is not None else None


# -- JSON API ------------------------------------------------------------------------------

@api.get("/stories")
def api_stories(store: StoreDep, lang: str = "", sort: str = "updated",
                page: Page = 1) -> dict[str, Any]:
    return views.stories_view(store, lang.strip(), sort, page)


@api.get("/stories/{story_id}")
def api_story(story_id: str, store: StoreDep) -> dict[str, Any]:
    return found(views.story_view(store, story_id), "story")


@api.get("/articles/{article_id}")
def api_article(article_id: str, store: StoreDep, s: Offset = None, e: Offset = None,
                qs: Offset = None, qe: Offset = None) -> dict[str, Any]:
    return found(views.article_view(store, article_id, _pair(s, e), _pair(qs, qe)), "article")


@api.get("/people")
def api_people(store: StoreDep, sort: str = "statements", page: Page = 1) -> dict[str, Any]:
    return views.people_view(store, sort, page)


@api.get("/people/{entity_id}")
def api_person(entity_id: str, store: StoreDep, events: Page = 1) -> dict[str, Any]:
    return found(views.person_view(store, entity_id, events), "person")


@api.get("/outlets")
def api_outlets(store: StoreDep, sort: str = "articles", page: Page = 1) -> dict[str, Any]:
    return views.outlets_view(store, sort, page)


@api.get("/outlets/{outlet:path}")
def api_outlet(outlet: str, store: StoreDep, page: Page = 1,
               articles: Page = 1) -> dict[str, Any]:
    return found(views.outlet_view(store, outlet, page, articles), "outlet")


@api.get("/contradictions")
def api_contradictions(store: StoreDep, story: str | None = None) -> dict[str, Any]:
    return views.contradictions_view(store, story)


@api.get("/search")
def api_search(store: StoreDep, params: Annotated[SearchParams, Depends()]) -> dict[str, Any]:
    return views.search_view(store, **params.args)


# -- pages ---------------------------------------------------------------------------------

@pages.get("/")
def stories_page(request: Request, store: StoreDep, lang: str = "", sort: str = "updated",
                 page: Page = 1) -> HTMLResponse:
    return render(request, "stories.html", **views.stories_view(store, lang.strip(), sort, page))


@pages.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, store: StoreDep) -> HTMLResponse:
    return render(request, "story.html", **found(views.story_view(store, story_id), "story"))


@pages.get("/articles/{article_id}")
def article_page(request: Request, article_id: str, store: StoreDep, s: Offset = None,
                 e: Offset = None, qs: Offset = None, qe: Offset = None) -> HTMLResponse:
    view = views.article_view(store, article_id, _pair(s, e), _pair(qs, qe))
    return render(request, "article.html", **found(view, "article"))


@pages.get("/people")
def people_page(request: Request, store: StoreDep, sort: str = "statements",
                page: Page = 1) -> HTMLResponse:
    return render(request, "people.html", **views.people_view(store, sort, page))


@pages.get("/people/{entity_id}")
def person_page(request: Request, entity_id: str, store: StoreDep,
                events: Page = 1) -> HTMLResponse:
    return render(request, "person.html",
                  **found(views.person_view(store, entity_id, events), "person"))


@pages.get("/outlets")
def outlets_page(request: Request, store: StoreDep, sort: str = "articles",
                 page: Page = 1) -> HTMLResponse:
    return render(request, "outlets.html", **views.outlets_view(store, sort, page))


@pages.get("/outlets/{outlet:path}")
def outlet_page(request: Request, outlet: str, store: StoreDep, page: Page = 1,
                articles: Page = 1) -> HTMLResponse:
    return render(request, "outlet.html",
                  **found(views.outlet_view(store, outlet, page, articles), "outlet"))


@pages.get("/contradictions")
def contradictions_page(request: Request, store: StoreDep,
                        story: str | None = None) -> HTMLResponse:
    return render(request, "contradictions.html", **views.contradictions_view(store, story))


@pages.get("/search")
def search_page(request: Request, store: StoreDep,
                params: Annotated[SearchParams, Depends()]) -> HTMLResponse:
    return render(request, "search.html", **views.search_view(store, **params.args))
