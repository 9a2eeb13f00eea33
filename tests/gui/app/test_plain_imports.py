"""The app takes PySide6's ``__feature__`` hook out of ``import`` before it imports its own modules.

With the hook in, every module imported after PySide6 has its whole source
read and kept in :mod:`linecache` (``launch.plain_imports`` says what that
costs).  Each case runs in a fresh interpreter: the hook is process-wide.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# A module written for the test, imported after the call: its source must not be read.
CASE = """
import builtins, json, linecache, sys
from argparse import Namespace
from pathlib import Path
import crampcoach.qt.launch as launch
from crampcoach.core.clock import SystemClock

folder = Path(sys.argv[1])
sys.path.insert(0, str(folder))
hooked = builtins.__import__ is builtins.__feature_import__
if sys.argv[2] == "control":
    import probe_before
    print(json.dumps({"hooked": hooked, "read": str(folder / "probe_before.py") in linecache.cache}))
    raise SystemExit
if sys.argv[2] == "call":
    import probe_before  # read by the hook, then dropped by the call
    first, second = launch.plain_imports(), launch.plain_imports()
else:  # "run": the app's own start, stopped at once by a data folder that is a file
    code = launch.run(Namespace(data_dir=str(folder / "a-file"), clock=SystemClock()))
    first, second = code, None
import probe_after
print(json.dumps({
    "hooked": hooked,
    "first": first,
    "second": second,
    "now": builtins.__import__ is builtins.__orig_import__,
    "read": str(folder / "probe_after.py") in linecache.cache,
    "kept": str(folder / "probe_before.py") in linecache.cache,
}))
"""


def _case(tmp_path: Path, how: str) -> dict[str, object]:
    for name in ("probe_before", "probe_after"):
        (tmp_path / f"{name}.py").write_text(f"# PySide6 is named here\nNAME = {name!r}\n")
    (tmp_path / "a-file").write_text("")
    out = subprocess.run(
        [sys.executable, "-c", CASE, str(tmp_path), how],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout.splitlines()[-1])
    return result


def test_with_pysides_hook_a_new_modules_source_is_read_and_kept(tmp_path: Path) -> None:
    # The control: what plain_imports is for still happens with this PySide6.
    assert _case(tmp_path, "control") == {"hooked": True, "read": True}


def test_plain_imports_puts_pysides_own_import_back_once_and_drops_what_it_read(
    tmp_path: Path,
) -> None:
    assert _case(tmp_path, "call") == {
        "hooked": True,
        "first": True,
        "second": False,
        "now": True,
        "read": False,
        "kept": False,
    }


def test_the_apps_start_takes_the_hook_out_first(tmp_path: Path) -> None:
    from crampcoach import exits

    result = _case(tmp_path, "run")
    assert result["first"] == exits.DATA_FOLDER  # it stopped before the store was opened
    assert result["now"] is True and result["read"] is False
