"""A seeded random walk of adds, edits, moves, deletes, disk faults and reopens against a dict."""

from __future__ import annotations

import errno
import os
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import Event, WaterEvent
from crampcoach.store import Store, StoreWriteError

T0 = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_operations_match_a_dict(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    rng = random.Random(seed)
    clock = FakeClock(T0)
    model: dict[str, Event] = {}
    real_replace = os.replace
    faulty = {"on": False}

    def maybe_full(src: str, dst: str) -> None:
        if faulty["on"]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", maybe_full)
    store = Store.open(data_dir, clock=clock)

    def when() -> datetime:
        # Spread over five months so edits move events between files.
        return T0 - timedelta(days=rng.uniform(0, 150))

    refused = 0
    for step in range(300):
        faulty["on"] = rng.random() < 0.15
        action = rng.random()
        try:
            if action < 0.5 or not model:
                ev = WaterEvent(id=f"e{step}", at=when(), ml=rng.randint(1, 5000))
                model[ev.id] = ev
                store.add(ev)
            elif action < 0.75:
                eid = rng.choice(sorted(model))
                ev = WaterEvent(id=eid, at=when(), ml=rng.randint(1, 5000))
                model[eid] = ev
                store.update(ev)
            elif action < 0.9:
                eid = rng.choice(sorted(model))
                removed = model.pop(eid)  # applied (saved or pending) even if the disk refuses
                assert store.delete(eid) == removed
            else:
                faulty["on"] = False
                store.close()
                clock.advance(rng.uniform(0, 3) * 24 * 3600)
                store = Store.open(data_dir, clock=clock)
                assert store.recovery == []
        except StoreWriteError:
            assert faulty["on"]
            refused += 1
        # What the app sees always matches, saved or pending.
        if step % 10 == 0:
            assert store.events() == sorted(model.values(), key=lambda e: (e.at, e.id))
    assert refused >= 15  # the walk really met a full disk, often
    faulty["on"] = False
    store.close()
    with Store.open(data_dir, clock=clock) as again:
        assert again.events() == sorted(model.values(), key=lambda e: (e.at, e.id))
        for eid, ev in model.items():
            assert again.get(eid) == ev
