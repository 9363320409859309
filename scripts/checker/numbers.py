"""Formatting registered values and evaluating formulas, without eval().

A formula is arithmetic over other figures, which it names in braces:
`{a} / {b} * 100`. It is parsed with Python's ast module and only numbers,
names, + - * / and parentheses are allowed.
"""

from __future__ import annotations

import ast
import re
from decimal import ROUND_HALF_UP, Decimal

FORMULA_REF = re.compile(r"\{([^{}]+)\}")
_FORMAT_RE = re.compile(r"^(integer|usd|decimal:\d|percent:\d|usd-million:\d|usd-billion:\d)$")


class FormulaError(ValueError):
    """A formula that cannot be evaluated; the message says why."""


def is_known_format(fmt: str) -> bool:
    """True for the formats documented in authoring.md."""
    return bool(_FORMAT_RE.match(fmt))


def _fixed(value: float, places: int) -> str:
    """Round half up (as people do, unlike float rounding) with separators."""
    q = Decimal(1).scaleb(-places)
    rounded = Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP)
    return f"{rounded:,.{places}f}"


def format_value(value: float, fmt: str) -> str:
    """The text a reader sees for `value` in format `fmt`."""
    style, _, places_text = fmt.partition(":")
    places = int(places_text or 0)
    if style == "integer":
        return _fixed(value, 0)
    if style == "decimal":
        return _fixed(value, places)
    if style == "percent":
        return _fixed(value, places) + "%"
    if style == "usd":
        return "$" + _fixed(value, 0)
    if style == "usd-million":
        return "$" + _fixed(value / 1e6, places) + " million"
    if style == "usd-billion":
        return "$" + _fixed(value / 1e9, places) + " billion"
    raise ValueError(f"unknown format {fmt!r}")


def shown(figure, values: dict[str, float], missing: str = "(cannot be computed)") -> str:
    """A registered figure as a reader sees it, or `missing` when it has no value to show."""
    if figure.id in values and is_known_format(figure.format):
        return format_value(values[figure.id], figure.format)
    return missing


def formula_refs(formula: str) -> list[str]:
    """The figure ids a formula names, in order of appearance."""
    return FORMULA_REF.findall(formula)


def evaluate(formula: str, values: dict[str, float]) -> float:
    """Evaluate `formula` with figure ids replaced by their values."""
    names: dict[str, str] = {}

    def to_name(match: re.Match) -> str:
        names[f"v{len(names)}"] = match.group(1)
        return f"v{len(names) - 1}"

    expr = FORMULA_REF.sub(to_name, formula)
    try:
        tree = ast.parse(expr, mode="eval")
    except SyntaxError as err:
        raise FormulaError(f"not an arithmetic expression: {formula!r}") from err

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in names:
            ref = names[node.id]
            if ref not in values:
                raise FormulaError(f"names unknown figure {ref!r}")
            return values[ref]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
            left, right = walk(node.left), walk(node.right)
            if isinstance(node.op, ast.Add):
                return left + right
            if isinstance(node.op, ast.Sub):
                return left - right
            if isinstance(node.op, ast.Mult):
                return left * right
            if right == 0:
                raise FormulaError("divides by zero")
            return left / right
        raise FormulaError(f"only numbers, {{figure-ids}}, + - * / and parentheses are allowed: {formula!r}")

    return walk(tree)
