"""Batch processing: many pages in, records out to a database or a file, in parallel.

    >>> from zhengce.sources import iter_pages
    >>> for result in zhengce.extract_many(iter_pages(["crawl/"]), workers=4):
    ...     print(result.ref, result.record.title if result.ok else result.error)

    >>> summary = run_batch(["crawl.warc.gz"], "out.db")      # what `zhengce batch` does

Three layers, each usable alone:

* :func:`extract_many` runs ``extract`` over an iterable of Pages in worker processes.  It reads
  ahead only a bounded window of pages, so memory stays flat however long the input; a page
  that overruns ``timeout`` has its worker killed and replaced, so a hung page cannot stall the
  batch; a page that fails, for whatever reason, becomes an error Result.
* :func:`run_batch` feeds pages from :mod:`zhengce.sources` through ``extract_many`` into a store
  from :mod:`zhengce.store`, skipping pages the database already holds, committing in small
  batches (so a killed run loses only its last uncommitted pages, and a rerun does them again).
* :func:`register_cli` adds the ``zhengce batch`` command, a thin layer over ``run_batch``.
"""
from __future__ import annotations

import multiprocessing
import os
try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Callable, Iterable, Iterator

from .record import ExtractionError, PolicyRecord
from .sources import InputNotFound, Page, check_inputs, content_hash, iter_pages
from .store import PageNotStored, StoreError, open_store

DEFAULT_TIMEOUT = 30.0
WINDOW_PER_WORKER = 8     # pages read ahead per worker: enough to keep workers busy, no more
COMMIT_EVERY = 200        # pages per transaction ...
COMMIT_SECONDS = 2.0      # ... or seconds, whichever comes first

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
    return _Scheduler(workers, ordered, timeout, extractor).run(iter(pages))


def _extract_here(page: Page, extractor: Extractor | None) -> Result:
    if page.error:
        return Result.failed(page, page.error)
    record, error = extract_one(extractor or _default_extractor(), page.content, page.url)
    return Result(page.ref, page.url, page.content_hash, record, error)


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


class _Scheduler:
    """Keeps the workers busy from a bounded read-ahead window and hands results out."""

    def __init__(self, workers: int, ordered: bool, timeout, extractor):
        self.workers, self.ordered = workers, ordered
        self.timeout, self.extractor = timeout, extractor
        self.window = workers * WINDOW_PER_WORKER
        self.waiting: deque[tuple[int, Page]] = deque()   # read, not yet sent to a worker
        self.running: dict[int, Page] = {}                # sent to a worker
        self.done: dict[int, Result] = {}                 # finished, not yet handed out
        self.read = self.handed_out = 0                   # sequence numbers
        self.exhausted = False

    def run(self, pages: Iterator[Page]) -> Iterator[Result]:
        with _Pool(self.workers, self.extractor, self.timeout) as pool:
            while True:
                # an idle worker gets a page before anything else happens: reading ahead (a
                # WARC record to inflate) and handing out (the caller's database writes) wait
                self._submit(pool)
                self._read_ahead(pages)
                self._submit(pool)
                yield from self._hand_out()
                if self.exhausted and not self.waiting and not self.running:
                    return
                for seq, record, error, content_hash in pool.collect():
                    page = self.running.pop(seq)
                    self.done[seq] = Result(page.ref, page.url, content_hash or page.content_hash,
                                            record, error)
                for seq, page in reversed(pool.returned):   # to be sent again, first
                    self.running.pop(seq)
                    self.waiting.appendleft((seq, page))
                pool.returned.clear()

    def _submit(self, pool: "_Pool") -> None:
        while self.waiting and pool.has_idle():
            seq, page = self.waiting.popleft()
            pool.submit(seq, page)
            self.running[seq] = page

    def _read_ahead(self, pages: Iterator[Page]) -> None:
        # In order, the window counts from the oldest page not handed out, so results waiting
        # behind a slow page are bounded too.
        while not self.exhausted and self.read - self.handed_out < self.window:
            page = next(pages, None)
            if page is None:
                self.exhausted = True
            elif page.error:  # unreadable at the source: no worker needed
                self.done[self._next_seq()] = Result.failed(page, page.error)
            else:
                self.waiting.append((self._next_seq(), page))

    def _next_seq(self) -> int:
        self.read += 1
        return self.read - 1

    def _hand_out(self) -> Iterator[Result]:
        if self.ordered:
            while self.handed_out in self.done:
                self.handed_out += 1
                yield self.done.pop(self.handed_out - 1)
        else:
            while self.done:
                self.handed_out += 1
                yield self.done.pop(next(iter(self.done)))


class _Worker:
    """One worker process and the pipe to it.  It holds up to PIPELINE pages: the first is the
    one it works on, the others wait in the pipe, so it never sits idle while the parent is
    busy writing to the database."""

    def __init__(self, ctx, extractor):
        task_in, self.tasks = _pipe(ctx)
        self.results, result_out = _pipe(ctx)
        self.process = ctx.Process(target=_worker_main, args=(task_in, result_out, extractor),
                                   daemon=True)
        self.process.start()
        task_in.close()
        result_out.close()  # so that the worker's death shows here as EOF
        self.queue: deque[tuple[int, Page]] = deque()   # sent and not answered, in order
        self.started = 0.0   # when the first page of the queue began, as near as we can tell

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.tasks.send(None)
            except OSError:
                pass
        self.process.join(timeout=None if kill else 2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.tasks.close()
        self.results.close()


def _pipe(ctx):
    """A one-way pipe (reading end, writing end) grown to hold a large page, so that handing a
    worker its next page while it is busy never blocks the parent: a blocked parent stores no
    results and feeds no other worker."""
    reader, writer = ctx.Pipe(duplex=False)
    if hasattr(fcntl, "F_SETPIPE_SZ"):   # Linux
        try:
            fcntl.fcntl(writer.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        except OSError:  # above the system's limit (/proc/sys/fs/pipe-max-size): keep the default
            pass
    return reader, writer


def _worker_main(tasks, results, extractor) -> None:
    """A worker's loop: receive (seq, content, url), send back (seq, record, error, hash)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    extractor = extractor or _default_extractor()
    while True:
        try:
            task = tasks.recv()
        except EOFError:  # the parent is gone
            return
        if task is None:
            return
        seq, content, url = task
        # the content hash too: hashing here spares the parent, the one process all pages cross
        results.send((seq, *extract_one(extractor, content, url), content_hash(content)))


PIPELINE = 2   # pages a worker holds at once (see _Worker)
PIPE_BYTES = 1 << 20   # Linux's default ceiling for a pipe's buffer


class _Pool:
    """Worker processes fed through pipes.  The parent knows which page each worker is on and
    since when, so it can kill a worker that overruns the time limit and replace it; the pages
    that were waiting behind the killed one are handed back (``returned``) to be sent again."""

    def __init__(self, size: int, extractor, timeout: float | None):
        self.ctx = _context()
        self.extractor, self.timeout = extractor, timeout
        self.workers = [_Worker(self.ctx, extractor) for _ in range(size)]
        self.returned: list[tuple[int, Page]] = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        killing = exc[0] is not None  # leaving on an error or an abandoned generator
        for worker in self.workers:
            worker.stop(kill=killing or bool(worker.queue))

    def has_idle(self) -> bool:
        return any(len(w.queue) < PIPELINE for w in self.workers)

    def submit(self, seq: int, page: Page) -> None:
        worker = min(self.workers, key=lambda w: len(w.queue))   # an idle one first
        if not worker.queue:
            worker.started = time.monotonic()
        worker.queue.append((seq, page))
        try:
            worker.tasks.send((seq, page.content, page.url))
        except OSError:
            pass  # the worker is dead: collect() sees the closed pipe and reports the page

    def collect(self) -> list[tuple[int, PolicyRecord | None, str | None, str | None]]:
        """Wait for at least one page to finish or overrun; its (seq, record, error, content
        hash), the hash None where the worker could not send one."""
        busy = [w for w in self.workers if w.queue]
        if not busy:
            return []
        ready = wait([w.results for w in busy], timeout=self._time_left(busy))
        out = []
        for worker in busy:
            if worker.results in ready:
                out.append(self._receive(worker))
            elif self.timeout and time.monotonic() - worker.started > self.timeout:
                seq, _ = worker.queue.popleft()
                out.append((seq, None, f"timed out after {self.timeout:g} s", None))
                self._replace(worker)
        return out

    def _receive(self, worker: _Worker):
        try:
            result = worker.results.recv()
        except (EOFError, OSError):  # the worker died with the page (a crash, the OOM killer)
            seq, _ = worker.queue.popleft()
            self._replace(worker)
            return seq, None, "the worker process died on this page", None
        worker.queue.popleft()
        worker.started = time.monotonic()   # the next page in its pipe starts now
        return result

    def _replace(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        self.returned += worker.queue   # waiting behind the lost page: not their fault
        self.workers[self.workers.index(worker)] = _Worker(self.ctx, self.extractor)

    def _time_left(self, busy: list[_Worker]) -> float | None:
        if not self.timeout:
            return None
        oldest = min(w.started for w in busy)
        return max(0.0, oldest + self.timeout - time.monotonic()) + 0.01


def _context():
    """forkserver where there is one: workers start from a clean process that has imported
    the extractor once (fast to replace, and they inherit no database connection)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["zhengce.pipeline"])
    return ctx


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

    Raises InputNotFound or StoreError (usage errors) before any page is read.
    """
    inputs = list(inputs)
    check_inputs(inputs)
    store = open_store(dest)
    summary, meter = Summary(), _Progress(sys.stderr if progress else None)
    try:
        outputs = (dest, dest + ".errors.jsonl")  # never read our own output as input
        pages = _unstored(iter_pages(inputs, stdin=stdin, exclude=outputs), store, summary)
        results = extract_many(pages, workers, ordered=False, timeout=timeout, extractor=extractor)
        last_commit = time.monotonic()
        for done, result in enumerate(results, start=1):
            store_result(store, result, summary)
            if done % COMMIT_EVERY == 0 or time.monotonic() - last_commit > COMMIT_SECONDS:
                store.commit()
                last_commit = time.monotonic()
            meter.show(summary)
    finally:
        store.close()
        summary.tick()
        meter.clear()
    return summary


def _unstored(pages: Iterator[Page], store, summary: Summary) -> Iterator[Page]:
    """The pages the store does not already hold, as they are (so a rerun or resume is cheap)."""
    for page in pages:
        # a URL the store has never seen needs no hash here: the worker computes it in parallel
        if page.error or (page.url and not store.knows_url(page.url)):
            yield page
        elif store.contains(page.url, page.content_hash):
            summary.pages += 1
            summary.unchanged += 1
        else:
            yield page


def store_result(store, result: Result, summary: Summary) -> None:
    summary.pages += 1
    reason = result.error
    if result.ok:
        try:
            outcome = store.add(result.record.to_dict(), reference=result.ref, url=result.url,
                                content_hash=result.content_hash)
        except PageNotStored as exc:  # e.g. a value the database refuses: this page only
            reason = str(exc)
        else:
            summary.records += outcome != "unchanged"
            summary.updated += outcome == "updated"
            summary.unchanged += outcome == "unchanged"
            return
    summary.errors += 1
    store.add_error(reference=result.ref, url=result.url, reason=reason)


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
