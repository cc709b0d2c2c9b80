"""REFI-QDA project files (.qdpx) written by other programs, and hostile ones.

A hostile or broken file is refused with a ValidationError and leaves no project behind.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import xmlschema

from annotator.errors import ValidationError
from annotator.exchange import import_qdpx, read_qdpx
from annotator.exchange.qdpx_sources import keep_carriage_returns
from annotator.project import Project

SCHEMA = xmlschema.XMLSchema(
    Path(__file__).parents[1] / "resources" / "refi-qda" / "Project-mrt2019.xsd"
)
# As a Windows program stores it: a byte order mark and CR LF line endings.
STORED = "\ufeff第一行\r\n第二行：我们信任政府。\r\n第三行😀不信任。\r\n"
TEXT = "第一行\n第二行：我们信任政府。\n第三行😀不信任。\n"
EMBEDDED = "嵌入的文字，含𠮷。"
USER = "5C94BC9E-DB8C-4F1D-9CD6-E900C7440860"
STRANGER = "DF241DA2-BCA0-4AD9-83C1-B89C98D83567"
TRUST, DISTRUST = "2DFBA8C9-59F5-4424-99D6-EA9BCE18134B", "AE6D04CE-D987-4FC8-AF97-D72CA6FFD08F"
SOURCE, NOTE = "E92903A3-0FDB-473D-9AE2-58B8D1D68014", "0F758EEB-D61D-4E91-B250-79861C3869A6"
Rename = Callable[[str], str]
AUTHOR, AGE = "3BA84074-E1AF-4234-9773-1A71BB5C54DE", "96868D37-D832-4D19-BF5E-9BD0792AB8E2"


def guid(number: int) -> str:
    return f"00000000-0000-4000-8000-{number:012d}"


def foreign_xml(origin: str, start: int, end: int) -> str:
    """A project as QualCoder or ATLAS.ti writes one: no marker lines, braces, upper case."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="访谈研究" origin="{origin}">
  <Users><User guid="{{{USER}}}" name="colin"/></Users>
  <CodeBook><Codes>
    <Code guid="{TRUST}" name="信任" isCodable="true" color="#F00">
      <Description>对政府的信任</Description>
      <Code guid="{DISTRUST}" name="不信任" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="{AUTHOR}" name="author" typeOfVariable="Text"/>
    <Variable guid="{AGE}" name="age" typeOfVariable="Integer"/>
  </Variables>
  <Cases>
    <Case guid="{guid(1)}">
      <VariableValue>
        <VariableRef targetGUID="{AGE}"/><IntegerValue>42</IntegerValue>
      </VariableValue>
      <SourceRef targetGUID="{NOTE}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="{SOURCE}" name="interview1.txt" plainTextPath="internal://{SOURCE}.txt"
        creatingUser="{USER}" creationDateTime="2023-01-02T08:00:00Z">
      <PlainTextSelection guid="{guid(2)}" startPosition="{start}" endPosition="{end}"
          creatingUser="{USER}" creationDateTime="2023-01-03T09:30:00Z">
        <Description>一个备注</Description>
        <Coding guid="{guid(3)}" creatingUser="{USER}">
          <CodeRef targetGUID="{{{TRUST}}}"/>
        </Coding>
        <Coding guid="{guid(4)}" creatingUser="{STRANGER}">
          <CodeRef targetGUID="{DISTRUST}"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="{guid(5)}" startPosition="0" endPosition="3"/>
      <VariableValue><VariableRef targetGUID="{AUTHOR}"/><TextValue>李四</TextValue></VariableValue>
    </TextSource>
    <TextSource guid="{NOTE}" name="笔记">
      <PlainTextContent>{EMBEDDED}</PlainTextContent>
      <PlainTextSelection guid="{guid(6)}" startPosition="7" endPosition="8">
        <Coding guid="{guid(7)}"><CodeRef targetGUID="{TRUST}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PictureSource guid="{guid(8)}" name="photo.jpg" path="internal://{guid(8)}.jpg"/>
  </Sources>
</Project>
"""


def write_qdpx(path: Path, xml: str, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml.encode("utf-8"))
        for name, data in files.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("origin", "counted_in"),
    [("QualCoder 3.5", STORED.removeprefix("\ufeff")), ("ATLAS.ti 23", TEXT)],
    ids=["crlf-is-two", "atlas-crlf-is-one"],
)
def test_a_project_from_another_program(tmp_path: Path, origin: str, counted_in: str) -> None:
    start = counted_in.index("信任政府")
    xml = foreign_xml(origin, start, start + 4)
    SCHEMA.validate(xml)
    stored = {f"Sources/{SOURCE}.txt": STORED.encode("utf-8")}
    path = write_qdpx(tmp_path / "interviews.qdpx", xml, stored)
    assert read_qdpx(path).notes == [
        f"{guid(5)}: 无编码的选段未导入 / a selection with no code left out",
        "photo.jpg: PictureSource 未导入 / left out (Annotator holds texts)",
    ]
    with import_qdpx(path, tmp_path / "访谈.annot") as project:
        assert project.name == "访谈研究"
        interview, note = project.documents()
        assert (interview.uuid, interview.title, interview.author) == (
            SOURCE.lower(),
            "interview1.txt",
            "李四",
        )
        assert project.text(interview.id) == TEXT
        assert interview.imported_at == "2023-01-02T08:00:00.000+00:00"
        assert (note.title, project.text(note.id), dict(note.attributes)) == (
            "笔记",
            EMBEDDED,
            {"age": "42"},
        )
        _check_foreign_codes_and_codings(project)


def _check_foreign_codes_and_codings(project: Project) -> None:
    trust, distrust = project.codes()
    assert (trust.uuid, trust.key, trust.name, trust.definition) == (
        TRUST.lower(),
        None,
        "信任",
        "对政府的信任",
    )
    assert (distrust.parent_id, distrust.uuid, trust.color.lower()) == (
        trust.id,
        DISTRUST.lower(),
        "#ff0000",
    )
    names = {c.uuid: c.name for c in project.coders()}
    assert names[USER.lower()] == "colin"
    assert names[STRANGER.lower()] == STRANGER.lower()  # named nowhere: named by its guid
    codings = [
        (a.uuid, a.quote, project.code(a.code_id).name, a.memo, a.created)
        for a in project.annotations()
    ]
    created = "2023-01-03T09:30:00.000+00:00"
    assert codings[:2] == [
        (guid(2), "信任政府", "信任", "一个备注", created),
        (guid(4), "信任政府", "不信任", "一个备注", created),  # the second coding's own guid
    ]
    assert codings[2][1:3] == ("𠮷", "信任")
    assert project.verify() == []


def minimal_xml(
    start: int = 0, end: int = 2, code: str = guid(1), path: str = "internal://s.txt"
) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
  <CodeBook><Codes><Code guid="{guid(1)}" name="c" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="{guid(2)}" name="s" plainTextPath="{path}">
    <PlainTextSelection guid="{guid(3)}" startPosition="{start}" endPosition="{end}">
      <Coding guid="{guid(4)}"><CodeRef targetGUID="{code}"/></Coding>
    </PlainTextSelection>
  </TextSource></Sources>
</Project>"""


SOURCE_FILES = {"sources/s.txt": "一段文字。".encode()}
BOMB = """<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>"""


def _hostile(tmp_path: Path, case: str) -> Path:
    path = tmp_path / f"{case}.qdpx"
    if case == "not-a-zip":
        path.write_bytes(b"PK? no, just text")
        return path
    cases: dict[str, tuple[str, dict[str, bytes]]] = {
        "escaping-path": (minimal_xml(), {**SOURCE_FILES, "../evil.txt": b"x"}),
        "absolute-path": (minimal_xml(), {**SOURCE_FILES, "/etc/evil": b"x"}),
        "zip-bomb": (minimal_xml(), {**SOURCE_FILES, "sources/big.txt": bytes(4 << 20)}),
        "entities": (BOMB, {}),
        "beyond-the-text": (minimal_xml(3, 9), SOURCE_FILES),
        "missing-source": (minimal_xml(path="internal://gone.txt"), SOURCE_FILES),
        "source-path-climbs": (minimal_xml(path="internal://../s.txt"), SOURCE_FILES),
        "unknown-code": (minimal_xml(code=guid(9)), SOURCE_FILES),
        "not-utf8": (minimal_xml(), {"sources/s.txt": "一段文字".encode("gb18030")}),
        "empty-selection": (minimal_xml(1, 1), SOURCE_FILES),
        "not-a-project": ("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'/>", {}),
        "external-source": (minimal_xml(path="absolute:///etc/passwd"), SOURCE_FILES),
        "backslash-climbs": (minimal_xml(), {**SOURCE_FILES, "sources\\..\\..\\evil": b"x"}),
        "dot-climbs": (minimal_xml(), {**SOURCE_FILES, "./../evil.txt": b"x"}),
        "drive": (minimal_xml(), {**SOURCE_FILES, "C:\\evil.txt": b"x"}),
        "one-name-twice": (minimal_xml(), {**SOURCE_FILES, "sources\\s.txt": b"x"}),
    }
    xml, files = cases[case]
    return write_qdpx(path, xml, files)


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("not-a-zip", "not a zip"),
        ("escaping-path", "outside the archive"),
        ("absolute-path", "outside the archive"),
        ("zip-bomb", "expands suspiciously"),
        ("entities", "DTD or entities"),
        ("beyond-the-text", "outside its text"),
        ("missing-source", "is missing"),
        ("source-path-climbs", "Bad source path"),
        ("unknown-code", "unknown code"),
        ("not-utf8", "not UTF-8"),
        ("empty-selection", "is empty"),
        ("not-a-project", "not a REFI-QDA project"),
        ("external-source", "inside the file"),
        ("backslash-climbs", "outside the archive"),
        ("dot-climbs", "outside the archive"),
        ("drive", "outside the archive"),
        ("one-name-twice", "two files named 'sources/s.txt'"),
    ],
)
def test_a_hostile_or_broken_file_is_refused_whole(tmp_path: Path, case: str, message: str) -> None:
    target = tmp_path / "target.annot"
    with pytest.raises(ValidationError, match=message):
        import_qdpx(_hostile(tmp_path, case), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{case}.qdpx"]


@pytest.mark.parametrize(
    "rename",
    [lambda name: name.replace("/", "\\"), lambda name: f"./{name}"],
    ids=["backslashes", "dot-slash"],
)
def test_member_names_as_other_zip_tools_write_them(tmp_path: Path, rename: Rename) -> None:
    """``sources\\s.txt`` (Windows tools) and ``./project.qde`` name the usual members."""
    path = tmp_path / "renamed.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in {"project.qde": minimal_xml().encode(), **SOURCE_FILES}.items():
            archive.writestr(rename(name), data)
    with import_qdpx(path, tmp_path / "r.annot") as project:
        assert [a.quote for a in project.annotations()] == ["一段"]


def test_an_archive_without_a_project_file(tmp_path: Path) -> None:
    path = tmp_path / "x.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("sources/s.txt", "文字")
    with pytest.raises(ValidationError, match=r"no project\.qde"):
        import_qdpx(path, tmp_path / "x.annot")
    assert not (tmp_path / "x.annot").exists()


def embedded_xml(origin: str, content: str, start: int, end: int) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>\r
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="{origin}">\r
  <CodeBook><Codes><Code guid="{guid(1)}" name="c" isCodable="true"/></Codes></CodeBook>\r
  <Sources><TextSource guid="{guid(2)}" name="s"><PlainTextContent>{content}</PlainTextContent>\r
    <PlainTextSelection guid="{guid(3)}" startPosition="{start}" endPosition="{end}">\r
      <Coding guid="{guid(4)}"><CodeRef targetGUID="{guid(1)}"/></Coding>\r
    </PlainTextSelection>\r
  </TextSource></Sources>\r
</Project>"""


WINDOWS_TEXT = "第一行\r\n第二行\r\n目标词语，其他\r内容。"


@pytest.mark.parametrize(
    ("origin", "counted_in"),
    [("NVivo", WINDOWS_TEXT), ("ATLAS.ti 23", WINDOWS_TEXT.replace("\r\n", "\n"))],
    ids=["crlf-is-two", "atlas-crlf-is-one"],
)
@pytest.mark.parametrize("cdata", [False, True], ids=["text", "cdata"])
def test_an_embedded_text_keeps_its_line_endings(
    tmp_path: Path, origin: str, counted_in: str, cdata: bool
) -> None:
    """A parser would turn CR LF into LF before the offsets are shifted for it."""
    start = counted_in.index("目标")
    content = f"<![CDATA[{WINDOWS_TEXT}]]>" if cdata else WINDOWS_TEXT
    path = write_qdpx(tmp_path / "e.qdpx", embedded_xml(origin, content, start, start + 4), {})
    contents = read_qdpx(path)
    (row,) = contents.codings
    assert row.annotation.quote == "目标词语"
    assert contents.snapshots[0].text == "第一行\n第二行\n目标词语，其他\n内容。"


def test_carriage_returns_are_kept_in_plain_text_content_only() -> None:
    xml = (
        b"<a>\r\n<q:PlainTextContent x='1'>1\r\n<![CDATA[2\r]]></q:PlainTextContent>\r\n"
        b"<PlainTextContent/>\r<PlainTextContent>\r</PlainTextContent></a>"
    )
    assert keep_carriage_returns(xml) == (
        b"<a>\r\n<q:PlainTextContent x='1'>1&#13;\n<![CDATA[2]]>&#13;<![CDATA[]]>"
        b"</q:PlainTextContent>\r\n<PlainTextContent/>\r<PlainTextContent>&#13;</PlainTextContent></a>"
    )
    assert keep_carriage_returns("<PlainTextContent>\r".encode("utf-16")).count(b"\r") == 1


@pytest.mark.parametrize("name", ["t", "s"], ids=["other-name", "same-name"])
def test_two_sources_with_one_text_are_refused(tmp_path: Path, name: str) -> None:
    """A project holds each text once (and a shared name hides nothing)."""
    second = f'<TextSource guid="{guid(5)}" name="{name}" plainTextPath="internal://s.txt"/>'
    xml = minimal_xml().replace("</TextSource></Sources>", f"</TextSource>{second}</Sources>")
    path = write_qdpx(tmp_path / "twice.qdpx", xml, SOURCE_FILES)
    with pytest.raises(ValidationError, match="same text"):
        import_qdpx(path, tmp_path / "t.annot")
    assert not (tmp_path / "t.annot").exists()


def test_a_failure_while_the_project_is_built_leaves_nothing(tmp_path: Path) -> None:
    """The file reads, but the codebook merge refuses a colour the standard does not allow."""
    xml = minimal_xml().replace('isCodable="true"', 'isCodable="true" color="red"')
    path = write_qdpx(tmp_path / "red.qdpx", xml, SOURCE_FILES)
    assert len(read_qdpx(path).codings) == 1
    with pytest.raises(ValidationError, match="#RRGGBB"):
        import_qdpx(path, tmp_path / "r.annot")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["red.qdpx"]  # no .partial either


def test_an_existing_target_is_not_touched(tmp_path: Path) -> None:
    path = write_qdpx(tmp_path / "ok.qdpx", minimal_xml(), SOURCE_FILES)
    target = tmp_path / "there.annot"
    target.write_bytes(b"mine")
    with pytest.raises(ValidationError, match="exists already"):
        import_qdpx(path, target)
    assert target.read_bytes() == b"mine"
    with import_qdpx(path, tmp_path / "fresh.annot") as project:
        assert [a.quote for a in project.annotations()] == ["一段"]
