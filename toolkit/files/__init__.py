"""Files of a workspace, read and written safely: reading only regular files that stay
inside their folder (`reading.py`, and `templates.py` for Jinja's loaders), and writing
a draft's formats as one set that a crash never leaves half-replaced (`writing.py`).

Size: a package marker; the work is in its modules."""
