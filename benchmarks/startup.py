"""Start-up cost of the commands a lawyer runs most: `covenant --help` and
`covenant check` on the example workspace. Prints medians and min-max over N runs, and
the modules that `check` imports that it should not (WeasyPrint, python-docx).

    .venv/bin/python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("weasyprint", "docx", "docxtpl", "citeproc")


def _time(argv: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, cwd=REPO, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return times


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
    print(f"{'command':<40} {'median':>8} {'min':>8} {'max':>8}   runs={args.runs}")
    for label, argv in rows:
        times = _time(argv, args.runs)
        print(f"{label:<40} {statistics.median(times) * 1000:7.0f}ms "
              f"{min(times) * 1000:7.0f}ms {max(times) * 1000:7.0f}ms")
    for label, cli_args in (("--help", ["--help"]), ("check", ["check"])):
        heavy = _imported_heavy(cli_args)
        print(f"heavy modules imported by 'covenant {label}': {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
