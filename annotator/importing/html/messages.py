"""The two messages a user sees when a saved web page cannot be imported.

Decoding, parsing and extraction each refuse a page for their own reasons,
but the user must read one wording (Chinese / English) for "cannot read" and
one for "no main text", whichever stage failed; tests match on these words.
"""

from __future__ import annotations

CANNOT = "无法读取 HTML / Cannot read the HTML"
NO_TEXT = "网页中没有正文 / No main text found in the page"
