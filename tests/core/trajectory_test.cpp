#include "core/trajectory.h"

#include <gtest/gtest.h>

namespace ll {
namespace {

Params at(double v) {
  Params p = default_params(3);
  p.W(0, 0) = v;
  return p;
}

TEST(Trajectory, KeepsEveryStepBelowTheBound) {
  Trajectory t(100);
  for (long s = 0; s <= 50; ++s) t.add(s, at(double(s)));
  ASSERT_EQ(t.points().size(), 51u);
  for (long s = 0; s <= 50; ++s) EXPECT_EQ(t.points()[std::size_t(s)].params, at(double(s)));
  t.drop_after(40);
  EXPECT_EQ(t.points().back().step, 40);
  t.add(40, at(-1));  // the same step replaces
  EXPECT_EQ(t.points().back().params, at(-1));
  t.clear();
  EXPECT_TRUE(t.points().empty());
}

TEST(Trajectory, ThinsEvenlyAndKeepsTheLatest) {
  Trajectory t(16);
  for (long s = 0; s <= 1000; ++s) {
    t.add(s, at(double(s)));
    ASSERT_LE(t.points().size(), 17u);
    ASSERT_EQ(t.points().back().step, s);
  }
  EXPECT_EQ(t.points().front().step, 0);
  for (std::size_t i = 0; i + 1 < t.points().size(); ++i)
    EXPECT_EQ(t.points()[i].step % t.stride(), 0);
}

}  // namespace
}  // namespace ll
