"""Runs a command and prints "exit status: N" after its output, so a test can check the exact
status (lit's `not` only knows zero from non-zero). With --closed-stdout the command's standard
output is a pipe whose reader has already gone: every write to it fails (EPIPE)."""
import os
import subprocess
import sys

args = sys.argv[1:]
stdout = None
if args and args[0] == "--closed-stdout":
    args = args[1:]
    read_end, stdout = os.pipe()
    os.close(read_end)
sys.stdout.flush()
status = subprocess.call(args, stdout=stdout)
print("exit status: %d" % status)
