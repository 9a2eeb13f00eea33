"""The bundled routines: all load cleanly, cover the five kinds, and cite their documents exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from crampcoach import resources
from crampcoach.core import documents, routines
from crampcoach.core.model import Routine, RoutineKind


@pytest.fixture(scope="module")
def builtin() -> list[Routine]:
    result = routines.load_all(user_dir=Path("/nonexistent/crampcoach-test"))
    assert [str(p) for p in result.problems] == []
    return result.routines


def test_every_builtin_file_loads_with_no_problems() -> None:
    files = routines.routine_files(resources.path("routines"))
    assert len(files) >= 5, f"expected at least five built-in routines, found {files}"
    assert routines.check_paths([resources.path("routines")]) == []


def test_at_least_five_covering_every_kind(builtin: list[Routine]) -> None:
    assert len(builtin) >= 5
    assert {r.kind for r in builtin} == set(RoutineKind)
    assert all(r.builtin for r in builtin)
    assert len({r.id for r in builtin}) == len(builtin)


def test_every_step_cites_a_quote_found_in_its_document(builtin: list[Routine]) -> None:
    """Checked with documents.find_quote, independently of the loader's own check."""
    docs = documents.bundled()
    for routine in builtin:
        for number, step in enumerate(routine.steps, start=1):
            where = f"{routine.id} step {number} {step.name!r}"
            assert step.citations, f"{where} has no citation"
            for citation in step.citations:
                assert citation.doc in docs, f"{where}: unknown document {citation.doc}"
                span = documents.find_quote(docs[citation.doc].text, citation.quote)
                assert span is not None, f"{where}: quote not in {citation.doc}: {citation.quote!r}"
                found = docs[citation.doc].text[span.start : span.end]
                assert documents.normalise(found) == documents.normalise(citation.quote)


def test_steps_are_sensible(builtin: list[Routine]) -> None:
    for routine in builtin:
        assert 0 < routine.duration_s <= 45 * 60, routine.id
        for step in routine.steps:
            assert step.instructions.strip() and step.name.strip()
            assert 1 <= step.duration_s <= routines.MAX_STEP_SECONDS
            # our own words: instructions never just repeat a cited passage
            for citation in step.citations:
                assert documents.normalise(citation.quote) != documents.normalise(step.instructions)


def test_loading_everything_is_fast(builtin: list[Routine]) -> None:
    """Start-up loads every routine; it must stay well under a frame budget's worth of work.

    Counted in work, not wall time (shared CI machines vary): one parse per file and
    at most one whitespace-normalisation per document however many quotes there are.
    """
    routines._normalised.cache_clear()
    calls: list[str] = []
    real = documents.normalise

    def counting(text: str) -> str:
        calls.append(text)
        return real(text)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(documents, "normalise", counting)
        routines.load_all(user_dir=Path("/nonexistent/crampcoach-test"))
    doc_texts = {d.text for d in documents.bundled().values()}
    long_calls = [c for c in calls if c in doc_texts]
    assert len(long_calls) == len(set(long_calls)) <= len(doc_texts)
    quotes = sum(len(s.citations) for r in builtin for s in r.steps)
    assert len(calls) - len(long_calls) == quotes
