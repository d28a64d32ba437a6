"""Two tills offline spending the same points, end to end: real tills (SQLite files),
the reference office over real HTTP on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest
from officekit import (
    cache_balances,
    checkout,
    enrolled_terminal,
    result_of,
    terminal_ops,
)
from opkit import member_with_card, office_member

from office import admin
from office.db import OfficeDB
from office.server import OfficeServer

pytestmark = pytest.mark.integration


# --- offline: two tills spending the same points ------------------------------------


@pytest.mark.expected_log(r"overdrawn by an offline operation")
def test_two_offline_tills_spending_the_same_points_are_both_applied_and_flagged(
    office: OfficeServer, office_db: OfficeDB, tmp_path: Path
) -> None:
    with (
        enrolled_terminal(office, tmp_path / "a", "till A") as a,
        enrolled_terminal(office, tmp_path / "b", "till B") as b,
    ):
        a.sync()
        b.sync()
        member, card, _ = member_with_card(office_db, skip=30)
        balance = 500_00
        admin.add_member(
            office_db,
            id=member,
            full_name="Клиент Тестовый",
            address_as="Клиент",
            balance_centi=balance,
        )
        a.sync()
        b.sync()
        # Both offline: each spends 450 of the 500 points it knows of (within the
        # offline limit of one operation, which the office holds the overdraft to).
        op_a = checkout(a, card, "3000.00", "450")
        op_b = checkout(b, card, "3000.00", "450")
        spent = [terminal_ops(t.db)[o][1] for t, o in ((a, op_a), (b, op_b))]
        with a.db.read() as conn:
            assert (
                conn.exec_driver_sql(
                    "SELECT points_spent_centi FROM operations WHERE id = ?", (op_a,)
                ).scalar_one()
                == 450_00
            )
        a.sync()
        b.sync()
        assert terminal_ops(a.db)[op_a][0] == "acked"
        assert terminal_ops(b.db)[op_b][0] == "acked"
        row = office_member(office_db, member)
        assert row["balance_centi"] == balance + sum(spent)
        assert row["balance_centi"] < 0 and row["overdrawn"]
        assert result_of(b.db, op_b)["overdrawn"] is True
        a.sync()
        assert cache_balances(a.db)[member] == cache_balances(b.db)[member] == row["balance_centi"]
