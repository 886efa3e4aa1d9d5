"""Package-level parts of the DOCX writer: XML-safe text, the TITLE field's shown
result, document properties (core.xml; a truthful app.xml; regional language tags;
Word 2013+ compatibility mode and a schema-valid zoom in settings.xml), and a
deterministic zip (SOURCE_DATE_EPOCH)."""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from toolkit.files.reading import read_bytes
from toolkit.model.document import Document
from toolkit.model.errors import CovenantError
from toolkit.model.i18n import language_tag

# An editor's frame.docx is tens of kilobytes unpacked; a zip whose parts declare more
# than this (a zip bomb) is refused before python-docx inflates any of it. zipfile stops
# at each part's declared size and fails its CRC check, so the declaration binds.
MAX_FRAME_UNPACKED = 64 * 2**20
MAX_FRAME_PARTS = 2_000

# Characters XML 1.0 forbids (all C0 controls but tab, newline, CR; lone surrogates; two
# non-characters): lxml refuses them, so they are dropped rather than crash the build.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def read_frame(frame: Path, templates: Path) -> bytes:
    """The bytes of templates/<kind>/frame.docx: a regular file inside `templates`, a
    whole zip, whose parts unpack to no more than MAX_FRAME_UNPACKED bytes."""
    try:
        data = read_bytes(frame, templates)
    except OSError as exc:
        raise CovenantError(f"{frame}: cannot read the Word frame: {exc.strerror or exc}") \
            from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise CovenantError(f"{frame}: not a Word document, or a truncated or damaged one "
                            f"({exc}); save it again from Word or LibreOffice as .docx, or "
                            "restore it from a new workspace ('covenant init DIR')") from None
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_FRAME_PARTS or unpacked > MAX_FRAME_UNPACKED:
        raise CovenantError(f"{frame}: its {len(parts):,} parts unpack to {unpacked:,} "
                            f"bytes, more than a Word frame can need "
                            f"({MAX_FRAME_UNPACKED:,} bytes in {MAX_FRAME_PARTS:,} parts); "
                            "refusing to open it (a zip bomb?)")
    if "word/document.xml" not in {part.filename for part in parts}:
        raise CovenantError(f"{frame}: not a Word document (it has no word/document.xml); "
                            "save it again from Word or LibreOffice as .docx")
    return data


def xml_safe(text: str) -> str:
    return _FORBIDDEN.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def fill_title_fields(doc, title: str) -> None:
    """The cached result of TITLE fields (what Word shows until it updates fields)."""
    parts = [doc.part] + [rel.target_part for rel in doc.part.rels.values()
                          if rel.reltype in (RT.HEADER, RT.FOOTER)]
    for part in parts:
        root = getattr(part, "element", None)
        if root is None:
            continue
        for field in root.iter(qn("w:fldSimple")):
            if re.match(r"\s*TITLE\b", field.get(qn("w:instr"), "")):
                _set_result(field.findall(qn("w:r")), field, title)
        for paragraph in root.iter(qn("w:p")):
            _fill_complex_title(paragraph, title)


def _fill_complex_title(paragraph, title: str) -> None:
    state, instruction, result = None, "", []
    for run in paragraph.iter(qn("w:r")):
        char = run.find(qn("w:fldChar"))
        kind = char.get(qn("w:fldCharType")) if char is not None else None
        if kind == "begin":
            state, instruction, result = "instr", "", []
        elif kind == "separate" and state == "instr":
            state = "result"
        elif kind == "end" and state is not None:
            if re.match(r"\s*TITLE\b", instruction) and result:
                _set_result(result, None, title)
            state = None
        elif state == "instr":
            instruction += "".join(t.text or "" for t in run.iter(qn("w:instrText")))
        elif state == "result":
            result.append(run)


def _set_result(runs, field, title: str) -> None:
    if not runs and field is not None:
        runs = [OxmlElement("w:r")]
        field.append(runs[0])
    runs[0].text = title
    for run in runs[1:]:
        run.getparent().remove(run)


# CT_Settings' children before w:updateFields, in the schema's order
SETTINGS_ORDER = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation",
    "w:removeDateAndTime", "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape",
    "w:printPostScriptOverText", "w:printFractionalCharacterWidth", "w:printFormsData",
    "w:embedTrueTypeFonts", "w:embedSystemFonts", "w:saveSubsetFonts",
    "w:saveFormsData", "w:mirrorMargins", "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter", "w:gutterAtTop",
    "w:hideSpellingErrors", "w:hideGrammaticalErrors", "w:activeWritingStyle",
    "w:proofState", "w:formsDesign", "w:attachedTemplate", "w:linkStyles",
    "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType",
    "w:mailMerge", "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves",
    "w:doNotTrackFormatting", "w:documentProtection", "w:autoFormatOverride",
    "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop", "w:autoHyphenation",
    "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps",
    "w:showEnvelope", "w:summaryLength", "w:clickAndTypeStyle",
    "w:defaultTableStyle", "w:evenAndOddHeaders", "w:bookFoldRevPrinting",
    "w:bookFoldPrinting", "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery", "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin", "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin", "w:doNotShadeFormData", "w:noPunctuationKerning",
    "w:characterSpacingControl", "w:printTwoOnOne", "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt",
    "w:showXMLTags", "w:alwaysMergeEmptyNamespace", "w:updateFields")


def add_setting(doc, tag: str, value: str | None = None) -> None:
    """`<tag w:val=value/>` in settings.xml, in its schema place (once)."""
    settings = doc.settings.element
    if settings.find(qn(tag)) is not None:
        return
    element = OxmlElement(tag)
    if value is not None:
        element.set(qn("w:val"), value)
    rank = SETTINGS_ORDER.index(tag)
    earlier = {qn(t) for t in SETTINGS_ORDER[:rank]}
    position = 0
    for index, child in enumerate(settings):
        if child.tag in earlier:
            position = index + 1
    settings.insert(position, element)


def build_time() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise CovenantError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix time") from exc


def set_properties(doc, document: Document, when: datetime) -> None:
    props = doc.core_properties
    props.title = xml_safe(document.title)[:255]
    props.subject = xml_safe(document.subject)[:255]
    props.author = props.last_modified_by = xml_safe(document.author)[:255]
    props.language = language_tag(xml_safe(document.language))[:255]
    props.created = props.modified = when
    props.revision = 1
    if os.environ.get("SOURCE_DATE_EPOCH"):
        props.last_printed = when
    _set_spelling_language(doc, language_tag(xml_safe(document.language)))
    _modern_settings(doc)
    _app_properties(doc, document)


def _set_spelling_language(doc, language: str) -> None:
    """The document's language for spell-checking and theme fonts, as a regional tag
    ("ru-RU"), unless the frame already names a regional form of the same language
    (en-US stays)."""
    lang = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/"
                                   f"{qn('w:rPr')}/{qn('w:lang')}")
    if not language:
        return
    # settings.xml's themeFontLang too: the language whose theme fonts Word picks for the
    # text (a Russian draft must not say en-US there).
    theme = doc.settings.element.find(qn("w:themeFontLang"))
    for element in (lang, theme):
        if element is None:
            continue
        current = element.get(qn("w:val"), "")
        if current.split("-")[0].lower() != language.split("-")[0].lower() or \
                "-" not in current:
            element.set(qn("w:val"), language)


WORD_2013 = "15"  # compatibilityMode: Word 2013 and later lay the file out natively


def _modern_settings(doc) -> None:
    """Word 2013+ compatibility mode (python-docx's template says 14: Word 2010, which
    opens the draft in Compatibility Mode), and a zoom the schema accepts (w:percent is
    required)."""
    settings = doc.settings.element
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), WORD_2013)
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


_APP = ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")


def _app_properties(doc, document: Document) -> None:
    """docProps/app.xml that tells the truth: made by Covenant, with the body's word,
    character and paragraph counts (Word recounts pages, which only it can lay out)."""
    package = doc.part.package
    part = next((rel.target_part for rel in package.rels.values()
                 if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external), None)
    if part is None:
        return
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t")))
             for p in doc.element.body.iter(qn("w:p"))]
    text = " ".join(t for t in texts if t)
    words = len(text.split())
    counts = {
        "TotalTime": "0", "Words": str(words),
        "Characters": str(sum(len(w) for w in text.split())),
        "Application": f"Covenant {_version()}", "DocSecurity": "0",
        "Paragraphs": str(sum(1 for t in texts if t.strip())), "ScaleCrop": "false",
        "LinksUpToDate": "false", "CharactersWithSpaces": str(len(text)),
        "SharedDoc": "false", "HyperlinksChanged": "false",
    }
    root = etree.Element(f"{{{_APP[0]}}}Properties", nsmap={None: _APP[0], "vt": _APP[1]})
    for name, value in counts.items():
        etree.SubElement(root, f"{{{_APP[0]}}}{name}").text = value
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("covenant")
    except PackageNotFoundError:
        return "(not installed)"


def repack_zip(data: bytes, when: datetime, fill: dict[str, bytes] | None = None) -> bytes:
    """The same package with every entry stamped `when` (UTC) and in a fixed order
    ([Content_Types].xml first), so equal content gives equal bytes. `fill`: entries
    written empty (embedded fonts) and their content, compressed fast (fonts shrink
    little more at higher levels)."""
    fill = fill or {}
    when = min(max(when.astimezone(UTC), datetime(1980, 1, 1, tzinfo=UTC)),
               datetime(2107, 12, 31, 23, 59, 58, tzinfo=UTC))  # what a zip can hold
    stamp = when.timetuple()[:6]
    first = ["[Content_Types].xml", "_rels/.rels"]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in [n for n in first if n in names] + sorted(set(names) - set(first)):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            if name in fill:
                target.writestr(info, fill[name], compresslevel=1)
            else:
                target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
