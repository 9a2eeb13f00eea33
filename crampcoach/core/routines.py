"""Routine files: TOML → a validated :class:`~crampcoach.core.model.Routine`.

The schema is declared once, as msgspec Structs with ``Meta`` constraints
(lengths, ranges, patterns, and a plain-words ``description`` that error
messages quote).  A valid file costs one ``msgspec.convert`` call.  msgspec
stops at the first error, so for an invalid file we walk the same Structs
field by field to report *every* problem, each as a :class:`LoadProblem`
naming the file, the step (number and name), the field and what is expected.

Cross-field rules that a type cannot express are checked afterwards: a step
gives either ``duration_s`` or ``repetitions`` + ``hold_s``; every citation
names a known document and quotes it exactly (whitespace-normalised only);
the id (explicit or from the file name) has the id shape; ids are unique.

Routine text is plain text: it is stored as written and never interpreted.
Control characters (terminal escapes included) are refused so that printing
a routine cannot do anything but show its words.
"""

from __future__ import annotations

import contextlib
import difflib
import re
import tomllib
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta

from crampcoach import paths, resources
from crampcoach.core import documents, poses
from crampcoach.core.model import (
    Citation,
    Document,
    LoadProblem,
    LoadResult,
    Routine,
    RoutineKind,
    Side,
    Step,
    Translations,
)
from crampcoach.paths import routine_files

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_STEP_SECONDS",
    "LoadProblem",
    "LoadResult",
    "RoutineError",
    "check_paths",
    "id_from_file_name",
    "load_all",
    "load_file",
    "quote_found",
    "routine_files",
]

MAX_FILE_BYTES = 256 * 1024
#: How deeply arrays and inline tables may nest (tomllib would recurse until RecursionError).
MAX_DEPTH = 32
_TOO_DEEP = re.compile(r"(?:[\[{]\s*){" + str(MAX_DEPTH + 1) + "}")
MAX_STEP_SECONDS = 1800
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
FORMAT_HINT = "see routines/README.md"

# At least one visible character, and no control characters except tab and
# line breaks: text is shown as written, so it must not carry terminal escapes.
_TEXT = r"^(?=[\s\S]*\S)[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
# Names and titles are one line: they head a screen or a list row.
_LINE = r"^(?=.*\S)[^\x00-\x1f\x7f]*$"


def _text(lo: int, hi: int, what: str, pattern: str = _TEXT) -> Meta:
    return Meta(
        min_length=lo, max_length=hi, pattern=pattern, description=f"{what} ({lo}–{hi} characters)"
    )


Name = Annotated[str, _text(1, 60, "a short name on one line", _LINE)]
Title = Annotated[str, _text(1, 80, "a title on one line", _LINE)]
Description = Annotated[str, _text(1, 300, "one or two sentences")]
Instructions = Annotated[str, _text(1, 600, "instructions in plain words")]
Note = Annotated[str, _text(1, 600, "a short note")]
Quote = Annotated[str, _text(1, 1000, "the exact words quoted from the document")]
DocId = Annotated[
    str, Meta(min_length=1, max_length=64, description="a document id from 'crampcoach docs list'")
]
RoutineId = Annotated[
    str,
    Meta(
        pattern=ID_PATTERN,
        max_length=64,
        description="an id of lowercase letters, digits and single '-' between them (at most 64)",
    ),
]
Seconds = Annotated[
    int,
    Meta(
        ge=1,
        le=MAX_STEP_SECONDS,
        description=f"a whole number of seconds from 1 to {MAX_STEP_SECONDS}",
    ),
]
Repetitions = Annotated[
    int, Meta(ge=1, le=20, description="a whole number of repetitions from 1 to 20")
]
HoldSeconds = Annotated[
    int, Meta(ge=1, le=300, description="a whole number of seconds from 1 to 300")
]
RestSeconds = Annotated[
    int, Meta(ge=0, le=300, description="a whole number of seconds from 0 to 300")
]
PoseName = Annotated[
    str,
    Meta(
        pattern=ID_PATTERN,
        max_length=64,
        description="a pose name from the pose library (see routines/README.md)",
    ),
]
KeyFrames = Annotated[
    list[PoseName], Meta(min_length=2, max_length=8, description="2 to 8 pose names, in order")
]
CycleSeconds = Annotated[
    float, Meta(ge=0.5, le=30, description="seconds for one cycle of the move, 0.5 to 30")
]
SideName = Annotated[
    Literal["both", "each", "affected", "none"],
    Meta(description="'both', 'each', 'affected' or 'none'"),
]
CautionName = Annotated[
    Literal["foot-soak", "feet-up"],
    Meta(description="'foot-soak' or 'feet-up' (a caution the health profile may raise)"),
]
KindName = Annotated[
    RoutineKind, Meta(description="one of " + ", ".join(f"'{k.value}'" for k in RoutineKind))
]


#: ISO 639-1: the languages a ``[translations.<code>]`` table may name.
LANGUAGES = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
    ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
    ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu""".split()  # noqa: SIM905 - 184 codes read better as text
)
LanguageCode = Annotated[
    str,
    Meta(
        pattern=r"^[a-z]{2}(_[A-Z]{2})?$",
        description="a language code such as 'de' or 'pt_BR'",
    ),
]


class RoutineText(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """``[translations.<language>]`` of a routine: its text in that language."""

    title: Title | msgspec.UnsetType = msgspec.UNSET
    description: Description | msgspec.UnsetType = msgspec.UNSET
    safety: Note | msgspec.UnsetType = msgspec.UNSET


class StepText(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """``[steps.translations.<language>]``: a step's text in that language (never its quotes)."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    instructions: Instructions | msgspec.UnsetType = msgspec.UNSET
    safety: Note | msgspec.UnsetType = msgspec.UNSET
    evidence: Note | msgspec.UnsetType = msgspec.UNSET


class CitationSpec(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """``{doc = "<id>", quote = "<exact text>"}``."""

    doc: DocId
    quote: Quote


Citations = Annotated[
    list[CitationSpec],
    Meta(min_length=1, max_length=10, description='1 to 10 citations {doc = "…", quote = "…"}'),
]


class StepSpec(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One ``[[steps]]`` table as written (see routines/README.md)."""

    name: Name
    instructions: Instructions
    citations: Citations
    side: SideName = "both"
    duration_s: Seconds | msgspec.UnsetType = msgspec.UNSET
    repetitions: Repetitions | msgspec.UnsetType = msgspec.UNSET
    hold_s: HoldSeconds | msgspec.UnsetType = msgspec.UNSET
    rest_s: RestSeconds | msgspec.UnsetType = msgspec.UNSET
    safety: Note | msgspec.UnsetType = msgspec.UNSET
    evidence: Note | msgspec.UnsetType = msgspec.UNSET
    pose: PoseName | msgspec.UnsetType = msgspec.UNSET
    frames: KeyFrames | msgspec.UnsetType = msgspec.UNSET
    cycle_s: CycleSeconds | msgspec.UnsetType = msgspec.UNSET
    caution: CautionName | msgspec.UnsetType = msgspec.UNSET
    translations: dict[LanguageCode, StepText] | msgspec.UnsetType = msgspec.UNSET


Steps = Annotated[
    list[StepSpec], Meta(min_length=1, max_length=60, description="1 to 60 [[steps]] tables")
]


class RoutineSpec(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """A whole routine file as written."""

    title: Title
    kind: KindName
    description: Description
    steps: Steps
    id: RoutineId | msgspec.UnsetType = msgspec.UNSET
    safety: Note | msgspec.UnsetType = msgspec.UNSET
    translations: dict[LanguageCode, RoutineText] | msgspec.UnsetType = msgspec.UNSET


class RoutineError(ValueError):
    """A routine file could not be loaded; ``problems`` has one entry per problem."""

    def __init__(self, problems: Sequence[LoadProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# --- reading -----------------------------------------------------------------

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class _Issue:
    """A problem at a path inside the parsed TOML, before it is put in words."""

    path: KeyPath
    message: str


def _size_words(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{n / 1024:.0f} KiB"


def _read_toml(path: Path) -> dict[str, Any]:
    """Read and parse one file, or raise RoutineError with a whole-file problem."""

    def fail(message: str) -> RoutineError:
        return RoutineError([LoadProblem(str(path), message)])

    try:
        size = path.stat().st_size
        if not path.is_file():
            raise fail("is not a file; give a routine .toml file or a folder of them")
        if size > MAX_FILE_BYTES:
            raise fail(
                f"file is {_size_words(size)}; a routine file must be under "
                f"{MAX_FILE_BYTES // 1024} KiB"
            )
        with path.open("rb") as fh:
            # Read at most one byte past the limit: the file may have grown since stat().
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise fail(f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise fail(f"file is over {MAX_FILE_BYTES // 1024} KiB; a routine file must be under that")
    try:
        # utf-8-sig: editors on Windows often start UTF-8 files with a byte-order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise fail(
            "file is empty; a routine needs title, kind, description and at least one "
            f"[[steps]] table ({FORMAT_HINT})"
        )
    deep = (
        f"nests arrays or tables more than {MAX_DEPTH} levels deep; a routine needs only a "
        f"few ({FORMAT_HINT})"
    )
    if _TOO_DEEP.search(text):
        raise fail(deep)
    try:
        return tomllib.loads(text)
    except RecursionError:  # deep nesting with values between the brackets
        raise fail(deep) from None
    except tomllib.TOMLDecodeError as exc:
        # The message ends with "(at line L, column C)".
        raise fail(f"not valid TOML: {exc}") from None


# --- structural checks (only run when msgspec rejects the file) ---------------


def _strip_optional(tp: Any) -> Any:
    """``X | UnsetType`` → ``X``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not msgspec.UnsetType]
        if len(args) == 1:
            return args[0]
    return tp


def _unannotated(tp: Any) -> tuple[Any, list[Meta]]:
    if typing.get_origin(tp) is Annotated:
        base, *extras = typing.get_args(tp)
        return base, [m for m in extras if isinstance(m, Meta)]
    return tp, []


def _description(tp: Any) -> str | None:
    for meta in _unannotated(_strip_optional(tp))[1]:
        if meta.description:
            return meta.description
    return None


def _is_struct(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, msgspec.Struct)


def _toml_kind(value: object) -> str:
    """What a TOML value is, in the words the README uses."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the decimal number {value}"
    if isinstance(value, str):
        if len(value) > 40 or not value.isprintable():
            return f"text of {len(value)} characters" + (
                "" if value.isprintable() else " with a control character or line break"
            )
        return f"the text {value!r}"
    if isinstance(value, list):
        return f"an array of {len(value)}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime | date | time):
        return "a date/time"
    return type(value).__name__


_MSGSPEC_PATH = re.compile(r" - at `\$(?P<path>[^`]*)`$")
_PATH_PART = re.compile(r"\.(?P<key>[^.\[]+)|\[(?P<index>\d+)\]")


def _split_msgspec_error(message: str) -> tuple[str, KeyPath]:
    """``"Expected `int` - at `$.steps[2].duration_s`"`` → message and ("steps", 2, "duration_s")."""
    m = _MSGSPEC_PATH.search(message)
    if not m:
        return message, ()
    parts: list[str | int] = []
    for part in _PATH_PART.finditer(m.group("path")):
        parts.append(int(part["index"]) if part["index"] is not None else part["key"])
    return message[: m.start()], tuple(parts)


def _convert_issue(value: object, tp: Any, path: KeyPath) -> list[_Issue]:
    """Check one value against its declared type; phrase a failure with its description."""
    try:
        msgspec.convert(value, tp)
    except msgspec.ValidationError as exc:
        message, sub = _split_msgspec_error(str(exc))
        desc = _description(tp)
        if desc and not sub:
            message = f"expected {desc}; got {_toml_kind(value)}"
        return [_Issue(path + sub, message)]
    return []


def _structure_issues(value: object, tp: Any, path: KeyPath) -> list[_Issue]:
    """Every structural problem of ``value`` against ``tp`` (Structs and lists of them walked)."""
    base, metas = _unannotated(_strip_optional(tp))
    if _is_struct(base):
        return _struct_issues(value, base, path)
    if typing.get_origin(base) is list and _is_struct(typing.get_args(base)[0]):
        item = typing.get_args(base)[0]
        # Check the list's own constraints (length) with items left unchecked.
        shallow = Annotated[list[Any], *metas] if metas else list[Any]
        issues = _convert_issue(value, shallow, path)
        if not isinstance(value, list):
            return issues
        for index, element in enumerate(value):
            issues += _structure_issues(element, item, (*path, index))
        return issues
    if typing.get_origin(base) is dict and _is_struct(typing.get_args(base)[1]):
        key_type, item = typing.get_args(base)
        if not isinstance(value, dict):
            return [_Issue(path, f"expected a table of languages; got {_toml_kind(value)}")]
        issues = []
        for key, element in value.items():
            issues += _convert_issue(key, key_type, (*path, key))
            issues += _structure_issues(element, item, (*path, key))
        return issues
    return _convert_issue(value, tp, path)


def _unknown_field(key: str, fields: Sequence[msgspec.structs.FieldInfo]) -> str:
    names = [f.encode_name for f in fields]
    if key in ("citations", "quote") and "citations" not in names:
        return (
            "quotes are not translated: a citation is the document's own words, cited "
            f"verbatim; translate only {', '.join(names)} ({FORMAT_HINT})"
        )
    close = difflib.get_close_matches(key, names, n=1)
    if close:
        return f"unknown field; did you mean '{close[0]}'? ({FORMAT_HINT})"
    return f"unknown field; expected one of: {', '.join(names)} ({FORMAT_HINT})"


def _struct_issues(value: object, struct: type[msgspec.Struct], path: KeyPath) -> list[_Issue]:
    if not isinstance(value, dict):
        return [_Issue(path, f"expected a table; got {_toml_kind(value)}")]
    fields = msgspec.structs.fields(struct)
    known = {f.encode_name for f in fields}
    issues = [
        _Issue((*path, key), _unknown_field(key, fields)) for key in value if key not in known
    ]
    for f in fields:
        if f.encode_name in value:
            issues += _structure_issues(value[f.encode_name], f.type, (*path, f.encode_name))
        elif f.required:
            desc = _description(f.type)
            issues.append(
                _Issue((*path, f.encode_name), "missing" + (f"; expected {desc}" if desc else ""))
            )
    return issues


# --- cross-field checks -------------------------------------------------------


@lru_cache(maxsize=64)
def _normalised(text: str) -> str:
    r"""A document's whitespace-normalised text, computed once per document.

    ``normalise(quote) in _normalised(doc)`` is exactly ``find_quote`` (words
    joined by ``\s+``) but costs a substring search instead of building a
    regex per quote and re-scanning the raw text.
    """
    return documents.normalise(text)


def quote_found(document: Document, quote: str) -> bool:
    """Whether ``quote`` occurs in ``document``, whitespace-normalised and nothing else."""
    needle = documents.normalise(quote)
    return bool(needle) and needle in _normalised(document.text)


def _pose_issues(at: KeyPath, step: StepSpec) -> list[_Issue]:
    """Every pose a step names must be in the library; a pace needs a move to pace."""
    issues: list[_Issue] = []
    try:
        known = poses.library()
    except poses.PoseError as exc:  # a broken installation: say so, load the rest
        return [_Issue((*at, "pose"), f"the pose library cannot be read: {exc}")]
    named: list[tuple[KeyPath, str]] = []
    if isinstance(step.pose, str):
        named.append(((*at, "pose"), step.pose))
    if isinstance(step.frames, list):
        named += [((*at, "frames", n), name) for n, name in enumerate(step.frames)]
    for where, name in named:
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            issues.append(
                _Issue(
                    where, f"unknown pose {name!r}; {hint}known poses: {', '.join(sorted(known))}"
                )
            )
    if isinstance(step.cycle_s, float | int) and not isinstance(step.frames, list):
        pose = known.get(step.pose) if isinstance(step.pose, str) else None
        if pose is None or not pose.moves:
            issues.append(
                _Issue(
                    (*at, "cycle_s"),
                    "only a move has a pace; give frames = [...] or a moving pose, or remove cycle_s",
                )
            )
    return issues


def _step_issues(
    index: int, step: StepSpec, docs: Mapping[str, Document]
) -> tuple[list[_Issue], int]:
    """Cross-field problems of one step, and its length in seconds (per side)."""
    at: KeyPath = ("steps", index)
    issues: list[_Issue] = []
    held = [
        name
        for name in ("repetitions", "hold_s", "rest_s")
        if getattr(step, name) is not msgspec.UNSET
    ]
    seconds = 0
    if isinstance(step.duration_s, int):
        seconds = step.duration_s
        if held:
            issues.append(
                _Issue(
                    (*at, "duration_s"),
                    f"give either duration_s or repetitions with hold_s, not both "
                    f"(this step also has {', '.join(held)})",
                )
            )
    elif not held:
        issues.append(
            _Issue(
                (*at, "duration_s"),
                "missing; give duration_s (seconds), or repetitions with hold_s",
            )
        )
    elif isinstance(step.repetitions, int) and isinstance(step.hold_s, int):
        rest = step.rest_s if isinstance(step.rest_s, int) else 0
        seconds = step.repetitions * step.hold_s + (step.repetitions - 1) * rest
        if seconds > MAX_STEP_SECONDS:
            issues.append(
                _Issue(
                    (*at, "repetitions"),
                    f"the step would last {seconds} s per side "
                    f"({step.repetitions} × {step.hold_s} s + {step.repetitions - 1} × {rest} s rest); "
                    f"at most {MAX_STEP_SECONDS} s",
                )
            )
    else:
        lacking = "hold_s" if isinstance(step.repetitions, int) else "repetitions"
        issues.append(_Issue((*at, lacking), "missing; repetitions and hold_s go together"))
    issues += _pose_issues(at, step)
    for c_index, citation in enumerate(step.citations):
        where: KeyPath = (*at, "citations", c_index)
        document = docs.get(citation.doc)
        if document is None:
            issues.append(
                _Issue(
                    (*where, "doc"),
                    f"unknown document {citation.doc!r}; expected one of: {', '.join(docs)}",
                )
            )
        elif not quote_found(document, citation.quote):
            shown = citation.quote if len(citation.quote) <= 60 else citation.quote[:57] + "..."
            issues.append(
                _Issue(
                    (*where, "quote"),
                    f"{shown!r} does not occur in document {citation.doc!r}; copy the words, "
                    "spelling and punctuation exactly (only spacing and line breaks may differ)",
                )
            )
    return issues, seconds


def _table_translation_issues(table: Mapping[str, Any], at: KeyPath) -> list[_Issue]:
    """Language codes that are none, or English; fields translated that have no English."""
    tables = table.get("translations")
    if not isinstance(tables, dict):
        return []
    issues: list[_Issue] = []
    for language, texts in tables.items():
        where = (*at, "translations", language)
        code = language.split("_")[0]
        if re.fullmatch(r"[a-z]{2}(_[A-Z]{2})?", language) is None:
            continue  # the structure check said what a code looks like
        if code == "en":
            issues.append(
                _Issue(where, "English is the text of the fields themselves; translate into others")
            )
        elif code not in LANGUAGES:
            close = difflib.get_close_matches(code, sorted(LANGUAGES), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            issues.append(
                _Issue(
                    where,
                    f"unknown language {language!r}; {hint}use a two-letter ISO 639-1 code "
                    "such as 'de' (with a region if needed: 'pt_BR')",
                )
            )
        for name in texts if isinstance(texts, dict) else ():
            if name in ("title", "description", "name", "instructions"):
                continue  # always there in English (or missing, said elsewhere)
            if name in ("safety", "evidence") and name not in table:
                issues.append(
                    _Issue(
                        (*where, name),
                        f"translates {name!r}, which has no English text here; add "
                        f'{name} = "..." first',
                    )
                )
    return issues


def _translation_issues(raw: Mapping[str, Any]) -> list[_Issue]:
    """Cross-field problems of every ``translations`` table in the file."""
    issues = _table_translation_issues(raw, ())
    steps = raw.get("steps")
    for index, step in enumerate(steps if isinstance(steps, list) else []):
        if isinstance(step, dict):
            issues += _table_translation_issues(step, ("steps", index))
    return issues


def _translations(tables: Mapping[str, msgspec.Struct] | msgspec.UnsetType) -> Translations:
    """The spec's translation tables as the model keeps them (unset fields left out)."""
    if isinstance(tables, msgspec.UnsetType):
        return ()
    return tuple(
        (
            language,
            tuple(
                (name, value)
                for name in texts.__struct_fields__
                if isinstance(value := getattr(texts, name), str)
            ),
        )
        for language, texts in sorted(tables.items())
    )


# --- putting it in words --------------------------------------------------------


def _problem(file: str, raw: Mapping[str, Any], issue: _Issue) -> LoadProblem:
    """Turn a path like ("steps", 2, "citations", 0, "quote") into step and field words."""
    path = list(issue.path)
    step: str | None = None
    if len(path) >= 2 and path[0] == "steps" and isinstance(path[1], int):
        number = path[1]
        step = str(number + 1)
        raw_steps = raw.get("steps")
        if isinstance(raw_steps, list) and number < len(raw_steps):
            name = raw_steps[number].get("name") if isinstance(raw_steps[number], dict) else None
            if isinstance(name, str) and name.strip() and name.isprintable():
                step += f' "{name.strip()[:60]}"'
        path = path[2:]
    words = ""
    for part in path:
        # Numbers count from 1, as steps do.
        if isinstance(part, int):
            words += f"[{part + 1}]"
        else:
            # A quoted TOML key may hold anything; keep the problem on one printable line.
            words += ("." if words else "") + (part if part.isprintable() else repr(part))
    return LoadProblem(file, issue.message, step, words or None)


# --- public API -----------------------------------------------------------------


def id_from_file_name(path: Path) -> str:
    """The id a file without ``id = ...`` gets: its name, lowercased, other runs → ``-``.

    ``My_Calf Stretch.toml`` becomes ``my-calf-stretch``.
    """
    return "-".join(re.findall(r"[a-z0-9]+", path.stem.lower()))


def _convert(
    raw: dict[str, Any],
) -> tuple[RoutineSpec | None, list[tuple[int, StepSpec]], list[_Issue]]:
    """The file as a spec, the steps that are valid on their own, and the structure's issues."""
    try:
        spec = msgspec.convert(raw, RoutineSpec)
    except msgspec.ValidationError as exc:
        issues = _structure_issues(raw, RoutineSpec, ())
        if not issues:  # the walker should find what msgspec found; never lose it
            message, sub = _split_msgspec_error(str(exc))
            issues = [_Issue(sub, message)]
        # Steps that are fine on their own still get their cross-field checks.
        valid_steps = []
        raw_steps = raw.get("steps")
        for index, raw_step in enumerate(raw_steps if isinstance(raw_steps, list) else []):
            with contextlib.suppress(msgspec.ValidationError):
                valid_steps.append((index, msgspec.convert(raw_step, StepSpec)))
        return None, valid_steps, issues
    return spec, list(enumerate(spec.steps)), []


def _routine_id(
    spec: RoutineSpec | None, raw: dict[str, Any], path: Path, issues: list[_Issue]
) -> str:
    """The routine's id: its ``id``, else one made from the file name (an issue when none can be)."""
    if spec is not None and isinstance(spec.id, str):
        return spec.id
    routine_id = id_from_file_name(path)
    if "id" not in raw and not _ID_RE.match(routine_id):
        issues.append(
            _Issue(
                ("id",),
                f"missing, and no id can be made from the file name {path.name!r}; add "
                "id = \"...\" with lowercase letters, digits and '-'",
            )
        )
    return routine_id


def _step(s: StepSpec, duration_s: int) -> Step:
    return Step(
        name=s.name,
        instructions=s.instructions,
        duration_s=duration_s,
        side=Side(s.side),
        citations=tuple(Citation(c.doc, c.quote) for c in s.citations),
        repetitions=s.repetitions if isinstance(s.repetitions, int) else 1,
        hold_s=s.hold_s if isinstance(s.hold_s, int) else None,
        rest_s=s.rest_s if isinstance(s.rest_s, int) else 0,
        safety=s.safety if isinstance(s.safety, str) else None,
        evidence=s.evidence if isinstance(s.evidence, str) else None,
        pose=s.pose if isinstance(s.pose, str) else None,
        frames=tuple(s.frames) if isinstance(s.frames, list) else (),
        cycle_s=float(s.cycle_s) if isinstance(s.cycle_s, float | int) else None,
        caution=s.caution if isinstance(s.caution, str) else None,
        translations=_translations(s.translations),
    )


def _parse(path: Path, docs: Mapping[str, Document], builtin: bool) -> Routine:
    raw = _read_toml(path)
    file = str(path)
    spec, valid_steps, issues = _convert(raw)
    seconds: dict[int, int] = {}
    for index, step in valid_steps:
        step_issues, seconds[index] = _step_issues(index, step, docs)
        issues += step_issues
    issues += _translation_issues(raw)
    routine_id = _routine_id(spec, raw, path, issues)
    if issues or spec is None:
        raise RoutineError([_problem(file, raw, i) for i in issues])
    return Routine(
        id=routine_id,
        title=spec.title,
        kind=spec.kind,
        description=spec.description,
        steps=tuple(_step(s, seconds[i]) for i, s in enumerate(spec.steps)),
        source=file,
        builtin=builtin,
        safety=spec.safety if isinstance(spec.safety, str) else None,
        translations=_translations(spec.translations),
    )


def load_file(
    path: Path | str,
    *,
    builtin: bool = False,
    docs: Mapping[str, Document] | None = None,
) -> Routine:
    """Load and validate one routine file, or raise :class:`RoutineError` listing every problem.

    ``docs`` defaults to the bundled documents (read once per process).
    """
    return _parse(Path(path), documents.bundled() if docs is None else docs, builtin)


def _load_folder(
    files: Iterable[Path], docs: Mapping[str, Document], builtin: bool, result: LoadResult
) -> dict[str, Routine]:
    """Load every file; the first file with an id keeps it, later ones are problems."""
    loaded: dict[str, Routine] = {}
    for file in files:
        try:
            routine = load_file(file, builtin=builtin, docs=docs)
        except RoutineError as exc:
            result.problems.extend(exc.problems)
            continue
        first = loaded.get(routine.id)
        if first is not None:
            result.problems.append(
                LoadProblem(
                    str(file),
                    f"id {routine.id!r} is already used by {first.source}; this file is "
                    "ignored: give it another id",
                    field="id",
                )
            )
            continue
        loaded[routine.id] = routine
    return loaded


_KIND_ORDER = {kind: n for n, kind in enumerate(RoutineKind)}


def load_all(builtin_dir: Path | None = None, user_dir: Path | None = None) -> LoadResult:
    """Load the built-in routines and the user's own; one bad file never stops the others.

    A user routine with a built-in's id replaces it (that is how a user edits a
    built-in routine); two files in the same folder with one id are a problem
    and the later file (in name order) is ignored.  Routines come back in kind
    order (warm-up first), then by title.
    """
    if builtin_dir is None:
        builtin_dir = resources.path("routines")
    if user_dir is None:
        user_dir = paths.user_routines_dir(paths.data_dir(None))
    docs = documents.bundled()
    result = LoadResult()
    routines = _load_folder(routine_files(builtin_dir), docs, True, result)
    if user_dir.is_dir():
        routines.update(_load_folder(routine_files(user_dir), docs, False, result))
    result.routines = sorted(routines.values(), key=lambda r: (_KIND_ORDER[r.kind], r.title, r.id))
    return result


def check_paths(targets: Iterable[Path | str]) -> list[LoadProblem]:
    """Every problem in the given files and folders (folders: their ``*.toml`` files).

    Ids must be unique across everything checked; overriding a built-in id is fine.
    """
    docs = documents.bundled()
    result = LoadResult()
    files: list[Path] = []
    for target in map(Path, targets):
        if target.is_dir():
            found = routine_files(target)
            if not found:
                result.problems.append(
                    LoadProblem(str(target), "folder has no routine files (*.toml)")
                )
            files += found
        else:
            files.append(target)
    _load_folder(files, docs, False, result)
    return result.problems
