"""The project facade: one open project file and everything a user can do with it.

This is the core's public API (Anki's ``Collection``). Reads return typed
records; every mutation builds a command and runs it through :attr:`history`,
which makes it one transaction, one line in the history table and one undo
step. The command line and the GUI's controller call only this class.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from annotator import __version__
from annotator.actions import ProjectActions
from annotator.commands import Stores
from annotator.commands.base import utc_now
from annotator.errors import (
    NotAProjectError,
    NotFoundError,
    ProjectError,
    ProjectExistsError,
    ReadOnlyProjectError,
)
from annotator.history import DEFAULT_LIMIT, History
from annotator.models import (
    Annotation,
    AnnotationId,
    Code,
    CodeId,
    Coder,
    CoderId,
    Document,
    DocumentId,
    HistoryEntry,
    Review,
    ReviewStatus,
)
from annotator.project_file import ProjectFile
from annotator.storage import migrations
from annotator.storage.annotations import AnnotationStore, ReviewStore
from annotator.storage.coders import CoderStore
from annotator.storage.codes import CodeStore
from annotator.storage.database import (
    APPLICATION_ID,
    Database,
    can_write,
    damaged,
    read_header,
    remove_database_files,
)
from annotator.storage.documents import DocumentStore
from annotator.storage.history_log import HistoryLog
from annotator.storage.settings import SettingsStore
from annotator.storage.suggestions import RejectionStore

if TYPE_CHECKING:  # codebooks import Project (to create one): no cycle at run time
    from annotator.codebooks.model import Codebook
    from annotator.suggestions import Suggestion

#: The file extension of a project.
SUFFIX = ".annot"


class Project(ProjectFile, ProjectActions):
    """An open project. Use :meth:`create`, :meth:`open` or :meth:`in_memory`."""

    def __init__(self, db: Database, *, history_limit: int = DEFAULT_LIMIT) -> None:
        self._db = db
        self.stores = Stores(
            documents=DocumentStore(db),
            codes=CodeStore(db),
            coders=CoderStore(db),
            annotations=AnnotationStore(db),
            reviews=ReviewStore(db),
            settings=SettingsStore(db),
            rejections=RejectionStore(db),
        )
        self.settings = self.stores.settings
        self._log = HistoryLog(db)
        self.history = History(db, self.stores, self._log, limit=history_limit)
        #: Backup written before a schema upgrade during :meth:`open`, if any.
        self.upgrade_backup: Path | None = None
        #: Rotating backup written during :meth:`open`, if one was due.
        self.open_backup: Path | None = None
        #: Why that backup could not be written (the project opened anyway).
        self.backup_error: str | None = None
        #: Set when taking that backup found the file damaged: restore a backup.
        self.damage: str | None = None

    # -- lifecycle -------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        name: str | None = None,
        setup: Callable[[Project], None] | None = None,
    ) -> Project:
        """Create a project file and return it open.

        With ``setup`` (import a codebook, documents…), the file is built as
        ``<name>.partial`` and renamed into place only when setup succeeded: a
        failure, or a crash, never leaves a half-made project at ``path``.
        """
        path = Path(path)
        if path.exists():
            raise ProjectExistsError(f"文件已存在 / The file exists already: {path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ProjectError(f"无法创建文件夹 / Cannot create the folder: {error}") from error
        target = path if setup is None else path.with_name(path.name + ".partial")
        remove_database_files(target)  # what a crash during an earlier attempt left
        db = Database.connect(target)
        try:
            db.configure()
            project = cls._initialise(db, name or path.stem)
            if setup is not None:
                setup(project)
        except BaseException:
            db.close(checkpoint=False)
            remove_database_files(target)
            raise
        if setup is None:
            return project
        project.close()
        target.replace(path)
        return cls.open(path, backup=False)

    @classmethod
    def in_memory(cls, *, name: str = "memory") -> Project:
        db = Database.connect(":memory:")
        db.configure()
        return cls._initialise(db, name)

    @classmethod
    def _initialise(cls, db: Database, name: str) -> Project:
        migrations.migrate(db)
        project = cls(db)
        with db.atomic():
            project.settings.set("name", name)
            project.settings.set("created", utc_now())
            project.settings.set("created_by", f"Annotator {__version__}")
        db.checkpoint()
        return project

    @classmethod
    def open(cls, path: Path | str, *, backup: bool = True, read_only: bool = False) -> Project:
        """Open an existing project, upgrading an older one after backing it up.

        A foreign file or a newer one is refused from its header, read as plain
        bytes, so nothing is written to it; one that another program holds is
        refused when its lock cannot be had. With ``backup``, a file whose backup
        finds it damaged is refused (restore a backup). A file this program may not write
        (or asked for ``read_only``) opens read-only: :attr:`read_only` is set
        and every change is refused with a message saying so.
        """
        path = Path(path)
        header = read_header(path)
        if header.application_id != APPLICATION_ID:
            raise NotAProjectError(f"不是 Annotator 项目文件 / Not an Annotator project: {path}")
        migrations.check_version_number(header.user_version)
        read_only = read_only or not can_write(path)
        db = Database.connect_read_only(path) if read_only else Database.connect(path)
        try:
            # The header was read before the lock was held: ask again, through SQLite.
            if db.application_id() != APPLICATION_ID:
                raise NotAProjectError(
                    f"不是 Annotator 项目文件 / Not an Annotator project: {path}"
                )
            version = migrations.check_version(db)
            if read_only and version < migrations.current_version():
                raise ReadOnlyProjectError(
                    "此项目需要升级，但文件为只读；请先复制到可写的文件夹 / This project needs"
                    f" upgrading but is read-only: copy it to a folder you can write first: {path}"
                )
            db.configure()
            project = cls(db)
            project.upgrade_backup = None if read_only else migrations.migrate(db)
        except BaseException:
            db.close(checkpoint=False)
            raise
        if backup and not read_only:
            project.take_backup()
            if project.damage is not None:  # acting on it now could lose more
                project.close()
                raise damaged(path, project.damage)
        return project

    def close(self) -> None:
        self._db.close()

    @property
    def closed(self) -> bool:
        return self._db.closed

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def path(self) -> Path | None:
        return self._db.path

    @property
    def name(self) -> str:
        return self.settings.get("name")

    # -- reading ---------------------------------------------------------------
    def documents(self) -> list[Document]:
        return self.stores.documents.all()

    def document(self, reference: DocumentId | int | str) -> Document:
        """A document by id, or by id or uuid given as text (as the CLI does)."""
        if isinstance(reference, int):
            return self.stores.documents.get(DocumentId(reference))
        return self.stores.documents.find(reference)

    def text(self, document_id: DocumentId) -> str:
        return self.stores.documents.text(document_id)

    def raw_text(self, document_id: DocumentId) -> str:
        return self.stores.documents.snapshot(document_id).raw_text

    def import_log(self, document_id: DocumentId) -> tuple[str, ...]:
        return self.stores.documents.snapshot(document_id).import_log

    def codes(self) -> list[Code]:
        return self.stores.codes.all()

    def code(self, code_id: CodeId) -> Code:
        return self.stores.codes.get(code_id)

    def code_by_key(self, key: str) -> Code:
        code = self.stores.codes.by_key(key)
        if code is None:
            raise NotFoundError(f"没有这个编码 / No code with key {key!r}")
        return code

    def coders(self) -> list[Coder]:
        return self.stores.coders.all()

    def coder_by_name(self, name: str) -> Coder:
        coder = self.stores.coders.by_name(name)
        if coder is None:
            raise NotFoundError(f"没有这个编码员 / No such coder: {name}")
        return coder

    def annotations(
        self,
        document_id: DocumentId | None = None,
        *,
        coder_id: CoderId | None = None,
        code_ids: Iterable[CodeId] | None = None,
    ) -> list[Annotation]:
        return self.stores.annotations.query(
            document_id=document_id, coder_id=coder_id, code_ids=code_ids
        )

    def suggestions(
        self, document_id: DocumentId, boundaries: set[int] | None = None
    ) -> list[Suggestion]:
        """Keyword suggestions for the current coder in one document (jieba loads if needed).

        ``boundaries`` are the word boundaries of the text, if the caller has them.
        """
        from annotator.segmentation import word_spans
        from annotator.suggestions import find_suggestions, word_boundaries

        text = self.text(document_id)
        if boundaries is None:
            boundaries = word_boundaries(word_spans(text))
        coder = self.stores.coders.by_name(self.coder)
        if coder is None:  # a coder with no codings yet has rejected nothing either
            mine, rejected = [], set()
        else:
            mine = self.annotations(document_id, coder_id=coder.id)
            rejected = self.stores.rejections.for_document(document_id, coder.id)
        return find_suggestions(text, self.codes(), boundaries, coded=mine, rejected=rejected)

    def subtree(self, code_id: CodeId) -> list[Code]:
        """The code and every code below it, parents before children."""
        from annotator.commands.codes import descendants

        return descendants(self.stores, code_id)

    def code_usage(self, code_id: CodeId) -> tuple[int, int]:
        """How many codes (it and those below it) and codings deleting it would remove."""
        subtree = [code.id for code in self.subtree(code_id)]
        return len(subtree), len(self.annotations(code_ids=subtree))

    def annotation_counts(
        self, document_ids: Collection[DocumentId] | None = None, coder_id: CoderId | None = None
    ) -> dict[DocumentId, int]:
        """Annotations per document: every document that has some, or each of ``document_ids``;
        by every coder, or by ``coder_id`` alone."""
        return self.stores.annotations.count_by_document(document_ids, coder_id)

    def codebook(self) -> Codebook:
        """The codes as a codebook (tree order) with its name and help texts."""
        from annotator.codebooks.merge import codebook_info
        from annotator.codebooks.model import codebook_of

        info = codebook_info(self.stores)
        return codebook_of(self.codes(), {**info, "name": info["name"] or self.name})

    def reviewed_counts(
        self, document_ids: Collection[DocumentId] | None = None, coder_id: CoderId | None = None
    ) -> dict[DocumentId, int]:
        """Annotations per document that a reviewer has accepted or rejected (as above)."""
        return self.stores.annotations.decided_by_document(document_ids, coder_id)

    def code_counts(
        self, document_id: DocumentId | None = None, coder_id: CoderId | None = None
    ) -> dict[CodeId, int]:
        """Annotations per code, in the project or in one document, by all or one coder."""
        return self.stores.annotations.count_by_code(document_id, coder_id)

    def annotations_by_id(self, ids: Iterable[AnnotationId]) -> dict[AnnotationId, Annotation]:
        return self.stores.annotations.by_ids(ids)

    def annotation(self, annotation_id: AnnotationId) -> Annotation:
        return self.stores.annotations.get(annotation_id)

    def reviews(self, annotation_ids: Iterable[AnnotationId]) -> list[Review]:
        return self.stores.reviews.for_annotations(annotation_ids)

    def decisions(self, document_id: DocumentId) -> dict[AnnotationId, ReviewStatus]:
        """The latest review decision on each decided annotation of a document."""
        return self.stores.reviews.decisions_in(document_id)

    def history_entries(self, limit: int | None = None) -> list[HistoryEntry]:
        return self._log.entries(limit)
