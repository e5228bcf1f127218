// The presenter figure (`losslab render --view presenter`, `animate --view presenter`): the
// canvas part is the canvas figure of that size pixel for pixel, the column holds the loss
// plot, and an animation's frame is the still presenter figure of its step.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/cli/run_command.h"
#include "tests/video/media.h"

namespace ll {
namespace {

namespace fs = std::filesystem;
namespace media = test::media;

class PresenterCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(media::have("ffmpeg")) << "ffmpeg is missing: install it";
    dir_ = fs::temp_directory_path() /
           ("losslab_presenter_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string q(const std::string& name) const { return media::quote((dir_ / name).string()); }
  fs::path dir_;
};

// 960 x 540: Style scale 0.9, font 14.4 px, column 18 lines = 259.2 px, gap 7.2 px, so the
// canvas is 693.6 units wide and the plot starts at x = 700.8.
TEST_F(PresenterCli, TheCanvasPartIsTheCanvasFigureAndTheColumnHoldsTheLossPlot) {
  ASSERT_EQ(test::run_losslab("render --view presenter --steps 30 --width 960 --height 540 "
                              "--out " +
                              q("p.png"))
                .exit_code,
            0);
  ASSERT_EQ(test::run_losslab("render --view canvas --steps 30 --width 693.6 --height 540 "
                              "--out " +
                              q("c.png"))
                .exit_code,
            0);
  const auto p = media::decode_rgb(dir_ / "p.png");
  const auto c = media::decode_rgb(dir_ / "c.png");
  ASSERT_EQ(p.size(), std::size_t(960) * 540 * 3);
  ASSERT_GE(c.size(), std::size_t(693) * 540 * 3);
  const std::size_t cw = c.size() / (540 * 3);  // the canvas PNG's width in pixels
  long differ = 0;
  for (int y = 0; y < 540; ++y)
    for (int x = 0; x < 692; ++x)
      for (int ch = 0; ch < 3; ++ch)
        if (std::abs(int(p[(y * 960 + x) * 3 + ch]) - int(c[(y * cw + x) * 3 + ch])) > 2) ++differ;
  EXPECT_EQ(differ, 0);
  // The column: the light background, with the total-loss curve (near black) somewhere in it.
  long dark = 0, light = 0;
  for (int y = 0; y < 540; ++y)
    for (int x = 702; x < 960; ++x) {
      const std::uint8_t* px = &p[(y * 960 + x) * 3];
      if (px[0] < 60 && px[1] < 60 && px[2] < 60) ++dark;
      if (px[0] > 240 && px[1] > 240 && px[2] > 240) ++light;
    }
  EXPECT_GT(light, 258 * 540 / 2);  // mostly background
  EXPECT_GT(dark, 300);             // axes, ticks, text and the total-loss line
}

TEST_F(PresenterCli, AFrameOfTheAnimationIsTheStillPresenterOfItsStep) {
  const test::CommandResult r = test::run_losslab(
      "animate --view presenter --steps 8 --every 4 --fps 10 --size 320x180 --out " + q("a.gif"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["view"], "presenter");
  EXPECT_EQ(j["frames"], 3);  // steps 0, 4, 8
  for (const int steps : {4, 0}) {
    const test::CommandResult s = test::run_losslab(
        "render --view presenter --steps " + std::to_string(steps) +
        " --width 320 --height 180 --out " + q("s" + std::to_string(steps) + ".png"));
    ASSERT_EQ(s.exit_code, 0) << s.err;
  }
  const auto frame = media::decode_rgb(dir_ / "a.gif", 1);  // step 4
  const media::Difference same = media::compare(frame, media::decode_rgb(dir_ / "s4.png"), 40);
  const media::Difference other = media::compare(frame, media::decode_rgb(dir_ / "s0.png"), 40);
  EXPECT_GE(same.within, 0.98) << same.mean;
  EXPECT_LT(same.mean, 3.0);
  EXPECT_LT(same.mean, other.mean);
}

}  // namespace
}  // namespace ll
