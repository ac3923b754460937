"""Key dates first: the few days of each story a reader should see before the full timeline.

A day's score is the sum of its KEY_DAY_ITEMS best rows' scores (``corpus.ranking``): a day
with a happening and the story's main voices beats a day of one minor remark, and a day
of fifty minor remarks does not beat either. A day is key when its score reaches
KEY_DAY_SHARE of the story's best day's, up to MAX_KEY_DATES days. Each key date carries
a one-line summary made of its best rows' titles (an event that did not happen marked as
such, ``TimelineItem.status``) and the independent sources behind all of its rows
(syndicated copies folded).

A day long before the story's own reporting is background, not the story's news: a day
more than BACKGROUND_DAYS before the story's earliest publication day, which fewer than
BACKGROUND_SOURCES independent sources report, stays on the timeline but is never a key
date ("the treaty was signed on April 4, 1949" told as context by one article of a 1999
story; review RDR5 F8). A day several outlets report on their own is the story's news
however old it is (a corpus that starts mid-story, an anniversary story).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from ..records import KeyDate, Story, TimelineItem
from ..text import clip
from .sources import SourceIndex
from .timeline import STATUS_LABELS

__all__ = ["find_key_dates"]

# Rows of a day that count towards its score. Three: a day's happening, its main statement
# and one more; the fourth row of a busy day is rarely news of its own. Tuned on the seeds
# (their gold: 4 key days, 3 optional) with 2, 3 and 5 giving the same key days there.
KEY_DAY_ITEMS = 3
# Share of the best day's score a day needs to be key: half. Seeds: 0.4-0.7 give the same
# key days; ECB+ dev stories (one seminal event each) get one to three key days.
KEY_DAY_SHARE = 0.5
# At most this many key dates per story: "the few days a reader should see first".
MAX_KEY_DATES = 5
# Rows whose titles make a key date's summary, and the characters each title keeps there.
SUMMARY_ITEMS = 2
SUMMARY_ITEM_CHARS = 110
# Days before the story's earliest publication day within which a day is still the story's
# own news: a week. A news report tells the last week's days by their weekday names
# ("on Monday", "last Thursday") and reports them as news; a day further back is named by
# its date, as the context the news happened in (a treaty, a landing, a founding). The seeds'
# earliest key day is one day before their first article; ECB+, SemEval and TimeBank
# stories' key days before their first article are listed in bench/NOTES.md.
BACKGROUND_DAYS = 7
# Independent sources that make an earlier day the story's news all the same: two outlets
# that report the day on their own (syndicated copies folded), not one article's context.
BACKGROUND_SOURCES = 2


def find_key_dates(stories: Sequence[Story], rows: Sequence[TimelineItem],
                   sources: SourceIndex) -> list[KeyDate]:
    """Every story's key dates, by story and in date order; ``rows`` are the ranked rows
    of ``corpus.timeline``. Undated rows are never key dates, and nor are statements nobody
    is named for: they are timeline rows (issue 17: every statement shown), but a day a
    reader should see first is not made, nor summed up, by words no one stands behind."""
    days: dict[str, dict[str, list[TimelineItem]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        if r.date and (r.kind != "quote" or r.speaker):
            days[r.story][r.date[:10]].append(r)
    out = []
    for story in stories:
        story_days = days.get(story.id, {})
        own = {d: rs for d, rs in story_days.items()
               if not _background(d, story.first) or sources.count(
                   a for r in rs for a in r.articles) >= BACKGROUND_SOURCES}
        out.extend(_story_key_dates(story.id, own, sources))
    return out


def _background(day: str, first: str | None) -> bool:
    """Whether ``day`` (a day, month or year) ends more than BACKGROUND_DAYS before the
    story's earliest publication day ``first``: background unless BACKGROUND_SOURCES
    independent sources report it (the caller counts them)."""
    start = _day(first)
    end = _last_day(day)
    return start is not None and end is not None and \
        end < start - timedelta(days=BACKGROUND_DAYS)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def _last_day(text: str) -> date | None:
    """The last day a date of day, month ("1999-03") or year ("1949") precision covers."""
    parts = text[:10].split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    if len(nums) == 3:
        return _day(text)
    if len(nums) == 2:
        y, m = nums
        return date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1) if 1 <= m <= 12 else None
    if len(nums) == 1 and len(parts[0]) == 4:
        return date(nums[0], 12, 31)
    return None


def _story_key_dates(story: str, days: dict[str, list[TimelineItem]],
                     sources: SourceIndex) -> list[KeyDate]:
    if not days:
        return []
    best_first = {d: sorted(rs, key=lambda r: (-r.score, r.rank, r.kind != "event", r.ref))
                  for d, rs in days.items()}
    scores = {d: round(sum(r.score for r in rs[:KEY_DAY_ITEMS]), 3)
              for d, rs in best_first.items()}
    top = max(scores.values())
    chosen = sorted((d for d in scores if scores[d] >= KEY_DAY_SHARE * top),
                    key=lambda d: (-scores[d], d))[:MAX_KEY_DATES]
    ranks = {d: n for n, d in enumerate(chosen, 1)}
    return [KeyDate(story=story, date=d, summary=_summary(best_first[d]),
                    independent_sources=sources.count(a for r in days[d] for a in r.articles),
                    rank=ranks[d], score=scores[d])
            for d in sorted(chosen)]


def _summary(best_first: Sequence[TimelineItem]) -> str:
    """The day's best rows' titles, each clipped, on one line; an event that did not (yet)
    happen says so after its clipped title ("Meeting: ... (planned)"), so the clip never
    cuts the mark and a plan never reads as a happening."""
    return "; ".join(clip(" ".join(r.title.split()), SUMMARY_ITEM_CHARS) + _status_mark(r)
                     for r in best_first[:SUMMARY_ITEMS])


def _status_mark(row: TimelineItem) -> str:
    label = STATUS_LABELS.get(row.status or "")
    return f" ({label})" if label else ""
