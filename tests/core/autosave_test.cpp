#include "core/autosave.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/atomic_file.h"
#include "core/datasets.h"
#include "core/scene_io.h"

namespace ll {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class AutosaveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("losslab_autosave_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(AutosaveTest, SavesOnlyAfterAQuietPeriod) {
  Autosave a(dir_, 2s);
  EXPECT_FALSE(a.start().has_value());
  const Scene s = make_xor(3, 1);
  const auto t0 = Autosave::Clock::now();
  EXPECT_FALSE(a.poll(s, t0));  // nothing changed yet
  a.note_change(t0);
  EXPECT_FALSE(a.poll(s, t0 + 1s));
  EXPECT_FALSE(fs::exists(a.scene_path()));
  EXPECT_TRUE(a.poll(s, t0 + 2s));
  EXPECT_EQ(load_scene(a.scene_path()).scene, s);
  EXPECT_FALSE(a.poll(s, t0 + 5s));  // saved once per burst of changes
  EXPECT_TRUE(a.last_error().empty()) << a.last_error();
}

TEST_F(AutosaveTest, CleanExitOffersNoRestore) {
  {
    Autosave a(dir_);
    a.start();
    a.finish(default_scene());
  }
  Autosave b(dir_);
  EXPECT_FALSE(b.start().has_value());
}

TEST_F(AutosaveTest, AKilledSessionIsOfferedForRestore) {
  const Scene edited = make_blobs({4, 3, 0.2, 5});
  // What a killed session leaves: its autosave and a marker naming a process that is gone.
  pid_t child = ::fork();
  if (child == 0) _exit(0);
  ASSERT_GT(child, 0);
  int status = 0;
  ::waitpid(child, &status, 0);
  fs::create_directories(dir_);
  save_scene(edited, dir_ / "autosave.json");
  write_file_atomic(dir_ / "running.pid", std::to_string(child));

  Autosave a(dir_);
  const std::optional<Scene> restored = a.start();
  ASSERT_TRUE(restored.has_value()) << a.last_error();
  EXPECT_EQ(*restored, edited);
  EXPECT_TRUE(a.enabled());
  // Another LossLab that is still running (here: our parent process) owns the marker: a second
  // instance offers nothing and keeps its hands off the autosave and the marker.
  const std::string owner = std::to_string(::getppid());
  write_file_atomic(dir_ / "running.pid", owner);
  Autosave b(dir_);
  EXPECT_FALSE(b.start().has_value());
  EXPECT_FALSE(b.enabled());
  EXPECT_NE(b.last_error().find("another LossLab window"), std::string::npos);
  b.note_change(Autosave::Clock::now() - 10s);
  EXPECT_FALSE(b.poll(default_scene()));  // leaves the first instance's autosave alone
  b.finish(default_scene());
  EXPECT_EQ(read_file(dir_ / "running.pid", 64), owner);  // ...and its marker
  EXPECT_EQ(load_scene(a.scene_path()).scene, edited);
}

TEST_F(AutosaveTest, UnwritableFolderIsReportedNotThrown) {
  fs::create_directories(dir_);
  write_file_atomic(dir_ / "file", "x");
  Autosave a(dir_ / "file" / "sub");
  EXPECT_FALSE(a.start().has_value());
  EXPECT_NE(a.last_error().find("autosave is off"), std::string::npos);
  a.note_change(Autosave::Clock::now() - 10s);
  EXPECT_FALSE(a.poll(default_scene()));
  EXPECT_NE(a.last_error().find("autosave failed"), std::string::npos);
}

TEST(AutosaveDir, FollowsXdgStateHome) {
  ::setenv("XDG_STATE_HOME", "/tmp/xdg-state", 1);
  EXPECT_EQ(default_state_dir(), fs::path("/tmp/xdg-state/losslab"));
  ::unsetenv("XDG_STATE_HOME");
}

}  // namespace
}  // namespace ll
