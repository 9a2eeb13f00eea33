"""The library cache: a hit gives exactly what a full load gives; any change is a miss."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crampcoach import paths
from crampcoach.core import documents, library

GOOD = textwrap.dedent(
    """\
    title = "My calf routine"
    kind = "stretch"
    description = "Mine."

    [[steps]]
    name = "Wall calf stretch"
    instructions = "Lean into a wall."
    duration_s = 30
    side = "each"
    citations = [{ doc = "spasm-in-leg", quote = "stretch before and after excessive activity" }]
    """
)


def user_file(data: Path, name: str, text: str) -> Path:
    path = paths.user_routines_dir(data) / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_hit_gives_what_a_full_load_gives(tmp_path: Path) -> None:
    user_file(tmp_path, "mine.toml", GOOD)
    user_file(tmp_path, "broken.toml", "title = 3\n")
    first = library.load(tmp_path)
    assert not first.from_cache
    assert library.cache_path().is_file()
    second = library.load(tmp_path)
    assert second.from_cache
    fresh = library.load_fresh(paths.user_routines_dir(tmp_path))
    assert second.routines == fresh.routines == first.routines
    assert second.problems == fresh.problems and any("broken.toml" in p for p in fresh.problems)
    assert second.documents == documents.catalogue()
    assert [r.id for r in second.routines].count("mine") == 1


def test_an_edited_user_file_is_a_miss(tmp_path: Path) -> None:
    path = user_file(tmp_path, "mine.toml", GOOD)
    library.load(tmp_path)
    path.write_text(GOOD.replace("My calf routine", "My new title"), encoding="utf-8")
    # Same size is not enough to fool it: a different mtime alone is a change.
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    again = library.load(tmp_path)
    assert not again.from_cache
    assert "My new title" in [r.title for r in again.routines]


def test_an_edit_that_keeps_size_and_mtime_is_still_a_miss(tmp_path: Path) -> None:
    """As on a file system with coarse timestamps: only the ctime tells."""
    path = user_file(tmp_path, "mine.toml", GOOD)
    st = path.stat()
    library.load(tmp_path)
    path.write_text(GOOD.replace("My calf routine", "My calf ROUTINE"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # mtime and size as before
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    again = library.load(tmp_path)
    assert not again.from_cache
    assert "My calf ROUTINE" in [r.title for r in again.routines]


@pytest.mark.parametrize("change", ["add", "remove"])
def test_adding_or_removing_a_file_is_a_miss(tmp_path: Path, change: str) -> None:
    path = user_file(tmp_path, "mine.toml", GOOD)
    library.load(tmp_path)
    if change == "add":
        user_file(tmp_path, "second.toml", GOOD.replace("My calf", "Second"))
    else:
        path.unlink()
    again = library.load(tmp_path)
    assert not again.from_cache
    assert ("second" in [r.id for r in again.routines]) == (change == "add")
    assert ("mine" in [r.id for r in again.routines]) == (change == "add")


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[]", b'{"key": 1}', b'{"key": null, "routines": []}', b"\xff\xfe"],
)
def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path: Path, content: bytes) -> None:
    library.load(tmp_path)
    cache = library.cache_path()
    cache.write_bytes(content)
    again = library.load(tmp_path)
    assert not again.from_cache and again.routines
    assert json.loads(cache.read_bytes())["key"] == library.fingerprint(
        paths.user_routines_dir(tmp_path)
    )


def test_a_cache_with_the_right_key_but_bad_entries_is_a_miss(tmp_path: Path) -> None:
    library.load(tmp_path)
    cache = library.cache_path()
    data = json.loads(cache.read_bytes())
    data["routines"][0]["kind"] = "no-such-kind"
    cache.write_text(json.dumps(data), encoding="utf-8")
    again = library.load(tmp_path)
    assert not again.from_cache
    assert again.routines == library.load_fresh(paths.user_routines_dir(tmp_path)).routines


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path: Path) -> None:
    folder = library.cache_path().parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the folder should be", encoding="utf-8")
    first = library.load(tmp_path)
    second = library.load(tmp_path)
    assert first.routines == second.routines and not second.from_cache
    assert list(tmp_path.glob("**/*.tmp")) == []
    assert list(folder.parent.glob("**/*.tmp")) == []


def test_a_copied_data_folder_hits_the_cache(tmp_path: Path) -> None:
    """New inodes and times, same bytes: a copy (or a sync to this computer) is a hit."""
    import shutil

    user_file(tmp_path / "one", "mine.toml", GOOD)
    library.load(tmp_path / "one")
    shutil.copytree(tmp_path / "one", tmp_path / "two", copy_function=shutil.copy)
    copied = library.load(tmp_path / "two")
    assert copied.from_cache and "mine" in [r.id for r in copied.routines]


def test_the_cache_lives_outside_the_data_folder_and_the_old_one_goes(tmp_path: Path) -> None:
    old = tmp_path / "cache" / "library.json"
    old.parent.mkdir()
    old.write_text("{}", encoding="utf-8")
    library.load(tmp_path)
    assert library.cache_path().is_file()
    assert not tmp_path.joinpath("cache").exists()  # nothing derived is left to sync
    assert os.environ["XDG_CACHE_HOME"] in str(library.cache_path())


def test_a_hit_imports_neither_the_loader_nor_msgspec_nor_tomllib(tmp_path: Path) -> None:
    library.load(tmp_path)
    code = (
        "import sys; from pathlib import Path; from crampcoach.core import library; "
        f"lib = library.load(Path({str(tmp_path)!r})); "
        "print(lib.from_cache, len(lib.routines), "
        "sorted(m for m in ('msgspec', 'tomllib', 'crampcoach.core.routines') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split(" ", 1)[0] == "True"
    assert out.strip().endswith("[]"), out
