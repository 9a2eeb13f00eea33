"""An installed wheel (not the checkout) finds ui/, assets/ and routines/ in crampcoach/_data/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from crampcoach.core import documents, routines

ROOT = Path(__file__).resolve().parents[3]


def _run(
    cmd: list[str | Path], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=120, cwd=cwd, env=env
    )
    assert proc.returncode == 0, f"{cmd} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.mark.slow
def test_installed_wheel_finds_its_data(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    # --no-isolation: build with the hatchling already installed, no download.
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT])
    [wheel] = dist.glob("crampcoach-*.whl")

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    py = venv / "bin" / "python"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            py,
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            wheel,
        ]
    )
    # The dependencies (msgspec, platformdirs, ...) come from the test's own
    # environment, appended *after* the new venv's site-packages, so the
    # crampcoach package itself can only be the wheel's copy.  (A .pth line
    # only appends a path: the checkout's editable-install .pth is not run.)
    site = Path(
        _run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    )
    (site / "zz_test_deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSAFEPATH"}
    }
    env["CRAMPCOACH_DATA_DIR"] = str(tmp_path / "data")

    where = _run(
        [
            py,
            "-c",
            "import crampcoach, crampcoach.resources as r; print(crampcoach.__file__); print(r.data_root())",
        ],
        cwd=elsewhere,
        env=env,
    ).stdout.split("\n")
    package_file, data_root = Path(where[0]), Path(where[1])
    assert package_file.is_relative_to(venv), package_file
    assert not package_file.is_relative_to(ROOT)
    assert data_root == site / "crampcoach" / "_data"
    for area in ("ui", "assets", "routines"):
        assert (data_root / area).is_dir(), area

    listed = _run(
        [py, "-m", "crampcoach", "routines", "list", "--format", "json"], cwd=elsewhere, env=env
    )
    assert listed.stderr == ""
    expected = {r.id for r in routines.load_all(user_dir=tmp_path / "none").routines}
    assert {r["id"] for r in json.loads(listed.stdout)} == expected
    assert len(expected) == len(routines.routine_files(ROOT / "routines"))

    doc = documents.get("spasm-in-leg")
    shown = _run([venv / "bin" / "crampcoach-cli", "docs", "show", doc.id], cwd=elsewhere, env=env)
    assert shown.stdout.rstrip("\n") == doc.text.rstrip("\n")
