"""A case of concern, as a briefing tells it: a short narrative drawn from the case
file's facts and claims, and the case's row in the table of cases.

What goes in a narrative (the wording is the editors', in
templates/briefing/sections/partials/case.md.j2):

- the facts that the case's claims under the theme's provisions rely on, those that
  concern an alleged victim (context such as a court ban on a movement is the theme's
  own text), in date order, at most `narrative_facts` of them (the facts most claims rely
  on are kept); when no claim falls under the theme (a case listed by id), the facts of
  all its claims;
- a lead sentence with the charges and the sentence, unless a chosen fact already
  states the sentence (a fact that speaks of sentencing or conviction and names the
  sentence's first words, "four years ..."); with only the charges, and no judgment yet,
  the lead says what the person is charged with;
- the latest appeal, unless a chosen fact is dated at or after its decision;
- the theme's provisions the case's claims engage.

Each sentence carries its sources; a run of sentences with the same sources is cited
once, after its last sentence, so a case told from one report has one footnote.

In a briefing in Russian the phrases made here (charges, bans, provisions, the table's
status) are wording_ru.py's; facts are told as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from toolkit.covenant import parse_provision
from toolkit.kinds.briefing import wording_ru
from toolkit.kinds.briefing.selection import theme_claims, victims
from toolkit.kinds.russian import names_list
from toolkit.model.case import Appeal, CaseFile, Charge, Fact, Judgment, Proceeding
from toolkit.model.dates import FuzzyDate, format_date, format_when, parse_date

# How a fact may begin for its date to lead it ("On 7 July 2018, police arrested ..."):
# with one of these words or pairs of words, which then take a lower-case letter; with a
# title (Mr, Ms) or an acronym (DVK); or with a run of capitalised words (Human Rights
# Watch). Any other fact is told as written, without its date, rather than risk "On 14
# May 2021, the case rested on ..." or "On 30 November 2018, the sentence was later upheld".
LOWER_STARTS = frozenset(["police", "officers", "investigators", "prosecutors",
                          "according", "a court", "the court", "the police",
                          "the investigator", "the prosecutor", "the authorities",
                          "security officers"])
TITLES = frozenset(["mr", "ms", "mrs", "dr", "prof", "professor", "judge", "president"])
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _first_words(text: str) -> tuple[str, str, str]:
    """(first word, what follows it up to the next word, second word)"""
    first = _WORD.match(text)
    if not first:
        return "", "", ""
    second = _WORD.search(text, first.end())
    between = text[first.end():second.start()] if second else text[first.end():]
    return first.group(0), between, second.group(0) if second else ""


def date_lead(when: FuzzyDate) -> str | None:
    """'On 7 July 2018', 'In October 2019', 'In 2021'; None for a range or 'about'."""
    if when.approximate or when.precision == "range":
        return None
    return ("On " if when.precision == "day" else "In ") + format_date(when)


# The same in Russian: a fact that begins with a title (Г-н, Г-жа), an acronym or a name
# takes its date in front ("В августе 2020 г. г-н Жексебаев был арестован", "19 мая 2020 г.
# суд признал ..."), the title and these words in lower case.
RU_LOWER_STARTS = frozenset(["полиция", "сотрудники", "следователь", "следователи",
                             "прокурор", "прокуратура", "суд", "власти"])
RU_TITLES = frozenset(["г-н", "г-жа"])


def _with_russian_date(text: str, when: FuzzyDate) -> str:
    if when.approximate or when.precision == "range":
        return text
    word, between, second = _first_words(text)
    if not word or not text.startswith(word):
        return text
    lead = format_when(when, "ru")
    lead = lead[0].upper() + lead[1:]
    if word.casefold() in RU_TITLES or word.casefold() in RU_LOWER_STARTS:
        return f"{lead} {word[0].lower()}{text[1:]}"
    if (word.isupper() and len(word) > 1) or (between == " " and word[:1].isupper()
                                               and second[:1].isupper()):
        return f"{lead} {text}"
    return text


def with_date(text: str, when: FuzzyDate, language: str) -> str:
    """The fact's text led by its date where that reads well, else as written."""
    if language == "ru" and str(when.start.year) not in text:
        return _with_russian_date(text, when)
    lead = date_lead(when)
    if lead is None or language != "en" or str(when.start.year) in text:
        return text
    word, between, second = _first_words(text)
    if not word or not text.startswith(word):
        return text
    pair = f"{word} {second}".casefold() if between == " " else None
    capitalised_run = between == " " and second[:1].isupper() and word[:1].isupper()
    if (word.casefold() in LOWER_STARTS or pair in LOWER_STARTS
            or (word == "The" and capitalised_run)) and not word.isupper():
        return f"{lead}, {word[0].lower()}{text[1:]}"
    if word.rstrip(".").casefold() in TITLES or (word.isupper() and len(word) > 1) \
            or capitalised_run:
        return f"{lead}, {text}"
    return text


def _norm(text: str) -> str:
    return re.sub(r"['’]", "", " ".join(text.casefold().split()))


def states_sentence(text: str, sentence: str | None) -> bool:
    """Whether a fact's text already tells the sentence (see the module docstring)."""
    if not sentence:
        return False
    words = _norm(sentence).split()[:2]
    body = _norm(text)
    return bool(words) and " ".join(words) in body and \
        bool(re.search(r"sentenc|convict|приговор|осужд|виновн", body))


def _and(items: list[str]) -> str:
    return wording_ru.and_list(items, "and")


def charges_text(charges: list[Charge]) -> str:
    """'article 405 of the Criminal Code', 'articles 266 and 405 of the Criminal Code'."""
    by_law: dict[str, list[str]] = {}
    for charge in charges:
        by_law.setdefault(charge.law, [])
        if charge.article not in by_law[charge.law]:
            by_law[charge.law].append(charge.article)
    parts = []
    for law, articles in by_law.items():
        word = "articles" if len(articles) > 1 else "article"
        parts.append(f"{word} {_and(articles)} of the {law}")
    return _and(parts)


def offences_text(charges: list[Charge]) -> str:
    """'financing a criminal group and participating in ...'."""
    seen: list[str] = []
    for charge in charges:
        if charge.description not in seen:
            seen.append(charge.description)
    return _and(seen)


def when_phrase(value: str | None, language: str = "en") -> str:
    """' on 30 November 2018', ' in October 2019', ' in 2021', or '' for a range; in
    Russian ' 30 ноября 2018 г.', ' в октябре 2019 г.'."""
    if not value:
        return ""
    when = parse_date(value)
    if language == "ru":
        return "" if date_lead(when) is None else " " + format_when(when, "ru")
    lead = date_lead(when)
    return f" {lead[0].lower()}{lead[1:]}" if lead else ""


def _sources(items: list[str]) -> tuple[str, ...]:
    return tuple(" ".join(s.split()) for s in items)


@dataclass
class NarrativeFact:
    fact: Fact
    text: str  # Markdown, led by its date where that reads well
    cite: list[str] = field(default_factory=list)  # sources cited after it ([] = later)


@dataclass
class Narrative:
    """One case of concern in one theme; `markdown` is filled in by the kind."""

    case: CaseFile
    name: str
    occupation: str | None
    proceeding: Proceeding | None
    charges: str  # 'articles 266 and 405 of the Criminal Code'
    offences: str  # 'financing a criminal group and ...'
    lead: str | None  # "sentence" | "charges" | "identity" | "again" | None
    judgment: Judgment | None
    judgment_when: str  # ' on 30 November 2018'
    lead_cite: list[str]
    facts: list[NarrativeFact]
    appeal: Appeal | None
    appeal_cite: list[str]
    provisions: list[str]
    earlier: str | None = None  # the heading of the theme that told the case first
    markdown: str = ""
    language: str = "en"

    def name_in(self, case: str) -> str:
        """The victims' names in a Russian grammatical case ('gent': 'Асхата
        Жексебаева'); as written in English."""
        if self.language != "ru":
            return self.name
        return names_list([p.name for p in victims(self.case)], case)

    @property
    def occupation_article(self) -> str:
        """'a teacher', 'an activist' ('' without an occupation)."""
        return with_article(self.occupation or "")

    @property
    def bans(self) -> str:
        """'a ban on socio-political activity, including online (three years)'."""
        if self.judgment is None:
            return ""
        if self.language == "ru":
            return wording_ru.bans_text(self.judgment.bans)
        return _and([with_article(b.description) + (f" ({b.duration})" if b.duration else "")
                     for b in self.judgment.bans])

    @property
    def appeal_outcome(self) -> str:
        return (self.appeal.outcome or "").strip().rstrip(".") if self.appeal else ""

    @property
    def provisions_text(self) -> str:
        """'article 21', 'articles 19(2) and 22(1)'; in Russian in the instrumental
        ('пунктом 2 статьи 19 и пунктом 1 статьи 22')."""
        if self.language == "ru":
            return wording_ru.provisions_text(self.provisions)
        word = "articles" if len(self.provisions) > 1 else "article"
        return f"{word} {_and(self.provisions)}" if self.provisions else ""


def with_article(text: str) -> str:
    text = text.strip()
    if not text or re.match(r"(?i)(a|an|the)\s", text):
        return text
    vowel = text[:1].casefold() in "aeio" or (text[:1].casefold() == "u" and not
                                               re.match(r"(?i)u(ni|s[aeu]|r[aeio])", text))
    return ("an " if vowel else "a ") + text


def main_proceeding(case: CaseFile) -> Proceeding | None:
    """The proceeding against a victim that came latest to judgment, else the first."""
    ids = {p.id for p in victims(case)}
    mine = [p for p in case.proceedings if not p.defendants or ids & set(p.defendants)]
    judged = [p for p in mine if p.judgment]
    # a criminal conviction before any later administrative detention: the paper's
    # reader asks what the person was convicted of
    judged = [p for p in judged if p.kind == "criminal"] or judged
    if judged:
        return max(judged, key=lambda p: parse_date(p.judgment.date).sort_key())
    return mine[0] if mine else None


def choose_facts(case: CaseFile, provisions: list[str], limit: int,
                 told: set[str] = frozenset()) -> tuple[list[Fact], list]:
    """(the facts a narrative tells, in date order, none of `told`; the claims they come
    from)"""
    claims = theme_claims(case, provisions) if provisions else []
    if not claims:
        claims = list(case.claims)
    weight = Counter(f for c in claims for f in c.facts)
    victim_ids = {p.id for p in victims(case)}
    facts = [f for f in case.facts if f.id not in told]
    pool = [f for f in facts if f.id in weight and victim_ids & set(f.people)]
    if not pool and not told:
        pool = [f for f in facts if f.id in weight]
    if not pool and not case.claims and not told:
        pool = [f for f in facts if victim_ids & set(f.people)]
    order = {f.id: i for i, f in enumerate(case.facts)}
    kept = sorted(pool, key=lambda f: (-weight.get(f.id, 0), order[f.id]))[:limit]
    kept.sort(key=lambda f: (parse_date(f.date).sort_key(), order[f.id]))
    return kept, claims


def _latest_appeal(proceeding: Proceeding | None) -> Appeal | None:
    if proceeding is None or not proceeding.appeals:
        return None
    return proceeding.appeals[-1]


def _appeal_told(appeal: Appeal, facts: list[Fact]) -> bool:
    when = appeal.decided or appeal.filed
    if when is None:
        return any("appeal" in f.text.casefold() for f in facts)
    start = parse_date(when).start
    return any(parse_date(f.date).start >= start for f in facts)


def plan_narrative(case: CaseFile, provisions: list[str], limit: int,
                   language: str = "en", told: set[str] | None = None,
                   earlier: str | None = None) -> Narrative:
    """The narrative of `case` in a theme covering `provisions`.

    `told`: ids of facts an earlier theme of the paper has told already (left out here);
    `earlier`: that theme's heading. A case met again is not introduced again: the
    narrative points to the earlier section and tells only what is new."""
    people = victims(case)
    joined = wording_ru.and_list if language == "ru" else _and
    name = joined([p.name for p in people])
    occupation = people[0].occupation if len(people) == 1 else None
    proceeding = main_proceeding(case)
    judgment = proceeding.judgment if proceeding else None
    charges = proceeding.charges if proceeding else []
    facts, claims = choose_facts(case, provisions, limit, told or set())

    # what the judgment imposed: its sentence, or a ban where it imposed only that
    imposed = (judgment.sentence or (judgment.bans[0].description if judgment.bans
                                      else None)) if judgment is not None else None
    stated = imposed is not None and any(states_sentence(f.text, imposed) for f in facts)
    if earlier:
        lead = "again"
    elif imposed is not None and not stated:
        lead = "sentence"  # a ban alone is the sentence: "was sentenced ... to a ban on ..."
    elif charges and judgment is None:
        lead = "charges"
    elif occupation:
        lead = "identity"
    else:
        lead = None
    appeal = _latest_appeal(proceeding) if judgment is not None and not earlier else None
    if appeal is not None and _appeal_told(appeal, facts):
        appeal = None

    # Sentences in order with their sources; a run with the same sources is cited once.
    units: list[tuple[str, tuple[str, ...]]] = []
    if lead == "sentence":
        units.append(("lead", _sources(judgment.sources)))
    elif lead is not None:
        units.append(("lead", ()))
    units += [(f.id, _sources(f.sources)) for f in facts]
    if appeal is not None:
        units.append(("appeal", _sources(appeal.sources)))
    cites: dict[str, list[str]] = {}
    for index, (unit, sources) in enumerate(units):
        following = units[index + 1][1] if index + 1 < len(units) else None
        cites[unit] = [] if sources == following else list(sources)

    # A date leads a fact only where it changes: "On 14 May 2021, ..." once.
    told_facts, previous = [], None
    for fact in facts:
        text = " ".join(fact.text.split())
        if fact.date != previous:
            text = with_date(text, parse_date(fact.date), language)
        previous = fact.date
        told_facts.append(NarrativeFact(fact, text, cites[fact.id]))

    provisions_engaged = sorted({c.provision for c in claims},
                                key=lambda p: parse_provision(p).sort_key)
    return Narrative(
        case=case, name=name, occupation=occupation, proceeding=proceeding,
        charges=wording_ru.charges_text(charges) if language == "ru" else
        charges_text(charges),
        offences=(wording_ru.and_list if language == "ru" else _and)(
            list(dict.fromkeys(c.description for c in charges))),
        lead=lead, judgment=judgment,
        judgment_when=when_phrase(judgment.date, language) if judgment else "",
        lead_cite=cites.get("lead", []), facts=told_facts, appeal=appeal,
        appeal_cite=cites.get("appeal", []), provisions=provisions_engaged,
        earlier=earlier, language=language)


# ---------------------------------------------------------------- the table of cases


@dataclass
class CaseRow:
    case: CaseFile
    name: str
    charges: list[str]  # 'Criminal Code art 266: financing ...', 'art 405: ...'
    sentence: str  # 'four years' imprisonment; ban on ... (three years)'
    status: str
    provisions: list[str]

    @property
    def provisions_ru(self) -> list[str]:
        """The provisions as a Russian table abbreviates them ('п. 3 b) ст. 14')."""
        return [wording_ru.provision_short(p) for p in self.provisions]


@dataclass(frozen=True)
class StatusWords:
    """The table's words for where a case stands, in one language."""

    none: str
    charged: str
    convicted: tuple[tuple[str, ...], str]  # outcome prefixes, the word for them
    acquitted: tuple[tuple[str, ...], str]
    year: str  # a year alone, "{}"
    language: str
    step: Callable[[str], str]  # a remedy's kind
    decided: Callable[[str, str | None], str]  # (step, outcome)
    unknown: Callable[[str], str]
    other: Callable[[str, str], str]  # (step, status)


STATUS_WORDS = {
    "en": StatusWords(
        "No proceedings recorded", "Charged; no judgment recorded",
        (("convicted",), "Convicted"), (("acquitted",), "Acquitted"), "{}", "en",
        step=lambda kind: kind.replace("-", " "),
        decided=lambda step, outcome: f"{step} decided" + (f": {outcome}" if outcome else ""),
        unknown=lambda step: f"{step}: not known whether lodged or how it ended",
        other=lambda step, status: f"{step} {status}"),
    "ru": StatusWords(
        "Сведения о разбирательстве отсутствуют",
        "Предъявлено обвинение; приговор не зафиксирован",
        (("осужд", "признан виновн"), "Обвинительный приговор"),
        (("оправдан",), "Оправдательный приговор"), "{}\u00a0г.", "ru",
        step=lambda kind: wording_ru.STEPS.get(kind, kind), decided=wording_ru.decided,
        unknown=wording_ru.unknown, other=wording_ru.other),
}


def _status(proceeding: Proceeding | None, words: StatusWords = STATUS_WORDS["en"]) -> str:
    """'Convicted (30 November 2018); appeal decided: upheld', «Обвинительный приговор
    (23 ноября 2021 г.); апелляция: …»."""
    if proceeding is None:
        return words.none
    judgment = proceeding.judgment
    if judgment is None:
        return words.charged
    outcome = judgment.outcome.strip()
    lowered = outcome.casefold()
    word = next((w for prefixes, w in (words.convicted, words.acquitted)
                 if lowered.startswith(prefixes)), outcome[:1].upper() + outcome[1:])
    when = parse_date(judgment.date)
    if when.precision != "range":
        word += f" ({format_date(when, words.language)})"
    elif when.start.year == when.end.year:
        word += f" ({words.year.format(when.start.year)})"
    appeal = proceeding.appeals[-1] if proceeding.appeals else None
    if appeal is None:
        return word
    step = words.step(appeal.kind)
    if appeal.status == "decided":
        return f"{word}; {words.decided(step, appeal.outcome)}"
    if appeal.status == "unknown":
        return f"{word}; {words.unknown(step)}"
    return f"{word}; {words.other(step, appeal.status)}"


def case_row(case: CaseFile, language: str = "en") -> CaseRow:
    proceeding = main_proceeding(case)
    russian = language == "ru"
    charges, law = [], None
    for charge in proceeding.charges if proceeding and not russian else []:
        named = "" if charge.law == law else f"{charge.law} "
        charges.append(f"{named}art {charge.article}: {charge.description}")
        law = charge.law
    if russian and proceeding:
        charges = wording_ru.charge_cells(proceeding.charges)
    parts = []
    judgment = proceeding.judgment if proceeding else None
    if judgment and judgment.sentence:
        parts.append(judgment.sentence)
    for ban in judgment.bans if judgment else []:
        parts.append(wording_ru.bans_text([ban]) if russian else
                     ban.description + (f" ({ban.duration})" if ban.duration else ""))
    provisions = sorted({c.provision for c in case.claims},
                        key=lambda p: parse_provision(p).sort_key)
    names = [p.name for p in victims(case)]
    return CaseRow(case, wording_ru.and_list(names) if russian else _and(names), charges,
                   "; ".join(parts) or "—",
                   _status(proceeding, STATUS_WORDS["ru" if russian else "en"]),
                   provisions)
