"""The communication to the Human Rights Committee: its registry entry. Builder:
builder.py; admissibility under the Optional Protocol: admissibility.py; wording:
templates/communication/."""

from toolkit.kinds.kind import Kind

KIND = Kind(
    "communication", "toolkit.kinds.communication.builder:build_communication",
    "communication to the UN Human Rights Committee under the Optional Protocol",
    rules=("toolkit.kinds.communication.admissibility:admissibility_rule",), order=20)
