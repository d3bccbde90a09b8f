#!/usr/bin/env python3
"""Runs cloudpact on a C++ test file and checks its findings, like clang-tidy's check_clang_tidy.py.

Usage (lit substitution %check_cloudpact = python3 check_cloudpact.py <cloudpact-binary>):

  // RUN: %check_cloudpact %s %t [options] [-- <extra compiler arguments>]

  options:
    -sdk=DIR             include directory with the stub SDK headers
                         (default: Inputs/sdk next to the test file)
    -no-sdk              no SDK include directory (to test missing headers)
    -check-suffix=S      use the prefixes CHECK-MESSAGES-S / CHECK-NOTES-S
    -cloudpact-arg=ARG   pass ARG to `cloudpact check` (repeatable), e.g. -cloudpact-arg=--policy=p.yaml

Expectations sit under the code line they are about:

  auto outcome = client.Converse(request);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: error: call to openai model ... [exclusivity-call]

The script copies the test with every CHECK line blanked (line numbers hold) into <temp>.dir/,
writes a compile_commands.json there (-std=c++17, -I<sdk>, the extra arguments), runs
`cloudpact check --quiet --color never -p <temp>.dir <file>` from that directory and checks the
output with FileCheck. CHECK-MESSAGES lines see errors and warnings: any other error or warning,
and any unresolved-route finding, fails the test. With CHECK-NOTES lines, notes are checked too
and an unexpected note fails. A test without CHECK lines passes only if cloudpact prints nothing.
"""

import json
import os
import re
import shutil
import subprocess
import sys


def fail(message, output=None):
    sys.stderr.write("check_cloudpact.py: " + message + "\n")
    if output is not None:
        sys.stderr.write("------ cloudpact output ------\n" + output + "\n-----------------------------\n")
    sys.exit(1)


def find_filecheck():
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        candidate = os.path.join(directory, "FileCheck")
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    fallback = "/usr/lib/llvm-19/bin/FileCheck"
    if os.path.exists(fallback):
        return fallback
    fail("FileCheck not found on PATH")


def parse_arguments(argv):
    if len(argv) < 4:
        fail("usage: check_cloudpact.py <cloudpact> <test-file> <temp-path> [options] [-- compiler args]")
    options = {
        "cloudpact": argv[1],
        "test": os.path.abspath(argv[2]),
        "temp": os.path.abspath(argv[3]),
        "sdk": None,
        "no_sdk": False,
        "suffix": "",
        "cloudpact_args": [],
        "compiler_args": [],
    }
    rest = argv[4:]
    if "--" in rest:
        split = rest.index("--")
        options["compiler_args"] = rest[split + 1:]
        rest = rest[:split]
    for arg in rest:
        if arg.startswith("-sdk="):
            options["sdk"] = os.path.abspath(arg[len("-sdk="):])
        elif arg == "-no-sdk":
            options["no_sdk"] = True
        elif arg.startswith("-check-suffix="):
            options["suffix"] = "-" + arg[len("-check-suffix="):]
        elif arg.startswith("-cloudpact-arg="):
            options["cloudpact_args"].append(arg[len("-cloudpact-arg="):])
        else:
            fail("unknown option '%s'" % arg)
    if options["sdk"] is None and not options["no_sdk"]:
        options["sdk"] = os.path.join(os.path.dirname(options["test"]), "Inputs", "sdk")
    return options


def main(argv):
    options = parse_arguments(argv)
    with open(options["test"], encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)

    messages_prefix = "CHECK-MESSAGES" + options["suffix"]
    notes_prefix = "CHECK-NOTES" + options["suffix"]
    check_line = re.compile(r"^\s*//\s*CHECK-(MESSAGES|NOTES)[-\w]*(-NOT|-NEXT|-SAME|-DAG)?:")
    has_messages = any(re.search(r"//\s*%s(-NOT|-NEXT|-SAME|-DAG)?:" % re.escape(messages_prefix), l) for l in lines)
    has_notes = any(re.search(r"//\s*%s(-NOT|-NEXT|-SAME|-DAG)?:" % re.escape(notes_prefix), l) for l in lines)

    # The analysed copy: CHECK lines blanked so that line numbers hold.
    cleaned = []
    for line in lines:
        if check_line.match(line):
            cleaned.append("\n" if line.endswith("\n") else "")
        else:
            cleaned.append(line)

    work = options["temp"] + ".dir"
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    name = os.path.basename(options["test"])
    source = os.path.join(work, name)
    with open(source, "w", encoding="utf-8") as f:
        f.write("".join(cleaned))

    arguments = ["clang++", "-std=c++17"]
    if options["sdk"]:
        arguments.append("-I" + options["sdk"])
    arguments += options["compiler_args"] + ["-c", name]
    with open(os.path.join(work, "compile_commands.json"), "w", encoding="utf-8") as f:
        json.dump([{"directory": work, "file": source, "arguments": arguments}], f, indent=2)

    command = [options["cloudpact"], "check", "--quiet", "--color", "never", "-p", work] + \
        options["cloudpact_args"] + [name]
    environment = dict(os.environ, NO_COLOR="1")
    result = subprocess.run(command, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=environment, check=False)
    output = result.stdout.decode("utf-8", errors="replace")
    if result.returncode not in (0, 1):
        fail("cloudpact exited with %d: %s" % (result.returncode, " ".join(command)), output)

    if not has_messages and not has_notes:
        if output.strip():
            fail("no CHECK lines, so no output was expected", output)
        return 0

    output_file = options["temp"] + ".out"
    with open(output_file, "w", encoding="utf-8") as f:
        f.write(output)
    prefixes = [p for p, used in ((messages_prefix, has_messages), (notes_prefix, has_notes)) if used]
    filecheck = [find_filecheck(), "-input-file=" + output_file, options["test"],
                 "-check-prefixes=" + ",".join(prefixes),
                 "-implicit-check-not={{\\[unresolved-route\\]}}"]
    filecheck.append("-implicit-check-not={{note|warning|error}}:" if has_notes
                     else "-implicit-check-not={{warning|error}}:")
    result = subprocess.run(filecheck, check=False)
    if result.returncode != 0:
        fail("FileCheck failed: " + " ".join(filecheck), output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
