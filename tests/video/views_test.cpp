// The landscape and race views as frames: the landscape's map is computed once, through the
// run's start, equals core's compute_landscape there and is not touched by the frames; the path
// of each frame is the run's parameters up to the frame's step; a race's frame i is, pixel for
// pixel, the race figure of a race advanced i * every lock steps (what `losslab race --out`
// draws), races are deterministic per seed, and the frame counts are ceil(N / K) + 1.
#include <gtest/gtest.h>

#include <cstring>

#include "app/export/landscape_export.h"
#include "app/video/landscape_frames.h"
#include "app/video/race_frames.h"
#include "core/landscape.h"
#include "tests/video/frame_compare.h"

namespace ll::video {
namespace {

LandscapeSlice small_slice() {
  LandscapeSlice s;
  s.grid = 17;
  s.range = 2.0;
  return s;
}

TEST(LandscapeFrames, OneMapThroughTheStartAndAGrowingPath) {
  Scene scene = default_scene();
  scene.optimizer.kind = OptimizerKind::Momentum;
  const LandscapeSlice slice = small_slice();
  const LandscapeGrid map = compute_landscape(scene, slice);
  LandscapeFrames frames(run_training(scene, 10, 3, nullptr, 0.0, true), map,
                         landscape_text(scene, slice), Style{});
  ASSERT_EQ(frames.frame_count(), 5);  // steps 0, 3, 6, 9, 10
  EXPECT_EQ(frames.grid().center.W, scene.params.W);
  EXPECT_EQ(frames.grid().center.b, scene.params.b);
  // The path: the parameters of train() after 0..step steps.
  const std::vector<TrajectoryPoint> path = frames.path(3);  // step 9
  ASSERT_EQ(path.size(), 10u);
  for (std::size_t k = 0; k < path.size(); ++k) {
    Scene s = scene;
    train(s, static_cast<long>(k));
    EXPECT_EQ(path[k].step, static_cast<long>(k));
    EXPECT_TRUE(path[k].params.W.isApprox(s.params.W, 1e-12)) << k;
  }
  EXPECT_EQ(frames.path(0).size(), 1u);
  const int w = 160, h = 140;
  std::vector<std::uint8_t> first(4 * w * h), last(first.size());
  frames.render(0, w, h, first, nullptr);
  frames.render(4, w, h, last, nullptr);
  EXPECT_NE(first, last);  // the path moved
  // The map is what it was: the frames project and draw, they compute no loss.
  EXPECT_EQ(frames.grid().loss, map.loss);
  for (int j = 0; j < map.ny; j += 5)
    for (int i = 0; i < map.nx; i += 5)
      EXPECT_EQ(map.at(i, j), landscape_loss(scene, map, map.x_at(i), map.y_at(j)));

  // Frame 0 is the still landscape of the scene at that size (`losslab landscape --out`):
  // the path is one point under the marker.
  figure::LandscapeInput in;
  in.grid = &map;
  const LandscapeText text = landscape_text(scene, slice);
  in.x_name = text.x_name, in.y_name = text.y_name, in.title = text.title;
  in.style.scale = landscape_scale(w, h);
  const figure::LandscapeFigure still = figure::describe_landscape(in);
  const exporter::SurfacePtr img = exporter::render_drawing_image(
      w, h, 1.0, [&](cairo_t* cr) { exporter::draw_landscape(cr, still, w, h, in.style); });
  EXPECT_EQ(worst_difference(first, img.get(), w, h), 0);
}

TEST(LandscapeFrames, NeedACompleteMapAndAPath) {
  const Scene scene = default_scene();
  const LandscapeGrid empty = make_landscape(scene, small_slice());
  EXPECT_THROW(LandscapeFrames(run_training(scene, 4, 1, nullptr, 0.0, true), empty, {}, Style{}),
               std::invalid_argument);
  EXPECT_THROW(LandscapeFrames(run_training(scene, 4, 1), compute_landscape(scene, small_slice()),
                               {}, Style{}),
               std::invalid_argument);
}

Race three_runs(std::uint64_t seed) {
  Scene scene = default_scene();
  scene.optimizer.seed = seed;
  scene.optimizer.batch = 3;
  Race race(scene);
  for (const OptimizerKind k : {OptimizerKind::SGD, OptimizerKind::Momentum, OptimizerKind::Adam}) {
    RaceRunSettings s{scene.optimizer, scene.loss};
    s.optimizer.kind = k;
    race.add_run(s);
  }
  return race;
}

// Also with a landscape: the map stays, every run's path grows to the frame's step.
TEST(RaceFrames, EachFrameIsTheRaceFigureOfItsStep) {
  LandscapeSlice slice;
  slice.grid = 9;
  const figure::RaceLandscape map = figure::race_landscape(three_runs(7), slice);
  for (const bool with_map : {false, true}) {
    RaceFrames frames(three_runs(7), 11, 4, exporter::FigureOptions{},
                      with_map ? map : figure::RaceLandscape{});
    ASSERT_EQ(frames.frame_count(), 4);  // steps 0, 4, 8, 11
    EXPECT_EQ(frames.frame_step(3), 11);
    EXPECT_EQ(frames.race().steps(), 11);
    const int w = 240, h = 180;
    for (const int index : {0, 2, 3}) {
      std::vector<std::uint8_t> rgba(4 * w * h);
      frames.render(index, w, h, rgba, nullptr);
      Race still = three_runs(7);
      still.advance(frames.frame_step(index));
      exporter::FigureOptions opt;
      opt.width = w, opt.height = h;
      opt.style.scale = exporter::render_scale(w, h);  // as `losslab race --out` draws this size
      figure::RaceFigureData d = figure::race_figure_data(still, exporter::kMaxVectorPoints);
      if (with_map) d.landscape = map;
      EXPECT_EQ(frames.data(index).runs[0].path.size(),
                static_cast<std::size_t>(frames.frame_step(index) + 1));
      const exporter::SurfacePtr img = exporter::render_drawing_image(
          w, h, 1.0, [&](cairo_t* cr) { exporter::draw_race(cr, d, opt); });
      EXPECT_EQ(worst_difference(rgba, img.get(), w, h), 0)
          << "frame " << index << (with_map ? " with the landscape" : "");
    }
  }
}

TEST(RaceFrames, DeterministicPerSeed) {
  const int w = 120, h = 100;
  const auto last_frame = [&](std::uint64_t seed) {
    RaceFrames f(three_runs(seed), 9, 3, exporter::FigureOptions{});
    std::vector<std::uint8_t> rgba(4 * w * h);
    f.render(f.frame_count() - 1, w, h, rgba, nullptr);
    return rgba;
  };
  EXPECT_EQ(last_frame(3), last_frame(3));
  EXPECT_NE(last_frame(3), last_frame(4));  // another minibatch order
  EXPECT_THROW(RaceFrames(three_runs(1), kMaxRaceSteps + 1, 1, {}), std::invalid_argument);
}

TEST(RaceFigure, AtAnEarlierStepIsTheRaceAdvancedThatFar) {
  Race long_race = three_runs(5);
  long_race.advance(20);
  Race short_race = three_runs(5);
  short_race.advance(6);
  const figure::RaceFigureData a = figure::race_figure_data(long_race, 2000, 2000, 6);
  const figure::RaceFigureData b = figure::race_figure_data(short_race);
  EXPECT_EQ(a.steps, 6);
  ASSERT_EQ(a.runs.size(), b.runs.size());
  for (std::size_t i = 0; i < a.runs.size(); ++i) {
    EXPECT_EQ(a.runs[i].status, b.runs[i].status);
    EXPECT_EQ(a.runs[i].scene.params.W, b.runs[i].scene.params.W);
    EXPECT_EQ(a.runs[i].steps, b.runs[i].steps);
    EXPECT_EQ(a.runs[i].loss, b.runs[i].loss);
  }
}

}  // namespace
}  // namespace ll::video
