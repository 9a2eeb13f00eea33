"""What better sources say about the supplement and drinking advice in the documents.

The document reader marks every sentence that recommends a supplement, a
mineral or more fluid with the verdict from evidence.md, so a reader never
meets "take magnesium" without "probably little or no difference" beside it.
Pure: text in, spans out.  The app never suggests a medicine or a dose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Verdict:
    """A topic, the words that find it, and what better sources say."""

    topic: str
    pattern: re.Pattern[str]
    text: str


VERDICTS: tuple[Verdict, ...] = (
    Verdict(
        "magnesium",
        re.compile(r"\bmagnesium\b", re.IGNORECASE),
        "Magnesium: probably little or no difference to how often cramps come in typical "
        "older adults (Cochrane review CD009402, 2020); in pregnancy the results are "
        "inconsistent.",
    ),
    Verdict(
        "calcium, vitamin D, potassium, multivitamins",
        re.compile(
            r"\b(calcium|vitamin d|potassium|multivitamin\w*|supplement\w*|electrolyte\w*)\b",
            re.IGNORECASE,
        ),
        "Calcium, vitamin D, potassium, multivitamins: insufficient evidence (calcium "
        "inconsistent in pregnancy, CD010655; no trials found for potassium). Ask a doctor "
        "before taking any supplement.",
    ),
    Verdict(
        "drinking more",
        re.compile(r"\b(hydrat\w*|dehydrat\w*|fluids?|drink\w*)\b", re.IGNORECASE),
        "Drinking more: insufficient evidence that it prevents cramps (AAFP review 2012; "
        "Miller 2010), and drinking far more than you are thirsty for can be dangerous.",
    ),
)

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@dataclass(frozen=True, slots=True)
class Marked:
    """A sentence of a document that a verdict applies to (character offsets)."""

    start: int
    end: int
    verdict: Verdict


def marked_passages(text: str) -> list[Marked]:
    """Every sentence naming a supplement, a mineral or drinking, with the first verdict that fits."""
    out: list[Marked] = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        for verdict in VERDICTS:
            if verdict.pattern.search(sentence):
                lead = len(sentence) - len(sentence.lstrip())
                out.append(Marked(m.start() + lead, m.end(), verdict))
                break
    return out


def topics(marks: list[Marked]) -> list[Verdict]:
    """The distinct verdicts among ``marks``, in their declared order."""
    seen = {m.verdict.topic for m in marks}
    return [v for v in VERDICTS if v.topic in seen]
