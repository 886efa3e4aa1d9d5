""""Did you mean": the library key closest to a citation key that is not in the library.

A library exported whole from Zotero holds tens of thousands of keys. Comparing a
mistyped key with each of them (difflib, about 6 µs a key) made every unknown citation
cost 0.12 s with 20,000 keys, and a case written against a colleague's library, with a
hundred keys ours lacks, 12 s. Above SCAN_ALL keys the candidates are first narrowed to
the CANDIDATES keys that share most letter pairs with the mistyped one (an index built
once per library), and difflib chooses among them as it would among all; a key
mistyped in many places is looked up once.

Size: one index and its lookup; small."""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from weakref import WeakKeyDictionary

SCAN_ALL = 2_000  # up to this many keys, difflib compares with every one
CANDIDATES = 100


def _pairs(key: str) -> set[str]:
    padded = f"\0{key.lower()}\0"
    return {padded[i:i + 2] for i in range(len(padded) - 1)}


class _KeyIndex:
    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.postings: dict[str, list[int]] = defaultdict(list)
        if len(keys) > SCAN_ALL:
            for number, key in enumerate(keys):
                for pair in _pairs(key):
                    self.postings[pair].append(number)
        self.found: dict[str, str | None] = {}

    def closest(self, key: str) -> str | None:
        if key not in self.found:
            candidates = self.keys
            if len(self.keys) > SCAN_ALL:
                shared: Counter[int] = Counter()
                for pair in _pairs(key):
                    shared.update(self.postings.get(pair, ()))
                candidates = [self.keys[n] for n, _ in shared.most_common(CANDIDATES)]
            close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.6)
            self.found[key] = close[0] if close else None
        return self.found[key]


_INDEXES: WeakKeyDictionary = WeakKeyDictionary()


def suggest_key(key: str, library) -> str:
    """"; did you mean 'x'?" for the library key closest to `key`, or ""."""
    index = _INDEXES.get(library)
    if index is None:
        index = _INDEXES[library] = _KeyIndex([e.key for e in library.entries.values()])
    close = index.closest(key)
    return f"; did you mean '{close}'?" if close else ""
