#include "core/losses.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "core/regularizer.h"
#include "tests/core/test_util.h"

namespace ll {
namespace {

LossSettings settings(LossKind kind) {
  LossSettings s;
  s.kind = kind;
  return s;
}

double loss_of(LossKind kind, std::vector<double> scores, int y, double* ds = nullptr) {
  double scratch[kMaxClasses];
  return point_loss(settings(kind), scores.data(), static_cast<int>(scores.size()), y,
                    ds ? ds : scratch);
}

// The lecture's worked example: columns cat / car / frog with correct classes 0, 1, 2.
TEST(Losses, LectureHingeExample) {
  const double l0 = loss_of(LossKind::WestonWatkins, {3.2, 5.1, -1.7}, 0);
  const double l1 = loss_of(LossKind::WestonWatkins, {1.3, 4.9, 2.0}, 1);
  const double l2 = loss_of(LossKind::WestonWatkins, {2.2, 2.5, -3.1}, 2);
  EXPECT_NEAR(l0, 2.9, 1e-12);  // max(0, 5.1 - 3.2 + 1) + max(0, -1.7 - 3.2 + 1)
  EXPECT_NEAR(l1, 0.0, 1e-12);
  EXPECT_NEAR(l2, 12.9, 1e-12);  // 6.3 + 6.6
  EXPECT_NEAR((l0 + l1 + l2) / 3.0, 5.27, 0.005);
}

TEST(Losses, LectureSoftmaxExample) {
  const std::vector<double> s = {3.2, 5.1, -1.7};
  double p[3];
  softmax(s.data(), 3, p);
  EXPECT_NEAR(p[0], 0.13, 0.005);
  EXPECT_NEAR(p[1], 0.87, 0.005);
  EXPECT_NEAR(p[2], 0.00, 0.005);
  EXPECT_NEAR(p[0] + p[1] + p[2], 1.0, 1e-15);
  const double L = loss_of(LossKind::Softmax, s, 0);
  EXPECT_NEAR(L, 2.04, 0.005);
  EXPECT_NEAR(L, -std::log(p[0]), 1e-12);
}

struct DemoValue {
  LossKind kind;
  double data_loss;
};

TEST(Losses, Cs231nDefaultSceneValues) {
  const Scene scene = default_scene();
  for (const DemoValue& v :
       {DemoValue{LossKind::WestonWatkins, 2.7667}, DemoValue{LossKind::OneVsAll, 4.0222},
        DemoValue{LossKind::Structured, 2.3667}, DemoValue{LossKind::Softmax, 1.8366}}) {
    const Evaluation e = evaluate(scene.points, scene.params, settings(v.kind));
    EXPECT_NEAR(e.data_loss, v.data_loss, 5e-5) << to_string(v.kind);
    EXPECT_NEAR(e.reg_loss, 3.5, 1e-12);
    EXPECT_NEAR(e.total_loss, v.data_loss + 3.5, 5e-5);
  }
}

TEST(Losses, Cs231nWestonWatkinsPerPoint) {
  const Scene scene = default_scene();
  const Evaluation e = evaluate(scene.points, scene.params, scene.loss);
  const double expected[] = {0.30, 1.70, 0, 3.20, 6.80, 2.40, 2.50, 3.30, 4.70};
  ASSERT_EQ(e.losses.size(), 9);
  for (int i = 0; i < 9; ++i) EXPECT_NEAR(e.losses(i), expected[i], 1e-12) << i;
  EXPECT_NEAR(e.scores(0, 0), 1.3, 1e-12);
  EXPECT_NEAR(e.scores(0, 1), -0.1, 1e-12);
  EXPECT_NEAR(e.scores(0, 2), 0.6, 1e-12);
  EXPECT_EQ(e.predictions(0), 0);
  EXPECT_NEAR(e.accuracy, 2.0 / 9.0, 1e-15);  // points 0 and 2 are classified correctly
}

TEST(Losses, StructuredUsesTheLargestWrongScoreWithTiesToLowerIndex) {
  double ds[3];
  const double L = loss_of(LossKind::Structured, {2.0, 0.5, 2.0}, 1, ds);
  EXPECT_NEAR(L, 2.5, 1e-12);
  EXPECT_EQ(ds[0], 1.0);  // the tie between classes 0 and 2 goes to class 0
  EXPECT_EQ(ds[1], -1.0);
  EXPECT_EQ(ds[2], 0.0);
}

TEST(Losses, OneVsAllCountsTheOwnClass) {
  // own class score 0.5 < 1 contributes 0.5; others: 1 + s_j for s_j = -2 (0) and 0 (1).
  EXPECT_NEAR(loss_of(LossKind::OneVsAll, {0.5, -2.0, 0.0}, 0), 1.5, 1e-12);
}

TEST(Losses, SquaredHingeAndDelta) {
  LossSettings s = settings(LossKind::WestonWatkins);
  s.squared = true;
  s.delta = 2.0;
  const double sc[] = {1.0, 2.0, -5.0};
  double ds[3];
  // margins: 2 - 1 + 2 = 3 -> 9; -5 - 1 + 2 = -4 -> 0
  EXPECT_NEAR(point_loss(s, sc, 3, 0, ds), 9.0, 1e-12);
  EXPECT_NEAR(ds[1], 6.0, 1e-12);
  EXPECT_NEAR(ds[0], -6.0, 1e-12);
}

TEST(Losses, SoftmaxIsStableForHugeScores) {
  double ds[3];
  const double L = loss_of(LossKind::Softmax, {1e6, -1e6, 0.0}, 1, ds);
  EXPECT_NEAR(L, 2e6, 1e-6);
  EXPECT_TRUE(std::isfinite(ds[0]) && std::isfinite(ds[1]) && std::isfinite(ds[2]));
  EXPECT_NEAR(ds[0], 1.0, 1e-12);
  EXPECT_NEAR(ds[1], -1.0, 1e-12);
  EXPECT_NEAR(loss_of(LossKind::Softmax, {1e6, -1e6, 0.0}, 0), 0.0, 1e-12);
}

TEST(Losses, EvaluateAgreesWithLossGradientAndSubsets) {
  const Scene s = test::random_scene(4, 25, 7);
  for (LossKind kind :
       {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured, LossKind::Softmax}) {
    const LossSettings ls = settings(kind);
    const Evaluation e = evaluate(s.points, s.params, ls);
    const LossGradient g = loss_gradient(s.points, s.params, ls);
    EXPECT_NEAR(e.total_loss, g.total_loss, 1e-12);
    EXPECT_LT((e.dW - g.dW).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_LT((e.db - g.db).cwiseAbs().maxCoeff(), 1e-12);

    const std::vector<int> subset = {3, 0, 17, 9};
    std::vector<Point> picked;
    for (int i : subset) picked.push_back(s.points[static_cast<std::size_t>(i)]);
    const LossGradient gs = loss_gradient(s.points, s.params, ls, subset);
    const LossGradient gp = loss_gradient(picked, s.params, ls);
    EXPECT_NEAR(gs.data_loss, gp.data_loss, 1e-12);
    EXPECT_LT((gs.dW - gp.dW).cwiseAbs().maxCoeff(), 1e-12);
  }
}

// The training hot path evaluates softmax in vectorized blocks of 256 points; it must agree with
// the per-point definition, across block boundaries and for huge scores.
TEST(Losses, BlockedSoftmaxMatchesThePerPointDefinition) {
  for (int K : {2, 3, 8}) {
    for (double scale : {1.0, 1e5}) {
      Scene s = test::random_scene(K, 1000, static_cast<std::uint64_t>(K));
      s.params.W *= scale;
      s.params.b *= scale;
      const LossSettings ls = settings(LossKind::Softmax);
      const Evaluation e = evaluate(s.points, s.params, ls);
      const LossGradient g = loss_gradient(s.points, s.params, ls);
      EXPECT_TRUE(std::isfinite(g.total_loss));
      EXPECT_NEAR(g.data_loss, e.data_loss, 1e-12 * std::max(1.0, e.data_loss)) << K;
      EXPECT_LT((g.dW - e.dW).cwiseAbs().maxCoeff(), 1e-12 * scale) << K;
      EXPECT_LT((g.db - e.db).cwiseAbs().maxCoeff(), 1e-12) << K;
      const std::vector<int> subset = {999, 0, 500, 257, 256, 255};
      std::vector<Point> picked;
      for (int i : subset) picked.push_back(s.points[static_cast<std::size_t>(i)]);
      EXPECT_NEAR(loss_gradient(s.points, s.params, ls, subset).data_loss,
                  evaluate(picked, s.params, ls).data_loss, 1e-9 * scale);
    }
  }
}

TEST(Losses, NoPointsMeansOnlyRegularization) {
  const Params p = default_params(3);
  const Evaluation e = evaluate({}, p, LossSettings{});
  EXPECT_EQ(e.data_loss, 0.0);
  EXPECT_NEAR(e.total_loss, 3.5, 1e-12);
  EXPECT_EQ(e.accuracy, 0.0);
}

// ---- Finite-difference gradient checks: every loss x regularizer x squared/not ----

struct Case {
  LossKind kind;
  RegKind reg;
  bool squared;
  bool weighted = false;  // random class weights
  double gamma = 2.0;     // focal only
};

std::string case_name(const Case& c) {
  std::string n = std::string(to_string(c.kind)) + "_" + to_string(c.reg) +
                  (c.squared ? "_squared" : "") + (c.weighted ? "_weighted" : "");
  if (c.kind == LossKind::Focal) n += "_gamma" + std::to_string(static_cast<int>(c.gamma * 10));
  return n;
}

void PrintTo(const Case& c, std::ostream* os) { *os << case_name(c); }

std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (LossKind k : {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured,
                     LossKind::Softmax, LossKind::Sigmoid, LossKind::Focal}) {
    for (RegKind r : {RegKind::L2, RegKind::L1, RegKind::Elastic}) {
      for (bool sq : {false, true}) {
        if (!is_hinge(k) && sq) continue;  // squared applies to the hinge losses
        for (bool weighted : {false, true}) {
          if (k == LossKind::Focal) {
            for (double g : {0.0, 0.5, 2.0, 5.0}) out.push_back({k, r, sq, weighted, g});
          } else {
            out.push_back({k, r, sq, weighted});
          }
        }
      }
    }
  }
  return out;
}

// Smallest |margin| over all hinge terms and smallest |W| entry: both must be away from the
// kinks for a finite difference to be meaningful.
double distance_to_kink(const Scene& s, const LossSettings& ls) {
  double d = s.params.W.cwiseAbs().minCoeff();
  if (!is_hinge(ls.kind)) return d;
  double sc[kMaxClasses];
  const int K = s.classes();
  for (const Point& p : s.points) {
    point_scores(s.params, p, sc);
    for (int j = 0; j < K; ++j) {
      if (j == p.label) continue;
      d = std::min(d, std::abs(sc[j] - sc[p.label] + ls.delta));
      if (ls.kind == LossKind::OneVsAll) d = std::min(d, std::abs(ls.delta + sc[j]));
    }
    if (ls.kind == LossKind::OneVsAll) d = std::min(d, std::abs(ls.delta - sc[p.label]));
    if (ls.kind == LossKind::Structured) {  // two wrong classes tied for the max is a kink too
      for (int j = 0; j < K; ++j) {
        for (int k = j + 1; k < K; ++k) {
          if (j != p.label && k != p.label) d = std::min(d, std::abs(sc[j] - sc[k]));
        }
      }
    }
  }
  return d;
}

class GradientCheck : public ::testing::TestWithParam<Case> {};

TEST_P(GradientCheck, MatchesCentralDifferences) {
  const Case c = GetParam();
  LossSettings ls;
  ls.kind = c.kind;
  ls.reg = c.reg;
  ls.squared = c.squared;
  ls.lambda = 0.3;
  ls.gamma = c.gamma;
  ls.alpha = 0.7;
  int checked = 0;
  std::uint64_t seed = 100;
  for (int K : {2, 3, 5, 8, 9, kMaxClasses}) {
    ls.class_weights.clear();
    for (int k = 0; c.weighted && k < K; ++k) ls.class_weights.push_back(0.2 + 1.3 * k);
    for (int N : {1, 7, 30}) {
      Scene s = test::random_scene(K, N, seed++);
      if (distance_to_kink(s, ls) < 1e-3) continue;
      ++checked;
      const LossGradient g = loss_gradient(s.points, s.params, ls);
      const double h = 1e-6;
      auto total = [&](const Params& p) { return loss_gradient(s.points, p, ls).total_loss; };
      for (int k = 0; k < K; ++k) {
        for (int d = 0; d < 2; ++d) {
          Params plus = s.params, minus = s.params;
          plus.W(k, d) += h;
          minus.W(k, d) -= h;
          const double fd = (total(plus) - total(minus)) / (2 * h);
          EXPECT_NEAR(g.dW(k, d), fd, 1e-6 * std::max(1.0, std::abs(fd)))
              << "K=" << K << " N=" << N << " W(" << k << "," << d << ")";
        }
        Params plus = s.params, minus = s.params;
        plus.b(k) += h;
        minus.b(k) -= h;
        const double fd = (total(plus) - total(minus)) / (2 * h);
        EXPECT_NEAR(g.db(k), fd, 1e-6 * std::max(1.0, std::abs(fd))) << "b(" << k << ")";
      }
      // Per-point pulls dL_i/ds are the derivative of the per-point loss.
      const Evaluation e = evaluate(s.points, s.params, ls);
      double sc[kMaxClasses], ds[kMaxClasses];
      for (std::size_t i = 0; i < s.points.size(); ++i) {
        point_scores(s.params, s.points[i], sc);
        for (int j = 0; j < K; ++j) {
          double up[kMaxClasses], dn[kMaxClasses];
          std::copy(sc, sc + K, up);
          std::copy(sc, sc + K, dn);
          up[j] += h;
          dn[j] -= h;
          const int y = s.points[i].label;
          const double fd = (point_loss(ls, up, K, y, ds) - point_loss(ls, dn, K, y, ds)) / (2 * h);
          EXPECT_NEAR(e.dscores(static_cast<Eigen::Index>(i), j), fd,
                      1e-6 * std::max(1.0, std::abs(fd)));
        }
      }
    }
  }
  EXPECT_GE(checked, 6) << "too few scenes away from the kinks";
}

INSTANTIATE_TEST_SUITE_P(AllLosses, GradientCheck, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& p) {
                           return case_name(p.param);
                         });

}  // namespace
}  // namespace ll

namespace ll {
namespace {

// Degenerate geometry never produces NaN or infinity.
TEST(LossesDegenerate, ZeroWeightsOneClassOnePointDuplicates) {
  std::vector<Scene> scenes;
  Scene zero_w = default_scene();
  zero_w.params.W.setZero();
  zero_w.params.b.setZero();
  scenes.push_back(zero_w);
  Scene one_class = default_scene();
  for (Point& p : one_class.points) p.label = 1;
  scenes.push_back(one_class);
  Scene single = default_scene();
  single.points.resize(1);
  scenes.push_back(single);
  Scene dup = default_scene();
  dup.points.assign(50, Point{0.25, -0.25, 2});
  scenes.push_back(dup);
  Scene identical_rows = default_scene();
  identical_rows.params.W.row(1) = identical_rows.params.W.row(0);
  identical_rows.params.b(1) = identical_rows.params.b(0);
  scenes.push_back(identical_rows);
  for (const Scene& s : scenes) {
    for (LossKind kind :
         {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured, LossKind::Softmax}) {
      for (RegKind reg : {RegKind::L2, RegKind::L1, RegKind::Elastic}) {
        LossSettings ls;
        ls.kind = kind;
        ls.reg = reg;
        const Evaluation e = evaluate(s.points, s.params, ls);
        EXPECT_TRUE(std::isfinite(e.total_loss));
        EXPECT_TRUE(e.dW.allFinite() && e.db.allFinite());
        EXPECT_TRUE(e.losses.allFinite() && e.dscores.allFinite());
      }
    }
  }
  // All weights zero: every score is 0, so WW gives K - 1 per point and softmax ln K.
  LossSettings ww;
  EXPECT_NEAR(evaluate(zero_w.points, zero_w.params, ww).data_loss, 2.0, 1e-12);
  LossSettings sm;
  sm.kind = LossKind::Softmax;
  EXPECT_NEAR(evaluate(zero_w.points, zero_w.params, sm).data_loss, std::log(3.0), 1e-12);
}

}  // namespace
}  // namespace ll

namespace ll {
namespace {

TEST(LossesPreconditions, BadLabelsAndClassCountsThrowInsteadOfReadingPastArrays) {
  Scene s = default_scene();
  s.points[4].label = 3;
  EXPECT_THROW(evaluate(s.points, s.params, s.loss), std::out_of_range);
  EXPECT_THROW(loss_gradient(s.points, s.params, s.loss), std::out_of_range);
  s.points[4].label = -1;
  LossSettings sm;
  sm.kind = LossKind::Softmax;
  EXPECT_THROW(loss_gradient(s.points, s.params, sm), std::out_of_range);
  Params one_class;
  one_class.W = WeightMatrix::Zero(1, 2);
  one_class.b = BiasVector::Zero(1);
  EXPECT_THROW(evaluate({}, one_class, s.loss), std::invalid_argument);
  const std::vector<int> bad_subset = {0, 9};
  EXPECT_THROW(loss_gradient(default_scene().points, default_scene().params, s.loss, bad_subset),
               std::out_of_range);
}

TEST(LossesAccuracy, MatchesEvaluate) {
  const Scene s = test::random_scene(5, 40, 3);
  EXPECT_EQ(accuracy(s.points, s.params), evaluate(s.points, s.params, s.loss).accuracy);
  EXPECT_EQ(accuracy({}, s.params), 0.0);
}

}  // namespace
}  // namespace ll

namespace ll {
namespace {

// ---- The probability losses: sigmoid (one-vs-rest BCE) and focal ----

LossSettings focal(double gamma, double alpha) {
  LossSettings s;
  s.kind = LossKind::Focal;
  s.gamma = gamma;
  s.alpha = alpha;
  return s;
}

TEST(LossesSigmoid, MatchesTheTextbookBinaryCrossEntropy) {
  const std::vector<double> sc = {1.5, -0.3, 2.2, 0.0};
  for (int y = 0; y < 4; ++y) {
    double expected = 0.0;
    double ds[4];
    for (int j = 0; j < 4; ++j) {
      const double sig = 1.0 / (1.0 + std::exp(-sc[j]));
      const double t = j == y ? 1.0 : 0.0;
      expected += -(t * std::log(sig) + (1 - t) * std::log(1 - sig));
    }
    const double L = loss_of(LossKind::Sigmoid, sc, y, ds);
    EXPECT_NEAR(L, expected, 1e-12);
    for (int j = 0; j < 4; ++j)
      EXPECT_NEAR(ds[j], 1.0 / (1.0 + std::exp(-sc[j])) - (j == y ? 1.0 : 0.0), 1e-15);
  }
  EXPECT_NEAR(loss_of(LossKind::Sigmoid, {0.0, 0.0}, 1), 2.0 * std::log(2.0), 1e-15);
}

TEST(LossesSigmoid, IsStableForScoresOfAMillion) {
  double ds[3];
  // Right with certainty: label score +1e6, the others -1e6.
  EXPECT_EQ(loss_of(LossKind::Sigmoid, {1e6, -1e6, -1e6}, 0, ds), 0.0);
  EXPECT_EQ(ds[0], 0.0);
  EXPECT_EQ(ds[1], 0.0);
  EXPECT_EQ(ds[2], 0.0);
  // Wrong with certainty: each term costs |s| = 1e6.
  EXPECT_EQ(loss_of(LossKind::Sigmoid, {-1e6, 1e6, 1e6}, 0, ds), 3e6);
  EXPECT_EQ(ds[0], -1.0);
  EXPECT_EQ(ds[1], 1.0);
  EXPECT_EQ(ds[2], 1.0);
  // Mixed with a moderate score: softplus(1) - 1 + softplus(-1e6) (= e^-1e6, 0 in doubles).
  EXPECT_NEAR(loss_of(LossKind::Sigmoid, {1.0, -1e6}, 0, ds), std::log1p(std::exp(-1.0)), 1e-15);
  EXPECT_TRUE(std::isfinite(ds[0]) && std::isfinite(ds[1]));
}

TEST(LossesFocal, GammaZeroAlphaOneIsSoftmaxExactly) {
  const LossSettings f = focal(0.0, 1.0);
  LossSettings sm;
  sm.kind = LossKind::Softmax;
  for (int K : {2, 3, 8}) {
    Scene s = test::random_scene(K, 600, 40 + static_cast<std::uint64_t>(K));
    s.params.W *= 3.0;
    const Evaluation ef = evaluate(s.points, s.params, f);
    const Evaluation es = evaluate(s.points, s.params, sm);
    EXPECT_EQ(ef.losses, es.losses);
    EXPECT_EQ(ef.dscores, es.dscores);
    EXPECT_EQ(ef.total_loss, es.total_loss);
    // loss_gradient: focal point by point, softmax through its kernel (core/loss_kernels.h:
    // libmvec's exp and the lanes' order of sums), so equal to rounding.
    const LossGradient gf = loss_gradient(s.points, s.params, f);
    const LossGradient gs = loss_gradient(s.points, s.params, sm);
    EXPECT_NEAR(gf.total_loss, gs.total_loss, 1e-12 * gs.total_loss);
    EXPECT_LT((gf.dW - gs.dW).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_LT((gf.db - gs.db).cwiseAbs().maxCoeff(), 1e-12);
  }
}

TEST(LossesFocal, MatchesItsDefinitionAndDownweightsEasyPoints) {
  const std::vector<double> sc = {3.2, 5.1, -1.7};
  double p[3];
  softmax(sc.data(), 3, p);
  double ds[3];
  for (int y = 0; y < 3; ++y) {
    for (double gamma : {0.5, 2.0}) {
      const double L = point_loss(focal(gamma, 0.25), sc.data(), 3, y, ds);
      EXPECT_NEAR(L, -0.25 * std::pow(1 - p[y], gamma) * std::log(p[y]), 1e-12);
      // The analytic gradient written out independently.
      const double F =
          std::pow(1 - p[y], gamma) - gamma * p[y] * std::pow(1 - p[y], gamma - 1) * std::log(p[y]);
      for (int j = 0; j < 3; ++j)
        EXPECT_NEAR(ds[j], 0.25 * F * (p[j] - (j == y ? 1.0 : 0.0)), 1e-12);
    }
  }
  // Easy point (p_y = 0.87): gamma = 2 scales its cross-entropy by (1 - p_y)^2 ~ 0.017.
  const double ce = loss_of(LossKind::Softmax, sc, 1);
  EXPECT_NEAR(point_loss(focal(2.0, 1.0), sc.data(), 3, 1, ds), ce * (1 - p[1]) * (1 - p[1]),
              1e-15);
  EXPECT_LT(point_loss(focal(2.0, 1.0), sc.data(), 3, 1, ds), 0.02 * ce);
}

TEST(LossesFocal, IsStableForHugeScores) {
  double ds[3];
  for (double gamma : {0.0, 0.3, 2.0}) {
    const LossSettings f = focal(gamma, 0.5);
    const std::vector<double> sc = {1e6, -1e6, 0.0};
    EXPECT_NEAR(point_loss(f, sc.data(), 3, 1, ds), 0.5 * 2e6, 1e-6) << gamma;
    EXPECT_NEAR(ds[0], 0.5, 1e-12);
    EXPECT_NEAR(ds[1], -0.5, 1e-12);
    EXPECT_EQ(point_loss(f, sc.data(), 3, 0, ds), 0.0) << gamma;  // p_y = 1
    for (double d : ds) EXPECT_TRUE(std::isfinite(d) && std::abs(d) < 1e-12) << gamma;
  }
}

// The blocked kernel (256 points at a time, vectorized exp/log) against the per-point
// definition, across block boundaries, with class weights and huge scores.
TEST(LossesFocal, BlockedKernelMatchesThePerPointDefinition) {
  for (int K : {2, 3, 8}) {
    for (double scale : {1.0, 1e5}) {
      Scene s = test::random_scene(K, 1000, 70 + static_cast<std::uint64_t>(K));
      s.params.W *= scale;
      s.params.b *= scale;
      for (bool weighted : {false, true}) {
        LossSettings ls = focal(1.5, 0.8);
        for (int k = 0; weighted && k < K; ++k) ls.class_weights.push_back(0.5 + k);
        const Evaluation e = evaluate(s.points, s.params, ls);
        const LossGradient g = loss_gradient(s.points, s.params, ls);
        EXPECT_TRUE(std::isfinite(g.total_loss));
        EXPECT_NEAR(g.data_loss, e.data_loss, 1e-12 * std::max(1.0, e.data_loss)) << K;
        EXPECT_LT((g.dW - e.dW).cwiseAbs().maxCoeff(), 1e-12 * scale) << K;
        EXPECT_LT((g.db - e.db).cwiseAbs().maxCoeff(), 1e-12) << K;
      }
    }
  }
}

TEST(LossesSigmoid, BlockedKernelMatchesThePerPointDefinition) {
  LossSettings base;
  base.kind = LossKind::Sigmoid;
  for (int K : {2, 3, 8}) {
    for (double scale : {1.0, 30.0, 1e5}) {
      Scene s = test::random_scene(K, 1000, 80 + static_cast<std::uint64_t>(K));
      s.params.W *= scale;
      s.params.b *= scale;
      for (bool weighted : {false, true}) {
        LossSettings ls = base;
        for (int k = 0; weighted && k < K; ++k) ls.class_weights.push_back(0.5 + k);
        const Evaluation e = evaluate(s.points, s.params, ls);
        const LossGradient g = loss_gradient(s.points, s.params, ls);
        EXPECT_TRUE(std::isfinite(g.total_loss));
        EXPECT_NEAR(g.data_loss, e.data_loss, 1e-12 * std::max(1.0, e.data_loss)) << K;
        EXPECT_LT((g.dW - e.dW).cwiseAbs().maxCoeff(), 1e-12 * std::max(1.0, scale)) << K;
        EXPECT_LT((g.db - e.db).cwiseAbs().maxCoeff(), 1e-12) << K;
        const std::vector<int> subset = {999, 0, 500, 257, 256, 255};
        std::vector<Point> picked;
        for (int i : subset) picked.push_back(s.points[static_cast<std::size_t>(i)]);
        EXPECT_NEAR(loss_gradient(s.points, s.params, ls, subset).data_loss,
                    evaluate(picked, s.params, ls).data_loss, 1e-12 * std::max(1.0, scale));
      }
    }
  }
}

// ---- Class weights ----

std::vector<LossKind> all_kinds() {
  return {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured,
          LossKind::Softmax,       LossKind::Sigmoid,  LossKind::Focal};
}

TEST(LossesClassWeights, UniformWeightsChangeNothing) {
  for (int K : {2, 4, 8}) {
    const Scene s = test::random_scene(K, 700, 90 + static_cast<std::uint64_t>(K));
    for (LossKind kind : all_kinds()) {
      for (double c : {1.0, 0.37, 250.0}) {
        LossSettings plain = settings(kind);
        LossSettings uniform = plain;
        uniform.class_weights.assign(static_cast<std::size_t>(K), c);
        const LossGradient a = loss_gradient(s.points, s.params, plain);
        const LossGradient b = loss_gradient(s.points, s.params, uniform);
        EXPECT_NEAR(a.total_loss, b.total_loss, 1e-12) << to_string(kind) << " c=" << c;
        EXPECT_LT((a.dW - b.dW).cwiseAbs().maxCoeff(), 1e-12) << to_string(kind);
        EXPECT_LT((a.db - b.db).cwiseAbs().maxCoeff(), 1e-12) << to_string(kind);
        const Evaluation ea = evaluate(s.points, s.params, plain);
        const Evaluation eb = evaluate(s.points, s.params, uniform);
        EXPECT_NEAR(ea.total_loss, eb.total_loss, 1e-12);
        EXPECT_LT((ea.dW - eb.dW).cwiseAbs().maxCoeff(), 1e-12);
        if (c == 1.0) {  // all ones is the same arithmetic as no weights
          EXPECT_EQ(a.total_loss, b.total_loss);
          EXPECT_EQ(a.dW, b.dW);
        }
      }
    }
  }
}

TEST(LossesClassWeights, DataLossIsTheWeightedMeanOfThePointLosses) {
  const Scene s = test::random_scene(3, 40, 5);
  for (LossKind kind : all_kinds()) {
    LossSettings ls = settings(kind);
    ls.class_weights = {0.5, 3.0, 1.25};
    const Evaluation e = evaluate(s.points, s.params, ls);
    double num = 0.0, den = 0.0;
    for (std::size_t i = 0; i < s.points.size(); ++i) {
      const double w = ls.class_weights[static_cast<std::size_t>(s.points[i].label)];
      num += w * e.losses(static_cast<Eigen::Index>(i));
      den += w;
    }
    EXPECT_NEAR(e.data_loss, num / den, 1e-12) << to_string(kind);
    EXPECT_NEAR(loss_gradient(s.points, s.params, ls).data_loss, num / den, 1e-12);
    // Weighting one class up moves the loss toward that class's mean loss.
    const Evaluation plain = evaluate(s.points, s.params, settings(kind));
    EXPECT_NE(e.data_loss, plain.data_loss) << to_string(kind);
  }
}

TEST(LossesClassWeights, WrongCountOrNonPositiveWeightsThrow) {
  const Scene s = default_scene();
  LossSettings ls;
  ls.class_weights = {1.0, 2.0};
  EXPECT_THROW(loss_gradient(s.points, s.params, ls), std::invalid_argument);
  EXPECT_THROW(evaluate(s.points, s.params, ls), std::invalid_argument);
  ls.class_weights = {1.0, 0.0, 1.0};
  EXPECT_THROW(loss_gradient(s.points, s.params, ls), std::invalid_argument);
  ls.class_weights = {1.0, NAN, 1.0};
  EXPECT_THROW(loss_gradient(s.points, s.params, ls), std::invalid_argument);
}

TEST(LossesProbability, DegenerateScenesStayFinite) {
  Scene zero_w = default_scene();
  zero_w.params.W.setZero();
  zero_w.params.b.setZero();
  // All scores 0: sigmoid costs K ln 2, focal (1 - 1/K)^gamma ln K.
  LossSettings sg;
  sg.kind = LossKind::Sigmoid;
  EXPECT_NEAR(evaluate(zero_w.points, zero_w.params, sg).data_loss, 3 * std::log(2.0), 1e-12);
  EXPECT_NEAR(evaluate(zero_w.points, zero_w.params, focal(2.0, 1.0)).data_loss,
              std::pow(2.0 / 3.0, 2.0) * std::log(3.0), 1e-12);
  Scene dup = default_scene();
  dup.points.assign(50, Point{0.25, -0.25, 2});
  for (const Scene* s : {&zero_w, &dup}) {
    for (const LossSettings& ls : {sg, focal(0.5, 2.0), focal(3.0, 0.1)}) {
      const Evaluation e = evaluate(s->points, s->params, ls);
      EXPECT_TRUE(std::isfinite(e.total_loss));
      EXPECT_TRUE(e.dW.allFinite() && e.db.allFinite() && e.dscores.allFinite());
    }
  }
}

}  // namespace
}  // namespace ll

// ---- Multi-label points (sigmoid only) ----

namespace ll {
namespace {

// The scene's points with random label sets: about half keep their one label, the others get a
// random non-empty subset of [0, K) (often several labels).
Scene multi_label_scene(int K, int N, std::uint64_t seed) {
  Scene s = test::random_scene(K, N, seed);
  Rng rng(seed + 7);
  for (Point& p : s.points) {
    if (rng.below(2) == 0) continue;
    const auto mask = static_cast<unsigned>(1 + rng.below((1u << K) - 1));
    p.set_label_mask(mask);
  }
  return s;
}

LossSettings sigmoid_settings(RegKind reg, bool weighted, int K) {
  LossSettings ls;
  ls.kind = LossKind::Sigmoid;
  ls.reg = reg;
  ls.lambda = 0.3;
  for (int k = 0; weighted && k < K; ++k) ls.class_weights.push_back(0.2 + 1.3 * k);
  return ls;
}

TEST(LossesMultiLabel, PointHoldsItsLabelSetCanonically) {
  Point p{0.5, -0.5, 1};
  EXPECT_FALSE(p.multi_label());
  EXPECT_EQ(p.label_mask(), 2u);
  p.set_label_mask(0b10100);
  EXPECT_TRUE(p.multi_label());
  EXPECT_EQ(p.label, 2);  // the lowest label
  EXPECT_EQ(p.label_mask(), 0b10100u);
  p.set_label_mask(0b1000);  // one label: an ordinary point
  EXPECT_FALSE(p.multi_label());
  EXPECT_EQ(p, (Point{0.5, -0.5, 3}));
  EXPECT_EQ(sizeof(Point), 24u);
}

TEST(LossesMultiLabel, SigmoidTargetsAreOneForEachLabel) {
  const double s[] = {1.5, -0.4, 0.7};
  double ds[3];
  const double L = point_loss_labels(sigmoid_settings(RegKind::L2, false, 3), s, 3, 0b101, ds);
  auto sig = [](double z) { return 1.0 / (1.0 + std::exp(-z)); };
  const double expected =
      -std::log(sig(1.5)) - std::log(1.0 - sig(-0.4)) - std::log(sig(0.7));  // t = (1, 0, 1)
  EXPECT_NEAR(L, expected, 1e-14);
  EXPECT_NEAR(ds[0], sig(1.5) - 1.0, 1e-15);
  EXPECT_NEAR(ds[1], sig(-0.4), 1e-15);
  EXPECT_NEAR(ds[2], sig(0.7) - 1.0, 1e-15);
  // One label through either entry point is the same loss.
  double a[3], b[3];
  EXPECT_EQ(point_loss(sigmoid_settings(RegKind::L2, false, 3), s, 3, 1, a),
            point_loss_labels(sigmoid_settings(RegKind::L2, false, 3), s, 3, 0b010, b));
  EXPECT_EQ(std::vector<double>(a, a + 3), std::vector<double>(b, b + 3));
}

TEST(LossesMultiLabel, ClassWeightsWeighAPointByTheMeanOfItsLabels) {
  Scene s = default_scene();
  s.points = {{0.5, 0.4, 0}, {-0.4, 0.3, 1}};
  s.points[0].set_label_mask(0b101);  // labels 0 and 2
  LossSettings ls = sigmoid_settings(RegKind::L2, false, 3);
  ls.class_weights = {1.0, 2.0, 4.0};
  const Evaluation e = evaluate(s.points, s.params, ls);
  const double w0 = (1.0 + 4.0) / 2.0, w1 = 2.0;
  EXPECT_NEAR(e.data_loss, (w0 * e.losses(0) + w1 * e.losses(1)) / (w0 + w1), 1e-14);
  EXPECT_NEAR(loss_gradient(s.points, s.params, ls).data_loss, e.data_loss, 1e-14);
  // Without weights: the plain mean of L_i.
  const Evaluation plain = evaluate(s.points, s.params, sigmoid_settings(RegKind::L2, false, 3));
  EXPECT_NEAR(plain.data_loss, 0.5 * (plain.losses(0) + plain.losses(1)), 1e-14);
  // Uniform weights change nothing.
  ls.class_weights = {3.0, 3.0, 3.0};
  EXPECT_NEAR(evaluate(s.points, s.params, ls).data_loss, plain.data_loss, 1e-14);
}

struct MultiCase {
  RegKind reg;
  bool weighted;
};

class MultiLabelGradient : public ::testing::TestWithParam<MultiCase> {};

TEST_P(MultiLabelGradient, MatchesCentralDifferences) {
  const MultiCase c = GetParam();
  std::uint64_t seed = 300;
  int checked = 0;
  for (int K : {2, 3, 5, 8}) {
    const LossSettings ls = sigmoid_settings(c.reg, c.weighted, K);
    for (int N : {1, 7, 30}) {
      const Scene s = multi_label_scene(K, N, seed++);
      if (s.params.W.cwiseAbs().minCoeff() < 1e-3) continue;  // L1's kink at W = 0
      ++checked;
      const LossGradient g = loss_gradient(s.points, s.params, ls);
      const double h = 1e-6;
      auto total = [&](const Params& p) { return loss_gradient(s.points, p, ls).total_loss; };
      for (int k = 0; k < K; ++k) {
        for (int d = 0; d < 3; ++d) {
          Params plus = s.params, minus = s.params;
          (d < 2 ? plus.W(k, d) : plus.b(k)) += h;
          (d < 2 ? minus.W(k, d) : minus.b(k)) -= h;
          const double fd = (total(plus) - total(minus)) / (2 * h);
          const double an = d < 2 ? g.dW(k, d) : g.db(k);
          EXPECT_NEAR(an, fd, 1e-6 * std::max(1.0, std::abs(fd)))
              << "K=" << K << " N=" << N << " k=" << k << " d=" << d;
        }
      }
      const Evaluation e = evaluate(s.points, s.params, ls);
      EXPECT_NEAR(e.total_loss, g.total_loss, 1e-12 * std::max(1.0, g.total_loss));
      EXPECT_LT((e.dW - g.dW).cwiseAbs().maxCoeff(), 1e-12);
      double sc[kMaxClasses], ds[kMaxClasses], up[kMaxClasses], dn[kMaxClasses];
      for (std::size_t i = 0; i < s.points.size(); ++i) {
        point_scores(s.params, s.points[i], sc);
        const unsigned mask = s.points[i].label_mask();
        for (int j = 0; j < K; ++j) {
          std::copy(sc, sc + K, up);
          std::copy(sc, sc + K, dn);
          up[j] += h;
          dn[j] -= h;
          const double fd =
              (point_loss_labels(ls, up, K, mask, ds) - point_loss_labels(ls, dn, K, mask, ds)) /
              (2 * h);
          EXPECT_NEAR(e.dscores(static_cast<Eigen::Index>(i), j), fd,
                      1e-6 * std::max(1.0, std::abs(fd)));
        }
      }
    }
  }
  EXPECT_GE(checked, 8);
}

INSTANTIATE_TEST_SUITE_P(
    SigmoidRegularizersWeights, MultiLabelGradient,
    ::testing::Values(MultiCase{RegKind::L2, false}, MultiCase{RegKind::L2, true},
                      MultiCase{RegKind::L1, false}, MultiCase{RegKind::L1, true},
                      MultiCase{RegKind::Elastic, false}, MultiCase{RegKind::Elastic, true}),
    [](const ::testing::TestParamInfo<MultiCase>& p) {
      return std::string(to_string(p.param.reg)) + (p.param.weighted ? "_weighted" : "");
    });

TEST(LossesMultiLabel, BlockedKernelMatchesThePerPointDefinition) {
  for (int K : {2, 3, 8}) {
    for (bool sparse : {false, true}) {
      Scene s = multi_label_scene(K, 1000, 400 + static_cast<std::uint64_t>(K));
      if (sparse) {  // one multi-label point in the third block of 256, the others single-label
        const Scene single = test::random_scene(K, 1000, 400 + static_cast<std::uint64_t>(K));
        s.points = single.points;
        s.points[600].set_label_mask(0b11);
      }
      for (bool weighted : {false, true}) {
        const LossSettings ls = sigmoid_settings(RegKind::L2, weighted, K);
        const Evaluation e = evaluate(s.points, s.params, ls);
        const LossGradient g = loss_gradient(s.points, s.params, ls);
        EXPECT_NEAR(g.data_loss, e.data_loss, 1e-12 * std::max(1.0, e.data_loss)) << K;
        EXPECT_LT((g.dW - e.dW).cwiseAbs().maxCoeff(), 1e-12) << K;
        EXPECT_LT((g.db - e.db).cwiseAbs().maxCoeff(), 1e-12) << K;
        const std::vector<int> subset = {999, 0, 500, 257, 256, 255};
        std::vector<Point> picked;
        for (int i : subset) picked.push_back(s.points[static_cast<std::size_t>(i)]);
        EXPECT_NEAR(loss_gradient(s.points, s.params, ls, subset).data_loss,
                    evaluate(picked, s.params, ls).data_loss, 1e-12);
      }
    }
  }
}

TEST(LossesMultiLabel, OtherLossesRejectThemNamingThePoint) {
  Scene s = default_scene();
  s.points[4].set_label_mask(0b011);
  for (LossKind kind : all_kinds()) {
    LossSettings ls = settings(kind);
    if (kind == LossKind::Sigmoid) {
      EXPECT_NO_THROW(loss_gradient(s.points, s.params, ls));
      EXPECT_NO_THROW(evaluate(s.points, s.params, ls));
      EXPECT_EQ(multi_label_conflict(s.points, kind), "");
      continue;
    }
    const std::string msg = multi_label_conflict(s.points, kind);
    EXPECT_NE(msg.find("point 4 has the labels [0, 1]"), std::string::npos) << msg;
    EXPECT_NE(msg.find("only the sigmoid loss"), std::string::npos) << msg;
    EXPECT_NE(msg.find(to_string(kind)), std::string::npos) << msg;
    for (auto f :
         {+[](const Scene&sc, const LossSettings&l) {
            (void)loss_gradient(sc.points, sc.params, l);
          },
          +[](const Scene&sc, const LossSettings&l) { (void)evaluate(sc.points, sc.params, l); },
          +[](const Scene&sc, const LossSettings&l) {
            const std::vector<int> subset = {8, 4};
            (void)loss_gradient(sc.points, sc.params, l, subset);
          }}) {
      try {
        f(s, ls);
        ADD_FAILURE() << to_string(kind) << " accepted a multi-label point";
      } catch (const std::invalid_argument& e) {
        EXPECT_EQ(std::string(e.what()), msg);
      }
    }
    double sc[3] = {0.1, 0.2, 0.3}, ds[3];
    EXPECT_THROW(point_loss_labels(ls, sc, 3, 0b110, ds), std::invalid_argument);
    EXPECT_NO_THROW(point_loss_labels(ls, sc, 3, 0b100, ds));
  }
  // Labels beyond K, or none, are out of range for every loss.
  double sc[3] = {0.1, 0.2, 0.3}, ds[3];
  LossSettings sg = settings(LossKind::Sigmoid);
  EXPECT_THROW(point_loss_labels(sg, sc, 3, 0b1001, ds), std::out_of_range);
  EXPECT_THROW(point_loss_labels(sg, sc, 3, 0, ds), std::out_of_range);
  s.points[4].set_label_mask(0b1001);  // label 3 of 3 classes
  EXPECT_THROW(loss_gradient(s.points, s.params, sg), std::out_of_range);
  EXPECT_THROW(evaluate(s.points, s.params, sg), std::out_of_range);
}

TEST(LossesMultiLabel, ExactMatchAndPerLabelAccuracy) {
  // K = 3, W = 0, b = (1, -1, 1): sigmoid predicts the set {0, 2} everywhere, argmax class 0.
  Params p;
  p.W = WeightMatrix::Zero(3, 2);
  p.b = BiasVector(3);
  p.b << 1, -1, 1;
  std::vector<Point> pts(4);
  pts[0].set_label_mask(0b101);  // exact; argmax 0 is a label; 3/3 decisions right
  pts[1].set_label_mask(0b001);  // not exact (2 predicted too); 2/3
  pts[2].set_label_mask(0b110);  // not exact; argmax 0 not a label; 1/3 (only class 2 right)
  pts[3].set_label_mask(0b011);  // not exact; argmax 0 a label; 1/3 (class 0)
  LossSettings sg = settings(LossKind::Sigmoid);
  const Evaluation e = evaluate(pts, p, sg);
  EXPECT_DOUBLE_EQ(e.accuracy, 3.0 / 4.0);
  EXPECT_DOUBLE_EQ(e.exact_match, 1.0 / 4.0);
  EXPECT_DOUBLE_EQ(e.label_accuracy, 7.0 / 12.0);
  const Accuracies a = accuracies(pts, p, LossKind::Sigmoid);
  EXPECT_EQ(a.accuracy, e.accuracy);
  EXPECT_EQ(a.exact_match, e.exact_match);
  EXPECT_EQ(a.label_accuracy, e.label_accuracy);
  EXPECT_EQ(accuracy(pts, p), e.accuracy);
  const double sc[3] = {1, -1, 1};
  EXPECT_EQ(predicted_label_mask(LossKind::Sigmoid, sc, 3), 0b101u);
  EXPECT_EQ(predicted_label_mask(LossKind::Softmax, sc, 3), 0b001u);  // ties: lower index
}

TEST(LossesMultiLabel, SingleLabelScenesKeepTheirAccuracy) {
  const Scene s = default_scene();
  for (LossKind kind : all_kinds()) {
    const Evaluation e = evaluate(s.points, s.params, settings(kind));
    EXPECT_NEAR(e.accuracy, 2.0 / 9.0, 1e-15) << to_string(kind);  // as before: argmax == label
    if (kind != LossKind::Sigmoid) {
      // One predicted label: exact match is accuracy; a wrong point gets 2 of K decisions wrong.
      EXPECT_EQ(e.exact_match, e.accuracy);
      EXPECT_NEAR(e.label_accuracy, 1.0 - 2.0 * (1.0 - e.accuracy) / 3.0, 1e-15);
    }
    const Accuracies a = accuracies(s.points, s.params, kind);
    EXPECT_EQ(a.exact_match, e.exact_match);
    EXPECT_EQ(a.label_accuracy, e.label_accuracy);
  }
}

}  // namespace
}  // namespace ll

namespace ll {
namespace {

// A NaN weight gives a NaN loss for every loss and class count (a hinge margin of NaN is not
// "below zero"): the landscape and training see it instead of a silently finite value.
TEST(LossesNaN, ANanWeightGivesANanLoss) {
  for (LossKind kind : {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured,
                        LossKind::Softmax, LossKind::Sigmoid, LossKind::Focal}) {
    for (int K : {2, 3, 7, 10}) {
      for (int N : {1, 255, 257, 600}) {
        Scene s = test::random_scene(K, N, 90 + static_cast<std::uint64_t>(K * N));
        Params p = s.params;
        p.W(0, 0) = std::nan("");
        LossSettings ls;
        ls.kind = kind;
        EXPECT_TRUE(std::isnan(loss_gradient(s.points, p, ls).data_loss))
            << to_string(kind) << " K " << K << " N " << N;
      }
    }
  }
}

}  // namespace
}  // namespace ll
