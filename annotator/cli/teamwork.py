"""Verbs for several coders: ``handout``, ``merge``, ``review``, ``compare``, ``adopt``."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.agreement.disagreements import Cluster, Kind, compare
from annotator.cli.common import VerbFactory, emit
from annotator.errors import ValidationError
from annotator.models import AnnotationId, CoderId, DocumentId, ReviewStatus
from annotator.project import Project
from annotator.teamwork.handout import hand_out
from annotator.teamwork.merge import merge_copies
from annotator.teamwork.review import STATES, progress, review_queue


def document_ids(project: Project, listed: str | None) -> list[DocumentId] | None:
    """``--documents 1,3,uuid`` as ids (None: all documents)."""
    if not listed:
        return None
    return [project.document(part.strip()).id for part in listed.split(",") if part.strip()]


def coder_ids(project: Project, listed: str) -> list[CoderId]:
    names = [name.strip() for name in listed.split(",") if name.strip()]
    return [project.coder_by_name(name).id for name in names]


def cmd_handout(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        made = hand_out(project, args.out, args.coder, document_ids(project, args.documents))
    emit(
        args,
        made,
        [
            f"wrote {made.path} for {made.coder}: {made.documents} documents, "
            f"{made.annotations} of the coder's own annotations"
        ],
    )


def cmd_merge(args: argparse.Namespace) -> None:
    with Project.open(args.project) as project:
        project.coder = args.coder
        reports = merge_copies(project, [Path(p) for p in args.copies])
    lines = []
    for r in reports:
        lines.append(
            f"{r.path}: +{r.documents_added} documents ({r.documents_matched} matched), "
            f"+{len(r.codes_added)} codes, +{len(r.coders_added)} coders, "
            f"+{r.annotations_added} annotations, {r.annotations_updated} updated, "
            f"{r.annotations_unchanged} unchanged, +{r.reviews_added} reviews"
        )
        lines += [f"  conflict: {line}" for line in r.conflicts]
    emit(args, [r.as_dict() for r in reports], lines)


def _decide(project: Project, args: argparse.Namespace) -> str:
    annotation_id = AnnotationId(args.annotation)
    if args.code or args.start is not None or args.end is not None:
        code_id = project.code_by_key(args.code).id if args.code else None
        project.revise_annotation(
            annotation_id, code_id=code_id, start=args.start, end=args.end,
            comment=args.comment or "",
        )  # fmt: skip
        return "revised"
    status = {"accept": ReviewStatus.ACCEPTED, "reject": ReviewStatus.REJECTED}.get(
        args.decision or "", ReviewStatus.COMMENTED
    )
    if status is ReviewStatus.COMMENTED and not args.comment:
        raise ValidationError(
            "请给出 --accept、--reject、--comment 或新的编码/范围 / "
            "Give --accept, --reject, --comment, or a new --code/--start/--end"
        )
    project.review_annotation(annotation_id, status, args.comment or "")
    return status.value


def cmd_review(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=args.annotation is not None) as project:
        project.coder = args.coder
        if args.annotation is not None:
            done = _decide(project, args)
            emit(args, {"annotation": args.annotation, "done": done}, [f"{done} {args.annotation}"])
            return
        items = review_queue(
            project,
            coder_ids=coder_ids(project, args.by) if args.by else None,
            code_ids=[c.id for c in project.subtree(project.code_by_key(args.code).id)]
            if args.code
            else None,
            document_ids=document_ids(project, args.documents),
            states=[args.state] if args.state else None,
        )
        codes = {code.id: code.key or code.name for code in project.codes()}
        names = {coder.id: coder.name for coder in project.coders()}
    overall, _ = progress(items)
    data = [
        {"id": i.annotation.id, "document": i.annotation.document_id,
         "key": codes[i.annotation.code_id], "coder": names[i.annotation.coder_id],
         "start": i.annotation.start, "end": i.annotation.end, "quote": i.annotation.quote,
         "state": i.state, "comments": i.comments}
        for i in items
    ]  # fmt: skip
    lines = [
        f"#{r['id']}\tdoc {r['document']}\t{r['key']}\t{r['coder']}\t{r['state']}\t{r['quote']}"
        for r in data
    ]
    emit(args, data, [*lines, f"reviewed {overall.decided} of {overall.total}"])


def _cluster_row(
    project: Project, cluster: Cluster, names: dict[CoderId, str]
) -> dict[str, object]:
    return {
        "document": cluster.document_id,
        "key": project.code(cluster.code_id).key,
        "kind": cluster.kind.value,
        "start": cluster.start,
        "end": cluster.end,
        "coders": {
            names[c]: [{"id": a.id, "start": a.start, "end": a.end} for a in group]
            for c, group in cluster.members.items()
        },
        "in_consensus": bool(cluster.consensus),
    }


def cmd_compare(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        ids = coder_ids(project, args.coders)
        found = compare(project, ids, document_ids(project, args.documents))
        if not args.all:
            found = [c for c in found if c.kind is not Kind.AGREE]
        names = {coder.id: coder.name for coder in project.coders()}
        rows = [_cluster_row(project, c, names) for c in found]
    lines = [
        f"doc {r['document']}\t{r['key']}\t{r['kind']}\t[{r['start']}, {r['end']})\t"
        + ", ".join(f"{n}: {len(spans)}" for n, spans in r["coders"].items())  # type: ignore[attr-defined]
        for r in rows
    ]
    emit(args, rows, lines)


def cmd_adopt(args: argparse.Namespace) -> None:
    with Project.open(args.project) as project:
        project.coder = args.coder
        chosen = [AnnotationId(int(part)) for part in args.annotations]
        if args.agreed:
            ids = coder_ids(project, args.agreed)
            agreed = [c for c in compare(project, ids) if c.kind is Kind.AGREE]
            chosen += [a.id for c in agreed for a in c.members[ids[0]]]
        if not chosen:
            raise ValidationError("没有要采纳的标注 / No annotations to adopt")
        adopted = project.adopt_annotations(chosen)
    emit(args, {"adopted": adopted}, [f"adopted {len(adopted)} into the consensus layer"])


def add_arguments(verb: VerbFactory) -> None:
    """Register the verbs; ``verb`` is the parser's factory (see :func:`build_parser`)."""
    handout = verb("handout", cmd_handout, "write a coder's copy (use --coder NAME)")
    handout.add_argument("out", type=Path, help="the copy to write (*.annot)")
    handout.add_argument("--documents", help="ids or uuids, e.g. 1,3 (default: all)")
    merge = verb("merge", cmd_merge, "merge coders' copies back into the project")
    merge.add_argument("copies", nargs="+", type=Path)
    review = verb("review", cmd_review, "list the review queue, or decide on one annotation")
    review.add_argument("--annotation", type=int, help="the annotation to decide on")
    group = review.add_mutually_exclusive_group()
    group.add_argument("--accept", dest="decision", action="store_const", const="accept")
    group.add_argument("--reject", dest="decision", action="store_const", const="reject")
    review.add_argument("--comment", help="a comment (alone, or with a decision)")
    review.add_argument("--code", help="queue: only this code and below; decide: recode to it")
    review.add_argument("--start", type=int, help="decide: new start offset")
    review.add_argument("--end", type=int, help="decide: new end offset")
    review.add_argument("--by", help="queue: only these coders, e.g. 王,李")
    review.add_argument("--documents", help="queue: only these documents")
    review.add_argument("--state", choices=STATES, help="queue: only this state")
    comp = verb("compare", cmd_compare, "where coders differ, code by code")
    comp.add_argument("--coders", required=True, help="two coders or more, e.g. 王,李")
    comp.add_argument("--documents", help="ids or uuids (default: all)")
    comp.add_argument("--all", action="store_true", help="list agreements too")
    adopt = verb("adopt", cmd_adopt, "copy annotations into the consensus layer")
    adopt.add_argument("annotations", nargs="*", help="annotation ids")
    adopt.add_argument("--agreed", metavar="A,B", help="also every coding these coders agree on")
