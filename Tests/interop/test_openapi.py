"""schemathesis against a live, seeded eventsd on loopback with an administrator's token: every documented
operation is tried with the document's examples, boundary and wrong-typed values (coverage), generated positive
and negative data (fuzzing), then stateful sequences that follow the document's links from a creation to the
created row; no response may be a 5xx or disagree with openapi.yaml."""
import subprocess
import sys
from pathlib import Path

from conftest import Daemon

CHECKS = ",".join([
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    # A path served with other methods answers 405 with Allow.
    "unsupported_method",
])


def test_the_live_api_conforms_to_its_document(tmp_path):
    daemon = Daemon(tmp_path)
    try:
        result = subprocess.run(
            [Path(sys.executable).parent / "schemathesis", "run", f"{daemon.url}/openapi.yaml",
             "--header", f"Authorization: Bearer {daemon.token}", "--checks", CHECKS,
             # One worker: two trip CPython 3.11's AST constructor, which is not thread-safe, inside hypothesis.
             "--max-examples", "30", "--seed", "1", "--workers", "1", "--no-color", "--generation-database", "none"],
            capture_output=True, text=True, timeout=1200, cwd=tmp_path)
    finally:
        daemon.stop()
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "passed" in result.stdout
    log = (tmp_path / "eventsd.log").read_text()
    assert "http.status=201" in log, "the examples created rows, so the stateful phase reached real ones"
    assert "http.status=5" not in log
