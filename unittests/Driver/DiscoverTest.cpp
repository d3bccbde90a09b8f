#include "Driver/Discover.h"

#include "TestDirectory.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace cloudpact;
namespace fs = std::filesystem;

namespace {

class DiscoverTest : public testing::Test {
protected:
  void write(const std::string &relative, const std::string &text) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  cloudpact::unittest::TestDirectory directory_{"cloudpact-discover"};
  fs::path root_ = directory_.path();
};

TEST_F(DiscoverTest, ClassifiesByNameAndSortsByPath) {
  write("b/main.tf", "x");
  write("a/deploy.yaml", "x");
  write("a/vars.tfvars.json", "{}");
  write("src/svc.cpp", "x");
  write("README.md", "x");
  write("package.json", "{}");
  std::vector<Diagnostic> diagnostics;
  auto files = discoverFiles(WalkOptions{{root_.string()}, true, 1024}, diagnostics);
  ASSERT_EQ(files.size(), 4u);
  EXPECT_EQ(fs::path(files[0].file.path).filename(), "deploy.yaml");
  EXPECT_EQ(files[0].kind, FileKind::Manifest);
  EXPECT_EQ(files[1].kind, FileKind::Terraform);
  EXPECT_EQ(files[2].kind, FileKind::Terraform);
  EXPECT_EQ(files[3].kind, FileKind::Cxx);
  EXPECT_TRUE(diagnostics.empty());
}

TEST_F(DiscoverTest, OversizeFilesAreErrorsAndNulBytesAreWarnings) {
  write(".terraform/modules/x/main.tf", "x");
  write("big.tf", std::string(2048, 'a'));
  write("bin.tf", std::string("a\n b\0c", 6));
  write("ok.tf", "x");
  std::vector<Diagnostic> diagnostics;
  auto files = discoverFiles(WalkOptions{{root_.string()}, true, 1024}, diagnostics);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(fs::path(files[0].file.path).filename(), "bin.tf");
  EXPECT_EQ(files[0].file.text, std::string("a\n b c")); // the NUL is read as a space
  EXPECT_EQ(fs::path(files[1].file.path).filename(), "ok.tf");
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].rule, "input-not-analysed");
  EXPECT_EQ(diagnostics[0].level, Level::Error);
  EXPECT_EQ(fs::path(diagnostics[0].range.file()).filename(), "big.tf");
  EXPECT_EQ(diagnostics[1].level, Level::Warning);
  EXPECT_EQ(diagnostics[1].range.begin.line, 2u);
  EXPECT_EQ(diagnostics[1].range.begin.column, 3u);
  EXPECT_EQ(diagnostics[1].message, "a NUL byte (read as a space); the file is analysed as text");
}

TEST_F(DiscoverTest, ByteOrderMarkIsDropped) {
  write("main.tf", "\xEF\xBB\xBFlocals {}\n");
  std::vector<Diagnostic> diagnostics;
  auto files = discoverFiles(WalkOptions{{root_.string()}, true, 1024}, diagnostics);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].file.text, "locals {}\n");
  EXPECT_TRUE(diagnostics.empty());
}

TEST_F(DiscoverTest, LinksOutOfTheTreeAndFifosAreRefusedWithErrors) {
  cloudpact::unittest::TestDirectory outside{"cloudpact-outside"};
  std::ofstream(outside.path() / "secret.tf") << "secret";
  write("repo/inside.tf", "x");
  fs::create_symlink(outside.path() / "secret.tf", root_ / "repo" / "out.tf");
  fs::create_symlink(root_ / "repo" / "inside.tf", root_ / "repo" / "alias.tf");
  fs::create_symlink("/proc/self/environ", root_ / "repo" / "env.tf");
  ASSERT_EQ(::mkfifo((root_ / "repo" / "pipe.tf").c_str(), 0600), 0);
  std::vector<Diagnostic> diagnostics;
  auto files = discoverFiles(WalkOptions{{(root_ / "repo").string()}, true, 1024}, diagnostics);
  ASSERT_EQ(files.size(), 2u); // alias.tf (a link inside the tree) and inside.tf
  for (const DiscoveredFile &file : files)
    EXPECT_EQ(file.file.text, "x");
  ASSERT_EQ(diagnostics.size(), 3u);
  std::vector<std::string> refused;
  for (const Diagnostic &d : diagnostics) {
    EXPECT_EQ(d.rule, "input-not-analysed");
    EXPECT_EQ(d.level, Level::Error);
    EXPECT_EQ(d.message.find("secret"), std::string::npos);
    refused.push_back(fs::path(d.range.file()).filename().string() + ": " + d.message);
  }
  EXPECT_EQ(refused[0], "env.tf: not analysed: the file leads into /proc, which is never read");
  EXPECT_EQ(refused[1], "out.tf: not analysed: the file is a symbolic link that leads outside the scanned tree");
  EXPECT_EQ(refused[2], "pipe.tf: not analysed: the file is a FIFO, not a regular file");
}

TEST_F(DiscoverTest, DoesNotFollowDirectorySymlinks) {
  write("sub/main.tf", "x");
  fs::create_directory_symlink(root_, root_ / "sub" / "loop");
  std::vector<Diagnostic> diagnostics;
  auto files = discoverFiles(WalkOptions{{root_.string()}, true, 1024}, diagnostics);
  EXPECT_EQ(files.size(), 1u);
}

TEST_F(DiscoverTest, MissingRootIsALocatedError) {
  std::vector<Diagnostic> diagnostics;
  auto files = discoverFiles(WalkOptions{{(root_ / "nope").string()}, true, 1024}, diagnostics);
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].rule, "parse-error");
}

} // namespace
