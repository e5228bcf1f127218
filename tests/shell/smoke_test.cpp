// Real-window smoke test: runs `losslab` under xvfb-run with scripted mouse input that drags
// one point and one class line, steps training and saves a screenshot; then checks the saved
// scenes and the PNG. With CI=true, a missing xvfb-run fails instead of skipping.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "core/optimizer.h"
#include "core/scene_io.h"

namespace {

namespace fs = std::filesystem;

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

bool have_xvfb() { return std::system("command -v xvfb-run > /dev/null 2>&1") == 0; }

TEST(WindowSmoke, DragPointAndLineThenTrainAndScreenshot) {
  if (!have_xvfb()) {
    if (in_ci()) FAIL() << "CI=true but xvfb-run is missing";
    GTEST_SKIP() << "xvfb-run is missing";
  }
  const fs::path dir = fs::temp_directory_path() / ("losslab_smoke_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path script = dir / "input.txt", mid = dir / "after_drags.json",
                 end = dir / "final.json", png = dir / "shot.png";
  {
    std::ofstream out(script);
    out << "wait 3\n"
           "# drag point 0 from (0.5, 0.4) to (0.6, 0.1)\n"
           "mouse 0.5 0.4\ndown\nmouse 0.55 0.25\nmouse 0.6 0.1\nup\nwait 1\n"
           "# drag the class-1 line (2x - 4y + 0.5 = 0) by (0, 0.1) from a point on it\n"
           "mouse -0.8 -0.275\nwait 1\ndown\nmouse -0.8 -0.225\nmouse -0.8 -0.175\nup\nwait 1\n"
           "save "
        << mid.string()
        << "\n"
           "step 5\nmouse_px 5 5\nwait 2\n";
  }
  const std::string cmd = "xvfb-run -a -s '-screen 0 1280x800x24' " LOSSLAB_BIN " --script " +
                          script.string() + " --frames 40 --screenshot " + png.string() +
                          " --save-scene-on-exit " + end.string() + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;

  const ll::Scene start = ll::default_scene();
  const ll::Scene a = ll::load_scene(mid).scene;
  ASSERT_EQ(a.points.size(), start.points.size());
  // ImGui floors mouse positions to whole pixels (~0.0027 world units here), so the drags are
  // exact to a pixel or two; the maths itself is checked exactly in drag_test.cpp.
  const double pix = 0.0027;
  EXPECT_NEAR(a.points[0].x0, 0.6, 2 * pix);
  EXPECT_NEAR(a.points[0].x1, 0.1, 2 * pix);
  EXPECT_EQ(a.points[0].label, 0);
  for (std::size_t i = 1; i < a.points.size(); ++i) EXPECT_EQ(a.points[i], start.points[i]);
  EXPECT_EQ(a.params.W, start.params.W);  // a line drag never touches W
  EXPECT_EQ(a.params.b(0), start.params.b(0));
  EXPECT_EQ(a.params.b(2), start.params.b(2));
  EXPECT_NEAR(a.params.b(1), 0.5 + 4.0 * 0.1, 4.0 * 2 * pix);  // b_1 - W_1 . (0, 0.1)

  // Five steps of gradient descent from there, exactly as core trains.
  ll::Scene want = a;
  ll::train(want, 5);
  const ll::Scene b = ll::load_scene(end).scene;
  EXPECT_TRUE(b.params.W.isApprox(want.params.W, 1e-9));
  EXPECT_TRUE(b.params.b.isApprox(want.params.b, 1e-9));
  EXPECT_FALSE(b.params == a.params);

  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
  ASSERT_NE(px, nullptr) << "cannot read " << png;
  EXPECT_EQ(w, 1280);
  EXPECT_EQ(h, 800);
  std::set<int> colours;
  int region_blue = 0;
  for (int i = 0; i < w * h; ++i) {
    const unsigned char* p = px + 3 * i;
    colours.insert(p[0] << 16 | p[1] << 8 | p[2]);
    // Class 0's light region colour (app/style/palette.h, kLightClasses[0].region).
    region_blue += p[0] == 29 && p[1] == 186 && p[2] == 238;
  }
  stbi_image_free(px);
  EXPECT_GT(colours.size(), 100u) << "the screenshot looks blank";
  EXPECT_GT(region_blue, 10000) << "no class-0 decision region in the screenshot";
  fs::remove_all(dir);
}

TEST(WindowSmoke, WithoutADisplayPrintsOneLineAndExits1) {
  const std::string cmd = "env -u DISPLAY -u WAYLAND_DISPLAY " LOSSLAB_BIN " --frames 1 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[512];
  while (fgets(buf, sizeof buf, p)) out += buf;
  const int status = pclose(p);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_NE(out.find("xvfb-run"), std::string::npos) << out;
  EXPECT_NE(out.find("losslab render"), std::string::npos) << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
}

}  // namespace

namespace {

// Arrow drag, Esc cancelling a drag, click-to-add, Delete and undo through the keyboard.
TEST(WindowSmoke, ArrowDragEscapeAddDeleteUndo) {
  if (!have_xvfb()) {
    if (in_ci()) FAIL() << "CI=true but xvfb-run is missing";
    GTEST_SKIP() << "xvfb-run is missing";
  }
  const fs::path dir = fs::temp_directory_path() / ("losslab_smoke2_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path script = dir / "input.txt", s1 = dir / "s1.json", s2 = dir / "s2.json",
                 s3 = dir / "s3.json", smid = dir / "mid_drag.json", end = dir / "final.json";
  // Class 2's arrow (W_2 = (3, -1), b_2 = -0.5) starts at the point of its line nearest the view
  // centre, p = 0.05 * (3, -1) = (0.15, -0.05), and ends at p + 0.1 W_2 = (0.45, -0.15).
  {
    std::ofstream out(script);
    out << "wait 3\n"
           "mouse 0.45 -0.15\nwait 1\ndown\nmouse 0.35 0.0\nmouse 0.15 0.25\nup\nwait 1\n"
           "save "
        << s1.string()
        << "\n"
           "# start dragging point 5, then Esc: nothing changes\n"
           "mouse -0.7 0.2\nwait 1\ndown\nmouse -0.5 0.0\nsave "
        << smid.string()
        << "\nkey escape\nmouse -0.45 0.0\nup\nwait 1\n"
           "save "
        << s2.string()
        << "\n"
           "# click on empty space adds a point of class 0 and selects it; Delete removes it\n"
           "mouse -0.9 -0.9\nwait 1\ndown\nup\nwait 1\nsave "
        << s3.string()
        << "\n"
           "key delete\nwait 1\n"
           "# undo the delete, the add, then the arrow drag\n"
           "key ctrl+z\nwait 1\nkey ctrl+z\nwait 1\nkey ctrl+z\nwait 2\n";
  }
  const std::string cmd = "xvfb-run -a -s '-screen 0 1280x800x24' " LOSSLAB_BIN " --script " +
                          script.string() + " --save-scene-on-exit " + end.string() + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  const ll::Scene start = ll::default_scene();
  const ll::Scene a = ll::load_scene(s1).scene;
  // The line turned about the pivot (0.15, -0.05): W_2 = (head - pivot) / 0.1 = (0, 3).
  const double pix = 0.0027;
  EXPECT_NEAR(a.params.W(2, 0), 0.0, 3 * pix / 0.1);
  EXPECT_NEAR(a.params.W(2, 1), 3.0, 3 * pix / 0.1);
  EXPECT_NEAR(a.params.W(2, 0) * 0.15 + a.params.W(2, 1) * -0.05 + a.params.b(2), 0.0, 1e-9);
  EXPECT_EQ(a.params.W.topRows(2), start.params.W.topRows(2));
  EXPECT_EQ(a.points, start.points);
  const ll::Scene m = ll::load_scene(smid).scene;
  EXPECT_NEAR(m.points[5].x0, -0.5, 2 * pix) << "the point drag did not start";
  const ll::Scene b = ll::load_scene(s2).scene;
  EXPECT_EQ(b.points, start.points) << "Esc must cancel the point drag";
  EXPECT_EQ(b.params, a.params);
  const ll::Scene c = ll::load_scene(s3).scene;
  ASSERT_EQ(c.points.size(), start.points.size() + 1);
  EXPECT_NEAR(c.points.back().x0, -0.9, 2 * pix);
  EXPECT_NEAR(c.points.back().x1, -0.9, 2 * pix);
  EXPECT_EQ(c.points.back().label, 0);
  const ll::Scene d = ll::load_scene(end).scene;
  EXPECT_EQ(d, start) << "three undos return to the start exactly";
  fs::remove_all(dir);
}

}  // namespace

namespace {

// Pixels of the minibatch ring colour (amber, 255 176 0) in a screenshot of `scene` after one
// training step.
int amber_after_one_step(const ll::Scene& scene, const fs::path& dir, const std::string& name) {
  const fs::path file = dir / (name + ".json"), script = dir / (name + ".txt"),
                 png = dir / (name + ".png");
  ll::save_scene(scene, file);
  std::ofstream(script) << "wait 2\nstep 1\nmouse_px 5 795\nwait 3\n";
  const std::string cmd = "xvfb-run -a -s '-screen 0 1280x800x24' " LOSSLAB_BIN " " +
                          file.string() + " --script " + script.string() +
                          " --frames 20 --screenshot " + png.string() + " 2>&1";
  if (std::system(cmd.c_str()) != 0) return -1;
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
  if (!px) return -1;
  int amber = 0;
  for (int i = 0; i < w * h; ++i) {
    const unsigned char* p = px + 3 * i;
    amber += p[0] == 255 && p[1] == 176 && p[2] == 0;
  }
  stbi_image_free(px);
  return amber;
}

}  // namespace

TEST(WindowSmoke, TheLastMinibatchIsRingedOnlyForMinibatchSteps) {
  if (!have_xvfb()) {
    if (in_ci()) FAIL() << "CI=true but xvfb-run is missing";
    GTEST_SKIP() << "xvfb-run is missing";
  }
  const fs::path dir = fs::temp_directory_path() / ("losslab_batch_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ll::Scene sgd = ll::default_scene();  // 9 points
  sgd.optimizer.kind = ll::OptimizerKind::SGD;
  sgd.optimizer.batch = 3;
  ll::Scene gd = sgd;
  gd.optimizer.kind = ll::OptimizerKind::GD;
  const int with_batch = amber_after_one_step(sgd, dir, "sgd");
  const int full = amber_after_one_step(gd, dir, "gd");
  ASSERT_GE(with_batch, 0);
  ASSERT_GE(full, 0);
  // Three rings of radius ~13.5 px and width 3 px: a few hundred pixels; none for full batches.
  EXPECT_GT(with_batch, 300);
  EXPECT_LT(with_batch, 1500);
  EXPECT_EQ(full, 0) << "rings without a minibatch";
  fs::remove_all(dir);
}
