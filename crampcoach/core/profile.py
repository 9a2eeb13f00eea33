"""The user's short health profile and what it changes.

Settings in, plain data out (no Qt).  The profile never diagnoses and never
suggests a medicine or a dose; it only makes the app more careful:

- diabetes or neuropathy: a foot soak is offered as skippable with a caution
  (reduced feeling can let hot water burn unnoticed);
- heart failure: "feet up" is offered as skippable with a caution (raised
  legs can bring on breathlessness lying flat);
- a fluid limit: the daily water goal never exceeds it;
- pregnancy, kidney or liver disease, diabetes or neuropathy: cramps are
  worth a clinician's look (evidence.md, "See a doctor").

The cautions come from secondary sources summarised in evidence.md and are
marked "not verified" there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from crampcoach.core.text import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from crampcoach.core.settings import Settings


@dataclass(frozen=True, slots=True)
class HealthProfile:
    """What the user told us about their health (all optional)."""

    pregnant: bool = False
    kidney: bool = False
    liver: bool = False
    diabetes: bool = False
    neuropathy: bool = False
    heart_failure: bool = False
    fluid_limit_ml: int = 0  # 0: none

    @classmethod
    def of(cls, settings: Settings) -> HealthProfile:
        """The profile from the settings."""
        return cls(
            pregnant=settings.health_pregnant,
            kidney=settings.health_kidney,
            liver=settings.health_liver,
            diabetes=settings.health_diabetes,
            neuropathy=settings.health_neuropathy,
            heart_failure=settings.health_heart_failure,
            fluid_limit_ml=max(settings.fluid_limit_ml, 0),
        )

    @property
    def reduced_foot_feeling(self) -> bool:
        """Diabetes or neuropathy: feet may not feel heat."""
        return self.diabetes or self.neuropathy

    def see_doctor_conditions(self) -> list[Message]:
        """The conditions evidence.md lists as a reason to see a doctor about cramps."""
        names = [
            (QT_TRANSLATE_NOOP("Safety", "pregnancy"), self.pregnant),
            (QT_TRANSLATE_NOOP("Safety", "kidney disease"), self.kidney),
            (QT_TRANSLATE_NOOP("Safety", "liver disease"), self.liver),
            (QT_TRANSLATE_NOOP("Safety", "diabetes"), self.diabetes),
            (QT_TRANSLATE_NOOP("Safety", "nerve damage (neuropathy)"), self.neuropathy),
        ]
        return [name for name, on in names if on]


def water_goal(settings: Settings) -> int:
    """The daily water goal (ml) after the fluid limit: never above a limit the clinician set."""
    goal = settings.water_goal_ml
    limit = HealthProfile.of(settings).fluid_limit_ml
    return min(goal, limit) if limit else goal


# Step cautions: the step "tag" a routine file gives (``caution = "foot-soak"``)
# -> the condition that makes it need care, and what to say.
FOOT_SOAK = "foot-soak"
FEET_UP = "feet-up"


@dataclass(frozen=True, slots=True)
class StepCaution:
    """Why a step is skippable for this person, in plain words."""

    tag: str
    message: Message  # translated where shown (the player)

    @property
    def text(self) -> str:
        """In English."""
        return str(self.message)


def caution_for(tag: str, health: HealthProfile) -> StepCaution | None:
    """The caution a step with ``tag`` carries for this profile, or None."""
    if tag == FOOT_SOAK and health.reduced_foot_feeling:
        return StepCaution(
            tag,
            QT_TRANSLATE_NOOP(
                "Cautions",
                "You told us you have diabetes or reduced feeling in your feet: hot water can "
                "burn without you feeling it. You can skip this soak (it is skipped unless you "
                "choose it), or ask your foot-care team first; if you soak, test the water with "
                "your elbow or a thermometer.",
            ),
        )
    if tag == FEET_UP and health.heart_failure:
        return StepCaution(
            tag,
            QT_TRANSLATE_NOOP(
                "Cautions",
                "You told us you have heart failure: raising your legs in bed can bring on "
                "breathlessness when lying flat. You can skip this step (it is skipped unless "
                "you choose it); ask your heart team what suits you.",
            ),
        )
    return None
