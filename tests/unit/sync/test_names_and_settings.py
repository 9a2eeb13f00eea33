"""Sync tools' file names, and settings merged per key by a skew-tolerant clock."""

from __future__ import annotations

import itertools

import pytest

from crampcoach.core.sync import SettingChange, merge_settings, next_stamp
from crampcoach.core.syncnames import NameKind, classify


@pytest.mark.parametrize(
    ("name", "original", "tool"),
    [
        (
            "events-2026-12.sync-conflict-20261201-101500-ABCDEFG.json",
            "events-2026-12.json",
            "Syncthing",
        ),
        ("settings.sync-conflict-20261201-101500-Z9Y8X7W.json", "settings.json", "Syncthing"),
        (
            "events-2026-12 (Anna's conflicted copy 2026-12-01).json",
            "events-2026-12.json",
            "Dropbox",
        ),
        (
            "events-2026-12 (Anna's conflicted copy 2026-12-01 (1)).json",
            "events-2026-12.json",
            "Dropbox",
        ),
        (
            "events-2026-12 (conflicted copy 2026-12-01 101500).json",
            "events-2026-12.json",
            "Nextcloud or Dropbox",
        ),
        (
            "events-2026-12 (conflicted copy anna 2026-12-01 101500).json",
            "events-2026-12.json",
            "Nextcloud or Dropbox",
        ),
    ],
)
def test_conflict_copies_name_their_original(name: str, original: str, tool: str) -> None:
    found = classify(name)
    assert (found.kind, found.original, found.tool) == (NameKind.CONFLICT, original, tool)


@pytest.mark.parametrize(
    "name",
    [
        ".syncthing.events-2026-12.json.tmp",
        "~syncthing~events-2026-12.json.tmp",
        ".~lock.events-2026-12.json#",
        "events-2026-12.json.part",
        ".events-2026-12.json.~a1b2c3",
        ".dropbox.cache",
        ".events-2026-12.json.k2j3h4.tmp",
    ],
)
def test_transfers_in_progress_are_temporary(name: str) -> None:
    assert classify(name).kind is NameKind.TEMPORARY


@pytest.mark.parametrize(
    "name",
    [
        "events-2026-12.json",
        "settings.json",
        "device.json",
        "events-2026-12.sync-conflict.json",  # no stamp: not Syncthing's shape
        "notes (copy).json",
    ],
)
def test_plain_names_are_data(name: str) -> None:
    found = classify(name)
    assert (found.kind, found.original) == (NameKind.DATA, name)


def test_a_change_after_seeing_another_wins_even_with_a_slow_clock() -> None:
    fast = next_stamp(None, [], now_ms=5_000_000)  # laptop, clock an hour ahead
    slow = next_stamp(None, [fast], now_ms=1_400_000)  # desktop saw it, then changed
    assert slow > fast
    changes = [
        SettingChange("bedtime", "22:30", fast, "laptop"),
        SettingChange("bedtime", "23:00", slow, "desktop"),
    ]
    for order in itertools.permutations(changes):
        assert merge_settings(order)["bedtime"].value == "23:00"


def test_stamps_of_one_computer_always_increase() -> None:
    stamp = next_stamp(None, [], now_ms=1000)
    for now in (1000, 999, 500, 1000, 2000):  # the clock stalls and steps back
        nxt = next_stamp(stamp, [], now_ms=now)
        assert nxt > stamp
        stamp = nxt


def test_settings_merge_per_key_and_ties_are_decided_the_same_everywhere() -> None:
    same = (7, 0)
    changes = [
        SettingChange("bedtime", "22:00", same, "a"),
        SettingChange("bedtime", "23:00", same, "b"),
        SettingChange("glass_ml", 300, (3, 0), "a"),
        SettingChange("glass_ml", 200, (2, 0), "b"),
    ]
    results = {
        tuple((k, c.value) for k, c in sorted(merge_settings(order).items()))
        for order in itertools.permutations(changes)
    }
    assert results == {(("bedtime", "23:00"), ("glass_ml", 300))}
