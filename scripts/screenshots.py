"""Regenerate the README screenshots from the real widgets (offscreen, ``QWidget.grab``).

    .venv/bin/python scripts/screenshots.py                      # a 1280x800 screen, into docs/screenshots/
    .venv/bin/python scripts/screenshots.py --screen 1024x600 --out /tmp/shots  # check a small screen
    .venv/bin/python scripts/screenshots.py --size 1920x1080 --out /tmp/shots   # force a window size
    .venv/bin/python scripts/screenshots.py --poses --out docs/screenshots/poses/1280x800
        # the player on one hold and one move of every routine (README, "Every stretch")
    .venv/bin/python scripts/screenshots.py --all    # the README set: light, dark, and 2x

Each window opens as it does on a first start (no remembered size) on a
simulated screen of ``--screen`` pixels, so a picture shows what a person on
that screen sees, scroll bars and all; ``--size`` forces a window size instead.
``--theme dark`` gives the desktop a dark palette (the app follows it);
``--scale 2`` renders at 200 % (QT_SCALE_FACTOR, set before Qt starts, so the
script runs itself again in a child process).

Uses a throw-away data folder with a little history and a fixed clock, so the
pictures are the same on every run.  Look at every PNG after a layout change:
text must not be cut, overlap or be unreadable.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from crampcoach.core.clock import FakeClock  # noqa: E402
from crampcoach.core.events import SessionEvent, WaterEvent, new_id  # noqa: E402
from crampcoach.core.model import Side  # noqa: E402

Shot = Callable[[], QWidget]


def _settle(widget: QWidget, size: tuple[int, int] | None) -> None:
    if size is not None:
        widget.resize(*size)
    widget.show()
    for _ in range(5):  # layouts, then word-wrapped heights, then paint
        QApplication.processEvents()


def _quiet_offscreen(kind: QtMsgType, _context: object, message: str) -> None:
    # The offscreen platform logs this for every window with a layout: it does not
    # implement QPlatformWindow::propagateSizeHints. Nothing is wrong with the shot.
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def pose_shots(app: object) -> dict[str, Shot]:
    """The player on the first still step and the first moving step of every routine."""
    from crampcoach.qt.pose_view import step_picture
    from tests.gui.player.staging import staged_player

    shots: dict[str, Shot] = {}
    for routine in app.routines.values():  # type: ignore[attr-defined]
        planned = routine.expanded()
        for kind, moving in (("hold", False), ("move", True)):
            # A one-sided step if there is one: the picture must say which leg.
            candidates = [
                n
                for n, s in enumerate(planned)
                if (p := step_picture(s)) is not None and p.moves is moving
            ]
            if not candidates:
                continue
            sided = [n for n in candidates if planned[n].side is not Side.BOTH]
            position = (sided or candidates)[0]

            def make(routine: object = routine, position: int = position) -> QWidget:
                player = staged_player(routine, planned_side(routine, position), seconds_in=3.0)  # type: ignore[arg-type]
                while player.session.segment.step_position != position:
                    player.skip()
                if player.pose_view.pose is not None and player.pose_view.pose.moves:
                    # Held on its first key frame: the clearest picture, the same on every run.
                    player.pose_view.set_running(False)
                    player.pose_view.animation.setCurrentTime(0)
                return player

            shots[f"player_{routine.id}_{kind}"] = make
    return shots


def planned_side(routine: object, position: int) -> Side:
    """The side of the planned step at ``position``; BOTH steps start from the first one."""
    return routine.expanded()[position].side  # type: ignore[attr-defined,no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--screen",
        help="the simulated screen WxH in pixels (default 1280x800; 1920x1080 with --scale 2)",
    )
    parser.add_argument("--size", help="force every window to WxH (default: a first start's size)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--poses",
        action="store_true",
        help="instead: the player on one hold and one move of every routine",
    )
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--scale", type=int, choices=(1, 2), default=1)
    parser.add_argument("--suffix", default="", help="added to each file name, e.g. -dark")
    parser.add_argument("--shots", default="", help="comma-separated names (default: all)")
    parser.add_argument("--all", action="store_true", help="the README set: light, dark, 2x")
    args = parser.parse_args(argv)
    if args.all:
        return _all(args.out)
    if args.scale != 1 and os.environ.get("QT_SCALE_FACTOR") != str(args.scale):
        return _rerun_scaled(sys.argv[1:] if argv is None else argv, args.scale)
    size = _dimensions(args.size) if args.size else None
    screen = _dimensions(args.screen or ("1920x1080" if args.scale == 2 else "1280x800"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        # Nothing remembered from (or written to) this computer's window sizes.
        os.environ["XDG_STATE_HOME"] = str(Path(scratch) / "state")
        if os.environ["QT_QPA_PLATFORM"] == "offscreen":
            config = Path(scratch) / "screen.json"
            config.write_text(json.dumps({"screens": [_screen(*screen)]}), encoding="utf-8")
            os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        return _shoot(args, size)


def _dimensions(text: str) -> tuple[int, int]:
    width, height = (int(n) for n in text.lower().split("x"))
    return width, height


def _screen(width: int, height: int) -> dict[str, object]:
    """The offscreen platform's description of one screen (its pixels; Qt scales them)."""
    return {
        "name": "shots",
        "x": 0,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "dpr": 1,
    }


def _shoot(args: argparse.Namespace, size: tuple[int, int] | None) -> int:
    from crampcoach.qt import theme
    from crampcoach.qt.app import App
    from crampcoach.qt.launch import setup_qapplication
    from crampcoach.store import Store

    qapp = setup_qapplication()
    qInstallMessageHandler(_quiet_offscreen)
    # The desktop's palette; the app's "theme" setting (system) follows it.
    palette = theme.dark_palette() if args.theme == "dark" else theme.light_palette()
    theme.use_system_palette(palette)
    theme.apply(qapp)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        # A Tuesday evening, local time, with some history.
        clock = FakeClock(datetime(2026, 3, 10, 20, 30).astimezone())
        now = clock.now()
        store = Store.open(data_dir, clock=clock)
        for days, rid, kind in ((1, "bedtime", "bedtime"), (3, "leg-stretch", "stretch")):
            end = now - timedelta(days=days, hours=-2)
            store.add(
                SessionEvent(
                    id=new_id(),
                    at=end,
                    routine_id=rid,
                    routine_kind=kind,
                    started=end - timedelta(minutes=8),
                    completed=True,
                )
            )
        store.add(
            SessionEvent(
                id=new_id(),
                at=now - timedelta(hours=3),
                routine_id="warmup",
                routine_kind="warmup",
                started=now - timedelta(hours=3, minutes=5),
                completed=True,
            )
        )
        for hours in (9, 6, 4, 1):
            store.add(WaterEvent(id=new_id(), at=now - timedelta(hours=hours), ml=250))
        app = App(store, data_dir, clock=clock, background=False)

        def main_window() -> QWidget:
            return app.main_window

        def reader() -> QWidget:
            bedtime = app.routines["bedtime"]
            # The trial-backed calf stretch: a step with an evidence note.
            step = next(s for s in bedtime.expanded() if s.evidence and s.side is Side.LEFT)
            cite = step.citations[0]
            app.show_document(cite.doc, cite.quote, step.evidence, step)
            assert app.reader is not None
            return app.reader

        def player(side: Side) -> Shot:
            def make() -> QWidget:
                from tests.gui.player.staging import staged_player

                return staged_player(app.routines["bedtime"], side, seconds_in=4.0)

            return make

        def review_window() -> QWidget:
            # Runs last: the history it adds must not change the other shots.
            from crampcoach.core.review import IsoWeek
            from crampcoach.qt.review_view import ReviewWindow
            from tests.unit.review.helpers import history

            store.add_many(history(now, weeks=8))
            window = ReviewWindow(store, app.live, clock=clock, journal=app.journal)
            window.show_week(IsoWeek.of(now.date()).shift(-1))  # last week: a whole one
            return window

        shots: dict[str, Shot] = (
            pose_shots(app)
            if args.poses
            else {
                "main_window": main_window,
                "player_left": player(Side.LEFT),
                "player_right": player(Side.RIGHT),
                "document_reader": reader,
                "review_window": review_window,
            }
        )
        wanted = [n for n in args.shots.split(",") if n] or list(shots)
        for name in wanted:
            widget = shots[name]()
            _settle(widget, size)
            path = args.out / f"{name}{args.suffix}.png"
            if not widget.grab().save(str(path)):
                print(f"could not write {path}", file=sys.stderr)
                return 1
            print(path)
            if widget is not app.main_window:
                widget.close()
        app.main_window.hide()
        store.close()
    return 0


def _rerun_scaled(argv: list[str], scale: int) -> int:
    """Run this script again with Qt scaled (only possible before Qt starts)."""
    import subprocess

    env = dict(os.environ, QT_SCALE_FACTOR=str(scale))
    return subprocess.run([sys.executable, __file__, *argv], env=env, check=False).returncode


def _all(out: Path) -> int:
    """The README's set: every window light and dark, and the main window and player at 2x."""
    import subprocess

    runs = (
        ["--out", str(out)],
        ["--out", str(out), "--theme", "dark", "--suffix=-dark"],
        [
            "--out",
            str(out),
            "--scale",
            "2",
            "--suffix=-2x",
            "--shots",
            "main_window,player_left",
        ],
    )
    for extra in runs:
        code = subprocess.run([sys.executable, __file__, *extra], check=False).returncode
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
