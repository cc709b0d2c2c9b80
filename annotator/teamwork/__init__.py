"""Several coders on one project: hand-out copies, merge them back, review, consensus."""
