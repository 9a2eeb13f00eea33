"""The one resources gateway, and the bundled documents with quote finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from crampcoach import resources
from crampcoach.core import documents


def test_data_root_holds_the_three_areas() -> None:
    root = resources.data_root()
    for area in ("ui", "assets", "routines"):
        assert (root / area).is_dir()
    assert resources.path("routines") == root / "routines"
    assert resources.path("assets", "documents/documents.toml").is_file()
    assert "Routine files" in resources.read_text("routines", "README.md")


@pytest.mark.parametrize(
    ("area", "relative", "words"),
    [
        ("routines", "../pyproject.toml", "must be relative"),
        ("assets", "/etc/passwd", "must be relative"),
        ("assets", "documents/../../crampcoach/__init__.py", "must be relative"),
        ("assets", "no/such/file.svg", "not found"),
        ("tests", "", "unknown resource area"),
    ],
)
def test_bad_resource_paths_are_refused(area: str, relative: str, words: str) -> None:
    with pytest.raises(resources.ResourceError, match=words):
        resources.path(area, relative)  # type: ignore[arg-type]


def test_bundled_documents_have_metadata_and_text() -> None:
    docs = documents.bundled()
    assert list(docs) == [
        "spasms-stretching",
        "what-causes-cramps",
        "night-remedies",
        "blood-circulation",
        "spasm-in-leg",
    ]
    for doc in docs.values():
        assert doc.title and doc.quality and len(doc.text) > 1000
        assert (resources.path("assets", "documents") / doc.file).is_file()
    assert documents.get("spasm-in-leg").title == "Spasm in Leg"
    with pytest.raises(documents.DocumentError, match="known documents: spasms-stretching"):
        documents.get("nope")


def test_find_quote_is_whitespace_normalised_and_nothing_else() -> None:
    text = "Stretch  before\n and after\texcessive activity. Done."
    span = documents.find_quote(text, "before and after excessive")
    assert span is not None and text[span.start : span.end] == "before\n and after\texcessive"
    assert documents.find_quote(text, " before   and\nafter ") is not None
    assert documents.find_quote(text, "Before and after") is None  # case matters
    assert documents.find_quote(text, "activity Done") is None  # punctuation matters
    assert documents.find_quote(text, "a.b") is None  # regex characters are literal
    assert documents.find_quote(text, "   ") is None
    assert documents.normalise("  a \n\t b  ") == "a b"


def test_broken_documents_toml_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "documents.toml").write_text("[[document]\n", encoding="utf-8")
    with pytest.raises(documents.DocumentError, match="cannot read document list"):
        documents.load_documents(tmp_path)


def test_every_quality_note_has_german_and_the_text_stays_as_published() -> None:
    for doc in documents.bundled().values():
        german = doc.localized(("de_DE", "de"))
        assert german.quality != doc.quality and german.quality.strip(), doc.id
        assert (german.title, german.text) == (doc.title, doc.text)  # cited verbatim
        assert doc.localized(("en_US", "en", "de")).quality == doc.quality  # English first wins
        assert doc.localized(("fr",)).quality == doc.quality  # no French: as written
    info = documents.catalogue()[0]
    assert info.localized(("de",)).quality.startswith("Eine Sammlung")


@pytest.mark.parametrize(
    "table",
    [
        '[document.translations.de]\ntitle = "Titel"\n',  # only the note is ours to translate
        "[document.translations.de]\nquality = 3\n",
        '[document.translations.de]\nquality = "  "\n',
    ],
)
def test_a_bad_translation_table_is_a_clear_error(tmp_path: Path, table: str) -> None:
    (tmp_path / "documents.toml").write_text(
        '[[document]]\nid = "x"\ntitle = "X"\nfile = "x.txt"\nquality = "Q"\n' + table,
        encoding="utf-8",
    )
    with pytest.raises(documents.DocumentError, match=r"documents.toml: cannot read.*translations"):
        documents.catalogue(tmp_path)
