"""The test servers' ports never come from the range outgoing connections draw from."""

from __future__ import annotations

import socket

import pytest

from tests.auxil import ports
from tests.auxil.ports import free_port


def test_a_port_is_free_below_the_ephemeral_range_and_never_handed_out_twice() -> None:
    drawn = [free_port() for _ in range(50)]
    assert len(set(drawn)) == len(drawn)
    assert all(1_024 <= port < ports._ephemeral_start() for port in drawn)
    for port in drawn[:5]:
        with socket.socket() as server:
            server.bind(("127.0.0.1", port))  # raises if someone holds it


def test_a_port_someone_listens_on_is_never_handed_out(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", free_port()))
        held.listen()
        taken = int(held.getsockname()[1])
        # Only two ports to draw from: the one held and the one below it.
        monkeypatch.setattr(ports, "_handed_out", set())
        monkeypatch.setattr(ports, "_SPAN", 2)
        monkeypatch.setattr(ports, "_ephemeral_start", lambda: taken + 1)
        assert free_port() == taken - 1
        with pytest.raises(RuntimeError):
            free_port()  # the other is handed out, this one is held
