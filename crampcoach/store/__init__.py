"""Crash-safe TinyDB storage for the adherence log."""
