"""Who is using the program, as far as the machine can tell."""

from __future__ import annotations

import getpass


def default_coder_name() -> str:
    """The user's login name, for a first coder name (never fails, even in containers)."""
    try:
        return getpass.getuser() or "coder"
    except Exception:  # no USER/LOGNAME and no passwd entry for this uid
        return "coder"
