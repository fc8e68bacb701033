"""Fixtures for whole-site tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit import SEEDS, write_tiny_site


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    return write_tiny_site(tmp_path / "site")


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not here")
    return SEEDS


