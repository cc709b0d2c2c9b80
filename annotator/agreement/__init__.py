"""Inter-coder agreement: the indices (``indices``), on units built from codings (issue 6)."""
