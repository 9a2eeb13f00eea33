"""Open every CrampCoach window with a little history, and measure what a person would see.

Shared by the layout test (run in a child process per simulated screen), the
contrast test and the accessibility test, so all three look at the same
windows: main window, player (as it opens, and on a step), weekly review (and the review of a week with a
personal trial running), settings, the cramp dialog, the welcome, the night
check-in and skip dialogs, and the document reader ("Why this step?").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QLabel,
    QListWidget,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import SessionEvent, WaterEvent, new_id
from crampcoach.core.model import Side

#: A Tuesday evening, local time.
NOW = datetime(2026, 3, 10, 20, 30).astimezone()


@dataclass
class Opened:
    """The app and its windows by name; ``close()`` tears everything down."""

    app: Any
    windows: dict[str, QWidget]

    def close(self) -> None:
        for name, window in self.windows.items():
            if name != "main":
                window.close()
        self.app.quit()
        self.app.store.close()


def opened_review(app: Any, qtbot: Any) -> QWidget:
    """``app.open_review()`` and the window once shown: it reads the week on a worker first."""
    return opened(app, "review", app.open_review, qtbot.waitUntil)


def opened(
    app: Any, key: str, open_: Callable[[], object], wait: Callable[..., object] | None = None
) -> QWidget:
    """``open_()`` and ``app.windows[key]`` once shown (its modules load on a worker first)."""
    open_()
    wait = wait or _wait_until
    wait(lambda: key in app.windows and app.windows[key].isVisible(), timeout=10_000)
    window: QWidget = app.windows[key]
    return window


def _wait_until(done: Callable[[], bool], timeout: int) -> None:
    from PySide6.QtTest import QTest

    for _ in range(timeout // 10):
        if done():
            return
        QTest.qWait(10)  # the event loop runs, and the worker with it
    raise TimeoutError("the window did not open")


def settle(rounds: int = 6) -> None:
    """Let layouts, word-wrapped heights and paints settle."""
    for _ in range(rounds):
        QApplication.processEvents()


def open_every_window(data_dir: Path) -> Opened:
    """Build the app on ``data_dir`` with some history and open every window."""
    from crampcoach.core.review import IsoWeek
    from crampcoach.qt.app import App
    from crampcoach.qt.launch import setup_qapplication
    from crampcoach.qt.review_view import ReviewWindow
    from crampcoach.store import Store
    from tests.gui.player.staging import staged_player
    from tests.unit.review.helpers import history

    setup_qapplication()
    clock = FakeClock(NOW)
    store = Store.open(data_dir, clock=clock)
    store.add_many(history(NOW, weeks=6))
    store.add(
        SessionEvent(
            id=new_id(),
            at=NOW - timedelta(hours=2),
            routine_id="warmup",
            routine_kind="warmup",
            started=NOW - timedelta(hours=2, minutes=5),
            completed=True,
        )
    )
    store.add(WaterEvent(id=new_id(), at=NOW - timedelta(hours=1), ml=250))
    app = App(store, data_dir, clock=clock, background=False)
    windows: dict[str, QWidget] = {"main": app.main_window}
    app.show_main_window()
    settle()
    factories: dict[str, Callable[[], QWidget | None]] = {
        "settings": lambda: opened(app, "settings", app.open_settings),
        "cramp": app.open_cramp_dialog,
        "reader": lambda: _reader(app),
        "player": lambda: staged_player(app.routines["bedtime"], Side.LEFT),
        "ready": lambda: _ready_player(app.routines["bedtime"]),
        "review": lambda: _review(
            ReviewWindow(store, app.live, clock=clock, journal=app.journal), IsoWeek
        ),
        "welcome": app.open_welcome,
        "night": lambda: _night(app.main_window),
        "skip": lambda: _skip(app.main_window),
        "trial": lambda: _trial(store, clock),
    }
    for name, make in factories.items():
        window = make()
        assert window is not None, name
        window.show()
        windows[name] = window
        settle()
    return Opened(app, windows)


def _ready_player(routine: Any) -> QWidget:
    """The player as it first opens: not started, the lead-in's words in view."""
    from tests.fakes import FakeTimers
    from tests.gui.player.staging import make_player

    return make_player(
        routine,
        None,
        {"sounds": False, "voice": False},
        FakeClock(NOW),
        autostart=False,
        keep_awake=False,
        timers=FakeTimers(),
    )


def _reader(app: Any) -> QWidget:
    bedtime = app.routines["bedtime"]
    step = next(s for s in bedtime.steps if s.evidence and s.citations)
    cite = step.citations[0]
    app.show_document(cite.doc, cite.quote, step.evidence)
    return app.reader


def _night(parent: QWidget) -> QWidget:
    from crampcoach.qt.checkin import NightDialog

    return NightDialog(NOW.date() - timedelta(days=1), parent)


def _skip(parent: QWidget) -> QWidget:
    from crampcoach.qt.reminders import SkipDialog

    return SkipDialog(parent)


def _trial(store: Any, clock: FakeClock) -> QWidget:
    """The weekly review of a week in which a personal trial runs."""
    from crampcoach.core import trial
    from crampcoach.core.events import TrialEvent
    from crampcoach.core.journal import Journal
    from crampcoach.core.review import IsoWeek
    from crampcoach.qt.review_view import ReviewWindow

    design = trial.new_design(new_id(), NOW.date() - timedelta(days=20), seed=7)
    store.add(TrialEvent(id=new_id(), at=NOW - timedelta(days=21), **design.start_fields()))
    window = ReviewWindow(store, store.settings, clock=clock, journal=Journal(store, clock))
    window.setObjectName("TrialReview")
    window.show_week(IsoWeek.of(NOW.date()))
    return window


def _review(window: Any, iso_week: Any) -> QWidget:
    window.show_week(iso_week.of(NOW.date()).shift(-1))
    return window


# --------------------------------------------------------------------------- walking


def visible_widgets(root: QWidget) -> Iterator[QWidget]:
    """``root`` and every widget a person can see in it, as laid out by our code.

    Goes into containers (widgets with a layout, scroll areas' content, the
    current page of a stack) but not into Qt's own compound widgets (a table's
    cells, a combo box's parts), whose insides Qt lays out itself.
    """
    yield root
    if isinstance(root, QScrollArea):
        inner = root.widget()
        if inner is not None and inner.isVisible():
            yield from visible_widgets(inner)
        return
    if isinstance(root, QStackedWidget):
        page = root.currentWidget()
        if page is not None:
            yield from visible_widgets(page)
        return
    if isinstance(root, QListWidget):  # the routine cards and document rows
        for row in range(root.count()):
            item_widget = root.itemWidget(root.item(row))
            if item_widget is not None and item_widget.isVisible():
                yield from visible_widgets(item_widget)
        return
    if root.layout() is None:
        return
    for kid in root.findChildren(QWidget, options=_direct()):
        if kid.isVisible() and not kid.isWindow():
            yield from visible_widgets(kid)


def _direct() -> Any:
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def _inside_scroll_content(widget: QWidget, window: QWidget) -> bool:
    """Whether ``widget`` is (in) a scroll area's content, which may be larger than its view."""
    node: QWidget | None = widget
    while node is not None and node is not window:
        viewport = node.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if isinstance(area, QAbstractScrollArea) and area.viewport() is viewport:
            return True
        node = node.parentWidget()
    return False


def _shown_text(label: QLabel) -> str:
    """The label's text as drawn: a mnemonic's ``&`` is not drawn (``&&`` draws one)."""
    text = label.text()
    if label.buddy() is None:
        return text
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def text_cut(widget: QWidget) -> str | None:
    """Why ``widget``'s text does not fit it, measured with its font; None when it fits."""
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return None
        room = widget.contentsRect()
        margin = 2 * widget.margin()
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                return f"needs {need} px of height, has {widget.height()}"
            return None
        if _rich(widget):
            doc = QTextDocument()
            doc.setDefaultFont(widget.font())
            doc.setHtml(text)
            doc.setDocumentMargin(0)
            need_w = int(doc.idealWidth())
        else:
            metrics = QFontMetrics(widget.font())
            lines = _shown_text(widget).split("\n")
            need_w = max(metrics.horizontalAdvance(line) for line in lines)
        if need_w > room.width() - margin + 1:
            return f"text needs {need_w} px, has {room.width() - margin}"
        return None
    if isinstance(widget, QAbstractButton) and widget.text():
        metrics = QFontMetrics(widget.font())
        need = metrics.horizontalAdvance(widget.text().replace("&", ""))
        if isinstance(widget, (QCheckBox, QRadioButton)):
            need += 16  # the indicator
        if need > widget.width():
            return f"text needs {need} px, has {widget.width()}"
        if widget.minimumSizeHint().width() > widget.width() + 1:
            return f"needs {widget.minimumSizeHint().width()} px, has {widget.width()}"
    return None


def _rich(label: QLabel) -> bool:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import Qt as GuiQt

    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText:
        return True
    return fmt == Qt.TextFormat.AutoText and bool(GuiQt.mightBeRichText(label.text()))


def layout_problems(window: QWidget) -> list[str]:
    """Everything in ``window`` that is off its screen, cut, or overlapping its neighbours."""
    from crampcoach.qt.screens import available

    problems: list[str] = []
    name = window.objectName() or type(window).__name__
    screen = available(window)
    frame = window.frameGeometry()
    if not screen.contains(frame):
        problems.append(
            f"{name}: window {frame.getRect()} is outside the screen {screen.getRect()}"
        )
    for area in window.findChildren(QScrollArea):
        if area.window() is not window:
            continue
        bar = area.horizontalScrollBar()
        if area.isVisible() and bar.isVisible() and bar.maximum() > 0:
            problems.append(
                f"{name}/{area.objectName()}: scrolls sideways by {bar.maximum()} px "
                "instead of reflowing"
            )
    for widget in visible_widgets(window):
        if widget is not window:
            what = f"{name}/{widget.objectName() or type(widget).__name__}"
            problems.extend(f"{what}{p}" for p in _widget_problems(widget, window, screen))
    return problems


def _enclosing_viewport(widget: QWidget, window: QWidget) -> QWidget | None:
    """The viewport of the innermost scroll area ``widget`` is shown in, if any."""
    node: QWidget | None = widget
    while node is not None and node is not window:
        viewport = node.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if isinstance(area, QAbstractScrollArea) and area.viewport() is viewport:
            return viewport
        node = node.parentWidget()
    return None


def _scroll_problems(widget: QWidget, window: QWidget) -> list[str]:
    """Content that scrolls sideways, is clipped at a viewport's side, or scrolls inside a scroll.

    Scrolling down a long page is fine; having to scroll sideways to read a
    line, or a list that scrolls inside a page that scrolls too, is not.
    """
    problems: list[str] = []
    if isinstance(widget, QAbstractScrollArea) and widget.isVisible():
        if widget.horizontalScrollBar().isVisible():
            problems.append(": scrolls sideways (its content is wider than the window)")
        outer = _enclosing_viewport(widget, window)
        outer_area = outer.parentWidget() if outer is not None else None
        if (
            isinstance(outer_area, QAbstractScrollArea)
            and outer_area.verticalScrollBar().isVisible()
            and widget.verticalScrollBar().isVisible()
        ):
            problems.append(": scrolls inside a page that scrolls too")
    viewport = _enclosing_viewport(widget, window)
    if viewport is not None:
        rect = _global_rect(widget)
        view = _global_rect(viewport)
        if rect.left() < view.left() - 1 or rect.right() > view.right() + 1:
            problems.append(f": {rect.getRect()} is cut at the side of its view {view.getRect()}")
        area = viewport.parentWidget()
        assert isinstance(area, QAbstractScrollArea)
        bar = area.verticalScrollBar()
        unscrolled = not bar.isVisible() and bar.value() == 0
        if unscrolled and (rect.top() < view.top() - 1 or rect.bottom() > view.bottom() + 1):
            problems.append(
                f": {rect.getRect()} is cut off in its view {view.getRect()}, which cannot scroll"
            )
    return problems


def scroll_problems(window: QWidget) -> list[str]:
    """Everything in ``window`` that scrolls sideways, is cut at a view's side, or scrolls twice."""
    name = window.objectName() or type(window).__name__
    return [
        f"{name}/{widget.objectName() or type(widget).__name__}{problem}"
        for widget in visible_widgets(window)
        if widget is not window
        for problem in _scroll_problems(widget, window)
    ]


def page_overflow(window: QWidget) -> int:
    """How many pixels of ``window``'s page lie below its view (0: it reads without scrolling).

    The page is what :func:`crampcoach.qt.screens.scrolling` wraps, the
    outermost scroll area; lists and tables that scroll inside it do not count.
    """
    areas = [
        area
        for area in window.findChildren(QAbstractScrollArea)
        if area.objectName().endswith("Scroll") and area.isVisible() and area.window() is window
    ]
    return max((area.verticalScrollBar().maximum() for area in areas), default=0)


def _each_shown(
    window: QWidget, names: tuple[str, ...], problems: list[str]
) -> Iterator[tuple[str, QWidget]]:
    """Each widget among ``names`` that is shown, with its label for a problem line.

    Those missing or hidden go into ``problems`` as "not shown".
    """
    name = window.objectName() or type(window).__name__
    for wanted in names:
        widget = window.findChild(QWidget, wanted)
        if widget is None or not widget.isVisible():
            problems.append(f"{name}/{wanted}: not shown")
        else:
            yield f"{name}/{wanted}", widget


def unpinned(window: QWidget, names: tuple[str, ...]) -> list[str]:
    """The controls among ``names`` a person cannot see at once: off the window or in a scroll.

    A control in a scroll area's content goes out of sight when the page is
    longer than the window (a 200 % screen), so it must sit outside it.
    """
    problems: list[str] = []
    inside = _global_rect(window)
    for label, widget in _each_shown(window, names, problems):
        if _inside_scroll_content(widget, window):
            problems.append(f"{label}: scrolls with the page instead of staying in view")
        elif not inside.contains(_global_rect(widget)):
            problems.append(f"{label}: {_global_rect(widget).getRect()} is off the window")
    return problems


def out_of_sight(window: QWidget, names: tuple[str, ...]) -> list[str]:
    """The widgets among ``names`` not wholly in view as the window opens (page not scrolled).

    A long page may scroll, but what a person follows from across the room
    (the countdown) must be in the part shown first, not below the fold.
    """
    problems: list[str] = []
    for label, widget in _each_shown(window, names, problems):
        view = _global_rect(window)
        node = widget.parentWidget()
        while node is not None and node is not window:  # clipped by every scroll view above it
            if isinstance(node, QAbstractScrollArea):
                view = view.intersected(_global_rect(node.viewport()))
            node = node.parentWidget()
        if not view.contains(_global_rect(widget)):
            problems.append(
                f"{label}: {_global_rect(widget).getRect()} is not in view "
                f"{view.getRect()} when the window opens"
            )
    return problems


def _widget_problems(widget: QWidget, window: QWidget, screen: QRect) -> list[str]:
    problems: list[str] = []
    rect = _global_rect(widget)
    if not _inside_scroll_content(widget, window) and not screen.contains(rect):
        problems.append(f": {rect.getRect()} is outside the screen")
    parent = widget.parentWidget()
    laid_out = parent is not None and parent.layout() is not None
    if (
        laid_out
        and not isinstance(parent.parentWidget(), QScrollArea)
        and not parent.rect().contains(widget.geometry())
    ):
        problems.append(f": {widget.geometry().getRect()} sticks out of its parent")
    cut = text_cut(widget)
    if cut:
        problems.append(f" ({_short(widget)}): {cut}")
    if laid_out:
        problems.extend(f" overlaps {other}" for other in _overlapping(widget))
    return problems


def _overlapping(widget: QWidget) -> list[str]:
    """Earlier laid-out siblings that ``widget`` overlaps."""
    parent = widget.parentWidget()
    assert parent is not None
    return [
        sibling.objectName() or type(sibling).__name__
        for sibling in parent.findChildren(QWidget, options=_direct())
        if sibling is not widget
        and sibling.isVisible()
        and not sibling.isWindow()
        and id(sibling) < id(widget)
        and sibling.geometry().intersects(widget.geometry())
    ]


def _short(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
    text = " ".join(text.split())
    return text[:40] + ("…" if len(text) > 40 else "")
