"""Helpers for the batch tests: picklable stand-in extractors and page builders.

Worker processes import this module by name (pytest puts tests/ on sys.path, and worker
processes inherit it), so the extractors here work with ``extractor=`` in worker processes.
"""
from __future__ import annotations

import re
import time

from zhengce.record import Action, ExtractionError, PolicyRecord, Target

HANG_MARK = "HANG-FOREVER"
CRASH_MARK = "CRASH-WORKER"


def _text(content) -> str:
    if isinstance(content, bytes):
        if b"\x00" in content:
            raise ExtractionError("binary data, not a page")
        for codec in ("utf-8", "gb18030"):
            try:
                return content.decode(codec)
            except UnicodeDecodeError:
                pass
        raise ExtractionError("cannot decode the page")
    return content


def stub_extract(content, *, url=None) -> PolicyRecord:
    """A tiny, predictable extract(): title from <title>, date from the page, fixed lists."""
    text = _text(content)
    title = re.search(r"<title>(.*?)</title>", text, re.S)
    date = re.search(r"(20\d\d-\d\d-\d\d)", text)
    return PolicyRecord(
        url=url, kind="policy", title=title.group(1).strip() if title else None,
        publish_date=date.group(1) if date else None, body=re.sub(r"<[^>]+>", "", text)[:200],
        issuers=("科技部", "财政部"), references=("某某办法",),
        actions=(Action(1, "行动一"), Action(2, "行动二")),
        targets=(Target("研发投入强度达到1.5%", "研发投入强度", ">=", 1.5, "%", 2025),))


def hanging_extract(content, *, url=None) -> PolicyRecord:
    """stub_extract, except that a page containing HANG_MARK never returns."""
    if HANG_MARK in _text(content):
        time.sleep(3600)
    return stub_extract(content, url=url)


def crashing_extract(content, *, url=None) -> PolicyRecord:
    """stub_extract, except that a page containing CRASH_MARK kills its worker process."""
    if CRASH_MARK in _text(content):
        import os
        os._exit(3)
    return stub_extract(content, url=url)


def html_page(n: int, title: str | None = None, date: str = "2023-12-29", charset="utf-8") -> str:
    title = title or f"关于印发第{n}号实施方案的通知"
    return (f'<html><head><meta charset="{charset}"><title>{title}</title></head>'
            f"<body><h1>{title}</h1><p>发布日期：{date}</p><p>正文第{n}段。</p></body></html>")


def write_warc(path, responses, *, gzip: bool = True) -> None:
    """A WARC file of HTTP responses: each (url, body bytes, content type[, extra headers]).

    A request record goes before each response, as crawlers write them, so readers must skip it.
    """
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for url, body, content_type, *extra in responses:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.gov.cn")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = [("Content-Type", content_type)] + (extra[0] if extra else [])
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=http))


# --- a corpus of real pages, and running the command -----------------------------------------

def fixture_files():
    from pathlib import Path
    folder = Path(__file__).resolve().parent.parent / "fixtures"
    return sorted(folder.glob("*.html")) + sorted(folder.glob("*.txt"))


def corpus(n: int):
    """n distinct (url, page bytes): the fixtures in turn, each copy marked so its hash differs."""
    files = [f.read_bytes() for f in fixture_files()]
    return [(f"http://www.example.gov.cn/p/{i}.html", files[i % len(files)] + b"<!-- %d -->" % i)
            for i in range(n)]


def write_jsonl(path, pages) -> None:
    """JSON Lines of (url, bytes): html as text, decoded as zhengce decodes a page (GBK, Big5,
    a download cut in the middle of a character …)."""
    import json

    from zhengce.decode import to_text
    with open(path, "w", encoding="utf-8") as out:
        for url, data in pages:
            out.write(json.dumps({"url": url, "html": to_text(data)}, ensure_ascii=False) + "\n")


def zhengce_command(*args: str) -> list[str]:
    import sys
    return [sys.executable, "-m", "zhengce.cli", *args]


def snapshot(db_path) -> list[tuple]:
    """What a SQLite output holds, per page, without ids and times: for comparing two runs."""
    import sqlite3
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT p.url, p.content_hash, p.title, p.kind, p.publish_date, "
            "(SELECT group_concat(name, '|') FROM "
            " (SELECT name FROM issuers WHERE page_id = p.id ORDER BY position)), "
            "(SELECT count(*) FROM actions WHERE page_id = p.id), "
            "(SELECT count(*) FROM targets WHERE page_id = p.id), "
            "(SELECT count(*) FROM citations WHERE page_id = p.id) "
            "FROM pages p ORDER BY p.url").fetchall()


def orphans(conn) -> int:
    """Child rows whose page is gone (there must be none)."""
    return sum(conn.execute(f'SELECT count(*) FROM "{table}" WHERE page_id NOT IN '
                            '(SELECT id FROM pages)').fetchone()[0]
               for table in ("issuers", "actions", "targets", "citations", "attachments"))


def descendants(pid: int) -> list[list[int]]:
    """The processes below ``pid``, level by level (children, grandchildren...), from /proc."""
    import os
    children: dict[int, list[int]] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as fh:
                children.setdefault(int(fh.read().rsplit(")", 1)[1].split()[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    levels, level = [], children.get(pid, [])
    while level:
        levels.append(level)
        level = [c for p in level for c in children.get(p, [])]
    return levels


def wait_gone(pids, seconds: float = 30) -> None:
    """Wait until none of ``pids`` is alive (a zombie counts as gone)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = []
        for pid in pids:
            try:
                with open(f"/proc/{pid}/stat") as fh:
                    if fh.read().rsplit(")", 1)[1].split()[0] != "Z":
                        alive.append(pid)
            except OSError:
                pass
        if not alive:
            return
        time.sleep(0.05)
    raise AssertionError(f"processes still running: {alive}")


class FailingJob:
    """A zhengce.workers Job that cannot go on: at start, at a given page, or by killing its
    worker while it holds no page (as a database write that brings the process down would)."""

    depth = 3

    def __init__(self, when: str, at: int = 0):
        self.when, self.at = when, at

    def start(self) -> None:
        if self.when == "start":
            raise ConnectionError("the database went away")

    def do(self, task):
        if task[0] >= self.at and self.when == "page":
            raise ConnectionError("the database went away")
        if task[0] >= self.at and self.when == "between":
            self.dying = True
            return []   # held: written at the next flush, which is fatal
        return [(task[0], "done")]

    def holding(self) -> bool:
        return getattr(self, "dying", False)

    def flush(self):
        import os
        os._exit(5)

    def close(self) -> None:
        pass
