"""A built wheel carries compiled translations, and the app from it speaks German under LANG=de."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import sys
from crampcoach.qt.launch import setup_qapplication
from crampcoach.qt.main_window import MainWindow
from PySide6.QtCore import QCoreApplication
app = setup_qapplication()
w = MainWindow()
print(QCoreApplication.translate("Tray", "Quit"))
print(w.menuBar().actions()[-1].text())
import crampcoach
print(crampcoach.__file__)
from pathlib import Path
from crampcoach.qt.app import load_library
print(next(r.title for r in load_library(Path(sys.argv[1])).routines if r.id == "bedtime"))
"""


def _run(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    out = subprocess.run(
        cmd, capture_output=True, text=True, timeout=300, env=env, cwd=cwd, check=False
    )
    assert out.returncode == 0, f"{cmd}:\n{out.stdout}\n{out.stderr}"
    return out.stdout


def test_wheel_holds_qm_files_and_starts_in_german(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    # --no-isolation: the hook's PySide6 (lrelease) and hatchling are the test env's.
    _run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ]
    )
    [wheel] = dist.glob("crampcoach-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "crampcoach/_data/translations/crampcoach_de.qm" in names
    assert "crampcoach/_data/translations/crampcoach_de.ts" in names

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    py = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps",
          "--no-index", str(wheel)])  # fmt: skip
    # Dependencies (PySide6, ...) from this environment, after the wheel's own package.
    site = Path(
        _run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip()
    )
    (site / "zz_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))} | {
        "LANG": "de_DE.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    # Not from the checkout: "python -c" puts the working folder first on sys.path.
    lines = _run([str(py), "-c", PROBE, str(tmp_path / "data")], env=env, cwd=tmp_path).splitlines()
    assert lines[0] == "Beenden" and lines[1] == "&Hilfe", lines
    assert lines[2].startswith(str(venv)), lines  # the wheel's copy, not the checkout
    assert lines[3] == "Vor dem Schlafen", lines  # the routine file's own German
    assert not (tmp_path / "cache" / "crampcoach" / "translations").exists()  # the wheel had them
