"""Open a DOCX in LibreOffice (headless), update every field and index as Tools > Update
> Update All does, and save it as PDF (or DOCX): what a reader sees after Word's F9.

    /usr/bin/python3 scripts/lo_update_fields.py IN.docx OUT.pdf [PROFILE_DIR]

Needs LibreOffice's Python bridge (Debian: python3-uno), so it runs with the system
Python, not the project's virtual environment. The tests use it to show that the
numbers of a draft edited as Word would edit it are recomputed from its fields and
lists; lawyers never need it. Exit status 0 when the file was written.

Size: one LibreOffice session, driven over its UNO bridge; small on purpose.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # noqa: I001 - LibreOffice's bridge, system Python only
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

FILTERS = {".pdf": "writer_pdf_Export", ".docx": "MS Word 2007 XML"}


def _property(name: str, value) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def update_and_save(source: Path, target: Path, profile: Path) -> None:
    pipe = f"covenant-{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
         "--invisible", "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 120
        while True:
            try:
                context = resolver.resolve(
                    f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or office.poll() is not None:
                    raise
                time.sleep(0.3)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(
            source.resolve().as_uri(), "_blank", 0, (_property("Hidden", True),))
        # fields, then the indexes (the table of contents), then fields again: the
        # page references change once the contents take their space
        document.getTextFields().refresh()
        indexes = document.getDocumentIndexes()
        for index in range(indexes.getCount()):
            indexes.getByIndex(index).update()
        document.getTextFields().refresh()
        document.storeToURL(target.resolve().as_uri(),
                            (_property("FilterName", FILTERS[target.suffix]),))
        document.close(True)
        with contextlib.suppress(Exception):  # the bridge drops as the office quits
            desktop.terminate()
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait()


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or Path(argv[1]).suffix not in FILTERS:
        print(__doc__, file=sys.stderr)
        return 2
    profile = Path(argv[2]) if len(argv) == 3 else Path(tempfile.mkdtemp(prefix="lo-"))
    update_and_save(Path(argv[0]), Path(argv[1]), profile)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
