"""Monitoring data (`monitoring:`): rules that hold for every case file that has it,
whatever is built from it. What a fairness report adds is in
toolkit/kinds/fairness_report/rules.py.

Size: the monitoring rules every case file is checked by; a report's own rules are in
its room."""

from __future__ import annotations

from toolkit.checks.context import CheckContext, case_check, date_of, entries, text_items
from toolkit.model.dates import format_date
from toolkit.readers.yamlsource import LocatedList


@case_check
def monitors_stay_anonymous(ctx: CheckContext) -> None:
    """A monitor who is not a trial-monitor in `people` would be named in public reports."""
    people = {p.get("id"): p for _, p in entries(ctx.raw, "people")}
    warned: set[str] = set()
    for path, session in entries(ctx.raw, "monitoring", "sessions"):
        for index, ref in text_items(session, "monitors"):
            person = people.get(ref)
            if person is None or ref in warned:
                continue
            roles = person.get("roles")
            roles = roles if isinstance(roles, LocatedList) else []
            if "trial-monitor" in roles or person.get("confidential") is not None:
                continue
            warned.add(ref)
            ctx.warning((*path, "monitors", index),
                        f"'{ref}' monitors a session but does not have the role "
                        "trial-monitor, so the public version of a fairness report would "
                        "print their name; add trial-monitor to their roles, or say "
                        "'confidential: true' (or false) in their entry",
                        "monitor-not-confidential")


@case_check
def findings_rest_on_evidence(ctx: CheckContext) -> None:
    for path, finding in entries(ctx.raw, "monitoring", "findings"):
        facts, sources = finding.get("facts"), finding.get("sources")
        if not (isinstance(facts, LocatedList) and facts) and \
                not (isinstance(sources, LocatedList) and sources):
            label = finding.get("id", f"number {path[-1] + 1}")
            ctx.warning((*path, "id") if "id" in finding else path,
                        f"finding '{label}' names no fact and cites no source; add "
                        "facts: [fact-id] or sources: ['@key, para N']",
                        "finding-without-evidence")


@case_check
def sessions_not_in_the_future(ctx: CheckContext) -> None:
    for path, session in entries(ctx.raw, "monitoring", "sessions"):
        when = date_of(session, "date")
        if when and when.start > ctx.today:
            ctx.error((*path, "date"), f"monitoring session date {format_date(when)} lies in "
                      f"the future (today is {ctx.today.isoformat()})", "future-date")


@case_check
def sessions_before_the_judgment_or_in_a_remedy(ctx: CheckContext) -> None:
    """A session surely after the monitored proceeding's judgment (its earliest possible
    day later than the judgment's latest) belongs to a hearing on a remedy: without an
    appeal or cassation recorded whose decision comes on or after it (or is pending), the
    report would say the trial was monitored after it ended (the new-case trial of
    December 2026: a session five months after the judgment passed unremarked)."""
    monitoring = ctx.raw.get("monitoring") if hasattr(ctx.raw, "get") else None
    proceeding_id = monitoring.get("proceeding") if hasattr(monitoring, "get") else None
    proceeding = next((p for _, p in entries(ctx.raw, "proceedings")
                       if p.get("id") == proceeding_id), None)
    if proceeding is None:
        return
    judged = date_of(proceeding.get("judgment"), "date")
    if judged is None:
        return
    remedies = [r for _, r in entries(proceeding, "appeals")]
    for path, session in entries(ctx.raw, "monitoring", "sessions"):
        when = date_of(session, "date")
        if when is None or when.start <= judged.end:
            continue
        in_a_remedy = any(r.get("status") in ("pending", "unknown") or
                          ((decided := date_of(r, "decided")) is not None and
                           decided.end >= when.start) for r in remedies)
        if not in_a_remedy:
            ctx.warning((*path, "date"),
                        f"monitoring session of {format_date(when)} is after the judgment "
                        f"of {format_date(judged)} in proceeding '{proceeding_id}', and no "
                        "appeal or cassation decided on or after it is recorded: correct "
                        "the date, or add the remedy whose hearing was monitored under "
                        "the proceeding's appeals", "session-after-judgment")
