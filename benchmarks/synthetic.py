"""Synthetic but realistic workspaces for the benchmarks: case files, a citation library
and a briefing, generated from a seed so that every run measures the same content.

- A library of about 60 sources: the 25 entries shipped in citations/ (the Covenant,
  General Comments, Views against Kazakhstan, NGO reports, BibTeX entries) and 36
  synthetic ones (reports, Views, news items in English and Russian, web pages with
  Cyrillic authors).
- Case files that pass `covenant check --kind communication`: a victim who is the author,
  a criminal proceeding with charges, judgment and a decided appeal, facts in Latin and
  Cyrillic text citing sources Zipf-like (a few reports cited by most cases, a long tail
  of news items), with pinpoints (`para`, `p`, `art`), prefixes (`see`, `cf.`), repeated
  citations (ibid, short forms), remarks of our own without a citation, claims citing
  General Comment paragraphs, a confidential witness in every third case.
- `case_with_footnotes(n)`: one communication whose draft has exactly n footnotes (40,
  200, 1,000 in the benchmark), the same kind of content at every size.
- A briefing whose six themes select the cases by provision.

Used by benchmarks/performance.py and benchmarks/briefing_scale.py.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 22)
FILING = date(2026, 11, 20)

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
# The General Comment each provision is argued from, and paragraphs we summarise.
AUTHORITIES = {"9(1)": ("hrc-gc-35", ["12", "17"]), "14(1)": ("hrc-gc-32", ["19", "21", "25"]),
               "14(3)(b)": ("hrc-gc-32", ["33"]), "14(3)(d)": ("hrc-gc-32", ["34"]),
               "19(2)": ("hrc-gc-34", ["11", "12", "22", "46"]),
               "21": ("hrc-gc-37", ["4", "6", "15"]), "22(1)": ("hrc-gc-25", ["26"]),
               "25(a)": ("hrc-gc-25", ["8", "25"])}
ARTICLES = {"9(1)": "9", "14(1)": "14", "14(3)(b)": "14", "14(3)(d)": "14", "19(2)": "19",
            "21": "21", "22(1)": "22", "25(a)": "25"}
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
DETAILS = [
    "The account was confirmed by two people who were present.",
    "Local media reported the events the same day.",
    "The prosecution later relied on this episode as evidence of membership.",
    "Свидетель показал, что участники вели себя мирно и не призывали к насилию.",
    "The police report gives a different time, but the sequence of events is not disputed.",
    "В протоколе задержания не указано основание для применения силы.",
]
REMARKS = ["Counsel holds a copy of the record.",
           "The date is taken from the court's register.",
           "Перевод автора.",
           "The original is in Kazakh; the translation is ours."]


def library(rng: random.Random) -> list[dict]:
    """36 synthetic entries: reports, Views, news in English and Russian, web pages."""
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
    for i in range(16):
        cyrillic = i % 2 == 0
        title = (f"Активиста из города {rng.choice(CITIES)} приговорили по статье 405"
                 if cyrillic else f"Activist in {rng.choice(CITIES)} sentenced under article 405")
        items.append({"id": f"news-{i}", "type": "article-newspaper", "title": title,
                      "container-title": "Азаттык" if cyrillic else "Eurasianet",
                      "issued": {"date-parts": [[2020 + i % 3, 1 + i % 12, 1 + i % 28]]},
                      "URL": f"https://news.example.org/{i}"})
    for i in range(6):
        items.append({"id": f"web-{i}", "type": "webpage",
                      "author": [{"literal": "Бюро по правам человека"}],
                      "title": f"Мониторинг нарушений прав человека, выпуск {i + 1}",
                      "URL": f"https://monitoring.example.org/{i}",
                      "issued": {"date-parts": [[2021, 1 + i]]}})
    return items


def source_keys(items: list[dict]) -> list[str]:
    """The keys facts cite, most cited first: synthetic reports and Views, then the
    shipped NGO sources and Views, then the long tail of news and web pages."""
    synthetic = [i["id"] for i in items]
    shipped = ["hrw-2021-kazakhstan-extremism", "cfj-2021-zheksebaev", "trialwatch-speech-bans",
               "esergepov-v-kazakhstan", "toregozhina-v-kazakhstan", "zhagiparov-v-kazakhstan"]
    head = [k for k in synthetic if k.startswith(("report-", "views-"))]
    tail = [k for k in synthetic if not k.startswith(("report-", "views-"))]
    return head[:4] + shipped[:2] + head[4:] + shipped[2:] + tail


def _source(rng: random.Random, keys: list[str]) -> str:
    """A Zipf-like pick: the first sources are cited by most cases; reports and Views
    with a paragraph (or a page) half the time."""
    index = min(int(rng.paretovariate(1.1)) - 1, len(keys) - 1)
    key = keys[index]
    if key.startswith(("report-", "views-", "hrw-", "cfj-")) and rng.random() < 0.5:
        label = "para" if rng.random() < 0.7 else "p"
        return f"@{key}, {label} {rng.randint(1, 40)}"
    return f"@{key}"


def _facts(rng: random.Random, chosen: list[tuple[str, str]], start: date, step: int,
           title: str, last: str, city: str, pronoun: str, witness: str | None,
           keys: list[str]) -> list[dict]:
    facts = []
    for i, (event, _provision) in enumerate(chosen):
        when = start + timedelta(days=step * i)
        text = f"{title} {last} " + event.format(city=city, pronoun=pronoun) + "."
        text += " " + " ".join(rng.sample(DETAILS, rng.randint(1, 3)))
        if witness and i == 1:
            text += f" {witness}, who was present, confirmed this account."
        if rng.random() < 0.08:
            text += f"^[{rng.choice(REMARKS)}]"
        sources = [_source(rng, keys) for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.15:
            sources[0] = "see " + sources[0]
        facts.append({"id": f"f{i}", "date": when.isoformat(), "people": ["victim"],
                      "text": text, "sources": sources})
    return facts


def case(n: int, rng: random.Random, keys: list[str], facts: int | None = None) -> dict:
    """One case file (a dict for YAML) that passes `covenant check --kind communication`.

    `facts`: how many facts (default 5 to 7, as in a typical case); the facts cycle
    through the eight kinds of events, so a long case engages every provision."""
    first, last = FIRST[n % len(FIRST)], f"{LAST[(n * 7) % len(LAST)]}{n}"
    female = last.rstrip("0123456789").endswith("a")
    title, pronoun = ("Ms", "she") if female else ("Mr", "he")
    city = rng.choice(CITIES)
    ident = f"case-{n:03d}"
    people = [{"id": "victim", "name": f"{first} {last}", "roles": ["alleged-victim", "author"],
               "nationality": "Kazakhstan",
               "occupation": rng.choice(["blogger", "teacher", "civic activist", "journalist"])}]
    witness = None
    if n % 3 == 0:
        witness = f"{rng.choice(FIRST)} Witness{n}"
        people.append({"id": "witness", "name": witness, "roles": ["witness"],
                       "confidential": True})
    count = facts if facts is not None else rng.randint(5, 7)
    step = 40 if count <= 20 else max(1, 900 // count)
    start = date(2022, 1, 1) + timedelta(days=rng.randint(0, 200))
    if facts is None:
        order = rng.sample(range(len(EVENTS)), count)
        chosen = [EVENTS[i] for i in order]
    else:
        chosen = [EVENTS[i % len(EVENTS)] for i in range(count)]
    fact_list = _facts(rng, chosen, start, step, title, last, city, pronoun, witness, keys)
    by_provision: dict[str, list[str]] = {}
    for fact, (_event, provision) in zip(fact_list, chosen, strict=True):
        by_provision.setdefault(provision, []).append(fact["id"])
    judged = start + timedelta(days=step * count + 30)
    article, description = rng.choice(CHARGES)
    judgment = {"date": judged.isoformat(), "outcome": "convicted",
                "sentence": rng.choice(SENTENCES), "sources": [_source(rng, keys)]}
    if rng.random() < 0.6:
        judgment["bans"] = [{"description": rng.choice(BANS), "duration": "three years"}]
    proceeding = {"id": "criminal", "court": f"{city} District Court", "defendants": ["victim"],
                  "charges": [{"law": "Criminal Code", "article": article,
                               "description": description, "facts": ["f0"]}],
                  "judgment": judgment,
                  "appeals": [{"kind": "appeal", "court": f"{city} Regional Court",
                               "filed": (judged + timedelta(days=20)).isoformat(),
                               "decided": (judged + timedelta(days=60)).isoformat(),
                               "status": "decided", "outcome": "the sentence was upheld",
                               "sources": [_source(rng, keys)]}]}
    claims = []
    for provision in sorted(by_provision, key=PROVISIONS.index):
        ids = by_provision[provision]
        gc, paragraphs = AUTHORITIES[provision]
        para = rng.choice(paragraphs)
        argument = (f"The facts engage article {ARTICLES[provision]} "
                    f"[@{gc}, para {para}]. The State party gave no reason that the "
                    f"Covenant accepts [see @{rng.choice(keys[:6])}; @iccpr, "
                    f"art {ARTICLES[provision]}].")
        for _ in range(1, len(ids) // 12):  # a long case argues in several steps
            argument += (f" The same pattern recurs throughout the period "
                         f"[@{gc}, para {rng.choice(paragraphs)}].")
        claims.append({"id": "claim-" + re.sub(r"\W+", "-", provision).strip("-"),
                       "provision": provision, "facts": ids,
                       "argument": argument, "authorities": [f"@{gc}, para {para}"]})
    return {"case": {"id": ident, "title": f"{first} {last} v Kazakhstan", "state": "Kazakhstan",
                     "language": "en", "confidentiality": "public"},
            "people": people, "proceedings": [proceeding], "facts": fact_list,
            "claims": claims,
            "domestic_remedies": {"exhausted": True},
            "remedies_sought": ["Quash the conviction and expunge the criminal record.",
                                "Provide full reparation, including compensation."],
            "filing": {"date": FILING.isoformat(), "place": city, "signatory": "victim"}}


def briefing() -> dict:
    themes = [("expression", "Freedom of expression", "19"),
              ("association", "Freedom of association", "22"),
              ("assembly", "Freedom of peaceful assembly", "21"),
              ("fair-trial", "Unfair trials", "14"),
              ("bans", "Bans on civic and political activity", "25"),
              ("detention", "Arbitrary detention", "9")]
    return {
        "briefing": {"id": "scale", "title": "Key concerns and recommendations",
                     "state": "Kazakhstan", "date": "2026-11"},
        "dialogue": {"name": "EU–Kazakhstan Human Rights Dialogue", "round": 14,
                     "date": "2026-12-09", "place": "Brussels"},
        "organisations": [{"name": "Example Partnership", "short": "EP", "country": "Belgium"}],
        "introduction": "Prosecutions continue [@report-0, para 3].",
        "themes": [{"id": i, "heading": h, "provisions": [p],
                    "text": f"What we see under article {p} [@report-1].",
                    "recommendations": ["Stop the prosecutions;", "Release the prisoners."]}
                   for i, h, p in themes],
    }


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def empty_workspace(root: Path, seed: int = 7) -> tuple[Path, list[str]]:
    """A workspace with the shipped templates and citations plus the synthetic library;
    returns the root and the source keys facts cite (most cited first)."""
    rng = random.Random(seed)
    for folder in ("claims/briefings", "drafts"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "templates", root / "templates", dirs_exist_ok=True)
    shutil.copytree(REPO / "citations", root / "citations", dirs_exist_ok=True)
    items = library(rng)
    (root / "citations" / "synthetic.json").write_text(
        json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    return root, source_keys(items)


def workspace(root: Path, cases: int, seed: int = 7, with_briefing: bool = True) -> Path:
    """`cases` case files (claims/case-NNN.yaml) and, with_briefing, the briefing
    claims/briefings/scale.yaml over all of them; returns the briefing's path."""
    root, keys = empty_workspace(root, seed)
    rng = random.Random(seed + 1)
    for n in range(cases):
        (root / "claims" / f"case-{n:03d}.yaml").write_text(dump(case(n, rng, keys)),
                                                            encoding="utf-8")
    path = root / "claims" / "briefings" / "scale.yaml"
    if with_briefing:
        path.write_text(dump(briefing()), encoding="utf-8")
    return path


def count_footnotes(root: Path, path: Path, kind: str = "communication") -> int:
    """The footnotes of the draft of `path`, counted without formatting any citation."""
    from toolkit.kinds.registry import KINDS
    from toolkit.kinds.sections import KindEnv
    from toolkit.model.document import Document  # noqa: F401 - the kinds build Documents
    from toolkit.model.errors import Report
    from toolkit.passes import PassContext, notes, numbering, references
    from toolkit.readers.claims import load_case
    from toolkit.readers.library import Library

    report = Report()
    library = Library.from_folder(root / "citations", report)
    loaded = load_case(path, report, path.name)
    if loaded.case is None:
        raise ValueError(f"{path}: " + "; ".join(d.message for d in report.errors))
    env = KindEnv(root / "templates", library, today="22 November 2026", today_date=TODAY,
                  extra={"public": False})
    document = KINDS[kind].load()(loaded.case, env)
    context = PassContext(library, root, report, language=document.language)
    for module in (numbering, references, notes):
        module.run(document, context)
    return len(document.notes)


def case_with_footnotes(root: Path, footnotes: int, seed: int = 11,
                        kind: str = "communication") -> Path:
    """claims/long-<footnotes>.yaml: one case whose draft has exactly `footnotes` notes
    (more facts, each with its sources, until the count is reached; the extra notes of
    the last fact are then dropped)."""
    keys = source_keys(library(random.Random(7)))
    path = root / "claims" / f"long-{footnotes}.yaml"

    def make(facts: int) -> tuple[dict, int]:
        data = case(900 + footnotes, random.Random(seed), keys, facts=facts)
        data["case"]["id"] = f"long-{footnotes}"
        data["case"]["title"] = data["case"]["title"].replace(" v ", f" ({footnotes}) v ")
        path.write_text(dump(data), encoding="utf-8")
        return data, count_footnotes(root, path, kind)

    # The first k facts are the same whatever the count, so the count of notes grows
    # with the number of facts, by one or two (a fact with a remark of our own).
    facts = max(1, footnotes * 8 // 10)
    data, got = make(facts)
    while got > footnotes and facts > 1:
        facts = max(1, facts * footnotes // got - 2)
        data, got = make(facts)
    while got < footnotes:  # each fact adds one or two notes: half steps never overshoot far
        facts += max(1, (footnotes - got) // 2)
        data, got = make(facts)
    while got > footnotes + 1 and facts > 1:
        facts -= 1
        data, got = make(facts)
    if got == footnotes + 1:  # drop the last remark of our own
        fact = next(f for f in reversed(data["facts"]) if "^[" in f["text"])
        fact["text"] = fact["text"][:fact["text"].index("^[")]
        path.write_text(dump(data), encoding="utf-8")
        got = count_footnotes(root, path, kind)
    if got != footnotes:
        raise RuntimeError(f"could not make a case with exactly {footnotes} footnotes")
    return path
