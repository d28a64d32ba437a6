"""A till that is killed with SIGKILL at random moments (tests/sync/test_sigkill.py).

``python killee.py CACHE SEED [online]``: opens the cache beside its office credential,
prints ``ready``, downloads the office's data (or resumes the download), then loops: a
checkout or a return, its operation id printed only after the service returned (the
commit is on the disk), and the sync worker woken to push it. It never stops by itself.
``online``: enrolled as the app is, its spending authorised by the office (holds), and
no returns (a return may take back points already spent: not what is checked then).
``mix OTHER_CACHE``: a supervisor at work too, returning some of the other till's
purchases as well (looked up at the office: tests/sync/workload.py).
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

# Its helpers beside it and in tests/ (the builders), and the code of this checkout (not a
# copy installed elsewhere).
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from workload import Workload, member_cards

from sync import credentials
from sync.authoriser import HttpSpendAuthoriser
from sync.client import OfficeClient, Timeouts, Transient
from sync.engine import Syncer, sync_lock
from sync.worker import Backoff, SyncWorker
from terminal.store import sync_state
from terminal.store.database import Database


def now() -> datetime:
    return datetime.now(UTC)


def main() -> None:
    path, seed = Path(sys.argv[1]), int(sys.argv[2])
    online = sys.argv[3:] == ["online"]
    mix = sys.argv[3:4] == ["mix"]
    other = Path(sys.argv[4]) if mix and len(sys.argv) > 4 else None
    creds = credentials.load(path)
    with Database.open(path) as db:
        authoriser = None
        # as `loyalty-terminal enroll` does: the till knows its terminal id (its offline
        # limits and its registrations need it)
        credentials.note_in_cache(db, creds)
        if online:
            authoriser = HttpSpendAuthoriser(creds.office_url, creds.token)
        finder = HttpSpendAuthoriser(creds.office_url, creds.token) if other else None
        client = OfficeClient(creds.office_url, creds.token, timeouts=Timeouts(1.0, 5.0))
        print("ready", flush=True)
        syncer = Syncer(db, client, now, push_batch=7, snapshot_page=250)
        while True:  # the first download, a page per transaction
            with db.read() as conn:
                if sync_state.get_state(conn, sync_state.CURSOR) is not None:
                    break
            try:
                with sync_lock(db.path):
                    syncer.run_pass()
            except Transient:
                time.sleep(0.05)
        worker = SyncWorker(
            db,
            client,
            clock=now,
            rng=random.Random(seed),
            poll_s=0.05,
            backoff=Backoff(base_s=0.01, cap_s=0.1),
            syncer=syncer,
        )
        worker.start()
        load = Workload(
            db,
            random.Random(seed),
            member_cards(db, 30),
            returns=0.0 if online else 0.15,
            authoriser=authoriser,
            mix=mix,
            elsewhere=other,
            purchases=finder,
        )
        while True:
            op_id = load.step()
            print(op_id, flush=True)
            worker.wake()
            time.sleep(0.002)


if __name__ == "__main__":
    main()
