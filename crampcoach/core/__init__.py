"""The pure core: no Qt, ever (tests/unit/test_no_qt.py enforces it)."""
