"""Writing a project as a REFI-QDA project exchange file (``.qdpx``).

A ``.qdpx`` is a zip: ``project.qde`` (XML in ``urn:QDA-XML:project:1.0``, valid
against ``Project-mrt2019.xsd``) and ``sources/<guid>.txt``, the cleaned text
of each document in UTF-8, named by ``plainTextPath="internal://<guid>.txt"``.
It is written whole or not at all (:func:`annotator.files.atomic_output`).

Where things go:

* coders: ``<Users>`` (guid = the coder's uuid);
* the codebook: ``<CodeBook>``, written by :mod:`annotator.codebooks.refi`
  exactly as a ``.qdc`` is, so key, English name, rules, keywords, shortcut…
  ride in each code's description as the ``[Annotator] {json}`` line;
* documents: one ``<TextSource>`` each (guid = uuid; name = title, or the
  imported file's name when there is none; description = memo);
* metadata (author, source, url, published, region, region_level… and the free
  attributes): document variables, the standard's own place for them. Each
  field or attribute in use is declared once in ``<Variables>`` as a Text
  variable named like our field (``author``, ``region_level``) or like the
  attribute's key, and each value is a ``<VariableValue>`` inside its
  ``<TextSource>``. MAXQDA writes document variables this way and QualCoder
  reads them as file attributes, so other programs show them, which a marker
  line in the description would not do. All values are text: a date of
  ``published`` may be a year alone, which ``xsd:date`` cannot hold;
* codings: one ``<PlainTextSelection>`` each (guid = the annotation's uuid,
  creatingUser = its coder) holding one ``<Coding>`` and its ``<CodeRef>``; the
  memo is the selection's description. What the standard has no place for
  (reviews, a coding accepted from a suggestion) rides in the marker line
  below the memo; a coding with neither has a plain memo.

**Offsets.** ``startPosition``/``endPosition`` are our offsets unchanged:
Python code points into the cleaned text, end exclusive. The standard says
"characters" and names no unit; code points are what QualCoder (also Python)
counts, and our texts end lines with ``\\n`` only, so no tool counts a line
ending as two. A program that counts UTF-16 units (.NET or Java based ones)
places a coding after 𠮷 or 😀 one unit early per such character; the text
files themselves are exact.

Left out: raw (uncleaned) texts, import logs, flags and near-duplicate links;
the text is what codings point into, and the rest is the import's business.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from annotator import __version__
from annotator.codebooks.refi import marked_text, refi_guid, write_codes, xml_safe
from annotator.errors import ValidationError
from annotator.exchange.common import (
    ATTRIBUTE_KEY,
    FIELD_VARIABLES,
    INTERNAL,
    NAMESPACE,
    PROJECT_FILE,
    SOURCES_FOLDER,
    coding_guid,
    tag,
    variable_guid,
    xsd_datetime,
)
from annotator.files import atomic_output
from annotator.models import (
    Annotation,
    AnnotationId,
    CodeId,
    Coder,
    CoderId,
    Document,
    DocumentId,
    Review,
)
from annotator.project import Project


@dataclass(frozen=True, slots=True)
class QdpxSummary:
    """What an export wrote."""

    sources: int
    codes: int
    coders: int
    codings: int


@dataclass(frozen=True, slots=True)
class _Variable:
    guid: str
    name: str
    attribute: bool  # a free attribute, not one of our fields


@dataclass(frozen=True)
class _Plan:
    """Everything chosen for the file, with the GUIDs that tie its parts together."""

    documents: list[Document]
    annotations: dict[DocumentId, list[Annotation]]
    reviews: dict[AnnotationId, list[Review]]
    users: list[Coder]
    coder_guids: dict[CoderId, str]
    code_guids: dict[CodeId, str]
    creator: str | None  # who exports, if a coder: the sources' creatingUser


def export_qdpx(
    project: Project,
    path: Path,
    *,
    documents: Sequence[Document] | None = None,
    annotations: Sequence[Annotation] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> QdpxSummary:
    """Write ``project`` (or the chosen documents and codings) to ``path`` as a ``.qdpx``.

    ``documents=None`` means every document; ``annotations=None`` every coding
    of the chosen documents. The whole codebook always goes (codings refer to
    it). A chosen coding on a document left out is refused. ``progress(done,
    total)`` is told after each source; raising from it stops with nothing written.
    """
    plan = _plan(project, documents, annotations)
    codebook = project.codebook()
    root = Element(tag("Project"), _project_attributes(project))
    if plan.users:
        users = SubElement(root, tag("Users"))
        for coder in plan.users:
            attributes = {"guid": plan.coder_guids[coder.id], "name": xml_safe(coder.name)}
            SubElement(users, tag("User"), attributes)
    if codebook.codes:
        write_codes(SubElement(root, tag("CodeBook")), codebook, NAMESPACE)
    variables = _variables(plan.documents)
    if variables:
        _add_variables(root, variables)
    if plan.documents:
        sources = SubElement(root, tag("Sources"))
        for done, document in enumerate(plan.documents, 1):
            _add_source(sources, document, plan, variables)
            if progress is not None:
                progress(done, len(plan.documents) + 1)
    if progress is not None:  # the last step, the archive, is written whole or not at all
        progress(len(plan.documents) + 1, len(plan.documents) + 1)
    _write_archive(project, Path(path), root, plan.documents)
    codings = sum(len(found) for found in plan.annotations.values())
    return QdpxSummary(len(plan.documents), len(codebook.codes), len(plan.users), codings)


def _plan(
    project: Project,
    documents: Sequence[Document] | None,
    annotations: Sequence[Annotation] | None,
) -> _Plan:
    chosen = project.documents() if documents is None else list(documents)
    chosen = list({d.id: d for d in chosen}.values())
    ids = {d.id for d in chosen}
    if annotations is None:
        codings = [a for a in project.annotations() if a.document_id in ids]
    else:
        codings = list({a.id: a for a in annotations}.values())
        stray = [a.id for a in codings if a.document_id not in ids]
        if stray:
            raise ValidationError(
                f"标注 {stray[:5]} 所在的文档未被导出 / Codings {stray[:5]} are on documents "
                "that are not exported"
            )
    reviews: dict[AnnotationId, list[Review]] = {}
    for review in project.reviews([a.id for a in codings]):
        reviews.setdefault(review.annotation_id, []).append(review)
    users = _users(project, codings, reviews, whole=documents is None and annotations is None)
    coder_guids = {c.id: refi_guid(c.uuid, "coder") for c in users}
    exporter = project.stores.coders.by_name(project.coder)
    by_document: dict[DocumentId, list[Annotation]] = {}
    for annotation in codings:
        by_document.setdefault(annotation.document_id, []).append(annotation)
    return _Plan(
        documents=chosen,
        annotations=by_document,
        reviews=reviews,
        users=users,
        coder_guids=coder_guids,
        code_guids={c.id: refi_guid(c.uuid, "code") for c in project.codes()},
        creator=coder_guids.get(exporter.id) if exporter is not None else None,
    )


def _users(
    project: Project,
    codings: list[Annotation],
    reviews: dict[AnnotationId, list[Review]],
    *,
    whole: bool,
) -> list[Coder]:
    """Every coder for a whole project; for a part, those who coded or reviewed it."""
    if whole:
        return project.coders()
    wanted = {a.coder_id for a in codings}
    wanted |= {r.reviewer_id for found in reviews.values() for r in found}
    return [coder for coder in project.coders() if coder.id in wanted]


def _project_attributes(project: Project) -> dict[str, str]:
    attributes = {"name": xml_safe(project.name), "origin": f"Annotator {__version__}"}
    created = xsd_datetime(project.settings.find("created"))
    if created is not None:
        attributes["creationDateTime"] = created
    return attributes


def _variables(documents: list[Document]) -> list[_Variable]:
    """One variable per field or attribute that some chosen document has a value for."""
    fields = [n for n in FIELD_VARIABLES if any(getattr(d, n) for d in documents)]
    keys = sorted({key for d in documents for key, value in d.attributes.items() if value})
    return [
        *(_Variable(variable_guid("field", n), n, attribute=False) for n in fields),
        *(_Variable(variable_guid("attribute", k), k, attribute=True) for k in keys),
    ]


def _add_variables(root: Element, variables: list[_Variable]) -> None:
    parent = SubElement(root, tag("Variables"))
    for variable in variables:
        attributes = {"guid": variable.guid, "name": xml_safe(variable.name)}
        element = SubElement(parent, tag("Variable"), {**attributes, "typeOfVariable": "Text"})
        if variable.attribute and variable.name in FIELD_VARIABLES:  # say which one it is
            description = marked_text("", {ATTRIBUTE_KEY: variable.name}, "text")
            SubElement(element, tag("Description")).text = description


def _source_name(document: Document) -> str | None:
    if document.title:
        return xml_safe(document.title)
    if document.source_path:
        return xml_safe(re.split(r"[\\/]", document.source_path)[-1]) or None
    return None


def _add_source(
    sources: Element, document: Document, plan: _Plan, variables: list[_Variable]
) -> None:
    guid = refi_guid(document.uuid, "document")
    attributes = {"guid": guid}
    name = _source_name(document)
    if name is not None:
        attributes["name"] = name
    attributes["plainTextPath"] = f"{INTERNAL}{guid}.txt"
    if plan.creator is not None:
        attributes["creatingUser"] = plan.creator
    _add_time(attributes, "creationDateTime", document.imported_at)
    source = SubElement(sources, tag("TextSource"), attributes)
    extra = {} if name == document.title else {"title": document.title}
    description = marked_text(document.memo, extra, "memo")
    if description:
        SubElement(source, tag("Description")).text = description
    for annotation in plan.annotations.get(document.id, []):
        _add_selection(source, annotation, plan)
    for variable in variables:
        value = _value(document, variable)
        if value:
            element = SubElement(source, tag("VariableValue"))
            SubElement(element, tag("VariableRef"), {"targetGUID": variable.guid})
            SubElement(element, tag("TextValue")).text = xml_safe(value)


def _value(document: Document, variable: _Variable) -> str | None:
    if variable.attribute:
        return document.attributes.get(variable.name)
    value = getattr(document, variable.name)
    return None if value is None else str(value)


def _add_selection(source: Element, annotation: Annotation, plan: _Plan) -> None:
    guid = refi_guid(annotation.uuid, "annotation")
    coder = plan.coder_guids[annotation.coder_id]
    attributes = {
        "guid": guid,
        "startPosition": str(annotation.start),
        "endPosition": str(annotation.end),
        "creatingUser": coder,
    }
    _add_time(attributes, "creationDateTime", annotation.created)
    _add_time(attributes, "modifiedDateTime", annotation.updated)
    selection = SubElement(source, tag("PlainTextSelection"), attributes)
    description = marked_text(annotation.memo, _coding_extra(annotation, plan), "memo")
    if description:
        SubElement(selection, tag("Description")).text = description
    coding = {"guid": coding_guid(guid), "creatingUser": coder}
    _add_time(coding, "creationDateTime", annotation.created)
    element = SubElement(selection, tag("Coding"), coding)
    SubElement(element, tag("CodeRef"), {"targetGUID": plan.code_guids[annotation.code_id]})


def _coding_extra(annotation: Annotation, plan: _Plan) -> dict[str, Any]:
    """What a coding holds beyond the standard: its origin and its reviews."""
    extra: dict[str, Any] = {}
    if annotation.origin != "manual":
        extra["origin"] = annotation.origin
    reviews = plan.reviews.get(annotation.id, [])
    if reviews:
        extra["reviews"] = [
            {
                "reviewer": plan.coder_guids[r.reviewer_id],
                "status": r.status.value,
                "comment": r.comment,
                "created": r.created,
            }
            for r in reviews
        ]
    return extra


def _add_time(attributes: dict[str, str], name: str, value: str | None) -> None:
    written = xsd_datetime(value)
    if written is not None:
        attributes[name] = written


def _write_archive(project: Project, path: Path, root: Element, documents: list[Document]) -> None:
    ET.register_namespace("", NAMESPACE)  # (tostring's default_namespace refuses attributes)
    ET.indent(root)
    with (
        atomic_output(path) as temporary,
        zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        with archive.open(PROJECT_FILE, "w") as member:  # streamed: no copy of the XML
            ET.ElementTree(root).write(member, encoding="utf-8", xml_declaration=True)
        for document in documents:
            name = f"{SOURCES_FOLDER}/{refi_guid(document.uuid, 'document')}.txt"
            archive.writestr(name, project.text(document.id).encode("utf-8"))
