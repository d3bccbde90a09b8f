// cxx::UnitCache: a unit is parsed again only when its command or a file it read changed, and a
// cached run gives exactly what an uncached run over the same inputs gives.
#include "Cxx/Cxx.h"

#include "TestDirectory.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace cloudpact;
namespace fs = std::filesystem;

namespace {

const std::string kSdk = std::string(CLOUDPACT_SOURCE_DIR) + "/test/Cxx/Inputs/sdk";

/// Every field of the facts, nested values included, one line per fact.
std::string render(const ValuePtr &value) {
  if (!value)
    return "null";
  std::string out = std::to_string(static_cast<int>(value->kind)) + "(" + value->text + " @" +
                    formatLoc(value->range.begin) + "-" + formatLoc(value->range.end) + " '" + value->phrase + "'";
  for (const auto &part : value->parts)
    out += " " + render(part);
  for (const auto &[key, field] : value->fields)
    out += " " + key + ":" + render(field);
  return out + ")";
}

std::string range(const SourceRange &r) { return formatLoc(r.begin) + "-" + formatLoc(r.end); }

std::string render(const Facts &facts) {
  std::string out;
  for (const auto &a : facts.assigns)
    out += "assign " + a.symbol + " = " + describe(*a.value) + " @ " + range(a.range) + " \"" + a.phrase + "\" " +
           a.origin + " " + a.originImage + " " + render(a.value) + "\n";
  for (const auto &a : facts.accesses)
    out += std::string("access ") + accessKindName(a.kind) + " " + a.api + " implied=" + a.impliedCloud +
           " model=" + render(a.model) + " endpoint=" + render(a.endpoint) + " region=" + render(a.region) +
           " provider=" + render(a.provider) + " cloud=" + render(a.cloud) + " @ " + range(a.range) +
           " subject=" + a.subject + " confidence=" + std::to_string(a.confidence) + " via=" + a.viaEnv + "\n";
  for (const auto &d : facts.diagnostics)
    out += range(d.range) + ": " + levelName(d.level) + ": " + d.message + " [" + d.rule + "]\n";
  return out;
}

class UnitCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    // Two units; a header each, a shared one, and a third-party header outside the scan.
    write("include/shared.h", R"cpp(#pragma once
#include <curl/curl.h>
inline const char *sharedModel() { return "openai.gpt-oss-20b-1:0"; }
)cpp");
    write("include/a.h", R"cpp(#pragma once
inline const char *aUrl() { return "https://a.example.com/v1/chat/completions"; }
)cpp");
    write("include/b.h", R"cpp(#pragma once
inline const char *bPath() { return "/openai/v1/chat/completions"; }
)cpp");
    write("a.cpp", R"cpp(#include "shared.h"
#include "a.h"
#include <stdlib.h>
int callA() {
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, aUrl());
  curl_easy_setopt(curl, CURLOPT_USERPWD, getenv("A_KEY"));
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, sharedModel());
  return curl_easy_perform(curl);
}
)cpp");
    write("b.cpp", R"cpp(#include "shared.h"
#include "b.h"
#include <vendor.h>
int callB() {
  CURL *curl = curl_easy_init();
#ifdef B_LOCAL
  curl_easy_setopt(curl, CURLOPT_URL, "http://localhost:8080/v1");
#else
  curl_easy_setopt(curl, CURLOPT_URL, vendorHost());
#endif
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, sharedModel());
  return curl_easy_perform(curl);
}
)cpp");
    // On disk only: found through -I third, never in the scanned files.
    writeDisk("third/vendor.h", R"cpp(#pragma once
inline const char *vendorHost() { return "https://bedrock-runtime.us-east-1.amazonaws.com"; }
)cpp");
    writeDatabase();
  }

  std::string path(const std::string &name) const { return (fs::path(dir_) / name).string(); }

  /// A scanned file: on disk and in the files given to analyze().
  void write(const std::string &name, const std::string &text) {
    writeDisk(name, text);
    scanned_[name] = text;
  }
  void writeDisk(const std::string &name, const std::string &text) {
    fs::create_directories(fs::path(path(name)).parent_path());
    std::ofstream(path(name)) << text;
  }

  void writeDatabase(const std::string &bExtra = "") {
    std::string commands = "[";
    for (const auto &[name, text] : scanned_) {
      if (fs::path(name).extension() != ".cpp")
        continue;
      if (commands.size() > 1)
        commands += ",";
      commands += R"({"directory": ")" + dir_ + R"(", "file": ")" + path(name) +
                  R"(", "arguments": ["clang++", "-std=c++17", "-I)" + kSdk + R"(", "-I)" + path("include") +
                  R"(", "-I)" + path("third") + "\"" + (name == "b.cpp" ? bExtra : std::string()) + R"(, "-c", ")" +
                  path(name) + R"("]})";
    }
    std::ofstream(path("compile_commands.json")) << commands << "]";
  }

  std::vector<SourceFile> sources() const {
    std::vector<SourceFile> out;
    for (const auto &[name, text] : scanned_) {
      auto shown = shownAs_.find(name);
      out.push_back(SourceFile{shown != shownAs_.end() ? shown->second : path(name), text});
    }
    return out;
  }

  std::string analyze(cxx::UnitCache *cache) const {
    std::vector<SourceFile> files = sources();
    std::vector<const SourceFile *> pointers;
    for (const auto &file : files)
      pointers.push_back(&file);
    cxx::Options options;
    options.buildDir = dir_;
    options.roots = {dir_};
    options.threads = 2;
    options.cache = cache;
    Facts facts;
    cxx::analyze(pointers, options, facts);
    return render(facts);
  }

  /// One cached run: checks it against an uncached run over the same inputs and returns its
  /// output; `parsed` and `reused` get what this run added to the cache's counts.
  std::string run(unsigned &parsed, unsigned &reused) {
    cxx::UnitCache::Stats before = cache_.stats();
    std::string cached = analyze(&cache_);
    parsed = cache_.stats().parsed - before.parsed;
    reused = cache_.stats().reused - before.reused;
    EXPECT_EQ(cached, analyze(nullptr)) << "a cached run differs from an uncached one";
    return cached;
  }

  static bool has(const std::string &output, const std::string &text) { return output.find(text) != std::string::npos; }

  cloudpact::unittest::TestDirectory directory_{"cloudpact-cxxcache"};
  std::string dir_ = directory_.string();
  std::map<std::string, std::string> scanned_;
  std::map<std::string, std::string> shownAs_; // display paths other than the absolute path
  cxx::UnitCache cache_;
};

TEST_F(UnitCacheTest, UnchangedUnitsAreReused) {
  unsigned parsed = 0, reused = 0;
  std::string first = run(parsed, reused);
  EXPECT_EQ(parsed, 2u);
  EXPECT_EQ(reused, 0u);
  // The inputs are what the extractor recognises: both calls, the getenv, the shared header.
  EXPECT_TRUE(has(first, "access call libcurl")) << first;
  EXPECT_TRUE(has(first, "a.cpp:9:10")) << first;
  EXPECT_TRUE(has(first, "b.cpp:12:10")) << first;
  EXPECT_TRUE(has(first, "env(A_KEY)")) << first;
  EXPECT_TRUE(has(first, "bedrock-runtime.us-east-1.amazonaws.com")) << first;

  std::string second = run(parsed, reused);
  EXPECT_EQ(parsed, 0u);
  EXPECT_EQ(reused, 2u);
  EXPECT_EQ(second, first);
  EXPECT_EQ(cache_.stats().parsed, 2u);
  EXPECT_EQ(cache_.stats().reused, 2u);
}

TEST_F(UnitCacheTest, AnEditedUnitAloneIsParsedAgain) {
  unsigned parsed = 0, reused = 0;
  run(parsed, reused);
  // An editor's buffer: the scanned text changes, the disk does not.
  std::string text = scanned_["a.cpp"];
  text.replace(text.find("A_KEY"), 5, "A_TOKEN");
  scanned_["a.cpp"] = text;
  std::string output = run(parsed, reused);
  EXPECT_EQ(parsed, 1u);
  EXPECT_EQ(reused, 1u);
  EXPECT_TRUE(has(output, "env(A_TOKEN)")) << output;
  EXPECT_FALSE(has(output, "env(A_KEY)")) << output;
}

TEST_F(UnitCacheTest, AHeaderOfOneUnitReparsesThatUnit) {
  unsigned parsed = 0, reused = 0;
  run(parsed, reused);
  write("include/a.h", R"cpp(#pragma once
inline const char *aUrl() { return "https://a2.example.com/v1/chat/completions"; }
)cpp");
  std::string output = run(parsed, reused);
  EXPECT_EQ(parsed, 1u);
  EXPECT_EQ(reused, 1u);
  EXPECT_TRUE(has(output, "a2.example.com")) << output;
}

TEST_F(UnitCacheTest, TheSharedHeaderReparsesBoth) {
  unsigned parsed = 0, reused = 0;
  run(parsed, reused);
  // Only the scanned text changes: the disk still has the old header.
  scanned_["include/shared.h"] = R"cpp(#pragma once
#include <curl/curl.h>
inline const char *sharedModel() { return "openai.gpt-oss-120b-1:0"; }
)cpp";
  std::string output = run(parsed, reused);
  EXPECT_EQ(parsed, 2u);
  EXPECT_EQ(reused, 0u);
  EXPECT_TRUE(has(output, "gpt-oss-120b")) << output;
  EXPECT_FALSE(has(output, "gpt-oss-20b")) << output;
}

TEST_F(UnitCacheTest, AHeaderOutsideTheScanIsCheckedOnDisk) {
  unsigned parsed = 0, reused = 0;
  run(parsed, reused);
  // Same size, new text, a later modification time: only the time tells.
  fs::path vendor = path("third/vendor.h");
  auto time = fs::last_write_time(vendor);
  writeDisk("third/vendor.h", R"cpp(#pragma once
inline const char *vendorHost() { return "https://bedrock-runtime.us-west-2.amazonaws.com"; }
)cpp");
  fs::last_write_time(vendor, time + std::chrono::seconds(2));
  std::string output = run(parsed, reused);
  EXPECT_EQ(parsed, 1u);
  EXPECT_EQ(reused, 1u);
  EXPECT_TRUE(has(output, "us-west-2")) << output;
  EXPECT_FALSE(has(output, "us-east-1")) << output;

  // And again with a new size and the time left as written.
  writeDisk("third/vendor.h", R"cpp(#pragma once
inline const char *vendorHost() { return "https://bedrock-runtime.eu-central-1.amazonaws.com"; }
)cpp");
  output = run(parsed, reused);
  EXPECT_EQ(parsed, 1u);
  EXPECT_EQ(reused, 1u);
  EXPECT_TRUE(has(output, "eu-central-1")) << output;
}

TEST_F(UnitCacheTest, ADeletedHeaderOutsideTheScanReparses) {
  unsigned parsed = 0, reused = 0;
  run(parsed, reused);
  fs::remove(path("third/vendor.h"));
  std::string output = run(parsed, reused);
  EXPECT_EQ(parsed, 1u);
  EXPECT_EQ(reused, 1u);
  EXPECT_TRUE(has(output, "Clang reported 2 errors in " + path("b.cpp") +
                              "; analysed what it recovered (first: 'vendor.h' file not found)"))
      << output;
  EXPECT_FALSE(has(output, "us-east-1")) << output;
}

TEST_F(UnitCacheTest, ANewCompileCommandReparsesItsUnit) {
  unsigned parsed = 0, reused = 0;
  run(parsed, reused);
  writeDatabase(R"(, "-DB_LOCAL")");
  std::string output = run(parsed, reused);
  EXPECT_EQ(parsed, 1u);
  EXPECT_EQ(reused, 1u);
  EXPECT_TRUE(has(output, "localhost:8080")) << output;
}

TEST_F(UnitCacheTest, AUnitNoLongerScannedIsForgotten) {
  unsigned parsed = 0, reused = 0;
  run(parsed, reused);
  std::string b = scanned_["b.cpp"];
  scanned_.erase("b.cpp");
  std::string output = run(parsed, reused);
  EXPECT_EQ(parsed, 0u);
  EXPECT_EQ(reused, 1u);
  EXPECT_FALSE(has(output, "b.cpp")) << output;
  EXPECT_FALSE(has(output, "vendorHost")) << output;
  EXPECT_TRUE(has(output, "a.cpp:9:10")) << output;
  // Scanned again: parsed again, its facts were dropped from the cache.
  scanned_["b.cpp"] = b;
  output = run(parsed, reused);
  EXPECT_EQ(parsed, 1u);
  EXPECT_EQ(reused, 1u);
  EXPECT_TRUE(has(output, "b.cpp:12:10")) << output;
}

TEST_F(UnitCacheTest, AUnitWithErrorsWaitsForItsMissingHeader) {
  write("c.cpp", R"cpp(#include "late.h"
const char *c() { return lateUrl(); }
)cpp");
  writeDatabase();
  unsigned parsed = 0, reused = 0;
  std::string first = run(parsed, reused);
  EXPECT_EQ(parsed, 3u);
  EXPECT_TRUE(has(first, "Clang reported 2 errors in " + path("c.cpp") + "; analysed what it recovered (first: 'late.h' file not found)")) << first;
  // Unchanged: the note comes from the cache, the same as before.
  std::string second = run(parsed, reused);
  EXPECT_EQ(parsed, 0u);
  EXPECT_EQ(reused, 3u);
  EXPECT_EQ(second, first);
  // The header appears: the unit with errors is parsed again, the others are not.
  write("include/late.h", R"cpp(#pragma once
inline const char *lateUrl() { return "https://late.example.com"; }
)cpp");
  std::string third = run(parsed, reused);
  EXPECT_EQ(parsed, 1u);
  EXPECT_EQ(reused, 2u);
  EXPECT_FALSE(has(third, "Clang reported")) << third;
  EXPECT_TRUE(has(third, "late.example.com")) << third;
}

TEST_F(UnitCacheTest, AFileShownUnderAnotherPathReparses) {
  unsigned parsed = 0, reused = 0;
  std::string first = run(parsed, reused);
  EXPECT_TRUE(has(first, path("include/a.h") + ":2:")) << first;
  // The same file and text, given under another display path: the facts must show it.
  std::string shown = dir_ + "/include/../include/a.h";
  shownAs_["include/a.h"] = shown;
  std::string output = run(parsed, reused);
  EXPECT_EQ(parsed, 1u);
  EXPECT_EQ(reused, 1u);
  EXPECT_TRUE(has(output, shown + ":2:")) << output;
}

} // namespace
