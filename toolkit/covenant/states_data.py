"""Reading data/states.yaml fast: a JSON snapshot of it, used only while it is current.

Every `covenant check` needs the catalogue's names (a case against "Kazakstan" is an
error whatever is built), and libyaml takes about 50 ms to read the YAML, JSON under
1 ms. The YAML stays the one file editors change; data/states.json holds the same data
with the SHA-256 of the YAML it was made from, and is read only when that hash matches,
so a YAML edited without refreshing the snapshot is read as YAML: slower, never stale.
Refresh it with `python -m toolkit.covenant.states_data` (tests/test_states.py fails
while the shipped snapshot is out of date). JSON is data only: nothing in it can run.

Size: small, apart from states.py, which reads what this returns and need not know
where it came from."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "states.yaml"
SNAPSHOT = DATA.with_suffix(".json")
_DATE = "__date__"  # a YAML date, written {"__date__": "YYYY-MM-DD"} in the snapshot


def _digest(text: bytes) -> str:
    return hashlib.sha256(text).hexdigest()


def _from_yaml(text: bytes):
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _decode(mapping: dict):
    if len(mapping) == 1 and _DATE in mapping:
        return date.fromisoformat(mapping[_DATE])
    return mapping


def _encode(value):
    if isinstance(value, date):
        return {_DATE: value.isoformat()}
    raise TypeError(f"{value!r} cannot be written to the states snapshot")


def load(yaml_path: Path = DATA, snapshot: Path | None = None):
    """The catalogue's raw data: from the snapshot when it was made from this YAML."""
    snapshot = snapshot or yaml_path.with_suffix(".json")
    text = yaml_path.read_bytes()
    try:
        saved = json.loads(snapshot.read_bytes(), object_hook=_decode)
    except (OSError, ValueError):
        saved = None
    if isinstance(saved, dict) and saved.get("source_sha256") == _digest(text):
        return saved["data"]
    return _from_yaml(text)


def refresh(yaml_path: Path = DATA, snapshot: Path | None = None) -> Path:
    snapshot = snapshot or yaml_path.with_suffix(".json")
    text = yaml_path.read_bytes()
    written = {"source_sha256": _digest(text), "data": _from_yaml(text)}
    snapshot.write_text(json.dumps(written, ensure_ascii=False, default=_encode,
                                   separators=(",", ":")) + "\n", encoding="utf-8")
    return snapshot


if __name__ == "__main__":
    print(f"wrote {refresh()}")
