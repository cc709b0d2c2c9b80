"""Any sequence of actions, undone to the start and redone to the end (a stateful test).

A plain-Python model (dicts keyed by uuid and by code key) follows every action
hypothesis chooses, and says which ones the project must refuse. After each step
the project looks like the model, is sound (``verify()``) and every quote is its
text. Each undo gives back exactly the project before the step and each redo the
one after it (``tests.test_undo.state``: ids and timestamps included); the final
phase undoes everything back to the state after setup and redoes it all again.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import note, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from annotator.errors import ValidationError
from annotator.history import DEFAULT_LIMIT
from annotator.models import NewDocument, ReviewStatus
from annotator.project import Project
from annotator.search import search
from tests.test_undo import state

TEXTS = (
    "近年来，𠮷安阳市坚持党建引领😀，推动集体经济。",
    "第二篇：党建联盟😀推动强村富民𠮷。",
    "𠮷😀短文。",
    "第四篇，𠮷字在此😀。",
)
CODERS = ("alice", "bob", "新人")
REVIEWERS = ("rita", "alice", "新人")
MEMOS = ("", "首句", "𠮷 备忘", "x\ny")
KEYS = ("A", "N1", "N2", "N3", "N4")  # new codes' keys: taken ones are refused
QUERIES = ("党建", "党建联盟", "字在此")  # scanned, and found through the trigram index
NEW = "(new)"  # (new)0, (new)1…: what an action creates, until the project names it
STEPS = 40
assert STEPS < DEFAULT_LIMIT  # so every step stays undoable (in_memory() takes no limit)


class RefusedError(Exception):
    """The model's word that the project must refuse this action."""


@dataclass
class Coding:
    document: str  # uuid
    code: str  # key
    coder: str
    start: int
    end: int
    memo: str

    def place(self) -> tuple[str, str, int, int]:
        return self.document, self.coder, self.start, self.end


@dataclass
class CodeRow:
    parent: str | None
    name: str
    color: str
    archived: bool


def joined(first: str, second: str) -> str:
    """Folded memos: the second on its own line, unless it is one already."""
    if not second or second == first or second in first.split("\n"):
        return first
    return f"{first}\n{second}" if first else second


@dataclass
class Model:
    documents: dict[str, tuple[str | None, str]]  # uuid → (title, text)
    codes: dict[str, CodeRow]
    children: dict[str | None, list[str]]  # parent key → keys in order
    coders: set[str]
    codings: dict[str, Coding]
    reviews: list[tuple[str, str, str, str]]  # (coding, reviewer, status, comment)

    def view(self) -> tuple[Any, ...]:
        def walk(parent: str | None) -> Iterator[tuple[Any, ...]]:
            for key in self.children.get(parent, []):
                yield (key, *vars(self.codes[key]).values())
                yield from walk(key)

        codings = {uuid: tuple(vars(c).values()) for uuid, c in self.codings.items()}
        return self.documents, list(walk(None)), self.coders, codings, sorted(self.reviews)

    def name_new(self, uuids: list[str]) -> None:
        for table in (self.codings, self.documents):
            for index, uuid in enumerate(uuids):
                if f"{NEW}{index}" in table:
                    table[uuid] = table.pop(f"{NEW}{index}")

    def _check(self, uuid: str, c: Coding) -> None:
        if not 0 <= c.start < c.end <= len(self.documents[c.document][1]):
            raise RefusedError("offsets out of range")
        if any(
            o.place() == c.place() and o.code == c.code
            for u, o in self.codings.items()
            if u != uuid
        ):
            raise RefusedError("a copy of another coding")

    def add(self, coding: Coding) -> bool:
        if self.codes[coding.code].archived:
            raise RefusedError("archived code")
        self._check(f"{NEW}0", coding)
        self.codings[f"{NEW}0"] = coding
        self.coders.add(coding.coder)
        return True

    def edit(self, uuid: str, changes: dict[str, Any]) -> bool:
        old = self.codings[uuid]
        new = Coding(**{**vars(old), **changes})
        if new.code != old.code and self.codes[new.code].archived:
            raise RefusedError("archived code")
        self._check(uuid, new)
        self.codings[uuid] = new
        return True

    def review(self, uuid: str, reviewer: str, status: ReviewStatus, comment: str) -> bool:
        self.reviews.append((uuid, reviewer, status.value, comment))
        self.coders.add(reviewer)
        return True

    def delete(self, uuids: list[str]) -> bool:
        for uuid in dict.fromkeys(uuids):
            del self.codings[uuid]
        self.reviews = [r for r in self.reviews if r[0] not in uuids]
        return True

    def recode(self, uuids: list[str], target: str) -> bool:
        """Each in turn gets ``target``, or folds into its copy that has it; False: no step."""
        if self.codes[target].archived:
            raise RefusedError("archived code")
        moved = False
        for uuid in dict.fromkeys(uuids):
            c = self.codings[uuid]
            copies = [
                u for u, o in self.codings.items() if o.place() == c.place() and o.code == target
            ]
            moved |= c.code != target
            if c.code == target or not copies:
                self.edit(uuid, {"code": target})
                continue
            self.codings[copies[0]].memo = joined(self.codings[copies[0]].memo, c.memo)
            self.reviews = [(copies[0], *r[1:]) if r[0] == uuid else r for r in self.reviews]
            del self.codings[uuid]
        return moved

    def subtree(self, key: str) -> list[str]:
        return [key, *(k for child in self.children.get(key, []) for k in self.subtree(child))]

    def merge(self, source: str, target: str) -> bool:
        if target in self.subtree(source) or self.codes[target].archived:
            raise RefusedError("into itself, a sub-code or an archived code")
        self.recode([u for u, c in self.codings.items() if c.code == source], target)
        for child in self.children.pop(source, []):
            self._put(child, target, None)
        self.children[self.codes.pop(source).parent].remove(source)
        return True

    def delete_code(self, key: str) -> bool:
        gone = self.subtree(key)
        self.delete([u for u, c in self.codings.items() if c.code in gone])
        self.children[self.codes[key].parent].remove(key)
        for each in gone:
            del self.codes[each]
            self.children.pop(each, None)
        return True

    def add_code(self, key: str, name: str, parent: str | None, index: int | None) -> bool:
        if key in self.codes:
            raise RefusedError("the key is taken")
        self.codes[key] = CodeRow(parent, name, "#ffd966", False)
        self._put(key, parent, index)
        return True

    def _put(self, key: str, parent: str | None, index: int | None) -> None:
        siblings = self.children.setdefault(parent, [])
        siblings.insert(len(siblings) if index is None else max(0, min(index, len(siblings))), key)
        self.codes[key].parent = parent

    def move_code(self, key: str, parent: str | None, index: int | None) -> bool:
        if parent in self.subtree(key):
            raise RefusedError("under itself")
        self.children[self.codes[key].parent].remove(key)
        self._put(key, parent, index)
        return True

    def update_code(self, key: str, fields: dict[str, Any]) -> bool:
        vars(self.codes[key]).update(fields)
        return True

    def delete_document(self, uuid: str) -> bool:
        self.delete([u for u, c in self.codings.items() if c.document == uuid])
        del self.documents[uuid]
        return True

    def add_documents(self, texts: list[str]) -> bool:
        """One import: all of them, or none if one is in the project or twice in the list."""
        known = [text for _, text in self.documents.values()]
        if len(set(texts)) < len(texts) or set(texts) & set(known):
            raise RefusedError("a document is in the project already")
        for index, text in enumerate(texts):
            self.documents[f"{NEW}{index}"] = (f"文{TEXTS.index(text)}", text)
        return True


def observe(project: Project) -> tuple[Any, ...]:
    """The project in the model's terms (uuids, keys and names instead of ids)."""
    docs = {d.id: d for d in project.documents()}
    codes = project.codes()
    key, name = {c.id: c.key for c in codes}, {c.id: c.name for c in project.coders()}
    codings = project.annotations()
    uuid = {a.id: a.uuid for a in codings}
    coded = {
        a.uuid: (docs[a.document_id].uuid, key[a.code_id], name[a.coder_id], a.start, a.end, a.memo)
        for a in codings
    }
    reviews = [
        (uuid[r.annotation_id], name[r.reviewer_id], r.status.value, r.comment)
        for r in project.stores.reviews.all()
    ]
    return (
        {d.uuid: (d.title, project.text(d.id)) for d in docs.values()},
        [(c.key, key.get(c.parent_id), c.name, c.color, c.archived) for c in codes],
        set(name.values()),
        coded,
        sorted(reviews),
    )


def model_of(project: Project) -> Model:
    documents, tree, coders, codings, reviews = observe(project)
    children: dict[str | None, list[str]] = {}
    for key, parent, *_ in tree:
        children.setdefault(parent, []).append(key)
    codes = {key: CodeRow(parent, *rest) for key, parent, *rest in tree}
    codings = {uuid: Coding(*values) for uuid, values in codings.items()}
    return Model(documents, codes, children, coders, codings, reviews)


def setup(project: Project) -> None:
    """Two documents, a small code tree, codings by two coders (two of one span), reviews."""
    project.coder = "alice"
    first, second = project.add_documents(
        [NewDocument(text=t, raw_text=t, title=f"文{i}") for i, t in enumerate(TEXTS[:2])]
    )
    a = project.add_code(key="A", name="举措")
    a1 = project.add_code(key="A1", name="组织", parent_id=a.id)
    a2 = project.add_code(key="A2", name="制度", parent_id=a.id)
    b = project.add_code(key="B", name="机制", color="#ffcc99")
    project.add_code(key="B1", name="协调", parent_id=b.id)
    project.add_code(key="C", name="成效")
    coded = project.add_annotation(first.id, a1.id, 0, 3, memo="首句")
    twin = project.add_annotation(first.id, b.id, 0, 3)
    project.add_annotation(first.id, b.id, 2, 6, coder="bob")
    project.add_annotation(second.id, a2.id, 0, 3, coder="bob", memo="x")
    project.review_annotation(coded.id, ReviewStatus.ACCEPTED, "好", reviewer="rita")
    project.review_annotation(twin.id, ReviewStatus.COMMENTED, "再看看")
    project.history.clear()


def acts(runs: Callable[[Model], Any] = bool) -> Callable[[Callable[..., None]], Any]:
    """A rule drawing from ``data``, runnable when ``runs(model)`` is true."""

    def wrap(body: Callable[..., None]) -> Any:
        return precondition(lambda self: runs(self.model))(rule(data=st.data())(body))

    return wrap


class HistoryMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.project = self.make_project()
        setup(self.project)
        self.model, self.start = model_of(self.project), state(self.project)
        #: (project state, model) before each step undo would take back, after each redo would.
        self.undone: list[tuple[dict[str, Any], Model]] = []
        self.redone: list[tuple[dict[str, Any], Model]] = []
        self.checked = True  # False from a step's start until its checks have passed

    def make_project(self) -> Project:
        return Project.in_memory()

    def _run(
        self, step: str, args: tuple[Any, ...], action: Callable[..., Any], *a: Any, **k: Any
    ) -> None:
        """``action(*a, **k)`` on the project, ``step(*args)`` on a copy of the model; when the
        model refuses, the project must refuse too and change nothing, undo steps included."""
        self.checked = False
        note(f"{step} {', '.join(map(self._show, args))}")
        expected, before = copy.deepcopy(self.model), state(self.project)
        undo_text = self.project.history.undo_text
        try:
            pushes = getattr(expected, step)(*args)
        except RefusedError as why:
            note(f"  refused: {why}")
            with pytest.raises(ValidationError):
                action(*a, **k)
            assert (state(self.project), self.project.history.undo_text) == (before, undo_text)
            return
        result = action(*a, **k)
        if pushes:
            self.undone.append((before, self.model))
            self.redone.clear()
        else:  # nothing changed: no undo step (and the redo steps stay)
            assert state(self.project) == before
        created = result if isinstance(result, list) else [result]
        expected.name_new([getattr(each, "uuid", "") for each in created])
        self.model = expected

    def _show(self, arg: Any) -> str:
        """Codings and documents as the failing example should name them."""
        if isinstance(arg, list):
            return f"[{', '.join(map(self._show, arg))}]"
        if isinstance(arg, str) and arg in self.model.documents:
            return str(self.model.documents[arg][0])
        c = self.model.codings.get(arg, arg) if isinstance(arg, str) else arg
        if isinstance(c, Coding):
            return f"{c.code}@{self._show(c.document)}[{c.start}:{c.end}]/{c.coder} {c.memo!r}"
        return repr(arg)

    def _draw(self, data: st.DataObject, label: str, choices: Any) -> Any:
        return data.draw(st.sampled_from(list(choices)), label=label)

    def _codings(self, data: st.DataObject) -> list[str]:
        """Some codings, in any order, a few perhaps twice (the project takes each once)."""
        chosen = st.lists(st.sampled_from(list(self.model.codings)), min_size=1)
        return data.draw(chosen, label="codings")

    def _where(self, data: st.DataObject) -> tuple[str | None, int | None]:
        """A parent (None: the top level) and a place among its children (None: last)."""
        parent = self._draw(data, "parent", [None, *self.model.codes])
        return parent, data.draw(st.none() | st.integers(-1, 4), label="index")

    def _doc(self, uuid: str) -> Any:
        return self.project.document(uuid).id

    def _code(self, key: str | None) -> Any:
        return None if key is None else self.project.code_by_key(key).id

    def _ids(self, uuids: list[str]) -> list[Any]:
        found = {a.uuid: a.id for a in self.project.annotations()}
        return [found[uuid] for uuid in uuids]

    # -- the actions -----------------------------------------------------------
    @acts(lambda m: m.documents and m.codes)
    def add_annotation(self, data: st.DataObject) -> None:
        code, coder = self._draw(data, "code", self.model.codes), self._draw(data, "coder", CODERS)
        if self.model.codings and data.draw(st.booleans(), label="where a coder coded already"):
            c = self.model.codings[self._draw(data, "coding", self.model.codings)]
            document, start, end, coder = c.document, c.start, c.end, c.coder
        else:
            document = self._draw(data, "document", self.model.documents)
            length = len(self.model.documents[document][1])
            start = data.draw(st.integers(0, length - 1), label="start")
            end = data.draw(st.integers(start + 1, min(length, start + 6)), label="end")
        coding = Coding(document, code, coder, start, end, self._draw(data, "memo", MEMOS))
        where, add = (
            (self._doc(document), self._code(code), start, end),
            self.project.add_annotation,
        )
        self._run("add", (coding,), add, *where, coder=coder, memo=coding.memo)

    @acts(lambda m: m.codings)
    def recode(self, data: st.DataObject) -> None:
        uuids = self._codings(data)
        first = self.model.codings[uuids[0]]
        twins = [c.code for c in self.model.codings.values() if c.place() == first.place()]
        fold = len(twins) > 1 and data.draw(st.booleans(), label="to the code of a copy")
        target = self._draw(data, "code", twins if fold else self.model.codes)
        recode, ids = self.project.recode_annotations, self._ids(uuids)
        self._run("recode", (uuids, target), recode, ids, self._code(target))

    @acts(lambda m: m.codings)
    def edit_annotation(self, data: st.DataObject) -> None:
        """Move the bounds, change the code (a copy is refused, not folded) or the memo,
        any of them in one step."""
        uuid = self._draw(data, "coding", self.model.codings)
        c = self.model.codings[uuid]
        fields = {
            "code": st.sampled_from(list(self.model.codes)),
            "start": st.integers(c.start - 2, c.start + 2),
            "end": st.integers(c.end - 2, c.end + 2),
            "memo": st.sampled_from(MEMOS),
        }
        changes = data.draw(st.fixed_dictionaries({}, optional=fields), label="changes")
        kwargs = {name: value for name, value in changes.items() if name != "code"}
        code_id = self._code(changes.get("code"))
        edit = self.project.edit_annotation
        self._run("edit", (uuid, changes), edit, self._ids([uuid])[0], code_id=code_id, **kwargs)

    @acts(lambda m: m.codings)
    def review(self, data: st.DataObject) -> None:
        uuid = self._draw(data, "coding", self.model.codings)
        status = self._draw(data, "status", ReviewStatus)
        reviewer = self._draw(data, "reviewer", REVIEWERS)
        comment = self._draw(data, "comment", ("", "好", "范围过宽😀"))
        what, review = (uuid, reviewer, status, comment), self.project.review_annotation
        self._run("review", what, review, *self._ids([uuid]), status, comment, reviewer=reviewer)

    @acts(lambda m: m.codings)
    def delete_annotations(self, data: st.DataObject) -> None:
        uuids = self._codings(data)
        self._run("delete", (uuids,), self.project.delete_annotations, self._ids(uuids))

    @acts(lambda m: m.codes)
    def merge_codes(self, data: st.DataObject) -> None:
        source = self._draw(data, "source", self.model.codes)
        others = [key for key in self.model.codes if key != source]
        target = self._draw(data, "target", others or [source])  # itself: refused
        merge = self.project.merge_codes
        self._run("merge", (source, target), merge, self._code(source), self._code(target))

    @acts()
    def add_code(self, data: st.DataObject) -> None:
        key, name = self._draw(data, "key", KEYS), self._draw(data, "name", ("举措", "成效"))
        parent, index = self._where(data)
        at = {"parent_id": self._code(parent), "index": index}
        what, add = (key, name, parent, index), self.project.add_code
        self._run("add_code", what, add, key=key, name=name, **at)

    @acts(lambda m: m.codes)
    def move_code(self, data: st.DataObject) -> None:
        key, (parent, index) = self._draw(data, "code", self.model.codes), self._where(data)
        move = self.project.move_code
        self._run(
            "move_code", (key, parent, index), move, self._code(key), self._code(parent), index
        )

    @acts(lambda m: m.codes)
    def update_code(self, data: st.DataObject) -> None:
        key = self._draw(data, "code", self.model.codes)
        fields = self._draw(
            data, "fields", ({"name": "新名"}, {"color": "#aabbcc"}, {"archived": 0})
        )
        if "archived" in fields:  # archive it, or bring it back from the archive
            fields = {"archived": not self.model.codes[key].archived}
        self._run("update_code", (key, fields), self.project.update_code, self._code(key), **fields)

    @acts(lambda m: len(m.codes) > 2)
    def delete_code(self, data: st.DataObject) -> None:
        key = self._draw(data, "code", self.model.codes)
        self._run("delete_code", (key,), self.project.delete_code, self._code(key))

    @acts(lambda m: len(m.documents) > 1)
    def delete_document(self, data: st.DataObject) -> None:
        uuid = self._draw(data, "document", self.model.documents)
        self._run("delete_document", (uuid,), self.project.delete_document, self._doc(uuid))

    @acts()
    def add_documents(self, data: st.DataObject) -> None:
        texts = data.draw(st.lists(st.sampled_from(TEXTS), min_size=1, max_size=2), label="texts")
        new = [NewDocument(t, raw_text=t, title=f"文{TEXTS.index(t)}") for t in texts]
        self._run("add_documents", (texts,), self.project.add_documents, new)

    # -- undo and redo -----------------------------------------------------------
    def _travel(self, back: bool) -> None:
        self.checked = False
        note("undo" if back else "redo")
        source, target = (self.undone, self.redone) if back else (self.redone, self.undone)
        target.append((state(self.project), self.model))
        expected, self.model = source.pop()
        self.project.undo() if back else self.project.redo()
        assert state(self.project) == expected

    @precondition(lambda self: self.undone)
    @rule()
    def undo(self) -> None:
        self._travel(back=True)

    @precondition(lambda self: self.redone)
    @rule()
    def redo(self) -> None:
        self._travel(back=False)

    @rule()
    def undo_all_then_redo_all(self) -> None:
        """Back to the state after setup, one step at a time, then forward to here again."""
        self.checked = False
        note("undo all, then redo all")
        history, now = self.project.history, state(self.project)
        states = [before for before, _ in self.undone]
        for before in reversed(states):
            history.undo()
            assert state(self.project) == before
        assert not history.can_undo
        assert state(self.project) == self.start
        for after in [*states[1:], now][: len(states)]:
            history.redo()
            assert state(self.project) == after
        assert history.can_redo == bool(self.redone)

    @invariant()
    def agrees_with_the_model(self) -> None:
        p = self.project
        assert observe(p) == self.model.view()
        assert p.verify() == []
        for a in p.annotations():
            text = p.text(a.document_id)
            assert 0 <= a.start < a.end <= len(text)
            assert a.quote == text[a.start : a.end]
        uuid = {d.id: d.uuid for d in p.documents()}
        for query in QUERIES:  # the search index follows deletions and their undoing
            found = {uuid[line.hit.document_id] for line in search(p, query).lines}
            assert found == {u for u, (_, text) in self.model.documents.items() if query in text}
        assert (p.history.can_undo, p.history.can_redo) == (bool(self.undone), bool(self.redone))
        self.checked = True

    def teardown(self) -> None:
        try:
            if self.checked:  # not after a failed step: its own error is the report
                self.undo_all_then_redo_all()
                self.finish()
        finally:
            if not self.project.closed:
                self.project.close()

    def finish(self) -> None:
        """What a project file checks on top: see :class:`FileHistoryMachine`."""


class FileHistoryMachine(HistoryMachine):
    """The same on a project file, closed and opened again at the end."""

    def make_project(self) -> Project:
        self.folder = Path(tempfile.mkdtemp(prefix="annotator 历史 "))
        return Project.create(self.folder / "项目 历史.annot")

    def finish(self) -> None:
        end, path = state(self.project), self.project.path
        assert path is not None
        self.project.close()
        with Project.open(path, backup=False) as reopened:
            assert state(reopened) == end
            assert observe(reopened) == self.model.view()
            assert reopened.verify() == []

    def teardown(self) -> None:
        try:
            super().teardown()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


TestHistoryInMemory = HistoryMachine.TestCase
TestHistoryInMemory.settings = settings(max_examples=150, stateful_step_count=STEPS)


@pytest.mark.slow
class TestHistoryOnFile(FileHistoryMachine.TestCase):
    settings = settings(max_examples=30, stateful_step_count=STEPS)
