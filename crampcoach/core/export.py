"""The log as JSON or CSV: one exporter for ``crampcoach export`` and the review window's Save.

JSON: a list of events, each with ``id``, ``type``, ``at`` and its own fields.
CSV: one row per event; the columns are the union of all events' fields
(empty where an event has no such field).  A text cell that a spreadsheet
would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is prefixed with a single quote, as OWASP recommends for
CSV injection, so it shows as the text it is.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from crampcoach.core.events import Event

_FIRST = ("id", "type", "at")
#: What makes a spreadsheet treat a cell as a formula (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows(events: Iterable[Event]) -> list[dict[str, Any]]:
    """Events as dicts with ``id``, ``type``, ``at`` first."""
    out = []
    for ev in events:
        data = ev.to_dict()
        out.append({**{k: data.pop(k) for k in _FIRST}, **data})
    return out


def to_json(records: list[dict[str, Any]]) -> str:
    """The JSON export text."""
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def neutralise(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs: a formula start gets a leading '."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, str):
        return neutralise(value)
    return str(value)


def to_csv(records: list[dict[str, Any]]) -> str:
    """The CSV export text: a header row, then one row per event."""
    columns = list(_FIRST)
    for record in records:
        columns.extend(k for k in record if k not in columns)
    buffer = io.StringIO()
    # CRLF rows (RFC 4180): the csv module then quotes any cell holding a CR or
    # a newline, so such a note stays inside its cell.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record.get(c)) for c in columns])
    return buffer.getvalue()
