"""Draw a pose with QPainter: on a widget, a QImage or a PDF page (vector everywhere).

The geometry comes from :mod:`crampcoach.core.poses`; this module only picks
colours and strokes.  The working leg is drawn in the side's colour, read
from the player's stylesheet (the LEFT/RIGHT banner's background), so the
picture and the banner can never disagree.  Body, props and ground take the
painter's ink and paper colours, so the figure follows a dark palette.

:class:`PoseView` is the widget: a still pose, or a move animated by a
``QTimeLine`` at the step's pace, at ``FRAME_MS`` (a stick figure needs no
60 frames a second: a third of them costs a third of the CPU).  The animation runs only while the
view is visible and the session runs; hidden or paused, no timer is left.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, QSize, Qt, QTimeLine
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHideEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QRadialGradient,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from crampcoach.core import poses
from crampcoach.core.model import Side, Step
from crampcoach.core.poses import Figure, Layer, Pose, Role
from crampcoach.qt.forms import plain_tip

__all__ = [
    "Ink",
    "PoseStrip",
    "PoseView",
    "paint_pose",
    "pose_image",
    "side_colours",
    "step_picture",
]

#: Milliseconds between frames of a move (25 a second).
FRAME_MS = 40

_BANNER_RULE = re.compile(
    r'QLabel#sideBanner\[side="(?P<side>left|right)"\]\s*\{(?P<body>[^}]*)\}', re.S
)
_BACKGROUND = re.compile(r"(?:^|[;\s])background(?:-color)?\s*:\s*(?P<value>[^;]+);")


@cache
def side_colours() -> Mapping[Side, str]:
    """The LEFT and RIGHT banner colours, from ``ui/player.qss`` (one source for both).

    The stylesheet names them as tokens that ``theme`` fills in; the side
    colours are the same in every palette.
    """
    from crampcoach.qt.theme import player_qss

    qss = player_qss()
    found: dict[Side, str] = {}
    for rule in _BANNER_RULE.finditer(qss):
        value = _BACKGROUND.search(rule["body"])
        if value is not None and QColor(value["value"].strip()).isValid():
            found[Side(rule["side"])] = value["value"].strip()
    missing = {Side.LEFT, Side.RIGHT} - set(found)
    if missing:
        raise LookupError(
            "ui/player.qss has no background for the side banner of: " + ", ".join(sorted(missing))
        )
    return found


@dataclass(frozen=True, slots=True)
class Ink:
    """The colours a pose is drawn in: ink on paper, plus the side colours."""

    ink: QColor
    paper: QColor

    @classmethod
    def of(cls, palette: QPalette) -> Ink:
        """The window text on the window colour of ``palette``."""
        return cls(
            palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
        )

    @classmethod
    def printed(cls) -> Ink:
        """Dark ink on white paper: images and printed sheets."""
        return cls(QColor("#1d1d1b"), QColor("#ffffff"))

    def mix(self, amount: float) -> QColor:
        """``amount`` of the way from ink to paper."""
        a, b = self.ink, self.paper
        return QColor.fromRgbF(
            a.redF() + (b.redF() - a.redF()) * amount,
            a.greenF() + (b.greenF() - a.greenF()) * amount,
            a.blueF() + (b.blueF() - a.blueF()) * amount,
        )


def _pt(p: tuple[float, float]) -> QPointF:
    return QPointF(p[0], p[1])


def _role_colour(role: Role, side: Side, ink: Ink) -> QColor:
    if role is Role.WORKING and side in (Side.LEFT, Side.RIGHT):
        return QColor(side_colours()[side])
    if role in (Role.BODY, Role.WORKING, Role.LEG):
        return ink.mix(0.18 if role is Role.LEG else 0.0)
    if role is Role.FAR:
        return ink.mix(0.45)
    return ink.mix(0.3)


def _fill(role: Role, ink: Ink) -> QColor:
    if role is Role.WATER:
        water = QColor("#5fb3c8")
        water.setAlphaF(0.55)
        return water
    if role is Role.SOFT:
        return QColor("#d9c7a3") if ink.paper.lightnessF() > 0.5 else QColor("#7a6a4c")
    return ink.mix(0.72)


def _stroke(painter: QPainter, colour: QColor, width: float) -> None:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)


def _draw_shapes(painter: QPainter, fig: Figure, layer: Layer, ink: Ink) -> None:
    for shape in fig.shapes:
        if shape.layer is not layer:
            continue
        points = [_pt(p) for p in shape.points]
        if shape.role is Role.MOTION:
            _stroke(painter, ink.mix(0.1), shape.width)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(points))
            continue
        if shape.kind == "polyline":
            _stroke(
                painter,
                _fill(shape.role, ink) if shape.role is Role.SOFT else ink.mix(0.3),
                shape.width,
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(points))
            continue
        _stroke(painter, ink.mix(0.35), 1.0)
        painter.setBrush(QBrush(_fill(shape.role, ink)))
        if shape.kind == "ellipse":
            painter.drawEllipse(QRectF(points[0], points[1]).normalized())
        else:
            painter.drawPolygon(QPolygonF(points))


def _draw_felt(painter: QPainter, fig: Figure, ink: Ink) -> None:
    felt = fig.felt
    if felt is None:
        return
    # A warm glow where the stretch is felt, behind the limb.
    glow = QColor("#e0301e")
    gradient = QRadialGradient(_pt(felt.center), felt.length * 0.75)
    inner, outer = QColor(glow), QColor(glow)
    inner.setAlphaF(0.55)
    outer.setAlphaF(0.0)
    gradient.setColorAt(0.0, inner)
    gradient.setColorAt(0.6, inner)
    gradient.setColorAt(1.0, outer)
    painter.save()
    painter.translate(_pt(felt.center))
    painter.rotate(math.degrees(math.atan2(felt.axis[1], felt.axis[0])))
    painter.translate(-_pt(felt.center))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    c = felt.center
    painter.drawEllipse(
        QRectF(c[0] - felt.length / 2, c[1] - felt.width / 2, felt.length, felt.width)
    )
    painter.restore()


def _draw_arrow(painter: QPainter, fig: Figure) -> None:
    felt = fig.felt
    if felt is None:
        return
    colour = QColor("#c0261a")
    tail, head = _pt(felt.arrow_tail), _pt(felt.arrow_head)
    dx, dy = head.x() - tail.x(), head.y() - tail.y()
    n = math.hypot(dx, dy) or 1.0
    ux, uy = dx / n, dy / n
    base = QPointF(head.x() - ux * 5.5, head.y() - uy * 5.5)
    _stroke(painter, colour, 2.4)
    painter.drawLine(tail, base)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    wing = QPointF(-uy * 3.4, ux * 3.4)
    painter.drawPolygon(QPolygonF([head, base + wing, base - wing]))


def _draw_body(painter: QPainter, fig: Figure, side: Side, ink: Ink) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # The torso goes in just before the near leg; the head sits on top of it.
    for seg in fig.segments:
        _stroke(painter, _role_colour(seg.role, side, ink), seg.width)
        painter.drawLine(_pt(seg.a), _pt(seg.b))
        if seg.role is Role.BODY and seg.width >= poses.TORSO_W:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_role_colour(Role.BODY, side, ink))
            painter.drawEllipse(_pt(fig.head), fig.head_r, fig.head_r)
            eye = QPointF(
                fig.head[0] + fig.face[0] * fig.head_r * 0.45,
                fig.head[1] + fig.face[1] * fig.head_r * 0.45 + fig.head_r * 0.2,
            )
            painter.setBrush(ink.paper)
            painter.drawEllipse(eye, fig.head_r * 0.16, fig.head_r * 0.16)
            painter.setBrush(Qt.BrushStyle.NoBrush)


def _top_of(rect: QRectF, bounds: tuple[float, float, float, float]) -> QRectF:
    """The part of ``rect`` the figure fills at the top, not its middle.

    Long instructions can make the player's page taller than the window; a
    picture centred in that height would sit below the fold, out of sight.
    """
    left, bottom, right, top = bounds
    aspect = max(top - bottom, 1e-6) / max(right - left, 1e-6)
    return QRectF(rect.x(), rect.y(), rect.width(), min(rect.height(), rect.width() * aspect))


def paint_figure(
    painter: QPainter,
    rect: QRectF,
    fig: Figure,
    side: Side,
    ink: Ink,
    bounds: tuple[float, float, float, float] | None = None,
) -> None:
    """Draw ``fig`` fitted into ``rect`` (keeping its proportions, centred).

    ``bounds`` (left, bottom, right, top) fixes the scale, so every frame of
    a move is drawn at one size; by default the figure's own.
    """
    left, bottom, right, top = bounds or fig.bounds()
    w, h = max(right - left, 1e-6), max(top - bottom, 1e-6)
    scale = min(rect.width() / w, rect.height() / h)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Centre, and flip y: the geometry has y up, the painter y down.
    painter.translate(
        rect.center().x() - (left + right) / 2 * scale,
        rect.center().y() + (top + bottom) / 2 * scale,
    )
    painter.scale(scale, -scale)
    _stroke(painter, ink.mix(0.45), 1.6)
    painter.drawLine(_pt(fig.ground[0]), _pt(fig.ground[1]))
    _draw_shapes(painter, fig, Layer.BACK, ink)
    _draw_felt(painter, fig, ink)
    _draw_body(painter, fig, side, ink)
    _draw_shapes(painter, fig, Layer.FRONT, ink)
    _draw_arrow(painter, fig)
    painter.restore()


class _Pictured(Protocol):
    @property
    def pose(self) -> str | None: ...
    @property
    def frames(self) -> tuple[str, ...]: ...
    @property
    def cycle_s(self) -> float | None: ...


def step_picture(step: _Pictured) -> Pose | None:
    """The picture of a step (a Step or a PlannedStep), or None when it names no pose.

    Pose names were checked when the routine loaded; one that is not in the
    library any more (a stale cache) shows no picture rather than failing.
    """
    try:
        return poses.for_step(step.pose, step.frames, step.cycle_s)
    except poses.PoseError:
        return None


def figure_for(pose: Pose, side: Side, angles: Mapping[str, float] | None = None) -> Figure:
    """The figure for one side: RIGHT as drawn in the library, LEFT its mirror image."""
    fig = poses.figure(pose, angles, both_legs=side not in (Side.LEFT, Side.RIGHT))
    return fig.mirrored() if side is Side.LEFT else fig


def side_bounds(pose: Pose, side: Side) -> tuple[float, float, float, float]:
    """Bounds of every frame of ``pose`` on ``side`` (mirrored for LEFT)."""
    left, bottom, right, top = poses.move_bounds(pose)
    if side is Side.LEFT:
        return -right, bottom, -left, top
    return left, bottom, right, top


def paint_pose(
    painter: QPainter,
    rect: QRectF,
    pose: Pose,
    side: Side,
    ink: Ink | None = None,
    phase: float = 0.0,
) -> None:
    """Draw ``pose`` (at ``phase`` of its move) for ``side`` into ``rect``."""
    fig = figure_for(pose, side, pose.at(phase))
    paint_figure(painter, rect, fig, side, ink or Ink.printed(), side_bounds(pose, side))


def pose_image(
    pose: Pose, side: Side, size: QSize, ink: Ink | None = None, phase: float = 0.0
) -> QImage:
    """The pose drawn into a new image of ``size`` on the ink's paper colour."""
    ink = ink or Ink.printed()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(ink.paper)
    painter = QPainter(image)
    paint_pose(painter, QRectF(0, 0, size.width(), size.height()), pose, side, ink, phase)
    painter.end()
    return image


class PoseView(QWidget):
    """A pose, drawn large; a move animates at its pace while visible and running.

    ``set_pose`` chooses what to draw, ``set_running`` follows the session
    (a paused session holds the figure where it is).  The accessible name
    and description say the pose in words for screen readers.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("poseView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        self._pose: Pose | None = None
        self._side = Side.BOTH
        self._bounds: tuple[float, float, float, float] | None = None
        self._running = False
        self._phase = 0.0
        self.animation = QTimeLine(1000, self)
        self.animation.setUpdateInterval(FRAME_MS)
        self.animation.setLoopCount(0)  # for ever
        self.animation.setEasingCurve(QEasingCurve.Type.Linear)
        self.animation.valueChanged.connect(self._on_frame)

    @property
    def pose(self) -> Pose | None:
        """The pose shown, if any."""
        return self._pose

    @property
    def phase(self) -> float:
        """How far through the move's cycle the figure is (0–1)."""
        return self._phase

    def set_pose(self, pose: Pose | None, side: Side, cycle_s: float | None = None) -> None:
        """Show ``pose`` for ``side``; a move cycles once per ``cycle_s`` (default: the pose's)."""
        self.animation.stop()
        self._pose, self._side, self._phase = pose, side, 0.0
        if pose is None:
            self._bounds = None
            self.setAccessibleName("")
            self.setAccessibleDescription("")
            self.setToolTip("")
        else:
            self._bounds = side_bounds(pose, side)
            leg = str(side) if side in (Side.LEFT, Side.RIGHT) else None
            words = poses.describe(pose, leg)
            self.setAccessibleName(self.tr("Picture: {title}").format(title=pose.title))
            self.setAccessibleDescription(words)
            self.setToolTip(plain_tip(words))
            self.animation.setDuration(max(1, round(1000 * (cycle_s or pose.cycle_s))))
        self._sync()
        self.update()

    def set_running(self, running: bool) -> None:
        """Animate while the session runs; hold still while it is paused or ended."""
        self._running = running
        self._sync()

    def _sync(self) -> None:
        wanted = self._running and self._pose is not None and self._pose.moves and self.isVisible()
        state = self.animation.state()
        if wanted:
            if state is QTimeLine.State.Paused:
                self.animation.resume()
            elif state is QTimeLine.State.NotRunning:
                self.animation.start()
        elif state is QTimeLine.State.Running:
            self.animation.setPaused(True)

    def _on_frame(self, value: object) -> None:
        self._phase = float(value)  # type: ignore[arg-type]
        self.update()

    def sizeHint(self) -> QSize:
        """Square and large: it is read from across the room."""
        return QSize(360, 360)

    def hasHeightForWidth(self) -> bool:
        """No: the picture fits whatever rectangle it gets."""
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the current frame on the widget's own colours."""
        if self._pose is None:
            return
        painter = QPainter(self)
        fig = figure_for(self._pose, self._side, self._pose.at(self._phase))
        bounds = self._bounds or fig.bounds()
        rect = _top_of(QRectF(self.rect()).adjusted(6, 6, -6, -6), bounds)
        paint_figure(painter, rect, fig, self._side, Ink.of(self.palette()), bounds)
        painter.end()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again: a running move carries on."""
        super().showEvent(event)
        self._sync()

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden: no animation timer is left behind."""
        super().hideEvent(event)
        self._sync()


class PoseStrip(QWidget):
    """A routine's steps as a row of small still pictures (the main window's preview).

    One widget paints them all; the poses are looked up when first drawn,
    so building a routine card costs nothing until it is shown.  A one-sided
    step is shown on the side it starts with (left).

    The pictures are drawn once into a pixmap, which every paint copies; the
    main window draws them in a round of their own before it shows
    (:meth:`prepare`).  Drawn in every paint (in Python, stroke by stroke),
    the main window's six strips were about 15-20 ms of each full repaint,
    and its first show has up to four (the first paint, the lists opening
    out, the window manager's exposes).  In the first one they made the
    longest round of a tray click: 39-79 ms under Xvfb with a window
    manager, 27-45 ms with the pictures drawn in their own round first.
    """

    CELL = 58  # pixels per picture, before scaling for a narrow card
    MIN_CELL = 44  # the smallest a figure gets: still a person, not a scribble

    def __init__(self, steps: Sequence[Step], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("poseStrip")
        self._steps = tuple(steps)
        self._pictures: list[tuple[Pose | None, Side]] | None = None
        self._drawn: tuple[tuple[float, ...], QPixmap] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.CELL)
        names = [f"{n}. {s.name}" for n, s in enumerate(self._steps, start=1)]
        self.setAccessibleName(self.tr("Pictures of the steps"))
        self.setAccessibleDescription("; ".join(names))
        self.setToolTip(plain_tip("\n".join(names)))

    def pictures(self) -> list[tuple[Pose | None, Side]]:
        """Each step's picture and the side it is drawn for."""
        if self._pictures is None:
            self._pictures = [
                (step_picture(s), Side.LEFT if s.side is Side.EACH else Side.BOTH)
                for s in self._steps
            ]
        return self._pictures

    def sizeHint(self) -> QSize:
        """One cell per step."""
        return QSize(self.CELL * max(1, len(self._steps)), self.CELL)

    def minimumSizeHint(self) -> QSize:
        """Narrow cards shrink the pictures, but never below a readable figure."""
        return QSize(self.MIN_CELL * max(1, len(self._steps)), self.CELL)

    def prepare(self) -> None:
        """Draw the pictures ahead of the first paint, at the size a card of ample width gives."""
        if self.pictures():
            self._draw(float(self.CELL))

    def _draw(self, cell: float) -> QPixmap:
        """The pictures in cells of ``cell`` pixels, in this strip's colours and pixel ratio.

        Drawn again only when one of those changed.
        """
        pictures = self.pictures()
        ratio = self.devicePixelRatioF()
        ink = Ink.of(self.palette())
        key = (cell, float(self.height()), ratio, float(ink.ink.rgba()), float(ink.paper.rgba()))
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        pixmap = QPixmap(
            max(1, math.ceil(cell * len(pictures) * ratio)),
            max(1, math.ceil(self.height() * ratio)),
        )
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        for n, (pose, side) in enumerate(pictures):
            if pose is None:
                continue
            paint_pose(
                painter, QRectF(n * cell + 2, 2, cell - 4, self.height() - 4), pose, side, ink
            )
        painter.end()
        self._drawn = (key, pixmap)
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        """Every step's picture, left to right, each in its own cell."""
        pictures = self.pictures()
        if not pictures:
            return
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._draw(min(float(self.CELL), self.width() / len(pictures))))
        painter.end()
