"""The grading scale of trial fairness reports, and the grade the findings suggest.

The scale lives in templates/fairness-report/grading.yaml, which editors own: each
grade's definition (printed in the report's annex) and the thresholds with which the
findings of a case suggest a grade. The expert's grade is what a report prints; the
suggestion exists so that a grade that departs from the findings is explained
(toolkit/kinds/fairness_report/rules.py enforces that at build time)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from toolkit.model.case import Finding, Grade
from toolkit.model.errors import CovenantError, Report
from toolkit.readers.yamlsource import YamlProblem, locate, parse_yaml, read_text

SCALE_FILE = Path("fairness-report") / "grading.yaml"  # inside templates/
GRADES: tuple[Grade, ...] = ("A", "B", "C", "D", "F")
EFFECTS = ("no-effect", "affected-outcome", "significant-harm")
SERIOUS = ("affected-outcome", "significant-harm")

Effect = Literal["no-effect", "affected-outcome", "significant-harm"]
Count = Literal["any", "no-effect", "affected-outcome", "significant-harm", "serious"]

# How each count reads in a sentence: (one, many).
COUNT_NOUNS: dict[str, tuple[str, str]] = {
    "any": ("violation", "violations"),
    "no-effect": ("violation without effect on the outcome or significant harm",
                  "violations without effect on the outcome or significant harm"),
    "affected-outcome": ("violation that affected the outcome",
                         "violations that affected the outcome"),
    "significant-harm": ("violation that caused significant harm",
                         "violations that caused significant harm"),
    "serious": ("violation that affected the outcome or caused significant harm",
                "violations that affected the outcome or caused significant harm"),
}


# How each effect reads in a count: "2 affected the outcome".
SHORT = {"no-effect": "without effect", "affected-outcome": "affected the outcome",
         "significant-harm": "caused significant harm"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Bounds(_Strict):
    at_least: int = Field(0, ge=0)
    at_most: int | None = Field(None, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Bounds:
        if self.at_most is not None and self.at_most < self.at_least:
            raise ValueError(f"at_most ({self.at_most}) is below at_least ({self.at_least})")
        return self

    def holds(self, count: int) -> bool:
        return count >= self.at_least and (self.at_most is None or count <= self.at_most)

    def describe(self, count: str) -> str:
        """'no violation', 'one or two violations', 'three or more violations ...'"""
        one, many = COUNT_NOUNS[count]
        low, high = self.at_least, self.at_most
        if high == 0:
            return f"no {one}"
        if high is None:
            return f"{number_words(low)} or more {many}" if low else f"any number of {many}"
        noun = one if high == 1 else many
        if low == high:
            return f"exactly {number_words(low)} {noun}"
        if low == 0:
            return f"at most {number_words(high)} {noun}"
        joiner = "or" if high == low + 1 else "to"
        return f"{number_words(low)} {joiner} {number_words(high)} {many}"


def number_words(n: int) -> str:
    """2 -> 'two': numbers up to ten in words, as prose writes them."""
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
             "ten")
    return words[n] if n < len(words) else str(n)


class GradeDefinition(_Strict):
    grade: Grade
    name: str
    definition: str
    suggested_when: dict[Count, Bounds] | None = None

    def holds(self, counts: Counter) -> bool:
        return self.suggested_when is not None and all(
            bounds.holds(counts[count]) for count, bounds in self.suggested_when.items())

    @property
    def rule(self) -> str:
        """When the findings suggest this grade, in words (the annex prints it)."""
        if self.suggested_when is None:
            return "Never suggested from the findings: the expert gives it, with reasons."
        if not self.suggested_when:
            return "Suggested whatever the findings."
        parts = [b.describe(c) for c, b in self.suggested_when.items()]
        return "Suggested when the findings record " + ", and ".join(parts) + "."


class Scale(_Strict):
    # Whose scale this is, in a sentence the annex and the methodology print ("This scale
    # is ..."): a report must not pass off one programme's scale as another's.
    owner: str = Field(min_length=1)
    effects: dict[Effect, str]
    grades: list[GradeDefinition]
    # A language whose verbs agree in number (Russian) gives each effect's plural too,
    # for "both caused ..." ("оба причинили ..."); in its grading.<language>.yaml.
    effects_plural: dict[Effect, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _complete(self) -> Scale:
        listed = [g.grade for g in self.grades]
        if sorted(listed) != sorted(GRADES):
            raise ValueError(f"the scale must define each of the grades {', '.join(GRADES)} "
                             f"exactly once; it defines {', '.join(listed) or 'none'}")
        missing = [e for e in EFFECTS if e not in self.effects]
        if missing:
            raise ValueError(f"'effects' must describe {', '.join(missing)} as well")
        return self

    def definition(self, grade: str) -> GradeDefinition:
        return next(g for g in self.grades if g.grade == grade)

    def in_order(self) -> list[GradeDefinition]:
        """A to F, whatever order the file lists them in."""
        return sorted(self.grades, key=lambda g: GRADES.index(g.grade))


def count_effects(findings: Iterable[Finding]) -> Counter:
    counts: Counter = Counter(f.effect for f in findings)
    counts["serious"] = sum(counts[e] for e in SERIOUS)
    counts["any"] = sum(counts[e] for e in EFFECTS)
    return counts


@dataclass(frozen=True)
class Suggestion:
    grade: str | None  # None: no grade's conditions hold (the scale has a gap)
    counts: Counter

    def explain(self) -> str:
        """'2 findings: 1 affected the outcome, 1 caused significant harm'"""
        total = self.counts["any"]
        if not total:
            return "no findings of a violation"
        parts = [f"{self.counts[e]} {SHORT[e]}" for e in EFFECTS if self.counts[e]]
        noun = "finding" if total == 1 else "findings"
        return f"{total} {noun}: " + ", ".join(parts)


def suggest(findings: Iterable[Finding], scale: Scale) -> Suggestion:
    """The grade the findings suggest: the worst grade whose conditions all hold."""
    counts = count_effects(findings)
    for definition in reversed(scale.in_order()):
        if definition.holds(counts):
            return Suggestion(definition.grade, counts)
    return Suggestion(None, counts)


class _GradeWords(_Strict):
    name: str = Field(min_length=1)
    definition: str = Field(min_length=1)


class ScaleWords(_Strict):
    """grading.<language>.yaml: the scale's words in another language. The thresholds
    stay in grading.yaml, so every language's report applies the same scale."""

    owner: str = Field(min_length=1)
    effects: dict[Effect, str]
    effects_plural: dict[Effect, str] = Field(default_factory=dict)
    grades: dict[Grade, _GradeWords]

    @model_validator(mode="after")
    def _complete(self) -> ScaleWords:
        missing = [g for g in GRADES if g not in self.grades]
        missing += [e for e in EFFECTS if e not in self.effects]
        if missing:
            raise ValueError(f"the words of {', '.join(missing)} are missing: give every "
                             "grade and every effect of grading.yaml")
        return self

    def applied(self, scale: Scale) -> Scale:
        grades = [g.model_copy(update=self.grades[g.grade].model_dump())
                  for g in scale.grades]
        return scale.model_copy(update={"owner": self.owner, "effects": self.effects,
                                        "effects_plural": self.effects_plural,
                                        "grades": grades})


def words_file(language: str) -> Path:
    """grading.yaml for English, grading.<language>.yaml for the words of another."""
    return SCALE_FILE if language == "en" else SCALE_FILE.with_suffix(f".{language}.yaml")


def load_scale(templates: Path, shown: str | None = None, language: str = "en") -> Scale:
    """Read templates/fairness-report/grading.yaml and, for a report in another
    language, its words from grading.<language>.yaml; any problem names its line."""
    scale = _read(templates, SCALE_FILE, Scale, shown)
    if language == "en":
        return scale
    relative = words_file(language)
    shown_words = f"templates/{relative.as_posix()}" if shown else None
    return _read(templates, relative, ScaleWords, shown_words).applied(scale)


def _read(templates: Path, relative: Path, model, shown: str | None):
    path = Path(templates) / relative
    shown = shown or str(path)
    report = Report()
    try:
        raw = parse_yaml(read_text(path, templates))
    except FileNotFoundError:
        raise CovenantError(f"{shown}: the grading scale is missing; restore it from a new "
                            "workspace ('covenant init DIR')") from None
    except YamlProblem as problem:
        report.error(shown, problem.mark.line, problem.mark.column, problem.message, "yaml")
        raise CovenantError(f"{shown}: the grading scale cannot be read", report) from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(s for s in error["loc"] if not str(s).startswith("function-"))
            mark = locate(raw, loc)
            where = ".".join(str(s) for s in loc) or "the file"
            message = error["msg"].removeprefix("Value error, ")
            report.error(shown, mark.line, mark.column, f"{where}: {message}", "grading")
        raise CovenantError(f"{shown}: the grading scale has errors", report) from None
