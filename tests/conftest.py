"""Test-wide setup: headless Qt, and never the user's real data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# pytest with neither DISPLAY nor QT_QPA_PLATFORM aborts inside Qt; this must
# run before anything imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]

# In CI a skipped test fails (see tests/strict_skips.py).
pytest_plugins = ["tests.strict_skips"]


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every test gets its own data folder; the real home directory is never touched."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "xdg-cache"))
    # This computer's own state (device id, lock when there is no runtime
    # folder) lives outside the data folder, as it does for a user.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    # The app's socket folder: private to the test, as systemd makes the real one.
    runtime = tmp_path_factory.mktemp("run")
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    yield folder


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    """The test's private data folder (the same one CRAMPCOACH_DATA_DIR names)."""
    return _isolated_data_dir
