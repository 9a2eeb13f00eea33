"""The weekly adherence review: plan items per day, adherence, streaks, cramp statistics.

``model.py`` holds what a review is made of, ``stats.py`` computes it from the
log and ``wording.py`` says it (plain text, the grid, the JSON form); this
module is the one callers import.

Pure: events, settings, a timezone and an ISO week in; a frozen ``WeekReview``
out.  The Qt review window, the PDF export and ``crampcoach review`` all show
the same object.

Rules, stated once:

- A week is an ISO week (Monday first) in local time.  A plan item's day is
  ``events.local_day`` with the ``day_boundary`` setting, so a bedtime routine
  at 00:30 counts for the evening before.
- Night cramps belong to a *night*: the 24 hours from noon of a day to noon of
  the next (``NIGHT_BOUNDARY``), so a cramp at 05:30 follows the bedtime routine
  of the evening before whatever the day boundary is.  Each night's outcome is
  known (a check-in or diary night cramps) or unknown, never guessed as zero
  (``core.nights``); a cramp during exercise or at 17:00 is a daytime cramp.
- Plan items: the bedtime routine every night; ``plan_stretch_per_week``
  stretch / warm-up / cool-down sessions a week.  "Plan done" is those two;
  water up to the goal is shown beside it, not in it, because the evidence
  for drinking more is weak (evidence.md).  The goal follows a fluid limit.
- Days before the user started (the ``first_day`` setting, or the first
  entry in the log) are "before you started", never "missed".
- A REST or SICK skip excuses the day (not planned, does not break a streak);
  an OTHER skip is shown as skipped but counts as missed.  Today is "pending"
  until done; later days are "future".  Neither counts against you.
- On a personal trial's night *without* the routine (``core.trial``) the
  bedtime routine is not planned: not "missed", no break in the streak, and
  the night counts in the "without" group; while a trial is on, the
  comparison says the trial's result is the fairer answer.
- A bedtime session that was only partly done (some steps skipped) keeps the
  streak going and counts in it; tonight is not over until the day ends.
- Cramps after nights with the bedtime routine vs without are compared over
  *known* nights only (rest / sick skips and partial routines in neither
  group), with the difference and a 95 % interval (``core.stats``, a normal
  approximation), and no verdict until each group has at least
  ``MIN_NIGHTS_PER_GROUP`` known nights.  The text always says it is the
  user's own log, not proof.
"""

from crampcoach.core.events import EventSource
from crampcoach.core.nights import NIGHT_BOUNDARY
from crampcoach.core.review.model import (
    EXCUSED,
    HISTORY_DAYS,
    MIN_NIGHTS_PER_GROUP,
    SERIES_WEEKS,
    Adherence,
    CrampStats,
    DayRow,
    IsoWeek,
    PlanItem,
    ReviewError,
    RoutineEffect,
    Status,
    Streak,
    WeekReview,
    WeekSummary,
)
from crampcoach.core.review.stats import (
    compute,
    load,
    query_range,
    reviewed_week,
    week_in_review,
)
from crampcoach.core.review.wording import (
    GRID_LABELS,
    GRID_ROWS,
    cell_message,
    cell_status,
    cell_text,
    diary_line,
    effect_message,
    effect_summary,
    grid_label,
    grid_label_message,
    headline,
    headline_messages,
    notification,
    skip_message,
    to_dict,
    to_json,
    to_text,
    week_title,
    week_title_message,
)

__all__ = [
    "EXCUSED",
    "GRID_LABELS",
    "GRID_ROWS",
    "HISTORY_DAYS",
    "MIN_NIGHTS_PER_GROUP",
    "NIGHT_BOUNDARY",
    "SERIES_WEEKS",
    "Adherence",
    "CrampStats",
    "DayRow",
    "EventSource",
    "IsoWeek",
    "PlanItem",
    "ReviewError",
    "RoutineEffect",
    "Status",
    "Streak",
    "WeekReview",
    "WeekSummary",
    "cell_message",
    "cell_status",
    "cell_text",
    "compute",
    "diary_line",
    "effect_message",
    "effect_summary",
    "grid_label",
    "grid_label_message",
    "headline",
    "headline_messages",
    "load",
    "notification",
    "query_range",
    "reviewed_week",
    "skip_message",
    "to_dict",
    "to_json",
    "to_text",
    "week_in_review",
    "week_title",
    "week_title_message",
]
