"""``crampcoach routines list|show|check`` and the shared CLI rules (--data-dir, errors)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crampcoach import resources
from crampcoach.cli import main
from crampcoach.core import routines

ROOT = Path(__file__).resolve().parents[3]
BROKEN = ROOT / "tests" / "fixtures" / "broken_routines"

# Every fixture and the (step, field) of each problem it must produce: one line each.
EXPECTED: dict[str, list[tuple[str | None, str | None]]] = {
    "absurd_duration.toml": [
        ('1 "Endless calf stretch"', "duration_s"),
        ('2 "Twenty long holds"', "repetitions"),
    ],
    "bad_kind_and_id.toml": [(None, "kind"), (None, "id")],
    "bad_side.toml": [('1 "Calf stretch"', "side")],
    "control_characters.toml": [("1", "name")],
    "duplicate_id_b.toml": [(None, "id")],
    "duration_and_repetitions.toml": [
        ('1 "Both timings"', "duration_s"),
        ('2 "No timing"', "duration_s"),
        ('3 "Holds without repetitions"', "repetitions"),
    ],
    "empty.toml": [(None, None)],
    "invalid_toml.toml": [(None, None)],
    "missing_fields.toml": [
        (None, "kind"),
        (None, "description"),
        ('1 "Calf stretch"', "instructions"),
        ('1 "Calf stretch"', "citations"),
    ],
    "negative_duration.toml": [('1 "Calf stretch"', "duration_s")],
    "no_steps.toml": [(None, "steps")],
    "not_utf8.toml": [(None, None)],
    "quote_not_in_document.toml": [('1 "Calf stretch"', "citations[2].quote")],
    "unknown_document.toml": [('1 "Massage"', "citations[1].doc")],
    "unknown_field.toml": [(None, "author"), ('1 "Calf stretch"', "duraton_s")],
    "unknown_pose.toml": [
        ('4 "One frame"', "frames"),  # the schema's checks come before the cross-field ones
        ('1 "Calf stretch"', "pose"),
        ('2 "Hopping"', "frames[2]"),
        ('3 "Paced hold"', "cycle_s"),
    ],
    "wrong_types.toml": [
        (None, "title"),
        ('1 "Standing calf stretch"', "duration_s"),
        ('2 "Seated hamstring stretch"', "citations"),
        ('2 "Seated hamstring stretch"', "duration_s"),
    ],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for usage errors and --version
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def write_user_routine(folder: Path, name: str, title: str, body_id: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        (f'id = "{body_id}"\n' if body_id else "")
        + f'title = "{title}"\nkind = "relief"\ndescription = "Mine."\n\n[[steps]]\n'
        'name = "Rub the calf"\ninstructions = "Rub it firmly."\nside = "each"\nduration_s = 20\n'
        'citations = [{ doc = "spasm-in-leg", quote = "stretch before and after excessive activity" }]\n',
        encoding="utf-8",
    )
    return path


# --- check ---------------------------------------------------------------------


def test_broken_folder_gives_one_clear_line_per_problem(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "routines", "check", str(BROKEN))
    assert code == 1 and out == ""
    lines = err.splitlines()
    got: dict[str, list[tuple[str | None, str | None]]] = {}
    for problem in routines.check_paths([BROKEN]):
        got.setdefault(Path(problem.file).name, []).append((problem.step, problem.field))
    assert got == EXPECTED
    assert lines == [str(p) for p in routines.check_paths([BROKEN])]
    assert len(lines) == sum(map(len, EXPECTED.values()))
    for line in lines:
        assert line.startswith(str(BROKEN) + os.sep), line
        # An unknown pose lists every known name; other lines stay short.
        assert "Traceback" not in line and len(line.split("known poses:")[0]) < 400
    # every fixture is named, so a silently accepted broken file fails here
    fixtures = {p.name for p in BROKEN.glob("*.toml")} - {"duplicate_id_a.toml"}
    assert fixtures == set(EXPECTED)


def test_check_in_a_real_process_with_a_5_mb_file(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    for fixture in BROKEN.glob("*.toml"):
        (folder / fixture.name).write_bytes(fixture.read_bytes())
    with (folder / "huge.toml").open("w", encoding="utf-8") as fh:
        line = 'description = "' + "x" * 98 + '"\n'
        fh.write(line * (5 * 1024 * 1024 // len(line)))
    proc = subprocess.run(
        [sys.executable, "-m", "crampcoach", "routines", "check", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == sum(map(len, EXPECTED.values())) + 1
    [huge] = [x for x in lines if "huge.toml" in x]
    assert huge == f"{folder / 'huge.toml'}: file is 5.0 MB; a routine file must be under 256 KiB"
    for name in EXPECTED:
        assert any(x.startswith(str(folder / name) + ":") for x in lines), name


def test_check_valid_files_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = write_user_routine(tmp_path, "mine.toml", "Mine")
    code, out, err = run(capsys, "routines", "check", str(mine), str(resources.path("routines")))
    assert (code, err) == (0, "")
    assert "valid" in out


def test_check_missing_path_is_a_problem_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "routines", "check", str(tmp_path / "nope.toml"))
    assert code == 1
    assert err == f"{tmp_path / 'nope.toml'}: cannot read the file: No such file or directory\n"


# --- list and show -------------------------------------------------------------------


def test_list_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "routines", "list", "--format", "json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert rows, "no routines listed"
    loaded = {r.id: r for r in routines.load_all().routines}
    for row in rows:
        assert set(row) == {"id", "title", "kind", "duration_s", "steps"}
        routine = loaded[row["id"]]
        assert row["title"] == routine.title and row["kind"] == routine.kind.value
        assert row["steps"] == len(routine.expanded()) >= len(routine.steps)
        assert row["duration_s"] == sum(s.duration_s for s in routine.expanded()) > 0


def test_list_text_includes_user_routines_and_warns_about_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    write_user_routine(data / "routines", "mine.toml", "My own relief")
    (data / "routines" / "bad.toml").write_text("title = 3\n", encoding="utf-8")
    code, out, err = run(capsys, "routines", "list", "--data-dir", str(data))
    assert code == 0
    assert "mine" in out and "My own relief  (yours)" in out
    lines = err.splitlines()
    assert lines and all(
        x.startswith(f"crampcoach: warning: {data / 'routines' / 'bad.toml'}: ") for x in lines
    )
    assert {"title", "kind", "description", "steps"} == {
        x.split("field '")[1].split("'")[0] for x in lines
    }


def test_show_json_expands_each_into_left_and_right(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    write_user_routine(data / "routines", "mine.toml", "Mine")
    code, out, err = run(
        capsys, "--data-dir", str(data), "routines", "show", "mine", "--format", "json"
    )
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "id": "mine",
        "title": "Mine",
        "kind": "relief",
        "duration_s": 40,
        "translations": {},
        "steps": [
            {
                "name": "Rub the calf",
                "side": side,
                "duration_s": 20,
                "instructions": "Rub it firmly.",
                "citations": [
                    {"doc": "spasm-in-leg", "quote": "stretch before and after excessive activity"}
                ],
                "pose": None,
                "frames": [],
                "cycle_s": None,
                "translations": {},
            }
            for side in ("left", "right")
        ],
    }


def test_show_json_shape_for_every_builtin(capsys: pytest.CaptureFixture[str]) -> None:
    for routine in routines.load_all().routines:
        code, out, _ = run(capsys, "routines", "show", routine.id, "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert set(data) == {"id", "title", "kind", "duration_s", "translations", "steps"}
        assert set(data["translations"]) == {"de"}
        assert len(data["steps"]) == len(routine.expanded())
        for step in data["steps"]:
            assert set(step) == {
                "name",
                "side",
                "duration_s",
                "instructions",
                "citations",
                "pose",
                "frames",
                "cycle_s",
                "translations",
            }
            assert set(step["translations"]["de"]) >= {"name", "instructions"}
            assert step["pose"], f"{routine.id}: {step['name']} has no pose"
            assert step["side"] in {"both", "left", "right", "affected", "none"}
            assert step["citations"] and all(set(c) == {"doc", "quote"} for c in step["citations"])
        assert data["duration_s"] == sum(s["duration_s"] for s in data["steps"])


def test_show_text_has_steps_citations_and_the_advice_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    write_user_routine(data / "routines", "mine.toml", "Mine")
    code, out, _ = run(capsys, "routines", "show", "mine", "--data-dir", str(data))
    assert code == 0
    assert "not medical advice" in out
    # One written step on each side: one number, as the player's "Step 1 of 1" on both.
    assert "1 step (2 with each side)" in out
    assert (
        "1. Rub the calf (left leg) — 20 s" in out and "1. Rub the calf (right leg) — 20 s" in out
    )
    flowed = " ".join(out.split())  # long lines are wrapped
    assert (
        "Source: Spasm in Leg [spasm-in-leg]: “stretch before and after excessive activity”"
        in flowed
    )


def test_user_routine_overrides_builtin_in_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    builtin = routines.load_all().routines
    if not builtin:
        pytest.fail("no built-in routines to override")
    target = builtin[0].id
    data = tmp_path / "data"
    write_user_routine(data / "routines", "override.toml", "My version", body_id=target)
    code, out, err = run(
        capsys, "routines", "show", target, "--format", "json", "--data-dir", str(data)
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["title"] == "My version"


def test_unknown_routine_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "routines", "show", "no-such-routine")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("crampcoach: unknown routine 'no-such-routine'; known routines: ")


def test_env_var_data_dir_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "from-env"
    write_user_routine(data / "routines", "env-routine.toml", "From the environment")
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(data))
    code, out, _ = run(capsys, "routines", "list", "--format", "json")
    assert code == 0 and "env-routine" in {r["id"] for r in json.loads(out)}
    # --data-dir wins over the environment
    other = tmp_path / "explicit"
    code, out, _ = run(capsys, "routines", "list", "--format", "json", "--data-dir", str(other))
    assert code == 0 and "env-routine" not in {r["id"] for r in json.loads(out)}
    assert (other / "routines").is_dir()


@pytest.mark.parametrize(
    "argv",
    [
        ["routines"],
        ["routines", "frobnicate"],
        ["routines", "list", "--format", "yaml"],
        ["routines", "show"],
        ["routines", "check"],
        ["routines", "list", "--bogus"],
        ["docs", "list", "--format", "xml"],
        ["docs", "show"],
        ["--data-dir"],
    ],
)
def test_wrong_arguments_are_one_line_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "error:" in err, err


@pytest.mark.parametrize("where", ["first", "after-group", "last"])
def test_data_dir_before_or_after_the_command(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    write_user_routine(data / "routines", "mine.toml", "Mine")
    opt = ["--data-dir", str(data)]
    argv = {
        "first": [*opt, "routines", "list", "--format", "json"],
        "after-group": ["routines", *opt, "list", "--format", "json"],
        "last": ["routines", "list", "--format", "json", *opt],
    }[where]
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "mine" in {r["id"] for r in json.loads(out)}


@pytest.mark.parametrize(
    "argv",
    [
        ["routines", "list"],
        ["routines", "show", "mine"],
        ["routines", "check", "MINE"],
        ["docs", "list"],
        ["docs", "show", "spasm-in-leg"],
    ],
)
def test_data_dir_accepted_on_every_command(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    mine = write_user_routine(data / "routines", "mine.toml", "Mine")
    argv = [str(mine) if a == "MINE" else a for a in argv]
    for placed in (["--data-dir", str(data), *argv], [*argv, "--data-dir", str(data)]):
        code, out, err = run(capsys, *placed)
        assert (code, err) == (0, ""), placed
        assert out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import crampcoach

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"crampcoach {crampcoach.__version__}"


def test_closed_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    """`crampcoach routines list | head -1`: the reader leaving is not an error to report."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "crampcoach", "routines", "show", "bedtime"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # no reader left before the first write: the write must fail
    _, err = proc.communicate(timeout=60)
    assert err.decode() == ""
    assert proc.returncode == 141


def test_list_counts_steps_as_the_card_and_the_player_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The warm-up's two two-sided steps are one step each in every view (the card says 6)."""
    code, out, _ = run(capsys, "routines", "list")
    assert code == 0
    warmup = next(line for line in out.splitlines() if line.startswith("warmup "))
    routine = next(r for r in routines.load_all().routines if r.id == "warmup")
    assert len(routine.expanded()) > len(routine.steps)
    assert f" {len(routine.steps)} steps " in warmup
