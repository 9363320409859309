"""Read a file as UTF-8 text, or say in our format why it cannot be."""

from __future__ import annotations

from pathlib import Path

from .model import Diagnostic


def read_text(path: Path, rel: str) -> tuple[str, Diagnostic | None]:
    """The file's text, or a diagnostic (IO001) for binary or non-UTF-8 files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return "", Diagnostic(rel, 1, 1, "IO001", f"cannot read the file: {exc.strerror}")
    if b"\x00" in data:
        return "", Diagnostic(rel, 1, 1, "IO001", "the file is binary (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return "", Diagnostic(rel, line, 1, "IO001", "the file is not UTF-8 text", help="save it as UTF-8")
    return text.lstrip("\ufeff").replace("\r\n", "\n"), None
