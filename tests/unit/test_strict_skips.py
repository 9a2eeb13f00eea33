"""CI fails a run in which a test skipped; locally a skip stays a skip."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SAMPLE = """
import shutil
import pytest

def test_runs():
    assert True

@pytest.mark.skipif(shutil.which("no-such-tool-here") is None, reason="needs no-such-tool-here")
def test_needs_a_tool():
    pass

def test_skips_inside():
    pytest.skip("no-such-tool-here is not installed")

@pytest.mark.xfail(reason="a known bug", strict=True)
def test_expected_failure():
    assert False
"""


PYTEST = [sys.executable, "-m", "pytest", "-p", "tests.strict_skips", "-p", "no:cacheprovider"]
PYTEST += ["-q", "-rfE", "-c", os.devnull]


def _run(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    # The plugin by name, in a folder of its own: none of our conftest or settings apply.
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [*PYTEST, "--rootdir", str(tmp_path), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )


def test_in_ci_every_skip_fails(tmp_path: Path) -> None:
    run = _run(tmp_path, "true")
    assert run.returncode == 1, run.stdout
    # A skip while setting up (skipif) is an error, one inside the test a failure.
    assert "1 failed, 1 passed, 1 xfailed, 1 error" in run.stdout
    assert (
        "skipped in CI, where every tool must be installed: needs no-such-tool-here" in run.stdout
    )
    assert "no-such-tool-here is not installed" in run.stdout


@pytest.mark.parametrize("ci", [None, "false"])
def test_outside_ci_a_skip_stays_a_skip(tmp_path: Path, ci: str | None) -> None:
    run = _run(tmp_path, ci)
    assert run.returncode == 0, run.stdout
    assert "1 passed, 2 skipped, 1 xfailed" in run.stdout
