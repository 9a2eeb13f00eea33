"""Plain data types shared by the core, the store and the Qt shell.

Routine content is plain text everywhere: nothing here is ever interpreted as
markup or code.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace

#: Translated text of a routine or step: ((language, ((field, text), ...)), ...), as
#: written in its file's ``[translations.<language>]`` table.  The English is
#: the field itself.  Tuples, not dicts, so routines stay hashable.
Translations = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def preferred_languages(ui_languages: Sequence[str]) -> tuple[str, ...]:
    """The system's languages, most wanted first, each followed by its bare language.

    ``["de-AT", "en-US"]`` → ``("de_AT", "de", "en_US", "en")``.
    """
    out: list[str] = []
    for name in ui_languages:
        code = name.replace("-", "_")
        for candidate in (code, code.split("_")[0]):
            if candidate and candidate not in out:
                out.append(candidate)
    return tuple(out)


def translated(
    english: str | None, name: str, translations: Translations, languages: Sequence[str]
) -> str | None:
    """Field ``name`` in the first of ``languages`` that translates it, else the English.

    English in the list before any translation keeps the English: an English
    desktop with German second shows the routines as written.
    """
    if english is None:
        return None
    tables = dict(translations)
    for language in languages:
        if language == "en" or language.startswith("en_"):
            return english
        text = dict(tables.get(language, ())).get(name)
        if text is not None:
            return text
    return english


class Side(enum.StrEnum):
    """Which leg a step works."""

    BOTH = "both"
    EACH = "each"  # only in routine files: expands to LEFT then RIGHT
    LEFT = "left"
    RIGHT = "right"
    AFFECTED = "affected"  # the leg that is cramping now, whichever it is
    # No leg work: a habit step such as a warm drink.  No side banner and no
    # side in words ("both legs" over a cup of tea would be nonsense).
    NONE = "none"


class RoutineKind(enum.StrEnum):
    """What a routine is for; the review's plan items follow these."""

    WARMUP = "warmup"
    STRETCH = "stretch"
    BEDTIME = "bedtime"
    RELIEF = "relief"
    COOLDOWN = "cooldown"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A bundled document's entry in ``documents.toml``: what a list of documents shows.

    ``translations``: our ``quality`` note in other languages (the title is the
    document's own and stays as published).
    """

    id: str
    title: str
    file: str
    quality: str
    translations: Translations = ()

    def localized(self, languages: Sequence[str]) -> DocumentInfo:
        """The entry with its quality note in the first of ``languages`` that has it."""
        quality = translated(self.quality, "quality", self.translations, languages)
        return replace(self, quality=quality or self.quality)


@dataclass(frozen=True, slots=True)
class Document:
    """A bundled source document (its text is never translated: quotes are verbatim)."""

    id: str
    title: str
    file: str
    quality: str
    text: str
    translations: Translations = ()

    def localized(self, languages: Sequence[str]) -> Document:
        """The document with its quality note in the first of ``languages`` that has it."""
        quality = translated(self.quality, "quality", self.translations, languages)
        return replace(self, quality=quality or self.quality)


@dataclass(frozen=True, slots=True)
class Citation:
    """An exact quote from a bundled document that motivates a step."""

    doc: str
    quote: str


@dataclass(frozen=True, slots=True)
class Step:
    """One step as written in a routine file (``side`` may be EACH)."""

    name: str
    instructions: str
    duration_s: int
    side: Side
    citations: tuple[Citation, ...]
    repetitions: int = 1
    hold_s: int | None = None
    rest_s: int = 0
    safety: str | None = None
    evidence: str | None = None
    pose: str | None = None  # a pose from the library (assets/poses), drawn for the step
    frames: tuple[str, ...] = ()  # key-frame poses of a move, in order
    cycle_s: float | None = None  # one cycle of the move, when the step sets its pace
    caution: str | None = None  # a health-profile caution tag (core.profile), e.g. "foot-soak"
    translations: Translations = ()  # name, instructions, safety, evidence in other languages

    def localized(self, languages: Sequence[str]) -> Step:
        """The step with its text in the first of ``languages`` that has it (per field)."""
        if not self.translations:
            return self
        return replace(
            self,
            name=translated(self.name, "name", self.translations, languages) or self.name,
            instructions=translated(self.instructions, "instructions", self.translations, languages)
            or self.instructions,
            safety=translated(self.safety, "safety", self.translations, languages),
            evidence=translated(self.evidence, "evidence", self.translations, languages),
        )


@dataclass(frozen=True, slots=True)
class PlannedStep(Step):
    """A step after ``each`` is expanded: what the player runs, one side at a time.

    A :class:`Step` (never on side EACH) plus ``index``, the position in the
    routine file; left and right halves of an ``each`` step share it, so an
    outcome can say which written steps were done.
    """

    index: int = field(default=0, kw_only=True)

    @classmethod
    def of(cls, step: Step, index: int, side: Side) -> PlannedStep:
        """``step`` on ``side``, as the ``index``-th step of its routine file."""
        values = {f.name: getattr(step, f.name) for f in fields(Step)}
        return cls(**{**values, "side": side}, index=index)


@dataclass(frozen=True, slots=True)
class Routine:
    """A validated routine."""

    id: str
    title: str
    kind: RoutineKind
    description: str
    steps: tuple[Step, ...]
    source: str = ""  # the file it came from, for messages
    builtin: bool = True
    safety: str | None = None
    translations: Translations = ()  # title, description, safety in other languages

    def localized(self, languages: Sequence[str]) -> Routine:
        """The routine in the first of ``languages`` that translates each field; else English.

        Quotes are never translated: a citation is the document's own words.
        """
        t = self.translations
        return replace(
            self,
            title=translated(self.title, "title", t, languages) or self.title,
            description=translated(self.description, "description", t, languages)
            or self.description,
            safety=translated(self.safety, "safety", t, languages),
            steps=tuple(step.localized(languages) for step in self.steps),
        )

    def expanded(self) -> tuple[PlannedStep, ...]:
        """The steps in playing order, ``each`` split into left then right."""
        out: list[PlannedStep] = []
        for index, step in enumerate(self.steps):
            sides = [Side.LEFT, Side.RIGHT] if step.side is Side.EACH else [step.side]
            for side in sides:
                out.append(PlannedStep.of(step, index, side))
        return tuple(out)

    @property
    def duration_s(self) -> int:
        """Total playing time in seconds, both sides counted."""
        return sum(s.duration_s for s in self.expanded())


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """One problem found while loading routine files; names file, step and field."""

    file: str
    message: str
    step: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.step is not None:
            where += f": step {self.step}"
        if self.field is not None:
            where += f": field '{self.field}'"
        return f"{where}: {self.message}"


@dataclass(slots=True)
class LoadResult:
    """Routines that loaded, and a problem line for every one that did not."""

    routines: list[Routine] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
