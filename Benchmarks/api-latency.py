"""Sequential latency of the JSON resources against a running, seeded eventsd.

    python Benchmarks/api-latency.py URL TOKEN [CALLS]

URL is what `eventsd serve` printed, TOKEN an administrator's. Prints p50, p99 and calls per second for a
list, a page of people, one row, an edit and a create-then-delete; any non-2xx answer stops it. Needs the
`requests` package (the test command's venv has it: .build/interop-venv/bin/python).
"""
import statistics
import sys
import time

import requests


def measure(name, call, calls):
    times = []
    for index in range(calls):
        start = time.perf_counter()
        response = call(index)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code >= 300:
            sys.exit(f"{name}: {response.status_code} {response.text}")
    times.sort()
    p99 = times[max(0, int(calls * 0.99) - 1)]
    print(f"{name:34s} n={calls} p50={statistics.median(times):.2f} ms p99={p99:.2f} ms {calls / (sum(times) / 1000):.0f}/s")


def main():
    url, token = sys.argv[1], sys.argv[2]
    calls = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {token}"
    session = api.get(f"{url}/v1/sessions?event=gfmd-2007").json()["items"][0]["id"]

    def create_then_delete(index):
        created = api.post(f"{url}/v1/rooms", json={"eventID": "gfmd-2007", "name": f"Latency room {index}", "capacity": 10})
        if created.status_code != 201:
            return created
        return api.delete(f"{url}/v1/rooms/{created.json()['id']}")

    measure("GET /v1/sessions?event=gfmd-2007", lambda _: api.get(f"{url}/v1/sessions?event=gfmd-2007&limit=100"), calls)
    measure("GET /v1/people?limit=100", lambda _: api.get(f"{url}/v1/people?limit=100"), calls)
    measure("GET /v1/sessions/ID", lambda _: api.get(f"{url}/v1/sessions/{session}"), calls)
    measure("PATCH /v1/sessions/ID", lambda i: api.patch(f"{url}/v1/sessions/{session}", json={"title": f"Opening plenary {i}"}), calls)
    measure("POST + DELETE /v1/rooms", create_then_delete, calls)


if __name__ == "__main__":
    main()
