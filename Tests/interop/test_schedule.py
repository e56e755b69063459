"""The programme in the c3voc schedule format, as offline schedule apps read it: every published seeded event's
schedule.xml validates against the format's XSD (xmllint), its schedule.json against the JSON Schema (jsonschema)
and loads in a real consumer (c3voc-schedule-tools); a laptop writes the same bytes offline; times keep the event
zone's offset across a change of daylight saving time. Schemas copied from the format's repository (see
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
PUBLISHED = ["gms-2017", "gfmd-2007", "migration-webinars-2021"]
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
    assert consumed["version"] == "0" and consumed["days"] == len(document["schedule"]["conference"]["days"])


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
