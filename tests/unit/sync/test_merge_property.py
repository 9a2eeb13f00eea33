"""Any interleaving of edits on several computers, files arriving in any order: one log.

Computers (one of them a clone with a copied device id) create, edit, move
between months and delete the same few entries, each seeing the others'
files only when it syncs, so edits are often concurrent.  Old versions of
files are kept as conflict copies.  Whatever the order in which the files and
copies reach a reader, the merged log is the same, every live entry shows in
exactly one month, and it is what the global rule (highest revision, then
device, then digest) says.  The same holds for the real store: the files,
written as each computer's month files and Syncthing conflict copies, reach
a running reader one by one in any order, and it ends with that log too.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from crampcoach.core.clock import FakeClock
from crampcoach.core.sync import MergedLog, Record, live, next_record, visible
from crampcoach.store import Store
from crampcoach.store.storage import encode

#: (computer, device id it writes as); "dev-c" is written by two computers.
COMPUTERS = (("a", "dev-a"), ("b", "dev-b"), ("c1", "dev-c"), ("c2", "dev-c"))
MONTHS = ("2026-01", "2026-02", "2026-03", "2026-04")
IDS = ("e0", "e1", "e2", "e3")

Files = dict[str, dict[str, Record]]  # month -> id -> record

op = st.tuples(
    st.sampled_from(("create", "edit", "move", "delete", "sync", "conflict")),
    st.integers(0, len(COMPUTERS) - 1),
    st.integers(0, len(COMPUTERS) - 1),
    st.integers(0, len(IDS) - 1),
    st.integers(0, len(MONTHS) - 1),
    st.integers(1, 5000),
)


def _doc(eid: str, month: str, ml: int) -> dict[str, Any]:
    return {"type": "water", "id": eid, "at": f"{month}-10T12:00:00+00:00", "ml": ml}


class Computer:
    def __init__(self, name: str, device: str) -> None:
        self.name = name
        self.device = device
        self.own: Files = {}
        self.seen: dict[str, Files] = {}  # other computer -> its files at the last sync

    def files(self) -> list[tuple[str, list[Record]]]:
        out = [(m, list(t.values())) for m, t in self.own.items()]
        for files in self.seen.values():
            out.extend((m, list(t.values())) for m, t in files.items())
        return out

    def known(self, eid: str) -> list[Record]:
        return [r for _m, recs in self.files() for r in recs if r.id == eid]

    def current(self, eid: str) -> Record | None:
        log = MergedLog()
        for month, recs in self.files():
            log.add(month, recs)
        for month in MONTHS:
            rec = log.best_in(month, eid)
            if rec is not None and visible(rec, month, log.best_in):
                return rec
        return None

    def write(self, rec: Record) -> None:
        for month in rec.months:
            self.own.setdefault(month, {})[rec.id] = rec


def _snapshot(files: Files) -> Files:
    return {m: dict(t) for m, t in files.items()}


def _run(ops: list[tuple[str, int, int, int, int, int]]) -> list[tuple[str, list[Record]]]:
    computers = [Computer(n, d) for n, d in COMPUTERS]
    conflicts: list[tuple[str, list[Record]]] = []
    for kind, who, other, idx, month_idx, ml in ops:
        me, them = computers[who], computers[other]
        eid, month = IDS[idx], MONTHS[month_idx]
        now = me.current(eid)
        if kind == "create" and not me.known(eid):
            # An id is made once, with its time: two computers can create the
            # "same" entry only by importing one file, so in one month.
            me.write(next_record([], me.device, _doc(eid, MONTHS[idx], ml)))
        elif kind in ("edit", "move") and now is not None:
            at_month = month if kind == "move" else now.month
            me.write(next_record(me.known(eid), me.device, _doc(eid, at_month, ml)))
        elif kind == "delete" and now is not None:
            me.write(next_record(me.known(eid), me.device, now.doc, deleted=True))
        elif kind == "sync" and them is not me:
            me.seen[them.name] = _snapshot(them.own)
        elif kind == "conflict" and month in me.own:
            conflicts.append((month, list(me.own[month].values())))
    final = [(m, list(t.values())) for c in computers for m, t in c.own.items()]
    return final + conflicts


def _merged(files: list[tuple[str, list[Record]]]) -> Mapping[str, Mapping[str, Any]]:
    log = MergedLog()
    for month, recs in files:
        log.add(month, recs)
    return log.entries()


@settings(max_examples=120, deadline=None)
@given(ops=st.lists(op, max_size=40), data=st.data())
def test_any_order_of_arrival_gives_the_global_log(
    ops: list[tuple[str, int, int, int, int, int]], data: st.DataObject
) -> None:
    files = _run(ops)
    expected = live(r for _m, recs in files for r in recs)
    assert _merged(files) == expected
    shuffled = data.draw(st.permutations(files))
    # A file seen twice (re-synced, or a copy identical to the file) changes nothing.
    again = data.draw(st.lists(st.sampled_from(files), max_size=3)) if files else []
    assert _merged([*shuffled, *again]) == expected


def test_a_concurrent_move_and_edit_show_once() -> None:
    # a moves e0 to March while b, not having seen that, edits it in January.
    a, b = Computer("a", "a"), Computer("b", "b")
    first = next_record([], "a", _doc("e0", "2026-01", 100))
    a.write(first)
    b.seen["a"] = _snapshot(a.own)
    a.write(next_record(a.known("e0"), "a", _doc("e0", "2026-03", 200)))
    b.write(next_record(b.known("e0"), "b", _doc("e0", "2026-01", 300)))
    files = [(m, list(t.values())) for c in (a, b) for m, t in c.own.items()]
    # Same revision: the higher device id, b, stands; a's March copy is hidden.
    assert _merged(files) == {"e0": _doc("e0", "2026-01", 300)}


def test_a_delete_outranks_an_older_edit_arriving_late() -> None:
    a, b = Computer("a", "a"), Computer("b", "b")
    a.write(next_record([], "a", _doc("e0", "2026-01", 100)))
    b.seen["a"] = _snapshot(a.own)
    b.write(next_record(b.known("e0"), "b", _doc("e0", "2026-02", 150)))
    a.seen["b"] = _snapshot(b.own)
    gone = a.current("e0")
    assert gone is not None and gone.doc["ml"] == 150
    a.write(next_record(a.known("e0"), "a", gone.doc, deleted=True))
    files = [(m, list(t.values())) for c in (a, b) for m, t in c.own.items()]
    assert _merged(files) == {}
    assert _merged(list(reversed(files))) == {}


def _as_files(files: list[tuple[str, list[Record]]]) -> list[tuple[str, bytes]]:
    """Each computer's month file at its place; a second one of a device and month
    (the cloned computer's, or an old version) as a Syncthing conflict copy beside it."""
    out: list[tuple[str, bytes]] = []
    taken: set[tuple[str, str]] = set()
    for n, (month, recs) in enumerate(files):
        device = recs[0].device
        name = f"events-{month}.json"
        if (device, month) in taken:
            name = f"events-{month}.sync-conflict-20261201-10{n // 60:02d}{n % 60:02d}-ABCDEFG.json"
        taken.add((device, month))
        table = {str(k): rec.to_doc(device) for k, rec in enumerate(recs, start=1)}
        out.append((f"devices/{device}/{name}", encode({"events": table})))
    return out


#: Ops for the store: two ids and more edits and syncs, so concurrent edits
#: (the ties the rule has to break) come up in few examples.
busy_op = st.tuples(
    st.sampled_from(("create", "edit", "edit", "move", "delete", "sync", "sync", "conflict")),
    st.integers(0, len(COMPUTERS) - 1),
    st.integers(0, len(COMPUTERS) - 1),
    st.integers(0, 1),
    st.integers(0, len(MONTHS) - 1),
    st.integers(1, 5000),
)


@settings(max_examples=60, deadline=None)
@given(ops=st.lists(busy_op, min_size=4, max_size=30), data=st.data())
def test_the_store_reading_files_as_they_arrive_ends_with_the_global_log(
    ops: list[tuple[str, int, int, int, int, int]], data: st.DataObject
) -> None:
    files = _run(ops)
    expected = live(r for _m, recs in files for r in recs)
    arriving = data.draw(st.permutations(_as_files(files)))
    looks = data.draw(st.lists(st.booleans(), min_size=len(arriving), max_size=len(arriving)))
    clock = FakeClock(datetime(2026, 5, 1, tzinfo=UTC))
    saved = os.environ.get("CRAMPCOACH_STATE_DIR")
    try:
        seen = _read_as_they_arrive(arriving, looks, clock)
    finally:
        if saved is None:
            os.environ.pop("CRAMPCOACH_STATE_DIR", None)
        else:
            os.environ["CRAMPCOACH_STATE_DIR"] = saved
    assert seen == expected


def _read_as_they_arrive(
    arriving: list[tuple[str, bytes]], looks: list[bool], clock: FakeClock
) -> dict[str, Any]:
    """What a reader that was open while the files arrived shows (a fresh one must agree)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        os.environ["CRAMPCOACH_STATE_DIR"] = str(Path(tmp) / "reader-state")
        with Store.open(folder, read_only=True, clock=clock) as reader:
            for (name, content), look in zip(arriving, looks, strict=True):
                target = folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                part = target.with_name(f".syncthing.{target.name}.tmp")
                part.write_bytes(content)  # what Syncthing does: a temporary file,
                part.replace(target)  # then renamed into place
                if look:
                    reader.events()  # the running app reads between arrivals
                    reader.refresh()
            reader.refresh()
            seen = {e.id: e.to_dict() for e in reader.events()}
        with Store.open(folder, read_only=True, clock=clock) as fresh:
            assert {e.id: e.to_dict() for e in fresh.events()} == seen
    return seen
