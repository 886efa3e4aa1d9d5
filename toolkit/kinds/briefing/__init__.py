"""The EU dialogue briefing paper: its registry entry. Briefing-file model: model.py;
reading and checking it: check.py; which cases each theme shows: selection.py; the case
narratives: narrative.py; its input files and what a build draws on: sources.py;
builder: builder.py; wording: templates/briefing/."""

from toolkit.kinds.kind import Kind

KIND = Kind(
    "briefing", "toolkit.kinds.briefing.builder:build_briefing",
    "EU dialogue briefing paper from a briefing file: themes, cases of concern, "
    "recommendations, table of cases", always_public=True,
    inputs="toolkit.kinds.briefing.sources:BRIEFING_FILES", order=40)
