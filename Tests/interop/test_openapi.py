"""schemathesis against a live, seeded eventsd on loopback with an administrator's token: every documented
operation is tried with the document's examples, boundary and wrong-typed values (coverage), generated positive
and negative data (fuzzing), then stateful sequences that follow the document's links from a creation to the
created row; no response may be a 5xx or disagree with openapi.yaml."""
import os
import subprocess
import sys
from pathlib import Path

from conftest import Daemon

HERE = Path(__file__).resolve().parent


def test_the_live_api_conforms_to_its_document(tmp_path):
    """Every check schemathesis has (responses against the document, schema-valid data accepted and invalid data
    refused, undeclared methods answered 405 with Allow, created rows found), with the settings and the check of
    schemathesis.toml and beyond_schema_rules.py: a schema-valid request is refused only for a named rule."""
    daemon = Daemon(tmp_path)
    environment = dict(os.environ, SCHEMATHESIS_HOOKS="beyond_schema_rules", PYTHONPATH=str(HERE))
    try:
        result = subprocess.run(
            [Path(sys.executable).parent / "schemathesis", "--config-file", HERE / "schemathesis.toml", "run",
             f"{daemon.url}/openapi.yaml", "--header", f"Authorization: Bearer {daemon.token}", "--checks", "all",
             # One worker: two trip CPython 3.11's AST constructor, which is not thread-safe, inside hypothesis.
             "--max-examples", "30", "--seed", "1", "--workers", "1", "--no-color", "--generation-database", "none"],
            capture_output=True, text=True, timeout=1200, cwd=tmp_path, env=environment)
    finally:
        daemon.stop()
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "passed" in result.stdout
    log = (tmp_path / "eventsd.log").read_text()
    assert "http.status=201" in log, "the examples created rows, so the stateful phase reached real ones"
    assert "http.status=422" in log, "schema-valid requests met rules beyond the schemas"
    assert "http.status=5" not in log
