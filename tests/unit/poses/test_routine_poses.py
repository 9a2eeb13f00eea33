"""Poses in routine files: every built-in step has one, moves move, bad names are clear errors."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from crampcoach import paths
from crampcoach.cli import main
from crampcoach.core import library, poses, routines
from crampcoach.core.model import Routine

MOVES = re.compile(r"march|circles|heel raises|swings|squats|pumps|walk", re.I)

STEP = """
[[steps]]
name = "{name}"
instructions = "Do it."
duration_s = 30
{extra}
citations = [{{ doc = "spasm-in-leg", quote = "stretch before and after excessive activity" }}]
"""


def routine_file(tmp_path: Path, *steps: str) -> Path:
    path = tmp_path / "mine.toml"
    head = 'title = "Mine"\nkind = "stretch"\ndescription = "Mine."\n'
    path.write_text(head + "".join(steps), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def builtin() -> list[Routine]:
    result = routines.load_all(user_dir=Path("/nonexistent/crampcoach-test"))
    assert not result.problems
    return result.routines


def test_every_builtin_step_has_a_pose_from_the_library(builtin: list[Routine]) -> None:
    known = poses.library()
    for routine in builtin:
        for step in routine.steps:
            assert step.pose in known, f"{routine.id}: {step.name!r} has no known pose"


def test_dynamic_steps_move_and_holds_are_still(builtin: list[Routine]) -> None:
    for routine in builtin:
        for step in routine.steps:
            picture = poses.for_step(step.pose, step.frames, step.cycle_s)
            assert picture is not None
            if step.hold_s is not None:
                assert not picture.moves, f"{routine.id}: the hold {step.name!r} moves"
            elif MOVES.search(step.name):
                assert picture.moves, f"{routine.id}: the move {step.name!r} is still"


def test_one_sided_steps_show_a_working_leg(builtin: list[Routine]) -> None:
    for routine in builtin:
        for step in routine.steps:
            if step.side.value == "each":
                pose = poses.get(step.pose or "")
                assert "{leg}" in pose.description, f"{pose.name} does not name the leg"


def test_a_step_can_name_key_frames_and_a_pace(tmp_path: Path) -> None:
    path = routine_file(
        tmp_path,
        STEP.format(name="Rock", extra='pose = "heel-raises"\ncycle_s = 4'),
        STEP.format(name="Sit and stand", extra='frames = ["seated-rest", "small-squats"]'),
    )
    rock, stand = routines.load_file(path).steps
    assert (rock.pose, rock.frames, rock.cycle_s) == ("heel-raises", (), 4.0)
    picture = poses.for_step(rock.pose, rock.frames, rock.cycle_s)
    assert picture is not None and picture.cycle_s == 4.0 and picture.moves
    assert stand.frames == ("seated-rest", "small-squats") and stand.pose is None
    move = poses.for_step(stand.pose, stand.frames, stand.cycle_s)
    assert move is not None and len(move.keys()) == 2
    assert move.at(0.0) == pytest.approx(poses.get("seated-rest").angles)
    assert move.at(0.5) == pytest.approx(poses.get("small-squats").keys()[0])
    assert move.props == poses.get("seated-rest").props


def test_an_unknown_pose_names_the_step_the_field_and_the_known_poses(tmp_path: Path) -> None:
    path = routine_file(tmp_path, STEP.format(name="Calf", extra='pose = "wall-calf"'))
    with pytest.raises(routines.RoutineError) as info:
        routines.load_file(path)
    (problem,) = info.value.problems
    assert (problem.step, problem.field) == ('1 "Calf"', "pose")
    assert "unknown pose 'wall-calf'" in problem.message
    assert all(name in problem.message for name in poses.names())


def test_a_bad_pose_file_is_reported_on_the_step_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> dict[str, poses.Pose]:
        raise poses.PoseError("poses.toml: pose 'x': bad")

    monkeypatch.setattr(poses, "library", broken)
    path = routine_file(tmp_path, STEP.format(name="Calf", extra='pose = "march"'))
    with pytest.raises(routines.RoutineError, match="the pose library cannot be read"):
        routines.load_file(path)


def test_the_cache_keeps_poses_frames_and_pace(tmp_path: Path) -> None:
    folder = paths.user_routines_dir(tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    text = textwrap.dedent(
        STEP.format(name="Sit and stand", extra='frames = ["seated-rest", "march"]\ncycle_s = 3')
    )
    (folder / "mine.toml").write_text(
        'title = "Mine"\nkind = "stretch"\ndescription = "Mine."\n' + text, encoding="utf-8"
    )
    first = library.load(tmp_path)
    second = library.load(tmp_path)
    assert second.from_cache and second.routines == first.routines
    mine = next(r for r in second.routines if r.id == "mine")
    assert mine.steps[0].frames == ("seated-rest", "march") and mine.steps[0].cycle_s == 3.0


def test_show_json_lists_the_pose(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routines", "show", "warmup", "--format", "json"]) == 0
    steps = json.loads(capsys.readouterr().out)["steps"]
    assert steps[0]["pose"] == "march" and steps[0]["frames"] == []
    assert main(["routines", "show", "bedtime"]) == 0
    assert "Picture: standing-calf-stretch" in capsys.readouterr().out


def test_the_routine_format_readme_lists_every_pose() -> None:
    from crampcoach import resources

    readme = resources.read_text("routines", "README.md")
    table = readme.split("| pose | shows |", 1)[1].split("\n\n", 1)[0]
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", table, re.M))
    assert listed == set(poses.names())


def test_a_cache_hit_draws_poses_without_parsing_the_pose_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    library.load(tmp_path)
    code = (
        "import sys; from pathlib import Path; from crampcoach.core import library, poses; "
        f"library.load(Path({str(tmp_path)!r})); "
        "fig = poses.figure(poses.get('standing-calf-stretch')); "
        "print(len(poses.names()), len(fig.segments), "
        "sorted(m for m in ('msgspec', 'tomllib', 'crampcoach.core.pose_file') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(out[0]) == len(poses.names()) and int(out[1]) > 10
    assert out[2] == "[]", out
    # And what the cache gives is what the file gives.
    assert {n: poses.to_data(p) for n, p in poses.library().items()} == {
        n: poses.to_data(p)
        for n, p in poses.load_library(
            Path(poses.resources.path("assets", "poses/poses.toml"))
        ).items()
    }
