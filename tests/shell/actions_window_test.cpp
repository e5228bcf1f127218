// The action table in the real window (xvfb-run): script key names go through the table's
// chords, GLFW key codes and the shortcut loop; the R key draws from the one seeded generator,
// the same sequence AppState gives in-process. With CI=true, a missing xvfb-run fails.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/classifier/model/actions.h"
#include "app/classifier/model/app_state.h"
#include "core/optimizer.h"
#include "core/scene_io.h"

namespace {

namespace fs = std::filesystem;

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

bool have_xvfb() { return std::system("command -v xvfb-run > /dev/null 2>&1") == 0; }

class ActionsWindow : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_xvfb()) {
      if (in_ci()) FAIL() << "CI=true but xvfb-run is missing";
      GTEST_SKIP() << "xvfb-run is missing";
    }
    dir_ = fs::temp_directory_path() /
           ("losslab_actions_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  // Plays `script` in the window and returns the final scene.
  ll::Scene run(const std::string& name, const std::string& script, const std::string& flags = "") {
    const fs::path input = dir_ / (name + ".txt"), out = dir_ / (name + ".json");
    std::ofstream(input) << script;
    const std::string cmd = "env LOSSLAB_STATE_DIR=" + (dir_ / "state").string() +
                            " xvfb-run -a -s '-screen 0 1280x800x24' " LOSSLAB_BIN " --script " +
                            input.string() + flags + " --save-scene-on-exit " + out.string() +
                            " > " + (dir_ / (name + ".log")).string() + " 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    return ll::load_scene(out).scene;
  }
  fs::path dir_;
};

// The parameters the R key gives after `draws` presses from `seed`, in-process.
ll::Params expected(std::uint64_t seed, int draws) {
  ll::gui::AppState st;
  st.seed_randomizer(seed);
  ll::gui::ActionContext cx{st, {}};
  for (int i = 0; i < draws; ++i) ll::gui::run_action(cx, "randomize");
  return st.scene.params;
}

TEST_F(ActionsWindow, ScriptedOpenAndBackgroundSaveGoThroughTheWorkers) {
  ll::Scene blobs = ll::default_scene();
  blobs.points = {{0.25, 0.5, 1}, {-0.75, 0.125, 2}, {0.5, -0.5, 0}};
  blobs.params.W(0, 0) = 0.375;
  ll::save_scene(blobs, dir_ / "in.json");
  // Open on the worker, a few frames for it to land, then a background save of what is shown.
  const ll::Scene shown =
      run("open", "wait 2\nopen " + (dir_ / "in.json").string() + "\nwait 30\nsave_in_background " +
                      (dir_ / "bg.json").string() + "\nwait 30\n");
  EXPECT_EQ(shown.points, blobs.points);
  EXPECT_EQ(shown.params, blobs.params);
  ASSERT_TRUE(fs::exists(dir_ / "bg.json"));
  EXPECT_EQ(ll::load_scene(dir_ / "bg.json").scene.points, blobs.points);
}

TEST_F(ActionsWindow, RandomizeSeedOptionReplaysTheSameDraws) {
  // Two runs with --randomize-seed 9 draw the same parameters, those AppState gives from 9.
  const std::string script = "wait 3\nkey r\nwait 1\nkey r\nwait 2\n";
  const ll::Scene a = run("a", script, " --randomize-seed 9");
  const ll::Scene b = run("b", script, " --randomize-seed 9");
  EXPECT_TRUE(a.params.W.isApprox(expected(9, 2).W, 1e-12)) << a.params.W;
  EXPECT_EQ(a.params, b.params);
  EXPECT_FALSE(a.params == expected(10, 2));  // another seed, other draws
}

TEST_F(ActionsWindow, RKeyDrawsTheSeededSequenceAndCtrlKeysUndoAndRedoIt) {
  const ll::Scene start = ll::default_scene();
  const ll::Scene two = run("two", "wait 3\nseed 5\nkey r\nwait 1\nkey r\nwait 2\n");
  EXPECT_TRUE(two.params.W.isApprox(expected(5, 2).W, 1e-12)) << two.params.W;
  EXPECT_TRUE(two.params.b.isApprox(expected(5, 2).b, 1e-12));
  EXPECT_FALSE(two.params == start.params);
  // Ctrl+Z twice: back to the start; Ctrl+Shift+Z once: the first draw; Ctrl+Y: the second.
  const ll::Scene undone = run("undone",
                               "wait 3\nseed 5\nkey r\nwait 1\nkey r\nwait 1\nkey ctrl+z\nwait 1\n"
                               "key ctrl+z\nwait 1\nkey ctrl+shift+z\nwait 2\n");
  EXPECT_TRUE(undone.params.W.isApprox(expected(5, 1).W, 1e-12)) << undone.params.W;
  const ll::Scene redone = run("redone",
                               "wait 3\nseed 5\nkey r\nwait 1\nkey r\nwait 1\nkey ctrl+z\nwait 1\n"
                               "key ctrl+y\nwait 2\n");
  EXPECT_TRUE(redone.params.W.isApprox(expected(5, 2).W, 1e-12));
  // Another seed, another sequence.
  const ll::Scene other = run("other", "wait 3\nseed 6\nkey r\nwait 2\n");
  EXPECT_TRUE(other.params.W.isApprox(expected(6, 1).W, 1e-12));
  EXPECT_FALSE(other.params == two.params);
}

TEST_F(ActionsWindow, NumberKeysPickTheLossAndStepKeysTrain) {
  // 4: Softmax; → and S: one step each (the Step action, as core trains).
  const ll::Scene s = run("loss", "wait 3\nkey 4\nwait 1\nkey right\nwait 1\nkey s\nwait 2\n");
  EXPECT_EQ(s.loss.kind, ll::LossKind::Softmax);
  ll::Scene want = ll::default_scene();
  want.loss.kind = ll::LossKind::Softmax;
  ll::train(want, 2);
  EXPECT_TRUE(s.params.W.isApprox(want.params.W, 1e-9)) << s.params.W;
}

}  // namespace
