"""The HTML reader: a saved page's bytes to an :class:`Extracted`, or a clear refusal.

This is the pipeline's one entry point for ``.html``/``.htm`` files (see
``READERS`` in :mod:`annotator.importing.prepare`). It runs the stages in
order (decode, parse, score, choose, render, hints) and owns what is refused
outright: files too large to load, empty pages, binary data, and pages with no
main text. Everything is offline: nothing the page names is ever fetched.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.errors import ImportFailedError
from annotator.importing.extracted import Extracted
from annotator.importing.html.content import choose, score_tree
from annotator.importing.html.decoding import decode_html
from annotator.importing.html.hints import page_hints
from annotator.importing.html.messages import CANNOT, NO_TEXT
from annotator.importing.html.rendering import drop_in_output, render
from annotator.importing.html.tree import parse
from annotator.importing.html.vocabulary import SCRIPT_LIKE

#: Files larger than this are refused rather than loaded into memory whole.
MAX_BYTES = 50 * 1024 * 1024

_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


def _check_text(source: str) -> None:
    if not source.strip():
        raise ImportFailedError(NO_TEXT)
    if len(_CONTROL.findall(source[:65536])) * 100 > min(len(source), 65536):
        raise ImportFailedError(f"{CANNOT}: binary data, not a web page")


def extract_html(data: bytes) -> Extracted:
    """Main text, metadata hints and a log of one page's bytes; nothing is fetched."""
    source, decoded = decode_html(data)
    _check_text(source)
    builder = parse(source)
    nodes = builder.nodes
    body = next((node for node in nodes if node.tag == "body"), builder.root)
    score_tree(builder.root, nodes)
    container = choose(nodes, body)
    lines = render(container, drop_in_output)
    if not lines and container is not body:
        container, lines = body, render(body, drop_in_output)
    if not lines:
        raise ImportFailedError(NO_TEXT)
    text = "\n".join(lines)
    everything = len("\n".join(render(builder.root, lambda node: node.tag in SCRIPT_LIKE)))
    log = [
        decoded,
        f"main text from {container.label() if container is not builder.root else 'the page'}",
        f"dropped {max(everything - len(text), 0)} characters as boilerplate",
    ]
    return Extracted(text=text, raw=source, hints=page_hints(nodes, container), log=log)


def read_html(path: Path) -> Extracted:
    """Read a saved page (``.html``/``.htm``) from disk; see :func:`extract_html`."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailedError(f"{CANNOT}: the file is too large ({size:,} bytes)")
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailedError(f"{CANNOT}: {error}") from error
    return extract_html(data)
