"""Decoding text files from Chinese computers without asking the user.

Order (Mu's ``read_and_decode``, extended for Chinese): a byte-order mark
decides first; then strict UTF-8; then every other candidate that decodes
strictly (GB18030, Big5, UTF-16 without a BOM) is scored by how Chinese the
result looks, and the best wins. Scoring matters because GB18030 maps almost
any byte sequence: Big5 bytes decode "successfully" as GB18030 garbage made of
rare characters, and charset-normalizer returns nothing for short articles
(limits.md). The score is the share of CJK characters that belong to the
common sets (GB2312 level 1: 3,755 characters; Big5 level 1: 5,401), minus
penalties for control and private-use characters. Both sets come from
Python's own codecs, so no table ships with the program.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache

from annotator.errors import ImportFailedError

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
CANDIDATES = ("gb18030", "big5", "utf-16-le", "utf-16-be")
#: Below this score no candidate looks like Chinese text.
MIN_SCORE = 0.5


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    #: How the encoding was chosen, for the import log.
    reason: str


@cache
def common_characters() -> frozenset[str]:
    """GB2312 level-1 and Big5 level-1 characters: the everyday Chinese repertoire."""
    found: set[str] = set()
    for first in range(0xB0, 0xD8):  # GB2312 rows 16–55
        for second in range(0xA1, 0xFF):
            try:
                found.add(bytes((first, second)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    for code in range(0xA440, 0xC67F):  # Big5 常用字
        try:
            found.add(code.to_bytes(2, "big").decode("big5"))
        except UnicodeDecodeError:
            continue
    return frozenset(found)


_CJK = re.compile("[\u3400-\u9fff\U00020000-\U0003134f]")
#: Control characters (but line breaks and tabs), private use, lone surrogates, U+FFFD.
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ud800-\udfff\ufffd]")


def chinese_score(text: str) -> float:
    """Share of CJK characters in the common sets, penalised for junk characters."""
    sample = text[:20_000]
    cjk = _CJK.findall(sample)
    if not cjk:
        return 0.0
    score = sum(map(common_characters().__contains__, cjk)) / len(cjk)
    return score - 5 * len(_JUNK.findall(sample)) / len(sample)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file; raise :class:`ImportFailedError` if nothing fits."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, "byte-order mark")
            except UnicodeDecodeError as error:
                raise ImportFailedError(
                    f"文件有 {encoding} 的字节顺序标记，但内容无法解码 / The file has a {encoding}"
                    f" byte-order mark but does not decode ({error.reason})"
                ) from error
    # NUL bytes never occur in UTF-8, GB18030 or Big5 text: UTF-16 without a BOM, or binary.
    has_nul = b"\x00" in data
    if not has_nul:
        try:
            return Decoded(data.decode("utf-8"), "utf-8", "valid UTF-8")
        except UnicodeDecodeError:
            pass
    scored = []
    for encoding in ("utf-16-le", "utf-16-be") if has_nul else CANDIDATES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((chinese_score(text), encoding, text))
    if has_nul and (not scored or max(scored)[0] < MIN_SCORE):
        raise ImportFailedError("不是文本文件（含有二进制数据）/ Not a text file (binary data)")
    if not scored or max(scored)[0] < MIN_SCORE:
        raise ImportFailedError(
            "无法识别文件编码（试过 UTF-8、GB18030、Big5、UTF-16）/ Cannot tell the file's"
            " encoding (tried UTF-8, GB18030, Big5, UTF-16)"
        )
    score, encoding, text = max(scored)
    others = ", ".join(f"{e} {s:.2f}" for s, e, _ in sorted(scored, reverse=True)[1:])
    reason = f"scored {score:.2f} as Chinese" + (f" (others: {others})" if others else "")
    return Decoded(text, encoding, reason)
