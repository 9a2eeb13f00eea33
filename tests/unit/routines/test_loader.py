"""The routine loader: valid files become Routines; every problem is named by file, step, field."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from crampcoach import resources
from crampcoach.core import documents, routines
from crampcoach.core.model import LoadProblem, RoutineKind, Side

QUOTE = "stretch before and after excessive activity"
CITE = f'citations = [{{ doc = "spasm-in-leg", quote = "{QUOTE}" }}]'

HEAD = """\
title = "Test routine"
kind = "stretch"
description = "A routine for the tests."
"""


def step(name: str = "Calf stretch", timing: str = "duration_s = 30", extra: str = "") -> str:
    return f"""
[[steps]]
name = "{name}"
instructions = "Lean into a wall."
{timing}
{extra}
{CITE}
"""


def write(tmp_path: Path, text: str, name: str = "test-routine.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[LoadProblem]:
    with pytest.raises(routines.RoutineError) as info:
        routines.load_file(path)
    assert info.value.problems, "RoutineError without problems"
    assert str(info.value) == "\n".join(str(p) for p in info.value.problems)
    return info.value.problems


def test_valid_file_becomes_a_routine(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEAD
        + 'safety = "Go gently."\n'
        + step("Wall calf stretch", 'side = "each"\nrepetitions = 3\nhold_s = 10\nrest_s = 5')
        + step("March on the spot", "duration_s = 40", 'evidence = "not verified"'),
    )
    routine = routines.load_file(path)
    assert routine.id == "test-routine"
    assert routine.kind is RoutineKind.STRETCH
    assert routine.safety == "Go gently."
    assert routine.source == str(path)
    assert routine.builtin is False
    first, second = routine.steps
    assert first.side is Side.EACH
    assert (first.repetitions, first.hold_s, first.rest_s) == (3, 10, 5)
    assert first.duration_s == 3 * 10 + 2 * 5  # per side
    assert first.citations[0].doc == "spasm-in-leg"
    assert second.side is Side.BOTH and second.duration_s == 40 and second.hold_s is None
    assert second.evidence == "not verified"
    planned = routine.expanded()
    assert [(p.index, p.side) for p in planned] == [
        (0, Side.LEFT),
        (0, Side.RIGHT),
        (1, Side.BOTH),
    ]
    assert routine.duration_s == 40 + 40 + 40


def test_readme_example_is_a_valid_routine(tmp_path: Path) -> None:
    readme = resources.read_text("routines", "README.md")
    examples = [e for e in re.findall(r"```toml\n(.*?)```", readme, re.S) if "title =" in e]
    assert len(examples) == 2, "routines/README.md lost a whole-routine TOML example"
    translated, plain = (
        routines.load_file(write(tmp_path, e, "quick-calf.toml")) for e in examples
    )
    assert translated.title == plain.title == "Quick calf stretch"
    assert translated.localized(("de",)).steps[0].name == "Wadendehnung im Stehen"


def test_explicit_id_and_id_from_file_name(tmp_path: Path) -> None:
    assert routines.load_file(write(tmp_path, 'id = "calf-2"\n' + HEAD + step())).id == "calf-2"
    odd = write(tmp_path, HEAD + step(), "My_Calf Stretch.toml")
    assert routines.load_file(odd).id == "my-calf-stretch"
    problems = problems_of(write(tmp_path, HEAD + step(), "___.toml"))
    assert [(p.field, p.step) for p in problems] == [("id", None)]
    assert "add id =" in problems[0].message


def test_every_problem_in_a_file_is_reported_with_step_number_and_name(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        title = ""
        kind = "stretch"
        colour = "red"

        [[steps]]
        name = "Fine step"
        instructions = "Lean into a wall."
        duration_s = 30
        citations = [{ doc = "spasm-in-leg", quote = "stretch before and after excessive activity" }]

        [[steps]]
        name = "Standing calf stretch"
        instructions = "Lean into a wall."
        duration_s = -5
        side = "left"
        citations = [{ doc = "spasm-in-leg", quote = "not in there" }]

        [[steps]]
        name = "Wrong doc"
        instructions = "Lean into a wall."
        duration_s = 30
        citations = [{ doc = "nope", quote = "x" }, { doc = "spasm-in-leg", quote = "no such words" }]
        """,
    )
    got = {(p.step, p.field) for p in problems_of(path)}
    assert got == {
        (None, "colour"),
        (None, "title"),
        (None, "description"),
        ('2 "Standing calf stretch"', "duration_s"),
        ('2 "Standing calf stretch"', "side"),
        # step 2's own structure is broken, so its citations are not checked yet
        ('3 "Wrong doc"', "citations[1].doc"),
        ('3 "Wrong doc"', "citations[2].quote"),
    }


def test_problem_words_name_file_step_field_and_expectation(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + step("Standing calf stretch", "duration_s = 0"))
    [problem] = problems_of(path)
    assert str(problem) == (
        f"{path}: step 1 \"Standing calf stretch\": field 'duration_s': "
        "expected a whole number of seconds from 1 to 1800; got the number 0"
    )


@pytest.mark.parametrize(
    ("timing", "field", "words"),
    [
        ("duration_s = 30\nrepetitions = 2\nhold_s = 5", "duration_s", "not both"),
        ("duration_s = 30\nrest_s = 5", "duration_s", "not both"),
        ("", "duration_s", "missing; give duration_s"),
        ("hold_s = 10", "repetitions", "go together"),
        ("repetitions = 3", "hold_s", "go together"),
        ("rest_s = 3", "repetitions", "go together"),
        ("repetitions = 20\nhold_s = 100", "repetitions", "2000 s per side"),
        ("duration_s = 1801", "duration_s", "from 1 to 1800"),
        ("duration_s = true", "duration_s", "got true/false"),
        ('duration_s = "30"', "duration_s", "got the text '30'"),
        ("duration_s = 30.0", "duration_s", "got the decimal number 30.0"),
        ("repetitions = 21\nhold_s = 5", "repetitions", "from 1 to 20"),
        ("repetitions = 2\nhold_s = 301", "hold_s", "from 1 to 300"),
        ("repetitions = 2\nhold_s = 5\nrest_s = -1", "rest_s", "from 0 to 300"),
    ],
)
def test_timing_rules(tmp_path: Path, timing: str, field: str, words: str) -> None:
    [problem] = problems_of(write(tmp_path, HEAD + step("S", timing)))
    assert (problem.step, problem.field) == ('1 "S"', field)
    assert words in problem.message


def test_most_steps_allowed_and_one_more_refused(tmp_path: Path) -> None:
    assert len(routines.load_file(write(tmp_path, HEAD + step() * 60)).steps) == 60
    [problem] = problems_of(write(tmp_path, HEAD + step() * 61))
    assert problem.field == "steps" and "1 to 60" in problem.message


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        (
            'title = "x"\nkind = "stretch"\ndescription = "d"\nsteps = []',
            "steps",
            "got an array of 0",
        ),
        (
            'title = "x"\nkind = "stretch"\ndescription = "d"\nsteps = 3',
            "steps",
            "got the number 3",
        ),
        ('title = "x"\nkind = "stretch"\ndescription = "d"\nsteps = [1]', "", "expected a table"),
        ('title = "x"\nkind = "Stretch"\ndescription = "d"\n' + step(), "kind", "'stretch'"),
        ('title = "   "\nkind = "stretch"\ndescription = "d"\n' + step(), "title", "1–80"),
        (
            'title = "' + "x" * 81 + '"\nkind = "stretch"\ndescription = "d"\n' + step(),
            "title",
            "81 characters",
        ),
        ('id = "Bad Id"\n' + HEAD + step(), "id", "lowercase letters"),
        (HEAD + step(extra='safety = ""'), "safety", "1–600"),
    ],
)
def test_routine_level_shapes(tmp_path: Path, text: str, field: str, words: str) -> None:
    [problem] = problems_of(write(tmp_path, text))
    assert (problem.field or "") == field
    assert words in problem.message


def test_bad_citations(tmp_path: Path) -> None:
    text = HEAD + (
        '\n[[steps]]\nname = "S"\ninstructions = "i"\nduration_s = 5\n'
        'citations = [{ doc = "spasm-in-leg" }, { doc = "spasm-in-leg", quote = "q", page = 3 }]\n'
    )
    got = {(p.field, p.message.split(";")[0]) for p in problems_of(write(tmp_path, text))}
    assert got == {("citations[1].quote", "missing"), ("citations[2].page", "unknown field")}
    none = HEAD + '\n[[steps]]\nname = "S"\ninstructions = "i"\nduration_s = 5\ncitations = []\n'
    [problem] = problems_of(write(tmp_path, none))
    assert problem.field == "citations" and "1 to 10 citations" in problem.message


def test_quote_matches_across_whitespace_but_nothing_else(tmp_path: Path) -> None:
    spread = 'citations = [{ doc = "spasm-in-leg", quote = """stretch   before\nand after\texcessive activity""" }]'
    ok = HEAD + '\n[[steps]]\nname = "S"\ninstructions = "i"\nduration_s = 5\n' + spread
    assert routines.load_file(write(tmp_path, ok)).steps[0].citations[0].quote.startswith("stretch")
    for wrong in (QUOTE.capitalize(), QUOTE + ".", QUOTE.replace("and", "&"), "   "):
        text = HEAD + step().replace(QUOTE, wrong)
        [problem] = problems_of(write(tmp_path, text))
        assert problem.field == "citations[1].quote", wrong


def test_quote_found_agrees_with_find_quote() -> None:
    """The loader's fast check and documents.find_quote accept exactly the same quotes."""
    doc = documents.get("spasm-in-leg")
    words = doc.text.split()
    samples = [" ".join(words[i : i + n]) for i in range(0, len(words), 7) for n in (1, 4, 12)]
    samples += [s.upper() for s in samples[:20]] + [s + " zzz" for s in samples[:20]]
    samples += ["stretch\n before", "  ", "", "a\u00a0leg"]
    for quote in samples:
        assert routines.quote_found(doc, quote) == (
            documents.find_quote(doc.text, quote) is not None
        ), quote


def test_control_characters_are_refused_but_line_breaks_are_fine(tmp_path: Path) -> None:
    multi = HEAD + step().replace('"Lean into a wall."', '"""Lean in.\n\tThen relax."""')
    assert "\n" in routines.load_file(write(tmp_path, multi)).steps[0].instructions
    escaped = HEAD + step().replace('"Lean into a wall."', '"Lean \\u001b[2J in."')
    [problem] = problems_of(write(tmp_path, escaped))
    assert problem.field == "instructions" and "control character" in problem.message


def test_odd_quoted_key_stays_on_one_line(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, HEAD + '"a\\nb" = 1\n' + step()))
    assert "\n" not in str(problem) and "unknown field" in problem.message


def test_whole_file_problems(tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("\n  \n", encoding="utf-8")
    assert "file is empty" in problems_of(empty)[0].message

    comments = write(tmp_path, "# only a comment\n", "comments.toml")
    assert {p.field for p in problems_of(comments)} == {"title", "kind", "description", "steps"}

    bad = write(tmp_path, 'title = "x"\nkind = stretch\n', "bad.toml")
    [problem] = problems_of(bad)
    assert problem.message.startswith("not valid TOML") and "line 2, column 8" in problem.message

    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes(b'title = "ok"\n\ndescription = "caf\xe9"\n')
    [problem] = problems_of(latin1)
    assert "not UTF-8" in problem.message and "0xe9 on line 3" in problem.message

    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + (HEAD + step()).encode())
    assert routines.load_file(bom).title == "Test routine"

    missing = tmp_path / "missing.toml"
    assert "cannot read the file" in problems_of(missing)[0].message
    assert "is not a file" in problems_of(tmp_path)[0].message


def test_big_files_are_refused_without_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with big.open("wb") as fh:  # not valid TOML either: proof that it is never parsed
        fh.write(b"[" * (5 * 1024 * 1024))
    [problem] = problems_of(big)
    assert problem.message == "file is 5.0 MB; a routine file must be under 256 KiB"

    padded = HEAD + step()
    just_under = write(
        tmp_path, padded + "#" * (routines.MAX_FILE_BYTES - len(padded) - 1), "ok.toml"
    )
    assert routines.load_file(just_under).title == "Test routine"
    over = write(tmp_path, padded + "#" * (routines.MAX_FILE_BYTES - len(padded) + 1), "over.toml")
    assert "must be under 256 KiB" in problems_of(over)[0].message


def test_docs_can_be_injected(tmp_path: Path) -> None:
    from crampcoach.core.model import Document

    fake = {"mine": Document("mine", "Mine", "mine.txt", "made up", "Rest the leg.\nThen walk.")}
    text = HEAD + step().replace(CITE, 'citations = [{ doc = "mine", quote = "leg. Then" }]')
    assert routines.load_file(write(tmp_path, text), docs=fake).steps[0].citations[0].doc == "mine"
    with pytest.raises(routines.RoutineError):
        routines.load_file(write(tmp_path, HEAD + step()), docs=fake)


# --- load_all and check_paths ---------------------------------------------------


def make_builtin(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write(folder, HEAD.replace("Test routine", "Built-in calf") + step(), "calf.toml")
    write(
        folder,
        HEAD.replace('"stretch"', '"warmup"').replace("Test routine", "March") + step(),
        "march.toml",
    )
    (folder / "README.md").write_text("not a routine", encoding="utf-8")
    return folder


def test_load_all_orders_by_kind_and_marks_origin(tmp_path: Path) -> None:
    result = routines.load_all(make_builtin(tmp_path / "builtin"), tmp_path / "no-user-folder")
    assert result.problems == []
    assert [r.id for r in result.routines] == ["march", "calf"]  # warm-up first
    assert all(r.builtin for r in result.routines)


def test_user_routine_overrides_builtin_and_bad_files_do_not_stop_others(tmp_path: Path) -> None:
    builtin = make_builtin(tmp_path / "builtin")
    user = tmp_path / "user"
    user.mkdir()
    write(user, HEAD.replace("Test routine", "My calf") + step(), "calf.toml")
    write(user, HEAD + step("S", "duration_s = -1"), "a-broken.toml")
    write(user, 'id = "mine"\n' + HEAD.replace("Test routine", "First") + step(), "b.toml")
    write(user, 'id = "mine"\n' + HEAD.replace("Test routine", "Second") + step(), "c.toml")
    (user / "notes.txt").write_text("ignored", encoding="utf-8")
    result = routines.load_all(builtin, user)
    by_id = {r.id: r for r in result.routines}
    assert set(by_id) == {"march", "calf", "mine"}
    assert by_id["calf"].title == "My calf" and not by_id["calf"].builtin
    assert by_id["mine"].title == "First"
    assert [(Path(p.file).name, p.field) for p in result.problems] == [
        ("a-broken.toml", "duration_s"),
        ("c.toml", "id"),
    ]
    assert "already used by" in result.problems[1].message


def test_load_all_defaults_to_bundled_and_data_dir(data_dir: Path) -> None:
    user = data_dir / "routines"
    user.mkdir()
    write(user, HEAD.replace("Test routine", "From the data dir") + step(), "from-data-dir.toml")
    result = routines.load_all()
    assert result.problems == []
    ids = {r.id for r in result.routines}
    assert "from-data-dir" in ids
    bundled = {str(p) for p in routines.routine_files(resources.path("routines"))}
    assert {r.source for r in result.routines if r.builtin} == bundled


def test_duplicate_builtin_ids_are_a_problem(tmp_path: Path) -> None:
    builtin = make_builtin(tmp_path / "builtin")
    write(builtin, 'id = "calf"\n' + HEAD + step(), "zz-calf-again.toml")
    result = routines.load_all(builtin, tmp_path / "none")
    assert [(Path(p.file).name, p.field) for p in result.problems] == [("zz-calf-again.toml", "id")]


def test_check_paths_files_and_folders(tmp_path: Path) -> None:
    good = write(tmp_path, HEAD + step(), "good.toml")
    assert routines.check_paths([good]) == []
    empty_dir = tmp_path / "empty-dir"
    empty_dir.mkdir()
    [problem] = routines.check_paths([empty_dir])
    assert "no routine files" in problem.message
    twin = tmp_path / "other"
    twin.mkdir()
    write(twin, HEAD + step(), "good.toml")
    [dup] = routines.check_paths([good, twin])
    assert dup.file == str(twin / "good.toml") and "already used" in dup.message


def test_text_is_kept_exactly_as_written(tmp_path: Path) -> None:
    """Markup and code-like text is plain text: nothing is interpreted or escaped."""
    odd = "<b>Press</b> & hold {side} $HOME `rm` %s \\\\n *not bold*"
    text = HEAD + step().replace('"Lean into a wall."', f"'''{odd}'''")
    assert routines.load_file(write(tmp_path, text)).steps[0].instructions == odd


def test_names_and_titles_are_one_line(tmp_path: Path) -> None:
    text = HEAD.replace('"Test routine"', '"""Two\nlines"""') + step().replace(
        'name = "Calf stretch"', 'name = "Calf\\nstretch"'
    )
    assert {(p.step, p.field) for p in problems_of(write(tmp_path, text))} == {
        (None, "title"),
        ("1", "name"),
    }


def test_msgspec_paths_become_step_and_field_words() -> None:
    """The fallback when msgspec reports something the field walk did not: its path in words."""
    message, path = routines._split_msgspec_error(
        "Expected `int` >= 1 - at `$.steps[2].citations[0].quote`"
    )
    assert (message, path) == ("Expected `int` >= 1", ("steps", 2, "citations", 0, "quote"))
    raw = {"steps": [{}, {}, {"name": "Standing calf stretch"}]}
    problem = routines._problem("f.toml", raw, routines._Issue(path, message))
    assert str(problem) == (
        "f.toml: step 3 \"Standing calf stretch\": field 'citations[1].quote': Expected `int` >= 1"
    )
    assert routines._split_msgspec_error("Object missing required field `title`") == (
        "Object missing required field `title`",
        (),
    )
