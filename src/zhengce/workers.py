"""Worker processes for the batch: pages go out through pipes, short replies come back.

What a worker does with a page is a :class:`Job`: extract it and send the record back
(``zhengce.extract_many``), or extract it and write it to the database itself (``zhengce batch``
into SQLite or PostgreSQL, so that the parent only reads the input).  :func:`run_jobs` keeps the
workers busy from a bounded read-ahead window and yields ``(page, payload)`` per page, the
payload being what the job replied or a :class:`Failure`.

Each worker publishes the page it is working on, and since when, in a small shared array, so the
parent can kill a worker that overruns the time limit without hearing from it per page.  Pages
a killed or crashed worker held but had not answered for go to its replacement; the page it was
working on becomes a Failure.
"""
from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from multiprocessing.connection import wait
from typing import Iterator, NamedTuple

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

from .sources import Page

PIPELINE = 2           # pages a worker holds beyond those it must gather before it answers
PIPE_BYTES = 1 << 20   # Linux's default ceiling for a pipe's buffer
WINDOW_PER_WORKER = 8  # pages read ahead per worker, at least: enough to keep it busy, no more
POLL_SECONDS = 0.5     # how often the parent looks at the workers' pages when nothing arrives
DEATHS_WITHOUT_PROGRESS = 3


class Failure(NamedTuple):
    """A page that got no reply from its job: unreadable at the source, timed out, or lost with
    its worker."""
    reason: str


class WorkerError(RuntimeError):
    """A job cannot go on in any worker (its database went away): the batch must stop."""


class Job:
    """What a worker does with its pages.  Built in the parent, pickled to each worker, where
    ``start`` runs once.  ``do`` takes one task, ``(seq, ref, url, content, path)``, and returns
    the replies it is ready to send, ``[(seq, payload), ...]``, possibly none yet: a job may hold
    pages (``holding``) until ``flush``, which the worker calls when no task is waiting."""

    depth = 1 + PIPELINE   # pages a worker may hold unanswered

    def start(self) -> None:
        pass

    def do(self, task: tuple) -> list:
        raise NotImplementedError

    def holding(self) -> bool:
        return False

    def flush(self) -> list:
        return []

    def close(self) -> None:
        pass


def read_task(task: tuple) -> tuple[bytes | str | None, str | None]:
    """(content, None) of a task, reading the file where the parent sent only its path; or
    (None, reason) when it cannot be read."""
    content, path = task[3], task[4]
    if path is None:
        return content, None
    try:
        with open(path, "rb") as fh:
            return fh.read(), None
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"


# --- the parent's side ----------------------------------------------------------------------------

def run_jobs(job: Job, pages: Iterator[Page], workers: int, *, ordered: bool = False,
             timeout: float | None = None) -> Iterator[tuple[Page, object]]:
    """``(page, payload)`` for every page, in input order or as completed."""
    return _Scheduler(job, workers, ordered, timeout).run(pages)


class _Scheduler:
    """Keeps the workers busy from a bounded read-ahead window and hands results out."""

    def __init__(self, job: Job, workers: int, ordered: bool, timeout: float | None):
        self.job, self.workers, self.ordered, self.timeout = job, workers, ordered, timeout
        self.window = workers * max(WINDOW_PER_WORKER, job.depth + PIPELINE)
        self.waiting: deque[tuple[int, Page]] = deque()   # read, not yet sent to a worker
        self.running: dict[int, Page] = {}                # sent to a worker
        self.done: dict[int, tuple[Page, object]] = {}   # finished, not yet handed out
        self.read = self.handed_out = 0                   # sequence numbers
        self.exhausted = False

    def run(self, pages: Iterator[Page]) -> Iterator[tuple[Page, object]]:
        with _Pool(self.workers, self.job, self.timeout) as pool:
            while True:
                # an idle worker gets a page before anything else happens: reading ahead (a
                # WARC record to inflate) and handing out (the caller's writes) wait
                self._submit(pool)
                self._read_ahead(pages)
                self._submit(pool)
                yield from self._hand_out()
                if self.exhausted and not self.waiting and not self.running:
                    return
                for seq, payload in pool.collect():
                    self.done[seq] = (self.running.pop(seq), payload)
                for seq in pool.returned:   # to be sent again, first
                    self.waiting.appendleft((seq, self.running.pop(seq)))
                pool.returned.clear()

    def _submit(self, pool: "_Pool") -> None:
        while self.waiting and pool.has_room():
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
                self.done[self._next_seq()] = (page, Failure(page.error))
            else:
                self.waiting.append((self._next_seq(), page))

    def _next_seq(self) -> int:
        self.read += 1
        return self.read - 1

    def _hand_out(self) -> Iterator[tuple[Page, object]]:
        if self.ordered:
            while self.handed_out in self.done:
                self.handed_out += 1
                yield self.done.pop(self.handed_out - 1)
        else:
            while self.done:
                self.handed_out += 1
                yield self.done.pop(next(iter(self.done)))


class _Worker:
    """One worker process, the pipes to it, and the pages it holds unanswered."""

    def __init__(self, ctx, job: Job):
        task_in, self.tasks = _pipe(ctx)
        self.results, result_out = _pipe(ctx)
        self.slot = ctx.RawArray("d", 2)   # (seq of the page in work or -1, since when)
        self.slot[0] = -1.0
        self.process = ctx.Process(target=_worker_main, daemon=True,
                                   args=(task_in, result_out, job, self.slot))
        self.process.start()
        task_in.close()
        result_out.close()  # so that the worker's death shows here as EOF
        self.queue: dict[int, None] = {}   # seqs sent and not answered, in order

    def current(self) -> tuple[int, float] | None:
        """(seq, start time) of the page the worker is in, or None between pages."""
        seq, since = self.slot[0], self.slot[1]
        if seq < 0 or self.slot[0] != seq:   # between pages, or it moved on while we looked
            return None
        return int(seq), since

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.tasks.send(None)
            except OSError:
                pass
        self.process.join(timeout=None if kill else 30)   # it may have a last batch to write
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.tasks.close()
        self.results.close()


def _pipe(ctx):
    """A one-way pipe (reading end, writing end) grown to hold a large page, so that handing a
    worker its next page while it is busy never blocks the parent: a blocked parent feeds no
    other worker."""
    reader, writer = ctx.Pipe(duplex=False)
    if hasattr(fcntl, "F_SETPIPE_SZ"):   # Linux
        try:
            fcntl.fcntl(writer.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        except OSError:  # above the system's limit (/proc/sys/fs/pipe-max-size): keep the default
            pass
    return reader, writer


class _Pool:
    """Worker processes fed through pipes.  A worker that overruns the time limit on a page, or
    dies, is replaced; the pages it held are handed back (``returned``) to be sent again."""

    def __init__(self, size: int, job: Job, timeout: float | None):
        self.ctx = _context()
        self.job, self.timeout = job, timeout
        self.workers = [_Worker(self.ctx, job) for _ in range(size)]
        self.returned: list[int] = []
        self.deaths = 0   # workers lost in a row with no page to blame and no reply between

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        killing = exc[0] is not None  # leaving on an error or an abandoned generator
        for worker in self.workers:
            worker.stop(kill=killing)

    def has_room(self) -> bool:
        return any(len(w.queue) < self.job.depth for w in self.workers)

    def submit(self, seq: int, page: Page) -> None:
        worker = min(self.workers, key=lambda w: len(w.queue))   # the least loaded
        worker.queue[seq] = None
        try:
            worker.tasks.send((seq, page.ref, page.url, page.content, page.path))
        except OSError:
            pass  # the worker is dead: collect() sees the closed pipe and deals with its pages

    def collect(self) -> list[tuple[int, object]]:
        """Wait for replies, a worker's death or a page overrunning its time; (seq, payload)
        for each page settled."""
        busy = [w for w in self.workers if w.queue]
        if not busy:
            return []
        ready = wait([w.results for w in busy], timeout=self._wait_time(busy))
        out = []
        for worker in busy:
            if worker.results in ready:
                out += self._receive(worker)
            else:
                current = worker.current()
                if current and self.timeout and time.monotonic() - current[1] > self.timeout:
                    out += self._lose(worker, current[0], f"timed out after {self.timeout:g} s")
        return out

    def _receive(self, worker: _Worker) -> list[tuple[int, object]]:
        try:
            replies = worker.results.recv()
        except (EOFError, OSError):  # the worker died (a crash, the OOM killer, kill -9)
            current = worker.current()
            if current is None:
                self.deaths += 1
                if self.deaths >= DEATHS_WITHOUT_PROGRESS:
                    raise WorkerError("worker processes keep dying between pages")
                return self._lose(worker, None, "")
            return self._lose(worker, current[0], "the worker process died on this page")
        if isinstance(replies, str):   # the job cannot go on at all
            raise WorkerError(replies)
        self.deaths = 0
        for seq, _ in replies:
            del worker.queue[seq]
        return replies

    def _lose(self, worker: _Worker, seq: int | None, reason: str) -> list[tuple[int, object]]:
        """Replace a worker; its page ``seq`` fails, the others it held are sent again."""
        worker.stop(kill=True)
        lost = [(seq, Failure(reason))] if seq in worker.queue else []
        self.returned += [s for s in worker.queue if s != seq]
        self.workers[self.workers.index(worker)] = _Worker(self.ctx, self.job)
        return lost

    def _wait_time(self, busy: list[_Worker]) -> float | None:
        """Until the first page in work would overrun; a worker between pages is looked at
        again after POLL_SECONDS, since it starts its next page without telling us."""
        if not self.timeout:
            return None
        now, wait_for = time.monotonic(), POLL_SECONDS
        for worker in busy:
            current = worker.current()
            if current:
                wait_for = min(wait_for, current[1] + self.timeout - now)
        return max(0.0, wait_for) + 0.01


def _context():
    """forkserver where there is one: workers start from a clean process that has imported
    the extractor once (fast to replace, and they inherit no database connection)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["zhengce.pipeline"])
    return ctx


# --- the worker's side ----------------------------------------------------------------------------

def _worker_main(tasks, results, job: Job, slot) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        job.start()
        _serve(tasks, results, job, slot)
    except Exception as exc:  # the job cannot go on (its database is gone): say so and stop
        _send(results, f"{type(exc).__name__}: {exc}")
    finally:
        job.close()


def _serve(tasks, results, job: Job, slot) -> None:
    while True:
        if job.holding() and not tasks.poll():
            _send(results, job.flush())   # nothing waiting: hand in what is done, then wait
        try:
            task = tasks.recv()
        except EOFError:  # the parent is gone
            task = None
        if task is None:
            if job.holding():
                _send(results, job.flush())
            return
        slot[1] = time.monotonic()
        slot[0] = task[0]
        replies = job.do(task)
        slot[0] = -1.0
        if replies:
            _send(results, replies)


def _send(results, message) -> None:
    try:
        results.send(message)
    except OSError:  # the parent is gone: what the job stored stays stored
        pass

