"""Benchmarks: ``python -m benchmarks`` prints the whole table."""
