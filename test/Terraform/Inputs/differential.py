#!/usr/bin/env python3
"""Differential test: cloudpact's evaluation of Terraform expressions against `terraform console`.

usage: differential.py CLOUDPACT FIXTURE_DIR WORK_DIR [--var-file FILE] [--var NAME=VALUE]...

FIXTURE_DIR holds a root module without providers or resources (variables, locals, tfvars,
template files) and `expressions.txt`, one expression per line ('#' starts a comment).
Terraform evaluates them all in one `terraform console` call; cloudpact sees each one as the
model of a probe resource, `foundation_model = jsonencode(EXPR)`, and `cloudpact routes`
prints the value it resolved. Values are compared as JSON after turning numbers and bools into
strings (cloudpact's abstract domain keeps every primitive as a string). Both run in this
process's environment, so TF_VAR_NAME variables reach both.
"""
import json
import os
import shutil
import subprocess
import sys


def scalars_as_strings(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return format(value, "g") if isinstance(value, float) and not value.is_integer() else str(int(value))
    if isinstance(value, list):
        return [scalars_as_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: scalars_as_strings(v) for k, v in value.items()}
    return value


def decode_console_string(text):
    """`terraform console` prints a string as an HCL quoted literal (or a heredoc)."""
    text = text.strip()
    if text.startswith("<<EOT"):
        body = text.split("\n", 1)[1].rsplit("\n", 1)[0]
        return body + "\n"
    if text.startswith('"') and text.endswith('"'):
        return json.loads(text).replace("$${", "${").replace("%%{", "%{")
    raise ValueError("not a string: " + text)


def main():
    cloudpact, fixture, work = sys.argv[1:4]
    extra = sys.argv[4:]
    # --var-file and --var in their order: both tools apply them in command-line order.
    settings = [(extra[i], os.path.abspath(extra[i + 1]) if extra[i] == "--var-file" else extra[i + 1])
                for i in range(0, len(extra) - 1, 2) if extra[i] in ("--var-file", "--var")]
    with open(os.path.join(fixture, "expressions.txt")) as f:
        expressions = [line.strip() for line in f if line.strip() and not line.strip().startswith("#")]

    theirs = os.path.join(work, "theirs")
    ours = os.path.join(work, "ours")
    for d in (theirs, ours):
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(fixture, d)
        os.remove(os.path.join(d, "expressions.txt"))

    # Terraform: one console call for every expression.
    probe = "jsonencode({" + ", ".join('"e%d" = jsonencode(%s)' % (i, e) for i, e in enumerate(expressions)) + "})"
    env = dict(os.environ, TF_CLI_CONFIG_FILE=os.devnull, TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1")
    args = ["terraform", "console"] + [kind[1:] + "=" + value for kind, value in settings]
    result = subprocess.run(args, input=probe + "\n", cwd=theirs, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        print("terraform console failed:\n" + result.stdout + result.stderr)
        return 2
    expected = json.loads(decode_console_string(result.stdout))

    # cloudpact: one probe resource per expression.
    with open(os.path.join(ours, "zz_probes.tf"), "w") as f:
        for i, e in enumerate(expressions):
            f.write('resource "aws_bedrockagent_agent" "e%d" {\n  foundation_model = jsonencode(%s)\n}\n' % (i, e))
    args = [cloudpact, "routes", "--format", "json"] + [a for setting in settings for a in setting] + ["."]
    result = subprocess.run(args, cwd=ours, capture_output=True, text=True)
    routes = json.loads(result.stdout)["routes"]
    actual = {}
    for route in routes:
        name = route["subject"].rsplit(".", 1)[-1]
        actual.setdefault(name, set()).add(route["model"])

    failures = 0
    for i, e in enumerate(expressions):
        want = scalars_as_strings(json.loads(expected["e%d" % i]))
        got = actual.get("e%d" % i, set())
        if len(got) != 1:
            print("MISMATCH %s\n  terraform: %s\n  cloudpact: %s" % (e, json.dumps(want), sorted(got)))
            failures += 1
            continue
        value = next(iter(got))
        try:
            mine = scalars_as_strings(json.loads(value))
        except ValueError:
            mine = value
        if mine != want:
            print("MISMATCH %s\n  terraform: %s\n  cloudpact: %s" % (e, json.dumps(want), json.dumps(mine)))
            failures += 1
    if failures:
        print("%d of %d expressions differ from terraform console" % (failures, len(expressions)))
        return 1
    print("%d expressions agree with terraform console" % len(expressions))
    return 0


if __name__ == "__main__":
    sys.exit(main())
