"""The embedded default: a SQLite database file (stdlib sqlite3).

WAL journal: readers are not blocked while a batch writes, and a killed writer leaves the file
consistent (the next open rolls back what was not committed).  Titles are searchable through an
FTS5 table with the trigram tokenizer, which needs no word segmentation, so it works for Chinese:

    SELECT p.title FROM pages_title t JOIN pages p ON p.id = t.rowid
    WHERE pages_title MATCH '科技赋能';          -- or: WHERE t.title LIKE '%科技赋能%'
"""
from __future__ import annotations

import sqlite3

from .schema import SCHEMA_VERSION  # noqa: F401  (re-exported for readers of this module)
from .sql import Dialect, SQLStore, StoreError

# The FTS5 table mirrors pages.title (external content), kept in step by triggers.
_TITLE_SEARCH = (
    "CREATE VIRTUAL TABLE \"pages_title\" USING fts5("
    "title, content='pages', content_rowid='id', tokenize='trigram')",
    'CREATE TRIGGER "pages_title_insert" AFTER INSERT ON "pages" BEGIN '
    'INSERT INTO "pages_title" (rowid, title) VALUES (new."id", new."title"); END',
    'CREATE TRIGGER "pages_title_delete" AFTER DELETE ON "pages" BEGIN '
    'INSERT INTO "pages_title" ("pages_title", rowid, title) '
    "VALUES ('delete', old.\"id\", old.\"title\"); END",
    'CREATE TRIGGER "pages_title_update" AFTER UPDATE OF "title" ON "pages" BEGIN '
    'INSERT INTO "pages_title" ("pages_title", rowid, title) '
    "VALUES ('delete', old.\"id\", old.\"title\"); "
    'INSERT INTO "pages_title" (rowid, title) VALUES (new."id", new."title"); END',
)

SQLITE = Dialect(
    name="sqlite",
    param="?",
    types={"bigint": "INTEGER", "integer": "INTEGER", "numeric": "REAL", "text": "TEXT",
           "date": "DATE", "timestamp": "TIMESTAMP"},
    serial="INTEGER PRIMARY KEY",  # an alias of the rowid: generated, and the FTS5 content_rowid
    title_search=_TITLE_SEARCH if sqlite3.sqlite_version_info >= (3, 34) else (),
)


class SQLiteStore(SQLStore):
    driver_errors = (sqlite3.Error,)
    conflict_errors = (sqlite3.IntegrityError,)

    def __init__(self, path: str, *, version: str):
        try:
            # isolation_level=None: we BEGIN and COMMIT ourselves, so one batch is one transaction
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {path}: {exc}") from exc
        conn.execute("PRAGMA synchronous=NORMAL")   # with WAL: durable up to the last checkpoint
        conn.execute("PRAGMA foreign_keys=ON")      # ON DELETE CASCADE needs it
        conn.execute("PRAGMA busy_timeout=10000")
        super().__init__(conn, SQLITE, version=version)

    def dialect_table_exists(self, name: str) -> bool:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self.conn.execute(sql, (name,)).fetchone() is not None

    def begin(self) -> None:
        # IMMEDIATE: take the write lock now, waiting (busy_timeout) for another writer to
        # finish; a deferred transaction that read first could not upgrade and would fail
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")

    def now(self):
        # sqlite3's implicit datetime adapter is deprecated: store the ISO text it would store
        return super().now().isoformat()
