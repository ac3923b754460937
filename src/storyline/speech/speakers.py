"""A speaker phrase -> an article-local mention cluster (``Mention.key``).

Names resolve through the mentions that overlap the phrase; pronouns through the speakers
already seen; role descriptions through a ROLE mention or, failing that, the person the
article gives that title. Outlets are recognised so that "Bloomberg reported" yields a
source, never a speaker. When nothing fits the speaker stays unknown: no guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..language import lemma_of
from ..names import strip_marks
from ..records import Article, Mention
from .cues import GROUP_PRONOUNS, OUTLET_WORDS, PERSON_PRONOUNS, ROLE_NOUNS

# Preference among overlapping mentions: a name beats a role, a role beats an organisation.
LABEL_RANK: dict[str, int] = {"PERSON": 0, "TITLED": 1, "ROLE": 2, "ORG": 3, "NORP": 4, "GPE": 5}
# Mentions that describe a person ("the Dutch leader", "NATO Secretary General Mark Rutte")
# rather than name them: they resolve a speaker but never give the name.
DESCRIPTION_LABELS = frozenset({"ROLE", "TITLED"})
PERSON_LABELS = frozenset({"PERSON"}) | DESCRIPTION_LABELS
# spaCy entity labels that can speak, for the fallback used when no mentions are passed.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Honorifics and title words that open a name span but are no part of the name.
TITLE_WORDS = frozenset({"mr", "mrs", "ms", "dr", "sir", "u.s", "us", "prime", "vice"})
# How far before a name a title may stand and still be that person's ("NATO Secretary
# General Mark Rutte"): long enough for a three-word title, short of the previous clause.
TITLE_WINDOW_CHARS = 40


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement is attributed to; ``key`` None when the phrase resolves to no one."""

    mention: str
    key: str | None = None
    name: str | None = None
    outlet: bool = False


def fold(text: str) -> str:
    text = strip_marks(unicodedata.normalize("NFKD", text))
    return re.sub(r"[^\w ]+", " ", text).lower().strip()


def fallback_mentions(doc: Any, article: Article) -> list[Mention]:
    """Name mentions from spaCy's own entities, clustered by their last word (surname)."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in SPEAKER_LABELS:
            continue
        start, text = _untitled(ent.start_char, re.sub(r"(’s|'s)$", "", ent.text).strip())
        words = fold(text).split()
        if not words or "\n" in text:
            continue
        out.append(Mention(article.id, start, start + len(text), text, ent.label_,
                           f"~{words[-1]}"))
    return out


def _untitled(start: int, text: str) -> tuple[int, str]:
    # "President Volodymyr Zelensky" -> "Volodymyr Zelensky": titles are roles, not names.
    while True:
        first, _, rest = text.partition(" ")
        if not rest or first.lower().strip(".") not in ROLE_NOUNS | TITLE_WORDS:
            return start, text
        start, text = start + len(first) + 1, rest


class SpeakerIndex:
    """The article's mentions, arranged for speaker look-ups."""

    def __init__(self, mentions: Iterable[Mention], article: Article) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.article = article
        self.labels: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for m in self.mentions:
            self._note(m)

    def _note(self, m: Mention) -> None:
        if m.label == "PERSON" or m.key not in self.labels:
            self.labels[m.key] = m.label
        best = self.names.get(m.key)
        if m.label not in DESCRIPTION_LABELS and (best is None or len(m.text) > len(best)):
            self.names[m.key] = m.text

    def overlapping(self, start: int, end: int) -> list[Mention]:
        found = [m for m in self.mentions if m.start < end and m.end > start]
        return sorted(found, key=lambda m: (LABEL_RANK.get(m.label, 9), -(m.end - m.start)))

    def is_person(self, key: str | None) -> bool:
        return key is not None and self.labels.get(key) in PERSON_LABELS

    def name(self, key: str) -> str | None:
        return self.names.get(key)

    def last_person_before(self, pos: int) -> str | None:
        found = [m for m in self.mentions if m.end <= pos and self.is_person(m.key)]
        return found[-1].key if found else None

    def titled_person(self, title: str, before: int) -> str | None:
        """The person the article names right after ``title`` ("Secretary General Mark Rutte")."""
        text = self.article.text
        for m in self.mentions:
            if m.label != "PERSON":
                continue
            window = fold(text[max(0, m.start - TITLE_WINDOW_CHARS):m.start])
            if re.search(rf"\b{re.escape(title)}\b", window):
                return m.key
        return None


def is_outlet(phrase: str, article: Article) -> bool:
    """A news organisation's name: a masthead word, or the article's own outlet or wire."""
    words = set(fold(phrase).split())
    return bool(words & OUTLET_WORDS) or is_own_outlet(phrase, article)


def is_own_outlet(phrase: str, article: Article) -> bool:
    """The article's own outlet or wire ("Harbour Herald reports ..."): never a speaker,
    whatever label the model gave the name."""
    own = {fold(x) for x in (article.outlet, article.wire) if x}
    return bool(own) and fold(phrase) in own


def resolve(index: SpeakerIndex, head: Any, span: tuple[int, int],
            history: Sequence[str]) -> Speaker:
    """Resolve the phrase ``span`` (head token ``head``) given the speakers so far."""
    text = index.article.text[span[0]:span[1]]
    word = head.lower_
    if word in PERSON_PRONOUNS:
        return _pronoun(index, text, span[0], history, person=True)
    if word in GROUP_PRONOUNS:
        return _pronoun(index, text, span[0], history, person=False)
    found = _head_mentions(index, head) or index.overlapping(*span)
    found = [m for m in found if m.label == "PERSON" or _covers(m, head)]
    named = any(m.label == "PERSON" for m in found)
    if is_own_outlet(text, index.article) or (is_outlet(text, index.article) and not named):
        return Speaker(text, outlet=True)
    if found and (found[0].label not in DESCRIPTION_LABELS or found[0].key in index.names):
        key = found[0].key
        return Speaker(text, key, index.name(key) or found[0].text)
    if lemma_of(head).lower() in ROLE_NOUNS and head.doc[head.left_edge.i].lower_ == "the":
        return _role(index, head, text, span[0], history)
    return Speaker(text)


def _covers(m: Mention, token: Any) -> bool:
    return bool(m.start <= token.idx < m.end)


def _head_mentions(index: SpeakerIndex, head: Any) -> list[Mention]:
    # The head's own mention ("Rutte"), else an apposition's ("the CEO, Jane Doe").
    for tok in [head, *(c for c in head.children if c.dep_ == "appos")]:
        found = index.overlapping(tok.idx, tok.idx + len(tok.text))
        if found:
            return found
    return []


def _pronoun(index: SpeakerIndex, text: str, pos: int, history: Sequence[str],
             person: bool) -> Speaker:
    fits = [k for k in history if index.is_person(k) == person]
    key = fits[-1] if fits else (index.last_person_before(pos) if person else None)
    return Speaker(text, key, index.name(key) if key else None)


def _role(index: SpeakerIndex, head: Any, text: str, pos: int,
          history: Sequence[str]) -> Speaker:
    # "the NATO Secretary General": the person the article introduced with that title,
    # else the last person quoted (news copy varies the reference to its current speaker).
    title = fold(" ".join(t.text for t in head.subtree if t.i <= head.i and t.dep_ != "det"))
    key = index.titled_person(title, pos) if title else None
    if key is None:
        people = [k for k in history if index.is_person(k)]
        key = people[-1] if people else None
    return Speaker(text, key, index.name(key) if key else None)
