"""The benchmark's worker processes (benchmarks/performance.py drives them).

Each is this script run as `python perf_workers.py <role> [args]`, long-lived and driven
line by line: a JSON command in, a JSON result out. A worker keeps its imports and fonts
warm between runs and its peak memory to itself.

- "ours": our pipeline in-process (`toolkit.batch.run_batch`, as `covenant build --force`
  runs it), cold (drafts/.cache emptied first) or warm, DOCX or PDF, with the time of
  each stage;
- "weasyprint": WeasyPrint alone laying out an HTML file and writing the PDF.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

KIND = "communication"
TODAY = "2026-11-22"


class Worker:
    """A long-lived benchmark process (this script with --worker), driven line by line:
    a JSON command in, a JSON result out. Keeps imports and fonts warm between runs
    and its peak memory to itself."""

    def __init__(self, role: str, *args: str) -> None:
        self.role = role
        self.process = subprocess.Popen(
            [sys.executable, __file__, role, *args], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, cwd=REPO)

    def call(self, op: str, **kwargs) -> dict:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"op": op, **kwargs}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"worker {self.role} died")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"worker {self.role}: {answer['error']}")
        return answer

    def close(self) -> int:
        peak = self.call("peak")["peak_rss"]
        self.call("quit")
        self.process.wait(timeout=60)
        return peak


def _worker_ours(root: Path, case: Path, out: Path):
    """Our pipeline, in-process, as `covenant build --force` runs it."""
    from datetime import date

    import weasyprint
    import weasyprint.document

    from toolkit.workspace.batch import run_batch
    from toolkit.workspace.folders import Workspace
    from toolkit.writers import pdf as pdf_writer

    workspace = Workspace(root)
    stages: dict[str, float] = {}

    def timer(name, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                stages[name] = stages.get(name, 0.0) + time.perf_counter() - started
        return wrapper

    # the PDF writer's own stages, measured on the real code path
    pdf_writer.render_html = timer("html", pdf_writer.render_html)
    pdf_writer.check_footnotes = timer("footnote check", pdf_writer.check_footnotes)
    weasyprint.HTML.render = timer("layout", weasyprint.HTML.render)
    weasyprint.document.Document.write_pdf = timer("write pdf",
                                                   weasyprint.document.Document.write_pdf)

    def build(fmt: str, cold: bool) -> dict:
        if cold:
            shutil.rmtree(out / ".cache", ignore_errors=True)
        stages.clear()
        started = time.perf_counter()
        result = run_batch(workspace, [case], [KIND], [fmt], out=out,
                           today=date.fromisoformat(TODAY), force=True)
        seconds = time.perf_counter() - started
        if result.failed or not result.built:
            raise RuntimeError("; ".join(f.format() for f in result.failed))
        timings = result.built[0].timings
        passes = sum(timings.get(k, 0.0) for k in ("numbering", "references", "notes"))
        found = {"check and load": result.check_seconds, "kind": timings["kind"],
                 "passes": passes, "citations": timings["citations"],
                 f"write-{fmt}": timings[f"write-{fmt}"], **stages,
                 "renders": timings.get("citeproc_renders", 0)}
        accounted = result.check_seconds + timings["kind"] + passes + timings["citations"] \
            + timings[f"write-{fmt}"]
        found["other"] = seconds - accounted  # the manifest, writing the file
        return {"seconds": seconds, "stages": found, "path": str(result.built[0].paths[0]),
                "notes": result.built[0].notes}

    return {"docx-cold": lambda: build("docx", True), "docx-warm": lambda: build("docx", False),
            "pdf-cold": lambda: build("pdf", True), "pdf-warm": lambda: build("pdf", False)}


def _worker_weasyprint():
    """WeasyPrint alone: lay out an HTML file and write the PDF, nothing of ours."""
    import weasyprint

    def render(html: str, base: str, pdf: str) -> dict:
        text = Path(html).read_text(encoding="utf-8")
        started = time.perf_counter()
        document = weasyprint.HTML(string=text, base_url=base).render()
        laid_out = time.perf_counter()
        data = document.write_pdf()
        done = time.perf_counter()
        Path(pdf).write_bytes(data)
        return {"seconds": done - started, "layout": laid_out - started,
                "write": done - laid_out, "pages": len(document.pages)}

    return {"render": render}


def worker_main(role: str, args: list[str]) -> None:
    ops = _worker_ours(*map(Path, args)) if role == "ours" else _worker_weasyprint()
    for line in sys.stdin:
        command = json.loads(line)
        op = command.pop("op")
        try:
            if op == "quit":
                print(json.dumps({}), flush=True)
                return
            if op == "peak":
                answer = {"peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}
            else:
                answer = ops[op](**command)
        except Exception as exc:  # noqa: BLE001 - reported to the driver
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    worker_main(sys.argv[1], sys.argv[2:])
