#include "core/images/linear_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/losses.h"
#include "core/rng.h"
#include "tests/core/test_util.h"

namespace ll::images {
namespace {

struct Case {
  LossKind kind;
  RegKind reg;
  bool squared;
  bool weighted;  // class weights
};

std::string name(const Case& c) {
  return std::string(to_string(c.kind)) + "_" + to_string(c.reg) + (c.squared ? "_sq" : "") +
         (c.weighted ? "_w" : "");
}

std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (LossKind k : {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured,
                     LossKind::Softmax, LossKind::Sigmoid, LossKind::Focal})
    for (RegKind r : {RegKind::L2, RegKind::L1, RegKind::Elastic}) {
      out.push_back({k, r, false, false});
      out.push_back({k, r, false, true});
      if (is_hinge(k)) out.push_back({k, r, true, false});
    }
  return out;
}

LossSettings settings_for(const Case& c, int K) {
  LossSettings s;
  s.kind = c.kind;
  s.reg = c.reg;
  s.squared = c.squared;
  s.lambda = 0.3;
  s.gamma = 1.5;
  s.alpha = 0.7;
  if (c.weighted)
    for (int k = 0; k < K; ++k) s.class_weights.push_back(0.5 + 0.25 * k);
  return s;
}

// The 2-D scene as an image set of D = 2 "pixels" and the 2-D parameters as a LinearModel.
void as_images(const Scene& scene, BatchMatrix& X, std::vector<int>& labels, LinearModel& m) {
  const auto n = static_cast<Eigen::Index>(scene.points.size());
  X.resize(n, 2);
  labels.clear();
  for (Eigen::Index i = 0; i < n; ++i) {
    const Point& p = scene.points[static_cast<std::size_t>(i)];
    X(i, 0) = p.x0;
    X(i, 1) = p.x1;
    labels.push_back(p.label);
  }
  m.W = scene.params.W;
  m.b = scene.params.b;
}

class TwoDimensional : public ::testing::TestWithParam<Case> {};

// The D-dimensional path (one GEMM, point_loss per row, two GEMMs) and the 2-D canvas's own
// loss_gradient (its fast kernels) agree on the same data to 1e-12.
TEST_P(TwoDimensional, LossAndGradientEqualThe2DPath) {
  for (int K : {2, 3, 5, 10}) {
    const Scene scene = test::random_scene(K, 257, 40 + static_cast<std::uint64_t>(K));
    BatchMatrix X;
    std::vector<int> labels;
    LinearModel m;
    as_images(scene, X, labels, m);
    const LossSettings s = settings_for(GetParam(), K);
    const LossGradient two = ll::loss_gradient(scene.points, scene.params, s);
    const BatchLoss d = loss_gradient(X, labels, m, s);
    EXPECT_NEAR(d.data_loss, two.data_loss, 1e-12) << "K = " << K;
    EXPECT_NEAR(d.reg_loss, two.reg_loss, 1e-12) << "K = " << K;
    EXPECT_NEAR(d.total_loss, two.total_loss, 1e-12) << "K = " << K;
    ASSERT_EQ(d.dW.rows(), K);
    ASSERT_EQ(d.dW.cols(), 2);
    EXPECT_LE((d.dW - Eigen::MatrixXd(two.dW)).cwiseAbs().maxCoeff(), 1e-12) << "K = " << K;
    EXPECT_LE((d.db - two.db).cwiseAbs().maxCoeff(), 1e-12) << "K = " << K;
    // Something is being compared: the gradient is not zero.
    EXPECT_GT(d.dW.cwiseAbs().maxCoeff(), 1e-3);
  }
}

INSTANTIATE_TEST_SUITE_P(AllLosses, TwoDimensional, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& p) { return name(p.param); });

// A random problem of D pixels: X in [-1, 1], labels uniform, W and b normal.
struct Problem {
  BatchMatrix X;
  std::vector<int> labels;
  LinearModel m;
};

Problem random_problem(int K, int D, int n, std::uint64_t seed) {
  Rng rng(seed);
  Problem p;
  p.X.resize(n, D);
  for (int i = 0; i < n; ++i) {
    for (int d = 0; d < D; ++d) p.X(i, d) = rng.uniform(-1, 1);
    p.labels.push_back(static_cast<int>(rng.below(static_cast<std::uint64_t>(K))));
  }
  p.m = small_random_model(K, D, rng, 0.3);
  for (int k = 0; k < K; ++k) p.m.b(k) = rng.normal() * 0.3;
  return p;
}

class FiniteDifferences : public ::testing::TestWithParam<Case> {};

// Central differences of the total loss at D = 5 .. 50 match dW and db.
TEST_P(FiniteDifferences, MatchTheGradientFromD5ToD50) {
  const Case c = GetParam();
  for (int D : {5, 12, 27, 50}) {
    const int K = 4;
    Problem p = random_problem(K, D, 40, 1000 + static_cast<std::uint64_t>(D));
    const LossSettings s = settings_for(c, K);
    const BatchLoss g = loss_gradient(p.X, p.labels, p.m, s);
    const double h = 1e-6;
    auto total = [&](const LinearModel& m) {
      return loss_gradient(p.X, p.labels, m, s).total_loss;
    };
    double worst = 0.0;
    for (int k = 0; k < K; ++k) {
      for (int d = 0; d < D; ++d) {
        LinearModel a = p.m, b = p.m;
        a.W(k, d) += h;
        b.W(k, d) -= h;
        const double fd = (total(a) - total(b)) / (2 * h);
        worst = std::max(worst, std::abs(fd - g.dW(k, d)) / std::max(1.0, std::abs(fd)));
      }
      LinearModel a = p.m, b = p.m;
      a.b(k) += h;
      b.b(k) -= h;
      const double fd = (total(a) - total(b)) / (2 * h);
      worst = std::max(worst, std::abs(fd - g.db(k)) / std::max(1.0, std::abs(fd)));
    }
    EXPECT_LT(worst, 1e-6) << name(c) << " D = " << D;
    EXPECT_GT(g.dW.cwiseAbs().maxCoeff(), 1e-3) << name(c) << " D = " << D;
  }
}

INSTANTIATE_TEST_SUITE_P(AllLosses, FiniteDifferences, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& p) { return name(p.param); });

TEST(LinearModel, TheBlockedWholeSetPathEqualsOneBatch) {
  // 2500 images: three blocks of at most 1024.
  const int K = 3, D = 6, n = 2500;
  Problem p = random_problem(K, D, n, 7);
  ImageSet set;
  set.X = p.X.cast<float>();
  set.labels = p.labels;
  set.rows = 2;
  set.cols = 3;
  set.classes = K;
  set.class_names = {"a", "b", "c"};
  const BatchMatrix Xf = set.X.cast<double>();  // the float pixels, exactly
  LossSettings s;
  s.kind = LossKind::Softmax;
  s.lambda = 0.01;
  const BatchLoss whole = loss_gradient(set, {}, p.m, s);
  const BatchLoss one = loss_gradient(Xf, p.labels, p.m, s);
  EXPECT_NEAR(whole.total_loss, one.total_loss, 1e-12);
  EXPECT_LE((whole.dW - one.dW).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_LE((whole.db - one.db).cwiseAbs().maxCoeff(), 1e-12);
  // A subset: rows 5, 2000 and 7.
  const std::vector<int> subset = {5, 2000, 7};
  BatchMatrix Xs(3, D);
  Xs << Xf.row(5), Xf.row(2000), Xf.row(7);
  const std::vector<int> ls = {p.labels[5], p.labels[2000], p.labels[7]};
  const BatchLoss sub = loss_gradient(set, subset, p.m, s);
  const BatchLoss direct = loss_gradient(Xs, ls, p.m, s);
  EXPECT_NEAR(sub.data_loss, direct.data_loss, 1e-12);
  EXPECT_LE((sub.dW - direct.dW).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(LinearModel, ScoresAreWxPlusB) {
  LinearModel m = zero_model(2, 3);
  m.W << 1, 2, 3, -1, 0, 0.5;
  m.b << 0.25, -2;
  BatchMatrix X(2, 3), S;
  X << 1, 1, 1, 2, 0, -2;
  scores(X, m, S);
  EXPECT_DOUBLE_EQ(S(0, 0), 6.25);
  EXPECT_DOUBLE_EQ(S(0, 1), -2.5);
  EXPECT_DOUBLE_EQ(S(1, 0), -3.75);
  EXPECT_DOUBLE_EQ(S(1, 1), -5.0);
}

TEST(LinearModel, BadShapesAndLabelsThrow) {
  Problem p = random_problem(3, 4, 5, 3);
  LossSettings s;
  BatchMatrix wrong(5, 3);
  wrong.setZero();
  EXPECT_THROW(loss_gradient(wrong, p.labels, p.m, s), std::invalid_argument);
  std::vector<int> bad = p.labels;
  bad[2] = 3;
  EXPECT_THROW(loss_gradient(p.X, bad, p.m, s), std::invalid_argument);
  bad[2] = -1;
  EXPECT_THROW(loss_gradient(p.X, bad, p.m, s), std::invalid_argument);
  EXPECT_THROW(loss_gradient(p.X, std::vector<int>{0, 1}, p.m, s), std::invalid_argument);
  LinearModel one = zero_model(1, 4);
  EXPECT_THROW(loss_gradient(p.X, std::vector<int>(5, 0), one, s), std::invalid_argument);
  s.class_weights = {1.0, -1.0, 1.0};
  EXPECT_THROW(loss_gradient(p.X, p.labels, p.m, s), std::invalid_argument);
}

TEST(LinearModel, SmallRandomInitIsSeededAndSmall) {
  Rng a(5), b(5), c(6);
  const LinearModel ma = small_random_model(10, 784, a), mb = small_random_model(10, 784, b),
                    mc = small_random_model(10, 784, c);
  EXPECT_TRUE(ma == mb);
  EXPECT_FALSE(ma == mc);
  EXPECT_TRUE(ma.b.isZero());
  const double sd = std::sqrt(ma.W.squaredNorm() / static_cast<double>(ma.W.size()));
  EXPECT_NEAR(sd, 1e-3, 1e-4);
}

}  // namespace
}  // namespace ll::images
