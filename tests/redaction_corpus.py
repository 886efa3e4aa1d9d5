"""The leak attempts and false-positive traps the public versions are tested against
(tests/test_redaction.py), in English and in Russian. Every name here is invented.

A leak is (text, what must be gone from it): the text as a case file could hold it, and
the spelling of the withheld name it contains. A trap is text that must come through a
public version exactly as written."""

from __future__ import annotations

# Withheld in the English case: a monitor, a witness with a hyphenated surname, one with
# an apostrophe and an accent, one whose surname is an ordinary word; Dana Publicova is
# public (the victim) and shares a given name with the monitor.
EN_PEOPLE = [
    {"id": "victim", "name": "Dana Publicova", "roles": ["alleged-victim"]},
    {"id": "monitor", "name": "Dana Monitorova", "roles": ["trial-monitor"]},
    {"id": "gulnar", "name": "Gulnar Vesterlund-Quorrin", "roles": ["witness"],
     "confidential": True},
    {"id": "sean", "name": "Seán O'Brackley", "roles": ["witness"], "confidential": True},
    {"id": "grace", "name": "Grace May", "roles": ["witness"], "confidential": True},
    {"id": "tobin", "name": "Tobin One", "roles": ["witness"], "confidential": True,
     "aliases": ["Тобин Уанов"]},
]

EN_LEAKS: list[tuple[str, str]] = [
    ("Dana Monitorova attended the hearing.", "Monitorova"),
    ("Monitorova Dana attended the hearing.", "Monitorova"),
    ("Ms Monitorova took notes.", "Monitorova"),
    ("Ms. Monitorova took notes.", "Monitorova"),
    ("Dr Monitorova took notes.", "Monitorova"),
    ("Mme Monitorova took notes.", "Monitorova"),
    ("D. Monitorova took notes.", "Monitorova"),
    ("MONITOROVA took notes.", "MONITOROVA"),
    ("the notes of monitorova were lost.", "monitorova"),
    ("Monitorova's notes were lost.", "Monitorova"),
    ("Mon*itor*ova took notes.", "ova"),
    ("*Dana* Monitorova took notes.", "Monitorova"),
    ("**Dana Monitorova** took notes.", "Monitorova"),
    ("The file `Dana Monitorova` was sealed.", "Monitorova"),
    ("See [the notes](https://example.org/dana-monitorova).", "monitorova"),
    ("See [Dana Monitorova's notes](https://example.org/notes).", "Monitorova"),
    ("Filed at https://example.org/Dana_Monitorova/notes today.", "Monitorova"),
    ("The handle DanaMonitorova posted it.", "DanaMonitorova"),
    ("Mo\u00adnitorova took notes.", "nitorova"),
    ("Moni\u200btorova took notes.", "torova"),
    ("Monitorova\u2060 took notes.", "Monitorova"),
    ("Dana\u00a0Monitorova took notes.", "Monitorova"),
    ("Dana\nMonitorova took notes.", "Monitorova"),
    ("O'Brackley testified.", "Brackley"),
    ("O\u2019Brackley testified.", "Brackley"),
    ("Mr O\u2019Brackley testified.", "Brackley"),
    ("OBrackley testified.", "OBrackley"),
    ("Seán O'Brackley testified.", "Brackley"),
    ("Sea\u0301n testified.", "Sea"),
    ("Vesterlund-Quorrin testified.", "Quorrin"),
    ("Quorrin testified.", "Quorrin"),
    ("Vesterlund testified.", "Vesterlund"),
    ("Ms Quorrin testified.", "Quorrin"),
    ("Gulnar Vesterlund-Quorrin testified.", "Vesterlund"),
    ("Gulnar testified.", "Gulnar"),
    ("Grace May testified.", "Grace May"),
    ("Ms May testified.", "Ms May"),
    ("Mrs May's account was heard.", "Mrs May"),
    ("Tobin One testified.", "Tobin"),
    ("Mr One testified.", "Mr One"),
    ("Tobin testified.", "Tobin"),
    ("| Witness | Quorrin |", "Quorrin"),
    ("A note.^[Monitorova said so.]", "Monitorova"),
    ("Тобин Уанов testified.", "Уанов"),
]

EN_TRAPS: list[str] = [
    "The police detained them one by one.",
    "There was at least one violation of article 14.",
    "He was detained for one month.",
    "He was sentenced to one and a half years' imprisonment.",
    "One of the defence lawyers objected.",
    "In May 2023 the court sat again.",
    "On 5 May 2021 the appeal was lodged.",
    "Such a right may be restricted only by law.",
    "The Mayor of Almaty spoke.",
    "A grace period of ten days was given.",
    "Dana Publicova testified.",
    "Dana spoke to the press.",
    "Ms Publicova was present.",
    "Danaher Street runs past the court.",
    "The Monitorovaland company was named.",
    "Quorrinite was found.",
    "The Ones and the Tobins were neighbours.",
    "Case 12345, article 405(2).",
    "Monitors are protected by anonymity.",
    "The O'Neill hearing was adjourned.",
]

# Withheld in the Russian case: a witness and a monitor; Анна Публичная is public and
# shares a given name with the witness.
RU_PEOPLE = [
    {"id": "victim", "name": "Анна Публичная", "roles": ["alleged-victim"]},
    {"id": "witness", "name": "Анна Кветкова", "roles": ["witness"], "confidential": True},
    {"id": "monitor", "name": "Зарина Мониторова-Лискина", "roles": ["trial-monitor"]},
]

RU_LEAKS: list[tuple[str, str]] = [
    ("Анна Кветкова дала показания.", "Кветков"),
    ("Показания Анны Кветковой были оглашены.", "Кветков"),
    ("Суд не выслушал Кветкову.", "Кветков"),
    ("Адвокат спорил с Кветковой.", "Кветков"),
    ("Г-жа Кветкова дала показания.", "Кветков"),
    ("Суд обратился к г-же Кветковой.", "Кветков"),
    ("Кветкова Анна дала показания.", "Кветков"),
    ("КВЕТКОВА дала показания.", "КВЕТКОВ"),
    ("Кве\u00adткова дала показания.", "ткова"),
    ("Мониторова-Лискина присутствовала.", "Лискин"),
    ("Лискиной не дали слова.", "Лискин"),
    ("Зарина Мониторова-Лискина присутствовала.", "Мониторов"),
    ("Зарина присутствовала.", "Зарина"),
]

RU_TRAPS: list[str] = [
    "В мае 2023 года суд заседал снова.",
    "Анна Публичная дала показания.",
    "Анна выступила перед прессой.",
    "Кветковский район упомянут в деле.",
    "Мониторинг продолжался.",
    "Одно из нарушений касалось статьи 14.",
]
