// The plot widget's tick placement (a pure function; no ImGui context needed).
#include <gtest/gtest.h>

#include "app/widgets/plot.h"

namespace ll::widgets {
namespace {

TEST(PlotTicks, OneTwoFiveSteps) {
  double first = 0, step = 0;
  EXPECT_EQ(NiceTicks(-3.0, 3.0, 6, first, step), 7);
  EXPECT_DOUBLE_EQ(step, 1.0);
  EXPECT_DOUBLE_EQ(first, -3.0);
  NiceTicks(0.0, 1.0, 5, first, step);
  EXPECT_DOUBLE_EQ(step, 0.2);
  NiceTicks(0.0, 100.0, 4, first, step);
  EXPECT_DOUBLE_EQ(step, 20.0);
  EXPECT_EQ(NiceTicks(0.013, 0.987, 4, first, step), 4);
  EXPECT_DOUBLE_EQ(step, 0.2);
  EXPECT_NEAR(first, 0.2, 1e-12);
  NiceTicks(-0.5, 6.0, 7, first, step);
  EXPECT_DOUBLE_EQ(step, 1.0);
  EXPECT_DOUBLE_EQ(first, 0.0);
}

TEST(PlotTicks, DegenerateRanges) {
  double first = 0, step = 0;
  EXPECT_EQ(NiceTicks(1.0, 1.0, 5, first, step), 1);
  EXPECT_EQ(NiceTicks(0.0, std::numeric_limits<double>::infinity(), 5, first, step), 1);
  EXPECT_EQ(NiceTicks(std::numeric_limits<double>::quiet_NaN(), 1.0, 5, first, step), 0);
}

}  // namespace
}  // namespace ll::widgets
