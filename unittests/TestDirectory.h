#pragma once
// A fresh directory for one test.

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace cloudpact::unittest {

/// A new, empty directory under the system's temporary directory, removed with the object.
/// Unique per object (mkdtemp), so tests of one binary or of parallel runs never share one.
class TestDirectory {
public:
  explicit TestDirectory(std::string_view prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / prefix).string() + "-XXXXXX";
    if (!::mkdtemp(pattern.data()))
      throw std::runtime_error("cannot create a test directory from " + pattern);
    path_ = pattern;
  }
  ~TestDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TestDirectory(const TestDirectory &) = delete;
  TestDirectory &operator=(const TestDirectory &) = delete;

  const std::filesystem::path &path() const { return path_; }
  std::string string() const { return path_.generic_string(); }

private:
  std::filesystem::path path_;
};

} // namespace cloudpact::unittest
