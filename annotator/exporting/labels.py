"""Sheet, column and value names of the exports, in Chinese and in English.

The Chinese names are those of the tables in papers (domain.md §1.3–1.4):
参考点 for references, 材料来源 for documents, 小计 for a subtotal.
"""

from __future__ import annotations

SHEETS = {
    "zh": {
        "segments": "编码明细", "documents": "文档", "codebook": "编码本", "frequencies": "频数",
        "matrix": "文档×编码", "binary": "文档×编码 (0-1)", "crosstab": "交叉表",
    },
    "en": {
        "segments": "Segments", "documents": "Documents", "codebook": "Codebook",
        "frequencies": "Frequencies", "matrix": "Document × code",
        "binary": "Document × code (0-1)", "crosstab": "Cross-tab",
    },
}  # fmt: skip

SEGMENTS = {
    "zh": ("标注ID", "文档号", "文档标题", "来源", "日期", "地区", "层级", "单元编号", "编码",
           "编码路径", "编码名称", "引文", "上文", "下文", "起始", "结束", "编码员", "备忘",
           "审阅状态", "审阅人", "审阅意见", "创建时间", "修改时间", "标注UUID", "文档UUID"),
    "en": ("Annotation ID", "Document no.", "Document title", "Source", "Date", "Region",
           "Level", "Unit", "Code", "Code path", "Code name", "Quote", "Context before",
           "Context after", "Start", "End", "Coder", "Memo", "Review status", "Reviewer",
           "Comment", "Created", "Updated", "Annotation UUID", "Document UUID"),
}  # fmt: skip

STATUS = {
    "zh": {"pending": "待审", "accepted": "已接受", "rejected": "已拒绝"},
    "en": {"pending": "pending", "accepted": "accepted", "rejected": "rejected"},
}

DOCUMENTS = {
    "zh": ("文档号", "标题", "作者", "作者身份", "来源", "网址", "日期", "日期精度", "地区",
           "地区代码", "层级", "字体", "备忘", "原文件", "导入时间", "字数", "编码数"),
    "en": ("Document no.", "Title", "Author", "Author role", "Source", "URL", "Date",
           "Date precision", "Region", "Region code", "Level", "Script", "Memo", "File",
           "Imported", "Characters", "Codings"),
}  # fmt: skip

CODEBOOK = {
    "zh": ("编码", "编码路径", "名称", "英文名称", "上级编码", "层级", "定义", "纳入标准",
           "排除标准", "示例", "关键词", "颜色", "快捷键", "已停用", "属性", "参考点",
           "材料来源", "UUID"),
    "en": ("Code", "Code path", "Name", "English name", "Parent", "Level", "Definition",
           "Include", "Exclude", "Example", "Keywords", "Colour", "Shortcut", "Archived",
           "Attributes", "References", "Documents", "UUID"),
}  # fmt: skip

FREQUENCIES = {
    "zh": ("编码", "编码路径", "名称", "层级", "参考点", "直接编码", "材料来源", "占全部 %",
           "占上级 %", "单元编号"),
    "en": ("Code", "Code path", "Name", "Level", "References", "Coded directly", "Documents",
           "% of all", "% of parent", "Units"),
}  # fmt: skip

#: The frequency chart's own columns (the codes it shows, most used first).
CHART = {"zh": ("图表：编码", "图表：参考点"), "en": ("Chart: code", "Chart: references")}

WORDS = {
    "zh": {
        "subtotal": "小计", "total": "合计", "none": "(无)", "yes": "是", "no": "否",
        "document": "文档号", "title": "标题", "code": "编码", "name": "名称",
        "counts": "参考点", "row_share": "行百分比", "attribute": "属性",
    },
    "en": {
        "subtotal": "Subtotal", "total": "Total", "none": "(none)", "yes": "yes", "no": "no",
        "document": "Document no.", "title": "Title", "code": "Code", "name": "Name",
        "counts": "References", "row_share": "Row %", "attribute": "Attribute",
    },
}  # fmt: skip

ATTRIBUTE_NAMES = {
    "zh": {"region_level": "层级", "region": "地区", "year": "年份", "source": "来源",
           "author": "作者"},
    "en": {"region_level": "Level", "region": "Region", "year": "Year", "source": "Source",
           "author": "Author"},
}  # fmt: skip


def attribute_name(attribute: str, language: str) -> str:
    return ATTRIBUTE_NAMES[language].get(attribute, attribute)
