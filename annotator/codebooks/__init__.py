"""Codebooks: the coding scheme as files (JSON, Excel, REFI-QDA) and merged into projects."""

from annotator.codebooks.files import SUFFIXES, read_codebook, write_codebook
from annotator.codebooks.jsonfile import parse_codebook
from annotator.codebooks.merge import MergeCodebook, create_project
from annotator.codebooks.model import Codebook, CodeSpec, MergeReport, codebook_of

__all__ = [
    "SUFFIXES",
    "CodeSpec",
    "Codebook",
    "MergeCodebook",
    "MergeReport",
    "codebook_of",
    "create_project",
    "parse_codebook",
    "read_codebook",
    "write_codebook",
]
