"""The tables of benchmarks/performance.py, as Markdown: one function a section."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

BEGIN, END = "<!-- benchmark:begin -->", "<!-- benchmark:end -->"


def med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ms(values: list[float]) -> str:
    """'123 ms (118–131)': median and min–max, in milliseconds."""
    if not values:
        return "–"
    return f"{med(values) * 1000:.0f} ms ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"


def secs(values: list[float]) -> str:
    if not values:
        return "–"
    return f"{med(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def ratio(values: list[float]) -> str:
    if not values:
        return "–"
    return f"{med(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def ratios(ours: list[float], theirs: list[float]) -> list[float]:
    return [a / b for a, b in zip(ours, theirs, strict=True) if b]


def mb(value: int) -> str:
    return f"{value / 2**20:.0f} MB"


def report(args, info: dict, start: dict, docs: dict, batched: dict | None,
           elapsed: float) -> str:
    """Every section of the measured run, as Markdown."""
    lines: list[str] = []
    out = lines.append
    _machine(out, args, info, elapsed)
    _startup(out, start)
    sizes = sorted(docs)
    _docx(out, docs, sizes)
    _pdf(out, docs, sizes)
    _stages(out, docs, sizes)
    if len(sizes) >= 2:
        _growth(out, docs, sizes[0], sizes[-1])
    if batched:
        _batch(out, args, batched)
    return "\n".join(lines)


def _machine(out, args, info: dict, elapsed: float) -> None:
    out(f"Produced by `{args.command}` in {elapsed / 60:.0f} min on "
        f"{time.strftime('%Y-%m-%d')}. Medians of {args.runs} runs (min–max in brackets), "
        "after one untimed warm-up run; each ratio is the median of the ratios of run i "
        "against run i.")
    out("")
    out("| machine | |")
    out("| --- | --- |")
    for key, value in info.items():
        out(f"| {key} | {value} |")
    out("")


def _startup(out, start: dict) -> None:
    out("### 1. Start-up")
    out("")
    out("| command | median (min–max) | imports WeasyPrint, python-docx, docxtpl or citeproc |")
    out("| --- | --- | --- |")
    for name, values in start["times"].items():
        heavy = start["imports"].get(name)
        shown = "–" if heavy is None else (", ".join(heavy["heavy"]) or "none")
        out(f"| `{name}` | {ms(values)} | {shown} |")
    out("")
    for name, found in start["imports"].items():
        top = ", ".join(f"{module} {cost} ms" for cost, module in found["top"])
        out(f"`python -X importtime -m toolkit {name.split()[1]}`: largest imports {top}.")
        out("")


def _docx(out, docs: dict, sizes: list[int]) -> None:
    out("### 2. DOCX: ours against pandoc")
    out("")
    out("Ours: check and load, kind, passes, citations, DOCX writer and the file written, "
        "in-process (imports done); cold = citation and template caches (drafts/.cache) "
        "emptied first, warm = kept from the run before. pandoc: a subprocess (`pandoc "
        "--version` alone costs the row above), with our frame.docx as its reference doc "
        "(the same styles; reading its 340 KB styles.xml costs pandoc about 0.25 s) and "
        "with its own default. CLI: `covenant build --force` as a subprocess, Python "
        "start-up and imports included.")
    out("")
    out("| footnotes | ours cold | ours warm | pandoc, our frame.docx as reference doc | "
        "pandoc, its default reference doc | CLI cold | CLI warm |")
    out("| ---: | --- | --- | --- | --- | --- | --- |")
    for size in sizes:
        t = {k: [v["seconds"] for v in vs] for k, vs in docs[size]["series"].items()}
        out(f"| {size} | {ms(t['ours docx cold'])} | {ms(t['ours docx warm'])} | "
            f"{ms(t['pandoc docx'])} | {ms(t['pandoc docx default'])} | "
            f"{ms(t['cli docx cold'])} | {ms(t['cli docx warm'])} |")
    out("")
    out("Ratios (ours / pandoc, run by run; at most 1.0 is the target):")
    out("")
    out("| footnotes | cold / pandoc with frame | warm / pandoc with frame | "
        "cold / pandoc default | warm / pandoc default | CLI cold / pandoc with frame |")
    out("| ---: | --- | --- | --- | --- | --- |")
    for size in sizes:
        t = {k: [v["seconds"] for v in vs] for k, vs in docs[size]["series"].items()}
        out(f"| {size} | {ratio(ratios(t['ours docx cold'], t['pandoc docx']))} | "
            f"{ratio(ratios(t['ours docx warm'], t['pandoc docx']))} | "
            f"{ratio(ratios(t['ours docx cold'], t['pandoc docx default']))} | "
            f"{ratio(ratios(t['ours docx warm'], t['pandoc docx default']))} | "
            f"{ratio(ratios(t['cli docx cold'], t['pandoc docx']))} |")
    out("")
    out("Footnotes in the files: " + "; ".join(
        f"{size}: ours {docs[size]['notes']['ours docx']}, pandoc "
        f"{docs[size]['notes']['pandoc docx']}" for size in sizes) + ".")
    out("")


def _pdf(out, docs: dict, sizes: list[int]) -> None:
    out("### 3. PDF: ours against WeasyPrint alone")
    out("")
    out("Ours: the whole build (check and load, kind, passes, citations, HTML, "
        "WeasyPrint layout with our fix, footnote check, PDF written), in-process; cold and "
        "warm as for DOCX. WeasyPrint alone: "
        "`HTML(string=our html).render().write_pdf()` in its own process. Peer: pandoc to "
        "HTML (a subprocess; notes become endnotes) then WeasyPrint.")
    out("")
    out("| footnotes | pages | ours cold | ours warm | WeasyPrint alone | cold / WeasyPrint | "
        "warm / WeasyPrint | per page: ours cold, WeasyPrint | peer: pandoc + WeasyPrint "
        "(pages) |")
    out("| ---: | ---: | --- | --- | --- | --- | --- | --- | --- |")
    for size in sizes:
        s, pages = docs[size]["series"], docs[size]["pages"]
        ours = [v["seconds"] for v in s["ours pdf"]]
        warm = [v["seconds"] for v in s["ours pdf warm"]]
        alone = [v["seconds"] for v in s["weasyprint alone"]]
        peer = [a["seconds"] + b["seconds"] for a, b in
                zip(s["pandoc html"], s["peer weasyprint"], strict=True)]
        out(f"| {size} | {pages['ours']} | {secs(ours)} | {secs(warm)} | {secs(alone)} | "
            f"{ratio(ratios(ours, alone))} | {ratio(ratios(warm, alone))} | "
            f"{1000 * med(ours) / pages['ours']:.0f} ms, "
            f"{1000 * med(alone) / pages['weasyprint alone']:.0f} ms | {secs(peer)} "
            f"({pages['peer']}) |")
    out("")


def _stages(out, docs: dict, sizes: list[int]) -> None:
    out("### Where the time goes (our pipeline, medians)")
    out("")
    out("| footnotes | check and load | kind | passes | citations cold / warm (citeproc "
        "renderings) | DOCX writer | HTML | WeasyPrint layout | footnote check | PDF written |"
        " other | WeasyPrint alone: layout, PDF written | peak memory: DOCX, PDF, "
        "WeasyPrint alone |")
    out("| ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in sizes:
        s, peaks = docs[size]["series"], docs[size]["peaks"]

        def stage(series: str, name: str, s=s) -> float:
            return med([v["stages"].get(name, 0.0) for v in s[series]])

        out(f"| {size} | {1000 * stage('ours docx cold', 'check and load'):.0f} ms | "
            f"{1000 * stage('ours docx cold', 'kind'):.0f} ms | "
            f"{1000 * stage('ours docx cold', 'passes'):.0f} ms | "
            f"{1000 * stage('ours docx cold', 'citations'):.0f} / "
            f"{1000 * stage('ours docx warm', 'citations'):.0f} ms "
            f"({stage('ours docx cold', 'renders'):.0f}) | "
            f"{1000 * stage('ours docx cold', 'write-docx'):.0f} ms | "
            f"{1000 * stage('ours pdf', 'html'):.0f} ms | "
            f"{stage('ours pdf', 'layout'):.2f} s | "
            f"{1000 * stage('ours pdf', 'footnote check'):.0f} ms | "
            f"{1000 * stage('ours pdf', 'write pdf'):.0f} ms | "
            f"{1000 * stage('ours docx cold', 'other'):.0f} ms | "
            f"{med([v['layout'] for v in s['weasyprint alone']]):.2f} s, "
            f"{1000 * med([v['write'] for v in s['weasyprint alone']]):.0f} ms | "
            f"{mb(peaks['docx'])}, {mb(peaks['pdf'])}, {mb(peaks['weasyprint'])} |")
    out("")


def _growth(out, docs: dict, low: int, high: int) -> None:
    out(f"### 4. Growth from {low} to {high} footnotes")
    out("")
    out("| per unit | at " + f"{low} | at {high} | growth |")
    out("| --- | --- | --- | --- |")

    def per(size: int, series: str, unit: float) -> float:
        return med([v["seconds"] for v in docs[size]["series"][series]]) / unit

    for series, label in (("ours docx cold", "ours, DOCX cold, per footnote"),
                          ("ours docx warm", "ours, DOCX warm, per footnote"),
                          ("pandoc docx", "pandoc, DOCX, per footnote")):
        a, b = per(low, series, low), per(high, series, high)
        out(f"| {label} | {1000 * a:.2f} ms | {1000 * b:.2f} ms | {b / a:.2f}× |")
    for series, label, key in (("ours pdf", "ours, PDF, per page", "ours"),
                               ("weasyprint alone", "WeasyPrint alone, per page",
                                "weasyprint alone")):
        a = per(low, series, docs[low]["pages"][key])
        b = per(high, series, docs[high]["pages"][key])
        out(f"| {label} | {1000 * a:.0f} ms | {1000 * b:.0f} ms | {b / a:.2f}× |")
    out("")


def _batch(out, args, batched: dict) -> None:
    s = batched["series"]
    one = [v["seconds"] for v in s["jobs 1"]]
    out(f"### 5. Batch: {args.batch} cases, communications as DOCX and PDF and one "
        f"briefing over all of them ({batched['briefing pages']} pages)")
    out("")
    out("`covenant build claims/case-*.yaml claims/briefings/scale.yaml --kind "
        "communication --kind briefing --to docx,pdf --force --jobs N`, from an empty "
        "drafts/ (cold caches) each time; --jobs 1 and --jobs 2 alternate.")
    out("")
    out("| run | documents | wall time | speed-up over --jobs 1 | peak memory per "
        "process |")
    out("| --- | ---: | --- | --- | --- |")
    labels = {"jobs 1": "--jobs 1 (in this process)",
              "jobs 2": "--jobs 2 (forkserver, the default)",
              "jobs 2 fork": "--jobs 2 --start-method fork",
              "jobs 2 spawn": "--jobs 2 --start-method spawn"}
    for name, values in s.items():
        seconds = [v["seconds"] for v in values]
        pair = ratios(one[:len(seconds)], seconds)
        out(f"| {labels.get(name, name)} | {values[0]['built']} | "
            f"{secs(seconds)} | {ratio(pair) if name != 'jobs 1' else '1'} | "
            f"{max(v['peak MB'] for v in values)} MB |")
    out("")
    nothing, edited = batched["nothing"], batched["one"]
    out("### 6. Incremental rebuilds (--jobs 2, after a complete build)")
    out("")
    out("| change | built | up to date | wall time |")
    out("| --- | ---: | ---: | --- |")
    out(f"| nothing | {nothing[0]['built']} | {nothing[0]['up to date']} | "
        f"{secs([v['seconds'] for v in nothing])} |")
    out(f"| one case file edited (claims/{batched['edited']}) | {edited['built']} | "
        f"{edited['up to date']} | {edited['seconds']:.2f} s |")
    out("")


def write_into(path: Path, text: str) -> None:
    body = path.read_text(encoding="utf-8") if path.is_file() else f"{BEGIN}\n{END}\n"
    if BEGIN not in body or END not in body:
        body += f"\n{BEGIN}\n{END}\n"
    head, rest = body.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


