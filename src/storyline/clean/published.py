"""The publication date of an article: the page's own date, or none.

A page states its own date in a few places: the container's header, the HTML metadata
(htmldate, upstream), a dateline ("Brussels, December 2 (European Press) –"), a date line
or time stamp next to the headline ("Published 12 March 2021", "12.03.2021 14:35",
"March 12, 2021 | Updated ..."), or the URL path. Only those are ``published``. A date
without a year takes its year from the page itself (a weekday the text gives for that
day), never from the clock. When the page states none, ``published`` is None and
``published_from`` says so; the latest date the text mentions is kept apart as an
estimate, which is never shown or used as the publication date.

Month names in many languages come from dateparser's locale data (a dependency of
htmldate), so date lines in German, Spanish, Russian, Arabic, ... read like English ones;
digits of other scripts read as ASCII ones, and a Solar Hijri date (Iran, Afghanistan) as
its Gregorian day. A two-digit year is read only after a publication label, and only when
the page gives no full date of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

from ..text import MONTH_NAMES, WEEKDAY_NAMES, WEEKDAY_NUMBERS, calendar_day

__all__ = ["DateSource", "Estimate", "OwnDate", "date_from_text", "declared_days",
           "declared_times", "english", "estimate", "from_dateline", "full_dates", "is_date_line",
           "jalali_day", "labelled_date", "latest_day", "line_date", "nowruz", "own_date",
           "page_date", "page_date_or_why", "revision_page", "short_year_date", "stamp_date"]


class DateSource(StrEnum):
    """How ``published`` was found; NONE when the page states no date of its own."""

    HEADER = "header"
    HTML_META = "html-meta"
    # a date htmldate read in an element's text (a byline, a "date" class), which the page
    # neither declares by name in its metadata nor has in its URL
    HTML_ELEMENT = "html-element"
    DATELINE = "dateline"
    DATELINE_WEEKDAY = "dateline + weekday"  # a year-less dateline, its year from the text
    STAMP = "text-stamp"
    URL = "url"
    NONE = "none: no date of its own"
    # a UTC time in the evening of the Americas, and nothing on the page that gives the
    # outlet's own day (see html.EARLY_UTC_HOURS)
    NONE_UTC = "none: a UTC time near midnight, the outlet's own day not given"
    # the page's date is later than any local day at the moment it was fetched
    NONE_AFTER_FETCH = "none: its date is after the day the page was fetched"
    # ... or, with no fetch time, after the day this run read it
    NONE_AFTER_READ = "none: its date is after the day the page was read"


# The languages whose month names a date line may use: dateparser's locales for the news
# languages of Europe, the Americas, the Middle East and Asia. A name two of them give to
# different months ("listopad": November in Czech and Polish, October in Croatian) is
# dropped, unless English owns it ("may", "mar").
DATE_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "be", "pl", "cs", "sk", "hu", "ro",
    "da", "sv", "nb", "fi", "et", "lv", "lt", "tr", "el", "bg", "sr", "hr", "bs", "sl", "mk",
    "sq", "ca", "gl", "eu", "ga", "cy", "is", "af", "id", "ms", "fil", "vi", "ar", "fa", "he",
    "ur", "hi", "az", "ka", "hy", "kk", "uz", "sw")
# The Syriac month names of Arabic in the Levant and Iraq, which dateparser's Arabic lacks:
# pages there write them alone or beside the Egyptian name ("3 أيار / مايو 2021").
LEVANTINE_MONTHS = {
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9, "ايلول": 9, "تشرين الأول": 10,
    "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12}
# Month names shorter than this are abbreviations that double as words in other languages
# ("ma", "ag"); three letters keep "jan", "okt", "mär".
MIN_MONTH_NAME = 3
_YEAR = r"(?P<y>(?:19|20)\d\d)(?:(?!\d)|(?=\d{1,2}:\d\d))"  # "202010:43": a year, a time
_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"
# 2020-10-04, 2020. 06. 04., 2020/12/25, 2020年7月1日, 2020년 7월 1일
YMD = re.compile(r"(?<!\d)" + _YEAR.replace(r"(?:(?!\d)|(?=\d{1,2}:\d\d))", "")
                 + r"\s?(?:[-./]|年|년)\s?(?P<m>[01]?\d)\s?(?:[-./]|月|월)\s?(?P<d>[0-3]?\d)"
                 r"(?!\d)")
# 03.09.2025, 12 / 04 / 2020, 1-11-2020 (day first, as everywhere but the US)
DMY = re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\s?(?P<s>[-./])\s?(?P<m>[0-3]?\d)\s?(?P=s)\s?"
                 + _YEAR)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# Every full date below holds a year, so a line without these four characters holds none:
# the check costs well under 1% of running the patterns, and most lines of a page have no
# year (810 of 875 in a dumps-scrapinghub page).
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
# The month-first pattern ("March 12, 2021") ends in a day and a year, as this does; it
# tries its month names at every position of a line, so it runs only on lines where this
# finds a day before a year (a tenth of the cost on the bench corpus's lines with a year).
_DAY_YEAR = re.compile(r"(?<!\d)[0-3]?\d(?!\d)(?:st|nd|rd|th)?,?\s*(?:19|20)\d\d", re.I)
# A date line: a stamp, a byline's date, "Published ..." -- short, mostly the date itself.
# Longer lines are sentences that mention a date. Calibrated on the even half of
# dates-mediacloud-dumps (accuracy 0.663 at 8 words, 0.694 at 12-14, 0.704 at 16-20, no
# wrong date at any); the odd half agrees (0.608, 0.649-0.660, 0.670).
DATE_LINE_WORDS = 16
DATE_LINE_CHARS = 120


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Lower-cased month name or abbreviation -> month number, over DATE_LANGUAGES."""
    from dateparser.languages import default_loader

    found: dict[str, set[int]] = {}
    english: dict[str, int] = {}
    for lang in DATE_LANGUAGES:
        try:
            info = default_loader.get_locale(lang).info
        except (KeyError, ValueError):
            continue
        for n, month in enumerate(MONTH_NAMES, start=1):
            for name in info.get(month, []):
                key = name.lower().rstrip(".")
                if len(key) >= MIN_MONTH_NAME and not any(c.isdigit() or c.isspace() for c in key):
                    found.setdefault(key, set()).add(n)
                    if lang == "en":
                        english[key] = n
    names = {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
    names.update(english)
    names.update(LEVANTINE_MONTHS)
    return names


@lru_cache(maxsize=1)
def _named_patterns() -> tuple[re.Pattern[str], ...]:
    alt = "|".join(re.escape(k) for k in sorted(month_names(), key=len, reverse=True))
    mon = _LETTER_BEFORE + r"(?P<mon>" + alt + r")\.?" + _LETTER_AFTER
    # "24 نيسان / أبريل 2020", "21. juni/lipanj, 2020": two names for one month
    mon2 = mon + r"(?:\s?/\s?(?:" + alt + r")" + _LETTER_AFTER + r")?\.?"
    day = r"(?<!\d)(?P<d>[0-3]?\d)(?!\d)"
    return (
        # 13 января 2020, 10. marts 2020, 27 de Marzo de 2020, 2nd of May, 2020
        re.compile(day + r"(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s|of\s)?\s*" + mon2
                   + r",?\s*(?:de\s|del\s)?\s*" + _YEAR, re.I),
        # March 12, 2021; Sept. 8, 2020; Oct 29 2020; Martes, Septiembre 22, 2020
        re.compile(mon2 + r"\s*" + day + r"(?:st|nd|rd|th)?,?\s*" + _YEAR, re.I),
        # 2020. augusztus 18.
        re.compile(r"(?<!\d)" + _YEAR + r"\.?\s*" + mon + r"\s*" + day, re.I),
    )


def _month_of(token: str) -> int | None:
    # The patterns ignore case, so a name may hold a letter whose lower case is in no
    # table ("auguſt" matches "august"): it names no month.
    return int(token) if token.isdigit() else month_names().get(token.lower().rstrip("."))


def full_dates(line: str, month_first: bool = False) -> list[tuple[int, int, date]]:
    """Every date with day, month and year in the line: (start, end, date), in order.

    ``month_first``: a slashed date reads month first (06/01/2020 on an English page).
    Digits of other scripts read as ASCII ones; a Solar Hijri date ("۱۲ مهر ۱۴۰۲")
    reads as its Gregorian day.
    """
    found: list[tuple[int, int, date]] = []
    numeric: list[tuple[int, int, date]] = []  # Solar Hijri dates in figures only
    if not line.isascii() and _OTHER_SCRIPT_GATE.search(line):
        arabic = _ARABIC_SCRIPT.search(line)  # before its digits become ASCII ones
        line = line.translate(_DIGITS)
        if arabic and _JALALI_YEAR.search(line):
            found, numeric = _jalali_dates(line)
            found = found + numeric
    if not _ANY_YEAR.search(line):
        return sorted(found)
    named = _named_patterns()
    for pattern in (YMD, DMY, *named):
        if pattern is named[1] and not _DAY_YEAR.search(line):
            continue
        for m in pattern.finditer(line):
            g = m.groupdict()
            day, month = int(g["d"]), _month_of(g.get("mon") or g["m"])
            if month is None:
                continue
            us = pattern is DMY and g["s"] == "/" and month_first
            if pattern is DMY and (month > 12 >= day or (us and day <= 12)):
                day, month = month, day  # 12/25/2020, or 06/01/2020 on an English page
            made = calendar_day(int(g["y"]), month, day)
            if made and not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), made))
    if numeric and len(found) > len(numeric):
        # Figures beside a Gregorian date are the other calendar's reading of a day the line
        # gives: on Arabic pages the Lunar Hijri one ("1445/03/12 هـ الموافق 2023/09/27"),
        # which figures alone do not tell from a Solar Hijri date.
        found = [x for x in found if x not in numeric]
    return sorted(found)


# Digits of the scripts news pages write dates in (Arabic-Indic, Persian, Devanagari,
# Bengali, full-width) -> ASCII, one character for one so offsets stay.
_ZEROS = (0x660, 0x6F0, 0x966, 0x9E6, 0xFF10)
_DIGITS = {zero + i: ord("0") + i for zero in _ZEROS for i in range(10)}
# A line these find nothing in reads as it is: no digit of another script, no Solar Hijri
# year (one search: most lines of a page in any script have neither).
_OTHER_SCRIPT_GATE = re.compile(
    "[" + "".join(f"{chr(z)}-{chr(z + 9)}" for z in _ZEROS) + r"]|(?<!\d)1[34]\d\d(?!\d)")
# The Solar Hijri calendar of Iran and Afghanistan: its month names (Iranian, then Dari),
# in the Persian spelling; the Arabic letters yeh and kaf are read as the Persian ones.
JALALI_MONTHS = (
    ("فروردین", "حمل"), ("اردیبهشت", "ثور"), ("خرداد", "جوزا"), ("تیر", "سرطان"),
    ("مرداد", "امرداد", "اسد"), ("شهریور", "سنبله"), ("مهر", "میزان"), ("آبان", "عقرب"),
    ("آذر", "قوس"), ("دی", "جدی"), ("بهمن", "دلو"), ("اسفند", "حوت"))
_PERSIAN_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
# Solar Hijri years of the web (1374 is 1995, as MIN_DATE of html.py).
_JALALI_YEAR = re.compile(r"(?<!\d)1[34]\d\d(?!\d)")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")  # letters and digits
_JALALI_NAMED = re.compile(
    r"(?<!\d)(?P<d>[0-3]?\d)(?!\d)\s*(?P<mon>"
    + "|".join(sorted((n for names in JALALI_MONTHS for n in names), key=len, reverse=True))
    + r")(?![\u0620-\u064a\u066e-\u06d3])(?:\s*ماه)?\s*(?P<y>1[34]\d\d)(?!\d)")
# 1398/11/29: a numeric Solar Hijri date, read only on a line in Arabic script.
_JALALI_YMD = re.compile(r"(?<!\d)(?P<y>1[34]\d\d)\s?(?P<s>[-/.])\s?(?P<m>[01]?\d)\s?(?P=s)"
                         r"\s?(?P<d>[0-3]?\d)(?!\d)")
# The mark of the Lunar Hijri calendar after a date, whose years (14xx since 1979) overlap
# the Solar Hijri ones: Arabic "هـ" / "هجري", Persian "ه.ق" / "ق" / "قمری"; "ه.ش" and
# "هجری شمسی" mark a Solar Hijri date. Read after Persian letters replace Arabic ones.
_ARABIC_LETTER = r"[\u0621-\u063f\u0641-\u064a\u066e-\u06d3]"
_HIJRI_MARK = re.compile(
    r"\s*\(?\s*(?:ه\u0640*\s*\.?\s*(?P<solar>ش)?|هجری(?:\s*(?P<solar2>شمسی))?|ق(?:مری)?)"
    r"(?!" + _ARABIC_LETTER + ")")
# The years where the Solar Hijri calendar's 33-year leap cycle breaks (the table of
# jalaali-js, after Borkowski): they place Nowruz on its astronomical day from 1 to 3177.
_JALALI_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097,
                  2192, 2262, 2324, 2394, 2456, 3178)


def nowruz(year: int) -> date:
    """The Gregorian day of 1 Farvardin (Nowruz) of a Solar Hijri year."""
    leap_j, before, jump = -14, _JALALI_BREAKS[0], 0
    for brk in _JALALI_BREAKS[1:]:
        jump = brk - before
        if year < brk:
            break
        leap_j += jump // 33 * 8 + jump % 33 // 4
        before = brk
    n = year - before
    leap_j += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    gy = year + 621
    leap_g = gy // 4 - (gy // 100 + 1) * 3 // 4 - 150
    return date(gy, 3, 20 + leap_j - leap_g)


def jalali_day(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Solar Hijri date; None when it names none (month 13, day 32,
    30 Esfand of a common year)."""
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        return None
    made = nowruz(year) + timedelta(
        days=(month - 1) * 31 + day - 1 if month <= 6 else 186 + (month - 7) * 30 + day - 1)
    return made if made < nowruz(year + 1) else None


def _jalali_dates(line: str) -> tuple[list[tuple[int, int, date]], list[tuple[int, int, date]]]:
    """The line's Solar Hijri dates: (by month name, in figures only). A date marked as
    Lunar Hijri is neither."""
    named: list[tuple[int, int, date]] = []
    numeric: list[tuple[int, int, date]] = []
    text = line.translate(_PERSIAN_LETTERS)
    months = {n: i for i, names in enumerate(JALALI_MONTHS, start=1) for n in names}
    for m in _JALALI_NAMED.finditer(text):
        if not _lunar(text, m.end()) and \
                (made := jalali_day(int(m["y"]), months[m["mon"]], int(m["d"]))):
            named.append((m.start(), m.end(), made))
    for m in _JALALI_YMD.finditer(text):
        if not _lunar(text, m.end()) and \
                (made := jalali_day(int(m["y"]), int(m["m"]), int(m["d"]))) and \
                not any(s <= m.start() < e for s, e, _ in named):
            numeric.append((m.start(), m.end(), made))
    return named, numeric


def _lunar(text: str, end: int) -> bool:
    """The date ending at ``end`` is marked as one of the Lunar Hijri calendar."""
    m = _HIJRI_MARK.match(text, end)
    return m is not None and not (m["solar"] or m["solar2"])


def stamp_date(line: str) -> date | None:
    """The first full date of a string ("11:57 03.09.2025", "March 01, 2008")."""
    found = full_dates(line)
    return found[0][2] if found else None


def line_date(line: str, month_first: bool = False) -> date | None:
    """The date of a line that is mostly a date (a stamp, a byline's date, "Published ..."),
    else None: prose that mentions a date, a title with a date in it, a post's signature."""
    s = line.strip()
    dates = full_dates(s, month_first)
    if not dates or len(s) > DATE_LINE_CHARS or EMBED.search(s):
        return None
    start, end, day = dates[0]
    rest = s[:start] + " " + s[end:]
    if len(CJK.findall(rest)) > CJK_REST_CHARS or RANGE.match(s[end:]) or \
            QUOTED_TITLE.search(rest) or _prose(s, s[:start], rest) or \
            PROSE_AFTER.match(s[end:]) or (REFERENCE.search(s[:start]) and
                                           len(re.findall(r"\w+", s[:start])) >= CLAUSE_WORDS):
        return None
    return day if len(re.findall(r"\w+", rest)) <= DATE_LINE_WORDS else None


def _prose(line: str, before: str, rest: str) -> bool:
    """A sentence that mentions a date ("She was born on April 22, 1923."), not a stamp."""
    if line.endswith(".") and not ABBREVIATION_END.search(line) and \
            len(re.findall(r"\w+", rest)) >= SENTENCE_REST_WORDS:
        return True
    lead = WEEKDAY_NAME.sub(" ", before).rstrip(" ,")
    return bool(PREPOSITION_END.search(lead)) and len(re.findall(r"\w+", lead)) >= CLAUSE_WORDS


def is_date_line(line: str) -> bool:
    return line_date(line) is not None


# ---------------------------------------------------------------- the page's own date

# The latest publication day a page fetched on a (UTC) day can carry: the next one. Local
# time runs up to 14 hours ahead of UTC (Kiribati; Kyiv 2-3, Tokyo 9), so a page east of
# UTC published after its local midnight is dated the day after the UTC fetch day; no
# page anywhere is dated two days after it.
FETCH_DAY_AHEAD = timedelta(days=1)
# The bound handed to date parsers that take one (htmldate): far enough never to decide
# (a date past its bound htmldate moves to the first of its month, a day the page never
# gave); ``latest_day`` decides after it.
PARSER_HORIZON = date(2040, 12, 31)

# How far from the article's first line a date line may sit to be the page's own: the
# headline, byline and stamp sit just above the body (or open it); a date further up is
# the site header's "today", one further down belongs to the story. Calibrated on the
# even half of dates-mediacloud-dumps (non-empty lines up: 0.612 at 8, 0.633 at 12, 0.694
# at 16 and 20; down: 0.653 at 0, 0.684 at 3, 0.694 at 6 and 10; no wrong date at any).
ABOVE_LINES = 16
BELOW_LINES = 6
# Dated lines this close to each other with different dates are a list (related stories,
# a live blog's entries, an archive), not the page's stamp. Reach 3 left the last item of
# an every-other-line archive column on the even half; a stamp with one other date near
# it (its update) is not a list. Three dated lines with one date are a list too when a
# line stands between each two (date, title, date, title: a calendar of the day's events),
# and a stamp block when they stand together ("12.03.2021 14:35", "Updated:", ...).
LIST_REACH = 4
LIST_MIN = 2
# An embedded post's signature ("— Name (@handle) January 1, 2020") dates the post.
EMBED = re.compile(r"^\s*[—–-]\s*.*\(@\w+\)|\bpic\.twitter\.com/", re.I)
# A label that says the date that follows is the publication's ("Published: Sept. 8,
# 2020", "Publié le jeudi 24 décembre 2020"); "Updated" is not one. Words from the news
# sites of the languages in DATE_LANGUAGES.
LABEL = re.compile(
    r"(?:^|[|·•—–]\s*)(?:first\s+)?(?:published|posted|veröffentlicht|erschienen|publiziert|"
    r"publié|publiée|mis en ligne|publicad[oa]|pubblicat[oa]|gepubliceerd|geplaatst|"
    r"opublikowano|data publikacji|опубликован[оа]?|опубліковано|дата публикации|publicat|"
    r"yayınlanma tarihi|yayınlandı|yayın tarihi|publikováno|zveřejněno|publikálva|megjelent|"
    r"publicera[dt]|publiceret|udgivet|julkaistu|objavljeno|δημοσιεύθηκε|δημοσίευση|"
    r"تاريخ النشر|نشر في|تم نشره|تار[یي]خ انتشار|زمان انتشار|منتشر شده|diterbitkan|"
    r"dipublikasikan)\b\W{0,3}"
    r"(?:(?:on|am|le|el|il|em|en|op|dne|о|в)\s+)?", re.I)
# How far after the label its date may start (a weekday between: "le jeudi 24 ..."):
# the longest weekday name and its separators.
LABEL_REACH = 16
# English function words: on an English page a slashed date is month-first (06/01/2020).
# They are about a fifth of English prose's words and almost none of other languages';
# a page with menus and all is English above half that.
ENGLISH = frozenset({"the", "and", "of", "to", "in", "is", "that", "for", "on", "with"})
ENGLISH_SHARE = 0.12
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A CJK date line's text around the date: a label or a source name (16 characters in the
# longest on the even half), not a headline.
CJK_REST_CHARS = 20
# A date that opens a range ("2020/7/11-12", "11～12日") names days of a story, not a stamp.
RANGE = re.compile(r"^\s?[-–~～]\s?[0-3]?\d(?![\d:.h])")
# A line ending in a full stop with this many words besides the date is a sentence (date
# lines end on the date, a time or a source; "a. m." is an abbreviation's stop). No date
# line on the even half of the dumps ends in a stop after more than 4 other words; the
# sentences near the top of ECB+ dev articles that name a date have 6 and more.
SENTENCE_REST_WORDS = 5
ABBREVIATION_END = re.compile(r"(?:^|[\s.])\w\.$")
# A date after a clause and its preposition is the object of a sentence ("Reid checked in
# on Tuesday, December 9, 2008"); "Posted on March 2" has too few words for a clause.
PREPOSITION_END = re.compile(r"\b(?:on|in|since|until|from|before|after|of|born|died|by)$",
                             re.I)
CLAUSE_WORDS = 4
WEEKDAY_NAME = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?", re.I)
# A sentence that runs on after its date ("Concert on 14 June 2024 draws record crowd", "On
# 5 May 2020 a ferry sank"): two words in lower case right after it, not leading to a time.
# A stamp's date ends the line or is followed by a time, a separator, a source or a label
# ("at 2:26 PM", "a las 10:30", "| Updated", "kl. 20:00"): no stamp that a page of the
# dumps bundles takes its date from has such words after the date.
PROSE_AFTER = re.compile(r"[\s,]*[a-zà-öø-ÿ]+\s+[a-zà-öø-ÿ]{2,}\b(?!\s*\d)")
# A date in brackets after a title: a related story's or a source's date ("Harbour fees
# rise (12 January 2024)"), not the page's; CLAUSE_WORDS words at least before it.
REFERENCE = re.compile(r"[(\[]\s*$")
# A quoted title on the line: a reference to another piece ("Article: \"...\" (Daily, 2003)").
QUOTED_TITLE = re.compile(r"[\"“«„]\s*\S+(?:\s+\S+){2,}?\s*[\"”»“]")


# A wiki page's revision or the difference between two (MediaWiki's query parameters):
# every date on it is a revision's, none is the page's publication (dates-mediacloud: a
# diff page's datePublished is the wiki page's creation in 2005, the edit is from 2020).
REVISION_QUERY = re.compile(r"(?:^|[?&])(?:diff|oldid|action=history)(?:[=&]|$)", re.I)
# Where HTML declares a publication date by name (Open Graph, schema.org's datePublished in
# JSON-LD or microdata, a few CMS names); modified, created or updated dates are not these.
PUBLISHED_NAME = (r"(?:article:published_time|og:published_time|datePublished|pubdate|"
                  r"publishdate|publish-date|parsely-pub-date|dc\.date\.issued)")
DECLARED_TAG = re.compile(r"<(?:meta|time)\b[^>]*?[\"']" + PUBLISHED_NAME + r"[\"'][^>]*>", re.I)
DECLARED_JSON = re.compile(r"[\"']" + PUBLISHED_NAME + r"[\"']\s*:\s*[\"'](\d{4}-\d\d-\d\d)",
                           re.I)
DECLARED_VALUE = re.compile(r"(?:content|datetime)\s*=\s*[\"'](\d{4}-\d\d-\d\d)", re.I)
DECLARED_TEXT = re.compile(r"(?:content|datetime)\s*=\s*([\"'])(.*?)\1", re.I)
# A declared value in JSON, whole: "2019-11-19T03:05:46Z", "Tue Nov 19 2019 03:05:46 GMT+0000".
DECLARED_JSON_TEXT = re.compile(r"[\"']" + PUBLISHED_NAME + r"[\"']\s*:\s*\"([^\"]{8,60})\"",
                                re.I)
# A declared value's time of day and its offset from UTC: "T23:15:00Z", "T00:16:15+03:00",
# " 10:04:04+0000", "03:05:46 GMT+0000", "07:47 PM GMT", "T23:15:0Z" (one site's seconds);
# none after it
# ("2019-11-20T01:50:59.403"): its offset is not given.
DECLARED_TIME = re.compile(r"(?<![\d:])(?P<h>[0-2]?\d):[0-5]\d(?::\d{1,2}(?:\.\d+)?)?\s*"
                           r"(?:(?P<pm>p\.?\s?m)|a\.?\s?m)?\.?\s*(?P<off>(?:Z|UTC|GMT)(?![a-z])(?:\s?[+-]\d\d:?\d\d)?|[+-]\d\d:?\d\d)?"
                           r"(?![\d:])", re.I)


def revision_page(url: str | None) -> bool:
    """A URL that shows a revision of a wiki page, or a diff: no single publication date."""
    if not url or "?" not in url:
        return False
    return bool(REVISION_QUERY.search(url.split("?", 1)[1].split("#", 1)[0]))


def declared_days(html: str) -> Iterator[str]:
    """Every day (YYYY-MM-DD) the HTML declares as a publication date by name (a value
    not in ISO form read as a date line: "الأربعاء، 07 أكتوبر 2020 - 12:09 م")."""
    for day, _ in _declared(html):
        if day is not None:
            yield day


def declared_times(html: str, day: str) -> Iterator[tuple[int, int | None]]:
    """(hour, UTC offset in minutes, None where the value gives none) of every value the
    HTML declares as its publication's for ``day`` (YYYY-MM-DD) with a time of day."""
    for found, value in _declared(html):
        if found == day and (t := DECLARED_TIME.search(value)):
            hour = int(t["h"])
            yield hour + 12 if t["pm"] and hour < 12 else hour, _offset_minutes(t["off"])


# A publication date's name in quotes, as a tag's attribute or a JSON key: a cheap search
# that finds where the tag and JSON patterns can match (most of a page is neither).
_PUBLISHED_NAME = re.compile(r"[\"']" + PUBLISHED_NAME + r"[\"']", re.I)
_TAG_OPENING = re.compile(r"<(?:meta|time)\b", re.I)


@lru_cache(maxsize=4)
def _declared(html: str) -> tuple[tuple[str | None, str], ...]:
    """(day, value) of every declared publication value: tags' first, then JSON's. The
    same as DECLARED_TAG's and DECLARED_JSON's matches, found from the names' places."""
    tags: list[tuple[str | None, str]] = []
    found: list[tuple[str | None, str]] = []
    for m in _PUBLISHED_NAME.finditer(html):
        if json_day := DECLARED_JSON.match(html, m.start()):
            whole = DECLARED_JSON_TEXT.match(html, m.start())
            found.append((json_day.group(1), whole.group(1) if whole else json_day.group(1)))
            continue
        if (whole := DECLARED_JSON_TEXT.match(html, m.start())) and \
                (day := _value_day(whole.group(1))):
            found.append((day, whole.group(1)))
            continue
        start, end = html.rfind("<", 0, m.start()), html.find(">", m.end())
        if start < 0 or end < 0 or ">" in html[start:m.start()] or \
                not _TAG_OPENING.match(html, start):
            continue
        tag = html[start:end + 1]
        if iso := DECLARED_VALUE.search(tag):
            text = DECLARED_TEXT.search(tag)
            tags.append((iso.group(1), text[2] if text else iso.group(1)))
        elif text := DECLARED_TEXT.search(tag):
            tags.append((_value_day(text[2]), text[2]))
    return (*tags, *found)


def _value_day(value: str) -> str | None:
    """The day of a declared value not in ISO form, unless its digits may be read either
    way ("11-19-2019", "Tue Nov 19 2019"; not "11-08-2019": US and European orders
    differ)."""
    if not (found := full_dates(value)):
        return None
    start, end, day = found[0]
    numeric = not any(c.isalpha() for c in value[start:end])
    if numeric and not YMD.match(value, start) and day.day <= 12 and day.day != day.month:
        return None
    return day.isoformat()


def _offset_minutes(offset: str | None) -> int | None:
    if offset is None:
        return None
    digits = re.sub(r"[^\d]", "", offset)
    if not digits:
        return 0  # Z, UTC, GMT
    minutes = int(digits[:2]) * 60 + int(digits[2:] or 0)
    return -minutes if "-" in offset else minutes


@dataclass(frozen=True, slots=True)
class OwnDate:
    """The page's own publication date, and how it was found."""

    day: date
    source: DateSource


@dataclass(frozen=True, slots=True)
class Estimate:
    """A guess at the publication day, kept apart from ``published`` and labelled."""

    day: date
    how: str


def english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text[:20000].lower())
    return bool(words) and sum(w in ENGLISH for w in words) >= ENGLISH_SHARE * len(words)


def own_date(lines: list[str], start: int, month_first: bool = False) -> date | None:
    """The date line nearest the article's first line (``start``, an index into ``lines``).

    Lines above it (headline, byline, stamp) come first, nearest first; then the first
    lines of the body. A dated line among others with different dates is a list's item.
    """
    filled = [x for i, x in enumerate(lines) if x.strip()]
    at = sum(1 for x in lines[:start] if x.strip())
    found: dict[int, date | None] = {}

    def date_at(k: int) -> date | None:
        if k not in found:
            found[k] = line_date(filled[k], month_first) if 0 <= k < len(filled) else None
        return found[k]

    order = [*range(at - 1, max(0, at - ABOVE_LINES) - 1, -1),
             *range(at, min(len(filled), at + BELOW_LINES + 1))]
    for k in order:
        day = date_at(k)
        near = [j for j in range(k - LIST_REACH, k + LIST_REACH + 1) if date_at(j) is not None]
        others = [date_at(j) for j in near if j != k]
        if day and not (len(others) >= LIST_MIN and (any(d != day for d in others)
                                                     or _every_other(near))):
            return day
    return None


def _every_other(rows: list[int]) -> bool:
    """Dated lines with a line between each two: a list's items (date, title, date, title),
    not a stamp and its update, which stand together."""
    return all(b - a >= 2 for a, b in pairwise(rows))


def labelled_date(lines: list[str], month_first: bool = False,
                  short_year: bool = False) -> date | None:
    """The date a line labels as the publication's ("Posted March 2, 2020"), anywhere on
    the page, when every such label on the page gives the same day. ``short_year``: read
    dates with a two-digit year ("Publié le 3 Fév 21") instead."""
    found = set()
    for line in lines:
        m = LABEL.search(line)
        if m and not short_year and (day := line_date(line, month_first)):
            first = full_dates(line, month_first)[0][0]
            if m.end() <= first <= m.end() + LABEL_REACH:
                found.add(day)
        elif m and short_year and len(line.strip()) <= DATE_LINE_CHARS and \
                (day := short_year_date(line[m.end():], month_first)):
            found.add(day)
    return found.pop() if len(found) == 1 else None


def short_year_date(text: str, month_first: bool = False) -> date | None:
    """A date with a two-digit year ("3 Feb 21", "02/03/21") opening ``text`` (within
    LABEL_REACH): read only after a publication label, which says it is a date."""
    if not _SHORT_YEAR_GATE.search(text[:LABEL_REACH + 16]):
        return None
    for pattern in _short_year_patterns():
        m = pattern.search(text[:LABEL_REACH + 16])
        if m is None or m.start() > LABEL_REACH:
            continue
        g = m.groupdict()
        day, month = int(g["d"]), _month_of(g.get("mon") or g["m"])
        if month is None or _COUNTED.match(text, m.end()):
            continue
        if g.get("s") and (month > 12 >= day or (g["s"] == "/" and month_first and day <= 12)):
            day, month = month, day
        yy = int(g["yy"])
        if made := calendar_day(yy + (1900 if yy >= SHORT_YEAR_PIVOT else 2000), month, day):
            return made
    return None


# A two-digit year at or above this is of the 1900s: web news starts in 1995.
SHORT_YEAR_PIVOT = 95
# A two-digit year ends the date: not the hour of a time ("27 Mar 20:15", "20h15").
_YY = r"(?P<yy>\d\d)(?!\d|\s?[:h.]\s?\d)"
_SHORT_YEAR_GATE = re.compile(r"\d\d(?!\d)")
# A word after the two digits makes them a count ("Posted March 2, 21 comments"), unless a
# time follows it ("à 8h10", "at 5:04", "um 14:00").
_COUNTED = re.compile(r"\s*[^\W\d_]{2,}(?!\.?\s?\d)")


@lru_cache(maxsize=1)
def _short_year_patterns() -> tuple[re.Pattern[str], ...]:
    alt = "|".join(re.escape(k) for k in sorted(month_names(), key=len, reverse=True))
    mon = _LETTER_BEFORE + r"(?P<mon>" + alt + r")\.?" + _LETTER_AFTER
    day = r"(?<!\d)(?P<d>[0-3]?\d)(?!\d)"
    return (
        re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)(?P<s>[-./])(?P<m>[0-3]?\d)(?P=s)" + _YY),
        re.compile(day + r"(?:st|nd|rd|th|er)?\.?\s*" + mon + r",?\s*'?" + _YY, re.I),
        re.compile(mon + r"\s*" + day + r"(?:st|nd|rd|th)?,?\s*'?" + _YY, re.I),
    )


# ---------------------------------------------------------------- datelines, estimates

_MONTH_EN = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|" \
            r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# A dateline's year-less day: "December 2", "2 December".
YEARLESS = re.compile(_MONTH_EN + r"\s+(?P<day>\d{1,2})\b|\b(?P<day2>\d{1,2})\s+" + _MONTH_EN
                      .replace("month", "month2"), re.I)
# How many years after the latest year a text names its year-less dateline may fall: a
# report is written within a few years of the years it mentions, and a day's weekday
# repeats only after 5, 6 or 11 years, so one fit in this span is the year; two are none.
WEEKDAY_YEARS = 6
# "today, Tuesday" / "on Tuesday today" / "today (Tuesday)": the day the text was written.
_WEEKDAY = "(" + "|".join(WEEKDAY_NAMES) + ")"
TODAY = re.compile(r"\btoday,?\s*\(?" + _WEEKDAY + r"|\b" + _WEEKDAY + r"\)?,?\s+today\b", re.I)


def from_dateline(month_day: str, text: str) -> date | None:
    """A dateline's date. Without a year, the page must give it: the text calls that day
    by its weekday ("December 2 ... today, Tuesday") and names a year; the day falls on that
    weekday in exactly one year from the latest year named to WEEKDAY_YEARS after it.
    Otherwise the dateline gives no date (the clock never supplies a year)."""
    if stamp := stamp_date(month_day):
        return stamp
    m, today = YEARLESS.search(month_day), TODAY.search(text)
    years = [int(y) for y in YEAR.findall(text)]
    if not m or not today or not years:
        return None
    month = month_names()[(m.group("month") or m.group("month2")).lower()]
    day = int(m.group("day") or m.group("day2"))
    # None for a day name spelt with a letter that only matches ignoring case ("ſunday")
    weekday = WEEKDAY_NUMBERS.get((today.group(1) or today.group(2)).lower())
    fits = [x for y in range(max(years), max(years) + WEEKDAY_YEARS + 1)
            if (x := calendar_day(y, month, day)) and x.weekday() == weekday]
    return fits[0] if len(fits) == 1 else None


def latest_day(fetched: date | None, read_on: date | None = None) -> date:
    """The latest day a page fetched on ``fetched`` (UTC) can be dated: that day's next.
    A page with no fetch time (a file, a dataset's record) was read by this run, and no
    page is published after it is read: the bound is the day after ``read_on`` (the run's
    day, the clock's when not given). A fixed horizon instead took any later date the page
    mentions ("Trial: March 3, 2029") for its publication day (code review REV5 #3)."""
    return (fetched or read_on or date.today()) + FETCH_DAY_AHEAD


def page_date(lines: list[str], start: int, dateline: str | None = None,
              url: str | None = None, not_after: date | None = None) -> OwnDate | None:
    """The page's own date from its text: dateline, a date line by the headline, a labelled
    publication date, the URL path; None when the page states none or is a wiki revision
    (``page_date_or_why`` says which).

    ``lines`` are the page's lines and ``start`` the index of the article's first line.
    ``not_after`` is the day the page was fetched: a day after ``latest_day(not_after)`` is
    no publication day, whatever reads it, and the next source is asked.
    """
    found = page_date_or_why(lines, start, dateline, url, not_after)
    return found if isinstance(found, OwnDate) else None


def page_date_or_why(lines: list[str], start: int, dateline: str | None = None,
                     url: str | None = None,
                     not_after: date | None = None) -> OwnDate | DateSource:
    """``page_date``, or why there is none: NONE, or NONE_AFTER_FETCH (NONE_AFTER_READ
    without a fetch time) when the only dates the page gives itself are later than
    ``latest_day`` allows."""
    if revision_page(url):
        return DateSource.NONE
    text = "\n".join(lines)
    month_first = english(text)
    last = latest_day(not_after)
    too_late = False

    def past(day: date | None) -> date | None:
        nonlocal too_late
        if day is not None and day > last:
            too_late = True
        return day if day is not None and day <= last else None

    if dateline and (day := past(from_dateline(dateline, text))):
        yearless = stamp_date(dateline) is None
        return OwnDate(day, DateSource.DATELINE_WEEKDAY if yearless else DateSource.DATELINE)
    if day := past(own_date(lines, start, month_first)) or \
            past(labelled_date(lines, month_first)):
        return OwnDate(day, DateSource.STAMP)
    if url:
        from .html import date_from_url

        if (hit := date_from_url(url)) and (day := past(date.fromisoformat(hit[0]))):
            return OwnDate(day, DateSource.URL)
    # A two-digit year leaves the century to the reader: after every full date the page
    # gives, its URL's included (two ECB+ dev pages label a day before the one their URL
    # and their text's weekday give).
    if day := past(labelled_date(lines, month_first, short_year=True)):
        return OwnDate(day, DateSource.STAMP)
    if not too_late:
        return DateSource.NONE
    return DateSource.NONE_AFTER_FETCH if not_after is not None else DateSource.NONE_AFTER_READ


def estimate(text: str, not_after: date | None = None) -> Estimate | None:
    """The latest full date the text mentions (not after ``not_after``, when the page was
    fetched): a guess, never the publication date, and labelled as one."""
    days = [d for line in text.splitlines() for _, _, d in full_dates(line)
            if not_after is None or d <= not_after]
    return Estimate(max(days), "latest full date the text mentions") if days else None


def date_from_text(text: str) -> tuple[str, str] | None:
    """(YYYY-MM-DD, "text-stamp") for a date line opening extracted main text, else None."""
    lines = text.splitlines()
    found = own_date(lines, 0, english(text))
    return (found.isoformat(), DateSource.STAMP.value) if found else None
