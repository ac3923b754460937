"""Read queries behind the web app and the report (search, pages per story/person/outlet).

Everything here only reads, so it works on a read-only connection. Queries return plain
dicts (one per row) or records; the web layer shapes them into pages.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import ConfigError
from ..records import (
    ArticleInfo,
    Contradiction,
    DuplicateLink,
    Entity,
    Event,
    Quote,
    TimelineItem,
)
from .analysis import QUOTE_COLUMNS
from .core import StoreCore, dumps, loads

if TYPE_CHECKING:
    from ..corpus.sources import SourceIndex

# Search result cap per kind: a page of results a reader can scan; more needs a narrower query.
SEARCH_LIMIT = 50
# Ranking (bm25) costs per matching row: past this many matches the words say little
# about relevance anyway, so results come newest-stored first instead. At 2,000 a ranked
# search stays well under the 200 ms page budget (bench/web_bench.py, 20k articles).
RANK_MAX_MATCHES = 2000
# SQLite's default limit on host parameters is 32766; chunk IN (...) lists well below it.
_CHUNK = 900
_WORD = re.compile(r"\w+", re.UNICODE)
# Search input limits. Every word is one more FTS5 phrase that ranking and matching walk per
# row, so cost grows with the word count; 32 words and 512 characters are far above any
# real search (a long headline is about 15 words) and keep the worst query cheap.
MAX_QUERY_TERMS = 32
MAX_QUERY_CHARS = 512
# Words in a result's snippet, as FTS5's snippet() was asked for before (a line of text).
SNIPPET_WORDS = 24
# Marks a snippet puts around each match (control characters, removed from the text between
# matches); the page escapes the snippet and only then turns them into <mark>.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
# A snippet is looked for in the first this many characters of a text: a long article
# (a 20k-word report is about 120k characters) in full, and 50 results of a hostile 8 MB
# text each still cost a bounded, small time (about 20 ms each for 100k characters).
SNIPPET_SCAN_CHARS = 100_000
# Between two words a snippet keeps at most this much (punctuation, spaces); longer runs of
# non-words become an ellipsis, so a snippet stays a line whatever the text holds.
SNIPPET_GAP_CHARS = 40

# Rows per page of the stories, people and outlets lists: a screen or two to scan.
PAGE_SIZE = 50
# The orders those lists offer (``sort=`` in the URL), each made total by a last key.
STORY_SORTS = {"updated": "s.last IS NULL, s.last DESC, s.id",
               "size": "articles DESC, s.last IS NULL, s.last DESC, s.id"}
PEOPLE_SORTS = {"statements": "statements DESC, mentions DESC, name, id",
                "mentions": "mentions DESC, statements DESC, name, id"}
OUTLET_SORTS = {"articles": "articles DESC, outlet", "name": "outlet COLLATE NOCASE, outlet"}
# People: every named person, and any other entity that said something.
_PEOPLE = ("SELECT e.id, e.name, e.type, e.mentions, coalesce(q.statements, 0) AS statements "
           "FROM entities e LEFT JOIN (SELECT speaker, count(DISTINCT coalesce(statement, id)) "
           "AS statements FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker) q "
           "ON q.speaker = e.id WHERE e.type = 'PERSON' OR q.statements > 0")

BRIEF_COLUMNS = ("id", "source_id", "title", "outlet", "published", "url", "wire",
                 "duplicate_of", "story", "final_url", "language", "not_analysed")
# Characters of an untitled article's text a list shows in place of its headline (real
# text dumps often have none); the page trims it to a word boundary.
LEAD_CHARS = 160


def check_search(text: str, what: str = "search") -> None:
    """Raise ``ConfigError`` when a search field is over the length or word limits."""
    if len(text) > MAX_QUERY_CHARS:
        raise ConfigError(f"the {what} is {len(text)} characters long; at most "
                          f"{MAX_QUERY_CHARS} are allowed: shorten it")
    words = len(_WORD.findall(text))
    if words > MAX_QUERY_TERMS:
        raise ConfigError(f"the {what} has {words} words; at most {MAX_QUERY_TERMS} are "
                          "allowed: use fewer, more distinctive words")


def search_terms(text: str) -> tuple[list[str], str | None]:
    """The words a search needs in full, and the last word as a prefix (None when it repeats
    one of the others). All must match, so a word given twice is looked for once."""
    check_search(text)
    words = _WORD.findall(text)
    if not words:
        return [], None
    first: dict[str, str] = {}
    for w in words[:-1]:
        first.setdefault(_fold(w), w)
    return list(first.values()), None if _fold(words[-1]) in first else words[-1]


def fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH expression: every word quoted, the last one a prefix.

    User input never reaches FTS5's query syntax, so ``AND``, quotes or ``*`` in a search box
    cannot raise a syntax error or change the query's meaning.
    """
    exact, prefix = search_terms(text)
    quoted = [f'"{w}"' for w in exact] + ([f'"{prefix}"*'] if prefix else [])
    return " ".join(quoted) or None


# Letters with a stroke have no decomposition, but the tokenizer folds them too (ø -> o).
_STROKES = str.maketrans("øđłħŧ", "odlht")


def _fold(word: str) -> str:
    """A word as FTS5's unicode61 tokenizer (remove_diacritics) compares it, near enough."""
    if word.isascii():
        return word.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold().translate(_STROKES))
                   if not unicodedata.combining(c))


def _gap(text: str) -> str:
    """Text between two snippet words, without mark characters and never long."""
    text = text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
    return text if len(text) <= SNIPPET_GAP_CHARS else " … "


def text_snippet(text: str, exact: Sequence[str], prefix: str | None,
                 size: int = SNIPPET_WORDS) -> str:
    """The ``size``-word window of ``text`` that holds the most different search words.

    Linear in the text: one pass finds the matching words, one sliding window scores every
    start (different words first, then all matches). The last search word matches as a
    prefix, as in the FTS query. Matches are wrapped in ``MARK_OPEN``/``MARK_CLOSE``.
    """
    folded = {_fold(w): i for i, w in enumerate(exact)}
    start_of = _fold(prefix) if prefix else None
    tokens = list(_WORD.finditer(text))
    hits: list[int | None] = []
    for t in tokens:
        f = _fold(t[0])
        hits.append(folded[f] if f in folded else
                    len(folded) if start_of is not None and f.startswith(start_of) else None)
    start = _best_window(hits, size)
    # (no match in the text itself, e.g. only in the title: the window is the text's start)
    return _render_window(text, tokens, hits, start, min(start + size, len(tokens)))


def _best_window(hits: Sequence[int | None], size: int) -> int:
    counts: dict[int, int] = {}
    best, best_score, matched = 0, (-1, -1), 0
    for i, h in enumerate(hits):
        if h is not None:
            counts[h] = counts.get(h, 0) + 1
            matched += 1
        if i >= size and (old := hits[i - size]) is not None:
            counts[old] -= 1
            matched -= 1
            if not counts[old]:
                del counts[old]
        score = (len(counts), matched)
        if score > best_score:
            best, best_score = max(0, i - size + 1), score
    return best


def _render_window(text: str, tokens: Sequence[re.Match[str]], hits: Sequence[int | None],
                   start: int, end: int) -> str:
    if not tokens:
        return ""
    out = ["… " if start > 0 else ""]
    pos = tokens[start].start()
    for i in range(start, end):
        t = tokens[i]
        out.append(_gap(text[pos:t.start()]))
        out.append(f"{MARK_OPEN}{t[0]}{MARK_CLOSE}" if hits[i] is not None else t[0])
        pos = t.end()
    out.append(" …" if end < len(tokens) else _gap(text[pos:]))
    return "".join(out)


def unnamed_origins(index: SourceIndex) -> frozenset[str]:
    """The origins (``SourceIndex.origins``) of pages that name no outlet nor wire."""
    return index.unnamed


def count_sources(index: SourceIndex, ids: Iterable[str],
                  outlets: Collection[str] = ()) -> tuple[int, int]:
    """(independent sources, origins left out of that count) of these articles: the
    corpus stage's one count, ``SourceIndex.count_named`` (a page that names no outlet adds
    to the count only when no page names one; when the second number is not 0 pages say
    "at least N"), so every page and the export give one number. Where a row lists the
    ``outlets`` that are its sources (an event's: those whose articles give its day), only
    their articles count; a row whose listed outlets match none of the articles (an older
    store lists article ids) counts them all."""
    ids = list(ids)
    listed = [a for a in ids if index.outlets.get(a) in outlets] if outlets else []
    return index.count_named(listed or ids)


def _outlet(alias: str = "") -> str:
    """SQL for the outlet an article is shown and counted under (``core.shown_outlet``: its
    outlet, else its site's, else its wire credit; NULL when its page names none)."""
    p = f"{alias}." if alias else ""
    # most articles name their outlet: SQL trims it, and only the others call Python
    return (f"coalesce(nullif(trim({p}outlet, ' ' || char(9, 10, 13)), ''), "
            f"shown_outlet(NULL, {p}final_url, {p}url, {p}wire))")


def _brief_select(alias: str = "") -> str:
    """The brief columns plus ``lead``: the text's start, read only when there is no title
    (so lists of titled articles never load article text). ``outlet`` is the one an article
    is shown under (``_outlet``), so a wire credit names it on every page."""
    p = f"{alias}." if alias else ""
    cols = ", ".join(f"{_outlet(alias)} AS outlet" if c == "outlet" else f"{p}{c}"
                     for c in BRIEF_COLUMNS)
    return (f"{cols}, CASE WHEN {p}title IS NULL OR {p}title = '' "
            f"THEN substr({p}text, 1, {LEAD_CHARS}) END AS lead")


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    items = list(dict.fromkeys(ids))
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _cols(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _quote(row: Any) -> Quote:
    return Quote(**{c: row[c] for c in QUOTE_COLUMNS})


# What ``corpus.sources`` needs of an article (``_info``).
_INFO_COLUMNS = "id, source_id, outlet, url, final_url, wire"


def _info(r: Sequence[Any]) -> ArticleInfo:
    return ArticleInfo(id=r[0], source_id=r[1], outlet=r[2], url=r[3], final_url=r[4],
                       wire=r[5])


def _event(row: Any) -> Event:
    d = dict(row)
    for k in ("participants", "articles", "mentions", "sources"):
        d[k] = tuple(loads(d[k]))
    return Event(**d)


class EventKey(NamedTuple):
    """What a list of events is ordered and paged by, before a page of them is read whole
    (``WebQueries.events_with_participant``); ``articles`` only for an event of no story."""

    id: str
    date: str | None
    story: str | None
    independent_sources: int
    articles: tuple[str, ...] = ()


class WebQueries(StoreCore):
    # -- stories ---------------------------------------------------------------------------

    def story_rows(self, story_id: str | None = None,
                   language: str | None = None, sort: str = "updated",
                   limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stories with article counts and independent-outlet counts, last updated first
        (``sort="size"``: most articles first); a page of ``limit`` rows from ``offset``.

        ``independent_sources`` and ``sources_unnamed`` are ``count_sources`` of the story's
        articles: copies of one wire story and articles crediting one wire count once, as
        the corpus stage counts them for each row, and pages that name no outlet are told
        apart. ``language``: only stories with an article in that language.
        """
        where, params = ("WHERE s.id = ?", (story_id,)) if story_id else ("", ())
        if language:
            where = f"{where} {'AND' if where else 'WHERE'} s.id IN " \
                "(SELECT story FROM articles WHERE language = ?)"
            params = (*params, language)
        rows = [dict(r) for r in self.conn.execute(
            "SELECT s.id, s.title, s.first, s.last, count(a.story) AS articles "
            f"FROM stories s LEFT JOIN articles a ON a.story = s.id {where} "
            f"GROUP BY s.id ORDER BY {STORY_SORTS.get(sort, STORY_SORTS['updated'])}"
            + (f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""),
            params)]
        members: dict[str, list[str]] = {r["id"]: [] for r in rows}
        infos: dict[str, ArticleInfo] = {}
        for chunk in _chunks(members):
            for r in self.conn.execute(
                    f"SELECT story, {_INFO_COLUMNS} FROM articles "
                    f"WHERE story IN ({_marks(len(chunk))})", chunk):
                members[r[0]].append(r[1])
                infos[r[1]] = _info(r[1:])
        index = self._source_index(infos)
        for r in rows:
            r["independent_sources"], r["sources_unnamed"] = count_sources(
                index, members[r["id"]])
        return rows

    def source_index(self, ids: Iterable[str]) -> SourceIndex:
        """``corpus.sources.SourceIndex`` over these articles and their syndication links
        (the originals they copy included, as the corpus stage builds it over all)."""
        return self._source_index(self._infos(ids))

    def _source_index(self, infos: dict[str, ArticleInfo]) -> SourceIndex:
        # imported here: importing the corpus stage loads its models
        from ..corpus.sources import SourceIndex
        links = self.duplicates_touching(infos)
        infos.update(self._infos({x for d in links for x in (d.article, d.canonical)}
                                 - infos.keys()))
        return SourceIndex.build(infos, links)

    def _infos(self, ids: Iterable[str]) -> dict[str, ArticleInfo]:
        out: dict[str, ArticleInfo] = {}
        for chunk in _chunks(ids):
            for r in self.conn.execute(f"SELECT {_INFO_COLUMNS} FROM articles "
                                       f"WHERE id IN ({_marks(len(chunk))})", chunk):
                out[r[0]] = _info(r)
        return out

    def story_count(self, language: str | None = None) -> int:
        """How many stories there are (with an article in ``language``, when given)."""
        if language:
            return int(self.conn.execute(
                "SELECT count(DISTINCT story) FROM articles WHERE language = ? "
                "AND story IS NOT NULL", (language,)).fetchone()[0])
        return int(self.conn.execute("SELECT count(*) FROM stories").fetchone()[0])

    def story_key_dates(self, story: str) -> list[dict[str, Any]]:
        """The story's key dates (``corpus.key_dates``), in date order; none on a store
        written before they were found (no table, or an empty one)."""
        try:
            return [dict(r) for r in self.conn.execute(
                "SELECT date, summary, independent_sources, rank FROM key_dates "
                "WHERE story = ? ORDER BY date", (story,))]
        except sqlite3.OperationalError as e:
            if "no such table" not in str(e):
                raise
            return []

    def text_span(self, article: str, start: int, end: int) -> str | None:
        """Characters ``start:end`` of an article's text (None when there is no article)."""
        row = self.conn.execute("SELECT substr(text, ? + 1, ? - ?) FROM articles WHERE id = ?",
                                (start, end, start, article)).fetchone()
        return None if row is None else str(row[0])

    def story_articles(self, story: str) -> list[dict[str, Any]]:
        """A story's articles without their text, oldest first (the report's source list)."""
        return [dict(r) for r in self.conn.execute(
            f"SELECT {_brief_select()} FROM articles WHERE story = ? "
            "ORDER BY published IS NULL, published, id", (story,))]

    def story_duplicates(self, story: str) -> list[DuplicateLink]:
        """The syndication links among a story's articles (its wire stories)."""
        return [DuplicateLink(**dict(r)) for r in self.conn.execute(
            "SELECT d.article, d.canonical, d.kind, d.score FROM duplicates d "
            "JOIN articles a ON a.id = d.article WHERE a.story = ? "
            "ORDER BY d.canonical, d.article", (story,))]

    def story_contradictions(self, story: str | None) -> list[Contradiction]:
        sql = "SELECT a, b, why, kind, story FROM contradictions"
        params: tuple[str, ...] = ()
        if story is not None:
            sql, params = sql + " WHERE story = ?", (story,)
        return [Contradiction(**dict(r)) for r in self.conn.execute(sql + " ORDER BY a, b",
                                                                    params)]

    # -- lookups by id ---------------------------------------------------------------------

    def article_briefs(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Articles without their text, by id: what a source list or a result line shows."""
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            for r in self.conn.execute(
                    f"SELECT {_brief_select()} FROM articles "
                    f"WHERE id IN ({_marks(len(chunk))})", chunk):
                out[r["id"]] = dict(r)
        return out

    def quotes_by_ids(self, ids: Iterable[str]) -> dict[str, Quote]:
        out: dict[str, Quote] = {}
        for chunk in _chunks(ids):
            for r in self.conn.execute(f"SELECT {_cols(QUOTE_COLUMNS)} FROM quotes "
                                       f"WHERE id IN ({_marks(len(chunk))})", chunk):
                out[r["id"]] = _quote(r)
        return out

    def events_by_ids(self, ids: Iterable[str]) -> dict[str, Event]:
        out: dict[str, Event] = {}
        for chunk in _chunks(ids):
            for r in self.conn.execute(
                    f"SELECT * FROM events WHERE id IN ({_marks(len(chunk))})", chunk):
                out[r["id"]] = _event(r)
        return out

    def event_mention_spans(self, ids: Iterable[str]) -> dict[str, tuple[str, int, int]]:
        """Where each event mention sits: (article, start, end)."""
        out: dict[str, tuple[str, int, int]] = {}
        for chunk in _chunks(ids):
            for r in self.conn.execute(
                    'SELECT id, article, start, "end" FROM event_mentions '
                    f"WHERE id IN ({_marks(len(chunk))})", chunk):
                out[r[0]] = (r[1], r[2], r[3])
        return out

    def entities_by_ids(self, ids: Iterable[str]) -> dict[str, Entity]:
        out: dict[str, Entity] = {}
        for chunk in _chunks(ids):
            for r in self.conn.execute(
                    f"SELECT * FROM entities WHERE id IN ({_marks(len(chunk))})", chunk):
                out[r["id"]] = Entity(id=r["id"], name=r["name"], type=r["type"],
                                      aliases=tuple(loads(r["aliases"])), mentions=r["mentions"])
        return out

    def sentence_at(self, article: str, start: int, end: int) -> tuple[int, int] | None:
        """The stored sentence that contains ``start`` (the span's own bounds when none)."""
        row = self.conn.execute(
            'SELECT start, "end" FROM sentences WHERE article = ? AND start <= ? '
            "ORDER BY start DESC LIMIT 1", (article, start)).fetchone()
        if row is None or row[1] < end:
            return None
        return int(row[0]), int(row[1])

    # -- people and outlets ----------------------------------------------------------------

    def people_rows(self, sort: str = "statements", limit: int = PAGE_SIZE,
                    offset: int = 0) -> list[dict[str, Any]]:
        """People named anywhere (and any entity that said something), with their
        statements (renderings of one utterance count once) and mentions; most statements
        first, or most mentioned first (``sort="mentions"``)."""
        order = PEOPLE_SORTS.get(sort, PEOPLE_SORTS["statements"])
        return [dict(r) for r in self.conn.execute(
            f"{_PEOPLE} ORDER BY {order} LIMIT ? OFFSET ?", (int(limit), int(offset)))]

    def people_count(self) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM ({_PEOPLE})").fetchone()[0])

    def entity_mentions_by_day(self, entity: str) -> list[dict[str, Any]]:
        """How often the entity is named per publication day (``day`` None: undated pages)."""
        return [dict(r) for r in self.conn.execute(
            "SELECT substr(a.published, 1, 10) AS day, count(*) AS mentions, "
            "count(DISTINCT a.id) AS articles FROM mentions m "
            "JOIN articles a ON a.id = m.article WHERE m.entity = ? "
            "GROUP BY day ORDER BY day IS NULL, day", (entity,))]

    def entity_articles(self, entity: str, limit: int = PAGE_SIZE) -> list[dict[str, Any]]:
        """The articles that name the entity, newest first, with how often each does."""
        return [dict(r) for r in self.conn.execute(
            f"SELECT {_brief_select('a')}, n.mentions FROM (SELECT article, count(*) AS "
            "mentions FROM mentions WHERE entity = ? GROUP BY article) n "
            "JOIN articles a ON a.id = n.article "
            "ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ?", (entity, limit))]

    def entity_stories(self, entity: str) -> list[dict[str, Any]]:
        """The stories whose articles name the entity, with how many of them do."""
        return [dict(r) for r in self.conn.execute(
            "SELECT s.id, s.title, s.first, s.last, count(DISTINCT a.id) AS articles "
            "FROM mentions m JOIN articles a ON a.id = m.article "
            "JOIN stories s ON s.id = a.story WHERE m.entity = ? "
            "GROUP BY s.id ORDER BY s.last IS NULL, s.last DESC, s.id", (entity,))]

    def events_with_participant(self, entity: str) -> list[EventKey]:
        """The events the entity takes part in (one of their ``participants``), unordered,
        with what a list orders and pages them by (``EventKey``; ``events_by_ids`` reads a
        page of them whole).

        The participants are a JSON list: SQL keeps the rows whose list holds the entity's
        id as one JSON string (one scan of the events, nothing parsed), and each is checked
        on its parsed list, so an id inside another one never counts."""
        return [EventKey(r[0], r[1], r[2], int(r[3]), tuple(loads(r[5])))
                for r in self.conn.execute(
                    "SELECT id, date, story, independent_sources, participants, "
                    "CASE WHEN story IS NULL THEN articles END FROM events "
                    "WHERE instr(participants, ?) > 0", (dumps(entity),))
                if entity in loads(r[4])]

    def article_events(self, article: str) -> list[tuple[Event, str, int, int]]:
        """The events the article's sentences give, each with its first mention there
        (event, mention id, start, end), in the order they come in the text. Events are read
        by the article's story (events of no story too), then kept by their mentions."""
        spans = {r[0]: (int(r[1]), int(r[2])) for r in self.conn.execute(
            'SELECT id, start, "end" FROM event_mentions WHERE article = ? ORDER BY start, id',
            (article,))}
        if not spans:
            return []
        row = self.conn.execute("SELECT story FROM articles WHERE id = ?", (article,)).fetchone()
        story = row[0] if row else None
        out: list[tuple[Event, str, int, int]] = []
        for r in self.conn.execute(
                "SELECT * FROM events WHERE (story = ? OR story IS NULL) "
                "AND instr(articles, ?) > 0", (story, dumps(article))):
            e = _event(r)
            mine = [m for m in spans if m in e.mentions]  # text order (``spans`` is)
            if mine:
                out.append((e, mine[0], *spans[mine[0]]))
        return sorted(out, key=lambda x: (x[2], x[3], x[0].id))

    def event_timeline_rows(self, events: Iterable[Event]) -> dict[str, TimelineItem]:
        """The timeline row each of these events is, by event id (absent: the editor's cut
        left it off its story's timeline)."""
        out: dict[str, TimelineItem] = {}
        for r in self._event_rows("*", events):
            d = dict(r)
            for k in ("sources", "articles", "date_notes"):
                d[k] = tuple(loads(d.get(k) or "[]"))
            out.setdefault(d["ref"], TimelineItem(**d))
        return out

    def events_on_timeline(self, events: Iterable[Event | EventKey]) -> set[str]:
        """Which of these events are rows of their story's timeline (their ids)."""
        return {r[0] for r in self._event_rows("ref", events)}

    def _event_rows(self, cols: str, events: Iterable[Event | EventKey]) -> Iterator[Any]:
        """Timeline rows of these events, read by story (the timeline's key): an event's own
        story, else (an event of no story) its articles' stories."""
        by_story: dict[str, set[str]] = {}
        storyless: dict[str, list[str]] = {}
        for e in events:
            if e.story:
                by_story.setdefault(e.story, set()).add(e.id)
            else:
                for a in e.articles:
                    storyless.setdefault(a, []).append(e.id)
        for chunk in _chunks(storyless):
            for r in self.conn.execute(f"SELECT id, story FROM articles WHERE id IN "
                                       f"({_marks(len(chunk))}) AND story IS NOT NULL", chunk):
                by_story.setdefault(r[1], set()).update(storyless[r[0]])
        for story, refs in sorted(by_story.items()):
            for chunk in _chunks(refs):
                yield from self.conn.execute(
                    f"SELECT {cols} FROM timeline WHERE story = ? AND kind = 'event' "
                    f"AND ref IN ({_marks(len(chunk))})", (story, *chunk))

    def story_titles(self, ids: Iterable[str]) -> dict[str, str]:
        """Stories' titles by id (no counts: what a link to a story needs)."""
        out: dict[str, str] = {}
        for chunk in _chunks(ids):
            for r in self.conn.execute(
                    f"SELECT id, title FROM stories WHERE id IN ({_marks(len(chunk))})", chunk):
                out[r[0]] = r[1]
        return out

    def quotes_naming(self, entity: str, limit: int = PAGE_SIZE) -> list[dict[str, Any]]:
        """What others said about the entity: quotes whose own words name it (a mention of
        it inside the quoted span) and whose speaker is someone else, oldest first."""
        return self._quote_rows(
            "q.id IN (SELECT q2.id FROM mentions m JOIN quotes q2 ON q2.article = m.article "
            'AND m.start >= q2.start AND m."end" <= q2."end" WHERE m.entity = ?) '
            "AND (q.speaker IS NULL OR q.speaker != ?)", (entity, entity),
            "ORDER BY coalesce(q.said_on, a.published) IS NULL, "
            f"coalesce(q.said_on, a.published), q.id LIMIT {int(limit)}")

    def quotes_by_speaker(self, entity: str) -> list[dict[str, Any]]:
        """Everything one entity said, oldest first, with the article it appeared in."""
        return self._quote_rows("q.speaker = ?", (entity,),
                                "ORDER BY coalesce(q.said_on, a.published) IS NULL, "
                                "coalesce(q.said_on, a.published), q.id")

    def quotes_in_articles(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for chunk in _chunks(ids):
            out += self._quote_rows(f"q.article IN ({_marks(len(chunk))})", tuple(chunk),
                                    "ORDER BY a.published, q.article, q.start")
        return out

    def quote_rows(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """Quotes by id with their article's date, outlet and title."""
        out: list[dict[str, Any]] = []
        for chunk in _chunks(ids):
            out += self._quote_rows(f"q.id IN ({_marks(len(chunk))})", tuple(chunk), "")
        return out

    def _quote_rows(self, where: str, params: tuple[Any, ...], order: str,
                    fts: str = "") -> list[dict[str, Any]]:
        cols = ", ".join(f'q."{c}"' for c in QUOTE_COLUMNS)
        return [dict(r) for r in self.conn.execute(
            f"SELECT {cols}, q.statement, a.published, {_outlet('a')} AS outlet, "
            "a.title AS article_title, "
            "a.url, substr(a.text, q.sent_start + 1, q.sent_end - q.sent_start) AS sentence, "
            f"a.story, a.source_id AS article_source_id, e.name AS entity_name, "
            f"CASE WHEN a.title IS NULL OR a.title = '' THEN substr(a.text, 1, {LEAD_CHARS}) "
            f"END AS article_lead FROM quotes q {fts} "
            "JOIN articles a ON a.id = q.article LEFT JOIN entities e ON e.id = q.speaker "
            f"WHERE {where} {order}", params)]

    def language_rows(self) -> list[tuple[str, int]]:
        """Each detected language and its article count, most articles first."""
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT language, count(*) FROM articles WHERE language IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC, 1")]

    def outlet_rows(self, sort: str = "articles", limit: int = PAGE_SIZE,
                    offset: int = 0) -> list[dict[str, Any]]:
        """Outlets with their article, copy and story counts: most articles first, or by
        name (``sort="name"``)."""
        order = OUTLET_SORTS.get(sort, OUTLET_SORTS["articles"])
        return [dict(r) for r in self.conn.execute(
            "SELECT outlet, count(*) AS articles, sum(copy) AS copies, "
            f"count(DISTINCT story) AS stories FROM (SELECT {_outlet()} AS outlet, "
            "duplicate_of IS NOT NULL AS copy, story FROM articles) WHERE outlet IS NOT NULL "
            f"GROUP BY outlet ORDER BY {order} LIMIT ? OFFSET ?", (int(limit), int(offset)))]

    def outlet_count(self) -> int:
        return int(self.conn.execute(
            f"SELECT count(DISTINCT {_outlet()}) FROM articles").fetchone()[0])

    def unnamed_outlet_articles(self) -> int:
        """How many articles name no outlet (nor a site or wire one could be told by)."""
        return int(self.conn.execute(
            f"SELECT count(*) FROM articles WHERE {_outlet()} IS NULL").fetchone()[0])

    def outlet_stories(self, outlet: str) -> list[str]:
        """The stories the outlet covered, the latest updated first."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM stories WHERE id IN "
            f"(SELECT story FROM articles WHERE {_outlet()} = ? AND story IS NOT NULL) "
            "ORDER BY last IS NULL, last DESC, id", (outlet,))]

    def story_coverage(self, stories: Sequence[str]) -> list[dict[str, Any]]:
        """For each of these stories: every outlet that covered it, with its first
        article's date and its article and copy counts, earliest first."""
        rows: list[dict[str, Any]] = []
        for chunk in _chunks(stories):
            rows += [dict(r) for r in self.conn.execute(
                "SELECT a.story, s.title, s.last, a.outlet, "
                "min(a.published) AS first_published, count(*) AS articles, "
                "sum(a.duplicate_of IS NOT NULL) AS copies "
                f"FROM (SELECT story, published, duplicate_of, {_outlet()} AS outlet "
                f"FROM articles WHERE story IN ({_marks(len(chunk))})) a "
                "JOIN stories s ON s.id = a.story GROUP BY a.story, a.outlet", chunk)]
        order = {story: n for n, story in enumerate(stories)}
        return sorted(rows, key=lambda r: (order[r["story"]], r["first_published"] is None,
                                           r["first_published"] or "", r["outlet"] is None,
                                           r["outlet"] or ""))

    def outlet_articles(self, outlet: str, limit: int | None = None,
                        offset: int = 0) -> list[dict[str, Any]]:
        """The outlet's articles, the latest first: all, or ``limit`` from ``offset``."""
        return [dict(r) for r in self.conn.execute(
            f"SELECT {_brief_select()} FROM articles WHERE {_outlet()} = ? "
            "ORDER BY published IS NULL, published DESC, id LIMIT ? OFFSET ?",
            (outlet, -1 if limit is None else int(limit), int(offset)))]

    def outlet_wires(self, outlet: str) -> set[str]:
        """The wire agencies the outlet's articles credit."""
        return {r[0] for r in self.conn.execute(
            f"SELECT DISTINCT trim(wire) FROM articles WHERE {_outlet()} = ? "
            "AND trim(coalesce(wire, '')) != ''", (outlet,))}

    def outlet_article_count(self, outlet: str) -> int:
        return int(self.conn.execute(
            f"SELECT count(*) FROM articles WHERE {_outlet()} = ?", (outlet,)).fetchone()[0])

    def duplicates_touching(self, ids: Iterable[str]) -> list[DuplicateLink]:
        """Syndication links with one of ``ids`` on either side (copy or original)."""
        out: dict[tuple[str, str], DuplicateLink] = {}
        for chunk in _chunks(ids):
            marks = _marks(len(chunk))
            for r in self.conn.execute(
                    "SELECT article, canonical, kind, score FROM duplicates "
                    f"WHERE article IN ({marks}) OR canonical IN ({marks})", (*chunk, *chunk)):
                out[(r[0], r[1])] = DuplicateLink(**dict(r))
        return [out[k] for k in sorted(out)]

    def syndication(self, outlet: str) -> dict[str, list[dict[str, Any]]]:
        """What the outlet took from others, and what others took from it (duplicate links)."""
        sql = ("SELECT d.kind, d.score, c.id AS copy_id, c.title AS copy_title, "
               f"{_outlet('c')} AS copy_outlet, c.published AS copy_published, "
               f"o.id AS orig_id, o.title AS orig_title, {_outlet('o')} AS orig_outlet, "
               "o.published AS orig_published "
               # CROSS JOIN keeps duplicates as the outer loop: they are few, articles many.
               "FROM duplicates d CROSS JOIN articles c ON c.id = d.article "
               "JOIN articles o ON o.id = d.canonical WHERE {} = ? "
               "ORDER BY c.published, c.id")
        return {
            "took": [dict(r) for r in self.conn.execute(sql.format(_outlet("c")), (outlet,))],
            "gave": [dict(r) for r in self.conn.execute(sql.format(_outlet("o")), (outlet,))],
        }

    # -- search ----------------------------------------------------------------------------

    def has_search_index(self) -> bool:
        """False on a store written before migration 0002 (opened read-only, never upgraded)."""
        return self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'quotes_fts'").fetchone() is not None

    def search_quotes(self, text: str, speaker: str | None = None, outlet: str | None = None,
                      date_from: str | None = None, date_to: str | None = None,
                      limit: int = SEARCH_LIMIT,
                      language: str | None = None) -> list[dict[str, Any]]:
        """Quotes matching the words (all of them), narrowed by speaker, outlet and dates."""
        where: list[str] = []
        params: list[Any] = []
        fts, order = "", "ORDER BY coalesce(q.said_on, a.published), q.id"
        match = fts_query(text)
        if match and self.has_search_index():
            fts = "JOIN quotes_fts f ON f.rowid = q.rowid"
            where.append("quotes_fts MATCH ?")
            params.append(match)
            order = self._fts_order("quotes_fts", match)
        elif match:
            where.append("q.text LIKE ?")
            params.append(f"%{text.strip()}%")
        if speaker:
            where.append("(q.speaker = ? OR q.speaker_name LIKE ? OR e.name LIKE ?)")
            params += [speaker, f"%{speaker}%", f"%{speaker}%"]
        self._narrow(where, params, outlet, date_from, date_to, "coalesce(q.said_on, a.published)",
                     language)
        return self._quote_rows(" AND ".join(where) or "1", (*params,),
                                f"{order} LIMIT {int(limit)}", fts)

    def search_articles(self, text: str, outlet: str | None = None,
                        date_from: str | None = None, date_to: str | None = None,
                        limit: int = SEARCH_LIMIT,
                        language: str | None = None) -> list[dict[str, Any]]:
        where: list[str] = []
        params: list[Any] = []
        fts, order = "", "ORDER BY a.published DESC, a.id"
        match = fts_query(text)
        if match and self.has_search_index():
            fts = "JOIN articles_fts f ON f.rowid = a.rowid"
            where.append("articles_fts MATCH ?")
            params.append(match)
            order = self._fts_order("articles_fts", match)
        elif match:
            where.append("(a.title LIKE ? OR a.text LIKE ?)")
            params += [f"%{text.strip()}%"] * 2
        self._narrow(where, params, outlet, date_from, date_to, "a.published", language)
        rows = [dict(r) for r in self.conn.execute(
            f"SELECT {_brief_select('a')}, a.rowid AS rid FROM articles a {fts} "
            f"WHERE {' AND '.join(where) or '1'} {order} LIMIT {int(limit)}", params)]
        rowids = [r.pop("rid") for r in rows]
        snippets = self._snippets(*search_terms(text), rowids) if fts else {}
        return [{**r, "snippet": snippets.get(r["id"])} for r in rows]

    def _fts_order(self, table: str, match: str) -> str:
        count = self.conn.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?",
                                  (match,)).fetchone()[0]
        return "ORDER BY f.rank" if count <= RANK_MAX_MATCHES else "ORDER BY f.rowid DESC"

    def _snippets(self, exact: list[str], prefix: str | None,
                  rowids: list[int]) -> dict[str, str]:
        # Only for the rows shown, and in Python: FTS5's snippet() scores every match against
        # every other, so its cost grows with the square of the matches in a text; this one
        # is linear, over the text's first SNIPPET_SCAN_CHARS characters.
        if not rowids:
            return {}
        return {r[0]: text_snippet(r[1], exact, prefix) for r in self.conn.execute(
            f"SELECT id, substr(text, 1, {SNIPPET_SCAN_CHARS}) FROM articles "
            f"WHERE rowid IN ({_marks(len(rowids))})", rowids)}

    def search_entities(self, text: str, limit: int = SEARCH_LIMIT) -> list[dict[str, Any]]:
        match = fts_query(text)
        if not match:
            return []
        if self.has_search_index():
            sql = ("SELECT e.id, e.name, e.type, e.aliases, e.mentions FROM entities e "
                   "JOIN entities_fts f ON f.rowid = e.rowid WHERE entities_fts MATCH ? "
                   "ORDER BY f.rank LIMIT ?")
            params: tuple[Any, ...] = (match, limit)
        else:
            sql = ("SELECT id, name, type, aliases, mentions FROM entities "
                   "WHERE name LIKE ? OR aliases LIKE ? ORDER BY mentions DESC LIMIT ?")
            params = (f"%{text.strip()}%", f"%{text.strip()}%", limit)
        return [{**dict(r), "aliases": loads(r["aliases"])}
                for r in self.conn.execute(sql, params)]

    @staticmethod
    def _narrow(where: list[str], params: list[Any], outlet: str | None, date_from: str | None,
                date_to: str | None, date_expr: str, language: str | None = None) -> None:
        if language:
            where.append("a.language = ?")
            params.append(language)
        if outlet:
            where.append(f"{_outlet('a')} = ? COLLATE NOCASE")
            params.append(outlet)
        if date_from:
            where.append(f"substr({date_expr}, 1, 10) >= ?")
            params.append(date_from)
        if date_to:
            where.append(f"substr({date_expr}, 1, 10) <= ?")
            params.append(date_to)
