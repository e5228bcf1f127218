#include "core/lab/same_accuracy.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ll::lab {
namespace {

TEST(SameAccuracy, EqualErrorRateDifferentCrossEntropy) {
  const TableScore a = score(same_accuracy_model_a());
  const TableScore b = score(same_accuracy_model_b());
  EXPECT_DOUBLE_EQ(a.error_rate, 0.25);
  EXPECT_DOUBLE_EQ(b.error_rate, 0.25);
  EXPECT_NEAR(a.mean_cross_entropy, (3 * -std::log(0.4) - std::log(0.1)) / 4, 1e-12);
  EXPECT_NEAR(b.mean_cross_entropy,
              (-2 * std::log(0.7) - std::log(0.3) - std::log(0.8)) / 4, 1e-12);
  EXPECT_NEAR(a.mean_cross_entropy, 1.263, 0.001);
  EXPECT_NEAR(b.mean_cross_entropy, 0.535, 0.001);
  EXPECT_EQ(a.predictions(2), 2);  // sample 2 (label 0) is the shared mistake
}

TEST(SameAccuracy, RowsAreNormalizedAndBadRowsAreUniform) {
  ProbabilityTable t = same_accuracy_model_b();
  t.probs.row(0) *= 10.0;
  t.probs.row(1).setZero();
  const TableScore s = score(t);
  EXPECT_NEAR(s.p_correct(0), 0.7, 1e-12);
  EXPECT_NEAR(s.p_correct(1), 1.0 / 3.0, 1e-12);
  t.probs(3, 0) = 0.0;
  EXPECT_TRUE(std::isinf(score(t).cross_entropy(3)));
}

}  // namespace
}  // namespace ll::lab
