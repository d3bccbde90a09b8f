#include "Core/SourceFile.h"

#include "TestDirectory.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace cloudpact;
namespace fs = std::filesystem;

namespace {

class ReadRootsTest : public testing::Test {
protected:
  void SetUp() override {
    fs::create_directories(repo_ / "sub");
    std::ofstream(repo_ / "sub" / "a.txt") << "inside";
    std::ofstream(outside_.path() / "secret.txt") << "MARKER";
  }
  std::string read(const fs::path &path, ReadOutcome &outcome, size_t maxBytes = kMaxInputBytes) {
    std::string text;
    outcome = ReadRoots({repo_.string()}).read(path.string(), text, maxBytes);
    return text;
  }
  cloudpact::unittest::TestDirectory directory_{"cloudpact-readroots"};
  cloudpact::unittest::TestDirectory outside_{"cloudpact-outside"};
  fs::path repo_ = directory_.path() / "repo";
};

TEST_F(ReadRootsTest, ReadsRegularFilesInsideTheRoots) {
  ReadOutcome outcome;
  EXPECT_EQ(read(repo_ / "sub" / "a.txt", outcome), "inside");
  EXPECT_TRUE(outcome.ok());
  fs::create_symlink("sub/a.txt", repo_ / "link.txt");
  EXPECT_EQ(read(repo_ / "link.txt", outcome), "inside");
  EXPECT_TRUE(outcome.ok());
}

TEST_F(ReadRootsTest, RefusesWhatLeadsOutside) {
  fs::create_symlink(outside_.path() / "secret.txt", repo_ / "out.txt");
  fs::create_directory_symlink(outside_.path(), repo_ / "outdir");
  fs::create_symlink("/proc/self/environ", repo_ / "env.txt");
  ReadOutcome outcome;
  for (const fs::path &path : {repo_ / "out.txt", repo_ / "outdir" / "secret.txt", repo_ / "sub" / ".." / ".." / ".." /
                                                                                   outside_.path().filename() / "secret.txt"}) {
    EXPECT_EQ(read(path, outcome), "") << path;
    EXPECT_EQ(outcome.refusal, ReadRefusal::OutsideRoots) << path;
  }
  EXPECT_EQ(read(repo_ / "env.txt", outcome), "");
  EXPECT_EQ(outcome.refusal, ReadRefusal::SystemPath);
  EXPECT_EQ(outcome.reason, "leads into /proc, which is never read");
}

TEST_F(ReadRootsTest, SystemTreesAreRefusedEvenAsARoot) {
  std::string text;
  ReadOutcome outcome = ReadRoots({"/"}).read("/proc/self/environ", text);
  EXPECT_EQ(outcome.refusal, ReadRefusal::SystemPath);
  EXPECT_EQ(ReadRoots({"/"}).read("/dev/zero", text).refusal, ReadRefusal::SystemPath);
  EXPECT_TRUE(text.empty());
}

TEST_F(ReadRootsTest, RefusesFifosDirectoriesAndOversizeFiles) {
  ASSERT_EQ(::mkfifo((repo_ / "pipe").c_str(), 0600), 0);
  ReadOutcome outcome;
  read(repo_ / "pipe", outcome); // must not block
  EXPECT_EQ(outcome.refusal, ReadRefusal::NotRegular);
  EXPECT_EQ(outcome.reason, "is a FIFO, not a regular file");
  read(repo_ / "sub", outcome);
  EXPECT_EQ(outcome.reason, "is a directory, not a regular file");
  read(repo_ / "sub" / "a.txt", outcome, 3);
  EXPECT_EQ(outcome.refusal, ReadRefusal::TooLarge);
  read(repo_ / "none.txt", outcome);
  EXPECT_EQ(outcome.refusal, ReadRefusal::Missing);
  EXPECT_TRUE(ReadRoots({repo_.string()}).check((repo_ / "sub").string(), true).ok());
  EXPECT_FALSE(ReadRoots().check((repo_ / "sub" / "a.txt").string()).ok()); // no roots, nothing admitted
}

TEST_F(ReadRootsTest, AFileRootAdmitsItsDirectory) {
  std::ofstream(repo_ / "sub" / "b.txt") << "b";
  std::string text;
  EXPECT_TRUE(ReadRoots({(repo_ / "sub" / "a.txt").string()}).read((repo_ / "sub" / "b.txt").string(), text).ok());
  EXPECT_EQ(text, "b");
}

TEST_F(ReadRootsTest, DropsAByteOrderMark) {
  std::ofstream(repo_ / "bom.yaml") << "\xEF\xBB\xBFkind: x\n";
  ReadOutcome outcome;
  EXPECT_EQ(read(repo_ / "bom.yaml", outcome), "kind: x\n");
}

TEST(EncodingProblem, FindsTheFirstNulOrInvalidByteWithItsPosition) {
  EXPECT_FALSE(findEncodingProblem("plain\ntext \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n"));
  auto nul = findEncodingProblem(std::string_view("ab\ncd\0e", 7));
  ASSERT_TRUE(nul);
  EXPECT_EQ(nul->what, "a NUL byte");
  EXPECT_EQ(nul->offset, 5u);
  EXPECT_EQ(nul->line, 2u);
  EXPECT_EQ(nul->column, 3u);
  for (std::string_view bad : {"x\xFF", "x\xC0\xAF", "x\xED\xA0\x80", "x\xF4\x90\x80\x80", "x\xE2\x82"}) {
    auto problem = findEncodingProblem(bad);
    ASSERT_TRUE(problem) << bad;
    EXPECT_EQ(problem->what, "invalid UTF-8");
    EXPECT_EQ(problem->column, 2u);
  }
}

} // namespace
