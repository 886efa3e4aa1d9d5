from toolkit.model.case import Person
from toolkit.model.document import Document, Emph, Link, Note, NoteRef, Paragraph, Text
from toolkit.redaction.redact import is_confidential, plan, redact_document


def person(pid, name, roles, confidential=None, label=None):
    return Person(id=pid, name=name, roles=roles, confidential=confidential, label=label)


PEOPLE = [
    person("v", "Askhat Zheksebaev", ["alleged-victim"]),
    person("m1", "Dana Monitorova", ["trial-monitor"]),
    person("m2", "Erik Observer", ["trial-monitor"]),
    person("w", "Gulnar Witness-Sample", ["witness"], confidential=True),
    person("m3", "Open Monitor", ["trial-monitor"], confidential=False),
]


def test_monitors_are_confidential_by_default_and_others_only_when_marked():
    assert [is_confidential(p) for p in PEOPLE] == [False, True, True, True, False]


def test_labels_are_numbered_per_role():
    assert [(r.name, r.label) for r in plan(PEOPLE)] == [
        ("Dana Monitorova", "Monitor 1"), ("Erik Observer", "Monitor 2"),
        ("Gulnar Witness-Sample", "Witness A")]


def test_names_are_replaced_in_body_notes_links_and_metadata():
    note = Note(1, [Text("Notes of Dana Monitorova, on file")])
    doc = Document("fairness-report", "Report by Dana Monitorova", [
        Paragraph([Text("Ms "), Emph([Text("Monitorova")]), Text(" and Erik Observer saw it."),
                   NoteRef(note), Link("https://example.org/dana-monitorova",
                                       [Text("Monitorova's notes")])]),
    ], subject="Erik Observer", author="Dana Monitorova",
        cover={"case_title": "Monitored by Erik Observer"})
    doc.notes = [note]
    redact_document(doc, PEOPLE)
    body = doc.blocks[0].children
    assert body[1].children[0].text == "Monitor 1"
    assert body[2].text == " and Monitor 2 saw it."
    assert note.children[0].text == "Notes of Monitor 1, on file"
    assert "monitorova" not in body[4].url.lower() and "dana" not in body[4].url.lower()
    assert (doc.title, doc.subject, doc.author) == ("Report by Monitor 1", "Monitor 2",
                                                    "Monitor 1")
    assert doc.cover["case_title"] == "Monitored by Monitor 2"
    assert doc.public


def test_a_public_person_is_not_touched():
    doc = Document("x", "Askhat Zheksebaev", [Paragraph([Text("Open Monitor was there.")])])
    redact_document(doc, PEOPLE)
    assert doc.title == "Askhat Zheksebaev"
    assert doc.blocks[0].children[0].text == "Open Monitor was there."


def test_other_spellings_of_a_confidential_name_are_withheld_too():
    people = [Person(id="w", name="Gulnar Sample", roles=["witness"], confidential=True,
                     aliases=["Gulnara Sampleva", "Гульнар Сампл"])]
    doc = Document("x", "t", [Paragraph([Text("Gulnara Sampleva, also Гульнар Сампл, said.")])])
    redact_document(doc, people)
    assert doc.blocks[0].children[0].text == "Witness A, also Witness A, said."
