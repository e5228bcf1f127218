#include "core/atomic_file.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

namespace ll {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("losslab_atomic_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(AtomicFile, WritesAndReplacesLeavingNoTemporaryFiles) {
  const fs::path p = dir_ / "a.txt";
  write_file_atomic(p, "first");
  EXPECT_EQ(read_file(p, 100), "first");
  write_file_atomic(p, "second, longer");
  EXPECT_EQ(read_file(p, 100), "second, longer");
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 1);
}

TEST_F(AtomicFile, FailureNamesThePathAndKeepsTheOldFile) {
  const fs::path p = dir_ / "missing-folder" / "a.txt";
  try {
    write_file_atomic(p, "x");
    ADD_FAILURE() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("missing-folder/a.txt"), std::string::npos) << e.what();
  }
  // Replacing a folder with a file fails and leaves the folder as it was.
  fs::create_directories(dir_ / "folder");
  EXPECT_THROW(write_file_atomic(dir_ / "folder", "x"), std::runtime_error);
  EXPECT_TRUE(fs::is_directory(dir_ / "folder"));
}

TEST_F(AtomicFile, ReadRefusesLargeFilesAndFolders) {
  write_file_atomic(dir_ / "big", std::string(1000, 'x'));
  EXPECT_THROW(read_file(dir_ / "big", 999), std::runtime_error);
  EXPECT_EQ(read_file(dir_ / "big", 1000).size(), 1000u);
  EXPECT_THROW(read_file(dir_, 1000), std::runtime_error);
}

}  // namespace
}  // namespace ll

namespace ll {
namespace {

TEST(AtomicFileTargets, WritesThroughSymlinksAndRefusesDevices) {
  const fs::path dir = fs::temp_directory_path() / ("losslab_atomic_link_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  write_file_atomic(dir / "real.json", "old");
  fs::create_symlink(dir / "real.json", dir / "link.json");
  write_file_atomic(dir / "link.json", "new");
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));  // the link survives
  EXPECT_EQ(read_file(dir / "real.json", 100), "new");
  try {
    write_file_atomic("/dev/null", "x");
    ADD_FAILURE() << "a device must not be replaced";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/dev/null: is not a regular file"), std::string::npos);
  }
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ll
