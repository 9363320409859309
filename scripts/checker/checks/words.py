"""Words to watch (WRD001): words that argue rather than report, or that
date a sentence ("now", "currently"), in annotation prose outside quotations."""

from __future__ import annotations

from ..model import Diagnostic, Project
from ..rules import NUMBER_CHECKED
from ._pages import matches


def check_words_to_watch(project: Project) -> list[Diagnostic]:
    """One warning per word to watch on the annotation pages."""
    return [
        Diagnostic(
            page.path,
            w.line,
            w.col,
            "WRD001",
            f"word to watch {w.text!r}",
            help="attribute it to a source, say what was measured, or write 'as of <date>'",
        )
        for page in project.pages
        if matches(page, NUMBER_CHECKED)
        for u in page.units
        for w in u.watch_words
    ]
