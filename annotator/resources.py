"""Where the shipped data lives (``resources/`` in a checkout or an installed copy)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a file under ``resources/``: ``resource_path("codebooks", "default.json")``."""
    base = Path(str(files("resources")))
    return base.joinpath(*parts)


def default_codebook_path() -> Path:
    return resource_path("codebooks", "default.json")


def demo_corpus_paths() -> list[Path]:
    return sorted(resource_path("corpus").glob("*.txt"))
