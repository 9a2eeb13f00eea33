"""``crampcoach docs list|show``: the bundled source documents."""

from __future__ import annotations

import argparse
import json

from crampcoach.cli import CliError, add_format


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``docs`` commands."""
    docs = sub.add_parser("docs", help="the source documents the routines cite", parents=[common])
    docs_sub = docs.add_subparsers(dest="docs_command", metavar="COMMAND", required=True)
    lst = docs_sub.add_parser("list", help="list the bundled documents", parents=[common])
    add_format(lst)
    lst.set_defaults(func=_list)
    show = docs_sub.add_parser("show", help="print a document's text", parents=[common])
    show.add_argument("id", help="a document id from 'docs list'")
    add_format(show)
    show.set_defaults(func=_show)


def _list(args: argparse.Namespace) -> int:
    from crampcoach.core import documents

    docs = documents.bundled().values()
    if args.format == "json":
        print(json.dumps([{"id": d.id, "title": d.title, "file": d.file} for d in docs], indent=2))
    else:
        width = max(len(d.id) for d in docs)
        for d in docs:
            print(f"{d.id:<{width}}  {d.title}")
            print(f"{'':<{width}}  {d.quality}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from crampcoach.core import documents

    try:
        doc = documents.get(args.id)
    except documents.DocumentError as exc:
        raise CliError(str(exc)) from None
    if args.format == "json":
        data = {"id": doc.id, "title": doc.title, "file": doc.file, "quality": doc.quality}
        print(json.dumps({**data, "text": doc.text}, indent=2, ensure_ascii=False))
        return 0
    print(doc.text, end="" if doc.text.endswith("\n") else "\n")
    return 0
