"""Faults through the real CLI: one line naming the file or folder, a distinct status, no traceback.

Unreadable and read-only folders are tried as an unprivileged process: the
CLI runs with the capabilities that let root ignore file rights dropped
(``setpriv``), so the kernel enforces the rights as for any user.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crampcoach import exits
from crampcoach.store.storage import encode
from tests.e2e.running import CRAMP
from tests.e2e.store.conftest import SmallDisk

pytestmark = pytest.mark.e2e

UNPRIVILEGED = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps=-all"]


def cli(
    data: Path, *args: str, env: dict[str, str] | None = None, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "crampcoach", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def one_line(result: subprocess.CompletedProcess[str], status: int, *words: str) -> None:
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


def test_a_data_folder_that_is_a_file_or_under_one(tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    one_line(cli(file, "log", "water"), exits.DATA_FOLDER, str(file), "not a folder")
    one_line(cli(file / "sub", "export"), exits.DATA_FOLDER, str(file / "sub"), "not a folder")


def test_a_read_only_or_unreadable_data_folder(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    fresh.mkdir(mode=0o555)
    one_line(
        cli(fresh, "log", "water", prefix=UNPRIVILEGED), exits.DATA_FOLDER, str(fresh), "permission"
    )
    folder = tmp_path / "data"
    assert cli(folder, "log", "water").returncode == 0
    (own,) = (folder / "devices").iterdir()  # this computer writes only its own folder
    own.chmod(0o555)
    try:
        one_line(
            cli(folder, "log", "water", prefix=UNPRIVILEGED),
            exits.NOT_SAVED,
            str(own),
            "permission",
        )
        own.chmod(0o700)
        folder.chmod(0o000)
        one_line(cli(folder, "export", prefix=UNPRIVILEGED), exits.DATA_FOLDER, str(folder))
    finally:
        folder.chmod(0o700)


def test_an_unreadable_month_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert cli(folder, "log", "water").returncode == 0
    (month,) = folder.glob("devices/*/events-*.json")
    month.chmod(0o000)
    one_line(cli(folder, "export", prefix=UNPRIVILEGED), exits.UNREADABLE, str(month))


def test_a_note_of_undecodable_bytes_in_an_old_file_still_exports(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    note = {
        "type": "cramp",
        "id": "old",
        "at": "2026-11-01T03:00:00+00:00",
        "leg": "left",
        "muscle": "calf",
        "severity": 4,
        "note": "bad \udcff byte",
    }
    (folder / "events-2026-11.json").write_bytes(encode({"events": {"1": note}}))
    # The first writer moves the old one-folder layout into this computer's folder.
    assert cli(folder, "log", "water").returncode == 0
    result = cli(folder, "export")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "\\udcff" in result.stdout
    # A new note with such bytes is refused at the door.
    refused = cli(
        folder,
        "log",
        "cramp",
        *CRAMP,
        "--note",
        "bad \udcff",
    )
    one_line(refused, exits.USAGE, "note", "U+DCFF")


@pytest.mark.parametrize(
    ("args", "env", "words"),
    [
        (
            [
                "log",
                "cramp",
                *CRAMP,
                "--at",
                "0001-01-01T00:00-01:00",
            ],
            {},
            ["at", "outside"],
        ),
        (["log", "water", "--at", "0001-01-01T00:30+01:00"], {}, ["at"]),
        (["review", "--week", "0001-W01"], {}, ["0001-W01"]),
        (["review", "--week", "9999-W52"], {}, ["9999-W52"]),
        (["log", "water", "--at", "2026-03-29T02:30"], {"TZ": "Europe/Berlin"}, ["does not exist"]),
        (["log", "water", "--ml", "1_000"], {}, ["1_000"]),
        (["log", "water", "--ml", "\u0661\u0662\u0663"], {}, ["--ml"]),
        (["log", "water", "--ml", "\uff11\uff12\uff13"], {}, ["--ml"]),
        (["settings", "set", "review_day", "sunflower"], {}, ["sunflower"]),
        (["log", "cramp", *CRAMP, "--note", "\x1b[2J\x1b[31mred"], {}, ["note", "U+001B"]),
        (["log", "cramp", *CRAMP, "--note", "ring\x07"], {}, ["note", "U+0007"]),
        (["log", "cramp", *CRAMP, "--note", "over\rwrite"], {}, ["note", "U+000D"]),
        (["log", "cramp", *CRAMP, "--note", "abc\u202edcba"], {}, ["note", "U+202E"]),
        (["settings", "set", "bedtime_routine", "nope"], {}, ["nope"]),
        (["settings", "set", "bedtime_routine", ""], {}, ["bedtime_routine"]),
    ],
)
def test_wrong_values_are_refused_in_one_line_and_nothing_changes(
    tmp_path: Path, args: list[str], env: dict[str, str], words: list[str]
) -> None:
    folder = tmp_path / "data"
    one_line(cli(folder, *args, env=env), exits.USAGE, *words)
    exported = cli(folder, "export")
    assert exported.returncode == 0 and json.loads(exported.stdout) == []
    shown = json.loads(cli(folder, "settings", "show", "--format", "json").stdout)
    assert shown["review_day"] == "sun" and shown["bedtime_routine"] == "bedtime"


def test_a_full_disk_refuses_plainly_and_a_retry_never_duplicates(small_disk: SmallDisk) -> None:
    folder = small_disk.path / "data"
    on_disk = small_disk.prefix
    assert cli(folder, "log", "water", "--ml", "200", prefix=on_disk).returncode == 0
    small_disk.fill()
    failed = cli(folder, "log", "water", "--ml", "555", prefix=on_disk)
    assert failed.returncode == exits.NOT_SAVED and "Traceback" not in failed.stderr
    assert "not saved" in failed.stderr
    refused = cli(folder, "settings", "set", "glass_ml", "300", prefix=on_disk)
    assert refused.returncode == exits.NOT_SAVED
    small_disk.free()
    assert cli(folder, "log", "water", "--ml", "555", prefix=on_disk).returncode == 0
    entries = json.loads(cli(folder, "export", prefix=on_disk).stdout)
    assert sorted(e["ml"] for e in entries) == [200, 555]
    shown = json.loads(cli(folder, "settings", "show", "--format", "json", prefix=on_disk).stdout)
    assert shown["glass_ml"] == 250  # refused, so never applied later
