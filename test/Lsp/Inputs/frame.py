"""Turns a lit-test transcript (JSON messages separated by `---` lines, `#` lines are comments)
into the Content-Length framed stream a real client writes. A message that is exactly `@raw ...`
is written as is (after the marker, with \\r\\n escapes decoded) to produce broken framing."""
import sys

messages, current = [], []
for line in sys.stdin.read().splitlines():
    if line.strip() == "---":
        messages.append("\n".join(current))
        current = []
    elif not line.lstrip().startswith("#"):
        current.append(line)
messages.append("\n".join(current))

out = sys.stdout.buffer
for message in messages:
    message = message.strip()
    if not message:
        continue
    if message.startswith("@raw "):
        out.write(message[5:].encode().decode("unicode_escape").encode("latin-1"))
        continue
    body = message.encode("utf-8")
    out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
out.flush()
