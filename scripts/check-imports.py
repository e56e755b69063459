#!/usr/bin/env python3
"""Every target imports only what Package.swift declares for it, and declares only what it imports.

SwiftPM's own explicit-import check covers targets of the same package only; this one covers products too.
Reads the manifest through `swift package dump-package`, then the `import` lines of each target's files.
Exits 1 with one line per finding.
"""
import json
import pathlib
import re
import subprocess
import sys

# Modules of the toolchain and the system, which no manifest declares.
PLATFORM = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Dispatch", "Glibc", "Musl", "Darwin",
            "Testing", "XCTest", "Synchronization", "os", "_Concurrency"}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_exported\s+|@preconcurrency\s+|internal\s+|public\s+|package\s+|private\s+)*"
                    r"import\s+(?:(?:struct|class|enum|protocol|typealias|func|var|let)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def target_folder(target: dict) -> pathlib.Path:
    if target.get("path"):
        return pathlib.Path(target["path"])
    return pathlib.Path("Tests" if target["type"] == "test" else "Sources") / target["name"]


def declared(target: dict) -> set[str]:
    names = set()
    for dependency in target["dependencies"]:
        kind, value = next(iter(dependency.items()))
        names.add(value[0])  # byName, target and product all name the module first
    return names


def imported(folder: pathlib.Path) -> set[str]:
    modules = set()
    for source in folder.rglob("*.swift"):
        for line in source.read_text(encoding="utf-8").splitlines():
            match = IMPORT.match(line)
            if match:
                modules.add(match.group(1))
    return modules


def main() -> int:
    manifest = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True, capture_output=True, text=True).stdout)
    findings = []
    for target in manifest["targets"]:
        if target["type"] in ("system", "binary", "plugin"):
            continue
        folder = target_folder(target)
        uses = imported(folder) - PLATFORM - {target["name"]}
        declares = declared(target)
        for module in sorted(uses - declares):
            findings.append(f"{target['name']}: imports {module}, which Package.swift does not declare for it")
        # A test may depend on an executable only to have it built, and run it as a process.
        built = {t["name"] for t in manifest["targets"] if t["type"] == "executable"} if target["type"] == "test" else set()
        for module in sorted(declares - uses - built):
            findings.append(f"{target['name']}: declares {module} in Package.swift but imports it nowhere")
    for finding in findings:
        print(finding, file=sys.stderr)
    if not findings:
        print(f"Imports match Package.swift for all {len(manifest['targets'])} targets.")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
