#include "Cxx/JsonBody.h"

#include <gtest/gtest.h>

using namespace cloudpact::cxx;

TEST(JsonBody, ParsesWithOffsets) {
  std::string text = R"({ "model": "gpt-4o", "n": 2, "messages": [{"role": "user"}], "ok": true })";
  JsonNode node;
  ASSERT_TRUE(parseJson(text, node));
  ASSERT_EQ(node.kind, JsonNode::Kind::Object);
  ASSERT_EQ(node.fields.size(), 4u);
  EXPECT_EQ(node.fields[0].key, "model");
  EXPECT_EQ(node.fields[0].value.text, "gpt-4o");
  EXPECT_EQ(text.substr(node.fields[0].value.offset, node.fields[0].value.length), "gpt-4o");
  EXPECT_EQ(node.fields[1].value.text, "2");
  EXPECT_EQ(node.fields[2].value.kind, JsonNode::Kind::Array);
  EXPECT_EQ(node.fields[2].value.items[0].fields[0].value.text, "user");
  EXPECT_EQ(node.fields[3].value.text, "true");
}

TEST(JsonBody, DecodesEscapes) {
  JsonNode node;
  ASSERT_TRUE(parseJson(R"({"a": "x\"y\u0041"})", node));
  EXPECT_EQ(node.fields[0].value.text, "x\"yA");
}

TEST(JsonBody, RejectsInvalidJson) {
  JsonNode node;
  EXPECT_FALSE(parseJson(R"({"model": "%s"})" "x", node));
  EXPECT_FALSE(parseJson(R"({"model": })", node));
  EXPECT_FALSE(parseJson(R"({"model" "x"})", node));
  EXPECT_FALSE(parseJson("", node));
  EXPECT_FALSE(parseJson(std::string(200, '['), node)); // too deep, not a crash
}

TEST(JsonBody, ScansConcatenatedObject) {
  // {"model": "<hole>", "stream": false, "messages": [{"model": "inner"}], "user": "u-" + <hole>}
  std::vector<BodyPiece> pieces = {
      {false, R"({"model": ")"},
      {true, {}},
      {false, R"(", "stream": false, "messages": [{"model": "inner"}], "user": "u-)"},
      {true, {}},
      {false, R"("})"},
  };
  std::vector<BodyField> fields;
  ASSERT_TRUE(scanConcatenatedJson(pieces, fields));
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].key, "model");
  ASSERT_EQ(fields[0].parts.size(), 1u);
  EXPECT_TRUE(fields[0].parts[0].hole);
  EXPECT_EQ(fields[0].parts[0].piece, 1u);
  EXPECT_EQ(fields[1].key, "user");
  ASSERT_EQ(fields[1].parts.size(), 2u);
  EXPECT_FALSE(fields[1].parts[0].hole);
  EXPECT_EQ(pieces[2].text.substr(fields[1].parts[0].offset, fields[1].parts[0].length), "u-");
  EXPECT_TRUE(fields[1].parts[1].hole);
}

TEST(JsonBody, ScansUnquotedHoleAndLiteralPieces) {
  std::vector<BodyPiece> pieces = {{false, R"({"model": )"}, {true, {}}, {false, R"(, "prompt": "hi"})"}};
  std::vector<BodyField> fields;
  ASSERT_TRUE(scanConcatenatedJson(pieces, fields));
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_TRUE(fields[0].parts[0].hole);
  EXPECT_EQ(fields[1].key, "prompt");
  EXPECT_EQ(pieces[2].text.substr(fields[1].parts[0].offset, fields[1].parts[0].length), "hi");
}

TEST(JsonBody, NotAnObject) {
  std::vector<BodyField> fields;
  EXPECT_FALSE(scanConcatenatedJson({{false, "https://"}, {true, {}}}, fields));
  EXPECT_FALSE(scanConcatenatedJson({{true, {}}, {false, "{}"}}, fields));
  EXPECT_FALSE(scanConcatenatedJson({}, fields));
}
