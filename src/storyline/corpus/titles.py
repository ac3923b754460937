"""A story's title: a headline-like line its articles share, or its lead article's.

``story_title`` reads the story's articles in order (oldest first) and picks, among their
headlines, the one whose words the most articles share (headline and lead); only when no
article has a usable headline does it take a lead's first sentence. A line that reads as
site furniture is never a title, by general features of such lines rather than by any
site's strings:

1. a photo caption or credit: a credit word ("Credit:", "Photo:", "©", "Getty Images",
   "Media caption"), a position note (", left,"), or two lines glued into one word where
   a lower-case run meets a caption or credit label ("…repairsCredit Tromsvik Post",
   "…harbourPhoto", "…unrestReuters Archive");
2. a note about the site, not the news: notes on its editorial standards, disclosures
   and policies (FURNITURE_PHRASES: "our editorial", "affiliate", "cookies"; "why you can
   trust" and the site's name; a line boilerplate reads as a site's disclaimer);
   some such words are also news ("Acme cuts 700 jobs, sponsored by ...", "Click here"
   as an app's name, a brand glued like "LinkedIn"), so these weak signs
   (WEAK_FURNITURE_PHRASES, any other glued seam, a domain name inside the line, a line of
   one word) make furniture only two together;
3. a spec or data box: two or more "Label:" fields ("Tested by: … RRP: … More info: …");
4. in a lead: a paragraph its article prints twice (a caption repeated under a photo), a
   paragraph that a credit line follows (the caption above "(Image: © …)"), and a date
   stamp.

A headline keeps its words: a section label glued on with a bar ("Business|…") and a
trailing site name after " | " are taken off, and a headline is never cut at its first
full stop ("Curfew. More than 40 ferries held in Tromsvik…"). A lead is cut at its first
sentence end, never at an abbreviation's or an ordinal's full stop ("Gov.", "Am 12.") nor
after a first "sentence" too short to be one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..clean import boilerplate, dateline, outlets, published
from ..records import Article
from ..text import MONTH_ABBREVIATIONS, MONTH_NAMES, ends_with_abbreviation, tokens, trim_cut

__all__ = ["TITLE_CHARS", "TITLE_WORDS", "is_furniture", "is_opinion", "shorten", "story_title"]

# Words in a title candidate: a headline longer than this is cut at a word boundary.
TITLE_WORDS = 12
# Characters in a title: a long headline line of a news page fits in about 90.
TITLE_CHARS = 90
# Words a lead's first sentence needs to end there: "Curfew." or "Frain." alone is a
# label or a fragment, not a sentence; three words is the shortest headline-like clause
# ("Alibaba raises $12.9bn").
MIN_SENTENCE_WORDS = 3
# Where a lead's first sentence ends: a full stop, "!" or "?" before a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
# A day written as an ordinal ("am 13. September"): a number's full stop before a month
# name ends no sentence; before other words it does ("… à 17 h 10. Les pompiers …").
_ORDINAL = re.compile(r"\d{1,2}\.$")
_MONTHS = frozenset(MONTH_NAMES) | frozenset(MONTH_ABBREVIATIONS)
# The last code point of the scripts whose sentences open with a capital (Armenian ends
# the block of Latin, Greek and Cyrillic ones).
LAST_CASED_LETTER = "\u058f"
# What may open a line that is no headline's or lead's own start: a bullet or footnote mark,
# a bar or a stray full stop ("* Stock quotes delayed…", ". Un point c'est tout…").
_LEADING_MARKS = " |.*•·-"
# Photo captions and credits, in the words agencies and sites print under pictures: a
# credit label anywhere in the line (the picture words are boilerplate's PICTURE_WORD, the
# module that owns what a credit is), a caption's label, a position note.
_CREDIT = re.compile(
    r"\b(?:credits?|" + boilerplate.PICTURE_WORD + r")\s*:|©|\bgetty images\b|"
    r"\bmedia caption|\bimage caption|\(ap photo|\bfile photo\b|\b(?:ap|afp|epa|reuters) "
    r"file\b|\s/\s(?:ap|afp|epa|reuters|getty)\b|,\s(?:left|right|centre|center),\s|"
    r"\((?:left|right|centre|center)\)",
    re.IGNORECASE)
# Two lines glued into one word: a lower-case (Latin-1) run of GLUED_RUN letters or more
# into a capitalised word ("treatmentCredit", "captionWho", "zprávyJanovická"). The run's
# length was read off brand names, which glue shorter runs ("iPhone" 1, "YouTube" 2,
# "PlayStation" and "WordPress" 3, "BlackRock" and "ExxonMobil" 4), not fitted to a set; but
# brands glue runs of five too ("LinkedIn", "MasterCard", "HarperCollins",
# "DaimlerChrysler"), so a seam is furniture on its own only before a caption or credit
# label or an agency's name (_GLUED_LABEL: the word a caption line starts with), and
# otherwise is one weak sign among those below.
GLUED_RUN = 5
_RUN = "[a-zß-öø-ÿ]{" + str(GLUED_RUN) + "}"
_GLUED = re.compile(_RUN + "[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]")
_GLUED_LABEL = re.compile(_RUN + r"(?:Credits?|Photo|Image|Picture|Media|Caption|Foto|Bild|"
                          r"Reuters|Getty)\b")
# What a site says about itself, never news: sponsorship and affiliate disclosures, cookie
# and copyright notices, sign-up prompts, notes on its editorial standards in the site's
# own voice ("Our editorial policy"), the site naming itself ("This site is best viewed
# with ...") (English wording, matched in lower case as whole phrases); and the lines
# boilerplate reads as a site's disclaimer (boilerplate.site_disclaimer: "Disclosure: ...",
# "... views expressed are their own"). A note on trust names the site, and nothing after
# it (_TRUST_NOTE: "Why you can trust Northway News", "... you can trust us").
FURNITURE_PHRASES = (
    "affiliate link", "affiliate commission", "we may earn", "all opinions are",
    "this post contains", "uses cookies", "all rights reserved", "sign up for our newsletter",
    "subscribe to our newsletter", "click here to", "click here for", "this site",
    "this website", "our editorial",
)
_TRUST_NOTE = re.compile(r"(?i:\byou\s+can\s+trust)\s+(?:(?i:us)\b|(?:[A-Z][\w.&'’-]*\s*){1,4}$)")
# ... and phrases a news headline may hold too ("Tromsvik regatta sponsored by Acme", "Why
# Acme changed its privacy policy", "Click here: the app that failed"): a weak sign, as is a
# glued seam (above, each one: "FacebookTwitterLinkedinEMail" has three), a domain name inside
# a line ("Novinky.czVaše", once: outlets.domain_names, a host-like token ending on a public
# suffix) or a line of one word ("ÖncekiSonraki"). The page naming itself and its edit
# stamp are weak signs too: "This page has argued ..." opens an editorial, "Revenue was
# last updated in May" is news; "This page was last edited on ..." bears both. Two weak
# signs make furniture ("Sponsored by Acme: click here"), one does not. "this site" and
# "click here to/for" stay strong signs: every line of the crawls holding them was read as
# a site's note or link (bench/NOTES.md). Editorial standards and trust are the news's
# subject too ("Journalists strike over threat to editorial independence", "BBC tightens
# editorial guidelines", "Why you can trust the new vaccine data": review R3): weak signs.
WEAK_FURNITURE_PHRASES = (
    "sponsored by", "click here", "use of cookies", "privacy policy", "terms of use",
    "terms of service", "courtesy of", "this page", "last edited", "last modified",
    "last updated", "you can trust", "editorial standards", "editorial policy",
    "editorial guidelines", "editorial independence",
)
WEAK_SIGNS = 2
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
SITE_LINK_CHARS = 40
# A section label glued on with a bar ("Business|Trump's trade war"): one or two words.
_SECTION = re.compile(r"^\w+(?: \w+)?\|(?=\S)")
# A site's name after the headline ("… July 15-24 | Malay Mail"): at most this many words
# after the last " | ", behind a headline of at least as many words again.
SITE_WORDS = 3
# The labels opinion pages print before a headline, in general English newspaper usage
# (the sections' own names: editorial, opinion, commentary, column, op-ed, viewpoint,
# letters to the editor, news analysis), followed by a colon, a bar or a dash: the piece
# argues a view, and a story is titled by a news report's headline where it has one
# (review RDR5 F10: a 25-article story titled by one editorial's headline).
_OPINION_LABEL = re.compile(
    r"(?i:(?:news\s+)?analysis|editorials?|opinions?|commentary|comment|columns?|op-?ed|"
    r"viewpoints?|point\s+of\s+view|letters?(?:\s+to\s+the\s+editor)?)\s*(?::|\||\s[-–—]\s)")
# What opens a lead that is no report's first line (``_aside``): a quotation mark, or in
# English a connective that answers an earlier sentence (general English discourse
# markers) or a broadcast's greeting, followed by a comma or a space.
_QUOTE_MARKS = frozenset("\"'`“‘„«")
_CONNECTIVE = re.compile(
    r"(?:for (?:his|her|their|its|our|my|your) part|meanwhile|similarly|likewise|also|but|"
    r"and|however|moreover|furthermore|in addition|nevertheless|nonetheless|incidentally|"
    r"instead|still|besides|good (?:evening|morning|afternoon|night)|hello|welcome back)"
    r"\b[,\s]", re.IGNORECASE)
# A credit line under a picture: short, and a credit on its own.
CREDIT_LINE_WORDS = 8


def story_title(arts: Iterable[Article]) -> str | None:
    """The story's most central headline; a lead stands in only when no article has a
    usable headline. None when no article has a headline or a lead (the caller names
    the story otherwise). A news report's headline is preferred to an opinion piece's
    (``is_opinion``: "EDITORIAL: ...", "Commentary: ..."): a story is titled by what
    happened, not by one outlet's view of it; a story of opinion pieces alone keeps theirs.

    Long leads would win on shared words over short headlines, so headlines and leads are
    never mixed. The articles are read once, in order; only their headlines, leads and
    word counts are kept.
    """
    heads: list[str] = []
    views: list[str] = []
    leads: list[str] = []
    counts: Counter[str] = Counter()
    for a in arts:
        paragraphs = a.paragraphs
        head = headline(a.title)
        if head:
            (views if is_opinion(a.title or "") else heads).append(head)
        elif not heads and not views and (lead := lead_line(paragraphs)):
            leads.append(lead)
        counts.update(set(tokens(" ".join([a.title or "", *paragraphs[:2]]))))
    if heads or views:
        return shorten(_central(heads or views, counts), headline=True)
    if leads:
        plain = [lead for lead in leads if not _aside(lead)]
        return shorten(_central(plain or leads, counts))
    return None


def _aside(lead: str) -> bool:
    """Whether a lead opens as no report's first line does: with a quotation (a feature's
    opening, whose sentence is someone's words), with a connective that answers an earlier
    sentence ("For his part, ...", "Meanwhile ..."; a transcript cut mid-text) or with a
    broadcast's greeting ("Good evening from ..."). Such a lead titles a story only when
    every lead does."""
    return lead.lstrip()[:1] in _QUOTE_MARKS or bool(_CONNECTIVE.match(lead.lstrip()))


def is_opinion(title: str) -> bool:
    """Whether a headline opens with an opinion page's label ("EDITORIAL: ...", "Opinion |
    ...", "Letters: ...", "COMMENTARY - ..."): a view of the news, not a report of it."""
    return bool(_OPINION_LABEL.match(" ".join(title.split()).lstrip(_LEADING_MARKS)))


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
    return bool(_CREDIT.search(line) or _GLUED_LABEL.search(line) or _CREDIT_FRAME.match(line)
                or _site_link(line)
                or any(p in low for p in FURNITURE_PHRASES) or boilerplate.site_disclaimer(line)
                or _TRUST_NOTE.search(line)
                or len(_FIELD.findall(line)) >= BOX_FIELDS
                or _weak_signs(line, low) >= WEAK_SIGNS)


def _weak_signs(line: str, low: str) -> int:
    """How many weak furniture signs a line bears: each weak phrase, each glued seam, a
    domain name, a line of one word."""
    return (sum(p in low for p in WEAK_FURNITURE_PHRASES) + len(_GLUED.findall(line))
            + bool(outlets.domain_names(line)) + (len(line.split()) == 1))


def _site_link(line: str) -> bool:
    """A short line that ends on a domain name: a menu's link to the site (SITE_LINK_CHARS)."""
    if len(line.split()) > SITE_WORDS + 1 or len(line) > SITE_LINK_CHARS:
        return False
    names = outlets.domain_names(line)
    return bool(names) and line.endswith(names[-1])


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
        return _after_dateline(p)
    return None


def _after_dateline(lead: str) -> str:
    """A lead without the dateline before it ("HANOI, Vietnam (AP) — ", "VIENNA — ", see
    ``clean.dateline``): the title starts after it. A colon after a place in capitals is a
    label's ("BREAKING: ..."), kept."""
    m = dateline(lead)
    if m is None or m.group("dash") == ":" or not lead[m.end():]:
        return lead
    return lead[m.end():]


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
