"""What an app idle in the tray keeps imported: not ``html`` nor ``platformdirs``.

Each costs memory for the whole day (``html``'s entity table about 0.35 MiB,
``platformdirs`` about 0.5 MiB of Python heap) and the tray needs neither:
the tray menu's plain tooltips escape three characters, and the state folder
is the XDG default on Linux (``paths.user_state_dir``), as the cache's is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from crampcoach import paths
from crampcoach.qt.forms import plain_tip

IDLE = """
import sys
from pathlib import Path
from crampcoach.core.clock import SystemClock
from crampcoach.store import Store
import crampcoach.qt.app, crampcoach.qt.tray, crampcoach.qt.screens
from crampcoach.qt.forms import plain_tip
store = Store.open(Path(sys.argv[1]), clock=SystemClock())
plain_tip("a <b> & c")
crampcoach.qt.screens.state_dir()
store.close()
print(",".join(m for m in ("html", "platformdirs") if m in sys.modules))
"""


def test_the_idle_app_imports_neither_html_nor_platformdirs(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", IDLE, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG shortcut is Linux's")
@pytest.mark.parametrize("value", [None, "/somewhere/state"])
def test_the_state_folder_is_what_platformdirs_says(
    value: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if value is None:
        monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_STATE_HOME", value)
    expected = Path(platformdirs.user_state_dir("crampcoach", appauthor=False))
    assert paths.user_state_dir() == expected


def test_plain_tips_escape_as_html_escape_does() -> None:
    import html

    text = "a <b>bold</b> & <img src='x'> \"q\"\nline"
    assert plain_tip(text) == (
        "<qt style='white-space:pre-wrap'>"
        + html.escape(text, quote=False).replace("\n", "<br>")
        + "</qt>"
    )
