"""``crampcoach review [--week YYYY-Www] [--format text|json|csv]``: the weekly review.

Opens the log read-only (no lock, committed files only), so it works while the
app runs, and reads only the weeks the review needs.  ``text`` is the grid,
the headline numbers, the cramp diary and any warning signs; ``json`` is
``WeekReview.to_dict`` (``week``, ``days``, ``adherence``, ``cramps``,
``warnings``, ...); ``csv`` is one row per day of the grid.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from crampcoach import exits
from crampcoach.cli import CliError, add_format

if TYPE_CHECKING:
    from crampcoach.core.review import WeekReview

DAY_COLUMNS = (
    "day",
    "weekday",
    "bedtime",
    "bedtime_skip",
    "stretch",
    "stretch_sessions",
    "stretch_partial",
    "stretch_skip",
    "water",
    "water_ml",
    "water_goal_ml",
    "cramps",
    "max_severity",
)


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``review`` command."""
    cmd = sub.add_parser(
        "review",
        help="the weekly review: plan done, streaks, cramps, warning signs",
        description="Show a week of the log against the plan (works while the app runs). "
        "General information, not medical advice.",
        parents=[common],
    )
    cmd.add_argument(
        "--week",
        metavar="YYYY-Www",
        help="the ISO week to review, e.g. 2026-W05 (default: this week)",
    )
    add_format(cmd, "text", "json", "csv")
    cmd.set_defaults(func=_review)


def _review(args: argparse.Namespace) -> int:
    from crampcoach import paths
    from crampcoach.core import day, review
    from crampcoach.store import Store, StoreError

    week = None
    if args.week:
        try:
            week = review.IsoWeek.parse(args.week)
        except review.ReviewError as exc:
            raise CliError(f"--week: {exc}") from None
    folder = paths.data_dir(args.data_dir)
    clock = args.clock
    tz = clock.tz
    try:
        with Store.open(folder, clock=args.clock, read_only=True) as store:
            settings = store.settings()
            today = day.log_day(clock.now(), settings, tz)
            result = review.load(store, settings, tz, week or review.IsoWeek.of(today), today)
            for line in store.untold():  # after the reads: older months are read lazily
                print(f"crampcoach: {line}", file=sys.stderr)
    except StoreError as exc:
        raise CliError(str(exc), code=exits.for_error(exc)) from None
    if args.format == "json":
        sys.stdout.write(review.to_json(result) + "\n")
    elif args.format == "csv":
        sys.stdout.write(days_csv(result))
    else:
        sys.stdout.write(review.to_text(result))
    return 0


def days_csv(result: WeekReview) -> str:
    """The grid as CSV: a header row, then one row per day."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=DAY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in result.days:
        data = row.to_dict()
        writer.writerow({k: "" if data[k] is None else data[k] for k in DAY_COLUMNS})
    return buffer.getvalue()
