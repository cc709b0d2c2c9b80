"""The review queue, reviewer corrections, the consensus layer, disagreements and the
reliability sheets (issue 6, items 2–5, core side)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from annotator.agreement.disagreements import Kind, compare, disagreements
from annotator.agreement.report import reliability_report
from annotator.cli import main as cli
from annotator.errors import ValidationError
from annotator.excel import load_workbook
from annotator.exporting.dataset import ExportOptions, collect
from annotator.exporting.reliability import export_reliability
from annotator.exporting.rows import exported_coder, segment_rows
from annotator.models import CONSENSUS_NAME, CONSENSUS_UUID, ReviewStatus
from annotator.project import Project
from annotator.teamwork.review import progress, review_queue
from tests.conftest import add_document

TEXT = "第一句讲党建引领。第二句讲集体经济。第三句讲人才振兴。第四句讲乡村治理。"


@pytest.fixture
def two(project: Project) -> Project:
    """Two coders on one document: agree on M1 [0, 9), differ on M2's bounds, and only
    张三 used M1 on [18, 27)."""
    project.add_code(key="M1", name="党建引领")
    project.add_code(key="M2", name="集体经济")
    document = add_document(project, TEXT)
    m1, m2 = project.code_by_key("M1").id, project.code_by_key("M2").id
    for coder, spans in {
        "张三": [(m1, 0, 9), (m2, 9, 18), (m1, 18, 27)],
        "李四": [(m1, 0, 9), (m2, 10, 18)],
    }.items():
        for code_id, start, end in spans:
            project.add_annotation(document.id, code_id, start, end, coder=coder)
    project.coder = "审阅人"
    return project


def _ids(project: Project, *names: str) -> list:  # type: ignore[type-arg]
    return [project.coder_by_name(name).id for name in names]


def test_queue_filters_and_progress(two: Project) -> None:
    zhang, li = _ids(two, "张三", "李四")
    queue = review_queue(two)
    assert len(queue) == 5
    assert {i.state for i in queue} == {"pending"}
    first = queue[0].annotation.id
    two.review_annotation(first, ReviewStatus.ACCEPTED)
    two.review_annotation(first, ReviewStatus.COMMENTED, "再看看")  # a comment keeps the state
    two.review_annotation(queue[1].annotation.id, ReviewStatus.REJECTED)
    assert [i.state for i in review_queue(two, coder_ids=[zhang])][:1] == ["accepted"]
    assert len(review_queue(two, coder_ids=[li])) == 2
    assert len(review_queue(two, code_ids=[two.code_by_key("M1").id])) == 3
    assert [i.annotation.id for i in review_queue(two, states=["accepted"])] == [first]
    assert review_queue(two, states=["accepted"])[0].comments == 1
    overall, per_document = progress(review_queue(two))
    assert (overall.decided, overall.total) == (2, 5)
    assert [(p.decided, p.total) for p in per_document.values()] == [(2, 5)]
    two.undo()  # the rejection
    assert progress(review_queue(two))[0].decided == 1


def test_revision_changes_the_coding_and_records_what_it_was(two: Project) -> None:
    target = review_queue(two, coder_ids=_ids(two, "李四"))[1].annotation
    two.revise_annotation(target.id, code_id=two.code_by_key("M1").id, start=9)
    after = two.annotation(target.id)
    assert (two.code(after.code_id).key, after.start, after.quote) == ("M1", 9, TEXT[9:18])
    [review] = two.reviews([target.id])
    assert review.status is ReviewStatus.ACCEPTED
    assert "M2 [10, 18)" in review.comment
    two.undo()
    assert two.annotation(target.id) == target
    assert not two.reviews([target.id])
    with pytest.raises(ValidationError):
        two.revise_annotation(target.id)


def test_clusters_classify_agreement_bounds_and_missing(two: Project) -> None:
    found = compare(two, _ids(two, "张三", "李四"))
    kinds = [(two.code(c.code_id).key, c.start, c.end, c.kind) for c in found]
    assert kinds == [
        ("M1", 0, 9, Kind.AGREE),
        ("M2", 9, 18, Kind.BOUNDS),
        ("M1", 18, 27, Kind.MISSING),
    ]
    assert len(disagreements(found)) == 2


def test_consensus_layer_adopts_copies_and_exports_use_it(two: Project) -> None:
    assert exported_coder(two) is None
    agreed = [c for c in compare(two, _ids(two, "张三", "李四")) if c.kind is Kind.AGREE]
    source = agreed[0].members[two.coder_by_name("张三").id][0]
    adopted = two.adopt_annotations([source.id, source.id])
    assert len(adopted) == 1
    layer = two.coder_by_name(CONSENSUS_NAME)
    assert layer.uuid == CONSENSUS_UUID
    copy = two.annotation(adopted[0])
    assert (copy.start, copy.end, copy.code_id, copy.coder_id) == (
        source.start, source.end, source.code_id, layer.id,
    )  # fmt: skip
    assert two.adopt_annotations([source.id]) == []  # already there
    assert compare(two, _ids(two, "张三", "李四"))[0].consensus == (copy,)
    assert exported_coder(two) == layer.id
    assert [r.quote for r in segment_rows(collect(two))] == [source.quote]
    assert len(list(segment_rows(collect(two, ExportOptions(layer="all"))))) == 6
    with pytest.raises(ValidationError):
        two.rename_coder(layer.id, "别名")
    two.undo()
    with pytest.raises(ValidationError):
        exported_coder(two, "consensus")


def test_report_overall_row_pools_used_codes(two: Project) -> None:
    two.add_code(key="M3", name="无人使用")
    report = reliability_report(two, ["张三", "李四"], "sentence")
    rows = {row.key: row for row in report.rows}
    assert rows["M3"].n == 4
    assert not rows["M3"].used
    assert (rows["M3"].kappa, rows["M3"].holsti) == (None, None)
    overall = report.overall
    assert overall.code_id is None
    # M1: 2 sentences by 张三, 1 by 李四 (both in 1); M2: both in sentence 2
    assert (overall.table.both, overall.table.first_only, overall.table.second_only) == (2, 1, 0)
    assert overall.table.n == 8  # two used codes × four sentences
    assert overall.holsti == pytest.approx(2 * 2 / (3 + 2))
    assert rows["M1"].below_threshold


def test_reliability_sheets_hold_numbers_and_never_nan(two: Project, tmp_path: Path) -> None:
    two.add_code(key="M3", name="无人使用")
    names = ["张三", "李四"]
    report = reliability_report(two, names, "sentence")
    found = disagreements(compare(two, _ids(two, *names)))
    out = tmp_path / "信度.xlsx"
    export_reliability(two, report, found, out, "zh")
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["信度", "分歧"]
    rows = list(workbook["信度"].iter_rows(values_only=True))
    assert rows[0][4:6] == ("仅张三", "仅李四")
    by_key = {row[0]: row for row in rows[1:]}
    assert by_key["M1"][2:7] == (4, 1, 1, 0, 2)
    assert by_key["M3"][7:11] == (1, None, None, None)  # undefined is an empty cell
    assert rows[-1][1] == "合计 Overall"
    assert all(not (isinstance(v, float) and math.isnan(v)) for row in rows for v in row)
    assert rows[1][0] == "M1"
    assert workbook["信度"]["A2"].fill.start_color.rgb.endswith("FFC7CE")  # κ = 0.5: flagged
    assert workbook["信度"]["A3"].fill.start_color.rgb == "00000000"
    disagreement_rows = list(workbook["分歧"].iter_rows(values_only=True))[1:]
    assert [(r[2], r[4], r[8], r[9]) for r in disagreement_rows] == [
        ("M2", "范围不同", "[9, 18)", "[10, 18)"),
        ("M1", "有人未编", "[18, 27)", None),
    ]


def test_cli_handout_merge_review_adopt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main = tmp_path / "main.annot"
    with Project.create(main) as project:
        project.coder = "审阅人"
        project.add_code(key="M1", name="党建引领")
        add_document(project, TEXT)
    copy = tmp_path / "copy.annot"
    assert cli(["handout", str(main), str(copy), "--coder", "张三"]) == 0
    assert cli(["code", str(copy), "1", "M1", "0", "9", "--coder", "张三"]) == 0
    capsys.readouterr()
    assert cli(["merge", str(main), str(copy), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["annotations_added"] == 1
    assert cli(["review", str(main), "--annotation", "1", "--reject", "--coder", "审"]) == 0
    assert capsys.readouterr().out == "rejected 1\n"
    assert cli(["review", str(main), "--state", "rejected", "--json"]) == 0
    assert [r["state"] for r in json.loads(capsys.readouterr().out)] == ["rejected"]
    assert cli(["review", str(main), "--annotation", "1"]) == 1  # no decision given
    assert cli(["adopt", str(main), "1"]) == 0
    with Project.open(main, backup=False) as project:
        assert [a.coder_id for a in project.annotations()] == [
            project.coder_by_name("张三").id,
            project.coder_by_name(CONSENSUS_NAME).id,
        ]
