"""Covenant: draft human-rights filings from structured case files."""

__version__ = "0.1.0"
