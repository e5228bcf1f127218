// Axis ticks (core/ticks.h): nice steps, tick positions and labels, including the ranges that
// used to overflow in the plot widget (step inf, floor(NaN) to int).
#include "core/ticks.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace ll {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kNotANumber = std::numeric_limits<double>::quiet_NaN();

TEST(Ticks, OneTwoFiveSteps) {
  Ticks t = nice_ticks(-3.0, 3.0, 6);
  EXPECT_DOUBLE_EQ(t.step, 1.0);
  EXPECT_EQ(t.values, (std::vector<double>{-3, -2, -1, 0, 1, 2, 3}));
  EXPECT_DOUBLE_EQ(nice_step(0.0, 1.0, 5), 0.2);
  EXPECT_DOUBLE_EQ(nice_step(0.0, 100.0, 4), 20.0);
  t = nice_ticks(0.013, 0.987, 4);
  EXPECT_DOUBLE_EQ(t.step, 0.2);
  ASSERT_EQ(t.values.size(), 4u);
  EXPECT_NEAR(t.values.front(), 0.2, 1e-12);
  t = nice_ticks(-0.5, 6.0, 7);
  EXPECT_DOUBLE_EQ(t.step, 1.0);
  EXPECT_EQ(t.values.front(), 0.0);
  EXPECT_DOUBLE_EQ(nice_step(-1.1, 1.1, 5), 0.5);  // the exported canvas's default axes
  EXPECT_DOUBLE_EQ(nice_step(0.0, 1000.0, 1), 1000.0);
  EXPECT_DOUBLE_EQ(nice_step(0.0, 9.0, 1), 10.0);
}

TEST(Ticks, ValuesAreExactMultiplesWithAnExactZero) {
  const Ticks t = nice_ticks(-0.3, 0.3, 6);
  ASSERT_DOUBLE_EQ(t.step, 0.1);
  ASSERT_EQ(t.values.size(), 7u);
  for (std::size_t i = 0; i < t.values.size(); ++i)
    EXPECT_EQ(t.values[i], (static_cast<double>(i) - 3.0) * 0.1);
  EXPECT_EQ(std::signbit(t.values[3]), false);
}

TEST(Ticks, DegenerateAndNonFiniteRangesGiveNoTicks) {
  EXPECT_TRUE(nice_ticks(1.0, 1.0, 5).values.empty());
  EXPECT_TRUE(nice_ticks(2.0, 1.0, 5).values.empty());
  EXPECT_TRUE(nice_ticks(0.0, kInfinity, 5).values.empty());
  EXPECT_TRUE(nice_ticks(kNotANumber, 1.0, 5).values.empty());
  EXPECT_TRUE(nice_ticks(0.0, 1.0, 0).values.empty());
  EXPECT_EQ(nice_step(0.0, kInfinity, 5), 0.0);
  EXPECT_TRUE(ticks_with_step(0.0, 1.0, 0.0).empty());
  EXPECT_TRUE(ticks_with_step(0.0, 1.0, kNotANumber).empty());
  EXPECT_EQ(ticks_with_step(0.0, 1e9, 1.0, 50).size(), 50u);
}

// Regression: the widget's NiceTicks(-1e308, 1e308) computed step inf, first NaN, then
// converted floor(NaN) to int (undefined behaviour).
TEST(Ticks, SpansBeyondTheLargestDoubleStayFinite) {
  const Ticks t = nice_ticks(-1e308, 1e308, 4);
  EXPECT_TRUE(std::isfinite(t.step));
  EXPECT_DOUBLE_EQ(t.step, 5e307);
  ASSERT_EQ(t.values.size(), 5u);
  for (double v : t.values) EXPECT_TRUE(std::isfinite(v));
  EXPECT_EQ(t.values[2], 0.0);
  const double big = std::numeric_limits<double>::max();
  for (int target : {1, 2, 5, 10}) {
    const Ticks u = nice_ticks(-big, big, target);
    for (double v : u.values) EXPECT_TRUE(std::isfinite(v)) << target;
    EXPECT_LE(u.values.size(), 30u) << target;
  }
}

TEST(Ticks, LabelsHaveNoNegativeZeroAndNoFloatNoise) {
  EXPECT_EQ(tick_label(0.1 + 0.2, 0.1), "0.3");
  EXPECT_EQ(tick_label(-0.0, 0.5), "0");
  EXPECT_EQ(tick_label(-1e-17, 0.1), "0");
  EXPECT_EQ(tick_label(-0.5, 0.5), "-0.5");
  EXPECT_EQ(tick_label(1.0, 0.5), "1");
  EXPECT_EQ(tick_label(2.5, 0.5), "2.5");
  EXPECT_EQ(tick_label(0.75, 0.25), "0.75");
  EXPECT_EQ(tick_label(40.0, 20.0), "40");
  EXPECT_EQ(tick_label(3 * 0.1, 0.1), "0.3");
  EXPECT_EQ(tick_label(0.0003, 0.0001), "0.0003");
  EXPECT_EQ(tick_label(2e6, 1e6), "2e+06");
  EXPECT_EQ(tick_label(1.2e6, 2e5), "1.2e+06");
  EXPECT_EQ(tick_label(-5e307, 5e307), "-5e+307");
  EXPECT_EQ(tick_label(2e-5, 1e-5), "2e-05");
  EXPECT_EQ(tick_label(kInfinity, 1.0), "inf");
}

}  // namespace
}  // namespace ll
