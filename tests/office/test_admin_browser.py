"""The admin web app in a real browser: Debian's chromium, headless, driven by selenium
through Debian's chromium-driver (the Makefile's APT_PKGS), against a real office over
HTTP. A support admin logs in, finds a member by card number, opens them, changes the
phone and sees it saved; a read-only admin is refused the edit. A marketing admin adds a
gift and sees it listed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from adminkit import PASSWORD, add_admin, someone
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait
from sqlalchemy import select

from office import admin
from office.db import OfficeDB
from office.models import members
from office.server import OfficeServer

pytestmark = pytest.mark.integration
CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"


@pytest.fixture
def browser() -> Iterator[WebDriver]:
    assert shutil.which(CHROMIUM) and shutil.which(DRIVER), "make sysdeps: chromium, its driver"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--lang=en",
        "--window-size=1100,900",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(15)
    # A click that submits a form returns before the next page is there: an element of
    # the next page is waited for (up to 10 s), on a loaded machine too.
    driver.implicitly_wait(10)
    try:
        yield driver
    finally:
        driver.quit()


def _log_in(driver: WebDriver, url: str, name: str) -> None:
    driver.delete_all_cookies()
    driver.get(f"{url}/admin/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login").click()
    assert driver.find_element(By.ID, "count-members").text.isdigit()


def test_a_support_admin_edits_a_phone_and_a_read_only_one_is_refused(
    office_db: OfficeDB, browser: WebDriver
) -> None:
    add_admin(office_db, "help", "support")
    add_admin(office_db, "viewer", "read_only")
    who = someone(office_db)
    with OfficeServer(office_db) as server:
        _log_in(browser, server.url, "help")
        browser.find_element(By.ID, "q").send_keys(who.card_number)
        browser.find_element(By.ID, "search").click()
        results = browser.find_element(By.ID, "results")
        results.find_element(By.LINK_TEXT, who.full_name).click()
        assert browser.find_element(By.ID, "member-name").text == who.full_name
        assert browser.find_element(By.ID, "member-phone").text == who.phone
        browser.find_element(By.ID, "edit").click()
        phone = browser.find_element(By.ID, "phone")
        phone.clear()
        phone.send_keys("+380 50 765 43 21")
        browser.find_element(By.ID, "save").click()
        assert browser.find_element(By.ID, "saved").text == "Saved."
        assert browser.find_element(By.ID, "member-phone").text == "380507654321"

        browser.find_element(By.ID, "logout").click()
        WebDriverWait(browser, 10).until(lambda d: "/admin/login" in d.current_url)
        _log_in(browser, server.url, "viewer")
        browser.get(f"{server.url}/admin/members/{who.id}")
        assert not browser.find_elements(By.ID, "edit")
        browser.get(f"{server.url}/admin/members/{who.id}/edit")
        assert "does not allow" in browser.find_element(By.ID, "refused").text
    with office_db.read() as conn:
        stored = conn.execute(select(members.c.phone).where(members.c.id == who.id)).scalar()
    assert stored == "380507654321"


def test_a_marketing_admin_adds_a_gift_and_sees_it_listed(
    office_db: OfficeDB, browser: WebDriver
) -> None:
    add_admin(office_db, "promo", "marketing")
    with OfficeServer(office_db) as server:
        _log_in(browser, server.url, "promo")
        browser.find_element(By.ID, "nav-gifts").click()
        browser.find_element(By.ID, "new-gift").click()
        for field, typed in (
            ("code", "TEA-42"),
            ("name_ru", "Чай"),
            ("name_uk", "Чай"),
            ("name_en", "Tea"),
        ):
            browser.find_element(By.ID, field).send_keys(typed)
        cost = browser.find_element(By.ID, "cost")
        cost.clear()
        cost.send_keys("75,5")
        browser.find_element(By.ID, "save").click()
        assert "TEA-42" in browser.find_element(By.ID, "saved").text
        row = browser.find_element(By.ID, "gift-TEA-42")
        assert "Tea" in row.text and "75.50" in row.text
    with office_db.read() as conn:
        stored = admin.gift_row(conn, "TEA-42")
    assert stored is not None and stored["points_cost_centi"] == 7550 and stored["active"]


def test_a_read_only_admin_opens_the_reports_and_one_report(
    office_db: OfficeDB, browser: WebDriver
) -> None:
    add_admin(office_db, "viewer", "read_only")
    with OfficeServer(office_db) as server:
        _log_in(browser, server.url, "viewer")
        browser.find_element(By.ID, "nav-reports").click()
        assert browser.find_element(By.TAG_NAME, "h1").text == "Reports"
        browser.find_element(By.ID, "report-liability").click()
        assert browser.find_element(By.ID, "report-title").text == "Points liability"
        rows = browser.find_elements(By.CSS_SELECTOR, "#report tbody tr")
        assert len(rows) == 6
        assert rows[0].find_elements(By.TAG_NAME, "td")[0].text == "Points balance of all members"
        browser.find_element(By.ID, "from").send_keys("01012024")  # the date field's typing
        browser.find_element(By.ID, "to").send_keys("01022025")
        browser.find_element(By.ID, "show").click()
        said = browser.find_element(By.ID, "period-error").text
        assert said == "A report covers at most 366 days: choose a shorter period."
