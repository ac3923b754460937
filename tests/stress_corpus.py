"""A synthetic multilingual corpus that stresses every stage the way real crawls do.

Everything here is invented text. What it is made of:

- articles in English, German, French, Polish, Russian, Greek, Arabic and Chinese, and
  English articles quoting names in those scripts;
- names that differ only by diacritics, case, transliteration or script ("Müller",
  "Muller", "MÜLLER", "Mueller"; "Łódź" / "Lodz"; "Дмитрий Петров" / "Dmitry Petrov");
- one name used for a person and for an organisation ("Müller" the mayor, "Müller" the
  company, "the Müller Group");
- empty pages, pages of markup only, a one-word page and one very long article;
- the same stories as HTML files, text dumps (with and without a ``date`` header) and JSONL.

``write_corpus(folder)`` writes it and returns the paths; ``python tests/stress_corpus.py
DIR`` does the same from a shell. The output depends only on ``seed``.
"""

from __future__ import annotations

import html
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

# Variants of each name, as different outlets would write them; a few names are also
# organisations (ORGS), as in real corpora.
PEOPLE = {
    "mueller": ["Hans Müller", "Hans Muller", "HANS MÜLLER", "Hans Mueller", "Müller",
                "Muller", "MÜLLER", "Mayor Hans Müller", "Dr. Hans Müller", "H. Müller",
                "Bürgermeister Hans Müller"],
    "weiss": ["Jürgen Weiß", "Jurgen Weiss", "Jürgen Weiss", "Weiß", "Weiss", "WEISS"],
    "wojcik": ["Łukasz Wójcik", "Lukasz Wojcik", "Łukasz Wojcik", "Wójcik", "Wojcik"],
    "petrov": ["Dmitry Petrov", "Dmitri Petrov", "Дмитрий Петров", "Petrov", "Петров",
               "Dmitriy Petrov"],
    "papadopoulos": ["Nikos Papadopoulos", "Νίκος Παπαδόπουλος", "Papadopoulos",
                     "Παπαδόπουλος", "Nikos Papadopoulós"],
    "hassan": ["Mohamed Hassan", "Mohammed Hassan", "محمد حسن", "Hassan", "Mohamed Hasan"],
    "wang": ["Wang Wei", "王伟", "Wang", "WANG WEI"],
    "dubois": ["Zoë Dubois", "Zoe Dubois", "Zoé Dubois", "Dubois", "DUBOIS"],
    "ford": ["Anna Ford", "Ford", "Ms. Ford"],
    # Hyphens: one word as written, two once folded.
    "schaefer": ["Thorsten Schäfer-Gümbel", "Schäfer-Gümbel", "Schäfer", "Schaefer",
                 "Karl-Heinz Schäfer", "SCHÄFER"],
    "leclerc": ["Jean-Luc Leclerc", "Leclerc", "Jean-Luc", "J.-L. Leclerc"],
}
# Organisations whose names are also people's names, and their variants.
ORGS = {
    "mueller": ["Müller Group", "The Müller Group", "MÜLLER GROUP", "Muller Group", "Müller AG",
                "Mueller AG"],
    "ford": ["Ford", "Ford Motor", "Ford Motor Company", "FORD"],
    "wang": ["Wang Group", "The Wang Group", "Wang Holdings"],
    "weiss": ["Weiss & Partner", "Weiß und Partner", "Weiss"],
    "schaefer": ["Schäfer-Gümbel", "Schäfer-Gümbel GmbH", "Schäfer"],
}
PLACES = ["Baden-Württemberg", "Nordrhein-Westfalen", "Sachsen-Anhalt", "Łódź", "Lodz", "LODZ",
          "Lódz", "München", "Muenchen", "Munich", "Köln", "Koeln",
          "Cologne", "Zürich", "Zurich", "Москва", "Moscow", "Moskau", "Αθήνα", "Athens",
          "القاهرة", "Cairo", "北京", "Beijing", "Kyiv", "Kiev", "Kijów", "Gdańsk", "Gdansk"]
OUTLETS = ["Hafenblatt", "Rheinische Abendpost", "Le Quotidien du Nord", "Gazeta Łódzka",
           "Вечерние вести", "Η Καθημερινή Ημέρα", "الأخبار اليومية", "北方日报",
           "The Daily Ledger", "Nordic Wire"]
URL_HOSTS = ["www.hafenblatt.de", "rheinische-abendpost.de", "quotidien-du-nord.fr",
             "gazeta-lodzka.pl", "vecher.example.ru", "kathimerini-imera.gr", "akhbar.example.eg",
             "beifang.example.cn", "news.dailyledger.co.uk", "nordicwire.example.com"]

# Sentence templates per language; {p} a person, {q} another person, {o} an organisation,
# {c} a place, {n} a number, {d} a date in the language's own words, {s} a person by
# surname alone.
SENTENCES = {
    "en": [
        "{s} said the talks had failed, and {s} would not sign.",
        "Asked about {o}, {s} declined to comment.",
        "{p} said on Monday that the port strike in {c} would end within {n} days.",
        "\u201cWe will not accept this offer,\u201d {p} told reporters in {c}.",
        "{o} announced {n} job cuts at its plant in {c}, according to {p}.",
        "Shares of {o} fell {n} percent after {q} criticised the deal.",
        "{p} met {q} in {c} on {d} to discuss the strike.",
        "The spokesman for {o}, {p}, denied that talks had failed.",
        "According to {q}, {o} had offered a {n} percent pay rise.",
        "{p}'s office said the mayor would visit {c} next week.",
        "Police in {c} said {n} people were injured during the protest on {d}.",
        "{o} and {q} signed an agreement in {c} on {d}.",
    ],
    "de": [
        "{s} sagte, die Gespräche seien gescheitert; {s} werde nicht unterschreiben.",
        "{p} sagte am Montag, der Hafenstreik in {c} werde in {n} Tagen enden.",
        "\u201eWir werden dieses Angebot nicht annehmen\u201c, sagte {p} in {c}.",
        "{o} kündigte den Abbau von {n} Stellen in {c} an, berichtete {q}.",
        "Die Aktie von {o} fiel um {n} Prozent, nachdem {q} den Vertrag kritisiert hatte.",
        "Bürgermeister {p} traf sich am {d} mit {q} in {c}.",
        "Laut {q} hat {o} eine Lohnerhöhung von {n} Prozent angeboten.",
        "Die Straße vor dem Rathaus in {c} blieb gesperrt, teilte die Polizei mit.",
        "Größere Proteste gab es am {d} in {c}; {n} Menschen wurden verletzt.",
    ],
    "fr": [
        "{p} a déclaré lundi que la grève du port de {c} prendrait fin dans {n} jours.",
        "« Nous n'accepterons pas cette offre », a affirmé {p} à {c}.",
        "Selon {q}, {o} a proposé une hausse de salaire de {n} pour cent.",
        "{o} a annoncé la suppression de {n} emplois à {c}.",
    ],
    "pl": [
        "{p} powiedział w poniedziałek, że strajk w {c} zakończy się za {n} dni.",
        "Według {q} firma {o} zaproponowała podwyżkę o {n} procent.",
        "Źródło w urzędzie w {c} potwierdziło spotkanie z {q}.",
    ],
    "ru": [
        "{p} заявил в понедельник, что забастовка в {c} закончится через {n} дней.",
        "По словам {q}, компания {o} предложила повышение зарплаты на {n} процентов.",
        "«Мы не примем это предложение», — сказал {p}.",
    ],
    "el": [
        "Ο {p} δήλωσε τη Δευτέρα ότι η απεργία στην {c} θα λήξει σε {n} ημέρες.",
        "Σύμφωνα με τον {q}, η {o} πρότεινε αύξηση μισθών {n} τοις εκατό.",
    ],
    "ar": [
        "قال {p} يوم الاثنين إن الإضراب في {c} سينتهي خلال {n} أيام.",
        "وبحسب {q}، عرضت شركة {o} زيادة في الأجور بنسبة {n} في المئة.",
    ],
    "zh": [
        "{p}周一表示，{c}的罢工将在{n}天内结束。",
        "据{q}说，{o}提出加薪百分之{n}。",
    ],
}
DATES = {"en": ["March 3", "Tuesday", "3 March 2025", "last Friday"],
         "de": ["3. März", "Dienstag", "3. März 2025", "vergangenen Freitag"],
         "fr": ["3 mars", "mardi"], "pl": ["3 marca"], "ru": ["3 марта"], "el": ["3 Μαρτίου"],
         "ar": ["3 مارس"], "zh": ["3月3日"]}
# Mostly German and English, as in the crawls this corpus stands in for.
LANGUAGE_WEIGHTS = {"de": 8, "en": 6, "fr": 2, "pl": 1, "ru": 1, "el": 1, "ar": 1, "zh": 1}
# Namesakes: one person written with an apostrophe (one word as written, two once folded)
# and mostly by the part after it, one by that part alone under a title, and another
# person with the same surname, so a surname alone has no single owner.
NAMESAKES = [
    ["O'Brien said on Monday that the strike would end. Brien told reporters the deal was "
     "off. Brien added that talks would resume. Brien said the union would meet again.",
     "O'Brien said on {d} that the strike would end. Brien told reporters the deal was off. "
     "Brien added that talks would resume. Brien said the union would meet again.",
     "O'Brien said on Monday that the strike would end. Brien told reporters the deal was "
     "off. Brien added that talks would resume in {n} days. Brien said the union would meet "
     "again."],
    ["Police chief Brien told reporters the deal was off, and Brien added that talks would "
     "resume.",
     "Police chief Brien told reporters the deal was off, and Brien added that talks would "
     "resume in {n} days."],
    ["Sean Brien said on Monday that the pay offer was too low. Sean Brien told reporters "
     "the strike would go on.",
     "Sean Brien said on Monday that the pay offer was too low. Sean Brien told reporters "
     "the strike would go on."],
]
# The long article is this many sentences (about 100 kB): long enough to cross any
# per-page size or time assumption a small fixture never reaches.
LONG_SENTENCES = 900


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    title: str
    text: str
    outlet: int
    day: str
    language: str


def write_corpus(folder: Path, articles: int = 90, seed: int = 7) -> list[Path]:
    """Write the corpus into ``folder`` (HTML, text dumps, one JSONL); return the paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pages = [_page(rng, i) for i in range(articles)]
    pages.append(_page(rng, articles, sentences=LONG_SENTENCES))
    paths: list[Path] = []
    jsonl: list[str] = []
    for i, page in enumerate(pages):
        form = i % 3
        if form == 0:
            paths.append(_write(folder / f"{page.name}.html", _html(page, rng)))
        elif form == 1:
            paths.append(_write(folder / f"{page.name}.txt", _dump(page, rng)))
        else:
            jsonl.append(json.dumps(_record(page, rng), ensure_ascii=False))
    jsonl += [json.dumps({"id": "empty-record", "text": ""}),
              json.dumps({"id": "blank-record", "text": "   \n\n  ", "url": ""})]
    paths.append(_write(folder / "records.jsonl", "\n".join(jsonl) + "\n"))
    paths += _namesakes(folder, rng)
    paths += _degenerate(folder)
    return paths


def _page(rng: random.Random, i: int, sentences: int = 0) -> Page:
    lang = rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0]
    count = sentences or rng.randint(3, 14)
    body = [_sentence(rng, lang) for _ in range(count)]
    paragraphs = [" ".join(body[k:k + 3]) for k in range(0, len(body), 3)]
    person = rng.choice(PEOPLE[rng.choice(list(PEOPLE))])
    title = {"de": f"Streik in {rng.choice(PLACES)}: {person} warnt",
             "en": f"{person} warns of strike in {rng.choice(PLACES)}"}.get(
                 lang, f"{person}: {rng.choice(PLACES)}")
    day = f"2025-03-{rng.randint(1, 28):02d}"
    return Page(f"{i:03d}-{lang}", title, "\n\n".join(paragraphs), rng.randrange(len(OUTLETS)),
                day, lang)


def _sentence(rng: random.Random, lang: str) -> str:
    template = rng.choice(SENTENCES[lang])
    p, q = rng.sample(list(PEOPLE), 2)
    surname = rng.choice([v for v in PEOPLE[p] if " " not in v])
    return template.format(p=rng.choice(PEOPLE[p]), q=rng.choice(PEOPLE[q]), s=surname,
                           o=rng.choice(ORGS[rng.choice(list(ORGS))]), c=rng.choice(PLACES),
                           n=rng.randint(2, 900), d=rng.choice(DATES[lang]))


def _html(page: Page, rng: random.Random) -> str:
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in page.text.split("\n\n"))
    site = html.escape(OUTLETS[page.outlet])
    url = f"https://{URL_HOSTS[page.outlet]}/{page.day.replace('-', '/')}/{page.name}.html"
    canonical = f'<link rel="canonical" href="{url}">' if rng.random() < 0.7 else ""
    return (f'<!DOCTYPE html><html lang="{page.language}"><head><meta charset="utf-8">'
            f"<title>{html.escape(page.title)} | {site}</title>"
            f'<meta property="og:site_name" content="{site}">{canonical}'
            f'<meta property="article:published_time" content="{page.day}T08:00:00Z">'
            f"</head><body><nav><a href='/'>Start</a> | <a href='/politik'>Politik</a></nav>"
            f"<article><h1>{html.escape(page.title)}</h1>{paras}</article>"
            f"<footer>© 2025 {site}. Alle Rechte vorbehalten.</footer></body></html>")


def _dump(page: Page, rng: random.Random) -> str:
    header = f" date {page.day} {OUTLETS[page.outlet]}\n" if rng.random() < 0.6 else ""
    return f"{header}{page.title}\n\n{page.text}\n\nTeilen | Drucken | Kommentare (0)\n"


def _record(page: Page, rng: random.Random) -> dict[str, str]:
    record = {"id": page.name, "title": page.title, "text": page.text}
    if rng.random() < 0.5:
        record["url"] = f"http://{URL_HOSTS[page.outlet]}/news/{page.name}"
    if rng.random() < 0.5:
        record["published"] = page.day
    return record


def _namesakes(folder: Path, rng: random.Random) -> list[Path]:
    paths = []
    for kind, templates in enumerate(NAMESAKES):
        for k, template in enumerate(templates * 2):
            text = template.format(d=rng.choice(DATES["en"]), n=rng.randint(2, 30))
            title = f"Harbour strike: talks {kind}-{k}"
            paths.append(_write(folder / f"namesake-{kind}-{k}.txt", f"{title}\n\n{text}\n"))
    return paths


def _degenerate(folder: Path) -> list[Path]:
    """Pages a crawl also brings: empty, markup only, one word, a script with no text."""
    return [_write(folder / "empty.txt", ""),
            _write(folder / "blank.txt", "\n \n\t\n"),
            _write(folder / "markup-only.html", "<html><head><title></title></head>"
                                                "<body><div></div></body></html>"),
            _write(folder / "one-word.txt", "Müller"),
            _write(folder / "script-only.html", "<html><body><script>var a = 1;</script>"
                                                "</body></html>")]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    for written in write_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "stress-corpus")):
        print(written)
