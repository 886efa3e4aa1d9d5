"""The day a check or a build counts from: today, or the day SOURCE_DATE_EPOCH names
(reproducible builds, https://reproducible-builds.org/specs/source-date-epoch/), so that
`covenant check` and `covenant build` under the same setting judge the time limits
against the same day (a trial found the build dating a filing from the variable while
check took the clock's day).

Size: three small functions that check and build share."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from toolkit.model.errors import MisuseError

# 9999-12-31 23:59:59 UTC: the last moment a date can be printed
_LAST_EPOCH = 253402300799


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as whole seconds, None when unset; CovenantError when it is not
    a number of seconds between 1970 and 9999 (the writers print dates from it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not (epoch.isascii() and epoch.isdigit()) or int(epoch) > _LAST_EPOCH:
        raise MisuseError(printable_epoch(epoch))
    return int(epoch)


def printable_epoch(epoch: str) -> str:
    return (f"SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (0 to "
            f"{_LAST_EPOCH}), not {epoch[:40]!r}; set it to e.g. $(date +%s) or unset it")


def reference_date() -> date:
    """Today, or the day SOURCE_DATE_EPOCH names, so reproducible builds date alike."""
    epoch = source_date_epoch()
    if epoch is not None:
        return datetime.fromtimestamp(epoch, tz=UTC).date()
    return date.today()
