"""What every verb shares: who acts, and printing for people or for machines."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
from collections.abc import Callable, Sequence
from typing import Any

from annotator.identity import default_coder_name

Handler = Callable[[argparse.Namespace], Any]
#: Adds a verb to the parser: name, handler, help text (see ``build_parser``).
VerbFactory = Callable[[str, Handler, str], argparse.ArgumentParser]


def default_coder() -> str:
    return os.environ.get("ANNOTATOR_CODER") or default_coder_name()


def plain(value: Any) -> Any:
    """Records as JSON-able dicts (enums as their values, mappings as dicts)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def emit(args: argparse.Namespace, data: Any, lines: Sequence[str]) -> None:
    if args.json:
        print(json.dumps(plain(data), ensure_ascii=False, indent=2))
    else:
        for line in lines:
            print(line)
