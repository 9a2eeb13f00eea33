"""``crampcoach routines list|show|check|print``: the built-in routines and the user's own."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import TYPE_CHECKING, Any

from crampcoach.cli import CliError, add_format
from crampcoach.exits import Exit

if TYPE_CHECKING:
    from crampcoach.core.model import LoadProblem, LoadResult, PlannedStep, Routine, Translations

NOT_MEDICAL_ADVICE = "General information, not medical advice. Stop if anything hurts."


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``routines`` commands."""
    routines = sub.add_parser(
        "routines", help="list, show and check stretching routines", parents=[common]
    )
    routines_sub = routines.add_subparsers(
        dest="routines_command", metavar="COMMAND", required=True
    )
    lst = routines_sub.add_parser(
        "list", help="list the built-in routines and your own", parents=[common]
    )
    add_format(lst)
    lst.set_defaults(func=_list)
    show = routines_sub.add_parser(
        "show", help="show a routine's steps and the passages they cite", parents=[common]
    )
    show.add_argument("id", help="a routine id from 'routines list'")
    add_format(show)
    show.set_defaults(func=_show)
    printing = routines_sub.add_parser(
        "print",
        help="make a printable A4 sheet (PDF) of a routine, with a picture of every step",
        parents=[common],
    )
    printing.add_argument("id", help="a routine id from 'routines list'")
    printing.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help="where to write the PDF"
    )
    add_format(printing)
    printing.set_defaults(func=_print)
    check = routines_sub.add_parser(
        "check",
        help="check routine files; one line per problem, exit 1 if any",
        parents=[common],
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="a routine .toml file or a folder")
    add_format(check)
    check.set_defaults(func=_check)


def _warn(problems: list[LoadProblem]) -> None:
    """Problems in routine files never stop list/show: one line each on stderr."""
    for problem in problems:
        print(f"crampcoach: warning: {problem}", file=sys.stderr)


def _load(args: argparse.Namespace) -> LoadResult:
    from crampcoach import paths
    from crampcoach.core import routines

    user_dir = paths.user_routines_dir(paths.data_dir(args.data_dir))
    result = routines.load_all(user_dir=user_dir)
    _warn(result.problems)
    return result


def _clock(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


def _count(routine: Routine) -> str:
    """The steps as written ("6 steps"), as the routine card and the player count them."""
    n = len(routine.steps)
    return "1 step" if n == 1 else f"{n} steps"


def _steps_words(routine: Routine) -> str:
    """The step count, e.g. "6 steps (8 with each side)" when a step runs on each leg.

    The player says "Step 2 of 6" on both sides of a two-sided step, so the
    numbered list below shows such a step twice under one number.
    """
    planned = len(routine.expanded())
    if planned == len(routine.steps):
        return _count(routine)
    return f"{_count(routine)} ({planned} with each side)"


def _list(args: argparse.Namespace) -> int:
    result = _load(args)
    if args.format == "json":
        rows = [
            {
                "id": r.id,
                "title": r.title,
                "kind": r.kind.value,
                "duration_s": r.duration_s,
                "steps": len(r.expanded()),
            }
            for r in result.routines
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not result.routines:
        print("No routines found.")
        return 0
    width = max(len(r.id) for r in result.routines)
    for r in result.routines:
        mine = "  (yours)" if not r.builtin else ""
        print(
            f"{r.id:<{width}}  {r.kind.value:<8}  {_clock(r.duration_s):>5}  "
            f"{_count(r):>8}  {r.title}{mine}"
        )
    return 0


def _find(result: LoadResult, routine_id: str) -> Routine:
    for routine in result.routines:
        if routine.id == routine_id:
            return routine
    known = ", ".join(r.id for r in result.routines) or "none"
    raise CliError(f"unknown routine {routine_id!r}; known routines: {known}")


def _step_json(step: PlannedStep) -> dict[str, Any]:
    return {
        "name": step.name,
        "side": step.side.value,
        "duration_s": step.duration_s,
        "instructions": step.instructions,
        "citations": [{"doc": c.doc, "quote": c.quote} for c in step.citations],
        "pose": step.pose,
        "frames": list(step.frames),
        "cycle_s": step.cycle_s,
        "translations": _translations_json(step.translations),
    }


def _translations_json(translations: Translations) -> dict[str, dict[str, str]]:
    """``{"de": {"name": "..."}}``: the file's translated text, per language."""
    return {language: dict(texts) for language, texts in translations}


def _show(args: argparse.Namespace) -> int:
    routine = _find(_load(args), args.id)
    steps = routine.expanded()
    if args.format == "json":
        data = {
            "id": routine.id,
            "title": routine.title,
            "kind": routine.kind.value,
            "duration_s": routine.duration_s,
            "translations": _translations_json(routine.translations),
            "steps": [_step_json(s) for s in steps],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(_show_text(routine, steps))
    return 0


def _wrap(text: str, indent: str) -> str:
    return "\n".join(
        textwrap.fill(para, width=78, initial_indent=indent, subsequent_indent=indent)
        for para in text.splitlines()
        if para.strip()
    )


def _show_text(routine: Routine, steps: tuple[PlannedStep, ...]) -> str:
    from crampcoach.core import documents

    docs = documents.bundled()
    origin = "built-in" if routine.builtin else f"yours: {routine.source}"
    lines = [
        routine.title,
        f"{routine.id} · {routine.kind.value} · {_clock(routine.duration_s)} · "
        f"{_steps_words(routine)} · {origin}",
        "",
        _wrap(routine.description, ""),
        NOT_MEDICAL_ADVICE,
    ]
    if routine.safety:
        lines.append(_wrap(f"Safety: {routine.safety}", ""))
    for step in steps:
        side = {"both": "", "none": "", "affected": " (the cramping leg)"}.get(
            step.side.value, f" ({step.side.value} leg)"
        )
        timing = f"{step.duration_s} s"
        if step.hold_s is not None:
            timing += f": {step.repetitions} × {step.hold_s} s hold"
            if step.rest_s:
                timing += f", {step.rest_s} s rest between"
        lines += [
            "",
            f"{step.index + 1}. {step.name}{side} — {timing}",
            _wrap(step.instructions, "   "),
        ]
        if step.pose or step.frames:
            lines.append(_wrap(f"Picture: {', '.join(step.frames) or step.pose}", "   "))
        if step.safety:
            lines.append(_wrap(f"Safety: {step.safety}", "   "))
        if step.evidence:
            lines.append(_wrap(f"Evidence: {step.evidence}", "   "))
        for citation in step.citations:
            doc = docs.get(citation.doc)
            title = doc.title if doc else citation.doc
            lines.append(_wrap(f"Source: {title} [{citation.doc}]: “{citation.quote}”", "   "))
    return "\n".join(lines)


def _print(args: argparse.Namespace) -> int:
    from pathlib import Path

    routine = _find(_load(args), args.id)
    target = Path(args.output)
    if target.is_dir():
        raise CliError(f"{target} is a folder; give a file name such as {routine.id}.pdf")
    if not target.parent.is_dir():
        raise CliError(
            f"cannot write {target}: the folder {target.parent} does not exist",
            code=Exit.FAILED,
        )
    from crampcoach.qt.routine_sheet import print_routine

    try:
        pages = print_routine(routine, target)
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc}", code=Exit.FAILED) from None
    if args.format == "json":
        print(json.dumps({"file": str(target), "routine": routine.id, "pages": pages}))
        return 0
    print(f"Wrote {target}: {routine.title}, {pages} page" + ("s" if pages != 1 else "") + " (A4).")
    return 0


def _check(args: argparse.Namespace) -> int:
    from crampcoach.core import routines

    problems = routines.check_paths(args.paths)
    if args.format == "json":
        found = [
            {"file": p.file, "step": p.step, "field": p.field, "message": p.message, "text": str(p)}
            for p in problems
        ]
        print(json.dumps({"valid": not problems, "problems": found}, indent=2, ensure_ascii=False))
        return 1 if problems else 0
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print("All routine files are valid.")
    return 0
