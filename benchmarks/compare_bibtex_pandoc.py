"""Our BibTeX/BibLaTeX reader beside pandoc's, on real files: items read, and items whose
CSL fields differ from `pandoc -f bibtex|biblatex -t csljson`, field by field; and files
where the index of large files (toolkit/readers/bibtex_index.py) finds other keys or
other broken entries than the full read.

    .venv/bin/python benchmarks/compare_bibtex_pandoc.py FILE_OR_FOLDER... [--show N]

Files ending in .biblatex are read by pandoc as BibLaTeX, others as BibTeX. A file pandoc
cannot read (pandoc stops at the first syntax error) is given to it again without the
entries our reader reports as broken. Compared, after dropping nocase spans and collapsing
white space: type, title, author, editor, issued, container-title, number/issue, page,
URL, DOI. Also counted: names and titles that keep LaTeX, and articles whose `number`
did not become CSL's `issue`. Writes nothing into the repository.

Size: one measuring script; small."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toolkit.readers.bibtex import read_bibtex  # noqa: E402
from toolkit.readers.bibtex_index import index_bibtex  # noqa: E402
from toolkit.readers.latex_text import leftover_latex, plain  # noqa: E402

_MATH = re.compile(r"(?<!\\)\$[^$]+\$")

FIELDS = ("type", "title", "author", "editor", "issued", "container-title", "number",
          "issue", "collection-number", "page", "URL", "DOI")
SUFFIXES = (".bib", ".bibtex", ".biblatex")


def _pandoc() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def _text(value) -> str:
    text = re.sub(r"</?(?:span|i|b|sup|sub|sc)\b[^>]*>", "", str(value))  # we drop styling
    return re.sub(r"\s+", " ", text).strip()


def _pandoc_text(value) -> str:
    """pandoc's CSL JSON writes a math element back as TeX between dollars ("Cu$_2$O")
    and sub- and superscripts as <sub>/<sup>: read those as our reader reads math and
    \\textsubscript, so the text around them is compared."""
    text = str(value)
    if "$" in text:
        text = _MATH.sub(lambda m: plain(m.group(0)), text)
    if "<su" in text:
        text = re.sub(r"<(sub|sup)>([^<]*)</\1>", lambda m: plain(
            f"\\text{m.group(1)}script{{{m.group(2)}}}"), text)
    return _text(text)


# Differences whose cause is known, each recognised by a narrow test on the two texts
# (ours, pandoc's); docs/citations.md explains each. An item counts as explained when
# every field it differs in falls in one of these.
def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(char in letters for char in short)


def _dash_dropped(ours: str, pandoc: str) -> bool:
    """pandoc drops \\textendash, \\textemdash (and a brace group after them)."""
    dashes = sum(ours.count(d) for d in "–—") > sum(pandoc.count(d) for d in "–—")
    return dashes and _subsequence(pandoc.replace(" ", ""), ours.replace(" ", ""))


def _quotes(ours: str, pandoc: str) -> bool:
    """pandoc writes a quotation in single quotes (`x') with double quotes."""
    return ours.replace("‘", "“").replace("’", "”") == pandoc.replace("’", "”") or \
        re.sub("[‘’“”']", '"', ours) == re.sub("[‘’“”']", '"', pandoc)


def _lowered_after_script(ours: str, pandoc: str) -> bool:
    """pandoc lowers a capital after a subscript or math: "Cu₂O" → "Cu₂o"."""
    if len(ours) != len(pandoc) or ours.lower() != pandoc.lower():
        return False
    return all(ours[i - 1] in _SCRIPTS for i, (a, b) in enumerate(zip(ours, pandoc, strict=True))
               if a != b and i)


_SCRIPTS = set("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵉⁱⁿᵒʳˢᵗ")


def _accents(ours: str, pandoc: str) -> bool:
    """The same letters, accents composed differently ("ï" / "ı̈") or dropped by pandoc."""
    def bare(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i"))
        return "".join(c for c in decomposed if not unicodedata.combining(c)
                       and c not in "¯ˉ")
    return bare(ours) == bare(pandoc)


def _case_only(ours: str, pandoc: str) -> bool:
    """Only letter case differs: the two sentence-case heuristics disagree."""
    return ours.lower() == pandoc.lower()


CLASSES = [("pandoc drops \\textendash/\\textemdash", _dash_dropped),
           ("quotation marks", _quotes),
           ("pandoc lowers a capital after a subscript", _lowered_after_script),
           ("accents composed differently", _accents),
           ("letter case only (sentence-case heuristics)", _case_only)]


def explain(ours, pandoc) -> str | None:
    if not isinstance(ours, str) or not isinstance(pandoc, str):
        if isinstance(ours, list) and isinstance(pandoc, list) and len(ours) == len(pandoc):
            found = {explain(json.dumps(a, ensure_ascii=False), json.dumps(b,
                     ensure_ascii=False)) for a, b in zip(ours, pandoc, strict=True) if a != b}
            return found.pop() if len(found) == 1 and None not in found else None
        return None
    return next((name for name, test in CLASSES if test(ours, pandoc)), None)


def _names(names, text=_text) -> list:
    return [{k: text(v) for k, v in sorted(n.items())} for n in names or []]


def _date(date) -> object:
    if not isinstance(date, dict):
        return date
    return {"parts": date.get("date-parts"), "literal": date.get("literal")}


def normal(item: dict, name: str, pandoc: bool = False):
    value = item.get(name)
    text = _pandoc_text if pandoc else _text
    if value is None:
        return None
    if name in ("author", "editor"):
        return _names(value, text)
    if name == "issued":
        return _date(value)
    return text(value)


def pandoc_items(path: Path, broken_lines: list[int]) -> tuple[dict, str]:
    reader = "biblatex" if path.suffix == ".biblatex" else "bibtex"
    run = subprocess.run([_pandoc(), "-f", reader, "-t", "csljson", str(path)],
                         capture_output=True, text=True)
    note = ""
    if run.returncode != 0 and broken_lines:
        text = path.read_text(encoding="utf-8", errors="replace")
        blocks = re.split(r"\n(?=@)", text)
        kept, line = [], 1
        for block in blocks:
            if not any(line <= b < line + block.count("\n") + 1 for b in broken_lines):
                kept.append(block)
            line += block.count("\n") + 1
        with tempfile.NamedTemporaryFile("w", suffix=path.suffix, delete=False) as handle:
            handle.write("\n".join(kept))
        run = subprocess.run([_pandoc(), "-f", reader, "-t", "csljson", handle.name],
                             capture_output=True, text=True)
        note = f"pandoc read it without {len(blocks) - len(kept)} broken entries"
    if run.returncode != 0:
        return {}, "pandoc failed: " + run.stderr.strip().splitlines()[0][:100]
    return {item["id"]: item for item in json.loads(run.stdout or "[]")}, note


def compare(paths: list[Path], show: int, dump: Path | None = None) -> int:
    totals = Counter()
    differ = Counter()
    classes = Counter()
    examples: dict[str, list] = {}
    for path in paths:
        result = read_bibtex(path.read_text(encoding="utf-8", errors="replace"))
        broken = [p.line for p in result.problems if p.error]
        index = index_bibtex(path.read_text(encoding="utf-8", errors="replace"))
        if {s.key for s in index.spans} != {e.key for e in result.entries} or \
                {p.line for p in index.problems} != set(broken):
            totals["files the index reads otherwise (keys or broken entries)"] += 1
        theirs, note = pandoc_items(path, broken)
        totals["files"] += 1
        totals["entries read"] += len(result.entries)
        totals["entries broken"] += len(broken)
        if note.startswith("pandoc failed"):
            totals["files pandoc cannot read"] += 1
            continue
        for entry in result.entries:
            item = entry.item
            for variable in ("author", "editor"):
                if any(leftover_latex(v) for n in item.get(variable, []) for v in n.values()):
                    totals["items with a name keeping LaTeX"] += 1
            if any(leftover_latex(str(item.get(v, ""))) for v in
                   ("title", "container-title", "publisher")):
                totals["items with a title/container/publisher keeping LaTeX"] += 1
            other = theirs.get(entry.key)
            if other is None:
                totals["items pandoc does not have"] += 1
                continue
            totals["items compared"] += 1
            fields_differing, unexplained = [], False
            for name in FIELDS:
                ours, pandoc = normal(item, name), normal(other, name, pandoc=True)
                if name == "type" and ours == "document" and pandoc in ("", None):
                    continue  # @misc: pandoc writes no type, we write "document"
                if ours != pandoc:
                    why = explain(ours, pandoc)
                    if why:
                        classes[why] += 1
                    unexplained = unexplained or why is None
                    fields_differing.append(name)
                    differ[name] += 1
                    examples.setdefault(name, []).append((path.name, entry.key, ours, pandoc))
            if fields_differing:
                totals["items differing"] += 1
                totals["items differing, not explained"] += unexplained
    if dump:
        with dump.open("w", encoding="utf-8") as handle:
            for name, found in examples.items():
                for file, key, ours, pandoc in found:
                    handle.write(json.dumps({"field": name, "file": file, "key": key,
                                             "ours": ours, "pandoc": pandoc},
                                            ensure_ascii=False) + "\n")
    print(json.dumps(totals, indent=1))
    compared = totals["items compared"] or 1
    print(f"agree on every field: {100 * (1 - totals['items differing'] / compared):.2f}%")
    print("agree, or differ only in a known way: "
          f"{100 * (1 - totals['items differing, not explained'] / compared):.2f}%")
    for name, count in classes.most_common():
        print(f"  known: {name:45} {count:5} fields")
    for name, count in differ.most_common():
        print(f"  {name:18} {count:5}  ({100 * count / compared:.2f}%)")
        for example in examples[name][:show]:
            print("     ", example)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--show", type=int, default=3, help="examples per field")
    parser.add_argument("--dump", type=Path, help="write every difference here (JSON lines)")
    args = parser.parse_args()
    files = []
    for path in args.paths:
        files += sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES) \
            if path.is_dir() else [path]
    return compare(files, args.show, args.dump)


if __name__ == "__main__":
    sys.exit(main())
