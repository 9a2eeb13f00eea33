"""The pose file's format (``assets/poses/poses.toml``): parsing and validation only.

Kept apart from :mod:`crampcoach.core.poses` so that drawing a pose taken from
the library cache never imports TOML or msgspec (start-up time).  The format
is documented in routines/README.md, "The pose file".
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta

from crampcoach.core.poses import JOINTS


class PoseFileError(ValueError):
    """The pose file is unreadable or has invalid poses; the message says where and what."""


Angle = Annotated[float, Meta(ge=-180, le=180, description="an angle in degrees, −180 to 180")]
Reach = Literal["ankle", "calf", "knee", "toes", "mouth"]


class LegSpec(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """``{hip = …, knee = …, ankle = …}``."""

    hip: Angle | msgspec.UnsetType = msgspec.UNSET
    knee: Angle | msgspec.UnsetType = msgspec.UNSET
    ankle: Angle | msgspec.UnsetType = msgspec.UNSET


class ArmSpec(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """``{shoulder = …, elbow = …}`` or ``{reach = "ankle"}`` (the hand goes there)."""

    shoulder: Angle | msgspec.UnsetType = msgspec.UNSET
    elbow: Angle | msgspec.UnsetType = msgspec.UNSET
    reach: Reach | msgspec.UnsetType = msgspec.UNSET


class FrameSpec(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One key frame of a move: the angles that differ from the base pose."""

    torso: Angle | msgspec.UnsetType = msgspec.UNSET
    head: Angle | msgspec.UnsetType = msgspec.UNSET
    leg: LegSpec | msgspec.UnsetType = msgspec.UNSET
    other_leg: LegSpec | msgspec.UnsetType = msgspec.UNSET
    arm: ArmSpec | msgspec.UnsetType = msgspec.UNSET
    other_arm: ArmSpec | msgspec.UnsetType = msgspec.UNSET


PropName = Literal[
    "wall", "chair", "support", "step", "pillow", "bowl", "bed", "towel", "cup", "compress"
]
FeltName = Literal["calf", "hamstring", "thigh", "sole", "ankle", "shin"]


class PoseSpec(FrameSpec, forbid_unknown_fields=True, frozen=True):
    """One ``[name]`` table of the pose file as written."""

    title: Annotated[str, Meta(min_length=1, max_length=60)] = ""
    description: Annotated[str, Meta(min_length=1, max_length=300)] = ""
    props: list[PropName] = []
    felt: FeltName | msgspec.UnsetType = msgspec.UNSET
    circles: bool = False  # draw the ankle's circular path (ankle circles)
    cycle_s: Annotated[float, Meta(ge=0.5, le=30)] = 2.0
    frames: Annotated[list[FrameSpec], Meta(max_length=8)] = []


class PoseError(ValueError):
    """The pose file is broken, or a pose name is unknown; the message says where and what."""


_DEFAULTS: dict[str, float] = dict.fromkeys(JOINTS, 0.0)


def _flatten(spec: FrameSpec) -> tuple[dict[str, float], dict[str, str]]:
    angles: dict[str, float] = {}
    reach: dict[str, str] = {}
    for key in ("torso", "head"):
        value = getattr(spec, key)
        if value is not msgspec.UNSET:
            angles[key] = float(value)
    for group in ("leg", "other_leg", "arm", "other_arm"):
        sub = getattr(spec, group)
        if sub is msgspec.UNSET:
            continue
        for f in msgspec.structs.fields(sub):
            value = getattr(sub, f.name)
            if value is msgspec.UNSET:
                continue
            if f.name == "reach":
                reach[group] = str(value)
            else:
                angles[f"{group}.{f.name}"] = float(value)
    return angles, reach


def _pose(name: str, spec: PoseSpec) -> dict[str, Any]:
    angles, reach = _flatten(spec)
    # An arm not given follows the other one; the far leg stands straight.
    for joint in ("shoulder", "elbow"):
        if f"other_arm.{joint}" not in angles and f"arm.{joint}" in angles:
            angles[f"other_arm.{joint}"] = angles[f"arm.{joint}"]
    if "other_arm" not in reach and "arm" in reach and "other_arm.shoulder" not in angles:
        reach["other_arm"] = reach["arm"]
    frames = []
    for frame in spec.frames:
        values, _ = _flatten(frame)
        frames.append(values)
    return {
        "title": spec.title or name,
        "description": spec.description or spec.title or name,
        "angles": {**_DEFAULTS, **angles},
        "reach": reach,
        "props": list(spec.props),
        "felt": spec.felt if isinstance(spec.felt, str) else None,
        "circles": spec.circles,
        "cycle_s": spec.cycle_s,
        "frames": frames,
    }


def read(path: Path) -> dict[str, dict[str, Any]]:
    """Read and validate a pose file: plain data per pose.

    Raises PoseFileError naming the file, the pose and the field of every problem.
    """
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PoseFileError(f"{path}: cannot read the pose library: {exc}") from None
    poses: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for name, table in raw.items():
        try:
            spec = msgspec.convert(table, PoseSpec)
        except msgspec.ValidationError as exc:
            problems.append(f"{path}: pose {name!r}: {exc}")
            continue
        poses[name] = _pose(name, spec)
    if problems:
        raise PoseFileError("\n".join(problems))
    return poses
