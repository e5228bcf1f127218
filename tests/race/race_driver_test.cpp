#include "app/race/race_driver.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/datasets.h"

namespace ll::race {
namespace {

RaceRunSettings run(const Scene& s, OptimizerKind k) {
  RaceRunSettings r{s.optimizer, s.loss};
  r.optimizer.kind = k;
  return r;
}

void start(RaceDriver& d, const Scene& s) {
  d.edit([s](Race& r) {
    r.set_start(s);
    r.add_run(run(s, OptimizerKind::GD));
    r.add_run(run(s, OptimizerKind::Adam));
  });
}

// Ticks until the race reaches `steps` lock steps (or a few seconds pass).
void tick_until(RaceDriver& d, long steps) {
  const auto t0 = std::chrono::steady_clock::now();
  while (d.shown().steps < steps &&
         std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20)) {
    d.transport.request_step();
    d.tick(0.01);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

TEST(RaceDriver, SmallRaceStepsOnThisThreadInLockStep) {
  const Scene s = make_blobs({3, 10, 0.3, 2});
  RaceDriver d;
  start(d, s);
  EXPECT_FALSE(d.uses_worker());
  d.transport.steps_per_tick = 7;
  d.transport.play();
  EXPECT_TRUE(d.tick(0.5));
  EXPECT_FALSE(d.busy());
  EXPECT_EQ(d.shown().steps, 7);
  for (const figure::RaceRunView& v : d.shown().runs) EXPECT_EQ(v.steps.size(), 8u);
  // The snapshot's parameters are train's after 7 steps.
  Scene t = s;
  t.optimizer.kind = OptimizerKind::Adam;
  train(t, 7);
  EXPECT_EQ(d.shown().runs[1].scene.params, t.params);
  // Each snapshot carries the paths (every step's parameters) and the landscape given to it.
  EXPECT_EQ(d.shown().runs[1].path.size(), 8u);
  EXPECT_EQ(d.shown().runs[1].path.back(), t.params);
  EXPECT_FALSE(d.shown().landscape.grid);
  Race probe(s);
  probe.add_run(run(s, OptimizerKind::GD));
  LandscapeSlice slice;
  slice.grid = 9;
  const figure::RaceLandscape l = figure::race_landscape(probe, slice);
  d.set_landscape(l);
  d.tick(0.5);
  EXPECT_EQ(d.shown().steps, 14);
  EXPECT_EQ(d.shown().landscape.grid, l.grid);
  EXPECT_EQ(d.figure_data(100).landscape.grid, l.grid);
  d.set_landscape({});
  EXPECT_FALSE(d.shown().landscape.grid);
}

TEST(RaceDriver, LargeRaceStepsOnTheWorkerAndQueuesEdits) {
  Scene s = make_blobs({2, 12000, 0.3, 3});  // 24,000 points x 2 runs: the worker
  s.params = default_params(2);
  RaceDriver d;
  start(d, s);
  ASSERT_TRUE(d.uses_worker());
  d.transport.request_step();
  d.tick(0.01);
  EXPECT_TRUE(d.busy());          // the chunk runs on the worker
  EXPECT_EQ(d.shown().steps, 0);  // the frame shows the last snapshot meanwhile
  // An edit while the worker holds the race waits for it, then applies.
  d.edit([&](Race& r) { r.add_run(run(r.start(), OptimizerKind::Momentum)); });
  EXPECT_EQ(d.settings().size(), 2u);
  tick_until(d, 3);
  ASSERT_GE(d.shown().steps, 3);
  ASSERT_EQ(d.settings().size(), 3u);
  while (d.busy()) {  // let the last chunk land
    d.tick(0.01);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  // Playing: chunk after chunk on the worker, every frame shows all three runs.
  d.transport.play();
  const long before = d.shown().steps;
  for (int frame = 0; frame < 400 && d.shown().steps < before + 5; ++frame) {
    d.tick(0.01);
    ASSERT_EQ(d.shown().runs.size(), 3u) << frame;
    ASSERT_EQ(d.settings().size(), 3u) << frame;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  d.transport.pause();
  EXPECT_GE(d.shown().steps, before + 5);
  while (d.busy()) {
    d.tick(0.01);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  const long n = d.shown().steps;
  for (const figure::RaceRunView& v : d.shown().runs)
    EXPECT_EQ(v.steps.back(), static_cast<double>(n)) << v.name;  // lock step, the new run too
  Scene t = s;
  t.optimizer.kind = OptimizerKind::Momentum;
  train(t, n);
  EXPECT_EQ(d.shown().runs[2].scene.params, t.params);
}

TEST(RaceDriver, HeavyEditsRunOnTheWorker) {
  Scene s = make_blobs({2, 12000, 0.3, 3});
  RaceDriver d;
  d.edit(
      [s](Race& r) {
        r.set_start(s);
        r.add_run(RaceRunSettings{s.optimizer, s.loss});
        r.add_run(RaceRunSettings{s.optimizer, s.loss});
      },
      true);
  EXPECT_TRUE(d.busy());  // queued for the worker, not run in this frame
  EXPECT_TRUE(d.settings().empty());
  for (int i = 0; i < 2000 && d.busy(); ++i) {
    d.tick(0.01);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_FALSE(d.busy());
  EXPECT_EQ(d.settings().size(), 2u);
  EXPECT_TRUE(d.uses_worker());  // 24,000 points x 2 runs
  EXPECT_EQ(d.shown().total_points, 24000u);
}

TEST(RaceDriver, FinishedRacePausesTheTransport) {
  Scene s = make_blobs({3, 10, 0.3, 2});
  s.points.clear();
  RaceDriver d;
  start(d, s);
  d.transport.play();
  d.tick(0.01);
  EXPECT_FALSE(d.transport.playing);
  EXPECT_EQ(d.shown().steps, 0);
}

}  // namespace
}  // namespace ll::race
