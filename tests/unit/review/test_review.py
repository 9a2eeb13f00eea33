from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from crampcoach.core import review, settings, trial
from crampcoach.core.events import EventType, SkipReason
from crampcoach.core.review import IsoWeek, PlanItem, ReviewError, Status
from tests.unit.review.helpers import TZ, cramp, days, night, session, skip, water

SETTINGS = settings.Settings()  # water goal 1500 ml, 3 stretch sessions a week, boundary 04:00
W = IsoWeek(2026, 10)  # Mon 2 March - Sun 8 March 2026
AFTER = date(2026, 3, 20)  # "today" well after the week


def test_iso_week_parse_and_errors() -> None:
    assert IsoWeek.parse("2026-W05") == IsoWeek(2026, 5)
    assert IsoWeek.parse("2026w05") == IsoWeek(2026, 5)
    assert str(IsoWeek(2026, 5)) == "2026-W05"
    with pytest.raises(ReviewError, match="YYYY-Www"):
        IsoWeek.parse("2026-05")
    with pytest.raises(ReviewError, match="no ISO week 2025-W53"):
        IsoWeek.parse("2025-W53")
    assert IsoWeek(2026, 53).shift(1) == IsoWeek(2027, 1)
    assert IsoWeek(2027, 1).shift(-1) == IsoWeek(2026, 53)


def test_empty_week() -> None:
    # Nothing logged at all: every day is before the user started, never "missed".
    r = review.compute([], SETTINGS, TZ, W, AFTER)
    assert [d.day for d in r.days] == days(date(2026, 3, 2), 7)
    assert all(d.bedtime is Status.BEFORE_START for d in r.days)
    assert all(d.water is Status.BEFORE_START for d in r.days)
    assert r.adherence[PlanItem.BEDTIME].done == 0
    assert r.adherence[PlanItem.BEDTIME].planned == 0
    assert r.overall is None
    assert r.cramps.episodes == 0 and r.cramps.mean_severity is None
    assert r.cramps.unknown_nights == 0 and r.cramps.known_nights == 0
    assert not r.cramps.effect.enough
    assert "Not enough nights yet" in review.effect_summary(r.cramps.effect)
    assert r.warnings == ()
    assert r.streak.current == 0 and r.streak.best == 0
    data = json.loads(review.to_json(r))
    assert {"week", "days", "adherence", "cramps", "warnings"} <= data.keys()
    assert data["week"] == "2026-W10"
    # Empty states say what to do, never "0 of 0" or "best 0".
    text = "\n".join(review.headline(r))
    assert "0 of 0" not in text and "best 0" not in text and "of 0 known" not in text
    assert "How was last night?" in text and "first bedtime routine" in text


def perfect_week_events(week: IsoWeek) -> list:
    events = []
    for i, d in enumerate(week.days()):
        events.append(session(d))
        events.append(water(d, 800, "10:00"))
        events.append(water(d, 700, "16:00"))
        if i in (0, 2, 4):
            events.append(session(d, "18:00", kind="stretch"))
    return events


def test_perfect_week() -> None:
    r = review.compute(perfect_week_events(W), SETTINGS, TZ, W, AFTER)
    assert all(d.bedtime is Status.DONE for d in r.days)
    assert all(d.water is Status.DONE and d.water_ml == 1500 for d in r.days)
    assert [d.stretch_sessions for d in r.days] == [1, 0, 1, 0, 1, 0, 0]
    assert r.adherence[PlanItem.STRETCH].done == 3
    assert r.adherence[PlanItem.STRETCH].planned == 3
    assert r.overall == 100.0
    assert r.streak.current == 7 and r.streak.best == 7
    # Nothing was logged before: "no data", never "0 % done".
    assert r.previous.overall is None and review.headline(r)[0].startswith("Plan done: 100% (")
    # Water is beside "Plan done", not in it.
    assert "water goal reached 7 of 7 days (not in plan done)" in review.headline(r)[0]
    assert r.series[-1].week == W and r.series[-1].overall == 100.0
    assert len(r.series) == review.SERIES_WEEKS
    assert r.series[0].week == W.shift(-(review.SERIES_WEEKS - 1))
    # With a logged (empty-ish) week before, the comparison shows.
    earlier = [*perfect_week_events(W), water(W.monday - timedelta(days=7), 250)]
    r2 = review.compute(earlier, SETTINGS, TZ, W, AFTER)
    assert r2.previous.overall == 0.0
    assert review.headline(r2)[0].startswith("Plan done: 100% (+100 points on last week)")


def test_partial_and_other_items() -> None:
    d = W.days()
    events = [
        session(d[0], completed=False),
        water(d[1], 300),
        session(d[2], kind="relief"),  # relief is not a plan item
        session(d[3], kind="warmup", completed=False),
    ]
    r = review.compute(events, SETTINGS, TZ, W, AFTER)
    assert r.days[0].bedtime is Status.PARTIAL
    assert r.days[1].water is Status.PARTIAL and r.days[1].water_ml == 300
    assert r.days[2].bedtime is Status.MISSED and r.days[2].stretch is Status.NOT_PLANNED
    assert r.days[3].stretch is Status.PARTIAL and r.days[3].stretch_sessions == 0
    assert r.adherence[PlanItem.BEDTIME].done == 0


def test_bedtime_routine_after_midnight_counts_for_the_evening_before() -> None:
    tue, wed = date(2026, 3, 3), date(2026, 3, 4)
    started = replace(SETTINGS, first_day="2026-03-01")
    r = review.compute([session(wed, "00:30")], started, TZ, W, AFTER)
    assert r.days[1].day == tue and r.days[1].bedtime is Status.DONE
    assert r.days[2].bedtime is Status.MISSED
    # The user may move the boundary: with 00:00 it counts for Wednesday.
    r2 = review.compute(
        [session(wed, "00:30")], replace(started, day_boundary="00:00"), TZ, W, AFTER
    )
    assert r2.days[2].bedtime is Status.DONE and r2.days[1].bedtime is Status.MISSED


def test_cramp_before_noon_belongs_to_the_night_before() -> None:
    wed = date(2026, 3, 4)
    events = [cramp(wed, "05:30"), cramp(wed, "23:10", severity=8)]
    r = review.compute(events, SETTINGS, TZ, W, AFTER)
    assert r.days[1].cramps == 1  # Tuesday night
    assert r.days[2].cramps == 1 and r.days[2].max_severity == 8
    assert r.cramps.nights == 2 and r.cramps.mean_severity == 6.5


@pytest.mark.parametrize(
    ("week", "tzname", "change"),
    [
        (IsoWeek(2026, 13), "Europe/Berlin", date(2026, 3, 29)),  # spring forward, Sunday
        (IsoWeek(2026, 43), "Europe/Berlin", date(2026, 10, 25)),  # fall back, Sunday
        (IsoWeek(2026, 10), "America/New_York", date(2026, 3, 8)),  # spring forward, Sunday
        (IsoWeek(2026, 44), "America/New_York", date(2026, 11, 1)),  # fall back, Sunday
    ],
)
def test_week_across_daylight_saving_change(week: IsoWeek, tzname: str, change: date) -> None:
    tz = ZoneInfo(tzname)
    assert change in week.days()
    events = []
    for d in week.days():
        events.append(session(d, "23:45", tz=tz))
        events.append(session(d + timedelta(days=1), "02:30", kind="stretch", tz=tz))
        events.append(cramp(d + timedelta(days=1), "03:30", tz=tz))
    r = review.compute(events, SETTINGS, tz, week, week.monday + timedelta(days=30))
    assert [row.bedtime for row in r.days] == [Status.DONE] * 7
    # 02:30 local happens on the spring-forward day as 03:30 and still counts
    # for the evening before; no day gets two sessions, none gets zero.
    assert [row.stretch_sessions for row in r.days] == [1] * 7
    assert [row.cramps for row in r.days] == [1] * 7


def test_week_spanning_new_year_iso_week_53_and_1() -> None:
    w53 = IsoWeek(2026, 53)
    assert w53.monday == date(2026, 12, 28) and w53.days()[-1] == date(2027, 1, 3)
    events = [session(d) for d in w53.days()]
    events.append(session(date(2026, 12, 27)))  # the Sunday before: week 52
    events.append(cramp(date(2027, 1, 1), "02:00"))  # New Year's Eve night
    r = review.compute(events, SETTINGS, TZ, w53, date(2027, 2, 1))
    assert r.adherence[PlanItem.BEDTIME].done == 7
    assert r.days[3].day == date(2026, 12, 31) and r.days[3].cramps == 1
    # Week 52: the days before the first entry (27 Dec) are not missed.
    assert r.previous.week == IsoWeek(2026, 52) and r.previous.bedtime == 100.0
    assert r.streak.current == 8
    # 2025-W01 starts in 2024.
    w1 = IsoWeek(2025, 1)
    r1 = review.compute([session(date(2024, 12, 30))], SETTINGS, TZ, w1, date(2025, 2, 1))
    assert r1.days[0].day == date(2024, 12, 30) and r1.days[0].bedtime is Status.DONE
    assert r1.previous.week == IsoWeek(2024, 52)


def test_sick_day_inside_a_streak_does_not_break_it() -> None:
    d = W.days()
    events = [session(x) for x in d if x != d[3]]
    events.append(skip(d[3], reason=SkipReason.SICK))
    r = review.compute(events, SETTINGS, TZ, W, AFTER)
    assert r.days[3].bedtime is Status.SKIPPED and r.days[3].bedtime_skip is SkipReason.SICK
    assert r.streak.current == 6 and r.streak.best == 6
    assert r.adherence[PlanItem.BEDTIME].done == 6
    assert r.adherence[PlanItem.BEDTIME].planned == 6  # the sick day is excused
    # The same day skipped for "other" breaks the streak and counts as missed.
    other = [e for e in events if e.type is not EventType.SKIP]
    other.append(skip(d[3], reason=SkipReason.OTHER))
    r2 = review.compute(other, SETTINGS, TZ, W, AFTER)
    assert r2.days[3].bedtime is Status.SKIPPED
    assert r2.streak.current == 3 and r2.streak.best == 3
    assert r2.adherence[PlanItem.BEDTIME].planned == 7


def test_today_is_pending_and_later_days_future() -> None:
    d = W.days()
    events = [session(d[0]), session(d[1]), water(d[2], 2000)]
    r = review.compute(events, SETTINGS, TZ, W, d[2])
    assert r.in_progress
    assert [x.bedtime for x in r.days[:4]] == [
        Status.DONE,
        Status.DONE,
        Status.PENDING,
        Status.FUTURE,
    ]
    assert r.days[2].water is Status.DONE and r.days[3].water is Status.FUTURE
    assert r.adherence[PlanItem.BEDTIME].planned == 2  # tonight is not over
    assert r.streak.current == 2
    # Stretch target prorated and rounded down: 3 a week * 3 days / 7 -> 1.
    assert r.adherence[PlanItem.STRETCH].planned == 1
    assert "so far" in review.headline(r)[0]


def _check_interval_by_hand(eff: review.RoutineEffect) -> None:
    # By hand: with = seven 1s and seven 0s (variance 14*0.25/13 = 0.269, below the
    # Poisson floor (7 + 0.5)/14 = 0.536); without = fourteen 2s (variance 0, floor
    # (28 + 0.5)/14 = 2.036).  SE = sqrt(0.536/14 + 2.036/14) = 0.4286;
    # difference -1.5 +- 1.96 * 0.4286 = -2.340 to -0.660.
    diff = eff.difference
    assert diff is not None and diff.estimate == -1.5
    assert diff.low == pytest.approx(-2.340, abs=1e-3)
    assert diff.high == pytest.approx(-0.660, abs=1e-3)
    assert eff.verdict.value == "clearer fewer cramps"
    assert "Clearer fewer cramps" in review.effect_summary(
        eff
    ) and "95 % interval" in review.effect_summary(eff)


def test_routine_effect_needs_seven_nights_in_each_group() -> None:
    first = W.shift(-3).monday
    events = []
    for i, d in enumerate(days(first, 28)):
        if i % 2 == 0:
            events.append(session(d))
            if i % 4 == 0:
                events.append(cramp(d + timedelta(days=1), "02:00"))
            else:
                events.append(night(d, 0))  # a check-in: no cramps
        else:
            events.append(cramp(d + timedelta(days=1), "02:00"))
            events.append(cramp(d + timedelta(days=1), "04:00"))
    r = review.compute(events, SETTINGS, TZ, W, AFTER)
    eff = r.cramps.effect
    assert (eff.nights_with, eff.cramps_with) == (14, 7)
    assert (eff.nights_without, eff.cramps_without) == (14, 28)
    assert eff.enough and eff.per_night_with == 0.5 and eff.per_night_without == 2.0
    assert "not proof" in review.effect_summary(
        eff
    ) and "14 known nights with" in review.effect_summary(eff)
    _check_interval_by_hand(eff)
    # Without the check-ins, the seven cramp-free routine nights are unknown, not zero.
    no_checkins = [e for e in events if e.type is not EventType.NIGHT]
    eff3 = review.compute(no_checkins, SETTINGS, TZ, W, AFTER).cramps.effect
    assert (eff3.nights_with, eff3.cramps_with, eff3.unknown_with) == (7, 7, 7)
    assert eff3.per_night_with == 1.0 and "7 nights with no check-in" in review.effect_summary(eff3)
    # Six nights without the routine is not enough to say anything.
    few = [e for e in events if e.type is not EventType.SESSION] + [
        session(d) for d in days(first, 28)[:22]
    ]
    eff2 = review.compute(few, SETTINGS, TZ, W, AFTER).cramps.effect
    assert eff2.nights_without == 6 and not eff2.enough
    assert eff2.per_night_with is None
    assert "at least 7 known nights in each group" in review.effect_summary(eff2)


def test_warnings_in_review_json() -> None:
    d = W.days()
    events = [cramp(d[2], "02:00", minutes=15)]
    r = review.compute(events, SETTINGS, TZ, W, AFTER)
    data = json.loads(review.to_json(r))
    assert [w["id"] for w in data["warnings"]] == ["long-cramp"]
    assert data["warnings"][0]["level"] == "urgent"
    assert data["cramps"]["log"][0]["minutes"] == 15
    assert data["note"].startswith("CrampCoach gives general information, not medical advice")


class RecordingSource:
    def __init__(self, events: list) -> None:
        self.all = events
        self.calls: list[tuple[datetime | None, datetime | None]] = []
        self.trial_calls: list[tuple[datetime | None, datetime | None]] = []

    def events(self, start=None, end=None, types=None):
        if types is not None and set(types) == {EventType.TRIAL}:
            self.trial_calls.append((start, end))  # a trial's start: months back, bounded
        else:
            self.calls.append((start, end))
        return [
            e
            for e in self.all
            if (start is None or e.at >= start)
            and (end is None or e.at < end)
            and (types is None or e.type in types)
        ]


def test_load_reads_only_the_weeks_it_needs() -> None:
    old = [session(date(2016, 1, 5)), cramp(date(2016, 1, 6))]
    src = RecordingSource(old + perfect_week_events(W))
    r = review.load(src, SETTINGS, TZ, W, AFTER)
    assert r.overall == 100.0 and r.cramps.episodes == 0
    for start, end in src.calls:
        assert start is not None and end is not None
        assert end - start < timedelta(days=review.HISTORY_DAYS + 130)
    assert min(s for s, _ in src.calls) > datetime(2025, 6, 1, tzinfo=TZ)
    for start, end in src.trial_calls:
        assert start is not None and end is not None
        assert end - start < timedelta(days=review.HISTORY_DAYS + 130) + trial.REACH


def test_notification_text() -> None:
    title, body = map(
        str, review.notification(review.compute(perfect_week_events(W), SETTINGS, TZ, W, AFTER))
    )
    assert title == "Your week in review"
    assert "Bedtime routine on 7 of 7 nights" in body


def test_week_in_review_reminder_text() -> None:
    src = RecordingSource(perfect_week_events(W))
    # Sunday evening: this week; Monday morning: the week just ended.
    sunday = datetime(2026, 3, 8, 19, 0, tzinfo=TZ)
    monday = datetime(2026, 3, 9, 9, 0, tzinfo=TZ)
    assert review.reviewed_week(sunday.date()) == W
    assert review.reviewed_week(monday.date()) == W
    assert review.reviewed_week(date(2026, 3, 14)) == W  # Saturday: still the last whole week
    title, body = map(str, review.week_in_review(src, SETTINGS, TZ, monday))
    assert title == "Your week in review"
    assert body.startswith("Bedtime routine on 7 of 7 nights, plan done 100%")
    # On Sunday evening tonight's routine is still to come.
    so_far = RecordingSource([e for e in src.all if e.at <= sunday])
    body = str(review.week_in_review(so_far, SETTINGS, TZ, sunday)[1])
    assert "6 of 6 nights" in body
    src.all.append(cramp(date(2026, 3, 4), "02:00", minutes=20))
    body = str(review.week_in_review(src, SETTINGS, TZ, monday)[1])
    assert "matches a warning sign" in body


def test_cell_texts_say_each_state_in_words() -> None:
    d = W.days()
    events = [
        session(d[0]),
        session(d[1], completed=False),
        skip(d[2], reason=SkipReason.REST),
        skip(d[3], item="stretch", reason=SkipReason.SICK),
        session(d[4], "18:00", kind="stretch"),
        session(d[4], "19:00", kind="cooldown", completed=False),
        water(d[0], 1500),
        water(d[1], 400),
        cramp(d[1], "23:00", severity=6),
        night(d[0], 0),
        night(d[2], 0),
        night(d[3], None),  # "don't remember"
    ]
    r = review.compute(events, SETTINGS, TZ, W, d[5])
    texts = {item: [review.cell_text(row, item) for row in r.days] for item in review.GRID_ROWS}
    assert texts["bedtime"] == [
        "✓ done",
        "½ partial",
        "skipped (rest)",
        "✗ missed",
        "✗ missed",
        "tonight",
        "",
    ]
    assert texts["stretch"][3:5] == ["skipped (sick)", "✓ 1 +1½"]
    assert texts["water"][:3] == ["✓ 1500 ml", "400 ml", "✗ 0 ml"]
    assert texts["water"][5:] == ["0 ml", ""]  # today: pending, not yet missed
    assert texts["cramps"][:5] == [
        "none",
        "1 (worst 6/10)",
        "none",
        "don't remember",
        "not logged",
    ]
    assert texts["cramps"][6] == ""
    assert review.grid_label("water", r) == "Water (goal 1500 ml)"
    no_goal = review.compute(events, replace(SETTINGS, water_goal_ml=0), TZ, W, d[5])
    assert review.grid_label("water", no_goal) == "Water"
    assert no_goal.adherence[PlanItem.WATER].planned == 0
    assert review.cell_text(no_goal.days[0], "water") == "1500 ml"
    text = review.to_text(r)
    assert "Week 2026-W10" in text and "(in progress)" in text and "skipped (rest)" in text
