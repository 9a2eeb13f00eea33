"""Shell completion scripts, generated from the parser, load and complete in a real bash."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

CRAMPCOACH = f"{sys.executable} -m crampcoach"


@pytest.fixture(scope="module")
def bash_script(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bash script, generated once (each run of the CLI costs a second on a busy machine)."""
    out = subprocess.run(
        [sys.executable, "-m", "crampcoach", "completion", "bash"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    path = tmp_path_factory.mktemp("completion") / "crampcoach.bash"
    path.write_text(out.stdout, "utf-8")
    return path


def bash(script: str) -> subprocess.CompletedProcess[str]:
    bash_path = shutil.which("bash")
    assert bash_path, "bash is missing"
    return subprocess.run(
        [bash_path, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )


def complete(script: Path, words: str) -> list[str]:
    """What bash offers for the last word of ``crampcoach WORDS`` (after a TAB)."""
    out = bash(
        f"source {script}\n"
        f"COMP_WORDS=(crampcoach {words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))\n"
        'COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}\n'
        "_shtab_crampcoach crampcoach\n"
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_the_bash_script_loads_and_registers_crampcoach() -> None:
    out = bash(f"source <({CRAMPCOACH} completion bash); complete -p crampcoach")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith(" crampcoach") and "-F _shtab_crampcoach" in out.stdout
    assert out.stderr == ""


def test_bash_completes_commands_subcommands_and_choices(bash_script: Path) -> None:
    assert complete(bash_script, "ro") == ["routines"]
    assert set(complete(bash_script, "desktop ''")) == {"install", "remove"}
    assert set(complete(bash_script, "log cramp --leg ''")) == {"left", "right", "both"}
    assert "--format" in complete(bash_script, "routines check --f")
    assert set(complete(bash_script, "completion ''")) == {"bash", "zsh", "fish"}


@pytest.mark.parametrize(
    ("shell", "marker"), [("zsh", "#compdef crampcoach"), ("fish", "complete -c crampcoach")]
)
def test_zsh_and_fish_scripts_come_from_the_same_parser(shell: str, marker: str) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "crampcoach", "completion", shell],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0 and marker in out.stdout, out.stderr
    for word in ("routines", "desktop", "--format", "night"):
        assert word in out.stdout
