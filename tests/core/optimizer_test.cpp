#include "core/optimizer.h"

#include <gtest/gtest.h>

#include <algorithm>

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

// Max-norm is a projection after each update: every row of W has norm <= c after every step,
// for every loss, and the rows that were inside the ball are left as the update made them.
TEST_P(EveryOptimizer, MaxNormHoldsAfterEveryStep) {
  for (LossKind loss :
       {LossKind::WestonWatkins, LossKind::Softmax, LossKind::Sigmoid, LossKind::Focal}) {
    for (double c : {0.25, 1.0, 3.0}) {
      Scene s = make_blobs({4, 20, 0.05, 8});
      s.params = random_params(4, 3);
      s.params.W *= 10.0;  // start outside the ball
      s.loss.kind = loss;
      s.loss.lambda = 0.0;  // no weight decay: the projection alone bounds W
      s.optimizer.kind = GetParam();
      s.optimizer.lr = 0.5;
      s.optimizer.batch = 5;
      s.optimizer.max_norm = c;
      Optimizer opt(s.optimizer);
      int clipped = 0;
      for (int step = 0; step < 200; ++step) {
        Scene unclipped = s;
        Optimizer free_opt = opt;
        OptimizerSettings off = s.optimizer;
        off.max_norm = 0.0;
        free_opt.set_settings(off);
        ASSERT_EQ(opt.step(s), StepStatus::Ok) << step;
        for (Eigen::Index k = 0; k < s.params.W.rows(); ++k) {
          ASSERT_LE(s.params.W.row(k).norm(), c) << "step " << step << " row " << k;
        }
        // Same update without the projection (fresh state only on step 0, where both agree).
        if (step == 0) {
          ASSERT_EQ(free_opt.step(unclipped), StepStatus::Ok);
          for (Eigen::Index k = 0; k < s.params.W.rows(); ++k) {
            const double n = unclipped.params.W.row(k).norm();
            if (n <= c) {
              EXPECT_EQ(s.params.W.row(k), unclipped.params.W.row(k));
            } else {
              ++clipped;
              EXPECT_NEAR(s.params.W.row(k).norm(), c, 1e-12 * c);
              // Scaled, not rotated: same direction.
              EXPECT_NEAR(
                  s.params.W.row(k).normalized().dot(unclipped.params.W.row(k).normalized()), 1.0,
                  1e-12);
            }
          }
          EXPECT_EQ(s.params.b, unclipped.params.b);  // biases are not projected
        }
      }
      EXPECT_GT(clipped, 0) << "the test should start outside the ball";
    }
  }
}

TEST(MaxNorm, ProjectionIsExactAndOffAtZero) {
  WeightMatrix W(3, 2);
  W << 3.0, 4.0, 0.1, 0.2, -1e8, 1e8;
  WeightMatrix same = W;
  project_max_norm(same, 0.0);
  EXPECT_EQ(same, W);
  project_max_norm(W, 1.0);
  EXPECT_LE(W.row(0).norm(), 1.0);
  EXPECT_NEAR(W(0, 0), 0.6, 1e-15);
  EXPECT_NEAR(W(0, 1), 0.8, 1e-15);
  EXPECT_EQ(W(1, 0), 0.1);  // inside the ball: untouched
  EXPECT_LE(W.row(2).norm(), 1.0);
  EXPECT_NEAR(W(2, 1), std::sqrt(0.5), 1e-15);
  for (double c : {1e-3, 0.3, 0.7, 1.1, 12345.678}) {  // never an ulp above c
    WeightMatrix V(2, 2);
    V << 0.1 + 0.2, 1.0 / 3.0, 7.0, -11.0;
    V *= 1e4;
    project_max_norm(V, c);
    EXPECT_LE(V.row(0).norm(), c);
    EXPECT_LE(V.row(1).norm(), c);
  }
}

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

TEST(Optimizer, LastBatchIsTheStepsMinibatchAndEpochsCountReshuffles) {
  Scene s = make_blobs({3, 4, 0.2, 5});  // N = 12
  s.optimizer.kind = OptimizerKind::SGD;
  s.optimizer.batch = 5;  // two batches an epoch, two points of each epoch dropped
  Optimizer opt(s.optimizer);
  EXPECT_TRUE(opt.last_batch().empty());
  EXPECT_EQ(opt.epochs(), 0);
  std::vector<int> seen;
  for (int step = 1; step <= 6; ++step) {
    ASSERT_EQ(opt.step(s), StepStatus::Ok);
    const auto b = opt.last_batch();
    ASSERT_EQ(b.size(), 5u);
    EXPECT_EQ(opt.epochs(), (step + 1) / 2) << "step " << step;
    if (step % 2 == 1) seen.clear();
    for (int i : b) {
      EXPECT_GE(i, 0);
      EXPECT_LT(i, 12);
      EXPECT_EQ(std::count(seen.begin(), seen.end(), i), 0) << "index " << i << " twice";
      seen.push_back(i);
    }
  }
  // A copy's batch is its own (indices, not pointers into the other's order).
  Optimizer copy = opt;
  const std::vector<int> before(opt.last_batch().begin(), opt.last_batch().end());
  opt.step(s);
  EXPECT_TRUE(std::equal(before.begin(), before.end(), copy.last_batch().begin()));
  opt.reset();
  EXPECT_TRUE(opt.last_batch().empty());
  EXPECT_EQ(opt.epochs(), 4);  // reset forgets the order, not the count

  Scene gd = s;
  gd.optimizer.kind = OptimizerKind::GD;
  Optimizer full(gd.optimizer);
  full.step(gd);
  full.step(gd);
  EXPECT_TRUE(full.last_batch().empty());  // every point
  EXPECT_EQ(full.epochs(), 2);
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
  for (OptimizerKind kind :
       {OptimizerKind::GD, OptimizerKind::SGD, OptimizerKind::Momentum, OptimizerKind::Adam}) {
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

namespace ll {
namespace {

// A legal scene whose L2 term explodes slowly: each step multiplies W by |1 - 2 lr lambda| = 1.5,
// so 30 steps reach a loss of ~1e16 with |W| still far below 1e8. Before the loss rule, that
// trained with status ok.
Scene exploding_scene() {
  Scene s = default_scene();
  s.loss.lambda = 1e4;
  s.optimizer.lr = 1.25e-4;
  return s;
}

TEST(OptimizerDivergence, ALossAboveTheBoundIsUndoneAndReported) {
  Scene s = exploding_scene();
  const double start = record(s).total_loss;
  ASSERT_LT(start, kLossBound);
  const TrainResult r = train(s, 30);
  EXPECT_EQ(r.status, StepStatus::Diverged);
  EXPECT_LT(r.steps_done, 30);
  // The step that raised the loss above 1e12 was undone: the scene is left below the bound.
  const double end = record(s).total_loss;
  EXPECT_LE(end, kLossBound);
  EXPECT_EQ(r.history.back().total_loss, end);
  EXPECT_EQ(r.history_steps.back(), r.steps_done);
  for (const LossRecord& h : r.history) EXPECT_LE(h.total_loss, kLossBound);
  // Replaying steps_done steps reaches exactly that state, and one more step explodes it.
  Scene replay = exploding_scene();
  Optimizer opt(replay.optimizer);
  for (long i = 0; i < r.steps_done; ++i) ASSERT_EQ(opt.step(replay), StepStatus::Ok);
  EXPECT_EQ(replay.params, s.params);
  ASSERT_EQ(opt.step(replay), StepStatus::Ok);
  EXPECT_GT(record(replay).total_loss, kLossBound);
}

TEST(OptimizerDivergence, TheNextStepUndoesTheStepThatExploded) {
  Scene s = exploding_scene();
  Optimizer opt(s.optimizer);
  Params before = s.params;
  for (int i = 0; i < 30; ++i) {
    before = s.params;
    ASSERT_EQ(opt.step(s), StepStatus::Ok);
    if (record(s).total_loss > kLossBound) break;
  }
  ASSERT_GT(record(s).total_loss, kLossBound);
  EXPECT_EQ(opt.step(s), StepStatus::Diverged);
  EXPECT_TRUE(opt.undid_previous());
  EXPECT_EQ(s.params, before);
}

TEST(OptimizerDivergence, AHugeLossThatFallsIsNotDivergence) {
  Scene s = exploding_scene();
  s.params.W *= 1e6;  // starts far above the bound, and gradient descent brings it down
  s.optimizer.lr = 1e-5;
  const double start = record(s).total_loss;
  ASSERT_GT(start, kLossBound);
  const TrainResult r = train(s, 20);
  EXPECT_EQ(r.status, StepStatus::Ok);
  EXPECT_EQ(r.steps_done, 20);
  EXPECT_LT(r.history.back().total_loss, start);
}

TEST(OptimizerDivergence, AnEditedSceneIsNotUndone) {
  Scene s = exploding_scene();
  Optimizer opt(s.optimizer);
  ASSERT_EQ(opt.step(s), StepStatus::Ok);
  s.params.W *= 1e2;  // the user moved the weights: a big loss now is not the step's doing
  const Params edited = s.params;
  EXPECT_FALSE(opt.undo_if_exploded(s, 1e20));
  EXPECT_EQ(s.params, edited);
}

TEST(Train, RecordsEveryKthStepPlusTheFirstAndTheLast) {
  Scene a = make_blobs({3, 20, 0.2, 2});
  a.optimizer.kind = OptimizerKind::SGD;
  a.optimizer.batch = 4;
  Scene b = a;
  TrainOptions every7;
  every7.record_every = 7;
  const TrainResult r = train(a, 30, every7);
  EXPECT_EQ(r.history_steps, (std::vector<long>{0, 7, 14, 21, 28, 30}));
  ASSERT_EQ(r.history.size(), r.history_steps.size());
  const TrainResult full = train(b, 30);  // same steps, every one recorded
  ASSERT_EQ(full.history.size(), 31u);
  EXPECT_EQ(a.params, b.params);
  for (std::size_t i = 0; i < r.history.size(); ++i) {
    const auto step = static_cast<std::size_t>(r.history_steps[i]);
    EXPECT_EQ(r.history[i].total_loss, full.history[step].total_loss) << step;
  }
}

TEST(Train, AutoRecordEveryKeepsFullPassesFromDominating) {
  Scene s = default_scene();
  EXPECT_EQ(auto_record_every(s), 1);  // gd, 9 points
  s.points.assign(1'000'000, Point{0.1, 0.2, 1});
  EXPECT_EQ(auto_record_every(s), 1);  // gd touches every point each step anyway
  s.optimizer.kind = OptimizerKind::SGD;
  s.optimizer.batch = 4;
  EXPECT_EQ(auto_record_every(s), 250'000);
  s.optimizer.batch = 2'000'000;
  EXPECT_EQ(auto_record_every(s), 1);
  s.points.resize(10'000);
  s.optimizer.batch = 4;
  EXPECT_EQ(auto_record_every(s), 1);  // small scenes: every step
}

TEST(Train, KeepGoingStopsBetweenSteps) {
  Scene s = default_scene();
  TrainOptions o;
  o.keep_going = [](long done) { return done < 3; };
  const TrainResult r = train(s, 100, o);
  EXPECT_TRUE(r.interrupted);
  EXPECT_EQ(r.status, StepStatus::Ok);
  EXPECT_EQ(r.steps_done, 3);
  EXPECT_EQ(r.history_steps, (std::vector<long>{0, 1, 2, 3}));
  Scene t = default_scene();
  train(t, 3);
  EXPECT_EQ(s.params, t.params);
}

}  // namespace
}  // namespace ll
