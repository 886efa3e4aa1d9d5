"""General Comments of the Human Rights Committee, with the paragraphs most often cited.

Paragraph summaries are our own words, written as clauses that read after "the
Committee has explained that". `citation_key` names the entry in the shipped
citation library (citations/un-documents.yaml) where we ship one.

Each summary names its source: `read_at` is the public copy of the General Comment's text
that the summaries were written from, and `unchecked` lists the paragraphs whose summary
has not yet been re-read against the Committee's text. The audit of December 2026 re-read
most of them; a later re-read confirmed or corrected the rest, so none is listed today.
Where the stored copy at `read_at` could not be read as far as a paragraph, the re-read
used another copy of the final text, or a quotation of the paragraph that names it, and
docs/sources.md names it. `covenant articles` prints both, so a lawyer sees which
summaries to confirm before relying on them. The standards data
(templates/communication/standards.*.yaml) may cite only paragraphs summarised here
(toolkit/kinds/standards.py checks it).
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
    read_at: str = ""  # the public copy of the text the summaries were written from
    unchecked: frozenset[str] = frozenset()  # summaries not yet re-read against it

    def checked(self, paragraph: str) -> bool:
        """Whether the summary of `paragraph` has been re-read against `read_at`."""
        return bool(self.read_at) and paragraph not in self.unchecked


GENERAL_COMMENTS: dict[int, GeneralComment] = {gc.number: gc for gc in [
    GeneralComment(11, 1983, "Prohibition of propaganda for war and advocacy of hatred",
                   "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(12, 1984, "The right to self-determination of peoples",
                   "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(15, 1986, "The position of aliens under the Covenant",
                   "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(16, 1988, "The right to privacy", "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(17, 1989, "Rights of the child", "HRI/GEN/1/Rev.9 (Vol I)"),
    GeneralComment(18, 1989, "Non-discrimination", "HRI/GEN/1/Rev.1 at 26", "hrc-gc-18", {
        "1": "non-discrimination and equality before the law are a basic and general principle "
             "of the protection of human rights, and article 26 guarantees everyone equal and "
             "effective protection against discrimination on any ground, political or other "
             "opinion included",
        "7": "discrimination means any distinction, exclusion, restriction or preference based "
             "on a ground such as those the Covenant lists that is meant to, or does, defeat or "
             "impair everyone's equal enjoyment of rights and freedoms",
        "12": "article 26 stands on its own: it bars discrimination, in law or in practice, in "
              "every area that public authorities regulate and protect",
        "13": "a difference in treatment is not discrimination if its criteria are reasonable "
              "and objective and its aim is legitimate under the Covenant",
    }, read_at="http://hrlibrary.umn.edu/gencomm/hrcom18.htm"),
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
                       "1": "article 25 lies at the core of democratic government",
                       "8": "citizens take part in public affairs through public debate and "
                            "their capacity to organise, supported by expression, assembly "
                            "and association",
                       "12": "freedom of expression, assembly and association are essential "
                             "conditions for the effective exercise of the right to vote",
                       "25": "free communication of information and ideas on political issues is "
                             "essential",
                       "26": "freedom of association, including the right to form and join "
                             "political organisations and parties, is an essential adjunct to "
                             "the rights article 25 protects",
                   }, read_at="https://www.scribd.com/document/582970111/G-C-25"),
    GeneralComment(27, 1999, "Freedom of movement", "CCPR/C/21/Rev.1/Add.9"),
    GeneralComment(28, 2000, "Equality of rights between men and women",
                   "CCPR/C/21/Rev.1/Add.10"),
    GeneralComment(29, 2001, "States of emergency", "CCPR/C/21/Rev.1/Add.11", None, {
        "7": "article 15 cannot be derogated from: the principle of legality applies even in an "
             "emergency",
    }, read_at="https://ls-cts.unog.ch/sites/default/files/2019-05/CCPR_GC_29_ENG-CHI_BT.htm"),
    GeneralComment(30, 2002, "Reporting obligations of States parties",
                   "CCPR/C/21/Rev.2/Add.1"),
    GeneralComment(31, 2004, "The nature of the general legal obligation imposed on States "
                   "parties to the Covenant", "CCPR/C/21/Rev.1/Add.13", "hrc-gc-31", {
                       "8": "States must protect rights against violations by private persons as "
                            "well as by their own agents",
                       "15": "remedies must be accessible and effective, and allegations must be "
                             "investigated promptly and impartially",
                       "16": "without reparation to the victim there is no effective remedy: the "
                             "Covenant generally entails appropriate compensation, and reparation "
                             "can, where appropriate, take the form of restitution, "
                             "rehabilitation, satisfaction and guarantees of non-repetition",
                       "17": "preventing a recurrence may require changes in the State's laws or "
                             "practices",
                   }, read_at="https://ls-cts.unog.ch/sites/default/files/2019-05/"
                              "CCPR_GC_31_ENG-CHI_BT.htm"),
    GeneralComment(32, 2007, "Article 14: Right to equality before courts and tribunals and "
                   "to a fair trial", "CCPR/C/GC/32", "hrc-gc-32", {
                       "2": "article 14 is a procedural means of safeguarding the rule of law",
                       "13": "both parties must have the same procedural rights (equality of arms)",
                       "19": "the independence and impartiality of a tribunal is an absolute "
                             "right that admits no exception",
                       "21": "judges must not harbour preconceptions about the case and must also "
                             "appear impartial to a reasonable observer",
                       "25": "a fair hearing requires the absence of any direct or indirect "
                             "influence, pressure or intimidation",
                       "26": "it is generally for domestic courts to assess facts and evidence, "
                             "unless their assessment was clearly arbitrary, amounted to a "
                             "manifest error or a denial of justice, or the court otherwise "
                             "failed in its duty of independence and impartiality",
                       "30": "public authorities must refrain from prejudging the outcome of a "
                             "trial",
                       "33": "adequate facilities include access to the documents and other "
                             "evidence the prosecution plans to use",
                       "34": "counsel must be able to advise and represent the accused without "
                             "restriction, influence, pressure or undue interference",
                       "39": "the defence must have the same opportunity as the prosecution to "
                             "call and examine witnesses",
                   }, read_at="https://645012.skal.fun/gencomm/hrcom32.html"),
    GeneralComment(33, 2008, "The obligations of States parties under the Optional Protocol "
                   "to the International Covenant on Civil and Political Rights",
                   "CCPR/C/GC/33", None, {
                       "2": "the Optional Protocol is not in force for every State party to the "
                            "Covenant: a State becomes bound by it only by a separate consent",
                       "3": "the Optional Protocol sets out a procedure and imposes obligations "
                            "arising from it, in addition to the State's obligations under the "
                            "Covenant",
                       "4": "a State party to the Optional Protocol recognises the Committee's "
                            "competence to receive communications from individuals subject to "
                            "its jurisdiction who claim to be victims of a violation by it",
                   }, read_at="http://derechos.org/nizkor/ley/doc/obgen33en.html"),
    GeneralComment(34, 2011, "Article 19: Freedoms of opinion and expression", "CCPR/C/GC/34",
                   "hrc-gc-34", {
                       "2": "freedom of opinion and expression is the foundation stone of every "
                            "free and democratic society",
                       "3": "freedom of expression is necessary for transparency and "
                            "accountability",
                       "9": "the right to hold opinions without interference admits no "
                            "exception or restriction",
                       "4": "freedom of expression is integral to the rights of assembly, "
                            "association and participation",
                       "11": "article 19(2) protects political discourse, commentary on public "
                             "affairs and discussion of human rights",
                       "12": "article 19(2) protects all forms and means of expression, including "
                             "electronic and internet-based ones",
                       "22": "a restriction must be provided by law, pursue a legitimate aim "
                             "listed in article 19(3) and be necessary and proportionate",
                       "23": "article 19(3) may never justify silencing those who advocate "
                             "multi-party democracy, democratic principles or human rights, and "
                             "States must protect people against attacks meant to silence them",
                       "25": "a law restricting expression must be precise enough for a person to "
                             "regulate their conduct, and accessible",
                       "34": "a restriction must be the least intrusive means of protecting a "
                             "legitimate aim",
                       "35": "the State must show the precise nature of the threat and a direct "
                             "and immediate link between the expression and the threat",
                       "38": "all public figures, heads of State and government included, are "
                             "legitimately open to criticism and political opposition, and States "
                             "should not prohibit criticism of institutions",
                       "46": "offences such as \"extremist activity\" must be clearly defined so "
                             "that they do not interfere unnecessarily or disproportionately with "
                             "expression",
                   }, read_at="https://iranrights.org/library/document/2907"),
    GeneralComment(35, 2014, "Article 9: Liberty and security of person", "CCPR/C/GC/35",
                   "hrc-gc-35", {
                       "3": "liberty of person means freedom from confinement of the body, and "
                            "security of person freedom from injury to body and mind",
                       "12": "\"arbitrary\" is broader than \"against the law\" and includes "
                             "inappropriateness, injustice and lack of predictability",
                       "17": "arrest or detention as punishment for the legitimate exercise of "
                             "Covenant rights, such as expression, assembly and association, "
                             "is arbitrary",
                       "38": "detention pending trial must be the exception, based on an "
                             "individual assessment",
                   }, read_at="https://iranrights.org/library/document/3016"),
    GeneralComment(36, 2018, "Article 6: Right to life", "CCPR/C/GC/36"),
    GeneralComment(37, 2020, "Article 21: Right of peaceful assembly", "CCPR/C/GC/37",
                   "hrc-gc-37", {
                       "1": "peaceful assembly is a foundation of participatory governance",
                       "4": "peaceful assembly is an individual right exercised collectively",
                       "6": "article 21 protects peaceful assemblies wherever they take place: "
                            "outdoors, indoors and online, in public and private spaces",
                       "7": "the disruption an assembly causes does not call into question the "
                            "protection it enjoys",
                       "15": "an assembly is peaceful unless marked by widespread and serious "
                             "violence, that is, participants' use of physical force likely to "
                             "cause injury, death or serious damage to property; jostling, or "
                             "disrupting traffic or daily life, is not violence",
                       "33": "the protection extends to activities associated with an "
                             "assembly outside the gathering itself, such as planning it and "
                             "spreading information about it",
                       "36": "a restriction must be lawful, pursue a legitimate aim and be "
                             "necessary and proportionate",
                       "40": "a restriction must be necessary in a democratic society and "
                             "proportionate to its aim",
                       "71": "failure to notify the authorities does not make taking part in an "
                             "assembly unlawful",
                   }, read_at="https://database.girlsrightsplatform.org/en/entity/2rm5gqkud1w"),
]}
