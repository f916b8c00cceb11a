"""Shared pytest fixtures."""
from __future__ import annotations

import pytest

from paths import CORPUS


@pytest.fixture
def corpus():
    if not (CORPUS / "gold").is_dir():
        pytest.skip(f"the shared corpus is not beside the project ({CORPUS} is missing)")
    return CORPUS
