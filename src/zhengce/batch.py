"""Batch processing: many pages in, records out to a database or a file, in parallel.

    >>> from zhengce.sources import iter_pages
    >>> for result in zhengce.extract_many(iter_pages(["crawl/"]), workers=4):
    ...     print(result.ref, result.record.title if result.ok else result.error)

    >>> summary = run_batch(["crawl.warc.gz"], "out.db")      # what `zhengce batch` does

Three layers, each usable alone:

* :func:`extract_many` runs ``extract`` over an iterable of Pages in worker processes
  (:mod:`zhengce.workers`).  It reads ahead only a bounded window of pages, so memory stays flat
  however long the input; a page that overruns ``timeout`` has its worker killed and replaced,
  so a hung page cannot stall the batch; a page that fails, for whatever reason, becomes an
  error Result.
* :func:`run_batch` feeds pages from :mod:`zhengce.sources` into a store from
  :mod:`zhengce.store`.  Into a database, each worker writes the pages it extracts over its own
  connection, a few pages to a transaction, and skips those the database already holds; the
  parent only reads the input and tells the workers what to do, so it does not cap the batch.
  Into a file, the parent writes what extract_many yields.  Either way a killed run loses only
  uncommitted pages, never part of one, and a rerun does them again.
* :func:`register_cli` adds the ``zhengce batch`` command, a thin layer over ``run_batch``.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .record import ExtractionError, PolicyRecord
from .sources import InputNotFound, Page, check_inputs, content_hash, iter_pages
from .store import PageNotStored, StoreError, describe, open_store
from .workers import PIPELINE, Failure, Job, WorkerError, read_task, run_jobs

DEFAULT_TIMEOUT = 30.0
COMMIT_EVERY = 200        # pages per transaction, where one process writes ...
COMMIT_SECONDS = 2.0      # ... or seconds, whichever comes first
WORKER_COMMIT_EVERY = 8   # pages per transaction of a worker writing to a database: short, since
                          # SQLite lets one writer in at a time; long enough to cost little
DATABASES = ("sqlite", "postgresql")

Extractor = Callable[..., PolicyRecord]  # extract(content, *, url=None) -> PolicyRecord


@dataclass(frozen=True)
class Result:
    """What became of one page: a record, or the reason there is none."""
    ref: str
    url: str | None
    content_hash: str | None
    record: PolicyRecord | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @classmethod
    def failed(cls, page: Page, reason: str) -> "Result":
        return cls(page.ref, page.url, None, error=reason)


# --- extract_many ---------------------------------------------------------------------------------

def extract_many(pages: Iterable[Page], workers: int | None = None, ordered: bool = True, *,
                 timeout: float | None = DEFAULT_TIMEOUT,
                 extractor: Extractor | None = None) -> Iterator[Result]:
    """Extract every page in worker processes, yielding one Result per page.

    ``ordered``: in input order (a slow page holds back the ones after it) or as completed.
    ``workers``: processes to use (default ``os.cpu_count()``); 0 extracts in this process,
    without the time limit - for debugging.  ``extractor``: a picklable stand-in for
    ``zhengce.extract`` (tests use it to make a page hang).
    """
    if workers is None:
        workers = os.cpu_count() or 1
    if workers == 0:
        return (_extract_here(page, extractor) for page in pages)
    done = run_jobs(_ExtractJob(extractor), iter(pages), workers, ordered=ordered, timeout=timeout)
    return (_result(page, payload) for page, payload in done)


def _result(page: Page, payload) -> Result:
    if isinstance(payload, Failure):
        return Result.failed(page, payload.reason)
    record, error, hashed = payload
    return Result(page.ref, page.url, hashed, record, error)


def _extract_here(page: Page, extractor: Extractor | None) -> Result:
    return _result(page, Failure(page.error) if page.error else
                   _ExtractJob(extractor).extract((0, page.ref, page.url, page.content, page.path)))


class _ExtractJob(Job):
    """In a worker: extract each page and send its record back at once."""

    def __init__(self, extractor: Extractor | None):
        self.extractor = extractor

    def start(self) -> None:
        self.extractor = self.extractor or _default_extractor()

    def do(self, task: tuple) -> list:
        return [(task[0], self.extract(task))]

    def extract(self, task: tuple) -> tuple:
        """(record, error, content hash) of a task."""
        content, unreadable = read_task(task)
        if unreadable:
            return None, unreadable, None
        # the content hash too: hashing here spares the parent, the one process all pages cross
        return (*extract_one(self.extractor or _default_extractor(), content, task[2]),
                content_hash(content))


def extract_one(extractor: Extractor, content, url) -> tuple[PolicyRecord | None, str | None]:
    """(record, None) or (None, reason): whatever goes wrong in one page stays with that page."""
    try:
        return extractor(content, url=url), None
    except ExtractionError as exc:
        return None, str(exc) or "cannot read the page"
    except Exception as exc:  # a bug on one odd page must not end a crawl of a million
        return None, f"{type(exc).__name__}: {exc}"


def _default_extractor() -> Extractor:
    from .pipeline import extract
    return extract


# --- run_batch ------------------------------------------------------------------------------------

@dataclass
class Summary:
    pages: int = 0
    records: int = 0      # inserted or updated
    updated: int = 0
    unchanged: int = 0    # already stored: skipped, or extracted to the same row
    errors: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.monotonic, repr=False)

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def count(self, outcome: str) -> None:
        """One more page: 'inserted', 'updated', 'unchanged' or 'error'."""
        self.pages += 1
        self.records += outcome in ("inserted", "updated")
        self.updated += outcome == "updated"
        self.unchanged += outcome == "unchanged"
        self.errors += outcome == "error"

    def tick(self) -> None:
        self.seconds = time.monotonic() - self.started

    def __str__(self) -> str:
        return (f"{self.pages} pages: {self.records} records ({self.updated} updated), "
                f"{self.unchanged} unchanged, {self.errors} errors "
                f"in {self.seconds:.1f} s ({self.rate:.1f} pages/s)")


def run_batch(inputs: Iterable[str], dest: str, *, workers: int | None = None,
              timeout: float | None = DEFAULT_TIMEOUT, progress: bool = False,
              extractor: Extractor | None = None, stdin=None) -> Summary:
    """Extract every page of ``inputs`` (paths, folders, globs, ``-``) into ``dest``.

    Raises InputNotFound or StoreError (usage errors) before any page is read; StoreError too
    if the database fails the workers midway.
    """
    inputs = list(inputs)
    check_inputs(inputs)
    if workers is None:
        workers = os.cpu_count() or 1
    store = open_store(dest)
    summary, meter = Summary(), _Progress(sys.stderr if progress else None)
    outputs = (dest, dest + ".errors.jsonl")  # never read our own output as input
    # into a database, workers write (and read page files themselves); into a file, we do
    workers_write = bool(workers) and describe(dest)[0] in DATABASES
    pages = iter_pages(inputs, stdin=stdin, exclude=outputs, defer_files=workers_write)
    try:
        if workers_write:
            _workers_store(pages, dest, store, summary, meter, workers, timeout, extractor)
        else:
            _parent_stores(pages, store, summary, meter, workers, timeout, extractor)
    finally:
        store.close()
        summary.tick()
        meter.clear()
    return summary


def _workers_store(pages, dest, store, summary, meter, workers, timeout, extractor) -> None:
    """Into a database: the workers write; here, only the pages that reach no worker's
    store (unreadable at the source, timed out, lost with a worker) are recorded."""
    job = _StoreJob(dest, extractor, store.version)
    try:
        for page, payload in run_jobs(job, pages, workers, timeout=timeout):
            if isinstance(payload, Failure):
                store.add_error(reference=page.ref, url=page.url, reason=payload.reason)
                store.commit()
                summary.count("error")
            else:
                summary.count(payload)
            meter.show(summary)
    except WorkerError as exc:
        raise StoreError(f"the workers cannot write to the database: {exc}") from exc


def _parent_stores(pages, store, summary, meter, workers, timeout, extractor) -> None:
    """Into a file (or with no workers): this process writes what extract_many yields."""
    results = extract_many(_unstored(pages, store, summary), workers, ordered=False,
                           timeout=timeout, extractor=extractor)
    last_commit = time.monotonic()
    for done, result in enumerate(results, start=1):
        summary.count(store_one(store, result))
        if done % COMMIT_EVERY == 0 or time.monotonic() - last_commit > COMMIT_SECONDS:
            store.commit()
            last_commit = time.monotonic()
        meter.show(summary)


def _unstored(pages: Iterator[Page], store, summary: Summary) -> Iterator[Page]:
    """The pages the store does not already hold, as they are (so a rerun or resume is cheap)."""
    for page in pages:
        # a URL the store has never seen needs no hash here: the worker computes it in parallel
        if page.error or (page.url and not store.knows_url(page.url)):
            yield page
        elif store.contains(page.url, page.content_hash):
            summary.count("unchanged")
        else:
            yield page


class _StoreJob(Job):
    """In a worker: skip a page the database holds already, else extract it; write the records
    over the worker's own connection, WORKER_COMMIT_EVERY pages to a transaction (fewer when
    the parent has nothing more to send), and answer with each page's outcome once committed."""

    depth = WORKER_COMMIT_EVERY + PIPELINE

    def __init__(self, dest: str, extractor: Extractor | None, version: str):
        self.dest, self.extractor, self.version = dest, extractor, version
        self.store = None
        self.held: list[tuple[int, Result]] = []   # extracted, not yet written
        self.answers: list[tuple[int, str]] = []   # (seq, outcome) once the batch is committed

    def start(self) -> None:
        self.extractor = self.extractor or _default_extractor()
        self.store = open_store(self.dest, version=self.version)

    def do(self, task: tuple) -> list:
        seq, ref, url = task[:3]
        content, unreadable = read_task(task)
        hashed = content_hash(content) if unreadable is None else None
        if hashed and self.store.contains(url, hashed):
            self.answers.append((seq, "unchanged"))
        elif unreadable:
            self.held.append((seq, Result(ref, url, None, error=unreadable)))
        else:
            record, error = extract_one(self.extractor, content, url)
            self.held.append((seq, Result(ref, url, hashed, record, error)))
        return self.flush() if len(self.held) >= WORKER_COMMIT_EVERY else []

    def holding(self) -> bool:
        return bool(self.held or self.answers)

    def flush(self) -> list:
        # In key order: two workers' transactions then take the URLs' index locks in the same
        # order, so that on PostgreSQL one waits for the other instead of deadlocking.
        for seq, result in sorted(self.held, key=lambda held: _key(held[1])):
            self.answers.append((seq, store_one(self.store, result)))
        self.store.commit()
        answers, self.held, self.answers = self.answers, [], []
        return answers

    def close(self) -> None:
        if self.store is not None:
            self.store.close(commit=False)   # what is not committed is not stored: a rerun does it


def _key(result: Result) -> tuple[str, str]:
    return result.url or "", result.content_hash or ""


def store_one(store, result: Result) -> str:
    """Write one result, or its failure, into the store: 'inserted', 'updated', 'unchanged'
    or 'error'."""
    reason = result.error
    if result.ok:
        try:
            return store.add(result.record.to_dict(), reference=result.ref, url=result.url,
                             content_hash=result.content_hash)
        except PageNotStored as exc:  # e.g. a value the database refuses: this page only
            reason = str(exc)
    store.add_error(reference=result.ref, url=result.url, reason=reason)
    return "error"


class _Progress:
    """A one-line progress display on a terminal; nothing at all elsewhere."""

    def __init__(self, stream):
        self.stream = stream if stream is not None and stream.isatty() else None
        self.last = 0.0

    def show(self, summary: Summary) -> None:
        now = time.monotonic()
        if self.stream and now - self.last >= 0.2:
            self.last = now
            summary.tick()
            self.stream.write(f"\r{summary.pages} pages  {summary.rate:.1f}/s  "
                              f"{summary.errors} errors ")
            self.stream.flush()

    def clear(self) -> None:
        if self.stream and self.last:
            self.stream.write("\r\033[K")
            self.stream.flush()


# --- the command ----------------------------------------------------------------------------------

def register_cli(subparsers) -> None:
    """Add ``zhengce batch`` to the zhengce command (called by zhengce.cli)."""
    p = subparsers.add_parser(
        "batch", help="extract a whole crawl into a database or file",
        description="Extract pages from files, folders, globs, WARC and JSON Lines files "
                    "(- for standard input) into SQLite, PostgreSQL, JSON Lines, CSV or Parquet. "
                    "Rerunning adds nothing twice; exit status 1 when some pages failed.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="page file, folder, glob, .warc[.gz], .jsonl, or - for standard input")
    p.add_argument("--out", required=True, metavar="DEST",
                   help="out.db, sqlite:///PATH, postgresql://USER@HOST/DB, out.jsonl, out.csv, "
                        "out.parquet, or - (JSON Lines on standard output)")
    p.add_argument("--workers", type=_count, default=None, metavar="N",
                   help="worker processes (default: the number of CPUs)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"time limit per page (default {DEFAULT_TIMEOUT:g}); 0 for none")
    p.set_defaults(func=_cmd_batch)


def _cmd_batch(args) -> int:
    try:
        summary = run_batch(args.inputs, args.out, workers=args.workers,
                            timeout=args.timeout or None, progress=True)
    except (InputNotFound, StoreError) as exc:
        print(f"zhengce batch: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("zhengce batch: interrupted; rerun to resume", file=sys.stderr)
        return 130
    print(f"zhengce batch: {summary}", file=sys.stderr)
    return 1 if summary.errors else 0


def _count(text: str) -> int:
    import argparse

    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value
