"""Annotator's desktop interface (PySide6): presentation only.

Widgets never run SQL and never import the storage layer; they call the core
through :class:`ui.controller.ProjectController` and redraw from the
:class:`~annotator.changes.Changes` it emits.
"""
