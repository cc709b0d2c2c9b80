"""Export options (coders, review states, documents) and the CSV, JSON and CLI forms."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from annotator.cli import main as cli
from annotator.errors import ValidationError
from annotator.excel import load_workbook
from annotator.exporting import ExportOptions, export
from annotator.exporting.dataset import collect
from annotator.models import DocumentId
from annotator.project import Project
from tests.export_fixture import Coded, build


@pytest.fixture
def coded(project: Project) -> Coded:
    return build(project)


def _ids(coded: Coded, options: ExportOptions) -> set[str]:
    found = {a.id for a in collect(coded.project, options).annotations}
    return {key for key, a in coded.a.items() if a.id in found}


def test_options_choose_coders_states_and_documents(coded: Coded) -> None:
    bob = coded.project.coder_by_name("bob").id
    assert _ids(coded, ExportOptions()) == set(coded.a)
    assert _ids(coded, ExportOptions(coder_ids=frozenset({bob}))) == {"b1", "b2"}
    assert _ids(coded, ExportOptions(statuses=frozenset({"accepted"}))) == {"a1"}
    assert _ids(coded, ExportOptions(statuses=frozenset({"pending", "rejected"}))) == {
        "a2", "a3", "b1", "a4", "a5", "b2",
    }  # fmt: skip
    second = frozenset({coded.documents[1].id})
    assert _ids(coded, ExportOptions(document_ids=second)) == {"a4", "a5", "b2"}
    data = collect(coded.project, ExportOptions(document_ids=second))
    assert data.numbers[coded.documents[1].id] == 2  # numbers stay the project's
    assert data.unit(coded.a["a4"]) == "2-0-1-1"


def test_bad_options_are_refused(coded: Coded) -> None:
    with pytest.raises(ValidationError, match="review state"):
        ExportOptions(statuses=frozenset({"maybe"}))
    with pytest.raises(ValidationError, match="No such documents"):
        collect(coded.project, ExportOptions(document_ids=frozenset({DocumentId(99)})))
    with pytest.raises(ValidationError, match="Cannot export"):
        export(coded.project, Path("out.docx"))


def test_csv_opens_in_chinese_excel_and_never_runs_formulas(coded: Coded, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert export(coded.project, out) == 7
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    by_id = {int(row["标注ID"]): row for row in rows}
    a1, a2 = by_id[coded.a["a1"].id], by_id[coded.a["a2"].id]
    assert (a1["引文"], a1["备忘"], a1["文档标题"]) == ("'=SUM(A1:A9)", "'+备忘", "甲文 =标题")
    assert (a1["单元编号"], a1["审阅状态"]) == ("1-1-1-1", "已接受")
    assert a2["引文"] == "第二句𠮷😀"
    assert by_id[coded.a["a3"].id]["引文"] == "'-1+2"
    english = tmp_path / "en.csv"
    export(coded.project, english, ExportOptions(language="en"))
    assert next(csv.reader(english.open(encoding="utf-8-sig")))[11] == "Quote"


def test_json_is_exact(coded: Coded, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    export(coded.project, out, ExportOptions(statuses=frozenset({"accepted", "rejected"})))
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "annotator-segments"
    segments = document["segments"]
    assert [s["quote"] for s in segments] == ["=SUM(A1:A9)", "-1+2"]
    first = segments[0]
    assert (first["status"], first["reviewer"], first["comment"]) == ("accepted", "rita", "好")
    assert (first["start"], first["end"], first["unit"]) == (7, 18, "1-1-1-1")
    assert first["annotation_uuid"] == coded.a["a1"].uuid


def test_cli_exports_each_format_with_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.annot"
    with Project.create(path) as project:
        build(project)
    p = str(path)
    assert cli(["export", p, str(tmp_path / "b.xlsx"), "--coders", "bob", "--lang", "en"]) == 0
    segments = load_workbook(tmp_path / "b.xlsx")["Segments"]
    assert [row[16] for row in segments.iter_rows(min_row=2, values_only=True)] == ["bob", "bob"]
    capsys.readouterr()
    assert cli(["export", p, str(tmp_path / "s.csv"), "--status", "accepted", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 1
    assert cli(["export", p, str(tmp_path / "d.json"), "--documents", "2"]) == 0
    assert len(json.loads((tmp_path / "d.json").read_text())["segments"]) == 3
    assert cli(["export", p, str(tmp_path / "r.html"), "--per-document"]) == 0
    assert "wrote 7 codings to" in capsys.readouterr().out
    assert sorted(f.name for f in (tmp_path / "r").iterdir())[-1] == "index.html"
    assert cli(["export", p, str(tmp_path / "y.xlsx"), "--attribute", "year"]) == 0
    header = next(load_workbook(tmp_path / "y.xlsx")["交叉表"].iter_rows(values_only=True))
    assert header[:4] == ("编码 \\ 年份", "名称", "2023", "2024")
    assert cli(["export", p, str(tmp_path / "x.xlsx"), "--status", "maybe"]) == 1
    assert "Unknown review state" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_a_qdpx_carries_every_coder_even_with_a_consensus_layer(
    coded: Coded, tmp_path: Path
) -> None:
    coded.project.adopt_annotations([coded.a["a1"].id])
    assert len(collect(coded.project).annotations) == 1  # other formats: the consensus
    assert export(coded.project, tmp_path / "all.qdpx") == 8
    alice = coded.project.coder_by_name("alice").id
    only = ExportOptions(coder_ids=frozenset({alice}))
    assert export(coded.project, tmp_path / "alice.qdpx", only) == 5


def test_a_cancel_at_the_last_step_keeps_the_old_file(coded: Coded, tmp_path: Path) -> None:
    from annotator.errors import CancelledError

    def cancel_at_the_end(done: int, total: int) -> None:
        if done == total:
            raise CancelledError("已取消 / Cancelled")

    for name in ("old.html", "old.qdpx", "old.xlsx"):
        out = tmp_path / name
        out.write_text("earlier", encoding="utf-8")
        with pytest.raises(CancelledError):
            export(coded.project, out, progress=cancel_at_the_end)
        assert out.read_text(encoding="utf-8") == "earlier", name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.html", "old.qdpx", "old.xlsx"]


def test_a_report_folder_written_again_drops_pages_it_no_longer_has(
    coded: Coded, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    export(coded.project, out, per_document=True)
    (tmp_path / "report" / "mine.txt").write_text("the user's", encoding="utf-8")
    first = {coded.documents[0].id}
    export(coded.project, out, ExportOptions(document_ids=frozenset(first)), per_document=True)
    names = sorted(p.name for p in (tmp_path / "report").iterdir())
    assert names == ["001 甲文 =标题.html", "index.html", "mine.txt"]
