#include "Driver/Discover.h"

#include "TestDirectory.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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

TEST_F(DiscoverTest, SkipsHiddenBinaryAndOversizeFilesWithNotes) {
  write(".terraform/modules/x/main.tf", "x");
  write("big.tf", std::string(2048, 'a'));
  write("bin.tf", std::string("a\0b", 3));
  write("ok.tf", "x");
  std::vector<Diagnostic> diagnostics;
  auto files = discoverFiles(WalkOptions{{root_.string()}, true, 1024}, diagnostics);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(fs::path(files[0].file.path).filename(), "ok.tf");
  ASSERT_EQ(diagnostics.size(), 2u);
  for (const Diagnostic &d : diagnostics)
    EXPECT_EQ(d.level, Level::Note);
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
