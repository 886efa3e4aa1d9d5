"""The table of authorities: every source the notes cite, in groups, with the numbered
paragraphs of the document where each is cited.

Built from what the citations pass resolved (`context.cited`: each citation's note and
library key, in note order) and formatted by the same engine in the same style, in its
full form without pinpoint: the entry reads as the note of its first citation does.
The table is ordinary blocks (an unnumbered heading, a bold line per group, a two-column
table per group) put into the document before the writers run, so the DOCX and the PDF
show the same text by construction.

- **Groups** are a registry (`GROUPS`), tried in order, each a rule over the library
  entry's CSL type and fields: treaties (type treaty or legislation), Views and
  decisions (legal_case), General Comments (a title or genre "General Comment" /
  "General Recommendation" / "Замечание общего порядка"), other UN documents (a UN
  document symbol in `number`, or a UN body as author or publisher), and reports and
  other sources (the rest). An empty group is left out.
- **Order** within a group: the printed entry, letters without case, numbers by value
  (General Comment 8 before 25), leading quotation marks ignored.
- **Cited at**: the number of the numbered paragraph in which the note is called (a
  list, table or quotation under a paragraph counts as that paragraph), as a
  cross-reference (a REF field in Word, which renumbers it; the paragraph is given an
  anchor "para-4.2" if it has none); a note called before the first numbered paragraph
  of a section is given as its note number ("n 3").
- **Where and whether**: `templates/<kind>/authorities.yaml` (`enabled`, `position`:
  `front`, after the cover and contents, before the first section; or `end`); a kind
  without the file has no table. See docs/citations.md.

Size: one module per pass, in the order run_passes names them; the group registry and
the settings file are read here."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from toolkit.model.document import (
    Document,
    Heading,
    Inline,
    Link,
    NoteRef,
    NumberText,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
    block_inlines,
    inline_children,
    plain_text,
    walk_blocks,
)
from toolkit.model.errors import CovenantError
from toolkit.passes.citation_language import UN_SYMBOL

SETTINGS_FILE = "authorities.yaml"  # in templates/<kind>/
POSITIONS = ("front", "end")
ANCHOR = "authorities"
GROUP_STYLE = "authorities-group"  # a class in the PDF (base/style.css)
# A UN document symbol: "CCPR/C/GC/34", "A/HRC/47/25", "E/CN.4/2005/102/Add.1".
_UN_BODY = re.compile(r"^(?:UN|United Nations|ООН|Организаци[яи] Объединенных Наций)\b")
_GENERAL_COMMENT = re.compile(r"^(?:General (?:Comment|Recommendation)|Замечани[ея] общего "
                              r"порядка)", re.IGNORECASE)

WORDS = {
    "en": {"title": "Table of authorities", "para": "para", "paras": "paras",
           "note": "n", "notes": "nn"},
    "ru": {"title": "Перечень цитируемых источников", "para": "п.", "paras": "пп.",
           "note": "сн.", "notes": "сн."},
    # UN French and Spanish usage for paragraphs ("par.", "párr.") and notes
    "fr": {"title": "Table des sources citées", "para": "par.", "paras": "par.",
           "note": "n.", "notes": "n."},
    "es": {"title": "Índice de fuentes citadas", "para": "párr.", "paras": "párrs.",
           "note": "n.", "notes": "nn."},
}


@dataclass(frozen=True)
class Settings:
    enabled: bool = True
    position: str = "front"


@dataclass(frozen=True)
class Group:
    key: str
    headings: dict[str, str]  # language -> heading
    matches: Callable[[dict], bool]

    def heading(self, language: str) -> str:
        return self.headings.get(language, self.headings["en"])


def _field(item: dict, name: str) -> str:
    value = item.get(name)
    return value if isinstance(value, str) else ""


def _names(item: dict, *roles: str) -> list[str]:
    names = []
    for role in roles:
        for person in item.get(role) or []:
            if isinstance(person, dict):
                names.append(str(person.get("literal") or person.get("family") or ""))
    return names


def _is_general_comment(item: dict) -> bool:
    return any(_GENERAL_COMMENT.match(_field(item, name))
               for name in ("title", "title-short", "genre"))


def _is_un_document(item: dict) -> bool:
    if UN_SYMBOL.match(_field(item, "number").strip()):
        return True
    bodies = _names(item, "author", "editor") + [_field(item, "publisher"),
                                                  _field(item, "authority")]
    return any(_UN_BODY.match(name.strip()) for name in bodies)


GROUPS: tuple[Group, ...] = (
    Group("treaties", {"en": "Treaties", "ru": "Международные договоры", "fr": "Traités",
                       "es": "Tratados"},
          lambda item: item.get("type") == "treaty"),
    # a State's own laws and gazettes (ratification laws, the notices reproducing a
    # depositary notification): OSCOLA lists legislation apart from treaties
    Group("legislation", {"en": "Legislation", "ru": "Законодательство",
                          "fr": "Législation", "es": "Legislación"},
          lambda item: item.get("type") in ("legislation", "bill", "regulation")),
    Group("views", {"en": "Views and decisions", "ru": "Соображения и решения",
                    "fr": "Constatations et décisions", "es": "Dictámenes y decisiones"},
          lambda item: item.get("type") == "legal_case"),
    Group("general-comments", {"en": "General Comments", "ru": "Замечания общего порядка",
                               "fr": "Observations générales", "es": "Observaciones generales"},
          _is_general_comment),
    Group("un-documents", {"en": "Other UN documents", "ru": "Другие документы ООН",
                           "fr": "Autres documents de l’ONU",
                           "es": "Otros documentos de las Naciones Unidas"},
          _is_un_document),
    Group("other", {"en": "Reports and other sources", "ru": "Доклады и другие источники",
                    "fr": "Rapports et autres sources", "es": "Informes y otras fuentes"},
          lambda item: True),
)


def group_of(item: dict) -> Group:
    """The first group whose rule the library entry meets (the last takes any)."""
    return next(group for group in GROUPS if group.matches(item))


def read_settings(kind_dir: Path, templates: Path) -> Settings | None:
    """The kind's settings (templates/<kind>/authorities.yaml), None without the file."""
    import yaml

    from toolkit.files.reading import read_bytes

    path = Path(kind_dir) / SETTINGS_FILE
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(read_bytes(path, templates)) or {}
    except yaml.YAMLError as exc:
        raise CovenantError(f"{path}: not YAML ({exc})") from None
    unknown = set(data) - {"enabled", "position"} if isinstance(data, dict) else {"?"}
    if unknown:
        raise CovenantError(f"{path}: expected the keys 'enabled' and 'position', "
                            f"found {sorted(map(str, unknown))}")
    settings = Settings(**data)
    if not isinstance(settings.enabled, bool) or settings.position not in POSITIONS:
        raise CovenantError(f"{path}: 'enabled' is true or false and 'position' one of "
                            f"{', '.join(POSITIONS)}")
    return settings


# ---------------------------------------------------------------- where notes are called


def _calls(inlines: list[Inline]):
    for node in inlines:
        if isinstance(node, NoteRef):
            yield node.note.number
        elif (children := inline_children(node)) is not None:
            yield from _calls(children)


def call_places(document: Document) -> dict[int, Paragraph | None]:
    """Note number -> the numbered paragraph it is called in (or under); None before the
    first numbered paragraph of a section."""
    places: dict[int, Paragraph | None] = {}
    current: Paragraph | None = None
    for block in walk_blocks(document.blocks):
        if isinstance(block, Paragraph) and block.number:
            current = block
        elif isinstance(block, Heading) and block.level == 1:
            current = None  # a new section: its own text is not the last paragraph's
        for inlines in block_inlines(block):
            for number in _calls(inlines):
                places[number] = current
    return places


def _natural(text: str) -> tuple:
    text = text.lstrip("‘’“”'\"«»*( ").casefold()
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", text) if part)


def _paragraph_order(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


def _runs(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """Paragraphs following each other in one section, together: 4.2, 4.3, 4.4."""
    runs: list[list[Paragraph]] = []
    for paragraph in paragraphs:
        order = _paragraph_order(paragraph.number)
        if runs:
            last = _paragraph_order(runs[-1][-1].number)
            if len(order) == len(last) and order[:-1] == last[:-1] \
                    and order[-1] == last[-1] + 1:
                runs[-1].append(paragraph)
                continue
        runs.append([paragraph])
    return runs


def _number(paragraph: Paragraph) -> Link:
    """The paragraph's number as a cross-reference (a link in the PDF, a REF field in
    Word, which renumbers it after edits)."""
    return Link(f"#{paragraph.anchor}", [NumberText(paragraph.number,
                                                    anchor=paragraph.anchor)])


def cited_at(notes: list[int], places: dict[int, Paragraph | None],
             language: str) -> list[Inline]:
    """"paras 2.2, 4.2–4.4" (each paragraph once, in order, three or more in a row as a
    range); notes called outside numbered paragraphs after them as "n 1"."""
    words = WORDS.get(language, WORDS["en"])
    found = {id(p): p for n in notes if (p := places.get(n)) is not None}
    paragraphs = sorted(found.values(), key=lambda p: _paragraph_order(p.number))
    loose = sorted({n for n in notes if places.get(n) is None})
    out: list[Inline] = []
    if paragraphs:
        # a no-break space: "paras" never ends a line without its number
        out.append(Text(f"{words['paras' if len(paragraphs) > 1 else 'para']}\u00a0"))
        for index, run in enumerate(_runs(paragraphs)):
            if index:
                out.append(Text(", "))
            shown = [run[0], run[-1]] if len(run) > 2 else run
            out.append(_number(shown[0]))
            if len(shown) > 1:
                out.extend([Text("\u2013" if len(run) > 2 else ", "), _number(shown[1])])
    if loose:
        out.append(Text(("; " if out else "")
                        + f"{words['notes' if len(loose) > 1 else 'note']}\u00a0"
                        + ", ".join(map(str, loose))))
    return out


def _anchor_cited(places: dict[int, Paragraph | None], taken: set[str]) -> None:
    """Give each cited paragraph without an anchor one, for its cross-reference."""
    for paragraph in places.values():
        if paragraph is not None and not paragraph.anchor:
            anchor = base = f"para-{paragraph.number}"
            while anchor in taken:
                anchor = f"{base}-{len(taken)}"
            paragraph.anchor = anchor
            taken.add(anchor)


# ---------------------------------------------------------------- the pass


def run(document: Document, context) -> None:
    settings = getattr(context, "authorities", None)
    if settings is None or not settings.enabled or not context.cited:
        return
    from toolkit.passes.citations import full_form

    notes_of: dict[str, list[int]] = {}
    for number, key in context.cited:
        if key in context.library:
            notes_of.setdefault(key, []).append(number)
    places = call_places(document)
    _anchor_cited(places, {b.anchor for b in walk_blocks(document.blocks) if
                           getattr(b, "anchor", None)})
    groups: dict[str, list[tuple[tuple, list[Inline], list[Inline]]]] = {}
    for key, notes in notes_of.items():
        entry = context.library.get(key)
        form = full_form(context.citation_engine, key)
        groups.setdefault(group_of(entry.item).key, []).append(
            (_natural(plain_text(form)), form, cited_at(notes, places, document.language)))
    context.citation_engine.save()  # the full forms it rendered for the table, if any
    words = WORDS.get(document.language, WORDS["en"])
    blocks = [Heading(1, [Text(words["title"])], anchor=ANCHOR, numbered=False)]
    for group in GROUPS:
        entries = sorted(groups.get(group.key, []), key=lambda e: e[0])
        if not entries:
            continue
        # a bold line, not a heading: the contents list the table, not its groups
        blocks.append(Paragraph([Strong([Text(group.heading(document.language))])],
                                style=GROUP_STYLE))
        blocks.append(Table([], [[form, where] for _, form, where in entries],
                            widths=[4.0, 1.0]))
    # front matter on pages of its own: the first section starts a page, as after a
    # table of contents; at the end, the table starts one
    if settings.position == "front":
        document.blocks[:0] = [*blocks, PageBreak()]
    else:
        document.blocks.extend([PageBreak(), *blocks])
