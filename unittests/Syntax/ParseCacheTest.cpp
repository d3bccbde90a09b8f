// Kept parses: the edit between two texts, trees parsed again incrementally, documents kept
// for unchanged texts. An incremental parse must give exactly what a fresh parse gives: checked
// over thousands of random edits of HCL, YAML and JSON files.
#include "Syntax/ParseCache.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>

using namespace cloudpact;
using namespace cloudpact::syntax;

namespace {

std::string sexp(const TreePtr &tree) {
  if (!tree)
    return "<no tree>";
  char *text = ts_node_string(ts_tree_root_node(tree.get()));
  std::string out(text);
  std::free(text);
  return out;
}

TreePtr freshParse(const TSLanguage *language, std::string_view text) { return parse(language, text); }

void renderNode(const Node &node, std::string &out) {
  out += "[" + std::to_string(static_cast<int>(node.kind)) + " " + formatLoc(node.range.begin) + "-" +
         formatLoc(node.range.end) + " " + node.tag + " '" + node.value + "'";
  for (const OffsetMapping &run : node.offsets)
    out += " @" + std::to_string(run.valueOffset) + ":" + formatLoc(run.source);
  for (const Node &item : node.items)
    renderNode(item, out);
  for (const auto &[key, value] : node.entries) {
    renderNode(key, out);
    renderNode(value, out);
  }
  out += "]";
}

std::string render(const ParseResult &result) {
  std::string out;
  for (const Document &document : result.documents)
    renderNode(document.root, out);
  for (const Diagnostic &diagnostic : result.diagnostics)
    out += "\n" + formatLoc(diagnostic.range.begin) + " " + diagnostic.message;
  return out;
}

const char *kHcl = R"(variable "model" {
  type    = string
  default = "openai.gpt-oss-120b-1:0"
}

locals {
  names = { for k, v in var.map : k => "${v}-x" if v != "" }
  list  = [1, 2, 3]
}

resource "aws_bedrockagent_agent" "a" {
  foundation_model = var.model
  instruction      = <<-EOT
    Be brief.
  EOT
  dynamic "tag" {
    for_each = local.names
    content { key = tag.key }
  }
}
)";

const char *kYaml = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: llm
  labels: {app: chat, tier: "back"}
data:
  MODEL: gpt-4o
  config.yaml: |
    model_list:
      - model_name: gpt
        litellm_params:
          model: bedrock/openai.gpt-oss-120b-1:0
---
apiVersion: apps/v1
kind: Deployment
metadata: &meta
  name: chat
spec:
  template:
    spec:
      containers:
        - name: app
          env:
            - name: OPENAI_MODEL
              value: 'gpt-4o'
            - {name: X, value: "a\tb"}
)";

const char *kJson = R"({
  "resource": {"aws_bedrockagent_agent": {"a": {"foundation_model": "openai.gpt-oss-120b-1:0"}}},
  "list": [1, 2.5, true, null, "x\u00e9"],
  "nested": {"a": {"b": [{"c": "d"}]}}
}
)";

/// A random small edit: delete a span, insert a snippet, or replace one with the other.
std::string mutate(const std::string &text, std::mt19937 &random) {
  static const char *const kSnippets[] = {"\"", "{", "}", "[", "]", "\n", "  ", "x", "= 1", ": ", "- ", "#",
                                          "${", "\n  key: value\n", "<<EOT\n", "---\n", "'", ",", "|\n  y\n"};
  std::uniform_int_distribution<size_t> at(0, text.size());
  size_t begin = at(random);
  size_t length = std::uniform_int_distribution<size_t>(0, 6)(random);
  length = std::min(length, text.size() - begin);
  std::string snippet = kSnippets[std::uniform_int_distribution<size_t>(0, std::size(kSnippets) - 1)(random)];
  switch (random() % 3) {
  case 0: return text.substr(0, begin) + text.substr(begin + length);
  case 1: return text.substr(0, begin) + snippet + text.substr(begin);
  default: return text.substr(0, begin) + snippet + text.substr(begin + length);
  }
}

TEST(EditBetween, Insertion) {
  TSInputEdit edit = editBetween("ab\ncd", "ab\ncXd");
  EXPECT_EQ(edit.start_byte, 4u);
  EXPECT_EQ(edit.old_end_byte, 4u);
  EXPECT_EQ(edit.new_end_byte, 5u);
  EXPECT_EQ(edit.start_point.row, 1u);
  EXPECT_EQ(edit.start_point.column, 1u);
  EXPECT_EQ(edit.new_end_point.column, 2u);
}

TEST(EditBetween, DeletionAcrossLines) {
  TSInputEdit edit = editBetween("a\nb\nc\n", "a\nc\n");
  EXPECT_EQ(edit.start_byte, 2u);
  EXPECT_EQ(edit.old_end_byte, 4u);
  EXPECT_EQ(edit.new_end_byte, 2u);
  EXPECT_EQ(edit.old_end_point.row, 2u);
  EXPECT_EQ(edit.old_end_point.column, 0u);
  EXPECT_EQ(edit.new_end_point.row, 1u);
}

TEST(EditBetween, RepeatedCharactersDoNotOverlap) {
  // Prefix and suffix may not share bytes: "aa" -> "aaa" is one inserted byte.
  TSInputEdit edit = editBetween("aa", "aaa");
  EXPECT_EQ(edit.start_byte, 2u);
  EXPECT_EQ(edit.old_end_byte, 2u);
  EXPECT_EQ(edit.new_end_byte, 3u);
  edit = editBetween("aaa", "a");
  EXPECT_EQ(edit.start_byte, 1u);
  EXPECT_EQ(edit.old_end_byte, 3u);
  EXPECT_EQ(edit.new_end_byte, 1u);
}

TEST(EditBetween, IdenticalAndEmpty) {
  TSInputEdit same = editBetween("abc", "abc");
  EXPECT_EQ(same.start_byte, 3u);
  EXPECT_EQ(same.old_end_byte, 3u);
  EXPECT_EQ(same.new_end_byte, 3u);
  TSInputEdit fromEmpty = editBetween("", "x\ny");
  EXPECT_EQ(fromEmpty.start_byte, 0u);
  EXPECT_EQ(fromEmpty.new_end_byte, 3u);
  EXPECT_EQ(fromEmpty.new_end_point.row, 1u);
}

TEST(ParseCache, CountsFreshIncrementalAndReused) {
  ParseCache cache;
  std::string text = kHcl;
  TreePtr first = cache.parse(tree_sitter_hcl(), "main.tf", text);
  EXPECT_EQ(cache.stats().fresh, 1u);
  TreePtr again = cache.parse(tree_sitter_hcl(), "main.tf", text);
  EXPECT_EQ(cache.stats().reused, 1u);
  EXPECT_EQ(sexp(first), sexp(again));
  text.insert(text.find("\"openai"), "x");
  TreePtr edited = cache.parse(tree_sitter_hcl(), "main.tf", text);
  EXPECT_EQ(cache.stats().incremental, 1u);
  EXPECT_EQ(sexp(edited), sexp(freshParse(tree_sitter_hcl(), text)));
  // Another file, or the same path in another language, starts from nothing.
  cache.parse(tree_sitter_hcl(), "other.tf", text);
  cache.parse(tree_sitter_json(), "main.tf", kJson);
  EXPECT_EQ(cache.stats().fresh, 3u);
  EXPECT_EQ(cache.stats().incremental, 1u);
}

TEST(ParseCache, SweepForgetsFilesNotAskedFor) {
  ParseCache cache;
  cache.parse(tree_sitter_hcl(), "a.tf", kHcl);
  cache.parse(tree_sitter_hcl(), "b.tf", kHcl);
  cache.documents("c.yaml", kYaml, false);
  cache.sweep(); // all three were asked for: kept
  cache.parse(tree_sitter_hcl(), "a.tf", kHcl);
  cache.documents("c.yaml", kYaml, false);
  EXPECT_EQ(cache.stats().reused, 2u);
  cache.sweep(); // b.tf was not asked for since the last sweep: forgotten
  cache.parse(tree_sitter_hcl(), "a.tf", kHcl);
  cache.parse(tree_sitter_hcl(), "b.tf", kHcl);
  cache.documents("c.yaml", kYaml, false);
  EXPECT_EQ(cache.stats().reused, 4u);
  EXPECT_EQ(cache.stats().fresh, 4u);
}

TEST(ParseCache, DocumentsKeptForUnchangedText) {
  ParseCache cache;
  auto first = cache.documents("cm.yaml", kYaml, false);
  auto second = cache.documents("cm.yaml", kYaml, false);
  EXPECT_EQ(first.get(), second.get()); // the same documents, not a copy
  EXPECT_EQ(cache.stats().reused, 1u);
  std::string edited = kYaml;
  edited.replace(edited.find("gpt-4o"), 6, "gpt-4.1");
  auto third = cache.documents("cm.yaml", edited, false);
  EXPECT_NE(third.get(), first.get());
  EXPECT_EQ(cache.stats().incremental, 1u);
  EXPECT_EQ(render(*third), render(parseYaml(edited, "cm.yaml")));
  EXPECT_EQ(third->documents.at(0).root.get("data")->get("MODEL")->value, "gpt-4.1");
}

/// Random edit sequences: after each edit, the kept tree (parsed incrementally) must print
/// exactly as a fresh parse of the same text.
void expectIncrementalMatchesFresh(const TSLanguage *language, const std::string &start, unsigned seed) {
  ParseCache cache;
  std::mt19937 random(seed);
  std::string text = start;
  cache.parse(language, "file", text);
  for (int step = 0; step < 400; ++step) {
    text = step % 50 == 49 ? start : mutate(text, random); // sometimes back to valid text
    ASSERT_EQ(sexp(cache.parse(language, "file", text)), sexp(freshParse(language, text)))
        << "step " << step << " text:\n" << text;
  }
  EXPECT_GT(cache.stats().incremental, 300u);
}

TEST(ParseCache, IncrementalHclMatchesFresh) { expectIncrementalMatchesFresh(tree_sitter_hcl(), kHcl, 1); }
TEST(ParseCache, IncrementalYamlTreeMatchesFresh) { expectIncrementalMatchesFresh(tree_sitter_yaml(), kYaml, 2); }
TEST(ParseCache, IncrementalJsonMatchesFresh) { expectIncrementalMatchesFresh(tree_sitter_json(), kJson, 3); }

/// Random editor sessions: several replacements per change (multi-cursor edits), handed to
/// the cache as edits; the next parse must print as a fresh parse of the result.
void expectEditsMatchFresh(const TSLanguage *language, const std::string &start, unsigned seed) {
  ParseCache cache;
  std::mt19937 random(seed);
  std::string text = start;
  cache.parse(language, "file", text);
  for (int step = 0; step < 200; ++step) {
    std::string before = text;
    std::vector<TextReplacement> edits;
    for (unsigned n = random() % 3 + 1; n > 0; --n) {
      std::string after = mutate(text, random);
      TSInputEdit span = editBetween(text, after);
      edits.push_back(TextReplacement{span.start_byte, span.old_end_byte - span.start_byte,
                                      after.substr(span.start_byte, span.new_end_byte - span.start_byte)});
      text = std::move(after);
    }
    cache.edit("file", before, edits);
    ASSERT_EQ(sexp(cache.parse(language, "file", text)), sexp(freshParse(language, text)))
        << "step " << step << " text:\n" << text;
  }
  EXPECT_EQ(cache.stats().incremental, 200u);
}

TEST(ParseCache, EditorEditsHclMatchFresh) { expectEditsMatchFresh(tree_sitter_hcl(), kHcl, 6); }
TEST(ParseCache, EditorEditsYamlMatchFresh) { expectEditsMatchFresh(tree_sitter_yaml(), kYaml, 7); }

TEST(ParseCache, EditsAgainstAnotherTextAreIgnored) {
  ParseCache cache;
  std::string text = kHcl;
  cache.parse(tree_sitter_hcl(), "main.tf", text);
  // Edits made on a text the cache never parsed must not touch the kept tree.
  cache.edit("main.tf", "something else", {TextReplacement{0, 3, "xyz"}});
  TreePtr same = cache.parse(tree_sitter_hcl(), "main.tf", text);
  EXPECT_EQ(cache.stats().reused, 1u);
  EXPECT_EQ(sexp(same), sexp(freshParse(tree_sitter_hcl(), text)));
  // Out of range: the kept tree is dropped and the next parse starts from nothing.
  cache.edit("main.tf", text, {TextReplacement{text.size() + 1, 0, "x"}});
  cache.parse(tree_sitter_hcl(), "main.tf", text);
  EXPECT_EQ(cache.stats().fresh, 2u);
  // Edits to a file the cache does not know are nothing.
  cache.edit("other.tf", "", {TextReplacement{0, 0, "x"}});
  EXPECT_EQ(cache.stats().fresh, 2u);
}

TEST(ParseCache, IncrementalDocumentsMatchFresh) {
  // Through the document model: guarded nesting, included ranges and per-document recovery.
  for (bool json : {false, true}) {
    ParseCache cache;
    std::mt19937 random(json ? 5 : 4);
    std::string start = json ? kJson : kYaml;
    std::string text = start;
    for (int step = 0; step < 300; ++step) {
      text = step % 40 == 39 ? start : mutate(text, random);
      auto kept = cache.documents("m.yaml", text, json);
      ParseResult fresh = json ? parseJson(text, "m.yaml") : parseYaml(text, "m.yaml");
      ASSERT_EQ(render(*kept), render(fresh)) << "step " << step << " text:\n" << text;
    }
  }
}

} // namespace
