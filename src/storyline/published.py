"""The publication date of an article and how it was found.

In order of trust: the container's header date, the HTML metadata (htmldate, upstream),
a dateline ("Brussels, December 2 (European Press) –"), an in-text stamp ("11:57
03.09.2025", "March 01, 2008"), and last an inference from the text's own dated
references. A date without a year takes the year in which its weekday matches the one the
text names ("December 2 ... today, Tuesday"). Every result carries a ``how`` string so a
guess is never presented as a fact.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["DateRef", "date_from_text", "find_dates", "from_dateline", "infer", "stamp_date"]

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|" \
         r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
MONTH_DAY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
                       r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?", re.I)
DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH +
                       r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b", re.I)
NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>(?:19|20)\d{2})\b")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# "today, Tuesday" / "on Tuesday today" / "today (Tuesday)": the day the text was written.
TODAY = re.compile(r"\btoday,?\s*\(?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                   r"|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\)?,?\s+today\b",
                   re.I)
# How far back a year-less date may reach: news text rarely names a day-month from more
# than a few years ago without its year; 15 keeps every weekday/date pairing reachable
# (the calendar repeats within 11 years for most dates).
YEAR_WINDOW = 15
# How many lines from the top a stamp may sit in to be the page's own date (byline and
# dateline come first; later dates are the story's). Matches extract.TOP_LINES' reasoning,
# with room for a category line and a headline above the stamp.
STAMP_TOP_LINES = 6
# A weekday in the lead names a day at most this many days after the latest explicit date
# (news reports the past week).
WEEK = 7

DateRef = tuple[date, bool]  # the date, and whether the text gave its year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(token: str) -> int:
    if token.isdigit():
        return int(token)
    t = token.lower().rstrip(".")
    return MONTHS[t] if t in MONTHS else MONTHS[t[:3]]


def stamp_date(line: str) -> date | None:
    """The date of a stamp-like string ("11:57 03.09.2025", "March 01, 2008"), with a year."""
    for pattern in (ISO, NUMERIC, MONTH_DAY, DAY_MONTH):
        m = pattern.search(line)
        if m and m.group("year"):
            return _make(int(m.group("year")), _month(m.group("month")), int(m.group("day")))
    return None


def find_dates(text: str) -> list[tuple[int, int, int | None]]:
    """Every (month, day, year or None) the text names, in order of appearance."""
    found: list[tuple[int, tuple[int, int, int | None]]] = []
    for pattern in (ISO, NUMERIC, MONTH_DAY, DAY_MONTH):
        for m in pattern.finditer(text):
            year = int(m.group("year")) if m.group("year") else None
            month, day = _month(m.group("month")), int(m.group("day"))
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append((m.start(), (month, day, year)))
    return [d for _, d in sorted(found)]


def named_weekdays(text: str) -> set[int]:
    return {WEEKDAYS.index(w.lower()) for w in WEEKDAY.findall(text)}


def today_weekday(text: str) -> int | None:
    m = TODAY.search(text)
    return WEEKDAYS.index((m.group(1) or m.group(2)).lower()) if m else None


def choose_year(days: list[tuple[int, int]], text: str, now: date,
                today: tuple[int, int] | None = None) -> int:
    """The year for year-less dates: the one in which they fall on weekdays the text names.

    ``today`` is a month-day the text says is today; then its weekday must match. Ties go
    to the year nearest the text's own explicit years, else to the most recent year.
    """
    weekdays, now_wd = named_weekdays(text), today_weekday(text)
    years = [int(y) for y in YEAR.findall(text) if int(y) <= now.year]
    anchor = max(years) if years else now.year

    def fit(year: int) -> tuple[bool, int, bool, int, int]:
        on_day = [x for m, d in sorted(set(days)) if (x := _make(year, m, d))]
        hits = sum(x.weekday() in weekdays for x in on_day)
        today_ok = True
        if today and now_wd is not None:
            t = _make(year, *today)
            today_ok = t is not None and t.weekday() == now_wd
        past = all(x <= now for x in on_day)
        return today_ok, hits, past, -abs(year - anchor), year

    return max(range(now.year - YEAR_WINDOW, now.year + 1), key=fit)


def from_dateline(month_day: str, text: str, now: date) -> tuple[date, str] | None:
    """A dateline's date; without a year, the year whose weekday matches the text's."""
    if stamp := stamp_date(month_day):
        return stamp, "dateline"
    refs = find_dates(month_day)
    if not refs:
        return None
    month, day, _ = refs[0]
    year = choose_year([(month, day)], text, now, today=(month, day))
    found = _make(year, month, day)
    if found is None:
        return None
    how = "dateline + weekday" if today_weekday(text) is not None else "dateline + nearest year"
    return found, how


def infer(text: str, now: date, lead: str = "") -> tuple[date, str] | None:
    """The publication day inferred from the latest date the text names (+ the lead's weekday)."""
    refs = find_dates(text)
    if not refs:
        return None
    yearless = [(m, d) for m, d, y in refs if y is None]
    year = choose_year(yearless, text, now) if yearless else now.year
    dates = [x for m, d, y in refs if (x := _make(y or year, m, d)) and x <= now]
    if not dates:
        return None
    latest = max(dates)
    how = f"inferred: latest explicit date {latest.isoformat()}"
    lead_days = [WEEKDAYS.index(w.lower()) for w in WEEKDAY.findall(lead)]
    if lead_days:
        shift = (lead_days[0] - latest.weekday()) % WEEK
        latest += timedelta(days=shift)
        how += f" + '{WEEKDAYS[lead_days[0]].title()}' in the lead"
    return latest, how


def date_from_text(text: str, now: date | None = None) -> tuple[str, str] | None:
    """(YYYY-MM-DD, how) from the text alone: a stamp near the top, else an inference."""
    now = now or date.today()
    head = "\n".join(text.splitlines()[:STAMP_TOP_LINES])
    stamp = stamp_date(head)
    if stamp and stamp <= now:
        return stamp.isoformat(), "text-stamp"
    paragraphs = [p for p in text.split("\n") if p.strip()]
    found = infer(text, now, paragraphs[0] if paragraphs else "")
    return (found[0].isoformat(), found[1]) if found else None
