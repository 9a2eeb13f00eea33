from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import CrampEvent, EventType, SkipReason, Symptom
from crampcoach.core.journal import Journal
from crampcoach.core.review import IsoWeek
from crampcoach.qt.review_view import ReviewWindow
from crampcoach.store import Store
from tests.unit.review.helpers import TZ, cramp, days, session, skip, water

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

THIS_WEEK = IsoWeek(2026, 11)  # the conftest clock: Wed 11 March 2026
LAST_WEEK = IsoWeek(2026, 10)


def fill(store: Store) -> None:
    for d in LAST_WEEK.days():
        if d.weekday() != 2:
            store.add(session(d))
        store.add(water(d, 1500 if d.weekday() < 5 else 500))
    store.add(skip(date(2026, 3, 4), reason=SkipReason.SICK))
    store.add(session(date(2026, 3, 2), "18:00", kind="stretch"))
    store.add(cramp(date(2026, 3, 6), "02:40", severity=6, minutes=3))
    store.add(session(date(2026, 3, 9)))
    store.add(session(date(2026, 3, 10), completed=False))


def window(qtbot, store: Store, clock: FakeClock, **kw) -> ReviewWindow:
    w = ReviewWindow(store, store.settings, clock=clock, journal=Journal(store, clock), tz=TZ, **kw)
    qtbot.addWidget(w)
    w.show()
    return w


def test_grid_shows_the_log(qtbot, store: Store, clock: FakeClock) -> None:
    fill(store)
    w = window(qtbot, store, clock)
    assert w.week == THIS_WEEK
    assert [w.cell("bedtime", i) for i in range(4)] == ["✓ done", "½ partial", "tonight", ""]
    assert not w.next_button.isEnabled() and not w.this_week_button.isEnabled()
    assert "(so far)" in w.week_label.text()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # window shortcuts need the active window
    qtbot.keyClick(w, Qt.Key.Key_PageUp)
    assert w.week == LAST_WEEK
    assert w.cell("bedtime", 0) == "✓ done"
    assert w.cell("bedtime", 2) == "skipped (sick)"
    assert w.cell("stretch", 0) == "✓ 1"
    assert w.cell("water", 0) == "✓ 1500 ml" and w.cell("water", 6) == "500 ml"
    assert w.grid.verticalHeaderItem(2).text() == "Water (goal 1500 ml)"
    assert w.cell("cramps", 3) == "1 (worst 6/10)"  # 02:40 on Friday: Thursday night
    assert "Bedtime routine: 6 of 6 nights" in w.headline_label.text()
    assert w.grid.item(0, 2).data(Qt.ItemDataRole.UserRole) == "skipped"
    assert w.diary.rowCount() == 1 and w.diary.item(0, 3).text() == "6/10"
    assert "not medical advice" in w.disclaimer_label.text()
    assert "never stop a medicine on your own" in w.checklist_label.text()
    assert not w.warnings_label.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_PageDown)
    assert w.week == THIS_WEEK
    qtbot.keyClick(w, Qt.Key.Key_PageDown)  # never into the future
    assert w.week == THIS_WEEK


def test_the_diary_calls_it_severity_as_the_cramp_dialog_does(
    qtbot, store: Store, clock: FakeClock
) -> None:
    fill(store)
    w = window(qtbot, store, clock, week=LAST_WEEK)
    # One name for one thing: the cramp dialog's "Severity (0-10)", not "Pain".
    assert w.diary.horizontalHeaderItem(3).text() == "Severity"
    assert w.diary.item(0, 3).text() == "6/10"


def test_chart_has_the_last_weeks(qtbot, store: Store, clock: FakeClock) -> None:
    fill(store)
    w = window(qtbot, store, clock, week=LAST_WEEK)
    data = w.chart.data
    # Only W10 has a log: no line through the eleven weeks before it began.
    assert data.cramps == ((11, 1),)
    assert len(data.overall) == 12 and data.overall[11] == pytest.approx(w.review.overall)
    assert data.overall[10] == 0.0
    assert data.weeks[-1] == "10" and data.title == "The last 12 weeks"


def test_logging_a_cramp_from_the_window_updates_grid_and_diary(
    qtbot, store: Store, clock: FakeClock
) -> None:
    w = window(qtbot, store, clock)
    qtbot.mouseClick(w.log_cramp_button, Qt.MouseButton.LeftButton)
    dialog = w.cramp_dialog
    dialog.last_night_radio.click()
    dialog.minutes_spin.setValue(12)
    assert dialog.warning_label.isVisible()
    with qtbot.waitSignal(w.refreshed):
        dialog.save()
    assert w.cell("cramps", 1) == "1 (worst 5/10)"  # 03:00 Wednesday: Tuesday night
    assert w.diary.rowCount() == 1
    assert w.warnings_label.isVisible() and "URGENT" in w.warnings_label.text()
    assert len(store.events(types=[EventType.CRAMP])) == 1


def test_edit_delete_and_undo_in_the_diary(qtbot, store: Store, clock: FakeClock) -> None:
    wrong = cramp(date(2026, 3, 10), severity=9)
    store.add(wrong)
    store.add(water(date(2026, 3, 2), 250))  # the user started before that night
    w = window(qtbot, store, clock)
    assert not w.delete_button.isEnabled()
    w.select_cramp(0)
    assert w.selected_cramp() == wrong and w.delete_button.isEnabled()
    dialog = w.edit_selected()
    dialog.severity_spin.setValue(4)
    with qtbot.waitSignal(w.refreshed):
        dialog.save()
    assert store.get(wrong.id).severity == 4
    assert w.cell("cramps", 0) == "1 (worst 4/10)"

    w.select_cramp(0)
    qtbot.mouseClick(w.delete_button, Qt.MouseButton.LeftButton)
    assert store.get(wrong.id) is None
    # Without the diary entry nobody said how that night went: unknown, not "none".
    assert w.diary.rowCount() == 0 and w.cell("cramps", 0) == "not logged"
    assert w.undo_button.isEnabled()
    qtbot.mouseClick(w.undo_button, Qt.MouseButton.LeftButton)
    restored = store.get(wrong.id)
    assert isinstance(restored, CrampEvent) and restored.severity == 4
    assert w.diary.rowCount() == 1 and not w.undo_button.isEnabled()


def test_pdf_export_is_one_readable_page(qtbot, store: Store, clock: FakeClock, tmp_path) -> None:
    fill(store)
    for i, d in enumerate(days(date(2026, 3, 2), 7)):
        store.add(cramp(d, "23:30", severity=8, minutes=12 if i == 3 else 2))
    store.add(
        CrampEvent(
            **{**_dict(cramp(date(2026, 3, 3), "15:00")), "note": "<b>after a long walk</b> & hill"}
        )
    )
    w = window(qtbot, store, clock, week=LAST_WEEK)
    pdf = w.export_pdf(tmp_path / "week.pdf")
    assert pdf is not None and pdf.stat().st_size > 5000
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils is not installed")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Week 2026-W10" in text
    assert "not medical advice" in text
    assert "<b>after a long walk</b> & hill" in text  # user text is escaped, not markup
    assert "URGENT" in text and "See a doctor if" in text
    assert "Bedtime routine: 6 of 6 nights" in text
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    # The page is kept in pytest's basetemp (last 3 runs) for a person to look at.
    image = QImage(str(tmp_path / "page.png"))
    assert image.width() > 400 and image.height() > image.width()  # A4 portrait
    # Not blank: the chart's blue bars are there.
    blue = sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if (c := image.pixelColor(x, y)).blue() > 150 and c.red() < 100
    )
    assert blue > 50


def _dict(ev: CrampEvent) -> dict:
    return {
        f: getattr(ev, f)
        for f in ("id", "at", "leg", "muscle", "severity", "minutes", "context", "note")
    }


def test_events_export_csv_and_json(qtbot, store: Store, clock: FakeClock, tmp_path) -> None:
    fill(store)
    w = window(qtbot, store, clock)
    total = len(store.events())
    js = w.export_events("json", tmp_path / "all.json")
    data = json.loads(js.read_text(encoding="utf-8"))
    assert len(data) == total and {d["type"] for d in data} == {"session", "water", "skip", "cramp"}
    cs = w.export_events("csv", tmp_path / "all.csv")
    lines = cs.read_text(encoding="utf-8").splitlines()
    assert len(lines) == total + 1 and lines[0].startswith("id,type,at")
    assert f"Saved {total} events" in w.status_label.text()


def test_the_review_does_not_load_qtcharts() -> None:
    """Its chart is painted: QtCharts' scene and libraries stayed in memory all day."""
    code = (
        "import sys, os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import crampcoach.qt.review_view, crampcoach.qt.cramp_dialog, crampcoach.qt.pdf_export\n"
        "print('PySide6.QtCharts' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_week_days_are_monday_first_across_year_end(qtbot, store: Store, clock: FakeClock) -> None:
    clock.advance((date(2027, 1, 2) - date(2026, 3, 11)).days * 86400)
    w = window(qtbot, store, clock)
    assert w.week == IsoWeek(2026, 53)
    assert w.grid.horizontalHeaderItem(0).text() == "Mon 28"
    assert w.grid.horizontalHeaderItem(6).text() == "Sun 3"
    assert w.review.days[-1].day == date(2027, 1, 3) - timedelta(days=0)


def test_coming_back_to_the_window_shows_entries_logged_elsewhere(
    qtbot, store: Store, clock: FakeClock
) -> None:
    from PySide6.QtWidgets import QWidget

    w = window(qtbot, store, clock)
    reads: list[int] = []
    w.refreshed.connect(lambda: reads.append(1))
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    assert reads == []  # its first activation: just read when it was built
    assert w.diary.rowCount() == 0
    elsewhere = QWidget()  # e.g. the tray's cramp dialog
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not w.isActiveWindow())
    store.add(cramp(date(2026, 3, 10), severity=4))
    w.activateWindow()
    qtbot.waitUntil(lambda: w.diary.rowCount() == 1)
    assert w.cell("cramps", 0) == "1 (worst 4/10)" and reads == [1]


def test_an_empty_week_says_what_to_do_and_esc_closes(
    qtbot, store: Store, clock: FakeClock
) -> None:
    from PySide6.QtCore import Qt

    from crampcoach.qt.review_view import DIARY_EMPTY, ReviewWindow

    w = ReviewWindow(store, store.settings, clock=clock, journal=Journal(store, clock))
    qtbot.addWidget(w)
    w.show()
    assert w.diary_empty.isVisible() and w.diary_empty.text() == DIARY_EMPTY
    assert not w.diary.isVisible()
    assert w.windowTitle() == "Your week in review"  # Qt appends the app's name once
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w.focusWidget() or w, Qt.Key.Key_Escape)
    assert not w.isVisible()
    w.show()  # and Ctrl+W, as every desktop window closes
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w.focusWidget() or w, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not w.isVisible()


def test_pdf_prints_the_personal_trial_as_the_cli_reports_it(
    qtbot, store: Store, clock: FakeClock, tmp_path, capsys
) -> None:
    from crampcoach.cli import main
    from crampcoach.core import trial
    from crampcoach.core.events import TrialEvent, new_id
    from tests.unit.review.helpers import at, night

    first = date(2026, 2, 9)  # the baseline's first night; its first block began 23 Feb
    design = trial.new_design("t-pdf", first, seed=7)
    store.add(TrialEvent(id=new_id(), at=at(first, "20:00"), **design.start_fields()))
    # Ten nights answered (three with cramps); every other counted night is unknown.
    for i, d in enumerate(days(first, 10)):
        store.add(night(d, cramps=1 if i % 3 == 0 else 0, worst=5 if i % 3 == 0 else None))
    w = window(qtbot, store, clock)
    pdf = w.export_pdf(tmp_path / "week.pdf")
    assert pdf is not None
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)  # still one page with the trial
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # pdftotext gives the font's ligatures ("ﬁ"): compare as a reader does.
    flat = " ".join(unicodedata.normalize("NFKC", text).split())

    assert main(["trial", "report"], clock=clock) == 0
    report = capsys.readouterr().out
    lines = [" ".join(line.split()) for line in report.splitlines() if line.strip()]
    heading, result, unknown = lines[0], lines[-3], lines[-2]
    assert heading.startswith("Your personal trial (n-of-1), Mon 9 Feb 2026")
    assert result.startswith("Result: not enough nights yet")
    # Unknown nights are unknown, not cramp-free: all but the wash-in counted, 10 answered.
    counted = (date(2026, 3, 10) - first).days + 1 - design.washin_days
    assert unknown.startswith(f"Unknown nights: {counted - 10} of {counted} counted nights")
    for words in (heading, result, unknown, "never counted as cramp-free"):
        assert words in flat, words
    assert trial.CANNOT_RULE_OUT.split(":")[0] in flat
    assert "Baseline" in flat or "baseline" in flat


def test_pdf_without_a_trial_has_no_trial_section(
    qtbot, store: Store, clock: FakeClock, tmp_path
) -> None:
    fill(store)
    w = window(qtbot, store, clock, week=LAST_WEEK)
    pdf = w.export_pdf(tmp_path / "week.pdf")
    assert pdf is not None
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "personal trial" not in text.lower()


def _pixels(image: QImage, colour: str) -> int:
    want = QColor(colour).rgb()
    return sum(
        1 for x in range(image.width()) for y in range(image.height()) if image.pixel(x, y) == want
    )


def test_the_chart_is_drawn_dark_in_a_dark_palette(
    qtbot, qapp, store: Store, clock: FakeClock
) -> None:
    from crampcoach.qt import theme
    from crampcoach.qt.charts import ADHERENCE_COLOUR, CRAMP_COLOUR

    fill(store)
    w = window(qtbot, store, clock, week=LAST_WEEK)
    w.chart.resize(600, 260)
    light = w.chart.grab().toImage()
    assert theme.luminance(light.pixelColor(1, 1)) > 0.9  # on paper
    try:
        theme.apply(qapp, "dark")  # as the theme setting does: the palette and its stylesheet
        dark = w.chart.grab().toImage()
    finally:
        theme.apply(qapp)
    assert theme.luminance(dark.pixelColor(1, 1)) < 0.1  # not a white panel
    for image in (light, dark):  # our colours on both
        assert _pixels(image, ADHERENCE_COLOUR) > 50  # last week's bar
        assert _pixels(image, CRAMP_COLOUR) > 20  # its dot and the legend's stroke


@pytest.fixture
def german(qapp):
    """The app's German translators and locale for one test."""
    from PySide6.QtCore import QLocale

    from crampcoach.qt import i18n

    de = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    loaded = i18n.install(qapp, de)
    previous = QLocale()
    QLocale.setDefault(de)
    yield
    QLocale.setDefault(previous)
    for translator in loaded:
        qapp.removeTranslator(translator)


def test_the_german_review_speaks_german(qtbot, german, store: Store, clock: FakeClock) -> None:
    """Core words the review once: the window renders it in German, the CLI stays English."""
    from crampcoach.core import review

    fill(store)
    w = window(qtbot, store, clock)
    assert w.week_label.text() == "Woche 2026-W11: Mo. 9. März – So. 15. März 2026 (bisher)"
    assert [w.cell("bedtime", i) for i in range(3)] == ["✓ erledigt", "½ teilweise", "heute Abend"]
    w.show_week(LAST_WEEK)
    assert w.cell("bedtime", 2) == "ausgelassen (krank)"
    assert w.grid.item(0, 2).toolTip() == "ausgelassen (krank)"  # not the reason's English id
    assert w.cell("water", 0) == "✓ 1500 ml"
    assert w.cell("cramps", 3) == "1 (max. 6/10)"
    labels = [w.grid.verticalHeaderItem(i).text() for i in range(4)]
    assert labels == [
        "Übungsfolge vor dem Schlafen", "Dehnen / Aufwärmen", "Wasser (Ziel 1500 ml)",
        "Krämpfe in der Nacht",
    ]  # fmt: skip
    headline = w.headline_label.text().splitlines()
    assert headline[0].startswith("Plan erfüllt: ")
    assert "Übungsfolge vor dem Schlafen: 6 von 6 Nächten" in headline
    assert headline[-1].startswith("Nächtliche Krämpfe: 1 in 1 von ")
    assert w.effect_label.text().startswith("Noch zu wenige Nächte für einen Vergleich")
    assert "Nights" not in w.effect_label.text() and "night" not in w.headline_label.text()
    # The same review for the command line: English, whatever the translators.
    assert review.cell_text(w.review.days[2], "bedtime") == "skipped (sick)"
    assert review.week_title(LAST_WEEK) == "Week 2026-W10: Mon 2 Mar – Sun 8 Mar 2026"
    assert "Bedtime routine: 6 of 6 nights" in review.headline(w.review)


def test_german_warning_signs(qtbot, german, store: Store, clock: FakeClock) -> None:
    """A matched warning sign reads German from its title to the log's numbers; the CLI English."""
    from crampcoach.core import review

    signs = (Symptom.SWELLING, Symptom.WARMTH)
    store.add(replace(cramp(date(2026, 3, 10), "23:30", minutes=25), symptoms=signs))
    w = window(qtbot, store, clock)
    warnings = w.warnings_label.text()
    assert warnings.startswith("DRINGEND, HEUTE — Ein geschwollenes, warmes")
    assert "Sie haben einen Krampf eingetragen, der 25 Minuten dauerte." in warnings
    assert "Sie haben zu diesem Krampf eingetragen: " in warnings
    assert "You logged" not in warnings and " and " not in warnings
    assert "You logged a cramp that lasted 25 minutes." in review.to_text(w.review)


def test_german_numbers_carry_the_decimal_comma(german) -> None:
    """Core gives the review's and the trial's decimals as numbers: German writes "0,50"."""
    from crampcoach.core import review, trial
    from crampcoach.core.nights import NightOutcome
    from crampcoach.core.review import RoutineEffect
    from crampcoach.qt import review_words as words

    effect = RoutineEffect((0, 1) * 8, (1, 1, 0, 1) * 4, 0, 0, None, None, min_nights=7)
    english, deutsch = str(review.effect_message(effect)), words.tr(review.effect_message(effect))
    assert "0.50 cramps a night" in english and "-0.25" in english  # the CLI, unchanged
    assert "0,50 Krämpfe pro Nacht" in deutsch and "ohne: 0,75" in deutsch
    assert "-0,25" in deutsch and "Normalapproximation" in deutsch
    assert not re.search(r"\d\.\d", deutsch), deutsch

    first = date(2026, 2, 9)
    design = trial.new_design("t-de", first, seed=7)
    # Every night known; nights with the routine cramp-free every other night, without: every night.
    outcomes = {}
    for block in design.blocks():
        d = block.first
        while d <= block.last:
            cramps = 0 if block.routine and d.toordinal() % 2 else 1
            outcomes[d] = NightOutcome(d, cramps, None, "check-in")
            d += timedelta(days=1)
    report = trial.analyse(trial.Trial(design), outcomes, design.last_day)
    assert report.difference is not None and report.difference.low is not None
    summary = words.tr(trial.summary_message(report, design.last_day + timedelta(days=1)))
    assert summary.startswith("Persönlicher Versuch: alle Blöcke sind vorbei. Deutlich weniger")
    assert re.search(r"\(-\d,\d Krampfnächte pro Woche, 95 % -\d,\d bis -\d,\d\)", summary)
    parts = trial.report_parts(report)
    assert words.tr(parts.heading) == (
        "Ihr persönlicher Versuch (n-of-1), Mo. 9. Feb. 2026 bis So. 9. Aug. 2026"
    )
    result = words.tr(parts.result)
    assert result.startswith("Ergebnis: deutlich weniger Krämpfe. Mit der Übungsfolge minus ohne")
    assert "t-Intervall über die Blockpaare (95 %), 3 Paare" in result
    assert not re.search(r"\d\.\d", result + summary), (result, summary)
    assert [words.tr(label) for label, _, _ in parts.blocks][:2] == [
        "Ausgangsphase",
        f"Block 1: {'mit der' if design.order()[0] else 'ohne die'} Übungsfolge",
    ]
    assert "mit, ohne" in words.tr(parts.design) or "ohne, mit" in words.tr(parts.design)
    # The command line's words for the same report: English, '.' decimals.
    assert str(parts.result).startswith("Result: clearer fewer cramps.")
    assert re.search(
        r"\(-\d\.\d cramp nights a week, 95 % -\d\.\d to -\d\.\d\)",
        str(trial.summary_message(report, design.last_day + timedelta(days=1))),
    )


def test_the_german_review_shows_the_trial_in_german(
    qtbot, german, store: Store, clock: FakeClock, tmp_path
) -> None:
    from crampcoach.core import trial
    from crampcoach.core.events import TrialEvent, new_id
    from tests.unit.review.helpers import at, night

    first = date(2026, 2, 9)
    design = trial.new_design("t-pdf-de", first, seed=7)
    store.add(TrialEvent(id=new_id(), at=at(first, "20:00"), **design.start_fields()))
    for i, d in enumerate(days(first, 10)):
        store.add(night(d, cramps=1 if i % 3 == 0 else 0, worst=5 if i % 3 == 0 else None))
    store.add(cramp(date(2026, 3, 10), "23:30", severity=7))
    w = window(qtbot, store, clock)
    label = w.trial_label.text()
    assert label.startswith("Persönlicher Versuch: Block "), label
    assert "Noch nicht genug Nächte;" in label and "nicht verblindet." in label
    assert ">Was dies nicht ausschließen kann: Sie wissen" in w.trial_label.toolTip()
    assert "mittlere Stärke 7,0/10" in w.headline_label.text()
    pdf = w.export_pdf(tmp_path / "woche.pdf")
    assert pdf is not None
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(unicodedata.normalize("NFKC", text).split())
    assert "Ihr persönlicher Versuch (n-of-1), Mo. 9. Feb. 2026" in flat
    assert "Ergebnis: noch nicht genug Nächte." in flat and "Unbekannte Nächte:" in flat
    assert "Frage: Verringert die Übungsfolge" in flat and "Ausgangsphase" in flat
    assert "Diese Woche" in flat and "Krampftagebuch" in flat
    english_words = ("Your personal trial", "Result:", "Unknown nights", "baseline", "known of")
    for english in (*english_words, "This week", "Cramp diary"):
        assert english not in flat, english
