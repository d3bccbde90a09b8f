#!/usr/bin/env python3
"""Edit latency of the language server on a generated workspace.

Usage: lsp-edit.py CLOUDPACT WORKSPACE [--file REL] [--edits N]

Starts `CLOUDPACT lsp` on WORKSPACE (made by generate.py), opens one file, then types: each edit
inserts or deletes one character inside a string (an incremental didChange) and waits for the
diagnostics of that file at the new version. Prints the first analysis time, the median and 90th
percentile edit latency (didChange sent -> publishDiagnostics received, the server's 50 ms
debounce included), and the server's own report of the last analysis.
"""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "utils"))
from lspclient import LspClient  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cloudpact")
    parser.add_argument("workspace")
    parser.add_argument("--file", default="infra/svc0000/variables.tf")
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args()

    root = os.path.abspath(args.workspace)
    path = os.path.join(root, args.file)
    uri = "file://" + path
    with open(path) as f:
        text = f.read()
    client = LspClient([os.path.abspath(args.cloudpact), "lsp"], root)

    start = time.monotonic()
    client.request(0, "initialize", {"processId": None, "rootUri": "file://" + root, "capabilities": {}})
    client.send({"method": "initialized", "params": {}})
    client.send({"method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "terraform", "version": 1, "text": text}}})
    client.diagnostics_of(uri, 1)
    first = time.monotonic() - start

    # Type inside the first quoted string: insert a character, then delete it again.
    line_number = next(i for i, line in enumerate(text.split("\n")) if '"' in line)
    column = text.split("\n")[line_number].index('"') + 1
    latencies = []
    for edit in range(args.edits):
        version = edit + 2
        if edit % 2 == 0:
            change = {"range": {"start": {"line": line_number, "character": column},
                                "end": {"line": line_number, "character": column}}, "text": "x"}
        else:
            change = {"range": {"start": {"line": line_number, "character": column},
                                "end": {"line": line_number, "character": column + 1}}, "text": ""}
        sent = time.monotonic()
        client.send({"method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        client.diagnostics_of(uri, version)
        latencies.append((time.monotonic() - sent) * 1000)

    client.request(1, "shutdown", None)
    client.send({"method": "exit"})
    client.process.wait(timeout=60)
    latencies.sort()
    print(f"first analysis: {first:.2f} s")
    print(f"edit latency over {len(latencies)} edits: median {statistics.median(latencies):.0f} ms, "
          f"p90 {latencies[int(len(latencies) * 0.9) - 1]:.0f} ms")
    reports = [line for line in client.log if "analysis " in line]
    if reports:
        print("last analysis:", reports[-1].replace("cloudpact lsp: ", ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
