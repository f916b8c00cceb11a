"""Where the tests find their pages: the project's fixtures and, when present, ../shared/corpus."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
