"""Writes a lit-test transcript that opens a document one byte over the 64 MiB bound on one
input (the bound files on disk have), then replaces its text with a small one."""
import json

LIMIT = 64 * 1024 * 1024
head = 'resource "aws_bedrockagent_agent" "a" {\n  foundation_model = "openai.gpt-oss-120b-1:0"\n  description = "'
tail = '"\n}\n'
big = head + "x" * (LIMIT + 1 - len(head) - len(tail)) + tail
small = head + tail
uri = "file:///ws/main.tf"
messages = [
    {"id": 0, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}},
    {"method": "textDocument/didOpen",
     "params": {"textDocument": {"uri": uri, "languageId": "terraform", "version": 1, "text": big}}},
    {"method": "textDocument/didChange",
     "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": small}]}},
    {"id": 1, "method": "shutdown"},
    {"method": "exit"},
]
print("\n---\n".join(json.dumps(dict(jsonrpc="2.0", **m)) for m in messages))
