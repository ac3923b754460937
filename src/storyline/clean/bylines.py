"""Lines about an article, not of it: credits, bylines, contact lines and date lines.

A text dump keeps the short lines a page prints around its headline and its pictures:
"Photo: Jane Roe, AP", "Jane Roe | Getty Images", "By Jane Roe and John Doe",
"Jane Roe jroe@example.org (555) 010-0199", "Monday, March 4, 2024, 10:05 am PT". They are
short and do not end a sentence, so they read like titles; none of them is one. The
patterns are shapes (a credit word and a name, an agency or a role after a name, an e-mail
address or a phone number, a line with nothing but a date) in the languages the date
patterns cover, not any site's strings.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from . import boilerplate, outlets, published

__all__ = ["LineKind", "about_article", "kind_of"]


class LineKind(StrEnum):
    CREDIT = "credit"  # "Photo: Jane Roe, AP", "Jane Roe | Getty Images", "(Credit: iStock)"
    BYLINE = "byline"  # "By Jane Roe", "Posted on May 2, 2020 by admin"
    CONTACT = "contact"  # a name with an e-mail address or a phone number
    DATE = "date"  # "Monday, March 4, 2024, 10:05 am PT", "Last modified on Mon 4 Mar 2024"


# What opens a picture or text credit, in the news languages of DATE_LANGUAGES: "Photo:",
# "Foto:", "Bild:", "Crédit :", "Текст:", "Фото:", "Illustration:", "Image courtesy of".
# The words for a picture are boilerplate's (PICTURE_WORD: that module owns what a
# picture's credit and caption are); here the words for a text's credit and source.
CREDIT_WORD = (
    r"(?:" + boilerplate.PICTURE_WORD + r"|credits?|text|words|courtesy|source|quelle|texte?|"
    r"crédits?|créditos?|crediti|fuente|fonte|testo|tekst|bron|źródło|текст|источник|автор|"
    r"author|autor|auteur)")
CREDIT = re.compile(r"^[(\[]?" + CREDIT_WORD + r"(?:\s+(?:by|credit|courtesy(?:\s+of)?|von|"
                    r"de|por|par|di))?\s*[:：|/]\s*(?P<who>.+?)[)\]]?$", re.I)
CREDIT_BY = re.compile(r"^[(\[]?" + CREDIT_WORD + r"\s+(?:by|courtesy(?:\s+of)?)\s+"
                       r"(?P<who>.+?)[)\]]?$", re.I)
# A caption that ends in its picture's credit ("... on the shore. (Credit: iStock)") is
# boilerplate.glued_credit. A caption's own shape: "In this Sunday, Nov. 10, 2019, photo,
# ..." (the wire agencies' caption style) and "... on Aug. 31, 2019. (AP)": a sentence,
# then its credit in brackets.
CAPTION_OPENING = re.compile(r"^In this\b.{0,60}?\b(?:file\s+)?(?:photo(?:graph)?|image|"
                             r"picture|video)\b", re.I)
CREDIT_AFTER_SENTENCE = re.compile(r"[.!?]\s*[(\[]([^()\[\]]{1,40})[)\]]$")
# The agencies and roles a picture or a story is credited to after a name ("Jane Roe, AP",
# "Jane Roe | Getty Images", "Jane Roe, AP Sports Writer", "Jane Roe, Staff Photographer").
# The news agencies are outlets.wire_agency_names() (data/outlets.tsv, the one list); here
# only what that table does not hold as a wire: the picture agencies (boilerplate's
# PICTURE_AGENCY), "PA" (left out of the table, where it would read Pennsylvania as an
# outlet), Sputnik (an outlet there, not a wire), and the roles.
OTHER_CREDITS = (boilerplate.PICTURE_AGENCY + r"|pa|sputnik|"
                 r"handout|file|staff|writer|photographer|correspondent|reporter|editor|"
                 r"contributor|columnist|journalist|special to|agencia|agência|agence|agentur|"
                 r"agenzia|агентство")
AGENCY = re.compile(
    r"\b(?:" + "|".join(re.escape(n) for n in sorted(outlets.wire_agency_names(),
                                                      key=lambda n: (-len(n), n)))
    + "|" + OTHER_CREDITS + r")\b", re.I)
# An author's degrees and licences after the name: "Jane Roe, MS, RDN", "Jane Roe, PhD".
CREDENTIALS = frozenset({"md", "phd", "ms", "msc", "ma", "mba", "mph", "rd", "rdn", "rn", "dds",
                         "cpa", "cfp", "jd", "esq", "lcsw", "dr", "prof"})
# "Jane Roe, Example.com": a site credited after a name.
DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)
# A name, then a separator, then an agency, a role or a site.
NAME_THEN = re.compile(r"^(?P<who>[^,|/·•]+?(?:\s*(?:,|\band\b|&)\s*[^,|/·•]+?)*)\s*"
                       r"(?:,|\||/|·|•|–|—)\s*(?P<tail>[^,|/·•–—]+)$")
NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
# The most words a credited tail ("AP Sports Writer", "Getty Images") or a credit's names
# may have: a name has two to four words, and "Jane Roe, John Doe and Ann Lee" about nine.
TAIL_WORDS = 4
NAME_WORDS = 9
# A credit's names without a separator, an agency or a date have at most this many words
# ("Photo: Jane A. Roe").
SHORT_CREDIT_WORDS = 3
# "By Jane Roe", "Posted on May 2, 2020 by admin", "Publicado por: Jane Roe", "Написано от".
# A bare "by" opens a byline only at the start of the line (after its date); "por", "par",
# "von" and "da" are prepositions of headlines too, and open one only after a posting verb.
BY_START = re.compile(r"^(?:(?:posted|written|published|updated|reported|story|words|text|"
                      r"edited|compiled)\s+)?by\s*:?\s+(?P<who>.+)$", re.I)
POSTED_BY = re.compile(
    r"\b(?:posted|written|published|publicad[oa]|publié|publiée|écrit|geschrieben|"
    r"veröffentlicht|publiziert|pubblicat[oa]|scritto|escrito|gepubliceerd|geplaatst|"
    r"geschreven|diposting|ditulis|diterbitkan|опубликовано|написано)\b(?:\s+\S+){0,6}?\s+"
    r"(?:by|por|par|von|da|di|door|oleh|от)\s*:?\s+\S", re.I)
# A posted-by line with more words than this is a sentence about someone's post.
POSTED_WORDS = 20
# Contact details: an e-mail address, or a phone number ("(555) 010-0199", "+44 20 7946
# 0000", "555.010.0199"). A line of a name and these is a byline's contact line.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)\s?|\d{2,4}[\s.-])"
                   r"\d{3}[\s.-]?\d{3,4}(?![\w.])")
# The most words a contact line has besides its address and number (a name, a title,
# "Email", "Phone", an outlet); more are a sentence that gives a number.
CONTACT_WORDS = 8
# Words a name list joins its names with, and the particles names carry.
CONNECTORS = frozenset({
    "and", "&", "und", "y", "e", "et", "og", "och", "i", "with", "de", "da", "del", "dos",
    "van", "von", "der", "den", "le", "la", "di", "du", "bin", "al", "ibn", "ter", "mc"})
# Words of a date line besides its dates: labels ("Published", "Updated", "Last modified"),
# the prepositions they take, times and zones ("10:05 am PT", "18.56 GMT"), and "ago".
DATE_WORDS = frozenset({
    "published", "updated", "posted", "last", "modified", "first", "on", "at", "am", "pm",
    "a", "p", "m", "le", "el", "il", "em", "en", "op", "um", "à", "publié", "publiée",
    "mis", "jour", "ligne", "publiziert", "aktualisiert", "veröffentlicht", "publicado",
    "publicada", "atualizado", "actualizado", "pubblicato", "aggiornato", "опубликовано",
    "обновлено", "ago", "an", "hour", "hours", "minute", "minutes", "min", "day", "days",
    "gmt", "utc", "bst", "cet", "cest", "msk", "ist", "jst", "aest", "h", "de", "del", "of",
    "st", "nd", "rd", "th", "uhr"})
# A US-style zone: ET, PT, EST, PDT, AKST ...
ZONE = re.compile(r"^[A-Z]{0,3}[SD]?T$")
TIME = re.compile(r"(?<![\d$€£¥.,+-])[0-2]?\d\s?[:.h]\s?[0-5]\d(?::[0-5]\d)?(?![\d%,.]\d|%)")
TOKEN = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
# Runs glued when a page's markup was dropped: "2019Get", "ESTUpdated", "AMUpdated".
GLUED = re.compile(r"(?<=[a-z\d])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=\d)(?=[^\W\d_])")
SEPARATORS = " \t,;:|/·•—–-@()[]／.'’"
SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*$")


def kind_of(line: str) -> LineKind | None:
    """What the line is when it is a credit, a byline, a contact line or only a date."""
    s = line.strip()
    if _caption(s):
        return LineKind.CREDIT
    if not s or len(s) > published.DATE_LINE_CHARS:
        return None
    if _credit(s):
        return LineKind.CREDIT
    if _contact(s):
        return LineKind.CONTACT
    undated = _undated(s)
    if undated is not None and not undated.strip(SEPARATORS):
        return LineKind.DATE
    if undated is not None and AGENCY.fullmatch(undated.strip(SEPARATORS)):
        return LineKind.BYLINE  # "Reuters November 18, 2019 11:03 PM"
    if _byline(s, undated if undated is not None else s):
        return LineKind.BYLINE
    return None


def about_article(line: str) -> bool:
    """The line says who made the article or its pictures, or when: never its title."""
    return kind_of(line) is not None


def _caption(s: str) -> bool:
    """A picture's caption with its credit: not a title either."""
    if boilerplate.glued_credit(s) or CAPTION_OPENING.match(s):
        return True
    bracket = CREDIT_AFTER_SENTENCE.search(s)
    return bool(bracket and AGENCY.fullmatch(bracket.group(1).strip()))


def _credit(s: str) -> bool:
    m = CREDIT.match(s) or CREDIT_BY.match(s)
    if m:
        undated = _undated(m.group("who"))
        who = m.group("who") if undated is None else undated
        # a name, or names with their agency or date: "Photo: Skippers Battle Storms" is
        # a title-case headline
        credited = len(who.split()) <= SHORT_CREDIT_WORDS or undated is not None or \
            bool(AGENCY.search(who) or re.search(r"[,|/·•]", who))
        return credited and _names(who, NAME_WORDS)
    m = NAME_THEN.match(s)
    if not m or any(c.isdigit() for c in m.group("who")) or not _names(m.group("who"),
                                                                        NAME_WORDS):
        return False
    tail = m.group("tail").strip()
    if DOMAIN.match(tail) or all(w.lower().strip(".") in CREDENTIALS for w in tail.split()):
        return True
    if _name_list(m.group("who")) and _names(tail, TAIL_WORDS):
        return True  # "Jane Roe, John Doe, Ann Lee | Harbour Gazette": authors and outlet
    return len(tail.split()) <= TAIL_WORDS and bool(AGENCY.search(tail)) and \
        _names(tail, TAIL_WORDS)


def _name_list(text: str) -> bool:
    """Two or more full names: "Jane Roe, John Doe and Ann Lee" (a title-case headline's
    parts are seldom all two to four words long)."""
    parts = [p for p in NAME_SPLIT.split(text.strip()) if p]
    return len(parts) >= 2 and all(2 <= len(p.split()) <= 4 for p in parts)


def _contact(s: str) -> bool:
    found = EMAIL.findall(s) + PHONE.findall(s)
    if not found or SENTENCE_END.search(s):
        return False
    rest = EMAIL.sub(" ", PHONE.sub(" ", s))
    return len(TOKEN.findall(rest)) <= CONTACT_WORDS


def _byline(s: str, undated: str) -> bool:
    opening = undated.strip(SEPARATORS)
    if SENTENCE_END.search(s):
        return False  # "This article was first published by ...": a sentence
    if POSTED_BY.match(opening) and len(s.split()) <= POSTED_WORDS:
        return True
    m = BY_START.match(opening)
    if not m:
        return False
    who = m.group("who").strip(SEPARATORS)
    words = who.split()
    if len(words) == 1 and not SENTENCE_END.search(who):
        return True  # a user name: "by admin"
    return _names(who, NAME_WORDS)


def _names(text: str, most: int) -> bool:
    """Names only: each word capitalised (or of a script without case) or a connector."""
    words = [w.strip(SEPARATORS) for w in GLUED.sub(" ", text).split()]
    words = [w for w in words if w]
    if not words or len(words) > most or SENTENCE_END.search(text.strip()):
        return False
    for w in words:
        if w.lower() in CONNECTORS or AGENCY.fullmatch(w) or w.isdigit():
            continue
        first = next((c for c in w if c.isalpha()), "")
        if not first or first.islower():
            return False
    return True


def _undated(s: str) -> str | None:
    """The line without its dates, times and date words; None when it has no date or time."""
    spans = published.full_dates(s)
    times = list(TIME.finditer(s))
    if not spans and not times and not _weekday_date(s):
        return None
    rest = s
    for start, end, _ in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    rest = TIME.sub(" ", rest)
    kept = []
    for tok in GLUED.sub(" ", rest).split():
        bare = tok.strip(SEPARATORS)
        parts = TOKEN.findall(bare)
        if not bare or all(_date_word(p) for p in parts):
            continue
        kept.append(tok)
    return " ".join(kept)


def _weekday_date(s: str) -> bool:
    """A weekday and a day number, or a month and a day number, with no full date."""
    toks = [t.lower() for t in TOKEN.findall(s)]
    return any(t in _weekdays() or t in published.month_names() for t in toks) and \
        any(t.isdigit() for t in toks)


def _date_word(tok: str) -> bool:
    low = tok.lower()
    return (low in DATE_WORDS or tok.isdigit() or bool(ZONE.match(tok)) or low in _weekdays()
            or low in published.month_names())


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    """Weekday names and abbreviations over DATE_LANGUAGES (three letters or more)."""
    from dateparser.languages import default_loader

    days = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
    for lang in published.DATE_LANGUAGES:
        try:
            info = default_loader.get_locale(lang).info
        except (KeyError, ValueError):
            continue
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                    "sunday"):
            for name in info.get(day, []):
                key = name.lower().rstrip(".")
                if len(key) >= published.MIN_MONTH_NAME and " " not in key:
                    days.add(key)
    return frozenset(days)
