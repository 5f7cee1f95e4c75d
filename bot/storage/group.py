"""Group commit, for both databases: works asked for while a transaction is under way share the
next one, each in a savepoint of its own, so one that fails is undone alone while the others
commit. A caller hears back only once its work is committed."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from bot.storage.base import Work

__all__ = ["GroupCommit", "Outcome"]

T = TypeVar("T")
#: Per work: whether it went through, and its result or its exception.
Outcome = tuple[bool, Any]


class GroupCommit:
    """Queues works and commits them, batch after batch, with `commit`: the database's own
    step that runs a batch in one transaction (on its thread) and says how each work went.
    `after` is told of every batch tried (SQLite counts them towards a checkpoint)."""

    __slots__ = ("_after", "_commit", "_committer", "_queued")

    def __init__(
        self,
        commit: Callable[[list[Work[Any]]], Awaitable[list[Outcome]]],
        after: Callable[[], None] = lambda: None,
    ) -> None:
        self._commit = commit
        self._after = after
        self._queued: list[tuple[Work[Any], asyncio.Future[Any]]] = []
        self._committer: asyncio.Task[None] | None = None

    async def run(self, work: Work[T]) -> T:
        """`work`'s result, once the transaction that holds it is committed."""
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._queued.append((work, future))
        if self._committer is None:
            self._committer = asyncio.create_task(self._commit_queued())
        return await future

    async def _commit_queued(self) -> None:
        """Commit what is queued until nothing is (a task of its own, so a caller that gives
        up waiting cannot cut a transaction that holds others' work)."""
        try:
            while self._queued:
                batch, self._queued = self._queued, []
                try:
                    outcomes = await self._commit([work for work, _ in batch])
                except Exception as exc:  # noqa: BLE001 - every caller gets it
                    outcomes = [(False, exc)] * len(batch)
                except BaseException:
                    for _, future in batch:
                        future.cancel()
                    raise
                self._after()
                for (_, future), (ok, value) in zip(batch, outcomes, strict=True):
                    if future.done():
                        continue
                    if ok:
                        future.set_result(value)
                    else:
                        future.set_exception(value)
        finally:
            self._committer = None
