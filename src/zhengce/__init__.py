"""zhengce (政策): clean, structured policy records from Chinese government pages.

    >>> import zhengce
    >>> record = zhengce.extract(open("page.html", "rb").read())
    >>> record.title, record.publish_date, record.issuers

Heavy modules (lxml, regex) load on first use, so ``import zhengce`` stays cheap.
"""
from __future__ import annotations

from .record import Action, Attachment, ExtractionError, PolicyRecord, Target

__version__ = "0.1.0"

__all__ = ["extract", "extract_many", "targets", "actions", "PolicyRecord", "Action", "Target",
           "Attachment", "ExtractionError", "__version__"]

# name -> (module, attribute), imported on first access (PEP 562)
_LAZY = {
    "extract": ("zhengce.pipeline", "extract"),
    "extract_many": ("zhengce.batch", "extract_many"),
    "targets": ("zhengce.goals", "find_targets"),
    "actions": ("zhengce.measures", "find_actions"),
}


def __getattr__(name):
    if name in _LAZY:
        import importlib
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'zhengce' has no attribute {name!r}")
