"""Plain-text files: decode, normalise line endings, keep the raw text beside the clean one."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import ImportFailedError
from annotator.models import NewDocument

#: Files larger than this are refused rather than loaded into memory whole.
MAX_BYTES = 50 * 1024 * 1024
#: A title is the first line if it is at most this long.
MAX_TITLE = 60


def decode_text(data: bytes) -> str:
    """UTF-8, with or without a BOM. Other encodings arrive with the import pipeline."""
    if b"\x00" in data[:8192]:
        raise ImportFailedError("不是文本文件（含有二进制数据）/ Not a text file (binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailedError(
            f"不是 UTF-8 编码的文本 / Not UTF-8 text (byte {error.start}): "
            "GB18030, Big5 and UTF-16 arrive with the full import pipeline"
        ) from error


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n``: offsets are measured on this form only."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def guess_title(text: str) -> str | None:
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            return stripped if len(stripped) <= MAX_TITLE else None
    return None


def read_plain_text(path: Path) -> NewDocument:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailedError(
                f"文件过大（{size // 1_048_576} MB）/ The file is too large ({size:,} bytes)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailedError(f"无法读取文件 / Cannot read the file: {error}") from error
    raw = decode_text(data)
    text = normalise_newlines(raw).strip("\n")
    if not text.strip():
        raise ImportFailedError("文件没有文字 / The file has no text")
    log = []
    if data.startswith(b"\xef\xbb\xbf"):
        log.append("removed UTF-8 byte-order mark")
    if "\r" in raw:
        log.append("normalised line endings to \\n")
    return NewDocument(
        text=text,
        raw_text=raw,
        title=guess_title(text),
        source_path=path.name,
        import_log=tuple(log),
    )
