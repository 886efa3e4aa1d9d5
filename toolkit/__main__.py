"""`python -m toolkit`, the same as `covenant`.

Size: the entry point only."""

from toolkit.cli import main

main()
