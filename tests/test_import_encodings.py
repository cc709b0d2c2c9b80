"""Every corpus article in every encoding Chinese computers write, detected unasked."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from annotator.errors import ImportFailedError
from annotator.importing.decode import chinese_score, decode_bytes
from annotator.importing.prepare import prepare_file
from annotator.resources import resource_path
from annotator.shadow import to_simplified

ARTICLES = sorted(resource_path("corpus").glob("*.txt"))


def _traditional(text: str) -> str:
    from opencc import OpenCC

    return str(OpenCC("s2t").convert(text))


def encodings(text: str) -> dict[str, tuple[bytes, str]]:
    """Encoded bytes and the text they hold, per encoding."""
    big5 = _traditional(text).encode("big5", errors="ignore")
    return {
        "utf-8": (text.encode(), text),
        "utf-8 with BOM": (codecs.BOM_UTF8 + text.encode(), text),
        "gb18030": (text.encode("gb18030"), text),
        "big5": (big5, big5.decode("big5")),
        "utf-16-le with BOM": (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), text),
        "utf-16-be with BOM": (codecs.BOM_UTF16_BE + text.encode("utf-16-be"), text),
        "utf-16-le without BOM": (text.encode("utf-16-le"), text),
    }


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("encoding", list(encodings("x")))
def test_every_article_in_every_encoding(path: Path, encoding: str) -> None:
    data, expected = encodings(path.read_text(encoding="utf-8"))[encoding]
    assert decode_bytes(data).text == expected


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name[:3])
def test_gb18030_and_big5_files_clean_like_the_utf8_original(path: Path, tmp_path: Path) -> None:
    original = prepare_file(path).document
    assert original is not None
    gb = tmp_path / "gb.txt"
    gb.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    from_gb = prepare_file(gb).document
    assert from_gb is not None
    assert from_gb.text == original.text
    assert from_gb.import_log[0].startswith("decoded as gb18030")


def test_short_texts_are_read_right() -> None:
    for text in ("党建引领乡村振兴", "鄉村振興", "第一书记"):
        for encoding in ("gb18030", "big5"):
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                continue
            assert decode_bytes(data).text == text


def test_garbage_is_refused_not_guessed() -> None:
    with pytest.raises(ImportFailedError, match="binary"):
        decode_bytes(bytes(range(256)) * 4)
    assert chinese_score("ÄÖÜ latin text") == 0.0


def test_shadow_is_simplified_and_as_long() -> None:
    text = ARTICLES[2].read_text(encoding="utf-8")
    shadow = to_simplified(text)
    assert len(shadow) == len(text)
    assert "乡村" in shadow
    assert "鄉村" in text
