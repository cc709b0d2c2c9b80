"""Publication dates as researchers meet them: 2022-06-29, 2024年12月下, 2019年."""

from __future__ import annotations

import re

_DATE = re.compile(
    r"(?P<y>(19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})(\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d))?"
    r"|(?P<year>(19|20)\d{2})\s*年"
)


def parse_date(text: str) -> tuple[str, str] | None:
    """``(ISO date, precision)`` of the first date in ``text``: day, month or year."""
    match = _DATE.search(text)
    if match is None:
        return None
    if match.group("year"):
        return match.group("year"), "year"
    year, month = int(match.group("y")), int(match.group("m"))
    if not 1 <= month <= 12:
        return None
    if match.group("d") is None:
        return f"{year:04d}-{month:02d}", "month"
    day = int(match.group("d"))
    if not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def date_precision(iso: str) -> str | None:
    """``day``, ``month`` or ``year`` for ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``."""
    return {10: "day", 7: "month", 4: "year"}.get(len(iso.strip()))
