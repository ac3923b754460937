"""The per-article language stage: one spaCy Doc in, one ``Analysis`` out.

Each step is a plain function over the Doc and the Article, in the order a reader would
follow them: sentences, names, time expressions, who said what, what happened.
"""

from __future__ import annotations

from typing import Any

from . import entities, events, quotes, timexes
from .records import Analysis, Article, Sentence


def analyze_doc(doc: Any, article: Article) -> Analysis:
    sentences = tuple(Sentence(article.id, s.start_char, s.end_char) for s in doc.sents)
    mentions = tuple(entities.find_mentions(doc, article))
    found_timexes = tuple(timexes.find_timexes(doc, article))
    # Speech and events are read off the dependency parse. A pipeline without a parser
    # finds none rather than walking an absent tree (spaCy can crash walking
    # Token.children on unparsed docs).
    parsed = has_parse(doc)
    found_quotes = tuple(quotes.find_quotes(doc, article, mentions, found_timexes)) \
        if parsed else ()
    found_events = tuple(events.find_event_mentions(doc, article, mentions, found_timexes)) \
        if parsed else ()
    return Analysis(article=article.id, sentences=sentences, mentions=mentions,
                    quotes=found_quotes, timexes=found_timexes, event_mentions=found_events)


def has_parse(doc: Any) -> bool:
    return bool(doc.has_annotation("DEP"))
