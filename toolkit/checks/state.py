"""The State a case is against, known to the States catalogue whatever is built: a title
"Kazakstan: the trial of …" or a memo saying the State is "not recorded" is as wrong as a
communication against it (toolkit/covenant/data/states.yaml holds every UN member State,
parties and not, so an unknown name is a misspelling).

Size: one rule, in a module of its own because every kind runs it and the communication's
admissibility rules (which need the State's dates) leave an unknown name to it."""

from __future__ import annotations

from toolkit.checks.context import CheckContext, case_check
from toolkit.readers.yamlsource import LocatedDict


@case_check
def state_is_known(ctx: CheckContext) -> None:
    case = ctx.raw.get("case")
    named = case.get("state") if isinstance(case, LocatedDict) else None
    if not isinstance(named, str) or not named.strip():
        return  # the schema reports a missing or non-text state
    from toolkit.covenant.states import state_status, suggestions

    if state_status(named) is not None:
        return
    close = suggestions(named)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    ctx.error(("case", "state"), f"'{named}' is not a State the catalogue knows: give its "
              f"name in English, Russian, French or Spanish, or its ISO code (`covenant "
              f"states` lists them){hint}", "unknown-state")
