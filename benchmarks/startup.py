"""Start-up cost of the commands a lawyer runs most: `covenant --help` and
`covenant check` on the example workspace. Prints wall-clock medians and min-max over N
runs, the median CPU time of the same runs (steadier than the wall clock on a shared
machine), where `check`'s time goes (interpreter, imports, the checks themselves), and
the modules that `check` imports that it should not (WeasyPrint, python-docx).

    .venv/bin/python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("weasyprint", "docx", "docxtpl", "citeproc")


def _time(argv: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (user + system) seconds of each run."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, cwd=REPO, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return times, cpu


# In one process: the CLI's imports, the imports `check` adds, then the checks.
PHASES = """
import time
t0 = time.process_time()
import toolkit.cli
t1 = time.process_time()
from toolkit import api
import toolkit.redaction.redact, toolkit.kinds.briefing.check, toolkit.readers.bibtex
t2 = time.process_time()
api.check(api.workspace_of(None), [])
t3 = time.process_time()
print(round((t1 - t0) * 1000), round((t2 - t1) * 1000), round((t3 - t2) * 1000))
"""


def _phases(runs: int) -> list[float]:
    rows = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PHASES], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.split()
        rows.append([float(x) for x in out])
    return [statistics.median(column) for column in zip(*rows, strict=True)]


def _imported_heavy(args: list[str]) -> list[str]:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "toolkit", *args],
                            cwd=REPO, capture_output=True, text=True)
    names = {line.split("|")[-1].strip().split(".")[0]
             for line in result.stderr.splitlines() if line.startswith("import time:")}
    return sorted(names & set(HEAVY))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    covenant = str(Path(sys.executable).with_name("covenant"))
    rows = [
        ("python -c pass (interpreter floor)", [sys.executable, "-c", "pass"]),
        ("covenant --help", [covenant, "--help"]),
        ("covenant check (example workspace)", [covenant, "check"]),
    ]
    print(f"{'command':<40} {'median':>8} {'min':>8} {'max':>8} {'CPU':>8}   "
          f"runs={args.runs}")
    for label, argv in rows:
        times, cpu = _time(argv, args.runs)
        print(f"{label:<40} {statistics.median(times) * 1000:7.0f}ms "
              f"{min(times) * 1000:7.0f}ms {max(times) * 1000:7.0f}ms "
              f"{statistics.median(cpu) * 1000:7.0f}ms")
    cli, imports, work = _phases(args.runs)
    print(f"covenant check, CPU medians in one process: CLI imports {cli:.0f}ms, "
          f"check's imports {imports:.0f}ms, the checks {work:.0f}ms")
    for label, cli_args in (("--help", ["--help"]), ("check", ["check"])):
        heavy = _imported_heavy(cli_args)
        print(f"heavy modules imported by 'covenant {label}': {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
