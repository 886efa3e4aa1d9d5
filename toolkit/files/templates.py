"""Editors' templates, read and rendered without trusting them.

A Jinja loader that reads templates the way every workspace file is read (reading.py):
only regular files, and only inside the templates folder, so that a section, a frame or
an `{% include %}`d file that is a symbolic link to a file elsewhere is refused, naming
the link, instead of being printed into the draft. And sandboxes with bounds Jinja's
own lacks: a render time limit, an output size limit, and no single value (`'x' *
10**10`) larger than that limit.

Nothing is cached on disk: compiled templates live in the process's memory only (see
toolkit/kinds/sections.py), because Jinja's bytecode cache unpickles code from a folder
(drafts/) that anyone who can write there controls.

Size: the loader and the bounds, which every template renderer shares."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from jinja2 import BaseLoader, Environment, TemplateNotFound
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

from toolkit.files.reading import read_bytes
from toolkit.model.errors import CovenantError


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class ConfinedLoader(BaseLoader):
    """Templates from the folders of `searchpath`, in order; every file read must be a
    regular file inside `root`."""

    def __init__(self, searchpath: Sequence[Path | str], root: Path | str) -> None:
        self.searchpath = [Path(p) for p in searchpath]
        self.root = Path(root)

    def get_source(self, environment: Environment, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses '..' and absolute names
        for folder in self.searchpath:
            path = folder.joinpath(*pieces)
            if not os.path.lexists(path):
                continue
            stamp = _stamp(path)
            try:
                data = read_bytes(path, self.root)
            except OSError as exc:
                raise CovenantError(f"{path}: cannot read the template: "
                                    f"{exc.strerror or exc}") from None
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = data[:exc.start].count(b"\n") + 1
                raise CovenantError(f"{path}:{line}: error: the template is not UTF-8 (bad "
                                    f"byte at offset {exc.start}); save it as UTF-8") from None
            return text, str(path), lambda path=path, stamp=stamp: _stamp(path) == stamp
        raise TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        found = set()
        for folder in self.searchpath:
            if folder.is_dir():
                found.update(p.relative_to(folder).as_posix()
                             for p in folder.rglob("*") if p.is_file())
        return sorted(found)


# ---------------------------------------------------------------- bounded rendering

# Jinja's sandbox limits what a template may touch, not how long it runs or how much it
# writes. A section of the largest briefing renders in well under a second and a few
# hundred kilobytes; these bounds are far above that and far below harm.
RENDER_SECONDS = 20.0  # per template render
MAX_OUTPUT_CHARS = 20_000_000  # per template render, and for any one value made in it


class TemplateLimit(CovenantError):
    """A template ran too long or made too much text."""


def _too_big(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and \
        abs(value) > MAX_OUTPUT_CHARS


class _Bounds:
    """Sandbox hooks: `*` and `**` are checked before they are computed, and a call or
    filter given a number past MAX_OUTPUT_CHARS ('x'.center(10**10), lipsum(10**9)) is
    refused, so that no single value can exhaust memory before the output is counted."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator, left, right):
        if operator == "*":
            for text, count in ((left, right), (right, left)):
                if isinstance(text, str | list | tuple) and isinstance(count, int) and \
                        len(text) * count > MAX_OUTPUT_CHARS:
                    raise TemplateLimit(f"a template multiplies a text or list to more than "
                                        f"{MAX_OUTPUT_CHARS:,} items")
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and \
                abs(left) > 1 and right * max(abs(left).bit_length(), 1) > 4096:
            raise TemplateLimit("a template raises a number to a power too large to print")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
        if any(_too_big(v) for v in (*args, *kwargs.values())):
            raise TemplateLimit(f"a template passes a number over {MAX_OUTPUT_CHARS:,} to "
                                f"{getattr(__obj, '__name__', 'a function')}")
        return super().call(__context, __obj, *args, **kwargs)


def _bounded_filter(function):
    def bounded(*args, **kwargs):
        if any(_too_big(v) for v in (*args[1:], *kwargs.values())):
            raise TemplateLimit(f"a template passes a number over {MAX_OUTPUT_CHARS:,} to "
                                f"the filter {getattr(function, '__name__', '?')}")
        return function(*args, **kwargs)

    for marker in ("jinja_pass_arg",):  # keep how Jinja passes context/environment
        if hasattr(function, marker):
            setattr(bounded, marker, getattr(function, marker))
    bounded.__name__ = getattr(function, "__name__", "filter")
    return bounded


def bound_filters(env) -> None:
    """Wrap every filter of `env` (call after adding one's own)."""
    env.filters = {name: _bounded_filter(f) for name, f in env.filters.items()}


class BoundedSandbox(_Bounds, SandboxedEnvironment):
    pass


class BoundedImmutableSandbox(_Bounds, ImmutableSandboxedEnvironment):
    pass


@contextlib.contextmanager
def time_limit(seconds: float, what: str):
    """TemplateLimit if the block runs longer than `seconds` (SIGALRM: only in the main
    thread, where the CLI and --jobs workers render; elsewhere rendering streams and is
    timed between chunks only)."""
    usable = threading.current_thread() is threading.main_thread() and \
        hasattr(signal, "setitimer")
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise TemplateLimit(f"{what}: rendering took more than {seconds:g} s; a loop in "
                            "it runs too long")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_bounded(template, context: dict, what: str) -> str:
    """`template` rendered with `context`, within RENDER_SECONDS and MAX_OUTPUT_CHARS;
    TemplateLimit naming `what` (the template file) otherwise."""
    seconds, limit = RENDER_SECONDS, MAX_OUTPUT_CHARS
    deadline = time.monotonic() + seconds
    parts, size = [], 0
    try:
        with time_limit(seconds, what):
            for chunk in template.generate(**context):
                size += len(chunk)
                if size > limit:
                    raise TemplateLimit(f"{what}: the template writes more than {limit:,} "
                                        "characters; a loop in it repeats without bound")
                if time.monotonic() > deadline:
                    raise TemplateLimit(f"{what}: rendering took more than {seconds:g} s")
                parts.append(chunk)
    except MemoryError:
        raise TemplateLimit(f"{what}: the template makes more text than fits in "
                            "memory") from None
    except TemplateLimit as exc:
        message = str(exc)
        raise TemplateLimit(message if message.startswith(what) else f"{what}: {message}") \
            from None
    return "".join(parts)
