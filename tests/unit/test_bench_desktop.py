"""The desktop benchmark's pure parts: /proc parsing, per-thread counting, goal judging.

The benchmark itself runs the real desktop for ~10 minutes and is not part of
the suite; what it concludes rests on these, so they are tested here.
"""

from __future__ import annotations

import os

import pytest

from benchmarks import bench_desktop as bd
from benchmarks.common import Row, print_table

SMAPS_ROLLUP = """\
55d5c0a4d000-7ffd1b9f2000 ---p 00000000 00:00 0                          [rollup]
Rss:               98984 kB
Pss:               66512 kB
Pss_Dirty:         40000 kB
Pss_Anon:          38000 kB
Pss_File:          28000 kB
Pss_Shmem:           512 kB
Shared_Clean:      30000 kB
Shared_Dirty:       1000 kB
Private_Clean:      8000 kB
Private_Dirty:     59984 kB
Referenced:        98000 kB
Anonymous:         60000 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
"""


def test_smaps_rollup_gives_rss_pss_and_uss_in_mib() -> None:
    mem = bd.parse_smaps_rollup(SMAPS_ROLLUP)
    assert mem["rss"] == pytest.approx(98984 / 1024)
    assert mem["pss"] == pytest.approx(66512 / 1024)
    # USS is what only this process maps: private clean + private dirty.
    assert mem["uss"] == pytest.approx((8000 + 59984) / 1024)


def test_smaps_rollup_without_a_field_says_which() -> None:
    text = "\n".join(line for line in SMAPS_ROLLUP.splitlines() if "Private_Dirty" not in line)
    with pytest.raises(ValueError, match="Private_Dirty"):
        bd.parse_smaps_rollup(text)


def test_task_cpu_counts_fields_after_the_last_parenthesis() -> None:
    # A thread may name itself with spaces and ")"; utime=250, stime=50 ticks.
    fields = ["S", *map(str, range(4, 14)), "250", "50", *map(str, range(16, 53))]
    stat = "1234 (Qt bearer) thread) " + " ".join(fields)
    assert bd.parse_task_cpu(stat) == pytest.approx(300 / os.sysconf("SC_CLK_TCK"))
    # schedstat's nanoseconds win when present (stat's ticks are 10 ms coarse).
    assert bd.parse_task_cpu(stat, "1500000 20 3\n") == pytest.approx(0.0015)
    assert bd.parse_task_cpu(stat, "garbage") == pytest.approx(300 / os.sysconf("SC_CLK_TCK"))


def test_voluntary_switches_from_status() -> None:
    status = "Name:\tQXcbEventQueue\nvoluntary_ctxt_switches:\t17\nnonvoluntary_ctxt_switches:\t3\n"
    assert bd.parse_voluntary_switches(status) == 17
    with pytest.raises(ValueError):
        bd.parse_voluntary_switches("Name:\tx\n")


def test_a_thread_that_ends_mid_window_is_not_subtracted() -> None:
    counter = bd.ThreadCounter()
    counter.add({1: (10.0, 100), 2: (5.0, 50)})
    counter.add({1: (10.5, 103), 2: (5.2, 52)})
    counter.add({1: (11.0, 105)})  # thread 2 ended: it keeps its 0.2 s and 2 switches
    assert counter.cpu_s == pytest.approx(1.2)
    assert counter.switches == 7
    # Summing live threads at both ends would say 11.0 - 15.0 = -4 s.


def test_a_thread_born_mid_window_counts_from_zero() -> None:
    counter = bd.ThreadCounter()
    counter.add({1: (10.0, 100)})
    counter.add({1: (10.0, 100), 7: (0.3, 4)})
    counter.add({1: (10.1, 101), 7: (0.4, 6)})
    assert counter.cpu_s == pytest.approx(0.5)
    assert counter.switches == 7
    assert counter.threads == 2


def test_ratio_goals_are_judged_in_each_round_against_that_rounds_floor() -> None:
    goal = bd.Goal("idle PSS", 1.25, "ratio")
    assert goal.met(62.0, 50.0)
    assert not goal.met(63.0, 50.0)
    # The medians (62.5 / 50 = 1.25) would pass; round 2 alone (1.3x) fails it.
    assert not goal.met_all([60.0, 65.0, 62.5], [50.0, 50.0, 50.0])
    assert goal.met_all([60.0, 65.0], [50.0, 53.0])
    with pytest.raises(ValueError, match="floor"):
        goal.met(1.0, 0.0)
    assert not goal.met_all([], [])


def test_limit_goals_and_the_row_they_make() -> None:
    goal = bd.Goal("stall", 50, "max")
    assert goal.met_all([12.0, 49.9])
    assert not goal.met_all([12.0, 50.1])
    row = bd.goal_row("stall", goal, [12.0, 30.0, 20.0], "ms")
    assert (row.value, row.ok, row.goal, row.values) == (20.0, True, "<= 50 ms", (12.0, 30.0, 20.0))
    ratio_row = bd.goal_row("pss", bd.Goal("pss", 1.25, "ratio"), [60, 66], "MiB", [50, 50])
    assert ratio_row.ratio == pytest.approx(1.26)  # the median of the same-round ratios
    assert not ratio_row.ok


def test_spread_shows_median_and_range() -> None:
    assert bd.spread([3.0, 1.0, 2.0], "{:.0f}") == "2 (1–3)"
    assert bd.spread([4.0], "{:.1f}") == "4.0"
    assert bd.spread([]) == "—"


def test_context_rows_say_so_and_never_fail_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        Row("desktop", "floor", 1.0, "ms", "—", False, context=True),
        Row("desktop", "goal", 2.0, "ms", "<= 1 ms", False),
    ]
    assert rows[0].passed and not rows[1].passed
    print_table(rows)
    out = capsys.readouterr().out
    assert "| context |" in out and "| NO      |" in out


def test_each_long_gap_is_put_down_to_the_step_before_it() -> None:
    from benchmarks.bench_desktop import Stalls

    stalls = Stalls()
    stalls.add({"max_gap_ms": 60.0, "gaps": [[5.0, 60.0]]})  # before any mark: the launch
    stalls.mark("tray click", 10.0)
    stalls.mark("review", 20.0)
    stalls.add({"max_gap_ms": 300.0, "gaps": [[12.0, 300.0], [21.0, 80.0], [25.0, 120.0]]})
    stalls.add({"max_gap_ms": 30.0})  # an older probe, or none over 50 ms
    assert stalls.windows == [60.0, 300.0, 30.0]
    assert stalls.by_step == {"launch": 60.0, "tray click": 300.0, "review": 120.0}


def test_the_form_alone_is_context_judged_against_its_own_rounds_floor() -> None:
    raw = {"shown": {"bare": [200.0, 300.0, 250.0], "form": [260.0, 330.0, 300.0]}}
    (row,) = bd._form_rows(raw, 3)
    assert row.context and row.passed
    assert row.value == 300.0 and row.values == (260.0, 330.0, 300.0)
    assert row.ratio == pytest.approx(1.2)  # the median of 1.3, 1.1 and 1.2, not 300/250
    assert bd._form_rows({"shown": {"bare": [200.0]}}, 1) == []  # an older raw file


def test_the_days_forms_alone_are_context_beside_the_floors_day() -> None:
    def mem(pss: float) -> dict[str, dict[str, float]]:
        return {"mem_used": {"pss": pss}}

    raw = {"results": {"bare": [mem(50.0), mem(60.0)], "forms": [mem(60.0), mem(66.0)]}}
    (row,) = bd._forms_day_rows(raw)
    assert row.context and row.passed and row.unit == "MiB"
    assert row.ratio == pytest.approx(1.15)  # the median of 1.2 and 1.1, per round
    assert bd._forms_day_rows({"results": {"bare": [mem(50.0)]}}) == []


def test_the_forms_alone_program_is_not_a_peer_in_the_wake_up_race() -> None:
    app = [{"idle_switches": 0, "hidden_switches": 0, "windows_after": []}]
    bare = [{"idle_switches": 1}]
    raw = {
        "results": {
            "bare": bare,
            "crampcoach": app,
            "forms": [{"idle_switches": 0}],
            "Workrave": [{"idle_switches": 230}],
        }
    }
    lowest = bd._wakeup_rows(raw, app, bare)[1]
    assert "Workrave 230" in lowest.metric and "forms" not in lowest.metric
    assert lowest.ok  # 0 against Workrave's 230; the context program's 0 is no rival
