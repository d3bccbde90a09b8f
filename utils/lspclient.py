"""A minimal Language Server Protocol client over a child process's stdin/stdout (Content-Length
framing), for cloudpact's benchmark and tests. Standard library only."""
import json
import subprocess
import threading


class LspClient:
    """Runs `command` in `cwd`; its stderr lines are collected in `log`, and every
    publishDiagnostics seen is kept (the last one per URI) in `published`."""

    def __init__(self, command, cwd):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=cwd)
        self.log = []
        self.published = {}
        threading.Thread(target=self._drain_log, daemon=True).start()

    def _drain_log(self):
        for line in self.process.stderr:
            self.log.append(line.decode(errors="replace").rstrip())

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
        message = json.loads(self.process.stdout.read(length))
        if message.get("method") == "textDocument/publishDiagnostics":
            self.published[message["params"]["uri"]] = message["params"]["diagnostics"]
        return message

    def wait_for(self, predicate):
        while True:
            message = self.receive()
            if predicate(message):
                return message

    def request(self, id, method, params):
        self.send({"id": id, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == id)

    def diagnostics_of(self, uri, version):
        """Waits for the diagnostics of `uri` at `version`."""
        return self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri and m["params"].get("version") == version)
