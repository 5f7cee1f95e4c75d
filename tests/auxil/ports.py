"""A free TCP port on 127.0.0.1 for a server a test starts a moment later.

Never one from the kernel's ephemeral range (`net.ipv4.ip_local_port_range`, 32768-60999 on
Linux), which is where `bind(("127.0.0.1", 0))` takes its ports: every outgoing connection
(to PostgreSQL, to the Bot API or WhatsApp test server, from any test of either worker) gets
its local port from that same range, so a port probed there can be taken between the probe and
the server's own bind, and the server dies with "address already in use" (CI, 2026-12-04: a
replica of tests/test_replicas_e2e.py). A port below the range is only ever taken by an
explicit bind, and the probe checks that none holds it.
"""

from __future__ import annotations

import random
import socket
from pathlib import Path

__all__ = ["free_port"]

_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
_SPAN = 12_000  # ports below the ephemeral range to draw from
_handed_out: set[int] = set()
_draw = random.SystemRandom()


def _ephemeral_start() -> int:
    try:
        return int(_RANGE.read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return 32_768  # Linux's default


def free_port() -> int:
    """A port nobody listens on now, outside the range outgoing connections draw from; never
    the same one twice in a process. Two test workers drawing at random from 12,000 ports
    meet with odds of about one in 12,000 per draw, and the bind check catches a port in use."""
    high = _ephemeral_start()
    low = max(1_024, high - _SPAN)
    for _ in range(1_000):
        port = _draw.randrange(low, high)
        if port in _handed_out:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    raise RuntimeError(f"no free port in {low}-{high}")
