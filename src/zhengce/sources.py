"""Read crawled pages from files, folders, globs, WARC archives, JSON Lines and standard input.

Every reader is a generator of :class:`Page` objects and reads lazily, so a crawl of any size
streams through in constant memory.  A page that cannot be read (a bad JSON line, a corrupt WARC
record, an unreadable file) comes out as a Page with ``error`` set instead of raising: the caller
records it and goes on with the next one.

    >>> from zhengce.sources import iter_pages
    >>> for page in iter_pages(["crawl/", "more.warc.gz", "extra.jsonl"]):
    ...     print(page.ref, page.url, len(page.content))

References say where a page came from: ``path`` for a page file, ``path#line`` for a JSON line
(1-based), ``path@offset`` for a WARC record (its byte offset in the file, as warcio reports it).
"""
from __future__ import annotations

import codecs
import glob
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from functools import cached_property
from typing import BinaryIO, Iterable, Iterator

PAGE_EXTENSIONS = (".html", ".htm", ".shtml", ".txt")
WARC_EXTENSIONS = (".warc", ".warc.gz")
JSONL_EXTENSIONS = (".jsonl",)
STDIN = "-"

_GZIP_MAGIC = b"\x1f\x8b"
_WARC_MAGIC = b"WARC/"
# Header charsets that say nothing: servers (Tomcat, IIS) send them by default whatever the page
# is, and they decode any bytes "cleanly".  For these, extract() gets the bytes and sniffs.
_UNINFORMATIVE_CHARSETS = {"iso8859-1", "ascii", "cp1252"}  # Python's canonical names
# The WHATWG encoding standard reads every GB label with the GB18030 decoder (a superset of
# GB2312 and GBK); pages labelled gb2312 routinely contain GBK-only characters.
_GB_CODECS = {"gb2312", "gbk"}


@dataclass(frozen=True)
class Page:
    """One page to extract: where it came from, its URL if known, and its content.

    ``content`` is bytes, or str when the source knew the encoding (a WARC record whose HTTP
    header names a charset that decodes the bytes cleanly, a JSON line).  ``error`` is set, and
    ``content`` empty, when the page could not be read.  ``path`` is set, and ``content`` empty,
    for a page file whose reading was left to whoever extracts it (``defer_files``).
    """
    ref: str
    url: str | None = None
    content: bytes | str = b""
    error: str | None = None
    path: str | None = None

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the content (UTF-8 for str): the page's key when it has no URL."""
        return content_hash(self.content)


def content_hash(content: bytes | str) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


class InputNotFound(ValueError):
    """An INPUT names no file, folder or glob match (a usage error, not a page error)."""


def iter_pages(inputs: Iterable[str], *, stdin: BinaryIO | None = None,
               exclude: Iterable[str] = (), defer_files: bool = False) -> Iterator[Page]:
    """Pages from any mix of files, folders, glob patterns and ``-`` (standard input).

    Folders are walked recursively, in sorted order, picking page files (.html .htm .shtml .txt)
    and containers (.warc .warc.gz .jsonl).  Files in ``exclude`` are passed over (the batch's
    own output, when it lies inside an input folder).  A missing input raises InputNotFound when
    reached: check them all with :func:`check_inputs` first when that matters.

    ``defer_files``: a page file comes as its path only (``Page.path``), to be read by the
    worker process that extracts it, so the one process that reads the input does less.
    """
    excluded = {os.path.abspath(path) for path in exclude}
    for name in inputs:
        if name == STDIN:
            yield from read_stream(stdin or sys.stdin.buffer, ref="<stdin>")
            continue
        for path in expand(name):
            if os.path.abspath(path) in excluded:
                continue
            if defer_files and not path.lower().endswith(WARC_EXTENSIONS + JSONL_EXTENSIONS):
                yield Page(ref=path, path=path)
            else:
                yield from read_path(path)


def check_inputs(inputs: Iterable[str]) -> None:
    """Raise InputNotFound for the first input that names nothing."""
    for name in inputs:
        if name != STDIN and not os.path.exists(name) and not _has_glob_match(name):
            raise InputNotFound(f"no such file, folder or glob match: {name}")


def expand(name: str) -> Iterator[str]:
    """The readable files an input names: itself, the files below a folder, or glob matches."""
    if os.path.isdir(name):
        yield from _walk(name)
    elif os.path.exists(name):
        yield name
    elif _is_glob(name):
        for match in sorted(glob.iglob(name, recursive=True)):
            yield from (_walk(match) if os.path.isdir(match) else [match])
    else:
        raise InputNotFound(f"no such file, folder or glob match: {name}")


def read_path(path: str) -> Iterator[Page]:
    """The pages of one file, chosen by its extension: a WARC, a JSON Lines file or a page."""
    lower = path.lower()
    try:
        if lower.endswith(WARC_EXTENSIONS):
            with open(path, "rb") as fh:
                yield from read_warc(fh, ref=path)
        elif lower.endswith(JSONL_EXTENSIONS):
            with open(path, "rb") as fh:
                yield from read_jsonl(fh, ref=path)
        else:
            with open(path, "rb") as fh:
                yield Page(ref=path, content=fh.read())
    except OSError as exc:
        yield Page(ref=path, error=f"cannot read: {exc.strerror or exc}")


def read_stream(fh: BinaryIO, *, ref: str) -> Iterator[Page]:
    """Pages from a stream of unknown kind (standard input): sniff WARC, JSON Lines or one page."""
    head = _peek(fh)
    if head.startswith((_GZIP_MAGIC, _WARC_MAGIC)):
        yield from read_warc(fh, ref=ref)
    elif head.lstrip().startswith(b"{"):  # no HTML or text page starts with a JSON object
        yield from read_jsonl(fh, ref=ref)
    else:
        yield Page(ref=ref, content=fh.read())


def read_jsonl(fh: BinaryIO, *, ref: str) -> Iterator[Page]:
    """One page per line: ``{"url": ..., "html": ...}`` or ``{"url": ..., "text": ...}``."""
    for number, line in enumerate(fh, start=1):
        if line.strip():
            yield _page_from_json(line, ref=f"{ref}#{number}")


def _page_from_json(line: bytes, *, ref: str) -> Page:
    try:
        item = json.loads(line)
    except ValueError as exc:  # UnicodeDecodeError is a ValueError too
        return Page(ref=ref, error=f"bad JSON line: {exc}")
    if not isinstance(item, dict):
        return Page(ref=ref, error="bad JSON line: not an object")
    url = item.get("url") if isinstance(item.get("url"), str) else None
    content = item.get("html", item.get("text"))
    if not isinstance(content, str):
        return Page(ref=ref, url=url, error='bad JSON line: no "html" or "text" string')
    return Page(ref=ref, url=url, content=content)


def read_warc(fh: BinaryIO, *, ref: str) -> Iterator[Page]:
    """HTML responses from a WARC file, plain or gzipped, with the HTTP charset honoured.

    Content-Encoding and chunked transfer are undone by warcio.  A record whose payload is cut
    short or cannot be decoded becomes an error page, and reading goes on; a record whose WARC
    framing cannot be parsed ends the file with an error page, since after it there is no
    reliable way to find the start of the next record.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Page(ref=ref, error="reading WARC files needs warcio: pip install 'zhengce[warc]'")
        return
    records = ArchiveIterator(fh)
    while True:
        try:
            record = next(records, None)
        except Exception as exc:  # warcio raises many kinds: ArchiveLoadFailed, zlib, EOF...
            yield Page(ref=f"{ref}@{records.offset}", error=_corrupt(exc))
            return
        if record is None:
            return
        record_ref = f"{ref}@{records.offset}"  # the offset where this record starts
        try:
            page = _page_from_warc_record(record, ref=record_ref)
        except Exception as exc:
            page = Page(ref=record_ref, error=_corrupt(exc))
        if page is not None:
            yield page


def _corrupt(exc: Exception) -> str:
    return f"corrupt WARC record: {type(exc).__name__}: {exc}"


def _page_from_warc_record(record, *, ref: str) -> Page | None:
    """A Page for an HTML response (or resource) record; None for every other record."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers else None) or record.content_type
    if not content_type or "html" not in content_type.lower():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    data = record.content_stream().read()
    missing = getattr(record.raw_stream, "limit", 0)  # what Content-Length promised, unread
    if missing:
        return Page(ref=ref, url=url, error=f"corrupt WARC record: truncated, {missing} bytes missing")
    return Page(ref=ref, url=url, content=decode_with_charset(data, content_type))


def decode_with_charset(data: bytes, content_type: str | None) -> bytes | str:
    """``data`` decoded with the Content-Type's charset when that is informative and decodes
    cleanly; otherwise the bytes unchanged, for extract() to sniff the page's own declaration."""
    codec = _codec_name(_charset(content_type))
    if codec is None or codec in _UNINFORMATIVE_CHARSETS:
        return data
    try:
        return data.decode("gb18030" if codec in _GB_CODECS else codec)
    except UnicodeDecodeError:
        return data


def _charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _codec_name(charset: str | None) -> str | None:
    """Python's canonical codec name for a charset label, or None if Python does not know it."""
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def _walk(folder: str) -> Iterator[str]:
    wanted = PAGE_EXTENSIONS + WARC_EXTENSIONS + JSONL_EXTENSIONS
    for root, dirs, files in os.walk(folder):
        dirs.sort()  # walk in a stable order, so references and reruns are reproducible
        for name in sorted(files):
            if name.lower().endswith(wanted):
                yield os.path.join(root, name)


def _is_glob(name: str) -> bool:
    return any(char in name for char in "*?[")


def _has_glob_match(name: str) -> bool:
    return _is_glob(name) and next(glob.iglob(name, recursive=True), None) is not None


def _peek(fh: BinaryIO, size: int = 64) -> bytes:
    """The first bytes of a stream without consuming them (stdin is not seekable)."""
    if hasattr(fh, "peek"):
        return fh.peek(size)[:size]
    if fh.seekable():
        head = fh.read(size)
        fh.seek(-len(head), os.SEEK_CUR)
        return head
    raise ValueError("cannot sniff a stream that is neither buffered nor seekable")
