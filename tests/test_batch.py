"""zhengce.batch: extract_many, run_batch and the `zhengce batch` command."""
from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import time

import pytest

import batch_helpers as h
from zhengce.batch import Summary, _Progress, extract_many, run_batch
from zhengce.sources import Page


def stub_pages(n: int, **marks) -> list[Page]:
    pages = [Page(f"p{i}", f"http://a.gov.cn/{i}", h.html_page(i)) for i in range(n)]
    for index, text in marks.items():
        pages[int(index[1:])] = Page(index, None, f"<title>{text}</title>")
    return pages


def db_counts(path) -> dict:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in ("pages", "issuers", "targets", "errors")}


# --- extract_many ---

def test_extract_many_in_order_and_as_completed():
    pages = stub_pages(40)
    pages[3] = Page("p3", None, error="bad JSON line: x")   # unreadable at the source
    ordered = list(extract_many(pages, workers=2, extractor=h.stub_extract))
    assert [r.ref for r in ordered] == [p.ref for p in pages]
    assert ordered[3].error == "bad JSON line: x" and ordered[3].record is None
    assert ordered[5].record.title == "关于印发第5号实施方案的通知" and ordered[5].ok
    assert ordered[5].record.url == "http://a.gov.cn/5"
    completed = list(extract_many(pages, workers=2, ordered=False, extractor=h.stub_extract))
    assert sorted(r.ref for r in completed) == sorted(p.ref for p in pages)


def test_extract_many_in_process():
    results = list(extract_many(stub_pages(3), workers=0, extractor=h.stub_extract))
    assert [r.record.title for r in results] == [f"关于印发第{i}号实施方案的通知" for i in range(3)]


def test_hung_page_is_killed_and_the_batch_goes_on():
    pages = stub_pages(30, p4=h.HANG_MARK)
    started = time.monotonic()
    results = list(extract_many(pages, workers=2, timeout=1.5, extractor=h.hanging_extract))
    assert time.monotonic() - started < 15
    failed = {r.ref: r.error for r in results if not r.ok}
    assert failed == {"p4": "timed out after 1.5 s"}
    assert len(results) == 30


def test_pages_waiting_behind_a_hung_page_are_not_lost():
    # a worker holds its next page while it works: when it is killed, that page goes to the new one
    pages = stub_pages(5, p1=h.HANG_MARK)
    results = list(extract_many(pages, workers=1, timeout=1.0, extractor=h.hanging_extract))
    assert {r.ref: r.ok for r in results} == {"p0": True, "p1": False, "p2": True, "p3": True,
                                             "p4": True}


def test_crashed_worker_is_replaced():
    pages = stub_pages(20, p2=h.CRASH_MARK, p9=h.CRASH_MARK)
    results = list(extract_many(pages, workers=2, extractor=h.crashing_extract))
    failed = {r.ref for r in results if not r.ok}
    assert failed == {"p2", "p9"} and len(results) == 20


def test_extraction_errors_are_results():
    pages = [Page("bin", None, b"\x00\x01garbage\x00"), Page("ok", None, h.html_page(1))]
    results = list(extract_many(pages, workers=1, extractor=h.stub_extract))
    assert results[0].error == "binary data, not a page" and results[1].ok


def test_read_ahead_is_bounded():
    """Memory stays flat: extract_many never pulls far ahead of the results handed out."""
    pulled = 0

    def endless():
        nonlocal pulled
        for i in range(2000):
            pulled += 1
            yield Page(f"p{i}", None, h.html_page(i))

    for handed_out, _ in enumerate(extract_many(endless(), workers=2, ordered=False,
                                                extractor=h.stub_extract), start=1):
        assert pulled - handed_out <= 2 * 8 + 1
    assert pulled == 2000


# --- run_batch and the command ---

def test_every_input_form_into_sqlite(tmp_path):
    pages = h.corpus(40)
    gbk = next(f for f in h.fixture_files() if f.name == "table_layout_gbk.html")
    pages[10] = ("http://www.example.gov.cn/p/gbk.html", gbk.read_bytes())  # into the gzipped WARC
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for i, (url, data) in enumerate(pages[:10]):
        (src / "sub" / f"{i}.html").write_bytes(data)
    h.write_warc(src / "a.warc.gz", [(u, d, "text/html; charset=" + ("gbk" if _gbk(d) else "utf-8"))
                                     for u, d in pages[10:20]])
    h.write_warc(tmp_path / "b.warc", [(u, d, "text/html") for u, d in pages[20:30]], gzip=False)
    h.write_jsonl(tmp_path / "c.jsonl", pages[30:40])
    dest = tmp_path / "out.db"
    summary = run_batch([str(src), str(tmp_path / "b.*"), str(tmp_path / "c.jsonl")], str(dest),
                        workers=2)
    assert (summary.pages, summary.records, summary.errors) == (40, 40, 0)
    with sqlite3.connect(dest) as conn:
        urls = {u for (u,) in conn.execute("SELECT url FROM pages WHERE url IS NOT NULL")}
        assert {u for u, _ in pages[10:40]} <= urls
        assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 40
        titles = {t for (t,) in conn.execute("SELECT title FROM pages")}
    assert "宁禾市人民政府办公室关于进一步加强冬春季节安全生产工作的通知" in titles  # the GBK page


def _gbk(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return False
    except UnicodeDecodeError:
        return True


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_file_outputs(tmp_path, fmt):
    h.write_jsonl(tmp_path / "in.jsonl", h.corpus(12))
    with open(tmp_path / "in.jsonl", "a", encoding="utf-8") as fh:
        fh.write("{broken\n")
    dest = tmp_path / f"out.{fmt}"
    summary = run_batch([str(tmp_path / "in.jsonl")], str(dest), workers=2)
    assert (summary.records, summary.errors) == (12, 1)
    errors = [json.loads(line) for line in open(f"{dest}.errors.jsonl", encoding="utf-8")]
    assert errors[0]["reference"].endswith("in.jsonl#13")
    if fmt == "jsonl":
        assert len(dest.read_text(encoding="utf-8").splitlines()) == 12
    elif fmt == "csv":
        assert len(dest.read_text(encoding="utf-8").splitlines()) >= 13
    else:
        assert pytest.importorskip("pyarrow.parquet").read_table(dest).num_rows == 12


def test_rerun_adds_nothing_and_a_changed_page_replaces_its_row(tmp_path):
    pages = h.corpus(30)
    h.write_jsonl(tmp_path / "in.jsonl", pages)
    dest = str(tmp_path / "out.db")
    first = run_batch([str(tmp_path / "in.jsonl")], dest, workers=2)
    before = h.snapshot(dest)
    again = run_batch([str(tmp_path / "in.jsonl")], dest, workers=2)
    assert (first.records, again.records, again.unchanged) == (30, 0, 30)
    assert h.snapshot(dest) == before

    url = pages[0][0]
    changed = [(url, h.html_page(0, title="关于废止第0号实施方案的决定").encode())] + pages[1:]
    h.write_jsonl(tmp_path / "in.jsonl", changed)
    third = run_batch([str(tmp_path / "in.jsonl")], dest, workers=2)
    assert (third.records, third.updated, third.unchanged) == (1, 1, 29)
    with sqlite3.connect(dest) as conn:
        assert conn.execute("SELECT title FROM pages WHERE url = ?", (url,)).fetchall() == [
            ("关于废止第0号实施方案的决定",)]
        assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 30
        assert h.orphans(conn) == 0


def test_timeout_through_run_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"{i}.html").write_text(h.html_page(i), encoding="utf-8")
    (src / "hang.html").write_text(f"<title>{h.HANG_MARK}</title>", encoding="utf-8")
    dest = tmp_path / "out.db"
    summary = run_batch([str(src)], str(dest), workers=2, timeout=1, extractor=h.hanging_extract)
    assert (summary.records, summary.errors) == (6, 1)
    with sqlite3.connect(dest) as conn:
        assert conn.execute("SELECT reference, reason FROM errors").fetchall() == [
            (str(src / "hang.html"), "timed out after 1 s")]


def test_command_exit_status_and_errors(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i, (url, data) in enumerate(h.corpus(5)):
        (src / f"{i}.html").write_bytes(data)
    dest = tmp_path / "out.db"
    ok = subprocess.run(h.zhengce_command("batch", str(src), "--out", str(dest), "--workers", "2"),
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == "" and ok.stderr.startswith("zhengce batch: 5 pages: 5 records")

    (src / "garbage.html").write_bytes(os.urandom(3000) + b"\x00" * 100)
    failed = subprocess.run(h.zhengce_command("batch", str(src), "--out", str(dest)),
                            capture_output=True, text=True, timeout=120)
    assert failed.returncode == 1 and "1 errors" in failed.stderr
    assert db_counts(dest)["errors"] == 1 and db_counts(dest)["pages"] == 5

    for argv in (["batch", str(tmp_path / "missing"), "--out", str(dest)],
                 ["batch", str(src), "--out", str(tmp_path / "out.xlsx")],
                 ["batch", str(src)]):
        usage = subprocess.run(h.zhengce_command(*argv), capture_output=True, text=True, timeout=60)
        assert usage.returncode == 2, (argv, usage.stderr)


def test_command_reads_stdin_and_writes_stdout(tmp_path):
    h.write_warc(tmp_path / "in.warc.gz", [(u, d, "text/html") for u, d in h.corpus(3)])
    done = subprocess.run(h.zhengce_command("batch", "-", "--out", "-", "--workers", "1"),
                          input=(tmp_path / "in.warc.gz").read_bytes(), capture_output=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert sorted(r["url"] for r in rows) == sorted(u for u, _ in h.corpus(3))
    assert all(r["reference"].startswith("<stdin>@") for r in rows)


def _batch_stopped_midway(tmp_path, pages: int, stderr=subprocess.DEVNULL):
    """Start `zhengce batch` on a WARC of ``pages`` pages, with 2 workers; return once it has
    committed a first batch: (process, its argv, the database, a complete reference run's)."""
    h.write_warc(tmp_path / "crawl.warc.gz", [(u, d, "text/html") for u, d in h.corpus(pages)])
    crawl = str(tmp_path / "crawl.warc.gz")
    reference, dest = tmp_path / "reference.db", tmp_path / "out.db"
    run_batch([crawl], str(reference), workers=2)
    argv = h.zhengce_command("batch", crawl, "--out", str(dest), "--workers", "2")
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=stderr, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _stored(dest) == 0:   # wait for a first commit
        time.sleep(0.01)
    return proc, argv, dest, reference


NEEDS_PROC = pytest.mark.skipif(not os.path.isdir("/proc"), reason="finds the workers in /proc")


@NEEDS_PROC
def test_kill_9_then_resume_stores_every_page_exactly_once(tmp_path):
    proc, argv, dest, reference = _batch_stopped_midway(tmp_path, 600)
    workers = [pid for level in h.descendants(proc.pid) for pid in level]
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    h.wait_gone(workers)   # they notice their parent is gone and end, committing what they held
    with sqlite3.connect(dest) as conn:  # what a kill leaves is whole: no page without children
        stored = conn.execute("SELECT count(*) FROM pages").fetchone()[0]
        assert 0 < stored < 600 and h.orphans(conn) == 0
        partial = {row[0]: row for row in h.snapshot(dest)}
    expected = {row[0]: row for row in h.snapshot(reference)}
    assert all(expected[url] == row for url, row in partial.items())

    resumed = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{stored} unchanged" in resumed.stderr
    assert h.snapshot(dest) == h.snapshot(reference)
    with sqlite3.connect(dest) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT url) FROM pages").fetchone() == (600, 600)
        assert h.orphans(conn) == 0


@NEEDS_PROC
def test_kill_9_of_a_worker_then_rerun_stores_every_page_exactly_once(tmp_path):
    # workers write to the database themselves: one killed midway must lose nothing for good
    proc, argv, dest, reference = _batch_stopped_midway(tmp_path, 400, stderr=subprocess.PIPE)
    # the workers are the grandchildren, below the forkserver (children: it, resource tracker)
    workers = h.descendants(proc.pid)[1]
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode in (0, 1), stderr   # 1: the page it was on is recorded as an error
    assert stderr.startswith("zhengce batch: 400 pages:")   # the pages it held went to another
    rerun = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert h.snapshot(dest) == h.snapshot(reference)
    with sqlite3.connect(dest) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT url) FROM pages").fetchone() == (400, 400)
        assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 0
        assert h.orphans(conn) == 0


def _stored(path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


# --- progress ---

class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_only_on_a_terminal():
    summary = Summary(pages=10, errors=1)
    quiet = io.StringIO()
    _Progress(quiet).show(summary)
    assert quiet.getvalue() == ""
    terminal = _Terminal()
    meter = _Progress(terminal)
    meter.show(summary)
    meter.clear()
    assert "10 pages" in terminal.getvalue() and "1 errors" in terminal.getvalue()


def test_a_page_file_that_cannot_be_read_by_its_worker_is_an_error(tmp_path):
    # into a database, workers read page files themselves: a file gone by then (here a dangling
    # link) is recorded with its reason, and the batch goes on
    src = tmp_path / "in"
    src.mkdir()
    for i, (url, data) in enumerate(h.corpus(4)):
        (src / f"{i}.html").write_bytes(data)
    (src / "gone.html").symlink_to(tmp_path / "nowhere.html")
    dest = tmp_path / "out.db"
    summary = run_batch([str(src)], str(dest), workers=2)
    assert (summary.pages, summary.records, summary.errors) == (5, 4, 1)
    with sqlite3.connect(dest) as conn:
        (reference, reason), = conn.execute("SELECT reference, reason FROM errors").fetchall()
    assert reference.endswith("gone.html") and reason.startswith("cannot read: No such file")
