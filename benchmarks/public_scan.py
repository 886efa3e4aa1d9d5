"""The output scan's share of a public build: the 1,000-footnote communication of the
performance benchmark (benchmarks/synthetic.py), built with --public to DOCX and PDF; the
build's own timings say how long the redaction of the inputs and the scan of the
outputs took. The issue's bound: the scan at most 10% of the build.

    .venv/bin/python benchmarks/public_scan.py [--footnotes 1000] [--to docx,pdf]

The case has a confidential witness (every third synthetic case has one; this script
makes sure this one does), so there is a name to withhold and to look for."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import synthetic  # noqa: E402
from toolkit.workspace.build import build  # noqa: E402
from toolkit.workspace.folders import Workspace  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--footnotes", type=int, default=1000)
    parser.add_argument("--to", default="docx,pdf")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root, _ = synthetic.empty_workspace(Path(tmp) / "ws")
        path = synthetic.case_with_footnotes(root, args.footnotes)
        text = path.read_text(encoding="utf-8")
        if "confidential: true" not in text:
            text = text.replace("people:\n", "people:\n- id: bench-witness\n  name: Zorvana "
                                "Benchwitness\n  roles: [witness]\n  confidential: true\n", 1)
            path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        (output,) = build(Workspace(root), [path], "communication", args.to.split(","),
                          today=synthetic.TODAY, public=True)
        total = time.perf_counter() - started
    timings = output.timings
    scan, redaction = timings.get("output-scan", 0.0), timings.get("redaction", 0.0)
    print(f"{output.notes} footnotes, formats {args.to}: public build {total:.2f} s")
    print(f"  redaction of the inputs {redaction:.2f} s ({100 * redaction / total:.1f}%)")
    print(f"  output scan             {scan:.2f} s ({100 * scan / total:.1f}%)")
    for name in args.to.split(","):
        print(f"  write-{name:<17} {timings.get(f'write-{name}', 0.0):.2f} s")


if __name__ == "__main__":
    main()
