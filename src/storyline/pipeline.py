"""The per-record chain both runners call: a page becomes an article, an article an analysis.

    RawPage -> process_page -> Article | Failure          (cleaning, under the page's limits)
    [Article] -> analyse_chunk -> [Analysis | Failure]    (the language stages, per language)

The local runner (``run``) calls these through its worker pool (``parallel``); the Spark
runner (``spark``) calls them in its partitions. Nothing here touches the store.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from typing import Any, TypeVar

from . import analyze
from .analyze import model
from .clean import clean, html, language
from .errors import PageError
from .limits import page_limit
from .records import Analysis, Article, Failure, RawPage, content_id
from .settings import Settings

T = TypeVar("T")

# Articles per task: the nlp.pipe batch size; large enough to amortise pickling, small
# enough that two workers stay evenly loaded on a few hundred articles.
CHUNK_ARTICLES = 16
# Articles longer than this are parsed on their own rather than in their chunk's batch:
# the longest are the likeliest to run past a page's limits, and alone such an article
# fails once, without failing the batch and being parsed a second time. Long news stories
# run to ~20k characters; parsing and analysing 50k took 8 s and 160 MB on a busy 2-core VM.
SOLO_CHARS = 50_000
# A page on its way through cleaning: the page (its text dropped when it needs no work),
# its content hash, and whether it must be cleaned.
PageTask = tuple[RawPage | Failure, str, bool]
Cleaned = tuple[RawPage | Failure, str, Article | Failure | None]


def process_page(page: RawPage, settings: Settings) -> Article | Failure:
    """Clean one page into an article; an unusable page becomes a Failure, never an error."""
    _warm_cleaning(settings)
    if page.html:  # text pages never reach htmldate: a text-only run keeps its tables out
        _warm_dates()
    try:
        with page_limit(settings, "cleaning"):
            return language.with_language(clean(page, settings))
    except PageError as e:
        return Failure(source=page.source, reason=e.reason, detail=e.detail,
                       source_id=page.source_id)
    except Exception as e:  # noqa: BLE001 - one bad page must not stop the run
        return Failure(source=page.source, reason="clean-error",
                       detail=f"{type(e).__name__}: {e}", source_id=page.source_id)


def warm_up(settings: Settings) -> None:
    """Load what the stages load on first use (the default pipeline, the cleaners'
    libraries and data, the language identifier, the stages' tables) by taking pages of
    our own through cleaning and analysis: a worker pays it when it starts, with its
    siblings, rather than inside its first task."""
    _warm_cleaning(settings)
    _warm_dates()  # a pool's workers clean whatever pages come: HTML ones too
    _warm_analysis(model.load(settings.model), settings)


def _warm_cleaning(settings: Settings) -> None:
    """Once per process, before the first page and outside every page's limits: the first
    page would otherwise pay the process's one-time loads (justext's 100 stop lists alone
    take ~1.5 s) against its own time limit, and time out on a busy machine."""
    if "cleaning" in _WARMED:
        return
    _WARMED.add("cleaning")
    for page in (WARM_UP_PAGE, WARM_UP_TEXT):
        try:
            language.with_language(clean(page, settings))
        except Exception:  # noqa: BLE001 - warming only; a real page reports its own
            continue


def _warm_dates() -> None:
    """Once per process, before its first HTML page and outside every page's limits: the
    date parser's tables of every locale (``html.warm_date_parser``), which the first date
    string no locale reads would otherwise compile inside some page's time."""
    if "dates" in _WARMED:
        return
    _WARMED.add("dates")
    html.warm_date_parser()


def _warm_analysis(nlp: Any, settings: Settings) -> None:
    """Once per process and pipeline, outside the limits: the stages' first-use tables."""
    key = f"analysis {id(nlp)}"
    if key in _WARMED:
        return
    _WARMED.add(key)
    try:
        article = language.with_language(clean(WARM_UP_PAGE, settings))
        if nlp.lang in (article.language, model.MULTILINGUAL):
            analyze.analyze_doc(nlp(article.text), article)
    except Exception:  # noqa: BLE001 - warming only; a real article reports its own
        return
    finally:
        # What is loaded by now (the model, the libraries' tables) lives as long as the
        # process: the cyclic collector's full passes skip it from here on (about half of
        # the collector's time in analysis, bench/NOTES.md).
        gc.freeze()


# What this process has warmed (``_warm_cleaning``, ``_warm_analysis``).
_WARMED: set[str] = set()
# A page of our own (not from any corpus): markup, a dated byline and a dateline, so it
# goes through extraction, date finding and language identification like a real one.
WARM_UP_PAGE = RawPage(
    source="storyline:warm-up", source_id="warm-up", kind="html",
    url="https://news.example.com/2024/03/05/harbour-council-vote",
    html=(
        "<html><head><title>Harbour council approves new ferry pier</title>"
        '<meta property="article:published_time" content="2024-03-05T09:30:00Z"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav><article>"
        "<h1>Harbour council approves new ferry pier</h1>"
        "<p class='byline'>By Ana Field, March 5, 2024</p>"
        "<p>PORT ELLEN, March 5 (Reuters) - The harbour council voted on Tuesday to build "
        "a second ferry pier, ending a dispute that began last spring.</p>"
        "<p>\"We have waited ten years for this,\" said Mayor John Reid, who met "
        "fishermen in the town hall on Monday. Work will start in June, the council said.</p>"
        "<p>The pier will cost 4 million pounds and should open by the end of 2025, "
        "according to the council's plan.</p></article>"
        "<footer>Contact us | Privacy</footer></body></html>"),
)
WARM_UP_TEXT = RawPage(
    source="storyline:warm-up.txt", source_id="warm-up-text", kind="text",
    text=("Harbour council approves new ferry pier\n\nPORT ELLEN, March 5, 2024 - The harbour "
          "council voted on Tuesday to build a second ferry pier.\n\nShare this article\n"),
)


def page_hash(page: RawPage | Failure) -> str:
    if isinstance(page, Failure):
        return content_id(page.source, page.reason, page.detail)
    return content_id(page.kind, page.text, page.html, page.url, page.title, page.outlet,
                      page.published, page.source_id)


def clean_chunk(tasks: list[PageTask], settings: Settings) -> list[Cleaned]:
    """Clean the pages of a chunk that need it (a worker task); the rest pass through."""
    out: list[Cleaned] = []
    for page, h, todo in tasks:
        result = process_page(page, settings) if todo and isinstance(page, RawPage) else None
        out.append((_stub(page), h, result))
    return out


def _stub(page: RawPage | Failure) -> RawPage | Failure:
    # The parent needs only a page's identity back, not its body again.
    if isinstance(page, RawPage):
        return dataclasses.replace(page, text=None, html=None)
    return page


def analyse_chunk(articles: list[Article], settings: Settings) -> list[Analysis | Failure]:
    """Analyse a chunk of articles (a worker task); a failing article becomes a Failure.

    Each article is read only by the pipeline for its language (``Article.language``, or
    detected here for articles stored before languages were); one with no pipeline for
    its language is kept, marked as not analysed and why. A worker loads each language's
    pipeline the first time one of its articles arrives (``model.load`` keeps it).
    """
    out: list[Analysis | Failure | None] = [None] * len(articles)
    by_model: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        a = articles[i] = language.with_language(a)
        lang = a.language or language.UNDETERMINED
        pipeline_name = settings.pipeline_for(lang)
        reason = _no_pipeline(lang, pipeline_name, settings)
        if reason is not None:
            out[i] = analyze.not_analysed(a, lang, reason)
        elif pipeline_name is not None:  # always, when there is no reason
            by_model.setdefault(pipeline_name, []).append(i)
    for pipeline_name, indices in by_model.items():
        results = _analyse_with(pipeline_name, [articles[i] for i in indices], settings)
        for i, result in zip(indices, results, strict=True):
            out[i] = result
    return [r for r in out if r is not None]


def _no_pipeline(lang: str, pipeline_name: str | None, settings: Settings) -> str | None:
    """Why ``lang`` is not read here (no pipeline named for it, or ``pipeline_name`` cannot read
    it), or None when ``pipeline_name`` can. The default language's pipeline must load
    (``model.load`` raises how to install it); another language's missing pipeline
    leaves its articles unanalysed, not the run failed."""
    if pipeline_name is None:
        if lang == language.UNDETERMINED:
            return "language not detected (too little running text to tell)"
        return f"no pipeline for {lang!r}"
    if lang == settings.default_language:
        return None
    why = model.unusable(pipeline_name, lang)
    return f"no pipeline for {lang!r} ({why})" if why else None


def _analyse_with(pipeline_name: str, articles: list[Article],
                  settings: Settings) -> list[Analysis | Failure]:
    """The chunk's articles of one language through that language's pipeline.

    They are parsed in one ``nlp.pipe`` batch under one page's limits, except articles
    over SOLO_CHARS, which are parsed on their own under their own. If the batch fails or
    runs over its limits, each of its articles is parsed again on its own, so a slow
    article fails alone (after at most twice the limit) and its chunk-mates are analysed.
    """
    nlp = model.load_for(pipeline_name, articles[0].language)
    _warm_analysis(nlp, settings)
    batch = [a.text for a in articles if len(a.text) <= SOLO_CHARS]
    try:
        with page_limit(settings, "parsing"):
            docs: Iterator[Any] | None = iter(list(nlp.pipe(batch, batch_size=CHUNK_ARTICLES)))
    except Exception:  # noqa: BLE001 - one bad text must not lose its chunk-mates
        docs = None
    # outside the handler: its traceback would keep the failed batch's memory alive
    return [_safe_analysis(next(docs), a, settings)
            if docs is not None and len(a.text) <= SOLO_CHARS
            else _analyse_one(nlp, a, settings) for a in articles]


def _analyse_one(nlp: Any, article: Article, settings: Settings) -> Analysis | Failure:
    if len(article.text) > nlp.max_length:
        return _too_long(article, nlp.max_length)
    try:
        with page_limit(settings, "analysis"):
            return analyze.analyze_doc(nlp(article.text), article)
    except Exception as e:  # noqa: BLE001 - recorded as this article's failure
        return _failure(article, e)


def _safe_analysis(doc: Any, article: Article, settings: Settings) -> Analysis | Failure:
    try:
        with page_limit(settings, "analysis"):
            return analyze.analyze_doc(doc, article)
    except Exception as e:  # noqa: BLE001 - a stage bug on one article must not end the run
        return _failure(article, e)


def _too_long(article: Article, limit: int) -> Failure:
    return _failure(article, PageError(
        "too-large", f"{len(article.text)} characters, more than the pipeline's {limit}"))


def _failure(article: Article, e: Exception) -> Failure:
    reason = e.reason if isinstance(e, PageError) else "analyse-error"
    detail = e.detail if isinstance(e, PageError) else f"{type(e).__name__}: {e}"
    return Failure(source=article.source, reason=reason, detail=detail[:2000],
                   source_id=article.source_id)

