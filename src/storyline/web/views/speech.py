"""How a quote reads on a page: a direct quote in marks, reported speech as "said
that ..." without them, a fragment inside its sentence.

Reported speech reads "Rutte said that ...": the article's own words from the cue to the
content when they say more than the verb ("expressed hope that", "said on Tuesday that"),
else the cue verb in the past tense ("hopes" -> "hoped", "saying" -> "said"), else "said"
("according to", "as per"). A hope or a wish is never shown as a plain "said".
"""

from __future__ import annotations

import re
from collections.abc import Set

from ...analyze.quotes import cues, cues_fr
from ...corpus.timeline import cue_base, past, reported
from ...records import Quote
from .labels import View, flat

# A quote's kind as every view labels it.
KIND_LABELS_QUOTE = {"direct": "direct quote", "indirect": "reported"}
# A direct quote of at most this many words, inside a longer sentence, is a fragment
# ("irreversible.", "get to this point,"): shown inside its sentence, never bare. Six words
# is the longest such fragment in the seeds' gold quotes plus one; a full quoted sentence
# is longer.
FRAGMENT_WORDS = 6
# A word character: the sentence's own words before a quote.
_WORD = re.compile(r"\w")
# What may stand between a sentence's words and the quote they lead into: space and marks.
_OPENING = " \t\n\"'“‘«„‹"
# The English cue verbs, their past forms and regular past come from corpus.timeline, which
# titles reported statements with them. Prepositions that attribute ("according to",
# "selon"): their row reads "said".
_SOURCE_WORDS = frozenset(first for first, _ in cues.SOURCE_PREPOSITIONS)
# The article's words between the cue and the content are shown when they are at most this
# many words ("expressed hope", "said on Tuesday", "urged Russia"): a verb phrase, not a
# clause of its own.
CUE_PHRASE_WORDS = 5
_NOT_IN_CUE_PHRASE = re.compile(r"[.;:,!?\"“”„«»()\[\]]")
# Verbs that need their object: alone ("..., she told") they read "said" ("told that" is
# not English); with it ("told police that") the article's own phrase is shown.
_NEED_OBJECT = frozenset({"told", "informed"})
# Cue verbs whose content is an object, not a "that" clause: the quote finder's directive,
# quoting and descriptive cues ("urged Russia to stop", "cited brain injury", "called for
# broader prevention", "described the talks as useful"). "Tell" and "warn" also report a
# clause ("warned that ..."; "told" alone reads "said").
_NO_THAT_CUES = (cues.DIRECTIVE_VERBS | cues.QUOTING_VERBS | cues.DESCRIPTIVE_CUES) \
    - {"tell", "warn"} - cues_fr.DESCRIPTIVE_CUES


def said(q: Quote | View, sentence: str | None = None,
         common: Set[str] = frozenset()) -> View:
    """How a quote reads: a direct quote in marks, reported speech as "said that ..."
    without marks, a fragment inside its sentence with the fragment marked. ``common``:
    words a capital at the start of reported words does not make a name (the story's
    ``common_words``)."""
    d: View = q if isinstance(q, dict) else q.to_dict()
    kind, text, cue = str(d["kind"]), " ".join(str(d["text"]).split()), d["cue"]
    out: View = {"kind": kind, "label": KIND_LABELS_QUOTE.get(kind, kind), "text": text,
                 "verb": None, "before": None, "after": None}
    if kind != "direct":
        verb, body = _reported(_cue_phrase(d, cue, sentence) or past_tense(cue), text, common)
        return {**out, "verb": verb, "text": body}
    sent_start = int(d["sent_start"])
    start, end = int(d["start"]) - sent_start, int(d["end"]) - sent_start
    # A fragment: few words that the sentence's own words lead into ('called the path
    # "irreversible."'), or any quote that starts in lower case after the sentence's own
    # words ('ensure that Ukraine "is protected by itself, ..."'): bare, it would not say
    # what it is about. A quote that opens its sentence ('"You need two to tango," he said')
    # or that a colon or comma introduces ('he said: "No."') is a whole quote.
    lead = sentence[:start].rstrip(_OPENING) if sentence and start >= 0 else ""
    whole = not _WORD.search(lead) or lead.endswith((":", ","))
    if sentence and 0 <= start < end <= len(sentence) and _WORD.search(lead) and \
            (text[:1].islower() or (len(text.split()) <= FRAGMENT_WORDS and not whole)):
        return {**out, "label": "quoted fragment", "before": flat(sentence[:start]),
                "text": flat(sentence[start:end]), "after": flat(sentence[end:])}
    return out


def _reported(verb: str, text: str, common: Set[str] = frozenset()) -> tuple[str, str]:
    """("said that", the content), or the verb alone before an object or an infinitive."""
    verb = "said" if verb in _NEED_OBJECT else verb
    text = " ".join(text.split())
    if verb.endswith(("'", "’")):  # an elided word ("dit qu'") joins what it leads into
        verb, _, elided = verb.rpartition(" ")
        return verb, elided + text
    base = cue_base(verb.split(" ", 1)[0])
    if base is None or base in _NO_THAT_CUES:  # another language's verb, or an object
        return verb, text
    return reported(verb, text, common)


def past_tense(cue: str | None) -> str:
    """The cue verb in the past tense ("says" -> "said", "hopes" -> "hoped", "urging" ->
    "urged"); "said" for a cue that is not one verb ("according to", "as per"); a cue that
    is no English cue verb ("déclaré", "dit") as the article has it."""
    c = (cue or "").strip().lower()
    first, _, rest = c.partition(" ")
    if not c or first in _SOURCE_WORDS or not any(ch.isalpha() for ch in first):
        return "said"
    base = cue_base(first)
    if base is None:
        return c
    return " ".join([past(first, base), *rest.split()])  # "points out" -> "pointed out"


def _cue_phrase(d: View, cue: str | None, sentence: str | None) -> str | None:
    """The sentence's words from the cue up to the reported content when they say more than
    the cue itself ("expressed hope", "said on Tuesday"), without a closing "that"."""
    if not cue or not sentence:
        return None
    lead = sentence[:max(0, int(d["start"]) - int(d["sent_start"]))]
    at = [m.start() for m in re.finditer(rf"\b{re.escape(cue)}\b", lead, re.IGNORECASE)]
    if not at:
        return None
    phrase = re.sub(r"\s+that$", "", " ".join(lead[at[-1]:].split()), flags=re.IGNORECASE)
    words = phrase.split()
    if len(words) < 2 or len(words) > CUE_PHRASE_WORDS or _NOT_IN_CUE_PHRASE.search(phrase):
        return None
    return " ".join([past_tense(words[0]), *words[1:]])
