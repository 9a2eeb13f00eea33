"""``crampcoach log water|cramp|night|session``: record an entry from the command line.

``log cramp`` checks the entry for warning signs (``core.safety``) at any hour
and prints them, most urgent first, after saying it was logged; ``log night``
answers "how was last night?" (a number of cramps, or ``unknown`` for "don't
remember").

Exit 0 only once the entry is durably on disk (the store fsyncs and renames
before ``add`` returns), or once the running app, which owns the log, replied
that it stored it.  Bad values: a one-line error and exit 2.  A disk that
refuses the write: a one-line error and exit 1.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from crampcoach import exits
from crampcoach.cli import CliError, add_format
from crampcoach.cli.handover import hand_over, open_here, writing_here

if TYPE_CHECKING:
    from crampcoach.core.clock import Clock
    from crampcoach.core.events import Event
    from crampcoach.core.journal import EntryError
    from crampcoach.core.settings import Settings

# How long to wait for another short-lived writer (another ``log`` command)
# when no app answers on the socket.
LOCK_WAIT_S = 5.0
# An --at further ahead than this is a typo, not an entry made after the fact.
FUTURE_SLACK = timedelta(minutes=5)

LEGS = ("left", "right", "both")
MUSCLES = ("calf", "hamstring", "quadriceps", "foot", "other")
CONTEXTS = ("night", "exercise", "stretching", "resting", "other")


_WHOLE = re.compile(r"[0-9]+", re.ASCII)
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?", re.ASCII)


def _int_in(lo: int, hi: int) -> Callable[[str], int]:
    def convert(text: str) -> int:
        # Plain ASCII digits only: int() would also take "1_000" and "١٢٣".
        try:
            if not _WHOLE.fullmatch(text.strip()):
                raise ValueError(text)
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {lo} to {hi}, got {text!r}"
            ) from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {lo} to {hi}, got {value}"
            )
        return value

    return convert


def _minutes(text: str) -> float:
    try:
        if not _DECIMAL.fullmatch(text.strip()):
            raise ValueError(text)
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected minutes as a number such as 2 or 1.5, got {text!r}"
        ) from None
    if not 0 <= value <= 24 * 60:
        raise argparse.ArgumentTypeError(f"expected 0 to 1440 minutes, got {text}")
    return value


def _symptoms(text: str) -> tuple[str, ...]:
    from crampcoach.core.events import parse_symptoms

    try:
        return tuple(s.value for s in parse_symptoms(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _night_cramps(text: str) -> int | None:
    from crampcoach.core.events import MAX_NIGHT_CRAMPS

    if text.strip().lower() in {"unknown", "?", "dont-remember", "don't-remember"}:
        return None
    try:
        return _int_in(0, MAX_NIGHT_CRAMPS)(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f'expected how many cramps (0 to {MAX_NIGHT_CRAMPS}), or "unknown" if you do not '
            f"remember; got {text!r}"
        ) from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date as YYYY-MM-DD (the evening the night began), got {text!r}"
        ) from None


def _not_at(text: str) -> date:
    """``log night --at``: the other log commands take a time, a night is named by its evening."""
    raise argparse.ArgumentTypeError(
        f"a night is named by the evening it began: use --date YYYY-MM-DD, not --at {text}"
    )


def parse_at(text: str | None, clock: Clock) -> datetime:
    """``--at``: ISO-8601; a time without an offset is local time (the clock's zone); not in the future."""
    from crampcoach.core.day import wall_time

    current, tz = clock.now(), clock.tz
    if text is None:
        return current
    try:
        at = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(
            f"--at: expected an ISO-8601 time such as 2026-11-22T21:30, got {text!r}"
        ) from None
    if at.tzinfo is None:
        local = wall_time(at.date(), at.time(), tz)  # naive means the computer's local time
        if local.replace(tzinfo=None) != at:
            raise CliError(
                f"--at: {text.strip()} does not exist in your time zone (the clocks skip it "
                "when summer time begins); give the time with its UTC offset, e.g. "
                f"{text.strip()}{(at - timedelta(hours=1)).replace(tzinfo=tz).strftime('%z')}"
            )
        at = local
    if at > current + FUTURE_SLACK:
        raise CliError(f"--at: {at.isoformat()} is in the future; give the time it happened")
    return at


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``log`` commands."""
    log = sub.add_parser(
        "log",
        help="record water, a cramp, or a session done away from the computer",
        parents=[common],
    )
    what = log.add_subparsers(dest="log_command", metavar="WHAT", required=True)
    at = argparse.ArgumentParser(add_help=False)
    at.add_argument(
        "--at",
        metavar="ISO-8601",
        help="when it happened, e.g. 2026-11-22T21:30 (local time unless an offset is given); "
        "default: now",
    )

    water = what.add_parser("water", help="a glass of water", parents=[common, at])
    water.add_argument(
        "--ml", type=_int_in(1, 5000), help="how much (ml); default: the glass_ml setting"
    )
    add_format(water)
    water.set_defaults(func=_log_water)

    cramp = what.add_parser("cramp", help="a cramp episode", parents=[common, at])
    cramp.add_argument("--leg", choices=LEGS, required=True)
    cramp.add_argument("--muscle", choices=MUSCLES, required=True)
    cramp.add_argument(
        "--severity", type=_int_in(0, 10), required=True, help="0 (none) to 10 (worst)"
    )
    cramp.add_argument("--minutes", type=_minutes, help="how long it lasted")
    cramp.add_argument("--context", choices=CONTEXTS, help="what you were doing")
    cramp.add_argument("--note", default="", help="anything else worth remembering")
    cramp.add_argument(
        "--symptom",
        type=_symptoms,
        action="append",
        default=[],
        metavar="NAME,...",
        help="signs that came with it (comma-separated, may repeat): swelling, warmth, "
        "redness, tenderness, numbness, weakness, walking-pain, cold-foot, wound, toxin, "
        "new-medicine, breathless, chest-pain, not-easing, urge-to-move",
    )
    add_format(cramp)
    cramp.set_defaults(func=_log_cramp)

    night = what.add_parser(
        "night",
        help='how last night went (the morning check-in): "--cramps 0" for none',
        parents=[common],
    )
    night.add_argument(
        "--cramps",
        type=_night_cramps,
        required=True,
        metavar="N",
        help='how many cramps in the night, 0 for none, or "unknown" if you do not remember',
    )
    night.add_argument("--worst", type=_int_in(0, 10), help="the worst cramp's severity, 0 to 10")
    night.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the evening the night began; default: last night",
    )
    # Not an option: a hint for the --at that every other ``log`` command takes.
    night.add_argument("--at", type=_not_at, help=argparse.SUPPRESS)
    add_format(night)
    night.set_defaults(func=_log_night)

    session = what.add_parser(
        "session", help="a routine done away from the computer", parents=[common, at]
    )
    session.add_argument("routine", help="the routine id, e.g. bedtime")
    session.add_argument("--partial", action="store_true", help="only part of it was done")
    add_format(session)
    session.set_defaults(func=_log_session)


def _log_water(args: argparse.Namespace) -> int:
    from crampcoach.core.events import WaterEvent, new_id

    at = parse_at(args.at, args.clock)

    def make(settings: Settings) -> Event:
        ml = args.ml if args.ml is not None else settings.glass_ml
        return WaterEvent(id=new_id(), at=at, ml=ml)

    return _record(args, make, lambda e: f"{e.to_dict()['ml']} ml of water")


def _log_cramp(args: argparse.Namespace) -> int:
    from crampcoach.core.events import CrampContext, CrampEvent, Leg, Muscle, Symptom, new_id

    at = parse_at(args.at, args.clock)
    signs: list[Symptom] = []
    for group in args.symptom:
        signs.extend(Symptom(s) for s in group if Symptom(s) not in signs)

    def make(settings: Settings) -> Event:
        return CrampEvent(
            id=new_id(),
            at=at,
            leg=Leg(args.leg),
            muscle=Muscle(args.muscle),
            severity=args.severity,
            minutes=args.minutes,
            context=None if args.context is None else CrampContext(args.context),
            note=args.note,
            symptoms=tuple(signs),
        )

    return _record(
        args,
        make,
        lambda e: f"a {args.muscle} cramp, severity {args.severity}",
        after=_print_warnings,
    )


def _print_warnings(event: Event, settings: Settings) -> None:
    """The warning signs of a just-logged cramp, most urgent first, in plain words."""
    from crampcoach.core import profile, safety
    from crampcoach.core.events import CrampEvent

    if not isinstance(event, CrampEvent):
        return
    warnings = safety.check_episode(event, profile.HealthProfile.of(settings))
    for w in warnings:
        print(f"{safety.LEVEL_LABELS[w.level]}: {w.title}.\n{w.action}\n{w.reason}\n")
    if warnings:
        print(f"{safety.NOT_MEDICAL_ADVICE}\n")


def _log_night(args: argparse.Namespace) -> int:
    from crampcoach.core.events import NightEvent, new_id
    from crampcoach.core.nights import describe_night

    now = args.clock.now()
    last_night = now.date() - timedelta(days=1)
    night = args.date or last_night
    if night > last_night:
        raise CliError(
            f"--date: the night of {night.isoformat()} is not over yet; give the evening "
            f"a night began (last night was {last_night.isoformat()})"
        )
    if args.worst is not None and not args.cramps:
        raise CliError("--worst: give it only with --cramps 1 or more")

    def make(settings: Settings) -> Event:
        return NightEvent(
            id=new_id(),
            at=now,
            night=night,
            cramps=args.cramps,
            worst=args.worst,
            source="cli",
        )

    def what(e: Event) -> str:
        if args.cramps is None:
            how = "don't remember (the night stays unknown)"
        elif args.cramps == 0:
            how = "no cramps"
        else:
            worst = "" if args.worst is None else f", worst {args.worst}/10"
            how = f"{args.cramps} cramp{'s' if args.cramps != 1 else ''}{worst}"
        return f"the {describe_night(night)}: {how}"

    return _record(args, make, what)


def _routine_info(routine_id: str, folder: Path) -> tuple[str, int, int]:
    """(kind, seconds, number of written steps) of a routine; CliError if the id is unknown."""
    try:
        from crampcoach.core import routines
    except ImportError:  # the routines module is not there: accept any id
        return "unknown", 0, 0
    from crampcoach import paths

    result = routines.load_all(user_dir=paths.user_routines_dir(folder))
    by_id = {r.id: r for r in result.routines}
    routine = by_id.get(routine_id)
    if routine is None:
        known = ", ".join(sorted(by_id)) or "none"
        raise CliError(f"unknown routine {routine_id!r}; known routines: {known}")
    seconds = sum(step.duration_s for step in routine.expanded())
    return routine.kind.value, seconds, len(routine.steps)


def _log_session(args: argparse.Namespace) -> int:
    from crampcoach import paths
    from crampcoach.core.events import SessionEvent, new_id

    at = parse_at(args.at, args.clock)
    kind, seconds, steps = _routine_info(args.routine, paths.data_dir(args.data_dir))

    def make(settings: Settings) -> Event:
        return SessionEvent(
            id=new_id(),
            at=at,
            routine_id=args.routine,
            routine_kind=kind,
            started=at - timedelta(seconds=seconds),
            completed=not args.partial,
            # Done away from the computer: which steps of a partial session is unknown.
            steps_done=() if args.partial else tuple(range(steps)),
            source="cli",
        )

    how = "part of" if args.partial else "all of"
    return _record(args, make, lambda e: f"{how} the {args.routine} routine")


def _record(
    args: argparse.Namespace,
    make: Callable[[Settings], Event],
    describe: Callable[[Event], str],
    after: Callable[[Event, Settings], None] | None = None,
    report: Callable[[argparse.Namespace, Event, str, Settings], None] | None = None,
) -> int:
    """Check, store (or hand to the running app) and report one entry.

    ``report`` (default :func:`_report`: a line, or the entry as JSON) is told
    of the entry once it is stored.
    """
    report = report or _report
    from crampcoach import paths
    from crampcoach.core.journal import EntryError, Journal, check_event
    from crampcoach.store import Store, StoreError, StoreLockedError

    folder = paths.data_dir(args.data_dir)

    def build(settings: Settings) -> Event:
        try:
            # Checked here too, so a refusal names the field before any hand-over.
            return check_event(make(settings), args.clock.now())
        except EntryError as exc:
            raise CliError(_option_words(args, exc)) from None
        except ValueError as exc:
            raise CliError(str(exc)) from None

    event: Event | None = None
    try:
        try:
            store = Store.open(folder, clock=args.clock)
        except StoreLockedError as locked:
            # The app (or another log command) owns the log: read the settings
            # without the lock, hand the entry to the app, else wait a little
            # for a short-lived writer to finish.
            with Store.open(folder, clock=args.clock, read_only=True) as view:
                settings = view.settings()
                event = build(settings)
            message = {"cmd": "log", "event": event.to_dict()}
            if hand_over(
                folder,
                message,
                locked,
                not_done="not logged",
                refused="the running CrampCoach could not record it",
            ):
                if after is not None and args.format != "json":
                    after(event, settings)
                report(
                    args,
                    event,
                    f"logged {describe(event)} at {_when(event.at, args.clock.tz)} (via the running app)",
                    settings,
                )
                return 0
            store = open_here(folder, args.clock, locked, LOCK_WAIT_S)
    except StoreError as exc:
        raise CliError(str(exc), code=exits.for_error(exc)) from None
    try:
        with writing_here(store):
            settings = store.settings()
            if event is None:
                event = build(settings)
            # A write the disk refused is forgotten, not saved behind the user's back.
            Journal(store, args.clock).add(event)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if after is not None and args.format != "json":
        after(event, settings)  # the warning signs first: they matter more than the receipt
    report(args, event, f"logged {describe(event)} at {_when(event.at, args.clock.tz)}", settings)
    return 0


def _option_words(args: argparse.Namespace, exc: EntryError) -> str:
    """The journal's refusal named by the option the user typed: "--at: …", not "at: …"."""
    text = str(exc)
    if exc.field and hasattr(args, exc.field) and text.startswith(f"{exc.field}: "):
        option = "--" + exc.field.replace("_", "-")
        return f"{option}: {text.removeprefix(f'{exc.field}: ')}"
    return text


def _report(args: argparse.Namespace, event: Event, text: str, settings: Settings) -> None:
    """One line for people, or with ``--format json`` the entry as it was stored.

    With JSON a cramp's warning signs go to stderr, most urgent first.
    """
    if args.format == "json":
        import json

        from crampcoach.core import profile, safety
        from crampcoach.core.events import CrampEvent

        if isinstance(event, CrampEvent):
            # stdout stays the entry as stored; the signs still reach the person, on stderr.
            health = profile.HealthProfile.of(settings)
            for w in safety.check_episode(event, health):
                print(f"{safety.LEVEL_LABELS[w.level]}: {w.title}. {w.action}", file=sys.stderr)
        print(json.dumps(event.to_dict(), ensure_ascii=False))
    else:
        print(text)


def _when(at: datetime, tz: tzinfo) -> str:
    return at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
