"""Text for `covenant articles` and `covenant states`.

Size: the text the two commands print, apart from the treaty data."""

from __future__ import annotations

from toolkit.covenant.catalogue import ARTICLES, Provision, all_provisions, parse_provision
from toolkit.covenant.comments import GeneralComment
from toolkit.covenant.states import (
    DAY,
    DENOUNCED,
    PARTY,
    Participation,
    StateStatus,
    all_states,
)


def describe_all() -> str:
    lines = ["International Covenant on Civil and Political Rights (999 UNTS 171)", ""]
    for art in ARTICLES.values():
        gc = f"  [GC {art.general_comment}]" if art.general_comment else ""
        lines.append(f"{art.number:>3}  {art.title}{gc}")
    lines.append("\nNot tied to an article: General Comment No 33 (2008), the obligations of "
                 "States parties under the Optional Protocol (CCPR/C/GC/33)")
    lines.append("\nShow one provision: covenant articles 14(3)(b); the States parties and "
                 "their dates: covenant states")
    return "\n".join(lines)


def describe_provision(ref: str) -> str:
    provision = parse_provision(ref)
    art = provision.article_info
    lines = [f"Article {provision}: {provision.title}"]
    if str(provision) != str(art.number):
        lines.append(f"  in article {art.number}: {art.title}")
    parts = [p for p in all_provisions()
             if p.article == art.number and p != Provision(art.number) and _within(p, provision)]
    if parts:
        lines.append("")
        lines.extend(f"  {str(p):<12} {p.title}" for p in parts)
    comment = art.comment
    if comment:
        lines += ["", f"General Comment No {comment.number} ({comment.year}): {comment.title}",
                  f"  {comment.symbol}" + (f"  [cite as @{comment.citation_key}]"
                                           if comment.citation_key else "")]
        lines += _summaries(comment)
    return "\n".join(lines)


def _summaries(comment: GeneralComment) -> list[str]:
    """Each paragraph summary, then where it comes from: the copy of the text it was
    written from, and whether it has been re-read against it."""
    lines = []
    if comment.key_paragraphs:
        lines.append(f"  the text: {comment.read_at or 'no public copy recorded yet'}")
    for para, text in comment.key_paragraphs.items():
        lines.append(f"  para {para:<4} {text}")
        if not comment.checked(para):
            lines.append(f"  {'':9} (not yet re-read against the text: confirm it there)")
    return lines


def _within(part: Provision, whole: Provision) -> bool:
    return all(getattr(whole, f) in (None, getattr(part, f))
               for f in ("paragraph", "subparagraph", "item")) and part != whole


def _protocol_summary(state: StateStatus) -> str:
    current = state.current_protocol
    if current is None:
        return {"signed": "signed only"}.get(state.protocol_status, state.protocol_status)
    text = f"in force {current.in_force}" if current.in_force else "in force: not confirmed"
    if state.protocol_status == DENOUNCED:
        text += f", denounced with effect from {current.denounced.effective}"
    return text


def _precision(state: StateStatus) -> str:
    current = state.current_protocol
    if current is None or current.in_force is None:
        return "-"
    return "day" if current.in_force.precision == DAY else "year only"


def describe_states() -> str:
    """The list: every State in the catalogue, its Optional Protocol status and how
    precisely the entry into force is confirmed."""
    states = all_states()
    lines = [f"{'':2}{'ISO':<4}{'State':<44}{'Optional Protocol':<58}precision"]
    for state in states:
        lines.append(f"  {state.iso:<4}{state.name[:43]:<44}{_protocol_summary(state)[:57]:<58}"
                     f"{_precision(state)}")
    parties = [s for s in states if s.protocol_status == PARTY]
    day = [s for s in parties if _precision(s) == "day"]
    lines += ["", f"{len(states)} States; {len(parties)} parties to the Optional Protocol, "
              f"{len(day)} of them with the entry into force confirmed to the day",
              "One State's record and sources: covenant states NAME (any of its names, "
              "in English, Russian, French or Spanish, or its ISO code)"]
    return "\n".join(lines)


def _participation(label: str, found: Participation) -> list[str]:
    how = f" ({found.how})" if found.how else ""
    rule = "stated by the source" if found.stated else (
        "computed: three months after deposit, not before 23 March 1976" if found.in_force
        and found.in_force.earliest else "not confirmed")
    lines = [f"  {label}: deposit {found.deposit}{how}; in force "
             f"{found.in_force or 'not confirmed'} ({rule})"]
    if found.denounced:
        lines.append(f"    denounced: notified {found.denounced.notified}, effective "
                     f"{found.denounced.effective}")
        lines.append(f"      source: {found.denounced.source}")
    if found.note:
        lines.append(f"    note: {found.note}")
    lines.append(f"    source: {found.source}")
    return lines


def _status_lines(state: StateStatus, treaty: str, source: str) -> list[str]:
    note = state.status_notes.get(treaty)
    return ([f"    note: {note}"] if note else []) + ([f"    source: {source}"] if source else [])


def describe_state(state: StateStatus) -> str:
    names = ", ".join(f"{state.names[lang]} ({lang})" for lang in ("ru", "fr", "es"))
    lines = [f"{state.name} ({state.iso}, {state.iso3})", f"  names: {names}"]
    if state.genitive:
        lines.append("  genitive: " + ", ".join(f"{word} ({lang})"
                                                for lang, word in state.genitive.items()))
    if state.covenant:
        lines += _participation("Covenant", state.covenant)
    else:
        lines.append(f"  Covenant: {state.covenant_status}")
        lines += _status_lines(state, "covenant", state.covenant_status_source)
    if not state.protocol:
        lines.append(f"  Optional Protocol: {_protocol_summary(state)}")
        lines += _status_lines(state, "protocol", state.protocol_status_source)
    for number, period in enumerate(state.protocol, start=1):
        label = "Optional Protocol" if len(state.protocol) == 1 else \
            f"Optional Protocol ({number} of {len(state.protocol)})"
        lines += _participation(label, period)
    for declaration in state.declarations:
        lines += [f"  {declaration.kind} declaration or reservation: {declaration.summary}",
                  f"    source: {declaration.source}"]
    current = state.current_protocol
    if current and current.in_force and current.in_force.precision != DAY:
        what = "The day the succession took effect is not" \
            if current.how == "succession" else "Only the year is"
        lines.append(f"  {what} confirmed: confirm the day in the UN Treaty "
                     "Collection (chapter IV.5) before relying on it.")
    return "\n".join(lines)
