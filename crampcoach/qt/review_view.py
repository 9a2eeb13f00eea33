"""The weekly review window: a thin view over ``core.review.WeekReview``.

Shows the week grid (days × plan items), the headline numbers, the safety
prompts, the with/without-routine comparison, a chart of the last weeks
(:mod:`crampcoach.qt.charts`), the cramp diary (edit, delete, undo) and the
export buttons.  Page Up / Page Down / Home move between weeks.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QSize,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crampcoach.core import review, safety
from crampcoach.core.clock import Clock
from crampcoach.core.events import CrampEvent, local_day
from crampcoach.core.journal import Journal
from crampcoach.core.review import IsoWeek, Status, WeekReview
from crampcoach.core.safety import Level
from crampcoach.core.settings import Settings, parse_hhmm
from crampcoach.qt import review_colours
from crampcoach.qt import review_words as words
from crampcoach.qt.charts import WeekChart
from crampcoach.qt.forms import child, describe, load_ui, plain_tip
from crampcoach.qt.screens import fit_window, remember, scrolling

if TYPE_CHECKING:
    from crampcoach.core.trial import Report as TrialReport
    from crampcoach.store import Store

DIARY_EMPTY = QT_TRANSLATE_NOOP(
    "ReviewWindow",
    "No cramps logged this week. After a cramp, press “Log a cramp…”: when it was and "
    "how bad is enough, and the review compares nights with and without the routine.",
)
# Short headers: the diary shares the window's width with the chart.
DIARY_COLUMNS = (
    QT_TRANSLATE_NOOP("ReviewWindow", "When"),
    QT_TRANSLATE_NOOP("ReviewWindow", "Leg"),
    QT_TRANSLATE_NOOP("ReviewWindow", "Muscle"),
    QT_TRANSLATE_NOOP("ReviewWindow", "Severity"),
    QT_TRANSLATE_NOOP("ReviewWindow", "Min"),
    QT_TRANSLATE_NOOP("ReviewWindow", "Context"),
    QT_TRANSLATE_NOOP("ReviewWindow", "Note"),
)


def warnings_text(r: WeekReview) -> str:
    """The matched warning signs as plain text (empty when none)."""
    parts = []
    for w in r.warnings:  # most urgent first; what to do before why
        level = QCoreApplication.translate("Safety", safety.LEVEL_LABELS[w.level])
        title, action, reason = map(words.tr, (w.title_message, w.action_message, w.reason_message))
        parts.append(f"{level} — {title}\n{action}\n{reason}")
    return "\n\n".join(parts)


def checklist_text() -> str:
    """The "see a doctor if…" signs the log cannot see: the urgent ones first, in bold.

    Rich text is safe here: every string is our own constant, and each is escaped.
    One paragraph with inline bullets keeps the window within a 1280×800 screen
    (a rich-text table made QLabel ask for ~180 px more height).
    """

    def tr(text: str) -> str:
        return html.escape(QCoreApplication.translate("Safety", text), quote=False)

    def items(level: Level) -> list[str]:
        return [tr(i.text) for i in safety.CHECKLIST if i.level is level]

    heads = safety.CHECKLIST_HEADINGS
    either = html.escape(QCoreApplication.translate("Safety", "; or "), quote=False)
    return (
        f"<b>{tr(heads[Level.EMERGENCY])} {either.join(items(Level.EMERGENCY))}. "
        f"{tr(heads[Level.URGENT])} {either.join(items(Level.URGENT))}.</b><br>"
        f"{tr(heads[Level.SEE_DOCTOR])} " + " &nbsp;• ".join(items(Level.SEE_DOCTOR)) + "."
    )


@dataclass(frozen=True)
class Loaded:
    """One week's review as read from the log: no Qt, so a worker thread can read it."""

    settings: Settings
    week: IsoWeek
    review: WeekReview
    trial: str  # the personal trial's line beside the diary
    trial_report: TrialReport | None  # the trial, for the PDF too


def log_today(clock: Clock, tz: tzinfo, settings: Settings) -> date:
    """Today in the log's terms (local day with the day boundary)."""
    return local_day(clock.now(), tz, parse_hhmm(settings.day_boundary))


def read_trial(
    store: Store, settings: Settings, clock: Clock, tz: tzinfo
) -> tuple[TrialReport | None, str]:
    """The personal trial (None: none yet) and its status and result, or how to start one."""
    from crampcoach.core import trial

    today = local_day(clock.now(), tz, parse_hhmm("12:00"))
    found = trial.load(store, settings, tz, today)
    if found is None:
        # translate() is thread-safe: this may run on the review's worker thread.
        return None, QCoreApplication.translate(
            "ReviewWindow",
            "Personal trial: none yet. A fair test of the bedtime routine on yourself: "
            "crampcoach trial start (about 26 weeks of nightly check-ins).",
        )
    return found, words.tr(trial.summary_message(found, today))


def read_week(
    store: Store,
    settings: Settings,
    clock: Clock,
    tz: tzinfo | None = None,
    week: IsoWeek | None = None,
) -> Loaded:
    """Read ``week`` (this week by default) from the log and compute its review.

    Pure reading: :meth:`crampcoach.qt.app.App.open_review` runs it on a
    worker thread, so the first open's reading of the log (the weeks' month
    files, the trial) never stalls the event loop.
    """
    tz = tz or clock.tz
    today = log_today(clock, tz, settings)
    week = week or IsoWeek.of(today)
    found = review.load(store, settings, tz, week, today)
    report, text = read_trial(store, settings, clock, tz)
    return Loaded(settings, week, found, text, report)


class ReviewWindow(QWidget):
    """The weekly review; ``ReviewWindow(store, live_settings, parent, clock=..., journal=...)``.

    ``loaded``: the week already read (:func:`read_week`, on a worker thread);
    without it the window reads the log itself before it is shown.
    """

    week_changed = Signal(str)
    refreshed = Signal()

    def __init__(
        self,
        store: Store,
        settings: Callable[[], Settings],
        parent: QWidget | None = None,
        *,
        clock: Clock,
        journal: Journal,
        tz: tzinfo | None = None,
        week: IsoWeek | None = None,
        loaded: Loaded | None = None,
    ) -> None:
        """``settings``: the app's live settings (``LiveSettings``), read at each refresh.

        ``journal``: the app's, so a deletion or an undo here reaches everyone
        who follows the log (never a second journal of its own).
        """
        super().__init__(parent)
        # A separate top-level window even when the main window is its parent.
        self.setWindowFlag(Qt.WindowType.Window, True)
        # Qt adds " — CrampCoach" (the application's display name) itself.
        self.setWindowTitle(self.tr("Your week in review"))
        self.store = store
        self._live_settings = settings
        self.settings: Settings = loaded.settings if loaded else settings()
        self.clock: Clock = clock
        self.tz: tzinfo = tz or clock.tz
        self.journal = journal
        self.review: WeekReview | None = None
        self.trial_report: TrialReport | None = None
        self.week: IsoWeek = loaded.week if loaded else week or IsoWeek.of(self.today())
        self._deleted: list[CrampEvent] = []
        self._chart_view: WeekChart | None = None
        self.cramp_dialog: QWidget | None = None
        self._away = False  # lost the focus since the last read of the log

        self.form = load_ui("review_window.ui")
        self.form.setContentsMargins(12, 12, 12, 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # On a small screen the week scrolls; its buttons are never off-screen.
        layout.addWidget(scrolling(self.form, self))
        f = self.form
        self.week_label = child(f, QLabel, "weekLabel")
        self.prev_button = child(f, QPushButton, "prevButton")
        self.next_button = child(f, QPushButton, "nextButton")
        self.this_week_button = child(f, QPushButton, "thisWeekButton")
        self.log_cramp_button = child(f, QPushButton, "logCrampButton")
        self.warnings_label = child(f, QLabel, "warningsLabel")
        self.grid = child(f, QTableWidget, "gridTable")
        self.headline_label = child(f, QLabel, "headlineLabel")
        self.effect_label = child(f, QLabel, "effectLabel")
        self.chart_host = child(f, QWidget, "chartHost")
        self.diary = child(f, QTableWidget, "diaryTable")
        self.edit_button = child(f, QPushButton, "editButton")
        self.delete_button = child(f, QPushButton, "deleteButton")
        self.undo_button = child(f, QPushButton, "undoButton")
        self.checklist_label = child(f, QLabel, "checklistLabel")
        self.status_label = child(f, QLabel, "statusLabel")
        self.pdf_button = child(f, QPushButton, "pdfButton")
        self.csv_button = child(f, QPushButton, "csvButton")
        self.json_button = child(f, QPushButton, "jsonButton")
        self.disclaimer_label = child(f, QLabel, "disclaimerLabel")
        # The not-medical-advice line stays in view below the page, however far it
        # scrolls; in line with the page's text (its margins and the form's).
        pinned = QVBoxLayout()
        pinned.setContentsMargins(24, 0, 24, 12)
        pinned.addWidget(self.disclaimer_label)
        layout.addLayout(pinned)
        self.trial_label = self._trial_label()

        describe(
            f,
            {
                "logCrampButton": self.tr("Add a cramp to the diary (Ctrl+K in the main window)"),
                "gridTable": self.tr(
                    "Each plan item by day: done, partly, missed, skipped or to come"
                ),
                "diaryTable": self.tr(
                    "The cramps logged this week; Enter or double-click edits one"
                ),
                "editButton": self.tr("Change the selected cramp"),
                "deleteButton": self.tr("Delete the selected cramp (Undo brings it back)"),
                "undoButton": self.tr("Bring back the cramp just deleted"),
                "pdfButton": self.tr("Save this week as a PDF to print or show a doctor"),
                "csvButton": self.tr("Save every entry as a CSV spreadsheet"),
                "jsonButton": self.tr("Save every entry as JSON"),
            },
        )
        self.disclaimer_label.setText(
            QCoreApplication.translate("Safety", safety.NOT_MEDICAL_ADVICE)
        )
        self.checklist_label.setText(checklist_text())
        # The warning box's colours are ui/style.qss's @warn, for the palette in use.
        self._setup_grid()
        self._setup_diary()
        self.diary_empty = QLabel(self.tr(str(DIARY_EMPTY)))
        self.diary_empty.setObjectName("emptyLabel")
        self.diary_empty.setWordWrap(True)
        self.diary_empty.setTextFormat(Qt.TextFormat.PlainText)
        diary_layout = self.form.findChild(QVBoxLayout, "diaryLayout")
        assert diary_layout is not None, "ui/review_window.ui has no diaryLayout"
        diary_layout.insertWidget(diary_layout.indexOf(self.diary) + 1, self.diary_empty)

        self.prev_button.clicked.connect(lambda: self.show_week(self.week.shift(-1)))
        self.next_button.clicked.connect(lambda: self.show_week(self.week.shift(1)))
        self.this_week_button.clicked.connect(lambda: self.show_week(self.this_week()))
        self.log_cramp_button.clicked.connect(lambda: self.open_cramp_dialog())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.undo_button.clicked.connect(lambda: self.undo_delete())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.csv_button.clicked.connect(lambda: self.export_events("csv"))
        self.json_button.clicked.connect(lambda: self.export_events("json"))
        self.diary.itemSelectionChanged.connect(self._update_diary_buttons)
        self.diary.itemDoubleClicked.connect(lambda *_: self.edit_selected())
        for key, step in ((Qt.Key.Key_PageUp, -1), (Qt.Key.Key_PageDown, 1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda s=step: self.show_week(self.week.shift(s)))
        # Esc, Ctrl+W, and the platform's own Close key where it differs (one key
        # bound twice would be ambiguous and fire neither).
        closing = [QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")]
        closing += [
            k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Close) if k not in closing
        ]
        for keys in closing:
            QShortcut(keys, self).activated.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Home), self).activated.connect(
            lambda: self.show_week(self.this_week())
        )

        fit_window(self, "review", QSize(1120, 900))
        self._show(loaded or self._read())

    def _trial_label(self) -> QLabel:
        """The personal trial's status and result, beside the cramp diary."""
        from crampcoach.core import trial

        label = QLabel(self)
        label.setObjectName("trialLabel")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        # The text names itself ("What this cannot rule out: ..."): no heading before it.
        label.setToolTip(plain_tip(words.tr(trial.CANNOT_RULE_OUT_MESSAGE)))
        # Three lines always fit: the diary table below shrinks (it scrolls) rather than this.
        label.setMinimumHeight(label.fontMetrics().lineSpacing() * 3 + 4)
        # At the top of the diary column: the window's height is already spoken for.
        diary_layout = self.findChild(QBoxLayout, "diaryLayout")
        if diary_layout is not None:
            diary_layout.insertWidget(0, label)
        else:
            parent = self.effect_label.parentWidget()
            layout = parent.layout() if parent is not None else None
            if layout is not None:
                layout.addWidget(label)
        return label

    # -- weeks -----------------------------------------------------------------------

    def today(self) -> date:
        """Today in the log's terms (local day with the day boundary)."""
        return log_today(self.clock, self.tz, self.settings)

    def this_week(self) -> IsoWeek:
        """The week today is in."""
        return IsoWeek.of(self.today())

    def show_week(self, week: IsoWeek) -> None:
        """Show ``week`` (never later than this week: the future has nothing to review)."""
        week = min(week, self.this_week())
        if week == self.week and self.review is not None:
            return
        self.week = week
        self.refresh()
        self.week_changed.emit(str(week))

    def refresh(self) -> None:
        """Re-read the log and redraw everything."""
        self._show(self._read())

    def _read(self) -> Loaded:
        # The settings as they are now (they may have changed since the window opened).
        return read_week(self.store, self._live_settings(), self.clock, self.tz, self.week)

    def _show(self, loaded: Loaded) -> None:
        self.settings = loaded.settings
        self.review = r = loaded.review
        title = words.week_title(r.week)
        self.week_label.setText(
            self.tr("{week} (so far)").format(week=title) if r.in_progress else title
        )
        self.next_button.setEnabled(r.week < self.this_week())
        self.this_week_button.setEnabled(r.week != self.this_week())
        self.headline_label.setText("\n".join(map(words.tr, review.headline_messages(r))))
        self.effect_label.setText(words.tr(review.effect_message(r.cramps.effect)))
        self.trial_label.setText(loaded.trial)
        self.trial_report = loaded.trial_report  # the PDF prints it too
        text = warnings_text(r)
        self.warnings_label.setText(text)
        self.warnings_label.setVisible(bool(text))
        self._fill_grid(r)
        self._fill_diary(r)
        self._update_chart(r)
        self.refreshed.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window's size on this computer."""
        remember(self)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Re-read the log when the window comes back to the front.

        Entries may have been logged meanwhile from the tray, the main window
        or ``crampcoach log``.  Only after the window lost the focus: the first
        activation follows the read the window was built with, and a second
        read there was a fifth of the first open's stall.  A new palette (the
        theme setting, or the desktop's) recolours the grid without a read.
        """
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.review is not None:
            self._fill_grid(self.review)  # the cells' colours come from the palette
        if event.type() == QEvent.Type.ActivationChange and self.review is not None:
            if not self.isActiveWindow():
                self._away = True
            elif self._away:
                self._away = False
                self.refresh()

    # -- grid ------------------------------------------------------------------------

    def _setup_grid(self) -> None:
        self.grid.setRowCount(len(review.GRID_ROWS))
        self.grid.setColumnCount(7)
        self.grid.setVerticalHeaderLabels(
            [words.tr(review.GRID_LABELS[i]) for i in review.GRID_ROWS]
        )
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _fill_grid(self, r: WeekReview) -> None:
        self.grid.setVerticalHeaderLabels(
            [words.tr(review.grid_label_message(i, r)) for i in review.GRID_ROWS]
        )
        # Day names in the user's language (strftime's are always English here).
        locale = QLocale()
        # The window's palette (the table inherits it, but only after the window's
        # PaletteChange): the cells follow a dark, or any, desktop palette.
        palette = self.palette()
        self.grid.setHorizontalHeaderLabels(
            [locale.toString(QDate(d.day.year, d.day.month, d.day.day), "ddd d") for d in r.days]
        )
        for col, row in enumerate(r.days):
            for line, item in enumerate(review.GRID_ROWS):
                cell = QTableWidgetItem(words.tr(review.cell_message(row, item)))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                status = review.cell_status(row, item)
                look = (
                    review_colours.cramps_cell(palette, row.cramps)
                    if item == "cramps"
                    else review_colours.status_cell(palette, status)
                )
                if look.background is not None:
                    cell.setBackground(QBrush(look.background))
                cell.setForeground(QBrush(look.text))
                if look.italic:
                    font = cell.font()
                    font.setItalic(True)
                    cell.setFont(font)
                if status is Status.SKIPPED or (item == "bedtime" and row.bedtime_skip):
                    reason = row.bedtime_skip if item == "bedtime" else row.stretch_skip
                    cell.setToolTip(
                        words.tr(review.skip_message(reason))
                        if reason
                        else self.tr("skipped: no reason given")
                    )
                cell.setData(Qt.ItemDataRole.UserRole, status.value if status else None)
                self.grid.setItem(line, col, cell)

    def cell(self, item: str, day_index: int) -> str:
        """The text shown in the grid (for tests and accessibility checks)."""
        widget = self.grid.item(review.GRID_ROWS.index(item), day_index)
        return widget.text() if widget else ""

    # -- chart -----------------------------------------------------------------------

    def _update_chart(self, r: WeekReview) -> None:
        if self._chart_view is None:
            self._chart_view = WeekChart(self.chart_host)
            self._chart_view.setAccessibleName(self.tr("Chart of the last weeks"))
            self._chart_view.setAccessibleDescription(
                self.tr("Bars: share of the plan done each week; line: nights with cramps")
            )
            layout = self.chart_host.layout()
            assert layout is not None
            layout.addWidget(self._chart_view)
        self._chart_view.show_review(r)

    @property
    def chart(self) -> WeekChart | None:
        """The chart shown (None before the first refresh)."""
        return self._chart_view

    # -- diary -----------------------------------------------------------------------

    def _setup_diary(self) -> None:
        self.diary.setColumnCount(len(DIARY_COLUMNS))
        self.diary.setHorizontalHeaderLabels([self.tr(str(c)) for c in DIARY_COLUMNS])
        self.diary.verticalHeader().setVisible(False)
        header = self.diary.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The note takes the width that is left and is cut with "…" (its tooltip
        # and the edit dialog show it whole): the table never scrolls sideways.
        header.setSectionResizeMode(len(DIARY_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.diary.setTextElideMode(Qt.TextElideMode.ElideRight)

    def _fill_diary(self, r: WeekReview) -> None:
        from crampcoach.qt.cramp_dialog import entry_words

        self.diary.setRowCount(len(r.cramps.log))
        locale = QLocale()
        for n, c in enumerate(r.cramps.log):
            local = c.at.astimezone(self.tz)
            leg, muscle, context = entry_words(c)
            shown = QDateTime(
                QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
            )
            values = (
                locale.toString(shown, "ddd HH:mm"),  # the table shows one week
                leg,
                muscle,
                f"{c.severity}/10",
                "" if c.minutes is None else locale.toString(c.minutes, "g", 6),
                context,
                c.note,
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(plain_tip(value))  # a long note is cut in the cell
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.diary.setItem(n, col, item)
        # An empty diary says what to do instead of showing an empty table.
        self.diary_empty.setVisible(not r.cramps.log)
        self.diary.setVisible(bool(r.cramps.log))
        self._update_diary_buttons()

    def _update_diary_buttons(self) -> None:
        has = self.selected_cramp() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.undo_button.setEnabled(bool(self._deleted))

    def selected_cramp(self) -> CrampEvent | None:
        """The diary entry selected, if any."""
        if self.review is None:
            return None
        rows = self.diary.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.diary.item(rows[0].row(), 0)
        eid = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((c for c in self.review.cramps.log if c.id == eid), None)

    def select_cramp(self, index: int) -> None:
        """Select the diary row ``index``."""
        self.diary.selectRow(index)

    def open_cramp_dialog(self, event: CrampEvent | None = None) -> QWidget:
        """Open the cramp dialog (new entry, or ``event`` to edit); refresh when saved."""
        from crampcoach.qt.cramp_dialog import CrampDialog

        dialog = CrampDialog(
            self.store, self, event=event, clock=self.clock, tz=self.tz, journal=self.journal
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.saved.connect(lambda *_: self.refresh())
        dialog.show()
        self.cramp_dialog = dialog
        return dialog

    def edit_selected(self) -> QWidget | None:
        """Open the selected entry for editing."""
        event = self.selected_cramp()
        return self.open_cramp_dialog(event) if event else None

    def delete_selected(self) -> CrampEvent | None:
        """Delete the selected entry (undo puts it back)."""
        from crampcoach.store import StoreWriteError

        event = self.selected_cramp()
        if event is None:
            return None
        try:
            self.journal.delete(event.id, keep=True)
        except KeyError:
            self._status(self.tr("That entry was already deleted."))
        except StoreWriteError as exc:
            # The store keeps the deletion pending and retries it on the next write.
            self._deleted.append(event)
            self._status(
                self.tr(
                    "Entry deleted, but not yet on disk ({error}); CrampCoach will retry."
                ).format(error=exc)
            )
        else:
            self._deleted.append(event)
            self._status(self.tr("Entry deleted. Undo puts it back."))
        self.refresh()
        return event

    def undo_delete(self) -> CrampEvent | None:
        """Put back the last deleted entry."""
        from crampcoach.store import StoreError

        if not self._deleted:
            return None
        event = self._deleted.pop()
        try:
            self.journal.restore(event, keep=True)
        except (StoreError, ValueError) as exc:
            self._status(
                self.tr("Could not restore the entry yet: {error}. CrampCoach will retry.").format(
                    error=exc
                )
            )
        else:
            self._status(self.tr("Entry restored."))
        self.refresh()
        return event

    # -- export ----------------------------------------------------------------------

    def export_pdf(self, path: Path | None = None) -> Path | None:
        """Save the week as a one-page PDF (asks where when ``path`` is None)."""
        from crampcoach.qt.pdf_export import write_week_pdf

        if self.review is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the week as PDF"),
                str(Path.home() / f"crampcoach-{self.review.week}.pdf"),
                self.tr("PDF (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            write_week_pdf(self.review, path, self.trial_report)
        except OSError as exc:
            self._status(self.tr("Could not write {path}: {error}").format(path=path, error=exc))
            return None
        self._status(self.tr("Saved {path}").format(path=path))
        return path

    def export_events(self, fmt: str, path: Path | None = None) -> Path | None:
        """Save every event in the log as CSV or JSON (asks where when ``path`` is None)."""
        from crampcoach.qt.pdf_export import write_events

        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save all events as {format}").format(format=fmt.upper()),
                str(Path.home() / f"crampcoach-events.{fmt}"),
                self.tr("{format} (*.{ext})").format(format=fmt.upper(), ext=fmt),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            count = write_events(self.store, path, fmt)
        except OSError as exc:
            self._status(self.tr("Could not write {path}: {error}").format(path=path, error=exc))
            return None
        self._status(
            (
                self.tr("Saved 1 event to {path}")
                if count == 1
                else self.tr("Saved %n events to {path}", "", count)
            ).format(path=path)
        )
        return path

    def _status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(True)
