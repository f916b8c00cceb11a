"""zhengce.spark in Spark local mode: records equal zhengce.extract's, bad pages become error
rows, WARC in and Parquet out, and the Spark schema is the record's.

One SparkSession for the module (its start-up costs seconds), bound to the loopback, without
UI.  Without pyspark or java the tests skip, except under CI=true, where they fail.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest_pg import pg_url, postgres_server  # noqa: F401  (fixtures)
from paths import FIXTURES
from zhengce import PolicyRecord, extract
from zhengce import spark as zs
from zhengce.decode import to_text
from zhengce.sources import read_warc as read_warc_file
from zhengce.store.schema import SCHEMA

FIXTURE_PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".html", ".txt"))
GARBAGE = bytes(range(256)) * 40                      # binary data, not a page
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + b"\x00" * 200


def require_spark() -> None:
    """Skip without pyspark or java; under CI=true, fail instead."""
    reason = None
    try:
        import pyspark  # noqa: F401
    except ImportError:
        reason = "pyspark is not installed (pip install 'zhengce[spark]')"
    else:
        if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
            reason = "no java on PATH and no JAVA_HOME (apt-get install default-jre-headless)"
    if reason and os.environ.get("CI"):
        pytest.fail(f"CI needs the Spark tests: {reason}")
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="module")
def spark():
    require_spark()
    from pyspark.sql import SparkSession

    saved = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers run this venv's Python
    session = (SparkSession.builder.master("local[2]").appName("zhengce-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.default.parallelism", "2")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    if saved is None:
        os.environ.pop("PYSPARK_PYTHON", None)
    else:
        os.environ["PYSPARK_PYTHON"] = saved


def _url(path) -> str:
    return f"http://www.example.gov.cn/test/{path.name}"


def assert_same_record(got: PolicyRecord, want: PolicyRecord, where: str) -> None:
    """Field by field, so a failure names the field."""
    got, want = got.to_dict(), want.to_dict()
    assert got.keys() == want.keys()
    for key in want:
        assert got[key] == want[key], f"{where}: {key}"


# --- the schema -----------------------------------------------------------------------------------

def test_schema_has_every_record_key_with_its_type():
    require_spark()
    from pyspark.sql import types as T

    schema = zs.record_schema()
    record = extract((FIXTURES / "plan_targets.html").read_bytes()).to_dict()
    assert record["targets"] and record["actions"]  # a page with every kind of list
    assert schema.fieldNames() and set(schema.fieldNames()) == set(record)
    types = {f.name: f.dataType for f in schema.fields}
    for key, value in record.items():
        if key.endswith("_date"):
            assert types[key] == T.DateType(), key
        elif key == "actions_stated":
            assert types[key] == T.IntegerType(), key
        elif isinstance(value, list):
            assert isinstance(types[key], T.ArrayType), key
        else:
            assert types[key] == T.StringType(), key
    for key in ("actions", "targets", "attachments"):
        element = types[key].elementType
        assert isinstance(element, T.StructType), key
        item_keys = (record[key][0] if record[key] else {"name": 0, "url": 0}).keys()
        assert element.fieldNames() == list(item_keys), key
    assert types["issuers"].elementType == types["references"].elementType == T.StringType()
    target = {f.name: f.dataType for f in types["targets"].elementType.fields}
    assert target["value"] == T.DoubleType() and target["year"] == T.IntegerType()
    assert not schema["kind"].nullable and not schema["body"].nullable
    assert zs.output_schema().fieldNames() == schema.fieldNames() + ["content_hash", "error"]


def test_schema_is_generated_from_the_store_schema():
    from zhengce.store.schema import SCHEMA

    keys = [f.key for f in zs.record_fields()]
    assert keys == [c.key for c in SCHEMA.pages.columns if c.key] + [t.key for t in SCHEMA.children]
    assert set(keys) == set(PolicyRecord().to_dict())


def test_record_rows_round_trip_without_spark():
    record = extract((FIXTURES / "plan_targets.html").read_bytes())
    row = dict(zip([f.key for f in zs.record_fields()], zs.record_row(record.to_dict())))
    assert isinstance(row["targets"][0][3], float)        # value: DoubleType wants a float
    assert isinstance(row["issue_date"], dt.date)
    for field in zs.record_fields():                      # a collected Row holds structs as dicts
        if field.items:
            keys = [f.key for f in field.items]
            row[field.key] = [dict(zip(keys, item)) for item in row[field.key]]
    assert zs.row_to_record(row) == record


# --- the time limit (in this process: no Spark needed) --------------------------------------------

def test_a_page_over_the_time_limit_becomes_an_error():
    def hang(content, *, url=None, charset=None):
        time.sleep(5)

    started = time.monotonic()
    record, error = zs._extract_page(hang, b"<p>x</p>", None, None, timeout=0.2)
    assert record is None and error == "timed out after 0.2 s"
    assert time.monotonic() - started < 2


# --- extraction on Spark --------------------------------------------------------------------------

def test_records_from_spark_equal_extract(spark):
    rows = [(p.name, _url(p), bytearray(p.read_bytes())) for p in FIXTURE_PAGES]
    df = spark.createDataFrame(rows, "ref string, url string, html binary").repartition(2)
    out = {row.ref: row for row in zs.extract_df(df).collect()}
    assert sorted(out) == sorted(p.name for p in FIXTURE_PAGES)
    for path in FIXTURE_PAGES:
        row = out[path.name]
        assert row.error is None, path.name
        want = extract(path.read_bytes(), url=_url(path))
        assert_same_record(zs.row_to_record(row), want, path.name)


def test_string_pages_and_other_column_names(spark):
    path = FIXTURES / "trs_policy.html"
    text = to_text(path.read_bytes())
    df = spark.createDataFrame([("k1", text, "http://a.gov.cn/1.html")],
                               "crawl_id string, page string, link string")
    [row] = zs.extract_df(df, content_col="page", url_col="link").collect()
    assert row.crawl_id == "k1" and row.link == "http://a.gov.cn/1.html"  # passed through
    assert_same_record(zs.row_to_record(row), extract(text, url="http://a.gov.cn/1.html"), "str")


def test_bad_pages_become_error_rows_and_the_job_finishes(spark):
    good = (FIXTURES / "hanweb_notice.html").read_bytes()
    rows = [("garbage", "http://a.gov.cn/g", bytearray(GARBAGE)), ("pdf", None, bytearray(PDF)),
            ("none", None, None), ("good", None, bytearray(good))]
    df = spark.createDataFrame(rows, "ref string, url string, html binary").coalesce(1)
    out = {row.ref: row for row in zs.extract_df(df).collect()}
    assert "binary data" in out["garbage"].error
    assert "PDF" in out["pdf"].error
    assert out["none"].error
    assert out["garbage"].url == "http://a.gov.cn/g"  # which page failed
    for ref in ("garbage", "pdf", "none"):
        row = out[ref]
        assert row.title is None and row.kind is None and row.body is None, ref
        assert row.issuers == [] and row.targets == [] and row.actions == [], ref
    assert out["good"].error is None
    assert_same_record(zs.row_to_record(out["good"]), extract(good), "good")


def test_extract_df_needs_its_content_column(spark):
    df = spark.createDataFrame([("a",)], "text string")
    with pytest.raises(ValueError, match="html"):
        zs.extract_df(df)


# --- WARC in, Parquet out -------------------------------------------------------------------------

def write_warc(path) -> None:
    """Fixture pages as HTTP responses (one with a GBK charset header), an image, and a record
    cut short."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def response(url, data, content_type):
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(data),
                                                          http_headers=http))

        for page in FIXTURE_PAGES[:6]:  # six pages, then two more HTML responses
            response(_url(page), page.read_bytes(), "text/html")
        response("http://x.gov.cn/gbk.html", (FIXTURES / "table_layout_gbk.html").read_bytes(),
                 "text/html; charset=gbk")
        response("http://x.gov.cn/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")  # not a page
        response("http://x.gov.cn/garbage.html", GARBAGE, "text/html")


def test_warc_in_parquet_out(spark, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    pages = zs.read_warc(spark, [str(warc)])
    assert pages.columns == list(zs.PAGE_COLUMNS)
    zs.extract_df(pages).write.parquet(str(tmp_path / "out.parquet"))
    back = {row.ref: row for row in spark.read.parquet(str(tmp_path / "out.parquet")).collect()}

    with open(warc, "rb") as fh:  # what zhengce batch reads from the same file
        expected = list(read_warc_file(fh, ref=str(warc)))
    assert sorted(back) == sorted(page.ref for page in expected)
    for page in expected:
        row = back[page.ref]
        if page.url.endswith("garbage.html"):
            assert "binary data" in row.error
            continue
        assert row.error is None, page.ref
        assert row.content_hash == page.content_hash
        assert_same_record(zs.row_to_record(row), extract(page.content, url=page.url), page.ref)


def test_warc_pieces_read_as_the_whole_file(tmp_path):
    """A WARC file cut at record boundaries, each piece read alone: the pages of the whole."""
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    whole = list(zs._rows_of_local(zs._Piece(str(warc)), warc_only=True))
    pieces = zs._warc_pieces(str(warc), 3)
    assert len(pieces) == 3 and pieces[0].start == 0 and pieces[-1].end is None
    assert [row for piece in pieces for row in zs._rows_of_local(piece, True)] == whole
    with open(warc, "rb") as fh:
        assert [row[0] for row in whole] == [page.ref for page in read_warc_file(fh, ref=str(warc))]


def test_a_corrupt_warc_reads_as_in_batch(spark, tmp_path):
    warc = tmp_path / "cut.warc.gz"
    write_warc(warc)
    warc.write_bytes(warc.read_bytes()[:20000])  # cut short in the middle of a record
    got = [(row.ref, row.error) for row in zs.read_warc(spark, str(warc)).collect()]
    with open(warc, "rb") as fh:
        want = [(page.ref, page.error) for page in read_warc_file(fh, ref=str(warc))]
    assert got == want and want[-1][1]  # the last page says what went wrong


def test_the_command_writes_parquet(spark, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    page = FIXTURES / "plan_targets.html"
    out = tmp_path / "records.parquet"
    status = zs.main([str(warc), str(page), "--out", str(out), "--partitions", "2"])
    assert status == 1  # the garbage page failed; the others did not
    rows = spark.read.parquet(str(out)).collect()
    assert len(rows) == 6 + 2 + 1 and sum(row.error is not None for row in rows) == 1
    [plan] = [row for row in rows if row.ref == str(page)]
    assert_same_record(zs.row_to_record(plan), extract(page.read_bytes()), "plan_targets")
    assert zs.main([str(page), "--out", str(out), "--overwrite"]) == 0
    assert spark.read.parquet(str(out)).count() == 1
    assert zs.main([str(tmp_path / "missing.warc"), "--out", str(out), "--overwrite"]) == 2


def test_the_command_stores_into_postgresql_as_batch_does(spark, tmp_path, pg_url, postgres_server):
    import psycopg

    from zhengce.batch import run_batch

    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    assert zs.main([str(warc), "--out", pg_url]) == 1  # the garbage page failed
    batch_url = pg_url.rsplit("/", 1)[0] + "/spark_vs_batch"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute("CREATE DATABASE spark_vs_batch")
    try:
        run_batch([str(warc)], batch_url, workers=1)
        assert dump(pg_url) == dump(batch_url)
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute("DROP DATABASE spark_vs_batch WITH (FORCE)")
    assert len(dump(pg_url)["pages"]) == 7
    assert zs.main([str(warc), "--out", pg_url]) == 1  # a rerun adds nothing
    assert len(dump(pg_url)["pages"]) == 7


def dump(url: str) -> dict:
    """A database's pages, child rows and errors, keyed by reference (not by generated ids)."""
    import psycopg

    skip = ("id", "extracted_at", "page_id", "at")
    out = {}
    with psycopg.connect(url) as conn:
        for table in SCHEMA.tables:
            if table.name == "zhengce_meta":
                continue
            columns = ", ".join(f't."{c.name}"' for c in table.columns if c.name not in skip)
            join = " JOIN pages p ON p.id = t.page_id" if table.is_child else ""
            key = "p.reference, " if table.is_child else ""
            out[table.name] = conn.execute(
                f'SELECT {key}{columns} FROM "{table.name}" t{join} ORDER BY 1, 2').fetchall()
    return out


def test_the_command_is_registered_and_runs_as_a_module():
    import argparse

    parser = argparse.ArgumentParser()
    zs.register_cli(parser.add_subparsers())
    args = parser.parse_args(["spark", "a.warc.gz", "--out", "o.parquet", "--timeout", "5"])
    assert args.func is zs.run_command and args.inputs == ["a.warc.gz"] and args.timeout == 5
    done = subprocess.run([sys.executable, "-m", "zhengce.spark", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "--out" in done.stdout


def test_import_zhengce_does_not_load_pyspark():
    code = "import sys, zhengce, zhengce.spark; print('pyspark' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
