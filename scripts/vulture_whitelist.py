"""Names vulture cannot see being used; each is called or read by something outside our code.

vulture reads this file as if it were code (scripts/dev.sh test passes it);
it is never imported.
"""

# ruff: noqa: B018, F821

# Routine kinds: the values appear only in routine files (routines/*.toml).
RoutineKind.WARMUP
RoutineKind.RELIEF
RoutineKind.COOLDOWN

# Qt calls these virtual methods by name; Qt passes the watched object.
_.eventFilter
watched

# The context-manager protocol passes the exception triple to __exit__.
exc_type
tb

# Keeps the skip dialog (a top-level window) alive while it is open.
_._skip_dialog

# pytest reads a module's pytestmark and calls hooks by name; configparser calls optionxform.
pytestmark
pytest_plugins
pytest_runtest_makereport
pytest_make_collect_report
_.optionxform
# pytest runs autouse fixtures without a test naming them.
_player_imported
_low_thresholds

# The start-up benchmark's child processes import these by name (python -c).
_fill_log
_medians

# Pose frame fields: core.poses._flatten reads them by name (getattr).
FrameSpec.torso
FrameSpec.other_leg
FrameSpec.arm
FrameSpec.other_arm

# Qt asks a widget whether its height depends on its width, and how small it may get.
_.hasHeightForWidth
_.minimumSizeHint

# The app holds the file watcher that refreshes it when another computer's
# files arrive; nothing reads the attribute, it keeps the watcher alive.
_.sync_watcher

# For the first-day welcome (issue 13), which asks before offering a menu entry.
is_installed

# Settings fields read only by key so far (the settings dialog, ``settings show``);
# the morning check-in reminder reads them as attributes once it exists.
_.morning_checkin
_.morning_checkin_time

# The importlib.metadata stand-in of core/triggers.py: apscheduler's __init__
# catches this name if the stand-in finds no version.
_.PackageNotFoundError

# PEP 562: Python calls a package's module-level __getattr__ for a name it lacks
# (crampcoach/store/__init__.py loads the store itself on first use).
__getattr__

# ctypes reads a Structure's fields by their names in _fields_ (qt/wall_alarm.py).
_.tv_sec
_.tv_nsec
