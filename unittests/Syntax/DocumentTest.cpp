// The YAML/JSON document model: values, exact positions, limits and errors.
#include "Syntax/Document.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

using namespace cloudpact;
using namespace cloudpact::syntax;

namespace {

/// "line:col" of the byte of `node`'s decoded value where `needle` starts.
std::string where(const Node &node, std::string_view needle) {
  size_t at = node.value.find(needle);
  if (at == std::string::npos)
    return "<" + std::string(needle) + " not in value>";
  SourceLoc loc = node.locate(at);
  return std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

std::string lineCol(const SourceLoc &loc) { return std::to_string(loc.line) + ":" + std::to_string(loc.column); }

/// The byte offset in `text` of the line:col that `loc` names must hold the same byte.
void expectOffsetConsistent(std::string_view text, const SourceLoc &loc) {
  size_t line = 1, start = 0;
  for (size_t i = 0; i < text.size() && line < loc.line; ++i)
    if (text[i] == '\n')
      ++line, start = i + 1;
  EXPECT_EQ(start + loc.column - 1, loc.offset);
}

const Node &root(const ParseResult &result, size_t doc = 0) { return result.documents.at(doc).root; }

TEST(Document, MappingAndScalarRanges) {
  ParseResult r = parseYaml("kind: ConfigMap\nmetadata:\n  name: llm\n", "cm.yaml");
  ASSERT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.documents.size(), 1u);
  const Node *name = root(r).get("metadata")->get("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->value, "llm");
  EXPECT_EQ(name->range.file(), "cm.yaml");
  EXPECT_EQ(lineCol(name->range.begin), "3:9");
  EXPECT_EQ(lineCol(name->range.end), "3:12");
  EXPECT_EQ(name->range.begin.offset, 34u);
  EXPECT_EQ(root(r).get("missing"), nullptr);
}

TEST(Document, LiteralBlockScalarLinesLocateExactly) {
  std::string text = "kind: ConfigMap\n"
                     "data:\n"
                     "  config.yaml: |\n"
                     "    model_list:\n"
                     "      - model_name: gpt\n"
                     "        litellm_params:\n"
                     "          model: bedrock/openai.gpt-oss-120b-1:0\n"
                     "\n"
                     "    general: {}\n";
  ParseResult r = parseYaml(text, "cm.yaml");
  ASSERT_TRUE(r.diagnostics.empty());
  const Node *config = root(r).get("data")->get("config.yaml");
  ASSERT_NE(config, nullptr);
  EXPECT_EQ(config->style, ScalarStyle::Literal);
  EXPECT_EQ(config->value, "model_list:\n  - model_name: gpt\n    litellm_params:\n"
                           "      model: bedrock/openai.gpt-oss-120b-1:0\n\ngeneral: {}\n");
  EXPECT_EQ(where(*config, "model_list"), "4:5");
  EXPECT_EQ(where(*config, "model_name"), "5:9");
  EXPECT_EQ(where(*config, "bedrock/"), "7:18");
  EXPECT_EQ(where(*config, "general"), "9:5");
  for (size_t i = 0; i < config->value.size(); ++i) {
    SourceLoc loc = config->locate(i);
    expectOffsetConsistent(text, loc);
    if (config->value[i] != '\n') {
      EXPECT_EQ(text[loc.offset], config->value[i]) << "byte " << i;
    }
  }
}

TEST(Document, FoldedAndIndentedBlockScalars) {
  std::string text = "a: >-\n  one\n  two\n\n    more\nb: |2\n    x\n  y\n";
  ParseResult r = parseYaml(text, "f.yaml");
  ASSERT_TRUE(r.diagnostics.empty());
  const Node *a = root(r).get("a");
  EXPECT_EQ(a->value, "one two\n\n  more");
  EXPECT_EQ(a->style, ScalarStyle::Folded);
  EXPECT_EQ(where(*a, "two"), "3:3");
  EXPECT_EQ(where(*a, "more"), "5:5");
  const Node *b = root(r).get("b");
  EXPECT_EQ(b->value, "  x\ny\n");
  EXPECT_EQ(where(*b, "x"), "7:5");
  EXPECT_EQ(where(*b, "y"), "8:3");
}

TEST(Document, QuotedScalarsLocateAfterEscapesAndFolds) {
  std::string text = "a: \"x\\ty \\u00e9z\n  next\"\nb: 'it''s\n  here'\nc: plain\n  folded\n";
  ParseResult r = parseYaml(text, "q.yaml");
  ASSERT_TRUE(r.diagnostics.empty());
  const Node *a = root(r).get("a");
  EXPECT_EQ(a->value, "x\ty \xc3\xa9z next");
  EXPECT_EQ(a->style, ScalarStyle::DoubleQuoted);
  EXPECT_EQ(where(*a, "y"), "1:8");
  EXPECT_EQ(where(*a, "z"), "1:16");
  EXPECT_EQ(where(*a, "next"), "2:3");
  const Node *b = root(r).get("b");
  EXPECT_EQ(b->value, "it's here");
  EXPECT_EQ(where(*b, "s"), "3:9");
  EXPECT_EQ(where(*b, "here"), "4:3");
  const Node *c = root(r).get("c");
  EXPECT_EQ(c->value, "plain folded");
  EXPECT_EQ(where(*c, "folded"), "6:3");
}

TEST(Document, MultiDocumentStream) {
  ParseResult r = parseYaml("a: 1\n---\nb: 2\n...\n---\n# empty\n---\n- c\n", "m.yaml");
  ASSERT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.documents.size(), 4u);
  EXPECT_EQ(root(r, 0).get("a")->value, "1");
  EXPECT_EQ(root(r, 1).get("b")->value, "2");
  EXPECT_EQ(lineCol(root(r, 1).get("b")->range.begin), "3:4");
  EXPECT_TRUE(root(r, 2).isNull());
  ASSERT_TRUE(root(r, 3).isSequence());
  EXPECT_EQ(root(r, 3).items.at(0).value, "c");
}

TEST(Document, SyntaxErrorInOneDocumentKeepsTheOthers) {
  ParseResult r = parseYaml("a: 1\n---\nb: \"unterminated\n  x: [\n---\nc: 3\n", "e.yaml");
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].rule, "parse-error");
  EXPECT_EQ(r.diagnostics[0].level, Level::Error);
  EXPECT_EQ(r.diagnostics[0].range.file(), "e.yaml");
  EXPECT_EQ(lineCol(r.diagnostics[0].range.begin), "4:7");
  EXPECT_EQ(r.diagnostics[0].message, "syntax error: unexpected end of document");
  bool sawA = false, sawC = false;
  for (const Document &doc : r.documents) {
    if (doc.root.get("a"))
      sawA = doc.root.get("a")->value == "1";
    if (doc.root.get("c"))
      sawC = doc.root.get("c")->value == "3" && doc.root.get("c")->range.begin.line == 6;
  }
  EXPECT_TRUE(sawA);
  EXPECT_TRUE(sawC);
}

TEST(Document, SyntaxErrorHasLocation) {
  ParseResult r = parseYaml("a: 1\nb: [1, 2\nc: 3\n", "e.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(lineCol(r.diagnostics[0].range.begin), "2:4");
  EXPECT_NE(r.diagnostics[0].message.find("syntax error"), std::string::npos);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(root(r).get("c")->value, "3"); // what parsed is kept
}

TEST(Document, AnchorsAliasesAndMergeKeys) {
  std::string text = "base: &b\n  x: 1\n  y: 2\n"
                     "other: &o {y: 20, w: 5}\n"
                     "derived:\n  <<: [*b, *o]\n  y: 3\n  z: 4\n"
                     "copy: *b\n";
  ParseResult r = parseYaml(text, "m.yaml");
  ASSERT_TRUE(r.diagnostics.empty());
  const Node *derived = root(r).get("derived");
  ASSERT_TRUE(derived && derived->isMapping());
  EXPECT_EQ(derived->get("x")->value, "1");
  EXPECT_EQ(derived->get("y")->value, "3"); // own keys win
  EXPECT_EQ(derived->get("w")->value, "5");
  EXPECT_EQ(derived->get("z")->value, "4");
  EXPECT_EQ(derived->get("<<"), nullptr);
  EXPECT_EQ(derived->entries.size(), 4u);
  // A merged or aliased value keeps the position where it is written.
  EXPECT_EQ(lineCol(derived->get("x")->range.begin), "2:6");
  const Node *copy = root(r).get("copy");
  ASSERT_TRUE(copy->isMapping());
  EXPECT_EQ(copy->get("y")->value, "2");
  // The first mapping in a merge list wins over later ones.
  ParseResult order = parseYaml("a: &a {k: a}\nb: &b {k: b}\nc:\n  <<: [*a, *b]\n", "o.yaml");
  EXPECT_EQ(root(order).get("c")->get("k")->value, "a");
}

TEST(Document, BadMergeAndUnknownAliasAreDiagnosed) {
  ParseResult r = parseYaml("a:\n  <<: scalar\nb: *nope\n", "m.yaml");
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(lineCol(r.diagnostics[0].range.begin), "2:7");
  EXPECT_NE(r.diagnostics[0].message.find("merge"), std::string::npos);
  EXPECT_EQ(lineCol(r.diagnostics[1].range.begin), "3:4");
  EXPECT_NE(r.diagnostics[1].message.find("*nope"), std::string::npos);
  EXPECT_TRUE(root(r).get("b")->isNull());
}

TEST(Document, AliasBombIsCutOffQuickly) {
  std::string text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i)
      text += std::string(i ? "," : "") + "*" + prev;
    text += "]\n";
    prev = c;
  }
  auto start = std::chrono::steady_clock::now();
  ParseResult r = parseYaml(text, "bomb.yaml");
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 2000);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "parse-error");
  EXPECT_NE(r.diagnostics[0].message.find("alias"), std::string::npos);
  EXPECT_EQ(r.diagnostics[0].range.begin.line, 5u); // the first alias past the budget
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(root(r).get("a")->items.size(), 9u);

  ParseLimits tight;
  tight.maxAliasExpansions = 3;
  ParseResult small = parseYaml("a: &a [1, 2]\nb: *a\nc: *a\n", "t.yaml", tight);
  ASSERT_EQ(small.diagnostics.size(), 1u);
  EXPECT_EQ(lineCol(small.diagnostics[0].range.begin), "3:4");
}

TEST(Document, DepthLimit) {
  std::string deep = "a: " + std::string(300, '[') + std::string(300, ']') + "\n";
  ParseResult r = parseYaml(deep, "d.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("depth"), std::string::npos);
  EXPECT_EQ(r.diagnostics[0].range.begin.line, 1u);

  std::string block;
  for (int i = 0; i < 20; ++i)
    block += std::string(i * 2, ' ') + "k" + std::to_string(i) + ":\n";
  ParseLimits limits;
  limits.maxDepth = 10;
  ParseResult b = parseYaml(block, "b.yaml", limits);
  ASSERT_EQ(b.diagnostics.size(), 1u);
  EXPECT_EQ(b.diagnostics[0].range.begin.line, 11u);

  ParseResult j = parseJson(std::string(300, '[') + std::string(300, ']'), "d.json");
  ASSERT_EQ(j.diagnostics.size(), 1u);
  EXPECT_NE(j.diagnostics[0].message.find("depth"), std::string::npos);
}

TEST(Document, DeepBlockNestingStopsBeforeTheScannerLimit) {
  // tree-sitter-yaml's scanner cannot serialise more than about 250 indentation levels.
  std::string deep;
  for (int i = 0; i < 400; ++i)
    deep += std::string(static_cast<size_t>(i) * 4, ' ') + "- - k:\n"; // three levels a line
  ParseResult r = parseYaml(deep + "after: 1\n", "deep.yaml");
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_NE(r.diagnostics[0].message.find("block nesting deeper than"), std::string::npos);
  EXPECT_GT(r.diagnostics[0].range.begin.line, 60u);
  EXPECT_LT(r.diagnostics[0].range.begin.line, 75u);

  std::string compact;
  for (int i = 0; i < 5000; ++i)
    compact += "- ";
  ParseResult c = parseYaml(compact + "x\n", "compact.yaml");
  ASSERT_FALSE(c.diagnostics.empty());
  EXPECT_EQ(c.diagnostics[0].range.begin.line, 1u);
}

TEST(Document, TagsAndCoreSchema) {
  ParseResult r = parseYaml("a: !!str 12\nb: !Ref name\nc: 12\nd: '12'\ne: null\nf:\ng: 0x1F\n"
                            "h: -1.5e3\ni: .inf\nj: True\nk: yes\nl: 1.2.3\nm: !!int '7'\n",
                            "t.yaml");
  ASSERT_TRUE(r.diagnostics.empty());
  const Node &m = root(r);
  EXPECT_EQ(m.get("a")->tag, "!!str");
  EXPECT_FALSE(m.get("a")->isPlainNonString());
  EXPECT_EQ(m.get("b")->tag, "!Ref");
  EXPECT_EQ(m.get("b")->value, "name");
  EXPECT_FALSE(m.get("b")->isPlainNonString());
  EXPECT_TRUE(m.get("c")->isPlainNonString());
  EXPECT_FALSE(m.get("d")->isPlainNonString());
  EXPECT_TRUE(m.get("e")->isScalar());
  EXPECT_TRUE(m.get("e")->isPlainNonString());
  EXPECT_TRUE(m.get("f")->isNull());
  EXPECT_EQ(lineCol(m.get("f")->range.begin), "6:3");
  EXPECT_TRUE(m.get("g")->isPlainNonString());
  EXPECT_TRUE(m.get("h")->isPlainNonString());
  EXPECT_TRUE(m.get("i")->isPlainNonString());
  EXPECT_TRUE(m.get("j")->isPlainNonString());
  EXPECT_FALSE(m.get("k")->isPlainNonString()); // YAML 1.1 boolean, a string in 1.2
  EXPECT_FALSE(m.get("l")->isPlainNonString());
  EXPECT_TRUE(m.get("m")->isPlainNonString());
}

TEST(Document, TagsOnCollectionsAndEmptyNodes) {
  ParseResult r = parseYaml("--- !shape\nitems: !!seq [a]\nempty: !!str\nnothing:\nseq:\n-\n- x\n", "t.yaml");
  ASSERT_TRUE(r.diagnostics.empty());
  const Node &m = root(r);
  EXPECT_EQ(m.tag, "!shape");
  EXPECT_EQ(m.get("items")->tag, "!!seq");
  EXPECT_TRUE(m.get("items")->isSequence());
  EXPECT_TRUE(m.get("empty")->isScalar());
  EXPECT_EQ(m.get("empty")->value, "");
  EXPECT_FALSE(m.get("empty")->isPlainNonString());
  EXPECT_TRUE(m.get("nothing")->isNull());
  EXPECT_TRUE(m.get("nothing")->isPlainNonString());
  ASSERT_EQ(m.get("seq")->items.size(), 2u);
  EXPECT_TRUE(m.get("seq")->items[0].isNull());
  EXPECT_EQ(m.get("seq")->items[0].range.begin.line, 6u);
}

TEST(Document, InvalidEscapeIsDiagnosed) {
  ParseResult r = parseYaml("a: \"ok\"\nb: \"bad \\q\"\n", "x.yaml");
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(lineCol(r.diagnostics[0].range.begin), "2:9");
  EXPECT_EQ(root(r).get("a")->value, "ok");
}

TEST(Document, SyntaxErrorPointsWhereTheParserGaveUp) {
  // tree-sitter wraps the well-formed start into the ERROR node; the report names line 4.
  ParseResult r = parseYaml("version: 1\ncontracts:\n  - provider: openai\n   clouds: [azure]\n", "p.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(lineCol(r.diagnostics[0].range.begin), "4:4");
  EXPECT_EQ(r.diagnostics[0].message, "syntax error: unexpected 'clouds: [azure]'");
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(root(r).get("version")->value, "1"); // the top-level pairs before the error survive
}

TEST(Document, JsonPositionsAndEscapes) {
  std::string text = "{\n  \"model\": \"gpt-4o\",\n  \"n\": [1, true, null],\n"
                     "  \"s\": \"a\\nb\\u00e9\\ud83d\\ude00c\"\n}\n";
  ParseResult r = parseJson(text, "x.json");
  ASSERT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.documents.size(), 1u);
  const Node &obj = root(r);
  ASSERT_TRUE(obj.isMapping());
  EXPECT_EQ(obj.get("model")->value, "gpt-4o");
  EXPECT_EQ(obj.get("model")->style, ScalarStyle::DoubleQuoted);
  EXPECT_EQ(lineCol(obj.get("model")->range.begin), "2:12");
  EXPECT_EQ(where(*obj.get("model"), "4o"), "2:17");
  const Node *n = obj.get("n");
  ASSERT_TRUE(n->isSequence());
  ASSERT_EQ(n->items.size(), 3u);
  EXPECT_TRUE(n->items[0].isPlainNonString());
  EXPECT_TRUE(n->items[2].isPlainNonString());
  EXPECT_EQ(lineCol(n->items[1].range.begin), "3:12");
  EXPECT_EQ(obj.get("s")->value, "a\nb\xc3\xa9\xf0\x9f\x98\x80"
                                 "c");
  EXPECT_EQ(where(*obj.get("s"), "c"), "4:31");

  ParseResult bad = parseJson("{\"a\": [1,, }", "bad.json");
  ASSERT_FALSE(bad.diagnostics.empty());
  EXPECT_EQ(bad.diagnostics[0].range.begin.line, 1u);
}

TEST(Document, EmbeddedYamlInBlockScalarMapsToOuterLines) {
  std::string text = "apiVersion: v1\n"
                     "kind: ConfigMap\n"
                     "data:\n"
                     "  config.yaml: |\n"
                     "    model_list:\n"
                     "      - model_name: gpt\n"
                     "        litellm_params:\n"
                     "          model: \"bedrock/openai.gpt-oss\"\n";
  ParseResult outer = parseYaml(text, "cm.yaml");
  ASSERT_TRUE(outer.diagnostics.empty());
  const Node *config = root(outer).get("data")->get("config.yaml");
  ParseResult inner = parseEmbedded(*config);
  ASSERT_TRUE(inner.diagnostics.empty());
  ASSERT_EQ(inner.documents.size(), 1u);
  const Node &list = *root(inner).get("model_list");
  ASSERT_TRUE(list.isSequence());
  const Node *model = list.items.at(0).get("litellm_params")->get("model");
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(model->value, "bedrock/openai.gpt-oss");
  EXPECT_EQ(model->range.file(), "cm.yaml");
  EXPECT_EQ(lineCol(model->range.begin), "8:18");
  EXPECT_EQ(lineCol(model->range.end), "8:42");
  EXPECT_EQ(where(*model, "openai"), "8:27");
  expectOffsetConsistent(text, model->locate(0));
  EXPECT_EQ(lineCol(list.items.at(0).get("model_name")->range.begin), "6:21");
}

TEST(Document, EmbeddedInDoubleQuotedScalarFollowsEscapes) {
  // The inner line break is the escape \n: "b" sits after it on the same outer line.
  std::string text = "cfg: \"a: 1\\nb: gpt-4o\"\n";
  ParseResult outer = parseYaml(text, "q.yaml");
  ASSERT_TRUE(outer.diagnostics.empty());
  ParseResult inner = parseEmbedded(*root(outer).get("cfg"));
  ASSERT_TRUE(inner.diagnostics.empty());
  const Node *b = root(inner).get("b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->value, "gpt-4o");
  EXPECT_EQ(lineCol(b->range.begin), "1:16");
  EXPECT_EQ(where(*b, "4o"), "1:20");
}

TEST(Document, EmbeddedJsonAndEmbeddedErrors) {
  std::string text = "data:\n  settings.json: |\n    {\n      \"endpoint\": \"https://x.openai.azure.com\"\n    }\n"
                     "  broken.yaml: |\n    a: [1,\n    b: 2\n";
  ParseResult outer = parseYaml(text, "cm.yaml");
  ASSERT_TRUE(outer.diagnostics.empty());
  ParseResult json = parseEmbedded(*root(outer).get("data")->get("settings.json"));
  ASSERT_TRUE(json.diagnostics.empty());
  const Node *endpoint = root(json).get("endpoint");
  ASSERT_NE(endpoint, nullptr);
  EXPECT_EQ(endpoint->style, ScalarStyle::DoubleQuoted);
  EXPECT_EQ(lineCol(endpoint->range.begin), "4:19");
  EXPECT_EQ(where(*endpoint, "openai"), "4:30");

  ParseResult broken = parseEmbedded(*root(outer).get("data")->get("broken.yaml"));
  ASSERT_FALSE(broken.diagnostics.empty());
  EXPECT_EQ(broken.diagnostics[0].range.file(), "cm.yaml");
  EXPECT_GE(broken.diagnostics[0].range.begin.line, 7u);
  EXPECT_GE(broken.diagnostics[0].range.begin.column, 5u);
}

TEST(Document, EmptyAndCommentOnlyInputs) {
  EXPECT_TRUE(parseYaml("", "e.yaml").documents.empty());
  EXPECT_TRUE(parseYaml("", "e.yaml").diagnostics.empty());
  ParseResult comments = parseYaml("# nothing\n", "c.yaml");
  EXPECT_TRUE(comments.diagnostics.empty());
  for (const Document &doc : comments.documents)
    EXPECT_TRUE(doc.root.isNull());
  ParseResult emptyValues = parseYaml("a:\nb: ''\nc: \"\"\n- \n", "v.yaml");
  (void)emptyValues; // must not crash, whatever it reports
}

TEST(Document, CrlfLineEndings) {
  std::string text = "a: 1\r\nb: |\r\n  x\r\n  y\r\nc: \"p\r\n  q\"\r\n";
  ParseResult r = parseYaml(text, "w.yaml");
  ASSERT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(root(r).get("b")->value, "x\ny\n");
  EXPECT_EQ(where(*root(r).get("b"), "y"), "4:3");
  EXPECT_EQ(root(r).get("c")->value, "p q");
}

/// Every node with its kind, value, tag, range, and the position of each byte of a scalar.
void renderTree(const Node &node, std::string &out) {
  out += "[" + std::to_string(static_cast<int>(node.kind)) + " " + lineCol(node.range.begin) + "-" +
         lineCol(node.range.end) + " " + node.tag + " '" + node.value + "'";
  for (size_t i = 0; i < node.value.size(); ++i)
    out += " " + lineCol(node.locate(i));
  for (const Node &item : node.items)
    renderTree(item, out);
  for (const auto &[key, value] : node.entries) {
    renderTree(key, out);
    renderTree(value, out);
  }
  out += "]";
}

std::string renderAll(const ParseResult &result) {
  std::string out;
  for (const Document &document : result.documents)
    renderTree(document.root, out);
  for (const Diagnostic &diagnostic : result.diagnostics)
    out += "\n" + lineCol(diagnostic.range.begin) + " " + diagnostic.message;
  return out;
}

TEST(Document, PlainScalarsLocateEveryByteWithoutRuns) {
  ParseResult r = parseYaml("key:   some plain value\n", "p.yaml");
  const Node *value = root(r).get("key");
  ASSERT_NE(value, nullptr);
  EXPECT_TRUE(value->offsets.empty()); // one run from the start: none stored
  EXPECT_EQ(where(*value, "plain"), "1:13");
  EXPECT_EQ(value->locate(4).offset, 11u);
  // Every byte of every scalar of a small stream, before and after: block scalars keep runs.
  ParseResult stream = parseYaml("a: x y\nb: |\n  one\n  two\nc: 'q''r'\n", "s.yaml");
  EXPECT_EQ(renderAll(stream), "[2 1:1-6:1  ''[1 1:1-1:2  'a' 1:1][1 1:4-1:7  'x y' 1:4 1:5 1:6][1 2:1-2:2  'b' 2:1]"
                               "[1 2:4-4:6  'one\ntwo\n' 3:3 3:4 3:5 3:6 4:3 4:4 4:5 4:6][1 5:1-5:2  'c' 5:1]"
                               "[1 5:4-5:10  'q'r' 5:5 5:6 5:8]]");
}

} // namespace
