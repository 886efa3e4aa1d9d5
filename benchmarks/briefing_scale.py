"""How the cost of a briefing paper grows with the number of cases it draws on.

Generates N synthetic but realistic case files (Latin and Cyrillic text, a confidential
witness in every third case, sources drawn from a library of 60 entries with the
repeated citations real cases have: a few reports cited by most cases, a long tail of
news items), a briefing whose six themes select cases by provision, and times
`build_briefings` over 10, 45 and 135 cases in a temporary workspace. Prints each phase
and the cost per case, so that linear growth shows as a flat last column.

    .venv/bin/python benchmarks/briefing_scale.py [--sizes 10,45,135] [--to docx,pdf]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from toolkit.briefings.build import build_briefings  # noqa: E402
from toolkit.workspace import Workspace  # noqa: E402

TODAY = date(2026, 11, 22)
FIRST = ["Aset", "Aliya", "Berik", "Dana", "Erlan", "Gulnara", "Kairat", "Madina", "Nurlan",
         "Saule", "Timur", "Zhanna", "Askar", "Bakhyt", "Dinara", "Yerlan", "Aigul", "Marat"]
LAST = ["Abishev", "Bekova", "Dzhaksybekov", "Ermekova", "Iskakov", "Kassymova", "Mukanov",
        "Nurlanova", "Omarov", "Sadykova", "Tokayev", "Utepova", "Zhumabayev", "Akhmetova",
        "Baimukhanov", "Kenzhebayeva", "Serikbayev", "Tulegenova"]
CITIES = ["Almaty", "Nur-Sultan", "Shymkent", "Aktobe", "Karaganda", "Taraz", "Atyrau",
          "Oral", "Kostanay", "Pavlodar"]
CHARGES = [("405(1)", "organising the activity of an organisation banned as extremist"),
           ("405(2)", "participating in the activity of an organisation banned as extremist"),
           ("182(1)", "establishing an extremist group"),
           ("174(1)", "inciting social discord"),
           ("274(2)", "knowingly disseminating false information"),
           ("380(1)", "using violence against a representative of the authorities")]
SENTENCES = ["one year of restricted freedom", "two years of restricted freedom",
             "eighteen months' imprisonment", "three years' imprisonment",
             "five years' imprisonment and a fine"]
BANS = ["ban on social and political activity", "ban on using social media",
        "ban on civic activism, including online"]
PROVISIONS = ["9(1)", "14(1)", "14(3)(b)", "14(3)(d)", "19(2)", "21", "22(1)", "25(a)"]
EVENTS = [
    ("posted a video on Facebook criticising the government's handling of the economy; "
     "its caption read «Біз бейбіт жолмен өзгеріс талап етеміз» (we demand change by "
     "peaceful means)", "19(2)"),
    ("joined a Telegram chat in which supporters of the Koshe Party («Көше партиясы») "
     "discussed a peaceful rally", "22(1)"),
    ("took part in a peaceful rally in {city}; police detained the participants within "
     "minutes", "21"),
    ("was questioned without a lawyer, although {pronoun} asked for one; the investigator "
     "wrote «от адвоката отказался» (declined a lawyer) in the record", "14(3)(d)"),
    ("asked the court for the expert linguistic report on which the charges rested; the "
     "court refused without reasons", "14(3)(b)"),
    ("was held in pre-trial detention in {city} for several months", "9(1)"),
    ("said in court that the trial was «чисто формальный» (purely formal) and that the "
     "verdict had been decided in advance", "14(1)"),
    ("was barred by the judgment from any public activity, including posting on social "
     "media", "25(a)"),
]


def library(rng: random.Random) -> list[dict]:
    """60 entries: reports, Views, UN documents, news in English and Russian, web pages."""
    items = []
    for i in range(8):
        items.append({"id": f"report-{i}", "type": "report",
                      "author": [{"literal": f"Human Rights Monitor {i}"}],
                      "title": f"Kazakhstan: prosecutions for peaceful dissent, part {i + 1}",
                      "issued": {"date-parts": [[2019 + i % 4, 1 + i]]}})
    for i in range(6):
        items.append({"id": f"views-{i}", "type": "legal_case",
                      "title": f"{LAST[i]} v Kazakhstan", "authority": "Human Rights Committee",
                      "genre": "Views", "number": f"CCPR/C/13{i}/D/25{i}0/2015",
                      "issued": {"date-parts": [[2020, 3 + i, 10]]}})
    for i in range(6):
        items.append({"id": f"gc-{i}", "type": "report",
                      "author": [{"literal": "UN Human Rights Committee"}],
                      "title": f"General Comment No {30 + i}", "number": f"CCPR/C/GC/{30 + i}",
                      "issued": {"date-parts": [[2011 + i]]}})
    for i in range(28):
        cyrillic = i % 2 == 0
        title = (f"Активиста из города {rng.choice(CITIES)} приговорили по статье 405"
                 if cyrillic else f"Activist in {rng.choice(CITIES)} sentenced under article 405")
        items.append({"id": f"news-{i}", "type": "article-newspaper", "title": title,
                      "container-title": "Азаттык" if cyrillic else "Eurasianet",
                      "issued": {"date-parts": [[2020 + i % 3, 1 + i % 12, 1 + i % 28]]},
                      "URL": f"https://news.example.org/{i}"})
    for i in range(12):
        items.append({"id": f"web-{i}", "type": "webpage",
                      "author": [{"literal": "Бюро по правам человека"}],
                      "title": f"Мониторинг нарушений прав человека, выпуск {i + 1}",
                      "URL": f"https://monitoring.example.org/{i}",
                      "issued": {"date-parts": [[2021, 1 + i]]}})
    return items


def _source(rng: random.Random, keys: list[str]) -> str:
    """A Zipf-like pick: the first sources are cited by most cases; reports and Views
    with a paragraph half the time."""
    index = min(int(rng.paretovariate(1.1)) - 1, len(keys) - 1)
    key = keys[index]
    numbered = key.startswith(("report-", "views-"))
    return f"@{key}, para {rng.randint(1, 40)}" if numbered and rng.random() < 0.5 \
        else f"@{key}"


def case(n: int, rng: random.Random, keys: list[str]) -> dict:
    first, last = FIRST[n % len(FIRST)], f"{LAST[(n * 7) % len(LAST)]}{n}"
    female = last.rstrip("0123456789").endswith("a")
    title, pronoun = ("Ms", "she") if female else ("Mr", "he")
    city = rng.choice(CITIES)
    ident = f"case-{n:03d}"
    people = [{"id": "victim", "name": f"{first} {last}", "roles": ["alleged-victim"],
               "occupation": rng.choice(["blogger", "teacher", "civic activist", "journalist"])}]
    witness = None
    if n % 3 == 0:
        witness = f"{rng.choice(FIRST)} Witness{n}"
        people.append({"id": "witness", "name": witness, "roles": ["witness"],
                       "confidential": True})
    start = date(2019, 1, 1) + timedelta(days=rng.randint(0, 500))
    facts, by_provision = [], {}
    for i, (event, provision) in enumerate(rng.sample(EVENTS, rng.randint(5, 7))):
        when = start + timedelta(days=40 * i)
        text = f"{title} {last} " + event.format(city=city, pronoun=pronoun) + "."
        if witness and i == 1:
            text += f" {witness}, who was present, confirmed this account."
        facts.append({"id": f"f{i}", "date": when.isoformat(), "people": ["victim"],
                      "text": text, "sources": [_source(rng, keys)
                                                for _ in range(rng.randint(1, 2))]})
        by_provision.setdefault(provision, []).append(f"f{i}")
    judged = start + timedelta(days=40 * len(facts) + 30)
    article, description = rng.choice(CHARGES)
    judgment = {"date": judged.isoformat(), "outcome": "convicted",
                "sentence": rng.choice(SENTENCES), "sources": [_source(rng, keys)]}
    if rng.random() < 0.6:
        judgment["bans"] = [{"description": rng.choice(BANS), "duration": "three years"}]
    proceeding = {"id": "criminal", "court": f"{city} District Court", "defendants": ["victim"],
                  "charges": [{"law": "Criminal Code", "article": article,
                               "description": description, "facts": ["f0"]}],
                  "judgment": judgment}
    if rng.random() < 0.5:
        proceeding["appeals"] = [{"kind": "appeal", "court": f"{city} Regional Court",
                                  "decided": (judged + timedelta(days=60)).isoformat(),
                                  "status": "decided", "outcome": "the sentence was upheld",
                                  "sources": [_source(rng, keys)]}]
    claims = [{"provision": p, "facts": ids, "argument": f"The facts engage article {p} "
               f"[@gc-{PROVISIONS.index(p) % 6}, para {rng.randint(2, 40)}]."}
              for p, ids in by_provision.items()]
    return {"case": {"id": ident, "title": f"{first} {last} v Kazakhstan", "state": "Kazakhstan",
                     "language": "en", "confidentiality": "public"},
            "people": people, "proceedings": [proceeding], "facts": facts, "claims": claims}


def briefing() -> dict:
    themes = [("expression", "Freedom of expression", "19"),
              ("association", "Freedom of association", "22"),
              ("assembly", "Freedom of peaceful assembly", "21"),
              ("fair-trial", "Unfair trials", "14"),
              ("bans", "Bans on civic and political activity", "25"),
              ("detention", "Arbitrary detention", "9")]
    return {
        "briefing": {"id": "scale", "title": "Key concerns and recommendations",
                     "state": "Kazakhstan", "date": "2023-02"},
        "dialogue": {"name": "EU–Kazakhstan Human Rights Dialogue", "round": 14,
                     "date": "2023-03-09", "place": "Brussels"},
        "organisations": [{"name": "Example Partnership", "short": "EP", "country": "Belgium"}],
        "introduction": "Prosecutions continue [@report-0, para 3].",
        "themes": [{"id": i, "heading": h, "provisions": [p],
                    "text": f"What we see under article {p} [@report-1].",
                    "recommendations": ["Stop the prosecutions;", "Release the prisoners."]}
                   for i, h, p in themes],
    }


def workspace(root: Path, cases: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    for folder in ("claims/briefings", "citations", "drafts"):
        (root / folder).mkdir(parents=True)
    for kind in ("briefing", "styles"):
        shutil.copytree(REPO / "templates" / kind, root / "templates" / kind)
    items = library(rng)
    (root / "citations" / "library.json").write_text(json.dumps(items, ensure_ascii=False),
                                                     encoding="utf-8")
    keys = [i["id"] for i in items if not i["id"].startswith("gc-")]
    for n in range(cases):
        (root / "claims" / f"case-{n:03d}.yaml").write_text(
            yaml.safe_dump(case(n, rng, keys), allow_unicode=True, sort_keys=False),
            encoding="utf-8")
    path = root / "claims" / "briefings" / "scale.yaml"
    path.write_text(yaml.safe_dump(briefing(), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


PHASES = ("check", "kind", "citations", "redaction", "write-docx", "write-pdf")


def measure(cases: int, formats: list[str]) -> tuple[dict[str, float], float, int, int]:
    with tempfile.TemporaryDirectory() as folder:
        path = workspace(Path(folder), cases)
        started = time.perf_counter()
        (output,) = build_briefings(Workspace(Path(folder)), [path], formats, today=TODAY)
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
