"""A weekly review in words: the plain text, the grid's cells, the headline, the reminder.

Also the JSON form (``crampcoach review --format json``), because it carries
the comparison's summary sentence, the checklist and the not-medical-advice
line.  Nothing here computes: the numbers come from ``model.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta, tzinfo
from typing import Any

from crampcoach.core import safety, stats
from crampcoach.core.events import SYMPTOM_LABELS, CrampEvent, SkipReason
from crampcoach.core.review.model import (
    HISTORY_DAYS,
    CrampStats,
    DayRow,
    IsoWeek,
    PlanItem,
    RoutineEffect,
    Status,
    WeekReview,
    rounded,
)
from crampcoach.core.text import QT_TRANSLATE_NOOP, Message, Number, plural


def effect_summary(e: RoutineEffect) -> str:
    """A few plain sentences in English; never a claim the counts cannot carry."""
    return str(effect_message(e))


def _cramps(count: int) -> Message:
    return plural(
        count, QT_TRANSLATE_NOOP("Review", "{n} cramp"), QT_TRANSLATE_NOOP("Review", "{n} cramps")
    )


def _effect_counts(e: RoutineEffect) -> tuple[Message, Message | str]:
    """The nights and cramps in each group, and the unknown nights left out (or "")."""
    with_routine = plural(
        e.nights_with,
        QT_TRANSLATE_NOOP("Review", "{n} known night with the bedtime routine"),
        QT_TRANSLATE_NOOP("Review", "{n} known nights with the bedtime routine"),
    )
    counts = QT_TRANSLATE_NOOP(
        "Review", "{with_routine} ({cramps_with}), {without} without ({cramps_without})"
    ).format(
        with_routine=with_routine,
        cramps_with=_cramps(e.cramps_with),
        without=e.nights_without,
        cramps_without=_cramps(e.cramps_without),
    )
    unknown: Message | str = ""
    if e.unknown:
        unknown = plural(
            e.unknown,
            QT_TRANSLATE_NOOP(
                "Review",
                " {n} night with no check-in or night cramp logged is unknown and left out.",
            ),
            QT_TRANSLATE_NOOP(
                "Review",
                " {n} nights with no check-in or night cramp logged are unknown and left out.",
            ),
        )
    return counts, unknown


_VERDICTS: dict[stats.Verdict, Message] = {
    stats.Verdict.FEWER: QT_TRANSLATE_NOOP(
        "Review", "Clearer fewer cramps after nights with the routine."
    ),
    stats.Verdict.MORE: QT_TRANSLATE_NOOP(
        "Review", "Clearer more cramps after nights with the routine."
    ),
    stats.Verdict.NO_CLEAR: QT_TRANSLATE_NOOP(
        "Review", "No clear difference between nights with and without it."
    ),
}


def effect_message(e: RoutineEffect) -> Message:
    """The with/without comparison in a few sentences, translated when shown."""
    counts, unknown = _effect_counts(e)
    diff = e.difference
    with_rate, without_rate = e.per_night_with, e.per_night_without
    if (
        diff is None
        or diff.low is None
        or diff.high is None
        or with_rate is None
        or without_rate is None
    ):
        return QT_TRANSLATE_NOOP(
            "Review",
            "Not enough nights yet to compare: it needs at least {min} known "
            "nights in each group. So far: {counts}.{unknown}",
        ).format(min=e.min_nights, counts=counts, unknown=unknown)
    fairer = (
        QT_TRANSLATE_NOOP("Review", "your personal trial's result is the fairer answer.")
        if e.trial
        else QT_TRANSLATE_NOOP("Review", "a personal trial is fairer.")
    )
    return QT_TRANSLATE_NOOP(
        "Review",
        "{verdict} With the bedtime routine: {with_rate} cramps a night; "
        "without: {without_rate}; difference {difference} "
        "(95 % interval {low} to {high}, {method}). "
        "From {counts}.{unknown} Your own log, not proof; {fairer}",
    ).format(
        verdict=_VERDICTS[diff.verdict],
        with_rate=Number(with_rate, 2),
        without_rate=Number(without_rate, 2),
        difference=Number(diff.estimate, 2, signed=True),
        low=Number(diff.low, 2, signed=True),
        high=Number(diff.high, 2, signed=True),
        method=stats.METHODS.get(diff.method, diff.method),
        counts=counts,
        unknown=unknown,
        fairer=fairer,
    )


def effect_to_dict(e: RoutineEffect) -> dict[str, Any]:
    """The comparison's JSON-ready form, its summary in words."""
    diff = e.difference
    return {
        "nights_with_routine": e.nights_with,
        "cramps_with_routine": e.cramps_with,
        "nights_without_routine": e.nights_without,
        "cramps_without_routine": e.cramps_without,
        "unknown_nights_with_routine": e.unknown_with,
        "unknown_nights_without_routine": e.unknown_without,
        "per_night_with_routine": rounded(e.per_night_with, 2),
        "per_night_without_routine": rounded(e.per_night_without, 2),
        "difference": None if diff is None else diff.to_dict(),
        "verdict": e.verdict.value,
        "min_nights_per_group": e.min_nights,
        "enough_data": e.enough,
        "from": e.first_night.isoformat() if e.first_night else None,
        "to": e.last_night.isoformat() if e.last_night else None,
        "summary": effect_summary(e),
    }


def cramps_to_dict(cs: CrampStats, tz: tzinfo) -> dict[str, Any]:
    """The cramps' JSON-ready form; episode times in local time."""
    return {
        "episodes": cs.episodes,
        "nights": cs.nights,
        "known_nights": cs.known_nights,
        "unknown_nights": cs.unknown_nights,
        "daytime_episodes": cs.day_episodes,
        "mean_severity": rounded(cs.mean_severity, 1),
        "longest_minutes": cs.longest_minutes,
        "with_vs_without_routine": effect_to_dict(cs.effect),
        "log": [
            {
                "id": c.id,
                "at": c.at.astimezone(tz).isoformat(timespec="minutes"),
                "leg": c.leg.value,
                "muscle": c.muscle.value,
                "severity": c.severity,
                "minutes": c.minutes,
                "context": c.context.value if c.context else None,
                "note": c.note,
                "symptoms": [s.value for s in c.symptoms],
                "night": c.id in cs.night_ids,
            }
            for c in cs.log
        ],
    }


def to_dict(r: WeekReview) -> dict[str, Any]:
    """JSON-ready form (the ``crampcoach review --format json`` output)."""
    return {
        "week": str(r.week),
        "from": r.week.monday.isoformat(),
        "to": (r.week.monday + timedelta(days=6)).isoformat(),
        "in_progress": r.in_progress,
        "days": [d.to_dict() for d in r.days],
        "adherence": {
            **{item.value: a.to_dict() for item, a in r.adherence.items()},
            "overall_percent": rounded(r.overall),
        },
        "streak": {
            "current": r.streak.current,
            "best": r.streak.best,
            "best_within_days": HISTORY_DAYS,
            "current_at_least": r.streak.capped,
        },
        "previous_week": r.previous.to_dict(),
        "series": [s.to_dict() for s in r.series],
        "cramps": cramps_to_dict(r.cramps, r.tz),
        "warnings": [w.to_dict() for w in r.warnings],
        "checklist": [{"level": c.level.value, "text": c.text} for c in safety.CHECKLIST],
        "note": safety.NOT_MEDICAL_ADVICE,
    }


def to_json(r: WeekReview) -> str:
    """``to_dict`` as indented JSON."""
    return json.dumps(to_dict(r), indent=2, ensure_ascii=False)


def headline(r: WeekReview) -> list[str]:
    """The headline numbers as short plain lines, in English."""
    return [str(line) for line in headline_messages(r)]


def _overall(value: float | None) -> Message:
    if value is None:
        return QT_TRANSLATE_NOOP("Review", "nothing planned")
    return QT_TRANSLATE_NOOP("Review", "{percent}%").format(percent=f"{value:.0f}")


def _plan_done(r: WeekReview) -> Message:
    prev = r.previous.overall
    trend: Message | str = ""
    if r.overall is not None and prev is not None:
        diff = round(r.overall - prev)
        trend = QT_TRANSLATE_NOOP("Review", " ({points} points on last week)").format(
            points=f"{'+' if diff >= 0 else ''}{diff}"
        )
    water = r.adherence[PlanItem.WATER]
    beside: Message | str = ""
    if water.planned:
        beside = QT_TRANSLATE_NOOP(
            "Review", "; water goal reached {done} of {planned} days (not in plan done)"
        ).format(done=water.done, planned=water.planned)
    line = (
        QT_TRANSLATE_NOOP(
            "Review",
            "Plan done so far: {overall}{trend} (bedtime routine and stretching){water}",
        )
        if r.in_progress
        else QT_TRANSLATE_NOOP(
            "Review", "Plan done: {overall}{trend} (bedtime routine and stretching){water}"
        )
    )
    return line.format(overall=_overall(r.overall), trend=trend, water=beside)


def _night_cramps(c: CrampStats) -> Message:
    if not (c.known_nights or c.episodes or c.day_episodes):
        # The first days: say what to do instead of "0 on 0 nights of 0 known".
        return QT_TRANSLATE_NOOP(
            "Review",
            "Night cramps: no night known yet. Each morning, answer "
            "“How was last night?”; log a cramp when one comes.",
        )
    sev: Message | str = ""
    if c.mean_severity is not None:
        sev = QT_TRANSLATE_NOOP("Review", ", mean severity {severity}/10").format(
            severity=Number(c.mean_severity, 1)
        )
    unknown: Message | str = ""
    if c.unknown_nights:
        unknown = plural(
            c.unknown_nights,
            QT_TRANSLATE_NOOP("Review", "; {n} night unknown"),
            QT_TRANSLATE_NOOP("Review", "; {n} nights unknown"),
        )
    day: Message | str = ""
    if c.day_episodes:
        day = QT_TRANSLATE_NOOP("Review", "; daytime cramps: {count}").format(count=c.day_episodes)
    return plural(
        c.nights,
        QT_TRANSLATE_NOOP(
            "Review",
            "Night cramps: {episodes} on {n} night of {known} known{severity}{unknown}{day}",
        ),
        QT_TRANSLATE_NOOP(
            "Review",
            "Night cramps: {episodes} on {n} nights of {known} known{severity}{unknown}{day}",
        ),
    ).format(episodes=c.episodes, known=c.known_nights, severity=sev, unknown=unknown, day=day)


def headline_messages(r: WeekReview) -> list[Message]:
    """The headline numbers as short lines, translated when shown."""
    return [_plan_done(r), *_plan_lines(r), _night_cramps(r.cramps)]


def _bedtime_line(r: WeekReview) -> Message:
    bed = r.adherence[PlanItem.BEDTIME]
    off = sum(1 for row in r.days if row.trial_off and row.bedtime is Status.NOT_PLANNED)
    if not (bed.planned or off):
        if r.in_progress:
            return QT_TRANSLATE_NOOP(
                "Review",
                "Bedtime routine: no night to count yet; the first is the coming bedtime.",
            )
        return QT_TRANSLATE_NOOP("Review", "Bedtime routine: no night to count this week.")
    trial: Message | str = ""
    if off:
        trial = plural(
            off,
            QT_TRANSLATE_NOOP("Review", " ({n} trial night without it, as planned)"),
            QT_TRANSLATE_NOOP("Review", " ({n} trial nights without it, as planned)"),
        )
    return QT_TRANSLATE_NOOP("Review", "Bedtime routine: {done} of {planned} nights{trial}").format(
        done=bed.done, planned=bed.planned, trial=trial
    )


def _stretch_line(r: WeekReview) -> Message:
    st = r.adherence[PlanItem.STRETCH]
    if st.planned:
        return QT_TRANSLATE_NOOP(
            "Review", "Stretch / warm-up sessions: {done} of {planned}"
        ).format(done=st.done, planned=st.planned)
    if st.done:
        # Early in the week the prorated target is still 0: "1 of 0" would read as nonsense.
        return QT_TRANSLATE_NOOP(
            "Review", "Stretch / warm-up sessions: {done} (none due yet this week)"
        ).format(done=st.done)
    return QT_TRANSLATE_NOOP("Review", "Stretch / warm-up sessions: none planned this week.")


def _plan_lines(r: WeekReview) -> list[Message]:
    """Bedtime routine, stretching and the streak; words, not "0 of 0", when none is due."""
    if r.streak.best or r.streak.current:
        streak = QT_TRANSLATE_NOOP(
            "Review", "Bedtime streak: {streak} nights (best {best})"
        ).format(streak=f"{r.streak.current}{'+' if r.streak.capped else ''}", best=r.streak.best)
    else:
        streak = QT_TRANSLATE_NOOP(
            "Review", "Bedtime streak: none yet; it begins with the first bedtime routine done."
        )
    return [_bedtime_line(r), _stretch_line(r), streak]


def notification(r: WeekReview) -> tuple[Message, Message]:
    """Title and body for the weekly "your week in review" reminder (translated when shown)."""
    bed = r.adherence[PlanItem.BEDTIME]
    done = (
        QT_TRANSLATE_NOOP("Reminders", "nothing planned")
        if r.overall is None
        else QT_TRANSLATE_NOOP("Reminders", "{percent}%").format(percent=f"{r.overall:.0f}")
    )
    known = r.cramps.known_nights
    body = plural(
        known,
        QT_TRANSLATE_NOOP(
            "Reminders",
            "Bedtime routine on {done} of {planned} nights, plan done {overall}, "
            "cramps on {cramps} of {n} known night.",
        ),
        QT_TRANSLATE_NOOP(
            "Reminders",
            "Bedtime routine on {done} of {planned} nights, plan done {overall}, "
            "cramps on {cramps} of {n} known nights.",
        ),
    ).format(done=bed.done, planned=bed.planned, overall=done, cramps=r.cramps.nights)
    if r.warnings:
        body = QT_TRANSLATE_NOOP(
            "Reminders", "{week} Your log matches a warning sign: please open the review."
        ).format(week=body)
    return QT_TRANSLATE_NOOP("Reminders", "Your week in review"), body


GRID_ROWS: tuple[str, ...] = ("bedtime", "stretch", "water", "cramps")
GRID_LABELS: dict[str, Message] = {
    "bedtime": QT_TRANSLATE_NOOP("Review", "Bedtime routine"),
    "stretch": QT_TRANSLATE_NOOP("Review", "Stretch / warm-up"),
    "water": QT_TRANSLATE_NOOP("Review", "Water"),
    "cramps": QT_TRANSLATE_NOOP("Review", "Cramps that night"),
}
_SKIPPED: dict[SkipReason | None, Message] = {
    None: QT_TRANSLATE_NOOP("Review", "skipped"),
    SkipReason.REST: QT_TRANSLATE_NOOP("Review", "skipped (rest)"),
    SkipReason.SICK: QT_TRANSLATE_NOOP("Review", "skipped (sick)"),
    SkipReason.OTHER: QT_TRANSLATE_NOOP("Review", "skipped (other)"),
}


def skip_message(reason: SkipReason | None) -> Message:
    """A skipped plan item, with its reason if one was given."""
    return _SKIPPED[reason]


_NOTHING = Message("Review", "")  # an empty cell: nothing to translate
_PARTIAL = QT_TRANSLATE_NOOP("Review", "½ partial")
_BEDTIME_CELLS: dict[Status, Message] = {
    Status.DONE: QT_TRANSLATE_NOOP("Review", "✓ done"),
    Status.PARTIAL: _PARTIAL,
    Status.MISSED: QT_TRANSLATE_NOOP("Review", "✗ missed"),
    Status.PENDING: QT_TRANSLATE_NOOP("Review", "tonight"),
    Status.BEFORE_START: QT_TRANSLATE_NOOP("Review", "before you started"),
}


def _bedtime_cell(row: DayRow) -> Message:
    if row.trial_off and row.bedtime in (Status.NOT_PLANNED, Status.PENDING, Status.FUTURE):
        return QT_TRANSLATE_NOOP("Review", "trial: none")
    if row.bedtime is Status.SKIPPED:
        return _SKIPPED[row.bedtime_skip]
    return _BEDTIME_CELLS.get(row.bedtime, _NOTHING)


def _stretch_cell(row: DayRow) -> Message:
    if row.stretch_sessions:
        if row.stretch_partial:
            return QT_TRANSLATE_NOOP("Review", "✓ {done} +{partial}½").format(
                done=row.stretch_sessions, partial=row.stretch_partial
            )
        return QT_TRANSLATE_NOOP("Review", "✓ {done}").format(done=row.stretch_sessions)
    if row.stretch is Status.PARTIAL:
        return _PARTIAL
    if row.stretch is Status.SKIPPED:
        return _SKIPPED[row.stretch_skip]
    return _NOTHING


def _water_cell(row: DayRow) -> Message:
    if row.water is Status.FUTURE:
        return _NOTHING
    if row.water is Status.SKIPPED:
        return _SKIPPED[None]
    if row.water is Status.NOT_PLANNED and not row.water_ml:
        return _NOTHING
    # The goal is in the row label (grid_label): cells stay short enough for a narrow grid.
    ml = {
        Status.DONE: QT_TRANSLATE_NOOP("Review", "✓ {ml} ml"),
        Status.MISSED: QT_TRANSLATE_NOOP("Review", "✗ {ml} ml"),
    }.get(row.water, QT_TRANSLATE_NOOP("Review", "{ml} ml"))
    return ml.format(ml=row.water_ml)


def _cramps_cell(row: DayRow) -> Message:
    if row.bedtime in (Status.FUTURE, Status.BEFORE_START, Status.PENDING):
        return _NOTHING
    if row.cramps is None:
        if row.night_source == "don't remember":
            return QT_TRANSLATE_NOOP("Review", "don't remember")
        return QT_TRANSLATE_NOOP("Review", "not logged")
    if row.cramps:
        if row.max_severity is None:
            return Message("Review", "{cramps}").format(cramps=row.cramps)  # a bare count
        return QT_TRANSLATE_NOOP("Review", "{cramps} (worst {severity}/10)").format(
            cramps=row.cramps, severity=row.max_severity
        )
    return QT_TRANSLATE_NOOP("Review", "none")


_CELLS: dict[str, Callable[[DayRow], Message]] = {
    "bedtime": _bedtime_cell,
    "stretch": _stretch_cell,
    "water": _water_cell,
    "cramps": _cramps_cell,
}


def cell_message(row: DayRow, item: str) -> Message:
    """The grid cell for ``item`` (one of GRID_ROWS) on ``row``'s day, translated when shown."""
    cell = _CELLS.get(item)
    if cell is None:
        raise ValueError(f"unknown grid row {item!r}; expected one of {GRID_ROWS}")
    return cell(row)


def cell_text(row: DayRow, item: str) -> str:
    """The grid cell for ``item`` (one of GRID_ROWS) on ``row``'s day, in plain English words."""
    return str(cell_message(row, item))


def grid_label_message(item: str, r: WeekReview) -> Message:
    """A grid row's label, translated when shown; the water row names the daily goal."""
    goal = r.days[0].water_goal_ml
    if item == "water" and goal > 0:
        return QT_TRANSLATE_NOOP("Review", "Water (goal {goal} ml)").format(goal=goal)
    return GRID_LABELS[item]


def grid_label(item: str, r: WeekReview) -> str:
    """A grid row's label in English."""
    return str(grid_label_message(item, r))


def cell_status(row: DayRow, item: str) -> Status | None:
    """The status a grid cell is coloured by (None for the cramp row)."""
    return {"bedtime": row.bedtime, "stretch": row.stretch, "water": row.water}.get(item)


def _english_day(day: date, with_year: bool) -> str:
    """E.g. "Mon 2 Mar" (strftime's names: English whatever the locale, as the CLI is)."""
    text = f"{day.strftime('%a')} {day.day} {day.strftime('%b')}"
    return f"{text} {day.year}" if with_year else text


def week_title_message(week: IsoWeek, day: Callable[[date, bool], str] = _english_day) -> Message:
    """The week's title; ``day(date, with_year)`` words its first and last day (the GUI's locale)."""
    first, last = week.monday, week.monday + timedelta(days=6)
    return QT_TRANSLATE_NOOP("Review", "Week {week}: {first} – {last}").format(
        week=str(week), first=day(first, False), last=day(last, True)
    )


def week_title(week: IsoWeek) -> str:
    """E.g. "Week 2026-W10: Mon 2 Mar – Sun 8 Mar 2026"."""
    return str(week_title_message(week))


def diary_line(c: CrampEvent, r: WeekReview) -> str:
    """One cramp of the diary in plain words."""
    local = c.at.astimezone(r.tz)
    mins = "" if c.minutes is None else f", {c.minutes:g} min"
    ctx = f", {c.context.value}" if c.context else ""
    when = "" if c.id in r.cramps.night_ids else " (daytime)"
    signs = f"; signs: {', '.join(SYMPTOM_LABELS[s] for s in c.symptoms)}" if c.symptoms else ""
    note = f" — {c.note}" if c.note else ""
    return (
        f"  {local.strftime('%a %d %b %H:%M')}  {c.leg.value} {c.muscle.value}, "
        f"severity {c.severity}/10{mins}{ctx}{when}{signs}{note}"
    )


def _grid_lines(r: WeekReview) -> list[str]:
    width = max(len(grid_label(i, r)) for i in GRID_ROWS)
    header = " " * width + "".join(f"  {d.day.strftime('%a %d'):<16}" for d in r.days)
    lines = [header.rstrip()]
    for item in GRID_ROWS:
        cells = "".join(f"  {cell_text(d, item):<16}" for d in r.days)
        lines.append(f"{grid_label(item, r):<{width}}{cells}".rstrip())
    return lines


def _checklist_lines() -> list[str]:
    lines: list[str] = []
    for level in safety.Level:
        lines.append("")
        lines.append(safety.CHECKLIST_HEADINGS[level])
        lines.extend(f"  - {item.text}" for item in safety.CHECKLIST if item.level is level)
    return lines


def to_text(r: WeekReview) -> str:
    """The review as plain text (``crampcoach review``)."""
    lines = [week_title(r.week) + (" (in progress)" if r.in_progress else ""), ""]
    # The urgent signs come first, before any number, with what to do before why.
    first = [w for w in r.warnings if w.level is not safety.Level.SEE_DOCTOR]
    lines.extend(f"{safety.LEVEL_LABELS[w.level]}: {w.title}. {w.action} {w.reason}" for w in first)
    if first:
        lines.append("")
    lines.extend(_grid_lines(r))
    lines.append("")
    lines.extend(headline(r))
    lines.append("")
    lines.append(effect_summary(r.cramps.effect))
    if r.cramps.log:
        lines.extend(["", "Cramp diary:"])
        lines.extend(diary_line(c, r) for c in r.cramps.log)
    later = [w for w in r.warnings if w.level is safety.Level.SEE_DOCTOR]
    if later:
        lines.append("")
        lines.extend(
            f"{safety.LEVEL_LABELS[w.level]}: {w.title}. {w.reason} {w.action}" for w in later
        )
    lines.extend(_checklist_lines())
    lines.append("")
    lines.append(safety.NOT_MEDICAL_ADVICE)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- computing
