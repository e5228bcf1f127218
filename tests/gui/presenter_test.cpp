// Presenter mode in the real window (xvfb-run): a scripted click on the "Present" tab-bar button
// hides the side panels, so the right column of the screenshot shows the canvas's decision
// regions; without the click, or after "Leave", it shows the panels. With CI=true, a missing
// xvfb-run fails.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "app/export/palette.h"

namespace {

namespace fs = std::filesystem;

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

// Share of the pixels in the window's right column (x 1000..1270, y 120..620 of 1280 x 800) that
// have exactly one of the three light region colours of the default scene.
double region_share(const fs::path& png) {
  int w = 0, h = 0, n = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px(stbi_load(png.c_str(), &w, &h, &n, 3),
                                                     stbi_image_free);
  if (!px || w != 1280 || h != 800) return -1.0;
  int hits = 0, total = 0;
  for (int y = 120; y < 620; y += 4) {
    for (int x = 1000; x < 1270; x += 4) {
      const unsigned char* p = px.get() + (static_cast<std::size_t>(y) * w + x) * 3;
      ++total;
      for (int k = 0; k < 3; ++k) {
        const ll::palette::Rgb c = ll::palette::class_colors(k, ll::palette::Theme::Light,
                                                             ll::palette::Scheme::Demo).region;
        if (p[0] == c.r && p[1] == c.g && p[2] == c.b) {
          ++hits;
          break;
        }
      }
    }
  }
  return static_cast<double>(hits) / total;
}

class PresenterTest : public ::testing::Test {
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

  fs::path shot(const std::string& name, const std::string& script_text) {
    const fs::path script = dir_ / (name + ".txt"), png = dir_ / (name + ".png");
    std::ofstream(script) << script_text;
    const std::string cmd = "xvfb-run -a -s '-screen 0 1280x800x24' " LOSSLAB_BIN
                            " --ui-scale 1 --script " + script.string() +
                            " --frames 30 --screenshot " + png.string() + " 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    return png;
  }
  fs::path dir_;
};

TEST_F(PresenterTest, PresentButtonHidesThePanels) {
  // The window's panels: the right column is panel background and text, not regions.
  const double normal = region_share(shot("normal", "wait 3\nmouse_px 5 5\nwait 10\n"));
  ASSERT_GE(normal, 0.0) << "no 1280 x 800 screenshot";
  EXPECT_LT(normal, 0.05);
  // "Present" is the last tab-bar button (see layout.cpp); at --ui-scale 1 it spans about
  // x 452..508 of the 1280-wide window.
  const double present =
      region_share(shot("present", "wait 3\nmouse_px 478 18\nwait 1\ndown\nwait 1\nup\nwait 8\n"));
  ASSERT_GE(present, 0.0) << "no 1280 x 800 screenshot";
  EXPECT_GT(present, 0.7);
  // Its "Leave (F5)" button floats at the window's top-right corner: the panels come back.
  const double left = region_share(shot(
      "leave", "wait 3\nmouse_px 478 18\nwait 1\ndown\nwait 1\nup\nwait 4\n"
               "mouse_px 1190 46\nwait 1\ndown\nwait 1\nup\nmouse_px 5 5\nwait 8\n"));
  ASSERT_GE(left, 0.0) << "no 1280 x 800 screenshot";
  EXPECT_LT(left, 0.05);
}

}  // namespace
