"""A small hand-made project whose export figures are worked out by hand.

Documents (number, level): 1 县 (a heading, then two paragraphs), 2 地级市,
3 no level and no codings. Codes M > M1 > {M1.1, M1.2} and J > J1.

=====  ====  =======  ===========  ====================
id     doc   code     coder        review
=====  ====  =======  ===========  ====================
a1     1     M1.1     alice        accepted by rita "好"
a2     1     M1.2     alice
a3     1     J1       alice        rejected by rita
b1     1     M1.1     bob          (same span as a1)
a4     2     M1.1     alice
a5     2     M1       alice
b2     2     J1       bob
=====  ====  =======  ===========  ====================
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.models import Annotation, Code, Document, NewDocument, ReviewStatus
from annotator.project import Project

TEXT_1 = "一、组织建设\n=SUM(A1:A9) 党建引领。第二句𠮷😀。\n-1+2 @cmd 乡村振兴。"
TEXT_2 = "村集体经济发展。联建共建。"
TEXT_3 = "没有编码的文档。"


@dataclass
class Coded:
    project: Project
    documents: list[Document]
    codes: dict[str, Code]
    a: dict[str, Annotation]


def _span(text: str, snippet: str) -> tuple[int, int]:
    start = text.index(snippet)
    return start, start + len(snippet)


def build(project: Project) -> Coded:
    docs = project.add_documents(
        [
            NewDocument(text=TEXT_1, raw_text=TEXT_1, title="甲文 =标题"),
            NewDocument(text=TEXT_2, raw_text=TEXT_2, title="乙文"),
            NewDocument(text=TEXT_3, raw_text=TEXT_3, title="丙文"),
        ]
    )
    project.update_document(
        docs[0].id,
        region_level="县",
        region="浙江省天台县",
        published="2023-05-01",
        source="人民网",
    )
    project.update_document(docs[1].id, region_level="地级市", published="2024")
    m = project.add_code(key="M", name="举措", color="#8dc2e7")
    m1 = project.add_code(key="M1", name="组织", parent_id=m.id, color="#aec5ee")
    m11 = project.add_code(
        key="M1.1", name="设置", parent_id=m1.id, color="#bcd0f1", definition="定义"
    )
    m12 = project.add_code(key="M1.2", name="联盟", parent_id=m1.id)
    j = project.add_code(key="J", name="机制", color="#f4b183")
    j1 = project.add_code(key="J1", name="责任", parent_id=j.id)
    codes = {c.key or "": c for c in (m, m1, m11, m12, j, j1)}

    def code(doc: int, key: str, snippet: str, coder: str = "alice", memo: str = "") -> Annotation:
        text = (TEXT_1, TEXT_2)[doc]
        start, end = _span(text, snippet)
        project.coder = coder
        return project.add_annotation(docs[doc].id, codes[key].id, start, end, memo=memo)

    a = {
        "a1": code(0, "M1.1", "=SUM(A1:A9)", memo="+备忘"),
        "a2": code(0, "M1.2", "第二句𠮷😀"),
        "a3": code(0, "J1", "-1+2"),
        "b1": code(0, "M1.1", "=SUM(A1:A9)", coder="bob"),
        "a4": code(1, "M1.1", "村集体经济发展"),
        "a5": code(1, "M1", "联建共建"),
        "b2": code(1, "J1", "联建共建", coder="bob"),
    }
    project.review_annotation(a["a1"].id, ReviewStatus.ACCEPTED, "好", reviewer="rita")
    project.review_annotation(a["a3"].id, ReviewStatus.REJECTED, reviewer="rita")
    project.coder = "alice"
    return Coded(project, docs, codes, a)
