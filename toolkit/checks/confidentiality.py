"""Whether a public version can withhold whom it must: rules on the people of a case file.

- A person's fields are written in their own entry. A YAML merge key (`<<: *anchor`)
  that brings any of them in is an error: it once copied `confidential: false` from a
  public person into a trial monitor's entry, and the monitor's name was printed.
- A part of a withheld name that is also an ordinary word ("May", "Grace") is withheld
  only in fuller forms (toolkit/redaction/forms.py); where the case file uses it alone,
  a warning says so, at that line, so that the lawyer can write the full name or add the
  form to the person's `aliases`.

Size: two rules on people, apart from the monitoring rules they complement."""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.checks.context import CheckContext, case_check, entries
from toolkit.readers.yamlsource import LocatedDict, LocatedList


@case_check
def people_written_out(ctx: CheckContext) -> None:
    for path, person in entries(ctx.raw, "people"):
        merged = getattr(person, "merged", {})
        if not merged:
            continue
        fields = ", ".join(f"'{f}'" for f in sorted(merged))
        come = "comes" if len(merged) == 1 else "come"
        who = person.get("id", f"number {path[-1] + 1}")
        mark = next(iter(merged.values()))
        ctx.error(path, f"person '{who}': {fields} {come} from a YAML merge key (<<); write "
                  "every field of a person in their own entry, so that whether their name "
                  "is withheld from public versions can be read there (a merged "
                  "'confidential: false' would print a trial monitor's name)",
                  "merged-person", mark=mark)


def _strings(node, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, LocatedDict):
        for key, value in node.items():
            yield from _strings(value, (*path, key))
    elif isinstance(node, LocatedList):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))
    elif isinstance(node, str):
        yield path, node


@case_check
def withheld_names_in_full(ctx: CheckContext) -> None:
    case = ctx.loaded.case
    if case is None:
        return
    from toolkit.redaction.redact import public_version

    version = public_version(case.people, case.case.language)
    if not version.matcher.ambiguous:
        return
    words = {w: name for name, listed in version.matcher.ambiguous.items() for w in listed}
    pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, words)) +
                         r")(?![^\W\d_])")
    warned: set[str] = set()
    for path, text in _strings(ctx.raw):
        if path and path[0] == "people":
            continue
        alone = [found for found in pattern.finditer(text) if found.group() not in warned]
        if not alone:
            continue  # most texts: no word of an ambiguous name, so no names to look for
        withheld = [(m.start, m.end) for m in version.matcher.find(text, markdown=True)]
        for found in alone:
            word = found.group()
            if word in warned or any(s <= found.start() < e for s, e in withheld):
                continue
            warned.add(word)
            ctx.warning(path, f"'{word}', part of the withheld name {words[word]}, stands "
                        "alone here; it is an ordinary word or part of a public person's "
                        "name, so public versions withhold it only in fuller forms and "
                        "will print it here; write the full name (or Mr/Ms and the family "
                        f"name), or add '{word}' to the person's aliases to withhold it "
                        "wherever it is capitalised", "withheld-name-ambiguous",
                        mark=ctx.mark_within(path, found.start(), found.end()))
