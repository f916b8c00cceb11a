"""Stage 1: bytes in, text out, and a verdict on what the text is (HTML or a text dump).

Government sites use UTF-8, GBK, GB2312 and GB18030, and often declare the wrong one. We trust
the bytes over the declaration: a strict UTF-8 decode that succeeds wins (GBK text almost
never is valid UTF-8), else GB18030 (a superset of GBK and GB2312), else the declared charset,
else UTF-8 with replacement characters.
"""
from __future__ import annotations

import re
from itertools import islice

from .record import ExtractionError

MAX_BYTES = 64 * 1024 * 1024   # beyond this we refuse rather than risk memory

# Magic numbers of formats that are sometimes handed to us as "pages".
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (docx/xlsx/ofd?)",
    b"\xd0\xcf\x11\xe0": "an OLE document (doc/xls/wps?)",
    b"\x1f\x8b": "gzip-compressed data",
    b"RIFF": "a RIFF file (webp/avi/wav)",
    b"\x00\x00\x01\x00": "an icon",
}
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w-]{2,20})""", re.I)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
            "cp936": "gb18030", "utf8": "utf-8", "unicode": "utf-8"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_STRICT_CJK = {"big5", "big5-hkscs", "cp950", "shift-jis", "sjis", "cp932", "euc-jp", "euc-kr", "cp949"}
_HTML_SIGNS = re.compile(r"<(?:!doctype|html|head|body|meta|div|p|table|title|span|br|a)\b", re.I)


def declared_charset(data: bytes) -> str | None:
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    return _ALIASES.get(name, name)


def to_text(page: bytes | str, charset: str | None = None) -> str:
    """Decode ``page`` to text; ``charset`` is a hint (an HTTP header), not an order."""
    if isinstance(page, str):
        text = page
    elif isinstance(page, (bytes, bytearray, memoryview)):
        text = _decode_bytes(bytes(page), charset)
    else:
        raise ExtractionError(f"a page must be bytes or str, not {type(page).__name__}")
    if len(text) > MAX_BYTES:
        raise ExtractionError(f"page too large ({len(text):,} characters; limit {MAX_BYTES:,})")
    _refuse_binary_text(text)
    return text


def _decode_bytes(data: bytes, hint: str | None) -> str:
    if len(data) > MAX_BYTES:
        raise ExtractionError(f"page too large ({len(data):,} bytes; limit {MAX_BYTES:,})")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ExtractionError(f"input is {what}, not a web page")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    text = _decode_cut(data, "utf-8")
    if text is not None:
        return text
    declared = declared_charset(data)
    hint = _ALIASES.get((hint or "").lower(), hint)
    # A declared or hinted Big5/Shift_JIS/EUC page is tried before GB18030, which would decode
    # its bytes without error into nonsense. Single-byte charsets (latin-1 …) decode anything,
    # so a page that claims one is still read as GB18030 first: that claim is usually a template's.
    strict_first = [n for n in (hint, declared) if n and n.replace("_", "-") in _STRICT_CJK]
    candidates = [n for n in dict.fromkeys((*strict_first, hint, "gb18030", declared)) if n]
    for name in candidates:
        text = _decode_cut(data, name)
        if text is not None:
            return text
    # A few broken bytes inside (a damaged download): the reading that breaks least wins.
    readings = [_decode_replacing(data, name) for name in ("utf-8", *candidates)]
    return min((r for r in readings if r is not None), key=lambda r: r.count("\ufffd"))


def _decode_cut(data: bytes, codec: str) -> str | None:
    """``data`` decoded strictly, allowing only a character cut in two at the very end (a crawl
    that stopped mid-page); None if it does not decode."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.start < len(data) - 3:
            return None
        try:
            return data[:exc.start].decode(codec)
        except UnicodeDecodeError:
            return None
    except LookupError:   # a charset name Python does not know
        return None


def _decode_replacing(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec, "replace")
    except LookupError:
        return None


def _refuse_binary_text(text: str) -> None:
    sample = text[:4096]
    if not sample:
        return
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if bad > 0.1 * len(sample):
        raise ExtractionError("input looks like binary data, not a web page or text")


def is_html(text: str) -> bool:
    """True when ``text`` is markup rather than a crawler's plain-text rendering."""
    head = text[:20000]
    tags = sum(1 for _ in islice(_HTML_SIGNS.finditer(head), 3))   # three tags settle it
    return tags >= 3 or bool(re.match(r"\s*<(?:!doctype|html)", head, re.I))
