"""The SQLite store: the only place in storyline that writes SQL.

One writer connection per run (WAL, so the web app reads while a run writes), read-only
connections for the web app, named migrations applied on open, content-hash ids and
upserts so a re-run changes nothing.
"""

from __future__ import annotations

from .analysis import AnalysisQueries
from .articles import ArticleQueries
from .core import StoreCore
from .corpus import CorpusQueries
from .fetch import FetchQueries
from .web import WebQueries

__all__ = ["Store"]


class Store(ArticleQueries, AnalysisQueries, CorpusQueries, FetchQueries, WebQueries, StoreCore):
    """Open with ``Store.open(path)``; use ``with store.transaction():`` around writes."""
