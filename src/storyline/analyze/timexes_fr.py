"""French temporal expressions -> Timex, with TimeML values against the article date.

The French counterpart of ``timexes`` for the forms French news writing dates events
with: a calendar date (« le 3 septembre », « 3 septembre 2025 », « 1er mars »), a month
(« en septembre 2025 »), a year (« en 2024 »), a weekday (« lundi », « lundi dernier »,
« mardi prochain »), the days named from today (« hier », « aujourd'hui », « demain »,
« avant-hier », « après-demain », « ce matin ») and the weeks, months and years named from
it (« la semaine dernière », « le mois prochain », « l'an dernier », « cette année »).
Anything anchored to the article date needs that date; without it only fully written
dates get a value.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from ..records import Article, Timex
from ..text import calendar_day
from .model import text_of
from .timexes import TENSE_DAY_SLACK, article_day

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
            "dimanche": 6}
# Days named from the article date, and their offset from it.
RELATIVE_DAYS = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0,
                 "demain": 1, "après-demain": 2}
# Years outside this range are page numbers, prices or street numbers, not dates.
FIRST_YEAR, LAST_YEAR = 1800, 2100

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_RELATIVE = "|".join(re.escape(k) for k in sorted(RELATIVE_DAYS, key=len, reverse=True))
_PATTERN = re.compile(
    rf"""\b(?:
        (?:(?P<wd>{_WEEKDAY})\s+)?(?P<day>1er|[12]\d|3[01]|0?[1-9])\s+(?P<month>{_MONTH})
            (?:\s+(?P<year>\d{{4}}))?
      | (?P<month_only>{_MONTH})\s+(?P<month_year>\d{{4}})
      | (?:en|l'an|l’an|depuis|année)\s+(?P<year_only>\d{{4}})
      | (?P<weekday>{_WEEKDAY})(?:\s+(?P<which>dernier|prochain|passé|matin|soir|après-midi))?
      | (?P<relative>{_RELATIVE})
      | (?P<period_this>cette|ce)\s+(?P<this_unit>semaine|mois|année|matin|soir|après-midi)
      | (?:la|le|l'|l’)\s*(?P<period_unit>semaine|mois|année|an)\s+
            (?P<period_which>dernière|dernier|prochaine|prochain|passée|passé)
    )(?![\w-])""",
    re.IGNORECASE | re.VERBOSE,
)
# What a weekday's part-of-day word turns into (TimeML's parts of day).
PARTS_OF_DAY = {"matin": "MO", "soir": "EV", "après-midi": "AF"}
# Verbs of the future near a bare weekday: « le sommet aura lieu jeudi ».
_FUTURE = re.compile(r"\b(?:aura|auront|sera|seront|va|vont|doit|doivent|devrait|prévu\w*)\b",
                     re.IGNORECASE)
# Characters either side of a bare weekday searched for a future verb.
FUTURE_REACH = 60


def find_timexes(doc: Doc, article: Article) -> list[Timex]:
    """Every French temporal expression of the article with a confident TimeML value."""
    dct = article_day(article.published)
    text = text_of(doc)
    found: list[Timex] = []
    for m in _PATTERN.finditer(text):
        value = _value(m, dct, text, _future_verb(doc, m.start()))
        if value is not None:
            kind = "TIME" if "T" in value else "DATE"
            found.append(Timex(article.id, m.start(), m.end(), m.group(), value, kind))
    return found


def _future_verb(doc: Doc, start: int) -> bool:
    """True when the verb the expression hangs from is in the future (« reprendront
    jeudi »), as the pipeline's morphology reads it."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None or not len(token):
        return False
    head = token[0].head
    return "Fut" in head.morph.get("Tense", None) or any(
        "Fut" in c.morph.get("Tense", None) for c in head.children if c.dep_.startswith("aux"))


def _value(m: re.Match[str], dct: dt.date | None, text: str, future_verb: bool) -> str | None:
    if m["month"]:
        day = 1 if m["day"].lower() == "1er" else int(m["day"])
        month = MONTHS[m["month"].lower()]
        year = int(m["year"]) if m["year"] else \
            _coming_year(dct, month, day) if future_verb else _nearest_year(dct, month, day)
        if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
            return None
        found = calendar_day(year, month, day)  # None for « 31 février »
        return found.isoformat() if found else None
    if m["month_only"]:
        year = int(m["month_year"])
        month = MONTHS[m["month_only"].lower()]
        return f"{year:04d}-{month:02d}" if FIRST_YEAR <= year <= LAST_YEAR else None
    if m["year_only"]:
        year = int(m["year_only"])
        return f"{year:04d}" if FIRST_YEAR <= year <= LAST_YEAR else None
    if dct is None:
        return None
    if m["this_unit"]:
        return _period(dct, m["this_unit"].lower(), 0)
    if m["period_unit"]:
        step = 1 if m["period_which"].lower().startswith("prochain") else -1
        return _period(dct, m["period_unit"].lower(), step)
    if m["relative"]:
        return (dct + dt.timedelta(days=RELATIVE_DAYS[m["relative"].lower()])).isoformat()
    weekday = WEEKDAYS[m["weekday"].lower()]
    which = (m["which"] or "").lower()
    future = which == "prochain" or (not which and (future_verb or _FUTURE.search(
        text, max(0, m.start() - FUTURE_REACH), m.end() + FUTURE_REACH) is not None))
    date = _weekday_near(dct, weekday, future).isoformat()
    if which in ("dernier", "passé") and date == dct.isoformat():
        date = (dct - dt.timedelta(days=7)).isoformat()  # « lundi dernier » on a Monday
    return f"{date}T{PARTS_OF_DAY[which]}" if which in PARTS_OF_DAY else date


def _period(dct: dt.date, unit: str, step: int) -> str:
    """The week, month, year or part of today ``step`` units from the article date's, as
    TimeML writes it (2025-W37, 2025-09, 2025, 2025-09-10TMO)."""
    if unit in PARTS_OF_DAY:
        return f"{dct.isoformat()}T{PARTS_OF_DAY[unit]}"
    if unit == "semaine":
        year, week, _ = (dct + dt.timedelta(weeks=step)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "mois":
        months = dct.year * 12 + dct.month - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{dct.year + step:04d}"


def _weekday_near(dct: dt.date, weekday: int, future: bool) -> dt.date:
    """The weekday named next to the article date: the last one on or before it (news
    reports what happened), or the next one after it when the sentence speaks of the
    future."""
    if future:
        return dct + dt.timedelta(days=(weekday - dct.weekday()) % 7 or 7)
    return dct - dt.timedelta(days=(dct.weekday() - weekday) % 7)


def _coming_year(dct: dt.date | None, month: int, day: int) -> int | None:
    """The year of a date without one that a future verb speaks of (« aura lieu le 3
    novembre », said in April): the first from the article date on, a week's slack back
    (``TENSE_DAY_SLACK``, as the English rule)."""
    if dct is None:
        return None
    for year in (dct.year, dct.year + 1):
        found = calendar_day(year, month, day)
        if found is not None and (found - dct).days >= -TENSE_DAY_SLACK:
            return year
    return None


def _nearest_year(dct: dt.date | None, month: int, day: int) -> int | None:
    """The year of a date written without one: the article's, or the one next to it when
    that puts the date within half a year of the article (« le 28 décembre » in January)."""
    if dct is None:
        return None
    best = None
    for year in (dct.year - 1, dct.year, dct.year + 1):
        if (found := calendar_day(year, month, day)) is None:
            continue
        gap = abs((found - dct).days)
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else None


