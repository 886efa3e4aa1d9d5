"""Narrow fixes to citeproc-py where it departs from CSL and from the reference processors
(pandoc's citeproc, citeproc-js), each measured with benchmarks/compare_pandoc.py and
pinned by a test (tests/test_citeproc_patches.py). docs/citations.md ("Fixes to
citeproc-py") describes each one as an upstream report.

1. `initialize="false"` on cs:name is ignored: with `initialize-with` set, every given
   name is cut to initials ("M Altman" for Morris Altman under published OSCOLA). Now a
   full given name is kept; only initials already in the name get the mark.
2. `disambiguate="true"` is not a condition at all: the branch is always taken, so
   OSCOLA's short form always carries the title. Now it is true only for a cite the engine
   marks as ambiguous (`covenant_ambiguous` on the item: same author, same first note).
3. `is-numeric="locator"` tests the entry, never the pinpoint, so MHRA and Chicago drop
   the "ch." and "l." labels. Now the pinpoint is tested.
4. Title case capitalises neither the parts of a hyphenated word ("Five-year") nor a word
   after an opening quotation mark, and raises one-letter words ("800 M"). Now as pandoc:
   "Five-Year", "‘Extremist’", "800 m".
5. A macro is not an implicit group: a macro whose variables are all empty still prints
   its terms (EJIL's "Vols"). Now it is suppressed, as a cs:group would be.
6. A label's plural is chosen for any two digit runs with anything between them, so a
   communication number "2441/2014" read as two ("Communications No"). Now, as CSL says,
   only numbers joined by a comma, "&", "and" or a range dash are plural.
7. cs:number looks up a hyphenated variable under its CSL name ("collection-number")
   where citeproc-py keeps it as "collection_number", so it never prints. Now it does.
8. Cite collapsing (collapse="year") is read but never done. A cite the engine marks
   (`covenant_names_suppressed`, citation_order.py: the cite before it names the same
   authors) renders its first cs:names as nothing, as CSL's cite grouping prints it.

Applied once, only to the citeproc-py versions checked (PATCHED_VERSIONS)."""

from __future__ import annotations

import re

PATCHED_VERSIONS = ("0.11.1",)
AMBIGUOUS = "covenant_ambiguous"  # item variable set by the engine for fix 2
NAMES_SUPPRESSED = "covenant_names_suppressed"  # set by the engine for fix 8

# fix 6: "3-5", "2, 4", "3 and 4", "2257/2013, 2334/2014"; not "2441/2014", "11.4"
MULTIPLE_NUMBERS = re.compile(r"\d+[A-Za-z]*\s*(?:[,&–-]|\band\b)\s*[A-Za-z]*\d")
_LEADING = re.compile(r"^([\"'“‘«(\[]*)(.*)$", re.S)


def apply() -> bool:
    """Install the fixes (idempotent). False when citeproc-py is another version."""
    from importlib.metadata import version

    from citeproc import model

    if version("citeproc-py") not in PATCHED_VERSIONS:
        return False
    if getattr(model, "covenant_patched", False):
        return True
    _patch_initialize(model)
    _patch_conditions(model)
    _patch_title_case(model)
    _patch_macro_group(model)
    model.Label.RE_MULTIPLE_NUMBERS = MULTIPLE_NUMBERS
    _patch_number_variable(model)
    _patch_names_suppression(model)
    model.covenant_patched = True
    return True


# ---------------------------------------------------------------- 1. initialize="false"

def _initialize_option(name) -> str:
    """`initialize` on cs:name, else inherited from cs:citation / cs:style."""
    element = name
    while element is not None:
        value = element.get("initialize")
        if value is not None:
            return value.lower()
        element = element.getparent()
    return "true"


def initials_only(given: str, mark: str) -> str:
    """CSL's initialize="false": a full given name stays; a lone initial ("T", "T.")
    takes the initialize-with mark ("James T Kirk" with "." -> "James T. Kirk")."""
    parts = []
    for part in given.split():
        letters = part.rstrip(".")
        parts.append(letters + mark.rstrip() if len(letters) == 1 and letters.isupper()
                     else part)
    return " ".join(parts)


def _patch_initialize(model) -> None:
    original = model.Name.initialize

    def initialize(self, given, mark, context):
        if _initialize_option(self) == "false":
            return initials_only(given, mark)
        return original(self, given, mark, context)

    model.Name.initialize = initialize


# ------------------------------------------------------- 2-3. disambiguate, is-numeric

def _patch_conditions(model) -> None:
    original_render = model.If.render
    original_numeric = model.If._is_numeric

    def render(self, item, context=None, delimiter="", **kwargs):
        if "disambiguate" not in self.attrib:
            return original_render(self, item, context=context, delimiter=delimiter,
                                   **kwargs)
        holds = bool(item.reference.get(AMBIGUOUS, False)) == \
            (self.get("disambiguate").lower() == "true")
        match = self.get("match", "all")
        tests = {k for k in self.attrib if k != "match"} - {"disambiguate"}
        # `others`: whether citeproc-py's own evaluation of the other tests, under the
        # same `match`, passes (none listed: neutral for "any", passing otherwise).
        result, others = None, match != "any"
        if tests:
            try:
                result = original_render(self, item, context=context,
                                         delimiter=delimiter, **kwargs)
                others = True
            except model.ConditionFailed:
                others = False
        passed = (holds or others) if match == "any" else \
            (not holds and others) if match == "none" else (holds and others)
        if not passed:
            raise model.ConditionFailed
        if result is None:
            result = self.render_children(item, context=context, delimiter=delimiter,
                                          **kwargs)
        return result

    def is_numeric(self, item):
        names = self.get("is-numeric").split()
        if "locator" not in names:
            return original_numeric(self, item)
        results = []
        for name in names:
            if name == "locator":
                identifier = str(item.locator.identifier) if item.has_locator else ""
                results.append(bool(re.match(r"^\s*[A-Za-z]*\d", identifier)))
            else:
                results.append(bool(model.If.re_numeric.match(
                    str(item.reference.get(name.replace("-", "_"), "")))))
        return results

    model.If.render = render
    model.If._is_numeric = is_numeric


# ------------------------------------------------------------------ 4. title case

STOP_WORDS = frozenset(["a", "an", "and", "as", "at", "but", "by", "down", "for", "from",
                        "in", "into", "nor", "of", "on", "onto", "or", "over", "so", "the",
                        "till", "to", "up", "via", "with", "yet"])


def title_case_word(word: str, first: bool) -> str:
    """One space-separated word in title case, as pandoc does it: each hyphenated part on
    its own, the first letter after opening quotes or brackets, a one-letter or stop word
    left in lower case unless it opens the title or follows a colon."""
    parts = word.split("-")
    out = []
    for index, part in enumerate(parts):
        lead, core = _LEADING.match(part).groups()
        opening = first and index == 0
        letters = re.sub(r"\W", "", core)
        small = len(letters) == 1 or (index == 0 and core.rstrip(",;:.!?’”'\")]")
                                      in STOP_WORDS)
        if not letters or not core.islower() or (small and not opening):
            out.append(part)
        else:
            out.append(lead + core[0].upper() + core[1:])
    return "-".join(out)


def _patch_title_case(model) -> None:
    from citeproc.string import NoCase

    original = model.TextCased.case

    def case(self, text, language=None):
        if self.get("text-case") != "title" or language not in (None, "en"):
            return original(self, text, language)
        words, previous = [], ":"
        for word in text.words():
            if not isinstance(word, NoCase):
                word = word.__class__(title_case_word(str(word), previous in ":."))
            previous = str(word)[-1:]
            words.append(word)
        return " ".join(str(w) for w in words) if words else text

    model.TextCased.case = case


# ------------------------------------------------------------- 5. macro as a group

def _patch_macro_group(model) -> None:
    def render(self, item, context=None, sort_options=None):
        output, called, rendered = [], False, False
        for child in self.iterchildren():
            calls = child.calls_variable()
            called = called or calls
            try:
                text = child.render(item, context=context, sort_options=sort_options)
            except model.VariableError:
                continue
            if text is not None:
                output.append(text)
                rendered = rendered or calls
        if not output or (called and not rendered):
            return None
        return model.join(output, "")

    model.Macro.render = render


# ------------------------------------------------------- 7. hyphenated cs:number

def _patch_number_variable(model) -> None:
    original = model.Number.process

    def process(self, item, context=None, **kwargs):
        variable = self.get("variable", "")
        if "-" in variable and variable not in ("page-first",):
            try:
                value = item.reference[variable.replace("-", "_")]
            except (KeyError, model.VariableError):
                raise model.VariableError(variable) from None
            return self._process(value, variable)
        return original(self, item, context=context, **kwargs)

    model.Number.process = process


# ------------------------------------------- 8. a cite's names left out (cite collapsing)

def _patch_names_suppression(model) -> None:
    """A cite whose names repeat the cite before it in a style with collapse="year"
    (citation_order.py) renders without them: its first cs:names gives nothing (not its
    substitute either), so the group around it drops the names and their delimiter, as
    CSL's cite grouping prints them. Sorting renders names too (`sort_options`): those
    are left alone."""
    original = model.Names.process

    def process(self, item, names_context=None, context=None, **kwargs):
        if kwargs.get("sort_options") is None and item.reference.get(NAMES_SUPPRESSED):
            item.reference[NAMES_SUPPRESSED] = False  # only the first names of the cite
            return None
        return original(self, item, names_context=names_context, context=context,
                        **kwargs)

    model.Names.process = process
