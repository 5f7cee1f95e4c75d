"""WhatsApp's pair rate: about one message per 6 seconds to the same person, after a burst
(error 131056 otherwise). Meta's documentation allows a burst of up to 45 messages, after
which the sender must wait as long as the burst would have taken at the steady rate: a bucket
per person of 45, refilled one message per 6 seconds. A turn's replies go as one message
where they fit (see `render`), so a young person tapping through the check at their own speed
stays well inside the burst."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["PairPace"]


@dataclass
class PairPace:
    """When the next message to a person may go. `burst` messages go at once; then one per
    `interval` seconds. Forgets a person once their bucket is full again."""

    interval: float = 6.0
    burst: int = 45
    #: Per lane: (tokens left, when they were counted).
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def _tokens(self, lane: str, now: float) -> float:
        tokens, at = self._buckets.get(lane, (float(self.burst), now))
        return min(float(self.burst), tokens + max(0.0, now - at) / self.interval)

    def wait(self, lane: str, now: float) -> float:
        """Seconds before a message to `lane` keeps within the pair rate."""
        tokens = self._tokens(lane, now)
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) * self.interval

    def record(self, lane: str, now: float) -> None:
        """A message to `lane` went now."""
        tokens = self._tokens(lane, now) - 1.0
        if len(self._buckets) > 50_000:  # keep memory flat: drop everyone who is full again
            self._buckets = {
                key: value
                for key, value in self._buckets.items()
                if self._tokens(key, now) < self.burst
            }
        self._buckets[lane] = (max(0.0, tokens), now)
