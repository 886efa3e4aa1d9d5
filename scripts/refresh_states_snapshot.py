"""Rewrite toolkit/covenant/data/states.json from states.yaml after editing the YAML.

    .venv/bin/python scripts/refresh_states_snapshot.py

(tests/test_states.py fails while the shipped snapshot is out of date; until it is
refreshed the toolkit reads the YAML, slower but never stale.)"""

from toolkit.covenant.states_data import refresh

if __name__ == "__main__":
    print(f"wrote {refresh()}")
