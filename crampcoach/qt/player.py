"""The step-by-step player: a thin Qt view over :class:`crampcoach.core.session.Session`.

Timing: the engine owns time.  One single-shot ``Qt.PreciseTimer`` is armed
for ``session.next_deadline()`` (the next boundary or cue) and calls
``tick()``; a 10 Hz repaint timer, running only while the session runs, asks
the engine for the remaining time.  Nothing here counts seconds, so a busy or
blocked event loop delays a repaint but never shifts the schedule.

The window is given what it shows and where its output goes, and makes none
of it: the :class:`~crampcoach.core.session.Session` (the engine, on the
app's clock), a :class:`~crampcoach.qt.cue_sink.CueSink` (sounds and speech,
built from the settings by the composition root), the health profile (for
step cautions) and a :class:`~crampcoach.core.session_log.SessionRecorder`
(the write, through the app's journal), or None when no log is open.

Sound cues do not wait for this thread: the user follows by ear, eyes on
their legs, so the sound *is* the step boundary.  After every change the
player hands the sink the engine's plan of the sounds to come
(``Session.planned_cues``); with a real clock the sink's worker plays them on
time, and the screen catches up when the GUI thread is free.

Outcome: when the session finishes or is stopped (Esc, the Stop button,
closing the window, or the app quitting through ``stop()``), the recorder
writes it once, as a SessionEvent, and a short summary is shown.  Nothing is
written mid-session, so a crash loses at most the session in progress.

Keeping the screen awake: while a session runs the desktop is asked not to
blank the screen (``crampcoach.qt.screensaver``), and released when it ends.
"""

from __future__ import annotations

import functools
import html
import math
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QCloseEvent,
    QGuiApplication,
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crampcoach.core import documents, profile
from crampcoach.core.clock import Clock
from crampcoach.core.events import SessionEvent
from crampcoach.core.model import Citation, PlannedStep, Side
from crampcoach.core.session import (
    Countdown,
    CueKey,
    CueKind,
    Finished,
    GetReady,
    HalfWay,
    Outcome,
    RepStarted,
    RestStarted,
    SegmentKind,
    Session,
    State,
    StepStarted,
    Stopped,
    SwitchSides,
)
from crampcoach.core.session_log import SessionRecorder
from crampcoach.qt import steady, theme
from crampcoach.qt.cue_clock import SoundCue
from crampcoach.qt.cue_sink import STALE_CUE_S, CueSink
from crampcoach.qt.forms import child, load_ui, plain_tip, plain_title
from crampcoach.qt.i18n import format_duration
from crampcoach.qt.pose_view import PoseView, step_picture
from crampcoach.qt.quiet import let_qt_sleep
from crampcoach.qt.screens import fit_window, remember, scrolling
from crampcoach.qt.screensaver import ScreenSaverInhibitor
from crampcoach.qt.timers import TimerFactory, qt_timer

#: Seconds to get into position between pressing Start and the first step.
LEAD_IN_S = 5.0
#: The countdown is redrawn when its shown second changes, this long after the
#: change (so the rounding has crossed over), never on a fixed beat.
REPAINT_MARGIN_MS = 1
ANNOUNCED_KEPT = 20
STOP_QUESTION = QT_TRANSLATE_NOOP(
    "PlayerWindow", "Stop here? Press Esc or Stop again to end and record it, or Space to go on."
)
QUOTE_EXCERPT_CHARS = 60  # of a cited passage, beside its "Why this step?" link
#: How far ahead the cue clock is told the plan.  The player re-plans at every
#: cue and boundary, so this only has to outlast a GUI thread stuck that long.
CUE_PLAN_HORIZON_S = 60.0

#: The sound each kind of cue plays (kinds not listed are spoken only).  A step
#: that starts with a switch of sides plays "switch" only (see ``_on_event``).
CUE_SOUNDS = {
    CueKind.STEP: "next",
    CueKind.REP: "next",
    CueKind.REST: "next",
    CueKind.SWITCH_SIDES: "switch",
    CueKind.COUNTDOWN: "tick",
    CueKind.FINISHED: "done",
}

#: The share of the window's width the step's picture keeps beside the countdown.
PICTURE_SHARE = 0.32
#: The smallest the window may be made: the widest button, the controls stacked, a
#: little of the page (which scrolls).
MINIMUM_SIZE = QSize(320, 400)
#: The big type that scales with the window (see ``_scale_type``): attribute, and its
#: size at the 1180×760 design size in % of the user's font.  The only place these
#: sizes are given: ``ui/player.qss`` sets the labels' weight and colour, not their size.
SCALED_TYPE = {"countdown": 1000, "side_banner": 310, "step_name": 255, "rep": 235}

DISCLAIMER = QT_TRANSLATE_NOOP(
    "PlayerWindow", "General information, not medical advice. Stop if it hurts."
)

_SIDE_BANNER = {
    Side.LEFT: QT_TRANSLATE_NOOP("PlayerWindow", "◀  LEFT LEG"),
    Side.RIGHT: QT_TRANSLATE_NOOP("PlayerWindow", "RIGHT LEG  ▶"),
    Side.BOTH: QT_TRANSLATE_NOOP("PlayerWindow", "BOTH LEGS"),
    Side.AFFECTED: QT_TRANSLATE_NOOP("PlayerWindow", "THE CRAMPING LEG"),
    Side.NONE: "",  # a habit step: the banner is hidden (its room kept)
}


def format_clock(seconds: float) -> str:
    """``mm:ss``, rounding up so "00:01" shows until the very end of the last second."""
    whole = max(0, math.ceil(seconds - 1e-6))
    minutes, secs = divmod(whole, 60)
    return f"{minutes:02d}:{secs:02d}"


def until_shown_change(seconds: float) -> float | None:
    """Seconds until :func:`format_clock` of a countdown at ``seconds`` shows another value.

    None when it is at zero (nothing more will change).
    """
    whole = math.ceil(seconds - 1e-6)
    if whole <= 0:
        return None
    return seconds - (whole - 1)


def quote_excerpt(quote: str, limit: int = QUOTE_EXCERPT_CHARS) -> str:
    """The start of a quote, cut at a word, so two citations of one document look different."""
    words = " ".join(quote.split())
    if len(words) <= limit:
        return words
    return words[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


#: Whole sentences, not "Switch to the {side}": the side's case can differ by language.
SWITCH_WORDS = {
    Side.LEFT: QT_TRANSLATE_NOOP("PlayerWindow", "Switch to the left leg."),
    Side.RIGHT: QT_TRANSLATE_NOOP("PlayerWindow", "Switch to the right leg."),
    Side.AFFECTED: QT_TRANSLATE_NOOP("PlayerWindow", "Switch to the cramping leg."),
    Side.BOTH: QT_TRANSLATE_NOOP("PlayerWindow", "Switch to both legs."),
}


# Sides the spoken step name leaves out: "both legs" is the default, "none" has no leg.
_NO_SIDE_WORDS = (Side.BOTH, Side.NONE)


def side_words(side: Side) -> str:
    """The side in words: "left leg", "right leg", "the cramping leg" or "both legs"."""
    words = {
        Side.LEFT: QT_TRANSLATE_NOOP("PlayerWindow", "left leg"),
        Side.RIGHT: QT_TRANSLATE_NOOP("PlayerWindow", "right leg"),
        Side.AFFECTED: QT_TRANSLATE_NOOP("PlayerWindow", "the cramping leg"),
    }.get(side, QT_TRANSLATE_NOOP("PlayerWindow", "both legs"))
    return QCoreApplication.translate("PlayerWindow", str(words))


def _weakly(player: PlayerWindow) -> Callable[[object], None]:
    """The engine's callback into ``player``, holding it by a weak reference.

    The window holds its session and the session its subscribers: a callback
    holding the window would close a cycle, and a closed player would wait
    for the cycle collector (which may run inside a paint, or on another
    thread) instead of going when its last reference does.
    """
    ref = weakref.ref(player)

    def deliver(ev: object) -> None:
        window = ref()
        if window is not None:
            window._on_event(ev)

    return deliver


class PlayerWindow(QWidget):
    """Plays a routine: big countdown, the side, the step, controls with shortcuts.

    The session starts when the window is first shown (``autostart``), or on
    ``start()`` / Space, with a ``lead_in_s`` get-ready countdown to get into
    position (Right starts the first step at once).  ``finished`` carries the SessionEvent of the session
    (also when it could not be stored: see ``recorded``), or None when the
    window closed before a session started.
    """

    finished = Signal(object)
    #: doc id, quote, the step's evidence note or None, and the step (for its picture)
    citation_requested = Signal(str, str, object, object)

    def __init__(
        self,
        session: Session,
        cues: CueSink,
        parent: QWidget | None = None,
        *,
        recorder: SessionRecorder | None = None,
        health: profile.HealthProfile | None = None,
        autostart: bool = True,
        keep_awake: bool = True,
        timers: TimerFactory = qt_timer,
    ) -> None:
        """Show ``session`` and cue it through ``cues``; nothing runs until shown or started.

        ``recorder`` writes the outcome (None: no log is open, nothing is
        written); ``health`` tailors the step cautions; ``timers`` makes the
        deadline and repaint timers (tests pass a fake and call ``tick``
        themselves).  The window takes ownership of ``cues``.
        """
        super().__init__(parent)
        self.setObjectName("PlayerWindow")
        routine = session.routine
        self.setWindowTitle(
            plain_title(self.tr("{title} — CrampCoach").format(title=routine.title))
        )
        self.routine = routine
        self.session = session
        self.clock: Clock = session.clock
        self.session.subscribe(_weakly(self))
        self.sink = cues
        cues.setParent(self)
        self.recorder = recorder
        self.health = health or profile.HealthProfile()
        self.inhibitor = ScreenSaverInhibitor() if keep_awake else None
        self.autostart = autostart
        #: What was last announced to assistive technology (newest last).
        self.announced: list[str] = []
        #: Said before the session starts when no sound cue will play.
        self.sound_note = cues.note
        self.session_event: SessionEvent | None = None  # the outcome's log entry, once ended
        self._ended = False
        #: Esc or Stop was pressed once: the session is paused, asking to confirm.
        self.stop_pending = False
        self._switching = False
        self._shown_step: int | None = None  # planned-step position last drawn

        self.form = load_ui("player.ui")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(self.form, self))

        self.pages = self._child(QStackedWidget, "pages")
        self.summary_page = self._child(QWidget, "summaryPage")
        self.routine_title = self._child(QLabel, "routineTitleLabel")
        self.step_progress = self._child(QLabel, "stepProgressLabel")
        self.total_left = self._child(QLabel, "totalLeftLabel")
        self.progress = self._child(QProgressBar, "progressBar")
        self.side_banner = self._child(QLabel, "sideBanner")
        # A step with no leg work hides the banner; its room stays, so the page does not jump.
        banner_policy = self.side_banner.sizePolicy()
        banner_policy.setRetainSizeWhenHidden(True)
        self.side_banner.setSizePolicy(banner_policy)
        self.step_name = self._child(QLabel, "stepNameLabel")
        self.countdown = self._child(QLabel, "countdownLabel")
        self.rep = self._child(QLabel, "repLabel")
        self.status = self._child(QLabel, "statusLabel")
        self.instructions = self._child(QLabel, "instructionsLabel")
        self.safety = self._child(QLabel, "safetyLabel")
        self.evidence = self._evidence_label()
        self.citations_box = self._child(QWidget, "citationsBox")
        self.next_step = self._child(QLabel, "nextStepLabel")
        self.back_button = self._child(QPushButton, "backButton")
        self.pause_button = self._child(QPushButton, "pauseButton")
        self.skip_button = self._child(QPushButton, "skipButton")
        self.restart_button = self._child(QPushButton, "restartButton")
        self.stop_button = self._child(QPushButton, "stopButton")
        self.disclaimer = self._child(QLabel, "disclaimerLabel")
        self.summary_title = self._child(QLabel, "summaryTitleLabel")
        self.summary = self._child(QLabel, "summaryLabel")
        self.record_label = self._child(QLabel, "recordLabel")
        self.retry_button = self._child(QPushButton, "retryButton")
        self.close_button = self._child(QPushButton, "closeButton")
        # Back/Pause/Skip/Stop and the disclaimer stay in view below the page,
        # which scrolls when the window is too small for it (a 200 % screen).
        self.controls_bar = self._child(QWidget, "controlsBar")
        self.controls_row = self.controls_bar.findChild(QBoxLayout, "controlsRow")
        assert self.controls_row is not None, "ui/player.ui has no controlsRow"
        self._controls_width = 0  # what the buttons need side by side, once laid out
        layout.addWidget(self.controls_bar)
        # The step's picture, large and beside the countdown.
        self.pose_view = PoseView()
        body = self.form.findChild(QHBoxLayout, "bodyRow")
        assert body is not None, "ui/player.ui has no bodyRow"
        body.insertWidget(0, self.pose_view)
        for index, stretch in enumerate((3, 3, 3)):
            body.setStretch(index, stretch)

        # Routine text is plain text, never markup (the .ui says so too; this is the guarantee).
        for label in (
            self.routine_title,
            self.step_name,
            self.instructions,
            self.safety,
            self.next_step,
            self.summary,
            self.record_label,
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.routine_title.setText(routine.title)
        self.disclaimer.setText(self.tr(str(DISCLAIMER)))
        self.retry_button.hide()

        self.back_button.clicked.connect(self.back)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.skip_button.clicked.connect(self.skip)
        self.restart_button.clicked.connect(self.restart_step)
        self.stop_button.clicked.connect(self.request_stop)
        self.close_button.clicked.connect(self.close)
        self.retry_button.clicked.connect(self.retry_save)

        # Buttons take no focus, so Space and the arrows always reach these
        # shortcuts instead of clicking whichever button was last focused.
        for key, slot in (
            (Qt.Key.Key_Space, self.toggle_pause),
            (Qt.Key.Key_Right, self.skip),
            (Qt.Key.Key_Left, self.back),
            (Qt.Key.Key_R, self.restart_step),
            (Qt.Key.Key_Escape, self.escape),
            (Qt.Key.Key_F11, self.toggle_full_screen),
        ):
            self._shortcut(key, slot)

        #: Fires at the engine's next deadline (a boundary or a cue) and ticks it.
        self.deadline_timer = timers(self, self.tick, single_shot=True, precise=True)
        #: Redraws the countdown when a shown figure changes (once a second while
        #: a step counts down), and never while the window is hidden or minimised.
        self.repaint_timer = timers(self, self._on_repaint_due, single_shot=True, precise=True)

        self._refresh()
        # The layout never pushes a minimum size to the window (each push makes
        # platforms without size hints, offscreen, warn): the window fits its
        # screen, the big type scales with it (``_scale_type``), and what still
        # does not fit scrolls.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        # Set once, before the window exists: room for the controls one above the other.
        self.setMinimumSize(MINIMUM_SIZE)
        self._type_scale = 0.0
        fit_window(self, "player", QSize(1180, 760))
        # The big type sized for this window before the stylesheet polishes the
        # labels, so each is laid out once, at its size.  Qt's font cache keeps
        # every size a label was given (two font engines, about 200 KiB of its
        # 4 MiB budget, each); past the budget its clean-up timer wakes the app
        # every 10 s (issue 17: a hidden player woke for it).  Sized after the
        # stylesheet, the four design sizes were measured first and thrown away:
        # 21 sizes after a day's main window, player, review and settings, over
        # the budget; 17 now.
        self._scale_type()
        self.setStyleSheet(theme.player_stylesheet())

    # --- construction helpers ---------------------------------------------

    def _child(self, kind: type[Any], name: str) -> Any:
        return child(self.form, kind, name)

    def _shortcut(self, key: Qt.Key, slot: Any) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    # --- controls -----------------------------------------------------------

    def start(self) -> None:
        """Start the session (no-op once started)."""
        if self.session.state is not State.READY:
            return
        if self.inhibitor is not None:
            self.inhibitor.inhibit(self.tr("A guided stretching session is running"))
        self.session.start()
        self._after_change()

    def toggle_pause(self) -> None:
        """Space: start, pause or resume."""
        if self.session.state is State.READY:
            self.start()
            return
        self.session.toggle_pause()
        self._after_change()

    def skip(self) -> None:
        """Right: skip the rest of the current step."""
        self.session.skip()
        self._after_change()

    def back(self) -> None:
        """Left: restart the step, or the previous step in the first 3 seconds."""
        self.session.back()
        self._after_change()

    def restart_step(self) -> None:
        """R: start the current step again."""
        self.session.restart_step()
        self._after_change()

    def stop(self) -> None:
        """End the session now and record what was done (asks nothing; see ``request_stop``)."""
        self.stop_pending = False
        self.session.stop()
        self._after_change()

    def tick(self) -> None:
        """Let the engine handle whatever is due; the deadline timer calls this.

        Tests with a fake clock call it after advancing the clock.
        """
        self.session.tick()
        self._after_change()

    @property
    def ended(self) -> bool:
        """Whether the session is over (finished, stopped, or closed before it began)."""
        return self._ended

    @property
    def recorded(self) -> bool:
        """Whether the session's outcome is in the log."""
        return self.recorder is not None and self.recorder.recorded

    def retry_save(self) -> None:
        """Try again to write a session the disk could not save."""
        if self.recorder is not None:
            self.recorder.retry()
            self._show_record_state()

    def toggle_full_screen(self) -> None:
        """F11: fill the screen (the countdown grows with it), or go back to a window."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def escape(self) -> None:
        """Esc: leave full screen, else close an ended session, else ask to stop."""
        if self.isFullScreen():
            self.showNormal()
            return
        if self._ended or self.session.state is State.READY:
            self.close()
        else:
            self.request_stop()

    def request_stop(self) -> None:
        """Esc or Stop: the first press pauses and asks; a second one stops and records.

        One stray key must not end a session ("0 of 7 steps done"); Space
        (or any control) goes on instead.
        """
        if self._ended:
            return
        if self.stop_pending:
            self.stop()
            return
        if self.session.state is State.RUNNING:
            self.session.toggle_pause()
        self.stop_pending = True
        self._after_change()
        self._announce(self.tr(str(STOP_QUESTION)))

    # --- engine events --------------------------------------------------------

    def _fresh(self, due: float) -> bool:
        return self.clock.monotonic() - due <= STALE_CUE_S

    def _sound(self, key: CueKey) -> None:
        """Play the sound of cue ``key`` (once: the sink's worker may have already)."""
        self.sink.sound(key, CUE_SOUNDS[key.kind])

    # What each engine event says and plays, by its type (a new event type is
    # one more ``register``; types not registered, Paused and Resumed, do nothing).

    @functools.singledispatchmethod
    def _on_event(self, ev: object) -> None:
        """An engine event with nothing to say or play."""

    @_on_event.register
    def _(self, ev: GetReady) -> None:
        step = ev.segment.step
        self.sink.say(
            self.tr("Get ready for {step}.").format(step=step.name)
            if step.side in _NO_SIDE_WORDS
            else self.tr("Get ready for {step}, {side}.").format(
                step=step.name, side=side_words(step.side)
            )
        )

    @_on_event.register
    def _(self, ev: SwitchSides) -> None:
        self._switching = True
        if self._fresh(ev.due):
            self._sound(ev.key)
            self.sink.say(self.tr(str(SWITCH_WORDS.get(ev.to, SWITCH_WORDS[Side.BOTH]))))

    @_on_event.register
    def _(self, ev: StepStarted) -> None:
        switching, self._switching = self._switching, False
        if not switching and self._fresh(ev.due):
            self._sound(ev.key)
            step = ev.segment.step
            self.sink.say(
                self.tr("{step}.").format(step=step.name)
                if step.side in _NO_SIDE_WORDS
                else self.tr("{step}, {side}.").format(step=step.name, side=side_words(step.side))
            )

    @_on_event.register
    def _(self, ev: RepStarted) -> None:
        if self._fresh(ev.due):
            self._sound(ev.key)
            self.sink.say(
                self.tr("Hold {rep} of {reps}.").format(rep=ev.segment.rep, reps=ev.segment.reps)
            )

    @_on_event.register
    def _(self, ev: RestStarted) -> None:
        if self._fresh(ev.due):
            self._sound(ev.key)
            self.sink.say(self.tr("Relax."))

    @_on_event.register
    def _(self, ev: Countdown) -> None:
        if self._fresh(ev.due):
            self._sound(ev.key)

    @_on_event.register
    def _(self, ev: HalfWay) -> None:
        if self._fresh(ev.due):
            self.sink.say(self.tr("Half way."))

    @_on_event.register
    def _(self, ev: Finished) -> None:
        self._sound(ev.key)
        self.sink.say(self.tr("Well done. The routine is finished."))
        self._end(ev.outcome)

    @_on_event.register
    def _(self, ev: Stopped) -> None:
        self.sink.silence()
        self._end(ev.outcome)

    def sound_plan(self) -> list[SoundCue]:
        """The sounds still to come, as ``_on_event`` would play them, for the cue clock."""
        planned = self.session.planned_cues(horizon_s=CUE_PLAN_HORIZON_S)
        switching = {c.key.entry for c in planned if c.key.kind is CueKind.SWITCH_SIDES}
        return [
            SoundCue(c.due, c.key, CUE_SOUNDS[c.key.kind])
            for c in planned
            if c.key.kind in CUE_SOUNDS
            and not (c.key.kind is CueKind.STEP and c.key.entry in switching)
        ]

    def _end(self, outcome: Outcome) -> None:
        """Record the outcome once, show the summary, tell the host."""
        if self._ended:
            return
        self._ended = True
        self.deadline_timer.stop()
        self.repaint_timer.stop()
        self.pose_view.set_running(False)
        self.sink.plan(())
        if self.inhibitor is not None:
            self.inhibitor.release()
        if self.recorder is not None:
            self.session_event = self.recorder.record(outcome)
        else:
            self.session_event = outcome.to_event("app")
        self._show_summary(outcome)
        self.finished.emit(self.session_event)

    # --- drawing ----------------------------------------------------------------

    def _after_change(self) -> None:
        """Re-plan the sound cues, redraw and re-arm the timers after any operation or tick."""
        if self._ended:
            return
        if self.stop_pending and self.session.state is State.RUNNING:
            self.stop_pending = False  # resumed: the question is withdrawn
        # First: a pause or a skip must reach the worker before anything else is done.
        self.sink.plan(self.sound_plan())
        self._refresh()
        deadline = self.session.next_deadline()
        if deadline is None:
            self.deadline_timer.stop()
        else:
            ms = max(0, math.ceil((deadline - self.clock.monotonic()) * 1000))
            self.deadline_timer.start(ms)
        # A move moves only while its step runs: still in the get-ready, paused or ended.
        self.pose_view.set_running(
            self.session.state is State.RUNNING
            and self.session.segment.kind is not SegmentKind.GET_READY
        )
        self._arm_repaint()

    def _arm_repaint(self) -> None:
        """Wake when the step's countdown or the time left next shows another second."""
        s = self.session
        if s.state is not State.RUNNING or not self.isVisible() or self.isMinimized():
            self.repaint_timer.stop()
            return
        waits = [
            w
            for w in (
                until_shown_change(s.remaining_s()),
                until_shown_change(s.total_remaining_s()),
            )
            if w is not None
        ]
        if not waits:
            self.repaint_timer.stop()
            return
        self.repaint_timer.start(math.ceil(min(waits) * 1000 - 1e-6) + REPAINT_MARGIN_MS)

    def _on_repaint_due(self) -> None:
        self._refresh_time()
        self._arm_repaint()

    def _refresh(self) -> None:
        s = self.session
        seg = s.segment
        if seg.step_position != self._shown_step:
            self._shown_step = seg.step_position
            self._draw_step(seg.step)
        self.step_progress.setText(self.step_words(seg.step))
        if seg.kind is SegmentKind.GET_READY:
            self.rep.setText(self.tr("Get ready"))
        elif seg.kind is SegmentKind.REST:
            self.rep.setText(
                self.tr("Relax — hold {rep} of {reps} next").format(rep=seg.rep, reps=seg.reps)
            )
        elif seg.reps > 1:
            self.rep.setText(self.tr("Hold {rep} of {reps}").format(rep=seg.rep, reps=seg.reps))
        else:
            self.rep.setText("")
        self._set_prop(self.rep, "rest", seg.kind is SegmentKind.REST)
        paused = s.state is State.PAUSED
        if s.state is State.READY:
            self.status.setText(
                " ".join(
                    filter(
                        None,
                        [
                            self.tr("Press Space or Start when you are in position."),
                            self.sound_note,
                        ],
                    )
                )
            )
            self.pause_button.setText(self.tr("Start  (Space)"))
        elif paused and self.stop_pending:
            self.status.setText(self.tr(str(STOP_QUESTION)))
        elif paused:
            self.status.setText(self.tr("Paused — press Space to continue."))
            self.pause_button.setText(self.tr("Resume  (Space)"))
        else:
            self.status.setText(
                " ".join(
                    filter(
                        None,
                        [self.tr("Get into position, or press → to begin now."), self.sound_note],
                    )
                )
                if seg.kind is SegmentKind.GET_READY
                else ""
            )
            self.pause_button.setText(self.tr("Pause  (Space)"))
        self._set_prop(self.countdown, "paused", paused)
        self._refresh_time()

    def step_words(self, step: PlannedStep) -> str:
        """The step count, e.g. "Step 3 of 7": written steps, as the card and the summary count.

        Both sides of an ``each`` step are one written step; the side banner
        says which side is on.
        """
        return self.tr("Step {n} of {total}").format(
            n=step.index + 1, total=len(self.routine.steps)
        )

    def _announce(self, text: str) -> None:
        """Tell assistive technology (Orca through AT-SPI) what just changed on the screen."""
        self.announced.append(text)
        del self.announced[:-ANNOUNCED_KEPT]
        if QAccessible.isActive():  # no event objects while no screen reader listens
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def _draw_step(self, step: PlannedStep) -> None:
        s = self.session
        banner = str(_SIDE_BANNER.get(step.side, _SIDE_BANNER[Side.BOTH]))
        self.side_banner.setText(self.tr(banner) if banner else "")
        self.side_banner.setVisible(bool(banner))
        self._set_prop(self.side_banner, "side", str(step.side))
        self.side_banner.setAccessibleName(
            self.tr("Side: {side}").format(side=side_words(step.side))
        )
        self.step_name.setText(step.name)
        picture = step_picture(step)
        self.pose_view.set_pose(picture, step.side, step.cycle_s)
        self.pose_view.setVisible(picture is not None)
        # The step label's name changes too (NameChanged), for readers without announcements.
        spoken = (
            self.tr("{progress}: {step}").format(progress=self.step_words(step), step=step.name)
            if step.side is Side.NONE
            else self.tr("{progress}: {step}, {side}").format(
                progress=self.step_words(step), step=step.name, side=side_words(step.side)
            )
        )
        self.step_name.setAccessibleName(spoken)
        self._announce(spoken)
        self.instructions.setText(step.instructions)
        # What better studies say sits right under the lay claim, not behind a click.
        self.evidence.setText(
            self.tr("Evidence: {verdict}").format(verdict=step.evidence) if step.evidence else ""
        )
        self.evidence.setVisible(bool(step.evidence))
        notes = [step.safety] if step.safety else []
        caution = profile.caution_for(step.caution, self.health) if step.caution else None
        if caution is not None:
            # The health profile makes this step one to skip or take care with: say so first.
            notes.insert(
                0,
                self.tr("{caution} Press → to skip it.").format(
                    caution=caution.message.render(QCoreApplication.translate)
                ),
            )
        if s.segment.step_position == 0 and self.routine.safety:
            # The routine's own caution (e.g. when to get urgent help) leads the
            # first step, since the session starts as soon as the window opens.
            notes.insert(0, self.routine.safety)
        self.safety.setText("\n\n".join(notes))
        self.safety.setVisible(bool(notes))
        nxt = s.next_step
        if nxt is None:
            self.next_step.setText(self.tr("Next: the end of the routine."))
        elif nxt.side is Side.NONE:
            self.next_step.setText(self.tr("Next: {step}").format(step=nxt.name))
        else:
            self.next_step.setText(
                self.tr("Next: {step} — {side}").format(step=nxt.name, side=side_words(nxt.side))
            )
        self._draw_citations(step)

    def _evidence_label(self) -> QLabel:
        """The step's evidence verdict, placed just below the instructions."""
        label = QLabel(self)
        label.setObjectName("evidenceLabel")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        parent = self.instructions.parentWidget()
        layout = parent.layout() if parent is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(self.instructions) + 1, label)
        elif layout is not None:
            layout.addWidget(label)
        label.hide()
        return label

    def _draw_citations(self, step: PlannedStep) -> None:
        layout = self.citations_box.layout()
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._citation_labels: list[QLabel] = []
        link = theme.colours(self.palette())["link"]
        for n, citation in enumerate(step.citations):
            # A link needs rich text: only our own fixed words and escaped text
            # (the document's title, the start of the quote) go into it.
            label = QLabel(self.citations_box)
            label.setObjectName("citationLabel")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
            anchor = '<a href="cite:{n}" style="color:{link}">{words}</a>'.format(
                n=n, link=link, words=html.escape(self.tr("Why this step?"))
            )
            # The quote stays verbatim (English, as cited); the pattern around it is translated.
            label.setText(
                self.tr("{link} — {title}: “{quote}”").format(
                    link=anchor,
                    title=html.escape(self._doc_title(citation)),
                    quote=html.escape(quote_excerpt(citation.quote)),
                )
            )
            label.setToolTip(
                plain_tip(
                    self.tr("“{quote}”\nOpens the source with this passage marked.").format(
                        quote=citation.quote
                    )
                )
            )
            label.linkActivated.connect(self._open_citation)
            layout.addWidget(label)
            self._citation_labels.append(label)

    def _open_citation(self, href: str) -> None:
        """A "Why this step?" link was clicked: ask the host to open the source."""
        step = self.session.step
        try:
            citation = step.citations[int(href.removeprefix("cite:"))]
        except (ValueError, IndexError):
            return
        if self.session.state is State.RUNNING:
            self.toggle_pause()  # reading the source takes longer than a hold
        self.citation_requested.emit(citation.doc, citation.quote, step.evidence, step)

    def citation_links(self) -> list[QLabel]:
        """The "Why this step?" labels of the step on screen, in order."""
        return list(self._citation_labels)

    @staticmethod
    def _doc_title(citation: Citation) -> str:
        try:
            return documents.get(citation.doc).title
        except documents.DocumentError:
            return citation.doc

    def _refresh_time(self) -> None:
        s = self.session
        steady.set_text(self.countdown, format_clock(s.remaining_s()))
        total = s.total_duration_s()
        left = s.total_remaining_s()
        steady.set_text(self.total_left, self.tr("{time} left").format(time=format_clock(left)))
        self.progress.setValue(round(1000 * (total - left) / total) if total else 1000)

    @staticmethod
    def _set_prop(widget: QWidget, name: str, value: object) -> None:
        if widget.property(name) != value:
            widget.setProperty(name, value)
            # Qt re-evaluates property selectors only on a re-polish.
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _show_summary(self, outcome: Outcome) -> None:
        steps = len(self.routine.steps)
        done = len(outcome.steps_done)
        skipped = len(outcome.steps_skipped)
        time = format_duration(round(outcome.active_s))
        # Counts are Qt %n plurals for every language; English's singular is
        # its own message, so English needs no translation file.
        if outcome.completed:
            self.summary_title.setText(self.tr("Well done"))
            text = (
                self.tr("The step done in {time}.")
                if steps == 1
                else self.tr("All %n steps done in {time}.", "", steps)
            ).format(time=time)
        else:
            self.summary_title.setText(
                self.tr("Session stopped")
                if self.session.state is State.STOPPED
                else self.tr("Routine finished")
            )
            if skipped:
                pattern = (
                    self.tr("{done} of 1 step done, {skipped} skipped, in {time}.")
                    if steps == 1
                    else self.tr(
                        "{done} of %n steps done, {skipped} skipped, in {time}.", "", steps
                    )
                )
            else:
                pattern = (
                    self.tr("{done} of 1 step done, in {time}.")
                    if steps == 1
                    else self.tr("{done} of %n steps done, in {time}.", "", steps)
                )
            text = pattern.format(done=done, skipped=skipped, time=time)
        self.summary.setText(text)
        self._show_record_state()
        self.controls_bar.hide()  # the summary has its own buttons
        self.pages.setCurrentWidget(self.summary_page)

    def _show_record_state(self) -> None:
        r = self.recorder
        if r is None:
            text, failed = self.tr("Not recorded: no log is open."), False
        elif r.recorded:
            text, failed = self.tr("Recorded in your log."), False
        else:
            text = (
                self.tr(
                    "Could not save this session to your log: {error}. It is kept and will be "
                    "saved with your next entry, or press “Try saving again”."
                )
                if r.can_retry
                else self.tr("Could not save this session to your log: {error}.")
            ).format(error=r.error)
            failed = True
        self.record_label.setText(text)
        self._set_prop(self.record_label, "failed", failed)
        self.retry_button.setVisible(failed and r is not None and r.can_retry)

    # --- Qt events --------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Start on first show when ``autostart``."""
        super().showEvent(event)
        if self.autostart and self.session.state is State.READY and not self._ended:
            self.start()
        elif not self._ended:  # shown again after being hidden: catch up, then follow
            self._refresh_time()
            self._arm_repaint()

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden: no repaints (the deadline timer still ends each step on time)."""
        super().hideEvent(event)
        self.repaint_timer.stop()
        let_qt_sleep()

    def changeEvent(self, event: QEvent) -> None:
        """Minimised: no repaints; restored: catch up and follow the countdown again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and not self._ended:
            if self.isMinimized():
                let_qt_sleep()
            else:
                self._refresh_time()
            self._arm_repaint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale the big type and the picture with the window."""
        super().resizeEvent(event)
        steady.release(self.countdown, self.total_left)
        self._scale_type()
        # The picture takes a fixed share of the width, so the countdown's large
        # type (whose minimum width the layout honours first) cannot squeeze it:
        # about a third of the window, readable across the room.
        self.pose_view.setMinimumWidth(max(120, int(self.width() * PICTURE_SHARE)))
        self._reflow_controls()

    def _reflow_controls(self) -> None:
        """The buttons side by side, or one above the other in a window too narrow for them.

        They stay whole and in view either way (they are outside the scrolling page).
        """
        row = self.controls_row
        across = QBoxLayout.Direction.LeftToRight
        if row.direction() is across:
            margins = self.controls_bar.layout().contentsMargins()
            self._controls_width = row.minimumSize().width() + margins.left() + margins.right()
        narrow = self.width() < self._controls_width
        direction = QBoxLayout.Direction.TopToBottom if narrow else across
        if row.direction() is not direction:
            row.setDirection(direction)
            outer = self.layout()
            if outer is not None:
                outer.activate()  # the buttons have their new room at once

    def _scale_type(self) -> None:
        """Countdown, side and step name grow with the window and shrink on a small one.

        ``SCALED_TYPE`` gives their sizes at the 1180×760 design size; a
        per-widget stylesheet (which wins over the window's) sets the scaled
        ones.  Done only when the scale changes by a step, so resizing does not
        re-polish on every pixel (and Qt's font cache gets four new sizes per
        step, not per pixel).
        """
        factor = min(self.width() / 1180, self.height() / 760)
        factor = round(max(0.45, min(factor, 3.0)) * 20) / 20
        if factor == self._type_scale:
            return
        self._type_scale = factor
        base = QGuiApplication.font().pointSizeF()
        base = base if base > 0 else 10.0
        for label, percent in SCALED_TYPE.items():
            points = base * percent / 100 * factor
            getattr(self, label).setStyleSheet(f"font-size: {points:.1f}pt;")

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing mid-session stops it (recorded as partial); never-started emits None."""
        remember(self)
        if self.session.state in (State.RUNNING, State.PAUSED):
            self.stop()
        elif not self._ended:
            self._ended = True
            self.finished.emit(None)
        self.deadline_timer.stop()
        self.repaint_timer.stop()
        self.sink.shutdown()
        if self.inhibitor is not None:
            self.inhibitor.release()
        super().closeEvent(event)
