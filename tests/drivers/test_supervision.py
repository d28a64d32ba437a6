"""No driver thread dies silently: failures are reported and retried; whatever a serial
reader sends, its handling never raises and never accepts a wrong number."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.config import SerialReaderConfig, demo_rules
from drivers.events import CardEvent, CardPresented, ReaderFailed, Technology
from drivers.msr_framing import Frame
from drivers.serial_msr import SerialMsrDriver
from drivers.supervisor import SupervisedThread
from drivers.virtual.recorder import Recorder


class Flaky(SupervisedThread):
    technology = Technology.MAGSTRIPE

    def __init__(self, sink: Recorder, failures: int) -> None:
        super().__init__("reader-flaky", "flaky", sink)
        self.failures = failures
        self.sessions = 0
        self.healthy = threading.Event()

    def session(self) -> None:
        self.sessions += 1
        if self.sessions <= self.failures:
            raise OSError(f"failure {self.sessions}")
        self.healthy.set()
        self.wait(60)


@pytest.mark.expected_log(r"reader-flaky failed")
def test_failures_are_reported_and_retried() -> None:
    recorder = Recorder()
    driver = Flaky(recorder, failures=2)
    driver.start()
    try:
        assert driver.healthy.wait(5)
    finally:
        driver.stop()
    failed = recorder.of(ReaderFailed)
    assert [f.error for f in failed] == ["failure 1", "failure 2"]
    assert failed[1].retry_in_s > failed[0].retry_in_s
    assert not driver._thread or not driver._thread.is_alive()


@pytest.mark.expected_log(r"reader-flaky failed", r"the event sink failed")
def test_a_failing_sink_does_not_kill_the_driver() -> None:
    calls: list[CardEvent] = []

    def bad_sink(event: CardEvent) -> None:
        calls.append(event)
        raise RuntimeError("the UI is gone")

    driver = Flaky(Recorder(), failures=1)
    driver._sink = bad_sink
    driver.start()
    try:
        assert driver.healthy.wait(5)
    finally:
        driver.stop()
    assert len(calls) == 1


RULES = demo_rules()


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from("%;+?^=0123456789BE /\x1b"), max_size=80),
    st.booleans(),
    st.integers(1, 3),
)
def test_serial_frames_of_any_content(text: str, complete: bool, track: int) -> None:
    recorder = Recorder()
    driver = SerialMsrDriver(SerialReaderConfig(port="/dev/null", track=track), RULES, recorder)
    driver._handle(Frame(text, complete, 1.0))
    for event in recorder.of(CardPresented):
        assert complete and event.number is not None
        assert RULES.matches(event.number) and event.number in text
