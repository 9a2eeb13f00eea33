"""Pictures where people look: the player beside the countdown, the main window's strip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect

from crampcoach.core import routines
from crampcoach.core.clock import FakeClock
from crampcoach.core.model import Routine, Side
from crampcoach.qt.main_window import RoutineCard
from crampcoach.qt.player import PlayerWindow
from tests.gui.player.staging import make_player

QUIET = {"sounds": False, "voice": False}


@pytest.fixture(scope="module")
def builtin() -> dict[str, Routine]:
    result = routines.load_all(user_dir=Path("/nonexistent/crampcoach-test"))
    return {r.id: r for r in result.routines}


def open_player(qtbot: Any, routine: Routine, clock: FakeClock) -> PlayerWindow:
    player = make_player(routine, None, QUIET, clock, keep_awake=False, lead_in_s=0)
    qtbot.addWidget(player)
    player.resize(1280, 800)
    player.show()
    qtbot.waitExposed(player)
    return player


def _global(widget: Any) -> QRect:
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def test_the_player_shows_the_steps_picture_large_beside_the_countdown(
    qtbot: Any, builtin: dict[str, Routine]
) -> None:
    clock = FakeClock()
    p = open_player(qtbot, builtin["leg-stretch"], clock)
    view = p.pose_view
    assert view.isVisible() and view.pose is not None
    assert view.pose.name == "standing-calf-stretch"
    picture, countdown = _global(view), _global(p.countdown)
    assert picture.right() < countdown.left()  # beside it, on the same band
    assert picture.top() < countdown.bottom() and countdown.top() < picture.bottom()
    assert min(picture.width(), picture.height()) >= 300  # readable across the room
    assert "left leg" in view.accessibleDescription()
    p.skip()  # the same stretch on the right leg: the same pose, the other side
    assert p.session.side is Side.RIGHT and view.pose.name == "standing-calf-stretch"
    assert "right leg" in view.accessibleDescription()


def test_a_move_animates_with_the_session_and_stops_with_it(
    qtbot: Any, builtin: dict[str, Routine]
) -> None:
    clock = FakeClock()
    p = open_player(qtbot, builtin["warmup"], clock)
    anim = p.pose_view.animation
    assert p.pose_view.pose is not None and p.pose_view.pose.name == "march"
    assert anim.state() is anim.State.Running
    assert anim.duration() == round(1000 * p.pose_view.pose.cycle_s)
    p.toggle_pause()
    assert anim.state() is anim.State.Paused
    p.toggle_pause()
    assert anim.state() is anim.State.Running
    p.hide()  # no animation timer while nobody can see it
    assert anim.state() is not anim.State.Running
    p.show()
    qtbot.waitExposed(p)
    assert anim.state() is anim.State.Running
    while p.session.step.hold_s is None and p.session.step.name != "Heel raises":
        p.skip()
    assert p.pose_view.pose is not None and p.pose_view.pose.name == "heel-raises"
    p.stop()
    assert anim.state() is not anim.State.Running


def test_a_hold_is_still(qtbot: Any, builtin: dict[str, Routine]) -> None:
    p = open_player(qtbot, builtin["bedtime"], FakeClock())
    while p.session.step.hold_s is None:
        p.skip()
    assert p.pose_view.animation.state() is p.pose_view.animation.State.NotRunning


def test_a_step_without_a_pose_shows_no_empty_frame(
    qtbot: Any, builtin: dict[str, Routine]
) -> None:
    from dataclasses import replace

    bare = replace(
        builtin["leg-stretch"],
        steps=tuple(replace(s, pose=None) for s in builtin["leg-stretch"].steps),
    )
    p = open_player(qtbot, bare, FakeClock())
    assert p.pose_view.isHidden()


def test_the_routine_card_shows_a_strip_of_its_steps(
    qtbot: Any, builtin: dict[str, Routine]
) -> None:
    routine = builtin["warmup"]
    card = RoutineCard(routine, None)
    qtbot.addWidget(card)
    card.strip.resize(400, card.strip.CELL)
    pictures = card.strip.pictures()
    assert [pose.name if pose else None for pose, _ in pictures] == [s.pose for s in routine.steps]
    # One-sided steps are drawn on the side they start with.
    assert [side for _, side in pictures] == [
        Side.LEFT if s.side is Side.EACH else Side.BOTH for s in routine.steps
    ]
    assert all(s.name in card.strip.accessibleDescription() for s in routine.steps)
    image = card.strip.grab().toImage()
    inked = sum(
        image.pixelColor(x, y).lightness() < 100
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )
    assert inked > 50


def _drawn_paper(widget: Any) -> Any:
    """The colour most of ``widget``'s pixels have where its window draws it: the page behind
    the figure (a transparent strip shows its card, so the window is grabbed, not the widget)."""
    from collections import Counter

    from PySide6.QtGui import QColor

    window = widget.window()
    top_left = widget.mapTo(window, widget.rect().topLeft())
    image = window.grab(QRect(top_left, widget.size())).toImage()
    counts = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    )
    return QColor.fromRgb(counts.most_common(1)[0][0])


def test_a_dark_system_palette_never_draws_a_pale_figure_on_a_pale_page(
    qtbot: Any, qapp: Any, builtin: dict[str, Routine]
) -> None:
    """The pages follow the palette (dark here), and the figure's ink stands out from the page
    actually drawn behind it, in the player and on a routine card alike."""
    from crampcoach.qt import theme
    from crampcoach.qt.pose_view import Ink

    before = theme.system_palette()
    theme.use_system_palette(theme.dark_palette())
    theme.apply(qapp, "system")
    try:
        p = open_player(qtbot, builtin["leg-stretch"], FakeClock())
        ink = Ink.of(p.pose_view.palette())
        assert theme.contrast(ink.ink, _drawn_paper(p.pose_view)) >= 4.5
        card = RoutineCard(builtin["warmup"], None)
        qtbot.addWidget(card)
        card.ensurePolished()
        card.resize(640, card.heightForWidth(640))
        card.layout().activate()
        strip = Ink.of(card.strip.palette())
        assert theme.contrast(strip.ink, _drawn_paper(card.strip)) >= 4.5
        assert theme.is_dark(qapp.palette())
    finally:
        theme.use_system_palette(before)
        theme.apply(qapp)


def test_the_strip_draws_its_pictures_once_and_again_only_when_they_change(
    qtbot: Any, builtin: dict[str, Routine], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every paint copies one drawing; a narrower card or other colours draw it anew."""
    from PySide6.QtGui import QColor, QPalette

    from crampcoach.qt import pose_view

    drawn: list[float] = []
    real = pose_view.paint_pose

    def counting(painter: Any, rect: Any, *args: Any, **kwargs: Any) -> None:
        drawn.append(rect.width())
        real(painter, rect, *args, **kwargs)

    monkeypatch.setattr(pose_view, "paint_pose", counting)
    routine = builtin["warmup"]
    steps = len(routine.steps)
    card = RoutineCard(routine, None)
    qtbot.addWidget(card)
    card.ensurePolished()  # as the main window's list does when the card is added
    strip = card.strip
    strip.prepare()  # ahead of the first paint, at a wide card's cell
    assert len(drawn) == steps
    strip.resize(strip.CELL * steps + 40, strip.CELL)
    first = strip.grab().toImage()
    strip.grab()
    assert len(drawn) == steps  # two paints, no drawing
    strip.resize(strip.MIN_CELL * steps, strip.CELL)  # a narrow card: smaller cells
    strip.grab()
    assert len(drawn) == 2 * steps
    assert drawn[-1] < drawn[0]
    palette = strip.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff"))
    strip.setPalette(palette)  # a theme change: the ink is another colour
    strip.grab()
    assert len(drawn) == 3 * steps
    strip.resize(strip.CELL * steps + 40, strip.CELL)
    assert strip.grab().toImage() != first  # drawn in the new ink, not the old copy
