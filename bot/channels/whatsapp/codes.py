"""Meta's error codes, and which of them are worth sending again.

From Meta's Cloud API error reference (developers.facebook.com/documentation/
business-messaging/whatsapp/support/error-codes). A code not listed is not retried: sending
the same request again would fail the same way, and a person must not get a message twice.
docs/whatsapp.md has the table with the reasons.
"""

from __future__ import annotations

__all__ = [
    "AUTH",
    "OUTSIDE_WINDOW",
    "PAIR_RATE",
    "RETRY_AFTER",
    "THROUGHPUT",
    "retry_after",
]

#: Free text outside the 24-hour customer-service window: only a template can go now.
OUTSIDE_WINDOW = 131047
#: Too many messages to the same person (about one per 6 seconds).
PAIR_RATE = 131056
#: The number's throughput (messages per second) is used up.
THROUGHPUT = 130429
#: The access token is expired, invalidated, or lacks a permission.
AUTH = frozenset({0, 190})

#: Temporary failures → seconds to wait before the next try (the first try; a sender backs off).
RETRY_AFTER: dict[int, float] = {
    1: 30.0,  # API Unknown: a possible server error
    2: 30.0,  # API Service: downtime or overload
    4: 60.0,  # API Too Many Calls: the app's call rate
    80007: 60.0,  # rate limit of the WhatsApp Business Account
    THROUGHPUT: 1.0,  # per-number throughput: messages per second, so a second is enough
    PAIR_RATE: 6.0,  # per-person pair rate: one message per 6 s
    131000: 30.0,  # Something went wrong (Meta: try again)
    131016: 60.0,  # Service unavailable
    131057: 300.0,  # Business account in maintenance mode (a throughput upgrade)
}


def retry_after(code: int | None) -> float | None:
    """Seconds to wait before trying a failed message again, or None: do not retry it."""
    if code is None:
        return None
    return RETRY_AFTER.get(code)
