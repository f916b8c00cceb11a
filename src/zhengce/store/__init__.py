"""Where records go: SQLite, PostgreSQL, JSON Lines, CSV or Parquet, chosen by the destination.

    >>> from zhengce.store import open_store, SCHEMA
    >>> store = open_store("out.db")            # or sqlite:///out.db, postgresql://u@h/db,
    >>> store.add(record.to_dict(), reference="page.html", url=None, content_hash="...")
    >>> store.commit(); store.close()           #    out.jsonl, out.csv, out.parquet, -

Every store has the same writer interface: ``knows_url(url)``, ``contains(url, content_hash)``,
``add(record, *, reference, url, content_hash)``, ``add_error(*, reference, url, reason)``,
``commit()`` and ``close()``.  :data:`SCHEMA` (see :mod:`zhengce.store.schema`) defines the tables once for all.
"""
from __future__ import annotations

from .schema import SCHEMA, SCHEMA_VERSION, TYPES, Column, Index, Schema, Table
from .sql import PageNotStored, SchemaMismatch, StoreError

__all__ = ["SCHEMA", "SCHEMA_VERSION", "TYPES", "Column", "Index", "Schema", "Table",
           "StoreError", "SchemaMismatch", "PageNotStored", "open_store", "describe"]

_SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def open_store(dest: str, *, version: str | None = None):
    """The store for a destination, created (with its schema) if new.

    Raises StoreError for a destination it cannot tell or open, SchemaMismatch for a database
    of another schema version.
    """
    from .. import __version__

    version = version or __version__
    kind, target = describe(dest)
    if kind == "postgresql":
        from .postgres import PostgresStore
        return PostgresStore(target, version=version)
    if kind == "sqlite":
        from .sqlite import SQLiteStore
        return SQLiteStore(target, version=version)
    from . import files
    cls = {"jsonl": files.JSONLinesStore, "csv": files.CSVStore, "parquet": files.ParquetStore}
    return cls[kind](target, version=version)


def describe(dest: str) -> tuple[str, str]:
    """(kind, target) for a destination: kind is sqlite, postgresql, jsonl, csv or parquet."""
    lower = dest.lower()
    if lower.startswith(("postgresql://", "postgres://")):
        return "postgresql", dest
    if lower.startswith("sqlite:///"):  # SQLAlchemy's form: sqlite:///rel.db, sqlite:////abs.db
        return "sqlite", dest[len("sqlite:///"):]
    if dest == "-" or lower.endswith(".jsonl"):
        return "jsonl", dest
    for suffix, kind in ((".csv", "csv"), (".parquet", "parquet")):
        if lower.endswith(suffix):
            return kind, dest
    if lower.endswith(_SQLITE_SUFFIXES):
        return "sqlite", dest
    raise StoreError(f"cannot tell what kind of output {dest!r} is: use a .db, .jsonl, .csv or "
                     ".parquet file, sqlite:///PATH, postgresql://USER@HOST/DB or - (stdout)")
