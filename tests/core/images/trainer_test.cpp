#include "core/images/trainer.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/images/training_job.h"
#include "tests/core/images/image_data.h"

namespace ll::images {
namespace {

class SmallSet : public ::testing::TestWithParam<LossKind> {};

// A generated set of 5 classes of 6 x 10 images (400 training, 200 test images) is linearly
// separable: every loss with its default settings trains it to 100% train and test accuracy.
TEST_P(SmallSet, TrainsTo100Percent) {
  const auto data = test::banded_data(400, 200, 5, 6, 10);
  TrainSettings s = default_settings(GetParam());
  s.optimizer.batch = 32;
  Trainer t(data, s);
  const long n = t.steps_for_epochs(20);
  EXPECT_EQ(n, 20 * (400 / 32));
  EXPECT_EQ(t.train_steps(n), n);
  EXPECT_EQ(t.status(), StepStatus::Ok);
  const Summary tr = summarize(t.model(), data->train, s.loss);
  const Summary te = summarize(t.model(), data->test, s.loss);
  EXPECT_DOUBLE_EQ(tr.accuracy, 1.0) << to_string(GetParam());
  EXPECT_DOUBLE_EQ(te.accuracy, 1.0) << to_string(GetParam());
  // It learnt: the loss fell from where it started.
  ASSERT_GE(t.evaluations().size(), 2u);
  EXPECT_LT(t.evaluations().back().train_loss, 0.5 * t.evaluations().front().train_loss);
  EXPECT_DOUBLE_EQ(t.evaluations().back().test_accuracy, 1.0);
}

INSTANTIATE_TEST_SUITE_P(Losses, SmallSet,
                         ::testing::Values(LossKind::WestonWatkins, LossKind::OneVsAll,
                                           LossKind::Structured, LossKind::Softmax));

TEST(Trainer, EveryOptimizerTrainsTheSmallSet) {
  const auto data = test::banded_data(300, 100, 4, 4, 8);
  for (OptimizerKind o :
       {OptimizerKind::GD, OptimizerKind::SGD, OptimizerKind::Momentum, OptimizerKind::Adam}) {
    TrainSettings s = default_settings(LossKind::Softmax);
    s.optimizer.kind = o;
    s.optimizer.batch = 25;
    s.optimizer.lr = o == OptimizerKind::Adam ? 0.05 : o == OptimizerKind::Momentum ? 0.1 : 0.5;
    Trainer t(data, s);
    t.train_steps(o == OptimizerKind::GD ? 200 : t.steps_for_epochs(15));
    EXPECT_DOUBLE_EQ(summarize(t.model(), data->test, s.loss).accuracy, 1.0) << to_string(o);
  }
}

TEST(Trainer, IsDeterministicForASeedAndStepwiseEqualsOneRun) {
  const auto data = test::banded_data(100, 20, 3, 3, 6);
  TrainSettings s = default_settings(LossKind::Softmax);
  s.optimizer.batch = 16;
  Trainer a(data, s), b(data, s);
  a.train_steps(40);
  for (int i = 0; i < 4; ++i) b.train_steps(10);  // the window's chunks
  EXPECT_TRUE(a.model() == b.model());
  EXPECT_EQ(a.steps(), 40);
  s.optimizer.seed = 2;
  Trainer c(data, s);
  c.train_steps(40);
  EXPECT_FALSE(a.model() == c.model());
}

TEST(Trainer, InitZeroStartsAtZeroAndSmallIsSeeded) {
  const auto data = test::banded_data(20, 5, 3, 2, 3);
  TrainSettings s = default_settings(LossKind::Softmax);
  s.init = Init::Zero;
  EXPECT_TRUE(Trainer(data, s).model().W.isZero());
  s.init = Init::Small;
  const Trainer t(data, s);
  EXPECT_FALSE(t.model().W.isZero());
  EXPECT_LT(t.model().W.cwiseAbs().maxCoeff(), 0.01);
  EXPECT_TRUE(t.model().b.isZero());
}

TEST(Trainer, HistoryAndEvaluationsFollowTheSettings) {
  const auto data = test::banded_data(200, 40, 3, 3, 6);
  TrainSettings s = default_settings(LossKind::Softmax);
  s.optimizer.batch = 20;  // 10 steps an epoch
  s.log_every = 5;
  s.eval_every = 0;  // once an epoch
  Trainer t(data, s);
  t.train_steps(30);
  ASSERT_EQ(t.history().size(), 6u);
  EXPECT_EQ(t.history()[0].step, 5);
  EXPECT_DOUBLE_EQ(t.history()[5].epoch, 3.0);
  // Step 0, then epochs 1, 2 and 3 (the end of the call is step 30 again: not repeated).
  ASSERT_EQ(t.evaluations().size(), 4u);
  EXPECT_EQ(t.evaluations()[0].step, 0);
  EXPECT_EQ(t.evaluations()[3].step, 30);
  EXPECT_DOUBLE_EQ(t.epochs(), 3.0);
  // The window's five times an epoch: every second step of a 10-step epoch.
  s.evals_per_epoch = 5;
  Trainer five(data, s);
  five.train_steps(10);
  ASSERT_EQ(five.evaluations().size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(five.evaluations()[i].step, 2 * long(i));
  // Evaluations at the same step as `t`'s are the same numbers.
  EXPECT_EQ(five.evaluations()[5].test_accuracy, t.evaluations()[1].test_accuracy);
  EXPECT_EQ(five.evaluations()[5].train_loss, t.evaluations()[1].train_loss);
}

TEST(Trainer, ADivergingRunStopsAndKeepsTheLastFiniteState) {
  const auto data = test::banded_data(50, 10, 3, 3, 6, false);
  TrainSettings s = default_settings(LossKind::WestonWatkins);
  s.loss.squared = true;
  s.optimizer.kind = OptimizerKind::GD;
  s.optimizer.lr = 1e6;
  Trainer t(data, s);
  const long done = t.train_steps(1000);
  EXPECT_LT(done, 1000);
  EXPECT_EQ(t.status(), StepStatus::Diverged);
  EXPECT_TRUE(t.model().W.allFinite());
  EXPECT_EQ(t.train_steps(10), 0);  // stays stopped
}

TEST(Trainer, CancelStopsAtTheNextStep) {
  const auto data = test::banded_data(50, 10, 3, 3, 6);
  Trainer t(data, default_settings(LossKind::Softmax));
  JobControl c;
  c.cancel();
  EXPECT_EQ(t.train_steps(100, &c), 0);
  EXPECT_EQ(t.steps(), 0);
}

TEST(Trainer, RefusesAnEmptyOrMismatchedSet) {
  auto empty = std::make_shared<Dataset>();
  EXPECT_THROW(Trainer(empty, default_settings()), std::invalid_argument);
  auto d = std::make_shared<Dataset>();
  d->train = test::banded_set(10, 3, 2, 3, 1);
  d->test = test::banded_set(10, 3, 3, 3, 1);
  EXPECT_THROW(Trainer(d, default_settings()), std::invalid_argument);
}

TEST(TrainingJob, PublishesSnapshotsAndReturnsTheLast) {
  const auto data = test::banded_data(100, 20, 3, 3, 6);
  TrainSettings s = default_settings(LossKind::Softmax);
  s.optimizer.batch = 10;
  Trainer t(data, s);
  SnapshotChannel channel;
  RunOptions o;
  o.steps = 55;
  o.chunk = 10;
  o.publish_seconds = 0.0;  // every chunk
  JobControl control;
  const TrainSnapshot last = run_training(t, o, control, &channel);
  EXPECT_EQ(last.steps, 55);
  EXPECT_TRUE(last.model == t.model());
  EXPECT_GE(channel.version(), 2u);
  std::uint64_t seen = 0;
  const auto newest = channel.take_newer(seen);
  ASSERT_TRUE(newest.has_value());
  EXPECT_EQ(newest->steps, 55);
  EXPECT_EQ(seen, channel.version());
  EXPECT_FALSE(channel.take_newer(seen).has_value());
  EXPECT_DOUBLE_EQ(control.progress(), 1.0);
}

}  // namespace
}  // namespace ll::images
