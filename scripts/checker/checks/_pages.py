"""Which rules apply to which page."""

from __future__ import annotations

from fnmatch import fnmatch

from ..model import Page, Unit


def matches(page: Page, globs: tuple[str, ...]) -> bool:
    """True when the page's path below docs/ matches one of `globs`."""
    return any(fnmatch(page.rel, g) for g in globs)


def position(unit: Unit, offset: int) -> tuple[int, int]:
    """The line and column of `offset` in a unit's text (1-based, columns counted in that line)."""
    before = unit.text[:offset]
    return unit.line + before.count("\n"), offset - before.rfind("\n")
