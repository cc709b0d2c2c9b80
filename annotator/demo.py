"""The demo project: the five corpus articles, the default codebook, a few codings.

The example codings are the worked units of the research notes (domain.md
§1.2), found by their text, so they land right whatever the import pipeline
makes of the articles; a snippet that is not found is skipped.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

from annotator.codebooks import MergeCodebook, read_codebook
from annotator.project import Project
from annotator.resources import default_codebook_path, demo_corpus_paths

DEMO_CODER = "演示 demo"

#: (text to find, code key). Overlaps are deliberate: they show stacked codes.
EXAMPLE_CODINGS: tuple[tuple[str, str], ...] = (
    ("在24个产业大坝单独组建党支部19个,联合组建党支部2个", "M1.1"),
    ("“固定分红+入股分红”利益模式", "J5.1"),
    ("以村民小组为基本治理单元精细划分网格,把党组织建到网格上", "M4.1"),
    ("把党组织建到网格上", "M1.1"),
    ("出台「容错 + 纠错」专属保障机制", "J4.3"),
    ("定制 8 类免责容错场景", "J4.3"),
    ("兴村特岗", "M2.1"),
    ("鄉村片區黨建聯盟體系", "M1.2"),
    ("年度考核结果与岗位职级晋升、绩效积分认定挂钩", "J3.3"),
)


def default_demo_path() -> Path:
    """Where the GUI keeps the demo project: the user's data folder."""
    return user_data_path("Annotator", appauthor=False) / "demo" / "演示项目 demo.annot"


def open_or_create_demo(path: Path | None = None, *, backup: bool = True) -> Project:
    """Open the demo project, creating it on first use."""
    path = path or default_demo_path()
    return Project.open(path, backup=backup) if path.exists() else create_demo_project(path)


def create_demo_project(path: Path) -> Project:
    """Create the demo project at ``path`` (whole, or nothing at all on failure)."""
    return Project.create(path, name="演示项目 Demo", setup=_fill_demo)


def _fill_demo(project: Project) -> None:
    from annotator.importing import import_paths  # the import pipeline loads pdfplumber

    project.coder = DEMO_CODER
    import_paths(project, demo_corpus_paths())
    project.execute(MergeCodebook(read_codebook(default_codebook_path())))
    for snippet, key in EXAMPLE_CODINGS:
        code = project.code_by_key(key)
        for document in project.documents():
            start = project.text(document.id).find(snippet)
            if start >= 0:
                project.add_annotation(document.id, code.id, start, start + len(snippet))
                break
