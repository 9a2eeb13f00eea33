"""CLI conventions: --format json wherever data is printed, errors on stderr, distinct exit statuses."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from crampcoach.cli import build_parser, main
from crampcoach.cli._parser import walk
from crampcoach.core.clock import SystemClock
from crampcoach.exits import Exit
from crampcoach.store import Store

ROOT = Path(__file__).resolve().parents[3]
BROKEN = ROOT / "tests" / "fixtures" / "broken_routines"
# Commands that print no data: start opens a window; completion prints a shell script.
NO_DATA = {"start", "completion"}


def leaf_commands(
    parser: argparse.ArgumentParser,
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    return ((c.path, c.parser) for c in walk(parser) if c.leaf)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own exits (--help, usage errors)
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_every_command_that_prints_data_takes_format_json() -> None:
    leaves = dict(leaf_commands(build_parser()))
    assert ("routines", "check") in leaves and ("log", "water") in leaves  # the walk works
    missing = []
    for path, parser in leaves.items():
        if path[0] in NO_DATA:
            continue
        (command,) = walk(parser)  # a leaf: just itself
        formats = [a for a in command.arguments if "--format" in a.option_strings]
        if not formats or "json" not in (formats[0].choices or ()):
            missing.append(" ".join(path))
    assert not missing, f"these commands have no --format json: {missing}"


def test_every_help_documents_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    for path, _parser in [((), None), *leaf_commands(build_parser())]:
        code, out, _ = run(capsys, *path, "--help")
        assert code == 0
        assert "Exit status" in out, path
        for status in Exit:
            assert f"\n  {status.value:>3}  " in out, (path, status)


def test_statuses_are_distinct() -> None:
    assert len({int(s) for s in Exit}) == len(Exit)


def test_usage_errors_are_one_line_on_stderr_with_status_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for argv in (
        ["log", "water", "--ml", "lots"],
        ["routines", "show", "no-such-routine"],
        ["docs", "show", "no-such-document"],
        ["settings", "set", "glass_ml", "-5"],
        ["log", "water", "--at", "2999-01-01T00:00"],
        ["no-such-command"],
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (Exit.USAGE, ""), argv
        assert len(err.strip().splitlines()) == 1 and err.startswith("crampcoach"), (argv, err)


def test_routines_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "routines", "check", str(BROKEN), "--format", "json")
    report = json.loads(out)
    assert code == Exit.FAILED and err == ""
    assert report["valid"] is False and len(report["problems"]) >= 5
    for problem in report["problems"]:
        assert set(problem) == {"file", "step", "field", "message", "text"}
        assert problem["text"].startswith(problem["file"])
    good = ROOT / "routines"
    code, out, _ = run(capsys, "routines", "check", str(good), "--format", "json")
    assert (code, json.loads(out)) == (0, {"valid": True, "problems": []})


def test_docs_show_json_holds_the_same_text(capsys: pytest.CaptureFixture[str]) -> None:
    _, text, _ = run(capsys, "docs", "show", "night-remedies")
    code, out, _ = run(capsys, "docs", "show", "night-remedies", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["id"] == "night-remedies" and doc["title"]
    assert doc["text"].rstrip("\n") == text.rstrip("\n")


def test_log_json_prints_the_entry_as_stored(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    printed = []
    for argv in (
        ["log", "water", "--ml", "330"],
        ["log", "cramp", "--leg", "left", "--muscle", "calf", "--severity", "6"],
        ["log", "session", "leg-stretch", "--at", "2026-11-20T19:30", "--partial"],
    ):
        code, out, _ = run(capsys, *argv, "--format", "json")
        assert code == 0, argv
        printed.append(json.loads(out))
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        stored = {e.id: e.to_dict() for e in store.events()}
    assert [stored[p["id"]] for p in printed] == printed
    assert printed[0]["ml"] == 330 and printed[1]["severity"] == 6
    assert printed[2]["completed"] is False


def test_settings_set_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "settings", "set", "glass_ml", "300", "--format", "json")
    assert (code, json.loads(out)) == (0, {"key": "glass_ml", "value": 300})


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (("log", "water", "--ml", "250", "--at", "1999-12-31T23:00"), "--at"),
        (("log", "cramp", "--leg", "left", "--muscle", "calf", "--severity", "4",
          "--note", "x" * 2001), "--note"),
    ],
)  # fmt: skip
def test_a_value_the_journal_refuses_is_named_by_its_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: tuple[str, ...], option: str
) -> None:
    """The user typed ``--at``, so the refusal says ``--at``, not the entry's field ``at``."""
    code, out, err = run(capsys, "--data-dir", str(tmp_path), *argv)
    assert code == Exit.USAGE and not out
    assert err.startswith(f"crampcoach: {option}: "), err
    with Store.open(tmp_path, clock=SystemClock()) as store:
        assert store.events() == []  # nothing half-written


def test_log_night_given_at_says_to_name_the_evening(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Every other ``log`` takes ``--at``; a night is named by ``--date``, and the error says so."""
    code, out, err = run(
        capsys, "--data-dir", str(tmp_path), "log", "night", "--cramps", "0", "--at", "2026-12-01"
    )
    assert code == Exit.USAGE and not out
    assert "use --date YYYY-MM-DD" in err and err.count("\n") == 1
    assert not (tmp_path / "devices").exists()  # nothing was written
