"""Dialogs: each offers a classmethod ``ask`` that returns plain values (tests patch it)."""
