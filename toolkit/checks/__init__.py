"""Checks that need more than one field: cross-references, dates against each other,
sources used and unused. Each check is a function registered in CASE_CHECKS."""

from toolkit.checks.registry import CASE_CHECKS, CheckContext, run_case_checks

__all__ = ["CASE_CHECKS", "CheckContext", "run_case_checks"]
