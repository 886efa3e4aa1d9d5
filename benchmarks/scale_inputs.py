"""The inputs of benchmarks/scale.py: one generator per dimension, each writing a
workspace (benchmarks/synthetic.py's templates, citations and synthetic library) whose
size along that dimension is n and whose other sizes stay those of a typical case.

- `fact_chars`: one case whose first fact is n characters of Latin and Cyrillic prose
  (sentences of the synthetic events and details), cited once.
- `facts`: one case with n facts (the synthetic events in turn, 1–2 sources each).
- `footnotes`: one case of 25 facts carrying n footnotes between them, citations with
  pinpoints and remarks of our own in turn (10,000 notes: 400 a fact, about 25,000
  characters, within the bound on a paragraph).
- `library`: a typical case beside a citation library of n entries
  (benchmarks/library_scale.py's `make_library` when it exists, else CSL-JSON made here).
- `cases`: n typical cases and one briefing over all of them.

Each returns (kind, paths to build, relative to the workspace root).

Size: one generator per dimension."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from synthetic import DETAILS, EVENTS, case, dump, empty_workspace, workspace

SEED = 5
FACTS_WITH_NOTES = 25


def _write_case(root: Path, data: dict, name: str) -> str:
    data["case"]["id"] = name
    (root / "claims" / f"{name}.yaml").write_text(dump(data), encoding="utf-8")
    return f"claims/{name}.yaml"


def _prose(chars: int, rng: random.Random) -> str:
    """Exactly `chars` characters of sentences, Latin and Cyrillic, no Markdown markup."""
    sentences = [e.format(city="Almaty", pronoun="she").capitalize() + "." for e, _ in EVENTS]
    sentences += DETAILS
    out, size = [], 0
    while size < chars:
        sentence = rng.choice(sentences)
        out.append(sentence)
        size += len(sentence) + 1
    text = " ".join(out)[:chars - 1]
    return (text[:-1] + "a" if text.endswith(" ") else text) + "."


def fact_chars(root: Path, n: int) -> tuple[str, list[str]]:
    _, keys = empty_workspace(root)
    rng = random.Random(SEED)
    data = case(1, rng, keys, facts=6)
    data["facts"][0]["text"] = _prose(n, rng)
    return "communication", [_write_case(root, data, f"chars-{n}")]


def facts(root: Path, n: int) -> tuple[str, list[str]]:
    _, keys = empty_workspace(root)
    data = case(2, random.Random(SEED), keys, facts=n)
    # Eight years of facts whatever their number (several a day in a long case), then
    # the judgment and the appeal.
    for index, fact in enumerate(data["facts"]):
        fact["date"] = (date(2015, 1, 1) + timedelta(days=index * 2900 // n)).isoformat()
    proceeding = data["proceedings"][0]
    proceeding["judgment"]["date"] = "2023-03-01"
    proceeding["appeals"][0].update(filed="2023-03-20", decided="2023-05-02")
    return "communication", [_write_case(root, data, f"facts-{n}")]


def footnotes(root: Path, n: int) -> tuple[str, list[str]]:
    """25 facts; fact i carries the notes i, i + 25, ... (the fact's sources add one or
    two more each, so the document has n + 25 to n + 50 notes)."""
    _, keys = empty_workspace(root)
    rng = random.Random(SEED)
    data = case(3, rng, keys, facts=FACTS_WITH_NOTES)
    cited = [k for k in keys if k.startswith(("report-", "views-"))]
    for index, fact in enumerate(data["facts"]):
        parts = [fact["text"].split("^[")[0]]
        for note in range(index, n, FACTS_WITH_NOTES):
            sentence = rng.choice(DETAILS).rstrip(".")
            if note % 3 == 2:
                remark = rng.choice(["Counsel holds a copy.", "Перевод автора."])
                parts.append(f"{sentence}.^[{remark}]")
            else:
                parts.append(f"{sentence} [@{cited[note % len(cited)]}, para {note % 90 + 1}].")
        fact["text"] = " ".join(parts)
    return "communication", [_write_case(root, data, f"notes-{n}")]


def _csl_library(path: Path, n: int) -> None:
    items = [{"id": f"scale-{i}", "type": "report",
              "author": [{"family": f"Author{i}", "given": "A."}],
              "title": f"Report {i} on the prosecution of peaceful dissent",
              "publisher": "Monitor", "issued": {"date-parts": [[2000 + i % 25, 1 + i % 12]]},
              "URL": f"https://example.org/report/{i}"} for i in range(n)]
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")


def library(root: Path, n: int) -> tuple[str, list[str]]:
    _, keys = empty_workspace(root)
    target = root / "citations" / "scale.json"
    try:
        from library_scale import make_library  # the other half of issue 17
    except ImportError:
        _csl_library(target, n)
    else:
        make_library(target, n, "json")
    # The key each entry is cited by (Better CSL JSON's citation-key, else its id).
    cited = [item.get("citation-key") or item["id"]
             for item in json.loads(target.read_text(encoding="utf-8"))]
    data = case(4, random.Random(SEED), keys, facts=8)
    # The case cites a few of the library's own entries, so they are formatted.
    for index, fact in enumerate(data["facts"]):
        fact["sources"].append(f"@{cited[(index * 7919) % n]}")
    return "communication", [_write_case(root, data, f"library-{n}")]


def cases(root: Path, n: int) -> tuple[str, list[str]]:
    path = workspace(root, n, seed=SEED)
    return "briefing", [str(path.relative_to(root))]


GENERATORS = {"fact_chars": fact_chars, "facts": facts, "footnotes": footnotes,
              "library": library, "cases": cases}
