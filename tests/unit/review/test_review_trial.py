"""The review during a personal trial: a night the trial keeps without the routine is not missed."""

from __future__ import annotations

from datetime import date, timedelta

from crampcoach.core import review, settings
from crampcoach.core.events import TrialEvent, new_id
from crampcoach.core.review import IsoWeek, PlanItem, Status
from crampcoach.core.trial import Design
from tests.unit.review.helpers import TZ, at, days, night, session

FIRST = date(2026, 1, 5)  # a Monday
SETTINGS = settings.merged({"first_day": "2026-01-01"})
# No baseline; seed 7 gives "with" first: block 1 (5 Jan - 1 Feb) with, block 2 (2 Feb - 1 Mar) without.
DESIGN = Design(trial_id="t1", first_day=FIRST, seed=7, baseline_days=0)
START = TrialEvent(id=new_id(), at=at(FIRST, "20:00"), **DESIGN.start_fields())
WITHOUT = IsoWeek.of(date(2026, 2, 9))  # Mon 9 - Sun 15 Feb, in block 2


def test_the_design_is_what_the_tests_assume() -> None:
    assert [(b.first, b.routine) for b in DESIGN.blocks()[:2]] == [
        (FIRST, True),
        (date(2026, 2, 2), False),
    ]


def _nights_with_worst() -> list:  # type: ignore[type-arg]
    """The routine every night of block 1 and no cramps; none in block 2 and one cramp a night."""
    events: list = [START]  # type: ignore[type-arg]
    for d in days(FIRST, 41):
        if DESIGN.routine_tonight(d):
            events += [session(d), night(d, cramps=0)]
        else:
            events.append(night(d, cramps=1, worst=4))
    return events


def test_a_trial_night_without_is_not_missed_and_keeps_the_streak() -> None:
    r = review.compute(_nights_with_worst(), SETTINGS, TZ, WITHOUT, date(2026, 2, 15))
    assert {row.bedtime for row in r.days[:-1]} == {Status.NOT_PLANNED}
    assert all(row.trial_off for row in r.days)
    assert review.cell_text(r.days[0], "bedtime") == "trial: none"
    assert r.adherence[PlanItem.BEDTIME].planned == 0  # nothing was asked of the user
    assert r.streak.current == 28  # block 1's nights; block 2 neither adds nor breaks
    text = review.to_text(r)
    assert "✗ missed" not in text
    assert "Bedtime routine: 0 of 0 nights (6 trial nights without it, as planned)" in text
    assert "your personal trial's result is the fairer answer" in text


def test_the_trial_nights_without_count_as_without_in_the_comparison() -> None:
    r = review.compute(_nights_with_worst(), SETTINGS, TZ, WITHOUT, date(2026, 2, 15))
    effect = r.cramps.effect
    assert len(effect.with_counts) == 28 and set(effect.with_counts) == {0}
    assert len(effect.without_counts) == 13 and set(effect.without_counts) == {1}


def test_doing_the_routine_anyway_shows_as_done_and_tonight_is_pending() -> None:
    events = [*_nights_with_worst(), session(date(2026, 2, 10))]
    r = review.compute(events, SETTINGS, TZ, WITHOUT, date(2026, 2, 12))
    by_day = {row.day: row for row in r.days}
    assert by_day[date(2026, 2, 10)].bedtime is Status.DONE  # what happened, honestly
    assert by_day[date(2026, 2, 12)].bedtime is Status.PENDING
    assert by_day[date(2026, 2, 13)].bedtime is Status.FUTURE
    assert review.cell_text(by_day[date(2026, 2, 13)], "bedtime") == "trial: none"


def test_after_a_stop_the_routine_is_planned_again() -> None:
    stop = TrialEvent(id=new_id(), at=at(date(2026, 2, 11), "09:00"), trial_id="t1", action="stop")
    r = review.compute([*_nights_with_worst(), stop], SETTINGS, TZ, WITHOUT, date(2026, 2, 15))
    by_day = {row.day: row.bedtime for row in r.days}
    assert by_day[date(2026, 2, 10)] is Status.NOT_PLANNED
    assert by_day[date(2026, 2, 11)] is Status.MISSED


def test_without_a_trial_a_night_without_the_routine_is_missed() -> None:
    events = [e for e in _nights_with_worst() if e is not START]
    r = review.compute(events, SETTINGS, TZ, WITHOUT, date(2026, 2, 15))
    assert r.days[0].bedtime is Status.MISSED and not r.days[0].trial_off
    assert "a personal trial is fairer" in review.to_text(r) or "Not enough" in review.to_text(r)


def test_review_load_finds_a_trial_started_months_before_the_week() -> None:
    class Source:
        def events(self, start=None, end=None, types=None):  # type: ignore[no-untyped-def]
            return [
                e
                for e in _nights_with_worst()
                if (start is None or e.at >= start)
                and (end is None or e.at < end)
                and (types is None or e.type in types)
            ]

    late = IsoWeek.of(FIRST + timedelta(days=7 * 7))  # week 8: the start is far outside the grid
    r = review.load(Source(), SETTINGS, TZ, late, date(2026, 2, 28))
    assert r.days[0].trial_off
