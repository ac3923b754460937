"""Candidate statements before attribution: quoted spans, dash attributions, reported speech.

A ``Draft`` holds the content span and, when the text names one, the cue verb and the
speaker phrase's head. Speakers and days are settled later, in reading order.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...records import Article
from ..model import lemma_of, text_of
from . import marks, parse
from .content import MIN_CONTENT_TOKENS, has_clause, is_deed
from .cues import CUE_VERBS, THOUGHT_VERBS

# Fragments this short with no cue of their own are scare quotes or titles, not speech.
MIN_UNCUED_WORDS = 4
# Up to this many words, a quoted run with every long word capitalised is a name
# ("Friends of the Harbour"), not a quotation.
MAX_TITLE_WORDS = 6
# A reported clause mostly inside quotation marks is already the direct quote.
MAX_QUOTED_SHARE = 0.6
# A subjectless cue is ranked as if this many characters further from its quote, so that
# "X stressed that '...', noting ..." credits "stressed".
BORROWED_SUBJECT_PENALTY = 40
# Punctuation of the reporting sentence that news style sets inside the closing mark.
SENTENCE_PUNCT = frozenset(",;:")
# What is left at the edge of reported content where a quotation was cut off from it.
CUT_PUNCT = frozenset(",.;:—–-")
# Dependents that give an attribution sentence content of its own ("She recalled the day
# ...", "He said that ..."): such a sentence is no bare "X recalled." after a quotation.
# "told reporters." names an addressee, not content.
BARE_ATTRIBUTION_EXCLUDED = frozenset({"dobj", "ccomp", "xcomp", "advcl", "conj", "attr",
                                       "dative"})
ADDRESSEE_CUES = frozenset({"tell"})
# Unquoted translated-news attribution at the end of a paragraph: "... - said Vell."
DASH_ATTRIBUTION = re.compile(
    r"^(?P<body>.{20,}?)\s+[-–—]\s+(?P<cue>[a-z]+)\s+(?P<who>[^.!?\n]{2,80}?)[.!?]?\s*$")


@dataclass(frozen=True, slots=True)
class Draft:
    kind: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    cue: Token | None = None  # the cue token, when the statement has one
    head: Token | None = None  # the speaker phrase's head token
    who: tuple[int, int] | None = None  # the speaker phrase's character span
    follows: bool = False  # a quote with no cue: it continues the previous statement
    fragment: bool = False  # a quoted run inside a sentence (not the whole sentence)
    # a deed or a plan ("agreed to lease ten tugboats", ``content.is_deed``): no statement, but its
    # subject is named like a speaker's, so it stays until speakers and days are settled
    # (later pronouns and neighbours read it) and a cue inside it stays inside it
    deed: bool = False


def direct_drafts(doc: Doc, article: Article, inverted: frozenset[int] = frozenset(),
                  candidates: tuple[list[int], list[int]] | None = None,
                  sentences: Sequence[Span] | None = None) -> list[Draft]:
    """Quoted runs and dash-attributed paragraphs, each with its nearest outside cue
    (``inverted``: subjects the parse labels otherwise, see ``find_quotes``; ``candidates``:
    ``parse.reporting_candidates(doc)``, ``sentences``: ``list(doc.sents)``, each read here
    when not given)."""
    spans = [s for s in marks.find_spans(article.text)
             if not _looks_like_title(article.text[s.start:s.end])
             and not _nickname(article.text, s)]
    dash = _dash_drafts(doc, article)
    taken = [(s.start, s.end) for s in spans] + [(d.start, d.end) for d in dash]
    if not spans:
        sentences = []
    elif sentences is None:
        sentences = list(doc.sents)  # spaCy walks the tokens on each doc.sents
    cues = (candidates or parse.reporting_candidates(doc))[1] if spans else []
    drafts = [_quoted_draft(sentences, cues, article.text, s, taken, inverted) for s in spans]
    return sorted([d for d in drafts if d is not None] + dash, key=lambda d: d.start)


# Words of a nickname set in marks inside a name.
MAX_NICKNAME_WORDS = 2


def _nickname(text: str, span: marks.Span) -> bool:
    """ 'Ola "Captain" Vell', 'Ana "Big Wave" Lund': one or two capitalised words in
    marks between a given name and a surname are a nickname, no quotation."""
    words = text[span.start:span.end].split()
    if not 0 < len(words) <= MAX_NICKNAME_WORDS or not all(w[:1].isupper() for w in words):
        return False
    start, end = marks.extent(text, span)
    before, after = text[:start].split()[-1:], text[end:].split()[:1]
    return (bool(before) and bool(after) and before[0][:1].isupper() and before[0].isalpha()
            and after[0][:1].isupper() and after[0].rstrip(".,;:").isalpha())


def _looks_like_title(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text)
    long_words = [w for w in words if len(w) > 3]
    return (0 < len(words) <= MAX_TITLE_WORDS and bool(long_words)
            and all(w[0].isupper() for w in long_words) and words[0][0].isupper())


def _quoted_draft(sentences: Sequence[Span], cues: Sequence[int], text: str,
                  span: marks.Span, taken: Sequence[tuple[int, int]],
                  inverted: frozenset[int]) -> Draft | None:
    """``cues``: indices of the tokens that may be cue verbs (``parse.reporting_candidates``);
    no other token of the sentences can be the quotation's cue."""
    sents = [s for s in sentences if s.start_char < span.end + 2 and s.end_char > span.start - 2
             and "\n" not in text[min(s.end_char, span.start):max(s.start_char, span.end)]]
    if not sents:
        return None
    tail = _bare_attribution(sentences, text, span)
    if tail is not None and tail.start_char >= sents[-1].end_char:
        sents.append(tail)
    sent_start, sent_end = _within_line(text, span.start, sents[0].start_char, sents[-1].end_char)
    doc = sents[0].doc
    # The parser hangs a paragraph break on the sentence before it, which then reaches the
    # next paragraph's opening mark: a cue of the quotation's own paragraph comes first.
    line_start = text.rfind("\n", 0, span.start) + 1
    found = [doc[i] for s in sents
             for i in cues[bisect.bisect_left(cues, s.start):bisect.bisect_left(cues, s.end)]]
    fragment = _is_fragment(text, span, sent_start, sent_end)
    if fragment:
        # a quoted phrase inside a sentence is the words of the verb it stands under only
        kept = [t for t in found if _reports_fragment(t, span)]
        ungoverned = len(kept) < len(found)
        found = kept
    else:
        ungoverned = False
    own = [t for t in found if t.idx >= line_start]
    cue = _nearest_cue(own, span, taken, inverted)
    if cue is None and len(own) < len(found):
        cue = _nearest_cue(found, span, taken, inverted)
    # A quotation nearer a verb of thought of its paragraph than any speech verb that
    # governs it ('believes that ... scream, "..."') is nobody's words, not even the
    # previous speaker's: no cue, and no continuation. "said she believed '...'" is said.
    belief = _nearest_cue(own, span, taken, inverted, thought=True)
    thought = belief is not None and (cue is None or (
        _distance(belief, span) < _distance(cue, span)
        and cue not in belief.ancestors))
    if thought:
        cue = None
    words = len(text[span.start:span.end].split())
    fronted = _fronted_cue(sents, span) if cue is None and not thought else None
    if cue is None and fragment and words < MIN_UNCUED_WORDS and fronted is None:
        return None
    # a phrase its sentence's speech verb does not report is nobody's continuation either
    thought = thought or (cue is None and ungoverned)
    head = _speaker_head(cue, inverted) if cue is not None else None
    who = parse.phrase_span(head) if head is not None else None
    if fronted is not None:
        cue, head = fronted
        # the phrase after the verb (the parse hangs the verb on it as a name's word)
        who = (doc[cue.i + 1].idx, head.idx + len(head.text))
    return Draft("direct", span.start, _spoken_end(text, span, fragment), sent_start, sent_end,
                 cue, head, who, follows=cue is None and not thought, fragment=fragment)


def _reports_fragment(cue: Token, span: marks.Span) -> bool:
    """Whether the speech verb ``cue`` reports the quoted phrase ``span`` inside its
    sentence. A phrase before its cue must stand under the verb in the parse (or under the
    clause a parenthetical "he said" interrupts), and be no framing before a verb that
    reports a clause after it. "Defence counsel had called the recording 'plainly unfair,'
    but the judge said ...", "in an 'initiative' designed to rally opinion, the leader
    announced that ...", "without once using the term 'strike,' he conceded that ...":
    the phrase is someone else's, or the writer's. A phrase before a cue that reports
    nothing after it ("a 'modest rise,' he said") is that speaker's."""
    if span.end > cue.idx:
        return True  # after its cue: the parse too often hangs it elsewhere to go by it
    inside = cue.doc.char_span(span.start, span.end, alignment_mode="expand")
    if inside is None or not len(inside):
        return True
    # a parenthetical or trailing attribution ("..., he said", "..., argued the council")
    # hangs on the clause it reports
    governor = cue.head if cue.dep_ in ("parataxis", "conj") else cue
    if not any(t.i == governor.i or governor in t.ancestors for t in inside):
        return False
    return not any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)


def _fronted_cue(sents: Sequence[Span], span: marks.Span) -> tuple[Token, Token] | None:
    """ 'Replied State Department spokesman Richard Boucher, "We haven't ...': a sentence
    that opens on a speech verb's past form, then the speaker's name and a comma right
    before the quotation (the tagger reads the capitalised verb as a name). The cue and
    the name's last word, or None where the words before the quotation are not so."""
    sent = next((s for s in sents if s.start_char <= span.start < s.end_char), None)
    if sent is None:
        return None
    before = [t for t in sent if t.idx < span.start]
    while before and before[-1].text != "," and not any(c.isalnum() for c in before[-1].text):
        before.pop()  # the opening marks
    if len(before) < FRONTED_MIN_TOKENS or before[-1].text != ",":
        return None
    verb, phrase = before[0], before[1:-1]
    if not (verb.is_title and verb.is_alpha and _past_cue(verb.lower_)):
        return None
    if not (phrase and phrase[-1].pos_ == "PROPN" and phrase[-1].is_title
            and all(t.pos_ in FRONTED_PHRASE_POS or t.text in ".'’" for t in phrase)):
        return None  # no verb nor clause between: the phrase is the speaker's name
    return verb, phrase[-1]


# Shortest fronted attribution: a verb, a name and a comma.
FRONTED_MIN_TOKENS = 3
# What the speaker's phrase after a fronted verb holds: names, titles and their qualifiers.
FRONTED_PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "ADP", "PART"})


def _past_cue(word: str) -> bool:
    """Whether a lower-case word is the past form of a speech verb ("replied", "added",
    "said", "countered"): only such a form opens a fronted attribution."""
    if word in FRONTED_IRREGULAR:
        return True
    if not word.endswith("ed"):
        return False
    stems = {word[:-1], word[:-2], word[:-3] + "y", word[:-3]}
    return bool(stems & CUE_VERBS) and not stems & THOUGHT_VERBS


# Irregular past forms of speech verbs that may open a fronted attribution ("Said Lee, ...").
FRONTED_IRREGULAR = frozenset({"said", "told", "wrote"})


def _bare_attribution(sentences: Sequence[Span], text: str, span: marks.Span) -> Span | None:
    """ '“..., like, ‘can I trust this?’” Vandermeer recalled.': a quotation that ends its
    sentence with nested marks leaves its attribution a sentence of its own, which starts
    after more marks than the two-character reach above. Such a sentence is the quotation's
    when only closing marks and spaces stand between them and it says nothing of its own:
    its root is a cue verb with a subject and no object or clause."""
    gap_end = span.end
    while gap_end < len(text) and (text[gap_end] in marks.CLOSING_MARKS
                                   or text[gap_end] in " \t"):
        gap_end += 1
    at = bisect.bisect_left(sentences, gap_end, key=lambda s: s.start_char)
    if at >= len(sentences) or sentences[at].start_char != gap_end:
        return None
    sent = sentences[at]
    root = sent.root
    if (lemma_of(root).lower() not in CUE_VERBS or root.pos_ != "VERB"
            or "\n" in text[sent.start_char:sent.end_char].rstrip()
            or not any(c.dep_ in ("nsubj",) for c in root.children)
            or any(c.dep_ in BARE_ATTRIBUTION_EXCLUDED
                   and not (c.dep_ in ("dobj", "dative")
                            and lemma_of(root).lower() in ADDRESSEE_CUES)
                   for c in root.children)):
        return None
    return sent


def _spoken_end(text: str, span: marks.Span, fragment: bool) -> int:
    """Where the speaker's words end: without the comma, semicolon or colon of the sentence
    that reports them ("“..., we will,” she said"), and a fragment without the reporting
    sentence's full stop (called it “irreversible.”). A whole quoted sentence keeps its own
    full stop; "!", "?" and an ellipsis are always the speaker's."""
    end = span.end
    while end > span.start + 1 and (text[end - 1] in SENTENCE_PUNCT or text[end - 1].isspace()):
        end -= 1
    last = text[span.start:end].split()[-1] if fragment and end > span.start else ""
    if last.endswith(".") and last.count(".") == 1 and len(last) > 1:
        end -= 1  # "U.S." and "..." stay whole
    return end


def _within_line(text: str, anchor: int, start: int, end: int) -> tuple[int, int]:
    # The parser may run a heading into the next paragraph's sentence; a statement's
    # sentence never crosses a paragraph break.
    line_start = text.rfind("\n", 0, anchor) + 1
    line_end = text.find("\n", anchor)
    return max(start, line_start), min(end, line_end if line_end != -1 else len(text))


def _is_fragment(text: str, span: marks.Span, sent_start: int, sent_end: int) -> bool:
    before = text[sent_start:span.start].strip(" \"“”„«»‘’'")
    first = text[span.start:span.start + 1]
    return bool(before) and not first.isupper() and not before.endswith((":", ","))


def _nearest_cue(tokens: Sequence[Token], span: marks.Span, taken: Sequence[tuple[int, int]],
                 inverted: frozenset[int], thought: bool = False) -> Token | None:
    """The nearest speech verb with a subject (``thought``: the nearest verb of thought)."""
    best, best_cost = None, float("inf")
    for tok in tokens:
        if (lemma_of(tok).lower() in THOUGHT_VERBS) != thought:
            continue
        head = _speaker_head(tok, inverted) if parse.is_cue(tok) else None
        if head is None or _inside(tok.idx, taken) or _inside(head.idx, taken):
            continue
        if not parse.names_a_holder(tok, head):
            continue  # "I expect a flurry of '...' comments": the writer's, nobody quoted
        cost = _distance(tok, span)
        if parse.own_subject(tok, inverted) is None:
            cost += BORROWED_SUBJECT_PENALTY
        if cost < best_cost:
            best, best_cost = tok, cost
    return best


def _distance(tok: Token, span: marks.Span) -> int:
    return min(abs(tok.idx - span.end), abs(span.start - tok.idx))


def _speaker_head(cue: Token, inverted: frozenset[int]) -> Token | None:
    return parse.subject_of(cue, inverted) or parse.inverted_subject(cue)


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _dash_drafts(doc: Doc, article: Article) -> list[Draft]:
    out = []
    for para in re.finditer(r"[^\n]+", article.text):
        m = DASH_ATTRIBUTION.match(para.group(0))
        if m is None or '"' in m.group("body")[:1] or "“" in m.group("body")[:1]:
            continue
        draft = _dash_draft(doc, para.start(), m)
        if draft is not None:
            out.append(draft)
    return out


def _dash_draft(doc: Doc, base: int, m: re.Match[str]) -> Draft | None:
    cue_span = doc.char_span(base + m.start("cue"), base + m.end("cue"))
    who_span = doc.char_span(base + m.start("who"), base + m.end("who"),
                             alignment_mode="expand")
    if cue_span is None or who_span is None or lemma_of(cue_span.root).lower() not in CUE_VERBS:
        return None
    body_start, body_end = base + m.start("body"), base + m.end("body")
    return Draft("direct", body_start, body_end, body_start, base + m.end(), cue_span.root,
                 who_span.root, (who_span.start_char, who_span.end_char))


def reported_drafts(doc: Doc, direct: Sequence[Draft], inverted: frozenset[int] = frozenset(),
                    candidates: tuple[list[int], list[int]] | None = None,
                    sentences: Sequence[Span] | None = None) -> list[Draft]:
    """Reported speech: cue verbs with a content clause, and "According to X, ..."
    (``candidates`` and ``sentences`` as for ``direct_drafts``)."""
    quoted = [(d.start, d.end) for d in direct]
    text = text_of(doc)
    marked = [marks.extent(text, s) for s in marks.find_spans(text)] \
        if marks.has_marks(text) else []
    found = [d for i in (candidates or parse.reporting_candidates(doc))[0]
             if (d := _reported(doc[i], quoted, marked, inverted)) is not None]
    if parse.may_name_source(text):
        found += [d for sent in (doc.sents if sentences is None else sentences)
                  if (d := _sourced(sent, quoted, marked)) is not None]
    return [d for d in found if not _elaboration(d, found, inverted)]


def balanced(text: str, content: tuple[int, int] | None, marked: Sequence[tuple[int, int]],
             cue: int) -> tuple[int, int] | None:
    """``content`` holding each quotation it reaches into whole, with both its marks, or
    not at all: never one mark of a pair ("„no vote is planned” between ...", where the
    clause's edge fell inside the marks). A quotation is cut off rather than taken whole
    when taking it would take the cue at ``cue`` too."""
    if content is None:
        return None
    start, end = content
    cut = False
    for q_start, q_end in marked:
        if q_end <= start or q_start >= end or (start <= q_start and q_end <= end):
            continue  # apart from the content, or inside it whole
        if not min(start, q_start) <= cue < max(end, q_end):
            start, end = min(start, q_start), max(end, q_end)
            continue
        cut = True
        if q_start < start:
            start = q_end
        else:
            end = q_start
    if not cut:
        return start, end
    while start < end and (text[start].isspace() or text[start] in CUT_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in CUT_PUNCT):
        end -= 1
    if len(text[start:end].split()) < MIN_CONTENT_TOKENS:
        return None
    return start, end


def _reported(tok: Token, quoted: Sequence[tuple[int, int]],
              marked: Sequence[tuple[int, int]], inverted: frozenset[int]) -> Draft | None:
    if not parse.is_reporting(tok) or _inside(tok.idx, quoted) or _headline(tok):
        return None
    # The speaker first: the content clause is the costlier walk, and no speaker, no draft.
    head = parse.subject_of(tok, inverted)
    if head is None or _inside(head.idx, quoted):
        return None  # a subject borrowed from quoted words is no speaker
    if not parse.names_a_holder(tok, head):
        return None  # "if you want to ...", "I expect ...": nobody's statement
    content = balanced(text_of(tok.doc), parse.content_clause(tok, inverted), marked, tok.idx)
    if content is None or _quoted_share(content, quoted) > MAX_QUOTED_SHARE:
        return None
    if content[0] < tok.idx and _quoted_share(content, quoted) > 0:
        return None  # "... it must be 'kept in reserve', Vell said": the quote reports it
    sent = tok.sent  # spaCy walks the parse on each ask
    sent_start, sent_end = _within_line(text_of(tok.doc), tok.idx, sent.start_char,
                                        sent.end_char)
    return Draft("indirect", content[0], content[1], sent_start, sent_end, tok, head,
                 parse.phrase_span(head), deed=is_deed(tok))


def _headline(tok: Token) -> bool:
    """Whether the cue stands on a headline line: Title Case ("Norway's Lund Says Arctic
    Nations Close In on Joint Cod Quota Deal": nearly every long word capitalised) and no
    final stop. A headline's words are a summary in headline grammar, no reported content
    to rewrite as a statement."""
    text = text_of(tok.doc)
    lo = text.rfind("\n", 0, tok.idx) + 1
    hi = text.find("\n", tok.idx)
    line = text[lo:hi if hi != -1 else len(text)].strip()
    if not line or line[-1] in HEADLINE_STOPS:
        return False
    long_words = [w for w in line.split() if len(w) > HEADLINE_MIN_CHARS and w[:1].isalpha()]
    return (len(long_words) >= HEADLINE_MIN_WORDS
            and sum(w[:1].isupper() for w in long_words) >= HEADLINE_SHARE * len(long_words))


# A headline line (the figures mentions.py reads headlines by): at least this many words
# longer than HEADLINE_MIN_CHARS letters, HEADLINE_SHARE of them capitalised, and none of
# the marks that end a sentence of running text at its end.
HEADLINE_MIN_WORDS = 4
HEADLINE_MIN_CHARS = 3
HEADLINE_SHARE = 0.8
HEADLINE_STOPS = frozenset('.!?:;,"”’»)')


def _sourced(sent: Span, quoted: Sequence[tuple[int, int]],
             marked: Sequence[tuple[int, int]]) -> Draft | None:
    found = parse.source_phrase(sent)
    if found is None or _inside(found[0].idx, quoted):
        return None
    cue, head, clause = found
    content = balanced(text_of(sent.doc), clause, marked, cue.idx)
    if content is None:
        return None
    if _quoted_share(content, quoted) > MAX_QUOTED_SHARE:
        return None
    sent_start, sent_end = _within_line(text_of(sent.doc), cue.idx, sent.start_char, sent.end_char)
    return Draft("indirect", content[0], content[1], sent_start, sent_end, cue, head,
                 parse.phrase_span(head))


def _quoted_share(content: tuple[int, int], quoted: Sequence[tuple[int, int]]) -> float:
    inside = sum(max(0, min(e, content[1]) - max(s, content[0])) for s, e in quoted)
    return inside / max(1, content[1] - content[0])


def _elaboration(draft: Draft, found: Sequence[Draft], inverted: frozenset[int]) -> bool:
    """A subjectless cue inside or hanging off another statement ("..., emphasizing that")."""
    cue = draft.cue
    if cue is not None and not has_clause(cue) and _within_other(draft, found):
        return True  # "said the yard expects to shed ...": the outer statement holds it
    if cue is None or parse.own_subject(cue, inverted) is not None:
        return False
    if any(d.start <= cue.idx < d.end for d in found if d is not draft):
        return True
    return bool(cue.tag_ == "VBG" and _cue_above(cue))


def _within_other(draft: Draft, found: Sequence[Draft]) -> bool:
    cue = draft.cue
    return cue is not None and any(d.start <= cue.idx < d.end for d in found if d is not draft)


def _cue_above(cue: Token) -> bool:
    head = cue.head
    for _ in range(parse.MAX_BORROW):
        if head.i == cue.i:
            return False
        if parse.is_cue(head):
            return True
        head = head.head
    return False
