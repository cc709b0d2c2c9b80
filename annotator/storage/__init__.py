"""The storage layer: the only place in Annotator that speaks SQL.

One store per table family (documents, codes, coders, annotations, reviews,
history). Stores never commit: :meth:`Database.atomic` wraps each user action
in one transaction, and the caller (the history) decides where it begins.
"""
