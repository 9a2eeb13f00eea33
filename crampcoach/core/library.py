"""The routine and document library the main window lists, cached between runs.

Validating routine files (TOML parsing, the msgspec schema, every quote found
in its document) is the largest piece of our own start-up work, and its
result only changes when a file does.  :func:`load` keeps the validated
result in ``$XDG_CACHE_HOME/crampcoach/library.json``, keyed by the name and
content (:func:`crampcoach.paths.content_key`) of every input: the built-in
and user routine files, the bundled documents and poses, and the validator's
own source files (so a new version of the rules never trusts an old
verdict).  Content, not inode and times: a copied or synced data folder
hits the cache as long as its files say the same thing.  A hit rebuilds the routines from
JSON without importing the loader, msgspec or tomllib; any miss, or a cache
file that is unreadable in any way, falls back to the full load and rewrites
the cache.  The cache holds nothing that is not derived from those files, so
losing it costs one slower start and nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from crampcoach import __version__, paths, resources
from crampcoach.core import poses
from crampcoach.core.model import (
    Citation,
    DocumentInfo,
    Routine,
    RoutineKind,
    Side,
    Step,
    Translations,
)

CACHE_FORMAT = 5
# The modules whose rules decide what a routine file means.
_VALIDATOR_SOURCES = (
    "routines.py",
    "model.py",
    "documents.py",
    "library.py",
    "poses.py",
    "pose_file.py",
)


@dataclass(frozen=True, slots=True)
class Library:
    """What loading found: routines in display order, problem lines, and the documents."""

    routines: list[Routine]
    problems: list[str]
    documents: list[DocumentInfo]
    from_cache: bool = field(default=False, compare=False)


CACHE_NAME = "library.json"


def cache_path() -> Path:
    """Where the cache lives (per user and computer, not in the data folder)."""
    return paths.cache_dir() / CACHE_NAME


def _inputs(user_dir: Path) -> list[tuple[str, Path]]:
    docs = resources.path("assets", "documents")
    here = Path(__file__).resolve().parent
    return [
        *(("routine", p) for p in paths.routine_files(resources.path("routines"))),
        *(("user", p) for p in (paths.routine_files(user_dir) if user_dir.is_dir() else [])),
        *(("document", p) for p in sorted(p for p in docs.iterdir() if p.is_file())),
        ("poses", resources.path("assets", "poses/poses.toml")),  # the pose names a step may use
        *(("source", here / name) for name in _VALIDATOR_SOURCES),
    ]


def fingerprint(user_dir: Path) -> list[Any]:
    """Identifies every input by kind, name and content: any edit, addition or removal changes it.

    Names, not full paths, so the same files in a copied data folder (or an
    installed copy of the app) give the same key; a file that vanished while
    we looked gives None, which never matches a stored key.
    """
    key: list[Any] = [CACHE_FORMAT, __version__]
    for kind, p in _inputs(user_dir):
        key.append([kind, p.name, paths.content_key(p)])
    return key


def _routine_from(data: dict[str, Any]) -> Routine:
    steps = tuple(
        Step(
            **{
                **s,
                "side": Side(s["side"]),
                "citations": tuple(Citation(**c) for c in s["citations"]),
                "frames": tuple(s["frames"]),
                "translations": _translations_from(s["translations"]),
            }
        )
        for s in data["steps"]
    )
    return Routine(
        **{
            **data,
            "kind": RoutineKind(data["kind"]),
            "steps": steps,
            "translations": _translations_from(data["translations"]),
        }
    )


def _translations_from(data: list[Any]) -> Translations:
    """JSON's lists back into the model's tuples."""
    return tuple(
        (str(language), tuple((str(name), str(text)) for name, text in texts))
        for language, texts in data
    )


def _read(file: Path, key: list[Any]) -> Library | None:
    """The cached library if ``file`` holds one for exactly ``key``; None otherwise."""
    try:
        data = json.loads(file.read_bytes())
        if data["key"] != key:
            return None
        found = Library(
            routines=[_routine_from(r) for r in data["routines"]],
            problems=[str(p) for p in data["problems"]],
            documents=[
                DocumentInfo(**{**d, "translations": _translations_from(d["translations"])})
                for d in data["documents"]
            ],
            from_cache=True,
        )
        # The validated pose library too: pictures drawn at start-up parse no TOML.
        poses.use(data["poses"])
        return found
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # absent, damaged or from another format: load for real


def _write(file: Path, key: list[Any], library: Library) -> None:
    """Replace the cache atomically; failing to write a cache is never an error."""
    try:
        pose_data = {name: poses.to_data(pose) for name, pose in poses.library().items()}
    except poses.PoseError:  # a broken installation: every routine says so; cache nothing
        return
    payload = {
        "key": key,
        "routines": [asdict(r) for r in library.routines],
        "problems": library.problems,
        "documents": [asdict(d) for d in library.documents],
        "poses": pose_data,
    }
    paths.write_cache_file(file, json.dumps(payload, ensure_ascii=False))


def load_fresh(user_dir: Path) -> Library:
    """Validate every file now (the slow path); never raises for a bad routine file."""
    from crampcoach.core import documents, routines

    result = routines.load_all(user_dir=user_dir)
    return Library(
        routines=list(result.routines),
        problems=[str(p) for p in result.problems],
        documents=documents.catalogue(),
    )


def load(data_dir: Path, languages: Sequence[str] = ()) -> Library:
    """The library for ``data_dir``: from the cache when nothing changed, else loaded and cached.

    ``languages`` (most wanted first, see ``model.preferred_languages``): each
    routine's text in the first that translates it, else as written.  The
    cache keeps every language, so a change of language needs no reload.
    """
    library = _load(data_dir)
    if not languages:
        return library
    return replace(
        library,
        routines=[r.localized(languages) for r in library.routines],
        documents=[d.localized(languages) for d in library.documents],
    )


def _load(data_dir: Path) -> Library:
    user_dir = paths.user_routines_dir(data_dir)
    file = cache_path()
    key = fingerprint(user_dir)
    cached = _read(file, key)
    if cached is not None:
        return cached
    library = load_fresh(user_dir)
    # Inputs that changed while we loaded would make the new key describe the
    # old content; store only when the key held still.
    if fingerprint(user_dir) == key:
        _write(file, key, library)
        paths.drop_legacy_cache(data_dir, CACHE_NAME)
    return library
