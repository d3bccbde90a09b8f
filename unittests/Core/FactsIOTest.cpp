// Facts files: what a build writes per translation unit reads back as the same facts.
#include "Core/FactsIO.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace cloudpact;

namespace {

SourceRange at(const std::string &file, uint32_t line, uint32_t column, uint32_t length = 0) {
  SourceRange range{SourceLoc{file, line, column, line * 100 + column}, {}};
  if (length)
    range.end = SourceLoc{file, line, column + length, line * 100 + column + length};
  return range;
}

std::string render(const ValuePtr &value) { return value ? describe(*value) : "-"; }

std::string render(const Facts &facts) {
  std::string out;
  for (const Assign &a : facts.assigns)
    out += a.symbol + "=" + render(a.value) + "@" + formatLoc(a.range.begin) + "-" + formatLoc(a.range.end) + " " +
           a.phrase + " " + a.origin + " " + a.originImage + "\n";
  for (const ModelAccess &a : facts.accesses)
    out += std::string(accessKindName(a.kind)) + " " + a.api + " " + a.impliedCloud + " " + render(a.model) + " " +
           render(a.endpoint) + " " + render(a.region) + " " + render(a.provider) + " " + render(a.cloud) + " @" +
           formatLoc(a.range.begin) + " " + a.subject + " " + std::to_string(a.confidence) + " " + a.viaEnv + "\n";
  for (const Diagnostic &d : facts.diagnostics)
    out += std::string(levelName(d.level)) + " " + d.rule + " " + formatLoc(d.range.begin) + " " + d.message + "\n";
  for (const auto &[symbol, name] : facts.symbolNames)
    out += symbol + " is " + name + "\n";
  return out;
}

Facts sample() {
  Facts facts;
  ValuePtr url = makeConcat({makeLiteral("https://", at("/src/a.cpp", 3, 5, 8)), makeEnvRead("RESOURCE", at("/src/a.cpp", 4, 1), "read by std::getenv"),
                             makeLiteral(".openai.azure.com")},
                            at("/src/a.cpp", 3, 1, 40));
  facts.assigns.emplace_back("cxx:c:@F@main#@url", url, at("/src/a.cpp", 3, 1, 40), "value of url");
  facts.assigns.emplace_back("env:MODEL", makeChoice({makeLiteral("gpt-4o"), makeUnknown("not set")}), at("/k8s/d.yaml", 9, 3),
                             "env MODEL of Deployment shop/chat", "shop/Deployment/chat", "chat:1");
  facts.assigns.emplace_back("cxx:c:@F@f#@body",
                             makeMap({{"model", makeRef("env:MODEL")}, {"n", makeList({makeLiteral("1")})}}),
                             at("/src/a.cpp", 5, 1), "");
  ModelAccess access;
  access.kind = AccessKind::Call;
  access.api = "libcurl curl_easy_perform";
  access.model = makeGet(makeRef("cxx:c:@F@f#@body"), "model");
  access.endpoint = makeApply("trimspace", {makeRef("cxx:c:@F@main#@url")});
  access.range = at("/src/a.cpp", 7, 3, 20);
  access.subject = "main";
  access.confidence = 0.5;
  facts.accesses.push_back(access);
  ModelAccess hosting;
  hosting.kind = AccessKind::Hosting;
  hosting.api = "aws_bedrockagent_agent";
  hosting.impliedCloud = "aws";
  hosting.cloud = makeLiteral("aws");
  hosting.viaEnv = "OPENAI_BASE_URL";
  facts.accesses.push_back(hosting);
  facts.diagnostics.push_back(makeDiagnostic(Level::Note, "", at("/src/a.cpp", 1, 10), "Clang reported 1 error"));
  facts.symbolNames["cxx:c:@F@main#@url"] = "variable url of main";
  return facts;
}

TEST(FactsFile, RoundTrip) {
  Facts facts = sample();
  std::ostringstream text;
  writeFactsFile(text, facts);
  Facts back;
  std::string error;
  ASSERT_TRUE(readFactsFile(text.str(), back, error)) << error;
  EXPECT_EQ(render(back), render(facts));
  EXPECT_NE(render(back).find("https://"), std::string::npos);
}

TEST(FactsFile, PathsAreMappedOnRead) {
  std::ostringstream text;
  writeFactsFile(text, sample());
  Facts back;
  std::string error;
  ASSERT_TRUE(readFactsFile(text.str(), back, error, [](const std::string &path) {
    return path.rfind("/src/", 0) == 0 ? path.substr(1) : path;
  })) << error;
  EXPECT_EQ(back.assigns[0].range.file(), "src/a.cpp");
  EXPECT_EQ(back.assigns[0].value->parts[1]->range.file(), "src/a.cpp");
  EXPECT_EQ(back.assigns[1].range.file(), "/k8s/d.yaml");
  EXPECT_EQ(back.accesses[0].range.file(), "src/a.cpp");
}

TEST(FactsFile, BadFilesAreErrors) {
  Facts out;
  std::string error;
  EXPECT_FALSE(readFactsFile("{\"format\": \"other\"}", out, error));
  EXPECT_EQ(error, "not a cloudpact facts file");
  EXPECT_FALSE(readFactsFile("{\"format\": \"cloudpact-facts\", \"version\": 9}", out, error));
  EXPECT_EQ(error, "unsupported facts file version 9 (expected 1)");
  EXPECT_FALSE(readFactsFile("{\"format\": \"cloudpact-facts\", \"version\": 1, \"assigns\": [{\"symbol\": \"x\", "
                             "\"value\": {\"k\": \"bogus\"}, \"range\": null}], \"accesses\": [], \"diagnostics\": []}",
                             out, error));
  EXPECT_EQ(error, "unknown value kind 'bogus'");
  EXPECT_FALSE(readFactsFile("{not json", out, error));
  EXPECT_NE(error.find("parse error"), std::string::npos) << error;
  EXPECT_TRUE(out.assigns.empty()); // nothing half-read is kept
}

} // namespace
