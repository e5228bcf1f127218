// `losslab animate` end to end: the JSON it prints, files that ffprobe reads with the frames,
// size and duration asked for, a frame that matches `losslab render` of the same step, and one
// line (exit status 2, no file) for an unknown view, a bad size, a missing folder or a full disk;
// the presenter figure's canvas part is the canvas figure of that size pixel for pixel.
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

class AnimateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(media::have("ffprobe")) << "ffprobe is missing: install ffmpeg";
    dir_ = media::fresh_test_dir("losslab_animate");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string q(const std::string& name) const { return media::quote((dir_ / name).string()); }
  bool empty() const { return fs::is_empty(dir_); }
  fs::path dir_;
};

TEST_F(AnimateCli, GifFrameIsTheStillRenderOfItsStep) {
  const test::CommandResult r =
      test::run_losslab("animate --steps 9 --every 3 --fps 10 --size 200x150 --out " + q("a.gif"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["frames"], 4);  // steps 0, 3, 6, 9
  EXPECT_EQ(j["format"], "gif");
  EXPECT_EQ(j["view"], "canvas");
  EXPECT_EQ(j["status"], "ok");
  EXPECT_DOUBLE_EQ(j["duration"].get<double>(), 0.4);
  const media::Probe p = media::probe(dir_ / "a.gif");
  EXPECT_EQ(p.codec, "gif");
  EXPECT_EQ(p.frames, 4);
  EXPECT_EQ(p.width, 200);
  EXPECT_EQ(p.height, 150);
  EXPECT_NEAR(p.duration, 0.4, 1e-3);
  EXPECT_EQ(j["bytes"], fs::file_size(dir_ / "a.gif"));

  for (const int steps : {6, 0}) {
    const std::string png = "s" + std::to_string(steps) + ".png";
    const test::CommandResult s = test::run_losslab("render --steps " + std::to_string(steps) +
                                                    " --width 200 --height 150 --out " + q(png));
    ASSERT_EQ(s.exit_code, 0) << s.err;
  }
  const auto frame = media::decode_rgb(dir_ / "a.gif", 2);  // step 6
  const media::Difference same = media::compare(frame, media::decode_rgb(dir_ / "s6.png"), 40);
  const media::Difference other = media::compare(frame, media::decode_rgb(dir_ / "s0.png"), 40);
  EXPECT_GE(same.within, 0.98) << same.mean;
  EXPECT_LT(same.mean, 3.0);
  EXPECT_LT(same.mean, other.mean);
}

TEST_F(AnimateCli, Mp4AndWebmHaveTheFramesAndDurationAsked) {
  for (const std::string ext : {"mp4", "webm"}) {
    const std::string out = "v." + ext;
    const test::CommandResult r = test::run_losslab(
        "animate --steps 20 --every 2 --fps 20 --size 96x64 --view lossplot --out " + q(out));
    ASSERT_EQ(r.exit_code, 0) << ext << ": " << r.err;
    const media::Probe p = media::probe(dir_ / out);
    EXPECT_EQ(p.codec, ext == "mp4" ? "h264" : "vp9");
    EXPECT_EQ(p.pix_fmt, "yuv420p");
    EXPECT_EQ(p.frames, 11) << ext;
    EXPECT_EQ(p.frame_rate, "20/1");
    EXPECT_NEAR(p.duration, 0.55, 1e-3) << ext;
    EXPECT_EQ(p.width, 96);
    EXPECT_EQ(p.height, 64);
  }
}

const std::string kScene = std::string(LOSSLAB_SOURCE_DIR) + "/assets/cs231n.json";

TEST_F(AnimateCli, LandscapeFrameZeroIsTheStillLandscapeAndThePathMoves) {
  const test::CommandResult r =
      test::run_losslab("animate " + kScene +
                        " --view landscape --grid 33 --steps 8 --every 2 --fps 10 --size 200x180 "
                        "--out " +
                        q("l.gif"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["view"], "landscape");
  EXPECT_EQ(j["frames"], 5);  // steps 0, 2, 4, 6, 8
  EXPECT_EQ(j["status"], "ok");
  const media::Probe p = media::probe(dir_ / "l.gif");
  EXPECT_EQ(p.frames, 5);
  EXPECT_EQ(p.width, 200);
  EXPECT_EQ(p.height, 180);
  EXPECT_NEAR(p.duration, 0.5, 1e-3);
  const test::CommandResult s = test::run_losslab(
      "landscape " + kScene + " --grid 33 --width 200 --height 180 --out " + q("l.png"));
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const auto still = media::decode_rgb(dir_ / "l.png");
  const media::Difference first = media::compare(media::decode_rgb(dir_ / "l.gif", 0), still, 40);
  const media::Difference last = media::compare(media::decode_rgb(dir_ / "l.gif", 4), still, 40);
  EXPECT_GE(first.within, 0.98) << first.mean;
  EXPECT_LT(first.mean, 3.0);
  EXPECT_LT(first.mean, last.mean);  // the last frame has the path drawn on the same map

  // WebM: the frames and duration asked for.
  const test::CommandResult w = test::run_losslab(
      "animate " + kScene + " --view landscape --grid 17 --steps 6 --fps 12 --size 96x80 --out " +
      q("l.webm"));
  ASSERT_EQ(w.exit_code, 0) << w.err;
  const media::Probe pw = media::probe(dir_ / "l.webm");
  EXPECT_EQ(pw.codec, "vp9");
  EXPECT_EQ(pw.frames, 7);
  EXPECT_NEAR(pw.duration, 7.0 / 12.0, 2e-3);
  EXPECT_EQ(pw.width, 96);
  EXPECT_EQ(pw.height, 80);
}

// MP4 and WebM are lossy: region colours at flat sample points and the positions of sharp
// edges are compared with the still of the same step, not every pixel.
TEST_F(AnimateCli, RaceFramesOfMp4AndWebmMatchTheStillRaceOfTheirStep) {
  const std::string runs = "gd:lr=0.5,adam:lr=0.05:beta1=0.8";
  for (const int steps : {8, 0}) {
    const test::CommandResult s = test::run_losslab(
        "race " + kScene + " --runs " + runs + " --steps " + std::to_string(steps) +
        " --width 240 --height 180 --out " + q("s" + std::to_string(steps) + ".png"));
    ASSERT_EQ(s.exit_code, 0) << s.err;
  }
  const auto still8 = media::decode_rgb(dir_ / "s8.png"),
             still0 = media::decode_rgb(dir_ / "s0.png");
  for (const std::string ext : {"mp4", "webm"}) {
    const std::string out = "r." + ext;
    const test::CommandResult r =
        test::run_losslab("animate " + kScene + " --view race --race " + runs +
                          " --steps 12 --every 4 --fps 8 --size 240x180 --out " + q(out));
    ASSERT_EQ(r.exit_code, 0) << ext << ": " << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["frames"], 4);
    ASSERT_EQ(j["runs"].size(), 2u);
    EXPECT_EQ(j["runs"][0]["name"], "GD lr 0.5");
    EXPECT_EQ(j["runs"][1]["name"], "Adam lr 0.05 batch 4 \u00b7 \u03b21 0.8");
    const media::Probe p = media::probe(dir_ / out);
    EXPECT_EQ(p.frames, 4) << ext;
    EXPECT_NEAR(p.duration, 0.5, 1e-3) << ext;
    EXPECT_EQ(p.width, 240);
    EXPECT_EQ(p.height, 180);
    const auto frame = media::decode_rgb(dir_ / out, 2);  // step 8
    const media::LossyMatch m = media::lossy_match(frame, still8, 240, 180);
    EXPECT_GT(m.samples, 100) << ext;
    EXPECT_GE(m.colour_ok, 0.95) << ext;
    EXPECT_GT(m.edges, 10) << ext;
    EXPECT_GE(m.edge_ok, 0.9) << ext;
    EXPECT_LT(media::compare(frame, still8, 40).mean, media::compare(frame, still0, 40).mean)
        << ext;
  }
}

TEST_F(AnimateCli, CanvasMp4FrameMatchesTheStillRenderOfItsStep) {
  const test::CommandResult r =
      test::run_losslab("animate --steps 10 --every 5 --fps 10 --size 200x160 --out " + q("c.mp4"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const test::CommandResult s =
      test::run_losslab("render --steps 5 --width 200 --height 160 --out " + q("s5.png"));
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const media::LossyMatch m = media::lossy_match(media::decode_rgb(dir_ / "c.mp4", 1),
                                                 media::decode_rgb(dir_ / "s5.png"), 200, 160);
  EXPECT_GT(m.samples, 100);
  EXPECT_GE(m.colour_ok, 0.95);
  EXPECT_GT(m.edges, 5);
  EXPECT_GE(m.edge_ok, 0.9);
}

// 960 x 540: Style scale 0.9, font 14.4 px; the column (18 lines = 259.2 px) is raised to
// 960 - 1.15 x 540 = 339 px so the canvas is at most 1.15 times as wide as tall; gap 7.2 px,
// so the canvas is 613.8 units wide and the plot starts at x = 621.
TEST_F(AnimateCli, PresenterTheCanvasPartIsTheCanvasFigureAndTheColumnHoldsTheLossPlot) {
  ASSERT_EQ(test::run_losslab("render --view presenter --steps 30 --width 960 --height 540 "
                              "--out " +
                              q("p.png"))
                .exit_code,
            0);
  ASSERT_EQ(test::run_losslab("render --view canvas --steps 30 --width 613.8 --height 540 "
                              "--out " +
                              q("c.png"))
                .exit_code,
            0);
  const auto p = media::decode_rgb(dir_ / "p.png");
  const auto c = media::decode_rgb(dir_ / "c.png");
  ASSERT_EQ(p.size(), std::size_t(960) * 540 * 3);
  ASSERT_GE(c.size(), std::size_t(613) * 540 * 3);
  const std::size_t cw = c.size() / (540 * 3);  // the canvas PNG's width in pixels
  long differ = 0;
  for (int y = 0; y < 540; ++y)
    for (int x = 0; x < 612; ++x)
      for (int ch = 0; ch < 3; ++ch)
        if (std::abs(int(p[(y * 960 + x) * 3 + ch]) - int(c[(y * cw + x) * 3 + ch])) > 2) ++differ;
  EXPECT_EQ(differ, 0);
  // The column: the light background, with the total-loss curve (near black) somewhere in it.
  long dark = 0, light = 0;
  for (int y = 0; y < 540; ++y)
    for (int x = 623; x < 960; ++x) {
      const std::uint8_t* px = &p[(y * 960 + x) * 3];
      if (px[0] < 60 && px[1] < 60 && px[2] < 60) ++dark;
      if (px[0] > 240 && px[1] > 240 && px[2] > 240) ++light;
    }
  EXPECT_GT(light, 337 * 540 / 2);  // mostly background
  EXPECT_GT(dark, 300);             // axes, ticks, text and the total-loss line
}

TEST_F(AnimateCli, PresenterAFrameOfTheAnimationIsTheStillPresenterOfItsStep) {
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

TEST_F(AnimateCli, BadRequestsAreOneLineAndWriteNothing) {
  struct Case {
    std::string args, message;
  };
  const std::vector<Case> cases = {
      {"--steps 5 --view nope --out " + q("a.gif"),
       "--view nope: use canvas, lossplot, presenter, landscape or race"},
      {"--steps 5 --view race --race gd,newton --out " + q("a.gif"),
       "--race: 'newton': unknown optimizer or loss 'newton'"},
      {"--steps 5 --view race --race adam:lr=0 --out " + q("a.gif"),
       "--race: 'adam:lr=0': lr must be in (0, 1e+06], not 0"},
      {"--steps 5 --view race --race adam:beta1=1 --out " + q("a.gif"), "beta1 must be in"},
      {"--steps 5 --view race --race gd:speed=2 --out " + q("a.gif"), "unknown setting 'speed'"},
      {"--steps 5 --view race --race gd,gd,gd,gd,gd,gd,gd,gd,gd --out " + q("a.gif"),
       "more than 8 runs"},
      {"--steps 200000 --every 100 --view race --out " + q("a.gif"),
       "a race takes at most 100000 steps"},
      {"--steps 5 --view landscape --x 'W[7][0]' --y 'W[0][1]' --out " + q("a.gif"), "--x: "},
      {"--steps 5 --view landscape --x 'W[0][0]' --out " + q("a.gif"), "give both --x and --y"},
      {"--steps 5 --race gd,adam --out " + q("a.gif"), "--race: only with --view race"},
      {"--steps 5 --view race --grid 9 --out " + q("a.gif"), "--grid: only with --view landscape"},
      {"--steps 5 --size 801x600 --out " + q("a.mp4"),
       "size 801 x 600: mp4 (yuv420p) needs an even width and height"},
      {"--steps 5 --size big --out " + q("a.gif"), "--size big: use WxH, e.g. 800x800"},
      {"--steps 5 --out " + q("a.avi"), "unknown output format (use .gif, .mp4 or .webm)"},
      {"--steps 5 --out " + q("no/such/a.gif"), "does not exist"},
      {"--steps 5 --fps 60 --out " + q("a.gif"), "fps 60: gif takes 1 to 50 frames per second"},
      {"--steps 100000 --out " + q("a.gif"), "(raise --every)"},
  };
  for (const Case& c : cases) {
    const test::CommandResult r = test::run_losslab("animate " + c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(empty()) << c.args;
  }
}

TEST_F(AnimateCli, FullDiskIsOneLineAndLeavesNoFile) {
  // The shell's file size limit (512-byte blocks) fails the writes as a full disk does.
  test::CommandResult f;
  {
    const std::string cmd =
        "sh -c " +
        media::quote("trap '' XFSZ; ulimit -f 20; exec " + std::string(LOSSLAB_BIN) +
                     " animate --steps 30 --size 400x400 --out " + (dir_ / "full.gif").string());
    int status = -1;
    const std::string err_path =
        (dir_.parent_path() / ("err_" + std::to_string(::getpid()))).string();
    media::capture(cmd + " 2>" + media::quote(err_path), status);
    f.exit_code = status;
    f.err = media::slurp(err_path);
    fs::remove(err_path);
  }
  EXPECT_EQ(f.exit_code, 2);
  EXPECT_NE(f.err.find("full.gif: write failed: File too large"), std::string::npos) << f.err;
  EXPECT_EQ(std::count(f.err.begin(), f.err.end(), '\n'), 1) << f.err;
  EXPECT_TRUE(empty());
}

}  // namespace
}  // namespace ll
