"""The readers the configuration names, started and stopped together.

    with ReaderHub(config.readers, sink) as hub:   # sink(event) runs on driver threads
        ...
    # or hub.start() ... hub.stop()

The wedge needs no thread: the UI's key hook feeds ``hub.wedge`` (see wedge.py).
"""

from __future__ import annotations

import logging

from drivers.config import ReadersConfig
from drivers.events import EventSink
from drivers.supervisor import SupervisedThread
from drivers.wedge import WedgeReader

log = logging.getLogger(__name__)


class ReaderHub:
    def __init__(self, config: ReadersConfig, sink: EventSink) -> None:
        self.config = config
        self.sink = sink
        self.drivers: list[SupervisedThread] = []
        self.wedge = WedgeReader(config.wedge, config.numbers, sink)
        self._started = False

    def _make_drivers(self) -> list[SupervisedThread]:
        drivers: list[SupervisedThread] = []
        if self.config.pcsc.enabled:
            from drivers.pcsc import PcscDriver  # pyscard is loaded only when used

            drivers.append(PcscDriver(self.config.pcsc, self.config.numbers, self.sink))
        if self.config.serial:
            from drivers.serial_msr import SerialMsrDriver

            for reader in self.config.serial:
                drivers.append(SerialMsrDriver(reader, self.config.numbers, self.sink))
        if self.config.wedge.enabled and self.config.wedge.evdev_devices:
            from drivers.wedge_evdev import EvdevWedgeDriver

            for path in self.config.wedge.evdev_devices:
                drivers.append(
                    EvdevWedgeDriver(path, self.config.wedge, self.config.numbers, self.sink)
                )
        return drivers

    def start(self) -> ReaderHub:
        if self._started:
            return self
        self.drivers = self._make_drivers()
        for driver in self.drivers:
            log.info("starting %s", driver.name)
            driver.start()
        self._started = True
        return self

    def stop(self, timeout: float = 2.0) -> None:
        """Stop every driver; all threads are joined within about ``timeout`` seconds."""
        for driver in self.drivers:
            driver.request_stop()
        for driver in self.drivers:
            driver.stop(timeout)
        self.drivers = []
        self._started = False

    def __enter__(self) -> ReaderHub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
