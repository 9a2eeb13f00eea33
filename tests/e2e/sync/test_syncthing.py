"""Two computers, two real Syncthing instances on loopback, one log.

Each "computer" has its own Syncthing home (keys, config, database), its own
data folder and its own CrampCoach state folder (device id, lock).  The two
Syncthings know only each other, by static loopback address: no discovery,
relays, NAT or usage reporting.  Both CLIs write while the link is up, then
at once while it is paused (the same entries edited on both, one edited on
one and deleted on the other, others deleted), then the link comes back.
Once Syncthing reports both folders complete, both exports must be identical
and equal to what the merge rule makes of everything either CLI
acknowledged: nothing lost, nothing twice.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

FOLDER = "crampcoach"
SYNCTHING = shutil.which("syncthing")
CONVERGE_S = 45.0

#: A tiny writer process for what the CLI has no command for (edits, deletes),
#: each change durable and acknowledged before the next.
EDIT = r"""
import json, sys
from pathlib import Path
from crampcoach.core.events import event_from_dict
from crampcoach.core.clock import SystemClock
from crampcoach.store import Store

folder, changes = Path(sys.argv[1]), json.loads(sys.argv[2])
with Store.open(folder, clock=SystemClock(), lock_timeout=30) as store:
    for action, payload in changes:
        if action == "add":
            store.add(event_from_dict(payload))
        elif action == "update":
            store.update(event_from_dict(payload))
        else:
            store.delete(payload["id"])
        print("ok", flush=True)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Computer:
    name: str
    root: Path
    listen: int = field(default_factory=_free_port)
    gui: int = field(default_factory=_free_port)
    key: str = ""
    device: str = ""
    proc: subprocess.Popen[bytes] | None = None
    last_event: int = 0
    relay: threading.Thread | None = None
    said: queue.Queue[str] = field(default_factory=queue.Queue)

    @property
    def home(self) -> Path:
        return self.root / "syncthing"

    @property
    def data(self) -> Path:
        return self.root / "data"

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "CRAMPCOACH_DATA_DIR": str(self.data),
            "CRAMPCOACH_STATE_DIR": str(self.root / "state"),
        }

    # -- Syncthing ------------------------------------------------------------

    def generate(self) -> None:
        assert SYNCTHING
        subprocess.run(
            [SYNCTHING, "generate", f"--home={self.home}", "--no-default-folder"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        root = ET.parse(self.home / "config.xml").getroot()
        own = root.find("device")
        gui = root.find("gui")
        assert own is not None and gui is not None
        self.device = own.attrib["id"]
        self.key = gui.findtext("apikey") or ""

    def configure(self, peer: Computer) -> None:
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        options = root.find("options")
        assert gui is not None and options is not None
        _set(gui, "address", f"127.0.0.1:{self.gui}")
        for tag, value in {
            "listenAddress": f"tcp://127.0.0.1:{self.listen}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "urAccepted": "-1",
            "startBrowser": "false",
            "crashReportingEnabled": "false",
            "autoUpgradeIntervalH": "0",
        }.items():
            _set(options, tag, value)
        other = ET.SubElement(
            root, "device", {"id": peer.device, "name": peer.name, "compression": "metadata"}
        )
        ET.SubElement(other, "address").text = f"tcp://127.0.0.1:{peer.listen}"
        self.data.mkdir(parents=True)
        (self.data / ".stfolder").mkdir()
        folder = ET.Element(
            "folder",
            {
                "id": FOLDER,
                "label": "CrampCoach",
                "path": str(self.data),
                "type": "sendreceive",
                "rescanIntervalS": "5",
                "fsWatcherEnabled": "true",
                "fsWatcherDelayS": "1",
            },
        )
        for dev in (self.device, peer.device):
            ET.SubElement(folder, "device", {"id": dev})
        root.insert(0, folder)
        tree.write(path)

    def start(self, log: Path) -> None:
        assert SYNCTHING
        self.proc = subprocess.Popen(
            [SYNCTHING, "serve", f"--home={self.home}", "--no-browser", "--no-restart"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**os.environ, "STNOUPGRADE": "1", "STNORESTART": "1"},
        )
        self.relay = threading.Thread(target=self._relay, args=(log,), daemon=True)
        self.relay.start()

    def _relay(self, log: Path) -> None:
        """Copy Syncthing's output to its log file and hand each line to the test."""
        assert self.proc is not None and self.proc.stdout is not None
        with log.open("wb") as out:
            for line in self.proc.stdout:
                out.write(line)
                out.flush()
                self.said.put(line.decode("utf-8", "replace"))

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        if self.relay is not None:
            self.relay.join(timeout=10)  # it ends when the pipe does
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def api(self, method: str, path: str) -> Any:
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.gui}{path}",
            method=method,
            headers={"X-API-Key": self.key},
        )
        with urllib.request.urlopen(req, timeout=5) as reply:
            body = reply.read()
        return json.loads(body) if body.strip() else None

    def wait_ready(self, deadline: float) -> None:
        """Wait for Syncthing to say its API listens (reading its output, not sleeping)."""
        while True:
            left = deadline - time.monotonic()
            assert left > 0, "syncthing's API never came up"
            try:
                line = self.said.get(timeout=left)
            except queue.Empty:
                continue
            if "API listening on" in line:
                assert self.api("GET", "/rest/system/ping") == {"ping": "pong"}
                return

    def connected(self, peer: Computer) -> bool:
        conns = self.api("GET", "/rest/system/connections")["connections"]
        return bool(conns.get(peer.device, {}).get("connected"))

    def complete(self, peer: Computer) -> bool:
        """Whether the peer has everything we have, and we need nothing."""
        done = self.api("GET", f"/rest/db/completion?folder={FOLDER}&device={peer.device}")
        status = self.api("GET", f"/rest/db/status?folder={FOLDER}")
        return bool(
            done["completion"] == 100
            and done["needBytes"] == 0
            and status["state"] == "idle"
            and status["needTotalItems"] == 0
        )

    # -- CrampCoach -------------------------------------------------------------

    def cli(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "crampcoach", *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout

    def edit(self, *changes: tuple[str, dict[str, Any]]) -> None:
        done = subprocess.run(
            [sys.executable, "-c", EDIT, str(self.data), json.dumps(changes)],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        acknowledged = done.stdout.split()
        assert done.returncode == 0 and acknowledged == ["ok"] * len(changes), done.stderr

    def export(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = json.loads(self.cli("export"))
        return entries

    def peek(self) -> list[dict[str, Any]]:
        """The log as this computer's files stand (read in this process, for polling)."""
        from crampcoach.cli.export import rows
        from crampcoach.core.clock import SystemClock
        from crampcoach.store import Store

        with Store.open(self.data, clock=SystemClock(), read_only=True) as store:
            return rows(store.events())

    def device_id(self) -> str:
        found = json.loads((self.root / "state" / "device.json").read_text())
        return str(found["id"])

    def wait_for_events(self) -> None:
        """Block until Syncthing reports something new (or a second passes)."""
        got = self.api("GET", f"/rest/events?since={self.last_event}&timeout=1")
        if got:
            self.last_event = max(e["id"] for e in got)


def _set(parent: ET.Element, tag: str, value: str) -> None:
    node = parent.find(tag)
    if node is None:
        node = ET.SubElement(parent, tag)
    node.text = value


@pytest.fixture
def computers(tmp_path: Path) -> Iterator[tuple[Computer, Computer]]:
    if SYNCTHING is None:
        pytest.fail("syncthing is not installed (scripts/dev.sh installs it for the tests)")
    a, b = Computer("laptop", tmp_path / "laptop"), Computer("desktop", tmp_path / "desktop")
    try:
        for c in (a, b):
            c.generate()
        a.configure(b)
        b.configure(a)
        for c in (a, b):
            c.start(tmp_path / f"{c.name}.log")
        deadline = time.monotonic() + 30
        for c in (a, b):
            c.wait_ready(deadline)
        yield a, b
    finally:
        for c in (a, b):
            c.stop()


def _converge(a: Computer, b: Computer) -> list[dict[str, Any]]:
    """Wait until both Syncthings are complete and both logs agree; return the CLI export.

    Between looks the test blocks on Syncthing's event stream, so it wakes
    when something happens rather than after a fixed sleep.
    """
    deadline = time.monotonic() + CONVERGE_S
    while True:
        with contextlib.suppress(OSError, KeyError, ValueError):
            if a.connected(b) and a.complete(b) and b.complete(a) and a.peek() == b.peek():
                first, second = a.export(), b.export()
                if first == second:
                    return first
        assert time.monotonic() < deadline, "the two computers never converged"
        a.wait_for_events()


def _ids(entries: list[dict[str, Any]]) -> list[str]:
    return [str(e["id"]) for e in entries]


def _expected(
    base: list[dict[str, Any]],
    offline_a: list[dict[str, Any]],
    offline_b: list[dict[str, Any]],
    edited: dict[str, dict[str, Any]],
    a_wins: bool,
) -> dict[str, dict[str, Any]]:
    """What the rule makes of everything acknowledged.

    Every add from both sides; a concurrent edit of the same revision goes to
    the higher device id; an edit on one side against a delete on the other,
    likewise; a delete on both is a delete.
    """
    expected: dict[str, dict[str, Any]] = {e["id"]: e for e in base}
    for side in (offline_a, offline_b):
        for e in side:
            expected.setdefault(e["id"], e)
    both, only_a = edited["both"], edited["only_a"]
    expected[both["id"]] = {**both, "ml": 555 if a_wins else 777}
    if a_wins:
        expected[only_a["id"]] = {**only_a, "ml": 666}
    else:
        del expected[only_a["id"]]
    expected[edited["only_b"]["id"]] = {**edited["only_b"], "ml": 888}
    del expected[edited["gone"]["id"]]
    return expected


def test_two_syncthing_computers_converge_on_one_log(
    computers: tuple[Computer, Computer],
) -> None:
    a, b = computers
    a.cli("log", "water", "--ml", "101")
    now = datetime.now(UTC)
    a.edit(
        *(
            ("add", {"type": "water", "id": f"base{ml}", "at": now.isoformat(), "ml": ml})
            for ml in (102, 103, 104)
        )
    )
    b.cli("log", "cramp", "--leg", "left", "--muscle", "calf", "--severity", "4")
    base = _converge(a, b)
    assert len(base) == 5 and len(set(_ids(base))) == 5
    by_ml = {e.get("ml"): e for e in base}

    # The link goes down (each side pauses the other).
    a.api("POST", f"/rest/system/pause?device={b.device}")
    b.api("POST", f"/rest/system/pause?device={a.device}")
    both, only_a, only_b = by_ml[101], by_ml[102], by_ml[103]
    gone = by_ml[104]

    def on_a() -> None:
        a.cli("log", "water", "--ml", "201")
        a.edit(
            ("update", {**both, "ml": 555}),  # both edit this one
            ("update", {**only_a, "ml": 666}),  # a edits, b deletes
            ("delete", {"id": gone["id"]}),  # both delete this one
            *(("add", {**both, "id": f"a{ml}", "ml": ml}) for ml in (202, 203)),
        )

    def on_b() -> None:
        b.cli("log", "water", "--ml", "301")
        b.edit(
            ("update", {**both, "ml": 777}),
            ("delete", {"id": only_a["id"]}),
            ("update", {**only_b, "ml": 888}),
            ("delete", {"id": gone["id"]}),
            ("add", {**only_b, "id": "b302", "ml": 302}),
        )

    failures: list[BaseException] = []

    def guarded(work: Any) -> None:
        try:
            work()
        except BaseException as exc:  # reported by the test thread below
            failures.append(exc)

    writers = [threading.Thread(target=guarded, args=(f,)) for f in (on_a, on_b)]
    for t in writers:
        t.start()
    for t in writers:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in writers)
    assert not failures, failures
    offline_a, offline_b = a.export(), b.export()

    a.api("POST", f"/rest/system/resume?device={b.device}")
    b.api("POST", f"/rest/system/resume?device={a.device}")
    for c in (a, b):
        c.api("POST", f"/rest/db/scan?folder={FOLDER}")
    merged = _converge(a, b)

    a_wins = a.device_id() > b.device_id()
    edited = {"both": both, "only_a": only_a, "only_b": only_b, "gone": gone}
    expected = _expected(base, offline_a, offline_b, edited, a_wins)
    assert len(_ids(merged)) == len(set(_ids(merged))), "an entry shows twice"
    assert {e["id"]: e for e in merged} == expected
    assert sorted(e.get("ml") or 0 for e in merged if e["type"] == "water") == sorted(
        [201, 202, 203, 301, 302, 555 if a_wins else 777, 888] + ([666] if a_wins else [])
    )
    # Each computer wrote only its own folder: no sync conflict copy anywhere.
    for c in (a, b):
        assert not [p for p in c.data.rglob("*sync-conflict*")]
