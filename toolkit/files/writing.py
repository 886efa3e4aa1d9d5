"""Writing drafts so that a crash, a kill or Ctrl-C never leaves a half-written file, a
mixed set of formats, or our temporary files behind.

A draft's formats (memo.docx, memo.pdf, memo.html of one case) are replaced as one set,
in its folder, under an exclusive lock on that folder (flock on the folder itself; two
builds or two worker processes writing into it take turns):

1. Recover what an earlier, killed run left (`recover`): finish the set its journal
   names, then delete every temporary file of ours (`.<name>.<8 characters>.tmp`).
2. Write every file to a temporary file beside its place, and flush it to disk (fsync).
3. Write the journal, `.<token>.covenant-set`: the list of (temporary, final) names,
   flushed too. From here on the new set is complete on disk.
4. Rename each temporary file over its final name, flush the folder, delete the journal.

A kill before step 3 leaves the previous set as it was (the next run deletes the
temporary files). A kill during step 4 (microseconds) leaves a journal, and the next run
finishes the renames before it does anything else, so the set becomes the new one whole;
what the killed build wrote is not in the manifest, so that build then writes it again.
An exception in step 4 (Ctrl-C between two renames) finishes the renames before it is
raised. The journal lives in drafts/, which is not trusted: it is plain JSON, and only
names of our own temporary files in the same folder, renamed to the names they were
made for, are followed; anything else is ignored and the journal deleted.

A single file (the manifest, the citation cache, `covenant schema -o`) is the same with
a set of one, which needs no journal: one rename is atomic.

Size: the set writer, its recovery and the folder lock belong together."""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock, the rest holds
    fcntl = None

JOURNAL_SUFFIX = ".covenant-set"
_TEMP = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.tmp$")
_JOURNAL = re.compile(r"^\.[0-9a-f]{16}" + re.escape(JOURNAL_SUFFIX) + "$")


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on `folder` for the duration (released if the process dies)."""
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) |
                 getattr(os, "O_CLOEXEC", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot flush a folder; the renames still happened
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    """Write `data` to `fd`, flush it to disk and close it."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes) -> Path:
    """A new temporary file beside `path`, .<name>.<8 characters>.tmp, holding `data`
    (mode 0600, as tempfile makes it: a draft is confidential)."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        _write_all(fd, data)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def _journal_entries(journal: Path) -> list[tuple[str, str]] | None:
    """The (temporary, final) names a journal lists, or None if it is not one of ours."""
    try:
        data = json.loads(journal.read_bytes())
    except (OSError, ValueError):
        return None
    renames = data.get("renames") if isinstance(data, dict) else None
    if not isinstance(renames, list):
        return None
    entries = []
    for entry in renames:
        if not (isinstance(entry, list) and len(entry) == 2
                and all(isinstance(n, str) for n in entry)):
            return None
        temp, final = entry
        match = _TEMP.match(temp)
        if (match is None or match["name"] != final or "/" in temp or "\\" in temp
                or final.startswith(".") or "\0" in temp):
            return None
        entries.append((temp, final))
    return entries


def recover(folder: Path) -> list[str]:
    """Finish the sets killed runs left in `folder` and delete our temporary files; the
    caller holds the folder's lock. Returns what was done, as sentences (for warnings)."""
    done: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return done
    for name in sorted(n for n in names if _JOURNAL.match(n)):
        journal = folder / name
        entries = _journal_entries(journal)
        if entries is None:
            done.append(f"{journal}: not a journal covenant wrote; deleted it")
        else:
            finished = []
            for temp, final in entries:
                if os.path.lexists(folder / temp):
                    os.replace(folder / temp, folder / final)
                    finished.append(final)
            if finished:
                done.append(f"{folder}: finished replacing {', '.join(finished)}, which "
                            "a build that was stopped had begun")
        journal.unlink(missing_ok=True)
    stale = [n for n in os.listdir(folder) if _TEMP.match(n)]
    for name in stale:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / name)
    if stale:
        done.append(f"{folder}: deleted {len(stale)} temporary file(s) a stopped build "
                    "left")
    if done:
        _sync_folder(folder)
    return done


def recover_tree(root: Path) -> list[str]:
    """`recover` in `root` and each folder directly inside it (drafts/ and each
    drafts/<case>/), each under its lock."""
    done: list[str] = []
    if not root.is_dir():
        return done
    folders = [root] + sorted(p for p in root.iterdir()
                              if p.is_dir() and not p.is_symlink())
    for folder in folders:
        with folder_lock(folder):
            done.extend(recover(folder))
    return done


def write_set(files: dict[Path, bytes]) -> list[str]:
    """Replace the files of `files` ({path: bytes}, all in one folder) as one set; see
    the module's docstring. Returns what recovering the folder first did."""
    if not files:
        return []
    folders = {Path(p).parent for p in files}
    if len(folders) != 1:
        raise ValueError("write_set writes the files of one folder")
    (folder,) = folders
    folder.mkdir(parents=True, exist_ok=True)
    with folder_lock(folder):
        recovered = recover(folder)
        temps: list[tuple[Path, Path]] = []
        journal: Path | None = None
        try:
            for path, data in files.items():
                temps.append((_write_temp(Path(path), data), Path(path)))
            if len(temps) > 1:
                journal = folder / f".{secrets.token_hex(8)}{JOURNAL_SUFFIX}"
                entry = {"renames": [[t.name, p.name] for t, p in temps]}
                _write_all(os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600),
                           json.dumps(entry).encode())
                _sync_folder(folder)
        except BaseException:
            for temp, _ in temps:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
            if journal is not None:
                with contextlib.suppress(OSError):
                    os.unlink(journal)
            raise
        interrupted = _rename_all(temps)
        _sync_folder(folder)
        if journal is not None:
            os.unlink(journal)
        if interrupted is not None:
            raise interrupted
    return recovered


def _rename_all(temps: list[tuple[Path, Path]]) -> KeyboardInterrupt | None:
    """Rename each temporary file into place. Ctrl-C during the renames is returned, to
    be raised once all are done, so that it never leaves the set mixed; an OSError is
    raised at once, leaving the journal for the next run."""
    pending: KeyboardInterrupt | None = None
    for temp, path in temps:
        retry = False
        while True:
            try:
                if not (retry and not os.path.lexists(temp)):  # done before the signal
                    os.replace(temp, path)
                break
            except KeyboardInterrupt as exc:
                pending, retry = exc, True
    return pending


def write_atomically(path: Path, data: bytes) -> None:
    """Write one file so that it is either the old one or the new one, never a part."""
    write_set({Path(path): data})
