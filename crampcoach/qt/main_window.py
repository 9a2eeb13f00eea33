"""The main window: a thin view over data the app hands it.

It shows the routine library, the document library, today's summary and any
notices, and turns clicks and keys into signals; it computes nothing and
writes nothing (the composition root in :mod:`crampcoach.qt.app` does).
The form lives in ``ui/main_window.ui``; only the repeated routine cards are
built here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from crampcoach.core.day import Today  # what the window shows of today
from crampcoach.core.model import Document, DocumentInfo, Routine
from crampcoach.qt.checkin import CheckinRow
from crampcoach.qt.forms import child, describe, load_ui, plain_tip
from crampcoach.qt.i18n import format_duration
from crampcoach.qt.screens import fit_window, remember, scrolling

#: Below this window width the routines and the side column stack (at 200 % on a
#: 1920×1080 screen the window is 960 px wide).
TWO_COLUMNS_FROM = 1100
STACKED_LIST_HEIGHT = 420
ROUTINE_ID = Qt.ItemDataRole.UserRole
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget's size
DOC_ID = Qt.ItemDataRole.UserRole
MAX_NOTICE_LINES = 6
#: One spelling for each kind of routine ("warm-up", as the routines write it).
KIND_WORDS = {
    "warmup": QT_TRANSLATE_NOOP("RoutineCard", "Warm-up"),
    "stretch": QT_TRANSLATE_NOOP("RoutineCard", "Stretch"),
    "bedtime": QT_TRANSLATE_NOOP("RoutineCard", "Bedtime"),
    "relief": QT_TRANSLATE_NOOP("RoutineCard", "Relief"),
    "cooldown": QT_TRANSLATE_NOOP("RoutineCard", "Cool-down"),
}


def ask_past_day(parent: QWidget) -> tuple[str, date] | None:
    """Ask which past day was a rest or sick day; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "A day off"))
    layout = QFormLayout(dialog)
    when = QDateEdit(QDate.currentDate().addDays(-1))
    when.setCalendarPopup(True)
    when.setMaximumDate(QDate.currentDate())
    when.setDisplayFormat("ddd d MMM yyyy")
    when.setAccessibleDescription(
        QCoreApplication.translate(
            "MainWindow", "The day to mark; nothing that day counts as missed"
        )
    )
    kind = QComboBox()
    kind.addItem(QCoreApplication.translate("MainWindow", "A rest day"), userData="rest")
    kind.addItem(QCoreApplication.translate("MainWindow", "A sick day"), userData="sick")
    kind.setAccessibleDescription(
        QCoreApplication.translate("MainWindow", "Why the plan was not followed that day")
    )
    layout.addRow(QCoreApplication.translate("MainWindow", "&Day"), when)
    layout.addRow(QCoreApplication.translate("MainWindow", "&It was"), kind)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return str(kind.currentData()), date.fromisoformat(when.date().toString(Qt.DateFormat.ISODate))


class RoutineCard(QFrame):
    """One routine in the library: title, facts, description and a Start button."""

    start_clicked = Signal(str)
    print_clicked = Signal(str)

    def __init__(
        self, routine: Routine, days_ago: int | None, parent: QWidget | None = None
    ) -> None:
        """``days_ago``: log days since it was last done (0 today), None if never."""
        super().__init__(parent)
        self.setObjectName("routineCard")
        self.routine_id = routine.id
        # Text across the whole card (a narrow column of it wrapped every few
        # words): title and facts beside Start, then the description, then the
        # pictures beside "Print sheet…".
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(14)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = QLabel(routine.title)
        self.title.setObjectName("routineTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        steps = len(routine.steps)
        kind = routine.kind.value
        facts = (
            self.tr("{kind} · {duration} · {steps} · {last_done}")
            if routine.builtin
            else self.tr("{kind} · {duration} · {steps} · {last_done} · your routine")
        ).format(
            kind=self.tr(str(KIND_WORDS[kind])) if kind in KIND_WORDS else kind.capitalize(),
            duration=format_duration(routine.duration_s),
            steps=self.tr("1 step") if steps == 1 else self.tr("%n steps", "", steps),
            last_done=self._last_done(days_ago),
        )
        self.facts = QLabel(facts)
        self.facts.setObjectName("routineFacts")
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        self.description = QLabel(routine.description)
        self.description.setObjectName("routineDescription")
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        text.addWidget(self.title)
        text.addWidget(self.facts)
        top.addLayout(text, 1)
        from crampcoach.qt.pose_view import PoseStrip

        self.strip = PoseStrip(routine.steps)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("startButton")
        self.start_button.setToolTip(
            plain_tip(self.tr("Start “{title}” (Enter)").format(title=routine.title))
        )
        self.start_button.setAccessibleName(self.tr("Start {title}").format(title=routine.title))
        self.start_button.setAccessibleDescription(
            (
                self.tr("{duration}, 1 step")
                if steps == 1
                else self.tr("{duration}, %n steps", "", steps)
            ).format(duration=format_duration(routine.duration_s))
        )
        self.start_button.clicked.connect(lambda: self.start_clicked.emit(self.routine_id))
        self.print_button = QPushButton(self.tr("Print sheet…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(
            plain_tip(
                self.tr("Save “{title}” as an A4 sheet with a picture of every step (PDF)").format(
                    title=routine.title
                )
            )
        )
        self.print_button.setAccessibleName(
            self.tr("Print a sheet of {title}").format(title=routine.title)
        )
        self.print_button.clicked.connect(lambda: self.print_clicked.emit(self.routine_id))
        top.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.description)
        bottom = QHBoxLayout()
        bottom.setSpacing(14)
        bottom.addWidget(self.strip, 1)
        bottom.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bottom)

    def _last_done(self, days: int | None) -> str:
        """When the routine was last done, as one phrase per case (word order is the language's)."""
        if days is None:
            return self.tr("never done")
        if days == 0:
            return self.tr("last done today")
        if days == 1:
            return self.tr("last done yesterday")
        return self.tr("last done %n days ago", "", days)


class DocumentRow(QFrame):
    """One document in the library: its title, and our note on how far to trust it."""

    def __init__(self, doc: Document | DocumentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentRow")
        self.doc_id = doc.id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        self.title = QLabel(doc.title)
        self.title.setObjectName("documentTitle")
        self.quality = QLabel(doc.quality)
        self.quality.setObjectName("documentQuality")
        for label in (self.title, self.quality):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            layout.addWidget(label)


def _mark_selected(lst: QListWidget, current: QListWidgetItem | None) -> None:
    """Show which row is selected on the row widget itself (it covers the item)."""
    for row in range(lst.count()):
        item = lst.item(row)
        widget = lst.itemWidget(item)
        if widget is None:
            continue
        selected = item is current
        if widget.property("selected") != selected:
            widget.setProperty("selected", selected)
            # Re-polish only what is already styled: the first polish (at show)
            # reads the property anyway, and polishing early costs start-up time.
            if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                widget.style().unpolish(widget)
                widget.style().polish(widget)


class _WidthTracker(QObject):
    """Call ``refit`` whenever ``watched`` is resized (a list's viewport: word-wrapped rows)."""

    def __init__(self, watched: QWidget, refit: Callable[[], None]) -> None:
        super().__init__(watched)
        self._refit = refit
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._refit()
        return False


class MainWindow(QMainWindow):
    """The library, today's summary, and the buttons for everything else."""

    start_requested = Signal(str)
    print_requested = Signal(str)  # a routine id: save its printable sheet
    document_requested = Signal(str)
    log_water_requested = Signal()
    log_cramp_requested = Signal()
    review_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()
    about_requested = Signal()
    shown = Signal()  # the first paint happened: the window is on screen
    cramp_now_requested = Signal()
    day_off_requested = Signal(str, object)  # "rest" or "sick", a date or None for today
    pause_requested = Signal(object)  # "hour", "tomorrow", or None to resume
    hidden_to_tray = Signal()  # closed while a tray can bring it back: the app may release it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("CrampCoach"))
        self.form = load_ui("main_window.ui")
        # On a small screen (or at 200 %) the whole content scrolls; nothing overlaps.
        self.page = scrolling(self.form, self)
        self.setCentralWidget(self.page)
        self.routine_list = child(self.form, QListWidget, "routineList")
        self.document_list = child(self.form, QListWidget, "documentList")
        self.notice_label = child(self.form, QLabel, "noticeLabel")
        self.sessions_label = child(self.form, QLabel, "sessionsTodayLabel")
        self.water_label = child(self.form, QLabel, "waterTodayLabel")
        self.water_bar = child(self.form, QProgressBar, "waterBar")
        self.disclaimer_label = child(self.form, QLabel, "disclaimerLabel")
        self.checkin = CheckinRow(self)
        bar_parent = self.water_bar.parentWidget()
        bar_layout = bar_parent.layout() if bar_parent is not None else None
        if isinstance(bar_layout, QBoxLayout):
            bar_layout.insertWidget(bar_layout.indexOf(self.water_bar) + 1, self.checkin)
        elif bar_layout is not None:
            bar_layout.addWidget(self.checkin)
        # For someone in pain right now: one click, first in the window and in Tab order.
        self.cramp_now_button = QPushButton(self.tr("Cramping now"))
        self.cramp_now_button.setObjectName("crampNowButton")
        self.cramp_now_button.setToolTip(self.tr("Start the routine that eases a cramp (Ctrl+N)"))
        self.cramp_now_button.setAccessibleDescription(
            self.tr("Starts the cramp relief routine at once")
        )
        self.cramp_now_button.setShortcut(QKeySequence("Ctrl+N"))
        self.cramp_now_button.clicked.connect(self.cramp_now_requested.emit)
        header = self.form.findChild(QHBoxLayout, "headerLayout")
        assert header is not None, "ui/main_window.ui has no headerLayout"
        header.insertWidget(1, self.cramp_now_button)
        buttons = {
            "logWaterButton": self.log_water_requested,
            "logCrampButton": self.log_cramp_requested,
            "reviewButton": self.review_requested,
            "settingsButton": self.settings_requested,
        }
        for name, signal in buttons.items():
            child(self.form, QPushButton, name).clicked.connect(signal.emit)
        describe(
            self.form,
            {
                "logWaterButton": self.tr("Add one glass to today's water (Ctrl+G)"),
                "logCrampButton": self.tr("Note a cramp in your diary (Ctrl+K)"),
                "reviewButton": self.tr(
                    "Your week: what was done, cramps, and when to see a doctor (Ctrl+R)"
                ),
                "settingsButton": self.tr("Bedtime, reminders, water, sounds and colours (Ctrl+,)"),
                "routineList": self.tr("Up and Down choose a routine; Enter starts it"),
                "documentList": self.tr("The sources behind every step; Enter opens one"),
            },
        )
        self.routine_list.itemActivated.connect(
            lambda item: self.start_requested.emit(item.data(ROUTINE_ID))
        )
        self.document_list.itemActivated.connect(
            lambda item: self.document_requested.emit(item.data(DOC_ID))
        )
        self._cards: list[tuple[QListWidgetItem, RoutineCard]] = []
        self._doc_rows: list[tuple[QListWidgetItem, DocumentRow]] = []
        # One scroll at a time: while the page itself has to scroll (a short screen, 200 %),
        # the lists show every row and only the page scrolls; the check waits for layouts.
        self._lists_open = False
        self._compact = QSize()  # the page's width, and the height it needed, when lists scrolled
        self._page_check = QTimer(self)
        self._page_check.setSingleShot(True)
        self._page_check.setInterval(0)
        self._page_check.timeout.connect(self._fit_lists)
        _WidthTracker(self.routine_list.viewport(), self._refit_cards)
        _WidthTracker(self.document_list.viewport(), self._refit_cards)
        for lst in (self.routine_list, self.document_list):
            lst.currentItemChanged.connect(
                lambda current, _previous, lst=lst: self._current_changed(lst, current)
            )
        # Below each column: takes the slack while the lists are open, so the shorter
        # column keeps its rows together at the top instead of spreading them out.
        self._column_ends: list[tuple[QVBoxLayout, QSpacerItem]] = []
        for name in ("routinesColumn", "sideColumn"):
            column = self.form.findChild(QVBoxLayout, name)
            assert column is not None, f"ui/main_window.ui has no {name}"
            end = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            column.addItem(end)
            self._column_ends.append((column, end))
        _WidthTracker(self.page.viewport(), self._page_check.start)
        _WidthTracker(self.form, self._page_check.start)
        self._build_menu()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip(self.tr("Take back what was just logged (Ctrl+Z)"))
        self.undo_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._undo)
        self.statusBar().addPermanentWidget(self.undo_button)
        self._undo_action: Callable[[], None] | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._forget_undo)
        self.hide_on_close = False  # the tray sets this when it can bring the window back
        self._painted = False
        body = self.form.findChild(QBoxLayout, "bodyLayout")
        assert body is not None, "ui/main_window.ui has no bodyLayout"
        self.body: QBoxLayout = body
        fit_window(self, "main", QSize(1180, 740))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side on a wide window; one column (scrolling down) on a narrow one."""
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        wide = self.width() >= TWO_COLUMNS_FROM
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.body.direction() == direction:
            return
        self.body.setDirection(direction)
        # Stacked, the lists no longer share the window's height: each keeps
        # room for a couple of entries and the whole window scrolls.
        self.routine_list.setMinimumHeight(0 if wide else STACKED_LIST_HEIGHT)
        self.document_list.setMinimumHeight(0 if wide else STACKED_LIST_HEIGHT * 2 // 3)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&CrampCoach"))
        entries: list[tuple[str, QKeySequence | str, SignalInstance]] = [
            (self.tr("Log a &glass of water"), "Ctrl+G", self.log_water_requested),
            (self.tr("Log a &cramp…"), "Ctrl+K", self.log_cramp_requested),
            (self.tr("Weekly &review"), "Ctrl+R", self.review_requested),
            (self.tr("&Settings…"), "Ctrl+,", self.settings_requested),
            (self.tr("&Quit"), "Ctrl+Q", self.quit_requested),
        ]
        for n, (text, keys, signal) in enumerate(entries):
            if n == len(entries) - 1:
                menu.addSeparator()
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            if signal is self.quit_requested:
                # Ctrl+Q everywhere, plus the platform's own Quit key where it differs
                # (two actions on one key would make the shortcut ambiguous: neither fires).
                std = [
                    k
                    for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
                    if k != QKeySequence(keys)
                ]
                action.setShortcuts([QKeySequence(keys), *std])
            action.triggered.connect(signal.emit)
            menu.addAction(action)
        day = self.menuBar().addMenu(self.tr("&Day"))
        for text, reason in (
            (self.tr("Today is a &rest day"), "rest"),
            (self.tr("Today is a &sick day"), "sick"),
        ):
            action = day.addAction(text)
            action.triggered.connect(
                lambda _c=False, r=reason: self.day_off_requested.emit(r, None)
            )
        past = day.addAction(self.tr("A &past day was a rest or sick day…"))
        past.triggered.connect(self._ask_past_day)
        day.addSeparator()
        for text, how in (
            (self.tr("Pause reminders for 1 &hour"), "hour"),
            (self.tr("Pause reminders until &tomorrow"), "tomorrow"),
            (self.tr("Res&ume reminders"), None),
        ):
            action = day.addAction(text)
            action.triggered.connect(lambda _c=False, h=how: self.pause_requested.emit(h))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About CrampCoach"), self)
        about.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        about.triggered.connect(self.about_requested.emit)
        help_menu.addAction(about)

    def _ask_past_day(self) -> None:
        answer = ask_past_day(self)
        if answer is not None:
            self.day_off_requested.emit(*answer)

    # -- data in ------------------------------------------------------------

    def set_routines(self, routines: Sequence[Routine], last_done: Mapping[str, int]) -> None:
        """Show the routine library; ``last_done``: log days since each was done (none: never)."""
        current = self.selected_routine()
        self.routine_list.clear()
        self._cards.clear()
        for routine in routines:
            item = QListWidgetItem(self.routine_list)
            item.setData(ROUTINE_ID, routine.id)
            item.setText("")  # the card draws the text
            item.setToolTip(plain_tip(routine.description))
            card = RoutineCard(routine, last_done.get(routine.id))
            # What a screen reader says for the item: the card is not in its tree.
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("{title}. {facts}").format(title=routine.title, facts=card.facts.text()),
            )
            item.setData(
                Qt.ItemDataRole.AccessibleDescriptionRole,
                self.tr("{description} Press Enter to start it.").format(
                    description=routine.description
                ),
            )
            card.start_clicked.connect(self.start_requested.emit)
            card.print_clicked.connect(self.print_requested.emit)
            self.routine_list.setItemWidget(item, card)
            self._cards.append((item, card))
            if routine.id == current:
                self.routine_list.setCurrentItem(item)
        if self.routine_list.currentItem() is None and self.routine_list.count():
            self.routine_list.setCurrentRow(0)
        if not routines:
            item = QListWidgetItem(
                self.tr(
                    "No routines could be loaded. The notice above says which file is wrong; "
                    "check them with: crampcoach routines check"
                ),
                self.routine_list,
            )
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._refit_cards()
        _mark_selected(self.routine_list, self.routine_list.currentItem())

    def prepare_pictures(self) -> None:
        """Draw the cards' step pictures now, ahead of the first paint (see ``PoseStrip``)."""
        for _item, card in self._cards:
            card.strip.prepare()

    def set_documents(self, docs: Sequence[Document | DocumentInfo]) -> None:
        """Show the document library: title and our quality note."""
        self.document_list.clear()
        self._doc_rows.clear()
        for doc in docs:
            item = QListWidgetItem(self.document_list)
            item.setData(DOC_ID, doc.id)
            item.setToolTip(plain_tip(f"{doc.title}: {doc.quality}"))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, doc.title)
            item.setData(
                Qt.ItemDataRole.AccessibleDescriptionRole,
                self.tr("{quality} Press Enter to open it.").format(quality=doc.quality),
            )
            row = DocumentRow(doc)
            self.document_list.setItemWidget(item, row)
            self._doc_rows.append((item, row))
        self._refit_cards()

    def set_today(self, today: Today) -> None:
        """Show today's sessions and water."""
        done = today.sessions_done
        text = self.tr("Sessions done today: {done}").format(done=done)
        if today.sessions_partial:
            text += self.tr(" (and {partial} stopped early)").format(partial=today.sessions_partial)
        self.sessions_label.setText(text)
        if today.water_goal_ml > 0:
            self.water_label.setText(
                self.tr("Water logged: {ml} ml of your {goal} ml goal").format(
                    ml=today.water_ml, goal=today.water_goal_ml
                )
            )
            self.water_bar.setVisible(True)
            self.water_bar.setRange(0, today.water_goal_ml)
            self.water_bar.setValue(min(today.water_ml, today.water_goal_ml))
        else:
            self.water_label.setText(self.tr("Water logged: {ml} ml").format(ml=today.water_ml))
            self.water_bar.setVisible(False)

    def set_notices(self, lines: Sequence[str]) -> None:
        """Show problems (bad routine files, a recovered database) without blocking anything."""
        if not lines:
            self.notice_label.hide()
            self.notice_label.clear()
            return
        shown = list(lines[:MAX_NOTICE_LINES])
        if len(lines) > MAX_NOTICE_LINES:
            more = len(lines) - MAX_NOTICE_LINES
            shown.append(
                self.tr("… and 1 more.") if more == 1 else self.tr("… and %n more.", "", more)
            )
        self.notice_label.setText("\n".join(shown))
        self.notice_label.setToolTip(plain_tip("\n".join(lines)))
        self.notice_label.show()

    def show_undoable(self, message: str, undo: Callable[[], None], ms: int = 10_000) -> None:
        """Say what was just done, with an Undo button for ``ms`` milliseconds."""
        self.statusBar().showMessage(message, ms)
        self._undo_action = undo
        self.undo_button.show()
        self._undo_timer.start(ms)

    def _undo(self) -> None:
        action = self._undo_action
        self._forget_undo()
        if action is not None:
            action()

    def _forget_undo(self) -> None:
        self._undo_timer.stop()
        self._undo_action = None
        self.undo_button.hide()

    # -- queries --------------------------------------------------------------

    def selected_routine(self) -> str | None:
        """The id of the selected routine, if any."""
        item = self.routine_list.currentItem()
        return None if item is None else str(item.data(ROUTINE_ID))

    def card(self, routine_id: str) -> RoutineCard:
        """The card showing ``routine_id`` (KeyError when it is not listed)."""
        for _, card in self._cards:
            if card.routine_id == routine_id:
                return card
        raise KeyError(routine_id)

    def routine_ids(self) -> list[str]:
        """The routine ids in the order shown."""
        return [card.routine_id for _, card in self._cards]

    # -- Qt overrides --------------------------------------------------------------

    def document_rows(self) -> list[DocumentRow]:
        """The document rows in the order shown."""
        return [row for _, row in self._doc_rows]

    def _refit_cards(self) -> None:
        rows: list[tuple[QListWidget, list[tuple[QListWidgetItem, Any]]]] = [
            (self.routine_list, list(self._cards)),
            (self.document_list, list(self._doc_rows)),
        ]
        for lst, pairs in rows:
            width = lst.viewport().width() - 2 * lst.spacing()
            for item, widget in pairs:
                height = widget.heightForWidth(width)
                if height <= 0:
                    height = widget.sizeHint().height()
                item.setSizeHint(QSize(width, height))
        if self._lists_open:
            self._open_lists(True)  # the rows' heights follow the width
        self._page_check.start()

    def _current_changed(self, lst: QListWidget, current: QListWidgetItem | None) -> None:
        _mark_selected(lst, current)
        widget = lst.itemWidget(current) if current is not None else None
        if self._lists_open and widget is not None:
            self.page.ensureWidgetVisible(widget, 0, 0)  # the page scrolls for the list

    def _fit_lists(self) -> None:
        """Let the lists scroll when the page fits the window, else open them out in the page."""
        view = self.page.viewport().size()
        if not self._lists_open:
            overflow = self.page.verticalScrollBar().maximum()
            if overflow > 0:
                self._compact = QSize(view.width(), view.height() + overflow)
                self._open_lists(True)
        elif view.height() >= self._compact.height() or view.width() > self._compact.width():
            # Tall enough now, or wider (less wrapping): try scrolling lists again; if the
            # page still overflows, the next check opens them out again.
            self._open_lists(False)

    def _open_lists(self, open_out: bool) -> None:
        self._lists_open = open_out
        slack = QSizePolicy.Policy.Expanding if open_out else QSizePolicy.Policy.Fixed
        for column, end in self._column_ends:
            if end.sizePolicy().verticalPolicy() != slack:
                end.changeSize(0, 0, QSizePolicy.Policy.Minimum, slack)
                column.invalidate()
        for lst in (self.routine_list, self.document_list):
            if not open_out:
                lst.setMinimumHeight(0)
                lst.setMaximumHeight(QWIDGETSIZE_MAX)
                lst.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
                continue
            lst.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            # QListView keeps its spacing above and below every row.
            rows = sum(
                lst.item(n).sizeHint().height() + 2 * lst.spacing() for n in range(lst.count())
            )
            chrome = lst.height() - lst.viewport().height()
            lst.setFixedHeight(rows + chrome)

    def paintEvent(self, event: object) -> None:
        """Report the first paint once: that is when the window is really on screen."""
        super().paintEvent(event)  # type: ignore[arg-type]
        if not self._painted:
            self._painted = True
            self.shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Hide to the tray when one can bring the window back; otherwise quit the app."""
        remember(self)
        if self.hide_on_close:
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        event.accept()
        self.quit_requested.emit()
