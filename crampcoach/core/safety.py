"""Warning signs in the cramp log: when the app should say "see a clinician".

The rules follow ``shared/design/evidence.md`` (NHS, AAFP and AAN advice, and
one inference from the Hallegraeff 2012 trial length).  Every warning carries
the reason in plain words with the numbers from the user's own log and what to
do.  Nothing here is a diagnosis, and nothing ever names a medicine or a dose.

Pure: plain data in, plain data out; the review and the cramp dialog call it.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from crampcoach.core.events import CrampEvent

NOT_MEDICAL_ADVICE = (
    "CrampCoach gives general information, not medical advice. "
    "It cannot diagnose anything; see a clinician about your symptoms."
)

# The thresholds, named so the messages and the tests quote the same numbers.
LONG_CRAMP_MIN = 10.0  # NHS: a cramp lasting more than 10 minutes that does not ease
RECENT_NIGHTS = 14  # "two weeks"
MOST_NIGHTS = 8  # more than half of RECENT_NIGHTS
STRONG_SEVERITY = 7  # on the 0-10 scale
STRONG_NIGHTS = 3  # strong cramps on this many of RECENT_NIGHTS
ROUTINE_NIGHTS = 42  # about six weeks: the Hallegraeff trial's length
ROUTINE_MIN_DONE = 36  # "nightly" allowing about one missed night a week


class Level(enum.StrEnum):
    """How soon to act."""

    URGENT = "urgent"  # get medical help now
    SEE_DOCTOR = "see-a-doctor"  # make an appointment


@dataclass(frozen=True, slots=True)
class SafetyWarning:
    """One matched warning sign."""

    id: str
    level: Level
    title: str
    reason: str  # why, with the numbers from the log
    action: str  # what to do

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "level": self.level.value,
            "title": self.title,
            "reason": self.reason,
            "action": self.action,
        }


_URGENT_ACTION = (
    "Get medical help now: an urgent appointment with your doctor or your local "
    "urgent-care line (NHS 111 in England). Do not wait for the next review."
)
_SEE_ACTION = "See a clinician (your GP or doctor) and show them this log."


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """A warning sign the log cannot see; the user checks it themselves."""

    level: Level
    text: str


# The signs from evidence.md the app cannot detect from the log.
CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        Level.URGENT,
        "a cramp lasts more than 10 minutes and does not ease",
    ),
    ChecklistItem(
        Level.URGENT,
        "cramps began after a wound or cut (tetanus), or after contact with toxins "
        "such as lead or mercury",
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        "cramps disturb your sleep or daily life, or come often",
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        "your legs feel numb or are swollen, or your muscles are getting smaller or weaker",
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        "one calf is swollen, warm, red or tender between cramps",
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        "your calf hurts after walking a set distance and eases with rest, or a foot is "
        "cold and pale",
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        "cramps began after you started a new medicine: ask your doctor, and never stop "
        "a medicine on your own",
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        "you are pregnant, or have kidney disease, liver disease, diabetes or nerve damage "
        "(neuropathy)",
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        "you feel an urge to move your legs that moving relieves (this is more like "
        "restless legs than cramp)",
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        "nothing has improved after about six weeks of stretching every night",
    ),
)


def _minutes(value: float) -> str:
    return f"{value:g} minutes"


def check_episode(cramp: CrampEvent) -> list[SafetyWarning]:
    """Warnings for one episode, shown at once in the cramp dialog."""
    if cramp.minutes is not None and cramp.minutes > LONG_CRAMP_MIN:
        return [
            SafetyWarning(
                id="long-cramp",
                level=Level.URGENT,
                title="A cramp lasting more than 10 minutes",
                reason=(
                    f"You logged a cramp that lasted {_minutes(cramp.minutes)}. "
                    f"NHS advice is to get help urgently when a cramp lasts more than "
                    f"{LONG_CRAMP_MIN:g} minutes and does not ease."
                ),
                action=_URGENT_ACTION,
            )
        ]
    return []


def check_log(
    cramps_by_night: Mapping[date, Sequence[CrampEvent]],
    routine_nights: Collection[date],
    last_night: date,
) -> list[SafetyWarning]:
    """Warnings for the log as of ``last_night`` (the most recent finished night).

    ``cramps_by_night`` maps a night (the day it began) to its cramp episodes and
    ``routine_nights`` holds the nights the bedtime routine was done; both need
    to cover at least the ``ROUTINE_NIGHTS`` nights up to ``last_night``.
    """
    warnings: list[SafetyWarning] = []
    span = f"the {RECENT_NIGHTS} nights to {last_night.strftime('%a')} {last_night.day} " + (
        last_night.strftime("%b")
    )
    recent = [last_night - timedelta(days=i) for i in range(RECENT_NIGHTS)]
    recent_cramps = [c for night in recent for c in cramps_by_night.get(night, ())]

    long_ones = [c for c in recent_cramps if c.minutes is not None and c.minutes > LONG_CRAMP_MIN]
    if long_ones:
        longest = max(c.minutes or 0.0 for c in long_ones)
        warnings.append(
            SafetyWarning(
                id="long-cramp",
                level=Level.URGENT,
                title="A cramp lasting more than 10 minutes",
                reason=(
                    f"In {span} you logged {len(long_ones)} "
                    f"cramp{'s' if len(long_ones) != 1 else ''} lasting more than "
                    f"{LONG_CRAMP_MIN:g} minutes (the longest: {_minutes(longest)}). "
                    "A cramp that long and not easing needs a clinician urgently."
                ),
                action=_URGENT_ACTION,
            )
        )

    cramp_nights = sum(1 for night in recent if cramps_by_night.get(night))
    if cramp_nights >= MOST_NIGHTS:
        warnings.append(
            SafetyWarning(
                id="most-nights",
                level=Level.SEE_DOCTOR,
                title="Cramps on most nights for two weeks",
                reason=(
                    f"You had cramps on {cramp_nights} of {span}. "
                    "Cramps that come this often are worth a clinician's look."
                ),
                action=_SEE_ACTION,
            )
        )

    strong_nights = sum(
        1
        for night in recent
        if any(c.severity >= STRONG_SEVERITY for c in cramps_by_night.get(night, ()))
    )
    if strong_nights >= STRONG_NIGHTS:
        warnings.append(
            SafetyWarning(
                id="strong-cramps",
                level=Level.SEE_DOCTOR,
                title="Strong cramps that can disturb your sleep",
                reason=(
                    f"On {strong_nights} of {span} you logged a "
                    f"cramp of severity {STRONG_SEVERITY} or more (out of 10). Cramps that "
                    "disturb sleep or daily life are a reason to see a clinician."
                ),
                action=_SEE_ACTION,
            )
        )

    warnings.extend(_no_improvement(cramps_by_night, routine_nights, last_night))
    return warnings


def _no_improvement(
    cramps_by_night: Mapping[date, Sequence[CrampEvent]],
    routine_nights: Collection[date],
    last_night: date,
) -> Iterable[SafetyWarning]:
    """About six weeks of nightly routine and no fewer cramp nights than at the start.

    An inference from the trial's length, not a guideline; the message says so.
    """
    period = [last_night - timedelta(days=i) for i in range(ROUTINE_NIGHTS - 1, -1, -1)]
    done = sum(1 for night in period if night in routine_nights)
    if done < ROUTINE_MIN_DONE:
        return []
    first = period[:RECENT_NIGHTS]
    last = period[-RECENT_NIGHTS:]
    first_nights = sum(1 for night in first if cramps_by_night.get(night))
    last_nights = sum(1 for night in last if cramps_by_night.get(night))
    # Still cramping (at least two nights a fortnight) and no fewer than at the start.
    if last_nights < 2 or last_nights < first_nights:
        return []
    return [
        SafetyWarning(
            id="no-improvement",
            level=Level.SEE_DOCTOR,
            title="No improvement after about six weeks of the routine",
            reason=(
                f"You did the bedtime routine on {done} of the last {ROUTINE_NIGHTS} nights, "
                f"yet you had cramps on {last_nights} of the last {RECENT_NIGHTS} nights, "
                f"against {first_nights} of {RECENT_NIGHTS} in the first two weeks. The "
                "stretching trial lasted six weeks, so this is a sensible time to ask a "
                "clinician (our inference, not a guideline)."
            ),
            action=_SEE_ACTION,
        )
    ]
