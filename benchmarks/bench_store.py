"""Store: ten years of history (~90,000 events); log one, open, load one week.

Each figure stands beside a floor measured in the same run on the same files:

* log one event: the floor writes the same month file's bytes with
  ``json.dumps`` + write + fsync + ``os.replace`` (what any crash-safe
  rewrite of that file must cost);
* open / one week: the floor reads and ``json.loads`` the same files the store
  reads for it (the settings and the current month; the week's month files).

The history is written as the one-folder layout from before sync stored it
(one checksummed file per month at the folder's top), then the first
``Store.open`` migrates it into this computer's device folder: that row is
the migration of a ten-year folder, and every later figure is measured on
the migrated folder.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.common import Row
from crampcoach.core.clock import SystemClock
from crampcoach.core.events import (
    CrampContext,
    CrampEvent,
    Event,
    Leg,
    Muscle,
    ReminderEvent,
    ReminderFate,
    ReminderKind,
    SessionEvent,
    WaterEvent,
    new_id,
)
from crampcoach.store import Store
from crampcoach.store.storage import encode
from crampcoach.store.store import device_folder, event_file_name, period_of

YEARS = 10
TZ = ZoneInfo("Europe/Berlin")
RUNS = 30


def _history(end: datetime, rng: random.Random) -> list[Event]:
    """~24.6 events a day for ten years: water, reminders, sessions, cramps."""
    events: list[Event] = []
    day = (end - timedelta(days=365 * YEARS)).date()
    while day < end.date():
        base = datetime(day.year, day.month, day.day, 8, 0, tzinfo=TZ)
        for k in range(15):
            at = base + timedelta(minutes=50 * k + rng.randint(0, 20))
            events.append(WaterEvent(id=new_id(), at=at, ml=rng.choice((150, 250, 330))))
        for k in range(6):
            at = base + timedelta(minutes=90 * k)
            fate = rng.choice(list(ReminderFate))
            events.append(
                ReminderEvent(
                    id=new_id(), at=at, reminder=ReminderKind.HYDRATION, fate=fate, due=at
                )
            )
        for kind, hour in (("warmup", 18), ("bedtime", 22), ("stretch", 12)):
            at = base.replace(hour=hour) + timedelta(minutes=rng.randint(0, 40))
            events.append(
                SessionEvent(
                    id=new_id(),
                    at=at,
                    routine_id=kind,
                    routine_kind=kind,
                    started=at - timedelta(minutes=9),
                    completed=rng.random() < 0.8,
                    steps_done=tuple(range(rng.randint(3, 8))),
                    steps_skipped=(),
                )
            )
        if rng.random() < 0.6:
            events.append(
                CrampEvent(
                    id=new_id(),
                    at=base.replace(hour=3) + timedelta(days=1),
                    leg=rng.choice(list(Leg)),
                    muscle=rng.choice(list(Muscle)),
                    severity=rng.randint(2, 9),
                    minutes=rng.choice((0.5, 1.0, 3.0)),
                    context=CrampContext.NIGHT,
                    note="",
                )
            )
        day += timedelta(days=1)
    return [ev for ev in events if ev.at < end]


def _write_old_layout(folder: Path, history: list[Event]) -> None:
    """The files the one-folder store wrote for ``history`` (what add_many made there)."""
    months: dict[str, dict[str, object]] = {}
    for ev in history:
        table = months.setdefault(period_of(ev.at), {})
        table[str(len(table) + 1)] = ev.to_dict()
    for period, table in months.items():
        (folder / event_file_name(period)).write_bytes(encode({"events": table}))


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _floor_write(path: Path, tables: object) -> float:
    start = time.perf_counter()
    data = json.dumps(tables, separators=(",", ":")).encode()
    tmp = path.with_name(path.name + ".floor")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path.with_name(path.name + ".floor-target"))  # noqa: PTH105 - the floor is the bare call
    return time.perf_counter() - start


def _floor_read(paths: list[Path]) -> float:
    start = time.perf_counter()
    for p in paths:
        if p.exists():
            json.loads(p.read_bytes())
    return time.perf_counter() - start


def _floor_read_bytes(paths: list[Path]) -> float:
    start = time.perf_counter()
    for p in paths:
        p.read_bytes()
    return time.perf_counter() - start


def run() -> list[Row]:
    saved = os.environ.get("CRAMPCOACH_STATE_DIR")
    try:
        return _run()
    finally:
        if saved is None:
            os.environ.pop("CRAMPCOACH_STATE_DIR", None)
        else:
            os.environ["CRAMPCOACH_STATE_DIR"] = saved


def _run() -> list[Row]:
    rng = random.Random(2026)
    now = datetime.now(UTC)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="crampcoach-bench-") as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        # This computer's device id and lock, outside the data folder.
        os.environ["CRAMPCOACH_STATE_DIR"] = str(Path(tmp) / "state")
        history = _history(now, rng)
        _write_old_layout(folder, history)
        size_mb = sum(p.stat().st_size for p in folder.glob("events-*.json")) / 1e6
        start = time.perf_counter()
        Store.open(folder, clock=SystemClock()).close()
        build_s = time.perf_counter() - start
        with Store.open(folder, clock=SystemClock(), read_only=True) as store:
            migrated = len(store.events())
        assert migrated == len(history), (migrated, len(history))
        rows.append(
            Row(
                "store",
                f"migrate {len(history):,} events / {YEARS} y ({size_mb:.0f} MB) to the sync layout",
                build_s,
                "s",
                "info",
                True,
            )
        )
        own = device_folder(folder)

        # Log one event: the store's add versus a bare rewrite of the same file.
        current = own / event_file_name(period_of(now))
        logs: list[float] = []
        floors: list[float] = []
        with Store.open(folder, clock=SystemClock()) as store:
            for k in range(RUNS):
                ev = WaterEvent(id=new_id(), at=now + timedelta(seconds=k), ml=250)
                t0 = time.perf_counter()
                store.add(ev)
                logs.append(time.perf_counter() - t0)
                floors.append(_floor_write(current, json.loads(current.read_bytes())))
        log_ms, log_floor = _ms(statistics.median(logs)), _ms(statistics.median(floors))
        rows.append(
            Row(
                "store", "log one event (median)", log_ms, "ms", "<= 20 ms", log_ms <= 20, log_floor
            )
        )

        # Open: lock, temp clean-up, settings, the current month, a glance at the rest.
        opens: list[float] = []
        open_floors: list[float] = []
        for _ in range(RUNS // 2):
            t0 = time.perf_counter()
            store = Store.open(folder, clock=SystemClock())
            opens.append(time.perf_counter() - t0)
            store.close()
            open_floors.append(_floor_read([current, own / "settings.json"]))
        open_ms, open_floor = _ms(statistics.median(opens)), _ms(statistics.median(open_floors))
        rows.append(Row("store", "open", open_ms, "ms", "<= 300 ms", open_ms <= 300, open_floor))

        # One week, cold: a freshly opened store reads the week's month file(s).
        weeks: list[float] = []
        week_floors: list[float] = []
        counts: list[int] = []
        for k in range(RUNS // 3):
            monday = date(now.year - 1 - k % 8, 1 + (k * 5) % 12, 1)
            monday -= timedelta(days=monday.weekday())
            sunday = monday + timedelta(days=6)
            with Store.open(folder, clock=SystemClock()) as store:
                t0 = time.perf_counter()
                week = store.events_for_days(monday, sunday, TZ)
                weeks.append(time.perf_counter() - t0)
            counts.append(len(week))
            first = datetime.combine(monday - timedelta(days=1), datetime.min.time(), TZ)
            last = datetime.combine(sunday + timedelta(days=2), datetime.min.time(), TZ)
            months = sorted({period_of(first), period_of(last)})
            week_floors.append(_floor_read([own / event_file_name(m) for m in months]))
        week_ms, week_floor = _ms(statistics.median(weeks)), _ms(statistics.median(week_floors))
        rows.append(
            Row(
                "store",
                f"load one week, cold (~{statistics.median(counts):.0f} events)",
                week_ms,
                "ms",
                "<= 20 ms",
                week_ms <= 20,
                week_floor,
            )
        )
        # get() of an id that is not there (the app checks a handed-over CLI
        # entry this way): scans the bytes of every unloaded month.
        misses: list[float] = []
        for _ in range(RUNS // 3):
            with Store.open(folder, clock=SystemClock()) as store:
                t0 = time.perf_counter()
                assert store.get(new_id()) is None
                misses.append(time.perf_counter() - t0)
        miss_ms = _ms(statistics.median(misses))
        rows.append(
            Row(
                "store",
                f"get an unknown id ({YEARS} y scanned)",
                miss_ms,
                "ms",
                "<= 300 ms",
                miss_ms <= 300,
                _ms(_floor_read_bytes(sorted(own.glob("events-*.json")))),
            )
        )
        # And warm: the same week again from the open store's index.
        with Store.open(folder, clock=SystemClock()) as store:
            store.events_for_days(monday, sunday, TZ)
            warm = []
            for _ in range(RUNS):
                t0 = time.perf_counter()
                store.events_for_days(monday, sunday, TZ)
                warm.append(time.perf_counter() - t0)
        warm_ms = _ms(statistics.median(warm))
        rows.append(Row("store", "load one week, warm", warm_ms, "ms", "<= 20 ms", warm_ms <= 20))
    return rows
