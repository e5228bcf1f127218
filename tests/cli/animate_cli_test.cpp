// `losslab animate` end to end: the JSON it prints, files that ffprobe reads with the frames,
// size and duration asked for, a frame that matches `losslab render` of the same step, and one
// line (exit status 2, no file) for an unknown view, a bad size, a missing folder or a full disk.
#include <gtest/gtest.h>

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
    dir_ = fs::temp_directory_path() /
           ("losslab_animate_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
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

TEST_F(AnimateCli, BadRequestsAreOneLineAndWriteNothing) {
  struct Case {
    std::string args, message;
  };
  const std::vector<Case> cases = {
      {"--steps 5 --view nope --out " + q("a.gif"), "--view nope: use canvas or lossplot"},
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
