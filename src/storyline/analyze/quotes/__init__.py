"""Direct quotations and reported speech -> ``Quote`` records with speaker and day.

The reading order of ``find_quotes`` is the data flow: find the statements, settle who made
each one (pronouns look back at earlier speakers), settle the day each was made, then
build the records. The pieces live in ``storyline.analyze.quotes``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ...records import Article, Mention, Quote, Timex, content_id
from ...text import fold
from .. import names
from ..model import lemma_of
from . import dates, marks, parse
from .cues import (
    AGENT_ENDINGS,
    AGENT_NOT_ENDINGS,
    DOCUMENT_NOUNS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
    SOURCE_PREPOSITIONS,
    SPEAKING_NOUNS,
    STANCE_VERBS,
    THOUGHT_VERBS,
)
from .drafts import Draft, direct_drafts, reported_drafts
from .speakers import (
    FEMALE_WORDS,
    MALE_WORDS,
    PRONOUN_GENDER,
    Speaker,
    SpeakerFrom,
    SpeakerIndex,
    fallback_mentions,
    is_name,
    resolve,
)

__all__ = ["find_quotes"]

# Mention labels of places (cities, countries, states): a speaker only by a verb of saying.
PLACE_LABELS = frozenset({"GPE"})
# Verbs of a stance or an appeal with an infinitive or a clause ("threatens to", "chose
# to", "urged ... to"): only someone can hold one (``_may_hold``). Not "tell", "think":
# their subject is near always someone ("her agent told the paper", "the suspect thought").
HOLDING_VERBS = STANCE_VERBS | frozenset({"urge", "ask", "call", "encourage"})
# Tags of plural common nouns: a plural subject of a stance is near always people
# ("fans expected", "the holdouts told", "the pirates decided").
PLURAL_NOUN_TAGS = frozenset({"NNS"})
# Parts of speech of a clause's head: a speaker phrase headed by one is no speaker.
CLAUSE_POS = frozenset({"VERB", "AUX"})
# The first words of the source prepositions ("according to", "citing"): a place may be one.
SOURCE_WORDS = frozenset(first for first, _ in SOURCE_PREPOSITIONS)


@dataclass(frozen=True, slots=True)
class Attributed:
    """A draft with its speaker settled (``speaker`` None: nobody could be named)."""

    draft: Draft
    speaker: Speaker | None
    reported_by: str | None = None
    said_on: str | None = None
    said_on_from: str | None = None


def find_quotes(doc: Doc, article: Article, mentions: Sequence[Mention],
                timexes: Sequence[Timex], inverted: frozenset[int] = frozenset()) -> list[Quote]:
    """Every quotation and reported statement in ``article`` (parsed as ``doc``).

    ``inverted``: indices of tokens that are their verb's subject though the parse labels
    them otherwise (French « ... », a déclaré X; ``analyze.inverted_subjects``)."""
    # 1. Statements: quoted runs and dash attributions first, reported speech outside them.
    candidates = parse.reporting_candidates(doc)  # the verbs that may report, read once
    sentences = list(doc.sents)  # so are the sentences: spaCy walks the tokens for each
    direct = direct_drafts(doc, article, inverted, candidates, sentences)
    drafts = sorted(direct + reported_drafts(doc, direct, inverted, candidates, sentences),
                    key=lambda d: d.start)
    # 2. Speakers, in reading order; outlets become sources, not speakers.
    index = SpeakerIndex(mentions or fallback_mentions(doc, article), article,
                         [(d.start, d.end) for d in drafts], inverted, doc)
    attributed = _attribute(drafts, index, article)
    # 3. The day each statement was made, and how that was decided.
    dated = _date_all(attributed, timexes or dates.fallback_timexes(article), article, sentences)
    # 4. Records, without repeats of the same words by the same speaker, and without deeds
    # and plans ("agreed to lease ten tugboats": read for speakers and days, no statement).
    return [_record(a, article) for a in _unique([a for a in dated if not a.draft.deed],
                                                  article)]


def _attribute(drafts: Sequence[Draft], index: SpeakerIndex,
               article: Article) -> list[Attributed]:
    out: list[Attributed] = []
    history: list[str] = []
    paragraphs = _paragraph_starts(article.text)
    for d in drafts:
        speaker: Speaker | None
        if (d.kind == "direct" and _cue_before_paragraph(d, paragraphs)
                and _words_after(article.text, d.end)
                and not _names_cue_subject(d, index, article.text, history)):
            # '“We roll it out,” enthused Fancher': the paragraph names its own speaker
            # (in words the parse did not read as a cue), not the paragraph before's cue
            d = replace(d, cue=None, head=None, who=None)
        if out and d.cue is not None and out[-1].draft.cue == d.cue:
            speaker = _same_cue_speaker(d, out, paragraphs, article.text)
        elif d.head is not None and d.who is not None and _after_unnamed(d, out, paragraphs,
                                                                          index):
            speaker = Speaker(article.text[d.who[0]:d.who[1]], by=SpeakerFrom.PRONOUN)
        elif d.head is not None and d.who is not None and d.head.pos_ in CLAUSE_POS:
            # "Tarnphone users, however, account for ... in Norland. Vell also noted that":
            # a verb the parse made the cue's subject is a clause, no one who speaks
            speaker = None
        elif d.head is not None and d.who is not None:
            speaker = resolve(index, d.head, d.who, history)
        else:
            speaker = _continued(d, out, paragraphs, article.text)
        if speaker is not None and speaker.outlet:
            continue
        if (speaker is not None and speaker.key is None and d.head is not None
                and not _may_hold(d, index)):
            if d.kind != "direct":
                continue  # "the violence threatens to undermine ...": no one's stance
            speaker = None  # words in quotation marks are someone's, not the noun's
        if speaker is not None and speaker.name is not None and not is_name(speaker.name):
            speaker = replace(speaker, key=None, name=None)  # unresolved, never a fragment
        if speaker is not None and not _place_may_speak(speaker, d, index):
            speaker = replace(speaker, key=None, name=None)
        if speaker is not None and speaker.key is not None:
            history.append(speaker.key)
        out.append(Attributed(d, speaker))
    out = [a for a in out if not _reported_within(a, out)]
    return _with_sources(_carried_back(out, paragraphs, article.text), drafts, index, article)


def _reported_within(a: Attributed, found: Sequence[Attributed]) -> bool:
    """ "..., the port authority decided the ferries should stay in harbour, its director
    Ana Vik told reporters": reported speech whose cue and speaker stand inside what
    another speaker reports is that speaker's words, one utterance. The decision (or "the
    mayor assured him the bridge would open") is what Vik told, no statement of the
    authority's. Only inside a statement kept (an outlet's report is no statement: "The
    Gazette reports that the mayor announced ..." keeps the mayor's), and not when each
    holds the other's cue (a parse that tangles two clauses). The same speaker's ("she
    said she expected ...") stays: one passage of one speaker is one statement already
    (``corpus.statements``), and its inner stance is a quote of its own to readers who
    count them (MEANTIME's annotators do). Nor does an unnamed speaker's report take a
    named speaker's statement ("... 7.3% reported ...", a parse that makes the agency's
    "says" part of what the figures reported)."""
    draft = a.draft
    cue, head = draft.cue, draft.head
    if draft.kind != "indirect" or cue is None or head is None:
        return False
    return any(o.draft.kind == "indirect" and o.draft.start <= cue.idx < o.draft.end
               and o.draft.start <= head.idx < o.draft.end
               and not (o.draft.cue is not None and draft.start <= o.draft.cue.idx < draft.end)
               and _key(o) != _key(a) and (_key(o) is not None or _key(a) is None)
               for o in found if o.draft is not draft)


def _may_hold(d: Draft, index: SpeakerIndex) -> bool:
    """Whether the speaker phrase of a stance or an instruction ("threatens to", "chose
    to", "urged ... to") can hold one: a name, a pronoun, a mention of the article's, or a
    common noun for a person, a group, an organisation or a document (``SPEAKING_NOUNS``,
    an agent's ending). "The violence threatens to undermine ...", "the key, choosing
    ...", "a rapid trajectory threatens to overwhelm ...": nobody's stance. A verb of
    saying keeps any subject ("the company said"): the parse's subject of a saying is
    rarely a thing."""
    head = d.head
    if (head is None or d.cue is None or head.pos_ != "NOUN" or head.tag_ in PLURAL_NOUN_TAGS
            or lemma_of(d.cue).lower() not in HOLDING_VERBS
            or index.overlapping(head.idx, head.idx + len(head.text))):
        return True
    if any(c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children)
           for c in head.children):
        return True  # "a pastor who sought to ...": "who" says a person
    # "Hundreds of Norlanders", "Vell's comments": whose or of whom the noun says
    owners = [g for c in head.children if c.dep_ == "poss" or (c.dep_ == "prep"
              and c.lower_ == "of") for g in (c, *c.children) if g.pos_ in ("PROPN", "NOUN")]
    if any(index.overlapping(g.idx, g.idx + len(g.text)) or _holder_noun(g) for g in owners):
        return True
    return _holder_noun(head)


def _holder_noun(tok: Token) -> bool:
    """A common noun for a person, a group, an organisation or a document."""
    word = lemma_of(tok).lower()
    return (word in SPEAKING_NOUNS or word in ROLE_NOUNS or word in DOCUMENT_NOUNS
            or word in names.ROLE_NOUNS
            or (word.endswith(AGENT_ENDINGS) and not word.endswith(AGENT_NOT_ENDINGS)))


def _place_may_speak(speaker: Speaker, d: Draft, index: SpeakerIndex) -> bool:
    """A city or a country speaks only through its government's statements: a verb of
    saying ("Seoul said", "Damascus announced") or a source preposition ("according to
    Kyiv"); what it expects, believes, aims at or decides ("Seoul expects ...", "Italy
    seeks to ...") is the writer's summary of a policy, no one's statement. A place's
    statement without a cue of its own (a continuation) keeps the speaker it continues."""
    if speaker.key is None or index.labels.get(speaker.key) not in PLACE_LABELS:
        return True
    if d.cue is None:
        return True
    lemma = lemma_of(d.cue).lower()
    if lemma in THOUGHT_VERBS:
        return False
    return parse.is_cue(d.cue) or d.cue.lower_ in SOURCE_WORDS


def _carried_back(found: list[Attributed], paragraphs: Sequence[int],
                  text: str) -> list[Attributed]:
    """ '"Most buildings are unsafe.<new paragraph>But all will have tents," Dalman said': a
    quotation left open at its paragraph's end and closed in the next is one speaker's,
    named after its close; its first part has no cue of its own (at most one the parse
    reaches from the paragraph before)."""
    out = list(found)
    carried: set[int] = set()
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        # only a speaker the close names is carried (on through the quotation's earlier
        # paragraphs): one found from a pronoun may be wrong, and would take them along
        if (not (a.draft.follows or _cue_before_paragraph(a.draft, paragraphs))
                or a.draft.kind != "direct" or b.draft.kind != "direct" or b.speaker is None
                or not (b.speaker.by == SpeakerFrom.NAMED or i + 1 in carried)
                or _paragraph(b.draft.start, paragraphs) != _paragraph(a.draft.start,
                                                                       paragraphs) + 1):
            continue
        after = text[a.draft.end:paragraphs[_paragraph(b.draft.start, paragraphs)]]
        before = text[paragraphs[_paragraph(b.draft.start, paragraphs)]:b.draft.start]
        if after.strip() or before.strip():
            continue  # closed in its own paragraph, or reopened in the next
        carried.add(i)
        out[i] = replace(a, speaker=replace(b.speaker, by=SpeakerFrom.CONTINUED),
                         draft=replace(a.draft, cue=None, head=None, who=None, follows=True))
    return out


def _cue_before_paragraph(d: Draft, paragraphs: Sequence[int]) -> bool:
    # the parser hangs a paragraph break on the sentence before it, whose cue may then
    # reach a quotation opening the next paragraph
    return d.cue is not None and d.cue.idx < paragraphs[_paragraph(d.start, paragraphs)]


def _after_unnamed(d: Draft, before: Sequence[Attributed], paragraphs: Sequence[int],
                   index: SpeakerIndex) -> bool:
    """ "Ola Vell, a professor, said ... “By talking up ..., Moss makes ...,” he said":
    a person pronoun right after a statement of its paragraph or the one before whose
    speaker the text names but nobody could resolve stands for that speaker, unnamed as
    well; never for a person named inside the quotation or further back. A person who is
    a clause's subject in between is the pronoun's antecedent as usual. So for a person
    described by a role noun that the pronoun fits ("An IBM spokeswoman said ...
    “...,” she said": not the man named three paragraphs before)."""
    if d.head is None or d.head.lower_ not in PERSON_PRONOUNS or not before:
        return False
    # a quotation's first paragraph, cueless, waits for its close's speaker: look past it
    skipped = next((i for i, a in enumerate(reversed(before))
                    if a.speaker is not None or not a.draft.follows), 0)
    prev = before[-1 - skipped]
    if (prev.speaker is None or prev.draft.head is None
            or not _unnamed_person(prev.draft.head, d.head.lower_)
            or prev.speaker.key is not None
            or not 0 <= (_paragraph(d.start, paragraphs)
                         - _paragraph(prev.draft.start, paragraphs)) <= 1 + skipped):
        return False
    subject = index.last_subject_before(d.head.idx, d.head.doc, d.head.lower_)
    return subject is None or subject[1] < prev.draft.sent_start


def _unnamed_person(head: Token, pronoun: str) -> bool:
    """Whether a statement's speaker head is a name (PROPN) or a singular role noun for one
    person ("spokeswoman", "a Ledger spokesman") that ``pronoun`` may stand for: no word of
    the other gender in the noun ("spokesman" is no "she")."""
    if head.pos_ == "PROPN":
        return True
    if head.tag_ != "NN" or lemma_of(head).lower() not in ROLE_NOUNS:
        return False
    other = FEMALE_WORDS if PRONOUN_GENDER.get(pronoun) == "m" else MALE_WORDS
    return head.lower_ not in other


def _paragraph_starts(text: str) -> list[int]:
    # Blank lines between paragraphs are no paragraphs: "the next paragraph" is the next
    # one with words.
    starts = [0]
    pos = text.find("\n", 0)
    while pos != -1:
        if text[pos + 1:pos + 2] not in ("\n", ""):
            starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _paragraph(pos: int, starts: Sequence[int]) -> int:
    return bisect.bisect_right(starts, pos) - 1


def _continued(d: Draft, before: Sequence[Attributed], paragraphs: Sequence[int],
               text: str) -> Speaker | None:
    """A cueless quote speaks for whoever spoke just before in its paragraph, or for the
    previous paragraph's quoted speaker when the quote is its whole paragraph and
    ``_goes_on``."""
    if not d.follows or not before:
        return None
    prev = before[-1]
    here, there = _paragraph(d.start, paragraphs), _paragraph(prev.draft.start, paragraphs)
    whole = (not text[paragraphs[here]:d.start].strip(" \"“”„«»‘’'")
             and not _words_after(text, d.end))
    if prev.speaker is not None and (here == there or (
            whole and prev.draft.kind == "direct"
            and _goes_on(before, here, paragraphs, text))):
        # a speaker found by pronoun or title stays marked so: that is the weaker link
        named = prev.speaker.by == SpeakerFrom.NAMED
        return replace(prev.speaker, by=SpeakerFrom.CONTINUED) if named else prev.speaker
    return None


def _same_cue_speaker(d: Draft, before: Sequence[Attributed], paragraphs: Sequence[int],
                      text: str) -> Speaker | None:
    """One cue, one speaker ("“...,” he said. “...”"); a named speaker reaches a paragraph
    after the cue's only as a continuation (``_goes_on``), marked so. A pronoun's keeps
    the parse's reading: "“...,” he said.<new paragraph>“...”" is mostly right (8 of 10 on
    the bench texts), dropping it would lose more than it saves."""
    prev = before[-1].speaker
    here = _paragraph(d.start, paragraphs)
    if (prev is None or prev.by not in (SpeakerFrom.NAMED, SpeakerFrom.CONTINUED)
            or here == _paragraph(before[-1].draft.start, paragraphs)):
        return prev
    if not _goes_on(before, here, paragraphs, text):
        return None
    return replace(prev, by=SpeakerFrom.CONTINUED)


def _goes_on(before: Sequence[Attributed], here: int, paragraphs: Sequence[int],
             text: str) -> bool:
    """Whether the speaker of the statement just before goes on into the next paragraph,
    ``here``: in a quotation left open at its paragraph's end (the same quotation), or,
    for a new quotation, when that paragraph names them (not a pronoun's guess, nor a
    speaker carried on from further back)."""
    prev = before[-1]
    there = _paragraph(prev.draft.start, paragraphs)
    return (prev.speaker is not None and here == there + 1
            and (not text[prev.draft.end:paragraphs[here]].strip()
                 or _named_in(prev.speaker, before, there, paragraphs)))


def _named_in(speaker: Speaker, before: Sequence[Attributed], paragraph: int,
              paragraphs: Sequence[int]) -> bool:
    """Whether a statement of ``paragraph`` names ``speaker`` (by a cue's subject)."""
    for a in reversed(before):
        if _paragraph(a.draft.start, paragraphs) < paragraph:
            return False
        if (a.speaker is not None and a.speaker.by == SpeakerFrom.NAMED
                and (a.speaker.key == speaker.key if speaker.key is not None
                     else a.speaker.key is None and a.speaker.mention == speaker.mention)):
            return True
    return False


def _words_after(text: str, end: int) -> bool:
    """Whether words follow a quotation before the next one or its paragraph's end ('"...,"
    says Early.'): an attribution the parse missed, so no continuation of the last."""
    start, stop = _tail(text, end)
    return any(c.isalpha() for c in text[start:stop])


def _tail(text: str, end: int) -> tuple[int, int]:
    """Where the words after a quotation run: to the next opening mark or its paragraph's
    end."""
    stop = text.find("\n", end)
    tail = text[end:stop if stop != -1 else len(text)]
    opener = next((i for i, c in enumerate(tail[1:], 1) if c in marks.OPENING_MARKS
                   and tail[i - 1].isspace()), len(tail))
    return end, end + opener


def _names_cue_subject(d: Draft, index: SpeakerIndex, text: str,
                       history: Sequence[str]) -> bool:
    """Whether the words after a quotation name the person the cue's subject stands for
    ('"...," Const. Lund said.' under the paragraph before's "Const. Lund said"): the
    paragraph's own attribution and the cue then agree on who spoke."""
    if d.head is None or d.who is None:
        return False
    key = resolve(index, d.head, d.who, history).key
    if key is None:
        return False
    start, stop = _tail(text, d.end)
    if any(m.key == key or index.named(m) == key for m in index.overlapping(start, stop)):
        return True
    # a surname the model labelled no one there: the article's one person of that name
    span = d.head.doc.char_span(start, stop, alignment_mode="contract")
    return span is not None and any(t.pos_ == "PROPN" and index.by_surname(t.text) == key
                                    for t in span)


def _with_sources(found: list[Attributed], drafts: Sequence[Draft], index: SpeakerIndex,
                  article: Article) -> list[Attributed]:
    # "..., TNA reports" / "according to Tarn Ledger": the outlet is where the article
    # got the statement from; it is kept as ``reported_by`` on statements in that sentence.
    outlets: dict[int, str] = {}
    for d in drafts:
        # a pronoun is never an outlet (``resolve`` looks for its person or group)
        if (d.head is not None and d.who is not None
                and d.head.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS):
            s = resolve(index, d.head, d.who, [])
            if s.outlet:
                outlets[d.sent_start] = s.mention
    return [replace(a, reported_by=outlets.get(a.draft.sent_start)) for a in found]


def _date_all(found: Sequence[Attributed], timexes: Sequence[Timex],
              article: Article, sentences: Sequence[Span]) -> list[Attributed]:
    own = [_own(a, timexes, article) for a in found]
    out = []
    for i, a in enumerate(found):
        day, how = own[i]
        if day is None and how is None:
            day, how = _borrowed(i, found, own)
        if day is None and how is None and a.draft.cue is not None:
            day = dates.same_day(a.draft.cue, article)
            how = dates.SaidOnFrom.PRESENT_TENSE if day else None
        if day is None and how is None and a.draft.cue is not None:
            day = dates.lead_day(a.draft.cue, article, sentences)
            how = dates.SaidOnFrom.LEAD if day else None
        out.append(replace(a, said_on=day,
                           said_on_from=how or _why_undated(a, article, timexes)))
    return out


def _why_undated(a: Attributed, article: Article, timexes: Sequence[Timex]) -> str:
    d, text = a.draft, article.text
    inside = [t for t in timexes if d.sent_start <= t.start < d.sent_end]
    return dates.why_undated(article, text[d.sent_start:d.start] + " " + text[d.end:d.sent_end],
                             inside)


def _own(a: Attributed, timexes: Sequence[Timex],
         article: Article) -> tuple[str | None, str | None]:
    if a.draft.cue is None:
        return None, None
    return dates.own_date(a.draft.cue, timexes, (a.draft.start, a.draft.end), article)


def _borrowed(i: int, found: Sequence[Attributed],
              own: Sequence[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """The day of the run of consecutive statements by the same speaker around ``i``."""
    key = _key(found[i])
    if key is None:
        return None, None
    lo = i
    while lo > 0 and _key(found[lo - 1]) == key:
        lo -= 1
    hi = i
    while hi + 1 < len(found) and _key(found[hi + 1]) == key:
        hi += 1
    for j in list(range(i - 1, lo - 1, -1)) + list(range(i + 1, hi + 1)):
        if own[j][0] is not None:
            return own[j][0], dates.SaidOnFrom.NEIGHBOUR
    return None, None


def _key(a: Attributed) -> str | None:
    return a.speaker.key if a.speaker is not None else None


def _unique(found: Sequence[Attributed], article: Article) -> list[Attributed]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for a in found:
        mark = (fold(article.text[a.draft.start:a.draft.end]), _key(a))
        if mark in seen:
            continue
        seen.add(mark)
        out.append(a)
    return out


def _record(a: Attributed, article: Article) -> Quote:
    d, s = a.draft, a.speaker
    return Quote(
        id=content_id(article.id, str(d.start), str(d.end), d.kind), article=article.id,
        text=_text(d, article), kind=d.kind, start=d.start, end=d.end,
        sent_start=d.sent_start, sent_end=d.sent_end,
        speaker_name=s.name if s else None, speaker_mention=s.mention if s else None,
        speaker_key=s.key if s else None,
        cue=parse.cue_phrase(d.cue) if d.cue is not None else None,
        said_on=a.said_on, said_on_from=a.said_on_from, reported_by=a.reported_by,
        speaker_from=s.by.value if s and (s.key or s.name) else None)


def _text(d: Draft, article: Article) -> str:
    """The statement's words. Reported speech is never shown inside quotation marks: a
    quoted part at its edge loses its marks ("„no vote is planned” between the
    ministers" reads "no vote is planned between the ministers"), so the text may be
    shorter than its span ``start``..``end``; a direct quote is its span exactly."""
    words = article.text[d.start:d.end]
    return marks.without_edge_marks(words) if d.kind == "indirect" else words
