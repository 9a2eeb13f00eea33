"""The desktop benchmark's opt-in probe: off by default, and each command does what it says."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from crampcoach.qt import probe

# The offscreen platform does not implement QPlatformWindow::propagateSizeHints.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _events(folder: Path) -> list[dict[str, Any]]:
    path = folder / "events.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines()]


class _Link:
    def __init__(self, folder: Path, qtbot: Any) -> None:
        self.folder, self.qtbot = folder, qtbot
        self.fd = os.open(folder / "cmd", os.O_WRONLY | os.O_NONBLOCK)

    def send(self, **command: Any) -> dict[str, Any]:
        before = len(_events(self.folder))
        os.write(self.fd, (json.dumps(command) + "\n").encode())
        self.qtbot.waitUntil(lambda: len(_events(self.folder)) > before)
        return _events(self.folder)[before]


@pytest.fixture
def probed(make_app: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv(probe.ENV, str(tmp_path / "probe"))
    app = make_app()
    p = probe.install(app)
    assert p is not None
    link = _Link(tmp_path / "probe", qtbot)
    yield app, p, link
    os.close(link.fd)
    p.close()


def test_without_its_variable_nothing_is_installed(
    make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(probe.ENV, raising=False)
    assert probe.install(make_app()) is None


def test_opening_a_window_reports_its_first_paint_and_closing_releases_it(
    probed: Any, qtbot: Any
) -> None:
    app, _p, link = probed
    # Not yet open: the review reads its week on a worker first, then paints.
    assert link.send(cmd="open", window="review")["opened"] is False
    qtbot.waitUntil(lambda: any(e.get("painted") == "review" for e in _events(link.folder)))
    assert "review" in link.send(cmd="windows")["windows"]
    assert link.send(cmd="close", window="review")["found"] is True
    qtbot.waitUntil(lambda: "review" not in app.windows)
    assert "review" not in link.send(cmd="windows")["windows"]


def test_first_paints_are_watched_on_each_window_never_the_whole_application(
    probed: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An application-wide Python event filter made PySide build a Python type
    # for every class of object it was handed (~40 ms of the first main
    # window's round, in the benchmark only): the probe must not install one.
    from PySide6.QtWidgets import QApplication

    app, p, link = probed
    qapp = QApplication.instance()
    assert qapp is not None
    filtered: list[object] = []
    real = type(qapp).installEventFilter

    def spy(self: Any, obj: Any) -> None:
        filtered.append(obj)
        real(self, obj)

    monkeypatch.setattr(type(qapp), "installEventFilter", spy)
    link.send(cmd="expect", window="main")
    app.show_main_window()
    qtbot.waitUntil(lambda: any(e.get("painted") == "main" for e in _events(link.folder)))
    link.send(cmd="expect", window="player")
    assert app.start_routine("bedtime")
    qtbot.waitUntil(lambda: any(e.get("painted") == "player" for e in _events(link.folder)))
    assert p not in filtered
    painted = [e["painted"] for e in _events(link.folder) if "painted" in e]
    assert painted == ["main", "player"]  # each once: the filter leaves after the first paint
    app.player.close()


def test_heartbeat_reports_its_longest_gap_when_switched_off(probed: Any) -> None:
    _app, _p, link = probed
    link.send(cmd="heartbeat", on=True)
    reply = link.send(cmd="heartbeat", on=False)
    assert reply["on"] is False and reply["max_gap_ms"] >= 0 and reply["beats"] >= 0


def test_a_bad_command_is_reported_not_fatal(probed: Any) -> None:
    _app, _p, link = probed
    assert "unknown probe command" in link.send(cmd="dance")["error"]
    assert "error" in link.send(cmd="open", window="nowhere")
    assert link.send(cmd="windows")["cmd"] == "windows"  # still answering


def test_windows_are_counted_from_the_app_never_from_qts_list_of_top_levels(
    probed: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Wrapping the tray's private QSystemTrayIconSys added PSS the app never pays
    # (0.7 MiB idle, 0.2 MiB after the day): the probe must find and count
    # windows without that list.
    from PySide6.QtWidgets import QApplication

    app, _p, link = probed

    def refused() -> list[Any]:
        raise AssertionError("the probe asked Qt for every top-level widget")

    monkeypatch.setattr(QApplication, "topLevelWidgets", staticmethod(refused))
    assert link.send(cmd="windows")["windows"] == ["main"]  # built before the probe
    link.send(cmd="open", window="review")
    qtbot.waitUntil(lambda: any(e.get("painted") == "review" for e in _events(link.folder)))
    assert link.send(cmd="windows")["windows"] == ["main", "review"]
    app.show_main_window()
    assert link.send(cmd="hide", window="main")["found"] is True
    assert not app.main_window.isVisible()
    assert link.send(cmd="close", window="review")["found"] is True
    # Gone when Qt destroys it (its deferred delete), not when it is only closed.
    qtbot.waitUntil(lambda: link.send(cmd="windows")["windows"] == ["main"])
