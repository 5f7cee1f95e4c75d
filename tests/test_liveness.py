"""When a loop counts as stuck: failing too long, or not come round within its own pause plus
the stall time (a loop that rests 30 s between rounds is not stuck after 1.5 s of rest)."""

from __future__ import annotations

from bot.channels.pipeline.liveness import Liveness


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_resting_loop_is_stuck_only_past_its_pause_and_the_stall_time() -> None:
    clock = Clock()
    live = Liveness(stall_after=1.5, clock=clock)
    live.expect("housekeeping", 30.0)
    live.expect("polling")
    clock.now += 1.0
    live.ok("polling")
    clock.now += 1.0
    assert live.stuck() is None
    live.ok("polling")
    clock.now += 29.0  # housekeeping rests; polling has said nothing for 29 s
    assert live.stuck() == "polling"
    live.ok("polling")
    assert live.stuck() is None
    clock.now += 1.0  # 32 s since housekeeping was expected: more than 30 + 1.5
    assert live.stuck() == "housekeeping"
    live.ok("housekeeping")
    assert live.stuck() is None


def test_a_failing_loop_is_stuck_after_the_stall_time_whatever_its_pause() -> None:
    clock = Clock()
    live = Liveness(stall_after=1.5, clock=clock)
    live.expect("housekeeping", 30.0)
    live.failed("housekeeping", OSError("disk full"))
    clock.now += 1.0
    assert live.stuck() is None
    clock.now += 1.0
    assert live.stuck() == "housekeeping"
    live.done("housekeeping")
    assert live.stuck() is None
