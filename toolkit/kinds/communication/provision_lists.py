"""Several provisions of the Covenant named at once, grouped by article as the Committee
writes them in its Views in each language:

    fr  articles 9 (par. 1), 14 (par. 1 et 3 b)), 15 (par. 1), 21, 25 a) et 26
    es  artículos 9, párrafo 1; 14, párrafos 1 y 3 b); 15, párrafo 1; 21; 25 a) y 26
    ru  пункт 1 статьи 9, пункты 1 и 3 b) статьи 14, статью 21 и статью 26 (accusative)

In the order given (the templates pass them sorted); English has no entry and keeps
`provision_ref` for each ('article 9(1)'). No-break spaces keep a number with its word.

Size: one function per language and the registry that picks it; provision_ref (for a
single provision) is in standards.py."""

from __future__ import annotations

from collections.abc import Callable

from toolkit.covenant import Provision

NBSP = "\u00a0"


def _by_article(provisions: list[Provision]) -> list[tuple[int, list[Provision]]]:
    groups: dict[int, list[Provision]] = {}
    for provision in provisions:
        groups.setdefault(provision.article, []).append(provision)
    return list(groups.items())


def _letters(provision: Provision) -> str:
    return " ".join(f"{x})" for x in (provision.subparagraph, provision.item) if x)


def _part(provision: Provision) -> str:
    """'1', '3 b)', 'a)' (a subparagraph of an article without numbered paragraphs)."""
    letters = _letters(provision)
    if provision.paragraph:
        return f"{provision.paragraph}{NBSP}{letters}" if letters else str(provision.paragraph)
    return letters


def _join(items: list[str], last: str, between: str = ", ") -> str:
    if len(items) < 2:
        return "".join(items)
    return between.join(items[:-1]) + last + items[-1]


def _fr(provisions: list[Provision], case: str) -> str:
    items = []
    for article, group in _by_article(provisions):
        if any(not p.paragraph and not p.subparagraph for p in group):
            items.append(str(article))
        elif all(p.paragraph for p in group):
            parts = _join([_part(p) for p in group], " et ")
            items.append(f"{article} (par.{NBSP}{parts})")
        else:
            items.append(f"{article} " + _join([_part(p) for p in group], " et "))
    word = "articles" if len(items) > 1 else "article"
    return f"{word}{NBSP}" + _join(items, " et ")


def _es(provisions: list[Provision], case: str) -> str:
    items = []
    for article, group in _by_article(provisions):
        if any(not p.paragraph and not p.subparagraph for p in group):
            items.append(str(article))
        elif all(p.paragraph for p in group):
            word = "párrafos" if len(group) > 1 else "párrafo"
            items.append(f"{article}, {word}{NBSP}" + _join([_part(p) for p in group], " y "))
        else:
            items.append(f"{article} " + _join([_part(p) for p in group], " y "))
    word = "artículos" if len(items) > 1 else "artículo"
    return f"{word}{NBSP}" + _join(items, " y ", "; ")


# Russian: the article's and the paragraph's word by case, singular and plural.
_RU_ARTICLE = {"nom": "статья", "gen": "статьи", "dat": "статье", "acc": "статью",
               "ins": "статьей", "pre": "статье"}
_RU_PARAGRAPH = {"nom": "пункт", "gen": "пункта", "dat": "пункту", "acc": "пункт",
                 "ins": "пунктом", "pre": "пункте"}
_RU_PARAGRAPHS = {"nom": "пункты", "gen": "пунктов", "dat": "пунктам", "acc": "пункты",
                  "ins": "пунктами", "pre": "пунктах"}


def _ru(provisions: list[Provision], case: str) -> str:
    items = []
    for article, group in _by_article(provisions):
        if any(not p.paragraph and not p.subparagraph for p in group):
            items.append(f"{_RU_ARTICLE[case]}{NBSP}{article}")
            continue
        words = _RU_PARAGRAPHS if len(group) > 1 else _RU_PARAGRAPH
        parts = _join([_part(p) for p in group], " и ")
        items.append(f"{words[case]}{NBSP}{parts} статьи{NBSP}{article}")
    return _join(items, " и ")


_LISTS: dict[str, Callable[[list[Provision], str], str]] = {"fr": _fr, "es": _es, "ru": _ru}


def provision_list(provisions: list[Provision], language: str, case: str = "nom") -> str | None:
    """The provisions grouped by article in `language`; None where the language has no
    grouped form (English: the template names each)."""
    make = _LISTS.get(language)
    return make(list(provisions), case) if make else None
