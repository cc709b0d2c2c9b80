"""Cleaning must generalise: articles of other genres lose no text and keep no boilerplate."""

from __future__ import annotations

import pytest

from annotator.importing.cleaning import clean
from tests.data.genres import ARTICLES


def _lines(article: str, tag: str) -> list[str]:
    text = ARTICLES[article]["text"]
    return [line[2:] for line in text.split("\n") if line.startswith(f"{tag}|")]


def _cleaned(article: str) -> tuple[str, dict[str, str]]:
    raw = "\n".join(line[2:] for line in ARTICLES[article]["text"].split("\n"))
    text, draft = clean(raw)
    return text, draft.metadata


@pytest.mark.parametrize("article", sorted(ARTICLES))
def test_no_body_text_is_lost(article: str) -> None:
    text, _ = _cleaned(article)
    paragraphs = text.split("\n")
    for line in _lines(article, "B") + _lines(article, "H"):
        line = line.removesuffix("（作者：周红，北关区委组织部）")  # an inline byline, moved out
        assert any(line in paragraph for paragraph in paragraphs), line


@pytest.mark.parametrize("article", sorted(ARTICLES))
def test_boilerplate_and_title_leave_the_body(article: str) -> None:
    text, _ = _cleaned(article)
    for line in _lines(article, "M") + _lines(article, "T"):
        assert line not in text.split("\n"), line


@pytest.mark.parametrize("article", sorted(ARTICLES))
def test_title_date_and_author(article: str) -> None:
    _, metadata = _cleaned(article)
    expected = ARTICLES[article]
    assert metadata.get("title") == expected["expect_title"]
    assert metadata.get("published") == expected["expect_date"]
    if "expect_author" in expected:
        assert metadata.get("author") == expected["expect_author"]
