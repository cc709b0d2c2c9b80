"""Corpus search: every hit the in-document finder would report, as KWIC lines.

The oracle is :func:`annotator.find.find_all` run over every document, so a
search (through the trigram index or by a scan) must agree with it hit for hit.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest

from annotator.errors import ValidationError
from annotator.find import find_all, normalise
from annotator.importing import import_paths
from annotator.models import DocumentId, NewDocument
from annotator.project import Project
from annotator.resources import demo_corpus_paths
from annotator.search import SearchResult, search
from annotator.storage import migrations
from annotator.storage.migrations import MIGRATIONS
from annotator.units import UnitIndex
from tests.conftest import SAMPLE_TEXT, add_document

Triple = tuple[DocumentId, int, int]

#: Queries over the five corpus articles: short ones (a scan), long ones (the
#: index), traditional script, quotes inside, digits with and without spaces,
#: ASCII, brackets, and one that is nowhere.
QUERIES = [
    "党",
    "村",
    "黨",
    "党建",
    "农村",
    "兩委",
    "乡村振兴",
    "村级集体经济",
    "抓党建促乡村振兴",
    "鄉村振興",
    "黨建",
    "党建联盟",
    "村两委",
    "村“两委”",
    "“两委”班子",
    "8 类",
    "8类",
    "建立82人",
    "建立 82 人",
    "li",
    "2026",
    "村(社区)",
    "区块链技术",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The five corpus articles, imported into a project file (read-only here)."""
    with Project.create(tmp_path_factory.mktemp("corpus") / "p.annot") as project:
        project.coder = "alice"
        import_paths(project, demo_corpus_paths())
        yield project


def expected(
    project: Project, query: str, ids: Collection[DocumentId] | None = None
) -> list[Triple]:
    """The finder's hits in every (chosen) document, in document then text order."""
    return [
        (d.id, start, end)
        for d in project.documents()
        if ids is None or d.id in ids
        for start, end in find_all(project.text(d.id), query)
    ]


def found(result: SearchResult) -> list[Triple]:
    return [(line.hit.document_id, line.hit.start, line.hit.end) for line in result.lines]


def assert_agrees(project: Project, query: str, **options: object) -> SearchResult:
    """The search equals the finder: hits, order, total and document count."""
    ids = options.get("document_ids")
    result = search(project, query, limit=1_000_000, **options)  # type: ignore[arg-type]
    hits = expected(project, query, ids)  # type: ignore[arg-type]
    assert found(result) == hits
    assert result.total == len(hits)
    assert result.documents == len({document_id for document_id, _, _ in hits})
    assert result.query == query
    return result


def paragraph_context(text: str, start: int, end: int, size: int) -> tuple[str, str]:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    return text[max(first, start - size) : start], text[end : min(last, end + size)]


# -- agreement with the finder over the corpus ----------------------------------


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_what_the_finder_finds(corpus: Project, query: str) -> None:
    result = assert_agrees(corpus, query)
    assert result.used_index == (len(normalise(query).text) >= 3)


def test_the_corpus_exercises_script_and_quotes(corpus: Project) -> None:
    """A sanity check on the oracle: these queries really cross 兩/“ in the texts."""
    matches = [line.match for line in search(corpus, "村两委").lines]
    assert "村“两委" in matches
    assert "村“兩委" in matches
    assert {line.match for line in search(corpus, "8类").lines} == {"8 类"}
    assert search(corpus, "鄉村振興").total == search(corpus, "乡村振兴").total > 0
    assert search(corpus, "黨").total == search(corpus, "党").total > 100


def test_a_query_found_nowhere_gives_an_empty_result(corpus: Project) -> None:
    result = search(corpus, "区块链技术")
    assert (result.total, result.documents, result.lines) == (0, 0, [])
    assert result.used_index


@pytest.mark.parametrize("query", ["", " ", "\t\n ", "\u3000"])
def test_an_empty_query_is_refused(corpus: Project, query: str) -> None:
    with pytest.raises(ValidationError):
        search(corpus, query)


# -- KWIC lines -----------------------------------------------------------------


@pytest.mark.parametrize(("query", "size"), [("村", 20), ("乡村振兴", 8), ("两委", 5)])
def test_kwic_lines_show_the_hit_in_its_paragraph(corpus: Project, query: str, size: int) -> None:
    documents = corpus.documents()
    numbers = {d.id: n for n, d in enumerate(documents, 1)}
    by_id = {d.id: d for d in documents}
    lines = search(corpus, query, context=size, limit=10_000).lines
    assert lines
    for line in lines:
        hit = line.hit
        text = corpus.text(hit.document_id)
        document = by_id[hit.document_id]
        assert line.match == text[hit.start : hit.end]
        assert (line.left, line.right) == paragraph_context(text, hit.start, hit.end, size)
        assert "\n" not in line.left + line.right
        assert line.document_number == numbers[hit.document_id]
        unit = UnitIndex(text).unit(hit.start)
        assert line.unit == "-".join(map(str, (line.document_number, *unit)))
        assert line.unit == UnitIndex(text).label(line.document_number, hit.start, hit.start + 1)
        assert line.title == (document.title or document.source_path or "")


def test_kwic_context_stops_at_the_paragraph(project: Project) -> None:
    add_document(
        project, "标题\n乡村振兴在段首，后文还有很多字很多字。\n前文很多字很多字，段末是乡村振兴\n"
    )
    left, right = ("", "在段首，后文"), ("多字，段末是", "")
    assert [(line.left, line.right) for line in search(project, "乡村振兴", context=6).lines] == [
        left,
        right,
    ]
    [first, second] = search(project, "振兴", context=7).lines
    assert (first.left, second.right) == ("乡村", "")
    assert [line.unit for line in search(project, "乡村振兴").lines] == ["1-1-1-1", "1-1-2-1"]


def test_limit_cuts_the_lines_but_not_the_counts(corpus: Project) -> None:
    everything = search(corpus, "村", limit=100_000)
    first = search(corpus, "村", limit=7)
    assert len(everything.lines) == everything.total > 7
    assert first.lines == everything.lines[:7]
    assert (first.total, first.documents) == (everything.total, everything.documents)
    indexed = search(corpus, "党建", limit=3)
    assert len(indexed.lines) == 3
    assert indexed.total == len(expected(corpus, "党建"))


@pytest.mark.parametrize("query", ["村", "党建", "乡村振兴", "鄉村振興"])
def test_document_ids_restrict_the_search(corpus: Project, query: str) -> None:
    documents = corpus.documents()
    chosen = {documents[1].id, documents[3].id}
    result = assert_agrees(corpus, query, document_ids=chosen)
    assert result.total > 0
    assert {line.hit.document_id for line in result.lines} <= chosen
    numbers = {d.id: n for n, d in enumerate(documents, 1)}  # positions in the whole project
    assert all(line.document_number == numbers[line.hit.document_id] for line in result.lines)
    assert search(corpus, query, document_ids=[]).total == 0


# -- offsets, overlaps and odd characters ---------------------------------------


def test_offsets_are_code_points_past_astral_characters(project: Project) -> None:
    document = add_document(project)  # 𠮷 and 😀 are one code point each
    for query in ("𠮷安阳", "安阳市", "振兴😀，推动", "推动村级", "工作专班"):
        result = assert_agrees(project, query)
        [line] = result.lines
        assert line.match == SAMPLE_TEXT[line.hit.start : line.hit.end]
        assert line.hit.document_id == document.id


@pytest.mark.parametrize(
    ("query", "count"), [("哈", 5), ("哈哈", 4), ("哈哈哈", 3), ("哈哈哈哈", 2)]
)
def test_overlapping_occurrences_are_all_reported(project: Project, query: str, count: int) -> None:
    add_document(project, "笑声：哈哈哈哈哈。")
    result = assert_agrees(project, query)
    assert result.total == count
    assert [line.hit.start for line in result.lines] == list(range(3, 3 + count))


def test_ascii_is_matched_with_its_case(project: Project) -> None:
    add_document(project, "手机APP平台和app应用，另有App一款。")
    for query in ("app", "APP", "App", "pp平台"):
        result = assert_agrees(project, query)
        assert all(line.match == query for line in result.lines)
    assert search(project, "app").total == 1


@pytest.mark.parametrize("query", ["AND", "NOT", "a*b", "x-y", "c:d", "NEAR(1", '"引号"', "^开头"])
def test_fts_syntax_in_a_query_is_plain_text(project: Project, query: str) -> None:
    add_document(project, "R AND D 与 NOT 测试；a*b、x-y、c:d、NEAR(1)；“引号”；^开头。")
    result = assert_agrees(project, query)
    assert result.total == 1


# -- regular expressions ----------------------------------------------------------


def regex_expected(project: Project, pattern: str) -> list[Triple]:
    hits = []
    for document in project.documents():
        shown = normalise(project.text(document.id))
        for match in re.finditer(pattern, shown.text):
            end = shown.origin[match.end() - 1] + 1
            hits.append((document.id, shown.origin[match.start()], end))
    return hits


def test_brackets_are_literal_unless_regex(project: Project) -> None:
    text = "各村(社区)书记参加。村社区服务中心开放。"
    add_document(project, text)
    literal = assert_agrees(project, "村(社区)")
    assert [line.match for line in literal.lines] == ["村(社区)"]
    assert literal.used_index
    grouped = search(project, "村(社区)", regex=True)
    assert found(grouped) == regex_expected(project, "村(社区)")
    assert [line.match for line in grouped.lines] == ["村社区"]
    assert grouped.lines[0].hit.start == text.index("村社区")
    assert not grouped.used_index


@pytest.mark.parametrize("pattern", [r"党建.{0,3}联盟", r"\d+个", r"村(级|民)", r"两委"])
def test_regex_finds_what_re_finds_in_the_normalised_text(corpus: Project, pattern: str) -> None:
    result = search(corpus, pattern, regex=True, limit=100_000)
    hits = regex_expected(corpus, pattern)
    assert hits
    assert found(result) == hits
    assert result.total == len(hits)
    assert result.documents == len({document_id for document_id, _, _ in hits})
    assert not result.used_index
    for line in result.lines:
        text = corpus.text(line.hit.document_id)
        assert line.match == text[line.hit.start : line.hit.end]


def test_regex_over_quotes_and_traditional_script(corpus: Project) -> None:
    """党建.{0,3}联盟 finds 黨建聯盟 and spans that hold quote marks in the original."""
    matches = [line.match for line in search(corpus, r"党建.{0,3}联盟", regex=True).lines]
    assert "黨建聯盟" in matches
    assert "兩委" in {line.match for line in search(corpus, "两委", regex=True).lines}


@pytest.mark.parametrize("pattern", ["(", "[党", "*村", "a{2,1}"])
def test_an_invalid_regex_is_refused(corpus: Project, pattern: str) -> None:
    with pytest.raises(ValidationError):
        search(corpus, pattern, regex=True)


# -- keeping the index up to date ------------------------------------------------

NEW = "天台县探索构建乡村片区党建联盟体系，推动片区共富。"


def hits_of(project: Project, query: str) -> list[Triple]:
    result = assert_agrees(project, query)
    return found(result)


def test_added_deleted_undone_and_redone_documents(project: Project) -> None:
    add_document(project, "另一篇：村级集体经济发展。", "旧")
    for query in ("片区", "片区党建"):  # warm the scan and the index first
        assert hits_of(project, query) == []
    document = add_document(project, NEW, "新")
    for query in ("片区", "片区党建"):
        assert {h[0] for h in hits_of(project, query)} == {document.id}
    project.delete_document(document.id)
    for query in ("片区", "片区党建"):
        assert hits_of(project, query) == []
    project.undo()
    for query in ("片区", "片区党建"):
        assert {h[0] for h in hits_of(project, query)} == {document.id}
    project.redo()
    for query in ("片区", "片区党建"):
        assert hits_of(project, query) == []


def test_an_undone_import_is_gone_and_a_redone_one_back(project: Project) -> None:
    assert hits_of(project, "片区党建") == []
    document = add_document(project, NEW)
    assert len(hits_of(project, "片区党建")) == 1
    project.undo()
    assert hits_of(project, "片区党建") == hits_of(project, "区") == []
    project.redo()
    assert [h[0] for h in hits_of(project, "片区党建")] == [document.id]
    assert len(hits_of(project, "片区")) == 2


def test_a_rejected_import_leaves_nothing_to_find(project: Project) -> None:
    add_document(project, "已有的文档。")
    assert hits_of(project, "片区") == []  # the scan's texts are read now
    batch = [NewDocument(text=NEW, raw_text=NEW), NewDocument(text="已有的文档。", raw_text="")]
    with pytest.raises(ValidationError):
        project.add_documents(batch)  # the duplicate rolls the whole batch back
    assert hits_of(project, "片区") == hits_of(project, "片区党建") == []
    add_document(project, NEW)  # the same text can now come in
    assert len(hits_of(project, "片区党建")) == 1


def test_the_index_is_kept_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "p.annot"
    with Project.create(path) as project:
        project.coder = "alice"
        document = add_document(project, NEW)
    with Project.open(path) as reopened:
        result = assert_agrees(reopened, "片区党建联盟")
        assert result.used_index
        assert [line.hit.document_id for line in result.lines] == [document.id]
        assert len(hits_of(reopened, "片区")) == 2


def test_an_older_project_gets_its_index_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A version-3 file (before the search index) finds its documents once upgraded."""
    path = tmp_path / "v3.annot"
    v3 = tuple(step for step in MIGRATIONS if step.version <= 3)
    monkeypatch.setattr(migrations.migrate, "__defaults__", (v3,))
    with Project.create(path) as old:
        db = old.stores.documents._db
        assert db.user_version() == 3
        for number, text in enumerate((NEW, "鄉村“兩委”班子換屆。"), 1):
            db.execute(
                "INSERT INTO documents (uuid, title, imported_at, raw_text, text, text_length,"
                " text_sha256) VALUES (?, ?, 'then', ?, ?, ?, ?)",
                (f"u{number}", f"旧{number}", text, text, len(text), f"h{number}"),
            )
    monkeypatch.undo()
    with Project.open(path) as upgraded:
        assert upgraded.stores.documents._db.user_version() == migrations.current_version()
        assert upgraded.upgrade_backup is not None
        result = assert_agrees(upgraded, "片区党建")
        assert result.used_index
        assert result.total == 1
        assert [line.match for line in assert_agrees(upgraded, "乡村两委班子").lines] == [
            "鄉村“兩委”班子"
        ]
        assert assert_agrees(upgraded, "乡村").total == 2
