"""Translations: German complete and current, nothing shown bypasses tr(), the app speaks German."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from crampcoach.qt import i18n

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "translations" / "crampcoach_de.ts"
# core words reminders as QT_TRANSLATE_NOOP messages (crampcoach/core/text.py).
LUPDATE_INPUTS = [
    ROOT / "crampcoach" / "qt",
    ROOT / "crampcoach" / "core",
    ROOT / "crampcoach" / "desktop.py",
    ROOT / "ui",
]
# GUI files whose shown strings are not yet marked for translation (issue 14).
# The test fails once one of them is clean, so that it leaves this list.
NOT_YET_MARKED: set[str] = set()


def _strings_check() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "strings_check", Path(__file__).with_name("strings_check.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, translation, its type) for every message; a plural once per form."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            assert tr is not None
            source = message.findtext("source", "")
            if message.get("numerus") == "yes":
                forms = tr.findall("numerusform")
                # German has two forms (one, other); an empty one is unfinished.
                assert len(forms) == 2, (name, source, "expected 2 plural forms")
                out += [(name, source, f.text, tr.get("type")) for f in forms]
            else:
                out.append((name, source, tr.text, tr.get("type")))
    return out


def test_german_is_complete_and_current(tmp_path: Path) -> None:
    """lupdate over today's code finds nothing new or gone, and every message is translated."""
    lupdate = shutil.which("pyside6-lupdate") or str(Path(i18n._lrelease()).with_name("lupdate"))
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    subprocess.run(
        [lupdate, "-silent", "-extensions", "py,ui", "-locations", "none",
         *map(str, LUPDATE_INPUTS), "-ts", str(fresh)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    problems = [
        f"[{ctx}] {src!r}: {kind or 'empty'}"
        for ctx, src, text, kind in _messages(fresh)
        if kind is not None or not text
    ]
    assert not problems, (
        "untranslated, new or vanished messages: update translations/crampcoach_de.ts "
        "(see translations/README.md):\n" + "\n".join(problems)
    )


def test_translations_keep_placeholders_and_one_mnemonic() -> None:
    for ctx, src, text, _ in _messages(TS):
        assert text is not None
        assert sorted(re.findall(r"\{\w*\}", src)) == sorted(re.findall(r"\{\w*\}", text)), (
            ctx,
            src,
        )
        assert ("%n" in src) <= ("%n" in text), (ctx, src, text)  # a plural shows its count
        assert src.count("&") == text.count("&") <= 1, (ctx, src, text)


#: Modules whose text is the command line's English, never a window's, and why.
TERMINAL_ONLY = {
    "commands.py": "the running app's replies to `crampcoach log/set/...`, printed by the CLI",
    "ipc_server.py": "the socket's protocol errors, printed by the CLI that sent the request",
    "display.py": "the one line on the terminal on why no window can open, before Qt starts",
}
GUI_CODE = [*sorted((ROOT / "crampcoach" / "qt").glob("*.py")), ROOT / "crampcoach" / "desktop.py"]


def test_no_shown_string_bypasses_translation() -> None:
    check = _strings_check()
    found: dict[str, list[str]] = {}
    for path in GUI_CODE:
        hits = check.untranslated(path)
        if path.name not in TERMINAL_ONLY:
            hits += check.built_text(path)
        if hits:
            found[path.name] = hits
    bypassing = [h for name, hits in found.items() if name not in NOT_YET_MARKED for h in hits]
    assert not bypassing, "shown without tr()/translate():\n" + "\n".join(bypassing)
    assert set(found) == NOT_YET_MARKED, "clean now, take them off NOT_YET_MARKED: " + str(
        NOT_YET_MARKED - set(found)
    )


def test_the_checker_sees_text_built_around_translation(tmp_path: Path) -> None:
    """The patterns issue 14 found after the first sweep: pieces glued, table cells, speech."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'cell = QTableWidgetItem(f"{n} steps")\nitem.setData(role, f"{d} Press Enter.")\n'
        'label.setText("Paused" if p else "Running")\nsink.say("Half way.")\n'
        'table.setHorizontalHeaderLabels(["When", "Leg"])\nlabel.setText("Hi {x}".format(x=1))\n'
        'QLabel(text="Hello")\nbox.addItem(self.tr("Rest"), userData="rest")\n'
        'label.setText(self.tr("{a} {b}").format(a=x, b=y))\n'
    )
    hits = _strings_check().untranslated(sample)
    assert [h.split(":")[1] for h in hits] == ["1", "2", "3", "4", "5", "6", "7"], hits


def test_no_message_hides_inside_an_f_string(tmp_path: Path) -> None:
    """lupdate skips f-strings' braces: a tr() there never reaches the .ts (the week PDF's
    "This week" and "Cramp diary" stayed English so)."""
    check = _strings_check()
    code = sorted((ROOT / "crampcoach").rglob("*.py"))
    assert [hit for path in code for hit in check.unseen_by_lupdate(path)] == []
    sample = tmp_path / "sample.py"
    sample.write_text(
        "html = f\"<b>{_e(self.tr('This week'))}</b>\"\n"
        "name = self.tr('Cramp diary')\nhtml = f'<h3>{_e(name)}</h3>'\n"
        "x = f\"{QCoreApplication.translate('C', 'Hi')}\"\n"
    )
    hits = check.unseen_by_lupdate(sample)
    assert [int(h.split(":")[1]) for h in hits] == [1, 4], hits


def test_designer_forms_mark_every_word_translatable(tmp_path: Path) -> None:
    check = _strings_check()
    assert [
        hit for ui in sorted((ROOT / "ui").glob("*.ui")) for hit in check.ui_untranslatable(ui)
    ] == []
    sample = tmp_path / "sample.ui"
    sample.write_text(
        '<ui><widget><property name="text"><string notr="true">Start</string></property>'
        '<property name="text"><string>Stop</string></property>'
        '<property name="objectName"><string notr="true">12</string></property></widget></ui>'
    )
    assert check.ui_untranslatable(sample) == ["sample.ui: 'Start'"]


def test_the_checker_sees_text_returned_or_built_into_html(tmp_path: Path) -> None:
    """The routine sheet's misses: words returned, glued in f-strings or HTML, picture labels."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'def side():\n    return "Both legs"\n'  # 2: returned
        'def unit(s):\n    return f"{s} s"\n'  # 4: a unit after a number
        'def labels():\n    return [(1, "Left"), (2, "Right")]\n'  # 6: returned in a list
        'html = f"<p><b>Source:</b> {x}</p>"\n'  # 7: words in markup
        'per = f"{x} per leg"\n'  # 8: an f-string with words
        'foot = "<p>Printed by</p>"\n'  # 9: a literal with markup
        'def ok():\n    return self.tr("Both legs")\n'
        'def key():\n    return "leg-stretch"\n'
        "cell = f\"<td align='center' bgcolor='{c}'>{_e(x)}</td>\"\n"
        'raise ValueError(f"unknown routine {x}")\n'
        'log.warning(f"could not read {x}")\n'
        'assert ok, f"no such {x}"\n'
        'area.setObjectName(f"{name}Scroll")\n'
        'def head():\n    """Return ``<b>`` text."""\n    return f"<h2>CrampCoach — {t}</h2>"\n'
        'style = f"font-size: {n}pt"  # not shown\n'
    )
    hits = _strings_check().built_text(sample)
    assert [int(h.split(":")[1]) for h in hits] == [2, 4, 6, 6, 7, 8, 9], hits


def test_the_checker_sees_literals_and_f_strings(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'label.setText("Hello")\nb = QPushButton(f"Go {x}")\nlabel.setText(self.tr("ok"))\n'
        'log.warning("not shown %s", x)\nlabel.setText(name)\nQMessageBox.warning(w, "Oops", m)\n'
    )
    hits = _strings_check().untranslated(sample)
    assert [h.split(":")[1] for h in hits] == ["1", "2", "6"], hits


def test_the_app_speaks_german(qapp: Any, qtbot: Any) -> None:
    from crampcoach.qt.main_window import MainWindow

    loaded = i18n.install(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        names = sorted(Path(t.filePath()).name for t in loaded)
        assert names == ["crampcoach_de.qm", "qtbase_de.qm"]
        window = MainWindow()
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&CrampCoach", "&Tag", "&Hilfe"]
        entries = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
        assert "Ein &Glas Wasser eintragen" in entries
        days = [a.text() for a in window.menuBar().actions()[1].menu().actions()]
        assert "Heute ist ein &Ruhetag" in days
        assert window.cramp_now_button.text() == "Krampf jetzt"
        # The Designer form is translated by QUiLoader through the same translator.
        texts = {w.text() for w in window.findChildren(type(window.notice_label))}
        assert "Allgemeine Informationen, keine medizinische Beratung." in texts
    finally:
        for translator in loaded:
            qapp.removeTranslator(translator)


def test_a_checkout_builds_its_qm_files_into_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = i18n.qm_folder()
    assert folder is not None and folder.is_relative_to(tmp_path)
    assert (folder / "crampcoach_de.qm").stat().st_size > 1000
    assert i18n.qm_folder() == folder  # the second start finds them


def test_no_qm_file_is_committed() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "*.qm"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert tracked.stdout == ""


def test_the_german_player_fits_its_design_width(qapp: Any, qtbot: Any) -> None:
    """German's longer words and hints wrap: the player never scrolls sideways at 1180 px."""
    from datetime import UTC, datetime

    from crampcoach.core import routines
    from crampcoach.core.clock import FakeClock
    from tests.gui.player.staging import make_player

    loaded = i18n.install(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        routine = next(r for r in routines.load_all().routines if r.id == "leg-stretch")
        clock = FakeClock(datetime(2026, 1, 5, 12, tzinfo=UTC))
        player = make_player(
            routine.localized(("de",)), None, {"sounds": False}, clock, speech_engine="mock",
            cue_thread=False,
            keep_awake=False, autostart=False,
        )  # fmt: skip
        qtbot.addWidget(player)
        # Never shown: the minimum the layout asks for is what matters (and nothing paints).
        # The longest hint: get into position, and why no sound will play.
        assert player.status.text().startswith("Drücken Sie die Leertaste")
        assert player.status.text().endswith("Tonsignale sind aus (Einstellungen).")
        assert player.status.minimumSizeHint().width() < 400  # it wraps, never widens the window
        assert player.form.minimumSizeHint().width() <= 1180
        player.start()
        clock.advance(8)
        player.tick()
        assert player.rep.text() == "Halten 1 von 2"
        assert player.form.minimumSizeHint().width() <= 1180
    finally:
        for translator in loaded:
            qapp.removeTranslator(translator)
