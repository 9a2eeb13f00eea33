"""The small statistics the review and the trial need: a difference and a 95 % interval.

Pure and deterministic (no resampling), so the same log always gives the
same words.  Two methods, each named in the text that shows it:

- ``two_groups``: the difference of two means of nightly counts with a normal
  approximation.  Each group's variance is taken as at least Poisson
  (``(count + 0.5) / nights``), so a group of all-zero nights still carries
  uncertainty rather than a zero-width interval.
- ``paired``: the mean of per-pair differences (the trial's block pairs) with
  a t interval on ``pairs - 1`` degrees of freedom; one pair gives no
  interval at all.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from crampcoach.core.text import QT_TRANSLATE_NOOP, Message

Z95 = 1.959964
# Two-sided 95 % t quantiles (t_{0.975, df}) for df 1-30; beyond that the normal value.
_T975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip

TWO_GROUPS_METHOD = "normal approximation"
PAIRED_METHOD = "t interval over block pairs (95 %)"
# Each method's name as the text shows it, translated in the GUI.
METHODS: dict[str, Message] = {
    TWO_GROUPS_METHOD: QT_TRANSLATE_NOOP("Stats", "normal approximation"),
    PAIRED_METHOD: QT_TRANSLATE_NOOP("Stats", "t interval over block pairs (95 %)"),
}


def t975(df: int) -> float:
    """The two-sided 95 % quantile of Student's t with ``df`` degrees of freedom."""
    if df < 1:
        raise ValueError(f"degrees of freedom must be at least 1, got {df}")
    return _T975[df - 1] if df <= len(_T975) else Z95


class Verdict(enum.StrEnum):
    """What a difference lets us say, in the words the app shows."""

    FEWER = "clearer fewer cramps"
    MORE = "clearer more cramps"
    NO_CLEAR = "no clear difference"
    NOT_ENOUGH = "not enough nights yet"


@dataclass(frozen=True, slots=True)
class Difference:
    """``with`` minus ``without``, with a 95 % interval (None when it cannot be had)."""

    estimate: float
    low: float | None
    high: float | None
    method: str

    @property
    def verdict(self) -> Verdict:
        """Fewer/more only when the whole interval is on one side of zero."""
        if self.low is None or self.high is None:
            return Verdict.NOT_ENOUGH
        if self.high < 0:
            return Verdict.FEWER
        if self.low > 0:
            return Verdict.MORE
        return Verdict.NO_CLEAR

    def to_dict(self, digits: int = 2) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "difference": round(self.estimate, digits),
            "low": None if self.low is None else round(self.low, digits),
            "high": None if self.high is None else round(self.high, digits),
            "method": self.method,
            "verdict": self.verdict.value,
        }


def mean(values: Sequence[float]) -> float:
    """The arithmetic mean; ValueError for no values."""
    if not values:
        raise ValueError("the mean of no values")
    return sum(values) / len(values)


def _variance(values: Sequence[float]) -> float:
    if len(values) < 2:
        return 0.0
    m = mean(values)
    return sum((v - m) ** 2 for v in values) / (len(values) - 1)


def two_groups(with_: Sequence[int], without: Sequence[int]) -> Difference:
    """Mean nightly count with minus without, normal-approximation interval."""
    if not with_ or not without:
        raise ValueError("both groups need at least one night")
    se2 = 0.0
    for group in (with_, without):
        n = len(group)
        floor = (sum(group) + 0.5) / n  # at least Poisson, never zero
        se2 += max(_variance(group), floor) / n
    est = mean(with_) - mean(without)
    half = Z95 * math.sqrt(se2)
    return Difference(est, est - half, est + half, TWO_GROUPS_METHOD)


def paired(differences: Sequence[float]) -> Difference:
    """Mean of per-pair differences; a t interval from two pairs on, none from one."""
    if not differences:
        raise ValueError("no pairs")
    est = mean(differences)
    k = len(differences)
    if k < 2:
        return Difference(est, None, None, PAIRED_METHOD)
    half = t975(k - 1) * math.sqrt(_variance(differences) / k)
    return Difference(est, est - half, est + half, PAIRED_METHOD)
