"""Resolve every figure to a number: registered values, then formulas."""

from __future__ import annotations

from .model import Figure
from .numbers import FormulaError, evaluate, formula_refs


def resolve(figures: list[Figure]) -> tuple[dict[str, float], dict[str, str]]:
    """(values by id, problems by id) for every figure, formulas included."""
    by_id = {f.id: f for f in figures}
    values = {f.id: f.value for f in figures if f.value is not None}
    problems: dict[str, str] = {}

    def visit(fid: str, trail: tuple[str, ...]) -> float | None:
        if fid in values:
            return values[fid]
        if fid in problems:
            return None
        figure = by_id[fid]
        for ref in formula_refs(figure.formula):
            if ref in trail or ref == fid:
                problems[fid] = f"is circular: {' -> '.join(trail + (fid, ref))}"
                return None
            if ref not in by_id:
                problems[fid] = f"names unknown figure {ref!r}"
                return None
            if visit(ref, trail + (fid,)) is None:
                problems[fid] = f"depends on {ref!r}, which cannot be computed"
                return None
        try:
            values[fid] = evaluate(figure.formula, values)
        except FormulaError as err:
            problems[fid] = str(err)
            return None
        return values[fid]

    for figure in figures:
        if figure.formula:
            visit(figure.id, ())
    return values, problems
