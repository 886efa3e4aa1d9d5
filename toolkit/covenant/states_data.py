"""Reading data/states.yaml fast: a JSON snapshot of it, used only while it is current.

Every `covenant check` needs the catalogue's names (a case against "Kazakstan" is an
error whatever is built), and libyaml takes about 50 ms to read the YAML, JSON under
2 ms. The YAML stays the one file editors change; data/states.json holds the same data
with the SHA-256 of the YAML it was made from, and is read only when that hash matches,
so a YAML edited without refreshing the snapshot is read as YAML: slower, never stale.
The snapshot also holds the catalogue's index of names (building it normalises some 1,400
names, ~7 ms), and its dates stay encoded until the one entry a case names is built
(`decode_dates`): decoding every date while reading took 20 ms of a check's 400.
Refresh it with `python scripts/refresh_states_snapshot.py` (tests/test_states.py fails
while the shipped snapshot is out of date). JSON is data only: nothing in it can run.

Size: small, apart from states.py, which reads what this returns and need not know
where it came from."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "states.yaml"
SNAPSHOT = DATA.with_suffix(".json")
_DATE = "__date__"  # a YAML date, written {"__date__": "YYYY-MM-DD"} in the snapshot


LANGUAGES = ("en", "ru", "fr", "es")  # every State is named in each


class CatalogueError(ValueError):
    pass


def normalise(text: str) -> str:
    """The form names are compared in: case, accents, punctuation and a leading 'the'
    ignored; ё read as е."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def name_index(data: dict) -> dict[str, str]:
    """Each State's normalised names (in every language, and usual other names) and codes
    -> its ISO alpha-2 code; CatalogueError for a State unnamed in a language or a name
    of two States."""
    index: dict[str, str] = {}
    for iso, entry in (data.get("states") or {}).items():
        iso = str(iso)
        names = entry.get("names") or {}
        missing = [lang for lang in LANGUAGES if not names.get(lang)]
        if missing:
            raise CatalogueError(f"{iso}: no name in {', '.join(missing)}")
        for key in (iso, entry.get("iso3", ""), *names.values(), *(entry.get("also") or ())):
            key = normalise(str(key))
            if key and index.setdefault(key, iso) != iso:
                raise CatalogueError(f"{key!r} names both {index[key]} and {iso}")
    return index


def _digest(text: bytes) -> str:
    return hashlib.sha256(text).hexdigest()


def _from_yaml(text: bytes):
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def decode_dates(value):
    """`value` with every date the snapshot encoded as a date again (a value read from the
    YAML comes back as it is)."""
    if isinstance(value, dict):
        if len(value) == 1 and _DATE in value:
            return date.fromisoformat(value[_DATE])
        return {key: decode_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decode_dates(item) for item in value]
    return value


def _encode(value):
    if isinstance(value, date):
        return {_DATE: value.isoformat()}
    raise TypeError(f"{value!r} cannot be written to the states snapshot")


def load(yaml_path: Path = DATA, snapshot: Path | None = None) -> tuple[dict, dict | None]:
    """The catalogue's raw data and the index of names saved with it, from the snapshot
    when it was made from this YAML (its dates still encoded: `decode_dates`); else the
    YAML's data and None."""
    snapshot = snapshot or yaml_path.with_suffix(".json")
    text = yaml_path.read_bytes()
    try:
        saved = json.loads(snapshot.read_bytes())
    except (OSError, ValueError):
        saved = None
    if isinstance(saved, dict) and saved.get("source_sha256") == _digest(text) \
            and isinstance(saved.get("index"), dict):
        return saved["data"], saved["index"]
    return _from_yaml(text), None


def refresh(yaml_path: Path = DATA, snapshot: Path | None = None) -> Path:
    """Write the snapshot of `yaml_path`, with the index of its names."""
    snapshot = snapshot or yaml_path.with_suffix(".json")
    text = yaml_path.read_bytes()
    data = _from_yaml(text)
    written = {"source_sha256": _digest(text), "index": name_index(data), "data": data}
    snapshot.write_text(json.dumps(written, ensure_ascii=False, default=_encode,
                                   separators=(",", ":")) + "\n", encoding="utf-8")
    return snapshot
