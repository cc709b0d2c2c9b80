"""Offsets are code points; characters outside the BMP never shift a coding."""

from __future__ import annotations

import pytest

from annotator.offsets import OffsetMap, utf16_length
from annotator.project import Project
from tests.conftest import add_document

TEXTS = ["", "abc", "𠮷", "a𠮷b😀c", "😀😀😀", "党建引领𠮷乡村振兴😀集体经济", "x" * 5 + "𠀀" * 3]


@pytest.mark.parametrize("text", TEXTS)
def test_round_trip_every_position(text: str) -> None:
    offsets = OffsetMap(text)
    assert offsets.utf16_length == utf16_length(text)
    for index in range(len(text) + 1):
        assert offsets.to_codepoint(offsets.to_utf16(index)) == index
        assert offsets.to_utf16(index) == utf16_length(text[:index])


def test_low_surrogate_rounds_down_to_its_character() -> None:
    offsets = OffsetMap("a𠮷b")
    assert [offsets.to_codepoint(u) for u in range(5)] == [0, 1, 1, 2, 3]


def test_out_of_range_is_refused() -> None:
    offsets = OffsetMap("ab")
    with pytest.raises(ValueError, match="outside"):
        offsets.to_utf16(3)
    with pytest.raises(ValueError, match="outside"):
        offsets.to_codepoint(-1)


def test_span_after_astral_characters_stores_the_right_quote(project: Project) -> None:
    text = "𠮷😀党建引领乡村振兴"
    document = add_document(project, text)
    code = project.add_code(key="M1", name="组织")
    annotation = project.add_annotation(document.id, code.id, 2, 6)
    assert annotation.quote == "党建引领"
    stored = project.annotation(annotation.id)
    assert project.text(document.id)[stored.start : stored.end] == stored.quote == "党建引领"
    assert project.verify() == []


@pytest.mark.parametrize("text", [*TEXTS, "第一段\n第二段𠮷\n\n第三段😀", "\n开头\n", "a\nb"])
def test_view_offsets_round_trip_and_match_the_displayed_text(text: str) -> None:
    from annotator.offsets import ViewOffsets

    view = ViewOffsets(text)
    display16 = view.display.encode("utf-16-le")
    assert view.view_length == len(display16) // 2
    for index in range(len(text) + 1):
        position = view.to_view(index)
        assert view.to_codepoint(position) == index
        if index < len(text):  # the character shown there is the text's character
            assert (
                display16[2 * position : 2 * position + 2].decode("utf-16-le", "ignore")
                in (
                    text[index],
                    "",
                )
                or text[index] > "\uffff"
            )


def test_a_blank_display_line_belongs_to_the_next_paragraph() -> None:
    from annotator.offsets import ViewOffsets

    view = ViewOffsets("甲乙\n丙丁")
    assert view.display == "甲乙\n\n丙丁"
    assert view.to_view(3) == 4  # 丙
    assert view.to_codepoint(3) == 3  # the blank line → the start of 丙丁
    assert ViewOffsets("甲乙\n丙丁", spaced=False).to_view(3) == 3
