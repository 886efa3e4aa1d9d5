"""Text for `covenant articles`.

Size: the text `covenant articles` prints, apart from the treaty data."""

from __future__ import annotations

from toolkit.covenant.catalogue import ARTICLES, Provision, all_provisions, parse_provision
from toolkit.covenant.states import OPTIONAL_PROTOCOL_STATUS


def describe_all() -> str:
    lines = ["International Covenant on Civil and Political Rights (999 UNTS 171)", ""]
    for art in ARTICLES.values():
        gc = f"  [GC {art.general_comment}]" if art.general_comment else ""
        lines.append(f"{art.number:>3}  {art.title}{gc}")
    lines += ["", "Optional Protocol in force for:"]
    for state in OPTIONAL_PROTOCOL_STATUS.values():
        lines.append(f"  {state.name} ({state.iso}): {state.protocol_in_force:%d %B %Y}"
                     f" — source: {state.source}")
    lines.append("\nShow one provision: covenant articles 14(3)(b)")
    return "\n".join(lines)


def describe_provision(ref: str) -> str:
    provision = parse_provision(ref)
    art = provision.article_info
    lines = [f"Article {provision}: {provision.title}"]
    if str(provision) != str(art.number):
        lines.append(f"  in article {art.number}: {art.title}")
    parts = [p for p in all_provisions()
             if p.article == art.number and p != Provision(art.number) and _within(p, provision)]
    if parts:
        lines.append("")
        lines.extend(f"  {str(p):<12} {p.title}" for p in parts)
    comment = art.comment
    if comment:
        lines += ["", f"General Comment No {comment.number} ({comment.year}): {comment.title}",
                  f"  {comment.symbol}" + (f"  [cite as @{comment.citation_key}]"
                                           if comment.citation_key else "")]
        lines.extend(f"  para {para:<4} {text}" for para, text in comment.key_paragraphs.items())
    return "\n".join(lines)


def _within(part: Provision, whole: Provision) -> bool:
    return all(getattr(whole, f) in (None, getattr(part, f))
               for f in ("paragraph", "subparagraph", "item")) and part != whole
