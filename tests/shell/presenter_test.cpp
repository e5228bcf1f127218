// Issue 5 in the real window (xvfb-run). Presenter mode: a scripted click on the "Present"
// tab-bar button hides the side panels, so the right column of the screenshot shows the canvas's
// decision regions; without the click, or after "Leave", it shows the panels. Export: the Export
// window's button writes losslab-001.png, a 2x re-render of the canvas with the argmax colours.
// With CI=true, a missing xvfb-run fails.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "app/style/style.h"
#include "core/losses.h"

namespace {

namespace fs = std::filesystem;

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

// Share of the pixels in columns x0..x1 (y 120..620) of a 1280 x 800 screenshot that have
// exactly one of the three light region colours of the default scene: canvas, not panels.
double region_share(const fs::path& png, int x0, int x1) {
  int w = 0, h = 0, n = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px(stbi_load(png.c_str(), &w, &h, &n, 3),
                                                     stbi_image_free);
  if (!px || w != 1280 || h != 800) return -1.0;
  int hits = 0, total = 0;
  for (int y = 120; y < 620; y += 4) {
    for (int x = x0; x < x1; x += 4) {
      const unsigned char* p = px.get() + (static_cast<std::size_t>(y) * w + x) * 3;
      ++total;
      for (int k = 0; k < 3; ++k) {
        const ll::palette::Rgb c =
            ll::palette::class_colors(k, ll::palette::Theme::Light, ll::palette::Scheme::Demo)
                .region;
        if (p[0] == c.r && p[1] == c.g && p[2] == c.b) {
          ++hits;
          break;
        }
      }
    }
  }
  return static_cast<double>(hits) / total;
}

class SlidesWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("command -v xvfb-run > /dev/null 2>&1") != 0) {
      if (in_ci()) FAIL() << "CI=true but xvfb-run is missing";
      GTEST_SKIP() << "xvfb-run is missing";
    }
    dir_ = fs::temp_directory_path() / ("losslab_presenter_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path shot(const std::string& name, const std::string& script_text,
                const std::string& env = "") {
    const fs::path script = dir_ / (name + ".txt"), png = dir_ / (name + ".png");
    std::ofstream(script) << script_text;
    const std::string cmd =
        env + "xvfb-run -a -s '-screen 0 1280x800x24' " LOSSLAB_BIN " --ui-scale 1 --script " +
        script.string() + " --frames 30 --screenshot " + png.string() + " 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    return png;
  }
  fs::path dir_;
};

TEST_F(SlidesWindowTest, PresentButtonHidesThePanels) {
  // The window's panels: the side panel (from x ~ 740) is panel background and text.
  const fs::path normal = shot("normal", "wait 3\nmouse_px 5 5\nwait 10\n");
  ASSERT_GE(region_share(normal, 1000, 1270), 0.0) << "no 1280 x 800 screenshot";
  EXPECT_LT(region_share(normal, 1000, 1270), 0.05);
  EXPECT_LT(region_share(normal, 760, 880), 0.05);
  // "Present" is the last tab-bar button (see layout.cpp); at --ui-scale 1 it spans about
  // x 562..617 of the 1280-wide window (after the Race and Images tabs). The canvas then takes all
  // but one column (15 lines of 28 px: x from ~850).
  const fs::path present =
      shot("present", "wait 3\nmouse_px 589 18\nwait 1\ndown\nwait 1\nup\nwait 8\n");
  EXPECT_GT(region_share(present, 700, 820), 0.9);
  EXPECT_LT(region_share(present, 1000, 1270), 0.05);  // the presenter column
  // The column's first row ends with "Leave (F5)" at its top right (x ~1150..1265, y ~16..46
  // at scale 1.75): the panels come back.
  const fs::path left = shot("leave",
                             "wait 3\nmouse_px 589 18\nwait 1\ndown\nwait 1\nup\nwait 4\n"
                             "mouse_px 1160 31\nwait 1\ndown\nwait 1\nup\nmouse_px 5 5\nwait 8\n");
  EXPECT_LT(region_share(left, 760, 880), 0.05);
}

TEST_F(SlidesWindowTest, ExportButtonWritesA2xPngOfTheCanvas) {
  const fs::path pictures = dir_ / "pictures";
  fs::create_directories(pictures);
  // Open the Export window (tab-bar button), press its Export button (2x PNG is the default).
  // At --ui-scale 1 in a 1280 x 800 window the window opens centred, with its Record section below:
  // Export at (489, 436).
  shot("export",
       "wait 3\nmouse_px 528 18\ndown\nwait 1\nup\nwait 2\n"
       "mouse_px 489 436\ndown\nwait 1\nup\nmouse_px 5 5\nwait 3\n",
       "XDG_PICTURES_DIR=" + pictures.string() + " ");
  const fs::path out = pictures / "losslab-001.png";
  ASSERT_TRUE(fs::exists(out));
  EXPECT_FALSE(fs::exists(pictures / "losslab-002.png"));
  int w = 0, h = 0, n = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px(stbi_load(out.c_str(), &w, &h, &n, 3),
                                                     stbi_image_free);
  ASSERT_TRUE(px);
  // Twice a canvas that fills most of the window's left side.
  EXPECT_EQ(w % 2, 0);
  EXPECT_EQ(h % 2, 0);
  EXPECT_GT(w, 1000);
  EXPECT_GT(h, 1200);
  // The default view: origin at the centre, [-1, 1] across the shorter side.
  const double ppu = std::min(w, h) / 2.0;
  const ll::Scene scene = ll::default_scene();
  // Off the grid lines (the export draws the window's grid too).
  const double probes[][2] = {{-0.85, 0.65}, {-0.55, -0.25}, {0.25, -0.85}, {0.85, 0.25}};
  int seen = 0;
  for (const auto& p : probes) {
    double s[ll::kMaxClasses];
    ll::point_scores(scene.params, ll::Point{p[0], p[1], 0}, s);
    const int k = ll::argmax(s, scene.classes());
    seen |= 1 << k;
    const int x = static_cast<int>(w / 2.0 + p[0] * ppu),
              y = static_cast<int>(h / 2.0 - p[1] * ppu);
    const unsigned char* c = px.get() + (static_cast<std::size_t>(y) * w + x) * 3;
    const ll::palette::Rgb want =
        ll::palette::class_colors(k, ll::palette::Theme::Light, ll::palette::Scheme::Demo).region;
    EXPECT_NEAR(c[0], want.r, 2) << "world (" << p[0] << ", " << p[1] << ")";
    EXPECT_NEAR(c[1], want.g, 2) << "world (" << p[0] << ", " << p[1] << ")";
    EXPECT_NEAR(c[2], want.b, 2) << "world (" << p[0] << ", " << p[1] << ")";
  }
  EXPECT_EQ(seen, 7);  // all three classes probed
}

}  // namespace
