"""DOCX import: files built here from hand-written WordprocessingML, no python-docx.

Each test writes the parts a .docx needs (content types, the package
relationships, ``word/document.xml``, optionally ``docProps/core.xml``) with
:mod:`zipfile`, so what is tested is exactly the XML Word writes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from annotator.errors import ImportFailedError
from annotator.importing import docx
from annotator.importing.docx import read_docx
from annotator.resources import demo_corpus_paths

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{target}"/></Relationships>'
)


def document(body: str, namespace: str = W_NS) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{namespace}"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )


def core(title: str = "", creator: str = "", created: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        "<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
        "</cp:coreProperties>"
    )


def para(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def write_docx(
    path: Path, body: str, parts: dict[str, str] | None = None, target: str = "word/document.xml"
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", ROOT_RELS.format(target=target))
        package.writestr("word/document.xml", document(body))
        for name, xml in (parts or {}).items():
            package.writestr(name, xml)
    return path


def test_corpus_article_paragraphs(tmp_path: Path) -> None:
    lines = demo_corpus_paths()[4].read_text(encoding="utf-8").split("\n")[:9]
    body = "".join(para(run(line)) for line in lines)
    extracted = read_docx(write_docx(tmp_path / "004.docx", body))
    assert extracted.text == "\n".join(lines)
    assert extracted.raw == extracted.text
    assert extracted.hints == {}
    assert extracted.log == ["read word/document.xml: 9 paragraphs (0 in tables)"]


def test_runs_tabs_breaks_revisions_and_fields(tmp_path: Path) -> None:
    body = (
        # Paragraph properties hold tab stops that are also called w:tab: not text.
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        + run("第一条")
        + "<w:r><w:tab/></w:r>"
        + run("建强“三支队伍”")
        + '<w:del w:id="1" w:author="张三"><w:r><w:delText>已删除的文字</w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="张三">'
        + run("聚合力。")
        + "</w:ins></w:p>"
        + para(
            run("第一行"), "<w:r><w:br/></w:r>", run("第二行"), "<w:r><w:cr/></w:r>", run("第三行")
        )
        + para(run("COVID"), "<w:r><w:noBreakHyphen/></w:r>", run("19"))
        + para('<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>', run("符号之后"))
        + para(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://x.invalid" </w:instrText>'
            '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + run("链接文字")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
        + para()  # empty paragraph
        + para(run("　　 "))  # only full-width indentation
        + '<w:p><w:moveFrom w:id="3" w:author="李四">'
        + run("移走的")
        + "</w:moveFrom>"
        + run("留下的")
        + "</w:p>"
    )
    extracted = read_docx(write_docx(tmp_path / "runs.docx", body))
    assert extracted.text.split("\n") == [
        "第一条 建强“三支队伍”聚合力。",
        "第一行",
        "第二行",
        "第三行",
        "COVID-19",
        "符号之后",
        "链接文字",
        "留下的",
    ]
    assert "skipped 2 deleted revisions" in extracted.log


def test_table_cells_are_lines_in_order(tmp_path: Path) -> None:
    cell = "<w:tc><w:tcPr/>{}</w:tc>"
    table = (
        "<w:tbl><w:tblPr/><w:tr>"
        + cell.format(para(run("序号")))
        + cell.format(para(run("举措")))
        + "</w:tr><w:tr>"
        + cell.format(para(run("1")))
        + cell.format(para(run("建立专班")) + para(run("统筹各方力量")))
        + "</w:tr></w:tbl>"
    )
    body = para(run("表格之前。")) + table + para(run("表格之后。"))
    extracted = read_docx(write_docx(tmp_path / "table.docx", body))
    assert extracted.text == "表格之前。\n序号\n举措\n1\n建立专班\n统筹各方力量\n表格之后。"
    assert extracted.log[0] == "read word/document.xml: 7 paragraphs (5 in tables)"


def test_content_controls_and_text_boxes(tmp_path: Path) -> None:
    """Paragraphs in a content control count; a text box's fallback copy does not."""
    textbox = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        "<w:txbxContent>" + para(run("文本框里的字")) + "</w:txbxContent>"
        "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        + para(run("文本框里的字"))
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = (
        "<w:sdt><w:sdtPr/><w:sdtContent>"
        + para(run("封面标题"))
        + "</w:sdtContent></w:sdt>"
        + para(run("锚点段落"), textbox)
    )
    extracted = read_docx(write_docx(tmp_path / "box.docx", body))
    assert extracted.text == "封面标题\n锚点段落\n文本框里的字"


def test_headers_and_footnotes_are_not_body(tmp_path: Path) -> None:
    parts = {
        "word/header1.xml": f'<w:hdr xmlns:w="{W_NS}">{para(run("页眉文字"))}</w:hdr>',
        "word/footnotes.xml": f'<w:footnotes xmlns:w="{W_NS}">'
        f'<w:footnote w:id="1">{para(run("脚注文字"))}</w:footnote></w:footnotes>',
    }
    body = para(run("正文"), '<w:r><w:footnoteReference w:id="1"/></w:r>')
    assert read_docx(write_docx(tmp_path / "notes.docx", body, parts)).text == "正文"


def test_core_properties_give_hints(tmp_path: Path) -> None:
    parts = {
        "docProps/core.xml": core(
            "铜仁江口:“三个三”凝心聚力抓党建促乡村振兴", "江口县委组织部", "2022-06-29T08:15:00Z"
        )
    }
    extracted = read_docx(write_docx(tmp_path / "core.docx", para(run("正文。")), parts))
    assert extracted.hints == {
        "title": "铜仁江口:“三个三”凝心聚力抓党建促乡村振兴",
        "author": "江口县委组织部",
        "file_created": "2022-06-29",
    }
    empty = read_docx(
        write_docx(tmp_path / "empty.docx", para(run("正文。")), {"docProps/core.xml": core()})
    )
    assert empty.hints == {}


def test_broken_core_properties_do_not_lose_the_text(tmp_path: Path) -> None:
    parts = {"docProps/core.xml": "<cp:coreProperties"}
    extracted = read_docx(write_docx(tmp_path / "core.docx", para(run("正文。")), parts))
    assert extracted.text == "正文。"
    assert extracted.hints == {}
    assert "ignored docProps/core.xml: not readable" in extracted.log


def test_strict_ooxml_namespace(tmp_path: Path) -> None:
    strict = document(para(run("严格模式。")), "http://purl.oclc.org/ooxml/wordprocessingml/main")
    path = tmp_path / "strict.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", strict)
    assert read_docx(path).text == "严格模式。"


def test_main_part_named_by_relationships(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("_rels/.rels", ROOT_RELS.format(target="/word/document2.xml"))
        package.writestr("word/document2.xml", document(para(run("第二个主文档。"))))
    extracted = read_docx(path)
    assert extracted.text == "第二个主文档。"
    assert extracted.log[0].startswith("read word/document2.xml")


@pytest.mark.parametrize("target", ["../../etc/passwd", "word/../../x.xml", "C:/x.xml", "a\\b.xml"])
def test_unsafe_part_names_are_refused(tmp_path: Path, target: str) -> None:
    path = write_docx(tmp_path / "unsafe.docx", para(run("正文")), target=target)
    with pytest.raises(ImportFailedError, match="unsafe part name"):
        read_docx(path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "text.docx"
    path.write_text("这不是 Word 文件", encoding="utf-8")
    with pytest.raises(ImportFailedError, match="无法读取 Word 文件 / Cannot read the Word file"):
        read_docx(path)
    old = tmp_path / "old.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(ImportFailedError, match=r"old \.doc"):
        read_docx(old)
    with pytest.raises(ImportFailedError, match="Cannot read the Word file"):
        read_docx(tmp_path / "missing.docx")


def test_zip_without_document(tmp_path: Path) -> None:
    path = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
    with pytest.raises(ImportFailedError, match=r"no word/document\.xml"):
        read_docx(path)


BILLION_LAUGHS = (
    '<?xml version="1.0"?>'
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)


@pytest.mark.parametrize(
    ("name", "xml", "message"),
    [
        ("word/document.xml", BILLION_LAUGHS, "declares a DTD or entities"),
        (
            "word/document.xml",
            '<!DOCTYPE d SYSTEM "file:///etc/passwd"><w:document xmlns:w="x"/>',
            "declares a DTD or entities",
        ),
        ("word/document.xml", "<w:document><w:body>", "not well-formed XML"),
        ("word/document.xml", f'<w:document xmlns:w="{W_NS}"/>', "has no body"),
        ("word/document.xml", document(para() + para(run("  "))), "has no text"),
        ("docProps/core.xml", BILLION_LAUGHS, "declares a DTD or entities"),
    ],
)
def test_bad_xml_is_refused(tmp_path: Path, name: str, xml: str, message: str) -> None:
    path = tmp_path / "bad.docx"
    parts = {"word/document.xml": document(para(run("正文"))), name: xml}
    with zipfile.ZipFile(path, "w") as package:
        for part, content in parts.items():
            package.writestr(part, content)
    with pytest.raises(ImportFailedError, match=message):
        read_docx(path)


def test_zip_bomb_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The size in the zip's directory is checked before a byte is unpacked."""
    monkeypatch.setattr(docx, "MAX_PART_BYTES", 10_000)
    body = para(run("党建引领乡村振兴。" * 2000))  # 54 KB of XML, a few hundred bytes zipped
    path = write_docx(tmp_path / "bomb.docx", body)
    with zipfile.ZipFile(path) as package:
        assert package.getinfo("word/document.xml").compress_size < 1000
    with pytest.raises(ImportFailedError, match="would unpack to"):
        read_docx(path)


def test_damaged_member_is_refused(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "damaged.docx", para(run("党建引领乡村振兴。" * 100)))
    data = bytearray(path.read_bytes())
    start = data.find(b"word/document.xml") + len("word/document.xml") + 20
    data[start : start + 40] = bytes(40)  # overwrite compressed bytes of the member
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFailedError, match="Cannot read the Word file"):
        read_docx(path)
