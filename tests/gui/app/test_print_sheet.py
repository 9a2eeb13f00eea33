"""The 'Print sheet…' button of a routine card saves the printable sheet through the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog


def test_the_print_button_saves_the_sheet_where_the_user_chose(
    make_app: Any, memory_store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(memory_store)
    target = tmp_path / "bedtime sheet.pdf"
    asked: list[str] = []

    def choose(_parent: Any, caption: str, default: str, _filter: str) -> tuple[str, str]:
        asked.append(caption)
        assert default.endswith("crampcoach-bedtime.pdf")
        return str(target), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    card = app.main_window.card("bedtime")
    card.print_button.click()
    assert asked and "Bedtime routine" in asked[0]
    assert target.read_bytes().startswith(b"%PDF")
    message = app.main_window.statusBar().currentMessage()
    assert str(target) in message and "page" in message


def test_cancelling_or_a_bad_folder_writes_nothing_and_says_why(
    make_app: Any, memory_store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(memory_store)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert app.print_sheet("warmup") is None
    assert app.print_sheet("warmup", tmp_path / "no" / "such" / "dir.pdf") is None
    assert "Could not save the sheet" in app.main_window.statusBar().currentMessage()
    assert list(tmp_path.iterdir()) == []
