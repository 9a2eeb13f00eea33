"""``crampcoach trial start|status|report|stop``: a personal n-of-1 trial (``core.trial``).

``start`` writes the whole design, the random seed included, to the log, so
the schedule of blocks can be rebuilt exactly; ``status`` says what tonight
is; ``report`` gives the result so far in plain words; ``stop`` ends it (the
report stays).  Each has ``--format json``.  Writes go through the same path
as ``crampcoach log`` (handed to the running app when it owns the log).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from typing import TYPE_CHECKING

from crampcoach.cli import CliError, add_format

if TYPE_CHECKING:
    from crampcoach.core.events import Event
    from crampcoach.core.settings import Settings
    from crampcoach.core.trial import Report, Trial


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``trial`` commands."""
    cmd = sub.add_parser(
        "trial",
        help="a personal n-of-1 trial: does the bedtime routine reduce your cramps?",
        description="A fair test on yourself: a 14-night baseline, then three pairs of "
        "4-week blocks with and without the bedtime routine in random order, the first "
        "week of each not counted. General information, not medical advice.",
        parents=[common],
    )
    what = cmd.add_subparsers(dest="trial_command", metavar="ACTION", required=True)
    start = what.add_parser(
        "start", help="begin a trial (tonight is its first night)", parents=[common]
    )
    start.add_argument(
        "--seed",
        type=int,
        help="the random seed for the order of the blocks (default: a fresh random one); "
        "it is kept in the log",
    )
    start.add_argument(
        "--first-night",
        metavar="YYYY-MM-DD",
        help="the evening of the first baseline night (default: tonight)",
    )
    add_format(start, "text", "json")
    start.set_defaults(func=_start)
    for name, helptext, func in (
        ("status", "where the trial is, and what to do tonight", _status),
        ("report", "the result so far: difference, interval, unknown nights", _report),
        ("stop", "end the trial early (the report stays)", _stop),
    ):
        p = what.add_parser(name, help=helptext, parents=[common])
        add_format(p, "text", "json")
        p.set_defaults(func=func)


def _today(args: argparse.Namespace) -> date:
    """The calendar day on the command line's clock."""
    day: date = args.clock.now().date()
    return day


def _load(args: argparse.Namespace) -> tuple[Trial | None, Report | None]:
    """The latest trial and its report as of last night (both None with no trial)."""
    from crampcoach import paths
    from crampcoach.core import trial as trial_mod
    from crampcoach.core.events import EventType
    from crampcoach.store import Store, StoreError

    try:
        with Store.open(paths.data_dir(args.data_dir), clock=args.clock, read_only=True) as store:
            for line in store.recovery:
                print(f"crampcoach: {line}", file=sys.stderr)
            current = trial_mod.latest(store.events(types=[EventType.TRIAL]))
            report = trial_mod.load(store, store.settings(), args.clock.tz, _today(args))
    except StoreError as exc:
        raise CliError(str(exc), code=1) from None
    return current, report


def _start(args: argparse.Namespace) -> int:
    import os

    from crampcoach.cli.log import _record
    from crampcoach.core import trial as trial_mod
    from crampcoach.core.events import TrialEvent, new_id

    current, _ = _load(args)
    today = _today(args)
    if current is not None and current.active and current.design.last_day >= today:
        raise CliError(
            f"a trial is already running (since {current.design.first_day.isoformat()}); "
            "see crampcoach trial status, or end it with crampcoach trial stop"
        )
    first = today
    if args.first_night:
        try:
            first = date.fromisoformat(args.first_night)
        except ValueError:
            raise CliError(
                f"--first-night: expected a date as YYYY-MM-DD, got {args.first_night!r}"
            ) from None
        if first < today - timedelta(days=1):
            raise CliError("--first-night: a trial cannot begin in the past; give tonight or later")
    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    design = trial_mod.new_design(new_id(), first, seed)
    now = args.clock.now()

    def make(settings: Settings) -> Event:
        return TrialEvent(id=new_id(), at=now, **design.start_fields())

    quiet = args.format == "json"
    if quiet:
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):
            code = _record(args, make, lambda e: "the start of a personal trial")
        trial = trial_mod.Trial(design=design)
        data = {
            "trial_id": design.trial_id,
            "seed": seed,
            "first_day": first.isoformat(),
            "last_day": design.last_day.isoformat(),
            "blocks": [
                {
                    "label": b.label,
                    "routine": b.routine,
                    "first": b.first.isoformat(),
                    "last": b.last.isoformat(),
                    "counted_from": b.counted_from.isoformat(),
                }
                for b in design.blocks()
            ],
            "status": trial_mod.status_text(trial, today),
        }
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return code
    code = _record(args, make, lambda e: "the start of a personal trial")
    print(trial_mod.status_text(trial_mod.Trial(design=design), today))
    return code


def _status(args: argparse.Namespace) -> int:
    from crampcoach.core import trial as trial_mod

    current, report = _load(args)
    today = _today(args)
    if current is None or report is None:
        if args.format == "json":
            sys.stdout.write(json.dumps({"trial": None}) + "\n")
        else:
            print("No personal trial yet. Begin one with: crampcoach trial start")
        return 0
    if args.format == "json":
        d = current.design
        block = d.block_of(today)
        data = {
            "trial_id": d.trial_id,
            "active": current.active,
            "phase": d.phase(today).value,
            "block": None if block is None else block.index,
            "routine_tonight": d.routine_tonight(today) if current.active else None,
            "counted_nights": report.counted_nights,
            "unknown_nights": report.unknown_nights,
            "verdict": report.verdict.value,
            "text": trial_mod.status_text(current, today),
        }
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    else:
        print(trial_mod.status_text(current, today))
        print(
            f"So far: {report.counted_nights} counted nights, {report.unknown_nights} of them "
            f"unknown; result: {report.verdict.value}."
        )
    return 0


def _report(args: argparse.Namespace) -> int:
    from crampcoach.core import trial as trial_mod

    _, report = _load(args)
    if report is None:
        raise CliError("no personal trial to report on; begin one with: crampcoach trial start")
    if args.format == "json":
        sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
    else:
        sys.stdout.write(trial_mod.report_text(report))
    return 0


def _stop(args: argparse.Namespace) -> int:
    from crampcoach.cli.log import _record
    from crampcoach.core.events import TrialEvent, new_id

    current, _ = _load(args)
    if current is None or not current.active:
        raise CliError("no personal trial is running")
    trial_id = current.design.trial_id

    def make(settings: Settings) -> Event:
        return TrialEvent(id=new_id(), at=args.clock.now(), trial_id=trial_id, action="stop")

    if args.format == "json":
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):
            code = _record(args, make, lambda e: "the end of the personal trial")
        sys.stdout.write(json.dumps({"trial_id": trial_id, "stopped": True}) + "\n")
        return code
    return _record(args, make, lambda e: "the end of the personal trial")
