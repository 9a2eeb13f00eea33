"""The n-of-1 trial: design from a seed, blocks and wash-in, and the analysis against hand-worked cases."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.cli import main
from crampcoach.core import nights, stats, trial
from crampcoach.core.clock import SystemClock
from crampcoach.core.events import EventType, TrialEvent
from crampcoach.core.nights import NightOutcome
from crampcoach.store import Store
from tests.unit.review.helpers import TZ, night

FIRST = date(2026, 1, 5)


def design(seed: int = 42) -> trial.Design:
    return trial.new_design("t1", FIRST, seed)


def test_the_schedule_is_rebuilt_exactly_from_the_seed() -> None:
    d = design()
    assert d.order() == design().order()  # reproducible
    assert d.order() == [False, True, True, False, True, False]  # seed 42, worked once
    orders = {tuple(trial.new_design("x", FIRST, s).order()) for s in range(40)}
    assert len(orders) == 8  # 2**3 possible orders, all reachable
    for order in orders:  # each pair has one block with and one without
        assert all(order[i] != order[i + 1] for i in range(0, 6, 2))
    blocks = d.blocks()
    assert [b.index for b in blocks] == list(range(7))
    assert blocks[0].routine is None and (blocks[0].last - blocks[0].first).days == 13
    b1 = blocks[1]
    assert b1.first == FIRST + timedelta(days=14)
    assert b1.counted_from == b1.first + timedelta(days=7)  # one wash-in week
    assert b1.last == b1.first + timedelta(days=27) and b1.counted_length == 21
    assert b1.min_known == 14 and blocks[0].min_known == 10
    assert d.last_day == FIRST + timedelta(days=14 + 6 * 28 - 1)
    assert d.phase(FIRST - timedelta(days=1)) is trial.Phase.BEFORE
    assert d.phase(FIRST) is trial.Phase.BASELINE
    assert d.phase(b1.first) is trial.Phase.WASHIN
    assert d.phase(b1.counted_from) is trial.Phase.COUNTED
    assert d.phase(d.last_day + timedelta(days=1)) is trial.Phase.AFTER
    assert d.routine_tonight(b1.first) is False and d.routine_tonight(FIRST) is None


def test_the_design_round_trips_through_the_start_event() -> None:
    d = design(7)
    ev = TrialEvent(id="e", at=datetime(2026, 1, 5, 21, 0, tzinfo=TZ), **d.start_fields())
    from crampcoach.core.events import event_from_dict

    back = event_from_dict(ev.to_dict())
    assert isinstance(back, TrialEvent) and trial.Design.from_event(back) == d
    t = trial.latest([back])
    assert t is not None and t.active and t.design.order() == d.order()


def outcomes_for(
    d: trial.Design, cramp_nights: dict[int, int], unknown: set[int] = frozenset()
) -> dict:
    """Per block index: how many of its counted nights had cramps (the first ones); every
    other night known and cramp-free, except block indexes in ``unknown``, all unknown.
    Wash-in nights all have cramps, to show they are never counted."""
    out: dict[date, NightOutcome] = {}
    for b in d.blocks():
        day = b.first
        n = 0
        while day <= b.last:
            if day < b.counted_from:
                out[day] = NightOutcome(day, 3, 5, "check-in")
            elif b.index in unknown:
                out[day] = NightOutcome(day, None, None, "unknown")
            else:
                out[day] = NightOutcome(
                    day, 1 if n < cramp_nights.get(b.index, 0) else 0, None, "check-in"
                )
                n += 1
            day += timedelta(days=1)
    return out


def _full(d: trial.Design) -> trial.Trial:
    return trial.Trial(design=d)


def _rates(d: trial.Design, with_: list[int], without: list[int]) -> dict[int, int]:
    """Cramp nights (of 21 counted) for each block, from per-pair lists."""
    out: dict[int, int] = {0: 5}
    for b in d.blocks()[1:]:
        out[b.index] = (with_ if b.routine else without)[b.pair - 1]
    return out


def test_a_real_effect_by_hand() -> None:
    d = design()
    # With: 3, 6, 3 cramp nights of 21 -> 1, 2, 1 a week; without: 12, 12, 15 -> 4, 4, 5.
    # Pair differences -3, -2, -4: mean -3, sd 1, se 1/sqrt(3) = 0.5774,
    # t(0.975, 2) = 4.303 -> -3 +- 2.484 = -5.484 to -0.516: clearer fewer cramps.
    out = outcomes_for(d, _rates(d, [3, 6, 3], [12, 12, 15]))
    r = trial.analyse(_full(d), out, d.last_day + timedelta(days=5))
    assert r.pair_differences == pytest.approx((-3.0, -2.0, -4.0))
    assert r.difference is not None
    assert r.difference.estimate == pytest.approx(-3.0)
    assert r.difference.low == pytest.approx(-5.484, abs=1e-3)
    assert r.difference.high == pytest.approx(-0.516, abs=1e-3)
    assert r.verdict is stats.Verdict.FEWER
    assert r.blocks[0].per_week == pytest.approx(7 * 5 / 14)  # baseline, reported only
    assert r.unknown_nights == 0 and r.counted_nights == 14 + 6 * 21
    text = trial.report_text(r)
    assert "Result: clearer fewer cramps." in text and "-3.0 cramp nights a week" in text
    assert "cannot be blinded" in text and "seed 42" in text
    data = json.loads(json.dumps(r.to_dict()))
    assert data["verdict"] == "clearer fewer cramps" and data["difference"]["low"] == -5.48


def test_no_clear_difference_by_hand() -> None:
    d = design()
    # Differences +1, -1, 0 a week (3 of 21 nights each way): mean 0 -> no clear difference.
    out = outcomes_for(d, _rates(d, [9, 6, 6], [6, 9, 6]))
    r = trial.analyse(_full(d), out, d.last_day)
    assert r.pair_differences == pytest.approx((1.0, -1.0, 0.0))
    assert r.verdict is stats.Verdict.NO_CLEAR
    assert "Result: no clear difference." in trial.report_text(r)


def test_all_unknown_is_not_enough_and_counts_every_night_unknown() -> None:
    d = design()
    r = trial.analyse(_full(d), {}, d.last_day)
    assert r.verdict is stats.Verdict.NOT_ENOUGH and r.difference is None
    assert r.unknown_nights == r.counted_nights == 14 + 6 * 21
    assert "not enough nights yet" in trial.report_text(r)


def test_one_block_is_not_enough() -> None:
    d = design()
    out = outcomes_for(d, _rates(d, [0, 0, 0], [21, 21, 21]))
    one = d.blocks()[1]
    r = trial.analyse(_full(d), out, one.last)  # only the first block is over
    assert r.blocks[1].per_week == (0.0 if one.routine else 7.0)
    assert r.pair_differences == () and r.verdict is stats.Verdict.NOT_ENOUGH
    # A trial stopped after one pair is not enough either (a single pair has no interval).
    two = d.blocks()[2]
    stopped = trial.Trial(design=d, stopped=two.last + timedelta(days=1))
    r2 = trial.analyse(stopped, out, d.last_day)
    assert len(r2.pair_differences) == 1 and r2.verdict is stats.Verdict.NOT_ENOUGH


def test_wash_in_nights_never_count_and_a_block_short_of_known_nights_gives_no_number() -> None:
    d = design()
    out = outcomes_for(d, _rates(d, [3, 6, 3], [12, 12, 15]))
    # Every wash-in night had 3 cramps in outcomes_for; blocks still read 1-5 a week.
    r = trial.analyse(_full(d), out, d.last_day)
    assert [round(b.per_week or 0, 1) for b in r.blocks[1:]] == [4.0, 1.0, 2.0, 4.0, 1.0, 5.0]
    # Block 1 with only 13 of 21 counted nights known: no number, its pair drops out.
    b1 = d.blocks()[1]
    for k in range(8):
        day = b1.counted_from + timedelta(days=20 - k)
        out[day] = NightOutcome(day, None, None, "unknown")
    r2 = trial.analyse(_full(d), out, d.last_day)
    assert r2.blocks[1].known == 13 and r2.blocks[1].per_week is None
    assert len(r2.pair_differences) == 2 and r2.unknown_nights == 8


def test_outcomes_from_check_ins_feed_the_trial() -> None:
    d = design()
    events = [night(FIRST + timedelta(days=i), 1 if i % 2 else 0) for i in range(14)]
    out = nights.outcomes(events, TZ, datetime.strptime("22:30", "%H:%M").time(), FIRST, d.last_day)
    r = trial.analyse(_full(d), out, FIRST + timedelta(days=13))
    assert r.blocks[0].known == 14 and r.blocks[0].per_week == 3.5


def test_cli_start_status_report_stop(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trial", "status", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"trial": None}
    assert main(["trial", "start", "--seed", "42", "--format", "json"]) == 0
    started = json.loads(capsys.readouterr().out)
    assert started["seed"] == 42 and len(started["blocks"]) == 7
    assert [b["routine"] for b in started["blocks"][1:]] == [False, True, True, False, True, False]
    with Store.open(data_dir, clock=SystemClock()) as store:
        (ev,) = store.events(types=[EventType.TRIAL])
    assert isinstance(ev, TrialEvent) and ev.seed == 42  # the seed is kept in the log
    assert main(["trial", "start"]) == 2
    assert "already running" in capsys.readouterr().err
    assert main(["trial", "status", "--format", "json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["phase"] == "baseline" and status["routine_tonight"] is None
    assert main(["trial", "report", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"] == "not enough nights yet" and "cannot_rule_out" in report
    assert main(["trial", "report"]) == 0
    assert "What this cannot rule out" in capsys.readouterr().out
    assert main(["trial", "stop"]) == 0
    assert main(["trial", "stop"]) == 2
    capsys.readouterr()
    assert main(["trial", "status", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["active"] is False


def test_a_trial_in_progress_names_blocks_in_their_wash_in_and_those_not_started() -> None:
    d = design()
    third = d.blocks()[3]
    as_of = third.first + timedelta(days=2)  # the third block's wash-in
    out = outcomes_for(d, _rates(d, [3, 3, 3], [9, 9, 9]))
    text = trial.report_text(trial.analyse(_full(d), out, as_of))
    lines = {line.split(":", 1)[0].strip(): line for line in text.splitlines() if "block" in line}
    assert "21 known of 21 counted nights" in lines["block 2"]
    washin_end = third.counted_from - timedelta(days=1)
    assert f"wash-in until {washin_end:%a} {washin_end.day} " in lines["block 3"]
    assert "nothing counted yet" in lines["block 3"]
    assert lines["block 4"].endswith("not started yet")
