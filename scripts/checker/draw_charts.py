"""Draw each chart's SVG with matplotlib (scripts/generate only; the checker never imports this).

The same data give the same bytes: text stays text (no glyph outlines, and
the page's own font draws it), ids come from a fixed salt, and the file
carries no date or version. The SVG keeps the data it shows in a
<metadata> element, which the checker compares with the registry (CHT003).
Colours are fixed on a white ground, so that the picture reads the same on
the light and the dark palette and in print.
"""

from __future__ import annotations

import html
import io

from .charts import DATA_END, DATA_START, data_json

INK = "#1f1f1f"
MUTED = "#5c5c5c"
GRID = "#d9d9d9"
MAIN = "#2f5f98"  # the series a chart is about
APART = "#a3541b"  # a group that is not comparable with the others: another colour, hatched
WIDTH_IN = 4.6  # at a phone's width the text still reads at about 11 px
ROW_IN = 0.36
FONT = 11


TEXT_ROW = 0.72  # a line of a group's label or note, in bar rows
WRAP = 46  # characters of a group's label or note per line, at this width


def _rows(data: dict) -> list[tuple[str, object, dict]]:
    """Top to bottom: ("label", line, group) and ("note", line, group) text rows,
    wrapped to the width, and ("bar", bar, group) rows."""
    import textwrap

    rows = []
    for g in data["groups"]:
        rows += [("label", line, g) for line in textwrap.wrap(g["label"], WRAP)]
        if g["note"]:
            rows += [("note", line, g) for line in textwrap.wrap(f"Not comparable: {g['note']}", WRAP + 6)]
        rows += [("bar", b, g) for b in g["bars"]]
    return rows


def draw_svg(data: dict) -> str:
    """The chart as SVG text."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "secure-communities-annotated",
            "font.family": "sans-serif",
            "font.size": FONT,
            "axes.edgecolor": GRID,
            "text.color": INK,
            "xtick.color": MUTED,
            "ytick.color": INK,
        }
    )
    rows = _rows(data)
    percent = all(b["shown"].endswith("%") for g in data["groups"] for b in g["bars"])
    values = [b["value"] or 0 for g in data["groups"] for b in g["bars"]]
    top = 100 if percent and max(values) <= 100 else max(values) * 1.15
    from matplotlib.transforms import blended_transform_factory

    # A bar takes a row; a line of text, less.
    steps = [1.0 if kind == "bar" else TEXT_ROW for kind, _, _ in rows]
    height = sum(steps)
    fig, ax = plt.subplots(figsize=(WIDTH_IN, ROW_IN * (height + 1.6)))
    fig.patch.set_facecolor("white")
    # Group labels and notes run from the picture's left edge, across the whole width.
    left_edge = blended_transform_factory(fig.transFigure, ax.transData)
    ticks, labels = [], []
    y = height + 0.5
    for step, (kind, bar, group) in zip(steps, rows, strict=True):
        y -= step
        apart = bool(group["note"])
        if kind in ("label", "note"):
            style = {"fontweight": "bold"} if kind == "label" else {"style": "italic"}
            color = APART if apart else INK
            ax.text(0.02, y, bar, transform=left_edge, va="center", ha="left", color=color, **style)
            continue
        value = bar["value"] or 0
        ax.barh(
            y,
            value,
            height=0.62,
            color="white" if apart else MAIN,
            edgecolor=APART if apart else MAIN,
            hatch="///" if apart else None,
            linewidth=1.2,
        )
        ax.text(value + top * 0.01, y, bar["shown"], va="center", ha="left", fontsize=FONT, color=INK)
        ticks.append(y)
        labels.append(bar["label"])
    ax.set_yticks(ticks, labels)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, top * 1.08)
    ax.set_ylim(y - 0.6, height + 0.1)
    ax.set_xlabel(data["axis"], color=MUTED)
    ax.xaxis.grid(True, color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None, "Title": data["title"]})
    plt.close(fig)
    svg = out.getvalue()
    # The data shown, for CHT003; a title for whoever opens the file alone.
    stored = f"{DATA_START}{html.escape(data_json(data), quote=False)}{DATA_END}"
    head_end = svg.index(">", svg.index("<svg")) + 1
    return svg[:head_end] + "\n" + stored + svg[head_end:]
