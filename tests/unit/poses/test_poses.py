"""The pose library and its geometry: every pose valid, grounded, mirrored exactly."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest

from crampcoach.core import poses
from crampcoach.core.poses import Role


@pytest.fixture(scope="module")
def library() -> dict[str, poses.Pose]:
    return dict(poses.library())


def _points(fig: poses.Figure) -> list[tuple[float, float]]:
    pts = [p for s in fig.segments for p in (s.a, s.b)]
    pts += [p for shape in fig.shapes for p in shape.points]
    return [*pts, fig.head]


def test_library_has_holds_and_moves_with_words(library: dict[str, poses.Pose]) -> None:
    assert len(library) >= 15
    assert any(p.moves for p in library.values())
    assert any(not p.moves for p in library.values())
    for pose in library.values():
        assert pose.title and pose.description, pose.name
        assert set(pose.angles) == set(poses.JOINTS), pose.name
        assert all(prop in poses.PROPS for prop in pose.props)


def test_every_pose_gives_finite_grounded_geometry(library: dict[str, poses.Pose]) -> None:
    for pose in library.values():
        for n in range(8):
            fig = poses.figure(pose, pose.at(n / 8))
            assert all(math.isfinite(c) for p in _points(fig) for c in p), pose.name
            # The body rests on the floor (or a bed): its lowest edge is at the support.
            lowest = min(
                min(s.a[1], s.b[1]) - s.width / 2
                for s in fig.segments
                if s.role is not Role.FAR and s.width != poses.ARM_W
            )
            support = poses.BED_TOP if "bed" in pose.props and abs(pose.angles["torso"]) > 45 else 0
            assert lowest == pytest.approx(support, abs=0.6), f"{pose.name} at {n / 8}"


def test_the_working_leg_is_coloured_only_for_one_side(library: dict[str, poses.Pose]) -> None:
    pose = library["standing-calf-stretch"]
    one = poses.figure(pose)
    both = poses.figure(pose, both_legs=True)
    assert sum(s.role is Role.WORKING for s in one.segments) == 3  # thigh, shin, foot
    assert not any(s.role is Role.WORKING for s in both.segments)
    assert one.felt is not None


def test_mirrored_is_x_negated_and_undoes_itself(library: dict[str, poses.Pose]) -> None:
    for pose in library.values():
        fig = poses.figure(pose)
        mirror = fig.mirrored()
        assert [(-s.a[0], s.a[1]) for s in fig.segments] == [s.a for s in mirror.segments]
        assert [s.role for s in fig.segments] == [s.role for s in mirror.segments]
        assert mirror.mirrored() == fig
        left, bottom, right, top = fig.bounds()
        assert mirror.bounds() == pytest.approx((-right, bottom, -left, top))


def test_the_calf_stretch_faces_the_wall_with_the_working_leg_behind(
    library: dict[str, poses.Pose],
) -> None:
    fig = poses.figure(library["standing-calf-stretch"])
    wall = next(s for s in fig.shapes if s.role is Role.PROP)
    working_foot = [s for s in fig.segments if s.role is Role.WORKING][-1]
    other_foot = [s for s in fig.segments if s.role is Role.LEG][-1]
    assert min(p[0] for p in wall.points) > fig.head[0] > working_foot.b[0]
    assert working_foot.b[0] < other_foot.b[0]  # the working leg is the back one
    assert fig.felt is not None and fig.felt.center[0] < fig.head[0]


def test_a_move_visits_its_key_frames_and_returns(library: dict[str, poses.Pose]) -> None:
    march = library["march"]
    keys = march.keys()
    assert len(keys) == 2
    assert march.at(0.0) == pytest.approx(keys[0])
    assert march.at(0.5) == pytest.approx(keys[1])
    assert march.at(1.0) == pytest.approx(keys[0])
    assert keys[0]["leg.hip"] > 45 and keys[1]["other_leg.hip"] > 45
    # A hold never changes.
    calf = library["standing-calf-stretch"]
    assert calf.at(0.3) == calf.at(0.9) == calf.angles


def test_move_bounds_cover_every_frame(library: dict[str, poses.Pose]) -> None:
    squat = library["small-squats"]
    left, _bottom, right, top = poses.move_bounds(squat)
    for n in range(10):
        b = poses.figure(squat, squat.at(n / 10 + 0.03)).bounds()
        assert left - 1 <= b[0] and b[2] <= right + 1 and b[3] <= top + 1


def test_describe_names_the_leg(library: dict[str, poses.Pose]) -> None:
    calf = library["standing-calf-stretch"]
    assert "the left leg stepped back" in poses.describe(calf, "left")
    assert "right leg" in poses.describe(calf, "right")
    assert "{leg}" not in poses.describe(calf, None)


def test_unknown_pose_lists_the_known_names() -> None:
    with pytest.raises(poses.PoseError) as info:
        poses.get("calf-strech")
    assert "unknown pose 'calf-strech'" in str(info.value)
    assert "standing-calf-stretch" in str(info.value)


def test_a_broken_pose_file_names_file_pose_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "poses.toml"
    bad.write_text(
        '[ok]\ntitle = "Fine"\n\n[wobbly]\nleg = { hip = 400 }\n\n[odd]\nprops = ["trampoline"]\n',
        encoding="utf-8",
    )
    with pytest.raises(poses.PoseError) as info:
        poses.load_library(bad)
    text = str(info.value)
    assert f"{bad}: pose 'wobbly'" in text and "leg.hip" in text
    assert "pose 'odd'" in text and "props" in text
    assert "'ok'" not in text
    (tmp_path / "broken.toml").write_text("[a\n", encoding="utf-8")
    with pytest.raises(poses.PoseError, match="cannot read the pose library"):
        poses.load_library(tmp_path / "broken.toml")


def test_move_bounds_are_remembered_and_a_still_pose_is_measured_once(
    library: dict[str, poses.Pose], monkeypatch: pytest.MonkeyPatch
) -> None:
    squat, calf = library["small-squats"], library["standing-calf-stretch"]
    monkeypatch.setattr(poses, "_MOVE_BOUNDS", {})
    drawn: list[str] = []
    real = poses.figure

    def counting(pose: poses.Pose, *args: object, **kwargs: object) -> object:
        drawn.append(pose.name)
        return real(pose, *args, **kwargs)

    monkeypatch.setattr(poses, "figure", counting)
    first = poses.move_bounds(squat)
    assert drawn.count(squat.name) == 16  # every sampled frame of the move
    still = poses.move_bounds(calf)
    assert drawn.count(calf.name) == 1  # a still pose: all frames are the same one
    assert still == real(calf, calf.angles).bounds()
    again = poses.move_bounds(dataclasses.replace(squat))  # an equal pose, rebuilt
    assert again == first and len(drawn) == 17  # answered from memory
    poses.move_bounds(dataclasses.replace(squat, frames=squat.frames[:1]))
    assert len(drawn) == 17 + 16  # another move (other frames): measured, not mistaken
