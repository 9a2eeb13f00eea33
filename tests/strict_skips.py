"""In CI a skipped test is a failed test.

CI installs every tool the tests need (scripts/dev.sh), so a test that skips
there ("dbus-daemon is not installed", "needs pulseaudio") means the set-up is
broken and the test did not run: the run must not go green.  Locally a skip
stays a skip, so a developer without Xvfb can still run the rest.

CI is recognised by ``CI`` set to anything but empty, ``0``, ``false`` or
``no`` (.ci/run sets ``CI=true``; hosted CI services set it too).
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import pytest


def strict() -> bool:
    """Whether skips count as failures in this run."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    longrepr = report.longrepr
    text = str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return text.removeprefix("Skipped: ")


def _fail(report: pytest.TestReport | pytest.CollectReport) -> None:
    report.longrepr = (
        f"skipped in CI, where every tool must be installed: {_reason(report)} "
        "(add the missing package to scripts/dev.sh)"
    )
    report.outcome = "failed"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport() -> Generator[Any]:
    """A skipped test (not an expected failure) fails when :func:`strict`."""
    report: pytest.TestReport = yield
    if report.skipped and not hasattr(report, "wasxfail") and strict():
        _fail(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report() -> Generator[Any]:
    """A module skipped as a whole (``pytest.skip(allow_module_level=True)``) fails too."""
    report: pytest.CollectReport = yield
    if report.skipped and strict():
        _fail(report)
    return report
