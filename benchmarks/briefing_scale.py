"""How the cost of a briefing paper grows with the number of cases it draws on.

Generates N synthetic but realistic case files with benchmarks/synthetic.py (Latin and
Cyrillic text, a confidential witness in every third case, sources drawn from a library
of about 60 entries with the repeated citations real cases have: a few reports cited by
most cases, a long tail of news items), a briefing whose six themes select cases by
provision, and times `build_briefings` over 10, 45 and 135 cases in a temporary
workspace. Prints each phase and the cost per case, so that linear growth shows as a flat
last column.

    .venv/bin/python benchmarks/briefing_scale.py [--sizes 10,45,135] [--to docx,pdf]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from synthetic import workspace  # noqa: E402

from toolkit.workspace.build import build  # noqa: E402
from toolkit.workspace.folders import Workspace  # noqa: E402

TODAY = date(2026, 11, 22)
PHASES = ("check", "kind", "citations", "redaction", "write-docx", "write-pdf")


def measure(cases: int, formats: list[str]) -> tuple[dict[str, float], float, int, int]:
    with tempfile.TemporaryDirectory() as folder:
        path = workspace(Path(folder), cases)
        started = time.perf_counter()
        (output,) = build(Workspace(Path(folder)), [path], "briefing", formats, today=TODAY)
        total = time.perf_counter() - started
        pages = 0
        pdf = next((p for p in output.paths if p.suffix == ".pdf"), None)
        if pdf:
            from pypdf import PdfReader

            pages = len(PdfReader(str(pdf)).pages)
        return output.timings, total, output.notes, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,45,135")
    parser.add_argument("--to", default="docx,pdf")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = [f.strip() for f in args.to.split(",")]
    measure(3, formats)  # warm up: imports, fonts, the CSL style
    shown = [p for p in PHASES if p in ("check", "kind", "citations", "redaction")
             or p.removeprefix("write-") in formats]
    print(f"{'cases':>5} {'notes':>6} {'pages':>5} "
          + " ".join(f"{p:>10}" for p in shown) + f" {'total':>8} {'per case':>9}")
    for size in sizes:
        timings, total, notes, pages = measure(size, formats)
        print(f"{size:>5} {notes:>6} {pages:>5} "
              + " ".join(f"{timings.get(p, 0.0):>9.2f}s" for p in shown)
              + f" {total:>7.2f}s {1000 * total / size:>7.0f}ms")


if __name__ == "__main__":
    main()
