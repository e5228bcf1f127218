#include "core/lab/regression.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/lab/regression_presets.h"

namespace ll::lab {
namespace {

const RegressionPreset& preset(const std::string& name) {
  for (const RegressionPreset& p : regression_presets())
    if (p.name == name) return p;
  throw std::runtime_error("no preset " + name);
}

Line fit(std::span<const Sample> s, RegressionLoss k, double delta, double lr, int steps) {
  Line l;
  for (int i = 0; i < steps; ++i) gradient_step(s, l, k, delta, lr);
  return l;
}

TEST(Regression, LeastSquaresRecoversAnExactLine) {
  const std::vector<Sample> s{{-1, -1}, {0, 1}, {2, 5}, {3, 7}};
  const Line l = least_squares(s);
  EXPECT_NEAR(l.a, 2.0, 1e-12);
  EXPECT_NEAR(l.c, 1.0, 1e-12);
  EXPECT_NEAR(regression_loss(s, l, RegressionLoss::MSE, 1.0), 0.0, 1e-20);
}

TEST(Regression, LeastSquaresDegenerateCases) {
  EXPECT_EQ(least_squares(std::vector<Sample>{}), Line{});
  const Line l = least_squares(std::vector<Sample>{{2, 1}, {2, 5}});
  EXPECT_DOUBLE_EQ(l.a, 0.0);
  EXPECT_DOUBLE_EQ(l.c, 3.0);
}

TEST(Regression, LectureResidualTables) {
  const RegressionPreset& clean = preset("Lecture residuals");
  const ResidualTable t = residual_table(clean.samples, clean.model, 1.0);
  ASSERT_EQ(t.rows.size(), 5u);
  const double r[] = {-10, -5, 0, 5, 10};
  for (int i = 0; i < 5; ++i) {
    EXPECT_NEAR(t.rows[i].r, r[i], 1e-12);
    EXPECT_NEAR(t.rows[i].abs, std::abs(r[i]), 1e-12);
    EXPECT_NEAR(t.rows[i].sq, r[i] * r[i], 1e-9);
  }
  EXPECT_NEAR(t.mae, 6.0, 1e-12);
  EXPECT_NEAR(t.mse, 50.0, 1e-9);
  EXPECT_NEAR(t.rmse, 7.07, 0.005);
  EXPECT_NEAR(t.rows[1].huber, 4.5, 1e-12);  // delta (|r| - delta/2) = 1 * (5 - 0.5)
  EXPECT_NEAR(t.mean_huber, (9.5 + 4.5 + 0 + 4.5 + 9.5) / 5, 1e-12);

  const RegressionPreset& out = preset("Lecture residuals, outlier");
  const ResidualTable u = residual_table(out.samples, out.model, 1.0);
  EXPECT_NEAR(u.mae, 24.0, 1e-12);
  EXPECT_NEAR(u.rmse, 45.06, 0.005);
}

TEST(Regression, MseGradientDescentConvergesToLeastSquares) {
  for (const RegressionPreset& p : regression_presets()) {
    const Line ls = least_squares(p.samples);
    const Line gd = fit(p.samples, RegressionLoss::MSE, 1.0, 0.1, 400);
    EXPECT_NEAR(gd.a, ls.a, 1e-6 * (1 + std::abs(ls.a))) << p.name;
    EXPECT_NEAR(gd.c, ls.c, 1e-6 * (1 + std::abs(ls.c))) << p.name;
  }
}

TEST(Regression, RobustFitsHoldTheInliersWhileMseChasesTheOutlier) {
  const RegressionPreset& p = preset("Noisy line + outlier");
  const Line truth = p.model;
  const Line mse = fit(p.samples, RegressionLoss::MSE, 1.0, 0.1, 2000);
  const Line mae = fit(p.samples, RegressionLoss::MAE, 1.0, 0.02, 4000);
  const Line hub = fit(p.samples, RegressionLoss::Huber, 1.0, 0.1, 4000);
  auto off = [&](const Line& l) { return std::abs(l.a - truth.a) + std::abs(l.c - truth.c); };
  EXPECT_GT(off(mse), 0.8);  // the single outlier at (4, -12) drags the MSE line
  EXPECT_LT(off(mae), 0.35);
  EXPECT_LT(off(hub), 0.35);
  EXPECT_GT(off(mse), 3 * std::max(off(mae), off(hub)));
}

TEST(Regression, HuberFitIsAMinimumInTheDataUnits) {
  // Standardization rescales delta with the data, so the minimizer is the original one.
  const RegressionPreset& p = preset("Lecture residuals, outlier");
  const double delta = 8.0;
  const Line l = fit(p.samples, RegressionLoss::Huber, delta, 0.05, 20000);
  const double base = regression_loss(p.samples, l, RegressionLoss::Huber, delta);
  for (double da : {-1e-3, 1e-3})
    for (double dc : {-1e-3, 0.0, 1e-3})
      EXPECT_GE(regression_loss(p.samples, {l.a + da, l.c + dc}, RegressionLoss::Huber, delta),
                base - 1e-9);
}

// Regression: the distinct-x test was absolute (sxx > 1e-12 n), so tiny x gave slope 0.
TEST(Regression, LeastSquaresOnTinyXIsScaleInvariant) {
  std::vector<Sample> s;
  for (int i = 0; i < 5; ++i) s.push_back({1e-7 * i, 2.0 * i});
  const Line l = least_squares(s);
  EXPECT_NEAR(l.a, 2e7, 2e7 * 1e-9);
  EXPECT_NEAR(l.c, 0.0, 1e-9);
  // Still degenerate: x equal up to rounding at a large magnitude.
  const Line flat = least_squares(std::vector<Sample>{{1e8, 1}, {1e8, 5}, {1e8, 3}});
  EXPECT_EQ(flat.a, 0.0);
  EXPECT_DOUBLE_EQ(flat.c, 3.0);
}

// Regression: Huber with delta 0 divided 0 by 0 and turned the line into NaN.
TEST(Regression, HuberWithNonPositiveDeltaIsMae) {
  const RegressionPreset& p = preset("Lecture residuals, outlier");
  for (double delta : {0.0, -1.0, std::nan("")}) {
    Line huber{0.5, 1.0}, mae{0.5, 1.0};
    for (int i = 0; i < 50; ++i) {
      const double gh = gradient_step(p.samples, huber, RegressionLoss::Huber, delta, 0.05);
      const double gm = gradient_step(p.samples, mae, RegressionLoss::MAE, 1.0, 0.05);
      EXPECT_EQ(gh, gm);
    }
    EXPECT_TRUE(std::isfinite(huber.a) && std::isfinite(huber.c));
    EXPECT_EQ(huber, mae);
    EXPECT_EQ(regression_loss(p.samples, huber, RegressionLoss::Huber, delta),
              regression_loss(p.samples, huber, RegressionLoss::MAE, delta));
    const ResidualTable t = residual_table(p.samples, huber, delta);
    EXPECT_EQ(t.mean_huber, t.mae);
  }
}

TEST(Regression, GradientStepOnEmptyDataIsANoOp) {
  Line l{1.0, 2.0};
  EXPECT_EQ(gradient_step(std::vector<Sample>{}, l, RegressionLoss::MAE, 1.0, 0.1), 0.0);
  EXPECT_EQ(l, (Line{1.0, 2.0}));
}

}  // namespace
}  // namespace ll::lab
