"""A language's citation rules that a CSL locale block cannot express, for the house style.

CSL chooses words by locale (the "ru" block of covenant-oscola.csl gives "п.", «Там же.»,
"сообщение №") but cannot choose structure by locale nor words by a variable's value. So,
for house styles only (an id beginning with `covenant-`), each language has rules here:

- `genres`: what a Committee decision is called before its date, by the entry's `genre`
  ("Views" -> "Views adopted"; in Russian "Соображения, принятые", the UN's Russian usage);
- `cross_reference`: whether a repeated citation refers to the note of the first one,
  "(n 12)" (OSCOLA). GOST R 7.0.5-2008 (section 8) repeats the author or short title
  and, for an authored work, "Указ. соч." instead: no note number;
- `name_delimiter`: several authors printed as one list with this delimiter (GOST lists
  authors with commas, with no conjunction: a Russian "и" between English names read
  "… Human Rights и Kazakhstan International Bureau …");
- without a cross-reference, a case is named in full in a repeated citation ("Narymbaev v
  Kazakhstan", not "Narymbaev");
- an entry in the document's language with an `original-title` (a law of Kazakhstan,
  its official Russian title) is cited by that title, its English translation set aside;
- `element_comma`, `ibid_comma`: the comma GOST and the UN's French and Spanish documents
  put between a bracketed element and the next ("(сообщение № 2129/2012), Соображения",
  "(note 32), par. 21") and after "Ibid." ("Ibid., par. 2");
- `un_doc`: the words before a UN document symbol ("UN Doc CCPR/C/GC/34", "документ ООН
  CCPR/C/GC/34"), put in by the toolkit only where `number` is a UN symbol;
- `year_word`: the locale's dates end with it ("25 октября 2018 г."); a year without its
  day and month is written alone, "(Human Rights Watch, 2021)", as GOST gives a year of
  publication;
- `pinpoint_labels`: the pinpoint labels that, after «Там же.» or a short form, open a new
  element of the reference and so take a full stop before and a capital ("Там же. П. 2.",
  GOST R 7.0.5-2008, examples of repeated references);
- `article`: how an article pinpoint "14(3)(b)" is written, as the UN's documents in the
  language write it: "art 14(3)(b)" (OSCOLA), "п. 3 b) ст. 14" (Russian: "пункт 3 b)
  статьи 14"), "art. 14, par. 3 b)" (French: "paragraphe 3 b) de l'article 14"),
  "art. 14, párr. 3 b)" (Spanish: "artículo 14, párrafo 3 b)").

Every style, not only the house style, cites an entry by its title in the document's
language where the entry gives one, in Juris-M's multilingual form of CSL-JSON
(`multi: {_keys: {title: {ru: ...}}}`; a name's `multi: {_key: {ru: {literal: ...}}}`):
the Committee's documents have official titles in each of its languages, and a Russian
note citing «General Comment No 34» in English reads as untranslated (`in_language`).

A language without rules here gets English's. KEEPS_ITS_STOP lists the abbreviations whose
full stop stays when a citation's closing stop is dropped before "; " (GOST's
"Указ. соч.; …")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LanguageRules:
    code: str  # the language, as an entry's `language` gives it ("ru", "ru-RU")
    genres: dict[str, str]  # lower-case genre -> words printed before the date
    cross_reference: bool = True
    name_delimiter: str | None = None
    pinpoint_labels: tuple[str, ...] = field(default_factory=tuple)
    year_word: str = ""  # after a full date only ("23 ноября 2021 г."; a year alone: "2021")
    # an article pinpoint: {a} article, {p} paragraph, {s} sub-paragraph letter
    article: tuple[str, str, str, str] = ("art {a}", "art {a}({p})", "art {a}({p})({s})",
                                          "art {a}({s})")
    un_doc: str = "UN Doc"  # before a UN document symbol, and before no other number
    # a comma closes a bracketed element before the next one: "(сообщение № 2129/2012),
    # Соображения …", "(note 32), par. 21" (GOST's and the UN's French and Spanish
    # punctuation; OSCOLA has none: "(n 32) para 21")
    element_comma: bool = False
    ibid_comma: bool = False  # "Ibid., par. 2" (French and Spanish), not "Ibid. par. 2"
    # the style's quotation marks in this language, and the inner ones that a title's own
    # quotes become inside them: “…was ‘deeply flawed’”, not “…was “deeply flawed””
    quotes: tuple[str, str, str, str] | None = None


RULES = {
    "en": LanguageRules("en", genres={
        "views": "Views adopted", "decision": "Decision adopted",
        "decision on admissibility": "Decision on admissibility adopted",
        "inadmissibility decision": "Decision adopted",
    }),
    "ru": LanguageRules(
        "ru",
        genres={
            "views": "Соображения, принятые", "decision": "Решение, принятое",
            "decision on admissibility": "Решение о приемлемости, принятое",
            "inadmissibility decision": "Решение, принятое",
        },
        cross_reference=False,
        name_delimiter=", ",
        pinpoint_labels=("пп.", "п.", "с.", "ст.", "гл.", "разд.", "т.", "прил.", "строка",
                         "строки", "правило", "правила"),
        year_word="г.",
        article=("ст. {a}", "п. {p} ст. {a}", "п. {p} {s}) ст. {a}", "п. {s}) ст. {a}"),
        un_doc="документ ООН", element_comma=True,
    ),
    # The words of the Committee's Views in French and Spanish before their date:
    # "Constatations adoptées par le Comité", "Dictamen aprobado por el Comité".
    "fr": LanguageRules("fr", genres={
        "views": "constatations adoptées le", "decision": "décision adoptée le",
        "decision on admissibility": "décision concernant la recevabilité adoptée le",
        "inadmissibility decision": "décision adoptée le",
    }, article=("art. {a}", "art. {a}, par. {p}", "art. {a}, par. {p} {s})", "art. {a} {s})"),
        un_doc="document", element_comma=True, ibid_comma=True),
    "es": LanguageRules("es", genres={
        "views": "dictamen aprobado el", "decision": "decisión adoptada el",
        "decision on admissibility": "decisión sobre la admisibilidad adoptada el",
        "inadmissibility decision": "decisión adoptada el",
    }, article=("art. {a}", "art. {a}, párr. {p}", "art. {a}, párr. {p} {s})",
                "art. {a} {s})"), un_doc="documento", element_comma=True, ibid_comma=True,
        quotes=("“", "”", "‘", "’")),
}


# A UN document symbol: a body's letters, then two or more parts after slashes
# ("CCPR/C/GC/34", "A/HRC/45/1", "E/CN.4/1998/53", "HRI/GEN/1/Rev.1 at 26", the first
# of joined communications' "CCPR/C/124/D/2257/2013, CCPR/C/124/D/2334/2014"). A docket
# number ("337033") or an NGO's report number ("RW-7") is none.
UN_SYMBOL = re.compile(r"^[A-Z]{1,8}(?:\.\d+)?(?:/[A-Za-z0-9.()\-]+){2,}(?=[\s,;]|$)")

KEEPS_ITS_STOP = ("Указ. соч.", "указ. соч.", "et al.", "Ibid.", "n.d.")


def rules_for(locale: str | None) -> LanguageRules:
    return RULES.get((locale or "en").split("-")[0].lower(), RULES["en"])


NAME_VARIABLES = ("author", "editor", "container-author", "collection-editor", "translator",
                  "recipient", "interviewer", "contributor")
_PROVISION = re.compile(r"(?P<a>\d+)(?:\((?P<p>\d+)\))?(?:\((?P<s>[a-z])\))?")


def article_pinpoint(locator: str, rules: LanguageRules) -> str | None:
    """ "14(3)(b)" -> "п. 3 b) ст. 14" (and each of "9(1), 14(3)"); None when the locator
    is not a list of provisions (a range "9-10": the caller prints it with its label)."""
    parts = [part.strip() for part in locator.split(",")]
    if len(parts) > 1 and (rules.code == "en" or all(p.isdigit() for p in parts)):
        return None  # "arts 9(1), 14(3)", "ст. 19, 25": the label once, in the plural
    written = []
    for part in parts:
        match = _PROVISION.fullmatch(part)
        if match is None:
            return None
        a, p, s = match["a"], match["p"], match["s"]
        form = rules.article[3] if s and not p else rules.article[bool(p) + bool(p and s)]
        written.append(form.format(a=a, p=p, s=s))
    return ", ".join(written)


def _language(code: object) -> str:
    return str(code or "").split("-")[0].split("_")[0].lower()


def in_language(item: dict, language: str | None) -> dict:
    """The entry with its fields and names in `language` where its Juris-M `multi` gives
    them; `multi` itself is never passed on (citeproc-py does not know it)."""
    if "multi" not in item and not any(isinstance(n, dict) and "multi" in n
                                       for v in NAME_VARIABLES
                                       for n in (item.get(v) or [])
                                       if isinstance(item.get(v), list)):
        return item
    code = _language(language or "en")
    adapted = {k: v for k, v in item.items() if k != "multi"}
    keys = (item.get("multi") or {}).get("_keys") if isinstance(item.get("multi"), dict) \
        else None
    for variable, versions in (keys or {}).items():
        if isinstance(versions, dict):
            for tag, value in versions.items():
                if _language(tag) == code and value is None:
                    adapted.pop(variable, None)  # the language's form has no such part
                elif _language(tag) == code:
                    adapted[variable] = value
                    if variable == "title" and code != "en":
                        # so no style title-cases it as English (an English version of a
                        # German title keeps the entry's own language: no title case)
                        adapted["language"] = code
    for variable in NAME_VARIABLES:
        names = item.get(variable)
        if isinstance(names, list):
            adapted[variable] = [_name_in(n, code) if isinstance(n, dict) else n
                                 for n in names]
    return adapted


def _name_in(name: dict, code: str) -> dict:
    versions = (name.get("multi") or {}).get("_key") if isinstance(name.get("multi"), dict) \
        else None
    plain = {k: v for k, v in name.items() if k != "multi"}
    for tag, version in (versions or {}).items():
        if _language(tag) == code and isinstance(version, dict):
            return dict(version)
    return plain


def _name_text(name: dict) -> str:
    if "literal" in name:
        return str(name["literal"])
    parts = [name.get("given"), name.get("non-dropping-particle") or
             name.get("dropping-particle"), name.get("family"), name.get("suffix")]
    return " ".join(str(p) for p in parts if p)


def adapt_item(item: dict, rules: LanguageRules, entry: dict | None = None) -> dict:
    """The entry as the house style should see it in this language (`item`: the library's
    `entry` in the document's language, `in_language`)."""
    adapted = dict(item)
    language = str(item.get("language", "")).split("-")[0].lower()
    if item.get("type") == "legal_case" and not rules.cross_reference:
        adapted.pop("title-short", None)  # without "(n 3)", "Narymbaev" alone says too little
    if item.get("original-title") and language == rules.code:
        adapted["title"] = adapted.pop("original-title")
        if entry is None or item.get("title-short") == entry.get("title-short"):
            adapted.pop("title-short", None)  # the English short title would not do
    number = item.get("number")
    if item.get("type") in ("legal_case", "report") and isinstance(number, str) and \
            UN_SYMBOL.match(number.strip()):
        # CSL cannot test a variable's text: the style prints `number` bare, and "UN Doc"
        # goes before a UN symbol only ("Dalain … 337033", not "UN Doc 337033")
        adapted["number"] = f"{rules.un_doc} {number.strip()}"
    genre = str(item.get("genre", "")).strip()
    if item.get("type") == "legal_case" and genre.lower() in rules.genres:
        adapted["genre"] = rules.genres[genre.lower()]
    if rules.name_delimiter:
        for variable in ("author", "editor"):
            names = item.get(variable)
            if isinstance(names, list) and len(names) > 1 and \
                    all(isinstance(n, dict) for n in names):
                adapted[variable] = [{"literal": rules.name_delimiter.join(
                    _name_text(n) for n in names)}]
    return adapted


def year_alone(html: str, rules: LanguageRules) -> str:
    """ "(Human Rights Watch, 2021 г.)" -> "(Human Rights Watch, 2021)"; a year after its
    month keeps the word ("23 ноября 2021 г.")."""
    if not rules.year_word:
        return html
    word = re.escape(rules.year_word)

    def keep_after_month(match: re.Match) -> str:
        before = html[:match.start()]
        return match.group(0) if re.search(r"[^\W\d_]{3,} $", before) else match["year"]

    return re.sub(r"(?P<year>\b\d{4}) " + word, keep_after_month, html)


# A bracket that closes an element (not a sub-paragraph's letter, "п. 3 b) ст. 14"), then
# the start of the next element: a document, a decision's words, a pinpoint, the Treaty
# Series. Nothing inside a title ("no 37 (2020) sur le droit …") is one of these.
_ELEMENT_END = re.compile(
    r"(?<! [a-z])(?<!\([a-z])\)(?= (?:документ|document|Соображени|Решени|constatations|"
    r"décision|dictamen|decisión|п\.|пп\.|ст\.|с\.|art\.|par\.|párrs?\.|págs?\.|p\.|"
    r"vol\.|Организация|Nations|Naciones|\d))")


def punctuate(html: str, rules: LanguageRules, last_locator: str | None = None) -> str:
    """The language's punctuation between a reference's elements: "(note 32) par. 21" ->
    "(note 32), par. 21"; "Ibid. par. 2" -> "Ibid., par. 2". `last_locator`: the pinpoint
    that ends a full citation, which OSCOLA puts after a closing bracket with a space
    alone, "(Human Rights Watch, 2021) para 7" (the style's comma stays after a document
    symbol or a date: "UN Doc CCPR/C/GC/34, para 46")."""
    if rules.element_comma:
        html = _ELEMENT_END.sub("),", html)
    elif last_locator:
        html = re.sub(r"\)((?:</[a-z]+>)*), ((?:[^\s<>,()]+ )?" + re.escape(last_locator)
                      + r")$", r")\1 \2", html)
    if rules.ibid_comma:
        html = re.sub(r"^((?:<[^>]+>)*Ibid\.)(?= [^;])", r"\1,", html)
    if rules.quotes:
        html = _nest_quotes(html, *rules.quotes)
    return html


def _nest_quotes(html: str, opening: str, closing: str, inner_open: str,
                 inner_close: str) -> str:
    """Quotation marks inside quotation marks of the same kind become the inner ones."""
    out, depth = [], 0
    for char in html:
        if char == opening:
            out.append(inner_open if depth else char)
            depth += 1
        elif char == closing and depth:
            depth -= 1
            out.append(inner_close if depth else char)
        else:
            out.append(char)
    return "".join(out)


def adapt_fragment(html: str, rules: LanguageRules) -> str:
    """A repeated citation's first pinpoint as a new element: "Там же. п. 2" ->
    "Там же. П. 2", "<i>Zhagiparov</i> п. 5" -> "<i>Zhagiparov</i>. П. 5"."""
    if not rules.pinpoint_labels:
        return html
    labels = "|".join(re.escape(label) for label in rules.pinpoint_labels)
    pattern = re.compile(r"(?P<before>[^\s>])(?P<tags>(?:</[a-z]+>)*) (?P<label>"
                         + labels + r")(?= )")

    def new_element(match: re.Match) -> str:
        stop = "" if match["before"] == "." else "."
        label = match["label"]
        return f"{match['before']}{match['tags']}{stop} {label[0].upper()}{label[1:]}"

    return pattern.sub(new_element, html, count=1)
