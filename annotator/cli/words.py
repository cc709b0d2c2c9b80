"""``annotator words PROJECT``: word frequencies, and the project's word lists."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.common import emit
from annotator.project import Project
from annotator.wordfreq import CORPUS, SetWordLists, WordLists, word_frequencies, word_lists


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--by", default=CORPUS, help="corpus, document, or a document attribute (region_level…)"
    )
    parser.add_argument("--min-length", type=int, default=2, help="shortest word counted")
    parser.add_argument("--top", type=int, default=50, help="words per group")
    parser.add_argument("--xlsx", type=Path, help="write the counts to this workbook")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--dictionary", metavar="W,W", help="set the project's own terms")
    parser.add_argument("--stopwords", metavar="W,W", help="set the project's stop words")


def _split(value: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in value.replace("，", ",").split(",") if w.strip())


def cmd_words(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        project.coder = args.coder
        if args.dictionary is not None or args.stopwords is not None:
            now = word_lists(project)
            project.execute(SetWordLists(WordLists(
                _split(args.dictionary) if args.dictionary is not None else now.dictionary,
                _split(args.stopwords) if args.stopwords is not None else now.stopwords,
            )))  # fmt: skip
        found = word_frequencies(project, by=args.by, min_length=args.min_length, top=args.top)
    if args.xlsx:
        from annotator.exporting.words import export_word_frequencies

        export_word_frequencies(found, args.xlsx, args.lang)
    lines = [
        f"{group}\t{rank}\t{c.word}\t{c.count}\t{c.documents}"
        for group, counts in found.items()
        for rank, c in enumerate(counts, 1)
    ]
    emit(args, found, lines)
