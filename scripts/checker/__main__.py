"""Entry point: `python -m scripts.checker` (or `scripts/check`).

main(argv) returns the exit code, so tests call it in-process:
0 clean, 1 problems found, 2 usage error or unreadable input.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .cache import ParseCache
from .checks import ALL
from .cli import UsageError, parse_args
from .codes import CODES, UNREADABLE, WARNINGS
from .load import load_project
from .report import RENDERERS

EX_OK = 0
EX_PROBLEMS = 1
EX_USAGE = 2


def run(root: Path, include_drafts: bool = False, use_cache: bool = False):
    """Load the project and run every check; the sorted diagnostics."""
    drafts = sorted(p for p in (root / "drafts").glob("*") if p.is_dir()) if include_drafts else []
    project = load_project(root, drafts, ParseCache(root, enabled=use_cache))
    diags = list(project.load_errors)
    for check in ALL:
        diags += check(project)
    return sorted(set(diags), key=lambda d: d.sort_key())


def main(argv: list[str] | None = None) -> int:
    """Run the checker; print the report; return the exit code."""
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except UsageError as err:
        print(err, file=sys.stderr)
        return EX_USAGE
    if args.list_codes:
        print("\n".join(f"{code} {summary}" for code, summary in CODES.items()))
        return EX_OK
    root = Path(args.root).resolve()
    if not (root / "docs").is_dir():
        print(f"scripts/check: {root} has no docs/ folder", file=sys.stderr)
        return EX_USAGE
    diags = run(root, args.include_drafts, use_cache=not args.no_cache)
    report = RENDERERS[args.format](diags)
    if report:
        print(report)
    if any(d.code in UNREADABLE for d in diags):
        return EX_USAGE
    failing = diags if args.strict else [d for d in diags if d.code not in WARNINGS]
    return EX_PROBLEMS if failing else EX_OK


if __name__ == "__main__":
    sys.exit(main())
