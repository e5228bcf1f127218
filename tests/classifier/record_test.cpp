// Record (the Export window's animation, app/classifier/export_files.h): a training run from the
// window's scene into the next free losslab-NNN.gif|mp4|webm, never replacing a file, that ffprobe
// reads with the frames asked for; its first frame is the scene as it is now; Cancel and bad
// requests write nothing and say so.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/classifier/export_files.h"
#include "tests/video/media.h"

namespace ll::gui {
namespace {

namespace fs = std::filesystem;
namespace media = test::media;

class RecordTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = media::fresh_test_dir("losslab_record");
    st_.doc = Document(default_scene());
    st_.refresh();
    st_.view.set_rect(30, 40, 600, 500);
    req_.folder = dir_;
    req_.steps = 6;
    req_.every = 2;
    req_.width = 96;
    req_.height = 64;
    req_.fps = 10;
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  AppState st_;
  RecordRequest req_;
};

TEST_F(RecordTest, WritesTheNextFreeNameWithTheFramesAsked) {
  ASSERT_TRUE(media::have("ffprobe")) << "install ffmpeg";
  { std::ofstream(dir_ / "losslab-001.gif") << "mine"; }
  const ExportResult r = run_record(prepare_record(st_, req_));
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.path, dir_ / "losslab-002.gif");
  EXPECT_NE(r.message.find("Saved 4 frames"), std::string::npos) << r.message;
  EXPECT_EQ(media::slurp(dir_ / "losslab-001.gif"), "mine");
  const media::Probe p = media::probe(r.path);
  EXPECT_EQ(p.frames, 4);
  EXPECT_EQ(p.width, 96);
  EXPECT_EQ(p.height, 64);
  EXPECT_NEAR(p.duration, 0.4, 1e-3);

  req_.format = video::Format::Mp4;
  const ExportResult m = run_record(prepare_record(st_, req_));
  ASSERT_TRUE(m.ok) << m.message;
  EXPECT_EQ(m.path, dir_ / "losslab-001.mp4");
  EXPECT_EQ(media::probe(m.path).codec, "h264");
}

TEST_F(RecordTest, StartsFromTheWindowsCurrentParameters) {
  req_.steps = 1;
  req_.every = 1;
  const ExportResult a = run_record(prepare_record(st_, req_));
  ASSERT_TRUE(a.ok) << a.message;
  st_.doc.set_params(Params{WeightMatrix::Constant(3, 2, 0.5), BiasVector::Zero(3)});
  st_.refresh();
  const ExportResult b = run_record(prepare_record(st_, req_));
  ASSERT_TRUE(b.ok) << b.message;
  const media::Difference d =
      media::compare(media::decode_rgb(a.path, 0), media::decode_rgb(b.path, 0), 40);
  EXPECT_GT(d.mean, 1.0);  // another W: another first frame
}

TEST_F(RecordTest, CancelAndBadRequestsWriteNothing) {
  JobControl control;
  control.cancel();
  const ExportResult r = run_record(prepare_record(st_, req_), &control);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.cancelled);
  EXPECT_NE(r.message.find("nothing was written"), std::string::npos) << r.message;
  EXPECT_TRUE(fs::is_empty(dir_));

  req_.format = video::Format::Webm;
  req_.width = 97;
  EXPECT_THROW(prepare_record(st_, req_), std::invalid_argument);
  req_.width = 96;
  req_.folder = dir_ / "missing";
  const ExportResult f = run_record(prepare_record(st_, req_));
  EXPECT_FALSE(f.ok);
  EXPECT_NE(f.message.find("no such folder"), std::string::npos) << f.message;
}

TEST_F(RecordTest, LandscapeAndRaceViews) {
  ASSERT_TRUE(media::have("ffprobe")) << "install ffmpeg";
  // The landscape: the Landscape tab's slice, its map computed in the job (the window has none).
  st_.landscape.slice.grid = 17;
  req_.view = RecordView::Landscape;
  const RecordJob job = prepare_record(st_, req_);
  EXPECT_FALSE(job.grid.has_value());
  const ExportResult l = run_record(job);
  ASSERT_TRUE(l.ok) << l.message;
  media::Probe p = media::probe(l.path);
  EXPECT_EQ(p.frames, 4);
  EXPECT_EQ(p.width, 96);
  EXPECT_EQ(p.height, 64);
  // The race: GD, momentum and Adam from the current W, b; steps 0, 2, 4, 6.
  req_.view = RecordView::Race;
  req_.format = video::Format::Webm;
  const RecordJob rj = prepare_record(st_, req_);
  ASSERT_EQ(rj.race.size(), 3u);
  EXPECT_EQ(rj.race[2].optimizer.kind, OptimizerKind::Adam);
  const ExportResult r = run_record(rj);
  ASSERT_TRUE(r.ok) << r.message;
  p = media::probe(r.path);
  EXPECT_EQ(p.codec, "vp9");
  EXPECT_EQ(p.frames, 4);
  EXPECT_NEAR(p.duration, 0.4, 1e-3);
  // The views draw different figures.
  EXPECT_GT(media::compare(media::decode_rgb(l.path, 3), media::decode_rgb(r.path, 3), 40).mean,
            10.0);
  req_.steps = kMaxRaceSteps + 1;
  req_.every = 100;
  EXPECT_THROW(prepare_record(st_, req_), std::invalid_argument);
}

}  // namespace
}  // namespace ll::gui
