"""The policy record: plain, immutable data objects (the shape is ../shared/SCHEMA.md).

Lists are stored as tuples so a record can be hashed and shared between threads;
``to_dict()`` turns everything back into plain JSON types.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields

KINDS = ("policy", "interpretation", "notice", "news", "list", "other")
COMPARATORS = (">", ">=", "=", "<=", "<", "x")


@dataclass(frozen=True)
class Action:
    ordinal: int
    text: str

    def to_dict(self) -> dict:
        return {"ordinal": self.ordinal, "text": self.text}


@dataclass(frozen=True)
class Target:
    text: str
    indicator: str
    comparator: str
    value: float
    unit: str
    year: int | None = None

    def to_dict(self) -> dict:
        value = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return {"text": self.text, "indicator": self.indicator, "comparator": self.comparator,
                "value": value, "unit": self.unit, "year": self.year}


@dataclass(frozen=True)
class Attachment:
    name: str
    url: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "url": self.url}


@dataclass(frozen=True)
class PolicyRecord:
    url: str | None = None
    site: str | None = None
    site_code: str | None = None
    column: str | None = None
    kind: str = "other"
    genre: str | None = None
    title: str | None = None
    publish_date: str | None = None   # YYYY-MM-DD
    issue_date: str | None = None     # YYYY-MM-DD
    doc_number: str | None = None
    issuers: tuple[str, ...] = ()
    source: str | None = None
    body: str = ""
    actions: tuple[Action, ...] = ()
    # the number of actions the text itself states ('从…等8个方面', '八大行动'), when it states one:
    # where it differs from len(actions), the reader sees both
    actions_stated: int | None = None
    targets: tuple[Target, ...] = ()
    references: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = field(default=())

    def to_dict(self) -> dict:
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
            out[f.name] = value
        return out

    def to_json(self, **kwargs) -> str:
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: dict) -> "PolicyRecord":
        """Rebuild a record from ``to_dict()`` output (JSON Lines, database rows)."""
        kw = {f.name: data.get(f.name) for f in fields(cls) if f.name in data}
        kw["issuers"] = tuple(data.get("issuers") or ())
        kw["references"] = tuple(data.get("references") or ())
        kw["actions"] = tuple(Action(**a) for a in data.get("actions") or ())
        kw["targets"] = tuple(Target(**t) for t in data.get("targets") or ())
        kw["attachments"] = tuple(Attachment(**a) for a in data.get("attachments") or ())
        kw["body"] = data.get("body") or ""
        kw["kind"] = data.get("kind") or "other"
        return cls(**kw)


class ExtractionError(ValueError):
    """The input cannot be read as a page (binary data, a PDF, an image, too large...)."""
