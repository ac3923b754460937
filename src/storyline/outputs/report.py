"""One story (or all of them) as a self-contained HTML file or as Markdown.

The HTML report inlines its stylesheet, carries no script and loads nothing: a meta
Content-Security-Policy forbids script and network fetches, so hostile text in an article
stays text even when the file is opened from disk. It renders the web app's own views
(``web.views``) with the app's timeline template.
"""

from __future__ import annotations

import re
from typing import Any, TextIO
from urllib.parse import quote as url_quote

from ..errors import ConfigError
from ..store import Store
from ..web import views
from ..web.display import display_text

# Opened from disk the report has no origin to trust: nothing but its own inline CSS.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
# Characters a URL may keep inside <...>; everything else (spaces, <, >, parentheses) is
# percent-encoded so the autolink cannot end early.
_URL_SAFE = ":/?#@!$&'*+,;=%~"
# What Markdown acts on anywhere in a line: escapes, code, emphasis, links and images
# (a bracket), HTML and autolinks (<), strikethrough (~) and entity references (&name;).
# Nothing else is escaped: "Interfax-Ukraine" and "U.S." stay as written.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>~])|&(?=#?\w+;)")
# What Markdown acts on only at the start of a line (a heading, a list item, a numbered
# item, a quote block) and a heading's closing hashes at its end.
_MD_LINE_START = re.compile(r"^(#|[+\-]\s|>|(\d+)[.)]\s)")
_MD_CLOSING_HASHES = re.compile(r"(\s)(#+)$")


def report_views(store: Store, story: str | None = None) -> list[views.View]:
    """The story views the report shows: one story, or every story (newest first)."""
    ids = [story] if story else [r["id"] for r in store.story_rows()]
    out = []
    # A statement reported in two stories links to one note (an id is unique in the file).
    noted: set[str] = set()
    for sid in ids:
        view = views.story_view(store, sid)
        if view is None:
            raise ConfigError(f"no story {sid!r} in the store; list them with the web app "
                              "or `storyline export`")
        notes = [n for n in _notes(view) if n["id"] not in noted]
        noted.update(n["id"] for n in notes)
        out.append({**view, "notes": notes})
    return out


def _notes(view: views.View) -> list[views.View]:
    """The source sentences a report links to inside itself: those of the statement rows and
    renderings whose article has no URL (the others link to the outlet's page)."""
    items = [i for part in ("days", "earlier", "later") for d in view[part]
             for i in d["entries"]] + view["undated"]
    notes = [i["note"] for i in items if i["note"] and not i["url_link"]]
    notes += [r["note"] for i in items if len(i["renderings"]) > 1
              for r in i["renderings"] if r["note"] and not r["url"]]
    return list({n["id"]: n for n in notes}.values())


def render_html(store: Store, story: str | None = None) -> str:
    from markupsafe import Markup

    from ..web.templating import STATIC, environment

    # Our own stylesheet, inlined as is: escaping it would turn its quoted font names into
    # entities that CSS does not decode, and the whole font rule would be dropped.
    css = Markup((STATIC / "style.css").read_text(encoding="utf-8"))
    template = environment().get_template("report.html")
    return template.render(stories=report_views(store, story), css=css, csp=REPORT_CSP,
                           links=False)


def md_text(text: str | None) -> str:
    """Text that Markdown shows literally: no links, HTML, emphasis, line structure or
    display controls."""
    flat = " ".join(display_text(text or "").split())
    flat = _MD_SPECIAL.sub(lambda m: "\\" + (m[1] or "&"), flat)
    flat = _MD_LINE_START.sub(lambda m: f"{m[2]}\\{m[1][len(m[2]):]}" if m[2]
                              else "\\" + m[1], flat)
    return _MD_CLOSING_HASHES.sub(lambda m: m[1] + "\\#" * len(m[2]), flat)


def md_url(url: str | None) -> str:
    """An http(s) URL as a Markdown autolink, or nothing when it is anything else."""
    safe = views.safe_url(url)
    return f"<{url_quote(safe, safe=_URL_SAFE)}>" if safe else ""


def render_markdown(store: Store, story: str | None = None) -> str:
    lines: list[str] = []
    for v in report_views(store, story):
        lines += _md_story(v)
    # md_text cleans every stored string; this pass also covers the lines built around them.
    return display_text("\n".join(lines)) + "\n"


def _md_story(v: views.View) -> list[str]:
    s = v["story"]
    lines = [f"# {md_text(s['title']) or 'Untitled story'}", "",
             f"{views.day_span(s['first'], s['last'])} · {_count(s['articles'], 'article')}"
             f"{_after(', ', str(v['undated_articles'] or ''), ' of them undated')} · "
             f"{_sources(s)}", ""]
    if v["key_dates"]:
        lines += ["## Key dates", ""] + [
            f"- **{md_text(k['label'])}** "
            f"({_sources(k)})"
            + _after(": ", md_text(k["summary"])) for k in v["key_dates"]] + [""]
    lines += ["## Timeline", ""]
    for day in v["days"]:
        lines += [f"### {md_text(day['label'])}", ""] + [_md_item(i) for i in day["entries"]]
        lines.append("")
    for part, head, where in _OUTSIDE_SPAN:
        if v[part]:
            lines += [f"### {head}", "", f"Days the articles name more than "
                      f"{v['outside_span_days']} days {where}: listed apart, not on the "
                      "story's own timeline.", ""]
            for day in v[part]:
                lines += [f"#### {md_text(day['label'])}", ""] + \
                    [_md_item(i) for i in day["entries"]] + [""]
    if v["undated"]:
        lines += ["### Undated", "", "No day could be fixed for these; each group says why.", ""]
        for g in v["undated_groups"]:
            why = md_text(g["why"])
            lines += ([f"_Why undated: {why}_", ""] if why else []) + \
                [_md_item(i, with_why=False) for i in g["items"]] + [""]
    if v["contradictions"]:
        lines += ["## Contradictions", ""] + [_md_pair(c) for c in v["contradictions"]] + [""]
    lines += ["## Sources", ""] + [line for g in v["sources"] for line in _md_group(g)] + [""]
    return lines


# The story view's parts for dated rows far outside its articles' span, as headed here.
_OUTSIDE_SPAN = (("earlier", "Background: earlier dates mentioned",
                  "before the story's first article"),
                 ("later", "Later dates mentioned", "after the story's last article"))


def _md_item(i: dict[str, Any], with_why: bool = True) -> str:
    """One timeline row, once: what happened or who said what (reported speech without
    quotation marks), its sources, and a link to its sentence on the outlet's page."""
    who = md_text(i["speaker"]["name"]) if i["speaker"] else "Unattributed"
    if i["speaker"] and i["speaker"].get("by"):  # found by a pronoun or a title, not named
        who += f" ({md_text(i['speaker']['by'])})"
    named = bool(i["speaker"])
    what = _md_who_said(who, i["said"], None if named else i.get("reported_by"), named) \
        if i["said"] else md_text(i["title"]) or "Untitled event"
    if i.get("status_label"):  # a plan or a denial, never read as what happened
        what += f" _({md_text(i['status_label'])})_"
    outlets = [o for o in (_md_outlet(s) for s in i["sources"]) if o] or \
        [md_text(o) for o in i["outlets"] if o]
    sources = _sources(i) + \
        (f": {', '.join(outlets)}" if outlets else "")
    line = f"- {what} _({sources})_"
    if i["url_link"]:
        line += f" {md_url(i['url_link'])}"
    elif i["sentence"] and md_text(i["sentence"]["text"]):  # no URL: the sentence itself
        outlet = _after(" (", md_text(i["sentence"]["outlet"]), ")")
        line += f" — source sentence{outlet}: {md_text(i['sentence']['text'])}"
    # how a day no source states was inferred (the row's own notes)
    line += _after(" — ", md_text("; ".join(i["date_notes"])))
    if with_why:  # an undated group says its reason once
        line += _after(" — undated: ", md_text(i["undated_why"]))
    extra = [r for r in i["renderings"] if r["id"] != i["ref"]] if len(i["renderings"]) > 1 \
        else []
    return "\n".join([line] + [f"  - also in {md_text(r['outlet'])}: "
                                f"{_md_who_said(who, r['said'], None, named)} "
                                f"{md_url(r['url'])}".rstrip() for r in extra])


def _md_who_said(who: str, said: dict[str, Any], reported_by: str | None = None,
                 named: bool = True) -> str:
    """"Liv Dahl said that ...", or for words nobody is named for "Unattributed (reported
    by IRNA) _(reported)_: ...": no verb that would make "Unattributed" its subject."""
    by = _after(" (reported by ", md_text(reported_by), ")")
    if named or not said["verb"]:
        return f"{who}{by} {_md_said(said)}"
    return f"{who}{by} _(reported)_: {md_text(said['text'])}"


def _md_said(s: dict[str, Any]) -> str:
    """'said that ...' for reported speech (no marks), a direct quote in marks with its
    kind, a fragment in its sentence with the fragment in bold."""
    if s["verb"]:
        return f"{md_text(s['verb'])} {md_text(s['text'])} _(reported)_"
    if s["before"] is not None:
        before, after = md_text(s["before"]), md_text(s["after"])
        # the pieces join as the sentence has them: a space only where the text has one
        return (f"_(quoted fragment)_: {before}{' ' if s['before'][-1:].isspace() else ''}"
                f"**{md_text(s['text'])}**{' ' if s['after'][:1].isspace() else ''}{after}")
    return f"_(direct quote)_: “{md_text(s['text'])}”"


def _md_pair(c: dict[str, Any]) -> str:
    sides = []
    for q in (c["a"], c["b"]):
        if q is None:
            sides.append("(statement not in store)")
            continue
        outlet = views.outlet_label(q["article"]["outlet"], q["article"].get("source_id"))
        where = f"{md_text(q['when'])}, {md_text(outlet)}"
        name = str((q.get("speaker") or {}).get("name") or "").strip()
        who = md_text(name) if name else "Unattributed"  # as a timeline row names nobody
        sides.append(_md_who_said(f"{who} ({where})", q["said"], q.get("reported_by") if not name
                                  else None, bool(name)))
    return f"- {_after('', md_text(c['why']), ': ')}{sides[0]} **vs** {sides[1]}"


def _md_outlet(s: dict[str, Any]) -> str:
    """"Daily Harbour (translation of Reuters)": a copy says whose story it carries; an article of
    another story says so."""
    elsewhere = " (in another story)" if s.get("other_story") else ""
    if not s["copy_of"]:
        return md_text(s["outlet"] + elsewhere)
    of = f" of {s['copy_of_outlet']}" if s.get("copy_of_outlet") else ""
    return md_text(f"{s['outlet']} ({s['copy_label']}{of}){elsewhere}")


def _after(before: str, text: str, after: str = "") -> str:
    """``text`` between ``before`` and ``after``; nothing at all when ``text`` is empty, so
    an empty field leaves no stray colon or brackets behind."""
    return f"{before}{text}{after}" if text else ""


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' if n != 1 else ''}"


def _sources(v: dict[str, Any]) -> str:
    """A story's, key date's or row's independent sources as the pages say them: "at least"
    when pages that name no outlet are behind it (``store.web.count_sources``)."""
    words = _count(v["independent_sources"], "independent source")
    return f"at least {words}" if v.get("sources_unnamed") else words


def _md_group(g: dict[str, Any]) -> list[str]:
    """A source line, or a wire story: its head line and one indented line per outlet."""
    lines = [_md_source(a) for a in g["articles"]]
    if not g["wire"]:
        return lines
    head = f"- one wire story, {len(lines)} articles, counted as 1 independent source:"
    return [head] + ["  " + line for line in lines]


def _md_source(a: dict[str, Any]) -> str:
    copy = f" ({a['copy_label']})" if a["copy_of"] else ""
    wire = f" · crediting {md_text(a['wire'])}" if a["wire"] else ""
    return (f"- {views.day_label(a['published'])} · {md_text(a['outlet'])}{copy}{wire} · "
            f"{md_text(a['label'])} {md_url(a['url'])}").rstrip()


def write_report(store: Store, out: TextIO, story: str | None = None, fmt: str = "html") -> None:
    if fmt not in ("html", "md"):
        raise ConfigError(f"report format {fmt!r} is unknown; use html or md")
    out.write(render_html(store, story) if fmt == "html" else render_markdown(store, story))
