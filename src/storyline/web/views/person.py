"""The person page: an entity's name variants, statements, mentions over time, and the
articles and stories that name it.
"""

from __future__ import annotations

from ...store import Store
from .labels import MONTHLY_DAYS, View, brief_view, day_label, parse_day
from .quotes import by_statement, quote_row


def person_view(store: Store, entity_id: str) -> View | None:
    entity = store.entities_by_ids([entity_id]).get(entity_id)
    if entity is None:
        return None
    rows = store.quotes_by_speaker(entity_id)
    # The variants a reader meets: merged aliases plus the names each article used.
    # Written alike (case, spacing) they are one variant, shown as running text writes it
    # ("the NATO chief" before "The NATO chief"), whatever order the set iterates in.
    seen = {" ".join(entity.name.split()).casefold()}
    variants = []
    for v in sorted({*entity.aliases, *(r["speaker_name"] for r in rows if r["speaker_name"])},
                    key=lambda v: (v.casefold(), not v[:1].islower(), v)):
        if (key := " ".join(v.split()).casefold()) not in seen:
            seen.add(key)
            variants.append(v)
    quotes = by_statement([quote_row(r) for r in rows])
    by_day = store.entity_mentions_by_day(entity_id)
    # Named: every stored mention of it; articles: every article naming it (an article has
    # one publication day, so the per-day counts add up to both; the list below is a page).
    named = sum(r["mentions"] for r in by_day)
    in_articles = sum(r["articles"] for r in by_day)
    # "the NATO chief": a variant that is a description, not a name (it opens in lower case
    # or with an article); the shortest reads best beside the name ("the president" over
    # "the only president tough enough to ...")
    description = min((_lower_first(v) for v in variants
                       if v[:1].islower() or v.split(" ", 1)[0] in _ARTICLES),
                      key=lambda v: (len(v), v), default=None)
    return {"entity": {"id": entity.id, "name": entity.name, "type": entity.type,
                       "mentions": entity.mentions, "named": named, "articles": in_articles,
                       "description": description},
            "variants": variants, "quotes": quotes,
            "statements": len({r.get("statement") or r["id"] for r in rows}),
            "mentions_over_time": mentions_over_time(by_day),
            "articles": [{**brief_view(a), "mentions": a["mentions"]}
                         for a in store.entity_articles(entity_id)],
            "stories": store.entity_stories(entity_id),
            "about": by_statement([quote_row(r) for r in store.quotes_naming(entity_id)])}


# Words that open a description rather than a name ("The president", "A spokesman").
_ARTICLES = frozenset({"The", "A", "An"})


def _lower_first(variant: str) -> str:
    """"The president" as it reads inside a sentence: "the president"."""
    first, _, rest = variant.partition(" ")
    return f"{first.lower()} {rest}" if first in _ARTICLES and rest else variant


def mentions_over_time(rows: list[View]) -> View:
    """Mentions per day, or per month past MONTHLY_DAYS, each as a bar relative to the
    busiest; pages with no date counted apart."""
    dated = [(d, r) for r in rows if (d := parse_day(r["day"]))]
    undated = sum(r["mentions"] for r in rows if not parse_day(r["day"]))
    undated_articles = sum(r["articles"] for r in rows if not parse_day(r["day"]))
    monthly = bool(dated) and (dated[-1][0] - dated[0][0]).days > MONTHLY_DAYS
    periods: dict[str, list[int]] = {}
    for d, r in dated:
        key = d.strftime("%Y-%m") if monthly else d.isoformat()
        n = periods.setdefault(key, [0, 0])
        n[0] += r["mentions"]
        n[1] += r["articles"]
    top = max((m for m, _ in periods.values()), default=1)
    return {"per": "month" if monthly else "day", "undated": undated,
            "undated_articles": undated_articles,
            "bars": [{"period": k, "label": day_label(k), "mentions": m, "articles": a,
                      "width": max(1, round(100 * m / top))} for k, (m, a) in periods.items()]}
