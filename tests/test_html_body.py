"""clean/html.py: the article-body containers join_split_body reads, named in the markup
(lxml only; no trafilatura internals)."""

from __future__ import annotations

import pytest

from storyline.clean.html import _body_containers, _names_body, _parse


@pytest.mark.parametrize("name", [
    "article__body", "article-body", "articleBody", "ArticleContent", "entry-content",
    "post-content", "post_text", "story-body", "body-text", "c-article-body",
    "main-article-body", "grid--item body article__body", "story post-content",
])
def test_names_of_an_article_body(name: str) -> None:
    assert _names_body(name)


@pytest.mark.parametrize("name", [
    "article", "posts", "post", "content", "article-browser__article__text",
    "post-list-article_text", "article-footer", "sidebar-content-block", "story-card",
])
def test_names_that_are_no_article_body(name: str) -> None:
    assert not _names_body(name)


def test_the_body_containers_are_every_named_one_in_document_order() -> None:
    page = (
        "<html><body><div class='post'>a</div><div class='entry'>b</div><main id='x'>"
        "<section itemprop='articleBody'>c</section><div id='articleContent'>d</div>"
        "<div id='main-article-body'>e</div><article class='story post-content'>f</article>"
        "<div class='entry-content'><div class='ArticleContent'>g</div></div>"
        "<span class='article-body'>h</span><div class='posts'>i</div><div id='post'>j</div>"
        "</main></body></html>")
    found = _body_containers(_parse(page))
    assert [e.text_content() for e in found] == ["a", "b", "c", "d", "e", "f", "g", "g"]
