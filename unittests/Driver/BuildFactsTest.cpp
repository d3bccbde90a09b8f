// `cloudpact extract`'s command line: the compile command it wraps, split as a compilation
// database entry would hold it.
#include "Driver/BuildFacts.h"

#include <gtest/gtest.h>

using namespace cloudpact;

namespace {

TEST(BuildFacts, ParsesTheLauncherCommandLine) {
  ExtractCommand command;
  std::string error;
  ASSERT_TRUE(parseExtractArgs({"--facts-dir", "out", "--no-compile", "--", "clang++", "-c", "a.cpp"}, command, error));
  EXPECT_EQ(command.factsDir, "out");
  EXPECT_FALSE(command.compile);
  EXPECT_EQ(command.command, (std::vector<std::string>{"clang++", "-c", "a.cpp"}));

  ExtractCommand other;
  EXPECT_FALSE(parseExtractArgs({"--", "clang++", "a.cpp"}, other, error));
  EXPECT_EQ(error, "extract needs --facts-dir DIR");
  EXPECT_FALSE(parseExtractArgs({"--facts-dir=out"}, other, error));
  EXPECT_EQ(error, "extract needs the compile command after --");
  EXPECT_FALSE(parseExtractArgs({"--fast", "--", "clang++", "a.cpp"}, other, error));
  EXPECT_NE(error.find("unknown argument '--fast'"), std::string::npos) << error;
}

TEST(BuildFacts, SplitsSourcesFromFlags) {
  std::vector<std::string> sources, flags;
  splitCompileCommand({"/usr/bin/c++", "-DNDEBUG", "-I", "include", "-isystem", "/opt/sdk/include", "-std=c++20",
                       "-o", "CMakeFiles/chat.dir/src/chat.cpp.o", "-MF", "chat.d", "-c", "/repo/src/chat.cpp"},
                      sources, flags);
  EXPECT_EQ(sources, (std::vector<std::string>{"/repo/src/chat.cpp"}));
  EXPECT_EQ(flags, (std::vector<std::string>{"-DNDEBUG", "-I", "include", "-isystem", "/opt/sdk/include", "-std=c++20",
                                             "-MF", "chat.d"}));
  // A value that looks like a source after an option that takes one is not a source.
  sources.clear();
  flags.clear();
  splitCompileCommand({"g++", "-include", "pre.cc", "-x", "c++", "main.cc", "util.cxx"}, sources, flags);
  EXPECT_EQ(sources, (std::vector<std::string>{"main.cc", "util.cxx"}));
}

} // namespace
