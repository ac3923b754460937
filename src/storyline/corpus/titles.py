"""A story's title: a headline-like line its articles share, or its lead article's.

``story_title`` reads the story's articles in order (oldest first) and picks, among their
headlines, the one whose words the most articles share (headline and lead); only when no
article has a usable headline does it take a lead's first sentence. A line that reads as
site furniture is never a title, by general features of such lines rather than by any
site's strings:

1. a photo caption or credit: a credit word ("Credit:", "Photo:", "©", "Getty Images",
   "Media caption"), a position note (", left,"), or two lines glued into one word where
   a lower-case run meets a capital ("…treatmentCredit: EPA", "Media captionWho is…");
2. a note about the site, not the news: trust notes, disclosures and policies
   (FURNITURE_PHRASES: "you can trust", "has been compensated", "affiliate", "cookies");
3. a spec or data box: two or more "Label:" fields ("Tested by: … RRP: … More info: …");
4. in a lead: a paragraph its article prints twice (a caption repeated under a photo), a
   paragraph that a credit line follows (the caption above "(Image: © …)"), and a date
   stamp.

A headline keeps its words: a section label glued on with a bar ("Business|…") and a
trailing site name after " | " are taken off, and a headline is never cut at its first
full stop ("Amnesty. More than 100 protesters killed…"). A lead is cut at its first
sentence end, never at an abbreviation's or an ordinal's full stop ("Gov.", "Am 12.") nor
after a first "sentence" too short to be one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..clean import published
from ..records import Article
from ..text import MONTH_ABBREVIATIONS, MONTH_NAMES, ends_with_abbreviation, tokens, trim_cut

__all__ = ["TITLE_CHARS", "TITLE_WORDS", "is_furniture", "shorten", "story_title"]

# Words in a title candidate: a headline longer than this is cut at a word boundary.
TITLE_WORDS = 12
# Characters in a title: a long headline line of a news page fits in about 90.
TITLE_CHARS = 90
# Words a lead's first sentence needs to end there: "Amnesty." or "Frain." alone is a
# label or a fragment, not a sentence; three words is the shortest headline-like clause
# ("Alibaba raises $12.9bn").
MIN_SENTENCE_WORDS = 3
# Where a lead's first sentence ends: a full stop, "!" or "?" before a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
# A day written as an ordinal ("am 13. September"): a number's full stop before a month
# name ends no sentence; before other words it does ("… à 17 h 10. Les pompiers …").
_ORDINAL = re.compile(r"\d{1,2}\.$")
_MONTHS = frozenset(MONTH_NAMES) | frozenset(MONTH_ABBREVIATIONS)
# A dateline before a lead ("HANOI, Vietnam (AP) — ", "CHICAGO (AP) -- ", "VIENNA — "): the
# place in capitals, its region, the agency, a dash. The title starts after it.
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]+(?:, [\w.’' ]+)?\s*(?:\([\w .&-]+\))?\s*(?:—|–|--?)\s+"
                       r"(?=\S)")
# The last code point of the scripts whose sentences open with a capital (Armenian ends
# the block of Latin, Greek and Cyrillic ones).
LAST_CASED_LETTER = "\u058f"
# What may open a line that is no headline's or lead's own start: a bullet or footnote mark,
# a bar or a stray full stop ("* Stock quotes delayed…", ". Un point c'est tout…").
_LEADING_MARKS = " |.*•·-"
# Photo captions and credits, in the words agencies and sites print under pictures.
_CREDIT = re.compile(
    r"\b(?:credits?|photo|photograph|image|picture|foto|bild)\s*:|©|\bgetty images\b|"
    r"\bmedia caption|\bimage caption|\(ap photo|\bfile photo\b|\b(?:ap|afp|epa|reuters) "
    r"file\b|\s/\s(?:ap|afp|epa|reuters|getty)\b|,\s(?:left|right|centre|center),\s|"
    r"\((?:left|right|centre|center)\)",
    re.IGNORECASE)
# Two lines glued into one word: five or more lower-case (Latin-1) letters run into a
# capitalised word ("treatmentCredit", "captionWho", "zprávyJanovická"). Brand names glue shorter runs ("YouTube",
# "PlayStation", "iPhone"), so they are not taken for a seam.
_GLUED = re.compile(r"[a-zß-öø-ÿ]{5}[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]")
# What a site says about itself, never news: trust notes, sponsorship and affiliate
# disclosures, comment, cookie and copyright notices, page furniture (English wording,
# matched in lower case as whole phrases).
FURNITURE_PHRASES = (
    "you can trust", "has been compensated", "sponsored by", "affiliate link",
    "affiliate commission", "we may earn", "all opinions are", "this post contains",
    "uses cookies", "use of cookies", "privacy policy", "terms of use", "terms of service",
    "all rights reserved", "best viewed with", "sign up for our newsletter",
    "subscribe to our newsletter", "was last edited on", "click here", "this site",
    "this website", "quotes delayed",
)
# A field label of a spec or data box ("Tested by:", "RRP:", "More info:"): a short
# capitalised label and a colon. Three in one line make a box, not a headline; one or two
# are the headline's own ("Coronavirus: Doctors threaten…", "IPL 2020 Live Score, CSK vs
# SRH: … TOSS: …").
_FIELD = re.compile(r"(?:^|\s)[A-Z][\w&.'-]*(?: [\w&.'-]+){0,2}:\s")
BOX_FIELDS = 3
# A credit with no verb, in any language of this shape: a short capitalised word, the
# outlet or writer, a comma, a short lower-case preposition, a place ("Do UOL, em São
# Paulo", "From Reuters, in London"; RDR2 A7: a story was titled by one). A headline
# says what happened and has a verb past such a frame.
_CREDIT_FRAME = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ]{0,3}\s+(?:[A-ZÀ-Þ0-9][\w.&'’-]*\s*){1,3},\s+"
                           r"[a-zß-ÿ]{1,3}\s+(?:[A-ZÀ-Þ][\w.'’-]*\s*){1,3}$")
# A short line that ends on a site's domain name ("Alte ştiri de Unica.md", "More from
# example.com"): a menu's link to the site, at most SITE_WORDS + 1 words and SITE_LINK_CHARS
# characters (a Japanese headline has no spaces and may end "... by馬市.com").
_SITE_LINK = re.compile(r"\b[A-Za-z][\w-]*\.(?:[a-z]{2,3})$")
SITE_LINK_CHARS = 40
# A section label glued on with a bar ("Business|Trump's trade war"): one or two words.
_SECTION = re.compile(r"^\w+(?: \w+)?\|(?=\S)")
# A site's name after the headline ("… July 15-24 | Malay Mail"): at most this many words
# after the last " | ", behind a headline of at least as many words again.
SITE_WORDS = 3
# A credit line under a picture: short, and a credit on its own.
CREDIT_LINE_WORDS = 8


def story_title(arts: Iterable[Article]) -> str | None:
    """The story's most central headline; a lead stands in only when no article has a
    usable headline. None when no article has a headline or a lead (the caller names
    the story otherwise).

    Long leads would win on shared words over short headlines, so headlines and leads are
    never mixed. The articles are read once, in order; only their headlines, leads and
    word counts are kept.
    """
    heads: list[str] = []
    leads: list[str] = []
    counts: Counter[str] = Counter()
    for a in arts:
        paragraphs = a.paragraphs
        head = headline(a.title)
        if head:
            heads.append(head)
        elif not heads and (lead := lead_line(paragraphs)):
            leads.append(lead)
        counts.update(set(tokens(" ".join([a.title or "", *paragraphs[:2]]))))
    if heads:
        return shorten(_central(heads, counts), headline=True)
    if leads:
        return shorten(_central(leads, counts))
    return None


def headline(title: str | None) -> str | None:
    """An article's headline as a story title: without a glued section label or a trailing
    site name; None when it is empty or reads as site furniture."""
    text = " ".join((title or "").split())
    text = _SECTION.sub("", text)
    if " | " in text:
        head, site = text.rsplit(" | ", 1)
        if len(site.split()) <= SITE_WORDS <= len(head.split()):
            text = head
    text = text.lstrip(_LEADING_MARKS).rstrip(" |")
    return text if text and not is_furniture(text) else None


def is_furniture(line: str) -> bool:
    """Whether a line reads as site furniture, not news: a caption or credit, a note about
    the site, or a spec box (see the module's docstring)."""
    low = line.casefold()
    return bool(_CREDIT.search(line) or _GLUED.search(line) or _CREDIT_FRAME.match(line)
                or (len(line.split()) <= SITE_WORDS + 1 and len(line) <= SITE_LINK_CHARS
                    and _SITE_LINK.search(line))
                or any(p in low for p in FURNITURE_PHRASES)
                or len(_FIELD.findall(line)) >= BOX_FIELDS)


def lead_line(paragraphs: Sequence[str]) -> str | None:
    """An article's lead: its first paragraph that is no date stamp, no furniture, no
    caption (printed twice, or with a credit line under it)."""
    flat = [" ".join(p.split()) for p in paragraphs]
    seen = Counter(flat)
    for i, p in enumerate(flat):
        if not p or p[0] in _LEADING_MARKS or _continues(p) or published.is_date_line(p) \
                or is_furniture(p):
            continue
        after = flat[i + 1] if i + 1 < len(flat) else ""
        if seen[p] > 1 or (after and len(after.split()) <= CREDIT_LINE_WORDS
                           and _CREDIT.search(after)):
            continue
        return _DATELINE.sub("", p)
    return None


def _continues(line: str) -> bool:
    """Whether a line opens in lower case (after any quote marks): the rest of a sentence
    cut by a line break ("\"as is\" basis and for …"), not a lead."""
    first = next((c for c in line if c.isalnum()), "")
    # Only scripts that write capitals (Latin, Greek, Cyrillic, Armenian): Georgian's
    # letters read as lower case and open every sentence.
    return first.islower() and first <= LAST_CASED_LETTER


def _central(heads: Sequence[str], counts: Counter[str]) -> str:
    """The candidate whose words the most articles share (headline and lead), shortest on ties."""
    return max(heads, key=lambda h: (sum(counts[w] for w in set(tokens(h))) / _size(h),
                                     -len(h)))


def _size(text: str) -> float:
    """A headline's weight in words: a long lead must not win by length alone."""
    return math.sqrt(max(1, len(set(tokens(text)))))


def shorten(text: str, headline: bool = False) -> str:
    """A headline-sized title, at most TITLE_WORDS words and TITLE_CHARS: a lead's first
    sentence; a headline whole (its full stops end no title)."""
    text = " ".join(text.split())
    first = text if headline else _first_sentence(text)
    ws = first.split(" ")
    short = " ".join(ws[:TITLE_WORDS])
    while len(short) > TITLE_CHARS and " " in short:
        short = short.rsplit(" ", 1)[0]
    return short if short in (text, first) else trim_cut(short) + "…"  # a whole sentence: no cut


def _first_sentence(text: str) -> str:
    """Up to the first sentence end that follows no abbreviation ("Gov."), no ordinal day
    ("13. September") and at least MIN_SENTENCE_WORDS words ("Am 12." is too short)."""
    for m in _SENTENCE_END.finditer(text):
        head = text[:m.start()]
        after = text[m.end():].split(" ", 1)[0].rstrip(".,").casefold()
        if len(head.split()) >= MIN_SENTENCE_WORDS and not ends_with_abbreviation(head) \
                and not (_ORDINAL.search(head) and after in _MONTHS):
            return head
    return text
