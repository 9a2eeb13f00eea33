"""Every warning sign in evidence.md fires when logged, at night and in the day, from the CLI."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.cli import main
from crampcoach.core import profile, review, safety, settings
from crampcoach.core.clock import SystemClock, local_zone
from crampcoach.core.events import CrampEvent, Leg, Muscle, Symptom, new_id
from crampcoach.core.safety import Level
from crampcoach.store import Store

# (cramp fields, the warning id, its level): one row per sign in evidence.md.
SIGNS: list[tuple[dict, str, Level]] = [
    ({"minutes": 25.0}, "long-cramp", Level.URGENT),
    ({"symptoms": (Symptom.NOT_EASING,)}, "long-cramp", Level.URGENT),
    ({"symptoms": (Symptom.WOUND,)}, "wound-or-toxin", Level.URGENT),
    ({"symptoms": (Symptom.TOXIN,)}, "wound-or-toxin", Level.URGENT),
    (
        {"symptoms": (Symptom.SWELLING, Symptom.WARMTH, Symptom.REDNESS)},
        "calf-clot-signs",
        Level.URGENT,
    ),
    ({"symptoms": (Symptom.TENDERNESS,)}, "calf-clot-signs", Level.URGENT),
    ({"symptoms": (Symptom.SWELLING,)}, "calf-clot-signs", Level.URGENT),  # one calf
    ({"symptoms": (Symptom.BREATHLESS,)}, "breathless-chest-pain", Level.EMERGENCY),
    ({"symptoms": (Symptom.CHEST_PAIN,)}, "breathless-chest-pain", Level.EMERGENCY),
    ({"symptoms": (Symptom.NUMBNESS,)}, "numb-or-weak", Level.SEE_DOCTOR),
    ({"symptoms": (Symptom.WEAKNESS,)}, "numb-or-weak", Level.SEE_DOCTOR),
    ({"symptoms": (Symptom.SWELLING,), "leg": Leg.BOTH}, "numb-or-weak", Level.SEE_DOCTOR),
    ({"symptoms": (Symptom.WALKING_PAIN,)}, "circulation", Level.SEE_DOCTOR),
    ({"symptoms": (Symptom.COLD_FOOT,)}, "circulation", Level.SEE_DOCTOR),
    ({"symptoms": (Symptom.NEW_MEDICINE,)}, "new-medicine", Level.SEE_DOCTOR),
    ({"symptoms": (Symptom.URGE_TO_MOVE,)}, "urge-to-move", Level.SEE_DOCTOR),
]
HOURS = ["03:00", "14:00"]


def _cramp(at: datetime, **fields: object) -> CrampEvent:
    base: dict = {"leg": Leg.LEFT, "muscle": Muscle.CALF, "severity": 6}
    base.update(fields)
    return CrampEvent(id=new_id(), at=at, **base)


def _argv(fields: dict, at: str) -> list[str]:
    leg = fields.get("leg", Leg.LEFT).value
    argv = ["log", "cramp", "--leg", leg, "--muscle", "calf", "--severity", "6", "--at", at]
    if "minutes" in fields:
        argv += ["--minutes", str(fields["minutes"])]
    if fields.get("symptoms"):
        argv += ["--symptom", ",".join(s.value for s in fields["symptoms"])]
    return argv


def test_every_symptom_has_a_rule() -> None:
    fired = {s for fields, _, _ in SIGNS for s in fields.get("symptoms", ())}
    assert fired == set(Symptom)


@pytest.mark.parametrize("hhmm", HOURS)
@pytest.mark.parametrize(("fields", "wid", "level"), SIGNS)
def test_sign_fires_in_core(fields: dict, wid: str, level: Level, hhmm: str) -> None:
    h, m = (int(x) for x in hhmm.split(":"))
    at = datetime(2026, 3, 4, h, m).astimezone()
    warnings = safety.check_episode(_cramp(at, **fields))
    assert wid in [w.id for w in warnings]
    assert warnings[0].level is level  # the most urgent first
    for w in warnings:
        assert not re.search(r"\d+\s*(mg|mmol|iu|mcg|µg)\b", w.reason + w.action, re.I)


@pytest.mark.parametrize("hhmm", HOURS)
@pytest.mark.parametrize(("fields", "wid", "level"), SIGNS)
def test_sign_fires_from_the_cli(
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    fields: dict,
    wid: str,
    level: Level,
    hhmm: str,
) -> None:
    day = (datetime.now().astimezone() - timedelta(days=1)).date()
    assert main(_argv(fields, f"{day}T{hhmm}")) == 0
    out = capsys.readouterr().out
    label = safety.LEVEL_LABELS[level]
    assert out.startswith(label), out  # said first, before the receipt
    assert out.index(label) < out.index("logged a calf cramp")
    if level is Level.EMERGENCY:
        assert "Call the emergency number now" in out
    elif level is Level.URGENT:
        assert "urgent appointment the same day" in out
    assert safety.NOT_MEDICAL_ADVICE in out
    # ... and the review shows it, whatever the hour.
    assert main(["review", "--format", "json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    ids = [w["id"] for w in data["warnings"]]
    if datetime.now().astimezone().date().isocalendar()[1] == day.isocalendar()[1]:
        assert wid in ids


def test_a_quiet_cramp_prints_no_warning(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "cramp", "--leg", "left", "--muscle", "calf", "--severity", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("logged a calf cramp") and "URGENT" not in out


def test_the_health_profile_adds_a_see_a_doctor_prompt(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(data_dir, clock=SystemClock()) as store:
        store.set_setting("health_pregnant", True)
    assert main(["log", "cramp", "--leg", "left", "--muscle", "calf", "--severity", "3"]) == 0
    out = capsys.readouterr().out
    assert "Your health profile says pregnancy" in out


def test_profile_tailors_water_and_cautions() -> None:
    s = replace(settings.Settings(), fluid_limit_ml=1000, health_diabetes=True)
    assert profile.water_goal(s) == 1000
    assert profile.water_goal(settings.Settings()) == 1500
    health = profile.HealthProfile.of(s)
    soak = profile.caution_for(profile.FOOT_SOAK, health)
    assert soak is not None and "burn" in soak.text
    assert profile.caution_for(profile.FEET_UP, health) is None
    heart = profile.HealthProfile.of(replace(settings.Settings(), health_heart_failure=True))
    feet = profile.caution_for(profile.FEET_UP, heart)
    assert feet is not None and "breathlessness" in feet.text
    r = review.compute([], s, local_zone(), review.IsoWeek(2026, 10), datetime.now().date())
    assert r.days[0].water_goal_ml == 1000
