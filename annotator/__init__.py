"""Annotator's core: projects, documents, codebooks, annotations, history.

Pure Python. Nothing in this package imports Qt or the ``ui`` package, so every
user action can run from the command line, from tests and from scripts.
"""

__version__ = "0.1.0"
