"""Plain-text files: decode (any of the encodings Chinese computers write), normalise lines."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import ImportFailedError
from annotator.importing.decode import decode_bytes
from annotator.importing.extracted import Extracted


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n``: offsets are measured on this form only."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path: Path) -> Extracted:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailedError(f"无法读取文件 / Cannot read the file: {error.strerror}") from error
    decoded = decode_bytes(data)
    log = [f"decoded as {decoded.encoding} ({decoded.reason})"]
    if "\r" in decoded.text:
        log.append("normalised line endings to \\n")
    return Extracted(normalise_newlines(decoded.text), decoded.text, {}, log)
