"""How our cost grows with the size of the input, dimension by dimension (issue 17).

For each dimension (characters in a fact, facts in a case, footnotes in a document,
entries in the library, cases in a briefing) and each of four sizes spanning 100×, a
workspace is generated in a temporary folder (benchmarks/scale_inputs.py) and timed as
subprocesses, the way a lawyer runs them: `covenant check`, `covenant build --to docx`
and `--to pdf`, and WeasyPrint alone laying out and writing our HTML of the same
document (the floor for our PDF). Peak memory is each subprocess's own ru_maxrss
(os.wait4).

Per dimension it prints CPU seconds (wall seconds), MB and CPU ms per unit at each
size, and two growth ratios of the CPU time per unit: from the smallest to the largest
size (the target: at most 1.5×), and between the two largest sizes (where the fixed
cost of starting Python no longer hides a super-linear term: at most 1.5× too). PDF
rows also give the ratio to WeasyPrint alone.

    .venv/bin/python benchmarks/scale.py [--quick] [--only facts,footnotes]
        [--skip pdf] [--write docs/performance.md]

Not part of `make test`; `make bench` runs it.

Size: the runner, the table and the verdicts; the inputs are in scale_inputs.py."""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from scale_inputs import GENERATORS  # noqa: E402

TODAY = "2026-11-22"
LIMIT = 1.5  # the most the time per unit may grow, in every dimension and command
MARKERS = ("<!-- scale:begin -->", "<!-- scale:end -->")


@dataclass(frozen=True)
class Dimension:
    title: str
    unit: str
    units: str
    full: tuple[int, ...]
    quick: tuple[int, ...]


# Four sizes spanning 100× each; --quick spans 100× too, lower down. A fact stops at
# the bound on a paragraph's characters (toolkit/model/bounds.py).
DIMENSIONS = {
    "fact_chars": Dimension("characters in a fact", "character", "characters",
                            (500, 2_300, 10_800, 50_000), (200, 900, 4_300, 20_000)),
    "facts": Dimension("facts in a case", "fact", "facts", (50, 230, 1_080, 5_000),
                       (10, 46, 215, 1_000)),
    "footnotes": Dimension("footnotes in a document", "footnote", "footnotes",
                           (100, 460, 2_150, 10_000), (30, 140, 650, 3_000)),
    "library": Dimension("entries in the library", "entry", "entries",
                         (100, 460, 2_150, 10_000), (30, 140, 650, 3_000)),
    "cases": Dimension("cases in a briefing", "case", "cases", (5, 23, 108, 500), (2, 9, 43, 200)),
}
COMMANDS = ("check", "docx", "pdf", "weasyprint")

# WeasyPrint alone, in a process of its own that never loads our code.
WEASYPRINT = ("import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1], "
              "base_url=sys.argv[2]).write_pdf(sys.argv[3])")


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds of CPU, user and system: what the verdicts read
    mb: float  # peak resident memory


def run(argv: list[str], cwd: Path) -> Run:
    """Time, CPU time and peak MB of one subprocess; raises if it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    stderr = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{' '.join(argv)}: exit {process.returncode}\n"
                           + stderr.decode(errors="replace")[-2000:])
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def measure(name: str, size: int, skip: set[str]) -> dict[str, Run]:
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix=f"scale-{name}-") as folder:
        root = Path(folder)
        kind, relative = GENERATORS[name](root, size)
        paths = [str(root / p) for p in relative]
        toolkit = [python, "-m", "toolkit"]
        common = ["-w", str(root), "--today", TODAY]
        build = [*toolkit, "build", *paths, *common, "--kind", kind, "--force"]
        out: dict[str, Run] = {}
        env_cwd = REPO  # `python -m toolkit` runs this checkout's code
        if "check" not in skip:
            # A briefing file is checked with the cases it draws on, without --kind.
            kinds = ["--kind", kind] if kind != "briefing" else []
            out["check"] = run([*toolkit, "check", *paths, *common, *kinds], env_cwd)
        if "docx" not in skip:
            out["docx"] = run([*build, "--to", "docx"], env_cwd)
        if "pdf" not in skip:
            out["pdf"] = run([*build, "--to", "pdf"], env_cwd)
        if "weasyprint" not in skip:
            run([*build, "--to", "html"], env_cwd)
            html = next((root / "drafts").rglob(f"{kind}.html"))
            frame = REPO / "templates" / kind
            out["weasyprint"] = run([python, "-c", WEASYPRINT, str(html), f"{frame}/",
                                     str(root / "floor.pdf")], root)
        return out


def ratios(sizes: tuple[int, ...], seconds: list[float]) -> tuple[float, float]:
    per = [s / n for s, n in zip(seconds, sizes, strict=True)]
    return per[-1] / per[0], per[-1] / per[-2]


def dimension_table(name: str, sizes: tuple[int, ...],
                    results: list[dict[str, Run]]) -> list[str]:
    dim = DIMENSIONS[name]
    commands = [c for c in COMMANDS if c in results[0]]
    lines = [f"#### {dim.title} (`{name}`)", "",
             f"| {dim.units} | " + " | ".join(
                 f"{c}: CPU s (wall), MB, CPU ms per {dim.unit}" for c in commands) + " |",
             "| ---: | " + " | ".join("---" for _ in commands) + " |"]
    for size, result in zip(sizes, results, strict=True):
        cells = [f"{result[c].cpu:.2f} ({result[c].wall:.2f}), {result[c].mb:.0f}, "
                 f"{1000 * result[c].cpu / size:.3g}" for c in commands]
        lines.append(f"| {size:,} | " + " | ".join(cells) + " |")
    lines += ["", f"| CPU time per {dim.unit} | growth, smallest → largest | "
                  "growth, two largest | peak MB, smallest → largest | verdict |",
              "| --- | --- | --- | --- | --- |"]
    for c in commands:
        whole, top = ratios(sizes, [r[c].cpu for r in results])
        memory = f"{results[0][c].mb:.0f} → {results[-1][c].mb:.0f}"
        verdict = "met" if whole <= LIMIT and top <= LIMIT else "NOT met"
        if c == "weasyprint":
            verdict = "(the floor)"
        lines.append(f"| {c} | {whole:.2f}× | {top:.2f}× | {memory} | {verdict} |")
    if "pdf" in commands and "weasyprint" in commands:
        shares = ", ".join(f"{r['pdf'].cpu / r['weasyprint'].cpu:.2f}" for r in results)
        lines.append("")
        lines.append(f"PDF / WeasyPrint alone (CPU time) at each size: {shares}.")
    return lines + [""]


def machine() -> str:
    cores = len(os.sched_getaffinity(0))
    from importlib.metadata import version

    return (f"Python {platform.python_version()}, WeasyPrint {version('weasyprint')}, "
            f"{cores} cores available, {platform.system()} {platform.release()}")


def write_into(path: Path, block: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    begin, end = MARKERS
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise SystemExit(f"{path}: no {begin} … {end} block to replace")
    replacement = begin + "\n" + "\n".join(block) + "\n" + end
    path.write_text(pattern.sub(lambda _: replacement, text), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (100× still)")
    parser.add_argument("--only", default=",".join(DIMENSIONS))
    parser.add_argument("--skip", default="", help="commands to skip: check,docx,pdf,weasyprint")
    parser.add_argument("--write", type=Path, help="replace the scale block of this file")
    args = parser.parse_args()
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    started = time.perf_counter()
    measure("facts", 5, skip)  # warm up: the system's file cache, fonts
    block = []
    for name in names:
        dim = DIMENSIONS[name]
        sizes = dim.quick if args.quick else dim.full
        results = []
        for size in sizes:
            results.append(measure(name, size, skip))
            shown = ", ".join(f"{c} {r.cpu:.2f} s CPU ({r.wall:.2f} s) {r.mb:.0f} MB"
                              for c, r in results[-1].items())
            print(f"{name} {size}: {shown}", flush=True)
        table = dimension_table(name, sizes, results)
        print("\n".join(table), flush=True)
        block += table
    minutes = (time.perf_counter() - started) / 60
    command = "benchmarks/scale.py" + (" --quick" if args.quick else "")
    head = [f"Produced by `.venv/bin/python {command}` in {minutes:.0f} min on "
            f"{date.today().isoformat()} ({machine()}). One run per size; each command "
            "is a subprocess, Python's start-up and imports included. The verdicts read "
            "CPU time (user and system, os.wait4), which the other processes of a shared "
            "machine disturb far less than the wall time shown in brackets.", ""]
    if args.write:
        write_into(args.write, head + block)


if __name__ == "__main__":
    main()
