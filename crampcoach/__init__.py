"""CrampCoach: guided leg stretching, reminders and an adherence review."""

__version__ = "0.1.0"
