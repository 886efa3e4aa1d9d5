"""Reading a workspace's files without trusting the workspace.

Workspaces travel (a synced folder, an archive from a colleague), so a file in one may
be a symbolic link to `/etc/passwd`, a named pipe that blocks a reader for ever, or a
link to `/dev/zero`. Every file the toolkit reads from a workspace goes through
`read_inside`: the path is resolved (every link followed) and must stay inside its
folder (templates/ for templates, claims/ for case files, citations/ for the library),
and what is opened must be a regular file of bounded size. The final open does not
follow links (O_NOFOLLOW) and does not block (O_NONBLOCK), so a link or a pipe put in
place after the check is refused too.

Size: the few functions every reader shares."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from toolkit.model.errors import CovenantError

# No case file, library file, template or frame comes near this; a file that does is a
# mistake (or /dev/zero in disguise), refused before it is read into memory.
MAX_BYTES = 64 * 2**20

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


class UnsafeFile(CovenantError):
    """A file the toolkit refuses to read; `reason` says why without the file's name (for
    a diagnostic that names it as `file:line:column`)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


def _kind_of(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not an ordinary file")


def confined(path: Path | str, root: Path | str) -> Path:
    """`path` with every symbolic link resolved; UnsafeFile unless it is inside `root`."""
    path, root = Path(path), Path(root)
    resolved, top = path.resolve(), root.resolve()
    if resolved == top or resolved.is_relative_to(top):
        return resolved
    lexical = Path(os.path.abspath(path))
    if lexical.is_relative_to(Path(os.path.abspath(root))) or lexical.is_relative_to(top):
        raise UnsafeFile(path, f"is a symbolic link to {resolved}, outside {root}; covenant "
                         f"reads only files inside {root}: put a copy of the file there "
                         "instead of the link")
    raise UnsafeFile(path, f"is not inside {root}; move it there")


def read_bytes(path: Path | str, root: Path | str | None = None,
               limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file `path`, which must stay inside `root` if given.

    Raises UnsafeFile for a link out of `root`, anything but a regular file, or a file
    over `limit` bytes; OSError (FileNotFoundError ...) when it cannot be opened."""
    target = confined(path, root) if root is not None else Path(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | \
        getattr(os, "O_CLOEXEC", 0)
    if root is not None:
        flags |= getattr(os, "O_NOFOLLOW", 0)  # resolved above: a link now is a swap
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        if root is not None and exc.errno == errno.ELOOP:  # a link swapped in since
            raise UnsafeFile(path, "was replaced by a symbolic link while being read") \
                from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(path, f"is {_kind_of(info.st_mode)}, not a regular file; "
                             "covenant reads only ordinary files")
        if info.st_size > limit:
            raise UnsafeFile(path, f"is {info.st_size:,} bytes, more than the {limit:,} "
                             "covenant reads; is it the right file?")
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew while being read
                raise UnsafeFile(path, f"grew past {limit:,} bytes while being read")
        return b"".join(chunks)
    finally:
        os.close(fd)


def relative_name(path: Path | str, root: Path | str) -> str | None:
    """`path` as written relative to `root` (a link named as itself, not its target),
    or None when it is not under `root`."""
    path, root = Path(path), Path(root)
    for candidate in (Path(os.path.abspath(path)), path.resolve()):
        for base in (Path(os.path.abspath(root)), root.resolve()):
            if candidate.is_relative_to(base):
                return candidate.relative_to(base).as_posix()
    return None


def is_regular(path: Path | str) -> bool:
    """Whether `path` (links followed) is a regular file; never opens it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
