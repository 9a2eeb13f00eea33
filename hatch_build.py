"""Hatch build hook: compile translations/*.ts to .qm with PySide6's lrelease into the wheel.

The .qm files are build output, never committed; a checkout compiles them on
first use instead (crampcoach/qt/i18n.py).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsHook(BuildHookInterface):  # type: ignore[misc]
    """Adds ``crampcoach/_data/translations/*.qm`` to the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile every .ts and force-include the results."""
        if self.target_name != "wheel" or version == "editable":
            return
        import PySide6

        lrelease = Path(PySide6.__file__).parent / "lrelease"
        self._out = tempfile.TemporaryDirectory(prefix="crampcoach-qm-")
        sources = sorted((Path(self.root) / "translations").glob("*.ts"))
        if not sources:
            raise RuntimeError("translations/*.ts not found: the wheel would ship no translations")
        for ts in sources:
            qm = Path(self._out.name) / f"{ts.stem}.qm"
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
            build_data["force_include"][str(qm)] = f"crampcoach/_data/translations/{qm.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the temporary .qm folder."""
        out = getattr(self, "_out", None)
        if out is not None:
            out.cleanup()
