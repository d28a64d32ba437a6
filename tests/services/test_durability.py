"""A checkout reported done survives the process being killed at once (SIGKILL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from builders import a_card
from sqlalchemy import text

from terminal.store.database import Database

CHILD = textwrap.dedent(
    """
    import sys, time
    from terminal.loyalty import Money
    from terminal.services import demo_data
    from terminal.services.checkout import checkout
    from terminal.services.identify import CardKey
    from terminal.services.till import Till
    from terminal.store.database import Database

    db = Database.open(sys.argv[1], create=False)
    till = Till(db)
    key = CardKey(number=demo_data.demo_card_number(int(sys.argv[2])))
    while True:
        result = checkout(till.unit(), key, Money.parse("99.90"))
        print(result.operation_id, flush=True)   # "done": only after the commit returned
        time.sleep(0.001)
    """
)


def test_reported_operations_survive_sigkill(demo_db: Database) -> None:
    card = a_card(demo_db).id
    path = demo_db.path
    demo_db.close()
    reported: list[str] = []
    for _ in range(3):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(card)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
        )
        assert child.stdout is not None
        for _ in range(5):
            reported.append(child.stdout.readline().strip())
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    with Database.open(path, create=False) as again:
        assert again.integrity_check() == []
        with again.read() as conn:
            ids = {r[0] for r in conn.execute(text("SELECT op_id FROM outbox"))}
            seqs = [r[0] for r in conn.execute(text("SELECT seq FROM operations ORDER BY seq"))]
    assert set(reported) <= ids
    assert seqs == list(range(1, len(seqs) + 1))
