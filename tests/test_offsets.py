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
