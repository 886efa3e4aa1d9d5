"""Rules on a case file that need more than one field: cross-references, dates against
each other, sources used and unused, monitoring data. These hold for every document kind
(toolkit/checks/shared.py lists them); a kind's own rules live in its room,
toolkit/kinds/<kind>/ (e.g. a communication's admissibility)."""
