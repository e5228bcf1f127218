#include "core/lab/gd_demo.h"

#include <gtest/gtest.h>

namespace ll::lab {
namespace {

TEST(GdDemo, SquareConvergesGeometricallyFromTwo) {
  const std::vector<GdStep> t = gd_table(GdObjective::Square, 2.0, 0.3, 6);
  ASSERT_EQ(t.size(), 6u);
  const double expect[] = {2.0, 0.8, 0.32, 0.128, 0.0512, 0.02048};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(t[i].t, i);
    EXPECT_NEAR(t[i].x, expect[i], 1e-12);
    EXPECT_NEAR(t[i].grad, 2 * expect[i], 1e-12);
    EXPECT_NEAR(t[i].next, 0.4 * expect[i], 1e-12);
  }
}

TEST(GdDemo, AbsOscillatesAroundZero) {
  const std::vector<GdStep> t = gd_table(GdObjective::Abs, 2.0, 0.3, 10);
  const double next[] = {1.7, 1.4, 1.1, 0.8, 0.5, 0.2, -0.1, 0.2, -0.1, 0.2};
  for (int i = 0; i < 10; ++i) EXPECT_NEAR(t[i].next, next[i], 1e-9) << "step " << i;
  EXPECT_DOUBLE_EQ(t[0].grad, 1.0);
  EXPECT_NEAR(t[7].x, -0.1, 1e-9);
  EXPECT_DOUBLE_EQ(t[7].grad, -1.0);  // at x = -0.1 the gradient flips sign
  for (int i = 0; i + 1 < 10; ++i) EXPECT_DOUBLE_EQ(t[i].next, t[i + 1].x);
}

TEST(GdDemo, ValuesAndEdgeCases) {
  EXPECT_DOUBLE_EQ(gd_value(GdObjective::Square, -3.0), 9.0);
  EXPECT_DOUBLE_EQ(gd_value(GdObjective::Abs, -3.0), 3.0);
  EXPECT_DOUBLE_EQ(gd_derivative(GdObjective::Abs, 0.0), 0.0);
  EXPECT_TRUE(gd_table(GdObjective::Abs, 2.0, 0.3, 0).empty());
}

}  // namespace
}  // namespace ll::lab
