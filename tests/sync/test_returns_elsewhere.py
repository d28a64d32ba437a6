"""Returns at another till of the chain, through the real office over HTTP on SQLite and
PostgreSQL: till B finds till A's purchase at the office (``GET /v1/purchases/{id}``),
returns part of it, and till A, asking the office too, returns no more than is left; the
balances end equal at the office and at both tills. An office that cannot be reached
says so in words, and the lookup's answers keep the protocol's shape."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import requests
from officekit import Terminal, cache_balances, enrolled_terminal, terminal_ops
from opkit import office_member

from common.clock import FixedClock
from office import admin
from office.server import OfficeServer
from sync import credentials
from sync.authoriser import HttpSpendAuthoriser
from sync.protocol import VERSION_HEADER
from terminal.loyalty import Money, ReturnError
from terminal.services import member_ops
from terminal.services.checkout import checkout
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey
from terminal.services.return_lookup import UnknownPurchase, find_purchase
from terminal.services.roles import Role, StaffMember
from terminal.services.till import Till

pytestmark = pytest.mark.integration

MEMBER, CARD = 1_900_001, 1_900_001
_ids = itertools.count(1)


def a_member(office: OfficeServer) -> None:
    admin.add_member(
        office.db, id=MEMBER, full_name="Ольга Покупець", address_as="Ольга", balance_centi=500_00
    )
    admin.add_card(office.db, id=CARD, number="7000111100099", member_id=MEMBER)


@contextmanager
def online(t: Terminal, url: str | None = None) -> Iterator[Till]:
    """The till as the app puts it together: its questions to the office over HTTP."""
    credentials.note_in_cache(t.db, t.creds)
    office = HttpSpendAuthoriser(url or t.url, t.creds.token)
    clock = FixedClock(datetime(2026, 11, 22, 12, 0, tzinfo=UTC))
    prefix = t.path.parent.name
    try:
        yield Till(
            t.db,
            clock,
            ids=lambda: f"{prefix}-{next(_ids):08d}",
            authoriser=office,
            purchases=office,
        )
    finally:
        office.close()


def supervisor(t: Terminal) -> StaffMember:
    with t.db.read() as conn:
        chief = conn.exec_driver_sql("SELECT id FROM staff WHERE role = 'supervisor'").scalar()
    assert chief is not None, "the office's supervisor reached the till"
    return StaffMember(int(chief), "Пётр Старший", Role.SUPERVISOR)


def balance_at_office(office: OfficeServer) -> int:
    return int(office_member(office.db, MEMBER)["balance_centi"])


def test_a_purchase_is_returned_at_another_till_within_what_is_left(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    a_member(office_any)
    with (
        enrolled_terminal(office_any, tmp_path / "a", "A") as a,
        enrolled_terminal(office_any, tmp_path / "b", "B") as b,
    ):
        a.sync()
        b.sync()
        with online(a) as till_a, online(b) as till_b:
            sold = checkout(
                till_a.unit(), CardKey(card_id=CARD), Money.parse("1000.00"), Decimal("100")
            )
            chief_b = supervisor(b)
            # Not yet at the office: till B does not know it, and says so.
            with pytest.raises(UnknownPurchase):
                find_purchase(till_b.unit(chief_b), sold.operation_id)
            a.sync()
            found = find_purchase(till_b.unit(chief_b), sold.operation_id)
            assert found.elsewhere is not None and found.amount == Money.parse("1000.00")
            assert found.returned == Money.zero() and found.returnable == found.amount
            recorded, quote = member_ops.return_purchase(
                till_b.unit(chief_b), found, Money.parse("400.00")
            )
            assert quote.refund_money.is_positive()
            # Before B's return reaches the office, B itself counts it.
            again = find_purchase(till_b.unit(chief_b), sold.operation_id)
            assert again.returned == Money.parse("400.00")
            with pytest.raises(ReturnError):
                member_ops.return_purchase(till_b.unit(chief_b), again, Money.parse("600.01"))
            b.sync()
            assert terminal_ops(b.db)[recorded.operation_id][0] == "acked"
            # Till A asks the office as well: 400.00 was taken back elsewhere.
            chief_a = supervisor(a)
            at_a = find_purchase(till_a.unit(chief_a), sold.operation_id)
            assert at_a.elsewhere is None and at_a.returned == Money.parse("400.00")
            with pytest.raises(ReturnError):
                member_ops.return_purchase(till_a.unit(chief_a), at_a, Money.parse("1000.00"))
            rest, _ = member_ops.return_purchase(till_a.unit(chief_a), at_a)  # the 600.00 left
            a.sync()
            assert terminal_ops(a.db)[rest.operation_id][0] == "acked"
            b.sync()
            a.sync()
            last = find_purchase(till_b.unit(chief_b), sold.operation_id)
            assert last.returnable == Money.zero()
        # Everything taken back: the points spent restored, the points earned revoked.
        assert balance_at_office(office_any) == 500_00
        assert cache_balances(a.db)[MEMBER] == cache_balances(b.db)[MEMBER] == 500_00


def test_another_tills_purchase_needs_the_office(office_any: OfficeServer, tmp_path: Path) -> None:
    a_member(office_any)
    with (
        enrolled_terminal(office_any, tmp_path / "a", "A") as a,
        enrolled_terminal(office_any, tmp_path / "b", "B") as b,
    ):
        a.sync()
        b.sync()
        with online(a) as till_a:
            sold = checkout(till_a.unit(), CardKey(card_id=CARD), Money.parse("250.00"))
        a.sync()
        dead = "http://127.0.0.1:9"  # nothing listens on the discard port
        with online(b, dead) as till_b:
            with pytest.raises(ServiceError) as refused:
                find_purchase(till_b.unit(supervisor(b)), sold.operation_id)
        assert refused.value.code == "purchase_lookup_offline"
        assert "cannot be reached" in str(refused.value)
        # A till's own purchase is still returned on its cache's figures, office or not.
        with online(a, dead) as till_a:
            own = find_purchase(till_a.unit(supervisor(a)), sold.operation_id)
        assert own.returnable == Money.parse("250.00") and own.returned_at_office is None


def test_the_lookup_answers_in_the_protocols_shape(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    a_member(office_any)
    with enrolled_terminal(office_any, tmp_path / "a", "A") as a:
        a.sync()
        with online(a) as till_a:
            sold = checkout(till_a.unit(), CardKey(card_id=CARD), Money.parse("99.90"))
        a.sync()
        auth = {"Authorization": f"Bearer {a.creds.token}"}
        url = f"{office_any.url}/v1/purchases"
        got = requests.get(f"{url}/{sold.operation_id}", headers=auth, timeout=5)
        assert got.status_code == 200 and got.headers[VERSION_HEADER]
        body = got.json()
        assert body["amount_minor"] == 99_90 and body["member_id"] == MEMBER
        assert body["card_id"] == CARD and body["returned_minor"] == 0
        assert body["facts"]["amount"] == "99.90"
        assert "full_name" not in got.text and "Ольга" not in got.text  # ids, no person
        for path, status, code in (
            ("00000000-0000-4000-8000-00000000dead", 404, "unknown_purchase"),
            ("x" * 37, 400, None),
        ):
            answer = requests.get(f"{url}/{path}", headers=auth, timeout=5)
            assert answer.status_code == status, answer.text
            assert answer.headers[VERSION_HEADER] and set(answer.json()) == {"error", "message"}
            assert code is None or answer.json()["error"] == code
        anonymous = requests.get(f"{url}/{sold.operation_id}", timeout=5)
        assert anonymous.status_code == 401 and anonymous.json()["error"] == "unauthorized"
