from __future__ import annotations

from bot.throttle import Throttle, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_one_notice_then_quiet_until_the_minute_passes() -> None:
    clock = Clock()
    throttle = Throttle(per_minute=3, clock=clock)
    assert [throttle.check(1) for _ in range(3)] == [Verdict.ALLOW] * 3
    assert throttle.check(1) is Verdict.NOTIFY
    assert throttle.check(1) is Verdict.DROP
    assert throttle.check(2) is Verdict.ALLOW
    clock.now = 61
    assert throttle.check(1) is Verdict.ALLOW


def test_idle_people_are_forgotten() -> None:
    clock = Clock()
    throttle = Throttle(per_minute=1, clock=clock)
    throttle.check(1)
    clock.now = 120
    throttle.forget_idle()
    assert throttle._seen == {}
