"""The per-article language stage: one spaCy Doc in, one ``Analysis`` out.

Each step is a plain function over the Doc and the Article, in the order a reader would
follow them: sentences, names, time expressions, who said what, what happened.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Analysis, Article, Sentence
from . import events, mentions, model, quotes, timexes, timexes_fr

# Languages whose event lexicons (event_kinds) exist: in any other language the English
# trigger words would match only by accident, so no events are read there.
EVENT_LANGUAGES = frozenset({"en"})


def analyze_doc(doc: Doc, article: Article) -> Analysis:
    """Read ``doc`` (parsed by a pipeline for the article's language, ``doc.lang_``)."""
    lang = str(doc.lang_)
    model.known_text(doc, article.text)  # the Doc was parsed from it
    mentions.relabel(doc)
    inverted = inverted_subjects(doc) if lang == "fr" and has_parse(doc) else frozenset()
    sentences = tuple(Sentence(article.id, s.start_char, s.end_char) for s in doc.sents)
    found_mentions = tuple(mentions.find_mentions(doc, article))
    found_timexes = tuple(timexes_fr.find_timexes(doc, article) if lang == "fr"
                          else timexes.find_timexes(doc, article))
    # Speech and events are read off the dependency parse. A pipeline without a parser
    # finds none rather than walking an absent tree (spaCy can crash walking
    # Token.children on unparsed docs).
    parsed = has_parse(doc)
    found_quotes = tuple(quotes.find_quotes(doc, article, found_mentions, found_timexes,
                                            inverted=inverted)) if parsed else ()
    found_events = tuple(events.find_event_mentions(doc, article, found_mentions, found_timexes)) \
        if parsed and lang in EVENT_LANGUAGES else ()
    return Analysis(article=article.id, sentences=sentences, mentions=found_mentions,
                    quotes=found_quotes, timexes=found_timexes, event_mentions=found_events,
                    language=article.language or lang)


def not_analysed(article: Article, language: str, reason: str) -> Analysis:
    """The record of an article no pipeline read: kept, its language and why said."""
    return Analysis(article=article.id, language=language, not_analysed=reason)


# Dependency labels the French pipeline gives a name or pronoun placed after its verb.
_INVERTED = frozenset({"obj", "nsubj:pass"})


def inverted_subjects(doc: Doc) -> frozenset[int]:
    """The token indices of the subjects French places after a speech verb.

    What: in the clause that attributes a quotation (« ... », a déclaré Claire Dubois) the
    subject follows the verb, and the French pipeline labels it the verb's object (``obj``
    or ``nsubj:pass``). A speech verb with no subject of its own, whose clause opens right
    after a closing quotation mark or comma, has its first such object on its right read
    as its subject (only a noun, proper noun or pronoun).

    Why a set and not a new label: the readers of a cue's subject (``quotes.parse``'s
    subject look-ups, ``quotes.content``'s interrupted clause,
    ``SpeakerIndex.last_subject_before``) take a token in this set as a subject beside the
    ``nsubj`` ones, so French attribution needs no French branch and the Doc keeps its
    parse as the model gave it."""
    from .quotes.cues import CUE_VERBS

    found: set[int] = set()
    for tok in doc:
        if tok.pos_ != "VERB" or model.lemma_of(tok).lower() not in CUE_VERBS:
            continue
        if any(c.dep_.startswith("nsubj") for c in tok.children):
            continue
        start = min(c.i for c in tok.children if c.dep_.startswith("aux")) \
            if any(c.dep_.startswith("aux") for c in tok.children) else tok.i
        if start == 0 or doc[start - 1].text not in _INCISE_BEFORE:
            continue
        obj = next((c for c in tok.rights if c.dep_ in _INVERTED), None)
        if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
            found.add(obj.i)
    return frozenset(found)


# What ends the quotation an incise follows: a comma or the closing mark itself.
_INCISE_BEFORE = frozenset({",", "»", "”", '"', "!", "?"})


def has_parse(doc: Doc) -> bool:
    return bool(doc.has_annotation("DEP"))
