"""The agenda's web pages in a real browser: Debian's chromium driven by selenium through /usr/bin/chromedriver
(nothing downloaded), against a seeded eventsd of their own. Every published event's page lists the sessions of
its public agenda.ics, in order and at its times, in the event's zone and after switching to the viewer's; an
attendee answers from /me and sees the daemon's seat decision; text from the replica stays text; hidden events
are 404 pages; axe-core (shipped inside axe-selenium-python) finds nothing serious; screenshots go to
.build/screenshots/."""
import base64
import os
import re
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import axe_selenium_python
import icalendar
import pytest
import requests
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BIN, ROOT, Daemon

SCREENSHOTS = ROOT / ".build" / "screenshots"
AXE_SCRIPT = Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
HOSTILE = "<img src=x onerror=alert(1)>"
VIEWER_ZONE = "Asia/Tokyo"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    running = Daemon(tmp_path_factory.mktemp("web"))
    yield running
    running.stop()


def make_browser(javascript=True):
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--disable-gpu", "--no-first-run", "--lang=en-GB"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))


@pytest.fixture(scope="module")
def browser():
    driver = make_browser()
    yield driver
    driver.quit()


def api(site, method, path, token=None, **arguments):
    headers = {"Authorization": f"Bearer {token or site.token}"}
    response = requests.request(method, f"{site.url}{path}", headers=headers, timeout=30, **arguments)
    assert response.status_code < 300, (method, path, response.status_code, response.text)
    return response.json() if response.content else None


def published_events(site):
    return [event for event in api(site, "GET", "/v1/events?limit=1000")["items"] if event["published"]]


def calendar_sessions(site, slug):
    response = requests.get(f"{site.url}/v1/events/{slug}/agenda.ics", timeout=30)
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    return [(str(event["SUMMARY"]), event["DTSTART"].dt, str(event.get("STATUS", ""))) for event in calendar.walk("VEVENT")]


def page_sessions(browser):
    rows = []
    for row in browser.find_elements(By.CSS_SELECTOR, "li.session"):
        day = row.find_element(By.XPATH, "ancestor::section[@class='day']").get_attribute("aria-labelledby")
        start = row.find_element(By.CSS_SELECTOR, "time")
        rows.append({
            "title": row.find_element(By.CSS_SELECTOR, "h3 a").text,
            "start": datetime.fromisoformat(start.get_attribute("datetime")),
            "shown": start.text,
            "day": day.removeprefix("day-"),
            "cancelled": "cancelled" in row.get_attribute("class").split(),
        })
    return rows


def assert_same_sessions(rows, calendar, zone):
    assert [row["title"] for row in rows] == [title for title, _, _ in calendar]
    for row, (title, start, status) in zip(rows, calendar):
        local = start.astimezone(ZoneInfo(zone))
        assert row["start"] == start, title
        assert row["start"].utcoffset() == local.utcoffset(), f"{title}: shown with {zone}'s offset"
        assert row["shown"] == local.strftime("%H:%M"), title
        assert row["day"] == local.strftime("%Y-%m-%d"), f"{title}: under its day in {zone}"
        assert row["cancelled"] == (status == "CANCELLED"), title


def wait(browser, condition, seconds=20):
    return WebDriverWait(browser, seconds).until(condition)


def screenshot(browser, name, width, height=None):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(width, height or 900)
    if height is None:
        full = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, min(full + 120, 12000))
    path = SCREENSHOTS / f"{name}.png"
    browser.save_screenshot(str(path))
    browser.set_window_size(1280, 900)
    assert path.stat().st_size > 5000
    return path


def test_every_published_event_page_lists_the_sessions_of_its_agenda_ics(site, browser):
    events = published_events(site)
    assert len(events) >= 5
    # The hard cases: a cancelled session, and an event whose days differ in the viewer's zone.
    gms = api(site, "GET", "/v1/sessions?event=gms-2017&limit=1000")["items"]
    api(site, "PATCH", f"/v1/sessions/{gms[-1]['id']}", json={"status": "cancelled"})
    shifted_days = compared = 0
    for event in events:
        slug, zone = event["slug"], event["timezone"]
        calendar = calendar_sessions(site, slug)
        compared += len(calendar)
        browser.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": VIEWER_ZONE})
        browser.get(f"{site.url}/events/{slug}")
        assert browser.find_element(By.CSS_SELECTOR, ".zone-name").text == zone
        assert_same_sessions(page_sessions(browser), calendar, zone)
        assert browser.find_element(By.CSS_SELECTOR, "a.subscribe").get_attribute("href") == \
            f"webcal://{site.url.removeprefix('http://')}/v1/events/{slug}/agenda.ics"
        browser.find_element(By.ID, "my-zone").click()
        wait(browser, lambda driver: "tz=" in driver.current_url)
        assert browser.find_element(By.CSS_SELECTOR, ".zone-name").text == VIEWER_ZONE
        rows = page_sessions(browser)
        assert_same_sessions(rows, calendar, VIEWER_ZONE)
        shifted_days += sum(1 for row, (_, start, _) in zip(rows, calendar)
                            if row["day"] != start.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d"))
    assert compared > 20
    assert shifted_days > 0, "some session falls on another day in the viewer's zone"
    browser.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": ""})
    browser.get(f"{site.url}/events/gms-2017")
    cancelled = [row for row in page_sessions(browser) if row["cancelled"]]
    assert [row["title"] for row in cancelled] == [gms[-1]["title"]]
    assert browser.find_element(By.CSS_SELECTOR, "li.session.cancelled .cancelled-badge").text == "Cancelled"


def test_public_pages_are_readable_with_javascript_off(site):
    driver = make_browser(javascript=False)
    try:
        driver.get(f"{site.url}/events/gfmd-2007")
        assert [row["title"] for row in page_sessions(driver)] == [title for title, _, _ in calendar_sessions(site, "gfmd-2007")]
        assert not driver.find_elements(By.ID, "my-zone"), "the script did not run"
        select = driver.find_element(By.ID, "tz")
        select.find_element(By.XPATH, "option[.='America/New_York']").click()
        driver.find_element(By.CSS_SELECTOR, ".zone-control button[type=submit]").click()
        wait(driver, lambda d: "tz=America" in d.current_url)
        assert_same_sessions(page_sessions(driver), calendar_sessions(site, "gfmd-2007"), "America/New_York")
    finally:
        driver.quit()


def create_attendee(site, email, name):
    created = subprocess.run([BIN / "eventsd", "admin", "create-user", "--db", site.database, "--email", email,
                              "--name", name], check=True, capture_output=True, text=True)
    api(site, "POST", "/v1/people", json={"name": name, "email": email})
    return created.stdout.strip().splitlines()[-1]


def sign_in(browser, site, token):
    browser.get(f"{site.url}/me")
    browser.find_element(By.ID, "token").send_keys(token)
    browser.find_element(By.CSS_SELECTOR, "#sign-in button[type=submit]").click()
    wait(browser, expected_conditions.visibility_of_element_located((By.ID, "my-events")))
    assert browser.execute_script("return sessionStorage.getItem('eventsd.token')") == token
    assert browser.execute_script("return document.cookie") == ""
    assert token not in browser.current_url


def sign_out(browser):
    browser.find_element(By.ID, "sign-out").click()
    wait(browser, expected_conditions.visibility_of_element_located((By.ID, "sign-in")))
    assert browser.execute_script("return sessionStorage.getItem('eventsd.token')") is None
    assert not browser.find_elements(By.CSS_SELECTOR, "#events .my-session")
    for hidden in ["account-name", "account-email", "feed-url"]:
        assert browser.find_element(By.ID, hidden).get_attribute("textContent") == "", hidden
    assert browser.find_element(By.ID, "feed-url").get_attribute("href") is None


def answer_in_browser(browser, session_id, response):
    row = f"#my-events li.my-session[data-session='{session_id}']"
    browser.find_element(By.CSS_SELECTOR, f"{row} button[data-response='{response}']").click()
    seat = wait(browser, expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, f"{row} .seat")))
    return seat.text


def test_attendees_answer_from_their_page_and_see_the_seat_decision(site, browser):
    session = api(site, "POST", "/v1/sessions", json={
        "eventID": "gms-2017", "title": "Mayors' breakfast with the Secretary-General", "format": "roundtable",
        "startsAt": "2017-09-18T07:30", "endsAt": "2017-09-18T08:30", "capacity": 1})
    first = create_attendee(site, "ana.web@example.org", "Ana Web")
    second = create_attendee(site, "ben.web@example.org", "Ben Web")
    sign_in(browser, site, first)
    assert answer_in_browser(browser, session["id"], "accepted") == "confirmed"
    mine = browser.find_elements(By.CSS_SELECTOR, f"#my-agenda li.my-session[data-session='{session['id']}']")
    assert len(mine) == 1, "an accepted session is in My sessions"
    feed = wait(browser, expected_conditions.visibility_of_element_located((By.ID, "feed-create")))
    feed.click()
    link = wait(browser, expected_conditions.visibility_of_element_located((By.ID, "feed-url"))).text
    assert requests.get(link, timeout=30).status_code == 200
    browser.refresh()
    wait(browser, expected_conditions.visibility_of_element_located((By.ID, "feed-url")))
    assert browser.find_element(By.ID, "feed-url").text == link, "the same calendar URL on the next visit"
    screenshot(browser, "me-desktop", 1280)
    sign_out(browser)
    sign_in(browser, site, second)
    assert answer_in_browser(browser, session["id"], "accepted") == "waitlisted, position 1"
    sign_out(browser)
    rsvps = {item["personID"]: item for item in
             api(site, "GET", f"/v1/rsvps?event=gms-2017&limit=1000")["items"] if item["sessionID"] == session["id"]}
    decisions = sorted((item["decision"], item.get("waitlistPosition")) for item in rsvps.values())
    assert decisions == [("confirmed", None), ("waitlisted", 1)]


def test_a_hostile_title_renders_as_text_and_runs_nothing(site, browser):
    created = api(site, "POST", "/v1/sessions", json={
        "eventID": "hld-2013", "title": HOSTILE, "format": "side-event",
        "startsAt": "2013-10-03T18:00", "endsAt": "2013-10-03T19:00", "description": "<script>alert(2)</script>"})
    browser.get(f"{site.url}/events/hld-2013")
    titles = [row["title"] for row in page_sessions(browser)]
    assert HOSTILE in titles
    assert browser.find_elements(By.TAG_NAME, "img") == []
    browser.get(f"{site.url}/events/hld-2013/sessions/{created['id']}")
    assert browser.find_element(By.TAG_NAME, "h1").text == HOSTILE
    assert browser.find_element(By.CSS_SELECTOR, ".description").text == "<script>alert(2)</script>"
    assert browser.find_elements(By.TAG_NAME, "img") == []
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text


def test_an_unpublished_invitation_only_event_is_a_404_page(site, browser):
    for slug in ["pss-2016", "no-such-event"]:
        assert requests.get(f"{site.url}/events/{slug}", timeout=30).status_code == 404
        assert requests.get(f"{site.url}/v1/events/{slug}/agenda.ics", timeout=30).status_code == 404
        browser.get(f"{site.url}/events/{slug}")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Page not found"
        assert "Private Sector" not in browser.page_source
    home = requests.get(f"{site.url}/", timeout=30).text
    assert "Private Sector Summit" not in home and "Global Mayors Summit" in home


def axe_problems(browser):
    axe = Axe(browser, script_url=str(AXE_SCRIPT))
    axe.inject()
    results = axe.run()
    assert results["passes"], "axe ran its rules"
    return [f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']][:3]}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def test_no_page_has_a_serious_accessibility_violation(site, browser):
    assert AXE_SCRIPT.is_file(), "axe-core ships with axe-selenium-python: nothing is fetched"
    events = published_events(site)
    gfmd = api(site, "GET", "/v1/sessions?event=gfmd-2007&limit=1")["items"][0]
    paths = ["/", "/me", "/events/pss-2016", f"/events/gfmd-2007/sessions/{gfmd['id']}", "/events/gfmd-2007?tz=Asia/Tokyo"]
    paths += [f"/events/{event['slug']}" for event in events]
    problems = {}
    for path in paths:
        browser.get(site.url + path)
        found = axe_problems(browser)
        if found:
            problems[path] = found
    sign_in(browser, site, site.token)
    found = axe_problems(browser)
    if found:
        problems["/me (signed in)"] = found
    sign_out(browser)
    assert problems == {}


def test_screenshots_on_desktop_phone_and_print(site, browser):
    browser.get(f"{site.url}/events/gfmd-2007")
    desktop = screenshot(browser, "gfmd-2007-desktop", 1280)
    phone = screenshot(browser, "gfmd-2007-phone", 390)
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 1280
    browser.set_window_size(390, 844)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390, "no sideways scrolling on a phone"
    browser.set_window_size(1280, 900)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.find_element(By.CSS_SELECTOR, ".zone-control").is_displayed()
    printed = screenshot(browser, "gfmd-2007-print-preview", 794)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    document = base64.b64decode(pdf["data"])
    (SCREENSHOTS / "gfmd-2007-print.pdf").write_bytes(document)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", document))
    days = len(browser.find_elements(By.CSS_SELECTOR, "section.day"))
    assert days >= 3 and pages >= days, "a page (at least) per day"
    for path in [desktop, phone, printed]:
        assert path.is_file()
