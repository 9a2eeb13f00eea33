"""core.text: messages worded in core, translated when shown."""

from __future__ import annotations

from crampcoach.core.text import QT_TRANSLATE_NOOP, Message, plural


def upper(context: str, source: str) -> str:
    """A stand-in translator that shows what it was asked for (placeholders kept)."""
    words = " ".join(w if w.startswith("{") else w.upper() for w in source.split(" "))
    return f"[{context}] {words}"


def test_a_message_is_english_until_rendered_through_a_translator() -> None:
    msg = QT_TRANSLATE_NOOP("Ctx", "Water today: {water} ml").format(water=300)
    assert str(msg) == "Water today: 300 ml"
    # The translator sees the source with its placeholder, never the filled text.
    assert msg.render(upper) == "[Ctx] WATER TODAY: 300 ML"


def test_parts_that_are_messages_are_translated_with_the_same_translator() -> None:
    inner = QT_TRANSLATE_NOOP("Ctx", "about {n} minutes").format(n=10)
    outer = QT_TRANSLATE_NOOP("Ctx", "{routine}: {length}").format(routine="Bedtime", length=inner)
    assert str(outer) == "Bedtime: about 10 minutes"
    # Plain values (a routine's own title) are not run through the translator.
    assert outer.render(upper) == "[Ctx] Bedtime: [Ctx] ABOUT 10 MINUTES"


def test_plural_picks_one_or_other_and_fills_n() -> None:
    one, other = Message("C", "{n} night"), Message("C", "{n} nights")
    assert [str(plural(n, one, other)) for n in (0, 1, 2)] == ["0 nights", "1 night", "2 nights"]


def test_numbers_and_dates_are_english_until_shown_otherwise() -> None:
    from datetime import date

    from crampcoach.core.text import Day, Number

    msg = QT_TRANSLATE_NOOP("C", "{rate} a night, {diff} ({since}), {mins}").format(
        rate=Number(0.5, 2), diff=Number(-0.25, 2, signed=True), since=Day(date(2026, 3, 2)),
        mins=Number(2.5),
    )  # fmt: skip
    assert str(msg) == "0.50 a night, -0.25 (Mon 2 Mar 2026), 2.5"
    assert str(Number(0.04, 1, signed=True)) == "+0.0"
    # The GUI passes its locale's writer; nested messages get it too.
    outer = Message("C", "[{inner}]").format(inner=msg)
    shown = outer.render(shown=lambda v: f"<{type(v).__name__}>")
    assert shown == "[<Number> a night, <Number> (<Day>), <Number>]"
