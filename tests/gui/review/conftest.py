"""Fixtures for the review and cramp-dialog tests: a real Store on the test's data folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.store import Store
from tests.unit.review.helpers import at

NOW = at(date(2026, 3, 11), "20:15")  # a Wednesday evening in Europe/Berlin (2026-W11)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Iterator[Store]:
    s = Store.open(data_dir, clock=clock)
    yield s
    s.close()
