#!/usr/bin/env bash
# Debian packages the toolkit needs: Pango for WeasyPrint, HarfBuzz-Subset (WeasyPrint
# subsets fonts with it 3-4x faster than with fontTools, and warns without it), DejaVu
# fonts (Latin, Cyrillic and Kazakh letters; -extra holds the real italics of DejaVu Serif,
# which footnotes need for case names), poppler-utils (pdftoppm, for looking at
# pages), and LibreOffice Writer for the DOCX round-trip test. Installs only what is
# missing.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-dejavu-extra poppler-utils libreoffice-writer-nogui)
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
