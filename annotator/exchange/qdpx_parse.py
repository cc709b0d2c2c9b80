"""Reading a ``.qdpx`` into what a new project will hold, touching no project.

* ``<Users>``: coders, by GUID. A coder a coding names but ``<Users>`` does
  not is named by its GUID; a name two users share gets the GUID's start.
* ``<CodeBook>``: read by :mod:`annotator.codebooks.refi`, as a ``.qdc`` is, so
  our marker line restores keys, rules, shortcuts… and a code from another
  program is known by its GUID alone.
* document variables: a ``<VariableValue>`` inside a ``<TextSource>`` (as we
  and MAXQDA write them) or inside a ``<Case>`` with no name and one
  ``<SourceRef>`` (as Quirkos and MAXQDA also do). A variable named like one of
  our fields (``author``, ``region_level``…) fills it, any other becomes a free
  attribute.
* ``<TextSource>``: :mod:`.qdpx_sources`. Picture, PDF, audio and video sources
  have no place in a project of texts: they are left out, with a note.

The project file is parsed with defusedxml, DTDs refused; the archive is
checked by :mod:`.archive`.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from annotator.codebooks.model import Codebook, CodeSpec
from annotator.codebooks.refi import code_guid, normal_guid, parse_xml, read_codes, read_marked
from annotator.commands.base import utc_now
from annotator.errors import ValidationError
from annotator.exchange.archive import QdpxArchive
from annotator.exchange.common import ATTRIBUTE_KEY, FIELD_VARIABLES, NAMESPACE, tag
from annotator.exchange.qdpx_sources import (
    CodingRow,
    SourceContext,
    SourceValues,
    keep_carriage_returns,
    known_user,
    read_source,
)
from annotator.storage.documents import DocumentSnapshot

_VALUE_TAGS = tuple(
    tag(name)
    for name in (
        "TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue",
    )
)  # fmt: skip
#: A variable: is it a free attribute, and the field or key it fills.
_Variable = tuple[bool, str]


@dataclass(frozen=True)
class QdpxContents:
    """Everything a ``.qdpx`` holds that a project can."""

    name: str
    codebook: Codebook
    codes: dict[str, CodeSpec]  # by the GUID codings refer to
    users: dict[str, str]  # GUID → unique name
    snapshots: list[DocumentSnapshot]
    codings: list[CodingRow]
    notes: list[str]  # what was left out, for the user


def read_qdpx(path: Path, now: str | None = None) -> QdpxContents:
    """Read and check the whole file (``now``: the time for whatever has none)."""
    now = now or utc_now()
    with closing(QdpxArchive(path)) as archive:
        root = parse_xml(keep_carriage_returns(archive.project_xml()), "project.qde")
        if root.tag != tag("Project"):
            raise ValidationError(
                f"{archive.name}: 不是 REFI-QDA 项目 / is not a REFI-QDA project ({NAMESPACE})"
            )
        book = root.find(tag("CodeBook"))
        specs = [] if book is None else read_codes(book, NAMESPACE)
        context = SourceContext(
            archive=archive,
            codes={code_guid(spec): spec for spec in specs},
            users=_users(root),
            crlf_is_one="atlas" in (root.get("origin") or "").lower(),
            now=now,
        )
        snapshots, codings = _sources(root, context)
    return QdpxContents(
        name=(root.get("name") or "").strip() or Path(path).stem,
        codebook=Codebook(name="", codes=tuple(specs)),
        codes=context.codes,
        users=context.users,
        snapshots=snapshots,
        codings=codings,
        notes=context.notes,
    )


def _users(root: Element) -> dict[str, str]:
    users: dict[str, str] = {}
    for element in root.iterfind(f"{tag('Users')}/{tag('User')}"):
        guid = normal_guid(element.get("guid"))
        if guid is not None:
            known_user(users, guid, (element.get("name") or "").strip() or None)
    return users


def _sources(
    root: Element, context: SourceContext
) -> tuple[list[DocumentSnapshot], list[CodingRow]]:
    variables = _variables(root)
    by_case = _case_values(root, variables)
    snapshots: list[DocumentSnapshot] = []
    codings: list[CodingRow] = []
    texts: dict[str, tuple[str, str]] = {}  # hash → GUID and name of the source with it
    sources = root.find(tag("Sources"))
    for element in [] if sources is None else list(sources):
        name = element.get("name") or element.get("guid") or "?"
        if element.tag != tag("TextSource"):
            kind = element.tag.rpartition("}")[2]
            context.notes.append(f"{name}: {kind} 未导入 / left out (Annotator holds texts)")
            continue
        own = _values(element, variables)
        inherited = by_case.get(normal_guid(element.get("guid")) or "")
        values = _merged(inherited, own) if inherited is not None else own
        snapshot, rows = read_source(element, context, values)
        _check_unique(snapshot, snapshots, texts, name)
        snapshots.append(snapshot)
        codings += rows
    return snapshots, _without_repeats(codings, context.notes)


def _without_repeats(codings: list[CodingRow], notes: list[str]) -> list[CodingRow]:
    """A coder codes a span with a code once (the project enforces it): keep the first."""
    seen: set[tuple[str, str, str, int, int]] = set()
    kept = []
    for row in codings:
        key = (row.document, row.code, row.coder, row.annotation.start, row.annotation.end)
        if key in seen:
            notes.append(f"{row.annotation.uuid}: 重复的编码未导入 / a repeated coding left out")
            continue
        seen.add(key)
        kept.append(row)
    return kept


def _check_unique(
    snapshot: DocumentSnapshot,
    earlier: list[DocumentSnapshot],
    texts: dict[str, tuple[str, str]],
    name: str,
) -> None:
    """A project holds each document once, and each text once."""
    guid = snapshot.document.uuid
    if any(s.document.uuid == guid for s in earlier):
        raise ValidationError(f"来源 guid 重复 / Two sources share the guid of {name}")
    first, same = texts.setdefault(snapshot.document.text_sha256, (guid, name))
    if first != guid:
        raise ValidationError(
            f"{name} 与 {same} 文字相同 / {name} and {same} hold the same text; a project "
            "holds each text once"
        )


def _variables(root: Element) -> dict[str, _Variable]:
    """Each declared variable by GUID: a field of ours if named like one, else an attribute."""
    found: dict[str, _Variable] = {}
    for element in root.iterfind(f"{tag('Variables')}/{tag('Variable')}"):
        guid = normal_guid(element.get("guid"))
        name = (element.get("name") or "").strip()
        if guid is None or not name:
            continue
        description = element.findtext(tag("Description")) or ""
        _, extra = read_marked(description, "text", (ATTRIBUTE_KEY,))
        if isinstance(extra.get(ATTRIBUTE_KEY), str):
            found[guid] = (True, extra[ATTRIBUTE_KEY])
        else:
            found[guid] = (name not in FIELD_VARIABLES, name)
    return found


def _values(parent: Element, variables: dict[str, _Variable]) -> SourceValues:
    """The ``<VariableValue>`` children of ``parent`` (values of unknown variables ignored)."""
    values = SourceValues({}, {})
    for element in parent.findall(tag("VariableValue")):
        reference = element.find(tag("VariableRef"))
        variable = variables.get(
            normal_guid(None if reference is None else reference.get("targetGUID")) or ""
        )
        value = next((v.text for v in element if v.tag in _VALUE_TAGS and v.text), None)
        if variable is None or value is None:
            continue
        is_attribute, name = variable
        (values.attributes if is_attribute else values.fields)[name] = value
    return values


def _case_values(root: Element, variables: dict[str, _Variable]) -> dict[str, SourceValues]:
    """Values on nameless cases of one source each: that source's variables."""
    found: dict[str, SourceValues] = {}
    for case in root.iterfind(f"{tag('Cases')}/{tag('Case')}"):
        references = case.findall(tag("SourceRef"))
        if case.get("name") is not None or len(references) != 1:
            continue
        source = normal_guid(references[0].get("targetGUID"))
        if source is not None:
            found[source] = _merged(found.get(source), _values(case, variables))
    return found


def _merged(first: SourceValues | None, then: SourceValues) -> SourceValues:
    """``first`` with ``then`` over it."""
    if first is None:
        return then
    return SourceValues({**first.fields, **then.fields}, {**first.attributes, **then.attributes})
