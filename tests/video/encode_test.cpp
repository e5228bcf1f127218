// Encoding: GIF, MP4 and WebM files that ffprobe reads with the frame count, size, frame rate,
// duration and codec asked for, whose decoded frames match the frames rendered (within what the
// GIF palette and yuv420p allow, and closer than the neighbouring step); Cancel, an unwritable
// folder and a full disk leave no file (and an existing file as it was).
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

#include "app/video/encoder.h"
#include "app/video/training_frames.h"
#include "tests/video/media.h"

namespace ll::video {
namespace {

namespace fs = std::filesystem;
namespace media = test::media;

class Encode : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(media::have("ffprobe") && media::have("ffmpeg"))
        << "ffprobe is missing: install ffmpeg (apt-get install ffmpeg)";
    dir_ = media::fresh_test_dir("losslab_video");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The default scene trained 12 steps, a frame every 2 steps (7 frames).
  static TrainingFrames frames(exporter::View view = exporter::View::Canvas) {
    const Scene scene = default_scene();
    exporter::FigureOptions base;
    base.view = view;
    return TrainingFrames(scene, run_training(scene, 12, 2), base);
  }
  std::vector<fs::path> files() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename());
    return out;
  }
  std::vector<std::uint8_t> rendered_rgb(TrainingFrames& f, int index, int w, int h) {
    std::vector<std::uint8_t> rgba(4 * w * h), rgb;
    f.render(index, w, h, rgba, nullptr);
    for (std::size_t i = 0; i < rgba.size(); i += 4) rgb.insert(rgb.end(), &rgba[i], &rgba[i + 3]);
    return rgb;
  }
  // Encodes, probes and compares frame 3 (step 6) with the render of step 6 and of step 0.
  // `max_mean`: mean difference per channel allowed (GIF: palette and dithering; yuv420p: the
  // colour conversion, and chroma at half resolution smearing thin lines and small text).
  void check_format(Format format, const char* codec, const char* pix_fmt, int tolerance,
                    double min_within, double max_mean) {
    TrainingFrames f = frames();
    VideoOptions opt;
    opt.format = format;
    opt.width = 160;
    opt.height = 120;
    opt.fps = 10;
    const fs::path out = dir_ / (std::string("a.") + to_string(format));
    JobControl control;
    const EncodeResult r = encode(f, opt, out, &control);
    EXPECT_EQ(r.frames, 7);
    EXPECT_EQ(control.progress(), 1.0);
    ASSERT_TRUE(fs::exists(out));
    EXPECT_EQ(r.bytes, fs::file_size(out));
    EXPECT_EQ(files(), std::vector<fs::path>{out.filename()});  // no temporary left
    const media::Probe p = media::probe(out);
    EXPECT_EQ(p.codec, codec);
    EXPECT_EQ(p.pix_fmt, pix_fmt);
    EXPECT_EQ(p.width, 160);
    EXPECT_EQ(p.height, 120);
    EXPECT_EQ(p.frames, 7);
    EXPECT_EQ(p.frame_rate, "10/1");
    EXPECT_NEAR(p.duration, 0.7, 1e-3);
    const std::vector<std::uint8_t> decoded = media::decode_rgb(out, 3);
    ASSERT_EQ(decoded.size(), 160u * 120 * 3);
    const media::Difference same = media::compare(decoded, rendered_rgb(f, 3, 160, 120), tolerance);
    const media::Difference other =
        media::compare(decoded, rendered_rgb(f, 0, 160, 120), tolerance);
    EXPECT_GE(same.within, min_within) << "mean " << same.mean;
    EXPECT_LT(same.mean, max_mean);
    EXPECT_LT(same.mean, other.mean);  // the frame shows its own step
  }
  fs::path dir_;
};

TEST_F(Encode, GifWithOnePaletteMatchesTheFrames) {
  check_format(Format::Gif, "gif", "bgra", 40, 0.98, 2.0);
}

TEST_F(Encode, Mp4IsH264Yuv420pWithTheIndexFirst) {
  check_format(Format::Mp4, "h264", "yuv420p", 40, 0.95, 7.0);
  // faststart: the moov atom (the index) comes before the media data.
  const std::string bytes = media::slurp(dir_ / "a.mp4");
  const auto moov = bytes.find("moov"), mdat = bytes.find("mdat");
  ASSERT_NE(moov, std::string::npos);
  ASSERT_NE(mdat, std::string::npos);
  EXPECT_LT(moov, mdat);
}

TEST_F(Encode, WebmIsVp9) { check_format(Format::Webm, "vp9", "yuv420p", 40, 0.95, 7.0); }

// Cancels the job while frame `at` renders.
class CancelAt : public FrameSource {
 public:
  CancelAt(FrameSource& inner, JobControl& control, int at)
      : inner_(inner), control_(control), at_(at) {}
  int frame_count() const override { return inner_.frame_count(); }
  void render(int index, int w, int h, std::span<std::uint8_t> rgba, JobControl* c) override {
    if (++rendered_ == at_) control_.cancel();
    inner_.render(index, w, h, rgba, c);
  }

 private:
  FrameSource& inner_;
  JobControl& control_;
  int at_, rendered_ = 0;
};

TEST_F(Encode, CancelLeavesNoFileAndKeepsAnOldOne) {
  for (const Format format : {Format::Gif, Format::Mp4}) {
    TrainingFrames f = frames();
    const fs::path out = dir_ / (std::string("c.") + to_string(format));
    VideoOptions opt;
    opt.format = format;
    opt.width = opt.height = 64;
    JobControl control;
    CancelAt cancel(f, control, 4);
    EXPECT_THROW(encode(cancel, opt, out, &control), JobCancelled);
    EXPECT_TRUE(files().empty());  // neither the target nor a temporary
    { std::ofstream(out) << "old"; }
    JobControl again;
    CancelAt cancel2(f, again, format == Format::Gif ? 14 : 7);  // during the last frame
    EXPECT_THROW(encode(cancel2, opt, out, &again), JobCancelled);
    EXPECT_TRUE(media::slurp(out) == "old");
    EXPECT_EQ(files().size(), 1u);
    fs::remove(out);
  }
}

TEST_F(Encode, UnwritableFolderNamesThePath) {
  TrainingFrames f = frames();
  const fs::path out = dir_ / "missing" / "a.gif";
  try {
    encode(f, VideoOptions{Format::Gif, 64, 64, 10}, out);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind(out.string() + ": cannot write", 0), 0u) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos);
  }
  EXPECT_THROW(encode(f, VideoOptions{Format::Mp4, 65, 64, 10}, dir_ / "odd.mp4"),
               std::invalid_argument);
  EXPECT_TRUE(files().empty());
}

TEST_F(Encode, FullDiskLeavesNoFile) {
  // A file size limit makes writes fail as a full disk does (EFBIG instead of ENOSPC), in a
  // child process so the limit stays there.
  const fs::path out = dir_ / "full.gif";
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit lim{20000, 20000};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    TrainingFrames f = frames();
    try {
      encode(f, VideoOptions{Format::Gif, 400, 400, 10}, out);
    } catch (const std::runtime_error& e) {
      const std::string what = e.what();
      ::_exit(what.rfind(out.string() + ": ", 0) == 0 && what.find("too large") != std::string::npos
                  ? 0
                  : 3);
    }
    ::_exit(4);  // no error
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(files().empty());
}

}  // namespace
}  // namespace ll::video
