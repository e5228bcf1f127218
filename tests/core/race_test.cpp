#include "core/race.h"

#include <gtest/gtest.h>

#include "core/datasets.h"

namespace ll {
namespace {

RaceRunSettings with(OptimizerKind k, double lr, const Scene& s) {
  RaceRunSettings r{s.optimizer, s.loss};
  r.optimizer.kind = k;
  r.optimizer.lr = lr;
  return r;
}

Race four_optimizers(const Scene& s) {
  Race race(s);
  race.add_run(with(OptimizerKind::GD, 0.1, s));
  race.add_run(with(OptimizerKind::SGD, 0.1, s));
  race.add_run(with(OptimizerKind::Momentum, 0.05, s));
  race.add_run(with(OptimizerKind::Adam, 0.05, s));
  return race;
}

Scene blobs() {
  Scene s = make_blobs({3, 15, 0.3, 5});
  s.params = default_params(3);
  s.optimizer.batch = 6;
  return s;
}

// Each run's parameters and records equal train's on the start scene with the run's
// settings, after every number of steps (train restarts from the start each time).
TEST(Race, EveryRunEqualsTrainStepByStep) {
  const Scene s = blobs();
  Race race = four_optimizers(s);
  constexpr long kSteps = 25;
  for (long n = 1; n <= kSteps; ++n) {
    ASSERT_TRUE(race.step());
    for (const RaceRun& r : race.runs()) {
      Scene t = s;
      t.loss = r.settings.loss;
      t.optimizer = r.settings.optimizer;
      const TrainResult tr = train(t, n);
      ASSERT_EQ(tr.status, StepStatus::Ok);
      ASSERT_EQ(r.steps, n) << r.name;
      EXPECT_EQ(r.scene.params, t.params) << r.name << " step " << n;
      EXPECT_EQ(r.trajectory.back(), t.params) << r.name;
      ASSERT_EQ(r.history.size(), tr.history.size());
      for (std::size_t i = 0; i < tr.history.size(); ++i)
        EXPECT_EQ(r.history[i].total_loss, tr.history[i].total_loss) << r.name << " " << i;
    }
  }
  // The runs really differ (four optimizers, four parameter sets).
  for (int i = 0; i < race.size(); ++i)
    for (int j = i + 1; j < race.size(); ++j)
      EXPECT_FALSE(race.runs()[i].scene.params == race.runs()[j].scene.params) << i << " " << j;
}

TEST(Race, LossRaceEqualsTrainWithEachLoss) {
  const Scene s = blobs();
  Race race(s);
  RaceRunSettings base{s.optimizer, s.loss}, a, b;
  ASSERT_TRUE(race_loss("ww", base, a));
  ASSERT_TRUE(race_loss("softmax", base, b));
  race.add_run(a);
  race.add_run(b);
  EXPECT_EQ(race.runs()[0].name, "WW SVM");
  EXPECT_EQ(race.runs()[1].name, "Softmax");
  EXPECT_NE(race.runs()[0].color, race.runs()[1].color);
  EXPECT_EQ(race.advance(30), 30);
  for (const RaceRun& r : race.runs()) {
    Scene t = s;
    t.loss = r.settings.loss;
    train(t, 30);
    EXPECT_EQ(r.scene.params, t.params) << r.name;
  }
  EXPECT_FALSE(race.runs()[0].scene.params == race.runs()[1].scene.params);
}

TEST(Race, DeterministicPerSeed) {
  const Scene s = blobs();
  Race a = four_optimizers(s), b = four_optimizers(s);
  a.advance(40);
  b.advance(40);
  for (int i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a.runs()[i].trajectory.size(), b.runs()[i].trajectory.size());
    for (std::size_t k = 0; k < a.runs()[i].trajectory.size(); ++k)
      ASSERT_EQ(a.runs()[i].trajectory[k], b.runs()[i].trajectory[k]) << i << " " << k;
  }
  // Another seed shuffles SGD's minibatches differently; GD ignores the seed.
  Scene s2 = s;
  s2.optimizer.seed = 7;
  Race c = four_optimizers(s2);
  c.advance(40);
  EXPECT_EQ(c.runs()[0].scene.params, a.runs()[0].scene.params);
  EXPECT_FALSE(c.runs()[1].scene.params == a.runs()[1].scene.params);
  // Reset returns to the start and replays the same race.
  const Params sgd_after = a.runs()[1].scene.params;
  a.reset();
  EXPECT_EQ(a.steps(), 0);
  for (const RaceRun& r : a.runs()) {
    EXPECT_EQ(r.scene.params, s.params);
    EXPECT_EQ(r.history.size(), 1u);
  }
  a.advance(40);
  EXPECT_EQ(a.runs()[1].scene.params, sgd_after);
}

TEST(Race, LockStepAfterAddRemoveAndChange) {
  const Scene s = blobs();
  Race race = four_optimizers(s);
  race.advance(10);
  race.add_run(with(OptimizerKind::Adam, 0.2, s));  // joins at step 10
  race.remove_run(0);
  race.set_run(0, with(OptimizerKind::SGD, 0.3, s));  // restarts, caught up
  race.advance(5);
  EXPECT_EQ(race.steps(), 15);
  for (const RaceRun& r : race.runs()) {
    EXPECT_EQ(r.status, RunStatus::Running) << r.name;
    EXPECT_EQ(r.steps, 15) << r.name;
    EXPECT_EQ(r.history.size(), 16u) << r.name;
    EXPECT_EQ(r.trajectory.size(), 16u) << r.name;
  }
  // The caught-up run equals train's 15 steps.
  Scene t = s;
  t.optimizer = race.runs()[0].settings.optimizer;
  train(t, 15);
  EXPECT_EQ(race.runs()[0].scene.params, t.params);
}

TEST(Race, DivergingRunStopsWhileTheOthersGoOn) {
  const Scene s = blobs();
  Race race(s);
  race.add_run(with(OptimizerKind::GD, 0.1, s));
  race.add_run(with(OptimizerKind::GD, 1e7, s));
  race.advance(20);
  EXPECT_EQ(race.runs()[0].status, RunStatus::Running);
  EXPECT_EQ(race.runs()[0].steps, 20);
  const RaceRun& bad = race.runs()[1];
  EXPECT_EQ(bad.status, RunStatus::Diverged);
  EXPECT_LT(bad.steps, 20);
  Scene t = s;
  t.optimizer = bad.settings.optimizer;
  const TrainResult tr = train(t, 20);
  EXPECT_EQ(tr.status, StepStatus::Diverged);
  EXPECT_EQ(tr.steps_done, bad.steps);
  EXPECT_EQ(t.params, bad.scene.params);
}

TEST(Race, NamesColoursAndLimits) {
  const Scene s = blobs();
  Race race = four_optimizers(s);
  EXPECT_EQ(race.runs()[0].name, "GD lr 0.1");
  EXPECT_EQ(race.runs()[1].name, "SGD lr 0.1 batch 6");
  EXPECT_EQ(race.runs()[2].name, "Momentum 0.9 lr 0.05 batch 6");
  EXPECT_EQ(race.runs()[3].name, "Adam lr 0.05 batch 6");
  for (int i = 0; i < 4; ++i) EXPECT_EQ(race.runs()[i].color, i);
  race.add_run(with(OptimizerKind::Adam, 0.5, s));  // a second Adam takes the next free slot
  EXPECT_EQ(race.runs()[4].color, 4);
  while (race.add_run(with(OptimizerKind::GD, 0.2, s))) {
  }
  EXPECT_EQ(race.size(), kMaxRaceRuns);
  RaceRunSettings out;
  EXPECT_FALSE(race_optimizer("newton", {}, out));
  EXPECT_FALSE(race_loss("mse", {}, out));
}

TEST(Race, EmptySceneAndRefusedLoss) {
  Scene empty = blobs();
  empty.points.clear();
  Race race(empty);
  race.add_run(with(OptimizerKind::GD, 0.1, empty));
  EXPECT_EQ(race.runs()[0].status, RunStatus::NoData);
  EXPECT_FALSE(race.step());
  EXPECT_TRUE(race.finished());

  Scene multi = blobs();
  multi.points[0].set_label_mask(0b011);
  Race r2(multi);
  RaceRunSettings sig{multi.optimizer, multi.loss}, ww = sig;
  sig.loss.kind = LossKind::Sigmoid;
  r2.add_run(sig);
  r2.add_run(ww);
  EXPECT_EQ(r2.runs()[0].status, RunStatus::Running);
  EXPECT_EQ(r2.runs()[1].status, RunStatus::Refused);
  EXPECT_FALSE(r2.runs()[1].message.empty());
  EXPECT_TRUE(r2.step());
  EXPECT_EQ(r2.runs()[0].steps, 1);
}

TEST(RaceTransport, StepsDuePerTick) {
  RaceTransport t;
  EXPECT_EQ(t.take_due(), 0);
  t.request_step();
  t.request_step();
  EXPECT_EQ(t.take_due(), 2);
  t.steps_per_tick = 5;
  t.play();
  EXPECT_EQ(t.take_due(), 5);
  t.toggle();
  EXPECT_EQ(t.take_due(), 0);
}

}  // namespace
}  // namespace ll
