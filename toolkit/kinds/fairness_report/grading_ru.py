"""The grading scale's rules in Russian words: when the findings suggest a grade, as the
Russian report's annex prints it ("Предлагается, если выявлено от одного до двух
нарушений и не выявлено ни одного нарушения, повлиявшего на исход или причинившего
значительный вред."). The thresholds are those of grading.yaml, so the Russian annex and
the English one describe the same rules; only the words differ.

Size: one table and two functions, the Russian counterpart of Bounds.describe and
GradeDefinition.rule in grading.py."""

from __future__ import annotations

from toolkit.kinds.russian import count, noun_for, number_word

# What each count adds to the noun "нарушение", by the form the number gives it: after
# one in the nominative, after one in the genitive, and in the plural (the participle
# after 2-4 is genitive plural, as after 5 and more).
QUALIFIERS: dict[str, tuple[str, str, str]] = {
    "any": ("", "", ""),
    "no-effect": (", не повлиявшее на исход и не причинившее значительного вреда",
                  ", не повлиявшего на исход и не причинившего значительного вреда",
                  ", не повлиявших на исход и не причинивших значительного вреда"),
    "affected-outcome": (", повлиявшее на исход", ", повлиявшего на исход",
                         ", повлиявших на исход"),
    "significant-harm": (", причинившее значительный вред",
                         ", причинившего значительный вред",
                         ", причинивших значительный вред"),
    "serious": (", повлиявшее на исход или причинившее значительный вред",
                ", повлиявшего на исход или причинившего значительный вред",
                ", повлиявших на исход или причинивших значительный вред"),
}


def _genitive(n: int, what: str) -> str:
    """'одного нарушения, повлиявшего на исход', 'трех нарушений, повлиявших на исход'."""
    one, one_gen, many = QUALIFIERS[what]
    return f"{count(n, 'нарушение', 'gent')}{one_gen if n == 1 else many}"


def describe(low: int, high: int | None, what: str) -> str:
    """One condition as a clause with its verb: 'не выявлено ни одного нарушения',
    'выявлено не менее трех нарушений, ...', 'выявлено от одного до двух нарушений'."""
    one, one_gen, many = QUALIFIERS[what]
    if high == 0:
        return f"не выявлено ни одного нарушения{one_gen}"
    if high is None:
        return (f"выявлено не менее {_genitive(low, what)}" if low
                else f"выявлено любое число нарушений{many}")
    if low == high:
        return f"выявлено ровно {count(low, 'нарушение')}{one if low == 1 else many}"
    if low == 0:
        return f"выявлено не более {_genitive(high, what)}"
    return (f"выявлено от {number_word(low, 'gent', 'neut')} до "
            f"{number_word(high, 'gent', 'neut')} {noun_for(high, 'нарушение', 'gent')}"
            f"{many}")


def rule(definition) -> str:
    """When the findings suggest this grade (a GradeDefinition), in Russian."""
    if definition.suggested_when is None:
        return ("Не предлагается на основании выводов: эксперт выставляет эту оценку, "
                "излагая ее основания.")
    if not definition.suggested_when:
        return "Предлагается при любых выводах."
    parts = [describe(b.at_least, b.at_most, c) for c, b in definition.suggested_when.items()]
    text = parts[0]
    for previous, part in zip(parts, parts[1:], strict=False):
        text += (", и " if "," in previous else " и ") + part
    return f"Предлагается, если {text}."
