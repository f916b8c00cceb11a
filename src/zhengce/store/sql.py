"""What SQLite and PostgreSQL share: DDL generated from SCHEMA, and the writer.

A dialect is a small object: its type names, its parameter marker, its full-text index on
titles and how to ask whether a table exists.  Everything else - creating the schema, checking
its version, upserting a page with its children, recording errors - is written once here.

Nothing from a page is ever formatted into SQL: identifiers come from SCHEMA, values are bound
parameters.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from .schema import SCHEMA, Schema, Table, child_values, page_values


class StoreError(Exception):
    """The destination cannot be opened or used (bad URL, not a zhengce database...)."""


class SchemaMismatch(StoreError):
    """The database was made by a zhengce with another schema version."""


class PageNotStored(StoreError):
    """The database refused one page (the page is recorded as an error; the batch goes on)."""


@dataclass(frozen=True)
class Dialect:
    name: str
    param: str                      # the placeholder for one bound value
    types: dict                     # logical type -> SQL type
    serial: str                     # the column definition of a generated id
    title_search: tuple[str, ...]   # DDL for searching titles by substring (FTS5 / pg_trgm)

    def q(self, identifier: str) -> str:
        """Quote an identifier from SCHEMA (never from a page)."""
        return '"' + identifier.replace('"', '""') + '"'

    def create_table(self, table: Table) -> str:
        lines = [self._column_def(c) for c in table.columns]
        if table.primary_key != ("id",):
            lines.append(f"PRIMARY KEY ({', '.join(map(self.q, table.primary_key))})")
        if table.is_child:
            lines.append('FOREIGN KEY ("page_id") REFERENCES "pages" ("id") ON DELETE CASCADE')
        return f"CREATE TABLE {self.q(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"

    def _column_def(self, column) -> str:
        if column.type == "serial":
            return f"{self.q(column.name)} {self.serial}"
        null = " NOT NULL" if not column.nullable else ""
        return f"{self.q(column.name)} {self.types[column.type]}{null}"

    def create_indexes(self, table: Table) -> list[str]:
        out = []
        for index in table.indexes:
            unique = "UNIQUE " if index.unique else ""
            where = f" WHERE {index.where}" if index.where else ""
            out.append(f"CREATE {unique}INDEX {self.q(index.name(table.name))} ON {self.q(table.name)} "
                       f"({', '.join(map(self.q, index.columns))}){where}")
        return out

    def ddl(self, schema: Schema = SCHEMA) -> list[str]:
        """Every statement that creates the schema, in order (tables, indexes, title search)."""
        statements = []
        for table in schema.tables:
            statements.append(self.create_table(table))
            statements.extend(self.create_indexes(table))
        return statements + list(self.title_search)

    def insert(self, table: Table, columns) -> str:
        names = ", ".join(map(self.q, columns))
        marks = ", ".join([self.param] * len(columns))
        return f"INSERT INTO {self.q(table.name)} ({names}) VALUES ({marks})"


class SQLStore:
    """Writes records into a database: one transaction per batch, one savepoint per page.

    ``add`` keys a page by its URL, else by its content hash.  The same content again is left
    alone; new content at a known URL replaces the row (same id) and, through ON DELETE CASCADE,
    its children.  ``commit`` ends the batch: a crash loses at most the uncommitted pages, never
    part of one, and a rerun does them again.
    """

    def __init__(self, conn, dialect: Dialect, *, version: str):
        self.conn = conn
        self.dialect = dialect
        self.version = version
        self._sql = _Statements(dialect)
        self._ensure_schema()

    # --- the writer interface shared with the file stores ---

    def knows_url(self, url: str) -> bool:
        """True when a page with this URL is stored, whatever its content: only then does
        ``contains`` need the content hash (so a first run never hashes in the writer)."""
        return self._one(self._sql.hash_by_url, (url,)) is not None

    def contains(self, url: str | None, content_hash: str) -> bool:
        """True when this content is stored already, so a rerun can skip extracting it."""
        if url:
            row = self._one(self._sql.hash_by_url, (url,))
            return row is not None and row[0] == content_hash
        return self._one(self._sql.any_by_hash, (content_hash,)) is not None

    def add(self, record: dict, *, reference: str, url: str | None, content_hash: str) -> str:
        """Store one record; returns 'inserted', 'updated' or 'unchanged'."""
        url = url or record.get("url")
        row = page_values(record, reference=reference, url=url, content_hash=content_hash,
                          extracted_at=self.now(), version=self.version)
        for attempt in range(2):
            try:
                with self._savepoint():
                    outcome = self._upsert(row, record)
                    self._execute(self._sql.forget_error, (reference,))
                return outcome
            except self.conflict_errors as exc:
                # Another writer stored the same URL between our look and our insert (workers
                # writing at once, on PostgreSQL): look again, once.
                if attempt:
                    raise PageNotStored(f"cannot store: {exc}") from exc
            except self.driver_errors as exc:
                raise PageNotStored(f"cannot store: {exc}") from exc

    def add_error(self, *, reference: str, url: str | None, reason: str) -> None:
        with self._savepoint():
            self._execute(self._sql.upsert_error, (reference, url, reason, self.now()))

    def commit(self) -> None:
        self.conn.commit()

    def close(self, commit: bool = True) -> None:
        """Commit (unless told not to: an open transaction is then rolled back) and close."""
        try:
            if commit:
                self.conn.commit()
        finally:
            self.conn.close()

    # --- the upsert ---

    def _upsert(self, row: dict, record: dict) -> str:
        if row["url"]:
            found = self._one(self._sql.page_by_url, (row["url"],))
        else:
            found = self._one(self._sql.page_by_hash, (row["content_hash"],))
        if found and found[1] == row["content_hash"]:
            return "unchanged"
        if found:  # deleting cascades to the children; the row comes back with its old id
            self._execute(self._sql.delete_page, (found[0],))
            row = {"id": found[0], **row}
        page_id = self._one(self._sql.insert_page(tuple(row)), tuple(row.values()))[0]
        for table in SCHEMA.children:
            items = [(page_id, position) + values
                     for position, values in enumerate(child_values(table, record))]
            if items:
                self._executemany(self._sql.insert_child[table.name], items)
        return "updated" if found else "inserted"

    # --- schema creation and the version check ---

    def _ensure_schema(self) -> None:
        if not self.dialect_table_exists("zhengce_meta"):
            if self.dialect_table_exists("pages"):
                raise StoreError("the database has a 'pages' table but no zhengce_meta: "
                                 "it was not made by zhengce; use another database")
            self._create_schema()
            return
        row = self._one(self._sql.meta_get, ("schema_version",))
        found = row[0] if row else None
        if found != str(SCHEMA.version):
            raise SchemaMismatch(
                f"the database has zhengce schema version {found}, this zhengce writes version "
                f"{SCHEMA.version}: write to a new database, or export and reload the old one")

    def _create_schema(self) -> None:
        self.begin()
        for statement in self.dialect.ddl():
            self._execute(statement)
        for key, value in (("schema_version", str(SCHEMA.version)),
                           ("zhengce_version", self.version), ("created_at", _now().isoformat())):
            self._execute(self._sql.meta_set, (key, value))
        self.conn.commit()

    # --- what each dialect's store fills in ---

    driver_errors: tuple = ()     # the driver's exception classes
    conflict_errors: tuple = ()   # those that another writer's concurrent insert can cause

    def dialect_table_exists(self, name: str) -> bool:
        raise NotImplementedError

    def begin(self) -> None:
        """Open a transaction if none is open (drivers differ in whether they do it)."""

    def now(self):
        """The current time as the driver binds a timestamp."""
        return _now()

    # --- thin wrappers ---

    def _savepoint(self):
        return _Savepoint(self)

    def _execute(self, sql: str, params=()):
        return self.conn.execute(sql, params)

    def _executemany(self, sql: str, rows) -> None:
        self.conn.cursor().executemany(sql, rows)

    def _one(self, sql: str, params=()):
        return self._execute(sql, params).fetchone()


class _Statements:
    """The SQL the writer runs, generated once per dialect from SCHEMA."""

    def __init__(self, d: Dialect):
        p, pages = d.param, d.q("pages")
        self._d = d
        self.hash_by_url = f'SELECT "content_hash" FROM {pages} WHERE "url" = {p}'
        self.any_by_hash = f'SELECT 1 FROM {pages} WHERE "content_hash" = {p} LIMIT 1'
        self.page_by_url = f'SELECT "id", "content_hash" FROM {pages} WHERE "url" = {p}'
        self.page_by_hash = (f'SELECT "id", "content_hash" FROM {pages} '
                             f'WHERE "url" IS NULL AND "content_hash" = {p}')
        self.delete_page = f'DELETE FROM {pages} WHERE "id" = {p}'
        self.insert_child = {t.name: d.insert(t, [c.name for c in t.columns])
                             for t in SCHEMA.children}
        self.forget_error = f'DELETE FROM "errors" WHERE "reference" = {p}'
        self.upsert_error = (d.insert(SCHEMA.table("errors"), ["reference", "url", "reason", "at"])
                             + ' ON CONFLICT ("reference") DO UPDATE SET "url" = excluded."url", '
                               '"reason" = excluded."reason", "at" = excluded."at"')
        self.meta_get = f'SELECT "value" FROM "zhengce_meta" WHERE "key" = {p}'
        self.meta_set = d.insert(SCHEMA.table("zhengce_meta"), ["key", "value"])
        self._insert_page = {}

    def insert_page(self, columns: tuple[str, ...]) -> str:
        """INSERT ... RETURNING id, with or without an explicit id (a replaced page keeps its)."""
        if columns not in self._insert_page:
            self._insert_page[columns] = (self._d.insert(SCHEMA.pages, columns)
                                          + ' RETURNING "id"')
        return self._insert_page[columns]


class _Savepoint:
    """One page's writes: all of them or, on any error, none (the batch goes on)."""

    def __init__(self, store: SQLStore):
        self.store = store

    def __enter__(self):
        self.store.begin()
        self.store._execute("SAVEPOINT page")

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.store._execute("RELEASE SAVEPOINT page")
        else:
            self.store._execute("ROLLBACK TO SAVEPOINT page")
            self.store._execute("RELEASE SAVEPOINT page")
        return False


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)
