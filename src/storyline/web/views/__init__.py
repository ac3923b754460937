"""What each page shows, as plain JSON-ready dicts built from the store.

The HTML pages, the JSON API and the report all render these same dicts, so the API is
exactly "everything the pages show". Nothing here escapes text: templates do (autoescape),
and ``json`` is inert by nature.

One module per page family, over two shared ones:

- ``labels``: how every page names things (days, outlets, articles, links) and an article
  as a source line (``brief_view``);
- ``speech``: how a quote reads ("said that ...", a fragment inside its sentence);
- ``quotes``: a quote as the list pages show it, its speaker or why nobody is named;
- ``story``: the story page (timeline rows, date axis, sources);
- ``lists``: the stories, people and outlets lists and their paging;
- ``person``, ``outlet``, ``article``, ``contradictions``, ``search``: those pages.
"""

from __future__ import annotations

from .article import article_view, segments
from .contradictions import contradictions_view
from .labels import (
    COPY_LABELS,
    ENTITY_TYPE_LABELS,
    LABEL_CHARS,
    OUTLET_NOT_NAMED,
    OutletLabel,
    View,
    article_label,
    brief_view,
    day_label,
    day_span,
    entity_type,
    highlight_link,
    outlet_label,
    parse_day,
    safe_url,
    sentence_note,
    text_fragment_url,
)
from .lists import (
    OUTLET_SORT_LABELS,
    PEOPLE_SORT_LABELS,
    STORY_SORT_LABELS,
    outlets_view,
    paging,
    people_view,
    stories_view,
)
from .outlet import coverage, outlet_view
from .person import mentions_over_time, person_view
from .quotes import (
    UNNAMED_NOBODY,
    by_statement,
    quote_row,
    unattributed_why,
    when_said,
)
from .search import search_view
from .speech import past_tense, said
from .story import STATUS_MEANINGS, story_view

__all__ = [
    "COPY_LABELS", "ENTITY_TYPE_LABELS", "LABEL_CHARS", "OUTLET_NOT_NAMED",
    "OUTLET_SORT_LABELS", "PEOPLE_SORT_LABELS", "STATUS_MEANINGS", "STORY_SORT_LABELS",
    "UNNAMED_NOBODY", "OutletLabel", "View", "article_label", "article_view", "brief_view",
    "by_statement",
    "contradictions_view", "coverage", "day_label", "day_span", "entity_type",
    "highlight_link", "mentions_over_time", "outlet_label", "outlet_view",
    "outlets_view", "paging", "parse_day", "past_tense", "people_view", "person_view",
    "quote_row", "safe_url", "said", "search_view", "segments", "sentence_note",
    "stories_view", "story_view", "text_fragment_url", "unattributed_why", "when_said",
]
