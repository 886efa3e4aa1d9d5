"""What a Russian briefing prints that its templates do not write themselves: the
charges ("Уголовный кодекс, статьи 266 и 405"), the bans ("запрет на ... (срок: три
года)"), the provisions a case engages, declined ("пунктом 2 статьи 19"), and the row of
the table of cases (charges, status). The English counterparts are in narrative.py;
narrative.py and builder.py pick by the briefing's language.

Nouns and names stay in the nominative wherever the sentence allows it (the templates
are written so), so that a case file's own wording is never declined by guesswork.

Size: the Russian phrases of the briefing's narrative and table, apart from
narrative.py."""

from __future__ import annotations

from toolkit.covenant import parse_provision
from toolkit.kinds.standards import provision_ref
from toolkit.model.case import Ban, Charge


def and_list(items: list[str], conjunction: str = "и") -> str:
    """'а и б', 'а, б и в' (with conjunction="and", the English list of the briefing)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def charges_text(charges: list[Charge]) -> str:
    """'Уголовный кодекс, статья 405'; 'Уголовный кодекс, статьи 266 и 405'."""
    by_law: dict[str, list[str]] = {}
    for charge in charges:
        by_law.setdefault(charge.law, [])
        if charge.article not in by_law[charge.law]:
            by_law[charge.law].append(charge.article)
    return "; ".join(f"{law}, {'статьи' if len(articles) > 1 else 'статья'} "
                     f"{and_list(articles)}" for law, articles in by_law.items())


def bans_text(bans: list[Ban]) -> str:
    """'запрет на общественно-политическую деятельность (срок: три года)'."""
    return and_list([b.description.strip() + (f" (срок: {b.duration})" if b.duration else "")
                     for b in bans])


def provisions_text(provisions: list[str]) -> str:
    """The provisions in the instrumental, after 'гарантированные': 'статьей 21',
    'пунктом 2 статьи 19 и пунктом 1 статьи 22'."""
    return and_list([provision_ref(parse_provision(p), "ru", "ins") for p in provisions])


def provision_short(reference: str) -> str:
    """A provision as a Russian table cell abbreviates it: 'п. 3 b) ст. 14', 'п. a) ст. 25',
    'ст. 21' (the UN's Russian order: paragraph, then article)."""
    provision = parse_provision(reference)
    letters = "".join(f" {x})" for x in (provision.subparagraph, provision.item) if x)
    if provision.paragraph:
        return f"п.\u00a0{provision.paragraph}{letters} ст.\u00a0{provision.article}"
    if letters:
        return f"п.{letters.replace(' ', chr(160), 1)} ст.\u00a0{provision.article}"
    return f"ст.\u00a0{provision.article}"


# The table's words: each remedy, and where it stands.
STEPS = {"appeal": "апелляция", "cassation": "кассация", "supervisory-review": "надзор",
         "prosecutor-protest": "протест прокурора",
         "constitutional": "конституционная жалоба", "other": "иное обжалование"}
STATUSES = {"pending": "на рассмотрении", "refused": "в рассмотрении отказано",
            "withdrawn": "отозвано", "decided": "решение вынесено"}


def decided(step: str, outcome: str | None) -> str:
    return f"{step}: {outcome or STATUSES['decided']}"


def unknown(step: str) -> str:
    return f"{step}: неизвестно, подавалась ли жалоба и чем она завершилась"


def other(step: str, status: str) -> str:
    return f"{step}: {STATUSES.get(status, status)}"


def charge_cells(charges: list[Charge]) -> list[str]:
    """'Уголовный кодекс, ст. 266: ...', then 'ст. 405: ...' under the same law."""
    cells, law = [], None
    for charge in charges:
        named = "" if charge.law == law else f"{charge.law}, "
        cells.append(f"{named}ст.\u00a0{charge.article}: {charge.description}")
        law = charge.law
    return cells
