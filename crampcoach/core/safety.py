"""Warning signs in the cramp log: when the app should say "see a clinician".

The rules follow ``shared/design/evidence.md`` (NHS, AAFP and AAN advice, and
one inference from the Hallegraeff 2012 trial length).  Every warning carries
the reason in plain words with the numbers from the user's own log and what to
do.  Nothing here is a diagnosis, and nothing ever names a medicine or a dose.

Every door that writes a cramp (the dialog, ``crampcoach log cramp``, a
request over the socket) calls ``check_episode`` on the entry, at any hour,
and shows what it returns; the review calls ``check_log``.  The most urgent
come first (``Level`` order): call the emergency number now, then an urgent
appointment the same day, then see a doctor.

Pure: plain data in, plain data out.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from crampcoach.core.events import SYMPTOM_MESSAGES, CrampEvent, Leg, Muscle, Symptom
from crampcoach.core.profile import HealthProfile
from crampcoach.core.text import QT_TRANSLATE_NOOP, Message, Number, plural

# The fixed safety words are English strings marked for translation (``.source``
# of a QT_TRANSLATE_NOOP message, context "Safety"): the GUI shows them with
# QCoreApplication.translate("Safety", ...), the command line as they are.
NOT_MEDICAL_ADVICE = QT_TRANSLATE_NOOP(
    "Safety",
    "CrampCoach gives general information, not medical advice. "
    "It cannot diagnose anything; see a clinician about your symptoms.",
).source

# The thresholds, named so the messages and the tests quote the same numbers.
LONG_CRAMP_MIN = 10.0  # NHS: a cramp lasting more than 10 minutes that does not ease
RECENT_NIGHTS = 14  # "two weeks"
MOST_NIGHTS = 8  # more than half of RECENT_NIGHTS
STRONG_SEVERITY = 7  # on the 0-10 scale
STRONG_NIGHTS = 3  # strong cramps on this many of RECENT_NIGHTS
ROUTINE_NIGHTS = 42  # about six weeks: the Hallegraeff trial's length
ROUTINE_MIN_DONE = 36  # "nightly" allowing about one missed night a week


class Level(enum.StrEnum):
    """How soon to act, most urgent first (iteration order is the order shown)."""

    EMERGENCY = "emergency"  # call the emergency number now
    URGENT = "urgent"  # an urgent appointment the same day
    SEE_DOCTOR = "see-a-doctor"  # make an appointment


LEVEL_LABELS: dict[Level, str] = {
    Level.EMERGENCY: QT_TRANSLATE_NOOP("Safety", "CALL THE EMERGENCY NUMBER NOW").source,
    Level.URGENT: QT_TRANSLATE_NOOP("Safety", "URGENT, TODAY").source,
    Level.SEE_DOCTOR: QT_TRANSLATE_NOOP("Safety", "See a doctor").source,
}
CHECKLIST_HEADINGS: dict[Level, str] = {
    Level.EMERGENCY: QT_TRANSLATE_NOOP("Safety", "Call the emergency number now if:").source,
    Level.URGENT: QT_TRANSLATE_NOOP("Safety", "Get an urgent appointment the same day if:").source,
    Level.SEE_DOCTOR: QT_TRANSLATE_NOOP("Safety", "See a doctor if:").source,
}
_ORDER = {level: n for n, level in enumerate(Level)}


def by_urgency(warnings: Iterable[SafetyWarning]) -> list[SafetyWarning]:
    """Most urgent first, otherwise in the order given."""
    return sorted(warnings, key=lambda w: _ORDER[w.level])


@dataclass(frozen=True, slots=True)
class SafetyWarning:
    """One matched warning sign."""

    id: str
    level: Level
    title_message: Message
    reason_message: Message  # why, with the numbers from the log
    action_message: Message  # what to do

    # English (the command line, the JSON); the GUI renders the messages translated.
    @property
    def title(self) -> str:
        """The sign, in English."""
        return str(self.title_message)

    @property
    def reason(self) -> str:
        """Why, with the numbers from the log, in English."""
        return str(self.reason_message)

    @property
    def action(self) -> str:
        """What to do, in English."""
        return str(self.action_message)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "level": self.level.value,
            "title": self.title,
            "reason": self.reason,
            "action": self.action,
        }


_EMERGENCY_ACTION = QT_TRANSLATE_NOOP(
    "Safety",
    "Call the emergency number now (for example 999 in the UK, 112 in Europe, 911 in "
    "North America). Do not drive yourself and do not wait to see if it passes.",
)
_URGENT_ACTION = QT_TRANSLATE_NOOP(
    "Safety",
    "Get an urgent appointment the same day: call your doctor's practice or an urgent-care "
    "service (in England, NHS 111). If you cannot be seen today, go to urgent care. "
    "Do not wait for the next review.",
)
_SEE_ACTION = QT_TRANSLATE_NOOP(
    "Safety", "See a clinician (your GP or doctor) and show them this log."
)


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """A warning sign the log cannot see; the user checks it themselves."""

    level: Level
    text: str


# The signs from evidence.md the app cannot detect from the log.
CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        Level.EMERGENCY,
        QT_TRANSLATE_NOOP(
            "Safety",
            "you are short of breath or have chest pain, together with a painful, swollen or warm leg",
        ).source,
    ),
    ChecklistItem(
        Level.URGENT,
        QT_TRANSLATE_NOOP(
            "Safety",
            "one calf (rarely both) is swollen, warm, red or darker, throbbing or tender",
        ).source,
    ),
    ChecklistItem(
        Level.URGENT,
        QT_TRANSLATE_NOOP(
            "Safety",
            "a cramp lasts more than 10 minutes and does not ease",
        ).source,
    ),
    ChecklistItem(
        Level.URGENT,
        QT_TRANSLATE_NOOP(
            "Safety",
            "cramps began after a wound or cut (tetanus), or after contact with toxins "
            "such as lead or mercury",
        ).source,
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        QT_TRANSLATE_NOOP(
            "Safety",
            "cramps disturb your sleep or daily life, or come often",
        ).source,
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        QT_TRANSLATE_NOOP(
            "Safety",
            "your legs feel numb or are swollen, or your muscles are getting smaller or weaker",
        ).source,
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        QT_TRANSLATE_NOOP(
            "Safety",
            "your calf hurts after walking a set distance and eases with rest, or a foot is "
            "cold and pale",
        ).source,
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        QT_TRANSLATE_NOOP(
            "Safety",
            "cramps began after you started a new medicine: ask your doctor, and never stop "
            "a medicine on your own",
        ).source,
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        QT_TRANSLATE_NOOP(
            "Safety",
            "you are pregnant, or have kidney disease, liver disease, diabetes or nerve damage "
            "(neuropathy)",
        ).source,
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        QT_TRANSLATE_NOOP(
            "Safety",
            "you feel an urge to move your legs that moving relieves (this is more like "
            "restless legs than cramp)",
        ).source,
    ),
    ChecklistItem(
        Level.SEE_DOCTOR,
        QT_TRANSLATE_NOOP(
            "Safety",
            "nothing has improved after about six weeks of stretching every night",
        ).source,
    ),
)


def _minutes(value: float) -> Message:
    return QT_TRANSLATE_NOOP("Safety", "{minutes} minutes").format(minutes=Number(value))


def _listed(names: Sequence[Message], last_two: Message) -> Message:
    """A list in words ("a and b", "a, b and c"): one message per joint, for any language."""
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return last_two.format(first=names[0], last=names[1])
    return QT_TRANSLATE_NOOP("Safety", "{first}, {rest}").format(
        first=names[0], rest=_listed(names[1:], last_two)
    )


def _signs(signs: Iterable[Symptom]) -> Message:
    chosen = set(signs)
    return _listed(  # in the declared order
        [SYMPTOM_MESSAGES[s] for s in Symptom if s in chosen],
        QT_TRANSLATE_NOOP("Safety", "{first} and {last}"),
    )


def _logged(signs: Iterable[Symptom], why: Message) -> Message:
    return QT_TRANSLATE_NOOP("Safety", "You logged {signs} with this cramp. {why}").format(
        signs=_signs(signs), why=why
    )


_CLOT_SIGNS = frozenset({Symptom.WARMTH, Symptom.REDNESS, Symptom.TENDERNESS})
_LONG_TITLE = QT_TRANSLATE_NOOP("Safety", "A cramp lasting more than 10 minutes")


def _urgent_signs(cramp: CrampEvent, signs: set[Symptom], clot_fired: bool) -> list[SafetyWarning]:
    out: list[SafetyWarning] = []
    breath = sorted(signs & {Symptom.BREATHLESS, Symptom.CHEST_PAIN})
    if breath:
        out.append(
            SafetyWarning(
                id="breathless-chest-pain",
                level=Level.EMERGENCY,
                title_message=QT_TRANSLATE_NOOP(
                    "Safety", "Short of breath or chest pain with a leg cramp"
                ),
                reason_message=_logged(
                    breath,
                    QT_TRANSLATE_NOOP(
                        "Safety",
                        "Together with a painful leg this can be serious (a blood clot can "
                        "travel to the lungs). Only a doctor can tell, and it cannot wait.",
                    ),
                ),
                action_message=_EMERGENCY_ACTION,
            )
        )
    if clot_fired:
        out.append(
            SafetyWarning(
                id="calf-clot-signs",
                level=Level.URGENT,
                title_message=QT_TRANSLATE_NOOP("Safety", "A swollen, warm, red or tender leg"),
                reason_message=_logged(
                    signs & (_CLOT_SIGNS | {Symptom.SWELLING}),
                    QT_TRANSLATE_NOOP(
                        "Safety",
                        "A calf that is swollen, warm, red or tender needs a doctor to check it "
                        "today: it can be a sign of a blood clot. This is not a diagnosis; only "
                        "a doctor can tell.",
                    ),
                ),
                action_message=_URGENT_ACTION,
            )
        )
    long_cramp = cramp.minutes is not None and cramp.minutes > LONG_CRAMP_MIN
    if long_cramp or (Symptom.NOT_EASING in signs and cramp.minutes is None):
        reason = (
            QT_TRANSLATE_NOOP(
                "Safety",
                "You logged a cramp that lasted {minutes}. NHS advice is to get help urgently "
                "when a cramp lasts more than {limit} minutes and does not ease.",
            ).format(minutes=_minutes(cramp.minutes))
            if cramp.minutes is not None
            else QT_TRANSLATE_NOOP(
                "Safety",
                "You logged a cramp that does not ease. NHS advice is to get help urgently "
                "when a cramp lasts more than {limit} minutes and does not ease.",
            )
        )
        out.append(
            SafetyWarning(
                id="long-cramp",
                level=Level.URGENT,
                title_message=_LONG_TITLE,
                reason_message=reason.format(limit=f"{LONG_CRAMP_MIN:g}"),
                action_message=_URGENT_ACTION,
            )
        )
    cause = sorted(signs & {Symptom.WOUND, Symptom.TOXIN})
    if cause:
        out.append(
            SafetyWarning(
                id="wound-or-toxin",
                level=Level.URGENT,
                title_message=QT_TRANSLATE_NOOP("Safety", "A cramp after a wound or a toxin"),
                reason_message=_logged(
                    cause,
                    QT_TRANSLATE_NOOP(
                        "Safety",
                        "Cramps after a wound or cut (tetanus) or after contact with toxins "
                        "such as lead or mercury need a doctor urgently.",
                    ),
                ),
                action_message=_URGENT_ACTION,
            )
        )
    return out


def check_episode(cramp: CrampEvent, health: HealthProfile | None = None) -> list[SafetyWarning]:
    """Warnings for one episode, most urgent first; every door that logs a cramp shows them.

    Works at any hour: a daytime cramp is checked like a night one.
    """
    signs = set(cramp.symptoms)
    one_calf = cramp.leg is not Leg.BOTH and cramp.muscle is Muscle.CALF
    clot_fired = bool(signs & _CLOT_SIGNS or (Symptom.SWELLING in signs and one_calf))
    out = _urgent_signs(cramp, signs, clot_fired)
    see = [
        (
            "numb-or-weak",
            {Symptom.NUMBNESS, Symptom.WEAKNESS} | ({Symptom.SWELLING} if not one_calf else set()),
            QT_TRANSLATE_NOOP("Safety", "Numbness, swelling or weak muscles"),
            QT_TRANSLATE_NOOP(
                "Safety",
                "Numb or swollen legs, or muscles getting smaller or weaker, are worth a "
                "clinician's look.",
            ),
        ),
        (
            "circulation",
            {Symptom.WALKING_PAIN, Symptom.COLD_FOOT},
            QT_TRANSLATE_NOOP("Safety", "Signs about the blood flow in the legs"),
            QT_TRANSLATE_NOOP(
                "Safety",
                "Calf pain after walking a set distance that eases with rest, or a cold, pale "
                "foot, can be about the circulation; a clinician should check it.",
            ),
        ),
        (
            "new-medicine",
            {Symptom.NEW_MEDICINE},
            QT_TRANSLATE_NOOP("Safety", "Cramps since a new medicine"),
            QT_TRANSLATE_NOOP(
                "Safety",
                "Some medicines can bring on cramps. Ask your doctor or pharmacist about it, "
                "and never stop a medicine on your own.",
            ),
        ),
        (
            "urge-to-move",
            {Symptom.URGE_TO_MOVE},
            QT_TRANSLATE_NOOP("Safety", "An urge to move the legs"),
            QT_TRANSLATE_NOOP(
                "Safety",
                "An urge to move the legs that moving relieves is more like restless legs "
                "than cramp; a clinician can tell them apart.",
            ),
        ),
    ]
    for rule_id, rule_signs, title, why in see:
        hit = sorted(signs & rule_signs)
        if hit and not (rule_id == "numb-or-weak" and hit == [Symptom.SWELLING] and clot_fired):
            out.append(
                SafetyWarning(
                    id=rule_id,
                    level=Level.SEE_DOCTOR,
                    title_message=title,
                    reason_message=_logged(hit, why),
                    action_message=_SEE_ACTION,
                )
            )
    if health is not None:
        out.extend(_profile_warning(health))
    return by_urgency(out)


def _profile_warning(health: HealthProfile) -> list[SafetyWarning]:
    conditions = health.see_doctor_conditions()
    if not conditions:
        return []
    names = _listed(conditions, QT_TRANSLATE_NOOP("Safety", "{first} or {last}"))
    return [
        SafetyWarning(
            id="health-profile",
            level=Level.SEE_DOCTOR,
            title_message=QT_TRANSLATE_NOOP(
                "Safety", "Cramps with a condition a doctor should know about"
            ),
            reason_message=QT_TRANSLATE_NOOP(
                "Safety",
                "Your health profile says {conditions}. Cramps with it are worth telling your "
                "doctor or midwife about, rather than managing them alone.",
            ).format(conditions=names),
            action_message=_SEE_ACTION,
        )
    ]


def check_log(
    cramps_by_night: Mapping[date, Sequence[CrampEvent]],
    routine_nights: Collection[date],
    last_night: date,
    episodes: Sequence[CrampEvent] = (),
    health: HealthProfile | None = None,
) -> list[SafetyWarning]:
    """Warnings for the log as of ``last_night`` (the most recent finished night).

    ``cramps_by_night`` maps a night (the day it began) to its night cramps and
    ``routine_nights`` holds the nights the bedtime routine was done; both need
    to cover at least the ``ROUTINE_NIGHTS`` nights up to ``last_night``.
    ``episodes`` are every cramp up to now, day or night, tonight's too: each
    is checked with ``check_episode`` (the signs of the last two weeks), so a
    25-minute cramp at 18:30 is urgent in the review as it was when logged.
    """
    warnings = _episode_warnings(episodes, health)
    seen = {w.id for w in warnings}
    span = QT_TRANSLATE_NOOP("Safety", "the {nights} nights to {weekday} {day} {month}").format(
        nights=RECENT_NIGHTS,
        weekday=_WEEKDAYS[last_night.weekday()],
        day=last_night.day,
        month=_MONTHS[last_night.month - 1],
    )
    recent = [last_night - timedelta(days=i) for i in range(RECENT_NIGHTS)]
    recent_cramps = [c for night in recent for c in cramps_by_night.get(night, ())]

    if "long-cramp" not in seen:
        warnings.extend(_long_cramps(recent_cramps, span))
    warnings.extend(_frequent(cramps_by_night, recent, span))
    warnings.extend(_no_improvement(cramps_by_night, routine_nights, last_night))
    return by_urgency(warnings)


def _episode_warnings(
    episodes: Sequence[CrampEvent], health: HealthProfile | None
) -> list[SafetyWarning]:
    """Each sign logged with a cramp in the two weeks up to the newest one, once."""
    newest = max((c.at for c in episodes), default=None)
    if newest is None:
        return []
    since = newest - timedelta(days=RECENT_NIGHTS)
    out: list[SafetyWarning] = []
    seen: set[str] = set()
    for c in sorted(episodes, key=lambda c: c.at, reverse=True):
        if c.at < since:
            break
        for w in check_episode(c):
            if w.id not in seen:
                seen.add(w.id)
                out.append(w)
    if health is not None:
        out.extend(_profile_warning(health))
    return out


# Day and month names of our own: strftime's are English whatever the language.
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Safety", "Mon"),
    QT_TRANSLATE_NOOP("Safety", "Tue"),
    QT_TRANSLATE_NOOP("Safety", "Wed"),
    QT_TRANSLATE_NOOP("Safety", "Thu"),
    QT_TRANSLATE_NOOP("Safety", "Fri"),
    QT_TRANSLATE_NOOP("Safety", "Sat"),
    QT_TRANSLATE_NOOP("Safety", "Sun"),
)
_MONTHS = (
    QT_TRANSLATE_NOOP("Safety", "Jan"),
    QT_TRANSLATE_NOOP("Safety", "Feb"),
    QT_TRANSLATE_NOOP("Safety", "Mar"),
    QT_TRANSLATE_NOOP("Safety", "Apr"),
    QT_TRANSLATE_NOOP("Safety", "May"),
    QT_TRANSLATE_NOOP("Safety", "Jun"),
    QT_TRANSLATE_NOOP("Safety", "Jul"),
    QT_TRANSLATE_NOOP("Safety", "Aug"),
    QT_TRANSLATE_NOOP("Safety", "Sep"),
    QT_TRANSLATE_NOOP("Safety", "Oct"),
    QT_TRANSLATE_NOOP("Safety", "Nov"),
    QT_TRANSLATE_NOOP("Safety", "Dec"),
)


def _long_cramps(recent_cramps: Sequence[CrampEvent], span: Message) -> list[SafetyWarning]:
    long_ones = [c for c in recent_cramps if c.minutes is not None and c.minutes > LONG_CRAMP_MIN]
    if not long_ones:
        return []
    longest = max(c.minutes or 0.0 for c in long_ones)
    return [
        SafetyWarning(
            id="long-cramp",
            level=Level.URGENT,
            title_message=_LONG_TITLE,
            reason_message=plural(
                len(long_ones),
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "In {span} you logged {n} cramp lasting more than {limit} minutes "
                    "(the longest: {longest}). A cramp that long and not easing needs a "
                    "clinician urgently.",
                ),
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "In {span} you logged {n} cramps lasting more than {limit} minutes "
                    "(the longest: {longest}). A cramp that long and not easing needs a "
                    "clinician urgently.",
                ),
            ).format(span=span, limit=f"{LONG_CRAMP_MIN:g}", longest=_minutes(longest)),
            action_message=_URGENT_ACTION,
        )
    ]


def _frequent(
    cramps_by_night: Mapping[date, Sequence[CrampEvent]], recent: Sequence[date], span: Message
) -> list[SafetyWarning]:
    warnings: list[SafetyWarning] = []
    cramp_nights = sum(1 for night in recent if cramps_by_night.get(night))
    if cramp_nights >= MOST_NIGHTS:
        warnings.append(
            SafetyWarning(
                id="most-nights",
                level=Level.SEE_DOCTOR,
                title_message=QT_TRANSLATE_NOOP("Safety", "Cramps on most nights for two weeks"),
                reason_message=QT_TRANSLATE_NOOP(
                    "Safety",
                    "You had cramps on {nights} of {span}. "
                    "Cramps that come this often are worth a clinician's look.",
                ).format(nights=cramp_nights, span=span),
                action_message=_SEE_ACTION,
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
                title_message=QT_TRANSLATE_NOOP(
                    "Safety", "Strong cramps that can disturb your sleep"
                ),
                reason_message=QT_TRANSLATE_NOOP(
                    "Safety",
                    "On {nights} of {span} you logged a cramp of severity {severity} or more "
                    "(out of 10). Cramps that disturb sleep or daily life are a reason to see "
                    "a clinician.",
                ).format(nights=strong_nights, span=span, severity=STRONG_SEVERITY),
                action_message=_SEE_ACTION,
            )
        )

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
            title_message=QT_TRANSLATE_NOOP(
                "Safety", "No improvement after about six weeks of the routine"
            ),
            reason_message=QT_TRANSLATE_NOOP(
                "Safety",
                "You did the bedtime routine on {done} of the last {period} nights, "
                "yet you had cramps on {last} of the last {recent} nights, "
                "against {first} of {recent} in the first two weeks. The "
                "stretching trial lasted six weeks, so this is a sensible time to ask a "
                "clinician (our inference, not a guideline).",
            ).format(
                done=done,
                period=ROUTINE_NIGHTS,
                last=last_nights,
                recent=RECENT_NIGHTS,
                first=first_nights,
            ),
            action_message=_SEE_ACTION,
        )
    ]
