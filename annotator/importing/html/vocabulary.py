"""What tags and class names mean to the extractor, shared by every stage.

Scoring, rendering and the title search must agree on which elements are page
furniture, which end a line, and which class or id names say "navigation" or
"content"; otherwise a block scored as furniture could still be rendered, or a
heading found inside a sidebar. So these sets live in one place. Sets that
only one stage needs (void tags, implied end tags, paragraph-like tags) stay
with that stage.
"""

from __future__ import annotations

import re

#: Never text. Their characters are not even counted as boilerplate.
SCRIPT_LIKE = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})
#: Page furniture: dropped with everything inside. ``form`` is handled apart (see
#: :func:`annotator.importing.html.rendering.drop_in_output`), because ASP.NET
#: pages wrap the whole body in one.
DROPPED = SCRIPT_LIKE | frozenset(
    {"iframe", "button", "select", "nav", "header", "footer", "aside", "menu", "object"}
)
#: Elements that end a line.
BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "blockquote", "pre", "address", "center"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "body", "html", "form", "fieldset"}
    | {"ul", "ol", "li", "dl", "dd", "dt", "figure", "figcaption", "details", "summary"}
    | {"table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"}
)

#: Class or id names of navigation, sidebars, link lists, ads… (pinyin included).
NEGATIVE = re.compile(
    r"nav|menu|footer|header|sidebar|breadcrumb|crumb|comment|share|banner|copyright|related"
    r"|recommend|list|daohang|weizhi|dqwz|tuijian|xiangguan|fenxiang|guanggao|pinglun|banquan"
    r"|login|search|popup|toolbar|(?:^|[\s_-])(?:ad|ads|adv|dh|top|foot|side|bottom)\d*(?:$|[\s_-])",
    re.IGNORECASE,
)
#: Class or id names of the article's container.
POSITIVE = re.compile(
    r"content|article|main|text|detail|zhengwen|trs_editor|neirong|zoom|entry|story",
    re.IGNORECASE,
)
