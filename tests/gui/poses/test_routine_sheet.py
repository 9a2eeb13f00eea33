"""The printable routine sheet: `crampcoach routines print ID -o FILE.pdf`, checked as a reader would."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from crampcoach.cli import main
from crampcoach.core import documents, routines
from crampcoach.core.safety import NOT_MEDICAL_ADVICE
from crampcoach.qt.routine_sheet import timing, write_routine_pdf

ROOT = Path(__file__).resolve().parents[3]


def builtin(routine_id: str) -> routines.Routine:
    found = routines.load_all(user_dir=Path("/nonexistent/crampcoach-test")).routines
    return next(r for r in found if r.id == routine_id)


def _words(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    """Every word with its page and box, from pdftotext -bbox (points)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    for page, body in enumerate(out.split("<page ")[1:], start=1):
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            body,
        ):
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            words.append((page, x0, y0, x1, y1, m.group(5)))
    return words


def _check_text(target: Path, routine: routines.Routine) -> int:
    """Every step's words are on the sheet and inside the page; returns the page count."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # ligatures: "ﬀ" is "ff"
    assert routine.title in flat and "Total time 9 min 50 s" in flat
    assert " ".join(NOT_MEDICAL_ADVICE.split()) in flat
    for number, step in enumerate(routine.steps, start=1):
        assert f"{number}. {step.name}" in flat
        assert " ".join(timing(step).split()) in flat
        assert not step.safety or " ".join(step.safety.split())[:60] in flat
        assert all(documents.get(c.doc).title in flat for c in step.citations)
    assert "Left leg, then right leg" in flat
    # Nothing is cut: every word lies inside the page, clear of the paper's edge.
    width, height = 595.3, 841.9  # A4 in points
    words = _words(target)
    assert words
    for page, x0, y0, x1, y1, word in words:
        assert x0 > 20 and x1 < width - 20 and y0 > 20 and y1 < height - 20, (page, word)
    pages = max(w[0] for w in words)
    assert text.count("CrampCoach gives general information") == pages  # on every page
    return pages


def test_the_command_writes_an_a4_sheet_of_the_bedtime_routine(tmp_path: Path) -> None:
    target = tmp_path / "bedtime.pdf"
    env = dict(os.environ, CRAMPCOACH_DATA_DIR=str(tmp_path / "data"))
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # works without a display, as from a terminal
    run = subprocess.run(
        [sys.executable, "-m", "crampcoach", "routines", "print", "bedtime", "-o", str(target)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Wrote" in run.stdout and "A4" in run.stdout
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Subtype /Image" not in data  # pictures are vector drawings
    assert not list(tmp_path.glob(".*part"))  # written whole, then renamed

    pages = _check_text(target, builtin("bedtime"))
    # As pictures: every page rendered, and its outer margin is blank paper.
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(target), str(tmp_path / "page")], check=True
    )
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == pages


def test_page_margins_are_blank_when_rendered(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    pdf = tmp_path / "leg-stretch.pdf"
    pages = write_routine_pdf(builtin("leg-stretch"), pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == pages >= 1
    for png in pngs:
        image = QImage(str(png))
        edge = round(50 / 25.4 * 8)  # 8 mm of the 14 mm margin
        for x in range(0, image.width(), 3):
            for y in (*range(edge), *range(image.height() - edge, image.height())):
                assert image.pixelColor(x, y).lightness() > 250, (png.name, x, y)


def test_print_errors_are_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["routines", "print", "no-such-routine", "-o", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code != 0 and "unknown routine 'no-such-routine'" in err and "bedtime" in err
    code = main(["routines", "print", "bedtime", "-o", str(tmp_path / "missing" / "x.pdf")])
    err = capsys.readouterr().err
    assert code != 0 and "does not exist" in err
    target = tmp_path / "sheet.pdf"
    assert main(["routines", "print", "bedtime", "-o", str(target), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "file": str(target),
        "routine": "bedtime",
        "pages": 2,
    }
    target.unlink()
    code = main(["routines", "print", "bedtime", "-o", str(tmp_path)])
    assert code != 0 and "is a folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_user_text_is_printed_as_written(
    qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data" / "routines"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(
        'title = "<b>Mine</b> & yours"\nkind = "stretch"\ndescription = "x < y"\n\n[[steps]]\n'
        'name = "Calf <i>now</i>"\npose = "standing-calf-stretch"\nside = "each"\n'
        'instructions = "Lean <script>in</script>."\nduration_s = 20\n'
        'citations = [{ doc = "spasm-in-leg", quote = "stretch before and after excessive activity" }]\n',
        encoding="utf-8",
    )
    target = tmp_path / "mine.pdf"
    assert (
        main(["--data-dir", str(tmp_path / "data"), "routines", "print", "mine", "-o", str(target)])
        == 0
    )
    capsys.readouterr()
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = unicodedata.normalize("NFKC", text)
    assert "<b>Mine</b> & yours" in text and "Calf <i>now</i>" in text
    assert "Lean <script>in</script>." in text


def test_a_german_session_prints_the_sheet_in_german(qapp: Any, tmp_path: Path) -> None:
    """Every word the sheet adds is German, numbers with a decimal comma; quotes stay verbatim."""
    from PySide6.QtCore import QLocale

    from crampcoach.qt import i18n

    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    before = QLocale()
    loaded = i18n.install(qapp, german)
    QLocale.setDefault(german)
    try:
        for routine_id in ("leg-stretch", "warmup"):
            routine = builtin(routine_id).localized(("de",))
            pdf = tmp_path / f"{routine_id}.pdf"
            pages = write_routine_pdf(routine, pdf)
            text = subprocess.run(
                ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            flat = " ".join(unicodedata.normalize("NFKC", text).split())
            assert "Dauer insgesamt" in flat and f"Seite {pages} von {pages}" in flat
            assert flat.count("keine medizinische Beratung") == pages  # on every page
            for english in (
                "Total time",
                "per leg",
                "Source:",
                "Safety:",
                "Printed by",
                "Left leg",
            ):
                assert english not in flat, (routine_id, english)
            assert "Quelle:" in flat and "„" in flat
            quote = " ".join(routine.steps[0].citations[0].quote.split())[:40]
            assert quote in flat  # the source's words, as written
        assert "Linkes Bein, dann rechtes Bein" in flat and "je Bein" in flat
        assert "Links" in flat and "Rechts" in flat and "Anfang" in flat and "Dann" in flat
        assert re.search(r"etwa \d+,\d s je Durchgang", flat), flat  # 1,6 s: a decimal comma
    finally:
        QLocale.setDefault(before)
        for translator in loaded:
            qapp.removeTranslator(translator)


def test_the_sheet_prints_ink_on_paper_in_the_dark_theme(qapp: Any, tmp_path: Path) -> None:
    """QTextDocument's default text colour is the application's: the dark theme's was near-white."""
    from PySide6.QtGui import QImage

    from crampcoach.qt import theme

    pdf = tmp_path / "bedtime.pdf"
    try:
        theme.apply(qapp, "dark")
        write_routine_pdf(builtin("bedtime"), pdf)
    finally:
        theme.apply(qapp)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-singlefile", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    image = QImage(str(tmp_path / "p.png"))
    # The first step's text, right of its picture, below the routine's introduction.
    box = range(image.height() * 20 // 100, image.height() * 30 // 100)
    ink = sum(
        1
        for y in box
        for x in range(image.width() // 4, image.width())
        if theme.luminance(image.pixelColor(x, y)) < 0.2
    )
    assert ink > 200, ink  # measured: 394 in ink, 36 when it printed near-white
