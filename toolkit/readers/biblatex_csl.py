"""One BibTeX or BibLaTeX entry to a CSL item, mapped as pandoc maps it
(pandoc's Text/Pandoc/Citeproc/BibTeX.hs), which is also how Better BibTeX means its
exports to be read.

- Types: `TYPES` (with `entrysubtype` for magazines and newspapers); a type not listed is
  "document" and reported.
- Titles: `title` + `subtitle` + `titleaddon` ("Title: Subtitle. Addon"), English titles
  from Title Case to sentence case with braced words kept (latex_text.sentence_case);
  `booktitle`/`maintitle` become the container of chapters; journal titles keep their
  case.
- `number`: the `issue` of an article (with `issue`: "3, 4"), the `collection-number` of a
  book in a series, otherwise CSL's `number` (report, case, statute, patent).
- `institution`, `school`, `organization`, `publisher` and `howpublished`: the publisher,
  joined with "; ".
- Dates: `date`, `eventdate`, `origdate`, `urldate` (EDTF, toolkit/readers/csl_dates.py),
  or `year`/`month`/`day`.
- Languages: `langid` (or `hyphenation`, `language`) to a language tag.
Every field this module does not use is returned, so the reader can report it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit.readers.bibtex_names import parse_names
from toolkit.readers.csl_dates import old_date, parse_edtf
from toolkit.readers.latex_text import Segment, plain, segments, sentence_case, to_csl

TYPES = {
    "article": "article-journal", "periodical": "article-journal",
    "suppperiodical": "article-journal", "book": "book", "mvbook": "book",
    "bookinbook": "book", "collection": "book", "mvcollection": "book",
    "proceedings": "book", "mvproceedings": "book", "reference": "book",
    "mvreference": "book", "manual": "book", "booklet": "pamphlet", "inbook": "chapter",
    "incollection": "chapter", "suppbook": "chapter", "suppcollection": "chapter",
    "inproceedings": "paper-conference", "conference": "paper-conference",
    "inreference": "entry-encyclopedia", "thesis": "thesis", "mastersthesis": "thesis",
    "phdthesis": "thesis", "report": "report", "techreport": "report", "patent": "patent",
    "online": "webpage", "www": "webpage", "electronic": "webpage", "dataset": "dataset",
    "data": "dataset", "software": "software", "unpublished": "manuscript", "misc": "document",
    "jurisdiction": "legal_case", "legislation": "legislation", "legal": "treaty",
    "standard": "standard", "letter": "personal_communication",
    "letters": "personal_communication", "artwork": "graphic", "image": "graphic",
    "audio": "song", "music": "song", "movie": "motion_picture", "video": "motion_picture",
    "performance": "speech", "review": "review", "commentary": "book",
    "newsarticle": "article-newspaper",
}
SUBTYPES = {"magazine": "article-magazine", "newspaper": "article-newspaper"}
ARTICLE_LIKE = {"article", "periodical", "suppperiodical", "review"}
BOOK_LIKE = {"book", "collection", "proceedings", "reference", "mvbook", "mvcollection",
             "mvproceedings", "mvreference", "bookinbook", "inbook", "incollection",
             "inproceedings", "inreference", "suppbook", "suppcollection"}
CHAPTER_LIKE = {"inbook", "incollection", "inproceedings", "inreference", "bookinbook"}
# BibLaTeX's localisation keys as they appear in `type` (English forms).
GENRES = {
    "mathesis": "Master’s thesis", "phdthesis": "PhD thesis",
    "candthesis": "Candidate thesis", "techreport": "technical report",
    "resreport": "research report", "software": "computer software", "datacd": "CD-ROM",
    "audiocd": "audio CD", "patent": "patent", "patentus": "U.S. patent",
    "patentde": "German patent", "patenteu": "European patent", "patentfr": "French patent",
    "patentuk": "British patent", "patentjp": "Japanese patent",
}
# BibLaTeX location keys of a patent (`location = {countryde}`).
COUNTRIES = {"countryde": "Germany", "countryeu": "European Union", "countryep":
             "European Union", "countryfr": "France", "countryuk": "United Kingdom",
             "countryus": "United States of America", "countryjp": "Japan"}
LANGUAGES = {
    "english": "en-US", "american": "en-US", "usenglish": "en-US", "british": "en-GB",
    "ukenglish": "en-GB", "australian": "en-AU", "newzealand": "en-NZ", "canadian": "en-CA",
    "german": "de-DE", "ngerman": "de-DE", "austrian": "de-AT", "naustrian": "de-AT",
    "swissgerman": "de-CH", "nswissgerman": "de-CH", "french": "fr-FR", "russian": "ru-RU",
    "spanish": "es-ES", "italian": "it-IT", "dutch": "nl-NL", "portuguese": "pt-PT",
    "brazilian": "pt-BR", "polish": "pl-PL", "swedish": "sv-SE", "danish": "da-DK",
    "norwegian": "nb-NO", "finnish": "fi-FI", "czech": "cs-CZ", "greek": "el-GR",
    "turkish": "tr-TR", "ukrainian": "uk-UA", "kazakh": "kk-KZ", "japanese": "ja-JP",
    "chinese": "zh-CN", "chinese-simplified": "zh-CN", "chinese-traditional": "zh-TW",
    "arabic": "ar", "hebrew": "he-IL", "hungarian": "hu-HU",
    "latin": "la", "catalan": "ca-ES", "croatian": "hr-HR", "romanian": "ro-RO",
}
ENGLISH_VARIANTS = {"british": "en-GB", "uk": "en-GB", "american": "en-US",
                    "us": "en-US", "usmax": "en-US", "australian": "en-AU",
                    "newzealand": "en-NZ"}
# Fields carried straight over: BibLaTeX name -> CSL variable (plain text).
DIRECT = {
    "pagetotal": "number-of-pages", "volumes": "number-of-volumes",
    "chapter": "chapter-number", "edition": "edition", "version": "version",
    "origpublisher": "original-publisher", "venue": "event-place",
    "origlocation": "original-publisher-place", "pubstate": "status",
    "jurisdiction": "jurisdiction",
    "annotation": "annote", "annote": "annote",
}
RAW = {"doi": "DOI", "isbn": "ISBN", "issn": "ISSN", "pmid": "PMID", "pmcid": "PMCID",
       "library": "call-number"}
NAMES = {"author": "author", "translator": "translator", "bookauthor": "container-author",
         "director": "director"}
DATES = {"date": "issued", "eventdate": "event-date", "origdate": "original-date",
         "urldate": "accessed"}
# Read as part of another field (consumed by the code below, never reported).
CONSUMED = {"entrysubtype", "options", "langidopts", "subtitle", "titleaddon", "issue",
            "month", "day", "year", "endyear", "endmonth", "endday", "eprint",
            "eprinttype", "archiveprefix", "eprintclass", "primaryclass", "editortype",
            "crossref", "xdata", "ids", "part", "booksubtitle", "booktitleaddon",
            "mainsubtitle", "maintitleaddon", "journalsubtitle", "issuesubtitle", "addendum",
            "eventyear", "origyear", "urlyear", "hyphenation", "language", "langid"}
EPRINT_URLS = {"arxiv": "https://arxiv.org/abs/", "jstor": "https://www.jstor.org/stable/",
               "pubmed": "https://www.ncbi.nlm.nih.gov/pubmed/",
               "googlebooks": "https://books.google.com?id="}


@dataclass
class Mapped:
    item: dict
    unused: list[str] = field(default_factory=list)  # fields this mapping does not use
    problems: list[tuple[str, str]] = field(default_factory=list)  # (field, message)


def entry_to_csl(key: str, entry_type: str, fields: dict[str, str]) -> Mapped:
    entry_type = entry_type.lower()
    out = Mapped({"id": key})
    item = out.item
    used = set(CONSUMED)
    options = _options(fields.get("options", ""))
    subtype = plain(fields.get("entrysubtype", "")).lower()
    kind = TYPES.get(entry_type)
    if kind is None:
        out.problems.append(("@" + entry_type, f"entry type @{entry_type} has no CSL "
                             "equivalent; it is read as 'document'"))
        kind = "document"
    if entry_type in ARTICLE_LIKE | {"periodical"} and subtype in SUBTYPES:
        kind = SUBTYPES[subtype]
    if entry_type == "unpublished" and ({"eventdate", "eventtitle", "venue"} & set(fields)):
        kind = "speech"
    item["type"] = kind
    language = _language(fields)
    if language:
        item["language"] = language
    # As pandoc: the case of a title follows `langid` (or `hyphenation`), never the
    # `language` list; one named but not known ("klingon") is not English either.
    named = plain(fields.get("langid") or fields.get("hyphenation") or "")
    case_language = _language({"langid": named}) if named else None
    english = case_language.startswith("en") if case_language else not named

    def title(name: str, case: bool = True) -> list[Segment] | None:
        if name not in fields:
            return None
        used.add(name)
        parts = segments(fields[name])
        return sentence_case(parts) if case and english else parts

    _titles(entry_type, fields, title, item)
    genre = fields.get("type")
    used.add("type")
    if genre:
        item["genre"] = GENRES.get(plain(genre).lower(), plain(genre))
    elif entry_type in ("mastersthesis", "phdthesis"):
        item["genre"] = GENRES["mathesis" if entry_type == "mastersthesis" else "phdthesis"]
    for name, variable in NAMES.items():
        if fields.get(name):
            used.add(name)
            item[variable] = parse_names(fields[name], options.get("useprefix") == "true")
    if fields.get("editor"):
        used.add("editor")
        variable = "director" if plain(fields.get("editortype", "")) == "director" \
            else "editor"
        item[variable] = parse_names(fields["editor"], options.get("useprefix") == "true")
    _dates(fields, item, out, used)
    _numbers(entry_type, fields, item, used)
    _publisher(entry_type, fields, item, used)
    for name, variable in DIRECT.items():
        if fields.get(name):
            used.add(name)
            item[variable] = plain(fields[name])
    for name, variable in RAW.items():
        if fields.get(name) and not (name == "doi" and options.get("doi") == "false"):
            used.add(name)
            item[variable] = plain(fields[name])
    _url(entry_type, fields, options, item, used)
    notes = [plain(fields[f]) for f in ("note", "addendum") if fields.get(f)]
    used.add("note")
    if notes and entry_type != "periodical":
        item["note"] = ". ".join(notes)
    out.unused = sorted(name for name in fields if name not in used)
    return out


def _options(text: str) -> dict[str, str]:
    found = {}
    for part in plain(text).split(","):
        name, _, value = part.partition("=")
        if name.strip():
            found[name.strip().lower()] = value.strip().lower() or "true"
    return found


def _language(fields: dict[str, str]) -> str | None:
    name = plain(fields.get("langid") or fields.get("hyphenation") or
                 fields.get("language") or "").strip().lower()
    if not name:
        return None
    variant = re.sub(r"^variant\s*=\s*", "", plain(fields.get("langidopts", "")).lower())
    if name == "english" and variant in ENGLISH_VARIANTS:
        return ENGLISH_VARIANTS[variant]
    if name in LANGUAGES:
        return LANGUAGES[name]
    if re.fullmatch(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*", name):
        head, *rest = name.split("-")
        return "-".join([head] + [r.upper() if len(r) == 2 else r for r in rest])
    return None


def _join(first: list[Segment] | None, second: list[Segment] | None,
          separator: str) -> list[Segment] | None:
    """pandoc's concatWith: "A: B", but "A? B" when A ends in punctuation."""
    if not first:
        return second or None
    if not second:
        return first
    text = "".join(s.text for s in first).rstrip()
    glue = " " if text[-1:] in "!?.,:;" else separator + " "
    return first + [Segment(glue)] + second


def _titles(entry_type: str, fields, title, item: dict) -> None:
    main = "maintitle" in fields
    chapter_like = entry_type in CHAPTER_LIKE
    periodical = entry_type == "periodical"
    if periodical and "issuetitle" in fields:
        own = _join(title("issuetitle"), title("issuesubtitle"), ":")
    elif main and not chapter_like:
        own = _join(_join(title("maintitle"), title("mainsubtitle"), ":"),
                    title("maintitleaddon"), ".")
        item_volume = _join(_join(title("title"), title("subtitle"), ":"),
                            title("titleaddon"), ".")
        if item_volume:
            item["volume-title"] = to_csl(item_volume)
    else:
        own = _join(_join(title("title"), title("subtitle"), ":"), title("titleaddon"), ".")
    if own:
        item["title"] = to_csl(own)
    container = None
    if periodical:
        container = _join(title("title", case=False), title("subtitle", case=False), ":")
    elif chapter_like and ("maintitle" in fields or "booktitle" in fields):
        name = "maintitle" if "maintitle" in fields else "booktitle"
        prefix = "main" if name == "maintitle" else "book"
        container = _join(_join(title(name), title(prefix + "subtitle"), ":"),
                          title(prefix + "titleaddon"), ".")
        if name == "maintitle" and "booktitle" in fields:
            item["volume-title"] = to_csl(title("booktitle"))
    elif "journaltitle" in fields or "journal" in fields:
        name = "journaltitle" if "journaltitle" in fields else "journal"
        container = _join(title(name, case=False), title("journalsubtitle", case=False), ":")
    elif "booktitle" in fields:
        container = title("booktitle")
    if container:
        item["container-title"] = to_csl(container)
    if "shortjournal" in fields:
        item["container-title-short"] = to_csl(title("shortjournal", case=False))
    if "series" in fields:
        series = title("series")
        text = to_csl(series)
        item["collection-title"] = f"{_ordinal(text)} series" if text.isdigit() else text
    for name, variable in (("eventtitle", "event"), ("origtitle", "original-title")):
        if name in fields:
            item[variable] = to_csl(title(name))
    if "shorttitle" in fields and (not main or chapter_like):
        item["title-short"] = to_csl(title("shorttitle"))
    elif own and not main and "title" in fields and ("subtitle" in fields or
                                                    "titleaddon" in fields):
        item["title-short"] = to_csl(title("title"))
    elif own and ":" in "".join(s.text for s in title("title") or []):
        short = to_csl(title("title")).split(":")[0].strip()
        if short:
            item["title-short"] = short


def _ordinal(number: str) -> str:
    n = int(number)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _dates(fields, item: dict, out: Mapped, used: set) -> None:
    for name, variable in DATES.items():
        prefix = name[:-4]  # "" for date, "event", "orig", "url"
        if fields.get(name):
            used.add(name)
            value = re.sub(r"[{}]", "", fields[name]).strip()  # raw: "~" is EDTF's circa
            date = parse_edtf(value)
            if date is None:
                out.problems.append((name, f"{name} {value!r} is not a date BibLaTeX "
                                     "knows (write e.g. 2021-11-23, 2021-11, 2010/2012)"))
                item[variable] = {"literal": value}
            else:
                item[variable] = date
        elif fields.get(prefix + "year"):
            date = old_date(plain(fields[prefix + "year"]),
                            plain(fields[prefix + "month"]) if fields.get(prefix + "month")
                            else None,
                            plain(fields[prefix + "day"]) if fields.get(prefix + "day")
                            else None)
            if date:
                item[variable] = date


def _numbers(entry_type: str, fields, item: dict, used: set) -> None:
    number = plain(fields["number"]) if fields.get("number") else None
    used.update({"number", "pages", "volume"})
    if number is not None:
        if entry_type in BOOK_LIKE:
            item["collection-number"] = number
        elif entry_type in ARTICLE_LIKE:
            issue = plain(fields["issue"]) if fields.get("issue") else None
            item["issue"] = f"{number}, {issue}" if issue else number
        else:
            item["number"] = number
    elif fields.get("issue"):  # pandoc drops an issue outside articles: we keep it
        item["issue"] = plain(fields["issue"])
    if fields.get("pages"):
        item["page"] = plain(fields["pages"]).replace("–", "-")
    volume = plain(fields["volume"]) if fields.get("volume") else None
    part = plain(fields["part"]) if fields.get("part") else None
    if volume or part:
        item["volume"] = ".".join(p for p in (volume, part) if p)


def _literal_list(value: str) -> str:
    """A BibLaTeX list ("IPHR and KIBHR") is kept as written: pandoc's biblatex reader
    writes "IPHR; KIBHR", its bibtex reader (like BibTeX) "IPHR and KIBHR"; a footnote
    reads better with the words the library has."""
    return plain(value)


def _publisher(entry_type: str, fields, item: dict, used: set) -> None:
    names = ("school", "institution", "organization", "howpublished", "publisher")
    found = [_literal_list(fields[n]) if n != "howpublished" else plain(fields[n])
             for n in names if fields.get(n)]
    used.update(names)
    if found:
        item["publisher"] = "; ".join(found)
    used.update({"address", "location"})
    if fields.get("address"):
        item["publisher-place"] = _literal_list(fields["address"])
    elif fields.get("location") and entry_type != "patent":
        item["publisher-place"] = _literal_list(fields["location"])
    elif fields.get("location"):
        places = [COUNTRIES.get(p.strip(), p.strip())
                  for p in _literal_list(fields["location"]).split(";")]
        item["jurisdiction"] = "; ".join(places)


def _url(entry_type: str, fields, options, item: dict, used: set) -> None:
    used.add("url")
    if fields.get("url") and (entry_type == "online" or options.get("url") != "false"):
        item["URL"] = fields["url"].strip()
    elif fields.get("eprint"):
        kind = plain(fields.get("eprinttype") or fields.get("archiveprefix") or "").lower()
        if kind in EPRINT_URLS:
            item["URL"] = EPRINT_URLS[kind] + fields["eprint"].strip()
