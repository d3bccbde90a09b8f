#include "Terraform/Concrete.h"

#include <gtest/gtest.h>

using namespace cloudpact::terraform;

namespace {
CV call(const std::string &name, std::vector<CV> args) {
  ConcreteFunction fn = findConcrete(name);
  EXPECT_NE(fn, nullptr) << name;
  return fn ? fn(args) : CV::unknown("missing");
}
CV s(const char *text) { return CV::string(text); }
CV list(std::vector<CV> items) { return CV::list(std::move(items)); }
} // namespace

TEST(TerraformConcrete, FormatVerbs) {
  EXPECT_EQ(call("format", {s("%s-%03d-%q-%%-%v"), s("a"), s("7"), s("x\"y"), s("z")}).text, "a-007-\"x\\\"y\"-%-z");
  EXPECT_EQ(call("format", {s("%-4s|%5.2f"), s("ab"), s("3.14159")}).text, "ab  | 3.14");
  EXPECT_EQ(call("format", {s("%[2]s %[1]s"), s("a"), s("b")}).text, "b a");
  EXPECT_EQ(call("format", {s("%s %s"), s("only")}).kind, CV::Unknown);
}

TEST(TerraformConcrete, StringFunctions) {
  EXPECT_EQ(call("lower", {s("GPT-OSS")}).text, "gpt-oss");
  EXPECT_EQ(call("upper", {s("gpt")}).text, "GPT");
  EXPECT_EQ(call("trimprefix", {s("bedrock/openai.x"), s("bedrock/")}).text, "openai.x");
  EXPECT_EQ(call("trimsuffix", {s("a.azure.com"), s(".com")}).text, "a.azure");
  EXPECT_EQ(call("trimspace", {s("  x \n")}).text, "x");
  EXPECT_EQ(call("replace", {s("a-b-c"), s("-"), s("_")}).text, "a_b_c");
  EXPECT_EQ(call("replace", {s("gpt-4o-mini"), s("/(\\w+)-(\\w+)/"), s("$2.$1")}).text, "4o.gpt-mini");
  EXPECT_EQ(call("substr", {s("héllo"), s("1"), s("3")}).text, "éll");
}

TEST(TerraformConcrete, JoinAndSplit) {
  EXPECT_EQ(call("join", {s(","), list({s("a"), s("b")}), list({s("c")})}).text, "a,b,c");
  CV parts = call("split", {s("/"), s("openai/gpt-oss-20b")});
  ASSERT_EQ(parts.items.size(), 2u);
  EXPECT_EQ(parts.items[1].text, "gpt-oss-20b");
}

TEST(TerraformConcrete, RegexUsesRe2Syntax) {
  EXPECT_EQ(call("regex", {s("[a-z]+\\.(gpt-[^:]+)"), s("openai.gpt-oss-120b-1:0")}).items.at(0).text, "gpt-oss-120b-1");
  CV named = call("regex", {s("(?P<vendor>[a-z]+)\\.(?P<model>.+)"), s("meta.llama3")});
  ASSERT_NE(named.field("vendor"), nullptr);
  EXPECT_EQ(named.field("vendor")->text, "meta");
  EXPECT_EQ(call("regexall", {s("\\d"), s("a1b2")}).items.size(), 2u);
  EXPECT_EQ(call("regex", {s("x"), s("abc")}).kind, CV::Unknown); // no match is an error
}

TEST(TerraformConcrete, Collections) {
  CV m1 = CV::map({{"a", s("1")}, {"b", s("2")}});
  CV m2 = CV::map({{"b", s("3")}});
  CV merged = call("merge", {m1, m2});
  EXPECT_EQ(merged.field("b")->text, "3");
  EXPECT_EQ(call("lookup", {m1, s("z"), s("dflt")}).text, "dflt");
  EXPECT_EQ(call("lookup", {m1, s("z")}).kind, CV::Unknown);
  EXPECT_EQ(call("flatten", {list({list({s("a")}), s("b"), list({list({s("c")})})})}).items.size(), 3u);
  CV set = call("toset", {list({s("b"), s("a"), s("b")})});
  ASSERT_EQ(set.items.size(), 2u);
  EXPECT_EQ(set.items[0].text, "a");
  EXPECT_EQ(call("element", {list({s("a"), s("b")}), s("3")}).text, "b");
  EXPECT_EQ(call("keys", {m1}).items.at(1).text, "b");
  EXPECT_EQ(call("zipmap", {list({s("k")}), list({s("v")})}).field("k")->text, "v");
  EXPECT_EQ(call("coalesce", {CV::null(), s(""), s("x")}).text, "x");
  EXPECT_EQ(call("try", {CV::unknown("boom"), s("fallback")}).text, "fallback");
  EXPECT_EQ(call("length", {s("héllo")}).text, "5");
}

TEST(TerraformConcrete, EncodersMatchTerraform) {
  // Terraform's jsonencode escapes HTML characters like Go's encoding/json.
  EXPECT_EQ(jsonEncode(CV::map({{"b", s("<x>&")}, {"a", list({CV::number(1), CV::boolean(true), CV::null()})}})),
            "{\"a\":[1,true,null],\"b\":\"\\u003cx\\u003e\\u0026\"}");
  EXPECT_EQ(yamlEncode(CV::map({{"a", s("b")}, {"l", list({s("x"), CV::map({{"y", s("z")}})})}, {"m", CV::map({})}})),
            "\"a\": \"b\"\n\"l\":\n- \"x\"\n- \"y\": \"z\"\n\"m\": {}\n");
  CV decoded = jsonDecode("{\"model\": \"gpt-4o\", \"n\": 2, \"ok\": true}");
  EXPECT_EQ(decoded.field("model")->text, "gpt-4o");
  EXPECT_EQ(decoded.field("n")->kind, CV::Number);
  EXPECT_EQ(jsonDecode("{bad").kind, CV::Unknown);
  EXPECT_EQ(yamlDecode("a: [x, 1]\n").field("a")->items.at(0).text, "x");
}

TEST(TerraformConcrete, Operators) {
  EXPECT_EQ(call("$eq", {s("a"), s("a")}).text, "true");
  EXPECT_EQ(call("$and", {CV::boolean(true), CV::boolean(false)}).text, "false");
  EXPECT_EQ(call("$add", {s("2"), s("3")}).text, "5");
  EXPECT_EQ(call("$lt", {s("2"), s("10")}).text, "true");
}

TEST(TerraformConcrete, UnknownFunctionIsNotFound) { EXPECT_EQ(findConcrete("md5"), nullptr); }
