"""Role descriptions join a person only where the text gives them that role: in the same
article as a title or apposition of theirs, or across articles when the role says whose it
is ("the Norwegian prime minister"). Invented articles, read with the model."""

from __future__ import annotations

from typing import Any

import pytest

from storyline import corpus
from storyline.analyze import analyze_doc
from storyline.analyze.mentions import find_mentions
from storyline.corpus.reader import MemoryCorpus
from storyline.records import Analysis, Article, Entity, Mention
from storyline.settings import Settings

TRADE = (
    "Trade talks stall. President Erik Lund told reporters on Monday that the tariff deal was "
    "close. Lund said the talks would go on. \"It makes for better theater to wait,\" said "
    "Mark Devlin, the chief economist at Portline. Lund has called himself the only president "
    "tough enough to take on the cartel. Critics point to his meeting with the president of "
    "Ukraine last year. Lund later met the former executive director of the fund. The "
    "president said he was confident."
)
BRAWL = (
    "Rugby brawl. Tom Rudd hit Sam Ward in the head with a helmet on Sunday. Ward was taken "
    "off. Rudd apologised. The league said Rudd would be suspended."
)
COALITION = (
    "Coalition talks. Norwegian Prime Minister Arne Dahl met party leaders in Oslo. Dahl said "
    "a deal was near. The deputy prime minister was not at the meeting. Dahl said the prime "
    "minister's office would publish the plan."
)
SUMMIT = (
    "Alliance summit. NATO Secretary General Pieter Maas met ministers in Brussels on Monday. "
    "Maas said the plan was ready. \"We will not wait,\" the Dutch leader said. Maas later "
    "flew to Kyiv. Pieter Maas was greeted there by officials."
)
TARIFFS = (
    "Trade deal. President Erik Lund spoke on Monday. Lund said the deal was close. "
    "\"Without rolling back the tariffs, there is no deal,\" Chen Weiguo, the former "
    "executive director for Asia at the fund, said at an event."
)
BUDGET = "Budget vote. The prime minister said on Tuesday that taxes would not rise this year."
FISHERIES = ("Fisheries deal. The Norwegian prime minister said on Friday that the quota "
             "talks had ended well.")


def _article(i: str, text: str) -> Article:
    return Article(id=i, source_id=i, source=f"{i}.txt", text=text, published="2031-05-0" + i[-1])


def _roles(nlp: Any, i: str, text: str) -> dict[str, Mention]:
    found = find_mentions(nlp(text), _article(i, text))
    return {m.text: m for m in found if m.label == "ROLE"}


@pytest.mark.slow
def test_a_role_the_article_never_gives_the_person_is_not_theirs(nlp: Any) -> None:
    roles = _roles(nlp, "a1", TRADE)
    lund = "PERSON:erik lund"
    assert roles["The president"].key == lund  # his title: "President Erik Lund"
    assert "the chief" not in roles  # 'chief' qualifies 'economist': no role at all
    assert all(m.key != lund for t, m in roles.items() if "executive director" in t)
    assert all(m.key != lund for t, m in roles.items() if "Ukraine" in t)
    brawl = _roles(nlp, "a2", BRAWL)
    assert all(not m.key.startswith("PERSON:") for m in brawl.values())  # 'in the head'


@pytest.mark.slow
def test_a_role_beside_a_name_is_that_name_s(nlp: Any) -> None:
    roles = _roles(nlp, "a6", TARIFFS)
    assert roles["the former executive director"].key == "PERSON:chen weiguo"


@pytest.mark.slow
def test_the_main_subject_keeps_a_qualified_generic_role_it_speaks_in(nlp: Any) -> None:
    # "the Dutch leader said": no title names the Netherlands, but the article is about
    # Maas and the role is the subject of what is said.
    roles = _roles(nlp, "a7", SUMMIT)
    assert roles["the Dutch leader"].key == "PERSON:pieter maas"


@pytest.mark.slow
def test_a_deputy_is_not_the_one_they_deputise_for(nlp: Any) -> None:
    roles = _roles(nlp, "a3", COALITION)
    assert roles["The deputy prime minister"].key != "PERSON:arne dahl"
    assert roles["the prime minister"].key == "PERSON:arne dahl"


@pytest.mark.slow
def test_across_articles_only_a_role_that_says_whose_it_is_joins(nlp: Any) -> None:
    # The fisheries and coalition articles are one story: both name Sigrid Berg in full
    # (``corpus/entities/ties.py``).
    berg = " Sigrid Berg agreed."
    texts = {"a1": TRADE, "a3": COALITION + berg, "a4": BUDGET, "a5": FISHERIES + berg}
    articles = [_article(i, t) for i, t in texts.items()]
    analyses: dict[str, Analysis] = {a.id: analyze_doc(nlp(a.text), a) for a in articles}
    built = corpus.build(MemoryCorpus(articles, analyses), Settings(progress=False))
    by_name: dict[str, Entity] = {e.name: e for e in built.entities}
    dahl, lund = by_name["Arne Dahl"], by_name["Erik Lund"]
    assert "The Norwegian prime minister" in dahl.aliases  # says whose: Norway's
    assert "The prime minister" not in dahl.aliases  # another article's: anyone's
    assert "The deputy prime minister" not in dahl.aliases
    assert "The president" in lund.aliases
    assert not any("executive director" in a or "Ukraine" in a for a in lund.aliases)
    # An article of another story: Norway's prime minister there may be someone else.
    texts = {"a3": COALITION, "a5": FISHERIES}
    articles = [_article(i, t) for i, t in texts.items()]
    analyses = {a.id: analyze_doc(nlp(a.text), a) for a in articles}
    built = corpus.build(MemoryCorpus(articles, analyses), Settings(progress=False))
    dahl = next(e for e in built.entities if e.name == "Arne Dahl")
    assert "The Norwegian prime minister" not in dahl.aliases


@pytest.mark.slow
def test_a_place_of_several_words_is_no_surname_of_a_misread_person(nlp: Any) -> None:
    # The model reads a company's unit as a person ("President Ascom North America");
    # "North America" later in the article is the continent, not that person's surname.
    text = ("Ascom names new head. President Ascom North America, the company's unit, hired "
            "40 engineers in Texas. Sales in North America rose 5 percent, the company said.")
    found = find_mentions(nlp(text), _article("a8", text))
    [place] = [m for m in found if m.text == "North America"]
    assert not place.key.startswith("PERSON:")


@pytest.mark.slow
def test_a_generic_role_a_common_noun_qualifies_is_another_office(nlp: Any) -> None:
    # "the fire chief said": not the article's main subject speaking, whatever it heads.
    text = ("Church fire. Maria Jensen's home church burned on Sunday. Jensen said she was "
            "shocked. The fire chief said an investigation was under way.")
    roles = _roles(nlp, "a8", text)
    assert not roles["The fire chief"].key.startswith("PERSON:")


@pytest.mark.slow
def test_another_office_under_the_same_head_is_not_the_titled_person_s(nlp: Any) -> None:
    # The article titles Ken Alvarez interior secretary and Anna Berg foreign minister:
    # "the commerce secretary" and "the defence minister" are other people.
    text = ("Wolf rules dropped. In a statement, the commerce secretary, Gary Lindgren, and the "
            "interior secretary, Ken Alvarez, agreed. Alvarez said the rule was flawed.")
    assert _roles(nlp, "a9", text)["the commerce secretary"].key != "PERSON:ken alvarez"
    text = ("Talks in Oslo. Foreign Minister Anna Berg met her counterparts. Berg said the "
            "talks went well. The defence minister said nothing.")
    assert _roles(nlp, "b1", text)["The defence minister"].key != "PERSON:anna berg"


GULF = (
    "Gulf talks. President Omar Rashid rejected the deadline on Monday. Rashid said his "
    "troops would stay. Rashid also called the talks a trap. Critics say Rashid has misjudged "
    "the allies. President Edwin Harlan had warned him. Harlan and his aides were leaning "
    "toward war. The president and his top aides decided on Monday that a ground war would "
    "be needed."
)


@pytest.mark.slow
def test_a_role_two_titled_people_hold_is_the_one_the_passage_is_about(nlp: Any) -> None:
    # Two presidents by title; Rashid is named most, but the sentence before the role is
    # about Harlan (its subject): "the president" there is Harlan, not the main subject.
    roles = _roles(nlp, "a9", GULF)
    assert roles["The president"].key == "PERSON:edwin harlan"
