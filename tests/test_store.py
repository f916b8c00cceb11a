"""zhengce.store: one schema, two SQL databases (a real PostgreSQL server), three file formats."""
from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from conftest_pg import pg_url, postgres_server  # noqa: F401  (fixtures)
from zhengce.record import Action, Attachment, PolicyRecord, Target
from zhengce.store import SCHEMA, SchemaMismatch, StoreError, describe, open_store
from zhengce.store.postgres import POSTGRES
from zhengce.store.sqlite import SQLITE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pages"


def make_record(n: int, **changes) -> PolicyRecord:
    fields = dict(
        url=f"http://www.example.gov.cn/art/{n}.html", site="澜江市人民政府", site_code="3301000001",
        column="政策文件", kind="policy", genre="通知", title=f"关于印发第{n}号实施方案的通知",
        publish_date="2023-12-29", issue_date="2023-12-20", doc_number=f"澜政办发〔2023〕{n}号",
        issuers=("澜江市人民政府办公室", "澜江市财政局"), source="市政府办公室", body=f"正文{n}",
        actions=(Action(1, "数字产业提升行动"), Action(2, "平台建设行动")),
        targets=(Target("研发投入强度达到2.5%", "研发投入强度", ">=", 2.5, "%", 2025),
                 Target("产值突破1000亿元", "产值", ">", 1000, "亿元", None)),
        references=("澜江市数字经济发展规划",), attachments=(Attachment("附件1.docx", "/a/1.docx"),))
    fields.update(changes)
    return PolicyRecord(**fields)


def add(store, record: PolicyRecord, ref="page", content="x", url=None):
    from zhengce.sources import Page
    page = Page(ref, url, content)
    return store.add(record.to_dict(), reference=ref, url=url, content_hash=page.content_hash)


# --- the schema, as data ---

def test_schema_is_data_both_dialects_are_generated_from():
    pages = SCHEMA.pages
    names = [c.name for c in pages.columns]
    for wanted in ("id", "url", "content_hash", "site", "site_code", "column_name", "kind", "genre",
                   "title", "publish_date", "issue_date", "doc_number", "source", "body",
                   "extracted_at", "zhengce_version"):
        assert wanted in names
    assert {t.key for t in SCHEMA.children} == {"issuers", "actions", "targets", "references",
                                               "attachments"}
    record_keys = set(PolicyRecord().to_dict())
    assert {c.key for c in pages.columns if c.key} | {t.key for t in SCHEMA.children} == record_keys
    for dialect in (SQLITE, POSTGRES):
        ddl = "\n".join(dialect.ddl())
        assert ddl.count("ON DELETE CASCADE") == len(SCHEMA.children)
        assert '"publish_date" DATE' in ddl
    assert '"value" NUMERIC' in "\n".join(POSTGRES.ddl())
    assert "fts5" in "\n".join(SQLITE.ddl()) and "gin_trgm_ops" in "\n".join(POSTGRES.ddl())


@pytest.mark.parametrize("dest, kind", [
    ("out.db", "sqlite"), ("sqlite:///rel/out.db", "sqlite"), ("x.sqlite3", "sqlite"),
    ("postgresql://u@h/db", "postgresql"), ("out.jsonl", "jsonl"), ("-", "jsonl"),
    ("out.csv", "csv"), ("out.parquet", "parquet")])
def test_destination_kinds(dest, kind):
    assert describe(dest)[0] == kind


def test_unknown_destination_is_a_store_error():
    with pytest.raises(StoreError):
        describe("out.xlsx")


# --- both databases, same behaviour ---

@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "out.db")
    return request.getfixturevalue("pg_url")


def query(url: str, sql: str) -> list[tuple]:
    """Rows of a query, with values made comparable across the two databases."""
    if url.startswith("postgresql://"):
        import psycopg
        with psycopg.connect(url) as conn:
            rows = conn.execute(sql).fetchall()
    else:
        with sqlite3.connect(url) as conn:
            rows = conn.execute(sql).fetchall()
    return [tuple(_plain(v) for v in row) for row in rows]


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def counts(url: str) -> dict:
    return {t.name: query(url, f'SELECT count(*) FROM "{t.name}"')[0][0]
            for t in SCHEMA.tables if t.name != "zhengce_meta"}


def test_record_and_children_are_stored_typed(db_url):
    store = open_store(db_url)
    assert add(store, make_record(1), url="http://www.example.gov.cn/art/1.html") == "inserted"
    store.close()
    assert counts(db_url) == {"pages": 1, "issuers": 2, "actions": 2, "targets": 2,
                              "citations": 1, "attachments": 1, "errors": 0}
    assert query(db_url, 'SELECT title, publish_date, column_name, kind FROM pages') == [
        ("关于印发第1号实施方案的通知", "2023-12-29", "政策文件", "policy")]
    assert query(db_url, "SELECT value, unit, year FROM targets ORDER BY position") == [
        (2.5, "%", 2025), (1000.0, "亿元", None)]
    assert query(db_url, "SELECT name FROM issuers ORDER BY position") == [
        ("澜江市人民政府办公室",), ("澜江市财政局",)]


def test_same_page_twice_is_stored_once(db_url):
    store = open_store(db_url)
    url = "http://www.example.gov.cn/art/1.html"
    assert add(store, make_record(1), url=url) == "inserted"
    assert store.contains(url, make_page_hash("x"))
    assert add(store, make_record(1), url=url) == "unchanged"
    assert add(store, make_record(2, url=None), content="no url") == "inserted"
    assert add(store, make_record(2, url=None), content="no url") == "unchanged"
    store.close()
    assert counts(db_url)["pages"] == 2 and counts(db_url)["issuers"] == 4


def make_page_hash(content: str) -> str:
    from zhengce.sources import Page
    return Page("r", None, content).content_hash


def test_changed_page_at_same_url_replaces_row_and_children(db_url):
    url = "http://www.example.gov.cn/art/1.html"
    store = open_store(db_url)
    add(store, make_record(1), url=url, content="v1")
    first_id = query_store_id(store)
    store.commit()
    changed = make_record(1, title="修订后的标题", issuers=("澜江市人民政府",), targets=())
    assert add(store, changed, url=url, content="v2") == "updated"
    store.close()
    assert query(db_url, "SELECT id, title FROM pages") == [(first_id, "修订后的标题")]
    assert counts(db_url) == {"pages": 1, "issuers": 1, "actions": 2, "targets": 0,
                              "citations": 1, "attachments": 1, "errors": 0}


def query_store_id(store) -> int:
    return store.conn.execute('SELECT id FROM pages').fetchone()[0]


def test_errors_are_upserted_and_cleared_by_a_later_success(db_url):
    store = open_store(db_url)
    store.add_error(reference="a.html", url=None, reason="cannot decode")
    store.add_error(reference="a.html", url=None, reason="timed out after 30 s")
    store.add_error(reference="b.html", url="http://b", reason="bad")
    store.commit()
    assert query(db_url, "SELECT reference, reason FROM errors ORDER BY reference") == [
        ("a.html", "timed out after 30 s"), ("b.html", "bad")]
    add(store, make_record(1), ref="a.html", url="http://a")
    store.close()
    assert query(db_url, "SELECT reference FROM errors") == [("b.html",)]


def test_page_text_reaches_sql_only_as_parameters(db_url):
    nasty = "x'); DROP TABLE pages; --\"\\ %s ? $1"
    store = open_store(db_url)
    add(store, make_record(1, title=nasty, issuers=(nasty,), url=nasty), url=nasty)
    store.add_error(reference=nasty, url=nasty, reason=nasty)
    store.close()
    assert query(db_url, "SELECT title, url FROM pages") == [(nasty, nasty)]
    assert query(db_url, "SELECT name FROM issuers") == [(nasty,)]


def test_malformed_date_is_stored_as_null_not_failed(db_url):
    store = open_store(db_url)
    add(store, make_record(1, publish_date="2023-02-30", issue_date="soon"), url="http://a")
    store.close()
    assert query(db_url, "SELECT publish_date, issue_date FROM pages") == [(None, None)]


def test_schema_version_is_checked_on_open(db_url):
    open_store(db_url).close()
    open_store(db_url).close()  # same version: fine
    if db_url.startswith("postgresql://"):
        import psycopg
        with psycopg.connect(db_url) as conn:
            conn.execute("UPDATE zhengce_meta SET value = '999' WHERE key = 'schema_version'")
    else:
        with sqlite3.connect(db_url) as conn:
            conn.execute("UPDATE zhengce_meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(SchemaMismatch, match="schema version 999"):
        open_store(db_url)


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE pages (x)")
    with pytest.raises(StoreError, match="not made by zhengce"):
        open_store(str(path))


def test_title_search_index_is_used(db_url):
    store = open_store(db_url)
    for n in range(5):
        add(store, make_record(n, title=f"关于科技赋能第{n}批试点的通知" if n % 2 else f"其他{n}"),
            url=f"http://a/{n}")
    store.close()
    if db_url.startswith("postgresql://"):
        sql = "SELECT title FROM pages WHERE title LIKE '%科技赋能%' ORDER BY id"
    else:
        sql = ("SELECT p.title FROM pages_title t JOIN pages p ON p.id = t.rowid "
               "WHERE pages_title MATCH '科技赋能' ORDER BY p.id")
    assert query(db_url, sql) == [("关于科技赋能第1批试点的通知",), ("关于科技赋能第3批试点的通知",)]


# --- the same query, the same answer ---

PORTABLE_QUERIES = [
    "SELECT kind, count(*) FROM pages GROUP BY kind ORDER BY kind",
    # NULLs sort first in SQLite, last in PostgreSQL: a portable query says where they go
    "SELECT title FROM pages WHERE publish_date >= '2023-01-01' "
    "ORDER BY publish_date, title IS NULL, title",
    "SELECT p.title FROM pages p JOIN issuers i ON i.page_id = p.id "
    "WHERE i.name LIKE '%人民政府%' ORDER BY p.title IS NULL, p.title",
    # REAL (SQLite) and NUMERIC (PostgreSQL) sum differently in the last bits: compare rounded
    "SELECT unit, count(*), round(sum(value), 6) FROM targets GROUP BY unit ORDER BY unit",
    "SELECT site, count(*) FROM pages WHERE site IS NOT NULL GROUP BY site ORDER BY 2 DESC, 1",
    "SELECT count(*) FROM pages WHERE title LIKE '%通知%'",
]


def real_pages():
    """The project's fixtures, and the shared corpus where it is present."""
    files = sorted(FIXTURES.glob("*.html")) + sorted(FIXTURES.glob("*.txt"))
    if CORPUS.is_dir():
        files += sorted(CORPUS.iterdir())
    return files


def test_same_query_same_answer_on_sqlite_and_postgresql(tmp_path, pg_url):
    from zhengce import extract
    records = []
    for path in real_pages():
        try:
            records.append((path, extract(path.read_bytes(), url=f"http://t/{path.name}")))
        except Exception:
            continue
    assert len(records) >= 10
    urls = [str(tmp_path / "out.db"), pg_url]
    for url in urls:
        store = open_store(url)
        for path, record in records:
            add(store, record, ref=str(path), url=record.url, content=path.read_bytes())
        store.close()
    for sql in PORTABLE_QUERIES:
        answers = [query(url, sql) for url in urls]
        assert answers[0] == answers[1], sql
        assert answers[0], f"the query found nothing, so it proves little: {sql}"
    assert counts(urls[0]) == counts(urls[1])


# --- file outputs ---

def test_jsonl_rows_read_back_as_records(tmp_path):
    dest = tmp_path / "out.jsonl"
    store = open_store(str(dest))
    add(store, make_record(1), ref="p1", url="http://a/1")
    store.add_error(reference="p2", url=None, reason="bad JSON line")
    store.close()
    row = json.loads(dest.read_text(encoding="utf-8"))
    assert row["reference"] == "p1" and row["column"] == "政策文件" and len(row["content_hash"]) == 64
    assert PolicyRecord.from_dict(row) == make_record(1, url="http://a/1")
    errors = [json.loads(line) for line in open(str(dest) + ".errors.jsonl", encoding="utf-8")]
    assert [(e["reference"], e["reason"]) for e in errors] == [("p2", "bad JSON line")]


def test_csv_has_lists_as_json(tmp_path):
    dest = tmp_path / "out.csv"
    store = open_store(str(dest))
    add(store, make_record(1), url="http://a/1")
    add(store, make_record(2, issuers=()), url="http://a/2")
    store.close()
    rows = list(csv.DictReader(open(dest, encoding="utf-8", newline="")))
    assert len(rows) == 2 and rows[0]["title"] == "关于印发第1号实施方案的通知"
    assert json.loads(rows[0]["issuers"]) == ["澜江市人民政府办公室", "澜江市财政局"]
    assert json.loads(rows[0]["targets"])[0]["value"] == 2.5
    assert json.loads(rows[1]["issuers"]) == []


def test_parquet_is_typed_and_nested(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    dest = tmp_path / "out.parquet"
    store = open_store(str(dest))
    for n in range(3):
        add(store, make_record(n, publish_date=None if n == 2 else "2023-12-29"), url=f"http://a/{n}")
    store.close()
    table = pq.read_table(dest)
    assert table.num_rows == 3
    assert str(table.schema.field("publish_date").type) == "date32[day]"
    rows = table.to_pylist()
    assert rows[0]["publish_date"] == dt.date(2023, 12, 29) and rows[2]["publish_date"] is None
    assert rows[0]["targets"][1] == {"text": "产值突破1000亿元", "indicator": "产值",
                                     "comparator": ">", "value": 1000.0, "unit": "亿元", "year": None}
    assert rows[0]["references"] == ["澜江市数字经济发展规划"]


def test_kill_9_then_resume_into_postgresql(tmp_path, pg_url):
    import signal
    import subprocess
    import time

    import psycopg

    import batch_helpers as h

    pages = h.corpus(500)
    h.write_jsonl(tmp_path / "crawl.jsonl", pages)
    argv = h.zhengce_command("batch", str(tmp_path / "crawl.jsonl"), "--out", pg_url,
                             "--workers", "2")
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stored() -> int:
        try:
            return query(pg_url, "SELECT count(*) FROM pages")[0][0]
        except psycopg.Error:  # the schema is not there yet
            return 0

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and stored() == 0:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL and 0 < stored() < len(pages)
    resumed = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert query(pg_url, "SELECT count(*), count(DISTINCT url) FROM pages") == [(500, 500)]
    orphans = sum(query(pg_url, f"SELECT count(*) FROM {t} WHERE page_id NOT IN "
                                "(SELECT id FROM pages)")[0][0]
                  for t in ("issuers", "actions", "targets", "citations", "attachments"))
    assert orphans == 0


def test_workers_writing_the_same_urls_at_once_store_each_once(tmp_path, pg_url):
    # Workers write to PostgreSQL over their own connections: two of them may insert the same
    # new URL at the same moment; the second must find the first's row, not fail.
    import batch_helpers as h
    from zhengce.batch import run_batch

    pages = h.corpus(13)   # odd, so that each URL goes to both workers in turn
    h.write_jsonl(tmp_path / "crawl.jsonl", [pages[i % 13] for i in range(260)])
    summary = run_batch([str(tmp_path / "crawl.jsonl")], pg_url, workers=2)
    assert query(pg_url, "SELECT reason FROM errors") == []
    assert (summary.pages, summary.records, summary.unchanged, summary.errors) == (260, 13, 247, 0)
    assert query(pg_url, "SELECT count(*), count(DISTINCT url) FROM pages") == [(13, 13)]
    assert query(pg_url, "SELECT count(*) FROM errors") == [(0,)]
