"""``crampcoach desktop install|remove``: a menu entry that works, icons, metainfo, real validators."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from crampcoach import __version__, desktop, resources

pytestmark = pytest.mark.e2e


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: scripts/dev.sh test installs it"
    return found


def validate_entry(path: Path) -> None:
    out = subprocess.run(
        [_tool("desktop-file-validate"), str(path)], capture_output=True, text=True, timeout=60
    )
    # It prints nothing at all for a valid file; hints and errors both fail here.
    assert out.returncode == 0 and out.stdout + out.stderr == "", out.stdout + out.stderr


def validate_metainfo(path: Path) -> None:
    out = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", "--pedantic", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "W:" not in out.stdout and "E:" not in out.stdout and "I:" not in out.stdout, out.stdout


def exec_argv(value: str) -> list[str]:
    """Split an Exec value as a launcher does (desktop entry spec, "The Exec key")."""
    unescaped = re.sub(
        r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), value
    )
    args: list[str] = []
    current: str | None = None
    quoted = escaped = False
    for ch in unescaped:
        if escaped:
            current = (current or "") + ch
            escaped = False
        elif quoted and ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
            current = current or ""
        elif ch == " " and not quoted:
            if current is not None:
                args.append(current)
            current = None
        else:
            current = (current or "") + ch
    assert not quoted, f"unbalanced quotes in {value!r}"
    if current is not None:
        args.append(current)
    return [a.replace("%%", "%") for a in args]


def entry_keys(text: str, group: str = "Desktop Entry") -> dict[str, str]:
    keys: dict[str, str] = {}
    current = ""
    for line in text.splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif "=" in line and current == group:
            key, _, value = line.partition("=")
            keys[key] = value
    return keys


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def crampcoach(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crampcoach", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_install_then_the_entry_starts_this_installation_then_remove(tmp_path: Path) -> None:
    xdg = tmp_path / "xdg data"  # a space, as in many home folders
    env = dict(os.environ, XDG_DATA_HOME=str(xdg))
    out = crampcoach("desktop", "install", "--format", "json", env=env)
    assert out.returncode == 0, out.stderr
    written = [Path(p) for p in json.loads(out.stdout)["installed"]]
    entry = xdg / "applications" / "crampcoach.desktop"
    hicolor = xdg / "icons" / "hicolor"
    metainfo = xdg / "metainfo" / "org.crampcoach.crampcoach.metainfo.xml"
    expected = {entry, metainfo, hicolor / "scalable" / "apps" / "crampcoach.svg"} | {
        hicolor / f"{n}x{n}" / "apps" / "crampcoach.png" for n in resources.ICON_SIZES
    }
    assert set(written) == expected and all(p.is_file() for p in expected)
    for n in resources.ICON_SIZES:
        assert png_size(hicolor / f"{n}x{n}" / "apps" / "crampcoach.png") == (n, n)

    validate_entry(entry)
    validate_metainfo(metainfo)

    keys = entry_keys(entry.read_text("utf-8"))
    assert keys["Icon"] == "crampcoach"  # the name the icons were installed under
    assert keys["Comment[de]"].startswith("Angeleitetes Dehnen")  # the menu speaks German too
    argv = exec_argv(keys["Exec"])
    assert Path(argv[0]).is_absolute() and Path(argv[0]) == Path(keys["TryExec"])
    ran = subprocess.run([*argv, "--version"], env=env, capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0 and ran.stdout.strip() == f"crampcoach {__version__}", ran
    bedtime = exec_argv(entry_keys(entry.read_text("utf-8"), "Desktop Action bedtime")["Exec"])
    assert bedtime == [*argv, "start", "bedtime"]

    out = crampcoach("desktop", "remove", env=env)
    assert out.returncode == 0 and "Removed CrampCoach" in out.stdout, out
    assert not any(p.exists() for p in expected)
    again = crampcoach("desktop", "remove", env=env)
    assert again.returncode == 0 and "nothing to remove" in again.stdout


def test_an_awkward_install_path_is_quoted_so_the_entry_still_runs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd = tmp_path / 'my "apps" $HOME 100% \\ here' / "bin" / "crampcoach"
    odd.parent.mkdir(parents=True)
    odd.write_text(f'#!/bin/sh\nexec {sys.executable} -m crampcoach "$@"\n')
    odd.chmod(0o755)
    monkeypatch.setattr(desktop, "launcher", lambda: [str(odd)])
    desktop.install(tmp_path / "share")
    entry = tmp_path / "share" / "applications" / "crampcoach.desktop"
    validate_entry(entry)
    keys = entry_keys(entry.read_text("utf-8"))
    assert exec_argv(keys["Exec"]) == [str(odd)]
    assert keys["TryExec"].replace("\\\\", "\\") == str(odd)
    ran = subprocess.run(
        [*exec_argv(keys["Exec"]), "--version"], capture_output=True, text=True, timeout=60
    )
    assert ran.stdout.strip() == f"crampcoach {__version__}", ran


def test_shipped_entry_metainfo_and_login_entry_pass_the_validators(tmp_path: Path) -> None:
    validate_entry(resources.path("assets", "crampcoach.desktop"))
    validate_metainfo(resources.path("assets", desktop.METAINFO_NAME))
    login = tmp_path / "crampcoach.desktop"
    login.write_text(desktop.entry_text(autostart=True), "utf-8")
    validate_entry(login)
    assert exec_argv(entry_keys(login.read_text("utf-8"))["Exec"])[-1] == "--hidden"


def test_metainfo_names_this_release() -> None:
    text = resources.read_text("assets", desktop.METAINFO_NAME)
    assert f'<release version="{__version__}"' in text


def test_the_menu_entry_and_metainfo_take_their_translations_from_the_ts_files(
    tmp_path: Path,
) -> None:
    """Name[de], Comment[de], ... are the German .ts's words for desktop.ENTRY_WORDS, not copies."""
    entry_english = {}
    group = ""
    for line in resources.read_text("assets", "crampcoach.desktop").splitlines():
        if line.startswith("["):
            group = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        entry_english[(group, key)] = value
        assert "[" not in key, f"hand-written translation in the shipped entry: {line}"
    for where, message in desktop.ENTRY_WORDS.items():
        assert entry_english[where] == message.source, where  # the shipped English is the source
    german = desktop.translations()["de"]
    text = desktop.entry_text()
    for (group, key), message in desktop.ENTRY_WORDS.items():
        want = german[(message.context, message.source)]
        assert f"{key}[de]={want}" in entry_keys_text(text, group), (group, key)
    meta = desktop.metainfo_text()
    for tag, message in desktop.METAINFO_WORDS.items():
        assert f"<{tag}>{message.source}</{tag}>" in meta
        assert f'<{tag} xml:lang="de">{german[(message.context, message.source)]}</{tag}>' in meta
    path = tmp_path / desktop.METAINFO_NAME
    path.write_text(meta, "utf-8")
    validate_metainfo(path)


def entry_keys_text(text: str, group: str) -> list[str]:
    """The lines of one group of a desktop entry."""
    lines, current = [], ""
    for line in text.splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif current == group:
            lines.append(line)
    return lines
