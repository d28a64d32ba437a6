"""Russian, Ukrainian and English: complete catalogues, compiled as shipped, and a switch
that takes effect at once, without a restart."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import card_key
from pytestqt.qtbot import QtBot

from common.clock import FixedClock
from terminal.loyalty import CardState
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.formats import money_text
from terminal.ui.i18n import QM_DIR, switch_language
from terminal.ui.main_window import MainWindow

ROOT = Path(__file__).parents[2]
BIN = Path(sys.executable).parent
I18N = ROOT / "resources" / "i18n"
TS = {code: I18N / f"loyalty_{code}.ts" for code in ("ru", "uk")}


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_catalogue_is_complete_and_current(code: str, tmp_path: Path) -> None:
    fresh = tmp_path / f"loyalty_{code}.ts"
    shutil.copyfile(TS[code], fresh)
    sources = f"@{I18N / 'sources.lst'}"  # the files and folders `make translations` reads
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-extensions", "py", sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    messages = list(ET.parse(fresh).iter("message"))
    assert messages
    unfinished = [
        m.findtext("source")
        for m in messages
        if (t := m.find("translation")) is None
        or t.get("type") in ("unfinished", "obsolete", "vanished")
        or not t.text
    ]
    assert unfinished == [], "run `make translations` and translate these"
    # The catalogue is what `make translations` writes from the data file: a translation
    # typed into the .ts alone would be lost at the next run.
    with (I18N / f"{code}.toml").open("rb") as f:
        data: dict[str, str] = tomllib.load(f)
    written = {m.findtext("source") or "": m.findtext("translation") or "" for m in messages}
    not_from_data = sorted(s for s, text in written.items() if data.get(s) != text)
    assert not_from_data == [], f"put these in resources/i18n/{code}.toml, `make translations`"
    assert sorted(set(data) - set(written)) == [], f"no text of the code: delete from {code}.toml"


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_shipped_qm_is_compiled_from_the_catalogue(code: str, tmp_path: Path) -> None:
    out = tmp_path / "x.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS[code]), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (QM_DIR / f"loyalty_{code}.qm").read_bytes()


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:
    w = MainWindow(Till(demo_db, clock), login=False)
    qtbot.addWidget(w)
    w.show()
    yield w
    switch_language("en")


def test_switching_language_retranslates_the_open_window(qtbot: QtBot, window: MainWindow) -> None:
    assert window.prompt.text() == "Tap or swipe the club card"
    for code, prompt in [
        ("ru", "Приложите или проведите клубную карту"),
        ("uk", "Прикладіть або проведіть клубну картку"),
        ("en", "Tap or swipe the club card"),
    ]:
        switch_language(code)
        qtbot.waitUntil(lambda p=prompt: window.prompt.text() == p, timeout=2000)
        assert window.language.currentData() == code


def test_member_on_screen_follows_the_language(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    window.present(card_key(demo_db, kind=None, state=CardState.BLOCKED))
    assert window._view is not None and window._view.card_state is CardState.BLOCKED
    switch_language("uk")
    qtbot.waitUntil(lambda: "ЗАБЛОКОВАНО" in window.member.problem.text(), timeout=2000)
    assert window.member.points.text().startswith("Бали:")


@pytest.mark.parametrize(
    ("code", "expected"), [("ru", "1\u00a0234,50"), ("uk", "1\u00a0234,50"), ("en", "1,234.50")]
)
def test_money_in_the_locale_format(code: str, expected: str, qtbot: QtBot) -> None:
    from decimal import Decimal

    switch_language(code)
    try:
        assert money_text(Decimal("1234.5")) == expected
    finally:
        switch_language("en")


def test_explanation_lines_follow_the_language(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    window.present(card_key(demo_db))
    switch_language("ru")
    qtbot.keyClicks(window.checkout.amount, "2450")
    lines = [window.checkout.lines.item(i).text() for i in range(window.checkout.lines.count())]
    assert lines and any(line.startswith("Скидка уровня") for line in lines)
    assert any("Начислено баллов" in line for line in lines)
    assert not any("Bronze" in line for line in lines)  # the tier's own Russian name
    assert any("Бронзовый" in line for line in lines)
    qtbot.waitUntil(lambda: "Бронзовый" in window.member.tier.text(), timeout=2000)


@pytest.mark.parametrize(("code", "name"), [("ru", "Бронзовый"), ("uk", "Бронзовий")])
def test_the_tier_is_named_in_the_language(
    qtbot: QtBot, window: MainWindow, demo_db: Database, code: str, name: str
) -> None:
    switch_language(code)
    try:
        window.present(card_key(demo_db))
        qtbot.waitUntil(lambda: name in window.member.tier.text(), timeout=2000)
        assert "Bronze" not in window.member.tier.text()
        qtbot.keyClicks(window.checkout.amount, "2450")
        lines = [window.checkout.lines.item(i).text() for i in range(window.checkout.lines.count())]
        assert any(name in line for line in lines)
    finally:
        switch_language("en")


@pytest.mark.parametrize(("code", "word"), [("ru", "Нет связи"), ("uk", "Немає зв'язку")])
def test_offline_refusals_are_in_the_cashiers_language(qapp: object, code: str, word: str) -> None:
    from terminal.services.offline import OfflineLimit
    from terminal.ui.errors import error_text

    switch_language(code)
    try:
        text = error_text(OfflineLimit("offline_per_operation", cap="500.00"))
    finally:
        switch_language("en")
    assert text.startswith(word) and "500.00" in text


@pytest.mark.parametrize(
    ("code", "word"),
    [("ru", "Офис отказал"), ("uk", "Офіс відмовив"), ("en", "The office refuses")],
)
def test_the_offices_refusal_is_in_the_cashiers_language(
    qapp: object, code: str, word: str
) -> None:
    from terminal.services.offline import OfflineLimit
    from terminal.ui.errors import error_text

    switch_language(code)
    try:
        text = error_text(OfflineLimit("office_refused", left="12.34"))
        card = error_text(OfflineLimit("office_refused_card"))
    finally:
        switch_language("en")
    assert text.startswith(word) and "12.34" in text
    assert card.startswith(word)
