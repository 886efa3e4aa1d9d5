"""The EU dialogue briefing paper: one Document from a briefing file and the cases it
draws on, so that footnotes run through the whole paper and a source cited by many
cases is formatted once (the citation pass sees one document).

Sections (templates/briefing/sections/): the introduction, one section per theme with
its cases of concern and recommendations, then the table of cases. Each case of concern
is rendered from partials/case.md.j2 with a narrative planned from the case file
(toolkit.kinds.briefing.narrative). Unlike a case kind, this one takes
(briefing, cases, env, progress) — see `Kind.inputs`.

Written in the briefing file's language (`briefing.language`; English by default): the
templates of sections/<language>/ and the words of PAPER_WORDS. A briefing in another
language than English draws only on case files in its language (the check refuses a
case listed by id in another one; docs/briefing.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from jinja2 import TemplateError

from toolkit.covenant import state_status
from toolkit.kinds.briefing import wording_ru
from toolkit.kinds.briefing.model import BriefingFile, Theme
from toolkit.kinds.briefing.narrative import Narrative, case_row, plan_narrative, when_phrase
from toolkit.kinds.briefing.selection import ThemeSelection, cases_in, select_all
from toolkit.kinds.russian import count
from toolkit.kinds.sections import KindEnv
from toolkit.kinds.standards import country_name
from toolkit.model.case import CaseFile
from toolkit.model.dates import format_date, parse_date
from toolkit.model.document import Document, Table, walk_blocks
from toolkit.model.errors import CovenantError
from toolkit.model.i18n import word

# The words of the paper outside its templates, by language: the subtitle ({round}: the
# round's words, {name}, {where}, {date}), "Prepared by", the markings, and the default
# line before the recommendations ({state}: the State's name; in Russian, its genitive).
PAPER_WORDS = {
    "en": {"subtitle": "Briefing paper for {round}the {name}{where}, {date}",
           "round": "the {n} round of ", "prepared": "Prepared by ",
           "illustrative": "Illustrative example", "public": "Public",
           "recommendations_to": "The authorities of {state} should:"},
    "ru": {"subtitle": "Информационная записка: {name}{round}{where}, {date}",
           "round": ", {n}-й раунд", "prepared": "Подготовили: ",
           "illustrative": "Условный пример", "public": "Общедоступно",
           "recommendations_to": "Рекомендации властям {state}:"},
}
DEFAULT_LEAD_IN = BriefingFile.model_fields["recommendations_to"].default

KIND = "briefing"
PARTIAL = "partials/case.md.j2"
# Name, charges, sentence and bans, status, articles: the table of cases (in cm of 16).
CASE_TABLE_WIDTHS = (2.9, 3.8, 3.3, 3.3, 2.7)

# progress(items, total, label) -> the same items, reported as they are consumed
Progress = Callable[[Iterable, int, str], Iterable]


@dataclass
class ThemeView:
    theme: Theme
    narratives: list[Narrative] = field(default_factory=list)
    recommendations_to: str = ""
    recommendations: list[str] = field(default_factory=list)


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else \
        {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def punctuate(items: list[str]) -> list[str]:
    """Recommendations as the seed sets them: each ends with ';', the last with '.'."""
    out = []
    for index, item in enumerate(items):
        text = " ".join(item.split()).rstrip(" ;.,:")
        out.append(text + ("." if index == len(items) - 1 else ";"))
    return out


def sentence_case(heading: str) -> str:
    """'Freedom of expression' -> 'freedom of expression' (an acronym keeps its case)."""
    if len(heading) > 1 and heading[1].isupper():
        return heading
    return heading[:1].lower() + heading[1:]


def _and(items: list[str], separator: str = ", ") -> str:
    """'a and b', 'a, b and c'; with separator '; ': 'a; b; and c' (items holding 'and')."""
    if len(items) <= 2:
        return " and ".join(items)
    last = "; and " if separator == "; " else " and "
    return separator.join(items[:-1]) + last + items[-1]


NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight",
                "nine", "ten"]


def number_words(number: int) -> str:
    return NUMBER_WORDS[number] if number < len(NUMBER_WORDS) else str(number)


def _no_progress(items: Iterable, total: int, label: str) -> Iterable:
    return items


def plan(briefing: BriefingFile, cases: list[CaseFile]) -> list[ThemeSelection]:
    return select_all(briefing, cases)


def build_briefing(briefing: BriefingFile, cases: list[CaseFile], env: KindEnv,
                   progress: Progress | None = None) -> Document:
    info, dialogue = briefing.briefing, briefing.dialogue
    language = info.language
    if language not in PAPER_WORDS or language not in env.languages(KIND):
        env.render_sections(KIND, {}, language)  # the error naming the languages it has
    words = PAPER_WORDS[language]
    state = state_status(info.state)
    state_name = state.name_in(language) if state else info.state
    selections = plan(briefing, cases)
    views = [ThemeView(s.theme) for s in selections]
    lead_in = briefing.recommendations_to
    if lead_in == DEFAULT_LEAD_IN:
        lead_in = words["recommendations_to"]
    for view in views:
        view.recommendations_to = (view.theme.recommendations_to or lead_in).replace(
            "{state}", state.genitive_in(language) if state and language == "ru"
            else state_name)
        view.recommendations = punctuate(view.theme.recommendations)

    # The per-case work: plan each case's narrative for every theme it appears in and
    # render it from the editors' partial template.
    folder = env.templates / KIND / "sections"
    folder = folder / language if language != "en" else folder
    jinja = env.environment(KIND, language, folder)
    try:
        partial = jinja.get_template(PARTIAL)
    except TemplateError as exc:
        raise CovenantError(f"{folder / PARTIAL}: {exc}") from None
    appearances: dict[str, list[tuple[ThemeView, int]]] = {}
    for view, selection in zip(views, selections, strict=True):
        for case in selection.cases:
            appearances.setdefault(case.case.id, []).append((view, len(view.narratives)))
            view.narratives.append(None)  # filled below, in the theme's order
    included = cases_in(selections)
    report = progress or _no_progress
    for case in report(included, len(included), "cases of concern"):
        told: set[str] = set()
        earlier: str | None = None
        for view, slot in appearances[case.case.id]:
            narrative = plan_narrative(case, view.theme.provisions,
                                       briefing.narrative_facts, info.language,
                                       told, earlier)
            told |= {f.fact.id for f in narrative.facts}
            earlier = earlier or view.theme.heading
            try:
                narrative.markdown = partial.render(n=narrative).strip()
            except TemplateError as exc:
                line = getattr(exc, "lineno", None) or 1
                raise CovenantError(f"{folder / PARTIAL}:{line}: "
                                    f"template error: {exc}") from None
            view.narratives[slot] = narrative

    briefing_date = parse_date(info.date)
    dialogue_date = parse_date(dialogue.date)
    headings = [sentence_case(v.theme.heading) for v in views]
    organisations = [o.short or o.name for o in briefing.organisations]
    russian = language == "ru"
    joined = wording_ru.and_list if russian else _and
    round_text = words["round"].format(n=dialogue.round if russian else
                                       ordinal(dialogue.round)) if dialogue.round else ""
    online = (dialogue.place or "").casefold() in ("online", "онлайн")
    where = ("онлайн" if russian else "online") if online else dialogue.place or ""
    context = {
        "briefing": briefing, "info": info, "dialogue": dialogue,
        "organisations": briefing.organisations,
        "dialogue_round": ordinal(dialogue.round) if dialogue.round else "",
        "dialogue_ahead": briefing_date.end < dialogue_date.start,
        # ' on 9 March 2023', ' in March 2027', ' in 2027': a month or a year takes 'in'.
        "dialogue_when": when_phrase(dialogue.date) or f" on {format_date(dialogue_date)}",
        "dialogue_date": format_date(dialogue_date, language),
        "themes": views,
        "theme_subjects": _and(headings, "; " if any(" and " in h for h in headings)
                               else ", ") if not russian else
        ("; " if any(" и " in h for h in headings) else ", ").join(headings[:-1])
        + (" и " if len(headings) > 1 else "") + headings[-1],
        "case_count": len(included), "case_count_words": number_words(len(included)),
        "rows": [case_row(c, language) for c in included],
        "state": state_name if russian else info.state,
        "count": count,
        "country": lambda text: country_name(text, language),
    }
    blocks = env.render_sections(KIND, context, info.language)
    for table in (b for b in walk_blocks(blocks) if isinstance(b, Table)):
        if not table.widths and len(table.header) == len(CASE_TABLE_WIDTHS):
            table.widths = list(CASE_TABLE_WIDTHS)
    subtitle = words["subtitle"].format(round=round_text, name=dialogue.name,
                                        where=f", {where}" if where else "",
                                        date=format_date(dialogue_date, language))
    # The frames' footer ("page N of M") in the paper's language; English by default.
    labels = {} if language == "en" else {"page_label": word(language, "page"),
                                          "of_label": word(language, "of")}
    return Document(
        kind=KIND, title=info.title, blocks=blocks, language=language,
        subject=subtitle, author=joined(organisations), case_id=info.id,
        cover={"title": info.title, "subtitle": subtitle,
               "case_title": words["prepared"] + joined([o.name for o in
                                                         briefing.organisations]),
               "date": format_date(briefing_date, language),
               "confidentiality": words["illustrative"] if info.illustrative
               else words["public"], **labels},
    )
