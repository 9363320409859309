"""Which rules apply to which page."""

from __future__ import annotations

from fnmatch import fnmatch

from ..model import Page


def matches(page: Page, globs: tuple[str, ...]) -> bool:
    """True when the page's path below docs/ matches one of `globs`."""
    return any(fnmatch(page.rel, g) for g in globs)
