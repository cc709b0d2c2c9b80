"""Finding the one element that holds the article, readability-style.

A Chinese news page is mostly not the article: navigation, breadcrumbs,
"相关新闻" link lists, disclaimers, footers. Every block of running text scores
its container by its punctuation and CJK characters; containers whose class or
id says "navigation", "sidebar", "list"… lose points, and so do link-heavy
ones; an ``<article>`` or a ``class="TRS_Editor"``-like container wins when it
holds most of that text. With no convincing winner the whole body is kept.

Scoring writes its counts onto the tree's nodes (``own``, ``chars``, ``links``,
``content``, ``score``), because rendering later needs ``content`` to tell a
link list inside the article from the article.
"""

from __future__ import annotations

import re

from annotator.importing.html.tree import Node
from annotator.importing.html.vocabulary import BLOCK, DROPPED, NEGATIVE, POSITIVE

#: Least characters for a block of text to count as a paragraph of the article.
MIN_PARAGRAPH = 10
#: A best container scoring less than this is no evidence: the whole body is kept.
MIN_SCORE = 5.0
#: Blocks of running text that credit their parent, not themselves.
PARAGRAPH_LIKE = frozenset({"p", "pre", "li", "dd", "dt", "blockquote"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_PUNCT = re.compile("[。，、！？；：,;!?]")


def score_tree(root: Node, nodes: list[Node]) -> None:
    """Measure, score and total the whole tree; ``nodes`` in document order."""
    _measure(root, root, in_link=False)
    _score_paragraphs([root, *nodes])
    _totals([root, *nodes])


def _measure(node: Node, owner: Node, in_link: bool) -> None:
    """Give every text to its nearest block ("owner"), counting what scoring needs."""
    for child in node.children:
        if isinstance(child, str):
            visible = len("".join(child.split()))
            if visible:
                stats = owner.own
                stats[0] += visible
                stats[1] += len(_CJK.findall(child))
                stats[2] += len(_PUNCT.findall(child))
                stats[3] += visible if in_link else 0
        elif child.tag not in DROPPED and not child.hidden():
            block = child if child.tag in BLOCK else owner
            _measure(child, block, in_link or child.tag == "a")


def _weight(node: Node) -> float:
    """Readability's class weight: ±25 for what the class says, ±25 for the id."""
    weight = 0.0
    for value in (node.attrs.get("class", ""), node.attrs.get("id", "")):
        if NEGATIVE.search(value):
            weight -= 25
        if POSITIVE.search(value):
            weight += 25
    return weight


def _score_paragraphs(nodes: list[Node]) -> None:
    """Each paragraph credits its container fully, the next two levels up less."""
    for node in nodes:
        visible, cjk, punct, links = node.own
        if visible < MIN_PARAGRAPH or links * 2 > visible or node.tag in HEADINGS:
            continue
        score = 1 + punct + min(cjk / 100, 3)
        target = node.parent if node.tag in PARAGRAPH_LIKE else node
        for level in range(3):
            if target is None:
                break
            target.score += score / (1, 2, 6)[level]
            target = target.parent
        node.content += visible
        for ancestor in node.ancestors():
            ancestor.content += visible


def _totals(nodes: list[Node]) -> None:
    """Visible and in-link characters of each subtree (children come after parents)."""
    for node in reversed(nodes):
        node.chars += node.own[0]
        node.links += node.own[3]
        if node.parent is not None:
            node.parent.chars += node.chars
            node.parent.links += node.links


def _final(node: Node) -> float:
    return (node.score + _weight(node)) * (1 - node.link_density())


def _preferred(node: Node) -> bool:
    """An ``<article>``/``<main>`` or a container whose class or id says "content"."""
    if node.tag in ("body", "html", "#root") or NEGATIVE.search(node.names()):
        return False
    return node.tag in ("article", "main") or bool(POSITIVE.search(node.names()))


def choose(nodes: list[Node], body: Node) -> Node:
    """The best-scoring container, widened or narrowed to where the article really is."""
    scored = [node for node in nodes if node.score > 0]
    if not scored:
        return body
    best = max(scored, key=_final)
    if _final(best) < MIN_SCORE:
        return body
    best = _widen(best)
    fits = [node for node in nodes if _preferred(node) and _fits(node, best)]
    return min(fits, key=lambda node: abs(node.chars - best.chars), default=best)


def _fits(node: Node, best: Node) -> bool:
    """Whether a preferred container may stand for ``best``: it holds most of the
    article text, and, if it is larger, what it adds is little and not a link list."""
    if node.content < 0.8 * best.content or node.link_density() > 0.3:
        return False
    if node is best or node in best.ancestors():
        return node.chars <= 1.5 * best.chars and (node.links - best.links) * 2 <= (
            node.chars - best.chars
        )
    return best in node.ancestors()


def _widen(best: Node) -> Node:
    """Climb to an ancestor holding twice the article text (paragraphs in sibling divs).

    Wrappers that add no article text are passed through; an ancestor that
    adds some but less than as much again (a disclaimer, a sidebar excerpt)
    ends the climb.
    """
    node = best
    for ancestor in best.ancestors():
        if ancestor.tag in ("html", "#root") or ancestor.link_density() > 0.5:
            break
        if ancestor.content >= 2 * node.content:
            node = ancestor
        elif ancestor.content > node.content:
            break
    return node
