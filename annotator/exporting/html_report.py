"""The coded-document report: the texts with their codings, for reviewers without the program.

One self-contained HTML5 page (the default): the project and export date, a
table of contents, the legend of the codes used, then each document with its
metadata, its text (paragraphs, headings as ``<h3>``, codings highlighted,
overlaps stacked) and the list of its codings (unit, code, quote, coder,
memo, review). No script and nothing fetched: it opens from a mail or a USB
stick, prints, and shows the same in ten years. See :mod:`.html_parts`.

``per_document``: the ``.html`` path given names a folder (its suffix dropped:
``报告.html`` → ``报告/``) holding one page per document, ``003 标题.html``,
and ``index.html`` linking them with the legend. The pages are written into
a hidden folder beside it (``.报告.1a2b3c4d.partial``, see :mod:`annotator.files`),
renamed into place at the end, so a cancel or a failure leaves nothing; the one
a killed export left is cleared by the next. Exporting again into an existing folder
replaces its pages one by one (each rename atomic, so each page is whole) and
leaves other files be.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from urllib.parse import quote

from annotator.errors import WriteFailedError
from annotator.exporting.dataset import Dataset, Progress
from annotator.exporting.html_parts import (
    CSS,
    POLICY,
    WORDS,
    Entry,
    codings_table,
    esc,
    highlight,
    legend_table,
    safe_color,
)
from annotator.exporting.labels import STATUS
from annotator.exporting.rows import segment_rows
from annotator.files import atomic_output, claim_temporary, release
from annotator.models import Document, DocumentId

#: Characters no file name may hold on Windows, macOS or Linux (controls included).
_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')
TITLE_CHARACTERS = 60
_LANG = {"zh": "zh-CN", "en": "en"}


def write_html(
    data: Dataset, path: Path, *, per_document: bool = False, progress: Progress | None = None
) -> int:
    """Write the report (or, ``per_document``, the folder ``path`` names without its suffix);
    return the number of codings shown. ``progress`` is called once per document."""
    report = _Report(data)
    if per_document:
        _write_folder(report, path.with_suffix(""), progress or _silent)
    else:
        _write_page(report, path, progress or _silent)
    return len(data.annotations)


PAGE_TAIL = "</body></html>\n"
#: The name of a document page this report writes (see :func:`file_name`).
_PAGE = re.compile(r"^\d{3,} .*\.html$")


def _silent(done: int, total: int) -> None:
    del done, total


class _Report:
    """The dataset read for the report: words, codings per document, titles."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.language = data.options.language
        self.words = WORDS[self.language]
        self.entries: dict[DocumentId, list[Entry]] = {d.id: [] for d in data.documents}
        for annotation, row in zip(data.annotations, segment_rows(data), strict=True):
            code = data.code_by_id[annotation.code_id]
            name = code.name_en if self.language == "en" and code.name_en else code.name
            tooltip = f"{row.code_key} {name} · {row.coder}".strip()
            if row.status != "pending":
                tooltip += f" ({STATUS[self.language][row.status]})"
            color = safe_color(code.color)
            self.entries[annotation.document_id].append(
                Entry(row=row, code_id=code.id, color=color, name=name, tooltip=tooltip)
            )
        last = max(data.numbers.values(), default=1)
        self.width = max(3, len(str(last)))

    def heading(self, document: Document) -> str:
        """``003 标题``: the document's number in the project, then its title."""
        title = document.title or document.source_path or self.words["untitled"]
        return f"{self.data.numbers[document.id]:0{self.width}d} {title}"

    def title(self) -> str:
        return f"{self.data.project.name or 'Annotator'} · {self.words['report']}"

    def header(self) -> str:
        words = self.words
        summary = words["summary"].format(
            documents=len(self.data.documents), codings=len(self.data.annotations)
        )
        return (
            f"<header><h1>{esc(self.title())}</h1>"
            f'<p class="meta">{esc(words["exported"])}{words["separator"]}'
            f"{date.today().isoformat()} · {esc(summary)}</p></header>"
        )

    def legend(self, entries: Iterable[Entry]) -> str:
        """The codes of ``entries``, in codebook order, with their number of codings."""
        counts: Counter[int] = Counter()
        first: dict[int, Entry] = {}
        for entry in entries:
            counts[entry.code_id] += 1
            first.setdefault(entry.code_id, entry)
        items = [
            (first[code.id], counts[code.id], self.data.paths[code.id])
            for code in self.data.codes
            if code.id in first
        ]
        return (
            f'<section class="legend"><h2>{esc(self.words["legend"])}</h2>'
            f"{legend_table(items, self.words)}</section>"
        )

    def document(self, document: Document) -> str:
        """A document's section: heading, metadata, highlighted text, list of codings."""
        number, words = self.data.numbers[document.id], self.words
        entries = self.entries[document.id]
        fields = (
            ("source", document.source),
            ("date", document.published),
            ("region", document.region),
            ("level", document.region_level),
        )
        meta = " · ".join(
            f"{esc(words[label])}{words['separator']}{esc(value)}"
            for label, value in fields
            if value
        )
        text = highlight(self.data.text(document.id), entries)
        return (
            f'<section class="document" id="d{number}"><h2>{esc(self.heading(document))}</h2>'
            f'<p class="meta">{meta}</p><div class="text" data-document="{number}">{text}</div>'
            f"<h3>{esc(words['codings'])} ({len(entries)})</h3>"
            f"{codings_table(entries, words, self.language)}</section>"
        )

    def contents(self, links: Sequence[tuple[Document, str]]) -> str:
        """The table of contents: each document's heading linking to ``href``."""
        items = "".join(
            f'<li><a href="{esc(href)}">{esc(self.heading(document))}</a>'
            f" ({len(self.entries[document.id])})</li>"
            for document, href in links
        )
        return f'<nav class="toc"><h2>{esc(self.words["contents"])}</h2><ul>{items}</ul></nav>'

    def page(self, title: str, body: Iterable[str]) -> str:
        return "".join((self.page_head(title), *body, PAGE_TAIL))

    def page_head(self, title: str) -> str:
        return (
            f'<!DOCTYPE html>\n<html lang="{_LANG[self.language]}"><head>'
            '<meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="Annotator"><title>{esc(title)}</title>'
            f"<style>{CSS}</style></head><body>"
        )


def _write_page(report: _Report, path: Path, progress: Progress) -> None:
    """One page, written document by document (a whole corpus need not fit in memory)."""
    documents = report.data.documents
    total = len(documents) + 1
    # "replace": a lone surrogate (a broken import) must not stop the report.
    with (
        atomic_output(path) as temporary,
        temporary.open("w", encoding="utf-8", errors="replace") as out,
    ):
        out.write(report.page_head(report.title()))
        out.write(report.header())
        out.write(report.contents([(d, f"#d{report.data.numbers[d.id]}") for d in documents]))
        out.write(_all_codes(report) + "<main>")
        for done, document in enumerate(documents, 1):
            out.write(report.document(document))
            progress(done, total)
        out.write("</main>" + PAGE_TAIL)
        progress(total, total)  # before the rename: a cancel here still leaves nothing


def _write(path: Path, page: str) -> None:
    # "replace": a lone surrogate (a broken import) must not stop the report.
    path.write_bytes(page.encode("utf-8", errors="replace"))


def file_name(number: int, title: str, width: int = 3) -> str:
    """``003 标题.html``: the title without characters file systems refuse, shortened."""
    clean = " ".join(_UNSAFE.sub(" ", title).split())[:TITLE_CHARACTERS].strip(" .")
    stem = f"{number:0{width}d}"
    return f"{stem} {clean}.html" if clean else f"{stem}.html"


def _write_folder(report: _Report, folder: Path, progress: Progress) -> None:
    if not folder.parent.is_dir():
        raise WriteFailedError(f"文件夹不存在 / No such folder: {folder.parent}")
    if folder.exists() and not folder.is_dir():
        raise WriteFailedError(f"已有同名文件 / A file is in the way: {folder}")
    try:
        staging, held = claim_temporary(folder, folder=True, hidden=True)
    except OSError as error:
        raise WriteFailedError(f"无法写入 / Cannot write {folder}: {error}") from error
    try:
        _fill_folder(report, staging, progress)
        _move_into_place(staging, folder)
    except OSError as error:
        raise WriteFailedError(
            f"无法写入 / Cannot write {folder}: {error.strerror or error}"
        ) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        release(held)


def _fill_folder(report: _Report, folder: Path, progress: Progress) -> None:
    """Every document's page, then the index (the pages link to it and to each other)."""
    documents = report.data.documents
    names = [
        file_name(report.data.numbers[d.id], d.title or d.source_path or "", report.width)
        for d in documents
    ]
    total = len(documents) + 1
    for done, document in enumerate(documents, 1):
        before = names[done - 2] if done > 1 else None
        after = names[done] if done < len(names) else None
        _write(folder / names[done - 1], _document_page(report, document, before, after))
        progress(done, total)
    links = [(document, quote(name)) for document, name in zip(documents, names, strict=True)]
    body = (report.header(), report.contents(links), _all_codes(report))
    _write(folder / "index.html", report.page(report.title(), body))
    progress(total, total)


def _all_codes(report: _Report) -> str:
    return report.legend(entry for entries in report.entries.values() for entry in entries)


def _document_page(
    report: _Report, document: Document, before: str | None, after: str | None
) -> str:
    words = report.words
    links = [f'<a href="index.html">{esc(words["index"])}</a>']
    if before is not None:
        links.append(f'<a href="{esc(quote(before))}">{esc(words["previous"])}</a>')
    if after is not None:
        links.append(f'<a href="{esc(quote(after))}">{esc(words["next"])}</a>')
    body = (
        f'<nav class="pages">{" · ".join(links)}</nav>',
        report.document(document),
        report.legend(report.entries[document.id]),
    )
    return report.page(report.heading(document), body)


def _move_into_place(staging: Path, folder: Path) -> None:
    """A new folder is renamed whole. Into an existing one the pages go one by one,
    and the pages of an earlier report that this one has not (``NNN title.html``)
    are removed; other files there are the user's and stay."""
    if not folder.exists():
        staging.rename(folder)
        return
    pages = {page.name for page in staging.iterdir()}
    for name in sorted(pages):
        (staging / name).replace(folder / name)
    for old in folder.iterdir():
        if old.name not in pages and _PAGE.match(old.name) and old.is_file():
            old.unlink()
