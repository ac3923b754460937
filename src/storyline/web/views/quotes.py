"""A quote as the list pages show it (person, search, article, contradictions): who said
it, or why nobody is named, when, and where to read it; one line per statement.
"""

from __future__ import annotations

from collections.abc import Set

from ...analyze.quotes import cues
from ...analyze.quotes.speakers import SpeakerFrom
from ...corpus.timeline import NOT_IDENTIFIED, described_speaker, speaker_mark, speaker_words
from ...records import Quote
from ...text import clip
from .labels import (
    LABEL_CHARS,
    View,
    article_label,
    day_label,
    highlight_link,
    outlet_label,
    safe_url,
)
from .speech import said

# How a speaker the sentence does not name was found (Quote.speaker_from), as shown beside
# the name: the article's most likely person, not one the words state.
SPEAKER_BY_LABELS = {SpeakerFrom.PRONOUN.value: "identified from a pronoun",
                     SpeakerFrom.TITLE.value: "identified from a title",
                     SpeakerFrom.CONTINUED.value: "from the previous statement"}
# What each of those marks means, as its tooltip says it.
SPEAKER_BY_MEANINGS = {
    SpeakerFrom.PRONOUN.value: "The sentence does not name the speaker, only “he”, “she” or "
                               "“they”: this is the person the article most likely means.",
    SpeakerFrom.TITLE.value: "The sentence names the speaker only by a title or role (“the "
                             "minister”): this is the person the article most likely means.",
    SpeakerFrom.CONTINUED.value: "The sentence names no speaker: it continues the statement "
                                 "before it, whose speaker this is.",
}
# Why a quote has no speaker, in a reader's words (``unattributed_why``): the outlet that
# reports it, the words the article calls the speaker by, or neither.
UNNAMED_REPORTED = "{outlet} reports it without naming who said it"
UNNAMED_DESCRIBED = "the article calls the speaker “{mention}” and no name could be tied to it"
# A pronoun is left unnamed both when no one named before it fits and when two people do
# (quotes.speakers' rival_before): the reason holds in either case, it claims neither.
UNNAMED_PRONOUN = "its sentence says only “{mention}”, and the article does not make clear " \
                  "whom it means"
UNNAMED_NOBODY = "no one is named as saying it in or near its sentence"
# What "(not named)" beside a speaker the article only describes means, as its tooltip says.
DESCRIBED_MEANING = ("The article calls the speaker “{mention}” and names no one: the source "
                     "is the one it describes, not a person it names.")
# What "(not identified)" beside words that read as a name means.
UNIDENTIFIED_MEANING = ("The article calls the speaker “{mention}”, a name no person or "
                        "organisation it names could be tied to.")
_PRONOUNS = cues.PERSON_PRONOUNS | cues.GROUP_PRONOUNS


def described_view(mention: str | None, common: Set[str] = frozenset()) -> View | None:
    """A speaker with no entity as the timeline's row names it (``speaker_label``'s parts):
    its words, and "(not named)" or "(not identified)" with what that means as a tooltip."""
    if mention is None:
        return None
    mark = speaker_mark(mention, common)
    why = UNIDENTIFIED_MEANING if mark == NOT_IDENTIFIED else DESCRIBED_MEANING
    return {"id": None, "name": speaker_words(mention), "by": mark,
            "by_why": why.format(mention=mention), "described": True}


def quote_row(q: View, common: Set[str] = frozenset()) -> View:
    """A quote as pages list it: who, when, what, and where to read it."""
    return {
        "id": q["id"], "text": q["text"], "kind": q["kind"], "cue": q["cue"],
        "said": said(q, q.get("sentence")), "statement": q.get("statement"),
        "speaker": _list_speaker(q, common),
        "said_on": q["said_on"], "said_on_from": q["said_on_from"],
        "when": when_said(q["said_on"]),
        "article": {"id": q["article"], "title": q["article_title"], "outlet": q["outlet"],
                    "label": article_label(q["article_title"], q["article_lead"],
                                           q["article_source_id"]),
                    "source_id": q["article_source_id"],
                    "published": q["published"], "url": safe_url(q["url"])},
        "story": q["story"], "reported_by": q.get("reported_by"),
        "link": highlight_link(q["article"], (q["sent_start"], q["sent_end"]),
                               (q["start"], q["end"])),
    }


def _list_speaker(q: View, common: Set[str] = frozenset()) -> View:
    """Who said a listed quote: its person, else the speaker its article describes
    ("Police (not named)"), else nobody, with why in its tooltip. ``common``: words its
    texts write in lower case (``common_words``), no name when they open a sentence."""
    name = q["entity_name"] or q["speaker_name"]
    described = None if name or q.get("reported_by") else \
        described_view(described_speaker([q.get("speaker_mention")]), common)
    if described is not None:
        return described
    return {"id": q["speaker"], "name": name,
            "by": SPEAKER_BY_LABELS.get(q.get("speaker_from") or ""),
            "by_why": SPEAKER_BY_MEANINGS.get(q.get("speaker_from") or ""),
            "why": None if name else unattributed_why(q)}


def when_said(said_on: str | None) -> str:
    """When it was said, as the story's timeline dates it: a quote with no day of its own
    is "undated" here too, never its article's publication day (the reason is the quote's
    ``said_on_from``, shown beside it)."""
    return day_label(said_on) if said_on else "undated"


def unattributed_why(q: Quote | View) -> str:
    """Why a quote has no speaker: its reporting outlet, or how the article refers to the
    speaker ("The 56-year-old", "he") when no name could be tied to it, or nobody at all."""
    d: View = q if isinstance(q, dict) else q.to_dict()
    if d.get("reported_by"):
        return UNNAMED_REPORTED.format(outlet=d["reported_by"])
    mention = " ".join(str(d.get("speaker_mention") or "").split())
    if not mention:
        return UNNAMED_NOBODY
    if mention.casefold() in _PRONOUNS:
        return UNNAMED_PRONOUN.format(mention=mention)
    return UNNAMED_DESCRIBED.format(mention=clip(mention, LABEL_CHARS))


def by_statement(rows: list[View]) -> list[View]:
    """One line per statement: its first rendering listed, the others named under ``also``
    (each with its outlet and a link to its sentence)."""
    out: dict[str, View] = {}
    for r in rows:
        key = r["statement"] or r["id"]
        if key in out:
            out[key]["also"].append({"outlet": outlet_label(r["article"]["outlet"],
                                                            r["article"]["source_id"]),
                                     "link": r["link"]})
        else:
            out[key] = {**r, "also": []}
    return list(out.values())
