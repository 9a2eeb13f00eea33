"""Night outcomes: known from a check-in or diary night cramps, otherwise unknown (never zero)."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from crampcoach.cli import main
from crampcoach.core import nights, review, settings, stats
from crampcoach.core.clock import SystemClock
from crampcoach.core.events import CrampContext, EventType, NightEvent
from crampcoach.core.review import IsoWeek, Status
from crampcoach.store import Store
from tests.unit.review.helpers import TZ, cramp, days, night, session, skip

SETTINGS = settings.Settings()
BED = time(22, 30)
W = IsoWeek(2026, 10)
AFTER = date(2026, 3, 20)


def test_outcome_from_check_in_diary_dont_remember_and_nothing() -> None:
    d = days(date(2026, 3, 2), 5)
    events = [
        night(d[0], 0),
        cramp(d[1] + timedelta(days=1), "03:00", severity=4),
        night(d[2], None),
        night(d[3], 1, worst=3),
        cramp(d[3] + timedelta(days=1), "02:00", severity=7),
        cramp(d[3] + timedelta(days=1), "04:00", severity=5),
    ]
    out = nights.outcomes(events, TZ, BED, d[0], d[4])
    assert [(o.cramps, o.worst, o.source) for o in out.values()] == [
        (0, None, "check-in"),
        (1, 4, "diary"),
        (None, None, "don't remember"),
        (2, 7, "check-in"),  # the diary's two cramps beat the check-in's one
        (None, None, "unknown"),
    ]
    assert nights.unknown_count(out) == 2


def test_a_later_check_in_replaces_an_earlier_one() -> None:
    d = date(2026, 3, 2)
    first = night(d, 3, worst=5)
    later = NightEvent(id="b", at=first.at + timedelta(hours=1), night=d, cramps=0)
    assert nights.outcomes([later, first], TZ, BED, d, d)[d].cramps == 0


@pytest.mark.parametrize(
    ("hhmm", "context", "is_night"),
    [
        ("17:00", CrampContext.EXERCISE, False),
        ("17:00", None, False),  # an afternoon cramp is a daytime cramp
        ("17:00", CrampContext.NIGHT, True),  # the user said so
        ("23:30", CrampContext.EXERCISE, False),  # a late run
        ("23:30", None, True),
        ("03:00", CrampContext.RESTING, True),
        ("09:30", None, True),
        ("10:30", None, False),
        ("20:00", None, True),  # from three hours before the 22:30 bedtime
        ("19:00", None, False),
    ],
)
def test_night_or_daytime_cramp(hhmm: str, context: CrampContext | None, is_night: bool) -> None:
    c = cramp(date(2026, 3, 3), hhmm, context=context)
    assert nights.is_night_cramp(c, TZ, BED) is is_night


def test_a_five_pm_exercise_cramp_is_not_a_night_cramp_in_the_review() -> None:
    d = W.days()
    events = [
        session(d[0]),
        cramp(d[1], "17:00", context=CrampContext.EXERCISE),
        night(d[1], 0),
    ]
    r = review.compute(events, SETTINGS, TZ, W, AFTER)
    assert r.days[1].cramps == 0 and r.days[1].day_cramps == 1
    assert r.cramps.episodes == 0 and r.cramps.day_episodes == 1
    assert len(r.cramps.log) == 1 and "(daytime)" in review.to_text(r)


def test_streak_partial_routine_keeps_it_and_tonight_is_not_over() -> None:
    d = W.days()
    events = [session(d[0]), session(d[1], completed=False), session(d[2])]
    r = review.compute(events, SETTINGS, TZ, W, d[3])
    assert r.days[1].bedtime is Status.PARTIAL
    assert r.days[3].bedtime is Status.PENDING
    assert r.streak.current == 3  # the partial night counts, tonight is still open
    # Monday and Tuesday before the first entry (Wednesday) are not missed.
    r2 = review.compute([session(d[2])], SETTINGS, TZ, W, d[4])
    assert [row.bedtime for row in r2.days[:4]] == [
        Status.BEFORE_START,
        Status.BEFORE_START,
        Status.DONE,
        Status.MISSED,
    ]
    assert review.cell_text(r2.days[0], "bedtime") == "before you started"
    assert r2.adherence[review.PlanItem.BEDTIME].planned == 2
    # The first_day setting says when the user really started.
    r3 = review.compute([session(d[2])], replace(SETTINGS, first_day="2026-03-01"), TZ, W, d[4])
    assert r3.days[0].bedtime is Status.MISSED


def _random_log(rng: random.Random, first: date, n: int) -> tuple[list, list]:
    """Events for n nights, plus the extra events that leave chosen nights unknown."""
    known: list = []
    unknown_only: list = []
    for d in days(first, n):
        routine = rng.random() < 0.5
        if routine:
            known.append(session(d))
        if rng.random() < 0.3:
            # An unknown night: maybe a routine, never a check-in or night cramp.
            if not routine and rng.random() < 0.5:
                unknown_only.append(session(d))
            continue
        if rng.random() < 0.5:
            known.append(night(d, rng.randint(0, 3)))
        else:
            known.extend(
                cramp(d + timedelta(days=1), f"0{k + 1}:00") for k in range(rng.randint(1, 2))
            )
        if not routine and rng.random() < 0.2:
            known.append(skip(d, reason=random.choice(list(review.EXCUSED))))
    return known, unknown_only


@pytest.mark.parametrize("seed", range(8))
def test_an_unknown_night_never_enters_the_comparison(seed: int) -> None:
    rng = random.Random(seed)
    first = W.shift(-8).monday
    known, unknown_only = _random_log(rng, first, 63)
    base = review.compute(known, SETTINGS, TZ, W, AFTER).cramps.effect
    more = review.compute(known + unknown_only, SETTINGS, TZ, W, AFTER).cramps.effect
    # The known nights and their counts are the same whatever the unknown nights hold.
    assert base.with_counts == more.with_counts
    # A routine done on an unknown night moves nothing but the unknown tally.
    assert base.without_counts == more.without_counts
    assert more.unknown == base.unknown
    assert sum(1 for _ in unknown_only) == more.unknown_with - base.unknown_with
    r = review.compute(known, SETTINGS, TZ, W, AFTER)
    json_days = json.loads(review.to_json(r))["days"]
    for row, data in zip(r.days, json_days, strict=True):
        assert data["cramps"] == row.cramps  # a number, or null for unknown


def test_all_unknown_gives_no_comparison() -> None:
    first = W.shift(-4).monday
    events = [session(d) for d in days(first, 14)]
    eff = review.compute(events, SETTINGS, TZ, W, AFTER).cramps.effect
    assert eff.nights_with == 0 and eff.nights_without == 0
    assert eff.unknown_with == 14 and eff.unknown_without > 0
    assert eff.difference is None and eff.verdict is stats.Verdict.NOT_ENOUGH


def test_stats_by_hand() -> None:
    # Equal groups: no clear difference, interval around zero.
    d = stats.two_groups([1, 0, 1, 0], [0, 1, 0, 1])
    assert d.estimate == 0 and d.low is not None and d.low < 0 < (d.high or 0)
    assert d.verdict is stats.Verdict.NO_CLEAR
    # Paired: differences -2, -3, -1: mean -2, sd 1, se 1/sqrt(3), t(2) = 4.303.
    p = stats.paired([-2, -3, -1])
    assert p.estimate == -2
    assert p.low == pytest.approx(-2 - 4.303 / 3**0.5, abs=1e-3)
    assert p.verdict is stats.Verdict.NO_CLEAR  # 3 pairs this noisy are not enough
    assert stats.paired([-3.0]).verdict is stats.Verdict.NOT_ENOUGH
    assert stats.paired([-3.0, -3.5, -2.5]).verdict is stats.Verdict.FEWER
    assert stats.t975(1) == 12.706 and stats.t975(100) == stats.Z95


def test_cli_log_night_and_review_json_nulls(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import datetime

    today = datetime.now().astimezone().date()
    two_ago = today - timedelta(days=2)
    three_ago = today - timedelta(days=3)
    assert main(["log", "night", "--cramps", "0"]) == 0
    assert main(["log", "night", "--cramps", "2", "--worst", "7", "--date", str(two_ago)]) == 0
    assert main(["log", "night", "--cramps", "unknown", "--date", str(three_ago)]) == 0
    out = capsys.readouterr().out
    assert "no cramps" in out and "2 cramps, worst 7/10" in out and "don't remember" in out
    with Store.open(data_dir, clock=SystemClock()) as store:
        got = {e.night: e.cramps for e in store.events(types=[EventType.NIGHT])}  # type: ignore[attr-defined]
    assert got == {today - timedelta(days=1): 0, two_ago: 2, three_ago: None}
    # Tonight is not over; a worst severity needs a cramp.
    assert main(["log", "night", "--cramps", "1", "--date", str(today)]) == 2
    assert "not over yet" in capsys.readouterr().err
    assert main(["log", "night", "--cramps", "0", "--worst", "3"]) == 2
    with pytest.raises(SystemExit) as bad:
        main(["log", "night", "--cramps", "many"])
    assert bad.value.code == 2 and 'or "unknown"' in capsys.readouterr().err
    assert main(["review", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_day = {d["day"]: d["cramps"] for d in data["days"]}
    week_days = set(by_day)
    if str(two_ago) in week_days:
        assert by_day[str(two_ago)] == 2
    if str(three_ago) in week_days:
        assert by_day[str(three_ago)] is None
    assert "unknown_nights" in data["cramps"]
