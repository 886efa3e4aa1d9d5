"""Public versions: who is withheld and by which label, the forms of a name that are
found (and the words that are not), the pass over the case before templates render, the
merge-key rule, and the output scan over every built file.

The leak attempts and traps are in tests/redaction_corpus.py; the end-to-end builds of
an English and a Russian case holding all of them are at the end."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from tests.conftest import REPO, TODAY
from tests.redaction_corpus import EN_LEAKS, EN_PEOPLE, EN_TRAPS, RU_LEAKS, RU_PEOPLE, RU_TRAPS
from toolkit.model.case import CaseFile, Person
from toolkit.model.errors import CovenantError
from toolkit.readers.library import Library, LibraryEntry
from toolkit.redaction.forms import Matcher
from toolkit.redaction.people import is_confidential, plan
from toolkit.redaction.redact import public_version, redact_library, redact_model, replace
from toolkit.redaction.scan import LeakFound, docx_streams, leaks, verify
from toolkit.workspace.build import build
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace

EN = [Person(**p) for p in EN_PEOPLE]
RU = [Person(**p) for p in RU_PEOPLE]
EN_VERSION = public_version(EN, "en")
RU_VERSION = public_version(RU, "ru")


# ---------------------------------------------------------------- who, and which label


def test_monitors_are_confidential_by_default_and_others_only_when_marked():
    people = [Person(id="m", name="Erik Monitorsson", roles=["trial-monitor"]),
              Person(id="o", name="Open Observer", roles=["trial-monitor"], confidential=False),
              Person(id="w", name="Wit Ness", roles=["witness"]),
              Person(id="x", name="Hid Den", roles=["witness"], confidential=True)]
    assert [is_confidential(p) for p in people] == [True, False, False, True]


def test_labels_are_numbered_per_role_in_the_documents_language():
    assert [r.label for r in plan(EN, "en")] == [
        "Monitor 1", "Witness A", "Witness B", "Witness C", "Witness D"]
    assert [r.label for r in plan(RU, "ru")] == ["Свидетель А", "Наблюдатель 1"]
    assert [r.label for r in plan(EN, "fr")][:2] == ["Observateur 1", "Témoin A"]


def test_a_label_the_user_sets_is_used_as_written_and_slugs_stay_ascii():
    people = [Person(id="w", name="Hid Denova", roles=["witness"], confidential=True,
                     label="the second witness")]
    (only,) = plan(people, "ru")
    assert (only.label, only.slug) == ("the second witness", "the-second-witness")
    assert [r.slug for r in plan(RU, "ru")] == ["witness-a", "monitor-1"]


# ---------------------------------------------------------------- the corpus, text by text


def _withheld(version, text: str) -> str:
    return replace(text, version.matcher)


@pytest.mark.parametrize(("text", "fragment"), EN_LEAKS)
def test_every_english_leak_attempt_is_withheld(text, fragment):
    out = _withheld(EN_VERSION, text)
    assert fragment not in out
    assert EN_VERSION.matcher.find(out, markdown=True) == []
    assert re.search(r"Monitor 1|Witness [A-D]|witness-[a-d]|monitor-1", out), out


@pytest.mark.parametrize("text", EN_TRAPS)
def test_every_english_trap_is_left_intact(text):
    assert _withheld(EN_VERSION, text) == text


@pytest.mark.parametrize(("text", "fragment"), RU_LEAKS)
def test_every_russian_leak_attempt_is_withheld(text, fragment):
    out = _withheld(RU_VERSION, text)
    assert fragment not in out
    assert re.search(r"Свидетел\w* А|Наблюдател\w* 1", out), out


@pytest.mark.parametrize(("text", "expected"), [
    ("Анна Кветкова дала показания.", "Свидетель А дала показания."),
    ("Показания Анны Кветковой были оглашены.", "Показания Свидетеля А были оглашены."),
    ("Суд не выслушал Кветкову.", "Суд не выслушал Свидетеля А."),
    ("Адвокат спорил с Кветковой.", "Адвокат спорил с Свидетелем А."),
    ("Суд обратился к г-же Кветковой.", "Суд обратился к Свидетелю А."),
    ("Речь шла о Кветковой.", "Речь шла о Свидетеле А."),
    ("Зарина Мониторова-Лискина наблюдала.", "Наблюдатель 1 наблюдала."),
])
def test_a_russian_label_takes_the_case_of_the_name_it_replaces(text, expected):
    """Russian declines: the label stands in the name's case (the preposition decides
    where the form is ambiguous, as -ой is), never a nominative mid-sentence."""
    assert _withheld(RU_VERSION, text) == expected


@pytest.mark.parametrize("text", RU_TRAPS)
def test_every_russian_trap_is_left_intact(text):
    assert _withheld(RU_VERSION, text) == text


def test_the_corpus_is_as_large_as_the_issue_asks():
    assert len(EN_LEAKS) + len(RU_LEAKS) >= 40 and len(EN_TRAPS) + len(RU_TRAPS) >= 20
    assert len(RU_LEAKS) >= 10 and len(RU_TRAPS) >= 5


def test_a_title_goes_with_the_name_so_no_label_gets_one():
    assert _withheld(EN_VERSION, "Ms Monitorova and Mr O'Brackley") == "Monitor 1 and Witness B"
    assert "Mr Witness" not in _withheld(EN_VERSION, "Mr Tobin One and Mr One")


def test_a_name_in_an_address_or_an_id_gets_the_labels_slug():
    assert _withheld(EN_VERSION, "(https://example.org/dana-monitorova)") == \
        "(https://example.org/monitor-1)"
    assert replace("met-monitorova", EN_VERSION.matcher, ids=True) == "met-monitor-1"
    assert _withheld(EN_VERSION, "[@fact:met-monitorova]") == "[@fact:met-monitor-1]"


def test_citation_keys_are_left_for_the_library_to_resolve():
    assert _withheld(EN_VERSION, "[@notes-monitorova, p 2]") == "[@notes-monitorova, p 2]"


def test_emphasis_around_part_of_a_name_is_withheld_with_it():
    assert _withheld(EN_VERSION, "*Dana* Monitorova said") == "Monitor 1 said"
    assert _withheld(EN_VERSION, "**Dana Monitorova** said") == "**Monitor 1** said"


def test_an_ordinary_word_in_a_name_is_withheld_only_in_fuller_forms():
    assert EN_VERSION.matcher.ambiguous["Grace May"] == ["Grace", "May"]
    assert EN_VERSION.matcher.ambiguous["Tobin One"] == ["One"]
    assert "Dana" in EN_VERSION.matcher.ambiguous["Dana Monitorova"]  # Dana Publicova's


def test_an_alias_that_is_a_word_is_withheld_where_capitalised():
    version = public_version([Person(id="w", name="Grace May", roles=["witness"],
                                     confidential=True, aliases=["Gracie"])], "en")
    assert _withheld(version, "Gracie said so") == "Witness A said so"


def test_matching_work_does_not_grow_with_the_number_of_names():
    """The matcher looks each run of letters up in one index, so the candidate forms it
    examines depend on the text, not on how many people are withheld (counted, not
    timed: a timing would fail on a busy machine)."""

    class Counting(dict):
        examined = 0

        def get(self, key, default=None):
            found = super().get(key, default)
            Counting.examined += len(found or ())
            return found

    def letters(i: int) -> str:  # a run of letters of its own for each person
        return "".join("bcdfghjklmnpqrstvwxz"[int(d)] for d in f"{i:03d}")

    text = f"The court heard Ab{letters(3)} Zor{letters(3)} and the witnesses. " * 400
    examined = []
    for count in (10, 400):
        people = [Person(id=f"w{i}", name=f"Ab{letters(i)} Zor{letters(i)}",
                         roles=["witness"], confidential=True) for i in range(count)]
        matcher = Matcher(plan(people))
        matcher.index = Counting(matcher.index)
        Counting.examined = 0
        assert len(matcher.find(text)) == 400
        examined.append(Counting.examined)
    assert examined[0] == examined[1] > 0


# ---------------------------------------------------------------- the case, before the page


def _case(people, facts, language="en") -> CaseFile:
    return CaseFile.model_validate({
        "case": {"id": "c", "title": "A case", "state": "Kazakhstan", "language": language},
        "people": people, "facts": facts})


def test_a_withheld_persons_entry_keeps_only_the_label():
    case = _case([{**EN_PEOPLE[1], "address": "1 Secret Street", "birth_date": "1990-01-01",
                   "aliases": ["D. M."]}],
                 [{"id": "met-monitorova", "date": "2021-01-01", "people": ["monitor"],
                   "text": "Dana Monitorova met the victim."}])
    version = public_version(case.people, "en")
    redacted = redact_model(case, version)
    (person,) = redacted.people
    assert (person.name, person.aliases, person.address, person.birth_date) == \
        ("Monitor 1", [], None, None)
    assert redacted.facts[0].id == "met-monitor-1"
    assert redacted.facts[0].text == "Monitor 1 met the victim."
    assert case.facts[0].text == "Dana Monitorova met the victim."  # the original stays


def test_a_library_entry_by_a_withheld_person_is_by_the_label():
    library = Library()
    library.entries["notes"] = LibraryEntry("notes", {
        "id": "notes", "type": "manuscript", "title": "Notes of Dana Monitorova",
        "author": [{"family": "Monitorova", "given": "Dana"}],
        "URL": "https://example.org/monitorova"}, "x.yaml", 1, 1)
    item = redact_library(library, EN_VERSION).entries["notes"].item
    assert item["author"] == [{"literal": "Monitor 1"}]
    assert item["title"] == "Notes of Monitor 1"
    assert item["URL"] == "https://example.org/monitor-1"
    assert item["id"] == "notes"


# ---------------------------------------------------------------- merge keys


MERGED = """\
case: {id: merged, title: Merged, state: Kazakhstan}
people:
  - &public
    id: pub
    name: Open Publicsson
    roles: [other]
    confidential: false
  - <<: *public
    id: mon
    name: Hidden Monitorsson
    roles: [trial-monitor]
facts:
  - {id: f, date: 2021-01-01, text: Hidden Monitorsson was there., people: [mon]}
"""


def test_a_merge_key_in_a_persons_entry_is_an_error_at_its_line(workspace):
    (workspace / "claims" / "merged.yaml").write_text(MERGED)
    checked = check_workspace(Workspace(workspace), [workspace / "claims" / "merged.yaml"],
                              TODAY)
    (error,) = [e for e in checked.report.errors if e.code == "merged-person"]
    assert (error.line, error.file) == (8, "claims/merged.yaml")
    assert "'confidential' comes from a YAML merge key" in error.message


def test_an_entry_without_merge_keys_passes(workspace):
    (workspace / "claims" / "plain.yaml").write_text(MERGED.replace("  - <<: *public\n",
                                                                    "  -\n"))
    checked = check_workspace(Workspace(workspace), [workspace / "claims" / "plain.yaml"],
                              TODAY)
    assert not [e for e in checked.report.errors if e.code == "merged-person"]


def test_check_says_where_an_ambiguous_part_stands_alone(workspace):
    text = MERGED.replace("  - <<: *public\n", "  -\n").replace(
        "Hidden Monitorsson was there.", "Hidden said it; Monitorsson was there.")
    text = text.replace("Hidden Monitorsson\n", "Hidden Monitorsson\n    roles: [x]\n"
                        ).replace("    roles: [x]\n", "")
    (workspace / "claims" / "w.yaml").write_text(text)
    checked = check_workspace(Workspace(workspace), [workspace / "claims" / "w.yaml"], TODAY)
    (warning,) = [w for w in checked.report.warnings if w.code == "withheld-name-ambiguous"]
    assert "'Hidden'" in warning.message and warning.line == 13


# ---------------------------------------------------------------- the output scan


def _docx(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in parts.items():
            package.writestr(name, text)
    return buffer.getvalue()


def test_the_scan_finds_a_name_split_across_word_runs():
    xml = ("<w:document><w:body><w:p><w:r><w:t>Mon</w:t></w:r><w:r><w:t>itorova</w:t>"
           "</w:r></w:p></w:body></w:document>")
    found = leaks(Path("x.docx"), _docx({"word/document.xml": xml}), EN_VERSION.matcher)
    assert found == [("word/document.xml", "Monitorova", "Monitor 1")]


def test_the_scan_reads_attributes_and_relationship_targets():
    rels = ('<Relationships><Relationship Id="rId9" Target="https://example.org/'
            'dana-monitorova" TargetMode="External"/></Relationships>')
    parts = dict(docx_streams(_docx({"word/_rels/document.xml.rels": rels})))
    assert "dana-monitorova" in parts["word/_rels/document.xml.rels (attributes)"]
    with pytest.raises(LeakFound, match=r"x\.docx: word/_rels/document\.xml\.rels "
                                        r"\(attributes\): 'dana-monitorova'"):
        verify({Path("x.docx"): _docx({"word/_rels/document.xml.rels": rels})},
               EN_VERSION.matcher)


def test_the_scan_passes_labels_and_ordinary_words():
    xml = "<w:p><w:t>Monitor 1 and Witness C met in May; one may say so.</w:t></w:p>"
    verify({Path("x.docx"): _docx({"word/document.xml": xml}),
            Path("x.html"): b"<p id='monitor-1'>Monitor 1</p>"}, EN_VERSION.matcher)


def test_an_unknown_format_cannot_pass_unverified():
    with pytest.raises(CovenantError, match="cannot read this format"):
        verify({Path("x.odt"): b""}, EN_VERSION.matcher)


# ---------------------------------------------------------------- end to end


def _facts(texts: list[str]) -> list[dict]:
    return [{"id": f"f{n}", "date": "2021-03-02", "text": text, "people": ["victim"]}
            for n, text in enumerate(texts)]


def _workspace(root: Path, people, texts, language) -> Workspace:
    for folder in ("citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "claims").mkdir()
    (root / "drafts").mkdir()
    case = {"case": {"id": "corpus", "title": "The corpus case", "state": "Kazakhstan",
                     "language": language},
            "people": people, "facts": _facts(texts)}
    (root / "claims" / "corpus.yaml").write_text(yaml.safe_dump(case, allow_unicode=True))
    return Workspace(root)


@pytest.fixture(scope="module", params=["en", "ru"])
def corpus_build(request, tmp_path_factory):
    language = request.param
    people, leaks_, traps = (EN_PEOPLE, EN_LEAKS, EN_TRAPS) if language == "en" else \
        (RU_PEOPLE, RU_LEAKS, RU_TRAPS)
    ws = _workspace(tmp_path_factory.mktemp(language), people,
                    [t for t, _ in leaks_] + traps, language)
    (output,) = build(ws, [ws.claims / "corpus.yaml"], "memo", ["docx", "pdf", "native"],
                      today=TODAY, public=True)
    files = {p.suffix: p for p in output.paths}
    docx = {n: t for n, t in docx_streams(files[".docx"].read_bytes())}
    pdf = "\n".join(page.extract_text() for page in PdfReader(files[".pdf"]).pages)
    return language, leaks_, traps, files[".txt"].read_text(), docx, pdf


def _fact_line(native: str, n: int) -> str:
    (line,) = [li for li in native.splitlines() if f"#fact:f{n} " in li]
    return line


def test_a_public_build_withholds_every_leak_in_the_docx_pdf_and_dump(corpus_build):
    language, leaks_, _, native, docx, pdf = corpus_build
    version = EN_VERSION if language == "en" else RU_VERSION
    labels = re.compile(r"Monitor 1|Witness [A-D]|witness-[a-d]|monitor-1|Свидетел\w* А|"
                        r"Наблюдател\w* 1")
    for n, (text, fragment) in enumerate(leaks_):
        line = _fact_line(native, n)
        if "^[" in text:  # the footnote's text is in the notes of the dump
            line = native[native.index("\nNotes "):]
        assert fragment not in labels.sub("", line) and labels.search(line), (text, line)
    for part, text in docx.items():
        assert version.matcher.find(text) == [], part
    assert version.matcher.find(pdf) == []


def test_a_public_build_leaves_every_trap_intact(corpus_build):
    from toolkit.model.document import Text
    from toolkit.passes.typography import MARKS, curl

    language, leaks_, traps, native, docx, pdf = corpus_build
    flat = " ".join(pdf.split())
    for n, typed in enumerate(traps, len(leaks_)):
        printed = [Text(typed)]
        curl(printed, MARKS[language])  # as typed, but with the language's quotation marks
        trap = printed[0].text
        assert trap in _fact_line(native, n), trap
        assert trap in docx["word/document.xml"], trap
        assert trap in flat, trap


def test_a_russian_public_version_labels_people_in_russian(corpus_build):
    language, *_, native, docx, pdf = corpus_build
    if language == "ru":
        assert "Свидетель А" in native and "Witness A" not in native
        assert "Наблюдатель 1" in docx["word/document.xml"]


def test_a_leak_the_redaction_cannot_see_stops_the_build_and_writes_nothing(tmp_path):
    """Template wording is never redacted; a name an editor wrote into it is caught by
    the scan, in every format, and nothing is written."""
    ws = _workspace(tmp_path, EN_PEOPLE, ["The hearing was held."], "en")
    (ws.templates / "memo" / "sections" / "15-leak.md.j2").write_text(
        "Standard wording that names Dana Monitorova.\n")
    with pytest.raises(LeakFound) as raised:
        build(ws, [ws.claims / "corpus.yaml"], "memo", ["docx", "pdf", "native"],
              today=TODAY, public=True)
    message = str(raised.value)
    assert "memo-public.docx: word/document.xml: 'Dana Monitorova' (withheld as Monitor 1)" \
        in message
    assert re.search(r"memo-public\.pdf: page \d+: 'Dana Monitorova'", message)
    assert "memo-public.native.txt: dump: 'Dana Monitorova'" in message
    assert not list((ws.drafts).rglob("memo-public.*"))


def test_a_public_builds_cache_holds_no_withheld_name(tmp_path):
    """The confidential build fills the shared cache with a source by the monitor; the
    public build's cache, manifest and drafts must not hold the name."""
    ws = _workspace(tmp_path, EN_PEOPLE, ["Dana Monitorova saw it [@notes-dm, p 2]."], "en")
    (ws.citations / "notes.yaml").write_text(
        "- id: notes-dm\n  type: manuscript\n  author:\n    - {family: Monitorova, "
        "given: Dana}\n  title: Notes of Dana Monitorova\n  issued: {date-parts: [[2021]]}\n")
    build(ws, [ws.claims / "corpus.yaml"], "memo", ["native"], today=TODAY)
    shutil.rmtree(ws.drafts / "corpus")
    for path in list(ws.drafts.rglob("*.json")):
        if "public" not in path.parts:
            path.unlink()
    build(ws, [ws.claims / "corpus.yaml"], "memo", ["native", "docx"], today=TODAY,
          public=True)
    assert (ws.drafts / ".cache" / "public").is_dir()
    for path in ws.drafts.rglob("*"):
        if path.is_file():
            data = path.read_bytes().decode("utf-8", "replace")
            assert "Monitorova" not in data, path


@pytest.mark.parametrize(("text", "expected"), [
    ("Елена Полянина дала показания.", "Свидетель А дала показания."),
    ("Показания Елены Поляниной были оглашены.", "Показания Свидетеля А были оглашены."),
    ("Суд выслушал Елену Полянину.", "Суд выслушал Свидетеля А."),
])
def test_a_surname_the_dictionary_cannot_read_is_withheld_in_every_case(text, expected):
    """pymorphy3 has no surname reading of "Полянина": the common paradigms (-ин/-ина,
    -ов/-ова, -ский/-ская ...) give its other cases. (It is also an ordinary word form,
    so it is withheld with the given name, never alone: words.py.)"""
    version = public_version([Person(id="w", name="Елена Полянина", roles=["witness"],
                                     confidential=True)], "ru")
    assert _withheld(version, text) == expected


def test_the_english_word_lookup_agrees_with_pyspellchecker_on_its_own_list():
    """The start-up path reads pyspellchecker's frequency list as bytes instead of
    building its dictionary; both must give the same count for any word, present or not
    (words.py's WORD_FREQUENCY bar decides "May", "One" are words, "Dana" is not)."""
    import random

    from spellchecker import SpellChecker

    from toolkit.redaction import words

    frequency = SpellChecker(language="en", distance=1).word_frequency
    sample = random.Random(7).sample(sorted(frequency.dictionary), 500)
    for word in [*sample, "a", "may", "zürich", "dana", "zheksebaev", "notaword"]:
        assert words.english_frequency(word) == frequency[word], word
    assert words.is_word("May") and not words.is_word("Dana")
