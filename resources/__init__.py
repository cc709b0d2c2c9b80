"""Data shipped with Annotator: the demo corpus, the default codebook, dictionaries.

A package only so that ``importlib.resources`` finds the files in an installed
copy as well as in a checkout; it holds no code.
"""
