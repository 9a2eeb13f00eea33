"""The pose library: a figure's joint angles and props per pose → 2-D geometry.

Poses live in ``assets/poses/poses.toml`` (one table per pose; the format is
in routines/README.md).  This module turns one into plain geometry — thick
round-capped segments, a head, prop shapes, the "felt here" marker — that any
painter can draw (the Qt one is ``crampcoach.qt.pose_view``); it has no Qt.

Conventions.  The figure is seen from the side, facing +x, y up, in units of
about 1/100 of its standing height, with the ground at y = 0.  A figure facing
right shows its *right* side to the viewer, so the canonical drawing is the
RIGHT leg working: the near leg (drawn in front, in the side's colour) is the
working leg.  LEFT is exactly the same figure mirrored (``Figure.mirrored``),
never a second drawing; its near side is then the left.

Angles are in degrees and relative, as a physiotherapist states them:

* ``torso``: lean from upright, forward positive (90 = face down, −90 = on the back);
* ``head``: tilt from the torso's line, forward positive;
* a leg's ``hip``: the thigh forward from the torso's line (90 = sitting);
  ``knee``: bend (0 = straight); ``ankle``: toes pointed down positive, pulled up negative;
* an arm's ``shoulder``: forward from the torso's line (90 = straight ahead when
  upright, 180 = overhead); ``elbow``: bend, the forearm folding forward.

A pose with ``frames`` is a move: each frame overrides some angles of the base
pose, and the figure goes through the frames and back to the first once per
``cycle_s`` seconds.  A still picture of a move (a printed sheet, the
preview strip) shows its first frame.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from crampcoach import resources

__all__ = [
    "FELT_REGIONS",
    "JOINTS",
    "PROPS",
    "Felt",
    "Figure",
    "Layer",
    "Pose",
    "PoseError",
    "Role",
    "Segment",
    "Shape",
    "describe",
    "figure",
    "for_step",
    "get",
    "library",
    "load_library",
    "move_bounds",
    "names",
]

#: The joints a pose or a frame may set, as ``group.joint`` (``torso`` and ``head`` alone).
JOINTS = (
    "torso",
    "head",
    "leg.hip",
    "leg.knee",
    "leg.ankle",
    "other_leg.hip",
    "other_leg.knee",
    "other_leg.ankle",
    "arm.shoulder",
    "arm.elbow",
    "other_arm.shoulder",
    "other_arm.elbow",
)
#: Props a pose may name, in the words of routines/README.md.
PROPS = (
    "wall",
    "chair",
    "support",
    "step",
    "pillow",
    "bowl",
    "bed",
    "towel",
    "cup",
    "compress",
)
#: Where a stretch can be felt: a part of the working leg.
FELT_REGIONS = ("calf", "hamstring", "thigh", "sole", "ankle", "shin")

# Body proportions (units of ~1/100 of the standing height).
HEAD_R = 6.6
NECK = 3.0
TORSO = 30.0
THIGH = 24.0
SHIN = 23.0
UPPER_ARM = 16.5
FOREARM = 14.5
ANKLE_UP = 6.0  # ankle height above the sole
LEG_W = 8.0
ARM_W = 6.0
TORSO_W = 10.5
FOOT_W = 5.0
HAND_R = 3.2
BED_TOP = 30.0

Point = tuple[float, float]


class Role(StrEnum):
    """What a piece of the drawing is; the painter picks its colour from this."""

    WORKING = "working"  # the working leg: the side's colour
    LEG = "leg"  # the other leg, or both legs of a both-sides step
    BODY = "body"  # torso, head, near arm
    FAR = "far"  # the far arm and the far leg of a both-sides step: lighter
    PROP = "prop"  # furniture outline and fill
    SOFT = "soft"  # pillow, towel, compress: cloth
    WATER = "water"
    MOTION = "motion"  # the path of a move (ankle circles)


class Layer(StrEnum):
    """Props behind the figure, or in front of it."""

    BACK = "back"
    FRONT = "front"


@dataclass(frozen=True, slots=True)
class Segment:
    """A thick line with round ends: a limb, the torso, a towel."""

    a: Point
    b: Point
    width: float
    role: Role


@dataclass(frozen=True, slots=True)
class Shape:
    """A prop part: a closed ``polygon``, an open ``polyline``, or an ``ellipse`` (box points)."""

    kind: Literal["polygon", "polyline", "ellipse"]
    points: tuple[Point, ...]
    role: Role
    layer: Layer = Layer.BACK
    width: float = 1.6


@dataclass(frozen=True, slots=True)
class Felt:
    """Where the stretch is felt: a band along a limb, and an arrow pointing at it."""

    center: Point
    axis: Point  # unit vector along the band
    length: float
    width: float
    arrow_tail: Point
    arrow_head: Point


def _mx(p: Point) -> Point:
    return (-p[0], p[1])


@dataclass(frozen=True, slots=True)
class Figure:
    """Everything a painter needs, in draw order within each list."""

    segments: tuple[Segment, ...]  # back to front
    head: Point
    head_r: float
    face: Point  # unit vector the face looks along (for the eye)
    shapes: tuple[Shape, ...]
    felt: Felt | None
    ground: tuple[Point, Point]

    def mirrored(self) -> Figure:
        """The same figure seen from the other side: x → −x, nothing else changes."""
        return Figure(
            segments=tuple(replace(s, a=_mx(s.a), b=_mx(s.b)) for s in self.segments),
            head=_mx(self.head),
            head_r=self.head_r,
            face=_mx(self.face),
            shapes=tuple(replace(s, points=tuple(map(_mx, s.points))) for s in self.shapes),
            felt=None
            if self.felt is None
            else Felt(
                _mx(self.felt.center),
                _mx(self.felt.axis),
                self.felt.length,
                self.felt.width,
                _mx(self.felt.arrow_tail),
                _mx(self.felt.arrow_head),
            ),
            ground=(_mx(self.ground[1]), _mx(self.ground[0])),
        )

    def bounds(self) -> tuple[float, float, float, float]:
        """``(left, bottom, right, top)`` of everything drawn, line widths included."""
        xs: list[float] = []
        ys: list[float] = []

        def add(p: Point, pad: float) -> None:
            xs.extend((p[0] - pad, p[0] + pad))
            ys.extend((p[1] - pad, p[1] + pad))

        for s in self.segments:
            add(s.a, s.width / 2)
            add(s.b, s.width / 2)
        add(self.head, self.head_r)
        for shape in self.shapes:
            for p in shape.points:
                add(p, shape.width)
        if self.felt is not None:
            add(self.felt.arrow_tail, 3)
            add(self.felt.center, self.felt.length / 2)
        for p in self.ground:
            add(p, 0)
        return min(xs), min(ys), max(xs), max(ys)


# --- the library ----------------------------------------------------------------


class PoseError(ValueError):
    """The pose file is broken, or a pose name is unknown; the message says where and what."""


Angles = Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Pose:
    """A validated pose: its angles, props, where it is felt, and key frames for a move."""

    name: str
    title: str
    description: str
    angles: Mapping[str, float]
    reach: Mapping[str, str]  # "arm" / "other_arm" → a reach target
    props: tuple[str, ...]
    felt: str | None
    circles: bool = False
    cycle_s: float = 2.0
    frames: tuple[Mapping[str, float], ...] = field(default=())

    @property
    def moves(self) -> bool:
        """Whether this pose is a move (it has key frames)."""
        return bool(self.frames)

    def keys(self) -> tuple[Mapping[str, float], ...]:
        """The key frames as complete angle sets (a still pose: just its angles)."""
        return tuple({**self.angles, **f} for f in self.frames) or (self.angles,)

    def at(self, phase: float) -> Mapping[str, float]:
        """The angles ``phase`` (0–1) of the way through one cycle of the move.

        The cycle visits every key frame in turn and comes back to the first,
        easing in and out of each (a cosine), so a two-frame move swings to
        and fro and a still pose never changes.
        """
        keys = self.keys()
        if len(keys) == 1:
            return keys[0]
        t = (phase % 1.0) * len(keys)
        i = int(t)
        f = (1 - math.cos(math.pi * (t - i))) / 2
        a, b = keys[i % len(keys)], keys[(i + 1) % len(keys)]
        return {k: a[k] + (b[k] - a[k]) * f for k in a}


def _pose_from(name: str, data: Mapping[str, Any]) -> Pose:
    """A Pose from the plain data of ``pose_file.read`` (or the library cache)."""
    return Pose(
        name=name,
        title=str(data["title"]),
        description=str(data["description"]),
        angles={k: float(v) for k, v in data["angles"].items()},
        reach={k: str(v) for k, v in data["reach"].items()},
        props=tuple(data["props"]),
        felt=data["felt"],
        circles=bool(data["circles"]),
        cycle_s=float(data["cycle_s"]),
        frames=tuple({k: float(v) for k, v in f.items()} for f in data["frames"]),
    )


def to_data(pose: Pose) -> dict[str, Any]:
    """The pose as plain JSON-able data (what ``use`` takes back)."""
    return {
        "title": pose.title,
        "description": pose.description,
        "angles": dict(pose.angles),
        "reach": dict(pose.reach),
        "props": list(pose.props),
        "felt": pose.felt,
        "circles": pose.circles,
        "cycle_s": pose.cycle_s,
        "frames": [dict(f) for f in pose.frames],
    }


def load_library(path: Path) -> dict[str, Pose]:
    """Read and validate a pose file; PoseError names the file, the pose and the field."""
    # The parser (TOML, msgspec) is imported only here: a start-up that has the
    # library from the cache never loads it.
    pose_file = importlib.import_module("crampcoach.core.pose_file")
    try:
        data = pose_file.read(path)
    except ValueError as exc:
        raise PoseError(str(exc)) from None
    return {name: _pose_from(name, values) for name, values in data.items()}


_LOADED: dict[str, Pose] = {}


def use(data: Mapping[str, Mapping[str, Any]]) -> None:
    """Take the bundled library from already validated data (the library cache)."""
    if not _LOADED:
        _LOADED.update({name: _pose_from(name, values) for name, values in data.items()})


def library() -> Mapping[str, Pose]:
    """The bundled poses (read once per process, or taken from the cache by ``use``)."""
    if not _LOADED:
        _LOADED.update(load_library(resources.path("assets", "poses/poses.toml")))
    return _LOADED


def names() -> list[str]:
    """The names of the bundled poses, sorted."""
    return sorted(library())


def get(name: str) -> Pose:
    """A bundled pose by name; PoseError lists the known names."""
    try:
        return library()[name]
    except KeyError:
        raise PoseError(f"unknown pose {name!r}; known poses: {', '.join(names())}") from None


def for_step(
    pose: str | None, frames: Sequence[str] = (), cycle_s: float | None = None
) -> Pose | None:
    """The picture of a step: its pose, or a move through its key-frame poses, at its pace.

    A step's ``frames`` make a move from still poses: the first pose gives the
    props, the words and where it is felt, every frame its angles.  None when
    the step names no pose.  Names were checked when the routine loaded;
    an unknown one here raises PoseError.
    """
    if frames:
        keys = [get(name) for name in frames]
        first = get(pose) if pose else keys[0]
        return replace(
            first,
            frames=tuple(dict(k.keys()[0]) for k in keys),
            cycle_s=cycle_s or first.cycle_s,
        )
    if pose is None:
        return None
    found = get(pose)
    return replace(found, cycle_s=cycle_s) if cycle_s else found


def describe(pose: Pose, leg: str | None) -> str:
    """The pose in words for a screen reader: its description with the leg put in.

    ``leg`` is "left" or "right" for a one-sided step, None for both legs; a
    description says ``{leg}`` where the working leg is named.
    """
    words = f"the {leg} leg" if leg else "one leg"
    text = pose.description.replace("{leg}", words)
    if leg is None:
        return text
    return f"{text} ({leg} leg shown in colour)"


# --- geometry ----------------------------------------------------------------------


def _down(deg: float) -> Point:
    """Unit vector ``deg`` degrees forward (towards +x) of straight down."""
    r = math.radians(deg)
    return (math.sin(r), -math.cos(r))


def _add(p: Point, v: Point, k: float = 1.0) -> Point:
    return (p[0] + v[0] * k, p[1] + v[1] * k)


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _back(d: Point) -> Point:
    """The side of a leg segment going ``d`` (hip → foot) where the calf and hamstring are."""
    return (d[1], -d[0])


@dataclass(slots=True)
class _Leg:
    hip: Point
    knee: Point
    ankle: Point
    heel: Point
    toe: Point
    thigh_dir: Point
    shin_dir: Point
    foot_dir: Point

    def raised(self, dy: float) -> _Leg:
        """The same leg ``dy`` higher."""

        def up(p: Point) -> Point:
            return (p[0], p[1] + dy)

        return _Leg(
            up(self.hip),
            up(self.knee),
            up(self.ankle),
            up(self.heel),
            up(self.toe),
            self.thigh_dir,
            self.shin_dir,
            self.foot_dir,
        )


def _leg(hip: Point, torso_down: float, a: Angles, group: str) -> _Leg:
    thigh = torso_down + a[f"{group}.hip"]
    shin = thigh - a[f"{group}.knee"]
    foot = shin + 90 - a[f"{group}.ankle"]
    td, sd, fd = _down(thigh), _down(shin), _down(foot)
    knee = _add(hip, td, THIGH)
    ankle = _add(knee, sd, SHIN)
    sole = _back(fd)  # from the ankle towards the sole; for a flat foot: straight down
    heel = _add(_add(ankle, fd, -2.5), sole, ANKLE_UP - FOOT_W / 2)
    toe = _add(_add(ankle, fd, 10.5), sole, ANKLE_UP - FOOT_W / 2)
    return _Leg(hip, knee, ankle, heel, toe, td, sd, fd)


def _arm(shoulder: Point, torso_down: float, a: Angles, group: str) -> tuple[Point, Point]:
    upper = torso_down + a[f"{group}.shoulder"]
    fore = upper + a[f"{group}.elbow"]
    elbow = _add(shoulder, _down(upper), UPPER_ARM)
    return elbow, _add(elbow, _down(fore), FOREARM)


def _reach(shoulder: Point, target: Point) -> tuple[Point, Point]:
    """Elbow and hand of an arm whose hand goes to ``target`` (or as near as the arm allows)."""
    dx, dy = target[0] - shoulder[0], target[1] - shoulder[1]
    d = max(1e-6, math.hypot(dx, dy))
    span = UPPER_ARM + FOREARM - 0.5
    if d >= span:
        u = (dx / d, dy / d)
        return _add(shoulder, u, UPPER_ARM), _add(shoulder, u, span)
    # Law of cosines; the elbow bends out below the line (arms hang, elbows drop).
    cos_a = (UPPER_ARM**2 + d**2 - FOREARM**2) / (2 * UPPER_ARM * d)
    angle = math.atan2(dy, dx)
    offs = math.acos(max(-1.0, min(1.0, cos_a)))
    options = [
        (
            shoulder[0] + UPPER_ARM * math.cos(angle + s),
            shoulder[1] + UPPER_ARM * math.sin(angle + s),
        )
        for s in (offs, -offs)
    ]
    elbow = min(options, key=lambda p: p[1])
    return elbow, target


def _targets(leg: _Leg, mouth: Point) -> dict[str, Point]:
    back = _back(leg.shin_dir)
    return {
        "ankle": _add(leg.ankle, leg.foot_dir, 1.5),
        "calf": _add(_lerp(leg.knee, leg.ankle, 0.35), back, LEG_W / 2 + 1.5),
        "knee": _add(leg.knee, _back(leg.thigh_dir), -LEG_W / 2),
        "toes": _lerp(leg.heel, leg.toe, 0.8),
        "mouth": mouth,
    }


def _felt(region: str, leg: _Leg) -> Felt:
    if region in ("calf", "shin"):
        a, b, d = leg.knee, leg.ankle, leg.shin_dir
        center_t, length = 0.4, SHIN * 0.55
    elif region in ("hamstring", "thigh"):
        a, b, d = leg.hip, leg.knee, leg.thigh_dir
        center_t, length = 0.55, THIGH * 0.6
    elif region == "sole":
        a, b, d = leg.heel, leg.toe, leg.foot_dir
        center_t, length = 0.5, 11.0
    else:  # ankle
        a, b, d = leg.ankle, leg.ankle, leg.shin_dir
        center_t, length = 0.0, 8.0
    side = _back(d)
    if region in ("thigh", "shin"):
        side = (-side[0], -side[1])
    if region == "sole":
        side = (-side[0], -side[1])  # under the foot
    width = LEG_W if region != "sole" else FOOT_W
    center = _add(_lerp(a, b, center_t), side, width * 0.25)
    head = _add(center, side, width / 2 + 3.0)
    # The arrow comes in at a slant, so it never lies along the limb.
    slant = _add(side, d, -0.45)
    norm = math.hypot(*slant) or 1.0
    tail = _add(head, (slant[0] / norm, slant[1] / norm), 15.0)
    return Felt(center, d, length, width * 1.6, tail, head)


def _lowest(points: Iterable[tuple[Point, float]]) -> float:
    """The lowest edge of round shapes (centre, radius): where the body touches down."""
    return min(p[1] - pad for p, pad in points)


def figure(pose: Pose, angles: Angles | None = None, *, both_legs: bool = False) -> Figure:
    """The pose (or ``angles``, a frame of it) as geometry: canonical, RIGHT leg working.

    ``both_legs``: a both-sides step; neither leg is coloured as the working one.
    """
    a = {**pose.angles, **(angles or {})}
    props = set(pose.props)
    torso_up = _down(180 - a["torso"])  # lean forward: the shoulders go to +x
    hip: Point = (0.0, 0.0)
    shoulder = _add(hip, torso_up, TORSO)
    torso_down = -a["torso"]
    head_dir = _down(180 - a["torso"] - a["head"])
    head = _add(shoulder, head_dir, NECK + HEAD_R)
    face = _down(90 - a["torso"] - a["head"])
    mouth = _add(_add(head, face, HEAD_R * 0.9), head_dir, -HEAD_R * 0.35)
    near = _leg(hip, torso_down, a, "leg")
    far = _leg(hip, torso_down, a, "other_leg")
    targets = _targets(near, mouth)

    arms: dict[str, tuple[Point, Point]] = {}
    for group in ("other_arm", "arm"):
        goal = pose.reach.get(group)
        if goal in targets:
            # The far hand sits a little beside the near one, so both show.
            t = targets[goal]
            if group == "other_arm":
                t = _add(t, near.shin_dir, -3.0 if goal != "mouth" else 0.0)
            arms[group] = _reach(shoulder, t)
        else:
            arms[group] = _arm(shoulder, torso_down, a, group)

    # Where the body touches down: the ground, or the top of the bed or step.
    lying = abs(a["torso"]) > 45
    if "bed" in props and lying:
        # Lying: the back rests on the bed (a heel may be held up on a pillow).
        dy = BED_TOP - (min(hip[1], shoulder[1]) - TORSO_W / 2)
    else:
        dy = -_lowest(
            [(p, FOOT_W / 2) for p in (near.heel, near.toe, far.heel, far.toe)]
            + [(p, LEG_W / 2) for p in (near.knee, far.knee)]
            + [(hip, TORSO_W / 2), (shoulder, TORSO_W / 2), (head, HEAD_R)]
        )

    def sh(p: Point) -> Point:
        return (p[0], p[1] + dy)

    working = Role.LEG if both_legs else Role.WORKING
    far_role = Role.FAR if both_legs else Role.LEG
    segs: list[Segment] = []
    o_elbow, o_hand = arms["other_arm"]
    segs += [
        Segment(sh(shoulder), sh(o_elbow), ARM_W, Role.FAR),
        Segment(sh(o_elbow), sh(o_hand), ARM_W, Role.FAR),
    ]
    for leg, role in ((far, far_role), (near, working)):
        if leg is near:
            segs.append(Segment(sh(hip), sh(shoulder), TORSO_W, Role.BODY))
        segs += [
            Segment(sh(leg.hip), sh(leg.knee), LEG_W, role),
            Segment(sh(leg.knee), sh(leg.ankle), LEG_W * 0.9, role),
            Segment(sh(leg.heel), sh(leg.toe), FOOT_W, role),
        ]
    elbow, hand = arms["arm"]
    segs += [
        Segment(sh(shoulder), sh(elbow), ARM_W, Role.BODY),
        Segment(sh(elbow), sh(hand), ARM_W, Role.BODY),
    ]
    shifted_near, shifted_far = near.raised(dy), far.raised(dy)
    felt = _felt(pose.felt, shifted_near) if pose.felt else None
    shapes = _props(
        props,
        near=shifted_near,
        far=shifted_far,
        hip=sh(hip),
        shoulder=sh(shoulder),
        head=sh(head),
        hands=(sh(hand), sh(o_hand)),
        lying=lying,
        felt=felt,
    )
    if pose.circles:
        c = _lerp(shifted_near.heel, shifted_near.toe, 0.75)
        shapes.append(_circle_path(c, 7.0))
    fig = Figure(tuple(segs), sh(head), HEAD_R, face, tuple(shapes), felt, ((0, 0), (0, 0)))
    left, _, right, _ = fig.bounds()
    ground_y = 0.0
    return replace(fig, ground=((left - 8, ground_y), (right + 8, ground_y)))


def _rect(x0: float, y0: float, x1: float, y1: float) -> tuple[Point, ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def _circle_path(c: Point, r: float) -> Shape:
    """Most of a circle around the toes, with an arrowhead: "draw circles"."""
    pts = [
        (c[0] + r * math.cos(math.radians(t)), c[1] + r * 0.8 * math.sin(math.radians(t)))
        for t in range(40, 360, 20)
    ]
    end = pts[-1]
    prev = pts[-2]
    d = (end[0] - prev[0], end[1] - prev[1])
    n = math.hypot(*d) or 1.0
    u = (d[0] / n, d[1] / n)
    v = (-u[1], u[0])
    tip = _add(end, u, 2.5)
    barb1 = _add(_add(tip, u, -4), v, 2.5)
    barb2 = _add(_add(tip, u, -4), v, -2.5)
    return Shape("polyline", (*pts, tip, barb1, tip, barb2), Role.MOTION, Layer.FRONT, 1.4)


def _props(
    props: set[str],
    *,
    near: _Leg,
    far: _Leg,
    hip: Point,
    shoulder: Point,
    head: Point,
    hands: tuple[Point, Point],
    lying: bool,
    felt: Felt | None,
) -> list[Shape]:
    """The props a step names, drawn around the figure: furniture, the bed, what is held."""
    return (
        _furniture(props, near=near, far=far, hip=hip, hands=hands)
        + _bed(props, near=near, far=far, hip=hip, head=head, lying=lying)
        + _held(props, near=near, far=far, hands=hands, felt=felt)
    )


def _furniture(
    props: set[str],
    *,
    near: _Leg,
    far: _Leg,
    hip: Point,
    hands: tuple[Point, Point],
) -> list[Shape]:
    out: list[Shape] = []
    if "wall" in props:
        x = max(h[0] for h in hands) + HAND_R
        out.append(Shape("polygon", _rect(x, 0, x + 7, 112), Role.PROP))
    if "chair" in props:
        seat = hip[1] - TORSO_W / 2
        x0, x1 = hip[0] - 9, hip[0] + 17
        out.append(Shape("polygon", _rect(x0, seat - 3.5, x1, seat), Role.PROP))
        out.append(Shape("polygon", _rect(x0 - 3.5, 0, x0, seat + 34), Role.PROP))  # back
        out.append(Shape("polygon", _rect(x1 - 3.5, 0, x1, seat - 3.5), Role.PROP))  # front leg
    if "support" in props:
        # A chair held by its back, on the far side of the figure.
        hx, hy = max(hands, key=lambda h: h[0])
        top = hy - HAND_R
        seat = top * 0.55
        x0 = hx - 2
        out.append(Shape("polygon", _rect(x0, 0, x0 + 3.5, top), Role.PROP))
        out.append(Shape("polygon", _rect(x0, seat - 3.5, x0 + 26, seat), Role.PROP))
        out.append(Shape("polygon", _rect(x0 + 22.5, 0, x0 + 26, seat - 3.5), Role.PROP))
    if "step" in props:
        ball = _lerp(near.heel, near.toe, 0.7)
        top = ball[1] - FOOT_W / 2
        out.append(Shape("polygon", _rect(ball[0] - 6, 0, ball[0] + 24, max(top, 3.0)), Role.PROP))
    return out


def _bed(
    props: set[str],
    *,
    near: _Leg,
    far: _Leg,
    hip: Point,
    head: Point,
    lying: bool,
) -> list[Shape]:
    out: list[Shape] = []
    feet = [near.heel, near.toe, far.heel, far.toe]
    if "bed" in props:
        if lying:
            x0 = min(head[0] - HEAD_R, *(p[0] for p in feet)) - 6
            x1 = max(head[0] + HEAD_R, *(p[0] for p in feet)) + 6
        else:
            x0 = max(p[0] for p in feet) + 10
            x1 = x0 + 80
        top = BED_TOP
        out.append(Shape("polygon", _rect(x0, top - 9, x1, top), Role.SOFT))  # mattress
        out.append(Shape("polygon", _rect(x0, top - 15, x1, top - 9), Role.PROP))  # frame
        for x in (x0 + 2, x1 - 5):
            out.append(Shape("polygon", _rect(x, 0, x + 3, top - 15), Role.PROP))  # legs
        head_end = x0 if (not lying or head[0] < hip[0]) else x1 - 5
        out.append(Shape("polygon", _rect(head_end, 0, head_end + 5, top + 22), Role.PROP))
        if lying:
            cx = head[0]
            out.append(
                Shape("ellipse", ((cx - 11, top), (cx + 11, top + 7)), Role.SOFT)
            )  # a pillow under the head
    return out


def _held(
    props: set[str],
    *,
    near: _Leg,
    far: _Leg,
    hands: tuple[Point, Point],
    felt: Felt | None,
) -> list[Shape]:
    out: list[Shape] = []
    feet = [near.heel, near.toe, far.heel, far.toe]
    if "pillow" in props:
        heel = min(near.heel, far.heel, key=lambda p: p[1])
        base = BED_TOP if "bed" in props else 0.0
        top = heel[1] - FOOT_W / 2
        out.append(
            Shape(
                "ellipse", ((heel[0] - 13, base - 1), (heel[0] + 11, max(top, base + 4))), Role.SOFT
            )
        )
    if "bowl" in props:
        x0 = min(p[0] for p in feet) - 6
        x1 = max(p[0] for p in feet) + 6
        water = ((x0, 13), (x1, 13), (x1 - 3, 0), (x0 + 3, 0))
        out.append(Shape("polygon", water, Role.WATER, Layer.FRONT))
        rim = ((x0 - 1.5, 14.5), (x0 + 3, 0), (x1 - 3, 0), (x1 + 1.5, 14.5))
        out.append(Shape("polyline", rim, Role.PROP, Layer.FRONT, 2.0))
    if "towel" in props:
        ball = _lerp(near.heel, near.toe, 0.85)
        loop = _add(ball, near.foot_dir, 2.5)
        hand = max(hands, key=lambda h: h[0])
        out.append(Shape("polyline", (hands[1], loop, hand), Role.SOFT, Layer.FRONT, 2.6))
    if "cup" in props:
        hx, hy = hands[0]
        out.append(Shape("polygon", _rect(hx - 1, hy - 1, hx + 6, hy + 8), Role.SOFT, Layer.FRONT))
    if "compress" in props and felt is not None:
        c, u = felt.center, felt.axis
        v = (-u[1], u[0])
        hl, hw = felt.length * 0.45, LEG_W * 0.8
        corners = (
            _add(_add(c, u, -hl), v, -hw),
            _add(_add(c, u, hl), v, -hw),
            _add(_add(c, u, hl), v, hw),
            _add(_add(c, u, -hl), v, hw),
        )
        out.append(Shape("polygon", corners, Role.SOFT, Layer.FRONT))
    return out


def measure_moves(pictures: Iterable[tuple[str | None, Sequence[str], float | None]]) -> None:
    """Work out :func:`move_bounds` for steps' pictures, ``(pose, frames, cycle_s)`` each.

    Pure, so a worker thread may run it while the app waits in the tray: the
    main window's first paint then draws its thumbnails without measuring
    sixteen frames of every move first.  A name no longer known is skipped
    (it shows no picture).
    """
    for pose_name, frames, cycle_s in pictures:
        try:
            pose = for_step(pose_name, frames, cycle_s)
        except PoseError:
            continue
        if pose is not None:
            move_bounds(pose)


#: move_bounds by the pose's repr: a Pose holds dicts, so it is not hashable.
_MOVE_BOUNDS: dict[str, tuple[float, float, float, float]] = {}


def move_bounds(pose: Pose, samples: int = 16) -> tuple[float, float, float, float]:
    """Bounds covering every frame of a move, so its picture never rescales while it moves.

    Remembered per pose: every thumbnail of the main window's cards asks for
    them on each paint, and sixteen figures a pose were half of that window's
    first paint.  A still pose has one frame, so it is measured once.
    """
    key = f"{samples} {pose!r}"
    found = _MOVE_BOUNDS.get(key)
    if found is None:
        phases = [i / samples for i in range(samples)] if pose.moves else [0.0]
        boxes = [figure(pose, pose.at(phase)).bounds() for phase in phases]
        found = _MOVE_BOUNDS[key] = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
    return found
