"""Document kinds, one room each: toolkit/kinds/<kind>/ holds the kind's registry entry
(its `__init__`), its builder, its own rules and its own data model; the editable wording
is in templates/<kind>/. The registry (toolkit/kinds/registry.py) finds the rooms, so a
new kind touches only its own two folders. Modules at this level are what several kinds
share: the entry type (kind.py), input files (inputs.py), section templates
(sections.py) and the standards of each provision (standards.py)."""
