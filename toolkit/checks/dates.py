"""Dates against each other: nothing before the victim's birth, nothing a judgment rests
on after it, no appeal decided before the judgment, nothing in the future."""

from __future__ import annotations

from toolkit.checks.context import CheckContext, case_check, date_of, entries, text_items
from toolkit.model.dates import format_date
from toolkit.readers.yamlsource import LocatedDict

# (list path, date field, what to call it) for every dated thing in a case file.
DATED = [
    (("facts",), "date", "fact"),
    (("people",), "birth_date", "birth date"),
    (("proceedings", "hearings"), "date", "hearing"),
    (("proceedings", "appeals"), "filed", "appeal"),
    (("proceedings", "appeals"), "decided", "appeal decision"),
    (("international_procedures",), "submitted", "submission"),
    (("international_procedures",), "concluded", "conclusion"),
    (("annexes",), "date", "annex"),
]


def _dated(ctx: CheckContext, parents: tuple):
    if len(parents) == 1:
        yield from entries(ctx.raw, parents[0])
        return
    for path, item in entries(ctx.raw, parents[0]):
        for sub_path, sub in entries(item, parents[1]):
            yield (*path, *sub_path), sub


@case_check
def no_future_dates(ctx: CheckContext) -> None:
    for parents, key, what in DATED:
        for path, item in _dated(ctx, parents):
            when = date_of(item, key)
            if when and when.start > ctx.today:
                ctx.error((*path, key), f"{what} date {format_date(when)} lies in the future "
                          f"(today is {ctx.today.isoformat()})", "future-date")
    for path, proceeding in entries(ctx.raw, "proceedings"):
        when = date_of(proceeding.get("judgment"), "date")
        if when and when.start > ctx.today:
            ctx.error((*path, "judgment", "date"), f"judgment date {format_date(when)} lies "
                      f"in the future (today is {ctx.today.isoformat()})", "future-date")


@case_check
def facts_after_victim_birth(ctx: CheckContext) -> None:
    victims = []
    for _, person in entries(ctx.raw, "people"):
        roles = person.get("roles")
        born = date_of(person, "birth_date")
        if born and isinstance(roles, list) and "alleged-victim" in roles:
            victims.append((person.get("name", person.get("id", "?")), born))
    for path, fact in entries(ctx.raw, "facts"):
        when = date_of(fact, "date")
        for name, born in victims:
            if when and when.end < born.start:
                ctx.error((*path, "date"), f"fact '{fact.get('id', '?')}' is dated "
                          f"{format_date(when)}, before the alleged victim {name} was born "
                          f"({format_date(born)}); check both dates", "fact-before-birth")


@case_check
def facts_before_judgment(ctx: CheckContext) -> None:
    facts = {f["id"]: (path, f) for path, f in entries(ctx.raw, "facts")
             if isinstance(f.get("id"), str)}
    for path, proceeding in entries(ctx.raw, "proceedings"):
        judgment = proceeding.get("judgment")
        decided = date_of(judgment, "date")
        if not decided:
            continue
        for _, charge in entries(proceeding, "charges"):
            for _, ref in text_items(charge, "facts"):
                if ref not in facts:
                    continue
                fact_path, fact = facts[ref]
                when = date_of(fact, "date")
                if when and when.start > decided.end:
                    ctx.error((*fact_path, "date"), f"fact '{ref}' ({format_date(when)}) is "
                              f"charged in proceeding '{proceeding.get('id', '?')}' but is "
                              f"dated after its judgment ({format_date(decided)})",
                              "fact-after-judgment")
        for hearing_path, hearing in entries(proceeding, "hearings"):
            when = date_of(hearing, "date")
            if when and when.start > decided.end:
                ctx.warning((*path, *hearing_path, "date"), f"hearing on {format_date(when)} "
                            f"is after the judgment of {format_date(decided)}; list appeal "
                            "hearings under 'appeals'", "hearing-after-judgment")
        for appeal_path, appeal in entries(proceeding, "appeals"):
            _check_appeal(ctx, (*path, *appeal_path), appeal, decided)


def _check_appeal(ctx: CheckContext, path: tuple, appeal: LocatedDict, judgment) -> None:
    filed, decided = date_of(appeal, "filed"), date_of(appeal, "decided")
    if filed and filed.end < judgment.start:
        ctx.error((*path, "filed"), f"appeal filed {format_date(filed)}, before the judgment "
                  f"it appeals ({format_date(judgment)})", "appeal-before-judgment")
    if decided and decided.end < judgment.start:
        ctx.error((*path, "decided"), f"appeal decided {format_date(decided)}, before the "
                  f"judgment it appeals ({format_date(judgment)})", "appeal-before-judgment")
    if filed and decided and decided.end < filed.start:
        ctx.error((*path, "decided"), f"appeal decided {format_date(decided)}, before it was "
                  f"filed ({format_date(filed)})", "appeal-decided-before-filed")
    status = appeal.get("status")
    if status == "decided" and "decided" not in appeal:
        ctx.warning((*path, "status"), "the appeal is marked decided but has no 'decided' "
                    "date; the admissibility checks need it", "appeal-undated")
    if status == "pending" and decided:
        ctx.error((*path, "status"), "the appeal is marked pending but has a 'decided' date",
                  "appeal-status")
