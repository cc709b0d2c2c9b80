"""Document attributes that figures can be grouped by: our metadata fields (level,
region, year, source, author) and each document's own attributes. Cross-tabs,
word frequency and the statistics window group by them."""

from __future__ import annotations

from collections.abc import Callable, Collection

from annotator.errors import ValidationError
from annotator.models import Document

#: Document attributes a cross-tab can use, besides the document's own attributes.
ATTRIBUTES = ("region_level", "region", "year", "source", "author")


def attribute_value(document: Document, name: str) -> str:
    """A document's value of a cross-tab attribute; "" when it has none."""
    if name == "year":
        return (document.published or "")[:4]
    if name in ATTRIBUTES:
        return str(getattr(document, name) or "")
    return document.attributes.get(name, "")


def attribute_names(documents: Collection[Document]) -> list[str]:
    """The attributes a cross-tab can use in these documents: ours, then their own."""
    own = sorted({name for document in documents for name in document.attributes})
    return [*ATTRIBUTES, *(name for name in own if name not in ATTRIBUTES)]


def check_attribute(name: str, documents: Callable[[], Collection[Document]]) -> None:
    """Refuse an attribute no document could have (a misspelt name would put every
    document under "no value" without a word). ``documents`` is read only for a
    name that is not one of ours."""
    if name in ATTRIBUTES:
        return  # ours: every document has them (maybe empty), no need to read any
    known = attribute_names(documents())
    if name not in known:
        raise ValidationError(
            f"没有这个文档属性 / No such document attribute: {name} ({', '.join(known)})"
        )
