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
import json
import os
import statistics
import subprocess
import sys
import threading
import time


class Client:
    def __init__(self, command, root):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=root)
        self.log = []
        threading.Thread(target=self._drain_log, daemon=True).start()

    def _drain_log(self):
        for line in self.process.stderr:
            self.log.append(line.decode().rstrip())

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def wait_for(self, predicate):
        while True:
            message = self.receive()
            if predicate(message):
                return message


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
    client = Client([os.path.abspath(args.cloudpact), "lsp"], root)

    def published(version):
        return lambda m: (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                          and m["params"].get("version") == version)

    start = time.monotonic()
    client.send({"id": 0, "method": "initialize",
                 "params": {"processId": None, "rootUri": "file://" + root, "capabilities": {}}})
    client.wait_for(lambda m: m.get("id") == 0)
    client.send({"method": "initialized", "params": {}})
    client.send({"method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "terraform", "version": 1, "text": text}}})
    client.wait_for(published(1))
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
        client.wait_for(published(version))
        latencies.append((time.monotonic() - sent) * 1000)

    client.send({"id": 1, "method": "shutdown"})
    client.wait_for(lambda m: m.get("id") == 1)
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
