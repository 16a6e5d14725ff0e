"""Shared fixtures: paths to the bundled samples and gold files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    """Return the bundled sample corpus."""
    return SAMPLES


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """Return tests/fixtures."""
    return FIXTURES
