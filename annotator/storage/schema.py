"""The schema of a project file, version by version.

Version 1 is the whole initial schema, written out once (datasette's habit), so
the tables can be read top to bottom. Later versions are the small steps after
it (``SCHEMA_V2``…), applied in order by :mod:`annotator.storage.migrations`;
a step, once released, never changes.

Version 2 (the import pipeline): documents get ``flags`` (places to review:
corruption, conflicting bylines, near-duplicates, as JSON), the uuid of the
document they nearly repeat, and a text ``fingerprint`` (MinHash sketch).

Rules the schema enforces itself, so no bug in Python can break them:

* a document's cleaned text, raw text and hash never change after import
  (trigger ``documents_text_is_immutable``): annotation offsets stay valid;
* an annotation's quote has exactly ``end - start`` code points
  (``length()`` counts code points in SQLite, as ``len()`` does in Python);
* every reference is a foreign key (``PRAGMA foreign_keys=ON`` at open);
* the history can only grow (triggers ``history_*``).
"""

SCHEMA_V1 = """
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE documents (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid           TEXT NOT NULL UNIQUE,
    title          TEXT,
    author         TEXT,
    author_role    TEXT,
    source         TEXT,
    url            TEXT,
    published      TEXT,
    date_precision TEXT,
    region         TEXT,
    region_code    TEXT,
    region_level   TEXT,
    script         TEXT,
    memo           TEXT NOT NULL DEFAULT '',
    attributes     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    source_path    TEXT,
    imported_at    TEXT NOT NULL,
    raw_text       TEXT NOT NULL,
    text           TEXT NOT NULL,
    text_length    INTEGER NOT NULL CHECK (text_length = length(text)),
    text_sha256    TEXT NOT NULL UNIQUE,
    import_log     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(import_log))
);

CREATE TRIGGER documents_text_is_immutable
BEFORE UPDATE OF text, raw_text, text_sha256, text_length ON documents
WHEN NEW.text IS NOT OLD.text OR NEW.raw_text IS NOT OLD.raw_text
  OR NEW.text_sha256 IS NOT OLD.text_sha256 OR NEW.text_length IS NOT OLD.text_length
BEGIN
    SELECT RAISE(ABORT, 'a document text is immutable once imported');
END;

CREATE TABLE codes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid         TEXT NOT NULL UNIQUE,
    parent_id    INTEGER REFERENCES codes(id),
    key          TEXT CHECK (key IS NULL OR key <> ''),
    name         TEXT NOT NULL CHECK (name <> ''),
    name_en      TEXT NOT NULL DEFAULT '',
    definition   TEXT NOT NULL DEFAULT '',
    include_rule TEXT NOT NULL DEFAULT '',
    exclude_rule TEXT NOT NULL DEFAULT '',
    example      TEXT NOT NULL DEFAULT '',
    keywords     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords)),
    color        TEXT NOT NULL DEFAULT '#ffd966',
    shortcut     TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0,
    archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    attributes   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    created      TEXT NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX codes_key ON codes(key) WHERE key IS NOT NULL;
CREATE UNIQUE INDEX codes_shortcut ON codes(shortcut) WHERE shortcut <> '';
CREATE INDEX codes_parent ON codes(parent_id, position);

CREATE TABLE coders (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid    TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL UNIQUE CHECK (name <> ''),
    created TEXT NOT NULL
);

CREATE TABLE annotations (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid         TEXT NOT NULL UNIQUE,
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    code_id      INTEGER NOT NULL REFERENCES codes(id),
    coder_id     INTEGER NOT NULL REFERENCES coders(id),
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset   INTEGER NOT NULL CHECK (end_offset > start_offset),
    quote        TEXT NOT NULL,
    memo         TEXT NOT NULL DEFAULT '',
    created      TEXT NOT NULL,
    updated      TEXT NOT NULL,
    CHECK (length(quote) = end_offset - start_offset),
    UNIQUE (document_id, code_id, coder_id, start_offset, end_offset)
);
CREATE INDEX annotations_document ON annotations(document_id, start_offset);
CREATE INDEX annotations_code ON annotations(code_id);
CREATE INDEX annotations_coder ON annotations(coder_id);

CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    annotation_id INTEGER NOT NULL REFERENCES annotations(id),
    reviewer_id   INTEGER NOT NULL REFERENCES coders(id),
    status        TEXT NOT NULL CHECK (status IN ('accepted', 'rejected', 'commented')),
    comment       TEXT NOT NULL DEFAULT '',
    created       TEXT NOT NULL
);
CREATE INDEX reviews_annotation ON reviews(annotation_id, id);

CREATE TABLE history (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    time    TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    summary TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}'
);

CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'the history is append-only');
END;

CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'the history is append-only');
END;
"""


SCHEMA_V2 = """
ALTER TABLE documents ADD COLUMN flags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags));
ALTER TABLE documents ADD COLUMN near_duplicate_of TEXT;
ALTER TABLE documents ADD COLUMN fingerprint BLOB;
"""

# Version 3 (issue 5): where a coding came from, and keyword suggestions a coder
# turned down (each coder's own: in blind double coding, one coder's rejections
# must not thin out another's list). Rejections have no foreign keys on purpose: ids are never
# reused (AUTOINCREMENT), so a rejection outlives the deletion of its document
# or code and applies again if that deletion is undone.
SCHEMA_V3 = """
ALTER TABLE annotations ADD COLUMN origin TEXT NOT NULL DEFAULT 'manual'
    CHECK (origin IN ('manual', 'suggestion'));
CREATE TABLE rejected_suggestions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  INTEGER NOT NULL,
    code_id      INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    coder_id     INTEGER NOT NULL,
    created      TEXT NOT NULL,
    UNIQUE (document_id, code_id, start_offset, end_offset, coder_id)
);
"""

# Version 4 (issue 8): the corpus search index. ``norm`` is the document's text
# as search sees it (annotator.find.normalise: simplified script, no quote marks,
# no space between Chinese and a digit or letter); ``removed`` lists the original
# offsets normalising dropped, to map a hit back. FTS5's trigram index finds the
# documents holding a query of three or more characters; shorter ones are
# answered by a scan (the index silently finds nothing for them, limits.md).
# detail=none keeps only which documents hold each trigram (half the size and
# the insert time of the full index): a query asks for documents holding all
# of its trigrams, and the search confirms each hit in the text itself. The
# index holds no copy of the text (content=''); rows go in from Python, five
# times faster than from a trigger, and leave by a trigger when their document
# is deleted (the only way a cascade can tell the index).
SCHEMA_V4 = """
CREATE TABLE search_text (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    norm        TEXT NOT NULL,
    removed     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(removed))
);
CREATE VIRTUAL TABLE search_fts USING fts5(
    norm, content='', tokenize='trigram', detail='none'
);
CREATE TRIGGER search_text_removed AFTER DELETE ON search_text BEGIN
    INSERT INTO search_fts(search_fts, rowid, norm) VALUES ('delete', old.document_id, old.norm);
END;
"""
