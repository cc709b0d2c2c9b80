"""Finding a code as Chinese users type: by key, name, English name or pinyin initials."""

from __future__ import annotations

from functools import cache

from annotator.models import Code


@cache
def initials(text: str) -> str:
    """``党建引领`` → ``djyl``; characters without pinyin are kept as they are (lower case)."""
    from pypinyin import Style, lazy_pinyin  # 0.2 s to load: not at start-up

    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda c: c)).lower()


def code_matches(code: Code, query: str) -> bool:
    """True if ``query`` finds the code: key prefix, name or English name, or initials."""
    query = query.strip().lower()
    if not query:
        return True
    return (
        (code.key or "").lower().startswith(query)
        or query in code.name.lower()
        or query in code.name_en.lower()
        or (query.isascii() and query.isalpha() and query in initials(code.name))
    )
