#!/usr/bin/env bash
# Debian packages the toolkit needs: Pango for WeasyPrint, HarfBuzz-Subset (WeasyPrint
# subsets fonts with it 3-4x faster than with fontTools, and warns without it), DejaVu
# fonts (Latin, Cyrillic and Kazakh letters; -extra holds the real italics of DejaVu Serif,
# which footnotes need for case names), poppler-utils (pdftoppm, for looking at
# pages), LibreOffice Writer for the DOCX round-trip test, and LibreOffice's Python
# bridge (python3-uno), with which the tests update a draft's fields and table of
# contents as Word's F9 does (scripts/lo_update_fields.py). Installs only what is
# missing.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-dejavu-extra poppler-utils libreoffice-writer-nogui python3-uno)
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
