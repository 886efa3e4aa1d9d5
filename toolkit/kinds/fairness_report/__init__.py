"""The trial fairness report: its registry entry. Builder: builder.py; grading scale:
grading.py; what a report needs of a case file: rules.py; wording and the scale's data:
templates/fairness-report/."""

from toolkit.kinds.kind import Kind

KIND = Kind(
    "fairness-report", "toolkit.kinds.fairness_report.builder:build_fairness_report",
    "trial fairness report: monitored sessions, analysis right by right, graded A-F",
    rules=("toolkit.kinds.fairness_report.rules:check_fairness_report",), order=30)
