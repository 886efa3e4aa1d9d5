"""Document kinds, chosen by name with `--kind`. A kind turns case files into a Document
(before the passes) by rendering its section templates, templates/<kind>/sections/."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    target: str  # "module:function", function(case: CaseFile, env: KindEnv) -> Document
    description: str
    always_public: bool = False  # e.g. briefings: confidential people are always redacted
    inputs: str = "case"  # "case": one document per case file; "briefing": see briefings/

    def load(self) -> Callable:
        module, function = self.target.split(":")
        return getattr(importlib.import_module(module), function)


KINDS: dict[str, Kind] = {k.name: k for k in [
    Kind("memo", "toolkit.kinds.memo:build_memo",
         "internal memorandum: facts in date order with sources, then each claim"),
    Kind("communication", "toolkit.kinds.communication:build_communication",
         "communication to the UN Human Rights Committee under the Optional Protocol"),
    Kind("fairness-report", "toolkit.kinds.fairness_report:build_fairness_report",
         "trial fairness report: monitored sessions, analysis right by right, graded A-F"),
    Kind("briefing", "toolkit.kinds.briefing:build_briefing",
         "EU dialogue briefing paper from a briefing file: themes, cases of concern, "
         "recommendations, table of cases", always_public=True, inputs="briefing"),
]}
