"""Reads a report from stdin and prints how many bytes a terminal would obey (C0 controls but
tab and newline, DEL) and whether the whole is valid UTF-8: what reaches a CI log must be inert.
CRLF line ends (CSV) are inert; a lone CR is not. With --allow-colour, cloudpact's own colour
codes (SGR: ESC [ digits m) are not counted."""
import re
import sys

data = sys.stdin.buffer.read().replace(b"\r\n", b"\n")
if "--allow-colour" in sys.argv:
    data = re.sub(rb"\x1b\[[0-9;]*m", b"", data)
controls = sum(1 for b in data if (b < 0x20 and b not in (0x09, 0x0A)) or b == 0x7F)
try:
    data.decode("utf-8")
    valid = "yes"
except UnicodeDecodeError:
    valid = "no"
print("control bytes: %d, valid UTF-8: %s, %s" % (controls, valid, "output" if data else "no output"))
