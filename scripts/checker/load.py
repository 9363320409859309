"""Load the whole project once: registries, pages and the reference text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .cache import ParseCache
from .charts import CHARTS, PANEL, load_charts, load_panel
from .model import Project
from .pages import parse_page
from .rules import GENERATED
from .textfile import read_text
from .values import resolve

SOURCES = "docs/data/sources.yml"
FIGURES = "docs/data/figures.yml"
REFERENCE = "reference/get-the-facts.txt"
CORRECTIONS = "docs/data/corrections.yml"
SEARCHES = "docs/data/searches.yml"


def load_project(root: Path, extra_registries: list[Path] = (), cache: ParseCache | None = None) -> Project:
    """Every record the checks need, plus the problems met while reading.

    With a cache, a file whose bytes (and the checker's code) are unchanged
    since a previous run is not parsed again."""

    # The registry loader (and PyYAML under it) is imported only when a file
    # must be parsed: a run whose files are all cached never needs it.
    def registry():
        from . import registry

        return registry

    cache = cache or ParseCache(root, enabled=False)
    project = Project(root=str(root))
    sources, diags = cache.get("sources", root / SOURCES, lambda: registry().load_sources(root, SOURCES))
    figures, more = cache.get("figures", root / FIGURES, lambda: registry().load_figures(root, FIGURES))
    sources, figures, diags = list(sources), list(figures), list(diags)
    diags += more
    project.sources_ok = not any(d.path == SOURCES and d.code.startswith("REG") for d in diags)
    project.figures_ok = not any(d.path == FIGURES and d.code.startswith("REG") for d in diags)
    for folder in extra_registries:
        loaders = (("sources.yml", registry().load_sources, sources), ("figures.yml", registry().load_figures, figures))
        for name, loader, bucket in loaders:
            rel = (folder / name).relative_to(root).as_posix()
            if (root / rel).exists():
                records, more = loader(root, rel)
                bucket += records
                diags += more
    for folder in extra_registries:
        sources = registry().add_draft_excerpts(root, folder, sources, diags)
    project.sources, project.figures = sources, figures
    ids = Counter(f.id for f in figures)  # a duplicated id has no single value (FIG002)
    project.values, project.value_problems = resolve([f for f in figures if ids[f.id] == 1])
    project.corrections, project.corrections_checked, more = cache.get(
        "corrections", root / CORRECTIONS, lambda: registry().load_corrections(root, CORRECTIONS)
    )
    diags += more
    project.searches, more = cache.get("searches", root / SEARCHES, lambda: registry().load_searches(root, SEARCHES))
    diags += more
    project.charts, more = cache.get("charts", root / CHARTS, lambda: load_charts(root, CHARTS))
    diags += more
    project.panel, more = cache.get("panel", root / PANEL, lambda: load_panel(root, PANEL))
    diags += more

    ref_text, err = read_text(root / REFERENCE, REFERENCE)
    if err:
        diags.append(err)
    project.reference_text = ref_text
    cache.note(root / REFERENCE, ref_text.encode())

    docs = root / "docs"
    for path in sorted(docs.rglob("*.md")):
        rel_docs = path.relative_to(docs).as_posix()
        if rel_docs in GENERATED:
            continue  # written by scripts/generate; GEN001 compares them whole
        rel = path.relative_to(root).as_posix()
        page, more = cache.get("page", path, lambda rel=rel, rel_docs=rel_docs: parse_page(root, rel, rel_docs))
        diags += more
        if page is not None:
            project.pages.append(page)
    project.load_errors = diags
    cache.seal(complete=not extra_registries)  # drafts are read without the cache
    project.memo = cache.memo
    return project
