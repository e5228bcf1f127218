#include "core/history_thinning.h"

#include <gtest/gtest.h>

namespace ll {
namespace {

LossRecord rec(long step) { return {0.0, 0.0, static_cast<double>(step), 0.0}; }

TEST(ThinnedHistory, KeepsEveryStepUntilFull) {
  ThinnedHistory h(8);
  for (long s = 0; s < 8; ++s) h.add(s, rec(s));
  ASSERT_EQ(h.points().size(), 8u);
  EXPECT_EQ(h.stride(), 1);
  for (long s = 0; s < 8; ++s) EXPECT_EQ(h.points()[static_cast<std::size_t>(s)].step, s);
}

TEST(ThinnedHistory, DoublesTheStrideAndKeepsTheLatestStep) {
  ThinnedHistory h(8);
  for (long s = 0; s <= 8; ++s) h.add(s, rec(s));
  // Nine records: thinned to the even steps (8 is even and the latest).
  EXPECT_EQ(h.stride(), 2);
  std::vector<long> steps;
  for (const StepRecord& p : h.points()) steps.push_back(p.step);
  EXPECT_EQ(steps, (std::vector<long>{0, 2, 4, 6, 8}));
  h.add(9, rec(9));  // off the stride: kept as "now"
  EXPECT_EQ(h.points().back().step, 9);
  h.add(10, rec(10));  // replaces 9
  steps.clear();
  for (const StepRecord& p : h.points()) steps.push_back(p.step);
  EXPECT_EQ(steps, (std::vector<long>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(h.points().back().record.total_loss, 10.0);
}

TEST(ThinnedHistory, StaysBoundedAndEvenOverALongRun) {
  ThinnedHistory h(1000);
  const long n = 1'000'000;
  for (long s = 0; s <= n; ++s) h.add(s, rec(s));
  const std::vector<StepRecord>& p = h.points();
  EXPECT_LE(p.size(), 1000u);
  EXPECT_GE(p.size(), 500u);
  EXPECT_EQ(p.front().step, 0);
  EXPECT_EQ(p.back().step, n);
  EXPECT_EQ(p.back().record.total_loss, static_cast<double>(n));
  for (std::size_t i = 0; i + 2 < p.size(); ++i) {  // all but the last gap are one stride
    EXPECT_EQ(p[i].step % h.stride(), 0);
    EXPECT_EQ(p[i + 1].step - p[i].step, h.stride());
  }
}

TEST(ThinnedHistory, ThinHistoryOfAFullRecordMatchesAddingStepByStep) {
  std::vector<LossRecord> full;
  ThinnedHistory h(64);
  for (long s = 0; s < 5000; ++s) {
    full.push_back(rec(s));
    h.add(s, rec(s));
  }
  const std::vector<StepRecord> t = thin_history(full, 64);
  ASSERT_EQ(t.size(), h.points().size());
  for (std::size_t i = 0; i < t.size(); ++i) EXPECT_EQ(t[i].step, h.points()[i].step);
  EXPECT_EQ(thin_history({}, 64).size(), 0u);
  const std::vector<StepRecord> tiny = thin_history(full, 0);  // max_points is at least 4
  EXPECT_LE(tiny.size(), 4u);
  EXPECT_EQ(tiny.front().step, 0);
  EXPECT_EQ(tiny.back().step, 4999);
}

TEST(ThinnedHistory, DropAfterForgetsUndoneSteps) {
  ThinnedHistory h(8);
  for (long k = 0; k <= 5; ++k) h.add(k, LossRecord{static_cast<double>(k), 0, 0, 0});
  h.drop_after(3);
  ASSERT_EQ(h.points().size(), 4u);
  EXPECT_EQ(h.points().back().step, 3);
  h.add(4, LossRecord{40, 0, 0, 0});
  EXPECT_EQ(h.points().back().record.data_loss, 40.0);
}

}  // namespace
}  // namespace ll
