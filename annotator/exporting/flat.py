"""The segments as CSV (for Excel) and JSON (for scripts).

CSV is UTF-8 with a BOM, so a Chinese Excel opens it without mojibake, with
the Segments sheet's columns and the chosen language's headers. Excel runs a
CSV cell that starts with ``= + - @`` as a formula, so such a value gets a
leading apostrophe (the OWASP advice): a reviewer's Excel never runs it. JSON
is exact (no such prefix) and keeps field names and raw review states.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from pathlib import Path

from annotator import __version__
from annotator.excel import FORMULA_PREFIXES
from annotator.exporting import labels
from annotator.exporting.dataset import Dataset, Progress
from annotator.exporting.rows import row_values, segment_rows
from annotator.files import atomic_output


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(data: Dataset, path: Path, progress: Progress | None = None) -> int:
    language, total = data.options.language, len(data.annotations)
    count = 0
    with (
        atomic_output(path) as temporary,
        temporary.open("w", encoding="utf-8-sig", newline="") as f,
    ):
        writer = csv.writer(f)
        writer.writerow(labels.SEGMENTS[language])
        for row in segment_rows(data):
            writer.writerow([_safe(v) for v in row_values(row, language)])
            count += 1
            if progress and count % 1000 == 0:
                progress(count, total)
    return count


def write_json(data: Dataset, path: Path, progress: Progress | None = None) -> int:
    """One segment per line inside the document, written as it is made (a list of
    100,000 dicts and its text at once would take 700 MB)."""
    head = {
        "format": "annotator-segments",
        "version": 1,
        "program": f"Annotator {__version__}",
        "project": data.project.name,
    }
    count = 0
    with atomic_output(path) as temporary, temporary.open("w", encoding="utf-8") as out:
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "segments": [')
        for row in segment_rows(data):
            out.write(("\n" if count == 0 else ",\n") + json.dumps(asdict(row), ensure_ascii=False))
            count += 1
            if progress and count % 1000 == 0:
                progress(count, len(data.annotations))
        out.write("\n]}\n")
    return count
