#include "Core/InputFile.h"

#include "TestDirectory.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace cloudpact;

namespace {

class InputFileTest : public ::testing::Test {
protected:
  std::string write(const std::string &name, const std::string &text) {
    std::string path = (dir.path() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  unittest::TestDirectory dir{"cloudpact-input-file"};
};

TEST_F(InputFileTest, ReadsARegularFileWithinItsLimit) {
  std::string path = write("policy.yaml", "contracts: []\n"), text, error;
  ASSERT_TRUE(readInputFile(path, 100, text, error)) << error;
  EXPECT_EQ(text, "contracts: []\n");
  EXPECT_EQ(inputFileProblem(path, 100), "");
}

TEST_F(InputFileTest, RefusesAFileOverItsLimit) {
  std::string path = write("big.json", std::string(2048, 'x')), text, error;
  EXPECT_FALSE(readInputFile(path, 1024, text, error));
  EXPECT_EQ(error, path + ": 2 KiB, more than the limit of 1 KiB");
  EXPECT_EQ(inputFileProblem(path, 1024), "2 KiB, more than the limit of 1 KiB");
}

TEST_F(InputFileTest, RefusesAFifoWithoutBlocking) {
  std::string path = (dir.path() / "fifo").string(), text, error;
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  // Nobody writes to it: a plain open would wait for a writer for ever.
  EXPECT_FALSE(readInputFile(path, 1024, text, error));
  EXPECT_EQ(error, path + ": not a regular file (a FIFO)");
  EXPECT_EQ(inputFileProblem(path, 1024), "not a regular file (a FIFO)");
}

TEST_F(InputFileTest, RefusesDevicesAndDirectories) {
  std::string text, error;
  EXPECT_FALSE(readInputFile("/dev/zero", 1024, text, error));
  EXPECT_EQ(error, "/dev/zero: not a regular file (a character device)");
  EXPECT_EQ(inputFileProblem(dir.path().string(), 1024), "not a regular file (a directory)");
  EXPECT_EQ(inputFileProblem((dir.path() / "missing").string(), 1024), "No such file or directory");
}

TEST_F(InputFileTest, StreamsAreReadUpToTheLimit) {
  std::istringstream small("abc"), large(std::string(5000, 'z'));
  std::string text;
  EXPECT_TRUE(readInputStream(small, 3, text));
  EXPECT_EQ(text, "abc");
  EXPECT_FALSE(readInputStream(large, 4096, text));
  EXPECT_EQ(text.size(), 4096u);
}

TEST(FormatByteSizeTest, StatesLimitsInTheirUnit) {
  EXPECT_EQ(formatByteSize(8u << 20), "8 MiB");
  EXPECT_EQ(formatByteSize((8u << 20) + (1u << 19)), "8704 KiB");
  EXPECT_EQ(formatByteSize((64u << 20) + 1), "67108865 bytes");
  EXPECT_EQ(formatByteSize(2048), "2 KiB");
  EXPECT_EQ(formatByteSize(1), "1 byte");
  EXPECT_EQ(formatByteSize(1000), "1000 bytes");
}

} // namespace
