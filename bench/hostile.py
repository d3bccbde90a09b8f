#!/usr/bin/env python3
"""Wall time and peak memory of `cloudpact check` on hostile inputs, one class per row.

Usage: bench/hostile.py CLOUDPACT [--before OTHER_CLOUDPACT] [--timeout S] [--memory-mb M]

Each input is generated in a temporary directory, small on disk and built to make a naive
analyzer spend time or memory: deep nesting, nested for expressions, module trees, padded and
oversize files. Every run is capped (--timeout, and an address-space limit of --memory-mb) so
that a regression cannot take the machine down; a capped run shows as "timeout" or "memory".
Never part of the tests: run it by hand and compare (bench/README.md keeps the numbers).
"""
import argparse
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile

TAIL = 'resource "aws_bedrockagent_agent" "a" {\n  agent_name       = "a"\n  foundation_model = "openai.gpt-oss-120b-1:0"\n}\n'


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write(text)


def nested(opening, closing, depth):
    return lambda root: write(root + "/main.tf", "locals {\n  x = " + opening * depth + "1" + closing * depth + "\n}\n" + TAIL)


def nested_for(root, levels=8):
    expr = "local.base"
    for i in range(levels):
        expr = "[for a%d in local.base : %s]" % (i, expr)
    base = ", ".join('"m%d"' % i for i in range(10))
    write(root + "/main.tf", "locals {\n  base = [%s]\n  x = %s\n}\n" % (base, expr) + TAIL)


def many_roots(root, count=24):
    for i in range(count):
        nested_for(root + "/r%d" % i)


def padded(root, mib=9):
    write(root + "/main.tf", TAIL + ("# " + "x" * 1022 + "\n") * (mib * 1024))


def chain(root, count=20):
    write(root + "/main.tf", 'module "m0" {\n  source = "./m0"\n}\n')
    for i in range(count):
        body = 'module "m%d" {\n  source = "../m%d"\n}\n' % (i + 1, i + 1) if i + 1 < count else TAIL
        write("%s/m%d/main.tf" % (root, i), body)


def diamond(root, count=30):
    write(root + "/main.tf", 'module "m0" {\n  source = "./m0"\n}\n')
    for i in range(count):
        calls = 'module "x" {\n  source = "../m%d"\n}\nmodule "y" {\n  source = "../m%d"\n}\n' % (i + 1, i + 1)
        write("%s/m%d/main.tf" % (root, i), calls if i + 1 < count else TAIL)


def json_nesting(root, depth=100000):
    write(root + "/main.tf.json", '{"locals": {"x": ' + "[" * depth + "1" + "]" * depth + "}}")


def yaml_flow_nesting(root, depth=100000):
    write(root + "/deploy.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  x: " + "[" * depth + "1" +
          "]" * depth + "\n")


CLASSES = [
    ("100,000 nested parentheses (HCL)", nested("(", ")", 100000)),
    ("100,000 nested {a = (HCL)", nested("{a = ", "}", 100000)),
    ("100,000 nested [ (HCL)", nested("[", "]", 100000)),
    ("1,000,000 nested [ (HCL)", nested("[", "]", 1000000)),
    ("8 nested for expressions", nested_for),
    ("24 roots of 8 nested for expressions", many_roots),
    ("violation padded to 9 MiB with a comment", padded),
    ("chain of 20 module calls", chain),
    ("2^30 module instances (two calls per level)", diamond),
    ("100,000 nested [ (.tf.json)", json_nesting),
    ("100,000 nested [ (YAML flow)", yaml_flow_nesting),
]


def measure(binary, directory, timeout, memory_mb):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))

    command = ["/usr/bin/time", "-v", binary, "check", directory]
    # A session of its own: on a timeout the whole group goes, not only /usr/bin/time.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace",
                               preexec_fn=limit, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return "timeout", "> %gs" % timeout, "-"
    run = subprocess.CompletedProcess(command, process.returncode, None, stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", run.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    status = re.search(r"Exit status: (\d+)", run.stderr)
    code = "memory" if "bad_alloc" in run.stderr else status.group(1) if status else str(run.returncode)
    return code, wall.group(1) if wall else "-", "%d MiB" % (int(rss.group(1)) // 1024) if rss else "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cloudpact")
    parser.add_argument("--before", help="another cloudpact binary to compare with")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--memory-mb", type=int, default=4096)
    args = parser.parse_args()
    binaries = [("after", args.cloudpact)] + ([("before", args.before)] if args.before else [])
    header = "| input | " + " | ".join("%s: exit, wall, peak RSS" % name for name, _ in binaries) + " |"
    print(header)
    print("|---|" + "---|" * len(binaries))
    with tempfile.TemporaryDirectory(prefix="cloudpact-hostile-") as work:
        for index, (name, make) in enumerate(CLASSES):
            directory = os.path.join(work, "c%d" % index)
            make(directory)
            cells = []
            for _, binary in binaries:
                code, wall, rss = measure(binary, directory, args.timeout, args.memory_mb)
                cells.append("%s, %s, %s" % (code, wall, rss))
            print("| %s | %s |" % (name, " | ".join(cells)))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
