"""``crampcoach docs list|show``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crampcoach.cli import main
from crampcoach.core import documents


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_docs_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "docs", "list", "--format", "json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert len(rows) == 5
    for row in rows:
        assert set(row) == {"id", "title", "file"}
        assert documents.get(row["id"]).title == row["title"]
        assert row["file"].endswith(".txt")


def test_docs_list_text_shows_quality_notes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "docs", "list")
    assert code == 0
    for doc in documents.bundled().values():
        assert doc.id in out and doc.title in out and doc.quality in out


def test_docs_show_prints_the_whole_text(capsys: pytest.CaptureFixture[str]) -> None:
    for doc in documents.bundled().values():
        code, out, err = run(capsys, "docs", "show", doc.id)
        assert (code, err) == (0, "")
        assert out.rstrip("\n") == doc.text.rstrip("\n")


def test_docs_show_unknown_id_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "docs", "show", "no-such-doc")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("crampcoach: unknown document 'no-such-doc'; known documents: ")
    assert "spasm-in-leg" in err


def test_docs_commands_with_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "docs", "list", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 5
