from agentcron.delivery.pacing import Pacer


class FakeTime:
    """A clock that moves only when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_one_slot_per_second_per_channel() -> None:
    time = FakeTime()
    pacer = Pacer(clock=time.clock, sleep=time.sleep)
    assert [pacer.reserve("#a") for _ in range(3)] == [0.0, 1.0, 2.0]
    assert pacer.reserve("#b") == 0.0
    time.now += 10
    assert pacer.reserve("#a") == 0.0


def test_retry_after_holds_the_channel() -> None:
    time = FakeTime()
    pacer = Pacer(clock=time.clock, sleep=time.sleep)
    pacer.reserve("#a")
    pacer.hold("#a", 30)
    assert pacer.reserve("#a") == 30.0
    assert pacer.reserve("#a") == 31.0
    assert pacer.reserve("#b") == 0.0


async def test_wait_turn_sleeps_until_the_slot() -> None:
    time = FakeTime()
    pacer = Pacer(clock=time.clock, sleep=time.sleep)
    assert await pacer.wait_turn("#a") == 0.0
    assert await pacer.wait_turn("#a") == 1.0
    assert time.sleeps == [1.0]


async def test_a_hold_that_arrives_while_waiting_is_obeyed() -> None:
    time = FakeTime()

    async def sleep(seconds: float) -> None:
        await time.sleep(seconds)
        if len(time.sleeps) == 1:
            pacer.hold("#a", 5)  # another sender got a 429 meanwhile

    pacer = Pacer(clock=time.clock, sleep=sleep)
    await pacer.wait_turn("#a")
    assert await pacer.wait_turn("#a") == 6.0
    assert time.sleeps == [1.0, 5.0]
