"""What the communication and the fairness report both say of a claim: the standard
for each provision (templates/communication/standards.<language>.yaml), the General
Comment paragraphs a claim relies on with our summary of each, and, for a language other
than English, the provisions' short titles, the summaries and the State's name from
templates/communication/catalogue.<language>.yaml.

Each standards entry names its sources (the Covenant's article and, where one supports
the sentence, a General Comment paragraph), which the sentence cites. A General Comment
paragraph the standards data cites must be one the catalogue summarises
(toolkit/covenant/comments.py): `standards_problems` says which is not, and
`load_standards` refuses the file at that line, so a standard never cites a paragraph
nobody has read."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.covenant import Provision, ProvisionError, parse_provision, state_status
from toolkit.covenant.comments import GENERAL_COMMENTS
from toolkit.model.case import Claim
from toolkit.model.citation_syntax import CitationSyntaxError, find_citations, parse_group
from toolkit.model.errors import CovenantError, Report
from toolkit.readers.yamlsource import YamlProblem, locate, parse_yaml, read_text

if TYPE_CHECKING:  # the check imports this module without Jinja
    from toolkit.kinds.sections import KindEnv


@dataclass
class StandardPoint:
    """One paragraph of a General Comment the claim relies on, with our summary of it."""

    citation: str  # "@hrc-gc-32, para 33"
    comment: int
    paragraph: str
    summary: str



@dataclass
class ClaimView:
    claim: Claim
    provision: Provision
    points: list[StandardPoint]
    other_authorities: list[str]  # citations that are not General Comment paragraphs


def _gc_for_key(key: str) -> int | None:
    for number, comment in GENERAL_COMMENTS.items():
        if comment.citation_key and comment.citation_key == key.lower():
            return number
    return None


def _paragraphs(item) -> list[str]:
    """The paragraphs a citation item pinpoints ("paras 4–6, 9": 4, 6 and 9)."""
    return [p.strip() for p in (item.locator or "").replace("–", ",").split(",")]


def claim_view(claim: Claim) -> ClaimView:
    points, others = [], []
    for text in claim.authorities:
        for item in parse_group(text):
            number = _gc_for_key(item.key)
            summaries = [(p, GENERAL_COMMENTS[number].key_paragraphs.get(p))
                         for p in _paragraphs(item)] if number else []
            known = [(p, s) for p, s in summaries if s]
            if number and item.locator_label == "paragraph" and known:
                for para, summary in known:
                    points.append(StandardPoint(f"@{item.key}, para {para}", number, para,
                                                summary))
            else:
                others.append(str(item))
    return ClaimView(claim, parse_provision(claim.provision), points, others)


@dataclass(frozen=True)
class Standard:
    """One entry of the standards data: the sentence and the sources it cites."""

    text: str
    sources: tuple[str, ...] = ()

    @property
    def sentence(self) -> str:
        """The sentence with its sources cited before the closing full stop."""
        if not self.sources:
            return self.text
        body = self.text.rstrip()
        stop = body[-1] if body[-1:] in ".!?" else ""
        return f"{body[:len(body) - len(stop)]} [{'; '.join(self.sources)}]{stop or '.'}"


def _standard(value) -> Standard | str:
    """An entry as written: a sentence, or {text: ..., sources: [...]}; a str is the
    problem with it."""
    if isinstance(value, str):
        return Standard(value.strip())
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        return "write the entry as a sentence, or as 'text:' with a list 'sources:'"
    sources = value.get("sources") or []
    extra = sorted(set(map(str, value)) - {"text", "sources"})
    if extra or not isinstance(sources, list) or not all(isinstance(x, str) for x in sources):
        return ("an entry holds only 'text:' and 'sources:' (a list of citations such as "
                "'@iccpr, art 14(1)')")
    return Standard(value["text"].strip(), tuple(x.strip() for x in sources))


def standards_problems(data) -> list[tuple[tuple, str]]:
    """What is wrong with the standards data: (where in the file, message) for each
    provision that is not one, entry that is malformed, citation that does not parse, and
    General Comment paragraph that the catalogue does not summarise."""
    if data is None:
        return []
    if not isinstance(data, dict):
        return [((), "the file must map each provision to its sentence")]
    problems = []
    for provision, value in data.items():
        try:
            parse_provision(str(provision))
        except ProvisionError as exc:
            problems.append(((provision,), f"{provision!r}: {exc}"))
        entry = _standard(value)
        if isinstance(entry, str):
            problems.append(((provision,), f"{provision}: {entry}"))
            continue
        for n, source in enumerate(entry.sources):
            problems += [((provision, "sources", n), f"{provision}: {message}")
                         for message in _source_problems(source)]
    return problems


def _source_problems(source: str) -> list[str]:
    try:
        items = parse_group(source)
    except CitationSyntaxError as exc:
        return [f"{source!r} is not a citation: {exc}"]
    problems = []
    for item in items:
        number = _gc_for_key(item.key)
        if number is None:
            continue
        comment = GENERAL_COMMENTS[number]
        if item.locator_label != "paragraph" or not item.locator:
            problems.append(f"'{source}' cites General Comment No {number} without a "
                            "paragraph; name the paragraph ('@{item.key}, para 21')")
            continue
        for para in (p.strip() for p in item.locator.replace("–", ",").split(",")):
            if para not in comment.key_paragraphs:
                problems.append(
                    f"'{source}' cites General Comment No {number}, para {para}, which the "
                    "catalogue does not summarise (toolkit/covenant/comments.py; summarised: "
                    f"paras {', '.join(comment.key_paragraphs) or 'none'}); cite a summarised "
                    "paragraph, or add its summary, read against the text, to the catalogue")
    return problems


def read_standards(path: Path, templates: Path, shown: str | None = None) -> dict[str, Standard]:
    """The standards data of one language, checked: any problem stops here, naming its
    line."""
    if not os.path.lexists(path):
        return {}
    shown = shown or str(path)
    try:
        data = parse_yaml(read_text(path, templates))
    except YamlProblem as problem:
        raise CovenantError(f"{shown}:{problem.mark.line}:{problem.mark.column}: "
                            f"{problem.message}") from None
    problems = standards_problems(data)
    if problems:
        report = Report()
        for where, message in problems:
            mark = locate(data, where, key=len(where) == 1)
            report.error(shown, mark.line, mark.column, message, "standards")
        raise CovenantError(f"{shown}: the standards data has errors", report)
    return {str(k): entry for k, v in (data or {}).items()
            if isinstance(entry := _standard(v), Standard)}


def load_standards(env: KindEnv, language: str) -> dict[str, str]:
    """templates/communication/standards.<language>.yaml: provision -> opening sentence,
    its sources cited."""
    relative = Path("communication") / f"standards.{language}.yaml"
    standards = read_standards(env.templates / relative, env.templates,
                               f"templates/{relative.as_posix()}")
    return {provision: entry.sentence for provision, entry in standards.items()}


def _template_data(path: Path, templates: Path):
    """The YAML data of a template file (a regular file inside `templates`), or None if
    there is none; a malformed file is an error naming its line."""
    if not os.path.lexists(path):
        return None
    try:
        return parse_yaml(read_text(path, templates))
    except YamlProblem as problem:
        raise CovenantError(f"{path}:{problem.mark.line}:{problem.mark.column}: "
                            f"{problem.message}") from None


# Russian references to a provision, by grammatical case: "пункт 3 b) статьи 14".
_RU_ARTICLE = {"nom": "статья", "gen": "статьи", "dat": "статье", "acc": "статью",
               "ins": "статьей", "pre": "статье"}
_RU_PARAGRAPH = {"nom": "пункт", "gen": "пункта", "dat": "пункту", "acc": "пункт",
                 "ins": "пунктом", "pre": "пункте"}


def _ru_ref(provision: Provision, case: str) -> str:
    nbsp = "\u00a0"
    if not provision.paragraph and not provision.subparagraph:
        return f"{_RU_ARTICLE[case]}{nbsp}{provision.article}"
    parts = [str(provision.paragraph)] if provision.paragraph else []
    parts += [f"{x})" for x in (provision.subparagraph, provision.item) if x]
    return (f"{_RU_PARAGRAPH[case]}{nbsp}{nbsp.join(parts)} "
            f"статьи{nbsp}{provision.article}")


def _letters(provision: Provision) -> str:
    return " ".join(f"{x})" for x in (provision.subparagraph, provision.item) if x)


def _fr_ref(provision: Provision, case: str) -> str:
    """'article 19 (par. 2)', 'article 14 (par. 3 b))', 'article 25 a)'."""
    nbsp = "\u00a0"
    head = f"article{nbsp}{provision.article}"
    if provision.paragraph:
        inner = f"par.{nbsp}{provision.paragraph}" + (f" {_letters(provision)}"
                                                     if provision.subparagraph else "")
        return f"{head} ({inner})"
    return f"{head} {_letters(provision)}" if provision.subparagraph else head


def _es_ref(provision: Provision, case: str) -> str:
    """'artículo 19, párrafo 2', 'artículo 14, párrafo 3 b)', 'artículo 25 a)'; case
    'mid' (followed by 'del Pacto') closes the apposition: 'artículo 19, párrafo 2,'."""
    nbsp = "\u00a0"
    head = f"artículo{nbsp}{provision.article}"
    if provision.paragraph:
        text = f"{head}, párrafo{nbsp}{provision.paragraph}" + (
            f" {_letters(provision)}" if provision.subparagraph else "")
        return text + ("," if case == "mid" else "")
    return f"{head} {_letters(provision)}" if provision.subparagraph else head


# How a provision is referred to in each language, as the Committee writes it.
_REFERENCES = {"ru": _ru_ref, "fr": _fr_ref, "es": _es_ref}


def provision_ref(provision: Provision, language: str = "en", case: str = "nom") -> str:
    """'article 14(3)(b)'; in Russian, as the Committee writes it, declined:
    'пункт 3 b) статьи 14' (case 'gen': 'пункта 3 b) статьи 14'), 'статья 21'; in
    French 'article 14 (par. 3 b))'; in Spanish 'artículo 14, párrafo 3 b)'. No-break
    spaces keep a line from ending inside the reference's parts."""
    if language not in _REFERENCES:
        return f"article {provision}"
    return _REFERENCES[language](provision, case)


def load_catalogue(env: KindEnv, language: str) -> dict:
    """templates/communication/catalogue.<language>.yaml: 'provisions' (provision -> short
    title), 'general_comments' (number -> paragraph -> summary), 'states' (ISO code ->
    name, genitive, source)."""
    if language == "en":
        return {}
    data = _template_data(env.templates / "communication" / f"catalogue.{language}.yaml",
                          env.templates)
    return data if isinstance(data, dict) else {}


def local_title(provision: Provision, catalogue: dict, language: str) -> str:
    """The provision's short title in the document's language ('' if the catalogue has
    none for it or for the provisions that enclose it)."""
    if language == "en":
        return provision.title
    titles = {str(k): str(v) for k, v in (catalogue.get("provisions") or {}).items()}
    for candidate in (provision, Provision(provision.article, provision.paragraph,
                                           provision.subparagraph),
                      Provision(provision.article, provision.paragraph),
                      Provision(provision.article)):
        if str(candidate) in titles:
            return titles[str(candidate)]
    return ""


def without_the_standards_own(view: ClaimView, sentence: str) -> ClaimView:
    """The claim's General Comment points less those the standard sentence already cites
    (the standard for article 19(1) cites General Comment 34, para 9: a claim relying on
    that paragraph would otherwise say the same thing twice, with two footnotes)."""
    cited = {(_gc_for_key(item.key), para) for match in find_citations(sentence)
             for item in match.items if item.locator_label == "paragraph"
             for para in _paragraphs(item)}
    view.points = [point for point in view.points
                   if (point.comment, point.paragraph) not in cited]
    return view


def local_points(view: ClaimView, catalogue: dict, language: str) -> ClaimView:
    """General Comment summaries in the document's language: the catalogue's, or none
    (the template then cites the paragraph without summarising it)."""
    if language == "en":
        return view
    comments = {str(k): {str(p): str(t) for p, t in (v or {}).items()}
                for k, v in (catalogue.get("general_comments") or {}).items()}
    for point in view.points:
        point.summary = comments.get(str(point.comment), {}).get(point.paragraph, "")
    return view


def local_state(state, catalogue: dict, language: str) -> dict | None:
    """The State's name (nominative, genitive, and with its article where the language
    gives one: French 'le Kazakhstan') and the source of its dates, in the document's
    language."""
    if state is None:
        return None
    english = {"name": state.name, "genitive": state.name, "article": state.name,
               "source": state.source, "declaration": "", "declaration_source": ""}
    if language == "en":
        return english
    local = (catalogue.get("states") or {}).get(state.iso) or {}
    named = str(local.get("name") or state.name_in(language))
    english.update(name=named, genitive=state.genitive.get(language) or named, article=named)
    return {key: str(local.get(key) or english[key]) for key in english}


def country_name(text, language: str, catalogue: dict | None = None) -> str:
    """A nationality or country as the case file gives it ('Kazakhstan', 'KZ'), named in
    the document's language: the language catalogue's name for the State, else the
    States catalogue's; text that names no State is kept as written."""
    if not text:
        return ""
    state = state_status(str(text))
    if state is None:
        return str(text)
    local = ((catalogue or {}).get("states") or {}).get(state.iso) or {}
    return str(local.get("name") or state.name_in(language))


def standard_sentence(provision: Provision, standards: dict[str, str], language: str,
                      title: str | None = None) -> str:
    """The sentence for this provision, or the nearest enclosing one, or one from its title."""
    candidates = [provision]
    if provision.subparagraph:
        candidates.append(Provision(provision.article, provision.paragraph))
    if provision.paragraph:
        candidates.append(Provision(provision.article))
    for candidate in candidates:
        if str(candidate) in standards:
            return standards[str(candidate)]
    title = title if title is not None else provision.title
    title = title[:1].lower() + title[1:]
    if language in _FALLBACKS:
        with_title, without = _FALLBACKS[language]
        ref = provision_ref(provision, language, "mid")
        ref = ref[:1].upper() + ref[1:] if language == "ru" else ref
        return with_title.format(ref=ref, title=title) if title else without.format(ref=ref)
    return f"Article {provision} of the Covenant concerns {title}."


# The sentence for a provision that standards.<language>.yaml does not list: with its
# short title, and without one.
_FALLBACKS = {
    "ru": ("{ref} Пакта касается следующего: {title}.",
           "{ref} Пакта имеет отношение к настоящему делу."),
    "fr": ("L’{ref} du Pacte porte sur la question suivante\u00a0: {title}.",
           "L’{ref} du Pacte intéresse la présente affaire."),
    "es": ("El {ref} del Pacto se refiere a la cuestión siguiente: {title}.",
           "El {ref} del Pacto guarda relación con el presente caso."),
}
