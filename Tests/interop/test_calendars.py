"""The seeded agendas and a personal feed, read by real calendar software: python icalendar 7, vobject with
validation, and a Radicale CalDAV server on loopback."""
import socket
import subprocess
import sys
from datetime import datetime, timezone

import icalendar
import pytest
import requests
import vobject

from conftest import BIN

PUBLISHED = ["gms-2017", "gfmd-2007", "migration-webinars-2021", "hld-2006"]


def fetch(daemon, slug):
    response = requests.get(f"{daemon.url}/v1/events/{slug}/agenda.ics", timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return response


def expected_sessions(laptop, slug):
    agenda = laptop.json("agenda", "--event", slug)
    event = agenda["event"]
    expected = {}
    for item in agenda["items"]:
        session = item["session"]
        location = ", ".join(part for part in [session.get("room"), event.get("venue"), event.get("city")] if part)
        description = [item["segment"]] if item.get("segment") else []
        for person in item["people"]:
            role = person["role"][0].upper() + person["role"][1:]
            organization = f" ({person['organization']})" if person.get("organization") else ""
            description.append(f"{role}: {person['name']}{organization}")
        if session.get("description"):
            description.append(session["description"])
        needs_seat = session.get("capacity") or session.get("invitationOnly") or event.get("invitationOnly") or session.get("roomID")
        if session.get("joinURL") and not needs_seat:
            description.append(f"Join: {session['joinURL']}")
        if session.get("recordingURL"):
            description.append(f"Recording: {session['recordingURL']}")
        expected[f"session-{session['id']}@eventsd.local"] = (session["title"], location, "\n".join(description))
    return expected


@pytest.mark.parametrize("slug", PUBLISHED)
def test_icalendar_reads_back_exactly_what_was_written(daemon, laptop, slug):
    calendar = icalendar.Calendar.from_ical(fetch(daemon, slug).content)
    assert not calendar.errors
    declared = {zone["TZID"] for zone in calendar.walk("VTIMEZONE")}
    expected = expected_sessions(laptop, slug)
    events = calendar.walk("VEVENT")
    assert len(events) == len(expected) > 0
    for event in events:
        assert not event.errors
        assert event["DTSTART"].params["TZID"] in declared
        assert event["DTSTART"].dt.tzinfo is not None
        assert event["DTSTAMP"].dt.utcoffset().total_seconds() == 0
        title, location, description = expected[str(event["UID"])]
        assert str(event["SUMMARY"]) == title
        assert str(event["LOCATION"]) == location
        assert str(event.get("DESCRIPTION", "")) == description


@pytest.mark.parametrize("slug", PUBLISHED)
def test_vobject_validates(daemon, slug):
    parsed = vobject.readOne(fetch(daemon, slug).text, validate=True)
    assert len(parsed.vevent_list) > 0


def test_etag_gives_304_and_unpublished_events_stay_private(daemon):
    first = fetch(daemon, "gfmd-2007")
    again = requests.get(f"{daemon.url}/v1/events/gfmd-2007/agenda.ics", headers={"If-None-Match": first.headers["ETag"]}, timeout=30)
    assert again.status_code == 304
    assert requests.get(f"{daemon.url}/v1/events/pss-2016/agenda.ics", timeout=30).status_code == 404


def personal_feed(daemon, laptop):
    sessions = {item["session"]["title"]: item["session"]["id"] for item in laptop.json("agenda", "--event", "gfmd-2007")["items"]}
    laptop.run("rsvp", sessions["Common Space: governments and civil society on protecting migrants' rights"], "accept")
    laptop.run("rsvp", sessions["Roundtable 3: irregular migration and legal pathways"], "tentative")
    laptop.run("sync")
    link = requests.post(f"{daemon.url}/v1/me/feed", headers={"Authorization": f"Bearer {daemon.token}"}, timeout=30)
    assert link.status_code == 201
    return link.json()["url"]


def test_personal_feed_has_partstat_and_can_be_revoked(daemon, laptop, radicale):
    url = personal_feed(daemon, laptop)
    feed = requests.get(url, timeout=30)
    assert feed.status_code == 200
    calendar = icalendar.Calendar.from_ical(feed.content)
    answers = {}
    for event in calendar.walk("VEVENT"):
        attendees = event.get("ATTENDEE")
        attendees = attendees if isinstance(attendees, list) else [attendees]
        for attendee in attendees:
            if str(attendee).startswith("mailto:"):
                answers[str(event["SUMMARY"])] = attendee.params["PARTSTAT"]
    assert answers == {
        "Common Space: governments and civil society on protecting migrants' rights": "ACCEPTED",
        "Roundtable 3: irregular migration and legal pathways": "TENTATIVE",
    }
    vobject.readOne(feed.text, validate=True)
    requests.request("MKCOL", f"{radicale}/liza/", timeout=30)
    stored = requests.put(f"{radicale}/liza/my-sessions/", data=feed.content, headers={"Content-Type": "text/calendar; charset=utf-8"}, timeout=30)
    assert stored.status_code in (200, 201), stored.text
    back = icalendar.Calendar.from_ical(requests.get(f"{radicale}/liza/my-sessions/", timeout=30).content)
    assert sorted(str(e["SUMMARY"]) for e in back.walk("VEVENT")) == sorted(answers)
    revoked = requests.delete(f"{daemon.url}/v1/me/feed", headers={"Authorization": f"Bearer {daemon.token}"}, timeout=30)
    assert revoked.status_code == 200
    assert requests.get(url, timeout=30).status_code == 404


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    folder = tmp_path_factory.mktemp("radicale")
    with socket.socket() as probe:  # Radicale takes no port 0: borrow a free one from the kernel
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}", "--auth-type", "none",
         "--storage-filesystem-folder", str(folder / "collections"), "--logging-level", "info"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    address = None
    for line in process.stdout:
        if "Listening on" in line:
            address = line.rsplit("Listening on", 1)[1].strip().strip("'").split()[0].strip("'\"")
            break
    assert address, "Radicale did not start"
    yield f"http://{address}"
    process.terminate()
    process.wait(timeout=30)


@pytest.mark.parametrize("slug", PUBLISHED)
def test_radicale_stores_and_returns_each_agenda(daemon, radicale, slug):
    text = fetch(daemon, slug).content
    requests.request("MKCOL", f"{radicale}/liza/", timeout=30)
    collection = f"{radicale}/liza/{slug}/"
    stored = requests.put(collection, data=text, headers={"Content-Type": "text/calendar; charset=utf-8"}, timeout=30)
    assert stored.status_code in (200, 201), stored.text
    back = requests.get(collection, timeout=30)
    assert back.status_code == 200
    sent = {str(e["UID"]): str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}
    received = {str(e["UID"]): str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(back.content).walk("VEVENT")}
    assert received == sent


def test_both_daylight_saving_cases_are_read_at_the_right_instant(daemon, laptop):
    """The repeated hour when New York's clocks go back (each 01:30 by its offset), and a Havana event whose
    first midnight is skipped: icalendar 7 reads every session at the instant it was scheduled."""
    laptop.run("events", "add", "--slug", "dst-2017", "--title", "Night of the clocks", "--timezone", "America/New_York",
               "--starts", "2017-11-04", "--ends", "2017-11-06")
    for title, offset in [("First 01:30", "-04:00"), ("Second 01:30", "-05:00")]:
        laptop.run("sessions", "add", "--event", "dst-2017", "--title", title, "--start", f"2017-11-05T01:30{offset}",
                   "--end", f"2017-11-05T01:50{offset}")
    ambiguous = subprocess.run([BIN / "eventsctl", "--home", laptop.home, "sessions", "add", "--event", "dst-2017", "--title", "x",
                                "--start", "2017-11-05T01:30", "--end", "2017-11-05T02:30"], capture_output=True, text=True)
    assert ambiguous.returncode != 0 and "happens twice" in ambiguous.stderr
    laptop.run("events", "add", "--slug", "havana-2017", "--title", "Havana dialogue", "--timezone", "America/Havana",
               "--starts", "2017-03-12", "--ends", "2017-03-12")
    laptop.run("sessions", "add", "--event", "havana-2017", "--title", "Opening", "--start", "2017-03-12T01:00",
               "--end", "2017-03-12T02:00")
    outside = subprocess.run([BIN / "eventsctl", "--home", laptop.home, "sessions", "add", "--event", "havana-2017", "--title", "x",
                              "--start", "1990-03-12T10:00", "--end", "1990-03-12T11:00"], capture_output=True, text=True)
    assert outside.returncode != 0 and "within the event" in outside.stderr
    laptop.run("sync")

    def starts(slug):
        calendar = icalendar.Calendar.from_ical(fetch(daemon, slug).content)
        return {str(event["SUMMARY"]): event["DTSTART"].dt.astimezone(timezone.utc) for event in calendar.walk("VEVENT")}

    assert starts("dst-2017") == {"First 01:30": datetime(2017, 11, 5, 5, 30, tzinfo=timezone.utc),
                                  "Second 01:30": datetime(2017, 11, 5, 6, 30, tzinfo=timezone.utc)}
    assert starts("havana-2017") == {"Opening": datetime(2017, 3, 12, 5, 0, tzinfo=timezone.utc)}
