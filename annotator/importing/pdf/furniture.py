"""Running headers, footers and page numbers: found across pages and dropped.

They are removed *before* the layout work, so a page number or a journal's
name can never bridge two columns or cut into a paragraph. A fragment is a
candidate only in the first and last rows of a page, within the top or
bottom band and set apart from the body by a wider gap than the line spacing;
it is dropped if it is a page number, or if it repeats (digits masked) at the
same height on several pages. A number or a repeated line in the body is text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import pairwise
from statistics import median

from annotator.importing.pdf.lines import Fragment, quantile

#: Running headers and footers are looked for in this many rows at the top and bottom…
BAND_ROWS = 2
#: …that also lie in this share of the page height…
BAND_SHARE = 0.15
#: …set apart from the body by more than this many times the line pitch (lower quartile).
FURNITURE_GAP = 1.5
#: A header or footer repeats (digits masked, at the same height) on at least this many pages.
MIN_REPEAT = 2

_PAGE_NUMBER = re.compile(
    r"[-–—~·•\s]*\d{1,4}[-–—~·•\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)


def drop_furniture(
    pages: list[list[list[Fragment]]], heights: Sequence[float]
) -> tuple[list[list[list[Fragment]]], list[str]]:
    """Remove page numbers and headers/footers repeating on several pages (digits masked).

    Only fragments in the first and last rows of a page, within the top or
    bottom band, are candidates: a number or a repeated line in the body is text.
    """
    seen: dict[tuple[str, str], list[Fragment]] = defaultdict(list)
    numbers: set[Fragment] = set()
    for page_rows, height in zip(pages, heights, strict=True):
        for band, fragment in _band_fragments(page_rows, height):
            if is_page_number(fragment.text):
                numbers.add(fragment)
            else:
                seen[band, _furniture_key(fragment.text)].append(fragment)
    drop = set(numbers)
    log = []
    for (band, _key), fragments in seen.items():
        running = _in_place(fragments)
        on_pages = {f.page for f in running}
        if len(on_pages) >= MIN_REPEAT:
            drop.update(running)
            name = "header" if band == "top" else "footer"
            log.append(f"dropped running {name} '{running[0].text}' on {len(on_pages)} pages")
    if numbers:
        log.append(f"dropped {len(numbers)} page number{'s' if len(numbers) != 1 else ''}")
    kept = [[[f for f in row if f not in drop] for row in rows] for rows in pages]
    return [[row for row in rows if row] for rows in kept], log


def _in_place(fragments: list[Fragment]) -> list[Fragment]:
    """The occurrences at the usual height: a running header sits at the same place on
    every page, a line of text that happens to repeat does not."""
    usual = median(f.top for f in fragments)
    return [f for f in fragments if abs(f.top - usual) <= f.size]


def _band_fragments(rows: list[list[Fragment]], height: float) -> Iterable[tuple[str, Fragment]]:
    """Fragments of the rows set apart at the top and bottom of a page.

    A running header or footer lies near the page's edge, among its first or
    last rows, and is separated from the body by a gap wider than the line
    spacing: the last line of a full page also sits at the same height on
    every page, but at the usual distance from the line above it.
    """
    if len(rows) < 2:
        return
    tops = [min(f.top for f in row) for row in rows]
    wide = FURNITURE_GAP * quantile([b - a for a, b in pairwise(tops)], 0.25)
    first = [k for k in range(min(BAND_ROWS, len(rows) - 1)) if tops[k + 1] - tops[k] > wide]
    for row in rows[: max(first) + 1] if first else []:
        yield from (("top", f) for f in row if f.bottom <= BAND_SHARE * height)
    bottom = range(max(1, len(rows) - BAND_ROWS), len(rows))
    last = [k for k in bottom if tops[k] - tops[k - 1] > wide]
    for row in rows[min(last) :] if last else []:
        yield from (("bottom", f) for f in row if f.top >= (1 - BAND_SHARE) * height)


def is_page_number(text: str) -> bool:
    """Whether ``text`` is only a page number: "12", "- 12 -", "第 3 页", "3 / 10",
    "第3页 共10页", "Page 3 of 10"."""
    return _PAGE_NUMBER.fullmatch(text.strip()) is not None


def _furniture_key(text: str) -> str:
    """The same running header on every page once page numbers and spacing are masked."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))
