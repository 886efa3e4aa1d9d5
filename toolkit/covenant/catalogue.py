"""Every article of the ICCPR with its paragraphs and sub-paragraphs.

Structure and short titles follow the treaty text (999 UNTS 171); the titles are our own
summaries, not the treaty's words (the Covenant has no official article headings).
Sub-paragraph letters and the romans of art 8(3)(c) are listed so that a reference
such as `14(3)(h)` is rejected and `14(3)(b)` is known. Every lettered sub-paragraph of
the treaty text is here: 2(3)(a)-(c), 8(3)(a)-(c) with (c)(i)-(iv), 10(2)(a)-(b),
14(3)(a)-(g), 19(3)(a)-(b), 25(a)-(c), 39(2)(a)-(b), 40(1)(a)-(b), 41(1)(a)-(h),
42(1)(a)-(b), 42(7)(a)-(d) and 52(a)-(b) (tests/test_covenant_catalogue.py pins the list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit.covenant.comments import GENERAL_COMMENTS, GeneralComment


@dataclass(frozen=True)
class Article:
    number: int
    title: str
    paragraphs: int  # 1 = a single unnumbered paragraph
    # paragraph number (0 for an unnumbered paragraph) -> sub-paragraph letters
    subparagraphs: dict[int, str] = field(default_factory=dict)
    # (paragraph, letter) -> count of roman items, e.g. 8(3)(c)(i)-(iv)
    items: dict[tuple[int, str], int] = field(default_factory=dict)
    # "3" / "3(b)" -> short title of that part
    parts: dict[str, str] = field(default_factory=dict)
    general_comment: int | None = None

    @property
    def comment(self) -> GeneralComment | None:
        return GENERAL_COMMENTS.get(self.general_comment) if self.general_comment else None


def _a(number, title, paragraphs=1, sub=None, items=None, parts=None, gc=None) -> Article:
    return Article(number, title, paragraphs, sub or {}, items or {}, parts or {}, gc)


ARTICLES: dict[int, Article] = {a.number: a for a in [
    # Part I
    _a(1, "Right of self-determination", 3, gc=12),
    # Part II
    _a(2, "Obligation to respect and ensure rights; effective remedy", 3, {3: "abc"},
       parts={"1": "Respect and ensure rights without distinction",
              "2": "Legislative and other measures", "3": "Right to an effective remedy",
              "3(a)": "Effective remedy for violations", "3(b)": "Remedy determined by a "
              "competent authority", "3(c)": "Enforcement of remedies"}, gc=31),
    _a(3, "Equal rights of men and women", gc=28),
    _a(4, "Derogation in time of public emergency", 3, gc=29),
    _a(5, "No destruction of rights; saving clause", 2),
    # Part III
    _a(6, "Right to life", 6, gc=36),
    _a(7, "Prohibition of torture and cruel, inhuman or degrading treatment", gc=20),
    _a(8, "Prohibition of slavery, servitude and forced labour", 3, {3: "abc"}, {(3, "c"): 4}),
    _a(9, "Liberty and security of person", 5,
       parts={"1": "No arbitrary arrest or detention", "2": "Reasons for arrest and "
              "prompt notice of charges", "3": "Prompt appearance before a judge; trial "
              "within a reasonable time", "4": "Review of lawfulness of detention",
              "5": "Compensation for unlawful detention"}, gc=35),
    _a(10, "Humane treatment of persons deprived of liberty", 3, {2: "ab"}, gc=21),
    _a(11, "No imprisonment for inability to fulfil a contract"),
    _a(12, "Freedom of movement and to leave any country", 4, gc=27),
    _a(13, "Procedural guarantees against expulsion of aliens", gc=15),
    _a(14, "Equality before courts and right to a fair trial", 7, {3: "abcdefg"},
       parts={"1": "Equality before courts; fair and public hearing by an independent "
              "and impartial tribunal", "2": "Presumption of innocence",
              "3": "Minimum guarantees in criminal proceedings",
              "3(a)": "Prompt and detailed information about the charge",
              "3(b)": "Adequate time and facilities for the defence; communication "
              "with counsel", "3(c)": "Trial without undue delay",
              "3(d)": "Presence at trial; defence in person or through counsel; legal aid",
              "3(e)": "Examination of witnesses", "3(f)": "Free assistance of an interpreter",
              "3(g)": "No compulsion to testify or confess guilt", "4": "Juvenile persons",
              "5": "Review by a higher tribunal", "6": "Compensation for miscarriage of "
              "justice", "7": "Ne bis in idem"}, gc=32),
    _a(15, "No retroactive criminal law or heavier penalty", 2,
       parts={"1": "No conviction or heavier penalty without law at the time",
              "2": "Acts criminal under general principles of law"}),
    _a(16, "Recognition as a person before the law"),
    _a(17, "Privacy, family, home, correspondence, honour and reputation", 2, gc=16),
    _a(18, "Freedom of thought, conscience and religion", 4, gc=22),
    _a(19, "Freedom of opinion and expression", 3, {3: "ab"},
       parts={"1": "Freedom to hold opinions", "2": "Freedom of expression",
              "3": "Permissible restrictions", "3(a)": "Rights or reputations of others",
              "3(b)": "National security, public order, public health or morals"}, gc=34),
    _a(20, "Prohibition of war propaganda and advocacy of hatred", 2, gc=11),
    _a(21, "Right of peaceful assembly", gc=37),
    _a(22, "Freedom of association", 3,
       parts={"1": "Freedom of association",
              "2": "Permissible restrictions", "3": "ILO Convention No 87"}),
    _a(23, "Protection of the family; right to marry", 4, gc=19),
    _a(24, "Rights of the child", 3, gc=17),
    _a(25, "Participation in public affairs, voting and access to public service", 1,
       {0: "abc"}, parts={"(a)": "Take part in the conduct of public affairs",
                          "(b)": "Vote and be elected at genuine periodic elections",
                          "(c)": "Equal access to public service"}, gc=25),
    _a(26, "Equality before the law and non-discrimination", gc=18),
    _a(27, "Rights of minorities", gc=23),
    # Part IV: the Human Rights Committee
    _a(28, "Establishment of the Human Rights Committee", 3),
    _a(29, "Nomination of candidates for the Committee", 3),
    _a(30, "Elections: timing and lists of candidates", 4),
    _a(31, "Composition of the Committee", 2),
    _a(32, "Terms of office", 2),
    _a(33, "Members unable to carry out their functions", 2),
    _a(34, "Filling vacancies", 3),
    _a(35, "Emoluments of members"),
    _a(36, "Staff and facilities"),
    _a(37, "Meetings of the Committee", 3),
    _a(38, "Solemn declaration of members"),
    _a(39, "Officers and rules of procedure", 2, {2: "ab"}),
    _a(40, "Reports by States parties", 5, {1: "ab"}, gc=30),
    _a(41, "Inter-State communications", 2, {1: "abcdefgh"}),
    _a(42, "Ad hoc Conciliation Commissions", 7, {1: "ab", 7: "abcd"}),
    _a(43, "Privileges and immunities of members"),
    _a(44, "Relation to other procedures for settling disputes"),
    _a(45, "Annual report of the Committee"),
    # Part V
    _a(46, "Relation to the UN Charter and specialized agencies"),
    _a(47, "Right of peoples to their natural wealth and resources"),
    # Part VI
    _a(48, "Signature, ratification and accession", 5),
    _a(49, "Entry into force", 2),
    _a(50, "Application to federal States"),
    _a(51, "Amendments", 3),
    _a(52, "Notifications by the Secretary-General", 1, {0: "ab"}),
    _a(53, "Authentic texts", 2),
]}

ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
_REF = re.compile(r"(?i)^\s*(?:art(?:icle)?s?\.?\s*)?(\d+)\s*((?:\(\s*[0-9a-zA-Z]+\s*\)\s*)*)$")
_PART = re.compile(r"\(\s*([0-9a-zA-Z]+)\s*\)")


class ProvisionError(ValueError):
    """A reference that names no provision of the Covenant."""


@dataclass(frozen=True)
class Provision:
    article: int
    paragraph: int | None = None  # None: the whole article (or its only paragraph)
    subparagraph: str | None = None
    item: str | None = None

    def __str__(self) -> str:
        text = str(self.article)
        if self.paragraph:
            text += f"({self.paragraph})"
        if self.subparagraph:
            text += f"({self.subparagraph})"
        if self.item:
            text += f"({self.item})"
        return text

    @property
    def article_info(self) -> Article:
        return ARTICLES[self.article]

    @property
    def title(self) -> str:
        """The most specific short title we have for this provision."""
        art = self.article_info
        para = str(self.paragraph) if self.paragraph else ""
        candidates = []
        if self.subparagraph:
            candidates.append(f"{para}({self.subparagraph})")
        if para:
            candidates.append(para)
        for key in candidates:
            if key in art.parts:
                return art.parts[key]
        return art.title

    @property
    def sort_key(self) -> tuple:
        return (self.article, self.paragraph or 0, self.subparagraph or "", self.item or "")


def _letters(letters: str) -> str:
    return f"({letters[0]}) to ({letters[-1]})" if len(letters) > 1 else f"({letters})"


def parse_provision(ref: str | int) -> Provision:
    """Parse `14(3)(b)`, `art 19(2)`, `25(a)`, `21`; raise ProvisionError with advice."""
    text = str(ref)
    match = _REF.match(text)
    if not match:
        raise ProvisionError(f"{text!r} is not a covenant provision; write it as the article "
                             "number with paragraph and sub-paragraph in brackets, e.g. "
                             "'14(3)(b)' or '19(2)'")
    number = int(match.group(1))
    parts = [p.lower() for p in _PART.findall(match.group(2))]
    if number not in ARTICLES:
        raise ProvisionError(f"article {number} does not exist: the Covenant has articles "
                             f"1 to {max(ARTICLES)}")
    art = ARTICLES[number]
    paragraph: int | None = None
    if parts and parts[0].isdigit():
        paragraph = int(parts.pop(0))
        if art.paragraphs == 1:
            raise ProvisionError(f"article {number} has a single unnumbered paragraph; "
                                 f"write '{number}' without '({paragraph})'")
        if not 1 <= paragraph <= art.paragraphs:
            raise ProvisionError(f"article {number} has paragraphs 1 to {art.paragraphs}; "
                                 f"there is no paragraph {paragraph}")
    where = f"{number}({paragraph})" if paragraph else str(number)
    subparagraph = item = None
    if parts:
        letters = art.subparagraphs.get(paragraph or 0, "")
        if not letters:
            hint = ""
            if paragraph is None and art.paragraphs > 1:
                hint = f" (name the paragraph first, e.g. '{number}(1)')"
            raise ProvisionError(f"article {where} has no sub-paragraphs{hint}")
        subparagraph = parts.pop(0)
        if subparagraph not in letters:
            raise ProvisionError(f"article {where} has sub-paragraphs {_letters(letters)}; "
                                 f"there is no ({subparagraph})")
    if parts:
        count = art.items.get((paragraph or 0, subparagraph), 0)
        item = parts.pop(0)
        if not count:
            raise ProvisionError(f"article {where}({subparagraph}) has no further "
                                 "subdivisions")
        if item not in ROMANS[:count]:
            raise ProvisionError(f"article {where}({subparagraph}) has items (i) to "
                                 f"({ROMANS[count - 1]}); there is no ({item})")
    if parts:
        raise ProvisionError(f"{text!r} has more subdivisions than the Covenant does")
    return Provision(number, paragraph, subparagraph, item)


def all_provisions() -> list[Provision]:
    """Every article, paragraph, sub-paragraph and item, in treaty order."""
    result = []
    for art in ARTICLES.values():
        result.append(Provision(art.number))
        paragraphs = range(1, art.paragraphs + 1) if art.paragraphs > 1 else [0]
        for para in paragraphs:
            if para:
                result.append(Provision(art.number, para))
            for letter in art.subparagraphs.get(para, ""):
                result.append(Provision(art.number, para or None, letter))
                for roman in ROMANS[: art.items.get((para, letter), 0)]:
                    result.append(Provision(art.number, para or None, letter, roman))
    return result
