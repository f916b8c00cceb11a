"""File outputs: JSON Lines, CSV and Parquet, one row per record.

A row is the pages table of SCHEMA under record key names (``column``, not ``column_name``),
followed by the record's lists: the same fields in every output, and a superset of
``PolicyRecord.to_dict()`` (so ``PolicyRecord.from_dict`` reads a JSON line back).  CSV writes
the lists as JSON.  Failed pages go to DEST + '.errors.jsonl' (standard error for ``-``).

A file output is written afresh on each run: resuming and deduplication are what the databases
are for.
"""
from __future__ import annotations

import csv
import datetime as _dt
import json
import os
import sys

from .schema import SCHEMA, page_values
from .sql import StoreError

STDOUT = "-"


def file_row(record: dict, *, reference: str, url: str | None, content_hash: str,
             version: str) -> dict:
    """One output row: the pages columns under their record keys, then the list fields."""
    url = url or record.get("url")
    values = page_values(record, reference=reference, url=url, content_hash=content_hash,
                         extracted_at=_dt.datetime.now(_dt.timezone.utc), version=version)
    row = {(c.key or c.name): values[c.name] for c in SCHEMA.pages.columns[1:]}
    row.update({t.key: list(record.get(t.key) or ()) for t in SCHEMA.children})
    return row


def row_keys() -> list[str]:
    return ([c.key or c.name for c in SCHEMA.pages.columns[1:]]
            + [t.key for t in SCHEMA.children])


class FileStore:
    """The writer interface of SQLStore, over a file; subclasses say how a row is written."""

    def __init__(self, dest: str, *, version: str):
        self.dest = dest
        self.version = version
        self._errors = None
        if dest != STDOUT and os.path.exists(dest + ".errors.jsonl"):
            os.remove(dest + ".errors.jsonl")  # a stale list from an earlier run would mislead
        try:
            self.open()
        except OSError as exc:
            raise StoreError(f"cannot write {dest}: {exc}") from exc

    def knows_url(self, url) -> bool:
        return False

    def contains(self, url, content_hash) -> bool:
        return False  # files are written afresh: nothing to skip

    def add(self, record: dict, *, reference: str, url: str | None, content_hash: str) -> str:
        self.write(file_row(record, reference=reference, url=url, content_hash=content_hash,
                            version=self.version))
        return "inserted"

    def add_error(self, *, reference: str, url: str | None, reason: str) -> None:
        error = {"reference": reference, "url": url, "reason": reason,
                 "at": _dt.datetime.now(_dt.timezone.utc).isoformat()}
        if self.dest == STDOUT:
            print(f"zhengce: {reference}: {reason}", file=sys.stderr)
            return
        if self._errors is None:
            self._errors = open(self.dest + ".errors.jsonl", "w", encoding="utf-8")
        self._errors.write(json.dumps(error, ensure_ascii=False) + "\n")

    def commit(self) -> None:
        self.flush()
        if self._errors:
            self._errors.flush()

    def close(self) -> None:
        self.commit()
        self.finish()
        if self._errors:
            self._errors.close()

    # subclasses:
    def open(self): ...
    def write(self, row: dict): ...
    def flush(self): ...
    def finish(self): ...


class _TextFileStore(FileStore):
    """A text output: a file, or standard output for '-'."""

    def open(self):
        if self.dest == STDOUT:
            self.out = sys.stdout
        else:
            self.out = open(self.dest, "w", encoding="utf-8", newline="")

    def flush(self):
        self.out.flush()

    def finish(self):
        if self.out is not sys.stdout:
            self.out.close()


class JSONLinesStore(_TextFileStore):
    def write(self, row: dict):
        self.out.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")


class CSVStore(_TextFileStore):
    def open(self):
        super().open()
        self.writer = csv.writer(self.out)
        self.writer.writerow(row_keys())

    def write(self, row: dict):
        self.writer.writerow([_csv_cell(value) for value in row.values()])


class ParquetStore(FileStore):
    """Parquet through pyarrow (the ``parquet`` extra), written a row group at a time."""
    ROW_GROUP = 1000

    def open(self):
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise StoreError("Parquet output needs pyarrow: pip install 'zhengce[parquet]'") from exc
        self.schema = arrow_schema()
        self.writer = pq.ParquetWriter(self.dest, self.schema)
        self.rows = []

    def write(self, row: dict):
        for key in ("publish_date", "issue_date"):  # Arrow wants date objects for date32
            row[key] = _dt.date.fromisoformat(row[key]) if row[key] else None
        self.rows.append(row)
        if len(self.rows) >= self.ROW_GROUP:
            self.flush()

    def flush(self):
        if self.rows:
            import pyarrow as pa
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def finish(self):
        self.writer.close()


def arrow_schema():
    """The Arrow schema of a file row, generated from SCHEMA (lists become list columns)."""
    import pyarrow as pa

    types = {"serial": pa.int64(), "bigint": pa.int64(), "integer": pa.int64(),
             "numeric": pa.float64(), "text": pa.string(), "date": pa.date32(),
             "timestamp": pa.timestamp("us", tz="UTC")}
    fields = [pa.field(c.key or c.name, types[c.type], nullable=c.nullable)
              for c in SCHEMA.pages.columns[1:]]
    for table in SCHEMA.children:
        if table.scalar:
            item = types[table.item_columns[0].type]
        else:
            item = pa.struct([pa.field(c.key, types[c.type]) for c in table.item_columns])
        fields.append(pa.field(table.key, pa.list_(item)))
    return pa.schema(fields)


def _csv_cell(value):
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return _json_default(value) if isinstance(value, _dt.datetime) else value


def _json_default(value):
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
