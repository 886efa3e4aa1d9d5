"""How `covenant check` grows with the citation library: a whole Zotero library exported
as Better CSL JSON or Better BibTeX, beside the example case files.

`make_library(path, n, fmt)` writes a synthetic but realistic library of n items (one
seed, so every run measures the same text): articles, reports, books, web pages and
court decisions with Zotero's and Better BibTeX's fields (abstracts, keywords, file
attachments, `urldate`, `langid`, Extra lines, names with particles, Cyrillic titles),
about 500 bytes an item as CSL JSON (100,000 items: about 50 MB). `fmt` is "json",
"bib" or "yaml" (CSL-YAML). benchmarks/scale.py reuses it.

The benchmark copies the example workspace (claims/, citations/ and templates/ of this
checkout) into a temporary folder, adds the library to citations/, and runs `python -m
toolkit check -w WS` as a subprocess (one untimed run, then the median of --runs),
reading its wall time, its CPU time and its peak memory (the child's own rusage). It
prints a Markdown table (each size, and the CPU time per 1,000 items net of the check of
the example workspace alone) and the ratio of the CPU time per item of the largest size
to that of the smallest, as measured and net of the workspace alone (1.0: linear; the
fixed cost makes small libraries dearer per item, so the first ratio is far below 1).

    .venv/bin/python benchmarks/library_scale.py [--sizes 1000,2000,20000,100000]
        [--formats json,bib] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

FAMILY = ["Abishev", "Bekova", "Dzhaksybekov", "Ermekova", "Iskakov", "Kassymova", "Müller",
          "Nowak", "O'Brien", "García Márquez", "Smith", "Nguyen", "Okafor", "Rossi",
          "Lindqvist", "Tanaka", "Dubois", "Ivanova", "Петров", "Сейткали"]
GIVEN = ["Aset", "Aliya", "Berik", "Jane", "Piotr", "Siobhan", "Ana María", "Minh",
         "Chinedu", "Giulia", "Karin", "Hiroshi", "Élodie", "Олег", "Айгуль"]
PARTICLES = [("van den", True), ("von", False), ("de", True)]
WORDS = ("freedom", "expression", "assembly", "association", "detention", "trial",
         "fairness", "torture", "prison", "sentence", "extremism", "religion", "online",
         "speech", "protest", "court", "appeal", "election", "journalist", "defender",
         "monitoring", "remedy", "state", "party", "obligation", "covenant",
         "admissibility", "exhaustion", "domestic", "remedies", "views", "committee",
         "general", "comment", "restriction", "proportionality", "necessity", "legitimate",
         "aim")
CYRILLIC = ("свобода", "выражения", "мнений", "собрание", "суд", "приговор",
            "правозащитник", "экстремизм")
JOURNALS = ["Human Rights Law Review", "Netherlands Quarterly of Human Rights",
            "European Journal of International Law", "Central Asian Survey",
            "Human Rights Quarterly", "International Journal of Constitutional Law"]
PUBLISHERS = ["Human Rights Watch", "Amnesty International", "Freedom House",
              "Oxford University Press", "Cambridge University Press", "OSCE/ODIHR"]
TYPES = ["article-journal", "report", "book", "webpage", "legal_case"]
BIB_TYPES = {"article-journal": "article", "report": "report", "book": "book",
             "webpage": "online", "legal_case": "jurisdiction"}
LANGIDS = ["english", "english", "english", "russian", "french", "ngerman"]


def _words(rng: random.Random, low: int, high: int, cyrillic: bool = False) -> str:
    pool = CYRILLIC if cyrillic else WORDS
    return " ".join(rng.choice(pool) for _ in range(rng.randint(low, high)))


def _title(rng: random.Random, cyrillic: bool) -> str:
    text = _words(rng, 4, 11, cyrillic)
    return text[0].upper() + text[1:]


def _person(rng: random.Random) -> dict:
    person = {"family": rng.choice(FAMILY), "given": rng.choice(GIVEN)}
    if rng.random() < 0.05:
        person["non-dropping-particle"] = rng.choice(PARTICLES)[0]
    return person


def _item(rng: random.Random, number: int) -> dict:
    """One item as Zotero's Better CSL JSON writes it."""
    kind = TYPES[rng.randrange(len(TYPES))]
    language = rng.choice(LANGIDS)
    year, month, day = rng.randint(1990, 2025), rng.randint(1, 12), rng.randint(1, 28)
    item = {"id": f"item{number}", "citation-key": f"{_key(rng, number)}",
            "type": kind, "title": _title(rng, language == "russian"),
            "issued": {"date-parts": [[year, month, day]]},
            "language": {"english": "en-GB", "russian": "ru", "french": "fr",
                         "ngerman": "de-DE"}[language]}
    if kind == "legal_case":
        item["authority"] = "Human Rights Committee"
        item["number"] = f"CCPR/C/{rng.randint(90, 140)}/D/{number}/{year}"
    else:
        item["author"] = [_person(rng) for _ in range(rng.choice([1, 1, 2, 3]))]
    if kind == "article-journal":
        item.update({"container-title": rng.choice(JOURNALS), "volume": str(rng.randint(1, 45)),
                     "issue": str(rng.randint(1, 4)),
                     "page": f"{(p := rng.randint(1, 600))}-{p + rng.randint(5, 40)}",
                     "DOI": f"10.{rng.randint(1000, 9999)}/hrlr.{number}"})
    elif kind in ("report", "book"):
        item["publisher"] = rng.choice(PUBLISHERS)
        item["publisher-place"] = rng.choice(["London", "New York", "Geneva", "Oxford"])
    if kind in ("webpage", "report") or rng.random() < 0.3:
        item["URL"] = f"https://example.org/{kind}/{number}"
        item["accessed"] = {"date-parts": [[min(year + 1, 2026), rng.randint(1, 12), 2]]}
    if rng.random() < 0.3:
        item["abstract"] = _words(rng, 8, 30)
    if rng.random() < 0.2:
        item["note"] = f"tex.ids: old{number}\nPMID: {rng.randint(10**6, 10**7)}"
    return item


KEY_NAMES = ("abishev", "bekova", "iskakov", "mueller", "nowak", "obrien", "garcia", "smith",
             "nguyen", "okafor", "rossi", "petrov", "seitkali", "tanaka", "dubois")


def _key(rng: random.Random, number: int) -> str:
    """Better BibTeX's keys: ASCII, author and a number (the year, here the item's
    number, so that every key is unique)."""
    return f"{rng.choice(KEY_NAMES)}{number}"


def _bib_text(value: str) -> str:
    return value.replace("&", r"\&").replace("%", r"\%").replace("_", r"\_")


def _bib_name(person: dict) -> str:
    if "non-dropping-particle" in person:
        return (f"family={person['family']}, given={person['given']}, "
                f"prefix={person['non-dropping-particle']}, useprefix=true")
    family = person["family"]
    family = f"{{{family}}}" if " " in family else family
    return f"{family}, {person['given']}"


def _bib_entry(rng: random.Random, item: dict) -> str:
    """The same item as Better BibTeX writes it (BibLaTeX flavour)."""
    kind = BIB_TYPES[item["type"]]
    year, month, day = item["issued"]["date-parts"][0]
    fields = [("title", "{" + _bib_text(item["title"]) + "}"),
              ("date", f"{year}-{month:02}-{day:02}")]
    if "author" in item:
        fields.insert(0, ("author", " and ".join(_bib_name(p) for p in item["author"])))
    if kind == "jurisdiction":
        fields += [("institution", item["authority"]), ("number", item["number"])]
    for csl, bib in (("container-title", "journaltitle"), ("volume", "volume"),
                     ("issue", "number"), ("page", "pages"), ("DOI", "doi"),
                     ("publisher", "publisher"), ("publisher-place", "location"),
                     ("URL", "url")):
        if csl in item:
            value = item[csl].replace("-", "--") if csl == "page" else item[csl]
            fields.append((bib, _bib_text(value)))
    if "accessed" in item:
        y, m, d = item["accessed"]["date-parts"][0]
        fields.append(("urldate", f"{y}-{m:02}-{d:02}"))
    fields.append(("langid", {"en-GB": "english", "ru": "russian", "fr": "french",
                              "de-DE": "ngerman"}[item["language"]]))
    if "abstract" in item:
        fields.append(("abstract", item["abstract"]))
    if rng.random() < 0.5:
        fields.append(("keywords", ", ".join(rng.sample(WORDS, 3))))
    if rng.random() < 0.4:
        fields.append(("file", f"/home/user/Zotero/storage/{item['id'].upper()}/"
                               f"{item['citation-key']}.pdf"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{item['citation-key']},\n{body}\n}}\n"


def make_library(path: Path, n: int, fmt: str = "json", seed: int = 17) -> Path:
    """Write a library of `n` items to `path` as "json" (Better CSL JSON), "bib" (Better
    BibTeX) or "yaml" (CSL-YAML); the same seed gives the same file."""
    rng = random.Random(seed)
    path = Path(path)
    items = (_item(rng, number) for number in range(1, n + 1))
    with path.open("w", encoding="utf-8") as out:
        if fmt == "json":
            out.write("[\n")
            for number, item in enumerate(items):
                out.write(("" if number == 0 else ",\n") +
                          json.dumps(item, ensure_ascii=False, indent="\t"))
            out.write("\n]\n")
        elif fmt == "bib":
            for item in items:
                out.write(_bib_entry(rng, item) + "\n")
        elif fmt == "yaml":
            import yaml

            dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
            for item in items:
                out.write(yaml.dump([item], Dumper=dumper, allow_unicode=True,
                                    sort_keys=False, width=10**9))
        else:
            raise ValueError(f"unknown library format {fmt!r}: json, bib or yaml")
    return path


def example_workspace(folder: Path) -> Path:
    """The example case files and library of this checkout, copied to `folder`."""
    for name in ("claims", "citations", "templates"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, folder / name)
    return folder


def measure_check(workspace: Path) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, peak memory in MB, exit status) of `python -m toolkit
    check -w WS`: the child's own CPU time and ru_maxrss, from wait4."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "toolkit", "check", "-w", str(workspace)],
                             cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=dict(os.environ, PYTHONPATH=str(REPO)))
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    return (seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024,
            os.waitstatus_to_exitcode(status))


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def measure(n: int, fmt: str | None, runs: int) -> dict:
    """Medians of `runs` checks of the example workspace with an n-item library beside
    it (`fmt` None: the example workspace alone, the fixed cost)."""
    with tempfile.TemporaryDirectory() as folder:
        workspace = example_workspace(Path(folder))
        megabytes = 0.0
        if fmt is not None:
            library = make_library(workspace / "citations" / f"zotero.{fmt}", n, fmt)
            megabytes = library.stat().st_size / 1e6
        measure_check(workspace)  # untimed: the file system's cache
        done = [measure_check(workspace) for _ in range(runs)]
    return {"format": fmt, "items": n, "megabytes": megabytes,
            "seconds": _median([d[0] for d in done]), "cpu": _median([d[1] for d in done]),
            "peak_mb": max(d[2] for d in done), "status": done[-1][3]}


def growth(rows: list[dict], fmt: str, base: dict | None = None, key: str = "cpu",
           sizes: tuple[int, int] | None = None) -> float:
    """Time per item of the largest size over that of the smallest (or of `sizes`); with
    `base`, net of the check of the example workspace alone."""
    mine = {r["items"]: r for r in rows if r["format"] == fmt}
    small, large = (mine[sizes[0]], mine[sizes[1]]) if sizes else \
        (mine[min(mine)], mine[max(mine)])
    fixed = base[key] if base else 0.0
    return ((large[key] - fixed) / large["items"]) / ((small[key] - fixed) / small["items"])


NAMES = {"json": "CSL JSON", "bib": "BibTeX", "yaml": "CSL YAML"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,2000,20000,100000")
    parser.add_argument("--formats", default="json,bib")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = args.formats.split(",")
    base = measure(0, None, args.runs)
    print(f"example workspace alone: {base['seconds']:.2f} s, {base['cpu']:.2f} s CPU, "
          f"{base['peak_mb']} MB peak")
    print("| library | items | MB | time (s) | CPU (s) | peak memory (MB) | "
          "CPU per 1,000 items, net of the workspace alone (s) | exit |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    rows = []
    for fmt in formats:
        for n in sizes:
            row = measure(n, fmt, args.runs)
            rows.append(row)
            net = 1000 * (row["cpu"] - base["cpu"]) / n
            print(f"| {NAMES[fmt]} | {n:,} | {row['megabytes']:.1f} | {row['seconds']:.2f} | "
                  f"{row['cpu']:.2f} | {row['peak_mb']} | {net:.3f} | {row['status']} |",
                  flush=True)
    # Net of the fixed cost, the smallest libraries' own cost is within the noise of a
    # shared machine (an indexed BibTeX file of 1,000 entries: about 10 ms), so the net
    # ratio is taken between the two largest sizes, where the library is most of it.
    for fmt in formats:
        print(f"{NAMES[fmt]}: CPU time per item, {sizes[-1]:,} against {sizes[0]:,} items: "
              f"{growth(rows, fmt):.2f}× (target ≤ 1.5×); net of the workspace alone, "
              f"{sizes[-1]:,} against {sizes[-2]:,}: "
              f"{growth(rows, fmt, base, sizes=(sizes[-2], sizes[-1])):.2f}×")


if __name__ == "__main__":
    main()
