"""Saved web pages: decode, parse with the standard library, keep the main text only.

A Chinese news page is mostly not the article: navigation ("网站首页 | 网站地图"),
breadcrumbs, "相关新闻" and "最新信息" link lists, disclaimers, footers with ICP
numbers, scripts, and SEO text hidden with ``display:none``. Researchers code
the article, so the reader picks the one element that holds it, the way
readability-style extractors do. A page that is just text keeps its whole body.

Everything is offline: the parser only builds a tree, and nothing the page
names (``<base>``, ``<link>``, ``<img>``, frames) is ever fetched. lxml and
BeautifulSoup are not used: ``html.parser`` is enough for extraction and keeps
the dependency list short. (This package is ``annotator.importing.html``; its
modules import the standard library's ``html`` absolutely, so nothing is
shadowed.)

The stages, one module each, in the order :func:`extract_html` runs them:

- :mod:`.decoding`: bytes to text (byte-order mark, declared charset, or a guess);
- :mod:`.tree`: a forgiving element tree from ``html.parser``;
- :mod:`.content`: scoring blocks and choosing the article's container;
- :mod:`.rendering`: an element's text as lines, furniture skipped;
- :mod:`.hints`: title, site, author, date, URL from the page's own metadata;
- :mod:`.reader`: the entry points and what is refused outright.

:mod:`.vocabulary` holds the tag sets and class-name patterns the stages
share; :mod:`.messages` the two messages a user can see.
"""

from __future__ import annotations

from annotator.importing.html.decoding import decode_html
from annotator.importing.html.reader import MAX_BYTES, extract_html, read_html

__all__ = ["MAX_BYTES", "decode_html", "extract_html", "read_html"]
