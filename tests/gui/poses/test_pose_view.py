"""Drawing poses: LEFT is the mirror image of RIGHT, the side's colour is the banner's,
and a move animates only while shown and running."""

from __future__ import annotations

import functools

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from crampcoach.core import poses
from crampcoach.core.model import Side
from crampcoach.qt import pose_view
from crampcoach.qt.pose_view import PoseView, pose_image, side_colours

SIZE = QSize(240, 240)


def _rgb(image: QImage) -> list[tuple[int, int, int]]:
    """The pixels, row by row (the width keeps RGB888 rows unpadded)."""
    assert (image.width() * 3) % 4 == 0
    data = bytes(image.convertToFormat(QImage.Format.Format_RGB888).constBits())
    return list(zip(data[0::3], data[1::3], data[2::3], strict=True))


def _near(pixel: tuple[int, int, int], colour: str, tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, _tuple(colour), strict=True))


@functools.cache
def _tuple(colour: str) -> tuple[int, int, int]:
    c = QColor(colour)
    return c.red(), c.green(), c.blue()


def _mirror(image: QImage) -> QImage:
    return image.flipped(Qt.Orientation.Horizontal)


def test_side_colours_are_the_banner_colours_of_the_player_stylesheet() -> None:
    from crampcoach.qt.theme import player_qss

    colours = side_colours()
    qss = player_qss()  # the stylesheet as the player gets it, tokens filled in
    for side in (Side.LEFT, Side.RIGHT):
        rule = qss.split(f'QLabel#sideBanner[side="{side}"]', 1)[1].split("}", 1)[0]
        assert f"background: {colours[side]}" in rule
    assert QColor(colours[Side.LEFT]) != QColor(colours[Side.RIGHT])


@pytest.mark.parametrize("name", poses.names())
def test_left_is_the_right_picture_mirrored(
    qapp: object, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pose = poses.get(name)
    left = pose_image(pose, Side.LEFT, SIZE)
    colours = side_colours()
    # Colour-swapped: draw RIGHT in LEFT's colour, then the pictures must match exactly.
    monkeypatch.setattr(
        pose_view,
        "side_colours",
        lambda: {Side.LEFT: colours[Side.LEFT], Side.RIGHT: colours[Side.LEFT]},
    )
    right_as_left = _mirror(pose_image(pose, Side.RIGHT, SIZE))
    a, b = _rgb(left), _rgb(right_as_left)
    if a == b:
        differing: list[int] = []
    else:
        differing = [
            n
            for n, (p, q) in enumerate(zip(a, b, strict=True))
            if max(abs(x - y) for x, y in zip(p, q, strict=True)) > 8
        ]
    assert len(differing) <= len(a) // 500, f"{name}: {len(differing)} pixels differ"
    # And the picture is not empty or symmetric by accident: mirroring changes it.
    assert sum(p != (255, 255, 255) for p in a) > 2000
    assert sum(p != q for p, q in zip(a, _rgb(_mirror(left)), strict=True)) > 500


def test_the_working_leg_is_in_its_sides_colour_and_only_there(qapp: object) -> None:
    pose = poses.get("standing-calf-stretch")
    colours = side_colours()
    for side, other in ((Side.LEFT, Side.RIGHT), (Side.RIGHT, Side.LEFT)):
        pixels = _rgb(pose_image(pose, side, SIZE))
        assert sum(_near(p, colours[side]) for p in pixels) > 400, side
        assert sum(_near(p, colours[other]) for p in pixels) == 0, side
    both = _rgb(pose_image(pose, Side.BOTH, SIZE))
    assert not any(_near(p, colours[Side.LEFT]) or _near(p, colours[Side.RIGHT]) for p in both)


def test_left_faces_left_and_right_faces_right(qapp: object) -> None:
    # The working foot of the calf stretch is behind: on the left of the picture for RIGHT.
    pose = poses.get("standing-calf-stretch")
    colours = side_colours()
    for side, on_left in ((Side.RIGHT, True), (Side.LEFT, False)):
        pixels = _rgb(pose_image(pose, side, SIZE))
        xs = [n % SIZE.width() for n, p in enumerate(pixels) if _near(p, colours[side])]
        mean = sum(xs) / len(xs)
        assert (mean < SIZE.width() / 2) is on_left, side


def test_pdf_and_widget_paint_the_same_pose(qapp: object, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPdfWriter

    path = tmp_path / "pose.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    pose_view.paint_pose(
        painter, QRectF(0, 0, 2000, 2000), poses.get("standing-calf-stretch"), Side.LEFT
    )
    painter.end()
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Subtype /Image" not in data  # vector paths, no bitmap


def test_a_move_animates_only_while_visible_and_running(qtbot) -> None:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    view = PoseView(host)
    view.set_pose(poses.get("march"), Side.BOTH, cycle_s=1.0)
    host.show()
    qtbot.waitExposed(host)
    assert view.animation.state() is view.animation.State.NotRunning  # not running yet
    view.set_running(True)
    assert view.animation.state() is view.animation.State.Running
    assert view.animation.duration() == 1000
    view.animation.setCurrentTime(250)
    assert view.phase == pytest.approx(0.25)
    view.set_running(False)  # paused session: the figure holds where it is
    assert view.animation.state() is view.animation.State.Paused
    assert view.phase == pytest.approx(0.25)
    view.set_running(True)
    host.hide()  # hidden: no timer at all
    assert view.animation.state() is not view.animation.State.Running
    host.show()
    assert view.animation.state() is view.animation.State.Running
    view.set_pose(poses.get("standing-calf-stretch"), Side.LEFT)  # a hold is still
    assert view.animation.state() is view.animation.State.NotRunning
    assert "left leg" in view.accessibleDescription()
    assert view.accessibleName() == "Picture: Standing calf stretch"
