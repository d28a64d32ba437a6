"""Tap a virtual card on a vpcd reader by hand (store IT, `make run`, diagnosis).

    python -m drivers.virtual.demo_card --card-id 1              # demo card 1, 2 s tap
    python -m drivers.virtual.demo_card --uid 04A1B2C3D4E5F6 --hold
    python -m drivers.virtual.demo_card --number 2990000000018 --kind mifare --reader 1
    python -m drivers.virtual.demo_card --bank                  # a payment card (refused)
    python -m drivers.virtual.demo_card --cycle 5 --every 4     # demo cards 1..5, in turn

Needs a running pcscd with the vsmartcard-vpcd driver (Debian: vsmartcard-vpcd).
"""

from __future__ import annotations

import argparse
import sys
import time

from drivers.cardnumbers import luhn_valid
from drivers.config import DEMO_PREFIX
from drivers.virtual.cards import (
    BankCard,
    VirtualCard,
    mifare_with_number,
    ntag_with_number,
)
from drivers.virtual.vpcd_card import VpcdCard


def demo_number(card_id: int) -> str:
    """Demo card ``card_id``'s number: 2990 + 8 digits + a Luhn digit (the demo cache's)."""
    body = f"{DEMO_PREFIX}{card_id:08d}"
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


def demo_uid(card_id: int) -> str:
    """Demo card ``card_id``'s 7-byte UID (the same formula as the demo cache's)."""
    return f"04{(card_id * 0x9E3779B1) % (1 << 48):012X}"


def make_card(kind: str, uid: str, number: str | None, bank: bool) -> VirtualCard:
    uid_bytes = bytes.fromhex(uid)
    if bank:
        return BankCard(uid_bytes)
    if kind == "mifare" and number:
        return mifare_with_number(uid_bytes, number)
    if kind == "ntag" and number:
        return ntag_with_number(uid_bytes, number)
    return VirtualCard(uid_bytes)


def _tap(card: VirtualCard, reader: int, seconds: float, hold: bool) -> None:
    with VpcdCard(card, reader, reconnect=hold):
        if hold:
            while True:
                time.sleep(3600)
        time.sleep(seconds)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m drivers.virtual.demo_card",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--uid", help="the card's UID in hex (4, 7 or 10 bytes)")
    p.add_argument("--number", help="a card number stored on the card (with --kind)")
    p.add_argument("--card-id", type=int, help="demo card N of the demo cache (UID + number)")
    p.add_argument("--kind", choices=("uid", "mifare", "ntag"), default="uid")
    p.add_argument("--bank", action="store_true", help="a contactless payment card")
    p.add_argument("--reader", type=int, default=0, choices=(0, 1), help="vpcd reader")
    p.add_argument("--seconds", type=float, default=2.0, help="how long the card lies there")
    p.add_argument("--hold", action="store_true", help="leave it there until Ctrl-C")
    p.add_argument("--cycle", type=int, metavar="N", help="tap demo cards 1..N in turn")
    p.add_argument("--every", type=float, default=4.0, help="seconds between taps (--cycle)")
    args = p.parse_args(argv)
    try:
        if args.cycle:
            while True:
                for card_id in range(1, args.cycle + 1):
                    card = make_card(args.kind, demo_uid(card_id), demo_number(card_id), False)
                    print(f"tap: demo card {card_id}", flush=True)
                    _tap(card, args.reader, args.seconds, False)
                    time.sleep(max(0.0, args.every - args.seconds))
        number = args.number
        uid = args.uid
        if args.card_id is not None:
            uid = uid or demo_uid(args.card_id)
            number = number or demo_number(args.card_id)
        uid = uid or "04A1B2C3D4E5F6"
        _tap(make_card(args.kind, uid, number, args.bank), args.reader, args.seconds, args.hold)
    except ConnectionError as exc:
        print(f"{exc}: is pcscd running with the vpcd driver?", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
