"""The change feed (cursor pages in commit order) and the paged snapshot.

Both answer with JSON text built here, not through a model layer: a snapshot page of
20,000 members is encoded once, as arrays, and sent as it is.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, delete, func, select

from office import entities, program_schedule, staff
from office.db import OfficeDB
from office.models import cards, changes, gifts, members, programs
from sync.protocol import CARD_FIELDS, GIFT_FIELDS, MEMBER_FIELDS

HORIZON_KEY = "feed_horizon"
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class CursorGone(Exception):
    """The cursor is older than the feed keeps: rebuild from a snapshot (HTTP 410)."""


class BadCursor(ValueError):
    """Not a cursor this office gave out (HTTP 400)."""


def parse_cursor(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise BadCursor(f"not a cursor: {text[:40]!r}") from None
    if value < 0:
        raise BadCursor(f"not a cursor: {text[:40]!r}")
    return value


def horizon(db: OfficeDB, conn: Connection) -> int:
    return int(db.get_setting(conn, HORIZON_KEY) or 0)


def current_seq(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(changes.c.seq), 0))).scalar_one())


def changes_page(db: OfficeDB, cursor: str, limit: int) -> str:
    """The changes after ``cursor`` as a JSON document (see docs/protocol.md)."""
    after = parse_cursor(cursor)
    program_schedule.publish_due(db)  # a version whose date has come, before the page
    with db.read() as conn:
        if after < horizon(db, conn):
            raise CursorGone()
        head = max(current_seq(conn), horizon(db, conn))
        if after > head:
            # A cursor from the future: this office was restored from a backup (or is
            # another office). The till's cache may hold changes the office no longer
            # has: it must rebuild from the snapshot rather than wait for them forever.
            raise CursorGone()
        rows = conn.execute(
            select(changes.c.seq, changes.c.entity, changes.c.key, changes.c.data, changes.c.at)
            .where(changes.c.seq > after)
            .order_by(changes.c.seq)
            .limit(limit + 1)
        ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = rows[-1].seq if rows else max(after, 0)
    items = ",".join(
        f"[{r.seq},{_dumps(r.entity)},{_dumps(r.key)},{r.data or 'null'},{_dumps(r.at)}]"
        for r in rows
    )
    return f'{{"changes":[{items}],"next":"{nxt}","more":{_dumps(more)},"head":{head}}}'


def prune(db: OfficeDB, keep_after: int) -> int:
    """Forget changes up to ``keep_after``: older cursors get 410. Returns rows removed."""
    with db.write() as conn:
        # Never beyond the head: the next changes would come below the horizon, and a
        # till at the horizon (or a snapshot as of it) would never see them.
        keep_after = min(keep_after, max(current_seq(conn), horizon(db, conn)))
        removed = conn.execute(delete(changes).where(changes.c.seq <= keep_after)).rowcount
        db.set_setting(conn, HORIZON_KEY, str(max(keep_after, horizon(db, conn))))
    return int(removed)


PARTS = ("meta", "members", "cards")


def snapshot_page(db: OfficeDB, part: str, after: int, limit: int) -> str:
    """One page of the snapshot. ``meta`` (program, gifts, limits, staff and ``as_of``, the
    cursor to follow the feed from afterwards) comes first, then members and cards by id.
    Rows changed while the pages are fetched come newer than ``as_of``: the feed brings
    them again, and applying them twice changes nothing."""
    if part == "meta":
        program_schedule.publish_due(db)
    with db.read() as conn:
        if part == "meta":
            return _meta(db, conn)
        if part == "members":
            cols = [members.c[n] for n in MEMBER_FIELDS]
            rows = conn.execute(
                select(*cols, members.c.seq)
                .where(members.c.id > after, members.c.deleted.is_(False))
                .order_by(members.c.id)
                .limit(limit)
            ).all()
            data = [[*entities.member_wire(r[:-1]), r[-1]] for r in rows]
        elif part == "cards":
            cols = [cards.c[n] for n in CARD_FIELDS]
            rows = conn.execute(
                select(*cols)
                .where(cards.c.id > after, cards.c.deleted.is_(False))
                .order_by(cards.c.id)
                .limit(limit)
            ).all()
            data = [list(r) for r in rows]
        else:
            raise ValueError(f"no snapshot part {part!r}")
    last = data[-1][0] if data else after
    done = len(data) < limit
    return f'{{"part":"{part}","rows":{_dumps(data)},"next_after":{last},"done":{_dumps(done)}}}'


def _meta(db: OfficeDB, conn: Connection) -> str:
    program = conn.execute(select(programs.c.code, programs.c.version, programs.c.body)).first()
    gift_rows = conn.execute(select(*[gifts.c[n] for n in GIFT_FIELDS])).all()
    doc = {
        # Pruned up to the head, the feed is empty: its position is still the horizon.
        "as_of": str(max(current_seq(conn), horizon(db, conn))),
        "as_of_time": db.now(),
        "program": None
        if program is None
        else {"code": program.code, "version": program.version, "body": json.loads(program.body)},
        "gifts": [[*g[:4], bool(g[4]), g[5]] for g in gift_rows],
        "limits": entities.get_limits(conn).to_dict(),
        # Every member of staff (deactivated ones too): a till enrolled now can be logged
        # into as soon as its first download is in.
        "staff": staff.wire_rows(conn),
        "members": int(
            conn.execute(
                select(func.count()).select_from(members).where(members.c.deleted.is_(False))
            ).scalar_one()
        ),
        "cards": int(
            conn.execute(
                select(func.count()).select_from(cards).where(cards.c.deleted.is_(False))
            ).scalar_one()
        ),
    }
    return _dumps(doc)
