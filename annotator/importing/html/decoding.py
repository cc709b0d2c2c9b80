"""Bytes of a saved page to text: byte-order mark, declared charset, or a good guess.

Chinese pages lie about their encoding. Crawlers save pages as UTF-8 but keep
``<meta charset="gb2312">``, old sites declare ISO-8859-1 for GBK bytes, and
many declare nothing. So the declaration is read the way the HTML standard's
prescan does, trusted only where it fits the bytes, and otherwise replaced by
UTF-8 or the more Chinese-looking of GB18030 and Big5. The chosen route is
returned as one log line, so the user can see how a page was read.
"""

from __future__ import annotations

import codecs
import re

from annotator.errors import ImportFailedError
from annotator.importing.decode import MIN_SCORE as MIN_CHINESE
from annotator.importing.decode import chinese_score
from annotator.importing.html.messages import CANNOT

#: Where the declared charset is looked for, as the HTML standard's prescan does.
PRESCAN_BYTES = 4096

_DECLARED = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:+-]+)", re.IGNORECASE)
#: Python codecs a page may declare: web encodings, not "undefined", "unicode_escape",
#: UTF-7 (banned on the web) or bytes-to-bytes codecs such as "base64".
_WEB_CODECS = re.compile(
    r"(utf-8|gb18030|big5|cp950|big5hkscs|shift_jis|cp932|euc_jp|iso2022_jp|euc_kr|cp949"
    r"|ascii|iso8859-\d+|cp125\d|koi8-[ru]|mac-roman)$"
)


def _codec(label: str) -> str | None:
    """Python codec for a declared label; GB2312/GBK read as their superset GB18030.

    A page cannot be UTF-16 if its ``<meta>`` was readable as ASCII, so that
    declaration means UTF-8 (as in the HTML standard).
    """
    try:
        name = codecs.lookup("gbk" if label == "x-gbk" else label).name
    except LookupError:
        return None
    if name in ("gb2312", "gbk"):
        return "gb18030"
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return name if _WEB_CODECS.match(name) else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeError, LookupError):
        return None


def _fallback(data: bytes) -> tuple[str, str] | None:
    """UTF-8 if it fits; else the more Chinese-looking of GB18030 and Big5.

    Choosing by score, not by order, matters: GB18030 maps almost any byte
    sequence, so Big5 bytes would "decode" as GB18030 garbage.
    """
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    found: list[tuple[float, int, str, str]] = []
    for encoding in ("gb18030", "big5", "cp950", "big5hkscs"):
        decoded = _strict(data, encoding)
        if decoded is not None:  # ties go to the earlier candidate
            found.append((chinese_score(decoded), -len(found), encoding, decoded))
    if not found:
        return None
    _, _, best, decoded = max(found)
    return decoded, best


def _overrides(encoding: str | None, data: bytes) -> tuple[str, str] | None:
    """A better decoding than the declared one, when the declaration is known to mislead.

    Crawlers often save pages as UTF-8 but keep ``<meta charset="gb2312">``, and
    old sites declare ISO-8859-1 for GBK bytes. Valid UTF-8 with plenty of
    multi-byte characters is UTF-8 (GBK or Big5 text is practically never
    valid UTF-8); a Western single-byte declaration yields to text that reads
    as Chinese.
    """
    if encoding is None or encoding == "utf-8" or data.isascii():
        return None
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and len(data) - len(utf8) >= 16:
        return utf8, "utf-8"
    if encoding in ("ascii", "iso8859-1", "cp1252"):
        found = _fallback(data)
        if found is not None and chinese_score(found[0]) >= MIN_CHINESE:
            return found
    return None


def decode_html(data: bytes) -> tuple[str, str]:
    """Decoded source with ``\\n`` line ends, and one log line saying how."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            if text is None:
                raise ImportFailedError(f"{CANNOT}: byte-order mark of {encoding} does not fit")
            return _newlines(text), f"decoded as {encoding.upper()} (byte-order mark)"
    text, how = _decode_declared(data)
    return _newlines(text), how


def _decode_declared(data: bytes) -> tuple[str, str]:
    """The page's own ``<meta>`` charset unless it is known to mislead or does not fit."""
    match = _DECLARED.search(data[:PRESCAN_BYTES])
    label = match.group(1).decode("ascii", "replace").lower() if match else None
    encoding = _codec(label) if label else None
    better = _overrides(encoding, data)
    if better is not None:
        name = better[1].upper()
        return better[0], f"declared {label} but the bytes are {name}; decoded as {name}"
    declared = _strict(data, encoding) if encoding else None
    if declared is not None and encoding is not None:
        return declared, f"decoded as {encoding.upper()} (declared {label})"
    found = _fallback(data)
    if found is None:
        raise ImportFailedError(f"{CANNOT}: the bytes are not UTF-8, GB18030 or Big5 text")
    text, name = found[0], found[1].upper()
    if label is None:
        return text, f"no charset declared; decoded as {name}"
    if encoding is None:
        return text, f"unknown charset {label!r} declared; decoded as {name}"
    return text, f"declared charset {label} does not fit the bytes; decoded as {name}"


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
