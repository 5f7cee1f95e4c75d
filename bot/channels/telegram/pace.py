"""Telegram's limit of 20 messages a minute in a group, kept by the bot itself.

All topics of one staff group share it. Rather than run into 429s, the sender asks here how
long to wait; while it waits, a young person's next messages pile up and are merged into one.
"""

from __future__ import annotations

from collections import deque

__all__ = ["GroupPace"]

#: Telegram's limit per group, and the window it counts in.
PER_MINUTE = 20
WINDOW = 60.0


class GroupPace:
    """A sliding window of the sends to one group.

    Up to half the limit goes at once (a burst is answered quickly); beyond that, sends are
    spaced evenly, so a busy group never has to wait the rest of a minute.
    """

    def __init__(self, per_minute: int = PER_MINUTE, window: float = WINDOW) -> None:
        self._limit = per_minute
        self._window = window
        self._spacing = window / per_minute
        self._sent: deque[float] = deque()

    def wait(self, now: float, cost: int = 1) -> float:
        """Seconds to wait before `cost` more messages may go (0: go now)."""
        while self._sent and self._sent[0] <= now - self._window:
            self._sent.popleft()
        waits = [0.0]
        if len(self._sent) + cost > self._limit:
            # The oldest sends must leave the window first.
            index = min(len(self._sent) - 1, len(self._sent) + cost - self._limit - 1)
            waits.append(self._sent[index] + self._window - now)
        if len(self._sent) >= self._limit // 2 and self._sent:
            waits.append(self._sent[-1] + self._spacing - now)
        return max(waits)

    def record(self, now: float, cost: int = 1) -> None:
        """`cost` messages went at `now`."""
        self._sent.extend([now] * cost)
