"""The bundled source documents, and finding a quoted passage in them.

Quotes match *whitespace-normalised* (any run of whitespace equals one space)
and nothing else: case, punctuation and the documents' own odd wording must be
quoted exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from crampcoach import resources
from crampcoach.core.model import Document, DocumentInfo, Translations

_WS = re.compile(r"\s+")


class DocumentError(LookupError):
    """An unknown document id or a broken documents.toml."""


def normalise(text: str) -> str:
    """Collapse every whitespace run to one space and strip the ends."""
    return _WS.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Span:
    """Where a quote sits in the raw document text (``start``/``end`` are offsets)."""

    start: int
    end: int


def find_quote(text: str, quote: str) -> Span | None:
    """Locate ``quote`` in ``text`` (whitespace-normalised), as offsets into the raw text."""
    words = normalise(quote).split(" ")
    if not words or words == [""]:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, text)
    return Span(m.start(), m.end()) if m else None


def catalogue(folder: Path | None = None) -> list[DocumentInfo]:
    """The entries of ``documents.toml`` (id, title, file, quality), without the texts."""
    import tomllib  # here: a start-up with the library cached never parses TOML

    folder = folder or resources.path("assets", "documents")
    meta_path = folder / "documents.toml"
    try:
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
        return [
            DocumentInfo(
                id=e["id"],
                title=e["title"],
                file=e["file"],
                quality=e["quality"],
                translations=_quality_translations(e.get("translations", {})),
            )
            for e in meta.get("document", [])
        ]
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise DocumentError(f"{meta_path}: cannot read document list: {exc!r}") from exc


def _quality_translations(tables: object) -> Translations:
    """``[document.translations.<language>]`` tables: only ``quality``, as text."""
    if not isinstance(tables, dict):
        raise TypeError("translations must be a table of languages")
    out = []
    for language, table in sorted(tables.items()):
        if not isinstance(table, dict) or set(table) != {"quality"}:
            raise ValueError(f"translations.{language} must hold just quality")
        if not isinstance(table["quality"], str) or not table["quality"].strip():
            raise ValueError(f"translations.{language}.quality must be text")
        out.append((str(language), (("quality", table["quality"]),)))
    return tuple(out)


def load_documents(folder: Path | None = None) -> dict[str, Document]:
    """Read ``documents.toml`` and the text files it lists, keyed by id."""
    folder = folder or resources.path("assets", "documents")
    return {
        info.id: Document(
            id=info.id,
            title=info.title,
            file=info.file,
            quality=info.quality,
            text=(folder / info.file).read_text(encoding="utf-8"),
            translations=info.translations,
        )
        for info in catalogue(folder)
    }


@cache
def bundled() -> dict[str, Document]:
    """The bundled documents (read once per process)."""
    return load_documents()


def get(doc_id: str) -> Document:
    """One bundled document by id, or DocumentError listing the known ids."""
    docs = bundled()
    try:
        return docs[doc_id]
    except KeyError:
        raise DocumentError(
            f"unknown document {doc_id!r}; known documents: {', '.join(docs)}"
        ) from None
