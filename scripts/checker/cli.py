"""Command-line arguments of the checker."""

from __future__ import annotations

import argparse

from .report import RENDERERS


class UsageError(Exception):
    """Bad arguments; the message is printed and the exit code is 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit; we decide where to exit
        raise UsageError(f"scripts/check: {message}")


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The checker's options."""
    parser = _Parser(
        prog="scripts/check", description="Check citations, figures, quotations and registries under docs/."
    )
    parser.add_argument(
        "--format",
        choices=sorted(RENDERERS),
        default="text",
        help="text (default), github (pull-request annotations) or json",
    )
    parser.add_argument("--root", default=".", help="the project folder (default: the current one)")
    parser.add_argument(
        "--include-drafts",
        action="store_true",
        help="also load drafts/*/sources.yml and figures.yml (for writers' drafts)",
    )
    parser.add_argument("--strict", action="store_true", help="warnings (WRD001) fail the run too")
    parser.add_argument(
        "--no-cache", action="store_true", help="parse every file afresh (the cache lives in .cache/checker/)"
    )
    parser.add_argument("--list-codes", action="store_true", help="print every code and its summary")
    return parser.parse_args(argv)
