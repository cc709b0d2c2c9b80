"""Metadata a page carries about itself: title, site, author, date, URL, description.

These are hints for the import dialog, not facts: the cleaning pipeline merges
them with what it finds in the text. ``<meta>`` tags come first where pages
fill them in (Open Graph, ``PubDate``, ``author``); the title is the article's
own ``<h1>`` when one sits in or just above the chosen container, else the
page's ``<title>`` without the site name that CMSs append to it.
"""

from __future__ import annotations

import re

from annotator.dates import parse_date
from annotator.importing.html.rendering import render
from annotator.importing.html.tree import Node
from annotator.importing.html.vocabulary import DROPPED, NEGATIVE

#: What separates a page title from the site name: "_", "|", "｜", dashes.
_TITLE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|[-–—－]+)\s*")


def page_hints(nodes: list[Node], container: Node) -> dict[str, str]:
    """The hints found, by :class:`~annotator.importing.extracted.Extracted` key."""
    metas = _metas(nodes)
    page_title = _first_text(nodes, "title")
    title, title_site = _split_title(page_title)
    site = metas.get("og:site_name") or title_site
    candidates = {
        "title": metas.get("og:title") or _heading(nodes, container, page_title, site) or title,
        "site": site,
        "author": metas.get("author"),
        "published": _published(nodes, metas),
        "url": _url(nodes, metas),
        "description": metas.get("description") or metas.get("og:description"),
        "keywords": metas.get("keywords"),
    }
    return {key: value for key, value in candidates.items() if value}


def _metas(nodes: list[Node]) -> dict[str, str]:
    """``<meta name|property|itemprop=… content=…>``, keys lower-cased, first one wins."""
    found: dict[str, str] = {}
    for node in nodes:
        if node.tag != "meta":
            continue
        content = " ".join(node.attrs.get("content", "").split())
        for key in ("name", "property", "itemprop"):
            name = node.attrs.get(key, "").strip().lower()
            if name and content:
                found.setdefault(name, content)
    return found


def _first_text(nodes: list[Node], tag: str) -> str:
    for node in nodes:
        if node.tag == tag:
            text = " ".join(render(node, lambda _: False))
            if text:
                return text
    return ""


def _split_title(page_title: str) -> tuple[str, str | None]:
    """Split "标题_贵州党建云" into the title and the site name, at the last separator.

    Not when what follows looks like no name ("2022-06-29" → "29"), is long, or
    would leave less than two characters of title.
    """
    separators = list(_TITLE_SEPARATOR.finditer(page_title))
    if not separators:
        return page_title, None
    last = separators[-1]
    title, site = page_title[: last.start()].strip(), page_title[last.end() :].strip()
    if len(title) < 2 or not site or len(site) > 30 or site[0].isdigit():
        return page_title, None
    return title, site


def _heading(nodes: list[Node], container: Node, page_title: str, site: str | None) -> str | None:
    """The ``<h1>`` inside the container, else the nearest one just above it.

    "Just above" means before it within its grandparent. Headings inside
    navigation or negatively named blocks, and a logo ``<h1>`` that is the site
    name, do not count; one that the page's ``<title>`` repeats wins.
    """
    parent = container.parent
    scope = parent.parent if parent is not None and parent.parent is not None else container
    inside = [node for node in nodes if node.tag == "h1" and _clean_path(node, container)]
    above = [
        node
        for node in nodes
        if node.tag == "h1" and node.index < container.index and _clean_path(node, scope)
    ]
    texts = [" ".join(render(node, lambda _: False)) for node in inside + above[::-1]]
    texts = [text for text in texts if text and text != site]
    return next((text for text in texts if text in page_title), texts[0] if texts else None)


def _clean_path(node: Node, stop: Node) -> bool:
    """Whether ``stop`` is an ancestor of ``node`` with no furniture in between
    (an article's own ``<header>``, which holds its ``<h1>``, is not furniture)."""
    for ancestor in node.ancestors():
        if ancestor is stop:
            return True
        if ancestor.tag != "header" and (
            ancestor.tag in DROPPED or NEGATIVE.search(ancestor.names())
        ):
            return False
    return False


def _url(nodes: list[Node], metas: dict[str, str]) -> str | None:
    """Canonical link, else og:url; absolute http(s) only (there is no base to resolve by)."""
    for node in nodes:
        if node.tag == "link" and "canonical" in node.attrs.get("rel", "").lower().split():
            href = node.attrs.get("href", "").strip()
            if href.startswith(("http://", "https://")):
                return href
    url = metas.get("og:url", "")
    return url if url.startswith(("http://", "https://")) else None


def _published(nodes: list[Node], metas: dict[str, str]) -> str | None:
    """The first publication date in meta tags or ``<time datetime>`` precise to a month."""
    keys = ("publishdate", "pubdate", "article:published_time", "date")
    values = [metas[key] for key in keys if key in metas]
    values += [
        node.attrs["datetime"] for node in nodes if node.tag == "time" and "datetime" in node.attrs
    ]
    for value in values:
        compact = re.fullmatch(r"((?:19|20)\d{2})(\d{2})(\d{2})", value.strip())
        parsed = parse_date("-".join(compact.groups()) if compact else value)
        if parsed is not None and parsed[1] in ("day", "month"):
            return parsed[0]
    return None
