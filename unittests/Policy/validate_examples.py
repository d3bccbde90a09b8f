#!/usr/bin/env python3
"""Validates the policy examples of docs/policy.md against docs/policy.schema.json.

Usage: validate_examples.py SCHEMA MARKDOWN. Every ```yaml block must validate, except blocks
whose first line is "# bad", which must not (blocks marked "# bad (the schema cannot tell)" are
not checked). Prints one line per problem; exit 1 on problems, 77 when PyYAML or
jsonschema is missing.
"""
import json
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError:
    sys.exit(77)


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    text = open(sys.argv[2], encoding="utf-8").read()
    problems = 0
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    for block in blocks:
        data = yaml.safe_load(block) or {}
        errors = list(validator.iter_errors(data))
        bad = block.startswith("# bad")
        if not bad and errors:
            problems += 1
            print("example rejected by the schema: %s\n%s" % (errors[0].message, block))
        if bad and not errors and not block.startswith("# bad (the schema cannot tell)"):
            problems += 1
            print("bad example accepted by the schema:\n%s" % block)
    print("%d examples checked" % len(blocks))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
