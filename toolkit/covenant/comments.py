"""General Comments of the Human Rights Committee, with the paragraphs most often cited.

Paragraph summaries are our own words. `citation_key` names the entry in the shipped
citation library (citations/un-documents.yaml) where we ship one.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GeneralComment:
    number: int
    year: int
    title: str
    symbol: str
    citation_key: str | None = None
    key_paragraphs: dict[str, str] = field(default_factory=dict)


GENERAL_COMMENTS: dict[int, GeneralComment] = {gc.number: gc for gc in [
    GeneralComment(11, 1983, "Prohibition of propaganda for war and advocacy of hatred",
                   "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(12, 1984, "The right to self-determination of peoples",
                   "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(15, 1986, "The position of aliens under the Covenant",
                   "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(16, 1988, "The right to privacy", "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(17, 1989, "Rights of the child", "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(18, 1989, "Non-discrimination", "HRI/GEN/1/Rev.9 (Vol I)", None, {
        "7": "What 'discrimination' means in the Covenant",
        "12": "Article 26 is an autonomous right, not limited to Covenant rights",
        "13": "Differences in treatment must be reasonable and objective",
    }),
    GeneralComment(19, 1990, "Protection of the family, the right to marriage and equality "
                   "of the spouses", "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(20, 1992, "Prohibition of torture or other cruel, inhuman or degrading "
                   "treatment or punishment", "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(21, 1992, "Humane treatment of persons deprived of their liberty",
                   "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(22, 1993, "The right to freedom of thought, conscience and religion",
                   "CCPR/C/21/Rev.1/Add.4"),
    GeneralComment(23, 1994, "The rights of minorities", "CCPR/C/21/Rev.1/Add.5"),
    GeneralComment(25, 1996, "The right to participate in public affairs, voting rights and "
                   "the right of equal access to public service", "CCPR/C/21/Rev.1/Add.7",
                   "hrc-gc-25", {
                       "1": "Article 25 lies at the core of democratic government",
                       "8": "Participation through public debate and organising, supported "
                            "by expression, assembly and association",
                       "12": "Expression, assembly and association are essential conditions "
                             "for the effective exercise of the right to vote",
                       "25": "Free communication on political issues and a free press",
                       "26": "The right to form and join political organisations and parties",
                   }),
    GeneralComment(27, 1999, "Freedom of movement", "CCPR/C/21/Rev.1/Add.9"),
    GeneralComment(28, 2000, "Equality of rights between men and women",
                   "CCPR/C/21/Rev.1/Add.10"),
    GeneralComment(29, 2001, "States of emergency", "CCPR/C/21/Rev.1/Add.11", None, {
        "7": "Article 15 is non-derogable: legality applies even in emergencies",
    }),
    GeneralComment(30, 2002, "Reporting obligations of States parties",
                   "CCPR/C/21/Rev.2/Add.1"),
    GeneralComment(31, 2004, "The nature of the general legal obligation imposed on States "
                   "parties to the Covenant", "CCPR/C/21/Rev.1/Add.13", "hrc-gc-31", {
                       "8": "Positive obligations, including protection against private actors",
                       "15": "Remedies must be accessible and effective; allegations must be "
                             "investigated",
                       "16": "Reparation: compensation, restitution, rehabilitation, "
                             "satisfaction, guarantees of non-repetition",
                       "17": "Non-repetition may require changes in law or practice",
                   }),
    GeneralComment(32, 2007, "Article 14: Right to equality before courts and tribunals and "
                   "to a fair trial", "CCPR/C/GC/32", "hrc-gc-32", {
                       "2": "Article 14 is a procedural means of safeguarding the rule of law",
                       "13": "Equality of arms",
                       "19": "Independence and impartiality are an absolute requirement",
                       "21": "Judges must not harbour preconceptions and must appear impartial",
                       "25": "A fair hearing excludes influence, pressure or intimidation",
                       "30": "Presumption of innocence: authorities must not prejudge the outcome",
                       "33": "Adequate facilities include access to documents and evidence",
                       "34": "Counsel must act without restriction, pressure or interference",
                       "39": "Equal opportunity to call and examine witnesses",
                   }),
    GeneralComment(34, 2011, "Article 19: Freedoms of opinion and expression", "CCPR/C/GC/34",
                   "hrc-gc-34", {
                       "2": "These freedoms are the foundation stone of a free and democratic "
                            "society",
                       "3": "Expression underpins transparency and accountability",
                       "4": "Links with assembly, association and voting",
                       "11": "Political discourse and discussion of human rights are protected",
                       "12": "All forms and means, including internet-based expression",
                       "22": "Restrictions: provided by law, legitimate aim, necessity",
                       "23": "Restrictions never justify silencing advocacy of democracy",
                       "25": "A law must be precise and accessible",
                       "34": "Necessity and proportionality",
                       "35": "The State must show a direct and immediate link to a threat",
                       "38": "Public figures and institutions must tolerate criticism",
                       "46": "'Extremist activity' offences must be clearly defined",
                   }),
    GeneralComment(35, 2014, "Article 9: Liberty and security of person", "CCPR/C/GC/35",
                   "hrc-gc-35", {
                       "3": "Liberty and security of person defined",
                       "12": "'Arbitrary' is broader than 'unlawful'",
                       "17": "Detention as punishment for exercising Covenant rights is "
                             "arbitrary",
                       "38": "Pre-trial detention must be the exception",
                   }),
    GeneralComment(36, 2018, "Article 6: Right to life", "CCPR/C/GC/36"),
    GeneralComment(37, 2020, "Article 21: Right of peaceful assembly", "CCPR/C/GC/37",
                   "hrc-gc-37", {
                       "1": "Assembly is a foundation of participatory governance",
                       "4": "An individual right exercised collectively",
                       "6": "Protected outdoors, indoors and online",
                       "15": "Assemblies are presumed peaceful",
                       "36": "Restrictions: legality, legitimate aim, necessity",
                       "40": "Necessity and proportionality",
                       "71": "Failure to notify does not make participation unlawful",
                   }),
]}
