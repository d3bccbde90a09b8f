// Differential test: our scalar decoding and structure against libyaml (through PyYAML's
// CSafeLoader, driven by libyaml_canon.py next to this file). Skips when python3-yaml is missing.
#include "Syntax/Document.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

using namespace cloudpact::syntax;
using nlohmann::json;

namespace {

// Each snippet is one YAML stream; all must parse without errors on both sides.
const std::vector<std::string> &corpus() {
  static const std::vector<std::string> snippets = {
      // Block scalars: literal/folded × clip/strip/keep, with and without trailing blank lines.
      "a: |\n  one\n  two\n",
      "a: |-\n  one\n  two\n",
      "a: |+\n  one\n  two\n",
      "a: |\n  one\n  two\n\n\n",
      "a: |-\n  one\n  two\n\n\n",
      "a: |+\n  one\n  two\n\n\n",
      "a: |+\n  one\n\n\nb: x\n",
      "a: >\n  one\n  two\n",
      "a: >-\n  one\n  two\n\n",
      "a: >+\n  one\n  two\n\n",
      "a: |\n  one\n  two", // no final newline
      "a: |+\n  one\n  two",
      "a: |\n\n\n  after blank lines\n",
      "a: >\n\n  after blank\n\n  para\n",
      // Explicit indentation indicators, alone and with chomping in both orders.
      "a: |2\n    two extra\n  base\n",
      "a: |1\n  one extra\n",
      "a: |2-\n   x\n  y\n\n",
      "a: |-2\n   x\n  y\n\n",
      "a: >+1\n  a\n b\n\n",
      "- |1\n  explicit\n- |\n  plain\n",
      "- key: |2\n      nested\n    base\n",
      "top:\n  inner: >2\n      more\n    less\n",
      // Folded: more-indented lines, blank lines between, tabs at line start.
      "a: >\n  folded\n  line\n\n  next\n    more indented\n    still\n  back\n",
      "a: >\n  one\n\n    indented\n\n  two\n",
      "a: >\n  x\n  \ty\n  z\n",
      "a: >-\n  trailing   \n  spaces\n",
      "a: |\n  keep trailing   \n  spaces\t\n",
      "a: |\n  line\n     \n  after spaces-only line\n",
      "a: >\n  a\n    \n  b\n",
      // Block scalar with a header comment and a following less-indented comment.
      "a: | # header comment\n  text\n# trailing comment\nb: 1\n",
      "a: |\n  text\n  # not a comment\n",
      "--- |\n  document level\n",
      "--- >-\n  folded\n  document\n",
      // Edge cases of block scalar extent and indentation detection.
      "a: |\n  \n    x\n",
      "k:\n- |\n  x\n- >-\n  y\n  z\n",
      "--- |\n  x\n...\n",
      "a: |+\n  x\n\n---\nb: 1\n",
      "a: |+\n  x\n\n# c\n\nb: 1\n",
      "a: |+\n  x\n  \n   \n",
      "a: |\n  x\nb: |\n  y\n",
      "a: |-\n\n",
      "a: |+\n\n\n",
      "a: >\r\n  one\r\n  two\r\n\r\n  three\r\n",
      "- >\n  a\n\n\n  b\n",
      "seq:\n  - |\n    in seq\n  - key: >\n      in map\n      in seq\n",
      // Plain scalars in flow context spanning lines, quoted keys and values.
      "a: [one\n  two, three]\n",
      "{a: b\n  c, \"d\": 'e\n  f'}\n",
      "a: \"tab\tfolded\t\n  next\"\n",
      // Double-quoted escapes.
      "a: \"tab\\there\\nnl \\\\ \\\" \\/ \\0 \\a \\b \\v \\f \\r \\e \\ \"\n",
      "a: \"\\x41\\u00e9\\u20ac\\U0001F600\\N\\_\\L\\P\"\n",
      "a: \"folded\n  line\n\n  para\"\n",
      "a: \"escaped \\\n  break\"\n",
      "a: \"keep  \\\n  spaces before\"\n",
      "a: \"trail   \n  next\"\n",
      "a: \"esc tab\\t\n  next\"\n",
      "a: \"x\\\n\n  y\"\n",
      "a: \"  leading and trailing  \"\n",
      "a: \"\"\n",
      // Single-quoted.
      "a: 'it''s'\n",
      "a: 'multi\n  line\n\n  para'\n",
      "a: '  spaces  '\n",
      "a: ''\n",
      "a: 'a\n\n\n  b'\n",
      "a: '\\n is not an escape'\n",
      // Plain scalars, multi-line and with special characters.
      "a: plain text\n",
      "a: multi\n  line\n  plain\n",
      "a: multi\n\n  para\n",
      "a: with:colon and ? mark, and - dash\n",
      "a: has # not-comment\n",
      "a: value # comment\n",
      "a: -dash\nb: ?q\nc: :colon\n",
      "url: https://example.com:8443/path?q=1#frag\n",
      "- a\n- b\n-\n- ''\n",
      "key:\nnext: 1\n",
      "k: ~\nn: null\nt: true\ni: 0x1F\nf: -1.5e3\nd: 2001-12-14\n",
      // Anchors, aliases, merges.
      "base: &b {x: 1, y: 2}\nuse: *b\n",
      "base: &b\n  x: 1\n  y: 2\nderived:\n  <<: *b\n  y: 3\n  z: 4\n",
      "a: &a {k: a, only_a: 1}\nb: &b {k: b, only_b: 2}\nc:\n  <<: [*a, *b]\n  own: 3\n",
      "a: &a {k: a}\nc:\n  k: own\n  <<: *a\n",
      "list: &l [1, 2]\ncopy: *l\nscalar: &s hello\nagain: *s\n",
      "base: &a {x: 1}\nm: {<<: *a, y: 2}\n\"<<\": not a merge\n",
      "a: &k key\n*k : aliased key\n",
      // Flow collections.
      "f: {? q : r, s}\n",
      "a: [1, \"two\", 'three', {k: v}, [x, y]]\n",
      "a: {k: v, 'q': \"w\", empty: , other}\n",
      "a: [k: v, plain]\n",
      "a: [\n  multi,\n  line\n]\n",
      "{\"json\": [1, 2, {\"x\": null}], \"s\": \"str\"}\n",
      "a: [a b, c  d]\n",
      // Tags.
      "a: !!str 12\nb: !custom value\nc: !!int \"7\"\n",
      "a: !!str\nb: x\n",
      "--- !shape\nkind: circle\n",
      "n: !!null\ne: !!str\n",
      // Multi-document streams and comments.
      "a: 1\n---\nb: 2\n...\n---\nc: 3\n",
      "# only a comment\n---\nx: 1\n",
      "---\n---\nx\n",
      "%YAML 1.2\n---\nx: 1\n",
      "a: 1 # c\n# c\nb: # c\n  - 2 # c\n",
      // Complex keys, nesting.
      "? complex key\n: value\n",
      "? [a, b]\n: seq key\n",
      "a:\n  b:\n    c:\n      - d: e\n        f: |\n          nested block\n",
      "- - nested\n  - seq\n- - x\n",
      "key:\n- indentless\n- seq\n",
      // CRLF line endings.
      "a: 1\r\nb: |\r\n  x\r\n  y\r\nc: \"p\r\n  q\"\r\n",
      // Unicode.
      "name: caf\xc3\xa9 \xe2\x82\xac\n",
  };
  return snippets;
}

json canonical(const Node &node) {
  switch (node.kind) {
  case NodeKind::Null: return "";
  case NodeKind::Scalar: return node.value;
  case NodeKind::Sequence: {
    json list = json::array();
    for (const Node &item : node.items)
      list.push_back(canonical(item));
    return list;
  }
  case NodeKind::Mapping: {
    std::map<std::string, json> pairs;
    for (const auto &[key, value] : node.entries) {
      json k = canonical(key);
      pairs[k.dump()] = json::array({k, canonical(value)});
    }
    json list = json::array();
    for (auto &[text, pair] : pairs)
      list.push_back(pair);
    return json{{"map", list}};
  }
  }
  return nullptr;
}

std::string runCommand(const std::string &command, int &status) {
  std::string out;
  FILE *pipe = popen(command.c_str(), "r");
  if (!pipe) {
    status = -1;
    return out;
  }
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    out.append(buffer.data(), n);
  int raw = pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

TEST(LibyamlDiff, ScalarsAndStructureAgree) {
  namespace fs = std::filesystem;
  fs::path input = fs::temp_directory_path() / ("cloudpact-libyaml-" + std::to_string(getpid()) + ".json");
  {
    std::ofstream out(input);
    out << json(corpus()).dump();
  }
  int status = 0;
  std::string script = std::string(CLOUDPACT_SOURCE_DIR) + "/unittests/Syntax/libyaml_canon.py";
  std::string output = runCommand("python3 '" + script + "' '" + input.string() + "' 2>/dev/null", status);
  fs::remove(input);
  if (status == 77 || status == 127)
    GTEST_SKIP() << "python3 with PyYAML/libyaml is not available";
  ASSERT_EQ(status, 0) << output;
  json expected = json::parse(output);
  ASSERT_EQ(expected.size(), corpus().size());
  for (size_t i = 0; i < corpus().size(); ++i) {
    const std::string &text = corpus()[i];
    SCOPED_TRACE("snippet #" + std::to_string(i) + ":\n" + text);
    if (!expected[i].contains("docs")) {
      ADD_FAILURE() << "libyaml rejects the snippet: " << expected[i].dump();
      continue;
    }
    ParseResult result = parseYaml(text, "snippet.yaml");
    for (const auto &diagnostic : result.diagnostics)
      ADD_FAILURE() << diagnostic.range.begin.line << ":" << diagnostic.range.begin.column << ": "
                    << diagnostic.message;
    json ours = json::array();
    for (const Document &doc : result.documents)
      ours.push_back(canonical(doc.root));
    EXPECT_EQ(ours, expected[i]["docs"]) << "ours:    " << ours.dump() << "\nlibyaml: " << expected[i]["docs"].dump();
  }
}

} // namespace
