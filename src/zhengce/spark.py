"""Apache Spark: extract a crawl of any size on a cluster (the ``spark`` extra: pyspark).

    >>> from zhengce.spark import read_warc, extract_df
    >>> pages = read_warc(spark, ["hdfs:///crawl/*.warc.gz"])     # url, html, charset, ref, error
    >>> records = extract_df(pages.repartition(400))               # one row per page
    >>> records.write.parquet("hdfs:///policy/records")

    $ zhengce spark crawl/*.warc.gz --out records.parquet          # the same, as a command
    $ spark-submit --master yarn --py-files zhengce.whl zhengce/spark.py INPUT... --out DEST

How it fits together:

* The Spark schema is generated from :data:`zhengce.store.schema.SCHEMA`, the one definition the
  databases and the Parquet writer use: the pages table's record columns become scalar fields,
  each child table an array (of strings, or of structs for actions, targets and attachments).
* :func:`extract_df` runs ``zhengce.extract`` with ``rdd.mapPartitions``: an executor's Python
  worker imports zhengce once and then streams the rows of a partition through it.  Plain Python
  rows need neither pandas nor Arrow (``mapInPandas`` needs both), and extraction, at a few
  milliseconds a page, costs far more than pickling a row.
* A page that raises becomes a row with ``error`` set and empty fields; the job goes on.  A page
  that runs past ``timeout`` seconds is stopped by SIGALRM (Python code only: a hang inside one C
  call, a regex or the parser, ends when that call returns).
* The readers reuse :mod:`zhengce.sources`, so a WARC record reads exactly as in ``zhengce
  batch`` and a Spark record equals the record ``zhengce.extract`` gives for the same page.
  Local files stream from disk; when there are fewer WARC files than tasks wanted, each is cut
  at record boundaries so that tasks read and extract side by side, with no shuffle.
* The command writes Parquet, or PostgreSQL through :mod:`zhengce.store` (the tables, the
  deduplication and the error rows of ``zhengce batch``).

pyspark is imported inside the functions that need it: ``import zhengce`` never loads it, and
the executors run only the module-level functions below, which need no pyspark at all.
"""
from __future__ import annotations

# Absolute imports: spark-submit runs this file as a script (see the end of the file).
import argparse
import datetime as _dt
import io
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Iterable, Iterator

from zhengce.record import PolicyRecord
from zhengce.sources import (JSONL_EXTENSIONS, PAGE_EXTENSIONS, WARC_EXTENSIONS, InputNotFound,
                             Page, check_inputs, expand)
from zhengce.store import StoreError
from zhengce.store.schema import SCHEMA, iso_date

DEFAULT_TIMEOUT = 30.0  # seconds per page, as in zhengce batch
PAGE_COLUMNS = ("ref", "url", "html", "charset", "error")  # what the readers give
EXTRA_COLUMNS = ("content_hash", "error")                   # what extract_df adds to a record

# Logical types of zhengce.store.schema, as Spark types (the table in that module's docstring).
_SPARK_TYPES = {"serial": "LongType", "bigint": "LongType", "integer": "IntegerType",
                "numeric": "DoubleType", "text": "StringType", "date": "DateType",
                "timestamp": "TimestampType"}


# --- the record's fields, walked out of SCHEMA ----------------------------------------------------

@dataclass(frozen=True)
class Field:
    """One field of a record row: a scalar, a list of scalars, or a list of structs (``items``)."""
    key: str
    type: str                       # the logical type (a list's item type); "struct" for items
    nullable: bool = True
    is_list: bool = False
    items: tuple["Field", ...] = ()


@lru_cache(maxsize=None)  # SCHEMA is constant, and every row is built from this
def record_fields() -> tuple[Field, ...]:
    """The record's fields in SCHEMA's order: pages columns that hold a record key, then one
    list per child table.  Both the Spark schema and the row conversion are built from this."""
    scalars = tuple(Field(c.key, c.type, c.nullable) for c in SCHEMA.pages.columns if c.key)
    lists = []
    for table in SCHEMA.children:
        columns = table.item_columns
        if table.scalar:
            lists.append(Field(table.key, columns[0].type, False, is_list=True))
        else:
            items = tuple(Field(c.key, c.type, c.nullable) for c in columns)
            lists.append(Field(table.key, "struct", False, is_list=True, items=items))
    return scalars + tuple(lists)


# --- Spark types (driver side: needs pyspark) -----------------------------------------------------

def record_schema(*, nullable: bool = False):
    """The Spark StructType of a record: every key of ``PolicyRecord.to_dict()``.

    Nullability is SCHEMA's (kind and body are never null), unless ``nullable`` relaxes it:
    extract_df's error rows have no record at all.
    """
    from pyspark.sql import types as T

    return T.StructType([T.StructField(f.key, _spark_type(f, nullable), f.nullable or nullable)
                         for f in record_fields()])


def output_schema(passthrough=()):
    """extract_df's output: the input's other columns, the record, ``content_hash``, ``error``."""
    from pyspark.sql import types as T

    extra = [T.StructField(name, T.StringType(), True) for name in EXTRA_COLUMNS]
    return T.StructType(list(passthrough) + record_schema(nullable=True).fields + extra)


def page_schema():
    """The readers' output: one row per page."""
    from pyspark.sql import types as T

    types = {"html": T.BinaryType()}
    return T.StructType([T.StructField(name, types.get(name, T.StringType()), True)
                         for name in PAGE_COLUMNS])


def _spark_type(field: Field, nullable: bool = False):
    from pyspark.sql import types as T

    if field.items:
        element = T.StructType([T.StructField(f.key, _spark_type(f), f.nullable or nullable)
                                for f in field.items])
    else:
        element = getattr(T, _SPARK_TYPES[field.type])()
    return T.ArrayType(element, containsNull=False) if field.is_list else element


# --- records to rows and back (executor side: plain Python) ---------------------------------------

def _date(value):
    text = iso_date(value)  # a malformed date becomes null, as in the databases
    return _dt.date.fromisoformat(text) if text else None


# Python values Spark accepts for each logical type (a float field refuses an int, for one).
_TO_SPARK = {"integer": int, "bigint": int, "serial": int, "numeric": float, "text": str,
             "date": _date, "timestamp": lambda v: v}


def _to_spark(field: Field, value):
    if field.is_list:
        return [_to_spark(_item(field), item) for item in value or ()]
    if field.items:
        return tuple(_to_spark(f, value.get(f.key)) for f in field.items)
    return None if value is None else _TO_SPARK[field.type](value)


@lru_cache(maxsize=None)
def _item(field: Field) -> Field:
    """The field of one item of a list field."""
    return Field(field.key, field.type, items=field.items)


def record_row(record: dict) -> tuple:
    """A record dict (``to_dict()``) as a tuple in record_schema() order."""
    return tuple(_to_spark(f, record.get(f.key)) for f in record_fields())


def _empty_row(url: str | None) -> tuple:
    """The record part of an error row: null scalars, empty lists; the page's URL, if it was
    given, stays (it says which page failed)."""
    return tuple([] if f.is_list else url if f.key == "url" else None for f in record_fields())


def row_to_record(row) -> PolicyRecord:
    """A PolicyRecord from a row of extract_df (a Row, or a dict of its fields)."""
    data = row.asDict(recursive=True) if hasattr(row, "asDict") else dict(row)
    for f in record_fields():
        if f.type == "date" and data.get(f.key) is not None:
            data[f.key] = data[f.key].isoformat()
    return PolicyRecord.from_dict(data)


# --- extraction, one partition at a time (executor side) ------------------------------------------

@dataclass(frozen=True)
class _Columns:
    """Where extract_df finds a page in an input row, and which columns it passes through."""
    content: str
    url: str | None
    charset: str | None
    error: str | None
    passthrough: tuple[str, ...]


class _PageTimeout(BaseException):
    """Raised by SIGALRM inside extract.  A BaseException, so that no ``except Exception`` in
    the extraction code can swallow it."""


def _extract_partition(rows: Iterator, columns: _Columns, timeout: float | None) -> Iterator[tuple]:
    """mapPartitions' function: one output tuple per input row, never an exception."""
    from zhengce.pipeline import extract  # once per partition (once per worker, when reused)

    for row in rows:
        values = row.asDict() if hasattr(row, "asDict") else row  # a Row, or a page's dict
        passed = tuple(values[name] for name in columns.passthrough)
        content = values[columns.content]
        if isinstance(content, (bytearray, memoryview)):
            content = bytes(content)  # Spark hands binary columns over as bytearray
        url, charset, error = (values.get(name) if name else None
                               for name in (columns.url, columns.charset, columns.error))
        record = None
        if not error:  # a page the reader could not read keeps the reader's reason
            record, error = _extract_page(extract, content, url, charset, timeout)
        body = record_row(record.to_dict()) if record else _empty_row(url)
        yield passed + body + (_content_hash(content), error)


def _extract_page(extract, content, url, charset, timeout):
    """(record, None), or (None, why there is none)."""
    from zhengce.batch import extract_one  # the same error messages as zhengce batch

    try:
        with _time_limit(timeout):
            return extract_one(partial(extract, charset=charset), content, url)
    except _PageTimeout:
        return None, f"timed out after {timeout:g} s"


@contextmanager
def _time_limit(seconds: float | None):
    """Raise _PageTimeout in this thread after ``seconds``.  Signals reach only the main thread
    (where a PySpark worker runs its task); elsewhere the page runs without a limit."""
    if not seconds or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise _PageTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)  # a reused worker must find it as it was


def _content_hash(content) -> str | None:
    if not isinstance(content, (bytes, str)):
        return None
    return Page(ref="", content=content).content_hash  # the key zhengce batch uses


# --- extract_df (driver side) ---------------------------------------------------------------------

def extract_df(df, content_col: str = "html", url_col: str = "url", *,
               charset_col: str = "charset", error_col: str = "error",
               timeout: float | None = DEFAULT_TIMEOUT):
    """A DataFrame of pages in, a DataFrame of records out: one row per page, in the same
    partitions, with the record's fields, ``content_hash`` and ``error``.

    ``content_col`` holds the page, binary or string.  ``url_col``, ``charset_col`` (an HTTP
    charset hint) and ``error_col`` (a reader's reason the page could not be read) are used
    when present.  Every other input column is passed through (``ref``, a crawl id...), unless
    a record field has its name.  A row whose page fails or overruns ``timeout`` seconds gets
    ``error`` set, null scalars and empty lists.
    """
    names = df.columns
    if content_col not in names:
        raise ValueError(f"no column {content_col!r} in {names}")
    taken = {f.key for f in record_fields()} | set(EXTRA_COLUMNS)
    consumed = {content_col, charset_col, error_col}
    passthrough = [f for f in df.schema.fields if f.name not in taken | consumed]
    columns = _Columns(content_col, _present(url_col, names), _present(charset_col, names),
                       _present(error_col, names), tuple(f.name for f in passthrough))
    return _records(df.sparkSession, df.rdd, columns, passthrough, timeout)


def _records(spark, rdd, columns: _Columns, passthrough, timeout):
    rows = rdd.mapPartitions(partial(_extract_partition, columns=columns, timeout=timeout))
    # verifySchema=False: the rows are built from the same fields as the schema, and checking
    # every value again would cost a pass over each row.
    return spark.createDataFrame(rows, output_schema(passthrough), verifySchema=False)


def _records_of_pages(spark, pages, timeout):
    """extract_df for an RDD of the readers' page tuples.  The command goes this way: a page
    DataFrame would turn every page's bytes into a JVM row and back, some ms a page for nothing."""
    columns = _Columns("html", "url", "charset", "error", passthrough=("ref",))
    return _records(spark, pages.map(_page_dict), columns, [page_schema()["ref"]], timeout)


def _page_dict(row: tuple) -> dict:
    return dict(zip(PAGE_COLUMNS, row))


def _present(name: str | None, names: list[str]) -> str | None:
    return name if name in names else None


# --- readers --------------------------------------------------------------------------------------

def read_warc(spark, paths: str | Iterable[str]):
    """WARC files (plain or gzipped; local paths, globs and folders, or any Hadoop path such as
    hdfs:// or s3a://) as a DataFrame of pages: ref, url, html (binary), charset, error.

    Every file is read as WARC, whatever its name, by zhengce.sources.read_warc.
    """
    return _read(spark, paths, warc_only=True)


def read_pages(spark, paths: str | Iterable[str]):
    """Any mix of WARC files, JSON Lines files and page files, as ``zhengce batch`` reads them
    (chosen by extension), as a DataFrame of pages like read_warc's."""
    return _read(spark, paths, warc_only=False)


def _read(spark, paths, *, warc_only: bool):
    return spark.createDataFrame(_read_rdd(spark, paths, warc_only=warc_only), page_schema(),
                                 verifySchema=False)


def _read_rdd(spark, paths, *, warc_only: bool):
    """An RDD of page tuples (PAGE_COLUMNS) from the files that paths name."""
    paths = [paths] if isinstance(paths, str) else list(paths)
    sc = spark.sparkContext
    local = [p for p in paths if _is_local(p)]
    files = [f for p in local for f in _expand_local(p, warc_only)]
    remote = [p for p in paths if p not in local]
    rdds = []
    if files:
        # Local files stream from disk (constant memory whatever their size): a task per WARC
        # file or piece of one; page files are grouped, a task per page would cost more than it.
        pieces = _pieces(files, warc_only, wanted=2 * sc.defaultParallelism)
        containers = sum(piece.is_container(warc_only) for piece in pieces)
        slices = min(len(pieces), max(sc.defaultParallelism, containers))
        rows = sc.parallelize(pieces, slices).flatMap(partial(_rows_of_local, warc_only=warc_only))
        rdds.append(rows)
    if remote:
        # Hadoop reads the files (any file system it knows); a file comes whole, as bytes
        data = sc.binaryFiles(",".join(remote))
        rdds.append(data.flatMap(partial(_rows_of_remote, warc_only=warc_only)))
    if not rdds:
        return sc.emptyRDD()
    return rdds[0] if len(rdds) == 1 else sc.union(rdds)


def _is_local(path: str) -> bool:
    """A path this machine can open: file://, or no scheme and present here (on a cluster a
    bare path may mean HDFS: then it is not here, and Hadoop reads it)."""
    if path.startswith("file://"):
        return True
    if "://" in path:
        return False
    try:
        check_inputs([path])
    except InputNotFound:
        return False
    return True


def _expand_local(path: str, warc_only: bool) -> list[str]:
    path = path[len("file://"):] if path.startswith("file://") else path
    files = list(expand(path))
    if warc_only and os.path.isdir(path):  # a folder's WARC files, not its other files
        files = [f for f in files if f.lower().endswith(WARC_EXTENSIONS)]
    return files


@dataclass(frozen=True)
class _Piece:
    """A local file to read whole, or a WARC file's records from byte ``start`` to ``end``."""
    path: str
    start: int = 0
    end: int | None = None

    def is_container(self, warc_only: bool) -> bool:
        return warc_only or self.path.lower().endswith(WARC_EXTENSIONS + JSONL_EXTENSIONS)


def _pieces(files: list[str], warc_only: bool, wanted: int) -> list[_Piece]:
    """The files as tasks.  Fewer WARC files than ``wanted`` tasks would leave cores idle (or
    need a shuffle of every page): then each is cut at record boundaries into pieces."""
    warcs = {f for f in files if warc_only or f.lower().endswith(WARC_EXTENSIONS)}
    cuts = -(-wanted // len(warcs)) if warcs and len(warcs) < wanted else 1
    pieces = []
    for path in files:
        pieces += _warc_pieces(path, cuts) if path in warcs and cuts > 1 else [_Piece(path)]
    return pieces


def _warc_pieces(path: str, cuts: int) -> list[_Piece]:
    """Up to ``cuts`` pieces of a WARC file, found by a pass over it here on the driver (it
    inflates the file, some hundred MB a second).  An unreadable file stays whole: the task that
    reads it reports its errors as zhengce batch would."""
    try:
        offsets = _record_offsets(path)
    except Exception:  # warcio raises many kinds on a corrupt file
        return [_Piece(path)]
    starts = offsets[::max(1, -(-len(offsets) // cuts))] or [0]
    starts[0] = 0  # the first piece reads whatever precedes the first record, as batch does
    return [_Piece(path, start, end) for start, end in zip(starts, starts[1:] + [None])]


def _record_offsets(path: str) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        return [records.get_record_offset() for _ in records]


class _Slice:
    """A file seen from ``start`` to ``end`` only (a record boundary, where warcio finds a clean
    end of file); tell() stays the file's, so the pages' references are as in batch."""

    def __init__(self, fh, start: int, end: int | None):
        fh.seek(start)
        self.fh, self.end = fh, end

    def read(self, size: int = -1) -> bytes:
        if self.end is None:
            return self.fh.read(size)
        left = max(0, self.end - self.fh.tell())
        return self.fh.read(left if size is None or size < 0 else min(size, left))

    def tell(self) -> int:
        return self.fh.tell()


def _rows_of_local(piece: _Piece, warc_only: bool) -> Iterator[tuple]:
    try:
        with open(piece.path, "rb") as fh:
            source = _Slice(fh, piece.start, piece.end) if piece.start or piece.end else fh
            yield from map(_page_row, _pages_of(source, piece.path, warc_only))
    except OSError as exc:
        yield _page_row(Page(ref=piece.path, error=f"cannot read: {exc.strerror or exc}"))


def _rows_of_remote(item: tuple[str, bytes], warc_only: bool) -> Iterator[tuple]:
    path, data = item
    wanted = PAGE_EXTENSIONS + WARC_EXTENSIONS + JSONL_EXTENSIONS
    if warc_only or path.lower().endswith(wanted):  # skip _SUCCESS, .crc and the like
        yield from map(_page_row, _pages_of(io.BytesIO(data), path, warc_only))


def _pages_of(fh, path: str, warc_only: bool) -> Iterator[Page]:
    """The pages of one open file, read as zhengce.sources.read_path reads it."""
    from zhengce import sources

    lower = path.lower()
    if warc_only or lower.endswith(WARC_EXTENSIONS):
        return sources.read_warc(fh, ref=path)
    if lower.endswith(JSONL_EXTENSIONS):
        return sources.read_jsonl(fh, ref=path)
    return iter([Page(ref=path, content=fh.read())])


def _page_row(page: Page) -> tuple:
    """(ref, url, html, charset, error).  A page the reader decoded (an HTTP charset that
    decodes cleanly, a JSON line) goes as UTF-8 with charset 'utf-8', which extract() reads
    back to the same text; raw bytes go with no hint, so extract() sniffs them as in batch."""
    content, charset = page.content, None
    if isinstance(content, str):
        content, charset = content.encode("utf-8"), "utf-8"
    return (page.ref, page.url, None if page.error else content, charset, page.error)


# --- the command ----------------------------------------------------------------------------------

def register_cli(subparsers) -> None:
    """Add ``zhengce spark`` to the zhengce command."""
    p = subparsers.add_parser(
        "spark", help="extract a crawl on Apache Spark into Parquet",
        description="Extract pages from WARC, JSON Lines and page files (local paths, globs, "
                    "folders, or hdfs://, s3a://... paths) on Spark, and write one row per page "
                    "to Parquet, failed pages included (their 'error' is set).  Exit status 1 "
                    "when some pages failed.")
    _add_arguments(p)
    p.set_defaults(func=run_command)


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".warc[.gz], .jsonl or page file, folder or glob; any Hadoop path")
    p.add_argument("--out", required=True, metavar="DEST",
                   help="the Parquet dataset to write (a folder; any Hadoop path), or "
                        "postgresql://USER@HOST/DB (the tables of zhengce batch)")
    p.add_argument("--overwrite", action="store_true", help="replace a Parquet DEST if it exists")
    p.add_argument("--master", default=None,
                   help="Spark master, e.g. local[4] (default: spark-submit's, else local[*])")
    p.add_argument("--partitions", type=int, default=None, metavar="N",
                   help="shuffle the pages into N partitions before extracting (default: "
                        "only when the inputs give fewer partitions than cores; 0: never)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"time limit per page (default {DEFAULT_TIMEOUT:g}); 0 for none")


def run_command(args) -> int:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("zhengce spark: error: needs pyspark: pip install 'zhengce[spark]'", file=sys.stderr)
        return 2
    started = time.monotonic()
    owned = SparkSession.getActiveSession() is None  # stop only a session we started
    spark = _session(args.master)
    try:
        if spark.sparkContext.master.startswith("local"):  # every input must be on this machine
            check_inputs([name for name in args.inputs if "://" not in name])
        pages = _spread(_read_rdd(spark, args.inputs, warc_only=False), args.partitions)
        records = _records_of_pages(spark, pages, timeout=args.timeout or None)
        if _is_database(args.out):
            summary = write_store(records, args.out)
        else:
            records.write.mode("overwrite" if args.overwrite else "errorifexists").parquet(args.out)
            summary = _parquet_summary(spark, args.out)
    except (InputNotFound, StoreError) as exc:
        print(f"zhengce spark: error: {exc}", file=sys.stderr)
        return 2
    finally:
        if owned:
            spark.stop()
    summary.seconds = time.monotonic() - started
    print(f"zhengce spark: {summary}", file=sys.stderr)
    return 1 if summary.errors else 0


def _session(master: str | None):
    from pyspark.sql import SparkSession

    if "PYSPARK_GATEWAY_PORT" not in os.environ and (master or "local").startswith("local"):
        # We start Spark ourselves, in local mode: the workers must run this Python (the one
        # zhengce is installed in), not whatever 'python3' is first on PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("zhengce")
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def _spread(pages, wanted: int | None):
    """Repartition the pages when asked to, or when the readers made fewer partitions than
    there are cores (a few large remote files: Hadoop hands each to a single task)."""
    if wanted == 0:
        return pages
    cores = pages.context.defaultParallelism
    if wanted is None and pages.getNumPartitions() >= cores:
        return pages  # no shuffle: each task reads its pages and extracts them as they come
    return pages.repartition(wanted or 2 * cores)


def _parquet_summary(spark, dest: str):
    """What the written dataset holds: read back, it costs a scan of one column."""
    from pyspark.sql import functions as F

    from zhengce.batch import Summary

    total, errors = spark.read.parquet(dest).agg(F.count(F.lit(1)), F.count("error")).first()
    return Summary(pages=total, records=total - errors, errors=errors)


# --- into a zhengce database ----------------------------------------------------------------------

def _is_database(dest: str) -> bool:
    return dest.lower().startswith(("postgresql://", "postgres://"))


def write_store(records, dest: str):
    """Store extract_df's rows (with a ``ref`` column) into a PostgreSQL database with the
    tables of zhengce.store, as zhengce batch stores them: a page already there by URL or content
    hash is updated or left alone, a failed page goes to ``errors``.  Each task writes its own
    partition over its own connection.  Returns a zhengce.batch.Summary of the whole."""
    from zhengce.batch import Summary
    from zhengce.store import open_store

    open_store(dest).close()  # create the tables once, here, before the tasks race to
    parts = records.rdd.mapPartitions(partial(_store_partition, dest=dest)).collect()
    total = Summary()
    for part in parts:
        for name in ("pages", "records", "updated", "unchanged", "errors"):
            setattr(total, name, getattr(total, name) + getattr(part, name))
    return total


def _store_partition(rows: Iterator, dest: str) -> Iterator:
    """Executor side: one store for the partition, committed every COMMIT_EVERY pages, as in
    zhengce batch (whose store_one turns a record, or its failure, into rows).  Each batch is
    written in URL order, as batch's workers do, so that two tasks writing the same URLs wait
    for each other instead of deadlocking."""
    from zhengce.batch import COMMIT_EVERY, Result, Summary, store_one
    from zhengce.store import open_store

    store, summary = open_store(dest), Summary()
    try:
        for chunk in _chunks(rows, COMMIT_EVERY):
            for row in sorted(chunk, key=lambda row: (row.url or "", row.content_hash or "")):
                record = None if row.error else row_to_record(row)
                summary.count(store_one(store, Result(row.ref, row.url, row.content_hash,
                                                      record, row.error)))
            store.commit()
    finally:
        store.close()
    yield summary


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def main(argv=None) -> int:
    """``python -m zhengce.spark`` and ``spark-submit .../zhengce/spark.py``: the command."""
    parser = argparse.ArgumentParser(prog="zhengce spark",
                                     description="Extract a crawl on Apache Spark into Parquet.")
    _add_arguments(parser)
    return run_command(parser.parse_args(argv))


if __name__ == "__main__":
    # Run the installed module, not this file as __main__: functions shipped to the executors
    # must be pickled by reference to zhengce.spark.
    from zhengce.spark import main as _main
    sys.exit(_main())
