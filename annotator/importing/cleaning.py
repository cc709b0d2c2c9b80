"""Cleaning an extracted text into a codeable one, as an ordered list of named rules.

Each rule takes the :class:`Draft` and records in its log what it changed, so
the import log says exactly what happened to the text. The order matters:
pinyin goes before anything reads words; page furniture goes before the
column analysis (a page-number line bridges column clusters otherwise);
zones are cut once the reading order is right. Corruption is never repaired:
it is flagged with its position in the cleaned text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from annotator.dates import date_precision
from annotator.importing import lines, zones
from annotator.importing.columns import display_width, join_pieces, restore_columns
from annotator.importing.draft import Draft
from annotator.models import Flag

PINYIN = re.compile(r"([\u3400-\u9fff])\(([a-z\u00e0-\u00fc\u0100-\u017f\u01cd-\u01dc]+)\)")
CORRUPTION = re.compile(r"\?+(?=[A-Za-z\u00e0-\u01dc;?])|(?<=;)\?|\?{2,}")
PAGE_NAVIGATION = re.compile(r"^[\s\u00a0]*(\d{1,4}[\s\u00a0]+){2,}\d{1,4}[\s\u00a0]*$")
PAGE_NUMBER = re.compile(
    r"^\s*(P\.\s*\d+|[-—]\s*\d+\s*[-—]|第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$"
)
INJECTED_HTML = re.compile(r"^\s*(\d+\.\s*)?(<[a-zA-Z/][^>]*>\s*)+$")
SENTENCE_END = ("。", "！", "？", "!", "?", "；", ";", "：", ":", "”", "」", "』", "）", ")")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
#: Control (Cc) and private-use (Co) characters: nothing a reader can see or code.
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff\U000f0000-\U0010ffff]")
WRAP_MIN = 40
#: A line at least this share of the wrap width was cut by the wrap.
FULL_SHARE = 0.9

Rule = Callable[[Draft], None]


def normalise_characters(draft: Draft) -> None:
    """NBSP → space, tabs → space, zero-width, control and private-use characters out."""
    changed = 0
    for index, line in enumerate(draft.lines):
        clean = line.replace("\xa0", " ").replace("\t", " ").translate(ZERO_WIDTH)
        clean = INVISIBLE.sub("", clean)
        if clean != line:
            changed += 1
            draft.lines[index] = clean.rstrip()
    if changed:
        draft.log.append(f"normalised spaces and invisible characters on {changed} lines")


def strip_pinyin(draft: Draft) -> None:
    """``農(nóng)`` → ``農``: mirror sites insert tone-marked pinyin after characters."""
    total = 0
    for index, line in enumerate(draft.lines):
        draft.lines[index], count = PINYIN.subn(r"\1", line)
        total += count
    if total:
        draft.log.append(f"removed {total} pinyin annotations")
        draft.attributes["pinyin_removed"] = str(total)


def drop_page_furniture(draft: Draft) -> None:
    """Page-navigation rows (58 59 60 …) and page numbers (P. 63, - 12 -, 第3页)."""
    for index, line in enumerate(draft.lines):
        if PAGE_NAVIGATION.match(line) or PAGE_NUMBER.match(line):
            draft.drop(index, "page number")
            draft.lines[index] = ""


def restore_reading_order(draft: Draft) -> None:
    layout = restore_columns(draft.lines)
    if layout is None:
        return
    draft.lines = [*layout.before, *layout.paragraphs, *layout.after]
    draft.body_start = len(layout.before)
    draft.paragraphs_final = True
    draft.log.append(
        f"restored reading order: {layout.columns} columns, {len(layout.paragraphs)} paragraphs"
    )


def cut_zones(draft: Draft) -> None:
    """Header and footer zones: metadata out, lines removed; the body stays."""
    start = zones.body_start(draft)
    end = zones.footer_start(draft, start)
    zones.parse_footer(draft, end)
    zones.parse_header(draft, start)
    body = [i for i in range(start, end) if draft.lines[i].strip()]
    if body:
        zones.strip_inline_byline(draft, body[-1])


def drop_junk_lines(draft: Draft) -> None:
    """Spam, web-page rows, app counters and injected markup anywhere in the body."""
    for index, line in enumerate(draft.lines):
        stripped = line.strip()
        if not stripped:
            continue
        if lines.is_spam(stripped):
            draft.drop(index, "spam line")
        elif lines.WEB_FURNITURE.search(stripped) and len(stripped) < 80:
            draft.drop(index, "web page row")
        elif lines.SOCIAL.match(stripped) or INJECTED_HTML.match(stripped):
            draft.drop(index, "app counter or markup")
        else:
            continue
        draft.lines[index] = ""


def detect_hard_wraps(draft: Draft) -> None:
    """Notice a fixed-width wrap before the zones are cut (a fragment is no prose alone)."""
    if not draft.paragraphs_final:
        draft.wrap_test = _wrap_test([line.strip() for line in draft.lines if line.strip()])


def join_hard_wraps(draft: Draft) -> None:
    """Rejoin paragraphs an editor wrapped at a fixed width, once the zones are cut."""
    is_full = draft.wrap_test
    if is_full is None:
        return
    lines = [line.strip() for line in draft.lines]
    # Blank lines between multi-line blocks mark the paragraphs: then a full line
    # ending in 。 is still wrapped; without them, it ends its paragraph.
    by_blocks = _blank_lines_separate_paragraphs(lines)
    joined: list[str] = []
    pieces: list[str] = []
    for line in lines:
        if not line:
            if pieces:
                joined.append(join_pieces(pieces))
            pieces = []
            continue
        pieces.append(line)
        ends = not is_full(line) or (not by_blocks and line.endswith(SENTENCE_END))
        if ends:
            joined.append(join_pieces(pieces))
            pieces = []
    if pieces:
        joined.append(join_pieces(pieces))
    count = sum(1 for line in lines if line) - len(joined)
    if count:
        draft.lines = joined
        draft.log.append(f"joined {count} hard-wrapped lines")


def _blank_lines_separate_paragraphs(lines: list[str]) -> bool:
    blocks, size = [], 0
    for line in [*lines, ""]:
        if line:
            size += 1
        elif size:
            blocks.append(size)
            size = 0
    return len(blocks) >= 3 and sum(1 for b in blocks if b > 1) >= len(blocks) * 2 // 3


def _wrap_test(lines: list[str]) -> Callable[[str], bool] | None:
    """A test for "this line was cut by the wrap", if the text was wrapped.

    Editors wrap at a number of characters or of display cells, so a line is
    full if either measure reaches 90 % of the usual long line. One-line
    paragraphs and short headings of equal width (004) are no wrap.
    """
    if len(lines) < 5:
        return None
    cells = _long_line([display_width(line) for line in lines])
    chars = _long_line([len(line) for line in lines])

    def is_full(line: str) -> bool:
        return display_width(line) >= FULL_SHARE * cells or len(line) >= FULL_SHARE * chars

    full = sum(1 for line in lines if is_full(line))
    wrapped = cells >= WRAP_MIN and full >= max(4, len(lines) * 2 // 5)
    return is_full if wrapped else None


def _long_line(measures: list[int]) -> int:
    return sorted(measures)[len(measures) * 9 // 10]


RULES: tuple[Rule, ...] = (
    normalise_characters,
    strip_pinyin,
    drop_page_furniture,
    restore_reading_order,
    detect_hard_wraps,
    cut_zones,
    drop_junk_lines,
    join_hard_wraps,
)


def clean(text: str, hints: dict[str, str] | None = None) -> tuple[str, Draft]:
    """Run every rule; return the cleaned text (paragraphs joined by ``\\n``) and the draft."""
    draft = Draft(lines=text.split("\n"))
    for key in ("title", "author", "published", "url", "source"):
        if hints and hints.get(key):
            draft.metadata[key] = hints[key]
    if hints and hints.get("published") and "date_precision" not in draft.metadata:
        draft.metadata["date_precision"] = date_precision(hints["published"]) or "day"
    for rule in RULES:
        rule(draft)
    paragraphs = [line.strip(" \u3000") for line in draft.lines if line.strip(" \u3000")]
    if not paragraphs:  # the rules removed everything: keep the text rather than lose it,
        # its characters normalised as always: a file of control characters (a NUL) has no text
        kept = Draft(lines=text.split("\n"))
        normalise_characters(kept)
        paragraphs = [line.strip() for line in kept.lines if line.strip()]
        if paragraphs:
            draft.log.append("cleaning left no text: kept every line")
    cleaned = "\n".join(paragraphs)
    flag_corruption(draft, cleaned)
    return cleaned, draft


def _sites(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    """Matches one character apart or less are one site (``規?;?,``)."""
    sites: list[tuple[int, int]] = []
    for match in matches:
        if sites and match.start() - sites[-1][1] <= 1:
            sites[-1] = (sites[-1][0], match.end())
        else:
            sites.append((match.start(), match.end()))
    return sites


def flag_corruption(draft: Draft, cleaned: str) -> None:
    """Mark ``?`` left where bytes were lost (a GBK character read as ASCII), never fix it."""
    for start, end in _sites(CORRUPTION.finditer(cleaned)):
        context = cleaned[max(0, start - 6) : end + 6]
        message = f"疑似乱码 / Possible corruption: …{context}…"
        draft.flags.append(Flag("corruption", start, end, message))
    for note in draft.notes:
        draft.flags.append(Flag("metadata", 0, 0, note))
    if cleaned.count("(") != cleaned.count(")"):
        draft.log.append(
            f"unbalanced parentheses: {cleaned.count('(')} '(' and {cleaned.count(')')} ')'"
        )
    if draft.flags:
        draft.log.append(f"flagged {len(draft.flags)} places for review")
