#!/usr/bin/env python3
"""Writes the generated part of docs/vocabulary.md from the classification tables.

usage: gen-vocabulary.py SRC_ROOT [--check]

Reads lib/Policy/{Destinations,Endpoints,LocalServers,ModelFamilies,ProviderNames}.def and
replaces what lies between the GENERATED markers of docs/vocabulary.md. With --check it writes
nothing and exits 1 (naming the file) when the document is not up to date.
"""
import re
import sys

BEGIN = "<!-- BEGIN GENERATED: utils/gen-vocabulary.py -->"
END = "<!-- END GENERATED -->"
STRING = r'(R"\((?:.|\n)*?\)"|"(?:[^"\\]|\\.)*")'


def rows(text, macro):
    """The argument lists of every `macro(...)` row, as Python strings and ints."""
    out = []
    for match in re.finditer(r"^" + macro + r"\((.*?)\)[ \t]*(?://[^\n]*)?$", text, re.M | re.S):
        args = re.findall(STRING + r"|(\b[A-Za-z]\w*\b|\b\d+\b)", match.group(1))
        values = []
        for string, word in args:
            if string.startswith('R"('):
                values.append(string[3:-2])
            elif string:
                values.append(bytes(string[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8"))
            else:
                values.append(int(word) if word.isdigit() else word)
        out.append(values)
    return out


def cell(text):
    text = str(text).replace("|", "\\|")
    return "`" + text + "`" if text else ""


KINDS = {"Cloud": "cloud", "ProviderApi": "provider-api", "Aggregator": "aggregator", "SelfHosted": "self-hosted"}


def generate(root):
    read = lambda name: open(f"{root}/lib/Policy/{name}.def", encoding="utf-8").read()
    destinations, endpoints, servers = read("Destinations"), read("Endpoints"), read("LocalServers")
    families, names = read("ModelFamilies"), read("ProviderNames")
    lines = ["### Destinations", "", "| name | kind | operator |", "|---|---|---|"]
    for name, kind, description in rows(destinations, "CLOUDPACT_DESTINATION"):
        lines.append(f"| {cell(name)} | {KINDS[kind]} | {description} |")
    lines += ["", "### Endpoints", "", "First match wins; `{region}` is captured as the region.", "",
              "A row that serves *hosts* only says who operates the host (a cloud's catch-all, a private address):",
              "an ExternalName Service or ServiceEntry naming such a host is not a model access.", "",
              "| host | path | destination | service | implies provider | serves |", "|---|---|---|---|---|---|"]
    for host, path, destination, service, implies, serves in rows(endpoints, "CLOUDPACT_ENDPOINT"):
        lines.append(f"| {cell(host)} | {cell(path)} | {cell(destination)} | {service} | {cell(implies)} | {serves.lower()} |")
    lines += ["", "### Paths that decide an unknown host", "", "| path | destination | service | implies provider |",
              "|---|---|---|---|"]
    for path, destination, service, implies in rows(endpoints, "CLOUDPACT_PATH_SHAPE"):
        lines.append(f"| {cell(path)} | {cell(destination)} | {service} | {cell(implies)} |")
    lines += ["", "### Paths that name their model", "", "| pattern | meaning |", "|---|---|"]
    for pattern, description in rows(endpoints, "CLOUDPACT_PATH_MODEL"):
        lines.append(f"| {cell(pattern)} | {description} |")
    lines += ["", "### Model servers by default port (self-hosted endpoints)", "", "| port | server |", "|---|---|"]
    for port, service in rows(servers, "CLOUDPACT_LOCAL_SERVER"):
        lines.append(f"| {port} | {service} |")
    lines += ["", "### Providers", "", "| provider | models |", "|---|---|"]
    for name, description in rows(names, "CLOUDPACT_PROVIDER"):
        lines.append(f"| {cell(name)} | {description} |")
    lines += ["", "### Model families", "", "First match wins. Patterns are RE2, whole-id, case-insensitive.", "",
              "| provider | family | example | pattern |", "|---|---|---|---|"]
    for pattern, provider, description, example in rows(families, "CLOUDPACT_MODEL_FAMILY"):
        lines.append(f"| {cell(provider) or '(from the id)'} | {description} | {cell(example)} | {cell(pattern)} |")
    lines += ["", "### Organisations of Hugging Face and router ids", "", "| organisation | provider |", "|---|---|"]
    for org, provider in rows(families, "CLOUDPACT_MODEL_ORG"):
        lines.append(f"| {cell(org)} | {cell(provider)} |")
    lines += ["", "### Spellings", "", "| spelling | provider |", "|---|---|"]
    for spelling, provider in rows(names, "CLOUDPACT_PROVIDER_ALIAS"):
        lines.append(f"| {cell(spelling)} | {cell(provider)} |")
    lines += ["", "| spelling | destination |", "|---|---|"]
    for spelling, destination in rows(names, "CLOUDPACT_DESTINATION_ALIAS"):
        lines.append(f"| {cell(spelling)} | {cell(destination)} |")
    return "\n".join(lines) + "\n"


def main():
    root, check = sys.argv[1], "--check" in sys.argv[2:]
    path = f"{root}/docs/vocabulary.md"
    document = open(path, encoding="utf-8").read()
    begin, end = document.index(BEGIN) + len(BEGIN), document.index(END)
    updated = document[:begin] + "\n" + generate(root) + document[end:]
    if check:
        if updated != document:
            sys.stderr.write(f"{path} is not up to date: run utils/gen-vocabulary.py {root}\n")
            return 1
        print("vocabulary up to date")
        return 0
    open(path, "w", encoding="utf-8").write(updated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
