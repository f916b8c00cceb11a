"""zhengce.sources: every input form, and corrupt inputs turned into error pages."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from batch_helpers import write_warc
from zhengce.sources import (InputNotFound, Page, check_inputs, decode_with_charset, iter_pages,
                             read_stream)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GBK_PAGE = (FIXTURES / "table_layout_gbk.html").read_bytes()   # declares gb2312, holds GBK
UTF8_PAGE = (FIXTURES / "trs_policy.html").read_bytes()
GBK_TITLE = "宁禾市人民政府办公室关于进一步加强冬春季节安全生产工作的通知"


def refs(pages):
    return [p.ref for p in pages]


# --- files, folders, globs ---

def test_folder_is_walked_recursively_by_extension(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.html").write_bytes(UTF8_PAGE)
    (tmp_path / "a" / "b" / "two.shtml").write_bytes(UTF8_PAGE)
    (tmp_path / "three.txt").write_text("政策原文", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.md").write_text("not a page")
    pages = list(iter_pages([str(tmp_path)]))
    assert [Path(p.ref).name for p in pages] == ["three.txt", "one.html", "two.shtml"]
    assert pages[1].content == UTF8_PAGE and pages[1].url is None


def test_glob_and_explicit_file(tmp_path):
    for name in ("x1.html", "x2.htm", "y.html"):
        (tmp_path / name).write_bytes(UTF8_PAGE)
    pages = list(iter_pages([str(tmp_path / "x*"), str(tmp_path / "y.html")]))
    assert [Path(r).name for r in refs(pages)] == ["x1.html", "x2.htm", "y.html"]


def test_missing_input_is_a_usage_error(tmp_path):
    with pytest.raises(InputNotFound):
        check_inputs([str(tmp_path / "nothing.html")])
    with pytest.raises(InputNotFound):
        check_inputs([str(tmp_path / "*.warc")])
    check_inputs(["-", str(tmp_path)])  # stdin and an existing folder are fine


def test_own_output_is_excluded(tmp_path):
    (tmp_path / "page.html").write_bytes(UTF8_PAGE)
    (tmp_path / "out.jsonl").write_text('{"url": "u", "html": "x"}\n')
    pages = list(iter_pages([str(tmp_path)], exclude=[str(tmp_path / "out.jsonl")]))
    assert [Path(r).name for r in refs(pages)] == ["page.html"]


def test_content_hash_is_the_same_for_bytes_and_their_text():
    assert Page("a", content="政策").content_hash == Page("b", content="政策".encode()).content_hash


# --- JSON Lines ---

def test_jsonl_pages_and_bad_lines(tmp_path):
    path = tmp_path / "crawl.jsonl"
    lines = [json.dumps({"url": "http://a.gov.cn/1.html", "html": "<p>一</p>"}, ensure_ascii=False),
             "{not json",
             "",
             json.dumps({"url": "http://a.gov.cn/2.txt", "text": "二"}, ensure_ascii=False),
             json.dumps({"url": "http://a.gov.cn/3"}),
             "[1, 2]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pages = list(iter_pages([str(path)]))
    assert refs(pages) == [f"{path}#{n}" for n in (1, 2, 4, 5, 6)]
    assert (pages[0].url, pages[0].content, pages[0].error) == ("http://a.gov.cn/1.html", "<p>一</p>", None)
    assert pages[1].error.startswith("bad JSON line")
    assert pages[2].content == "二"
    assert "no \"html\" or \"text\"" in pages[3].error and pages[3].url == "http://a.gov.cn/3"
    assert pages[4].error == "bad JSON line: not an object"


# --- WARC ---

@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_html_responses_with_charsets(tmp_path, gzipped):
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(path, [
        ("http://www.ninghe.gov.cn/gbk.html", GBK_PAGE, "text/html; charset=GBK"),
        ("http://www.ninghe.gov.cn/utf8.html", UTF8_PAGE, "text/html"),
        ("http://www.ninghe.gov.cn/logo.png", b"\x89PNG...", "image/png"),
        ("http://www.ninghe.gov.cn/zipped.html", gzip.compress(UTF8_PAGE),
         "text/html; charset=utf-8", [("Content-Encoding", "gzip")]),
        ("http://www.ninghe.gov.cn/latin.html", GBK_PAGE, "text/html; charset=ISO-8859-1"),
    ], gzip=gzipped)
    pages = list(iter_pages([str(path)]))
    assert [p.url.rsplit("/", 1)[1] for p in pages] == ["gbk.html", "utf8.html", "zipped.html",
                                                        "latin.html"]
    gbk, utf8, zipped, latin = pages
    assert isinstance(gbk.content, str) and GBK_TITLE in gbk.content  # the HTTP charset, honoured
    assert utf8.content == UTF8_PAGE                 # no charset: bytes, for extract to sniff
    assert zipped.content == UTF8_PAGE.decode("utf-8")  # Content-Encoding undone
    assert latin.content == GBK_PAGE                 # a default latin-1 header says nothing
    offsets = [int(p.ref.rsplit("@", 1)[1]) for p in pages]
    assert all(p.ref.startswith(f"{path}@") for p in pages) and offsets == sorted(set(offsets))
    assert not any(p.error for p in pages)


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_reference_offset_is_where_the_record_starts(tmp_path, gzipped):
    path = tmp_path / "crawl.warc"
    write_warc(path, [(f"http://a.gov.cn/{n}", UTF8_PAGE, "text/html") for n in range(2)],
               gzip=gzipped)
    data = path.read_bytes()
    for page in iter_pages([str(path)]):
        tail = data[int(page.ref.rsplit("@", 1)[1]):]
        head = gzip.GzipFile(fileobj=io.BytesIO(tail)).read(64) if gzipped else tail[:64]
        assert head.startswith(b"WARC/1.") and b"WARC-Type: response" in head


@pytest.mark.parametrize("gzipped", [True, False])
def test_truncated_warc_record_is_an_error_not_half_a_page(tmp_path, gzipped):
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(path, [(f"http://a.gov.cn/{n}", UTF8_PAGE, "text/html") for n in range(3)],
               gzip=gzipped)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - len(data) // 6])   # cut into the last record
    pages = list(iter_pages([str(path)]))
    assert [p.url for p in pages] == [f"http://a.gov.cn/{n}" for n in range(3)]
    assert [p.content for p in pages[:2]] == [UTF8_PAGE, UTF8_PAGE]
    assert pages[2].error.startswith("corrupt WARC record: truncated")


def test_garbage_warc_is_one_error(tmp_path):
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"\x1f\x8b" + bytes(range(256)) * 4)
    pages = list(iter_pages([str(path)]))
    assert len(pages) == 1 and pages[0].error.startswith("corrupt WARC record")


# --- standard input ---

def test_stdin_is_sniffed(tmp_path):
    warc = tmp_path / "in.warc.gz"
    write_warc(warc, [("http://a.gov.cn/1", UTF8_PAGE, "text/html")])
    stream = io.BufferedReader(io.BytesIO(warc.read_bytes()))
    assert [p.url for p in read_stream(stream, ref="<stdin>")] == ["http://a.gov.cn/1"]

    jsonl = b'{"url": "u1", "html": "<p>x</p>"}\n{"url": "u2", "text": "y"}\n'
    pages = list(iter_pages(["-"], stdin=io.BufferedReader(io.BytesIO(jsonl))))
    assert refs(pages) == ["<stdin>#1", "<stdin>#2"]

    pages = list(iter_pages(["-"], stdin=io.BufferedReader(io.BytesIO(UTF8_PAGE))))
    assert len(pages) == 1 and pages[0].content == UTF8_PAGE and pages[0].ref == "<stdin>"


# --- charsets ---

@pytest.mark.parametrize("content_type, expected", [
    ("text/html; charset=gb2312", str),      # read as GB18030, which GBK-only characters need
    ("text/html; charset=\"GBK\"", str),
    ("text/html; charset=utf-8", bytes),     # does not decode cleanly: bytes for extract
    ("text/html; charset=no-such-codec", bytes),
    ("text/html", bytes),
    (None, bytes),
])
def test_decode_with_charset(content_type, expected):
    out = decode_with_charset(GBK_PAGE, content_type)
    assert isinstance(out, expected)
    if expected is str:
        assert GBK_TITLE in out
