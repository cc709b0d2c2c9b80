"""REFI-QDA project exchange (.qdpx): our own round trip, a part of a project, the CLI verb.

Files from other programs and hostile files are in ``test_qdpx_foreign.py``.
"""

from __future__ import annotations

import argparse
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema

from annotator.cli.exchange import add_import_arguments
from annotator.codebooks.refi import MAX_DEPTH
from annotator.demo import create_demo_project
from annotator.errors import ValidationError, WriteFailedError
from annotator.exchange import export_qdpx, import_qdpx
from annotator.models import NewDocument, ReviewStatus
from annotator.project import Project
from tests.conftest import SAMPLE_TEXT

SCHEMA = xmlschema.XMLSchema(
    Path(__file__).parents[1] / "resources" / "refi-qda" / "Project-mrt2019.xsd"
)
NS = "{urn:QDA-XML:project:1.0}"
METADATA = {
    "author": "张三",
    "author_role": "记者",
    "source": "人民网",
    "url": "http://example.cn/a?b=1&c=2",
    "published": "2021-05-03",
    "date_precision": "day",
    "region": "安阳市",
    "region_code": "410500",
    "region_level": "city",
    "script": "simplified",
    "memo": "文档备注\n第二行",
}
OTHER_TEXT = "另一篇文章：乡村治理网格化。\n第二段𠀀。"


@pytest.fixture
def team(project: Project) -> Project:
    """Two coders, nested codes with every field, metadata, memos, a review, a consensus."""
    party = project.add_code(
        key="M1", name="党建引领", name_en="Party building", color="#c00000",
        definition="党组织发挥作用。\n第二行", include="包括支部", exclude="不含口号",
        example="建在网格上", keywords=("党建", "支部"), shortcut="1",
        attributes={"来源": "domain.md"},
    )  # fmt: skip
    branch = project.add_code(key="M1.1", name="支部建设", parent_id=party.id, color="#00aa00")
    project.add_code(key="M1.1.1", name="联合支部", parent_id=branch.id, archived=True)
    project.add_code(key="J1", name="激励机制", definition="定义的末行像标记：\n\n[Annotator] {}")
    first, second = project.add_documents(
        [
            NewDocument(
                text=SAMPLE_TEXT, raw_text=SAMPLE_TEXT, title="样例 <&>", source_path="a.html",
                metadata=METADATA, attributes={"site": "people.cn", "author": "同名属性"},
            ),
            NewDocument(text=OTHER_TEXT, raw_text=OTHER_TEXT, source_path="dir/b.txt"),
        ]
    )  # fmt: skip
    start = SAMPLE_TEXT.index("𠮷")
    mine = project.add_annotation(
        first.id, branch.id, start, start + 6, memo="备注：含𠮷😀\n第二行"
    )
    project.add_annotation(first.id, party.id, 0, 3, coder="bob", memo="\r 回车")
    project.add_annotation(second.id, party.id, 6, 10, coder="bob")
    project.review_annotation(mine.id, ReviewStatus.ACCEPTED, "同意", reviewer="bob")
    project.adopt_annotations([mine.id])
    return project


def _export(project: Project, path: Path, **chosen: object) -> tuple[str, zipfile.ZipFile]:
    export_qdpx(project, path, **chosen)  # type: ignore[arg-type]
    archive = zipfile.ZipFile(path)
    xml = archive.read("project.qde").decode("utf-8")
    SCHEMA.validate(xml)
    return xml, archive


def _documents(project: Project) -> list[tuple[object, ...]]:
    return [
        (d.uuid, d.title, project.text(d.id), d.memo, dict(d.attributes), d.source_path,
         d.imported_at, *(getattr(d, name) for name in METADATA))
        for d in project.documents()
    ]  # fmt: skip


def _codings(project: Project) -> list[tuple[object, ...]]:
    documents = {d.id: d.uuid for d in project.documents()}
    codes = {c.id: c.uuid for c in project.codes()}
    coders = {c.id: c.uuid for c in project.coders()}
    return sorted(
        (a.uuid, documents[a.document_id], a.start, a.end, a.quote, codes[a.code_id],
         coders[a.coder_id], a.memo, a.created, a.updated, a.origin)
        for a in project.annotations()
    )  # fmt: skip


def _reviews(project: Project) -> list[tuple[object, ...]]:
    annotations = {a.id: a.uuid for a in project.annotations()}
    coders = {c.id: c.uuid for c in project.coders()}
    found = project.reviews(list(annotations))
    return [
        (annotations[r.annotation_id], coders[r.reviewer_id], r.status, r.comment, r.created)
        for r in found
    ]


def _same_project(imported: Project, original: Project) -> None:
    assert _documents(imported) == _documents(original)
    assert imported.codebook().codes == original.codebook().codes  # keys, colours, tree…
    assert [(c.uuid, c.position) for c in imported.codes()] == [
        (c.uuid, c.position) for c in original.codes()
    ]
    assert [(c.uuid, c.name) for c in imported.coders()] == [
        (c.uuid, c.name) for c in original.coders()
    ]
    assert _codings(imported) == _codings(original)
    assert _reviews(imported) == _reviews(original)
    assert imported.verify() == []


def test_a_project_goes_out_and_comes_back_the_same(team: Project, tmp_path: Path) -> None:
    path = tmp_path / "项目 team.qdpx"
    _export(team, path)
    with import_qdpx(path, tmp_path / "back.annot", coder="carol") as imported:
        _same_project(imported, team)
        assert imported.history_entries()[0].actor == "carol"


def test_the_file_holds_texts_and_code_point_offsets(team: Project, tmp_path: Path) -> None:
    xml, archive = _export(team, tmp_path / "team.qdpx")
    first = team.documents()[0]
    assert archive.read(f"sources/{first.uuid}.txt") == SAMPLE_TEXT.encode("utf-8")
    assert f'plainTextPath="internal://{first.uuid}.txt"' in xml
    mine = next(a for a in team.annotations() if a.quote.startswith("𠮷"))
    root = ET.fromstring(xml)
    selection = root.find(f".//{NS}PlainTextSelection[@guid='{mine.uuid}']")
    assert selection is not None
    assert (selection.get("startPosition"), selection.get("endPosition")) == (
        str(SAMPLE_TEXT.index("𠮷")),
        str(SAMPLE_TEXT.index("𠮷") + 6),
    )
    assert selection.findtext(f"{NS}Description", "").startswith("备注：含𠮷😀\n第二行\n\n")
    source = root.find(f".//{NS}TextSource[@guid='{first.uuid}']")
    assert source is not None
    assert source.get("name") == "样例 <&>"
    variables = {v.get("name") for v in root.iter(f"{NS}Variable")}
    assert {"author", "published", "region_level", "site", "source_path"} <= variables


def test_metadata_are_document_variables_other_programs_read(team: Project, tmp_path: Path) -> None:
    xml, _ = _export(team, tmp_path / "team.qdpx")
    root = ET.fromstring(xml)
    names = {v.get("guid"): v.get("name") for v in root.iter(f"{NS}Variable")}
    source = root.find(f".//{NS}TextSource[@guid='{team.documents()[0].uuid}']")
    assert source is not None
    values = {
        (names[v.find(f"{NS}VariableRef").get("targetGUID")], v.findtext(f"{NS}TextValue"))  # type: ignore[union-attr]
        for v in source.iter(f"{NS}VariableValue")
    }
    assert ("author", "张三") in values
    assert ("author", "同名属性") in values
    assert ("region", "安阳市") in values
    assert ("site", "people.cn") in values


def test_the_demo_project_goes_out_and_comes_back(tmp_path: Path) -> None:
    with create_demo_project(tmp_path / "demo.annot") as demo:
        _export(demo, tmp_path / "demo.qdpx")
        with import_qdpx(tmp_path / "demo.qdpx", tmp_path / "again.annot") as imported:
            _same_project(imported, demo)
            untitled = [d for d in imported.documents() if d.title is None]
            assert len(untitled) == 1  # its name in the file was its file's name


def test_a_part_of_a_project(team: Project, tmp_path: Path) -> None:
    second = team.documents()[1]
    summary = export_qdpx(team, tmp_path / "part.qdpx", documents=[second])
    assert (summary.sources, summary.codes, summary.coders, summary.codings) == (1, 4, 1, 1)
    with import_qdpx(tmp_path / "part.qdpx", tmp_path / "part.annot") as part:
        assert [d.uuid for d in part.documents()] == [second.uuid]
        assert [c.name for c in part.coders()] == ["bob"]
        assert [a.quote for a in part.annotations()] == [OTHER_TEXT[6:10]]
        assert len(part.codes()) == 4


def test_chosen_codings_bring_their_coders_and_reviewers(team: Project, tmp_path: Path) -> None:
    mine = next(a for a in team.annotations() if a.memo.startswith("备注"))
    summary = export_qdpx(team, tmp_path / "one.qdpx", annotations=[mine])
    assert (summary.sources, summary.codings, summary.coders) == (2, 1, 2)  # alice, bob
    with import_qdpx(tmp_path / "one.qdpx", tmp_path / "one.annot") as one:
        assert [a.uuid for a in one.annotations()] == [mine.uuid]
        assert [r.comment for r in one.reviews([one.annotations()[0].id])] == ["同意"]


def test_a_coding_on_a_document_left_out_is_refused(team: Project, tmp_path: Path) -> None:
    first, second = team.documents()
    stray = team.annotations(first.id)
    with pytest.raises(ValidationError, match="not exported"):
        export_qdpx(team, tmp_path / "x.qdpx", documents=[second], annotations=stray)
    assert not (tmp_path / "x.qdpx").exists()


def test_a_failed_export_leaves_no_file(team: Project, tmp_path: Path) -> None:
    with pytest.raises(WriteFailedError):
        export_qdpx(team, tmp_path / "missing" / "x.qdpx")
    assert not (tmp_path / "missing").exists()


def test_an_empty_project_is_a_valid_file(project: Project, tmp_path: Path) -> None:
    summary = export_qdpx(project, tmp_path / "empty.qdpx")
    assert (summary.sources, summary.codes, summary.coders, summary.codings) == (0, 0, 0, 0)
    _export(project, tmp_path / "empty.qdpx")
    with import_qdpx(tmp_path / "empty.qdpx", tmp_path / "empty.annot") as imported:
        assert imported.documents() == []
        assert imported.codes() == []


def _chain(project: Project, levels: int) -> None:
    """A code nested ``levels`` deep, coded once."""
    (document,) = project.add_documents([NewDocument(text="文字。", raw_text="文字。")])
    parent = None
    for level in range(levels):
        parent = project.add_code(key=f"D{level}", name=f"第{level}层", parent_id=parent).id
    assert parent is not None
    project.add_annotation(document.id, parent, 0, 2)


def test_a_codebook_200_levels_deep_comes_back(project: Project, tmp_path: Path) -> None:
    """Reading accepts what writing does (and no recursion limit is met on the way)."""
    _chain(project, 200)
    _export(project, tmp_path / "deep.qdpx")
    with import_qdpx(tmp_path / "deep.qdpx", tmp_path / "deep.annot") as imported:
        _same_project(imported, project)


def test_a_deeper_codebook_is_refused_before_anything_is_written(
    project: Project, tmp_path: Path
) -> None:
    """Nothing is written that reading would refuse."""
    _chain(project, MAX_DEPTH + 1)
    with pytest.raises(ValidationError, match=f"D{MAX_DEPTH} .*deeper than {MAX_DEPTH} levels"):
        export_qdpx(project, tmp_path / "deeper.qdpx")
    assert list(tmp_path.iterdir()) == []


def _run_cli(argv: list[str]) -> None:
    """What ``annotator import-qdpx …`` runs once the verb is registered."""
    parser = argparse.ArgumentParser(prog="annotator")
    verbs = parser.add_subparsers(dest="verb", required=True)
    add_import_arguments(verbs.add_parser("import-qdpx"))
    args = parser.parse_args(argv)
    args.handler(args)


def test_the_import_verb(team: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export_qdpx(team, tmp_path / "team.qdpx")
    target = tmp_path / "cli.annot"
    _run_cli(["import-qdpx", str(tmp_path / "team.qdpx"), str(target), "--coder", "dave"])
    assert (
        capsys.readouterr().out.strip() == f"imported 2 documents, 4 codes, 4 codings into {target}"
    )
    _run_cli(["import-qdpx", str(tmp_path / "team.qdpx"), str(tmp_path / "j.annot"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "project": str(tmp_path / "j.annot"),
        "documents": 2, "codes": 4, "coders": 3, "codings": 4, "notes": [],
    }  # fmt: skip
    with pytest.raises(ValidationError, match="exists already"):
        _run_cli(["import-qdpx", str(tmp_path / "team.qdpx"), str(target)])
