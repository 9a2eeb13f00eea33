from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from crampcoach.core import review, safety, settings
from crampcoach.core.events import local_day
from crampcoach.core.review import IsoWeek
from crampcoach.core.safety import Level
from tests.unit.review.helpers import TZ, cramp, days, session

LAST = date(2026, 3, 8)  # a Sunday: the last night of 2026-W10
W = IsoWeek(2026, 10)
AFTER = date(2026, 3, 20)


def nights(cramps: list) -> dict:
    out: dict = {}
    for c in cramps:
        out.setdefault(local_day(c.at, TZ, review.NIGHT_BOUNDARY), []).append(c)
    return out


def ids(warnings: list) -> list[str]:
    return [w.id for w in warnings]


def test_episode_longer_than_ten_minutes_is_urgent_at_once() -> None:
    (w,) = safety.check_episode(cramp(LAST, minutes=12))
    assert w.level is Level.URGENT and w.id == "long-cramp"
    assert "12 minutes" in w.reason and "10 minutes" in w.reason
    assert "urgent appointment the same day" in w.action
    assert safety.check_episode(cramp(LAST, minutes=10)) == []
    assert safety.check_episode(cramp(LAST, minutes=None)) == []


def test_long_cramp_in_the_last_two_weeks() -> None:
    c = [cramp(LAST - timedelta(days=3), minutes=20)]
    assert ids(safety.check_log(nights(c), set(), LAST)) == ["long-cramp"]
    old = [cramp(LAST - timedelta(days=20), minutes=20)]
    assert safety.check_log(nights(old), set(), LAST) == []


def test_cramps_on_most_nights_for_two_weeks() -> None:
    eight = [cramp(d) for d in days(LAST - timedelta(days=12), 14)[::2]]  # 7 nights
    assert safety.check_log(nights(eight), set(), LAST) == []
    eight.append(cramp(LAST))  # 03:00: the night before, already counted
    assert safety.check_log(nights(eight), set(), LAST) == []
    eight.append(cramp(LAST, "23:00"))  # the 8th night of 14
    ws = safety.check_log(nights(eight), set(), LAST)
    assert ids(ws) == ["most-nights"]
    assert ws[0].level is Level.SEE_DOCTOR and "8 of the 14 nights to Sun 8 Mar" in ws[0].reason


def test_strong_cramps_that_disturb_sleep() -> None:
    two = [cramp(LAST - timedelta(days=i), severity=8) for i in (1, 4)]
    assert safety.check_log(nights(two), set(), LAST) == []
    three = [*two, cramp(LAST - timedelta(days=6), severity=7)]
    ws = safety.check_log(nights(three), set(), LAST)
    assert ids(ws) == ["strong-cramps"] and "3 of the 14 nights to Sun 8 Mar" in ws[0].reason


def test_no_improvement_after_six_weeks_of_nightly_routine() -> None:
    period = days(LAST - timedelta(days=41), 42)
    routine = set(period[:38])  # 38 of 42 nights: "nightly"
    # Cramps on 3 nights in the first fortnight and 3 in the last.
    c = [cramp(period[i] + timedelta(days=1), "02:00") for i in (1, 5, 9, 30, 34, 38)]
    ws = safety.check_log(nights(c), routine, LAST)
    assert ids(ws) == ["no-improvement"]
    assert "38 of the last 42 nights" in ws[0].reason
    assert "3 of the last 14 nights, against 3 of 14" in ws[0].reason
    assert "not a guideline" in ws[0].reason
    # Fewer cramp nights than at the start: improving, no prompt.
    better = c[:3] + c[3:4] + [cramp(period[0] + timedelta(days=1), "02:00")]
    assert safety.check_log(nights(better), routine, LAST) == []
    # Not nightly (35 of 42): the inference does not apply.
    assert safety.check_log(nights(c), set(period[:35]), LAST) == []


def test_review_carries_log_warnings_and_none_for_a_quiet_log() -> None:
    events = [session(d) for d in days(W.monday - timedelta(days=41), 42)]
    events += [cramp(d + timedelta(days=1), "02:00", severity=8) for d in W.days()]
    r = review.compute(events, settings.Settings(), TZ, W, AFTER)
    assert set(ids(list(r.warnings))) == {"strong-cramps", "no-improvement"}
    quiet = review.compute(events[:42], settings.Settings(), TZ, W, AFTER)
    assert quiet.warnings == ()


@pytest.mark.parametrize("text", [i.text for i in safety.CHECKLIST])
def test_checklist_never_names_a_dose(text: str) -> None:
    assert not re.search(r"\d+\s*(mg|g|ml|iu|mcg|µg)\b", text, re.IGNORECASE)


def test_checklist_covers_the_evidence_signs() -> None:
    joined = " ".join(i.text for i in safety.CHECKLIST)
    for phrase in (
        "10 minutes",
        "wound",
        "swollen",
        "new medicine",
        "never stop",
        "pregnant",
        "restless legs",
        "six weeks",
    ):
        assert phrase in joined
    assert {i.level for i in safety.CHECKLIST} == set(Level)
