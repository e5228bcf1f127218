#include "core/atomic_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

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
  const fs::path dir =
      fs::temp_directory_path() / ("losslab_atomic_link_" + std::to_string(::getpid()));
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

// Issue 9: permissions, leftovers of killed saves, what read_file opens.
namespace ll {
namespace {

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

TEST_F(AtomicFile, ReplacingKeepsThePermissionBitsANewFileGetsTheUmasks) {
  const mode_t umask_now = ::umask(022);  // read it (and set it back below)
  ::umask(umask_now);
  const fs::path p = dir_ / "scene.json";
  write_file_atomic(p, "new");
  EXPECT_EQ(mode_of(p), 0666 & ~umask_now);
  ASSERT_EQ(::chmod(p.c_str(), 0640), 0);
  write_file_atomic(p, "replaced");
  EXPECT_EQ(read_file(p, 100), "replaced");
  EXPECT_EQ(mode_of(p), 0640u);
  ASSERT_EQ(::chmod(p.c_str(), 0600), 0);
  write_file_atomic(p, "again");
  EXPECT_EQ(mode_of(p), 0600u);
}

TEST_F(AtomicFile, TemporaryFilesOfKilledSavesAreRemovedByTheNextSave) {
  const fs::path target = dir_ / "scene.json";
  write_file_atomic(target, "old");
  auto leftover = [&](const std::string& name, bool old) {
    const fs::path p = dir_ / name;
    std::ofstream(p) << "half a sce";
    if (old) fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::hours(1));
    return p;
  };
  const fs::path killed = leftover(".scene.json.tmp-Ab3xY9", true);
  const fs::path killed2 = leftover(".scene.json.tmp-000000", true);
  const fs::path fresh = leftover(".scene.json.tmp-fresh1", false);     // may be a save starting
  const fs::path live = leftover(".scene.json.tmp-live00", true);       // a save in progress
  const fs::path other = leftover(".other.json.tmp-Ab3xY9", true);      // another target's
  const fs::path not_ours = leftover(".scene.json.tmp-toolong", true);  // not our pattern
  const int live_fd = ::open(live.c_str(), O_RDONLY);
  ASSERT_GE(live_fd, 0);
  ASSERT_EQ(::flock(live_fd, LOCK_EX), 0);  // as the writing save holds it

  write_file_atomic(target, "new");
  EXPECT_EQ(read_file(target, 100), "new");
  EXPECT_FALSE(fs::exists(killed));
  EXPECT_FALSE(fs::exists(killed2));
  EXPECT_TRUE(fs::exists(fresh));
  EXPECT_TRUE(fs::exists(live));
  EXPECT_TRUE(fs::exists(other));
  EXPECT_TRUE(fs::exists(not_ours));
  ::close(live_fd);
  // The save's own temporary file is named after the target and gone once it is done.
  int temporaries = 0;
  for (const auto& e : fs::directory_iterator(dir_)) {
    temporaries += e.path().filename().string().rfind(".scene.json.tmp-", 0) == 0;
  }
  EXPECT_EQ(temporaries, 3);  // fresh, live and not_ours
}

TEST_F(AtomicFile, ReadOpensOnlyRegularFiles) {
  auto error = [](const fs::path& p) -> std::string {
    try {
      read_file(p, 1000);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "read";
  };
  const fs::path fifo = dir_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(error(fifo), fifo.string() + ": is not a regular file (a FIFO)");  // no writer: no wait
  EXPECT_EQ(error("/dev/null"), "/dev/null: is not a regular file (a character device)");
  EXPECT_EQ(error(dir_), dir_.string() + ": is not a regular file (a folder)");

  const fs::path sock = dir_ / "sock";
  const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(s, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(sock.string().size(), sizeof(addr.sun_path));
  std::strcpy(addr.sun_path, sock.c_str());
  ASSERT_EQ(::bind(s, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)), 0);
  EXPECT_EQ(error(sock), sock.string() + ": is not a regular file (a socket)");
  ::close(s);

  EXPECT_NE(error(dir_ / "missing").find("missing: cannot open: No such file"), std::string::npos);
  write_file_atomic(dir_ / "empty", "");
  EXPECT_EQ(read_file(dir_ / "empty", 0), "");
}

}  // namespace
}  // namespace ll
