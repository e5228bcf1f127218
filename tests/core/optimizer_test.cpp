#include "core/optimizer.h"

#include <gtest/gtest.h>

#include "core/datasets.h"

namespace ll {
namespace {

TEST(Optimizer, GradientDescentStepIsExactlyMinusLrTimesGradient) {
  Scene s = default_scene();
  const LossGradient g = loss_gradient(s.points, s.params, s.loss);
  const Params before = s.params;
  Optimizer opt(s.optimizer);
  ASSERT_EQ(opt.step(s), StepStatus::Ok);
  EXPECT_TRUE(s.params.W.isApprox(before.W - 0.1 * g.dW, 1e-15));
  EXPECT_TRUE(s.params.b.isApprox(before.b - 0.1 * g.db, 1e-15));
  EXPECT_EQ(opt.steps_taken(), 1);
}

class EveryOptimizer : public ::testing::TestWithParam<OptimizerKind> {};

TEST_P(EveryOptimizer, LossDecreasesOnSeparableData) {
  for (LossKind loss : {LossKind::WestonWatkins, LossKind::Softmax}) {
    Scene s = make_blobs({3, 15, 0.08, 4});
    s.params = random_params(3, 9);
    s.loss.kind = loss;
    s.loss.lambda = 0.001;
    s.optimizer.kind = GetParam();
    s.optimizer.lr = GetParam() == OptimizerKind::Adam ? 0.05 : 0.1;
    s.optimizer.batch = 8;
    const TrainResult r = train(s, 300);
    ASSERT_EQ(r.status, StepStatus::Ok);
    ASSERT_EQ(r.history.size(), 301u);
    EXPECT_LT(r.history.back().total_loss, 0.5 * r.history.front().total_loss)
        << to_string(GetParam()) << " " << to_string(loss);
    EXPECT_GE(r.history.back().accuracy, 0.95);
  }
}

TEST_P(EveryOptimizer, SameSeedSameResult) {
  Scene a = make_blobs({4, 12, 0.2, 2});
  a.optimizer.kind = GetParam();
  a.optimizer.batch = 5;
  a.optimizer.seed = 42;
  Scene b = a;
  train(a, 50);
  train(b, 50);
  EXPECT_EQ(a.params, b.params);
}

INSTANTIATE_TEST_SUITE_P(All, EveryOptimizer,
                         ::testing::Values(OptimizerKind::GD, OptimizerKind::SGD,
                                           OptimizerKind::Momentum, OptimizerKind::Adam),
                         [](const auto& p) { return std::string(to_string(p.param)); });

TEST(Optimizer, SgdDependsOnTheSeedAndVisitsEveryPointPerEpoch) {
  Scene a = make_blobs({3, 10, 0.2, 2});
  a.optimizer.kind = OptimizerKind::SGD;
  a.optimizer.batch = 3;
  Scene b = a;
  b.optimizer.seed = 2;
  train(a, 5);
  train(b, 5);
  EXPECT_FALSE(a.params == b.params);

  // With lambda = 0 and batch = N / 3 exactly, one epoch of three SGD steps at a tiny rate
  // moves the parameters by (almost exactly) the same amount as one full-batch step of the same
  // total rate: every point is used once.
  Scene sgd = make_blobs({3, 4, 0.2, 5});  // N = 12
  sgd.loss.kind = LossKind::Softmax;
  sgd.loss.lambda = 0.0;
  sgd.optimizer.kind = OptimizerKind::SGD;
  sgd.optimizer.batch = 4;
  sgd.optimizer.lr = 1e-7;
  Scene gd = sgd;
  gd.optimizer.kind = OptimizerKind::GD;
  gd.optimizer.lr = 3e-7;
  train(sgd, 3);
  train(gd, 1);
  EXPECT_LT((sgd.params.W - gd.params.W).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(Optimizer, SoftmaxWithL2ConvergesToOneOptimumFromTwoStarts) {
  Scene a = make_blobs({3, 10, 0.3, 3});
  a.loss.kind = LossKind::Softmax;
  a.loss.lambda = 0.05;
  a.optimizer.lr = 0.5;
  Scene b = a;
  a.params = random_params(3, 1);
  b.params = random_params(3, 2);
  train(a, 20000);
  train(b, 20000);
  EXPECT_LT((a.params.W - b.params.W).cwiseAbs().maxCoeff(), 1e-6);
  // The softmax is unchanged by adding one constant to every bias, and gradient descent keeps
  // the mean bias: compare the centred biases.
  const BiasVector ca = a.params.b.array() - a.params.b.mean();
  const BiasVector cb = b.params.b.array() - b.params.b.mean();
  EXPECT_LT((ca - cb).cwiseAbs().maxCoeff(), 1e-6);
  // And it is a stationary point: the gradient vanishes.
  const LossGradient g = loss_gradient(a.points, a.params, a.loss);
  EXPECT_LT(g.dW.cwiseAbs().maxCoeff(), 1e-8);
}

TEST(Optimizer, DivergenceIsDetectedAndParametersStayFinite) {
  Scene s = default_scene();
  s.optimizer.lr = 5.0;
  s.loss.lambda = 100.0;
  const TrainResult r = train(s, 100);
  EXPECT_EQ(r.status, StepStatus::Diverged);
  EXPECT_LT(r.steps_done, 100);
  EXPECT_TRUE(s.params.W.allFinite());
  EXPECT_LE(s.params.W.cwiseAbs().maxCoeff(), kParamBound);
  EXPECT_TRUE(std::isfinite(r.history.back().total_loss));
}

TEST(Optimizer, DivergedStepLeavesParametersUnchanged) {
  Scene s = default_scene();
  s.optimizer.lr = 1e9;
  const Params before = s.params;
  Optimizer opt(s.optimizer);
  EXPECT_EQ(opt.step(s), StepStatus::Diverged);
  EXPECT_EQ(s.params, before);
}

TEST(Optimizer, NoPointsIsReportedNotStepped) {
  Scene s = default_scene();
  s.points.clear();
  Optimizer opt(s.optimizer);
  EXPECT_EQ(opt.step(s), StepStatus::NoData);
}

TEST(Optimizer, ChangingOnlyTheStepSizeKeepsMomentum) {
  Scene a = default_scene();
  a.optimizer.kind = OptimizerKind::Momentum;
  a.optimizer.batch = 100;
  Scene b = a;
  Optimizer oa(a.optimizer), ob(b.optimizer);
  oa.step(a);
  ob.step(b);
  OptimizerSettings faster = b.optimizer;
  faster.lr = 0.2;
  ob.set_settings(faster);
  EXPECT_EQ(ob.steps_taken(), 1);
  faster.kind = OptimizerKind::Adam;
  ob.set_settings(faster);
  EXPECT_EQ(ob.steps_taken(), 0);
}

}  // namespace
}  // namespace ll

namespace ll {
namespace {

TEST(OptimizerStability, SoftmaxWithHugeScoresTrainsWithoutNaN) {
  Scene s = default_scene();
  s.loss.kind = LossKind::Softmax;
  s.loss.lambda = 0.0;
  s.params.W *= 1e6;  // scores near +-1e6
  s.optimizer.lr = 1e-7;
  const TrainResult r = train(s, 20);
  EXPECT_EQ(r.status, StepStatus::Ok);
  for (const LossRecord& h : r.history) EXPECT_TRUE(std::isfinite(h.total_loss));
  EXPECT_GT(r.history.front().data_loss, 1e5);  // wrong by ~1e6 on some points: a huge loss
  EXPECT_LT(r.history.back().data_loss, r.history.front().data_loss);
}

TEST(OptimizerStability, EveryOptimizerSurvivesAHugeStepSize) {
  for (OptimizerKind kind : {OptimizerKind::GD, OptimizerKind::SGD, OptimizerKind::Momentum,
                             OptimizerKind::Adam}) {
    Scene s = default_scene();
    s.loss.lambda = 100.0;
    s.optimizer.kind = kind;
    s.optimizer.lr = 1e6;
    train(s, 1000);
    EXPECT_TRUE(s.params.W.allFinite() && s.params.b.allFinite()) << to_string(kind);
    EXPECT_LE(s.params.W.cwiseAbs().maxCoeff(), kParamBound) << to_string(kind);
  }
}

}  // namespace
}  // namespace ll

namespace ll {
namespace {

// Divergence is judged on the state after an update: a scene that loads (|W| up to 1e8) trains.
TEST(OptimizerStability, LargeButValidWeightsAreNotCalledDiverged) {
  Scene s = default_scene();
  s.params.W(0, 0) = 1e7;
  s.optimizer.lr = 1e-12;
  const TrainResult r = train(s, 2);
  EXPECT_EQ(r.status, StepStatus::Ok);
  EXPECT_EQ(r.steps_done, 2);
}

}  // namespace
}  // namespace ll
