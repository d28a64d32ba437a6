"""Points for a member's feedback (a reported shortcoming of the service)."""

from __future__ import annotations

from decimal import Decimal

from terminal.loyalty.money import Rounding
from terminal.loyalty.points import quantize_points
from terminal.loyalty.program import Program


def feedback_award(program: Program) -> Decimal:
    """The points a recorded piece of feedback earns, in whole quanta (rounded down)."""
    return quantize_points(program.feedback_points, program.points_quantum, Rounding.DOWN)
