// The frames of a training run: the parameters are core train()'s at every frame's step (one
// optimizer for the whole run), a diverged run holds its last finite state, and each frame is
// the still export of its step, pixel for pixel. Format limits give one sentence.
#include <gtest/gtest.h>

#include <cstring>

#include "app/video/encoder.h"
#include "app/video/training_frames.h"

namespace ll::video {
namespace {

TEST(VideoFormat, FromPathAndLimits) {
  Format f;
  EXPECT_TRUE(format_from_path("a/b.GIF", f));
  EXPECT_EQ(f, Format::Gif);
  EXPECT_TRUE(format_from_path("x.webm", f));
  EXPECT_EQ(f, Format::Webm);
  EXPECT_TRUE(format_from_path("x.mp4", f));
  EXPECT_EQ(f, Format::Mp4);
  EXPECT_FALSE(format_from_path("x.png", f));
  EXPECT_FALSE(format_from_path("mp4", f));

  VideoOptions o;
  EXPECT_EQ(check_options(o, 10), "");
  o.format = Format::Mp4;
  o.width = 801;
  EXPECT_EQ(check_options(o, 10), "size 801 x 800: mp4 (yuv420p) needs an even width and height");
  o.format = Format::Gif;
  EXPECT_EQ(check_options(o, 10), "");  // GIF takes odd sizes
  o.width = 8;
  EXPECT_NE(check_options(o, 10).find("between 16 and 4096"), std::string::npos);
  o.width = 800;
  o.fps = 60;
  EXPECT_EQ(check_options(o, 10), "fps 60: gif takes 1 to 50 frames per second");
  o.format = Format::Webm;
  EXPECT_EQ(check_options(o, 10), "");
  EXPECT_NE(check_options(o, 0).find("1 to 20000 frames"), std::string::npos);
  EXPECT_NE(check_options(o, kMaxFrames + 1), "");
}

TEST(TrainingRun, FrameCount) {
  EXPECT_EQ(frame_count(10, 1), 11);
  EXPECT_EQ(frame_count(10, 5), 3);   // 0, 5, 10
  EXPECT_EQ(frame_count(10, 3), 5);   // 0, 3, 6, 9, 10
  EXPECT_EQ(frame_count(10, 20), 2);  // 0, 10
}

TEST(TrainingRun, ParametersAreTrainsAtEachFrameStep) {
  for (const OptimizerKind kind :
       {OptimizerKind::GD, OptimizerKind::Momentum, OptimizerKind::Adam, OptimizerKind::SGD}) {
    Scene scene = default_scene();
    scene.optimizer.kind = kind;
    scene.optimizer.batch = 4;  // minibatches: the epoch order must carry on across frames
    scene.loss.kind = LossKind::Softmax;
    const TrainingRun run = run_training(scene, 23, 5);
    ASSERT_EQ(run.frame_steps, (std::vector<long>{0, 5, 10, 15, 20, 23}));
    ASSERT_EQ(run.params.size(), 6u);
    EXPECT_EQ(run.steps_done, 23);
    for (std::size_t f = 0; f < run.params.size(); ++f) {
      Scene copy = scene;
      train(copy, run.frame_steps[f]);
      EXPECT_EQ(run.params[f].W, copy.params.W) << "frame " << f;
      EXPECT_EQ(run.params[f].b, copy.params.b) << "frame " << f;
    }
    EXPECT_NE(run.params[0].W, run.params[5].W);  // it trained
    ASSERT_EQ(run.history_steps.size(), 24u);     // a record per step
    EXPECT_EQ(run.history_steps.back(), 23);
  }
}

TEST(TrainingRun, DivergedRunHoldsItsLastFiniteState) {
  Scene scene = default_scene();
  scene.optimizer.lr = 5.0;
  scene.loss.lambda = 100.0;  // diverges within a few steps
  const TrainingRun run = run_training(scene, 40, 2);
  EXPECT_EQ(run.status, StepStatus::Diverged);
  ASSERT_LT(run.steps_done, 40);
  EXPECT_EQ(run.frame_steps.size(), 21u);  // the frames asked for, all of them
  Scene copy = scene;
  train(copy, 40);  // stops where the run stopped
  EXPECT_EQ(run.params.back().W, copy.params.W);
  EXPECT_TRUE(run.params.back().W.allFinite());
}

TEST(TrainingFrames, EachFrameIsTheStillExportOfItsStep) {
  Scene scene = default_scene();
  for (const exporter::View view : {exporter::View::Canvas, exporter::View::LossPlot}) {
    exporter::FigureOptions base;
    base.view = view;
    TrainingFrames frames(scene, run_training(scene, 12, 4), base);
    ASSERT_EQ(frames.frame_count(), 4);
    const int w = 120, h = 90;
    std::vector<std::uint8_t> rgba(4 * w * h);
    frames.render(2, w, h, rgba, nullptr);  // step 8
    exporter::FigureData still{scene, {}};
    train(still.scene, 8);
    if (view == exporter::View::LossPlot) {
      Scene s = scene;
      const TrainResult r = train(s, 8);
      still.history = r.history;
      still.history_steps = r.history_steps;
    }
    exporter::FigureOptions opt = base;
    opt.width = w;
    opt.height = h;
    opt.style.scale = exporter::render_scale(w, h);  // as `losslab render` draws this size
    const exporter::SurfacePtr img = exporter::render_image(still, opt);
    const unsigned char* px = cairo_image_surface_get_data(img.get());
    const int stride = cairo_image_surface_get_stride(img.get());
    int worst = 0;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        std::uint32_t p;
        std::memcpy(&p, px + y * stride + 4 * x, 4);
        const std::uint8_t* q = &rgba[4 * (y * w + x)];
        worst = std::max({worst, std::abs(int(q[0]) - int((p >> 16) & 255)),
                          std::abs(int(q[1]) - int((p >> 8) & 255)),
                          std::abs(int(q[2]) - int(p & 255)), std::abs(int(q[3]) - int(p >> 24))});
      }
    EXPECT_EQ(worst, 0) << "view " << static_cast<int>(view);
    // And frame 0 (before training) is a different picture.
    std::vector<std::uint8_t> first(rgba.size());
    frames.render(0, w, h, first, nullptr);
    EXPECT_NE(first, rgba);
  }
}

}  // namespace
}  // namespace ll::video
