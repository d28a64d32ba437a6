"""A bar chart drawn by the office as inline SVG (no JavaScript, no outside service): one
bar per day, what was earned above the axis and what was spent below it, for the
reports' pages (office/admin_reports.py). Every text in it is escaped."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from markupsafe import Markup, escape

WIDTH = 720
HALF = 80  # the tallest bar, above or below the axis
TOP = 28  # room for the title
BOTTOM = 22  # room for the first and last day
EARNED = "#2e7d32"
SPENT = "#c62828"
_TENTH = Decimal("0.1")


def _at(number: Decimal) -> str:
    return str(number.quantize(_TENTH, ROUND_HALF_UP))


def bar_chart(
    title: str,
    days: Sequence[date],
    earned: Mapping[date, Decimal],
    spent: Mapping[date, Decimal],
    legend: tuple[str, str],
) -> Markup:
    """``days`` as bars (each a ``<g class="day">`` with its figures in its title): the
    day's ``earned`` points up, its ``spent`` points down, to one scale."""
    tallest = max([abs(v) for v in (*earned.values(), *spent.values())] + [Decimal(1)])
    step = Decimal(WIDTH) / max(len(days), 1)
    bar = max(step * Decimal("0.7"), Decimal(1))
    axis = TOP + HALF
    height = TOP + 2 * HALF + BOTTOM
    said_earned, said_spent = (escape(word) for word in legend)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'aria-label="{escape(title)}">',
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
        f'<text x="{WIDTH}" y="16" font-size="12" text-anchor="end">'
        f'<tspan fill="{EARNED}">▲ {said_earned}</tspan> '
        f'<tspan fill="{SPENT}">▼ {said_spent}</tspan></text>',
    ]
    for n, day in enumerate(days):
        up = max(earned.get(day, Decimal(0)), Decimal(0))
        down = max(spent.get(day, Decimal(0)), Decimal(0))
        x = step * n + (step - bar) / 2
        up_h = up * HALF / tallest
        down_h = down * HALF / tallest
        tip = f"{day.isoformat()}: {said_earned} {up:.2f}, {said_spent} {down:.2f}"
        parts.append(
            f'<g class="day"><title>{tip}</title>'
            f'<rect x="{_at(x)}" y="{_at(axis - up_h)}" width="{_at(bar)}" '
            f'height="{_at(up_h)}" fill="{EARNED}"/>'
            f'<rect x="{_at(x)}" y="{axis}" width="{_at(bar)}" height="{_at(down_h)}" '
            f'fill="{SPENT}"/></g>'
        )
    parts.append(f'<line x1="0" y1="{axis}" x2="{WIDTH}" y2="{axis}" stroke="#57606a"/>')
    if days:
        low = height - 6
        parts.append(f'<text x="0" y="{low}" font-size="11">{days[0].isoformat()}</text>')
        parts.append(
            f'<text x="{WIDTH}" y="{low}" font-size="11" text-anchor="end">'
            f"{days[-1].isoformat()}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
