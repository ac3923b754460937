"""The search page: quotes, articles and people matching the query and its filters."""

from __future__ import annotations

from ...store import Store
from ...store.web import check_search
from .labels import View, brief_view
from .quotes import by_statement, quote_row


def search_view(store: Store, q: str = "", speaker: str = "", outlet: str = "",
                date_from: str = "", date_to: str = "", lang: str = "") -> View:
    """Quotes, articles and people matching; ``ConfigError`` when a field is over the limits
    (``store.web.MAX_QUERY_TERMS`` words, ``MAX_QUERY_CHARS`` characters)."""
    for value, what in ((q, "search"), (speaker, "speaker"), (outlet, "outlet"),
                        (date_from, "from date"), (date_to, "to date"), (lang, "language")):
        check_search(value, what)
    narrowed = bool(speaker or outlet or date_from or date_to or lang)
    quotes = store.search_quotes(q, speaker or None, outlet or None, date_from or None,
                                 date_to or None, language=lang or None) \
        if (q or narrowed) else []
    articles = store.search_articles(q, outlet or None, date_from or None, date_to or None,
                                     language=lang or None) \
        if (q or outlet or date_from or date_to or lang) and not speaker else []
    entities = store.search_entities(q or speaker) \
        if not (outlet or date_from or date_to or lang) else []
    return {
        "query": {"q": q, "speaker": speaker, "outlet": outlet, "from": date_from,
                  "to": date_to, "lang": lang},
        "languages": store.language_rows(),
        # one line per statement, as the person page lists them: a second rendering of the
        # same words is named beside the first, not listed again
        "quotes": by_statement([quote_row(r) for r in quotes]),
        "articles": [{**brief_view(a), "snippet": a["snippet"]} for a in articles],
        "entities": entities,
    }
