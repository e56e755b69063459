"""The programme in the c3voc schedule format, as offline schedule apps read it: every published seeded event's
schedule.xml validates against the format's XSD (xmllint), its schedule.json against the JSON Schema (jsonschema)
and loads in a real consumer (c3voc-schedule-tools); a laptop writes the same bytes offline; times keep the event
zone's offset across a change of daylight saving time; the latest published version names the files; hostile
text arrives escaped, without control characters, as valid UTF-8. Schemas copied from the format's repository (see
c3voc-schedule/SOURCE.md)."""
import json
import os
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import jsonschema
import pytest

FORMAT = Path(__file__).resolve().parent / "c3voc-schedule"
PUBLISHED = ["gms-2017", "gfmd-2007", "migration-webinars-2021", "hld-2006"]
# c3voc-schedule-tools (voc.schedule) pins icalendar 5, so it runs from a venv of its own (scripts/test.sh).
CONSUMER = os.environ.get("SCHEDULE_CONSUMER_PYTHON", "python3")
LOAD = """
import json, sys
from voc.schedule import Schedule
schedule = Schedule.from_file(sys.argv[1])
guids = []
schedule.foreach_event(lambda event: guids.append(event["guid"]))
print(json.dumps({"version": schedule.version(), "guids": guids, "days": len(schedule.days())}))
"""


def fetch(daemon, slug, file):
    with urllib.request.urlopen(f"{daemon.url}/v1/events/{slug}/{file}") as response:
        return response.read(), response.headers


@pytest.mark.parametrize("slug", PUBLISHED)
def test_schedule_xml_validates_against_the_xsd(daemon, tmp_path, slug):
    body, headers = fetch(daemon, slug, "schedule.xml")
    assert headers["Content-Type"].startswith("application/xml") and headers["ETag"]
    path = tmp_path / "schedule.xml"
    path.write_bytes(body)
    result = subprocess.run(["xmllint", "--noout", "--schema", FORMAT / "schedule.xml.xsd", path],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert body.count(b"<event ") > 0


@pytest.mark.parametrize("slug", PUBLISHED)
def test_schedule_json_validates_and_loads_in_a_consumer(daemon, laptop, tmp_path, slug):
    body, _ = fetch(daemon, slug, "schedule.json")
    document = json.loads(body)
    schema = json.loads((FORMAT / "schedule.schema.json").read_text())
    errors = [e.message for e in jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.FormatChecker()).iter_errors(document)]
    assert errors == []
    path = tmp_path / "schedule.json"
    path.write_bytes(body)
    result = subprocess.run([CONSUMER, "-c", LOAD, str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    consumed = json.loads(result.stdout)
    loaded = consumed["guids"]
    sessions = [s for s in laptop.json("sessions", "list", "--event", slug) if s["status"] != "cancelled"]
    assert len(loaded) == len(set(loaded)) == len(sessions) > 0
    assert consumed["version"] == document["schedule"]["version"]
    assert consumed["days"] == len(document["schedule"]["conference"]["days"])


@pytest.mark.parametrize("file,flag", [("schedule.xml", "--schedule-xml"), ("schedule.json", "--schedule-json")])
def test_a_laptop_writes_the_same_bytes_offline(daemon, laptop, tmp_path, file, flag):
    body, _ = fetch(daemon, "gms-2017", file)
    laptop.run("agenda", "--event", "gms-2017", flag, str(tmp_path / file))
    assert (tmp_path / file).read_bytes() == body


def test_times_keep_the_zones_offset_across_daylight_saving(daemon):
    body, _ = fetch(daemon, "migration-webinars-2021", "schedule.json")
    dates = [event["date"] for day in json.loads(body)["schedule"]["conference"]["days"]
             for events in day["rooms"].values() for event in events]
    assert any(d.startswith("2021-03-02T15:00:00+01:00") for d in dates), dates
    assert any(d.startswith("2021-03-30T15:00:00+02:00") for d in dates), dates


def test_a_changed_schedule_is_answered_304_only_while_unchanged(daemon):
    body, headers = fetch(daemon, "gfmd-2007", "schedule.xml")
    request = urllib.request.Request(f"{daemon.url}/v1/events/gfmd-2007/schedule.xml",
                                     headers={"If-None-Match": headers["ETag"]})
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request)
    assert answer.value.code == 304
    with pytest.raises(urllib.error.HTTPError) as hidden:
        urllib.request.urlopen(f"{daemon.url}/v1/events/pss-2016/schedule.xml")
    assert hidden.value.code == 404, "an invitation-only event has no public programme"


def api(daemon, method, path, body=None):
    request = urllib.request.Request(
        f"{daemon.url}{path}", method=method, data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {daemon.token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


HOSTILE = "</title><script>alert('x')</script> & \"quotes\" \u0007bell\u001b[31m \u202eevil \U0001F30D Zürich ]]>"


def test_hostile_text_survives_both_files_and_the_latest_version_names_them(daemon, tmp_path):
    api(daemon, "POST", "/v1/events", {
        "slug": "hostile-2030", "title": HOSTILE, "kind": "summit", "timezone": "Europe/Zurich",
        "startsOn": "2030-06-03", "endsOn": "2030-06-04"})
    event = api(daemon, "GET", "/v1/events/hostile-2030")["id"]
    session = api(daemon, "POST", "/v1/sessions", {
        "eventID": event, "title": HOSTILE, "format": "panel", "startsAt": "2030-06-03T10:00",
        "endsAt": "2030-06-03T11:00", "room": HOSTILE, "description": HOSTILE})["id"]
    person = api(daemon, "POST", "/v1/people", {"name": HOSTILE, "email": "hostile@example.org"})["id"]
    api(daemon, "POST", "/v1/session-roles", {"sessionID": session, "personID": person, "role": "speaker"})
    version = api(daemon, "POST", "/v1/events/hostile-2030/versions", {"note": HOSTILE})
    assert version["number"] == 1
    stored = version["note"]
    assert "\u0007" not in stored and "\u001b" not in stored and "<script>" in stored

    xml, _ = fetch(daemon, "hostile-2030", "schedule.xml")
    xml.decode("utf-8")
    assert not any(byte < 0x20 and byte not in (0x09, 0x0A, 0x0D) for byte in xml)
    path = tmp_path / "schedule.xml"
    path.write_bytes(xml)
    result = subprocess.run(["xmllint", "--noout", "--schema", FORMAT / "schedule.xml.xsd", path],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    import xml.etree.ElementTree as ElementTree
    root = ElementTree.fromstring(xml)
    assert root.findtext("version") == f"1: {stored}"
    entry = root.find(".//event")
    assert entry.findtext("title") == stored and entry.findtext("room") == stored
    assert [p.text for p in entry.iter("person")] == [stored]

    body, _ = fetch(daemon, "hostile-2030", "schedule.json")
    document = json.loads(body.decode("utf-8"))
    schema = json.loads((FORMAT / "schedule.schema.json").read_text())
    assert list(jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(document)) == []
    assert document["schedule"]["version"] == f"1: {stored}"
    events = [e for day in document["schedule"]["conference"]["days"] for es in day["rooms"].values() for e in es]
    assert [e["title"] for e in events] == [stored] and events[0]["persons"][0]["name"] == stored
    path = tmp_path / "schedule.json"
    path.write_bytes(body)
    consumed = subprocess.run([CONSUMER, "-c", LOAD, str(path)], capture_output=True, text=True)
    assert consumed.returncode == 0, consumed.stderr
    assert json.loads(consumed.stdout)["version"] == f"1: {stored}"
