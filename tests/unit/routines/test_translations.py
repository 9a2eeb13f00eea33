"""Translated text in routine files: ``[translations.<lang>]`` tables, checked and chosen per field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crampcoach import resources
from crampcoach.cli import main
from crampcoach.core import library, routines
from crampcoach.core.model import preferred_languages

from .test_loader import CITE, HEAD, QUOTE, problems_of, write

TRANSLATED = (
    HEAD
    + """safety = "Go gently."

[translations.de]
title = "Testübungen"
description = "Übungen für die Tests."

[translations.fr]
title = "Exercices de test"

[[steps]]
name = "Calf stretch"
instructions = "Lean into a wall."
evidence = "not verified"
duration_s = 30
"""
    + CITE
    + """
[steps.translations.de]
name = "Wadendehnung"
instructions = "Lehnen Sie sich an eine Wand."
"""
)


def test_each_field_comes_in_the_first_language_that_has_it_else_english(tmp_path: Path) -> None:
    routine = routines.load_file(write(tmp_path, TRANSLATED))
    assert routine.title == "Test routine"  # as written, until a language is chosen
    german = routine.localized(("de_AT", "de"))
    assert (german.title, german.description) == ("Testübungen", "Übungen für die Tests.")
    assert german.safety == "Go gently."  # not translated: the English stays
    (step,) = german.steps
    assert (step.name, step.instructions) == ("Wadendehnung", "Lehnen Sie sich an eine Wand.")
    assert step.evidence == "not verified"
    assert step.citations[0].quote == QUOTE  # quotes are the document's own words
    assert german.expanded()[0].name == "Wadendehnung"
    # French has only the title; the rest falls back per field to the next language asked for.
    mixed = routine.localized(("fr", "de"))
    assert (mixed.title, mixed.description) == ("Exercices de test", "Übungen für die Tests.")
    # English first keeps the routine as written, whatever comes after it.
    assert routine.localized(("en_GB", "en", "de")).title == "Test routine"
    assert routine.localized(("ja",)) == routine.localized(())


def test_the_system_languages_become_codes_with_their_bare_language() -> None:
    assert preferred_languages(["de-AT", "en-US", "de"]) == ("de_AT", "de", "en_US", "en")
    assert preferred_languages([]) == ()


@pytest.mark.parametrize(
    ("table", "field", "message"),
    [
        ("[translations.xx]", "translations.xx", "unknown language 'xx'"),
        ("[translations.deu]", "translations.deu", "expected a language code such as 'de'"),
        ("[translations.en]", "translations.en", "English is the text of the fields themselves"),
        ('[translations.de]\ntitel = "Test"', "translations.de.titel", "did you mean 'title'?"),
        ('[translations.de]\nsafety = "Sachte."', "translations.de.safety", "no English text"),
        ('[translations.de]\ntitle = ""', "translations.de.title", "a title on one line"),
        ('translations = "de"', "translations", "expected a table of languages"),
    ],
)
def test_a_bad_routine_translation_is_one_clear_line(
    tmp_path: Path, table: str, field: str, message: str
) -> None:
    path = write(tmp_path, HEAD + table + "\n" + TRANSLATED[TRANSLATED.index("[[steps]]") :])
    (problem,) = problems_of(path)
    assert (problem.step, problem.field) == (None, field)
    assert message in problem.message and str(path) in str(problem)


def test_a_step_translation_may_not_touch_its_quotes(tmp_path: Path) -> None:
    text = TRANSLATED.replace('name = "Wadendehnung"', f'quote = "{QUOTE}"\nname = "Wadendehnung"')
    (problem,) = problems_of(write(tmp_path, text))
    assert (problem.step, problem.field) == ('1 "Calf stretch"', "translations.de.quote")
    assert "quotes are not translated" in problem.message


def test_every_builtin_routine_is_in_german_with_its_quotes_as_written() -> None:
    result = routines.load_all(resources.path("routines"), Path("/nonexistent"))
    assert len(result.routines) == 6 and not result.problems
    for routine in result.routines:
        german = routine.localized(("de",))
        assert german.title != routine.title, routine.id
        assert german.description != routine.description, routine.id
        for english, step in zip(routine.steps, german.steps, strict=True):
            assert step.name != english.name, (routine.id, english.name)
            assert step.instructions != english.instructions, (routine.id, english.name)
            assert step.citations == english.citations


def test_the_cache_keeps_every_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fresh = library.load(tmp_path, ("de",))
    cached = library.load(tmp_path, ("de",))
    assert cached.from_cache and cached.routines == fresh.routines
    assert library.load(tmp_path).routines != fresh.routines  # English, from the same cache


def test_routines_show_json_has_the_translations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    write(
        folder, TRANSLATED.replace('title = "Test routine"', 'id = "mine"\ntitle = "Test routine"')
    )
    assert main(["--data-dir", str(tmp_path), "routines", "show", "mine", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Test routine"
    assert data["translations"] == {
        "de": {"title": "Testübungen", "description": "Übungen für die Tests."},
        "fr": {"title": "Exercices de test"},
    }
    assert data["steps"][0]["translations"] == {
        "de": {"name": "Wadendehnung", "instructions": "Lehnen Sie sich an eine Wand."}
    }
