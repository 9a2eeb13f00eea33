"""``crampcoach day rest|sick`` and ``crampcoach reminders pause|resume``.

For people without a tray (stock GNOME) and for past days: the same records
the main window makes.  A day off is written like ``crampcoach log`` writes
(through the running app when it holds the log); a pause is the
``reminders_paused_until`` setting, written like ``crampcoach settings set``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from crampcoach.cli import CliError, add_format

if TYPE_CHECKING:
    from crampcoach.core.events import Event
    from crampcoach.core.settings import Settings


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``day`` and ``reminders`` commands."""
    day = sub.add_parser(
        "day", help="mark today or a past day as a rest or sick day", parents=[common]
    )
    kinds = day.add_subparsers(dest="day_command", metavar="KIND", required=True)
    for kind, text in (("rest", "a planned rest day"), ("sick", "a day you were unwell")):
        p = kinds.add_parser(
            kind, help=f"{text}: nothing that day counts as missed", parents=[common]
        )
        p.add_argument(
            "--date",
            default="today",
            metavar="DATE",
            help="YYYY-MM-DD, 'today' or 'yesterday' (default: today's log day)",
        )
        p.add_argument("--note", default="", help="a few words to remember it by")
        add_format(p)
        p.set_defaults(func=_day_off, reason=kind)

    rem = sub.add_parser("reminders", help="pause or resume reminders", parents=[common])
    what = rem.add_subparsers(dest="reminders_command", metavar="ACTION", required=True)
    pause = what.add_parser(
        "pause", help="no reminders for a while (default: until tomorrow)", parents=[common]
    )
    how = pause.add_mutually_exclusive_group()
    how.add_argument("--hours", type=float, metavar="N", help="pause for N hours")
    how.add_argument("--until", metavar="ISO-8601", help="pause until this time (local time)")
    add_format(pause)
    pause.set_defaults(func=_pause)
    resume = what.add_parser("resume", help="reminders again from now", parents=[common])
    add_format(resume)
    resume.set_defaults(func=_resume)


def _settings(args: argparse.Namespace) -> Settings:
    from crampcoach import paths
    from crampcoach.store import Store, StoreError

    try:
        with Store.open(paths.data_dir(args.data_dir), clock=args.clock, read_only=True) as view:
            return view.settings()
    except StoreError as exc:
        raise CliError(str(exc), code=1) from None


def _day_off(args: argparse.Namespace) -> int:
    from crampcoach.cli.log import _record
    from crampcoach.core import days

    now, tz = args.clock.now(), args.clock.tz
    current = days.today(now, _settings(args), tz)
    try:
        day = days.parse_day(args.date, current)
        events = days.day_off(day, days.REASONS[args.reason], now, current, args.note)
    except days.DayError as exc:
        raise CliError(str(exc)) from None

    def describe(e: Event) -> str:
        return f"a {args.reason} day ({e.to_dict()['item']}) for {day}"

    if args.format != "json":
        for event in events:
            _record(args, _given(event), describe)
        return 0
    # One JSON document, the entries as stored, not one object a line per plan item.
    import json

    stored: list[object] = []

    def keep(_args: argparse.Namespace, e: Event, _text: str, _settings: Settings) -> None:
        stored.append(e.to_dict())

    try:
        for event in events:
            _record(args, _given(event), describe, report=keep)
    finally:  # what was written is told, even when a later entry fails
        print(json.dumps(stored, ensure_ascii=False))
    return 0


def _given(event: Event) -> Callable[[Settings], Event]:
    """``_record``'s event maker for an event that is already made."""
    return lambda _settings: event


def _set(args: argparse.Namespace, value: str) -> None:
    from crampcoach.cli.settings import _set as set_setting

    set_setting(
        argparse.Namespace(
            key="reminders_paused_until",
            value=value,
            data_dir=args.data_dir,
            format=args.format,
            clock=args.clock,
        )
    )


def _pause(args: argparse.Namespace) -> int:
    from crampcoach.core.day import wall_time
    from crampcoach.core.reminders import next_day_start

    now, tz = args.clock.now(), args.clock.tz
    if args.hours is not None:
        if not 0 < args.hours <= 24 * 14:
            raise CliError("--hours: expected more than 0 and at most 336 (two weeks)")
        until = now + timedelta(hours=args.hours)
    elif args.until is not None:
        try:
            until = datetime.fromisoformat(args.until.strip())
        except ValueError:
            raise CliError(
                f"--until: expected a time such as 2026-11-23T08:00, got {args.until!r}"
            ) from None
        until = until if until.tzinfo else wall_time(until.date(), until.time(), tz)
        if until <= now:
            raise CliError(f"--until: {until.isoformat()} has passed; give a later time")
    else:
        until = next_day_start(now, _settings(args), tz)
    _set(args, until.isoformat(timespec="minutes"))
    if args.format == "text":
        print(f"reminders paused until {until.astimezone(tz).strftime('%a %d %b %H:%M')}")
    return 0


def _resume(args: argparse.Namespace) -> int:
    _set(args, "")
    if args.format == "text":
        print("reminders resumed")
    return 0
