"""Dedicated keyboard-wedge devices read straight from a Linux input device (evdev).

The device is grabbed (EVIOCGRAB), so what it types reaches no window; its key codes go
through the same classifier and card policy as the Qt hook's. No third-party package:
``struct input_event`` is read directly. Unplugging ends the session; the supervisor
reopens the device when it is back.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import select
import struct
import time

from drivers.cardnumbers import CardNumberRules
from drivers.config import WedgeConfig
from drivers.events import EventSink, ReaderAppeared, ReaderDisappeared, Technology
from drivers.keycodes import SHIFT_KEYS
from drivers.supervisor import SupervisedThread, call_quietly
from drivers.wedge import KeyPress, WedgeReader

log = logging.getLogger(__name__)

INPUT_EVENT = struct.Struct("llHHi")  # struct timeval, __u16 type, __u16 code, __s32 value
EV_KEY = 0x01
KEY_UP, KEY_DOWN = 0, 1
EVIOCGRAB = 0x40044590  # _IOW('E', 0x90, int)
POLL_S = 0.02


def input_event(code: int, value: int, t: float = 0.0) -> bytes:
    """One key event as the kernel writes it (tests, the virtual devices)."""
    sec = int(t)
    return INPUT_EVENT.pack(sec, int((t - sec) * 1e6), EV_KEY, code, value)


class EvdevWedgeDriver(SupervisedThread):
    technology = Technology.WEDGE

    def __init__(
        self, path: str, config: WedgeConfig, rules: CardNumberRules, sink: EventSink
    ) -> None:
        super().__init__(f"reader-evdev-{path}", path, sink)
        self.path = path
        self.reader = WedgeReader(config, rules, sink, source=path)

    def session(self) -> None:
        fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            try:
                fcntl.ioctl(fd, EVIOCGRAB, 1)
            except OSError as exc:  # not an input device (a FIFO in tests), or grabbed
                log.info("%s: not grabbed (%s)", self.path, exc.strerror)
            self.emit(ReaderAppeared(self.source, self.technology))
            self._loop(fd)
        finally:
            with contextlib.suppress(OSError):
                fcntl.ioctl(fd, EVIOCGRAB, 0)
            call_quietly(lambda: os.close(fd))
            self.emit(ReaderDisappeared(self.source, self.technology))

    def _loop(self, fd: int) -> None:
        shift = False
        pending = b""
        while not self.stopping:
            ready, _, _ = select.select([fd], [], [], POLL_S)
            now = time.monotonic()
            if not ready:
                self.reader.tick(now)
                continue
            chunk = os.read(fd, INPUT_EVENT.size * 64)
            if not chunk:
                raise OSError(f"{self.path}: end of input (device gone)")
            pending += chunk
            usable = len(pending) - len(pending) % INPUT_EVENT.size
            for _sec, _usec, kind, code, value in INPUT_EVENT.iter_unpack(pending[:usable]):
                if kind != EV_KEY:
                    continue
                if code in SHIFT_KEYS:
                    shift = value != KEY_UP
                if value == KEY_DOWN:
                    # a grabbed device's person-typed keys have nowhere to go: dropped
                    self.reader.press(KeyPress(code, now, shift))
            pending = pending[usable:]
