"""Quotations and reported speech: marks, speakers, cues and the day a statement was made.

Every text here is written for these tests (an invented fisheries story).
"""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import quotes
from storyline.analyze.quotes import dates, drafts, marks, parse
from storyline.records import Article, Mention, Quote, Timex


def spans(text: str) -> list[str]:
    return [text[s.start:s.end] for s in marks.find_spans(text)]


def test_marks_every_pair() -> None:
    text = 'She said “calm seas”, „no quota is planned” and «later» and "done now".'
    assert spans(text) == ["calm seas", "no quota is planned", "later", "done now"]


def test_marks_apostrophes_are_not_quotes() -> None:
    assert spans("Norway’s fleet ‘stays home’ in the fishermen’s view") == ["stays home"]


def test_marks_unbalanced_never_raise() -> None:
    assert spans('a stray " mark') == []
    assert spans("“Open at the start of a paragraph runs on") == [
        "Open at the start of a paragraph runs on"]
    assert spans("”“„«»") == []


def test_marks_mixed_straight_and_curly_pair_up() -> None:
    # scraped copy: a straight opener closed by a curly mark, and the other way round
    assert spans('"The catch fell by half,” the letter read.') == ["The catch fell by half,"]
    assert spans('“We will recover," she said. "Soon."') == ["We will recover,", "Soon."]
    # a mark's own closer still wins: “a b” then "c d"
    assert spans('He said “a b c” and "d e" too.') == ["a b c", "d e"]


def test_marks_typed_backticks_and_doubled_apostrophes() -> None:
    # ``wire copy'' typed without curly marks; a lone '' or `` is no quotation
    text = "The board said the plan was ``dead in the water,'' and rock 'n' roll ''lives''"
    assert spans(text) == ["dead in the water,"]
    found = marks.find_spans(text)
    assert text[slice(*marks.extent(text, found[0]))] == "``dead in the water,''"


def test_marks_quote_carried_over_lines() -> None:
    text = "He said “the catch fell by half.\nBut we will recover soon,” he added."
    assert spans(text) == ["the catch fell by half.", "But we will recover soon,"]


def test_fallback_weekday_is_the_last_one_on_or_before_publication() -> None:
    article = Article(id="a", source_id="a", source="a", published="2024-03-13",
                      text="Hansen said on Monday that the talks went well, and today more.")
    values = {t.text: t.value for t in dates.fallback_timexes(article)}
    assert values == {"Monday": "2024-03-11", "today": "2024-03-13"}


def test_fallback_names_with_odd_letters_or_no_such_day_give_nothing() -> None:
    # the pattern ignores case, so "ſ" (long s) matches "s"; February 29 of a common year
    article = Article(id="a", source_id="a", source="a", published="2024-02-28",
                      text="On \u017funday, on Augu\u017ft 3 and on February 29 it rained.")
    assert dates.fallback_timexes(article) == []


STORY = (
    "Fisheries Minister Ingrid Hansen announced Monday that the cod quota will be cut by "
    "a fifth.\n\n"
    "“We have no choice, the stock is at its lowest in forty years,” Hansen said. "
    "“Next year will be better.”\n\n"
    "She stressed that coastal boats would be spared.\n\n"
    "The stock has recovered before - noted the fisheries minister.\n\n"
    "According to the Coastal Times, trawler owners plan a protest.\n\n"
    "Harbour master Ole Berg called the cut “a hard blow” and said that the port would "
    "lose jobs.\n\n"
    "Experts were asked whether the cut was enough."
)


def _mentions(article: Article) -> list[Mention]:
    def m(text: str, label: str, key: str, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = article.text.index(text, start + 1)
        return Mention(article.id, start, start + len(text), text, label, key)

    return [m("Ingrid Hansen", "PERSON", "P:hansen"), m("Hansen", "PERSON", "P:hansen", 1),
            m("the fisheries minister", "ROLE", "P:hansen"),
            m("Coastal Times", "ORG", "O:times"), m("Ole Berg", "PERSON", "P:berg")]


@pytest.fixture(scope="module")
def story(nlp: Any) -> list[Quote]:
    article = Article(id="story", source_id="story", source="story", text=STORY,
                      published="2024-03-12")
    return quotes.find_quotes(nlp(STORY), article, _mentions(article), [])


def _find(found: list[Quote], words: str) -> Quote:
    hits = [q for q in found if words in q.text]
    assert hits, f"no quote holds {words!r}: {[q.text for q in found]}"
    return hits[0]


@pytest.mark.slow
def test_reported_speech_with_dated_cue(story: list[Quote]) -> None:
    q = _find(story, "cod quota will be cut")
    assert (q.kind, q.speaker_key, q.cue) == ("indirect", "P:hansen", "announced")
    assert q.said_on == "2024-03-11"
    # "announced Monday": the weekday's week is the article date's
    assert q.said_on_from == "own sentence, day from the article date"
    assert q.speaker_name == "Ingrid Hansen"


@pytest.mark.slow
def test_direct_quote_and_its_cueless_continuation(story: list[Quote]) -> None:
    first, second = _find(story, "no choice"), _find(story, "Next year will be better")
    assert first.kind == second.kind == "direct"
    assert first.speaker_key == second.speaker_key == "P:hansen"
    assert second.said_on == "2024-03-11"  # the same speaker's run inherits the lead's day


@pytest.mark.slow
def test_pronoun_and_role_speakers(story: list[Quote]) -> None:
    assert _find(story, "coastal boats would be spared").speaker_key == "P:hansen"
    dash = _find(story, "The stock has recovered before")
    assert (dash.kind, dash.speaker_key, dash.cue) == ("direct", "P:hansen", "noted")


@pytest.mark.slow
def test_outlet_is_no_speaker(story: list[Quote]) -> None:
    assert not any("protest" in q.text for q in story)


@pytest.mark.slow
def test_fragment_and_reported_clause_in_one_sentence(story: list[Quote]) -> None:
    frag, rep = _find(story, "a hard blow"), _find(story, "the port would lose jobs")
    assert (frag.kind, rep.kind) == ("direct", "indirect")
    assert frag.speaker_key == rep.speaker_key == "P:berg"
    assert frag.said_on is None  # no day of its own, and Berg has no dated statement
    assert frag.said_on_from == dates.SaidOnFrom.NOT_STATED  # and it says so


@pytest.mark.slow
def test_questions_are_not_statements(story: list[Quote]) -> None:
    assert not any("enough" in q.text for q in story)


@pytest.mark.slow
def test_ids_and_spans_point_into_the_text(story: list[Quote]) -> None:
    for q in story:
        assert STORY[q.start:q.end] == q.text
        assert q.sent_start <= q.start < q.end <= q.sent_end
    assert len({q.id for q in story}) == len(story)


@pytest.mark.slow
def test_unattributed_quote_keeps_null_speaker(nlp: Any) -> None:
    text = "The harbour was quiet.\n\n“Nobody knows what comes next for the boats here.”"
    article = Article(id="b", source_id="b", source="b", text=text, published="2024-03-12")
    found = quotes.find_quotes(nlp(text), article, [], [])
    assert [(q.text, q.speaker_key) for q in found] == [
        ("Nobody knows what comes next for the boats here.", None)]


@pytest.mark.slow
def test_odd_marks_do_not_crash(nlp: Any) -> None:
    text = 'He said ” odd „ marks « everywhere " and ‘ here.\n\n»«'
    article = Article(id="c", source_id="c", source="c", text=text)
    assert isinstance(quotes.find_quotes(nlp(text), article, [], []), list)


LEAD = (
    "Harbour board announces dredging of the north basin\n\n"
    "The harbour board announced the dredging of the north basin over the next two years.\n\n"
    "Chairwoman Liv Dahl said the board expects to hire 40 divers, 12 pilots and 6 engineers "
    "in Tromsø, Bodø and Vardø.\n\n"
    "The work will start in the spring, the board has announced.\n\n"
    "Dahl resigned in a letter to the council stating, “I have done what I came to do.”"
)


@pytest.fixture(scope="module")
def lead(nlp: Any) -> list[Quote]:
    article = Article(id="lead", source_id="lead", source="lead", text=LEAD,
                      published="2024-05-02")
    return quotes.find_quotes(nlp(LEAD), article, [], [])


@pytest.mark.slow
def test_announcement_object_is_a_statement(lead: list[Quote]) -> None:
    q = _find(lead, "dredging of the north basin over the next two years")
    assert (q.kind, q.cue) == ("indirect", "announced")


@pytest.mark.slow
def test_reported_clause_kept_whole_and_nested_stance_folded(lead: list[Quote]) -> None:
    q = _find(lead, "the board expects to hire 40 divers")
    assert q.text.endswith("Bodø and Vardø")  # the parse's subtree order is no cut-off
    assert not any(x.cue == "expects" for x in lead)  # the outer statement holds it


@pytest.mark.slow
def test_clause_before_its_cue(lead: list[Quote]) -> None:
    q = _find(lead, "The work will start in the spring")
    assert q.cue == "announced"


@pytest.mark.slow
def test_lead_statement_dated_by_the_article(lead: list[Quote]) -> None:
    q = _find(lead, "the board expects to hire")
    assert (q.said_on, q.said_on_from) == (
        "2024-05-02", "article date: lead statement with no time of its own")


@pytest.mark.slow
def test_speaker_of_a_document(lead: list[Quote]) -> None:
    q = _find(lead, "I have done what I came to do")
    assert (q.cue, q.speaker_mention) == ("stating", "Dahl")


@pytest.mark.slow
def test_stance_infinitive_and_negated_cue(nlp: Any) -> None:
    text = ("The union intends to strike at all four ports next week.\n\n"
            "The ministry did not confirm the new schedule for the ferries.")
    article = Article(id="d", source_id="d", source="d", text=text, published="2024-05-02")
    found = quotes.find_quotes(nlp(text), article, [], [])
    # an intention is a plan, no statement (tests/test_quotes_denied.py); nor is a denial
    assert found == []


@pytest.mark.slow
@pytest.mark.parametrize(("opening", "cue"), [("According to", "according to"),
                                              ("As per", "as per")])
def test_source_phrase_cue_is_stored_whole(nlp: Any, opening: str, cue: str) -> None:
    text = f"{opening} Tomas Brenner, the bridge will open in May after the last inspection."
    article = Article(id="c1", source_id="c1", source="c1", text=text)
    mention = Mention("c1", text.index("Tomas"), text.index(","), "Tomas Brenner", "PERSON",
                      "P:brenner")
    [q] = quotes.find_quotes(nlp(text), article, [mention], [])
    assert (q.cue, q.speaker_key) == (cue, "P:brenner")


@pytest.mark.slow
def test_own_outlet_is_a_source_even_when_read_as_a_person(nlp: Any) -> None:
    text = ("Lakeside Gazette reports with reference to Valley Wire that Mayor Tomas Brenner "
            "announced the new bridge will open in May.")
    article = Article(id="c2", source_id="c2", source="c2", text=text,
                      outlet="Lakeside Gazette", wire="Valley Wire")
    brenner = text.index("Tomas")
    mentions = [Mention("c2", 0, 16, "Lakeside Gazette", "PERSON", "P:gazette"),
                Mention("c2", brenner, brenner + 13, "Tomas Brenner", "PERSON", "P:brenner")]
    found = quotes.find_quotes(nlp(text), article, mentions, [])
    assert found and all(q.speaker_key != "P:gazette" for q in found)
    assert any(q.speaker_key == "P:brenner" and q.reported_by == "Lakeside Gazette"
               for q in found)


def _with_names(nlp: Any, text: str, names: list[tuple[str, str, str]]) -> list[Quote]:
    """Quotes of ``text`` with the given (name, label, key) mentions, first occurrences."""
    article = Article(id="n", source_id="n", source="n", text=text, published="2024-05-02")
    mentions = [Mention("n", text.index(n), text.index(n) + len(n), n, label, key)
                for n, label, key in names]
    return quotes.find_quotes(nlp(text), article, mentions, [])


@pytest.mark.slow
def test_a_fragment_or_a_title_never_names_the_speaker(nlp: Any) -> None:
    text = ('Brandt called Okafor a "reckless skipper" at the quay.\n\n'
            "Lena Holm spent May in the Lofoten (Holm said she was tired of the season).")
    found = _with_names(nlp, text, [
        ('Brandt called Okafor a "', "WORK_OF_ART", "W:1"),
        ("Lena Holm", "PERSON", "P:holm"), ("the Lofoten (Holm", "ORG", "O:lofoten")])
    names = {q.speaker_name for q in found}
    assert 'Brandt called Okafor a "' not in names and "the Lofoten (Holm" not in names
    # "(Holm said": the surname is the article's one Holm.
    assert any(q.speaker_key == "P:holm" for q in found)
    assert all(q.speaker_name is None or q.speaker_key is not None for q in found)


@pytest.mark.slow
def test_passive_quoted_as_saying(nlp: Any) -> None:
    text = "Harbour master Ole Berg was quoted as saying the north basin would close in May."
    [q] = _with_names(nlp, text, [("Ole Berg", "PERSON", "P:berg")])
    assert (q.speaker_key, q.cue) == ("P:berg", "saying")


@pytest.mark.slow
def test_pronoun_looks_back_past_reported_content_to_the_speaker(nlp: Any) -> None:
    # Okafor is the subject inside Dahl's statement; "she" is Dahl, the one who spoke.
    text = ("According to Liv Dahl, Okafor signed the quota deal on Monday.\n\n"
            "“It was a long night,” she said.")
    found = _with_names(nlp, text, [("Liv Dahl", "PERSON", "P:dahl"),
                                    ("Okafor", "PERSON", "P:okafor")])
    assert _find(found, "long night").speaker_key == "P:dahl"


@pytest.mark.slow
def test_pronoun_takes_a_person_introduced_as_subject_since(nlp: Any) -> None:
    text = ("“Prices will fall,” Liv Dahl said on Monday.\n\n"
            "Two days later Ole Berg visited the harbour. He said that the basin would reopen.")
    found = _with_names(nlp, text, [("Liv Dahl", "PERSON", "P:dahl"),
                                    ("Ole Berg", "PERSON", "P:berg")])
    assert _find(found, "the basin would reopen").speaker_key == "P:berg"


@pytest.mark.slow
def test_pronoun_with_nobody_before_it_is_unattributed(nlp: Any) -> None:
    text = "“We will win this port back,” he told reporters on Monday."
    [q] = _with_names(nlp, text, [])
    assert (q.speaker_name, q.speaker_key, q.speaker_mention) == (None, None, "he")


@pytest.mark.slow
def test_whose_spokesman_is_not_the_speaker(nlp: Any) -> None:
    text = "Liv Dahl toured the quay. “The basin is safe,” Dahl's campaign said on Monday."
    [q] = _with_names(nlp, text, [("Liv Dahl", "PERSON", "P:dahl")])
    assert (q.speaker_key, q.speaker_mention) == (None, "Dahl's campaign")


@pytest.mark.slow
def test_a_role_is_the_person_the_article_gives_it(nlp: Any) -> None:
    text = ("Sen. Ole Berg toured the quay with Liv Dahl. “The basin is safe,” Dahl said. "
            "The senator said that the dredging would start in May.")
    found = _with_names(nlp, text, [("Ole Berg", "PERSON", "P:berg"),
                                    ("Liv Dahl", "PERSON", "P:dahl")])
    assert _find(found, "dredging would start").speaker_key == "P:berg"


@pytest.mark.slow
def test_a_role_the_article_gives_nobody_stays_unnamed(nlp: Any) -> None:
    text = "“The basin is safe,” Dahl said. The governor said that the dredging would start."
    found = _with_names(nlp, text, [("Dahl", "PERSON", "P:dahl")])
    q = _find(found, "dredging would start")
    assert (q.speaker_key, q.speaker_name, q.speaker_mention) == (None, None, "The governor")


@pytest.mark.slow
def test_a_dotted_title_is_the_person_the_article_gives_it(nlp: Any) -> None:
    # "U.S." folds to single-spaced words, as the title windows do
    text = ("U.S. Ambassador Ole Berg opened the quay. The U.S. ambassador said on Friday "
            "that the quay was safe.")
    found = _with_names(nlp, text, [("Ole Berg", "PERSON", "P:berg")])
    assert _find(found, "quay was safe").speaker_key == "P:berg"


@pytest.mark.slow
def test_a_title_never_stands_in_an_earlier_paragraph(nlp: Any) -> None:
    # "minister" ends the paragraph before Berg's name: it is no title of his
    text = ("“The basin is safe,” the harbour minister said.\n\n"
            "Gov. Ole Berg opened the new quay on Monday.")
    found = _with_names(nlp, text, [("Ole Berg", "PERSON", "P:berg")])
    q = _find(found, "The basin is safe")
    assert (q.speaker_key, q.speaker_mention) == (None, "the harbour minister")


@pytest.mark.slow
def test_a_pronoun_never_stands_for_a_person_marked_the_other_gender(nlp: Any) -> None:
    text = ("Mrs. Liv Dahl met Mr. Ole Berg at the quay. “The basin is safe,” Berg said. "
            "She said that the dredging would start in May.")
    found = _with_names(nlp, text, [("Liv Dahl", "PERSON", "P:dahl"),
                                    ("Ole Berg", "PERSON", "P:berg")])
    assert _find(found, "The basin is safe").speaker_key == "P:berg"
    assert _find(found, "dredging would start").speaker_key == "P:dahl"



@pytest.mark.slow
def test_a_pronoun_never_stands_for_a_person_whose_given_name_is_the_other_genders(
        nlp: Any) -> None:
    # no title says who is who: "Dominic" is a man's name, "Yvonne" a woman's
    text = ("Yvonne Hallam met detective Dominic Berg at the quay. Berg said the basin was "
            "safe. She said that the dredging would start in May.")
    found = _with_names(nlp, text, [("Yvonne Hallam", "PERSON", "P:hallam"),
                                    ("Dominic Berg", "PERSON", "P:berg")])
    assert _find(found, "dredging would start").speaker_key == "P:hallam"


@pytest.mark.slow
def test_a_given_name_borne_by_both_says_no_gender(nlp: Any) -> None:
    text = "Jordan Hallam opened the quay. She said that the dredging would start in May."
    found = _with_names(nlp, text, [("Jordan Hallam", "PERSON", "P:hallam")])
    assert _find(found, "dredging would start").speaker_key == "P:hallam"

@pytest.mark.slow
def test_a_name_read_as_a_title_after_a_closing_quote_is_the_speaker(nlp: Any) -> None:
    text = "“The basin is safe,” Berg, 46, said on Monday."
    [q] = _with_names(nlp, text, [("Berg", "WORK_OF_ART", "W:berg")])
    assert (q.speaker_name, q.speaker_key) == ("Berg", "W:berg")


@pytest.mark.slow
def test_a_role_before_the_name_and_a_pronoun_after_it(nlp: Any) -> None:
    text = ("The ship was greeted by guests, including the Prime Minister of Norway, Mr. Ole "
            "Berg, at the new quay. In his speech, the Prime Minister praised the crew. He "
            "also said that the quay was a milestone for the town.")
    found = _with_names(nlp, text, [("Ole Berg", "PERSON", "P:berg"),
                                    ("the Prime Minister of Norway", "ROLE", "R:pm"),
                                    ("Norway", "GPE", "G:norway")])
    assert _find(found, "quay was a milestone").speaker_key == "P:berg"


# Honest quotes (issue 17.2): a statement's text is what was said, nothing around it.

# "Pressed on whether ..., Hansen stated that ...", as the parser can read it in a longer
# article: the framing clause hung on the cue verb as a second clausal complement, before
# its subject. (word, part of speech, tag, dependency, head index, lemma)
FRAMED = [
    ("Pressed", "VERB", "VBN", "nsubjpass", 13, "press"), ("on", "ADP", "IN", "prep", 0, "on"),
    ("whether", "SCONJ", "IN", "mark", 7, "whether"), ("the", "DET", "DT", "det", 4, "the"),
    ("question", "NOUN", "NN", "nsubj", 7, "question"), ("of", "ADP", "IN", "prep", 4, "of"),
    ("Norway", "PROPN", "NNP", "pobj", 5, "Norway"),
    ("making", "VERB", "VBG", "pcomp", 1, "make"), ("new", "ADJ", "JJ", "amod", 9, "new"),
    ("concessions", "NOUN", "NNS", "dobj", 7, "concession"), ("to", "ADP", "IN", "prep", 7, "to"),
    ("Iceland", "PROPN", "NNP", "pobj", 10, "Iceland"),
    ("was", "AUX", "VBD", "auxpass", 13, "be"), ("raised", "VERB", "VBN", "ccomp", 16, "raise"),
    (",", "PUNCT", ",", "punct", 16, ","), ("Hansen", "PROPN", "NNP", "nsubj", 16, "Hansen"),
    ("stated", "VERB", "VBD", "ROOT", 16, "state"), ("that", "SCONJ", "IN", "mark", 22, "that"),
    ("the", "DET", "DT", "det", 19, "the"), ("issue", "NOUN", "NN", "nsubjpass", 22, "issue"),
    ("was", "AUX", "VBD", "auxpass", 22, "be"), ("not", "PART", "RB", "neg", 22, "not"),
    ("discussed", "VERB", "VBN", "ccomp", 16, "discuss"), ("in", "ADP", "IN", "prep", 22, "in"),
    ("Oslo", "PROPN", "NNP", "pobj", 23, "Oslo"), (".", "PUNCT", ".", "punct", 16, "."),
]


def _parsed(rows: list[tuple[str, str, str, str, int, str]]) -> Any:
    """A Doc with the given parse, no model: the speech rules read just these attributes."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in ",." for i in range(len(words))]
    return Doc(Vocab(), words=words, spaces=spaces, pos=[r[1] for r in rows],
               tags=[r[2] for r in rows], deps=[r[3] for r in rows],
               heads=[r[4] for r in rows], lemmas=[r[5] for r in rows])


def test_framing_clause_before_the_cue_is_not_what_was_said() -> None:
    doc = _parsed(FRAMED)
    article = Article(id="f", source_id="f", source="f", text=doc.text, published="2024-05-02")
    found = quotes.find_quotes(doc, article, [], [])
    assert [(q.kind, q.cue, q.speaker_mention, q.text) for q in found] == [
        ("indirect", "stated", "Hansen", "the issue was not discussed in Oslo")]


def test_a_clause_before_its_cue_is_kept_when_none_follows() -> None:
    # "Norway was not discussed, Hansen stated.": the one clause is the statement.
    doc = _parsed([
        ("Norway", "PROPN", "NNP", "nsubjpass", 3, "Norway"),
        ("was", "AUX", "VBD", "auxpass", 3, "be"),
        ("not", "PART", "RB", "neg", 3, "not"), ("discussed", "VERB", "VBN", "ccomp", 6, "discuss"),
        (",", "PUNCT", ",", "punct", 6, ","), ("Hansen", "PROPN", "NNP", "nsubj", 6, "Hansen"),
        ("stated", "VERB", "VBD", "ROOT", 6, "state"), (".", "PUNCT", ".", "punct", 6, ".")])
    article = Article(id="g", source_id="g", source="g", text=doc.text)
    assert [q.text for q in quotes.find_quotes(doc, article, [], [])] == [
        "Norway was not discussed"]


def test_a_cue_word_opening_the_reported_clause_stays_out() -> None:
    # "He adds, noting flights to Oslo are possible.", the participle read as the clause's
    # subject: what he added is that flights are possible, not "noting ...".
    doc = _parsed([
        ("He", "PRON", "PRP", "nsubj", 1, "he"), ("adds", "VERB", "VBZ", "ROOT", 1, "add"),
        (",", "PUNCT", ",", "punct", 1, ","), ("noting", "VERB", "VBG", "csubj", 7, "note"),
        ("flights", "NOUN", "NNS", "dobj", 3, "flight"), ("to", "ADP", "IN", "prep", 4, "to"),
        ("Oslo", "PROPN", "NNP", "pobj", 5, "Oslo"), ("are", "AUX", "VBP", "ccomp", 1, "be"),
        ("possible", "ADJ", "JJ", "acomp", 7, "possible"), (".", "PUNCT", ".", "punct", 1, ".")])
    article = Article(id="i", source_id="i", source="i", text=doc.text)
    assert [(q.cue, q.text) for q in quotes.find_quotes(doc, article, [], [])] == [
        ("adds", "flights to Oslo are possible")]


def _said(nlp: Any, text: str) -> list[tuple[str, str]]:
    article = Article(id="h", source_id="h", source="h", text=text, published="2024-05-02")
    found = quotes.find_quotes(nlp(text), article, [], [])
    for q in found:
        assert (marks.without_edge_marks(text[q.start:q.end]) if q.kind == "indirect"
                else text[q.start:q.end]) == q.text
    return [(q.kind, q.text) for q in found]


def _balanced(text: str) -> bool:
    return sum(text.count(m) for m in "„“«") == sum(text.count(m) for m in "”»")


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "According to the harbour master, the north basin will close in May for dredging.",
    "The harbour master said on Monday that the north basin will close in May for dredging.",
    "The harbour master told reporters that the north basin will close in May for dredging.",
    "Asked about the delay, the harbour master said that the north basin will close in May "
    "for dredging.",
])
def test_reported_content_is_the_clause_alone(nlp: Any, text: str) -> None:
    assert ("indirect", "the north basin will close in May for dredging") in _said(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(("opening", "closing"), [("„", "”"), ("“", "”")])
def test_reported_speech_takes_a_quoted_part_with_both_marks(nlp: Any, opening: str,
                                                            closing: str) -> None:
    # The span takes the quoted part whole; the text shows it without the marks at its edge
    # (issue 17 §2: reported speech is never shown inside quotation marks).
    text = (f"Later, Ingrid Hansen indicated on Friday that {opening}no new quota is planned"
            f"{closing} between the two fishing nations, despite calls from the fleet.")
    found = _said(nlp, text)
    reported = [t for k, t in found if k == "indirect"]
    assert reported == ["no new quota is planned between the two fishing "
                        "nations, despite calls from the fleet"]
    assert ("direct", "no new quota is planned") in found
    [q] = [q for q in quotes.find_quotes(nlp(text), Article(
        id="h", source_id="h", source="h", text=text), [], []) if q.kind == "indirect"]
    assert text[q.start:q.end].startswith(opening)


@pytest.mark.slow
def test_reported_speech_ending_in_a_quoted_word_takes_its_closing_mark(nlp: Any) -> None:
    text = ("Hansen insisted that the deal signed in Bergen proved that the ban on trawling "
            "was “permanent.”")
    found = _said(nlp, text)
    assert all(_balanced(t) for _, t in found), found
    assert ("direct", "permanent") in found


@pytest.mark.slow
def test_direct_quotes_leave_the_reporting_sentence_punctuation_out(nlp: Any) -> None:
    text = ("“We have done what we could to get to this point,” Hansen said. She called the "
            "talks “very useful.” “Will it hold? Nobody knows.”")
    found = [t for k, t in _said(nlp, text) if k == "direct"]
    assert found == ["We have done what we could to get to this point", "very useful",
                     "Will it hold? Nobody knows."]


@pytest.mark.slow
def test_a_government_agency_speaks_and_a_news_agency_is_a_source(nlp: Any) -> None:
    text = ("The fisheries agency said it would close the northern grounds for the spring.\n\n"
            "Trawlers will stay in port until May, the Nordic news agency reported.")
    article = Article(id="d", source_id="d", source="d", text=text)
    found = quotes.find_quotes(nlp(text), article, [], [])
    assert [(q.text, q.speaker_mention) for q in found] == [
        ("it would close the northern grounds for the spring", "The fisheries agency")]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "content"), [
    ("The harbour master said the pier was damaged, but no boat had been lost.",
     "the pier was damaged, but no boat had been lost"),
    ("The harbour master said the pier was damaged, and the ferry left at noon.",
     "the pier was damaged"),
    ("The harbour master said the pier was damaged, but declined to give a cost.",
     "the pier was damaged"),
])
def test_a_contrast_after_the_reported_clause_is_the_speakers(
        nlp: Any, sentence: str, content: str) -> None:
    # The parser hangs "but B" on the cue verb; "and B" and a subjectless "but declined"
    # are the writer's.
    article = Article(id="e", source_id="e", source="e", text=sentence)
    found = quotes.find_quotes(nlp(sentence), article, [], [])
    assert [q.text for q in found] == [content]


@pytest.mark.slow
def test_a_cue_inside_the_sentence_reports_the_clause_before_it(nlp: Any) -> None:
    text = "The cod stock is at its lowest in forty years, Hansen said, but it can recover."
    article = Article(id="f", source_id="f", source="f", text=text)
    found = quotes.find_quotes(nlp(text), article, [], [])
    assert [(q.text, q.speaker_mention) for q in found] == [
        ("The cod stock is at its lowest in forty years", "Hansen")]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The trawler is expected to reach Tromsø on Monday morning.",
    "It is expected that the quota talks will be monitored by observers.",
    "Hansen called the harbour office to let the crew know the storm was coming.",
    "I'd like to thank the crews of the northern fleet and their families.",
    "You can say all you want that there are cheaper ferries, and you'll be right.",
    "If you want to fish in the fjord this spring, you need a new permit.",
    "Unless the ministry agrees to lift the ban, the fleet stays in port.",
    "Hansen refused to have her photograph taken at the quay.",
    "Olsen wants the council to build a new pier before the winter.",
    "We expect the cod season to be long and the prices to stay low.",
    "Expected by many to win the herring quota, the northern fleet lost it to Bergen.",
    "The skipper police say is behind the collision in the fjord now faces a charge.",
])
def test_wanting_and_being_expected_are_no_statements(nlp: Any, text: str) -> None:
    # Desire, refusal, a passive subject, a purpose without an addressee, the writer's own
    # stance and a condition report nobody's words (H7 finding 5).
    assert _said(nlp, text) == []


@pytest.mark.slow
@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The ministry told trawlers not to enter the northern grounds.",
     "told", "trawlers not to enter the northern grounds"),
    ("The union called on the ministry to lift the ban before May.",
     "called", "to lift the ban before May"),
    ("The minister expressed hope that the talks would resume in May.",
     "expressed hope", "the talks would resume in May"),
    ("Olsen said that he expected catches to fall by a third this year.",
     "expected", "catches to fall by a third this year"),
])
def test_stances_with_a_named_holder_are_reported(nlp: Any, text: str, cue: str,
                                                  content: str) -> None:
    article = Article(id="s", source_id="s", source="s", text=text)
    found = quotes.find_quotes(nlp(text), article, [], [])
    assert (cue, content) in [(q.cue, q.text) for q in found]


@pytest.mark.slow
def test_a_pronoun_after_an_unresolved_speaker_is_not_the_person_quoted_about(
        nlp: Any) -> None:
    # The model found no person in "Eirik Solvang"; "he" is still Solvang, not Brenner,
    # who is named inside the quotation (H7 finding 9).
    text = ("Mayor Tomas Brenner opened the new fish market on Monday.\n\n"
            "Eirik Solvang, a professor at Tromsø, said the mayor's plan had split the town. "
            "“By promising too much, Brenner makes every deal with the fleet harder,” he said.")
    found = _with_names(nlp, text, [("Tomas Brenner", "PERSON", "P:brenner")])
    q = _find(found, "By promising too much")
    assert q.speaker_key is None and q.speaker_mention == "he"


@pytest.mark.slow
def test_the_writers_own_stance_is_no_cue_of_a_quote(nlp: Any) -> None:
    text = "Clearly, I expect a flood of “now the fleet has to stay home” letters."
    article = Article(id="w", source_id="w", source="w", text=text)
    found = quotes.find_quotes(nlp(text), article, [], [])
    assert all(q.cue is None and q.speaker_mention is None for q in found)


# ---------------------------------------------------------------- how speakers and days were found

@pytest.mark.slow
def test_speaker_found_by_pronoun_or_continuation_says_so(story: list[Quote]) -> None:
    assert _find(story, "no choice").speaker_from == "named"
    assert _find(story, "Next year will be better").speaker_from == "previous statement"
    assert _find(story, "coastal boats would be spared").speaker_from == "pronoun"


@pytest.mark.slow
def test_speaker_found_by_title_says_so(nlp: Any) -> None:
    text = ("Sen. Ole Berg toured the quay with Liv Dahl. “The basin is safe,” Dahl said. "
            "The senator said that the dredging would start in May.")
    found = _with_names(nlp, text, [("Ole Berg", "PERSON", "P:berg"),
                                    ("Liv Dahl", "PERSON", "P:dahl")])
    assert _find(found, "dredging would start").speaker_from == "title"
    assert _find(found, "basin is safe").speaker_from == "named"


@pytest.mark.slow
def test_unattributed_pronoun_has_no_speaker_provenance(nlp: Any) -> None:
    [q] = _with_names(nlp, "“We will win this port back,” he told reporters on Monday.", [])
    assert q.speaker_from is None


@pytest.mark.parametrize(("text", "expected"), [
    ("March 4", True), ("4 Sept.", True), ("Wednesday, May 8", True),
    ("March 4, 2024", False), ("4 March 2024", False), ("May 3 '24", False),
    ("Monday", False), ("yesterday", False),
])
def test_yearless_month_and_day(text: str, expected: bool) -> None:
    assert dates.yearless(text) is expected


DATED = ("Harbour master Ole Berg said on March 4 that the dredging of the inner basin would "
         "take two more years.")


def _dated(nlp: Any, text: str, timexes: list[tuple[str, str]]) -> Quote:
    article = Article(id="d", source_id="d", source="d", text=text, published="2024-03-12")
    start = text.index("Ole Berg")
    mentions = [Mention("d", start, start + 8, "Ole Berg", "PERSON", "P:berg")]
    found = [Timex("d", text.index(t), text.index(t) + len(t), t, v) for t, v in timexes]
    [q] = quotes.find_quotes(nlp(text), article, mentions, found)
    return q


@pytest.mark.slow
def test_yearless_day_takes_the_article_year_and_says_so(nlp: Any) -> None:
    q = _dated(nlp, DATED, [("March 4", "2024-03-04")])
    assert (q.said_on, q.said_on_from) == ("2024-03-04", "own sentence, year from the article date")
    full = DATED.replace("March 4", "March 4, 2024")
    q = _dated(nlp, full, [("March 4, 2024", "2024-03-04")])
    assert (q.said_on, q.said_on_from) == ("2024-03-04", "own sentence")


@pytest.mark.slow
def test_yearless_day_after_the_article_is_never_in_the_future(nlp: Any) -> None:
    later = DATED.replace("March 4", "March 20")
    # the time expression stage reads it in the article's year: a day not yet come
    q = _dated(nlp, later, [("March 20", "2024-03-20")])
    assert (q.said_on, q.said_on_from) == (None, dates.SaidOnFrom.AFTER_ARTICLE)
    # the fallback reading (no time expressions passed) takes the year before, and says so
    q = _dated(nlp, later, [])
    assert (q.said_on, q.said_on_from) == ("2023-03-20", "own sentence, year from the article date")


@pytest.mark.parametrize(("text", "how"), [
    ("March 4", dates.SaidOnFrom.OWN_SENTENCE_YEAR), ("4 mars", dates.SaidOnFrom.OWN_SENTENCE_YEAR),
    ("3/4", dates.SaidOnFrom.OWN_SENTENCE_YEAR), ("the 4th", dates.SaidOnFrom.OWN_SENTENCE_YEAR),
    ("March 4, 2024", dates.SaidOnFrom.OWN_SENTENCE), ("2024-03-04", dates.SaidOnFrom.OWN_SENTENCE),
    ("4.3.2024", dates.SaidOnFrom.OWN_SENTENCE),
    ("Wednesday", dates.SaidOnFrom.OWN_SENTENCE_DAY),
    ("yesterday", dates.SaidOnFrom.OWN_SENTENCE_DAY),
    ("Wednesday at 10.30", dates.SaidOnFrom.OWN_SENTENCE_DAY),
    ("two days ago", dates.SaidOnFrom.OWN_SENTENCE_DAY),
    ("2 days ago", dates.SaidOnFrom.OWN_SENTENCE_DAY),
    ("Monday at 9 pm", dates.SaidOnFrom.OWN_SENTENCE_DAY),
    ("mercredi à 18h", dates.SaidOnFrom.OWN_SENTENCE_DAY),
])
def test_a_stated_day_says_what_the_article_date_gave_it(text: str,
                                                         how: dates.SaidOnFrom) -> None:
    assert dates.stated_from(text) is how


def test_weekdays_and_relative_days_are_stated_days() -> None:
    # statements group such renderings as they did when the day was plain "own sentence"
    assert dates.SaidOnFrom.OWN_SENTENCE_DAY in dates.STATED
    assert not dates.STATED & dates.UNDATED


@pytest.mark.slow
def test_a_weekday_is_counted_from_the_article_date_and_says_so(nlp: Any) -> None:
    q = _dated(nlp, DATED.replace("on March 4", "on Monday"), [("Monday", "2024-03-11")])
    assert (q.said_on, q.said_on_from) == ("2024-03-11", "own sentence, day from the article date")


def _undated(nlp: Any, text: str, timexes: list[tuple[str, str]]) -> Quote:
    article = Article(id="d", source_id="d", source="d", text=text, published=None)
    start = text.index("Ole Berg")
    mentions = [Mention("d", start, start + 8, "Ole Berg", "PERSON", "P:berg")]
    found = [Timex("d", text.index(t), text.index(t) + len(t), t, v) for t, v in timexes]
    [q] = quotes.find_quotes(nlp(text), article, mentions, found)
    return q


@pytest.mark.slow
def test_an_undated_statement_says_why(nlp: Any) -> None:
    # a day that needs the article's date, in an article without one
    q = _undated(nlp, DATED, [("March 4", "XXXX-03-04")])
    assert (q.said_on, q.said_on_from) == (None, dates.SaidOnFrom.NO_ANCHOR)
    # a weekday the time expression stage could not value, the article being undated
    weekday = DATED.replace("on March 4", "on Friday")
    assert _undated(nlp, weekday, []).said_on_from == dates.SaidOnFrom.NO_ANCHOR
    # no time at all in an undated article
    plain = DATED.replace(" on March 4", "")
    assert _undated(nlp, plain, []).said_on_from == dates.SaidOnFrom.NOT_STATED_UNDATED
    # a time that is no day ("last week") in a dated article
    week = DATED.replace("on March 4", "last week")
    q = _dated(nlp, week, [("last week", "2024-W10")])
    assert (q.said_on, q.said_on_from) == (None, dates.SaidOnFrom.VAGUE)


def _paragraph_spans_by_scan(text: str, start: int, end: int) -> tuple[list[marks.Span], bool]:
    """``marks._paragraph_spans`` as it was, looking at every character in turn."""
    spans: list[marks.Span] = []
    i = start
    while i < end:
        if text[i] not in marks.CLOSERS or not marks._opens(text, i, start):
            i += 1
            continue
        close = marks._find_closer(text, i, end)
        if close is None:
            rest = marks._trimmed(text, i + 1, end)
            if rest and len(text[i + 1:end].split()) >= marks.MIN_OPEN_WORDS:
                return spans + rest, True
            i += 1
            continue
        spans.extend(marks._trimmed(text, i + 1, close))
        i = close + 1
    return spans, False


def test_marks_search_for_openers_finds_what_a_scan_of_every_character_does() -> None:
    import random

    pieces = ["a", "bc ", " ", "'", '"', "“", "”", "„", "«", "»", "‘", "’", "‚", "‹", "›",
              ",", "1", "x'y", "  ", "d e f g "]
    rng = random.Random(20)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        start = rng.randint(0, len(text) // 3)
        assert marks._paragraph_spans(text, start, len(text)) == \
            _paragraph_spans_by_scan(text, start, len(text)), text


def test_marks_kept_spans_are_not_changed_by_a_caller() -> None:
    text = 'He said “calm seas” and "done now".'
    first = marks.find_spans(text)
    first.clear()  # each call hands out its own list; the kept spans stay as found
    assert spans(text) == ["calm seas", "done now"]


def test_is_name_keeps_its_verdict_per_text() -> None:
    from storyline.analyze.quotes import speakers

    assert speakers.is_name("Ingrid Hansen") and speakers.is_name("Ingrid Hansen")
    assert not speakers.is_name("the minister") and not speakers.is_name("he")
    assert speakers.is_name.cache_info().hits >= 1


@pytest.mark.slow
def test_reporting_candidates_hold_every_cue_and_reporting_verb(nlp: Any) -> None:
    from storyline.analyze.quotes import parse

    for text in (STORY, LEAD, DATED):
        doc = nlp(text)
        reporting, cues = parse.reporting_candidates(doc)
        assert [t.i for t in doc if parse.is_reporting(t)] == [
            i for i in reporting if parse.is_reporting(doc[i])]
        assert [t.i for t in doc if parse.is_cue(t)] == [i for i in cues if parse.is_cue(doc[i])]
        assert set(cues) <= set(reporting) and reporting == sorted(reporting)
        assert cues, text[:40]


def _attached_by_scan(cue: Any, timex: Timex) -> bool:
    """``dates._attached`` as it was, walking the sentence from its first token (a time on
    the cue verb itself: ``dates.ON_CUE``)."""
    sent = cue.sent
    if not (sent.start_char <= timex.start < sent.end_char):
        return False
    for tok in sent:
        if not (timex.start <= tok.idx < timex.end):
            continue
        head = tok.head
        if head.i != tok.i and not (timex.start <= head.idx < timex.end):
            if head.dep_ == "prep" and head.head.i != head.i:
                head = head.head
            return bool(head.i == cue.i and tok.dep_ in dates.VERB_TIME_DEPS)
    return False


@pytest.mark.slow
def test_a_time_attached_to_its_cue_is_found_from_its_first_token(nlp: Any) -> None:
    for text in (STORY, LEAD, DATED):
        doc = nlp(text)
        times = [Timex("t", doc[a].idx + skip, doc[b - 1].idx + len(doc[b - 1].text), "", "")
                 for a in range(len(doc)) for b in range(a + 1, min(a + 5, len(doc) + 1))
                 for skip in (0, 1)]
        for cue in (t for t in doc if t.pos_ == "VERB"):
            for timex in times:
                on_cue = dates._attached(cue, cue.sent, timex) == dates.ON_CUE
                assert on_cue == _attached_by_scan(cue, timex)


def test_a_text_without_source_words_is_not_searched_for_source_phrases() -> None:
    # The text-wide check stands for every sentence's only because each word has the same
    # lower case alone as inside the text (no final sigma, no length change).
    words = {w for pair in parse.SOURCE_PAIRS for w in pair} | parse.SOURCE_CASE_WORDS
    assert all(w.isascii() for w in words)
    assert parse.may_name_source("The talks ended. According to officials, a deal is near.")
    assert parse.may_name_source("Selon la police, l'enquête continue.")
    assert not parse.may_name_source("The talks ended on Monday. A deal is near, he said.")


@pytest.mark.slow
def test_the_sentences_handed_to_the_drafts_give_what_doc_sents_gives(nlp: Any) -> None:
    for text in (STORY, LEAD, DATED):
        doc = nlp(text)
        article = Article(id="a", source_id="a", source="a", text=text,
                          published="2024-03-05")
        direct = drafts.direct_drafts(doc, article)
        assert direct == drafts.direct_drafts(doc, article, sentences=list(doc.sents))
        assert (drafts.reported_drafts(doc, direct)
                == drafts.reported_drafts(doc, direct, sentences=list(doc.sents)))


@pytest.mark.slow
def test_a_role_with_the_name_set_beside_it_is_that_person(nlp: Any) -> None:
    # "the commerce secretary, Gary Lindgren": Lindgren, not another secretary the article
    # names earlier, and not an unnamed role.
    text = ("Interior Secretary Nils Farstad toured the harbour on Monday.\n\n"
            "“The quota holds,” the commerce secretary, Gary Lindgren, told reporters.\n\n"
            "Nils Farstad, the head of the port authority, said 30 boats stayed in port. "
            "“We have berths for all,” the head of the fleet service, Ola Brekke, said.")
    found = _with_names(nlp, text, [
        ("Nils Farstad", "PERSON", "P:farstad"), ("Gary Lindgren", "PERSON", "P:lindgren"),
        ("Ola Brekke", "PERSON", "P:brekke"),
        ("the commerce secretary", "ROLE", "ROLE:commerce secretary"),
        ("the head of the fleet service", "ROLE", "ROLE:fleet service head")])
    q = _find(found, "The quota holds")
    assert (q.speaker_key, q.speaker_name) == ("P:lindgren", "Gary Lindgren")
    q = _find(found, "We have berths")
    assert (q.speaker_key, q.speaker_from) == ("P:brekke", "named")


@pytest.mark.slow
def test_a_quotation_run_over_two_paragraphs_is_its_closing_speakers(nlp: Any) -> None:
    # The first paragraph of the quotation has no cue; the one who closes it said it, not
    # the speaker of the paragraph before (nor of the sentence before its opening mark).
    text = ("Lena Holm, the harbour master, said 30 boats stayed in port.\n\n"
            "\"Most of the quays are not safe to use any more.\n\n"
            "However, by nightfall every boat will have a berth,\" the head of the fleet "
            "service, Ola Brekke, told the radio.")
    found = _with_names(nlp, text, [("Lena Holm", "PERSON", "P:holm"),
                                    ("Ola Brekke", "PERSON", "P:brekke")])
    assert _find(found, "Most of the quays").speaker_key == "P:brekke"
    assert _find(found, "However, by nightfall").speaker_key == "P:brekke"


@pytest.mark.slow
def test_a_pronoun_in_the_paragraph_after_an_unresolved_speaker_is_not_the_one_before(
        nlp: Any) -> None:
    # The model found no person in "Eirik Solvang"; "he" in the next paragraph is still
    # Solvang, not Brekke, quoted before him.
    text = ("“Every boat will have a berth,” the fleet chief, Ola Brekke, told the radio.\n\n"
            "Harbour chief Eirik Solvang told the paper that ten boats had sunk.\n\n"
            "“Around 100 crew are housed in tents,” he said.")
    found = _with_names(nlp, text, [("Ola Brekke", "PERSON", "P:brekke")])
    q = _find(found, "Around 100 crew")
    assert q.speaker_key is None and q.speaker_mention == "he"


def test_the_noun_a_relative_clause_describes_is_no_statement() -> None:
    # "..., a prospect Okafor denied.", parsed with "Okafor denied" as the sentence's root
    # and the clause before as what he denied: what Okafor denied is the prospect.
    doc = _parsed([
        ("Brandt", "PROPN", "NNP", "nsubj", 1, "Brandt"),
        ("repeated", "VERB", "VBD", "ccomp", 9, "repeat"),
        ("concerns", "NOUN", "NNS", "dobj", 1, "concern"),
        ("about", "ADP", "IN", "prep", 2, "about"),
        ("Okafor", "PROPN", "NNP", "pobj", 3, "Okafor"), (",", "PUNCT", ",", "punct", 9, ","),
        ("a", "DET", "DT", "det", 8, "a"), ("prospect", "NOUN", "NN", "compound", 8, "prospect"),
        ("Okafor", "PROPN", "NNP", "nsubj", 9, "Okafor"),
        ("denied", "VERB", "VBD", "ROOT", 9, "deny"), (".", "PUNCT", ".", "punct", 9, ".")])
    article = Article(id="r", source_id="r", source="r", text=doc.text)
    assert [q.speaker_mention for q in quotes.find_quotes(doc, article, [], [])] == []


@pytest.mark.slow
def test_a_paragraph_naming_its_own_speaker_takes_no_cue_from_the_one_before(
        nlp: Any) -> None:
    # The parse reaches "he adds" from the quotation's paragraph; the paragraph names
    # Fancher in words it does not read as a cue: never Morimoto.
    text = ("“The boat will play a role in this,” he adds, noting trips to Oslo are "
            "possible.\n\n"
            "“We are launching the first delivery boat,” enthused Scott Fancher, the yard's "
            "project manager.\n\n"
            "“That's an amazing thing for those who worked on the programme.”")
    found = _with_names(nlp, "Mitsuo Morimoto runs the fleet.\n\n" + text,
                        [("Mitsuo Morimoto", "PERSON", "P:morimoto"),
                         ("Scott Fancher", "PERSON", "P:fancher")])
    for words in ("We are launching", "That's an amazing"):
        assert _find(found, words).speaker_key != "P:morimoto"


def test_a_title_abbreviation_alone_is_no_name() -> None:
    from storyline.analyze.quotes import speakers

    assert not speakers.is_name("Sgt") and not speakers.is_name("Sgt.")
    assert speakers.is_name("Sgt. Marty Earley") and speakers.is_name("US")


@pytest.mark.slow
def test_a_quotation_run_over_two_paragraphs_takes_no_pronouns_guess(nlp: Any) -> None:
    # The close's "he" is a guess; the quotation's first paragraph does not take it on
    # (a wrong guess would be carried along), only a speaker the close names.
    text = ("Ola Brekke spoke to the radio.\n\n"
            "Lena Holm says there is a deep sense of injustice in the town.\n\n"
            "\"The papers portray the crews as lazy and idle.\n\n"
            "The truth is quite different,\" he said.")
    found = _with_names(nlp, text, [("Ola Brekke", "PERSON", "P:brekke"),
                                    ("Lena Holm", "PERSON", "P:holm")])
    assert _find(found, "The truth is").speaker_from == "pronoun"
    assert _find(found, "The papers portray").speaker_from != "pronoun"


@pytest.mark.slow
def test_a_whole_paragraph_quote_continues_only_a_speaker_named_just_before(
        nlp: Any) -> None:
    # Not a pronoun's guess ("he said"), nor a speaker carried on over paragraphs with
    # no cue: only the speaker the paragraph before names.
    text = ("Ola Brekke runs the port.\n\n"
            "“The boats are safe,” he said. “The quays are not.”\n\n"
            "“Otherwise the quays were empty.”\n\n"
            "“Every boat will have a berth,” Lena Holm said. “The tents are warm.”\n\n"
            "“The crews are fed.”\n\n"
            "“The food is hot.”")
    found = _with_names(nlp, text, [("Ola Brekke", "PERSON", "P:brekke"),
                                    ("Lena Holm", "PERSON", "P:holm")])
    assert _find(found, "The quays are not").speaker_from == "pronoun"
    assert _find(found, "Otherwise the quays").speaker_key is None
    assert _find(found, "The crews are fed").speaker_key == "P:holm"
    assert _find(found, "The food is hot").speaker_key is None


@pytest.mark.slow
def test_a_quotation_left_open_goes_on_over_paragraphs(nlp: Any) -> None:
    # Its paragraphs after the first are the named speaker's, however many.
    text = ("“We were told to stay away from the windows,” Lena Holm said.\n\n"
            "“We are having the party anyway.\n\n"
            "If we are locked in, at least we have pizza.”")
    found = _with_names(nlp, text, [("Lena Holm", "PERSON", "P:holm")])
    assert _find(found, "If we are locked in").speaker_key == "P:holm"
