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
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bibtex_differences import SOURCE_CLASSES, explain, read_math  # noqa: E402

from toolkit.readers.bibtex import read_bibtex  # noqa: E402
from toolkit.readers.bibtex_index import index_bibtex  # noqa: E402
from toolkit.readers.latex_text import leftover_latex, plain, segments  # noqa: E402

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
    text = read_math(str(value))
    if "<su" in text:
        text = re.sub(r"<(sub|sup)>([^<]*)</\1>", lambda m: plain(
            f"\\text{_SCRIPT[m.group(1)]}script{{{m.group(2)}}}"), text)
    return _text(text)


_SCRIPT = {"sub": "sub", "sup": "super"}


def _names(names, text=_text) -> list:
    return [{k: text(v) for k, v in sorted(n.items())} for n in names or []]


def _date(date) -> object:
    if not isinstance(date, dict):
        return date
    return {"parts": date.get("date-parts"), "literal": date.get("literal"),
            "season": date.get("season")}


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


def _run_pandoc(text: str, suffix: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False,
                                     encoding="utf-8") as handle:
        handle.write(text)
    reader = "biblatex" if suffix == ".biblatex" else "bibtex"
    run = subprocess.run([_pandoc(), "-f", reader, "-t", "csljson", handle.name],
                         capture_output=True, text=True)
    Path(handle.name).unlink()
    if run.returncode != 0:
        return {}
    return {item["id"]: item for item in json.loads(run.stdout or "[]")}


_DROPPED: dict[str, str | None] = {}  # command -> its character, if pandoc prints nothing


def _dropped_symbols(names: set[str]) -> dict[str, str]:
    """Of these commands, those pandoc prints nothing for (asked once each), with the
    character our reader reads for them."""
    new = sorted(n for n in names if n not in _DROPPED)
    if new:
        probe = "\n".join(f"@misc{{p{i}, title = {{x\\{name}{{}}y}}}}"
                          for i, name in enumerate(new))
        read = _run_pandoc(probe, ".bib")
        for i, name in enumerate(new):
            ours = "".join(s.text for s in segments(f"\\{name}{{}}"))  # a space stays
            dropped = read.get(f"p{i}", {}).get("title") == "Xy"
            _DROPPED[name] = ours if dropped and ours and "\\" not in ours else None
    return {n: _DROPPED[n] for n in names if _DROPPED.get(n)}


def _entry_text(text: str, starts: list[int], line: int) -> str:
    """The entry whose key is on `line`: from its "@" to the next entry."""
    end_of_line = text.find("\n", starts[min(line, len(starts)) - 1])
    at = text.rfind("@", 0, end_of_line if end_of_line >= 0 else len(text))
    end = text.find("\n@", at + 1)
    return text[at:end if end > 0 else len(text)]


def _agrees(ours, pandoc, source: str) -> list[str] | None:
    return [] if ours == pandoc else explain(ours, pandoc, source)


def source_classes(path: Path, text: str, pending: list, keys: Counter,
                   classes: Counter, why_of: dict) -> int:
    """Give pandoc the pending entries rewritten by each source class; returns how
    many entries stay unexplained. `pending`: (entry, fields not explained)."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    strings = "\n".join(re.findall(r"(?is)^@string\s*[{(].*?(?=^@|\Z)", text, re.M))
    sources = {id(e): _entry_text(text, starts, e.line) for e, _ in pending}
    names = {m.group(1) for s in sources.values()
             for m in re.finditer(r"\\([A-Za-z]+|[;:,])", s)}
    context = {"dropped": _dropped_symbols(names)}

    def attempt(rewrites) -> None:
        batch, used = {}, {}
        for entry, _ in pending:
            here = {**context, "duplicate": keys[entry.key] > 1}
            source, names = sources[id(entry)], []
            for name, rewrite in rewrites:
                changed = rewrite(source, here)
                if changed is not None:
                    source = changed
                    names.append(name)
            if names:
                batch[id(entry)] = source
                used[id(entry)] = " + ".join(names)
        if not batch:
            return
        read = _run_pandoc(strings + "\n" + "\n".join(batch.values()), path.suffix)
        if not read:  # pandoc stops at the first entry it cannot read: one by one
            for source in batch.values():
                read.update(_run_pandoc(strings + "\n" + source, path.suffix))
        for entry, fields in list(pending):
            other = read.get(entry.key) if id(entry) in batch else None
            if other is None:
                continue
            found = [_agrees(normal(entry.item, f), normal(other, f, pandoc=True),
                             sources[id(entry)]) for f in fields]
            if all(why is not None for why in found):
                pending.remove((entry, fields))
                label = used[id(entry)]
                classes[label] += len(fields)
                for field, why in zip(fields, found, strict=True):
                    why_of[path.name, entry.key, field] = [label, *why]
                    for name in why:
                        classes[name] += 1

    for source_class in SOURCE_CLASSES:
        attempt([source_class])
    if pending:  # two causes in one entry
        attempt(SOURCE_CLASSES)
    return len(pending)


def compare(paths: list[Path], show: int, dump: Path | None = None) -> int:
    totals = Counter()
    differ = Counter()
    classes = Counter()
    examples: dict[str, list] = {}
    why_of: dict[tuple, list] = {}  # (file, key, field) -> the classes explaining it
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        result = read_bibtex(text)
        broken = [p.line for p in result.problems if p.error]
        index = index_bibtex(text)
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
        pending = []
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
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
            fields_differing, unexplained = [], []
            for name in FIELDS:
                ours, pandoc = normal(item, name), normal(other, name, pandoc=True)
                if name == "type" and ours == "document" and pandoc in ("", None):
                    continue  # @misc: pandoc writes no type, we write "document"
                if ours != pandoc:
                    why = explain(ours, pandoc, _entry_text(text, starts, entry.line))
                    why_of[path.name, entry.key, name] = why
                    for found in why or []:
                        classes[found] += 1
                    if why is None:
                        unexplained.append(name)
                    fields_differing.append(name)
                    differ[name] += 1
                    examples.setdefault(name, []).append((path.name, entry.key, ours, pandoc))
            if fields_differing:
                totals["items differing"] += 1
            if unexplained:
                pending.append((entry, unexplained))
        if pending:
            keys = Counter(m.group(1) for m in re.finditer(
                r"@\w+\s*[{(]\s*([^,\s]+)\s*,", text))
            totals["items differing, not explained"] += source_classes(
                path, text, pending, keys, classes, why_of)
            for entry, fields in pending:
                examples.setdefault("not explained", []).append(
                    (path.name, entry.key, fields, None))
    if dump:
        with dump.open("w", encoding="utf-8") as handle:
            for name, found in examples.items():
                for file, key, ours, pandoc in found:
                    handle.write(json.dumps({"field": name, "file": file, "key": key,
                                             "ours": ours, "pandoc": pandoc,
                                             "classes": why_of.get((file, key, name))},
                                            ensure_ascii=False) + "\n")
    print(json.dumps({k: v for k, v in totals.items() if v}, indent=1))
    compared = totals["items compared"] or 1
    print(f"agree on every field: {100 * (1 - totals['items differing'] / compared):.2f}%")
    print("agree, or differ only in a known way: "
          f"{100 * (1 - totals['items differing, not explained'] / compared):.2f}%")
    for name, count in classes.most_common():
        print(f"  known: {name:50} {count:5} fields")
    for name, count in differ.most_common():
        print(f"  {name:18} {count:5}  ({100 * count / compared:.2f}%)")
        for example in examples[name][:show]:
            print("     ", example)
    for example in examples.get("not explained", [])[:show]:
        print("  not explained:", example)
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
