#include "core/lab/same_accuracy.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace ll::lab {
namespace {

TEST(SameAccuracy, EqualErrorRateDifferentCrossEntropy) {
  const TableScore a = score(same_accuracy_model_a());
  const TableScore b = score(same_accuracy_model_b());
  EXPECT_DOUBLE_EQ(a.error_rate, 0.25);
  EXPECT_DOUBLE_EQ(b.error_rate, 0.25);
  EXPECT_NEAR(a.mean_cross_entropy, (3 * -std::log(0.4) - std::log(0.1)) / 4, 1e-12);
  EXPECT_NEAR(b.mean_cross_entropy, (-2 * std::log(0.7) - std::log(0.3) - std::log(0.8)) / 4,
              1e-12);
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

// Regression: labels(i) was read for every row without checking there is one label per row.
TEST(SameAccuracy, LabelCountMustMatchTheRows) {
  ProbabilityTable t = same_accuracy_model_a();
  t.labels.resize(3);
  t.labels << 2, 1, 0;
  try {
    score(t);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("3 labels for 4 rows"), std::string::npos) << e.what();
  }
  t.labels = Eigen::VectorXi::Zero(5);
  EXPECT_THROW(score(t), std::invalid_argument);
  t.probs.resize(0, 3);
  t.labels.resize(0);
  EXPECT_EQ(score(t).error_rate, 0.0);
}

}  // namespace
}  // namespace ll::lab
