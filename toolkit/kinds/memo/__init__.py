"""The internal memorandum: its registry entry. The builder is builder.py; the wording is
templates/memo/."""

from toolkit.kinds.kind import Kind

KIND = Kind(
    "memo", "toolkit.kinds.memo.builder:build_memo",
    "internal memorandum: facts in date order with sources, then each claim", order=10)
