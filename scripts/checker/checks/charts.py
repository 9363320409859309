"""Chart checks (CHT): a chart shows registered figures only, one unit on its
axis, no typed number, sits on its page, and its SVG shows what the registry
gives now."""

from __future__ import annotations

import re
from pathlib import Path

from ..charts import PLACEHOLDER, TYPED_NUMBER, YEAR, Chart, chart_data, stored_data, unit_family
from ..model import Diagnostic, Project
from ..rules import MONTH_DAYS

FIGURES = "docs/data/figures.yml"
_ENTRY_ID = re.compile(r"^-\s+id:\s*['\"]?([a-z0-9-]+)", re.M)


def _at(chart: Chart, line: int, code: str, message: str, help: str) -> Diagnostic:
    return Diagnostic(chart.path, line, 1, code, message, help=help)


def _unknown(chart: Chart, known: set[str]) -> list[Diagnostic]:
    out = [
        _at(
            chart,
            bar.line,
            "CHT001",
            f"chart {chart.id!r} names figure {bar.figure!r}, which is not registered",
            "register the figure in docs/data/figures.yml, or name a registered one",
        )
        for g in chart.groups
        for bar in g.bars
        if bar.figure not in known
    ]
    for line, text in chart.texts():
        out += [
            _at(
                chart,
                line,
                "CHT001",
                f"chart {chart.id!r} writes {{{fid}}}, which is not a registered figure",
                "name a registered figure's id between the braces",
            )
            for fid in PLACEHOLDER.findall(text)
            if fid not in known
        ]
    return out


def _units(chart: Chart, formats: dict[str, str]) -> list[Diagnostic]:
    families = {}
    for g in chart.groups:
        for bar in g.bars:
            if bar.figure in formats:
                families.setdefault(unit_family(formats[bar.figure]), bar.figure)
    if len(families) < 2:
        return []
    named = ", ".join(f"{family} ({fid})" for family, fid in families.items())
    return [
        _at(
            chart,
            chart.line,
            "CHT002",
            f"chart {chart.id!r} puts figures of different units on one axis: {named}",
            "draw one unit per chart: make a second chart for the other figures",
        )
    ]


def _typed(chart: Chart) -> list[Diagnostic]:
    out = []
    for line, text in chart.texts():
        bare = PLACEHOLDER.sub("", text)
        for pattern in MONTH_DAYS:  # "Nov. 17" is a date, not a figure
            bare = pattern.sub("", bare)
        for number in (n.rstrip(",.") for n in TYPED_NUMBER.findall(bare)):
            if not YEAR.match(number):
                out.append(
                    _at(
                        chart,
                        line,
                        "CHT004",
                        f"chart {chart.id!r} types the number {number!r} in {text[:50]!r}",
                        "write {figure-id} for a registered figure instead of the number",
                    )
                )
    return out


def _placed(chart: Chart, pages: dict) -> list[Diagnostic]:
    page = pages.get(chart.page)
    start, end = chart.markers()
    if page is not None and start in page.text and end in page.text:
        return []
    where = f"docs/{chart.page} does not exist" if page is None else f"docs/{chart.page} has no {start} line"
    return [
        _at(
            chart,
            chart.line,
            "CHT005",
            f"chart {chart.id!r} is not placed: {where}",
            f"put the lines {start} and {end} where the chart belongs on its page, then run scripts/generate",
        )
    ]


def _drift(chart: Chart, project: Project) -> list[Diagnostic]:
    path = Path(project.root) / chart.svg
    stored = stored_data(path.read_text(encoding="utf-8")) if path.is_file() else None
    expected = chart_data(chart, project)
    if stored == expected:
        return []
    if stored is None:
        what = f"{chart.svg} is missing or holds no chart data"
    else:
        what = f"{chart.svg} shows other data than the registry gives: {_first_difference(stored, expected)}"
    return [
        _at(
            chart,
            chart.line,
            "CHT003",
            what,
            "run scripts/generate to redraw the chart from the registry, and commit the SVG; never edit it by hand",
        )
    ]


def _first_difference(stored: dict, expected: dict) -> str:
    if stored.get("title") != expected["title"]:
        return f"its title reads {stored.get('title')!r}"
    old = [(b["label"], b["shown"]) for g in stored.get("groups", []) for b in g.get("bars", [])]
    new = [(b["label"], b["shown"]) for g in expected["groups"] for b in g["bars"]]
    for (label, was), (_, now) in zip(old, new, strict=False):
        if was != now:
            return f"bar {label!r} is {was} in the chart, {now} in the registry"
    return "its bars, labels or groups differ" if old != new else "its notes or axis differ"


def _named_in_registry(path: Path) -> set[str]:
    try:
        return set(_ENTRY_ID.findall(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError):
        return set()


def _panel_unknown(project: Project, known: set[str]) -> list[Diagnostic]:
    return [
        Diagnostic(
            pair.path,
            pair.line,
            1,
            "CHT001",
            f"the home page's numbers name figure {fid!r}, which is not registered",
            help="register the figure in docs/data/figures.yml, or name a registered one",
        )
        for pair in project.panel
        for fid in (pair.ice, *pair.record)
        if fid not in known
    ]


def check_charts(project: Project) -> list[Diagnostic]:
    """CHT001-CHT005 on every chart of docs/data/charts.yml (and CHT001 on the home page's numbers)."""
    if not (project.charts or project.panel) or not project.figures_ok:
        return []  # no registry to compare with: REG00x says why
    known = {f.id for f in project.figures}
    # A figure whose entry is broken is not in project.figures, but FIG00x
    # already report it: a chart naming it waits for the fix, unreported.
    broken = _named_in_registry(Path(project.root) / FIGURES) - known
    broken |= known - set(project.values)  # a duplicated id or a formula that fails: FIG00x say why
    formats = {f.id: f.format for f in project.figures}
    pages = {p.rel: p for p in project.pages}
    out = _panel_unknown(project, known | broken)
    for chart in project.charts:
        if any(b.figure in broken for g in chart.groups for b in g.bars):
            continue
        unknown, units = _unknown(chart, known), _units(chart, formats)
        out += unknown + units + _typed(chart) + _placed(chart, pages)
        if not unknown and not units and project.figures_ok:  # nothing right to draw yet
            out += _drift(chart, project)
    return out
