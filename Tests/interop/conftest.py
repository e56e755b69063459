"""Starts the real eventsd (seeded) and a logged-in eventsctl home for the interoperability tests."""
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("EVENTS_BIN_DIR", ROOT / ".build" / "debug"))


class Daemon:
    def __init__(self, folder: Path):
        self.database = folder / "eventsd.sqlite"
        created = subprocess.run(
            [BIN / "eventsd", "admin", "create-user", "--db", self.database, "--email", "liza.reyes@example.org",
             "--name", "Liza Reyes", "--admin"], check=True, capture_output=True, text=True)
        self.token = created.stdout.strip().splitlines()[-1]
        self.log = open(folder / "eventsd.log", "w")
        self.process = subprocess.Popen(
            [BIN / "eventsd", "serve", "--db", self.database, "--port", "0", "--seed", ROOT / "seed"],
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        self.url = self.process.stdout.readline().strip()
        assert self.url.startswith("http://"), "eventsd did not start"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


class Laptop:
    def __init__(self, home: Path):
        self.home = home

    def run(self, *arguments: str) -> str:
        result = subprocess.run([BIN / "eventsctl", "--home", self.home, *arguments], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def json(self, *arguments: str):
        return json.loads(self.run(*arguments, "--json"))


@pytest.fixture(scope="session")
def daemon(tmp_path_factory):
    running = Daemon(tmp_path_factory.mktemp("eventsd"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def laptop(daemon, tmp_path_factory):
    home = Laptop(tmp_path_factory.mktemp("laptop"))
    home.run("login", "--server", daemon.url, "--token", daemon.token)
    home.run("sync")
    return home
