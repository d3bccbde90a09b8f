#!/usr/bin/env python3
"""Differential test of the language server's kept parses and facts.

usage: differential_edits.py CLOUDPACT WORKSPACE SEED EDITS

After each change the script waits for that file's new diagnostics, so every change is an
analysis of its own that starts from what the previous ones kept.

Opens every input of WORKSPACE in `cloudpact lsp`, then makes EDITS random incremental edits
(several replacements per change, in random files: model ids swapped, lines deleted and
restored, characters typed). Each change goes to the server as incremental didChange events;
the server keeps trees, Terraform root modules and C++ units between analyses. At the end the
buffers are written to disk and `cloudpact check --format json` runs from scratch: every file's
last published diagnostics must be exactly the findings the fresh run reports for it.
"""
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "utils"))
from lspclient import LspClient  # noqa: E402

SUFFIXES = (".tf", ".tfvars", ".yaml", ".yml", ".cpp", ".h")
SWAPS = [("anthropic.claude-3-5-sonnet-20240620-v1:0", "openai.gpt-oss-120b-1:0"),
         ("openai.gpt-oss-120b-1:0", "meta.llama3-70b-instruct-v1:0"), ("gpt-4o-mini", "gpt-4o"),
         ("azure", "aws"), ("us-east-1", "eu-west-1"), ("bedrock/", "azure/")]


def position(text, offset):
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    return {"line": line, "character": len(text[offset - column:offset].encode("utf-16-le")) // 2}


def random_replacement(text, rng):
    choice = rng.random()
    if choice < 0.45:
        pairs = [(a, b) for a, b in SWAPS if a in text]
        if pairs:
            a, b = rng.choice(pairs)
            at = text.find(a)
            return at, at + len(a), b
    if choice < 0.6 and "\n" in text:
        start = text.rfind("\n", 0, rng.randrange(len(text) + 1)) + 1
        end = text.find("\n", start)
        return start, (len(text) if end < 0 else end + 1), ""
    at = rng.randrange(len(text) + 1)
    return at, min(len(text), at + rng.randrange(3)), rng.choice(["x", "\"", "{", "}", "\n", " ", "-", "1"])


def main():
    cloudpact, root, seed, edits = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    texts = {}
    for directory, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(SUFFIXES):
                path = os.path.join(directory, name)
                with open(path, encoding="utf-8") as f:
                    texts[path] = f.read()
    server = LspClient([cloudpact, "lsp"], root)
    server.request(0, "initialize", {"processId": None, "rootUri": "file://" + root, "capabilities": {}})
    server.send({"method": "initialized", "params": {}})
    versions = {}
    for path in sorted(texts):
        versions[path] = 1
        server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": "file://" + path, "languageId": "plaintext", "version": 1, "text": texts[path]}}})
    paths = sorted(texts)
    for _ in range(edits):
        path = rng.choice(paths)
        changes = []
        for _ in range(rng.randrange(1, 4)):
            text = texts[path]
            begin, end, inserted = random_replacement(text, rng)
            changes.append({"range": {"start": position(text, begin), "end": position(text, end)}, "text": inserted})
            texts[path] = text[:begin] + inserted + text[end:]
        versions[path] += 1
        server.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": "file://" + path, "version": versions[path]}, "contentChanges": changes}})
        server.diagnostics_of("file://" + path, versions[path])
    server.request(1, "shutdown", None)
    server.send({"method": "exit"})
    server.process.wait(timeout=120)

    for path, text in texts.items():
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    result = subprocess.run([cloudpact, "check", "--format", "json", "."], cwd=root, capture_output=True, text=True)
    fresh = {}
    for finding in json.loads(result.stdout)["findings"]:
        if finding.get("suppressed"):
            continue
        location = finding["location"]
        key = "file://" + os.path.join(root, location["path"])
        fresh.setdefault(key, []).append((max(0, location["line"] - 1), finding["rule"], finding["message"]))
    mismatches = 0
    for uri in sorted(set(fresh) | set(server.published)):
        # The server names files by absolute path, the command line relative to its directory.
        ours = sorted((d["range"]["start"]["line"], d.get("code", ""), d["message"].replace(root + "/", ""))
                      for d in server.published.get(uri, []))
        theirs = sorted((line, rule or "", message) for line, rule, message in fresh.get(uri, []))
        if ours != theirs:
            mismatches += 1
            print("MISMATCH", uri[len("file://" + root) + 1:])
            print("  server:", ours)
            print("  fresh: ", theirs)
    total = sum(len(v) for v in fresh.values())
    print("%d edits, %d findings, %d files differ" % (edits, total, mismatches))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
