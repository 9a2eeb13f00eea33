"""The desktop entry and the icon the app announces belong together."""

from __future__ import annotations

import configparser
import tomllib
from pathlib import Path

from crampcoach import resources
from crampcoach.qt.launch import APP_ID

ROOT = Path(__file__).resolve().parents[3]


def test_desktop_entry_matches_the_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read_string(resources.read_text("assets", "crampcoach.desktop"))
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == "CrampCoach"
    assert main["Icon"] == APP_ID == main["StartupWMClass"]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    scripts = pyproject["project"]["gui-scripts"]
    assert main["Exec"].split()[0] in scripts
    assert entry["Desktop Action bedtime"]["Exec"] == "crampcoach start bedtime"


def test_app_icon_renders_at_small_and_large_sizes(qapp: object) -> None:
    from PySide6.QtGui import QIcon

    icon = QIcon(str(resources.path("assets", "icons/crampcoach.svg")))
    for size in (16, 48, 256):
        image = icon.pixmap(size, size).toImage()
        assert image.width() == size
        # Drawn, not blank: teal background top right, white leg in the middle.
        bg = image.pixelColor(int(size * 0.8), int(size * 0.2))
        assert (bg.red(), bg.green(), bg.blue()) == (0x2F, 0x6F, 0x6A)
        leg = image.pixelColor(int(size * 0.4), int(size * 0.55))
        assert (leg.red(), leg.green(), leg.blue()) == (255, 255, 255)


def test_window_icon_pngs_match_the_svg(qapp: object) -> None:
    """The committed PNGs are what scripts/make_icons.py renders from the SVG today."""
    import importlib.util

    from crampcoach.qt.launch import ICON_SIZES, window_icon

    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "scripts" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)
    assert tuple(make_icons.SIZES) == ICON_SIZES
    icon = window_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(ICON_SIZES)
    for size in ICON_SIZES:
        committed = icon.pixmap(size, size).toImage()
        fresh = make_icons.render(size).convertToFormat(committed.format())
        worst = max(
            abs(committed.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha())
            + abs(committed.pixelColor(x, y).red() - fresh.pixelColor(x, y).red())
            for x in range(size)
            for y in range(size)
        )
        # A few levels of anti-aliasing difference between Qt versions at most;
        # an edited SVG moves whole shapes.
        assert worst <= 24, f"crampcoach-{size}.png is stale: run scripts/make_icons.py"
