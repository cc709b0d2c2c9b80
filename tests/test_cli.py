"""The command line: every verb, its --json output, and its one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.resources import demo_corpus_paths


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main([*map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    status, out, err = run(capsys, *argv, "--json")
    assert status == 0, err
    return json.loads(out)


@pytest.fixture
def cli_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.annot"
    assert run(capsys, "new", path, "--codebook", "default")[0] == 0
    return path


def test_new_with_the_default_codebook(cli_project: Path, capsys: pytest.CaptureFixture[str]):
    codes = run_json(capsys, "codebook", cli_project)
    assert isinstance(codes, list)
    assert len(codes) == 54
    assert codes[0]["key"] == "M"
    assert codes[0]["parent_id"] is None
    assert {"id", "uuid", "key", "name", "name_en", "color"} <= set(codes[0])


def test_import_a_folder_reports_each_file(
    cli_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in demo_corpus_paths():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    report = run_json(capsys, "import", cli_project, folder)
    assert isinstance(report, list)
    statuses = {Path(r["file"]).name: r["status"] for r in report}
    assert statuses["empty.txt"] == "failed"
    assert list(statuses.values()).count("imported") == 5
    assert all(
        {"file", "status", "document_id", "title", "flags", "error"} <= set(r) for r in report
    )

    again = run_json(capsys, "import", cli_project, folder / demo_corpus_paths()[0].name)
    assert again[0]["status"] == "duplicate"  # type: ignore[index]
    documents = run_json(capsys, "documents", cli_project)
    assert isinstance(documents, list)
    assert len(documents) == 5


def test_code_then_list_then_export(
    cli_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    run_json(capsys, "import", cli_project, demo_corpus_paths()[4])
    text = run_json(capsys, "text", cli_project, "1")
    assert isinstance(text, dict)
    start = text["text"].index("抓党建促乡村振兴")
    coded = run_json(
        capsys, "code", cli_project, "1", "M1.1", start, start + 8, "--coder", "王", "--memo", "试"
    )
    assert isinstance(coded, dict)
    assert (coded["quote"], coded["coder"], coded["key"]) == ("抓党建促乡村振兴", "王", "M1.1")
    assert (coded["start"], coded["end"]) == (start, start + 8)

    listed = run_json(capsys, "annotations", cli_project)
    assert isinstance(listed, list)
    assert [(a["key"], a["coder"], a["quote"], a["memo"]) for a in listed] == [
        ("M1.1", "王", "抓党建促乡村振兴", "试")
    ]
    uuid = text["uuid"]
    assert run_json(capsys, "annotations", cli_project, "--document", uuid) == listed

    out = tmp_path / "segments.xlsx"
    exported = run_json(capsys, "export", cli_project, out)
    assert exported == {"file": str(out), "rows": 1}
    assert out.exists()
    assert run_json(capsys, "check", cli_project) == {"ok": True, "problems": []}
    history = run_json(capsys, "history", cli_project)
    assert isinstance(history, list)
    assert history[0]["action"] == "add_annotation"


def test_codebook_export_then_import_round_trips(
    cli_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    exported = tmp_path / "codebook.json"
    run_json(capsys, "codebook", cli_project, "--export", exported)
    other = tmp_path / "other.annot"
    run(capsys, "new", other)
    report = run_json(capsys, "codebook", other, "--import", exported)
    assert isinstance(report, dict)
    assert len(report["added"]) == 54
    strip = lambda codes: [{k: v for k, v in c.items() if k != "id"} for c in codes]  # noqa: E731
    first = run_json(capsys, "codebook", cli_project)
    second = run_json(capsys, "codebook", other)
    assert isinstance(first, list)
    assert isinstance(second, list)
    assert strip(first) == strip(second)
    again = run_json(capsys, "codebook", other, "--import", exported)
    assert isinstance(again, dict)
    assert len(again["unchanged"]) == 54


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["code", "{p}", "1", "NOPE", "0", "1"], "No code with key 'NOPE'"),
        (["code", "{p}", "1", "M", "5", "99999"], "out of range"),
        (["code", "{p}", "1", "M", "0", "2", "--quote", "错"], "does not match"),
        (["text", "{p}", "42"], "No such document"),
        (["export", "{p}", "out.pdf"], "Cannot export to .pdf"),
        (["documents", "{missing}"], "not found"),
        (["codebook", "{p}", "--import", "{missing}"], "Cannot read the codebook"),
    ],
)
def test_errors_are_one_line_and_non_zero(
    cli_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
):
    run(capsys, "import", cli_project, demo_corpus_paths()[4])
    filled = [a.format(p=cli_project, missing=tmp_path / "missing.json") for a in argv]
    status, out, err = run(capsys, *filled)
    assert status == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("annotator: ")
    assert message in err


def test_python_dash_m_runs_the_cli(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "new", str(tmp_path / "m.annot"), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["codes"] == 0


def test_set_edits_metadata_and_clears_with_an_empty_value(
    cli_project: Path, capsys: pytest.CaptureFixture[str]
):
    run_json(capsys, "import", cli_project, demo_corpus_paths()[1])  # 001: no title
    document = run_json(capsys, "set", cli_project, "1", "title=安阳市抓党建", "published=2021")
    assert isinstance(document, dict)
    assert (document["title"], document["published"]) == ("安阳市抓党建", "2021")
    assert document["date_precision"] == "year"
    cleared = run_json(capsys, "set", cli_project, "1", "published=")
    assert isinstance(cleared, dict)
    assert cleared["published"] is None
    assert cleared["date_precision"] is None
    status, _, err = run(capsys, "set", cli_project, "1", "colour=red")
    assert status == 1
    assert "FIELD=VALUE" in err
