"""The morning check-in reminder and a trial's bedtime schedule, on the engine with a fake clock."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import (
    CrampContext,
    CrampEvent,
    Leg,
    Muscle,
    NightEvent,
    ReminderKind,
    SkipEvent,
    SkipReason,
    TrialEvent,
    new_id,
)
from crampcoach.core.reminder_engine import NOTED_ACTION
from crampcoach.core.trial import Design
from tests.unit.reminders.test_engine import BERLIN, MemoryLog, Rig, at, make, not_first


@pytest.fixture
def rig() -> Rig:
    r = not_first(make(FakeClock(at(13, 0))))  # past this morning's check-in
    for key in ("hydration_reminder", "review_reminder"):
        r.log.set_setting(key, False)  # the check-in alone on screen
    return r


def nights(rig: Rig) -> list[tuple[date, int | None]]:
    return [(e.night, e.cramps) for e in rig.log.items if isinstance(e, NightEvent)]


def checkins(shown: list) -> list:  # type: ignore[type-arg]
    return [s for s in shown if s.reminder.kind is ReminderKind.CHECKIN]


def test_it_asks_about_last_night_at_the_set_time_with_three_answers(rig: Rig) -> None:
    rig.engine.start()
    assert rig.engine.plan["checkin"] == at(8, 0, d=6)
    assert "Next: bedtime reminder 22:15" in rig.engine.status_text()
    rig.log.set_setting("bedtime_reminder", False)
    rig.engine.settings_changed()
    assert "Next: morning check-in Tue 08:00" in rig.engine.status_text()
    rig.to(at(8, 0, d=6))
    assert [r.kind for r in rig.engine.check()] == [ReminderKind.CHECKIN]
    shown = rig.screen.last()
    assert shown.title == "How was last night?"
    assert shown.body.startswith("Night of Mon 5 Jan to Tue 6 Jan.")
    assert "stays unknown, never cramp-free" in shown.body
    assert [label for _, label in shown.actions] == ["No cramps", "Had cramps…", "Don't remember"]
    assert shown.timeout_s == 4 * 3600


@pytest.mark.parametrize(("key", "cramps"), [("none", 0), ("unknown", None)])
def test_no_cramps_and_dont_remember_write_the_night_from_the_click(
    rig: Rig, key: str, cramps: int | None
) -> None:
    rig.engine.start()
    rig.to(at(8, 0, d=6))
    rig.engine.check()
    shown = rig.screen.last()
    rig.to(at(23, 50, d=6))  # answered late in the evening: still the night it asked about
    rig.engine.on_action(shown.token, key)
    assert nights(rig) == [(date(2026, 1, 5), cramps)]
    assert rig.screen.withdrawn == [shown.token]
    assert ("checkin", "acted") in rig.fates()
    assert rig.engine.plan["checkin"] == at(8, 0, d=7)  # tomorrow's, once


def test_had_cramps_asks_through_the_app_and_writes_nothing_itself() -> None:
    asked: list[date] = []
    r = not_first(make(FakeClock(at(7, 59, d=6))))
    r.engine.callbacks.actions = {
        "cramps": lambda reminder: asked.append(reminder.due.date() - timedelta(days=1))
    }
    r.engine.start()
    r.to(at(8, 0, d=6))
    r.engine.check()
    (shown,) = checkins(r.screen.shown)
    r.engine.on_action(shown.token, "cramps")
    assert asked == [date(2026, 1, 5)]
    assert nights(r) == []


def test_an_answered_night_gets_no_reminder(rig: Rig) -> None:
    rig.log.add(NightEvent(id=new_id(), at=at(23, 0), night=date(2026, 1, 5), cramps=None))
    rig.engine.start()
    assert rig.engine.plan["checkin"] == at(8, 0, d=7)  # not Tue's: Mon night is answered
    rig.to(at(8, 0, d=6))
    assert rig.engine.check() == []


def test_a_night_cramp_answers_the_night_a_daytime_one_does_not(rig: Rig) -> None:
    def cramp(when, context):  # type: ignore[no-untyped-def]
        return CrampEvent(
            id=new_id(), at=when, leg=Leg.LEFT, muscle=Muscle.CALF, severity=6, context=context
        )

    rig.log.add(cramp(at(17, 0), CrampContext.EXERCISE))  # Mon 17:00 after a run: daytime
    rig.engine.start()
    assert rig.engine.plan["checkin"] == at(8, 0, d=6)
    rig.log.add(cramp(at(3, 10, d=6), None))  # Tue 03:10: Monday's night
    rig.engine.reschedule()
    assert rig.engine.plan["checkin"] == at(8, 0, d=7)
    rig.to(at(8, 0, d=6))
    assert rig.engine.check() == []


def test_shown_once_even_if_it_went_unanswered(rig: Rig) -> None:
    rig.engine.start()
    rig.to(at(8, 0, d=6))
    rig.engine.check()
    rig.engine.on_closed(rig.screen.last().token, "expired")
    rig.to(at(9, 0, d=6))
    assert rig.engine.check() == []
    again = rig.restart()
    again.engine.start()
    assert checkins(again.screen.shown) == []
    assert [f for f in rig.fates() if f[0] == "checkin"] == [
        ("checkin", "expired"),
        ("checkin", "shown"),
    ]


def test_late_within_the_morning_then_dropped(rig: Rig) -> None:
    rig.engine.start()
    rig.to(at(11, 30, d=6))  # the laptop opened late in the morning
    assert [(r.kind, r.late) for r in rig.engine.check()] == [(ReminderKind.CHECKIN, False)]
    assert rig.screen.last().title == "How was last night?"  # no "you missed" for a question
    r2 = not_first(make(FakeClock(at(12, 1, d=6))))
    r2.engine.start()  # past the morning: the main window and the tray still ask
    assert checkins(r2.screen.shown) == []


def test_a_pause_holds_it(rig: Rig) -> None:
    rig.engine.start()
    rig.to(at(7, 0, d=6))
    rig.engine.pause_for(timedelta(hours=2))
    rig.to(at(8, 0, d=6))
    assert rig.engine.check() == []
    rig.to(at(9, 0, d=6))  # the pause is over, the morning is not
    assert [r.kind for r in rig.engine.check()] == [ReminderKind.CHECKIN]


def test_quiet_hours_drop_it(rig: Rig) -> None:
    rig.log.set_setting("morning_checkin_time", "06:30")  # in the default quiet hours (to 07:00)
    rig.engine.start()
    rig.to(at(6, 30, d=6))
    assert rig.engine.check() == []


def test_not_on_a_rest_or_sick_day(rig: Rig) -> None:
    for item in ("bedtime", "stretch", "water"):  # what `crampcoach day sick` writes
        rig.log.add(
            SkipEvent(
                id=new_id(),
                at=at(7, 0, d=6),
                item=item,
                day=date(2026, 1, 6),
                reason=SkipReason.SICK,
            )
        )
    rig.engine.start()
    rig.to(at(8, 0, d=6))
    assert rig.engine.check() == []
    rig.to(at(8, 0, d=7))  # the next morning asks again
    assert [r.kind for r in rig.engine.check()] == [ReminderKind.CHECKIN]


def test_a_plain_skip_tonight_is_no_day_off(rig: Rig) -> None:
    rig.log.add(
        SkipEvent(
            id=new_id(), at=at(22, 0), item="bedtime", day=date(2026, 1, 5), reason=SkipReason.OTHER
        )
    )
    rig.engine.start()
    rig.to(at(8, 0, d=6))
    assert [r.kind for r in rig.engine.check()] == [ReminderKind.CHECKIN]


def test_the_first_day_neither_waits_minutes_nor_asks_about_the_night_before() -> None:
    r = make(FakeClock(at(7, 55, d=6)))
    r.log.set_setting("first_day", "2026-01-06")  # the app met the user this morning
    r.engine.start()  # the very first launch: quiet minutes (a pause) over 08:00
    assert r.engine.paused_until == at(8, 5, d=6)
    r.to(at(8, 0, d=6))
    assert r.engine.check() == []
    r.to(at(8, 6, d=6))
    assert r.engine.check() == []  # Mon night was before the first day: nothing to ask
    assert r.engine.plan["checkin"] == at(8, 0, d=7)


def test_turned_off_it_never_comes(rig: Rig) -> None:
    rig.log.set_setting("morning_checkin", False)
    rig.engine.start()
    assert "checkin" not in rig.engine.plan
    rig.to(at(8, 0, d=6))
    assert rig.engine.check() == []


# --- a personal trial's schedule ------------------------------------------------------


def on(night: date, h: int, m: int = 0) -> datetime:
    return datetime.combine(night, time(h, m), BERLIN)


def trial_rig(night_with_routine: bool, *, stopped: bool = False) -> tuple[Rig, date]:
    """An engine at noon of a trial night with (or without) the routine, in its wash-in."""
    log = MemoryLog()
    design = Design(trial_id="t1", first_day=date(2026, 1, 5), seed=7, baseline_days=0)
    log.add(TrialEvent(id=new_id(), at=at(11, 0), **design.start_fields()))
    if stopped:
        log.add(TrialEvent(id=new_id(), at=at(11, 30), trial_id="t1", action="stop"))
    block = next(b for b in design.blocks() if b.routine is night_with_routine)
    night = block.first + timedelta(days=2)  # the schedule holds in the wash-in too
    rig = not_first(make(FakeClock(on(night, 12)), log))
    for key in ("hydration_reminder", "review_reminder", "morning_checkin"):
        log.set_setting(key, False)
    rig.engine.start()
    rig.to(on(night, 22, 15))
    assert [r.kind for r in rig.engine.check()] == [ReminderKind.BEDTIME]
    return rig, night


def test_with_the_routine_the_bedtime_reminder_prompts_it() -> None:
    rig, _night = trial_rig(True)
    shown = rig.screen.last()
    assert shown.title == "Trial night: the bedtime routine"
    assert [key for key, _ in shown.actions] == ["start", "snooze", "skip"]
    assert shown.timeout_s is None
    rig.engine.on_action(shown.token, "start")
    assert rig.screen.started == ["bedtime"]


def test_without_the_routine_nothing_prompts_it() -> None:
    rig, _night = trial_rig(False)
    shown = rig.screen.last()
    assert shown.title == "Trial night: no bedtime routine tonight"
    assert [key for key, _ in shown.actions] == [NOTED_ACTION[0]]
    assert shown.timeout_s == 30 * 60
    rig.engine.on_action(shown.token, NOTED_ACTION[0])
    assert rig.screen.started == []
    assert ("bedtime", "dismissed") in rig.fates()
    assert not [e for e in rig.log.items if isinstance(e, SkipEvent)]  # a trial night, not a skip


def test_a_stopped_trial_prompts_the_routine_again() -> None:
    rig, _night = trial_rig(False, stopped=True)
    assert rig.screen.last().title == "Time for your bedtime stretches"
    assert [key for key, _ in rig.screen.last().actions] == ["start", "snooze", "skip"]
