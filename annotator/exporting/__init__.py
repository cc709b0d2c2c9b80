"""Exports: rows are built once (:mod:`rows`), thin writers put them in files."""
