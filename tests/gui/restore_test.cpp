// Nothing is lost (issue 6): the real window under xvfb-run edits the scene through scripted
// input, is killed with SIGKILL once the autosave has caught up, and the next start offers the
// scene back; accepting it (Enter) gives exactly the scene a clean run of the same edits ends
// with, as one undoable edit. A clean exit leaves nothing to restore. Each run has its own state
// folder through LOSSLAB_STATE_DIR. Saving (Ctrl+S) never replaces another existing file without
// the user's yes. With CI=true, a missing xvfb-run fails instead of skipping.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

#include "core/scene_io.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

bool have_xvfb() { return std::system("command -v xvfb-run > /dev/null 2>&1") == 0; }

// Drag point 0 from (0.5, 0.4) to (0.6, 0.1), then click empty space at (-0.9, -0.9) to add a
// point of class 0: two undo entries, so two autosave triggers.
const char* const kEdits =
    "wait 3\n"
    "mouse 0.5 0.4\ndown\nmouse 0.55 0.25\nmouse 0.6 0.1\nup\nwait 1\n"
    "mouse -0.9 -0.9\nwait 1\ndown\nup\nwait 1\n";

class RestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_xvfb()) {
      if (in_ci()) FAIL() << "CI=true but xvfb-run is missing";
      GTEST_SKIP() << "xvfb-run is missing";
    }
    dir_ = fs::temp_directory_path() / ("losslab_restore_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!HasFailure() && !dir_.empty()) fs::remove_all(dir_);
  }

  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p;
  }
  std::string command(const fs::path& state, const fs::path& script, const fs::path& out,
                      const std::string& args = "") const {
    return "cd " + dir_.string() + " && xvfb-run -a -s '-screen 0 1280x800x24' env LOSSLAB_STATE_DIR=" + state.string() +
           " " LOSSLAB_BIN " " + args + " --script " + script.string() +
           " --save-scene-on-exit " + out.string() + " > " + (dir_ / "log.txt").string() + " 2>&1";
  }
  // Runs the window to the end of its script; returns the scene it saved on exit.
  ll::Scene run(const fs::path& state, const std::string& script, const std::string& name,
                const std::string& args = "") {
    const fs::path out = dir_ / (name + ".json");
    const std::string cmd = command(state, write(name + ".txt", script), out, args);
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd << "\n" << log();
    return ll::load_scene(out).scene;
  }
  std::string log() const {
    std::ifstream in(dir_ / "log.txt");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  fs::path dir_;
};

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<ll::Scene> try_load(const fs::path& p) {
  try {
    return ll::load_scene(p).scene;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// Polls `ok` every 50 ms for up to `limit`.
template <class F>
bool wait_for(F ok, std::chrono::seconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (ok()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return ok();
}

TEST_F(RestoreTest, ACleanExitOffersNoRestore) {
  const fs::path state = dir_ / "state";
  const ll::Scene edited = run(state, kEdits, "clean");
  ASSERT_EQ(edited.points.size(), ll::default_scene().points.size() + 1);
  EXPECT_FALSE(fs::exists(state / "running.pid")) << "a clean exit releases the marker";
  // The exit saved the scene too; Enter at the next start must not bring it back.
  const std::optional<ll::Scene> autosaved = try_load(state / "autosave.json");
  ASSERT_TRUE(autosaved.has_value());
  EXPECT_EQ(*autosaved, edited);
  const ll::Scene next = run(state, "wait 5\nkey enter\nwait 3\n", "next");
  EXPECT_EQ(next, ll::default_scene()) << "a restore was offered after a clean exit";
}

TEST_F(RestoreTest, AfterKill9TheEditedSceneIsRestored) {
  // The reference: what a clean run of the same edits ends with.
  const ll::Scene want = run(dir_ / "state_ref", kEdits, "reference");
  ASSERT_EQ(want.points.size(), ll::default_scene().points.size() + 1);
  ASSERT_FALSE(want == ll::default_scene());

  // The same edits, then the script sleeps (the window stays alive) until it is killed.
  const fs::path state = dir_ / "state";
  const fs::path script = write("edit_then_sleep.txt", std::string(kEdits) + "sleep 600\n");
  const std::string cmd = command(state, script, dir_ / "never.json");
  const pid_t shell = ::fork();
  ASSERT_GE(shell, 0);
  if (shell == 0) {
    ::setpgid(0, 0);  // its own group: a failed test can stop the whole run
    ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Wait until the autosave holds the edited scene (2 s after the last edit).
  const bool saved = wait_for(
      [&] {
        const auto s = try_load(state / "autosave.json");
        return s && *s == want;
      },
      90s);
  long pid = 0;
  std::ifstream(state / "running.pid") >> pid;
  if (pid > 0) ::kill(static_cast<pid_t>(pid), SIGKILL);
  else ::kill(-shell, SIGKILL);  // no marker: do not wait for the 600 s sleep
  int status = 0;
  ::waitpid(shell, &status, 0);  // xvfb-run returns once its client is gone
  ASSERT_TRUE(saved) << "the autosave never held the edited scene\n" << log();
  ASSERT_GT(pid, 0) << "no running.pid marker";
  ASSERT_TRUE(fs::exists(state / "running.pid")) << "SIGKILL leaves the marker behind";
  EXPECT_FALSE(fs::exists(dir_ / "never.json")) << "the window exited by itself";

  // Next start: the prompt is up; Enter restores. The restore is one undo entry.
  const ll::Scene end = run(state,
                            "wait 5\nkey enter\nwait 3\nsave " + (dir_ / "restored.json").string() +
                                "\nkey ctrl+z\nwait 2\nsave " + (dir_ / "undone.json").string() +
                                "\nkey ctrl+y\nwait 2\n",
                            "after_restore");
  EXPECT_EQ(ll::load_scene(dir_ / "restored.json").scene, want);
  EXPECT_EQ(ll::load_scene(dir_ / "undone.json").scene, ll::default_scene());
  EXPECT_EQ(end, want);
  EXPECT_FALSE(fs::exists(state / "running.pid"));
}

// The window starts with the path field on "scene.json" in its working folder (dir_), which
// already holds a file that is not the scene's document.
TEST_F(RestoreTest, SaveAsksBeforeReplacingAnotherFile) {
  const fs::path state = dir_ / "state";
  const fs::path other = dir_ / "scene.json";
  write("scene.json", "not mine: keep me\n");
  // Ctrl+S, then Escape at the "replace?" prompt: the file is untouched.
  run(state, "wait 3\nkey ctrl+s\nwait 3\nkey escape\nwait 2\n", "cancelled");
  EXPECT_EQ(read_text(other), "not mine: keep me\n");
  // Ctrl+S, then Enter (Replace): the scene is written.
  run(state, "wait 3\nkey ctrl+s\nwait 3\nkey enter\nwait 2\n", "replaced");
  const std::optional<ll::Scene> saved = try_load(other);
  ASSERT_TRUE(saved.has_value()) << read_text(other);
  EXPECT_EQ(*saved, ll::default_scene());
  // A scene opened from a file saves back to it without asking: an edit, Ctrl+S, no answer.
  const ll::Scene edited = run(state, std::string(kEdits) + "key ctrl+s\nwait 3\n", "own_file",
                               other.string());
  ASSERT_FALSE(edited == ll::default_scene());
  EXPECT_EQ(ll::load_scene(other).scene, edited);
  EXPECT_EQ(std::count_if(fs::directory_iterator(dir_), fs::directory_iterator(),
                          [](const fs::directory_entry& e) {
                            return e.path().filename().string().find(".tmp") != std::string::npos;
                          }),
            0)
      << "an atomic save left a temporary file";
}

// Autosave problems are reported in the status line, never fatal: a state "folder" that cannot
// be created (a path below a regular file) leaves the window working and exiting cleanly.
TEST_F(RestoreTest, AnUnusableStateFolderNeverStopsTheWindow) {
  write("not_a_folder", "x");
  const ll::Scene edited = run(dir_ / "not_a_folder" / "state", kEdits, "no_autosave");
  EXPECT_EQ(edited.points.size(), ll::default_scene().points.size() + 1);
  EXPECT_FALSE(fs::exists(dir_ / "not_a_folder" / "state"));
}

}  // namespace
