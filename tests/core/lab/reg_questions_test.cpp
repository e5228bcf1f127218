// The regularization questions: "which W does L2 prefer?" and the penalties by hand.
#include "core/lab/reg_questions.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace ll::lab {
namespace {

TEST(RegQuestions, L2PrefersTheSpreadOutWeights) {
  const std::vector<RegRow> rows = reg_rows(default_reg_x(), default_reg_weights());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].dot, 1.0);
  EXPECT_EQ(rows[1].dot, 1.0);
  EXPECT_EQ(rows[0].l2, 1.0);
  EXPECT_EQ(rows[1].l2, 0.25);
  EXPECT_EQ(rows[0].l1, 1.0);
  EXPECT_EQ(rows[1].l1, 1.0);
  EXPECT_EQ(rows[0].elastic, 0.5 * 1.0 + 1.0);
  EXPECT_EQ(rows[1].elastic, 0.5 * 0.25 + 1.0);
  EXPECT_EQ(preferred(rows, RegKind::L2), 1);
  EXPECT_EQ(preferred(rows, RegKind::L1), -1);  // L1 cannot tell them apart
  EXPECT_EQ(preferred(rows, RegKind::Elastic), 1);
}

TEST(RegQuestions, OddLengthsAndBeta) {
  const Eigen::Vector3d x(1.0, -2.0, 3.0), w(-0.5, 2.0, 1.5);
  const RegRow r = reg_row(x, w, 2.0);
  EXPECT_EQ(r.dot, -0.5 - 4.0 + 4.5);
  EXPECT_EQ(r.l2, 0.25 + 4.0 + 2.25);
  EXPECT_EQ(r.l1, 0.5 + 2.0 + 1.5);
  EXPECT_EQ(r.elastic, 2.0 * 6.5 + 4.0);
  EXPECT_EQ(penalty(w, RegKind::L1), 4.0);
}

TEST(RegQuestions, Errors) {
  EXPECT_THROW(reg_row(Eigen::VectorXd(), Eigen::VectorXd()), std::invalid_argument);
  EXPECT_THROW(reg_row(Eigen::Vector2d(1, 1), Eigen::Vector3d(1, 1, 1)), std::invalid_argument);
  EXPECT_THROW(reg_row(Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 1), -1.0), std::invalid_argument);
  try {
    reg_rows(Eigen::Vector2d(1, 1), {Eigen::Vector2d(1, 1), Eigen::Vector3d(1, 1, 1)});
    ADD_FAILURE() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "w2: w has 3 entries and x has 2 (they need the same number)");
  }
}

}  // namespace
}  // namespace ll::lab
