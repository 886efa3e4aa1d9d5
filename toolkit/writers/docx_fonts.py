"""Fonts in the DOCX: declared in word/fontTable.xml, and embedded where the font's
licence allows it, so that Word on Windows or macOS (where DejaVu is rarely installed)
lays the draft out in the fonts it was made with instead of reflowing it.

Every font the styles and the text name is declared with what Word uses to choose a
substitute when it cannot use the font itself: its PANOSE class, generic family, pitch
and Unicode ranges, read from the font file. A font is embedded (all four faces, whole,
obfuscated as ISO/IEC 29500-1 §17.8.1 requires) only when the file is found on this
machine and its OS/2 `fsType` permits installable or editable embedding (DejaVu's does:
0, installable). Fonts that are restricted, or only preview-and-print, are declared but
never embedded. The obfuscation key is derived from the font's bytes, so builds stay
byte-identical.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import uuid
from functools import lru_cache
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from toolkit.writers.docx_package import add_setting

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FACES = (("embedRegular", "Regular"), ("embedBold", "Bold"), ("embedItalic", "Italic"),
         ("embedBoldItalic", "Bold Italic"))
FONT_ATTRS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
# CT_Font's children, in the schema's order
FONT_CHILDREN = ("w:altName", "w:panose1", "w:charset", "w:family", "w:notTrueType",
                 "w:pitch", "w:sig", "w:embedRegular", "w:embedBold", "w:embedItalic",
                 "w:embedBoldItalic")
_MONO_PROPORTION = 9  # PANOSE bProportion of a monospaced font


def embed_fonts(doc) -> dict[str, bytes]:
    """Declare every font the document names in its font table and embed those whose
    licence allows it. The font parts are left empty in the package: the returned
    {zip entry name: obfuscated font} is for docx_package.repack_zip to put in, so the
    1.4 MB of font data is compressed once, quickly, rather than at each save."""
    table_part = _font_table_part(doc)
    if table_part is None:
        return {}
    root = etree.fromstring(table_part.blob)
    declared = {font.get(qn("w:name")): font for font in root.findall(qn("w:font"))}
    embedded: dict[str, bytes] = {}
    named, used = _fonts_named(doc)
    for name in sorted(named):
        files = _font_files(name)
        if not files:
            continue  # not on this machine: whatever the frame declares stays
        font = declared.get(name)
        if font is None:
            font = etree.SubElement(root, qn("w:font"), {qn("w:name"): name})
        _describe(font, files["Regular"])
        if name in used and all(_embeddable(path) for path in files.values()):
            for element, face in FACES:
                embedded.update(_embed(doc, table_part, font, element, files[face]))
    table_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
    if embedded:
        add_setting(doc, "w:embedTrueTypeFonts")
    return embedded


# ---------------------------------------------------------------- which fonts


def _fonts_named(doc) -> tuple[set[str], set[str]]:
    """(every font the styles or the text name, the fonts the text actually uses: the
    defaults, direct formatting, and styles that some paragraph or run takes)."""
    styles = doc.styles.element
    parts = [doc.part] + [rel.target_part for rel in doc.part.rels.values()
                          if not rel.is_external and rel.reltype in (
                              RT.HEADER, RT.FOOTER, RT.FOOTNOTES)]
    roots = [p.element if hasattr(p, "element") else etree.fromstring(p.blob) for p in parts]
    named = {value for rfonts in styles.iter(qn("w:rFonts")) for value in _names(rfonts)}
    used: set[str] = set()
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
    if default is not None:
        used |= {v for rfonts in default.iter(qn("w:rFonts")) for v in _names(rfonts)}
    style_ids = {"Normal"}
    for root in roots:
        used |= {v for rfonts in root.iter(qn("w:rFonts")) for v in _names(rfonts)}
        style_ids |= {e.get(qn("w:val")) for e in root.iter(qn("w:pStyle"), qn("w:rStyle"))}
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    seen: set[str] = set()
    while style_ids - seen:
        style_id = (style_ids - seen).pop()
        seen.add(style_id)
        style = by_id.get(style_id)
        if style is None:
            continue
        used |= {v for rfonts in style.iter(qn("w:rFonts")) for v in _names(rfonts)}
        for link in ("w:basedOn", "w:link"):  # a paragraph style and its linked run style
            linked = style.find(qn(link))
            if linked is not None:
                style_ids.add(linked.get(qn("w:val")))
    return named | used, used


def _names(rfonts) -> set[str]:
    return {rfonts.get(qn(attr)) for attr in FONT_ATTRS if rfonts.get(qn(attr))}


@lru_cache(maxsize=32)
def _font_files(name: str) -> dict[str, Path] | None:
    """The four faces of the family `name` on this machine (fontconfig), or None when
    any is missing: fc-match always answers, with a substitute if need be, so the
    family, weight (200: bold) and slant (0: upright) it found must be the ones asked."""
    if shutil.which("fc-match") is None:
        return None
    files = {}
    for _, face in FACES:
        weight, slant = 200 if "Bold" in face else 80, 100 if "Italic" in face else 0
        found = subprocess.run(["fc-match", "-f", "%{file}\n%{family}\n%{weight}\n%{slant}",
                                f"{name}:weight={weight}:slant={slant}"],
                               capture_output=True, text=True, timeout=30).stdout.split("\n")
        if len(found) < 4 or name not in found[1].split(","):
            return None
        bold, italic = int(found[2]) >= 200, int(found[3]) > 0
        if (bold, italic) != ("Bold" in face, "Italic" in face):
            return None
        files[face] = Path(found[0])
    return files


# ---------------------------------------------------------------- describing, embedding


@lru_cache(maxsize=32)
def _os2(path: Path):
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        os2 = font["OS/2"]
        panose = os2.panose
        return {
            "fsType": os2.fsType,
            "panose": "".join(f"{getattr(panose, f):02X}" for f in (
                "bFamilyType", "bSerifStyle", "bWeight", "bProportion", "bContrast",
                "bStrokeVariation", "bArmStyle", "bLetterForm", "bMidline", "bXHeight")),
            "usb": [f"{(getattr(os2, 'ulUnicodeRange' + str(i + 1)) & 0xFFFFFFFF):08X}"
                    for i in range(4)],
            "csb": [f"{getattr(os2, f'ulCodePageRange{i + 1}', 0):08X}" for i in range(2)],
            "mono": panose.bProportion == _MONO_PROPORTION,
            "serif": panose.bFamilyType == 2 and panose.bSerifStyle not in (11, 12, 13),
        }


def _embeddable(path: Path) -> bool:
    """OS/2 fsType: 0 installable, 8 editable; 2 restricted, 4 preview & print only
    (a document holding it could not be edited), bit 9 bitmap only."""
    fs_type = _os2(path)["fsType"]
    return fs_type & 0x020F in (0, 0x0008)


def _describe(font, path: Path) -> None:
    info = _os2(path)
    family = "modern" if info["mono"] else "roman" if info["serif"] else "swiss"
    wanted = {
        "w:panose1": {"w:val": info["panose"]},
        "w:charset": {"w:val": "00"},
        "w:family": {"w:val": family},
        "w:pitch": {"w:val": "fixed" if info["mono"] else "variable"},
        "w:sig": {"w:usb0": info["usb"][0], "w:usb1": info["usb"][1],
                  "w:usb2": info["usb"][2], "w:usb3": info["usb"][3],
                  "w:csb0": info["csb"][0], "w:csb1": info["csb"][1]},
    }
    for tag, attrs in wanted.items():
        element = font.find(qn(tag))
        if element is None:
            element = etree.Element(qn(tag))
            _insert_in_order(font, element, FONT_CHILDREN)
        element.attrib.clear()
        for attr, value in attrs.items():
            element.set(qn(attr), value)


def _embed(doc, table_part, font, element_name: str, path: Path) -> dict[str, bytes]:
    key, data = _obfuscated(path)
    partname = PackURI(f"/word/fonts/{path.stem}.odttf")
    taken = {str(part.partname) for part in doc.part.package.iter_parts()}
    if str(partname) in taken:
        return {}
    part = Part(partname, OBFUSCATED_FONT, b"", doc.part.package)  # filled at repacking
    rid = table_part.relate_to(part, RT.FONT)
    old = font.find(qn(f"w:{element_name}"))
    if old is not None:
        font.remove(old)
    embed = etree.Element(qn(f"w:{element_name}"), {qn("r:id"): rid, qn("w:fontKey"): key})
    _insert_in_order(font, embed, FONT_CHILDREN)
    return {partname.membername: data}


@lru_cache(maxsize=16)
def _obfuscated(path: Path) -> tuple[str, bytes]:
    """(fontKey, obfuscated font): the key comes from the font's own bytes, so the same
    font always gives the same part."""
    data = path.read_bytes()
    key = "{" + str(uuid.UUID(bytes=hashlib.sha1(data).digest()[:16])).upper() + "}"
    return key, obfuscate(data, key)


def obfuscate(data: bytes, key: str) -> bytes:
    """ISO/IEC 29500-1 §17.8.1: the first 32 bytes XORed with the GUID's 16 bytes taken
    in reverse order of its hex pairs (the same operation undoes it)."""
    digits = key.strip("{}").replace("-", "")
    secret = bytes(int(digits[i:i + 2], 16) for i in range(0, 32, 2))[::-1]
    head = bytes(b ^ secret[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


# ---------------------------------------------------------------- package helpers


def _font_table_part(doc):
    for rel in doc.part.rels.values():
        if rel.reltype == RT.FONT_TABLE and not rel.is_external:
            return rel.target_part
    return None


def _insert_in_order(parent, element, order: tuple[str, ...]) -> None:
    rank = {qn(tag): i for i, tag in enumerate(order)}
    mine = rank[element.tag]
    for index, child in enumerate(parent):
        if rank.get(child.tag, -1) > mine:
            parent.insert(index, element)
            return
    parent.append(element)
