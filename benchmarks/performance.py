"""Measured speed: our pipeline beside pandoc and WeasyPrint, and batch builds.

    make bench
    .venv/bin/python benchmarks/performance.py [--runs 5] [--sizes 40,200,1000]
        [--batch 135] [--batch-runs 5] [--skip-batch] [--write docs/performance.md]

Everything is measured in one run, side by side, on synthetic content
(benchmarks/synthetic.py), and each ratio is computed pair by pair (run i of ours against
run i of the peer, then the median of those ratios):

1. Start-up: `covenant --help` and `covenant check` on the repository's workspace
   (subprocesses, like a lawyer's shell), with the heavy modules they import
   (`python -X importtime`), beside `python -c pass` and `pandoc --version`.
2. Documents of 40, 200 and 1,000 footnotes (one communication each):
   - ours, in-process, in a long-lived worker process per size and format (imports
     done, as in a batch build): `toolkit.batch.run_batch` exactly as `covenant build
     --force` runs it: check and load, kind, passes, citations, the writer, the file
     written. "Cold": the citation and template caches (drafts/.cache) emptied before
     the run; "warm": kept from the previous run.
   - ours from the command line (`covenant build`, a subprocess: Python start-up and
     imports included), cold and warm;
   - pandoc (pypandoc-binary), a subprocess: `--citeproc` with the same CSL file and
     library (CSL-JSON), to DOCX; and to HTML, then WeasyPrint, for PDF (the peer);
     both start from the same Markdown our kind renders (see `pandoc_markdown`);
   - WeasyPrint alone (its own worker, never patched by us) laying out and writing our
     own HTML for that document: the floor for our PDF.
3. Batch: N synthetic cases, communications as DOCX and PDF and one briefing over all
   of them, `covenant build --jobs 1` against `--jobs 2` (and the start methods), from
   an empty drafts/ each time; then the incremental rebuilds.

Each measurement is preceded by one untimed run (warm-up). Peak memory is each worker
process's ru_maxrss. The tables are printed, and with --write replace the part of that
file between the markers <!-- benchmark:begin --> and <!-- benchmark:end -->.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from perf_report import report, write_into  # noqa: E402
from perf_workers import KIND, TODAY, Worker  # noqa: E402

HEAVY = ("weasyprint", "docx", "docxtpl", "citeproc")


def covenant_bin() -> str:
    return str(Path(sys.executable).with_name("covenant"))


def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def timed(argv: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:4])}... failed ({done.returncode}):\n"
                           f"{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return elapsed, done


def docx_notes(path: Path) -> int:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/footnotes.xml").decode("utf-8")
    ids = [int(i) for i in re.findall(r'<w:footnote\b[^>]*w:id="(-?\d+)"', xml)]
    return sum(1 for i in ids if i > 0)


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def machine() -> dict[str, str]:
    from importlib.metadata import version

    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text()
                      .splitlines() if line.startswith("MemTotal"))
        memory = f"{int(memory) / 2**20:.0f} GB"
    except (OSError, StopIteration):
        memory = "?"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    pandoc = subprocess.run([pandoc_path(), "--version"], capture_output=True, text=True)
    return {
        "CPU": f"{cpu}, {cores} cores available", "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "pandoc": pandoc.stdout.split("\n")[0].split()[-1],
        "WeasyPrint": version("weasyprint"), "citeproc-py": version("citeproc-py"),
        "python-docx": version("python-docx"), "docxtpl": version("docxtpl"),
    }


# ------------------------------------------------------------------ pandoc's copy


def pandoc_markdown(root: Path, case: Path) -> str:
    """The Markdown our kind renders for `case` (the sections, before our parser), in
    pandoc's syntax: block attribute lines dropped (pandoc has no paragraph attributes),
    cross-references replaced by the labels our numbering gives them ("para 4.12"), and
    citations written as pandoc reads them (compare_pandoc.pandoc_markdown: locator terms,
    side-by-side citations as one group)."""
    from datetime import date

    from compare_pandoc import pandoc_markdown as pandoc_citations

    import toolkit.kinds.sections as sections
    from toolkit.model.document import Paragraph, walk_blocks
    from toolkit.model.errors import Report
    from toolkit.readers.claims import load_case
    from toolkit.readers.library import Library
    from toolkit.workspace.build import build_document
    from toolkit.workspace.folders import Workspace

    captured: list[str] = []
    original = sections.parse_markdown

    def capture(text: str, source: str):
        captured.append(text)
        return original(text, source)

    sections.parse_markdown = capture
    try:
        report = Report()
        workspace = Workspace(root)
        library = Library.from_folder(workspace.citations, report)
        loaded = load_case(case, report, case.name)
        document, _ = build_document(loaded.case, KIND, workspace, library, "covenant-oscola",
                                     report, date.fromisoformat(TODAY))
    finally:
        sections.parse_markdown = original
    labels = {b.anchor: ("para " if isinstance(b, Paragraph) else "section ") + b.number
              for b in walk_blocks(document.blocks)
              if getattr(b, "anchor", None) and getattr(b, "number", None)}

    def label(match: re.Match) -> str:
        kind, target = match.group(1), match.group(2)
        anchor = target if kind in ("para", "section") else f"{kind}:{target}"
        return labels.get(anchor, f"annex {target}" if kind == "annex" else target)

    markdown = "\n\n".join(captured)
    markdown = re.sub(r"\[@(fact|para|annex|claim|section):([^\]\s]+)\]", label, markdown)
    markdown = re.sub(r"(?m)^\{[^}\n]*\}[ \t]*\n", "", markdown)
    return pandoc_citations(markdown)


def library_json(root: Path, path: Path) -> None:
    from toolkit.model.errors import Report
    from toolkit.readers.library import Library

    library = Library.from_folder(root / "citations", Report())
    items = [dict(e.item, id=e.key) for e in library.entries.values()]
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")


# ------------------------------------------------------------------ sections


def startup(runs: int) -> dict:
    """covenant --help and check, subprocesses; what they import."""
    covenant = covenant_bin()
    rows = {
        "python -c pass (interpreter)": [sys.executable, "-c", "pass"],
        "pandoc --version": [pandoc_path(), "--version"],
        "covenant --help": [covenant, "--help"],
        "covenant check (example workspace)": [covenant, "check", "--today", TODAY],
    }
    times: dict[str, list[float]] = {name: [] for name in rows}
    for argv in rows.values():
        subprocess.run(argv, cwd=REPO, capture_output=True)  # warm-up (disk cache)
    for _ in range(runs):
        for name, argv in rows.items():
            started = time.perf_counter()
            subprocess.run(argv, cwd=REPO, capture_output=True)
            times[name].append(time.perf_counter() - started)
    imports = {}
    for name, args in (("covenant --help", ["--help"]),
                       ("covenant check (example workspace)", ["check", "--today", TODAY])):
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "toolkit", *args],
                              cwd=REPO, capture_output=True, text=True)
        modules = []
        for line in done.stderr.splitlines():
            if line.startswith("import time:") and "|" in line:
                parts = line.split("|")
                if parts[0].split(":")[1].strip().isdigit():
                    modules.append((int(parts[1]), parts[2].strip()))
        top = sorted((m for m in modules if not m[1].startswith(" ")), reverse=True)
        heavy = sorted({m.strip().split(".")[0] for _, m in modules} & set(HEAVY))
        imports[name] = {"heavy": heavy, "top": [(round(us / 1000), m.strip())
                                                 for us, m in top[:4]]}
    return {"times": times, "imports": imports}


def documents(sizes: list[int], runs: int, work: Path) -> dict:
    from synthetic import case_with_footnotes, empty_workspace

    root, _ = empty_workspace(work / "docs")
    library = work / "library.json"
    library_json(root, library)
    style = root / "templates" / "styles" / "covenant-oscola.csl"
    frame = root / "templates" / KIND
    pandoc = pandoc_path()
    results = {}
    for size in sizes:
        case = case_with_footnotes(root, size)
        markdown = work / f"long-{size}.md"
        markdown.write_text(pandoc_markdown(root, case), encoding="utf-8")
        # our own HTML for this document: what the PDF is made from
        out = work / f"out-{size}"
        html = subprocess.run([covenant_bin(), "build", str(case), "--kind", KIND, "--to",
                               "html", "--force", "--today", TODAY, "-o", str(out)],
                              cwd=root, capture_output=True, text=True)
        if html.returncode:
            raise RuntimeError(html.stderr)
        our_html = next(out.rglob(f"{KIND}.html"))
        style_css = re.search(r"<style>(.*?)</style>", our_html.read_text(), re.S).group(1)
        (work / "peer.css").write_text(style_css, encoding="utf-8")
        docx_worker = Worker("ours", str(root), str(case), str(work / f"ours-docx-{size}"))
        pdf_worker = Worker("ours", str(root), str(case), str(work / f"ours-pdf-{size}"))
        weasy = Worker("weasyprint")
        cite = ["--citeproc", f"--csl={style}", f"--bibliography={library}",
                "-M", "suppress-bibliography=true", "-M", "lang=en-GB", "--quiet"]
        pandoc_plain = [pandoc, str(markdown), "-f", "markdown", "-t", "docx", *cite,
                        "-o", str(work / "p.docx")]
        pandoc_docx = pandoc_plain + [f"--reference-doc={frame / 'frame.docx'}"]
        pandoc_html = [pandoc, str(markdown), "-f", "markdown", "-t", "html5", "-s", *cite,
                       "-c", "peer.css", "--metadata", "title=Communication",
                       "-o", str(work / "p.html")]
        cli = [covenant_bin(), "build", str(case), "--kind", KIND, "--to", "docx", "--force",
               "--today", TODAY, "-o", str(work / f"cli-{size}")]
        series: dict[str, list] = {}
        for run in range(runs + 1):  # run 0: warm-up, not counted
            keep = run > 0
            shutil.rmtree(work / f"cli-{size}" / ".cache", ignore_errors=True)
            measured = {
                "ours docx cold": docx_worker.call("docx-cold"),
                "ours docx warm": docx_worker.call("docx-warm"),
                "pandoc docx": {"seconds": timed(pandoc_docx)[0]},
                "pandoc docx default": {"seconds": timed(pandoc_plain)[0]},
                "cli docx cold": {"seconds": timed(cli, cwd=root)[0]},
                "cli docx warm": {"seconds": timed(cli, cwd=root)[0]},
                "ours pdf": pdf_worker.call("pdf-cold"),
                "ours pdf warm": pdf_worker.call("pdf-warm"),
                "weasyprint alone": weasy.call("render", html=str(our_html),
                                               base=str(frame) + "/",
                                               pdf=str(work / "floor.pdf")),
                "pandoc html": {"seconds": timed(pandoc_html, cwd=work)[0]},
            }
            measured["peer weasyprint"] = weasy.call("render", html=str(work / "p.html"),
                                                     base=str(work) + "/",
                                                     pdf=str(work / "peer.pdf"))
            if keep:
                for name, answer in measured.items():
                    series.setdefault(name, []).append(answer)
        peaks = {"docx": docx_worker.close(), "pdf": pdf_worker.close(),
                 "weasyprint": weasy.close()}
        ours_docx = Path(series["ours docx cold"][-1]["path"])
        ours_pdf = Path(series["ours pdf"][-1]["path"])
        results[size] = {
            "series": series, "peaks": peaks,
            "notes": {"ours docx": docx_notes(ours_docx), "pandoc docx": docx_notes(
                work / "p.docx")},
            "pages": {"ours": pdf_pages(ours_pdf), "weasyprint alone": pdf_pages(
                work / "floor.pdf"), "peer": pdf_pages(work / "peer.pdf")},
        }
        print(f"  {size} footnotes measured", file=sys.stderr, flush=True)
    return results


def batch(cases: int, runs: int, method_runs: int, work: Path) -> dict:
    from synthetic import workspace

    root = work / "batch"
    briefing = workspace(root, cases)
    case_files = sorted(str(p) for p in (root / "claims").glob("case-*.yaml"))

    def command(jobs: int, method: str | None = None, force: bool = True) -> list[str]:
        argv = [covenant_bin(), "build", *case_files, str(briefing), "--kind", KIND,
                "--kind", "briefing", "--to", "docx,pdf", "--jobs", str(jobs),
                "--today", TODAY]
        return argv + (["--force"] if force else []) + (
            ["--start-method", method] if method else [])

    def run(argv: list[str], clean: bool = True) -> dict:
        if clean:
            shutil.rmtree(root / "drafts", ignore_errors=True)
            (root / "drafts").mkdir()
        seconds, done = timed(argv, cwd=root)
        summary = done.stderr.strip().splitlines()[-1]
        built = re.search(r"(\d+) built, (\d+) up to date", summary)
        peak = re.search(r"peak memory (\d+) MB", summary)
        return {"seconds": seconds, "built": int(built[1]), "up to date": int(built[2]),
                "peak MB": int(peak[1]) if peak else 0, "summary": summary}

    series: dict[str, list[dict]] = {}
    for index in range(runs):
        order = [1, 2] if index % 2 == 0 else [2, 1]
        for jobs in order:
            series.setdefault(f"jobs {jobs}", []).append(run(command(jobs)))
        if index < method_runs:
            for method in ("fork", "spawn"):
                series.setdefault(f"jobs 2 {method}", []).append(run(command(2, method)))
        print(f"  batch round {index + 1}/{runs}", file=sys.stderr, flush=True)
    # incremental: from a complete build, nothing changed, then one case edited
    run(command(2))
    nothing = [run(command(2, force=False), clean=False) for _ in range(3)]
    edited = Path(case_files[min(7, len(case_files) - 1)])
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text + "# edited for the benchmark\n", encoding="utf-8")
    one = run(command(2, force=False), clean=False)
    edited.write_text(text, encoding="utf-8")
    pdf = root / "drafts" / "scale" / "briefing.pdf"
    return {"series": series, "nothing": nothing, "one": one, "edited": edited.name,
            "briefing pages": pdf_pages(pdf) if pdf.is_file() else 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="40,200,1000")
    parser.add_argument("--batch", type=int, default=135, help="cases in the batch")
    parser.add_argument("--batch-runs", type=int, default=5)
    parser.add_argument("--method-runs", type=int, default=2,
                        help="runs of --jobs 2 with the fork and spawn start methods")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--write", type=Path, help="put the tables into this file")
    args = parser.parse_args()
    args.command = "make bench" if os.environ.get("MAKELEVEL") else \
        "python benchmarks/performance.py " + " ".join(sys.argv[1:])
    started = time.perf_counter()
    info = machine()
    print("start-up ...", file=sys.stderr, flush=True)
    start = startup(max(args.runs, 5) * 3)
    with tempfile.TemporaryDirectory(prefix="covenant-bench-") as folder:
        work = Path(folder)
        print("documents ...", file=sys.stderr, flush=True)
        docs = documents([int(s) for s in args.sizes.split(",")], args.runs, work)
        batched = None
        if not args.skip_batch:
            print("batch ...", file=sys.stderr, flush=True)
            batched = batch(args.batch, args.batch_runs, args.method_runs, work)
    text = report(args, info, start, docs, batched, time.perf_counter() - started)
    print(text)
    if args.write:
        write_into(args.write, text)
        print(f"wrote the tables into {args.write}", file=sys.stderr)


if __name__ == "__main__":
    main()
