"""Reading and writing a codebook file, the format chosen by its extension."""

from __future__ import annotations

from pathlib import Path

from annotator.codebooks.jsonfile import read_json, write_json
from annotator.codebooks.model import Codebook
from annotator.codebooks.qdc import read_qdc, write_qdc
from annotator.errors import ValidationError

#: The extensions a codebook file may have.
SUFFIXES = (".json", ".xlsx", ".qdc")


def _suffix(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(
            f"编码本应为 {'/'.join(SUFFIXES)} 文件 / A codebook file is "
            f"{', '.join(SUFFIXES)}, not {suffix or Path(path).name}"
        )
    return suffix


def read_codebook(path: Path) -> Codebook:
    suffix = _suffix(path)
    if suffix == ".xlsx":
        from annotator.codebooks.xlsxfile import read_xlsx  # openpyxl loads on first use

        return read_xlsx(path)
    return read_qdc(path) if suffix == ".qdc" else read_json(path)


def write_codebook(codebook: Codebook, path: Path, language: str = "zh") -> None:
    suffix = _suffix(path)
    if suffix == ".xlsx":
        from annotator.codebooks.xlsxfile import write_xlsx

        write_xlsx(codebook, path, language)
    elif suffix == ".qdc":
        write_qdc(codebook, path)
    else:
        write_json(codebook, path)
