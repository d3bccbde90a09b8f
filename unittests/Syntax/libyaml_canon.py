#!/usr/bin/env python3
"""Decodes YAML snippets with libyaml (PyYAML's CSafeLoader) into a canonical JSON form.

Input (argv[1]): a JSON array of YAML texts. Output (stdout): a JSON array, one entry per text:
{"docs": [canon, ...]} or {"error": "..."}. canon: every scalar is its decoded string (an empty
node is ""), a sequence is a list, a mapping is {"map": [[key, value], ...]} with merge keys
applied, duplicate keys resolved last-wins, and pairs sorted by their JSON text. Exit 77 when
PyYAML with libyaml is not available, so the caller can skip.
"""
import json
import sys

try:
    import yaml
    Loader = yaml.CSafeLoader
except (ImportError, AttributeError):
    sys.exit(77)


def canon(loader, node):
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [canon(loader, item) for item in node.value]
    loader.flatten_mapping(node)
    pairs = {}
    for key, value in node.value:
        k = canon(loader, key)
        pairs[json.dumps(k, sort_keys=True)] = [k, canon(loader, value)]
    return {"map": [pairs[k] for k in sorted(pairs)]}


def decode(text):
    loader = Loader(text)
    try:
        docs = []
        while loader.check_node():
            docs.append(canon(loader, loader.get_node()))
        return {"docs": docs}
    except yaml.YAMLError as error:
        return {"error": str(error).replace("\n", " ")}
    finally:
        loader.dispose()


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        texts = json.load(f)
    json.dump([decode(text) for text in texts], sys.stdout)


if __name__ == "__main__":
    main()
