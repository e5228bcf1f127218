// The race tab's animation (app/race/race_record): the runs from the start, every step up to
// kRecordFrames frames and then thinned, files that ffprobe reads with the frames and size
// asked for, Cancel leaving no file.
#include "app/race/race_record.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/scene.h"
#include "tests/video/media.h"

namespace ll::race {
namespace {

namespace fs = std::filesystem;
namespace media = test::media;

class RaceRecord : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(media::have("ffprobe")) << "ffprobe is missing: install ffmpeg";
    dir_ = media::fresh_test_dir("losslab_race_record");
    start_ = default_scene();
    for (const OptimizerKind k : {OptimizerKind::GD, OptimizerKind::Adam}) {
      RaceRunSettings r{start_.optimizer, start_.loss};
      r.optimizer.kind = k;
      runs_.push_back(r);
    }
    opt_.width = 241;  // odd sides: rounded down to even for every format
    opt_.height = 161;
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  Scene start_;
  std::vector<RaceRunSettings> runs_;
  exporter::FigureOptions opt_;
};

TEST_F(RaceRecord, EveryStepIsAFrameUpToTheLimitThenTheyAreThinned) {
  JobControl control;
  const fs::path gif = dir_ / "r.gif";
  const exporter::ExportResult r =
      record_race(start_, runs_, 30, opt_, video::Format::Gif, gif.string(), control);
  EXPECT_TRUE(r.ok) << r.message;
  const media::Probe p = media::probe(gif);
  EXPECT_EQ(p.frames, 31);  // steps 0..30
  EXPECT_EQ(p.width, 240);
  EXPECT_EQ(p.height, 160);
  EXPECT_NEAR(p.duration, 31 / 25.0, 1e-2);
  EXPECT_NE(r.message.find("31 frames (30 steps)"), std::string::npos) << r.message;

  const fs::path mp4 = dir_ / "r.mp4";
  EXPECT_TRUE(record_race(start_, runs_, 500, opt_, video::Format::Mp4, mp4.string(), control).ok);
  EXPECT_EQ(media::probe(mp4).frames, 168);  // every 3rd step: 0, 3, ..., 498, then 500
  EXPECT_GT(control.progress(), 0.99);
}

TEST_F(RaceRecord, CancelWritesNothing) {
  JobControl control;
  control.cancel();
  EXPECT_THROW(record_race(start_, runs_, 50, opt_, video::Format::Webm, (dir_ / "r.webm").string(),
                           control),
               JobCancelled);
  EXPECT_TRUE(fs::is_empty(dir_));
}

}  // namespace
}  // namespace ll::race
