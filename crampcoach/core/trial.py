"""A personal n-of-1 trial: the fair way to ask "does the routine reduce *my* cramps".

The design follows the n-of-1 trials of leg-cramp treatment in general
practice (Woodfield et al. 2005, Br J Gen Pract 55:181-5: a 2-week run-in,
then three pairs of 4-week blocks in random order, with nightly cramp
diaries) and is reported the CENT 2015 way (Vohra et al., BMJ 350:h1738):
design, randomisation, outcome, missing data, estimate with its interval,
and limits.

Choices, and why:

- **Baseline** ``BASELINE_DAYS`` = 14 nights with the user's usual habits, to
  see how often cramps come; it is reported, never compared.
- **Blocks** of ``BLOCK_DAYS`` = 28 nights, in ``PAIRS`` = 3 pairs; in each pair
  one block *with* the nightly bedtime routine and one *without*, the order
  drawn at random from ``seed``.  The stretching trial's benefit built up
  over 6 weeks (Hallegraeff et al. 2012), so alternate nights or one-week
  blocks would miss it; 4-week blocks keep the whole trial to 26 weeks.
- **Wash-in**: the first ``WASHIN_DAYS`` = 7 nights of every block are not
  counted, so the effect of the block before can fade and the new one build.
- **Outcome, fixed in advance**: cramp nights a week (nights with at least one
  cramp, from morning check-ins and diary night cramps), computed per block
  as 7 x cramp nights / known counted nights.  Unknown nights are left out,
  never taken as cramp-free; a block with fewer than two thirds of its
  counted nights known (``MIN_KNOWN_SHARE``: 14 of 21) gives no number.
- **Analysis**: per pair, with minus without; the mean over pairs with a t
  interval (``core.stats.paired``).  Fewer than two usable pairs: "not enough
  nights yet".

The seed and the whole design are written to the log in the start event
(``TrialEvent``), so the schedule can be rebuilt exactly at any time.
Pure: events in, plain data out.
"""

from __future__ import annotations

import enum
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from crampcoach.core import nights as nights_mod
from crampcoach.core import stats
from crampcoach.core.events import Event, EventSource, EventType, TrialEvent
from crampcoach.core.nights import NightOutcome
from crampcoach.core.settings import Settings, parse_hhmm
from crampcoach.core.text import QT_TRANSLATE_NOOP, Day, Message, Number

BASELINE_DAYS = 14
BLOCK_DAYS = 28
WASHIN_DAYS = 7
PAIRS = 3
MIN_KNOWN_SHARE = 2 / 3
# A whole trial's nights; with a year's lead for a first night set ahead, the
# farthest back a trial's start can lie from a night it still schedules.
SPAN_DAYS = BASELINE_DAYS + 2 * PAIRS * BLOCK_DAYS
REACH = timedelta(days=SPAN_DAYS + 366)
OUTCOME_MESSAGE = QT_TRANSLATE_NOOP(
    "Trial",
    "cramp nights a week: nights with at least one cramp, from your morning check-ins "
    "and diary night cramps, per known night x 7",
)
OUTCOME = str(OUTCOME_MESSAGE)
CANNOT_RULE_OUT_MESSAGE = QT_TRANSLATE_NOOP(
    "Trial",
    "What this cannot rule out: you know which nights you stretch (the trial cannot be "
    "blinded), so expecting the routine to help can change how you sleep and what you "
    "notice; cramps also change with the seasons, activity, illness and other treatment; "
    "the routine's benefit built up over 6 weeks in the stretching trial, so 4-week blocks "
    "may under-estimate it, and some effect may carry over past the wash-in week. It is "
    "your own result, not proof for anyone else, and not medical advice.",
)
CANNOT_RULE_OUT = str(CANNOT_RULE_OUT_MESSAGE)


class TrialError(ValueError):
    """A trial request that cannot be done (already running, none to stop ...)."""


class Phase(enum.StrEnum):
    """Where a night falls in the schedule."""

    BEFORE = "before"
    BASELINE = "baseline"
    WASHIN = "wash-in"
    COUNTED = "counted"
    AFTER = "after"


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the schedule (the baseline is block 0, ``routine`` None)."""

    index: int  # 0 for the baseline, then 1, 2 ...
    pair: int  # 0 for the baseline, then 1 .. pairs
    routine: bool | None  # with the bedtime routine? None: as usual (baseline)
    first: date
    last: date
    counted_from: date  # after the wash-in (the baseline counts from its first night)

    @property
    def counted_length(self) -> int:
        """Nights that count once the block is over."""
        return (self.last - self.counted_from).days + 1

    @property
    def min_known(self) -> int:
        """Known nights a block needs for a number: two thirds of its counted nights."""
        return math.ceil(MIN_KNOWN_SHARE * self.counted_length - 1e-9)

    @property
    def label_message(self) -> Message:
        """E.g. "baseline", "block 3: without the routine" (translated when shown)."""
        if self.routine is None:
            return QT_TRANSLATE_NOOP("Trial", "baseline")
        if self.routine:
            return QT_TRANSLATE_NOOP("Trial", "block {n}: with the routine").format(n=self.index)
        return QT_TRANSLATE_NOOP("Trial", "block {n}: without the routine").format(n=self.index)

    @property
    def label(self) -> str:
        """The label in English (the JSON's and the command line's)."""
        return str(self.label_message)


@dataclass(frozen=True, slots=True)
class Design:
    """The whole trial as decided at its start (what the start event stores)."""

    trial_id: str
    first_day: date
    seed: int
    baseline_days: int = BASELINE_DAYS
    block_days: int = BLOCK_DAYS
    washin_days: int = WASHIN_DAYS
    pairs: int = PAIRS

    @classmethod
    def from_event(cls, ev: TrialEvent) -> Design:
        """The design a start event records."""
        if ev.action != "start" or ev.first_day is None:
            raise TrialError("not a trial start event")
        return cls(
            trial_id=ev.trial_id,
            first_day=ev.first_day,
            seed=ev.seed,
            baseline_days=ev.baseline_days,
            block_days=ev.block_days,
            washin_days=ev.washin_days,
            pairs=ev.pairs,
        )

    def start_fields(self) -> dict[str, Any]:
        """Keyword arguments for the TrialEvent that starts this design."""
        return {
            "trial_id": self.trial_id,
            "action": "start",
            "first_day": self.first_day,
            "seed": self.seed,
            "baseline_days": self.baseline_days,
            "block_days": self.block_days,
            "washin_days": self.washin_days,
            "pairs": self.pairs,
        }

    def order(self) -> list[bool]:
        """With (True) / without (False) for each block, pair by pair, from the seed."""
        rng = random.Random(self.seed)
        out: list[bool] = []
        for _ in range(self.pairs):
            with_first = rng.random() < 0.5
            out.extend([with_first, not with_first])
        return out

    def blocks(self) -> list[Block]:
        """The baseline, then every block in order."""
        out: list[Block] = []
        day = self.first_day
        if self.baseline_days:
            last = day + timedelta(days=self.baseline_days - 1)
            out.append(Block(0, 0, None, day, last, day))
            day = last + timedelta(days=1)
        for n, routine in enumerate(self.order(), start=1):
            last = day + timedelta(days=self.block_days - 1)
            counted = day + timedelta(days=self.washin_days)
            out.append(Block(n, (n + 1) // 2, routine, day, last, counted))
            day = last + timedelta(days=1)
        return out

    @property
    def last_day(self) -> date:
        """The trial's last night."""
        return self.blocks()[-1].last

    def block_of(self, night: date) -> Block | None:
        """The block a night is in, or None outside the trial."""
        for block in self.blocks():
            if block.first <= night <= block.last:
                return block
        return None

    def phase(self, night: date) -> Phase:
        """Baseline, wash-in or counted; before or after the trial."""
        if night < self.first_day:
            return Phase.BEFORE
        block = self.block_of(night)
        if block is None:
            return Phase.AFTER
        if block.routine is None:
            return Phase.BASELINE
        return Phase.COUNTED if night >= block.counted_from else Phase.WASHIN

    def routine_tonight(self, night: date) -> bool | None:
        """Should the bedtime routine be done this night?  None: as usual / no trial."""
        block = self.block_of(night)
        return None if block is None else block.routine


@dataclass(frozen=True, slots=True)
class Trial:
    """A trial as the log has it: its design, and when it was stopped (if it was)."""

    design: Design
    stopped: date | None = None

    @property
    def active(self) -> bool:
        """Not stopped."""
        return self.stopped is None


def latest(events: Iterable[Event]) -> Trial | None:
    """The most recently started trial in ``events`` (with its stop, if any)."""
    starts: dict[str, TrialEvent] = {}
    stops: dict[str, TrialEvent] = {}
    for ev in events:
        if isinstance(ev, TrialEvent):
            (starts if ev.action == "start" else stops).setdefault(ev.trial_id, ev)
    if not starts:
        return None
    start = max(starts.values(), key=lambda e: (e.at, e.id))
    stop = stops.get(start.trial_id)
    return Trial(
        design=Design.from_event(start),
        stopped=None if stop is None else stop.at.date(),
    )


def new_design(trial_id: str, first_day: date, seed: int) -> Design:
    """The standard design starting on ``first_day``."""
    return Design(trial_id=trial_id, first_day=first_day, seed=seed)


# --------------------------------------------------------------------------- analysis


@dataclass(frozen=True, slots=True)
class BlockResult:
    """One block's outcome over its counted nights so far."""

    block: Block
    counted: int  # counted nights that are over
    known: int
    unknown: int
    cramp_nights: int

    @property
    def per_week(self) -> float | None:
        """Cramp nights a week, when enough counted nights are known."""
        if self.known < self.block.min_known or self.known == 0:
            return None
        return 7 * self.cramp_nights / self.known

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        b = self.block
        rate = self.per_week
        return {
            "block": b.index,
            "pair": b.pair,
            "routine": b.routine,
            "label": b.label,
            "first": b.first.isoformat(),
            "last": b.last.isoformat(),
            "counted_from": b.counted_from.isoformat(),
            "counted_nights": self.counted,
            "known_nights": self.known,
            "unknown_nights": self.unknown,
            "cramp_nights": self.cramp_nights,
            "cramp_nights_per_week": None if rate is None else round(rate, 2),
        }


@dataclass(frozen=True, slots=True)
class Report:
    """The trial's result so far, CENT-style."""

    trial: Trial
    as_of: date  # the last night that is over
    blocks: tuple[BlockResult, ...]
    pair_differences: tuple[float, ...]  # with minus without, usable pairs only
    difference: stats.Difference | None

    @property
    def verdict(self) -> stats.Verdict:
        """The plain words the numbers allow."""
        if self.difference is None or len(self.pair_differences) < 2:
            return stats.Verdict.NOT_ENOUGH
        return self.difference.verdict

    @property
    def unknown_nights(self) -> int:
        """Counted nights (and baseline nights) nobody said anything about."""
        return sum(b.unknown for b in self.blocks)

    @property
    def counted_nights(self) -> int:
        """Nights that count (baseline and after each wash-in) and are over."""
        return sum(b.counted for b in self.blocks)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (``crampcoach trial report --format json``)."""
        d = self.trial.design
        return {
            "trial_id": d.trial_id,
            "active": self.trial.active,
            "stopped": None if self.trial.stopped is None else self.trial.stopped.isoformat(),
            "as_of": self.as_of.isoformat(),
            "design": {
                "first_day": d.first_day.isoformat(),
                "last_day": d.last_day.isoformat(),
                "seed": d.seed,
                "baseline_days": d.baseline_days,
                "block_days": d.block_days,
                "washin_days": d.washin_days,
                "pairs": d.pairs,
                "order": ["with" if r else "without" for r in d.order()],
                "min_known_share_per_block": round(MIN_KNOWN_SHARE, 3),
            },
            "outcome": OUTCOME,
            "blocks": [b.to_dict() for b in self.blocks],
            "pair_differences": [round(x, 2) for x in self.pair_differences],
            "difference": None if self.difference is None else self.difference.to_dict(),
            "verdict": self.verdict.value,
            "counted_nights": self.counted_nights,
            "unknown_nights": self.unknown_nights,
            "cannot_rule_out": CANNOT_RULE_OUT,
        }


def analyse(trial: Trial, nights: Mapping[date, NightOutcome], as_of: date) -> Report:
    """The report from each night's outcome, using nights up to ``as_of`` (last night)."""
    design = trial.design
    end = as_of if trial.stopped is None else min(as_of, trial.stopped)
    results: list[BlockResult] = []
    for block in design.blocks():
        counted = known = unknown = cramp_nights = 0
        day = block.counted_from
        while day <= min(block.last, end):
            counted += 1
            outcome = nights.get(day)
            if outcome is None or outcome.cramps is None:
                unknown += 1
            else:
                known += 1
                cramp_nights += 1 if outcome.cramps > 0 else 0
            day += timedelta(days=1)
        results.append(BlockResult(block, counted, known, unknown, cramp_nights))
    diffs = _pair_differences(results)
    diff = stats.paired(diffs) if diffs else None
    return Report(trial, end, tuple(results), tuple(diffs), diff)


def _pair_differences(results: Sequence[BlockResult]) -> list[float]:
    by_pair: dict[int, dict[bool, float]] = {}
    for r in results:
        rate = r.per_week
        # Only a finished block is compared: a block half-way through is not its outcome.
        finished = r.counted == r.block.counted_length
        if r.block.routine is None or rate is None or not finished:
            continue
        by_pair.setdefault(r.block.pair, {})[r.block.routine] = rate
    return [p[True] - p[False] for _, p in sorted(by_pair.items()) if len(p) == 2]


# A check-in names its night and may come days later.
_CHECKIN_MARGIN = timedelta(days=30)


def load(source: EventSource, settings: Settings, tz: tzinfo, today: date) -> Report | None:
    """The latest trial's report as of last night, reading only the trial's span; None if none."""
    current = latest(source.events(types=[EventType.TRIAL]))
    if current is None:
        return None
    d = current.design
    start = datetime.combine(d.first_day - timedelta(days=1), time(0), tz)
    end = datetime.combine(d.last_day + timedelta(days=2), time(0), tz)
    events = list(source.events(start, end, types=[EventType.CRAMP]))
    events += source.events(start, end + _CHECKIN_MARGIN, types=[EventType.NIGHT])
    bedtime = parse_hhmm(settings.bedtime)
    outcomes = nights_mod.outcomes(events, tz, bedtime, d.first_day, d.last_day)
    return analyse(current, outcomes, today - timedelta(days=1))


# --------------------------------------------------------------------------- text


_VERDICT_WORDS: dict[stats.Verdict, Message] = {
    stats.Verdict.FEWER: QT_TRANSLATE_NOOP("Trial", "clearer fewer cramps"),
    stats.Verdict.MORE: QT_TRANSLATE_NOOP("Trial", "clearer more cramps"),
    stats.Verdict.NO_CLEAR: QT_TRANSLATE_NOOP("Trial", "no clear difference"),
}
# The summary's result starts its sentence: the same words capitalised, for every language.
_VERDICT_HEADS: dict[stats.Verdict, Message] = {
    stats.Verdict.FEWER: QT_TRANSLATE_NOOP("Trial", "Clearer fewer cramps"),
    stats.Verdict.MORE: QT_TRANSLATE_NOOP("Trial", "Clearer more cramps"),
    stats.Verdict.NO_CLEAR: QT_TRANSLATE_NOOP("Trial", "No clear difference"),
}
_TONIGHT: dict[bool | None, Message] = {
    None: QT_TRANSLATE_NOOP("Trial", "as usual"),
    True: QT_TRANSLATE_NOOP("Trial", "do the routine"),
    False: QT_TRANSLATE_NOOP("Trial", "no routine"),
}


def summary_message(report: Report, today: date) -> Message:
    """Two lines for the review window: where the trial is, and the result so far."""
    t = report.trial
    d = t.design
    block = d.block_of(today)
    if not t.active:
        where = QT_TRANSLATE_NOOP("Trial", "stopped")
    elif d.phase(today) is Phase.AFTER:
        where = QT_TRANSLATE_NOOP("Trial", "all blocks are over")
    elif block is None:
        where = QT_TRANSLATE_NOOP("Trial", "begins {day}").format(day=Day(d.first_day))
    else:
        where = QT_TRANSLATE_NOOP("Trial", "{block}, tonight {tonight}").format(
            block=block.label_message, tonight=_TONIGHT[block.routine]
        )
    interval = _interval(report)
    if interval is None:
        result = QT_TRANSLATE_NOOP("Trial", "Not enough nights yet")
    else:
        result = QT_TRANSLATE_NOOP(
            "Trial", "{verdict} ({estimate} cramp nights a week, 95 % {low} to {high})"
        ).format(verdict=_VERDICT_HEADS[report.verdict], **interval[1])
    return QT_TRANSLATE_NOOP(
        "Trial",
        "Personal trial: {where}. {result}; {unknown}/{counted} nights unknown; not blinded.",
    ).format(
        where=where, result=result, unknown=report.unknown_nights, counted=report.counted_nights
    )


def _d(day: date) -> str:
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b %Y')}"


def status_text(trial: Trial, today: date) -> str:
    """Where the trial is tonight, in a few plain lines."""
    d = trial.design
    if not trial.active:
        stopped = _d(trial.stopped or today)
        return f"The personal trial that began {_d(d.first_day)} was stopped on {stopped}."
    phase = d.phase(today)
    block = d.block_of(today)
    lines = [f"Personal trial (n-of-1), {_d(d.first_day)} to {_d(d.last_day)}."]
    if phase is Phase.BEFORE:
        lines.append(f"It begins on {_d(d.first_day)} with {d.baseline_days} nights as usual.")
    elif phase is Phase.AFTER:
        lines.append("All blocks are over: see the report (crampcoach trial report).")
    elif block is not None:
        day_n = (today - block.first).days + 1
        length = (block.last - block.first).days + 1
        total = len(d.blocks()) - (1 if d.baseline_days else 0)
        where = (
            "baseline"
            if block.routine is None
            else f"block {block.index} of {total}, {'with' if block.routine else 'without'} "
            "the bedtime routine"
        )
        lines.append(f"Now: {where}, night {day_n} of {length}.")
        if phase is Phase.WASHIN:
            lines.append(
                f"Wash-in until {_d(block.counted_from - timedelta(days=1))}: these nights "
                "are not counted."
            )
        tonight = {
            None: "Tonight: do as you usually do.",
            True: "Tonight: do the bedtime routine.",
            False: "Tonight: no bedtime routine (the trial needs these nights without it).",
        }[block.routine]
        lines.append(tonight)
    lines.append(
        'Each morning, say how the night went ("How was last night?" or '
        "crampcoach log night --cramps N): a night nobody logs is unknown."
    )
    return "\n".join(lines)


def bedtime_reminder(trial: Trial | None, night: date) -> tuple[Message, Message] | None:
    """The bedtime reminder's text on a trial night (translated when shown), or None for the usual."""
    if trial is None or not trial.active:
        return None
    block = trial.design.block_of(night)
    if block is None or block.routine is None:
        return None
    if block.routine:
        return (
            QT_TRANSLATE_NOOP("Reminders", "Trial night: the bedtime routine"),
            QT_TRANSLATE_NOOP(
                "Reminders",
                "In your personal trial tonight is a night with the routine "
                "(block {block}: with the routine).",
            ).format(block=block.index),
        )
    return (
        QT_TRANSLATE_NOOP("Reminders", "Trial night: no bedtime routine tonight"),
        QT_TRANSLATE_NOOP(
            "Reminders",
            "In your personal trial tonight is a night without it (block {block}: without the "
            "routine); just say tomorrow morning how the night went.",
        ).format(block=block.index),
    )


def _block_words(r: BlockResult, as_of: date) -> Message:
    """One block's line in the report: not started, in its wash-in, or its counts and rate."""
    if r.block.first > as_of:
        return QT_TRANSLATE_NOOP("Trial", "not started yet")
    if r.counted == 0:
        return QT_TRANSLATE_NOOP("Trial", "wash-in until {day}; nothing counted yet").format(
            day=Day(r.block.counted_from - timedelta(days=1))
        )
    rate = r.per_week
    rate_text = (
        QT_TRANSLATE_NOOP("Trial", "{rate} cramp nights a week").format(rate=Number(rate, 1))
        if rate is not None
        else QT_TRANSLATE_NOOP("Trial", "no number yet (needs {n} known nights)").format(
            n=r.block.min_known
        )
    )
    return QT_TRANSLATE_NOOP(
        "Trial",
        "{known} known of {counted} counted nights so far, {cramp_nights} with cramps; {rate}",
    ).format(known=r.known, counted=r.counted, cramp_nights=r.cramp_nights, rate=rate_text)


@dataclass(frozen=True)
class ReportParts:
    """The report's words, piece by piece: ``trial report`` prints them, the PDF lays them out.

    Messages: English on the command line, the user's language in the PDF.
    """

    heading: Message
    question: Message
    design: Message
    outcome: Message
    blocks: tuple[tuple[Message, Message, Message], ...]  # (label, "first to last", how it went)
    result: Message
    unknown: Message
    limits: Message


def _listed(words: Sequence[Message]) -> Message | str:
    """A list, "a, b, c": its joint is written the same in every language, so not translated."""
    if not words:
        return ""
    out = words[0]
    for word in words[1:]:
        out = Message("Trial", "{first}, {next}").format(first=out, next=word)
    return out


def _interval(report: Report) -> tuple[stats.Difference, dict[str, Number]] | None:
    """The difference and its estimate and 95 % bounds as shown, or None while not enough nights."""
    diff = report.difference
    if (
        report.verdict is stats.Verdict.NOT_ENOUGH
        or diff is None
        or diff.low is None
        or diff.high is None
    ):
        return None
    return diff, {
        "estimate": Number(diff.estimate, 1, signed=True),
        "low": Number(diff.low, 1, signed=True),
        "high": Number(diff.high, 1, signed=True),
    }


def _result(report: Report) -> Message:
    interval = _interval(report)
    if interval is None:
        return QT_TRANSLATE_NOOP(
            "Trial",
            "Result: not enough nights yet. It needs at least two finished pairs of blocks "
            "with two thirds of the counted nights known in each block; {pairs} so far.",
        ).format(pairs=len(report.pair_differences))
    diff, shown = interval
    return QT_TRANSLATE_NOOP(
        "Trial",
        "Result: {verdict}. With the routine minus without: {estimate} cramp nights a week "
        "(95 % interval {low} to {high}, {method}, {pairs} pairs).",
    ).format(
        verdict=_VERDICT_WORDS[report.verdict],
        method=stats.METHODS.get(diff.method, diff.method),
        pairs=len(report.pair_differences),
        **shown,
    )


def report_parts(report: Report) -> ReportParts:
    """The report in plain words: design, blocks, result, unknown nights, limits."""
    t = report.trial
    d = t.design
    with_words = {
        True: QT_TRANSLATE_NOOP("Trial", "with"),
        False: QT_TRANSLATE_NOOP("Trial", "without"),
    }
    span = {"first": Day(d.first_day), "last": Day(d.last_day)}
    heading = (
        QT_TRANSLATE_NOOP("Trial", "Your personal trial (n-of-1), {first} to {last}").format(**span)
        if t.active
        else QT_TRANSLATE_NOOP(
            "Trial", "Your personal trial (n-of-1), {first} to {last} (stopped {stopped})"
        ).format(**span, stopped=Day(t.stopped or report.as_of))
    )
    return ReportParts(
        heading=heading,
        question=QT_TRANSLATE_NOOP(
            "Trial", "Question: does the bedtime routine reduce your night cramps?"
        ),
        design=QT_TRANSLATE_NOOP(
            "Trial",
            "Design: {baseline} nights as usual (baseline), then {pairs} pairs of "
            "{block}-night blocks with and without the routine, in random order within "
            "each pair ({order}; seed {seed}, kept in your log). The first {washin} "
            "nights of each block are a wash-in and not counted.",
        ).format(
            baseline=d.baseline_days,
            pairs=d.pairs,
            block=d.block_days,
            order=_listed([with_words[r] for r in d.order()]),
            seed=d.seed,
            washin=d.washin_days,
        ),
        outcome=QT_TRANSLATE_NOOP("Trial", "Outcome, fixed in advance: {outcome}.").format(
            outcome=OUTCOME_MESSAGE
        ),
        blocks=tuple(
            (
                r.block.label_message,
                QT_TRANSLATE_NOOP("Trial", "{first} to {last}").format(
                    first=r.block.first.isoformat(), last=r.block.last.isoformat()
                ),
                _block_words(r, report.as_of),
            )
            for r in report.blocks
        ),
        result=_result(report),
        unknown=QT_TRANSLATE_NOOP(
            "Trial",
            "Unknown nights: {unknown} of {counted} counted nights had no check-in and no "
            "night cramp logged; they are left out, never counted as cramp-free.",
        ).format(unknown=report.unknown_nights, counted=report.counted_nights),
        limits=CANNOT_RULE_OUT_MESSAGE,
    )


def report_text(report: Report) -> str:
    """The report as plain text: design, blocks, result, unknowns, limits."""
    p = report_parts(report)
    lines = [str(p.heading), str(p.question), str(p.design), str(p.outcome), ""]
    lines += [f"  {label!s:<34} {dates}: {words}" for label, dates, words in p.blocks]
    lines += ["", str(p.result), str(p.unknown), "", str(p.limits)]
    return "\n".join(lines) + "\n"
