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
from crampcoach.core.text import QT_TRANSLATE_NOOP, Message, plural


def effect_summary(e: RoutineEffect) -> str:
    """A few plain sentences; never a claim the counts cannot carry."""
    counts = (
        f"{_n(e.nights_with, 'known night')} with the bedtime routine "
        f"({_n(e.cramps_with, 'cramp')}), {e.nights_without} without "
        f"({_n(e.cramps_without, 'cramp')})"
    )
    unknown = (
        f" {_n(e.unknown, 'night')} with no check-in or night cramp logged "
        f"{'are' if e.unknown != 1 else 'is'} unknown and left out."
        if e.unknown
        else ""
    )
    diff = e.difference
    if diff is None or diff.low is None or diff.high is None:
        return (
            f"Not enough nights yet to compare: it needs at least {e.min_nights} known "
            f"nights in each group. So far: {counts}.{unknown}"
        )
    words = {
        stats.Verdict.FEWER: "Clearer fewer cramps after nights with the routine.",
        stats.Verdict.MORE: "Clearer more cramps after nights with the routine.",
        stats.Verdict.NO_CLEAR: "No clear difference between nights with and without it.",
    }[diff.verdict]
    return (
        f"{words} With the bedtime routine: {e.per_night_with:.2f} cramps a night; "
        f"without: {e.per_night_without:.2f}; difference {diff.estimate:+.2f} "
        f"(95 % interval {diff.low:+.2f} to {diff.high:+.2f}, {stats.TWO_GROUPS_METHOD}). "
        f"From {counts}.{unknown} Your own log, not proof; "
        + (
            "your personal trial's result is the fairer answer."
            if e.trial
            else "a personal trial is fairer."
        )
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
    """The headline numbers as short plain lines."""
    lines: list[str] = []
    overall = _pct(r.overall)
    prev = r.previous.overall
    trend = ""
    if r.overall is not None and prev is not None:
        diff = round(r.overall - prev)
        trend = f" ({'+' if diff >= 0 else ''}{diff} points on last week)"
    water = r.adherence[PlanItem.WATER]
    beside = (
        f"; water goal reached {water.done} of {water.planned} days (not in plan done)"
        if water.planned
        else ""
    )
    lines.append(
        f"Plan done{' so far' if r.in_progress else ''}: {overall}{trend}"
        f" (bedtime routine and stretching){beside}"
    )
    lines.extend(_plan_lines(r))
    c = r.cramps
    if not (c.known_nights or c.episodes or c.day_episodes):
        # The first days: say what to do instead of "0 on 0 nights of 0 known".
        lines.append(
            "Night cramps: no night known yet. Each morning, answer "
            "“How was last night?”; log a cramp when one comes."
        )
        return lines
    sev = "" if c.mean_severity is None else f", mean severity {c.mean_severity:.1f}/10"
    unknown = f"; {_n(c.unknown_nights, 'night')} unknown" if c.unknown_nights else ""
    day = f"; daytime cramps: {c.day_episodes}" if c.day_episodes else ""
    lines.append(
        f"Night cramps: {c.episodes} on {_n(c.nights, 'night')} of "
        f"{c.known_nights} known{sev}{unknown}{day}"
    )
    return lines


def _plan_lines(r: WeekReview) -> list[str]:
    """Bedtime routine, stretching and the streak; words, not "0 of 0", when none is due."""
    bed = r.adherence[PlanItem.BEDTIME]
    st = r.adherence[PlanItem.STRETCH]
    off = sum(1 for row in r.days if row.trial_off and row.bedtime is Status.NOT_PLANNED)
    trial = f" ({_n(off, 'trial night')} without it, as planned)" if off else ""
    lines = [
        f"Bedtime routine: {bed.done} of {bed.planned} nights{trial}"
        if bed.planned or off
        else (
            "Bedtime routine: no night to count yet; the first is the coming bedtime."
            if r.in_progress
            else "Bedtime routine: no night to count this week."
        ),
        f"Stretch / warm-up sessions: {st.done} of {st.planned}"
        if st.planned
        # Early in the week the prorated target is still 0: "1 of 0" would read as nonsense.
        else f"Stretch / warm-up sessions: {st.done} (none due yet this week)"
        if st.done
        else "Stretch / warm-up sessions: none planned this week.",
    ]
    if r.streak.best or r.streak.current:
        streak = f"{r.streak.current}{'+' if r.streak.capped else ''}"
        lines.append(f"Bedtime streak: {streak} nights (best {r.streak.best})")
    else:
        lines.append("Bedtime streak: none yet; it begins with the first bedtime routine done.")
    return lines


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


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _pct(value: float | None) -> str:
    return "nothing planned" if value is None else f"{value:.0f}%"


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
