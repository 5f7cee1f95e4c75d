"""Per person, one replica at a time: lane leases on a shared database.

Replicas on one PostgreSQL server share the work by person. A replica handles a person's
rows (their turns, their sends) only while it holds that person's lane: a row in `lanes` with
its token and an `until` it renews with its heartbeat. A lane not renewed by `until` is free
for another replica, which then finishes what the first one left: the inbox rows not handled,
the outbox rows not sent.

Every turn's transaction starts with `LaneLeases.fence`: an update of the lane's row that
only its holder can make. It renews the lane and holds the row's lock to the commit, so a
replica claiming the lane meanwhile waits, and then finds it renewed; a replica whose lane
was taken over after a stall cannot commit a turn the new holder handles too.

Some lanes stay with the replica that leads (the one holding the database's lease): a person
with a handoff, whose turns change the staff side the leader keeps in memory. Another replica
that meets such a turn hands the lane on (`to_leader`): marked `pinned`, free at once, and
claimable by the leader only. Time is each replica's own clock (`time.time`); leases last
seconds, far longer than clocks kept by NTP differ.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.storage.base import Conn, Db, LeaseLostError, announce
from bot.storage.lease import Timing

__all__ = ["LaneLeases"]

#: Lanes with work waiting (rows to handle, sends to make) whose lease is free or has run out.
_CLAIMABLE = """
SELECT w.lane FROM (
    SELECT lane FROM inbox WHERE parked_at IS NULL
    UNION
    SELECT lane FROM outbox WHERE parked_at IS NULL
) AS w LEFT JOIN lanes AS l ON l.lane = w.lane
WHERE (l.lane IS NULL OR l.until < ? OR l.holder = ?)
"""
#: For a replica that does not lead: never a lane with a handoff (open, or closed and in its
#: grace period): its turns are the leader's.
_NO_HANDOFF = " AND NOT EXISTS (SELECT 1 FROM handoffs AS h WHERE h.lane = w.lane)"
_CLAIM = (
    "INSERT INTO lanes (lane, holder, until, pinned) SELECT ?, ?, ?, 0 WHERE {free} "
    "ON CONFLICT (lane) DO UPDATE SET holder = excluded.holder, until = excluded.until "
    "WHERE (lanes.until < ? OR lanes.holder = excluded.holder){pinned}"
)
_LEADER_CLAIM = _CLAIM.format(free="CAST(? AS TEXT) IS NOT NULL", pinned="")
_WORKER_CLAIM = _CLAIM.format(
    free="NOT EXISTS (SELECT 1 FROM handoffs WHERE lane = ?)", pinned=" AND lanes.pinned = 0"
)


@dataclass(slots=True)
class LaneLeases:
    """The lane leases of one replica (`token`: its holder token, unique per process)."""

    db: Db
    token: str
    #: How often the holder renews (`beat`), and how long a lease lasts after (`stale`).
    timing: Timing
    clock: Callable[[], float] = time.time

    async def waiting(self, limit: int = 2000) -> list[tuple[int, str]]:
        """The inbox rows waiting (not parked) whose lanes are this replica's or free, by id
        and lane, oldest first: what this replica may handle. Rows of lanes another replica
        holds are that one's, and are not read here."""
        rows = await self.db.execute(
            "SELECT i.id, i.lane FROM inbox AS i LEFT JOIN lanes AS l ON l.lane = i.lane "
            "WHERE i.parked_at IS NULL AND (l.lane IS NULL OR l.holder = ? OR l.until < ?) "
            "ORDER BY i.id LIMIT ?",
            (self.token, self.clock(), limit),
        )
        return [(int(str(row_id)), str(lane)) for row_id, lane in rows]

    async def claimable(self, *, leader: bool) -> list[str]:
        """Lanes with work waiting that this replica may claim now, by name. The leader may
        claim every lane; the others leave pinned lanes and lanes with a handoff alone."""
        sql = _CLAIMABLE if leader else _CLAIMABLE + " AND coalesce(l.pinned, 0) = 0" + _NO_HANDOFF
        rows = await self.db.execute(sql, (self.clock(), self.token))
        return sorted(str(lane) for (lane,) in rows)

    async def claim(self, lanes: Iterable[str], *, leader: bool) -> list[str]:
        """Take these lanes where they are free or ran out (or are this replica's already);
        the ones taken. Pinned lanes only when `leader`."""
        wanted = sorted(set(lanes))
        if not wanted:
            return []
        now = self.clock()
        sql = _LEADER_CLAIM if leader else _WORKER_CLAIM

        def work(conn: Conn) -> list[str]:
            until = now + self.timing.stale
            return [
                lane
                for lane in wanted
                if conn.execute(sql, (lane, self.token, until, lane, now)).rowcount == 1
            ]

        return await self.db.run(work)

    async def renew(self) -> set[str]:
        """The heartbeat: every lane of this replica lasts `timing.stale` seconds more. Returns the
        lanes it still holds (one missing was taken over after this replica stalled)."""
        until = self.clock() + self.timing.stale
        rows = await self.db.execute(
            "UPDATE lanes SET until = ? WHERE holder = ? RETURNING lane", (until, self.token)
        )
        return {str(lane) for (lane,) in rows}

    async def release(self, lanes: Sequence[str]) -> None:
        """Give lanes up (idle, or stopping): another replica may take them at once."""
        if not lanes:
            return
        rows = [(lane, self.token) for lane in lanes]

        def work(conn: Conn) -> None:
            conn.executemany("DELETE FROM lanes WHERE lane = ? AND holder = ?", rows)

        await self.db.run(work)

    async def forget_stale(self, older_than: float = 3600.0) -> int:
        """Retention: erase leases that ran out `older_than` seconds ago (a replica that died
        left them; the pseudonyms in them go with the rest of the person's data)."""
        rows = await self.db.execute(
            "DELETE FROM lanes WHERE until < ? RETURNING 1", (self.clock() - older_than,)
        )
        return len(rows)

    async def to_leader(self, lane: str) -> None:
        """Hand a lane to the leading replica: pinned, and free at once (the leader is woken
        to take it)."""

        def work(conn: Conn) -> None:
            announce(conn, [lane])
            conn.execute(
                "UPDATE lanes SET pinned = 1, until = 0, holder = '' "
                "WHERE lane = ? AND holder = ?",
                (lane, self.token),
            )

        await self.db.run(work)

    def fence(self, conn: Conn, lane: str) -> None:
        """First in a turn's transaction: raises `LeaseLostError` unless `lane` is still this
        replica's. Renews it, and holds its row to the commit, so a claim waits for the turn."""
        sql = "UPDATE lanes SET until = ? WHERE lane = ? AND holder = ?"
        if conn.execute(sql, (self.clock() + self.timing.stale, lane, self.token)).rowcount != 1:
            raise LeaseLostError
