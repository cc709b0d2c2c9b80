"""Whole projects in and out of REFI-QDA's project exchange format (``.qdpx``).

The format NVivo, MAXQDA, ATLAS.ti and QualCoder share: :func:`export_qdpx`
writes one, :func:`import_qdpx` makes a new project of one. The codebook part
is the same XML a ``.qdc`` codebook holds (:mod:`annotator.codebooks.refi`).
"""

from annotator.exchange.qdpx_parse import QdpxContents, read_qdpx
from annotator.exchange.qdpx_read import import_qdpx, project_from_qdpx
from annotator.exchange.qdpx_write import QdpxSummary, export_qdpx

__all__ = [
    "QdpxContents",
    "QdpxSummary",
    "export_qdpx",
    "import_qdpx",
    "project_from_qdpx",
    "read_qdpx",
]
