"""The reminder engine on a fake clock: what the Qt reminder tests cover, with no Qt and no waiting."""

from __future__ import annotations

import time
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from crampcoach.core import settings as core_settings
from crampcoach.core.clock import FakeClock
from crampcoach.core.events import (
    CrampContext,
    CrampEvent,
    Event,
    EventType,
    Leg,
    Muscle,
    ReminderEvent,
    ReminderFate,
    ReminderKind,
    SkipEvent,
    SkipReason,
    WaterEvent,
    new_id,
)
from crampcoach.core.reminder_engine import (
    FIRST_LAUNCH_QUIET,
    PRESENTATION,
    Callbacks,
    ReminderEngine,
    Shown,
)
from crampcoach.core.reminders import Reminder

BERLIN = ZoneInfo("Europe/Berlin")


def at(h: int, m: int = 0, d: int = 5) -> datetime:
    return datetime(2026, 1, d, h, m, tzinfo=BERLIN)


class Broken(Exception):
    """The log failed (a closed store, a full disk)."""


class MemoryLog:
    """The log the engine needs, in memory; ``broken`` makes every call fail."""

    def __init__(self) -> None:
        self.items: list[Event] = []
        self.stored: dict[str, Any] = {}
        self.broken = False

    def _check(self) -> None:
        if self.broken:
            raise Broken("the log is closed")

    def events(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        types: Collection[EventType] | None = None,
    ) -> list[Event]:
        self._check()
        return sorted(
            (
                e
                for e in self.items
                if (start is None or e.at >= start)
                and (end is None or e.at < end)
                and (types is None or e.type in types)
            ),
            key=lambda e: e.at,
        )

    def add(self, event: Event) -> None:
        self._check()
        self.items.append(event)

    def update(self, event: Event) -> None:
        self._check()
        self.items = [event if e.id == event.id else e for e in self.items]

    def set_setting(self, key: str, value: Any) -> Any:
        self._check()
        self.stored[key] = core_settings.validate(key, value)
        return self.stored[key]

    def settings(self) -> dict[str, Any]:
        return core_settings.merged(self.stored)


@dataclass
class Screen:
    """What the engine made happen: the reminders on screen, withdrawn ones, actions."""

    shown: list[Shown] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    started: list[str] = field(default_factory=list)
    asked: list[SkipEvent] = field(default_factory=list)
    changes: int = 0

    def last(self) -> Shown:
        return self.shown[-1]


@dataclass
class Rig:
    log: MemoryLog
    clock: FakeClock
    engine: ReminderEngine
    screen: Screen

    def to(self, when: datetime) -> None:
        self.clock.advance((when - self.clock.now()).total_seconds())

    def fates(self) -> list[tuple[str, str]]:
        return sorted(
            (e.reminder.value, e.fate.value) for e in self.log.items if isinstance(e, ReminderEvent)
        )

    def restart(self) -> Rig:
        """A new engine on the same log and clock (the app was restarted)."""
        self.engine.stop()
        return make(self.clock, self.log)


def make(clock: FakeClock | None = None, log: MemoryLog | None = None) -> Rig:
    clock = clock or FakeClock(at(12, 0))
    log = log or MemoryLog()
    screen = Screen()

    def show(shown: Shown) -> str:
        screen.shown.append(shown)
        return "test"

    def changed() -> None:
        screen.changes += 1

    engine = ReminderEngine(
        log,
        clock,
        log.settings,
        Callbacks(
            show=show,
            withdraw=screen.withdrawn.append,
            changed=changed,
            actions={"start": lambda _r: screen.started.append("bedtime")},
            ask_skip_reason=screen.asked.append,
        ),
        failures=(Broken,),
    )
    return Rig(log, clock, engine, screen)


def not_first(rig: Rig) -> Rig:
    """The app has run before (so the first launch's quiet minutes do not apply)."""
    rig.log.set_setting("reminders_checked_until", rig.clock.now().isoformat())
    return rig


@pytest.fixture
def rig() -> Rig:
    return make()


# --- showing, acting, fates --------------------------------------------------------


def test_bedtime_start_acts_withdraws_and_plans_tomorrow(rig: Rig) -> None:
    rig.engine.reschedule()
    assert rig.engine.plan["bedtime"] == at(22, 15)
    rig.to(at(22, 15))
    assert [(r.kind, r.late) for r in rig.engine.check()] == [(ReminderKind.BEDTIME, False)]
    shown = rig.screen.last()
    assert shown.title == "Time for your bedtime stretches"
    assert [label for _, label in shown.actions] == [
        "Start bedtime routine",
        "Snooze 10 min",
        "Skip tonight",
    ]
    assert shown.timeout_s is None  # stays until answered
    rig.engine.on_action(shown.token, "start")
    assert rig.screen.started == ["bedtime"]
    assert rig.screen.withdrawn == [shown.token]  # taken off the screen over the player
    assert rig.fates() == [("bedtime", "acted"), ("bedtime", "shown")]
    assert rig.engine.plan["bedtime"] == at(22, 15, d=6)
    assert rig.engine.check() == []


def test_every_reminder_has_one_snooze_label_and_an_explicit_timeout() -> None:
    for kind, look in PRESENTATION.items():
        if kind is ReminderKind.CHECKIN:
            # Three answers, each one click; it stays the morning, so "later" adds nothing.
            assert [key for key, _ in look.actions] == ["none", "cramps", "unknown"]
            continue
        assert ("snooze", "Snooze 10 min") in [(k, str(m)) for k, m in look.actions], kind
    snoozes = {
        str(label)
        for look in PRESENTATION.values()
        for key, label in look.actions
        if key == "snooze"
    }
    assert snoozes == {"Snooze 10 min"}
    assert PRESENTATION[ReminderKind.BEDTIME].timeout_s is None
    assert PRESENTATION[ReminderKind.HYDRATION].timeout_s == 5 * 60
    assert PRESENTATION[ReminderKind.REVIEW].timeout_s == 30 * 60
    assert PRESENTATION[ReminderKind.CHECKIN].timeout_s == 4 * 3600


def test_hydration_glass_without_a_hook_logs_water(rig: Rig) -> None:
    rig.log.set_setting("glass_ml", 300)
    rig.to(at(12, 30))
    assert [r.kind for r in rig.engine.check()] == [ReminderKind.HYDRATION]
    rig.engine.on_action(rig.screen.last().token, "glass")
    water = rig.log.events(types=[EventType.WATER])
    assert [(type(e), e.ml) for e in water] == [(WaterEvent, 300)]  # type: ignore[attr-defined]
    assert rig.fates() == [("hydration", "acted"), ("hydration", "shown")]
    assert "Water today: 300 ml of 1500 ml" in rig.engine.status_text()
    assert rig.engine.plan["hydration"] == at(14, 0)


def test_a_hydration_reminder_that_times_out_is_expired_not_missed(rig: Rig) -> None:
    """dunst (or our own timeout) closing it: shown and unanswered, not 'missed'."""
    rig.to(at(12, 30))
    rig.engine.check()
    rig.engine.on_closed(rig.screen.last().token, "expired")
    assert rig.fates() == [("hydration", "expired"), ("hydration", "shown")]
    rig.engine.on_closed(rig.screen.last().token, "expired")  # a second close: nothing more
    assert len(rig.fates()) == 2


def test_closing_it_by_hand_is_dismissed(rig: Rig) -> None:
    rig.log.set_setting("morning_checkin", False)
    rig.to(at(9, 30, d=6))
    rig.engine.check()
    rig.engine.on_closed(rig.screen.last().token, "dismissed")
    assert rig.fates() == [("hydration", "dismissed"), ("hydration", "shown")]


def test_snooze_shows_again_ten_minutes_later(rig: Rig) -> None:
    rig.to(at(22, 15))
    rig.engine.check()
    rig.engine.on_action(rig.screen.last().token, "snooze")
    assert rig.engine.plan["snooze-bedtime"] == at(22, 25)
    assert rig.engine.next_wakeup() == at(22, 25)
    rig.to(at(22, 25))
    rig.engine.check()
    assert rig.screen.last().title.endswith("(snoozed)")
    assert rig.fates() == [("bedtime", "shown"), ("bedtime", "shown"), ("bedtime", "snoozed")]
    assert "snooze-bedtime" not in rig.engine.plan


def test_a_snoozed_bedtime_reminder_is_dropped_once_the_night_is_over(rig: Rig) -> None:
    rig.to(at(22, 15))
    rig.engine.check()
    rig.engine.on_action(rig.screen.last().token, "snooze")
    rig.to(at(5, 0, d=6))  # the machine slept; the night ended at 04:00
    rig.engine.check()
    assert len(rig.screen.shown) == 1


def test_skip_tonight_records_a_skip_and_takes_a_reason(rig: Rig) -> None:
    rig.to(at(22, 15))
    rig.engine.check()
    rig.engine.on_action(rig.screen.last().token, "skip")
    [skip] = rig.log.events(types=[EventType.SKIP])
    assert isinstance(skip, SkipEvent)
    assert (skip.item, skip.day, skip.reason) == ("bedtime", date(2026, 1, 5), SkipReason.OTHER)
    assert rig.screen.asked == [skip]
    rig.engine.give_reason(skip, SkipReason.SICK, "flu")
    [updated] = rig.log.events(types=[EventType.SKIP])
    assert (updated.reason, updated.note) == (SkipReason.SICK, "flu")  # type: ignore[attr-defined]
    assert rig.fates() == [("bedtime", "dismissed"), ("bedtime", "shown")]
    assert rig.engine.check() == []


# --- an evening in milliseconds ------------------------------------------------------


def test_an_afternoon_and_evening_of_reminders_runs_in_milliseconds(rig: Rig) -> None:
    """12:00 to 23:59 driven by next_wakeup, as the Qt timer does; each reminder expires."""
    not_first(rig)
    rig.engine.start()
    begun = time.perf_counter()
    seen: list[tuple[str, str]] = []
    while (nxt := rig.engine.next_wakeup()) is not None and nxt < at(23, 59):
        rig.to(nxt)
        for reminder in rig.engine.check():
            seen.append((reminder.kind.value, f"{reminder.due.astimezone(BERLIN):%H:%M}"))
            rig.clock.advance(60)
            rig.engine.on_closed(rig.screen.last().token, "expired")
    elapsed = time.perf_counter() - begun
    assert seen == [
        ("hydration", "12:30"),
        ("hydration", "14:00"),
        ("hydration", "15:30"),
        ("hydration", "17:00"),
        ("hydration", "18:30"),
        ("hydration", "20:00"),
        ("bedtime", "22:15"),
    ]
    assert rig.fates().count(("hydration", "expired")) == 6
    assert elapsed < 5  # generous for a loaded machine; typically tens of milliseconds


def test_a_drink_moves_the_next_hydration_reminder(rig: Rig) -> None:
    rig.to(at(13, 50))
    rig.log.add(WaterEvent(id=new_id(), at=rig.clock.now(), ml=250))
    rig.engine.reschedule()
    assert rig.engine.plan["hydration"] == at(15, 30)  # 14:00 is within an interval of the drink


# --- catch-up after sleep, restarts -------------------------------------------------------


def test_resume_after_eight_hours_shows_one_late_bedtime_and_no_hydration(rig: Rig) -> None:
    not_first(rig)
    rig.to(at(15, 0))
    rig.engine.start()
    assert rig.fates() == []
    rig.clock.jump_wall(8 * 3600)  # suspended: the wall clock moved, monotonic time did not
    assert rig.engine.check_clock() == 8 * 3600
    assert rig.fates() == [("bedtime", "shown")]
    assert rig.screen.last().title == "You missed your 22:15 reminder"
    assert rig.engine.check_clock() == 0.0  # nothing more without another jump


def test_a_night_slept_through_while_running_is_logged_as_missed_once(rig: Rig) -> None:
    not_first(rig)
    rig.to(at(21, 0))
    rig.engine.start()
    rig.clock.jump_wall(10.5 * 3600)  # until 07:30: the night is over
    rig.engine.check_clock()
    assert rig.fates() == [("bedtime", "missed")]
    assert rig.screen.shown == []  # nothing stale shown
    rig.engine.check()
    assert rig.fates() == [("bedtime", "missed")]


def test_started_after_bedtime_one_late_reminder_and_none_after_a_restart(rig: Rig) -> None:
    not_first(rig)
    rig.to(at(23, 0))
    rig.engine.start()
    assert rig.screen.last().title == "You missed your 22:15 reminder"
    again = rig.restart()
    again.engine.start()
    assert again.screen.shown == []
    assert again.fates() == [("bedtime", "shown")]


def test_nights_missed_while_closed_are_logged_once_never_shown(rig: Rig) -> None:
    not_first(rig)
    rig.to(at(21, 0))
    rig.engine.start()
    rig.engine.stop()  # quit at 21:00 on the 5th
    assert rig.log.settings()["reminders_checked_until"] == at(21, 0).isoformat()
    rig.to(at(20, 0, d=8))
    again = make(rig.clock, rig.log)
    again.engine.start()
    missed = sorted(
        e.due
        for e in rig.log.items
        if isinstance(e, ReminderEvent) and e.fate is ReminderFate.MISSED and e.due is not None
    )
    assert missed == [at(22, 15, d=5), at(22, 15, d=6), at(22, 15, d=7)]
    # logged, not shown (20:00 is also a hydration slot, which is shown)
    assert [s.reminder.kind for s in again.screen.shown] == [ReminderKind.HYDRATION]
    before = again.fates()
    third = again.restart()
    third.engine.start()
    assert third.fates() == before


# --- the first launch, pauses, settings -------------------------------------------------


def test_the_very_first_launch_has_quiet_minutes(rig: Rig) -> None:
    rig.to(at(12, 28))
    rig.engine.start()  # an empty log, never quit before: the very first launch
    assert rig.engine.paused_until == at(12, 28) + FIRST_LAUNCH_QUIET
    rig.to(at(12, 30))
    assert rig.engine.check() == []  # the 12:30 slot falls in the first minutes
    assert "Reminders paused until Mon 12:38" in rig.engine.status_text()
    assert rig.engine.plan["hydration"] == at(14, 0)
    rig.to(at(14, 0))
    assert [r.kind for r in rig.engine.check()] == [ReminderKind.HYDRATION]


def test_a_later_launch_has_no_quiet_minutes(rig: Rig) -> None:
    rig.log.add(WaterEvent(id=new_id(), at=at(11, 0), ml=250))  # used before
    rig.to(at(12, 28))
    rig.engine.start()
    assert rig.engine.paused_until is None


def test_pause_holds_reminders_and_the_tooltip_says_so(rig: Rig) -> None:
    rig.to(at(20, 0))
    rig.engine.pause_until_tomorrow()
    text = rig.engine.status_text()
    assert "Reminders paused until Tue 04:00" in text
    assert "Next: hydration reminder Tue 08:00" in text
    rig.to(at(22, 15))
    assert rig.engine.check() == []
    rig.engine.pause(None)
    assert [r.kind for r in rig.engine.check()] == [ReminderKind.BEDTIME]


def test_a_pause_survives_a_restart_and_a_settings_change_can_lift_it(rig: Rig) -> None:
    rig.to(at(20, 0))
    rig.engine.pause_until_tomorrow()
    again = make(rig.clock, rig.log)
    assert again.engine.paused_until == at(4, 0, d=6)
    rig.to(at(22, 15))
    assert again.engine.check() == []
    rig.log.set_setting("reminders_paused_until", "")  # `crampcoach settings set ... ""`
    again.engine.settings_changed()
    assert again.engine.paused_until is None
    assert [r.kind for r in again.engine.check()] == [ReminderKind.BEDTIME]


def test_a_settings_change_replans(rig: Rig) -> None:
    rig.engine.reschedule()
    assert rig.engine.plan["bedtime"] == at(22, 15)
    rig.log.set_setting("bedtime", "23:00")
    rig.log.set_setting("bedtime_lead_min", 30)
    rig.engine.settings_changed()
    assert rig.engine.plan["bedtime"] == at(22, 30)
    rig.log.set_setting("hydration_reminder", False)
    rig.engine.settings_changed()
    assert "hydration" not in rig.engine.plan
    assert rig.engine.plan["review"] == at(19, 0, d=11)
    assert rig.fates() == []


def test_a_failing_log_never_raises(rig: Rig) -> None:
    rig.log.broken = True
    assert rig.engine.check() == []
    rig.engine.pause_for(timedelta(hours=1))  # kept in memory, logged as a warning
    assert rig.engine.paused_until == at(13, 0)


def test_a_reminder_asked_for_by_hand_shows_at_its_time(rig: Rig) -> None:
    rig.engine.remind_at(ReminderKind.HYDRATION, at(12, 0) + timedelta(seconds=3))
    assert rig.engine.next_wakeup() == at(12, 0) + timedelta(seconds=3)
    rig.clock.advance(3)
    rig.engine.check()
    assert rig.screen.last().reminder == Reminder(ReminderKind.HYDRATION, rig.clock.now())


def test_the_weekly_review_reminder_tells_the_week_and_a_warning_sign(rig: Rig) -> None:
    rig.log.set_setting("hydration_reminder", False)
    rig.log.set_setting("bedtime_reminder", False)
    rig.log.add(  # a cramp that lasted 15 minutes is an urgent warning sign (evidence.md)
        CrampEvent(
            id=new_id(),
            at=at(3, 0, d=6),
            leg=Leg.LEFT,
            muscle=Muscle.CALF,
            severity=8,
            minutes=15,
            context=CrampContext.NIGHT,
        )
    )
    rig.engine.reschedule()
    assert rig.engine.plan["review"] == at(19, 0, d=11)
    rig.to(at(19, 0, d=11))
    assert [r.kind for r in rig.engine.check()] == [ReminderKind.REVIEW]
    shown = rig.screen.last()
    assert shown.title == "Your week in review"
    assert "cramps on 1 of 1 known night." in shown.body
    assert "Your log matches a warning sign" in shown.body
    assert [label for _, label in shown.actions] == ["Open the review", "Snooze 10 min"]
    assert replace(shown, body="").timeout_s == 30 * 60
