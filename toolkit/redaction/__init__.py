"""Public versions: which people are confidential, the names that stand for them, and the
pass that replaces their names in a finished document."""
